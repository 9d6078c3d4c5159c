//! Duty sentences that allocate several measures or a whole part: a group duty that counts or
//! numbers the measures it names (`以上两项任务由…`, `以上第1—2项任务由…；第3项任务由…`,
//! `以上（一）至（二）项任务由…`, `该项任务由…`), its exceptions (`其中，第（三）项由…`), one bracket
//! allocating numbered measures apart, `本部分任务由…` and `（以下任务均由…）` printed under a
//! heading over its measures, bulleted measures before `以上任务由…`, units called `责任主体` /
//! `实施主体`, a leader's label opening the allocation line, and `主办` / `协办`.

use gongwen_parse::{Document, Options, parse};

fn plan(body: &str) -> Document {
    let text = format!(
        "江北市人民政府办公室\n关于印发江北市城乡建设重点工作方案的通知\n江北政办〔2024〕12号\n\n\
         各区县人民政府，市政府各部门：\n　　《江北市城乡建设重点工作方案》已经市政府同意，现印发给你们，请认真贯彻执行。\n\n\
         江北市人民政府办公室\n2024年2月6日\n\n江北市城乡建设重点工作方案\n\n{body}"
    );
    parse(text.as_bytes(), &Options::default()).expect("parses")
}

/// Each task as (text, lead, support).
fn tasks(d: &Document) -> Vec<(String, Vec<String>, Vec<String>)> {
    d.tasks
        .iter()
        .map(|t| (t.text.clone(), t.lead.clone(), t.support.clone()))
        .collect()
}

fn v(units: &[&str]) -> Vec<String> {
    units.iter().map(|u| u.to_string()).collect()
}

#[test]
fn a_group_duty_that_counts_or_numbers_its_measures_allocates_each_of_them() {
    for statement in [
        "以上两项任务由市住房城乡建设局牵头，市财政局配合。",
        "以上2项工作由市住房城乡建设局牵头，市财政局配合。",
        "以上（一）至（二）项任务由市住房城乡建设局牵头，市财政局配合。",
        "（以上第1、2项任务由市住房城乡建设局牵头，市财政局配合）",
        "该项任务由市住房城乡建设局牵头，市财政局配合。",
        "以上各项由市住房城乡建设局牵头，市财政局配合。",
    ] {
        let d = plan(&format!(
            "一、推进老旧小区改造\n　　（一）改造老旧小区120个。\n　　（二）加装电梯300部。\n　　{statement}\n\
             二、完善市政设施\n　　（三）新建改造燃气管网50公里。（市城管局负责）\n"
        ));
        let got = tasks(&d);
        assert_eq!(got.len(), 3, "{statement}: {got:?}");
        for (text, lead, support) in &got[..2] {
            assert_eq!(lead, &v(&["市住房城乡建设局"]), "{statement}: {got:?}");
            assert_eq!(support, &v(&["市财政局"]), "{statement}: {got:?}");
            assert!(!text.contains("由"), "{statement}: {text}");
        }
        assert_eq!(got[0].0, "改造老旧小区120个。");
        assert_eq!(got[2].1, v(&["市城管局"]));
    }
}

#[test]
fn a_group_duty_names_some_measures_by_number_and_the_rest_apart() {
    let d = plan(
        "一、推进老旧小区改造\n　　1.改造老旧小区120个。\n　　2.加装电梯300部。\n　　3.建设完整社区20个。\n\
         \u{3000}\u{3000}以上第1—2项任务由市住房城乡建设局牵头，市财政局配合；第3项任务由各区县人民政府负责。\n",
    );
    assert_eq!(
        tasks(&d),
        [
            (
                "改造老旧小区120个。".to_string(),
                v(&["市住房城乡建设局"]),
                v(&["市财政局"])
            ),
            (
                "加装电梯300部。".to_string(),
                v(&["市住房城乡建设局"]),
                v(&["市财政局"])
            ),
            (
                "建设完整社区20个。".to_string(),
                v(&["各区县人民政府"]),
                v(&[])
            ),
        ]
    );
    // The measures a statement leaves out print no allocation: no task.
    let d = plan(
        "一、推进老旧小区改造\n　　1.改造老旧小区120个。\n　　2.加装电梯300部。\n　　3.建设完整社区20个。\n\
         \u{3000}\u{3000}以上第2—3项任务由市住房城乡建设局负责。\n",
    );
    let got = tasks(&d);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, "加装电梯300部。");
    assert!(got.iter().all(|t| t.1 == v(&["市住房城乡建设局"])));
}

#[test]
fn an_exception_after_a_group_duty_allocates_its_measure_apart() {
    let d = plan(
        "一、推进城市更新\n　　（一）改造老旧街区10片。\n　　（二）建设口袋公园30个。\n　　（三）改造背街小巷200条。\n\
         \u{3000}\u{3000}以上任务由市住房城乡建设局牵头，市自然资源局、市财政局配合。其中，第（三）项由市城管局牵头，各区县人民政府配合。\n",
    );
    let got = tasks(&d);
    assert_eq!(got.len(), 3, "{got:?}");
    for t in &got[..2] {
        assert_eq!(t.1, v(&["市住房城乡建设局"]));
        assert_eq!(t.2, v(&["市自然资源局", "市财政局"]));
    }
    assert_eq!(got[2].0, "改造背街小巷200条。");
    assert_eq!(got[2].1, v(&["市城管局"]));
    assert_eq!(got[2].2, v(&["各区县人民政府"]));
    assert!(d.tasks.iter().all(|t| t.extra.is_empty()), "{:?}", d.tasks);
}

