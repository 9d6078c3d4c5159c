//! The structure findings of the twenty-third round, second part: a WeChat post's wrapping above
//! the notice it reprints (its headline, `点击蓝字 关注我们`, the editor's lead-in), and a 转发
//! notice that reprints the notice it forwards in full, head and sign-off, over the plan that
//! notice issues.

use gongwen_parse::{Document, Options, parse, parse_text};

fn html(page: &str) -> Document {
    parse(page.as_bytes(), &Options::default()).expect("the page parses")
}

/// A WeChat post: `headline` in `h1#activity-name`, then `content` in `#js_content`.
fn post(headline: &str, content: &str) -> Document {
    html(&format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{headline}</title></head><body>\
<div id=\"img-content\" class=\"rich_media_wrp\"><h1 class=\"rich_media_title\" id=\"activity-name\">{headline}</h1>\
<div id=\"meta_content\"><span class=\"rich_media_meta_text\">原创</span> <a id=\"js_name\">某某发布</a> <em id=\"publish_time\">2023-03-02 19:05</em></div>\
<div class=\"rich_media_content\" id=\"js_content\">{content}\
<p><span leaf=\"\">各市（州）人民政府，省政府各部门、各直属机构，有关单位：</span></p>\
<p style=\"text-indent:2em\"><span leaf=\"\">《某某省促进消费恢复提振若干措施》已经省政府同意，现印发给你们，请认真组织实施。</span></p>\
<p style=\"text-align:right\"><span leaf=\"\">某某省人民政府办公厅</span></p>\
<p style=\"text-align:right\"><span leaf=\"\">2023年2月27日</span></p>\
<p style=\"text-align:center\"><strong><span leaf=\"\">某某省促进消费恢复提振若干措施</span></strong></p>\
<p style=\"text-indent:2em\"><span leaf=\"\">一、开展消费促进活动。组织开展消费季活动。（责任单位：商务厅、文化和旅游厅）</span></p>\
</div></div></body></html>"
    ))
}

const BANNER: &str = "<section style=\"text-align:center;\"><span leaf=\"\">点击蓝字 关注我们</span></section>\
<p><span leaf=\"\">近日，省政府办公厅印发《某某省促进消费恢复提振若干措施》，全文如下↓↓↓</span></p>";

const TITLE: &str = "某某省人民政府办公厅关于印发《某某省促进消费恢复提振若干措施》的通知";

#[test]
fn a_wechat_posts_headline_banner_and_lead_in_are_not_the_notices_title() {
    let d = post(
        "权威发布｜某某省促进消费恢复提振若干措施印发",
        &format!(
            "{BANNER}<p style=\"text-align:center\"><strong><span leaf=\"\">{TITLE}</span></strong></p>\
<p style=\"text-align:center\"><span leaf=\"\">某办发〔2023〕9号</span></p>"
        ),
    );
    assert_eq!(d.notice.title.as_deref(), Some(TITLE));
    assert_eq!(d.notice.issuer.as_deref(), Some("某某省人民政府办公厅"));
    assert_eq!(
        d.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
        Some("某办发〔2023〕9号")
    );
    assert_eq!(d.notice.addressees.len(), 3);
    assert_eq!(d.tasks.len(), 1);
}

#[test]
fn a_wechat_posts_wrapping_above_an_issuer_printed_over_its_title_goes_too() {
    // The issuer on a line of its own over `关于……的通知`.
    let d = post(
        "重磅！某某省促进消费恢复提振若干措施",
        &format!(
            "{BANNER}<p style=\"text-align:center\"><strong><span leaf=\"\">某某省人民政府办公厅</span></strong></p>\
<p style=\"text-align:center\"><strong><span leaf=\"\">关于印发《某某省促进消费恢复提振若干措施》的通知</span></strong></p>\
<p style=\"text-align:center\"><span leaf=\"\">某办发〔2023〕9号</span></p>"
        ),
    );
    assert_eq!(d.notice.title.as_deref(), Some(TITLE));
    assert_eq!(d.notice.issuer.as_deref(), Some("某某省人民政府办公厅"));
}

