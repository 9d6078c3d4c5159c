//! Page furniture around a notice copied from a portal (tester Q): the site's menu, name, tools
//! and search box above the breadcrumb of a text copy or a page whose elements carry no class,
//! a bracketed posting line under the headline, and the link boxes, credits and feedback widget
//! under the article.

use gongwen_parse::{Document, Options, Section, parse};

fn doc(input: &str) -> Document {
    parse(input.as_bytes(), &Options::default()).expect("parses")
}

/// The paragraphs of the last section of the last part, depth first.
fn last_paragraphs(d: &Document) -> Vec<String> {
    fn last(list: &[Section]) -> Option<&Section> {
        let s = list.last()?;
        last(&s.children).or(Some(s))
    }
    d.parts
        .last()
        .and_then(|p| last(&p.sections))
        .map(|s| s.paragraphs.clone())
        .unwrap_or_default()
}

fn part_titles(d: &Document) -> Vec<Option<String>> {
    d.parts.iter().map(|p| p.title.clone()).collect()
}

const TITLE: &str = "某某市人民政府办公室关于印发某某市2024年促进消费行动方案的通知";
const LETTER: &str =
    "《某某市2024年促进消费行动方案》已经市政府同意，现印发给你们，请认真贯彻执行。";

/// The notice's head and letter as read without the page's furniture.
fn assert_head(d: &Document) {
    let n = &d.notice;
    assert_eq!(n.title.as_deref(), Some(TITLE));
    assert_eq!(n.issuer.as_deref(), Some("某某市人民政府办公室"));
    assert_eq!(
        n.doc_number.as_ref().map(|x| x.raw.as_str()),
        Some("某政办发〔2024〕8号")
    );
    assert_eq!(n.addressees, ["各区县人民政府", "市政府各部门"]);
    assert_eq!(n.body, [LETTER]);
}

const MENU_SPACES: &str = r#"首页　　政务公开　　政务服务　　互动交流　　走进某某
当前位置：首页 > 政务公开 > 政策文件
某某市人民政府办公室关于印发某某市2024年促进消费行动方案的通知
发布时间：2024-03-12　来源：市政府办公室
某政办发〔2024〕8号
各区县人民政府，市政府各部门：
　　《某某市2024年促进消费行动方案》已经市政府同意，现印发给你们，请认真贯彻执行。
某某市人民政府办公室
2024年3月8日
某某市2024年促进消费行动方案
　　一、培育消费新场景
　　（一）打造城市会客厅。（责任单位：市商务委）
　　（二）发展夜间经济。（责任单位：市商务委牵头，各区县政府配合）
"#;

#[test]
fn text_copy_menu_in_wide_spaces_over_breadcrumb_is_no_part_of_the_head() {
    let d = doc(MENU_SPACES);
    assert_head(&d);
    assert!(!d.diagnostics.iter().any(|x| x.code == "no_title"));
}

const MENU_BARS: &str = r#"首页 | 政务公开 | 政务服务 | 互动交流 | 数据开放
某某市人民政府办公室关于印发某某市2024年促进消费行动方案的通知
发布时间：2024-03-12　来源：市政府办公室
某政办发〔2024〕8号
各区县人民政府，市政府各部门：
　　《某某市2024年促进消费行动方案》已经市政府同意，现印发给你们，请认真贯彻执行。
某某市人民政府办公室
2024年3月8日
某某市2024年促进消费行动方案
　　一、培育消费新场景
　　（一）打造城市会客厅。（责任单位：市商务委）
　　（二）发展夜间经济。（责任单位：市商务委牵头，各区县政府配合）
"#;

#[test]
fn text_copy_menu_in_bars_without_breadcrumb_is_no_part_of_the_head() {
    assert_head(&doc(MENU_BARS));
}

const SITE_HEADER: &str = r#"某某市人民政府
无障碍 | 长者模式 | 简体 | 繁體 | 登录
请输入关键词 搜索
当前位置：首页 > 政务公开 > 政策文件
某某市人民政府办公室关于印发某某市2024年促进消费行动方案的通知
发布时间：2024-03-12　来源：市政府办公室
某政办发〔2024〕8号
各区县人民政府，市政府各部门：
　　《某某市2024年促进消费行动方案》已经市政府同意，现印发给你们，请认真贯彻执行。
某某市人民政府办公室
2024年3月8日
某某市2024年促进消费行动方案
　　一、培育消费新场景
　　（一）打造城市会客厅。（责任单位：市商务委）
　　（二）发展夜间经济。（责任单位：市商务委牵头，各区县政府配合）
"#;

