//! Many documents at once: `convert DIR… -o OUTDIR` and `check PATH…`, in parallel on all cores,
//! reported in a deterministic order: each file's messages are printed together, in input order,
//! as soon as it and every file before it are done.

use crate::files::{
    Collected, Entry, EntryKind, Origin, PassedOver, collect_inputs, display_name, identity,
    read_and_parse, write_atomic_with,
};
use crate::{Exit, Failure, To, render_into};
use gongwen_parse::{Document, Limits, Options, Severity};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde_json::json;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
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

/// Runs `work` on every item in parallel and hands each result to `done` in input order, as
/// soon as it and all before it are finished: output is the same on every run, however the
/// threads are scheduled, and a long batch reports as it goes.
fn in_order<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync, mut done: impl FnMut(R)) {
    let (tx, rx) = std::sync::mpsc::channel();
    let work = &work;
    std::thread::scope(|s| {
        s.spawn(move || {
            items
                .par_iter()
                .enumerate()
                .for_each_with(tx, |tx, (i, item)| {
                    // The receiver lives until every sender is gone; a send cannot fail.
                    let _ = tx.send((i, work(item)));
                });
        });
        let mut pending = BTreeMap::new();
        let mut next = 0;
        for (i, r) in rx {
            pending.insert(i, r);
            while let Some(r) = pending.remove(&next) {
                done(r);
                next += 1;
            }
        }
    });
}

/// Where one input of a batch is written.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Plan {
    output: PathBuf,
    /// Why the output is not the plain name, to print as a note.
    note: Option<String>,
}

/// The output path of every input, decided before anything is written (README, "Batch
/// outputs"):
///
/// - an input's output mirrors its path below the folder it was found in, with the format's
///   extension (`in/sub/a.txt` → `out/sub/a.json`);
/// - inputs that would share an output (`a.txt` and `a.html`; the same path below two input
///   folders) each keep their own extension before the new one (`a.txt.json`, `a.html.json`),
///   and where that still coincides, or is another output or an input, a number is added from 2
///   on in input order (`a.txt.json`, `a.txt.2.json`) — so no input's output replaces another's
///   and every run names them alike;
/// - an output that is the same file as any input of the run is refused, naming both.
fn plan_outputs(inputs: &[&Entry], out_dir: &Path, to: To) -> Vec<Result<Plan, Failure>> {
    let ext = to.extension();
    let natural: Vec<PathBuf> = inputs
        .iter()
        .map(|e| {
            let rel = e
                .path
                .strip_prefix(&e.root)
                .ok()
                .filter(|r| !r.as_os_str().is_empty())
                .or_else(|| e.path.file_name().map(Path::new))
                .unwrap_or(&e.path);
            out_dir.join(rel).with_extension(ext)
        })
        .collect();
    let ids: Vec<PathBuf> = natural.iter().map(|p| identity(p)).collect();
    let mut input_ids: HashMap<PathBuf, usize> = HashMap::new();
    // Hard links to an input are the input under another name.
    let mut input_keys: HashMap<(u64, u64), usize> = HashMap::new();
    for (i, e) in inputs.iter().enumerate() {
        input_ids.entry(identity(&e.path)).or_insert(i);
        if let Some(k) = crate::files::file_key(&e.path) {
            input_keys.entry(k).or_insert(i);
        }
    }
    let mut groups: BTreeMap<&PathBuf, Vec<usize>> = BTreeMap::new();
    for (i, id) in ids.iter().enumerate() {
        groups.entry(id).or_default().push(i);
    }
    // Names already spoken for: every output that is unique, and every input.
    let mut taken: HashSet<PathBuf> = groups
        .iter()
        .filter(|(_, members)| members.len() == 1)
        .map(|(id, _)| (*id).clone())
        .collect();
    taken.extend(input_ids.keys().cloned());
    let mut plans: Vec<Option<Plan>> = vec![None; inputs.len()];
    for members in groups.values() {
        if members.len() == 1 {
            plans[members[0]] = Some(Plan {
                output: natural[members[0]].clone(),
                note: None,
            });
            continue;
        }
        for &i in members {
            let dir = natural[i].parent().unwrap_or(out_dir);
            let source = inputs[i]
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "-".into());
            let mut n = 1;
            let mut candidate = dir.join(format!("{source}.{ext}"));
            let mut id = identity(&candidate);
            while taken.contains(&id) {
                n += 1;
                candidate = dir.join(format!("{source}.{n}.{ext}"));
                id = identity(&candidate);
            }
            taken.insert(id);
            let others: Vec<String> = members
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| display_name(&inputs[j].path))
                .collect();
            let note = format!(
                "note: shares the output name {} with {}; writing {} instead",
                natural[i].display(),
                others.join(", "),
                candidate.display()
            );
            plans[i] = Some(Plan {
                output: candidate,
                note: Some(note),
            });
        }
    }
    plans
        .into_iter()
        .enumerate()
        .map(|(i, plan)| {
            let plan = plan.unwrap_or_else(|| Plan {
                output: natural[i].clone(),
                note: None,
            });
            let same = input_ids.get(&identity(&plan.output)).or_else(|| {
                crate::files::file_key(&plan.output).and_then(|k| input_keys.get(&k))
            });
            match same {
                Some(&j) => Err(Failure {
                    exit: Exit::Output,
                    file: display_name(&inputs[i].path),
                    line: None,
                    message: format!(
                        "its output {} would overwrite the input {}; not written (choose an output folder apart from the inputs)",
                        plan.output.display(),
                        display_name(&inputs[j].path)
                    ),
                }),
                None => Ok(plan),
            }
        })
        .collect()
}

