//! HTML tables → [`Table`] grids.
//!
//! The grid is laid out the way browsers (and pandas.read_html) lay it out: each cell takes the
//! first free slot of its row, `colspan` and `rowspan` reserve the slots they cover, and a
//! spanned cell's text stands in every slot it covers. Spans are capped at
//! [`Limits::max_colspan`] and [`Limits::max_rowspan`] (and a rowspan never reaches past the
//! table's last row, `rowspan="0"` reaches to it); the whole grid at [`Limits::max_grid_cells`],
//! checked row by row before anything is allocated, so a hostile table costs at most the cap. A
//! column no cell starts in (only spans cross it) is no column of the table: it is left out, so
//! a span past the table's last column (`colspan="1000"` over three) costs nothing.
//!
//! A cell's text is its block lines, each normalized, joined with `\n` (so `市科技局<br>市教委` stays
//! two units for [`crate::tasks::split_units`]); a cell of at most six characters in lines of at
//! most three is joined without a break, because that is a header word broken to fit a narrow
//! column (`牵头<br>单位`).
//! A table nested in a cell is flattened into the cell's text, one line per nested cell.
//!
//! Rows and columns that are empty in every slot are dropped. Header rows are the leading rows in
//! `<thead>` or made of `<th>` cells, else the leading rows of header words
//! ([`crate::tasks::header_rows`]).

use super::content::Marks;
use super::dom::{self, Dom, TextLines, tag};
use super::tree::Lines;
use crate::Limits;
use crate::blocks::Para;
use crate::model::{Diagnostic, Severity, Table};
use crate::normalize::TrimFast as _;
use ego_tree::NodeId;
use html5ever::{LocalName, local_name};

/// Most bytes of cell text copied into spanned slots per table; past this a spanned cell's text
/// stands only in its first slot.
const SPAN_COPY_BYTES: usize = 64 * 1024 * 1024;

/// One `<tr>` of a table (not of a nested table).
pub(super) struct RawRow<'a> {
    /// The row's `<td>` and `<th>` elements.
    pub cells: Vec<Dom<'a>>,
    /// Whether the row sits in `<thead>`.
    pub head: bool,
}

/// The rows of `table` in order, with their cells; nested tables are not entered.
pub(super) fn rows_of<'a>(table: Dom<'a>) -> Vec<RawRow<'a>> {
    row_elements(table)
        .map(|(tr, head)| row_of(tr, head))
        .collect()
}

/// Whether `table` has more than `n` rows (counted as [`rows_of`] counts them, stopping early).
/// The metadata search counts its rows as it reads them; the tests keep this as the reference.
#[cfg(test)]
pub(super) fn has_more_rows_than(table: Dom<'_>, n: usize) -> bool {
    row_elements(table).nth(n).is_some()
}

/// The `<tr>` elements of `table` in order, directly or in a section, each with whether it sits
/// in `<thead>`. A row or section a browser does not show (`display:none`, `hidden`) is left out.
pub(super) fn row_elements<'a>(table: Dom<'a>) -> impl Iterator<Item = (Dom<'a>, bool)> {
    table.children().flat_map(|child| {
        let name = tag(&child);
        let own = (name == Some("tr") && !hidden(child)).then_some((child, false));
        let section =
            (matches!(name, Some("thead" | "tbody" | "tfoot")) && !hidden(child)).then(|| {
                let head = name == Some("thead");
                child
                    .children()
                    .filter(|c| tag(c) == Some("tr") && !hidden(*c))
                    .map(move |tr| (tr, head))
            });
        own.into_iter().chain(section.into_iter().flatten())
    })
}

/// Whether an element of a table's frame (a row, a section, a cell) is hidden ([`dom::is_hidden`]).
pub(super) fn hidden(n: Dom<'_>) -> bool {
    n.value().as_element().is_some_and(dom::is_hidden)
}

