//! Reads a document back from gongwen's own JSON contract.

use crate::{Document, Error, Result};

/// Deserializes a [`Document`] written by gongwen's JSON writer. JSON is UTF-8, but a file
/// saved again on Windows may carry a byte-order mark (Notepad), or be UTF-16 with one (what
/// Windows PowerShell's `>` writes): both are read.
pub fn read_json(bytes: &[u8]) -> Result<Document> {
    let parsed = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let decoded = crate::decode::decode_borrowed(bytes, false);
        serde_json::from_str(decoded.text.trim_start_matches('\u{feff}'))
    } else {
        serde_json::from_slice(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
    };
    parsed.map_err(|e| Error::Syntax {
        line: e.line(),
        message: format!("not a gongwen JSON document: {e}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_and_utf16_are_read() {
        let json = serde_json::to_string(&crate::parse_text("国务院办公厅\n关于某事的通知"))
            .expect("serializes");
        let plain = read_json(json.as_bytes()).expect("plain");
        let bom = [&b"\xEF\xBB\xBF"[..], json.as_bytes()].concat();
        assert_eq!(read_json(&bom).expect("UTF-8 with a BOM"), plain);
        for (mark, unit) in [
            ([0xFF, 0xFE], u16::to_le_bytes as fn(u16) -> [u8; 2]),
            ([0xFE, 0xFF], u16::to_be_bytes),
        ] {
            let mut utf16 = mark.to_vec();
            utf16.extend(json.encode_utf16().flat_map(unit));
            assert_eq!(read_json(&utf16).expect("UTF-16"), plain);
        }
    }
}
