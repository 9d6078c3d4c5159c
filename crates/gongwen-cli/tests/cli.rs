//! The `gongwen` binary end to end: formats, exit codes, safe output, batch mode.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gongwen"))
}

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/cq-2021-19.txt")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("gongwen runs")
}

fn tasks_of(json: &[u8]) -> Vec<Value> {
    let v: Value = serde_json::from_slice(json).expect("JSON output");
    let mut tasks = v["tasks"].as_array().cloned().unwrap_or_default();
    for t in &mut tasks {
        if let Some(o) = t.as_object_mut() {
            o.remove("line");
        }
    }
    tasks
}

#[test]
fn convert_writes_json_to_stdout_by_default() {
    let out = run(&["convert", seed().to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["notice"]["doc_number"]["raw"], "渝府发〔2021〕19号");
    assert_eq!(v["tasks"].as_array().map(Vec::len), Some(86));
}

#[test]
fn format_follows_the_output_extension() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("seed.txt");
    let out = run(&[
        "convert",
        seed().to_str().unwrap(),
        "-o",
        txt.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(&txt).unwrap();
    assert!(text.starts_with("重庆市人民政府\n"));
    assert!(text.contains("\t1\t"));
}

#[test]
fn xlsx_output_reads_back_as_the_same_tasks() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("seed.xlsx");
    let out = run(&[
        "convert",
        seed().to_str().unwrap(),
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let from_xlsx = run(&["convert", xlsx.to_str().unwrap(), "--to", "json"]);
    assert_eq!(
        from_xlsx.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&from_xlsx.stderr)
    );
    let from_text = run(&["convert", seed().to_str().unwrap()]);
    let (a, b) = (tasks_of(&from_text.stdout), tasks_of(&from_xlsx.stdout));
    assert_eq!(a.len(), 86);
    for (x, y) in a.iter().zip(&b) {
        for key in ["seq", "text", "lead", "support", "group", "extra"] {
            assert_eq!(x[key], y[key], "task {} field {key}", x["seq"]);
        }
    }
    assert_eq!(a.len(), b.len());
}

#[test]
fn stdin_is_read_with_a_dash() {
    let out = bin()
        .args(["convert", "-", "--to", "text"])
        .stdin(std::fs::File::open(seed()).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("渝府发〔2021〕19号"));
}

#[test]
fn unsupported_input_exits_3_and_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("notice.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n...").unwrap();
    let out = run(&["convert", pdf.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(&format!("gongwen: {}: ", pdf.display())),
        "{err}"
    );
    assert!(err.contains("PDF"), "{err}");
}

#[test]
fn a_failed_run_leaves_the_previous_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.json");
    std::fs::write(&target, b"previous").unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let out = run(&[
        "convert",
        empty.to_str().unwrap(),
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(std::fs::read(&target).unwrap(), b"previous");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "{leftovers:?}");
}

#[test]
fn refuses_to_overwrite_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("notice.txt");
    std::fs::copy(seed(), &copy).unwrap();
    let before = std::fs::read(&copy).unwrap();
    let out = run(&[
        "convert",
        copy.to_str().unwrap(),
        "-o",
        copy.to_str().unwrap(),
        "--to",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(std::fs::read(&copy).unwrap(), before);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["convert"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    let dir = tempfile::tempdir().unwrap();
    // Two inputs without an output folder.
    let s = seed();
    assert_eq!(
        run(&["convert", s.to_str().unwrap(), s.to_str().unwrap()])
            .status
            .code(),
        Some(2)
    );
    let _ = dir;
}

#[test]
fn schema_prints_a_json_schema() {
    let out = run(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["title"], "Document");
    assert!(v["properties"]["tasks"].is_object());
}

#[test]
fn batch_convert_keeps_going_past_a_bad_file_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir_all(inp.join("sub")).unwrap();
    std::fs::copy(seed(), inp.join("a.txt")).unwrap();
    std::fs::copy(seed(), inp.join("sub/b.txt")).unwrap();
    std::fs::write(inp.join("bad.txt"), b"").unwrap();
    let outdir = dir.path().join("out");
    let out = run(&[
        "convert",
        inp.to_str().unwrap(),
        "-o",
        outdir.to_str().unwrap(),
        "--to",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(3));
    assert!(outdir.join("a.json").is_file());
    assert!(outdir.join("sub/b.json").is_file());
    assert!(!outdir.join("bad.json").exists());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.txt"), "{err}");
    assert!(err.contains("files/s"), "{err}");
}

#[test]
fn check_reports_one_line_per_document_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(seed(), dir.path().join("a.txt")).unwrap();
    let out = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("渝府发〔2021〕19号") && text.contains("tasks=86"),
        "{text}"
    );
    // A document with an error diagnostic (an impossible date) makes the exit code 1.
    std::fs::write(dir.path().join("b.txt"), "某市人民政府关于某事的通知\n某府发〔2021〕1号\n各单位：\n通知如下。\n某市人民政府\n2021年2月30日\n").unwrap();
    let out = run(&["check", "--json", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["tasks"], 86);
    assert_eq!(lines[1]["ok"], false);
    assert!(
        lines[1]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "invalid_date")
    );
}

#[test]
fn check_prints_each_documents_diagnostics_under_its_line_unless_quiet() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "某市人民政府关于某事的通知\n某府发〔2021〕1号\n各单位：\n通知如下。\n某市人民政府\n2021年2月30日\n",
    )
    .unwrap();
    let out = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Standard output keeps one line per document and the summary; the error, with its file
    // and line, is on standard error as `convert` prints it.
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(stdout.contains("errors=1"), "{stdout}");
    let error = stderr
        .lines()
        .find(|l| l.contains("[invalid_date]"))
        .unwrap_or_else(|| panic!("no invalid_date line in {stderr}"));
    assert!(error.contains("b.txt:6: error: "), "{error}");
    let quiet = run(&["check", "--quiet", dir.path().to_str().unwrap()]);
    assert_eq!(quiet.status.code(), Some(1));
    assert!(
        !String::from_utf8_lossy(&quiet.stderr).contains("invalid_date"),
        "{}",
        String::from_utf8_lossy(&quiet.stderr)
    );
}
