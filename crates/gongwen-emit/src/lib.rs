//! Writers for the gongwen document model: JSON, XLSX and normalized plain text.
//!
//! Every writer takes a [`gongwen_parse::Document`] and returns bytes; none of them looks at the
//! source text, so any reader's output can be written in any format.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod json;
pub mod text;
pub mod xlsx;

use thiserror::Error;

/// Why a document could not be written.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum EmitError {
    /// JSON serialization failed.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The XLSX writer failed; the message says which sheet or cell.
    #[error("cannot write XLSX: {0}")]
    Xlsx(String),
}

/// What a writer produced, with anything it had to change to fit the format.
#[derive(Debug, Clone, Default)]
pub struct Output {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// What the writer changed (e.g. a cell over Excel's 32,767-character limit split or cut).
    pub warnings: Vec<gongwen_parse::Diagnostic>,
}
