//! Other layouts of the same task table: a sheet with merged group columns saved as CSV.

use gongwen_parse::{InputFormat, Options, parse};

fn csv(text: &str) -> gongwen_parse::Document {
    let options = Options {
        format: Some(InputFormat::Csv),
        ..Options::default()
    };
    parse(text.as_bytes(), &options).expect("csv parses")
}

fn groups(d: &gongwen_parse::Document) -> Vec<(u32, Vec<&str>)> {
    d.tasks
        .iter()
        .map(|t| (t.seq, t.group.iter().map(String::as_str).collect()))
        .collect()
}

#[test]
fn an_outer_group_merged_down_over_a_changing_inner_group_is_carried() {
    // Excel writes a merged cell's value in its first row only: the 领域 cell is empty on every
    // row until the next 二、, also where the 类别 changes.
    let d = csv("领域,类别,序号,重点任务,牵头单位,配合单位\n\
一、深化重点领域改革,（一）优化营商环境,1,推行企业开办“一网通办”。,省市场监管局,省政务服务数据管理局\n\
,,2,深化工程建设项目审批制度改革。,省住房城乡建设厅,省发展改革委\n\
,（二）深化国资国企改革,3,推进省属国有企业战略性重组。,省国资委,省财政厅\n\
,,4,完善现代企业制度。,省国资委,省委组织部\n\
二、扩大高水平对外开放,（三）稳外贸稳外资,5,支持企业开拓国际市场。,省商务厅,省贸促会\n\
三、强化组织保障,,6,建立工作台账。,省发展改革委,\n\
,,7,开展督查评估。,省发展改革委,省统计局\n");
    let outer = "一、深化重点领域改革";
    assert_eq!(
        groups(&d),
        vec![
            (1, vec![outer, "（一）优化营商环境"]),
            (2, vec![outer, "（一）优化营商环境"]),
            (3, vec![outer, "（二）深化国资国企改革"]),
            (4, vec![outer, "（二）深化国资国企改革"]),
            (5, vec!["二、扩大高水平对外开放", "（三）稳外贸稳外资"]),
            // A new outer group with no inner one: the inner cell of the group above is not
            // carried into it.
            (6, vec!["三、强化组织保障"]),
            (7, vec!["三、强化组织保障"]),
        ]
    );
}

fn text(t: &str) -> gongwen_parse::Document {
    parse(t.as_bytes(), &Options::default()).expect("text parses")
}

fn supports(d: &gongwen_parse::Document) -> Vec<(u32, Vec<&str>)> {
    d.tasks
        .iter()
        .map(|t| (t.seq, t.support.iter().map(String::as_str).collect()))
        .collect()
}

/// A task table copied from a browser, whose cells hold a `<p>` per unit: each further unit
/// is a line of its own, without tabs.
const BROWSER_COPY: &str = "附件\n\n重点任务分工表\n\n序号\t重点任务\t牵头单位\t配合单位\n\
一、明确政策支持\n\
1\t利用集体经营性建设用地建设保障性租赁住房。\t省自然资源厅\t省住房城乡建设厅\n\
2\t降低税费负担，执行民用水电气价格。\t省财政厅\t省税务局\n\
省发展改革委\n省住房城乡建设厅\n国网安徽省电力公司\n\
二、加强组织实施\n\
3\t建立保障性租赁住房工作领导协调机制。\t省住房城乡建设厅\t省发展改革委\n\
4\t将发展保障性租赁住房情况纳入督查激励。\t省政府督查室\t省住房城乡建设厅\n\
省财政厅\n省审计厅\n";

#[test]
fn units_a_line_each_before_a_group_row_and_at_the_end_stay_in_their_cell() {
    let d = text(BROWSER_COPY);
    assert_eq!(
        supports(&d),
        vec![
            (1, vec!["省住房城乡建设厅"]),
            (
                2,
                vec![
                    "省税务局",
                    "省发展改革委",
                    "省住房城乡建设厅",
                    "国网安徽省电力公司"
                ]
            ),
            (3, vec!["省发展改革委"]),
            (4, vec!["省住房城乡建设厅", "省财政厅", "省审计厅"]),
        ]
    );
    assert_eq!(groups(&d)[2].1, vec!["二、加强组织实施"]);
    assert!(
        d.diagnostics.iter().all(|x| x.code != "numbering_gap"),
        "{:?}",
        d.diagnostics
    );
}