fn row_of(tr: Dom<'_>, head: bool) -> RawRow<'_> {
    RawRow {
        cells: cells_of(tr).collect(),
        head,
    }
}

/// The `<td>` and `<th>` elements of the row `tr`, in order; a hidden one takes no slot, as a
/// browser lays the row out without it.
pub(super) fn cells_of<'a>(tr: Dom<'a>) -> impl Iterator<Item = Dom<'a>> + Clone {
    tr.children()
        .filter(|c| matches!(tag(c), Some("td" | "th")) && !hidden(*c) && !is_word_placeholder(*c))
}

/// A cell Word writes only to draw a row that starts or ends off the table's grid (a row moved
/// by a few points, `w:gridBefore`/`w:gridAfter`), when it saves a document as a web page:
/// `<td style='mso-cell-special:placeholder;border:none' width=7>`. It holds nothing and is no
/// column of the table, so it takes no slot; counted, it would shift the row by one.
fn is_word_placeholder(cell: Dom<'_>) -> bool {
    cell.value()
        .as_element()
        .and_then(|e| dom::attr(e, &local_name!("style")))
        .is_some_and(|style| {
            memchr::memmem::find(style.as_bytes(), b"mso-cell-special:placeholder").is_some()
        })
}

/// The `<caption>` of a table, normalized.
pub(super) fn caption(table: Dom<'_>) -> Option<String> {
    let c = table.children().find(|c| tag(c) == Some("caption"))?;
    let text = dom::joined_text(c);
    (!text.is_empty()).then_some(text)
}

/// A layout table: every row has at most one cell, and no cell spans rows or columns (a spanning
/// cell says the table is a grid). Its content is read as ordinary blocks. A small table (a few
/// rows) whose rows show text in one cell each beside empty ones is layout too: the signature
/// and date set to the right by a blank cell before them (`<td width="60%"></td><td>某某区人民政府
/// <br>2024年5月20日</td>`).
pub(super) fn is_layout(rows: &[RawRow<'_>]) -> bool {
    const SMALL: usize = 3;
    let one_cell = |r: &RawRow<'_>| {
        r.cells.len() <= 1
            || (rows.len() <= SMALL && r.cells.iter().filter(|c| shows_text(**c)).nth(1).is_none())
    };
    rows.iter().all(one_cell)
        && rows.iter().flat_map(|r| &r.cells).all(|c| {
            span_attr(c, &local_name!("colspan")).unwrap_or(1) <= 1
                && span_attr(c, &local_name!("rowspan")).unwrap_or(1) <= 1
        })
}

/// Whether a cell shows any text: a spacer (`<td></td>`, `<td>&nbsp;</td>`, an image) shows none.
fn shows_text(cell: Dom<'_>) -> bool {
    cell.descendants()
        .any(|d| matches!(d.value(), scraper::Node::Text(t) if dom::has_visible(t)))
}

/// A cell's text: normalized lines joined with `\n` (see the module documentation), and its
/// first text node with visible text (whose line the row takes). `scratch` is reused.
pub(super) fn cell_text(
    cell: Dom<'_>,
    marks: &Marks,
    scratch: &mut TextLines,
) -> (String, Option<NodeId>) {
    if let Some(text) = nested_allocation(cell, marks, scratch) {
        scratch.read_marked(cell, Some(marks));
        return (text, scratch.first());
    }
    scratch.read_marked(cell, Some(marks));
    let first = scratch.first();
    let mut raw = scratch.lines();
    let (Some(one), None) = (raw.next(), raw.clone().next()) else {
        return (crate::read::join_cell_lines(scratch.lines()), first);
    };
    // One line (the usual cell): its normalized text, nothing to join.
    (crate::normalize::normalize_cell(one), first)
}

