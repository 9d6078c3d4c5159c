//! Workbooks: the XLSX writer's layout, reading it back (with calamine and with our own reader),
//! a workbook written by another tool, and hostile workbooks.

use calamine::{Data, Reader, Xlsx};
use gongwen_emit::xlsx::to_xlsx;
use gongwen_parse::normalize::normalize_block;
use gongwen_parse::read::workbook::read_workbook;
use gongwen_parse::tasks::split_units;
use gongwen_parse::{Document, Error, InputFormat, Limits, Options, Task, parse, parse_text};
use gongwen_tests::{path, seed_path};
use std::io::{Cursor, Read, Write};

fn seed() -> Document {
    let text = std::fs::read_to_string(seed_path()).expect("seed is readable");
    parse_text(&text)
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec()))
        .expect("calamine opens our workbook")
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        other => other.to_string(),
    }
}

fn zip_text(bytes: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut s = String::new();
    z.by_name(name)
        .expect("entry present")
        .read_to_string(&mut s)
        .expect("utf-8 xml");
    s
}

/// The fields that survive a spreadsheet: everything but source positions and how a task was found.
fn essentials(
    t: &Task,
) -> (
    u32,
    Vec<String>,
    String,
    Vec<String>,
    Vec<String>,
    String,
    String,
) {
    (
        t.seq,
        t.group.clone(),
        t.text.clone(),
        t.lead.clone(),
        t.support.clone(),
        t.lead_text.clone(),
        t.support_text.clone(),
    )
}

#[test]
fn seed_workbook_has_one_row_per_task_with_every_field() {
    let doc = seed();
    assert_eq!(doc.tasks.len(), 86, "the seed's task table");
    let out = to_xlsx(&doc).expect("the seed writes");
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    let mut wb = open(&out.bytes);
    assert_eq!(
        wb.sheet_names(),
        vec!["任务分工", "按单位", "文档信息", "结构"]
    );

    let range = wb.worksheet_range("任务分工").expect("task sheet");
    let rows: Vec<&[Data]> = range.rows().collect();
    let header: Vec<String> = rows[0].iter().map(cell_text).collect();
    assert_eq!(
        header,
        vec![
            "序号",
            "一级分组",
            "二级分组",
            "任务",
            "牵头单位",
            "配合单位"
        ]
    );
    assert_eq!(rows.len(), 1 + doc.tasks.len());
    for (row, task) in rows[1..].iter().zip(&doc.tasks) {
        assert_eq!(row[0], Data::Float(f64::from(task.seq)), "序号 is a number");
        assert_eq!(cell_text(&row[1]), task.group[0]);
        assert_eq!(cell_text(&row[2]), task.group[1]);
        assert_eq!(cell_text(&row[3]), task.text);
        // The units cells are as printed (`市商务委及各行业主管部门`), and read back as the
        // task's units.
        assert_eq!(split_units(&cell_text(&row[4])), task.lead);
        assert_eq!(split_units(&cell_text(&row[5])), task.support);
    }
    // Task 9 has no supporting units: an empty cell, not a missing row.
    assert_eq!(rows[9][5], Data::Empty);
}

#[test]
fn seed_by_unit_sheet_has_one_row_per_unit_task_pair_sorted_by_unit() {
    let doc = seed();
    let pairs: usize = doc
        .tasks
        .iter()
        .map(|t| t.lead.len() + t.support.len())
        .sum();
    let out = to_xlsx(&doc).expect("the seed writes");
    let mut wb = open(&out.bytes);
    let range = wb.worksheet_range("按单位").expect("by-unit sheet");
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(cell_text).collect())
        .collect();
    assert_eq!(rows[0], vec!["单位", "角色", "序号", "分组", "任务"]);
    assert_eq!(rows.len() - 1, pairs);
    let units: Vec<&String> = rows[1..].iter().map(|r| &r[0]).collect();
    assert!(units.windows(2).all(|w| w[0] <= w[1]), "sorted by unit");
    assert!(rows[1..].iter().all(|r| r[1] == "牵头" || r[1] == "配合"));
    // Within a unit, by 序号.
    for w in rows[1..].windows(2) {
        if w[0][0] == w[1][0] {
            assert!(w[0][2].parse::<u32>().unwrap() <= w[1][2].parse::<u32>().unwrap());
        }
    }
    // Every lead of task 1 has its row.
    let t1 = &doc.tasks[0];
    for u in &t1.lead {
        assert!(
            rows.iter().any(|r| &r[0] == u
                && r[1] == "牵头"
                && r[2] == "1"
                && r[3] == t1.group.join("／")
                && r[4] == t1.text),
            "{u}"
        );
    }
}

#[test]
fn seed_info_and_outline_sheets_carry_the_notice() {
    let doc = seed();
    let out = to_xlsx(&doc).expect("the seed writes");
    let mut wb = open(&out.bytes);
    let info = wb.worksheet_range("文档信息").expect("info sheet");
    let info: Vec<(String, String)> = info
        .rows()
        .map(|r| (cell_text(&r[0]), cell_text(&r[1])))
        .collect();
    let get = |k: &str| info.iter().find(|(l, _)| l == k).map(|(_, v)| v.clone());
    assert_eq!(get("标题"), doc.notice.title);
    assert_eq!(get("发文字号").as_deref(), Some("渝府发〔2021〕19号"));
    assert_eq!(get("成文日期").as_deref(), Some("2021-08-04"));
    assert_eq!(get("主送机关"), Some(doc.notice.addressees.join("，")));
    assert_eq!(get("附注").as_deref(), Some("此件公开发布"));
    assert_eq!(get("来源格式").as_deref(), Some("text"));

    let outline = wb.worksheet_range("结构").expect("outline sheet");
    let rows: Vec<Vec<String>> = outline
        .rows()
        .map(|r| r.iter().map(cell_text).collect())
        .collect();
    assert_eq!(rows[0], vec!["部分", "层级", "编号", "标题", "行"]);
    assert_eq!(rows.len() - 1, doc.section_count());
    assert!(
        rows.iter()
            .any(|r| r[2] == "一、" && r[3] == "总体要求" && r[1] == "1")
    );
}

