//! Readers: a `pdftotext -layout` header spread across its cells letter by letter, a damaged
//! workbook's bad cell named and read past.

use gongwen_parse::{Document, Options, parse};
use gongwen_tests::numbered_units;

fn read(text: &str) -> Document {
    parse(text.as_bytes(), &Options::default()).expect("parses")
}

/// A PDF of a Word table prints its header spread across each cell (`序 号 主  要  任  务`):
/// one space between `号` and `主` where the narrow number column is full. The header is read
/// as its words, and the rows as they are with `序号  主要任务`.
#[test]
fn a_header_spaced_out_letter_by_letter_is_read_as_its_words() {
    let header = "序 号 主  要  任  务                          牵 头 单 位       配 合 单 位";
    let rows = "\
一、夯实数字政府基础支撑
1     健全移动端功能，推动高频政务服务事项    省卫生健康委
      掌上办、指尖办。
2     整合一网通办服务体系，推动企业和群众    省政务管理办      省自然资源厅、省发展
      办事只进一扇门。                                          改革委、省公安厅
";
    let spaced = read(&format!(
        "湖北省数字政府建设重点任务分工\n\n{header}\n{rows}"
    ));
    let plain = read(&format!(
        "湖北省数字政府建设重点任务分工\n\n序号  主要任务                              牵头单位          配合单位\n{rows}"
    ));
    let expected = vec![
        (
            1,
            "健全移动端功能，推动高频政务服务事项掌上办、指尖办。",
            vec!["省卫生健康委"],
            vec![],
        ),
        (
            2,
            "整合一网通办服务体系，推动企业和群众办事只进一扇门。",
            vec!["省政务管理办"],
            vec!["省自然资源厅", "省发展改革委", "省公安厅"],
        ),
    ];
    assert_eq!(numbered_units(&plain), expected);
    assert_eq!(numbered_units(&spaced), expected);
    assert!(
        !spaced.diagnostics.iter().any(|d| d.code == "no_task_table"),
        "{:?}",
        spaced.diagnostics
    );
}

/// Under a header spaced out letter by letter, a row's text is not cut where one of its
/// spaces falls under a letter of the column's name: the name is one cell, and only its start
/// is a column's start.
#[test]
fn a_rows_text_is_not_cut_under_the_letters_of_a_spaced_out_name() {
    let d = read(
        "关于印发重点任务分工的通知\n\n\
         序号  主  要  任  务            牵头单位      配合单位\n\
         1     推进 政务服务热线与110联动  省卫生健康委  省公安厅\n\
         2     整合公共数据授权运营机制。  省政务管理办\n",
    );
    assert_eq!(
        numbered_units(&d),
        vec![
            (
                1,
                "推进 政务服务热线与110联动",
                vec!["省卫生健康委"],
                vec!["省公安厅"]
            ),
            (
                2,
                "整合公共数据授权运营机制。",
                vec!["省政务管理办"],
                vec![]
            ),
        ]
    );
}

/// Prose that names `序 号` spaced out is no header: it does not split into a header's cells.
#[test]
fn prose_naming_a_spaced_out_number_is_no_table() {
    let d = read(
        "关于做好统计工作的通知\n\n各单位：\n\n请按序 号  填写下表，牵头单位  汇总后报送。\n\n某某局\n2024年3月1日\n",
    );
    assert!(d.tasks.is_empty(), "{:?}", d.tasks);
    let json = serde_json::to_string(&d).expect("serialises");
    assert!(
        json.contains("请按序 号 填写下表") || json.contains("请按序号填写下表"),
        "{json}"
    );
    assert!(!json.contains("\"rows\""), "{json}");
}

/// A minimal XLSX package of one sheet `Sheet1` whose cells hold `rows` as shared strings
/// (`<c r="B2" t="s"><v>3</v></c>`), its sheet XML passed through `damage` before it is
/// packed.
fn xlsx(rows: &[&[&str]], damage: impl Fn(String) -> String) -> Vec<u8> {
    use std::io::Write;
    let mut strings: Vec<&str> = Vec::new();
    let mut sheet = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
    );
    for (r, row) in rows.iter().enumerate() {
        sheet.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, text) in row.iter().enumerate() {
            let i = strings.iter().position(|s| s == text).unwrap_or_else(|| {
                strings.push(text);
                strings.len() - 1
            });
            let col = char::from(b'A' + c as u8);
            sheet.push_str(&format!("<c r=\"{col}{}\" t=\"s\"><v>{i}</v></c>", r + 1));
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let sst: String = strings
        .iter()
        .map(|s| format!("<si><t>{}</t></si>", gongwen_tests::escape_markup(s)))
        .collect();
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let parts = [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
             <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
             <Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>\
             <Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>"
                .to_string(),
        ),
        (
            "_rels/.rels",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
                 <Relationship Id=\"rId1\" Type=\"{rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            ),
        ),
        (
            "xl/workbook.xml",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{main}\" xmlns:r=\"{rel}\">\
                 <sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
                 <Relationship Id=\"rId1\" Type=\"{rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/>\
                 <Relationship Id=\"rId2\" Type=\"{rel}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"
            ),
        ),
        ("xl/worksheets/sheet1.xml", damage(sheet)),
        (
            "xl/sharedStrings.xml",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{main}\" count=\"{n}\" uniqueCount=\"{n}\">{sst}</sst>",
                n = strings.len()
            ),
        ),
    ];
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    for (name, data) in parts {
        w.start_file(name, o).expect("zip entry");
        w.write_all(data.as_bytes()).expect("zip data");
    }
    w.finish().expect("zip finish").into_inner()
}

