//! Carried findings: a Word task table split over a page break into two `<table>`s (M08); a
//! merged 序号 cell read back from the normalized text (M09); hidden XLSX rows and columns (P18);
//! an XLSX merged range over cells that hold values, or written corner to corner the other way
//! (P19).

use gongwen_emit::text::to_text;
use gongwen_parse::{Document, InputFormat, Severity, parse_text};
use gongwen_tests::parsed_as;
use gongwen_tests::{XLSX_NS, xlsx_package};

/// (seq, text, lead) of each task.
fn seq_text_lead(d: &Document) -> Vec<(u32, String, Vec<String>)> {
    d.tasks
        .iter()
        .map(|t| (t.seq, t.text.clone(), t.lead.clone()))
        .collect()
}

// ---- XLSX --------------------------------------------------------------------------------

/// A row of inline-string cells from column A, `<row>`'s attributes given.
fn row(r: u32, attrs: &str, cells: &[&str]) -> String {
    let mut s = format!("<row r=\"{r}\"{attrs}>");
    for (i, text) in cells.iter().enumerate() {
        let col = char::from(b'A' + u8::try_from(i).expect("few columns"));
        s.push_str(&format!(
            "<c r=\"{col}{r}\" t=\"inlineStr\"><is><t>{text}</t></is></c>"
        ));
    }
    s.push_str("</row>");
    s
}

/// An XLSX workbook of one sheet `任务分工`: `cols` (the `<cols>` element or nothing), the rows,
/// and `after` (the `<mergeCells>` element or nothing).
fn xlsx(cols: &str, rows: &[String], after: &str) -> Vec<u8> {
    let styles = format!(
        "<?xml version=\"1.0\"?><styleSheet xmlns=\"{XLSX_NS}\"><cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>"
    );
    let worksheet = format!("{cols}<sheetData>{}</sheetData>{after}", rows.concat());
    xlsx_package(&worksheet, None, Some(&styles))
}

const HEAD: [&str; 4] = ["序号", "重点任务", "牵头单位", "配合单位"];

/// Three tasks; the second's lead cell empty (a merge from the row above fills it).
fn task_rows(second_attrs: &str) -> Vec<String> {
    vec![
        row(1, "", &HEAD),
        row(
            2,
            "",
            &["1", "建设全省一体化政务云平台", "省大数据局", "省财政厅"],
        ),
        row(
            3,
            second_attrs,
            &["2", "完善公共数据目录体系", "", "省委网信办"],
        ),
        row(
            4,
            "",
            &["3", "推进电子证照互认", "省政务服务办", "省公安厅"],
        ),
    ]
}

fn leads(d: &Document) -> Vec<Vec<String>> {
    d.tasks.iter().map(|t| t.lead.clone()).collect()
}

fn strs(v: &[&[&str]]) -> Vec<Vec<String>> {
    v.iter()
        .map(|x| x.iter().map(|s| (*s).to_string()).collect())
        .collect()
}

#[test]
fn a_merged_range_drawn_past_the_table_keeps_the_values_it_covers_and_names_the_first() {
    let bytes = xlsx(
        "",
        &task_rows(""),
        "<mergeCells count=\"1\"><mergeCell ref=\"C2:C100\"/></mergeCells>",
    );
    let d = parsed_as(&bytes, InputFormat::Workbook);
    assert_eq!(
        leads(&d),
        strs(&[&["省大数据局"], &["省大数据局"], &["省政务服务办"]])
    );
    let w = d
        .diagnostics
        .iter()
        .find(|x| x.code == "workbook_merge_covers_value")
        .expect("a warning about the covered value");
    assert_eq!(w.severity, Severity::Warning);
    assert_eq!(w.cell.as_deref(), Some("任务分工!C4"));
    assert_eq!(w.line, Some(4));
    assert!(w.message.contains("C2:C100"), "{}", w.message);
}

#[test]
fn a_merge_whose_cells_repeat_its_value_is_no_covered_value() {
    // Some writers put the anchor's value into every cell of the range: nothing is hidden.
    let mut rows = task_rows("");
    rows[2] = row(
        3,
        "",
        &["2", "完善公共数据目录体系", "省大数据局", "省委网信办"],
    );
    let bytes = xlsx(
        "",
        &rows,
        "<mergeCells count=\"1\"><mergeCell ref=\"C2:C3\"/></mergeCells>",
    );
    let d = parsed_as(&bytes, InputFormat::Workbook);
    assert_eq!(leads(&d)[1], vec!["省大数据局".to_string()]);
    assert!(
        !d.diagnostics
            .iter()
            .any(|x| x.code == "workbook_merge_covers_value"),
        "{:?}",
        d.diagnostics
    );
}

