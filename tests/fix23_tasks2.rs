//! A 责任单位 cell that names the roles in words however the clerk parted them: `甲牵头、乙配合`
//! and `甲牵头 乙配合` as `甲牵头，乙配合`; `由甲牵头，会同乙、丙负责` without `会同` in a name; and
//! a cell that ends with `（排在第一位的为牵头单位）` read as the note says.

use gongwen_parse::{Options, parse, parse_text};

/// The tasks as (number, text, leads, supports).
use gongwen_tests::numbered_units as tasks;

/// A notice whose attachment is a table of tasks under `header`, one row per cell list.
fn page(header: &str, rows: &[&str]) -> String {
    let mut html = String::from(
        "<html><meta charset=utf-8><body>\
         <p>重庆市人民政府办公厅关于印发重庆市推进制造业数字化转型行动方案的通知</p>\
         <p>渝府办发〔2023〕12号</p><p>附件</p><p>重点任务分工表</p><table border=1>",
    );
    html.push_str(&format!(
        "<tr><td>序号</td><td>重点任务</td><td>{header}</td><td>完成时限</td></tr>"
    ));
    for (i, cell) in rows.iter().enumerate() {
        html.push_str(&format!(
            "<tr><td>{n}</td><td>任务{n}。</td><td>{cell}</td><td>2024年底前</td></tr>",
            n = i + 1
        ));
    }
    html.push_str("</table></body></html>");
    html
}

#[test]
fn a_lead_clause_run_on_with_an_enumeration_comma_or_a_space_still_leads() {
    let html = page(
        "责任单位",
        &[
            "省大数据局牵头、省司法厅配合",
            "省大数据局牵头 省司法厅配合",
            "省大数据局牵头　省司法厅、省财政厅配合",
            "省大数据局牵头，省司法厅配合",
            "由省大数据局牵头、省司法厅参与",
        ],
    );
    let d = parse(html.as_bytes(), &Options::default()).unwrap();
    assert_eq!(
        tasks(&d),
        vec![
            (1, "任务1。", vec!["省大数据局"], vec!["省司法厅"]),
            (2, "任务2。", vec!["省大数据局"], vec!["省司法厅"]),
            (
                3,
                "任务3。",
                vec!["省大数据局"],
                vec!["省司法厅", "省财政厅"]
            ),
            (4, "任务4。", vec!["省大数据局"], vec!["省司法厅"]),
            (5, "任务5。", vec!["省大数据局"], vec!["省司法厅"]),
        ]
    );
    assert!(d.diagnostics.iter().all(|w| w.code != "task_without_lead"));
}

#[test]
fn units_that_only_share_a_role_word_are_not_cut_apart() {
    // Lists of units, marks in brackets and a clause naming the lead units of other rows: none
    // is a lead clause run on into another.
    let html = page(
        "责任单位",
        &[
            "省大数据局、省司法厅",
            "省大数据局（牵头）、省司法厅",
            "省大数据局、省司法厅牵头，省财政厅配合",
        ],
    );
    let d = parse(html.as_bytes(), &Options::default()).unwrap();
    assert_eq!(
        tasks(&d),
        vec![
            (1, "任务1。", vec!["省大数据局", "省司法厅"], vec![]),
            (2, "任务2。", vec!["省大数据局"], vec!["省司法厅"]),
            (
                3,
                "任务3。",
                vec!["省大数据局", "省司法厅"],
                vec!["省财政厅"]
            ),
        ]
    );
}

#[test]
fn huitong_is_the_verb_not_part_of_the_first_partners_name() {
    let html = page(
        "责任单位",
        &[
            "由市经济信息委牵头，会同市科技局、市财政局负责",
            // A county's name is no verb.
            "会同县人民政府牵头，县财政局配合",
        ],
    );
    let d = parse(html.as_bytes(), &Options::default()).unwrap();
    assert_eq!(
        tasks(&d),
        vec![
            (
                1,
                "任务1。",
                vec!["市经济信息委"],
                vec!["市科技局", "市财政局"]
            ),
            (2, "任务2。", vec!["会同县人民政府"], vec!["县财政局"])
        ]
    );
}

#[test]
fn a_cell_that_says_its_first_unit_leads_is_read_so() {
    let html = page(
        "责任单位",
        &[
            "市经济信息委、市通信管理局、市大数据发展局（排在第一位的为牵头单位）",
            "市经济信息委、市通信管理局",
        ],
    );
    let d = parse(html.as_bytes(), &Options::default()).unwrap();
    assert_eq!(
        tasks(&d),
        vec![
            (
                1,
                "任务1。",
                vec!["市经济信息委"],
                vec!["市通信管理局", "市大数据发展局"]
            ),
            // The note of one cell is no rule for the cell below it.
            (2, "任务2。", vec!["市经济信息委", "市通信管理局"], vec![]),
        ]
    );
}

#[test]
fn a_trailing_bracket_that_is_no_such_note_is_read_as_before() {
    // A lead mark closing a run of names marks the run (`甲、乙（牵头）`): no note of order.
    let html = page("责任单位", &["市经济信息委、市通信管理局（牵头）"]);
    let d = parse(html.as_bytes(), &Options::default()).unwrap();
    assert_eq!(
        tasks(&d),
        vec![(1, "任务1。", vec!["市经济信息委", "市通信管理局"], vec![])]
    );
}

#[test]
fn a_measures_own_allocation_reads_the_same_wordings() {
    let d = parse_text(
        "关于印发某某方案的通知\n\n一、主要任务\n\
         （一）推进数据共享。（省大数据局牵头、省司法厅配合）\n\
         （二）开展培训。（由省司法厅牵头，会同省财政厅、省人力社保厅负责）\n\
         （三）加强监督。（省司法厅牵头　省财政厅配合，2024年底前完成）\n",
    );
    let units: Vec<_> = tasks(&d).into_iter().map(|t| (t.2, t.3)).collect();
    assert_eq!(
        units,
        vec![
            (vec!["省大数据局"], vec!["省司法厅"]),
            (vec!["省司法厅"], vec!["省财政厅", "省人力社保厅"]),
            (vec!["省司法厅"], vec!["省财政厅"]),
        ]
    );
    assert_eq!(
        d.tasks[2].extra.get("完成时限").map(String::as_str),
        Some("2024年底前完成")
    );
}
