//! Hostile inputs (tester P, round 39): errors that name the part at fault and say what is
//! wrong with it, `<ol start>` out of range, workbook dates out of Excel's range, and a head
//! whose numbers overflow.

use gongwen_parse::{Document, Error, InputFormat, Options, parse};
use gongwen_tests::{XLSX_NS, docx_package, xlsx_package};
use std::io::Write;

fn with_format(bytes: &[u8], format: InputFormat) -> Result<Document, Error> {
    parse(
        bytes,
        &Options {
            format: Some(format),
            ..Options::default()
        },
    )
}

/// An XLSX workbook of one sheet, with the shared strings and styles given.
fn xlsx(shared: &str, styles: &str, sheet: &str) -> Vec<u8> {
    xlsx_package(
        &format!("<sheetData>{sheet}</sheetData>"),
        Some(shared),
        Some(styles),
    )
}

const STYLES: &str = "<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
    <cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>";

#[test]
fn an_xml_error_in_a_workbook_part_names_the_part_and_the_byte() {
    let shared = format!(
        "<?xml version=\"1.0\"?><sst xmlns=\"{XLSX_NS}\" count=\"1\" uniqueCount=\"1\"><si><t>省&d;大数据局</t></si></sst>"
    );
    let bytes = xlsx(
        &shared,
        STYLES,
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
    );
    let e = with_format(&bytes, InputFormat::Workbook).expect_err("refused");
    let m = e.to_string();
    assert!(
        m.starts_with("xl/sharedStrings.xml: XML error at byte "),
        "{m}"
    );
    assert!(m.contains("&d;"), "{m}");
    assert!(!m.contains("0..0"), "{m}");
}

#[test]
fn a_word_main_part_that_is_no_xml_is_named_not_called_empty() {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    for (name, data) in [
        ("[Content_Types].xml", "<Types/>"),
        (
            "word/document.xml",
            "河西省人民政府办公厅关于推进数字政府建设的通知\n各市人民政府：",
        ),
    ] {
        w.start_file(name, o).unwrap();
        w.write_all(data.as_bytes()).unwrap();
    }
    let bytes = w.finish().unwrap().into_inner();
    let e = with_format(&bytes, InputFormat::Docx).expect_err("refused");
    let m = e.to_string();
    assert!(
        m.starts_with("word/document.xml: holds no document body"),
        "{m}"
    );
    // A real document with an empty body is still empty.
    let empty = docx_package("", &[]);
    assert!(matches!(
        with_format(&empty, InputFormat::Docx),
        Err(Error::Empty)
    ));
}

#[test]
fn a_damaged_ole_file_named_as_a_word_document_is_not_called_a_workbook() {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.extend(std::iter::repeat_n(0xAB, 600));
    let e = with_format(&bytes, InputFormat::Docx).expect_err("refused");
    let m = e.to_string();
    assert!(
        m.starts_with("DOCX: the file is an OLE compound file"),
        "{m}"
    );
    assert!(!m.starts_with("workbook"), "{m}");
}

#[test]
fn utf32_text_is_refused_by_name() {
    let mut bytes = vec![0xFF, 0xFE, 0, 0];
    for c in "关于推进数字政府建设的通知\n".chars() {
        bytes.extend((c as u32).to_le_bytes());
    }
    let e = with_format(&bytes, InputFormat::Text).expect_err("refused");
    assert!(e.to_string().contains("UTF-32"), "{e}");
    let e = parse(&bytes, &Options::default()).expect_err("refused");
    assert!(e.to_string().contains("UTF-32"), "{e}");
}

#[test]
fn an_ordered_list_whose_start_is_out_of_range_counts_from_one() {
    let page = "<html><body><h1>河东省人民政府关于开展专项整治的通知</h1><p>各市人民政府：</p>\
        <p>现就有关事项通知如下。</p>\
        <ol start=\"4294967295\"><li>开展安全生产大检查。</li><li>整治校园周边环境。</li><li>规范农贸市场秩序。</li></ol>\
        <ol start=\"-3\"><li>加强组织领导。</li><li>强化督促检查。</li><li>做好宣传引导。</li><li>严格追责问责。</li></ol>\
        <p>河东省人民政府</p><p>2023年6月1日</p></body></html>";
    let d = with_format(page.as_bytes(), InputFormat::Html).expect("parses");
    let json = serde_json::to_string(&d).unwrap();
    for item in [
        "1.开展安全生产大检查。",
        "2.整治校园周边环境。",
        "3.规范农贸市场秩序。",
    ] {
        assert!(json.contains(item), "{item}: {json}");
    }
    assert!(!json.contains("4294967295"), "{json}");
    // A list counting from below zero shows no numbers on any item, not on its last ones only.
    for item in ["加强组织领导。", "做好宣传引导。", "严格追责问责。"] {
        assert!(json.contains(item), "{item}: {json}");
    }
    assert!(!json.contains("1.严格追责问责"), "{json}");
    assert!(!json.contains("-1.做好宣传引导"), "{json}");
}

