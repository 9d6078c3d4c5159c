//! Duties a 纪要 or an 意见 says in words, and units a list prints with a shared ending:
//! a further unit given its own duty in a meeting's decision (`会议同意甲负责……，乙负责……`) is a
//! task of its own; a unit bidden to act together with others (`甲要会同乙完善……`) leads them;
//! named places sharing an organ (`郑州、洛阳海关`) are each their own organ; a level's leading
//! organs sharing their departments (`省委、省政府有关部门`) each name their own; and a 纪要's
//! attendance line that names the people once after a run of organs (`甲、乙主要负责同志`)
//! gives each organ its people.

use gongwen_parse::{Document, parse_text};
use gongwen_tests::{all_units, task_units};

/// A 纪要 whose decisions are numbered `一、`…, each a heading and a paragraph as given, and the
/// attendance lines after them.
fn minutes(decisions: &[&str], attendance: &[&str]) -> Document {
    let mut text = String::from(
        "某某市人民政府专题会议纪要\n\n〔2023〕第9期\n\n某某市人民政府办公室　　　　2023年5月8日\n\n\
         关于推进某某项目建设有关事项的会议纪要\n\n5月5日，副市长某某某主持召开专题会议。纪要如下：\n\n",
    );
    let numerals = ["一", "二", "三", "四", "五", "六"];
    for (d, numeral) in decisions.iter().zip(numerals) {
        text.push_str(&format!("{numeral}、关于第{numeral}个事项\n\n{d}\n\n"));
    }
    for line in attendance {
        text.push_str(line);
        text.push_str("\n\n");
    }
    parse_text(&text)
}

/// A notice whose measures are numbered `一、`…, each paragraph as given.
fn with_measures(measures: &[&str]) -> Document {
    let mut text = String::from(
        "某某市人民政府关于加强城市综合治理的意见\n\n某政〔2023〕21号\n\n\
         各区、县人民政府，市政府各部门：\n\n为加强城市综合治理，现提出如下意见。\n\n",
    );
    let numerals = ["一", "二", "三", "四", "五", "六"];
    for (m, numeral) in measures.iter().zip(numerals) {
        text.push_str(&format!("{numeral}、{m}\n\n"));
    }
    text.push_str("某某市人民政府\n\n2023年6月2日\n");
    parse_text(&text)
}

#[test]
fn a_further_unit_given_its_own_duty_in_a_decision_is_a_task_of_its_own() {
    let d = minutes(
        &[
            "会议同意某某区政府负责做好项目用地范围内的征迁补偿工作，市自然资源规划局负责协调用海审批。",
            "会议明确，由市财政局负责落实项目资金，市审计局负责跟踪审计。",
            "会议同意由市城管委牵头，市发展改革委、市财政局配合，抓紧制定供热价格调整方案。",
        ],
        &["出席：某某某"],
    );
    assert_eq!(
        task_units(&d),
        vec![
            (
                "会议同意某某区政府负责做好项目用地范围内的征迁补偿工作",
                vec!["某某区政府"],
                vec![]
            ),
            (
                "市自然资源规划局负责协调用海审批。",
                vec!["市自然资源规划局"],
                vec![]
            ),
            (
                "会议明确，由市财政局负责落实项目资金",
                vec!["市财政局"],
                vec![]
            ),
            ("市审计局负责跟踪审计。", vec!["市审计局"], vec![]),
            (
                "会议同意由市城管委牵头，市发展改革委、市财政局配合，抓紧制定供热价格调整方案。",
                vec!["市城管委"],
                vec!["市发展改革委", "市财政局"]
            ),
        ]
    );
    // Beside a unit that leads, one responsible for a part supports it.
    let d = minutes(
        &["会议要求市发展改革委牵头，市财政局负责资金保障，各区政府负责征迁。"],
        &["出席：某某某"],
    );
    assert_eq!(
        all_units(&d),
        vec![(vec!["市发展改革委"], vec!["市财政局", "各区政府"])]
    );
    // A unit that opens a sentence of its own after another decision is given its duty too.
    let d = minutes(
        &["会议同意市自然资源局负责用地报批。市住房城乡建设局负责施工许可。"],
        &["出席：某某某"],
    );
    assert_eq!(
        task_units(&d),
        vec![
            (
                "会议同意市自然资源局负责用地报批。",
                vec!["市自然资源局"],
                vec![]
            ),
            (
                "市住房城乡建设局负责施工许可。",
                vec!["市住房城乡建设局"],
                vec![]
            ),
        ]
    );
    // The people of a unit, and a unit after a report heard, are given no duty.
    let d = minutes(
        &["会议听取了市交通局的汇报。会议要求市交通局负责人抓紧研究。"],
        &["出席：某某某"],
    );
    assert!(d.tasks.is_empty(), "{:?}", task_units(&d));
}

