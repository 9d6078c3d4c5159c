//! Workbook reader: task tables circulated as spreadsheets (XLSX, XLSB, XLS, ODS), read with calamine.
//!
//! Offices hand out the task table itself as a spreadsheet, laid out for print rather than for
//! machines. For each sheet the reader:
//!
//! 1. collects the cells that hold text (numbers render as printed: `3`, not `3.0`, and in an
//!    XLSX as their number format shows them: `15%`, `1,234.50`; dates as `YYYY-MM-DD`), and expands merged cells — the value of a merged region stands in every
//!    slot it covers, as a printed sheet shows it (a range written `C3:C2` is `C2:C3`; a covered
//!    cell that holds a value of its own keeps it, with a `workbook_merge_covers_value` warning);
//!    an XLSX sheet's hidden rows and columns are read as the others, named in an info
//!    `row_hidden` / `column_hidden` note;
//! 2. finds each task table by its header row (the words of [`crate::tasks`]: 序号, 任务, 牵头单位,
//!    配合单位…), which may sit under a title row or two; those title rows become paragraphs
//!    before the table (and its caption), so the structure builder can use them as the part title;
//! 3. drops blank rows and columns that hold nothing in the table (an empty trailing column).
//!
//! Group rows — one merged cell across the row, `一、…` or `（一）…` — and group columns laid out
//! with vertically merged cells are left in the grid for [`crate::tasks`] to read. A sheet without
//! a task table is read as the notice's metadata (`标题 | …`) or its text (a line a row) when it
//! is one, and otherwise as the table it lays out (a contact list, a 名单, a 资金分配表: its title
//! rows as paragraphs, a grid under a one-row header, no tasks); an empty sheet, a sheet of single
//! texts that are no notice, and gongwen's own 按单位 and 结构 views are skipped with an `info`
//! diagnostic naming the sheet. A table's `line` and
//! `row_lines` are 1-based sheet row numbers of the sheet its `sheet` names; diagnostics about
//! cells name them (`任务分工!B7`). Each sheet's tables are a task list of their own: how a
//! workbook of one list per sheet is grouped is [`crate::tasks`]'s to say.
//!
//! # Limits (hostile input)
//!
//! - A ZIP container (XLSX, XLSB, ODS) is inspected with the `zip` crate before calamine sees it:
//!   the sizes its central directory declares, and then the bytes its entries really inflate
//!   to, may not exceed [`Limits::max_unzipped_bytes`], and no entry may inflate to more than
//!   [`Limits::max_unzip_ratio`] times its compressed size ([`Limits::unzip_allowance`])
//!   ([`Error::Limit`]); a damaged or truncated container is an [`Error::Workbook`].
//! - Reading stops with [`Error::Limit`] as soon as the workbook has given more than
//!   [`Limits::max_sheet_cells`] non-empty cells, or a sheet's used area (the box around its
//!   non-empty cells) grows past [`Limits::max_grid_cells`]. Nothing is read partially: a
//!   million-row sheet is refused with the flag that raises the limit, never silently cut.
//!   XLSX and XLSB sheets are streamed cell by cell, so the check happens before the memory is
//!   spent; XLS and ODS sheets are loaded whole by calamine (their size is bounded by the input
//!   and unzipped-size limits) and checked the same way afterwards — an ODS sheet's repeated
//!   rows and columns are measured in its XML first, since calamine expands them into cells.
//! - Counts a part declares are checked against its size before calamine trusts them (an XLSX
//!   shared-strings table that declares four billion strings in two kilobytes is damaged).
//! - An XLSX cell naming a shared string the table does not hold is read as empty with a
//!   warning naming the cell (`workbook_cell_damaged`, `Sheet1!C3`); other damage inside a
//!   sheet refuses the workbook with an error naming the cell it broke in (`Sheet1!C3: cannot
//!   read it (…)`), found by reading the sheet's XML again only then.

use crate::blocks::{Block, Blocks, Para};
use crate::model::{Diagnostic, Severity, SourceFormat, Table};
use crate::normalize::TrimFast as _;
use crate::normalize::normalize_block;
use crate::{Error, Limits, Result, tasks};
use calamine::{Data, DataRef, Dimensions, ExcelDateTime, Ods, Range, Reader, Xls, Xlsb, Xlsx};
use rustc_hash::{FxHashMap, FxHashSet};
use std::io::{Cursor, Read};

/// The container formats calamine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

/// Where a message about the whole workbook points.
const WORKBOOK: &str = "workbook";

/// Reads a workbook into blocks: for each task table found, its title rows as paragraphs and the
/// table as a grid.
///
/// Errors: [`Error::Workbook`] when the bytes are not a readable workbook (truncated, damaged,
/// not a spreadsheet); [`Error::Limit`] when a limit in the module docs is exceeded.
pub fn read_workbook(bytes: &[u8], limits: &Limits) -> Result<Blocks> {
    let mut ods_merges = OdsMerges::default();
    let kind = if bytes.starts_with(b"PK") {
        inspect_zip(bytes, limits, &mut ods_merges)?
    } else if bytes.starts_with(&super::OLE_MAGIC) {
        Kind::Xls
    } else {
        return Err(Error::Workbook {
            location: WORKBOOK.into(),
            message: "not a workbook (expected an XLSX, XLSB or ODS ZIP container, or an XLS file)"
                .into(),
        });
    };
    // calamine is not ours to audit: a panic inside it on malformed input becomes an error.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_kind(kind, bytes, limits, ods_merges)
    }))
    .unwrap_or_else(|_| {
        Err(Error::Workbook {
            location: WORKBOOK.into(),
            message: "the workbook is malformed (the spreadsheet library gave up on it)".into(),
        })
    })
}

fn workbook_error(location: &str, e: impl std::fmt::Display) -> Error {
    Error::Workbook {
        location: location.to_string(),
        message: format!("cannot read it ({e}); the file may be truncated or damaged"),
    }
}

/// The parts an XLSX reader reads when it opens the workbook, in the order it reads them.
const XLSX_OPEN_PARTS: [&str; 5] = [
    "_rels/.rels",
    "xl/sharedStrings.xml",
    "xl/styles.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/workbook.xml",
];

/// An error opening an XLSX workbook. An XML error from the spreadsheet library names neither
/// the part nor a useful position (an entity error says `at 0..0`, a place in the unescaped
/// text), so the parts read at opening are checked here to name the part and the byte.
fn xlsx_open_error(bytes: &[u8], e: calamine::XlsxError) -> Error {
    use calamine::XlsxError as X;
    if !matches!(e, X::Xml(_) | X::XmlAttr(_) | X::XmlEof(_)) {
        return workbook_error(WORKBOOK, e);
    }
    if let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) {
        for part in XLSX_OPEN_PARTS {
            let Ok(entry) = zip.by_name(part) else {
                continue;
            };
            // The parts are read whole by the library too; bounded by the ZIP checks before.
            let mut xml = Vec::new();
            if entry.take(1 << 30).read_to_end(&mut xml).is_err() {
                continue;
            }
            if let Some((at, why)) = first_xml_error(&xml) {
                return Error::Workbook {
                    location: part.into(),
                    message: format!(
                        "XML error at byte {at}: {why}; the file may be truncated or damaged"
                    ),
                };
            }
        }
    }
    let why = match &e {
        X::Xml(quick_xml::Error::Escape(x)) => x.to_string(),
        _ => e.to_string(),
    };
    Error::Workbook {
        location: WORKBOOK.into(),
        message: format!(
            "a part of the workbook has an XML error ({why}); the file may be truncated or damaged"
        ),
    }
}

/// The byte and the reason where `xml` stops being well-formed XML as a workbook reader reads
/// it (syntax, attributes, entity references other than the predefined ones and characters).
fn first_xml_error(xml: &[u8]) -> Option<(u64, String)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().check_end_names = true;
    loop {
        let at = reader.buffer_position();
        match reader.read_event() {
            Err(e) => return Some((reader.error_position(), e.to_string())),
            Ok(Event::Eof) => return None,
            Ok(Event::Start(t) | Event::Empty(t)) => {
                for a in t.attributes() {
                    match a {
                        Err(e) => return Some((at, e.to_string())),
                        Ok(a) => {
                            if let Err(e) = quick_xml::escape::unescape(&a.value) {
                                return Some((at, e.to_string()));
                            }
                        }
                    }
                }
            }
            Ok(Event::GeneralRef(r)) => {
                let known = quick_xml::escape::resolve_xml_entity(r.as_ref()).is_some()
                    || matches!(r.resolve_char_ref(), Ok(Some(_)));
                if !known {
                    return Some((
                        at,
                        format!("unrecognized entity `&{};`", AsRef::<str>::as_ref(&r)),
                    ));
                }
            }
            Ok(_) => {}
        }
    }
}

/// Checks a ZIP container against [`Limits::max_unzipped_bytes`] and says which workbook format it holds.
fn inspect_zip(bytes: &[u8], limits: &Limits, ods_merges: &mut OdsMerges) -> Result<Kind> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Error::Workbook {
        location: WORKBOOK.into(),
        message: format!(
            "not a readable ZIP container ({e}); the file may be truncated or damaged"
        ),
    })?;
    let limit = limits.max_unzipped_bytes;
    let too_big = |value: u64| Error::Limit {
        what: "the workbook's uncompressed size in bytes".into(),
        value,
        limit,
        flag: "--max-unzipped-bytes".into(),
    };
    // What the central directory declares.
    let mut declared = 0u64;
    let mut names = Vec::with_capacity(zip.len().min(4096));
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| workbook_error(WORKBOOK, e))?;
        declared = declared.saturating_add(entry.size());
        if names.len() < 4096 {
            names.push(entry.name().map(|n| n.into_owned()).unwrap_or_default());
        }
    }
    if declared > limit {
        return Err(too_big(declared));
    }
    // What the entries really inflate to: declared sizes can lie. A stored entry holds exactly
    // its compressed bytes, which are part of the input; only compressed entries are inflated.
    let mut total = 0u64;
    for i in 0..zip.len() {
        let raw = zip
            .by_index_raw(i)
            .map_err(|e| workbook_error(WORKBOOK, e))?;
        // The parts read below for what they declare are read however they are stored.
        let scanned = raw.name().is_ok_and(|n| {
            let n = n.to_ascii_lowercase();
            n.ends_with("sharedstrings.xml") || n == "content.xml"
        });
        if raw.compression() == zip::CompressionMethod::Stored && !scanned {
            total = total.saturating_add(raw.compressed_size().max(raw.size()));
            if total > limit {
                return Err(too_big(total));
            }
            continue;
        }
        let compressed = raw.compressed_size();
        drop(raw);
        let entry = zip.by_index(i).map_err(|e| workbook_error(WORKBOOK, e))?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let allowed = limits.unzip_allowance(compressed);
        let budget = limit.saturating_sub(total).min(allowed).saturating_add(1);
        let mut entry = Counted {
            inner: entry.take(budget),
            n: 0,
        };
        let lower = name.to_ascii_lowercase();
        let location = format!("workbook entry {name}");
        let read = if lower.ends_with("sharedstrings.xml") {
            check_shared_strings(&mut entry, &location)
        } else if lower == "content.xml" {
            scan_ods(&mut entry, &location, limits).map(|merges| *ods_merges = merges)
        } else {
            Ok(())
        }
        .and_then(|()| {
            std::io::copy(&mut entry, &mut std::io::sink())
                .map(drop)
                .map_err(|e| workbook_error(&location, e))
        });
        // An entry cut short at a limit is reported as over it, not as the damage the cut made.
        total = total.saturating_add(entry.n);
        if total > limit {
            return Err(too_big(total));
        }
        if entry.n > allowed {
            return Err(limits.unzip_ratio_error(&name, compressed, entry.n));
        }
        read?;
    }
    let has = |n: &str| names.iter().any(|x| x == n);
    if has("xl/workbook.xml") {
        Ok(Kind::Xlsx)
    } else if has("xl/workbook.bin") {
        Ok(Kind::Xlsb)
    } else if has("content.xml") {
        Ok(Kind::Ods)
    } else if names.iter().any(|n| n.starts_with("word/")) {
        Err(Error::Unsupported {
            what: "a Word (DOCX) document".into(),
        })
    } else {
        Err(Error::Workbook {
            location: WORKBOOK.into(),
            message:
                "a ZIP archive that holds no spreadsheet (expected xl/workbook.xml or content.xml)"
                    .into(),
        })
    }
}

