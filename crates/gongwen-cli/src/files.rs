//! Reading inputs and writing outputs safely: folders walked into a sorted list of entries, only
//! regular files opened from folders, outputs written atomically through symbolic links with the
//! permissions a new or replaced file should have.

use crate::interrupt::TrackedTemp;
use crate::{Exit, Failure};
use gongwen_parse::{Document, InputFormat, Options};
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// How a path is named in messages (`-` is standard input).
pub fn display_name(p: &Path) -> String {
    if p.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        p.display().to_string()
    }
}

/// The extensions `check` and batch `convert` pick up in folders. `.mht`/`.mhtml` are web
/// archives; `.doc` is picked up too, since sites publish web pages and web archives under it
/// (a real Word 97-2003 file is then reported as not supported, not silently passed over).
pub const INPUT_EXTENSIONS: &[&str] = &[
    "txt", "html", "htm", "shtml", "mht", "mhtml", "doc", "docx", "xlsx", "xls", "xlsm", "xlsb",
    "ods", "csv", "md", "markdown",
];

fn has_input_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| INPUT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The format an extension names, when it names one clearly.
fn format_hint(p: &Path) -> Option<InputFormat> {
    match p.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "html" | "htm" | "shtml" | "xhtml" => Some(InputFormat::Html),
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Some(InputFormat::Workbook),
        // A `.doc` is read only when it is no Word 97-2003 file: a Word "web page", text, or a
        // DOCX under the old name; the hint makes the reader say what it found.
        "docx" | "doc" => Some(InputFormat::Docx),
        "csv" => Some(InputFormat::Csv),
        "md" | "markdown" => Some(InputFormat::Markdown),
        _ => None,
    }
}

/// What a file system entry is, for a message that says why it was not read.
fn kind_name(t: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
    }
    if t.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

fn not_regular(t: &fs::FileType) -> String {
    format!(
        "is {}, not a regular file; not read (only regular files are read from folders)",
        kind_name(t)
    )
}

/// An I/O error as a message, without the temporary path some libraries add to it.
pub fn io_message(e: &io::Error) -> String {
    if e.raw_os_error().is_some() || e.get_ref().is_none() {
        e.to_string()
    } else {
        // Wrapped with a path (tempfile adds ` at path "/x/.gongwen-….tmp"): the path is ours.
        e.kind().to_string()
    }
}

/// Where an input or output path comes from, which decides what may be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Named on the command line: any file that can be read or written, a pipe (`<(…)`) or a
    /// device too.
    Named,
    /// Found in a folder, or an output planned by a batch: only a regular file (after following
    /// links) is opened, so a FIFO or a device can never block or flood the run.
    Found,
}

/// Opens `input` for reading; a file found in a folder is opened without waiting (a FIFO swapped
/// in after the folder was listed does not block) and refused unless it is a regular file.
fn open_input(input: &Path, origin: Origin) -> Result<File, String> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    if origin == Origin::Found {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options
        .open(input)
        .map_err(|e| format!("cannot read: {}", io_message(&e)))?;
    if origin == Origin::Found {
        let meta = file
            .metadata()
            .map_err(|e| format!("cannot read: {}", io_message(&e)))?;
        if !meta.is_file() {
            return Err(not_regular(&meta.file_type()));
        }
    }
    Ok(file)
}

