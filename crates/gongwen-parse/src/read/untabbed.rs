//! Tables that lost their tabs: one cell per line, no separators.
//!
//! Text copied out of a PDF viewer or a page without table markup often keeps a task table as
//! a column of lines: the header cells (`序号`, `试点任务`, `牵头单位`, `配合单位`) one per line,
//! then each row's cells one per line, with or without blank lines between rows (or between all
//! cells, as a word processor's paragraphs are pasted). Such a run is
//! recognised only when its header maps to a task table ([`crate::tasks::column_roles`]): a
//! sequence column, a lead column, and short header cells. Rows start at a line holding the next
//! sequence number; a numbered heading line (`一、…`, `（一）…`) between rows is a group row.
//! Cells missing at the end of a row are empty; an empty cell in the middle of a row cannot be
//! told apart and shifts the rest (a warning says so when a row has too few cells).
//!
//! A PDF viewer's copy wraps long cells onto lines of their own: a task's text runs on over
//! lines filled as its first is to the line that ends its sentence, and a cell of units broken
//! in the middle of a name (`省交通运输厅、省` / `大数据中心`) runs on until it names units
//! whole. A line more than a full row holds, right before the next row's number, is more of
//! its last cell: the rows after it are the table's still.

use crate::model::{Diagnostic, Severity, Table};
use crate::normalize::TrimFast as _;
use crate::normalize::normalize_block;
use crate::numbering;
use crate::tasks::{self, ColumnRole};

/// Longest header cell accepted, in characters.
const MAX_HEADER_CHARS: usize = 12;

/// Most paragraphs a row laid out one cell a paragraph may hold beyond its cells (its cells'
/// line breaks).
const MAX_OVERFLOW: usize = 3;

/// Most lines a cell a PDF viewer's copy wrapped runs on over (a task's text of some 400
/// characters in a narrow column).
const MAX_WRAPPED_LINES: usize = 16;

/// Whether a row's number (`expected`) or a group heading stands within the few lines from
/// `from`, blank lines aside: the row above it is not yet over.
fn next_row_soon(lines: &[&str], from: usize, expected: Option<u32>) -> bool {
    soon(lines, from, |l| {
        tasks::parse_seq(l).is_some_and(|n| expected.is_none_or(|e| n == e))
            || numbering::marker(l).is_some()
    })
}

/// Whether the row numbered `n` starts within the few lines from `from` (blank lines aside),
/// after a group heading or not.
fn number_soon(lines: &[&str], from: usize, n: u32) -> bool {
    soon(lines, from, |l| tasks::parse_seq(l) == Some(n))
}

/// Whether one of the few lines from `from` that are not blank (as normalized) is `wanted`.
fn soon(lines: &[&str], from: usize, wanted: impl Fn(&str) -> bool) -> bool {
    lines
        .iter()
        .skip(from)
        .map(|l| normalize_block(l))
        .filter(|l| !l.is_empty())
        .take(MAX_OVERFLOW)
        .any(|l| wanted(&l))
}

/// Whether `text` ends a sentence: `。`, `！`, `？` or `；`, closing quotes or brackets aside.
fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['”', '’', '」', '』', '）', ')', '】', '》'])
        .ends_with(['。', '！', '？', '；'])
}

