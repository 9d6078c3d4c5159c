//! Carried findings: the page's `所属机构`/`发布单位` as its issuer; an event notice's own
//! `主办：`/`承办：` closing lines; two `[下载]` files in one paragraph; a link that reads only
//! `附件1`; an XLSX merged range written from its last cell to its first; a title made of what
//! undecodable bytes leave.

use gongwen_parse::{Document, InputFormat, Severity};
use gongwen_tests::parsed_as;
use gongwen_tests::xlsx_package;

fn page(html: &str) -> Document {
    parsed_as(html.as_bytes(), InputFormat::Html)
}

fn attachments(d: &Document) -> Vec<(Option<u32>, &str)> {
    d.notice
        .attachments
        .iter()
        .map(|a| (a.index, a.title.as_str()))
        .collect()
}

// ---- the page's publishing organ -------------------------------------------------------------

/// A page whose 政府信息公开 table names the organ by `label`, over a notice that prints no
/// issuer of its own (it starts at its 主送机关, and is signed by nobody).
fn meta_page(label: &str, organ: &str) -> String {
    format!(
        "<html><head><meta charset=\"utf-8\"><title>关于做好2024年春季农业生产工作的通知</title></head><body>\
         <table class=\"xxgk\"><tr><td>索引号：</td><td>11370300MB0000000X/2024-00012</td>\
         <td>{label}：</td><td>{organ}</td></tr>\
         <tr><td>发文字号：</td><td>某农发〔2024〕3号</td><td>签署日期：</td><td>2024-02-20</td></tr>\
         <tr><td>公开范围：</td><td>面向社会</td><td>有效性：</td><td>有效</td></tr></table>\
         <div id=\"zoom\"><p>各区县农业农村局：</p>\
         <p>为做好今年春季农业生产工作，确保粮食生产开好局，现将有关事项通知如下。</p>\
         <p>一、抓好春播备耕</p><p>各地要及早调运种子化肥，保障农资供应。</p>\
         <p>2024年2月20日</p></div></body></html>"
    )
}

#[test]
fn an_organ_that_holds_the_page_in_its_catalogue_is_the_page_issuer_unless_a_general_office() {
    for label in ["所属机构", "发布单位", "发布机构"] {
        let d = page(&meta_page(label, "某某市农业农村局"));
        let p = d.source.page.as_ref().expect("page metadata");
        assert_eq!(p.issuer.as_deref(), Some("某某市农业农村局"), "{label}");
        assert_eq!(
            p.doc_number.as_deref(),
            Some("某农发〔2024〕3号"),
            "{label}"
        );
        // The notice names no issuer: the page's fills it.
        assert_eq!(
            d.notice.issuer.as_deref(),
            Some("某某市农业农村局"),
            "{label}"
        );
        // A general office posts its government's notices as well as its own.
        let d = page(&meta_page(label, "某某市人民政府办公室"));
        let p = d.source.page.as_ref().expect("page metadata");
        assert_eq!(p.issuer, None, "{label}");
        assert_eq!(
            p.fields.get(label).map(String::as_str),
            Some("某某市人民政府办公室")
        );
    }
}

#[test]
fn the_page_publishing_organ_does_not_override_its_issuer_or_the_notice_own() {
    // The page's 发文机关 wins over its 所属机构.
    let html = meta_page("所属机构", "某某市农业农村局").replace(
        "<td>公开范围：</td><td>面向社会</td>",
        "<td>发文机关：</td><td>某某市人民政府</td>",
    );
    let d = page(&html);
    let p = d.source.page.as_ref().expect("page metadata");
    assert_eq!(p.issuer.as_deref(), Some("某某市人民政府"));
    // A notice that prints its issuer keeps it.
    let html = meta_page("所属机构", "某某市农业农村局").replace(
        "<div id=\"zoom\"><p>各区县农业农村局：</p>",
        "<div id=\"zoom\"><p>某某市财政局关于做好2024年春季农业生产工作的通知</p><p>各区县农业农村局：</p>",
    );
    let d = page(&html);
    assert_eq!(d.notice.issuer.as_deref(), Some("某某市财政局"));
}

