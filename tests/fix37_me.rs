//! A task table saved as CSV reaches the parser without a name to go by (standard input) or
//! under a text name: its rows of the same number of values say it is CSV, and its tasks are
//! read. Prose with ASCII commas stays prose.

use gongwen_parse::{InputFormat, Options, SourceFormat, parse};
use gongwen_tests::task_units;

const CSV: &str = "序号,重点任务,牵头单位,配合单位,完成时限\n\
1,推进数字政府建设,市大数据局,市财政局、市发展改革委,2024年底\n\
2,优化营商环境,市发展改革委,市市场监管局,持续推进\n\
3,完善公共服务,市政务服务办,\"市民政局、市人力社保局\",2025年6月\n";

fn parse_as(bytes: &[u8], format: Option<InputFormat>) -> gongwen_parse::Document {
    let options = Options {
        format,
        ..Options::default()
    };
    parse(bytes, &options).expect("parses")
}

#[test]
fn csv_without_a_name_is_read_as_csv() {
    for format in [None, Some(InputFormat::Text)] {
        let d = parse_as(CSV.as_bytes(), format);
        assert_eq!(d.source.format, SourceFormat::Csv, "{format:?}");
        let tasks = task_units(&d);
        assert_eq!(
            tasks,
            vec![
                (
                    "推进数字政府建设",
                    vec!["市大数据局"],
                    vec!["市财政局", "市发展改革委"]
                ),
                ("优化营商环境", vec!["市发展改革委"], vec!["市市场监管局"]),
                (
                    "完善公共服务",
                    vec!["市政务服务办"],
                    vec!["市民政局", "市人力社保局"]
                ),
            ],
            "{format:?}"
        );
    }
}

#[test]
fn prose_with_ascii_commas_stays_text() {
    let prose = "某某市人民政府关于加强安全生产工作的通知\n\
各区县人民政府,市政府各部门:\n\
为切实做好安全生产工作,现就有关事项通知如下.\n\
一,提高认识,加强领导,落实责任.\n\
二,强化排查,整治隐患.\n\
某某市人民政府\n\
2024年3月1日\n";
    let d = parse_as(prose.as_bytes(), None);
    assert_eq!(d.source.format, SourceFormat::Text);
    assert_eq!(d.notice.signature.as_deref(), Some("某某市人民政府"));
}

/// Rows of the same width that hold no task table (a list of names and numbers) are read as
/// the text they were given as, not as an empty workbook.
#[test]
fn even_rows_without_a_task_table_stay_text() {
    let rows = "张三,市财政局,13800000000\n李四,市民政局,13900000000\n王五,市公安局,13700000000\n";
    let d = parse_as(rows.as_bytes(), None);
    assert_eq!(d.source.format, SourceFormat::Text);
    assert!(d.tasks.is_empty());
}

/// JSON of another program is refused as what it is, not read as a notice titled by its braces
/// (tester L08).
#[test]
fn json_that_is_not_gongwen_is_refused_as_json() {
    for bytes in [
        &b"{\"a\": 1, \"tasks\": [1, 2]}"[..],
        b"[{\"title\": \"x\"}]",
    ] {
        let e = parse(bytes, &Options::default()).expect_err("refused");
        assert!(matches!(e, gongwen_parse::Error::Unsupported { .. }), "{e}");
        assert!(
            e.to_string()
                .contains("JSON data that is not a gongwen document"),
            "{e}"
        );
    }
    // A notice that opens with a bracket is no JSON.
    let d = parse_as(
        "[此件公开发布]\n某某市人民政府关于加强安全生产工作的通知\n".as_bytes(),
        None,
    );
    assert_eq!(d.source.format, SourceFormat::Text);
}

