//! Tables laid out one row per line, their cells separated by runs of spaces or by bars.
//!
//! A task table saved as text by a word processor or a PDF viewer, pasted into an e-mail, or
//! typed by hand often keeps its columns lined up with spaces
//! (`1    推动…    市商务委    市发展改革委`), or separates them with `|` without the outer bars
//! of a Markdown row (`1 | 推动… | 市商务委 | 市发展改革委`). Neither shape says by itself that
//! it is a table (prose has double spaces too), so such a table is recognised only by its header
//! line: split the same way, it must name a task table ([`crate::tasks::column_roles`]: a lead
//! column and a task or sequence column) in at most twelve short cells (80 characters in all).
//! A header spaced out letter by letter (`试  点  任  务`) is read as one cell. After the header,
//! line by line:
//!
//! - a line that splits into cells is a row; in a table with a sequence column, a row starts
//!   with its number;
//! - a line that is only a numbered heading (`一、…`, `（一）…`) is a group row, and a line of one
//!   cell right after it that does not start a row is the rest of its text;
//! - a line right after a row that does not start a row is the rest of cells that wrapped: with
//!   spaces, when each of its pieces starts under a cell of the row other than the first (by
//!   display width, a Chinese character counting two), it joins that cell; with bars, when its
//!   first cell is empty, its pieces join the cells in their places;
//! - with spaces, a line right above a row's number that starts a task's text (after a row
//!   whose text ended its sentence, or a group row) and names units under a units column too,
//!   or runs on into the number's line, is that row's first line: a PDF centres the cells of a
//!   row vertically, its number on the middle line;
//! - with spaces, one space right before a header column's start, a Chinese character after
//!   it, parts cells too (`pdftotext -layout` leaves no more where a cell fills its column), as
//!   it does between a header's `序号` and the next name;
//! - with spaces, a piece of a row short of cells that runs on under the next column's name
//!   is parted at one space between the two columns' names (a unit's name filling its column);
//! - a header's second line (`牵头` over `单位`) is read into it, and skipped with its first
//!   line where the header is printed again atop a page; so are a narrow cell's name printed
//!   on the lines above and below the others' (`牵头` / `序号 工作任务 配合单位` / `单位`);
//! - blank lines and a Markdown rule (`---|---`) are skipped;
//! - anything else ends the table, and a group row at its end belongs to the text after it.
//!
//! An empty cell leaves no trace between spaces: a row with fewer cells has its last cells
//! empty, unless its pieces stand under the header's or the last full row's columns (give or
//! take a column or two), and a warning says so when more than the last is missing.

use crate::model::{Diagnostic, Severity, Table};
use crate::normalize::TrimFast as _;
use crate::normalize::normalize_block;
use crate::tasks::{self, ColumnRole};
use memchr::memmem::Finder;
use std::sync::LazyLock;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Most columns a header may have.
const MAX_COLUMNS: usize = 12;
/// Longest header cell accepted, in characters.
const MAX_HEADER_CHARS: usize = 12;
/// Longest line looked at as a header, in bytes.
const MAX_HEADER_BYTES: usize = 2048;

/// How the cells of a line are separated.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Separator {
    /// `|` or `｜`, without outer bars (a line with both is a Markdown row, read elsewhere).
    Bars,
    /// Two or more columns of white space: two spaces, or one ideographic space.
    Spaces,
}

/// One cell of a line: where it starts and ends (in display columns, for [`Separator::Spaces`];
/// its place among the cells, for [`Separator::Bars`]) and its text.
#[derive(Debug)]
struct Piece<'a> {
    column: usize,
    end: usize,
    text: &'a str,
}

/// Whether `line` may be the header of such a table: cheap tests before any splitting, the
/// separators first (a bar, two spaces — ordinary or no-break — or an ideographic space: prose
/// seldom has them, while the header's words are common in a plan's text).
pub fn may_be_header(line: &str) -> bool {
    let b = line.as_bytes();
    // A space or a no-break space (C2 A0) at `at`.
    let space_at = |at: usize| match b.get(at) {
        Some(b' ') => true,
        Some(0xC2) => b.get(at + 1) == Some(&0xA0),
        _ => false,
    };
    let separated = || {
        memchr::memchr3_iter(b'|', b' ', 0xC2, b).any(|at| {
            b.get(at) == Some(&b'|')
                || (space_at(at) && space_at(at + if b.get(at) == Some(&b' ') { 1 } else { 2 }))
        }) || WIDE.iter().any(|f| f.find(b).is_some())
    };
    b.len() <= MAX_HEADER_BYTES && separated() && names_a_header_word(line)
}