/// A reader that counts the bytes read through it.
struct Counted<R> {
    inner: R,
    n: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let k = self.inner.read(buf)?;
        self.n += k as u64;
        Ok(k)
    }
}

/// Checks the count an XLSX shared-strings table declares (`<sst uniqueCount="N">`), which the
/// spreadsheet library reserves room for before reading a string: a damaged or hostile count
/// (4,294,967,295 in a 2 KB file) would ask for a hundred gigabytes and abort the process. Each
/// string takes at least `<si/>`, five bytes of the entry, so a count above a fifth of the
/// entry's size cannot be true. Reads the entry through its start tag only.
fn check_shared_strings<R: Read>(entry: &mut Counted<R>, location: &str) -> Result<()> {
    let mut head = Vec::with_capacity(4096);
    entry
        .by_ref()
        .take(4096)
        .read_to_end(&mut head)
        .map_err(|e| workbook_error(location, e))?;
    let Some(count) = declared_count(&head, b"uniqueCount=") else {
        return Ok(());
    };
    // The whole entry is read to know its size (the caller counts what was read).
    std::io::copy(entry, &mut std::io::sink()).map_err(|e| workbook_error(location, e))?;
    let most = entry.n / 5;
    if count > most {
        return Err(Error::Workbook {
            location: location.to_string(),
            message: format!(
                "the shared-strings table declares {count} strings but its {} bytes hold at most \
                 {most}; the file is damaged",
                entry.n
            ),
        });
    }
    Ok(())
}

/// The number in `attr"N"` (or `attr'N'`) inside the first start tag of `head` that has it.
fn declared_count(head: &[u8], attr: &[u8]) -> Option<u64> {
    let at = memchr::memmem::find(head, attr)? + attr.len();
    let digits = head.get(at + 1..)?;
    let end = digits.iter().position(|b| !b.is_ascii_digit())?;
    std::str::from_utf8(&digits[..end]).ok()?.parse().ok()
}

/// The merged regions of each ODS sheet, by sheet name (calamine does not report them).
type OdsMerges = rustc_hash::FxHashMap<String, Vec<Dimensions>>;

/// Reads an ODS `content.xml` for what calamine does not give or gives too late:
///
/// - sheets whose repeated rows and columns (`table:number-rows-repeated`,
///   `table:number-columns-repeated`) expand past [`Limits::max_grid_cells`] are refused: the
///   spreadsheet library expands them into cells before any limit of ours can look, so 858 bytes
///   could ask for gigabytes. The area counted is the one the library fills: from the first to
///   the last row holding a value, as wide as the widest such row up to its last value (empty
///   cells after the last value are not expanded);
/// - the merged regions (`table:number-rows-spanned`, `table:number-columns-spanned`), so that a
///   lead unit merged down over several tasks stands in each of them, as in XLSX.
fn scan_ods(entry: &mut impl Read, location: &str, limits: &Limits) -> Result<OdsMerges> {
    use quick_xml::events::{BytesStart, Event};
    fn repeats(e: &BytesStart, name: &str) -> u64 {
        e.try_get_attribute(name)
            .ok()
            .flatten()
            .and_then(|a| a.value.trim_ws().parse().ok())
            .unwrap_or(1)
    }
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(entry));
    let mut buf = Vec::new();
    // Per sheet: the rows read so far (repeats expanded), the first row with a value, the end of
    // the last one, and the widest; per row: its repeats, columns so far, and its width up to
    // its last value.
    let (mut rows, mut first, mut end, mut width) = (0u64, None::<u64>, 0u64, 0u64);
    let (mut row_repeats, mut cols, mut row_width) = (1u64, 0u64, 0u64);
    let mut sheet = String::new();
    let mut merges = OdsMerges::default();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| workbook_error(location, e))?;
        let (e, has_content) = match &event {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                if row_width > 0 {
                    first.get_or_insert(rows);
                    end = rows.saturating_add(row_repeats);
                    width = width.max(row_width);
                }
                rows = rows.saturating_add(row_repeats);
                let area = end
                    .saturating_sub(first.unwrap_or(end))
                    .saturating_mul(width);
                if area > limits.max_grid_cells {
                    return Err(Error::Limit {
                        what: format!(
                            "the area of sheet `{sheet}` with its repeated rows and columns expanded"
                        ),
                        value: area,
                        limit: limits.max_grid_cells,
                        flag: "--max-grid-cells".into(),
                    });
                }
                buf.clear();
                continue;
            }
            Event::Eof => return Ok(merges),
            _ => {
                buf.clear();
                continue;
            }
        };
        match e.name().as_ref() {
            "table:table" => {
                sheet = e
                    .try_get_attribute("table:name")
                    .ok()
                    .flatten()
                    .map(|a| a.value.into_owned())
                    .unwrap_or_default();
                (rows, first, end, width) = (0, None, 0, 0);
            }
            "table:table-row" => {
                (row_repeats, cols, row_width) = (repeats(e, "table:number-rows-repeated"), 0, 0);
            }
            cell @ ("table:table-cell" | "table:covered-table-cell") => {
                let spanned = |n: &str| repeats(e, n).clamp(1, u64::from(u32::MAX));
                let (down, across) = (
                    spanned("table:number-rows-spanned"),
                    spanned("table:number-columns-spanned"),
                );
                if cell == "table:table-cell"
                    && (down > 1 || across > 1)
                    && rows < u64::from(u32::MAX)
                    && cols < u64::from(u32::MAX)
                {
                    let (r, c) = (rows as u32, cols as u32);
                    merges
                        .entry(sheet.clone())
                        .or_default()
                        .push(Dimensions::new(
                            (r, c),
                            (
                                r.saturating_add(down as u32 - 1),
                                c.saturating_add(across as u32 - 1),
                            ),
                        ));
                }
                cols = cols.saturating_add(repeats(e, "table:number-columns-repeated"));
                let valued = has_content
                    || e.try_get_attribute("office:value-type")
                        .ok()
                        .flatten()
                        .is_some();
                if valued {
                    row_width = cols;
                }
            }
            _ => {}
        }
        buf.clear();
    }
}

/// One sheet's non-empty cells, in the order they were read, and its merged regions.
struct SheetCells {
    name: String,
    /// (row, column, text), 0-based sheet positions.
    cells: Vec<(u32, u32, String)>,
    merges: Vec<Dimensions>,
}

/// Counts cells against the limits while a sheet is read.
struct Budget<'a> {
    limits: &'a Limits,
    cells: u64,
}

impl Budget<'_> {
    fn take(&mut self) -> Result<()> {
        self.cells += 1;
        if self.cells > self.limits.max_sheet_cells {
            return Err(Error::Limit {
                what: "the number of non-empty cells in the workbook".into(),
                value: self.cells,
                limit: self.limits.max_sheet_cells,
                flag: "--max-sheet-cells".into(),
            });
        }
        Ok(())
    }
}

/// The bounding box of a sheet's non-empty cells, checked against [`Limits::max_grid_cells`] as it grows.
#[derive(Debug, Clone, Copy)]
struct BBox {
    r0: u32,
    c0: u32,
    r1: u32,
    c1: u32,
}

impl BBox {
    fn width(&self) -> usize {
        (self.c1 - self.c0) as usize + 1
    }

    fn height(&self) -> usize {
        (self.r1 - self.r0) as usize + 1
    }

    fn area(&self) -> u64 {
        (u64::from(self.r1 - self.r0) + 1) * (u64::from(self.c1 - self.c0) + 1)
    }
}

/// Gathers one sheet's cells while enforcing the limits.
struct Collector<'b, 'a> {
    sheet: SheetCells,
    bbox: Option<BBox>,
    budget: &'b mut Budget<'a>,
}

impl<'b, 'a> Collector<'b, 'a> {
    /// A collector for the sheet named `name`, drawing on `budget`.
    fn new(name: &str, budget: &'b mut Budget<'a>) -> Self {
        Collector {
            sheet: SheetCells {
                name: name.to_string(),
                cells: Vec::new(),
                merges: Vec::new(),
            },
            bbox: None,
            budget,
        }
    }

    fn push(&mut self, row: u32, col: u32, text: String) -> Result<()> {
        if text.is_empty() {
            return Ok(());
        }
        self.budget.take()?;
        let b = match self.bbox {
            None => BBox {
                r0: row,
                c0: col,
                r1: row,
                c1: col,
            },
            Some(b) => BBox {
                r0: b.r0.min(row),
                c0: b.c0.min(col),
                r1: b.r1.max(row),
                c1: b.c1.max(col),
            },
        };
        let limit = self.budget.limits.max_grid_cells;
        if b.area() > limit {
            return Err(Error::Limit {
                what: format!(
                    "the used area of sheet `{}` in cells ({}:{}{}, reached at {})",
                    self.sheet.name,
                    cell_ref(&self.sheet.name, b.r0, b.c0),
                    column_name(b.c1),
                    u64::from(b.r1) + 1,
                    cell_ref(&self.sheet.name, row, col)
                ),
                value: b.area(),
                limit,
                flag: "--max-grid-cells".into(),
            });
        }
        self.bbox = Some(b);
        self.sheet.cells.push((row, col, text));
        Ok(())
    }
}

/// Streams one sheet's cells through the limits (XLSX and XLSB readers have different types but
/// the same cell-reader API). Evaluates to the collected cells and their bounding box.
macro_rules! stream_cells {
    ($wb:expr, $name:expr, $budget:expr, $out:expr) => {{
        let mut reader = $wb
            .worksheet_cells_reader(&$name)
            .map_err(|e| workbook_error(&$name, e))?;
        let mut col = Collector::new(&$name, &mut $budget);
        while let Some(cell) = reader.next_cell().map_err(|e| workbook_error(&$name, e))? {
            let (r, c) = cell.get_position();
            col.push(
                r,
                c,
                render_ref(cell.get_value(), &mut $out.diagnostics, &$name, r, c),
            )?;
        }
        (col.sheet, col.bbox)
    }};
}