/// How many of `lines` go on with `cell`, a task's text whose first line is `first_width`
/// columns wide, as a PDF viewer's copy wraps it one line a line:
///
/// ```text
/// 健全“鄂汇办”移动端功能，推动高频政务服务事项
/// “掌上办”“指尖办”。
/// 省卫生健康委
/// ```
///
/// The text runs on while it has not ended its sentence, over lines filled as its first is, to
/// a line that ends its sentence (or, right after, starts with `、`, `，`…: no cell does) —
/// none of them a row's number, a heading or names of units (a line that ends its sentence is
/// text: `市场挂牌公司。`). A line filled to the end that ends its sentence may have been broken
/// there: the text runs on over the lines after it the same way, when they end a sentence too.
/// `wrap_width` is the widest first line of the table's tasks so far: a first line that ends its
/// sentence as wide as that may go on too. 0 when the text does not run on.
fn text_goes_on(cell: &str, first_width: usize, wrap_width: usize, lines: &[&str]) -> usize {
    // A line a cell wraps from is long: a short text ends where it stands.
    if first_width < 20
        || (ends_sentence(cell)
            && (super::wrap::display_width(cell) != first_width || first_width + 3 < wrap_width))
    {
        return 0;
    }
    // The lines up to the last that ended a sentence.
    let mut taken = 0;
    for (n, l) in lines.iter().take(MAX_WRAPPED_LINES).enumerate() {
        let t = normalize_block(l);
        if t.is_empty()
            || tasks::parse_seq(&t).is_some()
            || numbering::marker(&t).is_some()
            || (tasks::is_unit_list(&t) && !ends_sentence(&t))
        {
            return taken;
        }
        // A line the text goes on over is filled as the first was (a digit half as wide).
        let filled = super::wrap::display_width(&t) + 3 >= first_width;
        if ends_sentence(&t) || (n == 0 && t.starts_with(['、', '，', '；', '：'])) {
            if !filled {
                return n + 1;
            }
            taken = n + 1;
        } else if !filled {
            return taken;
        }
    }
    taken
}

/// How many of `lines` go on with `cell`, a cell of units that a PDF viewer's copy broke in the
/// middle of a name (`省交通运输厅、省` / `大数据中心`): the cell names units up to its last `、`,
/// after which stands a short piece that names none (`省`, `省发展`); the next lines, up to three,
/// complete it when with them the cell is a list of units' names. 0 when it is complete.
///
/// `spare` lines stand before the next row beyond one for each cell the row still lacks: the
/// row's cells wrapped onto them. Of those, the lines that run on from the cell, with it a list
/// of units' names whose line breaks fall inside a name or after a `、` (`市住房城乡建委、市人力社`
/// / `保局`; `市教委、市科技局、市规划` / `自然资源局、市住房城乡建` / `委`), are its: a piece
/// that ends the cell's line, as `市人力社` or `保局` ends in a word units' names end in, is
/// no name of its own when the lines before the next row are more than its cells. Each such
/// line is no wider than the one before it (`line_width` is the cell's last line's width):
/// a cell wraps its lines filled to the last, and a short cell did not wrap.
fn units_go_on(cell: &str, line_width: usize, lines: &[&str], spare: usize) -> usize {
    if spare > 0 {
        let mut joined = cell.to_string();
        let mut taken = 0;
        // The width of the line before: a cell's lines are filled to the last, which is no wider.
        let mut above = line_width;
        for (n, l) in lines.iter().take(spare.min(MAX_WRAPPED_LINES)).enumerate() {
            let t = normalize_block(l);
            let width = super::wrap::display_width(&t);
            if t.is_empty()
                || tasks::parse_seq(&t).is_some()
                || numbering::marker(&t).is_some()
                || ends_sentence(&t)
                || width > above + 2
            {
                break;
            }
            above = width;
            joined.push_str(&t);
            if tasks::is_unit_list(&joined) {
                taken = n + 1;
            }
        }
        if taken > 0 {
            return taken;
        }
    }
    let Some(cut) = cell.rfind('、') else {
        return 0;
    };
    let (named, piece) = (&cell[..cut], &cell[cut + '、'.len_utf8()..]);
    if piece.is_empty()
        || piece.chars().count() > 6
        || piece.starts_with('各')
        || tasks::is_unit_list(piece)
        || !tasks::is_unit_list(named)
    {
        return 0;
    }
    let mut joined = cell.to_string();
    for (n, l) in lines.iter().take(3).enumerate() {
        let t = normalize_block(l);
        if t.is_empty() || tasks::parse_seq(&t).is_some() || numbering::marker(&t).is_some() {
            return 0;
        }
        joined.push_str(&t);
        if tasks::is_unit_list(&joined) {
            return n + 1;
        }
    }
    0
}

