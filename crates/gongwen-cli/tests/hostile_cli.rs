//! The `gongwen` binary on hostile input: the error format, the documented exit codes, no
//! temporary files or half-written outputs after a failure, batch mode past bad files, and the
//! limit flags (issue 5).

mod common;

use common::{bin, run, s, seed, stderr, temp_files};

use std::process::Stdio;

#[test]
fn a_pdf_exits_3_with_file_and_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("notice.html");
    std::fs::write(&pdf, b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n").unwrap();
    let out = run(&["convert", s(&pdf)]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "gongwen: {}: a PDF document is not supported",
            s(&pdf)
        )),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_workbook_that_is_no_zip_package_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    let book = dir.path().join("任务.xlsx");
    std::fs::write(&book, &junk).unwrap();
    let out = run(&["convert", s(&book)]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "gongwen: {}: named as an Excel workbook (.xlsx) but not one",
            s(&book)
        )),
        "{err}"
    );
    // The same bytes under a name that promises nothing are binary data.
    let other = dir.path().join("任务.bin");
    std::fs::write(&other, &junk).unwrap();
    let err = stderr(&run(&["convert", s(&other)]));
    assert!(err.contains("binary data"), "{err}");
}

#[test]
fn an_empty_file_and_empty_stdin_exit_3_saying_empty() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"\xEF\xBB\xBF\n").unwrap();
    let out = run(&["convert", s(&empty)]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).starts_with(&format!("gongwen: {}: the input is empty", s(&empty))),
        "{}",
        stderr(&out)
    );
    let out = bin()
        .args(["convert", "-"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).starts_with("gongwen: <stdin>: the input is empty"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_syntax_error_is_reported_as_file_colon_line() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("broken.json");
    std::fs::write(
        &json,
        "{\n  \"schema_version\": \"1.0\",\n  \"notice\": [oops\n}\n",
    )
    .unwrap();
    let out = run(&["convert", s(&json), "--to", "text"]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    let prefix = format!("gongwen: {}:3: ", s(&json));
    assert!(err.starts_with(&prefix), "{err}");
    assert!(
        !err.contains(":3: line 3"),
        "the line is not repeated: {err}"
    );
    assert!(err.contains("not a gongwen JSON document"), "{err}");
}

#[test]
fn warnings_name_file_and_line_and_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("nul.txt");
    std::fs::write(
        &txt,
        "重庆市人民政府\n关于印发\0某某方案的通知\n渝府发〔2021〕19号\n",
    )
    .unwrap();
    let out = run(&["convert", s(&txt), "--to", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("gongwen: {}:2: warning: ", s(&txt)))
            && err.contains("[control_characters_dropped]"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["notice"]["title"], "重庆市人民政府关于印发某某方案的通知");
}

#[test]
fn a_document_with_an_impossible_date_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("date.txt");
    std::fs::write(
        &txt,
        "某某市人民政府关于某某事项的通知\n某府发〔2021〕3号\n各区县人民政府：\n现将有关事项通知如下。\n某某市人民政府\n2021年2月30日\n",
    )
    .unwrap();
    let out = run(&["convert", s(&txt), "--to", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains(": error: "), "{}", stderr(&out));
}

#[test]
fn a_bad_limit_value_is_a_usage_error() {
    let out = run(&["convert", s(&seed()), "--max-input-bytes", "lots"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn max_input_bytes_lowers_and_raises_the_limit() {
    let size = std::fs::metadata(seed()).unwrap().len();
    let out = run(&["convert", s(&seed()), "--max-input-bytes", "1000"]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!("gongwen: {}: ", s(&seed()))) && err.contains("--max-input-bytes"),
        "{err}"
    );
    assert!(err.contains(&size.to_string()), "the size is named: {err}");
    let out = run(&[
        "convert",
        s(&seed()),
        "--max-input-bytes",
        &size.to_string(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Standard input is bounded by the same flag.
    let bytes = std::fs::read(seed()).unwrap();
    let mut child = bin()
        .args(["convert", "-", "--max-input-bytes", "1000"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        let _ = stdin.write_all(&bytes);
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).starts_with("gongwen: <stdin>: "),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("--max-input-bytes"));
}

#[test]
fn max_grid_cells_applies_to_text_tables() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("wide.txt");
    let mut text = format!("标题\n\t{}\n", vec!["x"; 100].join("\t"));
    text.push_str(&"\t一、分组\n".repeat(100));
    std::fs::write(&txt, text).unwrap();
    let out = run(&["convert", s(&txt), "--max-grid-cells", "5000"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("--max-grid-cells"),
        "{}",
        stderr(&out)
    );
    let out = run(&["convert", s(&txt), "--max-grid-cells", "20000"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn an_output_whose_parent_is_a_file_exits_4_and_leaves_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, b"keep me").unwrap();
    let target = blocker.join("out.json");
    let out = run(&["convert", s(&seed()), "-o", s(&target)]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with(&format!("gongwen: {}: ", s(&target))),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&blocker).unwrap(), b"keep me");
    assert!(
        temp_files(dir.path()).is_empty(),
        "{:?}",
        temp_files(dir.path())
    );
}

#[test]
fn an_output_that_is_a_folder_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.json");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("inside.txt"), b"x").unwrap();
    let out = run(&["convert", s(&seed()), "-o", s(&target)]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(target.is_dir());
    assert_eq!(std::fs::read(target.join("inside.txt")).unwrap(), b"x");
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn a_failed_conversion_keeps_the_previous_output_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.xlsx");
    std::fs::write(&target, b"previous contents").unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, [0u8, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0, 0, 0, 0]).unwrap();
    let out = run(&["convert", s(&bad), "-o", s(&target)]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(std::fs::read(&target).unwrap(), b"previous contents");
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn batch_mode_continues_past_every_bad_file_and_names_each() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::copy(seed(), input.join("good.txt")).unwrap();
    std::fs::copy(seed(), input.join("sub/good2.txt")).unwrap();
    std::fs::write(input.join("empty.txt"), b"").unwrap();
    std::fs::write(input.join("scan.html"), b"%PDF-1.5 binary").unwrap();
    std::fs::write(input.join("sub/garbage.txt"), [0u8; 64]).unwrap();
    std::fs::write(input.join("book.xlsx"), b"PK\x03\x04truncated").unwrap();
    let out_dir = dir.path().join("out");
    let out = run(&[
        "convert",
        s(&input),
        "-o",
        s(&out_dir),
        "--to",
        "json",
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    for bad in ["empty.txt", "scan.html", "garbage.txt", "book.xlsx"] {
        assert!(
            err.lines()
                .any(|l| l.starts_with("gongwen: ") && l.contains(bad) && !l.contains("failed:")),
            "{bad} has its own error line: {err}"
        );
    }
    let summary = err
        .lines()
        .find(|l| l.contains("4 failed:"))
        .unwrap_or_else(|| panic!("a summary names the failures: {err}"));
    for bad in ["empty.txt", "scan.html", "garbage.txt", "book.xlsx"] {
        assert!(summary.contains(bad), "{summary}");
    }
    assert!(out_dir.join("good.json").is_file());
    assert!(out_dir.join("sub/good2.json").is_file());
    assert!(!out_dir.join("empty.json").exists());
    assert!(temp_files(&out_dir).is_empty());
    // check mode too: every document gets a line, failures included.
    let out = run(&["check", s(&input)]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "unreadable inputs exit 3 in check too"
    );
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        report.lines().filter(|l| l.contains("\tFAILED\t")).count(),
        4,
        "{report}"
    );
    assert!(
        report.contains("2 clean") || report.contains("with warnings"),
        "{report}"
    );
}

#[test]
fn max_blocks_bounds_the_lines_of_a_text_and_leaves_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("lines.txt");
    std::fs::write(&txt, "甲\n".repeat(5000)).unwrap();
    let json = dir.path().join("lines.json");
    let out = run(&[
        "convert",
        s(&txt),
        "-o",
        s(&json),
        "--to",
        "json",
        "--max-blocks",
        "1000",
    ]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("--max-blocks") && err.contains("5000"),
        "{err}"
    );
    assert!(!json.exists(), "no output is written for a refused input");
    let out = run(&["convert", s(&txt), "-o", s(&json), "--to", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(json.exists());
}
