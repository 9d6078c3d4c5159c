//! A WeChat post copied as text: the post's headline, byline and lead-in above the notice, and
//! its credits and bar under it, are passed over (tester D, finding 39).

use gongwen_parse::{Document, Options, parse};

fn read(text: &str) -> Document {
    parse(text.as_bytes(), &Options::default()).expect("the text parses")
}

const HEADLINE: &str = "重磅！我省印发促进民营经济发展壮大若干措施\n";
const BYLINE: &str = "原创 某省发布 某省发布 2023-09-22 19:30 发表于湖北\n点击蓝字 关注我们\n";
const LEAD_IN: &str = "近日，省政府办公厅印发《某省促进民营经济发展壮大若干措施》，全文如下↓↓↓\n";
const NOTICE: &str = "\
某省人民政府办公厅关于印发某省促进民营经济发展壮大若干措施的通知
某政办发〔2023〕30号
各市、州、县人民政府，省政府各部门：
《某省促进民营经济发展壮大若干措施》已经省人民政府同意，现印发给你们，请认真组织实施。
某省人民政府办公厅
2023年9月18日
某省促进民营经济发展壮大若干措施
一、持续破除市场准入壁垒。全面落实市场准入负面清单制度。（责任单位：省发改委、省市场监管局）
二、强化公平竞争审查刚性约束。开展妨碍统一市场和公平竞争政策措施清理。（责任单位：省市场监管局）
";
const TRAILER: &str = "\
来源：某省人民政府网
编辑：陈晨
审核：周亮
监制：王磊
阅读原文
阅读 2.1万
分享 收藏 赞 在看 31
写留言
";

const TITLE: &str = "某省人民政府办公厅关于印发某省促进民营经济发展壮大若干措施的通知";

fn assert_head(doc: &Document, what: &str) {
    let n = &doc.notice;
    assert_eq!(n.issuer.as_deref(), Some("某省人民政府办公厅"), "{what}");
    assert_eq!(n.title.as_deref(), Some(TITLE), "{what}");
    assert_eq!(
        n.doc_number.as_ref().map(|d| d.raw.as_str()),
        Some("某政办发〔2023〕30号"),
        "{what}"
    );
    assert_eq!(
        n.addressees,
        ["各市、州、县人民政府", "省政府各部门"],
        "{what}"
    );
}

fn last_paragraphs(doc: &Document) -> &[String] {
    &doc.parts[0].sections.last().expect("sections").paragraphs
}

#[test]
fn a_wechat_posts_headline_lead_in_credits_and_bar_are_passed_over() {
    let doc = read(&[HEADLINE, BYLINE, LEAD_IN, NOTICE, TRAILER].concat());
    assert_head(&doc, "whole post");
    assert_eq!(
        last_paragraphs(&doc),
        ["开展妨碍统一市场和公平竞争政策措施清理。（责任单位：省市场监管局）"]
    );
}

#[test]
fn a_paraphrasing_headline_over_the_posts_time_is_passed_over_without_a_lead_in() {
    assert_head(&read(&[HEADLINE, BYLINE, NOTICE].concat()), "no lead-in");
}

#[test]
fn a_lead_in_is_passed_over_without_a_headline() {
    assert_head(&read(&[LEAD_IN, NOTICE].concat()), "lead-in alone");
}

#[test]
fn a_headline_over_a_post_whose_notice_has_no_title_stays_the_title() {
    // The notice under the post opens with its number: the headline is its only title.
    let body = NOTICE.split_once('\n').expect("two lines").1;
    let doc = read(&[&format!("{TITLE}\n"), BYLINE, body].concat());
    assert_eq!(doc.notice.title.as_deref(), Some(TITLE));
}