/// One entry of a batch conversion, with its output decided.
enum Job<'a> {
    Convert {
        entry: &'a Entry,
        plan: Plan,
    },
    /// A failure known before reading, with the input it is about.
    Fail(Failure, String),
    Skip(String),
}

/// What became of one entry: its messages (printed together, in input order) and the outcome.
struct Done {
    size: u64,
    messages: Vec<u8>,
    outcome: Outcome,
}

enum Outcome {
    Converted(Exit),
    /// The failure, and how the summary's failure list names it.
    Failed(Failure, String),
    Skipped,
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
            "gongwen: {}: is not a folder (several inputs or a folder need -o OUTPUT_FOLDER)",
            out_dir.display()
        );
        return Exit::Output;
    }
    if let Err(e) = std::fs::create_dir_all(out_dir) {
        eprintln!(
            "gongwen: {}: cannot create the output folder: {}",
            out_dir.display(),
            crate::files::io_message(&e)
        );
        return Exit::Output;
    }
    let Collected {
        entries,
        passed_over,
    } = collect_inputs(inputs, Some(out_dir));
    let readable: Vec<&Entry> = entries
        .iter()
        .filter(|e| matches!(e.kind, EntryKind::Input(_)))
        .collect();
    let mut plans = plan_outputs(&readable, out_dir, to).into_iter();
    let jobs: Vec<Job> = entries
        .iter()
        .map(|entry| match &entry.kind {
            EntryKind::Input(_) => match plans.next() {
                Some(Ok(plan)) => Job::Convert { entry, plan },
                Some(Err(f)) => {
                    let listed = listed_failure(&display_name(&entry.path), &f);
                    Job::Fail(f, listed)
                }
                // One plan per input, so never; refused rather than panicking.
                None => {
                    let file = display_name(&entry.path);
                    Job::Fail(
                        Failure {
                            exit: Exit::Output,
                            file: file.clone(),
                            line: None,
                            message: "no output could be planned".into(),
                        },
                        file,
                    )
                }
            },
            EntryKind::Unreadable(_) => {
                let f = entry.failure().unwrap_or_else(|| Failure {
                    exit: Exit::Input,
                    file: display_name(&entry.path),
                    line: None,
                    message: "cannot read".into(),
                });
                let listed = f.file.clone();
                Job::Fail(f, listed)
            }
            EntryKind::Skipped(note) => {
                Job::Skip(format!("gongwen: {}: {note}\n", display_name(&entry.path)))
            }
        })
        .collect();
    let started = Instant::now();
    let bar = progress(readable.len());
    let work = |job: &Job| -> Done {
        let mut messages = Vec::new();
        let (size, outcome) = match job {
            Job::Convert { entry, plan } => {
                let size = file_size(&entry.path);
                if let Some(note) = &plan.note {
                    let _ = writeln!(messages, "gongwen: {}: {note}", display_name(&entry.path));
                }
                let outcome = match convert_one(entry, plan, to, options, quiet, &mut messages) {
                    Ok(e) => Outcome::Converted(e),
                    Err(f) => {
                        let listed = listed_failure(&display_name(&entry.path), &f);
                        Outcome::Failed(f, listed)
                    }
                };
                bar.inc(1);
                (size, outcome)
            }
            Job::Fail(f, listed) => (0, Outcome::Failed(f.clone(), listed.clone())),
            Job::Skip(note) => {
                messages.extend_from_slice(note.as_bytes());
                (0, Outcome::Skipped)
            }
        };
        if let Outcome::Failed(f, _) = &outcome {
            let _ = writeln!(messages, "{f}");
        }
        Done {
            size,
            messages,
            outcome,
        }
    };
    let mut exit = Exit::Ok;
    let (mut bytes, mut converted, mut skipped) = (0, 0, 0);
    let mut failures: Vec<String> = Vec::new();
    in_order(&jobs, work, |done| {
        if !done.messages.is_empty() {
            bar.suspend(|| {
                let _ = std::io::stderr().lock().write_all(&done.messages);
            });
        }
        bytes += done.size;
        match done.outcome {
            Outcome::Converted(e) => {
                converted += 1;
                exit = exit.max(e);
            }
            Outcome::Failed(f, listed) => {
                exit = exit.max(f.exit);
                failures.push(listed);
            }
            Outcome::Skipped => skipped += 1,
        }
    });
    bar.finish_and_clear();
    // The inputs converted and failed add up to the inputs; a path passed over (the output
    // folder, a link to a folder, a file reached twice) is no input and is counted apart.
    let failed_note = if failures.is_empty() {
        String::new()
    } else {
        format!(", {} failed", failures.len())
    };
    let skipped_note = if skipped > 0 {
        format!(
            "; {skipped} other path{} skipped",
            if skipped == 1 { "" } else { "s" }
        )
    } else {
        String::new()
    };
    eprintln!(
        "gongwen: converted {converted} of {}{failed_note}{skipped_note} ({})",
        converted + failures.len(),
        rate_line(readable.len(), bytes, started)
    );
    if !failures.is_empty() {
        eprintln!(
            "gongwen: {} failed: {}",
            failures.len(),
            failures.join(", ")
        );
    }
    nothing_found(converted + failures.len(), &passed_over).unwrap_or(exit)
}

