//! Source lines for blocks of an HTML page.
//!
//! scraper keeps no positions, so the reader finds each block in the page source instead. The
//! source is scanned once into its *text view*: the characters outside tags, comments and raw
//! text elements (`<script>`, `<style>`…), with character references decoded and line endings
//! folded to `\n`, remembering the source line where each run of text starts. A block's text
//! (as the parser built it from the same characters) is then a substring of the text view, and
//! blocks come in document order, so a cursor that only moves forward finds each one.
//!
//! The search is linear overall: a successful search moves the cursor past what it scanned, a
//! failed one first looks only in a window ahead, and only a few failures may search to the end.

use super::flatten::{self, find};
use memchr::memmem;

/// How far ahead (bytes of text view) a search looks before it counts as a failure.
const WINDOW: usize = 64 * 1024;
/// How many searches may scan to the end of the text view after failing in the window.
const MAX_FULL_SEARCHES: usize = 16;

/// Finds blocks' source lines with a forward-moving cursor.
pub(super) struct Locator {
    /// The text view of the source.
    view: String,
    /// (offset in `view` where a run of text starts, source line there), increasing.
    runs: Vec<(usize, usize)>,
    /// Where the next search starts.
    cursor: usize,
    /// A position in `view` whose line is known, at or before the cursor.
    known: usize,
    /// The line at `known`.
    line: usize,
    /// Index of the run that contains `known`.
    run: usize,
    /// Full searches left.
    full_searches: usize,
}

impl Locator {
    /// Scans `source` (the decoded page) into its text view.
    pub(super) fn new(source: &str) -> Self {
        let (view, runs) = text_view(source);
        let line = runs.first().map_or(1, |r| r.1);
        Locator {
            view,
            runs,
            cursor: 0,
            known: 0,
            line,
            run: 0,
            full_searches: MAX_FULL_SEARCHES,
        }
    }

    /// The line of the last block found (1 before the first).
    pub(super) fn line(&self) -> usize {
        self.line
    }

    /// The source line of the next occurrence of `probe` at or after the cursor; the cursor moves
    /// past it. When it cannot be found, the line of the last block found.
    pub(super) fn locate(&mut self, probe: &str) -> usize {
        if probe.is_empty() {
            return self.line;
        }
        let hay = self.view.get(self.cursor..).unwrap_or_default();
        // Blocks come in order, so the next one nearly always starts within a few bytes of the
        // cursor (after the white space between two elements): look there first, with a byte
        // search, before building a substring searcher. The first match found is the first match.
        if let Some(p) = near(hay.as_bytes(), probe.as_bytes()) {
            let at = self.cursor + p;
            self.advance_to(at);
            self.cursor = at + probe.len();
            return self.line;
        }
        let mut end = hay.len().min(WINDOW);
        while !hay.is_char_boundary(end) {
            end -= 1;
        }
        // memchr's searcher: a match of valid UTF-8 in valid UTF-8 starts on a character
        // boundary, so byte offsets are the same as `str::find`'s.
        let found = match memmem::find(
            hay.as_bytes().get(..end).unwrap_or_default(),
            probe.as_bytes(),
        ) {
            Some(p) => Some(p),
            None if end < hay.len() && self.full_searches > 0 => {
                // Start a little before the window's end so a match across it is not missed.
                let mut from = end.saturating_sub(probe.len());
                while !hay.is_char_boundary(from) {
                    from -= 1;
                }
                let r = memmem::find(
                    hay.as_bytes().get(from..).unwrap_or_default(),
                    probe.as_bytes(),
                )
                .map(|p| p + from);
                if r.is_none() {
                    self.full_searches -= 1;
                }
                r
            }
            None => None,
        };
        if let Some(p) = found {
            let at = self.cursor + p;
            self.advance_to(at);
            self.cursor = at + probe.len();
        }
        self.line
    }

    /// Moves the known position forward to `target`, counting line breaks on the way.
    fn advance_to(&mut self, target: usize) {
        while let Some(&(start, line)) = self.runs.get(self.run + 1) {
            if start > target {
                break;
            }
            self.run += 1;
            self.known = start;
            self.line = line;
        }
        if target > self.known {
            let seg = self.view.get(self.known..target).unwrap_or_default();
            self.line += seg.bytes().filter(|&b| b == b'\n').count();
            self.known = target;
        }
    }
}

