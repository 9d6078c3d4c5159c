//! XLSX writer: the workbook a government office hands out and prints.
//!
//! Four sheets, each laid out for filtering on screen and for printing on landscape A4:
//!
//! - `任务分工`: one row per task — `序号`, one column per group level (`一级分组`, `二级分组`, …),
//!   `任务`, `牵头单位`, `配合单位`, then every `extra` column in first-seen order;
//! - `按单位`: one row per (unit, task) pair — `单位`, `角色` (牵头/配合), `序号`, `分组` (the
//!   task's groups, outermost first, joined with `／`), `任务` — sorted by unit, so each office
//!   can filter its own duties;
//! - `文档信息`: the notice's elements (标题, 发文机关, 发文字号, …) as label/value rows;
//! - `结构`: the outline, one row per section, depth-first.
//!
//! Every text cell is written as a string, never a formula, so text that starts with `=`, `+`,
//! `-` or `@` stays text. A cell longer than Excel's limit of 32,767 characters is cut to the
//! limit and reported in [`Output::warnings`] with its sheet and cell, so the file always opens.
//!
//! A sheet of more than [`STREAM_ABOVE_CELLS`] cells is written in rust_xlsxwriter's "low memory"
//! mode: each row goes to a temporary file as soon as the next one starts, instead of every cell
//! staying in memory until the workbook is saved (about 300 bytes a cell, 1.3 GB for 200,000
//! tasks). Strings still go to the shared string table, so the file is the one the in-memory mode
//! writes: same cells, widths, filters, frozen header and print setup (only the rows' optional
//! `spans` hints are left out, and when some sheets stream and others do not, the shared strings
//! are numbered in another order). Rows are written top to bottom; column widths are measured
//! while writing and set at the end, which both modes allow (the `<cols>` element is assembled
//! when the workbook is saved). Small sheets stay in memory, so the common case creates no
//! temporary file. When one cannot be created (an unwritable temporary folder) the sheet is
//! written in memory as before; when one cannot be written (a full disk: rust_xlsxwriter panics)
//! the whole workbook is written again in memory. Both add an `xlsx_in_memory` warning.
//!
//! The `任务分工` sheet reads back through [`gongwen_parse::read::workbook`] to the same tasks:
//! its headers carry the words the task-table mapper looks for (序号, 分组, 任务, 牵头, 配合).

use crate::{EmitError, Output};
use gongwen_parse::{
    Diagnostic, Document, PartKind, Section, Severity, SourceFormat, Task, TaskOrigin,
};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use std::borrow::Cow;

/// Excel's limit on the characters of one cell (counted in UTF-16 code units).
pub const MAX_CELL_CHARS: usize = 32_767;

/// Name of the task sheet.
pub const SHEET_TASKS: &str = "任务分工";
/// Name of the (unit, task) sheet.
pub const SHEET_BY_UNIT: &str = "按单位";
/// Name of the notice-elements sheet.
pub const SHEET_INFO: &str = "文档信息";
/// Name of the outline sheet.
pub const SHEET_OUTLINE: &str = "结构";

/// Between the levels of a task's group path in the `分组` column of `按单位`
/// (`一、推动服务业…／（一）充分竞争性服务业。`).
pub const GROUP_SEPARATOR: &str = "／";

/// Role names written in the `角色` column of `按单位`.
const ROLE_LEAD: &str = "牵头";
const ROLE_SUPPORT: &str = "配合";

/// Paper size code for A4 in the OOXML page setup.
const PAPER_A4: u8 = 9;

/// Widest a column gets, in Excel's character units; longer text wraps.
const MAX_COLUMN_WIDTH: f64 = 60.0;

/// The most columns an Excel sheet holds (A…XFD).
const MAX_COLUMNS: u16 = 16_384;

/// A sheet with more cells than this is streamed to a temporary file row by row (see the module
/// documentation): about 6 MB of cells in memory at most. The seed's largest sheet (`按单位`) has
/// 1,028 cells, ten times the seed 10,244; 10,000 tasks make 60,000 or more.
pub const STREAM_ABOVE_CELLS: usize = 20_000;

