//! The signature page's furniture (seals side by side under a joint signature, `（此页无正文）`),
//! a 嘉奖令 titled on one line, and a 纪要 masthead naming its compiler (`…办公室编`).

use gongwen_parse::parse_text;

/// A joint notice whose two organs sign side by side, their seals' placeholders on one line.
const SEALS_SIDE_BY_SIDE: &str = "浙江省财政厅　浙江省人力资源和社会保障厅\n\
关于拨付2024年就业补助资金的通知\n\
浙财社〔2024〕12号\n\
各市、县（市、区）财政局、人力社保局：\n\
现将2024年就业补助资金拨付给你们，请专款专用。\n\
浙江省财政厅　　　　　　浙江省人力资源和社会保障厅\n\
（盖章）　　　　　　　　（盖章）\n\
2024年4月8日\n";

#[test]
fn seals_printed_side_by_side_are_passed_over() {
    let d = parse_text(SEALS_SIDE_BY_SIDE);
    assert_eq!(
        d.notice.signature.as_deref(),
        Some("浙江省财政厅、浙江省人力资源和社会保障厅")
    );
    assert_eq!(d.notice.date.as_deref(), Some("2024-04-08"));
    assert_eq!(
        d.notice.body,
        vec!["现将2024年就业补助资金拨付给你们，请专款专用。"]
    );
}

#[test]
fn a_line_of_text_in_brackets_above_the_date_stays_in_the_body() {
    // Guard: a bracketed line that is not seals is the letter's, not the signature's.
    let text = "某某市人民政府办公室关于做好防汛工作的通知\n\
某府办发〔2024〕3号\n\
各区县人民政府：\n\
请切实做好防汛工作。\n\
（印章管理另行通知）\n\
某某市人民政府办公室\n\
2024年6月1日\n";
    let d = parse_text(text);
    assert_eq!(
        d.notice.body.last().map(String::as_str),
        Some("（印章管理另行通知）")
    );
}

/// A signature page headed `（此页无正文）`.
const NO_TEXT_PAGE: &str = "安徽省农业农村厅　安徽省财政厅\n\
关于做好2024年耕地地力保护补贴工作的通知\n\
皖农计〔2024〕15号\n\
各市农业农村局、财政局：\n\
请按要求做好补贴资金发放工作。\n\
（此页无正文）\n\
安徽省农业农村厅　　　　　　安徽省财政厅\n\
（印章）　　　　　　　　　　（印章）\n\
2024年3月18日\n";

#[test]
fn the_no_text_note_of_a_signature_page_is_no_body_text() {
    let d = parse_text(NO_TEXT_PAGE);
    assert_eq!(
        d.notice.signature.as_deref(),
        Some("安徽省农业农村厅、安徽省财政厅")
    );
    assert_eq!(d.notice.body, vec!["请按要求做好补贴资金发放工作。"]);
}

#[test]
fn the_no_text_note_is_not_the_last_item_s_paragraph() {
    let text = NO_TEXT_PAGE.replace(
        "请按要求做好补贴资金发放工作。\n",
        "一、加强组织领导。各地要压实责任。\n二、规范资金发放。确保资金及时足额发放。\n",
    );
    let d = parse_text(&text);
    let last = d.parts[0].sections.last().expect("sections");
    assert_eq!(last.marker, "二、");
    assert!(
        !last.paragraphs.iter().any(|p| p.contains("无正文")),
        "{:?}",
        last.paragraphs
    );
    assert_eq!(
        d.notice.signature.as_deref(),
        Some("安徽省农业农村厅、安徽省财政厅")
    );
}

#[test]
fn a_commendation_order_titled_on_one_line_is_issued_by_its_organ() {
    for form in ["嘉奖令", "通令"] {
        let text = format!(
            "四川省人民政府{form}\n\
川府发〔2024〕12号\n\
在今年抗洪抢险救灾中，省森林消防总队甘孜支队冲锋在前，成功转移群众3000余人。为表彰先进，省人民政府决定，对该支队予以通令嘉奖。\n\
省长　黄　强\n\
2024年7月30日\n"
        );
        let d = parse_text(&text);
        assert_eq!(d.notice.issuer.as_deref(), Some("四川省人民政府"), "{form}");
        assert_eq!(
            d.notice.title.as_deref(),
            Some(&*format!("四川省人民政府{form}"))
        );
        assert_eq!(d.notice.signature.as_deref(), Some("省长 黄强"));
    }
}

#[test]
fn a_minutes_masthead_naming_its_compiler_gives_issuer_and_date() {
    for by in ["编", "编印"] {
        let text = format!(
            "湘潭市人民政府常务会议纪要\n\
第12期\n\
湘潭市人民政府办公室{by}　　　　　　2024年5月9日\n\
5月6日，市长主持召开市政府常务会议，研究了以下事项：\n\
一、研究城区老旧小区改造工作\n\
会议要求市住房城乡建设局牵头，市财政局配合，抓紧制定改造计划。\n"
        );
        let d = parse_text(&text);
        assert_eq!(
            d.notice.issuer.as_deref(),
            Some("湘潭市人民政府办公室"),
            "{by}"
        );
        assert_eq!(d.notice.date.as_deref(), Some("2024-05-09"));
        assert!(
            d.notice.body[0].starts_with("5月6日"),
            "{:?}",
            d.notice.body
        );
    }
}