/// Streams one XLSX sheet's cells through the limits, as [`stream_cells`] does, each number
/// rendered as its cell's number format shows it: `0%` shows 0.15 as `15%`, `#,##0.00` shows
/// 1234.5 as `1,234.50` (calamine already turns date formats into dates). A format that is not
/// a plain number pattern (currency, text, fractions, scientific) keeps the General rendering.
///
/// A damaged sheet is read past or refused naming where ([`locate_cells`], a second look at the
/// sheet's XML taken only then): a cell naming a shared string the workbook does not have
/// (`<c r="C3" t="s"><v>99999</v></c>`) is read as empty with a warning naming it (Excel opens
/// the rest too), up to [`MAX_BAD_CELLS`]; any other damage refuses the workbook, the error
/// naming the cell it broke in (`Sheet1!C3: cannot read it (…)`).
fn stream_xlsx_cells(
    wb: &mut Xlsx<Cursor<&[u8]>>,
    package: &mut Package<'_>,
    name: &str,
    budget: &mut Budget<'_>,
    out: &mut Blocks,
) -> Result<(SheetCells, Option<BBox>)> {
    let mut reader = wb
        .worksheet_cells_reader(name)
        .map_err(|e| workbook_error(name, e))?;
    // Each style's format, read once per sheet as its first number needs it.
    let mut shown: Vec<Option<Shown>> = vec![None; reader.styles().len()];
    let mut col = Collector::new(name, budget);
    // How many cells calamine has given (or failed on), in the order of the sheet's XML; and
    // which of them named a shared string the workbook does not have.
    let mut read = 0usize;
    let mut bad: Vec<usize> = Vec::new();
    loop {
        let (cell, style) = match reader.next_cell_with_style_id() {
            Ok(Some(next)) => next,
            Ok(None) => break,
            Err(e) if is_missing_shared_string(&e) && bad.len() < MAX_BAD_CELLS => {
                bad.push(read);
                read += 1;
                continue;
            }
            Err(e) => {
                let located = locate_cells(package, name, &[read]);
                let at = match located.as_ref().and_then(|l| l.found.first()) {
                    Some(&(_, (r, c), _)) => cell_ref(name, r, c),
                    None => match located.and_then(|l| l.last) {
                        Some((r, c)) => format!("{name}, after {}", cell_ref(name, r, c)),
                        None => name.to_string(),
                    },
                };
                return Err(workbook_error(&at, e));
            }
        };
        read += 1;
        let (r, c) = cell.get_position();
        let number = match cell.get_value() {
            DataRef::Float(f) => Some(*f),
            DataRef::Int(i) => Some(*i as f64),
            _ => None,
        };
        let text = match (number, shown.get_mut(style)) {
            (Some(f), Some(slot)) => {
                let fmt = *slot.get_or_insert_with(|| {
                    reader
                        .styles()
                        .get(style)
                        .and_then(|s| s.number_format.as_ref())
                        .map_or(Shown::General, |n| Shown::of(&n.format_code))
                });
                fmt.render(f)
            }
            _ => render_ref(cell.get_value(), &mut out.diagnostics, name, r, c),
        };
        col.push(r, c, text)?;
    }
    if !bad.is_empty() {
        note_missing_strings(package, name, &bad, &mut out.diagnostics)?;
    }
    Ok((col.sheet, col.bbox))
}

/// An info note for the rows and the columns of XLSX sheet `sheet` that the workbook hides
/// (`<row r="3" hidden="1">`, `<col min="5" max="5" hidden="1"/>`) and that hold values: they
/// are read as the other rows are (a hidden row may be a task set aside, or only folded away in
/// an outline; which, the file does not say), and the note names them, as `sheet_hidden` names a
/// hidden sheet. calamine does not report hidden rows, so the sheet's XML is looked at again —
/// first only searched for the word `hidden`, which a sheet without hidden rows or columns rarely
/// holds, so that such a sheet costs one more inflation of its part and no XML parse.
fn note_hidden(package: &mut Package<'_>, sheet: &SheetCells, diagnostics: &mut Vec<Diagnostic>) {
    let Some((rows, cols)) = hidden_lines(package, &sheet.name) else {
        return;
    };
    if rows.is_empty() && cols.is_empty() {
        return;
    }
    let mut with_rows = FxHashSet::default();
    let mut with_cols = FxHashSet::default();
    for &(r, c, _) in &sheet.cells {
        with_rows.insert(r);
        with_cols.insert(c);
    }
    let hidden_rows: Vec<u32> = rows.into_iter().filter(|r| with_rows.contains(r)).collect();
    // Which of the sheet's columns the ranges cover, marked at their ends and summed once (many
    // `<col>` ranges over many columns must not cost their product).
    const COLUMNS: usize = 16_384;
    let mut edges = vec![0i64; COLUMNS + 1];
    for &(lo, hi) in &cols {
        let (lo, hi) = (lo as usize, (hi as usize).min(COLUMNS - 1));
        if lo <= hi {
            edges[lo] += 1;
            edges[hi + 1] -= 1;
        }
    }
    let mut depth = 0i64;
    let covered: Vec<bool> = edges[..COLUMNS]
        .iter()
        .map(|e| {
            depth += e;
            depth > 0
        })
        .collect();
    let mut hidden_cols: Vec<u32> = with_cols
        .into_iter()
        .filter(|&c| covered.get(c as usize).copied().unwrap_or(false))
        .collect();
    hidden_cols.sort_unstable();
    let name = &sheet.name;
    // `sheet `任务分工`: rows 3, 7–9 are hidden in the workbook; read as the other rows`.
    let message = |one: &str, many: &str, count: usize, list: String| {
        let (what, verb) = if count == 1 {
            (one, "is")
        } else {
            (many, "are")
        };
        format!(
            "sheet `{name}`: {what} {list} {verb} hidden in the workbook; read as the other {many}"
        )
    };
    if let Some(&first) = hidden_rows.first() {
        let list = spans(&hidden_rows, |r| (u64::from(r) + 1).to_string());
        diagnostics.push(
            Diagnostic::new(
                Severity::Info,
                "row_hidden",
                message("row", "rows", hidden_rows.len(), list),
                Some(first as usize + 1),
            )
            .at_cell(cell_ref(name, first, 0)),
        );
    }
    if !hidden_cols.is_empty() {
        let list = spans(&hidden_cols, column_name);
        diagnostics.push(Diagnostic::new(
            Severity::Info,
            "column_hidden",
            message("column", "columns", hidden_cols.len(), list),
            None,
        ));
    }
}

/// Sorted numbers as runs, each run named by `label`: `3, 7–9` (the first 10 runs, then `…`).
fn spans(sorted: &[u32], label: impl Fn(u32) -> String) -> String {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &n in sorted {
        match runs.last_mut() {
            Some((_, hi)) if hi.checked_add(1) == Some(n) => *hi = n,
            _ => runs.push((n, n)),
        }
    }
    let mut parts: Vec<String> = runs
        .iter()
        .take(10)
        .map(|&(lo, hi)| {
            if lo == hi {
                label(lo)
            } else {
                format!("{}–{}", label(lo), label(hi))
            }
        })
        .collect();
    if runs.len() > 10 {
        parts.push("…".into());
    }
    parts.join(", ")
}

/// Hidden rows (0-based) and column ranges (0-based, inclusive) of a sheet.
type Hidden = (Vec<u32>, Vec<(u32, u32)>);

/// The rows (0-based) and column ranges (0-based, inclusive) XLSX sheet `name` marks hidden.
/// `None` when its part cannot be found or read. The part is inflated once in pieces and searched
/// for `hidden`; only when it is there is it parsed (again) as XML.
fn hidden_lines(package: &mut Package<'_>, name: &str) -> Option<Hidden> {
    use quick_xml::events::Event;
    let (zip, part) = package.sheet(name)?;
    {
        let mut entry = zip.by_name(&part).ok()?;
        let finder = memchr::memmem::Finder::new(b"hidden");
        let keep = b"hidden".len() - 1;
        let mut buf = vec![0u8; 64 * 1024];
        let mut held = 0usize;
        let mut found = false;
        loop {
            let n = entry.read(&mut buf[held..]).ok()?;
            if n == 0 {
                break;
            }
            let end = held + n;
            if finder.find(&buf[..end]).is_some() {
                found = true;
                break;
            }
            // Keep the last bytes: the word may straddle two pieces.
            let tail = end.saturating_sub(keep);
            buf.copy_within(tail..end, 0);
            held = end - tail;
        }
        if !found {
            return Some((Vec::new(), Vec::new()));
        }
    }
    let entry = zip.by_name(&part).ok()?;
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(entry));
    let mut buf = Vec::new();
    let is_true = |v: Option<String>| v.is_some_and(|v| matches!(v.trim_ws(), "1" | "true"));
    let (mut rows, mut cols) = (Vec::new(), Vec::new());
    // The row a `<row>` without its own `r` is: the one after the last.
    let mut next_row = 0u32;
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "row" => {
                let row = xml_attr(&e, "r")
                    .and_then(|v| v.trim_ws().parse::<u32>().ok())
                    .and_then(|r| r.checked_sub(1))
                    .unwrap_or(next_row);
                next_row = row.saturating_add(1);
                if is_true(xml_attr(&e, "hidden")) {
                    rows.push(row);
                }
            }
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "col" => {
                let at = |k: &str| {
                    xml_attr(&e, k)
                        .and_then(|v| v.trim_ws().parse::<u32>().ok())
                        .and_then(|n| n.checked_sub(1))
                };
                if let (Some(lo), Some(hi)) = (at("min"), at("max"))
                    && lo <= hi
                    && is_true(xml_attr(&e, "hidden"))
                {
                    cols.push((lo, hi));
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    rows.sort_unstable();
    rows.dedup();
    Some((rows, cols))
}

/// The most cells of a sheet naming a shared string the workbook does not have that are read
/// as empty; one more refuses the workbook (so much damage leaves little worth reading).
const MAX_BAD_CELLS: usize = 100;

/// Whether calamine's error is a cell naming a shared string the table does not hold: the only
/// error it can read on after (the cell's value is read, the XML is whole).
fn is_missing_shared_string(e: &calamine::XlsxError) -> bool {
    matches!(e, calamine::XlsxError::Unexpected(m) if m.contains("shared strings"))
}

/// A warning for each cell of sheet `name` that named a missing shared string (`bad`: their
/// places in the sheet's order, [`locate_cells`]), naming the cell (`Sheet1!C3`): `the cell
/// names a shared string the workbook does not have …; read as empty`. A cell without its own `r` leaves calamine's count of columns one short for the
/// cells after it in its row: then the sheet is refused, naming the cell, rather than read with
/// cells moved.
fn note_missing_strings(
    package: &mut Package<'_>,
    name: &str,
    bad: &[usize],
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<()> {
    let found = locate_cells(package, name, bad)
        .map(|l| l.found)
        .unwrap_or_default();
    for &(_, (r, c), own_ref) in &found {
        let cell = cell_ref(name, r, c);
        if !own_ref {
            return Err(Error::Workbook {
                location: cell,
                message: "cannot read it (the cell names a shared string the workbook does not have); the file may be truncated or damaged".into(),
            });
        }
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            "workbook_cell_damaged",
            "the cell names a shared string the workbook does not have (the file is damaged); read as empty",
            Some(r as usize + 1),
        ).at_cell(cell));
    }
    if found.len() < bad.len() {
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            "workbook_cell_damaged",
            format!(
                "sheet `{name}`: {} cells name a shared string the workbook does not have (the file is damaged); read as empty",
                bad.len() - found.len()
            ),
            None,
        ));
    }
    Ok(())
}

/// What a second look at a damaged sheet's XML found: for each cell asked for, its place in the
/// sheet's order, its position (row, column, 0-based) and whether its own `r` attribute gave
/// it; and the last cell seen before the XML broke off.
struct Located {
    found: Vec<(usize, (u32, u32), bool)>,
    last: Option<(u32, u32)>,
}

