//! Plain-text reader.
//!
//! Every non-blank line is a paragraph. Lines that contain a tab are table lines, in either of
//! two layouts:
//!
//! - one cell per line (`\t序号`, `\t试点任务`, …), rows separated by blank lines — the layout of
//!   notices copied out of a word processor;
//! - one row per line, cells separated by tabs, no blank lines between rows — the layout the
//!   plain-text writer prints.
//!
//! A table region whose rows are separated by blank lines is read the first way, a region without
//! blank lines the second way. A row with a single cell in a wider table is a spanning row (a
//! group heading such as `一、…`) and is expanded across every column.
//!
//! Markdown rows (`| 序号 | 试点任务 |`) are table lines too; between `+----+` borders (a grid
//! table, pandoc's), the `|` lines between two borders are one row, each cell's lines joined. Tables without tabs or outer bars
//! are recognised by their header line instead: cells separated by spaces or bare bars
//! ([`super::delimited`]), or one cell per line with no separator ([`super::untabbed`]).

use crate::blocks::{Block, Blocks, Para};
use crate::model::{Diagnostic, SourceFormat, Table};
use crate::normalize::TrimFast as _;
use crate::normalize::normalize_block;
use crate::{Error, Limits, Result};

/// Splits text into lines on `\n`, `\r\n` or a lone `\r`.
pub fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(text.len() / 40 + 1);
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        // Line breaks found with memchr (vectorized); the byte loop below is for `\r` endings.
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', text.as_bytes()) {
            out.push(text.get(start..end).unwrap_or_default());
            start = end + 1;
        }
        if start < text.len() {
            out.push(text.get(start..).unwrap_or_default());
        }
        return out;
    }
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            b'\r' => {
                out.push(&text[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// `lines` of `text` parted again at the Unicode line and paragraph separators (U+2028,
/// U+2029), which some PDF readers, desktop publishing programs and web editors write for line
/// breaks (each one line break, as Python's `splitlines` reads them), alone or among line
/// feeds (a soft return inside a paragraph). `None` when the text has none: two vectorized
/// searches of the text, 1% of the seed's parse.
fn split_unicode_breaks<'t>(text: &'t str, lines: &[&'t str]) -> Option<Vec<&'t str>> {
    const LINE: &str = "\u{2028}";
    const PARAGRAPH: &str = "\u{2029}";
    if memchr::memmem::find(text.as_bytes(), LINE.as_bytes()).is_none()
        && memchr::memmem::find(text.as_bytes(), PARAGRAPH.as_bytes()).is_none()
    {
        return None;
    }
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let mut rest = *line;
        while let Some(at) = rest.find(['\u{2028}', '\u{2029}']) {
            out.push(&rest[..at]);
            // Both separators are three bytes long.
            rest = &rest[at + LINE.len()..];
        }
        out.push(rest);
    }
    Some(out)
}

fn is_table_line(line: &str) -> bool {
    crate::normalize::find_byte(line.as_bytes(), b'\t').is_some() || is_pipe_row(line)
}

/// A short numbered heading (`一、…`, `（一）…`) that may be a table's group row.
pub(crate) fn is_group_line(line: &str) -> bool {
    let t = normalize_block(line);
    t.chars().count() <= 80 && crate::numbering::marker(&t).is_some_and(|m| !m.kind.is_ordinal())
}

/// True when the next non-blank lines after `from` (skipping other group lines) hold a table line
/// of the table that starts with `first`: a row, or its header repeated (a page's top), but not
/// the header of another table. A heading over another table's header (`二、重大项目清单` /
/// `序号 | 项目名称…`) starts that table; it is no group row of the one before. Nor is a heading
/// over the same header whose rows are numbered from 1 again (`二、产业发展` / `序号 | 重点任务…`
/// / `1 | …`): one table a heading, each of the same columns; a page's top repeats the header
/// over rows whose numbers go on.
fn table_line_follows(lines: &[&str], from: usize, first: &str) -> bool {
    for (k, l) in lines.iter().enumerate().skip(from).take(8) {
        if is_table_line(l) {
            return !starts_a_header(l)
                || (line_cells(l)
                    .map(str::trim_ws)
                    .eq(line_cells(first).map(str::trim_ws))
                    && !numbers_from_one(lines, k + 1));
        }
        if !is_blank(l) && !is_group_line(l) {
            return false;
        }
    }
    false
}

/// Whether the first table line at or after `from` (blank lines skipped) is a row numbered 1
/// (`1\t培育电子信息产业集群\t…`): the first row of a table, not a row going on from a page before.
fn numbers_from_one(lines: &[&str], from: usize) -> bool {
    lines
        .iter()
        .skip(from)
        .take(4)
        .find(|l| !is_blank(l))
        .filter(|l| is_table_line(l))
        .and_then(|l| line_cells(l).map(str::trim_ws).find(|c| !c.is_empty()))
        .is_some_and(|c| crate::tasks::parse_seq(c) == Some(1))
}

/// Whether a table line comes after a cell's line break at `lines[from - 1]`: the next line that
/// is not more of the cell (a few lines at most, no blank line between).
///
/// A group row of the table may come first (`省住房城乡建设厅` / `二、加强组织实施` / `3\t…`: a
/// browser copies a cell's paragraphs a line each, and the last row of a group is followed by
/// the next group's row): then the lines of the cell must be short and end no sentence, as the
/// names of units and the like do, and the group row must have a row of the table under it
/// ([`table_line_follows`], `header` being the table's first line).
fn table_line_after_break(lines: &[&str], from: usize, header: &str) -> bool {
    // A few lines of any cell; more only when each is as short as a unit's name (a cell that
    // lists a unit a line).
    for k in from..lines.len().min(from + 12) {
        let l = lines[k];
        if k >= from + 4 && !is_table_line(l) && !is_group_line(l) && !is_short_cell_line(l) {
            return false;
        }
        if is_table_line(l) {
            // The header of another table (an attachment's, under its label and title; a
            // contact list's under a note or a title) starts that table: the lines before it
            // are no part of this one.
            return !is_header_line(l) && !starts_a_header(l) && !is_new_header_line(l, header);
        }
        if is_blank(l) {
            return units_end_table(lines, from, k, header);
        }
        if is_group_line(l) {
            let cell_lines = lines.get(from.saturating_sub(1)..k).unwrap_or_default();
            return !cell_lines.is_empty()
                && cell_lines.iter().all(|c| is_short_cell_line(c))
                && table_line_follows(lines, k + 1, header);
        }
    }
    from + 12 > lines.len() && units_end_table(lines, from, lines.len(), header)
}

/// Whether the lines from `from - 1` up to `end` (a blank line or the end of the text) are the
/// last units of the table's last row, a unit a line (`人行重庆营管部\t重庆外汇管理部` /
/// `重庆银保监局` / `重庆证监局`, then nothing): each a unit's name, under a header whose last
/// column is one of units (`配合单位`). A signature under a table (`某某局` / `2024年5月1日`) is no
/// such run: its date is no unit.
fn units_end_table(lines: &[&str], from: usize, end: usize, header: &str) -> bool {
    let cell_lines = lines.get(from.saturating_sub(1)..end).unwrap_or_default();
    !cell_lines.is_empty()
        && line_cells(header)
            .map(str::trim_ws)
            .filter(|c| !c.is_empty())
            .last()
            .is_some_and(|c| c.ends_with("单位") || c.ends_with("部门"))
        && cell_lines.iter().all(|c| {
            is_short_cell_line(c)
                && crate::tasks::is_unit_name(&crate::normalize::normalize_cell(c))
        })
}

/// A line of a cell as short as a unit's name and ending no sentence (`国网安徽省电力公司`).
fn is_short_cell_line(line: &str) -> bool {
    let t = line.trim_ws();
    !t.is_empty()
        && t.chars().count() <= 30
        && !t.ends_with(['。', '：', ':', '；', ';'])
        && !is_group_line(t)
}

/// A sub-item of a cell printed on a line of its own: `1.推行企业开办“一网通办”；`,
/// `（2）推广电子营业执照应用；`, `③…` — an Arabic or circled number, never the `一、` or `（一）` of
/// a group row.
fn is_sub_item_line(line: &str) -> bool {
    let t = crate::normalize::normalize_cell(line);
    t.chars().count() <= 200
        && matches!(
            crate::numbering::block_marker_kind(&t),
            Some(
                crate::numbering::MarkerKind::ArabicDot
                    | crate::numbering::MarkerKind::ArabicParen
                    | crate::numbering::MarkerKind::ArabicHalfParen
                    | crate::numbering::MarkerKind::Circled
            )
        )
}

/// Whether `line` is the measure after the last line of the cell `cell`, a task cell listing its
/// measures a line each: `（2）…` after `（1）…`, `2.…` after `1.…` (normalized cells).
fn next_measure(cell: &str, line: &str) -> bool {
    let last = cell.rsplit('\n').next().unwrap_or(cell);
    if !is_sub_item_line(line) {
        return false;
    }
    match (
        crate::numbering::marker(last),
        crate::numbering::marker(line),
    ) {
        (Some(a), Some(b)) => a.kind == b.kind && b.number == a.number + 1,
        _ => false,
    }
}

/// Whether the row begun at `open` (`1\t提升企业开办便利度。`: its 序号, then fewer cells than the
/// header `header` has) goes on past a cell's line break at `lines[from - 1]`: the next table
/// line, after a few more lines of the cell and no blank line, holds exactly the cells the row
/// lacks (`3.…。\t自治区市场监管局\t…\t2024年6月底前`) and starts with no 序号 of its own. Then the
/// numbered lines between (`1.…；` / `2.…；`) are the measures of its task cell, one a line, not
/// group rows: the 序号 column numbers the rows.
fn row_goes_on(lines: &[&str], header: &str, open: &str, from: usize) -> bool {
    let (width, have) = (cell_count(header), cell_count(open));
    if have < 2
        || have >= width
        || line_cells(open)
            .next()
            .is_none_or(|c| crate::tasks::parse_seq(c).is_none())
    {
        return false;
    }
    for l in lines.iter().skip(from).take(8) {
        if is_table_line(l) {
            return !is_header_line(l)
                && have + cell_count(l) == width + 1
                && line_cells(l)
                    .next()
                    .is_some_and(|c| crate::tasks::parse_seq(c).is_none());
        }
        if is_blank(l) || is_attachment_head(l) {
            return false;
        }
    }
    false
}

/// A table line that is a header row: its cells all name columns ([`is_header_line`]), or it
/// starts with a 序号 column's name and has more cells (`序号 | 项目名称 | 总投资（亿元）…`, whose other
/// columns may be any table's).
fn starts_a_header(line: &str) -> bool {
    let mut cells = line_cells(line).map(str::trim_ws).filter(|c| !c.is_empty());
    let seq_named = cells.next().is_some_and(|c| {
        matches!(
            crate::normalize::normalize_cell(c).as_str(),
            "序号" | "编号" | "序"
        )
    });
    (seq_named && cells.next().is_some()) || is_header_line(line)
}

/// A table line that is the header of another table than the one headed by `header`: its
/// cells (two or more) each name a column of some table ([`crate::tasks::is_header_row`]: `单位 |
/// 联系人 | 职务 | 联系电话`), and they are not `header`'s own (printed again at a page's top).
fn is_new_header_line(line: &str, header: &str) -> bool {
    // Two separators at least (three cells), looked for first: most table lines fail here,
    // before their cells are asked whether they name columns (a line of one cell — a table
    // laid out one cell a line — costs one search).
    two_separators(line.as_bytes())
        && !is_pipe_rule(line)
        && crate::tasks::is_header_row(line_cells(line).map(|c| without_emphasis(c.trim_ws())))
        && !line_cells(line)
            .map(str::trim_ws)
            .filter(|c| !c.is_empty())
            .eq(line_cells(header)
                .map(str::trim_ws)
                .filter(|c| !c.is_empty()))
}

/// Whether `b` holds two tabs or bars at least. A line set in by a tab (a table laid out one
/// cell a line: nearly every table line of a text) starts with its first: looked at before a
/// search for it.
fn two_separators(b: &[u8]) -> bool {
    let first = match b.first() {
        Some(b'\t' | b'|') => Some(0),
        _ => memchr::memchr2(b'\t', b'|', b),
    };
    first
        .and_then(|at| b.get(at + 1..))
        .is_some_and(|rest| memchr::memchr2(b'\t', b'|', rest).is_some())
}

/// A table line whose cells (two or more) all name columns: a header row.
fn is_header_line(line: &str) -> bool {
    let mut cells = line_cells(line).map(str::trim_ws).filter(|c| !c.is_empty());
    let mut n = 0;
    let all = cells.all(|c| {
        n += 1;
        crate::tasks::is_header_cell(&crate::normalize::normalize_cell(c))
    });
    all && n >= 2
}

/// An attachment's label or head (`附件2`, `附件1：X`): it starts the attachment, never goes on
/// with a cell.
fn is_attachment_head(line: &str) -> bool {
    let t = crate::normalize::normalize_cell(line);
    crate::structure::is_attachment_label(&t)
        || crate::structure::numbered_attachment_head(&t).is_some()
}

/// Stands for a line break inside a quoted cell of a row made one line ([`merge_quoted_rows`]).
const CELL_BREAK: char = '\u{1f}';

/// Most lines one quoted row may run over: an opening quote left unclosed that long is no
/// spreadsheet's cell, and the lines are read as they are.
const MAX_QUOTED_ROW_LINES: usize = 50;

/// A table cell's text: normalized, and a cell of a quoted row ([`merge_quoted_rows`]) keeps its
/// line breaks.
fn cell_text(raw: &str) -> String {
    if !raw.contains(CELL_BREAK) {
        return crate::normalize::normalize_cell(raw);
    }
    let mut out = String::new();
    for piece in raw.split(CELL_BREAK) {
        let piece = crate::normalize::normalize_cell(piece);
        if piece.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&piece);
    }
    out
}

/// Where a tab-separated line leaves a quoted cell open: whether the line (entered inside a
/// quoted cell or not) ends inside one. A cell is quoted when its first character is `"`; a `""`
/// inside it is a quote mark, and the next lone `"` closes it.
fn ends_in_quote(line: &str, quoted: bool) -> bool {
    scan_quoted(line, quoted, None)
}

/// Appends one line of a quoted row to `out`, without the quoting: quoted cells lose their
/// quotes, `""` is a quote mark, and a tab inside a quoted cell is a space. Whether the line
/// ends inside a quoted cell.
fn push_unquoted(out: &mut String, line: &str, quoted: bool) -> bool {
    scan_quoted(line, quoted, Some(out))
}

/// Reads `line` entered inside a quoted cell or not (`quoted`), writing it without the quoting
/// to `out` when there is one; whether it ends inside a quoted cell.
fn scan_quoted(line: &str, mut quoted: bool, mut out: Option<&mut String>) -> bool {
    let mut push = |c: char| {
        if let Some(out) = out.as_deref_mut() {
            out.push(c);
        }
    };
    let mut at_start = !quoted;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    push('"');
                }
                '"' => quoted = false,
                '\t' => push(' '),
                _ => push(c),
            }
        } else if at_start && c == '"' {
            quoted = true;
            at_start = false;
        } else {
            at_start = c == '\t';
            push(c);
        }
    }
    quoted
}

/// Rows of a spreadsheet copied as text (Excel's and LibreOffice's clipboard): tab-separated
/// cells, those holding a line break quoted (`1\t"推进……\n实现……"\t"甲（牵头）\n乙"\t2024年底`).
/// Each row whose quoted cell runs over lines becomes one line, the breaks inside its cells
/// marked with [`CELL_BREAK`], with the index of the line it starts on; `None` when there is no
/// such row (nearly every text: no line holds both a tab and a `"`).
fn merge_quoted_rows(lines: &[&str]) -> Option<(Vec<String>, Vec<usize>)> {
    let opens = |l: &str| {
        let b = l.as_bytes();
        crate::normalize::find_byte(b, b'"').is_some()
            && crate::normalize::find_byte(b, b'\t').is_some()
            && ends_in_quote(l, false)
    };
    if !lines.iter().any(|l| opens(l)) {
        return None;
    }
    let mut rows = Vec::with_capacity(lines.len());
    let mut first = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        if opens(l) {
            // Where the row's quote closes, if it does within the bound.
            let mut quoted = true;
            let mut end = None;
            for (k, next) in lines
                .iter()
                .enumerate()
                .skip(i + 1)
                .take(MAX_QUOTED_ROW_LINES)
            {
                quoted = ends_in_quote(next, quoted);
                if !quoted {
                    end = Some(k);
                    break;
                }
            }
            if let Some(end) = end {
                let mut row = String::new();
                let mut quoted = false;
                for (k, part) in lines[i..=end].iter().enumerate() {
                    if k > 0 {
                        row.push(if quoted { CELL_BREAK } else { ' ' });
                    }
                    quoted = push_unquoted(&mut row, part, quoted);
                }
                rows.push(row);
                first.push(i);
                i = end + 1;
                continue;
            }
            // No close: the lines looked at are read as they are, and not looked at again (a
            // text of open quotes is walked once).
            let seen = (i + 1 + MAX_QUOTED_ROW_LINES).min(lines.len());
            for (k, l) in lines.iter().enumerate().take(seen).skip(i) {
                rows.push(l.to_string());
                first.push(k);
            }
            i = seen;
            continue;
        }
        // In such a text, a row of one line quotes its cells that hold a quote mark too
        // (`"优化""开办""服务"`).
        if quoted_cleanly(l) {
            let mut row = String::new();
            push_unquoted(&mut row, l, false);
            rows.push(row);
        } else {
            rows.push(l.to_string());
        }
        first.push(i);
        i += 1;
    }
    Some((rows, first))
}

