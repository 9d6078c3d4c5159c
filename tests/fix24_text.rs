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
