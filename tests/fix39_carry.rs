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

// ---- 2. `X由Y牵头……` in a meeting's decisions: the lead is Y --------------------------------

fn text_doc(text: &str) -> Document {
    parse(text.as_bytes(), &Options::default()).expect("parses")
}

fn lead_support(d: &Document) -> Vec<(Vec<&str>, Vec<&str>)> {
    gongwen_tests::all_units(d)
}

#[test]
fn the_subject_before_you_is_no_part_of_a_decisions_lead() {
    let d = text_doc(
        "某市人民政府专题会议纪要\n\n第3期\n\n某市人民政府办公室\u{3000}\u{3000}\u{3000}\u{3000}2023年5月6日\n\n\
\u{3000}\u{3000}5月5日，副市长王某某主持召开专题会议。现将会议议定事项纪要如下：\n\
\u{3000}\u{3000}一、会议原则同意市发展改革委汇报的工作思路。具体方案由市发展改革委牵头制定。\n\
\u{3000}\u{3000}二、工程由市建设局牵头组织实施，市交通运输局配合，力争年底前完工。\n\
\u{3000}\u{3000}三、实施方案由市教委牵头，市财政局配合，于9月底前报市政府。\n\
\u{3000}\u{3000}四、配套资金由市财政局负责落实。\n\
\u{3000}\u{3000}五、会议强调，要抓好落实。具体方案由市住房城乡建设局会同市财政局制定。\n\
\u{3000}\u{3000}六、自由贸易试验区管委会牵头，市商务局配合，制定年度计划。\n\n\
出席：王某某\n",
    );
    assert_eq!(
        lead_support(&d),
        vec![
            (vec!["市发展改革委"], vec![]),
            (vec!["市建设局"], vec!["市交通运输局"]),
            (vec!["市教委"], vec!["市财政局"]),
            (vec!["市财政局"], vec![]),
            (vec!["市住房城乡建设局"], vec!["市财政局"]),
            (vec!["自由贸易试验区管委会"], vec!["市商务局"]),
        ]
    );
}

// ---- 3. a duty printed in brackets right after a measure's marker ----------------------------

fn opinion(third: &str) -> Document {
    text_doc(&format!(
        "某某省人民政府关于加快数字经济发展的意见\n\n某政发〔2023〕5号\n\n各市人民政府，省政府各部门：\n\
\u{3000}\u{3000}为加快数字经济发展，提出如下意见。\n\
\u{3000}\u{3000}一、重点任务\n\
\u{3000}\u{3000}（一）加快5G网络建设。（省通信管理局牵头，省工业和信息化厅配合）\n\
\u{3000}\u{3000}（二）培育数据要素市场。（省数据局负责）\n\
\u{3000}\u{3000}（三）{third}\n\n\
某某省人民政府\n2023年5月6日\n"
    ))
}

#[test]
fn a_duty_in_brackets_right_after_the_marker_is_the_measures() {
    for bracket in [
        "【省大数据局牵头，省科技厅配合】",
        "（省大数据局牵头，省科技厅配合）",
    ] {
        let d = opinion(&format!("{bracket}实施“东数西算”工程。"));
        let t = task_units(&d);
        assert_eq!(t.len(), 3, "{bracket}: {t:?}");
        assert_eq!(
            t[2],
            ("实施“东数西算”工程", vec!["省大数据局"], vec!["省科技厅"]),
            "{bracket}"
        );
        let third = &d.parts[0].sections[0].children[2];
        assert_eq!(third.heading, "实施“东数西算”工程", "{bracket}");
    }
    // A bracket that says more than units and their roles is no allocation.
    let d = opinion("（省大数据局牵头研究后报省政府）实施“东数西算”工程。");
    assert_eq!(task_units(&d).len(), 2, "{:?}", task_units(&d));
}

// ---- 4. a GBK page with a paragraph of UTF-8 bytes -------------------------------------------

fn gbk(s: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(s).0.into_owned()
}

/// A GBK page whose 附件说明 line `pasted` is spliced in as given, on one line with GBK markup
/// and the signature's paragraph.
fn gbk_page(pasted: &[u8]) -> Vec<u8> {
    let mut page = gbk(
        "<!DOCTYPE html><html><head><meta charset=\"gbk\"><title>通知</title></head><body>\n\
         <p align=\"center\">某某省人民政府办公厅关于印发某某省县域商业建设方案的通知</p>\n\
         <p>各市人民政府，省人民政府各部门：</p>\n\
         <p style=\"text-indent:2em\">现将有关方案印发给你们，请认真贯彻执行。</p>\n\
         <p style=\"text-indent:2em\"><font face=\"仿宋_GB2312\">附件：1．某某省县域商业建设方案</font></p>\
         <p style=\"text-indent:2em\"><font face=\"仿宋_GB2312\">",
    );
    page.extend_from_slice(pasted);
    page.extend(gbk(
        "</font></p><p align=\"right\"><font face=\"仿宋_GB2312\">某某省人民政府办公厅</font></p>\n\
         <p align=\"right\">2023年5月16日</p>\n</body></html>\n",
    ));
    page
}

#[test]
fn a_paragraph_of_utf8_bytes_on_a_gbk_page_reads_as_written() {
    let line = "　　　2．重点任务分工表";
    let d = parse(&gbk_page(line.as_bytes()), &given(InputFormat::Html)).expect("html");
    let mixed: Vec<_> = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "decode_mixed")
        .collect();
    assert_eq!(mixed.len(), 1, "{:?}", d.diagnostics);
    let titles: Vec<&str> = d
        .notice
        .attachments
        .iter()
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(titles, ["某某省县域商业建设方案", "重点任务分工表"]);
    // The GBK text after it on the same line is read as GBK.
    assert_eq!(d.notice.signature.as_deref(), Some("某某省人民政府办公厅"));
    // The same page all in GBK is read without the warning.
    let d = parse(&gbk_page(&gbk(line)), &given(InputFormat::Html)).expect("html");
    assert!(
        d.diagnostics.iter().all(|x| x.code != "decode_mixed"),
        "{:?}",
        d.diagnostics
    );
    assert_eq!(d.notice.attachments.len(), 2);
}
