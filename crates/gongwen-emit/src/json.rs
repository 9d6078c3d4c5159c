//! JSON writer.

use crate::EmitError;
use gongwen_parse::Document;

/// Writes the document as pretty-printed JSON (the contract in the README).
pub fn to_json(doc: &Document) -> Result<Vec<u8>, EmitError> {
    let mut out = serde_json::to_vec_pretty(doc)?;
    out.push(b'\n');
    Ok(out)
}

/// Writes the document as one line of JSON (for JSON Lines).
pub fn to_json_line(doc: &Document) -> Result<Vec<u8>, EmitError> {
    Ok(serde_json::to_vec(doc)?)
}

/// The JSON Schema (draft 2020-12) of the JSON this crate writes, generated from the model.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Document)).unwrap_or(serde_json::Value::Null)
}