/// Whether a tab-separated line quotes a cell as a spreadsheet does: a cell that starts with
/// `"` closes with a lone `"` right before a tab or the end of the line.
fn quoted_cleanly(line: &str) -> bool {
    let b = line.as_bytes();
    if crate::normalize::find_byte(b, b'"').is_none()
        || crate::normalize::find_byte(b, b'\t').is_none()
    {
        return false;
    }
    let (mut quoted, mut at_start, mut any) = (false, true, false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else if matches!(chars.peek(), None | Some('\t')) {
                    quoted = false;
                } else {
                    return false;
                }
            }
        } else if at_start && c == '"' {
            quoted = true;
            any = true;
        } else {
            at_start = c == '\t';
        }
    }
    any && !quoted
}

/// Adds the line `line`, which a cell's line break started, to the last of `cells`.
fn continue_cell(cells: &mut Vec<String>, line: &str) {
    continue_cell_with(cells, &crate::normalize::normalize_cell(line));
}

/// Whether a cell ends mid-sentence, cut at a comma, a `、` or a joining word (`…创建国家级旅游度假区，`):
/// the next line of its column goes on with it.
fn cut_mid_sentence(cell: &str) -> bool {
    cell.trim_ws()
        .ends_with(['，', ',', '、', '：', ':', '的', '和', '及', '与', '或'])
}

/// Whether `text` (a normalized line) goes on with the task cell `cell` above it: the next
/// measure of a cell listing its measures a line each ([`next_measure`]), or the rest of a text
/// cut mid-sentence — not a group row's heading or an attachment's head.
fn task_cell_goes_on(cell: &str, text: &str) -> bool {
    !cell.is_empty()
        && !text.is_empty()
        && (next_measure(cell, text)
            || (cut_mid_sentence(cell) && !is_group_line(text) && !is_attachment_head(text)))
}

/// Adds `line`, which a cell's line break started, to the cell of the row `cells` it goes on
/// with: the last cell, unless the line is the rest of a sentence (it ends one, or is longer than
/// a unit's name) while the last cell is not cut and a cell before it was cut mid-sentence
/// (`1 → 推进…，创建国家级旅游度假区， → 县文化和旅游局 → 九宫山管理区` / `完成游客中心和智慧景区建设。`):
/// then the rightmost such cell. A unit's name on the line goes on with the units cell.
fn continue_row(cells: &mut Vec<String>, line: &str) {
    let text = crate::normalize::normalize_cell(line);
    let sentence = text.ends_with(['。', '；', ';', '！']) || !is_short_cell_line(line);
    if sentence
        && let Some((last, before)) = cells.split_last_mut()
        && !cut_mid_sentence(last)
        && let Some(cell) = before.iter_mut().rev().find(|c| cut_mid_sentence(c))
    {
        cell.push('\n');
        cell.push_str(&text);
        return;
    }
    continue_cell_with(cells, &text);
}

/// Adds `text`, the next line of the last of `cells`, to it after a line break.
fn continue_cell_with(cells: &mut Vec<String>, text: &str) {
    match cells.last_mut() {
        Some(cell) if !cell.is_empty() => {
            cell.push('\n');
            cell.push_str(text);
        }
        Some(cell) => cell.push_str(text),
        None => cells.push(text.to_string()),
    }
}

/// A Markdown-style row: `| 序号 | 试点任务 | 牵头单位 |`.
fn is_pipe_row(line: &str) -> bool {
    // Asked of every line (whether it is a table line): a line whose last character is neither
    // a bar nor white space (nearly every line) is turned down without trimming it, which
    // decodes the full-width spaces a paragraph of Chinese text is set in by.
    if line
        .chars()
        .next_back()
        .is_none_or(|c| c != '|' && !c.is_whitespace())
    {
        return false;
    }
    let t = line.trim_ws();
    t.len() >= 3 && t.starts_with('|') && t.ends_with('|')
}

/// `line` with each `<br>`, `<br/>` or `<br />` (any case) made a line break; `None` when it
/// has none.
fn cell_breaks(line: &str) -> Option<String> {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    let mut found = false;
    while let Some(at) = rest.find('<') {
        let tag = &rest[at + 1..];
        let is_br = tag.get(..2).is_some_and(|n| n.eq_ignore_ascii_case("br"));
        let close = tag
            .get(2..)
            .and_then(|t| t.find('>').map(|end| (end, &t[..end])))
            .filter(|(_, inside)| inside.bytes().all(|b| b == b' ' || b == b'/'));
        match (is_br, close) {
            (true, Some((end, _))) => {
                out.push_str(&rest[..at]);
                out.push('\n');
                rest = &tag[2 + end + 1..];
                found = true;
            }
            _ => {
                out.push_str(&rest[..=at]);
                rest = tag;
            }
        }
    }
    out.push_str(rest);
    found.then_some(out)
}

/// A Markdown separator row: `|---|:---:|`.
fn is_pipe_rule(line: &str) -> bool {
    is_pipe_row(line)
        && line
            .trim_ws()
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

fn is_blank(line: &str) -> bool {
    !is_table_line(line) && is_blank_text(line)
}

/// [`is_blank`] of a line known to be no table line.
fn is_blank_text(line: &str) -> bool {
    crate::normalize::trim_with(line, |c| c.is_whitespace() || c == '\u{feff}').is_empty()
}

/// Cells of one table line: one leading tab is the row's indentation, the rest separate cells.
/// A Markdown row's cells sit between its outer pipes.
fn line_cells(line: &str) -> LineCells<'_> {
    if is_pipe_row(line) && !line.contains('\t') {
        let t = line.trim_ws();
        let inner = &t[1..t.len() - 1];
        if is_pipe_rule(line) {
            return LineCells::None;
        }
        return LineCells::Pipes(inner.split('|'));
    }
    LineCells::Tabs(split_tabs(line.strip_prefix('\t').unwrap_or(line)))
}

/// The cells of one table line ([`line_cells`]), by the kind of line, without a box a line.
enum LineCells<'a> {
    Tabs(SplitTabs<'a>),
    Pipes(std::str::Split<'a, char>),
    None,
}

impl<'a> Iterator for LineCells<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        match self {
            LineCells::Tabs(cells) => cells.next(),
            LineCells::Pipes(cells) => cells.next().map(without_emphasis),
            LineCells::None => None,
        }
    }
}

/// `s.split('\t')`, the tabs found by one vectorized search over the line (`split` searches
/// again from each cell, with a set-up each time).
fn split_tabs(s: &str) -> SplitTabs<'_> {
    SplitTabs {
        s,
        tabs: memchr::memchr_iter(b'\t', s.as_bytes()),
        start: Some(0),
    }
}

/// [`split_tabs`]' iterator: the cell from `start` to the next tab, the last to the end.
struct SplitTabs<'a> {
    s: &'a str,
    tabs: memchr::Memchr<'a>,
    /// Where the next cell starts; `None` after the last.
    start: Option<usize>,
}

impl<'a> Iterator for SplitTabs<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let start = self.start?;
        let end = match self.tabs.next() {
            Some(tab) => {
                self.start = Some(tab + 1);
                tab
            }
            None => {
                self.start = None;
                self.s.len()
            }
        };
        Some(self.s.get(start..end).unwrap_or_default())
    }
}

/// A Markdown cell or line without the emphasis around all of it: `**一、…**` → `一、…`.
pub(crate) fn without_emphasis(cell: &str) -> &str {
    let t = cell.trim_ws();
    for mark in ["**", "__"] {
        // `**甲** 和 **乙**` is two runs of emphasis, not one around `甲** 和 **乙`.
        if let Some(inner) = t.strip_prefix(mark).and_then(|x| x.strip_suffix(mark))
            && !inner.trim_ws().is_empty()
            && !inner.contains(mark)
        {
            return inner;
        }
    }
    cell
}

/// The text of a Markdown (ATX) heading line, `## 一、总体要求` → `一、总体要求`: up to three
/// spaces, one to six `#`, then a space, a tab or the end of the line (`#1机组` is no heading);
/// a closing run of `#` after a space is dropped too. `None` for any other line.
fn markdown_heading(line: &str) -> Option<&str> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let marks = line.get(indent..)?;
    let level = marks.len() - marks.trim_start_matches('#').len();
    if indent > 3 || !(1..=6).contains(&level) {
        return None;
    }
    let rest = marks.get(level..)?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let text = rest.trim_matches([' ', '\t']);
    let closed = text.trim_end_matches('#');
    Some(if closed.is_empty() || closed.ends_with([' ', '\t']) {
        closed.trim_end_matches([' ', '\t'])
    } else {
        text
    })
}

/// Number of cells on one table line (without building them).
fn cell_count(line: &str) -> u64 {
    let line = line.strip_prefix('\t').unwrap_or(line);
    line.bytes().filter(|&b| b == b'\t').count() as u64 + 1
}

/// Reads plain text (already decoded) into blocks, with the default [`Limits`].
///
/// A table over the default grid-cell limit is read as its lines, one paragraph each; use
/// [`read_text_limited`] to have it refused instead.
pub fn read_text(text: &str) -> Blocks {
    match read_text_limited(text, &Limits::default()) {
        Ok(b) => b,
        Err(_) => read_text_limited(
            text,
            &Limits {
                max_grid_cells: 0,
                ..Limits::default()
            },
        )
        .unwrap_or_default(),
    }
}

/// Reads plain text (already decoded) into blocks.
///
/// Fails with [`Error::Limit`] when a table would have more cells than
/// [`Limits::max_grid_cells`] once its rows are padded to the widest one (a thousand lines of
/// one cell under a line of a million tabs would otherwise expand to a billion cells). With a
/// limit of 0, tables are not built at all and every line is a paragraph.
pub fn read_text_limited(text: &str, limits: &Limits) -> Result<Blocks> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check_line_count(text, limits)?;
    let mut all = lines(text);
    if let Some(split) = split_unicode_breaks(text, &all) {
        if split.len() as u64 > limits.max_blocks {
            return Err(too_many_lines(split.len() as u64, limits));
        }
        all = split;
    }
    // A rule drawn in characters (the lines a 版记 prints between its entries, `─────`) parts
    // what is above it from what is below, as a blank line does.
    for l in &mut all {
        if is_rule(l) {
            *l = "";
        } else if let Some(first) = l.as_bytes().first()
            && matches!(first, b'#' | b'*' | b'_' | b' ')
        {
            // The same text as Markdown: its heading marks (`## 一、总体要求`) and emphasis
            // around a whole line (`**（一）指导思想。**`) are the print's type, not its words.
            *l = without_emphasis(markdown_heading(l).unwrap_or(l));
        }
    }
    // A Markdown table breaks a line inside a cell with `<br>` (Typora, pandoc, GitHub): a line
    // break of the cell, as in a page's table. One search turns down nearly every text.
    let broken_rows: Vec<(usize, String)> =
        if memchr::memmem::find(text.as_bytes(), b"<br").is_some() {
            all.iter()
                .enumerate()
                .filter(|(_, l)| is_pipe_row(l))
                .filter_map(|(i, l)| cell_breaks(l).map(|b| (i, b)))
                .collect()
        } else {
            Vec::new()
        };
    for (i, row) in &broken_rows {
        all[*i] = row.as_str();
    }
    // Page furniture (page numbers, form feeds) is read around, as if the pages ran on; the
    // blocks' lines are mapped back to the input's at the end.
    let (lines, origin) = without_page_marks(all);
    // A spreadsheet's rows copied as text quote the cells that hold line breaks: each such row
    // is made one line, its breaks kept by a mark the cells are split on again.
    // One search of the whole text turns down nearly every text (no ASCII `"` at all) without
    // a look at each line.
    let merged = memchr::memchr(b'"', text.as_bytes()).and_then(|_| merge_quoted_rows(&lines));
    let (lines, origin) = match &merged {
        Some((rows, first)) => (
            rows.iter().map(String::as_str).collect(),
            Some(
                first
                    .iter()
                    .map(|&f| origin.as_ref().and_then(|o| o.get(f).copied()).unwrap_or(f))
                    .collect(),
            ),
        ),
        None => (lines, origin),
    };
    let mut lines = lines;
    // A web page copied as text may open with its metadata block (索引号, 发文字号, 标题…).
    without_site_furniture(&mut lines);
    without_contents(&mut lines);
    let page = crate::read::html::text_meta(&mut lines);
    without_trailing_tabs(&mut lines);
    without_cell_indents(&mut lines);
    without_tab_indents(&mut lines);
    let mut blocks = read_lines(&lines, limits, merged.is_some())?;
    blocks.page = page;
    // Two columns of a page side by side on each line (`pdftotext -layout` of a gazette): one
    // search for a run of spaces turns down nearly every text.
    if memchr::memmem::find(text.as_bytes(), b"   ").is_some()
        && let Some((first, column)) = two_columns(&lines)
    {
        blocks.diagnostics.push(Diagnostic::new(
            crate::model::Severity::Warning,
            "two_column_layout",
            format!(
                "the text from here is laid out in two columns side by side (the right one starting at column {column} of each line), as `pdftotext -layout` prints a page set in two columns: each line is read across both columns, so their sentences are mixed and headings, tasks and the title may be lost (extract the PDF without `-layout`)"
            ),
            Some(first + 1),
        ));
    }
    if let Some(origin) = origin {
        blocks.map_lines(&origin);
    }
    Ok(blocks)
}

/// Fewest lines split at one column for a text to be taken as two columns side by side.
const MIN_TWO_COLUMN_LINES: usize = 6;

/// Where a text laid out as two columns side by side starts (the index of its first such line)
/// and the display column its right column starts at, as `pdftotext -layout` prints a page set
/// in two columns (a gazette's):
///
/// ```text
/// 国务院关于印发《2024—2025年节能         　　（二）非化石能源消费提升行动。
/// 降碳行动方案》的通知                    大力促进非化石能源消费。（国家能
/// 各省、自治区、直辖市人民政府，国务      　　（三）钢铁行业节能降碳行动。
/// ```
///
/// A line splits so when it starts at the margin (four columns at most) and holds one run of
/// three spaces or more inside it, Chinese text on both sides (columns counted as a terminal
/// counts them, `—` one wide); at least
/// [`MIN_TWO_COLUMN_LINES`] lines split at the same column (20 or more), and three of them with
/// the left column filled to within ten columns of it (prose wrapping at the column's edge, not
/// a label and its value or a table's cells, which start under their columns and have more
/// than one run).
fn two_columns(lines: &[&str]) -> Option<(usize, usize)> {
    // (column, line, left column filled) of each line that splits in two.
    let mut splits: Vec<(usize, usize, bool)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if memchr::memmem::find(line.as_bytes(), b"   ").is_none() {
            continue;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        let body = line.trim_matches(' ');
        if indent > 4 || body.is_empty() {
            continue;
        }
        let Some(gap) = memchr::memmem::find(body.as_bytes(), b"   ") else {
            continue;
        };
        let (left, rest) = body.split_at(gap);
        let right = rest.trim_start_matches(' ');
        let cjk = |t: &str| t.chars().any(|c| c > '\u{2e80}');
        // One run of spaces only: a table's row has more.
        if !cjk(left) || !cjk(right) || right.contains("  ") || left.contains("  ") {
            continue;
        }
        let left_end = indent + unicode_width::UnicodeWidthStr::width(left);
        let column = left_end + (rest.len() - right.len());
        if column >= 20 {
            splits.push((column, i, column - left_end <= 10));
        }
    }
    if splits.len() < MIN_TWO_COLUMN_LINES {
        return None;
    }
    splits.sort_unstable();
    splits
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| {
            run.len() >= MIN_TWO_COLUMN_LINES
                && run.iter().filter(|(_, _, full)| *full).count() >= 3
        })
        .map(|run| (run.iter().map(|r| r.1).min().unwrap_or(0), run[0].0))
        .min()
}

/// Blanks a table of contents (`目  录`, then `一、总体要求……………1` a line): each entry repeats a
/// heading of the text below and, read, would be that heading twice, out of order. An entry is
/// a heading, a leader of dots and its page number ([`crate::read::html::is_contents_entry`]);
/// the `目录` line is blanked with the entries under it. Blanked, not removed, so every other
/// line keeps its number.
fn without_contents(lines: &mut [&str]) {
    without_unpaged_contents(lines);
    for i in 0..lines.len() {
        // Turned down at the last byte for nearly every line: an entry ends with its page number.
        let t = lines[i].trim_end_ws();
        if !t.as_bytes().last().is_some_and(u8::is_ascii_digit)
            || !crate::read::html::is_contents_entry(t.trim_ws())
        {
            continue;
        }
        lines[i] = "";
        // The `目录` above the entries (its letters often spaced out: `目  录`), a blank line
        // or two between them at most.
        for j in (i.saturating_sub(3)..i).rev() {
            let above = lines[j].trim_ws();
            if above.is_empty() {
                continue;
            }
            if is_contents_title(above) {
                lines[j] = "";
            }
            break;
        }
    }
}