/// Finds the cells of sheet `name` at the places `ordinals` (ascending) in the order calamine
/// reads them — each `<c>` element with content, its position from its `r` attribute (`C3`) or,
/// without one, counted along its `<row r="3">` as calamine counts — by reading the sheet's
/// part again with the `zip` and `quick-xml` crates (taken only on an error: a sheet read
/// cleanly costs nothing more). `None` when the sheet's part cannot be found.
fn locate_cells(package: &mut Package<'_>, name: &str, ordinals: &[usize]) -> Option<Located> {
    use quick_xml::events::Event;
    let (zip, part) = package.sheet(name)?;
    let entry = zip.by_name(&part).ok()?;
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(entry));
    let mut buf = Vec::new();
    let (mut row, mut col, mut n) = (0u32, 0u32, 0usize);
    let mut wanted = ordinals.iter().copied().peekable();
    let mut located = Located {
        found: Vec::new(),
        last: None,
    };
    while wanted.peek().is_some() {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "row" => {
                if let Some(r) = xml_attr(&e, "r").and_then(|v| v.trim_ws().parse::<u32>().ok()) {
                    row = r.saturating_sub(1);
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == "row" => {
                row = row.saturating_add(1);
                col = 0;
            }
            Ok(Event::Start(e)) if e.local_name().as_ref() == "c" => {
                let own = xml_attr(&e, "r").and_then(|v| cell_position(&v));
                let pos = own.unwrap_or((row, col));
                col = pos.1.saturating_add(1);
                while wanted.next_if(|&w| w < n).is_some() {}
                if wanted.next_if_eq(&n).is_some() {
                    located.found.push((n, pos, own.is_some()));
                }
                located.last = Some(pos);
                n += 1;
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    Some(located)
}

/// The value of the attribute `key` of `e` (`r` of `<c r="C3">`), unescaped.
fn xml_attr(e: &quick_xml::events::BytesStart<'_>, key: &str) -> Option<String> {
    let a = e.try_get_attribute(key).ok().flatten()?;
    Some(unescaped(&a.value))
}

/// An attribute's value with its references resolved (as written when one is unknown).
fn unescaped(raw: &str) -> String {
    quick_xml::escape::unescape(raw).map_or_else(|_| raw.to_string(), |v| v.into_owned())
}

/// A cell reference's position (row, column, 0-based): `C3` is (2, 2). `None` for anything
/// else, or past the largest sheet (XFD1048576).
fn cell_position(r: &str) -> Option<(u32, u32)> {
    let r = r.trim_ws();
    let digits = r.find(|c: char| c.is_ascii_digit())?;
    let (letters, number) = r.split_at(digits);
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    let col = letters.bytes().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1
    });
    let row: u32 = number.parse().ok()?;
    ((1..=16_384).contains(&col) && (1..=1_048_576).contains(&row)).then(|| (row - 1, col - 1))
}

/// An XLSX package opened for the second looks at its sheets' XML ([`hidden_lines`],
/// [`locate_cells`]): its directory read and the parts of its sheets found once, when first
/// asked, not again for each sheet — a workbook of thousands of sheets would read its
/// directory, `xl/workbook.xml` and its relationships thousands of times.
struct Package<'a> {
    bytes: &'a [u8],
    /// The archive and the part of each sheet by its name ([`sheet_parts`]); `None` inside when
    /// the package or its workbook part cannot be read, `None` outside until first asked.
    opened: Option<Option<(ZipArchive<'a>, FxHashMap<String, String>)>>,
}

type ZipArchive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

impl<'a> Package<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Package {
            bytes,
            opened: None,
        }
    }

    /// The archive and the part that holds the sheet named `name`; `None` when it cannot be
    /// found.
    fn sheet(&mut self, name: &str) -> Option<(&mut ZipArchive<'a>, String)> {
        let bytes = self.bytes;
        let opened = self.opened.get_or_insert_with(|| {
            let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
            let parts = sheet_parts(&mut zip)?;
            Some((zip, parts))
        });
        let (zip, parts) = opened.as_mut()?;
        let part = parts.get(name)?.clone();
        Some((zip, part))
    }
}

/// The part of an XLSX package that holds each sheet, by the sheet's name: its `r:id` in
/// `xl/workbook.xml` (`<sheet name="Sheet1" r:id="rId1"/>`), that relationship's target in
/// `xl/_rels/workbook.xml.rels` (`worksheets/sheet1.xml`, under `xl/`; or from the package's
/// root when it starts with `/`). The first sheet of a name and the first relationship of an id
/// count. `None` when the workbook part or its relationships cannot be read.
fn sheet_parts(zip: &mut ZipArchive<'_>) -> Option<FxHashMap<String, String>> {
    use quick_xml::events::Event;
    let read_part = |zip: &mut ZipArchive<'_>, path: &str| {
        let mut text = String::new();
        zip.by_name(path).ok()?.read_to_string(&mut text).ok()?;
        Some(text)
    };
    // Each element named `element`: its attributes `key` and `wanted` (any prefix), the first
    // of each key kept.
    let pairs = |xml: &str, element: &str, key: &str, wanted: &str| {
        let mut out: FxHashMap<String, Option<String>> = FxHashMap::default();
        let mut reader = quick_xml::Reader::from_str(xml);
        loop {
            match reader.read_event() {
                Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == element => {
                    let attr = |k: &str| {
                        e.attributes().flatten().find_map(|a| {
                            (a.key.local_name().as_ref() == k).then(|| unescaped(&a.value))
                        })
                    };
                    if let Some(k) = attr(key) {
                        out.entry(k).or_insert_with(|| attr(wanted));
                    }
                }
                Ok(Event::Eof) | Err(_) => return out,
                _ => {}
            }
        }
    };
    let workbook = read_part(zip, "xl/workbook.xml")?;
    let ids = pairs(&workbook, "sheet", "name", "id");
    let rels = read_part(zip, "xl/_rels/workbook.xml.rels")?;
    let targets = pairs(&rels, "Relationship", "Id", "Target");
    Some(
        ids.into_iter()
            .filter_map(|(name, id)| {
                let target = targets.get(&id?)?.as_deref()?;
                let part = match target.strip_prefix('/') {
                    Some(rooted) => rooted.to_string(),
                    None => format!("xl/{}", target.trim_start_matches("./")),
                };
                Some((name, part))
            })
            .collect(),
    )
}

/// How a number format shows a number: General, or a plain pattern of digits
/// (`0`, `0.00`, `#,##0`, `0.0%`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    General,
    Fixed {
        /// Integer digits always shown (`00` shows 1 as `01`).
        digits: u8,
        /// Decimals always shown (`0` after the point).
        min: u8,
        /// Decimals shown when not zero (`0` and `#` after the point).
        max: u8,
        /// Thousands separators (`#,##0`).
        grouped: bool,
        /// Times 100 with a `%` after it.
        percent: bool,
    },
}

impl Shown {
    /// Reads the first section of a format code (the one for positive numbers). Only the
    /// characters of a plain digit pattern are understood; anything else is General.
    fn of(code: &str) -> Shown {
        let first = code.split(';').next().unwrap_or_default().trim_ws();
        if first.is_empty()
            || first.eq_ignore_ascii_case("general")
            || !first
                .bytes()
                .all(|b| matches!(b, b'0' | b'#' | b',' | b'.' | b'%'))
            || !first.contains(['0', '#'])
            || first.matches('.').count() > 1
            || first.matches('%').count() > 1
            || (first.contains('%') && !first.ends_with('%'))
        {
            return Shown::General;
        }
        let (int, frac) = first.split_once('.').unwrap_or((first, ""));
        let frac = frac.trim_end_matches('%');
        let min = frac.bytes().take_while(|&b| b == b'0').count();
        let max = frac.bytes().filter(|&b| matches!(b, b'0' | b'#')).count();
        let digits = int.bytes().filter(|&b| b == b'0').count();
        if max > 15 || digits > 15 {
            return Shown::General;
        }
        Shown::Fixed {
            digits: digits as u8,
            min: min as u8,
            max: max as u8,
            grouped: int.contains(','),
            percent: first.ends_with('%'),
        }
    }

    fn render(self, f: f64) -> String {
        let Shown::Fixed {
            digits: min_digits,
            min,
            max,
            grouped,
            percent,
        } = self
        else {
            return render_number(f);
        };
        let v = if percent { f * 100.0 } else { f };
        if !v.is_finite() || v.abs() >= 1e15 {
            return render_number(f);
        }
        let s = format!("{:.*}", usize::from(max), v);
        let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
        let mut frac = frac.to_string();
        while frac.len() > usize::from(min) && frac.ends_with('0') {
            frac.pop();
        }
        let (sign, digits) = match int.strip_prefix('-') {
            // `-0` after rounding shows as `0`.
            Some(d) if d.bytes().any(|b| b != b'0') || !frac.bytes().all(|b| b == b'0') => ("-", d),
            Some(d) => ("", d),
            None => ("", int),
        };
        let pad = usize::from(min_digits).saturating_sub(digits.len());
        let padded;
        let digits = if pad > 0 {
            padded = "0".repeat(pad) + digits;
            padded.as_str()
        } else {
            digits
        };
        let mut out = String::with_capacity(s.len() + 8);
        out.push_str(sign);
        if grouped {
            for (i, ch) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(ch);
            }
        } else {
            out.push_str(digits);
        }
        if !frac.is_empty() {
            out.push('.');
            out.push_str(&frac);
        }
        if percent {
            out.push('%');
        }
        out
    }
}

/// Reads one sheet given as rows of cell texts (a CSV file: `rows` yields each row's 0-based
/// index and cells, or an error), as a workbook's sheet is read: within the cell and grid limits,
/// its task tables found by their header rows, title rows above them as paragraphs.
pub(crate) fn read_rows(
    name: &str,
    rows: impl Iterator<Item = Result<(u32, Vec<String>)>>,
    limits: &Limits,
    format: SourceFormat,
) -> Result<Blocks> {
    let mut budget = Budget { limits, cells: 0 };
    let mut col = Collector::new(name, &mut budget);
    for row in rows {
        let (r, cells) = row?;
        for (c, text) in cells.into_iter().enumerate() {
            let c = u32::try_from(c).unwrap_or(u32::MAX);
            col.push(r, c, super::normalize_cell_text(&text))?;
        }
    }
    let (sheet, bbox) = (col.sheet, col.bbox);
    let mut out = Blocks {
        blocks: Vec::new(),
        format,
        encoding: "UTF-8".into(),
        page: None,
        diagnostics: Vec::new(),
        letter: false,
    };
    sheet_blocks(sheet, bbox, false, &mut out)?;
    Ok(out)
}

/// An OLE compound file (an XLS workbook) as far as the checks before the workbook library
/// need it: its sector size and its file allocation table (FAT), in which each sector names the
/// next of its stream's chain. Read once; `None` when the header or the FAT cannot be read (the
/// library then reports what is wrong).
struct Compound<'a> {
    bytes: &'a [u8],
    size: usize,
    fat: Vec<u32>,
}

/// Sector ids above this mark the end of a chain, a free sector or a FAT sector.
const LAST_SECTOR_ID: u32 = 0xFFFF_FFFA;

fn words(data: &[u8]) -> impl Iterator<Item = u32> + '_ {
    data.chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

