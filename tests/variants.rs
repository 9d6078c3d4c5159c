//! Integration tests: structure variants.

use gongwen_parse::{Document, Options, parse};

fn parse_file(rel: &str) -> Document {
    let bytes = std::fs::read(gongwen_tests::path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    parse(&bytes, &Options::default()).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
#[ignore]
fn dump() {
    let f = std::env::var("DUMP").unwrap_or_else(|_| "seeds/cq-2021-19.txt".into());
    let d = parse_file(&f);
    println!("{}", serde_json::to_string_pretty(&d).unwrap());
}
