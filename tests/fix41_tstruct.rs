//! Structure of parts beside tables: paragraphs printed after a table stay after it in the
//! normalized text, an unlabeled attachment after labelled ones starts its part, the words
//! after a numbered 名单 are the letter's, and a contact line under the last numbered item is
//! the 附注's.

use gongwen_emit::text::to_text;
use gongwen_parse::parse_text;

/// The line `needle` stands at in `text`.
fn at(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("`{needle}` not in:\n{text}"))
}

const BODY_TABLE: &str = "某某市统计局关于2023年一季度全市工业生产情况的通报\n某统发〔2023〕5号\n各区县统计局：\n2023年一季度，全市规模以上工业增加值同比增长6.5%。各区县增长情况如下：\n\n\t区县\t增加值增速（%）\t较上年同期（百分点）\n\t东城区\t7.1\t1.2\n\t西城区\t5.2\t-0.4\n\n从上表看，西城区增速低于全市平均水平，请加强监测分析。\n某某市统计局\n2023年4月20日\n";

/// T09: a paragraph printed after a body table is written after it, not above it.
#[test]
fn a_paragraph_after_a_body_table_is_written_after_it() {
    let doc = parse_text(BODY_TABLE);
    let body = &doc.parts[0];
    assert_eq!(body.tables.len(), 1);
    assert_eq!(body.preamble.len(), 2);
    let text = to_text(&doc);
    let (lead_in, table, after) = (
        at(&text, "各区县增长情况如下"),
        at(&text, "\t东城区"),
        at(&text, "从上表看"),
    );
    assert!(lead_in < table && table < after, "{text}");
    // And it reads back the same.
    let again = parse_text(&text);
    assert_eq!(again.parts[0].preamble, body.preamble);
    assert_eq!(again.parts[0].tables[0].rows, body.tables[0].rows);
}

const ATTACHMENT_TABLE: &str = "某某市人民政府办公室关于开展某某工作的通知\n各区县人民政府：\n现将有关事项通知如下，请认真落实。\n附件：某某工作情况统计表\n某某市人民政府办公室\n2023年5月6日\n附件\n某某工作情况统计表\n各区县进展情况如下：\n\n\t区县\t完成数（个）\t完成率\n\t东城区\t12\t80%\n\t西城区\t9\t60%\n\n请各区县于每月5日前报送进展情况。\n";

/// T09: the same in an attachment: its preamble and its table are written in source order.
#[test]
fn an_attachments_paragraph_after_its_table_is_written_after_it() {
    let doc = parse_text(ATTACHMENT_TABLE);
    let part = doc.parts.last().expect("a part");
    assert_eq!(part.label.as_deref(), Some("附件"));
    assert_eq!(part.tables.len(), 1);
    assert_eq!(
        part.preamble,
        ["各区县进展情况如下：", "请各区县于每月5日前报送进展情况。"]
    );
    let text = to_text(&doc);
    let (lead_in, table, after) = (
        at(&text, "各区县进展情况如下"),
        at(&text, "\t东城区"),
        at(&text, "每月5日前报送"),
    );
    assert!(lead_in < table && table < after, "{text}");
}

const UNLABELED_SECOND: &str = "某某市人民政府办公室关于印发某某工作要点的通知\n各县区人民政府，市政府各工作部门：\n《某某工作要点》已经市政府同意，现印发给你们，请认真贯彻落实。\n附件：1．某某重点任务分工\n2．联络员回执\n3．示范村名单\n某某市人民政府办公室\n2023年4月3日\n附件1\n某某重点任务分工\n\t序号\t重点任务\t牵头单位\t配合单位\n\t1\t加快建设城乡一体化供水工程。\t市水利局\t市财政局\n\t2\t推进农村生活污水治理。\t市生态环境局\t市农业农村局\n\n联络员回执\n\n\t单位名称\t联络员\t职务\t办公电话\n\t\t\t\t\n\n示范村名单\n\n\t序号\t县区\t村名\n\t1\t甲区\t西街村\n\t2\t乙县\t柳林村\n";