#[test]
fn seed_workbook_is_laid_out_for_print_and_filter() {
    let out = to_xlsx(&seed()).expect("the seed writes");
    let sheet1 = zip_text(&out.bytes, "xl/worksheets/sheet1.xml");
    assert!(
        sheet1.contains(r#"ySplit="1""#) && sheet1.contains(r#"state="frozen""#),
        "header row frozen"
    );
    assert!(
        sheet1.contains("<autoFilter ref=\"A1:F87\""),
        "autofilter over the table"
    );
    assert!(
        sheet1.contains(r#"orientation="landscape""#) && sheet1.contains(r#"paperSize="9""#),
        "landscape A4"
    );
    let workbook = zip_text(&out.bytes, "xl/workbook.xml");
    assert!(
        workbook.contains("_xlnm.Print_Titles") && workbook.contains("任务分工!$1:$1"),
        "header repeated on every page"
    );
    // The header cells use a bold format.
    let styles = zip_text(&out.bytes, "xl/styles.xml");
    assert!(styles.contains("<b/>"), "a bold font exists");
    let sheet2 = zip_text(&out.bytes, "xl/worksheets/sheet2.xml");
    assert!(sheet2.contains(r#"ySplit="1""#) && sheet2.contains("<autoFilter"));
}

#[test]
fn seed_workbook_reads_back_to_the_same_tasks() {
    let doc = seed();
    let out = to_xlsx(&doc).expect("the seed writes");
    let back = parse(&out.bytes, &Options::default()).expect("our workbook reads back");
    assert_eq!(back.source.format, gongwen_parse::SourceFormat::Xlsx);
    assert_eq!(back.tasks.len(), doc.tasks.len());
    for (a, b) in doc.tasks.iter().zip(&back.tasks) {
        assert_eq!(essentials(a), essentials(b), "task {}", a.seq);
        assert!(
            b.extra.is_empty(),
            "task {} has no extra columns: {:?}",
            b.seq,
            b.extra
        );
    }
    // The info sheet gives the notice's title, number, issuer, date, addressees, signature and
    // note back.
    let n = (&doc.notice, &back.notice);
    assert_eq!(n.1.title, n.0.title);
    assert_eq!(n.1.doc_number, n.0.doc_number);
    assert_eq!(n.1.issuer, n.0.issuer);
    assert_eq!(n.1.date, n.0.date);
    assert!(!n.0.addressees.is_empty() && n.0.signature.is_some() && n.0.note.is_some());
    assert_eq!(n.1.addressees, n.0.addressees);
    assert_eq!(n.1.signature, n.0.signature);
    assert_eq!(n.1.note, n.0.note);
    assert!(
        !back
            .diagnostics
            .iter()
            .any(|d| d.code == "sheet_ignored" && d.message.contains("文档信息"))
    );
    // The other sheets are not task tables, and say so.
    for name in ["按单位", "结构"] {
        assert!(
            back.diagnostics
                .iter()
                .any(|d| d.code == "sheet_ignored" && d.message.contains(name)),
            "{name}: {:?}",
            back.diagnostics
        );
    }
    // Rows are sheet rows: task 1 is on row 2.
    assert_eq!(back.tasks[0].line, 2);
}

/// The font of a cell's style is bold (follows the cell's `s` index through cellXfs to fonts).
fn cell_is_bold(bytes: &[u8], sheet: &str, cell: &str) -> bool {
    let xml = zip_text(bytes, sheet);
    let styles = zip_text(bytes, "xl/styles.xml");
    let Some(at) = xml.find(&format!("<c r=\"{cell}\"")) else {
        return false;
    };
    let tag = &xml[at..at + xml[at..].find('>').unwrap_or(0)];
    let style: usize = tag
        .split("s=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let xfs = styles.split("<cellXfs").nth(1).unwrap_or_default();
    let xf = xfs.split("<xf ").nth(style + 1).unwrap_or_default();
    let font: usize = xf
        .split("fontId=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let fonts = styles
        .split("<fonts")
        .nth(1)
        .and_then(|s| s.split("</fonts>").next())
        .unwrap_or_default();
    fonts
        .split("<font>")
        .nth(font + 1)
        .or_else(|| fonts.split("<font").nth(font + 1))
        .is_some_and(|f| f.contains("<b/>"))
}

#[test]
fn header_rows_are_bold_and_data_rows_are_not() {
    let out = to_xlsx(&seed()).expect("the seed writes");
    for sheet in [
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
        "xl/worksheets/sheet4.xml",
    ] {
        assert!(cell_is_bold(&out.bytes, sheet, "A1"), "{sheet} A1");
        assert!(!cell_is_bold(&out.bytes, sheet, "A2"), "{sheet} A2");
    }
}

fn task(seq: u32, text: &str, lead: &[&str], support: &[&str]) -> Task {
    Task {
        seq,
        text: text.into(),
        lead: lead.iter().map(|s| s.to_string()).collect(),
        support: support.iter().map(|s| s.to_string()).collect(),
        lead_text: lead.join("、"),
        support_text: support.join("、"),
        line: seq as usize,
        ..Task::default()
    }
}

#[test]
fn formula_looking_text_lands_as_a_string() {
    let texts = [
        "=HYPERLINK(\"http://example.invalid\",\"点我\")",
        "+86 热线",
        "-1 项",
        "@市政府",
        "=1+1",
    ];
    let doc = Document {
        tasks: texts
            .iter()
            .zip(1..)
            .map(|(t, i)| task(i, t, &["=市财政局"], &["-市商务委"]))
            .collect(),
        ..Document::default()
    };
    let out = to_xlsx(&doc).expect("writes");
    let sheet = zip_text(&out.bytes, "xl/worksheets/sheet1.xml");
    assert!(
        !sheet.contains("<f>") && !sheet.contains("<f "),
        "no formula cells"
    );
    let mut wb = open(&out.bytes);
    let range = wb.worksheet_range("任务分工").expect("task sheet");
    for (i, t) in texts.iter().enumerate() {
        assert_eq!(range.get((i + 1, 1)), Some(&Data::String(t.to_string())));
        assert_eq!(
            range.get((i + 1, 2)),
            Some(&Data::String("=市财政局".into()))
        );
        assert_eq!(
            range.get((i + 1, 3)),
            Some(&Data::String("-市商务委".into()))
        );
    }
    let back = parse(&out.bytes, &Options::default()).expect("reads back");
    // Reading normalizes text as every reader does (`+86 热线` → `+86热线`); nothing else changes.
    let back_texts: Vec<&str> = back.tasks.iter().map(|t| t.text.as_str()).collect();
    let normalized: Vec<String> = texts.iter().map(|t| normalize_block(t)).collect();
    assert_eq!(back_texts, normalized);
    assert!(
        back.tasks
            .iter()
            .all(|t| t.lead == vec!["=市财政局"] && t.support == vec!["-市商务委"])
    );
}

#[test]
fn extra_columns_and_group_levels_read_back() {
    let mut a = task(1, "甲", &["市财政局"], &[]);
    a.group = vec!["一、总".into(), "（一）分".into()];
    a.extra.insert("完成时限".into(), "2024年底前".into());
    let mut b = task(2, "乙", &["市商务委"], &["市财政局"]);
    b.group = vec!["二、另".into()];
    b.extra.insert("备注".into(), "新增".into());
    b.extra.insert("完成时限".into(), "长期".into());
    let doc = Document {
        tasks: vec![a, b],
        ..Document::default()
    };
    let out = to_xlsx(&doc).expect("writes");
    let mut wb = open(&out.bytes);
    let range = wb.worksheet_range("任务分工").expect("task sheet");
    let header: Vec<String> = range
        .rows()
        .next()
        .expect("header")
        .iter()
        .map(cell_text)
        .collect();
    assert_eq!(
        header,
        vec![
            "序号",
            "一级分组",
            "二级分组",
            "任务",
            "牵头单位",
            "配合单位",
            "完成时限",
            "备注"
        ]
    );
    let back = parse(&out.bytes, &Options::default()).expect("reads back");
    assert_eq!(back.tasks.len(), 2);
    assert_eq!(back.tasks[0].group, vec!["一、总", "（一）分"]);
    assert_eq!(back.tasks[1].group, vec!["二、另"]);
    assert_eq!(
        back.tasks[1].extra.get("备注").map(String::as_str),
        Some("新增")
    );
    assert_eq!(
        back.tasks[1].extra.get("完成时限").map(String::as_str),
        Some("长期")
    );
    // A spreadsheet cannot tell a missing value from an empty one.
    assert_eq!(
        back.tasks[0].extra.get("备注").map(String::as_str),
        Some("")
    );
}

/// The 序号 column shows a table's number as printed (`1-1`, `2-1`), which is what an office
/// reports against, and reads back as that number; plain numbers, and inline duties' numbers,
/// stay numbers.
#[test]
fn printed_task_numbers_stand_in_the_number_column_and_read_back() {
    let mut tasks = Vec::new();
    for (seq, marker, group) in [
        (1, "1-1", "一、甲类"),
        (2, "1-2", "一、甲类"),
        (3, "2-1", "二、乙类"),
    ] {
        let mut t = task(seq, "某项任务", &["市财政局"], &[]);
        t.marker = Some(marker.into());
        t.group = vec![group.into()];
        tasks.push(t);
    }
    let mut inline = task(4, "某项措施", &["市商务委"], &[]);
    inline.origin = gongwen_parse::TaskOrigin::Inline;
    inline.marker = Some("（四）".into());
    tasks.push(inline);
    tasks.push(task(5, "另一项任务", &["市教委"], &[]));
    let doc = Document {
        tasks,
        ..Document::default()
    };
    let out = to_xlsx(&doc).expect("writes");
    let mut wb = open(&out.bytes);
    let column = |wb: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str, col: usize| -> Vec<String> {
        let range = wb.worksheet_range(sheet).expect("sheet");
        range.rows().skip(1).map(|r| cell_text(&r[col])).collect()
    };
    assert_eq!(
        column(&mut wb, "任务分工", 0),
        vec!["1-1", "1-2", "2-1", "4", "5"]
    );
    // 按单位 is sorted by unit, then by the running number.
    assert_eq!(
        column(&mut wb, "按单位", 2),
        vec!["4", "5", "1-1", "1-2", "2-1"]
    );
    // Beside it, the group that tells `一、` 1 from `二、` 1.
    assert_eq!(
        column(&mut wb, "按单位", 3),
        vec!["", "", "一、甲类", "一、甲类", "二、乙类"]
    );
    let back = parse(&out.bytes, &Options::default()).expect("reads back");
    let markers: Vec<Option<&str>> = back.tasks.iter().map(|t| t.marker.as_deref()).collect();
    assert_eq!(
        markers,
        vec![Some("1-1"), Some("1-2"), Some("2-1"), None, None]
    );
}

#[test]
fn foreign_workbook_gives_its_tasks_groups_and_extra_columns() {
    let bytes = std::fs::read(path("fixtures/workbook/foreign.xlsx")).expect("fixture present");
    let doc = parse(&bytes, &Options::default()).expect("the foreign workbook reads");
    let seqs: Vec<u32> = doc.tasks.iter().map(|t| t.seq).collect();
    assert_eq!(
        seqs,
        vec![1, 2, 3, 4, 5, 6, 7, 1, 2],
        "seven tasks on the first sheet, two on 第二批"
    );

    let t = &doc.tasks;
    // Numbers stored as numbers (1, 3.0, 5) and as text ("2", "4") read the same.
    assert_eq!(
        t[0].text, "推行“一件事一次办”，企业开办全程网上办理。",
        "a line break inside a CJK cell is not text"
    );
    assert_eq!(t[0].lead, vec!["市政务服务管理办"]);
    assert_eq!(t[0].support, vec!["市市场监管局", "市税务局"]);
    assert!(
        t[1].support.is_empty(),
        "an empty 配合单位 cell is an empty list"
    );
    assert_eq!(t[2].text, "=HYPERLINK(\"http://example.invalid\")不是公式");
    assert_eq!(
        t[6].lead,
        vec!["《某某目录（试行）》中的实施部门"],
        "non-list unit text stays whole"
    );
    // Group rows merged across the row, then the group column merged down its rows.
    let groups: Vec<Vec<&str>> = t[..7]
        .iter()
        .map(|t| t.group.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        groups,
        vec![
            vec!["一、优化政务服务", "审批服务"],
            vec!["一、优化政务服务", "审批服务"],
            vec!["一、优化政务服务", "审批服务"],
            vec!["二、强化要素保障", "用地保障"],
            vec!["二、强化要素保障", "用地保障"],
            vec!["二、强化要素保障", "融资支持"],
            vec!["二、强化要素保障", "融资支持"],
        ]
    );
    // Other columns under their header; the empty trailing column G is gone; a real date is a date.
    let deadlines: Vec<&str> = t[..7]
        .iter()
        .map(|t| t.extra.get("完成时限").map_or("?", String::as_str))
        .collect();
    assert_eq!(
        deadlines,
        vec![
            "2024年6月底前",
            "2024年底前",
            "2024-12-31",
            "长期坚持",
            "2025年3月底前",
            "2024年底前",
            "2025年底前"
        ]
    );
    assert!(
        t.iter()
            .all(|t| t.extra.keys().all(|k| k == "完成时限" || k == "备注")),
        "{:?}",
        t[0].extra
    );
    // Row numbers are sheet rows.
    assert_eq!(
        t.iter().map(|t| t.line).collect::<Vec<_>>(),
        vec![5, 6, 7, 9, 10, 11, 12, 3, 4]
    );

    // The second sheet's own header words: 改革举措, 牵头部门, 备注.
    assert_eq!(t[7].lead, vec!["市商务委", "重庆海关"]);
    assert_eq!(t[7].extra.get("备注").map(String::as_str), Some("新增"));
    assert_eq!(
        t[8].text, "探索数据跨境流动",
        "stray spaces inside CJK text are removed"
    );

    // The sheet without a task table is named in an info diagnostic.
    let ignored: Vec<&str> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == "sheet_ignored")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(ignored.len(), 1, "{ignored:?}");
    assert!(ignored[0].contains("填表说明"));
    // The tables keep their titles as captions.
    let tables: Vec<&gongwen_parse::Table> = doc.parts.iter().flat_map(|p| &p.tables).collect();
    assert_eq!(tables.len(), 2);
    assert_eq!(
        tables[0].caption.as_deref(),
        Some("某市营商环境创新试点重点任务分工表")
    );
    assert_eq!(
        tables[0].rows[0],
        vec![
            "领域",
            "序号",
            "重点任务",
            "责任单位",
            "配合单位",
            "完成时限"
        ]
    );
    assert_eq!(tables[1].caption.as_deref(), Some("第二批试点举措"));
}

#[test]
fn foreign_workbook_blocks_put_titles_before_their_tables() {
    let bytes = std::fs::read(path("fixtures/workbook/foreign.xlsx")).expect("fixture present");
    let blocks = read_workbook(&bytes, &Limits::default()).expect("reads");
    let kinds: Vec<String> = blocks
        .blocks
        .iter()
        .map(|b| match b {
            gongwen_parse::blocks::Block::Para(p) => format!("P{}:{}", p.line, p.text),
            gongwen_parse::blocks::Block::Table(t) => {
                format!("T{}:{}x{}", t.line, t.rows.len(), t.rows[0].len())
            }
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            "P1:某市营商环境创新试点重点任务分工表",
            "P2:（2024年版）",
            "T3:11x6",
            "P1:第二批试点举措",
            "T2:3x4"
        ]
    );
}

// ---- Hostile workbooks (issue 5) ----

#[test]
fn truncated_workbooks_are_an_error_never_a_panic() {
    let out = to_xlsx(&seed()).expect("the seed writes");
    let bytes = out.bytes;
    let step = bytes.len() / 40;
    for cut in (1..bytes.len())
        .step_by(step.max(1))
        .chain([bytes.len() - 1, bytes.len() - 22])
    {
        let options = Options {
            format: Some(InputFormat::Workbook),
            ..Options::default()
        };
        match parse(&bytes[..cut], &options) {
            Err(Error::Workbook { location, message }) => {
                assert!(!location.is_empty() && !message.is_empty());
            }
            other => panic!(
                "cut at {cut} of {}: expected a workbook error, got {other:?}",
                bytes.len()
            ),
        }
    }
}

#[test]
fn a_damaged_entry_is_an_error_that_names_it() {
    let mut bytes = to_xlsx(&seed()).expect("the seed writes").bytes;
    // Corrupt the compressed data of the first entry (just after its local header and name).
    let name_len = u16::from_le_bytes([bytes[26], bytes[27]]) as usize;
    let extra_len = u16::from_le_bytes([bytes[28], bytes[29]]) as usize;
    let data = 30 + name_len + extra_len;
    for b in &mut bytes[data..data + 8] {
        *b ^= 0x5A;
    }
    match read_workbook(&bytes, &Limits::default()) {
        Err(Error::Workbook { location, .. }) => assert!(location.contains("entry"), "{location}"),
        other => panic!("expected a workbook error, got {other:?}"),
    }
}

/// A ZIP whose one sheet entry holds `size` bytes of one repeated character, deflated.
fn bomb(size: usize) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/workbook.xml", opts).expect("entry");
    zip.write_all(b"<workbook/>").expect("write");
    zip.start_file("xl/worksheets/sheet1.xml", opts)
        .expect("entry");
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..size / chunk.len() {
        zip.write_all(&chunk).expect("write");
    }
    zip.finish().expect("finish").into_inner()
}

/// Overwrites the uncompressed size that the central directory (and local headers) declare for every entry.
fn declare_size(bytes: &mut [u8], size: u32) {
    for i in 0..bytes.len().saturating_sub(30) {
        if bytes[i..].starts_with(b"PK\x01\x02") {
            bytes[i + 24..i + 28].copy_from_slice(&size.to_le_bytes());
        } else if bytes[i..].starts_with(b"PK\x03\x04") {
            bytes[i + 22..i + 26].copy_from_slice(&size.to_le_bytes());
        }
    }
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_inflated() {
    let small = Limits {
        max_unzipped_bytes: 1 << 20,
        ..Limits::default()
    };
    let bytes = bomb(8 << 20);
    assert!(
        bytes.len() < 64 * 1024,
        "highly compressible: {} bytes",
        bytes.len()
    );
    match read_workbook(&bytes, &small) {
        Err(Error::Limit {
            flag, limit, value, ..
        }) => {
            assert_eq!(flag, "--max-unzipped-bytes");
            assert_eq!(limit, 1 << 20);
            assert!(value > limit);
        }
        other => panic!("expected a limit error, got {other:?}"),
    }
    // Gigabytes declared by the central directory: refused under the default limits, from the
    // directory alone.
    let mut gigabytes = bomb(1 << 20);
    declare_size(&mut gigabytes, 0xF000_0000);
    match parse(&gigabytes, &Options::default()) {
        Err(Error::Limit { flag, value, .. }) => {
            assert_eq!(flag, "--max-unzipped-bytes");
            assert!(value >= 0xF000_0000);
        }
        other => panic!("expected a limit error, got {other:?}"),
    }
}

#[test]
fn a_zip_that_understates_its_sizes_is_still_refused() {
    let small = Limits {
        max_unzipped_bytes: 1 << 20,
        ..Limits::default()
    };
    let mut bytes = bomb(8 << 20);
    declare_size(&mut bytes, 100);
    match read_workbook(&bytes, &small) {
        // The entry inflates past what it declares: refused as damaged, naming the entry.
        Err(Error::Workbook { location, .. }) => {
            assert!(location.contains("sheet1.xml"), "{location}")
        }
        Err(Error::Limit { .. }) => {}
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_task_cell_over_excels_limit_is_cut_with_a_warning_and_the_file_opens() {
    let long = "长".repeat(40_000);
    let doc = Document {
        tasks: vec![
            task(1, &long, &["市财政局"], &[]),
            task(2, "短", &["市商务委"], &[]),
        ],
        ..Document::default()
    };
    let out = to_xlsx(&doc).expect("writes");
    let w = out
        .warnings
        .iter()
        .find(|w| w.cell.as_deref() == Some("任务分工!B2"))
        .expect("a warning for the task cell");
    assert_eq!(w.code, "xlsx_cell_truncated");
    assert!(
        w.message.contains("40000") && w.message.contains("32767"),
        "{}",
        w.message
    );
    let mut wb = open(&out.bytes);
    let range = wb.worksheet_range("任务分工").expect("task sheet");
    let Some(Data::String(cell)) = range.get((1, 1)) else {
        panic!("a string cell")
    };
    assert_eq!(cell.chars().count(), 32_767);
    assert!(long.starts_with(cell.as_str()));
    let back = parse(&out.bytes, &Options::default()).expect("reads back");
    assert_eq!(back.tasks.len(), 2);
    assert_eq!(back.tasks[1].text, "短");
}

/// A minimal XLSX written by hand: one sheet with `rows` rows of a number in A and text in CV
/// (column 100), so its used area passes the default grid limit after 10,000 rows.
fn million_rows(rows: u32) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    for (name, body) in parts {
        zip.start_file(name, opts).expect("entry");
        zip.write_all(body.as_bytes()).expect("write");
    }
    zip.start_file("xl/worksheets/sheet1.xml", opts)
        .expect("entry");
    let mut xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:CV{rows}"/><sheetData>"#
    );
    for r in 1..=rows {
        use std::fmt::Write as _;
        let _ = write!(
            xml,
            r#"<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="CV{r}" t="inlineStr"><is><t>任务</t></is></c></row>"#
        );
    }
    xml.push_str("</sheetData></worksheet>");
    zip.write_all(xml.as_bytes()).expect("write");
    zip.finish().expect("finish").into_inner()
}

#[test]
fn a_million_row_sheet_is_refused_at_the_grid_limit() {
    let bytes = million_rows(1_000_000);
    let started = std::time::Instant::now();
    match parse(&bytes, &Options::default()) {
        Err(Error::Limit {
            flag, limit, what, ..
        }) => {
            assert_eq!(flag, "--max-grid-cells");
            assert_eq!(limit, Limits::default().max_grid_cells);
            // The box it grew to, corner to corner, and the cell that passed the limit.
            assert!(what.contains("数据!A1:CV"), "{what}");
            assert!(what.contains("reached at 数据!"), "{what}");
        }
        other => panic!(
            "expected a limit error, got {:?}",
            other.map(|d| d.tasks.len())
        ),
    }
    // Stopped at row 10,001 of a million (about a second in a debug build).
    assert!(
        started.elapsed().as_secs() < 10,
        "stopped early: {:?}",
        started.elapsed()
    );
    // The cell-count limit applies to the whole workbook as well.
    let few = Limits {
        max_sheet_cells: 1000,
        ..Limits::default()
    };
    match read_workbook(&million_rows(1000), &few) {
        Err(Error::Limit { flag, .. }) => assert_eq!(flag, "--max-sheet-cells"),
        other => panic!(
            "expected a limit error, got {:?}",
            other.map(|b| b.blocks.len())
        ),
    }
    // Under the limits the same layout reads: no task table, but a table of its two filled
    // columns (the hundred empty ones between them dropped), every row kept.
    let blocks = read_workbook(&million_rows(100), &Limits::default()).expect("reads");
    assert!(blocks.diagnostics.iter().any(|d| d.code == "no_task_table"));
    let tables: Vec<_> = blocks
        .blocks
        .iter()
        .filter_map(|b| match b {
            gongwen_parse::blocks::Block::Table(t) => Some(t),
            gongwen_parse::blocks::Block::Para(_) => None,
        })
        .collect();
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].rows.len(), 100);
    assert_eq!(tables[0].rows[99], ["100", "任务"]);
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[test]
fn the_seed_table_saved_as_csv_gives_the_same_tasks() {
    let text = std::fs::read_to_string(gongwen_tests::seed_path()).expect("seed");
    // The seed's table rows (cells one per tab line, rows between blank lines).
    let rows = gongwen_tests::tab_table_rows(&text);
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut csv = String::from("重庆市服务业扩大开放综合试点总体方案任务分工\n");
    for r in &rows {
        // A group row fills the row, as a merged cell saved as CSV does in Excel: once.
        let cells: Vec<String> = (0..width)
            .map(|k| r.get(k).map_or("", String::as_str).trim().to_string())
            .collect();
        csv.push_str(
            &cells
                .iter()
                .map(|c| csv_field(c))
                .collect::<Vec<_>>()
                .join(","),
        );
        csv.push_str("\r\n");
    }
    let options = Options {
        format: Some(gongwen_parse::InputFormat::Csv),
        ..Options::default()
    };
    for (what, bytes) in [
        ("UTF-8", csv.clone().into_bytes()),
        ("GBK", encoding_rs::GBK.encode(&csv).0.into_owned()),
    ] {
        let back = parse(&bytes, &options).expect("the CSV parses");
        assert_eq!(
            back.source.format,
            gongwen_parse::SourceFormat::Csv,
            "{what}"
        );
        let seed = seed();
        assert_eq!(back.tasks.len(), seed.tasks.len(), "{what}");
        for (a, b) in seed.tasks.iter().zip(&back.tasks) {
            assert_eq!(essentials(a), essentials(b), "{what}: task {}", a.seq);
        }
        // Lines are records: the title 1, the header 2, two group rows, then task 1.
        assert_eq!(back.tasks[0].line, 5, "{what}");
    }
}

#[test]
fn an_html_table_saved_as_xls_is_read_as_the_page_it_is() {
    // The 导出Excel of many sites: an HTML table with a spreadsheet's name.
    let page = "<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><head><meta charset=\"utf-8\"></head><body>\
        <table><tr><td>序号</td><td>任务</td><td>牵头单位</td><td>配合单位</td></tr>\
        <tr><td>1</td><td>建设数据平台</td><td>市大数据局</td><td>市财政局</td></tr>\
        <tr><td>2</td><td>培育标杆企业</td><td>市经济信息委</td><td></td></tr></table></body></html>";
    let workbook = Options {
        format: Some(InputFormat::Workbook),
        ..Options::default()
    };
    let d = parse(page.as_bytes(), &workbook).expect("read as a page");
    assert_eq!(d.source.format, gongwen_parse::SourceFormat::Html);
    let got: Vec<_> = d
        .tasks
        .iter()
        .map(|t| (t.seq, t.lead.clone(), t.support.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                1,
                vec!["市大数据局".to_string()],
                vec!["市财政局".to_string()]
            ),
            (2, vec!["市经济信息委".to_string()], vec![]),
        ]
    );
    assert_eq!(d.diagnostics[0].code, "format_sniffed");
    // Excel 2003 XML is named, not read as a page of run-together cells.
    let xml = "<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet><Table><Row><Cell><Data>序号</Data></Cell></Row></Table></Worksheet></Workbook>";
    match parse(xml.as_bytes(), &workbook) {
        Err(Error::Unsupported { what }) => assert!(what.contains("SpreadsheetML"), "{what}"),
        other => panic!("expected unsupported, got {other:?}"),
    }
}

/// An ODS file with one sheet `任务` whose rows are `rows` (`<table:table-row>` elements).
fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet><table:table table:name=\"任务\">{rows}\
         </table:table></office:spreadsheet></office:body></office:document-content>"
    );
    gongwen_tests::ods_package(&content)
}

fn ods_cell(text: &str, attrs: &str) -> String {
    format!(
        "<table:table-cell office:value-type=\"string\" {attrs}><text:p>{text}</text:p></table:table-cell>"
    )
}

#[test]
fn an_ods_lead_unit_merged_down_stands_in_every_task_it_covers() {
    let row = |cells: &[String]| format!("<table:table-row>{}</table:table-row>", cells.concat());
    let covered = "<table:covered-table-cell/>".to_string();
    let rows = [
        row(&[
            ods_cell("序号", ""),
            ods_cell("任务", ""),
            ods_cell("牵头单位", ""),
        ]),
        row(&[
            ods_cell("1", ""),
            ods_cell("建设数据平台", ""),
            ods_cell("市大数据局", "table:number-rows-spanned=\"2\""),
        ]),
        row(&[ods_cell("2", ""), ods_cell("开放公共数据", ""), covered]),
        row(&[
            ods_cell("3", ""),
            ods_cell("培育标杆企业", ""),
            ods_cell("市经济信息委", ""),
        ]),
    ]
    .concat();
    let d = parse(&ods(&rows), &Options::default()).expect("the sheet reads");
    assert_eq!(d.source.format, gongwen_parse::SourceFormat::Ods);
    let got: Vec<_> = d.tasks.iter().map(|t| (t.seq, t.lead.clone())).collect();
    assert_eq!(
        got,
        vec![
            (1, vec!["市大数据局".to_string()]),
            (2, vec!["市大数据局".to_string()]),
            (3, vec!["市经济信息委".to_string()]),
        ]
    );
}

#[test]
fn a_hidden_sheet_is_not_read_and_is_named() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, task, hidden) in [
        ("旧版", "旧的任务", true),
        ("任务分工", "建设数据平台", false),
    ] {
        let ws = wb.add_worksheet();
        ws.set_name(name).expect("name");
        for (c, v) in ["序号", "任务", "牵头单位"].iter().enumerate() {
            ws.write_string(0, c as u16, *v).expect("cell");
        }
        for (c, v) in ["1", task, "市大数据局"].iter().enumerate() {
            ws.write_string(1, c as u16, *v).expect("cell");
        }
        if hidden {
            ws.set_hidden(true);
        } else {
            ws.set_active(true);
        }
    }
    let bytes = wb.save_to_buffer().expect("xlsx");
    let d = parse(&bytes, &Options::default()).expect("reads");
    let texts: Vec<&str> = d.tasks.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(texts, vec!["建设数据平台"]);
    assert!(
        d.diagnostics
            .iter()
            .any(|x| x.code == "sheet_hidden" && x.message.contains("旧版")),
        "{:?}",
        d.diagnostics
    );
}