/// Reads a file (or standard input) within the size limit and parses it.
pub fn read_and_parse(
    input: &Path,
    origin: Origin,
    options: &Options,
) -> Result<Document, Failure> {
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
        match fs::metadata(input) {
            Ok(m) if m.is_dir() => {
                return Err(fail(
                    Exit::Input,
                    None,
                    "is a folder (expected a file)".into(),
                ));
            }
            Ok(m) if origin == Origin::Found && !m.is_file() => {
                return Err(fail(Exit::Input, None, not_regular(&m.file_type())));
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
            Err(e) => {
                return Err(fail(
                    Exit::Input,
                    None,
                    format!("cannot read: {}", io_message(&e)),
                ));
            }
        }
        let file = open_input(input, origin).map_err(|m| fail(Exit::Input, None, m))?;
        file.take(limit.saturating_add(1)).read_to_end(&mut bytes)
    };
    if let Err(e) = read {
        return Err(fail(
            Exit::Input,
            None,
            format!("cannot read: {}", io_message(&e)),
        ));
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
        // A file named as an Office package whose bytes are none: say so, rather than only that
        // binary data is not read.
        // (A PDF or an image renamed keeps the message that names it.)
        gongwen_parse::Error::Unsupported { ref what }
            if what.starts_with("binary data") && !bytes.starts_with(b"PK") =>
        {
            match package_kind(input) {
                Some(kind) => fail(
                    Exit::Input,
                    None,
                    format!(
                        "named as {kind} but not one: such a file is a ZIP package (it starts with `PK`), and this one does not; it is damaged, or another kind of file renamed"
                    ),
                ),
                None => fail(Exit::Input, e.line(), e.to_string()),
            }
        }
        e => fail(Exit::Input, e.line(), e.to_string()),
    })
}

/// What an Office file's extension says it is, for the ZIP-packaged formats (`.docx`,
/// `.xlsx`, `.xlsm`, `.ods`).
fn package_kind(path: &Path) -> Option<&'static str> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "docx" => Some("a Word document (.docx)"),
        "xlsx" | "xlsm" => Some("an Excel workbook (.xlsx)"),
        "ods" => Some("an OpenDocument spreadsheet (.ods)"),
        _ => None,
    }
}

/// Follows `path` through symbolic links — dangling ones too — to the path an output written
/// there lands at: `-o link.json` writes to the link's target and leaves the link in place.
pub fn resolve_links(path: &Path) -> Result<PathBuf, String> {
    let mut p = path.to_path_buf();
    // As many hops as Linux follows before ELOOP.
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&p).map_err(|e| {
                    format!(
                        "cannot read the symbolic link {}: {}",
                        p.display(),
                        io_message(&e)
                    )
                })?;
                p = match p.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(p),
        }
    }
    Err("too many levels of symbolic links".into())
}

/// What a path names on disk, for telling whether two paths are the same file: links followed,
/// the longest existing ancestor made canonical and the rest joined on (an output that does not
/// exist yet still compares equal to another spelling of it).
pub fn identity(path: &Path) -> PathBuf {
    if path.as_os_str() == "-" {
        return path.to_path_buf();
    }
    let p = resolve_links(path).unwrap_or_else(|_| path.to_path_buf());
    if let Ok(c) = fs::canonicalize(&p) {
        return c;
    }
    let p = std::path::absolute(&p).unwrap_or(p);
    let mut rest = Vec::new();
    let mut cur = p.as_path();
    while let Some(parent) = cur.parent() {
        if let Some(name) = cur.file_name() {
            rest.push(name.to_os_string());
        }
        if let Ok(mut c) = fs::canonicalize(parent) {
            c.extend(rest.iter().rev());
            return c;
        }
        cur = parent;
    }
    p
}

/// The device and inode of an existing file (links followed), which two names of one file share
/// when they are hard links that no spelling of their paths tells apart; `None` where the file
/// does not exist (or off Unix).
pub fn file_key(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if path.as_os_str() == "-" {
            return None;
        }
        fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Whether two paths name the same file: the same [`identity`], or (hard links) the same
/// [`file_key`].
pub fn same_file(a: &Path, b: &Path) -> bool {
    identity(a) == identity(b) || file_key(a).is_some_and(|k| file_key(b) == Some(k))
}

/// The mode a new output gets: read and write for everyone the umask allows, as `>` in a shell.
#[cfg(unix)]
fn new_file_permissions() -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    fs::Permissions::from_mode(0o666)
}

