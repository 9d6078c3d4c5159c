//! Attachment links as portals print them, and workbook furniture: a linked file followed by its
//! size (`（23.5 KB）`), its download count (`下载次数：12`) or offered by a `[下载]` link after its
//! title; links that read only `附件1` / `附件2`; a task table's sign-off row (`制表人：` |
//! `审核人：` | `联系电话：`); a workbook's title cell `附件2：X`, and a second sheet's title.

use gongwen_parse::{Document, InputFormat, Options, parse};
use gongwen_tests::{docx_package, escape_markup, listed_attachments};

fn given(format: InputFormat) -> Options {
    Options {
        format: Some(format),
        ..Options::default()
    }
}

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

/// A portal's page whose article (`#zoom`) holds `letter_tail` under the date and `below`
/// after it.
fn page(attachments: &str, letter_tail: &str, below: &str) -> Vec<u8> {
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>某市人民政府办公室关于印发某市2024年优化营商环境重点任务清单的通知</title></head><body>\
<div class=\"article\"><h1>某市人民政府办公室关于印发某市2024年优化营商环境重点任务清单的通知</h1>\
<div id=\"zoom\">\
<p>某政办函〔2024〕12号</p>\
<p>某市人民政府办公室关于印发某市2024年优化营商环境重点任务清单的通知</p>\
<p>各区县人民政府，市直各单位：</p>\
<p>　　《某市2024年优化营商环境重点任务清单》已经市人民政府同意，现印发给你们，请认真组织实施。</p>\
{attachments}\
<p style=\"text-align:right\">某市人民政府办公室</p><p style=\"text-align:right\">2024年3月20日</p>\
<p>　　（此件主动公开）</p>{letter_tail}</div>{below}</div></body></html>"
    )
    .into_bytes()
}

const ONE_LISTED: &str = "<p>　　附件：某市2024年优化营商环境重点任务清单</p>";
const TASK_LIST: &str = "某市2024年优化营商环境重点任务清单";

fn html(bytes: &[u8]) -> Document {
    parse(bytes, &given(InputFormat::Html)).expect("html")
}

/// The letter's one attachment, found published as the linked file: listed once, no part, no
/// `attachment_missing`, the task table said to be linked.
fn assert_one_linked(d: &Document) {
    assert_eq!(listed_attachments(&d.notice), vec![(None, TASK_LIST)]);
    assert!(d.parts.is_empty(), "{:?}", d.parts);
    let codes = codes(d);
    assert!(!codes.contains(&"attachment_missing"), "{codes:?}");
    assert!(!codes.contains(&"no_task_table"), "{codes:?}");
    assert!(codes.contains(&"task_table_linked"), "{codes:?}");
}

#[test]
fn a_file_size_after_the_link_is_no_part_of_the_attachment() {
    for size in ["（23.5 KB）", "(235KB)", "[1.2M]", "（xlsx，23.5KB）"] {
        let d = html(&page(
            ONE_LISTED,
            &format!("<p>附件：<a href=\"/u/1.xlsx\">{TASK_LIST}.xlsx</a>{size}</p>"),
            "",
        ));
        assert_one_linked(&d);
    }
}

#[test]
fn a_download_count_after_the_link_is_no_enclosure() {
    let d = html(&page(
        ONE_LISTED,
        &format!("<p><a href=\"/u/1.xlsx\">{TASK_LIST}.xlsx</a>　下载次数：12</p>"),
        "",
    ));
    assert_one_linked(&d);
}

#[test]
fn a_download_link_after_the_title_names_the_file_by_that_title() {
    for prompt in ["[下载]", "【下载】", "点击下载"] {
        let d = html(&page(
            ONE_LISTED,
            &format!("<p>附件：{TASK_LIST} <a href=\"/u/1.xlsx\">{prompt}</a></p>"),
            "",
        ));
        assert_one_linked(&d);
    }
}