/// How many starting positions [`near`] tries.
const NEAR: usize = 64;

/// The first occurrence of `needle` in `hay` that starts among its first [`NEAR`] bytes.
fn near(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let starts = hay.get(..hay.len().min(NEAR))?;
    memchr::memchr_iter(first, starts).find(|&p| hay.get(p..p + needle.len()) == Some(needle))
}

/// True for elements whose content is raw text, which the text view leaves out.
pub(super) fn is_raw_text(name: &str) -> bool {
    RAW_TEXT.contains(&name)
}

/// Elements whose content is raw text, not markup.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// Builds the text view of `src` and its runs.
fn text_view(src: &str) -> (String, Vec<(usize, usize)>) {
    let b = src.as_bytes();
    let mut view = String::with_capacity(src.len() / 2);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut line = 1usize;
    let mut in_run = false;
    let has_cr = memchr::memchr(b'\r', b).is_some();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'<' {
            if let Some(end) = markup_end(b, i) {
                line += count_breaks(&b[i..end]);
                i = end;
                in_run = false;
                continue;
            }
        }
        if !in_run {
            runs.push((view.len(), line));
            in_run = true;
        }
        match c {
            b'&' => {
                let (decoded, len) = char_ref(&b[i..]);
                match decoded {
                    Some(ch) => view.push(ch),
                    None => view.push('&'),
                }
                i += len;
            }
            b'\r' => {
                view.push('\n');
                line += 1;
                i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            }
            b'\n' => {
                view.push('\n');
                line += 1;
                i += 1;
            }
            _ => {
                // Copy up to the next byte that needs attention; those are all ASCII, so the
                // slice ends on a character boundary. Without `\r` in the page (the usual case)
                // memchr3 finds it.
                let rest = b.get(i..).unwrap_or_default();
                let next = if has_cr {
                    rest.iter()
                        .position(|&x| matches!(x, b'<' | b'&' | b'\r' | b'\n'))
                } else {
                    memchr::memchr3(b'<', b'&', b'\n', rest)
                };
                let end = next.map_or(b.len(), |p| i + p);
                let end = if end == i { i + 1 } else { end };
                view.push_str(src.get(i..end).unwrap_or_default());
                i = end;
            }
        }
    }
    (view, runs)
}

fn count_breaks(b: &[u8]) -> usize {
    let mut n = 0;
    let mut prev_cr = false;
    for &x in b {
        match x {
            b'\r' => n += 1,
            b'\n' if !prev_cr => n += 1,
            _ => {}
        }
        prev_cr = x == b'\r';
    }
    n
}

/// If a tag, comment, doctype or processing instruction starts at `i`, the offset after it (and
/// after the content of a raw text element it opens).
pub(super) fn markup_end(b: &[u8], i: usize) -> Option<usize> {
    let next = *b.get(i + 1)?;
    if b[i..].starts_with(b"<!--") {
        // Ends as the tokenizer ends it (`<!-->` and `<!--->` at once), as the depth cap reads it.
        return Some(flatten::comment_end(b, i + 4));
    }
    if next == b'!' || next == b'?' {
        return Some(find(b, i + 2, b">").map_or(b.len(), |p| p + 1));
    }
    if next == b'/' {
        if b.get(i + 2).is_some_and(|x| x.is_ascii_alphabetic()) {
            return Some(find(b, i + 2, b">").map_or(b.len(), |p| p + 1));
        }
        return None;
    }
    if !next.is_ascii_alphabetic() {
        return None;
    }
    let name_end = b[i + 1..]
        .iter()
        .position(|x| !x.is_ascii_alphanumeric())
        .map_or(b.len(), |p| i + 1 + p);
    let name = String::from_utf8_lossy(&b[i + 1..name_end]).to_ascii_lowercase();
    // The end of the tag, outside quoted attribute values.
    let mut j = name_end;
    let mut quote: Option<u8> = None;
    while j < b.len() {
        match quote {
            None if b[j] == b'>' => break,
            None if (b[j] == b'"' || b[j] == b'\'') && is_after_equals(b, j) => quote = Some(b[j]),
            Some(q) if b[j] == q => quote = None,
            _ => {}
        }
        j += 1;
    }
    let end = (j + 1).min(b.len());
    if RAW_TEXT.contains(&name.as_str()) {
        return Some(flatten::raw_text_end(b, end, name.as_bytes()).unwrap_or(b.len()));
    }
    Some(end)
}

