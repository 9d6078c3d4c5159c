//! Tables of web pages as Word saves them: rows moved off the table's grid (Word's placeholder
//! cells and sliver cells in a column a header cell spans) keep their cells in their columns.

use gongwen_parse::{Document, InputFormat, Options, parse};
use gongwen_tests::task_units;

fn parse_html(page: &str) -> Document {
    let options = Options {
        format: Some(InputFormat::Html),
        ..Options::default()
    };
    parse(page.as_bytes(), &options).expect("parses")
}

/// A Word page: a short notice, then its task table made of `rows` (each a row's `<td>`s).
fn word_page(rows: &[&str]) -> String {
    let mut page = String::from(
        "<html><head><meta charset=utf-8></head><body><div class=WordSection1>\
         <p class=MsoNormal align=center>某某省人民政府办公厅关于印发某某省县域商业建设方案的通知</p>\
         <p class=MsoNormal align=center>某政办〔2023〕27号</p>\
         <p class=MsoNormal>各市人民政府，省人民政府各部门：</p>\
         <p class=MsoNormal>《某某省县域商业建设方案》已经省政府同意，现印发给你们，请认真贯彻执行。</p>\
         <p class=MsoNormal align=right>某某省人民政府办公厅</p>\
         <p class=MsoNormal align=right>2023年5月16日</p>\
         <p class=MsoNormal>附件</p><p class=MsoNormal align=center>重点任务分工表</p>\
         <table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0>",
    );
    for row in rows {
        page.push_str("<tr>");
        page.push_str(row);
        page.push_str("</tr>");
    }
    page.push_str("</table></div></body></html>");
    page
}

fn td(text: &str) -> String {
    format!(
        "<td style='border:solid windowtext 1.0pt'><p class=MsoNormal align=center><span>{text}</span></p></td>"
    )
}

fn td_span(text: &str) -> String {
    format!(
        "<td colspan=2 style='border:solid windowtext 1.0pt'><p class=MsoNormal>{text}</p></td>"
    )
}

const PLACEHOLDER: &str = "<td style='mso-cell-special:placeholder;border:none;padding:0cm 0cm 0cm 0cm' width=8><p class='MsoNormal'>&nbsp;</td>";
const SLIVER: &str = "<td width=0 style='border:none'></td>";

fn expected() -> Vec<(&'static str, Vec<&'static str>, Vec<&'static str>)> {
    vec![
        ("完善县城商业设施", vec!["省商务厅"], vec!["省财政厅"]),
        (
            "提升乡镇商贸中心",
            vec!["省商务厅"],
            vec!["省自然资源厅", "省住房城乡建设厅"],
        ),
        (
            "发展农村物流配送",
            vec!["省邮政管理局"],
            vec!["省交通运输厅"],
        ),
    ]
}

fn time_limits(d: &Document) -> Vec<&str> {
    d.tasks
        .iter()
        .map(|t| t.extra.get("完成时限").map_or("", String::as_str))
        .collect()
}

#[test]
fn a_row_moved_right_by_a_placeholder_keeps_its_cells_in_their_columns() {
    // w:gridBefore: the 序号 column is split; the header and rows 1, 3 span both parts.
    let header = format!(
        "{}{}{}{}{}",
        td_span("序号"),
        td("重点任务"),
        td("牵头单位"),
        td("配合单位"),
        td("完成时限")
    );
    let r1 = format!(
        "{}{}{}{}{}",
        td_span("1"),
        td("完善县城商业设施"),
        td("省商务厅"),
        td("省财政厅"),
        td("2025年底")
    );
    let r2 = format!(
        "{PLACEHOLDER}{}{}{}{}{}",
        td("2"),
        td("提升乡镇商贸中心"),
        td("省商务厅"),
        td("省自然资源厅、省住房城乡建设厅"),
        td("2024年底")
    );
    let r3 = format!(
        "{}{}{}{}{}",
        td_span("3"),
        td("发展农村物流配送"),
        td("省邮政管理局"),
        td("省交通运输厅"),
        td("持续推进")
    );
    let d = parse_html(&word_page(&[&header, &r1, &r2, &r3]));
    assert_eq!(task_units(&d), expected());
    assert_eq!(time_limits(&d), ["2025年底", "2024年底", "持续推进"]);
    assert!(d.tasks.iter().all(|t| t.extra.len() == 1), "{:?}", d.tasks);
}

