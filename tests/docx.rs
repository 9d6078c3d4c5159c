//! The seed notice as a Word document: built here from the seed's text (its paragraphs as
//! `w:p`, its task table as a `w:tbl` with group rows spanning the columns), once with every
//! number typed and once with the headings and the 序号 column numbered by Word's automatic
//! numbering. Both must give the seed's notice, outline and tasks; lines are paragraph numbers.

use gongwen_parse::{Document, Options, SourceFormat, parse, parse_text};
use gongwen_tests::{notice_without_line, seed_path, tasks_without_lines};
use std::io::{Cursor, Write};

fn seed_text() -> String {
    std::fs::read_to_string(seed_path()).expect("seed")
}

use gongwen_tests::{escape_markup as esc, word_run as run};

/// A paragraph, numbered by list `num` at `level` when given.
fn para(text: &str, num: Option<(u32, u32)>) -> String {
    let props = num.map_or(String::new(), |(id, level)| {
        format!(
            "<w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{id}\"/></w:numPr></w:pPr>"
        )
    });
    format!("<w:p>{props}{}</w:p>", run(text))
}

fn package(body: &str, numbering: Option<&str>) -> Vec<u8> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", document.as_bytes()),
    ];
    if let Some(n) = numbering {
        parts.push(("word/numbering.xml", n.as_bytes()));
    }
    for (name, data) in parts {
        w.start_file(name, o).expect("zip entry");
        w.write_all(data).expect("zip data");
    }
    w.finish().expect("zip finish").into_inner()
}

/// Lists: 1 and up for the outline (`一、`, `（一）`), one per run of level-0 headings that
/// restarts at 一; 100 for the 序号 column (`1`, `2`, …).
const SEQ_LIST: u32 = 100;

fn numbering_xml(outline_lists: u32) -> String {
    let mut x = String::from(
        "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
    );
    for id in 1..=outline_lists {
        x.push_str(&format!(
            "<w:abstractNum w:abstractNumId=\"{id}\">\
             <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>\
             <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>\
             </w:abstractNum><w:num w:numId=\"{id}\"><w:abstractNumId w:val=\"{id}\"/></w:num>"
        ));
    }
    x.push_str(&format!(
        "<w:abstractNum w:abstractNumId=\"{SEQ_LIST}\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>\
         <w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1\"/></w:lvl></w:abstractNum>\
         <w:num w:numId=\"{SEQ_LIST}\"><w:abstractNumId w:val=\"{SEQ_LIST}\"/></w:num></w:numbering>"
    ));
    x
}

/// A typed heading number at the start of `line`: (level, number, text after it) for `一、…`
/// (level 0) and `（一）…` (level 1).
fn typed_heading(line: &str) -> Option<(u32, u32, &str)> {
    const CN: &str = "一二三四五六七八九十";
    let numeral_end = |s: &str| s.find(|c: char| !CN.contains(c)).unwrap_or(s.len());
    if let Some(rest) = line.strip_prefix('（') {
        let end = numeral_end(rest);
        let after = rest[end..].strip_prefix('）')?;
        let n = gongwen_parse::numbering::parse_cn_number(&rest[..end])?;
        return Some((1, n, after));
    }
    let end = numeral_end(line);
    let after = line[end..].strip_prefix('、')?;
    let n = gongwen_parse::numbering::parse_cn_number(&line[..end])?;
    Some((0, n, after))
}

