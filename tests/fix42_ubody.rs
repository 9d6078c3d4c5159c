//! Fixes of the forty-second stop (tester U): numbered items whose number Word's list left a
//! tab after (`一、⇥…`) are the outline, not a table; a date alone under an item's heading is
//! that item's, not the 成文日期.

use gongwen_parse::{Document, parse_text};

fn markers(d: &Document) -> Vec<Vec<&str>> {
    d.parts
        .iter()
        .map(|p| p.sections.iter().map(|s| s.marker.as_str()).collect())
        .collect()
}

const TAB_ITEMS: &str = "\
某市人民政府办公室关于做好2025年优化营商环境重点工作的通知

某政办发〔2025〕9号

各县（市、区）人民政府，市政府各部门：
　　现就做好2025年优化营商环境重点工作通知如下。
一、\t优化企业开办服务。全面推行企业开办一网通办，开办时间压缩至1个工作日以内。（市市场监管局牵头，市税务局配合）
二、\t提升项目审批效率。推行工程建设项目分级分类审批。（市住房城乡建设局牵头，市自然资源局配合）
三、\t加强政务数据共享。推动部门间数据互通共用。（市大数据局负责）

某市人民政府办公室
2025年3月6日
";

#[test]
fn a_tab_after_an_items_number_keeps_the_items_and_their_tasks() {
    let d = parse_text(TAB_ITEMS);
    assert_eq!(markers(&d), vec![vec!["一、", "二、", "三、"]]);
    let body = &d.parts[0];
    assert!(body.tables.is_empty());
    assert_eq!(body.sections[0].heading, "优化企业开办服务");
    let tasks = gongwen_tests::task_units(&d);
    assert_eq!(tasks.len(), 3, "{tasks:?}");
    assert!(tasks[0].0.starts_with("优化企业开办服务。"));
    assert_eq!(tasks[0].1, vec!["市市场监管局"]);
    assert_eq!(tasks[0].2, vec!["市税务局"]);
    assert_eq!(tasks[2].1, vec!["市大数据局"]);
    assert_eq!(d.notice.date.as_deref(), Some("2025-03-06"));
}

#[test]
fn tabbed_items_set_in_with_spaces_or_numbered_in_figures_are_items_too() {
    let text = "\
某县人民政府关于加快资源型产业转型的意见

各乡镇人民政府，县政府各部门：
　　为加快资源型产业转型，提出如下意见。
　　1．\t推进矿山生态修复。实施历史遗留矿山综合治理。
　　2．\t发展接续替代产业。培育新材料、智能制造等产业。
　　（一）\t强化政策支撑。县财政设立转型发展专项资金。

某县人民政府
2024年3月28日
";
    let d = parse_text(text);
    let body = &d.parts[0];
    assert!(body.tables.is_empty(), "{:?}", body.tables);
    let all: Vec<&str> = body.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(all[..2], ["推进矿山生态修复", "发展接续替代产业"]);
    assert_eq!(body.sections[0].marker, "1．");
}

#[test]
fn a_task_table_with_a_header_and_bare_numbers_stays_a_table() {
    let text = "\
附件

重点任务分工表

序号\t重点任务\t牵头单位
1\t推行企业开办一网通办\t市市场监管局
2\t推行工程建设项目分级分类审批\t市住房城乡建设局
";
    let d = parse_text(text);
    assert_eq!(d.parts.iter().map(|p| p.tables.len()).sum::<usize>(), 1);
    assert_eq!(d.tasks.len(), 2);
    // Numbered rows of two columns under a header are a table too.
    let text = "\
附件

重点项目清单

序号\t项目名称
一、\t城东污水处理厂扩建工程
二、\t城西综合管廊工程
";
    let d = parse_text(text);
    assert_eq!(d.parts.iter().map(|p| p.tables.len()).sum::<usize>(), 1);
}

const ACTIVITY: &str = "\
某市教育局关于举办2024年全市中小学生运动会的通知

某教发〔2024〕15号

各镇（街道）中心学校，市直各学校：
　　市教育局决定举办2024年全市中小学生运动会。现将有关事项通知如下。
　　一、比赛时间
　　2024年5月18日
　　二、比赛地点
　　市体育中心
　　三、报名要求
　　请各学校于5月10日前将报名表报市教育局体卫艺股。

