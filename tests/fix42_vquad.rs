//! Fixes of the forty-second stop (vquad): steps that grew with the square of the input (a page
//! of thousands of numbered attachment links, a workbook of thousands of sheets), Markdown
//! over the block limit parsed whole before it was refused, a 附件说明 numbered past 999 cut
//! without a word, and an ordinal `第N项…任务` read as a stated task count.

use gongwen_parse::{Error, InputFormat, Limits, Options, parse};
use gongwen_tests::{codes, given, in_linear_time};

// ---------------------------------------------------------------- V06

/// A portal's notice that publishes its attachments as `n` file links labelled
/// `附件N．某某清单` (no 附件说明 list above them).
fn linked_attachments_page(n: usize) -> String {
    let mut html = String::from(
        "<html><head><meta charset='utf-8'><title>关于印发某某方案的通知</title></head><body><div class='article'>\
         <h1>某某市人民政府办公室关于印发某某方案的通知</h1><p>某府办发〔2024〕9号</p>\
         <p>各区县人民政府，市政府各部门：</p><p>经市政府同意，现印发给你们，请认真贯彻执行。</p>\
         <p>某某市人民政府办公室</p><p>2024年5月6日</p><p>附件：</p>",
    );
    for i in 1..=n {
        html.push_str(&format!(
            "<p><a href='/files/fj{i}.docx'>附件{i}．第{i}批项目清单</a></p>"
        ));
    }
    html.push_str("</div></body></html>");
    html
}

#[test]
fn thousands_of_numbered_attachment_links_are_read_in_linear_time() {
    // Each link's number was searched for in the whole list read so far: 120,000 links cost
    // some 7 billion comparisons (minutes in a debug build); looked up, the page reads in
    // seconds.
    let n = 120_000;
    let html = linked_attachments_page(n);
    let d = in_linear_time(|| parse(html.as_bytes(), &given(InputFormat::Html)).expect("parses"));
    let a = &d.notice.attachments;
    assert_eq!(a.len(), n);
    assert_eq!(
        (a[0].index, a[0].title.as_str()),
        (Some(1), "第1批项目清单")
    );
    let last = &a[n - 1];
    assert_eq!(last.index, Some(n as u32));
    assert_eq!(last.title, format!("第{n}批项目清单"));
    assert_eq!(
        d.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
        Some("某府办发〔2024〕9号")
    );
}

#[test]
fn a_numbered_link_to_a_listed_attachment_is_still_that_attachment() {
    // The lookup by number finds the listed entry the link publishes: listed once, not twice.
    let html = "<html><head><meta charset='utf-8'><title>关于印发某某方案的通知</title></head><body><div class='article'>\
        <h1>某某市人民政府办公室关于印发某某方案的通知</h1><p>某府办发〔2024〕9号</p>\
        <p>各区县人民政府，市政府各部门：</p><p>经市政府同意，现印发给你们，请认真贯彻执行。</p>\
        <p>附件：1．重点项目清单</p><p>2．资金安排表</p>\
        <p>某某市人民政府办公室</p><p>2024年5月6日</p>\
        <p><a href='/files/a.docx'>附件2．资金安排表（修订）</a></p>\
        <p><a href='/files/b.docx'>附件1．重点项目清单（修订）</a></p>\
        </div></body></html>";
    let d = parse(html.as_bytes(), &given(InputFormat::Html)).expect("parses");
    let listed: Vec<(Option<u32>, &str)> = d
        .notice
        .attachments
        .iter()
        .map(|a| (a.index, a.title.as_str()))
        .collect();
    assert_eq!(listed, [(Some(1), "重点项目清单"), (Some(2), "资金安排表")]);
}

// ---------------------------------------------------------------- V07

