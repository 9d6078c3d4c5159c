//! Word (DOCX) reader: a notice as drafted, from the body of the main part (`word/document.xml`, or
//! wherever the package's relationships point).
//!
//! Notices are drafted in Word or WPS, and sites often publish the `.docx` itself. Its body is
//! read in order, with `quick-xml`:
//!
//! - every paragraph (`w:p`) is a paragraph: the text of its runs (`w:t`), a tab (`w:tab`) as a
//!   tab, and a line break (`w:br`, `w:cr`) ending it as a paragraph of its own, as `<br>` does
//!   on a page — unless the document is hard-wrapped (a PDF converted to Word: a line break, or
//!   a paragraph, for every printed line), whose lines are joined back as a text file's are
//!   (see `join_wrapped`). A run of figures set as a superscript (`w:vertAlign`) reads as the
//!   raised figures it prints (see `raised_figures`). Tracked changes read as accepted (an
//!   `info` diagnostic says so): inserted text is kept, deleted text (`w:delText`) and the old
//!   place of moved text (`w:moveFrom`) are left out, and so is a table row deleted as a whole
//!   (`w:trPr/w:del`, as WPS writes it, its runs not in `w:del`); so are field codes (`w:instrText`, the result of the field is read) and
//!   the fallback copy of drawings (`mc:Fallback`, which repeats what `mc:Choice` holds).
//!   Paragraphs in text boxes come before the paragraph that anchors them, and so do tables
//!   drawn in them (read as any table). A page the document imports (`w:altChunk`: HTML, or a
//!   web archive of it) is read where it stands, and so is an Excel worksheet pasted as an object
//!   (`o:OLEObject ProgID="Excel.Sheet…"`): the workbook it embeds is read as a workbook file is
//!   (see `embed_workbooks`). A content control
//!   (`w:sdt`) showing its placeholder (`w:showingPlcHdr`: `单击或点击此处输入文字。`) holds
//!   Word's prompt, not content: its text is left out.
//! - every table (`w:tbl`) is a grid: each row (`w:tr`) of cells (`w:tc`); a cell spanning
//!   columns (`w:gridSpan`) or merged with the cell above (`w:vMerge`) fills every slot it
//!   covers, as a printed table shows it; a cell's paragraphs are its lines; a table nested in a
//!   cell gives its text to the cell — a small allocation table (`牵头 | 甲` over `配合 | 乙`, or
//!   `牵头单位 | 配合单位` over the names) as its clauses, `牵头：甲` and `配合：乙` on lines of
//!   their own. A table of one row of one cell is a frame drawn around
//!   the page's content (an attachment's `附件`, title and task table, a 红头's mark), not a
//!   grid: it is read as what it holds, its paragraphs and its tables in order, each table read
//!   the same way.
//! - numbers that Word writes itself (automatic numbering, `w:numPr` on the paragraph or on its
//!   style in `word/styles.xml`: `一、`, `（一）`, `1.` and a 序号 column numbered by the list)
//!   are rendered from `word/numbering.xml`, as Word shows them: see [`Numbering`].
//!
//! A DOCX has no lines: a block's `line` is its paragraph's number in the body, counting from 1,
//! each table row counting as one (a paragraph in a cell takes its row's; what a frame holds
//! counts as if printed without the frame). Headers, footers, footnotes and comments are not
//! read; footnotes and endnotes that the text references are named in an info
//! `docx_notes_unread` (how many, the first one's words).
//!
//! # Limits (hostile input)
//!
//! The parts are inflated at most to [`Limits::max_unzipped_bytes`] in all, and each to at most
//! [`Limits::max_unzip_ratio`] times its compressed size ([`Limits::unzip_allowance`]), so that
//! the memory a package takes stays in proportion to its file: a part is held whole while it is
//! read, and its text once more ([`Error::Limit`]);
//! a span is at most [`MAX_SPAN`] columns (Word's own limit is 63) and a table at most
//! [`Limits::max_grid_cells`] cells once spans are filled; the reader is a loop over the XML
//! events, so nesting costs no stack. A package that is not a readable DOCX, or XML that does not
//! parse, is an [`Error::Document`] naming the part and the byte where reading stopped.

use crate::blocks::{Block, Blocks, Para};
use crate::model::{Diagnostic, Severity, SourceFormat, Table};
use crate::normalize::TrimFast as _;
use crate::{Error, Limits, Result, tasks};
use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};
use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

/// The most columns one cell may span.
pub const MAX_SPAN: usize = 64;

const PACKAGE_RELS: &str = "_rels/.rels";
const DOCUMENT: &str = "word/document.xml";
const NUMBERING: &str = "word/numbering.xml";
const STYLES: &str = "word/styles.xml";

/// Reads a DOCX package into blocks.
///
/// Errors: [`Error::Document`] when the bytes are not a readable DOCX (no `word/document.xml`,
/// a damaged ZIP, XML that does not parse); [`Error::Limit`] when a limit in the module docs is
/// exceeded.
pub fn read_docx(bytes: &[u8], limits: &Limits) -> Result<Blocks> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Error::Document {
        location: "DOCX".into(),
        message: format!("the ZIP package is truncated or damaged ({e}); expected a complete DOCX"),
    })?;
    let mut budget = Budget {
        left: limits.max_unzipped_bytes,
        limits,
    };
    // The main part is where the package's relationships say (Word names it
    // `word/document.xml`; a document saved through SharePoint or converted online may have
    // `word/document2.xml`), and its numbering and styles where its own relationships say.
    let parts = Parts::of(&mut zip, &mut budget)?;
    let document =
        read_part(&mut zip, &parts.document, &mut budget)?.ok_or_else(|| Error::Document {
            location: "DOCX".into(),
            message: format!(
                "the package has no {}; expected a Word document",
                parts.document
            ),
        })?;
    let mut numbering = match read_part(&mut zip, &parts.numbering, &mut budget)? {
        Some(xml) => Numbering::parse(&xml)?,
        None => Numbering::default(),
    };
    if let Some(xml) = read_part(&mut zip, &parts.styles, &mut budget)? {
        numbering.read_styles(&xml)?;
    }
    let mut body = Body::new(numbering, limits);
    for (id, part) in &parts.chunks {
        let read = match read_bytes(&mut zip, part, &mut budget)? {
            Some(bytes) => read_chunk(part, &bytes, limits)?,
            None => None,
        };
        match read {
            Some(blocks) => {
                body.chunks.insert(id.clone(), blocks);
            }
            None => body.diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "docx_chunk_unread",
                format!(
                    "the document imports {part} (w:altChunk), which is not a page that can be read; its content is left out"
                ),
                None,
            )),
        }
    }
    body.read(&document)?;
    // Nothing read from a main part with neither a document nor a body element (plain text, or
    // XML of another kind put where the document goes) is a damaged package, not an empty
    // document.
    if body.blocks.is_empty()
        && !has_element(document.as_bytes(), b"body")
        && !has_element(document.as_bytes(), b"document")
    {
        return Err(Error::Document {
            location: parts.document.clone(),
            message: "holds no document body (no <w:document> or <w:body> element; it is not a Word document's XML); the file may be damaged".into(),
        });
    }
    embed_workbooks(&mut body, &mut zip, &parts, &mut budget)?;
    note_unread_notes(&mut body, &mut zip, &parts, &document, &mut budget)?;
    Ok(Blocks {
        blocks: body.blocks,
        format: SourceFormat::Docx,
        encoding: "UTF-8".into(),
        page: None,
        diagnostics: body.diagnostics,
        letter: false,
    })
}

/// The names of the parts read: the main document, its numbering and its styles.
#[derive(Debug, PartialEq, Eq)]
struct Parts {
    document: String,
    numbering: String,
    styles: String,
    /// The main part's imported chunks (`w:altChunk`): relationship id and part.
    chunks: Vec<(String, String)>,
    /// The main part's embedded objects (an Excel worksheet pasted as an object, `o:OLEObject`):
    /// relationship id and part.
    embedded: Vec<(String, String)>,
    /// The footnotes and endnotes parts, which are not read but named when notes are referenced.
    notes: [String; 2],
}

impl Parts {
    /// The parts as the package's relationships (`_rels/.rels`, then the main part's own) name
    /// them; Word's names where a relationship is missing or names no part of the package.
    fn of(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, budget: &mut Budget<'_>) -> Result<Self> {
        let document = match read_part(zip, PACKAGE_RELS, budget)? {
            Some(xml) => target(PACKAGE_RELS, &xml, "", "/officeDocument"),
            None => None,
        }
        .filter(|name| zip.index_for_name(name).is_some())
        .unwrap_or_else(|| DOCUMENT.to_string());
        let (dir, file) = document.rsplit_once('/').unwrap_or(("", &document));
        let rels = if dir.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{dir}/_rels/{file}.rels")
        };
        let (mut numbering, mut styles, mut chunks) = (None, None, Vec::new());
        let (mut footnotes, mut endnotes) = (None, None);
        let mut embedded = Vec::new();
        if let Some(xml) = read_part(zip, &rels, budget)? {
            numbering = target(&rels, &xml, dir, "/numbering");
            styles = target(&rels, &xml, dir, "/styles");
            footnotes = target(&rels, &xml, dir, "/footnotes");
            endnotes = target(&rels, &xml, dir, "/endnotes");
            let parts = |kind: &str| {
                relationships(&rels, &xml, kind)
                    .into_iter()
                    .filter_map(|(id, t)| Some((id, resolve(dir, &t)?)))
            };
            chunks = parts("/aFChunk").collect();
            // An OOXML package embedded (`/package`), or an OLE object's data (`/oleObject`).
            embedded = parts("/package").chain(parts("/oleObject")).collect();
        }
        let or = |name: Option<String>, word: &str| {
            name.filter(|name| zip.index_for_name(name).is_some())
                .unwrap_or_else(|| word.to_string())
        };
        Ok(Self {
            numbering: or(numbering, NUMBERING),
            styles: or(styles, STYLES),
            notes: [
                or(footnotes, "word/footnotes.xml"),
                or(endnotes, "word/endnotes.xml"),
            ],
            document,
            chunks,
            embedded,
        })
    }
}

/// The part that the first relationship in `xml` (the part `part`) of a type ending in `kind`
/// points to, resolved from the folder `dir` (a target starting with `/` is from the package's
/// root); `None` when there is none, it points outside the package, or the relationships do
/// not parse (Word's names are tried then).
fn target(part: &str, xml: &str, dir: &str, kind: &str) -> Option<String> {
    let (_, t) = relationships(part, xml, kind).into_iter().next()?;
    resolve(dir, &t)
}

/// The id and target of each relationship inside the package in `xml` (the part `part`) of a
/// type ending in `kind`; none when the relationships do not parse.
fn relationships(part: &str, xml: &str, kind: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let parsed = each_tag(part, xml, |tag| {
        if let Tag::Open(e, _) = tag
            && e.local_name().as_ref() == "Relationship"
            && attr(e, "Type").is_some_and(|t| t.ends_with(kind))
            && attr(e, "TargetMode").is_none_or(|m| m != "External")
            && let Some(t) = attr(e, "Target")
        {
            found.push((attr(e, "Id").unwrap_or_default(), t));
        }
    });
    if parsed.is_err() {
        found.clear();
    }
    found
}

/// `target` resolved from the folder `dir` of the package: `..` and `.` taken out, a leading
/// `/` starting from the root; `None` past the root.
fn resolve(dir: &str, target: &str) -> Option<String> {
    let (base, rest) = match target.strip_prefix('/') {
        Some(rest) => ("", rest),
        None => (dir, target),
    };
    let mut path: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rest.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                path.pop()?;
            }
            s => path.push(s),
        }
    }
    (!path.is_empty()).then(|| path.join("/"))
}

/// The text of part `name`, if the package has it, inflated within `budget` bytes (what is left
/// of [`Limits::max_unzipped_bytes`]).
fn read_part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    budget: &mut Budget<'_>,
) -> Result<Option<String>> {
    let Some(raw) = read_bytes(zip, name, budget)? else {
        return Ok(None);
    };
    // Word never writes a document type declaration; one that declares entities is how an XML
    // file expands a few bytes into gigabytes or points outside the file. Refused, not read
    // with the entities' text silently dropped.
    let head = &raw[..raw.len().min(4096)];
    if memchr::memmem::find(head, b"<!DOCTYPE").is_some()
        || memchr::memmem::find(head, b"<!ENTITY").is_some()
    {
        return Err(Error::Document {
            location: name.to_string(),
            message: "declares XML entities (a <!DOCTYPE>), which Word never writes; \
                      expected a DOCX part without one"
                .into(),
        });
    }
    String::from_utf8(raw)
        .map(Some)
        .map_err(|e| Error::Document {
            location: name.to_string(),
            message: format!(
                "is not UTF-8 (byte {}); expected XML in UTF-8",
                e.utf8_error().valid_up_to()
            ),
        })
}

