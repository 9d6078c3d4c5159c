//! Findings of probe 40 on task tables and their units cells: the role a supporting column
//! gives units that say they carry the measure out; verbs of carrying out after a unit's name;
//! bracketed notes of what a unit does; a collective after `等` before `及`; wordings of "the
//! first unit leads"; a task over two rows read back from the normalized text; a group row that
//! carries its tasks' units; a group printed again after a page break (`（续）`); township
//! bodies sharing a `各`; a table whose task cells carry their allocation.

use gongwen_emit::text::to_text;
use gongwen_parse::{Document, InputFormat, Options, parse, parse_text};
use gongwen_tests::{escape_markup, task_units};

fn html(before: &str, rows: &[&[&str]]) -> Document {
    let mut page = format!(
        "<html><head><meta charset=utf-8></head><body><p>某某市人民政府办公室关于印发重点任务分工的通知</p>{before}<p>附件</p><p>重点任务分工表</p><table border=1>"
    );
    for row in rows {
        page.push_str("<tr>");
        for cell in *row {
            page.push_str("<td>");
            page.push_str(&escape_markup(cell));
            page.push_str("</td>");
        }
        page.push_str("</tr>");
    }
    page.push_str("</table></body></html>");
    parse(
        page.as_bytes(),
        &Options {
            format: Some(InputFormat::Html),
            ..Options::default()
        },
    )
    .expect("html")
}

const FOUR: &[&str] = &["序号", "工作任务", "牵头单位", "配合单位"];

// ---- R06: units of a supporting column that say they `负责` support ----------------------

#[test]
fn units_that_say_they_are_responsible_in_a_supporting_column_support() {
    let d = html(
        "",
        &[
            FOUR,
            &["1", "推进交通治堵工程。", "市交通运输局", "各区县政府负责"],
            &[
                "2",
                "整治农贸市场。",
                "县市场监管局",
                "县城管局、城关镇人民政府按职责分工负责",
            ],
            &[
                "3",
                "完善监管平台。",
                "市住房城乡建设局",
                "市大数据局按职责负责",
            ],
            &[
                "4",
                "建设健身中心。",
                "市体育局",
                "各区县政府（按职责分工负责）",
            ],
            // A cell that says who leads still does.
            &[
                "5",
                "推进城市更新。",
                "市住房城乡建设局负责",
                "市城管局配合",
            ],
        ],
    );
    assert_eq!(
        task_units(&d),
        vec![
            (
                "推进交通治堵工程。",
                vec!["市交通运输局"],
                vec!["各区县政府"]
            ),
            (
                "整治农贸市场。",
                vec!["县市场监管局"],
                vec!["县城管局", "城关镇人民政府"]
            ),
            (
                "完善监管平台。",
                vec!["市住房城乡建设局"],
                vec!["市大数据局"]
            ),
            ("建设健身中心。", vec!["市体育局"], vec!["各区县政府"]),
            ("推进城市更新。", vec!["市住房城乡建设局"], vec!["市城管局"]),
        ]
    );
}

// ---- R10: verbs of carrying out after a unit's name in a cell ---------------------------

#[test]
fn verbs_of_carrying_out_are_no_part_of_a_units_name() {
    let d = html(
        "",
        &[
            &["序号", "工作任务", "责任单位"],
            &["1", "推进第1项养老服务设施建设。", "市民政局具体实施"],
            &[
                "2",
                "推进第2项养老服务设施建设。",
                "市民政局、市财政局按职责分工落实",
            ],
            &["3", "推进第3项养老服务设施建设。", "市民政局组织实施"],
            &["4", "推进第4项养老服务设施建设。", "各区县政府抓好落实"],
            &["5", "推进第5项养老服务设施建设。", "市商务局主抓"],
        ],
    );
    assert_eq!(
        task_units(&d),
        vec![
            ("推进第1项养老服务设施建设。", vec!["市民政局"], vec![]),
            (
                "推进第2项养老服务设施建设。",
                vec!["市民政局", "市财政局"],
                vec![]
            ),
            ("推进第3项养老服务设施建设。", vec!["市民政局"], vec![]),
            ("推进第4项养老服务设施建设。", vec!["各区县政府"], vec![]),
            ("推进第5项养老服务设施建设。", vec!["市商务局"], vec![]),
        ]
    );
    // The cells keep their words as printed.
    assert_eq!(d.tasks[0].lead_text, "市民政局具体实施");
}

