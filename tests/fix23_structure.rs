//! The structure findings of the twenty-third round: a 附件说明 whose items are download links,
//! attachment labels parted from their titles by a dot or a dash, a 通知's request for feedback
//! after its last item, the page labels 发布机构 and 分类, and an office signed over a
//! two-character name.

use gongwen_parse::{Document, Options, parse, parse_text};
use gongwen_tests::listed_attachments;

fn html(page: &str) -> Document {
    parse(page.as_bytes(), &Options::default()).expect("the page parses")
}

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

/// A notice whose 附件说明 is `list` (the lines of its paragraphs, as HTML).
fn page_listing(list: &str) -> String {
    format!(
        "<html><head><meta charset=\"utf-8\"><title>x</title></head><body><div class=\"TRS_Editor\">\
<p align=\"center\">某某自治区人民政府办公厅关于印发某某政策措施的通知</p>\
<p align=\"center\">某政办发〔2024〕3号</p>\
<p>各盟行政公署、市人民政府，自治区各委、办、厅、局：</p>\
<p>　　经自治区人民政府同意，现将《某某政策措施》印发给你们，请认真贯彻落实。</p>\
{list}\
<p align=\"right\">某某自治区人民政府办公厅</p>\
<p align=\"right\">2024年1月10日</p>\
<p>　　（此件公开发布）</p>\
</div></body></html>"
    )
}

#[test]
fn a_listing_of_download_links_lists_titles_without_the_hrefs_extensions() {
    let d = html(&page_listing(
        "<p>　　附件：<a href=\"/attach/P0202401.docx\">1.某某政策措施</a></p>\
<p>　　　　　<a href=\"/attach/P0202402.xlsx\">2.某某政策措施任务分工</a></p>",
    ));
    assert_eq!(
        listed_attachments(&d.notice),
        vec![(Some(1), "某某政策措施"), (Some(2), "某某政策措施任务分工")]
    );
    // Still published as linked files: the task allocation is named as one, and nothing is
    // missing.
    let linked = d
        .diagnostics
        .iter()
        .find(|x| x.code == "task_table_linked")
        .expect("the allocation is linked");
    assert!(
        linked.message.contains("`某某政策措施任务分工`"),
        "{}",
        linked.message
    );
    assert!(
        !codes(&d).contains(&"attachment_missing"),
        "{:?}",
        codes(&d)
    );
}

#[test]
fn a_file_name_listed_in_text_gives_its_title_without_the_extension() {
    let d = parse_text(
        "某某市人民政府关于某事的通知\n\n各区人民政府：\n\n现将有关事项通知如下。\n\n\
附件：1.某某方案.docx\n2.某某任务分工表.xlsx\n\n某某市人民政府\n2024年1月10日\n",
    );
    assert_eq!(
        listed_attachments(&d.notice),
        vec![(Some(1), "某某方案"), (Some(2), "某某任务分工表")]
    );
    assert!(
        !codes(&d).contains(&"attachment_missing"),
        "{:?}",
        codes(&d)
    );
    // A link under a label of its own, its label in the file's name: numbered by it.
    let d = html(&page_listing(
        "<p>附件：<a href=\"/a/1.pdf\">附件1：某某方案任务分工表.pdf</a></p>",
    ));
    assert_eq!(
        listed_attachments(&d.notice),
        vec![(Some(1), "某某方案任务分工表")]
    );
}

#[test]
fn an_attachment_label_parted_by_a_dot_or_a_dash_is_a_label_in_text_too() {
    for sep in [".", "．", "-", "－"] {
        let text = format!(
            "某某市人民政府办公室关于印发某某方案的通知\n\n各区人民政府：\n\n\
现将《某某方案》印发给你们，请认真贯彻落实。\n\n附件：某某方案\n\n某某市人民政府办公室\n\
2024年1月10日\n\n附件1{sep}某某方案\n\n一、总体要求\n\n到2025年，基本建成。\n"
        );
        let d = parse_text(&text);
        let attachment = d
            .parts
            .iter()
            .find(|p| p.kind == gongwen_parse::PartKind::Attachment)
            .unwrap_or_else(|| panic!("{sep}: no attachment part: {:?}", d.parts));
        assert_eq!(attachment.label.as_deref(), Some("附件1"), "{sep}");
        assert_eq!(attachment.title.as_deref(), Some("某某方案"), "{sep}");
        assert!(
            !codes(&d).contains(&"attachment_missing"),
            "{sep}: {:?}",
            codes(&d)
        );
    }
}