/// What is left of [`Limits::max_unzipped_bytes`] for the parts still to be read, and the
/// limits (a part may also expand at most [`Limits::max_unzip_ratio`] times its compressed size).
struct Budget<'a> {
    left: u64,
    limits: &'a Limits,
}

/// The bytes of part `name`, if the package has it, inflated within the budget: what is left of
/// the expanded size, and the part's allowance under the ratio limit.
fn read_bytes(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    budget: &mut Budget<'_>,
) -> Result<Option<Vec<u8>>> {
    let damaged = |e: &dyn std::fmt::Display| Error::Document {
        location: name.to_string(),
        message: format!("cannot be read ({e}); expected a complete DOCX part"),
    };
    // Part names are compared without regard to case (OPC), and some Windows tools write `\`
    // for `/`: the part under such a spelling is the part.
    let same = |n: &str| {
        n.len() == name.len()
            && n.bytes()
                .zip(name.bytes())
                .all(|(a, b)| (if a == b'\\' { b'/' } else { a }).eq_ignore_ascii_case(&b))
    };
    let Some(index) = zip
        .index_for_name(name)
        .or_else(|| zip.file_names().position(|n| n.is_ok_and(|n| same(&n))))
    else {
        return Ok(None);
    };
    let entry = match zip.by_index(index) {
        Ok(e) => e,
        Err(e) => return Err(damaged(&e)),
    };
    let compressed = entry.compressed_size();
    let allowed = budget.limits.unzip_allowance(compressed);
    let cap = budget.left.min(allowed);
    // Room for what the directory declares (within the cap), so that a large part is not
    // copied as its buffer doubles.
    let room = usize::try_from(entry.size().min(cap)).unwrap_or(0);
    let mut raw = Vec::with_capacity(room.saturating_add(1));
    entry
        .take(cap.saturating_add(1))
        .read_to_end(&mut raw)
        .map_err(|e| damaged(&e))?;
    let size = raw.len() as u64;
    if size > budget.left {
        return Err(Error::Limit {
            what: "the expanded size of the DOCX parts in bytes".into(),
            value: size,
            limit: budget.left,
            flag: "--max-unzipped-bytes".into(),
        });
    }
    if size > allowed {
        return Err(budget.limits.unzip_ratio_error(name, compressed, size));
    }
    budget.left -= size;
    Ok(Some(raw))
}

/// A chunk imported into the document (`w:altChunk`, the part `name`) as blocks, when it is a
/// page (HTML, or a web archive of one), as tools that make a DOCX out of a page write it;
/// `None` for other kinds (RTF, another DOCX), which are not read.
fn read_chunk(name: &str, bytes: &[u8], limits: &Limits) -> Result<Option<Blocks>> {
    if let Some(html) = super::mhtml::html_part(bytes) {
        return super::html::read_html(&html, limits).map(Some);
    }
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    let page = ["htm", "html", "xhtml", "xht"]
        .iter()
        .any(|x| ext.eq_ignore_ascii_case(x))
        || matches!(super::sniff(bytes), Ok(crate::InputFormat::Html));
    if page {
        super::html::read_html(bytes, limits).map(Some)
    } else {
        Ok(None)
    }
}

/// The worksheets pasted into the document as objects (`<o:OLEObject ProgID="Excel.Sheet.12"
/// r:id="rId20"/>`, 插入 → 对象 → Excel 工作表, as offices paste a 任务分工表 kept in Excel):
/// on screen and in print they are the document's tables, so each embedded workbook is read as a
/// workbook file is, and its title rows and tables stand where the object's paragraph stood,
/// at that paragraph's line (an info diagnostic names the part). An embedded part that is not
/// a readable workbook is said in a warning and left out; objects of other kinds (a formula, a
/// drawing) are not read.
fn embed_workbooks(
    body: &mut Body<'_>,
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    parts: &Parts,
    budget: &mut Budget<'_>,
) -> Result<()> {
    let placed = std::mem::take(&mut body.embeds);
    // From the last, so that the places of those before stand.
    for (id, at, line) in placed.into_iter().rev() {
        let Some((_, part)) = parts.embedded.iter().find(|(i, _)| *i == id) else {
            continue;
        };
        let Some(bytes) = read_bytes(zip, part, budget)? else {
            continue;
        };
        let read = super::workbook::read_workbook(&bytes, body.limits);
        let blocks = match read {
            Ok(b) => b,
            Err(e @ Error::Limit { .. }) => return Err(e),
            Err(e) => {
                body.diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    "docx_embedded_unread",
                    format!(
                        "paragraph {line} holds an Excel worksheet object ({part}) that cannot be read as a workbook ({e}); its table is left out"
                    ),
                    Some(line),
                ));
                continue;
            }
        };
        let mut blocks = blocks.blocks;
        for block in &mut blocks {
            match block {
                Block::Para(p) => p.line = line,
                Block::Table(t) => {
                    t.line = line;
                    t.row_lines.iter_mut().for_each(|l| *l = line);
                    t.sheet = None;
                }
            }
        }
        if blocks.iter().any(|b| matches!(b, Block::Table(_))) {
            body.diagnostics.push(Diagnostic::new(
                Severity::Info,
                "docx_embedded_workbook",
                format!(
                    "paragraph {line} holds an Excel worksheet object ({part}): its table was read from the embedded workbook"
                ),
                Some(line),
            ));
        }
        let at = at.min(body.blocks.len());
        body.blocks.splice(at..at, blocks);
    }
    Ok(())
}

/// Whether `xml` has a start tag named `name` (any prefix, or none).
fn has_element(xml: &[u8], name: &[u8]) -> bool {
    let after = name.len();
    memchr::memmem::find_iter(xml, name).any(|i| {
        // Back over a prefix (`w:`), a few bytes at most, to the `<` that opens the tag.
        let start = xml[..i]
            .iter()
            .rev()
            .take(32)
            .take_while(|&&b| b.is_ascii_alphanumeric() || b == b':' || b == b'_' || b == b'-')
            .count();
        let prefix = &xml[i - start..i];
        (prefix.is_empty() || prefix.ends_with(b":"))
            && i > start
            && xml[i - start - 1] == b'<'
            && matches!(
                xml.get(i + after),
                Some(b'>' | b' ' | b'/' | b'\t' | b'\r' | b'\n')
            )
    })
}

/// Footnotes and endnotes (`w:footnoteReference`, `w:endnoteReference`) are not read: Word prints
/// them under the page, apart from the text they annotate. That their text is left out is said,
/// with how many there are and the first one's words, so that nothing goes missing unsaid.
fn note_unread_notes(
    body: &mut Body,
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    parts: &Parts,
    document: &str,
    budget: &mut Budget<'_>,
) -> Result<()> {
    let mut said = Vec::new();
    let mut first: Option<String> = None;
    for (kind, part, word) in [
        ("footnoteReference", &parts.notes[0], "footnote"),
        ("endnoteReference", &parts.notes[1], "endnote"),
    ] {
        let mut ids: Vec<String> = Vec::new();
        if has_element(document.as_bytes(), kind.as_bytes()) {
            each_tag(&parts.document, document, |tag| {
                if let Tag::Open(e, _) = tag
                    && e.local_name().as_ref() == kind
                    && let Some(id) = attr(e, "id")
                {
                    ids.push(id);
                }
            })?;
        }
        if ids.is_empty() {
            continue;
        }
        said.push(format!("{} {word}(s)", ids.len()));
        if first.is_none()
            && let Some(xml) = read_part(zip, part, budget)?
        {
            first = note_text(&xml, word, &ids[0]).filter(|t| !t.is_empty());
        }
    }
    if !said.is_empty() {
        let first = first.map_or_else(String::new, |t| {
            let short: String = t.chars().take(30).collect();
            let more = if short.len() < t.len() { "…" } else { "" };
            format!(" (the first: `{short}{more}`)")
        });
        body.diagnostics.push(Diagnostic::new(
            Severity::Info,
            "docx_notes_unread",
            format!(
                "the document has {}{first}, which are not read: their text is left out",
                said.join(" and ")
            ),
            None,
        ));
    }
    Ok(())
}

/// The text of the note `id` (a `w:footnote` or `w:endnote`, as `word` says) in the notes part
/// `xml`; `None` when it is not there or the part does not parse.
fn note_text(xml: &str, word: &str, id: &str) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    let (mut inside, mut in_text) = (false, false);
    let mut text = String::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == word => {
                inside = attr(&e, "id").as_deref() == Some(id);
            }
            Event::End(e) if inside && e.local_name().as_ref() == word => {
                return Some(crate::normalize::normalize_block(&text));
            }
            Event::Start(e) if inside && e.local_name().as_ref() == "t" => in_text = true,
            Event::End(e) if e.local_name().as_ref() == "t" => in_text = false,
            Event::Text(t) if inside && in_text => {
                text.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if inside && in_text => push_ref(&r, &mut text),
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// An XML error in `part` where the reader stood.
fn xml_error(part: &str, at: u64, e: impl std::fmt::Display) -> Error {
    Error::Document {
        location: part.to_string(),
        message: format!("XML error at byte {at}: {e}"),
    }
}

/// The value of attribute `key` (any prefix) of `e`.
fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .map(|a| unescaped(&a.value))
}

/// The value of attribute `w:val` (any prefix) of `e`.
fn val(e: &BytesStart<'_>) -> Option<String> {
    attr(e, "val")
}