#[test]
fn a_sentence_or_a_signature_after_a_table_is_no_cell_of_it() {
    // A sentence before the group row: not a unit, the table is not carried over it.
    let with_note = BROWSER_COPY.replace(
        "省发展改革委\n省住房城乡建设厅\n国网安徽省电力公司\n",
        "以上任务由各地结合实际抓好落实，并及时报送进展情况。\n",
    );
    let d = text(&with_note);
    assert_eq!(supports(&d)[1], (2, vec!["省税务局"]));
    // A signature and date under the last row are the notice's, not units of the row.
    let signed = BROWSER_COPY.replace(
        "省财政厅\n省审计厅\n",
        "安徽省住房和城乡建设厅\n2022年3月25日\n",
    );
    let d = text(&signed);
    assert_eq!(supports(&d)[3], (4, vec!["省住房城乡建设厅"]));
}

fn deadlines(d: &gongwen_parse::Document, key: &str) -> Vec<String> {
    d.tasks
        .iter()
        .map(|t| t.extra.get(key).cloned().unwrap_or_default())
        .collect()
}

#[test]
fn a_time_limit_merged_down_in_the_last_column_of_a_copied_table_is_each_rows() {
    // A browser copies a `rowspan` cell once: the rows under it are a cell short at their end.
    let table = "重点任务分工\n\n序号\t重点任务\t责任单位\t完成时限\n\
1\t实施“工赋山东”行动，培育工业互联网平台。\t省工业和信息化厅\t2022年底前\n\
2\t推进规模以上工业企业数字化改造全覆盖。\t省工业和信息化厅、省财政厅\n\
3\t建设数字经济园区。\t省发展改革委、省工业和信息化厅\n\
4\t完善数字化转型公共服务体系。\t省工业和信息化厅\t2025年底前\n\
5\t加强数字化人才培养。\t省人力资源社会保障厅、省教育厅\n";
    let d = text(table);
    assert_eq!(
        deadlines(&d, "完成时限"),
        [
            "2022年底前",
            "2022年底前",
            "2022年底前",
            "2025年底前",
            "2025年底前"
        ]
    );
    // A last column of remarks is not carried: an empty remark is as likely as a merged one.
    let remarks = table
        .replace("完成时限", "备注")
        .replace("2022年底前", "已列入省重点项目")
        .replace("2025年底前", "分年度推进");
    let d = text(&remarks);
    assert_eq!(
        deadlines(&d, "备注"),
        ["已列入省重点项目", "", "", "分年度推进", ""]
    );
}

/// A notice as a WeChat post: the article's paragraphs, then what follows them.
fn wechat_page(trailer: &str) -> String {
    format!(
        "<html><body><h1 id=\"activity-name\">权威发布｜某省促进消费若干措施印发</h1>\
<div id=\"js_content\">\
<p style=\"text-align:center\">某省人民政府办公厅关于印发某省促进消费若干措施的通知</p>\
<p>某府办发〔2023〕5号</p>\
<p>各市（州）人民政府，省政府各部门、各直属机构：</p>\
<p>《某省促进消费若干措施》已经省政府同意，现印发给你们，请认真贯彻执行。</p>\
<p>某省人民政府办公厅</p><p>2023年3月1日</p>\
<p>某省促进消费若干措施</p>\
<p>一、促进汽车消费。开展新能源汽车下乡活动。</p>\
<p>二、扩大文旅消费。举办文化旅游消费季活动。</p>\
{trailer}</div></body></html>"
    )
}

fn last_paragraphs(d: &gongwen_parse::Document) -> Vec<String> {
    let part = d.parts.last().expect("a part");
    let last = part.sections.last().expect("a section");
    last.paragraphs.clone()
}

#[test]
fn a_posts_credits_under_the_article_are_no_paragraphs_of_its_last_measure() {
    let page = wechat_page(
        "<p><span>来源：某省人民政府网站</span></p><p><span>编辑：张敏　责编：刘洋</span></p>",
    );
    let d = parse(page.as_bytes(), &Options::default()).expect("page");
    let last = last_paragraphs(&d);
    assert!(
        last.iter()
            .all(|p| !p.contains("来源") && !p.contains("编辑")),
        "{last:?}"
    );
    // A source alone under the article may be a table's or the text's: it stays.
    let page = wechat_page("<p>来源：某省统计局</p>");
    let d = parse(page.as_bytes(), &Options::default()).expect("page");
    let text = serde_json::to_string(&d).expect("json");
    assert!(text.contains("来源：某省统计局"));
}
