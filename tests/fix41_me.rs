//! An attachment published as a page of its own keeps the label that makes it one: `附件2` in a
//! layout cell above the cell that holds the title (a site's table layout), and `附件2` as the
//! first title row inside the table (a spreadsheet saved as a web page) — the part is attachment
//! 附件2 with its title, the table's caption is the title without the label, and no `no_title`.
//! An organ's line over a whole title that names its own organ is the 发文机关标志, not the
//! title's first line (T07); a task allocation the 附件说明 marks （略） is omitted even when its
//! label and title are printed with nothing under them (T06).

use gongwen_parse::{Document, InputFormat, Options, parse};
use gongwen_tests::codes;

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

fn text(notice: &str) -> Document {
    let options = Options {
        format: Some(InputFormat::Text),
        ..Options::default()
    };
    parse(notice.as_bytes(), &options).expect("parses")
}

const LETTER: &str = "\n\n某政办发〔2023〕17号\n\n各区县人民政府，市政府各部门：\n\n\
\u{3000}\u{3000}《某市2023年农村人居环境整治提升工作要点》已经市政府同意，现印发给你们，请认真贯彻落实。\n\n\
某市人民政府办公室\n2023年4月3日\n";

#[test]
fn an_organ_line_over_a_title_with_its_own_organ_is_not_part_of_the_title() {
    let title = "某市人民政府办公室关于印发某市2023年农村人居环境整治提升工作要点的通知";
    for organ in ["某某省某市人民政府办公室", "某市人民政府办公室"] {
        let d = text(&format!("{organ}\n\n{title}{LETTER}"));
        assert_eq!(d.notice.title.as_deref(), Some(title), "{organ}");
        assert_eq!(d.notice.issuer.as_deref(), Some("某市人民政府办公室"));
    }
    // The title's short form of the letterhead's organ: the issuer is named in full.
    let short = "某市政府办公室关于印发某市2023年农村人居环境整治提升工作要点的通知";
    let d = text(&format!("某某省某市人民政府办公室\n\n{short}{LETTER}"));
    assert_eq!(d.notice.title.as_deref(), Some(short));
    assert_eq!(d.notice.issuer.as_deref(), Some("某某省某市人民政府办公室"));
    // A title wrapped after its organ still joins: the second line opens with 关于.
    let d = text(&format!(
        "某市人民政府办公室\n关于印发某市2023年农村人居环境整治提升工作要点的通知{LETTER}"
    ));
    assert_eq!(d.notice.title.as_deref(), Some(title));
}

#[test]
fn an_allocation_marked_omitted_stays_omitted_when_its_heading_is_printed() {
    let head = "某市人民政府办公厅关于印发某市促进民营经济发展若干措施的通知\n\n某政办发〔2023〕31号\n\n\
各区县人民政府，市政府各部门：\n\n\u{3000}\u{3000}《某市促进民营经济发展若干措施》已经市政府同意，现印发给你们，请认真贯彻执行。\n\n\
附件：1．某市促进民营经济发展若干措施\n　　　2．重点任务分工方案（略）\n\n某市人民政府办公厅\n2023年7月14日\n\n\
附件1\n\n某市促进民营经济发展若干措施\n\n一、优化发展环境\n\n（一）持续破除市场准入壁垒。全面落实市场准入负面清单制度。\n";
    for tail in ["", "\n附件2\n\n重点任务分工方案\n"] {
        let d = text(&format!("{head}{tail}"));
        let codes = codes(&d);
        assert!(codes.contains(&"task_table_omitted"), "{tail:?}: {codes:?}");
        assert!(!codes.contains(&"no_task_table"), "{tail:?}: {codes:?}");
    }
}