// ---- the article's own 主办/承办 lines -------------------------------------------------------------

const EVENT: &str = "<html><head><meta charset=\"utf-8\"><title>关于举办2024年消费促进月活动的通知</title></head><body>\
    <div id=\"zoom\"><p>关于举办2024年消费促进月活动的通知</p><p>各区商务主管部门，各有关企业：</p>\
    <p>为进一步激发消费活力，定于2024年5月举办消费促进月活动。现将有关事项通知如下。</p>\
    <p>一、活动时间</p><p>2024年5月1日至5月31日。</p>\
    <p>二、活动内容</p><p>组织开展促消费系列活动，各区要结合实际制定具体方案。</p>\
    <p>主办：市商务委</p><p>承办：市商业联合会</p></div>{footer}</body></html>";

fn all_text(d: &Document) -> String {
    let mut out = d.notice.body.join("\n");
    for part in &d.parts {
        for s in &part.sections {
            out.push('\n');
            out.push_str(&s.heading);
            for p in &s.paragraphs {
                out.push('\n');
                out.push_str(p);
            }
        }
        out.extend(part.closing.iter().map(|c| format!("\n{c}")));
    }
    out
}

#[test]
fn an_event_notice_keeps_its_own_closing_host_lines() {
    let d = page(&EVENT.replace("{footer}", ""));
    let text = all_text(&d);
    assert!(
        text.ends_with("主办：市商务委\n承办：市商业联合会"),
        "{text}"
    );
}

#[test]
fn a_site_footer_with_its_licence_or_code_is_still_left_out() {
    // The footer inside the element read as the article (a page without an article element):
    // the host line with the site's code and licence beside it is the site's.
    let html = EVENT
        .replace("<div id=\"zoom\">", "<div>")
        .replace("<p>主办：市商务委</p><p>承办：市商业联合会</p>", "")
        .replace(
            "{footer}",
            "<div>主办：某某市人民政府办公室</div><div>网站标识码：1234000001　某ICP备05000163号</div>",
        );
    let d = page(&html);
    let text = all_text(&d);
    assert!(text.ends_with("各区要结合实际制定具体方案。"), "{text}");
    assert!(!text.contains("主办"), "{text}");
}

// ---- files offered for download --------------------------------------------------------------

fn files_page(links: &str) -> String {
    format!(
        "<html><head><meta charset=\"utf-8\"><title>关于印发重点任务清单的通知</title></head><body>\
         <div id=\"zoom\"><p>关于印发重点任务清单的通知</p><p>各区人民政府，市政府各部门：</p>\
         <p>现将有关清单印发给你们，请认真贯彻落实。</p>\
         <p style=\"text-align:right\">某某市人民政府办公室</p><p style=\"text-align:right\">2024年3月1日</p>\
         {links}</div></body></html>"
    )
}

#[test]
fn two_download_prompts_in_one_paragraph_are_two_attachments() {
    for links in [
        "<p>附件1：重点任务清单.docx <a href=\"/files/a1.docx\">[下载]</a> 附件2：项目汇总表.xlsx <a href=\"/files/a2.xlsx\">[下载]</a></p>",
        "<p>附件1：重点任务清单.docx <a href=\"/files/a1.docx\">[下载]</a><br>附件2：项目汇总表.xlsx <a href=\"/files/a2.xlsx\">[下载]</a></p>",
        // Names without their extensions, the prompts' links giving them.
        "<p>附件1：重点任务清单 <a href=\"/files/a1.docx\">[下载]</a>　附件2：项目汇总表 <a href=\"/files/a2.xlsx\">【下载】</a></p>",
    ] {
        let d = page(&files_page(links));
        assert_eq!(
            attachments(&d),
            [(Some(1), "重点任务清单"), (Some(2), "项目汇总表")],
            "{links}"
        );
        assert!(
            !d.diagnostics
                .iter()
                .any(|x| x.code.starts_with("attachment_")),
            "{links}: {:?}",
            d.diagnostics
        );
    }
}

