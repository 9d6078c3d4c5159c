//! Task tables and measures as exports print them: a group row whose merged cell a Markdown or
//! HTML export printed once with the rest of the row left empty (`| 一、工业领域 | | | |`) is a
//! group, not a second header row.

use gongwen_parse::{Document, InputFormat, Options, parse};

fn read(text: &str, format: Option<InputFormat>) -> Document {
    let opts = Options {
        format,
        ..Options::default()
    };
    parse(text.as_bytes(), &opts).expect("parses")
}

/// Each task as (number, text, groups, leads).
fn tasks(d: &Document) -> Vec<(u32, &str, Vec<&str>, Vec<&str>)> {
    d.tasks
        .iter()
        .map(|t| {
            (
                t.seq,
                t.text.as_str(),
                t.group.iter().map(String::as_str).collect(),
                t.lead.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

/// The tasks of the group-row tables below, under `一、工业领域` and `二、交通领域`.
fn grouped() -> Vec<(u32, &'static str, Vec<&'static str>, Vec<&'static str>)> {
    vec![
        (
            1,
            "推动重点行业设备更新改造。",
            vec!["一、工业领域"],
            vec!["省工业和信息化厅"],
        ),
        (
            2,
            "实施数字化转型行动。",
            vec!["一、工业领域"],
            vec!["省工业和信息化厅"],
        ),
        (
            3,
            "加快老旧营运车辆报废更新。",
            vec!["二、交通领域"],
            vec!["省交通运输厅"],
        ),
    ]
}

/// F05: pandoc and the 公众号 editors print a merged group row as its text in the first cell
/// and empty cells after it. Its words hold a header's (`领域`), but it numbers a heading: it
/// is the group of the rows under it, and the 序号 numbers no group.
#[test]
fn a_markdown_group_row_with_empty_cells_groups_the_rows_under_it() {
    let md = "# 某省人民政府办公厅关于印发某方案任务分工的通知\n\n\
              各设区市人民政府：\n\n现将任务分工印发给你们。\n\n某省人民政府办公厅  \n2024年5月6日\n\n\
              ## 附件\n\n### 某方案任务分工\n\n\
              | 序号 | 重点任务 | 牵头单位 | 配合单位 |\n|---|---|---|---|\n\
              | 一、工业领域 | | | |\n\
              | 1 | 推动**重点行业**设备更新改造。 | 省工业和信息化厅 | 省发展改革委、省财政厅 |\n\
              | 2 | 实施数字化转型行动。 | 省工业和信息化厅 | |\n\
              | 二、交通领域 | | | |\n\
              | 3 | 加快老旧营运车辆报废更新。 | 省交通运输厅 | 省公安厅 |\n";
    let d = read(md, None);
    assert_eq!(tasks(&d), grouped());
    let table = &d
        .parts
        .iter()
        .flat_map(|p| &p.tables)
        .next()
        .expect("a table");
    assert_eq!(table.header_rows, 1, "{:?}", table.rows);
}

/// F05 in HTML: a `<tr>` with the group in its first cell and empty cells, no `colspan`.
#[test]
fn an_html_group_row_with_empty_cells_groups_the_rows_under_it() {
    let html = "<html><body><p>附件</p><p>某方案任务分工</p><table>\
        <tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>\
        <tr><td>一、工业领域</td><td></td><td></td><td></td></tr>\
        <tr><td>1</td><td>推动重点行业设备更新改造。</td><td>省工业和信息化厅</td><td>省发展改革委、省财政厅</td></tr>\
        <tr><td>2</td><td>实施数字化转型行动。</td><td>省工业和信息化厅</td><td></td></tr>\
        <tr><td>二、交通领域</td><td></td><td></td><td></td></tr>\
        <tr><td>3</td><td>加快老旧营运车辆报废更新。</td><td>省交通运输厅</td><td>省公安厅</td></tr>\
        </table></body></html>";
    let d = read(html, Some(InputFormat::Html));
    assert_eq!(tasks(&d), grouped());
}

/// The same rows as CSV (a sheet's merged cell saved as its text and empty fields).
#[test]
fn a_csv_group_row_with_empty_cells_groups_the_rows_under_it() {
    let csv = "序号,重点任务,牵头单位,配合单位\n一、工业领域,,,\n\
               1,推动重点行业设备更新改造。,省工业和信息化厅,省发展改革委、省财政厅\n\
               2,实施数字化转型行动。,省工业和信息化厅,\n二、交通领域,,,\n\
               3,加快老旧营运车辆报废更新。,省交通运输厅,省公安厅\n";
    let d = read(csv, Some(InputFormat::Csv));
    assert_eq!(tasks(&d), grouped());
}

/// A header of two rows still reads as one (`责任单位` merged over `牵头单位 | 配合单位`): its
/// second row names columns and numbers nothing.
#[test]
fn a_second_header_row_of_names_is_still_a_header() {
    let md = "| 序号 | 重点任务 | 责任单位 | 责任单位 |\n|---|---|---|---|\n\
              | 序号 | 重点任务 | 牵头单位 | 配合单位 |\n\
              | 1 | 推动重点行业设备更新改造。 | 省工业和信息化厅 | 省财政厅 |\n";
    let d = read(md, Some(InputFormat::Markdown));
    let table = &d
        .parts
        .iter()
        .flat_map(|p| &p.tables)
        .next()
        .expect("a table");
    assert_eq!(table.header_rows, 2, "{:?}", table.rows);
    assert_eq!(
        tasks(&d),
        vec![(
            1,
            "推动重点行业设备更新改造。",
            vec![],
            vec!["省工业和信息化厅"]
        )]
    );
    assert_eq!(d.tasks[0].support, ["省财政厅"]);
}
