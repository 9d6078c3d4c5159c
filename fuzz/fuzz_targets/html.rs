//! The HTML reader: any bytes as an HTML page, with a small grid limit so spans are exercised.
#![no_main]

use gongwen_parse::{InputFormat, Limits, Options, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = Options {
        format: Some(InputFormat::Html),
        limits: Limits {
            max_grid_cells: 100_000,
            ..Limits::default()
        },
    };
    let _ = parse(data, &options);
});