#[test]
fn a_link_that_reads_only_its_label_is_an_attachment_of_its_own_when_none_is_listed() {
    for (links, title) in [
        (
            "<p><a href=\"/files/重点任务清单.xlsx\">附件1</a></p>",
            "重点任务清单",
        ),
        // Its file name percent-encoded in the `href`.
        (
            "<p><a href=\"/files/%E9%87%8D%E7%82%B9%E4%BB%BB%E5%8A%A1%E6%B8%85%E5%8D%95.xlsx\">附件1</a></p>",
            "重点任务清单",
        ),
        // A file name the server made up titles nothing: the label does.
        (
            "<p><a href=\"/files/P020240301512345.xlsx\">附件1</a></p>",
            "附件1",
        ),
    ] {
        let d = page(&files_page(links));
        assert_eq!(attachments(&d), [(Some(1), title)], "{links}");
    }
}

#[test]
fn a_link_that_reads_only_its_label_is_still_the_file_of_the_attachment_listed_so() {
    // The 附件说明 lists the attachment under another title: the link is its file, no second
    // attachment.
    let links = "<p>附件：任务分工方案</p><p><a href=\"/files/重点任务清单.xlsx\">附件1</a></p>";
    let html = files_page("").replace(
        "<p style=\"text-align:right\">某某市人民政府办公室</p>",
        &format!("{links}<p style=\"text-align:right\">某某市人民政府办公室</p>"),
    );
    let d = page(&html);
    assert_eq!(attachments(&d), [(None, "任务分工方案")]);
}

// ---- XLSX --------------------------------------------------------------------------------

/// A row of inline-string cells from column A.
fn row(r: u32, cells: &[&str]) -> String {
    let mut s = format!("<row r=\"{r}\">");
    for (i, text) in cells.iter().enumerate() {
        let col = char::from(b'A' + u8::try_from(i).expect("few columns"));
        s.push_str(&format!(
            "<c r=\"{col}{r}\" t=\"inlineStr\"><is><t>{text}</t></is></c>"
        ));
    }
    s.push_str("</row>");
    s
}

/// An XLSX workbook of one sheet `任务分工` holding a task table, `merges` after its rows.
fn task_workbook(merges: &str) -> Vec<u8> {
    let rows = [
        row(1, &["序号", "重点任务", "牵头单位", "配合单位"]),
        row(
            2,
            &["1", "建设全省一体化政务云平台", "省大数据局", "省财政厅"],
        ),
        row(3, &["2", "完善公共数据目录体系", "", "省委网信办"]),
        row(4, &["3", "推进电子证照互认", "", "省公安厅"]),
        row(
            5,
            &["4", "推进政务服务一网通办", "省政务服务办", "省公安厅"],
        ),
    ];
    let worksheet = format!("<sheetData>{}</sheetData>{merges}", rows.concat());
    xlsx_package(&worksheet, None, None)
}

fn leads(d: &Document) -> Vec<Vec<&str>> {
    d.tasks
        .iter()
        .map(|t| t.lead.iter().map(String::as_str).collect())
        .collect()
}

#[test]
fn a_merged_range_written_from_its_last_cell_is_read_and_named() {
    let d = parsed_as(
        &task_workbook("<mergeCells count=\"1\"><mergeCell ref=\"C4:C2\"/></mergeCells>"),
        InputFormat::Workbook,
    );
    assert_eq!(
        leads(&d),
        [
            vec!["省大数据局"],
            vec!["省大数据局"],
            vec!["省大数据局"],
            vec!["省政务服务办"]
        ]
    );
    let note = d
        .diagnostics
        .iter()
        .find(|x| x.code == "workbook_merge_reversed")
        .expect("a note of the reversed range");
    assert_eq!(note.severity, Severity::Info);
    assert_eq!(note.cell.as_deref(), Some("任务分工!C2"));
    assert_eq!(note.line, Some(2));
    assert!(
        note.message.contains("C4:C2") && note.message.contains("C2:C4"),
        "{}",
        note.message
    );
    // Written corner to corner the usual way, it is said nothing of.
    let d = parsed_as(
        &task_workbook("<mergeCells count=\"1\"><mergeCell ref=\"C2:C4\"/></mergeCells>"),
        InputFormat::Workbook,
    );
    assert_eq!(leads(&d)[2], ["省大数据局"]);
    assert!(
        !d.diagnostics
            .iter()
            .any(|x| x.code == "workbook_merge_reversed"),
        "{:?}",
        d.diagnostics
    );
}