/// A workbook of `n` sheets `任务1` … `任务n`, each a task table of two rows; the last sheet
/// hides its second task's row.
fn many_sheets(n: usize) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for s in 1..=n {
        let ws = wb.add_worksheet();
        ws.set_name(format!("任务{s}")).expect("name");
        for (c, h) in ["序号", "重点任务", "牵头单位", "配合单位"]
            .iter()
            .enumerate()
        {
            ws.write_string(0, c as u16, *h).expect("cell");
        }
        for r in 1..=2u32 {
            ws.write_string(r, 0, r.to_string()).expect("cell");
            ws.write_string(r, 1, format!("推进第{s}片区第{r}项工程建设"))
                .expect("cell");
            ws.write_string(r, 2, "市住房城乡建设局").expect("cell");
            ws.write_string(r, 3, "市财政局").expect("cell");
        }
        if s == n {
            ws.set_row_hidden(2).expect("hidden");
        }
    }
    wb.save_to_buffer().expect("xlsx")
}

#[test]
fn a_workbook_of_thousands_of_sheets_is_read_in_linear_time() {
    // For each sheet the package's directory, `xl/workbook.xml` and its relationships were read
    // again (to look for hidden rows), and each task's sheet was compared with every sheet's
    // name: 5,000 sheets cost tens of millions of steps per sheet read.
    let n = 5_000;
    let bytes = many_sheets(n);
    let d = in_linear_time(|| parse(&bytes, &given(InputFormat::Workbook)).expect("parses"));
    assert_eq!(d.tasks.len(), 2 * n);
    let last = &d.tasks[2 * n - 1];
    assert_eq!(last.text, format!("推进第{n}片区第2项工程建设"));
    assert_eq!(last.lead, ["市住房城乡建设局"]);
    assert_eq!(last.support, ["市财政局"]);
    assert_eq!(last.sheet.as_deref(), Some(format!("任务{n}").as_str()));
    // Each sheet's tasks are grouped by its name, as before.
    assert_eq!(d.tasks[0].group, ["任务1"]);
    assert_eq!(last.group, [format!("任务{n}")]);
    // The hidden row of the last sheet is still found (its part looked up by name).
    let hidden: Vec<&str> = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "row_hidden")
        .map(|x| x.message.as_str())
        .collect();
    assert_eq!(hidden.len(), 1, "{hidden:?}");
    assert!(hidden[0].contains(&format!("任务{n}")), "{}", hidden[0]);
}

// ---------------------------------------------------------------- V10

#[test]
fn a_list_of_attachments_numbered_past_999_says_where_it_stops() {
    let mut text = String::from(
        "某某市人民政府办公室关于公布重点项目清单的通知\n某府办发〔2024〕11号\n各区县人民政府：\n　　现将重点项目清单公布如下。\n",
    );
    text.push_str("　　附件：1．第1号项目清单\n");
    for i in 2..=1002 {
        text.push_str(&format!("　　　　　{i}．第{i}号项目清单\n"));
    }
    text.push_str("某某市人民政府办公室\n2024年6月1日\n");
    let d = parse(text.as_bytes(), &given(InputFormat::Text)).expect("parses");
    assert_eq!(d.notice.attachments.len(), 999);
    assert_eq!(d.notice.attachments[998].title.as_str(), "第999号项目清单");
    let capped: Vec<_> = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "attachment_list_capped")
        .collect();
    assert_eq!(capped.len(), 1, "{:?}", codes(&d));
    assert!(
        capped[0].message.contains("`1000．第1000号项目清单`"),
        "{}",
        capped[0].message
    );
    // Line 1004 of the text: four lines of head, then items 1 to 999.
    assert_eq!(capped[0].line, Some(1004));
}

#[test]
fn a_short_list_of_attachments_says_nothing_about_a_cap() {
    let text = "某某市人民政府办公室关于公布重点项目清单的通知\n某府办发〔2024〕11号\n各区县人民政府：\n　　现将重点项目清单公布如下。\n　　附件：1．重点项目清单\n　　　　　2．资金安排表\n某某市人民政府办公室\n2024年6月1日\n2024．全年完成情况另行通报。\n";
    let d = parse(text.as_bytes(), &given(InputFormat::Text)).expect("parses");
    assert_eq!(d.notice.attachments.len(), 2);
    assert!(!codes(&d).contains(&"attachment_list_capped"));
}

