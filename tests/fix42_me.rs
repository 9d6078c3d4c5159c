//! Fixes of the forty-second stop (mine): sheets of a workbook that hold a table other than a
//! task table (a contact list, a 名单, a 资金分配表) are read as tables, not dropped.

use gongwen_parse::{InputFormat, Options, parse};
use gongwen_tests::{codes, given};

fn write_rows(ws: &mut rust_xlsxwriter::Worksheet, rows: &[&[&str]]) {
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).expect("cell");
            }
        }
    }
}

/// A task sheet, a contact sheet and a list sheet, each under its `附件N：` title row.
fn three_sheets() -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("任务分工").expect("name");
    write_rows(
        ws,
        &[
            &["附件1：某市2025年优化营商环境重点任务分工"],
            &["序号", "重点任务", "牵头单位", "配合单位"],
            &["1", "推行企业开办一网通办", "市市场监管局", "市政务服务办"],
            &[
                "2",
                "压缩工程建设项目审批时间",
                "市住房城乡建设局",
                "市自然资源局",
            ],
        ],
    );
    let ws = wb.add_worksheet().set_name("联络员").expect("name");
    write_rows(
        ws,
        &[
            &["附件2：联络员名单"],
            &["单位", "姓名", "职务", "联系电话"],
            &["市市场监管局", "王某某", "科长", "0371-12345678"],
            &["市住房城乡建设局", "李某某", "副科长", "0371-87654321"],
        ],
    );
    let ws = wb.add_worksheet().set_name("名单").expect("name");
    write_rows(
        ws,
        &[
            &["附件3：创新示范区名单"],
            &["序号", "县（市、区）", "推荐单位"],
            &["1", "东城区", "东城区人民政府"],
            &["2", "北湖县", "北湖县人民政府"],
        ],
    );
    wb.save_to_buffer().expect("xlsx")
}