/// Writes the document as a workbook with the sheets `任务分工`, `按单位`, `文档信息` and `结构`.
///
/// ```
/// let doc = gongwen_parse::parse_text("关于某事的通知\n\t序号\t任务\t牵头单位\t配合单位\n\t1\t=SUM(A1)\t市财政局\t\n");
/// let out = gongwen_emit::xlsx::to_xlsx(&doc).unwrap();
/// assert!(out.bytes.starts_with(b"PK"));
/// assert!(out.warnings.is_empty());
/// ```
pub fn to_xlsx(doc: &Document) -> Result<Output, EmitError> {
    let mut streamed = Vec::new();
    // rust_xlsxwriter panics when it cannot write a streamed sheet's temporary file (a full
    // disk): the workbook is then written again in memory, as it was before sheets streamed.
    let first = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        write_workbook(doc, STREAM_ABOVE_CELLS, &mut streamed)
    }));
    match first {
        Ok(out) => out,
        Err(_) if !streamed.is_empty() => {
            let mut out = write_workbook(doc, usize::MAX, &mut Vec::new())?;
            out.warnings.push(in_memory_warning(
                format!(
                    "the temporary file of a large sheet ({}) could not be written in {}",
                    streamed.join(", "),
                    std::env::temp_dir().display()
                ),
                "the workbook was",
            ));
            Ok(out)
        }
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// The warning that a sheet meant to stream (or the whole workbook: `what`) was kept in memory,
/// and why.
fn in_memory_warning(why: String, what: &str) -> Diagnostic {
    Diagnostic::new(
        Severity::Warning,
        "xlsx_in_memory",
        format!(
            "{}; {what} built in memory instead (the same file, more memory)",
            why.trim_end_matches('.')
        ),
        None,
    )
}

/// [`to_xlsx`] with the sheets of more than `stream_above` cells streamed row by row; the names
/// of the sheets that were go to `streamed`.
fn write_workbook(
    doc: &Document,
    stream_above: usize,
    streamed: &mut Vec<&'static str>,
) -> Result<Output, EmitError> {
    let styles = Styles::new();
    let mut warnings = Vec::new();
    let mut workbook = Workbook::new();
    let mut book = Book {
        workbook: &mut workbook,
        styles: &styles,
        warnings: &mut warnings,
        stream_above,
        streamed,
    };
    let tasks = tasks_sheet(doc, &mut book).map_err(|e| xlsx_error(SHEET_TASKS, e))?;
    book.workbook.push_worksheet(tasks);
    let by_unit = by_unit_sheet(doc, &mut book).map_err(|e| xlsx_error(SHEET_BY_UNIT, e))?;
    book.workbook.push_worksheet(by_unit);
    let info = info_sheet(doc, &mut book).map_err(|e| xlsx_error(SHEET_INFO, e))?;
    book.workbook.push_worksheet(info);
    let outline = outline_sheet(doc, &mut book).map_err(|e| xlsx_error(SHEET_OUTLINE, e))?;
    book.workbook.push_worksheet(outline);
    let bytes = workbook
        .save_to_buffer()
        .map_err(|e| xlsx_error("workbook", e))?;
    Ok(Output { bytes, warnings })
}

fn xlsx_error(sheet: &str, e: XlsxError) -> EmitError {
    EmitError::Xlsx(format!("sheet {sheet}: {e}"))
}

/// What every sheet is written with: the workbook (which makes the streamed worksheets), the
/// formats, the warnings so far, the size above which a sheet is streamed and the names of the
/// sheets that were.
struct Book<'a> {
    workbook: &'a mut Workbook,
    styles: &'a Styles,
    warnings: &'a mut Vec<Diagnostic>,
    stream_above: usize,
    streamed: &'a mut Vec<&'static str>,
}

/// The cell formats shared by every sheet.
struct Styles {
    header: Format,
    text: Format,
    number: Format,
}

impl Styles {
    fn new() -> Self {
        let border = FormatBorder::Thin;
        Styles {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(0xD9E1F2)
                .set_border(border),
            text: Format::new()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_border(border),
            number: Format::new()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::Top)
                .set_border(border),
        }
    }
}

/// Display width of text in Excel's character units: CJK and other wide characters count as 2.
pub fn display_width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{303E}'
        | '\u{3041}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{A000}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFD}')
}

/// Cuts `s` to at most [`MAX_CELL_CHARS`] UTF-16 code units, on a character boundary.
/// Returns the text and, when it was cut, the original length in characters.
pub fn fit_cell(s: &str) -> (&str, Option<usize>) {
    let mut units = 0usize;
    for (i, c) in s.char_indices() {
        units += c.len_utf16();
        if units > MAX_CELL_CHARS {
            return (&s[..i], Some(s.chars().count()));
        }
    }
    (s, None)
}

/// `A`, `B`, …, `Z`, `AA`, … for a 0-based column index.
pub fn column_letters(col: u16) -> String {
    let mut n = u32::from(col) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// One sheet being written: the worksheet, its name for messages, and column widths measured
/// from the text written so far.
struct Sheet<'a> {
    ws: Worksheet,
    name: &'static str,
    widths: Vec<usize>,
    warnings: &'a mut Vec<Diagnostic>,
    styles: &'a Styles,
}

impl<'a> Sheet<'a> {
    /// A sheet of `cells` cells: streamed to a temporary file when it has more than the book's
    /// `stream_above`, else kept in memory (also when no temporary file can be made).
    fn new(name: &'static str, book: &'a mut Book<'_>, cells: usize) -> Result<Self, XlsxError> {
        let streamed = match (cells > book.stream_above)
            .then(|| book.workbook.new_worksheet_with_low_memory())
        {
            Some(Ok(ws)) => Some(ws),
            Some(Err(e)) => {
                book.warnings.push(in_memory_warning(
                    format!("sheet {name}: {e}"),
                    "the sheet was",
                ));
                None
            }
            None => None,
        };
        if streamed.is_some() {
            book.streamed.push(name);
        }
        let mut ws = streamed.unwrap_or_default();
        ws.set_name(name)?;
        Ok(Sheet {
            ws,
            name,
            widths: Vec::new(),
            warnings: book.warnings,
            styles: book.styles,
        })
    }

    fn measure(&mut self, col: u16, width: usize) {
        let c = usize::from(col);
        if self.widths.len() <= c {
            self.widths.resize(c + 1, 0);
        }
        if let Some(w) = self.widths.get_mut(c) {
            *w = (*w).max(width);
        }
    }