#[test]
fn a_placeholder_at_a_rows_end_keeps_its_time_limit() {
    // w:gridAfter: the 完成时限 column is split.
    let header = format!(
        "{}{}{}{}{}",
        td("序号"),
        td("重点任务"),
        td("牵头单位"),
        td("配合单位"),
        td_span("完成时限")
    );
    let r1 = format!(
        "{}{}{}{}{}",
        td("1"),
        td("完善县城商业设施"),
        td("省商务厅"),
        td("省财政厅"),
        td_span("2025年底")
    );
    let r2 = format!(
        "{}{}{}{}{}{PLACEHOLDER}",
        td("2"),
        td("提升乡镇商贸中心"),
        td("省商务厅"),
        td("省自然资源厅、省住房城乡建设厅"),
        td("2024年底")
    );
    let r3 = format!(
        "{}{}{}{}{}",
        td("3"),
        td("发展农村物流配送"),
        td("省邮政管理局"),
        td("省交通运输厅"),
        td_span("持续推进")
    );
    let d = parse_html(&word_page(&[&header, &r1, &r2, &r3]));
    assert_eq!(task_units(&d), expected());
    assert_eq!(time_limits(&d), ["2025年底", "2024年底", "持续推进"]);
    let table = d
        .parts
        .iter()
        .flat_map(|p| &p.tables)
        .next()
        .expect("a table");
    assert_eq!(table.rows[0].iter().filter(|c| *c == "完成时限").count(), 1);
}

#[test]
fn a_sliver_cell_in_a_spanned_task_or_lead_column_is_no_column() {
    // An empty zero-width cell before the task text, under a 重点任务 header over two columns.
    let header = format!(
        "{}{}{}{}{}",
        td("序号"),
        td_span("重点任务"),
        td("牵头单位"),
        td("配合单位"),
        td("完成时限")
    );
    let r1 = format!(
        "{}{}{}{}{}",
        td("1"),
        td_span("完善县城商业设施"),
        td("省商务厅"),
        td("省财政厅"),
        td("2025年底")
    );
    let r2 = format!(
        "{}{SLIVER}{}{}{}{}",
        td("2"),
        td("提升乡镇商贸中心"),
        td("省商务厅"),
        td("省自然资源厅、省住房城乡建设厅"),
        td("2024年底")
    );
    let r3 = format!(
        "{}{}{}{}{}",
        td("3"),
        td_span("发展农村物流配送"),
        td("省邮政管理局"),
        td("省交通运输厅"),
        td("持续推进")
    );
    let d = parse_html(&word_page(&[&header, &r1, &r2, &r3]));
    assert_eq!(task_units(&d), expected());
    assert_eq!(time_limits(&d), ["2025年底", "2024年底", "持续推进"]);
    // The same in the lead column, with the sub-cells each row fills one of.
    let header = format!(
        "{}{}{}{}{}",
        td("序号"),
        td("重点任务"),
        td_span("牵头单位"),
        td("配合单位"),
        td("完成时限")
    );
    let r1 = format!(
        "{}{}{}{}{}{}",
        td("1"),
        td("完善县城商业设施"),
        td("省商务厅"),
        td(""),
        td("省财政厅"),
        td("2025年底")
    );
    let r2 = format!(
        "{}{}{}{}{}{}",
        td("2"),
        td("提升乡镇商贸中心"),
        td(""),
        td("省商务厅"),
        td("省自然资源厅、省住房城乡建设厅"),
        td("2024年底")
    );
    let r3 = format!(
        "{}{}{}{}{}",
        td("3"),
        td("发展农村物流配送"),
        td_span("省邮政管理局"),
        td("省交通运输厅"),
        td("持续推进")
    );
    let d = parse_html(&word_page(&[&header, &r1, &r2, &r3]));
    assert_eq!(task_units(&d), expected());
    assert_eq!(time_limits(&d), ["2025年底", "2024年底", "持续推进"]);
}

