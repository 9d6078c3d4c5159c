//! HTML reader (placeholder until the HTML reader lands).

use crate::blocks::Blocks;
use crate::{Limits, Result};

/// Reads an HTML page into blocks.
pub fn read_html(bytes: &[u8], limits: &Limits) -> Result<Blocks> {
    let _ = limits;
    let d = crate::decode::decode(bytes, true);
    let mut b = super::text::read_text(&d.text);
    b.encoding = d.encoding;
    Ok(b)
}
