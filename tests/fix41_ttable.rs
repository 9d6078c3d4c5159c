//! Findings of probe 41 on where one table ends and the next begins, and on tables that are not
//! task tables: a contact list printed right under a task table (text, Markdown, a workbook's
//! sheet, a space-laid copy), a title line between two tables of the normalized text, an
//! attachment's title row inside its own table on a web page, a statistics table by unit and a
//! 资金分配表 whose units column names a duty.

use gongwen_emit::text::to_text;
use gongwen_parse::{Document, InputFormat, Options, parse, parse_text};
use gongwen_tests::task_units;

const HEAD: &str = "福州市人民政府办公厅\n关于印发福州市海洋经济2023年工作要点的通知\n榕政办〔2023〕52号\n各县（市）区人民政府，市直各委、办、局：\n《福州市海洋经济2023年工作要点》已经市政府同意，现印发给你们，请认真贯彻落实。\n附件：福州市海洋经济2023年重点任务分工\n福州市人民政府办公厅\n2023年5月6日\n附件\n福州市海洋经济2023年重点任务分工\n";

const TASKS: &str = "\t序号\t重点任务\t牵头单位\t配合单位\n\t1\t建设国家级海洋牧场示范区3个。\t市海洋渔业局\t市发改委、市工信局\n\t2\t推进海上风电项目建设。\t市发展改革委\t连江县政府、罗源县政府\n";

const CONTACTS: &str =
    "\t单位\t联系人\t职务\t联系电话\n\t市海洋渔业局\t林某某\t科长\t0591-87654321\n";

fn md(text: &str) -> Document {
    parse(
        text.as_bytes(),
        &Options {
            format: Some(InputFormat::Markdown),
            ..Options::default()
        },
    )
    .expect("markdown")
}

fn two_tasks(d: &Document) {
    assert_eq!(
        task_units(d),
        vec![
            (
                "建设国家级海洋牧场示范区3个。",
                vec!["市海洋渔业局"],
                vec!["市发改委", "市工信局"]
            ),
            (
                "推进海上风电项目建设。",
                vec!["市发展改革委"],
                vec!["连江县政府", "罗源县政府"]
            ),
        ],
        "{:#?}",
        d.tasks
    );
}

fn tables(d: &Document) -> Vec<(usize, Vec<Vec<String>>)> {
    d.parts
        .iter()
        .flat_map(|p| &p.tables)
        .map(|t| (t.header_rows, t.rows.clone()))
        .collect()
}

// ---- T01: a contact table printed right under a task table ---------------------------------

#[test]
fn a_contact_table_right_under_a_task_table_is_a_table_of_its_own() {
    for between in ["", "\n"] {
        let d = parse_text(&format!("{HEAD}{TASKS}{between}{CONTACTS}"));
        two_tasks(&d);
        let t = tables(&d);
        assert_eq!(t.len(), 2, "{between:?}: {t:?}");
        assert_eq!(t[0].1.len(), 3);
        assert_eq!(t[1].0, 1);
        assert_eq!(
            t[1].1[1],
            ["市海洋渔业局", "林某某", "科长", "0591-87654321"]
        );
    }
}

#[test]
fn a_note_line_over_a_contact_table_is_no_unit_of_the_last_task() {
    let d = parse_text(&format!(
        "{HEAD}{TASKS}注：各牵头单位联系人如下。\n{CONTACTS}"
    ));
    two_tasks(&d);
    assert_eq!(tables(&d).len(), 2);
}

#[test]
fn the_normalized_text_of_two_tables_reads_back_as_two_tables() {
    let d = parse_text(&format!("{HEAD}{TASKS}\n{CONTACTS}"));
    let again = parse_text(&to_text(&d));
    two_tasks(&again);
    assert_eq!(tables(&again), tables(&d));
}

