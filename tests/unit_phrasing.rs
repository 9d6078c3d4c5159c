//! Units of tasks as a tester's round found them misread: `甲会同乙负责`, the ditto marks `同上`
//! and `〃` in a units cell, role marks in `〔〕`, divisions with their levels in brackets before
//! a shared head (`各市（州）、县（市、区）人民政府`).

use gongwen_parse::parse_text;
use gongwen_tests::all_units;

/// A notice whose plan is `measures`, each a line or lines of its own.
fn notice(measures: &str) -> String {
    format!(
        "某市人民政府\n\n关于推进城市治理的若干措施\n\n某政〔2024〕3号\n\n各区人民政府，市政府各部门：\n\n\
         现提出如下措施。\n\n一、总体安排\n\n{measures}\n\n某市人民政府\n\n2024年1月8日\n"
    )
}

/// A notice with a task table of `rows` (cells parted by tabs) under the header
/// `序号 重点任务 牵头单位 配合单位`.
fn table(rows: &str) -> String {
    format!(
        "某省人民政府办公厅\n\n关于印发重点任务分工的通知\n\n某政办发〔2024〕3号\n\n各市人民政府：\n\n\
         现将重点任务分工印发给你们。\n\n某省人民政府办公厅\n\n2024年1月8日\n\n\
         序号\t重点任务\t牵头单位\t配合单位\n{rows}"
    )
}

#[test]
fn units_before_huitong_lead_and_those_after_it_support() {
    let d = parse_text(&notice(
        "（一）完善奖补政策。出台奖补办法。（财政部会同税务总局负责）\n\n\
         （二）健全统计监测。建立监测制度。（国家统计局会同有关部门负责）\n\n\
         （三）加强督促检查。开展督查。（国务院办公厅会同财政部、审计署负责，2024年底前完成）\n\n\
         （四）优化服务。推行帮办。（市政务服务局、市大数据局会同各区政府负责落实）",
    ));
    assert_eq!(
        all_units(&d),
        vec![
            (vec!["财政部"], vec!["税务总局"]),
            (vec!["国家统计局"], vec!["有关部门"]),
            (vec!["国务院办公厅"], vec!["财政部", "审计署"]),
            (vec!["市政务服务局", "市大数据局"], vec!["各区政府"]),
        ]
    );
    assert_eq!(
        d.tasks[2].extra.get("完成时限").map(String::as_str),
        Some("2024年底前完成")
    );
}

#[test]
fn huitong_in_the_sentence_of_a_measure_names_the_lead_and_its_partners() {
    let d = parse_text(&notice(
        "（一）严格野外用火管理。市林业局会同市公安局牵头，各区人民政府配合，严查违规用火行为。",
    ));
    assert_eq!(
        all_units(&d),
        vec![(vec!["市林业局"], vec!["市公安局", "各区人民政府"])]
    );
}

#[test]
fn a_lead_cell_with_huitong_names_its_lead_and_partners() {
    let d = parse_text(&table(
        "1\t落实减税降费政策。\t省财政厅会同省税务局\t省发展改革委\n\
         2\t做好统计监测。\t省统计局\t省财政厅会同省税务局\n",
    ));
    assert_eq!(
        all_units(&d),
        vec![
            (vec!["省财政厅"], vec!["省税务局", "省发展改革委"]),
            (vec!["省统计局"], vec!["省财政厅", "省税务局"]),
        ]
    );
}

#[test]
fn the_county_named_huitong_is_no_word_of_partnership() {
    let d = parse_text(&notice(
        "（一）建设产业园区。完善配套设施。（会同县人民政府负责）\n\n\
         （二）建设物流园区。完善冷链设施。（怀化市会同县人民政府负责）",
    ));
    assert_eq!(
        all_units(&d),
        vec![
            (vec!["会同县人民政府"], vec![]),
            (vec!["怀化市会同县人民政府"], vec![]),
        ]
    );
}