#[test]
fn a_workbooks_other_sheets_are_read_as_tables_of_their_attachments() {
    let d = parse(&three_sheets(), &given(InputFormat::Workbook)).expect("xlsx");
    // The tasks come from the task sheet alone.
    let tasks: Vec<(&str, Vec<&str>)> = d
        .tasks
        .iter()
        .map(|t| (t.text.as_str(), t.lead.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        tasks,
        [
            ("推行企业开办一网通办", vec!["市市场监管局"]),
            ("压缩工程建设项目审批时间", vec!["市住房城乡建设局"]),
        ]
    );
    // Each other sheet is its attachment's table, every row kept.
    type Kept<'a> = (Option<&'a str>, Option<&'a str>, Vec<Vec<String>>);
    let parts: Vec<Kept<'_>> = d
        .parts
        .iter()
        .skip(1)
        .map(|p| {
            (
                p.label.as_deref(),
                p.title.as_deref(),
                p.tables.first().map(|t| t.rows.clone()).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(parts.len(), 2, "{parts:?}");
    assert_eq!(parts[0].0, Some("附件2"));
    assert_eq!(parts[0].1, Some("联络员名单"));
    assert_eq!(parts[0].2.len(), 3);
    assert_eq!(parts[0].2[0], ["单位", "姓名", "职务", "联系电话"]);
    assert_eq!(parts[0].2[2][1], "李某某");
    assert_eq!(parts[1].0, Some("附件3"));
    assert_eq!(parts[1].2[2], ["2", "北湖县", "北湖县人民政府"]);
    assert!(!codes(&d).contains(&"sheet_ignored"), "{:?}", codes(&d));
    assert!(!codes(&d).contains(&"no_task_table"), "{:?}", codes(&d));
}

#[test]
fn a_workbook_of_a_fund_table_alone_keeps_the_table_and_says_there_are_no_tasks() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    write_rows(
        wb.add_worksheet(),
        &[
            &["2025年省级文化产业发展专项资金分配表"],
            &["序号", "地区", "单位名称", "金额（万元）"],
            &["1", "东城区", "某某文化公司", "120"],
            &["2", "北湖县", "某某传媒中心", "80"],
            &["", "合计", "", "200"],
        ],
    );
    let xlsx = wb.save_to_buffer().expect("xlsx");
    let d = parse(&xlsx, &given(InputFormat::Workbook)).expect("xlsx");
    assert!(d.tasks.is_empty());
    let tables: Vec<_> = d.parts.iter().flat_map(|p| &p.tables).collect();
    assert_eq!(tables.len(), 1);
    assert_eq!(
        tables[0].caption.as_deref(),
        Some("2025年省级文化产业发展专项资金分配表")
    );
    assert_eq!(tables[0].rows.len(), 4);
    assert_eq!(tables[0].rows[3], ["", "合计", "", "200"]);
    let c = codes(&d);
    // Nothing says the document is empty; the missing task table is still said.
    assert!(!c.contains(&"no_text"), "{c:?}");
    assert!(c.contains(&"no_task_table"), "{c:?}");
}

#[test]
fn a_csv_of_another_table_is_kept_and_comma_prose_stays_text() {
    let csv =
        "序号,地区,单位名称,金额（万元）\n1,东城区,某某文化公司,120\n2,北湖县,某某传媒中心,80\n";
    let d = parse(csv.as_bytes(), &given(InputFormat::Csv)).expect("csv");
    let tables: Vec<_> = d.parts.iter().flat_map(|p| &p.tables).collect();
    assert_eq!(tables.len(), 1, "{:?}", codes(&d));
    assert_eq!(tables[0].rows[1], ["1", "东城区", "某某文化公司", "120"]);
    assert!(!codes(&d).contains(&"no_text"), "{:?}", codes(&d));
}

#[test]
fn gongwens_own_derived_sheets_are_not_read_again_as_tables() {
    let seed = std::fs::read(gongwen_tests::seed_path()).expect("seed");
    let doc = parse(&seed, &Options::default()).expect("seed");
    let xlsx = gongwen_emit::xlsx::to_xlsx(&doc).expect("xlsx");
    let back = parse(&xlsx.bytes, &given(InputFormat::Workbook)).expect("back");
    assert_eq!(back.tasks.len(), doc.tasks.len());
    let tables: usize = back.parts.iter().map(|p| p.tables.len()).sum();
    assert_eq!(tables, 1, "only the 任务分工 sheet is a table");
    let ignored: Vec<&str> = back
        .diagnostics
        .iter()
        .filter(|x| x.code == "sheet_ignored")
        .map(|x| x.message.as_str())
        .collect();
    assert_eq!(ignored.len(), 2, "{ignored:?}");
    assert!(ignored.iter().all(|m| m.contains("gongwen's own view")));
}

/// A paragraph of a DOCX body (`w:p` with one run of `text`, then `extra` runs).
fn docx_para(text: &str, extra: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r>{extra}</w:p>")
}

#[test]
fn a_word_documents_footnotes_are_said_to_be_left_out() {
    let body = [
        docx_para("某某市司法局关于2024年行政复议工作情况的通报", ""),
        docx_para("各区县司法局：", ""),
        docx_para(
            "2024年全市行政复议纠错率12.5%。",
            "<w:r><w:footnoteReference w:id=\"2\"/></w:r>",
        ),
        docx_para(
            "办案质量稳步提升。",
            "<w:r><w:endnoteReference w:id=\"1\"/></w:r>",
        ),
    ]
    .concat();
    let footnotes = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <w:footnotes xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
        <w:footnote w:type=\"separator\" w:id=\"0\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
        <w:footnote w:id=\"2\"><w:p><w:r><w:t>纠错率指被撤销、变更、确认违法</w:t></w:r>\
        <w:r><w:t>的案件占审结案件的比例。</w:t></w:r></w:p></w:footnote></w:footnotes>";
    let bytes = gongwen_tests::docx_package(&body, &[("word/footnotes.xml", footnotes.as_bytes())]);
    let d = parse(&bytes, &given(InputFormat::Docx)).expect("docx");
    let notes: Vec<&str> = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "docx_notes_unread")
        .map(|x| x.message.as_str())
        .collect();
    assert_eq!(notes.len(), 1, "{:?}", codes(&d));
    assert!(
        notes[0].contains("1 footnote(s) and 1 endnote(s)"),
        "{}",
        notes[0]
    );
    // The first footnote's words (its runs joined), cut at thirty characters.
    assert!(
        notes[0].contains("`纠错率指被撤销、变更、确认违法的案件占审结案件的比例。`"),
        "{}",
        notes[0]
    );
    // A document without note references says nothing of notes, even with a notes part.
    let plain = gongwen_tests::docx_package(
        &docx_para("办案质量稳步提升。", ""),
        &[("word/footnotes.xml", footnotes.as_bytes())],
    );
    let d = parse(&plain, &given(InputFormat::Docx)).expect("docx");
    assert!(!codes(&d).contains(&"docx_notes_unread"), "{:?}", codes(&d));
}

#[test]
fn schools_kindergartens_and_hospitals_are_addressees() {
    let text = "某某县教育局关于做好2024年春季学期开学工作的通知\n\n某教发〔2024〕3号\n\n各中小学校、幼儿园：\n\n　　为做好春季学期开学工作，现将有关事项通知如下。\n\n　　一、做好校园安全排查\n\n　　开学前完成校舍安全排查。\n\n某某县教育局\n2024年2月1日\n";
    let d = gongwen_parse::parse_text(text);
    assert_eq!(d.notice.addressees, ["各中小学校、幼儿园"]);
    assert!(!d.notice.body.iter().any(|p| p.contains("幼儿园：")));
    let text = "某某县卫生健康局关于开展医疗质量检查的通知\n\n各医院、卫生院：\n\n　　现就开展医疗质量检查通知如下。\n\n某某县卫生健康局\n2024年5月6日\n";
    let d = gongwen_parse::parse_text(text);
    assert_eq!(d.notice.addressees, ["各医院、卫生院"]);
}