#[test]
fn verbs_of_carrying_out_in_a_supporting_cell_support() {
    let d = html(
        "",
        &[
            FOUR,
            &[
                "1",
                "推进燃气管网改造。",
                "市住房城乡建设局",
                "各区县政府具体实施",
            ],
            &[
                "2",
                "开展燃气安全整治。",
                "市住房城乡建设局组织实施",
                "市市场监管局",
            ],
            &[
                "3",
                "推进片区城市更新。",
                "市住房城乡建设局",
                "市城管局，各区县政府落实",
            ],
            &[
                "4",
                "推进交通治堵工程。",
                "市交通运输局",
                "市公安局、各区县政府按职责分工落实",
            ],
        ],
    );
    assert_eq!(
        task_units(&d),
        vec![
            (
                "推进燃气管网改造。",
                vec!["市住房城乡建设局"],
                vec!["各区县政府"]
            ),
            (
                "开展燃气安全整治。",
                vec!["市住房城乡建设局"],
                vec!["市市场监管局"]
            ),
            (
                "推进片区城市更新。",
                vec!["市住房城乡建设局"],
                vec!["市城管局", "各区县政府"]
            ),
            (
                "推进交通治堵工程。",
                vec!["市交通运输局"],
                vec!["市公安局", "各区县政府"]
            ),
        ]
    );
}

// ---- R17: a bracketed note of what a unit does ------------------------------------------

#[test]
fn a_bracketed_note_of_what_a_unit_does_is_no_part_of_its_name() {
    let d = html(
        "",
        &[
            FOUR,
            &[
                "1",
                "建设全民健身中心。",
                "市体育局",
                "市财政局（资金保障）、市自然资源局（用地保障）",
            ],
            &["2", "建设体育公园。", "市体育局（统筹）", "市教育局"],
            &["3", "建设健身步道。", "市体育局", "各区县政府（具体落实）"],
            // A person in brackets, or an alias, is no note of a duty: kept.
            &[
                "4",
                "建设社区球场。",
                "市体育局",
                "市机关事务局（市接待办）",
            ],
        ],
    );
    assert_eq!(
        task_units(&d),
        vec![
            (
                "建设全民健身中心。",
                vec!["市体育局"],
                vec!["市财政局", "市自然资源局"]
            ),
            ("建设体育公园。", vec!["市体育局"], vec!["市教育局"]),
            ("建设健身步道。", vec!["市体育局"], vec!["各区县政府"]),
            (
                "建设社区球场。",
                vec!["市体育局"],
                vec!["市机关事务局（市接待办）"]
            ),
        ]
    );
}

// ---- R13: a collective after `等` before `及` another unit ------------------------------

#[test]
fn a_collective_after_etc_is_kept_before_a_conjunction() {
    let d = html(
        "",
        &[
            FOUR,
            &[
                "1",
                "落实减税降费政策。",
                "市税务局",
                "市财政局等市级有关部门及各县（市、区）人民政府",
            ],
            &[
                "2",
                "清理拖欠企业账款。",
                "市工业和信息化局",
                "市财政局等市级有关部门和各县（市、区）人民政府",
            ],
        ],
    );
    let expected = vec!["市财政局", "市级有关部门", "各县（市、区）人民政府"];
    assert_eq!(d.tasks.len(), 2);
    for t in &d.tasks {
        assert_eq!(t.support, expected, "{}", t.text);
    }
}

// ---- R14: wordings of "the first unit leads" --------------------------------------------