/// Puts a row of more paragraphs than cells back into its cells: the paragraphs beyond the
/// width are the lines of one cell, the units column's (the supporting one's when there is
/// one) when they are all organs' names, else the task's. The cells before it and after it
/// keep one paragraph each.
fn rejoin_broken_cell(row: &mut Vec<String>, width: usize, roles: &[ColumnRole]) {
    let extra = row.len() - width;
    let column = |role: ColumnRole| roles.iter().position(|r| *r == role);
    let units = column(ColumnRole::Support).or_else(|| column(ColumnRole::Lead));
    let fits = |at: usize| {
        row.get(at..=at + extra)
            .is_some_and(|c| c.iter().all(|c| tasks::is_unit_list(c)))
    };
    let Some(at) = units
        .filter(|&at| fits(at))
        .or_else(|| column(ColumnRole::Task))
    else {
        return;
    };
    if at + extra >= row.len() {
        return;
    }
    let joined = row[at..=at + extra].join("\n");
    row.splice(at..=at + extra, [joined]);
}

/// How many of `lines` (blank ones among them) are units' names a line each (`黔江区`,
/// `市公安局、市应急局`), up to the row numbered `expected` or a group heading right after them:
/// the lines of a units cell that lists a unit a line. `None` unless such a row follows.
fn unit_lines_before_row(lines: &[&str], expected: Option<u32>) -> Option<usize> {
    let mut units = 0;
    for (n, l) in lines.iter().enumerate() {
        let t = normalize_block(l);
        if t.is_empty() {
            continue;
        }
        if expected.is_some_and(|e| tasks::parse_seq(&t) == Some(e))
            || numbering::marker(&t).is_some()
        {
            return (units > 0).then_some(n);
        }
        if ends_sentence(&t) || tasks::parse_seq(&t).is_some() || !tasks::is_unit_or_place_list(&t)
        {
            return None;
        }
        units += 1;
    }
    None
}

/// How many lines that are not blank stand in `lines` before the row numbered `expected` or a
/// group heading, when one comes within [`MAX_WRAPPED_LINES`] of them; a line right after one
/// that ends in a list's separator (`市科技局、`) is not counted: it goes on with that line's cell.
fn lines_before_next_row(lines: &[&str], expected: Option<u32>) -> Option<usize> {
    let mut count = 0;
    let mut after_separator = false;
    for l in lines.iter().take(MAX_WRAPPED_LINES * 2) {
        let t = l.trim_ws();
        if t.is_empty() {
            continue;
        }
        if expected.is_some_and(|e| tasks::parse_seq(t) == Some(e))
            || numbering::marker(t).is_some()
        {
            return Some(count);
        }
        if !after_separator {
            count += 1;
        }
        after_separator = t.ends_with(['、', '，', ',']);
        if count > MAX_WRAPPED_LINES {
            return None;
        }
    }
    None
}

/// The most lines [`cells_before_number`] looks at.
const MAX_COLUMN_LINES: usize = 2000;

/// How many lines that are not blank `lines` holds before the row number `expected` (or a
/// header's `序号`, or their end): the cells that follow a run of row numbers.
fn cells_before_number(lines: &[&str], expected: Option<u32>) -> usize {
    lines
        .iter()
        .take(MAX_COLUMN_LINES)
        .map(|l| l.trim_ws())
        .filter(|t| !t.is_empty())
        .take_while(|t| {
            !may_be_header(t) && (expected.is_none() || tasks::parse_seq(t) != expected)
        })
        .count()
}

/// Whether `line` may start such a table: a short line naming the number column (序号, 编号).
pub fn may_be_header(line: &str) -> bool {
    // Asked of every short line: a byte search for `号` (rare), not two substring searches,
    // whose set-up alone costs more than the line.
    line.len() <= 40 && crate::normalize::follows(line, '号', |c| matches!(c, '序' | '编'))
}