#[test]
fn a_contact_block_under_the_tasks_of_a_sheet_is_a_table_without_tasks() {
    let cell = |t: &str| {
        format!(
            "<table:table-cell office:value-type=\"string\"><text:p>{t}</text:p></table:table-cell>"
        )
    };
    let row = |cells: &[&str]| {
        let mut r = String::from("<table:table-row>");
        for c in cells {
            if c.is_empty() {
                r.push_str("<table:table-cell/>");
            } else {
                r.push_str(&cell(c));
            }
        }
        r.push_str("</table:table-row>");
        r
    };
    let rows = [
        row(&["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]),
        row(&[
            "1",
            "举办夜游古城系列活动20场。",
            "市文旅局",
            "各区政府",
            "2024年10月",
        ]),
        row(&[
            "2",
            "发放文旅消费券1000万元。",
            "市商务局",
            "市财政局",
            "2024年6月",
        ]),
        row(&["", "", "", "", ""]),
        row(&["联系人信息", "", "", "", ""]),
        row(&["单位", "联系人", "职务", "联系电话", ""]),
        row(&["市文旅局", "周某", "科长", "0512-65221234", ""]),
        row(&["市商务局", "吴某", "副科长", "0512-65222345", ""]),
    ]
    .concat();
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet><table:table table:name=\"Sheet1\">{rows}\
         </table:table></office:spreadsheet></office:body></office:document-content>"
    );
    let d = parse(
        &gongwen_tests::ods_package(&content),
        &Options {
            format: Some(InputFormat::Workbook),
            ..Options::default()
        },
    )
    .expect("ods");
    assert_eq!(
        task_units(&d),
        vec![
            (
                "举办夜游古城系列活动20场。",
                vec!["市文旅局"],
                vec!["各区政府"]
            ),
            (
                "发放文旅消费券1000万元。",
                vec!["市商务局"],
                vec!["市财政局"]
            ),
        ],
        "{:#?}",
        d.tasks
    );
    let t: Vec<_> = d.parts.iter().flat_map(|p| &p.tables).collect();
    assert_eq!(t.len(), 2, "{t:#?}");
    assert_eq!(t[1].caption.as_deref(), Some("联系人信息"));
    assert_eq!(t[1].rows[0], ["单位", "联系人", "职务", "联系电话"]);
    assert_eq!(t[1].rows.len(), 3);
}

// ---- T11: two Markdown tables parted by a blank line -----------------------------------------

#[test]
fn two_markdown_tables_parted_by_a_blank_line_stay_two_tables() {
    let text = format!(
        "{HEAD}\n| 序号 | 重点任务 | 牵头单位 | 配合单位 |\n|---|---|---|---|\n| 1 | 建设国家级海洋牧场示范区3个。 | 市海洋渔业局 | 市发改委、市工信局 |\n| 2 | 推进海上风电项目建设。 | 市发展改革委 | 连江县政府、罗源县政府 |\n\n| 单位 | 联系人 | 职务 | 联系电话 |\n|---|---|---|---|\n| 市海洋渔业局 | 林某某 | 科长 | 0591-87654321 |\n"
    );
    let d = md(&text);
    two_tasks(&d);
    let t = tables(&d);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!((t[0].0, t[0].1.len()), (1, 3));
    assert_eq!((t[1].0, t[1].1.len()), (1, 2));
    assert!(!d.diagnostics.iter().any(|x| x.code == "no_task_table"));
}

// ---- T02: a title line between two tables of the normalized text ------------------------------

#[test]
fn a_title_line_between_two_tables_is_no_cell_of_the_first() {
    let text = format!(
        "{HEAD}{TASKS}\t单位名称\t联络员\t职务\t办公电话\t手机\n\t\t\t\t\t\n2023年度美丽乡村示范村名单\n\t序号\t县区\t镇（街道）\t村名\n\t1\t陈仓区\t虢镇街道\t西街村\n\t2\t凤翔区\t柳林镇\t柳林村\n"
    );
    let d = parse_text(&text);
    two_tasks(&d);
    let t = tables(&d);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(
        t.iter()
            .flat_map(|(_, rows)| rows.iter().flatten())
            .all(|c| !c.contains("示范村名单")),
        "{t:?}"
    );
    assert_eq!(t[2].1[0], ["序号", "县区", "镇（街道）", "村名"]);
}

// ---- T13: a web page's attachment title row inside its own table ------------------------------

#[test]
fn an_attachment_title_row_over_a_contact_table_starts_that_attachment() {
    let page = "<html><head><meta charset=utf-8></head><body>\
        <p>温州市人民政府办公室关于印发温州市民营经济2023年工作要点的通知</p>\
        <p>各县（市、区）人民政府，市政府直属各单位：</p>\
        <p>《温州市民营经济2023年工作要点》已经市政府同意，现印发给你们，请认真贯彻实施。</p>\
        <p>附件：1．温州市民营经济重点任务清单</p><p>2．联络员名单</p>\
        <p>温州市人民政府办公室</p><p>2023年3月30日</p>\
        <table border=1><tr><td colspan=4>附件1　温州市民营经济重点任务清单</td></tr>\
        <tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>\
        <tr><td>1</td><td>出台新一轮政策。</td><td>市发展改革委</td><td>市工商联</td></tr>\
        <tr><td>2</td><td>培育单项冠军企业10家。</td><td>市经信局</td><td>市科技局</td></tr></table>\
        <table border=1><tr><td colspan=4>附件2　联络员名单</td></tr>\
        <tr><td>单位</td><td>联络员</td><td>职务</td><td>联系电话</td></tr>\
        <tr><td>市发展改革委</td><td>郑某</td><td>科长</td><td>0577-88961234</td></tr></table>\
        </body></html>";
    let d = parse(
        page.as_bytes(),
        &Options {
            format: Some(InputFormat::Html),
            ..Options::default()
        },
    )
    .expect("html");
    assert_eq!(
        task_units(&d),
        vec![
            ("出台新一轮政策。", vec!["市发展改革委"], vec!["市工商联"]),
            ("培育单项冠军企业10家。", vec!["市经信局"], vec!["市科技局"]),
        ],
        "{:#?}",
        d.tasks
    );
    let p = d
        .parts
        .iter()
        .find(|p| p.label.as_deref() == Some("附件2"))
        .expect("附件2");
    assert_eq!(p.title.as_deref(), Some("联络员名单"));
    assert_eq!(p.tables.len(), 1);
    assert_eq!(p.tables[0].header_rows, 1);
    assert!(!d.diagnostics.iter().any(|x| x.code == "attachment_missing"));
}

// ---- T12: a statistics table by unit ----------------------------------------------------------

#[test]
fn a_statistics_table_by_unit_gives_no_tasks() {
    let text = "海口市人民政府办公室关于2023年为民办实事项目进展情况的通报\n海府办函〔2023〕201号\n各区人民政府，市政府直属各单位：\n截至2023年9月30日，各责任单位承担的为民办实事项目推进情况如下：\n\t责任单位\t承担项目数（个）\t已完工（个）\t完工率\n\t市教育局\t3\t2\t66.7%\n\t市卫生健康委\t2\t2\t100%\n\t市交通运输和港航局\t4\t1\t25.0%\n请进度滞后的单位加快推进，确保年底前全面完成。\n海口市人民政府办公室\n2023年10月8日\n";
    let d = parse_text(text);
    assert!(d.tasks.is_empty(), "{:#?}", d.tasks);
    assert_eq!(tables(&d).len(), 1);
}

// ---- T04: a 资金分配表 whose units column names a duty ------------------------------------------

#[test]
fn a_funding_table_by_place_gives_no_tasks_whatever_its_units_column_says() {
    let text = "青海省财政厅关于下达2024年乡村振兴补助资金的通知\n青财农字〔2024〕88号\n各市州财政局：\n现将2024年乡村振兴补助资金下达给你们，请加快资金拨付。\n附件：2024年乡村振兴补助资金分配表\n青海省财政厅\n2024年3月15日\n附件\n2024年乡村振兴补助资金分配表\n\t序号\t地区\t分配金额\t其中：产业发展\t资金管理责任单位\n\t1\t西宁市\t12560\t8000\t西宁市财政局\n\t2\t海东市\t18430\t12000\t海东市财政局\n\t\t合计\t30990\t20000\t\n";
    let d = parse_text(text);
    assert!(d.tasks.is_empty(), "{:#?}", d.tasks);
    // A task table with a named task column beside the same units column still gives tasks.
    let tasks = text.replace("\t地区\t分配金额", "\t重点任务\t分配金额");
    assert_eq!(parse_text(&tasks).tasks.len(), 2);
}

// ---- T17: a space-laid contact table under a space-laid task table ---------------------------

#[test]
fn a_space_laid_numbered_contact_table_is_a_table_with_its_columns_apart() {
    let text = format!(
        "{HEAD}\n序号   重点任务                      牵头单位          配合单位\n1      建设国家级海洋牧场示范区3个。 市海洋渔业局      市发改委、市工信局\n2      推进海上风电项目建设。        市发展改革委      连江县政府、罗源县政府\n\n序号   单位              联系人    联系电话\n1      市海洋渔业局      黄某      0756-2121234\n2      市发展改革委      梁某      0756-2122345\n"
    );
    let d = parse_text(&text);
    two_tasks(&d);
    let t = tables(&d);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(t[1].1[0], ["序号", "单位", "联系人", "联系电话"]);
    assert_eq!(t[1].1[1], ["1", "市海洋渔业局", "黄某", "0756-2121234"]);
}
