//! Round trips: what gongwen writes (the XLSX workbook, normalized text), read back by gongwen,
//! gives the same notice — tasks, groups, titles and diagnostics.

use gongwen_parse::{Document, Options, parse, parse_text};

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics
        .iter()
        .filter(|x| x.code.starts_with("task_number"))
        .map(|x| x.code.as_str())
        .collect()
}

/// A task's seq, text, lead, support and group.
/// (seq, text, lead, support, group) of every task.
fn tasks(d: &Document) -> Vec<gongwen_tests::Essentials> {
    gongwen_tests::essentials(&d.tasks)
}

fn via_xlsx(doc: &Document) -> Document {
    let bytes = gongwen_emit::xlsx::to_xlsx(doc).expect("written").bytes;
    parse(&bytes, &Options::default()).expect("read back")
}

const PLAN: &str = "某某市人民政府关于印发某某市农业现代化实施方案的通知\n某府发〔2024〕3号\n各区县人民政府，市政府各部门：\n现将《某某市农业现代化实施方案》印发给你们，请认真贯彻落实。\n某某市人民政府\n2024年3月1日\n附件\n某某市农业现代化实施方案\n一、提升粮食生产能力\n（一）落实耕地保护党政同责。（责任单位：市自然资源局、市农业农村局）\n（二）每年新建高标准农田30万亩以上。（市农业农村局牵头，市财政局配合）\n（三）加强种质资源保护利用。\n（四）建设一批育种基地。（市农业农村局牵头，市科技局配合）\n";

/// Inline duties keep their measures' numbers (`（三）` assigns none: 1, 2, 4), which the
/// workbook writes as their 序号; its 文档信息 sheet lists the number it skips (`未列序号 | 3`),
/// so read back the jump is no gap.
#[test]
fn inline_duties_skipping_a_measure_read_back_from_the_workbook_without_a_gap() {
    let doc = parse_text(PLAN);
    let seqs: Vec<u32> = doc.tasks.iter().map(|t| t.seq).collect();
    assert_eq!(seqs, vec![1, 2, 4]);
    assert!(codes(&doc).is_empty(), "{:?}", doc.diagnostics);
    let back = via_xlsx(&doc);
    let (a, b) = (tasks(&doc), tasks(&back));
    assert_eq!(
        b.iter()
            .map(|t| (t.0, &t.1, &t.2, &t.3))
            .collect::<Vec<_>>(),
        a.iter()
            .map(|t| (t.0, &t.1, &t.2, &t.3))
            .collect::<Vec<_>>()
    );
    assert_eq!(back.tasks[2].lead, vec!["市农业农村局".to_string()]);
    assert_eq!(back.tasks[2].support, vec!["市科技局".to_string()]);
    assert!(codes(&back).is_empty(), "{:?}", back.diagnostics);
    assert_eq!(back.notice.title, doc.notice.title);
}

fn ods_sheet(name: &str, rows: &[&[&str]]) -> String {
    let mut s = format!("<table:table table:name=\"{name}\">");
    for row in rows {
        s.push_str("<table:table-row>");
        for cell in *row {
            if cell.is_empty() {
                s.push_str("<table:table-cell/>");
            } else {
                s.push_str(&format!(
                    "<table:table-cell office:value-type=\"string\"><text:p>{cell}</text:p></table:table-cell>"
                ));
            }
        }
        s.push_str("</table:table-row>");
    }
    s.push_str("</table:table>");
    s
}

fn ods(sheets: &[String]) -> Vec<u8> {
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet>{}</office:spreadsheet></office:body></office:document-content>",
        sheets.concat()
    );
    gongwen_tests::ods_package(&content)
}

/// A task sheet numbered 1, 2, 4 beside an info sheet that lists `未列序号 | 3` (the number
/// of a measure that assigns no duty, as gongwen's `文档信息` sheet lists it): the jump over 3
/// is no gap. A row deleted since (1, 4: 2 is not listed), or a workbook that lists no such
/// numbers (one from elsewhere), still reports it.
#[test]
fn listed_skipped_numbers_tell_a_measure_without_duty_from_a_lost_row() {
    let book = |skipped: Option<&str>, rows: &[&[&str]]| {
        let mut table: Vec<&[&str]> = vec![&["序号", "任务", "牵头单位", "配合单位"]];
        table.extend_from_slice(rows);
        let mut sheets = vec![ods_sheet("任务分工", &table)];
        let mut info: Vec<&[&str]> = vec![
            &["要素", "内容"],
            &["标题", "某某市人民政府关于印发某某方案的通知"],
            &["发文机关", "某某市人民政府"],
            &["发文字号", "某府发〔2024〕3号"],
            &["任务数", "3"],
        ];
        let listed;
        if let Some(n) = skipped {
            listed = ["未列序号", n];
            info.push(&listed);
        }
        sheets.push(ods_sheet("文档信息", &info));
        parse(&ods(&sheets), &Options::default()).expect("read")
    };
    let rows: [&[&str]; 3] = [
        &["1", "落实耕地保护责任。", "市自然资源局", ""],
        &["2", "新建高标准农田。", "市农业农村局", "市财政局"],
        &["4", "建设育种基地。", "市农业农村局", "市科技局"],
    ];
    let whole = book(Some("3"), &rows);
    assert_eq!(whole.tasks.len(), 3);
    assert_eq!(whole.tasks[2].seq, 4);
    assert_eq!(
        whole.notice.title.as_deref(),
        Some("某某市人民政府关于印发某某方案的通知")
    );
    assert!(codes(&whole).is_empty(), "{:?}", whole.diagnostics);
    let deleted = book(Some("3"), &[rows[0], rows[2]]);
    assert_eq!(codes(&deleted), vec!["task_number_gap"]);
    let elsewhere = book(None, &rows);
    assert_eq!(codes(&elsewhere), vec!["task_number_gap"]);
}