#[test]
fn common_wordings_of_the_first_unit_leading_are_understood() {
    for note in [
        "多个责任单位的，排在前面的为牵头单位。",
        "各项任务第一责任单位为牵头单位。",
        "位列第一的责任单位为牵头单位。",
        "第一责任单位为牵头单位，其余为配合单位。",
    ] {
        let d = html(
            &format!("<p>　　现将重点任务分工印发给你们，请认真抓好落实。{note}</p>"),
            &[
                &["序号", "工作任务", "责任单位", "完成时间"],
                &[
                    "1",
                    "推进政务数据共享。",
                    "市大数据局、市委改革办、市经信局",
                    "2024年底",
                ],
            ],
        );
        assert_eq!(
            task_units(&d),
            vec![(
                "推进政务数据共享。",
                vec!["市大数据局"],
                vec!["市委改革办", "市经信局"]
            )],
            "{note}"
        );
    }
}

// ---- R15: a task over two rows gives the same tasks read back from the text ---------------

#[test]
fn a_task_over_two_rows_reads_back_from_the_normalized_text_as_one() {
    let page = "<html><head><meta charset=utf-8></head><body><p>附件</p><p>大气污染防治重点任务分工</p>\
        <table border=1><tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>\
        <tr><td>1</td><td>开展扬尘污染治理。</td><td>市住房城乡建设局</td><td>市城管局</td><td>2023年6月</td></tr>\
        <tr><td rowspan=\"2\">2</td><td>加强移动源污染防治，</td><td rowspan=\"2\">市生态环境局</td><td rowspan=\"2\">市公安局、市交通运输局</td><td rowspan=\"2\">2023年12月</td></tr>\
        <tr><td>淘汰国三及以下排放标准柴油货车。</td></tr>\
        <tr><td>3</td><td>推进秸秆综合利用。</td><td>市农业农村局</td><td>市发展改革委</td><td>2023年10月</td></tr>\
        </table></body></html>";
    let d = parse(
        page.as_bytes(),
        &Options {
            format: Some(InputFormat::Html),
            ..Options::default()
        },
    )
    .expect("html");
    let expected = vec![
        (
            "开展扬尘污染治理。",
            vec!["市住房城乡建设局"],
            vec!["市城管局"],
        ),
        (
            "加强移动源污染防治，淘汰国三及以下排放标准柴油货车。",
            vec!["市生态环境局"],
            vec!["市公安局", "市交通运输局"],
        ),
        (
            "推进秸秆综合利用。",
            vec!["市农业农村局"],
            vec!["市发展改革委"],
        ),
    ];
    assert_eq!(task_units(&d), expected);
    let again = parse_text(&to_text(&d));
    assert_eq!(task_units(&again), expected);
    assert_eq!(
        again.tasks.iter().map(|t| t.seq).collect::<Vec<_>>(),
        [1, 2, 3]
    );
}

// ---- R16: a group row that carries its tasks' units ----------------------------------------

#[test]
fn a_group_row_carrying_units_gives_them_to_its_tasks() {
    let d = html(
        "",
        &[
            FOUR,
            &[
                "一",
                "提升企业开办便利度",
                "市市场监管局",
                "市税务局、市公安局",
            ],
            &["1", "推行企业开办“一窗通办”。", "", ""],
            &["2", "免费刻制企业首套印章。", "", ""],
            &["二", "提升办理建筑许可便利度", "", ""],
            &[
                "3",
                "推行“拿地即开工”。",
                "市住房城乡建设局",
                "市自然资源和规划局",
            ],
        ],
    );
    assert_eq!(
        task_units(&d),
        vec![
            (
                "推行企业开办“一窗通办”。",
                vec!["市市场监管局"],
                vec!["市税务局", "市公安局"]
            ),
            (
                "免费刻制企业首套印章。",
                vec!["市市场监管局"],
                vec!["市税务局", "市公安局"]
            ),
            (
                "推行“拿地即开工”。",
                vec!["市住房城乡建设局"],
                vec!["市自然资源和规划局"]
            ),
        ]
    );
    let groups: Vec<_> = d.tasks.iter().map(|t| t.group.clone()).collect();
    assert_eq!(
        groups,
        [
            vec!["一、提升企业开办便利度".to_string()],
            vec!["一、提升企业开办便利度".to_string()],
            vec!["二、提升办理建筑许可便利度".to_string()],
        ]
    );
    assert_eq!(d.tasks.iter().map(|t| t.seq).collect::<Vec<_>>(), [1, 2, 3]);
}

