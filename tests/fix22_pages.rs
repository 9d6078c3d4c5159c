//! Portal pages and tables copied from them: a tab table whose task cell lists its measures on
//! lines of their own, attachment links named as portals name uploaded files, and an article
//! published as scanned images.

use gongwen_parse::{Document, Options, Severity, parse, parse_text};

/// A task as (text, leads, supports, deadline, group).
type TaskView<'a> = (&'a str, Vec<&'a str>, Vec<&'a str>, &'a str, Vec<&'a str>);

/// The tasks as [`TaskView`]s.
fn tasks(d: &Document) -> Vec<TaskView<'_>> {
    d.tasks
        .iter()
        .map(|t| {
            (
                t.text.as_str(),
                t.lead.iter().map(String::as_str).collect(),
                t.support.iter().map(String::as_str).collect(),
                t.extra.get("完成时限").map_or("", String::as_str),
                t.group.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

fn html(page: &str) -> Document {
    parse(page.as_bytes(), &Options::default()).expect("the page parses")
}

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

/// A 任务清单 copied from a page: the 任务内容 cell of each row lists its measures one a line,
/// the last line carrying the row's other cells.
fn sub_item_table(items: [&str; 3]) -> String {
    format!(
        "附件\n\n广西壮族自治区2024年营商环境优化提升重点任务清单\n\n\
序号\t任务内容\t牵头单位\t配合单位\t完成时限\n\
1\t提升企业开办便利度。\n\
{}推行企业开办“一网通办”，全程网办率达到95%以上；\n\
{}推广电子营业执照应用；\n\
{}企业开办时间压缩至1个工作日以内。\t自治区市场监管局\t自治区公安厅、税务局，各设区市人民政府\t2024年6月底前\n\
2\t优化不动产登记服务。\n\
{}推进不动产登记“一窗受理”；\n\
{}实现不动产登记与水电气网联动过户。\t自治区自然资源厅\t自治区住房城乡建设厅，各设区市人民政府\t2024年12月底前\n\
3\t压缩工程建设项目审批时间。\t自治区住房城乡建设厅\t自治区发展改革委\t2024年12月底前\n",
        items[0], items[1], items[2], items[0], items[1]
    )
}

#[test]
fn numbered_measures_on_lines_of_their_own_stay_in_their_task_cell() {
    for items in [["1.", "2.", "3."], ["（1）", "（2）", "（3）"]] {
        let d = parse_text(&sub_item_table(items));
        let t = tasks(&d);
        assert_eq!(t.len(), 3, "{items:?}: {t:?}");
        assert_eq!(
            t[0].0,
            format!(
                "提升企业开办便利度。\n{}推行企业开办“一网通办”，全程网办率达到95%以上；\n\
                 {}推广电子营业执照应用；\n{}企业开办时间压缩至1个工作日以内。",
                items[0], items[1], items[2]
            )
        );
        assert_eq!(t[0].1, ["自治区市场监管局"]);
        assert!(t[0].2.contains(&"各设区市人民政府"), "{t:?}");
        assert_eq!(t[0].3, "2024年6月底前");
        assert!(t[0].4.is_empty(), "{t:?}");
        assert!(t[1].0.starts_with("优化不动产登记服务。\n"), "{t:?}");
        assert_eq!(t[1].1, ["自治区自然资源厅"]);
        assert_eq!(t[1].3, "2024年12月底前");
        assert!(t[1].4.is_empty(), "{t:?}");
        assert_eq!(t[2].1, ["自治区住房城乡建设厅"]);
        assert!(
            !codes(&d).contains(&"task_without_lead"),
            "{:?}",
            d.diagnostics
        );
    }
}

#[test]
fn numbered_group_rows_between_whole_rows_stay_groups() {
    // Each row holds all its cells (or its last cells empty): a numbered line between rows
    // heads the rows under it, whether or not the row before lacks its last cells.
    let text = "附件\n\n重点任务分工\n\n\
序号\t重点任务\t牵头单位\t完成时限\n\
1.营商环境\n\
1\t推进企业开办便利化\t省市场监管局\t2024年底前\n\
2\t推进不动产登记便利化\t省自然资源厅\n\
2.数字政府\n\
3\t推进政务数据共享\t省大数据局\t2024年底前\n\
4\t推进一网通办\t省政务服务办\t2024年底前\n";
    let d = parse_text(text);
    let t = tasks(&d);
    assert_eq!(t.len(), 4, "{t:?}");
    assert_eq!(t[0].0, "推进企业开办便利化");
    assert_eq!(t[1].0, "推进不动产登记便利化");
    assert_eq!(t[1].1, ["省自然资源厅"]);
    assert_eq!(t[2].0, "推进政务数据共享");
    assert_eq!(t[2].1, ["省大数据局"]);
    assert!(t[2].4.iter().any(|g| g.contains("数字政府")), "{t:?}");
    assert!(t[0].4.iter().any(|g| g.contains("营商环境")), "{t:?}");
}

/// A 河北 page: the 附件说明 in the letter, the files linked below it, named `附件N.标题.pdf`.
fn label_dot_page(first: &str) -> String {
    format!(
        "<html><head><meta charset=\"utf-8\"><title>河北省人民政府办公厅关于印发河北省数字经济促进行动方案的通知</title></head><body>\
<div class=\"article\"><div class=\"TRS_Editor\">\
<p style=\"text-align:center\">河北省人民政府办公厅关于印发河北省数字经济促进行动方案的通知</p>\
<p style=\"text-align:center\">冀政办字〔2023〕41号</p>\
<p>各市（含定州、辛集市）人民政府，雄安新区管委会，省政府有关部门：</p>\
<p>　　《河北省数字经济促进行动方案》已经省政府同意，现印发给你们，请认真贯彻落实。</p>\
<p>　　附件：1.河北省数字经济促进行动方案重点任务分工表</p>\
<p>　　　　　2.河北省数字经济重点项目表</p>\
<p style=\"text-align:right\">河北省人民政府办公厅</p>\
<p style=\"text-align:right\">2023年3月22日</p>\
<p>　　（此件公开发布）</p></div>\
<div class=\"fujian\"><p>附件：</p><ul>\
<li><a href=\"/files/2023/03/27/P020230327548722468291.pdf\">{first}</a></li>\
<li><a href=\"/files/2023/03/27/P020230327548722468292.xlsx\">附件2：河北省数字经济重点项目表.xlsx</a></li>\
</ul></div></div></body></html>"
    )
}

#[test]
fn a_linked_file_named_label_dot_title_is_the_listed_attachment() {
    for first in [
        "附件1.河北省数字经济促进行动方案重点任务分工表.pdf",
        "附件1．河北省数字经济促进行动方案重点任务分工表.pdf",
        "附件1-河北省数字经济促进行动方案重点任务分工表.pdf",
    ] {
        let d = html(&label_dot_page(first));
        let titles = gongwen_tests::attachment_titles(&d.notice);
        assert_eq!(
            titles,
            [
                "河北省数字经济促进行动方案重点任务分工表",
                "河北省数字经济重点项目表"
            ],
            "{first}"
        );
        assert_eq!(
            codes(&d),
            ["task_table_linked"],
            "{first}: {:?}",
            d.diagnostics
        );
    }
}

#[test]
fn a_linked_file_named_label_dot_number_is_left_as_it_is() {
    // `附件1.2.pdf`: no title after the dot, which is not read as a label's separator.
    let d = html(&label_dot_page("附件1.2.pdf"));
    assert_eq!(d.notice.attachments.len(), 3, "{:?}", d.notice.attachments);
    assert!(
        d.notice.attachments.iter().all(|a| a.title != "2.pdf"),
        "{:?}",
        d.notice.attachments
    );
}

const IMAGE_PAGE: &str = "<html><head><meta charset=\"utf-8\"><title>关于2024年春节期间高速公路免费通行的通告_通知公告_湖北省交通运输厅</title></head><body>\
<div class=\"article\"><h2>关于2024年春节期间高速公路免费通行的通告</h2>\
<div class=\"info\">发布时间：2024-02-05　来源：湖北省交通运输厅　浏览次数：1234</div>\
<div id=\"zoom\"><div class=\"TRS_Editor\">\n\
<p style=\"text-align:center\"><img src=\"/uploadfiles/202402/W020240205361234.jpg\" alt=\"\" width=\"600\"/></p>\n\
<p style=\"text-align:center\"><img src=\"/uploadfiles/202402/W020240205361235.jpg\" alt=\"\" width=\"600\"/></p>\n\
<p style=\"text-align:center\">（图片来源：湖北省交通运输厅）</p>\n\
</div></div></div><div class=\"footer\">主办：湖北省交通运输厅　鄂ICP备05003341号</div></body></html>";

#[test]
fn an_article_of_scanned_images_is_flagged() {
    let d = html(IMAGE_PAGE);
    let found: Vec<_> = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "article_is_images")
        .collect();
    assert_eq!(found.len(), 1, "{:?}", d.diagnostics);
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(
        found[0].message.contains("2 images"),
        "{}",
        found[0].message
    );
    assert!(
        found[0].message.contains("W020240205361234.jpg"),
        "{}",
        found[0].message
    );
}

#[test]
fn an_article_with_text_and_a_photo_or_an_icon_is_not_flagged() {
    // A notice of text with a photo in it.
    let text = "　　为做好春节期间高速公路免费通行工作，保障人民群众安全便捷出行，现将有关事项通告如下：\
一、免费通行时间为2024年2月9日0时至2月17日24时。二、免费通行车辆为7座以下（含7座）载客车辆。";
    let with_photo = IMAGE_PAGE.replace(
        "<p style=\"text-align:center\">（图片来源：湖北省交通运输厅）</p>",
        &format!("<p>{text}</p>"),
    );
    let d = html(&with_photo);
    assert!(
        !codes(&d).contains(&"article_is_images"),
        "{:?}",
        d.diagnostics
    );
    // Attachments linked with a file icon, no image of the text.
    let icons = "<html><head><meta charset=\"utf-8\"></head><body><div class=\"TRS_Editor\">\
<p>附件：<a href=\"/files/P0202402.pdf\"><img src=\"/images/pdf.gif\" width=\"16\" height=\"16\"/>某某通告.pdf</a></p>\
<p><img src=\"/images/icon_doc.png\" width=\"20\"/>某某通告.docx</p></div></body></html>";
    let d = html(icons);
    assert!(
        !codes(&d).contains(&"article_is_images"),
        "{:?}",
        d.diagnostics
    );
}
