//! Structure variants of later notices: one test per form, on the fixtures in `fixtures/variants/`.
//!
//! Each fixture is a short notice written after a real form (the gov.cn pages in the shared
//! corpus show them): a plan numbered only `一、`/`1．`, rules in 第X章 with `一、` articles, a
//! 令 with 第X章/第X条, a joint 意见 with ASCII parentheses, a red-header 函, a 决定 without
//! addressees, and notices that trip (or carefully do not trip) every consistency check.

use gongwen_parse::{Document, Options, PartKind, Section, Severity, TaskOrigin, parse};

fn parse_fixture(name: &str) -> Document {
    let rel = format!("fixtures/variants/{name}");
    let bytes = std::fs::read(gongwen_tests::path(&rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    parse(&bytes, &Options::default()).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// (level, marker, heading) of every section, depth first.
fn outline(sections: &[Section]) -> Vec<(u32, String, String)> {
    fn walk(s: &[Section], out: &mut Vec<(u32, String, String)>) {
        for x in s {
            out.push((x.level, x.marker.clone(), x.heading.clone()));
            walk(&x.children, out);
        }
    }
    let mut out = Vec::new();
    walk(sections, &mut out);
    out
}

fn o(level: u32, marker: &str, heading: &str) -> (u32, String, String) {
    (level, marker.to_string(), heading.to_string())
}

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

fn warnings(d: &Document) -> Vec<String> {
    d.diagnostics
        .iter()
        .filter(|x| x.severity >= Severity::Warning)
        .map(|x| format!("{}: {}", x.code, x.message))
        .collect()
}

fn doc_number(d: &Document) -> (&str, &str, Option<i32>, Option<u32>) {
    let n = d.notice.doc_number.as_ref().expect("a 发文字号");
    (n.raw.as_str(), n.agency.as_str(), n.year, n.serial)
}

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn plan_numbered_only_with_chinese_and_arabic_items() {
    let d = parse_fixture("plan-two-levels.txt");
    let n = &d.notice;
    // No issuer line: the title begins with the issuer's name, over two lines.
    assert_eq!(
        n.title.as_deref(),
        Some("成都市人民政府关于印发成都市优化营商环境三年行动计划（2022—2024年）的通知")
    );
    assert_eq!(n.issuer.as_deref(), Some("成都市人民政府"));
    assert_eq!(
        doc_number(&d),
        ("成府发〔2022〕7号", "成府发", Some(2022), Some(7))
    );
    assert_eq!(
        n.addressees,
        strs(&["各区（市）县人民政府", "市政府各部门", "有关单位"])
    );
    // 二○二二年 with the circle zero.
    assert_eq!(n.date.as_deref(), Some("2022-03-15"));
    assert_eq!(n.note.as_deref(), Some("此件公开发布"));
    let listed = gongwen_tests::listed_attachments(n);
    assert_eq!(
        listed,
        vec![
            (Some(1), "成都市优化营商环境重点任务清单"),
            (Some(2), "成都市优化营商环境评价指标")
        ]
    );

    let parts = gongwen_tests::part_heads(&d);
    assert_eq!(
        parts,
        vec![
            (
                PartKind::Enclosure,
                None,
                Some("成都市优化营商环境三年行动计划（2022—2024年）")
            ),
            (
                PartKind::Attachment,
                Some("附件1"),
                Some("成都市优化营商环境重点任务清单")
            ),
            (
                PartKind::Attachment,
                Some("附件2"),
                Some("成都市优化营商环境评价指标")
            ),
        ]
    );
    // `1．` sits at level 2 because it is what `一、` holds here; `１．` (full width) is the same marker.
    assert_eq!(
        outline(&d.parts[0].sections),
        vec![
            o(1, "一、", "总体目标"),
            o(1, "二、", "重点任务"),
            o(2, "1．", "深化商事制度改革"),
            o(2, "2．", "提升投资建设便利度"),
            o(2, "3．", "优化跨境贸易服务"),
            o(1, "三、", "保障措施"),
            o(2, "1．", "加强组织领导"),
            o(2, "2．", "强化督查考核"),
        ]
    );
    // The duty parenthesis stays in the section's text.
    assert!(
        d.parts[0].sections[1].children[0].paragraphs[0]
            .ends_with("（市市场监管局牵头，市政务服务中心、市税务局配合）")
    );

    let table: Vec<_> = d
        .tasks
        .iter()
        .filter(|t| t.origin == TaskOrigin::Table)
        .collect();
    assert_eq!(table.len(), 2);
    assert_eq!(table[1].lead, strs(&["市住房城乡建设局"]));
    assert_eq!(
        table[1].extra.get("完成时限").map(String::as_str),
        Some("2022年12月底前")
    );

    let inline: Vec<_> = d
        .tasks
        .iter()
        .filter(|t| t.origin == TaskOrigin::Inline)
        .collect();
    let seqs: Vec<(u32, Option<&str>)> = inline
        .iter()
        .map(|t| (t.seq, t.marker.as_deref()))
        .collect();
    assert_eq!(
        seqs,
        vec![
            // The plan's measures come before its attachment's table, in reading order: they
            // keep their numbers, as the table keeps its 序号.
            (1, Some("1．")),
            (2, Some("2．")),
            (3, Some("3．")),
            // Under the next heading the number counts on: inline tasks' numbers are unique.
            (4, Some("2．"))
        ]
    );
    assert_eq!(
        inline[0].text,
        "深化商事制度改革。全面推行企业开办“一网通办”，压缩开办时间至1个工作日以内。"
    );
    assert_eq!(inline[0].lead, strs(&["市市场监管局"]));
    assert_eq!(inline[0].support, strs(&["市政务服务中心", "市税务局"]));
    assert_eq!(inline[0].group, strs(&["二、重点任务"]));
    assert_eq!(inline[2].lead, strs(&["市口岸物流办", "成都海关"]));
    assert_eq!(
        inline[2].extra.get("完成时限").map(String::as_str),
        Some("2022年12月底前")
    );
    // `市级各有关部门按职责分工负责` supports; it does not lead.
    assert_eq!(
        (inline[3].lead.clone(), inline[3].support.clone()),
        (strs(&["市政府督查室"]), strs(&["市级各有关部门"]))
    );
    assert_eq!(inline[3].group, strs(&["三、保障措施"]));
    assert_eq!(inline[3].line, 33);

    assert!(warnings(&d).is_empty(), "{:?}", warnings(&d));
}

#[test]
fn rules_in_chapters_with_chinese_numbered_articles() {
    let d = parse_fixture("rules-chapters.txt");
    let n = &d.notice;
    assert_eq!(
        n.title.as_deref(),
        Some("国务院关于印发《国务院工作规则》的通知")
    );
    assert_eq!(n.issuer.as_deref(), Some("国务院"));
    // ［］ brackets read as 〔〕.
    assert_eq!(
        doc_number(&d),
        ("国发〔2004〕18号", "国发", Some(2004), Some(18))
    );
    assert_eq!(
        n.addressees,
        strs(&["各省、自治区、直辖市人民政府", "国务院各部委、各直属机构"])
    );
    assert_eq!(n.signature.as_deref(), Some("国务院"));
    assert_eq!(n.date.as_deref(), Some("2004-06-26"));
    assert_eq!(n.note, None);

    assert_eq!(d.parts.len(), 1);
    let rules = &d.parts[0];
    // The title printed with spaces between its characters.
    assert_eq!(
        (rules.kind, rules.title.as_deref()),
        (PartKind::Enclosure, Some("国务院工作规则"))
    );
    // The adoption note wrapped over two lines is one paragraph.
    assert_eq!(
        rules.preamble,
        strs(&["（二○○四年六月十六日国务院第54次常务会议修订通过）"])
    );
    // Chapters on top, `一、` articles (numbered across chapters) under them, `（一）` under those.
    let levels: Vec<(u32, String)> = outline(&rules.sections)
        .into_iter()
        .map(|(l, m, _)| (l, m))
        .collect();
    let expected: Vec<(u32, String)> = [
        (1, "第一章"),
        (2, "一、"),
        (2, "二、"),
        (1, "第二章"),
        (2, "三、"),
        (2, "四、"),
        (1, "第三章"),
        (2, "五、"),
        (2, "六、"),
        (3, "（一）"),
        (3, "（二）"),
        (3, "（三）"),
    ]
    .iter()
    .map(|(l, m)| (*l, m.to_string()))
    .collect();
    assert_eq!(levels, expected);
    assert_eq!(rules.sections[1].heading, "组成人员职责");
    // Articles are text, not headings.
    let art = &rules.sections[1].children[1];
    assert_eq!((art.marker.as_str(), art.heading.as_str()), ("四、", ""));
    assert_eq!(
        art.paragraphs,
        strs(&[
            "副总理、国务委员按分工负责处理分管工作。",
            "各部部长、各委员会主任负责本部门的工作。"
        ])
    );
    let items = &rules.sections[2].children[1].children;
    assert_eq!(items[2].paragraphs, strs(&["通报和讨论其他重要事项。"]));
    assert!(items.iter().all(|s| s.heading.is_empty()));
    // 三、 under 第二章 continues 二、 under 第一章: no numbering warning.
    assert!(warnings(&d).is_empty(), "{:?}", warnings(&d));
}

#[test]
fn order_with_articles_and_items_and_no_addressees() {
    let d = parse_fixture("regulation.txt");
    let n = &d.notice;
    assert_eq!(n.title.as_deref(), Some("中华人民共和国国务院令"));
    assert_eq!(n.issuer.as_deref(), Some("中华人民共和国国务院"));
    assert_eq!(doc_number(&d), ("国令第707号", "国令", None, Some(707)));
    assert!(n.addressees.is_empty());
    assert_eq!(
        n.body,
        strs(&[
            "《政府投资条例》已经2019年4月14日国务院第33次常务会议通过，现予公布，自2019年7月1日起施行。"
        ])
    );
    assert_eq!(n.signature.as_deref(), Some("总理 李克强"));
    assert_eq!(n.date.as_deref(), Some("2019-04-14"));

    assert_eq!(d.parts.len(), 1);
    let reg = &d.parts[0];
    assert_eq!(reg.title.as_deref(), Some("政府投资条例"));
    assert_eq!(
        outline(&reg.sections),
        vec![
            o(1, "第一章", "总则"),
            o(2, "第一条", ""),
            o(2, "第二条", ""),
            o(2, "第三条", ""),
            o(3, "一、", ""),
            o(3, "二、", ""),
            o(3, "三、", ""),
            o(1, "第二章", "政府投资决策"),
            o(2, "第四条", ""),
            o(2, "第五条", ""),
            o(3, "（一）", ""),
            o(3, "（二）", ""),
            o(1, "第三章", "附则"),
            o(2, "第六条", ""),
        ]
    );
    let art3 = &reg.sections[0].children[2];
    assert_eq!(
        art3.paragraphs,
        strs(&["政府投资资金应当投向市场不能有效配置资源的下列领域："])
    );
    assert_eq!(art3.children[0].paragraphs, strs(&["社会公益服务；"]));
    assert_eq!(art3.children[2].paragraphs, strs(&["农业农村。"]));
    assert!(d.tasks.is_empty());
    assert!(warnings(&d).is_empty(), "{:?}", warnings(&d));
}

#[test]
fn joint_opinion_with_ascii_parentheses_and_inline_duties() {
    let d = parse_fixture("opinion-joint.txt");
    let n = &d.notice;
    assert_eq!(n.issuer.as_deref(), Some("国务院办公厅、中央军委办公厅"));
    assert_eq!(
        n.title.as_deref(),
        Some("国务院办公厅、中央军委办公厅关于进一步加强退役军人服务保障工作的意见")
    );
    // `[2018]` brackets.
    assert_eq!(
        doc_number(&d),
        ("国办发明电〔2018〕15号", "国办发明电", Some(2018), Some(15))
    );
    assert_eq!(
        n.addressees,
        strs(&[
            "各省、自治区、直辖市人民政府",
            "国务院各部委、各直属机构",
            "各战区、各军兵种"
        ])
    );
    assert_eq!(n.signature.as_deref(), Some("国务院办公厅、中央军委办公厅"));
    assert_eq!(n.date.as_deref(), Some("2018-07-27"));
    assert_eq!(n.note.as_deref(), Some("此件不予公开"));

    // An 意见 has no enclosure: its numbered body is the one part.
    assert_eq!(d.parts.len(), 1);
    let body = &d.parts[0];
    assert_eq!(
        (body.kind, body.label.as_deref(), body.title.as_deref()),
        (PartKind::Body, None, None)
    );
    assert_eq!(
        body.preamble,
        strs(&["为做好新时代退役军人服务保障工作，经国务院、中央军委同意，现提出以下意见。"])
    );
    // `(一)` is the top because it comes first; `1.` and `(1)` both nest under it.
    assert_eq!(
        outline(&body.sections),
        vec![
            o(1, "（一）", "完善安置政策"),
            o(2, "1.", "拓宽安置渠道"),
            o(2, "2.", "加强就业培训"),
            o(1, "（二）", "健全服务体系"),
            o(2, "（1）", "建设服务中心"),
            o(2, "（2）", "开展走访慰问"),
        ]
    );

    assert_eq!(d.tasks.len(), 2);
    let t = &d.tasks[0];
    assert_eq!(
        (t.seq, t.marker.as_deref(), t.origin),
        (1, Some("1."), TaskOrigin::Inline)
    );
    assert_eq!(t.text, "拓宽安置渠道。鼓励机关事业单位招录招聘退役军人。");
    assert_eq!(t.lead, strs(&["人力资源社会保障部", "退役军人事务部"]));
    assert!(t.support.is_empty());
    assert_eq!(
        t.extra.get("适用范围").map(String::as_str),
        Some("所有省份")
    );
    assert_eq!(t.group, strs(&["（一）完善安置政策。"]));
    let t = &d.tasks[1];
    assert_eq!(
        (t.lead.clone(), t.support.clone()),
        (strs(&["退役军人事务部", "教育部"]), strs(&["财政部"]))
    );
    assert!(
        body.sections[0].children[1].paragraphs[0]
            .ends_with("（责任单位：退役军人事务部、教育部；配合单位：财政部）")
    );
    assert!(warnings(&d).is_empty(), "{:?}", warnings(&d));
}

#[test]
fn red_header_letter_with_one_attachment_and_inline_duties() {
    let d = parse_fixture("letterhead.txt");
    let n = &d.notice;
    // `国务院办公厅文件`, then the number, then the issuer line and the title line.
    assert_eq!(
        n.title.as_deref(),
        Some("国务院办公厅关于同意建立节能减排工作部际联席会议制度的函")
    );
    assert_eq!(n.issuer.as_deref(), Some("国务院办公厅"));
    assert_eq!(n.line, Some(3));
    assert_eq!(
        doc_number(&d),
        ("国办函〔2005〕57号", "国办函", Some(2005), Some(57))
    );
    assert_eq!(n.addressees, strs(&["发展改革委"]));
    assert_eq!(n.body.len(), 2);
    assert_eq!(n.date.as_deref(), Some("2005-07-12"));
    assert_eq!(n.note.as_deref(), Some("此件依申请公开"));
    let listed = gongwen_tests::listed_attachments(n);
    assert_eq!(listed, vec![(None, "节能减排工作部际联席会议制度")]);

    assert_eq!(d.parts.len(), 1);
    let att = &d.parts[0];
    assert_eq!(
        (att.kind, att.label.as_deref(), att.title.as_deref()),
        (
            PartKind::Attachment,
            Some("附件"),
            Some("节能减排工作部际联席会议制度")
        )
    );
    assert_eq!(
        outline(&att.sections),
        vec![
            o(1, "一、", "主要职能"),
            o(1, "二、", "工作规则"),
            o(1, "三、", "工作要求")
        ]
    );

    let got: Vec<(u32, &str, Vec<String>, Vec<String>)> = d
        .tasks
        .iter()
        .map(|t| (t.seq, t.text.as_str(), t.lead.clone(), t.support.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                1,
                "研究节能减排重大问题，协调解决工作中的困难。",
                strs(&["发展改革委"]),
                strs(&["财政部", "生态环境部"])
            ),
            (
                2,
                "联席会议原则上每半年召开一次全体会议。",
                strs(&["发展改革委", "工业和信息化部"]),
                vec![]
            ),
            (
                3,
                "各成员单位要按照职责分工，主动研究有关问题。",
                strs(&["发展改革委", "财政部"]),
                strs(&["各成员单位"])
            ),
        ]
    );
    assert!(d.tasks.iter().all(|t| t.origin == TaskOrigin::Inline));
    // Each paragraph sits under its bare heading (`一、主要职能`), which is its group.
    let groups: Vec<_> = d.tasks.iter().map(|t| t.group.clone()).collect();
    assert_eq!(
        groups,
        vec![
            strs(&["一、主要职能"]),
            strs(&["二、工作规则"]),
            strs(&["三、工作要求"])
        ]
    );
    assert!(warnings(&d).is_empty(), "{:?}", warnings(&d));
}

#[test]
fn decision_with_a_three_line_title_and_no_addressees() {
    let d = parse_fixture("decision-three-line-title.txt");
    let n = &d.notice;
    assert_eq!(
        n.title.as_deref(),
        Some("国务院关于进一步深化农村集体产权制度改革若干问题的决定")
    );
    assert_eq!(n.issuer.as_deref(), Some("国务院"));
    assert_eq!(
        doc_number(&d),
        ("国发〔2019〕6号", "国发", Some(2019), Some(6))
    );
    // `……，国务院决定：` ends in a colon but is not a list of recipients.
    assert!(n.addressees.is_empty(), "{:?}", n.addressees);
    assert_eq!(n.date.as_deref(), Some("2019-05-20"));
    assert_eq!(n.note.as_deref(), Some("本文有删减"));
    assert_eq!(d.parts.len(), 1);
    assert_eq!(d.parts[0].kind, PartKind::Body);
    assert_eq!(
        d.parts[0].preamble,
        strs(&["为深入推进农村集体产权制度改革，国务院决定："])
    );
    assert_eq!(
        outline(&d.parts[0].sections),
        vec![
            o(1, "一、", "全面开展清产核资"),
            o(1, "二、", "有序推进经营性资产股份合作制改革"),
            o(1, "三、", "加强组织领导")
        ]
    );
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
}

#[test]
fn every_consistency_check_fires_on_a_notice_that_breaks_it() {
    let d = parse_fixture("checks-wrong.txt");
    let found: Vec<(&str, Option<usize>)> = d
        .diagnostics
        .iter()
        .map(|x| (x.code.as_str(), x.line))
        .collect();
    for expected in [
        ("attachment_missing", Some(6)),
        ("invalid_date", Some(8)),
        ("task_count_mismatch", Some(12)),
        ("numbering_gap", Some(15)),
        ("numbering_repeat", Some(16)),
        ("enumeration_count_mismatch", Some(18)),
        ("numbering_order", Some(18)),
        ("numbering_order", Some(19)),
        ("group_count_mismatch", Some(23)),
        ("task_number_gap", Some(27)),
        ("task_without_lead", Some(27)),
    ] {
        assert!(
            found.contains(&expected),
            "missing {expected:?} in {found:?}"
        );
    }
    assert_eq!(found.len(), 11, "{found:?}");
    let date = d
        .diagnostics
        .iter()
        .find(|x| x.code == "invalid_date")
        .map(|x| x.severity);
    assert_eq!(date, Some(Severity::Error));
    assert_eq!(d.notice.date, None);
    let msg = |code: &str| {
        d.diagnostics
            .iter()
            .find(|x| x.code == code)
            .map(|x| x.message.clone())
            .unwrap_or_default()
    };
    assert!(
        msg("task_count_mismatch").contains("5项重点任务")
            && msg("task_count_mismatch").contains('3')
    );
    assert!(msg("group_count_mismatch").contains("（共3项）"));
    assert!(msg("attachment_missing").contains("某省数字经济发展重点项目清单"));
}

#[test]
fn a_consistent_notice_raises_no_diagnostics() {
    // The same shapes, consistent: 29 February of a leap year, `（三）` under 三、 continuing
    // `（二）` under 二、, stated counts that match, a single 附件 named in 附件说明.
    let d = parse_fixture("checks-clean.txt");
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    assert_eq!(d.notice.date.as_deref(), Some("2020-02-29"));
    assert_eq!(d.tasks.len(), 3);
    assert_eq!(d.tasks[2].group, strs(&["二、数字产业（共1项）"]));
}

#[test]
fn an_attachment_not_named_in_the_letter_is_reported() {
    let d = parse_fixture("attachment-unlisted.txt");
    assert!(d.notice.attachments.is_empty());
    assert_eq!(codes(&d), vec!["attachment_not_listed"]);
    assert_eq!(d.diagnostics[0].severity, Severity::Info);
    assert_eq!(d.diagnostics[0].line, Some(12));
    assert!(
        d.diagnostics[0]
            .message
            .contains("某市智慧城市建设项目清单")
    );
}

#[test]
fn the_seed_stays_clean_of_diagnostics() {
    // Its stated counts agree (86项改革试点任务, 等9个工作推进组, 等7大重点领域) and its
    // （一） runs restart under each 一、.
    let bytes = std::fs::read(gongwen_tests::seed_path()).expect("seed present");
    let d = parse(&bytes, &Options::default()).expect("seed parses");
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
}

#[test]
fn bare_titles_under_chapters_are_headings_and_articles_stay_text() {
    let text = "某省人民政府关于印发某省数字政府建设规划的通知\n\n某政发〔2022〕33号\n\n各市人民政府：\n\n\
        现将规划印发给你们，请认真组织实施。\n\n某省人民政府\n\n2022年11月2日\n\n某省数字政府建设规划\n\n\
        第一章　发展基础\n\n一、取得的成效\n\n（一）基础设施持续完善。外网实现全覆盖。\n\n二、面临的形势\n\n数字化转型提出新要求。\n\n\
        第二章　职责\n\n三、省政府实行省长负责制。省长领导省政府的工作。\n\n四、副省长按分工负责处理分管工作，协助省长工作\n";
    let d = gongwen_parse::parse_text(text);
    let plan = d.parts.last().expect("the plan");
    let got: Vec<(String, String)> = plan
        .sections
        .iter()
        .flat_map(|s| s.children.iter())
        .map(|s| (s.marker.clone(), s.heading.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("一、".to_string(), "取得的成效".to_string()),
            ("二、".to_string(), "面临的形势".to_string()),
            // Sentences under a chapter are articles: text, not headings.
            ("三、".to_string(), String::new()),
            // A sentence without its stop is still an article.
            ("四、".to_string(), String::new()),
        ]
    );
    assert_eq!(
        plan.sections[0].children[1].paragraphs,
        strs(&["数字化转型提出新要求。"])
    );
}

#[test]
fn a_title_of_phrases_joined_by_commas_heads_its_sub_items() {
    let text = "国务院办公厅关于进一步优化营商环境的意见\n\n国办发〔2022〕30号\n\n各省、自治区、直辖市人民政府：\n\n\
        为进一步优化营商环境，经国务院同意，现提出以下意见。\n\n\
        一、进一步破除隐性门槛，推动降低市场主体准入成本\n\n（一）全面实施市场准入负面清单管理。\n\n\
        （二）纳税人为独生子女的，按照每月2000元的标准定额扣除；\n\n\
        二、进一步规范涉企收费，推动减轻市场主体经营负担\n\n（一）加强公用事业收费监管。\n\n\
        三、各地区要抓好落实，做好以下工作：\n\n（一）压实责任。\n\n\
        第四条　有下列情形之一的，不予登记\n\n（一）申请人隐瞒有关情况，提供虚假材料\n\n（二）其他情形。\n\n\
        国务院办公厅\n\n2022年9月7日\n";
    let d = gongwen_parse::parse_text(text);
    let body = d.parts.first().expect("the body");
    assert_eq!(
        outline(&body.sections),
        vec![
            o(1, "一、", "进一步破除隐性门槛，推动降低市场主体准入成本"),
            o(2, "（一）", "全面实施市场准入负面清单管理"),
            // A clause closed by `；` stays text.
            o(2, "（二）", ""),
            o(1, "二、", "进一步规范涉企收费，推动减轻市场主体经营负担"),
            o(2, "（一）", "加强公用事业收费监管"),
            // A clause that opens a list with `：` stays text.
            o(1, "三、", ""),
            o(2, "（一）", "压实责任"),
            o(1, "第四条", ""),
            // The clauses of an article are text, stop or none.
            o(2, "（一）", ""),
            o(2, "（二）", ""),
        ]
    );
    assert!(body.sections[0].paragraphs.is_empty());
    assert_eq!(
        body.sections[2].paragraphs,
        strs(&["各地区要抓好落实，做好以下工作："])
    );
}

#[test]
fn items_under_a_part_are_headed_as_at_the_top() {
    let text = "某市人民政府关于印发某市数字经济发展规划的通知\n\n某府发〔2022〕21号\n\n各区人民政府：\n\n\
        现将规划印发给你们，请认真组织实施。\n\n某市人民政府\n\n2022年4月1日\n\n某市数字经济发展规划\n\n\
        第一部分　保障措施\n\n一、加强组织领导。\n\n二、加大政策支持。强化财政资金保障。\n\n\
        第二部分　附则\n\n第一章　实施\n\n一、本规划自印发之日起施行。\n";
    let d = gongwen_parse::parse_text(text);
    let plan = d.parts.last().expect("the plan");
    let part = &plan.sections[0];
    let items: Vec<(&str, &str, &str, &[String])> = part
        .children
        .iter()
        .map(|s| {
            (
                s.marker.as_str(),
                s.heading.as_str(),
                s.heading_suffix.as_str(),
                s.paragraphs.as_slice(),
            )
        })
        .collect();
    assert_eq!(
        items,
        vec![
            ("一、", "加强组织领导", "。", &[][..]),
            (
                "二、",
                "加大政策支持",
                "。",
                &strs(&["强化财政资金保障。"])[..]
            ),
        ]
    );
    // Under a chapter a sentence is still an article: text.
    let article = &plan.sections[1].children[0].children[0];
    assert_eq!(article.heading, "");
    assert_eq!(article.paragraphs, strs(&["本规划自印发之日起施行。"]));
}

#[test]
fn a_decimal_outline_nests_by_its_parts() {
    let text = "某省应急管理厅关于印发某省森林火灾应急预案的通知\n\n某应急〔2023〕15号\n\n各市应急管理局：\n\n\
        现将预案印发给你们，请认真贯彻执行。\n\n某省应急管理厅\n\n2023年10月9日\n\n某省森林火灾应急预案\n\n\
        1 总则\n\n1.1 编制目的\n\n建立健全应对工作机制。\n\n1.2 适用范围\n\n本预案适用于本省。\n\n\
        2 组织指挥体系\n\n2.1 指挥部\n\n指挥部负责组织协调。\n\n2.1.1 指挥部组成\n\n总指挥由副省长担任，1.5倍于常规力量。\n\n\
        2.1.2 指挥部办公室\n\n办公室设在应急管理厅。\n\n3 附则\n\n本预案自印发之日起实施。\n";
    let d = gongwen_parse::parse_text(text);
    let plan = d.parts.last().expect("the plan");
    let got: Vec<(u32, String, String)> = outline(&plan.sections);
    let expected: Vec<(u32, &str, &str)> = vec![
        (1, "1", "总则"),
        (2, "1.1", "编制目的"),
        (2, "1.2", "适用范围"),
        (1, "2", "组织指挥体系"),
        (2, "2.1", "指挥部"),
        (3, "2.1.1", "指挥部组成"),
        (3, "2.1.2", "指挥部办公室"),
        (1, "3", "附则"),
    ];
    let expected: Vec<(u32, String, String)> = expected
        .into_iter()
        .map(|(l, m, h)| (l, m.to_string(), h.to_string()))
        .collect();
    assert_eq!(got, expected);
    assert_eq!(
        plan.sections[1].children[0].children[0].paragraphs,
        strs(&["总指挥由副省长担任，1.5倍于常规力量。"])
    );
    assert!(warnings(&d).is_empty(), "{:?}", warnings(&d));
    // The normalized text prints the numbers apart from their headings and reads back the same.
    let printed = gongwen_emit::text::to_text(&d);
    assert!(printed.contains("\n2.1.1 指挥部组成\n"), "{printed}");
    let again = gongwen_parse::parse_text(&printed);
    assert_eq!(outline(&again.parts.last().expect("plan").sections), got);
}

#[test]
fn items_of_an_article_are_its_clauses_and_words_after_them_are_the_articles() {
    let text = "某市古树名木保护条例\n\n第一章　总则\n\n第一条　为了加强古树名木保护，制定本条例。\n\n\
        第二条　市园林绿化主管部门的职责是：\n\n（一）组织古树名木普查；\n\n（二）负责古树名木的保护管理。\n\n\
        区园林绿化主管部门按照职责分工负责本辖区的保护管理工作。\n\n第三条　本条例自2024年1月1日起施行。\n";
    let d = gongwen_parse::parse_text(text);
    let chapter = &d.parts.last().expect("the rules").sections[0];
    let article = &chapter.children[1];
    assert_eq!(article.marker, "第二条");
    assert_eq!(article.paragraphs, strs(&["市园林绿化主管部门的职责是："]));
    let items: Vec<(&str, &str, Vec<String>)> = article
        .children
        .iter()
        .map(|s| (s.marker.as_str(), s.heading.as_str(), s.paragraphs.clone()))
        .collect();
    assert_eq!(
        items,
        vec![
            ("（一）", "", strs(&["组织古树名木普查；"])),
            ("（二）", "", strs(&["负责古树名木的保护管理。"])),
        ]
    );
    assert_eq!(
        article.after,
        strs(&["区园林绿化主管部门按照职责分工负责本辖区的保护管理工作。"])
    );
    assert_eq!(chapter.children[2].marker, "第三条");
    // The normalized text keeps the reading order and reads back the same.
    let printed = gongwen_emit::text::to_text(&d);
    let (items_at, after_at) = (
        printed.find("（二）负责").expect("item"),
        printed.find("区园林绿化").expect("after"),
    );
    assert!(items_at < after_at, "{printed}");
    fn without_lines(s: &[Section]) -> Vec<Section> {
        s.iter()
            .map(|x| Section {
                line: 0,
                children: without_lines(&x.children),
                ..x.clone()
            })
            .collect()
    }
    let again = gongwen_parse::parse_text(&printed);
    assert_eq!(
        without_lines(&again.parts.last().expect("the rules").sections),
        without_lines(&d.parts.last().expect("the rules").sections)
    );
}

#[test]
fn a_run_in_heading_closed_by_a_colon_is_the_heading() {
    let text = "某市人民政府关于加强应急管理工作的意见\n\n某府发〔2023〕5号\n\n各区县人民政府：\n\n现提出如下意见。\n\n\
        一、总体要求\n\n（一）总体目标：到2025年，应急管理体系基本建成。\n\n（二）适用范围：\n\n本意见适用于全市。\n\n\
        二、主要任务\n\n（一）职责是：统筹协调应急工作。\n\n（二）加强队伍建设，各区要：配齐人员。\n\n\
        （三）根据《某市应急条例》：各区建立值班制度。\n\n（四）符合下列条件的：予以表彰。\n\n某市人民政府\n\n2023年5月6日\n";
    let d = gongwen_parse::parse_text(text);
    let part = d
        .parts
        .iter()
        .find(|p| !p.sections.is_empty())
        .expect("the outline");
    let got: Vec<(String, String, Vec<String>)> = part
        .sections
        .iter()
        .flat_map(|s| s.children.iter())
        .map(|s| {
            (
                s.heading.clone(),
                s.heading_suffix.clone(),
                s.paragraphs.clone(),
            )
        })
        .collect();
    let row = |h: &str, suffix: &str, p: &[&str]| (h.to_string(), suffix.to_string(), strs(p));
    assert_eq!(
        got,
        vec![
            row("总体目标", "：", &["到2025年，应急管理体系基本建成。"]),
            row("适用范围", "：", &["本意见适用于全市。"]),
            // A clause that opens a list, and a sentence before its colon, are text.
            row("", "", &["职责是：统筹协调应急工作。"]),
            row("", "", &["加强队伍建设，各区要：配齐人员。"]),
            row("", "", &["根据《某市应急条例》：各区建立值班制度。"]),
            row("", "", &["符合下列条件的：予以表彰。"]),
        ]
    );
}

#[test]
fn an_article_caption_in_brackets_is_the_articles_caption_not_its_text() {
    let text = "上海市某某管理办法\n第一条（目的和依据）为了加强本市某某管理，根据有关法律、法规，结合本市实际，制定本办法。\n\
        第二条（适用范围）本办法适用于本市行政区域内的某某活动。\n\
        第三条（规划、建设和管理）市某某局负责本市某某的规划、建设和管理工作。\n\
        第四条（一般规定）区人民政府应当：\n（一）组织实施本办法；\n（二）落实经费保障。\n\
        第五条　本办法自2024年1月1日起施行。\n";
    let page = format!(
        "<html><body><div class=\"TRS_Editor\">{}</div></body></html>",
        text.lines()
            .map(|l| format!("<p>{l}</p>"))
            .collect::<String>()
    );
    let html = parse(page.as_bytes(), &Options::default()).expect("parses");
    for d in [gongwen_parse::parse_text(text), html] {
        let articles: Vec<(&str, Option<&str>, &str, &[String])> = d
            .parts
            .iter()
            .flat_map(|p| &p.sections)
            .map(|s| {
                (
                    s.marker.as_str(),
                    s.caption.as_deref(),
                    s.heading.as_str(),
                    s.paragraphs.as_slice(),
                )
            })
            .collect();
        assert_eq!(
            articles,
            [
                (
                    "第一条",
                    Some("目的和依据"),
                    "",
                    &strs(&[
                        "为了加强本市某某管理，根据有关法律、法规，结合本市实际，制定本办法。"
                    ])[..]
                ),
                (
                    "第二条",
                    Some("适用范围"),
                    "",
                    &strs(&["本办法适用于本市行政区域内的某某活动。"])[..]
                ),
                (
                    "第三条",
                    Some("规划、建设和管理"),
                    "",
                    &strs(&["市某某局负责本市某某的规划、建设和管理工作。"])[..]
                ),
                (
                    "第四条",
                    Some("一般规定"),
                    "",
                    &strs(&["区人民政府应当："])[..]
                ),
                (
                    "第五条",
                    None,
                    "",
                    &strs(&["本办法自2024年1月1日起施行。"])[..]
                ),
            ]
        );
        // The clauses of an article print no captions of their own.
        let clauses = &d.parts[0].sections[3].children;
        assert_eq!(clauses.len(), 2);
        assert!(clauses.iter().all(|c| c.caption.is_none()));
        // In the JSON, the caption is beside the article's text, and left out when there is none.
        let json: serde_json::Value =
            serde_json::from_slice(&gongwen_emit::json::to_json(&d).expect("json")).expect("reads");
        let sections = &json["parts"][0]["sections"];
        assert_eq!(sections[0]["caption"], "目的和依据");
        assert!(sections[4].get("caption").is_none());
        let schema = gongwen_emit::json::schema();
        assert!(
            schema["$defs"]["Section"]["properties"]
                .get("caption")
                .is_some(),
            "the schema names the field"
        );
        // The workbook's outline sheet shows it as the article's title.
        let xlsx = gongwen_emit::xlsx::to_xlsx(&d).expect("xlsx").bytes;
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).expect("opens");
        let outline = calamine::Reader::worksheet_range(&mut book, "结构").expect("结构 sheet");
        let titles: Vec<String> = outline.rows().skip(1).map(|r| r[3].to_string()).collect();
        assert_eq!(
            titles[..5],
            strs(&["目的和依据", "适用范围", "规划、建设和管理", "一般规定", ""])[..]
        );
        // The normalized text prints the caption where it stood, and reads back the same.
        let printed = gongwen_emit::text::to_text(&d);
        assert!(
            printed.contains("\n第一条（目的和依据）为了加强"),
            "{printed}"
        );
        let again = gongwen_parse::parse_text(&printed);
        assert_eq!(again.parts[0].sections.len(), d.parts[0].sections.len());
        for (a, b) in again.parts[0].sections.iter().zip(&d.parts[0].sections) {
            assert_eq!((&a.caption, &a.paragraphs), (&b.caption, &b.paragraphs));
        }
    }
}

#[test]
fn a_first_item_of_one_sentence_before_items_of_text_is_text_too() {
    let text = "某市人民政府\n通　告\n某政告〔2024〕1号\n\n为加强烟花爆竹安全管理，现就有关事项通告如下：\n\n\
        一、本市中心城区全域禁止燃放烟花爆竹。\n\n二、违反本通告规定燃放烟花爆竹的，由公安机关依法处罚。\n\n\
        三、本通告自发布之日起施行。\n\n特此通告。\n\n某市人民政府\n2024年1月20日\n";
    let d = parse(text.as_bytes(), &Options::default()).expect("parses");
    let body = d.parts.first().expect("the body");
    assert_eq!(
        outline(&body.sections),
        vec![o(1, "一、", ""), o(1, "二、", ""), o(1, "三、", "")]
    );
    assert_eq!(
        body.sections[0].paragraphs,
        strs(&["本市中心城区全域禁止燃放烟花爆竹。"])
    );
    // One item of text after it says too little: the first stays as printed.
    let short = text.replace("三、本通告自发布之日起施行。\n\n", "");
    let d = parse(short.as_bytes(), &Options::default()).expect("parses");
    assert_eq!(
        d.parts[0].sections[0].heading,
        "本市中心城区全域禁止燃放烟花爆竹"
    );
    // Titles over text of their own stay titles.
    let text = text
        .replace("燃放烟花爆竹。\n\n二、", "燃放烟花爆竹。严禁销售。\n\n二、")
        .replace("一、本市中心城区全域禁止", "一、全域禁止。本市中心城区禁止");
    let d = parse(text.as_bytes(), &Options::default()).expect("parses");
    assert_eq!(d.parts[0].sections[0].heading, "全域禁止");
}

#[test]
fn a_notice_in_traditional_script_reads_its_number_and_addressees() {
    // A Hong Kong or Taiwan copy, or a page passed through a converter: `發`/`號` in the
    // number, `部門` among the addressees. The text stays as printed.
    let text = "重慶市人民政府文件\n\n渝府發〔2024〕3號\n\n重慶市人民政府關於加強安全生產工作的通知\n\n各區、縣人民政府，市政府各部門，有關單位：\n\n為進一步加強安全生產工作，現就有關事項通知如下。\n\n一、總體要求\n\n堅持安全第一、預防為主。\n\n重慶市人民政府\n二〇二四年三月五日\n";
    let d = parse(text.as_bytes(), &Options::default()).expect("parses");
    assert_eq!(
        doc_number(&d),
        ("渝府發〔2024〕3號", "渝府發", Some(2024), Some(3))
    );
    assert_eq!(
        d.notice.title.as_deref(),
        Some("重慶市人民政府關於加強安全生產工作的通知")
    );
    assert_eq!(
        d.notice.addressees,
        strs(&["各區、縣人民政府", "市政府各部門", "有關單位"])
    );
    assert_eq!(d.notice.date.as_deref(), Some("2024-03-05"));
    assert_eq!(d.parts[0].sections[0].heading, "總體要求");
}

#[test]
fn articles_in_traditional_script_are_articles() {
    // A 令 in a Hong Kong or Taiwan copy: 第一條 under 第一章, as 第一条 would be.
    let text = "某市人民政府令\n\n第12號\n\n某市城市管理辦法\n\n第一章　總則\n\n第一條　為加強城市管理，制定本辦法。\n\n第二條　本辦法適用於本市行政區域。\n\n第二章　附則\n\n第三條　本辦法自2024年5月1日起施行。\n\n市長　張三\n2024年3月5日\n";
    let d = parse(text.as_bytes(), &Options::default()).expect("parses");
    let chapters = &d.parts[0].sections;
    assert_eq!(chapters.len(), 2);
    assert_eq!(chapters[0].children.len(), 2);
    assert_eq!(chapters[0].children[0].marker, "第一條");
    assert_eq!(
        chapters[0].children[0].paragraphs,
        strs(&["為加強城市管理，制定本辦法。"])
    );
    assert_eq!(chapters[1].children.len(), 1);
}
