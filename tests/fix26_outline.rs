//! The outline findings of the twenty-sixth round: an article an amendment inserts
//! (`第二条之一`) read as 第二条 again, a paragraph that runs its items inline (`①…；②…；③…`)
//! read as one item holding the others, and two tables of one header under two headings
//! (`一、生态环境` / `二、产业发展`) read as one table with the second heading as a group row.

use gongwen_parse::{Document, Section, parse_text};

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

/// `(marker, number, first paragraph)` of each top-level section of the first part.
fn articles(d: &Document) -> Vec<(&str, u32, &str)> {
    d.parts[0]
        .sections
        .iter()
        .map(|s: &Section| {
            (
                s.marker.as_str(),
                s.number,
                s.paragraphs.first().map_or("", String::as_str),
            )
        })
        .collect()
}

/// A government order publishing a 办法 whose articles are `arts`, one a line.
fn order(arts: &[&str]) -> String {
    format!(
        "某市人民政府令\n\n第5号\n\n《某市物业管理办法》已经市政府常务会议通过，现予公布，自2024年5月1日起施行。\n\n\
         市长　某某某\n\n2024年3月18日\n\n某市物业管理办法\n\n{}\n",
        arts.join("\n\n")
    )
}

#[test]
fn an_inserted_article_is_marked_with_its_number_and_follows_the_one_it_is_put_after() {
    let d = parse_text(&order(&[
        "第一条　为了规范物业管理活动，制定本办法。",
        "第二条　本办法适用于本市行政区域内的物业管理活动。",
        "第二条之一　本办法所称物业服务人，包括物业服务企业和其他管理人。",
        "第二条之二　物业服务人应当公开服务事项。",
        "第三条　本办法自2024年5月1日起施行。",
    ]));
    let body = d.parts.iter().find(|p| !p.sections.is_empty()).unwrap();
    let found: Vec<(&str, u32, &str)> = body
        .sections
        .iter()
        .map(|s| (s.marker.as_str(), s.number, s.paragraphs[0].as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            ("第一条", 1, "为了规范物业管理活动，制定本办法。"),
            ("第二条", 2, "本办法适用于本市行政区域内的物业管理活动。"),
            (
                "第二条之一",
                2,
                "本办法所称物业服务人，包括物业服务企业和其他管理人。"
            ),
            ("第二条之二", 2, "物业服务人应当公开服务事项。"),
            ("第三条", 3, "本办法自2024年5月1日起施行。"),
        ]
    );
    assert!(
        !codes(&d).iter().any(|c| c.starts_with("numbering_")),
        "{:?}",
        d.diagnostics
    );
}

#[test]
fn an_inserted_article_with_a_caption_keeps_it() {
    let d = parse_text(
        "第一条（目的）为了规范管理，制定本规定。\n第十条（适用）本规定适用于全市。\n\
         第十条之一（定义）本规定所称单位，是指机关和企业。\n第十一条（施行）本规定自公布之日起施行。\n",
    );
    let s = &d.parts[0].sections[2];
    assert_eq!(
        (s.marker.as_str(), s.number, s.caption.as_deref()),
        ("第十条之一", 10, Some("定义"))
    );
    assert_eq!(s.paragraphs, vec!["本规定所称单位，是指机关和企业。"]);
}

#[test]
fn an_article_printed_twice_still_repeats_and_its_words_stay_text() {
    // Guard: the same article twice is a repeat, inserted or not.
    let d = parse_text(&order(&[
        "第一条　为了规范物业管理活动，制定本办法。",
        "第二条　本办法适用于本市行政区域内的物业管理活动。",
        "第二条　本办法所称物业服务人，包括物业服务企业。",
        "第三条　本办法自2024年5月1日起施行。",
    ]));
    assert!(
        codes(&d).contains(&"numbering_repeat"),
        "{:?}",
        d.diagnostics
    );
    // `之` not followed by a number is the article's words.
    let d = parse_text("第一条　为了规范管理，制定本规定。\n第二条之规定适用于全市。\n");
    assert_eq!(
        articles(&d),
        vec![
            ("第一条", 1, "为了规范管理，制定本规定。"),
            ("第二条", 2, "之规定适用于全市。")
        ]
    );
}

/// A notice whose section 二、 holds `line` alone.
fn notice(line: &str) -> String {
    format!(
        "某州人民政府办公室\n\n关于做好春季农业生产工作的通知\n\n某政办发〔2024〕3号\n\n各县、市人民政府，州政府各部门：\n\n\
         为抓好春季农业生产，现将有关事项通知如下：\n\n一、稳定粮食生产\n\n各县市要落实粮食生产责任制。\n\n\
         二、抓好茶叶生产\n\n{line}\n\n三、强化农资保障\n\n州农业农村局要加强农资市场监管。\n\n\
         某州人民政府办公室\n\n2024年2月28日\n"
    )
}

fn second(d: &Document) -> &Section {
    let body = d.parts.iter().find(|p| p.sections.len() == 3).unwrap();
    &body.sections[1]
}

