//! Many documents at once: `convert DIR… -o OUTDIR` and `check PATH…`, in parallel on all cores,
//! reported in a deterministic order.

use crate::files::{collect_inputs, display_name, read_and_parse, write_atomic};
use crate::{Exit, Failure, To, render};
use gongwen_parse::{Document, Limits, Options, Severity};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde_json::json;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn progress(len: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} files {per_sec} {eta} {wide_msg}")
    {
        bar.set_style(style);
    }
    bar
}

fn file_size(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

fn rate_line(files: usize, bytes: u64, started: Instant) -> String {
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    format!(
        "{files} files, {:.1} MB in {:.2} s: {:.0} files/s, {:.1} MB/s",
        bytes as f64 / 1e6,
        secs,
        files as f64 / secs,
        bytes as f64 / 1e6 / secs
    )
}

/// Converts every input into `out_dir`, mirroring folder structure below each input folder.
pub fn convert_many(
    inputs: &[PathBuf],
    out_dir: &Path,
    to: To,
    options: &Options,
    quiet: bool,
) -> Exit {
    if out_dir.exists() && !out_dir.is_dir() {
        eprintln!(
            "gongwen: {}: is not a folder (several inputs need -o OUTPUT_FOLDER)",
            out_dir.display()
        );
        return Exit::Usage;
    }
    if let Err(e) = std::fs::create_dir_all(out_dir) {
        eprintln!(
            "gongwen: {}: cannot create the output folder: {e}",
            out_dir.display()
        );
        return Exit::Output;
    }
    let (files, mut failures) = collect_inputs(inputs);
    let started = Instant::now();
    let bar = progress(files.len());
    let results: Vec<(u64, Result<Exit, Failure>)> = files
        .par_iter()
        .map(|(root, file)| {
            let size = file_size(file);
            let result = (|| {
                let doc = read_and_parse(file, options)?;
                let bytes = render(&doc, to, &display_name(file), quiet)?;
                let rel = file.strip_prefix(root).unwrap_or(file);
                let target = out_dir.join(rel).with_extension(to.extension());
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| Failure {
                        exit: Exit::Output,
                        file: parent.display().to_string(),
                        line: None,
                        message: format!("cannot create folder: {e}"),
                    })?;
                }
                write_atomic(&target, &bytes, Some(file))?;
                if !quiet {
                    crate::report_diagnostics(&display_name(file), &doc);
                }
                Ok(crate::document_exit(&doc))
            })();
            bar.inc(1);
            (size, result)
        })
        .collect();
    bar.finish_and_clear();
    let mut exit = Exit::Ok;
    let mut bytes = 0;
    let mut converted = 0;
    for (size, r) in results {
        bytes += size;
        match r {
            Ok(e) => {
                converted += 1;
                exit = exit.max(e);
            }
            Err(f) => failures.push(f),
        }
    }
    for f in &failures {
        eprintln!("{f}");
        exit = exit.max(f.exit);
    }
    eprintln!(
        "gongwen: converted {converted} of {} ({})",
        converted + failures.len(),
        rate_line(files.len(), bytes, started)
    );
    if !failures.is_empty() {
        eprintln!(
            "gongwen: {} failed: {}",
            failures.len(),
            failures
                .iter()
                .map(|f| f.file.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    exit
}

/// What `check` reports about one document.
struct Checked {
    file: String,
    outcome: Result<Document, Failure>,
}

fn summary_line(c: &Checked) -> String {
    match &c.outcome {
        Ok(d) => {
            let (w, e) = counts(d);
            format!(
                "{}\t{}\t{}\tparts={} sections={} tables={} tasks={} warnings={} errors={}",
                c.file,
                d.notice.title.as_deref().unwrap_or("-"),
                d.notice
                    .doc_number
                    .as_ref()
                    .map(|n| n.raw.as_str())
                    .unwrap_or("-"),
                d.parts.len(),
                d.section_count(),
                d.table_count(),
                d.tasks.len(),
                w,
                e
            )
        }
        Err(f) => format!("{}\tFAILED\t{}", c.file, f.message),
    }
}

fn counts(d: &Document) -> (usize, usize) {
    let w = d
        .diagnostics
        .iter()
        .filter(|x| x.severity == Severity::Warning)
        .count();
    let e = d
        .diagnostics
        .iter()
        .filter(|x| x.severity == Severity::Error)
        .count();
    (w, e)
}

fn json_line(c: &Checked) -> serde_json::Value {
    match &c.outcome {
        Ok(d) => {
            let (w, e) = counts(d);
            json!({
                "file": c.file, "ok": e == 0,
                "title": d.notice.title, "doc_number": d.notice.doc_number.as_ref().map(|n| &n.raw),
                "date": d.notice.date, "parts": d.parts.len(), "sections": d.section_count(),
                "tables": d.table_count(), "tasks": d.tasks.len(), "warnings": w, "errors": e,
                "diagnostics": d.diagnostics,
            })
        }
        Err(f) => json!({"file": c.file, "ok": false, "error": f.message, "line": f.line}),
    }
}

/// Parses every document under `paths` and reports one line each plus a summary.
pub fn check(paths: &[PathBuf], as_json: bool, limits: &Limits) -> Exit {
    let options = Options {
        format: None,
        limits: limits.clone(),
    };
    let (files, folder_failures) = collect_inputs(paths);
    let started = Instant::now();
    let bar = progress(files.len());
    let checked: Vec<(u64, Checked)> = files
        .par_iter()
        .map(|(_, file)| {
            let outcome = read_and_parse(file, &options).map(|mut d| {
                // Keep only what the report needs; a folder of thousands stays small in memory.
                d.parts
                    .iter_mut()
                    .for_each(|p| p.tables.iter_mut().for_each(|t| t.rows = Vec::new()));
                d
            });
            bar.inc(1);
            (
                file_size(file),
                Checked {
                    file: display_name(file),
                    outcome,
                },
            )
        })
        .collect();
    bar.finish_and_clear();
    let mut out = std::io::stdout().lock();
    let mut exit = Exit::Ok;
    let (mut ok, mut warned, mut errored, mut failed) = (0, 0, 0, 0);
    let mut bytes = 0;
    let mut failed_files = Vec::new();
    for f in &folder_failures {
        eprintln!("{f}");
        failed += 1;
        failed_files.push(f.file.clone());
        exit = exit.max(Exit::DocumentErrors);
    }
    for (size, c) in &checked {
        bytes += size;
        let line = if as_json {
            json_line(c).to_string()
        } else {
            summary_line(c)
        };
        if writeln!(out, "{line}").is_err() {
            return Exit::Output;
        }
        match &c.outcome {
            Ok(d) => match d.worst() {
                Some(Severity::Error) => {
                    errored += 1;
                    exit = exit.max(Exit::DocumentErrors);
                }
                Some(Severity::Warning) => warned += 1,
                _ => ok += 1,
            },
            Err(_) => {
                failed += 1;
                failed_files.push(c.file.clone());
                exit = exit.max(Exit::DocumentErrors);
            }
        }
    }
    let summary = format!(
        "checked {}: {ok} clean, {warned} with warnings, {errored} with errors, {failed} unreadable ({})",
        checked.len(),
        rate_line(checked.len(), bytes, started)
    );
    if as_json {
        eprintln!("gongwen: {summary}");
    } else {
        let _ = writeln!(out, "{summary}");
    }
    if !failed_files.is_empty() {
        eprintln!("gongwen: failed: {}", failed_files.join(", "));
    }
    exit
}