#[test]
fn columns_a_header_parts_stay_apart() {
    // 责任单位 over 牵头 | 配合: two columns, though one header cell spans them.
    let header = format!("{}{}{}", td("序号"), td("重点任务"), td_span("责任单位"));
    let sub = format!("{}{}{}{}", td(""), td(""), td("牵头单位"), td("配合单位"));
    let r1 = format!(
        "{}{}{}{}",
        td("1"),
        td("完善县城商业设施"),
        td("省商务厅"),
        td("")
    );
    let r2 = format!(
        "{}{}{}{}",
        td("2"),
        td("提升乡镇商贸中心"),
        td("省商务厅"),
        td("省自然资源厅")
    );
    let d = parse_html(&word_page(&[&header, &sub, &r1, &r2]));
    assert_eq!(
        task_units(&d),
        vec![
            ("完善县城商业设施", vec!["省商务厅"], vec![]),
            ("提升乡镇商贸中心", vec!["省商务厅"], vec!["省自然资源厅"]),
        ]
    );
}

#[test]
fn a_unit_name_broken_over_a_cells_lines_is_one_unit() {
    // A CMS paste of a narrow column (`<br>`), and a page made from a PDF (a `<p>` a line).
    let header = format!(
        "{}{}{}{}",
        td("序号"),
        td("重点任务"),
        td("牵头单位"),
        td("配合单位")
    );
    let r1 = format!(
        "{}{}{}<td>市住房城乡<br>建设局、天河<br>区政府</td>",
        td("1"),
        td("完善县城商业设施"),
        td("省商务厅")
    );
    let r2 = format!(
        "{}{}{}<td><p class=MsoNormal>省发展改革委、省财</p><p class=MsoNormal>政厅</p></td>",
        td("2"),
        td("提升乡镇商贸中心"),
        td("省商务厅")
    );
    let r3 = format!(
        "{}{}{}<td>市科技局<br>市教委</td>",
        td("3"),
        td("发展农村物流配送"),
        td("省邮政管理局")
    );
    let d = parse_html(&word_page(&[&header, &r1, &r2, &r3]));
    assert_eq!(
        task_units(&d),
        vec![
            (
                "完善县城商业设施",
                vec!["省商务厅"],
                vec!["市住房城乡建设局", "天河区政府"]
            ),
            (
                "提升乡镇商贸中心",
                vec!["省商务厅"],
                vec!["省发展改革委", "省财政厅"]
            ),
            (
                "发展农村物流配送",
                vec!["省邮政管理局"],
                vec!["市科技局", "市教委"]
            ),
        ]
    );
}

