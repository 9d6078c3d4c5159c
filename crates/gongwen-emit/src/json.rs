//! JSON writer.

use crate::EmitError;
use gongwen_parse::Document;

/// Writes the document as pretty-printed JSON (the contract in the README).
pub fn to_json(doc: &Document) -> Result<Vec<u8>, EmitError> {
    let mut out = serde_json::to_vec_pretty(doc)?;
    out.push(b'\n');
    Ok(out)
}

/// Streams the document as pretty-printed JSON into `out` (no buffer of the whole output).
pub fn write_json<W: std::io::Write>(doc: &Document, mut out: W) -> Result<(), EmitError> {
    serde_json::to_writer_pretty(&mut out, doc)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)?;
    Ok(())
}

/// Writes the document as one line of JSON (for JSON Lines).
pub fn to_json_line(doc: &Document) -> Result<Vec<u8>, EmitError> {
    Ok(serde_json::to_vec(doc)?)
}

/// The JSON Schema (draft 2020-12) of the JSON this crate writes, generated from the model.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Document)).unwrap_or(serde_json::Value::Null)
}