impl<'a> Compound<'a> {
    fn open(bytes: &'a [u8]) -> Option<Self> {
        let shift = bytes
            .get(0x1E..0x20)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))?;
        if !(7..=16).contains(&shift) {
            return None;
        }
        let mut file = Compound {
            bytes,
            size: 1 << shift,
            fat: Vec::new(),
        };
        // The FAT's sectors: 109 listed in the header, the rest in a chain of DIFAT sectors
        // (whose last word names the next), bounded as the library bounds it.
        let mut fat_sectors: Vec<u32> =
            (0..109).filter_map(|k| file.u32_at(0x4C + 4 * k)).collect();
        let mut next = file.u32_at(0x44)?;
        let mut steps = 0;
        while next < LAST_SECTOR_ID {
            steps += 1;
            if steps > bytes.len() / file.size + 1 {
                return None;
            }
            let mut listed: Vec<u32> = words(file.sector(next)?).collect();
            next = listed.pop()?;
            fat_sectors.extend(listed);
        }
        file.fat = fat_sectors
            .into_iter()
            .filter(|&id| id < LAST_SECTOR_ID)
            .filter_map(|id| file.sector(id))
            .flat_map(words)
            .collect();
        Some(file)
    }

    fn u32_at(&self, at: usize) -> Option<u32> {
        self.bytes
            .get(at..at.checked_add(4)?)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn sector(&self, id: u32) -> Option<&'a [u8]> {
        let start = (id as usize).checked_add(1)?.checked_mul(self.size)?;
        self.bytes.get(start..start.checked_add(self.size)?)
    }

    /// Whether the chain from `start` ends (or leaves the FAT, which the library reports)
    /// within as many steps as the FAT has entries: a chain that does not loops.
    fn ends(&self, start: u32) -> bool {
        let mut id = start;
        for _ in 0..=self.fat.len() {
            match self.fat.get(id as usize) {
                Some(&n) if id < LAST_SECTOR_ID => id = n,
                _ => return true,
            }
        }
        false
    }

    /// The bytes of the chain from `start`, at most `len` and at most as many sectors as the
    /// FAT has entries; a sector past the file's end ends it.
    fn chain(&self, start: u32, len: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let mut id = start;
        for _ in 0..=self.fat.len() {
            if id >= LAST_SECTOR_ID || out.len() >= len {
                break;
            }
            let Some(data) = self.sector(id) else { break };
            out.extend_from_slice(&data[..data.len().min(len - out.len())]);
            id = self.fat.get(id as usize).copied().unwrap_or(u32::MAX);
        }
        out
    }

    /// The directory's bytes: entries of 128 bytes, the root's first.
    fn directory(&self) -> Option<Vec<u8>> {
        Some(self.chain(self.u32_at(0x30)?, usize::MAX))
    }

    /// What is wrong when a sector chain the workbook library follows loops, or `None`. The
    /// library follows the directory's chain and each large stream's to the end mark, copying
    /// every sector, so a chain that comes back on itself (a damaged or hostile file: 26 KB
    /// took over 20 GB before it was killed) would be copied without end. Other damage (a
    /// sector past the end) is left to the library, which reports it.
    fn looping_chain(&self) -> Option<String> {
        let looping = |what: &str| {
            Some(format!(
                "the XLS file is damaged: the sector chain of its {what} loops (expected each chain \
                 of the compound file to end)"
            ))
        };
        if !self.ends(self.u32_at(0x30)?) {
            return looping("directory");
        }
        if !self.ends(self.u32_at(0x3C)?) {
            return looping("mini-stream allocation table");
        }
        // The root's chain (the mini stream) and every stream of 4096 bytes or more are read
        // along the FAT.
        let directory = self.directory()?;
        for (k, entry) in directory.chunks_exact(128).enumerate() {
            let (start, len) = entry_chain(entry);
            if (k == 0 || len >= 4096) && !self.ends(start) {
                return looping("streams");
            }
        }
        None
    }

    /// The bytes of the first stream named one of `names` (ASCII, any case), read along the
    /// FAT (or, under 4096 bytes, the mini stream) to its length; `None` when it cannot be
    /// read so.
    fn stream(&self, names: &[&str]) -> Option<Vec<u8>> {
        let directory = self.directory()?;
        let entries: Vec<&[u8]> = directory.chunks_exact(128).collect();
        let found = entries.iter().find(|e| {
            let name_len = usize::from(u16::from_le_bytes([e[0x40], e[0x41]])).min(64);
            let name: String = e[..name_len]
                .chunks_exact(2)
                .map(|b| u16::from_le_bytes([b[0], b[1]]))
                .take_while(|&u| u != 0)
                .map(|u| char::from_u32(u32::from(u)).unwrap_or('\u{fffd}'))
                .collect();
            names.iter().any(|n| n.eq_ignore_ascii_case(&name))
        })?;
        let most = self.bytes.len().saturating_mul(2);
        let (start, len) = entry_chain(found);
        let len = len.min(most);
        if len >= 4096 {
            return Some(self.chain(start, len));
        }
        // A small stream lives in the mini stream (the root entry's chain), in 64-byte sectors
        // listed by the mini FAT.
        let (root_start, root_len) = entry_chain(entries.first()?);
        let mini = self.chain(root_start, root_len.min(most));
        let mini_fat: Vec<u32> = words(&self.chain(self.u32_at(0x3C)?, usize::MAX)).collect();
        let mut out = Vec::new();
        let mut id = start;
        for _ in 0..=mini_fat.len() {
            if id >= LAST_SECTOR_ID || out.len() >= len {
                break;
            }
            let at = (id as usize).checked_mul(64)?;
            let data = mini.get(at..at.checked_add(64)?)?;
            out.extend_from_slice(&data[..64.min(len - out.len())]);
            id = mini_fat.get(id as usize).copied().unwrap_or(u32::MAX);
        }
        Some(out)
    }
}

/// A directory entry's first sector and length.
fn entry_chain(entry: &[u8]) -> (u32, usize) {
    let start = u32::from_le_bytes([entry[0x74], entry[0x75], entry[0x76], entry[0x77]]);
    let len = u32::from_le_bytes([entry[0x78], entry[0x79], entry[0x7A], entry[0x7B]]);
    (start, len as usize)
}