/// The wide separators (ideographic space, full-width bar), found by a byte search each.
static WIDE: LazyLock<[Finder<'static>; 2]> =
    LazyLock::new(|| ["\u{3000}", "｜"].map(|s| Finder::new(s.as_bytes())));

/// The most characters a header's cells hold together.
const MAX_HEADER_TOTAL_CHARS: usize = 80;

/// The longest a header's text can be once normalized (its cells run together), in bytes.
pub const MAX_HEADER_TEXT: usize = MAX_HEADER_TOTAL_CHARS * 3 + MAX_COLUMNS;

/// Whether `text` has a separator a browser shows as such: a bar, a no-break space or an
/// ideographic space (runs of ordinary spaces show as one).
pub fn has_visible_separator(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(b'|', b).next().is_some()
        || memchr::memmem::find(b, "\u{a0}".as_bytes()).is_some()
        || WIDE.iter().any(|f| f.find(b).is_some())
}

/// Whether `text` holds a word a header of such a table starts from (序号, 编号, 牵头, 责任, or
/// spaced out with one space: `序 号`, as a PDF prints a header spread across its cells): one
/// byte search for the last bytes of 号, 头 and 任 together, each hit checked for its character
/// and the one before it. (A substring search for each word took three passes, and memchr's
/// searcher, tuned for Latin text, judged every byte of a Chinese character common.)
pub fn names_a_header_word(text: &str) -> bool {
    let b = text.as_bytes();
    let word_before = |at: usize, last: &str, first: &[&str]| {
        let start = (at + 1).checked_sub(last.len());
        let first_at = |c: usize| first.iter().any(|f| b.get(c..c + 3) == Some(f.as_bytes()));
        start.is_some_and(|s| {
            b.get(s..=at) == Some(last.as_bytes())
                && (s.checked_sub(3).is_some_and(first_at)
                    || (s.checked_sub(1).and_then(|p| b.get(p)) == Some(&b' ')
                        && s.checked_sub(4).is_some_and(first_at)))
        })
    };
    // The last bytes of 号 (E5 8F B7), 头 (E5 A4 B4) and 任 (E4 BB BB).
    memchr::memchr3_iter(0xB7, 0xB4, 0xBB, b).any(|at| match b[at] {
        0xB7 => word_before(at, "号", &["序", "编"]),
        0xB4 => word_before(at, "头", &["牵"]),
        _ => word_before(at, "任", &["责"]),
    })
}

/// Whether `line` is the header of a table laid out this way.
pub fn is_header(line: &str) -> bool {
    may_be_header(line)
        && [Separator::Bars, Separator::Spaces]
            .into_iter()
            .any(|sep| header_cells(line, sep).is_some_and(|h| tasks::column_roles(&h).is_some()))
}

/// The roles of a header that names no task table but opens with its rows' number and names
/// a column in every cell (`序号   单位   联系人   联系电话`, a contact list under a task table):
/// a table all the same, each column but the number an extra.
fn numbered_list_roles(header: &[String]) -> Option<Vec<ColumnRole>> {
    let first = header.first()?;
    (matches!(first.as_str(), "序号" | "编号")
        && tasks::is_header_row(header.iter().map(String::as_str)))
    .then(|| {
        std::iter::once(ColumnRole::Seq)
            .chain(std::iter::repeat_n(ColumnRole::Extra, header.len() - 1))
            .collect()
    })
}

/// If the line `lines[start]` is the header of a table laid out this way, reads the table and
/// returns it with the index of the first line after it.
pub fn read_delimited_table(
    lines: &[&str],
    start: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Table, usize)> {
    let line = lines.get(start)?;
    if !may_be_header(line) {
        return None;
    }
    let found = [Separator::Bars, Separator::Spaces]
        .into_iter()
        .find_map(|sep| {
            let header = header_cells(line, sep)?;
            let roles = tasks::column_roles(&header).or_else(|| numbered_list_roles(&header))?;
            Some((sep, header, roles))
        });
    // A header whose narrow cell is printed on the lines above and below the others' (`牵头`
    // / `单位`): its middle line is read as the header's line.
    let stacked = match found {
        Some(_) => None,
        None => Some(stacked_header(lines, start)?),
    };
    let (separator, header, roles) = match (found, &stacked) {
        (Some(found), _) => found,
        (None, Some(s)) => (Separator::Spaces, s.header.clone(), s.roles.clone()),
        (None, None) => return None,
    };
    let line = if stacked.is_some() {
        lines.get(start + 1)?
    } else {
        line
    };
    let width = header.len();
    // The header as its first line prints it, to know it again atop a page; and its second line
    // when it has one (`牵头` over `单位`), read into it and known again under it.
    let first_line = match &stacked {
        Some(s) => s.middle.clone(),
        None => header.clone(),
    };
    let second = (separator == Separator::Spaces && stacked.is_none())
        .then(|| header_second_line(line, lines.get(start + 1), &header))
        .flatten();
    let (header, roles, second_line) = match (second, &stacked) {
        (Some((merged, roles, texts)), _) => (merged, roles, Some(texts)),
        (None, Some(s)) => (header, roles, Some(s.below.clone())),
        (None, None) => (header, roles, None),
    };
    let numbered = roles.first() == Some(&ColumnRole::Seq);
    // Where the header's first cell ends: a row's text set on lines above its number starts
    // right of it.
    let header_first_end = header_pieces(line, separator).first().map_or(0, |p| p.end);
    // Where the header's cells lie: a row's first line printed above its number lies under them.
    let header_columns = match &stacked {
        Some(s) => s.columns.clone(),
        None => RowColumns::of(&cell_pieces(header_pieces(line, separator))),
    };
    let mut rows: Vec<(Vec<String>, usize)> = vec![(header, start + 1)];
    // Where the cells of the last row lie (display columns), for pieces that wrapped.
    let mut columns = RowColumns::default();
    // Where the cells of the last row with every cell filled lie: a row short of cells is read
    // by them too.
    let mut full_columns = RowColumns::default();
    // Whether the line before was a row, or a group row (a wrapped piece must follow one
    // directly).
    let mut after_row = false;
    let mut after_group = false;
    // Rows printed with their number on a middle line (`pdftotext -layout` centres a cell
    // vertically): the lines of text above the number are held until the number comes. The
    // table is laid out so when its first row starts above its number; then of the lines
    // between two numbers, as many as the row above had above its number go on that row
    // (its cells are centred on the number too), and the rest start the next row.
    let mut pending: Vec<Vec<Piece<'_>>> = Vec::new();
    let mut centred = false;
    let mut above = 0usize;
    // Whether a row with its number has been read (group rows aside).
    let mut numbered_rows = false;
    // In a table laid out so, the lines read after the last row's number (each with the cells
    // its pieces went to), and that row's cells and columns as its number's line left them:
    // which of those lines start the next row above its number is known when that number
    // comes, and the row is then read again from there.
    let mut tail: Vec<(Vec<Piece<'_>>, Vec<usize>)> = Vec::new();
    let mut row_start: Option<(Vec<String>, RowColumns)> = None;
    let mut end = start + 1 + usize::from(second_line.is_some()) + usize::from(stacked.is_some());
    let mut i = end;
    while let Some(line) = lines.get(i) {
        if line.trim_ws().is_empty() || is_rule(line) {
            flush(&mut rows, &mut pending, &mut columns);
            (tail, row_start) = (Vec::new(), None);
            (after_row, after_group) = (false, false);
            i += 1;
            continue;
        }
        // The line above a stacked header's, printed again with it atop a page.
        if let Some(s) = &stacked
            && split_on_spaces(line)
                .iter()
                .map(|p| p.text)
                .eq(s.above.iter().map(String::as_str))
            && lines.get(i + 1).is_some_and(|l| {
                may_be_header(l) && header_cells(l, separator).is_some_and(|h| h == first_line)
            })
        {
            i += 1;
            continue;
        }
        // The header printed again at the top of a page the table runs onto, both its lines
        // when it has two. A row cut by the page break goes on under it.
        if may_be_header(line) && header_cells(line, separator).is_some_and(|h| h == first_line) {
            i += 1;
            if let Some(texts) = &second_line
                && lines.get(i).is_some_and(|l| {
                    split(l, separator)
                        .iter()
                        .map(|p| p.text)
                        .eq(texts.iter().map(String::as_str))
                })
            {
                i += 1;
            }
            continue;
        }
        let mut pieces = split(line, separator);
        if separator == Separator::Spaces {
            pieces = cut_at_columns(pieces, &header_columns.starts);
            if pieces.len() < width {
                pieces = cut_overrunning(pieces, &header_columns);
            }
        }
        // A group row may keep the bars of the cells it leaves empty (`一、… | | |`).
        let mut filled = pieces.iter().filter(|p| !p.text.is_empty());
        let (first, single) = match (filled.next(), filled.next()) {
            (Some(only), None) if only.column == 0 => (only.text, true),
            _ => (pieces.first().map_or("", |p| p.text), pieces.len() == 1),
        };
        let starts = starts_row(&pieces, width, numbered);
        // Text above the first row's number: under a cell right of the number's, in fewer
        // pieces than the header has cells.
        let above_first = separator == Separator::Spaces
            && numbered
            && rows.len() == 1
            && pending.len() < MAX_LINES_ABOVE
            && !starts
            && pieces.len() < width
            && pieces.first().is_some_and(|p| {
                p.column >= header_first_end + 2 && tasks::parse_seq(p.text).is_none()
            });
        if single && super::text::is_group_line(first) {
            flush(&mut rows, &mut pending, &mut columns);
            (tail, row_start) = (Vec::new(), None);
            rows.push((vec![first.to_string()], i + 1));
            columns = RowColumns::default();
            (after_row, after_group) = (false, true);
        } else if after_group
            && single
            && !starts
            // A group row that ended its sentence (`（一）充分竞争性服务业。`) has no more text:
            // the line is a row's, printed above its number.
            && !rows
                .last()
                .and_then(|(r, _)| r.first())
                .is_some_and(|t| ends_sentence(t))
        {
            // The rest of a group row's text that wrapped.
            if let Some(cell) = rows.last_mut().and_then(|(r, _)| r.first_mut()) {
                push_wrapped(cell, first);
            }
        } else if after_row
            && !own_row_under_merged(&pieces, &roles, separator)
            && is_continuation(&pieces, &columns, separator, numbered)
        {
            let next_row_above = !centred
                && pending.is_empty()
                && separator == Separator::Spaces
                && numbered
                && rows
                    .last()
                    .is_some_and(|(row, _)| starts_above_number(row, &pieces, &columns, &roles))
                && lines
                    .get(i + 1)
                    .is_some_and(|l| starts_row(&split(l, separator), width, numbered));
            if next_row_above {
                pending.push(pieces);
            } else if let Some((row, _)) = rows.last_mut() {
                let places = continue_row(row, &pieces, &mut columns, separator);
                if row_start.is_some() {
                    tail.push((pieces, places));
                }
            }
        } else if starts || own_row_under_merged(&pieces, &roles, separator) {
            // Of the lines after the last row's number, those that start this row above its
            // number are taken back from that row.
            if let Some((start_cells, start_columns)) = row_start.take()
                && let Some((row, _)) = rows.last_mut()
                && !tail.is_empty()
            {
                let keep = centred_split(&start_cells, &tail, &roles, above);
                if keep < tail.len() {
                    *row = start_cells;
                    let mut row_columns = start_columns;
                    let mut moved: Vec<Vec<Piece<'_>>> = Vec::with_capacity(tail.len() - keep);
                    for (n, (piece_line, _)) in tail.drain(..).enumerate() {
                        if n < keep {
                            continue_row(row, &piece_line, &mut row_columns, separator);
                        } else {
                            moved.push(piece_line);
                        }
                    }
                    moved.append(&mut pending);
                    pending = moved;
                }
            }
            tail.clear();
            // A row short of cells whose pieces stand under the header's columns (or the last
            // full row's): its empty cells are where no piece stands, not at its end.
            let placed = (separator == Separator::Spaces && pieces.len() < width)
                .then(|| short_row_places(&pieces, [&header_columns, &full_columns], width))
                .flatten();
            let mut cells;
            match &placed {
                Some((places, reference)) => {
                    columns = reference.clone();
                    // An empty cell holds no text that would keep the rest of its neighbours'
                    // names from wrapping under it: the reference row's is not this row's.
                    for (k, span) in columns.spans.iter_mut().enumerate() {
                        if !places.contains(&k) {
                            *span = (span.0, span.0);
                        }
                    }
                    for (p, &k) in pieces.iter().zip(places) {
                        columns.starts[k] = p.column;
                        columns.spans[k] = (p.column, p.end);
                    }
                    cells = vec![String::new(); width];
                }
                None => {
                    columns = RowColumns::of(&pieces);
                    cells = vec![String::new(); pieces.len()];
                }
            }
            if separator == Separator::Spaces && pieces.len() == width {
                full_columns = RowColumns::of(&pieces);
            }
            // The first row printed (partly) above its number: the table's rows are centred
            // on their numbers (also after group rows).
            if !numbered_rows && !pending.is_empty() {
                centred = true;
            }
            numbered_rows = true;
            above = pending.len();
            for piece_line in pending.drain(..) {
                let places = columns.place(&piece_line);
                for (n, p) in piece_line.iter().enumerate() {
                    let k = places
                        .as_ref()
                        .and_then(|k| k.get(n).copied())
                        .unwrap_or_else(|| columns.nearest(p));
                    if let Some(cell) = cells.get_mut(k) {
                        push_line(cell, p.text);
                    }
                    columns.widen(k, p);
                }
            }
            for (n, p) in pieces.iter().enumerate() {
                let k = placed.as_ref().map_or(n, |(places, _)| places[n]);
                if let Some(cell) = cells.get_mut(k) {
                    push_line(cell, p.text);
                }
            }
            if centred && separator == Separator::Spaces && numbered {
                row_start = Some((cells.clone(), columns.clone()));
            }
            rows.push((cells, i + 1));
            (after_row, after_group) = (true, false);
        } else if above_first
            || (pending.is_empty()
                && separator == Separator::Spaces
                && numbered
                && rows.len() > 1
                && rows.last().is_some_and(|(row, _)| {
                    starts_above_number(row, &pieces, &header_columns, &roles)
                })
                && (lines
                    .get(i + 1)
                    .is_some_and(|l| starts_row(&split(l, separator), width, numbered))
                    || (centred && rows.last().is_some_and(|(row, _)| row.len() == 1))))
            // More of a centred row's lines above its number.
            || (centred
                && !pending.is_empty()
                && pending.len() < MAX_LINES_ABOVE
                && is_continuation(&pieces, &header_columns, separator, numbered))
        {
            pending.push(pieces);
            after_group = false;
        } else {
            break;
        }
        i += 1;
        // Lines held for a row that never came are not the table's.
        if pending.is_empty() || rows.len() > 1 {
            end = i;
        }
    }
    flush(&mut rows, &mut pending, &mut columns);
    // A heading after the last row belongs to the text that follows the table.
    while rows.len() > 1 && rows.last().is_some_and(|(r, _)| r.len() == 1) {
        if let Some((_, line)) = rows.pop() {
            end = line - 1;
        }
    }
    if rows.len() < 2 {
        return None;
    }
    for (row, line) in &mut rows[1..] {
        if row.len() > 1 && row.len() + 1 < width {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "delimited_row_short",
                format!(
                    "a table row laid out with {} has {} of {width} cells; the missing cells are taken as empty at the end",
                    match separator {
                        Separator::Bars => "bars",
                        Separator::Spaces => "spaces",
                    },
                    row.len()
                ),
                Some(*line),
            ));
        }
        // A cell that lists a unit a line ([`push_line`]) keeps its lines: normalized whole,
        // its names would run together.
        for cell in row.iter_mut() {
            *cell = if memchr::memchr(b'\n', cell.as_bytes()).is_some() {
                let lines: Vec<String> = cell
                    .split('\n')
                    .map(crate::normalize::normalize_cell)
                    .collect();
                lines.join("\n")
            } else {
                crate::normalize::normalize_cell(cell)
            };
        }
    }
    Some((super::text::grid_from_rows(rows), end))
}

