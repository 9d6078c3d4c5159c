//! Markdown reader: a notice written as Markdown (a page saved or copied as Markdown, a note of
//! Obsidian, Typora or 语雀, a WeChat post run through a converter) made the plain text the text
//! reader reads, line for line.
//!
//! [`pulldown_cmark`] parses the Markdown; what it finds is written back as text on the line it
//! came from, so that every paragraph and table row keeps its source line (and diagnostics
//! their line numbers):
//!
//! - emphasis dropped (`**（一）加快5G网络建设。**到2025年…` → `（一）加快5G网络建设。到2025年…`),
//!   also where CommonMark leaves it unmatched next to CJK punctuation ([`Entry::finish`]);
//! - links read as their text, code spans as theirs, images dropped, backslash escapes
//!   (`1\.`, `\[`) and entities (`&emsp;`, `&nbsp;`) resolved;
//! - `<br>` in a paragraph a line break; other HTML tags dropped, their text kept
//!   (`<div align="right">甲<br>2024年3月25日</div>` → `甲`, `2024年3月25日`);
//! - quotes (`> `) unquoted, heading marks dropped, list markers (`1.`, `-`) kept, front
//!   matter (`---` … `---` at the top) dropped;
//! - pipe tables kept as pipe rows (`| 1 | 省科技厅 |`), their cells' markup resolved, since
//!   the text reader reads them.
//!
//! Lines indented by four spaces are read as text, not as code: a notice indents its
//! paragraphs.
//!
//! Plain text is never read as Markdown: [`markdown_signal`] asks for a sign that nothing but
//! Markdown prints (a `# ` heading, a `|---|` table rule, `**…**` opening a line, a
//! `[text](http…)` link, front matter, an `&emsp;` entity, a `<br>` tag), and turns a notice
//! without any of the bytes such a sign needs down in a few vectorized searches.

use crate::blocks::Blocks;
use memchr::{memchr, memchr3, memrchr};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Plain text made of Markdown ([`resolve`]), with the source line of each of its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The text, one line for each source line (blank where the source line printed nothing:
    /// a table rule aside, front matter, an image), a `<br>` in a paragraph a line more.
    pub text: String,
    /// The source line (0-based) of each line of `text`; empty when line `i` is source line
    /// `i` throughout (no `<br>` broke a paragraph).
    origin: Vec<usize>,
}

impl Resolved {
    /// Puts the blocks read from [`Resolved::text`] (and the reader's diagnostics) back on the
    /// source lines: a signature `甲<br>2024年3月25日` on line 12 is two paragraphs of line 12.
    pub fn map_lines(&self, blocks: &mut Blocks) {
        blocks.map_lines(&self.origin);
    }
}

/// The first sign that `text` is Markdown, as the 1-based line it is on and what it is (`a
/// heading "# "`); `None` for plain text.
///
/// Only what plain notices never print counts: a heading `# 标题` (one to six `#`, a space,
/// text), a table rule `|---|:---:|` under a row with a bar, a link or image whose target is a
/// URL or a path (`[省科技厅](http://…)`, `![](https://…)`), front matter (`---` on the first
/// line, `key: value` on the next), an entity for a space (`&emsp;`, `&nbsp;`, `&ensp;`), an
/// HTML line-break or block tag (`<br>`, `<div …>`, `</p>`), and emphasis opening a line and
/// closed on it — `**（一）…。**` (or `__…__`) once, `*…*` (or `_…_`) on two lines, since
/// a plain note may open `*注：带*号…`. `〔2021〕`, `[2021]`, `※`, `<<`, `1.`, a redacted
/// `王**` and indentation are no signs. A text without `#`, `|`, `*`, `_`, `]`, `&`, `<` and
/// front matter is turned down in three vectorized searches. The flag is true when the only signs
/// are weak — an entity or an HTML tag, a page's leftovers in a copied text — and the text is
/// then read with its other marks taken literally (`王**` stays a redaction).
pub fn markdown_signal(text: &str) -> Option<(usize, &'static str, bool)> {
    let bytes = text.as_bytes();
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    if front_matter(body) {
        return Some((1, "front matter `---`", false));
    }
    let line_of = |at: usize| bytes.iter().take(at).filter(|&&b| b == b'\n').count() + 1;
    // Emphasis that opens a line: `**…**` counts two, `*…*` one; two make a sign.
    let mut emphasis = 0;
    let mut from = 0;
    while let Some(found) = bytes
        .get(from..)
        .and_then(|rest| memchr3(b'#', b'|', b'*', rest))
    {
        let at = from + found;
        let (start, end) = line_bounds(bytes, at);
        let line = &bytes[start..end];
        let found = match bytes[at] {
            b'#' => is_heading(line).then_some("a heading `#`"),
            b'|' => (is_table_rule(line)
                && start > 0
                && memchr(b'|', &bytes[line_bounds(bytes, start - 1).0..start]).is_some())
            .then_some("a table rule `|---|`"),
            _ => {
                emphasis += opening_emphasis(line, b'*');
                (emphasis >= 2).then_some("emphasis `**…**`")
            }
        };
        if let Some(what) = found {
            return Some((line_of(at), what, false));
        }
        // Each line is looked at once, whatever number of marks it holds.
        from = end + 1;
    }
    // An entity or an HTML tag is a weak sign (a page's leftovers in copied text): the first is
    // kept while a strong one is looked for.
    let mut weak = None;
    from = 0;
    while let Some(found) = bytes
        .get(from..)
        .and_then(|rest| memchr3(b'_', b']', b'&', rest))
    {
        let at = from + found;
        let rest = &bytes[at..];
        let found = match bytes[at] {
            b'_' => {
                let (start, end) = line_bounds(bytes, at);
                emphasis += opening_emphasis(&bytes[start..end], b'_');
                from = end;
                (emphasis >= 2).then_some("emphasis `__…__`")
            }
            // The link's text: after a `[` on the same line, looked for a short way back.
            b']' => link_target(rest)
                .then(|| {
                    let back = &bytes[at.saturating_sub(1024)..at];
                    let line = memrchr(b'\n', back).map_or(back, |n| &back[n + 1..]);
                    memrchr(b'[', line)
                })
                .flatten()
                .map(|_| "a link `[…](…)`"),
            _ => [
                ("&emsp;", "an entity `&emsp;`"),
                ("&nbsp;", "an entity `&nbsp;`"),
                ("&ensp;", "an entity `&ensp;`"),
                ("&#12288;", "an entity `&#12288;`"),
            ]
            .iter()
            .find(|(e, _)| {
                rest.len() >= e.len() && rest[..e.len()].eq_ignore_ascii_case(e.as_bytes())
            })
            .map(|(_, what)| *what),
        };
        match found {
            Some(what) if bytes[at] == b'&' && weak.is_none() => {
                weak = Some((line_of(at), what, true));
            }
            Some(_) if bytes[at] == b'&' => {}
            Some(what) => return Some((line_of(at), what, false)),
            None => {}
        }
        from = from.max(at) + 1;
    }
    if weak.is_some() {
        return weak;
    }
    from = 0;
    while let Some(found) = bytes.get(from..).and_then(|rest| memchr(b'<', rest)) {
        let at = from + found;
        if html_tag(&bytes[at..]).is_some_and(|(_, name)| is_break_tag(name)) {
            return Some((line_of(at), "an HTML tag `<br>`", true));
        }
        from = at + 1;
    }
    None
}