/// The seed as a DOCX; with `auto`, heading numbers and 序号 cells come from Word's numbering
/// wherever the list would write the same number (elsewhere they stay typed).
fn seed_docx(auto: bool) -> Vec<u8> {
    let text = seed_text();
    let mut body = String::new();
    // Outline lists: the current list and its counters per level.
    let (mut list, mut counters) = (0u32, [0u32; 2]);
    let mut seq = 0u32;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    let flush_table = |rows: &mut Vec<Vec<String>>, body: &mut String, seq: &mut u32| {
        if rows.is_empty() {
            return;
        }
        let width = rows.iter().map(Vec::len).max().unwrap_or(1);
        body.push_str("<w:tbl>");
        for row in rows.drain(..) {
            body.push_str("<w:tr>");
            if row.len() == 1 && width > 1 {
                body.push_str(&format!(
                    "<w:tc><w:tcPr><w:gridSpan w:val=\"{width}\"/></w:tcPr>{}</w:tc>",
                    para(&row[0], None)
                ));
            } else {
                for (k, cell) in row.iter().enumerate() {
                    let number = cell.trim().parse::<u32>().ok();
                    let p = match number {
                        Some(n) if auto && k == 0 && n == *seq + 1 => {
                            *seq = n;
                            para("", Some((SEQ_LIST, 0)))
                        }
                        _ => para(cell, None),
                    };
                    body.push_str(&format!("<w:tc>{p}</w:tc>"));
                }
            }
            body.push_str("</w:tr>");
        }
        body.push_str("</w:tbl>");
    };
    for line in text.lines() {
        if let Some(cell) = line.strip_prefix('\t') {
            cur.push(cell.to_string());
            continue;
        }
        if !cur.is_empty() {
            rows.push(std::mem::take(&mut cur));
        }
        if line.trim().is_empty() {
            continue;
        }
        flush_table(&mut rows, &mut body, &mut seq);
        let heading = typed_heading(line.trim()).filter(|_| auto);
        match heading {
            Some((0, 1, rest)) => {
                list += 1;
                counters = [1, 0];
                body.push_str(&para(rest, Some((list, 0))));
            }
            Some((level, n, rest)) if list > 0 && n == counters[level as usize] + 1 => {
                counters[level as usize] = n;
                if level == 0 {
                    counters[1] = 0;
                }
                body.push_str(&para(rest, Some((list, level))));
            }
            _ => body.push_str(&para(line, None)),
        }
    }
    if !cur.is_empty() {
        rows.push(cur);
    }
    flush_table(&mut rows, &mut body, &mut seq);
    if auto {
        assert!(
            list >= 1 && seq >= 80,
            "the generator numbers the outline and the tasks: {list} lists, {seq} tasks"
        );
    }
    let numbering = numbering_xml(list);
    package(&body, auto.then_some(numbering.as_str()))
}

fn parse_docx(bytes: &[u8]) -> Document {
    parse(bytes, &Options::default()).expect("the DOCX parses")
}

/// The parts' outline without lines.
fn outline(d: &Document) -> serde_json::Value {
    let mut v = serde_json::to_value(&d.parts).expect("parts serialize");
    gongwen_tests::strip_lines(&mut v);
    v
}

fn assert_same_as_seed(d: &Document, what: &str) {
    let seed = parse_text(&seed_text());
    assert_eq!(d.source.format, SourceFormat::Docx, "{what}");
    assert_eq!(notice_without_line(d), notice_without_line(&seed), "{what}");
    assert_eq!(d.tasks.len(), 86, "{what}: task count");
    assert_eq!(tasks_without_lines(d), tasks_without_lines(&seed), "{what}");
    assert_eq!(outline(d), outline(&seed), "{what}: outline");
    let codes =
        |d: &Document| -> Vec<String> { d.diagnostics.iter().map(|x| x.code.clone()).collect() };
    assert_eq!(codes(d), codes(&seed), "{what}: diagnostics");
}

#[test]
fn the_seed_as_a_word_document_gives_the_seed() {
    let d = parse_docx(&seed_docx(false));
    assert_same_as_seed(&d, "typed numbers");
    // Lines are paragraph numbers: the first task's row comes after every paragraph before
    // the table and the rows above it.
    let first = &d.tasks[0];
    assert!(
        first.line > 10 && first.line < d.tasks[1].line,
        "{}",
        first.line
    );
}

#[test]
fn word_numbering_of_headings_and_the_number_column_gives_the_seed() {
    let docx = seed_docx(true);
    // The numbers are not in the document's text: Word writes them.
    let d = parse_docx(&docx);
    assert_same_as_seed(&d, "automatic numbering");
}