/// A units cell that holds nothing but a small allocation table (`牵头 | 甲` over `配合 | 乙`, or
/// `牵头单位 | 配合单位` over the names), as its clauses on lines of their own (`牵头：甲` /
/// `配合：乙`): read line by line, the labels would be units. `None` for every other cell.
fn nested_allocation(cell: Dom<'_>, marks: &Marks, scratch: &mut TextLines) -> Option<String> {
    let inner = cell
        .descendants()
        .skip(1)
        .find(|n| tag(n) == Some("table"))?;
    // Text of the cell outside the nested table keeps the cell as it reads.
    let mut inside = false;
    for edge in cell.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(n) if n.id() == inner.id() => inside = true,
            ego_tree::iter::Edge::Close(n) if n.id() == inner.id() => inside = false,
            ego_tree::iter::Edge::Open(n)
                if !inside && n.value().as_text().is_some_and(|t| dom::has_visible(t)) =>
            {
                return None;
            }
            _ => {}
        }
    }
    let rows: Vec<Vec<Vec<String>>> = row_elements(inner)
        .map(|(tr, _)| {
            cells_of(tr)
                .map(|c| {
                    scratch.read_marked(c, Some(marks));
                    scratch.lines().map(str::to_string).collect()
                })
                .collect()
        })
        .collect();
    crate::tasks::allocation_clauses(&rows).map(|lines| lines.join("\n"))
}

/// Merges neighbouring grid columns that a browser shows as one: a cell of some row spans both
/// (`joins[c]` for columns `c` and `c + 1`), another row splits them, and in no row do they
/// hold the texts of two different cells. Word's grid splits a column so where a row starts or ends a few points off
/// the others (its off-grid placeholder, or an empty sliver cell, in the narrow part, the row's
/// text in the other), and a header cell spans the two. Returns the old column → new column
/// map when any were merged; `owners` holds the placed cell of each slot, row by row.
fn merge_split_columns(
    grid: &mut [Vec<String>],
    owners: &[u32],
    joins: &[bool],
    width: usize,
) -> Option<Vec<usize>> {
    let height = grid.len();
    let mut map = Vec::with_capacity(width);
    // The cell whose text the current group of columns holds, row by row.
    let mut held = vec![u32::MAX; height];
    let mut group = 0usize;
    let mut any = false;
    for c in 0..width {
        let owner = |r: usize| owners.get(r * width + c).copied().unwrap_or(u32::MAX);
        let before = |r: usize| {
            owners
                .get((r * width + c).wrapping_sub(1))
                .copied()
                .unwrap_or(u32::MAX)
        };
        // Columns every row's one cell spans stay as they are: no row is split there.
        let join = c > 0
            && joins.get(c - 1).copied().unwrap_or(false)
            && (0..height).any(|r| owner(r) != before(r))
            && (0..height).all(|r| {
                grid[r].get(c).is_none_or(String::is_empty)
                    || held[r] == u32::MAX
                    || held[r] == owner(r)
            });
        if c > 0 && !join {
            group += 1;
            held.fill(u32::MAX);
        }
        any |= join;
        map.push(group);
        for (r, h) in held.iter_mut().enumerate() {
            if *h == u32::MAX && grid[r].get(c).is_some_and(|s| !s.is_empty()) {
                *h = owner(r);
            }
        }
    }
    if !any {
        return None;
    }
    for row in grid.iter_mut() {
        let mut out: Vec<String> = Vec::with_capacity(group + 1);
        for (c, text) in row.drain(..).enumerate() {
            if map.get(c).copied().unwrap_or(group) >= out.len() {
                out.push(text);
            } else if let Some(last) = out.last_mut().filter(|l| l.is_empty()) {
                *last = text;
            }
        }
        *row = out;
    }
    Some(map)
}

fn span_attr(cell: &Dom<'_>, name: &LocalName) -> Option<u64> {
    let v = dom::attr(cell.value().as_element()?, name)?.trim_ws();
    // The leading digits, at most 12 of them.
    let n = v.bytes().take(12).take_while(u8::is_ascii_digit).count();
    v.get(..n)?.parse().ok()
}

/// A table's rows' cells with Word's placeholders put back, where a row has any
/// ([`with_placeholders`]).
type FullRows<'a> = [Option<Vec<(Dom<'a>, bool)>>];