/// The start and end (before its line break) of the line that holds byte `at`.
fn line_bounds(bytes: &[u8], at: usize) -> (usize, usize) {
    let start = memrchr(b'\n', &bytes[..at]).map_or(0, |n| n + 1);
    let end = memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n);
    let end = if end > start && bytes[end - 1] == b'\r' {
        end - 1
    } else {
        end
    };
    (start, end)
}

/// Front matter: `---` alone on the first line and `key: value` (an ASCII key) on the next,
/// as note-taking tools and web clippers write it.
fn front_matter(bytes: &[u8]) -> bool {
    let Some(rest) = bytes.strip_prefix(b"---") else {
        return false;
    };
    let rest = rest.strip_prefix(b"\r").unwrap_or(rest);
    let Some(next) = rest.strip_prefix(b"\n") else {
        return false;
    };
    let key = next
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
        .count();
    key > 0 && next.get(key) == Some(&b':')
}

/// An ATX heading line: up to three spaces, one to six `#`, a space or tab, then text (`#1机组`
/// and a lone `#` are no headings).
fn is_heading(line: &[u8]) -> bool {
    let indent = line.iter().take_while(|&&b| b == b' ').count();
    let marks = line.iter().skip(indent).take_while(|&&b| b == b'#').count();
    let rest = &line[indent + marks..];
    indent <= 3
        && (1..=6).contains(&marks)
        && matches!(rest.first(), Some(b' ' | b'\t'))
        && rest.iter().any(|b| !b.is_ascii_whitespace() && *b != b'#')
}

/// A table's rule row: `|---|:---:|`, `---|---` — bars, at least one, and cells of `-` with an
/// optional `:` at either end.
fn is_table_rule(line: &[u8]) -> bool {
    let t = line.trim_ascii();
    if memchr(b'|', t).is_none() || memchr(b'-', t).is_none() {
        return false;
    }
    let t = t.strip_prefix(b"|").unwrap_or(t);
    let t = t.strip_suffix(b"|").unwrap_or(t);
    t.split(|&b| b == b'|').all(|cell| {
        let c = cell.trim_ascii();
        let c = c.strip_prefix(b":").unwrap_or(c);
        let c = c.strip_suffix(b":").unwrap_or(c);
        !c.is_empty() && c.iter().all(|&b| b == b'-')
    })
}

/// How much emphasis of `mark` (`*` or `_`) opening `line` counts toward a sign
/// ([`markdown_signal`]): 2 for `**…**` or `__…__`, 1 for `*…*` or `_…_`, each opened at the line's start (after up to three
/// spaces) before text and closed by the same run after text on the same line; else 0.
fn opening_emphasis(line: &[u8], mark: u8) -> u32 {
    let indent = line.iter().take_while(|&&b| b == b' ').count();
    if indent > 3 || line.get(indent) != Some(&mark) {
        return 0;
    }
    let run = line[indent..].iter().take_while(|&&b| b == mark).count();
    let inner = &line[indent + run..];
    if run > 2 || inner.first().is_none_or(u8::is_ascii_whitespace) {
        return 0;
    }
    // The closing run: exactly as long, after text that is not white space.
    let mut i = 1;
    while i < inner.len() {
        if inner[i] == mark {
            let len = inner[i..].iter().take_while(|&&b| b == mark).count();
            if len == run && !inner[i - 1].is_ascii_whitespace() {
                return run as u32;
            }
            i += len;
        } else {
            i += 1;
        }
    }
    0
}