#[test]
fn the_main_part_and_its_numbering_are_where_the_relationships_point() {
    // As a document saved through SharePoint or converted online is packaged: the main part
    // is `word/document2.xml`, its numbering `word/numbering1.xml` (relative to it).
    let source = seed_docx(true);
    let mut zip = zip::ZipArchive::new(Cursor::new(&source)).expect("zip");
    let mut part = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).expect(name), &mut s).expect(name);
        s
    };
    let (document, numbering) = (part("word/document.xml"), part("word/numbering.xml"));
    let rels = |items: &str| {
        format!(
            "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{items}</Relationships>"
        )
    };
    let package_rels = rels(
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"/word/document2.xml\"/>",
    );
    let document_rels = rels(
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"numbering.xml\" TargetMode=\"External\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"./numbering1.xml\"/>",
    );
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    for (name, data) in [
        ("[Content_Types].xml", "<Types/>"),
        ("_rels/.rels", package_rels.as_str()),
        ("word/document2.xml", document.as_str()),
        ("word/_rels/document2.xml.rels", document_rels.as_str()),
        ("word/numbering1.xml", numbering.as_str()),
    ] {
        w.start_file(name, o).expect("zip entry");
        w.write_all(data.as_bytes()).expect("zip data");
    }
    let moved = w.finish().expect("zip finish").into_inner();
    assert_same_as_seed(&parse_docx(&moved), "parts named by relationships");
}

#[test]
fn a_page_imported_into_the_document_is_read_where_it_stands() {
    // As tools that make a DOCX out of a web page write it: the body imports the page
    // (`w:altChunk`), here as a web archive, between paragraphs of its own; an RTF chunk is
    // not read, and says so.
    let seed = seed_text();
    let (head, rest) = seed.split_at(seed.find("现将").expect("body"));
    let page = format!(
        "<html><body>{}</body></html>",
        rest.lines()
            .map(|l| format!("<p>{}</p>", esc(l)))
            .collect::<String>()
    );
    let mht = format!(
        "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{page}\r\n--b--\r\n"
    );
    let body: String = head.lines().map(|l| para(l, None)).collect();
    let document = format!(
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>\
         {body}<w:altChunk r:id=\"c1\"/><w:altChunk r:id=\"c2\"/><w:sectPr/></w:body></w:document>"
    );
    let chunk = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk";
    let rels = format!(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"c1\" Type=\"{chunk}\" Target=\"afchunk.mht\"/>\
         <Relationship Id=\"c2\" Type=\"{chunk}\" Target=\"/word/note.rtf\"/></Relationships>"
    );
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    for (name, data) in [
        ("[Content_Types].xml", "<Types/>"),
        ("word/document.xml", document.as_str()),
        ("word/_rels/document.xml.rels", rels.as_str()),
        ("word/afchunk.mht", mht.as_str()),
        ("word/note.rtf", "{\\rtf1 x}"),
    ] {
        w.start_file(name, o).expect("zip entry");
        w.write_all(data.as_bytes()).expect("zip data");
    }
    let d = parse_docx(&w.finish().expect("zip finish").into_inner());
    let seed = parse_text(&seed_text());
    assert_eq!(notice_without_line(&d), notice_without_line(&seed));
    assert_eq!(tasks_without_lines(&d), tasks_without_lines(&seed));
    // Lines go on from the paragraphs before the page.
    let paragraphs = head.lines().count();
    assert!(d.tasks[0].line > paragraphs, "{}", d.tasks[0].line);
    let unread: Vec<&str> = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "docx_chunk_unread")
        .map(|x| x.message.as_str())
        .collect();
    assert_eq!(unread.len(), 1);
    assert!(unread[0].contains("word/note.rtf"), "{}", unread[0]);
}