#[test]
fn a_range_reversed_in_both_directions_names_its_top_left_cell() {
    let d = parsed_as(
        &task_workbook(
            "<mergeCells count=\"2\"><mergeCell ref=\"D3:C2\"/><mergeCell ref=\"C5:C4\"/></mergeCells>",
        ),
        InputFormat::Workbook,
    );
    let notes: Vec<_> = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "workbook_merge_reversed")
        .collect();
    assert_eq!(notes.len(), 1, "one note a sheet: {notes:?}");
    assert_eq!(notes[0].cell.as_deref(), Some("任务分工!C2"));
    assert!(
        notes[0].message.contains("D3:C2") && notes[0].message.contains("and 1 more"),
        "{}",
        notes[0].message
    );
}

// ---- a title of undecodable bytes ------------------------------------------------------------

#[test]
fn a_title_made_of_undecodable_bytes_is_no_title() {
    // A UTF-8 page around an article stored in GBK: the article's bytes are no UTF-8.
    let paragraphs = [
        "某政办〔2023〕27号",
        "某某省人民政府办公厅关于印发加快推进县域商业体系建设实施方案的通知",
        "各市人民政府，省人民政府各部门：",
        "《加快推进县域商业体系建设实施方案》已经省政府同意，现印发给你们，请认真贯彻执行。",
        "附件：加快推进县域商业体系建设实施方案",
        "某某省人民政府办公厅",
        "2023年5月16日",
        "附件",
        "加快推进县域商业体系建设实施方案",
        "一、总体要求",
        "加快构建县乡村三级商业网络，推动商业资源下沉。",
        "二、重点任务",
        "（一）完善县城商业设施。支持县城建设改造一批综合商贸服务中心。",
        "（二）发展农村物流配送。整合邮政、快递、供销等资源，推进共同配送。",
    ];
    let article: String = paragraphs
        .iter()
        .map(|p| format!("<p><font face=\"仿宋_GB2312\" size=\"4\">{p}</font></p>\n"))
        .collect();
    let (gbk, _, _) = encoding_rs::GBK.encode(&article);
    let mut bytes = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>某某省人民政府办公厅关于印发加快推进县域商业体系建设实施方案的通知_某某省人民政府门户网站</title></head>\
        <body><div class=\"header\"><a href=\"/\">首页</a> | <a href=\"/zwgk/\">政务公开</a></div><div class=\"article\"><div class=\"TRS_Editor\">"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(&gbk);
    bytes.extend_from_slice(
        "</div></div><div class=\"footer\">网站标识码：4100000001</div></body></html>\n".as_bytes(),
    );
    let d = parsed_as(&bytes, InputFormat::Html);
    assert_eq!(d.notice.title, None);
    let codes: Vec<&str> = d.diagnostics.iter().map(|x| x.code.as_str()).collect();
    assert!(codes.contains(&"no_title"), "{codes:?}");
    assert!(codes.contains(&"decode_replaced"), "{codes:?}");
}

#[test]
fn a_title_with_one_undecodable_character_is_kept() {
    let (gbk, _, _) = encoding_rs::GBK.encode(
        "某某市人民政府关于加强春季森林防火工作的通知\n\n各乡镇人民政府：\n\n为做好今春森林防火工作，现就有关事项通知如下。\n\n某某市人民政府\n2024年3月1日\n",
    );
    let mut bytes = gbk.into_owned();
    // A byte no GBK text holds after the organ: one U+FFFD among twenty-odd characters.
    bytes.insert(14, 0xFF);
    let d = parsed_as(&bytes, InputFormat::Text);
    assert!(
        d.diagnostics.iter().any(|x| x.code == "decode_replaced"),
        "{:?}",
        d.diagnostics
    );
    assert_eq!(
        d.notice.title.as_deref(),
        Some("某某市人民政府\u{FFFD}关于加强春季森林防火工作的通知"),
        "{:?}",
        d.diagnostics
    );
}
