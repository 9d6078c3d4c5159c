//! Attachment pages headed `附件1、标题` (the label closed as a list item's number is) are the
//! attachment listed, as `附件1　标题` and `附件1：标题` are.

use gongwen_parse::{PartKind, parse_text};
use gongwen_tests::part_heads;

const NOTICE: &str = "某某市人民政府办公室关于印发某某市数字政府建设方案的通知\n\
某府办发〔2024〕8号\n\
各区县人民政府，市政府有关部门：\n\
现将《某某市数字政府建设方案》印发给你们，请认真组织实施。\n\
附件：某某市数字政府建设方案\n\
某某市人民政府办公室\n\
2024年3月1日\n\
附件1、某某市数字政府建设方案\n\
一、总体要求\n\
坚持统筹规划。\n\
二、主要任务\n\
（一）建设统一平台。\n";

#[test]
fn an_attachment_heading_closed_by_a_list_comma_is_the_attachment_listed() {
    let d = parse_text(NOTICE);
    assert_eq!(
        part_heads(&d),
        vec![(
            PartKind::Attachment,
            Some("附件1"),
            Some("某某市数字政府建设方案")
        )]
    );
    let codes: Vec<&str> = d.diagnostics.iter().map(|g| g.code.as_str()).collect();
    assert!(!codes.contains(&"attachment_missing"), "{codes:?}");
}

/// A task table whose 重点任务 column heads each row's 具体内容: a numbered row with its
/// units and its own 重点任务 but no 具体内容 is the task its 重点任务 names, not a row lost
/// (which left a gap in the numbers).
#[test]
fn a_numbered_row_without_details_is_the_task_its_own_group_cell_names() {
    let text = "某某市人民政府办公室关于印发某某工作任务分工的通知\n\
各区县人民政府：\n\
现将任务分工印发给你们。\n\
某某市人民政府办公室\n\
2024年3月1日\n\
附件\n\
某某工作任务分工\n\
序号\t重点任务\t具体内容\t牵头单位\t配合单位\n\
1\t推进数字政府建设\t建设统一平台，整合政务数据。\t市大数据局\t市财政局\n\
2\t优化营商环境\t\t市发展改革委\t市市场监管局\n\
3\t加强安全监管\t开展专项整治。\t市应急局\t市公安局\n";
    let d = parse_text(text);
    let tasks: Vec<(u32, &str, Vec<&str>, Vec<&str>)> = d
        .tasks
        .iter()
        .map(|t| {
            (
                t.seq,
                t.text.as_str(),
                t.lead.iter().map(String::as_str).collect(),
                t.group.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        tasks,
        vec![
            (
                1,
                "建设统一平台，整合政务数据。",
                vec!["市大数据局"],
                vec!["推进数字政府建设"]
            ),
            (2, "优化营商环境", vec!["市发展改革委"], vec![]),
            (3, "开展专项整治。", vec!["市应急局"], vec!["加强安全监管"]),
        ]
    );
    let codes: Vec<&str> = d.diagnostics.iter().map(|g| g.code.as_str()).collect();
    assert!(!codes.contains(&"task_number_gap"), "{codes:?}");
}

/// The same row under a 重点任务 merged down from the row above (printed once, the cell below
/// left empty) is still no task: its group is the row's above, not a task of its own.
#[test]
fn a_row_without_details_under_a_merged_group_gives_no_task() {
    let text = "某某工作任务分工\n\
序号\t重点任务\t具体内容\t牵头单位\t配合单位\n\
1\t推进数字政府建设\t建设统一平台。\t市大数据局\t市财政局\n\
2\t\t\t市发展改革委\t市市场监管局\n\
3\t加强安全监管\t开展专项整治。\t市应急局\t市公安局\n";
    let d = parse_text(text);
    let texts: Vec<&str> = d.tasks.iter().map(|t| t.text.as_str()).collect();
    assert!(
        !texts.contains(&"推进数字政府建设") && !texts.contains(&""),
        "{texts:?}"
    );
}

/// A task table with a measures column (`改革举措`) and a column that describes each measure
/// after the units (`主要内容`), as the workbook gongwen writes lists it (`任务 | 牵头单位 |
/// 配合单位 | 主要内容`): the workbook read back has the same tasks, the description an extra.
#[test]
fn a_workbook_written_from_a_table_with_a_content_column_reads_back_the_same_tasks() {
    let text = "某某市深化改革举措清单\n\
序号\t改革举措\t主要内容\t负责单位\t推广范围\n\
1\t企业开办“一网通办”\t整合市场监管、税务、公安等部门开办企业环节。\t市市场监管局\t全市\n\
2\t工程建设项目审批提速\t推行联合审批、多图联审。\t市住房城乡建委\t全市\n";
    let doc = parse_text(text);
    let essentials = |d: &gongwen_parse::Document| -> Vec<(String, Vec<String>, Option<String>)> {
        d.tasks
            .iter()
            .map(|t| {
                (
                    t.text.clone(),
                    t.group.clone(),
                    t.extra.get("主要内容").cloned(),
                )
            })
            .collect()
    };
    let want = essentials(&doc);
    assert_eq!(want.len(), 2);
    assert_eq!(want[0].0, "企业开办“一网通办”");
    let bytes = gongwen_emit::xlsx::to_xlsx(&doc).expect("written").bytes;
    let back = gongwen_parse::parse(&bytes, &gongwen_parse::Options::default()).expect("read");
    assert_eq!(essentials(&back), want);
}

/// The content column before the units still holds the measures (`重点任务 | 工作内容 |
/// 牵头单位`): the broader column groups them.
#[test]
fn a_content_column_before_the_units_still_holds_the_tasks() {
    let text = "某某工作任务分工\n\
序号\t重点任务\t工作内容\t牵头单位\n\
1\t优化营商环境\t推行企业开办一日办结。\t市市场监管局\n";
    let d = parse_text(text);
    let got: Vec<(&str, Vec<&str>)> = d
        .tasks
        .iter()
        .map(|t| {
            (
                t.text.as_str(),
                t.group.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(got, vec![("推行企业开办一日办结。", vec!["优化营商环境"])]);
}

/// A row whose lead and support cells are both `同上` takes each column's units from the row
/// above (not one cell merged across both columns); a unit printed twice in a cell is one unit.
#[test]
fn ditto_marks_in_both_unit_cells_take_each_columns_units_and_a_repeated_unit_is_one() {
    let d = parse_text(
        "某某市人民政府办公室关于印发重点任务分工的通知\n\
\t序号\t主要任务\t牵头单位\t配合单位\n\
\t1\t推行企业开办“一网通办”。\t市市场监管局\t市税务局\n\
\t2\t推行电子营业执照。\t同上\t同上\n\
\t3\t加强知识产权保护。\t市知识产权局、市知识产权局\t市法院\n",
    );
    assert_eq!(
        gongwen_tests::all_units(&d),
        vec![
            (vec!["市市场监管局"], vec!["市税务局"]),
            (vec!["市市场监管局"], vec!["市税务局"]),
            (vec!["市知识产权局"], vec!["市法院"]),
        ]
    );
    assert_eq!(d.tasks[1].support_text, "同上");
}
