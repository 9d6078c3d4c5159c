//! What the binary says and does about outputs a user names wrongly (a tester's contract
//! findings): an output named for a format gongwen does not write is refused, a missing output
//! folder is named as such, a failed write names the output (and in a batch whose output it is),
//! a hard link to the input is the input, and a file reached twice in one batch is read once,
//! with a summary whose counts add up.

mod common;

use common::{run, s, seed, stderr};

#[test]
fn an_output_named_for_a_format_gongwen_does_not_write_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["notice.xls", "notice.csv", "notice.md", "notice.docx"] {
        let out = dir.path().join(name);
        let o = run(&["convert", s(&seed()), "-o", s(&out)]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains("--to"), "{}", stderr(&o));
        assert!(!out.exists(), "{name} written");
    }
    // Said with --to, the name is the user's choice.
    let out = dir.path().join("notice.md");
    let o = run(&["convert", s(&seed()), "--to", "text", "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("渝府发〔2021〕19号")
    );
    // An extension of no known format is JSON, as before.
    let out = dir.path().join("notice.out");
    let o = run(&["convert", s(&seed()), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&out).unwrap().starts_with('{'));
}

#[test]
fn an_output_in_a_missing_folder_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("nodir/x.json");
    let o = run(&["convert", s(&seed()), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("there is no folder"), "{err}");
    assert!(!err.contains("temporary"), "{err}");
}

#[test]
fn a_hard_link_to_the_input_is_refused_as_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::copy(seed(), &a).unwrap();
    std::fs::hard_link(&a, &b).unwrap();
    let o = run(&["convert", s(&a), "--to", "text", "-o", s(&b)]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("refusing to write over it"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(seed()).unwrap());
}

#[test]
fn a_file_reached_twice_in_a_batch_is_read_once_and_the_counts_add_up() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    let file = input.join("r.txt");
    std::fs::copy(seed(), &file).unwrap();
    std::fs::write(input.join("bad.txt"), b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n").unwrap();
    let out = dir.path().join("out");
    let o = run(&["convert", s(&input), s(&file), "-o", s(&out)]);
    let err = stderr(&o);
    assert!(err.contains("is given twice; read once"), "{err}");
    assert!(!err.contains("shares the output name"), "{err}");
    assert!(
        err.contains("converted 1 of 2, 1 failed; 1 other path skipped"),
        "{err}"
    );
    assert!(out.join("r.json").exists());
    assert!(!out.join("r.txt.json").exists());
}

#[test]
fn a_failed_write_in_a_batch_names_the_output_and_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(seed(), input.join("r.txt")).unwrap();
    let out = dir.path().join("out");
    // A folder where the output file would go.
    std::fs::create_dir_all(out.join("r.json")).unwrap();
    let o = run(&["convert", s(&input), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("is a folder"), "{err}");
    assert!(err.contains("(the output of"), "{err}");
    assert!(err.contains("r.txt)"), "{err}");
}