/// True when the quote at `j` opens an attribute value (`=` before it, spaces allowed).
fn is_after_equals(b: &[u8], j: usize) -> bool {
    let mut k = j;
    while k > 0 {
        k -= 1;
        match b[k] {
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => continue,
            b'=' => return true,
            _ => return false,
        }
    }
    false
}

/// Decodes a character reference at the start of `b` (which starts with `&`). Returns the
/// character, or `None` for a literal `&`, and how many bytes were consumed.
fn char_ref(b: &[u8]) -> (Option<char>, usize) {
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let start = if hex { 3 } else { 2 };
        let digits = b[start.min(b.len())..]
            .iter()
            .take_while(|x| {
                if hex {
                    x.is_ascii_hexdigit()
                } else {
                    x.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 || digits > 8 {
            return (None, 1);
        }
        let text = std::str::from_utf8(&b[start..start + digits]).unwrap_or("0");
        let value = u32::from_str_radix(text, if hex { 16 } else { 10 }).unwrap_or(0xFFFD);
        let ch = char::from_u32(value)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{FFFD}');
        let mut len = start + digits;
        if b.get(len) == Some(&b';') {
            len += 1;
        }
        return (Some(ch), len);
    }
    let name_len = b[1..]
        .iter()
        .take(32)
        .take_while(|x| x.is_ascii_alphanumeric())
        .count();
    let name = &b[1..1 + name_len];
    let ch = match name {
        b"nbsp" => '\u{A0}',
        b"amp" | b"AMP" => '&',
        b"lt" | b"LT" => '<',
        b"gt" | b"GT" => '>',
        b"quot" | b"QUOT" => '"',
        b"apos" => '\'',
        b"ldquo" => '“',
        b"rdquo" => '”',
        b"lsquo" => '‘',
        b"rsquo" => '’',
        b"mdash" => '—',
        b"ndash" => '–',
        b"hellip" => '…',
        b"middot" => '·',
        b"bull" => '•',
        b"times" => '×',
        b"divide" => '÷',
        b"emsp" => '\u{2003}',
        b"ensp" => '\u{2002}',
        b"thinsp" => '\u{2009}',
        b"copy" => '©',
        b"reg" => '®',
        b"deg" => '°',
        b"plusmn" => '±',
        b"laquo" => '«',
        b"raquo" => '»',
        b"sect" => '§',
        b"yen" => '¥',
        _ => return (None, 1),
    };
    let mut len = 1 + name_len;
    if b.get(len) == Some(&b';') {
        len += 1;
    }
    (Some(ch), len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_view_drops_markup_and_decodes_references() {
        let (view, runs) = text_view(
            "<p class=\"a>b\">国务院&nbsp;&#20851;&#x4E8E;</p>\r\n<script>var s='<p>假</p>';</script><!-- 注释 -->通知",
        );
        assert_eq!(view, "国务院\u{a0}关于\n通知");
        assert_eq!(
            runs,
            vec![
                (0, 1),
                (view.find('\n').unwrap_or(0), 1),
                (view.find("通知").unwrap_or(0), 2)
            ]
        );
    }

    #[test]
    fn abrupt_comments_end_at_once() {
        assert_eq!(text_view("<!-->通知<!--->公告<!-- x -->。").0, "通知公告。");
    }

    #[test]
    fn blocks_are_found_on_their_lines_in_order() {
        let src = "<html>\n<body>\n<p>第一段</p>\n<p>\n  <span>第二</span>段\n</p>\n<p>第一段</p>\n</body>";
        let mut loc = Locator::new(src);
        assert_eq!(loc.locate("第一段"), 3);
        assert_eq!(loc.locate("第二段"), 5);
        assert_eq!(loc.locate("第一段"), 7);
        // Not found: the last line found.
        assert_eq!(loc.locate("不存在"), 7);
    }

    #[test]
    fn unclosed_markup_does_not_panic() {
        for src in [
            "<",
            "<!--",
            "<!-->",
            "<!--->",
            "<a href='",
            "<script>",
            "&#",
            "&#x110000;",
            "&#99999999999;",
            "</",
            "<p",
            "&",
        ] {
            let mut loc = Locator::new(src);
            let _ = loc.locate("x");
        }
    }
}
