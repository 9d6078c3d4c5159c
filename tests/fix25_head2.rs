//! The head's, 版记's and forwarded notices' findings of the twenty-fifth round (tester G): a
//! 公告/通告 whose letterhead sets the organ and the form on two lines, a 版记 ruled as a table
//! right under the letter's sign-off before the attachment's pages, and a 转发 of a 转发.

use gongwen_parse::parse_text;

/// A 公告 or 通告 headed by `head` (its letterhead's lines), then `number` and `title`.
fn announcement(head: &str, number: &str, title: &str) -> String {
    format!(
        "{head}
{number}

{title}

　　为贯彻落实有关条例，进一步规范管理工作，现将有关事项公告如下。
　　特此公告。

某某部
2024年4月1日
"
    )
}

#[test]
fn a_two_line_letterhead_of_a_gonggao_is_not_its_title() {
    for form in ["公　　告", "公告", "公 告"] {
        let d = parse_text(&announcement(
            &format!("中华人民共和国某某部\n{form}"),
            "2024年　第12号",
            "关于发布《某某管理名录（2024年版）》的公告",
        ));
        assert_eq!(
            d.notice.title.as_deref(),
            Some("关于发布《某某管理名录（2024年版）》的公告"),
            "{form}"
        );
        assert_eq!(d.notice.issuer.as_deref(), Some("中华人民共和国某某部"));
        assert_eq!(
            d.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
            Some("2024年第12号")
        );
        assert!(
            d.notice.body[0].starts_with("为贯彻落实"),
            "{:?}",
            d.notice.body
        );
    }
}

#[test]
fn a_two_line_letterhead_of_a_tonggao_over_its_number_is_not_its_title() {
    let d = parse_text(&announcement(
        "某某市人民政府\n通　　告",
        "某政告〔2024〕3号",
        "关于在全市范围内禁止燃放烟花爆竹的通告",
    ));
    assert_eq!(
        d.notice.title.as_deref(),
        Some("关于在全市范围内禁止燃放烟花爆竹的通告")
    );
    assert_eq!(d.notice.issuer.as_deref(), Some("某某市人民政府"));
    assert!(
        d.notice.body[0].starts_with("为贯彻落实"),
        "{:?}",
        d.notice.body
    );
}

#[test]
fn a_two_line_letterhead_with_no_title_under_its_number_still_titles_the_notice() {
    // No `关于……` title under the number: the head (organ and form) stays the title.
    let text = "某某市人民政府\n通　　告\n某政告〔2024〕3号\n\n　　为保护环境，现就有关事项通告如下：\n　　一、本市全年禁止燃放烟花爆竹。\n\n某某市人民政府\n2023年12月25日\n";
    let d = parse_text(text);
    assert_eq!(d.notice.title.as_deref(), Some("某某市人民政府通告"));
}

#[test]
fn an_organ_over_a_title_line_that_is_no_bare_form_keeps_its_reading() {
    // An organ over a line that only ends in `公告` is not a two-line letterhead.
    let d = parse_text(&announcement(
        "某某市人民政府\n招标公告",
        "某政告〔2024〕3号",
        "关于某某项目的公告",
    ));
    assert_ne!(d.notice.title.as_deref(), Some("关于某某项目的公告"));
}
