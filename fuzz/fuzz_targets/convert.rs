//! The full convert path: sniff and parse any bytes, then write JSON, text and XLSX.
#![no_main]

use gongwen_parse::{Limits, Options, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = Options {
        format: None,
        limits: Limits {
            max_unzipped_bytes: 16 * 1024 * 1024,
            max_sheet_cells: 200_000,
            max_grid_cells: 200_000,
            ..Limits::default()
        },
    };
    if let Ok(doc) = parse(data, &options) {
        let json = gongwen_emit::json::to_json(&doc);
        assert!(json.is_ok(), "a parsed document always serializes: {json:?}");
        let _ = gongwen_emit::text::to_text(&doc);
        let _ = gongwen_emit::xlsx::to_xlsx(&doc);
    }
});
