//! Misparses mended: a task table's `续表` between its parts, a contact line (`联系人：…`) as the
//! note, a running header missing from the first page, and inline tasks' numbers.

use gongwen_parse::{Document, InputFormat, Options, parse, parse_text};

fn html(page: &str) -> Document {
    let opts = Options {
        format: Some(InputFormat::Html),
        ..Options::default()
    };
    parse(page.as_bytes(), &opts).expect("parses")
}

const HEAD: &str = "某某市人民政府办公厅\n关于印发某某工作方案的通知\n某府办发〔2022〕5号\n\
各区县人民政府，市政府有关部门：\n现将《某某工作方案》印发给你们，请认真贯彻执行。\n\
某某市人民政府办公厅\n2022年5月7日\n（此件公开发布）\n附件\n某某工作方案任务分工\n";

/// The attachment's task table, split after its second row by `between` (lines), the header
/// printed again on the second page when `header_again`.
fn split_table(between: &str, header_again: bool) -> String {
    let header = "序号\t主要任务\t牵头单位\t配合单位\n";
    let mut text = format!(
        "{HEAD}{header}1\t推进甲事项\t市发展改革委\t市财政局\n2\t推进乙事项\t市教委\t市科技局\n{between}\n"
    );
    if header_again {
        text.push_str(header);
    }
    text.push_str("3\t推进丙事项\t市商务委\t市财政局\n4\t推进丁事项\t市交通局\t市公安局\n");
    text
}

fn one_table_of_four_tasks(d: &Document, what: &str) {
    let part = d.parts.last().expect("a part");
    assert!(part.preamble.is_empty(), "{what}: {:?}", part.preamble);
    assert!(part.sections.is_empty(), "{what}: {:?}", part.sections);
    assert_eq!(part.tables.len(), 1, "{what}: {:?}", part.tables);
    let t = &part.tables[0];
    let numbers: Vec<&str> = t.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(numbers, ["序号", "1", "2", "3", "4"], "{what}");
    assert_eq!(t.rows.len(), t.row_lines.len(), "{what}");
    assert!(
        t.rows.iter().flatten().all(|c| !c.contains('续')),
        "{what}: {:?}",
        t.rows
    );
    let seqs: Vec<u32> = d.tasks.iter().map(|t| t.seq).collect();
    assert_eq!(seqs, [1, 2, 3, 4], "{what}");
}

#[test]
fn a_continued_table_marker_joins_the_parts_of_a_text_table() {
    for marker in [
        "续表",
        "续表1",
        "（续表）",
        "续上表",
        "附件（续）",
        "某某工作方案任务分工（续）",
        "某某工作方案任务分工",
    ] {
        for header_again in [true, false] {
            let d = parse_text(&split_table(marker, header_again));
            one_table_of_four_tasks(&d, &format!("{marker} {header_again}"));
        }
    }
}

#[test]
fn a_sentence_between_two_tables_stays_text() {
    let d = parse_text(&split_table("本表所列任务按季度调度。", true));
    let part = d.parts.last().expect("a part");
    assert_eq!(part.preamble, ["本表所列任务按季度调度。"]);
    assert_eq!(part.tables.len(), 2);
}

#[test]
fn a_continued_table_marker_joins_the_tables_of_a_page() {
    let row = |cells: [&str; 4]| {
        let cells: String = cells.iter().map(|c| format!("<td>{c}</td>")).collect();
        format!("<tr>{cells}</tr>")
    };
    let mut page = String::from("<html><body><div class=\"content\">");
    for l in HEAD.lines() {
        page.push_str(&format!("<p>{l}</p>"));
    }
    page.push_str("<table>");
    page.push_str(&row(["序号", "主要任务", "牵头单位", "配合单位"]));
    page.push_str(&row(["1", "推进甲事项", "市发展改革委", "市财政局"]));
    page.push_str(&row(["2", "推进乙事项", "市教委", "市科技局"]));
    page.push_str("</table><p>（续表）</p><table>");
    page.push_str(&row(["3", "推进丙事项", "市商务委", "市财政局"]));
    page.push_str(&row(["4", "推进丁事项", "市交通局", "市公安局"]));
    page.push_str("</table></div></body></html>");
    one_table_of_four_tasks(&html(&page), "page");
}

