//! Units cells and allocations as provincial notices print them: divisions that share one
//! government (`各市、县、自治县人民政府`, `各设区市、县（市、区）人民政府`, `市、县两级政府`) stay one
//! collective unit; named cities that share one (`成都、德阳市人民政府`) are each their own
//! government; a level's fields that share `部门` (`各级财政、审计部门`) are each the level's
//! department; a collective after `等` by what its bodies do (`等金融监管部门`) is a unit; a star
//! in a lead column beside a supporting column demotes no lead; and units that `支持`,
//! `共同推进` or `做好…保障` beside a lead support it.

use gongwen_parse::{Document, parse_text};
use gongwen_tests::all_units;

/// A notice that transmits a task table (tab-separated) as its attachment.
fn with_table(header: &str, rows: &[&str]) -> Document {
    let mut text = String::from(
        "某某省人民政府办公厅关于印发某某省城乡建设行动方案的通知\n\n某政办〔2023〕12号\n\n\
         各市、县、自治县人民政府，省政府直属各单位：\n\n《某某省城乡建设行动方案》已经省政府同意，\
         现印发给你们，请认真贯彻执行。\n\n某某省人民政府办公厅\n\n2023年6月1日\n\n附件\n\n\
         重点任务分工表\n\n",
    );
    text.push_str(header);
    text.push('\n');
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    parse_text(&text)
}

/// A notice whose measures are numbered `一、`…, each paragraph as given.
fn with_measures(measures: &[&str]) -> Document {
    let mut text = String::from(
        "某某省人民政府关于进一步促进消费的若干措施\n\n某府〔2023〕17号\n\n\
         各市人民政府，省政府各部门：\n\n为进一步促进消费，现提出以下措施。\n\n",
    );
    let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    for (m, numeral) in measures.iter().zip(numerals) {
        text.push_str(&format!("{numeral}、{m}\n\n"));
    }
    text.push_str("某某省人民政府\n\n2023年2月21日\n");
    parse_text(&text)
}

#[test]
fn divisions_sharing_a_government_stay_one_unit_in_cells() {
    let d = with_table(
        "序号\t重点任务\t牵头单位\t配合单位",
        &[
            "1\t推进农村生活垃圾治理\t省住房城乡建设厅\t省卫生健康委、各市、县、自治县人民政府",
            "2\t实施城市更新行动\t各市、县、自治县人民政府\t省住房城乡建设厅",
            "3\t建设乡镇商贸中心\t各设区市、县（市、区）人民政府\t省商务厅",
            "4\t完善农村物流配送体系\t省交通运输厅\t各市州、县市区人民政府",
        ],
    );
    assert_eq!(
        all_units(&d),
        vec![
            (
                vec!["省住房城乡建设厅"],
                vec!["省卫生健康委", "各市、县、自治县人民政府"]
            ),
            (vec!["各市、县、自治县人民政府"], vec!["省住房城乡建设厅"]),
            (vec!["各设区市、县（市、区）人民政府"], vec!["省商务厅"]),
            (vec!["省交通运输厅"], vec!["各市州、县市区人民政府"]),
        ]
    );
    // The cell as printed stays.
    assert_eq!(
        d.tasks[0].support_text,
        "省卫生健康委、各市、县、自治县人民政府"
    );
}

#[test]
fn divisions_sharing_a_body_stay_one_unit_inline() {
    let d = with_measures(&[
        "开展消费季活动。（省商务厅牵头，各地级以上市、县（市、区）人民政府负责）",
        "发展夜间经济。（省商务厅牵头，各区、县级市人民政府负责）",
        "加强基层平安建设。（省委政法委牵头，各市、县〔区〕党委和政府负责）",
        "规范村级组织。（省民政厅牵头，各县（市、区）党委、政府负责）",
        "整治农村环境。（省生态环境厅牵头，各地（市）、县（区）人民政府配合）",
        "优化审批流程。（省发展改革委牵头，各市、县（市、区）发展改革部门配合）",
    ]);
    assert_eq!(
        all_units(&d),
        vec![
            (vec!["省商务厅"], vec!["各地级以上市、县（市、区）人民政府"]),
            (vec!["省商务厅"], vec!["各区、县级市人民政府"]),
            (vec!["省委政法委"], vec!["各市、县（区）党委和政府"]),
            (vec!["省民政厅"], vec!["各县（市、区）党委、政府"]),
            (vec!["省生态环境厅"], vec!["各地（市）、县（区）人民政府"]),
            (vec!["省发展改革委"], vec!["各市、县（市、区）发展改革部门"]),
        ]
    );
}

#[test]
fn named_cities_sharing_a_government_are_each_their_own() {
    let d = with_table(
        "序号\t重点任务\t牵头单位\t配合单位",
        &[
            "1\t建设市域铁路\t省发展改革委\t成都、德阳、眉山、资阳市人民政府",
            "2\t共建临港经济产业带\t成都、德阳市人民政府\t省经济和信息化厅",
        ],
    );
    assert_eq!(
        all_units(&d),
        vec![
            (
                vec!["省发展改革委"],
                vec![
                    "成都市人民政府",
                    "德阳市人民政府",
                    "眉山市人民政府",
                    "资阳市人民政府"
                ]
            ),
            (
                vec!["成都市人民政府", "德阳市人民政府"],
                vec!["省经济和信息化厅"]
            ),
        ]
    );
    let d = with_measures(&[
        "发展夜间经济。培育一批夜间消费集聚区。（广州、深圳市人民政府，各区、县级市人民政府负责）",
        "建设自由贸易试验区。（省商务厅牵头，长沙、岳阳、郴州市政府负责）",
    ]);
    assert_eq!(
        all_units(&d),
        vec![
            (
                vec!["广州市人民政府", "深圳市人民政府", "各区、县级市人民政府"],
                vec![]
            ),
            (
                vec!["省商务厅"],
                vec!["长沙市政府", "岳阳市政府", "郴州市政府"]
            ),
        ]
    );
    assert!(d.tasks[0].extra.is_empty(), "{:?}", d.tasks[0].extra);
}