/// Writes to `path` through a temporary file in the target's folder, renamed into place only
/// when complete: a failed run leaves whatever was at `path` untouched and no temporary file.
/// A symbolic link is written through (its target is replaced, the link stays); a file being
/// replaced keeps its permissions (and, where allowed, its owner and group); a new file gets
/// 0666 less the umask. An existing FIFO or device named on the command line (`-o /dev/null`)
/// is written into directly; one in a batch's output folder is refused (it could block the run).
/// `produce` streams the content. Messages name `path`, never the temporary file.
pub fn write_atomic_with(
    path: &Path,
    origin: Origin,
    produce: impl FnOnce(&mut dyn Write) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let name = display_name(path);
    let fail = |message: String| Failure {
        exit: Exit::Output,
        file: name.clone(),
        line: None,
        message,
    };
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => return Err(fail("is a folder (expected a file name)".into())),
        Ok(m) if !m.is_file() && origin == Origin::Found => {
            return Err(fail(format!(
                "is {}, not a regular file; not written",
                kind_name(&m.file_type())
            )));
        }
        Ok(m) if !m.is_file() => {
            // A pipe or a device is not replaced by a file: write into it as a shell would.
            let file = fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| fail(format!("cannot write: {}", io_message(&e))))?;
            let mut buffered = io::BufWriter::with_capacity(1 << 16, file);
            produce(&mut buffered)?;
            return buffered
                .flush()
                .map_err(|e| fail(format!("cannot write: {}", io_message(&e))));
        }
        _ => {}
    }
    let target = resolve_links(path).map_err(fail)?;
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let existing = fs::metadata(&target).ok().filter(|m| m.is_file());
    #[cfg(unix)]
    let permissions = Some(new_file_permissions());
    #[cfg(not(unix))]
    let permissions = None;
    // The output goes into its folder through a file beside it: a folder that is not there (or
    // is no folder) is said so, not as a temporary file that could not be made.
    match fs::metadata(&dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(fail(format!(
                "cannot write: there is no folder {}",
                dir.display()
            )));
        }
        Ok(m) if !m.is_dir() => {
            return Err(fail(format!(
                "cannot write: {} is not a folder",
                dir.display()
            )));
        }
        _ => {}
    }
    let mut tmp = TrackedTemp::create_in(&dir, permissions).map_err(|e| {
        fail(format!(
            "cannot write in the folder {}: {}",
            dir.display(),
            io_message(&e)
        ))
    })?;
    if let Some(old) = &existing {
        keep_owner_and_mode(tmp.file(), old)
            .map_err(|e| fail(format!("cannot set permissions: {}", io_message(&e))))?;
    }
    {
        let mut buffered = io::BufWriter::with_capacity(1 << 16, tmp.file_mut());
        produce(&mut buffered)?;
        buffered
            .flush()
            .map_err(|e| fail(format!("cannot write: {}", io_message(&e))))?;
    }
    crate::interrupt::test_pause_before_rename(tmp.path());
    tmp.file()
        .sync_all()
        .map_err(|e| fail(format!("cannot write: {}", io_message(&e))))?;
    tmp.persist(&target).map_err(|e| {
        fail(format!(
            "cannot move the finished file into place: {}",
            io_message(&e)
        ))
    })?;
    Ok(())
}

