//! The outline findings of the twenty-second round: an item whose title opens with a number
//! (`3.5G网络建设工程`) read as a decimal, a circular of criticism's closing warning, a title
//! naming its organ by the short form (`省政府关于…`), and a 政策解读's sign-off lines.

use gongwen_parse::{Document, Options, Section, parse, parse_text};

/// `(marker, heading)` of each child of the first top-level section.
fn items(d: &Document) -> Vec<(&str, &str)> {
    d.parts[0].sections[0]
        .children
        .iter()
        .map(|c: &Section| (c.marker.as_str(), c.heading.as_str()))
        .collect()
}

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

/// A plan's list `1.`–`4.` whose item 3 is `item3`.
fn plan(item3: &str) -> String {
    format!(
        "某省“十四五”新型基础设施建设规划\n\n一、加快建设信息基础设施\n\
         1.千兆光网工程。推进城市千兆光纤网络全覆盖。\n\
         2.数据中心工程。推进数据中心集群建设。\n\
         {item3}\n\
         4.物联网工程。推进窄带物联网在城市管理中的应用。\n\
         二、稳步发展融合基础设施\n推进传统基础设施数字化改造。\n"
    )
}

#[test]
fn an_item_about_5g_is_not_the_decimal_3_5() {
    let d = parse_text(&plan("3.5G网络建设工程。到2025年，建成5G基站10万个。"));
    assert_eq!(
        items(&d),
        vec![
            ("1.", "千兆光网工程"),
            ("2.", "数据中心工程"),
            ("3.", "5G网络建设工程"),
            ("4.", "物联网工程"),
        ]
    );
    let five_g = &d.parts[0].sections[0].children[2];
    assert_eq!(five_g.number, 3);
    assert_eq!(five_g.paragraphs, vec!["到2025年，建成5G基站10万个。"]);
    assert!(!codes(&d).contains(&"numbering_gap"), "{:?}", d.diagnostics);
    // Other technologies named the same way.
    for (line, heading) in [
        (
            "3.4K超高清视频工程。推广超高清视频应用。",
            "4K超高清视频工程",
        ),
        ("3.3D打印产业工程。建设增材制造基地。", "3D打印产业工程"),
        ("3.5G+工业互联网工程。建设行业平台。", "5G+工业互联网工程"),
    ] {
        let d = parse_text(&plan(line));
        assert_eq!(items(&d)[2], ("3.", heading), "{line}");
    }
}

#[test]
fn a_quantity_at_the_expected_number_stays_the_items_text() {
    // Decimals that are quantities, and a number that is not the one the list expects: the
    // line goes on with item 2, as before.
    for line in [
        "3.5%的企业完成数字化改造。",
        "3.5亿元用于数据中心建设。",
        "3.5kg以下的无人机免于登记。",
        "3.0T磁共振设备纳入配置规划。",
        "5.5G网络建设工程。开展试点。",
    ] {
        let d = parse_text(&plan(line));
        let markers: Vec<&str> = items(&d).iter().map(|(m, _)| *m).collect();
        assert_eq!(markers, vec!["1.", "2.", "4."], "{line}");
        assert_eq!(
            d.parts[0].sections[0].children[1]
                .paragraphs
                .last()
                .map(String::as_str),
            Some(line)
        );
    }
    // A decimal outline keeps its reading.
    let d = parse_text(
        "某某标准\n\n1 总则\n1.1 编制目的\n为规范建设，制定本标准。\n1.2 适用范围\n本标准适用于新建项目。\n",
    );
    let top = &d.parts[0].sections[0];
    let subs: Vec<&str> = top.children.iter().map(|c| c.marker.as_str()).collect();
    assert_eq!(subs, vec!["1.1", "1.2"]);
}

const CRITICISM: &str = "广东省人民政府办公厅\n关于部分地区落实安全生产责任不到位问题的通报\n粤办函〔2023〕150号\n\n\
各地级以上市人民政府，省政府各部门：\n\
近期，省安委办组织明查暗访，发现部分地区落实安全生产责任不到位。现将有关情况通报如下：\n\
一、存在的主要问题\n\
（一）某某市某某区对“三小场所”排查整治不彻底。\n\
（二）某某市应急管理局执法检查流于形式。\n\
二、处理意见\n\
经省政府同意，对某某市某某区人民政府予以通报批评，责令其于2023年10月31日前完成整改。\n\
{warning}\n\n\
广东省人民政府办公厅\n2023年9月28日\n";

#[test]
fn a_circulars_closing_warning_is_the_closing() {
    for warning in [
        "各地各部门要以此为戒，举一反三，切实压紧压实安全生产责任。",
        "各地区、各部门要引以为戒，深刻汲取教训，坚决防范类似问题发生。",
    ] {
        let d = parse_text(&CRITICISM.replace("{warning}", warning));
        let part = &d.parts[0];
        assert_eq!(part.closing, vec![warning]);
        let last = part.sections.last().unwrap();
        assert_eq!(last.heading, "处理意见");
        assert_eq!(last.paragraphs.len(), 1, "{:?}", last.paragraphs);
    }
}

