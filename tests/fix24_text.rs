//! Text read from PDFs: `pdftotext -layout` tables whose cells stand under their columns, and
//! the gazette's two text columns.

use gongwen_parse::{Options, parse};

fn text(t: &str) -> gongwen_parse::Document {
    parse(t.as_bytes(), &Options::default()).expect("text parses")
}

/// Each task's number, text, lead, support, group and 完成时限.
type Row<'a> = (
    u32,
    &'a str,
    Vec<&'a str>,
    Vec<&'a str>,
    Vec<&'a str>,
    &'a str,
);

fn rows(d: &gongwen_parse::Document) -> Vec<Row<'_>> {
    d.tasks
        .iter()
        .map(|t| {
            (
                t.seq,
                t.text.as_str(),
                t.lead.iter().map(String::as_str).collect(),
                t.support.iter().map(String::as_str).collect(),
                t.group.iter().map(String::as_str).collect(),
                t.extra.get("完成时限").map_or("", String::as_str),
            )
        })
        .collect()
}

#[test]
fn an_empty_support_cell_leaves_the_time_limit_under_its_own_column() {
    let d = text(
        "附件

          重点任务分工表

序号  具体措施                      牵头单位          配合单位          完成时限
1     引进培育一批储能龙头企业。    省商务厅          省发展改革委      2024年底
2     培育专精特新“小巨人”企业。    省工业和信息化厅                    2025年底
3     支持储能企业上市融资。        省地方金融监管局  广东证监局、深    持续推进
                                                      圳证监局
",
    );
    assert_eq!(
        rows(&d),
        vec![
            (
                1,
                "引进培育一批储能龙头企业。",
                vec!["省商务厅"],
                vec!["省发展改革委"],
                vec![],
                "2024年底"
            ),
            (
                2,
                "培育专精特新“小巨人”企业。",
                vec!["省工业和信息化厅"],
                vec![],
                vec![],
                "2025年底"
            ),
            (
                3,
                "支持储能企业上市融资。",
                vec!["省地方金融监管局"],
                vec!["广东证监局", "深圳证监局"],
                vec![],
                "持续推进"
            ),
        ]
    );
}

#[test]
fn a_merged_task_column_printed_once_is_carried_down_to_the_rows_of_its_span() {
    let d = text(
        "附件2

                    重点任务分工表

序号  重点任务  具体措施                    牵头单位          配合单位            完成时限
1     强化技术  支持开展储能电池关键材料、  省科技厅          省发展改革委、      2025年底
      创新引领  系统集成等技术攻关。                          省工业和信息化厅
2               建设新型储能创新平台，争    省工业和信息化厅  省科技厅            持续推进
                创国家级制造业创新中心。
3     培育壮大  引进培育一批储能龙头企业。  省商务厅          各地级以上市人      2024年底
      市场主体                                                民政府
4               培育一批专精特新企业。      省工业和信息化厅                      2025年底
",
    );
    let (a, b) = ("强化技术创新引领", "培育壮大市场主体");
    assert_eq!(
        rows(&d),
        vec![
            (
                1,
                "支持开展储能电池关键材料、系统集成等技术攻关。",
                vec!["省科技厅"],
                vec!["省发展改革委", "省工业和信息化厅"],
                vec![a],
                "2025年底"
            ),
            (
                2,
                "建设新型储能创新平台，争创国家级制造业创新中心。",
                vec!["省工业和信息化厅"],
                vec!["省科技厅"],
                vec![a],
                "持续推进"
            ),
            (
                3,
                "引进培育一批储能龙头企业。",
                vec!["省商务厅"],
                vec!["各地级以上市人民政府"],
                vec![b],
                "2024年底"
            ),
            (
                4,
                "培育一批专精特新企业。",
                vec!["省工业和信息化厅"],
                vec![],
                vec![b],
                "2025年底"
            ),
        ]
    );
}

#[test]
fn a_row_whose_cells_stand_under_no_column_start_is_read_in_order() {
    // The header's names centred over their columns, the rows' cells not under them: a row
    // short of a cell has its last cell empty, as before.
    let d = text(
        "序号      具体措施            牵头单位        配合单位      完成时限
1     引进培育一批储能龙头企业。    省商务厅          省发展改革委      2024年底
2     培育专精特新企业。            省工业和信息化厅  省科技厅
",
    );
    let r = rows(&d);
    assert_eq!(r[1].3, vec!["省科技厅"]);
    assert_eq!(r[1].5, "");
}

