//! Text read from PDF copies (`pdftotext -layout`): a task table's cells parted by one space,
//! a row short of a cell whose cells stand a little off their columns, a header whose narrow
//! cell is printed on the lines above and below the others'.

use gongwen_parse::{Options, parse};

fn text(t: &str) -> gongwen_parse::Document {
    parse(t.as_bytes(), &Options::default()).expect("text parses")
}

/// Each task's number, text, lead, support and 完成时限.
type Row<'a> = (u32, &'a str, Vec<&'a str>, Vec<&'a str>, &'a str);

fn rows(d: &gongwen_parse::Document) -> Vec<Row<'_>> {
    d.tasks
        .iter()
        .map(|t| {
            (
                t.seq,
                t.text.as_str(),
                t.lead.iter().map(String::as_str).collect(),
                t.support.iter().map(String::as_str).collect(),
                t.extra.get("完成时限").map_or("", String::as_str),
            )
        })
        .collect()
}

/// A lead unit filling its column, one space before the support unit (tester F04).
const SINGLE_SPACE: &str = r#"附件

              山东省数字经济高质量发展重点任务分工

  序号                  重点任务                         牵头单位           配合单位
   1     加快5G基站建设，2023年新建5G基站4万个。        省通信管理局   省工业和信息化厅、
                                                                        省发展改革委
   2     推进工业互联网平台建设，培育省级平台           省工业和信息化厅 省科技厅
         50个以上。
   3     实施数据要素市场化配置改革。                   省大数据局
   4     建设省级算力调度平台。                                            省大数据局、
                                                                        省通信管理局"#;

#[test]
fn one_space_before_the_next_columns_name_parts_two_cells() {
    let d = text(SINGLE_SPACE);
    assert_eq!(
        rows(&d),
        vec![
            (
                1,
                "加快5G基站建设，2023年新建5G基站4万个。",
                vec!["省通信管理局"],
                vec!["省工业和信息化厅", "省发展改革委"],
                ""
            ),
            (
                2,
                "推进工业互联网平台建设，培育省级平台50个以上。",
                vec!["省工业和信息化厅"],
                vec!["省科技厅"],
                ""
            ),
            (
                3,
                "实施数据要素市场化配置改革。",
                vec!["省大数据局"],
                vec![],
                ""
            ),
            (
                4,
                "建设省级算力调度平台。",
                vec![],
                vec!["省大数据局", "省通信管理局"],
                ""
            ),
        ]
    );
}

#[test]
fn units_parted_by_one_space_within_their_own_column_stay_one_cell() {
    // Two lead units, one space apart, that end before the 配合单位 column: one cell still.
    let t = SINGLE_SPACE.replace(
        "   3     实施数据要素市场化配置改革。                   省大数据局",
        "   3     实施数据要素市场化配置改革。                   省大数据局 省科技厅",
    );
    assert_ne!(t, SINGLE_SPACE);
    let d = text(&t);
    assert_eq!(d.tasks[2].lead, ["省大数据局", "省科技厅"]);
    assert!(d.tasks[2].support.is_empty());
}

/// A row whose 配合单位 is empty and whose lead cell stands two columns left of the others'
/// (tester F06).
const EMPTY_SUPPORT: &str = r#"附件

                 河北省加快建设数字政府重点任务清单

 序号                    工作任务                      牵头单位     配合单位            完成时限
  1    建设全省一体化政务大数据体系，推进数据资源     省数据和政   省发展改革委、省    2024年12月
       统一目录管理。                                 务服务局     财政厅              底前
  2    推进“冀时办”移动端建设，实现高频事项         省数据和政                        持续推进
       “掌上办”。                                     务服务局
  3    健全数字政府网络安全保障体系。                              省委网信办、省公    2024年底
                                                                   安厅
  4    完善电子证照共享应用。                         省数据和政   各市政府            2025年6月
                                                      务服务局                         底前"#;

#[test]
fn a_row_short_of_its_support_cell_keeps_its_time_limit() {
    let d = text(EMPTY_SUPPORT);
    let got = rows(&d);
    assert_eq!(got.len(), 4);
    assert_eq!(
        got[1],
        (
            2,
            "推进“冀时办”移动端建设，实现高频事项“掌上办”。",
            vec!["省数据和政务服务局"],
            vec![],
            "持续推进"
        )
    );
    // The row short of its lead cell is read as before.
    assert_eq!(
        got[2],
        (
            3,
            "健全数字政府网络安全保障体系。",
            vec![],
            vec!["省委网信办", "省公安厅"],
            "2024年底"
        )
    );
}

#[test]
fn a_row_whose_text_runs_past_an_empty_column_is_not_placed_by_position() {
    // Cells parted by ideographic spaces, not lined up: row 46's lead stands two columns from
    // where row 45's support starts, but its task's text runs past row 45's lead column, which
    // cannot then be empty.
    let d = text(
        r#"序号　　主要任务　　　　牵头单位　　配合单位
45　　完善关键信息基础设施安全保护体系，定期开展网络安全攻防演练。　　省自然资源厅、省卫生健康委　　省发展改革委、省交通运输厅、省委网信办
46　　完善全省一体化政务云平台，推动各级部门非涉密业务系统迁移上云，提高资源利用率和运行保障能力。　　省自然资源厅、省卫生健康委　　"#,
    );
    assert_eq!(d.tasks.len(), 2);
    assert_eq!(d.tasks[1].lead, ["省自然资源厅", "省卫生健康委"]);
    assert!(d.tasks[1].support.is_empty());
}

