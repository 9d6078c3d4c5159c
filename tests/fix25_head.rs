//! The head's, signature's and attachment list's findings of the twenty-fifth round: a joint
//! letterhead over a title naming its organs by their short forms, and an attachment listed with
//! the mark that it is left out of the publication (`（略）`).

use gongwen_parse::parse_text;

/// A joint 委办/政办 letterhead, the two organs in full one a line, over `市委办公室
/// 市政府办公室关于…`.
fn joint_head(title: &str) -> String {
    format!(
        "中共某某市委办公室
某某市人民政府办公室

某委办〔2024〕12号

{title}

各县（市、区）党委和人民政府，市委各部委，市级国家机关各部门：
　　《某某市优化营商环境三年行动方案》已经市委、市政府同意，现印发给你们，请认真贯彻落实。

中共某某市委办公室
某某市人民政府办公室
2024年4月1日
"
    )
}

#[test]
fn a_joint_letterhead_over_its_organs_short_forms_is_not_glued_into_the_title() {
    let d = parse_text(&joint_head(
        "市委办公室 市政府办公室关于印发《某某市优化营商环境三年行动方案》的通知",
    ));
    let title = d.notice.title.as_deref().unwrap_or_default();
    assert!(
        title.starts_with("市委办公室") && title.ends_with("的通知"),
        "{title}"
    );
    assert!(!title.contains("中共"), "{title}");
    assert_eq!(
        d.notice.issuer.as_deref(),
        Some("中共某某市委办公室、某某市人民政府办公室")
    );
    // Joined by `、`, as well.
    let d = parse_text(&joint_head(
        "市委办公室、市政府办公室关于印发《某某市优化营商环境三年行动方案》的通知",
    ));
    let title = d.notice.title.as_deref().unwrap_or_default();
    assert!(title.starts_with("市委办公室"), "{title}");
}

#[test]
fn a_title_naming_other_organs_than_the_joint_head_keeps_the_head() {
    // Short forms of other organs (the 市委 itself, not its office): the head is not theirs.
    let d = parse_text(&joint_head(
        "市委 市政府关于印发《某某市优化营商环境三年行动方案》的通知",
    ));
    let title = d.notice.title.as_deref().unwrap_or_default();
    assert!(title.starts_with("中共某某市委办公室"), "{title}");
    // One short form for two organs: not the head's organs one by one.
    let d = parse_text(&joint_head(
        "市政府办公室关于印发《某某市优化营商环境三年行动方案》的通知",
    ));
    let title = d.notice.title.as_deref().unwrap_or_default();
    assert!(title.starts_with("中共某某市委办公室"), "{title}");
}

#[test]
fn a_single_party_organ_over_its_short_form_is_not_glued_into_the_title() {
    let d = parse_text(
        "中共某某省委办公厅

省委办公厅关于做好某某工作的通知

各市委，省直各单位：
　　现就做好某某工作通知如下。

中共某某省委办公厅
2024年4月1日
",
    );
    assert_eq!(
        d.notice.title.as_deref(),
        Some("省委办公厅关于做好某某工作的通知")
    );
    assert_eq!(d.notice.issuer.as_deref(), Some("中共某某省委办公厅"));
}
