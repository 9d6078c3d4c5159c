//! `gongwen`: convert and check Chinese government documents (公文).
//!
//! The binary only wires the parser and the writers to files, flags and exit codes:
//! 0 ok, 1 a document has errors, 2 usage, 3 input unreadable or unsupported, 4 output could not
//! be written, 130 interrupted (unfinished outputs removed).
#![forbid(unsafe_code)]

/// mimalloc: a parse makes thousands of small strings and tree nodes, which it serves at about
/// half the instructions of glibc's malloc (README, Performance).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod batch;
mod files;
mod interrupt;

use clap::{Args, Parser, Subcommand, ValueEnum};
use gongwen_parse::{Document, Limits, Options, Severity};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit codes, as documented in the README.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Everything worked.
    Ok = 0,
    /// A document parsed with error diagnostics.
    DocumentErrors = 1,
    /// The command line was wrong.
    Usage = 2,
    /// An input could not be read or is not a supported format.
    Input = 3,
    /// An output could not be written.
    Output = 4,
}

/// A failure to report as `gongwen: <file>:<line>: <message>`: the CLI's one error type.
#[derive(Debug, Clone, thiserror::Error)]
#[error("gongwen: {}{}: {}", .file, .line.map(|l| format!(":{l}")).unwrap_or_default(), .message)]
pub struct Failure {
    /// The exit code it maps to.
    pub exit: Exit,
    /// The file it is about.
    pub file: String,
    /// The line, when known.
    pub line: Option<usize>,
    /// What went wrong and what was expected.
    pub message: String,
}

#[derive(Parser)]
#[command(
    name = "gongwen",
    version,
    about = "Turn Chinese government documents (公文) into JSON, XLSX and normalized text"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Convert a notice (text, HTML or workbook) to JSON, XLSX or normalized text.
    ///
    /// One input: writes to OUTPUT, or to standard output without -o (or with -o -).
    /// Several inputs or a folder: -o names an output folder, files are converted in parallel;
    /// inputs that would share an output name keep their own extension (a.txt.json, a.html.json).
    /// An output is never the input of the same run; outputs are written whole or not at all.
    Convert(ConvertArgs),
    /// Parse notices and report what each contains and what looks wrong.
    Check(CheckArgs),
    /// Print the JSON Schema of the JSON output.
    Schema,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum To {
    /// The JSON contract (pretty-printed).
    Json,
    /// A workbook: 任务分工, 按单位, 文档信息, 结构.
    Xlsx,
    /// Normalized plain text.
    Text,
}

impl To {
    fn extension(self) -> &'static str {
        match self {
            To::Json => "json",
            To::Xlsx => "xlsx",
            To::Text => "txt",
        }
    }

    /// Whether an output's extension names a format gongwen does not write (`.xls`, `.csv`,
    /// `.md`, `.docx`…): JSON under such a name is a file its user's program cannot open.
    fn foreign_extension(p: &Path) -> Option<String> {
        const FOREIGN: &[&str] = &[
            "xls", "xlsm", "xlsb", "ods", "et", "csv", "tsv", "md", "markdown", "doc", "docx",
            "wps", "odt", "rtf", "html", "htm", "pdf", "ofd",
        ];
        let ext = p.extension()?.to_str()?.to_ascii_lowercase();
        FOREIGN.contains(&ext.as_str()).then_some(ext)
    }

    fn from_path(p: &Path) -> Option<To> {
        match p.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "json" => Some(To::Json),
            "xlsx" => Some(To::Xlsx),
            "txt" | "text" => Some(To::Text),
            _ => None,
        }
    }
}

