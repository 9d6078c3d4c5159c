//! The head and the 版记: addressees named collectively by the places of farms and 兵团 units
//! or by an enterprise group's short name; a 主送 list printed with its label, in the 版记 or under
//! the number; the short label `附：` of older notices' 附件说明; a
//! publication's organ and date under its title.

use gongwen_parse::{PartKind, parse_text};
use gongwen_tests::part_heads;

/// A notice whose 主送 line is `addressees`.
fn notice_to(addressees: &str) -> String {
    format!(
        "某某县人民政府办公室\n\
关于做好2024年防汛工作的通知\n\
某府办发〔2024〕5号\n\
{addressees}\n\
为做好2024年防汛工作，现就有关事项通知如下，请认真贯彻执行。\n\
某某县人民政府办公室\n\
2024年5月6日\n"
    )
}

#[test]
fn farms_and_bingtuan_units_named_collectively_are_addressees() {
    for (line, want) in [
        (
            "自治区各州、市、县（市）人民政府，兵团各师市，自治区人民政府各部门，兵团机关各部门：",
            vec![
                "自治区各州、市、县（市）人民政府",
                "兵团各师市",
                "自治区人民政府各部门",
                "兵团机关各部门",
            ],
        ),
        ("各乡镇场，县直各单位：", vec!["各乡镇场", "县直各单位"]),
        (
            "各乡镇人民政府，各垦殖场，县直各单位：",
            vec!["各乡镇人民政府", "各垦殖场", "县直各单位"],
        ),
        ("各连队，团直各部门：", vec!["各连队", "团直各部门"]),
        ("各团场，师直各单位：", vec!["各团场", "师直各单位"]),
        (
            "新区各部门，容城县、安新县、雄县人民政府，中国雄安集团：",
            vec!["新区各部门", "容城县、安新县、雄县人民政府", "中国雄安集团"],
        ),
    ] {
        let d = parse_text(&notice_to(line));
        assert_eq!(d.notice.addressees, want, "{line}");
        assert_eq!(
            d.notice.body,
            ["为做好2024年防汛工作，现就有关事项通知如下，请认真贯彻执行。"],
            "{line}"
        );
    }
}

/// Guard: a sentence ending in `：` whose last words name places is still no 主送 line.
#[test]
fn a_sentence_naming_places_is_no_addressee_line() {
    let line = "经研究，现将有关事项通知各乡镇场：";
    let d = parse_text(&notice_to(line));
    assert!(d.notice.addressees.is_empty(), "{:?}", d.notice.addressees);
    assert_eq!(d.notice.body.first().map(String::as_str), Some(line));
}

const BANJI_MAIN_TO: &str = "福建省人民政府\n\
关于加强森林防火工作的通知\n\
闽政〔1999〕12号\n\
当前正值森林防火戒严期，各地要切实加强领导，严防森林火灾发生。\n\
一、落实防火责任制。\n\
二、加强野外火源管理。\n\
福建省人民政府\n\
一九九九年二月十日\n\
主送：各地区行政公署，各市、县（区）人民政府，省直各有关单位。\n\
抄送：省委办公厅，省人大常委会办公厅，省政协办公厅。\n";

#[test]
fn a_main_to_list_in_the_colophon_gives_the_addressees() {
    let d = parse_text(BANJI_MAIN_TO);
    assert_eq!(
        d.notice.addressees,
        ["各地区行政公署", "各市、县（区）人民政府", "省直各有关单位"]
    );
    assert_eq!(
        d.notice.copied_to,
        ["省委办公厅", "省人大常委会办公厅", "省政协办公厅"]
    );
    assert_eq!(part_heads(&d), vec![(PartKind::Body, None, None)]);
}

#[test]
fn a_main_to_list_run_onto_a_second_line_in_the_colophon_is_read_whole() {
    let text = BANJI_MAIN_TO.replace(
        "主送：各地区行政公署，各市、县（区）人民政府，省直各有关单位。\n",
        "主送：各地区行政公署，各市、县（区）人民政府，\n省直各有关单位。\n",
    );
    let d = parse_text(&text);
    assert_eq!(
        d.notice.addressees,
        ["各地区行政公署", "各市、县（区）人民政府", "省直各有关单位"]
    );
    assert_eq!(
        d.notice.copied_to,
        ["省委办公厅", "省人大常委会办公厅", "省政协办公厅"]
    );
}

#[test]
fn a_labelled_main_to_line_under_the_number_gives_the_addressees() {
    let text = "福建省人民政府\n\
关于加强森林防火工作的通知\n\
闽政〔1999〕12号\n\
主送：各地区行政公署，各市、县（区）人民政府，省直各有关单位。\n\
当前正值森林防火戒严期，各地要切实加强领导，严防森林火灾发生。\n\
福建省人民政府\n\
一九九九年二月十日\n";
    let d = parse_text(text);
    assert_eq!(
        d.notice.addressees,
        ["各地区行政公署", "各市、县（区）人民政府", "省直各有关单位"]
    );
    assert_eq!(
        d.notice.body,
        ["当前正值森林防火戒严期，各地要切实加强领导，严防森林火灾发生。"]
    );
}