/// Blanks the table of contents a law or regulation prints under its title without page numbers
/// (`目　　录` over `第一章　总则` / `第二章　…` / `第三章　附则`): the run of chapter, section
/// or part headings under a `目录` line, one a line with nothing between them, whose first
/// heading is printed again below — where the chapters start. Read, every chapter came twice,
/// the first time empty, with a false numbering warning. Only a line that starts with `目` is
/// looked at closer.
fn without_unpaged_contents(lines: &mut [&str]) {
    const MU: &[u8] = "目".as_bytes();
    let Some(title) = lines
        .iter()
        .position(|l| l.trim_start().as_bytes().starts_with(MU) && is_contents_title(l.trim_ws()))
    else {
        return;
    };
    let heading = |l: &str| {
        let t = normalize_block(l);
        let kind = crate::numbering::marker(&t).map(|m| m.kind);
        matches!(
            kind,
            Some(
                crate::numbering::MarkerKind::Part
                    | crate::numbering::MarkerKind::Chapter
                    | crate::numbering::MarkerKind::Section
            )
        ) || t == "附则"
    };
    // The entries: headings one a line, blank lines between them allowed, up to the first
    // line that is none; at most a few hundred.
    let mut entries = Vec::new();
    for (i, l) in lines.iter().enumerate().skip(title + 1).take(400) {
        if l.trim_ws().is_empty() {
            continue;
        }
        if !heading(l) {
            break;
        }
        entries.push(i);
    }
    let Some(&first) = entries.first() else {
        return;
    };
    let key = |l: &str| crate::normalize::strip_spaces(&normalize_block(l)).into_owned();
    let first_key = key(lines[first]);
    // The chapters may start right under the contents (`第三章　附则` / `第一章　总　　则`).
    if let Some(k) = entries
        .iter()
        .skip(1)
        .position(|&i| key(lines[i]) == first_key)
    {
        entries.truncate(k + 1);
    } else if !entries
        .last()
        .is_some_and(|&last| lines[last + 1..].iter().any(|l| key(l) == first_key))
    {
        return;
    }
    if entries.len() < 2 {
        return;
    }
    lines[title] = "";
    for i in entries {
        lines[i] = "";
    }
}

/// The title of a table of contents: `目录`, `目  录`, `目　录`.
fn is_contents_title(t: &str) -> bool {
    t.strip_prefix('目')
        .and_then(|r| r.strip_suffix('录'))
        .is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '\u{3000}'))
}

/// The most lines at the top of a text looked at for a site's furniture.
const FURNITURE_HEAD: usize = 10;

/// Blanks the furniture of a web page or a WeChat post copied with a notice: above it, the
/// breadcrumb (`首页 > 政务公开 > 政策文件`), the page's tools (`【字体：大 中 小】 打印本页
/// 关闭窗口`), the line of posting labels (`发布时间：… 来源：… 浏览次数：…`), a post's
/// `点击上方蓝字关注我们` and its time (`2023-04-12 18:30 发表于浙江`); under it, the same tools
/// (`【打印】【关闭】`), the links to other pages (`上一篇：…`) and a post's credits (`来源：…`,
/// `编辑：… 审核：…`, `阅读原文`). They name no part of the notice, and a title or signature read
/// with them would be wrong. Blanked, not removed, so every other line keeps its number.
fn without_site_furniture(lines: &mut [&str]) {
    // A gazette's masthead, at the top of the text or of any of its pages.
    for line in lines.iter_mut() {
        // Told by the last byte first: `期`, `号` and `）` end in `9F`, `B7` and `89`.
        let t = line.trim_end_ws();
        if matches!(t.as_bytes().last(), Some(0x9F | 0xB7 | 0x89))
            && ["期", "号", "）"].iter().any(|e| t.ends_with(e))
            && is_gazette_masthead(t.trim_ws())
        {
            *line = "";
        }
    }
    let mut seen = 0;
    for i in 0..lines.len() {
        let t = lines[i].trim_ws();
        if t.is_empty() {
            continue;
        }
        seen += 1;
        if seen > FURNITURE_HEAD {
            break;
        }
        if is_head_furniture(t) {
            if is_post_time(t) {
                without_account_name(&mut lines[..i], t);
            } else if is_breadcrumb(t) {
                without_site_header(&mut lines[..i]);
            }
            lines[i] = "";
        }
    }
    // From the last line up, while each is furniture; blanked only when one of them is surely
    // the page's or the post's (a lone `来源：市统计局` under a table is the table's source).
    let mut run = Vec::new();
    let mut sure = false;
    for (i, line) in lines.iter().enumerate().rev() {
        let t = line.trim_ws();
        if t.is_empty() {
            continue;
        }
        if t.len() > 300 {
            break;
        }
        if is_credit(t) {
            run.push(i);
        } else if is_head_furniture(t)
            || is_page_tools(t)
            || crate::read::html::is_page_navigation(t)
            || is_post_end(t)
            || is_site_footer(t)
        {
            run.push(i);
            sure = true;
        } else if sure && let Some(heading) = related_links_above(lines, i) {
            // The titles of a page's `相关链接：` under the notice, and the heading itself.
            run.extend(heading..=i);
            break;
        } else {
            break;
        }
    }
    if sure {
        for i in run {
            if let Some(line) = lines.get_mut(i) {
                *line = "";
            }
        }
    }
}

/// Blanks a post's account name above its time (`time`): a line above it that the time's byline
/// names (`某某发布` … `原创 某某发布 2023-04-12 18:30`), or a short line of a word or two right
/// above the time, no title (`某某发布` / `2023-04-12 18:30`). Only lines above the time: the
/// account may bear the issuer's name, which the notice under it prints as its own.
fn without_account_name(above: &mut [&str], time: &str) {
    for line in above.iter_mut() {
        let t = line.trim_ws();
        if !t.is_empty() && post_byline(time).any(|w| w == t) {
            *line = "";
        }
    }
    if let Some(line) = above.last_mut() {
        let t = line.trim_ws();
        let words = t.split_whitespace().count();
        if (1..=2).contains(&words)
            && t.chars().count() <= 20
            && !t.contains(['：', ':', '，', ',', '。', '；', '、', '（', '('])
            && !crate::structure::ends_like_title(t)
            && !crate::structure::is_organ_line(t)
        {
            *line = "";
        }
    }
}

/// Blanks the lines a page prints above its breadcrumb (`above`, the text's first lines): the
/// site's name (`某某市人民政府`), its menu (`首页　政务公开　政务服务`), its tools (`无障碍 | 长者模式
/// | 登录`) and search box (`请输入关键词 搜索`). The notice starts under the breadcrumb; read, the
/// site's name was taken for an organ line of the title's, and the menu kept the head from being
/// found. Only when every such line is short and is no title, number, sentence or labelled value.
fn without_site_header(above: &mut [&str]) {
    if above
        .iter()
        .all(|l| l.trim_ws().is_empty() || is_site_header_line(l.trim_ws()))
    {
        above.fill("");
    }
}

/// A line of a site's header ([`without_site_header`]): a few words, no sentence, no labelled
/// value, no table row, nothing that ends like a title or is a 发文字号.
pub(crate) fn is_site_header_line(t: &str) -> bool {
    t.chars().count() <= 60
        && !t.contains(['。', '；', '，', '：', ':', '\t', '、'])
        && !crate::structure::ends_like_title(t)
        && crate::structure::parse_doc_number(t).is_none()
}

/// A site's menu copied with the page: its first entry the home page (`首页`, `网站首页`), then
/// three or more short entries set apart by bars, slashes or spaces (`首页 | 政务公开 | 政务服务 |
/// 互动交流`, `首页　　政务公开　　政务服务`). No sentence: each entry a few characters.
fn is_site_menu(t: &str) -> bool {
    if t.len() > 240
        || !["首页", "网站首页", "返回首页", "主页"]
            .iter()
            .any(|w| t.starts_with(w))
    {
        return false;
    }
    let mut entries = 0;
    for entry in
        t.split(|c: char| c.is_whitespace() || matches!(c, '|' | '｜' | '/' | '／' | '·' | '丨'))
    {
        if entry.is_empty() {
            continue;
        }
        let n = entry.chars().count();
        if n > 8 || entry.contains(['。', '，', '；', '：', ':', '>', '＞']) {
            return false;
        }
        entries += 1;
    }
    entries >= 4
}

/// A site's footer line: who runs the site (`主办：…　承办：…`, `主办单位：…`, `技术支持：…`,
/// `版权所有`), its licence number (`闽ICP备05000163号`) and its code (`网站标识码：…`).
pub(crate) fn is_site_footer(t: &str) -> bool {
    t.len() <= 300
        && (["主办：", "承办：", "技术支持：", "版权所有", "Copyright", "©"]
            .iter()
            .any(|w| t.starts_with(w))
            // A 会议通知's `主办单位：` is the meeting's, unless the site's 承办 stands beside.
            || (t.starts_with("主办单位：") && t.contains("承办"))
            || t.contains("ICP备")
            || t.contains("网站标识码")
            || t.contains("公网安备"))
}

/// A site's footer line that no article closes with: its licence number (`闽ICP备05000163号`),
/// its code (`网站标识码：…`), its copyright or who built it (`版权所有`, `技术支持：…`). A line
/// that only names who runs something (`主办：…`, `承办：…`) may be an event notice's own.
pub(crate) fn is_site_mark(t: &str) -> bool {
    ["技术支持：", "Copyright", "©"]
        .iter()
        .any(|w| t.starts_with(w))
        || t.contains("版权所有")
        || t.contains("ICP备")
        || t.contains("网站标识码")
        || t.contains("公网安备")
}

/// Where the `相关链接：` heading stands whose list of linked titles ends at line `last`: a few
/// short lines at most between them, titles with no sentence in them. `None` for any other line.
fn related_links_above(lines: &[&str], last: usize) -> Option<usize> {
    let mut titles = 0;
    for i in (0..=last).rev() {
        let t = lines[i].trim_ws();
        if t.is_empty() {
            continue;
        }
        let heading = t
            .trim_start_matches(['【', '['])
            .trim_end_matches(['：', ':', '】', ']']);
        if ["相关链接", "相关文件", "相关阅读", "相关新闻", "相关解读"].contains(&heading)
        {
            return (titles > 0).then_some(i);
        }
        titles += 1;
        if titles > 8 || t.chars().count() > 80 || t.contains('。') {
            return None;
        }
    }
    None
}

/// A line of a page's or post's head that is never the notice's: a breadcrumb, the page's tools,
/// a line of posting labels, a post's call to follow it or its time.
pub(crate) fn is_head_furniture(t: &str) -> bool {
    if t.len() > 300 {
        return false;
    }
    is_breadcrumb(t)
        || is_site_menu(t)
        || is_page_tools(t)
        || is_share_bar(t)
        || is_posting_line(t)
        || is_follow_call(t)
        || is_post_time(t)
}

/// A gazette's masthead printed over a notice it publishes (`某某市人民政府公报　2023年第5期`,
/// `某某省人民政府公报 2022年第12号（总第789期）`): the gazette's name and its issue, nothing else.
/// A notice's own lines never end so (a 发文字号 names no 公报).
fn is_gazette_masthead(t: &str) -> bool {
    if t.len() > 150 {
        return false;
    }
    let Some(at) = t.rfind("公报") else {
        return false;
    };
    let issue = t[at + "公报".len()..].trim_ws();
    !issue.is_empty()
        && issue.contains('第')
        && issue.chars().all(|c| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || matches!(
                    c,
                    '年' | '第' | '期' | '号' | '总' | '（' | '）' | '(' | ')'
                )
        })
}

/// `首页 > 政务公开 > 政策文件`, `当前位置：首页 > 信息公开`.
pub(crate) fn is_breadcrumb(t: &str) -> bool {
    [
        "首页",
        "当前位置",
        "您的位置",
        "您现在的位置",
        "您所在的位置",
        "现在位置",
    ]
    .iter()
    .any(|w| t.starts_with(w))
        && t.contains(['>', '＞', '»', '›', '→'])
}

/// The names of a page's tools, as [`is_page_tools`] reads them.
const PAGE_TOOL_WORDS: [&str; 21] = [
    // The caption of a page's QR code, and the tools of accessibility and feedback.
    "扫一扫在手机打开当前页",
    "扫一扫在手机上打开当前页",
    "我要纠错",
    "视力保护色",
    "字体",
    "字号",
    "打印本页",
    "打印正文",
    "打印",
    "关闭窗口",
    "关闭本页",
    "关闭",
    "收藏",
    "分享到",
    "分享",
    "纠错",
    "默认",
    "大",
    "中",
    "小",
    "返回顶部",
];

/// A page's share bar naming the services it shares to (`分享到：微信 微博 QQ空间`): a few short
/// names after its label, no sentence.
fn is_share_bar(t: &str) -> bool {
    let Some(rest) = t
        .strip_prefix("分享到")
        .or_else(|| t.strip_prefix("分享至"))
    else {
        return false;
    };
    let Some(names) = rest.trim_start().strip_prefix(['：', ':']) else {
        return false;
    };
    let names = names.trim_ws();
    !names.is_empty()
        && names.chars().count() <= 30
        && !names.contains(['，', '。', '；', ',', ';', '：', ':'])
        && names.split_whitespace().all(|w| w.chars().count() <= 8)
}

/// Whether `c` starts one of [`PAGE_TOOL_WORDS`]: the words are looked for only there.
fn starts_tool_word(c: char) -> bool {
    matches!(
        c,
        '字' | '打'
            | '关'
            | '收'
            | '分'
            | '纠'
            | '默'
            | '大'
            | '中'
            | '小'
            | '返'
            | '扫'
            | '我'
            | '视'
    )
}

/// Nothing but a page's tools: `【字体：大 中 小】 打印本页 关闭窗口`, `【打印】【关闭】`,
/// `[打印] [关闭] [收藏]`, `分享到：`.
pub(crate) fn is_page_tools(t: &str) -> bool {
    let mut rest = t;
    let mut tools = false;
    while let Some(c) = rest.chars().next() {
        // The words are looked for only at a character one of them starts with.
        if let Some(w) = starts_tool_word(c)
            .then(|| PAGE_TOOL_WORDS.iter().find(|w| rest.starts_with(**w)))
            .flatten()
        {
            tools |= w.chars().count() > 1 && !matches!(*w, "默认");
            rest = &rest[w.len()..];
        } else if c.is_whitespace()
            || matches!(
                c,
                '【' | '】'
                    | '['
                    | ']'
                    | '［'
                    | '］'
                    | '〖'
                    | '〗'
                    | '('
                    | ')'
                    | '（'
                    | '）'
                    | '：'
                    | ':'
                    | '|'
                    | '｜'
                    | '/'
                    | '·'
                    | '-'
            )
        {
            rest = &rest[c.len_utf8()..];
        } else {
            return false;
        }
    }
    tools
}

/// The labels of a page's posting line, each before its colon.
const POSTING_LABELS: [&str; 10] = [
    "发布时间",
    "发布日期",
    "来源",
    "浏览次数",
    "浏览量",
    "阅读量",
    "阅读次数",
    "点击数",
    "访问量",
    "作者",
];

/// A line of two posting labels or more (`发布时间：2022-08-15 来源：县政府办公室 浏览次数：1523`).
fn is_posting_line(t: &str) -> bool {
    // Also each in the page's brackets (`【发布日期：2023-03-28】【来源：某某办】【字体：大 中 小】`).
    if !t
        .strip_prefix(['【', '[', '［'])
        .unwrap_or(t)
        .starts_with(['发', '来', '浏', '阅', '点', '访', '作'])
    {
        return false;
    }
    let labelled = |l: &str| {
        t.match_indices(l)
            .any(|(at, _)| t[at + l.len()..].starts_with(['：', ':']))
    };
    POSTING_LABELS.iter().filter(|l| labelled(l)).count() >= 2
}

/// A post's call to follow its account (`点击上方蓝字关注我们`, `点击蓝字 关注我们`).
fn is_follow_call(t: &str) -> bool {
    t.len() <= 60 && t.contains("关注") && (t.contains("点击") || t.contains("蓝字"))
}

