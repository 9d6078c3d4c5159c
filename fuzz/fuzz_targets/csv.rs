//! The CSV reader: any bytes as a CSV task table, with limits low enough that a wide or long
//! file hits them quickly.
#![no_main]

use gongwen_parse::{InputFormat, Limits, Options, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = Options {
        format: Some(InputFormat::Csv),
        limits: Limits {
            max_sheet_cells: 200_000,
            max_grid_cells: 200_000,
            ..Limits::default()
        },
    };
    let _ = parse(data, &options);
});