fn codes(d: &gongwen_parse::Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

#[test]
fn a_gazette_page_in_two_columns_side_by_side_is_said_to_be_so() {
    let d = text(
        "国务院公报　2024年第16号

国务院关于印发《2024—2025年节能         　　（二）非化石能源消费提升行动。
降碳行动方案》的通知                    大力促进非化石能源消费。（国家能
国发〔2024〕12号                        源局牵头，国家发展改革委配合）
各省、自治区、直辖市人民政府，国务      　　（三）钢铁行业节能降碳行动。
院各部委、各直属机构：                  加强钢铁产能产量调控。（工业和信
　　现将《2024—2025年节能降碳行         息化部、国家发展改革委按职责分工
动方案》印发给你们，请认真贯彻执        负责）
行。                                    　　二、保障措施
国务院                                  　　各地区各部门要加强组织领导。
2024年5月23日
",
    );
    let warning = d
        .diagnostics
        .iter()
        .find(|x| x.code == "two_column_layout")
        .expect("two columns are reported");
    assert_eq!(warning.line, Some(3));
    assert!(warning.message.contains("without `-layout`"));
}

#[test]
fn a_layout_table_and_label_lines_are_no_two_columns() {
    // A -layout table's rows (cells under several columns), its cells' wrapped lines (set in
    // under their column) and a letterhead's label lines split at one column are no gazette
    // columns.
    let d = text(
        "国办发〔2024〕12号                      签发人：李强
联系人：张三                            电话：010-12345678
联系人：李四                            电话：010-87654321

序号  具体措施                      牵头单位          配合单位          完成时限
1     支持开展储能电池关键材料、    省科技厅          省发展改革委、    2025年底
      系统集成等技术攻关。                            省工业和信息化厅
2     建设新型储能创新平台，争      省工业和信息化厅  省科技厅          持续推进
      创国家级制造业创新中心。                        省商务厅
3     引进培育一批储能龙头企业。    省商务厅          各地级以上市人    2024年底
                                                      民政府
4     支持储能企业上市融资。        省地方金融监管局  广东证监局、深    持续推进
                                                      圳证监局
",
    );
    assert!(!codes(&d).contains(&"two_column_layout"), "{:?}", codes(&d));
    assert_eq!(d.tasks.len(), 4);
}

#[test]
fn a_gazettes_narrow_column_copied_a_column_at_a_time_is_joined_at_its_width() {
    let d = text(
        "国务院关于印发《2024—2025年节能
降碳行动方案》的通知
国发〔2024〕12号
各省、自治区、直辖市人民政府，国务
院各部委、各直属机构：
　　现将《2024—2025年节能降碳行
动方案》印发给你们，请认真贯彻执
行。
国务院
2024年5月23日
2024—2025年节能降碳行动方案
　　一、重点任务
　　（一）化石能源消费减量替代行
动。严格合理控制煤炭消费，有序
推进重点用煤行业煤炭减量替代。
（国家发展改革委、国家能源局牵
头）
　　（二）钢铁行业节能降碳行动。
加强钢铁产能产量调控。（工业和信
息化部、国家发展改革委按职责分工
负责）
",
    );
    assert_eq!(
        d.notice.addressees,
        vec!["各省、自治区、直辖市人民政府", "国务院各部委、各直属机构"]
    );
    assert_eq!(
        rows(&d),
        vec![
            (
                1,
                "化石能源消费减量替代行动。严格合理控制煤炭消费，有序推进重点用煤行业煤炭减量替代。",
                vec!["国家发展改革委", "国家能源局"],
                vec![],
                vec!["一、重点任务"],
                ""
            ),
            (
                2,
                "钢铁行业节能降碳行动。加强钢铁产能产量调控。",
                vec!["工业和信息化部", "国家发展改革委"],
                vec![],
                vec!["一、重点任务"],
                ""
            ),
        ]
    );
}

#[test]
fn short_lines_that_end_their_sentences_are_not_taken_for_a_narrow_column() {
    // A paragraph a line, every line short: each stays a paragraph of its own.
    let lines = [
        "一是摸清底数，建立工作台账。",
        "二是压实责任，明确牵头单位。",
        "三是强化调度，按月通报进展。",
        "四是加强督查，纳入年度考核。",
        "五是总结经验，推广典型做法。",
        "六是完善机制，形成长效管理。",
    ];
    let d = text(&lines.join("\n"));
    let body: Vec<&str> = d.notice.body.iter().map(String::as_str).collect();
    assert_eq!(body, lines);
}

#[test]
fn a_units_name_broken_at_a_centred_rows_foot_stays_with_its_row() {
    // Cells centred on the row's number: the rest of `各地级以上市人` (`民政府`) on the line
    // under row 3 is row 3's, not held for row 4 above its number.
    let d = text(
        "附件2

 序号 重点任务  具体措施                    牵头单位          配合单位            完成时限
                支持开展储能电池关键材料、                    省发展改革委、
 1              系统集成等技术攻关。        省科技厅          省工业和信息化厅    2025年底
      强化技术
      创新引领  建设新型储能创新平台，争
 2              创国家级制造业创新中心。    省工业和信息化厅  省科技厅            持续推进
 3              引进培育一批储能龙头企业。  省商务厅          各地级以上市人      2024年底
                                                              民政府
      培育壮大
 4    市场主体  支持储能企业上市融资。      省地方金融监管局  广东证监局、深      持续推进
                                                              圳证监局
 5              培育一批专精特新“小巨人”    省工业和信息化厅                      2025年底
                企业。
",
    );
    let support: Vec<(u32, Vec<&str>)> = rows(&d).into_iter().map(|r| (r.0, r.3)).collect();
    assert_eq!(
        support,
        vec![
            (1, vec!["省发展改革委", "省工业和信息化厅"]),
            (2, vec!["省科技厅"]),
            (3, vec!["各地级以上市人民政府"]),
            (4, vec!["广东证监局", "深圳证监局"]),
            (5, vec![]),
        ]
    );
}