    /// Writes `text` as a string cell (never a formula), cut to Excel's limit with a warning.
    fn text(
        &mut self,
        row: u32,
        col: u16,
        text: &str,
        line: Option<usize>,
    ) -> Result<(), XlsxError> {
        if text.is_empty() {
            self.ws.write_blank(row, col, &self.styles.text)?;
            return Ok(());
        }
        let (fitted, cut_from) = fit_cell(text);
        if let Some(len) = cut_from {
            let cell = format!("{}!{}{}", self.name, column_letters(col), row + 1);
            let mut d = Diagnostic::new(
                Severity::Warning,
                "xlsx_cell_truncated",
                format!(
                    "the text has {len} characters, over Excel's limit of {MAX_CELL_CHARS} per cell; \
                     only the first {} were written (the JSON and text outputs keep it whole)",
                    fitted.chars().count()
                ),
                line,
            );
            d.cell = Some(cell);
            self.warnings.push(d);
        }
        self.ws
            .write_string_with_format(row, col, fitted, &self.styles.text)?;
        // Wrapped text: a long line counts as one line of the column's widest sensible width.
        self.measure(col, fitted.lines().map(display_width).max().unwrap_or(0));
        Ok(())
    }

    /// Merges the 序号 cell of row `first` down to row `last` and writes `task`'s number in it
    /// again (a merge writes its first cell as text).
    fn merge_number(&mut self, first: u32, last: u32, task: &Task) -> Result<(), XlsxError> {
        let format = match (&task.marker, task.origin) {
            (Some(_), TaskOrigin::Table) => &self.styles.text,
            _ => &self.styles.number,
        };
        self.ws.merge_range(first, 0, last, 0, "", format)?;
        number_cell(self, first, 0, task)
    }

    fn number(&mut self, row: u32, col: u16, n: f64) -> Result<(), XlsxError> {
        self.ws
            .write_number_with_format(row, col, n, &self.styles.number)?;
        self.measure(col, n.to_string().len());
        Ok(())
    }

    /// Writes the bold header row, freezes it, repeats it on every printed page and sets up
    /// an autofilter over `rows` data rows.
    fn header(&mut self, names: &[String], rows: u32) -> Result<(), XlsxError> {
        for (col, name) in (0u16..).zip(names) {
            let (fitted, _) = fit_cell(name);
            self.ws
                .write_string_with_format(0, col, fitted, &self.styles.header)?;
            // Leave room for the autofilter button.
            self.measure(col, display_width(fitted) + 3);
        }
        let last_col = u16::try_from(names.len().saturating_sub(1)).unwrap_or(u16::MAX);
        self.ws.set_freeze_panes(1, 0)?;
        self.ws.set_repeat_rows(0, 0)?;
        if !names.is_empty() {
            self.ws.autofilter(0, 0, rows, last_col)?;
        }
        Ok(())
    }

    /// Page setup for printing: landscape A4, fit to the page width, margins in inches, a page
    /// number footer and the given title as the page header.
    fn print_setup(&mut self, title: Option<&str>) {
        self.ws.set_landscape();
        self.ws.set_paper_size(PAPER_A4);
        self.ws.set_print_fit_to_pages(1, 0);
        self.ws.set_print_center_horizontally(true);
        self.ws.set_margins(0.5, 0.5, 0.75, 0.75, 0.3, 0.3);
        if let Some(t) = title.filter(|t| !t.is_empty()) {
            // Header text is limited to 255 characters including codes; `&` must be doubled.
            let short: String = t.chars().take(100).collect();
            self.ws
                .set_header(format!("&C{}", short.replace('&', "&&")));
        }
        self.ws.set_footer("&C第 &P 页，共 &N 页");
    }

    /// Sets each column's width from what was written, between `min` and [`MAX_COLUMN_WIDTH`]
    /// (or the column's own cap).
    fn finish(mut self, caps: &[(u16, f64)]) -> Result<Worksheet, XlsxError> {
        for (col, w) in (0u16..).zip(self.widths.clone()) {
            let cap = caps
                .iter()
                .find(|(c, _)| *c == col)
                .map_or(MAX_COLUMN_WIDTH, |(_, cap)| *cap);
            let width = (w as f64 + 2.0).clamp(6.0, cap);
            self.ws.set_column_width(col, width)?;
        }
        Ok(self.ws)
    }
}

/// Group-level column names: `一级分组`, `二级分组`, … .
pub fn group_column_name(level: usize) -> String {
    const CN: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    match CN.get(level) {
        Some(n) => format!("{n}级分组"),
        None => format!("{}级分组", level + 1),
    }
}

/// Whether the reader moved units out of the lead cell into the support list (`甲（牵头）、乙`, or
/// the notice says the first unit leads): the cells as printed would then put them in the wrong
/// column, so both columns show the lists.
fn roles_moved(task: &Task) -> bool {
    task.support_text.is_empty() && !task.support.is_empty() && !task.lead_text.is_empty()
}

/// Whether a units cell as printed names each of the units read from it, so that a filter on a
/// unit's name finds the row: not a ditto mark (`同上`: the units are the row's above) nor a cell
/// whose units were completed (`市发展改革委、财政局` → `市财政局`).
fn names_each(printed: &str, units: &[String]) -> bool {
    units.iter().all(|u| printed.contains(u.as_str()))
}

