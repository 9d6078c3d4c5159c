//! Task tables and measures as exports print them: a group row whose merged cell a Markdown or
//! HTML export printed once with the rest of the row left empty (`| 一、工业领域 | | | |`) is a
//! group, not a second header row; a measures column headed 工作内容 (主要内容, 任务内容)
//! beside a 重点任务 column holds the tasks.

use gongwen_parse::{Document, InputFormat, Options, parse, parse_text};

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

/// Each task's text, groups and extra columns' names.
fn texts(d: &Document) -> Vec<(&str, Vec<&str>, Vec<&str>)> {
    d.tasks
        .iter()
        .map(|t| {
            (
                t.text.as_str(),
                t.group.iter().map(String::as_str).collect(),
                t.extra.keys().map(String::as_str).collect(),
            )
        })
        .collect()
}

/// An allocation table whose columns are `columns` (number, two task columns, lead, support,
/// deadline).
fn allocation_table(columns: [&str; 2]) -> String {
    let [name, content] = columns;
    format!(
        "附件\n\n2024年全市优化营商环境重点任务分解表\n\n\
         序号\t{name}\t{content}\t牵头单位\t配合单位\t完成时限\n\
         1\t提升政务服务效能\t推行“高效办成一件事”，年内上线集成服务20项。\t市数据局\t市直有关部门\t2024年12月\n\
         2\t优化信贷服务\t扩大普惠小微贷款规模，全年新增普惠小微贷款300亿元。\t市金融办\t市财政局\t2024年12月\n"
    )
}

/// 3: `重点任务 | 工作内容` (or 主要内容, 任务内容): the content column says what the units
/// must do, as `具体措施` there does; the task column names it, the group.
#[test]
fn a_content_column_beside_the_key_tasks_holds_the_tasks() {
    for name in ["重点任务", "主要任务"] {
        for content in ["工作内容", "主要内容", "任务内容", "具体措施"] {
            let d = parse_text(&allocation_table([name, content]));
            assert_eq!(
                texts(&d),
                vec![
                    (
                        "推行“高效办成一件事”，年内上线集成服务20项。",
                        vec!["提升政务服务效能"],
                        vec!["完成时限"]
                    ),
                    (
                        "扩大普惠小微贷款规模，全年新增普惠小微贷款300亿元。",
                        vec!["优化信贷服务"],
                        vec!["完成时限"]
                    ),
                ],
                "{name} | {content}"
            );
        }
    }
}

/// A project's name over its content (`项目名称 | 建设内容`, `项目名称 | 主要内容`) names the
/// task; the content describes the project and stays an extra. So does a column of content
/// left of the units beside a content column (`任务内容 | 工作内容`).
#[test]
fn a_content_column_beside_no_task_name_stays_an_extra() {
    for (name, content) in [
        ("项目名称", "建设内容"),
        ("项目名称", "主要内容"),
        ("任务内容", "工作内容"),
    ] {
        let d = parse_text(&allocation_table([name, content]));
        assert_eq!(
            texts(&d),
            vec![
                ("提升政务服务效能", vec![], vec![content, "完成时限"]),
                ("优化信贷服务", vec![], vec![content, "完成时限"]),
            ],
            "{name} | {content}"
        );
    }
}

/// Each section of the first part, depth first, as (heading, punctuation after it).
fn headings(d: &Document) -> Vec<(String, String)> {
    fn walk(sections: &[gongwen_parse::Section], out: &mut Vec<(String, String)>) {
        for s in sections {
            out.push((s.heading.clone(), s.heading_suffix.clone()));
            walk(&s.children, out);
        }
    }
    let mut out = Vec::new();
    walk(&d.parts[0].sections, &mut out);
    out
}

/// A 实施意见 whose measures print their allocation after their heading.
const AFTER_HEADING: &str = concat!(
    "湖北省人民政府关于加快推进新型工业化的实施意见\n\n鄂政发〔2024〕8号\n\n",
    "各市、州、县人民政府，省政府各部门：\n",
    "　　为加快推进新型工业化，现提出如下实施意见。\n",
    "　　一、重点任务\n",
    "　　（一）实施产业链提升行动（省经济和信息化厅牵头，省发展改革委、省科技厅配合）。",
    "围绕光电子信息、汽车制造等优势产业，实施产业链链长制。\n",
    "　　（二）实施数字化转型行动（省经济和信息化厅、省通信管理局负责）。",
    "推动规模以上工业企业数字化改造全覆盖。\n",
    "　　（三）完善工业用地政策（试行）。推进工业用地弹性出让（省自然资源厅负责）。\n\n",
    "湖北省人民政府\n2024年2月26日\n",
);

/// E15: the measure's heading is its name, without the allocation printed after it; the
/// allocation goes with the punctuation after the heading, and the task keeps its units and
/// the measure's words.
#[test]
fn an_allocation_after_a_heading_is_no_part_of_the_heading() {
    let d = parse_text(AFTER_HEADING);
    let h = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        headings(&d),
        vec![
            h("重点任务", ""),
            h(
                "实施产业链提升行动",
                "（省经济和信息化厅牵头，省发展改革委、省科技厅配合）。"
            ),
            h(
                "实施数字化转型行动",
                "（省经济和信息化厅、省通信管理局负责）。"
            ),
            // A bracket that allocates nothing is the heading's own.
            h("完善工业用地政策（试行）", "。"),
        ]
    );
    let tasks: Vec<(&str, Vec<&str>, Vec<&str>)> = d
        .tasks
        .iter()
        .map(|t| {
            (
                t.text.as_str(),
                t.lead.iter().map(String::as_str).collect(),
                t.support.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        tasks,
        vec![
            (
                "实施产业链提升行动。围绕光电子信息、汽车制造等优势产业，实施产业链链长制。",
                vec!["省经济和信息化厅"],
                vec!["省发展改革委", "省科技厅"]
            ),
            (
                "实施数字化转型行动。推动规模以上工业企业数字化改造全覆盖。",
                vec!["省经济和信息化厅", "省通信管理局"],
                vec![]
            ),
            (
                "完善工业用地政策（试行）。推进工业用地弹性出让",
                vec!["省自然资源厅"],
                vec![]
            ),
        ]
    );
}

/// The heading line prints as before (heading, then the allocation and the stop), so a text
/// written back out and read again gives the same document.
#[test]
fn a_heading_set_apart_from_its_allocation_prints_as_before() {
    let d = parse_text(AFTER_HEADING);
    let text = gongwen_emit::text::to_text(&d);
    assert!(
        text.contains(
            "（一）实施产业链提升行动（省经济和信息化厅牵头，省发展改革委、省科技厅配合）。"
        ),
        "{text}"
    );
    let again = parse_text(&text);
    assert_eq!(headings(&again), headings(&d));
    assert_eq!(
        gongwen_tests::tasks_without_lines(&again),
        gongwen_tests::tasks_without_lines(&d)
    );
}