某市教育局
2024年4月26日
";

#[test]
fn a_date_under_an_items_heading_is_the_items_not_the_closing_date() {
    let d = parse_text(ACTIVITY);
    assert_eq!(d.notice.date.as_deref(), Some("2024-04-26"));
    assert_eq!(d.notice.signature.as_deref(), Some("某市教育局"));
    assert_eq!(markers(&d), vec![vec!["一、", "二、", "三、"]]);
    assert_eq!(d.parts[0].sections[0].paragraphs, vec!["2024年5月18日"]);
    // In Chinese numerals, and under a line ending in `：`.
    let text = ACTIVITY.replace("2024年5月18日", "二〇二四年五月十八日");
    let d = parse_text(&text);
    assert_eq!(d.notice.date.as_deref(), Some("2024-04-26"));
    assert_eq!(d.parts.len(), 1);
    let text = ACTIVITY.replace("一、比赛时间", "一、比赛时间。比赛定于：");
    let d = parse_text(&text);
    assert_eq!(d.notice.date.as_deref(), Some("2024-04-26"));
    assert_eq!(d.notice.signature.as_deref(), Some("某市教育局"));
    assert_eq!(d.parts.len(), 1);
}

#[test]
fn a_date_under_a_heading_is_the_closing_date_when_no_other_follows() {
    // A letter whose last lines are a heading and a date, with no date after them: the date is
    // still read (as it was), not lost.
    let text = "\
某市教育局关于做好暑期安全工作的通知

各中小学校：
　　现就做好暑期安全工作通知如下。
　　一、加强安全教育
　　各学校要在放假前开展一次安全教育。
　　二、落实值班制度
2024年7月1日
";
    let d = parse_text(text);
    assert_eq!(d.notice.date.as_deref(), Some("2024-07-01"));
}

#[test]
fn a_bracketed_number_alone_over_its_words_is_an_item() {
    let text = "\
某市人民政府关于加快推进新型城镇化的实施意见

各县（市、区）人民政府，市政府各部门：
　　为加快推进新型城镇化，提出如下实施意见。
　　一、
　　推进农业转移人口市民化
　　（一）
　　全面放开城镇落户限制。除中心城区外，全面取消落户限制。
　　（二）
　　推进基本公共服务均等化。保障随迁子女平等接受义务教育。
　　二、提升城市综合承载能力
　　加快补齐城市基础设施短板。

某市人民政府
2024年3月2日
";
    let d = parse_text(text);
    let first = &d.parts[0].sections[0];
    let children: Vec<(&str, &str)> = first
        .children
        .iter()
        .map(|c| (c.marker.as_str(), c.heading.as_str()))
        .collect();
    assert_eq!(
        children,
        vec![
            ("（一）", "全面放开城镇落户限制"),
            ("（二）", "推进基本公共服务均等化")
        ]
    );
    assert!(first.paragraphs.is_empty(), "{:?}", first.paragraphs);
}

#[test]
fn a_paragraph_under_the_date_read_as_an_enclosure_is_warned() {
    let text = "\
某县人民政府办公室关于做好春季森林防火工作的通知

各乡镇人民政府，县政府各部门：
　　为做好春季森林防火工作，现就有关事项通知如下。
　　一、落实防火责任
　　各乡镇要层层签订防火责任书。
　　二、加强火源管控
　　严禁野外违规用火。

某县人民政府办公室
2024年2月26日
　　请各乡镇于3月1日前将森林防火责任人名单报送县应急管理局。
";
    let d = parse_text(text);
    assert_eq!(d.notice.date.as_deref(), Some("2024-02-26"));
    let warned: Vec<&str> = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "untitled_enclosure")
        .map(|x| x.message.as_str())
        .collect();
    assert_eq!(warned.len(), 1, "{:?}", d.diagnostics);
    assert!(warned[0].contains("请各乡镇于3月1日前"));
    // An enclosure with its title is no such thing.
    let text = text.replace(
        "　　请各乡镇于3月1日前",
        "某县森林防火责任制规定\n　　第一条　为落实森林防火责任制，制定本规定。\n　　请各乡镇于3月1日前",
    );
    let d = parse_text(&text);
    assert!(
        d.diagnostics.iter().all(|x| x.code != "untitled_enclosure"),
        "{:?}",
        d.diagnostics
    );
}