/// A plain-text notice saved under a page's name keeps its lines (tester L09): with no tag in
/// it, the page reader would run them together.
#[test]
fn text_named_as_a_page_is_read_as_text() {
    let notice = "某某市人民政府关于加强安全生产工作的通知\n\
某府发〔2024〕3号\n\
各区县人民政府，市政府各部门：\n\
现就有关事项通知如下。\n\
某某市人民政府\n\
2024年3月1日\n";
    let d = parse_as(notice.as_bytes(), Some(InputFormat::Html));
    assert_eq!(d.source.format, SourceFormat::Text);
    assert_eq!(
        d.notice.title.as_deref(),
        Some("某某市人民政府关于加强安全生产工作的通知")
    );
    assert_eq!(d.notice.date.as_deref(), Some("2024-03-01"));
    assert!(d.diagnostics.iter().any(|g| g.code == "format_sniffed"));
    // One tag makes it a page.
    let page = format!("<p>{}</p>", notice.replace('\n', "</p><p>"));
    let d = parse_as(page.as_bytes(), Some(InputFormat::Html));
    assert_eq!(d.source.format, SourceFormat::Html);
}

/// A terminal colour code goes whole, not leaving `[31m` in a unit's name, and the warning names
/// the first character it dropped (tester L10).
#[test]
fn terminal_colour_codes_are_dropped_whole() {
    let text = "某某市人民政府办公室关于印发任务分工的通知\n\
序号\t重点任务\t牵头单位\t配合单位\n\
1\t推进数字政府建设\t市大数据局\x1b[31m\t市财政局\x1b[0m\n\
2\t优化营商环境\t市发展改革委\t市市场监管局\n";
    let d = parse_as(text.as_bytes(), None);
    assert_eq!(d.tasks.len(), 2);
    assert_eq!(d.tasks[0].lead, ["市大数据局"]);
    assert_eq!(d.tasks[0].support, ["市财政局"]);
    let warning = d
        .diagnostics
        .iter()
        .find(|g| g.code == "control_characters_dropped")
        .expect("warned");
    assert!(
        warning.message.contains("U+001B (ESC"),
        "{}",
        warning.message
    );
    assert_eq!(warning.line, Some(3));
}

/// A limit's message gives the size found, unless reading stopped at the first unit past the
/// limit, where the real size is unknown (tester L13: a ZIP bomb "is 29160401").
#[test]
fn a_limit_passed_while_reading_is_not_given_as_a_size() {
    let stopped = gongwen_parse::Error::Limit {
        what: "the expanded size in bytes of ZIP entry x".into(),
        value: 101,
        limit: 100,
        flag: "--max-unzip-ratio".into(),
    };
    let message = stopped.to_string();
    assert!(message.contains("is over the limit of 100"), "{message}");
    assert!(!message.contains("101"), "{message}");
    let measured = gongwen_parse::Error::Limit {
        what: "the input size in bytes".into(),
        value: 5000,
        limit: 100,
        flag: "--max-input-bytes".into(),
    };
    assert!(
        measured
            .to_string()
            .contains("is 5000, over the limit of 100")
    );
}

/// A task table pasted into a page a row a paragraph, its cells separated by tabs in the source
/// (a CMS's paste of a Word table), is read as a table (tester L05); a browser shows the tabs
/// as spaces, and tabs that only indent the source stay white space.
#[test]
fn paragraphs_of_tab_separated_cells_are_a_table() {
    let page = "<html><body><div class=\"article\">\
<p>某某市人民政府办公室关于印发任务分工的通知</p>\
<p>各区县人民政府，市政府各部门：</p>\
<p>现将任务分工印发给你们，请认真落实。</p>\
<p>附件</p><p>某某市重点任务分工</p>\
<p>序号\t重点任务\t牵头单位\t配合单位</p>\
<p>1\t推进数字政府建设\t市大数据局\t市财政局、市发展改革委</p>\
<p>2\t优化营商环境\t市发展改革委\t\t</p>\
<p>3\t完善公共服务\t市政务服务办\t市民政局</p>\
</div></body></html>";
    let d = parse_as(page.as_bytes(), Some(InputFormat::Html));
    let tasks = task_units(&d);
    assert_eq!(
        tasks,
        vec![
            (
                "推进数字政府建设",
                vec!["市大数据局"],
                vec!["市财政局", "市发展改革委"]
            ),
            ("优化营商环境", vec!["市发展改革委"], vec![]),
            ("完善公共服务", vec!["市政务服务办"], vec!["市民政局"]),
        ]
    );
    // The same paragraphs with the source's indentation tabs only are prose.
    let indented = page.replace('\t', "\n\t");
    let d = parse_as(indented.as_bytes(), Some(InputFormat::Html));
    assert!(d.tasks.is_empty(), "{:?}", d.tasks);
}

