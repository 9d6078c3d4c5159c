//! Tasks as allocation tables and measures print them: a measures column headed 工作举措 (or
//! 工作措施, 主要举措, 推进措施) before the units holds the tasks under its 重点任务 heading, a
//! short label after a space (`牵头：甲　配合：乙`) starts a clause, named cities share the
//! government printed once after them, an allocation line after a list of sub-items is the
//! list's, and an allocation printed after a measure's heading or inside its sentence gives the
//! measure with its words.

use gongwen_parse::{Document, InputFormat, Options, parse, parse_text};

/// The tasks as (number, text, leads, supports).
use gongwen_tests::numbered_units as tasks;

/// Each task's text and groups.
fn texts(d: &Document) -> Vec<(&str, Vec<&str>)> {
    d.tasks
        .iter()
        .map(|t| {
            (
                t.text.as_str(),
                t.group.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

/// The tasks of a CSV table.
fn csv(text: &str) -> Document {
    let opts = Options {
        format: Some(InputFormat::Csv),
        ..Options::default()
    };
    parse(text.as_bytes(), &opts).expect("parses")
}

/// The allocation table of a 市 (`重点任务 | 工作举措 | 牵头市领导 | 牵头单位 | 责任单位`), headed
/// by `measures`.
fn key_tasks(measures: &str) -> String {
    format!(
        "附件\n\n2024年全市优化营商环境重点任务分解表\n\n\
         序号\t重点任务\t{measures}\t牵头市领导\t牵头单位\t责任单位\t完成时限\n\
         1\t提升政务服务效能\t推行“高效办成一件事”，年内上线集成服务20项。\t王建国\t市数据局\t市直有关部门\t2024年12月\n\
         2\t优化信贷服务\t扩大普惠小微贷款规模，全年新增普惠小微贷款300亿元。\t李明\t市金融办\t人行市中心支行、市财政局\t2024年12月\n"
    )
}

#[test]
fn measures_before_the_units_are_the_tasks_under_their_heading() {
    for measures in ["工作举措", "工作措施", "主要举措", "推进措施", "具体措施"]
    {
        let d = parse_text(&key_tasks(measures));
        assert_eq!(
            texts(&d),
            vec![
                (
                    "推行“高效办成一件事”，年内上线集成服务20项。",
                    vec!["提升政务服务效能"]
                ),
                (
                    "扩大普惠小微贷款规模，全年新增普惠小微贷款300亿元。",
                    vec!["优化信贷服务"]
                ),
            ],
            "{measures}"
        );
        assert_eq!(d.tasks[0].lead, ["市数据局"], "{measures}");
        assert!(!d.tasks[0].extra.contains_key(measures), "{measures}");
    }
}

#[test]
fn means_after_the_units_or_beside_task_contents_stay_an_extra() {
    // After the units, `工作措施` says how each task is done.
    let d = csv("序号,重点任务,牵头单位,工作措施\n\
                 1,新建高标准农田2万亩,县农业农村局,争取上级资金\n\
                 2,发展特色产业基地5个,县农业农村局,以奖代补\n");
    assert_eq!(
        texts(&d),
        vec![
            ("新建高标准农田2万亩", vec![]),
            ("发展特色产业基地5个", vec![])
        ]
    );
    assert_eq!(
        d.tasks[1].extra.get("工作措施").map(String::as_str),
        Some("以奖代补")
    );
    // A column of the tasks' contents (`任务内容`) holds the tasks wherever the means stand.
    let d = csv("序号,任务内容,工作措施,牵头单位\n\
                 1,新建高标准农田2万亩,争取上级资金,县农业农村局\n\
                 2,发展特色产业基地5个,以奖代补,县农业农村局\n");
    assert_eq!(
        texts(&d),
        vec![
            ("新建高标准农田2万亩", vec![]),
            ("发展特色产业基地5个", vec![])
        ]
    );
}

#[test]
fn a_short_label_after_a_space_starts_a_clause() {
    let d = parse_text(
        "某某市2024年营商环境重点任务清单\n\n　　一、提升政务服务水平\n\
         （一）优化纳税服务。推行非接触式办税。（牵头：市税务局　配合：市财政局、市人民银行）\n\
         （二）推进跨境贸易便利化。压缩整体通关时间。（牵头：市商务局 配合：某某海关）\n",
    );
    assert_eq!(
        tasks(&d),
        vec![
            (
                1,
                "优化纳税服务。推行非接触式办税。",
                vec!["市税务局"],
                vec!["市财政局", "市人民银行"]
            ),
            (
                2,
                "推进跨境贸易便利化。压缩整体通关时间。",
                vec!["市商务局"],
                vec!["某某海关"]
            ),
        ]
    );
    // The same in a 责任单位 cell.
    let d = parse_text(
        "附件\n\n某某市2024年营商环境重点任务清单\n\n序号\t任务内容\t责任单位\t完成时限\n\
         1\t推进跨境贸易便利化。\t市商务局（牵头单位）、某某海关\t2024年9月底\n\
         2\t优化纳税服务。\t牵头：市税务局　配合：市财政局、市人民银行\t2024年12月底\n",
    );
    assert_eq!(d.tasks[1].lead, ["市税务局"]);
    assert_eq!(d.tasks[1].support, ["市财政局", "市人民银行"]);
}

#[test]
fn a_role_word_and_colon_without_a_space_is_no_label() {
    // `配合：` run on to a name, no space before it: no clause of its own starts there (the
    // full label `配合单位：` does, as before).
    let d = parse_text(
        "某某市2024年重点任务清单\n\n　　一、提升政务服务水平\n\
         （一）优化纳税服务。推行非接触式办税。（牵头单位：市税务局配合单位：市财政局）\n",
    );
    assert_eq!(
        tasks(&d),
        vec![(
            1,
            "优化纳税服务。推行非接触式办税。",
            vec!["市税务局"],
            vec!["市财政局"]
        )]
    );
}

/// A 指导意见's measures allocated to named cities sharing one government.
fn cities(units: &str) -> Document {
    parse_text(&format!(
        "四川省促进低空经济发展的指导意见\n\n　　一、培育低空产业\n\
         （一）发展无人机制造。支持有关地方建设无人机产业园。（{units}按职责分工负责）\n"
    ))
}

#[test]
fn named_cities_share_the_government_printed_after_them() {
    let d = cities("省经济和信息化厅、省科技厅，成都市、自贡市人民政府");
    assert_eq!(
        d.tasks[0].lead,
        [
            "省经济和信息化厅",
            "省科技厅",
            "成都市人民政府",
            "自贡市人民政府"
        ]
    );
    let d = parse_text(
        "某某意见\n\n　　一、培育低空产业\n\
         （一）建设低空应用场景。开展低空物流试点。（省交通运输厅牵头，攀枝花市、凉山州、某某县政府配合）\n",
    );
    assert_eq!(d.tasks[0].lead, ["省交通运输厅"]);
    assert_eq!(
        d.tasks[0].support,
        ["攀枝花市政府", "凉山州政府", "某某县政府"]
    );
}

#[test]
fn departments_and_divisions_before_a_government_keep_their_names() {
    // Departments of a city are no cities; a bare city beside a department shares nothing;
    // `各市、县人民政府` stands for each one's government, kept whole.
    for (units, want) in [
        (
            "市发展改革委、市经济信息委、成都市人民政府",
            vec!["市发展改革委", "市经济信息委", "成都市人民政府"],
        ),
        (
            "成都市、省发展改革委、自贡市人民政府",
            vec!["成都市", "省发展改革委", "自贡市人民政府"],
        ),
        (
            "省发展改革委，有关市、自贡市人民政府",
            vec!["省发展改革委", "有关市", "自贡市人民政府"],
        ),
        (
            "省发展改革委，各市、县人民政府",
            vec!["省发展改革委", "各市、县人民政府"],
        ),
    ] {
        assert_eq!(cities(units).tasks[0].lead, want, "{units}");
    }
}

/// A 实施方案's measures, each a list of sub-items, closed by `closing`.
fn sub_items(closing: &str) -> Document {
    parse_text(&format!(
        "贵州省推动大数据与实体经济深度融合实施方案\n\n\
         二、重点任务\n\
         （一）推进工业数字化转型。\n\
         1．实施“万企融合”行动，每年推动1000户以上企业开展融合改造。\n\
         2．建设一批智能工厂和数字化车间。\n\
         3．培育工业互联网平台。\n\
         {closing}\n\
         （二）推进农业数字化转型。\n\
         1．建设农业大数据平台。\n\
         2．推广智慧农业应用。\n\
         责任单位：省农业农村厅牵头，省大数据局配合。\n"
    ))
}

#[test]
fn an_allocation_line_after_a_list_of_sub_items_is_every_items() {
    let d = sub_items("责任单位：省工业和信息化厅牵头，省大数据局、省科技厅配合。");
    let industry = vec!["省大数据局", "省科技厅"];
    assert_eq!(
        tasks(&d),
        vec![
            (
                1,
                "实施“万企融合”行动，每年推动1000户以上企业开展融合改造。",
                vec!["省工业和信息化厅"],
                industry.clone()
            ),
            (
                2,
                "建设一批智能工厂和数字化车间。",
                vec!["省工业和信息化厅"],
                industry.clone()
            ),
            (
                3,
                "培育工业互联网平台。",
                vec!["省工业和信息化厅"],
                industry
            ),
            (
                4,
                "建设农业大数据平台。",
                vec!["省农业农村厅"],
                vec!["省大数据局"]
            ),
            (
                5,
                "推广智慧农业应用。",
                vec!["省农业农村厅"],
                vec!["省大数据局"]
            ),
        ]
    );
    assert_eq!(
        d.tasks[0].group,
        ["二、重点任务", "（一）推进工业数字化转型。"]
    );
}

#[test]
fn an_allocation_in_the_last_items_sentence_is_its_own() {
    // Printed in the last item's sentence, the bracket allocates that item only.
    let d = sub_items("3．培育工业互联网平台。（省工业和信息化厅负责）")
        .tasks
        .into_iter()
        .filter(|t| t.lead == ["省工业和信息化厅"])
        .count();
    assert_eq!(d, 1);
    // Measures of paragraphs of their own (a plan's 保障措施) each say their own.
    let d = parse_text(
        "某某实施方案\n\n　　三、保障措施\n\
         （一）加强组织领导。\n　　各地要建立工作专班，定期研究推进。\n\
         （二）强化督查考核。\n　　将工作纳入年度考核。\n\
         责任单位：省政府督查室\n",
    );
    assert_eq!(d.tasks.len(), 1, "{:?}", texts(&d));
}

/// A 实施意见 in the 湖北 style: the allocation after each measure's heading.
const AFTER_HEADING: &str = "湖北省人民政府关于加快推进新型工业化的实施意见\n\n\
    各市、州、县人民政府，省政府各部门：\n\
    为加快推进新型工业化，现提出如下实施意见。\n\
    一、重点任务\n\
    （一）实施产业链提升行动（省经济和信息化厅牵头，省发展改革委、省科技厅配合）。围绕光电子信息、汽车制造等优势产业，实施产业链链长制。\n\
    （二）实施数字化转型行动（省经济和信息化厅、省通信管理局负责）。推动规模以上工业企业数字化改造全覆盖。\n\
    （三）实施绿色低碳行动。推进工业领域节能降碳（省经济和信息化厅牵头，省生态环境厅配合），建设绿色工厂。\n\
    （四）实施质量提升行动。开展质量品牌建设（以下简称质量行动），培育一批知名品牌。\n\n\
    湖北省人民政府\n2024年2月26日\n";

#[test]
fn an_allocation_after_the_heading_gives_the_measure_with_its_words() {
    let d = parse_text(AFTER_HEADING);
    assert_eq!(
        tasks(&d),
        vec![
            (
                1,
                "实施产业链提升行动。围绕光电子信息、汽车制造等优势产业，实施产业链链长制。",
                vec!["省经济和信息化厅"],
                vec!["省发展改革委", "省科技厅"]
            ),
            (
                2,
                "实施数字化转型行动。推动规模以上工业企业数字化改造全覆盖。",
                vec!["省经济和信息化厅", "省通信管理局"],
                vec![]
            ),
            (
                3,
                "实施绿色低碳行动。推进工业领域节能降碳，建设绿色工厂。",
                vec!["省经济和信息化厅"],
                vec!["省生态环境厅"]
            ),
        ]
    );
}

#[test]
fn two_allocations_inside_one_sentence_give_no_task() {
    // Which words each bracket allocates is not certain: the sentence is left as text.
    let d = parse_text(
        "某某实施意见\n\n　　一、重点任务\n\
         （一）实施绿色低碳行动。推进节能降碳（省经济和信息化厅牵头），建设绿色工厂（省生态环境厅负责），开展评价。\n",
    );
    assert!(d.tasks.is_empty(), "{:?}", texts(&d));
}