// ---- One task list per sheet ----

/// An XLSX whose sheets are `sheets`: each a name and its rows (the first the header), written
/// as text cells.
fn sheets_xlsx(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).expect("name");
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                ws.write_string(r as u32, c as u16, *v).expect("cell");
            }
        }
    }
    wb.save_to_buffer().expect("xlsx")
}

const SHEET_HEADER: &[&str] = &["序号", "重点任务", "牵头单位", "配合单位"];

/// The tasks as (sheet, seq, group, text).
fn sheet_tasks(d: &Document) -> Vec<(Option<&str>, u32, Vec<&str>, &str)> {
    d.tasks
        .iter()
        .map(|t| {
            (
                t.sheet.as_deref(),
                t.seq,
                t.group.iter().map(String::as_str).collect(),
                t.text.as_str(),
            )
        })
        .collect()
}

fn number_codes(d: &Document) -> Vec<&str> {
    d.diagnostics
        .iter()
        .map(|x| x.code.as_str())
        .filter(|c| c.starts_with("task_number"))
        .collect()
}

#[test]
fn each_sheet_of_tasks_is_a_list_grouped_by_the_sheets_name() {
    let digital: &[&[&str]] = &[
        SHEET_HEADER,
        &["1", "建设数据平台", "市大数据局", "市经济信息委"],
        &["2", "培育标杆企业", "市经济信息委", ""],
    ];
    let social: &[&[&str]] = &[
        SHEET_HEADER,
        &["1", "扩大优质教育资源", "市教委", "市财政局"],
        &["2", "完善养老服务体系", "市民政局", ""],
    ];
    let bytes = sheets_xlsx(&[("数字经济", digital), ("社会事业", social)]);
    let d = parse(&bytes, &Options::default()).expect("reads");
    assert_eq!(
        sheet_tasks(&d),
        vec![
            (Some("数字经济"), 1, vec!["数字经济"], "建设数据平台"),
            (Some("数字经济"), 2, vec!["数字经济"], "培育标杆企业"),
            (Some("社会事业"), 1, vec!["社会事业"], "扩大优质教育资源"),
            (Some("社会事业"), 2, vec!["社会事业"], "完善养老服务体系"),
        ]
    );
    // A new sheet's list starting at 1 is no restart of the one before.
    assert!(number_codes(&d).is_empty(), "{:?}", d.diagnostics);
    // The tables name their sheets too.
    let tables: Vec<Option<&str>> = d
        .parts
        .iter()
        .flat_map(|p| &p.tables)
        .map(|t| t.sheet.as_deref())
        .collect();
    assert_eq!(tables, vec![Some("数字经济"), Some("社会事业")]);
    // Within a sheet, numbers that start again are still reported.
    let twice: &[&[&str]] = &[
        SHEET_HEADER,
        &["1", "建设数据平台", "市大数据局", ""],
        &["2", "培育标杆企业", "市经济信息委", ""],
        &["1", "开放公共数据", "市大数据局", ""],
    ];
    let d = parse(
        &sheets_xlsx(&[("数字经济", twice), ("社会事业", social)]),
        &Options::default(),
    )
    .expect("reads");
    assert_eq!(number_codes(&d), vec!["task_number_restart"]);
}