/// The header's cells, normalized, when the line splits into 3 to [`MAX_COLUMNS`] short cells
/// ([`MAX_HEADER_CHARS`] each, [`MAX_HEADER_TOTAL_CHARS`] in all).
fn header_cells(line: &str, separator: Separator) -> Option<Vec<String>> {
    let pieces = header_pieces(line, separator);
    let mut cells: Vec<String> = Vec::new();
    // Whether the last cell was built from single characters (a header spaced out letter by
    // letter: `试  点  任  务`).
    let mut spaced_out = false;
    for p in &pieces {
        let one_char = is_one_char(p.text);
        match cells.last_mut() {
            Some(last) if one_char && spaced_out => last.push_str(p.text),
            _ => cells.push(p.text.to_string()),
        }
        spaced_out = one_char;
    }
    let cells: Vec<String> = cells.iter().map(|c| normalize_block(c)).collect();
    let fits = (3..=MAX_COLUMNS).contains(&cells.len())
        && cells
            .iter()
            .all(|c| !c.is_empty() && c.chars().count() <= MAX_HEADER_CHARS)
        && cells.iter().map(|c| c.chars().count()).sum::<usize>() <= MAX_HEADER_TOTAL_CHARS;
    fits.then_some(cells)
}

/// The second line of a header laid out with spaces whose narrow cells wrap (`pdftotext
/// -layout` of a PDF's table):
///
/// ```text
/// 序号  主要任务          牵头      配合
///                         单位      单位
/// ```
///
/// `next`, under `line` whose cells are `header`, when each of its few short pieces lies
/// under a header cell other than the first (its text and the cell's overlap, give or take a
/// column: a PDF centres each line of a cell on its own), is a header's word itself (`单位`,
/// `任务`: not the start of a row's text set above its number) and ends that cell's name as a
/// header's name (`牵头单位`). Returns the header with those pieces read into it, its roles,
/// and the pieces' texts (to know the line again under the header repeated atop a page).
fn header_second_line(
    line: &str,
    next: Option<&&str>,
    header: &[String],
) -> Option<(Vec<String>, Vec<ColumnRole>, Vec<String>)> {
    let top = header_pieces(line, Separator::Spaces);
    // A header spaced out letter by letter has more pieces than cells: not looked at.
    if top.len() != header.len() || next.is_none_or(|l| l.len() > MAX_HEADER_BYTES) {
        return None;
    }
    let pieces = split_on_spaces(next?);
    if pieces.is_empty() || pieces.len() >= header.len() {
        return None;
    }
    let mut merged = header.to_vec();
    for p in &pieces {
        let text = normalize_block(p.text);
        let k = top
            .iter()
            .position(|h| p.column < h.end + 2 && h.column < p.end + 2)?;
        let name = format!("{}{text}", header[k]);
        if k == 0
            || text.chars().count() > 6
            || tasks::parse_seq(&text).is_some()
            || name.chars().count() > MAX_HEADER_CHARS
            || !tasks::is_header_cell(&text)
            || !tasks::is_header_cell(&name)
            || merged[k] != header[k]
        {
            return None;
        }
        merged[k] = name;
    }
    let roles = tasks::column_roles(&merged)?;
    Some((
        merged,
        roles,
        pieces.iter().map(|p| p.text.to_string()).collect(),
    ))
}