#[test]
fn a_number_after_an_attachment_label_is_no_title() {
    // `附件1.5万元`, `附件1-2`: the figures go on; no attachment page is headed by them.
    for line in ["附件1.5万元由市财政统筹安排。", "附件1-2所列项目按期完成。"]
    {
        let text = format!(
            "某某市人民政府办公室关于某事的通知\n\n各区人民政府：\n\n现将有关事项通知如下。\n\n\
附件：某某方案\n\n某某市人民政府办公室\n2024年1月10日\n\n附件\n\n某某方案\n\n\
一、总体要求\n\n到2025年，基本建成。\n\n{line}\n"
        );
        let d = parse_text(&text);
        let parts: Vec<_> = d.parts.iter().map(|p| p.label.as_deref()).collect();
        assert_eq!(parts, vec![Some("附件")], "{line}");
        let last = d.parts[0].sections.last().expect("a section");
        assert_eq!(last.paragraphs.last().map(String::as_str), Some(line));
    }
}

#[test]
fn a_link_labelled_with_a_dot_names_its_listed_attachment() {
    let d = html(&page_listing(
        "<p>　　附件：1.某某政策措施重点任务分工表</p><p>　　　　　2.某某重点项目表</p>\
<p>附件：</p><ul>\
<li><a href=\"/files/P1.pdf\">附件1.某某政策措施重点任务分工表.pdf</a></li>\
<li><a href=\"/files/P2.xlsx\">附件2－某某重点项目表.xlsx</a></li></ul>",
    ));
    assert_eq!(
        listed_attachments(&d.notice),
        vec![
            (Some(1), "某某政策措施重点任务分工表"),
            (Some(2), "某某重点项目表")
        ]
    );
    assert!(codes(&d).contains(&"task_table_linked"), "{:?}", codes(&d));
    assert!(
        !codes(&d).contains(&"attachment_missing"),
        "{:?}",
        codes(&d)
    );
}

/// A 通知 of two numbered items whose last paragraph is `last`.
fn notice_ending_with(last: &str) -> Document {
    parse_text(&format!(
        "某省人民政府办公厅关于加强财源建设的通知\n某政办发〔2023〕3号\n各市人民政府，省政府各部门：\n\
现就有关事项通知如下。\n一、明确目标\n到2025年，财源结构持续优化。\n二、强化措施\n\
（一）完善奖补政策。出台财源建设奖补办法。\n（二）加强监测。建立监测制度。\n{last}\n\
某省人民政府办公厅\n2023年5月9日\n"
    ))
}

/// The last paragraphs of the last item of the first part.
fn last_item_paragraphs(d: &Document) -> Vec<&str> {
    let last = d.parts[0].sections.last().expect("sections");
    let item = last.children.last().unwrap_or(last);
    item.paragraphs.iter().map(String::as_str).collect()
}

#[test]
fn a_request_for_feedback_after_the_last_item_is_the_closing() {
    for last in [
        "执行中如遇问题，请及时向省财政厅反映。",
        "实施过程中如有问题，请及时与省财政厅联系。",
        "在执行过程中遇到的问题，请及时反馈省财政厅。",
    ] {
        let d = notice_ending_with(last);
        assert_eq!(d.parts[0].closing, vec![last.to_string()], "{last}");
        assert_eq!(last_item_paragraphs(&d), vec!["建立监测制度。"], "{last}");
    }
    // The formulas already read as closing stay so.
    for last in [
        "本通知由省财政厅负责解释。",
        "以上通知，请遵照执行。",
        "此前规定与本通知不一致的，以本通知为准。",
    ] {
        let d = notice_ending_with(last);
        assert_eq!(d.parts[0].closing, vec![last.to_string()], "{last}");
    }
}

