//! Inputs whose bytes say something else than their name or their first bytes: a workbook or
//! Word document saved under a CSV or text name, GBK text behind a UTF-8 byte-order mark.

use gongwen_emit::xlsx::to_xlsx;
use gongwen_parse::{Error, InputFormat, Options, SourceFormat, parse};
use gongwen_tests::seed_path;

fn seed() -> gongwen_parse::Document {
    let text = std::fs::read_to_string(seed_path()).expect("seed is readable");
    parse(text.as_bytes(), &Options::default()).expect("the seed parses")
}

fn given(format: InputFormat) -> Options {
    Options {
        format: Some(format),
        ..Options::default()
    }
}

#[test]
fn a_workbook_saved_under_a_csv_or_text_name_is_read_as_the_workbook() {
    let doc = seed();
    let bytes = to_xlsx(&doc).expect("the seed writes").bytes;
    for format in [InputFormat::Csv, InputFormat::Text] {
        let back = parse(&bytes, &given(format)).expect("read as the workbook it is");
        assert_eq!(back.source.format, SourceFormat::Xlsx, "{format:?}");
        assert_eq!(back.tasks.len(), doc.tasks.len(), "{format:?}");
        let first = &back.diagnostics[0];
        assert_eq!(first.code, "format_sniffed", "{format:?}");
        assert!(first.message.contains("a workbook"), "{}", first.message);
        for (a, b) in doc.tasks.iter().zip(&back.tasks) {
            assert_eq!((&a.lead, &a.support), (&b.lead, &b.support));
        }
    }
}

#[test]
fn a_container_of_no_readable_format_under_a_csv_name_is_refused_by_its_kind() {
    // A ZIP that holds neither a workbook nor a Word document.
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        zip.start_file("readme.txt", zip::write::SimpleFileOptions::default())
            .expect("zip entry");
        std::io::Write::write_all(&mut zip, "序号,任务\n1,甲\n".as_bytes()).expect("zip write");
        zip.finish().expect("zip");
    }
    match parse(buf.get_ref(), &given(InputFormat::Csv)) {
        Err(Error::Unsupported { what }) => assert!(!what.contains("binary"), "{what}"),
        other => panic!("expected the archive to be refused, got {other:?}"),
    }
}

#[test]
fn a_csv_that_begins_with_pk_is_still_csv() {
    // `PK` as text (a column named so) is no ZIP signature.
    let csv = "PK,序号,重点任务,牵头单位,配合单位\n1,1,建设数据中心,市大数据局,市财政局\n";
    let d = parse(csv.as_bytes(), &given(InputFormat::Csv)).expect("csv");
    assert_eq!(d.source.format, SourceFormat::Csv);
    assert!(d.diagnostics.iter().all(|x| x.code != "format_sniffed"));
}

#[test]
fn gbk_text_behind_a_utf8_byte_order_mark_is_read_as_gbk() {
    let notice = "广东省人民政府办公厅关于印发某某实施方案的通知\n\n粤府办〔2022〕12号\n\n各地级以上市人民政府，省政府各部门、各直属机构：\n\n现将《某某实施方案》印发给你们，请认真组织实施。\n\n广东省人民政府办公厅\n2022年5月10日\n";
    let (gbk, _, bad) = encoding_rs::GBK.encode(notice);
    assert!(!bad);
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(&gbk);
    for options in [Options::default(), given(InputFormat::Text)] {
        let d = parse(&bytes, &options).expect("read as text, not refused as binary");
        assert_eq!(
            d.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
            Some("粤府办〔2022〕12号")
        );
        assert_eq!(
            d.notice.title.as_deref(),
            Some("广东省人民政府办公厅关于印发某某实施方案的通知")
        );
        let w = d
            .diagnostics
            .iter()
            .find(|x| x.code == "encoding_mismatch")
            .expect("the wrong mark is reported");
        assert!(w.message.contains("byte-order mark"), "{}", w.message);
    }
    // UTF-8 text behind its own mark is not touched.
    let mut utf8 = vec![0xEF, 0xBB, 0xBF];
    utf8.extend_from_slice(notice.as_bytes());
    let d = parse(&utf8, &Options::default()).expect("utf-8");
    assert!(d.diagnostics.iter().all(|x| x.code != "encoding_mismatch"));
    assert_eq!(d.source.encoding, "UTF-8");
}
