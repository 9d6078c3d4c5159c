//! Hostile and broken inputs of the fortieth round (tester P): columns that share a header or
//! have none keep every value; a Word document cut short or written twice over is read as far as
//! it goes and said to be damaged; control characters in a page, a document or a CSV are
//! dropped with a warning, a terminal colour code whole; short UTF-8 cut mid-character, a UTF-16
//! mark over UTF-8, and Big5 text are decoded as what they are.

use gongwen_parse::{Document, InputFormat, Options, parse};
use gongwen_tests::docx_package;

fn read(bytes: &[u8]) -> Document {
    parse(bytes, &Options::default()).expect("parses")
}

fn read_csv(text: &str) -> Document {
    let options = Options {
        format: Some(InputFormat::Csv),
        ..Options::default()
    };
    parse(text.as_bytes(), &options).expect("parses")
}

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

const HEAD: &str = "河西省人民政府办公厅关于印发数字政府建设方案的通知\n各市人民政府，省政府各部门：\n现将方案印发给你们，请认真贯彻执行。\n";

fn extras(d: &Document) -> Vec<Vec<(&str, &str)>> {
    d.tasks
        .iter()
        .map(|t| {
            t.extra
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect()
        })
        .collect()
}

#[test]
fn two_columns_without_a_header_or_under_one_keep_both_values() {
    // Tab-separated text, the two last columns without a header.
    let text = format!(
        "{HEAD}序号\t重点任务\t牵头单位\t配合单位\t完成时限\t\t\n1\t建设全省一体化政务云平台\t省大数据局\t省财政厅\t2023年底\t需财政资金支持\t已列入年度计划\n2\t完善公共数据目录\t省大数据局\t省直各部门\t2024年6月\t\t\n"
    );
    let d = read(text.as_bytes());
    assert_eq!(
        extras(&d)[0],
        [
            ("完成时限", "2023年底"),
            ("列", "需财政资金支持"),
            ("列2", "已列入年度计划")
        ]
    );
    // Two columns under one header (CSV): numbered on, both kept.
    let csv = "序号,重点任务,牵头单位,配合单位,完成时限,完成时限\n1,建设全省一体化政务云平台,省大数据局,省财政厅,2023年6月（初步建成）,2023年12月（全面建成）\n";
    let d = read_csv(csv);
    assert_eq!(
        extras(&d)[0],
        [
            ("完成时限", "2023年6月（初步建成）"),
            ("完成时限2", "2023年12月（全面建成）")
        ]
    );
    // A ragged CSV row longer than its header keeps its last cells.
    let csv = "序号,重点任务,牵头单位,配合单位,完成时限\n1,完善公共数据目录,省大数据局,省直各部门,2024年,多余,更多\n";
    let d = read_csv(csv);
    assert_eq!(
        extras(&d)[0],
        [("完成时限", "2024年"), ("列", "多余"), ("列2", "更多")]
    );
    assert_eq!(d.tasks[0].lead, ["省大数据局"]);
}

fn para(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

#[test]
fn a_word_document_cut_short_or_written_twice_is_read_and_said_to_be_damaged() {
    let body: String = [
        "河西省人民政府关于加强数字政府建设的通知",
        "各市人民政府：",
        "一、总体要求",
        "（一）夯实数字基础设施。建设全省一体化政务云平台。",
        "（二）推进数据共享开放。完善公共数据目录体系。",
    ]
    .iter()
    .map(|p| para(p))
    .collect();
    let whole = docx_package(&body, &[]);
    let d = read(&whole);
    assert!(!codes(&d).contains(&"docx_damaged"), "{:?}", codes(&d));
    // The same package with its document.xml cut where the last paragraph starts.
    let cut_at = body.rfind("<w:p>").unwrap();
    let cut = docx_package(&body[..cut_at], &[]);
    let cut_xml = {
        // docx_package closes the body; cut the part itself: rebuild the zip by hand.
        use std::io::{Read, Write};
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&cut)).unwrap();
        let mut xml = String::new();
        archive
            .by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        let xml = &xml[..xml.find("<w:sectPr/>").unwrap()];
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default();
        w.start_file("[Content_Types].xml", o).unwrap();
        w.write_all(b"<Types/>").unwrap();
        w.start_file("word/document.xml", o).unwrap();
        w.write_all(xml.as_bytes()).unwrap();
        w.finish().unwrap().into_inner()
    };
    let d = read(&cut_xml);
    let damaged: Vec<_> = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "docx_damaged")
        .collect();
    assert_eq!(damaged.len(), 1, "{:?}", codes(&d));
    assert!(damaged[0].message.contains("word/document.xml"));
    assert!(damaged[0].message.contains("still open"));
    // What was there is read.
    assert!(d.notice.body.iter().any(|p| p.contains("夯实数字基础设施")));
}

