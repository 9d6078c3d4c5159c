//! An attachment published as a page of its own keeps the label that makes it one: `附件2` in a
//! layout cell above the cell that holds the title (a site's table layout), and `附件2` as the
//! first title row inside the table (a spreadsheet saved as a web page) — the part is attachment
//! 附件2 with its title, the table's caption is the title without the label, and no `no_title`.

use gongwen_parse::{Document, InputFormat, Options, parse};

fn html(page: &str) -> Document {
    let options = Options {
        format: Some(InputFormat::Html),
        ..Options::default()
    };
    parse(page.as_bytes(), &options).expect("parses")
}

const ROWS: &str = "<tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>\
<tr><td>1</td><td>完善县城商业设施</td><td>省商务厅</td><td>省发展改革委、省财政厅</td></tr>\
<tr><td>2</td><td>提升乡镇商贸中心</td><td>省商务厅</td><td>省自然资源厅</td></tr>\
<tr><td>3</td><td>发展农村物流配送</td><td>省邮政管理局</td><td>省交通运输厅</td></tr>";

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

fn assert_attachment_page(d: &Document, label: &str, title: &str, caption: Option<&str>) {
    assert_eq!(d.parts.len(), 1, "{:?}", d.parts);
    let part = &d.parts[0];
    assert_eq!(part.label.as_deref(), Some(label));
    assert_eq!(part.title.as_deref(), Some(title));
    let captions: Vec<Option<&str>> = part.tables.iter().map(|t| t.caption.as_deref()).collect();
    assert_eq!(captions, [caption]);
    let leads: Vec<Vec<&str>> = d
        .tasks
        .iter()
        .map(|t| t.lead.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        leads,
        [vec!["省商务厅"], vec!["省商务厅"], vec!["省邮政管理局"]]
    );
    assert!(!codes(d).contains(&"no_title"), "{:?}", codes(d));
}

#[test]
fn a_label_in_a_layout_cell_above_the_title_heads_the_attachment() {
    for label_cell in [
        "<td align=center><b>附件2</b></td>",
        "<td>附件2：</td>",
        "<td align=left>附件2</td>",
    ] {
        let page = format!(
            "<html><head><meta charset=utf-8></head><body><table width=1000><tr><td>导航<br>政务公开</td>\
<td><table width=760><tr>{label_cell}</tr><tr><td align=center><b>重点任务分工表</b></td></tr>\
<tr><td><table border=1>{ROWS}</table></td></tr></table></td></tr></table></body></html>"
        );
        let d = html(&page);
        // The title is a paragraph above the table, not its caption.
        assert_attachment_page(&d, "附件2", "重点任务分工表", None);
    }
}

#[test]
fn a_label_among_a_tables_title_rows_heads_the_attachment() {
    // Excel's "save as web page": the label and the title are rows across the table.
    let page = format!(
        "<html><body><table border=0><tr><td colspan=4>附件2</td></tr>\
<tr><td colspan=4>某市数字经济发展重点任务分工表</td></tr>{ROWS}</table></body></html>"
    );
    let title = "某市数字经济发展重点任务分工表";
    assert_attachment_page(&html(&page), "附件2", title, Some(title));
    // Label and title in one row.
    let page = format!(
        "<html><body><table border=0><tr><td colspan=4>附件3：某市数字经济发展重点任务分工表</td></tr>\
{ROWS}</table></body></html>"
    );
    assert_attachment_page(&html(&page), "附件3", title, Some(title));
}

#[test]
fn title_rows_without_a_label_stay_the_caption() {
    let page = format!(
        "<html><body><table border=0><tr><td colspan=4>某市数字经济发展重点任务分工表</td></tr>\
{ROWS}</table></body></html>"
    );
    let d = html(&page);
    let part = &d.parts[0];
    assert_eq!(part.label, None);
    assert_eq!(
        part.tables[0].caption.as_deref(),
        Some("某市数字经济发展重点任务分工表")
    );
    assert_eq!(d.tasks.len(), 3);
}