#[test]
fn one_bracket_allocating_numbered_measures_apart_gives_each_its_units() {
    let d = plan(
        "一、保障城市运行安全\n　　1.排查燃气管道隐患。\n　　2.整治瓶装液化气市场。\n　　3.检查高层建筑消防设施。\n\
         \u{3000}\u{3000}（第1、2项由市城管局牵头，市应急局配合；第3项由市消防救援支队牵头，市应急局配合）\n",
    );
    let got = tasks(&d);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0].1, v(&["市城管局"]));
    assert_eq!(got[1].1, v(&["市城管局"]));
    assert_eq!(got[2].1, v(&["市消防救援支队"]));
    assert!(got.iter().all(|t| t.2 == v(&["市应急局"])), "{got:?}");
}

#[test]
fn a_parts_duty_under_its_heading_allocates_the_measures_below() {
    let d = plan(
        "一、提升建筑品质\n　　本部分任务由市住房城乡建设局牵头，市市场监管局配合。\n　　1.推广装配式建筑。\n　　2.开展绿色建材下乡。\n\
         二、加大资金投入\n　　（以下任务均由各区县人民政府负责落实）\n　　3.安排专项补助资金。\n　　4.落实税费减免政策。\n",
    );
    let got = tasks(&d);
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(got[0].0, "推广装配式建筑。");
    assert_eq!(got[0].1, v(&["市住房城乡建设局"]));
    assert_eq!(got[1].2, v(&["市市场监管局"]));
    assert_eq!(got[2].0, "安排专项补助资金。");
    assert_eq!(got[3].1, v(&["各区县人民政府"]));
    assert_eq!(d.tasks[0].group, ["一、提升建筑品质"]);
    assert_eq!(d.tasks[3].group, ["二、加大资金投入"]);
    // In the heading's bracket the same words name the lead alone.
    let d = plan(
        "一、提升建筑品质（本部分任务由市住房城乡建设局牵头，市市场监管局配合）\n　　1.推广装配式建筑。\n　　2.开展绿色建材下乡。\n",
    );
    let got = tasks(&d);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(
        got.iter().all(|t| t.1 == v(&["市住房城乡建设局"])),
        "{got:?}"
    );
}

#[test]
fn bulleted_measures_before_a_group_duty_are_a_task_each() {
    let d = plan(
        "一、发展建筑业\n　　——培育特级资质企业3家。\n　　——建设智能建造试点项目10个。\n\
         \u{3000}\u{3000}以上任务由市住房城乡建设局牵头，市发展改革委配合。\n",
    );
    assert_eq!(
        tasks(&d),
        [
            (
                "培育特级资质企业3家。".to_string(),
                v(&["市住房城乡建设局"]),
                v(&["市发展改革委"])
            ),
            (
                "建设智能建造试点项目10个。".to_string(),
                v(&["市住房城乡建设局"]),
                v(&["市发展改革委"])
            ),
        ]
    );
}

#[test]
fn units_called_the_responsible_body_take_that_role() {
    let d = plan(
        "一、主要任务\n　　1.推进农村危房改造。（各区县人民政府为责任主体，市住房城乡建设局加强指导）\n\
         \u{3000}\u{3000}2.实施农房抗震改造。（市住房城乡建设局牵头，各区县人民政府为实施主体）\n",
    );
    let got = tasks(&d);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].1, v(&["各区县人民政府"]));
    assert_eq!(got[0].2, v(&["市住房城乡建设局"]));
    assert_eq!(got[1].1, v(&["市住房城乡建设局"]));
    assert_eq!(got[1].2, v(&["各区县人民政府"]));
    assert!(d.tasks.iter().all(|t| t.extra.is_empty()), "{:?}", d.tasks);
}

#[test]
fn an_allocation_line_opening_with_the_leaders_label_allocates() {
    let d = plan(
        "一、治理建筑扬尘\n　　（一）落实工地围挡和洒水降尘措施。\n　　牵头市领导：李某某　牵头单位：市住房城乡建设局　配合单位：市城管局\n\
         \u{3000}\u{3000}（二）推进渣土车密闭运输。\n　　牵头单位：市城管局\n",
    );
    let got = tasks(&d);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, "落实工地围挡和洒水降尘措施。");
    assert_eq!(got[0].1, v(&["市住房城乡建设局"]));
    assert_eq!(got[0].2, v(&["市城管局"]));
    assert_eq!(
        d.tasks[0].extra.get("牵头市领导").map(String::as_str),
        Some("李某某")
    );
}

#[test]
fn host_and_co_host_verbs_lead_and_support() {
    let d = plan(
        "一、关于加快城中村改造的建议。（市住房城乡建设局主办，市自然资源局、市财政局协办）\n\
         二、关于增加停车位的提案。（市城管局主办）\n",
    );
    assert_eq!(
        tasks(&d)
            .into_iter()
            .map(|(_, l, s)| (l, s))
            .collect::<Vec<_>>(),
        [
            (v(&["市住房城乡建设局"]), v(&["市自然资源局", "市财政局"])),
            (v(&["市城管局"]), v(&[])),
        ]
    );
}
