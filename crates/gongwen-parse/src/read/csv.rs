//! CSV reader: a task table saved as comma-separated values (Excel's and WPS's "save as CSV").
//!
//! The bytes are decoded as a text file is (a BOM, else UTF-8, else GB18030: Excel on a Chinese
//! system saves CSV in GBK), the records are read with the `csv` crate (quoted fields, commas and
//! line breaks inside a quoted cell, rows of different lengths), and the rows are then read as a
//! workbook's sheet is ([`super::workbook`]): the task tables found by their header rows, title
//! rows above them kept as paragraphs, within [`Limits::max_sheet_cells`] and
//! [`Limits::max_grid_cells`]. A block's `line` is its record's number, counting from 1 (its
//! line in the file, unless a cell above holds a line break).

use crate::blocks::Blocks;
use crate::model::SourceFormat;
use crate::{Error, Limits, Result};

/// Reads CSV bytes into blocks.
///
/// Errors: [`Error::Syntax`] with the record that could not be read; [`Error::Limit`] over a
/// limit. A quote left open is read to the end, as the `csv` crate does, and reported as the
/// warning `csv_unclosed_quote` with its record.
pub fn read_csv(bytes: &[u8], limits: &Limits) -> Result<Blocks> {
    let decoded = crate::decode::decode_borrowed(bytes, false);
    let text = decoded
        .text
        .strip_prefix('\u{feff}')
        .unwrap_or(&decoded.text);
    // Excel's hint line (`sep=;`) names the delimiter and is no row.
    let (text, declared, skipped) = match excel_separator(text) {
        Some((d, rest)) => (rest, Some(d), 1),
        None => (text, None, 0),
    };
    let delimiter = declared.unwrap_or_else(|| delimiter(text));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    // Rows are numbered by record: the csv crate's line count goes wrong when a file mixes line
    // endings (Excel's CRLF after a title typed with LF).
    let last = std::cell::Cell::new(0usize);
    let rows = reader.records().enumerate().map(|(k, record)| {
        let k = k + skipped;
        last.set(k + 1);
        let record = record.map_err(|e| Error::Syntax {
            line: k + 1,
            message: format!(
                "record {}: {e} (expected values separated by `{}`)",
                k + 1,
                char::from(delimiter).escape_default()
            ),
        })?;
        let row = u32::try_from(k).unwrap_or(u32::MAX);
        Ok((row, record.iter().map(str::to_string).collect()))
    });
    let mut blocks = super::workbook::read_rows("CSV", rows, limits, SourceFormat::Csv)?;
    blocks.encoding = decoded.encoding;
    blocks.diagnostics.splice(0..0, decoded.diagnostics);
    // Quotes come in pairs (`""` inside a quoted value is a pair too): an odd count means a
    // value was opened and never closed, and the csv crate read the rest of the file into it.
    if memchr::memchr_iter(b'"', text.as_bytes()).count() % 2 == 1 {
        blocks.diagnostics.push(crate::model::Diagnostic::new(
            crate::model::Severity::Warning,
            "csv_unclosed_quote",
            format!(
                "a quoted value in record {} is never closed: the rest of the file was read into it \
                 (expected a closing `\"`)",
                last.get()
            ),
            Some(last.get()),
        ));
    }
    Ok(blocks)
}