#[test]
fn control_characters_in_a_page_or_a_word_document_are_dropped_with_a_warning() {
    let page = "<html><body><p>河西省人民政府&#x1B;[2J&#x1B;[31m办公厅关于印发数字政府建设方案的通知</p><p>各市人民政府：</p><p>现将方案印发给你们。</p></body></html>";
    let d = read(page.as_bytes());
    assert!(
        !d.notice.title.as_deref().unwrap_or("").contains('['),
        "{:?}",
        d.notice.title
    );
    assert_eq!(
        d.notice.title.as_deref(),
        Some("河西省人民政府办公厅关于印发数字政府建设方案的通知")
    );
    assert!(
        codes(&d).contains(&"control_characters_dropped"),
        "{:?}",
        codes(&d)
    );
    let doc = docx_package(
        &[
            "河西省人民政府&#x1B;[31m办公厅关于印发数字政府建设方案的通知",
            "各市人民政府：",
            "现将方案印发给你们。",
        ]
        .iter()
        .map(|p| para(p))
        .collect::<String>(),
        &[],
    );
    let d = read(&doc);
    assert_eq!(
        d.notice.title.as_deref(),
        Some("河西省人民政府办公厅关于印发数字政府建设方案的通知")
    );
    assert!(
        codes(&d).contains(&"control_characters_dropped"),
        "{:?}",
        codes(&d)
    );
    // A CSV cell with a NUL.
    let csv = "序号,重点任务,牵头单位,配合单位\n1,建设政务云,省公\0安厅,省财政厅\n";
    let d = read_csv(csv);
    assert_eq!(d.tasks[0].lead, ["省公安厅"]);
    assert!(
        codes(&d).contains(&"control_characters_dropped"),
        "{:?}",
        codes(&d)
    );
    // A clean page says nothing of the kind, even right after one that did.
    let d = read(
        "<p>河西省人民政府办公厅关于印发数字政府建设方案的通知</p><p>各市人民政府：</p>".as_bytes(),
    );
    assert!(!codes(&d).contains(&"control_characters_dropped"));
}

#[test]
fn a_short_utf8_text_cut_mid_character_is_utf8_and_big5_is_big5() {
    let text = format!(
        "{HEAD}一、总体要求\n（一）指导思想。以数据共享为重点，推进政务服务一网通办。\n（二）推进数据共享开放。完善公共数据目录体系。\n"
    );
    assert!(text.len() < 1000);
    let cut = &text.as_bytes()[..text.len() - 2];
    let d = read(cut);
    assert_eq!(d.source.encoding, "UTF-8");
    assert_eq!(
        d.notice.title.as_deref(),
        Some("河西省人民政府办公厅关于印发数字政府建设方案的通知")
    );
    assert!(d.notice.body.iter().any(|p| p.contains("推进数据共享开放")));
    assert!(codes(&d).contains(&"decode_replaced"));
    // UTF-8 after a UTF-16 byte-order mark.
    let mut marked = vec![0xFF, 0xFE];
    marked.extend_from_slice(text.as_bytes());
    let d = read(&marked);
    assert_eq!(d.source.encoding, "UTF-8");
    assert!(d.notice.body.iter().any(|p| p.contains("推进数据共享开放")));
    assert!(codes(&d).contains(&"encoding_mismatch"));
    // Big5, with no declaration.
    let traditional = "臺北市政府關於印發數位政府推動方案的通知\n各區公所、市政府各機關：\n現將方案印發給你們，請認真貫徹執行。\n";
    let big5 = encoding_rs::BIG5.encode(traditional).0.into_owned();
    let d = read(&big5);
    assert_eq!(d.source.encoding, "Big5");
    assert_eq!(
        d.notice.title.as_deref(),
        Some("臺北市政府關於印發數位政府推動方案的通知")
    );
}

fn cell(props: &str, text: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", para(text))
}

#[test]
fn a_span_past_the_grid_of_a_word_table_is_clipped_at_its_edge() {
    let header: String = ["序号", "重点任务", "牵头单位", "配合单位"]
        .iter()
        .map(|t| cell("", t))
        .collect();
    let row = format!(
        "{}{}{}{}",
        cell("", "1"),
        cell("<w:gridSpan w:val=\"4294967295\"/>", "建设政务云"),
        cell("", "省大数据局"),
        cell("", "省财政厅")
    );
    let body = format!(
        "{}{}<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>{header}</w:tr><w:tr>{row}</w:tr></w:tbl>",
        para("河西省数字政府建设重点任务分工表"),
        para("各市人民政府：")
    );
    let d = read(&docx_package(&body, &[]));
    assert_eq!(d.tasks.len(), 1);
    assert_eq!(d.tasks[0].text, "建设政务云");
    // Cut to leave the cells after it their columns: each under its header.
    assert_eq!(d.tasks[0].lead, ["省大数据局"]);
    assert_eq!(d.tasks[0].support, ["省财政厅"]);
    assert!(d.tasks[0].extra.is_empty(), "{:?}", d.tasks[0].extra);
}

#[test]
fn a_word_package_whose_part_names_differ_in_case_or_slashes_is_read() {
    let body = para("河西省人民政府关于加强数字政府建设的通知");
    let whole = docx_package(&body, &[]);
    let renamed = |to: &str| {
        use std::io::{Read, Write};
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&whole)).unwrap();
        let mut xml = String::new();
        archive
            .by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default();
        w.start_file("[Content_Types].xml", o).unwrap();
        w.write_all(b"<Types/>").unwrap();
        w.start_file(to, o).unwrap();
        w.write_all(xml.as_bytes()).unwrap();
        w.finish().unwrap().into_inner()
    };
    for name in ["Word/Document.xml", "word\\document.xml"] {
        let d = read(&renamed(name));
        assert_eq!(
            d.notice.title.as_deref(),
            Some("河西省人民政府关于加强数字政府建设的通知"),
            "{name}"
        );
    }
}
