//! The structure of regulations and of the documents a notice encloses: a 款 that opens by
//! citing an article, an article's line broken mid-sentence, a chapter's name under its marker,
//! attachments labelled `附件1：标题` with no 附件说明, a regulation's labels in the normalized
//! text, the clauses of a 题注, and list items of one sentence each.

use gongwen_parse::{Document, Options, Section, parse};

fn doc(text: &str) -> Document {
    parse(text.as_bytes(), &Options::default()).expect("parses")
}

/// Every section of every part, depth first, as (marker, heading, paragraphs).
fn sections(d: &Document) -> Vec<(String, String, Vec<String>)> {
    fn walk(list: &[Section], out: &mut Vec<(String, String, Vec<String>)>) {
        for s in list {
            out.push((s.marker.clone(), s.heading.clone(), s.paragraphs.clone()));
            walk(&s.children, out);
        }
    }
    let mut out = Vec::new();
    for p in &d.parts {
        walk(&p.sections, &mut out);
    }
    out
}

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

const KUAN_CITES: &str = "某市物业管理办法实施细则\n\n\
第一条　为了落实《某市物业管理办法》，制定本细则。\n\n\
第二条　物业服务企业应当公示下列事项：\n\
（一）服务内容；\n\
（二）收费标准。\n\n\
第三条　业主大会由全体业主组成。\n\
第二条规定的公示事项，由街道办事处监督落实。\n\
第五条所称的业主委员会，依照本细则第三条选举产生。\n\n\
第四条　本细则自2024年3月1日起施行。\n";

#[test]
fn a_paragraph_that_opens_by_citing_an_article_is_no_article() {
    let d = doc(KUAN_CITES);
    let s = sections(&d);
    let markers: Vec<&str> = s.iter().map(|(m, _, _)| m.as_str()).collect();
    assert_eq!(
        markers,
        ["第一条", "第二条", "（一）", "（二）", "第三条", "第四条"]
    );
    assert_eq!(
        s[4].2,
        [
            "业主大会由全体业主组成。",
            "第二条规定的公示事项，由街道办事处监督落实。",
            "第五条所称的业主委员会，依照本细则第三条选举产生。",
        ]
    );
    assert!(
        !codes(&d).contains(&"numbering_order") && !codes(&d).contains(&"numbering_gap"),
        "{:?}",
        d.diagnostics
    );
}

const CUT_ARTICLE: &str = "某市地方储备油管理办法\n\n\
第一章　总　　则\n\n\
第一条　为加强地方储备油管理，确保储备油数量真实、质量良好，根据有关规定，结合本市\n\
实际，制定本办法。\n\n\
第二条　储备油的规模和布局，由市发展改革委会同市财政局\n\
提出方案，报市政府批准。\n\
储备油的轮换，由承储企业按计划组织，报市发展改革委备案。\n\n\
第三条　承储企业应当具备下列条件：\n\
（一）仓容规模符合要求，设施完好\n\
（二）管理制度健全，人员配备齐全\n\
承储企业的名单由市发展改革委公布。\n\n\
第二章　附　　则\n\n\
第四条　本办法自印发之日起施行。\n";