#[test]
fn ditto_marks_take_the_units_of_the_cell_above() {
    let d = parse_text(&table(
        "1\t推出重点事项。\t省政务服务管理办公室\t省发展改革委、省公安厅\n\
         2\t推行免申即享。\t同上\t省财政厅、省税务局\n\
         3\t推进信用修复。\t省发展改革委\t省市场监管局、省生态环境厅\n\
         4\t推进监管全覆盖。\t〃\t同上\n\
         5\t推进综合监管。\t同上。\t〃\n",
    ));
    assert_eq!(
        all_units(&d),
        vec![
            (
                vec!["省政务服务管理办公室"],
                vec!["省发展改革委", "省公安厅"]
            ),
            (vec!["省政务服务管理办公室"], vec!["省财政厅", "省税务局"]),
            (vec!["省发展改革委"], vec!["省市场监管局", "省生态环境厅"]),
            (vec!["省发展改革委"], vec!["省市场监管局", "省生态环境厅"]),
            (vec!["省发展改革委"], vec!["省市场监管局", "省生态环境厅"]),
        ]
    );
    // The cells keep what they print.
    assert_eq!(d.tasks[3].lead_text, "〃");
    assert_eq!(d.tasks[3].support_text, "同上");
}

#[test]
fn a_ditto_mark_with_nothing_above_names_no_other_unit() {
    let d = parse_text(&table(
        "1\t推出重点事项。\t省政务服务管理办公室\t\n\
         2\t推行免申即享。\t省财政厅\t同上\n",
    ));
    // The supporting cell above is empty: nothing to repeat. `同上` names no unit (the cell
    // keeps it as printed), and a warning says the units it repeats are nowhere.
    assert_eq!(d.tasks[1].lead, vec!["省财政厅"]);
    assert!(d.tasks[1].support.is_empty());
    assert_eq!(d.tasks[1].support_text, "同上");
    assert!(
        d.diagnostics
            .iter()
            .any(|x| x.code == "ditto_without_above" && x.message.contains("task 2"))
    );
}

#[test]
fn role_marks_in_the_inner_brackets_of_an_allocation_mark_roles() {
    let d = parse_text(&notice(
        "（一）完善奖补政策。出台奖补办法。（责任单位：省发展改革委〔牵头〕、省财政厅、各市〔州〕政府）\n\n\
         （二）健全统计监测。建立监测制度。（责任单位：省统计局、省财政厅〔配合〕）",
    ));
    assert_eq!(
        all_units(&d),
        vec![
            // The name's own brackets, set 〔〕 inside the allocation's, read as printed
            // elsewhere: one unit with 各市（州）政府.
            (vec!["省发展改革委"], vec!["省财政厅", "各市（州）政府"]),
            (vec!["省统计局"], vec!["省财政厅"]),
        ]
    );
}

#[test]
fn divisions_with_their_levels_in_brackets_share_the_head_after_them() {
    let d = parse_text(&notice(
        "（一）加强车辆管理。严格准入管理。（省公安厅、省交通运输厅按职责分工负责，各市（州）、县（市、区）人民政府落实）\n\n\
         （二）加强驾驶人管理。严格考试发证。（省公安厅牵头，各市（州）、县（市、区）人民政府配合）",
    ));
    assert_eq!(
        all_units(&d),
        vec![
            (
                vec![
                    "省公安厅",
                    "省交通运输厅",
                    "各市（州）、县（市、区）人民政府"
                ],
                vec![]
            ),
            (vec!["省公安厅"], vec!["各市（州）、县（市、区）人民政府"]),
        ]
    );
    assert!(d.tasks[0].extra.is_empty());
}

#[test]
fn a_division_in_brackets_beside_other_units_stays_a_unit() {
    let d = parse_text(&notice(
        "（一）加强驾驶人管理。严格考试发证。（省公安厅牵头，省交通运输厅、各市（州）配合）",
    ));
    assert_eq!(
        all_units(&d),
        vec![(vec!["省公安厅"], vec!["省交通运输厅", "各市（州）"])]
    );
}

