//! Tester K's structure findings: a 主送 line that opens with a place named bare, an amendment
//! decision's `第N条修改为：` clauses, a plan's one unnumbered `附表：`, a count stated after its
//! noun (`重点任务共6项`), a fund-allocation table, and `——` bullets before measures.

use gongwen_parse::{Document, PartKind, Section, parse_text};

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

fn outline(sections: &[Section], depth: usize, out: &mut Vec<(usize, String, Vec<String>)>) {
    for s in sections {
        out.push((depth, s.marker.clone(), s.paragraphs.clone()));
        outline(&s.children, depth + 1, out);
    }
}

/// K03: a prefecture named bare (`伊犁哈萨克自治州`, `海西州`) before the organs and collectives
/// of a 主送 line is an addressee; the line is not the body's first paragraph.
#[test]
fn a_place_named_bare_first_in_the_addressees_is_one_of_them() {
    let cases = [
        (
            "伊犁哈萨克自治州，各州、市、县（市）人民政府，各行政公署，自治区人民政府各组成部门、各直属机构：",
            vec![
                "伊犁哈萨克自治州",
                "各州、市、县（市）人民政府",
                "各行政公署",
                "自治区人民政府各组成部门、各直属机构",
            ],
        ),
        (
            "海西州，各市、自治州人民政府，省政府各委、办、厅、局：",
            vec!["海西州", "各市、自治州人民政府", "省政府各委、办、厅、局"],
        ),
    ];
    for (line, expected) in cases {
        let text = format!(
            "某某自治区人民政府办公厅关于做好冬季供暖工作的通知\n\n某政办发〔2020〕88号\n\n{line}\n\n\
             为确保群众温暖过冬，现就有关事项通知如下：\n\n一、高度重视。各地要充分认识此项工作的重要意义。\n\n\
             某某自治区人民政府办公厅\n\n2020年10月12日\n"
        );
        let d = parse_text(&text);
        assert_eq!(d.notice.addressees, expected, "{line}");
        assert!(
            d.notice.body.iter().all(|p| p != line),
            "{:?}",
            d.notice.body
        );
    }
}

/// K03: places alone, with no organ or collective beside them, are no 主送 line.
#[test]
fn places_alone_make_no_addressee_line() {
    let text = "某某市人民政府关于某某工作的通知\n\n某府发〔2020〕8号\n\n\
                东城区，西城区：\n\n现就有关事项通知如下。\n\n某某市人民政府\n\n2020年10月12日\n";
    let d = parse_text(text);
    assert!(d.notice.addressees.is_empty(), "{:?}", d.notice.addressees);
}

const AMENDMENT: &str = "某某省人民政府关于修改和废止部分省政府规章的决定\n\n\
为维护法制统一，省人民政府决定对部分省政府规章予以修改和废止。\n\n\
一、对下列规章予以修改\n\n\
（一）将《某某省消防设施管理办法》第五条修改为：“县级以上人民政府应当将消防设施建设纳入国土空间规划。”\n\n\
（二）将《某某省城市供水管理办法》第十二条第二款修改为：“供水企业应当建立水质检测制度。”\n\n\
第十八条修改为：“违反本办法规定的，由城镇供水主管部门责令改正。”\n\n\
第二十条第一款第三项删去。\n\n\
二、对下列规章予以废止\n\n\
（一）《某某省农村能源建设管理办法》（省人民政府令第189号）\n\n\
（二）《某某省外商投资企业劳动管理办法》（省人民政府令第58号）\n\n\
本决定自公布之日起施行。\n";

/// K05: `第十八条修改为：…` and `第二十条第一款第三项删去。` say what the decision does to a
/// regulation's article: paragraphs of the item they go on, not headings; `二、` stays a top
/// section, and no numbering gap is reported.
#[test]
fn an_amendment_of_an_article_is_no_article_heading() {
    let d = parse_text(AMENDMENT);
    let sections = d
        .parts
        .iter()
        .map(|p| p.sections.as_slice())
        .find(|s| !s.is_empty())
        .unwrap_or(&d.parts[0].sections);
    let mut got = Vec::new();
    outline(sections, 0, &mut got);
    let markers: Vec<(usize, &str)> = got.iter().map(|(d, m, _)| (*d, m.as_str())).collect();
    assert_eq!(
        markers,
        vec![
            (0, "一、"),
            (1, "（一）"),
            (1, "（二）"),
            (0, "二、"),
            (1, "（一）"),
            (1, "（二）"),
        ]
    );
    assert_eq!(
        got[2].2,
        vec![
            "将《某某省城市供水管理办法》第十二条第二款修改为：“供水企业应当建立水质检测制度。”",
            "第十八条修改为：“违反本办法规定的，由城镇供水主管部门责令改正。”",
            "第二十条第一款第三项删去。",
        ]
    );
    assert!(!codes(&d).contains(&"numbering_gap"), "{:?}", d.diagnostics);
}