#[test]
fn a_paragraph_that_runs_its_items_inline_is_the_sections_text() {
    for line in [
        "①加强春茶采摘管理；②做好茶园病虫害绿色防控；③拓展茶叶销售渠道。",
        "（1）加强春茶采摘管理；（2）做好茶园病虫害绿色防控；（3）拓展茶叶销售渠道。",
        "1.加强春茶采摘管理；2.做好茶园病虫害绿色防控；3.拓展茶叶销售渠道。",
    ] {
        let d = parse_text(&notice(line));
        let s = second(&d);
        assert_eq!(s.heading, "抓好茶叶生产", "{line}");
        assert_eq!(s.paragraphs, vec![line], "{line}");
        assert!(s.children.is_empty(), "{line}: {:?}", s.children);
    }
}

#[test]
fn items_one_a_line_and_an_item_citing_another_stay_items() {
    // Guard: the items printed one a line are items.
    let d = parse_text(&notice(
        "①加强春茶采摘管理。\n\n②做好茶园病虫害绿色防控。\n\n③拓展茶叶销售渠道。",
    ));
    let markers: Vec<&str> = second(&d)
        .children
        .iter()
        .map(|c| c.marker.as_str())
        .collect();
    assert_eq!(markers, ["①", "②", "③"]);
    // An item whose words cite another by its number (`第（2）项`), or a quantity, is one item.
    let d = parse_text(&notice(
        "（1）符合本通知第（2）项规定的，给予补贴。\n\n（2）茶园面积增长1.5倍以上的，给予奖励。",
    ));
    let markers: Vec<&str> = second(&d)
        .children
        .iter()
        .map(|c| c.marker.as_str())
        .collect();
    assert_eq!(markers, ["（1）", "（2）"]);
}

/// A task division with one table under each heading, the same header over each, rows from 1;
/// `second_first` numbers the first row under 二、.
fn division(between: &str, second_first: &str) -> String {
    format!(
        "某市人民政府办公厅\n\n关于印发某市2024年重点任务的通知\n\n某办发〔2024〕12号\n\n各区（市）县政府，市级有关部门：\n\n\
         现将《某市2024年重点任务分工》印发给你们，请认真组织实施。\n\n附件：某市2024年重点任务分工\n\n\
         某市人民政府办公厅\n\n2024年3月15日\n\n附件\n\n某市2024年重点任务分工\n\n一、生态环境\n\n\
         序号\t重点任务\t牵头单位\t配合单位\n1\t实施水生态治理工程\t市水务局\t市生态环境局\n\
         2\t推进城市森林公园建设\t市公园城市局\t市林业局\n{between}\
         序号\t重点任务\t牵头单位\t配合单位\n{second_first}\t培育电子信息产业集群\t市经信局\t市发改委\n\
         {}\t建设国际生物城\t市经信局\t高新区管委会\n",
        second_first.parse::<u32>().unwrap() + 1
    )
}

#[test]
fn two_tables_of_one_header_under_two_headings_stay_two() {
    let d = parse_text(&division("\n二、产业发展\n\n", "1"));
    let part = d.parts.iter().find(|p| !p.tables.is_empty()).unwrap();
    let markers: Vec<&str> = part.sections.iter().map(|s| s.marker.as_str()).collect();
    assert_eq!(markers, ["一、", "二、"]);
    assert_eq!(part.sections[1].heading, "产业发展");
    assert_eq!(part.tables.len(), 2);
    assert_eq!(
        part.tables[1].rows,
        vec![
            vec!["序号", "重点任务", "牵头单位", "配合单位"],
            vec!["1", "培育电子信息产业集群", "市经信局", "市发改委"],
            vec!["2", "建设国际生物城", "市经信局", "高新区管委会"],
        ]
    );
    // The tasks are grouped by their headings as before.
    let tasks: Vec<(Vec<&str>, u32, &str)> = d
        .tasks
        .iter()
        .map(|t| {
            (
                t.group.iter().map(String::as_str).collect(),
                t.seq,
                t.lead[0].as_str(),
            )
        })
        .collect();
    assert_eq!(
        tasks,
        vec![
            (vec!["一、生态环境"], 1, "市水务局"),
            (vec!["一、生态环境"], 2, "市公园城市局"),
            (vec!["二、产业发展"], 1, "市经信局"),
            (vec!["二、产业发展"], 2, "市经信局"),
        ]
    );
}

#[test]
fn a_group_over_the_header_repeated_with_its_numbers_going_on_is_one_table() {
    // Guard: the header repeated at a page's top over rows numbered on is the same table.
    let d = parse_text(&division("二、产业发展\n", "3"));
    let part = d.parts.iter().find(|p| !p.tables.is_empty()).unwrap();
    assert_eq!(part.tables.len(), 1);
    let seqs: Vec<&str> = part.tables[0].rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(seqs, ["序号", "1", "2", "二、产业发展", "3", "4"]);
}