/// A cell placed in the grid.
struct Placed {
    row: usize,
    col: usize,
    rows: usize,
    cols: usize,
    text: String,
    /// Whether it is one of Word's off-grid placeholders ([`is_word_placeholder`]).
    placeholder: bool,
}

/// The cells of `row` with Word's off-grid placeholders put back where the markup has them, each
/// with whether it is one; `None` when the row has none (or is no `<tr>`'s).
fn with_placeholders<'a>(row: &RawRow<'a>) -> Option<Vec<(Dom<'a>, bool)>> {
    let tr = row
        .cells
        .first()?
        .parent()
        .filter(|p| tag(p) == Some("tr"))?;
    let all: Vec<(Dom<'a>, bool)> = tr
        .children()
        .filter(|c| matches!(tag(c), Some("td" | "th")) && !hidden(*c))
        .map(|c| (c, is_word_placeholder(c)))
        .collect();
    (all.len() > row.cells.len()).then_some(all)
}

/// Builds the grid of a data table (see [`build_grid`]). Word's off-grid placeholder cells
/// (`w:gridBefore`/`w:gridAfter`) are grid positions: the row's other cells stay in their own
/// columns, and the narrow grid column a placeholder stands in is one shown column with its
/// neighbour (a cell of another row spans both). Only where a placeholder cannot be laid out so
/// (its column holds other rows' text: the markup gives it no grid column of its own) is the row
/// read without it, as a row moved off the grid by a few points. Paragraphs the title rows
/// give before the table are appended to `head`.
pub(super) fn build(
    table: Dom<'_>,
    rows: &[RawRow<'_>],
    marks: &Marks,
    limits: &Limits,
    lines: &mut Lines<'_>,
    diags: &mut Vec<Diagnostic>,
    head: &mut Vec<Para>,
) -> crate::Result<Option<Table>> {
    let full: Vec<Option<Vec<(Dom<'_>, bool)>>> = rows.iter().map(with_placeholders).collect();
    if full.iter().any(Option::is_some) {
        let mut tried = Vec::new();
        if let Some((t, mut above)) =
            build_grid(table, rows, Some(&full), marks, limits, lines, &mut tried)?
        {
            diags.append(&mut tried);
            head.append(&mut above);
            return Ok(Some(t));
        }
    }
    Ok(
        build_grid(table, rows, None, marks, limits, lines, diags)?.map(|(t, mut above)| {
            head.append(&mut above);
            t
        }),
    )
}

/// Builds the grid of a data table. Returns `None` when nothing is left (no text at all), and
/// an error naming `--max-grid-cells` when the grid, spans expanded, would hold more cells than
/// [`Limits::max_grid_cells`]: an input over a limit is refused, never cut short. With `full`
/// (the rows' cells with Word's placeholders, where a row has any), the placeholders take their
/// slots, and `None` is returned when one cannot stand in a column of its own or merged into a
/// neighbour ([`merge_split_columns`]). With the table come the paragraphs its title rows give
/// before it (an attachment's label and title, see [`attachment_head`]).
fn build_grid(
    table: Dom<'_>,
    rows: &[RawRow<'_>],
    full: Option<&FullRows<'_>>,
    marks: &Marks,
    limits: &Limits,
    lines: &mut Lines<'_>,
    diags: &mut Vec<Diagnostic>,
) -> crate::Result<Option<(Table, Vec<Para>)>> {
    let cap = usize::try_from(limits.max_grid_cells)
        .unwrap_or(usize::MAX)
        .max(1);
    let max_colspan = usize::try_from(limits.max_colspan)
        .unwrap_or(usize::MAX)
        .max(1);
    let max_rowspan = usize::try_from(limits.max_rowspan)
        .unwrap_or(usize::MAX)
        .max(1);
    let n_rows = rows.len();
    // busy[c] = the first row index at which column c is free again.
    let mut busy: Vec<usize> = Vec::new();
    let mut placed: Vec<Placed> = Vec::new();
    let mut row_lines: Vec<usize> = Vec::with_capacity(n_rows);
    let mut width = 0usize;
    // starts[c]: whether some cell starts in column c, and how many columns do: the table's
    // own columns (see below).
    let mut starts: Vec<bool> = Vec::new();
    let mut n_starts = 0usize;
    let mut height = 0usize;
    let mut spans_capped = false;
    let mut truncated = false;
    let mut first_line = None;
    let mut scratch = TextLines::default();
    // One row's cell texts (and first text nodes), reused from row to row.
    let mut texts: Vec<(String, Option<NodeId>)> = Vec::new();
    let mut cells: Vec<(Dom<'_>, bool)> = Vec::new();

    for (r, row) in rows.iter().enumerate() {
        if (r + 1).saturating_mul(n_starts.max(1)) > cap {
            truncated = true;
            break;
        }
        cells.clear();
        match full.and_then(|f| f.get(r)).and_then(Option::as_ref) {
            Some(all) => cells.extend(all.iter().copied()),
            None => cells.extend(row.cells.iter().map(|c| (*c, false))),
        }
        texts.clear();
        texts.extend(
            cells
                .iter()
                .map(|(c, _)| cell_text(*c, marks, &mut scratch)),
        );
        // The row's line is the line of its first text.
        let line = lines.of(texts.iter().find_map(|(_, first)| *first));
        first_line.get_or_insert(line);
        row_lines.push(line);
        let mut col = 0usize;
        for (&(cell, placeholder), (text, _)) in cells.iter().zip(texts.drain(..)) {
            while busy.get(col).is_some_and(|&until| until > r) {
                col += 1;
            }
            if col >= cap {
                truncated = true;
                break;
            }
            let want_cols = span_attr(&cell, &local_name!("colspan"))
                .filter(|&c| c > 0)
                .unwrap_or(1);
            let want_rows = match span_attr(&cell, &local_name!("rowspan")) {
                Some(0) => (n_rows - r) as u64,
                Some(n) => n,
                None => 1,
            };
            let mut cols = usize::try_from(want_cols).unwrap_or(usize::MAX);
            let mut span_rows = usize::try_from(want_rows).unwrap_or(usize::MAX);
            if cols > max_colspan || span_rows > max_rowspan {
                spans_capped = true;
            }
            cols = cols.min(max_colspan).min(cap - col);
            span_rows = span_rows.min(max_rowspan).min(n_rows - r).max(1);
            if busy.len() < col + cols {
                busy.resize(col + cols, 0);
                starts.resize(col + cols, false);
            }
            if let Some(s) = starts.get_mut(col)
                && !*s
            {
                *s = true;
                n_starts += 1;
            }
            for b in &mut busy[col..col + cols] {
                *b = r + span_rows;
            }
            placed.push(Placed {
                row: r,
                col,
                rows: span_rows,
                cols,
                text,
                placeholder,
            });
            col += cols;
        }
        width = width.max(col);
        height = r + 1;
    }
    // A column no cell starts in is no column of the table: only spans cross it (a title row's
    // `colspan="1000"` over three columns, a span past the last column), a browser gives it no
    // width, and it would only hold copies of the spanned cells' text. Each cell keeps the
    // columns that start from its first to its last, so a table costs its own columns, however
    // wide its spans say they are.
    if n_starts < width {
        let mut map = Vec::with_capacity(width);
        let mut k = 0usize;
        for &s in starts.iter().take(width) {
            k += usize::from(s);
            map.push(k.saturating_sub(1));
        }
        for p in &mut placed {
            let first = map.get(p.col).copied().unwrap_or(0);
            let last = map.get(p.col + p.cols.max(1) - 1).copied().unwrap_or(first);
            p.col = first;
            p.cols = last + 1 - first;
        }
        width = n_starts;
    }
    let line = first_line.unwrap_or_else(|| lines.last());
    if truncated || height.saturating_mul(width) > cap {
        // Counted up to the limit: the rows past it were not read.
        let at_least = height
            .max(n_rows)
            .saturating_mul(width.max(1))
            .max(cap.saturating_add(1));
        return Err(crate::Error::Limit {
            what: format!(
                "the number of cells of the table at line {line} ({} rows, spans expanded; counted up to the limit)",
                n_rows
            ),
            value: u64::try_from(at_least).unwrap_or(u64::MAX),
            limit: limits.max_grid_cells,
            flag: "--max-grid-cells".into(),
        });
    }
    if spans_capped {
        diags.push(Diagnostic::new(
            Severity::Info,
            "span_capped",
            format!(
                "a table cell spans more than {} rows or {} columns; the span was capped",
                limits.max_rowspan, limits.max_colspan
            ),
            Some(line),
        ));
    }
    if width == 0 || height == 0 {
        return Ok(None);
    }

    // The pairs of neighbouring columns one cell with text spans (not a row across the whole
    // width, a group heading): two grid columns that may show as one ([`merge_split_columns`]).
    let mut joins = vec![false; width.saturating_sub(1)];
    for p in placed.iter().filter(|p| p.cols > 1 && !p.text.is_empty()) {
        if p.col == 0 && p.cols >= width {
            continue;
        }
        for j in joins
            .iter_mut()
            .take((p.col + p.cols - 1).min(width - 1))
            .skip(p.col)
        {
            *j = true;
        }
    }
    // Which placed cell covers each slot (row by row), when some columns may be merged.
    let owners: Option<Vec<u32>> = joins.contains(&true).then(|| {
        let mut o = vec![u32::MAX; width * height];
        for (i, p) in placed.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            for r in p.row..(p.row + p.rows).min(height) {
                for slot in
                    &mut o[r * width + p.col.min(width)..r * width + (p.col + p.cols).min(width)]
                {
                    *slot = i;
                }
            }
        }
        o
    });
    let placeholders: Vec<usize> = placed
        .iter()
        .filter(|p| p.placeholder)
        .map(|p| p.col)
        .collect();

    let mut grid: Vec<Vec<String>> = vec![vec![String::new(); width]; height];
    // The slots under a cell that spans rows, in grid order.
    let mut merged_down: Vec<(usize, usize)> = placed
        .iter()
        .filter(|p| p.rows > 1 && p.row < height && p.col < width)
        .flat_map(|p| {
            let cols = p.col..(p.col + p.cols).min(width);
            (p.row + 1..(p.row + p.rows).min(height))
                .flat_map(move |r| cols.clone().map(move |c| (r, c)))
        })
        .collect();
    merged_down.sort_unstable();
    let mut copied = 0usize;
    let mut copy_capped = false;
    for p in placed {
        if p.text.is_empty() || p.row >= height || p.col >= width {
            continue;
        }
        let row_end = (p.row + p.rows).min(height);
        let col_end = (p.col + p.cols).min(width);
        let slots = (row_end - p.row) * (col_end - p.col);
        let cost = p.text.len().saturating_mul(slots.saturating_sub(1));
        if copied.saturating_add(cost) > SPAN_COPY_BYTES {
            copy_capped = true;
            if let Some(slot) = grid.get_mut(p.row).and_then(|r| r.get_mut(p.col)) {
                *slot = p.text;
            }
            continue;
        }
        copied += cost;
        // Copies into every slot but the first, which takes the text itself (nearly every cell
        // has one slot: no copy at all).
        for (r, row) in grid[p.row..row_end].iter_mut().enumerate() {
            for (c, slot) in row[p.col..col_end].iter_mut().enumerate() {
                if r + c > 0 {
                    slot.clone_from(&p.text);
                }
            }
        }
        if let Some(slot) = grid.get_mut(p.row).and_then(|r| r.get_mut(p.col)) {
            *slot = p.text;
        }
    }
    if copy_capped {
        diags.push(Diagnostic::new(
            Severity::Warning,
            "span_text_capped",
            "spanned cells hold too much text to copy into every slot; some stand only in their first slot",
            Some(line),
        ));
    }

    // Grid columns that show as one: merged, and the merged slots by the columns kept.
    let map = owners.and_then(|o| merge_split_columns(&mut grid, &o, &joins, width));
    if let Some(map) = &map {
        for slot in &mut merged_down {
            slot.1 = map[slot.1];
        }
        merged_down.dedup();
        width = map.last().map_or(0, |&g| g + 1);
    }
    // A placeholder stands in a column merged with its neighbour, or in one empty in every row
    // (dropped below); in a column of other rows' text the row is not on this grid.
    if full.is_some() {
        let group_of = |c: usize| map.as_ref().map_or(c, |m| m[c]);
        let merged = |c: usize| {
            map.as_ref()
                .is_some_and(|m| m.iter().filter(|&&g| g == m[c]).nth(1).is_some())
        };
        if placeholders.iter().any(|&c| {
            !merged(c)
                && grid
                    .iter()
                    .any(|row| row.get(group_of(c)).is_some_and(|s| !s.is_empty()))
        }) {
            return Ok(None);
        }
    }

    // Drop rows and columns empty in every slot.
    // Header rows as the markup marks them: where the table has a `<thead>`, its rows (a `<th>`
    // further down heads a group of rows, `<th colspan=4 scope=rowgroup>一、……</th>`); else the
    // rows made of `<th>` cells.
    let has_thead = rows.iter().take(height).any(|r| r.head);
    let mut head_flags: Vec<bool> = rows
        .iter()
        .take(height)
        .map(|r| {
            r.head
                || (!has_thead
                    && !r.cells.is_empty()
                    && r.cells.iter().all(|c| tag(c) == Some("th")))
        })
        .collect();
    // And a row that only says the table goes on (`续表` across the width, over the header
    // printed again, where the page broke): no row of the table's, nor a group heading.
    let mut keep_rows: Vec<bool> = grid
        .iter()
        .enumerate()
        .map(|(r, row)| {
            row.iter().any(|c| !c.is_empty()) && !(r > 0 && crate::read::is_continuation_row(row))
        })
        .collect();
    if keep_rows.iter().any(|k| !k) {
        // The merged slots by the rows kept.
        let mut new_index = Vec::with_capacity(keep_rows.len());
        let mut n = 0usize;
        for &k in &keep_rows {
            new_index.push(n);
            n += usize::from(k);
        }
        merged_down.retain(|&(r, _)| keep_rows.get(r).copied().unwrap_or(false));
        for slot in &mut merged_down {
            slot.0 = new_index[slot.0];
        }
    }
    let mut k = 0;
    grid.retain(|_| {
        k += 1;
        keep_rows[k - 1]
    });
    let mut k = 0;
    row_lines.truncate(height);
    row_lines.retain(|_| {
        k += 1;
        keep_rows[k - 1]
    });
    let mut k = 0;
    head_flags.retain(|_| {
        k += 1;
        keep_rows.get(k - 1).copied().unwrap_or(false)
    });
    keep_rows.clear();
    if grid.is_empty() {
        return Ok(None);
    }
    let keep_cols: Vec<bool> = (0..width)
        .map(|c| grid.iter().any(|r| r.get(c).is_some_and(|s| !s.is_empty())))
        .collect();
    if keep_cols.iter().any(|k| !k) {
        for row in &mut grid {
            let mut c = 0;
            row.retain(|_| {
                c += 1;
                keep_cols[c - 1]
            });
        }
    }

    // Rows that title the table (`<th colspan=4>附件：……任务分工</th>`) above its header are
    // its caption, not header rows.
    let titled = crate::tasks::title_rows(&grid);
    let mut title = (titled > 0).then(|| crate::tasks::title_text(&grid[..titled]));
    let mut head = Vec::new();
    if titled > 0
        && let Some((label, rest)) = attachment_head(&grid[..titled])
    {
        // Title rows that open with an attachment's label (`附件2` over the table's title, as
        // a spreadsheet saved as a web page prints them) head an attachment, as the same rows
        // above a table do in a workbook: the label and the title go before the table as
        // paragraphs, and the caption is the title without the label.
        let line = row_lines.first().copied().unwrap_or(0);
        let rest_line = row_lines
            .get(1)
            .copied()
            .filter(|_| titled > 1)
            .unwrap_or(line);
        head.push(Para { text: label, line });
        if !rest.is_empty() {
            head.push(Para {
                text: rest.clone(),
                line: rest_line,
            });
        }
        title = (!rest.is_empty()).then_some(rest);
    }
    if titled > 0 {
        grid.drain(..titled);
        row_lines.drain(..titled.min(row_lines.len()));
        head_flags.drain(..titled.min(head_flags.len()));
    }
    // A marked row under the header that is one cell across the width is a group heading made
    // of `<th>` (`<th colspan=4>一、……</th>`), not a header row: the header ends above it.
    let mut marked = head_flags
        .iter()
        .zip(&grid)
        .enumerate()
        .take_while(|&(i, (&h, row))| h && (i == 0 || !crate::tasks::is_spanning_row(row)))
        .count();
    // A header cell spanning rows down past the marked rows (`<thead>` of one row whose
    // `rowspan=2` cells reach the `<tbody>`'s first row, 牵头单位 | 配合单位) takes them into the
    // header: `merged_down` counts rows before the title rows were taken off.
    if marked > 0 {
        while marked + 1 < grid.len()
            && merged_down
                .binary_search_by(|&(r, _)| r.cmp(&(titled + marked)))
                .is_ok()
        {
            marked += 1;
        }
    }
    let header_rows = if marked > 0 && marked < grid.len() {
        marked
    } else {
        crate::tasks::header_rows(&grid)
    };
    let line = row_lines.first().copied().unwrap_or(line);
    let table = Table {
        caption: caption(table).or(title),
        header_rows,
        rows: grid,
        row_lines,
        line,
        sheet: None,
        merged_down,
        order: crate::model::BlockOrder(0),
        preamble_at: crate::model::PreambleAt(None),
    };
    Ok(Some((table, head)))
}

/// The attachment's label and the rest of the title when a table's title rows open with one:
/// a row that is the label alone (`附件2`, `附件2：`) over the title's rows, or one row that
/// holds both (`附件2：某某任务分工表`).
fn attachment_head(title_rows: &[Vec<String>]) -> Option<(String, String)> {
    let first = title_rows.first()?.iter().find(|c| !c.is_empty())?;
    if crate::structure::is_attachment_label(first) {
        let label = first.trim_end_matches(['：', ':']).to_string();
        let rest = crate::tasks::title_text(title_rows.get(1..).unwrap_or_default());
        return Some((label, rest));
    }
    let (label, title) = crate::structure::numbered_attachment_head(first)?;
    let mut rest = title.to_string();
    let more = crate::tasks::title_text(title_rows.get(1..).unwrap_or_default());
    if !more.is_empty() {
        rest.push(' ');
        rest.push_str(&more);
    }
    Some((label.to_string(), rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_counted_as_rows_of_counts_them() {
        for (page, rows) in [
            ("<table><tr><td>1<tr><td>2</table>", 2),
            (
                "<table><thead><tr><th>a</thead><tbody><tr><td>1<tr><td>2</tbody><tfoot><tr><td>z</tfoot></table>",
                4,
            ),
            (
                "<table><tr><td><table><tr><td>x<tr><td>y</table></td></tr></table>",
                1,
            ),
            ("<table><caption>c</caption></table>", 0),
        ] {
            let html = scraper::Html::parse_document(page);
            let table = html
                .tree
                .root()
                .descendants()
                .find(|n| tag(n) == Some("table"))
                .expect("table");
            assert_eq!(rows_of(table).len(), rows, "{page}");
            for n in 0..6 {
                assert_eq!(
                    has_more_rows_than(table, n),
                    rows > n,
                    "{page}: more than {n}"
                );
            }
        }
    }
}
