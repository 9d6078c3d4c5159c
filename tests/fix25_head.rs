//! The head's, signature's and attachment list's findings of the twenty-fifth round: a joint
//! letterhead over a title naming its organs by their short forms, and an attachment listed with
//! the mark that it is left out of the publication (`（略）`).

use gongwen_parse::{Document, Severity, parse_text};

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

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

/// A notice whose 附件说明 lists its second attachment as `item`, printing only the first.
fn listed(item: &str) -> String {
    format!(
        "某某省人民政府办公厅关于印发某某实施方案的通知

某政办发〔2024〕7号

各市人民政府，省政府各厅委、各直属机构：
　　《某某实施方案》已经省政府同意，现印发给你们，请认真贯彻落实。

　　附件：1．某某实施方案
　　　　　2．{item}

某某省人民政府办公厅
2024年5月6日

附件1

某某实施方案

　　一、总体要求
　　到2027年，设备投资规模较2023年增长25%以上。
"
    )
}

fn attachment_titles(d: &Document) -> Vec<&str> {
    d.notice
        .attachments
        .iter()
        .map(|a| a.title.as_str())
        .collect()
}

#[test]
fn an_attachment_marked_omitted_is_titled_without_the_mark() {
    let d = parse_text(&listed("重点任务分工表（略）"));
    assert_eq!(attachment_titles(&d), ["某某实施方案", "重点任务分工表"]);
    // The table's absence is said once, with the mark as printed.
    let said: Vec<_> = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "task_table_omitted")
        .collect();
    assert_eq!(said.len(), 1, "{:?}", d.diagnostics);
    assert!(said[0].message.contains("（略）"), "{}", said[0].message);
    assert!(
        !codes(&d).contains(&"attachment_omitted"),
        "{:?}",
        d.diagnostics
    );
    assert!(
        !codes(&d).contains(&"attachment_missing"),
        "{:?}",
        d.diagnostics
    );
}

#[test]
fn any_attachment_marked_omitted_is_said_to_be_left_out() {
    for (item, mark) in [
        ("某某报告模板（此略）", "（此略）"),
        ("某某项目清单（另发）", "（另发）"),
        // (ASCII parentheses are read as the full-width ones.)
        ("某某申报表(略)", "(略)"),
    ] {
        let d = parse_text(&listed(item));
        let title = item.strip_suffix(mark).unwrap();
        assert_eq!(attachment_titles(&d), ["某某实施方案", title]);
        let said: Vec<_> = d
            .diagnostics
            .iter()
            .filter(|x| x.code == "attachment_omitted")
            .collect();
        assert_eq!(said.len(), 1, "{item}: {:?}", d.diagnostics);
        assert_eq!(said[0].severity, Severity::Info);
        let word = mark.trim_matches(['（', '）', '(', ')']);
        assert!(said[0].message.contains(word), "{}", said[0].message);
        assert!(
            !codes(&d).contains(&"attachment_missing"),
            "{:?}",
            d.diagnostics
        );
    }
}

#[test]
fn a_titles_own_bracketed_words_are_no_omission_mark() {
    for item in [
        "某某管理办法（试行）",
        "某某规划（2024—2026年）",
        "某某清单（略表）",
    ] {
        let d = parse_text(&listed(item));
        assert_eq!(attachment_titles(&d), ["某某实施方案", item]);
        assert!(
            !codes(&d).contains(&"attachment_omitted"),
            "{:?}",
            d.diagnostics
        );
        assert!(
            codes(&d).contains(&"attachment_missing"),
            "{:?}",
            d.diagnostics
        );
    }
}

/// A notice closing its letter with the 附件说明 `lines`, one a line, its attachments after the
/// date.
fn closing_list(lines: &str) -> String {
    format!(
        "某某市人民政府关于印发某某方案的通知

各区人民政府，市政府各部门：
　　现将《某某方案》印发给你们，请认真贯彻落实。

{lines}

某某市人民政府
2024年3月1日

附件1

重点任务分工表

一、项目名单

附件2

某某项目清单

一、项目名单
"
    )
}

#[test]
fn a_closing_attachment_list_labelled_with_a_dot_is_the_list() {
    for lines in [
        "　　附件1.重点任务分工表\n　　附件2．某某项目清单",
        "附件1．重点任务分工表\n附件2.某某项目清单",
    ] {
        let d = parse_text(&closing_list(lines));
        assert_eq!(
            attachment_titles(&d),
            ["重点任务分工表", "某某项目清单"],
            "{lines}"
        );
        assert_eq!(
            d.notice.body,
            ["现将《某某方案》印发给你们，请认真贯彻落实。"],
            "{lines}"
        );
        assert!(
            !codes(&d).contains(&"attachment_not_listed"),
            "{:?}",
            d.diagnostics
        );
    }
}