#[test]
fn a_sheets_own_groups_win_over_its_name() {
    let grouped: &[&[&str]] = &[
        SHEET_HEADER,
        &["一、夯实数字底座", "", "", ""],
        &["1", "建设数据平台", "市大数据局", ""],
        &["二、壮大数字产业", "", "", ""],
        &["2", "培育标杆企业", "市经济信息委", ""],
    ];
    let plain: &[&[&str]] = &[SHEET_HEADER, &["1", "扩大优质教育资源", "市教委", ""]];
    let d = parse(
        &sheets_xlsx(&[("数字经济", grouped), ("社会事业", plain)]),
        &Options::default(),
    )
    .expect("reads");
    let groups: Vec<Vec<&str>> = sheet_tasks(&d).into_iter().map(|t| t.2).collect();
    assert_eq!(
        groups,
        vec![
            vec!["一、夯实数字底座"],
            vec!["二、壮大数字产业"],
            vec!["社会事业"],
        ]
    );
    assert!(number_codes(&d).is_empty(), "{:?}", d.diagnostics);
}

#[test]
fn a_sheet_named_as_a_program_names_it_or_a_lone_sheet_gives_no_group() {
    let first: &[&[&str]] = &[
        SHEET_HEADER,
        &["1", "建设数据平台", "市大数据局", ""],
        &["2", "培育标杆企业", "市经济信息委", ""],
    ];
    let second: &[&[&str]] = &[SHEET_HEADER, &["1", "扩大优质教育资源", "市教委", ""]];
    for names in [
        ["Sheet1", "Sheet2"],
        ["工作表1", "工作表2"],
        ["表1", "表2"],
        ["附表一", "附表二"],
    ] {
        let d = parse(
            &sheets_xlsx(&[(names[0], first), (names[1], second)]),
            &Options::default(),
        )
        .expect("reads");
        assert!(
            d.tasks.iter().all(|t| t.group.is_empty()),
            "{names:?}: {:?}",
            sheet_tasks(&d)
        );
        // Still two lists: the second sheet's 1 is no restart.
        assert!(
            number_codes(&d).is_empty(),
            "{names:?}: {:?}",
            d.diagnostics
        );
    }
    // A meaningful name beside a generic one: only the meaningful one is a group.
    let d = parse(
        &sheets_xlsx(&[("Sheet1", first), ("社会事业", second)]),
        &Options::default(),
    )
    .expect("reads");
    let groups: Vec<Vec<&str>> = sheet_tasks(&d).into_iter().map(|t| t.2).collect();
    assert_eq!(groups, vec![vec![], vec![], vec!["社会事业"]]);
    // One sheet of tasks is the whole list: its name is no group, beside a sheet of notes.
    let notes: &[&[&str]] = &[&["填表说明"], &["请按时报送"]];
    let d = parse(
        &sheets_xlsx(&[("数字经济", first), ("说明", notes)]),
        &Options::default(),
    )
    .expect("reads");
    assert!(
        d.tasks.iter().all(|t| t.group.is_empty()),
        "{:?}",
        sheet_tasks(&d)
    );
}

