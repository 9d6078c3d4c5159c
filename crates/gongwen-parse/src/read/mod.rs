//! Readers: one per input format, each producing the same [`crate::blocks::Blocks`].

pub mod csv;
pub mod delimited;
pub mod docx;
pub mod html;
pub mod json;
pub mod markdown;
pub mod mhtml;
pub mod text;
pub mod untabbed;
pub mod workbook;
pub mod wrap;

use crate::normalize::{normalize_block, normalize_cell};
use crate::{Error, InputFormat, Result};

/// The first bytes of an OLE compound file (XLS, and Word/PowerPoint 97-2003).
pub(crate) const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether the bytes open as a container: a ZIP archive (XLSX, DOCX, ODS) or an OLE file.
pub(crate) fn is_container(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK") || bytes.starts_with(&OLE_MAGIC)
}

/// Refuses text with a UTF-32 byte-order mark, naming it: read as UTF-16 (whose mark it starts
/// with), its every other character would be a NUL.
pub(crate) fn utf32_refused(bytes: &[u8]) -> Result<()> {
    let what = if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
        "UTF-32 (little-endian) text (byte-order mark FF FE 00 00; save it as UTF-8)"
    } else if bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        "UTF-32 (big-endian) text (byte-order mark 00 00 FE FF; save it as UTF-8)"
    } else {
        return Ok(());
    };
    Err(Error::Unsupported { what: what.into() })
}

/// Guesses the format of `bytes` from their first bytes.
///
/// ZIP containers are workbooks when they hold `xl/` (XLSX) or are OpenDocument spreadsheets;
/// DOCX, PPTX, ODT, other archives, PDF, images and other binary formats are refused with a
/// message that names them. Bytes that are neither markup nor text in a supported encoding are
/// refused as binary data.
pub fn sniff(bytes: &[u8]) -> Result<InputFormat> {
    if bytes.is_empty() {
        return Err(Error::Empty);
    }
    utf32_refused(bytes)?;
    let head = &bytes[..bytes.len().min(4096)];
    if head.starts_with(b"%PDF") {
        return Err(Error::Unsupported {
            what: "a PDF document".into(),
        });
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return zip_kind(bytes);
    }
    if head.starts_with(&OLE_MAGIC) {
        // An OLE compound file: an XLS workbook, or a Word/PowerPoint 97-2003 file whose
        // directory names its main stream (names are UTF-16LE). A password-protected DOCX or
        // XLSX is one too: Office and WPS keep the encrypted package in a stream of that name.
        if contains(bytes, &utf16le("EncryptedPackage")) {
            return Err(Error::Unsupported {
                what: "a password-protected (encrypted) Office file (open it and save it without a password)"
                    .into(),
            });
        }
        if contains(bytes, &utf16le("WordDocument")) {
            return Err(Error::Unsupported {
                what: "a Word 97-2003 (DOC) document".into(),
            });
        }
        if contains(bytes, &utf16le("PowerPoint Document")) {
            return Err(Error::Unsupported {
                what: "a PowerPoint 97-2003 (PPT) presentation".into(),
            });
        }
        return Ok(InputFormat::Workbook);
    }
    for (magic, what) in [
        (&b"\x89PNG"[..], "a PNG image"),
        (&b"\xFF\xD8\xFF"[..], "a JPEG image"),
        (&b"GIF8"[..], "a GIF image"),
        (&b"\x1F\x8B"[..], "a gzip archive"),
        (&b"Rar!"[..], "a RAR archive"),
        (&b"7z\xBC\xAF"[..], "a 7-Zip archive"),
        (&b"{\\rtf"[..], "an RTF document"),
        (&b"\x7FELF"[..], "an executable"),
    ] {
        if head.starts_with(magic) {
            return Err(Error::Unsupported { what: what.into() });
        }
    }
    // Cutting at 4096 bytes may split the last UTF-8 character; drop it rather than misread
    // valid UTF-8 as another encoding.
    let text_head = match std::str::from_utf8(head) {
        Err(e) if e.error_len().is_none() => head.get(..e.valid_up_to()).unwrap_or(head),
        _ => head,
    };
    let decoded = crate::decode::decode(text_head, false);
    let t = decoded
        .text
        .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if t.starts_with('{') && t.contains("\"schema_version\"") {
        return Ok(InputFormat::Json);
    }
    // JSON of another program (an API's response, a crawler's record) holds no notice to read
    // line by line: say what it is rather than read its braces as a title.
    if (t.starts_with('{') || t.starts_with('['))
        && serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
    {
        return Err(Error::Unsupported {
            what: "JSON data that is not a gongwen document (it has no \"schema_version\")".into(),
        });
    }
    let lower = t
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if let Some(what) = office_xml(&lower) {
        return Err(Error::Unsupported { what: what.into() });
    }
    if lower.starts_with('<')
        && [
            "<html",
            "<!doctype",
            "<body",
            "<div",
            "<p",
            "<table",
            "<meta",
            "<head",
            "<span",
            "<td",
            "<!--",
        ]
        .iter()
        .any(|m| lower.contains(m))
    {
        return Ok(InputFormat::Html);
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x09 || (b > 0x0d && b < 0x20 && b != 0x1b))
        .count();
    let utf16 = (head.len() >= 2
        && (head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF])))
        || crate::decode::looks_like_utf16(head).is_some();
    if !utf16 && controls * 10 > head.len() {
        return Err(Error::Unsupported {
            what: binary_kind(head).into(),
        });
    }
    // Text in no encoding: random bytes decode as GB18030 with a replacement character every
    // few characters, real GBK text with none or a handful. Replacement characters written as
    // such in valid UTF-8 (a text decoded badly once, gongwen's own output of it) are the text's
    // own: it is read, and says how many it holds.
    let written = decoded.encoding == "UTF-8"
        && !decoded
            .diagnostics
            .iter()
            .any(|d| d.code == "decode_replaced");
    let replaced = decoded.text.chars().filter(|&c| c == '\u{fffd}').count();
    let chars = decoded.text.chars().count();
    if !utf16 && !written && chars >= 16 && replaced * 20 > chars {
        return Err(Error::Unsupported {
            what: "binary data (not text in any supported encoding)".into(),
        });
    }
    Ok(InputFormat::Text)
}