/// If a header run starts at `lines[start]`, reads the table and returns it with the index of the
/// first line after it.
pub fn read_untabbed_table(
    lines: &[&str],
    start: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Table, usize)> {
    let mut header = Vec::new();
    let mut i = start;
    // Copied from a word processor, every cell may be a paragraph of its own with a blank line
    // after it, the header's cells too: a blank line right under `序号` says so, and the header
    // then runs on over single blank lines until a row's number or a group heading.
    let spaced = lines.get(start + 1).is_some_and(|l| l.trim_ws().is_empty());
    while let Some(l) = lines.get(i) {
        let mut cell = normalize_block(l);
        if cell.is_empty() && spaced && !header.is_empty() {
            let next = lines
                .get(i + 1)
                .map(|l| normalize_block(l))
                .unwrap_or_default();
            if !next.is_empty() && numbering::marker(&next).is_none() {
                i += 1;
                cell = next;
            }
        }
        // A row's number or a group heading (`一、经济发展`, as short as a column's name) ends
        // the header.
        if cell.is_empty()
            || cell.chars().count() > MAX_HEADER_CHARS
            || tasks::parse_seq(&cell).is_some()
            || numbering::marker(&cell).is_some()
        {
            break;
        }
        header.push(cell);
        i += 1;
        if header.len() > 12 {
            return None;
        }
    }
    if header.len() < 3 {
        return None;
    }
    let roles = tasks::column_roles(&header)?;
    if roles.first() != Some(&ColumnRole::Seq) {
        return None;
    }
    let width = header.len();
    let mut rows: Vec<(Vec<String>, usize)> = vec![(header, start + 1)];
    let mut expected: Option<u32> = None;
    let mut end = i;
    // The display width of the first line of the row's last cell: a cell's text wraps onto
    // lines filled as its first is.
    let mut first_width = 0usize;
    // The display width of the last line of the row's last cell.
    let mut line_width = 0usize;
    // The widest first line of a task's text so far: where the copy wraps.
    let mut wrap_width = 0usize;
    // How many rows in a row, up to the last, hold nothing but their number.
    let mut numbers_alone = 0usize;
    while let Some(l) = lines.get(i) {
        let cell = normalize_block(l);
        if cell.is_empty() {
            i += 1;
            continue;
        }
        let seq = tasks::parse_seq(&cell);
        let starts_row = seq.is_some_and(|n| expected.is_none_or(|e| n == e || n == 1));
        if !starts_row && numbers_alone >= 2 && numbering::marker(&cell).is_none() {
            // The numbers of several rows, one after another, then cells enough for all those
            // rows before the next number: the table was extracted a column at a time
            // (`pdftotext` without `-layout`). Its cells cannot be put back in their rows with
            // certainty: no rows are made of them. (A row of nothing but its number, then a
            // whole row, is no such table: the cells are one row's.)
            if cells_before_number(&lines[i..], expected) >= numbers_alone * (width - 1) {
                diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    "table_read_by_column",
                    format!(
                        "the table whose header starts here appears to have been extracted column by column (the numbers of {numbers_alone} rows stand together, then the cells of the next column), as `pdftotext` without `-layout` extracts a ruled table; its rows cannot be told apart and no task is read from it (extract the PDF with `pdftotext -layout`)"
                    ),
                    Some(start + 1),
                ));
                return None;
            }
            numbers_alone = 0;
        }
        if starts_row {
            let alone =
                |(r, _): &(Vec<String>, usize)| r.len() == 1 && tasks::parse_seq(&r[0]).is_some();
            numbers_alone = if rows.len() > 1 && rows.last().is_some_and(alone) {
                numbers_alone.max(1) + 1
            } else {
                1
            };
            expected = seq.map(|n| n + 1);
            first_width = 0;
            rows.push((vec![cell], i + 1));
        } else if numbering::marker(&cell).is_some()
            && rows
                .last()
                .is_some_and(|(r, _)| r.len() == 1 || r.len() >= width - 1)
        {
            // A group heading between rows (the previous row is complete or a group row).
            rows.push((vec![cell], i + 1));
        } else {
            let in_task_row = rows.len() > 1;
            // A cell that ends in a list's separator (`市发改委、市科技局、`) broke its line there:
            // the line is the rest of it, whether or not the row has all its cells.
            if let Some((row, _)) = rows.last_mut().filter(|(r, _)| {
                in_task_row
                    && r.len() >= 2
                    && tasks::parse_seq(&r[0]).is_some()
                    && r.last().is_some_and(|c| c.ends_with(['、', '，', ',']))
            }) {
                if let Some(last) = row.last_mut() {
                    last.push_str(&cell);
                }
                line_width = super::wrap::display_width(&cell);
                i += 1;
                end = i;
                continue;
            }
            // A units cell that lists a unit a line (`万州区` / `黔江区` / … under `配合单位`), its
            // row full, up to the next row's number or a group heading: each line is a unit of
            // that cell, however many, not a row or text of its own (not a unit's name broken over two lines,
            // `市人力社` / `保局`, joined below). The run is read once, up to its end.
            if let Some((row, _)) = rows.last_mut().filter(|(r, _)| {
                !spaced
                    && in_task_row
                    && r.len() == width
                    && tasks::parse_seq(&r[0]).is_some()
                    && matches!(
                        roles.get(width - 1),
                        Some(ColumnRole::Lead | ColumnRole::Support)
                    )
            }) && let Some(last) = row.last_mut()
                && tasks::unit_of_its_own(last, &cell)
                && let Some(taken) = unit_lines_before_row(&lines[i..], expected)
            {
                for l in &lines[i..i + taken] {
                    let t = normalize_block(l);
                    if t.is_empty() {
                        continue;
                    }
                    line_width = super::wrap::display_width(&t);
                    if !last.is_empty() {
                        last.push('\n');
                    }
                    last.push_str(&t);
                }
                i += taken;
                end = i;
                continue;
            }
            // Copied out of a PDF viewer, a cell's text wraps onto lines of its own: the
            // lines that go on with the row's last cell so far join it.
            if let Some((row, _)) = rows.last_mut().filter(|(r, _)| {
                !spaced && in_task_row && r.len() >= 2 && tasks::parse_seq(&r[0]).is_some()
            }) && let column = row.len() - 1
                && let Some(last) = row.last_mut()
            {
                let taken = match roles.get(column) {
                    Some(ColumnRole::Task) => {
                        text_goes_on(last, first_width, wrap_width, &lines[i..])
                    }
                    Some(ColumnRole::Lead | ColumnRole::Support) => {
                        let lacking = width.saturating_sub(column + 1);
                        let spare = lines_before_next_row(&lines[i..], expected)
                            .map_or(0, |n| n.saturating_sub(lacking));
                        units_go_on(last, line_width, &lines[i..], spare)
                    }
                    _ => 0,
                };
                if taken > 0 {
                    for l in &lines[i..i + taken] {
                        let t = normalize_block(l);
                        line_width = super::wrap::display_width(&t);
                        last.push_str(&t);
                    }
                    i += taken;
                    end = i;
                    continue;
                }
            }
            // With every cell a paragraph of its own, a cell's line break is one paragraph
            // more than the row has cells: taken in (and put back in its cell below) when a
            // row's number or a group heading follows within a few lines.
            let row_len = rows.last().map_or(0, |(r, _)| r.len());
            let overflows = spaced
                && (width..width + MAX_OVERFLOW).contains(&row_len)
                && next_row_soon(lines, i + 1, expected);
            // Without them, a line more than a full row holds, right before the next row's
            // number, is more of its last cell (read amiss, but the rows after it are the
            // table's still).
            let runs_over = !spaced
                && row_len == width
                && expected.is_some_and(|n| number_soon(lines, i + 1, n));
            match rows.last_mut() {
                Some((row, _))
                    if in_task_row
                        && (row.len() < width || overflows)
                        && tasks::parse_seq(&row[0]).is_some() =>
                {
                    first_width = super::wrap::display_width(&cell);
                    line_width = first_width;
                    if roles.get(row.len()) == Some(&ColumnRole::Task) {
                        wrap_width = wrap_width.max(first_width);
                    }
                    row.push(cell)
                }
                Some((row, _)) if in_task_row && runs_over => {
                    if let Some(last) = row.last_mut() {
                        last.push_str(&cell);
                    }
                }
                _ => break,
            }
        }
        i += 1;
        end = i;
    }
    // A heading after the last row belongs to the text that follows the table.
    while rows.len() > 1
        && rows
            .last()
            .is_some_and(|(r, _)| r.len() == 1 && tasks::parse_seq(&r[0]).is_none())
    {
        if let Some((_, line)) = rows.pop() {
            end = line - 1;
        }
    }
    if rows.len() < 2 {
        return None;
    }
    for (row, _) in &mut rows[1..] {
        if row.len() > width {
            rejoin_broken_cell(row, width, &roles);
        }
    }
    for (row, line) in &rows[1..] {
        if row.len() > 1 && row.len() < width - 1 {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "untabbed_row_short",
                format!("a table row laid out one cell per line has {} of {width} cells; the missing cells are taken as empty at the end", row.len()),
                Some(*line),
            ));
        }
    }
    Some((super::text::grid_from_rows(rows), end))
}
