//! Readers: one per input format, each producing the same [`crate::blocks::Blocks`].

pub mod html;
pub mod json;
pub mod text;
pub mod workbook;

use crate::{Error, InputFormat, Result};

/// Guesses the format of `bytes` from their first bytes.
///
/// ZIP containers are workbooks unless they hold a Word document; PDF, images and other binary
/// formats are refused with a message that names them.
pub fn sniff(bytes: &[u8]) -> Result<InputFormat> {
    if bytes.is_empty() {
        return Err(Error::Empty);
    }
    let head = &bytes[..bytes.len().min(4096)];
    if head.starts_with(b"%PDF") {
        return Err(Error::Unsupported {
            what: "a PDF document".into(),
        });
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        if contains(head, b"word/") {
            return Err(Error::Unsupported {
                what: "a Word (DOCX) document".into(),
            });
        }
        return Ok(InputFormat::Workbook);
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
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
    let decoded = crate::decode::decode(head, false);
    let t = decoded
        .text
        .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if t.starts_with('{') && t.contains("\"schema_version\"") {
        return Ok(InputFormat::Json);
    }
    let lower = t
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
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
    let utf16 =
        head.len() >= 2 && (head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]));
    if !utf16 && controls * 10 > head.len() {
        return Err(Error::Unsupported {
            what: "binary data".into(),
        });
    }
    Ok(InputFormat::Text)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}