#[test]
fn site_name_tools_and_search_box_over_breadcrumb_are_not_the_title() {
    assert_head(&doc(SITE_HEADER));
}

const PLAIN_DIVS: &str = r#"<html><head><meta charset="utf-8"><title>某某市人民政府办公室关于印发某某市2024年促进消费行动方案的通知</title></head><body>
<div>某某省某某市人民政府</div>
<div>当前位置：<a>首页</a> &gt; <a>政务公开</a></div>
<div><p>某政办发〔2024〕8号</p>
<p>某某市人民政府办公室关于印发某某市2024年促进消费行动方案的通知</p>
<p>各区县人民政府，市政府各部门：</p>
<p>　　《某某市2024年促进消费行动方案》已经市政府同意，现印发给你们，请认真贯彻执行。</p>
<p style="text-align:right">某某市人民政府办公室</p><p style="text-align:right">2024年3月8日</p></div>
<div>主办：某某市人民政府办公室　网站标识码：1234000001</div></body></html>"#;

#[test]
fn page_of_classless_divs_site_name_over_breadcrumb_and_footer_are_dropped() {
    let d = doc(PLAIN_DIVS);
    assert_head(&d);
    assert_eq!(d.notice.signature.as_deref(), Some("某某市人民政府办公室"));
    assert!(
        d.parts
            .iter()
            .all(|p| p.kind != gongwen_parse::PartKind::Enclosure),
        "{:?}",
        part_titles(&d)
    );
}

const BT_CONTENT: &str = r#"<html><head><meta charset="utf-8"><title>某某市人民政府办公室关于印发某某市2023年优化营商环境工作要点的通知</title></head><body>
<div class="main"><div class="article">
<h1 class="title">某某市人民政府办公室关于印发某某市2023年优化营商环境工作要点的通知</h1>
<div class="info"><span>来源：市政府办公室</span>&nbsp;&nbsp;<span>发布时间：2023-03-06</span>&nbsp;&nbsp;<span>字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></span></div>
<table width="100%"><tr><td class="bt_content">
<p>某政办字〔2023〕6号</p>
<p>各区县人民政府，市政府各部门：</p>
<p>　　《某某市2023年优化营商环境工作要点》已经市政府同意，现印发给你们，请认真组织实施。</p>
<p style="text-align:right">某某市人民政府办公室</p>
<p style="text-align:right">2023年3月2日</p>
<p style="text-align:center">某某市2023年优化营商环境工作要点</p>
<p>　　一、提升政务服务效能。政务服务事项网上可办率达到98%以上。（牵头单位：市行政审批局；配合单位：市数据局）</p>
<p>　　二、优化企业开办服务。企业开办时间压缩至1个工作日以内。（牵头单位：市行政审批局；配合单位：市税务局）</p>
</td></tr></table>
<div class="tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a.html">关于2022年全市安全生产工作要点的通知</a></li></ul></div>
<div class="jiedu"><h3>政策解读</h3><ul><li><a href="/jd/1.html">图解：一图读懂营商环境</a></li></ul></div>
</div></div></body></html>"#;

#[test]
fn policy_reading_box_under_a_layout_cell_article_is_left_out() {
    let d = doc(BT_CONTENT);
    assert_eq!(
        last_paragraphs(&d),
        ["企业开办时间压缩至1个工作日以内。（牵头单位：市行政审批局；配合单位：市税务局）"]
    );
    assert!(!part_titles(&d).contains(&Some("政策解读".to_string())));
    let last = d.tasks.last().expect("tasks");
    assert!(!last.text.contains("政策解读"), "{}", last.text);
}

const ZOOM_FURNITURE: &str = r#"<html><head><meta charset="utf-8"><title>某某市人民政府关于印发某某市推进钢铁产业高质量发展实施方案的通知</title></head><body>
<div id="zoom">
<p>某政发〔2023〕6号</p>
<p>某某市人民政府关于印发某某市推进钢铁产业高质量发展实施方案的通知</p>
<p>各县（市）区人民政府，市政府有关部门：</p>
<p>　　现将《某某市推进钢铁产业高质量发展实施方案》印发给你们，请认真贯彻执行。</p>
<p style="text-align:right">某某市人民政府</p>
<p style="text-align:right">2023年4月3日</p>
<p style="text-align:center">某某市推进钢铁产业高质量发展实施方案</p>
<p>　　一、推动产业升级。（牵头单位：市工业和信息化局）</p>
<p>　　二、推进绿色低碳转型。（牵头单位：市生态环境局；配合单位：市发展改革委）</p>
<p>【相关解读】<a href="/jd.html">《某某市推进钢铁产业高质量发展实施方案》政策解读</a></p>
<p>【图解】<a href="/tj.html">一图读懂钢铁产业实施方案</a></p>
<p>文章来源：某某市人民政府办公室　　责任编辑：王某某</p>
<div class="likes">有用 0 | 没用 0</div>
</div></body></html>"#;