#[test]
fn a_people_label_set_apart_by_a_space_after_the_units_is_its_own_clause() {
    let d = parse_text(&notice(
        "（一）繁荣文旅消费。发放文旅消费券。（牵头单位：市文化和旅游局　责任领导：市人民政府分管副市长）\n\n\
         （二）扩大体育消费。举办群众性体育赛事。（责任单位：市体育局 责任人：王某某）\n\n\
         （三）扩大汽车消费。开展汽车促销活动。（牵头单位：市商务局 配合单位：市财政局）",
    ));
    assert_eq!(
        all_units(&d),
        vec![
            (vec!["市文化和旅游局"], vec![]),
            (vec!["市体育局"], vec![]),
            (vec!["市商务局"], vec!["市财政局"]),
        ]
    );
    assert_eq!(
        d.tasks[0].extra.get("责任领导").map(String::as_str),
        Some("市人民政府分管副市长")
    );
    assert_eq!(
        d.tasks[1].extra.get("责任人").map(String::as_str),
        Some("王某某")
    );
}

#[test]
fn labels_in_square_brackets_after_a_measure_allocate_it() {
    let d = parse_text(&notice(
        "（一）完善财政奖补政策。出台奖补办法。\n\n【责任单位】市财政局、市税务局\n\n【完成时限】2024年底前\n\n\
         （二）加强财源监测。建立监测制度。【牵头单位】市统计局【配合单位】市财政局\n\n\
         （三）实施重点工程。建设一批项目。【专栏】十大工程",
    ));
    assert_eq!(
        all_units(&d),
        vec![
            (vec!["市财政局", "市税务局"], vec![]),
            (vec!["市统计局"], vec!["市财政局"]),
        ]
    );
    assert_eq!(
        d.tasks[0].extra.get("完成时限").map(String::as_str),
        Some("2024年底前")
    );
    assert_eq!(d.tasks[1].text, "加强财源监测。建立监测制度。");
}

#[test]
fn note_marks_after_units_are_no_part_of_their_names() {
    let d = parse_text(&table(
        "1\t新建公办幼儿园。\t省教育厅①\t省发展改革委、省财政厅※\n\
         2\t提供免费体检。\t省卫生健康委\t省民政厅²、省医保局\n\
         3\t推进数据共享。\t①省大数据局②省财政厅\t\n",
    ));
    assert_eq!(
        all_units(&d),
        vec![
            (vec!["省教育厅"], vec!["省发展改革委", "省财政厅"]),
            (vec!["省卫生健康委"], vec!["省民政厅", "省医保局"]),
            (vec!["省大数据局", "省财政厅"], vec![]),
        ]
    );
    // The cells keep the marks they print.
    assert_eq!(d.tasks[0].lead_text, "省教育厅①");
}

#[test]
fn in_a_meetings_decisions_a_unit_that_opens_one_and_is_responsible_is_assigned_it() {
    let d = parse_text(
        "某某市人民政府常务会议纪要\n\n8月22日，市长主持召开市政府常务会议。纪要如下：\n\n\
         一、关于新能源汽车产业发展\n\n会议要求：\n\n\
         （一）市投资促进局负责做好重点整车项目招引工作，10月底前形成招引清单。\n\n\
         （二）会议要求，市财政局负责统筹安排专项资金。\n\n\
         （三）市发展改革委负责同志汇报了产业发展情况。\n\n\
         （四）会议听取了市住建委的汇报，市住建委负责棚改项目的日常管理。\n\n\
         出席：张某、李某\n",
    );
    assert_eq!(
        all_units(&d),
        vec![(vec!["市投资促进局"], vec![]), (vec!["市财政局"], vec![])]
    );
    assert_eq!(
        d.tasks[0].text,
        "市投资促进局负责做好重点整车项目招引工作，10月底前形成招引清单。"
    );
    // Outside a meeting's decisions, a unit alone `负责` something is prose.
    let d = parse_text(&notice(
        "（一）加强统筹。市发展改革委负责全市服务业发展的统筹协调。",
    ));
    assert!(d.tasks.is_empty(), "{:?}", d.tasks);
}