/// The XLS workbook's sheet (1-based, in the order listed) whose values span the largest area,
/// and that area (rows × columns from the first value to the last), read from the BIFF records
/// before the workbook library opens the file: it reads every sheet as it opens it and makes a
/// grid of each sheet's whole area, so two values far apart (a 26 KB file's cells at opposite
/// corners of 65,536 × 65,536) took tens of gigabytes. `stream` is the workbook stream;
/// `None` when it lists no sheet with a value.
fn xls_widest_sheet(stream: &[u8]) -> Option<(usize, u64)> {
    let record = |at: usize| -> Option<(u16, &[u8], usize)> {
        let head = stream.get(at..at.checked_add(4)?)?;
        let kind = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let data = stream.get(at + 4..at + 4 + len)?;
        Some((kind, data, at + 4 + len))
    };
    let u16_of = |d: &[u8], at: usize| d.get(at..at + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    // The sheets' offsets, from the BOUNDSHEET records of the workbook's globals (up to its EOF).
    let mut sheets = Vec::new();
    let mut at = 0;
    while let Some((kind, data, next)) = record(at) {
        match kind {
            0x0085 => {
                if let Some(b) = data.get(..4) {
                    sheets.push(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
                }
            }
            0x000A => break,
            _ => {}
        }
        at = next;
    }
    // Each sheet read as the library reads it, from its offset to its EOF; the bytes read in all
    // are bounded (sheets listed at one offset many times are read once each up to the bound).
    let mut budget = stream.len().saturating_mul(8).max(1 << 20);
    let mut widest: Option<(usize, u64)> = None;
    for (k, &start) in sheets.iter().enumerate() {
        let (mut rows, mut cols) = ((u16::MAX, 0u16), (u16::MAX, 0u16));
        let mut at = start;
        while let Some((kind, data, next)) = record(at) {
            budget = budget.saturating_sub(next - at);
            if kind == 0x000A || budget == 0 {
                break;
            }
            // Records that hold a value at a row and column (number, label, boolean or error,
            // RK, shared-string label, rich label, formula) and those of a run of columns
            // (MULRK: first column after the row, last at the record's end).
            let cell = match kind {
                0x0203 | 0x0204 | 0x0205 | 0x027E | 0x00FD | 0x00D6 | 0x0006 => {
                    u16_of(data, 0).zip(u16_of(data, 2)).map(|(r, c)| (r, c, c))
                }
                0x00BD => u16_of(data, 0)
                    .zip(u16_of(data, 2))
                    .zip(data.len().checked_sub(2).and_then(|e| u16_of(data, e)))
                    .map(|((r, c), last)| (r, c, last)),
                _ => None,
            };
            if let Some((r, first, last)) = cell {
                rows = (rows.0.min(r), rows.1.max(r));
                cols = (cols.0.min(first.min(last)), cols.1.max(first.max(last)));
            }
            at = next;
        }
        if rows.0 <= rows.1 && cols.0 <= cols.1 {
            let area = (u64::from(rows.1) - u64::from(rows.0) + 1)
                * (u64::from(cols.1) - u64::from(cols.0) + 1);
            if widest.is_none_or(|(_, a)| area > a) {
                widest = Some((k + 1, area));
            }
        }
        if budget == 0 {
            break;
        }
    }
    widest
}

fn read_kind(
    kind: Kind,
    bytes: &[u8],
    limits: &Limits,
    mut ods_merges: OdsMerges,
) -> Result<Blocks> {
    let cursor = Cursor::new(bytes);
    let mut out = Blocks {
        format: match kind {
            Kind::Xlsx => SourceFormat::Xlsx,
            Kind::Xlsb => SourceFormat::Xlsb,
            Kind::Xls => SourceFormat::Xls,
            Kind::Ods => SourceFormat::Ods,
        },
        encoding: if kind == Kind::Xls {
            "UTF-16LE".into()
        } else {
            "UTF-8".into()
        },
        ..Blocks::default()
    };
    let mut budget = Budget { limits, cells: 0 };
    // Whether a sheet holds a task table (the others are read as plain tables).
    let mut found = false;
    match kind {
        Kind::Xlsx => {
            let mut wb: Xlsx<_> =
                calamine::open_workbook_from_rs(cursor).map_err(|e| xlsx_open_error(bytes, e))?;
            let mut package = Package::new(bytes);
            for name in visible_sheets(&wb, &mut out) {
                let (mut sheet, bbox) =
                    stream_xlsx_cells(&mut wb, &mut package, &name, &mut budget, &mut out)?;
                // Merged regions follow the cells in the sheet's XML: read them once the cells
                // passed the limits.
                if bbox.is_some() {
                    sheet.merges = wb
                        .merge_cells_by_sheet_name(&name)
                        .map_err(|e| workbook_error(&name, e))?;
                    note_hidden(&mut package, &sheet, &mut out.diagnostics);
                }
                found |= sheet_blocks(sheet, bbox, true, &mut out)?;
            }
        }
        Kind::Xlsb => {
            let mut wb: Xlsb<_> =
                calamine::open_workbook_from_rs(cursor).map_err(|e| workbook_error(WORKBOOK, e))?;
            for name in visible_sheets(&wb, &mut out) {
                let (sheet, bbox) = stream_cells!(wb, name, budget, out);
                found |= sheet_blocks(sheet, bbox, true, &mut out)?;
            }
        }
        Kind::Xls => {
            let file = Compound::open(bytes);
            if let Some(message) = file.as_ref().and_then(Compound::looping_chain) {
                return Err(Error::Workbook {
                    location: WORKBOOK.into(),
                    message,
                });
            }
            if let Some((sheet, area)) = file
                .as_ref()
                .and_then(|f| f.stream(&["Workbook", "Book"]))
                .and_then(|stream| xls_widest_sheet(&stream))
                && area > limits.max_sheet_cells
            {
                return Err(Error::Limit {
                    what: format!(
                        "the area (rows × columns) around the values of sheet {sheet} of the XLS workbook"
                    ),
                    value: area,
                    limit: limits.max_sheet_cells,
                    flag: "--max-sheet-cells".into(),
                });
            }
            let mut wb: Xls<_> =
                calamine::open_workbook_from_rs(cursor).map_err(|e| workbook_error(WORKBOOK, e))?;
            for name in visible_sheets(&wb, &mut out) {
                let range = wb
                    .worksheet_range(&name)
                    .map_err(|e| workbook_error(&name, e))?;
                let merges = wb.merge_cells_by_sheet_name(&name).unwrap_or_default();
                let (sheet, bbox) =
                    collect_range(&name, &range, merges, &mut budget, &mut out.diagnostics)?;
                found |= sheet_blocks(sheet, bbox, true, &mut out)?;
            }
        }
        Kind::Ods => {
            let mut wb: Ods<_> =
                calamine::open_workbook_from_rs(cursor).map_err(|e| workbook_error(WORKBOOK, e))?;
            for name in visible_sheets(&wb, &mut out) {
                let range = wb
                    .worksheet_range(&name)
                    .map_err(|e| workbook_error(&name, e))?;
                let merges = ods_merges.remove(&name).unwrap_or_default();
                let (sheet, bbox) =
                    collect_range(&name, &range, merges, &mut budget, &mut out.diagnostics)?;
                found |= sheet_blocks(sheet, bbox, true, &mut out)?;
            }
        }
    }
    if !found {
        let read_as_tables = out.blocks.iter().any(|b| matches!(b, Block::Table(_)));
        out.diagnostics.push(Diagnostic::new(
            Severity::Warning,
            "no_task_table",
            format!(
                "no sheet holds a task table (a header row with 牵头/责任 units and 任务 or 序号 columns){}",
                if read_as_tables {
                    "; its tables were read as tables without tasks"
                } else {
                    ""
                }
            ),
            None,
        ));
    }
    Ok(out)
}

/// The names of the sheets a reader of the workbook sees, in order. A hidden sheet (an older
/// version kept out of sight, a lookup list) is not read: its tasks would stand beside the
/// visible ones as duplicates. Each is named in an info diagnostic.
fn visible_sheets<RS: std::io::Read + std::io::Seek, R: Reader<RS>>(
    wb: &R,
    out: &mut Blocks,
) -> Vec<String> {
    let mut names = Vec::new();
    for sheet in wb.sheets_metadata() {
        if sheet.visible == calamine::SheetVisible::Visible {
            names.push(sheet.name.clone());
        } else {
            out.diagnostics.push(Diagnostic::new(
                Severity::Info,
                "sheet_hidden",
                format!("sheet `{}` is hidden; it was not read", sheet.name),
                None,
            ));
        }
    }
    names
}

fn collect_range(
    name: &str,
    range: &Range<Data>,
    merges: Vec<Dimensions>,
    budget: &mut Budget<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<(SheetCells, Option<BBox>)> {
    let mut col = Collector::new(name, budget);
    col.sheet.merges = merges;
    let (r0, c0) = range.start().unwrap_or((0, 0));
    for (r, c, v) in range.used_cells() {
        let (r, c) = (r0.saturating_add(r as u32), c0.saturating_add(c as u32));
        let text = render(v, diagnostics, name, r, c);
        col.push(r, c, text)?;
    }
    Ok((col.sheet, col.bbox))
}

/// `Sheet!B7` for a 0-based position.
pub fn cell_ref(sheet: &str, row: u32, col: u32) -> String {
    format!("{sheet}!{}{}", column_name(col), u64::from(row) + 1)
}

/// `A`, `B`, …, `AA`, … for a 0-based column.
pub fn column_name(col: u32) -> String {
    let mut n = u64::from(col) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// Renders a number as a sheet shows it in General format: integers without `.0`.
pub fn render_number(f: f64) -> String {
    if !f.is_finite() {
        return String::new();
    }
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return format!("{}", f as i64);
    }
    // Ten decimals at most, without binary noise like 0.30000000000000004 (a sheet shows 0.3).
    let short = format!("{:.10}", f);
    let short = short.trim_end_matches('0').trim_end_matches('.');
    match short.parse::<f64>() {
        Ok(g) if (g - f).abs() <= f.abs() * 1e-12 => short.to_string(),
        _ => format!("{f}"),
    }
}

/// The serial numbers a date format shows as a date: Excel shows `#######` for any other
/// (below 0, or past 9999-12-31, serial 2958465).
const DATE_SERIALS: std::ops::Range<f64> = 0.0..2_958_466.0;

fn render_date(
    d: &ExcelDateTime,
    diagnostics: &mut Vec<Diagnostic>,
    sheet: &str,
    row: u32,
    col: u32,
) -> String {
    if d.is_duration() {
        return render_number(d.as_f64());
    }
    let f = d.as_f64();
    if !DATE_SERIALS.contains(&f) {
        // Out of the calendar a sheet has: no date is invented (the library clamps to
        // 1899-12-31 or 9999-12-31); the number is kept as General format shows it (past
        // eleven figures in scientific notation, `1E+308`, not 309 figures).
        let number = if f.is_finite() && f.abs() >= 1e11 {
            format!("{f:E}").replacen("E", "E+", 1).replace("E+-", "E-")
        } else {
            render_number(f)
        };
        let mut w = Diagnostic::new(
            Severity::Warning,
            "workbook_date_out_of_range",
            format!(
                "the cell has a date format but holds {}, which is no date Excel can show (it shows #######); kept as the number",
                if number.is_empty() {
                    "no finite number"
                } else {
                    &number
                }
            ),
            Some(row as usize + 1),
        );
        w.cell = Some(cell_ref(sheet, row, col));
        diagnostics.push(w);
        return number;
    }
    let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
    if h == 0 && min == 0 && s == 0 {
        format!("{y:04}-{m:02}-{day:02}")
    } else {
        format!("{y:04}-{m:02}-{day:02} {h:02}:{min:02}:{s:02}")
    }
}

fn error_cell(
    e: impl std::fmt::Display,
    diagnostics: &mut Vec<Diagnostic>,
    sheet: &str,
    row: u32,
    col: u32,
) -> String {
    let cell = cell_ref(sheet, row, col);
    diagnostics.push(Diagnostic::new(
        Severity::Warning,
        "workbook_error_value",
        format!(
            "the cell holds the error value {e} (a formula that failed when the sheet was saved); read as empty"
        ),
        Some(row as usize + 1),
    ).at_cell(cell));
    String::new()
}

fn render_ref(
    v: &DataRef<'_>,
    diagnostics: &mut Vec<Diagnostic>,
    sheet: &str,
    row: u32,
    col: u32,
) -> String {
    match v {
        DataRef::Empty => String::new(),
        DataRef::String(s) => super::normalize_cell_text(s),
        DataRef::SharedString(s) => super::normalize_cell_text(s),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => render_number(*f),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        DataRef::DateTime(d) => render_date(d, diagnostics, sheet, row, col),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => normalize_block(s),
        DataRef::Error(e) => error_cell(e, diagnostics, sheet, row, col),
    }
}

fn render(v: &Data, diagnostics: &mut Vec<Diagnostic>, sheet: &str, row: u32, col: u32) -> String {
    match v {
        Data::Empty => String::new(),
        Data::String(s) => super::normalize_cell_text(s),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => render_number(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) => render_date(d, diagnostics, sheet, row, col),
        Data::DateTimeIso(s) | Data::DurationIso(s) => normalize_block(s),
        Data::Error(e) => error_cell(e, diagnostics, sheet, row, col),
    }
}

/// A sheet laid out as a dense grid over the bounding box of its non-empty cells.
struct Grid {
    bbox: BBox,
    /// Cell text with merged regions expanded.
    rows: Vec<Vec<String>>,
    /// For each grid row, the grid columns that hold a value of their own (not a merge copy).
    own: Vec<Vec<usize>>,
}

impl Grid {
    /// Lays `cells`, taken out of `sheet`, out over `bbox`, each text moved into its slot (a
    /// sheet of a million cells held twice cost as much memory again).
    fn build(
        sheet: &SheetCells,
        cells: Vec<(u32, u32, String)>,
        bbox: BBox,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Grid {
        let (h, w) = (bbox.height(), bbox.width());
        let mut rows = vec![vec![String::new(); w]; h];
        let mut own = vec![Vec::new(); h];
        for (r, c, text) in cells {
            let (gr, gc) = ((r - bbox.r0) as usize, (c - bbox.c0) as usize);
            if let Some(slot) = rows.get_mut(gr).and_then(|row| row.get_mut(gc)) {
                *slot = text;
                if let Some(o) = own.get_mut(gr) {
                    o.push(gc);
                }
            }
        }
        for o in &mut own {
            o.sort_unstable();
            o.dedup();
        }
        // Merged regions: the anchor's value stands in every covered slot. Valid regions do not
        // overlap, so filling never costs more than the grid's area; stop if it would.
        let mut budget = bbox.area();
        // The regions written corner to corner the other way: the first, and how many.
        let mut reversed: Option<&Dimensions> = None;
        let mut reversed_count = 0usize;
        for m in &sheet.merges {
            // A region written corner to corner the other way (`C3:C2`) is the same region, its
            // anchor its top-left cell, as Excel reads it.
            let (sr, sc) = (m.start.0.min(m.end.0), m.start.1.min(m.end.1));
            let end = (m.start.0.max(m.end.0), m.start.1.max(m.end.1));
            if (sr, sc) != m.start {
                reversed.get_or_insert(m);
                reversed_count += 1;
            }
            if sr < bbox.r0 || sr > bbox.r1 || sc < bbox.c0 || sc > bbox.c1 {
                continue;
            }
            let (ar, ac) = ((sr - bbox.r0) as usize, (sc - bbox.c0) as usize);
            let value = rows
                .get(ar)
                .and_then(|r| r.get(ac))
                .cloned()
                .unwrap_or_default();
            if value.is_empty() {
                continue;
            }
            let er = end.0.min(bbox.r1).max(sr);
            let ec = end.1.min(bbox.c1).max(sc);
            let area = (u64::from(er - sr) + 1) * (u64::from(ec - sc) + 1);
            if area > budget {
                let cell = cell_ref(&sheet.name, sr, sc);
                diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    "workbook_merges_overlap",
                    format!(
                        "sheet `{}` declares overlapping merged regions; merges from {cell} on were not expanded",
                        sheet.name
                    ),
                    Some(sr as usize + 1),
                ).at_cell(cell));
                break;
            }
            budget -= area;
            // A cell under the region that holds a value of its own (a region drawn past the
            // table's end over the rows below, `C2:C100`) keeps it: Excel shows only the
            // anchor's, but the value is in the file and is the row's own. The first is named.
            let mut covered: Option<(u32, u32)> = None;
            let mut count = 0usize;
            for r in sr..=er {
                let gr = (r - bbox.r0) as usize;
                for c in sc..=ec {
                    let gc = (c - bbox.c0) as usize;
                    let Some(slot) = rows.get_mut(gr).and_then(|row| row.get_mut(gc)) else {
                        continue;
                    };
                    if (r, c) != (sr, sc)
                        && !slot.is_empty()
                        && *slot != value
                        && own.get(gr).is_some_and(|o| o.binary_search(&gc).is_ok())
                    {
                        covered.get_or_insert((r, c));
                        count += 1;
                        continue;
                    }
                    slot.clone_from(&value);
                }
            }
            if let Some((r, c)) = covered {
                let cell = cell_ref(&sheet.name, r, c);
                let at = format!("{}{}", column_name(c), u64::from(r) + 1);
                let region = format!(
                    "{}{}:{}{}",
                    column_name(sc),
                    u64::from(sr) + 1,
                    column_name(end.1),
                    u64::from(end.0) + 1
                );
                let more = if count > 1 {
                    format!(" (and {} more cells)", count - 1)
                } else {
                    String::new()
                };
                diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    "workbook_merge_covers_value",
                    format!(
                        "sheet `{}`: the merged range {region} covers {at}{more}, which holds a value of its own; the value was kept (Excel shows only the range's first cell)",
                        sheet.name
                    ),
                    Some(r as usize + 1),
                ).at_cell(cell));
            }
        }
        if let Some(m) = reversed {
            let (sr, sc) = (m.start.0.min(m.end.0), m.start.1.min(m.end.1));
            let (er, ec) = (m.start.0.max(m.end.0), m.start.1.max(m.end.1));
            let a1 = |(r, c): (u32, u32)| format!("{}{}", column_name(c), u64::from(r) + 1);
            let more = if reversed_count > 1 {
                format!(" (and {} more ranges)", reversed_count - 1)
            } else {
                String::new()
            };
            diagnostics.push(
                Diagnostic::new(
                    Severity::Info,
                    "workbook_merge_reversed",
                    format!(
                        "sheet `{}`: the merged range {}:{}{more} is written from its last cell to its first; read as {}:{}, as Excel reads it",
                        sheet.name,
                        a1(m.start),
                        a1(m.end),
                        a1((sr, sc)),
                        a1((er, ec)),
                    ),
                    Some(sr as usize + 1),
                )
                .at_cell(cell_ref(&sheet.name, sr, sc)),
            );
        }
        Grid { bbox, rows, own }
    }

    fn line(&self, gr: usize) -> usize {
        self.bbox.r0 as usize + gr + 1
    }
}

