//! Probe 41 fixes: tab-indented prose with one tab inside a line (S02), a 纪要's attendance
//! names parted by spaces (S04), an empty 序号 cell of a Word table under a repeated group
//! (S05), the person in a `牵头单位及责任人` cell (T14), an assessment table with
//! 一级指标/二级指标 columns (T08).

use gongwen_parse::{InputFormat, parse_text};
use gongwen_tests::{codes, parsed_as};

// ---- S02 ---------------------------------------------------------------------------------

/// Paragraphs each set in by a tab, one of which holds a tab stop inside
/// (`\t联系人：刘洋\t联系电话：…`): prose, not a two-column table whose every row is a paragraph
/// twice.
#[test]
fn tab_indented_prose_with_one_tab_stop_is_no_table() {
    let text = "湖北省人民政府办公厅关于做好2024年防汛抗旱工作的通知\n\n\
                鄂政办电〔2024〕11号\n\n\
                各市、州人民政府，省政府各部门：\n\
                \t为切实做好2024年防汛抗旱工作，现就有关事项通知如下：\n\
                \t一、压实防汛责任\n\
                \t各地要落实以行政首长负责制为核心的防汛责任制。\n\
                \t二、加强隐患排查\n\
                \t全面开展堤防、水库隐患排查。\n\
                \t三、做好应急准备\n\
                \t联系人：刘洋\t联系电话：027-60808888\n\n\
                湖北省人民政府办公厅\n\
                2024年5月6日\n";
    for d in [
        parse_text(text),
        parsed_as(
            format!("<html><body><pre>{text}</pre></body></html>").as_bytes(),
            InputFormat::Html,
        ),
    ] {
        let part = &d.parts[0];
        assert!(part.tables.is_empty(), "{:?}", part.tables);
        let heads: Vec<&str> = part.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(heads, ["压实防汛责任", "加强隐患排查", "做好应急准备"]);
        assert_eq!(
            part.sections[2].paragraphs,
            ["联系人：刘洋 联系电话：027-60808888"]
        );
        assert_eq!(d.notice.body.len(), 7, "{:?}", d.notice.body);
    }
}

/// The same paragraphs parted by blank lines (a word processor's empty paragraph between).
#[test]
fn tab_indented_paragraphs_between_blank_lines_with_a_tab_stop_are_no_table() {
    let text = "某某市人民政府办公室关于召开全市安全生产工作会议的通知\n\n\
                各区县人民政府：\n\n\
                \t经市政府同意，定于近期召开全市安全生产工作会议。\n\n\
                \t会议时间：5月10日上午9:00\t会议地点：市政府第一会议室\n\n\
                \t请各区县主要负责同志参加。\n\n\
                \t请于5月8日前报送参会人员名单。\n\n\
                某某市人民政府办公室\n\
                2024年5月6日\n";
    let d = parse_text(text);
    assert!(d.parts.iter().all(|p| p.tables.is_empty()), "{:?}", d.parts);
    assert!(
        d.notice
            .body
            .iter()
            .any(|p| p == "会议时间：5月10日上午9:00会议地点：市政府第一会议室"),
        "{:?}",
        d.notice.body
    );
}

/// A real table set in by a tab stays one: its rows hold cells.
#[test]
fn rows_of_cells_set_in_by_a_tab_stay_a_table() {
    let text = "附件\n\n重点任务分工\n\n\
                \t序号\t重点任务\t牵头单位\n\
                \t1\t推进老旧小区改造。\t市住建局\n\
                \t2\t建设口袋公园。\t市园林局\n";
    let d = parse_text(text);
    assert_eq!(d.tasks.len(), 2, "{:?}", d.parts);
}

// ---- S04 ---------------------------------------------------------------------------------