/// A header laid out with spaces whose narrow cells' names are printed on two lines, one above
/// and one below the line of the other names, as `pdftotext -layout` centres a wrapped header
/// cell on the row's middle line:
///
/// ```text
///                           牵头
/// 序号  工作任务                    配合单位   完成时限
///                           单位
/// ```
struct Stacked {
    /// The header's cells, each stacked name read whole into its place (`牵头单位`).
    header: Vec<String>,
    roles: Vec<ColumnRole>,
    /// Where the header's cells lie, the stacked ones spanning both their lines.
    columns: RowColumns,
    /// The cells of the middle line, and the texts of the lines above and below it (to know
    /// them again where the header is printed atop a page).
    middle: Vec<String>,
    above: Vec<String>,
    below: Vec<String>,
}

/// The header stacked on `lines[start]` and the two lines after it ([`Stacked`]): the middle
/// line's cells ([`header_cells`]), and above and below it as many short pieces, each pair
/// overlapping (give or take two columns), standing clear of the middle line's names (right of
/// its first), and naming a header cell together (`牵头` + `单位`). The
/// first line names a header word (`牵头`, `责任`: [`may_be_header`] asked it already), so a
/// line of prose above a table is not looked at further.
fn stacked_header(lines: &[&str], start: usize) -> Option<Stacked> {
    let (top, middle, bottom) = (
        lines.get(start)?,
        lines.get(start + 1)?,
        lines.get(start + 2)?,
    );
    if middle.len() > MAX_HEADER_BYTES || bottom.len() > MAX_HEADER_BYTES {
        return None;
    }
    let above = split_on_spaces(top);
    let below = split_on_spaces(bottom);
    let short = |p: &Piece<'_>| {
        (1..=4).contains(&p.text.chars().count()) && tasks::parse_seq(p.text).is_none()
    };
    if above.is_empty()
        || above.len() > 3
        || above.len() != below.len()
        || !above.iter().chain(&below).all(short)
    {
        return None;
    }
    let mut cells = header_cells(middle, Separator::Spaces)?;
    let middle_cells = cells.clone();
    let mut pieces = cell_pieces(header_pieces(middle, Separator::Spaces));
    if pieces.len() != cells.len() {
        return None;
    }
    for (a, b) in above.iter().zip(&below) {
        if a.column > b.end + 2 || b.column > a.end + 2 {
            return None;
        }
        let (column, end) = (a.column.min(b.column), a.end.max(b.end));
        // Clear of the middle line's names, and not left of its first.
        if pieces
            .iter()
            .any(|p| p.column < end + 1 && column < p.end + 1)
        {
            return None;
        }
        let k = pieces
            .iter()
            .position(|p| p.column > end)
            .unwrap_or(pieces.len());
        let name = normalize_block(&format!("{}{}", a.text, b.text));
        if k == 0 || !tasks::is_header_cell(&name) {
            return None;
        }
        cells.insert(k, name);
        pieces.insert(
            k,
            Piece {
                column,
                end,
                text: a.text,
            },
        );
    }
    let roles = tasks::column_roles(&cells)?;
    Some(Stacked {
        header: cells,
        roles,
        columns: RowColumns::of(&pieces),
        middle: middle_cells,
        above: above.iter().map(|p| p.text.to_string()).collect(),
        below: below.iter().map(|p| p.text.to_string()).collect(),
    })
}

/// The pieces of a header line ([`split`]); with spaces, a number column's name set apart from
/// the next by one space only (`序号 主要任务`, the narrow column filled) is a piece of its own,
/// its name spaced out letter by letter too (`序 号 主  要  任  务`, as a PDF prints a Word
/// table's cells spread across their width): the next name then goes on in pieces of one
/// character each, read into one cell by [`header_cells`].
fn header_pieces(line: &str, separator: Separator) -> Vec<Piece<'_>> {
    let mut pieces = split(line, separator);
    if separator == Separator::Spaces
        && let Some(first) = pieces.first()
        && let Some((seq, rest)) = seq_name_first(first.text)
        && !rest.is_empty()
        && !rest.starts_with(' ')
        && (tasks::is_header_cell(&normalize_block(rest))
            || (is_one_char(rest) && pieces.get(1).is_some_and(|p| is_one_char(p.text))))
    {
        let (column, end) = (first.column, first.end);
        let seq_end = column + seq.width();
        pieces.splice(
            0..1,
            [
                Piece {
                    column,
                    end: seq_end,
                    text: seq,
                },
                Piece {
                    column: seq_end + 1,
                    end,
                    text: rest,
                },
            ],
        );
    }
    pieces
}

/// `pieces` of a header line, a name spaced out letter by letter (`试  点  任  务`) made one
/// piece as [`header_cells`] makes it one cell: where each of the header's cells lies, one
/// start a cell (a row's text is not cut under the letters of its column's name).
fn cell_pieces(pieces: Vec<Piece<'_>>) -> Vec<Piece<'_>> {
    let mut out: Vec<Piece<'_>> = Vec::with_capacity(pieces.len());
    let mut spaced_out = false;
    for p in pieces {
        let one_char = is_one_char(p.text);
        match out.last_mut() {
            Some(last) if one_char && spaced_out => last.end = p.end,
            _ => out.push(p),
        }
        spaced_out = one_char;
    }
    out
}

/// A number column's name (`序号`, `编号`, or spaced out `序 号`) at the start of `text` and
/// one space after it: the name and the text after that space.
fn seq_name_first(text: &str) -> Option<(&str, &str)> {
    ["序号 ", "编号 ", "序 号 ", "编 号 "]
        .iter()
        .find_map(|name| {
            let rest = text.strip_prefix(name)?;
            Some((text.get(..name.len() - 1)?, rest))
        })
}

/// Whether `text` is one character that is not ASCII (a piece of a header spaced out letter
/// by letter: `试  点  任  务`).
fn is_one_char(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| !c.is_ascii()) && chars.next().is_none()
}

