//! The vocabulary inside one allocation or one table column: duty labels other than 牵头/配合
//! (`主责单位`, `协同单位`, `承办单位`, `实施单位`, `责任主体`, `监管部门`, `指导单位`, `甲为牵头单位`),
//! units with inner `〔〕` in a bracket of bare names, manner words before a role verb (`分别`,
//! `各自`, `积极`, `予以`…), `按职责牵头`, `主抓`, `〔协同〕`, `具体实施`, `督促指导`, a count after
//! `等` (`等5个部门`), a deadline in a bracket of its own after the allocation, and `同上`/`〃`
//! in a table's other columns and in its first row.

use gongwen_parse::{Document, parse_text};

/// A notice whose measures are numbered `一、`…, each paragraph as given.
fn with_measures(measures: &[&str]) -> Document {
    let mut text = String::from(
        "某某市人民政府办公室关于印发某某市2023年重点工作方案的通知\n\n某政办〔2023〕17号\n\n\
         各县（市、区）人民政府，市政府各部门：\n\n现将有关工作安排如下。\n\n",
    );
    let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    for (m, numeral) in measures.iter().zip(numerals) {
        text.push_str(&format!("{numeral}、{m}\n\n"));
    }
    text.push_str("某某市人民政府办公室\n\n2023年2月21日\n");
    parse_text(&text)
}

/// A notice that transmits a task table (tab-separated) as its attachment.
fn with_table(header: &str, rows: &[&str]) -> Document {
    let mut text = String::from(
        "某某市人民政府办公室关于印发某某市重点工作清单的通知\n\n某政办〔2023〕12号\n\n\
         各县（市、区）人民政府，市政府各部门：\n\n现将清单印发给你们，请认真贯彻执行。\n\n\
         某某市人民政府办公室\n\n2023年6月1日\n\n附件\n\n重点工作清单\n\n",
    );
    text.push_str(header);
    text.push('\n');
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    parse_text(&text)
}

