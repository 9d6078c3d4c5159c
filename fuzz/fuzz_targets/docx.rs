//! The Word reader: any bytes as the XML of a DOCX package's document part (and, after a 0xFF
//! byte, its numbering part), wrapped into a real package so the XML reader is what gets
//! exercised, not the ZIP reader.
#![no_main]

use gongwen_parse::{InputFormat, Limits, Options, parse};
use libfuzzer_sys::fuzz_target;
use std::io::{Cursor, Write};

fuzz_target!(|data: &[u8]| {
    let (document, numbering) = match data.iter().position(|&b| b == 0xFF) {
        Some(at) => (&data[..at], Some(&data[at + 1..])),
        None => (data, None),
    };
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    let mut parts = vec![("word/document.xml", document)];
    if let Some(n) = numbering {
        parts.push(("word/numbering.xml", n));
    }
    for (name, bytes) in parts {
        if w.start_file(name, o).is_err() || w.write_all(bytes).is_err() {
            return;
        }
    }
    let Ok(cursor) = w.finish() else { return };
    let options = Options {
        format: Some(InputFormat::Docx),
        limits: Limits {
            max_grid_cells: 200_000,
            ..Limits::default()
        },
    };
    let _ = parse(&cursor.into_inner(), &options);
});