#[test]
fn ods_sheets_are_lists_of_their_own_too() {
    let row = |cells: &[&str]| {
        let cells: String = cells.iter().map(|c| ods_cell(c, "")).collect();
        format!("<table:table-row>{cells}</table:table-row>")
    };
    let sheet = |name: &str, task: &str| {
        format!(
            "<table:table table:name=\"{name}\">{}{}</table:table>",
            row(SHEET_HEADER),
            row(&["1", task, "市大数据局", ""])
        )
    };
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet>{}{}</office:spreadsheet></office:body>\
         </office:document-content>",
        sheet("数字经济", "建设数据平台"),
        sheet("社会事业", "扩大优质教育资源")
    );
    let d = parse(&gongwen_tests::ods_package(&content), &Options::default()).expect("reads");
    assert_eq!(
        sheet_tasks(&d),
        vec![
            (Some("数字经济"), 1, vec!["数字经济"], "建设数据平台"),
            (Some("社会事业"), 1, vec!["社会事业"], "扩大优质教育资源"),
        ]
    );
    assert!(number_codes(&d).is_empty(), "{:?}", d.diagnostics);
}

#[test]
fn a_number_merged_down_over_two_measures_is_no_repeat() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let rows: [[&str; 3]; 4] = [
        ["序号", "重点任务", "牵头单位"],
        ["1", "制定年度改造计划", "市住房城乡建委"],
        ["2", "推进城市道路微循环", "市交通局"],
        ["", "优化公交站点布局", "市交通局"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).expect("cell");
            }
        }
    }
    ws.merge_range(2, 0, 3, 0, "2", &rust_xlsxwriter::Format::new())
        .expect("merge");
    ws.write_string(4, 0, "3").expect("cell");
    ws.write_string(4, 1, "建设社区养老设施").expect("cell");
    ws.write_string(4, 2, "市民政局").expect("cell");
    let bytes = wb.save_to_buffer().expect("xlsx");
    let d = parse(&bytes, &Options::default()).expect("reads");
    assert_eq!(
        d.tasks.iter().map(|t| t.seq).collect::<Vec<_>>(),
        [1, 2, 2, 3]
    );
    assert!(number_codes(&d).is_empty(), "{:?}", number_codes(&d));
}

