//! Findings of probe 42 on text task tables whose cells run on over several lines or rows: a
//! units cell listing a unit a row (tab rows `→ → → 黔江区`, a cell a line, space-aligned
//! columns), a task's measures continued on rows that hold only `→ （2）…`, and a task cell whose
//! text wraps onto a line of its own.

use gongwen_parse::parse_text;
use gongwen_tests::task_units;

const HEAD: &str = "某某市水利局\n某水发〔2024〕3号\n\n某某市水利局关于印发2024年水利重点工作任务分工的通知\n\n各区县水利局，局属各单位：\n　　现将《2024年水利重点工作任务分工表》印发给你们，请认真抓好落实。\n\n某某市水利局\n2024年3月1日\n\n附件\n\n2024年水利重点工作任务分工表\n\n";

const PLACES: [&str; 20] = [
    "东湖区",
    "西湖区",
    "南湖区",
    "北湖区",
    "青山区",
    "红山区",
    "白水县",
    "黑水县",
    "金川县",
    "银川区",
    "长宁县",
    "安宁区",
    "平安县",
    "永安区",
    "新城区",
    "老城区",
    "江南区",
    "江北县",
    "河东区",
    "河西县",
];

/// The tasks of `text` under the notice's head: text, lead, support.
fn tasks_of(table: &str) -> Vec<(String, Vec<String>, Vec<String>)> {
    let d = parse_text(&format!("{HEAD}{table}"));
    task_units(&d)
        .into_iter()
        .map(|(t, l, s)| {
            (
                t.to_string(),
                l.into_iter().map(String::from).collect(),
                s.into_iter().map(String::from).collect(),
            )
        })
        .collect()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// A tab table whose task 2 lists its supporting units a row each (`\t\t\t黔江区`), `n` of them.
fn unit_rows(n: usize) -> String {
    let mut t = String::from(
        "序号\t重点任务\t牵头单位\t配合单位\n1\t推进河湖长制落实。\t市水利局\t市生态环境局\n2\t实施中小河流治理。\t市水利局\t",
    );
    t.push_str(PLACES[0]);
    t.push('\n');
    for k in 1..n {
        t.push_str("\t\t\t");
        t.push_str(PLACES[k % PLACES.len()]);
        if k >= PLACES.len() {
            t.push_str(&format!("{k}"));
        }
        t.push('\n');
    }
    t.push_str("3\t加强水旱灾害防御。\t市水利局\t市应急局\n4\t推进节水型社会建设。\t市水利局\t市发展改革委\n");
    t
}

#[test]
fn a_units_cell_listed_a_tab_row_a_unit_keeps_every_unit_and_the_tasks_after_it() {
    for n in [3, 16, 20, 60] {
        let tasks = tasks_of(&unit_rows(n));
        assert_eq!(tasks.len(), 4, "{n} rows: {tasks:?}");
        assert_eq!(tasks[1].2.len(), n, "{n} rows: {:?}", tasks[1].2);
        assert_eq!(tasks[1].2[0], "东湖区");
        if n > 15 {
            assert_eq!(tasks[1].2[15], "老城区");
        }
        assert_eq!(tasks[2].0, "加强水旱灾害防御。");
        assert_eq!(tasks[3].2, strings(&["市发展改革委"]));
    }
}

#[test]
fn unit_rows_at_the_tables_end_stay_the_last_tasks_and_a_signature_stays_out() {
    let mut t = String::from(
        "序号\t重点任务\t牵头单位\t配合单位\n1\t推进河湖长制落实。\t市水利局\t东湖区\n",
    );
    for p in &PLACES[1..18] {
        t.push_str(&format!("\t\t\t{p}\n"));
    }
    t.push_str("\n各区县要按照分工抓好落实。\n");
    let tasks = tasks_of(&t);
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0].2.len(), 18, "{:?}", tasks[0].2);
    // A signature set in with tabs under a table is no unit row: its date is no unit.
    let signed = "序号\t重点任务\t牵头单位\t配合单位\n1\t推进河湖长制落实。\t市水利局\t东湖区\n\t\t\t某某市水利局\n\t\t\t2024年3月1日\n";
    let tasks = tasks_of(signed);
    assert_eq!(tasks.len(), 1);
    assert!(
        !tasks[0].2.iter().any(|u| u.contains("2024")),
        "{:?}",
        tasks[0].2
    );
}

#[test]
fn a_cell_a_line_table_reads_a_unit_a_line_into_the_units_cell() {
    for n in [2, 5, 12] {
        let mut t = String::from(
            "序号\n重点任务\n牵头单位\n配合单位\n1\n推进河湖长制落实。\n市水利局\n市生态环境局\n2\n实施中小河流治理。\n市水利局\n",
        );
        for p in &PLACES[..n] {
            t.push_str(p);
            t.push('\n');
        }
        t.push_str("3\n加强水旱灾害防御。\n市水利局\n市应急局、市气象局\n");
        let tasks = tasks_of(&t);
        assert_eq!(tasks.len(), 3, "{n} lines: {tasks:?}");
        assert_eq!(tasks[1].2, strings(&PLACES[..n]), "{n} lines");
        assert_eq!(tasks[2].0, "加强水旱灾害防御。");
        assert_eq!(tasks[2].2, strings(&["市应急局", "市气象局"]));
    }
}

