//! The head findings of the twenty-fourth round: a 发文字号 in brackets under the title, a page's
//! date bar with its source on one line, joint notices headed by a count of organs, a 函's
//! letterhead over a title in the short form, beijing.gov.cn's `[label]` block, attachment titles
//! on two lines or marked （略）, an attachment printed without its label, and the portal's own
//! download of the notice.

use gongwen_parse::{Document, Options, parse, parse_text};

fn text(s: &str) -> Document {
    parse_text(s)
}

fn html(page: &str) -> Document {
    parse(page.as_bytes(), &Options::default()).expect("the page parses")
}

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

#[test]
fn a_full_number_in_brackets_under_the_title_is_the_notices_number() {
    let d = text(
        "山东省人民政府办公厅关于印发某某工作方案的通知\n\
（鲁政办字〔2024〕45号）\n\
\n\
各市人民政府，省政府各部门、各直属机构，各大企业，各高等院校：\n\
\u{3000}\u{3000}《某某工作方案》已经省政府同意，现印发给你们，请认真贯彻落实。\n\
\n\
山东省人民政府办公厅\n\
2024年4月8日\n\
（此件公开发布）\n",
    );
    let n = d.notice.doc_number.as_ref().expect("the number is read");
    assert_eq!(n.raw, "鲁政办字〔2024〕45号");
    assert_eq!(
        d.notice.addressees,
        [
            "各市人民政府",
            "省政府各部门、各直属机构",
            "各大企业",
            "各高等院校"
        ]
    );
    assert_eq!(d.notice.body.len(), 1);
}

#[test]
fn a_bracketed_number_in_the_body_is_not_the_notices_number() {
    let d = text(
        "某某市人民政府办公厅关于转发某某通知的通知\n\
某政办发〔2024〕3号\n\
\n\
各区县人民政府：\n\
\u{3000}\u{3000}现将《某某通知》转发给你们，请认真贯彻执行。\n\
（国办发〔2024〕1号）\n\
\n\
某某市人民政府办公厅\n\
2024年4月8日\n",
    );
    assert_eq!(
        d.notice.doc_number.as_ref().unwrap().raw,
        "某政办发〔2024〕3号"
    );
}

/// A ministry page: its metadata in `<dl>`s, then `extra` (the bar under its headline).
fn ministry_page(extra: &str) -> String {
    format!(
        "<html><head><meta charset=\"utf-8\"><title>x</title></head><body>\
<div class=\"xxgk-box\">\
<dl><dt>发文机关：</dt><dd>工业和信息化部</dd></dl>\
<dl><dt>成文日期：</dt><dd>2023-12-29</dd></dl>\
<dl><dt>发文字号：</dt><dd>工信部原〔2023〕261号</dd></dl>\
</div>\
<h1>工业和信息化部关于印发《某某实施方案》的通知</h1>\
{extra}\
<div id=\"con_con\">\
<p>工信部原〔2023〕261号</p>\
<p>各省、自治区、直辖市工业和信息化主管部门：</p>\
<p>　　现将《某某实施方案》印发给你们，请结合实际认真贯彻落实。</p>\
<p style=\"text-align:right\">工业和信息化部</p>\
<p style=\"text-align:right\">2023年12月29日</p>\
</div></body></html>"
    )
}

#[test]
fn a_date_bar_with_its_source_gives_the_date_and_the_source_apart() {
    let d = html(&ministry_page(
        "<div class=\"cinfo\">发布时间：2024-01-10　来源：原材料工业司　字号：大 中 小</div>",
    ));
    let page = d.source.page.as_ref().expect("page metadata");
    assert_eq!(page.published.as_deref(), Some("2024-01-10"));
    assert_eq!(
        page.fields.get("发布时间").map(String::as_str),
        Some("2024-01-10")
    );
    assert_eq!(
        page.fields.get("来源").map(String::as_str),
        Some("原材料工业司")
    );
    assert!(!page.fields.contains_key("字号"));
}

#[test]
fn a_date_bar_with_the_date_alone_is_read_as_before() {
    let d = html(&ministry_page(
        "<div class=\"cinfo\">发布时间：2024-01-10</div>",
    ));
    let page = d.source.page.as_ref().expect("page metadata");
    assert_eq!(page.published.as_deref(), Some("2024-01-10"));
    assert!(!page.fields.contains_key("来源"));
}

#[test]
fn a_joint_notice_headed_by_its_count_of_organs_is_issued_by_the_organs_it_signs() {
    for head in ["十部门", "工业和信息化部等十部门"] {
        let d = text(&format!(
            "{head}关于印发《某某实施方案》的通知\n\
工信部联原〔2023〕261号\n\
\n\
各省、自治区、直辖市工业和信息化、发展改革主管部门：\n\
\u{3000}\u{3000}现将《某某实施方案》印发给你们，请结合实际认真贯彻落实。\n\
\n\
工业和信息化部\u{3000}\u{3000}国家发展改革委\n\
生态环境部\u{3000}\u{3000}住房城乡建设部\n\
2023年12月29日\n"
        ));
        assert_eq!(
            d.notice.issuer.as_deref(),
            Some("工业和信息化部、国家发展改革委、生态环境部、住房城乡建设部"),
            "{head}"
        );
    }
}