#[test]
fn a_notices_own_full_text_follows_sentence_is_kept() {
    // `全文如下：` under the addressees is the notice's sentence, not a post's lead-in.
    let text = "\
某县人民政府办公室关于转发某市通知的通知
某府办发〔2023〕5号
各乡镇人民政府：
现将某市人民政府办公厅通知转发给你们，请认真贯彻落实，全文如下：
某市人民政府办公厅关于做好某项工作的通知
各区县人民政府：
请做好某项工作。
";
    let doc = read(text);
    assert_eq!(
        doc.notice.title.as_deref(),
        Some("某县人民政府办公室关于转发某市通知的通知")
    );
    assert_eq!(
        doc.notice.doc_number.as_ref().map(|d| d.raw.as_str()),
        Some("某府办发〔2023〕5号")
    );
    assert!(
        doc.notice.body.iter().any(|p| p.ends_with("全文如下："))
            || doc
                .parts
                .iter()
                .any(|p| p.preamble.iter().any(|l| l.ends_with("全文如下："))),
        "{:?}",
        doc.notice.body
    );
}

#[test]
fn a_reading_heading_or_a_lone_credit_under_a_table_is_kept() {
    // `阅读` alone is no post's bar, and a lone `来源：` with nothing sure under it is kept.
    let text = [NOTICE, "来源：省统计局\n"].concat();
    let doc = read(&text);
    assert_eq!(
        last_paragraphs(&doc).last().map(String::as_str),
        Some("来源：省统计局")
    );
}

// A ruled table extracted by `pdftotext` without `-layout`: each column of a page comes as a
// run of cells, the numbers first (tester D, finding 10).

const HEAD: &str = "\
某省人民政府办公厅关于印发某省行动方案的通知
某政办发〔2022〕31号
各市州人民政府，省政府各厅委、各直属机构：
《某省行动方案》已经省人民政府同意，现印发给你们，请认真贯彻执行。
某省人民政府办公厅
2022年6月10日
附件
重点任务分工表

序号

重点任务

牵头单位

配合单位

";

fn codes(doc: &Document) -> Vec<&str> {
    doc.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn a_table_extracted_column_by_column_makes_no_task_and_is_warned_of() {
    let columns = "\
1

2

3

建设物流枢纽，完善枢纽集疏运
体系。

推进县乡村三级物流配送体系建设。

发展冷链物流，建设骨干冷链物流基地。

省发展改革委

省商务厅

省发展改革委

省交通运输厅、某
市人民政府

省邮政管理局、省供
销社

省商务厅、省农业农
村厅
";
    let doc = read(&[HEAD, columns].concat());
    assert!(doc.tasks.is_empty(), "{:?}", doc.tasks);
    let warning = doc
        .diagnostics
        .iter()
        .find(|d| d.code == "table_read_by_column")
        .expect("a warning names the table");
    assert_eq!(warning.line, Some(10), "{}", warning.message);
}

#[test]
fn a_table_one_cell_a_line_read_row_by_row_is_read_as_before() {
    let rows = "\
1

建设物流枢纽。

省发展改革委

省交通运输厅

2

推进物流配送体系建设。

省商务厅

省邮政管理局

";
    let doc = read(&[HEAD, rows].concat());
    assert_eq!(doc.tasks.len(), 2, "{:?}", codes(&doc));
    assert_eq!(doc.tasks[1].lead, ["省商务厅"]);
    assert!(!codes(&doc).contains(&"table_read_by_column"));
}

#[test]
fn a_row_of_nothing_but_its_number_before_a_whole_row_is_no_column_run() {
    // Row 1 left empty: its number, then row 2 whole. The cells are one row's, not a column's.
    let rows = "\
1

2

推进物流配送体系建设。

省商务厅

省邮政管理局

3

发展冷链物流。

省发展改革委

省农业农村厅

";
    let doc = read(&[HEAD, rows].concat());
    assert!(
        !codes(&doc).contains(&"table_read_by_column"),
        "{:?}",
        codes(&doc)
    );
    assert!(
        doc.tasks.iter().any(|t| t.lead == ["省发展改革委"]),
        "{:?}",
        doc.tasks
    );
}