/// Whether the bytes after a `]` are a link's target: `(` and a URL or a path
/// (`http://`, `https://`, `ftp://`, `mailto:`, `www.`, `/`, `./`, `../`, `#`) up to `)`
/// without white space — not `[2021](一)` or `[注](1)`.
fn link_target(after: &[u8]) -> bool {
    let Some(target) = after.strip_prefix(b"](") else {
        return false;
    };
    let url = [
        &b"http://"[..],
        b"https://",
        b"ftp://",
        b"mailto:",
        b"www.",
        b"/",
        b"./",
        b"../",
        b"#",
    ];
    // Up to the `)`; a bracket or white space ends the look (so that each `](` of a line is
    // looked past once).
    let end = target.iter().position(|&b| {
        matches!(b, b')' | b'(' | b'[' | b']' | b'<' | b'>') || b.is_ascii_whitespace()
    });
    end.is_some_and(|e| target[e] == b')')
        && url
            .iter()
            .any(|u| target.len() >= u.len() && target[..u.len()].eq_ignore_ascii_case(u))
}

/// An HTML tag at the start of `bytes` (`<br>`, `</div>`, `<p align="right">`): whether it
/// closes (`</…>`) and its name (ASCII letters and digits). `None` for what is no tag: `<<`,
/// `<规划>`, `< 5`.
fn html_tag(bytes: &[u8]) -> Option<(bool, &[u8])> {
    let rest = bytes.strip_prefix(b"<")?;
    let closing = rest.first() == Some(&b'/');
    let rest = if closing { &rest[1..] } else { rest };
    if !rest.first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name_len = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = &rest[..name_len];
    // After the name: `>`, `/>`, white space and attributes, or the line's end.
    match rest.get(name_len) {
        None | Some(b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n') => Some((closing, name)),
        _ => None,
    }
}

/// The length of the tag at the start of `bytes`, up to its `>`; `None` when it goes on past
/// the line.
fn tag_len(bytes: &[u8]) -> Option<usize> {
    bytes
        .iter()
        .take_while(|&&b| b != b'\n')
        .position(|&b| b == b'>')
        .map(|p| p + 1)
}

/// A tag that breaks the line where it stands: `<br>`, and the block elements a Markdown
/// writer puts a notice's lines in (`<p>`, `<div>`, `<center>`, headings, list items, rows).
fn is_break_tag(name: &[u8]) -> bool {
    const BREAKS: [&[u8]; 20] = [
        b"br",
        b"p",
        b"div",
        b"center",
        b"li",
        b"tr",
        b"table",
        b"ul",
        b"ol",
        b"blockquote",
        b"h1",
        b"h2",
        b"h3",
        b"h4",
        b"h5",
        b"h6",
        b"hr",
        b"section",
        b"dd",
        b"dt",
    ];
    BREAKS.iter().any(|b| b.eq_ignore_ascii_case(name))
}

/// A text read as Markdown: its plain form, and the line and kind of the sign it was taken for
/// Markdown by (`None` when the caller named the format).
pub type Found = (Resolved, Option<usize>, &'static str);

/// `text` made plain ([`to_plain`]) when it is Markdown by a sign ([`markdown_signal`]), with
/// the sign; `None` for plain text (left as it is).
pub fn resolve(text: &str) -> Option<Found> {
    let (line, what, weak) = markdown_signal(text)?;
    // Unicode line separators are line breaks to the text reader but not to Markdown: such a
    // text keeps its lines as they are.
    if memchr::memmem::find(text.as_bytes(), "\u{2028}".as_bytes()).is_some()
        || memchr::memmem::find(text.as_bytes(), "\u{2029}".as_bytes()).is_some()
    {
        return None;
    }
    Some((to_plain_as(text, weak), Some(line), what))
}

/// Writes Markdown as the plain text the text reader reads, line for line (see the module's
/// documentation): `**（一）加快5G网络建设。**到2025年` → `（一）加快5G网络建设。到2025年`,
/// `| 2 | [省科技厅](http://kjt.gd.gov.cn) |` → `| 2 | 省科技厅 |`.
pub fn to_plain(text: &str) -> Resolved {
    to_plain_as(text, false)
}

/// [`to_plain`]; when `literal`, the text is Markdown only by a weak sign (an entity, an HTML
/// tag: a page's leftovers in a copied text), and its other marks are taken literally — `王**`,
/// `张*华`, `[2021]`, `\` are a plain notice's, not emphasis, links or escapes.
fn to_plain_as(text: &str, literal: bool) -> Resolved {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let source = super::text::lines(text);
    let mut out = Out {
        text: String::with_capacity(text.len() + source.len()),
        origin: Vec::new(),
        next: 0,
        split: false,
    };
    // The text is read a piece of lines at a time ([`CHUNK`]), cut at a blank line where the
    // piece has one: the parser's tree of a piece, and its lines' pieces of output, are all the
    // memory the pass holds besides the output (a whole text of a million one-mark constructs
    // took some 150 bytes a byte). A line longer than a piece is no Markdown a notice writes:
    // it stays as it is.
    let mut from = 0;
    while from < source.len() {
        if source[from].len() > CHUNK {
            out.line(from, source[from], false);
            from += 1;
            continue;
        }
        let mut to = from;
        let mut size = 0;
        while to < source.len() && source[to].len() <= CHUNK && size < CHUNK {
            size += source[to].len() + 1;
            to += 1;
        }
        if to < source.len()
            && let Some(blank) = (from + 1..to).rev().find(|&j| source[j].trim().is_empty())
        {
            to = blank;
        }
        resolve_piece(&source[from..to], from, literal, &mut out);
        from = to;
    }
    out.finish(source.len())
}

/// The most bytes of lines read as one piece of Markdown (see [`to_plain`]).
const CHUNK: usize = 64 * 1024;

/// [`to_plain`] for the source lines `source`, the first of which is line `base`, written to
/// `out`.
fn resolve_piece(source: &[&str], base: usize, literal: bool, out: &mut Out) {
    // Every line without its indentation, so that no indented paragraph is read as code; the
    // indentation is given back to the line's text.
    let size = source.iter().map(|l| l.len() + 1).sum::<usize>();
    let mut md = String::with_capacity(size);
    let mut starts = Vec::with_capacity(source.len() + 1);
    let mut indents = Vec::with_capacity(source.len());
    for line in source {
        let body = line.trim_start_matches([' ', '\t']);
        starts.push(md.len());
        indents.push(&line[..line.len() - body.len()]);
        if literal {
            // Every mark but the HTML and entities escaped, and a quote's `>`.
            for (i, c) in body.char_indices() {
                if matches!(c, '\\' | '*' | '_' | '[' | ']' | '`' | '~' | '!')
                    || (i == 0 && matches!(c, '>' | '#' | '|'))
                {
                    md.push('\\');
                }
                md.push(c);
            }
        } else {
            md.push_str(body);
        }
        md.push('\n');
    }
    let line_of = |at: usize| base + starts.partition_point(|&s| s <= at).saturating_sub(1);
    let mut options = Options::ENABLE_TABLES;
    if base == 0 && md.starts_with("---") {
        options |= Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    }
    let mut w = Writer {
        entries: Vec::new(),
        base,
        indents: &indents,
        fresh: true,
        marker: None,
    };
    // What the events in hand are part of.
    let mut in_row = false;
    let mut image = 0usize;
    let mut code = false;
    // Front matter at the top is dropped; a metadata block further down is text.
    let mut metadata: Option<bool> = None;
    let mut html = HtmlState::default();
    for (event, range) in Parser::new_ext(&md, options).into_offset_iter() {
        let line = line_of(range.start);
        match event {
            Event::Start(tag) => match tag {
                Tag::Item => {
                    w.fresh = true;
                    w.marker = md
                        .get(range.start..)
                        .and_then(list_marker)
                        .map(|m| (line, m));
                }
                Tag::TableHead | Tag::TableRow => {
                    in_row = true;
                    let row = starts
                        .get(line - base)
                        .and_then(|&s| md.get(s..))
                        .unwrap_or_default();
                    let row = row.split('\n').next().unwrap_or_default();
                    let cells = table_row(row);
                    let mut text = String::from("|");
                    for c in &cells {
                        text.push(' ');
                        text.push_str(c);
                        text.push_str(" |");
                    }
                    w.line(line, &text, true);
                    if matches!(tag, Tag::TableHead) {
                        // The rule under the header, which gives no event of its own.
                        w.line(line + 1, &format!("|{}", "---|".repeat(cells.len())), true);
                    }
                }
                Tag::Image { .. } => image += 1,
                Tag::CodeBlock(_) => {
                    code = true;
                    w.fresh = true;
                }
                Tag::MetadataBlock(_) => metadata = Some(range.start == 0),
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. } => {}
                _ => w.fresh = true,
            },
            Event::End(end) => match end {
                TagEnd::Item => {
                    if let Some((at, marker)) = w.marker.take() {
                        w.line(at, marker.trim_end(), false);
                    }
                    w.fresh = true;
                }
                TagEnd::TableHead | TagEnd::TableRow => in_row = false,
                TagEnd::Image => image = image.saturating_sub(1),
                TagEnd::CodeBlock => {
                    code = false;
                    w.fresh = true;
                }
                TagEnd::MetadataBlock(_) => metadata = None,
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link => {}
                _ => w.fresh = true,
            },
            _ if in_row || image > 0 || metadata == Some(true) => {}
            Event::Text(t) if code || metadata.is_some() => {
                // Raw lines: a fenced block's, or a metadata block's further down.
                for (i, l) in t.split_terminator('\n').enumerate() {
                    let l = if code {
                        l.to_string()
                    } else {
                        inline_text(l, false)
                    };
                    w.line(line + i, &l, false);
                }
            }
            Event::Text(t) => {
                // A run of `*` or `_` CommonMark left unmatched: its own bytes (an escaped `\*`
                // spans two).
                let delimiter =
                    t.bytes().all(|b| b == b'*' || b == b'_') && md.get(range.clone()) == Some(&*t);
                w.push(line, &t, delimiter);
            }
            Event::Code(t) => w.push(line, &t, false),
            Event::InlineHtml(h)
                if html_tag(h.as_bytes()).is_some_and(|(_, name)| is_break_tag(name)) =>
            {
                w.fresh = true;
            }
            Event::Html(h) => {
                // A line of an HTML block: its text between the tags, broken at `<br>`, `<p>`…
                w.fresh = true;
                for (i, l) in h.split_terminator('\n').enumerate() {
                    html.pieces(l, |piece| match piece {
                        Some(text) => {
                            let text = inline_text(text, false);
                            if !text.trim().is_empty() {
                                w.push(line + i, &text, false);
                            }
                        }
                        None => w.fresh = true,
                    });
                    w.fresh = true;
                }
            }
            Event::HardBreak => w.fresh = true,
            _ => {}
        }
    }
    w.finish(base + source.len(), out);
}

/// The list marker an item starts with, and the white space after it: `1. `, `3) `, `- `,
/// `* `, `+ `; `None` when the item does not start with one.
fn list_marker(item: &str) -> Option<&str> {
    let b = item.as_bytes();
    let digits = b.iter().take_while(|b| b.is_ascii_digit()).count();
    let len = match b.first()? {
        b'-' | b'*' | b'+' => 1,
        _ if (1..=9).contains(&digits) && matches!(b.get(digits), Some(b'.' | b')')) => digits + 1,
        _ => return None,
    };
    let space = b[len..]
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    item.get(..len + space)
}

/// A table row's cells as written (`| 1 | **省科技厅** | a \| b |`), each resolved to its
/// text ([`inline_text`]; `<br>` kept for the text reader, a bar written `\|` made `｜`):
/// `1`, `省科技厅`, `a ｜ b`. All of them, as the text reader would read the row (GFM drops
/// the cells past the header's count).
fn table_row(row: &str) -> Vec<String> {
    let t = row.trim();
    // A table in a quote: `> | 1 | 甲 |`.
    let t = if t.starts_with('>') {
        t.trim_start_matches(['>', ' ', '\t'])
    } else {
        t
    };
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = if t.ends_with('|') && !t.ends_with("\\|") {
        &t[..t.len() - 1]
    } else {
        t
    };
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut start = 0;
    let bytes = t.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'|' && (i == 0 || bytes[i - 1] != b'\\') {
            cell.push_str(&t[start..i]);
            cells.push(inline_text(&cell, true).replace('|', "｜"));
            cell.clear();
            start = i + 1;
        }
    }
    cell.push_str(&t[start..]);
    cells.push(inline_text(&cell, true).replace('|', "｜"));
    cells
}

