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

use crate::blocks::{Block, Blocks, Para};
use crate::model::{SourceFormat, Table};
use crate::normalize::normalize_block;

/// Splits text into lines on `\n`, `\r\n` or a lone `\r`.
pub fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(text.len() / 40 + 1);
    if !text.contains('\r') {
        // `split` finds `\n` with memchr; the byte loop below is for `\r` line endings.
        out.extend(text.split('\n'));
        if out.last() == Some(&"") {
            out.pop();
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

fn is_table_line(line: &str) -> bool {
    line.contains('\t')
}

fn is_blank(line: &str) -> bool {
    !is_table_line(line) && line.chars().all(|c| c.is_whitespace() || c == '\u{feff}')
}

/// Cells of one table line: one leading tab is the row's indentation, the rest separate cells.
fn line_cells(line: &str) -> impl Iterator<Item = &str> {
    line.strip_prefix('\t').unwrap_or(line).split('\t')
}

/// Reads plain text (already decoded) into blocks.
pub fn read_text(text: &str) -> Blocks {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = lines(text);
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if is_table_line(line) {
            // The region runs over table lines and blank lines, ending at the last table line.
            let mut j = i;
            let mut last = i;
            let mut blank_inside = false;
            while j < lines.len() && (is_table_line(lines[j]) || is_blank(lines[j])) {
                if is_table_line(lines[j]) {
                    if j > last + 1 {
                        blank_inside = true;
                    }
                    last = j;
                }
                j += 1;
            }
            let mut rows: Vec<(Vec<String>, usize)> = Vec::new();
            if blank_inside {
                let mut k = i;
                while k <= last {
                    if is_blank(lines[k]) {
                        k += 1;
                        continue;
                    }
                    let row_line = k + 1;
                    let mut cells = Vec::new();
                    while k <= last && is_table_line(lines[k]) {
                        cells.extend(line_cells(lines[k]).map(normalize_block));
                        k += 1;
                    }
                    rows.push((cells, row_line));
                }
            } else {
                for (k, l) in lines.iter().enumerate().take(last + 1).skip(i) {
                    rows.push((line_cells(l).map(normalize_block).collect(), k + 1));
                }
            }
            if rows.len() >= 2 {
                blocks.push(Block::Table(grid_from_rows(rows)));
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
        let text = normalize_block(line);
        if !text.is_empty() {
            blocks.push(Block::Para(Para { text, line: i + 1 }));
        }
        i += 1;
    }
    Blocks {
        blocks,
        format: SourceFormat::Text,
        encoding: "UTF-8".into(),
        page: None,
        diagnostics: Vec::new(),
    }
}

/// Builds a rectangular grid: single-cell rows span the table, short rows are padded.
pub fn grid_from_rows(rows: Vec<(Vec<String>, usize)>) -> Table {
    let width = rows.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
    let line = rows.first().map(|(_, l)| *l).unwrap_or(0);
    let mut grid = Vec::with_capacity(rows.len());
    let mut row_lines = Vec::with_capacity(rows.len());
    for (mut cells, l) in rows {
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
    Table {
        caption: None,
        header_rows,
        rows: grid,
        row_lines,
        line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_of_every_kind_split() {
        assert_eq!(lines("a\r\nb\rc\nd"), vec!["a", "b", "c", "d"]);
        assert_eq!(lines("a\n\n"), vec!["a", ""]);
        assert_eq!(lines("a\nb"), vec!["a", "b"]);
        assert_eq!(lines(""), Vec::<&str>::new());
        assert_eq!(lines("\n"), vec![""]);
        assert_eq!(lines("a\r\n\r\n"), vec!["a", ""]);
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
}