#[test]
fn a_unit_bidden_to_act_together_with_others_leads_them() {
    let d = minutes(
        &[
            "会议指出，要全力以赴稳增长。市发展改革委要会同市统计局加强经济运行监测分析。",
            "会议要求市交通局会同某某区政府、某某港口集团研究集疏运道路配套方案。",
            "会议强调，各部门要会同有关单位抓好落实。具体方案由市住房城乡建设局会同市财政局制定。",
        ],
        &["出席：某某某"],
    );
    assert_eq!(
        all_units(&d),
        vec![
            (vec!["市发展改革委"], vec!["市统计局"]),
            (vec!["市交通局"], vec!["某某区政府", "某某港口集团"]),
            // `具体方案由甲会同乙制定`: the words before `由` are what is to be done.
            (vec!["市住房城乡建设局"], vec!["市财政局"]),
        ]
    );
    // Outside a 纪要, bidden by `要` or `由`; a unit that did something with another is told
    // of, and role collectives name no organ.
    let d = with_measures(&[
        "发展公共交通。市交通运输局要会同市财政局完善公交运营补贴机制。",
        "完善停车设施。去年市住房城乡建设局会同市规划局编制了停车设施专项规划。",
        "细化工作措施。各牵头单位要会同配合单位细化工作措施，确保取得实效。",
        "加强执法。由市公安局会同市城管局开展联合执法。",
    ]);
    assert_eq!(
        task_units(&d),
        vec![
            (
                "发展公共交通。市交通运输局要会同市财政局完善公交运营补贴机制。",
                vec!["市交通运输局"],
                vec!["市财政局"]
            ),
            (
                "加强执法。由市公安局会同市城管局开展联合执法。",
                vec!["市公安局"],
                vec!["市城管局"]
            ),
        ]
    );
}

#[test]
fn places_and_leading_organs_that_share_an_ending_are_each_their_own() {
    let d = with_measures(&[
        "优化通关服务。推进通关便利化。（市商务局牵头，郑州、洛阳海关配合）",
        "强化司法保障。加强案件审理。（市司法局牵头，广州、深圳市中级人民法院配合）",
        "加强组织领导。完善工作机制。（市发展改革委牵头，市委、市政府有关部门配合）",
        "推进口岸建设。完善口岸设施。（市商务局牵头，郑州、洛阳海关，市交通运输局配合）",
        "加强金融服务。扩大信贷投放。（市金融局牵头，人民银行、银保监、证监等金融监管部门配合）",
        "健全工作机制。定期会商。（市委、市政府牵头，市发展改革委配合）",
    ]);
    assert_eq!(
        all_units(&d),
        vec![
            (vec!["市商务局"], vec!["郑州海关", "洛阳海关"]),
            (
                vec!["市司法局"],
                vec!["广州市中级人民法院", "深圳市中级人民法院"]
            ),
            (vec!["市发展改革委"], vec!["市委有关部门", "市政府有关部门"]),
            (
                vec!["市商务局"],
                vec!["郑州海关", "洛阳海关", "市交通运输局"]
            ),
            (
                vec!["市金融局"],
                vec!["人民银行", "银保监", "证监", "金融监管部门"]
            ),
            (vec!["市委", "市政府"], vec!["市发展改革委"]),
        ]
    );
}

#[test]
fn attendance_people_named_once_after_organs_are_each_organs() {
    let d = minutes(
        &["会议要求市交通局牵头研究解决办法。"],
        &[
            "出席：某某某",
            "列席：市政府副秘书长，市发展改革委、市财政局、市城管委主要负责同志",
            "请假：市审计局、某某某（出差）负责人",
        ],
    );
    let att: Vec<(&str, Vec<&str>)> = d
        .notice
        .attendance
        .iter()
        .map(|a| {
            (
                a.role.as_str(),
                a.names.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        att,
        vec![
            ("出席", vec!["某某某"]),
            (
                "列席",
                vec![
                    "市政府副秘书长",
                    "市发展改革委主要负责同志",
                    "市财政局主要负责同志",
                    "市城管委主要负责同志"
                ]
            ),
            // A person among the names: the words stay where printed.
            ("请假", vec!["市审计局", "某某某（出差）负责人"]),
        ]
    );
}