/// T05: attachments printed with their listed titles but no `附件N` label, after a labelled
/// one, start their own parts, in the listed order.
#[test]
fn unlabeled_attachments_after_a_labelled_one_start_their_parts() {
    let doc = parse_text(UNLABELED_SECOND);
    let parts: Vec<(Option<&str>, Option<&str>, usize)> = doc
        .parts
        .iter()
        .map(|p| (p.label.as_deref(), p.title.as_deref(), p.tables.len()))
        .collect();
    assert_eq!(
        parts,
        [
            (Some("附件1"), Some("某某重点任务分工"), 1),
            (None, Some("联络员回执"), 1),
            (None, Some("示范村名单"), 1),
        ]
    );
    assert!(doc.parts[1].preamble.is_empty());
    assert_eq!(doc.tasks.len(), 2);
    assert!(
        !doc.diagnostics
            .iter()
            .any(|d| d.code == "attachment_missing"),
        "{:?}",
        doc.diagnostics
    );
}

const NAME_LIST: &str = "某某省人民政府办公厅关于公布第三批省级全域旅游示范区名单的通知\n某办函〔2023〕67号\n各市（州）人民政府，省政府各部门：\n经省政府同意，现将第三批省级全域旅游示范区名单公布如下：\n1．甲市乙区\n2．丙市丁县\n3．戊市己县\n4．庚州辛县\n各示范区要珍惜荣誉，发挥示范带动作用。文化和旅游部门要加强指导，实行动态管理。\n某某省人民政府办公厅\n2023年9月28日\n";

/// T15: the words after a numbered list of bare names are the letter's, not the last entry's.
#[test]
fn the_words_after_a_numbered_name_list_are_the_letters() {
    let doc = parse_text(NAME_LIST);
    let body = &doc.parts[0];
    assert_eq!(body.sections.len(), 4);
    let last = &body.sections[3];
    assert_eq!(last.heading, "庚州辛县");
    assert!(last.paragraphs.is_empty(), "{:?}", last.paragraphs);
    assert_eq!(
        body.closing,
        ["各示范区要珍惜荣誉，发挥示范带动作用。文化和旅游部门要加强指导，实行动态管理。"]
    );
    assert_eq!(to_text(&parse_text(&to_text(&doc))), to_text(&doc));
}

const CONTACT_UNDER_ITEMS: &str = "某某市人民政府办公室关于做好2023年防汛工作的通知\n某府办〔2023〕18号\n各镇人民政府，市府直属各单位：\n为切实做好今年防汛工作，现就有关事项通知如下：\n一、压实防汛责任。全面落实防汛责任制。（市应急管理局牵头，各镇街配合）\n二、排查整治隐患。对水库、堤防开展排查。（市水务局负责）\n三、强化值班值守。严格执行24小时值班制度。（市应急管理局、市水务局按职责分工负责）\n（联系人：陈某，联系电话：0769-22831234）\n某某市人民政府办公室\n2023年4月3日\n";

/// T16: a contact line right above the signature, under the last numbered measure, is the
/// 附注's, not that measure's text.
#[test]
fn a_contact_line_under_the_last_item_goes_to_the_note() {
    let doc = parse_text(CONTACT_UNDER_ITEMS);
    assert_eq!(
        doc.notice.note.as_deref(),
        Some("联系人：陈某，联系电话：0769-22831234")
    );
    let last = doc.parts[0].sections.last().expect("sections");
    assert!(
        last.paragraphs.iter().all(|p| !p.contains("联系人")),
        "{:?}",
        last.paragraphs
    );
    assert_eq!(doc.tasks.len(), 3);
}

/// T16: under a bare heading the contact is that heading's text, as before.
#[test]
fn a_contact_line_under_a_bare_heading_stays_its_text() {
    let text = CONTACT_UNDER_ITEMS.replace(
        "（联系人：陈某，联系电话：0769-22831234）",
        "四、其他事项\n（联系人：陈某，联系电话：0769-22831234）",
    );
    let doc = parse_text(&text);
    assert_eq!(doc.notice.note, None);
    let last = doc.parts[0].sections.last().expect("sections");
    assert_eq!(last.heading, "其他事项");
    assert_eq!(
        last.paragraphs,
        ["（联系人：陈某，联系电话：0769-22831234）"]
    );
}
