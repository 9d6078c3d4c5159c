//! How inline duties attach across measures: a duty printed after a group of measures
//! (`以上任务由…`), on a parent heading, after sub-items, or said to hold below (`下同`,
//! `以下均需…`); `同上` in an allocation; a leader's line among the allocation's lines.

use gongwen_parse::{Options, parse};

fn doc(text: &str) -> gongwen_parse::Document {
    parse(text.as_bytes(), &Options::default()).expect("parses")
}

/// Each task as (marker, text, lead, support).
fn tasks(d: &gongwen_parse::Document) -> Vec<(String, String, Vec<String>, Vec<String>)> {
    d.tasks
        .iter()
        .map(|t| {
            (
                t.marker.clone().unwrap_or_default(),
                t.text.clone(),
                t.lead.clone(),
                t.support.clone(),
            )
        })
        .collect()
}

fn v(units: &[&str]) -> Vec<String> {
    units.iter().map(|u| (*u).to_string()).collect()
}

const GROUP_AFTER: &str = "某市人民政府关于推进乡村振兴的实施意见\n\n\
一、发展现代农业\n\
1.建设高标准农田。全年新建高标准农田5万亩。\n\
2.推进农机装备升级。农作物耕种收综合机械化率达到90%。\n\
（以上任务由市农业农村局牵头，市财政局、市水利局配合）\n\
二、繁荣乡村产业\n\
3.培育农业龙头企业。新增省级龙头企业5家。\n\
4.发展休闲农业。打造休闲农业精品线路10条。\n\
本部分任务责任单位：市商务局、市文化旅游局。\n";

#[test]
fn a_group_duty_after_measures_allocates_each_of_them() {
    let d = doc(GROUP_AFTER);
    let t = tasks(&d);
    assert_eq!(t.len(), 4, "{t:#?}");
    for (i, marker) in ["1.", "2."].iter().enumerate() {
        assert_eq!(t[i].0, *marker);
        assert_eq!(t[i].2, v(&["市农业农村局"]));
        assert_eq!(t[i].3, v(&["市财政局", "市水利局"]));
    }
    assert_eq!(t[0].1, "建设高标准农田。全年新建高标准农田5万亩。");
    for (i, marker) in [(2, "3."), (3, "4.")] {
        assert_eq!(t[i].0, marker);
        assert_eq!(t[i].2, v(&["市商务局", "市文化旅游局"]));
    }
    assert_eq!(t[2].1, "培育农业龙头企业。新增省级龙头企业5家。");
    assert!(
        d.tasks
            .iter()
            .all(|t| t.group == v(&["一、发展现代农业"]) || t.group == v(&["二、繁荣乡村产业"]))
    );
}

#[test]
fn a_worded_group_duty_without_brackets_allocates_each_measure() {
    let d = doc(
        "某市物流发展意见\n\n一、完善设施\n（一）建设港口。加快港口建设。\n\
（二）建设物流基地。推进铁路物流基地建设。\n上述任务由市交通运输局牵头，市发改委配合。\n",
    );
    let t = tasks(&d);
    assert_eq!(t.len(), 2, "{t:#?}");
    for task in &t {
        assert_eq!(task.2, v(&["市交通运输局"]));
        assert_eq!(task.3, v(&["市发改委"]));
    }
    assert_eq!(t[1].1, "建设物流基地。推进铁路物流基地建设。");
}

#[test]
fn a_duty_on_a_parent_heading_goes_to_its_measures() {
    let d = doc("某市新型基础设施建设方案\n\n\
一、加快信息基础设施建设（牵头单位：市大数据局；配合单位：市通信发展办）\n\
1.推进5G网络建设。累计建成5G基站8000个。\n\
2.布局数据中心。建设大数据中心二期。\n\
二、推进产业数字化\n\
牵头单位：市发展改革委\n\
3.实施企业上云行动。新增上云企业500家。\n\
4.建设智能工厂20个。\n");
    let t = tasks(&d);
    assert_eq!(t.len(), 4, "{t:#?}");
    assert_eq!(t[0].0, "1.");
    assert_eq!(t[0].1, "推进5G网络建设。累计建成5G基站8000个。");
    assert_eq!(t[1].2, v(&["市大数据局"]));
    assert_eq!(t[1].3, v(&["市通信发展办"]));
    assert_eq!(d.tasks[0].group, v(&["一、加快信息基础设施建设"]));
    assert_eq!(t[2].1, "实施企业上云行动。新增上云企业500家。");
    assert_eq!(t[3].0, "4.");
    assert_eq!(t[3].2, v(&["市发展改革委"]));
}

