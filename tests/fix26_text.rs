//! The normalized text puts a letter's task table, its 附件说明 and a merged number cell where
//! the source prints them, so that the text parses back to the same model and writes the same
//! text again.

use gongwen_parse::{Document, InputFormat, Options, parse, parse_text};
use gongwen_tests::strip_lines;
use serde_json::Value;

fn text(doc: &Document) -> String {
    gongwen_emit::text::to_text(doc)
}

fn html(page: &str) -> Document {
    let options = Options {
        format: Some(InputFormat::Html),
        ..Options::default()
    };
    parse(page.as_bytes(), &options).expect("page parses")
}

/// The model as JSON without its source lines and source format, which differ between
/// renderings by design.
fn model(doc: &Document) -> Value {
    let mut v = serde_json::to_value(doc).expect("serializes");
    strip_lines(&mut v);
    if let Some(m) = v.as_object_mut() {
        m.remove("source");
    }
    v
}

fn groups(doc: &Document) -> Vec<Vec<&str>> {
    doc.tasks
        .iter()
        .map(|t| t.group.iter().map(String::as_str).collect())
        .collect()
}

fn codes(doc: &Document) -> Vec<&str> {
    doc.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

/// Text → model → text → model: the same model and the same text.
fn assert_round_trip(doc: &Document) -> String {
    let once = text(doc);
    let again = parse_text(&once);
    assert_eq!(model(&again), model(doc), "text:\n{once}");
    assert_eq!(text(&again), once);
    once
}

const TABLE: &str = "\t序号\t主要任务\t牵头单位\t配合单位
\t1\t推进政务服务标准化。\t市政务服务管理办\t市大数据发展局
\t2\t加强知识产权保护。\t市知识产权局\t市法院
";

#[test]
fn a_task_table_under_a_letter_heading_stays_under_it() {
    let src = format!(
        "某某市人民政府办公室关于做好重点任务落实工作的通知
各区县人民政府，市政府各部门：
　　一、重点任务
{TABLE}　　二、工作要求
　　各单位要明确专人负责，每季度末报送进展情况。
某某市人民政府办公室
2024年2月1日
"
    );
    let doc = parse_text(&src);
    assert_eq!(groups(&doc), [["一、重点任务"], ["一、重点任务"]]);
    let once = assert_round_trip(&doc);
    assert!(
        once.contains(&format!("一、重点任务\n{TABLE}二、工作要求\n")),
        "{once}"
    );
}

#[test]
fn a_task_table_under_the_last_heading_stands_before_the_closing_formula() {
    let src = format!(
        "某某市人民政府办公室关于做好重点任务落实工作的通知
各区县人民政府，市政府各部门：
　　一、工作要求
　　各单位要明确专人负责。
　　二、重点任务
{TABLE}　　特此通知。
某某市人民政府办公室
2024年2月1日
"
    );
    let doc = parse_text(&src);
    let once = assert_round_trip(&doc);
    assert!(
        once.contains(&format!("二、重点任务\n{TABLE}特此通知。\n")),
        "{once}"
    );
}

#[test]
fn a_captioned_letter_table_still_follows_its_caption() {
    let src = format!(
        "某某市人民政府办公室关于做好重点任务落实工作的通知
各区县人民政府，市政府各部门：
　　一、重点任务
　　现将重点任务列表如下：
　　重点任务分工表
{TABLE}　　二、工作要求
　　各单位要明确专人负责。
某某市人民政府办公室
2024年2月1日
"
    );
    let doc = parse_text(&src);
    let once = assert_round_trip(&doc);
    assert!(
        once.contains(&format!("重点任务分工表\n{TABLE}二、工作要求\n")),
        "{once}"
    );
}

#[test]
fn a_plan_published_without_its_letter_keeps_its_attachment_list_above_the_attachment() {
    let src = format!(
        "某某市优化营商环境三年行动方案

　　为持续优化营商环境，制定本方案。
　　一、总体要求
　　到2025年，营商环境达到全国一流水平。
　　二、保障措施
　　各区县、各部门要按照任务分工抓好落实。

　　附件：某某市优化营商环境重点任务分工

附件

某某市优化营商环境重点任务分工

{TABLE}"
    );
    let doc = parse_text(&src);
    assert!(codes(&doc).is_empty(), "{:?}", doc.diagnostics);
    let once = assert_round_trip(&doc);
    assert!(
        once.contains("抓好落实。\n附件：某某市优化营商环境重点任务分工\n附件\n某某市优化营商环境重点任务分工\n"),
        "{once}"
    );
}

#[test]
fn a_letters_attachment_list_stays_above_its_signature() {
    let src = format!(
        "某某市人民政府办公室关于印发重点任务分工的通知
各区县人民政府，市政府各部门：
　　现将重点任务分工印发给你们，请认真贯彻落实。
　　附件：某某市重点任务分工
某某市人民政府办公室
2024年2月1日
附件
某某市重点任务分工
{TABLE}"
    );
    let doc = parse_text(&src);
    let once = assert_round_trip(&doc);
    assert!(
        once.contains("请认真贯彻落实。\n附件：某某市重点任务分工\n某某市人民政府办公室\n"),
        "{once}"
    );
}

const PAGE: &str = r#"<html><body>
<p>某某市人民政府办公室关于做好营商环境重点任务落实工作的通知</p>
<p>各区县人民政府，市政府各部门：</p>
<p>　　现将2024年营商环境重点任务列出如下，请认真贯彻落实。</p>
<table border="1">
<tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th></tr>
<tr><td ROWSPAN>1</td><td>推进企业开办标准化。</td><td>市市场监管局</td><td>市税务局</td></tr>
<tr><td>推行电子营业执照跨区域互认。</td><td>市市场监管局</td><td>市公安局</td></tr>
<tr><td>2</td><td>优化纳税服务。</td><td>市税务局</td><td>市财政局</td></tr>
</table>
<p>某某市人民政府办公室</p>
<p>2024年3月20日</p>
</body></html>"#;

#[test]
fn a_number_cell_merged_down_is_printed_once() {
    let doc = html(&PAGE.replace("ROWSPAN", r#"rowspan="2""#));
    let seqs: Vec<u32> = doc.tasks.iter().map(|t| t.seq).collect();
    assert_eq!(seqs, [1, 1, 2]);
    assert!(codes(&doc).is_empty(), "{:?}", doc.diagnostics);
    let once = text(&doc);
    assert!(
        once.contains("\t1\t推进企业开办标准化。\t市市场监管局\t市税务局\n\t\t推行电子营业执照跨区域互认。\t市市场监管局\t市公安局\n\t2\t"),
        "{once}"
    );
    let again = parse_text(&once);
    assert!(codes(&again).is_empty(), "{:?}", again.diagnostics);
    assert_eq!(
        gongwen_tests::essentials(&again.tasks),
        gongwen_tests::essentials(&doc.tasks)
    );
    assert_eq!(text(&again), once);
}

#[test]
fn a_number_printed_on_every_row_is_printed_on_every_row() {
    let page = PAGE
        .replace("ROWSPAN", "")
        .replace("<td>2</td><td>优化", "<td>3</td><td>优化")
        .replace("<tr><td>推行", "<tr><td>2</td><td>推行");
    let doc = html(&page);
    let once = text(&doc);
    assert!(
        once.contains("\n\t2\t推行电子营业执照跨区域互认。"),
        "{once}"
    );
    assert_round_trip(&doc);
}
