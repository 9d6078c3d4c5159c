//! Workbook reader (placeholder until the workbook reader lands).

use crate::blocks::Blocks;
use crate::{Error, Limits, Result};

/// Reads a workbook into blocks.
pub fn read_workbook(bytes: &[u8], limits: &Limits) -> Result<Blocks> {
    let _ = (bytes, limits);
    Err(Error::Unsupported {
        what: "a workbook".into(),
    })
}