// ---------------------------------------------------------------- V11

#[test]
fn an_ordinal_item_is_no_stated_task_count() {
    // `第5项重点改革任务` names the fifth task, it does not say there are five.
    let text = "某某市人民政府办公室关于落实重点改革任务的通知
某府办发〔2024〕5号
各区县人民政府，市政府各部门：
　　为推动第5项重点改革任务和第十二项重点改革任务落地见效，现将有关事项通知如下：
　　1．推进审批制度改革，压减审批时限。（牵头单位：市发展改革委；配合单位：市司法局）
　　2．推进财政体制改革，完善转移支付。（牵头单位：市财政局；配合单位：市审计局）
　　3．推进国资国企改革，健全监管体制。（牵头单位：市国资委）
某某市人民政府办公室
2024年3月5日
";
    let d = parse(text.as_bytes(), &given(InputFormat::Text)).expect("parses");
    assert_eq!(d.tasks.len(), 3);
    assert_eq!(d.tasks[0].text, "推进审批制度改革，压减审批时限。");
    assert_eq!(d.tasks[0].lead, ["市发展改革委"]);
    assert_eq!(d.tasks[0].support, ["市司法局"]);
    assert_eq!(d.tasks[2].lead, ["市国资委"]);
    assert!(
        !codes(&d).contains(&"task_count_mismatch"),
        "{:?}",
        d.diagnostics
    );
}

#[test]
fn a_wrong_count_stated_twice_is_reported_once() {
    let text = "某某市人民政府办公室关于印发重点任务分工方案的通知
某府办发〔2024〕6号
各区县人民政府，市政府各部门：
　　现将5项重点任务分工印发给你们，请认真贯彻落实。
　　各单位要对照5项重点任务，逐项抓好落实。
某某市人民政府办公室
2024年3月5日
\t序号\t重点任务\t牵头单位
\t1\t推进审批制度改革\t市发展改革委
\t2\t推进财政体制改革\t市财政局
";
    let d = parse(text.as_bytes(), &given(InputFormat::Text)).expect("parses");
    assert_eq!(d.tasks.len(), 2);
    assert_eq!(d.tasks[1].text, "推进财政体制改革");
    assert_eq!(d.tasks[1].lead, ["市财政局"]);
    let mismatches: Vec<_> = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "task_count_mismatch")
        .collect();
    assert_eq!(mismatches.len(), 1, "{mismatches:?}");
    assert!(mismatches[0].message.contains("`5项重点任务`"));
    assert_eq!(mismatches[0].line, Some(4));
}

// ---------------------------------------------------------------- V12

#[test]
fn markdown_over_the_block_limit_is_refused_by_its_line_count_before_it_is_parsed() {
    // 1,500,000 lines of nested quotes: all of them were parsed as Markdown before the plain
    // text's lines were counted; now the source's lines are counted first, as a plain text's
    // are (its plain form has at least as many lines). The result is the same error either
    // way — what changed is the work before it (seconds of parsing, hundreds of MB).
    // (This test passes without the fix too: it pins the error, not the cost.)
    let md = "> > > 加强组织领导\n".repeat(1_500_000);
    let options = Options {
        format: Some(InputFormat::Markdown),
        limits: Limits {
            max_blocks: 1_000,
            ..Limits::default()
        },
    };
    let err = in_linear_time(|| parse(md.as_bytes(), &options)).expect_err("over the limit");
    match err {
        Error::Limit {
            value, limit, flag, ..
        } => {
            assert_eq!(
                (value, limit, flag.as_str()),
                (1_500_000, 1_000, "--max-blocks")
            );
        }
        other => panic!("expected a limit error, got {other:?}"),
    }
}
