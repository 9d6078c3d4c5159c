//! Duties read sentence by sentence: a meeting's decisions that bid a unit act without a role
//! verb (`责成甲……`, `请甲……`, `由甲……`, `甲要……`), a 纪要 of unnumbered decisions, a bracket
//! that gives units parts of the work, and clauses parted by `，` each with its own allocation.

use gongwen_parse::{Options, parse};

fn doc(text: &str) -> gongwen_parse::Document {
    parse(text.as_bytes(), &Options::default()).expect("parses")
}

/// Each task as (text, lead, support).
fn tasks(d: &gongwen_parse::Document) -> Vec<(String, Vec<String>, Vec<String>)> {
    d.tasks
        .iter()
        .map(|t| (t.text.clone(), t.lead.clone(), t.support.clone()))
        .collect()
}

fn v(units: &[&str]) -> Vec<String> {
    units.iter().map(|u| (*u).to_string()).collect()
}

const MINUTES: &str = "某市人民政府专题会议纪要\n\n第3期\n\n某市人民政府办公室　　　　2023年5月6日\n\n\
\u{3000}\u{3000}5月5日，副市长王某某主持召开专题会议。现将会议议定事项纪要如下：\n\
\u{3000}\u{3000}一、市投资促进局负责做好项目招引工作。\n\
\u{3000}\u{3000}二、市住房城乡建设局要抓紧制定改造计划，于9月底前报市政府。\n\
\u{3000}\u{3000}三、责成市财政局统筹安排配套资金，确保10月底前拨付到位。\n\
\u{3000}\u{3000}四、请市供电公司、市水务集团配合做好管网改造工作。\n\
\u{3000}\u{3000}五、东城区、西城区人民政府负责做好居民动员工作。\n\
\u{3000}\u{3000}六、会议同意市财政局提出的预算调整方案，由市财政局按程序报市人大常委会审议。\n\
\u{3000}\u{3000}七、会议责成市公安局交警支队加强交通疏导。\n\
\u{3000}\u{3000}八、会议要求，市农业农村局牵头，市生态环境局配合，制定推进方案。宾川县、洱源县人民政府负责抓好落实。\n\n\
出席：王某某\n";

#[test]
fn a_meetings_decisions_bid_units_act_without_a_role_verb() {
    let d = doc(MINUTES);
    let t = tasks(&d);
    let lead_support: Vec<(Vec<String>, Vec<String>)> =
        t.iter().map(|(_, l, s)| (l.clone(), s.clone())).collect();
    assert_eq!(
        lead_support,
        vec![
            (v(&["市投资促进局"]), v(&[])),
            (v(&["市住房城乡建设局"]), v(&[])),
            (v(&["市财政局"]), v(&[])),
            (v(&[]), v(&["市供电公司", "市水务集团"])),
            (v(&["东城区人民政府", "西城区人民政府"]), v(&[])),
            (v(&["市财政局"]), v(&[])),
            (v(&["市公安局交警支队"]), v(&[])),
            (
                v(&["市农业农村局"]),
                v(&["市生态环境局", "宾川县人民政府", "洱源县人民政府"])
            ),
        ]
    );
    assert_eq!(t[0].0, "市投资促进局负责做好项目招引工作。");
    assert_eq!(
        t[2].0,
        "责成市财政局统筹安排配套资金，确保10月底前拨付到位。"
    );
}

#[test]
fn the_same_words_outside_a_meetings_decisions_allocate_nothing() {
    let text = MINUTES
        .replace(
            "某市人民政府专题会议纪要",
            "某市人民政府关于加强城市管理工作的通知",
        )
        .replace("现将会议议定事项纪要如下：", "现就有关事项通知如下：");
    let d = doc(&text);
    let t = tasks(&d);
    // Only the duty with supporters after its lead is an allocation in any document.
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0].1, v(&["市农业农村局"]));
}