/// `pieces` of a row's line laid out with spaces, cut where one space only stands right before
/// a column of the header (`starts`, give or take one) and a Chinese character starts there:
/// `pdftotext -layout` leaves one space between cells when a cell's text fills its column
/// (`1    加快建设……推动热线与110 省卫生健康委`); and, with no space at all, right at the
/// start of a units column (the third or a later one) after a full-width mark that ends a
/// sentence or a clause: a cell's text whose last mark a PDF hung past its column's edge
/// (`支持开展……（QDLP）试点。市金融监管局、重庆`). Text within its cell never reaches past the
/// start of the column on its right (a group row's heading spans the row: not cut).
fn cut_at_columns<'a>(pieces: Vec<Piece<'a>>, starts: &[usize]) -> Vec<Piece<'a>> {
    // Nearly every piece holds no space and reaches past no column's start: nothing to cut.
    let overruns = |p: &Piece<'_>| starts.iter().skip(2).any(|&s| p.column < s && s < p.end);
    if !pieces.iter().any(|p| p.text.contains(' ') || overruns(p)) {
        return pieces;
    }
    let mut out = Vec::with_capacity(pieces.len() + 1);
    for p in pieces {
        let (mut start, mut start_column) = (0usize, p.column);
        let mut column = p.column;
        let mut after_space = false;
        let mut after_mark = false;
        for (at, c) in p.text.char_indices() {
            let cut_at = if after_space
                && !c.is_ascii()
                && column > start_column + 1
                && starts.iter().skip(1).any(|&s| s.abs_diff(column) <= 1)
            {
                at.checked_sub(1)
            } else if after_mark
                && !c.is_ascii()
                && !is_mark(c)
                && column > start_column + 1
                && starts.iter().skip(2).any(|&s| s == column)
                // Not a group row's heading, which spans the row.
                && starts.get(1).is_some_and(|&s| p.column + 1 >= s)
                && !super::text::is_group_line(p.text)
            {
                Some(at)
            } else {
                None
            };
            if let Some(text) = cut_at.and_then(|end| p.text.get(start..end)) {
                out.push(Piece {
                    column: start_column,
                    end: column - usize::from(cut_at != Some(at)),
                    text,
                });
                (start, start_column) = (at, column);
            }
            after_space = c == ' ';
            after_mark = matches!(c, '。' | '，' | '、' | '；' | '：' | '！' | '？');
            column += c.width().unwrap_or(0);
        }
        out.push(Piece {
            column: start_column,
            end: p.end,
            text: p.text.get(start..).unwrap_or_default(),
        });
    }
    out
}

/// Whether `c` is a full-width punctuation mark (no unit's name starts with one).
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '。' | '，'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '”'
            | '’'
            | '》'
            | '】'
            | '（'
            | '“'
    )
}

/// `pieces` of a row's line laid out with spaces, fewer than the header's cells, a piece cut
/// where it runs on into the text of the next column's name (`header`'s columns): no cell's
/// text reaches under the name of the column on its right, so one space in it (a Chinese
/// character after it) that stands between the end of its own column's name and the start of
/// the next's (give or take one) parts two cells, as `pdftotext -layout` prints them when the
/// left one fills its column; of several such spaces, the one nearest the next column's start.
///
/// ```text
/// 序号  重点任务                        牵头单位           配合单位
/// 2     推进工业互联网平台建设。       省工业和信息化厅 省科技厅
/// ```
///
/// A piece in the first column (a row's number, or prose at the margin) is left whole.
fn cut_overrunning<'a>(pieces: Vec<Piece<'a>>, header: &RowColumns) -> Vec<Piece<'a>> {
    // Nearly every piece holds no space: nothing to cut.
    if !pieces.iter().any(|p| p.text.contains(' ')) {
        return pieces;
    }
    let mut out = Vec::with_capacity(pieces.len() + 1);
    for p in pieces {
        // The column the piece starts in (not the first) and the next one's name.
        let k = header.starts.iter().rposition(|&s| s <= p.column + 1);
        let next = k.filter(|&k| k >= 1).and_then(|k| {
            let (_, name_end) = *header.spans.get(k)?;
            let next_start = *header.starts.get(k + 1)?;
            (p.end >= next_start + 2).then_some((name_end, next_start))
        });
        let Some((name_end, next_start)) = next else {
            out.push(p);
            continue;
        };
        // The space to cut at: its byte, and the column the text after it starts at.
        let mut cut: Option<(usize, usize)> = None;
        let mut column = p.column;
        let mut after_space = false;
        for (at, c) in p.text.char_indices() {
            if after_space
                && !c.is_ascii()
                && !matches!(c, '、' | '，' | '；' | '：' | '。' | '）' | '”')
                && (name_end..=next_start + 1).contains(&column)
                && cut
                    .is_none_or(|(_, best)| column.abs_diff(next_start) < best.abs_diff(next_start))
            {
                cut = Some((at, column));
            }
            after_space = c == ' ';
            column += c.width().unwrap_or(0);
        }
        match cut.and_then(|(at, column)| Some((p.text.get(..at - 1)?, p.text.get(at..)?, column)))
        {
            Some((left, right, column)) => {
                out.push(Piece {
                    column: p.column,
                    end: column - 1,
                    text: left.trim_end(),
                });
                out.push(Piece {
                    column,
                    end: p.end,
                    text: right,
                });
            }
            None => out.push(p),
        }
    }
    out
}

/// The cells of `line`, trimmed; empty ones are kept between bars (they hold a column's place)
/// but there are none between spaces.
fn split(line: &str, separator: Separator) -> Vec<Piece<'_>> {
    match separator {
        Separator::Bars => {
            // Outer bars on both sides frame the row; a bar on one side only stands after or
            // before an empty cell.
            let t = line.trim_matches(is_space);
            let t = t
                .strip_prefix(['|', '｜'])
                .and_then(|t| t.strip_suffix(['|', '｜']))
                .unwrap_or(t);
            t.split(['|', '｜'])
                .enumerate()
                .map(|(column, text)| Piece {
                    column,
                    end: column + 1,
                    text: super::text::without_emphasis(text.trim_matches(is_space)),
                })
                .collect()
        }
        Separator::Spaces => split_on_spaces(line),
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Splits on runs of white space two display columns wide or wider, noting where each piece
/// starts.
fn split_on_spaces(line: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut column = 0usize;
    // The piece being read: its start (byte, column) and the end of its last non-space
    // character (byte, column); and the width of the white space since then.
    let mut open: Option<((usize, usize), (usize, usize))> = None;
    let mut gap = 0usize;
    for (at, c) in line.char_indices() {
        let w = if c == '\t' { 2 } else { c.width().unwrap_or(0) };
        if is_space(c) {
            gap += w.max(1);
        } else {
            let end = (at + c.len_utf8(), column + w);
            match open {
                Some((start, last)) if gap >= 2 => {
                    push_piece(&mut pieces, line, start, last);
                    open = Some(((at, column), end));
                }
                Some((start, _)) => open = Some((start, end)),
                None => open = Some(((at, column), end)),
            }
            gap = 0;
        }
        column += w;
    }
    if let Some((start, end)) = open {
        push_piece(&mut pieces, line, start, end);
    }
    pieces
}

/// Adds the piece of `line` from `start` to `end` (each a byte and a display column).
fn push_piece<'a>(
    pieces: &mut Vec<Piece<'a>>,
    line: &'a str,
    (start, column): (usize, usize),
    (end, end_column): (usize, usize),
) {
    if let Some(text) = line.get(start..end) {
        pieces.push(Piece {
            column,
            end: end_column,
            text,
        });
    }
}

/// A Markdown rule without outer bars: `---|:---:|---`.
fn is_rule(line: &str) -> bool {
    let t = line.trim_ws();
    t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '｜'))
}