/// Inline Markdown resolved to its text: `**省科技厅**` → `省科技厅`, `[省科技厅](http://…)`
/// → `省科技厅`, `` `创新平台` `` → `创新平台`, `\[` → `[`, `&emsp;` → U+2003; images
/// dropped; a `<br>` kept as `<br>` when `keep_breaks` (a table cell's line break, which the
/// text reader reads), other tags dropped.
fn inline_text(s: &str, keep_breaks: bool) -> String {
    let s = if keep_breaks { s.trim() } else { s };
    if s.is_empty() {
        return String::new();
    }
    // An ideographic space before and after: the fragment is read as a paragraph's text (not
    // as a heading, a list or code), and emphasis at its ends sees white space outside it.
    let source = format!("\u{3000}{s}\u{3000}");
    let mut entry = Entry {
        line: 0,
        text: String::with_capacity(source.len()),
        delimiters: Vec::new(),
    };
    let mut image = 0usize;
    for (event, range) in Parser::new_ext(&source, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(Tag::Image { .. }) => image += 1,
            Event::End(TagEnd::Image) => image = image.saturating_sub(1),
            _ if image > 0 => {}
            Event::Text(t) => {
                let delimiter =
                    t.bytes().all(|b| b == b'*' || b == b'_') && source.get(range) == Some(&*t);
                entry.push(&t, delimiter);
            }
            Event::Code(t) => entry.push(&t, false),
            Event::InlineHtml(h)
                if keep_breaks
                    && html_tag(h.as_bytes())
                        .is_some_and(|(_, name)| name.eq_ignore_ascii_case(b"br")) =>
            {
                entry.push("<br>", false);
            }
            Event::SoftBreak | Event::HardBreak => entry.push(" ", false),
            _ => {}
        }
    }
    let text = entry.finish();
    let text = text.strip_prefix('\u{3000}').unwrap_or(&text);
    text.strip_suffix('\u{3000}').unwrap_or(text).to_string()
}

