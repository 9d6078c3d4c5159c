//! Tasks and their units as notices print them: a contact list is no task table, a unit's name
//! in an allocation's inner brackets is the same unit, zones sharing one committee are each its
//! committee, a standing remark's units go with every later measure, a 通报's responsible unit
//! leads, and inline duties count on after a table's.

use gongwen_parse::parse_text;

/// The tasks as (number, text, leads, supports).
use gongwen_tests::numbered_units as tasks;

#[test]
fn a_contact_list_of_units_assigns_nothing() {
    let d = parse_text(
        "附件2\n\n各责任单位联络员名单\n\n\
序号\t责任单位\t联络员\t职务\t联系电话\n\
1\t市发展改革委\t张某某\t综合处副处长\t023-63891XXX\n\
2\t市财政局\t李某某\t预算处四级调研员\t023-67575XXX\n",
    );
    assert!(d.tasks.is_empty(), "{:?}", tasks(&d));
}

#[test]
fn task_words_under_any_task_header_still_make_tasks() {
    // `指标` names no task in words, but stands between the number and the units; `项目名称`
    // and `工作内容` are task headers.
    for header in ["指标", "项目名称", "工作内容"] {
        let text = format!(
            "附件\n\n重点工作分工\n\n序号\t{header}\t责任单位\n\
1\t森林覆盖率达到65.7%\t省林草局\n2\t建成污水管网500公里\t省住房城乡建设厅\n"
        );
        let d = parse_text(&text);
        assert_eq!(
            tasks(&d),
            vec![
                (1, "森林覆盖率达到65.7%", vec!["省林草局"], vec![]),
                (2, "建成污水管网500公里", vec!["省住房城乡建设厅"], vec![]),
            ],
            "{header}"
        );
    }
}

#[test]
fn a_row_with_units_and_no_task_text_is_no_task() {
    let d = parse_text(
        "附件\n\n重点任务分工\n\n序号\t重点任务\t牵头单位\n\
1\t推进政务服务一网通办\t省政务服务办\n2\t\t省财政厅\n",
    );
    assert!(
        d.tasks.iter().all(|t| !t.text.is_empty()),
        "{:?}",
        tasks(&d)
    );
}

const INNER_BRACKETS: &str = "重庆市2024年政务公开工作要点\n\n一、加强政策发布解读\n\
（一）加强经济政策发布。及时发布稳增长政策措施。（责任单位：市发展改革委，各区县〔自治县〕政府）\n\
（二）做好政策解读。坚持政策性文件与解读材料同步组织。（责任单位：市政府办公厅，各区县（自治县）政府）\n\
（三）推进基层政务公开标准化。（责任单位：市政府办公厅〔牵头〕，各乡镇〔街道〕）\n";

#[test]
fn a_name_in_an_allocations_inner_brackets_is_the_same_unit() {
    let d = parse_text(INNER_BRACKETS);
    assert_eq!(
        tasks(&d),
        vec![
            (
                1,
                "加强经济政策发布。及时发布稳增长政策措施。",
                vec!["市发展改革委", "各区县（自治县）政府"],
                vec![]
            ),
            (
                2,
                "做好政策解读。坚持政策性文件与解读材料同步组织。",
                vec!["市政府办公厅", "各区县（自治县）政府"],
                vec![]
            ),
            (
                3,
                "推进基层政务公开标准化。",
                vec!["市政府办公厅"],
                vec!["各乡镇（街道）"]
            ),
        ]
    );
    // The units' words as printed stay in the printed cell.
    assert!(d.tasks[0].lead_text.contains("各区县〔自治县〕政府"));
}

const SHARED_COMMITTEE: &str = "附件\n\n重点任务分工\n\n序号\t重点任务\t牵头单位\t配合单位\n\
1\t推进开发区体制机制改革。\t市发展改革委\t各区县（自治县）政府，两江新区、西部科学城重庆高新区、万盛经开区管委会\n\
2\t推进园区数字化转型。\t市经济信息委\t两江新区、重庆高新区管委会\n\
3\t深化“放管服”改革。\t市政府办公厅\t长寿经开区、綦江工业园区管理委员会\n\
4\t推进协同发展。\t市发展改革委\t渝北区、两江新区管委会，万州经开区\n";

#[test]
fn zones_sharing_one_committee_are_each_its_committee() {
    let d = parse_text(SHARED_COMMITTEE);
    let support: Vec<Vec<&str>> = tasks(&d).into_iter().map(|t| t.3).collect();
    assert_eq!(
        support,
        vec![
            vec![
                "各区县（自治县）政府",
                "两江新区管委会",
                "西部科学城重庆高新区管委会",
                "万盛经开区管委会"
            ],
            vec!["两江新区管委会", "重庆高新区管委会"],
            vec!["长寿经开区管理委员会", "綦江工业园区管理委员会"],
            // A district is no zone, and a zone outside the run keeps its name.
            vec!["渝北区", "两江新区管委会", "万州经开区"],
        ]
    );
}

const STANDING: &str = "山东省制造业数字化转型提标破题三年行动方案（2023—2025年）\n\n一、重点任务\n\
（一）实施数字化转型诊断服务。每年为5000家以上企业开展免费诊断。（责任单位：省工业和信息化厅，各市政府。以下均需各市政府落实，不再列出）\n\
（二）打造工业互联网平台。培育国家级双跨平台2个以上。（责任单位：省工业和信息化厅、省通信管理局）\n\
（三）推进“5G+工业互联网”融合应用。建设5G全连接工厂100家。（责任单位：省通信管理局、省工业和信息化厅）\n";