/// Gives the replacement the mode of the file it replaces and, best effort, its owner and group
/// (only root may give a file away; a group the user is in is kept for anyone).
#[cfg(unix)]
fn keep_owner_and_mode(tmp: &File, old: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    tmp.set_permissions(old.permissions())?;
    let now = tmp.metadata()?;
    if now.uid() != old.uid() || now.gid() != old.gid() {
        // Not allowed for ordinary users giving a file to someone else: the mode is what matters.
        let _ = std::os::unix::fs::fchown(tmp, Some(old.uid()), Some(old.gid()))
            .or_else(|_| std::os::unix::fs::fchown(tmp, None, Some(old.gid())));
        // A changed owner clears set-id bits; put the mode back once more.
        tmp.set_permissions(old.permissions())?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn keep_owner_and_mode(tmp: &File, old: &fs::Metadata) -> io::Result<()> {
    tmp.set_permissions(old.permissions())
}

/// One entry of a batch, in the order it is reported.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The folder named on the command line it was found under (for a file named on the command
    /// line, its own folder): outputs mirror the path below it.
    pub root: PathBuf,
    /// The entry's path.
    pub path: PathBuf,
    /// What to do with it.
    pub kind: EntryKind,
}

/// What a batch does with an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryKind {
    /// A file to read.
    Input(Origin),
    /// An entry that cannot be read: a folder that cannot be listed, or a FIFO, socket or device
    /// with an input extension. Reported as an unreadable input (exit 3).
    Unreadable(String),
    /// Passed over on purpose, with a note: a symbolic link to a folder (not followed, so a run
    /// neither loops nor leaves the folder it was given).
    Skipped(String),
}

impl Entry {
    /// The entry as a failure to report, when it is one.
    pub fn failure(&self) -> Option<Failure> {
        match &self.kind {
            EntryKind::Unreadable(message) => Some(Failure {
                exit: Exit::Input,
                file: display_name(&self.path),
                line: None,
                message: message.clone(),
            }),
            _ => None,
        }
    }
}

/// Expands folders recursively into the entries they hold, each folder's sorted by path for a
/// deterministic order; paths that are not folders are taken as named. Only regular files with
/// an input extension are read from folders; other entries with one are unreadable, links to
/// folders are skipped with a note, and a folder that cannot be listed is unreadable. `output`,
/// the folder a batch writes to, is left out of the walk with a note when it lies inside an
/// input folder: the outputs of an earlier run are not inputs of this one.
///
/// A file reached twice (named and inside a folder also named, or by two spellings) is read
/// once, where it is first reached; the later ones are skipped with a note naming it.
pub fn collect_inputs(paths: &[PathBuf], output: Option<&Path>) -> Collected {
    let output = output.and_then(|o| fs::canonicalize(o).ok());
    let mut out = Vec::new();
    let mut passed_over = PassedOver::default();
    for p in paths {
        if p.as_os_str() != "-" && p.is_dir() {
            out.extend(walk(p, output.as_deref(), &mut passed_over));
        } else {
            let root = p.parent().map(Path::to_path_buf).unwrap_or_default();
            out.push(Entry {
                root,
                path: p.clone(),
                kind: EntryKind::Input(Origin::Named),
            });
        }
    }
    let mut first: std::collections::HashMap<PathBuf, usize> = std::collections::HashMap::new();
    for i in 0..out.len() {
        if !matches!(out[i].kind, EntryKind::Input(_)) || out[i].path.as_os_str() == "-" {
            continue;
        }
        let id = identity(&out[i].path);
        match first.get(&id) {
            Some(&j) => {
                let (this, that) = (display_name(&out[i].path), display_name(&out[j].path));
                let note = if this == that {
                    "is given twice; read once".to_string()
                } else {
                    format!("is the same file as {that}; read once")
                };
                out[i].kind = EntryKind::Skipped(note);
            }
            None => {
                first.insert(id, i);
            }
        }
    }
    Collected {
        entries: out,
        passed_over,
    }
}

/// What [`collect_inputs`] found: the entries, and the files in the folders that are of no input
/// format.
pub struct Collected {
    pub entries: Vec<Entry>,
    pub passed_over: PassedOver,
}

/// Files found in folders that are of no input format (a PDF, a `.wps`), counted by extension
/// (lower case; `""` for none), so that a run says what it passed over instead of reporting a
/// folder of PDFs as converted.
#[derive(Debug, Default)]
pub struct PassedOver(std::collections::BTreeMap<String, usize>);