#[test]
fn a_merged_range_written_bottom_to_top_is_the_same_range() {
    let bytes = xlsx(
        "",
        &task_rows(""),
        "<mergeCells count=\"1\"><mergeCell ref=\"C3:C2\"/></mergeCells>",
    );
    let d = parsed_as(&bytes, InputFormat::Workbook);
    assert_eq!(
        leads(&d),
        strs(&[&["省大数据局"], &["省大数据局"], &["省政务服务办"]])
    );
    assert!(
        !d.diagnostics.iter().any(|x| x.code == "task_without_lead"),
        "{:?}",
        d.diagnostics
    );
}

#[test]
fn a_hidden_row_is_read_and_named() {
    let mut rows = task_rows(" hidden=\"1\"");
    rows[2] = row(
        3,
        " hidden=\"1\"",
        &["2", "（已删除）旧任务", "省大数据局", "省委网信办"],
    );
    let d = parsed_as(&xlsx("", &rows, ""), InputFormat::Workbook);
    assert_eq!(d.tasks.len(), 3);
    assert_eq!(d.tasks[1].text, "（已删除）旧任务");
    let n = d
        .diagnostics
        .iter()
        .find(|x| x.code == "row_hidden")
        .expect("a note naming the hidden row");
    assert_eq!(n.severity, Severity::Info);
    assert_eq!(n.line, Some(3));
    assert!(
        n.message.contains("任务分工") && n.message.contains("row 3"),
        "{}",
        n.message
    );
}

#[test]
fn a_hidden_column_with_values_is_read_and_named_but_hidden_empty_columns_are_not() {
    let rows = vec![
        row(
            1,
            "",
            &["序号", "重点任务", "牵头单位", "配合单位", "内部备注"],
        ),
        row(
            2,
            "",
            &[
                "1",
                "建设全省一体化政务云平台",
                "省大数据局",
                "省财政厅",
                "张三负责",
            ],
        ),
        row(
            3,
            "",
            &[
                "2",
                "完善公共数据目录体系",
                "省大数据局",
                "省委网信办",
                "李四",
            ],
        ),
    ];
    // Column E hidden; F to the sheet's end hidden too, as a sheet tidied for print hides them.
    let cols = "<cols><col min=\"5\" max=\"5\" width=\"13\" hidden=\"1\" customWidth=\"1\"/>\
                <col min=\"6\" max=\"16384\" hidden=\"1\"/></cols>";
    let d = parsed_as(&xlsx(cols, &rows, ""), InputFormat::Workbook);
    assert_eq!(
        d.tasks[0].extra.get("内部备注").map(String::as_str),
        Some("张三负责")
    );
    let notes: Vec<_> = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "column_hidden")
        .collect();
    assert_eq!(notes.len(), 1, "{:?}", d.diagnostics);
    assert_eq!(notes[0].severity, Severity::Info);
    assert!(
        notes[0].message.contains("任务分工") && notes[0].message.contains("column E "),
        "{}",
        notes[0].message
    );
    // No row is hidden: no row note.
    assert!(!d.diagnostics.iter().any(|x| x.code == "row_hidden"));
}

#[test]
fn a_sheet_without_hidden_rows_or_columns_gets_no_note() {
    let d = parsed_as(&xlsx("", &task_rows(""), ""), InputFormat::Workbook);
    assert!(
        !d.diagnostics
            .iter()
            .any(|x| x.code == "row_hidden" || x.code == "column_hidden"),
        "{:?}",
        d.diagnostics
    );
}

// ---- Word HTML ---------------------------------------------------------------------------

fn td(text: &str) -> String {
    format!(
        "<td style='border:solid windowtext 1.0pt'><p class=MsoNormal align=center><span style='font-size:12.0pt'>{text}</span></p></td>"
    )
}

fn tr(cells: &[&str]) -> String {
    format!(
        "<tr>{}</tr>",
        cells.iter().map(|c| td(c)).collect::<String>()
    )
}