/// The text of a task's lead cell: as printed when there is one and it names each lead unit
/// (unless units were moved out of it, see [`roles_moved`]), else the units joined with `、`.
pub fn lead_cell(task: &Task) -> Cow<'_, str> {
    if task.lead_text.is_empty() || roles_moved(task) || !names_each(&task.lead_text, &task.lead) {
        Cow::Owned(task.lead.join("、"))
    } else {
        Cow::Borrowed(&task.lead_text)
    }
}

/// The text of a task's support cell: as printed when there is one and it names each supporting
/// unit, else the units joined with `、`.
pub fn support_cell(task: &Task) -> Cow<'_, str> {
    if task.support_text.is_empty() || !names_each(&task.support_text, &task.support) {
        Cow::Owned(task.support.join("、"))
    } else {
        Cow::Borrowed(&task.support_text)
    }
}

/// The title printed in the page header: the title of the part holding the task table, else
/// the notice's title.
fn print_title(doc: &Document) -> Option<&str> {
    doc.parts
        .iter()
        .find(|p| !p.tables.is_empty() && p.title.is_some())
        .and_then(|p| p.title.as_deref())
        .or(doc.notice.title.as_deref())
}

fn row_num(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

fn tasks_sheet(doc: &Document, book: &mut Book<'_>) -> Result<Worksheet, XlsxError> {
    let levels = doc.tasks.iter().map(|t| t.group.len()).max().unwrap_or(0);
    // The extra columns in the order first met, each looked up in a set (a table thousands of
    // columns wide compared every key with every other, for every task).
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut extra_keys: Vec<&str> = Vec::new();
    for t in &doc.tasks {
        for k in t.extra.keys() {
            if seen.insert(k.as_str()) {
                extra_keys.push(k);
            }
        }
    }
    // Excel holds 16,384 columns: the extra columns past that are left out, with a warning.
    let room = usize::from(MAX_COLUMNS).saturating_sub(levels + 4);
    if extra_keys.len() > room {
        book.warnings.push(Diagnostic::new(
            Severity::Warning,
            "xlsx_columns_cut",
            format!(
                "the tasks have {} extra columns but a sheet holds {MAX_COLUMNS} columns; the last \
                 {} were left out of the {SHEET_TASKS} sheet (the JSON and text outputs keep them)",
                extra_keys.len(),
                extra_keys.len() - room
            ),
            None,
        ));
        extra_keys.truncate(room);
    }
    let mut names = vec!["序号".to_string()];
    names.extend((0..levels).map(group_column_name));
    names.extend(["任务", "牵头单位", "配合单位"].map(String::from));
    names.extend(extra_keys.iter().map(|k| k.to_string()));

    let mut sheet = Sheet::new(SHEET_TASKS, book, (doc.tasks.len() + 1) * names.len())?;
    sheet.header(&names, row_num(doc.tasks.len()))?;
    let first_extra = u16::try_from(levels + 4).unwrap_or(u16::MAX);
    // The last row of the 序号 cell merged down over the rows before it (`None` past it).
    let mut merged_to: Option<usize> = None;
    for (i, task) in doc.tasks.iter().enumerate() {
        let row = row_num(i + 1);
        let line = Some(task.line);
        // A number the source prints once for several tasks (a 序号 cell merged down over the
        // measures of one task, `rowspan`) is merged down over their rows again: written in
        // each row, it read back as the same number repeated (`task_number_repeat`).
        let shared = merged_to.is_some_and(|end| i <= end);
        if !shared {
            merged_to = None;
            number_cell(&mut sheet, row, 0, task)?;
            let end = i + doc
                .tasks
                .get(i + 1..)
                .unwrap_or_default()
                .iter()
                .take_while(|t| shares_number_of(t, task))
                .count();
            if end > i {
                sheet.merge_number(row, row_num(end + 1), task)?;
                merged_to = Some(end);
            }
        }
        let mut col = 1u16;
        for level in 0..levels {
            sheet.text(
                row,
                col,
                task.group.get(level).map_or("", String::as_str),
                line,
            )?;
            col += 1;
        }
        sheet.text(row, col, &task.text, line)?;
        sheet.text(row, col + 1, &lead_cell(task), line)?;
        sheet.text(row, col + 2, &support_cell(task), line)?;
        for (k, key) in (first_extra..).zip(&extra_keys) {
            sheet.text(
                row,
                k,
                task.extra.get(*key).map_or("", String::as_str),
                line,
            )?;
        }
    }
    sheet.print_setup(print_title(doc));
    let task_col = u16::try_from(levels + 1).unwrap_or(u16::MAX);
    let mut caps = vec![(0u16, 8.0), (task_col, MAX_COLUMN_WIDTH)];
    caps.extend((1..task_col).map(|c| (c, 24.0)));
    caps.extend([(task_col + 1, 30.0), (task_col + 2, 30.0)]);
    sheet.finish(&caps)
}

/// Writes a task's `序号` as the document prints it: a table's number that is not a plain integer
/// (`1-1`, `2.1`, `一`) as that text, so that an office reporting on "task 1-2" finds its row;
/// a plain number, and an inline duty's number, as a number (an inline duty's marker, `（三）`,
/// repeats under each heading; its group columns say where it sits).
fn number_cell(sheet: &mut Sheet<'_>, row: u32, col: u16, task: &Task) -> Result<(), XlsxError> {
    match (&task.marker, task.origin) {
        (Some(printed), TaskOrigin::Table) => sheet.text(row, col, printed, Some(task.line)),
        _ => sheet.number(row, col, f64::from(task.seq)),
    }
}

/// Whether `t`, the task after `first` (or after another that shares its number), prints no
/// number of its own: its 序号 cell is `first`'s merged down over it in the source.
fn shares_number_of(t: &Task, first: &Task) -> bool {
    t.shares_number
        && t.origin == TaskOrigin::Table
        && first.origin == TaskOrigin::Table
        && t.seq == first.seq
        && t.marker == first.marker
}

/// One row of the `按单位` sheet: a unit and the task it leads or supports (a row per pair, so
/// kept small: 32 bytes, the task's number, text and line read from the task when written).
struct UnitRow<'a> {
    unit: &'a str,
    task: &'a Task,
    lead: bool,
}

