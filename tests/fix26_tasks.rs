//! Task tables and inline allocations as county and department notices print them: a units
//! column headed `落实单位`, `承担单位` or `实施主体`; duties said `按照职责抓好落实`,
//! `根据职责分工负责`, `依职责负责`; an allocation bracket left open where the copy was cut;
//! group rows whose words stand in a column of their own (`序号 | 民生实事 | 具体任务`);
//! `加强指导` inside an allocation; a 纪要's second decision in one sentence; a decimal
//! outline's groups printed with their number apart.

use gongwen_parse::{Document, parse_text};

/// A notice that transmits a task allocation table (tab-separated) as its attachment.
fn with_table(header: &str, rows: &[&str]) -> Document {
    let mut text = String::from(
        "惠州市人民政府办公室\n\n关于印发惠州市促进消费重点任务分工的通知\n\n惠府办〔2024〕5号\n\n\
         各县（区）人民政府，市直有关单位：\n\n经市人民政府同意，现将《惠州市促进消费重点任务分工》\
         印发给你们，请认真抓好落实。\n\n附件：惠州市促进消费重点任务分工\n\n惠州市人民政府办公室\n\n\
         2024年5月10日\n\n附件\n\n惠州市促进消费重点任务分工\n\n",
    );
    text.push_str(header);
    text.push('\n');
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    parse_text(&text)
}

/// A notice whose measures are numbered `一、` to `三、`, each paragraph as given.
fn with_measures(measures: &[&str]) -> Document {
    let mut text = String::from(
        "惠州市人民政府办公室\n\n关于促进消费的若干措施\n\n惠府办〔2024〕5号\n\n\
         各县（区）人民政府，市直有关单位：\n\n经市人民政府同意，现提出如下措施。\n\n",
    );
    for (m, numeral) in measures.iter().zip(["一", "二", "三"]) {
        text.push_str(&format!("{numeral}、{m}\n\n"));
    }
    text.push_str("惠州市人民政府办公室\n\n2024年5月10日\n");
    parse_text(&text)
}