/// What the HTML of an HTML block is in the middle of, from one line to the next.
#[derive(Default)]
struct HtmlState {
    /// Inside `<!-- … -->`.
    comment: bool,
    /// Inside a tag whose `>` is on a later line.
    tag: bool,
    /// Inside `<script>` or `<style>` (the name of the closing tag looked for).
    raw: Option<&'static str>,
}

impl HtmlState {
    /// Calls `piece` with each run of text of an HTML line between its tags (`Some`) and with
    /// `None` where a tag breaks the line ([`is_break_tag`]): `<div align="right">甲<br>2024年
    /// 3月25日</div>` gives `None`, `甲`, `None`, `2024年3月25日`, `None`. Comments, scripts
    /// and styles give nothing.
    fn pieces<'a>(&mut self, line: &'a str, mut piece: impl FnMut(Option<&'a str>)) {
        let bytes = line.as_bytes();
        let mut i = 0;
        let mut text = 0;
        while i < bytes.len() {
            if self.comment {
                match memchr::memmem::find(&bytes[i..], b"-->") {
                    Some(end) => {
                        self.comment = false;
                        i += end + 3;
                        text = i;
                    }
                    None => return,
                }
                continue;
            }
            if self.tag {
                match memchr(b'>', &bytes[i..]) {
                    Some(end) => {
                        self.tag = false;
                        i += end + 1;
                        text = i;
                    }
                    None => return,
                }
                continue;
            }
            if let Some(name) = self.raw {
                let lower = line[i..].to_ascii_lowercase();
                match lower.find(name) {
                    Some(end) => {
                        self.raw = None;
                        i += end;
                        text = i;
                    }
                    None => return,
                }
                continue;
            }
            let Some(lt) = memchr(b'<', &bytes[i..]) else {
                break;
            };
            let at = i + lt;
            if bytes[at..].starts_with(b"<!--") {
                emit(line, text, at, &mut piece);
                self.comment = true;
                i = at + 4;
                continue;
            }
            // `<!DOCTYPE …>`, `<?xml …?>`: markup, not text.
            let tag = html_tag(&bytes[at..]).or_else(|| {
                matches!(bytes.get(at + 1), Some(b'!' | b'?')).then_some((false, &b""[..]))
            });
            let Some((closing, name)) = tag else {
                i = at + 1;
                continue;
            };
            emit(line, text, at, &mut piece);
            if is_break_tag(name) {
                piece(None);
            }
            if !closing && name.eq_ignore_ascii_case(b"script") {
                self.raw = Some("</script");
            } else if !closing && name.eq_ignore_ascii_case(b"style") {
                self.raw = Some("</style");
            }
            match tag_len(&bytes[at..]) {
                Some(len) => {
                    i = at + len;
                    text = i;
                }
                None => {
                    self.tag = true;
                    return;
                }
            }
        }
        emit(line, text, bytes.len(), &mut piece);
    }
}