#[test]
fn files_with_sizes_listed_below_the_article_are_each_listed() {
    // No 附件说明: the linked files are the attachments, each once, by name.
    let below = "<div class=\"fujian\"><h4>附件下载：</h4><ul>\
<li><a href=\"/1.pdf\">某市海洋牧场建设实施方案.pdf</a>（235KB）</li>\
<li><a href=\"/2.xlsx\">海洋牧场建设重点任务清单.xlsx</a>（18KB）</li></ul></div>";
    let d = html(&page("", "", below));
    assert_eq!(
        listed_attachments(&d.notice),
        vec![
            (None, "某市海洋牧场建设实施方案"),
            (None, "海洋牧场建设重点任务清单")
        ]
    );
    // The same in one paragraph of the article, sizes after each link.
    let tail = "<p>附件下载：<a href=\"/1.pdf\">某市海洋牧场建设实施方案.pdf</a>（235KB）<br>\
<a href=\"/2.xlsx\">海洋牧场建设重点任务清单.xlsx</a>（18KB）</p>";
    let d = html(&page("", tail, ""));
    assert_eq!(
        listed_attachments(&d.notice),
        vec![
            (None, "某市海洋牧场建设实施方案"),
            (None, "海洋牧场建设重点任务清单")
        ]
    );
    assert!(d.parts.is_empty(), "{:?}", d.parts);
}

#[test]
fn a_file_size_after_a_file_name_in_a_text_copy_is_dropped_too() {
    let text = format!(
        "某市人民政府办公室关于印发某市2024年优化营商环境重点任务清单的通知\n\n\
某政办函〔2024〕12号\n\n各区县人民政府，市直各单位：\n\n\
《某市2024年优化营商环境重点任务清单》已经市人民政府同意，现印发给你们，请认真组织实施。\n\n\
附件：{TASK_LIST}\n\n某市人民政府办公室\n2024年3月20日\n\n（此件主动公开）\n\n\
附件：{TASK_LIST}.xlsx（23.5 KB）\n"
    );
    let d = parse(text.as_bytes(), &given(InputFormat::Text)).expect("text");
    assert_one_linked(&d);
}

const TWO_LISTED: &str =
    "<p>　　附件：1.某市2024年新能源汽车推广应用工作方案</p><p>　　　　　2.重点任务分工表</p>";

#[test]
fn links_that_read_only_their_labels_are_the_listed_attachments_files() {
    let tail =
        "<p>附件下载：<a href=\"/u/P1.docx\">附件1</a>　<a href=\"/u/P2.xlsx\">附件2</a></p>";
    let d = html(&page(TWO_LISTED, tail, ""));
    assert_eq!(
        listed_attachments(&d.notice),
        vec![
            (Some(1), "某市2024年新能源汽车推广应用工作方案"),
            (Some(2), "重点任务分工表")
        ]
    );
    assert!(d.parts.is_empty(), "{:?}", d.parts);
    let codes = codes(&d);
    assert!(!codes.contains(&"attachment_missing"), "{codes:?}");
    assert!(codes.contains(&"task_table_linked"), "{codes:?}");
}

#[test]
fn a_label_link_before_its_title_still_reads_as_label_and_title() {
    // `<a>附件2</a>：重点任务分工表` — the title follows the link: no `附件2.xlsx` file name is made
    // of the label.
    let tail = "<p><a href=\"/u/P2.xlsx\">附件2</a>：重点任务分工表</p>";
    let d = html(&page(TWO_LISTED, tail, ""));
    let text: Vec<&str> = d
        .parts
        .iter()
        .flat_map(|p| p.title.iter().chain(&p.preamble))
        .map(String::as_str)
        .chain(d.notice.attachments.iter().map(|a| a.title.as_str()))
        .collect();
    assert!(text.iter().all(|t| !t.contains(".xlsx")), "{text:?}");
}

// ---- a task table's sign-off row --------------------------------------------------------------

const HEADER: [&str; 7] = [
    "领域",
    "序号",
    "重点任务",
    "牵头单位",
    "配合单位",
    "完成时限",
    "备注",
];
const ROWS: [[&str; 7]; 2] = [
    [
        "简政放权",
        "1",
        "全面推行证明事项告知承诺制",
        "市司法局",
        "市直各有关部门",
        "2024年6月底",
        "",
    ],
    [
        "放管结合",
        "2",
        "实施信用分级分类监管",
        "市发展改革委",
        "市市场监管局",
        "2024年9月底",
        "",
    ],
];
const SIGNOFF: [&str; 7] = ["制表人：", "", "审核人：", "", "联系电话：", "", ""];