/// K05: an article whose own text follows its label (`第十八条　违反本办法…`) is still one.
#[test]
fn an_article_with_its_text_is_still_an_article() {
    let m = gongwen_parse::numbering::marker("第十八条 违反本办法规定的，责令改正。").unwrap();
    assert_eq!(m.kind, gongwen_parse::numbering::MarkerKind::Article);
    assert!(gongwen_parse::numbering::marker("第十八条修改为：“违反本办法规定的。”").is_none());
    assert!(gongwen_parse::numbering::marker("第三章后增加一节，作为第四节。").is_none());
}

/// K12: a plan's one schedule listed `附表：X` and labelled `附表` over its title is an
/// attachment part, as `附件：X` / `附件` are; the label is no paragraph of the last section.
#[test]
fn a_single_unnumbered_schedule_is_an_attachment() {
    let text = "某某市人民政府办公室关于印发某某市食品安全示范城市工作方案的通知\n\n\
某府办发〔2021〕77号\n\n各县（区）人民政府，市政府各部门：\n\n\
《某某市食品安全示范城市工作方案》已经市政府同意，现印发给你们，请认真组织实施。\n\n\
某某市人民政府办公室\n\n2021年9月15日\n\n\
某某市食品安全示范城市工作方案\n\n一、工作目标\n\n2022年通过评审验收。\n\n\
二、工作要求\n\n各责任单位要按照分工要求抓好落实。\n\n\
附表：某某市食品安全示范城市任务分工表\n\n附表\n\n某某市食品安全示范城市任务分工表\n\n\
序号\t创建任务\t牵头单位\t配合单位\n\
1\t落实食品安全党政同责\t市食安办\t各县（区）政府\n\
2\t开展农药兽药残留治理\t市农业农村局\t市市场监管局\n";
    let d = parse_text(text);
    assert!(
        d.notice
            .attachments
            .iter()
            .any(|a| a.index.is_none() && a.title == "某某市食品安全示范城市任务分工表"),
        "{:?}",
        d.notice.attachments
    );
    let schedule = d
        .parts
        .iter()
        .find(|p| p.kind == PartKind::Attachment && p.label.as_deref() == Some("附表"))
        .expect("a 附表 part");
    assert_eq!(
        schedule.title.as_deref(),
        Some("某某市食品安全示范城市任务分工表")
    );
    assert_eq!(schedule.tables.len(), 1);
    let plan = d.parts.iter().find(|p| !p.sections.is_empty()).unwrap();
    let last = plan.sections.last().unwrap();
    assert_eq!(last.paragraphs, vec!["各责任单位要按照分工要求抓好落实。"]);
    assert_eq!(d.tasks.len(), 2);
}

fn plan_with_table(statement: &str) -> String {
    format!(
        "某某市人民政府办公室关于印发某某提升改造工作方案的通知\n\n某政办发〔2021〕54号\n\n\
各县、区人民政府，市政府各部门：\n\n现将《某某提升改造工作方案》印发给你们，请认真组织实施。\n\n\
某某市人民政府办公室\n\n2021年4月12日\n\n某某提升改造工作方案\n\n一、工作任务\n\n{statement}\n\n\
序号\t重点任务\t牵头单位\t配合单位\n\
1\t实施滨河路改造\t市住房城乡建设局\t城关区政府\n\
2\t建设滨河绿道\t市园林局\t市住房城乡建设局\n\
3\t提升夜景照明\t市城管委\t市供电公司\n"
    )
}

/// K11: a count stated after its noun (`重点任务共4项`, `主要任务共计4项`) is checked against the
/// table as `4项重点任务` is; a count of projects (`重点项目4项`) is not one of tasks.
#[test]
fn a_count_stated_after_its_noun_is_checked() {
    for statement in [
        "重点任务共4项，具体分工如下：",
        "主要任务共计四项，具体分工如下：",
    ] {
        let d = parse_text(&plan_with_table(statement));
        assert_eq!(d.tasks.len(), 3);
        assert!(
            codes(&d).contains(&"task_count_mismatch"),
            "{statement}: {:?}",
            d.diagnostics
        );
    }
    for statement in [
        "重点任务共3项，具体分工如下：",
        "实施重点项目4项，具体分工如下：",
    ] {
        let d = parse_text(&plan_with_table(statement));
        assert!(
            !codes(&d).contains(&"task_count_mismatch"),
            "{statement}: {:?}",
            d.diagnostics
        );
    }
}