#[test]
fn lines_that_are_part_of_the_title_above_an_issuers_title_stay() {
    // An issuing word left open at the end of the line: the title runs on.
    let d = parse_text(
        "某某县人民政府办公室转发\n某某市人民政府办公室关于加强安全生产工作的通知\n的通知\n\n\
某县府办发〔2023〕5号\n\n各乡镇人民政府，县政府各部门：\n\n现将有关通知转发给你们，请认真贯彻执行。\n\n\
某某县人民政府办公室\n2023年3月1日\n",
    );
    assert_eq!(
        d.notice.title.as_deref(),
        Some("某某县人民政府办公室转发某某市人民政府办公室关于加强安全生产工作的通知的通知")
    );
    // Joint issuers one a line over their title.
    let d = parse_text(
        "某某省人民政府办公厅\n某某军区办公室\n某某省人民政府办公厅 某某军区办公室关于做好征兵工作的通知\n\n\
某政办发〔2023〕5号\n\n各市人民政府：\n\n现就做好征兵工作通知如下。\n\n某某省人民政府办公厅\n2023年3月1日\n",
    );
    let title = d.notice.title.as_deref().unwrap_or_default();
    assert!(title.starts_with("某某省人民政府办公厅"), "{title}");
    assert!(title.ends_with("关于做好征兵工作的通知"), "{title}");
    assert!(title.contains("某某军区办公室"), "{title}");
}

/// A 区县 notice forwarding a city notice that it reprints in full.
const FORWARDING: &str = "重庆市某某区人民政府办公室\n\
关于转发《某某市人民政府办公厅关于印发某某市促进养老托育服务健康发展实施方案的通知》的通知\n\n\
某区府办发〔2022〕47号\n\n各镇人民政府、街道办事处，区政府各部门，有关单位：\n\n\
现将《某某市人民政府办公厅关于印发某某市促进养老托育服务健康发展实施方案的通知》（某府办发〔2022〕36号）转发给你们，请结合实际认真贯彻落实。\n\n\
重庆市某某区人民政府办公室\n2022年5月18日\n\n（此件公开发布）\n\n\
某某市人民政府办公厅\n关于印发某某市促进养老托育服务健康发展\n实施方案的通知\n\n\
某府办发〔2022〕36号\n\n各区县（自治县）人民政府，市政府各部门，有关单位：\n\n\
《某某市促进养老托育服务健康发展实施方案》已经市政府同意，现印发给你们，请认真贯彻执行。\n\n\
某某市人民政府办公厅\n2022年4月2日\n\n（此件公开发布）\n\n\
某某市促进养老托育服务健康发展实施方案\n\n\
为贯彻落实有关精神，结合我市实际，制定本方案。\n\n\
一、健全政策体系\n\n\
（一）强化规划引领。制定专项规划。（责任单位：市发展改革委、市民政局）\n\n\
（二）完善用地保障。配套建设服务设施。（责任单位：市规划自然资源局）\n";

#[test]
fn a_forwarded_notice_reprinted_in_full_is_titled_by_its_head_and_its_plan_is_a_part() {
    let d = parse_text(FORWARDING);
    let parts: Vec<(Option<&str>, Vec<&str>)> = d
        .parts
        .iter()
        .map(|p| {
            (
                p.title.as_deref(),
                p.preamble.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(parts.len(), 2, "{parts:?}");
    assert_eq!(
        parts[0].0,
        Some("某某市人民政府办公厅关于印发某某市促进养老托育服务健康发展实施方案的通知")
    );
    assert_eq!(parts[0].1.first(), Some(&"某府办发〔2022〕36号"));
    assert_eq!(parts[1].0, Some("某某市促进养老托育服务健康发展实施方案"));
    assert_eq!(
        parts[1].1,
        ["为贯彻落实有关精神，结合我市实际，制定本方案。"]
    );
    assert_eq!(d.tasks.len(), 2);
    assert_eq!(d.tasks[0].lead, ["市发展改革委", "市民政局"]);
}

#[test]
fn a_title_under_an_enclosures_sign_off_that_it_does_not_name_starts_no_part() {
    // The enclosure names another document: the line under its date stays its text.
    let text = FORWARDING.replace(
        "《某某市促进养老托育服务健康发展实施方案》已经市政府同意",
        "《某某市养老服务体系建设规划》已经市政府同意",
    );
    let d = parse_text(&text);
    assert_eq!(d.parts.len(), 1);
    assert!(
        d.parts[0]
            .preamble
            .iter()
            .any(|l| l == "某某市促进养老托育服务健康发展实施方案")
    );
}
