//! XLSX writer (placeholder until the XLSX writer lands).

use crate::{EmitError, Output};
use gongwen_parse::Document;

/// Writes the document as a workbook.
pub fn to_xlsx(doc: &Document) -> Result<Output, EmitError> {
    let _ = doc;
    Err(EmitError::Xlsx("not implemented yet".into()))
}
