//! Workbooks: the XLSX writer's layout, reading it back (with calamine and with our own reader),
//! a workbook written by another tool, and hostile workbooks.

use calamine::{Data, Reader, Xlsx};
use gongwen_emit::xlsx::to_xlsx;
use gongwen_parse::read::workbook::read_workbook;
use gongwen_parse::{Document, Error, InputFormat, Limits, Options, Task, parse, parse_text};
use gongwen_tests::{path, seed_path};
use std::io::{Cursor, Read, Write};

fn seed() -> Document {
    let text = std::fs::read_to_string(seed_path()).expect("seed is readable");
    parse_text(&text)
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("calamine opens our workbook")
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
    z.by_name(name).expect("entry present").read_to_string(&mut s).expect("utf-8 xml");
    s
}

/// The fields that survive a spreadsheet: everything but source positions and how a task was found.
fn essentials(t: &Task) -> (u32, Vec<String>, String, Vec<String>, Vec<String>, String, String) {
    (t.seq, t.group.clone(), t.text.clone(), t.lead.clone(), t.support.clone(), t.lead_text.clone(), t.support_text.clone())
}

#[test]
fn seed_workbook_has_one_row_per_task_with_every_field() {
    let doc = seed();
    assert_eq!(doc.tasks.len(), 86, "the seed's task table");
    let out = to_xlsx(&doc).expect("the seed writes");
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    let mut wb = open(&out.bytes);
    assert_eq!(wb.sheet_names(), vec!["任务分工", "按单位", "文档信息", "结构"]);

    let range = wb.worksheet_range("任务分工").expect("task sheet");
    let rows: Vec<&[Data]> = range.rows().collect();
    let header: Vec<String> = rows[0].iter().map(cell_text).collect();
    assert_eq!(header, vec!["序号", "一级分组", "二级分组", "任务", "牵头单位", "配合单位"]);
    assert_eq!(rows.len(), 1 + doc.tasks.len());
    for (row, task) in rows[1..].iter().zip(&doc.tasks) {
        assert_eq!(row[0], Data::Float(f64::from(task.seq)), "序号 is a number");
        assert_eq!(cell_text(&row[1]), task.group[0]);
        assert_eq!(cell_text(&row[2]), task.group[1]);
        assert_eq!(cell_text(&row[3]), task.text);
        assert_eq!(cell_text(&row[4]), task.lead.join("、"));
        assert_eq!(cell_text(&row[5]), task.support.join("、"));
    }
    // Task 9 has no supporting units: an empty cell, not a missing row.
    assert_eq!(rows[9][5], Data::Empty);
}

#[test]
fn seed_by_unit_sheet_has_one_row_per_unit_task_pair_sorted_by_unit() {
    let doc = seed();
    let pairs: usize = doc.tasks.iter().map(|t| t.lead.len() + t.support.len()).sum();
    let out = to_xlsx(&doc).expect("the seed writes");
    let mut wb = open(&out.bytes);
    let range = wb.worksheet_range("按单位").expect("by-unit sheet");
    let rows: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(cell_text).collect()).collect();
    assert_eq!(rows[0], vec!["单位", "角色", "序号", "任务"]);
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
        assert!(rows.iter().any(|r| &r[0] == u && r[1] == "牵头" && r[2] == "1" && r[3] == t1.text), "{u}");
    }
}

#[test]
fn seed_info_and_outline_sheets_carry_the_notice() {
    let doc = seed();
    let out = to_xlsx(&doc).expect("the seed writes");
    let mut wb = open(&out.bytes);
    let info = wb.worksheet_range("文档信息").expect("info sheet");
    let info: Vec<(String, String)> = info.rows().map(|r| (cell_text(&r[0]), cell_text(&r[1]))).collect();
    let get = |k: &str| info.iter().find(|(l, _)| l == k).map(|(_, v)| v.clone());
    assert_eq!(get("标题"), doc.notice.title);
    assert_eq!(get("发文字号").as_deref(), Some("渝府发〔2021〕19号"));
    assert_eq!(get("成文日期").as_deref(), Some("2021-08-04"));
    assert_eq!(get("主送机关"), Some(doc.notice.addressees.join("，")));
    assert_eq!(get("附注").as_deref(), Some("此件公开发布"));
    assert_eq!(get("来源格式").as_deref(), Some("text"));

    let outline = wb.worksheet_range("结构").expect("outline sheet");
    let rows: Vec<Vec<String>> = outline.rows().map(|r| r.iter().map(cell_text).collect()).collect();
    assert_eq!(rows[0], vec!["部分", "层级", "编号", "标题", "行"]);
    assert_eq!(rows.len() - 1, doc.section_count());
    assert!(rows.iter().any(|r| r[2] == "一、" && r[3] == "总体要求" && r[1] == "1"));
}

#[test]
fn seed_workbook_is_laid_out_for_print_and_filter() {
    let out = to_xlsx(&seed()).expect("the seed writes");
    let sheet1 = zip_text(&out.bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet1.contains(r#"ySplit="1""#) && sheet1.contains(r#"state="frozen""#), "header row frozen");
    assert!(sheet1.contains("<autoFilter ref=\"A1:F87\""), "autofilter over the table");
    assert!(sheet1.contains(r#"orientation="landscape""#) && sheet1.contains(r#"paperSize="9""#), "landscape A4");
    let workbook = zip_text(&out.bytes, "xl/workbook.xml");
    assert!(workbook.contains("_xlnm.Print_Titles") && workbook.contains("任务分工!$1:$1"), "header repeated on every page");
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
        assert!(b.extra.is_empty(), "task {} has no extra columns: {:?}", b.seq, b.extra);
    }
    // The other sheets are not task tables, and say so.
    for name in ["按单位", "文档信息", "结构"] {
        assert!(
            back.diagnostics.iter().any(|d| d.code == "sheet_ignored" && d.message.contains(name)),
            "{name}: {:?}",
            back.diagnostics
        );
    }
    // Rows are sheet rows: task 1 is on row 2.
    assert_eq!(back.tasks[0].line, 2);
}