/// Whether a line split into `pieces` starts a row: two or more cells (more than the header's
/// columns only by a few, a cell holding the separator), the first a number in a numbered table.
fn starts_row(pieces: &[Piece<'_>], width: usize, numbered: bool) -> bool {
    let filled = pieces.iter().filter(|p| !p.text.is_empty()).count();
    filled >= 2
        && pieces.len() <= width + 2
        && (!numbered
            || pieces
                .first()
                .is_some_and(|p| tasks::parse_seq(p.text).is_some()))
}

/// Where the cells of the row being read lie, in display columns: where each starts on the line
/// that starts the row, and how far its text reaches on any of the row's lines so far.
#[derive(Debug, Default, Clone)]
struct RowColumns {
    starts: Vec<usize>,
    spans: Vec<(usize, usize)>,
}

impl RowColumns {
    fn of(pieces: &[Piece<'_>]) -> Self {
        RowColumns {
            starts: pieces.iter().map(|p| p.column).collect(),
            spans: pieces.iter().map(|p| (p.column, p.end)).collect(),
        }
    }

    /// Notes that cell `k` holds `piece` on another line of the row.
    fn widen(&mut self, k: usize, piece: &Piece<'_>) {
        if let Some(span) = self.spans.get_mut(k) {
            *span = (span.0.min(piece.column), span.1.max(piece.end));
        }
    }

    /// The cells of the row (not the first: a number or what the row is about does not wrap
    /// onto a line of its own, and text at the margin is prose) that the pieces of a line with
    /// fewer pieces than the row has cells lie under, one per piece. A piece lies under a cell
    /// that starts where it does, give or take one column (text in a cell may be indented by
    /// one); or — a cell centred, or set in by its own spaces, as `pdftotext -layout` prints
    /// them — within the cell's room: two columns clear of the text of the cells on its left and
    /// right on the row's lines, nearest the cell whose text is centred closest to its own.
    fn place(&self, pieces: &[Piece<'_>]) -> Option<Vec<usize>> {
        if pieces.is_empty() || pieces.len() >= self.starts.len() {
            return None;
        }
        let aligned: Option<Vec<usize>> = pieces
            .iter()
            .map(|p| column_under(&self.starts, p.column).filter(|&k| k >= 1))
            .collect();
        if aligned.is_some() {
            return aligned;
        }
        let mut out = Vec::with_capacity(pieces.len());
        let mut from = 1;
        for p in pieces {
            let k = (from..self.spans.len())
                .filter(|&k| self.has_room_for(k, p))
                .min_by_key(|&k| {
                    let (s, e) = self.spans[k];
                    (p.column + p.end).abs_diff(s + e)
                })?;
            out.push(k);
            from = k + 1;
        }
        Some(out)
    }

    /// The cell (not the first) whose text is centred closest to `piece`'s.
    fn nearest(&self, piece: &Piece<'_>) -> usize {
        (1..self.spans.len())
            .min_by_key(|&k| {
                let (s, e) = self.spans[k];
                (piece.column + piece.end).abs_diff(s + e)
            })
            .unwrap_or(0)
    }

    /// Whether `piece` fits in the room of cell `k` (not the first) between its neighbours' text.
    fn has_room_for(&self, k: usize, piece: &Piece<'_>) -> bool {
        let clear_left = k
            .checked_sub(1)
            .and_then(|l| self.spans.get(l))
            .is_some_and(|&(_, end)| piece.column >= end + 2);
        let clear_right = self
            .spans
            .get(k + 1)
            .is_none_or(|&(start, _)| piece.end + 2 <= start);
        clear_left && clear_right
    }
}

/// The cells of a row `width` cells wide that the pieces of its first line, fewer than its
/// cells, stand under, and the columns read them by: the first of `references` (the header's,
/// the last full row's) that has a start for each of the `width` cells and under one of whose
/// starts (give or take one) each piece starts, left to right, the first piece under the first
/// cell. As `pdftotext -layout` prints a row whose 配合单位 is empty, its 完成时限 stays under its
/// own column:
///
/// ```text
/// 序号  具体措施                  牵头单位          配合单位      完成时限
/// 2     培育专精特新企业。        省工业和信息化厅                2025年底
/// ```
///
/// When no one reference has a start for each piece, a piece may stand under a start of
/// either, give or take two columns (a cell's text set in a little, as a short name centred in
/// its cell: the task column by the full row, the units column by the header), read by the
/// last full row's columns:
///
/// ```text
/// 序号  工作任务                 牵头单位     配合单位     完成时限
/// 1     建设……数据资源         省数据和政   省发展改革委   2024年12月
/// 2     推进……高频事项       省数据和政                  持续推进
/// ```
///
/// `None` when a piece stands under no such start (cells centred in their columns): the row's
/// cells are then read in order.
fn short_row_places(
    pieces: &[Piece<'_>],
    references: [&RowColumns; 2],
    width: usize,
) -> Option<(Vec<usize>, RowColumns)> {
    let fits = |r: &RowColumns| r.starts.len() == width && r.spans.len() == width;
    let in_order =
        |places: &[usize]| places.first() == Some(&0) && places.windows(2).all(|w| w[0] < w[1]);
    // Placed within two columns, a piece right before an empty cell ends short of that cell's
    // start in `reference` too (text running on past it is no cell's left empty: the row's
    // cells stand elsewhere, parted as a paragraph's words are by a wide space).
    let room_for_empty = |places: &[usize], reference: &RowColumns| {
        places.windows(2).zip(pieces).all(|(w, p)| {
            w[1] == w[0] + 1 || reference.starts.get(w[0] + 1).is_some_and(|&s| p.end <= s)
        })
    };
    references
        .into_iter()
        .find_map(|reference| {
            if !fits(reference) {
                return None;
            }
            let places: Vec<usize> = pieces
                .iter()
                .map(|p| column_under(&reference.starts, p.column))
                .collect::<Option<_>>()?;
            in_order(&places).then(|| (places, reference.clone()))
        })
        .or_else(|| {
            let fitting: Vec<&RowColumns> = references.into_iter().filter(|r| fits(r)).collect();
            let reference = *fitting.last()?;
            let places: Vec<usize> = pieces
                .iter()
                .map(|p| {
                    fitting
                        .iter()
                        .flat_map(|r| r.starts.iter().enumerate())
                        .filter(|(_, s)| s.abs_diff(p.column) <= 2)
                        .min_by_key(|(_, s)| s.abs_diff(p.column))
                        .map(|(k, _)| k)
                })
                .collect::<Option<_>>()?;
            (in_order(&places) && room_for_empty(&places, reference))
                .then(|| (places, reference.clone()))
        })
}

/// Whether a line with bars is a task of its own under merged cells: its number and group cells
/// left empty (printed once, on the row above), its task and lead cells filled. A line that
/// leaves its first cell empty is otherwise the rest of the row above's cells.
fn own_row_under_merged(pieces: &[Piece<'_>], roles: &[ColumnRole], separator: Separator) -> bool {
    let cell = |role: ColumnRole| {
        roles
            .iter()
            .position(|r| *r == role)
            .and_then(|k| pieces.get(k))
            .map(|p| p.text)
    };
    separator == Separator::Bars
        && pieces.len() <= roles.len()
        && cell(ColumnRole::Seq).is_some_and(str::is_empty)
        && cell(ColumnRole::Group).is_some_and(str::is_empty)
        && [ColumnRole::Task, ColumnRole::Lead]
            .into_iter()
            .all(|r| cell(r).is_some_and(|t| !t.is_empty()))
}

/// Whether a line split into `pieces`, under the cells (at `columns`) of `row`, whose task's
/// text has ended its sentence (or a group row), starts the next row above its number rather than going on with
/// `row`: it starts a task's text under the task column (not with `、`, `，`…) and names units
/// under a units column too, or runs on (ends no sentence: the line of the number goes on with
/// it) — as `pdftotext -layout` prints a row whose cells a PDF centres
/// vertically, its first line above the line of its number (asked only right above that line):
///
/// ```text
/// 2     加快建设……推动热线与110、119等紧急热线高效联动。  省卫生健康委
///       整合“一网通办”服务体系，推动企业和群众办事“                 省自然资源厅、省发展
/// 3     只进一扇门”“最多跑一次”。                     省政务管理办  改革委、省公安厅、省
/// ```
fn starts_above_number(
    row: &[String],
    pieces: &[Piece<'_>],
    columns: &RowColumns,
    roles: &[ColumnRole],
) -> bool {
    let Some(task) = roles.iter().position(|r| *r == ColumnRole::Task) else {
        return false;
    };
    // A group row (`二、…`) ends what is above it too.
    let ended = row.len() == 1 || row.get(task).is_some_and(|t| ends_sentence(t));
    let Some(places) = columns.place(pieces).filter(|_| ended) else {
        return false;
    };
    let under = |k: usize| places.iter().position(|&p| p == k).map(|n| pieces[n].text);
    let units = |k: &usize| matches!(roles.get(*k), Some(ColumnRole::Lead | ColumnRole::Support));
    under(task).is_some_and(|t| {
        !t.starts_with(['、', '，', '；', '：', '。', '”', '）'])
            && (places.iter().any(units) || !ends_sentence(t))
    })
}

/// Whether `text` ends its sentence (`。`, `！`, `？`, `；`, a closing quote or bracket after it).
fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['”', '’', '）', ')', '】', '》'])
        .ends_with(['。', '！', '？', '；'])
}

/// How many of the lines printed after a row's number (`tail`, each with the cells its pieces
/// went to) are that row's, in a table whose rows are centred on their numbers (`pdftotext
/// -layout` of a PDF whose cells are centred vertically); the rest start the next row, above
/// its number. `start` is the row's cells as its number's line left them, `above` how many of
/// its lines stood above its number.
///
/// The row's task text ends its sentence where the row ends, and the next row's first line
/// starts a text (not with `、`, `，`…) and no unit name the row above broke (`市科技局、人行重庆
/// 营管` / `部`) or left open (`市发展改革委、` / `市教委`); of the places that fit so, the one
/// nearest a row centred on its number: as many lines below it as above, or one more (a row of
/// an even count of lines). Where none fits (texts that end no sentence), as many lines as stood
/// above the number are the row's.
///
/// ```text
/// 4     积极推动知识产权、股权……组  市知识产权局、重庆
///       合式质押贷款新模式。          银保监局
///       允许具有经国家认可的境外……
///       设计、规划等领域的……经重庆    市住房城乡建委、市
/// 5     市相关行业主管部门备案……      人力社保局
/// ```
fn centred_split(
    start: &[String],
    tail: &[(Vec<Piece<'_>>, Vec<usize>)],
    roles: &[ColumnRole],
    above: usize,
) -> usize {
    let whole = tail.len();
    let Some(task) = roles.iter().position(|r| *r == ColumnRole::Task) else {
        return whole;
    };
    // The text of a line's piece in cell `k`.
    fn in_cell<'a>(line: &(Vec<Piece<'a>>, Vec<usize>), k: usize) -> Option<&'a str> {
        line.1
            .iter()
            .position(|&c| c == k)
            .and_then(|n| line.0.get(n))
            .map(|p| p.text)
            .filter(|t| !t.is_empty())
    }
    // The text of the row's cell `k` with its first `lines` lines after the number.
    let cell_text = |k: usize, lines: usize| {
        let mut cell = start.get(k).cloned().unwrap_or_default();
        for line in &tail[..lines] {
            if let Some(t) = in_cell(line, k) {
                push_wrapped(&mut cell, t);
            }
        }
        cell
    };
    let off_centre = |keep: usize| {
        if keep < above {
            above - keep
        } else {
            keep.saturating_sub(above + 1)
        }
    };
    let mut task_text = start.get(task).map_or("", String::as_str);
    let mut best: Option<usize> = None;
    for keep in 0..=whole {
        if let Some(t) = keep.checked_sub(1).and_then(|n| in_cell(&tail[n], task)) {
            task_text = t;
        }
        let next_starts = || {
            let line = &tail[keep];
            in_cell(line, task).is_none_or(|t| {
                !t.starts_with(['、', '，', '；', '：', '。', '”', '）', '》', '】'])
            }) && line.0.iter().zip(&line.1).all(|(p, &k)| {
                !matches!(roles.get(k), Some(ColumnRole::Lead | ColumnRole::Support)) || {
                    let cell = cell_text(k, keep);
                    cell.is_empty()
                        || (!cell.ends_with(['、', '，', '；'])
                            && (tasks::is_unit_list(&cell)
                                || !tasks::is_unit_list(&format!("{cell}{}", p.text))))
                }
            })
        };
        if ends_sentence(task_text)
            && (keep == whole || next_starts())
            && best.is_none_or(|b| off_centre(keep) <= off_centre(b))
        {
            best = Some(keep);
        }
    }
    best.unwrap_or(above.min(whole))
}

/// The most lines of a row held above its number.
const MAX_LINES_ABOVE: usize = 8;

/// Adds the lines held for a row that did not come to the row above, as the rest of its cells.
fn flush(
    rows: &mut [(Vec<String>, usize)],
    pending: &mut Vec<Vec<Piece<'_>>>,
    columns: &mut RowColumns,
) {
    let tasks_read = rows.len() > 1;
    let Some((row, _)) = rows.last_mut().filter(|_| tasks_read) else {
        pending.clear();
        return;
    };
    for pieces in pending.drain(..) {
        continue_row(row, &pieces, columns, Separator::Spaces);
    }
}

/// Whether a line split into `pieces`, right after a row whose cells lie at `columns`, is the
/// rest of that row's cells.
fn is_continuation(
    pieces: &[Piece<'_>],
    columns: &RowColumns,
    separator: Separator,
    numbered: bool,
) -> bool {
    let Some(first) = pieces.first() else {
        return false;
    };
    if numbered && tasks::parse_seq(first.text).is_some() {
        return false;
    }
    match separator {
        // The first column left empty: the row goes on.
        Separator::Bars => first.text.is_empty() && pieces.len() <= columns.starts.len().max(2),
        // Every piece under a later cell of the row.
        Separator::Spaces => columns.place(pieces).is_some(),
    }
}

/// The column of a row whose cells start at `columns` that a piece starting at `column` lies
/// under: the one starting there, give or take one (text in a cell may be indented by one).
fn column_under(columns: &[usize], column: usize) -> Option<usize> {
    columns.iter().position(|&c| c.abs_diff(column) <= 1)
}

/// Appends the next line of a wrapped cell: with a space between two Latin words, else
/// without (a number broken across lines, `5` / `0%`, is one number; the space between Chinese
/// text goes in normalization anyway).
fn push_wrapped(cell: &mut String, next: &str) {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    if latin(cell.chars().next_back()) && latin(next.chars().next()) {
        cell.push(' ');
    }
    cell.push_str(next);
}

/// Adds `next`, the next line of a cell, to `cell`: as a line of its own when it names units of
/// its own under a cell that lists a unit a line ([`tasks::unit_of_its_own`]: `万州区` /
/// `黔江区`), else as the rest of a wrapped line ([`push_wrapped`]: `市人力社` / `保局`).
fn push_line(cell: &mut String, next: &str) {
    if tasks::unit_of_its_own(cell, next) {
        cell.push('\n');
        cell.push_str(next);
    } else {
        push_wrapped(cell, next);
    }
}

/// Adds the pieces of a wrapped line to the cells of `row`, whose cells lie at `columns`.
/// Returns the cell each piece went to.
fn continue_row(
    row: &mut Vec<String>,
    pieces: &[Piece<'_>],
    columns: &mut RowColumns,
    separator: Separator,
) -> Vec<usize> {
    let places = match separator {
        Separator::Bars => None,
        Separator::Spaces => columns.place(pieces),
    };
    let mut went = Vec::with_capacity(pieces.len());
    for (n, p) in pieces.iter().enumerate() {
        if p.text.is_empty() {
            went.push(usize::MAX);
            continue;
        }
        let k = match (separator, &places) {
            (Separator::Bars, _) => p.column,
            (Separator::Spaces, Some(places)) => places.get(n).copied().unwrap_or(0),
            (Separator::Spaces, None) => column_under(&columns.starts, p.column).unwrap_or(0),
        };
        if row.len() <= k {
            row.resize(k + 1, String::new());
        }
        if let Some(cell) = row.get_mut(k) {
            push_line(cell, p.text);
        }
        columns.widen(k, p);
        went.push(k);
    }
    went
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrapped_cell_joins_latin_words_with_a_space_and_numbers_without() {
        let join = |a: &str, b: &str| {
            let mut cell = a.to_string();
            push_wrapped(&mut cell, b);
            cell
        };
        assert_eq!(join("不低于5", "0%条件"), "不低于50%条件");
        assert_eq!(join("open", "data"), "open data");
        assert_eq!(
            join("市知识产权局、重庆", "银保监局"),
            "市知识产权局、重庆银保监局"
        );
        assert_eq!(join("", "首行"), "首行");
    }

    fn cells(line: &str, sep: Separator) -> Vec<(usize, String)> {
        split(line, sep)
            .into_iter()
            .map(|p| (p.column, p.text.to_string()))
            .collect()
    }

    #[test]
    fn spaces_split_on_two_columns_of_white_space() {
        assert_eq!(
            cells("1  推动开放 市商务委\u{3000}市财政局", Separator::Spaces),
            vec![
                (0, "1".to_string()),
                (3, "推动开放 市商务委".to_string()),
                (22, "市财政局".to_string())
            ]
        );
        assert_eq!(
            cells("    序号   名称", Separator::Spaces),
            vec![(4, "序号".to_string()), (11, "名称".to_string())]
        );
        assert!(cells("   ", Separator::Spaces).is_empty());
    }

    #[test]
    fn bars_keep_empty_cells_and_drop_outer_bars() {
        assert_eq!(
            cells("1 | 推动 |  | 市财政局", Separator::Bars)
                .into_iter()
                .map(|c| c.1)
                .collect::<Vec<_>>(),
            ["1", "推动", "", "市财政局"]
        );
        assert_eq!(
            cells("｜序号｜任务｜", Separator::Bars)
                .into_iter()
                .map(|c| c.1)
                .collect::<Vec<_>>(),
            ["序号", "任务"]
        );
    }

    #[test]
    fn a_header_spaced_out_letter_by_letter_is_one_cell() {
        assert_eq!(
            header_cells(
                "序号    试  点  任  务    牵头单位    配合单位",
                Separator::Spaces
            ),
            Some(vec![
                "序号".to_string(),
                "试点任务".into(),
                "牵头单位".into(),
                "配合单位".into()
            ])
        );
        // Too few cells, or a cell too long for a header.
        assert_eq!(header_cells("序号  牵头单位", Separator::Spaces), None);
        assert_eq!(
            header_cells(
                "序号  任务  牵头单位  这是一段很长很长很长的说明文字而不是表头",
                Separator::Spaces
            ),
            None
        );
    }

    fn read(text: &str) -> Option<(Table, usize, Vec<Diagnostic>)> {
        let lines: Vec<&str> = text.lines().collect();
        let mut diags = Vec::new();
        read_delimited_table(&lines, 0, &mut diags).map(|(t, end)| (t, end, diags))
    }

    #[test]
    fn wrapped_cells_join_the_column_they_start_under() {
        let text = "序号  重点任务                  牵头单位      配合单位\n\
                    1     推动服务业扩大开放，深化    市商务委、    市财政局\n\
                    \x20     体制机制改革                市发展改革委\n\
                    2     完善监管                    市市场监管局\n\
                    此后是正文。";
        let (table, end, diags) = read(text).expect("a table");
        assert_eq!(end, 4, "the prose line ends the table");
        assert_eq!(table.rows.len(), 3);
        assert_eq!(
            table.rows[1],
            [
                "1",
                "推动服务业扩大开放，深化体制机制改革",
                "市商务委、市发展改革委",
                "市财政局"
            ]
        );
        assert_eq!(table.rows[2], ["2", "完善监管", "市市场监管局", ""]);
        assert!(diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn bars_rows_group_rows_and_a_trailing_heading() {
        let text = "序号 | 任务 | 牵头单位 | 配合单位\n\
                    ---|---|---|---\n\
                    一、开放\n\
                    1 | 推动 | 市商务委 | 市财政局\n\
                    \x20 | 继续推动 |  | 市科技局\n\
                    \n\
                    2 | 完善 | 市市场监管局\n\
                    二、后文标题";
        let (table, end, _) = read(text).expect("a table");
        assert_eq!(end, 7, "the heading after the last row is left to the text");
        let rows: Vec<Vec<&str>> = table
            .rows
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(
            rows,
            [
                vec!["序号", "任务", "牵头单位", "配合单位"],
                vec!["一、开放"; 4],
                // Two whole names a line each under a units column are two units, not one.
                vec!["1", "推动继续推动", "市商务委", "市财政局\n市科技局"],
                vec!["2", "完善", "市市场监管局", ""],
            ]
        );
    }

    #[test]
    fn a_header_without_a_number_column_names_its_units_responsible() {
        let (table, end, _) =
            read("重点任务 | 责任单位 | 配合单位\n推动开放 | 市商务委 | 市财政局\n完善监管 | 市市场监管局 |")
                .expect("a table");
        assert_eq!(end, 3);
        assert_eq!(table.rows[2], ["完善监管", "市市场监管局", ""]);
        assert!(
            names_a_header_word("责任单位")
                && names_a_header_word("牵头")
                && !names_a_header_word("任务")
        );
        // The byte search agrees with the substring searches it replaced.
        let reference = |t: &str| {
            t.contains("牵头") || t.contains("责任") || t.contains("序号") || t.contains("编号")
        };
        let pieces = [
            "序", "号", "编", "牵", "头", "责", "任", "务", "a", "", "卷", "淘", "，",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let t = format!("{a}{b}{c}");
                    assert_eq!(names_a_header_word(&t), reference(&t), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn lines_that_do_not_name_a_task_table_are_not_read() {
        // No lead column.
        assert!(read("序号  名称  金额\n1  甲  100\n2  乙  200").is_none());
        // A header and no row.
        assert!(read("序号  任务  牵头单位\n正文继续。").is_none());
        // A sentence with double spaces.
        assert!(read("由市商务委牵头，编号  见附件。\n1  2  3").is_none());
    }

    #[test]
    fn a_stacked_header_is_read_and_skipped_whole_atop_a_page() {
        let header = [
            "                          牵头",
            "序号  工作任务                       配合单位    完成时限",
            "                          单位",
        ];
        let row = |n: &str| format!("{n}     推进建设。          省数据局    省财政厅    2024年底");
        let (one, two) = (row("1"), row("2"));
        let mut lines: Vec<&str> = header.to_vec();
        lines.push(&one);
        lines.extend(header);
        lines.push(&two);
        let mut diags = Vec::new();
        let (table, end) = read_delimited_table(&lines, 0, &mut diags).expect("a table");
        assert_eq!(end, lines.len());
        assert_eq!(
            table.rows,
            [
                ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
                ["1", "推进建设。", "省数据局", "省财政厅", "2024年底"],
                ["2", "推进建设。", "省数据局", "省财政厅", "2024年底"],
            ]
        );
        // Prose above a header is no stacked name.
        let prose = ["由省数据局牵头  负责", header[1], header[2], &one];
        assert!(read_delimited_table(&prose, 0, &mut diags).is_none());
    }

    #[test]
    fn a_row_with_more_than_its_last_cell_missing_is_reported() {
        let (_, _, diags) =
            read("序号  任务  牵头单位  配合单位  备注\n1  推动  市商务委").expect("a table");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "delimited_row_short");
        assert_eq!(diags[0].line, Some(2));
    }
}
