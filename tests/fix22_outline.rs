//! The outline findings of the twenty-second round: an item whose title opens with a number
//! (`3.5G网络建设工程`) read as a decimal, a circular of criticism's closing warning, a title
//! naming its organ by the short form (`省政府关于…`), and a 政策解读's sign-off lines.

use gongwen_parse::{Document, Section, parse_text};

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
