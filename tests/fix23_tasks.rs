//! Tasks as measures print them: a measure whose text is a list of sub-items closed by one
//! allocation is one task, a bare title over a measure's paragraph is its group, a collective
//! named after `等` is a unit, a 政策解读 assigns nothing, and a standing remark's units carry
//! out the measure it is printed under too.

use gongwen_parse::{Document, Options, parse, parse_text};

/// The tasks as (number, text, leads, supports).
use gongwen_tests::numbered_units as tasks;

/// Each task's marker, text and groups.
fn texts(d: &Document) -> Vec<(&str, &str, Vec<&str>)> {
    d.tasks
        .iter()
        .map(|t| {
            (
                t.marker.as_deref().unwrap_or_default(),
                t.text.as_str(),
                t.group.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

#[test]
fn a_list_of_sub_items_closed_by_one_allocation_is_one_task() {
    let d = parse_text(
        "2024年全省数字政府建设工作要点\n\n一、夯实数字基础设施\n\
         （一）推进政务云集约建设。\n\
         1.完成省级政务云扩容，新增计算资源2万核；\n\
         2.推动市县政务系统迁移上云，迁移率达到90%以上。\n\
         （责任单位：省大数据局，各市州人民政府）\n\
         （二）强化数据共享。\n\
         1.编制公共数据资源目录；\n\
         2.建立数据共享责任清单。（责任单位：省大数据局、省直各部门）\n",
    );
    assert_eq!(
        texts(&d),
        vec![
            (
                "（一）",
                "推进政务云集约建设。\n1.完成省级政务云扩容，新增计算资源2万核；\n\
                 2.推动市县政务系统迁移上云，迁移率达到90%以上。",
                vec!["一、夯实数字基础设施"]
            ),
            (
                "（二）",
                "强化数据共享。\n1.编制公共数据资源目录；\n2.建立数据共享责任清单。",
                vec!["一、夯实数字基础设施"]
            ),
        ]
    );
    assert_eq!(
        tasks(&d),
        vec![
            (
                1,
                d.tasks[0].text.as_str(),
                vec!["省大数据局", "各市州人民政府"],
                vec![]
            ),
            (
                2,
                d.tasks[1].text.as_str(),
                vec!["省大数据局", "省直各部门"],
                vec![]
            ),
        ]
    );
}

#[test]
fn sub_items_that_are_measures_of_their_own_keep_their_allocations() {
    // Items that end in `。` are sentences of their own: the allocation under the last is its.
    let d = parse_text(
        "2024年全省数字政府建设工作要点\n\n一、夯实数字基础设施\n\
         （一）推进政务云集约建设。\n\
         1.完成省级政务云扩容。\n\
         2.推动市县政务系统迁移上云。（责任单位：省大数据局）\n",
    );
    assert_eq!(
        texts(&d),
        vec![(
            "2.",
            "推动市县政务系统迁移上云。",
            vec!["一、夯实数字基础设施", "（一）推进政务云集约建设。"]
        )]
    );
    // Each item allocated: a task each, as before.
    let d = parse_text(
        "2024年全省数字政府建设工作要点\n\n一、夯实数字基础设施\n\
         （一）推进政务云集约建设。\n\
         1.完成省级政务云扩容；（责任单位：省大数据局）\n\
         2.推动市县政务系统迁移上云。（责任单位：各市州人民政府）\n",
    );
    assert_eq!(d.tasks.len(), 2, "{:?}", tasks(&d));
    assert_eq!(d.tasks[0].marker.as_deref(), Some("1."));
    assert_eq!(d.tasks[1].marker.as_deref(), Some("2."));
}

#[test]
fn a_bare_title_over_an_allocated_paragraph_is_its_group() {
    let d = parse_text(
        "海南省“十四五”综合交通运输规划\n\n一、构建现代化综合立体交通网\n\
         （一）完善机场布局\n\
         推进海口美兰国际机场二期扩建，加快三亚新机场前期工作。（责任单位：省交通运输厅、省发展改革委）\n\
         （二）提升运输服务品质\n\
         推进“航空+高铁”联程运输。（责任单位：省交通运输厅）\n",
    );
    assert_eq!(
        texts(&d),
        vec![
            (
                "（一）",
                "推进海口美兰国际机场二期扩建，加快三亚新机场前期工作。",
                vec!["一、构建现代化综合立体交通网", "（一）完善机场布局"]
            ),
            (
                "（二）",
                "推进“航空+高铁”联程运输。",
                vec!["一、构建现代化综合立体交通网", "（二）提升运输服务品质"]
            ),
        ]
    );
}

#[test]
fn a_heading_sentence_stays_the_measures_text_not_its_group() {
    let d = parse_text(
        "海南省“十四五”综合交通运输规划\n\n一、构建现代化综合立体交通网\n\
         （一）完善机场布局。\n\
         推进海口美兰国际机场二期扩建。（责任单位：省交通运输厅）\n\
         （二）提升运输服务品质（责任单位：省交通运输厅）\n",
    );
    assert_eq!(
        texts(&d),
        vec![
            (
                "（一）",
                "完善机场布局。推进海口美兰国际机场二期扩建。",
                vec!["一、构建现代化综合立体交通网"]
            ),
            (
                "（二）",
                "提升运输服务品质",
                vec!["一、构建现代化综合立体交通网"]
            ),
        ]
    );
}

#[test]
fn a_collective_named_after_etc_is_a_unit() {
    let d = parse_text(
        "国务院办公厅关于进一步优化营商环境降低市场主体制度性交易成本的意见\n国办发〔2022〕30号\n\n\
         各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\n\
         一、进一步破除隐性门槛\n\n\
         （一）全面实施市场准入负面清单管理。健全市场准入负面清单管理及动态调整机制。\
         （牵头单位：国家发展改革委、商务部；配合单位：市场监管总局等国务院相关部门；完成时限：2022年12月底前）\n",
    );
    assert_eq!(d.tasks.len(), 1);
    assert_eq!(d.tasks[0].support, ["市场监管总局", "国务院相关部门"]);
    assert!(
        d.tasks[0].support_text.contains("国务院相关部门"),
        "{}",
        d.tasks[0].support_text
    );
    let d = parse_text(
        "某某工作方案\n\n序号\t工作任务\t责任单位\n\
         1\t健全统计监测\t省统计局、省财政厅等部门\n\
         2\t推进数据共享\t省大数据局等省直有关单位\n\
         3\t完善财政奖补政策\t省财政厅等有关单位\n\
         4\t加强人才培养\t省教育厅等5个相关部门\n",
    );
    assert_eq!(
        tasks(&d),
        vec![
            (1, "健全统计监测", vec!["省统计局", "省财政厅"], vec![]),
            (
                2,
                "推进数据共享",
                vec!["省大数据局", "省直有关单位"],
                vec![]
            ),
            // A bare collective names no one more.
            (3, "完善财政奖补政策", vec!["省财政厅"], vec![]),
            (4, "加强人才培养", vec!["省教育厅"], vec![]),
        ]
    );
}

/// The body of a 政策解读 that retells a plan's measures with their units.
const RETELLING: &str = "\n\n一、《方案》出台的背景是什么？\n数字化转型是制造业高质量发展的必由之路。\n\
    二、《方案》提出了哪些重点任务？\n《方案》提出了三个方面12项重点任务：\
    一是实施诊断服务（省工业和信息化厅牵头）；二是打造工业互联网平台（省工业和信息化厅、省通信管理局负责）。\n";

#[test]
fn a_policy_interpretation_assigns_no_tasks() {
    for title in [
        "《山东省制造业数字化转型提标破题三年行动方案（2023—2025年）》政策解读",
        "省工业和信息化厅负责同志就《山东省制造业数字化转型行动方案》答记者问",
    ] {
        let d = parse_text(&format!("{title}{RETELLING}"));
        assert!(d.tasks.is_empty(), "{title}: {:?}", tasks(&d));
    }
    // The plan itself, printed the same way, allocates.
    let d = parse_text(&format!(
        "山东省制造业数字化转型提标破题三年行动方案{RETELLING}"
    ));
    assert_eq!(d.tasks.len(), 2, "{:?}", tasks(&d));
}

#[test]
fn a_standing_remark_covers_the_measure_it_is_printed_under() {
    let d = parse_text(
        "某某工作方案\n\n一、重点任务\n\
         （一）实施诊断服务。每年开展免费诊断。（责任单位：省工业和信息化厅。以下均需各市政府落实，不再列出）\n\
         （二）打造平台。培育平台2个以上。（责任单位：省通信管理局）\n",
    );
    assert_eq!(
        tasks(&d),
        vec![
            (
                1,
                "实施诊断服务。每年开展免费诊断。",
                vec!["省工业和信息化厅"],
                vec!["各市政府"]
            ),
            (
                2,
                "打造平台。培育平台2个以上。",
                vec!["省通信管理局"],
                vec!["各市政府"]
            ),
        ]
    );
}

#[test]
fn a_lead_mark_between_names_marks_its_unit_alone() {
    let d = parse_text(
        "某某工作方案\n\n序号\t工作任务\t责任单位\n\
         1\t完善财政奖补政策\t省财政厅、省税务局（牵头）、省人力资源社会保障厅\n",
    );
    assert_eq!(
        tasks(&d),
        vec![(
            1,
            "完善财政奖补政策",
            vec!["省税务局"],
            vec!["省财政厅", "省人力资源社会保障厅"]
        )]
    );
}

#[test]
fn a_page_filed_under_policy_interpretation_assigns_no_tasks() {
    // Titled without the word: the page's 主题分类 says what it is.
    let page = |topic: &str| {
        format!(
            "<html><head><meta charset=\"utf-8\"><title>图解山东省制造业数字化转型行动方案</title></head><body>\
             <div class=\"xxgk_table\"><table>\
             <tr><td>索引号：</td><td>11370000004609053M/2023-00130</td><td>主题分类：</td><td>{topic}</td></tr>\
             <tr><td>发布机构：</td><td>山东省工业和信息化厅</td><td>发布日期：</td><td>2023-04-21</td></tr>\
             </table></div><div class=\"article\"><h1>图解山东省制造业数字化转型行动方案</h1>\
             <p>一、重点任务</p>\
             <p>（一）实施诊断服务。每年为5000家以上企业开展免费诊断。（责任单位：省工业和信息化厅）</p>\
             </div></body></html>"
        )
    };
    let d = parse(page("政策解读").as_bytes(), &Options::default()).unwrap();
    assert!(d.tasks.is_empty(), "{:?}", tasks(&d));
    let d = parse(page("工业").as_bytes(), &Options::default()).unwrap();
    assert_eq!(d.tasks.len(), 1, "{:?}", tasks(&d));
}

#[test]
fn units_that_guide_a_decision_support_it() {
    let d = parse_text(
        "关于研究推进城市更新项目有关问题的专题会议纪要\n\n\
         2024年3月5日，副市长李某某主持召开专题会议。现将会议议定事项纪要如下：\n\n\
         一、关于解放碑片区城市更新项目\n\n\
         会议同意解放碑片区城市更新项目按照“政府引导、市场运作”模式实施。\
         由渝中区政府负责项目组织实施，市住房城乡建设委、市规划自然资源局做好指导服务。\n\n\
         二、关于规划调整\n\n\
         市规划自然资源局负责在5月底前完成片区控制性详细规划局部调整。\n\n\
         出席：李某某\n",
    );
    let units: Vec<_> = tasks(&d).into_iter().map(|t| (t.2, t.3)).collect();
    assert_eq!(
        units,
        vec![
            (
                vec!["渝中区政府"],
                vec!["市住房城乡建设委", "市规划自然资源局"]
            ),
            (vec!["市规划自然资源局"], vec![]),
        ]
    );
    // Guiding words that name no unit before them support nothing.
    let d = parse_text(
        "某某会议纪要\n\n现将会议议定事项纪要如下：\n\n\
         一、由渝中区政府负责项目组织实施，有关方面要加强指导。\n",
    );
    let units: Vec<_> = tasks(&d).into_iter().map(|t| (t.2, t.3)).collect();
    assert_eq!(units, vec![(vec!["渝中区政府"], vec![])]);
}
