//! Today's rules held against ordinary notices (a tester's regressions): an attachment marked as
//! left out keeps its mark in the model and in the text written back, and its page heading with
//! the mark is the attachment listed; `（此件略）` is such a mark; an undated letter whose list of
//! units ends with the issuer's own name keeps that item in its text.

use gongwen_parse::{Document, parse_text};

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|g| g.code.as_str()).collect()
}

const OMITTED: &str = "重庆市人民政府办公厅关于印发某某行动方案的通知\n\
渝府办发〔2024〕33号\n\
各区县（自治县）人民政府，市政府各部门，有关单位：\n\
《某某行动方案》已经市政府同意，现印发给你们，请认真贯彻执行。\n\
附件：1.某某行动方案\n\
2.某某重点项目清单（略）\n\
重庆市人民政府办公厅\n\
2024年4月22日\n\
（此件公开发布）\n\
附件1\n\
某某行动方案\n\
一、总体要求\n\
全年实施城市更新项目300个以上。\n\
附件2\n\
某某重点项目清单（略）\n";

#[test]
fn an_omitted_attachment_keeps_its_mark_and_matches_its_heading() {
    let d = parse_text(OMITTED);
    let listed: Vec<(&str, Option<&str>)> = d
        .notice
        .attachments
        .iter()
        .map(|a| (a.title.as_str(), a.omitted.as_deref()))
        .collect();
    assert_eq!(
        listed,
        vec![("某某行动方案", None), ("某某重点项目清单", Some("（略）"))]
    );
    // The page's heading with the mark is the attachment listed without it.
    assert!(
        !codes(&d).contains(&"attachment_title_mismatch"),
        "{:?}",
        d.diagnostics
    );
    // Written back as text, the list prints the mark, and reads again the same.
    let text = gongwen_emit::text::to_text(&d);
    assert!(text.contains("2．某某重点项目清单（略）"), "{text}");
    assert_eq!(parse_text(&text).notice.attachments, d.notice.attachments);
    // In the JSON only when marked.
    let json = String::from_utf8(gongwen_emit::json::to_json(&d).expect("json")).expect("utf-8");
    assert_eq!(json.matches("\"omitted\"").count(), 1, "{json}");
}

#[test]
fn ci_jian_lue_is_an_omission_mark() {
    let text = OMITTED
        .replace("2.某某重点项目清单（略）", "2.重点任务分工表（此件略）")
        .replace("附件2\n某某重点项目清单（略）\n", "");
    let d = parse_text(&text);
    assert_eq!(d.notice.attachments[1].title, "重点任务分工表");
    assert_eq!(
        d.notice.attachments[1].omitted.as_deref(),
        Some("（此件略）")
    );
    let codes = codes(&d);
    assert!(codes.contains(&"task_table_omitted"), "{codes:?}");
    assert!(
        !codes.contains(&"no_task_table") && !codes.contains(&"attachment_missing"),
        "{codes:?}"
    );
}

#[test]
fn an_undated_letters_list_ending_with_the_issuer_keeps_its_last_item() {
    let head = "江苏省发展和改革委员会关于召开全省重大项目推进会的通知\n\
                各设区市发展改革委，省有关部门：\n\
                经研究，定于2024年9月12日在南京召开全省重大项目推进会。\n";
    let listed =
        format!("{head}会务工作由以下单位负责：\n南京市发展改革委\n江苏省发展和改革委员会\n");
    let d = parse_text(&listed);
    assert_eq!(d.notice.signature, None);
    assert!(d.notice.body.iter().any(|p| p == "江苏省发展和改革委员会"));
    // After a sentence, the issuer's name alone is the signature.
    let signed = format!("{head}请各单位按时参会。\n江苏省发展和改革委员会\n");
    let d = parse_text(&signed);
    assert_eq!(
        d.notice.signature.as_deref(),
        Some("江苏省发展和改革委员会")
    );
}

#[test]
fn a_joint_letterhead_on_one_line_names_its_organs_apart() {
    let text = "中共某某自治区委员会办公厅　某某自治区人民政府办公厅文件\n\
                某党办〔2024〕33号\n\
                关于印发《某某实施细则》的通知\n\
                各市、县（区）党委和人民政府，自治区各部门：\n\
                现将《某某实施细则》印发给你们，请结合实际认真贯彻落实。\n\
                中共某某自治区委员会办公厅\n\
                某某自治区人民政府办公厅\n\
                2024年6月3日\n";
    let d = parse_text(text);
    assert_eq!(
        d.notice.issuer.as_deref(),
        Some("中共某某自治区委员会办公厅、某某自治区人民政府办公厅")
    );
    assert_eq!(
        d.notice.title.as_deref(),
        Some("关于印发《某某实施细则》的通知")
    );
    // One organ with `文件` set apart stays one name.
    let one = text.replace(
        "中共某某自治区委员会办公厅　某某自治区人民政府办公厅文件",
        "某某自治区人民政府办公厅　文件",
    );
    assert_eq!(
        parse_text(&one).notice.issuer.as_deref(),
        Some("某某自治区人民政府办公厅")
    );
}