#[test]
fn unnumbered_decisions_of_a_minutes_are_its_tasks() {
    let d = doc(
        "某市人民政府专题会议纪要\n\n第35期\n\n某市人民政府办公室　　　　2019年11月20日\n\n\
关于研究南湖大道改造工程有关问题的会议纪要\n\n\
\u{3000}\u{3000}11月18日，副市长朱某某召集市建设局、市财政局等单位负责人，专题研究有关问题。会议议定如下：\n\
\u{3000}\u{3000}会议同意工程分期实施。工程由市建设局牵头组织实施，市交通运输局、南湖区政府配合，力争2020年6月底前完工。\n\
\u{3000}\u{3000}工程所需资金由市、区两级财政分担，市财政局负责做好资金保障工作。\n\
\u{3000}\u{3000}南湖区政府负责做好沿线房屋征收工作。\n\
\u{3000}\u{3000}会议强调，各有关部门要密切配合，形成工作合力。\n\n\
出席：朱某某\n",
    );
    let t = tasks(&d);
    let leads: Vec<Vec<String>> = t.iter().map(|(_, l, _)| l.clone()).collect();
    assert_eq!(
        leads,
        vec![v(&["市建设局"]), v(&["市财政局"]), v(&["南湖区政府"])]
    );
    assert_eq!(t[0].2, v(&["市交通运输局", "南湖区政府"]));
    assert_eq!(t[2].0, "南湖区政府负责做好沿线房屋征收工作。");
    let seqs: Vec<u32> = d.tasks.iter().map(|t| t.seq).collect();
    assert_eq!(seqs, [1, 2, 3]);
}

const NOTICE: &str = "某市人民政府关于进一步加强城市治理的通知\n\n某政〔2021〕30号\n\n\
各县、区人民政府，市政府各部门：\n\
\u{3000}\u{3000}为加强城市治理，现就有关事项通知如下。\n\n\
\u{3000}\u{3000}一、整治城区交通秩序。规范机动车停放，整治占道经营。（市公安局负责交通秩序整治，市城管局负责占道经营整治）\n\
\u{3000}\u{3000}二、严格耕地用途管制。严格落实耕地占补平衡（市自然资源和规划局负责），坚决遏制耕地“非农化”（市农业农村局负责）。\n\
\u{3000}\u{3000}三、推进绿色发展。推进节能降碳（市发展改革委牵头，市工业和信息化局配合），建设绿色工厂。\n\n\
某市人民政府\n2021年7月2日\n";

#[test]
fn a_bracket_giving_units_parts_of_the_work_makes_each_responsible() {
    let d = doc(NOTICE);
    let t = tasks(&d);
    assert_eq!(t[0].0, "整治城区交通秩序。规范机动车停放，整治占道经营。");
    assert_eq!(t[0].1, v(&["市公安局", "市城管局"]));
    assert!(t[0].2.is_empty());
    // The parts each unit answers for are kept as printed.
    assert_eq!(
        d.tasks[0].extra.get("其他").map(String::as_str),
        Some("市公安局负责交通秩序整治，市城管局负责占道经营整治")
    );
}

#[test]
fn clauses_parted_by_a_comma_each_with_its_allocation_are_tasks_of_their_own() {
    let d = doc(NOTICE);
    let t = tasks(&d);
    assert_eq!(t.len(), 4, "{t:?}");
    assert_eq!(t[1].0, "严格耕地用途管制。严格落实耕地占补平衡");
    assert_eq!(t[1].1, v(&["市自然资源和规划局"]));
    assert_eq!(t[2].0, "严格耕地用途管制。坚决遏制耕地“非农化”");
    assert_eq!(t[2].1, v(&["市农业农村局"]));
    // One allocation mid-sentence, the words after it allocating nothing: one task, as before.
    assert_eq!(t[3].0, "推进绿色发展。推进节能降碳，建设绿色工厂。");
    assert_eq!(t[3].1, v(&["市发展改革委"]));
    assert_eq!(t[3].2, v(&["市工业和信息化局"]));
}
