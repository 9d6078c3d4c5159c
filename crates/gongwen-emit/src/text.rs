//! Normalized plain-text writer (placeholder).

use gongwen_parse::Document;

/// Writes the document as normalized plain text.
pub fn to_text(doc: &Document) -> String {
    let _ = doc;
    String::new()
}
