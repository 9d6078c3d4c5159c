//! Reads a document back from gongwen's own JSON contract.

use crate::{Document, Error, Result};

/// Deserializes a [`Document`] written by gongwen's JSON writer.
pub fn read_json(bytes: &[u8]) -> Result<Document> {
    serde_json::from_slice(bytes).map_err(|e| Error::Syntax {
        line: e.line(),
        message: format!("not a gongwen JSON document: {e}"),
    })
}