fn assert_two_tasks(d: &Document) {
    let tasks: Vec<(&str, Vec<&str>)> = d
        .tasks
        .iter()
        .map(|t| (t.text.as_str(), t.lead.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        tasks,
        vec![
            ("全面推行证明事项告知承诺制", vec!["市司法局"]),
            ("实施信用分级分类监管", vec!["市发展改革委"]),
        ]
    );
    assert!(!codes(d).contains(&"task_without_lead"), "{:?}", codes(d));
}

#[test]
fn a_workbooks_signoff_row_is_no_task() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "某市2024年“放管服”改革重点任务分工台账")
        .expect("cell");
    let rows = std::iter::once(&HEADER)
        .chain(ROWS.iter())
        .chain([["注：标*的为省级督办事项。", "", "", "", "", "", ""]].iter())
        .chain(std::iter::once(&SIGNOFF));
    for (r, row) in rows.enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32 + 1, c as u16, *v).expect("cell");
            }
        }
    }
    let xlsx = wb.save_to_buffer().expect("xlsx");
    let d = parse(&xlsx, &given(InputFormat::Workbook)).expect("xlsx");
    assert_two_tasks(&d);
}

#[test]
fn a_word_tables_signoff_row_with_names_is_no_task() {
    // Names filled in after the labels, in the label's cell or the one after it.
    let signoff = [
        "填报人：张某",
        "",
        "审核人：",
        "李某",
        "联系电话：",
        "0000-1234567",
        "",
    ];
    let cell = |t: &str| {
        format!(
            "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>",
            escape_markup(t)
        )
    };
    let mut body = String::from("<w:tbl>");
    for row in std::iter::once(&HEADER)
        .chain(ROWS.iter())
        .chain(std::iter::once(&signoff))
    {
        body.push_str("<w:tr>");
        for c in row {
            body.push_str(&cell(c));
        }
        body.push_str("</w:tr>");
    }
    body.push_str("</w:tbl>");
    let d = parse(&docx_package(&body, &[]), &given(InputFormat::Docx)).expect("docx");
    assert_two_tasks(&d);
}

// ---- a workbook's title cells -----------------------------------------------------------------

fn sheet(ws: &mut rust_xlsxwriter::Worksheet, title: &str, task: &str) {
    ws.write_string(0, 0, title).expect("cell");
    for (c, h) in ["序号", "重点任务", "责任单位", "完成时限"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, c as u16, *h).expect("cell");
    }
    for (c, v) in ["1", task, "市生态环境局", "2024年12月"].iter().enumerate() {
        ws.write_string(2, c as u16, *v).expect("cell");
    }
}

#[test]
fn a_workbook_title_cell_with_its_label_gives_label_and_title() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    sheet(
        wb.add_worksheet(),
        "附件2：某市2024年生态环境保护重点任务清单",
        "推进大气污染联防联控",
    );
    let xlsx = wb.save_to_buffer().expect("xlsx");
    let d = parse(&xlsx, &given(InputFormat::Workbook)).expect("xlsx");
    let heads: Vec<(Option<&str>, Option<&str>)> = d
        .parts
        .iter()
        .map(|p| (p.label.as_deref(), p.title.as_deref()))
        .collect();
    assert_eq!(
        heads,
        vec![(Some("附件2"), Some("某市2024年生态环境保护重点任务清单"))]
    );
    assert_eq!(d.tasks.len(), 1);
}

#[test]
fn a_second_sheets_title_is_its_tables_caption_not_prose() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    sheet(
        wb.add_worksheet(),
        "产业发展类任务",
        "新培育专精特新企业50家",
    );
    sheet(wb.add_worksheet(), "民生保障类任务", "新增城镇就业6万人");
    let xlsx = wb.save_to_buffer().expect("xlsx");
    let d = parse(&xlsx, &given(InputFormat::Workbook)).expect("xlsx");
    assert_eq!(d.parts.len(), 1, "{:?}", d.parts);
    let part = &d.parts[0];
    assert!(part.preamble.is_empty(), "{:?}", part.preamble);
    let captions: Vec<Option<&str>> = part.tables.iter().map(|t| t.caption.as_deref()).collect();
    assert_eq!(
        captions,
        vec![Some("产业发展类任务"), Some("民生保障类任务")]
    );
    assert_eq!(d.tasks.len(), 2);
}