/// K09: a fund-allocation table (`地区 | 资金金额 | 项目实施单位 | 主管部门`) names no task
/// column and allocates no duty: it gives no tasks named after places.
#[test]
fn a_fund_allocation_table_gives_no_tasks() {
    for unit in ["项目实施单位", "实施单位", "项目承担单位"] {
        let text = format!(
            "某某省财政厅关于下达2023年补助资金的通知\n\n某财农〔2023〕12号\n\n各市（州）财政局：\n\n\
现下达你们2023年补助资金（具体分配情况见附件），请按规定使用。\n\n\
附件：2023年补助资金分配表\n\n某某省财政厅\n\n2023年1月18日\n\n附件\n\n2023年补助资金分配表\n\n\
序号\t地区\t资金金额（万元）\t{unit}\t主管部门\n\
1\t遵义市\t12000\t各县（市、区）人民政府\t市农业农村局\n\
2\t毕节市\t15000\t各县（市、区）人民政府\t市农业农村局\n"
        );
        let d = parse_text(&text);
        assert!(d.tasks.is_empty(), "{unit}: {:?}", d.tasks);
    }
    // A table that names its tasks keeps them with a `实施单位` column.
    let text = "某某市人民政府办公室关于印发某某方案的通知\n\n某政办发〔2021〕5号\n\n各区人民政府：\n\n\
现将方案印发给你们，请认真组织实施。\n\n某某市人民政府办公室\n\n2021年4月12日\n\n某某方案\n\n\
序号\t重点任务\t实施单位\n1\t实施滨河路改造\t市住房城乡建设局\n2\t建设滨河绿道\t市园林局\n";
    let d = parse_text(text);
    assert_eq!(d.tasks.len(), 2, "{:?}", d.tasks);
}

/// K16: a measure printed after a `——` bullet is read without it, as after a number.
#[test]
fn a_dash_bullet_is_no_part_of_the_measure() {
    let text = "某某市人民政府办公厅关于推动跨境电子商务高质量发展的若干措施\n\n某府办函〔2022〕41号\n\n\
各区人民政府，市政府各部门：\n\n经市人民政府同意，现提出如下措施：\n\n一、培育跨境电商市场主体\n\n\
——引进跨境电商龙头企业。对新引进的跨境电商企业给予一次性奖励。（责任单位：市商务局，各区政府）\n\n\
——培育本土跨境电商品牌。支持企业开展海外商标注册。（责任单位：市市场监管局、市商务局）\n\n\
某某市人民政府办公厅\n\n2022年6月20日\n";
    let d = parse_text(text);
    let texts: Vec<&str> = d.tasks.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "引进跨境电商龙头企业。对新引进的跨境电商企业给予一次性奖励。",
            "培育本土跨境电商品牌。支持企业开展海外商标注册。",
        ]
    );
    assert_eq!(d.tasks[0].lead, vec!["市商务局", "各区政府"]);
}

/// K14: a department named as before the 2018 reform (`环境保护厅`, `国土资源厅`) after a unit
/// that carries the level takes that level, as `生态环境厅` does.
#[test]
fn a_pre_reform_department_takes_the_level_before_it() {
    let text = "某某自治区人民政府办公厅关于加强环境统计工作的通知\n\n某政办发〔2015〕12号\n\n\
各市、县人民政府，自治区政府各部门：\n\n现就有关事项通知如下：\n\n\
一、完善统计制度。建立环境统计数据共享机制。（自治区统计局、环境保护厅按职责分工负责）\n\n\
二、加强用地监测。开展土地利用变更调查。（自治区统计局、国土资源厅按职责分工负责）\n\n\
某某自治区人民政府办公厅\n\n2015年3月2日\n";
    let d = parse_text(text);
    let leads: Vec<Vec<&str>> = d
        .tasks
        .iter()
        .map(|t| t.lead.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        leads,
        vec![
            vec!["自治区统计局", "自治区环境保护厅"],
            vec!["自治区统计局", "自治区国土资源厅"],
        ]
    );
}
