//! Carried findings: a unit's name broken over a cell's lines in every format's tables; the
//! subject before `由` in a 纪要 decision; a duty printed in brackets right after a measure's
//! marker; a GBK page with a paragraph of UTF-8 bytes.

use gongwen_parse::{Document, InputFormat, Options, parse};
use gongwen_tests::{docx_package, escape_markup, task_units};

fn given(format: InputFormat) -> Options {
    Options {
        format: Some(format),
        ..Options::default()
    }
}

// ---- 1. unit names broken over a cell's lines -------------------------------------------

/// The task rows: number, task, lead cell, supporting cell; the cells' lines parted by `\n`.
const ROWS: [[&str; 4]; 3] = [
    [
        "1",
        "完善县城商业设施",
        "市住房城乡\n建设局",
        "市发展改\n革委、省财\n政厅",
    ],
    ["2", "提升乡镇商贸中心", "市商务局", "市财政局\n市教委"],
    [
        "3",
        "发展农村物流配送",
        "市文化广电\n旅游局",
        "天河\n区政府",
    ],
];
const HEADER: [&str; 4] = ["序号", "重点任务", "牵头单位", "配合单位"];

fn expected() -> Vec<(&'static str, Vec<&'static str>, Vec<&'static str>)> {
    vec![
        (
            "完善县城商业设施",
            vec!["市住房城乡建设局"],
            vec!["市发展改革委", "省财政厅"],
        ),
        // Two names on two lines stay two units.
        (
            "提升乡镇商贸中心",
            vec!["市商务局"],
            vec!["市财政局", "市教委"],
        ),
        (
            "发展农村物流配送",
            vec!["市文化广电旅游局"],
            vec!["天河区政府"],
        ),
    ]
}

#[test]
fn a_name_broken_over_an_html_cells_lines_is_one_unit() {
    let mut page = String::from(
        "<html><head><meta charset=utf-8></head><body><p>附件</p><p>重点任务分工表</p><table border=1>",
    );
    for row in std::iter::once(HEADER).chain(ROWS) {
        page.push_str("<tr>");
        for cell in row {
            page.push_str("<td>");
            page.push_str(&escape_markup(cell).replace('\n', "<br>"));
            page.push_str("</td>");
        }
        page.push_str("</tr>");
    }
    page.push_str("</table></body></html>");
    let d = parse(page.as_bytes(), &given(InputFormat::Html)).expect("html");
    assert_eq!(task_units(&d), expected());
}

#[test]
fn a_name_broken_over_a_word_cells_paragraphs_is_one_unit() {
    let p = |t: &str| format!("<w:p>{}</w:p>", gongwen_tests::word_run(t));
    let mut body = p("附件") + &p("重点任务分工表") + "<w:tbl>";
    for row in std::iter::once(HEADER).chain(ROWS) {
        body.push_str("<w:tr>");
        for cell in row {
            // A paragraph a printed line, as Word rebuilds a table from a PDF.
            let paras: String = cell.split('\n').map(p).collect();
            body.push_str(&format!("<w:tc>{paras}</w:tc>"));
        }
        body.push_str("</w:tr>");
    }
    body.push_str("</w:tbl>");
    let d = parse(&docx_package(&body, &[]), &given(InputFormat::Docx)).expect("docx");
    assert_eq!(task_units(&d), expected());
}

#[test]
fn a_name_broken_over_a_workbook_cells_lines_is_one_unit() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in std::iter::once(HEADER).chain(ROWS).enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).expect("cell");
        }
    }
    let xlsx = wb.save_to_buffer().expect("xlsx");
    let d = parse(&xlsx, &given(InputFormat::Workbook)).expect("xlsx");
    assert_eq!(task_units(&d), expected());
}

#[test]
fn a_name_broken_over_a_csv_cells_lines_is_one_unit() {
    let mut csv = String::new();
    for row in std::iter::once(HEADER).chain(ROWS) {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if c.contains('\n') {
                    format!("\"{c}\"")
                } else {
                    c.to_string()
                }
            })
            .collect();
        csv.push_str(&cells.join(","));
        csv.push_str("\r\n");
    }
    let d = parse(csv.as_bytes(), &given(InputFormat::Csv)).expect("csv");
    assert_eq!(task_units(&d), expected());
}

#[allow(dead_code)]
fn tasks_of(d: &Document) -> usize {
    d.tasks.len()
}