/// A post's time as the app prints it, alone or with the place it was posted from
/// (`2023-04-12 18:30`, `2023-04-12 18:30 发表于浙江`, `原创 2023-04-12 18:30`).
fn is_post_time(t: &str) -> bool {
    // The app may print the author and the account before the time (`原创 张三 某某发布
    // 2023-04-12 18:30 发表于浙江`): a few words set apart by spaces, no sentence among them.
    let Some((who, t)) = split_post_byline(t) else {
        return false;
    };
    let byline = |who: &str| {
        who.ends_with(' ')
            && who.len() <= 90
            && who.split_whitespace().count() <= 3
            && !who.contains(['：', ':', '，', ',', '。', '；'])
    };
    if !who.is_empty() && !byline(who) {
        return false;
    }
    let Some(date_len) = post_date_len(t) else {
        return false;
    };
    let rest = t[date_len..].trim_start();
    let rb = rest.as_bytes();
    if !(rest.len() < t.len() - date_len
        && rb.len() >= 5
        && rb[..2].iter().all(u8::is_ascii_digit)
        && rb[2] == b':'
        && rb[3..5].iter().all(u8::is_ascii_digit))
    {
        return false;
    }
    let after = rest[5..]
        .trim_start_matches(|c: char| c == ':' || c.is_ascii_digit())
        .trim_ws();
    // The place it was posted from, with the app's word for it or alone (`重庆`, `北京`).
    after.is_empty()
        || (after.starts_with("发表于") && after.chars().count() <= 12)
        || (after.chars().count() <= 6
            && after
                .chars()
                .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
}

/// The length in bytes of the date a post's time opens with: `2023-04-12` or `2023年04月12日`
/// (`2023年4月2日`).
fn post_date_len(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if !digits(0..4) {
        return None;
    }
    if b.get(4) == Some(&b'-') {
        return (digits(5..7) && b.get(7) == Some(&b'-') && digits(8..10)).then_some(10);
    }
    let rest = t.get(4..)?.strip_prefix('年')?;
    let month = rest.bytes().take_while(u8::is_ascii_digit).count();
    let rest = rest.get(month..)?.strip_prefix('月')?;
    let day = rest.bytes().take_while(u8::is_ascii_digit).count();
    let rest = rest.get(day..)?.strip_prefix('日')?;
    ((1..=2).contains(&month) && (1..=2).contains(&day)).then_some(t.len() - rest.len())
}

/// The words printed before a post's time (`原创 张三 某某发布 2023-04-12 18:30`: `张三`,
/// `某某发布`), when `t` is one.
fn post_byline(t: &str) -> impl Iterator<Item = &str> {
    split_post_byline(t)
        .map_or("", |(who, _)| who)
        .split_whitespace()
}

/// A line that may be a post's time, without its `原创` mark, cut where its first digit starts:
/// the words before (the byline, if any) and the rest. `None` without a digit.
fn split_post_byline(t: &str) -> Option<(&str, &str)> {
    let t = t.strip_prefix("原创").map_or(t, str::trim_start);
    let first_digit = t.bytes().position(|b| b.is_ascii_digit())?;
    Some(t.split_at(first_digit))
}

/// A post's credits under its text: `来源：…`, `编辑：…`, `责任编辑：…`, `审核：…`, `校对：…`,
/// `监制：…`.
pub(crate) fn is_credit(t: &str) -> bool {
    credit_label(t).is_some()
}

/// [`is_credit`] for a credit that names who edited or checked the text (`编辑：…`, `责编：…`,
/// `审核：…`), not its source or author: never a table's, as a source may be.
pub(crate) fn is_editor_credit(t: &str) -> bool {
    // Or a source with an editor credited after it on the line (`文章来源：某厅　责任编辑：某某`).
    credit_label(t).is_some_and(|l| {
        !SOURCE_LABELS.contains(&l)
            || t.split_whitespace().skip(1).any(|w| {
                EDITOR_LABELS.iter().any(|e| {
                    w.strip_prefix(e)
                        .is_some_and(|rest| rest.starts_with(['：', ':']))
                })
            })
    })
}

/// The labels of a credit whose value is where the text came from or who wrote it.
const SOURCE_LABELS: [&str; 5] = ["来源", "文章来源", "信息来源", "稿件来源", "作者"];

/// The labels of a credit that names who edited or checked the text.
const EDITOR_LABELS: [&str; 10] = [
    "编辑",
    "责任编辑",
    "责编",
    "审核",
    "校对",
    "初审",
    "复审",
    "终审",
    "监制",
    "主编",
];

/// The label a credit line starts with ([`SOURCE_LABELS`], [`EDITOR_LABELS`]), before its colon.
fn credit_label(t: &str) -> Option<&'static str> {
    if t.len() > 200 {
        return None;
    }
    let labelled = |labels: &[&'static str]| {
        labels.iter().copied().find(|l| {
            t.strip_prefix(l)
                .is_some_and(|rest| rest.trim_start().starts_with(['：', ':']))
        })
    };
    labelled(&SOURCE_LABELS).or_else(|| labelled(&EDITOR_LABELS))
}

/// A post's last words: `阅读原文`, `END`, `- END -`, `往期推荐`, `长按识别二维码关注`.
pub(crate) fn is_post_end(t: &str) -> bool {
    let word = t.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '—' | '－' | '·'));
    matches!(
        word,
        "阅读原文" | "END" | "End" | "往期推荐" | "往期回顾" | "扫一扫在手机打开当前页"
    ) || (t.len() <= 60 && t.contains("二维码") && t.contains("关注"))
        // `点击“阅读原文”查看更多`, `点击阅读原文了解详情`.
        || (t.len() <= 60 && t.starts_with("点击") && t.contains("阅读原文"))
        || is_post_actions(word)
        || is_feedback_votes(word)
}

/// A page's feedback widget under its article with its counts: `有用 0 | 没用 0`, `有用(3) 无用(1)`.
fn is_feedback_votes(t: &str) -> bool {
    t.len() <= 60
        && t.starts_with("有用")
        && (t.contains("没用") || t.contains("无用"))
        && t.chars().all(|c| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || matches!(
                    c,
                    '有' | '没'
                        | '无'
                        | '用'
                        | '|'
                        | '｜'
                        | '/'
                        | '('
                        | ')'
                        | '（'
                        | '）'
                        | '：'
                        | ':'
                )
        })
}

/// The words of a post's bar under its text, with its counts: `写留言`, `阅读 2.1万`,
/// `分享 收藏 赞 在看 31`, `阅读 10万+`. Only those words, spaces and counts, one word at least.
fn is_post_actions(t: &str) -> bool {
    const WORDS: [&str; 8] = [
        "写留言",
        "留言",
        "阅读",
        "分享",
        "收藏",
        "在看",
        "点赞",
        "赞",
    ];
    // Most lines start with another character: turned down at it.
    if t.len() > 60 || !t.starts_with(['写', '留', '阅', '分', '收', '在', '点', '赞']) {
        return false;
    }
    let mut rest = t;
    let mut words = 0;
    while let Some(c) = rest.chars().next() {
        if let Some(w) = WORDS.iter().find(|w| rest.starts_with(**w)) {
            words += 1;
            rest = &rest[w.len()..];
        } else if c.is_whitespace()
            || c.is_ascii_digit()
            || matches!(c, '.' | '万' | '+' | 'w' | 'W')
        {
            rest = &rest[c.len_utf8()..];
        } else {
            return false;
        }
    }
    // `阅读` alone is a heading's word, not a post's bar: with its count or another word only.
    words > 0 && (t != "阅读" && t != "分享" && t != "收藏")
}

/// Refuses a text of more lines than [`Limits::max_blocks`] before any is read: each line costs
/// the reader a slice and the model a string whatever its length. A text shorter than the limit
/// in bytes has fewer lines, and is not counted. Also asked of a text before it is read as
/// Markdown ([`crate::read::markdown`]), which would parse it whole first.
pub(crate) fn check_line_count(text: &str, limits: &Limits) -> Result<()> {
    if (text.len() as u64) < limits.max_blocks {
        return Ok(());
    }
    let b = text.as_bytes();
    let breaks = memchr::memchr_iter(b'\n', b).count();
    // A lone `\r` ends a line too (see [`lines`]).
    let lone_cr = if memchr::memchr(b'\r', b).is_some() {
        memchr::memchr_iter(b'\r', b)
            .filter(|&i| b.get(i + 1) != Some(&b'\n'))
            .count()
    } else {
        0
    };
    // The last line needs no break after it; a break at the very end starts no line.
    let open_end = !matches!(b.last(), Some(b'\n' | b'\r'));
    let count = (breaks + lone_cr + usize::from(open_end)) as u64;
    if count > limits.max_blocks {
        return Err(too_many_lines(count, limits));
    }
    Ok(())
}

/// The error for a text of `count` lines, more than [`Limits::max_blocks`].
fn too_many_lines(count: u64, limits: &Limits) -> Error {
    Error::Limit {
        what: "the number of lines".into(),
        value: count,
        limit: limits.max_blocks,
        flag: "--max-blocks".into(),
    }
}

/// A line drawn of rule characters alone (`─────`, `━━━━`, `______`, `=====`, `------`), three
/// or more, spaces around them aside. A line led by a tab is a table's cell (`---` for none).
fn is_rule(line: &str) -> bool {
    let rule = |c: char| {
        matches!(
            c,
            '─' | '━' | '—' | '－' | '-' | '_' | '＿' | '=' | '＝' | '═'
        )
    };
    // Nearly every line is told by its first byte: a rule character, a space or an ideographic
    // space starts with one of these (Han characters, letters and digits with none).
    if !line
        .as_bytes()
        .first()
        .is_some_and(|b| matches!(b, 0xE2 | 0xE3 | 0xEF | b'-' | b'_' | b'=' | b' '))
    {
        return false;
    }
    let t = line.trim_matches(|c: char| c == ' ' || c == '\u{3000}');
    t.starts_with(rule) && t.chars().count() >= 3 && t.chars().all(rule)
}