/// Whether text with no name to go by (standard input) or named as plain text is a comma- or
/// semicolon-separated table: its first records (up to 40, read from the first 16 KiB) number at
/// least three, and four in five of them have the same number of values, at least three, as a
/// spreadsheet saves every row. Prose, even with ASCII commas, varies from line to line; tab
/// tables are left to the text reader, which reads them as tables anyway.
pub(crate) fn looks_like_csv(bytes: &[u8]) -> bool {
    // A cheap refusal first, since every text asks: of the first five lines with anything on
    // them, two at least hold two separators (a notice's title, number and 主送 hold none, or a
    // 主送 in ASCII punctuation a few).
    let separated = bytes
        .split(|&b| b == b'\n')
        .filter(|l| !l.trim_ascii().is_empty())
        .take(5)
        .filter(|l| {
            memchr::memchr_iter(b',', l).nth(1).is_some()
                || memchr::memchr_iter(b';', l).nth(1).is_some()
        })
        .count();
    if separated < 2 {
        return false;
    }
    let head = &bytes[..bytes.len().min(16 * 1024)];
    let decoded = crate::decode::decode_borrowed(head, false);
    let text = decoded
        .text
        .strip_prefix('\u{feff}')
        .unwrap_or(&decoded.text);
    let (text, declared) = match excel_separator(text) {
        Some((d, rest)) => (rest, Some(d)),
        None => (text, None),
    };
    let delimiter = declared.unwrap_or_else(|| delimiter(text));
    if delimiter == b'\t' {
        return false;
    }
    // The last record of a cut head may be cut too.
    let whole = if head.len() < bytes.len() {
        text.rfind('\n').map_or("", |end| &text[..end])
    } else {
        text
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(whole.as_bytes());
    let mut widths = Vec::new();
    for record in reader.records().take(40) {
        let Ok(record) = record else { return false };
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        widths.push(record.len());
    }
    if widths.len() < 3 {
        return false;
    }
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for &w in &widths {
        match counts.iter_mut().find(|(width, _)| *width == w) {
            Some((_, n)) => *n += 1,
            None => counts.push((w, 1)),
        }
    }
    counts
        .iter()
        .any(|&(width, n)| width >= 3 && n * 5 >= widths.len() * 4)
}

/// The delimiter a first line `sep=;` declares (Excel writes it, and reads it, to say which
/// character separates the values), and the text after that line.
fn excel_separator(text: &str) -> Option<(u8, &str)> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let first = first.strip_suffix('\r').unwrap_or(first);
    let sep = first.get(..4).filter(|h| h.eq_ignore_ascii_case("sep="))?;
    match &first.as_bytes()[sep.len()..] {
        &[d] if d.is_ascii() && d != b'"' && !d.is_ascii_alphanumeric() => Some((d, rest)),
        _ => None,
    }
}

