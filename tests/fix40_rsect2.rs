//! A group duty's statement that names one measure by number (`第（二）项任务由…`, `第2项任务由…`,
//! `以上第2项任务由…`) or counts fewer measures than its list holds (`以上1项任务由…`), printed
//! after the last measure of a heading's list: only the measures it names take its allocation;
//! the others print none and are no task. It is not the closing allocation of the whole list,
//! nor does it make the list one measure's sub-items.

use gongwen_parse::{Document, Options, parse};

fn plan(body: &str) -> Document {
    let text = format!(
        "河西市人民政府办公室\n关于印发河西市乡村振兴重点工作方案的通知\n河西政办〔2024〕31号\n\n\
         各县（区）人民政府，市政府各部门：\n　　《河西市乡村振兴重点工作方案》已经市政府同意，现印发给你们，请认真贯彻执行。\n\n\
         河西市人民政府办公室\n2024年3月8日\n\n河西市乡村振兴重点工作方案\n\n{body}"
    );
    parse(text.as_bytes(), &Options::default()).expect("parses")
}

/// Each task as (seq, text, lead, support).
fn tasks(d: &Document) -> Vec<(u32, String, Vec<String>, Vec<String>)> {
    d.tasks
        .iter()
        .map(|t| (t.seq, t.text.clone(), t.lead.clone(), t.support.clone()))
        .collect()
}

fn v(units: &[&str]) -> Vec<String> {
    units.iter().map(|u| u.to_string()).collect()
}

#[test]
fn a_statement_naming_the_last_measure_by_number_allocates_it_alone() {
    for statement in [
        "第（二）项任务由市农业农村局牵头，市财政局配合。",
        "第2项任务由市农业农村局牵头，市财政局配合。",
        "以上第2项任务由市农业农村局牵头，市财政局配合。",
        "以上第（二）项工作由市农业农村局牵头，市财政局配合。",
        "（第二项任务由市农业农村局牵头，市财政局配合）",
    ] {
        let d = plan(&format!(
            "一、抓好粮食生产\n　　（一）稳定粮食播种面积，确保全年播种面积稳定在600万亩以上。\n\
             \u{3000}\u{3000}（二）加强高标准农田建设，新建高标准农田15万亩。\n　　{statement}\n\
             二、发展乡村产业\n　　（三）培育农业产业化龙头企业。（市农业农村局负责）\n"
        ));
        let got = tasks(&d);
        assert_eq!(got.len(), 2, "{statement}: {got:?}");
        assert_eq!(got[0].0, 2, "{statement}: {got:?}");
        assert_eq!(got[0].1, "加强高标准农田建设，新建高标准农田15万亩。");
        assert_eq!(got[0].2, v(&["市农业农村局"]), "{statement}: {got:?}");
        assert_eq!(got[0].3, v(&["市财政局"]), "{statement}: {got:?}");
        assert_eq!(got[1].0, 3, "{statement}: {got:?}");
        assert_eq!(got[1].2, v(&["市农业农村局"]));
        assert!(got[1].3.is_empty(), "{statement}: {got:?}");
    }
}

#[test]
fn a_statement_naming_one_of_three_arabic_numbered_measures_allocates_that_one() {
    let d = plan(
        "一、改善农村人居环境\n　　1.推进农村户厕改造，新改建户厕2万户。\n\
         \u{3000}\u{3000}2.开展村庄清洁行动。\n　　3.建设美丽乡村示范村30个。\n\
         \u{3000}\u{3000}第3项任务由市住房城乡建设局牵头，市生态环境局、市文化广电旅游局配合。\n",
    );
    let got = tasks(&d);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, 3);
    assert_eq!(got[0].1, "建设美丽乡村示范村30个。");
    assert_eq!(got[0].2, v(&["市住房城乡建设局"]));
    assert_eq!(got[0].3, v(&["市生态环境局", "市文化广电旅游局"]));
}

#[test]
fn a_statement_naming_a_middle_measure_leaves_the_first_out() {
    // `以上第2—3项`: the two it numbers, not the first measure of the list.
    let d = plan(
        "一、改善农村人居环境\n　　1.推进农村户厕改造，新改建户厕2万户。\n\
         \u{3000}\u{3000}2.开展村庄清洁行动。\n　　3.建设美丽乡村示范村30个。\n\
         \u{3000}\u{3000}以上第2—3项任务由市住房城乡建设局牵头，市生态环境局配合。\n",
    );
    let got = tasks(&d);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!((got[0].0, got[1].0), (2, 3));
    for t in &got {
        assert_eq!(t.2, v(&["市住房城乡建设局"]));
        assert_eq!(t.3, v(&["市生态环境局"]));
    }
}

#[test]
fn a_statement_counting_one_measure_allocates_the_last_alone() {
    for statement in [
        "以上1项任务由市水利局牵头，市财政局配合。",
        "以上一项工作由市水利局牵头，市财政局配合。",
    ] {
        let d = plan(&format!(
            "一、加强农村基础设施建设\n　　（一）实施农村公路提档升级工程。\n\
             \u{3000}\u{3000}（二）推进农村供水保障工程，农村自来水普及率达到92%。\n　　{statement}\n"
        ));
        let got = tasks(&d);
        assert_eq!(got.len(), 1, "{statement}: {got:?}");
        assert_eq!(got[0].0, 2, "{statement}: {got:?}");
        assert_eq!(got[0].2, v(&["市水利局"]), "{statement}: {got:?}");
        assert_eq!(got[0].3, v(&["市财政局"]), "{statement}: {got:?}");
    }
}

#[test]
fn clauses_ending_in_a_semicolon_are_still_measures_a_statement_numbers() {
    // The items end in `；` as an enumeration's do, but the statement numbers one of them: it
    // is a measure of its own, allocated alone, not the list made one task.
    let d = plan(
        "一、加强农村基础设施建设\n　　（一）实施农村公路提档升级工程；\n\
         \u{3000}\u{3000}（二）推进农村供水保障工程，农村自来水普及率达到92%。\n\
         \u{3000}\u{3000}第（二）项任务由市水利局牵头，市财政局配合。\n",
    );
    let got = tasks(&d);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, 2);
    assert_eq!(got[0].1, "推进农村供水保障工程，农村自来水普及率达到92%。");
    assert_eq!(got[0].2, v(&["市水利局"]));
    assert_eq!(got[0].3, v(&["市财政局"]));
}

#[test]
fn an_allocation_line_closing_the_list_still_allocates_every_item() {
    // Not a statement that names measures: the closing allocation of the whole list.
    let d = plan(
        "一、改善农村人居环境\n　　1.推进农村户厕改造，新改建户厕2万户。\n\
         \u{3000}\u{3000}2.开展村庄清洁行动。\n　　3.建设美丽乡村示范村30个。\n\
         \u{3000}\u{3000}责任单位：市住房城乡建设局牵头，市生态环境局配合。\n",
    );
    let got = tasks(&d);
    assert_eq!(got.len(), 3, "{got:?}");
    for t in &got {
        assert_eq!(t.2, v(&["市住房城乡建设局"]), "{got:?}");
        assert_eq!(t.3, v(&["市生态环境局"]), "{got:?}");
    }
}
