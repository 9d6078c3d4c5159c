//! Portal pages and tables copied from them: a tab table whose task cell lists its measures on
//! lines of their own, attachment links named as portals name uploaded files, and an article
//! published as scanned images.

use gongwen_parse::{Document, parse_text};

/// A task as (text, leads, supports, deadline, group).
type TaskView<'a> = (&'a str, Vec<&'a str>, Vec<&'a str>, &'a str, Vec<&'a str>);

/// The tasks as [`TaskView`]s.
fn tasks(d: &Document) -> Vec<TaskView<'_>> {
    d.tasks
        .iter()
        .map(|t| {
            (
                t.text.as_str(),
                t.lead.iter().map(String::as_str).collect(),
                t.support.iter().map(String::as_str).collect(),
                t.extra.get("完成时限").map_or("", String::as_str),
                t.group.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

/// A 任务清单 copied from a page: the 任务内容 cell of each row lists its measures one a line,
/// the last line carrying the row's other cells.
fn sub_item_table(items: [&str; 3]) -> String {
    format!(
        "附件\n\n广西壮族自治区2024年营商环境优化提升重点任务清单\n\n\
序号\t任务内容\t牵头单位\t配合单位\t完成时限\n\
1\t提升企业开办便利度。\n\
{}推行企业开办“一网通办”，全程网办率达到95%以上；\n\
{}推广电子营业执照应用；\n\
{}企业开办时间压缩至1个工作日以内。\t自治区市场监管局\t自治区公安厅、税务局，各设区市人民政府\t2024年6月底前\n\
2\t优化不动产登记服务。\n\
{}推进不动产登记“一窗受理”；\n\
{}实现不动产登记与水电气网联动过户。\t自治区自然资源厅\t自治区住房城乡建设厅，各设区市人民政府\t2024年12月底前\n\
3\t压缩工程建设项目审批时间。\t自治区住房城乡建设厅\t自治区发展改革委\t2024年12月底前\n",
        items[0], items[1], items[2], items[0], items[1]
    )
}

#[test]
fn numbered_measures_on_lines_of_their_own_stay_in_their_task_cell() {
    for items in [["1.", "2.", "3."], ["（1）", "（2）", "（3）"]] {
        let d = parse_text(&sub_item_table(items));
        let t = tasks(&d);
        assert_eq!(t.len(), 3, "{items:?}: {t:?}");
        assert_eq!(
            t[0].0,
            format!(
                "提升企业开办便利度。\n{}推行企业开办“一网通办”，全程网办率达到95%以上；\n\
                 {}推广电子营业执照应用；\n{}企业开办时间压缩至1个工作日以内。",
                items[0], items[1], items[2]
            )
        );
        assert_eq!(t[0].1, ["自治区市场监管局"]);
        assert!(t[0].2.contains(&"各设区市人民政府"), "{t:?}");
        assert_eq!(t[0].3, "2024年6月底前");
        assert!(t[0].4.is_empty(), "{t:?}");
        assert!(t[1].0.starts_with("优化不动产登记服务。\n"), "{t:?}");
        assert_eq!(t[1].1, ["自治区自然资源厅"]);
        assert_eq!(t[1].3, "2024年12月底前");
        assert!(t[1].4.is_empty(), "{t:?}");
        assert_eq!(t[2].1, ["自治区住房城乡建设厅"]);
        assert!(
            !codes(&d).contains(&"task_without_lead"),
            "{:?}",
            d.diagnostics
        );
    }
}

#[test]
fn numbered_group_rows_between_whole_rows_stay_groups() {
    // Each row holds all its cells (or its last cells empty): a numbered line between rows
    // heads the rows under it, whether or not the row before lacks its last cells.
    let text = "附件\n\n重点任务分工\n\n\
序号\t重点任务\t牵头单位\t完成时限\n\
1.营商环境\n\
1\t推进企业开办便利化\t省市场监管局\t2024年底前\n\
2\t推进不动产登记便利化\t省自然资源厅\n\
2.数字政府\n\
3\t推进政务数据共享\t省大数据局\t2024年底前\n\
4\t推进一网通办\t省政务服务办\t2024年底前\n";
    let d = parse_text(text);
    let t = tasks(&d);
    assert_eq!(t.len(), 4, "{t:?}");
    assert_eq!(t[0].0, "推进企业开办便利化");
    assert_eq!(t[1].0, "推进不动产登记便利化");
    assert_eq!(t[1].1, ["省自然资源厅"]);
    assert_eq!(t[2].0, "推进政务数据共享");
    assert_eq!(t[2].1, ["省大数据局"]);
    assert!(t[2].4.iter().any(|g| g.contains("数字政府")), "{t:?}");
    assert!(t[0].4.iter().any(|g| g.contains("营商环境")), "{t:?}");
}