#[test]
fn levels_and_fields_sharing_a_body() {
    let d = with_measures(&[
        "严格项目审批。（省发展改革委牵头，市、县两级政府负责）",
        "加强资金监管。（各级财政、审计部门按职责分工负责）",
        "规范招标投标。（省发展改革委牵头，省、市、县三级公共资源交易管理部门配合）",
        "强化信用约束。（省发展改革委牵头，人民银行某某中心支行、某某银保监局等金融监管部门配合）",
        "加强校园卫生。（省教育、卫生健康部门按职责分工负责）",
    ]);
    assert_eq!(
        all_units(&d),
        vec![
            (vec!["省发展改革委"], vec!["市、县两级政府"]),
            (vec!["各级财政部门", "各级审计部门"], vec![]),
            (
                vec!["省发展改革委"],
                vec!["省、市、县三级公共资源交易管理部门"]
            ),
            (
                vec!["省发展改革委"],
                vec!["人民银行某某中心支行", "某某银保监局", "金融监管部门"]
            ),
            (vec!["省教育部门", "省卫生健康部门"], vec![]),
        ]
    );
}

#[test]
fn other_units_are_not_joined() {
    // A division alone beside departments, a place's government of its own, zones: as before.
    let d = with_measures(&[
        "推进项目建设。（省民政厅牵头，各区、市级有关部门配合）",
        "推进产业协作。（省民政厅牵头，凉山州、攀枝花市人民政府配合）",
        "推进园区建设。（省民政厅牵头，市发展改革委、各区县配合）",
    ]);
    assert_eq!(
        all_units(&d),
        vec![
            (vec!["省民政厅"], vec!["各区", "市级有关部门"]),
            (vec!["省民政厅"], vec!["凉山州人民政府", "攀枝花市人民政府"]),
            (vec!["省民政厅"], vec!["市发展改革委", "各区县"]),
        ]
    );
}

#[test]
fn a_star_in_a_lead_column_beside_a_supporting_one_demotes_no_lead() {
    let d = with_table(
        "序号\t重点任务\t牵头单位\t配合单位",
        &["1\t建设数据交易中心\t省大数据发展局、省金融监管局★\t某某银保监局"],
    );
    assert_eq!(
        all_units(&d),
        vec![(vec!["省大数据发展局", "省金融监管局"], vec!["某某银保监局"])]
    );
    // With one units column and a legend, the star still marks the lead.
    let d = with_table(
        "序号\t重点任务\t责任单位（标*的为牵头单位）",
        &["1\t培育整车龙头企业\t省发展改革委、省工业和信息化厅*、省商务厅"],
    );
    assert_eq!(
        all_units(&d),
        vec![(vec!["省工业和信息化厅"], vec!["省发展改革委", "省商务厅"])]
    );
}

#[test]
fn backing_units_beside_a_lead_support_it() {
    let d = with_measures(&[
        "建设大数据平台。（市农业农村委牵头，市大数据发展局支持）",
        "推进示范基地建设。（市农业农村委牵头，各区县政府共同推进）",
        "加大资金投入。（市农业农村委牵头实施，市财政局做好资金保障）",
    ]);
    assert_eq!(
        all_units(&d),
        vec![
            (vec!["市农业农村委"], vec!["市大数据发展局"]),
            (vec!["市农业农村委"], vec!["各区县政府"]),
            (vec!["市农业农村委"], vec!["市财政局"]),
        ]
    );
    for t in &d.tasks {
        assert!(t.extra.is_empty(), "{:?}", t.extra);
    }
}

#[test]
fn units_after_together_with_support_the_lead_of_a_sentence() {
    // A 纪要's decision, and a measure's own sentence: `甲牵头，会同乙、丙研究……` is 甲 leading
    // with 乙 and 丙 (tester K06).
    let text = "某某市人民政府\n\n专题会议纪要\n\n〔2023〕第15次\n\n\
        2023年6月1日，副市长王某某主持召开专题会议。纪要如下：\n\n\
        一、关于集疏运配套\n\n\
        会议要求市交通局牵头，会同某某区政府、某某港口集团研究集疏运道路配套方案，8月底前报市政府。\n\n";
    let d = parse_text(text);
    assert_eq!(
        all_units(&d),
        vec![(vec!["市交通局"], vec!["某某区政府", "某某港口集团"])]
    );
    let d = with_measures(&[
        "优化交通组织。由市公安局牵头，会同市交通运输局、市城管局制定城区交通组织优化方案，2024年底前完成。",
    ]);
    assert_eq!(
        all_units(&d),
        vec![(vec!["市公安局"], vec!["市交通运输局", "市城管局"])]
    );
}