/// Calls `piece` with `line[from..to]` when it is not empty.
fn emit<'a>(line: &'a str, from: usize, to: usize, piece: &mut impl FnMut(Option<&'a str>)) {
    if let Some(t) = line.get(from..to).filter(|t| !t.is_empty()) {
        piece(Some(t));
    }
}

/// One line of the output: its source line, its text, and where in the text CommonMark left
/// a `*` or `_` unmatched.
struct Entry {
    line: usize,
    text: String,
    /// Byte offsets in `text` of unmatched emphasis marks, one a mark.
    delimiters: Vec<usize>,
}

impl Entry {
    /// Adds `s` to the line; `delimiter` when it is a run of emphasis marks CommonMark left
    /// unmatched.
    fn push(&mut self, s: &str, delimiter: bool) {
        if delimiter {
            let at = self.text.len();
            self.delimiters.extend(at..at + s.len());
        }
        self.text.push_str(s);
    }

    /// The line's text, with the emphasis CommonMark leaves unmatched next to CJK punctuation
    /// dropped: in `**（一）加快5G网络建设。**到2025年` the closing `**` follows `。` and comes
    /// before `到`, which CommonMark does not let close (the CJK-friendly amendment to it
    /// does). Runs of the same mark and length are paired left to right when the opening one
    /// comes before text, the closing one after text, and one of them stands next to CJK
    /// punctuation inside the pair; others stay (`王**`).
    fn finish(self) -> String {
        let Entry {
            mut text,
            delimiters,
            ..
        } = self;
        if delimiters.is_empty() {
            return text;
        }
        // Runs: (start, length, mark).
        let mut runs: Vec<(usize, usize, u8)> = Vec::new();
        for &at in &delimiters {
            let mark = text.as_bytes()[at];
            match runs.last_mut() {
                Some((start, len, m)) if *start + *len == at && *m == mark => *len += 1,
                _ => runs.push((at, 1, mark)),
            }
        }
        let before = |at: usize| text[..at].chars().next_back();
        let after = |at: usize| text[at..].chars().next();
        let mut open: Vec<usize> = Vec::new();
        // Which runs open after a Han character (`opens_in_text`), by index.
        let mut in_text = vec![false; runs.len()];
        let mut drop: Vec<(usize, usize)> = Vec::new();
        for (i, &(start, len, mark)) in runs.iter().enumerate() {
            let closes = before(start).is_some_and(|c| !c.is_whitespace());
            // An opener stands at the line's start or after a space or a mark, as a run-in
            // heading's does (`**（一）…`); after a name it is a redaction (`王**、李**`,
            // `张*、刘*`), which no pairing may take.
            let opens = after(start + len).is_some_and(|c| !c.is_whitespace())
                && before(start).is_none_or(|c| {
                    c.is_whitespace() || is_cjk_punctuation(c) || c.is_ascii_punctuation()
                });
            // `达到**93%**以上`, `全省**“十四五”**期间`: a bold run inside a sentence, after a
            // Han character, opens a number or a quote, as no redaction does (`王**、`,
            // `张*华`); it pairs only with a run closed by punctuation before CJK text below.
            let opens_in_text = len == 2
                && before(start).is_some_and(|c| !c.is_ascii() && !is_cjk_punctuation(c))
                && after(start + len).is_some_and(|c| c.is_ascii_digit() || opens_a_quote(c));
            // Punctuation closes the run before CJK text (`93%**以上`, `”**期间`), which
            // CommonMark does not let close.
            let closes_before_cjk = before(start)
                .is_some_and(|c| is_cjk_punctuation(c) || c.is_ascii_punctuation())
                && after(start + len).is_some_and(|c| !c.is_ascii() && !is_cjk_punctuation(c));
            // The opener this run closes: the latest open one of the same mark and length,
            // looked for among the last few only (a line of unmatched marks stays linear).
            let found = closes
                .then(|| {
                    open.iter().rev().take(8).position(|&o| {
                        let (os, ol, om) = runs[o];
                        om == mark
                            && ol == len
                            && if in_text[o] {
                                closes_before_cjk
                            } else {
                                after(os + ol).is_some_and(is_cjk_punctuation)
                                    || before(start).is_some_and(is_cjk_punctuation)
                                    || closes_before_cjk
                            }
                    })
                })
                .flatten();
            if let Some(back) = found {
                let o = open.remove(open.len() - 1 - back);
                drop.push((runs[o].0, runs[o].1));
                drop.push((start, len));
                // Openers inside the pair are left unmatched.
                while open.last().is_some_and(|&x| x > o) {
                    open.pop();
                }
            } else if opens {
                open.push(i);
            } else if opens_in_text {
                open.push(i);
                in_text[i] = true;
            }
        }
        if drop.is_empty() {
            return text;
        }
        drop.sort_unstable();
        let mut out = String::with_capacity(text.len());
        let mut from = 0;
        for (start, len) in drop {
            out.push_str(&text[from..start]);
            from = start + len;
        }
        out.push_str(&text[from..]);
        text = out;
        text
    }
}

/// An opening quote or bracket a bold run may start with inside a sentence (`**“十四五”**`,
/// `**《方案》**`, `**（一）**`).
fn opens_a_quote(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '《' | '〈' | '「' | '『' | '【' | '〔' | '（'
    )
}

/// CJK punctuation: the CJK symbols and punctuation block (`、。〈〉《》「」【】〔〕`), the
/// full-width forms' punctuation (`（）：；，！？`) and general punctuation (`“”‘’…—`).
fn is_cjk_punctuation(c: char) -> bool {
    matches!(c,
        '\u{3001}'..='\u{303F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{FE10}'..='\u{FE1F}'
        | '\u{FE30}'..='\u{FE4F}')
}