#[test]
fn a_letterhead_table_at_the_top_is_read_as_the_head_it_holds() {
    let cell = |t: &str| format!("<w:tc>{}</w:tc>", para(t, None));
    let row = |cells: &[&str]| {
        format!(
            "<w:tr>{}</w:tr>",
            cells.iter().map(|c| cell(c)).collect::<String>()
        )
    };
    // 红头: the issuer's mark in a one-cell table, the number and 签发人 in a two-cell one.
    let body = [
        format!("<w:tbl>{}</w:tbl>", row(&["某市人民政府文件"])),
        format!(
            "<w:tbl>{}</w:tbl>",
            row(&["某府发〔2023〕9号", "签发人：张某某"])
        ),
        para("某市人民政府关于做好防汛工作的通知", None),
        para("各区县人民政府，市政府各部门：", None),
        para("现就做好防汛工作通知如下。", None),
        para("某市人民政府", None),
        para("2023年5月6日", None),
    ]
    .concat();
    let d = parse_docx(&package(&body, None));
    let n = &d.notice;
    assert_eq!(
        n.title.as_deref(),
        Some("某市人民政府关于做好防汛工作的通知")
    );
    assert_eq!(
        n.doc_number.as_ref().map(|x| x.raw.as_str()),
        Some("某府发〔2023〕9号")
    );
    assert_eq!(n.signers, vec!["张某某"]);
    assert_eq!(n.addressees, vec!["各区县人民政府", "市政府各部门"]);
    assert_eq!(n.body, vec!["现就做好防汛工作通知如下。"]);
    assert!(d.parts.iter().all(|p| p.tables.is_empty()));
}

#[test]
fn a_joint_letterhead_table_with_wenjian_merged_down_is_the_issuers() {
    // Word and WPS templates set a joint 红头 as a table: one organ a row, `文件` in a cell
    // merged down beside them.
    let merged = |props: &str, text: &str| {
        format!(
            "<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>",
            if text.is_empty() {
                "<w:p/>".to_string()
            } else {
                para(text, None)
            }
        )
    };
    let table = format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        merged("", "某某市发展和改革委员会"),
        merged("<w:vMerge w:val=\"restart\"/>", "文件"),
        merged("", "某某市财政局"),
        merged("<w:vMerge/>", ""),
    );
    let body = [
        table,
        para("某发改发〔2024〕40号", None),
        para(
            "某某市发展和改革委员会 某某市财政局关于做好项目保障工作的通知",
            None,
        ),
        para("各区县发展改革委、财政局：", None),
        para("现将有关事项通知如下。", None),
        para("某某市发展和改革委员会　　某某市财政局", None),
        para("2024年5月10日", None),
    ]
    .concat();
    let d = parse_docx(&package(&body, None));
    let n = &d.notice;
    assert_eq!(
        n.title.as_deref(),
        Some("某某市发展和改革委员会、某某市财政局关于做好项目保障工作的通知")
    );
    assert_eq!(
        n.issuer.as_deref(),
        Some("某某市发展和改革委员会、某某市财政局")
    );
    assert_eq!(
        n.doc_number.as_ref().map(|x| x.raw.as_str()),
        Some("某发改发〔2024〕40号")
    );
    assert!(d.parts.iter().all(|p| p.tables.is_empty()));
}

#[test]
fn hidden_text_is_left_out() {
    let hidden = |t: &str| {
        format!(
            "<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
            esc(t)
        )
    };
    let shown_again = |t: &str| {
        format!(
            "<w:r><w:rPr><w:vanish w:val=\"false\"/></w:rPr><w:t>{}</w:t></w:r>",
            esc(t)
        )
    };
    let body = [
        para("某市人民政府关于做好防汛工作的通知", None),
        para("各区县人民政府：", None),
        format!(
            "<w:p>{}{}{}</w:p>",
            run("现就做好防汛工作通知如下。"),
            hidden("（内部审核意见：同意）"),
            shown_again("请认真执行。")
        ),
        para("某市人民政府", None),
        para("2023年5月6日", None),
    ]
    .concat();
    let d = parse_docx(&package(&body, None));
    assert_eq!(
        d.notice.body,
        vec!["现就做好防汛工作通知如下。请认真执行。"]
    );
}

/// A notice whose letter holds `items`, each (text, list, level) numbered by Word's lists.
fn numbered_letter(items: &[(&str, u32, u32)]) -> String {
    let mut body = [
        para("某市人民政府关于做好防汛工作的通知", None),
        para("各区县人民政府：", None),
        para("现就有关事项通知如下。", None),
    ]
    .concat();
    for &(text, list, level) in items {
        body.push_str(&para(text, Some((list, level))));
    }
    body.push_str(&para("某市人民政府", None));
    body.push_str(&para("2023年5月6日", None));
    body
}

