//! The parser's error type.

use thiserror::Error;

/// Why an input could not be turned into a document at all.
///
/// Problems inside a document that still parses become [`crate::model::Diagnostic`]s instead.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    /// Nothing to parse.
    #[error(
        "the input is empty or holds only white space (expected a notice as text, HTML, DOCX or a workbook)"
    )]
    Empty,
    /// The input is not a format this crate reads.
    #[error(
        "{what} is not supported (expected a notice as text, HTML, DOCX, XLSX/XLS/ODS, or gongwen JSON)"
    )]
    Unsupported {
        /// What the input looks like, e.g. `a PDF document`.
        what: String,
    },
    /// A configured limit was exceeded. A reader that stops at the first unit past the limit
    /// (a ZIP entry inflated until it passed its allowance) reports `limit + 1`, which the
    /// message gives as "over the limit", not as a size the input has.
    #[error("{}", limit_message(what, *value, *limit, flag))]
    Limit {
        /// What was measured.
        what: String,
        /// What was found.
        value: u64,
        /// The limit in force.
        limit: u64,
        /// The CLI flag that raises it.
        flag: String,
    },
    /// The input has a syntax error at a known line.
    #[error("line {line}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// What was expected.
        message: String,
    },
    /// A Word document could not be read; `location` names the part (`word/document.xml`).
    #[error("{location}: {message}")]
    Document {
        /// `DOCX`, or the part of the package.
        location: String,
        /// What went wrong (with the byte where reading stopped) and what was expected.
        message: String,
    },
    /// A workbook could not be read; `cell` names the sheet and cell where known.
    #[error("{location}: {message}")]
    Workbook {
        /// `workbook`, a sheet name, or `Sheet!B7`.
        location: String,
        /// What went wrong and what was expected.
        message: String,
    },
}

impl Error {
    /// The source line the error is about, when there is one.
    pub fn line(&self) -> Option<usize> {
        match self {
            Error::Syntax { line, .. } => Some(*line),
            _ => None,
        }
    }
}

/// Shorthand for results of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// The message of [`Error::Limit`]: the value found, unless it is the first past the limit,
/// where reading stopped (the real size is unknown and larger).
fn limit_message(what: &str, value: u64, limit: u64, flag: &str) -> String {
    if value == limit.saturating_add(1) {
        format!("{what} is over the limit of {limit} (reading stopped there; raise it with {flag})")
    } else {
        format!("{what} is {value}, over the limit of {limit} (raise it with {flag})")
    }
}