/// True when the row's cells hold at most one distinct text (a title or a merged group row).
fn single_text(row: &[String]) -> bool {
    let mut first: Option<&String> = None;
    for c in row.iter().filter(|c| !c.is_empty()) {
        match first {
            None => first = Some(c),
            Some(f) if f != c => return false,
            Some(_) => {}
        }
    }
    true
}

/// The rows of a sheet that holds a notice as text, one line a row (`某某市人民政府关于……的通知`,
/// `某府发〔2024〕3号`, its paragraphs), each with its text: a sheet of three rows or more, nearly
/// all of one text across the row, among which a title (`关于……` ending in a document's kind)
/// or a 发文字号. `None` for any other sheet (a lookup list, a sheet of figures).
fn notice_rows(grid: &Grid, rows: &[usize]) -> Option<Vec<(usize, String)>> {
    if rows.len() < 3 {
        return None;
    }
    let single = rows
        .iter()
        .filter(|&&r| grid.rows.get(r).is_some_and(|row| single_text(row)))
        .count();
    if single * 10 < rows.len() * 9 {
        return None;
    }
    let texts: Vec<(usize, String)> = rows
        .iter()
        .filter_map(|&r| grid.rows.get(r).map(|row| (r, row_text(row))))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    const KINDS: [&str; 10] = [
        "通知", "意见", "方案", "决定", "通报", "批复", "办法", "规定", "公告", "函",
    ];
    let heads = |t: &str| {
        (t.chars().count() <= 120 && t.contains("关于") && KINDS.iter().any(|k| t.ends_with(k)))
            || is_doc_number_line(t)
    };
    texts.iter().any(|(_, t)| heads(t)).then_some(texts)
}

/// A line that is a 发文字号 alone: an agency, a year in brackets (`〔2024〕`), a serial and `号`.
fn is_doc_number_line(t: &str) -> bool {
    let Some(rest) = t.strip_suffix('号') else {
        return false;
    };
    let Some(open) = rest.find(['〔', '[', '［', '【']) else {
        return false;
    };
    let after = &rest[open..];
    let mut chars = after.chars().skip(1);
    let year: String = chars.by_ref().take(4).collect();
    year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && matches!(chars.next(), Some('〕' | ']' | '］' | '】'))
        && {
            let serial: String = chars.collect();
            let serial = serial.trim_start_matches('第');
            !serial.is_empty() && serial.bytes().all(|b| b.is_ascii_digit())
        }
        && open > 0
        && rest.chars().count() <= 30
}

/// If a task table's header starts at `rows[i]`, how many header rows it has.
fn header_at(grid: &Grid, rows: &[usize], i: usize) -> Option<usize> {
    let first = grid.rows.get(*rows.get(i)?)?;
    // Header cells are short words, never a task number: data rows are passed over cheaply.
    if single_text(first)
        || first
            .iter()
            .any(|c| c.chars().count() > 20 || tasks::parse_seq(c).is_some())
    {
        return None;
    }
    // The first row must name the columns by itself; a title above a header is not a header row.
    tasks::column_roles(first)?;
    // A header is at most three rows and ends at a title or group row (one text across the row).
    let window: Vec<Vec<String>> = rows
        .iter()
        .skip(i)
        .filter_map(|&r| grid.rows.get(r))
        .take_while(|row| !single_text(row))
        .take(3)
        .cloned()
        .collect();
    let n = tasks::header_rows(&window);
    if n == 0 {
        return None;
    }
    let probe = Table {
        header_rows: n,
        rows: window.into_iter().take(n).collect(),
        ..Table::default()
    };
    let names = tasks::column_names(&probe);
    let roles = tasks::column_roles(&names)?;
    // A summary of the tasks (`牵头单位 | 任务数`, a sheet counting each unit's tasks) names a
    // count where a task table names its tasks: its rows are figures, not tasks.
    let mut task_cols = roles
        .iter()
        .zip(&names)
        .filter(|(r, _)| **r == tasks::ColumnRole::Task)
        .map(|(_, name)| name)
        .peekable();
    if task_cols.peek().is_some() && task_cols.all(|name| is_count_name(name)) {
        return None;
    }
    Some(n)
}

/// A column header that names a count (`任务数`, `任务数量`, `任务个数（项）`), not the tasks.
fn is_count_name(name: &str) -> bool {
    let t = name
        .trim_end_matches(['）', ')'])
        .trim_end_matches(['项', '个', '条', '件'])
        .trim_end_matches(['（', '('])
        .trim_ws();
    t.ends_with('数') || t.ends_with("数量") || t.ends_with("总计") || t.ends_with("合计")
}

/// Text of a title row: its distinct non-empty cells joined by a space.
fn row_text(row: &[String]) -> String {
    let mut parts: Vec<&str> = Vec::new();
    // Told apart by a set: searching the parts for each cell costs a row of n cells n².
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    for c in row.iter().filter(|c| !c.is_empty()) {
        if seen.insert(c.as_str()) {
            parts.push(c);
        }
    }
    normalize_block(&parts.join(" "))
}

/// Where the rows before the next table's header at `rows[next]` stop being the table's that
/// ends there (its body starts at `rows[body]`) and become the next table's titles: the title
/// rows (one text across the row) that close the run before that header, from the first set
/// apart by a blank sheet row or that is an attachment label (`附件2`, `重点项目清单` after a
/// gap). A title row right under the table, with no gap, stays its row (a note, `注：……`).
fn next_titles(grid: &Grid, rows: &[usize], body: usize, next: usize) -> usize {
    let text = |i: usize| rows.get(i).and_then(|&r| grid.rows.get(r));
    let mut k = next;
    while k > body && text(k - 1).is_some_and(|row| single_text(row)) {
        k -= 1;
    }
    (k..next)
        .find(|&i| {
            let gap = i > 0
                && rows
                    .get(i)
                    .zip(rows.get(i - 1))
                    .is_some_and(|(a, b)| a - b > 1);
            gap || text(i).is_some_and(|row| crate::structure::is_attachment_label(&row_text(row)))
        })
        .unwrap_or(next)
}

/// The caption among the title rows above a table: the first that is not an attachment label
/// (`附件1`) or a parenthesized subtitle (`（2024年版）`), else the last. A title row that prints
/// the label and the title in one cell (`附件2：某某任务清单`) gives the title alone, as the
/// structure builder parts the attachment's label (`附件2`) from its title: the label is the
/// part's, not the table's.
fn caption_of(titles: &[String]) -> Option<String> {
    let t = titles
        .iter()
        .find(|t| !crate::structure::is_attachment_label(t) && !t.starts_with(['（', '(']))
        .or(titles.last())?;
    let caption =
        crate::structure::numbered_attachment_head(t).map_or(t.as_str(), |(_, title)| title);
    Some(caption.to_string())
}

/// Finds the task tables of one sheet and appends their title paragraphs and grids to `out`;
/// each table names the sheet it was read from when `named` (a workbook's sheet, not a CSV file).
/// A sheet without a task table is the notice's metadata or text when it reads as such, and
/// otherwise, when it lays out a table, that table as a grid without tasks. Whether the sheet
/// held a task table.
fn sheet_blocks(
    mut sheet: SheetCells,
    bbox: Option<BBox>,
    named: bool,
    out: &mut Blocks,
) -> Result<bool> {
    let cells = std::mem::take(&mut sheet.cells);
    let ignored = |out: &mut Blocks, why: &str| {
        out.diagnostics.push(Diagnostic::new(
            Severity::Info,
            "sheet_ignored",
            format!("sheet `{}` {why}; ignored", sheet.name),
            None,
        ));
    };
    let Some(bbox) = bbox else {
        ignored(out, "is empty");
        return Ok(false);
    };
    let grid = Grid::build(&sheet, cells, bbox, &mut out.diagnostics);
    // Rows that show anything at all, in order.
    let rows: Vec<usize> = (0..grid.rows.len())
        .filter(|&r| {
            grid.rows
                .get(r)
                .is_some_and(|row| row.iter().any(|c| !c.is_empty()))
        })
        .collect();
    let starts: Vec<(usize, usize)> = (0..rows.len())
        .filter_map(|i| header_at(&grid, &rows, i).map(|n| (i, n)))
        .collect();
    // Keep only header rows that are not inside the previous table's header.
    let mut tables: Vec<(usize, usize)> = Vec::new();
    for (i, n) in starts {
        if tables.last().is_none_or(|&(j, m)| i >= j + m) {
            tables.push((i, n));
        }
    }
    if tables.is_empty() {
        // An info sheet (`标题 | …`, `发文字号 | …`) gives the document's metadata, as a page's
        // 信息公开 table does: what the notice lacks is filled from it.
        if out.page.is_none() {
            let shown: Vec<&[String]> = rows
                .iter()
                .filter_map(|&r| grid.rows.get(r).map(Vec::as_slice))
                .collect();
            if let Some(meta) = crate::read::html::sheet_meta(&shown) {
                out.page = Some(meta);
                return Ok(false);
            }
        }
        // A sheet that holds the notice itself (its title, number, addressees and text, a line
        // a row, as a workbook that carries its notice before its task sheet does) is read as
        // the text it is, a row a paragraph.
        if let Some(texts) = notice_rows(&grid, &rows) {
            out.letter = true;
            for (r, text) in texts {
                out.blocks.push(Block::Para(Para {
                    text,
                    line: grid.line(r),
                }));
            }
            return Ok(false);
        }
        // gongwen's own views of the tasks and the outline (the 按单位 and 结构 sheets it
        // writes) are derived from the 任务分工 sheet and the text: read again, they would be
        // tables of their own beside the tasks they repeat.
        if let Some(first) = rows.first().and_then(|&r| grid.rows.get(r))
            && derived_view(first)
        {
            ignored(
                out,
                "is gongwen's own view of the tasks or the outline, derived from the other sheets",
            );
            return Ok(false);
        }
        // Any other sheet that lays out a table (a contact list, a 名单, a 资金分配表) is read as
        // one: its title rows as paragraphs, then a grid under a one-row header, without tasks.
        let Some(start) = (0..rows.len()).find(|&i| {
            grid.rows
                .get(rows.get(i).copied().unwrap_or(usize::MAX))
                .is_some_and(|row| !single_text(row))
        }) else {
            ignored(
                out,
                "holds no table (no row of two cells or more) and no notice text",
            );
            return Ok(false);
        };
        let titles = title_paragraphs(&grid, rows.get(..start).unwrap_or_default(), out);
        let table_rows = rows.get(start..).unwrap_or_default();
        push_table(
            &grid,
            &sheet,
            bbox,
            table_rows,
            1,
            caption_of(&titles),
            named,
            out,
        );
        return Ok(false);
    }
    let mut prev_end = 0usize;
    for (t, &(start, header_rows)) in tables.iter().enumerate() {
        let end = tables.get(t + 1).map_or(rows.len(), |&(next, _)| {
            next_titles(&grid, &rows, start + header_rows, next)
        });
        // Title rows between the previous table and this header.
        let titles = title_paragraphs(&grid, rows.get(prev_end..start).unwrap_or_default(), out);
        let caption = caption_of(&titles);
        // A row that only says the table goes on (`续表` merged across the sheet, where a printed
        // page broke) is no row of it: as a group row, it gave every task after it the group 续表.
        let table_rows: Vec<usize> = rows
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .filter(|&(i, &r)| {
                i == 0
                    || !grid
                        .rows
                        .get(r)
                        .is_some_and(|row| super::is_continuation_row(row))
            })
            .map(|(_, &r)| r)
            .collect();
        push_table(
            &grid,
            &sheet,
            bbox,
            &table_rows,
            header_rows,
            caption,
            named,
            out,
        );
        prev_end = end;
    }
    Ok(true)
}