#[test]
fn bracketed_related_links_editor_credit_and_votes_under_article_are_left_out() {
    let d = doc(ZOOM_FURNITURE);
    assert_eq!(
        last_paragraphs(&d),
        ["（牵头单位：市生态环境局；配合单位：市发展改革委）"]
    );
    let text: String = d.tasks.iter().map(|t| t.text.as_str()).collect();
    for furniture in ["相关解读", "图解", "责任编辑", "有用"] {
        assert!(!text.contains(furniture), "{furniture}: {text}");
    }
}

const TEXT_RELATED: &str = r#"某政办发〔2024〕8号
某某市人民政府办公室关于印发某某市2024年促进消费行动方案的通知
各区县人民政府，市政府各部门：
　　《某某市2024年促进消费行动方案》已经市政府同意，现印发给你们，请认真贯彻执行。
某某市人民政府办公室
2024年3月8日
某某市2024年促进消费行动方案
　　一、培育消费新场景
　　（一）打造城市会客厅。（责任单位：市商务委）
　　（二）发展夜间经济。（责任单位：市商务委牵头，各区县政府配合）
【相关解读】
图解：《某某市2024年促进消费行动方案》
上一篇：某某市人民政府关于2023年度决算的报告
网站标识码：5001080001　某ICP备12345678号-1
"#;

#[test]
fn text_copy_bracketed_related_heading_under_article_is_left_out() {
    let d = doc(TEXT_RELATED);
    assert_eq!(
        last_paragraphs(&d),
        ["（责任单位：市商务委牵头，各区县政府配合）"]
    );
}

const BRACKET_INFO: &str = r#"某某市人民政府办公室关于做好2023年清明节期间文明祭扫工作的通知
【发布日期：2023-03-28】【来源：市政府办公室】【字体：大 中 小】【打印】
各县（市、区）人民政府，市直各有关单位：
　　清明节将至，经市人民政府同意，现就有关事项通知如下：
　　一、加强组织领导。各地要成立工作专班。
　　二、严防森林火灾。严禁在林区焚香烧纸。
某某市人民政府办公室
2023年3月27日
"#;

#[test]
fn text_copy_bracketed_posting_line_under_title_is_passed_over() {
    let d = doc(BRACKET_INFO);
    assert_eq!(
        d.notice.addressees,
        ["各县（市、区）人民政府", "市直各有关单位"]
    );
    assert_eq!(
        d.notice.body.first().map(String::as_str),
        Some("清明节将至，经市人民政府同意，现就有关事项通知如下：")
    );
}

const BRACKET_INFO_ZOOM: &str = r#"<html><head><meta charset="utf-8"><title>某某市人民政府办公室关于做好2023年防汛抗旱工作的通知</title></head><body>
<h1>某某市人民政府办公室关于做好2023年防汛抗旱工作的通知</h1>
<div id="zoom">
<p>【发布日期：2023-04-20】【来源：某某市人民政府办公室】【字体：<a>大</a> <a>中</a> <a>小</a>】【<a>打印</a>】</p>
<p>各县（区）人民政府，市直各有关单位：</p>
<p>　　为切实做好2023年防汛抗旱工作，现将有关事项通知如下：</p>
<p>　　一、压实防汛责任。（市应急管理局牵头，市水利局配合）</p>
<p>　　二、加强监测预警。（市气象局、市水利局按职责负责）</p>
<p style="text-align:right">某某市人民政府办公室</p>
<p style="text-align:right">2023年4月18日</p>
</div></body></html>"#;

#[test]
fn page_bracketed_posting_line_atop_article_is_passed_over() {
    let d = doc(BRACKET_INFO_ZOOM);
    assert_eq!(
        d.notice.addressees,
        ["各县（区）人民政府", "市直各有关单位"]
    );
    assert!(
        d.notice.body.iter().all(|p| !p.contains("发布日期")),
        "{:?}",
        d.notice.body
    );
}