const TASK_ROWS: &[&[&str]] = &[
    &["序号", "主要任务", "牵头单位", "配合单位"],
    &["1", "健全移动端功能。", "省卫生健康委", "省公安厅"],
    &[
        "2",
        "整合一网通办服务体系。",
        "省政务管理办",
        "省发展改革委",
    ],
    &[
        "3",
        "完善基层智慧治理平台。",
        "省交通运输厅",
        "省通信管理局",
    ],
];

/// The sheet XML with the value of the cell `cell` (`C3`) replaced by `value`.
fn with_value(cell: &'static str, value: &'static str) -> impl Fn(String) -> String {
    move |xml: String| {
        let open = format!("<c r=\"{cell}\" t=\"s\"><v>");
        let at = xml.find(&open).expect("the cell") + open.len();
        let end = at + xml[at..].find("</v>").expect("its value");
        format!("{}{value}{}", &xml[..at], &xml[end..])
    }
}

/// A cell naming a shared string the workbook does not have (a damaged file) is read as empty
/// with a warning naming it: the rest of the workbook is read, as Excel opens it.
#[test]
fn a_cell_naming_a_missing_shared_string_is_named_and_read_past() {
    let intact = parse(&xlsx(TASK_ROWS, |x| x), &Options::default()).expect("reads");
    assert_eq!(intact.tasks.len(), 3);
    let d = parse(
        &xlsx(TASK_ROWS, with_value("C3", "99999")),
        &Options::default(),
    )
    .expect("a workbook with one bad cell is read");
    assert_eq!(
        numbered_units(&d),
        vec![
            (
                1,
                "健全移动端功能。",
                vec!["省卫生健康委"],
                vec!["省公安厅"]
            ),
            (2, "整合一网通办服务体系。", vec![], vec!["省发展改革委"]),
            (
                3,
                "完善基层智慧治理平台。",
                vec!["省交通运输厅"],
                vec!["省通信管理局"]
            ),
        ]
    );
    let damaged: Vec<_> = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "workbook_cell_damaged")
        .collect();
    assert_eq!(damaged.len(), 1, "{:?}", d.diagnostics);
    assert_eq!(damaged[0].cell.as_deref(), Some("Sheet1!C3"));
    assert_eq!(damaged[0].line, Some(3));
}

/// Damage calamine cannot read past (a cell's element left open) refuses the workbook, the
/// error naming the cell it broke in.
#[test]
fn a_sheet_broken_inside_a_cell_is_refused_naming_the_cell() {
    // `<c r="C3" t="s"><v>9</v>` without its `</c>`.
    let broken = |xml: String| {
        let at = xml.find("<c r=\"C3\"").expect("the cell");
        let end = at + xml[at..].find("</c>").expect("its end");
        format!("{}{}", &xml[..end], &xml[end + 4..])
    };
    let err = parse(&xlsx(TASK_ROWS, broken), &Options::default()).expect_err("refused");
    let message = err.to_string();
    assert!(
        message.starts_with("Sheet1!C3: cannot read it"),
        "{message}"
    );
}

/// Without its own reference (`<c t="s">`, positions counted along the row), a bad cell
/// would leave the cells after it one column short: the workbook is refused, naming it.
#[test]
fn a_bad_cell_without_its_own_reference_refuses_the_workbook_naming_it() {
    let unreferenced = |xml: String| {
        with_value("C3", "99999")(xml)
            .replace(" r=\"C3\"", "")
            .replace(" r=\"D3\"", "")
    };
    let err = parse(&xlsx(TASK_ROWS, unreferenced), &Options::default()).expect_err("refused");
    let message = err.to_string();
    assert!(
        message.starts_with("Sheet1!C3: cannot read it"),
        "{message}"
    );
}
