//! Turns published Chinese government documents (公文) into data.
//!
//! `gongwen-parse` reads a notice as plain text, an HTML page or a workbook, and builds one typed
//! [`Document`]: the notice's own elements as GB/T 9704-2012 names them (发文机关, 发文字号, 标题,
//! 主送机关, 署名, 成文日期, 附注, 附件说明), its parts (the letter, enclosed plans, attachments) with
//! their numbered outline, every table as a grid, the tasks of task allocation tables (任务分工)
//! with their lead (牵头) and supporting (配合) units, and diagnostics that say what looked wrong.
//!
//! The pipeline is a row of passes, each in its own module:
//! [`decode`] (bytes → text) → [`read`] (text/HTML/workbook → [`blocks`]) → [`structure`]
//! (blocks → notice, parts, outline) → [`tasks`] (tables and inline duties → tasks) →
//! [`checks`] (consistency diagnostics).
//!
//! ```
//! let text = "重庆市人民政府\n关于印发某某工作方案的通知\n渝府发〔2021〕19号\n各区县人民政府，市政府有关部门：\n现将《某某工作方案》印发给你们，请认真贯彻执行。\n重庆市人民政府\n2021年8月4日\n（此件公开发布）\n";
//! let doc = gongwen_parse::parse_text(text);
//! assert_eq!(doc.notice.title.as_deref(), Some("重庆市人民政府关于印发某某工作方案的通知"));
//! assert_eq!(doc.notice.doc_number.as_ref().map(|n| n.serial), Some(Some(19)));
//! assert_eq!(doc.notice.date.as_deref(), Some("2021-08-04"));
//! assert_eq!(doc.notice.note.as_deref(), Some("此件公开发布"));
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod blocks;
pub mod checks;
pub mod decode;
pub mod error;
pub mod limits;
pub mod model;
pub mod normalize;
pub mod numbering;
pub mod read;
pub mod structure;
pub mod tasks;

pub use error::{Error, Result};
pub use limits::{Limits, UNZIP_GRACE_BYTES};
pub use model::*;

/// The input formats [`parse`] understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Plain text.
    Text,
    /// An HTML page or fragment.
    Html,
    /// A workbook (XLSX, XLS, XLSB, ODS).
    Workbook,
    /// A Word document (DOCX).
    Docx,
    /// A task table as comma-separated values (never sniffed: named by the caller or by a
    /// `.csv` extension).
    Csv,
    /// A document in gongwen's own JSON contract.
    Json,
    /// Plain text written as Markdown (never sniffed: named by the caller, as for a `.md`
    /// file). Its markup is resolved whatever it holds ([`read::markdown::to_plain`]); plain
    /// [`InputFormat::Text`] is read as Markdown only when it shows a sign of it
    /// ([`read::markdown::markdown_signal`]).
    Markdown,
}

/// Options for [`parse`].
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The input format; sniffed from the bytes when `None`.
    pub format: Option<InputFormat>,
    /// Limits that keep hostile input in check.
    pub limits: Limits,
}

/// Parses already-decoded plain text into a document. Never fails: what cannot be recognised is
/// reported in [`Document::diagnostics`].
pub fn parse_text(text: &str) -> Document {
    let read = |t: &str| Ok::<_, std::convert::Infallible>(read::text::read_text(t));
    let Ok(mut blocks) = read_as_written(text, false, read);
    blocks.encoding = "UTF-8".into();
    structure::build(blocks)
}

/// Whether the first 4 KiB of text bytes hold a notice's worth of Chinese: 16 Han characters
/// or more.
fn holds_chinese_text(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    normalize::count_ideographs(&decode::decode_borrowed(head, false).text) >= 16
}

/// Whether the bytes hold anything a page is made of: a `<` that opens a tag, an end tag, a
/// comment or a declaration (`<p`, `</`, `<!`, `<?`). In UTF-16 text each such pair has a zero
/// byte between, so that text is taken to have markup (and is left to the page reader).
fn has_markup(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'<', bytes).any(|at| {
        bytes
            .get(at + 1)
            .is_some_and(|&b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?' | 0))
    })
}