/// Says what was passed over, and when a run found no input at all (an empty folder, a folder of
/// PDFs), says so and fails with [`Exit::Input`]: converting nothing is not success.
fn nothing_found(inputs: usize, passed_over: &PassedOver) -> Option<Exit> {
    if let Some(note) = passed_over.note() {
        eprintln!("gongwen: {note}");
    }
    (inputs == 0).then(|| {
        eprintln!("gongwen: no input found: the folders given hold no file of an input format");
        Exit::Input
    })
}

/// Reads, parses and writes one input; its warnings go to `messages`.
fn convert_one(
    entry: &Entry,
    plan: &Plan,
    to: To,
    options: &Options,
    quiet: bool,
    messages: &mut Vec<u8>,
) -> Result<Exit, Failure> {
    let EntryKind::Input(origin) = entry.kind else {
        return Err(entry.failure().unwrap_or_else(|| Failure {
            exit: Exit::Input,
            file: display_name(&entry.path),
            line: None,
            message: "is not an input".into(),
        }));
    };
    let doc = read_and_parse(&entry.path, origin, options)?;
    let target = &plan.output;
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Failure {
            exit: Exit::Output,
            file: parent.display().to_string(),
            line: None,
            message: format!("cannot create folder: {}", crate::files::io_message(&e)),
        })?;
    }
    let name = display_name(&entry.path);
    let out_name = display_name(target);
    write_atomic_with(target, Origin::Found, |w| {
        render_into(&doc, to, (&name, &out_name), quiet, w, messages)
    })
    .map_err(|mut f| {
        // A failure to write names the output; say whose output it is.
        if f.file != name {
            f.message = format!("{} (the output of {name})", f.message);
        }
        f
    })?;
    if !quiet {
        crate::report_diagnostics(&name, &doc, messages);
    }
    Ok(crate::document_exit(&doc))
}

/// How the batch summary lists a failed input: by the input's name, as every other failure is,
/// with the file the failure is about (its output, a folder for it) added when that differs.
fn listed_failure(input: &str, f: &Failure) -> String {
    if f.file == input {
        input.to_owned()
    } else {
        format!("{input} (its output {})", f.file)
    }
}