#[test]
fn attendance_names_parted_by_spaces_are_names_each() {
    let text = "凉州市人民政府常务会议纪要\n\n〔2024〕5号\n\n\
                2024年4月10日，市长赵德明主持召开市政府常务会议。纪要如下：\n\
                一、关于春耕生产工作\n\
                会议要求，保障农资供应。\n\n\
                出席：赵德明　王国强　李晓燕　陈志刚（副市长）\n\
                列席：市政府办公室、市农业农村局负责同志\n\
                请假：张文军\n";
    let d = parse_text(text);
    let names = |role: &str| {
        d.notice
            .attendance
            .iter()
            .find(|a| a.role == role)
            .map(|a| a.names.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        names("出席"),
        ["赵德明", "王国强", "李晓燕", "陈志刚（副市长）"]
    );
    assert_eq!(
        names("列席"),
        ["市政府办公室负责同志", "市农业农村局负责同志"]
    );
    assert_eq!(names("请假"), ["张文军"]);
}

// ---- S05 ---------------------------------------------------------------------------------

fn word_table(rows: &[[&str; 5]]) -> Vec<u8> {
    let para = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
    let mut body: String = [
        "某某市人民政府办公室关于印发钢铁行业转型升级工作方案的通知",
        "某政办发〔2024〕9号",
        "各区县人民政府：",
        "　　现将方案印发给你们，请认真贯彻落实。",
        "某某市人民政府办公室",
        "2024年3月15日",
        "附件",
        "重点任务分工",
    ]
    .iter()
    .map(|t| para(t))
    .collect();
    body.push_str("<w:tbl><w:tblGrid>");
    body.push_str(&"<w:gridCol w:w=\"1700\"/>".repeat(5));
    body.push_str("</w:tblGrid>");
    for row in rows {
        body.push_str("<w:tr>");
        for cell in row {
            body.push_str(&format!("<w:tc>{}</w:tc>", para(cell)));
        }
        body.push_str("</w:tr>");
    }
    body.push_str("</w:tbl>");
    gongwen_tests::docx_package(&body, &[])
}

/// An empty, unmerged 序号 cell under `1` whose group cell prints the row above's again, with
/// `2` printed next: the row shares number 1, as the text and HTML forms read it, and the
/// printed `2` is no repeat.
#[test]
fn word_rows_empty_number_under_a_repeated_group_shares_the_number_when_the_next_follows() {
    let header = ["序号", "重点任务", "具体措施", "牵头单位", "配合单位"];
    let d = parsed_as(
        &word_table(&[
            header,
            [
                "1",
                "推进超低排放改造",
                "完成钢铁企业超低排放改造。",
                "市生态环境局",
                "市工业和信息化局",
            ],
            [
                "",
                "推进超低排放改造",
                "开展无组织排放治理。",
                "市生态环境局",
                "市工业和信息化局",
            ],
            [
                "2",
                "优化产业布局",
                "推进钢铁企业退城搬迁。",
                "市工业和信息化局",
                "市发展改革委",
            ],
            [
                "3",
                "发展氢冶金",
                "建设氢冶金示范项目。",
                "市发展改革委",
                "市科技局",
            ],
        ]),
        InputFormat::Docx,
    );
    let seqs: Vec<u32> = d.tasks.iter().map(|t| t.seq).collect();
    assert_eq!(seqs, [1, 1, 2, 3]);
    assert_eq!(d.tasks[1].text, "开展无组织排放治理。");
    assert!(
        !codes(&d).contains(&"task_number_repeat"),
        "{:?}",
        codes(&d)
    );
    // With `3` printed next, the empty cell is a row left unnumbered: counted on.
    let d = parsed_as(
        &word_table(&[
            header,
            [
                "1",
                "推进超低排放改造",
                "完成钢铁企业超低排放改造。",
                "市生态环境局",
                "市工业和信息化局",
            ],
            [
                "",
                "推进超低排放改造",
                "开展无组织排放治理。",
                "市生态环境局",
                "市工业和信息化局",
            ],
            [
                "3",
                "优化产业布局",
                "推进钢铁企业退城搬迁。",
                "市工业和信息化局",
                "市发展改革委",
            ],
        ]),
        InputFormat::Docx,
    );
    let seqs: Vec<u32> = d.tasks.iter().map(|t| t.seq).collect();
    assert_eq!(seqs, [1, 2, 3]);
    assert!(
        !codes(&d).contains(&"task_number_repeat"),
        "{:?}",
        codes(&d)
    );
}

// ---- T14 ---------------------------------------------------------------------------------

fn unit_person_table(cells: [&str; 2]) -> String {
    format!(
        "附件\n\n重点任务分工\n\n\
         序号\t重点任务\t牵头单位及责任人\t配合单位\n\
         1\t推进一般工业固废综合利用。\t{}\t市工信局、市住建局\n\
         2\t开展塑料污染全链条治理。\t{}\t市商务局\n",
        cells[0], cells[1]
    )
}

#[test]
fn the_person_beside_a_unit_in_a_units_and_people_column_is_no_unit() {
    for cells in [
        ["市生态环境局（陈某某）", "市发展改革委（刘某）"],
        [
            "\"市生态环境局\n陈某某\"",
            "\"市发展改革委\n刘某（副主任）\"",
        ],
    ] {
        let d = parse_text(&unit_person_table(cells));
        let leads: Vec<&[String]> = d.tasks.iter().map(|t| t.lead.as_slice()).collect();
        assert_eq!(
            leads,
            [
                &["市生态环境局".to_string()][..],
                &["市发展改革委".to_string()][..]
            ],
            "{cells:?}"
        );
        // The person stays in the cell's text.
        assert!(d.tasks[0].lead_text.contains("陈某某"), "{:?}", d.tasks[0]);
        assert_eq!(d.tasks[0].support, ["市工信局", "市住建局"]);
    }
}

// ---- T08 ---------------------------------------------------------------------------------

#[test]
fn an_assessment_table_of_indicator_levels_gives_its_tasks() {
    let text = "附件\n\n目标绩效考核指标\n\n\
                一级指标\t二级指标\t分值\t考核标准\t责任单位\n\
                经济发展\t地区生产总值增速\t10\t完成目标值得满分\t市统计局\n\
                经济发展\t规模以上工业增加值增速\t8\t完成目标值得满分\t市经信局\n\
                民生保障\t城镇新增就业\t6\t完成目标任务得满分\t市人社局\n";
    let d = parse_text(text);
    let got: Vec<(&[String], &str, &[String])> = d
        .tasks
        .iter()
        .map(|t| (t.group.as_slice(), t.text.as_str(), t.lead.as_slice()))
        .collect();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let (g1, g2) = (s(&["经济发展"]), s(&["民生保障"]));
    let (l1, l2, l3) = (s(&["市统计局"]), s(&["市经信局"]), s(&["市人社局"]));
    assert_eq!(
        got,
        [
            (&g1[..], "地区生产总值增速", &l1[..]),
            (&g1[..], "规模以上工业增加值增速", &l2[..]),
            (&g2[..], "城镇新增就业", &l3[..]),
        ]
    );
    assert_eq!(
        d.tasks[0].extra.get("考核标准").map(String::as_str),
        Some("完成目标值得满分")
    );
}
