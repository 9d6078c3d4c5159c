//! A notice written as Markdown (a page saved or copied as Markdown, a note, a WeChat post run
//! through a converter): emphasis, links, code, escapes, entities, inline HTML, quotes, images
//! and front matter read as the text they stand for, line for line; a plain notice that holds
//! `*`, `[`, `#`, `<` or indented lines is read as before.

use gongwen_parse::{Document, InputFormat, Options, parse};

fn read(text: &str) -> Document {
    parse(text.as_bytes(), &Options::default()).expect("parses")
}

/// A task as (marker, text, lead, support).
type Essentials<'a> = (Option<&'a str>, &'a str, Vec<&'a str>, Vec<&'a str>);

/// Each task's [`Essentials`].
fn tasks(d: &Document) -> Vec<Essentials<'_>> {
    d.tasks
        .iter()
        .map(|t| {
            (
                t.marker.as_deref(),
                t.text.as_str(),
                t.lead.iter().map(String::as_str).collect(),
                t.support.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

/// Every paragraph and heading of the parts, where markup would show if it were left.
fn all_text(d: &Document) -> String {
    serde_json::to_string(&d.parts).expect("serializes") + &d.notice.body.join("\n")
}

fn read_as_markdown(d: &Document) -> bool {
    d.diagnostics.iter().any(|x| x.code == "markdown_read")
}

/// 21: a bold run-in heading (`**（一）加快5G网络建设。**到2025年…`): CommonMark leaves the
/// closing `**` unmatched after `。` and before `到`; it is emphasis all the same.
#[test]
fn a_bold_run_in_heading_is_a_section_without_its_asterisks() {
    let d = read(
        "# 江苏省推进数字经济高质量发展若干措施\n\n\
         为加快推进数字经济高质量发展，制定如下措施。\n\n\
         ## 一、加强数字基础设施建设\n\n\
         **（一）加快5G网络建设。**到2025年，全省建成5G基站25万个。（省通信管理局牵头，省工业和信息化厅配合）\n\n\
         **（二）建设算力基础设施。**推动全省算力规模达到20EFlops。（省发展改革委、省工业和信息化厅按职责分工负责）\n",
    );
    assert_eq!(
        tasks(&d),
        vec![
            (
                Some("（一）"),
                "加快5G网络建设。到2025年，全省建成5G基站25万个。",
                vec!["省通信管理局"],
                vec!["省工业和信息化厅"],
            ),
            (
                Some("（二）"),
                "建设算力基础设施。推动全省算力规模达到20EFlops。",
                vec!["省发展改革委", "省工业和信息化厅"],
                vec![],
            ),
        ]
    );
    let one = &d.parts[0].sections[0];
    assert_eq!(one.children[0].heading, "加快5G网络建设");
    assert!(!all_text(&d).contains('*'), "{}", all_text(&d));
}

/// 21: `*…*` and `__…__` run-in headings, with no other sign of Markdown in the text.
#[test]
fn single_and_underscore_emphasis_run_in_headings_are_sections() {
    let d = read(
        "一、加强\n\n\
         *（一）加快5G网络建设。*到2025年，建成5G基站。（省通信管理局牵头）\n\n\
         __（二）建设算力。__推动算力。（省发展改革委负责）\n",
    );
    assert_eq!(
        tasks(&d),
        vec![
            (
                Some("（一）"),
                "加快5G网络建设。到2025年，建成5G基站。",
                vec!["省通信管理局"],
                vec![],
            ),
            (
                Some("（二）"),
                "建设算力。推动算力。",
                vec!["省发展改革委"],
                vec![],
            ),
        ]
    );
}

/// 21: articles in bold (`**第一条**　为了…`) are the articles of a 办法.
#[test]
fn bold_articles_are_sections() {
    let d = read(
        "# 广州市公共数据开放管理办法\n\n\
         ## 第一章　总则\n\n\
         **第一条**　为了规范和促进公共数据开放，制定本办法。\n\n\
         **第二条**　本市行政区域内公共数据开放活动，适用本办法。\n",
    );
    let chapter = &d.parts[0].sections[0];
    let articles: Vec<(&str, &[String])> = chapter
        .children
        .iter()
        .map(|s| (s.marker.as_str(), s.paragraphs.as_slice()))
        .collect();
    assert_eq!(
        articles,
        vec![
            (
                "第一条",
                &["为了规范和促进公共数据开放，制定本办法。".to_string()][..]
            ),
            (
                "第二条",
                &["本市行政区域内公共数据开放活动，适用本办法。".to_string()][..]
            ),
        ]
    );
}

/// 22: emphasis, code and links inside table cells are their text (a whole-cell `**…**`
/// was already).
#[test]
fn markup_in_table_cells_is_read_as_its_text() {
    let d = read(
        "| 序号 | 具体措施 | 牵头单位 | 配合单位 |\n\
         |---|---|---|---|\n\
         | 1 | 支持开展**储能电池**关键技术攻关。 | **省科技厅** | 省发展改革委、*省工业和信息化厅* |\n\
         | 2 | 建设`创新平台`。 | 省工业和信息化厅 | [省科技厅](http://kjt.gd.gov.cn) |\n",
    );
    assert_eq!(
        tasks(&d),
        vec![
            (
                None,
                "支持开展储能电池关键技术攻关。",
                vec!["省科技厅"],
                vec!["省发展改革委", "省工业和信息化厅"],
            ),
            (
                None,
                "建设创新平台。",
                vec!["省工业和信息化厅"],
                vec!["省科技厅"]
            ),
        ]
    );
    // The rows keep their source lines.
    assert_eq!(d.tasks[0].line, 3);
    assert_eq!(d.tasks[1].line, 4);
}

/// 22: an image line (a seal, a WeChat picture) is no paragraph.
#[test]
fn an_image_line_is_dropped() {
    let d = read(
        "# 关于做好防汛工作的通知\n\n\
         一、压实防汛责任。（省水利厅牵头）\n\n\
         ![](https://mmbiz.qpic.cn/mmbiz_png/abc/640?wx_fmt=png)\n\n\
         湖南省人民政府办公厅\n\n\
         2024年4月2日\n",
    );
    assert!(!all_text(&d).contains("mmbiz"), "{}", all_text(&d));
    assert_eq!(d.notice.signature.as_deref(), Some("湖南省人民政府办公厅"));
}

/// 23: a 附件说明 item that is a link to the file: its title is the link's text (the file's
/// name), and the task table it names is a linked one.
#[test]
fn a_linked_attachment_is_titled_by_its_text() {
    let d = read(
        "# 湖南省人民政府办公厅关于印发《湖南省推进“人工智能+”行动方案》的通知\n\n\
         湘政办发〔2024〕9号\n\n\
         各市州人民政府，省政府各厅委、各直属机构：\n\n\
         《湖南省推进“人工智能+”行动方案》已经省人民政府同意，现印发给你们，请认真组织实施。\n\n\
         附件：[湖南省推进“人工智能+”行动方案重点任务分工.docx](http://www.hunan.gov.cn/hnszf/xxgk/wjk/P020240326.docx)\n\n\
         湖南省人民政府办公厅\n\n\
         2024年3月25日\n",
    );
    assert_eq!(
        gongwen_tests::attachment_titles(&d.notice),
        vec!["湖南省推进“人工智能+”行动方案重点任务分工"]
    );
    assert!(
        d.diagnostics.iter().any(|x| x.code == "task_table_linked"),
        "{:?}",
        d.diagnostics
    );
    assert!(
        !d.diagnostics
            .iter()
            .any(|x| x.code == "attachment_missing" || x.code == "no_task_table"),
        "{:?}",
        d.diagnostics
    );
}

/// 24: a signature block in inline HTML (`<div align="right">甲<br>日期</div>`): the
/// signature and date read, on the source line of the `<div>`; the attachments after it are
/// parts; a `> ` quote is its text.
#[test]
fn an_html_signature_block_and_a_quote_are_read_as_text() {
    let d = read(
        "# 湖南省人民政府办公厅关于印发《湖南省推进“人工智能+”行动方案》的通知\n\n\
         湘政办发〔2024〕9号\n\n\
         各市州人民政府，省政府各厅委、各直属机构：\n\n\
         \u{3000}\u{3000}《湖南省推进“人工智能+”行动方案》已经省人民政府同意，现印发给你们，请认真组织实施。\n\n\
         附件：1．湖南省推进“人工智能+”行动方案  \n\
         \u{3000}\u{3000}\u{3000}2．重点任务分工表\n\n\
         <div align=\"right\">湖南省人民政府办公厅<br>2024年3月25日</div>\n\n\
         （此件主动公开）\n\n\
         ## 附件1\n\n\
         ### 湖南省推进“人工智能+”行动方案\n\n\
         > 为加快推进人工智能与经济社会深度融合，制定本方案。\n\n\
         #### 一、重点任务\n\n\
         1. **夯实算力基础。**建设长沙人工智能创新中心。（省发展改革委牵头）\n\n\
         ## 附件2\n\n\
         ### 重点任务分工表\n\n\
         | 序号 | 重点任务 | 牵头单位 | 配合单位 |\n\
         |:---:|---|---|---|\n\
         | 1 | 夯实算力基础 | 省发展改革委 | 省工业和信息化厅 |\n",
    );
    assert_eq!(d.notice.signature.as_deref(), Some("湖南省人民政府办公厅"));
    assert_eq!(d.notice.date.as_deref(), Some("2024-03-25"));
    let labels: Vec<Option<&str>> = d.parts.iter().map(|p| p.label.as_deref()).collect();
    assert_eq!(labels, vec![Some("附件1"), Some("附件2")]);
    assert_eq!(
        d.parts[0].preamble,
        vec!["为加快推进人工智能与经济社会深度融合，制定本方案。"]
    );
    assert!(!all_text(&d).contains('<'), "{}", all_text(&d));
    assert!(!all_text(&d).contains('*'), "{}", all_text(&d));
    // Lines are the source's: the `1.` item is on line 24, the table's row on line 32.
    let lines: Vec<usize> = d.tasks.iter().map(|t| t.line).collect();
    assert!(lines.contains(&24) && lines.contains(&32), "{lines:?}");
    assert!(
        !d.diagnostics.iter().any(|x| x.code == "attachment_missing"),
        "{:?}",
        d.diagnostics
    );
}

/// 24: `<br>` in paragraphs (a converter's Word line break) breaks the line: addressees,
/// signature and date read.
#[test]
fn br_in_paragraphs_breaks_lines() {
    let d = read(
        "# 湖南省人民政府办公厅关于做好2024年防汛工作的通知\n\n\
         湘政办发〔2024〕11号\n\n\
         各市州人民政府，省政府各厅委、各直属机构：<br>\n\
         为做好2024年防汛工作，现通知如下。<br>\n\
         湖南省人民政府办公厅<br>2024年4月2日\n",
    );
    assert_eq!(
        d.notice.addressees,
        vec!["各市州人民政府", "省政府各厅委、各直属机构"]
    );
    assert_eq!(d.notice.signature.as_deref(), Some("湖南省人民政府办公厅"));
    assert_eq!(d.notice.date.as_deref(), Some("2024-04-02"));
    assert_eq!(d.notice.body, vec!["为做好2024年防汛工作，现通知如下。"]);
}

/// 25: backslash escapes (`1\.`, `\[`) are resolved: `1.` items are headings.
#[test]
fn backslash_escapes_are_resolved() {
    let d = read(
        "# 某某市2024年稳经济促增长若干措施\n\n\
         一、扩大有效投资\n\n\
         1\\. 加快专项债券发行使用。（市财政局负责）\n\n\
         二、促进消费\n\n\
         2\\. 开展\\[汽车以旧换新\\]补贴活动。（市商务局负责）\n",
    );
    assert_eq!(
        tasks(&d),
        vec![
            (
                Some("1."),
                "加快专项债券发行使用。",
                vec!["市财政局"],
                vec![]
            ),
            (
                Some("2."),
                "开展[汽车以旧换新]补贴活动。",
                vec!["市商务局"],
                vec![]
            ),
        ]
    );
}

/// 26: paragraphs indented with `&emsp;`/`&nbsp;`: the entities are spaces, the outline and
/// the tasks read.
#[test]
fn space_entities_are_indentation() {
    let d = read(
        "# 某某市2024年稳经济促增长若干措施\n\n\
         &emsp;&emsp;一、扩大有效投资\n\n\
         &emsp;&emsp;（一）加快专项债券发行使用。（市财政局负责）\n\n\
         &nbsp;&nbsp;&nbsp;&nbsp;（二）推进重大项目建设。（市发展改革委牵头，市自然资源局配合）\n",
    );
    assert_eq!(
        tasks(&d),
        vec![
            (
                Some("（一）"),
                "加快专项债券发行使用。",
                vec!["市财政局"],
                vec![]
            ),
            (
                Some("（二）"),
                "推进重大项目建设。",
                vec!["市发展改革委"],
                vec!["市自然资源局"]
            ),
        ]
    );
    assert!(!all_text(&d).contains('&'), "{}", all_text(&d));
}

/// 27: YAML front matter is no part of the notice.
#[test]
fn front_matter_is_dropped() {
    let d = read(
        "---\n\
         title: \"湖南省人民政府办公厅关于做好2024年防汛工作的通知\"\n\
         date: 2024-04-10\n\
         tags: [政策文件, 防汛]\n\
         ---\n\n\
         # 湖南省人民政府办公厅关于做好2024年防汛工作的通知\n\n\
         湘政办发〔2024〕11号\n\n\
         各市州人民政府，省政府各厅委、各直属机构：\n\n\
         为做好2024年防汛工作，现通知如下。\n\n\
         湖南省人民政府办公厅\n\n\
         2024年4月2日\n",
    );
    assert_eq!(d.notice.issuer.as_deref(), Some("湖南省人民政府办公厅"));
    assert_eq!(
        d.notice.title.as_deref(),
        Some("湖南省人民政府办公厅关于做好2024年防汛工作的通知")
    );
    assert_eq!(d.notice.line, Some(7));
}

/// A paragraph indented by four spaces is text in a Markdown notice, not code: its emphasis
/// is resolved like any other's.
#[test]
fn indented_paragraphs_are_not_code() {
    let d = read(
        "# 某某市若干措施\n\n\
         一、扩大有效投资\n\n\
         \x20   **（一）加快专项债券发行使用。**到2025年完成。（市财政局负责）\n",
    );
    assert_eq!(
        tasks(&d),
        vec![(
            Some("（一）"),
            "加快专项债券发行使用。到2025年完成。",
            vec!["市财政局"],
            vec![]
        )]
    );
}

/// Named as Markdown (a `.md` file), a text is resolved without a sign.
#[test]
fn a_text_named_markdown_is_resolved_without_a_sign() {
    let text = "一、总则\n\n*（一）加强领导。*各地要加强领导。（市发展改革委牵头）\n";
    let as_text = read(text);
    assert!(!read_as_markdown(&as_text));
    let d = parse(
        text.as_bytes(),
        &Options {
            format: Some(InputFormat::Markdown),
            ..Options::default()
        },
    )
    .expect("parses");
    assert_eq!(
        tasks(&d),
        vec![(
            Some("（一）"),
            "加强领导。各地要加强领导。",
            vec!["市发展改革委"],
            vec![]
        )]
    );
}

/// The false positives guarded against: a plain notice with `〔2021〕`, `[2021]`, a redacted
/// `王**`, a note opening `*注：带*号…`, `<<` quotes, `R&D`, `#1机组`, a bar, `1.` items and
/// paragraphs indented by spaces is no Markdown, and reads as it always has.
#[test]
fn a_plain_notice_with_markdown_characters_is_read_as_plain_text() {
    let text = "\
关于表彰王**、李**同志的通知
京政发[2021]1号
各区人民政府：
    为表彰先进，根据<<条例>>规定，决定对#1机组运行班组予以通报表彰。
1. 王**同志、李**同志 | 记功一次。
*注：带*号的指标为约束性指标，R&D投入见[附表](一)。
北京市人民政府
2021年3月1日
";
    let d = read(text);
    assert!(!read_as_markdown(&d), "{:?}", d.diagnostics);
    let body = d.notice.body.join("\n") + &all_text(&d);
    for kept in ["王**同志", "*注：带*号", "[附表]", "R&D"] {
        assert!(body.contains(kept), "{kept} missing from {body}");
    }
}

/// One line of emphasis opening it is no sign; a heading further down is, and so is a table
/// rule under a row.
#[test]
fn the_signs_of_markdown() {
    assert!(!read_as_markdown(&read(
        "通知\n*注：带*号的为约束性指标。\n"
    )));
    assert!(read_as_markdown(&read("通知\n\n## 一、总体要求\n")));
    assert!(read_as_markdown(&read(
        "| 序号 | 任务 |\n| --- | --- |\n| 1 | 甲 |\n"
    )));
    assert!(!read_as_markdown(&read("序号 | 任务\n1 | 甲\n")));
}

/// A plain notice with a page's leftover `<br>` or `&nbsp;` (a weak sign): those are read, and
/// its other marks stay as printed — redacted names (`王**`, `张*华`) are no emphasis, `[2021]`
/// no link, `\` no escape.
#[test]
fn a_weak_sign_resolves_only_html_and_entities() {
    for leftover in ["现将有关情况通报如下：<br>", "现将有关情况通报如下：&nbsp;"]
    {
        let d = read(&format!(
            "某某市应急管理局关于某某事故的通报\n\n各区县应急管理局：\n\n{leftover}\n\
             （一）值班员王**发现异常，立即报告值长李**。\n\
             （二）张*华、刘*明按规程处置，详见[2021]第5号文件及C:\\通报目录。\n\n\
             某某市应急管理局\n2024年3月5日\n"
        ));
        assert!(read_as_markdown(&d), "{leftover}");
        let text = all_text(&d);
        for kept in [
            "王**发现异常，立即报告值长李**",
            "张*华、刘*明",
            "[2021]",
            "C:\\通报目录",
        ] {
            assert!(text.contains(kept), "{leftover}: {kept} in {text}");
        }
        assert!(!text.contains("&nbsp;") && !text.contains("<br>"), "{text}");
    }
}