#[test]
fn a_sentence_about_problems_that_asks_nothing_back_stays_in_its_item() {
    for last in [
        // No request to report: the item's own text.
        "执行中发现的问题，要及时整改到位。",
        // Two sentences: a paragraph, not a formula.
        "执行中如遇问题，请及时向省财政厅反映。省财政厅将及时研究解决。",
    ] {
        let d = notice_ending_with(last);
        assert!(
            d.parts[0].closing.is_empty(),
            "{last}: {:?}",
            d.parts[0].closing
        );
        assert_eq!(last_item_paragraphs(&d).last(), Some(&last), "{last}");
    }
    // Right under a bare heading it is that heading's text.
    let d = parse_text(
        "某省人民政府办公厅关于加强财源建设的通知\n各市人民政府：\n现就有关事项通知如下。\n\
一、明确目标\n到2025年，财源结构持续优化。\n二、其他事项\n执行中如遇问题，请及时向省财政厅反映。\n\
某省人民政府办公厅\n2023年5月9日\n",
    );
    assert!(d.parts[0].closing.is_empty(), "{:?}", d.parts[0].closing);
}

/// A 政府信息公开 page whose metadata table prints `rows` (label, value) over a notice without
/// a letterhead.
fn page_with_meta(rows: &[(&str, &str)]) -> Document {
    let cells: String = rows
        .iter()
        .map(|(l, v)| format!("<tr><td>{l}：</td><td>{v}</td></tr>"))
        .collect();
    html(&format!(
        "<html><head><meta charset=\"utf-8\"><title>x</title></head><body>\
<div class=\"xxgk\"><table><tr><td>索引号：</td><td>11220000/2024-00012</td></tr>{cells}\
<tr><td>标题：</td><td>关于加强财源建设的通知</td></tr></table></div>\
<div class=\"TRS_Editor\"><p>各市（州）人民政府，省政府各厅委办：</p>\
<p>现就有关事项通知如下。</p><p>一、明确目标</p><p>到2025年，财源结构持续优化。</p>\
<p>2024年3月1日</p></div></body></html>"
    ))
}

#[test]
fn the_publishing_organ_and_the_category_fill_the_pages_issuer_and_topic() {
    let d = page_with_meta(&[("发布机构", "吉林省人民政府"), ("分类", "综合政务；通知")]);
    let page = d.source.page.as_ref().expect("page metadata");
    assert_eq!(page.issuer.as_deref(), Some("吉林省人民政府"));
    assert_eq!(page.topic.as_deref(), Some("综合政务；通知"));
    // The general office that posts its government's notices is not taken for the issuer; a
    // page's own 发文机关 and 主题分类 come first.
    let d = page_with_meta(&[("发布机构", "吉林省人民政府办公厅")]);
    assert_eq!(d.source.page.as_ref().expect("page").issuer, None);
    let d = page_with_meta(&[
        ("发布机构", "吉林省人民政府"),
        ("发文机关", "吉林省财政厅"),
        ("分类", "通知"),
        ("主题分类", "财政"),
    ]);
    let page = d.source.page.as_ref().expect("page metadata");
    assert_eq!(page.issuer.as_deref(), Some("吉林省财政厅"));
    assert_eq!(page.topic.as_deref(), Some("财政"));
}

/// A 决定 signed `signature`.
fn signed(signature: &str) -> Document {
    parse_text(&format!(
        "四川省人民政府\n关于给予某某支队记集体一等功的决定\n川府发〔2022〕30号\n\n\
各市（州）人民政府，省政府各部门：\n\n为表彰先进，省人民政府决定：给某某支队记集体一等功。\n\n\
{signature}\n\n2022年11月18日\n"
    ))
}

#[test]
fn an_office_stays_apart_from_a_two_character_name() {
    for (printed, want) in [
        ("省长　王凯", "省长 王凯"),
        ("省长　黄　强", "省长 黄强"),
        ("省　长　　王忠林", "省长 王忠林"),
        ("省长　王予波", "省长 王予波"),
        ("代省长　李　明", "代省长 李明"),
    ] {
        assert_eq!(
            signed(printed).notice.signature.as_deref(),
            Some(want),
            "{printed}"
        );
    }
}

#[test]
fn letter_spaced_words_after_an_office_close_up() {
    // Both the office and what follows spaced out: letter spacing of one phrase.
    let d = parse_text("某某市人民政府\n\n部　长　会　议　纪　要\n\n会议研究了有关事项。\n");
    let all = serde_json::to_string(&d).expect("json");
    assert!(all.contains("部长会议纪要"), "{all}");
    assert!(!all.contains("部长 会议"), "{all}");
}