/// The 牵头单位 header cell printed as `牵头` above and `单位` below the others (tester F07).
const STACKED: &str = r#"附件

                 河北省加快建设数字政府重点任务清单

                                                        牵头
 序号                    工作任务                                       配合单位          完成时限
                                                        单位
  1    建设全省一体化政务大数据体系，推进数据资源     省数据和政   省发展改革委、省    2024年12月
       统一目录管理。                                 务服务局     财政厅              底前
  2    推进“冀时办”移动端建设，实现高频事项         省数据和政                        持续推进
       “掌上办”。                                     务服务局
  3    健全数字政府网络安全保障体系。                              省委网信办、省公    2024年底
                                                                   安厅
  4    完善电子证照共享应用。                         省数据和政   各市政府            2025年6月
                                                      务服务局                         底前"#;

#[test]
fn a_header_cell_printed_above_and_below_the_header_line_is_read() {
    let d = text(STACKED);
    let got = rows(&d);
    assert_eq!(got.len(), 4, "{:?}", d.diagnostics);
    assert_eq!(
        got[0],
        (
            1,
            "建设全省一体化政务大数据体系，推进数据资源统一目录管理。",
            vec!["省数据和政务服务局"],
            vec!["省发展改革委", "省财政厅"],
            "2024年12月底前"
        )
    );
    assert_eq!(got[3].2, ["省数据和政务服务局"]);
    assert_eq!(got[3].3, ["各市政府"]);
    assert!(!d.diagnostics.iter().any(|x| x.code == "no_task_table"));
}

/// The same table over two pages, its stacked header printed again atop the second.
const STACKED_TWICE: &str = r#"附件

                 河北省加快建设数字政府重点任务清单

                                                        牵头
 序号                    工作任务                                       配合单位          完成时限
                                                        单位
  1    建设全省一体化政务大数据体系，推进数据资源     省数据和政   省发展改革委、省    2024年12月
       统一目录管理。                                 务服务局     财政厅              底前
  2    推进“冀时办”移动端建设，实现高频事项         省数据和政                        持续推进
       “掌上办”。                                     务服务局

                                        — 1 —

                                                        牵头
 序号                    工作任务                                       配合单位          完成时限
                                                        单位
  3    健全数字政府网络安全保障体系。                              省委网信办、省公    2024年底
                                                                   安厅
  4    完善电子证照共享应用。                         省数据和政   各市政府            2025年6月
                                                      务服务局                         底前"#;

#[test]
fn a_stacked_header_printed_again_atop_a_page_is_skipped_whole() {
    let d = text(STACKED_TWICE);
    let got = rows(&d);
    assert_eq!(got.len(), 4);
    // `牵头` above the repeated header is not the rest of task 2's lead cell.
    assert_eq!(got[1].2, ["省数据和政务服务局"]);
    assert_eq!(got[1].4, "持续推进");
    assert_eq!(got[3].2, ["省数据和政务服务局"]);
}

/// A short PDF copy whose 主送机关 wraps in an organ's name, and whose body's sentence wraps
/// as the title does (tester E17).
const ADDRESSEE_WRAPPED: &str = r#"国务院办公厅文件

国办发〔2024〕12号

国务院办公厅关于印发《加快构建废弃物循环利用体系的
意见》的通知

各省、自治区、直辖市人民政府，国务院各部委、各直属
机构：
　　《关于加快构建废弃物循环利用体系的意见》已经国务院
同意，现印发给你们，请认真贯彻执行。

国务院办公厅
2024年2月6日
（本文有删减）

                                        — 1 —"#;

#[test]
fn a_wrapped_addressee_and_body_of_a_short_pdf_copy_are_joined() {
    let d = text(ADDRESSEE_WRAPPED);
    let n = &d.notice;
    assert_eq!(
        n.addressees,
        ["各省、自治区、直辖市人民政府", "国务院各部委、各直属机构"]
    );
    assert_eq!(
        n.body,
        ["《关于加快构建废弃物循环利用体系的意见》已经国务院同意，现印发给你们，请认真贯彻执行。"]
    );
    assert_eq!(
        n.title.as_deref(),
        Some("国务院办公厅关于印发《加快构建废弃物循环利用体系的意见》的通知")
    );
}

#[test]
fn a_wrapped_addressee_is_read_where_the_copy_is_too_short_to_know_its_wrap() {
    let d = text(
        r#"河北省人民政府办公厅文件

冀政办字〔2024〕38号

河北省人民政府办公厅
关于印发河北省加快推进数字乡村建设实施方案的通知

各市（含定州、辛集市）人民政府，雄安新区管委会，省政府
各部门：
　　《河北省加快推进数字乡村建设实施方案》已经省政府同意，
现印发给你们，请结合实际认真贯彻落实。

　　附件：1．河北省加快推进数字乡村建设实施方案
　　　　　2．河北省加快推进数字乡村建设实施方案重点任
　　　　　　 务分工表

河北省人民政府办公厅
2024年4月2日
（此件公开发布）"#,
    );
    assert_eq!(
        d.notice.addressees,
        [
            "各市（含定州、辛集市）人民政府",
            "雄安新区管委会",
            "省政府各部门"
        ]
    );
}

#[test]
fn a_title_over_a_one_line_addressee_is_not_joined_to_it() {
    // The title's last line runs into the 主送 with no blank line between: a title, not a
    // 主送 broken in a name.
    let d = text(
        "某某市人民政府办公室文件\n\n某政办发〔2024〕5号\n\n某某市人民政府办公室关于加强城市道路精细化管理工作的通知\n各区县人民政府：\n　　现将有关事项通知如下。\n\n某某市人民政府办公室\n2024年3月1日",
    );
    assert_eq!(
        d.notice.title.as_deref(),
        Some("某某市人民政府办公室关于加强城市道路精细化管理工作的通知")
    );
    assert_eq!(d.notice.addressees, ["各区县人民政府"]);
}