#[test]
fn a_row_cut_by_a_page_break_is_one_task() {
    // A PDF rebuilt as a Word table: row 2 goes on in a row with no number and no lead, its
    // text, units and time limit each cut mid-word.
    let header = format!(
        "{}{}{}{}{}",
        td("序号"),
        td("重点任务"),
        td("牵头单位"),
        td("配合单位"),
        td("完成时限")
    );
    let r1 = format!(
        "{}{}{}{}{}",
        td("1"),
        td("完善县城商业设施"),
        td("省商务厅"),
        td("省财政厅"),
        td("2025年底")
    );
    let r2 = format!(
        "{}{}{}{}{}",
        td("2"),
        td("提升乡镇商贸中心，推动乡镇商贸中心改造提升，补齐"),
        td("省商务厅"),
        td("省自然资源厅、"),
        td("2024年")
    );
    let r2b = format!(
        "{}{}{}{}{}",
        td(""),
        td("生活服务短板，到2024年底完成200个乡镇改造"),
        td(""),
        td("省住房城乡建设厅"),
        td("底")
    );
    let r3 = format!(
        "{}{}{}{}{}",
        td("3"),
        td("发展农村物流配送"),
        td("省邮政管理局"),
        td("省交通运输厅"),
        td("持续推进")
    );
    let d = parse_html(&word_page(&[&header, &r1, &r2, &r2b, &r3]));
    assert_eq!(
        task_units(&d),
        vec![
            ("完善县城商业设施", vec!["省商务厅"], vec!["省财政厅"]),
            (
                "提升乡镇商贸中心，推动乡镇商贸中心改造提升，补齐生活服务短板，到2024年底完成200个乡镇改造",
                vec!["省商务厅"],
                vec!["省自然资源厅", "省住房城乡建设厅"]
            ),
            (
                "发展农村物流配送",
                vec!["省邮政管理局"],
                vec!["省交通运输厅"]
            ),
        ]
    );
    assert_eq!(time_limits(&d), ["2025年底", "2024年底", "持续推进"]);
    assert!(
        d.diagnostics.iter().all(|x| x.code != "task_without_lead"),
        "{:?}",
        d.diagnostics
    );
}

#[test]
fn a_placeholder_with_no_grid_column_of_its_own_is_left_out() {
    // No cell spans the column the placeholder would take: the row is read without it.
    let header = format!(
        "{}{}{}{}{}",
        td("序号"),
        td("重点任务"),
        td("牵头单位"),
        td("配合单位"),
        td("完成时限")
    );
    let r1 = format!(
        "{}{}{}{}{}",
        td("1"),
        td("完善县城商业设施"),
        td("省商务厅"),
        td("省财政厅"),
        td("2025年底")
    );
    let r2 = format!(
        "{PLACEHOLDER}{}{}{}{}{}",
        td("2"),
        td("提升乡镇商贸中心"),
        td("省商务厅"),
        td("省自然资源厅、省住房城乡建设厅"),
        td("2024年底")
    );
    let r3 = format!(
        "{}{}{}{}{}",
        td("3"),
        td("发展农村物流配送"),
        td("省邮政管理局"),
        td("省交通运输厅"),
        td("持续推进")
    );
    let d = parse_html(&word_page(&[&header, &r1, &r2, &r3]));
    assert_eq!(task_units(&d), expected());
    assert_eq!(time_limits(&d), ["2025年底", "2024年底", "持续推进"]);
}

#[test]
fn a_merged_number_reads_back_from_the_normalized_text_as_one_number() {
    let header = format!(
        "{}{}{}{}{}",
        td("序号"),
        td("重点任务"),
        td("具体措施"),
        td("牵头单位"),
        td("配合单位")
    );
    let r1 = format!(
        "<td rowspan=2>1</td><td rowspan=2>完善县城商业设施</td>{}{}{}",
        td("建设改造县城综合商贸服务中心"),
        td("省商务厅"),
        td("省发展改革委")
    );
    let r2 = format!(
        "{}{}{}",
        td("改造提升县城农贸市场"),
        td("省商务厅"),
        td("省市场监管局")
    );
    let r3 = format!(
        "{}{}{}{}{}",
        td("2"),
        td("发展农村物流配送"),
        td("推进共同配送"),
        td("省邮政管理局"),
        td("省交通运输厅")
    );
    let d = parse_html(&word_page(&[&header, &r1, &r2, &r3]));
    let seqs: Vec<u32> = d.tasks.iter().map(|t| t.seq).collect();
    assert_eq!(seqs, [1, 1, 2]);
    let text = gongwen_emit::text::to_text(&d);
    let back = gongwen_parse::parse_text(&text);
    let back_seqs: Vec<u32> = back.tasks.iter().map(|t| t.seq).collect();
    assert_eq!(back_seqs, seqs, "{text}");
    assert!(
        back.diagnostics
            .iter()
            .all(|x| x.code != "task_number_repeat")
    );
}
