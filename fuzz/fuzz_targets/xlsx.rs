//! The workbook reader: any bytes as a workbook, with limits low enough that a tiny zip bomb
//! hits them quickly.
#![no_main]

use gongwen_parse::{InputFormat, Limits, Options, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = Options {
        format: Some(InputFormat::Workbook),
        limits: Limits {
            max_unzipped_bytes: 16 * 1024 * 1024,
            max_sheet_cells: 200_000,
            max_grid_cells: 200_000,
            ..Limits::default()
        },
    };
    let _ = parse(data, &options);
});