impl UnitRow<'_> {
    fn role(&self) -> &'static str {
        if self.lead { ROLE_LEAD } else { ROLE_SUPPORT }
    }
}

/// The (unit, task) pairs of the document, sorted by unit (stably), then by 序号.
fn unit_rows(doc: &Document) -> Vec<UnitRow<'_>> {
    let mut rows = Vec::new();
    for t in &doc.tasks {
        for (units, lead) in [(&t.lead, true), (&t.support, false)] {
            for u in units.iter().filter(|u| !u.is_empty()) {
                rows.push(UnitRow {
                    unit: u,
                    task: t,
                    lead,
                });
            }
        }
    }
    rows.sort_by(|a, b| a.unit.cmp(b.unit).then(a.task.seq.cmp(&b.task.seq)));
    rows
}

fn by_unit_sheet(doc: &Document, book: &mut Book<'_>) -> Result<Worksheet, XlsxError> {
    let rows = unit_rows(doc);
    let mut sheet = Sheet::new(SHEET_BY_UNIT, book, (rows.len() + 1) * 5)?;
    sheet.header(
        &gongwen_parse::read::workbook::BY_UNIT_HEADER.map(String::from),
        row_num(rows.len()),
    )?;
    // The group path beside the number: where numbers start again under each group (`一、` 1,
    // 2…, `二、` 1, 2…), the number alone does not say which task a row is.
    let mut path = String::new();
    for (i, r) in rows.iter().enumerate() {
        let row = row_num(i + 1);
        let line = Some(r.task.line);
        sheet.text(row, 0, r.unit, line)?;
        sheet.text(row, 1, r.role(), line)?;
        number_cell(&mut sheet, row, 2, r.task)?;
        path.clear();
        for (level, g) in r.task.group.iter().enumerate() {
            if level > 0 {
                path.push_str(GROUP_SEPARATOR);
            }
            path.push_str(g);
        }
        sheet.text(row, 3, &path, line)?;
        sheet.text(row, 4, &r.task.text, line)?;
    }
    sheet.print_setup(print_title(doc));
    sheet.finish(&[
        (0, 30.0),
        (1, 8.0),
        (2, 8.0),
        (3, 30.0),
        (4, MAX_COLUMN_WIDTH + 20.0),
    ])
}

fn format_name(f: SourceFormat) -> &'static str {
    match f {
        SourceFormat::Text => "text",
        SourceFormat::Html => "html",
        SourceFormat::Xlsx => "xlsx",
        SourceFormat::Docx => "docx",
        SourceFormat::Csv => "csv",
        SourceFormat::Json => "json",
        SourceFormat::Xls => "xls",
        SourceFormat::Xlsb => "xlsb",
        SourceFormat::Ods => "ods",
    }
}

/// The numbers the 序号 column skips before an inline duty (`5、7-9`): a measure keeps its
/// marker's number, and one that assigns no duty is no row. Listed on the `文档信息` sheet, so
/// that the workbook read back tells them from a row that went missing (`task_number_gap`).
fn skipped_numbers(doc: &Document) -> String {
    let mut out = String::new();
    for pair in doc.tasks.windows(2) {
        let [before, t] = pair else { continue };
        if t.origin != TaskOrigin::Inline || t.seq <= before.seq.saturating_add(1) {
            continue;
        }
        let (first, last) = (before.seq + 1, t.seq - 1);
        if !out.is_empty() {
            out.push('、');
        }
        if first == last {
            out.push_str(&first.to_string());
        } else {
            out.push_str(&format!("{first}-{last}"));
        }
    }
    out
}