fn word_page(body: &str) -> String {
    format!(
        "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta charset=\"utf-8\">\
         <meta name=Generator content=\"Microsoft Word 15\"></head><body lang=ZH-CN><div class=WordSection1>\
         <p class=MsoNormal align=center><span style='font-size:22.0pt'>某市人民政府办公室关于印发某市商业体系建设实施方案的通知</span></p>\
         <p class=MsoNormal><span>各区人民政府，市政府各部门：</span></p>\
         <p class=MsoNormal><span>《某市商业体系建设实施方案》已经市政府同意，现印发给你们，请认真贯彻执行。</span></p>\
         <p class=MsoNormal><span>附件：重点任务分工表</span></p>\
         <p class=MsoNormal align=right><span>某市人民政府办公室</span></p>\
         <p class=MsoNormal align=right><span>2023年5月16日</span></p>\
         <span><br clear=all style='page-break-before:always'></span>\
         <p class=MsoNormal><b><span>附件</span></b></p>\
         <p class=MsoNormal align=center><b><span>重点任务分工表</span></b></p>\
         {body}</div></body></html>"
    )
}

const TABLE: &str = "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>";
const BREAK: &str = "<span style='font-size:12.0pt'><br clear=all style='page-break-before:always'></span>\
                     <p class=MsoNormal><span><o:p>&nbsp;</o:p></span></p>";
const WORD_HEAD: [&str; 5] = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"];

fn split_table(header_again: bool) -> String {
    let first = [
        tr(&WORD_HEAD),
        tr(&["1", "完善商业设施", "市商务局", "市发展改革委", "2025年底"]),
        tr(&["2", "提升商贸中心", "市商务局", "市自然资源局", "2024年底"]),
    ]
    .concat();
    let mut second = String::new();
    if header_again {
        second.push_str(&tr(&WORD_HEAD));
    }
    second.push_str(&tr(&[
        "3",
        "发展物流配送",
        "市邮政管理局",
        "市交通运输局",
        "持续推进",
    ]));
    second.push_str(&tr(&[
        "4",
        "加强资金支持",
        "市财政局",
        "市商务局",
        "持续推进",
    ]));
    word_page(&format!(
        "{TABLE}{first}</table>{BREAK}{TABLE}{second}</table>"
    ))
}

#[test]
fn a_word_table_split_at_a_page_break_is_one_table() {
    for header_again in [false, true] {
        let d = parsed_as(split_table(header_again).as_bytes(), InputFormat::Html);
        let tables: Vec<_> = d.parts.iter().flat_map(|p| &p.tables).collect();
        assert_eq!(tables.len(), 1, "header again: {header_again}");
        let t = tables[0];
        assert_eq!(t.header_rows, 1);
        let firsts: Vec<&str> = t.rows.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(firsts, ["序号", "1", "2", "3", "4"]);
        let seqs: Vec<_> = d.tasks.iter().map(|t| t.seq).collect();
        assert_eq!(seqs, [1, 2, 3, 4]);
    }
}

#[test]
fn a_merged_number_cell_reads_back_the_same_from_the_normalized_text() {
    let rows = format!(
        "{}<tr><td rowspan=2>{}</td><td rowspan=2>{}</td>{}{}{}</tr>{}{}",
        tr(&["序号", "重点任务", "具体措施", "牵头单位", "配合单位"]),
        "<p class=MsoNormal align=center><span>1</span></p>",
        "<p class=MsoNormal align=center><span>完善商业设施</span></p>",
        td("建设改造综合商贸服务中心"),
        td("市商务局"),
        td("市发展改革委"),
        tr(&["改造提升农贸市场", "市商务局", "市市场监管局"]),
        tr(&[
            "2",
            "发展物流配送",
            "推进共同配送",
            "市邮政管理局",
            "市交通运输局"
        ]),
    );
    let page = word_page(&format!("{TABLE}{rows}</table>"));
    let d = parsed_as(page.as_bytes(), InputFormat::Html);
    let from_html = seq_text_lead(&d);
    assert_eq!(from_html.iter().map(|t| t.0).collect::<Vec<_>>(), [1, 1, 2]);
    let again = parse_text(&to_text(&d));
    assert_eq!(seq_text_lead(&again), from_html);
    assert!(
        !again
            .diagnostics
            .iter()
            .any(|x| x.code == "task_number_repeat"),
        "{:?}",
        again.diagnostics
    );
}