/// A table that skips a number in the source (a row lost) keeps its `task_number_gap` through
/// the workbook: only an inline duty's skipped numbers are listed as skipped on purpose.
#[test]
fn a_gap_in_a_task_table_survives_the_workbook_round_trip() {
    let text = "某某市人民政府关于印发某某方案的通知\n某府发〔2024〕3号\n各区县人民政府：\n现将《某某方案》印发给你们，请认真贯彻落实。\n某某市人民政府\n2024年3月1日\n附件\n某某方案任务分工\n序号\t任务\t牵头单位\t配合单位\n1\t落实耕地保护责任。\t市自然资源局\t\n2\t新建高标准农田。\t市农业农村局\t市财政局\n4\t建设育种基地。\t市农业农村局\t市科技局\n";
    let doc = parse_text(text);
    assert_eq!(doc.tasks.len(), 3);
    assert_eq!(codes(&doc), vec!["task_number_gap"]);
    let back = via_xlsx(&doc);
    assert_eq!(tasks(&back), tasks(&doc));
    assert_eq!(codes(&back), vec!["task_number_gap"]);
}

/// A 序号 printed once over two measures (`rowspan`) is merged down over their rows in the
/// workbook again: read back, the two tasks share the number without a `task_number_repeat`.
#[test]
fn a_number_shared_by_two_measures_reads_back_from_the_workbook_without_a_repeat() {
    let html = "<html><head><meta charset=\"utf-8\"></head><body>\
        <p>某某市人民政府办公室关于印发某某市优化口岸营商环境若干措施的通知</p><p>某府办发〔2023〕14号</p>\
        <p>各县（市、区）人民政府，市直各单位：</p><p>现将有关措施印发给你们，请认真贯彻落实。</p>\
        <p>某某市人民政府办公室</p><p>2023年6月6日</p>\
        <table border=\"1\"><tr><td>序号</td><td>重点任务</td><td>具体措施</td><td>牵头单位</td><td>配合单位</td></tr>\
        <tr><td rowspan=\"2\">1</td><td rowspan=\"2\">提升通关便利化水平</td><td>推广“两步申报”通关模式。</td><td>某某海关</td><td>市商务局</td></tr>\
        <tr><td>拓展国际贸易“单一窗口”功能。</td><td>市口岸办</td><td>某某海关</td></tr>\
        <tr><td rowspan=\"2\">2</td><td rowspan=\"2\">降低进出口环节费用</td><td>清理规范口岸收费。</td><td>市发展改革委</td><td>市市场监管局</td></tr>\
        <tr><td>推行口岸收费目录清单制度。</td><td>市口岸办</td><td>各港口经营企业</td></tr>\
        <tr><td>3</td><td>优化口岸服务</td><td>推行预约通关。</td><td>某某海关</td><td></td></tr>\
        </table></body></html>";
    let doc = parse(html.as_bytes(), &Options::default()).expect("page");
    let seqs: Vec<u32> = doc.tasks.iter().map(|t| t.seq).collect();
    assert_eq!(seqs, vec![1, 1, 2, 2, 3]);
    assert!(codes(&doc).is_empty(), "{:?}", doc.diagnostics);
    let back = via_xlsx(&doc);
    assert_eq!(tasks(&back), tasks(&doc));
    assert!(codes(&back).is_empty(), "{:?}", back.diagnostics);
}

const TASK_HEADER: &[&str] = &["序号", "任务", "牵头单位", "配合单位"];