/// The label/value rows of `文档信息`.
fn info_rows(doc: &Document) -> Vec<(String, String)> {
    let n = &doc.notice;
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let mut rows = vec![
        ("标题".to_string(), opt(&n.title)),
        ("发文机关".to_string(), opt(&n.issuer)),
        (
            "发文字号".to_string(),
            n.doc_number
                .as_ref()
                .map(|d| d.raw.clone())
                .unwrap_or_default(),
        ),
        ("主送机关".to_string(), n.addressees.join("，")),
        ("成文日期".to_string(), opt(&n.date)),
        ("署名".to_string(), opt(&n.signature)),
        ("附注".to_string(), opt(&n.note)),
    ];
    if !n.signers.is_empty() {
        rows.push(("签发人".to_string(), n.signers.join("、")));
    }
    for a in &n.attendance {
        rows.push((a.role.clone(), a.names.join("、")));
    }
    if !n.copied_to.is_empty() {
        rows.push(("抄送机关".to_string(), n.copied_to.join("，")));
    }
    if n.printed_by.is_some() || n.printed_on.is_some() {
        rows.push(("印发机关".to_string(), opt(&n.printed_by)));
        rows.push(("印发日期".to_string(), opt(&n.printed_on)));
    }
    for a in &n.attachments {
        let label = match a.index {
            Some(i) => format!("附件{i}"),
            None => "附件".to_string(),
        };
        // The mark that it is left out of this publication (`（略）`), as listed.
        let mark = a.omitted.as_deref().unwrap_or_default();
        rows.push((label, format!("{}{mark}", a.title)));
    }
    rows.push((
        "来源格式".to_string(),
        format_name(doc.source.format).to_string(),
    ));
    rows.push(("编码".to_string(), doc.source.encoding.clone()));
    rows.push(("任务数".to_string(), doc.tasks.len().to_string()));
    let skipped = skipped_numbers(doc);
    if !skipped.is_empty() {
        rows.push(("未列序号".to_string(), skipped));
    }
    rows
}

fn info_sheet(doc: &Document, book: &mut Book<'_>) -> Result<Worksheet, XlsxError> {
    let rows = info_rows(doc);
    let mut sheet = Sheet::new(SHEET_INFO, book, (rows.len() + 1) * 2)?;
    sheet.header(
        &["要素".to_string(), "内容".to_string()],
        row_num(rows.len()),
    )?;
    for (i, (label, value)) in rows.iter().enumerate() {
        let row = row_num(i + 1);
        sheet.text(row, 0, label, None)?;
        sheet.text(row, 1, value, None)?;
    }
    sheet.print_setup(doc.notice.title.as_deref());
    sheet.finish(&[(0, 12.0), (1, MAX_COLUMN_WIDTH + 20.0)])
}

/// The name printed for a part in `结构`: its title, else its label, else its kind.
fn part_name(p: &gongwen_parse::Part) -> &str {
    if let Some(t) = &p.title {
        return t;
    }
    if let Some(l) = &p.label {
        return l;
    }
    match p.kind {
        PartKind::Body => "正文",
        PartKind::Enclosure => "印发文件",
        PartKind::Attachment => "附件",
    }
}

