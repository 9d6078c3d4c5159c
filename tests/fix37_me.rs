//! A task table saved as CSV reaches the parser without a name to go by (standard input) or
//! under a text name: its rows of the same number of values say it is CSV, and its tasks are
//! read. Prose with ASCII commas stays prose.

use gongwen_parse::{InputFormat, Options, SourceFormat, parse};

const CSV: &str = "序号,重点任务,牵头单位,配合单位,完成时限\n\
1,推进数字政府建设,市大数据局,市财政局、市发展改革委,2024年底\n\
2,优化营商环境,市发展改革委,市市场监管局,持续推进\n\
3,完善公共服务,市政务服务办,\"市民政局、市人力社保局\",2025年6月\n";

fn parse_as(bytes: &[u8], format: Option<InputFormat>) -> gongwen_parse::Document {
    let options = Options {
        format,
        ..Options::default()
    };
    parse(bytes, &options).expect("parses")
}

#[test]
fn csv_without_a_name_is_read_as_csv() {
    for format in [None, Some(InputFormat::Text)] {
        let d = parse_as(CSV.as_bytes(), format);
        assert_eq!(d.source.format, SourceFormat::Csv, "{format:?}");
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
                    "推进数字政府建设",
                    vec!["市大数据局"],
                    vec!["市财政局", "市发展改革委"]
                ),
                ("优化营商环境", vec!["市发展改革委"], vec!["市市场监管局"]),
                (
                    "完善公共服务",
                    vec!["市政务服务办"],
                    vec!["市民政局", "市人力社保局"]
                ),
            ],
            "{format:?}"
        );
    }
}

#[test]
fn prose_with_ascii_commas_stays_text() {
    let prose = "某某市人民政府关于加强安全生产工作的通知\n\
各区县人民政府,市政府各部门:\n\
为切实做好安全生产工作,现就有关事项通知如下.\n\
一,提高认识,加强领导,落实责任.\n\
二,强化排查,整治隐患.\n\
某某市人民政府\n\
2024年3月1日\n";
    let d = parse_as(prose.as_bytes(), None);
    assert_eq!(d.source.format, SourceFormat::Text);
    assert_eq!(d.notice.signature.as_deref(), Some("某某市人民政府"));
}

/// Rows of the same width that hold no task table (a list of names and numbers) are read as
/// the text they were given as, not as an empty workbook.
#[test]
fn even_rows_without_a_task_table_stay_text() {
    let rows = "张三,市财政局,13800000000\n李四,市民政局,13900000000\n王五,市公安局,13700000000\n";
    let d = parse_as(rows.as_bytes(), None);
    assert_eq!(d.source.format, SourceFormat::Text);
    assert!(d.tasks.is_empty());
}