#[test]
fn an_organ_named_in_the_title_stays_the_issuer_of_a_joint_signature() {
    let d = text(
        "某某省人民政府办公厅关于印发《某某实施方案》的通知\n\
某政办发〔2023〕2号\n\
\n\
各市人民政府，省政府各部门：\n\
\u{3000}\u{3000}现将《某某实施方案》印发给你们，请结合实际认真贯彻落实。\n\
\n\
某某省人民政府办公厅\n\
2023年12月29日\n",
    );
    assert_eq!(d.notice.issuer.as_deref(), Some("某某省人民政府办公厅"));
}

/// A 批复 in the 信函格式: `head` as its letterhead, `title` under its number.
fn letter(head: &str, title: &str) -> Document {
    text(&format!(
        "{head}\n\n苏政函〔2024〕15号\n\n{title}\n\n南通市人民政府：\n\
\u{3000}\u{3000}你市《关于申请设立某某开发区的请示》收悉。经研究，现批复如下：同意设立。\n\
\u{3000}\u{3000}此复。\n\n江苏省人民政府\n2024年2月6日\n"
    ))
}

#[test]
fn a_letterhead_without_wenjian_over_a_title_in_the_short_form_heads_the_letter() {
    let d = letter("江苏省人民政府", "省政府关于同意设立某某开发区的批复");
    assert_eq!(
        d.notice.title.as_deref(),
        Some("省政府关于同意设立某某开发区的批复")
    );
    assert_eq!(d.notice.issuer.as_deref(), Some("江苏省人民政府"));
    let d = letter(
        "江苏省人民政府",
        "江苏省人民政府关于同意设立某某开发区的批复",
    );
    assert_eq!(
        d.notice.title.as_deref(),
        Some("江苏省人民政府关于同意设立某某开发区的批复")
    );
}

#[test]
fn a_letterhead_of_another_level_than_the_titles_short_form_is_kept() {
    // 省政府 is not the short form of a city's government: the two lines stay one title.
    let d = letter("南通市人民政府", "省政府关于同意设立某某开发区的批复");
    assert_eq!(
        d.notice.title.as_deref(),
        Some("南通市人民政府省政府关于同意设立某某开发区的批复")
    );
}

/// A beijing.gov.cn page: its `[label] value` block, then the notice.
fn beijing_page(after_block: &str) -> String {
    format!(
        "<html><head><meta charset=\"utf-8\"><title>x</title></head><body>\
<ul class=\"meta\">\
<li><span>[标题]</span> 北京市人民政府关于印发《某某实施方案》的通知</li>\
<li><span>[发文机构]</span> 北京市人民政府</li>\
<li><span>[联合发文单位]</span> </li>\
<li><span>[实施日期]</span> 2024-01-22</li>\
<li><span>[成文日期]</span> 2024-01-18</li>\
<li><span>[发文字号]</span> 京政发〔2024〕3号</li>\
<li><span>[废止日期]</span> </li>\
<li><span>[发布日期]</span> 2024-01-22</li>\
<li><span>[文件来源]</span> 政府公报</li>\
</ul>{after_block}\
<div class=\"article\"><p>各区人民政府，市政府各委、办、局：</p>\
<p>　　现将《某某实施方案》印发给你们，请认真贯彻落实。</p>\
<p style=\"text-align:right\">北京市人民政府</p>\
<p style=\"text-align:right\">2024年1月18日</p></div></body></html>"
    )
}

#[test]
fn every_bracketed_label_of_a_beijing_block_is_a_field() {
    let d = html(&beijing_page(""));
    let page = d.source.page.as_ref().expect("page metadata");
    assert_eq!(
        page.fields.get("实施日期").map(String::as_str),
        Some("2024-01-22")
    );
    assert_eq!(
        page.fields.get("文件来源").map(String::as_str),
        Some("政府公报")
    );
    assert!(!page.fields.contains_key("废止日期"));
    assert_eq!(page.doc_number.as_deref(), Some("京政发〔2024〕3号"));
}

#[test]
fn a_bracketed_line_apart_from_the_block_is_no_field() {
    let d = html(&beijing_page("<p>[说明] 本文件自发布之日起施行</p>"));
    let page = d.source.page.as_ref().expect("page metadata");
    assert!(!page.fields.contains_key("说明"));
}

