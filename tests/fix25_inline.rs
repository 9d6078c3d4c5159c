//! Allocations written in a measure's text: a duty bracket whose verb is another common one
//! (`具体负责`, `负责牵头`, `牵头推进`, `统筹`, `组织实施`, `会同…推进`), and the note `下同` after
//! the first measure's list of units.

use gongwen_parse::{InputFormat, Options, parse};

/// (text, lead, support) of each task.
fn tasks(text: &str) -> Vec<(String, Vec<String>, Vec<String>)> {
    let options = Options {
        format: Some(InputFormat::Text),
        ..Options::default()
    };
    let d = parse(text.as_bytes(), &options).expect("parsed");
    d.tasks
        .iter()
        .map(|t| (t.text.clone(), t.lead.clone(), t.support.clone()))
        .collect()
}

/// A notice whose measures are the given lines.
fn notice(measures: &str) -> String {
    format!(
        "黑龙江省人民政府办公厅关于进一步激发民间投资活力的若干措施\n\
黑政办规〔2024〕5号\n\n\
各市（地）人民政府（行署），省政府各直属单位：\n\
为进一步激发民间投资活力，经省政府同意，现提出如下措施。\n\
一、扩大民间投资领域\n\
{measures}\n\
黑龙江省人民政府办公厅\n\
2024年5月8日\n"
    )
}

fn v(units: &[&str]) -> Vec<String> {
    units.iter().map(|u| u.to_string()).collect()
}

#[test]
fn other_duty_verbs_give_the_lead_without_the_verb() {
    let t = tasks(&notice(
        "（一）加大金融支持力度。（人民银行黑龙江省分行具体负责，省地方金融管理局配合）\n\
（二）推动民间投资项目审批提速。（省政务服务中心负责牵头，省发展改革委配合）\n\
（三）开展民间投资问题专项督查。（省发展改革委牵头推进，省审计厅配合）\n\
（四）建立民间投资项目调度机制。（省发展改革委统筹，省财政厅配合）\n\
（五）举办民营企业项目推介会。（省工商联组织实施）\n\
（六）落实支持民营企业税费政策。（省税务局牵头落实）\n\
（七）优化民营企业融资担保服务。（省财政厅会同省地方金融管理局推进）\n\
（八）加强项目用地保障。（省自然资源厅主责，省财政厅协同）\n",
    ));
    let got: Vec<(Vec<String>, Vec<String>)> =
        t.iter().map(|(_, l, s)| (l.clone(), s.clone())).collect();
    assert_eq!(
        got,
        vec![
            (v(&["人民银行黑龙江省分行"]), v(&["省地方金融管理局"])),
            (v(&["省政务服务中心"]), v(&["省发展改革委"])),
            (v(&["省发展改革委"]), v(&["省审计厅"])),
            (v(&["省发展改革委"]), v(&["省财政厅"])),
            (v(&["省工商联"]), v(&[])),
            (v(&["省税务局"]), v(&[])),
            (v(&["省财政厅"]), v(&["省地方金融管理局"])),
            (v(&["省自然资源厅"]), v(&["省财政厅"])),
        ]
    );
    assert_eq!(t[0].0, "加大金融支持力度。");
}