#[test]
fn a_continued_table_marker_is_no_text_of_a_bare_table_page() {
    let page = "<html><body><div class=\"content\"><table>\
        <tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>\
        <tr><td>1</td><td>推进城市更新。</td><td>市住房城乡建委</td><td>市财政局</td></tr></table>\
        <p>续表</p><table>\
        <tr><td>2</td><td>优化营商环境。</td><td>市发展改革委</td><td>市市场监管局</td></tr></table>\
        </div></body></html>";
    let d = html(page);
    assert!(
        d.notice.body.iter().all(|p| !p.contains('续')),
        "{:?}",
        d.notice.body
    );
    let tables: Vec<usize> = d
        .parts
        .iter()
        .flat_map(|p| p.tables.iter().map(|t| t.rows.len()))
        .collect();
    assert_eq!(tables, [3]);
    assert_eq!(d.tasks.len(), 2);
}

const LETTER: &str = "某某区人民政府办公室\n关于报送某某材料的通知\n各街道办事处，区政府有关部门：\n\
一、报送内容\n请于5月底前报送某某材料。\n二、工作要求\n请按时报送。\n";

#[test]
fn a_contact_line_after_the_letter_is_the_note() {
    for (text, note) in [
        // At the end of the letter, right above the signature.
        (
            format!(
                "{LETTER}（联系人：张三，联系电话：023-12345678）\n某某区人民政府办公室\n2022年5月7日\n"
            ),
            "联系人：张三，联系电话：023-12345678",
        ),
        (
            format!(
                "{LETTER}联系人：张三\n联系电话：023-12345678\n某某区人民政府办公室\n2022年5月7日\n（此件公开发布）\n"
            ),
            "此件公开发布；联系人：张三；联系电话：023-12345678",
        ),
        // Under the date, after the note, before an attachment.
        (
            format!(
                "{LETTER}某某区人民政府办公室\n2022年5月7日\n（此件公开发布）\n（联系人：张三，联系电话：023-12345678）\n附件\n某某材料清单\n一、基本情况\n填写基本情况。\n"
            ),
            "此件公开发布；联系人：张三，联系电话：023-12345678",
        ),
        // At the end of the letter, above its 附件说明.
        (
            format!(
                "{LETTER}联系人：张三，联系电话：023-12345678\n附件：1．某某材料清单\n2．填报说明\n某某区人民政府办公室\n2022年5月7日\n"
            ),
            "联系人：张三，联系电话：023-12345678",
        ),
        // Under the date, bare.
        (
            format!(
                "{LETTER}某某区人民政府办公室\n2022年5月7日\n联系人：张三；电话：023-12345678\n"
            ),
            "联系人：张三；电话：023-12345678",
        ),
    ] {
        let d = parse_text(&text);
        assert_eq!(d.notice.note.as_deref(), Some(note), "{text}");
        let body = &d.parts[0];
        assert_eq!(body.sections[1].paragraphs, ["请按时报送。"], "{text}");
        assert!(
            d.parts
                .iter()
                .all(|p| p.kind != gongwen_parse::PartKind::Enclosure),
            "{text}"
        );
        assert!(d.notice.body.iter().all(|p| !p.contains("联系")), "{text}");
    }
}

#[test]
fn a_contact_under_a_heading_of_its_own_stays_text() {
    let text = format!(
        "{LETTER}三、联系方式\n联系人：张三，联系电话：023-12345678\n某某区人民政府办公室\n2022年5月7日\n（此件公开发布）\n"
    );
    let d = parse_text(&text);
    assert_eq!(d.notice.note.as_deref(), Some("此件公开发布"));
    assert_eq!(
        d.parts[0].sections[2].paragraphs,
        ["联系人：张三，联系电话：023-12345678"]
    );
    // So does one introduced by the text above it, above the 附件说明 too.
    let text = format!(
        "{LETTER}三、联系方式\n联系人：张三，联系电话：023-12345678\n附件：某某材料清单\n某某区人民政府办公室\n2022年5月7日\n"
    );
    let d = parse_text(&text);
    assert_eq!(d.notice.note, None);
    assert_eq!(
        d.parts[0].sections[2].paragraphs,
        ["联系人：张三，联系电话：023-12345678"]
    );
    assert_eq!(d.notice.attachments.len(), 1);
}

