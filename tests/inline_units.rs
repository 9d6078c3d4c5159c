//! Lead and support units as notices print them: allocations in any bracket, measures whose
//! sentence is cut across lines, `（牵头）` marks and the `排在第一位的为牵头单位` convention, and
//! divisions that share one head noun (`各区、市政府`).

use gongwen_parse::{Document, InputFormat, Options, Task, parse, parse_text};

fn units(t: &Task) -> (Vec<&str>, Vec<&str>) {
    (
        t.lead.iter().map(String::as_str).collect(),
        t.support.iter().map(String::as_str).collect(),
    )
}

/// Each task's number, text, and lead and supporting units.
type TaskRow<'a> = (u32, &'a str, (Vec<&'a str>, Vec<&'a str>));

fn numbered_texts_and_units(doc: &Document) -> Vec<TaskRow<'_>> {
    doc.tasks
        .iter()
        .map(|t| (t.seq, t.text.as_str(), units(t)))
        .collect()
}

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

/// A notice whose plan is `measures`, each a line or lines of its own.
fn notice(measures: &str) -> String {
    format!(
        "某市人民政府\n\n关于推进城市治理的若干措施\n\n某政〔2024〕3号\n\n各区人民政府，市政府各部门：\n\n\
         现提出如下措施。\n\n一、总体安排\n\n{measures}\n\n某市人民政府\n\n2024年1月8日\n"
    )
}

#[test]
fn an_allocation_in_square_brackets_is_a_task() {
    let doc = parse_text(&notice(
        "（一）强化防汛准备。完善预案。【牵头单位：市水利局；配合单位：市气象局】\n\n\
         （二）整治河道。清理淤积。〔牵头单位：市城管局〕\n\n\
         （三）加固堤防。排查险情。［市住建局牵头，市交通局配合］\n\n\
         （四）储备物资。（市粮储局负责）",
    ));
    let got = numbered_texts_and_units(&doc);
    assert_eq!(
        got,
        vec![
            (
                1,
                "强化防汛准备。完善预案。",
                (vec!["市水利局"], vec!["市气象局"])
            ),
            (2, "整治河道。清理淤积。", (vec!["市城管局"], vec![])),
            (
                3,
                "加固堤防。排查险情。",
                (vec!["市住建局"], vec!["市交通局"])
            ),
            (4, "储备物资。", (vec!["市粮储局"], vec![])),
        ]
    );
}