/// Each task's text, lead and support.
fn tasks(d: &Document) -> Vec<(&str, Vec<&str>, Vec<&str>)> {
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

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

/// N03: labels other than 牵头/配合 allocate the measure: `主责单位`/`协同单位`, `承办单位`,
/// `实施单位`, `责任主体` with `监管部门` (which supports), and `甲为牵头单位，乙为配合单位`.
#[test]
fn other_duty_labels_allocate_the_measure() {
    let d = with_measures(&[
        "发展夜间经济。培育夜间经济示范区10个。（主责单位：市商务委；协同单位：市文化旅游委、市公安局）",
        "新建社区养老服务设施30个。（承办单位：市民政局）",
        "巩固农村饮水安全。（责任主体：各县〔区〕人民政府；监管部门：市水利局）",
        "新建改造农贸市场20个。（实施单位：市商务局）",
        "加快项目前期工作。建立项目台账。（市发展改革委为牵头单位，市自然资源和规划局为配合单位）",
    ]);
    assert_eq!(
        tasks(&d),
        vec![
            (
                "发展夜间经济。培育夜间经济示范区10个。",
                vec!["市商务委"],
                vec!["市文化旅游委", "市公安局"]
            ),
            ("新建社区养老服务设施30个。", vec!["市民政局"], vec![]),
            (
                "巩固农村饮水安全。",
                vec!["各县（区）人民政府"],
                vec!["市水利局"]
            ),
            ("新建改造农贸市场20个。", vec!["市商务局"], vec![]),
            (
                "加快项目前期工作。建立项目台账。",
                vec!["市发展改革委"],
                vec!["市自然资源和规划局"]
            ),
        ]
    );
}

/// N08: a bracket of bare names, one with inner `〔〕`, allocates as one without does.
#[test]
fn bare_names_with_inner_brackets_allocate() {
    let d = with_measures(&[
        "整治城乡结合部。全面清理积存垃圾。（各县〔市、区〕人民政府，市城管局）",
        "整治农村坑塘沟渠。清淤疏浚坑塘沟渠。（市水利局、各县〔市、区〕人民政府）",
    ]);
    assert_eq!(
        tasks(&d),
        vec![
            (
                "整治城乡结合部。全面清理积存垃圾。",
                vec!["各县（市、区）人民政府", "市城管局"],
                vec![]
            ),
            (
                "整治农村坑塘沟渠。清淤疏浚坑塘沟渠。",
                vec!["市水利局", "各县（市、区）人民政府"],
                vec![]
            ),
        ]
    );
}

/// N09, N11: words of manner before a role verb are no part of the unit's name (`积极配合`,
/// `全力配合`, `密切配合`, `协同配合`, `分别牵头`, `各自负责`, `予以配合`), and `主抓` leads.
#[test]
fn manner_words_before_a_role_verb_are_no_part_of_the_name() {
    let d = with_measures(&[
        "整治农贸市场环境。完成提质改造。（市商务局牵头，市市场监管局、市城管局积极配合）",
        "规范交通秩序。开展专项整治。（市公安局牵头，市交通运输局全力配合）",
        "开展社区环境整治。（市民政局牵头落实，各城区政府协同配合）",
        "促进汽车消费。开展汽车下乡活动。（市经济信息委、市商务委分别牵头，市财政局参与）",
        "培育数字化转型服务商。（市工业和信息化局、市科技局各自负责）",
        "强化项目资金保障。争取专项债券额度。（由市财政局负责，市发展改革委予以配合）",
        "加强志愿服务。（市文明办主抓，团市委、市民政局配合）",
    ]);
    assert_eq!(
        tasks(&d),
        vec![
            (
                "整治农贸市场环境。完成提质改造。",
                vec!["市商务局"],
                vec!["市市场监管局", "市城管局"]
            ),
            (
                "规范交通秩序。开展专项整治。",
                vec!["市公安局"],
                vec!["市交通运输局"]
            ),
            ("开展社区环境整治。", vec!["市民政局"], vec!["各城区政府"]),
            (
                "促进汽车消费。开展汽车下乡活动。",
                vec!["市经济信息委", "市商务委"],
                vec!["市财政局"]
            ),
            (
                "培育数字化转型服务商。",
                vec!["市工业和信息化局", "市科技局"],
                vec![]
            ),
            (
                "强化项目资金保障。争取专项债券额度。",
                vec!["市财政局"],
                vec!["市发展改革委"]
            ),
            (
                "加强志愿服务。",
                vec!["市文明办"],
                vec!["团市委", "市民政局"]
            ),
        ]
    );
    assert!(d.tasks.iter().all(|t| t.extra.is_empty()), "{:?}", d.tasks);
}

/// N10: units that `按职责牵头` lead; those only `负责` beside them support.
#[test]
fn an_zhize_qiantou_leads() {
    let d = with_measures(&[
        "丰富文旅消费产品。打造文旅精品线路50条。（省文化和旅游厅、省商务厅按职责牵头，各市州人民政府负责）",
    ]);
    assert_eq!(
        tasks(&d),
        vec![(
            "丰富文旅消费产品。打造文旅精品线路50条。",
            vec!["省文化和旅游厅", "省商务厅"],
            vec!["各市州人民政府"]
        )]
    );
}

/// N11, N14: a `〔协同〕` mark supports; units that `具体实施`, `督促指导`, `分别负责本辖区工作`
/// or are named under `指导单位` support the unit that leads, not `extra["其他"]`.
#[test]
fn overseeing_and_carrying_out_units_support() {
    let d = with_measures(&[
        "强化项目资金保障。争取债券额度。（责任单位：市发展改革委〔主责〕、市财政局〔协同〕）",
        "优化项目审批服务。推行审批绿色通道。（市行政审批局负责，各县〔市、区〕政府具体实施）",
        "加强项目调度督导。实行月通报制度。（各县〔市、区〕政府负责，市发展改革委督促指导）",
        "建设工业互联网平台。培育平台10个。（市工业和信息化局牵头，各区政府分别负责本辖区工作）",
        "加强农村危房改造。完成改造500户。（责任单位：各县〔市、区〕人民政府；指导单位：市住房城乡建设局）",
    ]);
    assert_eq!(
        tasks(&d),
        vec![
            (
                "强化项目资金保障。争取债券额度。",
                vec!["市发展改革委"],
                vec!["市财政局"]
            ),
            (
                "优化项目审批服务。推行审批绿色通道。",
                vec!["市行政审批局"],
                vec!["各县（市、区）政府"]
            ),
            (
                "加强项目调度督导。实行月通报制度。",
                vec!["各县（市、区）政府"],
                vec!["市发展改革委"]
            ),
            (
                "建设工业互联网平台。培育平台10个。",
                vec!["市工业和信息化局"],
                vec!["各区政府"]
            ),
            (
                "加强农村危房改造。完成改造500户。",
                vec!["各县（市、区）人民政府"],
                vec!["市住房城乡建设局"]
            ),
        ]
    );
    assert!(d.tasks.iter().all(|t| t.extra.is_empty()), "{:?}", d.tasks);
}

/// N15: a count after `等` (`等3个部门`, `等5个部门`) names no unit and is no part of the last
/// name; the count that takes in the lead named before is no mismatch.
#[test]
fn a_count_after_deng_is_no_part_of_the_name() {
    let d = with_measures(&[
        "开展道路交通安全整治。（责任单位：市公安局交警支队、市交通运输局、市应急局等3个部门）",
        "开展危险化学品综合治理。（责任单位：市应急局牵头，市工信委、市公安局、市交通运输局、市市场监管局等5个部门配合）",
    ]);
    assert_eq!(
        tasks(&d),
        vec![
            (
                "开展道路交通安全整治。",
                vec!["市公安局交警支队", "市交通运输局", "市应急局"],
                vec![]
            ),
            (
                "开展危险化学品综合治理。",
                vec!["市应急局"],
                vec!["市工信委", "市公安局", "市交通运输局", "市市场监管局"]
            ),
        ]
    );
    assert!(
        !codes(&d).contains(&"enumeration_count_mismatch"),
        "{:?}",
        d.diagnostics
    );
}

/// N23: a deadline in a bracket of its own after the allocation's is its `完成时限`.
#[test]
fn a_deadline_in_a_second_bracket_is_the_deadline() {
    let d = with_measures(&[
        "新增公办学位2万个。（市教育局牵头，市发展改革委、市财政局配合）（2022年9月前完成）",
        "建设长者饭堂30家，方便老年人就餐。（市民政局牵头，各县区政府配合）【2022年12月底前】",
    ]);
    assert_eq!(
        tasks(&d),
        vec![
            (
                "新增公办学位2万个。",
                vec!["市教育局"],
                vec!["市发展改革委", "市财政局"]
            ),
            (
                "建设长者饭堂30家，方便老年人就餐。",
                vec!["市民政局"],
                vec!["各县区政府"]
            ),
        ]
    );
    let deadlines: Vec<_> = d
        .tasks
        .iter()
        .map(|t| t.extra.get("完成时限").map(String::as_str))
        .collect();
    assert_eq!(
        deadlines,
        vec![Some("2022年9月前完成"), Some("2022年12月底前")]
    );
}

/// N20: `〃`/`同上` in a 责任领导 column takes the cell above, as in the units columns.
#[test]
fn a_ditto_in_a_leader_column_takes_the_cell_above() {
    let d = with_table(
        "序号\t工作任务\t牵头单位\t配合单位\t责任领导",
        &[
            "1\t开展脱贫攻坚回头看大排查\t市扶贫开发局\t市教育局、市卫生健康委\t张某",
            "2\t实施易地扶贫搬迁后续扶持\t市发展改革委\t同上\t同上",
            "3\t落实产业扶贫政策\t市农业农村局\t市扶贫开发局\t李某",
            "4\t推进消费扶贫\t〃\t市商务局\t〃",
        ],
    );
    let leaders: Vec<_> = d
        .tasks
        .iter()
        .map(|t| t.extra.get("责任领导").map(String::as_str))
        .collect();
    assert_eq!(
        leaders,
        vec![Some("张某"), Some("张某"), Some("李某"), Some("李某")]
    );
    assert_eq!(d.tasks[3].lead, vec!["市农业农村局"]);
}

/// N21: `同上` in a table's first row names no unit `同上`, and says so.
#[test]
fn a_ditto_in_the_first_row_names_no_unit_and_warns() {
    let d = with_table(
        "序号\t重点任务\t牵头单位\t配合单位",
        &[
            "1\t推进港区建设\t同上\t市交通运输局",
            "2\t建设临港产业园\t市发展改革委\t市工业和信息化局",
            "3\t建设港城大道\t〃\t市住房城乡建设局",
        ],
    );
    let leads: Vec<_> = d.tasks.iter().map(|t| t.lead.clone()).collect();
    assert_eq!(
        leads,
        vec![
            Vec::<String>::new(),
            vec!["市发展改革委".to_string()],
            vec!["市发展改革委".to_string()]
        ]
    );
    assert!(
        codes(&d).contains(&"ditto_without_above"),
        "{:?}",
        d.diagnostics
    );
}