#[test]
fn a_note_row_and_a_total_row_under_the_tasks_are_no_tasks() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let rows: [[&str; 4]; 5] = [
        ["序号", "重点任务", "牵头单位", "配合单位"],
        [
            "1",
            "建设城市绿道50公里",
            "市城市管理局",
            "市规划自然资源局",
        ],
        ["2", "新增公园绿地100公顷", "市城市管理局", "各区县政府"],
        ["", "注：各牵头单位于每季度末报送进展。", "", ""],
        ["", "合计", "2项", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).expect("cell");
            }
        }
    }
    let bytes = wb.save_to_buffer().expect("xlsx");
    let d = parse(&bytes, &Options::default()).expect("reads");
    let tasks: Vec<(u32, &str, &[String])> = d
        .tasks
        .iter()
        .map(|t| (t.seq, t.text.as_str(), t.lead.as_slice()))
        .collect();
    assert_eq!(
        tasks,
        [
            (1, "建设城市绿道50公里", &["市城市管理局".to_string()][..]),
            (2, "新增公园绿地100公顷", &["市城市管理局".to_string()][..]),
        ]
    );
}

#[test]
fn numbers_read_as_their_number_format_shows_them() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("任务分工").expect("name");
    for (c, v) in ["序号", "任务", "牵头单位", "完成比例", "投资额", "完成时限"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *v).expect("cell");
    }
    let percent = rust_xlsxwriter::Format::new().set_num_format("0%");
    let percent2 = rust_xlsxwriter::Format::new().set_num_format("0.00%");
    let grouped = rust_xlsxwriter::Format::new().set_num_format("#,##0.00");
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    let rows: [(f64, &str, &rust_xlsxwriter::Format, f64); 2] = [
        (0.15, "建设数据平台", &percent, 1234567.5),
        (0.125, "完善共享机制", &percent2, 800.0),
    ];
    for (r, (share, task, fmt, money)) in rows.into_iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_number(r, 0, f64::from(r)).expect("cell");
        ws.write_string(r, 1, task).expect("cell");
        ws.write_string(r, 2, "市大数据局").expect("cell");
        ws.write_number_with_format(r, 3, share, fmt).expect("cell");
        ws.write_number_with_format(r, 4, money, &grouped)
            .expect("cell");
        ws.write_number_with_format(r, 5, 44562.0, &date)
            .expect("cell");
    }
    let bytes = wb.save_to_buffer().expect("xlsx");
    let d = parse(&bytes, &Options::default()).expect("reads");
    let shown: Vec<(u32, Vec<&str>)> = d
        .tasks
        .iter()
        .map(|t| {
            let col = |k: &str| t.extra.get(k).map_or("", String::as_str);
            (t.seq, vec![col("完成比例"), col("投资额"), col("完成时限")])
        })
        .collect();
    assert_eq!(
        shown,
        vec![
            (1, vec!["15%", "1,234,567.50", "2022-01-01"]),
            (2, vec!["12.50%", "800.00", "2022-01-01"]),
        ]
    );
}