/// Each task as (text, leads, supporters).
fn units(d: &Document) -> Vec<(&str, Vec<&str>, Vec<&str>)> {
    d.tasks
        .iter()
        .map(|t| {
            (
                t.text.as_str(),
                t.lead.iter().map(String::as_str).collect(),
                t.support.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

/// Each task as (marker, groups).
fn groups(d: &Document) -> Vec<(Option<&str>, Vec<&str>)> {
    d.tasks
        .iter()
        .map(|t| {
            (
                t.marker.as_deref(),
                t.group.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

// I16 ---------------------------------------------------------------------------------------

/// I16: `落实单位`, `承担单位` and `实施主体` head the units that carry each task out.
#[test]
fn a_luoshi_chengdan_or_shishi_zhuti_column_leads() {
    for col in ["落实单位", "承担单位", "实施主体", "落实部门"] {
        let d = with_table(
            &format!("序号\t重点任务\t{col}\t完成时限"),
            &[
                "1\t开展惠州消费季活动\t市商务局、市财政局\t2024年6月底",
                "2\t打造夜间消费集聚区5个\t各县（区）人民政府\t2024年12月底",
            ],
        );
        assert_eq!(
            units(&d),
            vec![
                ("开展惠州消费季活动", vec!["市商务局", "市财政局"], vec![]),
                ("打造夜间消费集聚区5个", vec!["各县（区）人民政府"], vec![]),
            ],
            "{col}"
        );
        assert!(
            !codes(&d).contains(&"no_task_table"),
            "{col}: {:?}",
            codes(&d)
        );
    }
}

/// I16 guard: a list of projects names who undertakes each (`承担单位`, `实施主体`) beside its
/// investment: a table, not tasks, as one with `实施单位` is.
#[test]
fn a_project_list_with_an_undertaking_unit_gives_no_tasks() {
    for col in ["承担单位", "实施主体"] {
        let d = with_table(
            &format!("序号\t项目名称\t建设内容\t总投资（万元）\t{col}"),
            &["1\t惠州夜市街区改造\t改造街区2公里\t5000\t惠城区人民政府"],
        );
        assert!(d.tasks.is_empty(), "{col}: {:?}", units(&d));
    }
}

// I15 ---------------------------------------------------------------------------------------

/// I15: units that act by their duties, said with `按照职责`, `根据职责`, `依职责`, `按职能职责`,
/// lead the measure, the words no part of the last unit's name.
#[test]
fn duties_said_in_other_words_lead_without_gluing_onto_the_unit() {
    let d = with_measures(&[
        "开展消费促进活动。举办惠州消费季活动。（市商务局、市财政局按照职责抓好落实）",
        "发展夜间经济。打造夜间消费集聚区5个。（市商务局、市文化广电旅游体育局根据职责分工负责）",
        "培育消费新业态。发展直播电商。（市商务局、市市场监管局依职责负责）",
    ]);
    assert_eq!(
        units(&d),
        vec![
            (
                "开展消费促进活动。举办惠州消费季活动。",
                vec!["市商务局", "市财政局"],
                vec![]
            ),
            (
                "发展夜间经济。打造夜间消费集聚区5个。",
                vec!["市商务局", "市文化广电旅游体育局"],
                vec![]
            ),
            (
                "培育消费新业态。发展直播电商。",
                vec!["市商务局", "市市场监管局"],
                vec![]
            ),
        ]
    );
}

/// I15: `按职能职责抓好落实` beside a unit that leads: the units support it.
#[test]
fn units_acting_by_their_functions_beside_a_lead_support_it() {
    let d = with_measures(&[
        "培育消费新业态。发展直播电商。（市商务局牵头，市市场监管局、市税务局按职能职责抓好落实）",
    ]);
    assert_eq!(
        units(&d),
        vec![(
            "培育消费新业态。发展直播电商。",
            vec!["市商务局"],
            vec!["市市场监管局", "市税务局"]
        )]
    );
}

/// I15 guard: a county named with `依` (依兰县) keeps its name.
#[test]
fn a_unit_whose_name_starts_with_yi_keeps_it() {
    let d = with_measures(&["发展冰雪旅游。打造冰雪小镇。（依兰县人民政府依职责负责）"]);
    assert_eq!(
        units(&d),
        vec![(
            "发展冰雪旅游。打造冰雪小镇。",
            vec!["依兰县人民政府"],
            vec![]
        )]
    );
}

// I06 ---------------------------------------------------------------------------------------

/// I06: an allocation whose bracket the copy left open reads as the allocation it is; the
/// measure's text stops before it.
#[test]
fn an_allocation_left_open_at_the_line_end_is_read() {
    let d = with_measures(&[
        "丰富冰雪旅游产品。打造冰雪旅游度假地。（牵头单位：省文化和旅游厅；配合单位：省发展改革委",
        "完善旅游基础设施。推进旅游公路建设。（省交通运输厅牵头，省文化和旅游厅配合）",
    ]);
    assert_eq!(
        units(&d),
        vec![
            (
                "丰富冰雪旅游产品。打造冰雪旅游度假地。",
                vec!["省文化和旅游厅"],
                vec!["省发展改革委"]
            ),
            (
                "完善旅游基础设施。推进旅游公路建设。",
                vec!["省交通运输厅"],
                vec!["省文化和旅游厅"]
            ),
        ]
    );
    assert!(!codes(&d).contains(&"task_without_lead"), "{:?}", codes(&d));
}

/// I06: cut right after a label, the lead printed before it still makes the measure a task.
#[test]
fn an_allocation_cut_after_a_label_keeps_its_lead() {
    let d = with_measures(&[
        "丰富冰雪旅游产品。打造冰雪旅游度假地。（牵头单位：省文化和旅游厅；配合单位：",
        "完善旅游基础设施。推进旅游公路建设。（省交通运输厅牵头，省文化和旅游厅配合）",
    ]);
    assert_eq!(
        units(&d).first(),
        Some(&(
            "丰富冰雪旅游产品。打造冰雪旅游度假地。",
            vec!["省文化和旅游厅"],
            vec![]
        ))
    );
    assert_eq!(d.tasks.len(), 2);
}

/// I06 guard: a bracket of prose left open names no roles and allocates nothing.
#[test]
fn a_prose_bracket_left_open_allocates_nothing() {
    let d = with_measures(&[
        "丰富冰雪旅游产品。打造冰雪旅游度假地。（具体名单详见省文化和旅游厅",
        "完善旅游基础设施。推进旅游公路建设。（省交通运输厅牵头，省文化和旅游厅配合）",
    ]);
    assert_eq!(d.tasks.len(), 1, "{:?}", units(&d));
}

// I01 ---------------------------------------------------------------------------------------

/// I01: `序号 | 民生实事 | 具体任务 |…` with the group's words in the 民生实事 column of a row
/// without units over rows numbered `1.1`, `1.2`: the row is their group, and the column (empty
/// on every task) is no extra of theirs.
#[test]
fn a_group_row_with_its_words_in_a_column_of_their_own_groups_its_children() {
    let d = with_table(
        "序号\t民生实事\t具体任务\t责任单位\t完成时限",
        &[
            "1\t教育民生\t\t\t",
            "1.1\t\t新建改扩建公办幼儿园12所\t市教育局\t2024年8月底",
            "1.2\t\t完成农村学校厕所改造100所\t市教育局、市财政局\t2024年10月底",
            "2\t医疗卫生\t\t\t",
            "2.1\t\t建设县域医疗次中心5个\t市卫生健康局\t2024年12月底",
        ],
    );
    assert_eq!(
        groups(&d),
        vec![
            (Some("1.1"), vec!["1．教育民生"]),
            (Some("1.2"), vec!["1．教育民生"]),
            (Some("2.1"), vec!["2．医疗卫生"]),
        ]
    );
    for t in &d.tasks {
        assert!(!t.extra.contains_key("民生实事"), "{:?}", t.extra);
        assert_eq!(t.extra.get("完成时限").map(String::is_empty), Some(false));
    }
}

/// I01: the same under `主要任务 | 具体举措`, the broader column a group column.
#[test]
fn a_group_row_in_the_broader_task_column_groups_its_children() {
    let d = with_table(
        "序号\t主要任务\t具体举措\t牵头单位\t配合单位",
        &[
            "1\t教育民生\t\t\t",
            "1.1\t\t新建改扩建公办幼儿园12所\t市教育局\t市财政局",
            "2\t医疗卫生\t\t\t",
            "2.1\t\t建设县域医疗次中心5个\t市卫生健康局\t",
        ],
    );
    assert_eq!(
        groups(&d),
        vec![
            (Some("1.1"), vec!["1．教育民生"]),
            (Some("2.1"), vec!["2．医疗卫生"]),
        ]
    );
}

/// I01 guard: a column between the number and the tasks that says something of each task row
/// (`类型`-like words of its own) stays an extra of each task.
#[test]
fn a_column_filled_on_task_rows_stays_an_extra() {
    let d = with_table(
        "序号\t实事类别\t具体任务\t责任单位",
        &[
            "1\t新建\t新建改扩建公办幼儿园12所\t市教育局",
            "2\t改造\t完成农村学校厕所改造100所\t市教育局",
        ],
    );
    let extra: Vec<Option<&str>> = d
        .tasks
        .iter()
        .map(|t| t.extra.get("实事类别").map(String::as_str))
        .collect();
    let group: Vec<&str> = d
        .tasks
        .iter()
        .flat_map(|t| &t.group)
        .map(String::as_str)
        .collect();
    // 类别 names a group column; its cells are per-task groups, as before.
    assert_eq!(d.tasks.len(), 2);
    assert!(
        extra == vec![Some("新建"), Some("改造")] || group == vec!["新建", "改造"],
        "{extra:?} {group:?}"
    );
}

/// I01 guard: a column of no known kind filled on task rows stays an extra.
#[test]
fn an_unnamed_column_filled_on_task_rows_stays_an_extra() {
    let d = with_table(
        "序号\t民生实事\t具体任务\t责任单位",
        &[
            "1\t教育\t新建改扩建公办幼儿园12所\t市教育局",
            "2\t教育\t完成农村学校厕所改造100所\t市教育局",
        ],
    );
    let extra: Vec<Option<&str>> = d
        .tasks
        .iter()
        .map(|t| t.extra.get("民生实事").map(String::as_str))
        .collect();
    assert_eq!(extra, vec![Some("教育"), Some("教育")]);
}

// I11 ---------------------------------------------------------------------------------------

/// I11: units that `加强指导` or `做好指导服务` inside an allocation bracket, beside a unit that
/// leads or is responsible, support it.
#[test]
fn guiding_units_inside_a_bracket_support() {
    let d = with_measures(&[
        "加快电源建设。推进大型风电光伏基地建设。（省能源局牵头，省发改委加强指导）",
        "加强监督管理。建立监测评估机制。（各市州人民政府负责，省能源局做好指导服务）",
    ]);
    assert_eq!(
        units(&d),
        vec![
            (
                "加快电源建设。推进大型风电光伏基地建设。",
                vec!["省能源局"],
                vec!["省发改委"]
            ),
            (
                "加强监督管理。建立监测评估机制。",
                vec!["各市州人民政府"],
                vec!["省能源局"]
            ),
        ]
    );
    assert!(d.tasks.iter().all(|t| t.extra.is_empty()), "{:?}", d.tasks);
}

// I09 ---------------------------------------------------------------------------------------

/// A 纪要 whose second decision is given in the paragraph as printed.
fn minutes(second: &str) -> Document {
    let text = format!(
        "福州市人民政府专题会议纪要\n\n〔2024〕第18期\n\n福州市人民政府办公厅　　　　2024年5月8日\n\n\
         关于研究推进滨海新城医疗配套建设有关问题的会议纪要\n\n\
         5月6日下午，市政府副市长林某某主持召开专题会议。现将会议议定事项纪要如下：\n\n\
         一、关于配套道路建设问题\n\n市建设局负责加快推进配套道路建设，确保与医院同步投用。\n\n\
         二、关于滨海新城医院二期项目\n\n{second}\n\n\
         出席：林某某、陈某某（市政府副秘书长）\n\n分送：市委办公厅，市人大常委会办公厅。\n"
    );
    parse_text(&text)
}

/// I09: `会议同意甲……，乙负责做好……`: the unit that opens the second decision and 负责 it
/// is assigned it.
#[test]
fn a_second_decision_in_a_sentence_gives_a_task() {
    let d =
        minutes("会议同意市财政局按程序统筹安排项目建设资金，市卫健委负责做好医院开办筹备工作。");
    let leads: Vec<(Option<&str>, Vec<&str>)> = d
        .tasks
        .iter()
        .map(|t| {
            (
                t.marker.as_deref(),
                t.lead.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        leads,
        vec![
            (Some("一、"), vec!["市建设局"]),
            (Some("二、"), vec!["市卫健委"]),
        ]
    );
}

/// I09 guard: a unit's people (`负责同志`) are no decision's lead.
#[test]
fn a_units_people_in_a_later_clause_give_no_task() {
    let d = minutes("会议听取了有关情况汇报，市卫健委负责同志作了说明。");
    assert_eq!(d.tasks.len(), 1, "{:?}", units(&d));
}

/// I09 guard: outside a 纪要, `…，甲负责做好……` alone is a sentence, not an allocation.
#[test]
fn a_responsible_unit_in_a_notice_sentence_alone_gives_no_task() {
    let d =
        with_measures(&["完善医疗配套。统筹安排项目建设资金，市卫健委负责做好医院开办筹备工作。"]);
    assert!(d.tasks.is_empty(), "{:?}", units(&d));
}

// I23 ---------------------------------------------------------------------------------------

/// I23: the groups of a decimal outline print their number apart from their words.
#[test]
fn decimal_groups_keep_their_number_apart() {
    let text = "海口市人民政府办公厅\n\n关于印发海口市2024年自由贸易港建设重点任务的通知\n\n\
                海府办〔2024〕22号\n\n各区人民政府，市政府直属各单位：\n\n\
                《重点任务》已经市政府同意，现印发给你们，请认真贯彻落实。\n\n\
                海口市人民政府办公厅\n\n2024年3月8日\n\n海口市2024年自由贸易港建设重点任务\n\n\
                1　贸易投资自由化便利化\n\n\
                1.1　扩大服务贸易开放。落实跨境服务贸易负面清单。（市商务局牵头，市发展改革委配合）\n\n\
                2　现代产业体系\n\n\
                2.1　壮大旅游业。打造国际旅游消费中心核心区。（责任单位：市旅游和文化广电体育局）\n\n\
                2.1.1　发展免税购物。新增免税店1家。（责任单位：市商务局）\n";
    let d = parse_text(text);
    assert_eq!(
        groups(&d),
        vec![
            (Some("1.1"), vec!["1 贸易投资自由化便利化"]),
            (Some("2.1"), vec!["2 现代产业体系"]),
            (Some("2.1.1"), vec!["2 现代产业体系", "2.1 壮大旅游业。"]),
        ]
    );
}

/// I23 guard: items' markers end in their own stop: `一、` groups print as before.
#[test]
fn item_groups_print_as_before() {
    let text = "海口市人民政府办公厅\n\n关于印发重点任务的通知\n\n海府办〔2024〕22号\n\n\
                各区人民政府，市政府直属各单位：\n\n现印发给你们，请认真贯彻落实。\n\n\
                一、贸易投资自由化便利化\n\n\
                （一）扩大服务贸易开放。落实跨境服务贸易负面清单。（市商务局牵头，市发展改革委配合）\n\n\
                海口市人民政府办公厅\n\n2024年3月8日\n";
    let d = parse_text(text);
    assert_eq!(
        groups(&d),
        vec![(Some("（一）"), vec!["一、贸易投资自由化便利化"])]
    );
}