#[test]
fn a_list_defined_through_a_numbering_style_numbers_its_paragraphs() {
    // Word's user-defined multilevel list: the list the paragraphs use names a numbering style
    // (`w:numStyleLink`); the levels are in the list that style points back to (`w:styleLink`).
    let numbering = "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
        <w:abstractNum w:abstractNumId=\"1\"><w:styleLink w:val=\"GongwenList\"/>\
        <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>\
        <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>\
        </w:abstractNum>\
        <w:abstractNum w:abstractNumId=\"2\"><w:numStyleLink w:val=\"GongwenList\"/></w:abstractNum>\
        <w:num w:numId=\"7\"><w:abstractNumId w:val=\"2\"/></w:num></w:numbering>";
    let body = numbered_letter(&[
        ("压实防汛责任", 7, 0),
        ("落实责任制。", 7, 1),
        ("加强监测预警", 7, 0),
    ]);
    let d = parse_docx(&package(&body, Some(numbering)));
    let got: Vec<(String, String)> = d
        .parts
        .iter()
        .flat_map(|p| &p.sections)
        .map(|s| (s.marker.clone(), s.heading.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("一、".to_string(), "压实防汛责任".to_string()),
            ("二、".to_string(), "加强监测预警".to_string()),
        ]
    );
}

#[test]
fn a_level_that_word_never_restarts_goes_on_across_its_parents() {
    let numbering = "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
        <w:abstractNum w:abstractNumId=\"1\">\
        <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>\
        <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:lvlRestart w:val=\"0\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>\
        </w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";
    let body = numbered_letter(&[
        ("压实防汛责任", 1, 0),
        ("落实责任制。", 1, 1),
        ("强化督查。", 1, 1),
        ("加强监测预警", 1, 0),
        ("加强会商。", 1, 1),
    ]);
    let d = parse_docx(&package(&body, Some(numbering)));
    let markers: Vec<&str> = d
        .parts
        .iter()
        .flat_map(|p| &p.sections)
        .flat_map(|s| std::iter::once(s).chain(&s.children))
        .map(|s| s.marker.as_str())
        .collect();
    assert_eq!(markers, ["一、", "（一）", "（二）", "二、", "（三）"]);
}

/// A table cell holding `content` (paragraphs, tables).
fn cell_of(content: &str) -> String {
    format!("<w:tc>{content}</w:tc>")
}

/// A table row of one paragraph per cell, with row properties `props` (`<w:trPr>…</w:trPr>`).
fn row_of(props: &str, cells: &[&str]) -> String {
    let cells: String = cells.iter().map(|c| cell_of(&para(c, None))).collect();
    format!("<w:tr>{props}{cells}</w:tr>")
}

const TASK_HEADER: [&str; 4] = ["序号", "重点任务", "牵头单位", "配合单位"];

/// A notice whose attachment `附件：防汛重点任务分工表` is `attachment` (its 附件 line, title and
/// task table, as blocks).
fn notice_with_attachment(attachment: &str) -> String {
    [
        para("某市人民政府办公厅关于印发防汛重点任务分工的通知", None),
        para("各区县人民政府，市政府各部门：", None),
        para("现将《防汛重点任务分工》印发给你们，请认真贯彻落实。", None),
        para("附件：防汛重点任务分工表", None),
        para("某市人民政府办公厅", None),
        para("2023年5月6日", None),
        attachment.to_string(),
    ]
    .concat()
}

/// The notice with `table` as its attachment 防汛重点任务分工表, parsed.
fn parse_attachment_table(table: &str) -> gongwen_parse::Document {
    let body = notice_with_attachment(&format!(
        "{}{}{table}",
        para("附件", None),
        para("防汛重点任务分工表", None)
    ));
    parse_docx(&package(&body, None))
}

/// The tasks as (seq, text, lead, support).
fn task_cells(d: &Document) -> Vec<(u32, &str, Vec<&str>, Vec<&str>)> {
    d.tasks
        .iter()
        .map(|t| (t.seq, t.text.as_str(), units(&t.lead), units(&t.support)))
        .collect()
}