/// What `check` reports about one entry.
struct Checked {
    file: String,
    size: u64,
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

/// Parses every document under `paths` and reports one line each — an unreadable file or
/// folder included — plus a summary whose counts add up to the lines. In text mode each
/// document's warnings and errors follow its line on standard error, as `convert` prints them
/// (`gongwen: plan.txt:8: warning: … [numbering_gap]`), unless `quiet`: standard output keeps
/// one tab-separated line per document for other tools.
pub fn check(paths: &[PathBuf], as_json: bool, quiet: bool, limits: &Limits) -> Exit {
    let options = Options {
        format: None,
        limits: limits.clone(),
    };
    let Collected {
        entries,
        passed_over,
    } = collect_inputs(paths, None);
    let inputs = entries
        .iter()
        .filter(|e| matches!(e.kind, EntryKind::Input(_)))
        .count();
    let started = Instant::now();
    let bar = progress(inputs);
    // Set when standard output is gone: the rest is not worth parsing.
    let stop = AtomicBool::new(false);
    let work = |entry: &Entry| -> Option<Checked> {
        let file = display_name(&entry.path);
        let outcome = match &entry.kind {
            EntryKind::Skipped(_) => return None,
            EntryKind::Unreadable(_) => Err(entry.failure()?),
            EntryKind::Input(_) if stop.load(Ordering::Relaxed) => return None,
            EntryKind::Input(origin) => {
                let outcome = read_and_parse(&entry.path, *origin, &options).map(|mut d| {
                    // Keep only what the report needs; a folder of thousands stays small.
                    d.parts
                        .iter_mut()
                        .for_each(|p| p.tables.iter_mut().for_each(|t| t.rows = Vec::new()));
                    d
                });
                bar.inc(1);
                outcome
            }
        };
        let size = match &entry.kind {
            EntryKind::Input(_) => file_size(&entry.path),
            _ => 0,
        };
        Some(Checked {
            file,
            size,
            outcome,
        })
    };
    let mut out = std::io::stdout().lock();
    let mut exit = Exit::Ok;
    let (mut ok, mut warned, mut errored, mut failed, mut skipped) = (0, 0, 0, 0, 0);
    let mut bytes = 0;
    let mut failed_files = Vec::new();
    let mut index = 0;
    in_order(&entries, work, |checked| {
        let entry = &entries[index];
        index += 1;
        let Some(c) = checked else {
            if let EntryKind::Skipped(note) = &entry.kind {
                skipped += 1;
                bar.suspend(|| eprintln!("gongwen: {}: {note}", display_name(&entry.path)));
            }
            return;
        };
        if stop.load(Ordering::Relaxed) {
            return;
        }
        bytes += c.size;
        let line = if as_json {
            json_line(&c).to_string()
        } else {
            summary_line(&c)
        };
        if let Err(e) = writeln!(out, "{line}") {
            stop.store(true, Ordering::Relaxed);
            // A reader that stops early (`| head`) is not a failure, as for `convert`.
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                exit = exit.max(Exit::Output);
            }
            return;
        }
        if let (Ok(d), false) = (&c.outcome, as_json || quiet) {
            // Standard output first, so that a terminal shows the line above its diagnostics.
            let _ = out.flush();
            bar.suspend(|| crate::report_diagnostics(&c.file, d, &mut std::io::stderr().lock()));
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
            Err(f) => {
                // Unreadable or unsupported: exit 3, as the README documents.
                failed += 1;
                failed_files.push(c.file.clone());
                exit = exit.max(f.exit);
            }
        }
    });
    bar.finish_and_clear();
    if stop.load(Ordering::Relaxed) {
        return exit;
    }
    let total = ok + warned + errored + failed;
    let skipped_note = if skipped > 0 {
        format!(", {skipped} skipped")
    } else {
        String::new()
    };
    let summary = format!(
        "checked {total}: {ok} clean, {warned} with warnings, {errored} with errors, {failed} unreadable{skipped_note} ({})",
        rate_line(inputs, bytes, started)
    );
    if as_json {
        eprintln!("gongwen: {summary}");
    } else {
        let _ = writeln!(out, "{summary}");
    }
    if !failed_files.is_empty() {
        eprintln!("gongwen: failed: {}", failed_files.join(", "));
    }
    nothing_found(total, &passed_over).unwrap_or(exit)
}