impl PassedOver {
    fn add(&mut self, path: &Path) {
        // Hidden files (`.DS_Store`, an editor's swap file) are no one's inputs.
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            return;
        }
        let ext = path
            .extension()
            .map(|e| format!(".{}", e.to_string_lossy().to_lowercase()))
            .unwrap_or_default();
        *self.0.entry(ext).or_default() += 1;
    }

    /// How many files were passed over.
    pub fn count(&self) -> usize {
        self.0.values().sum()
    }

    /// `3 files of other formats passed over (2 .pdf, 1 with no extension)`, or `None`.
    pub fn note(&self) -> Option<String> {
        let count = self.count();
        if count == 0 {
            return None;
        }
        let kinds: Vec<String> = self
            .0
            .iter()
            .map(|(ext, n)| {
                if ext.is_empty() {
                    format!("{n} with no extension")
                } else {
                    format!("{n} {ext}")
                }
            })
            .collect();
        Some(format!(
            "{count} file{} of other formats passed over ({}; inputs are {})",
            if count == 1 { "" } else { "s" },
            kinds.join(", "),
            INPUT_EXTENSIONS
                .iter()
                .map(|e| format!(".{e}"))
                .collect::<Vec<_>>()
                .join(" ")
        ))
    }
}

fn walk(root: &Path, output: Option<&Path>, passed_over: &mut PassedOver) -> Vec<Entry> {
    let mut found = Vec::new();
    let entry = |path: PathBuf, kind: EntryKind| Entry {
        root: root.to_path_buf(),
        path,
        kind,
    };
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                let message = format!("cannot read folder: {}", io_message(&e));
                found.push(entry(dir, EntryKind::Unreadable(message)));
                continue;
            }
        };
        for item in entries {
            let item = match item {
                Ok(i) => i,
                Err(e) => {
                    let message = format!("cannot list the whole folder: {}", io_message(&e));
                    found.push(entry(dir.clone(), EntryKind::Unreadable(message)));
                    break;
                }
            };
            let path = item.path();
            let kind = match item.file_type() {
                Ok(k) => k,
                Err(e) => {
                    if has_input_extension(&path) {
                        let message = format!("cannot read: {}", io_message(&e));
                        found.push(entry(path, EntryKind::Unreadable(message)));
                    }
                    continue;
                }
            };
            if kind.is_dir() {
                if output.is_some_and(|o| fs::canonicalize(&path).is_ok_and(|c| c == o)) {
                    let note = "is the output folder; its files are not read as inputs".to_string();
                    found.push(entry(path, EntryKind::Skipped(note)));
                } else {
                    stack.push(path);
                }
            } else if kind.is_symlink() {
                match fs::metadata(&path) {
                    Ok(m) if m.is_dir() => {
                        let note = "is a symbolic link to a folder; skipped (links to folders are not followed)".to_string();
                        found.push(entry(path, EntryKind::Skipped(note)));
                    }
                    Ok(m) if !has_input_extension(&path) => {
                        if m.is_file() {
                            passed_over.add(&path);
                        }
                    }
                    _ if !has_input_extension(&path) => {}
                    Ok(m) if m.is_file() => {
                        found.push(entry(path, EntryKind::Input(Origin::Found)))
                    }
                    Ok(m) => {
                        let message = not_regular(&m.file_type());
                        found.push(entry(path, EntryKind::Unreadable(message)));
                    }
                    Err(e) => {
                        let message = format!(
                            "is a symbolic link that cannot be followed: {}",
                            io_message(&e)
                        );
                        found.push(entry(path, EntryKind::Unreadable(message)));
                    }
                }
            } else if has_input_extension(&path) {
                let kind = if kind.is_file() {
                    EntryKind::Input(Origin::Found)
                } else {
                    EntryKind::Unreadable(not_regular(&kind))
                };
                found.push(entry(path, kind));
            } else if kind.is_file() {
                passed_over.add(&path);
            }
        }
    }
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found
}