fn is(r: &str, text: &str) -> String {
    format!("<c r=\"{r}\" t=\"inlineStr\"><is><t>{text}</t></is></c>")
}

fn date_cell(r: &str, v: &str) -> String {
    format!("<c r=\"{r}\" s=\"1\"><v>{v}</v></c>")
}

#[test]
fn a_date_formatted_cell_outside_excels_calendar_keeps_its_number() {
    let shared =
        format!("<?xml version=\"1.0\"?><sst xmlns=\"{XLSX_NS}\" count=\"0\" uniqueCount=\"0\"/>");
    let mut rows = format!(
        "<row r=\"1\">{}{}{}{}</row>",
        is("A1", "序号"),
        is("B1", "重点任务"),
        is("C1", "牵头单位"),
        is("D1", "完成时限")
    );
    for (i, (task, v)) in [
        ("建设全省一体化政务云平台", "45291"),
        ("完善公共数据目录体系", "2958466"),
        ("推进政务数据共享", "-5"),
        ("建立数据安全制度", "1E+308"),
    ]
    .iter()
    .enumerate()
    {
        let r = i + 2;
        rows.push_str(&format!(
            "<row r=\"{r}\"><c r=\"A{r}\"><v>{}</v></c>{}{}{}</row>",
            i + 1,
            is(&format!("B{r}"), task),
            is(&format!("C{r}"), "省大数据局"),
            date_cell(&format!("D{r}"), v)
        ));
    }
    let bytes = xlsx(&shared, STYLES, &rows);
    let d = with_format(&bytes, InputFormat::Workbook).expect("parses");
    let json = serde_json::to_string(&d.tasks).unwrap();
    assert!(json.contains("2023-12-31"), "{json}");
    assert!(json.contains("\"2958466\""), "{json}");
    assert!(json.contains("\"-5\""), "{json}");
    assert!(json.contains("\"1E+308\""), "{json}");
    assert!(
        !json.contains("9999-12-31") && !json.contains("1899-12-31"),
        "{json}"
    );
    let cells: Vec<_> = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "workbook_date_out_of_range")
        .filter_map(|x| x.cell.as_deref())
        .collect();
    assert_eq!(cells, ["任务分工!D3", "任务分工!D4", "任务分工!D5"]);
}

#[test]
fn a_head_whose_doc_number_or_date_overflows_is_reported_with_its_line() {
    let text = "河东省人民政府\n\n关于开展专项整治的通知\n\n河东府发〔99999999999999999999〕4号\n\n\
        各市人民政府：\n\n现就有关事项通知如下。\n\n一、总体要求\n\n全面排查各类隐患。\n\n\
        河东省人民政府\n\n99999999999999999999年6月1日\n";
    let d = parse(text.as_bytes(), &Options::default()).expect("parses");
    assert_eq!(d.notice.doc_number, None);
    let found: Vec<(&str, Option<usize>)> = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "doc_number_unread" || x.code == "date_unread")
        .map(|x| (x.code.as_str(), x.line))
        .collect();
    assert_eq!(
        found,
        [("doc_number_unread", Some(5)), ("date_unread", Some(17))],
        "{:?}",
        d.diagnostics
    );
    // A doc number and a date that are read give neither warning.
    let good = text
        .replace("〔99999999999999999999〕", "〔2023〕")
        .replace("99999999999999999999年", "2023年");
    let d = parse(good.as_bytes(), &Options::default()).expect("parses");
    assert!(d.notice.doc_number.is_some() && d.notice.date.is_some());
    assert!(
        !d.diagnostics
            .iter()
            .any(|x| x.code == "doc_number_unread" || x.code == "date_unread"),
        "{:?}",
        d.diagnostics
    );
}
