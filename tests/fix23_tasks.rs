//! Tasks as measures print them: a measure whose text is a list of sub-items closed by one
//! allocation is one task, a bare title over a measure's paragraph is its group, a collective
//! named after `等` is a unit, a 政策解读 assigns nothing, and a standing remark's units carry
//! out the measure it is printed under too.

use gongwen_parse::{Document, parse_text};

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