// ---- R18: a group printed again after a page break ---------------------------------------

#[test]
fn a_group_printed_again_as_continued_is_the_same_group() {
    let d = html(
        "",
        &[
            FOUR,
            &["二、扩大有效投资"],
            &["1", "推进重大项目建设。", "市发展改革委", "市财政局"],
            &["2", "扩大民间投资。", "市发展改革委", "市工商联"],
            &["二、扩大有效投资（续）"],
            &["3", "加快专项债券发行使用。", "市财政局", "市发展改革委"],
        ],
    );
    assert_eq!(d.tasks.len(), 3);
    for t in &d.tasks {
        assert_eq!(t.group, ["二、扩大有效投资"], "{}", t.text);
    }
}

// ---- R19: township bodies after `各…、` ---------------------------------------------------

#[test]
fn township_bodies_listed_after_a_collective_share_its_each() {
    let d = html(
        "",
        &[
            FOUR,
            &[
                "1",
                "推进两江四岸治理提升。",
                "区住房城乡建委",
                "各街道办事处、镇人民政府，区城市管理局",
            ],
            &[
                "2",
                "开展城市体检。",
                "区住房城乡建委",
                "区城管局、各镇人民政府、街道办事处",
            ],
        ],
    );
    assert_eq!(
        task_units(&d),
        vec![
            (
                "推进两江四岸治理提升。",
                vec!["区住房城乡建委"],
                vec!["各街道办事处", "各镇人民政府", "区城市管理局"]
            ),
            (
                "开展城市体检。",
                vec!["区住房城乡建委"],
                vec!["区城管局", "各镇人民政府", "各街道办事处"]
            ),
        ]
    );
}

// ---- R07: a task table whose task cells carry their allocation ----------------------------

#[test]
fn a_task_table_without_units_columns_reads_the_allocations_in_its_task_cells() {
    let d = html(
        "",
        &[
            &["序号", "重点任务", "完成时限"],
            &[
                "1",
                "建设智慧交通管理平台，实现主城区信号灯联网联控。（牵头单位：市公安局；配合单位：市大数据局）",
                "2023年底",
            ],
            &[
                "2",
                "推进公交优先示范城市建设。（市交通运输局负责）",
                "2024年6月",
            ],
            &[
                "3",
                "优化出租车行业管理。（市交通运输局牵头，市公安局配合）",
                "长期",
            ],
        ],
    );
    assert_eq!(
        task_units(&d),
        vec![
            (
                "建设智慧交通管理平台，实现主城区信号灯联网联控。",
                vec!["市公安局"],
                vec!["市大数据局"]
            ),
            ("推进公交优先示范城市建设。", vec!["市交通运输局"], vec![]),
            (
                "优化出租车行业管理。",
                vec!["市交通运输局"],
                vec!["市公安局"]
            ),
        ]
    );
    assert_eq!(d.tasks.iter().map(|t| t.seq).collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(
        d.tasks[0].extra.get("完成时限").map(String::as_str),
        Some("2023年底")
    );
}

/// A table of tasks with no units anywhere (a schedule) is still no task table.
#[test]
fn a_table_of_tasks_without_any_allocation_gives_no_tasks() {
    let d = html(
        "",
        &[
            &["序号", "重点任务", "完成时限"],
            &["1", "建设智慧交通管理平台。", "2023年底"],
            &["2", "推进公交优先示范城市建设。（2024年启动）", "2024年6月"],
        ],
    );
    assert!(d.tasks.is_empty(), "{:?}", task_units(&d));
}