/// The Office formats saved as one XML file, which are no page and no plain text, named by the
/// root element of a file (`lower`, its first characters lowercased), past the XML declaration
/// and processing instructions (`<?mso-application progid="Word.Document"?>`): Word's 2003 XML
/// (`<w:wordDocument>`, WPS's "Word 2003 XML"), Word's "Word XML Document" (a whole package in one
/// file, `<pkg:package>`), and Excel's 2003 XML (`<Workbook>` in the spreadsheet namespace). Each
/// says what to save the file as instead. A page saved from Word, which carries a
/// `<w:WordDocument>` of settings in its head, has `<html>` as its root.
fn office_xml(lower: &str) -> Option<&'static str> {
    let mut rest = lower;
    while let Some(pi) = rest
        .strip_prefix("<?")
        .or_else(|| rest.strip_prefix("<!--"))
    {
        let end = if rest.starts_with("<?") { "?>" } else { "-->" };
        rest = pi.split_once(end)?.1.trim_start();
    }
    if rest.starts_with("<pkg:package") {
        Some(
            "an Office XML package in one file (Word's \"Word XML Document\", <pkg:package>; save it as DOCX)",
        )
    } else if rest.starts_with("<w:worddocument") {
        Some("a Word 2003 XML document (<w:wordDocument>; save it as DOCX)")
    } else if rest.starts_with("<workbook") && lower.contains("office:spreadsheet") {
        Some("an Excel 2003 XML (SpreadsheetML) workbook (save it as XLSX)")
    } else {
        None
    }
}

/// Names binary data a little more precisely when it is UTF-16 text without a byte-order mark.
fn binary_kind(head: &[u8]) -> &'static str {
    let zeros_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let pairs = head.len() / 2;
    if pairs >= 8 && (even * 4 > pairs * 3) != (odd * 4 > pairs * 3) {
        "UTF-16 text without a byte-order mark (save it as UTF-8, or UTF-16 with a BOM)"
    } else {
        "binary data"
    }
}

