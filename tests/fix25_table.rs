//! Task tables of tester G's probe: support columns named by their nouns (`参加单位`,
//! `协作单位`) or as the others beside the main ones (`主要责任单位 | 其他责任单位`), an
//! identifier column (`项目编号`) before the name column, a date broken by hand over lines in a
//! narrow 完成时限 cell, and a header cell spanning two grid columns of a Word table.

use gongwen_parse::{Document, Options, parse};

fn read(bytes: &[u8]) -> Document {
    parse(bytes, &Options::default()).expect("parses")
}

/// A task as (text, lead, support).
type Essentials<'a> = (&'a str, Vec<&'a str>, Vec<&'a str>);

fn tasks(d: &Document) -> Vec<Essentials<'_>> {
    d.tasks
        .iter()
        .map(|t| {
            (
                t.text.as_str(),
                t.lead.iter().map(String::as_str).collect(),
                t.support.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

/// A notice whose attachment is a tab-separated task table under `header`, one row per item.
fn notice(header: &str, rows: &[&str]) -> String {
    format!(
        "福建省人民政府办公厅关于印发加快推进充电基础设施建设实施方案的通知\n\
         闽政办〔2024〕15号\n\n\
         各市、县（区）人民政府，省人民政府各部门：\n\
         \u{3000}\u{3000}《实施方案》已经省人民政府同意，现印发给你们，请认真组织实施。\n\n\
         附件：重点任务分工\n\n\
         福建省人民政府办公厅\n\
         2024年3月15日\n\n\
         附件\n\n\
         重点任务分工\n\n\
         {header}\n{}\n",
        rows.join("\n")
    )
}

/// G15: `参加单位`, `参加部门`, `协作单位` head the supporting units, and so does `其他责任单位`
/// beside `主要责任单位`.
#[test]
fn support_columns_named_by_their_nouns() {
    for (lead, support) in [
        ("牵头单位", "参加单位"),
        ("牵头单位", "参加部门"),
        ("牵头单位", "协作单位"),
        ("主要责任单位", "其他责任单位"),
    ] {
        let text = notice(
            &format!("序号\t重点任务\t{lead}\t{support}"),
            &["1\t加快高速公路服务区充电设施建设。\t省交通运输厅\t省发改委、国网福建省电力公司"],
        );
        let d = read(text.as_bytes());
        assert_eq!(
            tasks(&d),
            vec![(
                "加快高速公路服务区充电设施建设。",
                vec!["省交通运输厅"],
                vec!["省发改委", "国网福建省电力公司"]
            )],
            "{lead} | {support}"
        );
        assert!(d.tasks[0].extra.is_empty(), "{lead} | {support}");
    }
}

/// G15, the pairs that were read right stay so: `牵头单位 | 责任单位` and a people column
/// (`参加人员`) is no units column.
#[test]
fn other_unit_pairs_unchanged() {
    let text = notice(
        "序号\t重点任务\t牵头单位\t责任单位",
        &["1\t推进居民小区充电设施建设。\t省住建厅\t省发改委"],
    );
    let d = read(text.as_bytes());
    assert_eq!(
        tasks(&d),
        vec![(
            "推进居民小区充电设施建设。",
            vec!["省住建厅"],
            vec!["省发改委"]
        )]
    );
    let text = notice(
        "序号\t重点任务\t牵头单位\t参加人员",
        &["1\t推进居民小区充电设施建设。\t省住建厅\t张某"],
    );
    let d = read(text.as_bytes());
    assert_eq!(
        tasks(&d),
        vec![("推进居民小区充电设施建设。", vec!["省住建厅"], vec![])]
    );
    assert_eq!(
        d.tasks[0].extra.get("参加人员").map(String::as_str),
        Some("张某")
    );
}

/// G17: a `项目编号` column before `项目名称` is the project's identifier, not its text.
#[test]
fn identifier_column_is_not_the_text() {
    let text = notice(
        "序号\t项目编号\t项目名称\t建设内容及规模\t责任单位",
        &[
            "1\tQH2024-001\t西宁至成都铁路青海段\t新建铁路线路全长236公里\t省发展改革委",
            "2\tQH2024-002\t海南州清洁能源基地\t建设光伏500万千瓦\t省能源局",
        ],
    );
    let d = read(text.as_bytes());
    assert_eq!(
        tasks(&d),
        vec![
            ("西宁至成都铁路青海段", vec!["省发展改革委"], vec![]),
            ("海南州清洁能源基地", vec!["省能源局"], vec![]),
        ]
    );
    assert_eq!(
        d.tasks[0].extra.get("项目编号").map(String::as_str),
        Some("QH2024-001")
    );
    // With no name or content column beside it, the identifier column is still the one left.
    let text = notice("序号\t事项编码\t责任单位", &["1\tQZ-001\t省发展改革委"]);
    let d = read(text.as_bytes());
    assert_eq!(tasks(&d), vec![("QZ-001", vec!["省发展改革委"], vec![])]);
}

/// An HTML notice whose task table has a 完成时限 cell of `deadline` (with `<br>`).
fn html_with_deadline(deadline: &str) -> String {
    format!(
        "<html><head><meta charset=\"utf-8\"></head><body>\
         <p>福建省人民政府办公厅关于印发加快推进充电基础设施建设实施方案的通知</p>\
         <p>闽政办〔2024〕15号</p>\
         <p>各市、县（区）人民政府，省人民政府各部门：</p>\
         <p>　　现印发给你们，请认真组织实施。</p>\
         <p>福建省人民政府办公厅</p><p>2024年3月15日</p>\
         <p>附件</p><p>重点任务分工</p>\
         <table><tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td><td>备注</td></tr>\
         <tr><td>1</td><td>加快高速公路服务区充电<br>设施建设。</td><td>省交通运输厅</td><td>省发改委</td>\
         <td>{deadline}</td><td>2024年<br>扩大试点</td></tr></table></body></html>"
    )
}

/// G05: a date broken by hand in a narrow 完成时限 cell reads as one; breaks between two dates,
/// and in other columns, stay.
#[test]
fn deadline_broken_over_lines_is_one_date() {
    let deadline = |cell: &str| {
        let d = read(html_with_deadline(cell).as_bytes());
        assert_eq!(d.tasks.len(), 1, "{cell}");
        assert_eq!(d.tasks[0].text, "加快高速公路服务区充电设施建设。");
        assert_eq!(d.tasks[0].extra["备注"], "2024年\n扩大试点");
        d.tasks[0].extra["完成时限"].clone()
    };
    assert_eq!(deadline("2024年<br>底前"), "2024年底前");
    assert_eq!(deadline("2024年<br>12月底前"), "2024年12月底前");
    assert_eq!(deadline("2024年6月<br>底前"), "2024年6月底前");
    // Two dates, or two years, on lines of their own stay apart.
    assert_eq!(
        deadline("2024年6月底前<br>2024年12月底前"),
        "2024年6月底前\n2024年12月底前"
    );
    assert_eq!(deadline("2024年<br>2025年"), "2024年\n2025年");
}

/// A Word table of `rows` (cells as (text, grid columns spanned)) on a grid of `grid` columns.
fn docx_table(grid: usize, rows: &[&[(&str, usize)]]) -> Vec<u8> {
    let para = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
    let mut body: String = [
        "福建省民政厅关于印发养老服务工作要点的通知",
        "闽民〔2024〕3号",
        "各设区市民政局：",
        "　　现将工作要点印发给你们，请认真贯彻落实。",
        "福建省民政厅",
        "2024年3月15日",
        "附件",
        "重点任务分工",
    ]
    .iter()
    .map(|t| para(t))
    .collect();
    body.push_str("<w:tbl><w:tblGrid>");
    body.push_str(&"<w:gridCol w:w=\"2000\"/>".repeat(grid));
    body.push_str("</w:tblGrid>");
    for row in rows {
        body.push_str("<w:tr>");
        for (text, span) in row.iter() {
            let props = if *span > 1 {
                format!("<w:tcPr><w:gridSpan w:val=\"{span}\"/></w:tcPr>")
            } else {
                String::new()
            };
            body.push_str(&format!("<w:tc>{props}{}</w:tc>", para(text)));
        }
        body.push_str("</w:tr>");
    }
    body.push_str("</w:tbl>");
    gongwen_tests::docx_package(&body, &[])
}

/// G12: a header cell spanning two grid columns names one column: the copy of a units cell
/// spanning under it is not an extra `牵头单位`, wherever the row's border between the units
/// stands; a cell of its own under the span is kept.
#[test]
fn header_spanning_two_grid_columns_is_one_column() {
    let d = read(&docx_table(
        5,
        &[
            &[
                ("序号", 1),
                ("具体措施", 1),
                ("牵头单位", 2),
                ("配合单位", 1),
            ],
            &[
                ("1", 1),
                ("扩大老年助餐服务。", 1),
                ("省民政厅", 2),
                ("省财政厅", 1),
            ],
            &[
                ("2", 1),
                ("拓展居家助老服务。", 1),
                ("省民政厅", 1),
                ("省卫生健康委", 2),
            ],
            &[
                ("3", 1),
                ("强化老年用品创新。", 1),
                ("省经信厅", 1),
                ("各设区市", 1),
                ("省科技厅", 1),
            ],
        ],
    ));
    assert_eq!(
        tasks(&d),
        vec![
            ("扩大老年助餐服务。", vec!["省民政厅"], vec!["省财政厅"]),
            ("拓展居家助老服务。", vec!["省民政厅"], vec!["省卫生健康委"]),
            ("强化老年用品创新。", vec!["省经信厅"], vec!["省科技厅"]),
        ]
    );
    assert!(d.tasks[0].extra.is_empty(), "{:?}", d.tasks[0].extra);
    assert!(d.tasks[1].extra.is_empty(), "{:?}", d.tasks[1].extra);
    assert_eq!(
        d.tasks[2].extra.get("牵头单位").map(String::as_str),
        Some("各设区市")
    );
}

/// G02: in a Word table, which marks its merged cells, an empty 序号 cell under a number is a
/// row left unnumbered, counted on: not the number above again, with number 2 said missing.
#[test]
fn empty_number_cell_of_a_word_table_is_counted_on() {
    let d = read(&docx_table(
        4,
        &[
            &[
                ("序号", 1),
                ("具体措施", 1),
                ("牵头单位", 1),
                ("配合单位", 1),
            ],
            &[
                ("1", 1),
                ("扩大老年助餐服务。", 1),
                ("省民政厅", 1),
                ("省财政厅", 1),
            ],
            &[
                ("", 1),
                ("拓展居家助老服务。", 1),
                ("省民政厅", 1),
                ("省卫生健康委", 1),
            ],
            &[
                ("3", 1),
                ("强化老年用品创新。", 1),
                ("省经信厅", 1),
                ("省科技厅", 1),
            ],
        ],
    ));
    let seqs: Vec<u32> = d.tasks.iter().map(|t| t.seq).collect();
    assert_eq!(seqs, vec![1, 2, 3]);
    assert!(
        !d.diagnostics.iter().any(|x| x.code == "task_number_gap"),
        "{:?}",
        d.diagnostics
    );
    // A tab-separated table cannot mark a merged 序号: its empty cell is the number above,
    // printed once.
    let text = notice(
        "序号\t重点任务\t牵头单位\t配合单位",
        &[
            "1\t加快高速公路服务区充电设施建设。\t省交通运输厅\t省发改委",
            "\t推进居民小区充电设施建设。\t省住建厅\t省发改委",
            "2\t推进公共充电设施建设。\t省住建厅\t省发改委",
        ],
    );
    let d = read(text.as_bytes());
    let seqs: Vec<u32> = d.tasks.iter().map(|t| t.seq).collect();
    assert_eq!(seqs, vec![1, 1, 2]);
}