/// A notice and its enclosed plan over four pages, numbered `— n —` at their feet, each page
/// after the first under `header` (lines), and the plan's title on top of the pages after its
/// first when `title_again`.
fn paged(header: &str, title_again: bool) -> String {
    let pages = [
        "某某市人民政府\n关于印发某某工作方案的通知\n某府发〔2022〕5号\n各区县人民政府，市政府有关部门：\n\
         现将《某某工作方案》印发给你们，请认真贯彻执行。\n某某市人民政府\n2022年5月7日\n（此件公开发布）\n",
        "某某工作方案\n为推进某某工作，制定本方案。\n一、总体要求\n（一）指导思想。坚持稳中求进，推动某某工作\n",
        "取得实效。\n（二）工作目标。到2025年，某某工作取得明显成效。\n二、重点任务\n",
        "（一）推进甲事项。加快推进甲事项。\n（二）推进乙事项。加快推进乙事项。\n",
    ];
    let mut text = String::new();
    for (i, page) in pages.iter().enumerate() {
        if i > 0 {
            text.push('\u{c}');
            text.push_str(header);
            if title_again && i > 1 {
                text.push_str("某某工作方案\n");
            }
            text.push('\n');
        }
        text.push_str(page);
        text.push_str(&format!("\n                — {} —\n", i + 1));
    }
    text
}

#[test]
fn a_running_header_on_every_page_but_the_first_goes() {
    for header in ["某某市人民政府公报\n", "某某市人民政府公报\n2022年第5期\n"]
    {
        let d = parse_text(&paged(header, false));
        let json = serde_json::to_string(&d).expect("json");
        assert!(!json.contains("公报") && !json.contains("第5期"), "{json}");
        let plan = d.parts.last().expect("the plan");
        assert_eq!(plan.title.as_deref(), Some("某某工作方案"), "{header}");
        assert_eq!(plan.preamble, ["为推进某某工作，制定本方案。"], "{header}");
        assert_eq!(plan.sections.len(), 2, "{header}");
    }
}

#[test]
fn a_title_the_letter_names_stays_where_it_starts_the_plan() {
    // The plan's title tops the second page and, as a running header, every page after it.
    let d = parse_text(&paged("", true));
    let plan = d.parts.last().expect("the plan");
    assert_eq!(plan.title.as_deref(), Some("某某工作方案"));
    assert_eq!(plan.preamble, ["为推进某某工作，制定本方案。"]);
    assert_eq!(d.parts.len(), 1);
}

#[test]
fn inline_tasks_at_several_heading_levels_are_numbered_on() {
    let text = "某某市人民政府\n关于某某工作的意见\n某府发〔2022〕5号\n各区县人民政府，市政府有关部门：\n\
        为推进某某工作，提出如下意见。\n\
        一、加快推进甲事项。推进甲事项建设。（牵头单位：市发展改革委；配合单位：市财政局）\n\
        （一）推进甲一事项。加快甲一建设。（牵头单位：市教委；配合单位：市科技局）\n\
        （二）推进甲二事项。加快甲二建设。（牵头单位：市商务委）\n\
        二、加快推进乙事项。推进乙事项建设。（牵头单位：市交通局）\n\
        （一）推进乙一事项。加快乙一建设。（牵头单位：市公安局）\n\
        （五）推进乙五事项。加快乙五建设。（牵头单位：市水利局）\n\
        某某市人民政府\n2022年5月7日\n";
    let d = parse_text(text);
    let got: Vec<(u32, Option<&str>)> = d
        .tasks
        .iter()
        .map(|t| (t.seq, t.marker.as_deref()))
        .collect();
    // Numbers that rise are the markers'; the others count on.
    assert_eq!(
        got,
        [
            (1, Some("一、")),
            (2, Some("（一）")),
            (3, Some("（二）")),
            (4, Some("二、")),
            (5, Some("（一）")),
            (6, Some("（五）")),
        ]
    );
}

