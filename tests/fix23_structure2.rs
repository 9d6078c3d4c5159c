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