fn outline_sheet(doc: &Document, book: &mut Book<'_>) -> Result<Worksheet, XlsxError> {
    fn walk<'s>(sections: &'s [Section], out: &mut Vec<&'s Section>) {
        for s in sections {
            out.push(s);
            walk(&s.children, out);
        }
    }
    let mut rows: Vec<(&str, &Section)> = Vec::new();
    for p in &doc.parts {
        let name = part_name(p);
        let mut flat = Vec::new();
        walk(&p.sections, &mut flat);
        rows.extend(flat.into_iter().map(|s| (name, s)));
    }
    let mut sheet = Sheet::new(SHEET_OUTLINE, book, (rows.len() + 1) * 5)?;
    sheet.header(
        &gongwen_parse::read::workbook::OUTLINE_HEADER.map(String::from),
        row_num(rows.len()),
    )?;
    for (i, (part, s)) in rows.iter().enumerate() {
        let row = row_num(i + 1);
        sheet.text(row, 0, part, Some(s.line))?;
        sheet.number(row, 1, f64::from(s.level))?;
        sheet.text(row, 2, &s.marker, Some(s.line))?;
        // An article has no heading; the caption it prints in brackets is its title here.
        let title = match (&s.heading, &s.caption) {
            (h, Some(caption)) if h.is_empty() => caption,
            (h, _) => h,
        };
        sheet.text(row, 3, title, Some(s.line))?;
        sheet.number(row, 4, s.line as f64)?;
    }
    sheet.print_setup(doc.notice.title.as_deref());
    sheet.finish(&[
        (0, 36.0),
        (1, 8.0),
        (2, 10.0),
        (3, MAX_COLUMN_WIDTH),
        (4, 8.0),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use gongwen_parse::{Part, Task};

    fn task(seq: u32, text: &str, lead: &[&str], support: &[&str], group: &[&str]) -> Task {
        Task {
            seq,
            text: text.into(),
            lead: lead.iter().map(|s| s.to_string()).collect(),
            support: support.iter().map(|s| s.to_string()).collect(),
            group: group.iter().map(|s| s.to_string()).collect(),
            line: seq as usize,
            ..Task::default()
        }
    }

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(display_width("序号"), 4);
        assert_eq!(display_width("A1"), 2);
        assert_eq!(display_width("（一）a"), 7);
    }

    #[test]
    fn cells_are_cut_to_excels_limit_in_utf16_units() {
        let short = "任务".repeat(10);
        assert_eq!(fit_cell(&short), (short.as_str(), None));
        let long = "字".repeat(MAX_CELL_CHARS + 5);
        let (fitted, from) = fit_cell(&long);
        assert_eq!(fitted.chars().count(), MAX_CELL_CHARS);
        assert_eq!(from, Some(MAX_CELL_CHARS + 5));
        // Characters outside the BMP take two UTF-16 units; the cut never splits one.
        let astral = "𠀀".repeat(MAX_CELL_CHARS / 2 + 1);
        let (fitted, from) = fit_cell(&astral);
        assert_eq!(fitted.chars().count(), MAX_CELL_CHARS / 2);
        assert!(from.is_some());
    }

    #[test]
    fn column_letters_follow_excel() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn group_columns_are_named_by_level() {
        assert_eq!(group_column_name(0), "一级分组");
        assert_eq!(group_column_name(1), "二级分组");
        assert_eq!(group_column_name(11), "12级分组");
    }

    #[test]
    fn unit_rows_sort_by_unit_then_seq_and_keep_both_roles() {
        let doc = Document {
            tasks: vec![
                task(2, "乙", &["市商务委"], &["市财政局"], &[]),
                task(1, "甲", &["市财政局", "市商务委"], &[], &[]),
            ],
            ..Document::default()
        };
        let rows: Vec<(&str, &str, u32)> = unit_rows(&doc)
            .iter()
            .map(|r| (r.unit, r.role(), r.task.seq))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("市商务委", "牵头", 1),
                ("市商务委", "牵头", 2),
                ("市财政局", "牵头", 1),
                ("市财政局", "配合", 2)
            ]
        );
    }

    #[test]
    fn lead_text_as_printed_wins_over_the_list() {
        let mut t = task(1, "x", &["《目录》中的实施部门"], &[], &[]);
        assert_eq!(lead_cell(&t), "《目录》中的实施部门");
        t.lead = vec!["a".into(), "b".into()];
        t.lead_text = String::new();
        assert_eq!(lead_cell(&t), "a、b");
        t.lead_text = "a，b".into();
        assert_eq!(lead_cell(&t), "a，b");
        // A unit the reader moved to support (`a（牵头）、b`) leaves the lead column.
        t.lead = vec!["a".into()];
        t.lead_text = "a（牵头）、b".into();
        t.support = vec!["b".into()];
        assert_eq!((lead_cell(&t), support_cell(&t)), ("a".into(), "b".into()));
    }

    #[test]
    fn a_units_cell_that_does_not_name_its_units_shows_the_units() {
        // A ditto mark takes the units of the row above: the sheet names them.
        let mut t = task(2, "x", &["市市场监管局"], &["市税务局"], &[]);
        t.lead_text = "同上".into();
        t.support_text = "同上".into();
        assert_eq!(
            (lead_cell(&t), support_cell(&t)),
            ("市市场监管局".into(), "市税务局".into())
        );
        // A level word carried onto a bare department: the completed name is shown.
        t.lead = vec!["市知识产权局".into(), "市市场监管局".into()];
        t.lead_text = "市知识产权局、市场监管局".into();
        assert_eq!(lead_cell(&t), "市知识产权局、市市场监管局");
        // A cell that names each unit stays as printed, its separators and notes too.
        t.lead = vec!["市知识产权局".into(), "市市场监管局".into()];
        t.lead_text = "市知识产权局，市市场监管局（按职责分工）".into();
        assert_eq!(lead_cell(&t), "市知识产权局，市市场监管局（按职责分工）");
    }

    #[test]
    fn overlong_cells_are_cut_with_a_warning_naming_the_cell() {
        let doc = Document {
            tasks: vec![task(
                1,
                &"长".repeat(40_000),
                &["市财政局"],
                &[],
                &["一、分组"],
            )],
            parts: vec![Part {
                title: Some("任务分工".into()),
                ..Part::default()
            }],
            ..Document::default()
        };
        let out = to_xlsx(&doc).unwrap();
        assert!(out.bytes.starts_with(b"PK\x03\x04"));
        // The task text is written twice: in 任务分工 and in 按单位.
        let cells: Vec<&str> = out
            .warnings
            .iter()
            .filter_map(|w| w.cell.as_deref())
            .collect();
        assert_eq!(cells, vec!["任务分工!C2", "按单位!E2"]);
        let w = &out.warnings[0];
        assert_eq!(w.code, "xlsx_cell_truncated");
        assert_eq!(w.line, Some(1));
        assert!(w.message.contains("40000"), "{}", w.message);
    }

    /// Every sheet's name and cells, as calamine reads them.
    fn cells(bytes: &[u8]) -> Vec<(String, Vec<Vec<calamine::Data>>)> {
        use calamine::Reader;
        let mut wb: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
        wb.sheet_names()
            .into_iter()
            .map(|name| {
                let range = wb.worksheet_range(&name).unwrap();
                // Where the used area starts, so a sheet shifted by a row would differ.
                let start = range.start().unwrap_or_default();
                let mut rows = vec![vec![calamine::Data::Int(i64::from(start.0))]];
                rows.extend(range.rows().map(<[calamine::Data]>::to_vec));
                (name, rows)
            })
            .collect()
    }

    /// Every entry of an XLSX file with its text, rows' `spans="…"` hints taken out, and the
    /// times of writing in `docProps/core.xml` (two workbooks written a moment apart may be
    /// stamped a second apart) made the same.
    fn parts(bytes: &[u8]) -> Vec<(String, String)> {
        use std::io::Read;
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        (0..zip.len())
            .map(|i| {
                let mut entry = zip.by_index(i).unwrap();
                let mut text = String::new();
                entry.read_to_string(&mut text).unwrap();
                let mut plain = String::with_capacity(text.len());
                let mut rest = text.as_str();
                while let Some(at) = rest.find(" spans=\"") {
                    plain.push_str(&rest[..at]);
                    let after = &rest[at + " spans=\"".len()..];
                    rest = after.find('"').map_or("", |end| &after[end + 1..]);
                }
                plain.push_str(rest);
                for stamp in ["dcterms:created", "dcterms:modified"] {
                    let open = format!("<{stamp} xsi:type=\"dcterms:W3CDTF\">");
                    if let Some(at) = plain.find(&open).map(|at| at + open.len())
                        && let Some(len) = plain[at..].find('<')
                    {
                        plain.replace_range(at..at + len, "(time of writing)");
                    }
                }
                (entry.name().unwrap().to_string(), plain)
            })
            .collect()
    }

    /// The seed's task table three times over (258 tasks), with a group level, an extra column,
    /// a task over Excel's cell limit and a part with an outline.
    fn large_doc() -> Document {
        let seed = include_str!("../../../seeds/cq-2021-19.txt");
        let mut doc = gongwen_parse::parse_text(seed);
        let n = doc.tasks.len();
        assert!(n > 80, "the seed has its tasks");
        let mut tasks = Vec::new();
        for copy in 0..3u32 {
            for t in &doc.tasks {
                let mut t = t.clone();
                t.seq += copy * n as u32;
                t.extra
                    .insert("完成时限".into(), format!("{}年底", 2021 + copy));
                tasks.push(t);
            }
        }
        tasks[5].text = "长".repeat(MAX_CELL_CHARS + 10);
        doc.tasks = tasks;
        doc
    }

    #[test]
    fn a_streamed_workbook_has_the_same_cells_widths_and_layout_as_one_kept_in_memory() {
        let doc = large_doc();
        let mut streamed = Vec::new();
        let in_memory = write_workbook(&doc, usize::MAX, &mut streamed).unwrap();
        assert!(streamed.is_empty());
        let on_disk = write_workbook(&doc, 0, &mut streamed).unwrap();
        assert_eq!(
            streamed,
            [SHEET_TASKS, SHEET_BY_UNIT, SHEET_INFO, SHEET_OUTLINE]
        );

        let (a, b) = (cells(&in_memory.bytes), cells(&on_disk.bytes));
        let names: Vec<&str> = a.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [SHEET_TASKS, SHEET_BY_UNIT, SHEET_INFO, SHEET_OUTLINE]
        );
        for ((name, x), (_, y)) in a.iter().zip(&b) {
            assert!(x.len() > 10, "{name} has rows");
            assert_eq!(x.len(), y.len(), "{name}: rows");
            for (i, (rx, ry)) in x.iter().zip(y).enumerate() {
                assert_eq!(rx, ry, "{name}: row {i}");
            }
        }
        assert_eq!(a, b);
        // 258 tasks and their header; the cut cell is cut the same way, with the same warning.
        assert_eq!(a[0].1.len(), 1 + 1 + 258);
        assert_eq!(
            format!("{:?}", in_memory.warnings),
            format!("{:?}", on_disk.warnings)
        );
        assert!(in_memory.warnings.len() >= 2);
        // The files differ only in the rows' optional `spans` hints, which a streamed row does
        // not know: the column widths, filters, frozen header, print setup and the shared
        // strings are the same.
        let (a, b) = (parts(&in_memory.bytes), parts(&on_disk.bytes));
        assert_eq!(
            a.iter().map(|(n, _)| n).collect::<Vec<_>>(),
            b.iter().map(|(n, _)| n).collect::<Vec<_>>()
        );
        for ((name, x), (_, y)) in a.iter().zip(&b) {
            assert!(x == y, "{name} differs");
        }
        let sheet = &a
            .iter()
            .find(|(n, _)| n == "xl/worksheets/sheet1.xml")
            .unwrap()
            .1;
        for layout in [
            "<cols>",
            "<autoFilter ",
            "<pane ",
            "<pageSetup ",
            "<headerFooter>",
        ] {
            assert!(sheet.contains(layout), "{layout}");
        }
    }

    #[test]
    fn a_document_over_the_threshold_is_streamed_and_one_under_it_is_not() {
        let doc = large_doc();
        let mut streamed = Vec::new();
        write_workbook(&doc, STREAM_ABOVE_CELLS, &mut streamed).unwrap();
        assert!(streamed.is_empty(), "{streamed:?}");
        // 258 tasks × 6 columns: over a threshold of 1,000 cells, the task and unit sheets stream.
        write_workbook(&doc, 1_000, &mut streamed).unwrap();
        assert_eq!(streamed, [SHEET_TASKS, SHEET_BY_UNIT]);
    }

    #[test]
    fn an_empty_document_still_makes_a_workbook() {
        let out = to_xlsx(&Document::default()).unwrap();
        assert!(out.bytes.starts_with(b"PK\x03\x04"));
        assert!(out.warnings.is_empty());
    }
}
