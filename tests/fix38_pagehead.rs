//! What a page or a post puts above or around a notice's head: a headline, a credit line, the
//! page's tools, a site-first `<title>`, and a 主送 list wrapped inside a name. The notice's own
//! head gives its title, issuer, number and addressees; the page's furniture is none of them.

use gongwen_parse::{Document, Options, parse};

fn read(bytes: &str) -> Document {
    parse(bytes.as_bytes(), &Options::default()).expect("parses")
}

/// A portal page: `head` in the page above the article, `article` the article's paragraphs.
fn page(title: &str, head: &str, article: &[&str]) -> String {
    let paras: String = article.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>\
         <div class=\"nav\"><a href=\"/\">首页</a> | <a href=\"/zwgk/\">政务公开</a></div>\
         {head}<div class=\"article\"><div class=\"TRS_Editor\">\n{paras}</div></div>\
         <div class=\"footer\">主办：某某省人民政府办公厅　网站标识码：5200000001</div></body></html>"
    )
}

const TITLE: &str = "湖北省人民政府办公厅关于印发湖北省城乡冷链物流体系建设实施方案的通知";
const NUMBER: &str = "鄂政办发〔2024〕12号";
const ADDRESSEES: &str = "各市、州、县人民政府，省政府各部门：";
const BODY: &str = "《湖北省城乡冷链物流体系建设实施方案》已经省人民政府同意，现印发给你们，请结合实际认真组织实施。";
const TAIL: [&str; 2] = ["湖北省人民政府办公厅", "2024年3月8日"];