/// An XLS (OLE compound) file whose directory's sector chain comes back on itself is refused as
/// damaged: the workbook library follows such a chain without end, copying a sector a step (a
/// 26 KB file the fuzzer found took over 20 GB).
#[test]
fn an_xls_file_whose_sector_chain_loops_is_refused() {
    let mut bytes = vec![0u8; 512 * 3];
    bytes[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    let put16 =
        |b: &mut Vec<u8>, at: usize, v: u16| b[at..at + 2].copy_from_slice(&v.to_le_bytes());
    put16(&mut bytes, 0x18, 0x3E); // minor version
    put16(&mut bytes, 0x1A, 3); // major version: 512-byte sectors
    put16(&mut bytes, 0x1C, 0xFFFE); // byte order
    put16(&mut bytes, 0x1E, 9); // sector shift
    put16(&mut bytes, 0x20, 6); // mini sector shift
    let put32 =
        |b: &mut Vec<u8>, at: usize, v: u32| b[at..at + 4].copy_from_slice(&v.to_le_bytes());
    put32(&mut bytes, 0x2C, 1); // one FAT sector
    put32(&mut bytes, 0x30, 1); // the directory starts at sector 1
    put32(&mut bytes, 0x38, 4096); // mini stream cutoff
    put32(&mut bytes, 0x3C, 0xFFFF_FFFE); // no mini FAT
    put32(&mut bytes, 0x44, 0xFFFF_FFFE); // no DIFAT sectors
    for k in 0..109 {
        put32(&mut bytes, 0x4C + 4 * k, 0xFFFF_FFFF);
    }
    put32(&mut bytes, 0x4C, 0); // the FAT is sector 0
    // The FAT (sector 0, at byte 512): sector 0 is the FAT's own; sector 1 is followed by itself.
    for k in 0..128 {
        put32(&mut bytes, 512 + 4 * k, 0xFFFF_FFFF);
    }
    put32(&mut bytes, 512, 0xFFFF_FFFD);
    put32(&mut bytes, 516, 1);
    let e = parse(&bytes, &Options::default()).expect_err("refused");
    assert!(
        e.to_string()
            .contains("sector chain of its directory loops"),
        "{e}"
    );
}

/// An XLS workbook whose values lie far apart is refused by their area before the workbook
/// library makes a grid of it (a value moved to row and column 65,536 of the seed's workbook
/// would make it allocate some 4 billion cells).
#[test]
fn an_xls_sheet_whose_values_span_too_large_an_area_is_refused_before_it_is_read() {
    let mut bytes = std::fs::read(gongwen_tests::path(
        "fixtures/workbook/seed-leadmerge-biff.xls",
    ))
    .expect("fixture");
    // The last shared-string label record (type 0x00FD, 10 bytes): its row and column.
    let label = [0xFD, 0x00, 0x0A, 0x00];
    let at = bytes
        .windows(4)
        .rposition(|w| w == label)
        .expect("a label record");
    bytes[at + 4..at + 8].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]);
    let e = parse(&bytes, &Options::default()).expect_err("refused");
    let message = e.to_string();
    assert!(message.contains("--max-sheet-cells"), "{message}");
    assert!(message.contains("sheet 1"), "{message}");
}