#[test]
fn inline_tasks_whose_numbers_rise_keep_their_markers_numbers() {
    let text = "某某市人民政府\n关于某某工作的意见\n某府发〔2022〕5号\n各区县人民政府，市政府有关部门：\n\
        为推进某某工作，提出如下意见。\n\
        一、总体要求\n做好某某工作。\n\
        二、加快推进乙事项。推进乙事项建设。（牵头单位：市交通局）\n\
        四、加快推进丁事项。推进丁事项建设。（牵头单位：市公安局）\n\
        某某市人民政府\n2022年5月7日\n";
    let d = parse_text(text);
    let seqs: Vec<u32> = d.tasks.iter().map(|t| t.seq).collect();
    assert_eq!(seqs, [2, 4]);
}

#[test]
fn a_row_printed_3_after_a_number_counted_on_to_3_is_a_task_of_its_own() {
    let text = "某某工作任务分工\n序号\t主要任务\t牵头单位\t配合单位\n\
        1\t推进甲事项。\t市发展改革委\t市财政局\n\
        2\t推进乙事项。\t市教委\t市科技局\n\
        2.1\t推进乙一事项。\t市教委\t市财政局\n\
        3\t推进丙事项。\t\t\n\
        4\t推进丁事项。\t市交通局\t市公安局\n";
    let d = parse_text(text);
    let got: Vec<(u32, &str, Option<&str>)> = d
        .tasks
        .iter()
        .map(|t| (t.seq, t.text.as_str(), t.marker.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (1, "推进甲事项。", None),
            (2, "推进乙事项。", None),
            (3, "推进乙一事项。", Some("2.1")),
            (3, "推进丙事项。", None),
            (4, "推进丁事项。", None),
        ]
    );
    // The number 3 was printed once: no repeat.
    assert!(
        d.diagnostics.iter().all(|x| x.code != "task_number_repeat"),
        "{:?}",
        d.diagnostics
    );
}

#[test]
fn a_continued_table_marker_as_a_title_row_joins_the_tables_of_a_page() {
    let page = "<html><body><div class=\"content\"><p>附件</p><p>某某工作方案任务分工</p><table>\
        <tr><td>序号</td><td>主要任务</td><td>牵头单位</td><td>配合单位</td></tr>\
        <tr><td>1</td><td>推进甲事项</td><td>市发展改革委</td><td>市财政局</td></tr></table>\
        <table><tr><td colspan=\"4\">续表</td></tr>\
        <tr><td>序号</td><td>主要任务</td><td>牵头单位</td><td>配合单位</td></tr>\
        <tr><td>2</td><td>推进乙事项</td><td>市教委</td><td>市科技局</td></tr></table>\
        </div></body></html>";
    let d = html(page);
    let tables: Vec<(Option<&str>, usize)> = d
        .parts
        .iter()
        .flat_map(|p| {
            p.tables
                .iter()
                .map(|t| (t.caption.as_deref(), t.rows.len()))
        })
        .collect();
    // The page is the attachment alone: its title titles the part, not the table.
    assert_eq!(tables, [(None, 3)]);
    assert_eq!(d.parts[0].title.as_deref(), Some("某某工作方案任务分工"));
    assert_eq!(d.tasks.len(), 2);
}

/// A Word document whose body is `body` (WordprocessingML paragraphs and tables).
fn docx(body: &str) -> Vec<u8> {
    use std::io::{Cursor, Write};
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    for (name, data) in [
        ("[Content_Types].xml", "<Types/>"),
        ("word/document.xml", document.as_str()),
    ] {
        w.start_file(name, o).expect("zip entry");
        w.write_all(data.as_bytes()).expect("zip data");
    }
    w.finish().expect("zip finish").into_inner()
}