/// Whether a reader's blocks hold a task table: a table whose header names its columns as
/// [`tasks::column_roles`] reads them (the CSV and workbook readers also keep tables of other
/// columns, a contact list or a 资金分配表, as tables).
fn holds_task_table(blocks: &blocks::Blocks) -> bool {
    blocks.blocks.iter().any(|b| match b {
        blocks::Block::Table(t) => {
            t.header_rows > 0 && tasks::column_roles(&tasks::column_names(t)).is_some()
        }
        blocks::Block::Para(_) => false,
    })
}

/// Reads text bytes (any supported encoding) into blocks, as Markdown when `markdown` (a `.md`
/// file) or when the text shows it is; [`Error::Empty`] for nothing but a byte-order mark, white
/// space or control characters.
fn read_text_bytes(bytes: &[u8], markdown: bool, limits: &Limits) -> Result<blocks::Blocks> {
    let decoded = decode::decode_borrowed(bytes, false);
    // Terminal colour codes (`ESC[31m`, a log or a terminal's copy) go whole: the control
    // character alone would be dropped later and leave `[31m` in a unit's name.
    let text = without_escape_sequences(&decoded.text);
    // Refused by its line count before it is read, Markdown too: its plain form has a line for
    // each source line (and more for a `<br>`), and making it plain parses the whole text.
    read::text::check_line_count(&text, limits)?;
    // A text written as Markdown is read in its plain form, line for line.
    let mut b = read_as_written(&text, markdown, |t| {
        read::text::read_text_limited(t, limits)
    })?;
    if b.blocks.is_empty() {
        return Err(Error::Empty);
    }
    b.encoding = decoded.encoding;
    b.diagnostics.splice(0..0, decoded.diagnostics);
    if let Some(d) = dropped_controls(&decoded.text) {
        b.diagnostics.push(d);
    }
    // Reported above, with their line.
    normalize::take_dropped_control();
    Ok(b)
}

/// `text` without its ANSI control sequences: ESC `[`, parameter bytes (`0`–`?`), intermediate
/// bytes (space–`/`), and a final byte (`@`–`~`). An ESC not so followed is left for the
/// normalization, which drops it as it drops any control character.
fn without_escape_sequences(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    if memchr::memchr(0x1B, bytes).is_none() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut kept = 0;
    let mut at = 0;
    while let Some(found) = memchr::memchr(0x1B, &bytes[at..]) {
        let esc = at + found;
        at = esc + 1;
        if let Some(end) = normalize::escape_sequence_end(bytes, esc) {
            // Every byte of the sequence is ASCII, so both cuts fall on character boundaries.
            out.push_str(&text[kept..esc]);
            kept = end;
            at = end;
        }
    }
    out.push_str(&text[kept..]);
    std::borrow::Cow::Owned(out)
}

/// Reads `text` with `read`, in its plain form when it is written as Markdown — `named` so (a
/// `.md` file), or by a sign ([`read::markdown::resolve`]) — with the blocks put back on their
/// source lines and an info that says the text was read as Markdown and why (`markdown_read`,
/// `a heading "#" on line 1`), so that a plain text taken for Markdown by mistake can be told.
fn read_as_written<E>(
    text: &str,
    named: bool,
    read: impl FnOnce(&str) -> std::result::Result<blocks::Blocks, E>,
) -> std::result::Result<blocks::Blocks, E> {
    let markdown = if named {
        Some((read::markdown::to_plain(text), None, ""))
    } else {
        read::markdown::resolve(text)
    };
    let Some((resolved, line, what)) = &markdown else {
        return read(text);
    };
    let mut blocks = read(&resolved.text)?;
    resolved.map_lines(&mut blocks);
    let why = match line {
        Some(line) => format!(" ({what} on line {line})"),
        None => String::new(),
    };
    blocks.diagnostics.insert(
        0,
        Diagnostic::new(
            Severity::Info,
            "markdown_read",
            format!(
                "read as Markdown{why}: emphasis, links, escapes, entities and HTML tags resolved to their text"
            ),
            *line,
        ),
    );
    Ok(blocks)
}

