//! Tab tables copied out of web pages and editors (tester L): rows a merged (rowspan) cell left
//! short — group columns at the left, units columns at the right —, task cells that list their
//! measures a line each, prose lines ending in a tab, and a table laid out one cell a line, each
//! set in by a tab, with no blank line between its rows.

use gongwen_parse::{InputFormat, Options, parse};
use gongwen_tests::numbered_units;

fn read(text: &str) -> gongwen_parse::Document {
    let options = Options {
        format: Some(InputFormat::Text),
        ..Options::default()
    };
    parse(text.as_bytes(), &options).expect("parses")
}

const HEAD: &str = "某某市人民政府关于印发某某工作方案的通知\n\n某府发〔2024〕3号\n\n各区县人民政府，市政府有关部门：\n\n现将《某某工作方案》印发给你们，请认真贯彻执行。\n\n附件：某某工作方案任务分工\n\n某某市人民政府\n\n2024年3月1日\n\n附件\n\n某某工作方案任务分工\n\n";

#[test]
fn rows_short_of_group_cells_merged_at_the_left_take_them_from_the_row_above() {
    let table = "领域\t类别\t序号\t工作任务\t牵头单位\t配合单位\n\
一、深化改革\t（一）科技服务。\t1\t支持高校在本市布局研发机构。\t市科技局\t市教委、市财政局\n\
2\t深化科技成果使用权改革试点。\t市科技局\t市教委、市国资委\n\
3\t探索知识产权质押融资机制。\t市知识产权局\t市科技局\n\
（二）教育服务。\t4\t支持高职院校开展合作办学。\t市教委\t\n\
5\t探索引进国际考试机构。\t市教委\t市商务委\n";
    let d = read(&format!("{HEAD}{table}"));
    assert_eq!(
        numbered_units(&d),
        vec![
            (
                1,
                "支持高校在本市布局研发机构。",
                vec!["市科技局"],
                vec!["市教委", "市财政局"]
            ),
            (
                2,
                "深化科技成果使用权改革试点。",
                vec!["市科技局"],
                vec!["市教委", "市国资委"]
            ),
            (
                3,
                "探索知识产权质押融资机制。",
                vec!["市知识产权局"],
                vec!["市科技局"]
            ),
            (4, "支持高职院校开展合作办学。", vec!["市教委"], vec![]),
            (
                5,
                "探索引进国际考试机构。",
                vec!["市教委"],
                vec!["市商务委"]
            ),
        ]
    );
    let groups: Vec<Vec<&str>> = d
        .tasks
        .iter()
        .map(|t| t.group.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(groups[1], ["一、深化改革", "（一）科技服务。"]);
    assert_eq!(groups[4], ["一、深化改革", "（二）教育服务。"]);
}

#[test]
fn rows_short_of_one_group_cell_merged_at_the_left_are_aligned_under_it() {
    let table = "类别\t序号\t工作任务\t牵头单位\t配合单位\n\
（一）科技服务。\t1\t支持高校在本市布局研发机构。\t市科技局\t市教委、市财政局\n\
2\t深化科技成果使用权改革试点。\t市科技局\t市教委、市国资委\n\
（二）教育服务。\t3\t支持高职院校开展合作办学。\t市教委\t市人力社保局\n\
4\t探索引进国际考试机构。\t市教委\t市商务委\n";
    let d = read(&format!("{HEAD}{table}"));
    assert_eq!(
        numbered_units(&d),
        vec![
            (
                1,
                "支持高校在本市布局研发机构。",
                vec!["市科技局"],
                vec!["市教委", "市财政局"]
            ),
            (
                2,
                "深化科技成果使用权改革试点。",
                vec!["市科技局"],
                vec!["市教委", "市国资委"]
            ),
            (
                3,
                "支持高职院校开展合作办学。",
                vec!["市教委"],
                vec!["市人力社保局"]
            ),
            (
                4,
                "探索引进国际考试机构。",
                vec!["市教委"],
                vec!["市商务委"]
            ),
        ]
    );
    assert_eq!(d.tasks[1].group, ["（一）科技服务。"]);
}

#[test]
fn a_row_without_its_merged_units_cells_takes_the_row_aboves() {
    // The copy keeps an empty cell's tab (row 3), so a row with no units cell at all lost
    // them to cells merged down over it.
    let table = "序号\t工作任务\t牵头单位\t配合单位\n\
1\t推动知识产权质押融资。\t市知识产权局\t市科技局、人行某某中心支行\n\
2\t推动知识产权证券化试点。\n\
3\t完善司法保护机制。\t市高级法院\t\n";
    let d = read(&format!("{HEAD}{table}"));
    assert_eq!(
        numbered_units(&d),
        vec![
            (
                1,
                "推动知识产权质押融资。",
                vec!["市知识产权局"],
                vec!["市科技局", "人行某某中心支行"]
            ),
            (
                2,
                "推动知识产权证券化试点。",
                vec!["市知识产权局"],
                vec!["市科技局", "人行某某中心支行"]
            ),
            (3, "完善司法保护机制。", vec!["市高级法院"], vec![]),
        ]
    );
}

#[test]
fn a_row_with_one_units_cell_of_two_keeps_its_supporting_units_out_of_the_lead_and_is_reported() {
    let table = "序号\t工作任务\t牵头单位\t配合单位\n\
1\t支持高校在本市布局研发机构。\t市科技局\t市发展改革委、市教委\n\
2\t深化科技成果使用权改革试点。\t市教委、市国资委\n\
3\t完善司法保护机制。\t市高级法院\t\n\
4\t加强知识产权审判。\t\n";
    let d = read(&format!("{HEAD}{table}"));
    assert_eq!(
        numbered_units(&d),
        vec![
            (
                1,
                "支持高校在本市布局研发机构。",
                vec!["市科技局"],
                vec!["市发展改革委", "市教委"]
            ),
            (
                2,
                "深化科技成果使用权改革试点。",
                vec!["市科技局"],
                vec!["市教委", "市国资委"]
            ),
            (3, "完善司法保护机制。", vec!["市高级法院"], vec![]),
            (4, "加强知识产权审判。", vec!["市高级法院"], vec![]),
        ]
    );
    let guessed: Vec<Option<usize>> = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "row_short_merged")
        .map(|x| x.line)
        .collect();
    assert_eq!(guessed.len(), 2, "{:?}", d.diagnostics);
    assert!(guessed.iter().all(Option::is_some));
}

