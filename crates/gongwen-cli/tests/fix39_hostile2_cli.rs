//! The batch summary's failure list names inputs, also when it was the output that failed.

mod common;

use common::{run, s, seed, stderr};

#[cfg(unix)]
#[test]
fn a_batch_failure_to_write_is_listed_under_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(seed(), input.join("a.txt")).unwrap();
    std::fs::copy(seed(), input.join("b.txt")).unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    // A folder where a's output goes: the output cannot be written.
    let blocked = out_dir.join("a.json");
    std::fs::create_dir(&blocked).unwrap();
    std::fs::write(blocked.join("keep"), b"x").unwrap();
    let out = run(&["convert", s(&input), "-o", s(&out_dir), "-q"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(4), "{err}");
    let list = err
        .lines()
        .find(|l| l.starts_with("gongwen: 1 failed: "))
        .unwrap_or_else(|| panic!("no failure list: {err}"));
    let a = input.join("a.txt");
    assert_eq!(
        list,
        format!("gongwen: 1 failed: {} (its output {})", s(&a), s(&blocked)),
        "{err}"
    );
}
