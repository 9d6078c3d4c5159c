//! Readers: a `pdftotext -layout` header spread across its cells letter by letter.

use gongwen_parse::{Document, Options, parse};
use gongwen_tests::numbered_units;

fn read(text: &str) -> Document {
    parse(text.as_bytes(), &Options::default()).expect("parses")
}

/// A PDF of a Word table prints its header spread across each cell (`序 号 主  要  任  务`):
/// one space between `号` and `主` where the narrow number column is full. The header is read
/// as its words, and the rows as they are with `序号  主要任务`.
#[test]
fn a_header_spaced_out_letter_by_letter_is_read_as_its_words() {
    let header = "序 号 主  要  任  务                          牵 头 单 位       配 合 单 位";
    let rows = "\
一、夯实数字政府基础支撑
1     健全移动端功能，推动高频政务服务事项    省卫生健康委
      掌上办、指尖办。
2     整合一网通办服务体系，推动企业和群众    省政务管理办      省自然资源厅、省发展
      办事只进一扇门。                                          改革委、省公安厅
";
    let spaced = read(&format!(
        "湖北省数字政府建设重点任务分工\n\n{header}\n{rows}"
    ));
    let plain = read(&format!(
        "湖北省数字政府建设重点任务分工\n\n序号  主要任务                              牵头单位          配合单位\n{rows}"
    ));
    let expected = vec![
        (
            1,
            "健全移动端功能，推动高频政务服务事项掌上办、指尖办。",
            vec!["省卫生健康委"],
            vec![],
        ),
        (
            2,
            "整合一网通办服务体系，推动企业和群众办事只进一扇门。",
            vec!["省政务管理办"],
            vec!["省自然资源厅", "省发展改革委", "省公安厅"],
        ),
    ];
    assert_eq!(numbered_units(&plain), expected);
    assert_eq!(numbered_units(&spaced), expected);
    assert!(
        !spaced.diagnostics.iter().any(|d| d.code == "no_task_table"),
        "{:?}",
        spaced.diagnostics
    );
}

/// Under a header spaced out letter by letter, a row's text is not cut where one of its
/// spaces falls under a letter of the column's name: the name is one cell, and only its start
/// is a column's start.
#[test]
fn a_rows_text_is_not_cut_under_the_letters_of_a_spaced_out_name() {
    let d = read(
        "关于印发重点任务分工的通知\n\n\
         序号  主  要  任  务            牵头单位      配合单位\n\
         1     推进 政务服务热线与110联动  省卫生健康委  省公安厅\n\
         2     整合公共数据授权运营机制。  省政务管理办\n",
    );
    assert_eq!(
        numbered_units(&d),
        vec![
            (
                1,
                "推进 政务服务热线与110联动",
                vec!["省卫生健康委"],
                vec!["省公安厅"]
            ),
            (
                2,
                "整合公共数据授权运营机制。",
                vec!["省政务管理办"],
                vec![]
            ),
        ]
    );
}

/// Prose that names `序 号` spaced out is no header: it does not split into a header's cells.
#[test]
fn prose_naming_a_spaced_out_number_is_no_table() {
    let d = read(
        "关于做好统计工作的通知\n\n各单位：\n\n请按序 号  填写下表，牵头单位  汇总后报送。\n\n某某局\n2024年3月1日\n",
    );
    assert!(d.tasks.is_empty(), "{:?}", d.tasks);
    let json = serde_json::to_string(&d).expect("serialises");
    assert!(
        json.contains("请按序 号 填写下表") || json.contains("请按序号填写下表"),
        "{json}"
    );
    assert!(!json.contains("\"rows\""), "{json}");
}
