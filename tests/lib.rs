//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Path of a file in the workspace.
pub fn path(rel: &str) -> PathBuf {
    root().join(rel)
}

/// The bundled seed notice.
pub fn seed_path() -> PathBuf {
    path("seeds/cq-2021-19.txt")
}

/// The shared corpus of gov.cn pages (`../shared/corpus/govcn`), when it is present.
pub fn govcn_dir() -> Option<PathBuf> {
    let d = root().parent()?.join("shared/corpus/govcn");
    d.is_dir().then_some(d)
}

/// The notice without its source line (which differs between renderings by design).
pub fn notice_without_line(d: &gongwen_parse::Document) -> gongwen_parse::Notice {
    gongwen_parse::Notice {
        line: None,
        ..d.notice.clone()
    }
}

/// The tasks without their source lines.
pub fn tasks_without_lines(d: &gongwen_parse::Document) -> Vec<gongwen_parse::Task> {
    d.tasks
        .iter()
        .map(|t| gongwen_parse::Task {
            line: 0,
            ..t.clone()
        })
        .collect()
}

/// Removes every source line (`line`, `row_lines`) from a JSON value, at any depth: what must
/// agree between renderings of one notice whose lines differ by design.
pub fn strip_lines(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.remove("line");
            m.remove("row_lines");
            m.values_mut().for_each(strip_lines);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(strip_lines),
        _ => {}
    }
}

/// The rows of a tab-laid table in `text` (one `\t`-led cell per line, rows ended by any other
/// line), tabs stripped: the seed's task table as its text holds it.
pub fn tab_table_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    for l in text.lines() {
        if let Some(cell) = l.strip_prefix('\t') {
            cur.push(cell.to_string());
        } else if !cur.is_empty() {
            rows.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        rows.push(cur);
    }
    rows
}

/// An ODS file whose `content.xml` is `content`: the `mimetype` entry stored first, as the format
/// requires, and a manifest.
pub fn ods_package(content: &str) -> Vec<u8> {
    use std::io::{Cursor, Write};
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest \
        xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">\
        <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
        </manifest:manifest>";
    for (name, data, options) in [
        (
            "mimetype",
            "application/vnd.oasis.opendocument.spreadsheet",
            stored,
        ),
        ("META-INF/manifest.xml", manifest, deflated),
        ("content.xml", content, deflated),
    ] {
        w.start_file(name, options).expect("zip entry");
        w.write_all(data.as_bytes()).expect("zip data");
    }
    w.finish().expect("zip finish").into_inner()
}

/// The SpreadsheetML namespace, for the parts a test writes into [`xlsx_package`].
pub const XLSX_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/// A ZIP package of the given parts (name, content), deflated.
pub fn zip_package(parts: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    for (name, data) in parts {
        w.start_file(*name, o).expect("zip entry");
        w.write_all(data.as_bytes()).expect("zip data");
    }
    w.finish().expect("zip finish").into_inner()
}