#[test]
fn an_article_broken_mid_sentence_is_one_paragraph() {
    let d = doc(CUT_ARTICLE);
    let s = sections(&d);
    let article = |m: &str| {
        s.iter()
            .find(|(marker, _, _)| marker == m)
            .map(|(_, _, p)| p.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        article("第一条"),
        [
            "为加强地方储备油管理，确保储备油数量真实、质量良好，根据有关规定，结合本市实际，制定本办法。"
        ]
    );
    // A 款 broken mid-sentence joins; the next 款, after a stop, stays its own.
    assert_eq!(
        article("第二条"),
        [
            "储备油的规模和布局，由市发展改革委会同市财政局提出方案，报市政府批准。",
            "储备油的轮换，由承储企业按计划组织，报市发展改革委备案。",
        ]
    );
    // Clauses printed without their punctuation stay clauses; the words after them go on with
    // the article, not with its last clause.
    let third = d.parts[0].sections[0].children[2].clone();
    assert_eq!(third.marker, "第三条");
    assert_eq!(third.children.len(), 2);
    assert_eq!(third.children[1].paragraphs, ["管理制度健全，人员配备齐全"]);
    assert_eq!(third.after, ["承储企业的名单由市发展改革委公布。"]);
    {
        // A caption printed without brackets (`第一条　立法目的`) is no sentence under way.
        let d = doc(
            "某县河道管理办法\n\n第一条　立法目的\n为了加强河道管理，制定本办法。\n\n第二条　本办法自公布之日起施行。\n",
        );
        let s = sections(&d);
        assert_eq!(s[0].2, ["立法目的", "为了加强河道管理，制定本办法。"]);
    }
}

const CHAPTERS_ON_TWO_LINES: &str = "某省城镇供水管理办法\n\n\
第一章\n总则\n\n\
第一条　为了加强城镇供水管理，制定本办法。\n\n\
第二章\n供水经营\n\n\
第二条　供水企业应当依法取得经营许可。\n\n\
第三章\n附　　则\n\n\
第三条　本办法自2024年1月1日起施行。\n";

#[test]
fn a_chapter_marker_alone_takes_its_name_from_the_next_line() {
    let d = doc(CHAPTERS_ON_TWO_LINES);
    let chapters: Vec<(&str, &str, usize)> = d.parts[0]
        .sections
        .iter()
        .map(|s| (s.marker.as_str(), s.heading.as_str(), s.paragraphs.len()))
        .collect();
    assert_eq!(
        chapters,
        [
            ("第一章", "总则", 0),
            ("第二章", "供水经营", 0),
            ("第三章", "附则", 0)
        ]
    );
    assert_eq!(
        d.parts[0].sections[1].children[0].paragraphs,
        ["供水企业应当依法取得经营许可。"]
    );
    {
        let d = doc(
            "某某规划\n\n第一章\n本规划期限为2021—2025年，展望到2035年。\n\n第二章 发展目标\n\n一、总体目标\n\n到2025年，基本建成现代化城市。\n",
        );
        let first = &d.parts[0].sections[0];
        assert_eq!(first.heading, "");
        assert_eq!(
            first.paragraphs,
            ["本规划期限为2021—2025年，展望到2035年。"]
        );
    }
}

const LABELLED_ATTACHMENTS: &str = "某市人民政府办公室关于印发某市防汛应急预案的通知\n\n\
某府办〔2024〕3号\n\n\
各县（市、区）人民政府，市府直属各单位：\n\
经市人民政府同意，现将修订后的《某市防汛应急预案》印发给你们，请认真组织实施。\n\n\
某市人民政府办公室\n\
2024年3月10日\n\n\
附件1：某市防汛指挥部成员单位职责\n\n\
一、市应急管理局：承担指挥部办公室日常工作。\n\
二、市水利局：负责水情监测和预报工作。\n\n\
附件2：某市防汛应急响应分级表\n\n\
级别\t响应条件\t启动单位\n\
一级\t特别重大汛情\t市防汛指挥部\n\
二级\t重大汛情\t市防汛指挥部办公室\n";

#[test]
fn attachments_labelled_with_their_titles_and_listed_nowhere_are_attachments() {
    let d = doc(LABELLED_ATTACHMENTS);
    let parts: Vec<(String, Option<&str>, Option<&str>)> = d
        .parts
        .iter()
        .map(|p| {
            (
                format!("{:?}", p.kind),
                p.label.as_deref(),
                p.title.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        parts,
        [
            (
                "Attachment".to_string(),
                Some("附件1"),
                Some("某市防汛指挥部成员单位职责")
            ),
            (
                "Attachment".to_string(),
                Some("附件2"),
                Some("某市防汛应急响应分级表")
            ),
        ]
    );
    assert_eq!(d.parts[0].sections.len(), 2);
    assert_eq!(d.parts[1].tables.len(), 1);
    {
        // `附件1：X` / `附件2：Y` one under the other is a list, not the head of a page.
        let d = doc(
            "某市人民政府办公室关于印发某市节水方案的通知\n\n某府办〔2024〕5号\n\n各区人民政府：\n现将《某市节水方案》印发给你们，请认真贯彻执行。\n\n某市人民政府办公室\n2024年4月1日\n\n某市节水方案\n\n一、总体要求\n\n全面推进节水型社会建设。\n\n附件1：某市节水目标分解表\n附件2：某市重点用水单位名录\n",
        );
        assert!(
            d.parts.iter().all(|p| p.label.as_deref() != Some("附件2")),
            "{:?}",
            d.parts
                .iter()
                .map(|p| (&p.label, &p.title))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_normalized_text_sets_an_enclosed_regulations_labels_apart_from_their_words() {
    let d = doc(
        "某省人民政府令\n\n第258号\n\n《某省城市供水管理办法》已经2023年6月12日省人民政府第9次常务会议审议通过，现予公布，自2023年8月1日起施行。\n\n省长　王某某\n2023年6月20日\n\n某省城市供水管理办法\n\n第一章　总　　则\n\n第一条　为了加强城市供水管理，制定本办法。\n\n第二条（适用范围）本省行政区域内的城市供水，适用本办法。\n\n第三条　（删除）\n\n第二章　附　　则\n\n第四条　本办法自2023年8月1日起施行。\n",
    );
    let text = gongwen_emit::text::to_text(&d);
    for line in [
        "第一章 总则",
        "第一条 为了加强城市供水管理，制定本办法。",
        "第二条（适用范围）本省行政区域内的城市供水，适用本办法。",
        "第二章 附则",
        "第四条 本办法自2023年8月1日起施行。",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} not in:\n{text}");
    }
    assert!(!text.contains("第一条为了"), "{text}");
}

#[test]
fn the_clauses_of_a_regulations_note_stay_apart() {
    let d = doc(
        "某市电动自行车管理办法\n\n（2022年11月15日某市人民政府令第341号公布　自2023年1月1日起施行）\n\n第一条　为了加强电动自行车管理，制定本办法。\n\n第二条　本办法自2023年1月1日起施行。\n",
    );
    assert_eq!(
        d.notice.body[0],
        "（2022年11月15日某市人民政府令第341号公布 自2023年1月1日起施行）"
    );
    assert_eq!(d.notice.date.as_deref(), Some("2022-11-15"));
    let d = doc(
        "某省人民政府关于修改《某省林木种苗管理办法》的决定\n\n（2023年11月20日省人民政府第17次常务会议通过　2023年12月5日某省人民政府令第215号公布　自公布之日起施行）\n\n省人民政府决定对《某省林木种苗管理办法》作如下修改：\n\n一、将第三条修改为：“县级以上人民政府林业主管部门负责林木种苗的监督管理工作。”\n\n二、删去第十八条。\n\n本决定自公布之日起施行。\n",
    );
    assert_eq!(
        d.notice.body[0],
        "（2023年11月20日省人民政府第17次常务会议通过 2023年12月5日某省人民政府令第215号公布 自公布之日起施行）"
    );
    // Outside a bracket, a layout's space after `通过` closes up as before.
    let d = doc(
        "某市人民政府关于某事的通知\n\n各区人民政府：\n\n本办法经市政府常务会议通过　自2024年1月1日起施行。\n\n某市人民政府\n2024年1月2日\n",
    );
    assert_eq!(
        d.notice.body,
        ["本办法经市政府常务会议通过自2024年1月1日起施行。"]
    );
}

const SENTENCE_ITEMS: &str = "某市人民政府关于调整城乡低保标准的通知\n\n某府发〔2024〕8号\n\n各区县人民政府，市政府各部门：\n\
经市人民政府同意，自2024年7月1日起，调整全市城乡最低生活保障标准。现将有关事项通知如下：\n\
一、城市低保标准由每人每月840元提高到880元。\n\
二、农村低保标准由每人每年6000元提高到6300元。\n\
三、所需资金由市、县两级财政按现行渠道分担。\n\n\
某市人民政府\n2024年6月20日\n";

#[test]
fn a_list_of_one_sentence_rulings_is_text() {
    let d = doc(SENTENCE_ITEMS);
    let s = sections(&d);
    assert_eq!(s.len(), 3);
    for (_, heading, paragraphs) in &s {
        assert_eq!(heading, "");
        assert_eq!(paragraphs.len(), 1);
    }
    assert_eq!(s[0].2, ["城市低保标准由每人每月840元提高到880元。"]);
    {
        let d = doc(
            "某市人民政府关于加快食品产业发展的意见\n\n各区人民政府：\n\n为加快食品产业发展，提出以下意见。\n\n一、重点任务\n\n（一）做强龙头企业。支持龙头企业做大做强。\n\n二、保障措施\n\n（一）强化要素保障。\n\n（二）强化考核激励。\n\n某市人民政府\n2024年5月6日\n",
        );
        let s = sections(&d);
        let heads: Vec<(&str, &str)> = s.iter().map(|(m, h, _)| (m.as_str(), h.as_str())).collect();
        assert_eq!(
            heads,
            [
                ("一、", "重点任务"),
                ("（一）", "做强龙头企业"),
                ("二、", "保障措施"),
                ("（一）", "强化要素保障"),
                ("（二）", "强化考核激励"),
            ]
        );
    }
}