#[test]
fn a_measure_cut_after_a_comma_keeps_its_first_line() {
    let measures = "1．改善营商环境。压缩审批时限，\n推行一网通办。（牵头单位：市政务办；配合单位：市发展改革委）\n\n\
                    2．稳定就业。扩大岗位。（市人社局负责）";
    let doc = parse_text(&notice(measures));
    assert_eq!(doc.tasks.len(), 2);
    assert_eq!(
        doc.tasks[0].text,
        "改善营商环境。压缩审批时限，推行一网通办。"
    );
    assert_eq!(
        units(&doc.tasks[0]),
        (vec!["市政务办"], vec!["市发展改革委"])
    );
    // The section holds the sentence once, whole.
    let s = &doc
        .parts
        .iter()
        .flat_map(|p| &p.sections)
        .next()
        .unwrap()
        .children[0];
    assert_eq!(
        s.paragraphs,
        vec!["压缩审批时限，推行一网通办。（牵头单位：市政务办；配合单位：市发展改革委）"]
    );

    // The same cut between two `<p>` of a page.
    let html = notice(measures)
        .split('\n')
        .filter(|l| !l.is_empty())
        .map(|l| format!("<p>{l}</p>"))
        .collect::<String>();
    let page = format!("<html><body>{html}</body></html>");
    let doc = parse(
        page.as_bytes(),
        &Options {
            format: Some(InputFormat::Html),
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(doc.tasks.len(), 2);
    assert_eq!(
        doc.tasks[0].text,
        "改善营商环境。压缩审批时限，推行一网通办。"
    );

    // A sentence that ended is not joined to the next line: two paragraphs, both the measure's
    // (its allocation closes everything printed since the last one).
    let doc = parse_text(&notice(
        "1．改善营商环境。压缩审批时限。\n推行一网通办。（市政务办负责）",
    ));
    let s = &doc
        .parts
        .iter()
        .flat_map(|p| &p.sections)
        .next()
        .unwrap()
        .children[0];
    assert_eq!(
        s.paragraphs,
        vec!["压缩审批时限。", "推行一网通办。（市政务办负责）"]
    );
    assert_eq!(
        doc.tasks[0].text,
        "改善营商环境。压缩审批时限。推行一网通办。"
    );
}

#[test]
fn units_by_duty_alone_are_the_leads() {
    let doc = parse_text(&notice(
        "（一）强化金融支持。创新信贷产品。（市金融局、市银保监分局按职责分工负责）\n\n\
         （二）优化服务。提升效率。（市政务办牵头，各区政府按职责分工负责）",
    ));
    assert_eq!(
        doc.tasks.iter().map(units).collect::<Vec<_>>(),
        vec![
            (vec!["市金融局", "市银保监分局"], vec![]),
            (vec!["市政务办"], vec!["各区政府"]),
        ]
    );
    assert!(
        !codes(&doc).contains(&"task_without_lead"),
        "{:?}",
        codes(&doc)
    );
}

#[test]
fn labels_split_on_a_space_and_lists_on_a_comma() {
    let doc = parse_text(&notice(
        "（一）推进城市更新。改造老旧小区。（牵头单位：市住建局 配合单位：各区人民政府）\n\n\
         （二）保护生态。治理河湖。（牵头单位:市环境局;配合单位:市水务局,市林业局）",
    ));
    assert_eq!(
        doc.tasks.iter().map(units).collect::<Vec<_>>(),
        vec![
            (vec!["市住建局"], vec!["各区人民政府"]),
            (vec!["市环境局"], vec!["市水务局", "市林业局"]),
        ]
    );
    assert!(doc.tasks.iter().all(|t| t.extra.is_empty()));
}

/// A plan with an attached 责任单位 table; `note` is printed above the table.
fn plan_with_table(note: &str) -> String {
    format!(
        "某省人民政府办公厅\n\n关于印发某省商贸流通实施方案的通知\n\n某政办字〔2024〕5号\n\n各市人民政府，省政府有关部门：\n\n\
         现将实施方案印发给你们。\n\n附件：重点任务分工表\n\n某省人民政府办公厅\n\n2024年2月1日\n\n附件\n\n重点任务分工表\n\n{note}\
         \t序号\n\t重点任务\n\t责任单位\n\n\
         \t1\n\t建设物流中心。\n\t省商务厅、省交通厅、各市政府\n\n\
         \t2\n\t改造商贸中心。\n\t省商务厅（牵头）、省财政厅\n\n\
         \t3\n\t发展农村电商。\n\t省邮政局（牵头），省交通厅，省商务厅\n\n\
         \t4\n\t培育龙头企业。\n\t省商务厅\n"
    )
}

#[test]
fn lead_marks_in_a_unit_column_are_read_and_stripped() {
    let doc = parse_text(&plan_with_table(""));
    assert_eq!(
        doc.tasks.iter().map(units).collect::<Vec<_>>(),
        vec![
            // Without a mark or a stated convention every unit of a 责任单位 cell leads.
            (vec!["省商务厅", "省交通厅", "各市政府"], vec![]),
            (vec!["省商务厅"], vec!["省财政厅"]),
            (vec!["省邮政局"], vec!["省交通厅", "省商务厅"]),
            (vec!["省商务厅"], vec![]),
        ]
    );
}

#[test]
fn a_stated_convention_makes_the_first_unit_the_lead() {
    for note in [
        "（责任单位中排在第一位的为牵头单位）\n\n",
        "注：多个单位的，第一个单位为牵头单位。\n\n",
    ] {
        let doc = parse_text(&plan_with_table(note));
        assert_eq!(
            doc.tasks.iter().map(units).collect::<Vec<_>>(),
            vec![
                (vec!["省商务厅"], vec!["省交通厅", "各市政府"]),
                (vec!["省商务厅"], vec!["省财政厅"]),
                (vec!["省邮政局"], vec!["省交通厅", "省商务厅"]),
                (vec!["省商务厅"], vec![]),
            ],
            "{note}"
        );
    }
}

#[test]
fn divisions_sharing_a_head_noun_are_one_unit() {
    let doc = parse_text(&notice(
        "（一）推动跨省通办。梳理事项清单。（牵头单位：市大数据局；配合单位：市直有关部门，各区、市政府）\n\n\
         （二）推动企业上云。培育服务商。（牵头单位：市工信局；配合单位：各市、区人民政府、市发展改革委）

         （三）培育产业集群。（牵头单位：市经信局；配合单位：各区、县（市）政府，各市、县（市、区）人民政府）

         （四）强化用地保障。（市资源规划局牵头，各市、区负责）",
    ));
    assert_eq!(
        doc.tasks.iter().map(units).collect::<Vec<_>>(),
        vec![
            (vec!["市大数据局"], vec!["市直有关部门", "各区、市政府"]),
            (vec!["市工信局"], vec!["各市、区人民政府", "市发展改革委"]),
            // A bracket of more divisions before the head noun they share.
            (
                vec!["市经信局"],
                vec!["各区、县（市）政府", "各市、县（市、区）人民政府"]
            ),
            // Divisions listed to the end without a head noun are one group.
            (vec!["市资源规划局"], vec!["各市、区"]),
        ]
    );
}

#[test]
fn a_units_cell_that_names_the_roles_in_words_is_read_by_its_words() {
    let text = "某县人民政府办公室关于印发重点工作任务的通知\n\n某县政办〔2023〕14号\n\n各乡镇人民政府：\n\n\
        现将任务印发给你们。\n\n某县人民政府办公室\n\n2023年3月10日\n\n附件\n\n重点工作任务\n\n\
        序号\t工作任务\t责任单位\n\
        1\t稳定粮食面积\t县农业农村局牵头，县发展改革局、县财政局配合\n\
        2\t改造农村公路\t县交通运输局负责\n\
        3\t培育标杆企业\t牵头：县工信局；配合：县财政局、县科技局\n\
        4\t完善农田设施\t县农业农村局、县水利局\n\
        5\t办好民生实事\t县民政局，2023年底前完成\n";
    let doc = parse_text(text);
    let got: Vec<_> = doc.tasks.iter().map(|t| (t.seq, units(t))).collect();
    assert_eq!(
        got,
        vec![
            (1, (vec!["县农业农村局"], vec!["县发展改革局", "县财政局"])),
            (2, (vec!["县交通运输局"], vec![])),
            (3, (vec!["县工信局"], vec!["县财政局", "县科技局"])),
            // Plain names, and a cell with a remark, are left to the column.
            (4, (vec!["县农业农村局", "县水利局"], vec![])),
            (5, (vec!["县民政局", "2023年底前完成"], vec![])),
        ]
    );
    // The cell is kept as printed.
    assert_eq!(
        doc.tasks[0].lead_text,
        "县农业农村局牵头，县发展改革局、县财政局配合"
    );
}

#[test]
fn roles_on_lines_of_their_own_in_a_cell_are_clauses_in_every_format() {
    // The same five cells as a CSV file's quoted line breaks and as a page's `<br>`.
    let cells = [
        "市大数据局牵头\n市发展改革委配合",
        "牵头：市市场监管局\n配合：市审批局、市司法局",
        // Units after a marked lead, without a word of their own, support it.
        "市大数据局牵头\n市公安局、市民政局",
        "市商务委牵头，市外办",
        // Plain names on lines stay the column's.
        "市教委\n市人力社保局",
    ];
    let expected = vec![
        (vec!["市大数据局"], vec!["市发展改革委"]),
        (vec!["市市场监管局"], vec!["市审批局", "市司法局"]),
        (vec!["市大数据局"], vec!["市公安局", "市民政局"]),
        (vec!["市商务委"], vec!["市外办"]),
        (vec!["市教委", "市人力社保局"], vec![]),
    ];
    let mut csv = String::from("序号,工作任务,责任单位\n");
    let mut html = String::from(
        "<html><body><div id=\"zoom\"><p>某市工作要点</p><table border=\"1\">\
         <tr><th>序号</th><th>工作任务</th><th>责任单位</th></tr>",
    );
    for (k, cell) in cells.iter().enumerate() {
        csv.push_str(&format!("{},任务{},\"{cell}\"\n", k + 1, k + 1));
        html.push_str(&format!(
            "<tr><td>{}</td><td>任务{}</td><td>{}</td></tr>",
            k + 1,
            k + 1,
            cell.replace('\n', "<br>")
        ));
    }
    html.push_str("</table></div></body></html>");
    for (bytes, format) in [
        (csv.into_bytes(), InputFormat::Csv),
        (html.into_bytes(), InputFormat::Html),
    ] {
        let options = Options {
            format: Some(format),
            ..Options::default()
        };
        let doc = parse(&bytes, &options).expect("parses");
        assert_eq!(
            doc.tasks.iter().map(units).collect::<Vec<_>>(),
            expected,
            "{format:?}"
        );
    }
}

#[test]
fn a_bracket_of_bare_unit_names_or_a_label_after_the_last_sentence_allocates_the_measure() {
    let doc = parse_text(&notice(
        "（一）培育消费场景。每年新增示范街区5个。（市商务委、市文化旅游委）\n\n\
         （二）扩大汽车消费。落实购置税减免政策。责任单位：市商务委、市税务局。\n\n\
         （三）发展老年教育。推动社区教育融合发展。牵头单位：市教委；配合单位：市委老干部局。\n\n\
         （四）完善配套设施（停车场、充电桩）\n\n\
         （五）加强队伍建设。建立教师库，由各责任单位：按季度报送。\n\n\
         （六）保障资金。资金由市财政局（市级财政）统筹。",
    ));
    let got = numbered_texts_and_units(&doc);
    assert_eq!(
        got,
        vec![
            (
                1,
                "培育消费场景。每年新增示范街区5个。",
                (vec!["市商务委", "市文化旅游委"], vec![])
            ),
            (
                2,
                "扩大汽车消费。落实购置税减免政策。",
                (vec!["市商务委", "市税务局"], vec![])
            ),
            (
                3,
                "发展老年教育。推动社区教育融合发展。",
                (vec!["市教委"], vec!["市委老干部局"])
            ),
            // A bracket of things that are not organs, a label inside a sentence, and a
            // bracket that does not close a sentence allocate nothing.
        ]
    );
}

#[test]
fn placeholders_by_duty_brackets_and_a_first_unit_statement_name_no_unit() {
    let csv = "序号,重点任务,牵头单位,配合单位\n\
               1,任务甲,市大数据局,无\n\
               2,任务乙,市发展改革委,—\n\
               3,任务丙,市商务委、市外办（按职责分工负责）,（无）\n\
               4,任务丁,\"市委网信办、市大数据局（按职责分工负责），市财政局配合\",\n";
    let opts = Options {
        format: Some(InputFormat::Csv),
        ..Options::default()
    };
    let doc = parse(csv.as_bytes(), &opts).expect("parses");
    assert_eq!(
        doc.tasks.iter().map(units).collect::<Vec<_>>(),
        vec![
            (vec!["市大数据局"], vec![]),
            (vec!["市发展改革委"], vec![]),
            (vec!["市商务委", "市外办"], vec![]),
            (vec!["市委网信办", "市大数据局"], vec!["市财政局"]),
        ]
    );
    // The statement inside the allocation decides, and is no unit.
    let doc = parse_text(&notice(
        "（一）发展数字金融。（责任单位：市金融监管局、人行重庆营管部、重庆银保监局，排在第一位的为牵头单位）",
    ));
    assert_eq!(
        doc.tasks.iter().map(units).collect::<Vec<_>>(),
        vec![(vec!["市金融监管局"], vec!["人行重庆营管部", "重庆银保监局"])]
    );
}

#[test]
fn allocation_lines_under_a_measure_close_it_as_a_task() {
    let doc = parse_text(&notice(
        "（一）发放消费券。市级财政安排资金，分批发放。\n\n责任单位：市商务局、市财政局\n\n\
         （二）促进家电消费。开展以旧换新。\n\n牵头单位：市商务局\n\n配合单位：市市场监管局、各区人民政府\n\n\
         （三）繁荣夜间经济\n\n打造消费集聚区。\n\n责任单位：市城管局\n\n\
         建设特色街区。\n\n责任单位：市住建局\n\n\
         （四）加强宣传。组织媒体报道。",
    ));
    let got = numbered_texts_and_units(&doc);
    assert_eq!(
        got,
        vec![
            (
                1,
                "发放消费券。市级财政安排资金，分批发放。",
                (vec!["市商务局", "市财政局"], vec![])
            ),
            (
                2,
                "促进家电消费。开展以旧换新。",
                (vec!["市商务局"], vec!["市市场监管局", "各区人民政府"])
            ),
            // A bare title is not part of the measure; each line closes the text before it.
            (3, "打造消费集聚区。", (vec!["市城管局"], vec![])),
            // A second measure under one marker counts on: inline tasks' numbers are unique.
            (4, "建设特色街区。", (vec!["市住建局"], vec![])),
        ]
    );
    // The lines stay in the section as printed.
    let s = &doc.parts[0].sections[0].children[1];
    assert_eq!(s.paragraphs.len(), 3);
}

#[test]
fn a_full_stop_after_the_last_unit_is_no_part_of_its_name() {
    // After an inline label, in labelled lines, and in a table's cells.
    let inline = parse_text(&notice("一、促进体育消费。责任单位：市体育局、市商务委。"));
    assert_eq!(
        numbered_texts_and_units(&inline)
            .into_iter()
            .map(|(_, _, u)| u)
            .collect::<Vec<_>>(),
        [(vec!["市体育局", "市商务委"], vec![])]
    );
    let table = parse_text(
        "序号\t任务\t牵头单位\t配合单位\n\
         1\t促进体育消费\t市体育局。\t市商务委；\n\
         2\t发展冰雪运动\t市体育局\t市文化旅游委、市教委。\n",
    );
    assert_eq!(
        table.tasks.iter().map(units).collect::<Vec<_>>(),
        [
            (vec!["市体育局"], vec!["市商务委"]),
            (vec!["市体育局"], vec!["市文化旅游委", "市教委"]),
        ]
    );
}

#[test]
fn a_labelled_allocation_whose_first_unit_says_its_role_keeps_the_verb_out_of_the_name() {
    let inline = parse_text(&notice(
        "一、发展共同配送。（责任单位：市邮政管理局牵头，市交通局、市商务委配合）",
    ));
    assert_eq!(
        inline.tasks.iter().map(units).collect::<Vec<_>>(),
        [(vec!["市邮政管理局"], vec!["市交通局", "市商务委"])]
    );
    let table = parse_text(
        "序号\t任务\t责任单位\n\
         1\t发展共同配送\t责任单位：市邮政管理局牵头，市交通局配合\n\
         2\t完善冷链物流\t牵头单位：市发展改革委牵头\n",
    );
    assert_eq!(
        table.tasks.iter().map(units).collect::<Vec<_>>(),
        [
            (vec!["市邮政管理局"], vec!["市交通局"]),
            (vec!["市发展改革委"], vec![]),
        ]
    );
}

#[test]
fn when_the_first_unit_leads_a_support_mark_on_another_leaves_the_rest_supporting() {
    let d = parse_text(
        "任务分工中排在第一位的为牵头单位。\n\n\
         序号\t工作任务\t责任单位\n\
         1\t丰富夜间文体活动\t市文化旅游委、市体育局（配合）、市总工会\n",
    );
    assert_eq!(
        d.tasks.iter().map(units).collect::<Vec<_>>(),
        [(vec!["市文化旅游委"], vec!["市体育局", "市总工会"])]
    );
}

#[test]
fn a_last_sentence_of_names_and_role_verbs_allocates_the_measure() {
    let doc = parse_text(&notice(
        "（一）提升开办企业便利度。压缩开办时间至0.5个工作日。市市场监管局牵头，市税务局、市妇联配合。\n\n\
         （二）优化纳税服务。推行全程网上办税。市税务局负责。\n\n\
         （三）加强组织保障。各地要切实负责。\n\n\
         （四）强化督促落实。各部门要加强协调配合。",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        [
            (
                1,
                "提升开办企业便利度。压缩开办时间至0.5个工作日。",
                (vec!["市市场监管局"], vec!["市税务局", "市妇联"])
            ),
            (
                2,
                "优化纳税服务。推行全程网上办税。",
                (vec!["市税务局"], vec![])
            ),
        ]
    );
}

#[test]
fn a_paragraph_of_clauses_each_with_its_allocation_is_a_task_per_clause() {
    let doc = parse_text(&notice(
        "（一）培育外贸企业。一是支持企业拓展市场（责任单位：市商务委）；二是加大出口信保支持力度（市商务委、市财政局按职责分工负责）；\
         三是强化融资服务（牵头单位：市金融监管局；配合单位：人行某市分行）。\n\n\
         （二）发展新业态。推动跨境电商发展。（责任单位：市商务委）提升海外仓服务水平。（责任单位：市邮政管理局）\n\n\
         （三）提升通关效率。压缩整体通关时间（以下简称通关时间）；优化查验流程。（责任单位：某某海关）",
    ));
    assert_eq!(
        // Numbered in reading order: clauses of one measure count on from it.
        numbered_texts_and_units(&doc),
        [
            (
                1,
                "培育外贸企业。一是支持企业拓展市场",
                (vec!["市商务委"], vec![])
            ),
            (
                2,
                "培育外贸企业。二是加大出口信保支持力度",
                (vec!["市商务委", "市财政局"], vec![])
            ),
            (
                3,
                "培育外贸企业。三是强化融资服务",
                (vec!["市金融监管局"], vec!["人行某市分行"])
            ),
            (
                4,
                "发展新业态。推动跨境电商发展。",
                (vec!["市商务委"], vec![])
            ),
            (
                5,
                "发展新业态。提升海外仓服务水平。",
                (vec!["市邮政管理局"], vec![])
            ),
            (
                6,
                "提升通关效率。压缩整体通关时间（以下简称通关时间）；优化查验流程。",
                (vec!["某某海关"], vec![])
            ),
        ]
    );
}

#[test]
fn units_that_carry_a_measure_out_support_its_lead_or_lead_alone() {
    let doc = parse_text(&notice(
        "（一）保障公平竞争。开展政策措施清理。（市市场监管局牵头，各区县政府负责落实）\n\n\
         （二）推进城市更新。改造老旧小区。（各区县政府负责实施）",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        [
            (
                1,
                "保障公平竞争。开展政策措施清理。",
                (vec!["市市场监管局"], vec!["各区县政府"])
            ),
            (
                2,
                "推进城市更新。改造老旧小区。",
                (vec!["各区县政府"], vec![])
            ),
        ]
    );
    assert!(doc.tasks.iter().all(|t| t.extra.is_empty()));
}

#[test]
fn an_allocation_line_that_opens_with_its_lead_label_keeps_its_lead() {
    // `牵头单位：甲；配合单位：乙` on a line of its own under the measure: the `；` before the
    // second label does not make the first label part of the measure's text.
    let doc = parse_text(&notice(
        "（一）培育农机合作社。扩大服务范围。\n\n牵头单位：市农业农村局；配合单位：市财政局、市供销社\n\n\
         （二）推进全程机械化。\n\n牵头单位：市农业农村局，配合单位：各区人民政府",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        vec![
            (
                1,
                "培育农机合作社。扩大服务范围。",
                (vec!["市农业农村局"], vec!["市财政局", "市供销社"])
            ),
            (
                2,
                "推进全程机械化。",
                (vec!["市农业农村局"], vec!["各区人民政府"])
            ),
        ]
    );
    assert!(
        !codes(&doc).contains(&"task_without_lead"),
        "{:?}",
        codes(&doc)
    );
}

#[test]
fn an_allocation_in_words_on_a_line_of_its_own_closes_the_measure_above() {
    let doc = parse_text(&notice(
        "（一）深化“放管服”改革。\n\n市营商环境局牵头，市直各部门、各区政府配合。\n\n\
         （二）推进“极简审批”。压缩审批时限。\n\n市营商环境局、市发展改革委负责。\n\n\
         （三）加强督查。\n\n各地要切实负责。",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        vec![
            (
                1,
                "深化“放管服”改革。",
                (vec!["市营商环境局"], vec!["市直各部门", "各区政府"])
            ),
            (
                2,
                "推进“极简审批”。压缩审批时限。",
                (vec!["市营商环境局", "市发展改革委"], vec![])
            ),
        ]
    );
}

#[test]
fn units_that_are_responsible_beside_a_lead_support_it() {
    // `甲牵头，乙负责`: 甲 leads, 乙 carries the measure out under it. Without a `牵头` the
    // units `负责` lead.
    let doc = parse_text(&notice(
        "（一）推动传统产业转型升级。（市工信局牵头，各区政府负责）\n\n\
         （二）培育新兴产业。（市发展改革委负责，市科技局配合）\n\n\
         （三）建设产业园区。（市商务局、市工信局负责）",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        vec![
            (
                1,
                "推动传统产业转型升级。",
                (vec!["市工信局"], vec!["各区政府"])
            ),
            (
                2,
                "培育新兴产业。",
                (vec!["市发展改革委"], vec!["市科技局"])
            ),
            (3, "建设产业园区。", (vec!["市商务局", "市工信局"], vec![])),
        ]
    );
}

#[test]
fn an_allocation_cut_across_lines_inside_its_bracket_is_read_whole() {
    // A copy that broke the measure's line inside its bracket, with too few lines to show a
    // wrap width: the line that closes the bracket goes on with the one that opened it.
    let doc = parse_text(&notice(
        "（一）推动数字产业化。培育一批龙头企业。（市工信局、市大\n数据局按职责分工负责）\n\n\
         （二）推进产业数字化。推动企业上云，\n到2025年上云企业达到1万家。（市工信局牵头，市发展改革委\n配合）",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        vec![
            (
                1,
                "推动数字产业化。培育一批龙头企业。",
                (vec!["市工信局", "市大数据局"], vec![])
            ),
            (
                2,
                "推进产业数字化。推动企业上云，到2025年上云企业达到1万家。",
                (vec!["市工信局"], vec!["市发展改革委"])
            ),
        ]
    );
}

#[test]
fn a_label_after_the_last_sentence_whose_last_unit_ends_in_a_bracket_allocates_the_measure() {
    // `（行署）` closes a unit's name, not the sentence: it is no allocation of its own, and
    // the label before it still allocates the measure.
    let doc = parse_text(&notice(
        "1.稳定粮食播种面积。确保播种面积稳定。责任单位：省农业农村厅、各市（地）政府（行署）。\n\n\
         2.发展现代种业。实施种业振兴行动。责任单位：省农业农村厅；配合单位：省科技厅（省种业中心）。",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        vec![
            (
                1,
                "稳定粮食播种面积。确保播种面积稳定。",
                (vec!["省农业农村厅", "各市（地）政府（行署）"], vec![])
            ),
            (
                2,
                "发展现代种业。实施种业振兴行动。",
                (vec!["省农业农村厅"], vec!["省科技厅（省种业中心）"])
            ),
        ]
    );
}

#[test]
fn a_lead_label_beside_a_responsible_label_leads_and_people_labels_are_extra() {
    // `牵头单位` and `责任单位` together, in a bracket or on lines of their own: the units a
    // `牵头` label names lead, the responsible ones carry the measure out under them (as the two
    // columns of a table do). A line of people (`责任领导：`) is no unit and no part of the text.
    let doc = parse_text(&notice(
        "1．推进科创走廊建设。\n\n责任领导：张某某\n\n牵头单位：市科技局\n\n责任单位：西湖区政府、余杭区政府\n\n\
         2．实施技术攻关项目。（责任领导：李某某；牵头单位：市经信局；责任单位：市发改委、市财政局）\n\n\
         3．培育产业集群。（责任单位：市经信局、市商务局）",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        vec![
            (
                1,
                "推进科创走廊建设。",
                (vec!["市科技局"], vec!["西湖区政府", "余杭区政府"])
            ),
            (
                2,
                "实施技术攻关项目。",
                (vec!["市经信局"], vec!["市发改委", "市财政局"])
            ),
            (3, "培育产业集群。", (vec!["市经信局", "市商务局"], vec![])),
        ]
    );
    let leaders: Vec<_> = doc
        .tasks
        .iter()
        .map(|t| t.extra.get("责任领导").map(String::as_str))
        .collect();
    assert_eq!(leaders, vec![Some("张某某"), Some("李某某"), None]);
}

/// A star is no part of a unit's name. In a lead column beside a supporting column it flags the
/// unit (a 重点 or 督办 item) and demotes none of the column's other leads (tester K04: the
/// column names every lead; the supporting column names the supporters).
#[test]
fn a_star_after_a_unit_marks_the_lead_and_is_no_part_of_its_name() {
    let text = "某省人民政府办公厅关于印发营商环境任务分工的通知\n\n某政办字〔2024〕8号\n\n各市人民政府：\n\n\
        现将任务分工印发给你们。\n\n某省人民政府办公厅\n\n2024年3月1日\n\n附件\n\n营商环境重点任务分工\n\n\
        序号\t重点任务\t牵头单位\t配合单位\n\
        1\t推进企业开办全程网办\t省市场监管局★\t省公安厅*、省税务局\n\
        2\t压减审批时间\t省住建厅★、省自然资源厅\t省发改委\n\
        3\t推行一业一证\t省政务办\t各市人民政府\n";
    let doc = parse_text(text);
    assert_eq!(
        doc.tasks.iter().map(units).collect::<Vec<_>>(),
        vec![
            (vec!["省市场监管局"], vec!["省公安厅", "省税务局"]),
            (vec!["省住建厅", "省自然资源厅"], vec!["省发改委"]),
            (vec!["省政务办"], vec!["各市人民政府"]),
        ]
    );
}

#[test]
fn lists_of_names_share_the_verb_after_them_and_a_bare_list_may_carry_a_deadline() {
    let doc = parse_text(&notice(
        "（一）强化创新策源。建设研发中心。（市科技局、市工信局，各区人民政府、各开发区管委会按职责分工负责）\n\n\
         （二）加快项目落地。建立专班机制。（市发改委，市商务局配合）\n\n\
         （三）优化审评审批。争取设立服务站。（市市场监管局，长期坚持）\n\n\
         （四）扩大应用场景。发布场景清单。（市工信局，市卫健委）",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        vec![
            (
                1,
                "强化创新策源。建设研发中心。",
                (
                    vec!["市科技局", "市工信局", "各区人民政府", "各开发区管委会"],
                    vec![]
                )
            ),
            (
                2,
                "加快项目落地。建立专班机制。",
                (vec!["市发改委"], vec!["市商务局"])
            ),
            (
                3,
                "优化审评审批。争取设立服务站。",
                (vec!["市市场监管局"], vec![])
            ),
            (
                4,
                "扩大应用场景。发布场景清单。",
                (vec!["市工信局", "市卫健委"], vec![])
            ),
        ]
    );
    assert!(doc.tasks[0].extra.is_empty());
    assert_eq!(
        doc.tasks[2].extra.get("完成时限").map(String::as_str),
        Some("长期坚持")
    );
}

#[test]
fn the_etc_that_closes_a_list_of_units_is_no_part_of_the_last_name() {
    let doc = parse_text(&notice(
        "（一）改善银行卡受理环境。（中国人民银行、商务部、文化和旅游部等按职责分工负责）\n\n\
         （二）优化移动支付服务。（中国人民银行牵头，国家金融监督管理总局等配合）",
    ));
    assert_eq!(
        doc.tasks.iter().map(units).collect::<Vec<_>>(),
        vec![
            (vec!["中国人民银行", "商务部", "文化和旅游部"], vec![]),
            (vec!["中国人民银行"], vec!["国家金融监督管理总局"]),
        ]
    );
}

#[test]
fn the_etc_and_the_collective_after_a_list_of_units_are_no_part_of_the_last_name() {
    // `甲、乙等部门`, `甲等有关单位`: the collective the `等` names is no unit's name either.
    let doc = parse_text(&notice(
        "（一）稳定就业。（市人力社保局牵头，市教委、市财政局等部门配合）\n\n\
         （二）保障供应。（市商务委、市农业农村委等有关单位按职责分工负责）",
    ));
    assert_eq!(
        doc.tasks.iter().map(units).collect::<Vec<_>>(),
        vec![
            (vec!["市人力社保局"], vec!["市教委", "市财政局"]),
            (vec!["市商务委", "市农业农村委"], vec![]),
        ]
    );
    // In a table's units cell too; a collective named alone stays as printed.
    let doc = parse_text(
        "序号\t任务\t牵头单位\t配合单位\n1\t做好工作\t市政府办公厅\t市教委、市人力社保局等部门\n\
         2\t做好服务\t市政府办公厅\t市直有关部门\n",
    );
    assert_eq!(
        doc.tasks.iter().map(units).collect::<Vec<_>>(),
        vec![
            (vec!["市政府办公厅"], vec!["市教委", "市人力社保局"]),
            (vec!["市政府办公厅"], vec!["市直有关部门"]),
        ]
    );
}

#[test]
fn a_label_after_a_comma_in_a_labelled_clause_and_a_support_verb_before_luoshi() {
    let doc = parse_text(&notice(
        "（一）推进项目建设。（牵头单位：市发改委，责任领导：张某某）\n\n\
         （二）落实资金保障。（市财政局负责，各区政府配合落实）\n\n\
         （三）优化审批流程。（市政务服务局牵头，市住建局协助实施）",
    ));
    assert_eq!(
        doc.tasks.iter().map(units).collect::<Vec<_>>(),
        vec![
            (vec!["市发改委"], vec![]),
            (vec!["市财政局"], vec!["各区政府"]),
            (vec!["市政务服务局"], vec!["市住建局"]),
        ]
    );
    assert_eq!(
        doc.tasks[0].extra.get("责任领导").map(String::as_str),
        Some("张某某")
    );
    assert!(doc.tasks[1].extra.is_empty(), "{:?}", doc.tasks[1].extra);
}

#[test]
fn allocation_lines_with_their_labels_in_square_brackets_close_the_measure() {
    // `【牵头单位】甲【配合单位】乙`: the labels in 【】 instead of before a colon.
    let doc = parse_text(&notice(
        "（一）做好统筹。加强调度。\n【牵头单位】市发改委【配合单位】市财政局、市税务局\n\
         （二）做好服务。优化流程。\n【责任单位】市政务服务局【完成时限】2023年底\n\
         （三）做好宣传。\n【说明】这是一段说明。",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        vec![
            (
                1,
                "做好统筹。加强调度。",
                (vec!["市发改委"], vec!["市财政局", "市税务局"])
            ),
            (2, "做好服务。优化流程。", (vec!["市政务服务局"], vec![])),
        ]
    );
    assert_eq!(
        doc.tasks[1].extra.get("完成时限").map(String::as_str),
        Some("2023年底")
    );
}

#[test]
fn a_deadline_label_run_on_after_the_names_starts_a_clause_of_its_own() {
    // `配合单位：甲　完成时限：乙`: normalization drops the space between Han characters.
    let doc = parse_text(&notice(
        "（一）建设数据中心。（牵头单位：市发展改革委　配合单位：市工业和信息化局　完成时限：持续推进）",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        vec![(
            1,
            "建设数据中心。",
            (vec!["市发展改革委"], vec!["市工业和信息化局"])
        )]
    );
    assert_eq!(
        doc.tasks[0].extra.get("完成时限").map(String::as_str),
        Some("持续推进")
    );
}

#[test]
fn a_label_after_a_clause_and_a_comma_starts_a_clause_of_its_own() {
    // `甲牵头，完成时限：…`: the label starts after the `，`; the clause before it keeps its unit.
    let doc = parse_text(&notice(
        "（一）完善担保体系。壮大政府性融资担保机构。（市财政局牵头，完成时限：2022年12月底前）\n\
         （二）加大信贷支持。（市金融局牵头，市财政局配合，完成时间：长期坚持）",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        vec![
            (
                1,
                "完善担保体系。壮大政府性融资担保机构。",
                (vec!["市财政局"], vec![])
            ),
            (2, "加大信贷支持。", (vec!["市金融局"], vec!["市财政局"])),
        ]
    );
    assert_eq!(
        doc.tasks[0].extra.get("完成时限").map(String::as_str),
        Some("2022年12月底前")
    );
    assert_eq!(
        doc.tasks[1].extra.get("完成时间").map(String::as_str),
        Some("长期坚持")
    );
}

#[test]
fn an_allocation_bracket_on_a_line_of_its_own_closes_the_whole_measure() {
    // A `<br>` or a line break before the bracket: the measure is everything printed since the
    // last allocation, as under an allocation line (`牵头单位：…`).
    let doc = parse_text(&notice(
        "（一）建设高速泛在网络。推进千兆光网和5G网络协同发展。\n\
         到2025年建成5G基站8万个。\n\
         （省通信管理局牵头，省工信厅、省发改委配合）\n\
         （二）布局算力基础设施。建设算力网络。（省发改委牵头）",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        vec![
            (
                1,
                "建设高速泛在网络。推进千兆光网和5G网络协同发展。到2025年建成5G基站8万个。",
                (vec!["省通信管理局"], vec!["省工信厅", "省发改委"])
            ),
            (
                2,
                "布局算力基础设施。建设算力网络。",
                (vec!["省发改委"], vec![])
            ),
        ]
    );
}

#[test]
fn a_measure_of_two_paragraphs_allocated_after_the_second_keeps_the_first() {
    let doc = parse_text(&notice(
        "（一）扩大老年助餐服务。推动社区助餐点建设。\n\n\
         鼓励餐饮企业参与助餐服务。（市民政局牵头，市财政局配合）\n\n\
         （二）拓展居家助老服务。鼓励上门服务。（市民政局负责）\n\n\
         开展家庭照护培训。（市卫健委负责）",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        vec![
            (
                1,
                "扩大老年助餐服务。推动社区助餐点建设。鼓励餐饮企业参与助餐服务。",
                (vec!["市民政局"], vec!["市财政局"])
            ),
            (
                2,
                "拓展居家助老服务。鼓励上门服务。",
                (vec!["市民政局"], vec![])
            ),
            // Allocated apart from the paragraph above: a measure of its own, under the
            // heading sentence as every paragraph's measure is.
            (
                3,
                "拓展居家助老服务。开展家庭照护培训。",
                (vec!["市卫健委"], vec![])
            ),
        ]
    );
}

#[test]
fn an_allocation_attachment_that_allocates_in_words_is_no_lost_table() {
    let text = "某省人民政府办公厅关于印发交通强省建设工作方案的通知\n\n某政办发〔2023〕18号\n\n各市人民政府：\n\n\
        《交通强省建设工作方案》已经省人民政府同意，现印发给你们。\n\n附件：交通强省建设重点任务分工\n\n\
        某省人民政府办公厅\n\n2023年5月22日\n\n附件\n\n交通强省建设重点任务分工\n\n一、完善综合立体交通网\n\n\
        1．加快高速铁路建设。（牵头单位：省发展改革委；配合单位：省交通运输厅）\n\n\
        2．推进高速公路扩容改造。（牵头单位：省交通运输厅；配合单位：省自然资源厅）\n";
    let doc = parse_text(text);
    assert_eq!(doc.tasks.len(), 2);
    assert!(!codes(&doc).contains(&"no_task_table"), "{:?}", codes(&doc));
    // Without its measures the attachment has lost them.
    let lost = parse_text(text.split("一、完善").next().unwrap_or_default());
    assert!(
        codes(&lost).contains(&"no_task_table"),
        "{:?}",
        codes(&lost)
    );
}

#[test]
fn a_lead_introduced_by_you_keeps_the_word_out_of_its_name() {
    // `由甲牵头，乙配合`: the preposition is no part of the lead's name, in brackets or not.
    let doc = parse_text(&notice(
        "（一）新建高标准农田20万亩。由市农业农村局牵头，市财政局、市自然资源局配合。\n\n\
         （二）推进农村改厕。（由市农业农村局牵头，市卫生健康委配合）\n\n\
         （三）整治人居环境。（由各区人民政府负责）",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        vec![
            (
                1,
                "新建高标准农田20万亩。",
                (vec!["市农业农村局"], vec!["市财政局", "市自然资源局"])
            ),
            (
                2,
                "推进农村改厕。",
                (vec!["市农业农村局"], vec!["市卫生健康委"])
            ),
            (3, "整治人居环境。", (vec!["各区人民政府"], vec![])),
        ]
    );
}

#[test]
fn units_joined_by_ji_or_he_are_each_a_unit() {
    // `甲、乙及各地区按职责分工负责`: 及 and 和 join two units as 、 does; a name that holds 和
    // (`工业和信息化部`, `住房和城乡建设局`) stays whole.
    let doc = parse_text(&notice(
        "（一）实施市场准入负面清单。（国家发展改革委、商务部及各地区按职责分工负责）\n\n\
         （二）优化工业产品管理。（工业和信息化部牵头，市场监管总局和各地区配合）\n\n\
         （三）推进老旧小区改造。（责任单位：市住房和城乡建设局及各区人民政府）\n\n\
         （四）规范涉企收费。（自然资源和规划局、文化和旅游部按职责分工负责）",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        vec![
            (
                1,
                "实施市场准入负面清单。",
                (vec!["国家发展改革委", "商务部", "各地区"], vec![])
            ),
            (
                2,
                "优化工业产品管理。",
                (vec!["工业和信息化部"], vec!["市场监管总局", "各地区"])
            ),
            (
                3,
                "推进老旧小区改造。",
                (vec!["市住房和城乡建设局", "各区人民政府"], vec![])
            ),
            (
                4,
                "规范涉企收费。",
                (vec!["自然资源和规划局", "文化和旅游部"], vec![])
            ),
        ]
    );
}

#[test]
fn a_bracket_of_unit_names_on_the_line_under_a_heading_sentence_allocates_it() {
    // The measure is its heading sentence; the bracket of names stands on the next line.
    let doc = parse_text(&notice(
        "1．粮食播种面积稳定在500万亩以上。\n（市农业农村局、各县区人民政府）\n\n\
         2．新建高标准农田20万亩。\n（市农业农村局）",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        vec![
            (
                1,
                "粮食播种面积稳定在500万亩以上。",
                (vec!["市农业农村局", "各县区人民政府"], vec![])
            ),
            (2, "新建高标准农田20万亩。", (vec!["市农业农村局"], vec![])),
        ]
    );
}

#[test]
fn units_that_carry_out_a_measure_by_a_bare_luoshi_support_its_lead() {
    // `甲牵头，乙落实`: the units that carry the measure out where they are, as `负责落实` says.
    let doc = parse_text(&notice(
        "（一）发展文旅消费。【市文化旅游局牵头，各区人民政府落实】\n\n\
         （二）推进社区养老。（市民政局负责，各区人民政府落实）",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        vec![
            (
                1,
                "发展文旅消费。",
                (vec!["市文化旅游局"], vec!["各区人民政府"])
            ),
            (
                2,
                "推进社区养老。",
                (vec!["市民政局"], vec!["各区人民政府"])
            ),
        ]
    );
}

#[test]
fn development_zones_are_units_of_a_bare_allocation_bracket() {
    // `（西部科学城某某高新区、两江新区）`: zones allocated a measure as organs are.
    let doc = parse_text(&notice(
        "（一）建设科学城。完善配套设施。（西部科学城某某高新区、两江新区）\n\n\
         （二）建设产业园。引进龙头企业。（某某经开区、某某工业园区）",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        vec![
            (
                1,
                "建设科学城。完善配套设施。",
                (vec!["西部科学城某某高新区", "两江新区"], vec![])
            ),
            (
                2,
                "建设产业园。引进龙头企业。",
                (vec!["某某经开区", "某某工业园区"], vec![])
            ),
        ]
    );
}

#[test]
fn units_that_guide_a_measure_support_it() {
    // `甲负责，乙、丙指导`: the guiding units support those who carry the measure.
    let doc = parse_text(&notice(
        "（一）繁荣夜间经济。（各区人民政府负责，市商务局、市文化旅游局指导）\n\n\
         （二）规范夜市管理。（市城管局牵头，加强指导）",
    ));
    let rows = numbered_texts_and_units(&doc);
    assert_eq!(
        rows[0],
        (
            1,
            "繁荣夜间经济。",
            (vec!["各区人民政府"], vec!["市商务局", "市文化旅游局"])
        )
    );
    // Words that are no units before 指导 name no unit.
    assert_eq!(rows[1].2, (vec!["市城管局"], vec![]));
}

#[test]
fn a_unit_named_before_etc_and_a_collective_of_a_level_keeps_its_name() {
    // `甲等省直有关部门`: the collective after 等 is no part of the unit's name; it is a unit
    // of its own after it (the others the allocation names by their level).
    let doc = parse_text(&notice(
        "（一）建设产业园区。完善配套设施。（责任单位：省发展改革委等省直有关部门）\n\n\
         （二）引进龙头企业。（省商务厅牵头，省财政厅等省级相关单位配合）",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        vec![
            (
                1,
                "建设产业园区。完善配套设施。",
                (vec!["省发展改革委", "省直有关部门"], vec![])
            ),
            (
                2,
                "引进龙头企业。",
                (vec!["省商务厅"], vec!["省财政厅", "省级相关单位"])
            ),
        ]
    );
}

#[test]
fn a_deadline_on_a_line_of_its_own_beside_allocation_lines_is_its_clause() {
    // `完成时限：` under the units' lines, or above them: the task's extra, not its text.
    let doc = parse_text(&notice(
        "（一）加强经济政策解读。及时发布稳经济政策措施。\n\n责任单位：市发改委、市财政局\n\n完成时限：全年\n\n\
         （二）做好惠企政策公开。\n\n完成时限：2024年6月底前\n\n牵头单位：市工信局\n\n配合单位：市商务局",
    ));
    assert_eq!(
        numbered_texts_and_units(&doc),
        vec![
            (
                1,
                "加强经济政策解读。及时发布稳经济政策措施。",
                (vec!["市发改委", "市财政局"], vec![])
            ),
            (
                2,
                "做好惠企政策公开。",
                (vec!["市工信局"], vec!["市商务局"])
            ),
        ]
    );
    let deadlines: Vec<_> = doc
        .tasks
        .iter()
        .map(|t| t.extra.get("完成时限").map(String::as_str))
        .collect();
    assert_eq!(deadlines, vec![Some("全年"), Some("2024年6月底前")]);
}

#[test]
fn labels_after_a_measures_last_sentence_allocate_it() {
    // A 工作要点 item printed as one paragraph: the measure, then its labels without brackets.
    // An item whose first sentence is a title and one whose is a clause read alike.
    let doc = parse_text(
        "一、深化改革\n\
         1.全面推行“一件事一次办”，拓展事项覆盖范围。责任领导：李某某；责任单位：区政务服务中心；完成时限：2024年12月底\n\
         2.推进涉企审批改革。责任领导：李某某；牵头单位：区审批局；配合单位：区财政局，区司法局\n\
         3.规范涉企行政执法。各部门要推行包容审慎监管。\n",
    );
    assert_eq!(
        numbered_texts_and_units(&doc),
        [
            (
                1,
                "全面推行“一件事一次办”，拓展事项覆盖范围。",
                (vec!["区政务服务中心"], vec![])
            ),
            (
                2,
                "推进涉企审批改革。",
                (vec!["区审批局"], vec!["区财政局", "区司法局"])
            ),
        ]
    );
    assert_eq!(
        doc.tasks[0].extra.get("责任领导").map(String::as_str),
        Some("李某某")
    );
    assert_eq!(
        doc.tasks[0].extra.get("完成时限").map(String::as_str),
        Some("2024年12月底")
    );
}

#[test]
fn a_minutes_duty_said_mid_sentence_is_a_task() {
    // In a 纪要, a decision names who leads inside its sentence, its deadline after.
    let doc = parse_text(
        "某某市人民政府专题会议纪要\n\n5月16日，副市长主持召开专题会议。现将会议议定事项纪要如下：\n\n\
         一、关于老旧小区改造\n会议要求，由市发展改革委牵头，市财政局、市住房城乡建设委配合，确保6月底前完成项目申报。\n\n\
         二、关于停车难问题\n会议要求市公安局交警支队、市城管局牵头研究解决办法。\n\n\
         三、关于用地预审\n由市自然资源局负责，5月底前完成用地预审。\n\n\
         四、关于资金保障\n会议强调，市财政局要统筹安排专项资金。\n\n         五、关于项目进展\n会议听取汇报，市发展改革委牵头的项目进展顺利，市财政局配合，资金到位。\n\n         六、关于供水\n会议议定：由市水务局牵头，市财政局配合，编制可研报告。\n",
    );
    let got: Vec<_> = doc.tasks.iter().map(|t| (t.seq, units(t))).collect();
    assert_eq!(
        got,
        vec![
            (
                1,
                (vec!["市发展改革委"], vec!["市财政局", "市住房城乡建设委"])
            ),
            (2, (vec!["市公安局交警支队", "市城管局"], vec![])),
            (3, (vec!["市自然资源局"], vec![])),
            // A unit the decision bids act (`市财政局要统筹安排……`) leads it.
            (4, (vec!["市财政局"], vec![])),
            // A lead of something told (`甲牵头的项目`) is no duty; a decision after its colon is.
            (6, (vec!["市水务局"], vec!["市财政局"])),
        ]
    );
    // The decision is the task's text as printed, its allocation and deadline with it.
    assert_eq!(
        doc.tasks[0].text,
        "会议要求，由市发展改革委牵头，市财政局、市住房城乡建设委配合，确保6月底前完成项目申报。"
    );
    // A section of 议定事项 decides as a 纪要 does, in any document.
    let doc = parse_text(
        "某某区人民政府办公室关于区政府常务会议议定事项的通报\n\n各街道办事处：\n\n一、会议议定事项\n\
         （一）关于校园安全。会议要求区公安分局、区教育局牵头开展校园周边环境整治。\n\
         （二）关于学前教育。区教育局负责，区卫生健康局配合，落实扶持政策。\n\n某某区人民政府办公室\n2023年9月8日\n",
    );
    let got: Vec<_> = doc.tasks.iter().map(units).collect();
    assert_eq!(
        got,
        vec![
            (vec!["区公安分局", "区教育局"], vec![]),
            (vec!["区教育局"], vec!["区卫生健康局"]),
        ]
    );
}

#[test]
fn outside_a_meeting_a_duty_mid_sentence_needs_its_supporters() {
    // `甲牵头，乙配合，……` allocates in any notice; a lead alone, or a unit that `负责` what the
    // sentence goes on to say, is prose there.
    let doc = parse_text(&notice(
        "（一）严格野外用火管理。市林业局牵头，市公安局、各区人民政府配合，严查违规用火行为。\n\n\
         （二）强化部门监管。市林业局负责全市森林防火工作的组织协调，市应急管理局配合做好应急准备。\n\n\
         （三）加强巡查。由市林业局牵头组织巡查。\n\n\
         （四）落实资金。市财政局负责，市审计局配合，保障防火经费。\n\n         （五）开展大检查。市应急管理局要牵头组织开展汛前大检查，市水务局、市住房城乡建设局配合。",
    ));
    let got = numbered_texts_and_units(&doc);
    assert_eq!(
        got,
        vec![
            (
                1,
                "严格野外用火管理。市林业局牵头，市公安局、各区人民政府配合，严查违规用火行为。",
                (vec!["市林业局"], vec!["市公安局", "各区人民政府"])
            ),
            (
                4,
                "落实资金。市财政局负责，市审计局配合，保障防火经费。",
                (vec!["市财政局"], vec!["市审计局"])
            ),
            (
                5,
                "开展大检查。市应急管理局要牵头组织开展汛前大检查，市水务局、市住房城乡建设局配合。",
                (vec!["市应急管理局"], vec!["市水务局", "市住房城乡建设局"])
            ),
        ]
    );
}

#[test]
fn an_allocation_after_a_dash_is_a_task() {
    // A work plan (工作要点) sets its units after the measure by `——`: bare names, a label, or
    // lead and supporting labels; under a heading that took the measure, the dash line alone.
    let doc = parse_text(
        "某某市2024年法治政府建设工作要点\n\n一、深入学习贯彻法治思想\n\
         （一）把学习宣传法治思想作为重要政治任务。——市委依法治市办、市司法局\n\
         （二）纳入领导干部学习培训必修课。——市委组织部、市委党校\n\
         二、健全政府机构职能体系\n\
         （三）全面实行行政许可事项清单管理。——责任单位：市政务服务局、市司法局\n\
         （四）加快建设数字法治政府。——牵头单位：市大数据局；配合单位：市司法局\n\
         （五）实施“三大工程”——法治惠民工程。\n",
    );
    let got = numbered_texts_and_units(&doc);
    assert_eq!(
        got,
        vec![
            (
                1,
                "把学习宣传法治思想作为重要政治任务。",
                (vec!["市委依法治市办", "市司法局"], vec![])
            ),
            (
                2,
                "纳入领导干部学习培训必修课。",
                (vec!["市委组织部", "市委党校"], vec![])
            ),
            (
                3,
                "全面实行行政许可事项清单管理。",
                (vec!["市政务服务局", "市司法局"], vec![])
            ),
            (
                4,
                "加快建设数字法治政府。",
                (vec!["市大数据局"], vec!["市司法局"])
            ),
        ]
    );
    // A dash line in a numbered list's paragraph gives the measure before it.
    let doc = parse_text(&notice(
        "1.编制基层政务公开标准目录。——市政务服务中心\n\n2.推进村务公开与政务公开协调联动。——市民政局、各区人民政府",
    ));
    let got: Vec<_> = doc.tasks.iter().map(units).collect();
    assert_eq!(
        got,
        vec![
            (vec!["市政务服务中心"], vec![]),
            (vec!["市民政局", "各区人民政府"], vec![]),
        ]
    );
}

#[test]
fn a_lead_mark_after_a_run_of_units_marks_them_all() {
    // `甲、乙（牵头），丙`: the mark closes the run, and every unit of it leads; `甲（牵头）、乙`
    // marks its unit alone. A bare list of marked units in brackets is an allocation too.
    let doc = parse_text(&notice(
        "（一）落实负面清单制度。（责任单位：市发展改革委、市商务局（牵头），市市场监管局）\n\n\
         （二）推进信用修复。（市发展改革委（牵头）、市市场监管局、市税务局）\n\n\
         （三）加大信贷支持。（市金融工作局、市财政局（牵头））",
    ));
    let got: Vec<_> = doc.tasks.iter().map(units).collect();
    assert_eq!(
        got,
        vec![
            (vec!["市发展改革委", "市商务局"], vec!["市市场监管局"]),
            (vec!["市发展改革委"], vec!["市市场监管局", "市税务局"]),
            (vec!["市金融工作局", "市财政局"], vec![]),
        ]
    );
    // So in a table's units cell.
    let doc = parse_text(
        "序号\t改革任务\t责任单位\n1\t深化国有企业改革\t县国资中心、县财政局（牵头），县发展改革局\n\
         2\t推进集体产权制度改革\t县农业农村局（牵头）、各乡镇人民政府\n",
    );
    let got: Vec<_> = doc.tasks.iter().map(units).collect();
    assert_eq!(
        got,
        vec![
            (vec!["县国资中心", "县财政局"], vec!["县发展改革局"]),
            (vec!["县农业农村局"], vec!["各乡镇人民政府"]),
        ]
    );
    // A marked unit with the next names run on after its mark (a cell's lines joined) ends there.
    let doc = parse_text(
        "序号\t工作任务\t责任单位\n1\t推行企业开办一日办结\t区市场监管局（牵头）区税务局、区人社局\n",
    );
    let got: Vec<_> = doc.tasks.iter().map(units).collect();
    assert_eq!(
        got,
        vec![(vec!["区市场监管局"], vec!["区税务局", "区人社局"])]
    );
}

#[test]
fn a_minutes_in_traditional_script_allocates_mid_sentence_and_numbers_no_issue() {
    let doc = parse_text(
        "某某市人民政府常務會議紀要\n\n第12期\n\n會議紀要如下：\n\
         一、會議原則同意《某某市城市更新實施辦法》，由市住房城鄉建設局牽頭，市司法局配合，按程序報批後印發。\n\
         二、會議要求，市財政局要加強資金保障。\n",
    );
    assert_eq!(
        doc.notice.title.as_deref(),
        Some("某某市人民政府常務會議紀要")
    );
    assert_eq!(doc.notice.doc_number, None);
    let got: Vec<_> = doc.tasks.iter().map(units).collect();
    assert_eq!(got, vec![(vec!["市住房城鄉建設局"], vec!["市司法局"])]);
}

#[test]
fn units_parted_by_semicolons_go_on_under_their_label() {
    let d = parse_text(&notice(
        "1.推行企业开办一日办结。\n牵头单位：县市场监管局；县税务局。配合单位：县公安局；县人社局。\n\
         2.推进不动产登记一窗受理。\n牵头单位：县自然资源局；2023年底前完成。\n",
    ));
    let got: Vec<_> = d.tasks.iter().map(units).collect();
    assert_eq!(
        got,
        vec![
            (
                vec!["县市场监管局", "县税务局"],
                vec!["县公安局", "县人社局"]
            ),
            // A clause after `；` that names no unit is no unit of the label's.
            (vec!["县自然资源局"], vec![]),
        ]
    );
    assert_eq!(
        d.tasks[1].extra.get("完成时限").map(String::as_str),
        Some("2023年底前完成")
    );
}

#[test]
fn a_unit_responsible_for_a_thing_with_supporters_after_it_leads() {
    // `甲负责某项工作，乙、丙配合`: 负责 with its object, then the supporters, in the measure's
    // sentence (or after `由`, or in a 纪要's `会议要求，…`).
    let doc = parse_text(&notice(
        "（一）推进科技服务。市科技局负责科技服务领域试点任务，市教委、市国资委配合。\n\n\
         （二）推进教育服务。由市教委负责教育服务领域试点任务，市人力社保局协助。\n\n\
         （三）推进金融服务。会议要求，市金融监管局负责金融服务领域试点任务，人行某某营管部配合。",
    ));
    let got: Vec<_> = doc.tasks.iter().map(units).collect();
    assert_eq!(
        got,
        [
            (vec!["市科技局"], vec!["市教委", "市国资委"]),
            (vec!["市教委"], vec!["市人力社保局"]),
            (vec!["市金融监管局"], vec!["人行某某营管部"]),
        ]
    );
    // 负责 that names people (`负责同志`, `负责人`), or a unit responsible for a thing with no
    // supporter after it, allocates nothing.
    let none = parse_text(&notice(
        "（一）加强组织领导。各区县政府主要负责同志要亲自抓，相关部门积极配合。\n\n\
         （二）压实工作责任。项目负责人要全程跟踪，各参与单位密切协同。\n\n\
         （三）加强统筹。市发展改革委负责全市服务业发展的统筹协调。",
    ));
    assert!(none.tasks.is_empty(), "{:?}", none.tasks);
}