/// A warning for control characters (NUL and the like) in decoded text, which
/// [`normalize::normalize_block`] drops.
fn dropped_controls(text: &str) -> Option<Diagnostic> {
    // Control characters (Cc) are U+0000–U+001F, U+007F and U+0080–U+009F (`C2 80`–`C2 9F` in
    // UTF-8). Text without any of the first two kinds of bytes (tab and line breaks aside) has
    // none of them, which one pass over the bytes tells (chunks without an early exit inside,
    // so the test is vectorized); the third is looked for at each `C2` lead byte, a vectorized
    // search (a `·` or `°` has one, and such a character in a text made the whole text be
    // decoded before).
    let bytes = text.as_bytes();
    let maybe = bytes.chunks(256).any(|chunk| {
        chunk.iter().fold(false, |found, &x| {
            // Below U+0020 but not U+0009–U+000D (tab, line feed, vertical tab, form feed,
            // carriage return: white space, which is kept); or U+007F.
            found | ((x < 0x20) & (x.wrapping_sub(9) > 4)) | (x == 0x7F)
        })
    }) || memchr::memchr_iter(0xC2, bytes)
        .any(|at| bytes.get(at + 1).is_some_and(|b| (0x80..=0x9F).contains(b)));
    if !maybe {
        return None;
    }
    let mut count = 0usize;
    let mut first_found = None;
    let mut line = 1usize;
    for c in text.chars() {
        if c == '\n' {
            line += 1;
        } else if normalize::is_dropped_control(c) {
            count += 1;
            first_found.get_or_insert((line, c));
        }
    }
    let (first, c) = first_found?;
    Some(Diagnostic::new(
        Severity::Warning,
        "control_characters_dropped",
        format!(
            "{count} control character(s) were dropped, the first U+{:04X}{} on line {first}; expected plain text",
            u32::from(c),
            control_name(c)
        ),
        Some(first),
    ))
}

/// What a control character is called, in brackets after its code point, for the common ones.
fn control_name(c: char) -> &'static str {
    match c {
        '\0' => " (NUL)",
        '\u{7}' => " (BEL)",
        '\u{8}' => " (backspace)",
        '\u{1b}' => " (ESC, with any terminal colour code it starts)",
        '\u{7f}' => " (DEL)",
        _ => "",
    }
}

/// The ZIP directory says how large the entries claim to be: an honest zip bomb is refused
/// before anything is inflated (the readers still count what they really inflate).
fn check_declared_size(bytes: &[u8], limits: &Limits, what: &str) -> Result<()> {
    match read::zip_declared_size(bytes) {
        Some(size) if size > u128::from(limits.max_unzipped_bytes) => Err(Error::Limit {
            what: format!("the total expanded size of the {what}'s ZIP entries in bytes"),
            value: u64::try_from(size).unwrap_or(u64::MAX),
            limit: limits.max_unzipped_bytes,
            flag: "--max-unzipped-bytes".into(),
        }),
        _ => Ok(()),
    }
}