#[test]
fn a_warning_under_a_bare_heading_or_without_the_lesson_stays_in_its_item() {
    // Under its own heading it is that heading's text.
    let text = CRITICISM.replace(
        "{warning}",
        "三、有关要求\n各地各部门要引以为戒，举一反三，切实压紧压实安全生产责任。",
    );
    let d = parse_text(&text);
    assert!(d.parts[0].closing.is_empty(), "{:?}", d.parts[0].closing);
    assert_eq!(
        d.parts[0].sections.last().unwrap().paragraphs,
        vec!["各地各部门要引以为戒，举一反三，切实压紧压实安全生产责任。"]
    );
    // A charge without a lesson drawn is the last item's.
    let text = CRITICISM.replace("{warning}", "各地各部门要切实压紧压实安全生产责任。");
    let d = parse_text(&text);
    assert!(d.parts[0].closing.is_empty(), "{:?}", d.parts[0].closing);
}

/// A 江苏-style notice: the title names the organ `short`, the signature `signature`.
fn short_titled(short: &str, signature: &str) -> String {
    format!(
        "{short}关于印发江苏省“十四五”全民健身发展规划的通知\n苏政发〔2021〕95号\n\n\
         各市、县（市、区）人民政府，省各委办厅局：\n\
         现将《江苏省“十四五”全民健身发展规划》印发给你们，请认真贯彻执行。\n\n\
         {signature}\n2021年12月10日\n"
    )
}

#[test]
fn a_short_form_in_the_title_gives_the_signatures_full_name() {
    for (short, full) in [
        ("省政府", "江苏省人民政府"),
        ("省政府办公厅", "江苏省人民政府办公厅"),
        ("市政府", "南京市人民政府"),
        ("市政府办公室", "南京市人民政府办公室"),
    ] {
        let d = parse_text(&short_titled(short, full));
        assert_eq!(d.notice.issuer.as_deref(), Some(full), "{short}");
        assert!(
            d.notice.title.as_deref().unwrap().starts_with(short),
            "the title stays as printed: {:?}",
            d.notice.title
        );
    }
}

#[test]
fn a_short_form_another_organ_signs_is_kept() {
    // The signature is another organ (or no expansion of it): the title's name stays.
    for (short, signature) in [
        ("省政府办公厅", "江苏省人民政府"),
        ("省政府", "江苏省人民政府办公厅"),
        ("市政府", "江苏省人民政府"),
        ("省政府", "省人民政府"),
    ] {
        let d = parse_text(&short_titled(short, signature));
        assert_eq!(d.notice.issuer.as_deref(), Some(short), "{signature}");
    }
}

const INTERPRETATION: &str = "<html><head><meta charset=\"utf-8\"><title>《某某行动方案》政策解读</title></head><body>\
<div class=\"article\"><h1>《某某行动方案》政策解读</h1>\
<p>近日，省政府办公厅印发《某某行动方案》（以下简称《方案》）。现就有关情况解读如下：</p>\
<p>一、《方案》出台的背景是什么？</p><p>数字化转型是制造业高质量发展的必由之路。</p>\
<p>二、如何保障《方案》落地见效？</p><p>省工业和信息化厅将会同有关部门加强统筹调度。</p>\
{signoff}</div></body></html>";

fn html(text: &str) -> Document {
    parse(text.as_bytes(), &Options::default()).expect("the page parses")
}

#[test]
fn an_interpretations_sign_off_is_no_paragraph_of_its_last_answer() {
    let d = html(&INTERPRETATION.replace(
        "{signoff}",
        "<p>解读机关：山东省工业和信息化厅</p><p>解读人：张某某</p><p>联系电话：0531-51782XXX</p>",
    ));
    let last = d.parts[0].sections.last().unwrap();
    assert_eq!(
        last.paragraphs,
        vec!["省工业和信息化厅将会同有关部门加强统筹调度。"]
    );
    assert_eq!(d.notice.signature.as_deref(), Some("山东省工业和信息化厅"));
    assert_eq!(d.notice.issuer.as_deref(), Some("山东省工业和信息化厅"));
    assert_eq!(
        d.notice.note.as_deref(),
        Some("解读人：张某某；联系电话：0531-51782XXX")
    );
    // An expert's sign-off, without an organ.
    let d = html(&INTERPRETATION.replace("{signoff}", "<p>解读专家：李某某</p>"));
    let last = d.parts[0].sections.last().unwrap();
    assert_eq!(last.paragraphs.len(), 1, "{:?}", last.paragraphs);
    assert_eq!(d.notice.note.as_deref(), Some("解读专家：李某某"));
}

#[test]
fn an_answer_that_speaks_of_interpretation_stays_the_answer() {
    // A sentence about who explains is no sign-off line, and a phone line alone is left as it
    // was.
    let signoff = "<p>解读机关：省政府新闻办将适时组织政策解读。</p>";
    let d = html(&INTERPRETATION.replace("{signoff}", signoff));
    let last = d.parts[0].sections.last().unwrap();
    assert_eq!(last.paragraphs.len(), 2, "{:?}", last.paragraphs);
    assert!(d.notice.signature.is_none());
}