#[derive(Args)]
struct ConvertArgs {
    /// Input files or folders (`-` reads standard input).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output file (one input; `-` is standard output; a symbolic link is written through to
    /// its target) or folder (several inputs or a folder).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Output format; defaults to the output file's extension, else JSON. XLSX goes to standard
    /// output only when it is redirected (a workbook is not printed on a terminal).
    #[arg(long, value_enum)]
    to: Option<To>,
    /// Do not print the documents' warnings.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(Args)]
struct CheckArgs {
    /// Files or folders (searched recursively for .txt, .html, .htm, .mht, .doc, .docx, .xlsx,
    /// .xls, .ods, .csv; links to folders are not followed).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Write one JSON object per document per line (JSON Lines) instead of text lines.
    #[arg(long)]
    json: bool,
    /// Do not print the documents' warnings and errors under their lines (text mode; the JSON
    /// lines always carry them).
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    limits: LimitArgs,
}

/// Limits that keep hostile input in check; see the README.
#[derive(Args, Clone)]
pub struct LimitArgs {
    /// Largest input accepted, in bytes.
    #[arg(long, default_value_t = Limits::default().max_input_bytes)]
    max_input_bytes: u64,
    /// Most cells one table may have after spans are expanded.
    #[arg(long, default_value_t = Limits::default().max_grid_cells)]
    max_grid_cells: u64,
    /// Deepest HTML nesting walked.
    #[arg(long, default_value_t = Limits::default().max_depth)]
    max_depth: u32,
    /// Largest total size a workbook's ZIP entries may expand to, in bytes.
    #[arg(long, default_value_t = Limits::default().max_unzipped_bytes)]
    max_unzipped_bytes: u64,
    /// Most times one ZIP entry (a DOCX part, a sheet) may expand its compressed size, past 1 MiB.
    #[arg(long, default_value_t = Limits::default().max_unzip_ratio)]
    max_unzip_ratio: u64,
    /// Most cells read from one workbook.
    #[arg(long, default_value_t = Limits::default().max_sheet_cells)]
    max_sheet_cells: u64,
    /// Most lines of a text, elements of a page, or paragraphs and tables of one input.
    #[arg(long, default_value_t = Limits::default().max_blocks)]
    max_blocks: u64,
}

impl LimitArgs {
    fn limits(&self) -> Limits {
        Limits {
            max_input_bytes: self.max_input_bytes,
            max_grid_cells: self.max_grid_cells,
            max_depth: self.max_depth,
            max_unzipped_bytes: self.max_unzipped_bytes,
            max_unzip_ratio: self.max_unzip_ratio,
            max_sheet_cells: self.max_sheet_cells,
            max_blocks: self.max_blocks,
            ..Limits::default()
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let exit = match cli.command {
        Command::Convert(args) => convert(args),
        Command::Check(args) => {
            batch::check(&args.paths, args.json, args.quiet, &args.limits.limits())
        }
        Command::Schema => {
            let schema = gongwen_emit::json::schema();
            let text = serde_json::to_string_pretty(&schema).unwrap_or_default();
            match writeln!(std::io::stdout(), "{text}") {
                Ok(()) => Exit::Ok,
                // A reader that stops early (`| head`) is not a failure, as for `convert`.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Exit::Ok,
                Err(_) => Exit::Output,
            }
        }
    };
    ExitCode::from(exit as u8)
}

fn usage(message: impl std::fmt::Display) -> Exit {
    eprintln!("gongwen: {message}");
    Exit::Usage
}

fn convert(args: ConvertArgs) -> Exit {
    let options = Options {
        format: None,
        limits: args.limits.limits(),
    };
    // `-o -` is standard output, as `-` as an input is standard input.
    let output = args.output.filter(|o| o.as_os_str() != "-");
    let to_stdout = output.is_none();
    let single =
        args.inputs.len() == 1 && (args.inputs[0].as_os_str() == "-" || !args.inputs[0].is_dir());
    if !single {
        let Some(out_dir) = &output else {
            return usage(
                "converting several inputs or a folder needs -o OUTPUT_FOLDER (not standard output)",
            );
        };
        if args.inputs.iter().any(|i| i.as_os_str() == "-") {
            return usage("standard input (-) can only be converted on its own");
        }
        let to = args.to.unwrap_or(To::Json);
        interrupt::install();
        return batch::convert_many(&args.inputs, out_dir, to, &options, args.quiet);
    }
    let input = &args.inputs[0];
    if args.to.is_none()
        && let Some(ext) = output.as_deref().and_then(To::foreign_extension)
    {
        return usage(format!(
            "-o {}: gongwen writes JSON (.json), XLSX (.xlsx) or text (.txt), not .{ext}; name the output so, or say the format with --to",
            output
                .as_deref()
                .map(Path::display)
                .map(|d| d.to_string())
                .unwrap_or_default()
        ));
    }
    let to = args
        .to
        .or_else(|| output.as_deref().and_then(To::from_path))
        .unwrap_or(To::Json);
    if to == To::Xlsx && to_stdout && std::io::stdout().is_terminal() {
        return usage("XLSX output needs -o FILE.xlsx (or redirect standard output)");
    }
    let name = files::display_name(input);
    if let Some(out) = &output
        && input.as_os_str() != "-"
        && files::same_file(out, input)
    {
        let f = Failure {
            exit: Exit::Output,
            file: files::display_name(out),
            line: None,
            message: format!(
                "is the input {name}; refusing to write over it (choose another output)"
            ),
        };
        eprintln!("{f}");
        return f.exit;
    }
    let doc = match files::read_and_parse(input, files::Origin::Named, &options) {
        Ok(d) => d,
        Err(f) => {
            eprintln!("{f}");
            return f.exit;
        }
    };
    let mut stderr = std::io::stderr();
    let written = match &output {
        Some(out) => {
            interrupt::install();
            let out_name = files::display_name(out);
            files::write_atomic_with(out, files::Origin::Named, |w| {
                render_into(&doc, to, (&name, &out_name), args.quiet, w, &mut stderr)
            })
        }
        None => {
            let stdout = std::io::stdout();
            let mut lock = std::io::BufWriter::new(stdout.lock());
            let names = (name.as_str(), "<stdout>");
            match render_into(&doc, to, names, args.quiet, &mut lock, &mut stderr).and_then(|_| {
                lock.flush().map_err(|e| Failure {
                    exit: Exit::Output,
                    file: "<stdout>".into(),
                    line: None,
                    message: format!("cannot write: {e}"),
                })
            }) {
                // A reader that stops early (`| head`) is not a failure.
                Err(f) if f.message.contains("Broken pipe") => return Exit::Ok,
                other => other,
            }
        }
    };
    if let Err(f) = written {
        eprintln!("{f}");
        return f.exit;
    }
    if !args.quiet {
        report_diagnostics(&name, &doc, &mut std::io::stderr().lock());
    }
    document_exit(&doc)
}

/// Writes a document in the requested format into `out`, streaming JSON and text; writer
/// warnings go to `warnings` unless `quiet`.
pub fn render_into(
    doc: &Document,
    to: To,
    (name, out_name): (&str, &str),
    quiet: bool,
    out: &mut dyn Write,
    warnings: &mut dyn Write,
) -> Result<(), Failure> {
    let fail = |message: String| Failure {
        exit: Exit::Output,
        file: name.to_string(),
        line: None,
        message,
    };
    // What failed to be written is the output, and the message names it.
    let write_fail = |message: String| Failure {
        exit: Exit::Output,
        file: out_name.to_string(),
        line: None,
        message,
    };
    match to {
        To::Json => gongwen_emit::json::write_json(doc, out).map_err(|e| write_fail(e.to_string())),
        To::Text => out
            .write_all(gongwen_emit::text::to_text(doc).as_bytes())
            .map_err(|e| write_fail(format!("cannot write: {e}"))),
        To::Xlsx => {
            let xlsx = gongwen_emit::xlsx::to_xlsx(doc).map_err(|e| fail(e.to_string()))?;
            if !quiet {
                for w in &xlsx.warnings {
                    let cell = w
                        .cell
                        .as_deref()
                        .map(|c| format!("{c}: "))
                        .unwrap_or_default();
                    let _ = writeln!(warnings, "gongwen: {name}: warning: {cell}{}", w.message);
                }
            }
            out.write_all(&xlsx.bytes)
                .map_err(|e| write_fail(format!("cannot write: {e}")))
        }
    }
}

/// Prints warnings and errors as `gongwen: file:line: severity: message` to `err`.
pub fn report_diagnostics(name: &str, doc: &Document, err: &mut dyn Write) {
    for d in doc
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
    {
        let sev = if d.severity == Severity::Error {
            "error"
        } else {
            "warning"
        };
        let loc = match (d.line, &d.cell) {
            (_, Some(c)) => format!("{name}:{c}"),
            (Some(l), None) => format!("{name}:{l}"),
            (None, None) => name.to_string(),
        };
        let _ = writeln!(err, "gongwen: {loc}: {sev}: {} [{}]", d.message, d.code);
    }
}

/// Exit code for a parsed document: 1 when it has error diagnostics.
pub fn document_exit(doc: &Document) -> Exit {
    if doc.worst() == Some(Severity::Error) {
        Exit::DocumentErrors
    } else {
        Exit::Ok
    }
}