/// Parses the bytes of a notice in any supported format.
///
/// The format comes from [`Options::format`], else from the bytes ([`read::sniff`]).
///
/// Never panics: input that cannot be read gives an [`Error`] that says what was expected —
/// [`Error::Empty`] for nothing but white space, [`Error::Unsupported`] for PDF, legacy Word, images
/// and other binary data, [`Error::Limit`] when a [`Limits`] value is exceeded.
pub fn parse(bytes: &[u8], options: &Options) -> Result<Document> {
    let limits = &options.limits;
    if bytes.len() as u64 > limits.max_input_bytes {
        return Err(Error::Limit {
            what: "the input size in bytes".into(),
            value: bytes.len() as u64,
            limit: limits.max_input_bytes,
            flag: "--max-input-bytes".into(),
        });
    }
    // A web archive (`.mht`, a Word "single file web page" saved as `.doc`): its HTML part is
    // the notice, whatever name the file was given.
    if let Some(html) = read::mhtml::html_part(bytes) {
        let page = Options {
            format: Some(InputFormat::Html),
            limits: limits.clone(),
        };
        let mut doc = parse(&html, &page)?;
        doc.diagnostics.insert(
            0,
            Diagnostic::new(
                Severity::Info,
                "mhtml_unpacked",
                "a web archive (MHTML): its HTML part was read; lines are lines of that part",
                None,
            ),
        );
        return Ok(doc);
    }
    let mut format = match options.format {
        Some(f) => f,
        None => read::sniff(bytes)?,
    };
    // A task table saved as CSV and given with no name (standard input) or under a text name
    // (`任务分工.txt`): its rows of the same number of commas say what it is.
    let mut renamed = None;
    let csv_sniffed = format == InputFormat::Text
        && !read::is_container(bytes)
        && read::csv::looks_like_csv(bytes);
    if csv_sniffed {
        if options.format.is_some() {
            renamed = Some((InputFormat::Text, InputFormat::Csv));
        }
        format = InputFormat::Csv;
    }
    // A web page saved under a spreadsheet's or a Word document's name (the 导出Excel of many
    // sites is an HTML table named `.xls`), or text (a tab- or comma-separated export named
    // `.xls`, a notice saved as text under a `.docx` name): not a container at all, so read as
    // what it is, and say so. A file that starts as no container but names another format
    // (Word's or Excel's XML, a PDF) is refused by what it is; a container that does not open
    // stays an error of the named format (a truncated workbook is not plain text).
    if matches!(format, InputFormat::Workbook | InputFormat::Docx) && !read::is_container(bytes) {
        let found = match read::sniff(bytes) {
            Ok(InputFormat::Html) => Some(InputFormat::Html),
            // Rows of values saved under a workbook's name: read as the CSV they are (tabs,
            // commas or semicolons, as the CSV reader finds); text in which the CSV reader finds
            // no table is read as plain text (below), as a notice's text named `.docx` is. A few
            // bytes of no Chinese text (a package cut short before its second byte) stay an
            // error of the named format.
            Ok(InputFormat::Text) if format == InputFormat::Workbook => Some(InputFormat::Csv),
            Ok(InputFormat::Text) if holds_chinese_text(bytes) => Some(InputFormat::Text),
            Err(e @ Error::Unsupported { .. }) => return Err(e),
            _ => None,
        };
        if let Some(found) = found {
            renamed = Some((format, found));
            format = found;
        }
    }
    // An OLE compound file under a Word document's or a workbook's name: a password-protected
    // DOCX or XLSX (the package encrypted inside), a Word 97-2003 document, or an XLS workbook.
    // What it is decides, not its name.
    let ole_named_docx = format == InputFormat::Docx && bytes.starts_with(&read::OLE_MAGIC);
    if matches!(format, InputFormat::Workbook | InputFormat::Docx)
        && bytes.starts_with(&read::OLE_MAGIC)
    {
        match read::sniff(bytes) {
            Err(e @ Error::Unsupported { .. }) => return Err(e),
            Ok(found) if found != format => {
                renamed = Some((format, found));
                format = found;
            }
            _ => {}
        }
    }
    // A workbook saved under a Word document's name, or the other way round (a site's `附件.docx`
    // that is a workbook): the package says which it is.
    if matches!(format, InputFormat::Workbook | InputFormat::Docx)
        && bytes.starts_with(b"PK")
        && let Ok(found @ (InputFormat::Workbook | InputFormat::Docx)) = read::sniff(bytes)
        && found != format
    {
        renamed = Some((format, found));
        format = found;
    }
    // Plain text saved under a page's name (a browser's "save as" of a text/plain page, a
    // crawler's dump): with no tag anywhere, a page would run its lines together, so the text
    // it is is read, and said so.
    if format == InputFormat::Html
        && options.format == Some(InputFormat::Html)
        && !has_markup(bytes)
        && matches!(read::sniff(bytes), Ok(InputFormat::Text))
    {
        renamed = Some((InputFormat::Html, InputFormat::Text));
        format = InputFormat::Text;
    }
    // A workbook or Word document saved under a CSV or text name (an export portal's
    // `任务分工.csv` that is an XLSX): its container says what it is. A container of no format
    // read here (a DOC, a PDF in a ZIP) is refused by its name, not read as text.
    if matches!(
        format,
        InputFormat::Csv | InputFormat::Text | InputFormat::Markdown
    ) && (bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&read::OLE_MAGIC))
    {
        let found = read::sniff(bytes)?;
        if found != format {
            renamed = Some((format, found));
            format = found;
        }
    }
    // A file named as Markdown is read so when its bytes are text: binary data (an image saved
    // as `.md`) is refused as any text's is, and gongwen's own JSON is read as JSON. Markup
    // stays Markdown, which may hold HTML.
    if format == InputFormat::Markdown
        && let found @ InputFormat::Json = read::sniff(bytes)?
    {
        renamed = Some((format, found));
        format = found;
    }
    read::utf32_refused(bytes)?;
    normalize::take_dropped_control();
    let mut blocks = match format {
        InputFormat::Text | InputFormat::Markdown => {
            read_text_bytes(bytes, format == InputFormat::Markdown, limits)?
        }
        InputFormat::Html => read::html::read_html(bytes, limits)?,
        InputFormat::Workbook => {
            check_declared_size(bytes, limits, "workbook")?;
            read::workbook::read_workbook(bytes, limits).map_err(|e| match e {
                // An OLE file named as a Word document in which no Word stream was found, and
                // which is no readable workbook either: a damaged file, not a "workbook".
                Error::Workbook { location, message }
                    if ole_named_docx && location == "workbook" =>
                {
                    Error::Document {
                        location: "DOCX".into(),
                        message: format!(
                            "the file is an OLE compound file (the container of Word 97-2003 and XLS files), not a DOCX package, and is damaged: {message}"
                        ),
                    }
                }
                e => e,
            })?
        }
        InputFormat::Docx => {
            check_declared_size(bytes, limits, "document")?;
            let b = read::docx::read_docx(bytes, limits)?;
            if b.blocks.is_empty() {
                return Err(Error::Empty);
            }
            b
        }
        InputFormat::Csv => read::csv::read_csv(bytes, limits)?,
        InputFormat::Json => return read::json::read_json(bytes),
    };
    // Text under a workbook's name in which the CSV reader found no task table (a notice with ASCII
    // commas saved as `.xls`): the text it is.
    if renamed == Some((InputFormat::Workbook, InputFormat::Csv)) && !holds_task_table(&blocks) {
        if !holds_chinese_text(bytes) {
            // No rows and no notice: what the workbook reader says of bytes that are no workbook.
            read::workbook::read_workbook(bytes, limits)?;
        }
        blocks = read_text_bytes(bytes, false, limits)?;
        renamed = Some((InputFormat::Workbook, InputFormat::Text));
    }
    // Rows of commas in which the CSV reader finds no task table stay the text they were given as
    // (a table of other columns, read from a `.csv` file, is kept as a table).
    if csv_sniffed && !holds_task_table(&blocks) {
        blocks = read_text_bytes(bytes, false, limits)?;
        renamed = None;
    }
    // Control characters a page, document or workbook held (a character reference `&#x1B;`, a
    // NUL in a cell), which normalization dropped: said, as for a text (whose warning names the
    // line; here the readers' text has no line of the file to name).
    if let Some(c) = normalize::take_dropped_control() {
        blocks.diagnostics.push(Diagnostic::new(
            Severity::Warning,
            "control_characters_dropped",
            format!(
                "control character(s) were dropped from the document's text, the first U+{:04X}{}; expected plain text",
                u32::from(c),
                control_name(c)
            ),
            None,
        ));
    }
    if blocks.blocks.len() as u64 > limits.max_blocks {
        return Err(Error::Limit {
            what: "the number of paragraphs and tables".into(),
            value: blocks.blocks.len() as u64,
            limit: limits.max_blocks,
            flag: "--max-blocks".into(),
        });
    }
    let mut doc = structure::build(blocks);
    if let Some((named, found)) = renamed {
        let name = |f: InputFormat| match f {
            InputFormat::Docx => "a Word (DOCX) document",
            InputFormat::Html => "an HTML page",
            InputFormat::Csv => "a CSV file",
            InputFormat::Text => "plain text",
            InputFormat::Markdown => "Markdown",
            _ => "a workbook",
        };
        let (named, found) = (name(named), name(found));
        doc.diagnostics.insert(
            0,
            Diagnostic::new(
                Severity::Info,
                "format_sniffed",
                format!("given as {named} but the bytes are {found}; read as {found}"),
                None,
            ),
        );
    }
    Ok(doc)
}
