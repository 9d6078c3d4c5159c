//! Tables and hard-wrapped prose of plain text as copies make them: a web page's table with a
//! merged cell, a PDF's table printed with `-layout` or copied one cell a line, prose wrapped
//! above such a table, and pandoc's grid tables.

use gongwen_parse::{Document, Task, parse_text};

/// The tasks as (number, text, leads, supports).
fn tasks(d: &Document) -> Vec<(u32, &str, Vec<&str>, Vec<&str>)> {
    d.tasks
        .iter()
        .map(|t: &Task| {
            (
                t.seq,
                t.text.as_str(),
                t.lead.iter().map(String::as_str).collect(),
                t.support.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

fn deadline(t: &Task) -> &str {
    t.extra.get("完成时限").map_or("", String::as_str)
}

const MERGED_LEAD: &str = "附件\n\n湖北省推进中小企业数字化转型重点任务分工\n\n\
序号\t重点任务\t牵头单位\t配合单位\t完成时限\n\
1\t开展中小企业数字化转型诊断服务\t省经信厅\t省财政厅\t2023年底前\n\
2\t培育数字化转型服务商100家\t省科技厅\t2024年底前\n\
3\t建设中小企业数字化转型促进中心\t省财政厅\t2025年底前\n\
4\t推进“上云用数赋智”行动\t省发改委\t省通信管理局\t持续推进\n";

#[test]
fn rows_under_a_merged_lead_cell_take_it_from_the_row_above() {
    let d = parse_text(MERGED_LEAD);
    let t = tasks(&d);
    assert_eq!(t.len(), 4, "{t:?}");
    assert_eq!(t[1].2, ["省经信厅"]);
    assert_eq!(t[1].3, ["省科技厅"]);
    assert_eq!(deadline(&d.tasks[1]), "2024年底前");
    assert_eq!(t[2].2, ["省经信厅"]);
    assert_eq!(t[2].3, ["省财政厅"]);
    assert_eq!(deadline(&d.tasks[2]), "2025年底前");
    // The rows around are read as they were.
    assert_eq!(t[0].2, ["省经信厅"]);
    assert_eq!(t[3].2, ["省发改委"]);
    assert_eq!(deadline(&d.tasks[3]), "持续推进");
}

#[test]
fn a_row_short_of_its_empty_last_cells_is_read_from_the_left() {
    // A copy that dropped the tabs of empty cells at the end of its lines: the row names its
    // lead (and its supporter) in place, no time limit falls under a units column.
    let text = "附件\n\n某某任务分工\n\n\
序号\t重点任务\t牵头单位\t配合单位\t完成时限\n\
1\t开展诊断服务\t省经信厅\t省财政厅\t2023年底前\n\
2\t培育服务商\t省科技厅\n\
3\t建设促进中心\t省发改委\t省财政厅\n";
    let d = parse_text(text);
    let t = tasks(&d);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(t[1].2, ["省科技厅"]);
    assert!(t[1].3.is_empty());
    assert_eq!(t[2].2, ["省发改委"]);
    assert_eq!(t[2].3, ["省财政厅"]);
    assert_eq!(deadline(&d.tasks[2]), "");
}

#[test]
fn a_short_row_under_a_group_row_or_without_a_time_column_is_not_moved() {
    // Under a group row there is no row above to take a cell from; a table without a time
    // column gives no sign which cell the row lacks.
    let text = "附件\n\n某某任务分工\n\n\
序号\t重点任务\t牵头单位\t配合单位\t完成时限\n\
一、基础\n\
1\t培育服务商\t省科技厅\t2024年底前\n\
2\t开展诊断服务\t省经信厅\t省财政厅\t2023年底前\n";
    let d = parse_text(text);
    let t = tasks(&d);
    assert_eq!(t[0].2, ["省科技厅"], "{t:?}");
    let text = "附件\n\n某某任务分工\n\n\
序号\t重点任务\t牵头单位\t配合单位\t备注\n\
1\t开展诊断服务\t省经信厅\t省财政厅\t无\n\
2\t培育服务商\t省科技厅\t2024年底前\n";
    let d = parse_text(text);
    let t = tasks(&d);
    assert_eq!(t[1].2, ["省科技厅"], "{t:?}");
}

/// A `pdftotext -layout` copy of a table whose header prints `牵头` over `单位`, repeated atop
/// the next page.
const TWO_LINE_HEADER: &str = "附件

          某某省数字政府建设重点任务分工

序号  主要任务                                      牵头              配合
                                                  单位              单位
1     健全“鄂汇办”移动端功能，推动高频政务服务事项  省卫生健康委
      “掌上办”“指尖办”。
2     加快建设12345政务服务便民热线，推动热线与110  省卫生健康委      省公安厅
      、119等紧急热线高效联动。
                                    — 1 —

序号  主要任务                                      牵头              配合
                                                  单位              单位
3     深化电子证照库建设，推动身份证、营业执照等高  省政务管理办
      频证照全面互通互认。
4     深化基层智慧治理平台，推进“多表合一”“一表通”  省卫生健康委、省  省通信管理局、省人社
      减轻基层负担。                                自然资源厅        厅、省财政厅
                                    — 2 —
";

#[test]
fn a_two_line_header_repeated_atop_a_page_is_known_whole() {
    let d = parse_text(TWO_LINE_HEADER);
    let t = tasks(&d);
    assert_eq!(t.len(), 4, "{t:?}");
    assert_eq!(
        t[2].1,
        "深化电子证照库建设，推动身份证、营业执照等高频证照全面互通互认。"
    );
    assert_eq!(t[2].2, ["省政务管理办"]);
    assert_eq!(t[3].2, ["省卫生健康委", "省自然资源厅"]);
    assert_eq!(t[3].3, ["省通信管理局", "省人社厅", "省财政厅"]);
    // One table, its header's names read whole.
    let tables: Vec<_> = d.parts.iter().flat_map(|p| p.tables.iter()).collect();
    assert_eq!(tables.len(), 1);
    assert_eq!(
        tables[0].rows[0],
        ["序号", "主要任务", "牵头单位", "配合单位"]
    );
}

#[test]
fn a_rows_text_set_above_its_number_is_no_second_header_line() {
    // `pdftotext -layout` centres a row's number on its lines: the text above it is the row's,
    // not the header's, though it sits right under the header.
    let text = "附件

某某任务分工

序号  主要任务              牵头单位      配合单位
      推动高频政务
1     服务事项办理          省卫生健康委  省公安厅
      掌上办理
      推动热线
2     联动增效              省政务管理办  省公安厅
      到位
3     推动热线联动          省政务管理办  省公安厅
";
    let d = parse_text(text);
    let t = tasks(&d);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(t[0].1, "推动高频政务服务事项办理掌上办理");
    assert_eq!(t[1].1, "推动热线联动增效到位");
}

/// A PDF viewer's copy (no `-layout`) of a table: one cell a line, long cells wrapped onto
/// lines of their own.
const CELL_PER_LINE_WRAPPED: &str = "附件
某某省数字政府建设重点任务分工
序号
主要任务
牵头单位
配合单位
1
健全“鄂汇办”移动端功能，推动高频政务服务事项
“掌上办”“指尖办”。
省卫生健康委
2
加快建设12345政务服务便民热线，推动热线与110
、119等紧急热线高效联动。
省卫生健康委
3
整合“一网通办”服务体系，推动企业和群众办事“
只进一扇门”“最多跑一次”。
省政务管理办
省自然资源厅、省发展
改革委、省公安厅、省
委网信办
4
整合公共数据授权运营机制，探索开展数据资产登
记和评估试点。
省政务管理办
5
优化基层智慧治理平台，推进“多表合一”“一表通”
减轻基层负担。
省交通运输厅、省
大数据中心
省政务管理办、省公安
厅、省通信管理局、省
卫生健康委
";

#[test]
fn cells_wrapped_in_a_cell_per_line_copy_are_joined() {
    let d = parse_text(CELL_PER_LINE_WRAPPED);
    let t = tasks(&d);
    assert_eq!(t.len(), 5, "{t:?}");
    assert_eq!(
        t[0].1,
        "健全“鄂汇办”移动端功能，推动高频政务服务事项“掌上办”“指尖办”。"
    );
    assert_eq!(t[0].2, ["省卫生健康委"]);
    assert!(t[0].3.is_empty());
    assert_eq!(
        t[1].1,
        "加快建设12345政务服务便民热线，推动热线与110、119等紧急热线高效联动。"
    );
    assert_eq!(
        t[2].3,
        ["省自然资源厅", "省发展改革委", "省公安厅", "省委网信办"]
    );
    assert_eq!(
        t[3].1,
        "整合公共数据授权运营机制，探索开展数据资产登记和评估试点。"
    );
    assert_eq!(t[4].2, ["省交通运输厅", "省大数据中心"]);
    assert_eq!(
        t[4].3,
        ["省政务管理办", "省公安厅", "省通信管理局", "省卫生健康委"]
    );
}

#[test]
fn short_cells_one_a_line_are_not_joined() {
    // Texts that fit their line and units not broken mid-name: each line is a cell.
    let text = "附件
某某任务分工
序号
主要任务
牵头单位
配合单位
1
开展诊断服务
市直有关部门、各区
市财政局
2
培育一批服务商，形成一批典型案例和应用场景
市科技局
市财政局
3
建设促进中心。
市发展改革委
市财政局
";
    let d = parse_text(text);
    let t = tasks(&d);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(t[0].1, "开展诊断服务");
    assert_eq!(t[0].3, ["市财政局"]);
    assert_eq!(t[1].1, "培育一批服务商，形成一批典型案例和应用场景");
    assert_eq!(t[1].2, ["市科技局"]);
    assert_eq!(t[1].3, ["市财政局"]);
    assert_eq!(t[2].2, ["市发展改革委"]);
}

#[test]
fn a_line_more_than_a_row_holds_does_not_end_the_table() {
    // The numbers go on 1, 2, 3: a line the row cannot place is its last cell's, and the rows
    // after it are the table's still.
    let text = "附件
某某任务分工
序号
主要任务
牵头单位
配合单位
1
开展诊断服务
市经信局
市财政局
其他有关单位
2
培育服务商
市科技局
市财政局
3
建设促进中心
市发展改革委
市财政局
";
    let d = parse_text(text);
    let t = tasks(&d);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(t[1].2, ["市科技局"]);
    assert_eq!(t[2].2, ["市发展改革委"]);
}

/// A notice copied out of a PDF viewer: its prose wrapped at one width, each paragraph's first
/// line set in, and its table one cell a line, the rows' texts long and on one line each.
const WRAPPED_OVER_CELL_PER_LINE: &str = "
鄂政办发〔2023〕27号
湖北省人民政府办公厅关于印发湖北省加快推进数
字政府建设三年行动方案任务分工的通知
各市、州、县人民政府，省政府各部门：
　　《湖北省加快推进数字政府建设三年行动方案（2023—2025年）》已经
省人民政府同意，现将方案确定的重点任务分工印发给你们，请结合实际认
真抓好落实。
　　各地、各部门要切实加强组织领导，牵头单位要会同配合单位细化工作
措施，明确时间节点，确保各项任务按期完成。各项任务落实情况请于每季
度末月20日前报送省政府办公厅。
　　附件：湖北省加快推进数字政府建设三年行动方案重点任务分工
湖北省人民政府办公厅
2023年6月15日
　　（此件公开发布）
— 1 —
附件
湖北省加快推进数字政府建设三年行动方案重点任务分工
序号
主要任务
牵头单位
配合单位
1
健全“鄂汇办”移动端功能，推动高频政务服务事项“掌上办”“指尖办”。
省卫生健康委
2
加快建设12345政务服务便民热线，推动热线与110、119等紧急热线高效联动。
省卫生健康委
3
整合“一网通办”服务体系，推动企业和群众办事“只进一扇门”“最多跑一次”。
省政务管理办
省自然资源厅、省发展改革委、省公安厅、省委网信办
4
整合公共数据授权运营机制，探索开展数据资产登记和评估试点。
省政务管理办
5
优化基层智慧治理平台，推进“多表合一”“一表通”减轻基层负担。
";

#[test]
fn a_cell_per_line_tables_texts_do_not_decide_the_proses_wrap() {
    let d = parse_text(WRAPPED_OVER_CELL_PER_LINE.trim_start());
    assert_eq!(
        d.notice.body,
        [
            "《湖北省加快推进数字政府建设三年行动方案（2023—2025年）》已经省人民政府同意，现将方案确定的重点任务分工印发给你们，请结合实际认真抓好落实。",
            "各地、各部门要切实加强组织领导，牵头单位要会同配合单位细化工作措施，明确时间节点，确保各项任务按期完成。各项任务落实情况请于每季度末月20日前报送省政府办公厅。",
        ]
    );
    let t = tasks(&d);
    assert_eq!(t.len(), 5, "{t:?}");
    assert_eq!(
        t[2].3,
        ["省自然资源厅", "省发展改革委", "省公安厅", "省委网信办"]
    );
}

/// `pandoc -t markdown` of a table whose cells hold more than a line: a grid table.
const GRID_TABLE: &str = "附件

## 某某省数字政府建设重点任务分工

+------+------------------------------------------+------------------+----------------------+
| 序号 | 主要任务                                 | 牵头单位         | 配合单位             |
+======+==========================================+==================+======================+
| 1    | 健全“鄂汇办”移动端功能，推动高频政务服务 | 省卫生健康委     |                      |
|      | 事项“掌上办”“指尖办”。                   |                  |                      |
+------+------------------------------------------+------------------+----------------------+
| 2    | 加快建设12345政务服务便民热线，推动热线  | 省卫生健康委     |                      |
|      | 与110、119等紧急热线高效联动。           |                  |                      |
+------+------------------------------------------+------------------+----------------------+
| 3    | 整合“一网通办”服务体系，推动企业和群众办 | 省政务管理办     | 省自然资源厅、省发展 |
|      | 事“只进一扇门”“最多跑一次”。             |                  | 改革委、省公安厅、省 |
|      |                                          |                  | 委网信办             |
+------+------------------------------------------+------------------+----------------------+
| 4    | 整合公共数据授权运营机制，探索开展数据资 | 省政务管理办     |                      |
|      | 产登记和评估试点。                       |                  |                      |
+------+------------------------------------------+------------------+----------------------+
";

#[test]
fn a_grid_tables_rows_are_its_blocks_between_borders() {
    let d = parse_text(GRID_TABLE);
    let t = tasks(&d);
    assert_eq!(t.len(), 4, "{t:?}");
    assert_eq!(
        t[0].1,
        "健全“鄂汇办”移动端功能，推动高频政务服务事项“掌上办”“指尖办”。"
    );
    assert_eq!(t[0].2, ["省卫生健康委"]);
    assert!(t[0].3.is_empty());
    assert_eq!(t[2].2, ["省政务管理办"]);
    assert_eq!(
        t[2].3,
        ["省自然资源厅", "省发展改革委", "省公安厅", "省委网信办"]
    );
}

#[test]
fn a_grid_table_with_a_cell_spanning_rows_or_a_lone_border_is_read_as_lines() {
    // A cell drawn across a row's border inside the table: not cut the same on every line, the
    // table is not read as a grid (nor lost, nor a panic).
    let text = "附件\n\n某某任务分工\n\n\
+----+--------+----------+\n\
| 序号 | 主要任务 | 牵头单位 |\n\
+====+========+==========+\n\
| 1  | 甲任务 | 市经信局 |\n\
+----+--------+          +\n\
| 2  | 乙任务 |          |\n\
+----+--------+----------+\n\
\n+--------+\n\n正文一段。\n";
    let d = parse_text(text);
    assert!(d.tasks.len() <= 2);
    assert!(
        d.parts
            .iter()
            .flat_map(|p| p.preamble.iter())
            .any(|l| l == "正文一段。")
            || d.notice.body.iter().any(|l| l == "正文一段。")
    );
}

/// `pdftotext -layout` of a table whose cells a PDF centres vertically: a row of three lines
/// prints its number on the middle one, its first line above it.
const CENTRED_ROWS: &str = "附件

          某某省数字政府建设重点任务分工

序号  主要任务                                      牵头单位          配合单位
一、夯实数字政府基础支撑
1     健全“鄂汇办”移动端功能，推动高频政务服务事项  省卫生健康委
      “掌上办”“指尖办”。
2     加快建设12345政务服务便民热线，推动热线与110  省卫生健康委
      、119等紧急热线高效联动。
      整合“一网通办”服务体系，推动企业和群众办事“                     省自然资源厅、省发展
3     只进一扇门”“最多跑一次”。                     省政务管理办      改革委、省公安厅、省
                                                                      委网信办
4     整合公共数据授权运营机制，探索开展数据资产登  省政务管理办
      记和评估试点。
      优化基层智慧治理平台，推进“多表合一”“一表通”  省交通运输厅、省  省政务管理办、省公安
5     减轻基层负担。                                大数据中心        厅、省通信管理局、省
                                                                      卫生健康委
";

#[test]
fn a_rows_first_line_printed_above_its_number_starts_that_row() {
    let d = parse_text(CENTRED_ROWS);
    let t = tasks(&d);
    assert_eq!(t.len(), 5, "{t:?}");
    assert_eq!(
        t[1].1,
        "加快建设12345政务服务便民热线，推动热线与110、119等紧急热线高效联动。"
    );
    assert_eq!(t[1].2, ["省卫生健康委"]);
    assert_eq!(
        t[2].1,
        "整合“一网通办”服务体系，推动企业和群众办事“只进一扇门”“最多跑一次”。"
    );
    assert_eq!(t[2].2, ["省政务管理办"]);
    assert_eq!(
        t[2].3,
        ["省自然资源厅", "省发展改革委", "省公安厅", "省委网信办"]
    );
    assert_eq!(
        t[4].1,
        "优化基层智慧治理平台，推进“多表合一”“一表通”减轻基层负担。"
    );
    assert_eq!(t[4].2, ["省交通运输厅", "省大数据中心"]);
}

#[test]
fn a_rows_last_sentence_on_a_line_of_its_own_stays_with_it() {
    // The line above the next number ends a sentence and names no units: the row's own end.
    let text = "附件

某某任务分工

序号  主要任务                              牵头单位      配合单位
1     加强组织领导，压实工作责任。          省经信厅      省财政厅
      完善督办机制，推动落实。
2     推动热线联动                          省政务管理办  省公安厅
";
    let d = parse_text(text);
    let t = tasks(&d);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(
        t[0].1,
        "加强组织领导，压实工作责任。完善督办机制，推动落实。"
    );
    assert_eq!(t[1].1, "推动热线联动");
}

/// `pdftotext -layout` of a table whose cells fill their columns: one space between them.
const ONE_SPACE_GUTTERS: &str = "附件

          某某省数字政府建设重点任务分工

序号 主要任务                                     牵头单位         配合单位
一、夯实数字政府基础支撑
1    健全“鄂汇办”移动端功能，推动高频政务服务事项 省卫生健康委
     “掌上办”“指尖办”。
2    加快建设12345政务服务便民热线，推动热线与110 省卫生健康委
     、119等紧急热线高效联动。
3    整合“一网通办”服务体系，推动企业和群众办事“  省政务管理办     省自然资源厅、省发展
     只进一扇门”“最多跑一次”。                                     改革委、省公安厅、省
                                                                   委网信办
4    整合公共数据授权运营机制，探索开展数据资产登 省政务管理办
     记和评估试点。
5    优化基层智慧治理平台，推进“多表合一”“一表通” 省交通运输厅、省 省政务管理办、省公安
     减轻基层负担。                               大数据中心       厅、省通信管理局、省
                                                                   卫生健康委
";

#[test]
fn one_space_at_a_headers_column_parts_cells() {
    let d = parse_text(ONE_SPACE_GUTTERS);
    let t = tasks(&d);
    assert_eq!(t.len(), 5, "{t:?}");
    assert_eq!(
        t[0].1,
        "健全“鄂汇办”移动端功能，推动高频政务服务事项“掌上办”“指尖办”。"
    );
    assert_eq!(t[0].2, ["省卫生健康委"]);
    assert_eq!(
        t[1].1,
        "加快建设12345政务服务便民热线，推动热线与110、119等紧急热线高效联动。"
    );
    assert_eq!(t[1].2, ["省卫生健康委"]);
    assert_eq!(t[4].2, ["省交通运输厅", "省大数据中心"]);
    assert_eq!(
        t[4].3,
        ["省政务管理办", "省公安厅", "省通信管理局", "省卫生健康委"]
    );
}

#[test]
fn one_space_inside_a_cell_away_from_a_column_is_no_gutter() {
    let text = "附件

某某任务分工

序号  主要任务                              牵头单位      配合单位
1     推动5G 基站建设                       省经信厅      省财政厅
2     推动热线联动                          省政务管理办  省公安厅
";
    let d = parse_text(text);
    let t = tasks(&d);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(t[0].1, "推动5G基站建设");
    assert_eq!(t[0].2, ["省经信厅"]);
}