#[test]
fn prose_brackets_with_those_verbs_allocate_nothing() {
    // Words of carrying out and `统筹` after something that is no unit, and brackets of prose.
    let t = tasks(&notice(
        "（一）加强统筹调度。各地要加强统筹推进。（2024—2026年持续推进）\n\
（二）完善工作机制。健全项目储备制度。（分年度组织实施）\n\
（三）强化资金保障。（各地按规定统筹）\n",
    ));
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn the_note_that_the_reading_holds_below_is_no_unit() {
    let t = tasks(&notice(
        "（一）支持民间资本参与重大项目建设。（责任单位：省发展改革委、省财政厅、省交通运输厅，排在第一位的为牵头单位，下同）\n\
（二）鼓励民间资本参与基础设施REITs。（责任单位：省发展改革委、黑龙江证监局，列第一位的为牵头单位，以下均同）\n\
（三）加大金融支持力度。（责任单位：人民银行黑龙江省分行、省地方金融管理局，下同）\n\
（四）推动审批提速。（省政务服务中心牵头，省发展改革委配合，以下同）\n",
    ));
    let got: Vec<(Vec<String>, Vec<String>)> =
        t.iter().map(|(_, l, s)| (l.clone(), s.clone())).collect();
    assert_eq!(
        got,
        vec![
            (v(&["省发展改革委"]), v(&["省财政厅", "省交通运输厅"])),
            (v(&["省发展改革委"]), v(&["黑龙江证监局"])),
            // The document stated that the first unit leads.
            (v(&["人民银行黑龙江省分行"]), v(&["省地方金融管理局"])),
            (v(&["省政务服务中心"]), v(&["省发展改革委"])),
        ]
    );
}

#[test]
fn an_allocation_after_the_run_in_heading_covers_the_measure() {
    let t = tasks(&notice(
        "（一）培育主导产业。（省发展改革委牵头，省工业和信息化厅、省农业农村厅配合）每个县（市）明确1—2个主导产业。\n\
（二）发展农产品加工业。（责任单位：省农业农村厅）实施农产品加工业提升行动。\n\
建设一批农产品加工园区。\n\
（三）推动县域商贸流通。支持县城建设综合商贸服务中心。（省商务厅负责）\n",
    ));
    assert_eq!(
        t,
        vec![
            (
                "培育主导产业。每个县（市）明确1—2个主导产业。".to_string(),
                v(&["省发展改革委"]),
                v(&["省工业和信息化厅", "省农业农村厅"])
            ),
            (
                "发展农产品加工业。实施农产品加工业提升行动。建设一批农产品加工园区。".to_string(),
                v(&["省农业农村厅"]),
                v(&[])
            ),
            (
                "推动县域商贸流通。支持县城建设综合商贸服务中心。".to_string(),
                v(&["省商务厅"]),
                v(&[])
            ),
        ]
    );
}

#[test]
fn a_bracket_of_prose_opening_the_measure_allocates_nothing() {
    let t = tasks(&notice(
        "（一）培育主导产业。（2024—2026年）每个县（市）明确1—2个主导产业。\n\
（二）发展农产品加工业。（试点先行）实施农产品加工业提升行动。\n",
    ));
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn the_words_under_a_titled_allocation_are_the_measure() {
    let t = tasks(&notice(
        "（一）完善县城基础设施（省住房城乡建设厅牵头，省发展改革委配合）\n\
推进县城市政管网更新改造，到2025年完成改造1000公里。\n\
（二）推动县域商贸流通。支持县城建设综合商贸服务中心。（省商务厅负责）\n",
    ));
    assert_eq!(
        t[0],
        (
            "完善县城基础设施。推进县城市政管网更新改造，到2025年完成改造1000公里。".to_string(),
            v(&["省住房城乡建设厅"]),
            v(&["省发展改革委"])
        )
    );
    assert_eq!(t.len(), 2);
}

#[test]
fn a_worded_allocation_may_open_the_measure() {
    let t = tasks(&notice(
        "（一）举办民营企业项目推介会。（省工商联组织实施）每年举办推介会不少于2场。\n",
    ));
    assert_eq!(
        t,
        vec![(
            "举办民营企业项目推介会。每年举办推介会不少于2场。".to_string(),
            v(&["省工商联"]),
            v(&[])
        )]
    );
}

/// A notice issuing a list whose title is `title`, its items grouped under unit headings.
fn grouped(title: &str) -> String {
    format!(
        "三明市人民政府关于印发{title}的通知\n\
明政〔2024〕3号\n\n\
各县（市、区）人民政府，市直有关单位：\n\
现将{title}印发给你们，请认真抓好落实。\n\n\
附件：{title}\n\n\
三明市人民政府\n\
2024年2月20日\n\n\
附件\n\n\
{title}\n\n\
一、市发展改革委\n\
1.全年完成固定资产投资增长6%以上。\n\
2.谋划生成一批重大项目，争取更多项目列入省重点项目。\n\
二、市工信局\n\
3.推动规上工业增加值增长7%。\n\
4.新增规上工业企业100家以上。（市统计局配合）\n"
    )
}

#[test]
fn items_under_a_unit_heading_are_that_units_tasks() {
    let t = tasks(&grouped("2024年市政府重点工作责任分解"));
    assert_eq!(
        t,
        vec![
            (
                "全年完成固定资产投资增长6%以上。".to_string(),
                v(&["市发展改革委"]),
                v(&[])
            ),
            (
                "谋划生成一批重大项目，争取更多项目列入省重点项目。".to_string(),
                v(&["市发展改革委"]),
                v(&[])
            ),
            (
                "推动规上工业增加值增长7%。".to_string(),
                v(&["市工信局"]),
                v(&[])
            ),
            (
                "新增规上工业企业100家以上。".to_string(),
                v(&["市工信局"]),
                v(&["市统计局"])
            ),
        ]
    );
}

#[test]
fn unit_headings_in_a_document_that_allocates_nothing_make_no_tasks() {
    // A 通报 of what each unit achieved: its headings name units, its items are no duties.
    let t = tasks(&grouped("2023年度全市重点工作完成情况的通报"));
    assert_eq!(
        t,
        vec![(
            "新增规上工业企业100家以上。".to_string(),
            v(&[]),
            v(&["市统计局"])
        )]
    );
}