fn units(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn a_content_control_showing_its_placeholder_is_not_content() {
    // Word's prompt in an empty 配合单位 cell (the control shows its placeholder); a filled
    // control in the next row is content.
    let control = |shown: bool, text: &str| {
        let flag = if shown { "<w:showingPlcHdr/>" } else { "" };
        format!(
            "<w:p><w:sdt><w:sdtPr>{flag}<w:text/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt></w:p>",
            run(text)
        )
    };
    let table = format!(
        "<w:tbl>{}<w:tr>{}{}{}{}</w:tr><w:tr>{}{}{}{}</w:tr></w:tbl>",
        row_of("", &TASK_HEADER),
        cell_of(&para("1", None)),
        cell_of(&para("加强河道巡查", None)),
        cell_of(&para("市水利局", None)),
        cell_of(&control(true, "单击或点击此处输入文字。")),
        cell_of(&para("2", None)),
        cell_of(&para("做好物资储备", None)),
        cell_of(&para("市应急局", None)),
        cell_of(&control(false, "市商务委")),
    );
    let d = parse_attachment_table(&table);
    assert_eq!(
        task_cells(&d),
        vec![
            (1, "加强河道巡查", vec!["市水利局"], vec![]),
            (2, "做好物资储备", vec!["市应急局"], vec!["市商务委"]),
        ]
    );
    assert_eq!(d.tasks[0].support_text, "");
}

#[test]
fn a_table_row_deleted_by_tracked_changes_is_left_out() {
    // WPS marks the row deleted in its properties; its runs are not in `w:del`.
    let deleted =
        "<w:trPr><w:del w:id=\"20\" w:author=\"a\" w:date=\"2023-01-01T00:00:00Z\"/></w:trPr>";
    // A row whose former properties (`w:trPrChange`) were deleted is not deleted.
    let changed = "<w:trPr><w:cantSplit/><w:trPrChange w:id=\"21\" w:author=\"a\"><w:trPr><w:del w:id=\"22\" w:author=\"a\"/></w:trPr></w:trPrChange></w:trPr>";
    let table = [
        "<w:tbl>".to_string(),
        row_of("", &TASK_HEADER),
        row_of("", &["1", "加强河道巡查", "市水利局", "市应急局"]),
        row_of(
            deleted,
            &["2", "清理违章建筑", "市住房城乡建委", "市规划局"],
        ),
        row_of(changed, &["2", "做好物资储备", "市应急局", "市商务委"]),
        "</w:tbl>".to_string(),
    ]
    .concat();
    let d = parse_attachment_table(&table);
    assert_eq!(
        task_cells(&d),
        vec![
            (1, "加强河道巡查", vec!["市水利局"], vec!["市应急局"]),
            (2, "做好物资储备", vec!["市应急局"], vec!["市商务委"]),
        ]
    );
    let codes: Vec<&str> = d.diagnostics.iter().map(|x| x.code.as_str()).collect();
    assert!(codes.contains(&"docx_tracked_changes"), "{codes:?}");
    assert!(!codes.contains(&"task_number_repeat"), "{codes:?}");
}

#[test]
fn a_task_table_in_a_one_cell_frame_is_read_as_the_frame_holds_it() {
    // The attachment drawn in a frame: a table of one cell holding 附件, the title and the task
    // table (and an empty paragraph after it, as Word requires).
    let tasks = [
        "<w:tbl>".to_string(),
        row_of("", &TASK_HEADER),
        row_of("", &["1", "加强河道巡查", "市水利局", "市应急局"]),
        row_of("", &["2", "做好物资储备", "市应急局", "市商务委、市财政局"]),
        "</w:tbl>".to_string(),
    ]
    .concat();
    let frame = format!(
        "<w:tbl><w:tr>{}</w:tr></w:tbl>",
        cell_of(&format!(
            "{}{}{tasks}<w:p/>",
            para("附件", None),
            para("防汛重点任务分工表", None)
        ))
    );
    let body = [
        notice_with_attachment(&frame),
        para("抄送：市委办公厅。", None),
    ]
    .concat();
    let d = parse_docx(&package(&body, None));
    assert_eq!(
        task_cells(&d),
        vec![
            (1, "加强河道巡查", vec!["市水利局"], vec!["市应急局"]),
            (
                2,
                "做好物资储备",
                vec!["市应急局"],
                vec!["市商务委", "市财政局"]
            ),
        ]
    );
    let codes: Vec<&str> = d.diagnostics.iter().map(|x| x.code.as_str()).collect();
    assert!(!codes.contains(&"no_task_table"), "{codes:?}");
    assert!(!codes.contains(&"attachment_missing"), "{codes:?}");
    // Numbered as if printed without the frame: 附件 on the frame's row (after the six
    // paragraphs above it), the title, the header row, then a line per task row.
    assert_eq!(
        d.tasks.iter().map(|t| t.line).collect::<Vec<_>>(),
        vec![10, 11]
    );
}

/// A table of `rows`, one paragraph per cell: a table nested in a cell.
fn nested_table(rows: &[&[&str]]) -> String {
    let rows: String = rows.iter().map(|r| row_of("", r)).collect();
    format!("<w:tbl>{rows}</w:tbl>")
}

/// A task table whose 责任单位 cells are `units` (cell contents), parsed as the attachment.
fn parse_units_cells(units: &[String]) -> Document {
    let mut table = String::from("<w:tbl>");
    table.push_str(&row_of("", &["序号", "重点任务", "责任单位"]));
    for (i, (task, cell)) in ["加强河道巡查", "做好物资储备"]
        .iter()
        .zip(units)
        .enumerate()
    {
        table.push_str(&format!(
            "<w:tr>{}{}{}</w:tr>",
            cell_of(&para(&(i + 1).to_string(), None)),
            cell_of(&para(task, None)),
            // Word ends a cell with a paragraph after a nested table.
            cell_of(&format!("{cell}<w:p/>"))
        ));
    }
    table.push_str("</w:tbl>");
    parse_attachment_table(&table)
}

#[test]
fn a_units_cell_holding_a_table_of_labels_and_names_reads_as_its_clauses() {
    // The labels in a column beside the names, and the labels as a header row over them.
    let d = parse_units_cells(&[
        nested_table(&[&["牵头", "市发展改革委"], &["配合", "市财政局、市商务委"]]),
        nested_table(&[
            &["牵头单位", "配合单位"],
            &["市应急局", "市水利局、市气象局"],
        ]),
    ]);
    assert_eq!(
        task_cells(&d),
        vec![
            (
                1,
                "加强河道巡查",
                vec!["市发展改革委"],
                vec!["市财政局", "市商务委"]
            ),
            (
                2,
                "做好物资储备",
                vec!["市应急局"],
                vec!["市水利局", "市气象局"]
            ),
        ]
    );
    // The cell as printed holds each clause on a line of its own.
    assert_eq!(
        d.tasks[0].lead_text,
        "牵头：市发展改革委\n配合：市财政局、市商务委"
    );
    assert_eq!(
        d.tasks[1].lead_text,
        "牵头单位：市应急局\n配合单位：市水利局、市气象局"
    );
}

#[test]
fn a_table_of_names_in_a_units_cell_still_gives_its_names() {
    // A nested table that is no allocation (names alone, one a row) gives its lines as before.
    let d = parse_units_cells(&[
        nested_table(&[&["市水利局"], &["市应急局"]]),
        nested_table(&[&["市商务委", "市财政局"]]),
    ]);
    assert_eq!(
        task_cells(&d),
        vec![
            (1, "加强河道巡查", vec!["市水利局", "市应急局"], vec![]),
            (2, "做好物资储备", vec!["市商务委", "市财政局"], vec![]),
        ]
    );
}

#[test]
fn a_units_cell_spanning_the_lead_and_support_columns_is_read_once() {
    let spanned = |seq: &str, task: &str, units: &str| {
        format!(
            "<w:tr>{}{}<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>{}</w:tc></w:tr>",
            cell_of(&para(seq, None)),
            cell_of(&para(task, None)),
            para(units, None)
        )
    };
    let table = [
        "<w:tbl>".to_string(),
        row_of("", &TASK_HEADER),
        spanned("1", "加强河道巡查", "市水利局、市应急局"),
        spanned("2", "清理违章建筑", "市住房城乡建委牵头，市规划局配合"),
        row_of("", &["3", "做好物资储备", "市应急局", "市商务委"]),
        "</w:tbl>".to_string(),
    ]
    .concat();
    let d = parse_attachment_table(&table);
    assert_eq!(
        task_cells(&d),
        vec![
            (1, "加强河道巡查", vec!["市水利局", "市应急局"], vec![]),
            (2, "清理违章建筑", vec!["市住房城乡建委"], vec!["市规划局"]),
            (3, "做好物资储备", vec!["市应急局"], vec!["市商务委"]),
        ]
    );
}

#[test]
fn a_colophon_laid_out_as_a_table_is_read_as_the_colophon() {
    let spanned = |text: &str| {
        format!(
            "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>{}</w:tc></w:tr>",
            para(text, None)
        )
    };
    let colophon = [
        "<w:tbl>".to_string(),
        spanned("抄送：市委各部门，市人大常委会办公室，市政协办公厅。"),
        row_of("", &["某市人民政府办公厅", "2023年5月8日印发"]),
        "</w:tbl>".to_string(),
    ]
    .concat();
    let task_table = [
        "<w:tbl>".to_string(),
        row_of("", &TASK_HEADER),
        row_of("", &["1", "加强河道巡查", "市水利局", "市应急局"]),
        "</w:tbl>".to_string(),
    ]
    .concat();
    // Below the attachment's task table (a table of the last part if read as one), and right
    // under a short letter (where the letterhead's tables are looked for).
    for attachment in [
        format!(
            "{}{}{task_table}{colophon}",
            para("附件", None),
            para("防汛重点任务分工表", None)
        ),
        colophon.clone(),
    ] {
        let d = parse_docx(&package(&notice_with_attachment(&attachment), None));
        let n = &d.notice;
        assert_eq!(
            n.copied_to,
            ["市委各部门", "市人大常委会办公室", "市政协办公厅"].map(String::from),
            "{attachment}"
        );
        assert_eq!(n.printed_by.as_deref(), Some("某市人民政府办公厅"));
        assert_eq!(n.printed_on.as_deref(), Some("2023-05-08"));
        assert_eq!(n.date.as_deref(), Some("2023-05-06"));
        let tables: Vec<usize> = d.parts.iter().map(|p| p.tables.len()).collect();
        assert!(tables.iter().all(|&k| k <= 1), "{:?}", d.parts);
        assert!(
            d.parts
                .iter()
                .all(|p| p.title.as_deref() != Some("某市人民政府办公厅")),
            "{:?}",
            d.parts
        );
        assert_eq!(d.tasks.len(), usize::from(tables.contains(&1)));
    }
}

#[test]
fn a_word_document_and_a_workbook_saved_under_each_others_names_are_read_as_what_they_are() {
    // A site's `附件.xlsx` that is a Word document: read as one, and said so.
    let as_workbook = Options {
        format: Some(gongwen_parse::InputFormat::Workbook),
        ..Options::default()
    };
    let d = parse(&seed_docx(false), &as_workbook).expect("read as a Word document");
    assert_eq!(d.source.format, SourceFormat::Docx);
    assert_eq!(d.tasks.len(), 86);
    assert_eq!(d.diagnostics[0].code, "format_sniffed");
    assert!(
        d.diagnostics[0]
            .message
            .contains("given as a workbook but the bytes are a Word (DOCX) document"),
        "{}",
        d.diagnostics[0].message
    );
    // And a workbook named `.docx`.
    let workbook = gongwen_emit::xlsx::to_xlsx(&parse_text(&seed_text()))
        .expect("the seed's workbook")
        .bytes;
    let as_docx = Options {
        format: Some(gongwen_parse::InputFormat::Docx),
        ..Options::default()
    };
    let d = parse(&workbook, &as_docx).expect("read as a workbook");
    assert_eq!(d.source.format, SourceFormat::Xlsx);
    assert_eq!(d.tasks.len(), 86);
    assert!(
        d.diagnostics[0]
            .message
            .contains("given as a Word (DOCX) document but the bytes are a workbook"),
        "{}",
        d.diagnostics[0].message
    );
}