/// A workbook with a task sheet per area (each numbered from 1, its tasks grouped by the
/// sheet's name), each sheet titled by a row over its table: its normalized text prints the
/// first title once (the part's title is its table's caption) and each sheet's name as the
/// group row it stands for, so read back the tasks keep their groups and the second list
/// starting at 1 is no `task_number_restart`.
#[test]
fn a_workbook_of_task_sheets_per_area_reads_back_from_its_text_with_its_groups() {
    let sheets = [
        ods_sheet(
            "产业发展",
            &[
                &["产业发展类任务", "", "", ""],
                TASK_HEADER,
                &[
                    "1",
                    "新培育专精特新企业50家。",
                    "市工业和信息化局",
                    "市科技局",
                ],
                &["2", "引进500强企业项目10个。", "市投资促进局", "各区县政府"],
            ],
        ),
        ods_sheet(
            "民生保障",
            &[
                &["民生保障类任务", "", "", ""],
                TASK_HEADER,
                &[
                    "1",
                    "新增城镇就业6万人。",
                    "市人力资源社会保障局",
                    "各区县政府",
                ],
            ],
        ),
    ];
    let doc = parse(&ods(&sheets), &Options::default()).expect("read");
    let groups: Vec<Vec<String>> = doc.tasks.iter().map(|t| t.group.clone()).collect();
    assert_eq!(
        groups,
        vec![
            vec!["产业发展".to_string()],
            vec!["产业发展".to_string()],
            vec!["民生保障".to_string()],
        ]
    );
    assert!(codes(&doc).is_empty(), "{:?}", doc.diagnostics);
    let text = gongwen_emit::text::to_text(&doc);
    assert_eq!(
        text.matches("产业发展类任务").count(),
        1,
        "the title row printed once:\n{text}"
    );
    let back = parse_text(&text);
    assert_eq!(tasks(&back), tasks(&doc), "{text}");
    assert!(codes(&back).is_empty(), "{:?}", back.diagnostics);
    assert_ne!(
        back.notice.title.as_deref(),
        Some("产业发展类任务产业发展类任务")
    );
    // And the text is a fixed point.
    assert_eq!(gongwen_emit::text::to_text(&back).matches('\t').count(), {
        text.matches('\t').count()
    });
}

/// A workbook whose second sheet (a list of another kind: its own header) prints no groups
/// while the first does (group rows): the second sheet's tasks are grouped by its name, which
/// the text keeps (not the sheet's title row).
#[test]
fn a_sheet_grouped_by_its_name_beside_one_with_group_rows_keeps_its_group_in_text() {
    let sheets = [
        ods_sheet(
            "重点任务",
            &[
                &["某某市2023年优化营商环境重点任务清单", "", "", ""],
                TASK_HEADER,
                &["一、市场准入", "", "", ""],
                &["1", "压缩企业开办时间。", "市市场监管局", "市税务局"],
                &["二、获得电力", "", "", ""],
                &["2", "降低用电报装成本。", "某某供电公司", "市发展改革委"],
            ],
        ),
        ods_sheet(
            "重点项目",
            &[
                &["某某市2023年营商环境重点项目表", "", "", ""],
                &["序号", "项目名称", "责任单位", "配合单位"],
                &["1", "建设政务服务APP。", "市大数据局", "市政务服务办"],
            ],
        ),
    ];
    let doc = parse(&ods(&sheets), &Options::default()).expect("read");
    assert_eq!(doc.tasks[2].group, vec!["重点项目".to_string()]);
    let back = parse_text(&gongwen_emit::text::to_text(&doc));
    assert_eq!(tasks(&back), tasks(&doc));
    assert!(codes(&back).is_empty(), "{:?}", back.diagnostics);
}

/// A title row that prints the attachment's label and title in one cell (`附件2：X`) labels the
/// part `附件2` and titles it X; the table's caption is the title alone, not the label.
#[test]
fn a_label_and_title_in_one_title_row_leave_the_caption_without_the_label() {
    let sheets = [ods_sheet(
        "Sheet1",
        &[
            &["附件2：某某市2023年生态环境保护重点任务清单", "", "", ""],
            &["", "", "", ""],
            TASK_HEADER,
            &[
                "1",
                "完成燃煤锅炉淘汰20台。",
                "市生态环境局",
                "各县区人民政府",
            ],
        ],
    )];
    let doc = parse(&ods(&sheets), &Options::default()).expect("read");
    let part = doc.parts.last().expect("a part");
    assert_eq!(part.label.as_deref(), Some("附件2"));
    assert_eq!(
        part.title.as_deref(),
        Some("某某市2023年生态环境保护重点任务清单")
    );
    assert_eq!(
        part.tables[0].caption.as_deref(),
        Some("某某市2023年生态环境保护重点任务清单")
    );
    // The text prints label and title once each, and reads back the same tasks.
    let text = gongwen_emit::text::to_text(&doc);
    assert_eq!(text.matches("附件2").count(), 1, "{text}");
    let back = parse_text(&text);
    assert_eq!(tasks(&back), tasks(&doc));
}