#[test]
fn a_heading_duty_reaches_the_measures_that_print_none() {
    let d = doc("某市生态建设方案\n\n\
一、发展生态产业（市发展改革委牵头）\n\
（一）发展生态旅游。打造旅游目的地。（市文化旅游局负责）\n\
（二）发展绿色农业。建设现代农业产业园15个。\n");
    let t = tasks(&d);
    let last = t.last().expect("tasks");
    assert_eq!(last.0, "（二）");
    assert_eq!(last.1, "发展绿色农业。建设现代农业产业园15个。");
    assert_eq!(last.2, v(&["市发展改革委"]));
    let own = t.iter().find(|t| t.0 == "（一）").expect("（一）");
    assert_eq!(own.2, v(&["市文化旅游局"]));
    // The measures are grouped under the heading without its allocation.
    assert_eq!(d.tasks.last().unwrap().group, v(&["一、发展生态产业"]));
}

#[test]
fn an_allocation_that_holds_below_reaches_later_measures() {
    let d = doc("某市物流方案\n\n一、主要任务\n\
（一）完善物流体系。推动快递进村。（市邮政管理局牵头，各县（市、区）政府负责，下同）\n\
（二）发展冷链物流。新建冷库5万吨。（市商务局牵头，市农业农村局配合）\n\
二、优化环境\n\
（三）规范物流收费。清理收费项目。（市物价局负责，下同）\n\
（四）加强信用建设。建立信用档案。\n");
    let t = tasks(&d);
    assert_eq!(t.len(), 4, "{t:#?}");
    assert_eq!(t[1].2, v(&["市商务局"]));
    assert_eq!(t[1].3, v(&["市农业农村局", "各县（市、区）政府"]));
    assert_eq!(t[3].0, "（四）");
    assert_eq!(t[3].1, "加强信用建设。建立信用档案。");
    assert_eq!(t[3].2, v(&["市物价局"]));
    assert!(d.tasks.iter().all(|t| !t.extra.contains_key("其他")));
}

#[test]
fn a_heading_standing_remark_reaches_the_measures_below() {
    let d = doc(
        "某市卫生工作任务\n\n一、加强公共卫生体系建设。以下均需各县（市、区）人民政府落实，不再列出。\n\
（一）完善疾病预防控制体系。（市卫健委牵头，市疾控中心配合）\n\
（二）加强基层医疗服务能力建设。（市卫健委负责）\n",
    );
    let t = tasks(&d);
    assert_eq!(t.len(), 2, "{t:#?}");
    assert_eq!(t[0].3, v(&["市疾控中心", "各县（市、区）人民政府"]));
    assert_eq!(t[1].3, v(&["各县（市、区）人民政府"]));
}

#[test]
fn ditto_in_an_allocation_takes_the_units_of_the_measure_named() {
    let d = doc("某市长江保护方案\n\n\
（一）开展岸线整治。清理非法码头。（责任单位：市交通运输局、市水利局；配合单位：沿江各县政府）\n\
（二）推进化工企业搬迁。（责任单位：同上）\n\
（三）加强排污口监管。（牵头单位：市生态环境局；配合单位：同上）\n\
（四）开展长江禁捕。（责任单位：市农业农村局；配合单位：市公安局）\n\
（五）加强渔政执法。（责任单位：同（四））\n");
    let t = tasks(&d);
    assert_eq!(t.len(), 5, "{t:#?}");
    assert_eq!(t[1].2, v(&["市交通运输局", "市水利局"]));
    assert_eq!(t[1].3, v(&["沿江各县政府"]));
    assert_eq!(t[2].2, v(&["市生态环境局"]));
    assert_eq!(t[2].3, v(&["沿江各县政府"]));
    assert_eq!(t[4].2, v(&["市农业农村局"]));
    assert_eq!(t[4].3, v(&["市公安局"]));
    assert_eq!(d.tasks[1].lead_text, "同上");
}

#[test]
fn a_leaders_line_among_the_allocation_lines_is_no_text() {
    let d = doc("某市冬奥服务保障重点任务\n\n一、赛事服务保障\n\
1．完成赛区交通保障。开通专用道路，优化交通组织。\n\
牵头市领导：赵某某\n\
牵头单位：市交通运输局\n\
配合单位：市公安局交警支队\n\
完成时限：2022年1月\n");
    let t = &d.tasks;
    assert_eq!(t.len(), 1, "{t:#?}");
    assert_eq!(t[0].text, "完成赛区交通保障。开通专用道路，优化交通组织。");
    assert_eq!(
        t[0].extra.get("牵头市领导").map(String::as_str),
        Some("赵某某")
    );
    assert_eq!(t[0].lead, v(&["市交通运输局"]));
}