// ---- An info sheet beside the tasks ----

#[test]
fn an_info_sheet_of_labelled_values_gives_the_notice_what_it_lacks() {
    // Two pairs a row, a label with its colon, and a label and value in one cell.
    let info: &[&[&str]] = &[
        &["文件信息"],
        &[
            "发文机关：",
            "某某市人民政府办公厅",
            "成文日期：",
            "2022年3月1日",
        ],
        &["发文字号：", "某府办发〔2022〕5号"],
        &["标题：某某市人民政府办公厅关于印发某某工作方案的通知"],
        &["主送：", "各区县（自治县）人民政府，市政府有关部门"],
    ];
    let tasks: &[&[&str]] = &[
        SHEET_HEADER,
        &["1", "推进某项改革", "市发展改革委", "市财政局"],
    ];
    let bytes = sheets_xlsx(&[("任务分工", tasks), ("文件信息", info)]);
    let d = parse(&bytes, &Options::default()).expect("reads");
    assert_eq!(d.tasks.len(), 1);
    assert_eq!(
        d.notice.title.as_deref(),
        Some("某某市人民政府办公厅关于印发某某工作方案的通知")
    );
    assert_eq!(
        d.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
        Some("某府办发〔2022〕5号")
    );
    assert_eq!(d.notice.issuer.as_deref(), Some("某某市人民政府办公厅"));
    assert_eq!(d.notice.date.as_deref(), Some("2022-03-01"));
    assert_eq!(
        d.notice.addressees,
        vec!["各区县（自治县）人民政府", "市政府有关部门"]
    );
    // What the sheet does not name stays empty.
    assert_eq!(
        (d.notice.signature.as_deref(), d.notice.note.as_deref()),
        (None, None)
    );
    assert!(d.diagnostics.iter().any(|x| x.code == "filled_from_page"));

    // Two labels are no info sheet: the notice stays empty, and the sheet's rows are kept as
    // the table they are.
    let few: &[&[&str]] = &[&["标题", "某某通知"], &["发文字号", "某府发〔2022〕1号"]];
    let bytes = sheets_xlsx(&[("任务分工", tasks), ("说明", few)]);
    let d = parse(&bytes, &Options::default()).expect("reads");
    assert_eq!(d.notice.title, None);
    let kept: Vec<&Vec<Vec<String>>> = d
        .parts
        .iter()
        .flat_map(|p| &p.tables)
        .map(|t| &t.rows)
        .filter(|rows| rows.first().is_some_and(|r| r[0] == "标题"))
        .collect();
    assert_eq!(
        kept,
        [&vec![
            vec!["标题".to_string(), "某某通知".to_string()],
            vec!["发文字号".to_string(), "某府发〔2022〕1号".to_string()],
        ]]
    );
}