/// An XLSX workbook of one sheet, `任务分工`: `worksheet` is what its `<worksheet>` element holds
/// (`<sheetData>…</sheetData>` and any `<cols>` or `<mergeCells>` around it); `shared` and
/// `styles` are its shared-string and style parts when given, as written (a test may break them).
pub fn xlsx_package(worksheet: &str, shared: Option<&str>, styles: Option<&str>) -> Vec<u8> {
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let types = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
        <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
        <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
        <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>";
    let rels = format!(
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
    );
    let wb = format!(
        "<?xml version=\"1.0\"?><workbook xmlns=\"{XLSX_NS}\" xmlns:r=\"{REL}\"><sheets>\
         <sheet name=\"任务分工\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
    );
    let mut wb_rels = format!(
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    );
    if shared.is_some() {
        wb_rels.push_str(&format!(
            "<Relationship Id=\"rId2\" Type=\"{REL}/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        ));
    }
    if styles.is_some() {
        wb_rels.push_str(&format!(
            "<Relationship Id=\"rId3\" Type=\"{REL}/styles\" Target=\"styles.xml\"/>"
        ));
    }
    wb_rels.push_str("</Relationships>");
    let sheet =
        format!("<?xml version=\"1.0\"?><worksheet xmlns=\"{XLSX_NS}\">{worksheet}</worksheet>");
    let mut parts = vec![
        ("[Content_Types].xml", types),
        ("_rels/.rels", rels.as_str()),
        ("xl/workbook.xml", wb.as_str()),
        ("xl/_rels/workbook.xml.rels", wb_rels.as_str()),
    ];
    parts.extend(shared.map(|s| ("xl/sharedStrings.xml", s)));
    parts.extend(styles.map(|s| ("xl/styles.xml", s)));
    parts.push(("xl/worksheets/sheet1.xml", sheet.as_str()));
    zip_package(&parts)
}

/// The notice's attachment list as (number, title) pairs.
pub fn listed_attachments(n: &gongwen_parse::Notice) -> Vec<(Option<u32>, &str)> {
    n.attachments
        .iter()
        .map(|a| (a.index, a.title.as_str()))
        .collect()
}

/// The titles of the attachments the notice lists, in order.
pub fn attachment_titles(n: &gongwen_parse::Notice) -> Vec<&str> {
    n.attachments.iter().map(|a| a.title.as_str()).collect()
}

/// Each part's kind, label and title.
pub fn part_heads(
    d: &gongwen_parse::Document,
) -> Vec<(gongwen_parse::PartKind, Option<&str>, Option<&str>)> {
    d.parts
        .iter()
        .map(|p| (p.kind, p.label.as_deref(), p.title.as_deref()))
        .collect()
}

/// For the tests of a `续表` row inside one table (HTML, Word, workbook): the table of
/// `一、深化改革` over tasks 1 `推进甲事项` and 2 `推进乙事项`, with `续表` and the header again
/// between them, gives both tasks under that group, and no row of the table is the marker.
pub fn assert_continued_row_dropped(d: &gongwen_parse::Document) {
    let tasks: Vec<(u32, &str, Vec<&str>)> = d
        .tasks
        .iter()
        .map(|t| {
            (
                t.seq,
                t.text.as_str(),
                t.group.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        tasks,
        [
            (1, "推进甲事项", vec!["一、深化改革"]),
            (2, "推进乙事项", vec!["一、深化改革"]),
        ]
    );
    let table = d
        .parts
        .iter()
        .flat_map(|p| &p.tables)
        .next()
        .expect("a table");
    assert_eq!(table.rows.len(), table.row_lines.len());
    assert!(
        !table.rows.iter().any(|r| r[0] == "续表"),
        "{:?}",
        table.rows
    );
}

/// A task's number, text, lead units, supporting units and groups.
pub type Essentials = (u32, String, Vec<String>, Vec<String>, Vec<String>);

/// What must survive any layout of a task: number, text, units and groups.
pub fn essentials(tasks: &[gongwen_parse::Task]) -> Vec<Essentials> {
    tasks
        .iter()
        .map(|t| {
            (
                t.seq,
                t.text.clone(),
                t.lead.clone(),
                t.support.clone(),
                t.group.clone(),
            )
        })
        .collect()
}

/// Text escaped for XML or HTML (`&`, `<`, `>`).
pub fn escape_markup(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A Word run holding `text`, its spaces kept (`<w:r><w:t xml:space="preserve">…</w:t></w:r>`).
pub fn word_run(text: &str) -> String {
    format!(
        "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
        escape_markup(text)
    )
}

/// Each task's number, text, lead and supporting units.
pub fn numbered_units(d: &gongwen_parse::Document) -> Vec<(u32, &str, Vec<&str>, Vec<&str>)> {
    d.tasks
        .iter()
        .map(|t| {
            (
                t.seq,
                t.text.as_str(),
                t.lead.iter().map(String::as_str).collect(),
                t.support.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

/// A Word document (DOCX) whose body is `body` (WordprocessingML paragraphs and tables; the
/// namespaces `w`, `r`, `o` and `v` are declared), with the parts `extra` beside its main part
/// (its relationships `word/_rels/document.xml.rels`, embedded files).
pub fn docx_package(body: &str, extra: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
         xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:v=\"urn:schemas-microsoft-com:vml\">\
         <w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    let main: [(&str, &[u8]); 2] = [
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", document.as_bytes()),
    ];
    for (name, data) in main.iter().chain(extra) {
        w.start_file(*name, o).expect("zip entry");
        w.write_all(data).expect("zip data");
    }
    w.finish().expect("zip finish").into_inner()
}

/// Each task's lead and supporting units, in order: what most unit tests compare.
pub fn all_units(d: &gongwen_parse::Document) -> Vec<(Vec<&str>, Vec<&str>)> {
    d.tasks
        .iter()
        .map(|t| {
            (
                t.lead.iter().map(String::as_str).collect(),
                t.support.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

/// Each task's text, lead and supporting units, in order.
pub fn task_units(d: &gongwen_parse::Document) -> Vec<(&str, Vec<&str>, Vec<&str>)> {
    d.tasks
        .iter()
        .zip(all_units(d))
        .map(|(t, (lead, support))| (t.text.as_str(), lead, support))
        .collect()
}

/// Options that read the input as `format` (no sniffing), the rest the defaults.
pub fn given(format: gongwen_parse::InputFormat) -> gongwen_parse::Options {
    gongwen_parse::Options {
        format: Some(format),
        ..gongwen_parse::Options::default()
    }
}

/// The codes of a document's diagnostics, in order.
pub fn codes(d: &gongwen_parse::Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

/// Runs `f`, which a quadratic step would keep busy for minutes (hours in a debug build), and
/// fails if it takes more than two minutes: a guard against a hang, not a speed target.
pub fn in_linear_time<T>(f: impl FnOnce() -> T) -> T {
    let started = std::time::Instant::now();
    let out = f();
    assert!(
        started.elapsed() < std::time::Duration::from_secs(120),
        "{:?}",
        started.elapsed()
    );
    out
}

/// Parses `bytes` read as `format`; panics (the test fails) when they cannot be read.
pub fn parsed_as(bytes: &[u8], format: gongwen_parse::InputFormat) -> gongwen_parse::Document {
    gongwen_parse::parse(bytes, &given(format)).expect("parsed")
}