/// A notice issuing 《`plan`》, listing `listed` in its 附件说明, and printing `after` under its
/// date.
fn with_attachment(plan: &str, listed: &str, after: &str) -> Document {
    text(&format!(
        "某某省人民政府办公厅关于印发《{plan}》的通知\n\n某政办发〔2024〕5号\n\n\
各市（地）人民政府，省政府各直属单位：\n\n\
\u{3000}\u{3000}经省政府同意，现将《{plan}》印发给你们，请认真贯彻落实。\n\n\
\u{3000}\u{3000}附件：{listed}\n\n某某省人民政府办公厅\n2024年1月10日\n\n{after}"
    ))
}

fn part_kinds(d: &Document) -> Vec<(String, Option<&str>)> {
    d.parts
        .iter()
        .map(|p| (format!("{:?}", p.kind), p.title.as_deref()))
        .collect()
}

#[test]
fn an_attachment_title_on_two_lines_over_its_table_is_read_whole() {
    let table = "序号\t重点任务\t牵头单位\t配合单位\n1\t打造冰雪旅游精品线路。\t省文化和旅游厅\t省交通运输厅\n";
    for listed in ["某某若干措施重点任务分工", "某某若干措施重点任务分工表"]
    {
        let d = with_attachment(
            "某某若干措施",
            listed,
            &format!("附件\n\n某某若干措施\n重点任务分工表\n\n{table}"),
        );
        assert_eq!(
            part_kinds(&d),
            [("Attachment".to_string(), Some("某某若干措施重点任务分工表"))],
            "{listed}"
        );
        assert_eq!(d.tasks.len(), 1);
    }
}

#[test]
fn a_second_title_line_the_list_does_not_name_stays_apart() {
    // The 附件说明 names the first line alone: the line under it is no part of the title.
    let d = with_attachment(
        "某某若干措施",
        "某某若干措施",
        "附件\n\n某某若干措施\n重点任务分工表\n\n一、总体要求\n\n\u{3000}\u{3000}坚持问题导向。\n",
    );
    assert_eq!(
        d.parts.first().and_then(|p| p.title.as_deref()),
        Some("某某若干措施")
    );
}

#[test]
fn a_plan_printed_without_its_label_but_listed_is_the_attachment() {
    let d = with_attachment(
        "某某行动方案（2024—2025年）",
        "某某行动方案（2024—2025年）",
        "某某行动方案（2024—2025年）\n\n\u{3000}\u{3000}为加快推进转型，制定本行动方案。\n\n\
一、总体目标\n\n\u{3000}\u{3000}到2025年，转型取得积极进展。\n",
    );
    assert_eq!(
        part_kinds(&d),
        [(
            "Attachment".to_string(),
            Some("某某行动方案（2024—2025年）")
        )]
    );
    assert!(
        !codes(&d).contains(&"attachment_missing"),
        "{:?}",
        codes(&d)
    );
}

#[test]
fn a_plan_printed_without_its_label_and_not_listed_stays_an_enclosure() {
    let d = with_attachment(
        "某某行动方案（2024—2025年）",
        "某某任务清单",
        "某某行动方案（2024—2025年）\n\n\u{3000}\u{3000}为加快推进转型，制定本行动方案。\n",
    );
    assert_eq!(
        part_kinds(&d).first(),
        Some(&("Enclosure".to_string(), Some("某某行动方案（2024—2025年）")))
    );
}

/// A notice numbered 浙政办发〔2024〕21号 with `after` under its date.
fn zj_notice(after: &str) -> Document {
    text(&format!(
        "浙江省人民政府办公厅关于某某工作的实施意见\n浙政办发〔2024〕21号\n\n\
各市、县（市、区）人民政府，省政府直属各单位：\n\
\u{3000}\u{3000}为贯彻落实有关部署要求，经省政府同意，提出如下实施意见。\n\
\u{3000}\u{3000}一、加强组织实施。各地要将此项工作纳入重要议事日程。\n\
浙江省人民政府办公厅\n2024年5月10日\n（此件公开发布）\n{after}"
    ))
}

#[test]
fn the_portals_download_of_the_notice_itself_is_no_attachment() {
    for after in [
        "附件下载：\n浙政办发〔2024〕21号.pdf\n",
        "附件：浙政办发〔2024〕21号.pdf\n",
        "附件：浙江省人民政府办公厅关于某某工作的实施意见.pdf\n",
    ] {
        let d = zj_notice(after);
        assert!(
            d.notice.attachments.is_empty(),
            "{after}: {:?}",
            d.notice.attachments
        );
        assert_eq!(part_kinds(&d), [("Body".to_string(), None)], "{after}");
    }
}

#[test]
fn a_downloadable_file_of_another_name_is_still_an_attachment() {
    let d = zj_notice("附件下载：\n某某工作任务清单.xlsx\n");
    assert_eq!(d.notice.attachments.len(), 1);
    assert_eq!(d.notice.attachments[0].title, "某某工作任务清单");
}