/// An element as a part's XML events show it: opened (`true` when written `<x/>`, which closes
/// at once and has no closing event), or closed (its local name).
enum Tag<'e, 'x> {
    Open(&'e BytesStart<'x>, bool),
    Close(&'e str),
}

/// Calls `f` for every element of `xml` (the part `part`, which errors name), in order.
fn each_tag(part: &str, xml: &str, mut f: impl FnMut(Tag<'_, '_>)) -> Result<()> {
    let mut reader = Reader::from_str(xml);
    loop {
        match reader
            .read_event()
            .map_err(|e| xml_error(part, reader.error_position(), e))?
        {
            Event::Start(e) => f(Tag::Open(&e, false)),
            Event::Empty(e) => f(Tag::Open(&e, true)),
            Event::End(e) => f(Tag::Close(e.local_name().as_ref())),
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// An attribute's value with its references resolved (as written when one is unknown).
fn unescaped(raw: &str) -> String {
    quick_xml::escape::unescape(raw).map_or_else(|_| raw.to_string(), |v| v.into_owned())
}

/// Appends the character an entity or character reference stands for.
fn push_ref(r: &BytesRef<'_>, out: &mut String) {
    if let Some(s) = quick_xml::escape::resolve_xml_entity(r.as_ref()) {
        out.push_str(s);
    } else if let Ok(Some(c)) = r.resolve_char_ref() {
        out.push(c);
    }
}

/// Whether a cell continues the vertically merged cell above it.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
enum Merge {
    #[default]
    None,
    Restart,
    Continue,
}

/// A cell of a table read with its rows: its paragraphs (the range `paras` of
/// [`Body::cell_paras`], those of the tables nested in it included), the tables nested in it
/// that are read with their rows (indices into [`Body::nodes`]), its span and its merge.
#[derive(Default)]
struct Cell {
    paras: (usize, usize),
    nested: Vec<usize>,
    span: usize,
    merge: Merge,
}

struct Row {
    cells: Vec<Cell>,
    line: usize,
}

/// A table read with its rows and cells: the outermost, and a table nested in the first cell
/// of one read so (which may prove a frame of one cell, read as what it holds). A table nested
/// anywhere else gives its text to its cell.
#[derive(Default)]
struct TableNode {
    rows: Vec<Row>,
    /// The columns of its grid (`w:tblGrid`'s `w:gridCol`s; 0 when it declares none): Word clips
    /// a cell's span at the grid's right edge.
    grid_cols: usize,
    /// The cell being read.
    cell: Option<Cell>,
    /// Its paragraphs: a range of [`Body::cell_paras`].
    paras: (usize, usize),
}

impl TableNode {
    /// The cell of a table of one row of one cell: a layout frame, read as its content.
    fn frame_cell(&self) -> Option<&Cell> {
        match self.rows.as_slice() {
            [row] => match row.cells.as_slice() {
                [cell] => Some(cell),
                _ => None,
            },
            _ => None,
        }
    }

    /// No cell but the first has been met (the one being read).
    fn one_cell_so_far(&self) -> bool {
        self.cell.is_some() && self.rows.len() == 1 && self.rows[0].cells.is_empty()
    }
}

/// An open table: the node it is read into (none when it only gives its text to its cell), and
/// whether its open row is deleted by tracked changes (`w:trPr/w:del`).
struct OpenTable {
    node: Option<usize>,
    row_deleted: bool,
    /// A table that gives its text to its cell: where its paragraphs start in
    /// [`Body::cell_paras`], its rows' cells as ranges of them, and where the open cell's start.
    from: usize,
    rows: Vec<Vec<(usize, usize)>>,
    cell_from: Option<usize>,
    /// The paragraphs open when the table opened: none, or a text box's anchor (a table drawn
    /// in a text box opens inside the paragraph that anchors the box).
    depth: usize,
}

impl OpenTable {
    /// The table when it only gives its text to its cell.
    fn text_only(&mut self) -> Option<&mut Self> {
        Some(self).filter(|t| t.node.is_none())
    }
}

/// What is left to write out of the outermost table, in order.
enum Work {
    Table(usize),
    Paras(usize, usize),
}

/// Reads the body: the state of one pass over the document's XML events.
struct Body<'a> {
    numbering: Numbering,
    limits: &'a Limits,
    blocks: Vec<Block>,
    diagnostics: Vec<Diagnostic>,
    /// The pages imported into the document (`w:altChunk`), read, by relationship id.
    chunks: HashMap<String, Blocks>,
    /// Excel worksheet objects (`o:OLEObject ProgID="Excel.Sheet…"`) in the open body
    /// paragraph, by relationship id; and those placed: relationship id, where their blocks go
    /// among the body's, and the line of the paragraph that held them ([`embed_workbooks`]).
    sheet_objects: Vec<String>,
    embeds: Vec<(String, usize, usize)>,
    /// The paragraph's number in the body (the `line` of what is read).
    line: usize,
    /// The text of the open paragraphs (a paragraph in a text box opens inside another).
    paras: Vec<String>,
    /// Text boxes' paragraphs, put before the paragraph that anchors them.
    held: Vec<Block>,
    /// The open tables, outermost first; those read into a node come first (`stored` of them).
    open: Vec<OpenTable>,
    stored: usize,
    /// The outermost table and the tables nested in it that are read with their rows.
    nodes: Vec<TableNode>,
    /// The paragraphs in the outermost table's cells, in order.
    cell_paras: Vec<String>,
    /// Inside a row's properties (`w:trPr`).
    row_props: bool,
    /// Inside a paragraph's properties (`w:pPr`), where a `w:del` marks its paragraph mark
    /// deleted by tracked changes (`mark_deleted`): accepted, the paragraph runs on into the
    /// next, so its text is carried (`carry`) to the front of the next body paragraph.
    para_props: bool,
    mark_deleted: bool,
    carry: String,
    /// The open content controls (`w:sdt`): whether each shows its placeholder text
    /// (`w:showingPlcHdr`); and the depth inside the content of those that do.
    controls: Vec<bool>,
    placeholder: usize,
    /// Depth inside elements whose text is left out (`w:delText`, `w:instrText`, …).
    skip: usize,
    /// Inside a run (`w:r`), and inside its text (`w:t`).
    run: usize,
    text: usize,
    /// The run is hidden text (`w:vanish`: a reviewer's note, text kept out of print).
    hidden: bool,
    /// The run is raised (`w:vertAlign w:val="superscript"`), and where its text starts in its
    /// paragraph's: its figures are written raised when it closes (see [`raised_figures`]).
    raised: Option<usize>,
    /// The paragraph's automatic numbering (`w:numId`, `w:ilvl`) as its properties give it,
    /// and its style (whose numbering it takes when it has none of its own).
    num: (Option<String>, Option<usize>),
    style: Option<String>,
    /// Tracked changes met (`w:ins`, `w:del`, `w:moveFrom`, `w:moveTo`), and the paragraph of
    /// the first.
    changes: (usize, usize),
    /// The open complex fields (`w:fldChar` begin … end), each with what its code says so far:
    /// `None` before its first words, then whether it is a table of contents (`TOC`).
    fields: Vec<Option<bool>>,
    /// How many open fields are tables of contents: their text (the headings again, with page
    /// numbers) is not read.
    toc: usize,
    /// Inside a field's code (`w:instrText`).
    instr: bool,
    /// The paragraph's style is a table of contents' (`toc 1`): the paragraph is not read.
    toc_para: bool,
    /// The body's paragraphs' lines as printed, to join back those a converter hard-wrapped
    /// ([`join_wrapped`]); how many body paragraphs were printed so far; and whether a blank
    /// line (an empty paragraph, two line breaks) stands since the last line.
    printed: Vec<Printed>,
    printed_paras: usize,
    gap: bool,
    /// The body paragraph is centred or set right (`w:jc`), and its first line is set in by
    /// its properties (`w:ind w:firstLine`), not by spaces.
    aligned: bool,
    first_line_indent: bool,
}

/// Elements whose content is left out (`w:trPrChange` holds a row's former properties).
fn skipped(local: &str) -> bool {
    matches!(
        local,
        "delText" | "instrText" | "moveFrom" | "Fallback" | "trPrChange"
    )
}

impl<'a> Body<'a> {
    fn new(numbering: Numbering, limits: &'a Limits) -> Self {
        Body {
            numbering,
            limits,
            blocks: Vec::new(),
            diagnostics: Vec::new(),
            chunks: HashMap::new(),
            sheet_objects: Vec::new(),
            embeds: Vec::new(),
            line: 0,
            paras: Vec::new(),
            held: Vec::new(),
            open: Vec::new(),
            stored: 0,
            nodes: Vec::new(),
            cell_paras: Vec::new(),
            row_props: false,
            para_props: false,
            mark_deleted: false,
            carry: String::new(),
            controls: Vec::new(),
            placeholder: 0,
            skip: 0,
            run: 0,
            text: 0,
            hidden: false,
            raised: None,
            num: (None, None),
            style: None,
            changes: (0, 0),
            fields: Vec::new(),
            toc: 0,
            instr: false,
            toc_para: false,
            printed: Vec::new(),
            printed_paras: 0,
            gap: false,
            aligned: false,
            first_line_indent: false,
        }
    }

    /// Text read now is content: not left out, not a content control's placeholder.
    fn reading(&self) -> bool {
        self.skip == 0 && self.placeholder == 0 && self.toc == 0
    }

    /// The words of a field's code: the first tell whether it is a table of contents.
    fn field_code(&mut self, code: &str) {
        if let Some(f @ None) = self.fields.last_mut()
            && !code.trim_ws().is_empty()
        {
            let toc = code
                .trim_start()
                .get(..3)
                .is_some_and(|w| w.eq_ignore_ascii_case("TOC"));
            *f = Some(toc);
            self.toc += usize::from(toc);
        }
    }

    fn read(&mut self, xml: &str) -> Result<()> {
        let mut reader = Reader::from_str(xml);
        // Elements open now: the part must end with none (the reader checks that every closing
        // tag matches, not that every element closes before the end).
        let mut depth = 0usize;
        let mut rooted = false;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| xml_error(DOCUMENT, reader.error_position(), e))?;
            match &event {
                Event::Start(_) if depth == 0 && rooted => {
                    self.damaged(format!(
                        "{DOCUMENT} holds a second root element at byte {}: only the first was read",
                        reader.buffer_position()
                    ));
                    break;
                }
                Event::Start(_) => {
                    depth += 1;
                    rooted = true;
                }
                Event::End(_) => depth = depth.saturating_sub(1),
                Event::Eof if depth > 0 => self.damaged(format!(
                    "{DOCUMENT} ends at byte {} with {depth} element(s) still open, as a file cut short does: what came before was read, the rest of the document is missing",
                    xml.len()
                )),
                _ => {}
            }
            match event {
                Event::Start(e) => self.open(&e)?,
                // An element written `<w:tab/>`: opened and closed at once, unless it is
                // inside (or is) an element left out.
                Event::Empty(e) if self.skip == 0 && !skipped(e.local_name().as_ref()) => {
                    self.open(&e)?;
                    self.close(e.local_name().as_ref())?;
                }
                Event::End(e) => self.close(e.local_name().as_ref())?,
                Event::Text(t) if self.instr => self.field_code(&t.xml10_content()),
                Event::Text(t) if self.text > 0 && self.reading() => {
                    if let Some(p) = self.paras.last_mut() {
                        p.push_str(&t.xml10_content());
                    }
                }
                Event::CData(t) if self.text > 0 && self.reading() => {
                    if let Some(p) = self.paras.last_mut() {
                        p.push_str(&t.xml10_content());
                    }
                }
                Event::GeneralRef(r) if self.text > 0 && self.reading() => {
                    if let Some(p) = self.paras.last_mut() {
                        push_ref(&r, p);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        // A document cut short: what was read stands, the open tables included.
        self.skip = 0;
        while !self.paras.is_empty() {
            self.close("p")?;
        }
        while !self.open.is_empty() {
            if self.cell().is_some() {
                self.close("tc")?;
            }
            self.close("tr")?;
            self.close("tbl")?;
        }
        self.flush_carry();
        self.flush_held();
        join_wrapped(&mut self.blocks, &self.printed);
        if self.changes.0 > 0 {
            self.diagnostics.push(Diagnostic::new(
                Severity::Info,
                "docx_tracked_changes",
                format!(
                    "the document holds {} tracked change(s) (first in paragraph {}), read as accepted: inserted text kept, deleted text left out",
                    self.changes.0, self.changes.1
                ),
                Some(self.changes.1),
            ));
        }
        Ok(())
    }

    /// A warning that the part is damaged but was read as far as it goes.
    fn damaged(&mut self, message: String) {
        self.diagnostics.push(Diagnostic::new(
            Severity::Warning,
            "docx_damaged",
            message,
            None,
        ));
    }

    /// The innermost open table, when it is read into a node.
    fn top_node(&mut self) -> Option<&mut TableNode> {
        if self.stored == 0 || self.stored != self.open.len() {
            return None;
        }
        let k = self.open.last()?.node?;
        self.nodes.get_mut(k)
    }

    /// The cell that paragraphs read now belong to: the open cell of the innermost table read
    /// into a node (a table nested in it without one gives it its text).
    fn cell(&mut self) -> Option<&mut Cell> {
        let k = self.open.get(self.stored.checked_sub(1)?)?.node?;
        self.nodes.get_mut(k)?.cell.as_mut()
    }

    fn open(&mut self, e: &BytesStart<'_>) -> Result<()> {
        let name = e.local_name();
        let local = name.as_ref();
        if matches!(local, "ins" | "del" | "moveFrom" | "moveTo") && self.skip == 0 {
            if self.changes.0 == 0 {
                self.changes.1 = self.line.max(1);
            }
            self.changes.0 += 1;
        }
        if local == "instrText" && self.skip == 0 {
            self.instr = true;
        }
        // The cells of a deleted row are left out, as accepting the change removes the row.
        let deleted_cell = local == "tc" && self.open.last().is_some_and(|t| t.row_deleted);
        if self.skip > 0 || skipped(local) || (local == "t" && self.hidden) || deleted_cell {
            self.skip += 1;
            return Ok(());
        }
        match local {
            // Hidden text, unless switched off (`w:val="false"`, `"0"`).
            "vanish" if self.run > 0 => {
                self.hidden = !matches!(val(e).as_deref(), Some("false" | "0" | "off"));
            }
            "vertAlign" if self.run > 0 && val(e).as_deref() == Some("superscript") => {
                self.raised = self.paras.last().map(String::len);
            }
            "p" => {
                if self.paras.is_empty() && self.cell().is_none() {
                    self.line += 1;
                }
                if self.paras.is_empty() && self.open.is_empty() {
                    self.aligned = false;
                    self.first_line_indent = false;
                }
                self.paras.push(String::new());
                self.num = (None, None);
                self.style = None;
            }
            "r" => self.run += 1,
            "t" => self.text += 1,
            "tab" if self.run > 0 && self.placeholder == 0 => self.push_text("\t"),
            "br" | "cr" if self.run > 0 && self.placeholder == 0 => {
                // A page or column break is not a line break.
                let page = attr(e, "type").is_some_and(|t| t != "textWrapping");
                if !page {
                    self.push_text("\n");
                }
            }
            "noBreakHyphen" if self.run > 0 && self.placeholder == 0 => self.push_text("-"),
            // A table of contents is a field: its result repeats the headings with their pages.
            "fldChar" => {
                let kind = attr(e, "fldCharType");
                if kind.as_deref() == Some("begin") {
                    self.fields.push(None);
                } else if kind.as_deref() == Some("end") && self.fields.pop() == Some(Some(true)) {
                    self.toc = self.toc.saturating_sub(1);
                }
            }
            // …or a content control of Word's gallery of contents, read as a placeholder is.
            "docPartGallery" if val(e).is_some_and(|v| v.starts_with("Table of Contents")) => {
                if let Some(c) = self.controls.last_mut() {
                    *c = true;
                }
            }
            // A page imported where it stands (a DOCX made out of a web page is often nothing
            // else): its blocks, numbered on from here.
            "altChunk" if self.open.is_empty() && self.paras.is_empty() => {
                if let Some(chunk) = attr(e, "id").and_then(|id| self.chunks.remove(&id)) {
                    self.flush_carry();
                    self.flush_held();
                    let from = self.line;
                    for mut block in chunk.blocks {
                        match &mut block {
                            Block::Para(p) => p.line += from,
                            Block::Table(t) => {
                                t.line += from;
                                t.row_lines.iter_mut().for_each(|l| *l += from);
                            }
                        }
                        self.line = self.line.max(block.line());
                        self.blocks.push(block);
                    }
                    self.diagnostics.extend(chunk.diagnostics);
                }
            }
            // A worksheet pasted as an object, in a body paragraph: read after the body.
            "OLEObject"
                if self.open.is_empty()
                    && attr(e, "ProgID").is_some_and(|p| p.starts_with("Excel.Sheet")) =>
            {
                if let Some(id) = attr(e, "id") {
                    self.sheet_objects.push(id);
                }
            }
            "numId" => self.num.0 = val(e),
            "ilvl" => self.num.1 = val(e).and_then(|v| v.parse().ok()),
            "pStyle" => self.style = val(e),
            // A body paragraph centred or set right (a title's, a signature's lines), or whose
            // first line its properties set in (`w:firstLine="640"`, `w:firstLineChars="200"`).
            "jc" if self.para_props && self.paras.len() == 1 && self.open.is_empty() => {
                self.aligned = matches!(
                    val(e).as_deref(),
                    Some("center" | "right" | "end" | "distribute")
                );
            }
            "ind" if self.para_props && self.paras.len() == 1 && self.open.is_empty() => {
                let set_in = |key: &str| {
                    attr(e, key)
                        .and_then(|v| v.trim_ws().parse::<i64>().ok())
                        .is_some_and(|v| v > 0)
                };
                self.first_line_indent = set_in("firstLine") || set_in("firstLineChars");
            }
            // A content control showing its placeholder (`单击或点击此处输入文字。`): that text is
            // Word's prompt, not content.
            "sdt" => self.controls.push(false),
            "showingPlcHdr" => {
                if let Some(c) = self.controls.last_mut() {
                    *c = !matches!(val(e).as_deref(), Some("false" | "0" | "off"));
                }
            }
            "sdtContent" if self.controls.last() == Some(&true) => self.placeholder += 1,
            "tbl" => self.open_table(),
            "tr" => {
                if let Some(t) = self.open.last_mut() {
                    t.row_deleted = false;
                }
                if self.open.len() == 1 {
                    self.line += 1;
                }
                let line = self.line;
                if let Some(t) = self.top_node() {
                    t.rows.push(Row {
                        cells: Vec::new(),
                        line,
                    });
                } else if let Some(t) = self.open.last_mut().and_then(OpenTable::text_only) {
                    t.rows.push(Vec::new());
                }
            }
            "trPr" => self.row_props = true,
            "pPr" => self.para_props = true,
            // A body paragraph's mark deleted (`w:pPr/w:rPr/w:del`).
            "del" if self.para_props && self.paras.len() == 1 && self.open.is_empty() => {
                self.mark_deleted = true;
            }
            "del" if self.row_props => {
                if let Some(t) = self.open.last_mut() {
                    t.row_deleted = true;
                }
            }
            "tc" => {
                let at = self.cell_paras.len();
                if let Some(t) = self.top_node() {
                    t.cell = Some(Cell {
                        paras: (at, at),
                        span: 1,
                        ..Cell::default()
                    });
                } else if let Some(t) = self.open.last_mut().and_then(OpenTable::text_only) {
                    t.cell_from = Some(at);
                }
            }
            // A row that starts past the grid's first columns (`w:gridBefore`, as WPS and
            // converted tables write rows that begin further right): those slots are empty, and
            // the row's cells stand in the columns after them.
            "gridBefore" if self.row_props => {
                let at = self.cell_paras.len();
                let skipped = val(e).and_then(|v| v.trim_ws().parse::<usize>().ok());
                if let Some(n) = skipped.filter(|&n| n > 0)
                    && let Some(row) = self.top_node().and_then(|t| t.rows.last_mut())
                    && row.cells.is_empty()
                {
                    row.cells.push(Cell {
                        paras: (at, at),
                        span: n.min(MAX_SPAN),
                        ..Cell::default()
                    });
                }
            }
            "gridCol" => {
                if let Some(t) = self.top_node()
                    && t.rows.is_empty()
                {
                    t.grid_cols += 1;
                }
            }
            "gridSpan" => {
                if let Some(c) = self.top_node().and_then(|t| t.cell.as_mut()) {
                    let span = val(e).and_then(|v| v.trim_ws().parse::<usize>().ok());
                    c.span = span.unwrap_or(1).clamp(1, MAX_SPAN);
                }
            }
            "vMerge" => {
                if let Some(c) = self.top_node().and_then(|t| t.cell.as_mut()) {
                    c.merge = match val(e).as_deref() {
                        Some("restart") => Merge::Restart,
                        _ => Merge::Continue,
                    };
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// A table opens: the outermost, or one nested in a cell. It is read with its rows when it
    /// is the outermost or nested in the first cell of a table so read (a frame, perhaps);
    /// else it gives its text to its cell.
    fn open_table(&mut self) {
        let at = self.cell_paras.len();
        let node = if self.open.is_empty() {
            self.flush_carry();
            self.flush_held();
            self.nodes.clear();
            self.cell_paras.clear();
            self.nodes.push(TableNode {
                paras: (0, 0),
                ..TableNode::default()
            });
            Some(0)
        } else if self.top_node().is_some_and(|t| t.one_cell_so_far()) {
            let k = self.nodes.len();
            if let Some(c) = self.cell() {
                c.nested.push(k);
            }
            self.nodes.push(TableNode {
                paras: (at, at),
                ..TableNode::default()
            });
            Some(k)
        } else {
            None
        };
        if node.is_some() {
            self.stored += 1;
        }
        self.open.push(OpenTable {
            node,
            row_deleted: false,
            from: at,
            rows: Vec::new(),
            cell_from: None,
            depth: self.paras.len(),
        });
    }

    fn close(&mut self, local: &str) -> Result<()> {
        if local == "instrText" {
            self.instr = false;
        }
        if self.skip > 0 {
            self.skip -= 1;
            return Ok(());
        }
        match local {
            "r" => {
                self.run = self.run.saturating_sub(1);
                self.hidden = false;
                // A raised run of figures alone (a note mark after a unit's name, a power).
                if let Some(from) = self.raised.take()
                    && let Some(p) = self.paras.last_mut()
                    && let Some(raised) = p.get(from..).and_then(raised_figures)
                {
                    p.truncate(from);
                    p.push_str(&raised);
                }
            }
            "t" => self.text = self.text.saturating_sub(1),
            "pPr" => {
                self.para_props = false;
                // The paragraph's numbering is known (its own, or its style's): its number
                // goes first.
                let (num, level) = std::mem::take(&mut self.num);
                let style = self.style.take();
                if self.paras.len() == 1 && self.open.is_empty() {
                    self.toc_para = style.as_deref().is_some_and(|s| self.numbering.is_toc(s));
                }
                let styled = || style.as_deref().and_then(|s| self.numbering.style_num(s));
                let found = match num {
                    Some(id) => Some((id, level.unwrap_or(0))),
                    None => styled().map(|(id, l)| (id, level.unwrap_or(l))),
                };
                if let Some((id, level)) = found
                    && let Some(label) = self.numbering.next(&id, level)
                {
                    self.push_text(&label);
                }
            }
            "p" => {
                let Some(text) = self.paras.pop() else {
                    return Ok(());
                };
                // A paragraph of the innermost table's cell: not inside another paragraph
                // opened in that cell (a text box's), though the table may be in one.
                let depth = self.open.last().map_or(0, |t| t.depth);
                if self.paras.len() == depth && self.cell().is_some() {
                    self.cell_paras.push(text);
                } else if self.paras.is_empty() && self.open.is_empty() {
                    self.flush_held();
                    if std::mem::take(&mut self.toc_para) {
                        return Ok(());
                    }
                    let mut text = text;
                    if !self.carry.is_empty() {
                        text.insert_str(0, &std::mem::take(&mut self.carry));
                    }
                    if std::mem::take(&mut self.mark_deleted) {
                        self.carry = text;
                    } else {
                        self.push_paragraphs(&text, self.line, false);
                    }
                    for id in std::mem::take(&mut self.sheet_objects) {
                        self.embeds.push((id, self.blocks.len(), self.line));
                    }
                } else {
                    // A text box's paragraph (or one in a table's row outside its cells):
                    // held until its anchor is out.
                    self.push_paragraphs(&text, self.line, true);
                }
            }
            "sdtContent" if self.controls.last() == Some(&true) => {
                self.placeholder = self.placeholder.saturating_sub(1);
            }
            "sdt" => {
                self.controls.pop();
            }
            "trPr" => self.row_props = false,
            "tc" => {
                let at = self.cell_paras.len();
                if let Some(t) = self.top_node() {
                    if let (Some(mut cell), Some(row)) = (t.cell.take(), t.rows.last_mut()) {
                        cell.paras.1 = at;
                        row.cells.push(cell);
                    }
                } else if let Some(t) = self.open.last_mut().and_then(OpenTable::text_only)
                    && let (Some(from), Some(row)) = (t.cell_from.take(), t.rows.last_mut())
                {
                    row.push((from, at));
                }
            }
            "tr" => {
                let deleted = self
                    .open
                    .last_mut()
                    .is_some_and(|t| std::mem::take(&mut t.row_deleted));
                if deleted {
                    if let Some(t) = self.top_node() {
                        t.rows.pop();
                    } else if let Some(t) = self.open.last_mut().and_then(OpenTable::text_only) {
                        t.rows.pop();
                    }
                }
            }
            "tbl" => {
                let at = self.cell_paras.len();
                match self.open.pop() {
                    Some(OpenTable {
                        node: Some(node), ..
                    }) => {
                        self.stored = self.stored.saturating_sub(1);
                        if let Some(t) = self.nodes.get_mut(node) {
                            t.cell = None;
                            t.paras.1 = at;
                        }
                    }
                    Some(OpenTable { from, rows, .. }) => self.nested_allocation(from, &rows),
                    None => {}
                }
                if self.open.is_empty() {
                    self.write_tables()?;
                    self.flush_held();
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// A table nested in a cell that is a small allocation (`牵头 | 甲` over `配合 | 乙`, or
    /// `牵头单位 | 配合单位` over `甲 | 乙`) gives its cell its clauses, each on a line of its own
    /// (`牵头：甲` / `配合：乙`), in place of its paragraphs one by one, where the labels would
    /// read as units. Any other table keeps its paragraphs as its cell's lines.
    fn nested_allocation(&mut self, from: usize, rows: &[Vec<(usize, usize)>]) {
        let cells: Vec<Vec<Vec<String>>> = rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|&(a, b)| {
                        self.cell_paras
                            .get(a..b)
                            .unwrap_or_default()
                            .iter()
                            .flat_map(|p| p.split('\n'))
                            .map(str::to_string)
                            .collect()
                    })
                    .collect()
            })
            .collect();
        if let Some(lines) = tasks::allocation_clauses(&cells)
            && from <= self.cell_paras.len()
        {
            self.cell_paras.truncate(from);
            self.cell_paras.extend(lines);
        }
    }

    /// A paragraph whose mark was deleted, with nothing after it to run on into.
    fn flush_carry(&mut self) {
        if !self.carry.is_empty() {
            let text = std::mem::take(&mut self.carry);
            self.push_paragraphs(&text, self.line, false);
        }
    }

    fn push_text(&mut self, s: &str) {
        if self.toc > 0 {
            return;
        }
        if let Some(p) = self.paras.last_mut() {
            p.push_str(s);
        }
    }

    /// `text`'s lines as paragraphs at `line` (held for later when `hold`). A body paragraph's
    /// lines are noted as printed, for [`join_wrapped`].
    fn push_paragraphs(&mut self, text: &str, line: usize, hold: bool) {
        let (aligned, first_line_indent) = if hold {
            (false, false)
        } else {
            self.printed_paras += 1;
            (
                std::mem::take(&mut self.aligned),
                std::mem::take(&mut self.first_line_indent),
            )
        };
        for (k, piece) in text.split('\n').enumerate() {
            let t = crate::normalize::normalize_cell(piece);
            // A page number in the body (`— 1 —`, often Word's PAGE field in a paragraph of its
            // own, or typed where a converted file had its footer): read, it opened a part
            // under the signature. Told by its last character for nearly every paragraph.
            if t.is_empty() || crate::read::text::is_page_number(&t) {
                // A blank line parts paragraphs; a page number is left out as if not printed.
                self.gap |= !hold && t.is_empty();
                continue;
            }
            if hold {
                self.held.push(Block::Para(Para {
                    text: t,
                    line: line.max(1),
                }));
                continue;
            }
            let (mut spaces, mut wide) = (0u16, 0u16);
            for c in piece.chars() {
                match c {
                    ' ' | '\u{a0}' => spaces = spaces.saturating_add(1),
                    '\u{3000}' => wide = wide.saturating_add(1),
                    _ => break,
                }
            }
            if k == 0 && first_line_indent && spaces == 0 && wide == 0 {
                wide = 2;
            }
            self.printed.push(Printed {
                block: self.blocks.len(),
                para: self.printed_paras,
                spaces,
                wide,
                apart: aligned || memchr::memchr(b'\t', piece.as_bytes()).is_some(),
                after_gap: std::mem::take(&mut self.gap),
            });
            self.blocks.push(Block::Para(Para {
                text: t,
                line: line.max(1),
            }));
        }
    }

    fn flush_held(&mut self) {
        self.blocks.append(&mut self.held);
    }

    /// The outermost table, closed, as blocks: a grid, or when it is a frame of one cell (a
    /// layout table: one row of one cell) what the cell holds, in order: its paragraphs and its
    /// tables, each read the same way. What a frame holds is numbered as if printed without it:
    /// from the frame's row on, a line for each paragraph and each row of a grid.
    fn write_tables(&mut self) -> Result<()> {
        let nodes = std::mem::take(&mut self.nodes);
        let paras = std::mem::take(&mut self.cell_paras);
        let mut work = vec![Work::Table(0)];
        let mut next: Option<usize> = None;
        while let Some(w) = work.pop() {
            match w {
                Work::Paras(from, to) => {
                    for text in paras.get(from..to).unwrap_or_default() {
                        let line = next.unwrap_or(self.line);
                        self.push_paragraphs(text, line, false);
                        next = Some(line + 1);
                    }
                }
                Work::Table(k) => {
                    let Some(t) = nodes.get(k) else { continue };
                    if let Some(cell) = t.frame_cell() {
                        if next.is_none() {
                            next = t.rows.first().map(|r| r.line);
                        }
                        let mut at = cell.paras.0;
                        let mut todo = Vec::with_capacity(2 * cell.nested.len() + 1);
                        for &n in &cell.nested {
                            if let Some(inner) = nodes.get(n) {
                                todo.push(Work::Paras(at, inner.paras.0));
                                todo.push(Work::Table(n));
                                at = inner.paras.1;
                            }
                        }
                        todo.push(Work::Paras(at, cell.paras.1));
                        work.extend(todo.into_iter().rev());
                        continue;
                    }
                    let row_lines: Vec<usize> = match &mut next {
                        Some(n) => t
                            .rows
                            .iter()
                            .map(|_| {
                                *n += 1;
                                *n - 1
                            })
                            .collect(),
                        None => t.rows.iter().map(|r| r.line).collect(),
                    };
                    if let Some(table) = self.grid(&t.rows, t.grid_cols, row_lines, &paras)? {
                        self.blocks.push(Block::Table(Box::new(table)));
                    }
                }
            }
        }
        if let Some(n) = next {
            self.line = self.line.max(n.saturating_sub(1));
        }
        Ok(())
    }

    /// The table's grid: spans and vertical merges fill every slot they cover; a cell's text is
    /// its paragraphs' lines (`paras`, those of tables nested in it included).
    fn grid(
        &self,
        rows: &[Row],
        grid_cols: usize,
        row_lines: Vec<usize>,
        paras: &[String],
    ) -> Result<Option<Table>> {
        // A span wider than the whole grid (`w:gridSpan w:val="4294967295"` in a table of four
        // columns: a damaged or hostile file) is cut to leave the row's later cells their
        // columns; left whole, it would push them past the grid, the task's text under the
        // lead units' header. A span that fits the grid is as written.
        let spans = |r: &Row| {
            let mut at = 0usize;
            let count = r.cells.len();
            r.cells
                .iter()
                .enumerate()
                .map(move |(i, c)| {
                    let span = if grid_cols > 0 && c.span > grid_cols {
                        grid_cols.saturating_sub(at + (count - i - 1)).max(1)
                    } else {
                        c.span
                    };
                    at += span;
                    span
                })
                .collect::<Vec<usize>>()
        };
        let row_spans: Vec<Vec<usize>> = rows.iter().map(spans).collect();
        let width = row_spans
            .iter()
            .map(|r| r.iter().sum::<usize>())
            .max()
            .unwrap_or(0);
        let cells = (rows.len() as u64).saturating_mul(width as u64);
        if cells > self.limits.max_grid_cells {
            return Err(Error::Limit {
                what: format!(
                    "the number of cells of the table at paragraph {} ({} rows × {width} columns)",
                    row_lines.first().copied().unwrap_or(self.line),
                    rows.len()
                ),
                value: cells,
                limit: self.limits.max_grid_cells,
                flag: "--max-grid-cells".into(),
            });
        }
        if width == 0 {
            return Ok(None);
        }
        let mut grid: Vec<Vec<String>> = Vec::with_capacity(rows.len());
        let mut merged_down = Vec::new();
        // The lines of the rows the grid keeps (`row_lines` has one for each row).
        let mut kept_lines = Vec::with_capacity(rows.len());
        for ((row, spans), &line) in rows.iter().zip(&row_spans).zip(&row_lines) {
            let mut out: Vec<String> = Vec::with_capacity(width);
            for (cell, &span) in row.cells.iter().zip(spans) {
                if cell.merge == Merge::Continue {
                    let (r, c) = (grid.len(), out.len());
                    merged_down.extend((c..c + span).map(|c| (r, c)));
                }
                let text = if cell.merge == Merge::Continue {
                    grid.last()
                        .and_then(|above| above.get(out.len()))
                        .cloned()
                        .unwrap_or_default()
                } else {
                    let lines = paras.get(cell.paras.0..cell.paras.1).unwrap_or_default();
                    super::join_cell_lines(lines.iter().flat_map(|p| p.split('\n')))
                };
                for _ in 0..span {
                    out.push(text.clone());
                }
            }
            out.resize(width, String::new());
            // A row `续表` across the width, where the page broke: no row of the table's.
            if !grid.is_empty() && super::is_continuation_row(&out) {
                let r = grid.len();
                merged_down.retain(|&(row, _)| row != r);
                continue;
            }
            grid.push(out);
            kept_lines.push(line);
        }
        let row_lines = kept_lines;
        let line = row_lines.first().copied().unwrap_or(self.line);
        let mut table = Table {
            caption: None,
            header_rows: tasks::header_rows(&grid),
            rows: grid,
            row_lines,
            line,
            sheet: None,
            merged_down,
            order: crate::model::BlockOrder(0),
            preamble_at: crate::model::PreambleAt(None),
        };
        tasks::lift_title_rows(&mut table);
        Ok(Some(table))
    }
}

/// Word's automatic numbering, from `word/numbering.xml`: for each list (`w:num`, through its
/// `w:abstractNum`), each level's format (`w:numFmt`: decimal, chineseCounting…), its text
/// (`w:lvlText`: `%1、`, `（%1）`, `%1.%2`) and start (`w:start`). [`Numbering::next`] counts as
/// Word does: a level's number goes up by one at each of its paragraphs, and the levels below
/// it start again; lists that share their definition share their count, unless a list starts a
/// level again (`w:startOverride`). Paragraph styles may carry the numbering
/// ([`Numbering::read_styles`]).
#[derive(Default)]
pub struct Numbering {
    /// `w:num` id → `w:abstractNum` id.
    nums: HashMap<String, String>,
    /// `w:abstractNum` id → its levels, by `w:ilvl`.
    abstracts: HashMap<String, Vec<Level>>,
    /// The numbers reached, per abstract list and level.
    counters: HashMap<String, Vec<Option<u64>>>,
    /// `w:num` id → levels it starts again (`w:lvlOverride`/`w:startOverride`), and at what.
    overrides: HashMap<String, Vec<(usize, u64)>>,
    /// (`w:num` id, level) whose override has been applied: a set, as a document may declare
    /// a list of its own for each of thousands of paragraphs.
    restarted: HashSet<(String, usize)>,
    /// Paragraph styles' numbering, by style id.
    styles: HashMap<String, StyleNum>,
    /// The ids of the styles of a table of contents' entries (named `toc 1`…`toc 9`).
    toc_styles: HashSet<String>,
}

/// What a paragraph style says of numbering.
#[derive(Default)]
struct StyleNum {
    /// `w:numId`.
    num: Option<String>,
    /// `w:ilvl`.
    level: Option<usize>,
    /// The style it is based on.
    based_on: Option<String>,
}

#[derive(Clone)]
struct Level {
    format: String,
    text: String,
    start: u64,
    /// `w:lvlRestart`: the (1-based) level whose use starts this one again; 0 never does.
    /// Without it, any shallower level does.
    restart_after: Option<usize>,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            format: "decimal".into(),
            text: String::new(),
            start: 1,
            restart_after: None,
        }
    }
}

/// The deepest level read (Word has nine, 0–8).
const MAX_LEVELS: usize = 9;

impl Numbering {
    /// Reads `word/numbering.xml`.
    pub fn parse(xml: &str) -> Result<Self> {
        let mut n = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut level: Option<usize> = None;
        let mut override_level: Option<usize> = None;
        // A list defined through a numbering style: the abstract list that names the style
        // (`w:numStyleLink`) has no levels of its own; the one the style points back to
        // (`w:styleLink`) holds them.
        let mut style_links: Vec<(String, String)> = Vec::new();
        let mut num_style_links: Vec<(String, String)> = Vec::new();
        each_tag(NUMBERING, xml, |tag| {
            let (e, empty) = match tag {
                Tag::Open(e, empty) => (e, empty),
                Tag::Close(name) => {
                    match name {
                        "abstractNum" => abstract_id = None,
                        "num" => num_id = None,
                        "lvl" => level = None,
                        "lvlOverride" => override_level = None,
                        _ => {}
                    }
                    return;
                }
            };
            match e.local_name().as_ref() {
                "abstractNum" if !empty => abstract_id = attr(e, "abstractNumId"),
                "num" if !empty => num_id = attr(e, "numId"),
                "lvlOverride" if !empty => {
                    override_level = attr(e, "ilvl").and_then(|v| v.parse::<usize>().ok());
                }
                "startOverride" => {
                    if let (Some(num), Some(l)) = (&num_id, override_level) {
                        let start = val(e).and_then(|v| v.trim_ws().parse().ok()).unwrap_or(1);
                        n.overrides.entry(num.clone()).or_default().push((l, start));
                    }
                }
                "abstractNumId" => {
                    if let (Some(num), Some(a)) = (&num_id, val(e)) {
                        n.nums.insert(num.clone(), a);
                    }
                }
                "styleLink" => {
                    if let (Some(a), Some(style)) = (&abstract_id, val(e)) {
                        style_links.push((style, a.clone()));
                    }
                }
                "numStyleLink" => {
                    if let (Some(a), Some(style)) = (&abstract_id, val(e)) {
                        num_style_links.push((a.clone(), style));
                    }
                }
                "lvl" if !empty => {
                    level = attr(e, "ilvl")
                        .and_then(|v| v.parse::<usize>().ok())
                        .filter(|&l| l < MAX_LEVELS);
                }
                "numFmt" | "lvlText" | "start" | "lvlRestart" => {
                    let (Some(a), Some(l)) = (&abstract_id, level) else {
                        return;
                    };
                    let levels = n.abstracts.entry(a.clone()).or_default();
                    if levels.len() <= l {
                        levels.resize(l + 1, Level::default());
                    }
                    let v = val(e).unwrap_or_default();
                    match e.local_name().as_ref() {
                        "numFmt" => levels[l].format = v,
                        "lvlText" => levels[l].text = v,
                        "lvlRestart" => levels[l].restart_after = v.trim_ws().parse().ok(),
                        _ => levels[l].start = v.trim_ws().parse().unwrap_or(1),
                    }
                }
                _ => {}
            }
        })?;
        for (a, style) in num_style_links {
            let linked = style_links
                .iter()
                .find(|(s, b)| *s == style && *b != a)
                .and_then(|(_, b)| n.abstracts.get(b).cloned());
            if let Some(levels) = linked {
                n.abstracts.entry(a).or_insert(levels);
            }
        }
        Ok(n)
    }

    /// Reads the paragraph styles' numbering from `word/styles.xml`.
    pub fn read_styles(&mut self, xml: &str) -> Result<()> {
        let mut style: Option<String> = None;
        each_tag(STYLES, xml, |tag| {
            let e = match tag {
                Tag::Open(e, empty) if e.local_name().as_ref() == "style" => {
                    if !empty {
                        style = attr(e, "styleId");
                    }
                    return;
                }
                Tag::Open(e, _) => e,
                Tag::Close("style") => {
                    style = None;
                    return;
                }
                Tag::Close(_) => return,
            };
            let Some(id) = &style else { return };
            let name = e.local_name();
            if name.as_ref() == "name" && val(e).is_some_and(|v| is_toc_name(&v)) {
                self.toc_styles.insert(id.clone());
            }
            if !matches!(name.as_ref(), "numId" | "ilvl" | "basedOn") {
                return;
            }
            let entry = self.styles.entry(id.clone()).or_default();
            match name.as_ref() {
                "numId" => entry.num = val(e),
                "ilvl" => entry.level = val(e).and_then(|v| v.parse().ok()),
                _ => entry.based_on = val(e),
            }
        })
    }

    /// Whether style `id` is a table of contents' entry: so named in the styles, or with the id
    /// Word gives it (`TOC1`).
    fn is_toc(&self, id: &str) -> bool {
        is_toc_name(id) || self.toc_styles.contains(id)
    }

    /// The list and level a paragraph of style `id` is numbered by, through the styles it is
    /// based on (at most 16 deep).
    fn style_num(&self, id: &str) -> Option<(String, usize)> {
        let mut id = id;
        let mut level = None;
        for _ in 0..16 {
            let style = self.styles.get(id)?;
            level = level.or(style.level);
            if let Some(num) = &style.num {
                return Some((num.clone(), level.unwrap_or(0)));
            }
            id = style.based_on.as_deref()?;
        }
        None
    }

    /// The label of the next paragraph of list `num` at `level` (`一、`, `（二）`, `3.`), or `None`
    /// when the list is unknown or the level shows no number.
    pub fn next(&mut self, num: &str, level: usize) -> Option<String> {
        let abstract_id = self.nums.get(num)?;
        let levels = self.abstracts.get(abstract_id)?;
        let this = levels.get(level)?;
        if this.format == "none" || this.format == "bullet" {
            return None;
        }
        let counters = self
            .counters
            .entry(abstract_id.clone())
            .or_insert_with(|| vec![None; MAX_LEVELS]);
        // A list that starts its level again: the first time it is used there.
        let restart = self
            .overrides
            .get(num)
            .and_then(|o| o.iter().find(|(l, _)| *l == level))
            .map(|&(_, start)| start)
            .filter(|_| !self.restarted.contains(&(num.to_string(), level)));
        if restart.is_some() {
            self.restarted.insert((num.to_string(), level));
        }
        let n = match (restart, counters.get(level).copied().flatten()) {
            (Some(start), _) => start,
            (None, Some(n)) => n.saturating_add(1),
            (None, None) => this.start,
        };
        if let Some(slot) = counters.get_mut(level) {
            *slot = Some(n);
        }
        // Deeper levels start again, unless their `w:lvlRestart` says only a shallower level
        // than this one (or none, 0) starts them.
        for (d, deeper) in counters.iter_mut().enumerate().skip(level + 1) {
            let restarts = match levels.get(d).and_then(|x| x.restart_after) {
                Some(0) => false,
                Some(after) => level < after,
                None => true,
            };
            if restarts {
                *deeper = None;
            }
        }
        // `%1` … `%9`: the number of that level, in that level's format.
        let mut label = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match digit {
                Some(d) if c == '%' && (1..=9).contains(&d) => {
                    chars.next();
                    let l = d as usize - 1;
                    let value = if l == level {
                        Some(n)
                    } else {
                        counters.get(l).copied().flatten()
                    };
                    let format = levels.get(l).map_or("decimal", |x| x.format.as_str());
                    label.push_str(&format_number(value.unwrap_or(1), format));
                }
                _ => label.push(c),
            }
        }
        (!label.is_empty()).then_some(label)
    }
}

/// `n` written in Word's number format `format`.
fn format_number(n: u64, format: &str) -> String {
    match format {
        "chineseCounting" | "chineseCountingThousand" | "japaneseCounting" if n <= 9999 => {
            crate::numbering::to_cn_number(n as u32).unwrap_or_else(|| n.to_string())
        }
        // The heavenly stems (`甲、乙、丙`) and the earthly branches (`子、丑、寅`).
        "ideographTraditional" if (1..=10).contains(&n) => {
            const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
            STEMS[n as usize - 1].to_string()
        }
        "ideographZodiac" if (1..=12).contains(&n) => {
            const BRANCHES: [char; 12] = [
                '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
            ];
            BRANCHES[n as usize - 1].to_string()
        }
        // Capital numerals (`壹、贰、叁`).
        "chineseLegalSimplified" if (1..=10).contains(&n) => {
            const LEGAL: [char; 10] = ['壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖', '拾'];
            LEGAL[n as usize - 1].to_string()
        }
        "upperRoman" | "lowerRoman" if (1..=3999).contains(&n) => {
            let r = roman(n);
            if format == "lowerRoman" {
                r.to_ascii_lowercase()
            } else {
                r
            }
        }
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .filter_map(|c| char::from_u32(c as u32 + 0xFEE0))
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n as u32 - 1).map_or_else(|| n.to_string(), String::from)
        }
        "lowerLetter" | "upperLetter" if (1..=26).contains(&n) => {
            let base = if format == "lowerLetter" { b'a' } else { b'A' };
            char::from(base + (n - 1) as u8).to_string()
        }
        _ => n.to_string(),
    }
}

/// `n` (1 to 3999) in Roman numerals.
fn roman(mut n: u64) -> String {
    const VALUES: [(u64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in VALUES {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// `text`, one to three figures (spaces around them aside), written as the raised figures
/// a superscript prints (`1` → `¹`, `2` → `²`, `10` → `¹⁰`); `None` for any other text. A note
/// mark set as a superscript after a unit's name (`省教育厅<sup>1</sup>`) then reads as the
/// raised mark the units reader drops (`省教育厅¹`), not as part of the name (`省教育厅1`),
/// and a power (`m<sup>2</sup>`, `10<sup>4</sup>`) as printed, not as another number (`104`).
pub(crate) fn raised_figures(text: &str) -> Option<String> {
    const RAISED: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let figures = text.trim_matches(' ');
    if !(1..=3).contains(&figures.len()) || !figures.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(
        figures
            .bytes()
            .filter_map(|b| RAISED.get(usize::from(b.wrapping_sub(b'0'))))
            .collect(),
    )
}

/// A body paragraph's line as the document prints it, for [`join_wrapped`]: a paragraph (`w:p`,
/// or an HTML `<p>`) or a piece of one that a line break (`w:br`, `<br>`) ends.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Printed {
    /// The index of its block (a paragraph) in the blocks.
    pub block: usize,
    /// The paragraph it is a line of: the pieces of one paragraph share it.
    pub para: usize,
    /// The spaces (a space, a no-break space) and the ideographic spaces (`　`, or an indent
    /// the paragraph's properties give its first line) before its text.
    pub spaces: u16,
    pub wide: u16,
    /// Laid out apart from the text's wrap: centred or set right (a title, a signature), holding
    /// a tab, a heading element.
    pub apart: bool,
    /// Something that is no wrap stands before it: a blank line (an empty paragraph, two line
    /// breaks in a row).
    pub after_gap: bool,
}

/// Lines of one width, needed at least before a text's lines are asked whether they are
/// wrapped: they break off mid-sentence into the next line (see [`join_wrapped`]).
const MIN_RUNS_ON: usize = 3;

/// Lines shorter than this (display columns) are never a wrapped text's full lines: the
/// shortest width [`super::wrap::wrap_width`] will find.
const MIN_WRAP_COLUMNS: usize = 40;

/// Whether `line` may not go on from the line above it, whatever the wrap: a date line
/// (`2023年6月15日`), an attachment label (`附件`, `附件2：…`), a 主送机关 line, or a short
/// organ's name (a signature) — `short` says whether it is short of the wrap.
fn starts_apart(line: &str, short: bool) -> bool {
    crate::structure::find_date(line).is_some_and(|(at, _)| at == 0)
        || line.strip_prefix("附件").is_some_and(|rest| {
            rest.is_empty()
                || rest.starts_with(['：', ':'])
                || rest
                    .starts_with(|c: char| c.is_ascii_digit() || crate::numbering::is_cn_numeral(c))
        })
        || (line.ends_with(['：', ':']) && crate::structure::is_addressee_line(line))
        || (short && crate::structure::is_organ_line(line))
}

/// Joins back the paragraphs a document printed hard-wrapped, as the text reader does for a
/// text file ([`super::wrap`]): a Word file converted from a PDF, or text pasted from one, breaks
/// each printed line with a line break inside its paragraph
/// (`……三年行动方案（2023—2025年）<w:br/>》已经省人民政府同意，……`) or makes each printed line a
/// paragraph of its own, its first line set in with `　　`; a page made from a PDF breaks its
/// `<p>`s with `<br>`. `printed` are the body's lines in order (blocks of other kinds and lines
/// not listed part them). The wrap width is read from the lines as [`super::wrap::wrap_width`]
/// reads a text's; a line then runs on into the next as [`super::wrap::paragraph`] says, and
/// only where both are lines of one paragraph, or each a paragraph of one line, with no blank
/// line between; and never from a line that ends a clause (`。`, `：`), nor from a numbered line
/// short of the width (a heading: `一、总体要求<w:br/>……`), nor into a date, an attachment label,
/// a 主送机关 line or a signature, nor from or into a line laid out apart (centred or set right,
/// holding a tab). The joined paragraph takes the first line's block; the others are removed.
/// Returns how many blocks were removed.
pub(crate) fn join_wrapped(blocks: &mut Vec<Block>, printed: &[Printed]) -> usize {
    let text_of = |p: &Printed| match blocks.get(p.block) {
        Some(Block::Para(para)) => para.text.as_str(),
        _ => "",
    };
    // How many lines each paragraph prints: the pieces of one are consecutive.
    let mut lines_in = vec![0usize; printed.len()];
    let mut start = 0;
    for k in 1..=printed.len() {
        if printed.get(k).is_none_or(|p| p.para != printed[start].para) {
            lines_in[start..k].fill(k - start);
            start = k;
        }
    }
    // Whether line `k + 1` may continue line `k` as the layout goes: both in the body's text, in
    // one paragraph or each a paragraph of one line, nothing between them.
    let linked = |k: usize| {
        let (Some(a), Some(b)) = (printed.get(k), printed.get(k + 1)) else {
            return false;
        };
        b.block == a.block + 1
            && !b.after_gap
            && !a.apart
            && !b.apart
            && (a.para == b.para || (lines_in[k] == 1 && lines_in[k + 1] == 1))
    };
    // Nearly every document is turned down here, without a line built: its paragraphs are
    // whole, each ends a sentence or is the last of its paragraph or short.
    let runs_on = (0..printed.len())
        .filter(|&k| {
            let p = &printed[k];
            let text = text_of(p);
            // Characters measured two columns each, as the wrap measures them at most.
            linked(k)
                && !super::wrap::ends_sentence(text)
                && 2 * (usize::from(p.spaces) + usize::from(p.wide) + text.chars().count())
                    >= MIN_WRAP_COLUMNS
        })
        .count();
    if runs_on < MIN_RUNS_ON {
        return 0;
    }
    // The lines as printed: indent, text; a line laid out apart opens with a tab, which the
    // wrap reads as a table's line.
    let lines: Vec<std::borrow::Cow<'_, str>> = printed
        .iter()
        .map(|p| {
            let text = text_of(p);
            if p.apart {
                format!("\t{text}").into()
            } else if p.spaces == 0 && p.wide == 0 {
                text.into()
            } else {
                let mut line = " ".repeat(usize::from(p.spaces));
                line.extend(std::iter::repeat_n('\u{3000}', usize::from(p.wide)));
                line.push_str(text);
                line.into()
            }
        })
        .collect();
    // A blank line where anything else stands between two lines, as a text would have one.
    let mut measured: Vec<&str> = Vec::with_capacity(lines.len());
    for (k, line) in lines.iter().enumerate() {
        if k > 0 && (printed[k].after_gap || printed[k].block != printed[k - 1].block + 1) {
            measured.push("");
        }
        measured.push(line);
    }
    let apart = |l: &str| l.starts_with('\t');
    let Some(wrap) = super::wrap::wrap_width(&measured, apart) else {
        return 0;
    };
    // Where a paragraph may go on into the next line: the layout links them, the line ends no
    // clause nor is a heading short of the width, the next is no line that starts apart.
    let goes_on = |k: usize| {
        linked(k) && {
            let (line, next) = (lines[k].as_ref(), text_of(&printed[k + 1]));
            let text = text_of(&printed[k]);
            let full = wrap.is_full(line);
            !super::wrap::ends_sentence(text)
                && (full || !crate::numbering::has_marker(text))
                && !starts_apart(next, wrap.measure(&lines[k + 1]) * 4 < wrap.width * 3)
        }
    };
    let refs: Vec<&str> = lines.iter().map(AsRef::as_ref).collect();
    // The joined paragraphs' texts by block, and the blocks joined into them.
    let mut joined_texts: Vec<(usize, String)> = Vec::new();
    let mut removed = vec![false; blocks.len()];
    let mut s = 0;
    while s < refs.len() {
        let mut e = s + 1;
        while e < refs.len() && goes_on(e - 1) {
            e += 1;
        }
        let run = &refs[s..e];
        let mut i = 0;
        while i < run.len() {
            let (joined, next) = super::wrap::paragraph(run, i, wrap, apart);
            let next = next.clamp(i + 1, run.len());
            if next > i + 1 {
                joined_texts.push((
                    printed[s + i].block,
                    crate::normalize::normalize_cell(&joined),
                ));
                for p in &printed[s + i + 1..s + next] {
                    if let Some(r) = removed.get_mut(p.block) {
                        *r = true;
                    }
                }
            }
            i = next;
        }
        s = e;
    }
    for (block, text) in joined_texts {
        if let Some(Block::Para(p)) = blocks.get_mut(block) {
            p.text = text;
        }
    }
    let count = removed.iter().filter(|&&r| r).count();
    if count > 0 {
        let mut k = 0;
        blocks.retain(|_| {
            k += 1;
            !removed[k - 1]
        });
    }
    count
}

/// A name of a table of contents' entry style: `toc 1`, `TOC1` (a level 1 to 9).
fn is_toc_name(name: &str) -> bool {
    let b = name.as_bytes();
    b.len() >= 4
        && b.len() <= 5
        && b[..3].eq_ignore_ascii_case(b"toc")
        && matches!(&b[3..], [d] | [b' ', d] if (b'1'..=b'9').contains(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationship_targets_resolve_inside_the_package() {
        assert_eq!(
            resolve("word", "numbering.xml").as_deref(),
            Some("word/numbering.xml")
        );
        assert_eq!(
            resolve("word", "/word/a.xml").as_deref(),
            Some("word/a.xml")
        );
        assert_eq!(
            resolve("", "word/document2.xml").as_deref(),
            Some("word/document2.xml")
        );
        assert_eq!(
            resolve("word/sub", "../x/./y.xml").as_deref(),
            Some("word/x/y.xml")
        );
        assert_eq!(resolve("word", "../../etc.xml"), None);
        assert_eq!(resolve("", "/"), None);
    }

    #[test]
    fn stems_branches_capitals_and_romans_are_written_as_word_shows_them() {
        assert_eq!(format_number(1, "ideographTraditional"), "甲");
        assert_eq!(format_number(3, "ideographTraditional"), "丙");
        assert_eq!(format_number(2, "ideographZodiac"), "丑");
        assert_eq!(format_number(4, "chineseLegalSimplified"), "肆");
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(14, "lowerRoman"), "xiv");
        assert_eq!(format_number(1994, "upperRoman"), "MCMXCIV");
        assert_eq!(format_number(3, "japaneseCounting"), "三");
        // Out of a format's range: the number in digits.
        assert_eq!(format_number(11, "ideographTraditional"), "11");
    }

    /// The blocks of a document body (`<w:body>` content), with `numbering` as its list
    /// definitions.
    fn read(body: &str, numbering: &str) -> Vec<Block> {
        let limits = Limits::default();
        let numbering = Numbering::parse(numbering).expect("numbering parses");
        let mut b = Body::new(numbering, &limits);
        b.read(&format!(
            "<w:document xmlns:w=\"w\" xmlns:mc=\"mc\"><w:body>{body}</w:body></w:document>"
        ))
        .expect("reads");
        b.blocks
    }

    fn texts(blocks: &[Block]) -> Vec<(String, usize)> {
        blocks
            .iter()
            .map(|b| match b {
                Block::Para(p) => (p.text.clone(), p.line),
                Block::Table(t) => (format!("table {:?}", t.rows), t.line),
            })
            .collect()
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
    }

    #[test]
    fn a_table_drawn_in_a_text_box_is_a_grid() {
        // The box's paragraphs and table, in order, before the anchor's own text; the VML
        // fallback repeats them and is left out.
        let row =
            |a: &str, b: &str| format!("<w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>", p(a), p(b));
        let table = format!(
            "<w:tbl>{}{}</w:tbl>",
            row("任务", "牵头单位"),
            row("做事", "市财政局")
        );
        let boxed = format!("{}{table}{}", p("框中标题"), p("框中末段"));
        let blocks = read(
            &format!(
                "{}<w:p><w:r><w:t>锚</w:t></w:r><w:r><mc:AlternateContent><mc:Choice><w:txbxContent>{boxed}</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>{boxed}</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>{}",
                p("前段"),
                p("后段")
            ),
            "",
        );
        let shown: Vec<String> = blocks
            .iter()
            .map(|b| match b {
                Block::Para(p) => p.text.clone(),
                Block::Table(t) => format!("{:?}", t.rows),
            })
            .collect();
        assert_eq!(
            shown,
            [
                "前段",
                "框中标题",
                r#"[["任务", "牵头单位"], ["做事", "市财政局"]]"#,
                "框中末段",
                "锚",
                "后段"
            ]
        );
    }

    #[test]
    fn a_table_of_contents_is_not_read_as_the_headings_again() {
        // Word's TOC field (its entries hyperlinks with PAGEREF fields, a tab before the page),
        // the gallery's content control around one, and entries left styled `toc 1` once the
        // field was turned into text: none repeats the headings, the rest reads as it is.
        let entry = |h: &str, page: u32| {
            format!(
                "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr><w:hyperlink><w:r><w:t>{h}</w:t></w:r>\
                 <w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
                 <w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r>\
                 <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>{page}</w:t></w:r>\
                 <w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:hyperlink></w:p>"
            )
        };
        let field = format!(
            "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> </w:instrText></w:r>\
             <w:r><w:instrText>TOC \\o \"1-3\" \\h</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\
             <w:r><w:t>一、总体要求</w:t></w:r><w:r><w:tab/><w:t>1</w:t></w:r></w:p>{}\
             <w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>",
            entry("二、重点任务", 2)
        )
        .replace("w:val=\"TOC1\"", "w:val=\"Normal\"");
        let gallery = format!(
            "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/></w:docPartObj></w:sdtPr>\
             <w:sdtContent>{}{}</w:sdtContent></w:sdt>",
            p("目录"),
            entry("一、总体要求", 1)
        );
        let styled = format!(
            "{}{}",
            entry("一、总体要求", 1).replace("w:val=\"TOC1\"", "w:val=\"11\""),
            entry("二、重点任务", 2)
        );
        let mut numbering = Numbering::default();
        numbering
            .read_styles(
                "<w:styles xmlns:w=\"w\"><w:style w:type=\"paragraph\" w:styleId=\"11\"><w:name w:val=\"toc 1\"/></w:style></w:styles>",
            )
            .expect("styles");
        for (toc, numbering) in [
            (field, Numbering::default()),
            (gallery, Numbering::default()),
            (styled, numbering),
        ] {
            let limits = Limits::default();
            let mut b = Body::new(numbering, &limits);
            b.read(&format!(
                "<w:document xmlns:w=\"w\"><w:body>{}{toc}{}{}</w:body></w:document>",
                p("方案"),
                p("一、总体要求"),
                p("二、重点任务")
            ))
            .expect("reads");
            let texts: Vec<_> = texts(&b.blocks).into_iter().map(|(t, _)| t).collect();
            assert_eq!(texts, ["方案", "一、总体要求", "二、重点任务"], "{toc}");
        }
    }

    #[test]
    fn a_page_number_paragraph_in_the_body_is_left_out() {
        let field = "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>\
             <w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
        let body = format!(
            "{}{}<w:p><w:r><w:t>— </w:t></w:r>{field}<w:r><w:t> —</w:t></w:r></w:p>\
             <w:p><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>第2页</w:t></w:r></w:fldSimple></w:p>{}",
            p("某某市人民政府"),
            p("2024年3月1日"),
            p("附件"),
        );
        let limits = Limits::default();
        let mut b = Body::new(Numbering::default(), &limits);
        b.read(&format!(
            "<w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>"
        ))
        .expect("reads");
        let texts: Vec<_> = texts(&b.blocks).into_iter().map(|(t, _)| t).collect();
        assert_eq!(texts, ["某某市人民政府", "2024年3月1日", "附件"]);
    }

    #[test]
    fn tracked_changes_fields_and_fallbacks_read_as_word_shows_them() {
        let body = format!(
            "<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>\
             <w:ins><w:r><w:t>插入</w:t></w:r></w:ins>\
             <w:moveFrom><w:r><w:rPr><w:b/></w:rPr><w:t>旧处</w:t></w:r></w:moveFrom>\
             <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r>\
             <w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>\
             <w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent>{}</w:txbxContent></mc:Choice>\
             <mc:Fallback><w:txbxContent>{}</w:txbxContent></mc:Fallback></mc:AlternateContent>\
             <w:t>锚段</w:t></w:r></w:p>{}",
            p("文本框"),
            p("文本框"),
            p("甲&amp;乙&#x4E19;<w:br/>第二行<w:tab/>末")
        );
        // (The last paragraph's break and tab are inside its run: `<w:t>` ends before them.)
        let body = body
            .replace("<w:br/>", "</w:t><w:br/><w:t>")
            .replace("<w:tab/>", "</w:t><w:tab/><w:t>");
        let limits = Limits::default();
        let mut b = Body::new(Numbering::default(), &limits);
        b.read(&format!(
            "<w:document xmlns:w=\"w\" xmlns:mc=\"mc\"><w:body>{body}</w:body></w:document>"
        ))
        .expect("reads");
        // Three tracked changes (a deletion, an insertion, a move), reported once.
        assert_eq!(b.diagnostics.len(), 1);
        assert_eq!(b.diagnostics[0].code, "docx_tracked_changes");
        assert!(
            b.diagnostics[0].message.contains("3 tracked"),
            "{:?}",
            b.diagnostics
        );
        let blocks = b.blocks;
        assert_eq!(
            texts(&blocks),
            [
                ("保留插入3".to_string(), 1),
                ("文本框".into(), 2),
                ("锚段".into(), 2),
                ("甲&乙丙".into(), 3),
                ("第二行末".into(), 3),
            ]
        );
    }

    #[test]
    fn a_document_cut_short_keeps_what_was_read() {
        let limits = Limits::default();
        let mut b = Body::new(Numbering::default(), &limits);
        b.read("<w:document><w:body><w:p><w:r><w:t>标题</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>任务")
            .expect("reads what is there");
        let got = texts(&b.blocks);
        assert_eq!(got[0], ("标题".to_string(), 1));
        assert_eq!(got[1].0, "table [[\"序号\", \"任务\"]]");
    }

    #[test]
    fn spans_and_vertical_merges_fill_every_slot() {
        let cell =
            |props: &str, text: &str| format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text));
        let body = format!(
            "{}<w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>{}",
            p("表前"),
            cell("", "序号"),
            cell("", "任务"),
            cell("", "牵头单位"),
            cell("<w:gridSpan w:val=\"3\"/>", "一、分组"),
            cell("", "1"),
            cell("", "甲事"),
            cell("<w:vMerge w:val=\"restart\"/>", "市科技局"),
            cell("", "2"),
            cell("", "乙事"),
            cell("<w:vMerge/>", ""),
            p("表后"),
        );
        let blocks = read(&body, "");
        let Block::Table(t) = &blocks[1] else {
            panic!("a table: {blocks:?}");
        };
        assert_eq!(
            t.rows,
            [
                ["序号", "任务", "牵头单位"],
                ["一、分组", "一、分组", "一、分组"],
                ["1", "甲事", "市科技局"],
                ["2", "乙事", "市科技局"],
            ]
        );
        assert_eq!(t.header_rows, 1);
        assert_eq!(t.row_lines, [2, 3, 4, 5]);
        assert_eq!(texts(&blocks)[2], ("表后".to_string(), 6));
    }

    #[test]
    fn a_paragraph_whose_mark_is_deleted_runs_on_into_the_next() {
        let marked = |text: &str| {
            format!(
                "<w:p><w:pPr><w:rPr><w:del w:id=\"1\" w:author=\"a\"/></w:rPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
            )
        };
        let body = format!(
            "{}{}{}{}<w:tbl><w:tr><w:tc>{}</w:tc></w:tr></w:tbl>{}",
            marked("现将方案印发给你们，"),
            p("请认真贯彻执行。"),
            p("另起一段。"),
            marked("表前一段。"),
            p("格"),
            marked("末段。"),
        );
        let got: Vec<String> = texts(&read(&body, ""))
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        assert_eq!(
            got,
            [
                "现将方案印发给你们，请认真贯彻执行。",
                "另起一段。",
                "表前一段。",
                "格",
                "末段。"
            ]
        );
    }

    #[test]
    fn a_row_that_starts_past_the_first_columns_keeps_its_cells_in_their_columns() {
        let cell =
            |props: &str, text: &str| format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text));
        let body = format!(
            "<w:tbl><w:tr>{}{}{}{}</w:tr><w:tr>{}{}{}{}</w:tr>             <w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}{}{}</w:tr></w:tbl>",
            cell("", "序号"),
            cell("", "领域"),
            cell("", "重点任务"),
            cell("", "牵头单位"),
            cell("", "1"),
            cell("<w:vMerge w:val=\"restart\"/>", "产业"),
            cell("", "培育产业集群"),
            cell("", "市工信局"),
            cell("<w:vMerge/>", ""),
            cell("", "实施技术改造"),
            cell("", "市财政局"),
        );
        let blocks = read(&body, "");
        let Block::Table(t) = &blocks[0] else {
            panic!("a table: {blocks:?}");
        };
        assert_eq!(
            t.rows,
            [
                ["序号", "领域", "重点任务", "牵头单位"],
                ["1", "产业", "培育产业集群", "市工信局"],
                ["", "产业", "实施技术改造", "市财政局"],
            ]
        );
    }

    #[test]
    fn a_frame_of_one_cell_is_read_as_what_it_holds() {
        let tc = |inner: &str| format!("<w:tc>{inner}</w:tc>");
        let grid = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            tc(&p("甲")),
            tc(&p("乙")),
            tc(&p("丙")),
            // A frame in a grid's cell is not read apart: it gives its text to the cell.
            tc(&format!("<w:tbl><w:tr>{}</w:tr></w:tbl>", tc(&p("丁"))))
        );
        // A frame in a frame, holding a paragraph, the grid and a paragraph.
        let inner = format!(
            "<w:tbl><w:tr>{}</w:tr></w:tbl>",
            tc(&format!("{}{grid}{}", p("内框"), p("表后")))
        );
        let body = format!(
            "{}<w:tbl><w:tr>{}</w:tr></w:tbl>{}",
            p("前"),
            tc(&format!("{}{inner}", p("外框"))),
            p("后")
        );
        assert_eq!(
            texts(&read(&body, "")),
            [
                ("前".to_string(), 1),
                ("外框".into(), 2),
                ("内框".into(), 3),
                ("table [[\"甲\", \"乙\"], [\"丙\", \"丁\"]]".into(), 4),
                ("表后".into(), 6),
                ("后".into(), 7),
            ]
        );
        // A table of one cell that is a grid's first cell so far, then not: a grid.
        let body = format!(
            "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
            tc(&format!("<w:tbl><w:tr>{}</w:tr></w:tbl>", tc(&p("甲")))),
            tc(&p("乙"))
        );
        assert_eq!(
            texts(&read(&body, "")),
            [("table [[\"甲\", \"乙\"]]".to_string(), 1)]
        );
    }

    #[test]
    fn deep_and_cut_short_frames_cost_no_stack() {
        let depth = 50_000;
        let open = "<w:tbl><w:tr><w:tc>".repeat(depth);
        let close = "</w:tc></w:tr></w:tbl>".repeat(depth);
        let body = format!("{open}{}{close}", p("最里"));
        assert_eq!(texts(&read(&body, "")), [("最里".to_string(), 1)]);
        // Cut short inside: what was read stands.
        let limits = Limits::default();
        let mut b = Body::new(Numbering::default(), &limits);
        b.read(&format!(
            "<w:document><w:body>{open}<w:p><w:r><w:t>最里</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>序"
        ))
        .expect("reads what is there");
        assert_eq!(
            texts(&b.blocks),
            [("最里".to_string(), 1), ("序".to_string(), 2)]
        );
        // … and the cut is reported, not passed over as a whole document.
        assert_eq!(b.diagnostics.len(), 1);
        assert_eq!(b.diagnostics[0].code, "docx_damaged");
        assert!(b.diagnostics[0].message.contains("still open"));
    }

    #[test]
    fn a_document_cut_between_paragraphs_or_with_two_roots_is_reported() {
        let limits = Limits::default();
        let whole = format!(
            "<w:document><w:body>{}{}</w:body></w:document>",
            p("一、总体要求"),
            p("（一）指导思想。")
        );
        let mut b = Body::new(Numbering::default(), &limits);
        b.read(&whole).expect("reads");
        assert!(b.diagnostics.is_empty(), "{:?}", b.diagnostics);
        // Cut where a paragraph ends: well-formed so far, but the body never closes.
        let cut = &whole[..whole.find("</w:body>").unwrap()];
        let mut b = Body::new(Numbering::default(), &limits);
        b.read(cut).expect("reads what is there");
        assert_eq!(texts(&b.blocks).len(), 2);
        assert_eq!(b.diagnostics.len(), 1, "{:?}", b.diagnostics);
        assert!(b.diagnostics[0].message.contains("2 element(s) still open"));
        // The document twice over: the second copy is not read again.
        let mut b = Body::new(Numbering::default(), &limits);
        b.read(&format!("{whole}{whole}")).expect("reads");
        assert_eq!(texts(&b.blocks).len(), 2);
        assert_eq!(b.diagnostics.len(), 1);
        assert!(b.diagnostics[0].message.contains("second root element"));
    }

    const NUMBERING: &str = "<w:numbering xmlns:w=\"w\">\
        <w:abstractNum w:abstractNumId=\"7\">\
          <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>\
          <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>\
          <w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%3.\"/></w:lvl>\
        </w:abstractNum>\
        <w:abstractNum w:abstractNumId=\"8\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/></w:lvl></w:abstractNum>\
        <w:num w:numId=\"3\"><w:abstractNumId w:val=\"7\"/></w:num>\
        <w:num w:numId=\"4\"><w:abstractNumId w:val=\"8\"/></w:num>\
      </w:numbering>";

    fn numbered(num: &str, level: usize, text: &str) -> String {
        format!(
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
        )
    }

    #[test]
    fn automatic_numbers_are_written_as_word_shows_them() {
        let body = [
            numbered("3", 0, "总体要求"),
            numbered("3", 1, "指导思想"),
            numbered("3", 1, "基本原则"),
            numbered("3", 2, "坚持改革"),
            numbered("3", 2, "坚持开放"),
            numbered("3", 0, "主要任务"),
            numbered("3", 1, "推动开放"),
            numbered("4", 0, "要点"),
            numbered("9", 0, "未知列表"),
        ]
        .concat();
        let got: Vec<String> = texts(&read(&body, NUMBERING))
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(
            got,
            [
                "一、总体要求",
                "（一）指导思想",
                "（二）基本原则",
                "1.坚持改革",
                "2.坚持开放",
                "二、主要任务",
                "（一）推动开放",
                "要点",
                "未知列表"
            ]
        );
    }

    #[test]
    fn styles_number_their_paragraphs_and_overrides_start_again() {
        let numbering = NUMBERING.replace(
            "</w:numbering>",
            "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"7\"/>\
             <w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>\
             </w:numbering>",
        );
        let mut n = Numbering::parse(&numbering).expect("numbering parses");
        n.read_styles(
            "<w:styles xmlns:w=\"w\">\
             <w:style w:styleId=\"H1\"><w:pPr><w:numPr><w:numId w:val=\"3\"/></w:numPr></w:pPr></w:style>\
             <w:style w:styleId=\"H2\"><w:basedOn w:val=\"H1\"/><w:pPr><w:numPr><w:ilvl w:val=\"1\"/></w:numPr></w:pPr></w:style>\
             </w:styles>",
        )
        .expect("styles parse");
        let limits = Limits::default();
        let mut b = Body::new(n, &limits);
        let styled = |style: &str, text: &str| {
            format!(
                "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
            )
        };
        let body = [
            styled("H1", "总则"),
            styled("H2", "目的"),
            styled("H1", "分则"),
            // A list that starts again at 一 (its own override), then goes on.
            numbered("5", 0, "附则"),
            numbered("5", 0, "其他"),
            // Numbering switched off on a styled paragraph.
            "<w:p><w:pPr><w:pStyle w:val=\"H1\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>无号</w:t></w:r></w:p>".to_string(),
        ]
        .concat();
        b.read(&format!(
            "<w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>"
        ))
        .expect("reads");
        let got: Vec<String> = texts(&b.blocks).into_iter().map(|t| t.0).collect();
        assert_eq!(
            got,
            [
                "一、总则",
                "（一）目的",
                "二、分则",
                "一、附则",
                "二、其他",
                "无号"
            ]
        );
    }

    #[test]
    fn numbers_in_every_format_word_offers_for_headings() {
        assert_eq!(format_number(11, "chineseCounting"), "十一");
        assert_eq!(format_number(3, "decimalFullWidth"), "３");
        assert_eq!(format_number(2, "decimalEnclosedCircle"), "②");
        assert_eq!(format_number(2, "lowerLetter"), "b");
        assert_eq!(format_number(27, "lowerLetter"), "27");
        assert_eq!(format_number(7, "decimal"), "7");
    }
}