/// A line that only numbers a page, as PDF exports print it: `— 3 —`, `- 3 -`, `－3－`,
/// `第3页`, `第 3 页 共 12 页`. A bare number is not one (it may be a task's number).
pub(crate) fn is_page_number(line: &str) -> bool {
    // A page number ends in a dash or 页: most lines are told by their last character, and only
    // a line that ends in white space is trimmed first.
    let last = match line.chars().next_back() {
        Some(c) if c.is_whitespace() => line.trim_end_ws().chars().next_back(),
        c => c,
    };
    if last.is_some_and(|c| c.is_ascii_digit()) {
        return is_page_of_pages(line);
    }
    if !last.is_some_and(|c| is_dash(c) || c == '页') {
        return false;
    }
    let t = spaced(line);
    if t.is_empty() || t.len() > 40 {
        return false;
    }
    let digits = |s: &str| (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if t.starts_with(is_dash) && t.ends_with(is_dash) {
        return digits(spaced(t.trim_matches(is_dash)));
    }
    let Some(rest) = t.strip_prefix('第') else {
        return false;
    };
    let Some((number, after)) = rest.split_once('页') else {
        return false;
    };
    if !digits(spaced(number)) {
        return false;
    }
    let after = spaced(after).trim_start_matches(['，', ',', '/', '／']);
    let after = spaced(after);
    after.is_empty()
        || after
            .strip_prefix('共')
            .and_then(|a| a.strip_suffix('页'))
            .is_some_and(|n| digits(spaced(n)))
}

/// `3/5`, `3 / 5`, `3／5`: a page's number and the count of pages, as WPS, Word's short form and
/// a browser's print put them at a page's foot; the number no larger than the count.
fn is_page_of_pages(line: &str) -> bool {
    let t = spaced(line);
    if t.len() > 16 {
        return false;
    }
    let Some((page, pages)) = t.split_once(['/', '／']) else {
        return false;
    };
    let number = |s: &str| {
        let s = spaced(s);
        ((1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    matches!((number(page), number(pages)), (Some(p), Some(n)) if 1 <= p && p <= n)
}

/// A page's number printed alone and centred at its foot (`                3`) on the line right
/// before a form feed: a bare number is a page number only there, where the page ends — a
/// table's row number stands alone on a line too, at the left.
fn is_bare_page_number(line: &str, next: Option<&&str>) -> bool {
    let t = spaced(line);
    next.is_some_and(|n| n.starts_with('\u{c}'))
        && (1..=4).contains(&t.len())
        && t.bytes().all(|b| b.is_ascii_digit())
        && line.len() - line.trim_start().len() >= 4
}

/// The dashes page numbers stand between: hyphen, em and en dashes, full-width hyphen, bars.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '－' | '–' | '―' | '─')
}

/// `s` without white space around it.
fn spaced(s: &str) -> &str {
    crate::normalize::trim_with(s, |c: char| c.is_whitespace() || c == '\u{3000}')
}

/// `lines` without page numbers ([`is_page_number`]), with the form feeds that start a page
/// taken off and the left margin every line shares (a PDF export's) taken off; with, when any
/// line was dropped, the index in `lines` of each line kept.
fn without_page_marks(lines: Vec<&str>) -> (Vec<&str>, Option<Vec<usize>>) {
    let marked = |l: &&str| l.starts_with('\u{c}') || is_page_number(l);
    if !lines.iter().any(marked) {
        return (without_margin(lines), None);
    }
    let mut kept: Vec<&str> = Vec::with_capacity(lines.len());
    let mut origin = Vec::with_capacity(lines.len());
    // Whether a page mark was dropped since the last line kept that was not blank.
    let mut after_mark = false;
    // The index in `kept` of the first line of each page.
    let mut page_tops = Vec::new();
    // The index in `kept` of the last line with text of each page that a mark ends.
    let mut page_bottoms = Vec::new();
    let mut note_bottom = |kept: &[&str], after_mark: bool| {
        if !after_mark && let Some(b) = kept.iter().rposition(|l| !l.trim_ws().is_empty()) {
            page_bottoms.push(b);
        }
    };
    for (i, line) in lines.iter().enumerate() {
        let fed = line.starts_with('\u{c}');
        let line = line.trim_start_matches('\u{c}');
        // A line that was nothing but a form feed goes too (it is no blank line of the text).
        if is_page_number(line)
            || (fed && line.trim_ws().is_empty())
            || is_bare_page_number(line, lines.get(i + 1))
        {
            note_bottom(&kept, after_mark);
            after_mark = true;
            continue;
        }
        if fed {
            note_bottom(&kept, after_mark);
        }
        // The first line of the text tops the first page.
        let top = (after_mark || fed || page_tops.is_empty()) && !line.trim_ws().is_empty();
        if after_mark && !line.trim_ws().is_empty() {
            after_mark = false;
            // The blank lines around a page break are the page's bottom and top, not the text's:
            // a paragraph or a table row cut by the break runs on. In a layout whose rows are
            // set apart by blank lines (cells one per tab-led line) they may part rows, and stay.
            let before = kept.iter().rposition(|l| !l.trim_ws().is_empty());
            let tabbed = |l: &str| l.starts_with('\t');
            if let Some(b) = before
                && !tabbed(kept[b])
                && !tabbed(line)
            {
                kept.truncate(b + 1);
                origin.truncate(b + 1);
            }
        }
        if top {
            page_tops.push(kept.len());
        }
        kept.push(line);
        origin.push(i);
    }
    // The last page ends with the text.
    note_bottom(&kept, after_mark);
    page_bottoms.dedup();
    without_running_headers(&mut kept, &mut origin, &page_tops, &page_bottoms);
    (without_margin(kept), Some(origin))
}

/// The text of a line that may be a running header (the document's title, or another line,
/// printed again at the top of every page): none for a table's line or a line that starts with a
/// numbering marker or names an attachment, which a page may well start with.
fn header_text(line: &str) -> Option<&str> {
    let t = spaced(line);
    let plain = !t.is_empty()
        && !is_table_line(line)
        && (!t.contains("  ") || !names_columns(t))
        && !t.starts_with("附件")
        && !crate::numbering::has_marker(t);
    plain.then_some(t)
}

/// Whether a line set apart by wide gaps names a table's columns (`序号  主要任务  牵头单位`): a
/// table's header printed again on each page is the table's, read with it; a running head set
/// left and right (`2023年第13期        某某省人民政府公报`) is no such line.
fn names_columns(t: &str) -> bool {
    t.split("  ")
        .map(spaced)
        .filter(|p| !p.is_empty())
        .any(|p| crate::tasks::is_header_cell(&crate::normalize::normalize_cell(p)))
}

/// A browser's print stamp that opens its running head (`2023/6/20 14:32  某某通知…`): a date
/// with slashes or dashes, then a time. Such a head tops the first page too and titles nothing.
fn is_print_stamp(t: &str) -> bool {
    let date_len = t
        .bytes()
        .take_while(|b| b.is_ascii_digit() || matches!(b, b'/' | b'-'))
        .count();
    let (date, rest) = t.split_at(date_len);
    let time = spaced(rest)
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b':')
        .count();
    date.bytes().filter(|&b| b == b'/' || b == b'-').count() == 2
        && date.len() >= 8
        && rest.starts_with(' ')
        && (4..=8).contains(&time)
        && spaced(rest).as_bytes().get(time.saturating_sub(3)) == Some(&b':')
}

/// The text of a line that may be a running footer, printed again at the foot of every page (a
/// site's name, a browser's print of the page's address): [`header_text`]'s text, less a page
/// number `n/N` at its end, which changes from page to page.
fn footer_text(line: &str) -> Option<&str> {
    let t = header_text(line)?;
    let Some(cut) = t.rfind("  ").filter(|&at| is_page_of_pages(&t[at..])) else {
        return Some(t);
    };
    Some(spaced(&t[..cut])).filter(|t| !t.is_empty())
}

/// Whether the next line with text after `kept[i]` is a date and nothing else (`2023年3月20日`):
/// `kept[i]` signs the text, above its 成文日期.
fn signs_above_date(kept: &[&str], i: usize) -> bool {
    kept.get(i + 1..)
        .and_then(|rest| rest.iter().find(|l| !l.trim_ws().is_empty()))
        .is_some_and(|l| {
            let t = spaced(l);
            // A date line is short: longer lines are not normalized to be asked.
            t.len() <= 60
                && t.ends_with('日')
                && crate::structure::find_date(&crate::normalize::normalize_cell(t))
                    .is_some_and(|(start, _)| start == 0)
        })
}

/// Drops running headers from `kept`: a line that starts a page (`page_tops`, indices in `kept`)
/// and whose text starts at least one other page, with the blank lines around it, so that the
/// text the header falls in runs on; the lines under it that repeat with it are the header's
/// too (a header of two or three lines). The first page top with that text stays when no line
/// of the text holds it before: it is the title of what starts there (the document's, or an
/// attachment's), printed again on the pages after — unless it tops every page after the first
/// and the text before never names it.
fn without_running_headers(
    kept: &mut Vec<&str>,
    origin: &mut Vec<usize>,
    page_tops: &[usize],
    page_bottoms: &[usize],
) {
    let mut drop = vec![false; kept.len()];
    let blank = |l: &str| l.trim_ws().is_empty() && !is_table_line(l);
    // Drops lines `i..=i_last` and, unless rows of one tab-led cell a line stand on either side,
    // the blank lines around them: the page's margins, not the text's, so the text runs on.
    let drop_with_margins = |drop: &mut [bool], i: usize, i_last: usize| {
        drop[i..=i_last].iter_mut().for_each(|d| *d = true);
        let start = kept[..i]
            .iter()
            .rposition(|l| !blank(l))
            .map_or(0, |b| b + 1);
        let end = kept[i_last + 1..]
            .iter()
            .position(|l| !blank(l))
            .map_or(kept.len(), |n| i_last + 1 + n);
        let tabbed = |k: Option<&&str>| k.is_some_and(|l| l.starts_with('\t'));
        if !tabbed(start.checked_sub(1).and_then(|k| kept.get(k))) && !tabbed(kept.get(end)) {
            drop[start..i].iter_mut().for_each(|d| *d = true);
            drop[i_last + 1..end].iter_mut().for_each(|d| *d = true);
        }
    };
    // Running footers: a line that ends two pages or more (`某某省人民政府网 www.…`, a browser's
    // print of the page's address and `1/4`). A footer titles nothing: every one goes.
    let mut feet: rustc_hash::FxHashMap<&str, Vec<usize>> = rustc_hash::FxHashMap::default();
    for &i in page_bottoms {
        if let Some(t) = kept.get(i).copied().and_then(footer_text) {
            feet.entry(t).or_default().push(i);
        }
    }
    let mut dropped_feet = false;
    for at in feet.values().filter(|at| at.len() >= 2) {
        for &i in at {
            drop_with_margins(&mut drop, i, i);
            dropped_feet = true;
        }
    }
    without_running_heads(kept, page_tops, &mut drop, &drop_with_margins);
    if dropped_feet || drop.contains(&true) {
        let mut k = 0;
        kept.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
        let mut k = 0;
        origin.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
    }
}

/// The running heads of [`without_running_headers`], marked in `drop`.
fn without_running_heads(
    kept: &[&str],
    page_tops: &[usize],
    drop: &mut [bool],
    drop_with_margins: &dyn Fn(&mut [bool], usize, usize),
) {
    // Per text: the page tops that hold it.
    let mut tops: rustc_hash::FxHashMap<&str, Vec<usize>> = rustc_hash::FxHashMap::default();
    for &i in page_tops {
        // An organ's name over a date alone is a signature that a page break put at the top of
        // the last page, however like the letterhead on the first page it reads.
        if signs_above_date(kept, i) {
            continue;
        }
        if let Some(t) = kept.get(i).copied().and_then(header_text) {
            tops.entry(t).or_default().push(i);
        }
    }
    tops.retain(|_, at| at.len() >= 2);
    if tops.is_empty() {
        return;
    }
    // Whether a line before a header text's first page top holds it: one pass over the lines up
    // to the last of those first tops.
    let last_first = tops.values().filter_map(|at| at.first()).max().copied();
    let mut seen_before: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for (i, l) in kept.iter().enumerate().take(last_first.unwrap_or(0)) {
        let t = spaced(l);
        if tops
            .get(t)
            .and_then(|at| at.first())
            .is_some_and(|&first| i < first)
        {
            seen_before.insert(t);
        }
    }
    let blank = |l: &str| l.trim_ws().is_empty() && !is_table_line(l);
    let next_line = |i: usize| (i + 1..kept.len()).find(|&k| !blank(kept[k]));
    // A header that tops every page but the first (the first page carries the letterhead
    // instead) is a header there too, unless the text before names it (`现将《某某方案》印发`):
    // then it is the title of what starts on the second page. One text at most tops them all,
    // so the lines before are searched once.
    let every_page_but_first = |t: &str, at: &[usize]| {
        at.len() >= 2
            && page_tops.get(1..) == Some(at)
            && !kept[..at[0]].iter().any(|l| l.contains(t))
    };
    for (t, at) in &tops {
        let skip = usize::from(
            !seen_before.contains(t) && !every_page_but_first(t, at) && !is_print_stamp(t),
        );
        // A header of two or three lines (a gazette's name over its issue, a title wrapped in
        // two): the lines under the first that read the same under every top it heads — those
        // it is dropped from, or all of them when it is dropped from one only — are the
        // header's too. A task table's header cells, one a line, are not.
        let mut last: Vec<usize> = at.clone();
        let judged = if at.len() - skip >= 2 { skip } else { 0 };
        for _ in 0..2 {
            let next: Vec<Option<usize>> = last.iter().map(|&i| next_line(i)).collect();
            let text = |k: Option<usize>| {
                k.and_then(|k| header_text(kept[k]))
                    .filter(|t| !crate::tasks::is_header_cell(&crate::normalize::normalize_cell(t)))
            };
            let first = text(next[judged]);
            if first.is_none()
                || next[judged..].iter().any(|&k| text(k) != first)
                // Not the next page's top, nor the header's own first line again.
                || next[judged..]
                    .iter()
                    .flatten()
                    .any(|k| page_tops.binary_search(k).is_ok())
            {
                break;
            }
            for (l, k) in last.iter_mut().zip(&next).skip(judged) {
                if let Some(k) = k {
                    *l = *k;
                }
            }
        }
        for (&i, &i_last) in at.iter().zip(&last).skip(skip) {
            drop_with_margins(drop, i, i_last);
        }
    }
}

/// `lines` with the spaces that start every line that is not blank taken off.
fn without_margin(mut lines: Vec<&str>) -> Vec<&str> {
    let mut margin = usize::MAX;
    for l in &lines {
        let n = l.bytes().take_while(|&b| b == b' ').count();
        if n < margin && !l.trim_ws().is_empty() {
            margin = n;
            // Nearly every text has a line at the left edge: nothing to take off.
            if margin == 0 {
                return lines;
            }
        }
    }
    if margin != usize::MAX {
        for l in &mut lines {
            *l = l.get(margin..).unwrap_or_default();
        }
    }
    lines
}

/// The text of a line set in by tabs alone (`\t\t\t\t某某市人民政府`: no tab after its text),
/// with the number of its leading tabs.
fn tab_indented(line: &str) -> Option<(usize, &str)> {
    let tabs = line.bytes().take_while(|&b| b == b'\t').count();
    let text = &line[tabs..];
    (tabs > 0
        && !text.trim_ws().is_empty()
        && crate::normalize::find_byte(text.as_bytes(), b'\t').is_none())
    .then_some((tabs, text))
}

/// Whether `line` holds a tab after its text starts: a row of cells, not an indented line.
fn has_inner_tab(line: &str) -> bool {
    let text = line.trim_start_matches('\t');
    crate::normalize::find_byte(text.as_bytes(), b'\t').is_some()
}

/// White space a line may end in: spaces, tabs, full-width and no-break spaces.
fn is_tail_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

/// Takes the white space off the end of lines whose only tabs after their text are there
/// (`重庆市人民政府⇥`, `\t序号  ⇥ `: a tab an editor or a web form left at the end of each line),
/// unless the line goes on with a row of cells: the nearest line above with a tab, reached
/// without a blank line (over lines of a cell without tabs: a unit a line), holds a tab between
/// two cells (`2.… → 市发展改革委` / `市经济信息委 → `: the last cell of that row is empty) or is
/// such a line kept with its tab. A trailing tab of prose would otherwise make it a table line,
/// and the notice one table.
fn without_trailing_tabs(lines: &mut [&str]) {
    for k in 0..lines.len() {
        let line = lines[k];
        // Asked only of lines ending in white space.
        if !line.ends_with(is_tail_space) {
            continue;
        }
        let text = line.trim_end_matches(is_tail_space);
        let tail = &line[text.len()..];
        if text.trim_start_matches(is_tail_space).is_empty()
            || crate::normalize::find_byte(tail.as_bytes(), b'\t').is_none()
            || has_inner_tab(text)
        {
            continue;
        }
        let mut in_row = false;
        for above in lines[..k].iter().rev().take(12) {
            if is_blank(above) {
                break;
            }
            if crate::normalize::find_byte(above.as_bytes(), b'\t').is_some() {
                // A row of cells, or a line of them kept with its tab at the end (a group row
                // `一、… → → → ` under the header, the lines above read first).
                let text = above.trim_end_matches(is_tail_space);
                in_row = has_inner_tab(text)
                    || crate::normalize::find_byte(&above.as_bytes()[text.len()..], b'\t')
                        .is_some();
                break;
            }
        }
        if !in_row {
            lines[k] = text;
        }
    }
}

/// Takes the tab off the lines of a table laid out one cell a line, each set in by a tab, with
/// no blank line between its rows (`\t序号` / `\t试点任务` / … / `\t1` / `\t支持…` / `\t市科技局`):
/// a run of such lines from a 序号 header cell on, without a blank line, holding a row's number,
/// and no such line after it past blank lines.
/// Without their tabs the lines are read as the same table laid out one cell a line with no
/// separator ([`super::untabbed`]), its rows told by their numbers. A header whose rows are
/// parted by blank lines (a word processor's layout) ends its run at the first blank line, with
/// no number in it, and is left to the tab reader.
fn without_cell_indents(lines: &mut [&str]) {
    fn cell(l: &str) -> Option<&str> {
        tab_indented(l)
            .filter(|&(tabs, _)| tabs == 1)
            .map(|(_, t)| t)
    }
    let mut i = 0;
    while i < lines.len() {
        // The header's first cell (`序号`, `编号`) is short: asked first, of the text after the
        // line's tab, it turns down nearly every line before the line is read as a cell.
        if !lines[i]
            .strip_prefix('\t')
            .is_some_and(super::untabbed::may_be_header)
            || !cell(lines[i])
                .is_some_and(|t| crate::tasks::is_header_cell(&crate::normalize::normalize_cell(t)))
        {
            i += 1;
            continue;
        }
        let end = (i + 1..lines.len())
            .find(|&k| cell(lines[k]).is_none())
            .unwrap_or(lines.len());
        let numbered = lines[i..end]
            .iter()
            .filter_map(|l| cell(l))
            .any(|t| crate::tasks::parse_seq(t).is_some());
        // The table goes on no further set in by a tab after a blank line (a header run right
        // above the first row of a table whose rows blank lines part is no such table).
        let goes_on = lines[end..]
            .iter()
            .find(|l| !is_blank(l))
            .is_some_and(|l| cell(l).is_some());
        if end - i >= 8 && numbered && !goes_on {
            for l in &mut lines[i..end] {
                *l = &l[1..];
            }
        }
        i = end;
    }
}

/// Takes the tabs off lines set in by two or more tabs with no row of cells around them (the
/// nearest lines with text above and below hold no tab after their text): a signature and
/// date pushed to the right with tabs, not the cells of a table. One leading tab is a table's
/// cell in a cell-per-line layout, and is left to the table reader.
///
/// A run of such lines right under a row of cells, with no blank line (`2 → … → 市交通局 → 万州区`
/// / `→ → → 黔江区` / `→ → → 涪陵区` …), is the row's units cell listing a unit a row, however
/// many: its lines keep their tabs when a row of cells comes right after the run, each line as
/// short as a unit's name, or when the run ends the table (a blank line or the text's end after
/// it) and each line names a unit. A signature under a table (`某某局` / `2024年5月1日`) is no
/// such run: its date is no unit's name, and no row follows it.
fn without_tab_indents(lines: &mut [&str]) {
    let deep = |l: &str| l.as_bytes().starts_with(b"\t\t") && tab_indented(l).is_some();
    let mut unit_rows_end = 0;
    for i in 0..lines.len() {
        // Asked only of lines that open with two tabs.
        if !lines[i].as_bytes().starts_with(b"\t\t") || i < unit_rows_end {
            continue;
        }
        if i > 0 && has_inner_tab(lines[i - 1]) && deep(lines[i]) {
            // The run is walked once: the lines in it are passed over above.
            let end = (i..lines.len())
                .find(|&k| !deep(lines[k]))
                .unwrap_or(lines.len());
            let run = &lines[i..end];
            let row_after = lines.get(end).is_some_and(|l| has_inner_tab(l));
            let table_end = lines.get(end).is_none_or(|l| is_blank(l));
            let units = |l: &&str| {
                tab_indented(l).is_some_and(|(_, t)| {
                    crate::tasks::is_unit_or_place(&crate::normalize::normalize_cell(t))
                })
            };
            if end - i >= 2
                && ((row_after && run.iter().all(|l| is_short_cell_line(l)))
                    || (table_end && run.iter().all(units)))
            {
                unit_rows_end = end;
                continue;
            }
        }
        let Some((_, text)) = tab_indented(lines[i]) else {
            continue;
        };
        let above = lines[..i].iter().rev().find(|l| !is_blank(l));
        let below = lines[i + 1..].iter().find(|l| !is_blank(l));
        if !above.is_some_and(|l| has_inner_tab(l)) && !below.is_some_and(|l| has_inner_tab(l)) {
            lines[i] = text;
        }
    }
}

/// [`read_text_limited`] over the lines of the text.
fn read_lines(lines: &[&str], limits: &Limits, quoted: bool) -> Result<Blocks> {
    // Cells hold the mark of a quoted cell's line breaks only when quoted rows were merged.
    let cell_text: fn(&str) -> String = if quoted {
        cell_text
    } else {
        crate::normalize::normalize_cell
    };
    // The tables laid out one cell a line, read once: their ranges keep their lines out of the
    // wrap width, and each table is taken below where the loop reaches its header.
    let mut pre_read = cell_per_line_tables(lines);
    let ranges: Vec<std::ops::Range<usize>> = pre_read.iter().map(|t| t.range.clone()).collect();
    let wrap = super::wrap::wrap_width_outside(lines, is_table_line, &ranges);
    let mut pre_read = pre_read.drain(..).peekable();
    // Whether each line is a table line, asked once: the loop below asks it of a line and of
    // its neighbours several times.
    let tabbed: Vec<bool> = lines.iter().map(|l| is_table_line(l)).collect();
    let table_at = |k: usize| tabbed.get(k).copied().unwrap_or(false);
    let blank_at = |k: usize| !table_at(k) && lines.get(k).is_some_and(|l| is_blank_text(l));
    let mut blocks = Vec::new();
    let mut diagnostics = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        // A grid table (pandoc's): told by the `+` its border starts with.
        if line.trim_start_matches(' ').starts_with('+')
            && limits.max_grid_cells > 0
            && let Some((rows, next)) = grid_table_at(lines, i)
        {
            let width = rows.iter().map(|(r, _)| r.len()).max().unwrap_or(0) as u64;
            let cells = (rows.len() as u64).saturating_mul(width);
            if cells > limits.max_grid_cells {
                return Err(Error::Limit {
                    what: format!(
                        "the number of cells of the table at line {} ({} rows × {width} columns)",
                        i + 1,
                        rows.len()
                    ),
                    value: cells,
                    limit: limits.max_grid_cells,
                    flag: "--max-grid-cells".into(),
                });
            }
            blocks.push(Block::Table(Box::new(grid_from_rows(rows))));
            i = next;
            continue;
        }
        if table_at(i) {
            // The region runs over table lines and blank lines, ending at the last table line.
            // A numbered heading line between table lines is a group row that lost its tab.
            // A line without tabs right after a table line, with a table line after it, is
            // a cell's line break (a Word or web table copied as text): it goes on with the
            // last cell so far.
            let mut in_row = vec![false; 0];
            let mut broken = vec![false; 0];
            let mut j = i;
            let mut last = i;
            // The last table line so far: the row a line break goes on with.
            let mut open = i;
            let mut blank_inside = false;
            // Whether a row of data has come since the header: a header row after one starts
            // another table (a contact list printed right under a task table), while one right
            // under the header is its second row.
            let mut data_seen = false;
            while j < lines.len() {
                if j > i && table_at(j) {
                    // (A pipe table's rule under its header is neither: the new-header test
                    // passes rules over.)
                    if data_seen {
                        if is_new_header_line(lines[j], line) {
                            break;
                        }
                    } else if !is_pipe_rule(lines[j]) {
                        data_seen = !is_new_header_line(lines[j], "");
                    }
                }
                let after_row = j > i
                    && !table_at(j)
                    && !blank_at(j)
                    && (table_at(j - 1) || broken.last().copied().unwrap_or(false));
                let line_break = after_row
                    && if is_group_line(lines[j]) {
                        // A numbered measure of a row's task cell, on a line of its own.
                        is_sub_item_line(lines[j])
                            && row_goes_on(lines, lines[i], lines[open], j + 1)
                    } else {
                        !is_attachment_head(lines[j])
                            && (table_line_after_break(lines, j + 1, line)
                                || (is_sub_item_line(lines[j])
                                    && row_goes_on(lines, lines[i], lines[open], j + 1)))
                            && !crate::structure::is_continuation_marker(
                                &crate::normalize::normalize_cell(lines[j]),
                            )
                    };
                if table_at(j) {
                    open = j;
                }
                let row_line = line_break
                    || table_at(j)
                    || (j > i && is_group_line(lines[j]) && table_line_follows(lines, j + 1, line));
                broken.push(line_break);
                if row_line {
                    // Rows a blank line parts are a cell-per-line table's, whose lines hold one
                    // cell each; lines of several cells are rows of their own, blank lines or
                    // not (two tables of one header under two headings, blank lines around).
                    if j > last + 1
                        && in_row.get(last - i).copied().unwrap_or(false)
                        && (last + 1..j).all(blank_at)
                        && !has_inner_tab(lines[last])
                        && !has_inner_tab(lines[j])
                    {
                        blank_inside = true;
                    }
                    last = j;
                } else if !blank_at(j) {
                    break;
                }
                in_row.push(row_line);
                j += 1;
            }
            // Size the grid before building it: rows × widest row.
            let (mut row_count, mut width, mut row_cells) = (0u64, 0u64, 0u64);
            for (k, l) in lines.iter().enumerate().take(last + 1).skip(i) {
                if !in_row[k - i] || broken[k - i] {
                    continue;
                }
                let new_row = !blank_inside || k == i || !in_row[k - i - 1];
                if new_row {
                    row_count += 1;
                    row_cells = 0;
                }
                row_cells += cell_count(l);
                width = width.max(row_cells);
            }
            let cells = row_count.saturating_mul(width);
            if limits.max_grid_cells == 0 {
                for (k, l) in lines.iter().enumerate().take(last + 1).skip(i) {
                    let text = normalize_block(l);
                    if !text.is_empty() {
                        blocks.push(Block::Para(Para { text, line: k + 1 }));
                    }
                }
                i = last + 1;
                continue;
            }
            if cells > limits.max_grid_cells {
                return Err(Error::Limit {
                    what: format!(
                        "the number of cells of the table at line {} ({row_count} rows × {width} columns)",
                        i + 1
                    ),
                    value: cells,
                    limit: limits.max_grid_cells,
                    flag: "--max-grid-cells".into(),
                });
            }
            let mut rows: Vec<(Vec<String>, usize)> = Vec::new();
            if blank_inside {
                let mut k = i;
                while k <= last {
                    if !in_row[k - i] {
                        k += 1;
                        continue;
                    }
                    let row_line = k + 1;
                    let mut cells = Vec::new();
                    while k <= last && in_row[k - i] {
                        if broken[k - i] {
                            continue_cell(&mut cells, lines[k]);
                        } else {
                            cells.extend(line_cells(lines[k]).map(cell_text));
                        }
                        k += 1;
                    }
                    rows.push((cells, row_line));
                }
            } else {
                // A table whose header is not set in by a tab: a row's leading tab is an empty
                // first cell (the second header row under a merged `责任单位`: `\t\t牵头单位\t配合单位`)
                // when the row has the header's cells with it and not without.
                let header_width = (!lines[i].starts_with('\t') && !is_pipe_row(lines[i]))
                    .then(|| cell_count(lines[i]));
                for (k, l) in lines.iter().enumerate().take(last + 1).skip(i) {
                    if !in_row[k - i] || is_pipe_rule(l) {
                        continue;
                    }
                    if broken[k - i] {
                        if let Some((cells, _)) = rows.last_mut() {
                            continue_row(cells, l);
                        }
                        continue;
                    }
                    // A line set in by one tab with one cell, under a header not set in: the
                    // tab is the row's empty 序号 cell, its text the task cell's, and the units
                    // cells are not repeated (`2 → （1）推进… → 市交通局 → 各区县政府` / `→ （2）推进…`,
                    // or `1 → 推进…，创建… → …` / `→ 完成…建设。`): the next measure of the task
                    // cell above, or the rest of its text cut mid-sentence, goes on in that cell
                    // rather than spanning the table as a title.
                    if header_width.is_some_and(|w| w >= 3)
                        && rows.len() >= 2
                        && let Some((1, text)) = tab_indented(l)
                        && let Some((row, _)) = rows.last_mut()
                        && row.len() >= 3
                        && (row[0].is_empty() || crate::tasks::parse_seq(&row[0]).is_some())
                    {
                        let text = crate::normalize::normalize_cell(text);
                        if task_cell_goes_on(&row[1], &text) {
                            row[1].push('\n');
                            row[1].push_str(&text);
                            continue;
                        }
                    }
                    // A row set in by two tabs or more starts with an empty cell whatever its
                    // width (a row set in as a whole has one tab before it): the second header
                    // row without the tabs of its empty cells at the end (`\t\t牵头单位\t配合单位`
                    // under `序号\t项目名称\t责任单位\t\t完成时限`).
                    let empty_first = header_width.is_some_and(|w| {
                        l.starts_with('\t')
                            && !is_pipe_row(l)
                            && (cell_count(l) + 1 == w
                                || (l.starts_with("\t\t") && cell_count(l) < w))
                    });
                    let cells: Vec<String> = empty_first
                        .then(String::new)
                        .into_iter()
                        .chain(line_cells(l).map(cell_text))
                        .collect();
                    // A row whose line broke inside a cell other than its last: the next line
                    // holds the rest of that cell and the cells after it, as many as the row
                    // lacks. A number, a group heading or a line set in by a tab (a row of the
                    // layout the text writer prints) starts a row of its own.
                    // The next measure of a task cell that lists its measures a line each
                    // (`34 → （1）…` / `（2）… → 市发展改革委 → `) may bring fewer cells than the
                    // row lacks, a units cell going on over the next lines too.
                    let measure = |row: &[String]| {
                        cells.len() >= 2
                            && row
                                .last()
                                .zip(cells.first())
                                .is_some_and(|(last, c)| next_measure(last, c))
                    };
                    let rest_of = |row: &[String]| {
                        let short = (width as usize).saturating_sub(row.len());
                        let measure = measure(row);
                        row.len() >= 2
                            && short >= 1
                            && (cells.len() == short + 1 || (measure && cells.len() <= short + 1))
                            && cells.first().is_some_and(|c| {
                                crate::tasks::parse_seq(c).is_none()
                                    && (!is_group_line(c)
                                        || measure
                                        || (k > i && broken[k - i - 1] && is_sub_item_line(c)))
                            })
                            && !is_pipe_row(l)
                            && !l.starts_with('\t')
                    };
                    let joins = rows.last().is_some_and(|(row, _)| rest_of(row));
                    match rows.last_mut() {
                        Some((row, _)) if joins => {
                            let mut rest = cells.into_iter();
                            continue_cell_with(row, &rest.next().unwrap_or_default());
                            row.extend(rest);
                        }
                        _ => rows.push((cells, k + 1)),
                    }
                }
            }
            // A lone row of short labels is a form's header (a 回执 to fill in: `单位名称 联系人
            // 职务 联系电话`), a table of one row.
            let labels = |cells: &[String]| {
                cells.len() >= 2
                    && cells.iter().all(|c| {
                        (1..=10).contains(&c.chars().count())
                            && !c.contains(['。', '，', '；', '：', '、'])
                    })
            };
            // Lines each set in by one tab, with no blank line parting them into rows, are
            // paragraphs indented with a tab (a cell-per-line table parts its rows with blank
            // lines). So are such lines each parted from the next by a blank line (a word
            // processor's paragraphs, each set in by a tab, with an empty paragraph between):
            // a cell-per-line table's rows hold several lines, these one line each.
            // A few of those paragraphs may hold a tab inside (`\t联系人：刘洋\t联系电话：…`, a
            // Word paragraph with a tab stop): set in by one tab like the others, of two or
            // three pieces and no header, they are paragraphs too when the lines set in with no tab inside are at
            // least three and three times as many — rows of a table are mostly rows of cells.
            // Rows parted by blank lines are paragraphs when each is one line.
            let one_line_rows = !blank_inside
                || width <= 1
                || (i..last).all(|k| !(in_row[k - i] && in_row[k + 1 - i]));
            // (Counted only when the rows are one line each: rows of several lines are a
            // table's, whatever their lines' indents.)
            let (mut set_in, mut tab_stops, mut rows_like) = (0usize, 0usize, false);
            if one_line_rows {
                for k in i..=last {
                    if !in_row[k - i] {
                        continue;
                    }
                    let l = lines[k];
                    if tab_indented(l).is_some() {
                        set_in += 1;
                    } else if !broken[k - i]
                        && l.starts_with('\t')
                        && !l.starts_with("\t\t")
                        && cell_count(l) <= 3
                        && !is_pipe_row(l)
                        && !starts_a_header(l)
                    {
                        tab_stops += 1;
                    } else {
                        rows_like = true;
                        break;
                    }
                }
            }
            let indented = one_line_rows
                && !rows_like
                && (tab_stops == 0 || (set_in >= 3 && set_in >= 3 * tab_stops));
            // A table printed over pages repeats its header on each (`序号 任务 责任单位`
            // again under `— 3 —`): the header is read once.
            if rows.len() >= 3 && is_header_line(lines[i]) {
                let header = rows[0].0.clone();
                let mut first = true;
                rows.retain(|(cells, _)| std::mem::take(&mut first) || *cells != header);
            }
            if !indented && is_tabbed_outline(&rows) {
                // Word's list numbers copied as text: each item's number, a tab, its words.
                for (cells, line) in rows {
                    push_outline_row(&mut blocks, &cells, line);
                }
            } else if !indented
                && (rows.len() >= 2 || rows.first().is_some_and(|(cells, _)| labels(cells)))
            {
                let (mut table, widths) = grid_and_widths(rows);
                under_merged_cells(&mut table, &widths, &mut diagnostics);
                blocks.push(Block::Table(Box::new(table)));
            } else {
                // A lone tabbed line is a paragraph laid out with tabs, not a table.
                for (cells, line) in rows {
                    let text = normalize_block(&cells.join(" "));
                    if !text.is_empty() {
                        blocks.push(Block::Para(Para { text, line }));
                    }
                }
            }
            i = last + 1;
            continue;
        }
        while pre_read.next_if(|t| t.range.start < i).is_some() {}
        let read_ahead = pre_read.next_if(|t| t.range.start == i);
        if let Some((table, next)) = table_without_tabs_read(lines, i, &mut diagnostics, read_ahead)
        {
            blocks.push(Block::Table(Box::new(table)));
            i = next;
            continue;
        }
        let (para, next) = match wrap {
            Some(w) => super::wrap::paragraph(lines, i, w, is_table_line),
            None => (std::borrow::Cow::Borrowed(line), i + 1),
        };
        // A 主送机关 wrapped in an organ's name (`……各直属` / `机构：`), in a copy too short
        // to know its wrap by.
        let (para, next) = match (next == i + 1)
            .then(|| super::wrap::wrapped_addressee(line, lines.get(i + 1).copied()))
            .flatten()
        {
            Some(joined) => (std::borrow::Cow::Owned(joined), i + 2),
            None => (para, next),
        };
        // A bracketed item number alone on its line, its words on the next (`（一）` / `全面放开
        // …`, as a PDF or Word copy sets them): one item, as `一、` alone over its words is.
        let (para, next) = match (next == i + 1)
            .then(|| paren_number_over_words(line, lines.get(i + 1).copied()))
            .flatten()
        {
            Some(joined) => (std::borrow::Cow::Owned(joined), i + 2),
            None => (para, next),
        };
        let text = crate::normalize::normalize_cell(&para);
        if !text.is_empty() {
            blocks.push(Block::Para(Para { text, line: i + 1 }));
        }
        i = next;
    }
    Ok(Blocks {
        blocks,
        format: SourceFormat::Text,
        encoding: "UTF-8".into(),
        page: None,
        diagnostics,
        letter: false,
    })
}

/// `（一）` alone on `line` and the words of its item on `next`, as one line (`（一）全面放开…`):
/// the number a bracketed one in Chinese or Arabic numerals (`（一）`, `（1）`) and nothing else,
/// the next line words (not blank, not a table line, not another number or marker).
fn paren_number_over_words(line: &str, next: Option<&str>) -> Option<String> {
    let number = line.trim_ws();
    // Asked first: `（` opens nearly no line alone with 3 to 8 characters.
    if !(number.starts_with('（') || number.starts_with('(')) || number.len() > 24 {
        return None;
    }
    let number = normalize_block(number);
    if !matches!(
        crate::numbering::whole_marker_kind(&number),
        Some(crate::numbering::MarkerKind::CnParen | crate::numbering::MarkerKind::ArabicParen)
    ) {
        return None;
    }
    let next = next?;
    let words = next.trim_ws();
    if words.is_empty()
        || is_table_line(next)
        || crate::numbering::has_marker(&normalize_block(words))
        || !words.starts_with(crate::normalize::is_han)
    {
        return None;
    }
    Some(format!("{number}{words}"))
}

/// A table row read from text: its cells, with the number of the line it starts on.
type TextRow = (Vec<String>, usize);

/// Whether `cell` is an outline number and nothing else (`一、`, `（一）`, `1.`, `1．`, `第一条`):
/// the number Word's list numbering prints before a tab and the item's words. A bare number
/// (`1`, a 序号 cell) is none.
fn is_marker_cell(cell: &str) -> bool {
    let t = cell.trim_ws();
    crate::numbering::whole_marker_kind(t).is_some_and(|k| !k.is_decimal())
}

/// The cells of a row without the empty cells it ends with.
fn filled_cells(cells: &[String]) -> &[String] {
    let n = cells.len()
        - cells
            .iter()
            .rev()
            .take_while(|c| c.trim_ws().is_empty())
            .count();
    &cells[..n]
}

/// Whether the rows of a tab table are an outline copied out of Word (`一、⇥推行企业开办…`,
/// `（一）⇥…`, `1．⇥…`: a list number, the tab Word puts after it, the item's words): every row
/// is an outline number alone and words in Chinese, or one cell opening with a number (a
/// heading line between them), and at least one row is of the first kind. A table has a header
/// (`序号⇥任务`) or more than two columns, and its 序号 cells hold bare numbers: it stays a table.
fn is_tabbed_outline(rows: &[TextRow]) -> bool {
    let mut marked = false;
    for (cells, _) in rows {
        match filled_cells(cells) {
            [number, words] if is_marker_cell(number) => {
                if !words.chars().any(crate::normalize::is_han) {
                    return false;
                }
                marked = true;
            }
            [one] if crate::numbering::has_marker(one.trim_ws()) => {}
            _ => return false,
        }
    }
    marked
}

/// The paragraphs of a row of [`is_tabbed_outline`]: its number and the first line of its words
/// as one line (`一、推行…`), and each further line (a line break inside the cell) a paragraph.
fn push_outline_row(blocks: &mut Vec<Block>, cells: &[String], line: usize) {
    let joined = filled_cells(cells).join("");
    for (k, part) in joined.split('\n').enumerate() {
        let text = normalize_block(part);
        if !text.is_empty() {
            blocks.push(Block::Para(Para {
                text,
                line: line + k,
            }));
        }
    }
}

/// A border of a grid table (pandoc's, or one drawn by hand): `+------+----+`, `+======+====+`
/// under the header, `+:-----+` with an alignment mark.
fn is_grid_border(line: &str) -> bool {
    let t = line.trim_ws();
    t.len() >= 3
        && t.starts_with('+')
        && t.ends_with('+')
        && t.bytes().all(|b| matches!(b, b'+' | b'-' | b'=' | b':'))
        && t.bytes().any(|b| matches!(b, b'-' | b'='))
}

/// The rows of a grid table whose top border is `lines[i]`, as pandoc writes a table whose
/// cells hold more than a line:
///
/// ```text
/// +------+--------------------------+--------------+
/// | 序号 | 主要任务                 | 牵头单位     |
/// +======+==========================+==============+
/// | 1    | 健全“鄂汇办”移动端功能， | 省卫生健康委 |
/// |      | 推动高频政务服务事项。   |              |
/// +------+--------------------------+--------------+
/// ```
///
/// Each run of `|` lines between two borders is one row, each cell's lines joined as a wrapped
/// cell's are (a blank line in it parts paragraphs); a row of one cell spans the table. Returns
/// the rows, each with its first line's number, and the index of the line after the last
/// border. `None` when no row is closed by a border, or a row's lines are not cut into as many
/// cells each (a cell spanning rows or columns drawn inside a row): its lines are read as they
/// are.
fn grid_table_at(lines: &[&str], i: usize) -> Option<(Vec<TextRow>, usize)> {
    if !is_grid_border(lines.get(i)?) {
        return None;
    }
    let mut rows = Vec::new();
    // The row being read: its first line's index and each line's cells.
    let mut row: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut end = None;
    for (j, l) in lines.iter().enumerate().skip(i + 1) {
        if is_grid_border(l) {
            if row.is_empty() {
                break;
            }
            rows.push(grid_row(&row));
            row.clear();
            end = Some(j + 1);
            continue;
        }
        if !is_pipe_row(l) {
            break;
        }
        let t = l.trim_ws();
        let cells: Vec<&str> = t[1..t.len() - 1].split('|').collect();
        if row
            .first()
            .is_some_and(|(_, first)| first.len() != cells.len())
        {
            return None;
        }
        row.push((j, cells));
    }
    Some((rows, end?)).filter(|(rows, _)| rows.len() >= 2)
}

/// One row of a grid table ([`grid_table_at`]) from its lines' cells: each cell's lines joined,
/// with the number of its first line.
fn grid_row(lines: &[(usize, Vec<&str>)]) -> (Vec<String>, usize) {
    let width = lines.first().map_or(0, |(_, cells)| cells.len());
    let cells = (0..width)
        .map(|c| {
            let mut cell = String::new();
            let mut paragraph_ended = false;
            for (_, cells) in lines {
                let text = cells.get(c).map_or("", |t| t.trim_ws());
                if text.is_empty() {
                    paragraph_ended = !cell.is_empty();
                    continue;
                }
                if paragraph_ended {
                    cell.push('\n');
                    paragraph_ended = false;
                } else if cell.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && text.starts_with(|c: char| c.is_ascii_alphanumeric())
                {
                    cell.push(' ');
                }
                cell.push_str(text);
            }
            cell.split('\n')
                .map(crate::normalize::normalize_cell)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    (cells, lines.first().map_or(0, |(j, _)| j + 1))
}

/// A table laid out one cell a line, read ahead of the other blocks ([`cell_per_line_tables`]).
struct PreRead {
    /// Its lines (indices of `lines`), the header's first.
    range: std::ops::Range<usize>,
    table: Table,
    /// The reader's warnings about it, given when the table is taken.
    diagnostics: Vec<Diagnostic>,
}

/// The tables laid out one cell a line ([`super::untabbed`]) among `lines`, in order: a row's
/// text there, long among its short cells, is no line of wrapped prose (see
/// [`super::wrap::wrap_width_outside`]), and [`read_lines`] takes each table where it reaches
/// its header instead of reading it again. Only a short line naming the number column (`序号`),
/// without a tab, is read further.
fn cell_per_line_tables(lines: &[&str]) -> Vec<PreRead> {
    let mut tables = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let mut diagnostics = Vec::new();
        // A header with a tab in it is a tab table's, read as one (and kept out of the wrap
        // width as a table line): the seed's table, indented a tab a cell, is read once.
        if super::untabbed::may_be_header(lines[i])
            && !is_table_line(lines[i])
            && let Some((table, end)) =
                super::untabbed::read_untabbed_table(lines, i, &mut diagnostics)
        {
            tables.push(PreRead {
                range: i..end,
                table,
                diagnostics,
            });
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    tables
}

/// A table without tabs or Markdown bars whose header is `lines[i]`: cells separated by spaces
/// or bare bars ([`super::delimited`]), or one cell per line ([`super::untabbed`]). Returns it
/// with the index of the first line after it; rows' lines are `lines`' indices plus one.
pub(crate) fn table_without_tabs_at(
    lines: &[&str],
    i: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Table, usize)> {
    table_without_tabs_read(lines, i, diagnostics, None)
}

/// [`table_without_tabs_at`], given the one-cell-a-line table already read at `lines[i]`
/// ([`cell_per_line_tables`]), if any, which is taken instead of being read again.
fn table_without_tabs_read(
    lines: &[&str],
    i: usize,
    diagnostics: &mut Vec<Diagnostic>,
    read_ahead: Option<PreRead>,
) -> Option<(Table, usize)> {
    // The delimited reader looks at the line's separators and words first.
    if let Some(found) = super::delimited::read_delimited_table(lines, i, diagnostics) {
        return Some(found);
    }
    if let Some(t) = read_ahead {
        diagnostics.extend(t.diagnostics);
        return Some((t.table, t.range.end));
    }
    if super::untabbed::may_be_header(lines.get(i)?) {
        return super::untabbed::read_untabbed_table(lines, i, diagnostics);
    }
    None
}

/// Builds a rectangular grid: single-cell rows span the table, short rows are padded.
pub fn grid_from_rows(rows: Vec<(Vec<String>, usize)>) -> Table {
    grid_and_widths(rows).0
}

/// [`grid_from_rows`]' table, with how many cells each of its rows had before it was padded
/// (one for a row spanning the table).
fn grid_and_widths(rows: Vec<(Vec<String>, usize)>) -> (Table, Vec<usize>) {
    let width = rows.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
    let line = rows.first().map(|(_, l)| *l).unwrap_or(0);
    let mut grid = Vec::with_capacity(rows.len());
    let mut row_lines = Vec::with_capacity(rows.len());
    let mut widths = Vec::with_capacity(rows.len());
    for (mut cells, l) in rows {
        widths.push(cells.len());
        if cells.len() == 1 && width > 1 {
            let only = cells.pop().unwrap_or_default();
            cells = vec![only; width];
        } else {
            cells.resize(width, String::new());
        }
        grid.push(cells);
        row_lines.push(l);
    }
    let header_rows = crate::tasks::header_rows(&grid);
    let mut table = Table {
        caption: None,
        header_rows,
        rows: grid,
        row_lines,
        line,
        sheet: None,
        merged_down: Vec::new(),
        order: crate::model::BlockOrder(0),
        preamble_at: crate::model::PreambleAt(None),
    };
    let rows = table.rows.len();
    crate::tasks::lift_title_rows(&mut table);
    widths.drain(..rows - table.rows.len());
    (table, widths)
}

/// Puts back the cells a row copied from a web page lost to a cell merged down over it from the
/// row above (`rowspan`). A browser copies a merged cell once, in its first row; each row under
/// it comes a cell short, its later cells moved left:
///
/// ```text
/// 1 → 开展中小企业数字化转型诊断服务 → 省经信厅 → 省财政厅 → 2023年底前
/// 2 → 培育数字化转型服务商100家 → 省科技厅 → 2024年底前
/// ```
///
/// (a tab drawn `→`; `省经信厅` leads both). A short row of a task table is read so when, its cells taken from the
/// left, a time limit falls under a units column, and taken from the right instead — the cells
/// of the number and the task, at the left, staying — the time limit falls under a time column
/// (`完成时限`) and every cell under a units column names units: the cells left between are the
/// row above's, merged down, and take its text. A row short only of cells left empty (a copy
/// that dropped the tabs at the end of a line) reads right from the left and is left as it is.
///
/// Group columns merged at the left (`领域 | 类别 | 序号 | …`) leave the rows under their first a
/// cell or two short at the left: the row's number then falls under the 序号 column when its
/// cells are taken from the right, and they are. In a copy that keeps an empty cell's tab at a
/// row's end, a row with no units cell takes the row above's units, and a row with one of two
/// units cells takes one of them from the row above, reported (`row_short_merged`) since which
/// one was merged is a guess.
fn under_merged_cells(table: &mut Table, widths: &[usize], diagnostics: &mut Vec<Diagnostic>) {
    use crate::tasks::ColumnRole;
    let width = table.rows.first().map_or(0, Vec::len);
    let short = |r: usize| widths.get(r).is_some_and(|&n| n >= 2 && n < width);
    // Nearly every table has no short row under its first: its columns are not asked about.
    if table.header_rows == 0 || !(table.header_rows + 1..table.rows.len()).any(short) {
        return;
    }
    let names = crate::tasks::column_names(table);
    let Some(roles) = crate::tasks::column_roles(&names) else {
        return;
    };
    let head = roles
        .iter()
        .take_while(|r| matches!(r, ColumnRole::Seq | ColumnRole::Task))
        .count();
    let units = |c: usize| matches!(roles.get(c), Some(ColumnRole::Lead | ColumnRole::Support));
    let time_column = |c: usize| {
        names.get(c).is_some_and(|n| {
            ["时限", "时间", "期限", "时序"]
                .iter()
                .any(|w| n.contains(w))
        })
    };
    // Group columns at the left (`领域 | 类别 | 序号 | …`), which a page merges over their rows.
    let groups = roles
        .iter()
        .take_while(|r| matches!(r, ColumnRole::Group))
        .count();
    let seq_column = roles.iter().position(|r| matches!(r, ColumnRole::Seq));
    let task_column = roles.iter().position(|r| matches!(r, ColumnRole::Task));
    // The units columns, when they end the row: a lead and a support column, or units alone.
    let first_unit = (0..width)
        .find(|&c| units(c))
        .filter(|&u| (u..width).all(units));
    // Whether the copy keeps the tab of an empty cell at a row's end (`82 → … → 市高法院 → `):
    // a full row of the body ends in an empty cell. Then a row short at its end lost cells to
    // a merge, not to a copy that drops trailing tabs.
    let keeps_empty = (table.header_rows..table.rows.len()).any(|r| {
        widths.get(r) == Some(&width)
            && !crate::tasks::is_spanning_row(&table.rows[r])
            && table.rows[r].last().is_some_and(String::is_empty)
    });
    for (r, &n) in widths
        .iter()
        .enumerate()
        .take(table.rows.len())
        .skip(table.header_rows + 1)
    {
        if !short(r) {
            continue;
        }
        let missing = width - n;
        let (done, rest) = table.rows.split_at_mut(r);
        let (Some(above), Some(row)) = (done.last(), rest.first_mut()) else {
            continue;
        };
        if crate::tasks::is_spanning_row(above) {
            continue;
        }
        // Group cells merged down at the left: the row's number stands where the 序号 column
        // is when its cells are taken from the right, and under a group column when they are
        // taken from the left (`2 → 深化… → 市科技局 → 市教委` under `领域 | 类别 | 序号 | …`).
        // Without a 序号 column, the cell under the task column taken from the left names
        // units, and taken from the right every cell under a units column names units.
        if missing <= groups {
            let moved = match (seq_column, task_column) {
                (Some(s), _) => {
                    s >= missing
                        && crate::tasks::parse_seq(&row[s - missing]).is_some()
                        && crate::tasks::parse_seq(&row[s]).is_none()
                }
                (None, Some(t)) => {
                    t >= missing
                        && crate::tasks::is_unit_list(&row[t])
                        && !crate::tasks::is_unit_list(&row[t - missing])
                        && (0..n).all(|c| {
                            !units(c + missing)
                                || row[c].is_empty()
                                || crate::tasks::is_unit_list(&row[c])
                        })
                }
                _ => false,
            };
            if moved {
                row.rotate_right(missing);
                for c in 0..missing {
                    row[c].clone_from(&above[c]);
                    table.merged_down.push((r, c));
                }
                continue;
            }
        }
        // Units cells merged down at the row's end, in a copy that keeps an empty cell's tab:
        // a row without any units cell takes the row above's (`4 → 积极推动…`), as a merged
        // cell shows them.
        if keeps_empty && first_unit == Some(n) && !row[n - 1].is_empty() {
            for c in n..width {
                row[c].clone_from(&above[c]);
                table.merged_down.push((r, c));
            }
            continue;
        }
        // One of a lead and a support column merged (`2 → 深化… → 市教委、市国资委` under a
        // 牵头单位 printed once over two rows): which one the text alone cannot tell. A page
        // merges the lead more often (one department leading tasks in a row; lists of supporting
        // units seldom repeat), so the cell is the row's support and the lead the row above's —
        // unless the cell names a unit of the lead above, which a supporting cell under that
        // lead cannot: then it is the row's lead and the support is merged. Either way a warning
        // names the row, since the column was guessed.
        if keeps_empty
            && missing == 1
            && first_unit == Some(n - 1)
            && let (Some(lead), Some(support)) = (
                (n - 1..width).find(|&c| matches!(roles.get(c), Some(ColumnRole::Lead))),
                (n - 1..width).find(|&c| matches!(roles.get(c), Some(ColumnRole::Support))),
            )
        {
            let cell = std::mem::take(&mut row[n - 1]);
            let above_lead = crate::tasks::split_units(&above[lead]);
            let names_lead = crate::tasks::split_units(&cell)
                .iter()
                .any(|u| above_lead.contains(u));
            let (own, merged) = if names_lead {
                (lead, support)
            } else {
                (support, lead)
            };
            row[own] = cell;
            row[merged].clone_from(&above[merged]);
            table.merged_down.push((r, merged));
            let line = table.row_lines.get(r).copied();
            diagnostics.push(Diagnostic::new(
                crate::model::Severity::Warning,
                "row_short_merged",
                format!(
                    "a table row has one units cell of two (a cell merged down from the row above, as a web page copies it); its {} was taken from the row above and its cell read as its {}",
                    if merged == lead { "牵头单位" } else { "配合单位" },
                    if own == lead { "牵头单位" } else { "配合单位" },
                ),
                line,
            ));
            continue;
        }
        if n <= head {
            continue;
        }
        // A time limit printed once over the rows under it in the last column (`2022年底前`
        // for three tasks): the short row reads right from the left, and the cells it lacks at
        // its end are the row above's, when each is under a time column and holds a time limit
        // there. A row whose cells are moved left (below) has a time limit among them.
        let trailing = (n..width).all(|c| {
            time_column(c)
                && row.get(c).is_some_and(String::is_empty)
                && above.get(c).is_some_and(|a| is_time_limit(a))
        }) && (head..n).all(|c| !units(c) || crate::tasks::is_unit_list(&row[c]));
        if trailing {
            for c in n..width {
                row[c].clone_from(&above[c]);
                table.merged_down.push((r, c));
            }
            continue;
        }
        if above[head..head + missing].iter().any(String::is_empty) {
            continue;
        }
        let misplaced =
            (head..n).any(|c| units(c) && is_time_limit(&row[c]) && time_column(c + missing));
        let fits = (head..n).all(|c| {
            !units(c + missing) || row[c].is_empty() || crate::tasks::is_unit_list(&row[c])
        });
        if !misplaced || !fits {
            continue;
        }
        row[head..].rotate_right(missing);
        for c in head..head + missing {
            row[c].clone_from(&above[c]);
            table.merged_down.push((r, c));
        }
    }
    table.merged_down.sort_unstable();
}

/// Whether a cell reads as a time limit, never a unit's name: a short cell counting a year, a
/// month or a quarter in digits (`2024年底前`, `2025年6月`, `2024年第三季度`), or naming a
/// standing term (`持续推进`, `长期坚持`, `常态化开展`, `年内完成`).
fn is_time_limit(cell: &str) -> bool {
    cell.len() <= 60
        && ((cell.bytes().any(|b| b.is_ascii_digit())
            && (cell.contains(['年', '月']) || cell.contains("季度")))
            || ["年底", "年内", "底前", "长期", "持续", "常态化"]
                .iter()
                .any(|w| cell.contains(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_posts_time_is_read_in_either_date_form_with_or_without_its_place() {
        for t in [
            "2023-04-12 18:30",
            "2023年04月12日 18:30",
            "2023年4月2日 18:30 重庆",
            "原创 某某发布 某某发布 2023年04月12日 18:30 浙江",
            "2023-04-12 18:30 发表于浙江",
        ] {
            assert!(is_post_time(t), "{t}");
        }
        for t in [
            "2023年04月12日",
            "2023年4月12日 会议",
            "2023年123月1日 18:30",
            "2023-04-12 18:30 召开全体会议。",
            "会议定于 2023-03-20 09:30 召开。",
        ] {
            assert!(!is_post_time(t), "{t}");
        }
        assert_eq!(
            post_byline("原创 张三 某某发布 2023-04-12 18:30").collect::<Vec<_>>(),
            ["张三", "某某发布"]
        );
    }

    #[test]
    fn an_account_name_above_a_posts_time_is_blanked_and_nothing_below_it() {
        let mut lines = [
            "某某发布",
            "",
            "某市人民政府关于某事的通知",
            "某某发布 2023-04-12 18:30",
        ];
        without_account_name(&mut lines[..3], "某某发布 2023-04-12 18:30");
        assert_eq!(
            lines,
            [
                "",
                "",
                "某市人民政府关于某事的通知",
                "某某发布 2023-04-12 18:30"
            ]
        );
        // Right above the time: a short name; not a title, not an organ's name.
        for (above, kept) in [
            ("某某发布", false),
            ("某市人民政府", true),
            ("某市人民政府关于某事的通知", true),
            ("各区县：", true),
        ] {
            let mut lines = [above];
            without_account_name(&mut lines, "2023-04-12 18:30");
            assert_eq!(lines[0] == above, kept, "{above}");
        }
    }

    #[test]
    fn markdown_headings_are_read_as_commonmark_reads_them() {
        for (line, text) in [
            ("# 标题", Some("标题")),
            ("###### 六级", Some("六级")),
            ("   ## 缩进三格", Some("缩进三格")),
            ("## 一、总体要求 ##", Some("一、总体要求")),
            ("##\t制表符", Some("制表符")),
            ("## 末尾#号", Some("末尾#号")),
            ("#", Some("")),
            ("## ###", Some("")),
            ("####### 七级", None),
            ("    # 缩进四格", None),
            ("#1机组", None),
            ("#标题", None),
            ("标题 #", None),
        ] {
            assert_eq!(markdown_heading(line), text, "{line:?}");
        }
    }

    #[test]
    fn emphasis_is_taken_off_only_when_it_wraps_the_whole_text() {
        assert_eq!(without_emphasis("**（一）指导思想。**"), "（一）指导思想。");
        assert_eq!(without_emphasis(" __甲__ "), "甲");
        assert_eq!(without_emphasis("**甲** 和 **乙**"), "**甲** 和 **乙**");
        assert_eq!(without_emphasis("____"), "____");
        assert_eq!(without_emphasis("********"), "********");
        assert_eq!(without_emphasis("**"), "**");
    }

    #[test]
    fn every_page_tool_word_starts_where_the_words_are_looked_for() {
        for w in PAGE_TOOL_WORDS {
            assert!(w.chars().next().is_some_and(starts_tool_word), "{w}");
        }
    }

    #[test]
    fn tabs_split_as_str_split_splits() {
        for s in [
            "",
            "\t",
            "a",
            "a\tb",
            "\t\t甲\t",
            "甲\t\t乙丙\t丁",
            "\u{3000}\t中 文\t\t",
        ] {
            assert_eq!(
                split_tabs(s).collect::<Vec<_>>(),
                s.split('\t').collect::<Vec<_>>(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn a_gazette_masthead_is_no_part_of_the_title_under_it() {
        let text = "某某省人民政府公报　　　　2022年第12期\n\n\
                    某某省人民政府关于印发某某规划的通知\n某政发〔2022〕8号\n\n\
                    各市、县人民政府：\n　　现将《某某规划》印发给你们。\n\n\
                    某某省人民政府\n2022年4月20日\n\n\n\
                    某某省人民政府公报 2022年第12号（总第789期）\n\n某某规划\n\n一、总体要求\n";
        let blocks = read_text(text);
        let paras: Vec<&str> = blocks.blocks.iter().filter_map(Block::para_text).collect();
        assert!(paras.iter().all(|p| !p.contains("公报")), "{paras:?}");
        for l in ["某某市人民政府公报 2023年第5期", "国务院公报 第12号"] {
            assert!(is_gazette_masthead(l), "{l}");
        }
        for l in [
            "某府发〔2023〕11号",
            "关于印发2023年统计公报的通知",
            "某某市人民政府公报",
            "某某公报第5期刊登了某某通知",
        ] {
            assert!(!is_gazette_masthead(l), "{l}");
        }
    }

    #[test]
    fn page_numbers_are_lines_of_a_number_between_dashes_or_a_page_count() {
        for l in [
            "— 3 —",
            "                 — 12 —",
            "-3-",
            "－ 3 －",
            "–7–",
            "第3页",
            "第 3 页 共 12 页",
            "第3页，共12页",
            "                                    3/5",
            "3 / 12",
            "12／12",
        ] {
            assert!(is_page_number(l), "{l}");
        }
        for l in [
            "3",
            "— 三 —",
            "—3",
            "3—",
            "第三页",
            "第3页至第5页",
            "——",
            "— 12345 —",
            "第3页的内容",
            "（3）",
            "6/5",
            "0/5",
            "1/2/3",
            "比例1/5",
            "12345/99999",
        ] {
            assert!(!is_page_number(l), "{l}");
        }
    }

    #[test]
    fn a_browsers_print_stamp_is_a_date_and_a_time() {
        for t in [
            "2023/6/20 14:32 湖北省人民政府办公厅关于印发…",
            "2023-06-20 14:32:05  某某通知",
            "2021/8/10 9:15 某某",
        ] {
            assert!(is_print_stamp(t), "{t}");
        }
        for t in [
            "2023年6月20日 某某",
            "2023/6/20",
            "1/5",
            "12/31 14:32 某某",
            "2023/6/20 某某",
        ] {
            assert!(!is_print_stamp(t), "{t}");
        }
        assert_eq!(
            footer_text("http://www.example.gov.cn/a.html      3/12"),
            Some("http://www.example.gov.cn/a.html")
        );
        assert_eq!(
            footer_text("某某市人民政府网 www.example.gov.cn"),
            Some("某某市人民政府网 www.example.gov.cn")
        );
        // A table's header repeated on each page is the table's, no running head.
        assert_eq!(
            header_text("序号  主要任务      牵头单位      配合单位"),
            None
        );
        assert_eq!(
            header_text("2023年第13期            湖北省人民政府公报"),
            Some("2023年第13期            湖北省人民政府公报")
        );
    }

    #[test]
    fn page_furniture_goes_and_lines_keep_their_numbers() {
        let text = "  甲。\n\n          — 1 —\n\u{c}  乙。\n  丙\n";
        let b = read_text(text);
        let paras: Vec<(&str, usize)> = b
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Para(p) => Some((p.text.as_str(), p.line)),
                Block::Table(_) => None,
            })
            .collect();
        assert_eq!(paras, [("甲。", 1), ("乙。", 4), ("丙", 5)]);
    }

    #[test]
    fn line_endings_of_every_kind_split() {
        assert_eq!(lines("a\r\nb\rc\nd"), vec!["a", "b", "c", "d"]);
        assert_eq!(lines("a\n\n"), vec!["a", ""]);
        assert_eq!(lines("a\nb"), vec!["a", "b"]);
        assert_eq!(lines(""), Vec::<&str>::new());
        assert_eq!(lines("\n"), vec![""]);
        assert_eq!(lines("a\r\n\r\n"), vec!["a", ""]);
    }

    /// Each block's text and line, when every block is a paragraph.
    fn paragraphs(b: &Blocks) -> Vec<(&str, usize)> {
        b.blocks
            .iter()
            .map(|blk| match blk {
                Block::Para(p) => (p.text.as_str(), p.line),
                Block::Table(t) => panic!("expected paragraphs, got {t:?}"),
            })
            .collect()
    }

    #[test]
    fn lines_set_in_by_tabs_are_paragraphs_not_a_table() {
        let b = read_text(
            "标题\n\t为做好工作，现通知如下。\n\t一、加强领导。\n\n\t\t\t\t某某局\n\t\t\t\t2024年1月15日\n\t（此件公开发布）\n",
        );
        let paras = paragraphs(&b);
        assert_eq!(
            paras,
            [
                ("标题", 1),
                ("为做好工作，现通知如下。", 2),
                ("一、加强领导。", 3),
                ("某某局", 5),
                ("2024年1月15日", 6),
                ("（此件公开发布）", 7),
            ]
        );
        // Beside rows of cells, a line set in by tabs is a row whose first cells are empty.
        let b = read_text("序号\t任务\t牵头单位\t配合单位\n1\t做事\t市局\t市委\n\t\t\t市办\n");
        let Block::Table(t) = &b.blocks[0] else {
            panic!("expected a table, got {:?}", b.blocks[0])
        };
        assert_eq!(t.rows.len(), 3, "{:?}", t.rows);
    }

    #[test]
    fn paragraphs_set_in_by_a_tab_between_blank_lines_are_no_table() {
        // A word processor's export: each paragraph set in by a tab, an empty one between.
        let b = read_text(
            "\t某某局关于某某的通知\n\n各单位：\n\n\t为做好工作，现通知如下。\n\n\t一、加强领导。\n\n\t（一）明确分工。\n\n\t某某局\n\n\t2024年1月15日\n",
        );
        let paras = paragraphs(&b);
        assert_eq!(
            paras,
            [
                ("某某局关于某某的通知", 1),
                ("各单位：", 3),
                ("为做好工作，现通知如下。", 5),
                ("一、加强领导。", 7),
                ("（一）明确分工。", 9),
                ("某某局", 11),
                ("2024年1月15日", 13),
            ]
        );
    }

    #[test]
    fn rows_of_cells_parted_by_blank_lines_stay_rows() {
        // Two tables of one header, each under its heading, blank lines around: rows of cells,
        // not a cell-per-line table whose rows run together.
        let b = read_text(
            "一、续建项目\n\n序号\t项目名称\t责任单位\n1\t地铁3号线\t市交通局\n2\t某某大桥\t市住建委\n\n二、新开工项目\n\n序号\t项目名称\t责任单位\n1\t某某医院\t市卫健委\n",
        );
        let rows: Vec<Vec<Vec<String>>> = b
            .blocks
            .iter()
            .filter_map(|blk| match blk {
                Block::Table(t) => Some(t.rows.clone()),
                Block::Para(_) => None,
            })
            .collect();
        assert!(!rows.is_empty());
        assert!(
            rows.iter().flatten().all(|r| r.len() == 3),
            "rows of three cells: {rows:?}"
        );
        let firsts: Vec<&str> = rows.iter().flatten().map(|r| r[1].as_str()).collect();
        for name in ["地铁3号线", "某某大桥", "某某医院"] {
            assert!(firsts.contains(&name), "{name}: {rows:?}");
        }
    }

    #[test]
    fn a_header_repeated_on_a_new_page_is_read_once() {
        let b = read_text(
            "序号\t任务\t牵头单位\n1\t甲\t市局\n— 3 —\n序号\t任务\t牵头单位\n2\t乙\t市委\n",
        );
        let Block::Table(t) = &b.blocks[0] else {
            panic!("expected a table, got {:?}", b.blocks[0])
        };
        assert_eq!(
            t.rows,
            vec![
                vec!["序号", "任务", "牵头单位"],
                vec!["1", "甲", "市局"],
                vec!["2", "乙", "市委"]
            ]
        );
        assert_eq!(t.row_lines, vec![1, 2, 5]);
    }

    #[test]
    fn cell_per_line_tables_read_rows_between_blank_lines() {
        let b = read_text("标题\n\n\t序号\n\t任务\n\n\t一、分组\n\n\t1\n\t做事\n\n\t2\n\t\n后记\n");
        let Block::Table(t) = &b.blocks[1] else {
            panic!("expected a table, got {:?}", b.blocks[1])
        };
        assert_eq!(
            t.rows,
            vec![
                vec!["序号", "任务"],
                vec!["一、分组", "一、分组"],
                vec!["1", "做事"],
                vec!["2", ""]
            ]
        );
        assert_eq!(t.row_lines, vec![3, 6, 8, 11]);
        assert!(matches!(&b.blocks[2], Block::Para(p) if p.text == "后记" && p.line == 13));
    }

    #[test]
    fn a_table_over_the_cell_limit_is_refused_not_expanded() {
        // One line of 2,000 cells above 1,000 one-cell rows would pad to 2,002,000 cells.
        let mut text = format!("\t{}\n", vec!["x"; 2000].join("\t"));
        text.push_str(&"\t一、分组\n".repeat(1000));
        let limits = Limits {
            max_grid_cells: 1_000_000,
            ..Limits::default()
        };
        match read_text_limited(&text, &limits) {
            Err(Error::Limit { value, limit, .. }) => {
                assert_eq!((value, limit), (1001 * 2000, 1_000_000));
            }
            other => panic!("expected a limit error, got {other:?}"),
        }
        // The infallible reader falls back to one paragraph per line.
        let b = read_text(&text);
        assert_eq!(b.blocks.len(), 1001);
        assert!(b.blocks.iter().all(|b| matches!(b, Block::Para(_))));
    }

    #[test]
    fn a_spreadsheets_quoted_cells_keep_their_line_breaks_in_one_row() {
        let b = read_text(
            "序号\t任务\t责任单位\n1\t\"推进“一网通办”\n实现全程网办\"\t\"市政务局（牵头）\n市大数据局\"\n\
             2\t\"优化\"\"开办\"\"服务\"\t市市场监管局\n后记\n",
        );
        let Block::Table(t) = &b.blocks[0] else {
            panic!("expected a table, got {:?}", b.blocks[0])
        };
        assert_eq!(
            t.rows,
            vec![
                vec!["序号", "任务", "责任单位"],
                vec![
                    "1",
                    "推进“一网通办”\n实现全程网办",
                    "市政务局（牵头）\n市大数据局"
                ],
                vec!["2", "优化“开办”服务", "市市场监管局"],
            ]
        );
        // The first row runs over lines 2 to 4.
        assert_eq!(t.row_lines, vec![1, 2, 5]);
        assert!(matches!(&b.blocks[1], Block::Para(p) if p.text == "后记" && p.line == 6));
        // A quote left open is no quoted cell: the lines are read as they are.
        let b = read_text("序号\t任务\n1\t\"未完\n说明\n");
        assert!(
            b.blocks
                .iter()
                .any(|b| matches!(b, Block::Para(p) if p.text == "说明"))
        );
    }

    #[test]
    fn a_heading_over_another_tables_header_ends_the_table_before_it() {
        let tables = |text: &str| -> Vec<usize> {
            read_text(text)
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Table(t) => Some(t.rows.len()),
                    _ => None,
                })
                .collect()
        };
        let first = "序号\t工作任务\t牵头单位\t配合单位\n1\t建立调度机制\t市发改委\t各区政府\n";
        // Another table's header under the heading: two tables, the heading between them.
        let two = format!(
            "{first}二、重大项目清单\n序号\t项目名称\t建设内容\t总投资（亿元）\t实施单位\n1\t某某大道\t改造道路\t15.6\t市城投集团\n"
        );
        assert_eq!(tables(&two), [2, 2]);
        // Rows, or the same header repeated at a page's top, under it: a group row of one table.
        let rows = format!("{first}二、强化保障\n2\t强化要素保障\t市自然资源局\t市财政局\n");
        assert_eq!(tables(&rows), [4]);
        let repeated = format!(
            "{first}二、强化保障\n序号\t工作任务\t牵头单位\t配合单位\n2\t强化要素保障\t市自然资源局\t市财政局\n"
        );
        // (The repeated header is read once.)
        assert_eq!(tables(&repeated), [4]);
    }

    #[test]
    fn row_per_line_tables_split_on_tabs() {
        let b = read_text("\t序号\t任务\n\t1\t做事\n\t一、分组\n");
        let Block::Table(t) = &b.blocks[0] else {
            panic!("expected a table")
        };
        assert_eq!(
            t.rows,
            vec![
                vec!["序号", "任务"],
                vec!["1", "做事"],
                vec!["一、分组", "一、分组"]
            ]
        );
    }

    #[test]
    fn a_signature_atop_the_last_page_is_no_running_header() {
        // The organ's name opens the letterhead and, after a page break, signs above the date.
        let b = read_text(
            "某某省人民政府办公厅\n关于做好某项工作的通知\n各市人民政府：\n现就有关事项通知如下。\n— 1 —\n某某省人民政府办公厅\n2023年3月20日\n",
        );
        let texts: Vec<&str> = paragraphs(&b).into_iter().map(|(t, _)| t).collect();
        assert_eq!(
            texts
                .iter()
                .filter(|t| **t == "某某省人民政府办公厅")
                .count(),
            2,
            "{texts:?}"
        );
        // A title printed again at the top of each page is still a running header.
        let b = read_text(
            "某某方案\n一、甲\n内容。\n— 1 —\n某某方案\n二、乙\n内容。\n— 2 —\n某某方案\n三、丙\n",
        );
        let texts: Vec<&str> = paragraphs(&b).into_iter().map(|(t, _)| t).collect();
        assert_eq!(
            texts.iter().filter(|t| **t == "某某方案").count(),
            1,
            "{texts:?}"
        );
    }

    #[test]
    fn a_rule_drawn_in_characters_is_a_blank_line() {
        for l in ["─────", "　━━━━━━", "______", "=====", "---", "——————"]
        {
            assert!(is_rule(l), "{l}");
        }
        for l in ["——", "— 3 —", "-3-", "一一一", "───甲", "", "\t---"] {
            assert!(!is_rule(l), "{l}");
        }
        let b =
            read_text("抄送：市委办公室。\n─────────\n某某市人民政府办公室　　2023年5月20日印发\n");
        assert_eq!(
            paragraphs(&b),
            [
                ("抄送：市委办公室。", 1),
                ("某某市人民政府办公室2023年5月20日印发", 3)
            ]
        );
    }
}