#[test]
fn a_line_that_only_opens_with_an_attachments_number_is_no_list() {
    // A number after the label's (`附件1.5万元`), and a list that does not close the letter.
    for lines in [
        "附件1.5万元以下的项目由区级审批。",
        "附件1.重点任务分工表\n附件2.某某项目清单\n请各区认真组织实施。",
    ] {
        let d = parse_text(&closing_list(lines));
        assert!(
            d.notice.attachments.is_empty(),
            "{lines}: {:?}",
            d.notice.attachments
        );
        assert!(d.notice.body.len() > 1, "{lines}: {:?}", d.notice.body);
    }
}

/// An order (令) signed by `signer` over its date.
fn order(signer: &str) -> String {
    format!(
        "某某省人民政府令

第300号

《某某省安全生产条例实施办法》已经2024年3月1日省人民政府第20次常务会议通过，现予公布，自2024年5月1日起施行。

{signer}
2024年3月10日
"
    )
}

#[test]
fn an_order_signed_by_a_letter_spaced_office_and_name_parts_them() {
    for (signer, signature) in [
        ("省　长　　王　凯", "省长 王凯"),
        ("省长　王凯", "省长 王凯"),
        ("省长王凯", "省长 王凯"),
        ("代省长　　王　凯", "代省长 王凯"),
        ("省　长　　王××", "省长 王××"),
        ("省长：王凯", "省长：王凯"),
    ] {
        let d = parse_text(&order(signer));
        assert_eq!(d.notice.signature.as_deref(), Some(signature), "{signer}");
        assert_eq!(
            d.notice.issuer.as_deref(),
            Some("某某省人民政府"),
            "{signer}"
        );
        assert_eq!(d.notice.date.as_deref(), Some("2024-03-10"), "{signer}");
        assert!(
            !d.notice.body.iter().any(|p| p.contains('凯')),
            "{:?}",
            d.notice.body
        );
    }
    // An organ's name is no signer's: it is not parted.
    let d = parse_text(&order("某某省人民政府"));
    assert_eq!(d.notice.signature.as_deref(), Some("某某省人民政府"));
}

/// A notice of `issuer` whose letter closes with `closing` and no date.
fn undated(closing: &str) -> String {
    format!(
        "某某市人民政府关于做好某某工作的通知

各区人民政府，市政府各部门：
　　现就做好某某工作通知如下，请认真贯彻落实。

{closing}
"
    )
}

#[test]
fn the_issuers_name_closing_a_letter_without_a_date_is_its_signature() {
    for closing in [
        "某某市人民政府　　",
        "某某市人民政府\u{2003}\u{2003}",
        "　　　　　　　　某某市人民政府",
        "某某市人民政府",
    ] {
        let d = parse_text(&undated(closing));
        assert_eq!(
            d.notice.signature.as_deref(),
            Some("某某市人民政府"),
            "{closing:?}"
        );
        assert_eq!(
            d.notice.body,
            ["现就做好某某工作通知如下，请认真贯彻落实。"],
            "{closing:?}"
        );
        assert_eq!(d.notice.date, None);
    }
}

#[test]
fn a_last_line_naming_another_organ_is_no_undated_signature() {
    // Another organ's name, an organ named in a sentence, a line of text.
    for closing in [
        "某某市发展和改革委员会",
        "请各区人民政府认真贯彻落实。",
        "特此通知。",
    ] {
        let d = parse_text(&undated(closing));
        assert_eq!(d.notice.signature, None, "{closing}");
        assert_eq!(
            d.notice.body.last().map(String::as_str),
            Some(closing),
            "{closing}"
        );
    }
    // A letter that is nothing but the issuer's name has no text to sign.
    let d = parse_text("某某市人民政府关于做好某某工作的通知\n\n某某市人民政府\n");
    assert_eq!(d.notice.signature, None);
}

#[test]
fn a_joint_notices_organs_closing_it_without_a_date_sign_it() {
    let d = parse_text(
        &joint_head("市委办公室 市政府办公室关于印发《某某市优化营商环境三年行动方案》的通知")
            .replace("2024年4月1日\n", ""),
    );
    assert_eq!(
        d.notice.signature.as_deref(),
        Some("中共某某市委办公室、某某市人民政府办公室")
    );
    assert_eq!(d.notice.body.len(), 1, "{:?}", d.notice.body);
}