#[test]
fn units_a_standing_remark_names_go_with_every_later_measure() {
    let d = parse_text(STANDING);
    let t = tasks(&d);
    assert_eq!(t.len(), 3);
    assert_eq!(t[0].2, vec!["省工业和信息化厅", "各市政府"]);
    assert_eq!(t[1].2, vec!["省工业和信息化厅", "省通信管理局", "各市政府"]);
    assert_eq!(t[2].2, vec!["省通信管理局", "省工业和信息化厅", "各市政府"]);
    assert!(
        d.tasks[0].extra.get("其他").is_none(),
        "{:?}",
        d.tasks[0].extra
    );
}

#[test]
fn a_standing_remark_beside_a_lead_gives_later_measures_a_supporting_unit() {
    let d = parse_text(
        "某市工作方案\n\n一、重点任务\n\
（一）推进甲事项。开展甲工作。（市发展改革委牵头，以下各项均需各区县人民政府负责）\n\
（二）推进乙事项。开展乙工作。（市财政局牵头）\n",
    );
    let t = tasks(&d);
    assert_eq!(t[1].2, vec!["市财政局"]);
    assert_eq!(t[1].3, vec!["各区县人民政府"]);
    // Other remarks are remarks still.
    let d = parse_text(
        "某市工作方案\n\n一、重点任务\n\
（一）推进甲事项。开展甲工作。（责任单位：市发展改革委；以下简称甲办）\n\
（二）推进乙事项。开展乙工作。（责任单位：市财政局）\n",
    );
    assert_eq!(tasks(&d)[1].2, vec!["市财政局"]);
}

#[test]
fn the_responsible_unit_leads_and_a_sponsor_beside_it_is_said_of_the_row() {
    let d = parse_text(
        "附件\n\n2023年第三季度全省政府网站和政务新媒体检查不合格名单\n\n\
序号\t名称\t类型\t主办单位\t存在问题\t整改责任单位\n\
1\t砀山县人民政府网站\t政府网站\t砀山县人民政府办公室\t栏目长期未更新\t宿州市人民政府办公室\n\
2\t某某县市场监管（微信公众号）\t政务新媒体\t某某县市场监督管理局\t发布信息存在严重表述错误\t亳州市人民政府办公室\n",
    );
    let t = &d.tasks[0];
    assert_eq!(t.lead, vec!["宿州市人民政府办公室"]);
    assert!(t.group.is_empty(), "{:?}", t.group);
    assert_eq!(
        t.extra.get("主办单位").map(String::as_str),
        Some("砀山县人民政府办公室")
    );
    assert_eq!(t.extra.get("类型").map(String::as_str), Some("政府网站"));
    // A group column before the tasks still groups them.
    let d = parse_text(
        "附件\n\n重点任务分工\n\n类别\t序号\t重点任务\t牵头单位\n\
环境治理\t1\t推进大气污染防治\t省生态环境厅\n",
    );
    assert_eq!(d.tasks[0].group, vec!["环境治理"]);
}

#[test]
fn inline_duties_count_on_after_a_tables_and_chapter_titles_keep_their_space() {
    let d = parse_text(
        "云南省“十四五”生态环境保护规划\n\n第一章 主要目标\n\n表1 主要指标\n\n\
序号\t指标名称\t单位\t责任单位\n\
1\t地级城市空气质量优良天数比率\t%\t省生态环境厅\n\
2\t森林覆盖率\t%\t省林草局\n\n\
第二章 重点任务\n\n第一节 深入打好蓝天保卫战\n\n\
一、加强细颗粒物和臭氧协同控制。（省生态环境厅牵头，省交通运输厅配合）\n\
二、加强重污染天气应对。（省生态环境厅、省气象局按职责分工负责）\n",
    );
    let seqs: Vec<u32> = d.tasks.iter().map(|t| t.seq).collect();
    assert_eq!(seqs, vec![1, 2, 3, 4]);
    assert_eq!(d.tasks[2].marker.as_deref(), Some("一、"));
    assert_eq!(
        d.tasks[2].group,
        vec!["第二章 重点任务", "第一节 深入打好蓝天保卫战"]
    );
}

const TWO_LISTS: &str = "某省人民政府办公厅关于印发某省优化营商环境三年行动方案的通知\n\n\
各市人民政府，省政府各部门：\n现印发给你们，请认真贯彻执行。\n\n\
附件：1．某省优化营商环境重点任务分工\n　　　2．某省优化营商环境重点项目清单\n\n\
某省人民政府办公厅\n2023年3月10日\n\n附件1\n\n某省优化营商环境重点任务分工\n\n\
序号\t重点任务\t牵头单位\t配合单位\n\
一、提升政务服务效能\n\
1\t推进政务服务“一网通办”。\t省政务服务办\t省直有关部门\n\n\
附件2\n\n某省优化营商环境重点项目清单\n\n\
序号\t项目名称\t牵头单位\t配合单位\n\
1\t政务服务平台建设\t省政务服务办\t省大数据中心\n";

#[test]
fn tasks_of_a_second_list_without_groups_say_which_list_they_are_of() {
    let d = parse_text(TWO_LISTS);
    let groups: Vec<&[String]> = d.tasks.iter().map(|t| t.group.as_slice()).collect();
    assert_eq!(
        groups,
        vec![
            &["一、提升政务服务效能".to_string()][..],
            &["某省优化营商环境重点项目清单".to_string()][..],
        ]
    );
    // One task table alone needs no name to tell it apart.
    let one = TWO_LISTS.split("附件2\n\n某省").next().unwrap_or_default();
    let one = one.replace("一、提升政务服务效能\n", "");
    let d = parse_text(&one);
    assert_eq!(d.tasks.len(), 1);
    assert!(d.tasks[0].group.is_empty(), "{:?}", d.tasks[0].group);
}