#[test]
fn measures_continued_on_rows_of_their_own_stay_the_tasks() {
    let t = "序号\t重点任务\t牵头单位\t配合单位\n1\t推进河湖长制落实。\t市水利局\t市生态环境局\n2\t（1）完成东湖清淤；\t市水利局\t各区县政府\n\t（2）完成西湖清淤；\n\t（3）完成南湖清淤。\n3\t加强水旱灾害防御。\t市水利局\t市应急局\n";
    let d = parse_text(&format!("{HEAD}{t}"));
    let tasks = task_units(&d);
    assert_eq!(tasks.len(), 3, "{tasks:?}");
    assert_eq!(
        tasks[1].0,
        "（1）完成东湖清淤；\n（2）完成西湖清淤；\n（3）完成南湖清淤。"
    );
    assert_eq!(tasks[1].1, ["市水利局"]);
    assert_eq!(tasks[1].2, ["各区县政府"]);
    // The table's rows do not print a measure across its columns.
    let table = &d.parts[0].tables[0];
    assert!(
        !table
            .rows
            .iter()
            .any(|r| r.iter().filter(|c| c.starts_with("（2）")).count() > 1),
        "{:?}",
        table.rows
    );
    // A group row set in by a tab stays a group row.
    let grouped = "序号\t重点任务\t牵头单位\t配合单位\n1\t推进河湖长制落实。\t市水利局\t市生态环境局\n\t二、防灾减灾\n2\t加强水旱灾害防御。\t市水利局\t市应急局\n";
    let d = parse_text(&format!("{HEAD}{grouped}"));
    assert_eq!(d.tasks.len(), 2);
    assert_eq!(d.tasks[0].text, "推进河湖长制落实。");
    assert!(
        d.tasks[1].group.iter().any(|g| g.contains("防灾减灾")),
        "{:?}",
        d.tasks[1].group
    );
}

#[test]
fn a_task_cell_wrapped_onto_a_line_of_its_own_keeps_its_text() {
    let want = "推进河湖长制落实，开展河湖清四乱专项行动，完成年度整治任务。";
    for rest in ["\t完成年度整治任务。", "完成年度整治任务。"] {
        let t = format!(
            "序号\t重点任务\t牵头单位\t配合单位\n1\t推进河湖长制落实，开展河湖清四乱专项行动，\t市水利局\t东湖区\n{rest}\n2\t加强水旱灾害防御。\t市水利局\t市应急局\n"
        );
        let tasks = tasks_of(&t);
        assert_eq!(tasks.len(), 2, "{rest:?}: {tasks:?}");
        assert_eq!(tasks[0].0, want, "{rest:?}");
        assert_eq!(tasks[0].2, strings(&["东湖区"]), "{rest:?}");
    }
    // A unit's name on the line still goes on with the units cell.
    let t = "序号\t重点任务\t牵头单位\t配合单位\n1\t推进河湖长制落实，开展专项行动，\t市水利局\t东湖区\n西湖区\n2\t加强水旱灾害防御。\t市水利局\t市应急局\n";
    let tasks = tasks_of(t);
    assert_eq!(tasks[0].2, strings(&["东湖区", "西湖区"]));
}

#[test]
fn space_aligned_units_a_line_each_are_units_of_their_own() {
    let row = |a: &str, b: &str, c: &str, d: &str| {
        let pad = |s: &str, w: usize| {
            let width: usize = s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
            format!("{s}{}", " ".repeat(w.saturating_sub(width)))
        };
        format!("{}{}{}{d}\n", pad(a, 6), pad(b, 40), pad(c, 18))
    };
    let mut t = row("序号", "重点任务", "牵头单位", "配合单位");
    t += &row("1", "推进河湖长制落实。", "市水利局", "市生态环境局");
    t += &row("2", "实施中小河流治理。", "市水利局", "东湖区");
    for p in &PLACES[1..6] {
        t += &row("", "", "", p);
    }
    t += &row("3", "加强水旱灾害防御。", "市水利局", "市应急局");
    let tasks = tasks_of(&t);
    assert_eq!(tasks.len(), 3, "{tasks:?}");
    assert_eq!(tasks[1].2, strings(&PLACES[..6]));
    // A name broken inside a word is joined as before.
    let mut t = row("序号", "重点任务", "牵头单位", "配合单位");
    t += &row("1", "推进河湖长制落实。", "市水利局", "市财政局、市人力社");
    t += &row("", "", "", "保局");
    t += &row("2", "加强水旱灾害防御。", "市水利局", "市应急局");
    let tasks = tasks_of(&t);
    assert_eq!(tasks[0].2, strings(&["市财政局", "市人力社保局"]));
}