/// Tells a workbook from the other ZIP containers (DOCX, PPTX, ODT, EPUB, JAR, plain archives)
/// by the names of its entries.
fn zip_kind(bytes: &[u8]) -> Result<InputFormat> {
    let unsupported = |what: &str| {
        Err(Error::Unsupported {
            what: what.to_string(),
        })
    };
    let head = &bytes[..bytes.len().min(4096)];
    let archive = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(a) => a,
        Err(e) => {
            // No readable central directory: truncated or damaged. Say what it was meant to be.
            if contains(head, b"word/") {
                return Err(Error::Document {
                    location: "DOCX".into(),
                    message: format!(
                        "the ZIP package is truncated or damaged ({e}); expected a complete DOCX"
                    ),
                });
            }
            if contains(head, b"xl/") || contains(head, b"[Content_Types].xml") {
                return Err(Error::Workbook {
                    location: "workbook".into(),
                    message: format!(
                        "the XLSX file is truncated or damaged ({e}); expected a complete ZIP archive"
                    ),
                });
            }
            return unsupported(&format!("a truncated or damaged ZIP archive ({e})"));
        }
    };
    let names: Vec<&[u8]> = archive.file_names_raw().collect();
    // Part names are compared as OPC compares them, without regard to case, and with the
    // backslashes some Windows tools write for `/` (`Word\Document.xml`).
    let any = |prefix: &[u8]| {
        names.iter().any(|n| {
            n.get(..prefix.len()).is_some_and(|start| {
                start
                    .iter()
                    .map(|&b| {
                        if b == b'\\' {
                            b'/'
                        } else {
                            b.to_ascii_lowercase()
                        }
                    })
                    .eq(prefix.iter().copied())
            })
        })
    };
    if any(b"xl/") {
        return Ok(InputFormat::Workbook);
    }
    // A Word package: the DOCX reader finds its main part (not always `word/document.xml`) or
    // says that it has none.
    if any(b"word/") {
        return Ok(InputFormat::Docx);
    }
    if any(b"ppt/") {
        return unsupported("a PowerPoint (PPTX) presentation");
    }
    // GB/T 33190 fixed-layout documents (how many notices are archived): `OFD.xml` at the root.
    if names.iter().any(|n| *n == b"OFD.xml") {
        return unsupported("an OFD (GB/T 33190) document");
    }
    if any(b"mimetype") {
        if contains(head, b"opendocument.spreadsheet") {
            return Ok(InputFormat::Workbook);
        }
        if contains(head, b"opendocument.text") {
            return unsupported("an OpenDocument text (ODT) document");
        }
        if contains(head, b"application/epub") {
            return unsupported("an EPUB book");
        }
    }
    if names.is_empty() {
        return unsupported("an empty ZIP archive");
    }
    unsupported(
        "a ZIP archive that is neither a workbook (no xl/workbook.xml) nor a Word document (no word/document.xml)",
    )
}

/// The total size a ZIP archive's entries declare they expand to, when the archive's directory
/// can be read and every entry declares its size.
pub fn zip_declared_size(bytes: &[u8]) -> Option<u128> {
    zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .ok()?
        .decompressed_size()
}

fn utf16le(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// A workbook's or a CSV file's cell: its lines (Alt+Enter in Excel, a quoted line break) kept
/// apart as a page's `<br>` keeps them ([`join_cell_lines`]), so that `甲牵头` and `乙配合` on two
/// lines stay two clauses; a cell of one line is [`normalize_cell`]'s.
pub(crate) fn normalize_cell_text(s: &str) -> String {
    if s.contains(['\n', '\r']) {
        join_cell_lines(s.lines())
    } else {
        normalize_cell(s)
    }
}

/// A row whose every filled slot says `续表` (or `（续表）`, `续上表`, …): the table goes on
/// from the page above.
pub(crate) fn is_continuation_row(row: &[String]) -> bool {
    let mut filled = row.iter().filter(|c| !c.is_empty());
    let Some(first) = filled.next() else {
        return false;
    };
    filled.all(|c| c == first) && crate::structure::is_continuation_marker(first)
}

/// A table cell's lines (as written: a page's or a document's), normalized and joined by line
/// breaks; a header spaced over short lines (`牵\n头\n单\n位`) is one word.
pub(crate) fn join_cell_lines<'a>(raw: impl Iterator<Item = &'a str>) -> String {
    let lines: Vec<String> = raw.map(normalize_cell).filter(|l| !l.is_empty()).collect();
    let total: usize = lines.iter().map(|l| l.chars().count()).sum();
    let short = lines.iter().all(|l| l.chars().count() <= 3);
    if lines.len() > 1 && short && total <= 6 {
        normalize_block(&lines.join("\n"))
    } else {
        lines.join("\n")
    }
}