/// A Word paragraph of one run of text.
fn word_paragraph(t: &str) -> String {
    format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>")
}

/// A Word table row of four cells, a paragraph each.
fn word_row(cells: [&str; 4]) -> String {
    let cells: String = cells
        .iter()
        .map(|c| format!("<w:tc>{}</w:tc>", word_paragraph(c)))
        .collect();
    format!("<w:tr>{cells}</w:tr>")
}

#[test]
fn a_continued_table_marker_joins_the_tables_of_a_word_document() {
    let (p, row) = (word_paragraph, word_row);
    let mut body: String = HEAD.lines().map(p).collect();
    body.push_str("<w:tbl>");
    body.push_str(&row(["序号", "主要任务", "牵头单位", "配合单位"]));
    body.push_str(&row(["1", "推进甲事项", "市发展改革委", "市财政局"]));
    body.push_str(&row(["2", "推进乙事项", "市教委", "市科技局"]));
    body.push_str("</w:tbl>");
    body.push_str(&p("续表1"));
    body.push_str("<w:tbl>");
    body.push_str(&row(["序号", "主要任务", "牵头单位", "配合单位"]));
    body.push_str(&row(["3", "推进丙事项", "市商务委", "市财政局"]));
    body.push_str(&row(["4", "推进丁事项", "市交通局", "市公安局"]));
    body.push_str("</w:tbl>");
    let opts = Options {
        format: Some(InputFormat::Docx),
        ..Options::default()
    };
    let d = parse(&docx(&body), &opts).expect("parses");
    one_table_of_four_tasks(&d, "docx");
}

#[test]
fn a_continued_table_row_inside_one_table_is_no_group() {
    // The page break fell inside one <table>: a row `续表` across the width, then the header
    // again. The tasks after it are still the group's above; `续表` was read as a group heading.
    let page = "<html><body><div class=\"content\"><p>附件</p><p>某某工作方案任务分工</p><table>\
        <tr><td>序号</td><td>主要任务</td><td>牵头单位</td><td>配合单位</td></tr>\
        <tr><td colspan=\"4\">一、深化改革</td></tr>\
        <tr><td>1</td><td>推进甲事项</td><td>市发展改革委</td><td>市财政局</td></tr>\
        <tr><td colspan=\"4\" align=\"right\">续表</td></tr>\
        <tr><td>序号</td><td>主要任务</td><td>牵头单位</td><td>配合单位</td></tr>\
        <tr><td>2</td><td>推进乙事项</td><td>市教委</td><td>市科技局</td></tr></table>\
        </div></body></html>";
    let d = html(page);
    gongwen_tests::assert_continued_row_dropped(&d);
}

#[test]
fn a_continued_table_row_inside_one_word_table_is_no_group() {
    // The same in Word: a row `续表` (one cell across the width) and the header again, inside
    // one table.
    let (p, row) = (word_paragraph, word_row);
    let across = |t: &str| {
        format!(
            "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"4\"/></w:tcPr>{}</w:tc></w:tr>",
            p(t)
        )
    };
    let mut body: String = HEAD.lines().map(p).collect();
    body.push_str("<w:tbl>");
    body.push_str(&row(["序号", "主要任务", "牵头单位", "配合单位"]));
    body.push_str(&across("一、深化改革"));
    body.push_str(&row(["1", "推进甲事项", "市发展改革委", "市财政局"]));
    body.push_str(&across("续表"));
    body.push_str(&row(["序号", "主要任务", "牵头单位", "配合单位"]));
    body.push_str(&row(["2", "推进乙事项", "市教委", "市科技局"]));
    body.push_str("</w:tbl>");
    let opts = Options {
        format: Some(InputFormat::Docx),
        ..Options::default()
    };
    let d = parse(&docx(&body), &opts).expect("parses");
    gongwen_tests::assert_continued_row_dropped(&d);
}
