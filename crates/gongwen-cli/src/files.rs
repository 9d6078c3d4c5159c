//! Reading inputs and writing outputs safely.

use crate::{Exit, Failure};
use gongwen_parse::{Document, InputFormat, Options};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// How a path is named in messages (`-` is standard input).
pub fn display_name(p: &Path) -> String {
    if p.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        p.display().to_string()
    }
}

/// The extensions `check` and batch `convert` pick up in folders.
pub const INPUT_EXTENSIONS: &[&str] = &[
    "txt", "html", "htm", "shtml", "docx", "xlsx", "xls", "xlsm", "xlsb", "ods", "csv",
];

/// The format an extension names, when it names one clearly.
fn format_hint(p: &Path) -> Option<InputFormat> {
    match p.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "html" | "htm" | "shtml" | "xhtml" => Some(InputFormat::Html),
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Some(InputFormat::Workbook),
        "docx" => Some(InputFormat::Docx),
        "csv" => Some(InputFormat::Csv),
        _ => None,
    }
}

/// Reads a file (or standard input) within the size limit and parses it.
pub fn read_and_parse(input: &Path, options: &Options) -> Result<Document, Failure> {
    let name = display_name(input);
    let fail = |exit: Exit, line: Option<usize>, message: String| Failure {
        exit,
        file: name.clone(),
        line,
        message,
    };
    let limit = options.limits.max_input_bytes;
    let mut bytes = Vec::new();
    let read = if input.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
    } else {
        match std::fs::metadata(input) {
            Ok(m) if m.is_dir() => {
                return Err(fail(
                    Exit::Input,
                    None,
                    "is a folder (expected a file)".into(),
                ));
            }
            Ok(m) if m.len() > limit => {
                return Err(fail(
                    Exit::Input,
                    None,
                    format!(
                        "the input is {} bytes, over the limit of {limit} bytes (raise it with --max-input-bytes)",
                        m.len()
                    ),
                ));
            }
            Ok(_) => {}
            Err(e) => return Err(fail(Exit::Input, None, format!("cannot read: {e}"))),
        }
        std::fs::File::open(input)
            .and_then(|f| f.take(limit.saturating_add(1)).read_to_end(&mut bytes))
    };
    if let Err(e) = read {
        return Err(fail(Exit::Input, None, format!("cannot read: {e}")));
    }
    let mut options = options.clone();
    if options.format.is_none() {
        options.format = format_hint(input);
    }
    // A named format that the bytes contradict (a PDF renamed .html) is re-sniffed.
    if options.format.is_some() && gongwen_parse::read::sniff(&bytes).is_err() {
        options.format = None;
    }
    gongwen_parse::parse(&bytes, &options).map_err(|e| match e {
        // The line goes in the `file:line:` prefix, not again in the message.
        gongwen_parse::Error::Syntax { line, message } => fail(Exit::Input, Some(line), message),
        e => fail(Exit::Input, e.line(), e.to_string()),
    })
}

/// Writes to `path` through a temporary file in the same folder, renamed into place only when
/// complete: a failed run leaves whatever was at `path` untouched and no temporary file.
/// Refuses to write over `input`. `produce` streams the content into the temporary file.
pub fn write_atomic_with(
    path: &Path,
    input: Option<&Path>,
    produce: impl FnOnce(&mut dyn Write) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let name = display_name(path);
    let fail = |message: String| Failure {
        exit: Exit::Output,
        file: name.clone(),
        line: None,
        message,
    };
    if let Some(input) = input {
        if same_file(path, input) {
            return Err(fail("refusing to write over the input file".into()));
        }
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if path.is_dir() {
        return Err(fail("is a folder (expected a file name)".into()));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".gongwen-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| {
            fail(format!(
                "cannot create a temporary file in {}: {e}",
                dir.display()
            ))
        })?;
    {
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
        produce(&mut buffered)?;
        buffered
            .flush()
            .map_err(|e| fail(format!("cannot write: {e}")))?;
    }
    tmp.as_file()
        .sync_all()
        .map_err(|e| fail(format!("cannot write: {e}")))?;
    tmp.persist(path).map_err(|e| {
        fail(format!(
            "cannot move the finished file into place: {}",
            e.error
        ))
    })?;
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    if b.as_os_str() == "-" {
        return false;
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Expands folders recursively into the input files they hold, sorted for a deterministic order.
/// Returns (root the file was found under, file) pairs; unreadable folders are reported.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<(PathBuf, PathBuf)>, Vec<Failure>) {
    let mut out = Vec::new();
    let mut failures = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            let mut stack = vec![p.clone()];
            while let Some(dir) = stack.pop() {
                let entries = match std::fs::read_dir(&dir) {
                    Ok(e) => e,
                    Err(e) => {
                        failures.push(Failure {
                            exit: Exit::Input,
                            file: dir.display().to_string(),
                            line: None,
                            message: format!("cannot read folder: {e}"),
                        });
                        continue;
                    }
                };
                for entry in entries.flatten() {
                    let path = entry.path();
                    let Ok(kind) = entry.file_type() else {
                        continue;
                    };
                    if kind.is_dir() {
                        stack.push(path);
                    } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                        INPUT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())
                    }) {
                        found.push(path);
                    }
                }
            }
            found.sort();
            out.extend(found.into_iter().map(|f| (p.clone(), f)));
        } else {
            let root = p.parent().map(Path::to_path_buf).unwrap_or_default();
            out.push((root, p.clone()));
        }
    }
    (out, failures)
}
