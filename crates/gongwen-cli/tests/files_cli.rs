//! The `gongwen` binary's promises about files (README, "Command line"): no hang on any folder
//! entry, no input overwritten by any output of the run, one output per input however names
//! collide, batch messages in input order, outputs with the usual permissions and written
//! through links, `-o -` as standard output, no temporary file left by an interrupt, and
//! messages and counts that name what the user asked for.

mod common;

use common::{bin, run, s, seed, stderr, temp_files};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A second notice, in HTML: a different document from the seed.
fn html() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/html/cq-2021-19.gbk.html")
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).expect("output written")).expect("JSON output")
}

/// stderr without the summary's timings, which are the only part that may differ between runs.
fn messages_without_rates(o: &Output) -> String {
    stderr(o)
        .lines()
        .filter(|l| !l.contains("files/s"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success());
}

/// Opens the FIFO for writing after a while and closes it, so that a gongwen that wrongly
/// opened it for reading gets end-of-file and the test fails on its assertions instead of
/// hanging. A correct gongwen never opens it; the thread then stays blocked until the test
/// process ends.
#[cfg(unix)]
fn unblock_later(fifo: &Path) {
    let fifo = fifo.to_path_buf();
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(30));
        let _ = std::fs::OpenOptions::new().write(true).open(&fifo);
    });
}

#[cfg(unix)]
#[test]
fn a_fifo_or_device_in_a_folder_is_named_as_not_read_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(seed(), input.join("a.txt")).unwrap();
    std::fs::copy(seed(), input.join("z-last.txt")).unwrap();
    mkfifo(&input.join("pipe.txt"));
    mkfifo(&input.join("pipe.html"));
    std::os::unix::fs::symlink("/dev/zero", input.join("zero.txt")).unwrap();
    unblock_later(&input.join("pipe.txt"));
    unblock_later(&input.join("pipe.html"));

    let out_dir = dir.path().join("out");
    let out = run(&["convert", s(&input), "-o", s(&out_dir), "-q"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    for (name, what) in [
        ("pipe.txt", "named pipe"),
        ("pipe.html", "named pipe"),
        ("zero.txt", "character device"),
    ] {
        let path = input.join(name);
        assert!(
            err.contains(&format!("gongwen: {}: is a {what}", s(&path))),
            "{name}: {err}"
        );
    }
    assert!(err.contains("converted 2 of 5"), "{err}");
    assert_eq!(names(&out_dir), ["a.json", "z-last.json"]);

    let out = run(&["check", s(&input)]);
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{report}");
    assert_eq!(
        report.lines().filter(|l| l.contains("\tFAILED\t")).count(),
        3
    );
    assert!(
        report.contains("checked 5: 2 clean, 0 with warnings, 0 with errors, 3 unreadable"),
        "{report}"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_where_a_batch_output_goes_is_refused_not_written_into() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(seed(), input.join("a.txt")).unwrap();
    std::fs::copy(seed(), input.join("b.txt")).unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let fifo = out_dir.join("a.json");
    mkfifo(&fifo);
    // A gongwen that wrongly opened it for writing is released after a while by a reader.
    let reader = fifo.clone();
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(30));
        let _ = std::fs::read(&reader);
    });
    let out = run(&["convert", s(&input), "-o", s(&out_dir), "-q"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(4), "{err}");
    assert!(
        err.contains(&format!(
            "gongwen: {}: is a named pipe (FIFO), not a regular file; not written",
            s(&fifo)
        )),
        "{err}"
    );
    assert!(json(&out_dir.join("b.json"))["tasks"].is_array());
}