fn article<'a>(above: &[&'a str], head: &[&'a str]) -> Vec<&'a str> {
    let mut v: Vec<&str> = above.to_vec();
    v.extend_from_slice(head);
    v.push(ADDRESSEES);
    v.push(BODY);
    v.extend_from_slice(&TAIL);
    v
}

fn assert_head(d: &Document, number: bool, what: &str) {
    let n = &d.notice;
    assert_eq!(n.title.as_deref(), Some(TITLE), "{what}");
    assert_eq!(n.issuer.as_deref(), Some("湖北省人民政府办公厅"), "{what}");
    assert_eq!(
        n.doc_number.as_ref().map(|d| d.raw.as_str()),
        number.then_some(NUMBER),
        "{what}"
    );
    assert_eq!(
        n.addressees,
        ["各市、州、县人民政府", "省政府各部门"],
        "{what}"
    );
    assert_eq!(n.body.first().map(String::as_str), Some(BODY), "{what}");
    assert!(
        !d.diagnostics.iter().any(|x| x.code == "no_title"),
        "{what}: {:?}",
        d.diagnostics
    );
}

#[test]
fn a_headline_over_an_article_that_opens_with_its_number_is_not_in_the_title() {
    // A portal's shortened headline in the page's `<h1>`, and in a layout cell.
    for head in [
        "<h1>省政府办公厅印发城乡冷链物流体系建设实施方案</h1>",
        "<table><tr><td class=\"title\"><b>湖北印发城乡冷链物流体系建设实施方案</b></td></tr></table>",
    ] {
        let html = page(
            "湖北省人民政府门户网站",
            head,
            &article(&[], &[NUMBER, TITLE]),
        );
        assert_head(&read(&html), true, head);
    }
    // A post's headline and its call to follow over the number, the head's organ over `关于…`.
    let lines = article(
        &[
            "重磅！省政府办公厅印发城乡冷链物流体系建设实施方案",
            "点击蓝字 关注我们",
        ],
        &[
            NUMBER,
            "湖北省人民政府办公厅",
            "关于印发湖北省城乡冷链物流体系建设实施方案的通知",
        ],
    );
    assert_head(&read(&page("湖北发布", "", &lines)), true, "post");
    // The same copied as text.
    let text = lines.join("\n");
    assert_head(&read(&text), true, "post as text");
}

#[test]
fn a_posts_headline_ending_in_yinfa_over_the_title_is_no_part_of_it() {
    let lines = article(
        &["湖北省城乡冷链物流体系建设实施方案印发"],
        &[TITLE, NUMBER],
    );
    assert_head(&read(&page("湖北发布", "", &lines)), true, "印发 headline");
    // A forwarding organ over the title it forwards still titles the notice with it.
    let forward = "某某市人民政府办公室转发\n湖北省人民政府办公厅关于做好冷链物流工作的通知\n各县（市、区）人民政府：\n现将省政府办公厅文件转发给你们，请认真贯彻执行。\n某某市人民政府办公室\n2024年3月20日\n";
    assert_eq!(
        read(forward).notice.title.as_deref(),
        Some("某某市人民政府办公室转发湖北省人民政府办公厅关于做好冷链物流工作的通知")
    );
}

#[test]
fn a_headline_differing_from_the_title_only_in_marks_is_the_pages_restatement() {
    for h1 in [
        "湖北省人民政府办公厅关于印发《湖北省城乡冷链物流体系建设实施方案》的通知",
        "湖北省人民政府办公厅关于印发“湖北省城乡冷链物流体系建设实施方案”的通知",
    ] {
        for head in [&[NUMBER, TITLE][..], &[TITLE][..]] {
            let html = page(h1, &format!("<h1>{h1}</h1>"), &article(&[], head));
            assert_head(&read(&html), head.len() == 2, h1);
        }
    }
    // ASCII brackets and a hyphen for the document's `（2024—2027年）`: the document's title.
    let title = "湖北省人民政府关于印发湖北省冷链物流发展规划（2024—2027年）的通知";
    let h1 = "湖北省人民政府关于印发湖北省冷链物流发展规划(2024-2027年)的通知";
    let html = page(
        h1,
        &format!("<h1>{h1}</h1>"),
        &[
            "鄂政发〔2024〕3号",
            title,
            ADDRESSEES,
            "现将《湖北省冷链物流发展规划（2024—2027年）》印发给你们，请认真贯彻执行。",
            "湖北省人民政府",
            "2024年2月1日",
        ],
    );
    let n = read(&html).notice;
    assert_eq!(n.title.as_deref(), Some(title));
    assert_eq!(n.addressees, ["各市、州、县人民政府", "省政府各部门"]);
}

#[test]
fn a_credit_or_tools_line_inside_the_article_above_the_head_is_furniture() {
    for furniture in [
        "发布时间：2024-03-11　来源：省政府办公厅",
        "发布时间：2024-03-11 09:30　来源：湖北省人民政府办公厅　【字体：大 中 小】　【打印】",
        "信息来源：湖北省人民政府办公厅　浏览次数：2087",
        "2024-03-11 09:30　作者：省政府办公厅",
        "分享到：微信 微博 QQ空间",
        "文章来源：湖北省人民政府办公厅　发布时间：2024年03月11日",
    ] {
        // Over the number, and over the title.
        for head in [[NUMBER, TITLE], [TITLE, NUMBER]] {
            let html = page("湖北省人民政府门户网站", "", &article(&[furniture], &head));
            assert_head(&read(&html), true, furniture);
        }
    }
}

#[test]
fn a_site_first_page_title_gives_the_title_after_the_sites_name() {
    let html = page(
        &format!("湖北省人民政府网-{TITLE}"),
        "",
        &article(&[], &[NUMBER]),
    );
    assert_head(&read(&html), true, "site-first <title>");
}

#[test]
fn a_zhusong_list_wrapped_inside_a_name_is_read_whole() {
    let head = [
        "湖北省人民政府办公厅关于做好冷链物流工作的通知",
        "鄂政办发〔2024〕12号",
    ];
    let list = [
        "各市、州、县人民政府，省政府各部门，各省直管市（林区）人",
        "民政府，省属各企业：",
    ];
    let want = [
        "各市、州、县人民政府",
        "省政府各部门",
        "各省直管市（林区）人民政府",
        "省属各企业",
    ];
    let rest = [
        "现就有关事项通知如下，请认真贯彻执行。",
        "湖北省人民政府办公厅",
        "2024年3月8日",
    ];
    let lines: Vec<&str> = head.iter().chain(&list).chain(&rest).copied().collect();
    let text = read(&lines.join("\n")).notice;
    assert_eq!(text.addressees, want);
    assert_eq!(text.body, ["现就有关事项通知如下，请认真贯彻执行。"]);
    let html = read(&page("湖北省人民政府门户网站", "", &lines)).notice;
    assert_eq!(html.addressees, want);
    // A joint title naming its issuers with `、` is no 主送 line cut short.
    let joint = "某某市商务局、某某市财政局关于做好冷链物流项目保障工作的通知\n各区商务局、财政局：\n现将有关事项通知如下。\n某某市商务局　　某某市财政局\n2024年5月10日\n";
    let n = read(joint).notice;
    assert_eq!(
        n.title.as_deref(),
        Some("某某市商务局、某某市财政局关于做好冷链物流项目保障工作的通知")
    );
    assert_eq!(n.addressees, ["各区商务局、财政局"]);
}

#[test]
fn a_saved_posts_app_chrome_after_its_text_is_no_part_of_the_notice() {
    let text: String = article(&[], &[TITLE, NUMBER])
        .iter()
        .chain(&["附件", "冷链物流重点任务表"])
        .map(|p| format!("<section><span>{p}</span></section>"))
        .collect();
    let html = format!(
        "<html><head><meta charset=\"utf-8\"><title>{TITLE}</title></head><body>\
         <div class=\"rich_media_area_primary\"><h1 class=\"rich_media_title\">{TITLE}</h1>\
         <div id=\"meta_content\"><a id=\"js_name\">湖北发布</a></div>\
         <div class=\"rich_media_content\" id=\"js_content\">{text}\
         <table border=\"1\"><tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>\
         <tr><td>1</td><td>建设产地冷藏保鲜设施</td><td>省农业农村厅</td><td>省商务厅</td></tr>\
         <tr><td>2</td><td>完善城市冷链配送网络</td><td>省商务厅</td><td>省交通运输厅</td></tr></table></div>\
         <div id=\"js_tags_preview_toast\">预览时标签不可点</div>\
         <div class=\"rich_media_tool\"><span>微信扫一扫<br>关注该公众号</span><span>继续滑动看下一个</span>\
         <span>轻触阅读原文</span><span>湖北发布</span><span>知道了</span>\
         <span>视频 小程序 赞，轻点两下取消赞 在看，轻点两下取消在看 分享 留言 收藏</span></div>\
         <div class=\"recommend\"><p>喜欢此内容的人还喜欢</p>\
         <p>湖北省人民政府关于印发湖北省现代物流业发展规划的通知</p><p>湖北发布</p></div>\
         </div></body></html>"
    );
    let d = read(&html);
    assert_head(&d, true, "saved post");
    assert_eq!(d.tasks.len(), 2);
    let all = serde_json::to_string(&d).expect("serializes");
    for chrome in [
        "预览时标签不可点",
        "喜欢此内容的人还喜欢",
        "现代物流业发展规划",
        "轻点两下",
    ] {
        assert!(!all.contains(chrome), "{chrome} in {all}");
    }
}