/// The output being written: its lines so far, and how the next text joins them.
struct Writer<'a> {
    entries: Vec<Entry>,
    /// The source line of the piece's first line.
    base: usize,
    /// Each source line's indentation, given back to the first text on the line.
    indents: &'a [&'a str],
    /// The next text starts a line of its own, even on the same source line (a new block, a
    /// `<br>`).
    fresh: bool,
    /// A list item's marker, put before the item's first text: its source line and the marker.
    marker: Option<(usize, &'a str)>,
}

impl Writer<'_> {
    /// Adds text of source line `line` to the output: to the last line when it is of the same
    /// source line and nothing broke it, else as a line of its own (after the source line's
    /// indentation, when it is the first of that line, and a pending list marker).
    fn push(&mut self, line: usize, s: &str, delimiter: bool) {
        let same = self.entries.last().is_some_and(|e| e.line == line);
        if self.fresh || !same {
            let mut text = String::new();
            if !same {
                let indent = self.indents.get(line.saturating_sub(self.base));
                text.push_str(indent.copied().unwrap_or_default());
            }
            if let Some((_, marker)) = self.marker.take() {
                text.push_str(marker);
            }
            self.entries.push(Entry {
                line,
                text,
                delimiters: Vec::new(),
            });
            self.fresh = false;
        }
        if let Some(e) = self.entries.last_mut() {
            e.push(s, delimiter);
        }
    }

    /// Adds a whole line of text of source line `line` (a table row, a raw line); a table row
    /// takes its source line's indentation only when `row` is false.
    fn line(&mut self, line: usize, s: &str, row: bool) {
        self.fresh = true;
        let indents = self.indents;
        if row {
            self.indents = &[];
        }
        self.push(line, s, false);
        self.indents = indents;
        self.fresh = true;
    }

    /// Writes the piece's lines to `out`, source line by source line up to line `end` (a blank
    /// line where a source line gave nothing).
    fn finish(self, end: usize, out: &mut Out) {
        let mut entries = self.entries;
        entries.sort_by_key(|e| e.line);
        for e in entries {
            let line = e.line;
            if line >= end {
                break;
            }
            let t = e.finish();
            out.line(line, &t, true);
        }
        out.pad(end);
    }
}

/// The output of [`to_plain`] as it is written.
struct Out {
    text: String,
    /// The source line of each line of `text`.
    origin: Vec<usize>,
    /// The source line the next line of `text` stands for, when it is not a further line of
    /// the last.
    next: usize,
    /// Whether some source line gave more than one line.
    split: bool,
}