#[cfg(unix)]
#[test]
fn a_device_named_on_the_command_line_is_still_bounded_by_the_size_limit() {
    let out = run(&["convert", "/dev/zero", "--max-input-bytes", "1000"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--max-input-bytes"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn no_output_of_a_batch_overwrites_any_of_its_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let inplace = dir.path().join("inplace");
    std::fs::create_dir(&inplace).unwrap();
    std::fs::copy(seed(), inplace.join("a.txt")).unwrap();
    std::fs::copy(html(), inplace.join("a.html")).unwrap();
    std::fs::copy(seed(), inplace.join("b.txt")).unwrap();
    let before: Vec<Vec<u8>> = ["a.txt", "a.html", "b.txt"]
        .iter()
        .map(|n| std::fs::read(inplace.join(n)).unwrap())
        .collect();

    let out = run(&[
        "convert",
        s(&inplace),
        "-o",
        s(&inplace),
        "--to",
        "text",
        "-q",
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(4), "{err}");
    for (name, old) in ["a.txt", "a.html", "b.txt"].iter().zip(&before) {
        assert_eq!(&std::fs::read(inplace.join(name)).unwrap(), old, "{name}");
    }
    // a.txt and a.html share the name a.txt: each gets its own, neither replaces the input.
    assert!(inplace.join("a.txt.txt").is_file(), "{err}");
    assert!(inplace.join("a.html.txt").is_file(), "{err}");
    // b.txt's only possible output is b.txt itself: refused, naming both paths.
    let b = s(&inplace.join("b.txt")).to_string();
    assert!(
        err.lines()
            .any(|l| l.starts_with(&format!("gongwen: {b}: "))
                && l.matches(b.as_str()).count() == 3
                && l.contains("overwrite the input")),
        "{err}"
    );
    assert!(err.contains("1 failed"), "{err}");
    assert!(temp_files(&inplace).is_empty());
}

#[test]
fn an_output_written_through_a_link_to_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(seed(), input.join("a.txt")).unwrap();
    let before = std::fs::read(input.join("a.txt")).unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(input.join("a.txt"), out_dir.join("a.txt")).unwrap();
    #[cfg(not(unix))]
    return;
    let out = run(&[
        "convert",
        s(&input),
        "-o",
        s(&out_dir),
        "--to",
        "text",
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert_eq!(std::fs::read(input.join("a.txt")).unwrap(), before);
    assert!(
        stderr(&out).contains("overwrite the input"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn inputs_that_share_an_output_name_each_get_their_own_the_same_on_every_run() {
    let dir = tempfile::tempdir().unwrap();
    let (d1, d2) = (dir.path().join("d1"), dir.path().join("d2"));
    std::fs::create_dir(&d1).unwrap();
    std::fs::create_dir(&d2).unwrap();
    std::fs::copy(seed(), d1.join("a.txt")).unwrap();
    std::fs::copy(seed(), d2.join("a.txt")).unwrap();
    std::fs::copy(html(), d2.join("a.html")).unwrap();
    // d1/a.txt is told apart from d2/a.txt by its text.
    let marked = std::fs::read_to_string(seed()).unwrap().replacen(
        "重庆市人民政府",
        "重庆市人民政府办公厅",
        1,
    );
    std::fs::write(d1.join("a.txt"), marked).unwrap();

    let mut first_messages = None;
    for round in 0..2 {
        let out_dir = dir.path().join(format!("out{round}"));
        let out = run(&["convert", s(&d1), s(&d2), "-o", s(&out_dir)]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(
            names(&out_dir),
            ["a.html.json", "a.txt.2.json", "a.txt.json"]
        );
        // In input order: d1's a.txt first, then d2's.
        assert_eq!(
            json(&out_dir.join("a.html.json"))["source"]["format"],
            "html"
        );
        let issuer = |name: &str| {
            json(&out_dir.join(name))["notice"]["issuer"]
                .to_string()
                .contains("办公厅")
        };
        assert!(issuer("a.txt.json"), "d1/a.txt is written to a.txt.json");
        assert!(
            !issuer("a.txt.2.json"),
            "d2/a.txt is written to a.txt.2.json"
        );
        let err = stderr(&out);
        assert!(
            err.contains(&format!(
                "gongwen: {}: note: shares the output name {} with",
                s(&d2.join("a.html")),
                s(&out_dir.join("a.json"))
            )),
            "{err}"
        );
        let messages = messages_without_rates(&out).replace(&format!("out{round}"), "out");
        match &first_messages {
            None => first_messages = Some(messages),
            Some(m) => assert_eq!(&messages, m),
        }
    }
}

#[test]
fn batch_messages_come_out_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    // Each document has a warning on its line 2 (a NUL is dropped).
    for i in 0..60 {
        std::fs::write(
            input.join(format!("f{i:02}.txt")),
            "重庆市人民政府\n关于印发\0某某方案的通知\n渝府发〔2021〕19号\n",
        )
        .unwrap();
    }
    let mut first = None;
    for round in 0..2 {
        let out = bin()
            .args(["convert", s(&input), "-o"])
            .arg(dir.path().join(format!("out{round}")))
            .env("RAYON_NUM_THREADS", "4")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let warned: Vec<String> = stderr(&out)
            .lines()
            .filter(|l| l.contains("[control_characters_dropped]"))
            .filter_map(|l| Path::new(l.split(':').nth(1)?.trim()).file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect();
        assert_eq!(warned.len(), 60);
        let mut sorted = warned.clone();
        sorted.sort();
        assert_eq!(warned, sorted, "warnings follow the sorted input order");
        let messages = messages_without_rates(&out).replace(&format!("out{round}"), "out");
        match &first {
            None => first = Some(messages),
            Some(m) => assert_eq!(&messages, m),
        }
    }
}

/// Runs gongwen under a shell that sets `umask` first.
#[cfg(unix)]
fn run_with_umask(umask: &str, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_gongwen"))
        .args(args)
        .output()
        .expect("sh runs")
}

#[cfg(unix)]
#[test]
fn outputs_get_the_umask_mode_and_a_replaced_file_keeps_its_own() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new.json");
    let out = run_with_umask("022", &["convert", s(&seed()), "-o", s(&new)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(mode(&new), 0o644);
    let private = dir.path().join("private.json");
    let out = run_with_umask("077", &["convert", s(&seed()), "-o", s(&private)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(mode(&private), 0o600);

    let shared = dir.path().join("shared.json");
    std::fs::write(&shared, b"old").unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o664)).unwrap();
    let out = run_with_umask("077", &["convert", s(&seed()), "-o", s(&shared)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(mode(&shared), 0o664);
    assert!(json(&shared)["tasks"].is_array());

    // Batch outputs too.
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(seed(), input.join("a.txt")).unwrap();
    let out_dir = dir.path().join("out");
    let out = run_with_umask("022", &["convert", s(&input), "-o", s(&out_dir)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(mode(&out_dir.join("a.json")), 0o644);
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_link_is_written_through_to_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.json");
    std::fs::write(&real, b"old").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("real.json", &link).unwrap();
    let out = run(&["convert", s(&seed()), "-o", s(&link)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(json(&real)["tasks"].is_array());

    // A link to a file that does not exist yet creates the file, as `>` in a shell does.
    let dangling = dir.path().join("dangling.json");
    std::os::unix::fs::symlink("sub/made.json", &dangling).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let out = run(&["convert", s(&seed()), "-o", s(&dangling)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(json(&dir.path().join("sub/made.json"))["tasks"].is_array());
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn dash_as_output_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .current_dir(dir.path())
        .args(["convert", s(&seed()), "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["tasks"].as_array().map(Vec::len), Some(86));
    assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
    // A workbook to a redirected standard output is allowed: it is the ZIP bytes.
    let out = bin()
        .current_dir(dir.path())
        .args(["convert", s(&seed()), "-o", "-", "--to", "xlsx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.starts_with(b"PK\x03\x04"));
    assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
    // A batch needs a folder.
    let out = run(&["convert", s(dir.path()), "-o", "-"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[cfg(unix)]
fn interrupted_write_leaves_no_temporary_file(signal: &str) {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.json");
    std::fs::write(&target, b"previous").unwrap();
    let marker = dir.path().join("marker");
    let mut child = bin()
        .args(["convert", s(&seed()), "-o", s(&target)])
        .env("GONGWEN_TEST_PAUSE_BEFORE_RENAME", &marker)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the temporary file is written and the writer pauses before renaming it (the
    // marker, renamed into place, names the temporary file).
    let tmp = loop {
        match std::fs::read_to_string(&marker) {
            Ok(path) if !path.is_empty() => break PathBuf::from(path),
            _ => {}
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("gongwen ended before pausing: {status}");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    assert!(tmp.exists(), "the temporary file is in flight");
    let killed = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", stderr(&out));
    assert!(stderr(&out).contains("interrupted"), "{}", stderr(&out));
    assert!(!tmp.exists());
    assert!(
        temp_files(dir.path()).is_empty(),
        "{:?}",
        temp_files(dir.path())
    );
    assert_eq!(std::fs::read(&target).unwrap(), b"previous");
}

#[cfg(unix)]
#[cfg_attr(
    not(debug_assertions),
    ignore = "the pause before renaming exists in debug builds only"
)]
#[test]
fn sigterm_and_sigint_remove_the_temporary_file_in_flight() {
    interrupted_write_leaves_no_temporary_file("-TERM");
    interrupted_write_leaves_no_temporary_file("-INT");
}

#[test]
fn an_output_error_names_the_output_not_the_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, b"keep me").unwrap();
    let target = blocker.join("out.json");
    let out = run(&["convert", s(&seed()), "-o", s(&target)]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(4), "{err}");
    assert!(
        err.starts_with(&format!("gongwen: {}: ", s(&target))),
        "{err}"
    );
    assert!(
        !err.contains(".gongwen-") && !err.contains("at path"),
        "{err}"
    );
}

#[test]
fn an_output_folder_that_is_a_file_is_an_output_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out");
    std::fs::write(&file, b"keep me").unwrap();
    let out = run(&["convert", s(&seed()), s(&seed()), "-o", s(&file)]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with(&format!("gongwen: {}: is not a folder", s(&file))),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&file).unwrap(), b"keep me");
}

#[cfg(unix)]
#[test]
fn links_to_folders_are_skipped_with_a_note_and_loops_do_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(input.join("real")).unwrap();
    std::fs::copy(seed(), input.join("real/r.txt")).unwrap();
    std::os::unix::fs::symlink("real", input.join("linked")).unwrap();
    std::os::unix::fs::symlink(".", input.join("loop")).unwrap();
    let out = run(&["check", s(&input)]);
    let (report, err) = (String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert_eq!(out.status.code(), Some(0), "{report}{err}");
    for link in ["linked", "loop"] {
        assert!(
            err.contains(&format!(
                "gongwen: {}: is a symbolic link to a folder; skipped",
                s(&input.join(link))
            )),
            "{err}"
        );
    }
    assert!(report.contains("checked 1: 1 clean"), "{report}");
    assert!(report.contains("2 skipped"), "{report}");
}

/// Whether `dir` (mode 000) cannot be listed by a command run through `prefix`.
#[cfg(unix)]
fn unlistable_with(prefix: &[&str], dir: &Path) -> bool {
    let Some((first, rest)) = prefix.split_first() else {
        return std::fs::read_dir(dir).is_err();
    };
    Command::new(first)
        .args(rest)
        .arg("ls")
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| !s.success())
}

#[cfg(unix)]
#[test]
fn check_gives_an_unreadable_folder_its_own_line_and_counts_that_add_up() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(input.join("locked")).unwrap();
    std::fs::copy(seed(), input.join("a.txt")).unwrap();
    std::fs::copy(seed(), input.join("locked/x.txt")).unwrap();
    let locked = input.join("locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads any folder; without the capabilities that allow it, it cannot.
    let drop_caps = [
        "setpriv",
        "--bounding-set",
        "-dac_override,-dac_read_search",
    ];
    let prefix: &[&str] = if unlistable_with(&[], &locked) {
        &[]
    } else if unlistable_with(&drop_caps, &locked) {
        &drop_caps
    } else {
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: no way to make a folder unreadable here (root without setpriv)");
        return;
    };
    let check = |json: bool| {
        let mut c = match prefix.split_first() {
            Some((first, rest)) => {
                let mut c = Command::new(first);
                c.args(rest).arg(env!("CARGO_BIN_EXE_gongwen"));
                c
            }
            None => bin(),
        };
        c.arg("check");
        if json {
            c.arg("--json");
        }
        c.arg(&input).output().unwrap()
    };
    let out = check(false);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{report}");
    assert!(
        report
            .lines()
            .any(|l| l.starts_with(&format!("{}\tFAILED\tcannot read folder", s(&locked)))),
        "{report}"
    );
    assert!(
        report.contains("checked 2: 1 clean, 0 with warnings, 0 with errors, 1 unreadable"),
        "{report}"
    );
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = check(true);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[1]["file"], s(&locked));
    assert_eq!(lines[1]["ok"], false);
}

#[test]
fn an_output_folder_inside_the_input_folder_is_no_input_on_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(seed(), dir.path().join("notice.txt")).unwrap();
    let out = dir.path().join("out");
    for round in 1..=2 {
        let o = run(&["convert", s(dir.path()), "-o", s(&out), "--to", "json"]);
        assert_eq!(o.status.code(), Some(0), "round {round}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("is the output folder"),
            "round {round}: {}",
            stderr(&o)
        );
        let mut written: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        written.sort();
        assert_eq!(written, ["notice.json"], "round {round}");
    }
}

#[test]
fn markdown_files_are_found_in_folders_and_read_as_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    // No sign of Markdown in the text but its name: a run-in bold heading only.
    std::fs::write(
        input.join("plan.md"),
        "某某市人民政府关于某某工作的通知\n\n各区县人民政府：\n\n一、总体要求\n\n*（一）加强领导。*各区县要高度重视。\n",
    )
    .unwrap();
    std::fs::write(
        input.join("notes.markdown"),
        "# 某某市人民政府关于某某的通知\n\n正文。\n",
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    let out = run(&["convert", s(&input), "-o", s(&out_dir), "--to", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(names(&out_dir), ["notes.json", "plan.json"]);
    let plan = json(&out_dir.join("plan.json"));
    let text = plan.to_string();
    assert!(!text.contains('*'), "{text}");
    assert!(text.contains("markdown_read"), "{text}");
}

#[test]
fn an_image_named_as_markdown_is_refused_as_an_image() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("scan.md");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let out = run(&["convert", s(&png), "-o", "-"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("a PNG image"), "{}", stderr(&out));
}

#[test]
fn a_web_page_saved_as_doc_is_read_as_the_page_and_said_so() {
    // Word's "save as web page" under a `.doc` name, as many sites publish notices: read as the
    // page it is, with the same info a page saved as `.xls` gets.
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("通知.doc");
    std::fs::write(
        &page,
        "<html><body><p>某某市人民政府关于做好防汛工作的通知</p><p>各区县人民政府：</p><p>现将有关事项通知如下。</p></body></html>",
    )
    .expect("write");
    let out = run(&["convert", s(&page), "--to", "json", "-o", "-"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["source"]["format"], "html");
    assert!(
        json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .any(|d| d["code"] == "format_sniffed"
                && d["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("an HTML page"))),
        "{}",
        json["diagnostics"]
    );
    assert_eq!(json["notice"]["addressees"][0], "各区县人民政府");
}

#[test]
fn files_of_other_formats_are_counted_and_a_run_that_finds_no_input_fails() {
    let dir = tempfile::tempdir().unwrap();
    let pdfs = dir.path().join("下载");
    std::fs::create_dir(&pdfs).unwrap();
    std::fs::write(pdfs.join("通知.pdf"), b"%PDF-1.4\n").unwrap();
    std::fs::write(pdfs.join("方案.pdf"), b"%PDF-1.4\n").unwrap();
    std::fs::write(pdfs.join("分工.wps"), b"not read").unwrap();
    std::fs::write(pdfs.join(".DS_Store"), b"hidden").unwrap();
    let empty = dir.path().join("空");
    std::fs::create_dir(&empty).unwrap();
    for folder in [&pdfs, &empty] {
        // Converting or checking nothing is no success.
        let out = run(&["convert", s(folder), "-o", s(&dir.path().join("out"))]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(3), "{err}");
        assert!(err.contains("no input found"), "{err}");
        let out = run(&["check", s(folder)]);
        assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    }
    let out = run(&["convert", s(&pdfs), "-o", s(&dir.path().join("out"))]);
    let err = stderr(&out);
    assert!(
        err.contains("3 files of other formats passed over (2 .pdf, 1 .wps;"),
        "{err}"
    );
    // With an input beside them, the run converts it, says what it passed over, and succeeds.
    std::fs::copy(seed(), pdfs.join("a.txt")).unwrap();
    let out = run(&["convert", s(&pdfs), "-o", s(&dir.path().join("out")), "-q"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("converted 1 of 1"), "{err}");
    assert!(
        err.contains("3 files of other formats passed over (2 .pdf, 1 .wps;"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_reader_that_stops_early_is_no_failure_for_check_or_schema() {
    // `| head -c 0`: the reader is gone before gongwen writes (it has a notice to parse, or a
    // schema to build, first).
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("b.txt");
    std::fs::copy(seed(), &copy).unwrap();
    for args in [&["schema"][..], &["check", s(&seed()), s(&copy)][..]] {
        let mut child = bin()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let status = child.wait().unwrap();
        assert!(matches!(status.code(), Some(0 | 1)), "{args:?}: {status:?}");
    }
}