#[test]
fn a_task_cell_listing_its_measures_a_line_each_keeps_them_and_its_units() {
    for (one, two) in [("（1）", "（2）"), ("1.", "2.")] {
        let table = format!(
            "序号\t工作任务\t牵头单位\t配合单位\n\
1\t支持民营企业开展售电业务。\t市发展改革委\t\n\
2\t{one}稳步推进上网电价市场化改革。\n\
{two}建立并完善电力现货交易市场。\t市发展改革委、市经济信息委\t\n\
3\t完善输配电价监管体系。\t市发展改革委\t\n"
        );
        let d = read(&format!("{HEAD}{table}"));
        assert_eq!(
            numbered_units(&d),
            vec![
                (
                    1,
                    "支持民营企业开展售电业务。",
                    vec!["市发展改革委"],
                    vec![]
                ),
                (
                    2,
                    format!("{one}稳步推进上网电价市场化改革。\n{two}建立并完善电力现货交易市场。")
                        .as_str(),
                    vec!["市发展改革委", "市经济信息委"],
                    vec![]
                ),
                (3, "完善输配电价监管体系。", vec!["市发展改革委"], vec![]),
            ],
            "{one}"
        );
    }
}

#[test]
fn measures_a_line_each_with_a_unit_a_line_stay_in_their_row() {
    let table = "序号\t工作任务\t牵头单位\t配合单位\n\
1\t1.稳步推进上网电价市场化改革。\n\
2.建立并完善电力现货交易市场。\t市发展改革委\n\
市经济信息委\t\n\
2\t完善输配电价监管体系。\t市发展改革委\t\n";
    let d = read(&format!("{HEAD}{table}"));
    assert_eq!(
        numbered_units(&d),
        vec![
            (
                1,
                "1.稳步推进上网电价市场化改革。\n2.建立并完善电力现货交易市场。",
                vec!["市发展改革委", "市经济信息委"],
                vec![]
            ),
            (2, "完善输配电价监管体系。", vec!["市发展改革委"], vec![]),
        ]
    );
}

#[test]
fn a_tab_at_the_end_of_prose_lines_makes_no_table() {
    let table = "\t序号\n\t工作任务\n\t牵头单位\n\t配合单位\n\n\
\t1\n\t推进数字政府建设。\n\t市大数据局\n\t市财政局\n\n\
\t2\n\t优化营商环境。\n\t市发展改革委\n\t市市场监管局\n";
    for tail in ["\t", "  \t ", "\t\t"] {
        let head: String = HEAD
            .lines()
            .map(|l| {
                if l.is_empty() {
                    "\n".to_string()
                } else {
                    format!("{l}{tail}\n")
                }
            })
            .collect();
        let d = read(&format!("{head}{table}"));
        assert_eq!(
            d.notice.title.as_deref(),
            Some("某某市人民政府关于印发某某工作方案的通知"),
            "{tail:?}"
        );
        assert_eq!(
            d.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
            Some("某府发〔2024〕3号")
        );
        assert_eq!(d.notice.date.as_deref(), Some("2024-03-01"));
        assert_eq!(
            numbered_units(&d),
            vec![
                (
                    1,
                    "推进数字政府建设。",
                    vec!["市大数据局"],
                    vec!["市财政局"]
                ),
                (
                    2,
                    "优化营商环境。",
                    vec!["市发展改革委"],
                    vec!["市市场监管局"]
                ),
            ],
            "{tail:?}"
        );
    }
}

#[test]
fn a_cell_per_line_table_set_in_by_tabs_without_blank_lines_is_read_by_its_numbers() {
    let table = "\t序号\n\t工作任务\n\t牵头单位\n\t配合单位\n\
\t一、数字经济\n\
\t1\n\t推进数字政府建设。\n\t市大数据局\n\t市财政局\n\
\t2\n\t优化营商环境。\n\t市发展改革委\n\t市市场监管局\n\
\t二、公共服务\n\
\t3\n\t完善公共服务体系。\n\t市政务服务办\n\t市民政局、市人力社保局\n";
    let d = read(&format!("{HEAD}{table}"));
    assert_eq!(
        numbered_units(&d),
        vec![
            (
                1,
                "推进数字政府建设。",
                vec!["市大数据局"],
                vec!["市财政局"]
            ),
            (
                2,
                "优化营商环境。",
                vec!["市发展改革委"],
                vec!["市市场监管局"]
            ),
            (
                3,
                "完善公共服务体系。",
                vec!["市政务服务办"],
                vec!["市民政局", "市人力社保局"]
            ),
        ]
    );
    assert_eq!(d.tasks[2].group, ["二、公共服务"]);
}