/// The character that separates the values: a comma, unless the first lines hold more tabs or
/// semicolons (a "CSV" saved from a tab-separated export, or by a European Excel) than commas.
fn delimiter(text: &str) -> u8 {
    let count = |b: u8| -> usize {
        text.lines()
            .take(20)
            .map(|l| memchr::memchr_iter(b, l.as_bytes()).count())
            .sum()
    };
    let (commas, tabs, semicolons) = (count(b','), count(b'\t'), count(b';'));
    if tabs > commas && tabs >= semicolons {
        b'\t'
    } else if semicolons > commas {
        b';'
    } else {
        b','
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::Block;

    #[test]
    fn quoted_cells_titles_and_lines() {
        let csv = "某某方案任务分工,,,\n序号,任务,牵头单位,配合单位\n\
                   \"一、开放\",\"一、开放\",\"一、开放\",\"一、开放\"\n\
                   1,\"推动开放，深化改革\",市商务委,\"市发展改革委、\n市财政局\"\n\
                   2,完善监管,市市场监管局\n";
        let b = read_csv(csv.as_bytes(), &Limits::default()).expect("reads");
        let t = b.tables();
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows[0], ["序号", "任务", "牵头单位", "配合单位"]);
        assert_eq!(t[0].rows[2][1], "推动开放，深化改革");
        assert_eq!(t[0].rows[3], ["2", "完善监管", "市市场监管局", ""]);
        // Lines are record numbers.
        assert_eq!(t[0].row_lines, [2, 3, 4, 5]);
        assert!(matches!(&b.blocks[0], Block::Para(p) if p.text == "某某方案任务分工"));
    }

    #[test]
    fn a_quote_left_open_is_reported_with_its_record() {
        let csv = "序号,任务,牵头单位\n1,推动开放,市商务委\n2,\"完善监管,市市场监管局\n3,加强执法,市公安局\n";
        let b = read_csv(csv.as_bytes(), &Limits::default()).expect("reads");
        let d: Vec<_> = b
            .diagnostics
            .iter()
            .filter(|d| d.code == "csv_unclosed_quote")
            .collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, Some(3));
        let closed = csv.replace("\"完善监管", "\"完善\"\"监管\"");
        let b = read_csv(closed.as_bytes(), &Limits::default()).expect("reads");
        assert!(b.diagnostics.iter().all(|d| d.code != "csv_unclosed_quote"));
    }

    #[test]
    fn mixed_line_endings_keep_every_record_in_its_row() {
        let csv = "任务分工\n序号,任务,牵头单位\r\n一、开放,,\r\n1,推动开放,市商务委\r\n";
        let b = read_csv(csv.as_bytes(), &Limits::default()).expect("reads");
        let t = b.tables();
        assert_eq!(t[0].rows[0], ["序号", "任务", "牵头单位"]);
        assert_eq!(t[0].row_lines, [2, 3, 4]);
    }

    #[test]
    fn tabs_or_semicolons_separate_values_when_they_outnumber_commas() {
        assert_eq!(delimiter("序号,任务,牵头单位\n1,甲，乙,市财政局\n"), b',');
        assert_eq!(
            delimiter("序号\t任务\t牵头单位\n1\t甲,乙\t市财政局\n"),
            b'\t'
        );
        assert_eq!(delimiter("序号;任务;牵头单位\n1;甲;市财政局\n"), b';');
        let tabbed =
            "序号\t试点任务\t牵头单位\t配合单位\n1\t某项任务\t市财政局\t市商务委、市税务局\n";
        let b = read_csv(tabbed.as_bytes(), &Limits::default()).expect("reads");
        let t = b.tables();
        assert_eq!(t.len(), 1);
        assert_eq!(
            t[0].rows[1],
            ["1", "某项任务", "市财政局", "市商务委、市税务局"]
        );
    }

    #[test]
    fn excels_separator_line_names_the_delimiter_and_is_no_row() {
        // Commas outnumber the semicolons: only the hint says which separates the values.
        let csv =
            "\u{feff}sep=;\r\n某某任务分工,附表\r\n序号;任务;牵头单位\r\n1;甲,乙;市财政局\r\n";
        let b = read_csv(csv.as_bytes(), &Limits::default()).expect("reads");
        let t = b.tables();
        assert_eq!(t[0].rows[1], ["1", "甲，乙", "市财政局"]);
        // Lines are the file's records, the hint's counted.
        assert_eq!(t[0].row_lines, [3, 4]);
        assert!(
            matches!(&b.blocks[0], Block::Para(p) if p.text.starts_with("某某任务分工") && p.line == 2)
        );
        for not_a_hint in ["sep=", "sep=ab", "sep=1", "separator=;", "sep=\""] {
            assert_eq!(excel_separator(not_a_hint), None, "{not_a_hint}");
        }
        assert_eq!(excel_separator("SEP=\t\nx"), Some((b'\t', "x")));
    }

    #[test]
    fn a_gbk_file_is_decoded() {
        let text = "序号,任务,牵头单位\n1,推动开放,市商务委\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let b = read_csv(&gbk, &Limits::default()).expect("reads");
        assert_eq!(b.tables()[0].rows[1], ["1", "推动开放", "市商务委"]);
    }

    #[test]
    fn limits_hold() {
        let csv = "序号,任务,牵头单位\n".to_string() + &"1,甲,乙\n".repeat(50);
        let limits = Limits {
            max_sheet_cells: 100,
            ..Limits::default()
        };
        assert!(matches!(
            read_csv(csv.as_bytes(), &limits),
            Err(Error::Limit { ref flag, .. }) if flag == "--max-sheet-cells"
        ));
    }
}