/// The `文档信息` sheet of a plan that has only a title (no letterhead, number or date) still
/// gives its title back: the sheet labels every element and fills one. A sheet that labels
/// elements as a list's columns, over rows of values, gives none.
#[test]
fn an_info_sheet_with_only_a_title_gives_the_title_back() {
    let doc = Document {
        notice: gongwen_parse::Notice {
            title: Some("某某省“十四五”生态环境保护规划".into()),
            ..Default::default()
        },
        tasks: vec![task(1, "推进某项治理", &["省生态环境厅"], &[])],
        ..Document::default()
    };
    let out = to_xlsx(&doc).expect("writes");
    let back = parse(&out.bytes, &Options::default()).expect("reads back");
    assert_eq!(back.notice.title, doc.notice.title);
    assert!(
        !back
            .diagnostics
            .iter()
            .any(|d| d.code == "sheet_ignored" && d.message.contains("文档信息")),
        "{:?}",
        back.diagnostics
    );

    let tasks: &[&[&str]] = &[SHEET_HEADER, &["1", "推进某项改革", "市发展改革委", ""]];
    let list: &[&[&str]] = &[
        &["标题", "发文字号", "成文日期"],
        &["某某市关于甲的通知", "某府发〔2022〕1号", "2022年1月5日"],
        &["某某市关于乙的通知", "某府发〔2022〕2号", "2022年2月5日"],
    ];
    let bytes = sheets_xlsx(&[("任务分工", tasks), ("文件目录", list)]);
    let d = parse(&bytes, &Options::default()).expect("reads");
    assert_eq!(d.notice.title, None);
    assert_eq!(d.notice.doc_number, None);
}

/// A row that only says the table goes on (`续表` merged across the sheet, where a printed page
/// broke) and the header printed again under it: no group of the tasks after it, no row of the
/// table.
#[test]
fn a_continued_table_row_merged_across_a_sheet_is_no_group() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let plain = rust_xlsxwriter::Format::new();
    let row = |ws: &mut rust_xlsxwriter::Worksheet, r: u32, cells: [&str; 4]| {
        for (c, v) in cells.iter().enumerate() {
            ws.write_string(r, c as u16, *v).expect("cell");
        }
    };
    row(ws, 0, ["序号", "主要任务", "牵头单位", "配合单位"]);
    ws.merge_range(1, 0, 1, 3, "一、深化改革", &plain)
        .expect("merge");
    row(ws, 2, ["1", "推进甲事项", "市发展改革委", "市财政局"]);
    ws.merge_range(3, 0, 3, 3, "续表", &plain).expect("merge");
    row(ws, 4, ["序号", "主要任务", "牵头单位", "配合单位"]);
    row(ws, 5, ["2", "推进乙事项", "市教委", "市科技局"]);
    let bytes = wb.save_to_buffer().expect("xlsx");
    let d = parse(&bytes, &Options::default()).expect("reads");
    gongwen_tests::assert_continued_row_dropped(&d);
}

/// A workbook whose first sheet holds the notice (its title, number, addressees and text, a line
/// a row) and whose second holds the task table: the notice sheet is read as the letter, not
/// ignored.
#[test]
fn a_notice_sheet_before_the_task_sheet_is_read_as_the_letter() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let notice = wb.add_worksheet();
    notice.set_name("通知").expect("name");
    for (r, line) in [
        "某某市人民政府办公室关于印发某某市城市更新行动方案的通知",
        "某府办发〔2024〕21号",
        "各区县人民政府，市政府各部门：",
        "现将《某某市城市更新行动方案》印发给你们，请认真组织实施。",
        "附件：某某市城市更新行动重点任务分工表",
        "某某市人民政府办公室",
        "2024年6月3日",
    ]
    .iter()
    .enumerate()
    {
        notice.write_string(r as u32, 0, *line).expect("cell");
    }
    let tasks = wb.add_worksheet();
    tasks.set_name("任务分工").expect("name");
    for (r, row) in [
        ["序号", "重点任务", "牵头单位", "配合单位"],
        ["1", "开展老旧小区改造。", "市住房城乡建委", "各区县政府"],
        ["2", "完善城市道路微循环。", "市交通局", "市公安局"],
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in row.iter().enumerate() {
            tasks.write_string(r as u32, c as u16, *v).expect("cell");
        }
    }
    let bytes = wb.save_to_buffer().expect("xlsx");
    let d = parse(&bytes, &Options::default()).expect("reads");
    assert_eq!(
        d.notice.title.as_deref(),
        Some("某某市人民政府办公室关于印发某某市城市更新行动方案的通知")
    );
    assert_eq!(
        d.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
        Some("某府办发〔2024〕21号")
    );
    assert_eq!(d.notice.date.as_deref(), Some("2024-06-03"));
    assert_eq!(d.notice.signature.as_deref(), Some("某某市人民政府办公室"));
    assert_eq!(d.notice.addressees, ["各区县人民政府", "市政府各部门"]);
    assert_eq!(d.tasks.len(), 2);
    assert!(!d.diagnostics.iter().any(|x| x.code == "sheet_ignored"));
    // A sheet of text that names no notice (instructions) is still ignored.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let help = wb.add_worksheet();
    for (r, line) in ["填表说明", "一、请按季度填报。", "二、联系人：张三"]
        .iter()
        .enumerate()
    {
        help.write_string(r as u32, 0, *line).expect("cell");
    }
    let t = wb.add_worksheet();
    for (c, v) in ["序号", "重点任务", "牵头单位"].iter().enumerate() {
        t.write_string(0, c as u16, *v).expect("cell");
    }
    for (c, v) in ["1", "开展老旧小区改造。", "市住房城乡建委"]
        .iter()
        .enumerate()
    {
        t.write_string(1, c as u16, *v).expect("cell");
    }
    let d = parse(&wb.save_to_buffer().expect("xlsx"), &Options::default()).expect("reads");
    assert!(d.diagnostics.iter().any(|x| x.code == "sheet_ignored"));
    assert_eq!(d.notice.title, None);
}

/// A workbook's summary sheet (`牵头单位 | 任务数`: how many tasks each unit leads) counts the
/// tasks; its rows are figures, not tasks of their own beside the task sheet's.
#[test]
fn a_sheet_counting_tasks_per_unit_gives_no_tasks() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let tasks = wb.add_worksheet();
    tasks.set_name("重点任务").expect("name");
    for (r, row) in [
        ["序号", "重点任务", "牵头单位", "配合单位"],
        ["1", "开展老旧小区改造。", "市住房城乡建委", "各区县政府"],
        ["2", "完善城市道路微循环。", "市交通局", "市公安局"],
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in row.iter().enumerate() {
            tasks.write_string(r as u32, c as u16, *v).expect("cell");
        }
    }
    let sum = wb.add_worksheet();
    sum.set_name("汇总").expect("name");
    sum.write_string(0, 0, "牵头单位").expect("cell");
    sum.write_string(0, 1, "任务数（项）").expect("cell");
    for (r, (unit, n)) in [("市住房城乡建委", 1.0), ("市交通局", 1.0)]
        .iter()
        .enumerate()
    {
        sum.write_string(r as u32 + 1, 0, *unit).expect("cell");
        sum.write_number(r as u32 + 1, 1, *n).expect("cell");
    }
    let d = parse(&wb.save_to_buffer().expect("xlsx"), &Options::default()).expect("reads");
    assert_eq!(
        d.tasks.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(),
        ["开展老旧小区改造。", "完善城市道路微循环。"]
    );
}
