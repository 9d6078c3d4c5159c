//! The text reader: any bytes as a plain-text notice, and any string through `parse_text`.
#![no_main]

use gongwen_parse::{InputFormat, Limits, Options, parse, parse_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = Options {
        format: Some(InputFormat::Text),
        limits: Limits::default(),
    };
    let _ = parse(data, &options);
    if let Ok(text) = std::str::from_utf8(data) {
        let doc = parse_text(text);
        // The normalized text parses again (the round trip the README promises).
        let _ = parse_text(&gongwen_emit::text::to_text(&doc));
    }
});