/// The title rows `rows` (one text across the row, before a table) as paragraphs in `out`; their
/// texts.
fn title_paragraphs(grid: &Grid, rows: &[usize], out: &mut Blocks) -> Vec<String> {
    let mut titles: Vec<String> = Vec::new();
    for &r in rows {
        let text = grid
            .rows
            .get(r)
            .map(|row| row_text(row))
            .unwrap_or_default();
        if !text.is_empty() {
            titles.push(text.clone());
            out.blocks.push(Block::Para(Para {
                text,
                line: grid.line(r),
            }));
        }
    }
    titles
}

/// The header rows gongwen writes over its derived sheets: 按单位 (a row per unit and task)
/// and 结构 (a row per section of the outline).
pub const BY_UNIT_HEADER: [&str; 5] = ["单位", "角色", "序号", "分组", "任务"];
/// See [`BY_UNIT_HEADER`].
pub const OUTLINE_HEADER: [&str; 5] = ["部分", "层级", "编号", "标题", "行"];

/// A sheet's first row is the header of one of gongwen's derived sheets.
fn derived_view(row: &[String]) -> bool {
    let cells: Vec<&str> = row
        .iter()
        .map(String::as_str)
        .filter(|c| !c.is_empty())
        .collect();
    cells == BY_UNIT_HEADER || cells == OUTLINE_HEADER
}

/// Appends the grid of `table_rows` (sheet rows, header first) to `out`: the columns that hold a
/// value of their own somewhere in it, and the slots a merge fills below its top.
#[allow(clippy::too_many_arguments)]
fn push_table(
    grid: &Grid,
    sheet: &SheetCells,
    bbox: BBox,
    table_rows: &[usize],
    header_rows: usize,
    caption: Option<String>,
    named: bool,
    out: &mut Blocks,
) {
    // Columns that hold a value of their own somewhere in the table.
    let mut keep = vec![false; bbox.width()];
    for &r in table_rows {
        for &c in grid.own.get(r).map(Vec::as_slice).unwrap_or_default() {
            if let Some(k) = keep.get_mut(c) {
                *k = true;
            }
        }
    }
    let cols: Vec<usize> = (0..keep.len())
        .filter(|&c| keep.get(c).copied().unwrap_or(false))
        .collect();
    let grid_rows: Vec<Vec<String>> = table_rows
        .iter()
        .filter_map(|&r| grid.rows.get(r))
        .map(|row| {
            cols.iter()
                .map(|&c| row.get(c).cloned().unwrap_or_default())
                .collect()
        })
        .collect();
    let row_lines: Vec<usize> = table_rows.iter().map(|&r| grid.line(r)).collect();
    // Slots holding a merge's copy rather than a value of their own, below the merge's top.
    let merged_down: Vec<(usize, usize)> = table_rows
        .iter()
        .enumerate()
        .skip(1)
        .flat_map(|(i, &r)| {
            let own = grid.own.get(r).map(Vec::as_slice).unwrap_or_default();
            let row = grid.rows.get(r);
            cols.iter()
                .enumerate()
                .filter(move |&(_, c)| {
                    // `own` is sorted (see `Grid::build`): a lookup, not a scan of the
                    // row, or a row of n columns costs n² (64,000 CSV columns: 0.43 s).
                    own.binary_search(c).is_err()
                        && row.and_then(|x| x.get(*c)).is_some_and(|t| !t.is_empty())
                })
                .map(move |(j, _)| (i, j))
        })
        .collect();
    out.blocks.push(Block::Table(Box::new(Table {
        caption,
        header_rows,
        line: row_lines.first().copied().unwrap_or(0),
        rows: grid_rows,
        row_lines,
        sheet: named.then(|| sheet.name.clone()),
        merged_down,
        order: crate::model::BlockOrder(0),
        preamble_at: crate::model::PreambleAt(None),
    })));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_render_as_a_sheet_shows_them() {
        assert_eq!(render_number(3.0), "3");
        assert_eq!(render_number(-12.0), "-12");
        assert_eq!(render_number(0.1 + 0.2), "0.3");
        assert_eq!(render_number(2.5), "2.5");
        assert_eq!(render_number(f64::NAN), "");
        assert_eq!(render_number(1e20), "100000000000000000000");
    }

    #[test]
    fn numbers_render_as_their_number_format_shows_them() {
        let show = |code: &str, f: f64| Shown::of(code).render(f);
        assert_eq!(show("0%", 0.15), "15%");
        assert_eq!(show("0.00%", 0.1234), "12.34%");
        assert_eq!(show("0.0%", 1.0), "100.0%");
        assert_eq!(show("#,##0.00", 1234567.5), "1,234,567.50");
        assert_eq!(show("#,##0", -1234.4), "-1,234");
        assert_eq!(show("0.0#", 2.5), "2.5");
        assert_eq!(show("0.0#", 2.567), "2.57");
        assert_eq!(show("0", -0.2), "0");
        assert_eq!(show("000", 7.0), "007");
        assert_eq!(show("#,##0", 0.0), "0");
        assert_eq!(show("General", 0.15), "0.15");
        assert_eq!(show("@", 3.0), "3");
        assert_eq!(show("\"¥\"#,##0.00", 5.0), "5");
        assert_eq!(show("0.00E+00", 5.0), "5");
        assert_eq!(show("0%", f64::NAN), "");
    }

    #[test]
    fn cell_references_use_excel_letters() {
        assert_eq!(cell_ref("任务分工", 6, 1), "任务分工!B7");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(16383), "XFD");
    }

    #[test]
    fn bytes_that_are_not_a_workbook_are_an_error() {
        let e = read_workbook(b"hello", &Limits::default()).unwrap_err();
        assert!(matches!(e, Error::Workbook { .. }), "{e:?}");
        let e = read_workbook(b"PK\x03\x04garbage", &Limits::default()).unwrap_err();
        assert!(matches!(e, Error::Workbook { .. }), "{e:?}");
    }

    type Span = ((u32, u32), (u32, u32));

    fn sheet(cells: &[(u32, u32, &str)], merges: &[Span]) -> (SheetCells, Option<BBox>) {
        let mut bbox: Option<BBox> = None;
        for &(r, c, _) in cells {
            bbox = Some(match bbox {
                None => BBox {
                    r0: r,
                    c0: c,
                    r1: r,
                    c1: c,
                },
                Some(b) => BBox {
                    r0: b.r0.min(r),
                    c0: b.c0.min(c),
                    r1: b.r1.max(r),
                    c1: b.c1.max(c),
                },
            });
        }
        let s = SheetCells {
            name: "表".into(),
            cells: cells
                .iter()
                .map(|&(r, c, t)| (r, c, t.to_string()))
                .collect(),
            merges: merges.iter().map(|&(s, e)| Dimensions::new(s, e)).collect(),
        };
        (s, bbox)
    }

    #[test]
    fn titles_become_paragraphs_and_merges_fill_their_slots() {
        let (s, b) = sheet(
            &[
                (0, 0, "某某任务分工表"),
                (2, 0, "序号"),
                (2, 1, "任务"),
                (2, 2, "牵头单位"),
                (3, 0, "一、分组"),
                (4, 0, "1"),
                (4, 1, "做事"),
                (4, 2, "市财政局"),
                (9, 5, "x"),
            ],
            &[((0, 0), (0, 3)), ((3, 0), (3, 2))],
        );
        let mut out = Blocks::default();
        sheet_blocks(s, b, true, &mut out).unwrap();
        assert!(
            matches!(&out.blocks[0], Block::Para(p) if p.text == "某某任务分工表" && p.line == 1)
        );
        let Block::Table(t) = &out.blocks[1] else {
            panic!("{:?}", out.blocks)
        };
        assert_eq!(t.header_rows, 1);
        assert_eq!(t.line, 3);
        assert_eq!(t.row_lines, vec![3, 4, 5, 10]);
        assert_eq!(t.rows[1], vec!["一、分组", "一、分组", "一、分组", ""]);
        assert_eq!(t.caption.as_deref(), Some("某某任务分工表"));
        // Column D (empty everywhere) is dropped; F holds a stray value and stays.
        assert_eq!(t.rows[0].len(), 4);
    }

    #[test]
    fn the_titles_of_the_next_table_on_a_sheet_are_its_own() {
        let header = |r: u32| [(r, 0, "序号"), (r, 1, "任务"), (r, 2, "牵头单位")];
        let task = |r: u32| [(r, 0, "1"), (r, 1, "做事"), (r, 2, "市财政局")];
        let mut cells = vec![(0, 0, "附件1"), (1, 0, "甲清单")];
        cells.extend(header(2));
        cells.extend(task(3));
        // A note right under the first table stays its row; after a blank row, a label and a
        // title are the second table's; so is a label with no blank row before it.
        cells.push((4, 0, "注：每季度报送。"));
        cells.extend([(6, 0, "附件2"), (7, 0, "乙清单")]);
        cells.extend(header(8));
        cells.extend(task(9));
        cells.extend([(10, 0, "附件3"), (11, 0, "丙清单")]);
        cells.extend(header(12));
        cells.extend(task(13));
        let (s, b) = sheet(&cells, &[]);
        let mut out = Blocks::default();
        sheet_blocks(s, b, true, &mut out).unwrap();
        let shown: Vec<String> = out
            .blocks
            .iter()
            .map(|b| match b {
                Block::Para(p) => p.text.clone(),
                Block::Table(t) => format!("{:?} {}", t.caption, t.rows.len()),
            })
            .collect();
        assert_eq!(
            shown,
            [
                "附件1",
                "甲清单",
                "Some(\"甲清单\") 3",
                "附件2",
                "乙清单",
                "Some(\"乙清单\") 2",
                "附件3",
                "丙清单",
                "Some(\"丙清单\") 2",
            ]
        );
    }
}