impl Out {
    /// Adds `t` as a line of source line `line` (after blank lines for the source lines before
    /// it that gave nothing); a line break in it (a code span's, a tag's), which would shift
    /// every line under it, is a space.
    fn line(&mut self, line: usize, t: &str, resolved: bool) {
        if line < self.next {
            // A further line of the same source line (a `<br>`).
            self.split = true;
        }
        self.pad(line);
        if resolved {
            self.text.extend(
                t.chars()
                    .map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c }),
            );
        } else {
            self.text.push_str(t);
        }
        self.text.push('\n');
        self.origin.push(line);
        self.next = line + 1;
    }

    /// Blank lines for the source lines before `line` that gave nothing.
    fn pad(&mut self, line: usize) {
        while self.next < line {
            self.text.push('\n');
            self.origin.push(self.next);
            self.next += 1;
        }
    }

    fn finish(mut self, lines: usize) -> Resolved {
        self.pad(lines);
        if !self.split {
            self.origin.clear();
        }
        Resolved {
            text: self.text,
            origin: self.origin,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(md: &str) -> String {
        to_plain(md).text
    }

    #[test]
    fn inline_markup_is_resolved_line_for_line() {
        assert_eq!(
            plain("# 标题\n\n**（一）加快建设。**到2025年，[省科技厅](http://x)负责`创新`。\n"),
            "标题\n\n（一）加快建设。到2025年，省科技厅负责创新。\n"
        );
        // A paragraph over two lines stays on two lines; a heading's underline is blank.
        assert_eq!(plain("标题\n===\n甲\n乙\n"), "标题\n\n甲\n乙\n");
        assert_eq!(
            plain("1\\. 加快\\[甲\\]&emsp;乙\n"),
            "1. 加快[甲]\u{2003}乙\n"
        );
        assert_eq!(plain("> 为加快推进\n"), "为加快推进\n");
        assert_eq!(plain("![](https://x/a.png)\n甲\n"), "\n甲\n");
    }

    #[test]
    fn list_markers_and_indentation_are_kept() {
        assert_eq!(
            plain("1. **夯实基础。**建设\n2. 推进\n- 甲\n"),
            "1. 夯实基础。建设\n2. 推进\n- 甲\n"
        );
        // Four spaces are a paragraph's indentation, not code.
        assert_eq!(
            plain("甲\n\n    **（一）加强领导。**各地\n"),
            "甲\n\n    （一）加强领导。各地\n"
        );
    }

    #[test]
    fn cjk_emphasis_left_by_commonmark_is_dropped() {
        assert_eq!(plain("*（一）加快。*到2025\n"), "（一）加快。到2025\n");
        assert_eq!(plain("__（二）建设。__推动\n"), "（二）建设。推动\n");
        // Unmatched marks that are no pair stay: a redacted name.
        assert_eq!(plain("# 甲\n王**\n"), "甲\n王**\n");
        assert_eq!(plain("a*b\n"), "a*b\n");
        // Bold inside a sentence closed by punctuation before CJK text (F09).
        assert_eq!(plain("# 甲\n达到**93%**以上。\n"), "甲\n达到93%以上。\n");
        assert_eq!(
            plain("# 甲\n全省**“十四五”**期间，**《方案》**的通知。\n"),
            "甲\n全省“十四五”期间，《方案》的通知。\n"
        );
        // Not a redaction's marks, nor a run that punctuation does not close before CJK text.
        for line in [
            "王**、李**负责。",
            "王**（男）、李**负责。",
            "达到**93%以上。",
            "由张**“负责”。",
        ] {
            assert_eq!(
                plain(&format!("# 甲\n{line}\n")),
                format!("甲\n{line}\n"),
                "{line}"
            );
        }
    }

    #[test]
    fn html_is_read_as_its_text_and_br_breaks_the_line() {
        let r = to_plain("甲\n\n<div align=\"right\">办公厅<br>2024年3月25日</div>\n乙\n");
        assert_eq!(r.text, "甲\n\n办公厅\n2024年3月25日\n乙\n");
        // Lines 3 and 4 of the text are source line 3 (index 2).
        assert_eq!(r.origin, vec![0, 1, 2, 2, 3]);
        let r = to_plain("各市州：<br>\n为做好<br>\n<!-- 注释 -->\n<font color=red>红</font>字\n");
        assert_eq!(r.text, "各市州：\n为做好\n\n红字\n");
        assert!(r.origin.is_empty());
    }

    #[test]
    fn redactions_are_no_emphasis() {
        // Marks after a name are a redaction, paired or not, while a run-in heading's bold at
        // the line's start is emphasis.
        for line in [
            "王**、李**按规定办理。",
            "张*、刘*按规程处置。",
            "由张*华负责。",
        ] {
            assert_eq!(
                plain(&format!("# 标题\n{line}\n")),
                format!("标题\n{line}\n")
            );
        }
        assert_eq!(
            plain("# 标题\n**（一）加强领导。**各地要落实。\n\n由王**负责。\n"),
            "标题\n（一）加强领导。各地要落实。\n\n由王**负责。\n"
        );
    }

    #[test]
    fn a_long_text_is_read_a_piece_at_a_time_with_its_lines_in_place() {
        // Pieces of about CHUNK bytes, cut at blank lines or, with none, between lines: each
        // line is resolved wherever the cut falls, and stays on its source line.
        let para = "**（一）加强组织领导。**各区县要[高度重视](http://a.b/c)。\n";
        for gap in ["\n", ""] {
            let md = format!(
                "# 标题\n{}",
                format!("{para}{gap}").repeat(3 * CHUNK / para.len())
            );
            let r = to_plain(&md);
            assert_eq!(r.text.lines().count(), md.lines().count(), "{gap:?}");
            for (got, want) in r.text.lines().zip(md.lines()).skip(1) {
                if want.is_empty() {
                    assert_eq!(got, "");
                } else {
                    assert_eq!(got, "（一）加强组织领导。各区县要高度重视。");
                }
            }
        }
    }

    #[test]
    fn a_line_longer_than_a_piece_stays_as_it_is() {
        let long = "*甲* ".repeat(CHUNK / 5 + 1);
        let md = format!("# 标题\n{long}\n**乙**\n");
        let r = to_plain(&md);
        let lines: Vec<&str> = r.text.lines().collect();
        assert_eq!(lines, ["标题", long.as_str(), "乙"]);
    }

    #[test]
    fn tables_keep_their_rows_and_cells() {
        assert_eq!(
            plain(
                "| 序号 | 单位 |\n|:---:|---|\n| 1 | **甲**<br>[乙](http://x) |\n| 2 | a \\| b | 多 |\n"
            ),
            "| 序号 | 单位 |\n|---|---|\n| 1 | 甲<br>乙 |\n| 2 | a ｜ b | 多 |\n"
        );
    }

    #[test]
    fn front_matter_at_the_top_is_dropped() {
        assert_eq!(
            plain("---\ntitle: 甲\ndate: 2024-04-10\n---\n\n# 乙\n"),
            "\n\n\n\n\n乙\n"
        );
        assert_eq!(plain("甲\n\n---\n乙\n---\n"), "甲\n\n\n乙\n\n");
    }

    #[test]
    fn signs_of_markdown() {
        let sign = |t: &str| markdown_signal(t).map(|(line, _, _)| line);
        assert_eq!(sign("甲\n## 一、总体要求\n"), Some(2));
        assert_eq!(sign("| a | b |\n|---|:---:|\n"), Some(2));
        assert_eq!(sign("a | b\n--- | ---\n"), Some(2));
        assert_eq!(sign("**（一）甲。**乙\n"), Some(1));
        assert_eq!(sign("*（一）甲。*乙\n_（二）丙。_丁\n"), Some(2));
        assert_eq!(sign("见[附件](http://x/a.docx)\n"), Some(1));
        assert_eq!(sign("---\ntitle: 甲\n---\n"), Some(1));
        assert_eq!(sign("&emsp;&emsp;一、总则\n"), Some(1));
        assert_eq!(sign("甲<br>乙\n"), Some(1));
        assert_eq!(sign("甲\n<DIV align=right>乙</div>\n"), Some(2));
        for plain in [
            "京政发〔2021〕1号\n",
            "京政发[2021]1号\n",
            "※注\n",
            "根据<<条例>>和<规划>，a < b\n",
            "1. 加快\n    缩进的段落\n",
            "王**、李**同志\n",
            "*注：带*号的为约束性指标\n",
            "#1机组\n",
            "#\n",
            "甲 | 乙\n",
            "|----|----|\n",
            "R&D投入&nbsp\n",
            "见[附表](一)\n",
            "a_b_c\n",
            "---\n\n甲\n",
            "***\n",
        ] {
            assert_eq!(markdown_signal(plain), None, "{plain}");
        }
    }
}