const FU_LABEL: &str = "山西省人民政府办公厅\n\
关于印发山西省农村公路养护管理办法的通知\n\
晋政办发〔2005〕38号\n\
各市、县人民政府，省人民政府各委、厅，各直属机构：\n\
《山西省农村公路养护管理办法》已经省人民政府同意，现印发给你们，请遵照执行。\n\
附：山西省农村公路养护管理办法\n\
二○○五年六月八日\n\
山西省农村公路养护管理办法\n\
第一条　为加强农村公路养护管理，保持农村公路完好畅通，制定本办法。\n\
第二条　本办法所称农村公路，包括县道、乡道和村道。\n";

#[test]
fn the_short_label_fu_lists_the_attachment() {
    let d = parse_text(FU_LABEL);
    let listed: Vec<(Option<u32>, &str)> = d
        .notice
        .attachments
        .iter()
        .map(|a| (a.index, a.title.as_str()))
        .collect();
    assert_eq!(listed, [(None, "山西省农村公路养护管理办法")]);
    assert_eq!(
        d.notice.body,
        ["《山西省农村公路养护管理办法》已经省人民政府同意，现印发给你们，请遵照执行。"]
    );
}

/// Guard: `附：` over a labelled line (a contact) or a sentence is no 附件说明.
#[test]
fn the_short_label_fu_over_a_sentence_or_a_labelled_line_lists_nothing() {
    for line in [
        "附：联系人：张某某，电话：12345678",
        "附：请各地于5月底前报送材料。",
    ] {
        let text = FU_LABEL.replace("附：山西省农村公路养护管理办法", line);
        let d = parse_text(&text);
        assert!(d.notice.attachments.is_empty(), "{line}");
    }
}

const GONGBAO: &str = "甘孜藏族自治州2023年国民经济和社会发展统计公报\n\
甘孜州统计局\n\
2024年4月10日\n\
2023年，全州上下坚持以习近平新时代中国特色社会主义思想为指导，经济社会发展取得新成效。\n\
一、综合\n\
初步核算，全年全州地区生产总值497.5亿元，比上年增长6.1%。\n\
二、农业\n\
全年粮食作物播种面积8.9万公顷，比上年增长0.9%。\n";

#[test]
fn a_publication_s_organ_and_date_under_its_title_head_its_text() {
    let d = parse_text(GONGBAO);
    let n = &d.notice;
    assert_eq!(
        n.title.as_deref(),
        Some("甘孜藏族自治州2023年国民经济和社会发展统计公报")
    );
    assert_eq!(n.issuer.as_deref(), Some("甘孜州统计局"));
    assert_eq!(n.signature.as_deref(), Some("甘孜州统计局"));
    assert_eq!(n.date.as_deref(), Some("2024-04-10"));
    assert_eq!(part_heads(&d), vec![(PartKind::Body, None, None)]);
    // The normalized text (the organ and date printed as the closing) reads back the same.
    let again = parse_text(&gongwen_emit::text::to_text(&d));
    assert_eq!(
        gongwen_tests::notice_without_line(&again),
        gongwen_tests::notice_without_line(&d)
    );
    let heads: Vec<&str> = d.parts[0]
        .sections
        .iter()
        .map(|s| s.heading.as_str())
        .collect();
    assert_eq!(heads, ["综合", "农业"]);
    assert_eq!(
        d.parts[0].preamble,
        ["2023年，全州上下坚持以习近平新时代中国特色社会主义思想为指导，经济社会发展取得新成效。"]
    );
}

#[test]
fn a_publication_s_organ_and_date_on_one_line_under_its_title_head_its_text() {
    let text = GONGBAO.replace(
        "甘孜州统计局\n2024年4月10日\n",
        "甘孜州统计局　2024年4月10日\n",
    );
    let d = parse_text(&text);
    assert_eq!(d.notice.issuer.as_deref(), Some("甘孜州统计局"));
    assert_eq!(d.notice.date.as_deref(), Some("2024-04-10"));
    assert_eq!(part_heads(&d), vec![(PartKind::Body, None, None)]);
}

/// Guard: a letter titled `……关于……的报告` signed right under its title keeps its signature
/// (the organ and date under the title are read as a publication's only for a title without
/// `关于`, which names its issuer itself).
#[test]
fn a_signature_under_a_guanyu_title_stays_the_signature() {
    let text = "某某县统计局关于2023年统计工作的报告\n某某县统计局\n2024年1月10日\n\
2023年，我局认真履行职责。\n";
    let d = parse_text(text);
    assert_eq!(d.notice.signature.as_deref(), Some("某某县统计局"));
    assert_eq!(d.notice.date.as_deref(), Some("2024-01-10"));
}
