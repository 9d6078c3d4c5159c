//! Regression snapshots: every input fixture under `fixtures/` parses to the JSON beside it.
//!
//! For each `.txt`, `.html`/`.htm` and `.xlsx` file under `fixtures/` (recursively), the test
//! parses it with `gongwen_parse::parse(&bytes, &Options::default())` and compares the JSON with
//! `<same name>.expected.json` next to it (`fixtures/variants/regulation.txt` →
//! `fixtures/variants/regulation.expected.json`). On a mismatch it prints a structural difference,
//! one line per changed field, such as
//!
//! ```text
//! fixtures/variants/plan-two-levels.txt: 2 differences
//!   tasks[12].lead[1]: "市科技局" → "市商务委"
//!   parts[0].sections[1].children: 7 → 6 items
//! ```
//!
//! (expected → actual). A fixture without an expected file fails too, so a new fixture is never
//! silently untested.
//!
//! Re-bless (write every expected file from the current parser) after a deliberate change:
//!
//! ```text
//! GONGWEN_BLESS=1 cargo test -p gongwen-tests --test snapshots
//! ```
//!
//! then review the change with `git diff fixtures/`.

use gongwen_parse::{Options, parse};
use serde_json::Value;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Differences printed per fixture before the list is cut short.
const MAX_DIFFS: usize = 40;

const EXPECTED_SUFFIX: &str = ".expected.json";

/// Input fixtures under `dir`, recursively, sorted.
fn inputs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            inputs(&path, out);
        } else if is_input(&path) {
            out.push(path);
        }
    }
}

fn is_input(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    if name.ends_with(EXPECTED_SUFFIX) || name.starts_with('.') {
        return false;
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    matches!(
        ext.as_str(),
        "txt" | "html" | "htm" | "xlsx" | "xls" | "ods"
    )
}

/// `a/b/name.txt` → `a/b/name.expected.json`.
fn expected_path(input: &Path) -> PathBuf {
    let stem = input
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    input.with_file_name(format!("{stem}{EXPECTED_SUFFIX}"))
}

fn show(v: &Value) -> String {
    let s = match v {
        Value::Array(a) => format!("[{} items]", a.len()),
        Value::Object(o) => format!("{{{} fields}}", o.len()),
        other => other.to_string(),
    };
    if s.chars().count() > 80 {
        format!("{}…", s.chars().take(80).collect::<String>())
    } else {
        s
    }
}

/// Walks two JSON values together and records every difference as `path: expected → actual`.
///
/// Arrays of different lengths report the length change, then compare the common prefix, then
/// name what was added or removed at the end, so one lost task reads as one lost task plus the
/// fields that shifted into its place.
fn diff(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match a.get(k) {
                    Some(av) => diff(&p, ev, av, out),
                    None => out.push(format!("{p}: {} → (missing)", show(ev))),
                }
            }
            for (k, av) in a {
                if !e.contains_key(k) {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    out.push(format!("{p}: (missing) → {}", show(av)));
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                out.push(format!("{path}: {} → {} items", e.len(), a.len()));
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                diff(&format!("{path}[{i}]"), ev, av, out);
            }
            for (i, ev) in e.iter().enumerate().skip(a.len()) {
                out.push(format!("{path}[{i}]: {} → (removed)", show(ev)));
            }
            for (i, av) in a.iter().enumerate().skip(e.len()) {
                out.push(format!("{path}[{i}]: (added) → {}", show(av)));
            }
        }
        (e, a) if e != a => out.push(format!("{path}: {} → {}", show(e), show(a))),
        _ => {}
    }
}

#[test]
fn the_diff_names_the_changed_field() {
    let e: Value = serde_json::json!({"tasks": [{"seq": 1, "lead": ["市科技局", "市科技局"]}], "parts": [{"sections": [1, 2, 3]}]});
    let a: Value = serde_json::json!({"tasks": [{"seq": 1, "lead": ["市科技局", "市商务委"]}], "parts": [{"sections": [1, 2]}]});
    let mut out = Vec::new();
    diff("", &e, &a, &mut out);
    assert_eq!(
        out,
        vec![
            "tasks[0].lead[1]: \"市科技局\" → \"市商务委\"",
            "parts[0].sections: 3 → 2 items",
            "parts[0].sections[2]: 3 → (removed)",
        ]
    );
}

#[test]
fn every_fixture_matches_its_expected_json() {
    let root = gongwen_tests::root();
    let mut files = Vec::new();
    inputs(&root.join("fixtures"), &mut files);
    files.sort();
    assert!(
        !files.is_empty(),
        "no input fixtures under {}",
        root.join("fixtures").display()
    );
    let bless = std::env::var_os("GONGWEN_BLESS").is_some_and(|v| !v.is_empty() && v != "0");
    let mut report = String::new();
    let mut failed = 0;
    for input in &files {
        let rel = input
            .strip_prefix(&root)
            .unwrap_or(input)
            .display()
            .to_string();
        let expected_file = expected_path(input);
        let actual = match std::fs::read(input)
            .map_err(|e| e.to_string())
            .and_then(|bytes| parse(&bytes, &Options::default()).map_err(|e| e.to_string()))
        {
            Ok(doc) => serde_json::to_value(&doc).expect("a document serializes"),
            Err(e) => {
                failed += 1;
                let _ = writeln!(report, "{rel}: does not parse: {e}");
                continue;
            }
        };
        if bless {
            let mut text = serde_json::to_string_pretty(&actual).expect("a value serializes");
            text.push('\n');
            std::fs::write(&expected_file, text)
                .unwrap_or_else(|e| panic!("writing {}: {e}", expected_file.display()));
            continue;
        }
        let expected: Value = match std::fs::read_to_string(&expected_file) {
            Ok(s) => match serde_json::from_str(&s) {
                Ok(v) => v,
                Err(e) => {
                    failed += 1;
                    let _ = writeln!(
                        report,
                        "{rel}: {} is not JSON: {e}",
                        expected_file.display()
                    );
                    continue;
                }
            },
            Err(_) => {
                failed += 1;
                let _ = writeln!(
                    report,
                    "{rel}: no expected output ({} is missing); review the parse, then bless it with\n    GONGWEN_BLESS=1 cargo test -p gongwen-tests --test snapshots",
                    expected_file
                        .strip_prefix(&root)
                        .unwrap_or(&expected_file)
                        .display()
                );
                continue;
            }
        };
        let mut diffs = Vec::new();
        diff("", &expected, &actual, &mut diffs);
        if !diffs.is_empty() {
            failed += 1;
            let _ = writeln!(
                report,
                "{rel}: {} difference(s) (expected → actual)",
                diffs.len()
            );
            for d in diffs.iter().take(MAX_DIFFS) {
                let _ = writeln!(report, "  {d}");
            }
            if diffs.len() > MAX_DIFFS {
                let _ = writeln!(report, "  … and {} more", diffs.len() - MAX_DIFFS);
            }
        }
    }
    assert!(
        failed == 0,
        "{failed} of {} fixtures differ from their snapshots:\n{report}\nIf the change is intended, re-bless with\n    GONGWEN_BLESS=1 cargo test -p gongwen-tests --test snapshots\nand review `git diff fixtures/`.",
        files.len()
    );
}
