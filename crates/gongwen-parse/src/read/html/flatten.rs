//! Capping element nesting before the page is parsed.
//!
//! The HTML tree builder looks through its stack of open elements for many tags (is a `<p>` open
//! in button scope? is there a `<td>` in table scope?), so a page nested 100,000 elements deep
//! costs it time quadratic in the depth. Before parsing, the source is scanned once and start
//! tags that would open an element deeper than the limit are removed together with their end
//! tags, so that their content is read as part of their ancestor, as [`crate::Limits::max_depth`]
//! promises. Removed tags leave their line breaks behind, so source lines do not move; pages
//! within the limit are not touched.
//!
//! Depth is not the number of unclosed start tags: the tree builder closes many elements by
//! itself (`<p>`, `<li>`, table cells…), ignores end tags that are out of scope, re-opens
//! formatting elements (`<b>`, `<font>`…) that a block closed, and nests everything inside
//! `<svg>` and `<math>`. A count that missed any of these could be led far below the real
//! depth by a hostile page. The scanner therefore follows the tree builder's rules for the
//! stack (WHATWG HTML, "tree construction"), and where it simplifies, it errs towards a deeper
//! stack than the parser's, never a shallower one: a wrong guess flattens a few tags of a broken
//! page, never lets a deep page through. Tokens are read as the HTML tokenizer reads them
//! (comments including `<!-->`, quoted attribute values, raw text elements, end tags with
//! attributes), with the same bias: where it is unsure, markup is read as markup.

use std::borrow::Cow;
use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

/// The source with elements deeper than `limit` removed, or `None` when no element is that deep.
pub(super) fn cap_depth(src: &str, limit: usize) -> Option<String> {
    let b = src.as_bytes();
    let mut s = Stack::new(limit.max(1));
    // Tags to remove: start and end offsets, and whether a `<br>` stands in for the tag (a
    // block's, so that the paragraphs it parted stay apart).
    let mut remove: Vec<(usize, usize, bool)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let Some(lt) = find_byte(b, i, b'<') else {
            s.text();
            break;
        };
        if lt > i {
            s.text();
        }
        match token_at(b, lt) {
            Tok::Text => {
                s.text();
                i = lt + 1;
            }
            Tok::Skip(end) => i = end,
            Tok::Eof => break,
            Tok::End { name, end } => {
                if s.drop_end(&name) {
                    remove.push((lt, end, parts_paragraphs(&name)));
                } else {
                    s.end(&name);
                }
                i = end;
            }
            Tok::Start {
                name,
                attrs,
                self_closing,
                end,
            } => {
                i = end;
                match s.start(&name, attrs, self_closing) {
                    Started::Kept => {}
                    Started::Dropped => remove.push((lt, end, parts_paragraphs(&name))),
                    Started::RawText => {
                        i = raw_text_end(b, end, name.as_bytes()).unwrap_or(b.len());
                    }
                    Started::Plaintext => break,
                }
            }
        }
    }
    if remove.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(src.len());
    let mut from = 0;
    // Where the last `<br>` put in ends in `src`: a run of removed blocks with nothing but white
    // space between them parts paragraphs once (a page 100,000 `<div>`s deep gets one `<br>`).
    let mut br_at: Option<usize> = None;
    for (start, end, block) in remove {
        let between = src.get(from..start).unwrap_or_default();
        out.push_str(between);
        if block {
            let joined = br_at.is_some_and(|at| {
                src.get(at..start)
                    .is_some_and(|gap| gap.bytes().all(|b| b.is_ascii_whitespace()))
            });
            if !joined {
                out.push_str("<br>");
            }
            br_at = Some(end);
        }
        // Keep the removed tag's line breaks so lines do not move.
        out.extend(
            src.get(start..end)
                .unwrap_or_default()
                .chars()
                .filter(|&c| c == '\n' || c == '\r'),
        );
        from = end;
    }
    out.push_str(src.get(from..).unwrap_or_default());
    Some(out)
}

/// The source with the attributes of a tag past its first `max` left out, or `None` when no tag
/// has more. The HTML tokenizer looks for each attribute's name among those of its tag before
/// (a duplicate is dropped), so a tag of a million attributes takes it hours; no page needs more
/// than a few dozen. The removed attributes' line breaks stay, so that lines do not move.
#[cold]
#[inline(never)]
pub(super) fn cap_attributes(src: &str, max: usize) -> Option<String> {
    let b = src.as_bytes();
    let mut remove: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    // From tag to tag: the text between is passed over by one vectorized search, and each tag
    // is read once, byte by byte (this runs over every tag of a large page).
    // Tags stand side by side more often than not (`</span></p></td><td>`): the byte after one
    // is looked at before a search is set up.
    while let Some(lt) = if b.get(i) == Some(&b'<') {
        Some(i)
    } else {
        find_byte(b, i, b'<')
    } {
        // Start and end tags are read here without their names, which only a raw text
        // element's need; anything else as [`token_at`] reads it.
        let start = match b.get(lt + 1) {
            Some(c) if c.is_ascii_alphabetic() => lt + 1,
            Some(b'/') if b.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) => lt + 2,
            _ => match token_at(b, lt) {
                Tok::Skip(end) => {
                    i = end;
                    continue;
                }
                Tok::Eof => break,
                _ => {
                    i = lt + 1;
                    continue;
                }
            },
        };
        let Some(from) = name_end(b, start) else {
            break;
        };
        // An end tag's attributes are read, and looked up, as a start tag's are.
        let Some(TagEnd { end, cut, .. }) = read_attributes(b, from, max) else {
            break;
        };
        if let Some(cut) = cut {
            let close = if b.get(end.saturating_sub(2)..end) == Some(b"/>") {
                end - 2
            } else {
                end - 1
            };
            if cut < close {
                remove.push((cut, close));
            }
        }
        // Raw text elements' names are 3 to 9 letters long.
        let raw = (start == lt + 1 && (3..=9).contains(&(from - start)))
            .then(|| raw_text_name(b.get(start..from).unwrap_or_default()))
            .flatten();
        i = match raw {
            Some("plaintext") => break,
            Some(name) => raw_text_end(b, end, name.as_bytes()).unwrap_or(b.len()),
            None => end,
        };
    }
    if remove.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(src.len());
    let mut from = 0;
    for (start, end) in remove {
        out.push_str(src.get(from..start).unwrap_or_default());
        out.extend(
            src.get(start..end)
                .unwrap_or_default()
                .chars()
                .filter(|&c| c == '\n' || c == '\r'),
        );
        from = end;
    }
    out.push_str(src.get(from..).unwrap_or_default());
    Some(out)
}

/// Where a tag ends, as the tokenizer reads it.
struct TagEnd {
    /// The offset after its `>`.
    end: usize,
    /// Whether it closes itself (`/>`).
    self_closing: bool,
    /// Where its attribute after the first `max` starts, if it has more.
    cut: Option<usize>,
}

/// Reads a tag's attributes from `from` (just after its name) as the tokenizer does, to the
/// tag's end, noting where the attribute after the first `max` starts; `None` when the input
/// ends first.
fn read_attributes(b: &[u8], from: usize, max: usize) -> Option<TagEnd> {
    let mut j = from;
    let mut seen = 0;
    let mut cut = None;
    loop {
        let x = *b.get(j)?;
        if CLASS[usize::from(x)] & SPACE != 0 {
            j += 1;
            continue;
        }
        match x {
            b'>' => {
                return Some(TagEnd {
                    end: j + 1,
                    self_closing: false,
                    cut,
                });
            }
            b'/' => {
                if b.get(j + 1) == Some(&b'>') {
                    return Some(TagEnd {
                        end: j + 2,
                        self_closing: true,
                        cut,
                    });
                }
                j += 1;
            }
            _ => {
                if seen == max {
                    cut.get_or_insert(j);
                }
                seen += 1;
                // An attribute name: its first character may be anything, even `=` or a quote.
                j += 1;
                while b
                    .get(j)
                    .is_some_and(|&x| CLASS[usize::from(x)] & (SPACE | SLASH | GT | EQ) == 0)
                {
                    j += 1;
                }
                while b
                    .get(j)
                    .is_some_and(|&x| CLASS[usize::from(x)] & SPACE != 0)
                {
                    j += 1;
                }
                if b.get(j) != Some(&b'=') {
                    continue;
                }
                j += 1;
                while b
                    .get(j)
                    .is_some_and(|&x| CLASS[usize::from(x)] & SPACE != 0)
                {
                    j += 1;
                }
                match *b.get(j)? {
                    // A short value is read byte by byte, a long one searched for its end.
                    q @ (b'"' | b'\'') => {
                        j = match b
                            .get(j + 1..j + 17)
                            .and_then(|v| v.iter().position(|&x| x == q))
                        {
                            Some(k) => j + 1 + k + 1,
                            None => find_byte(b, j + 1, q)? + 1,
                        }
                    }
                    b'>' => {}
                    _ => {
                        while b
                            .get(j)
                            .is_some_and(|&x| CLASS[usize::from(x)] & (SPACE | GT) == 0)
                        {
                            j += 1;
                        }
                    }
                }
            }
        }
    }
}

/// Byte classes of a tag's reading: [`is_space`], `/`, `>`, `=`, one look-up a byte.
const SPACE: u8 = 1;
const SLASH: u8 = 2;
const GT: u8 = 4;
const EQ: u8 = 8;
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b' ' as usize] = SPACE;
    t[b'\t' as usize] = SPACE;
    t[b'\n' as usize] = SPACE;
    t[b'\r' as usize] = SPACE;
    t[0x0c] = SPACE;
    t[b'/' as usize] = SLASH;
    t[b'>' as usize] = GT;
    t[b'=' as usize] = EQ;
    t
};

/// Whether an element of this name parts the paragraphs around it: a block as the walk reads
/// one ([`super::dom::is_block_tag`]), and the sectioning `<aside>` and `<nav>`. When its tags
/// are removed, a `<br>` (a void element, which adds no depth) keeps them apart.
fn parts_paragraphs(name: &str) -> bool {
    matches!(name, "aside" | "nav") || super::dom::is_block_tag(&html5ever::LocalName::from(name))
}

// ---------------------------------------------------------------------------------------------
// Tokens

enum Tok<'a> {
    /// A `<` that starts no markup: text.
    Text,
    /// A comment, doctype, processing instruction or bogus comment, ending at the offset.
    Skip(usize),
    Start {
        name: Cow<'a, str>,
        attrs: &'a [u8],
        self_closing: bool,
        end: usize,
    },
    End {
        name: Cow<'a, str>,
        end: usize,
    },
    /// Markup cut off by the end of the input: the tokenizer drops it, nothing follows.
    Eof,
}

fn is_space(x: u8) -> bool {
    matches!(x, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Offset of the first `x` at or after `from`.
pub(super) fn find_byte(b: &[u8], from: usize, x: u8) -> Option<usize> {
    memchr::memchr(x, b.get(from..)?).map(|p| p + from)
}

/// Offset of the first `needle` at or after `from`.
pub(super) fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(b.get(from..)?, needle).map(|p| p + from)
}

/// The token that starts with the `<` at `lt`.
fn token_at(b: &[u8], lt: usize) -> Tok<'_> {
    let Some(&next) = b.get(lt + 1) else {
        return Tok::Text;
    };
    match next {
        b'!' => {
            if b.get(lt + 2..lt + 4) == Some(b"--") {
                return Tok::Skip(comment_end(b, lt + 4));
            }
            Tok::Skip(find_byte(b, lt + 2, b'>').map_or(b.len(), |p| p + 1))
        }
        b'?' => Tok::Skip(find_byte(b, lt + 2, b'>').map_or(b.len(), |p| p + 1)),
        b'/' => match b.get(lt + 2) {
            None => Tok::Text,
            Some(b'>') => Tok::Skip(lt + 3),
            Some(c) if c.is_ascii_alphabetic() => match tag(b, lt + 2) {
                Some((name, _, _, end)) => Tok::End { name, end },
                None => Tok::Eof,
            },
            Some(_) => Tok::Skip(find_byte(b, lt + 2, b'>').map_or(b.len(), |p| p + 1)),
        },
        c if c.is_ascii_alphabetic() => match tag(b, lt + 1) {
            Some((name, attrs, self_closing, end)) => Tok::Start {
                name,
                attrs,
                self_closing,
                end,
            },
            None => Tok::Eof,
        },
        _ => Tok::Text,
    }
}

/// End of a comment whose `<!--` ends just before `from`: `-->` or `--!>`, or at once for the
/// abrupt `<!-->` and `<!--->`.
pub(super) fn comment_end(b: &[u8], from: usize) -> usize {
    if b.get(from) == Some(&b'>') {
        return from + 1;
    }
    if b.get(from..from + 2) == Some(b"->") {
        return from + 2;
    }
    let mut k = from;
    while let Some(p) = find(b, k, b"--") {
        match b.get(p + 2) {
            Some(b'>') => return p + 3,
            Some(b'!') if b.get(p + 3) == Some(&b'>') => return p + 4,
            _ => k = p + 1,
        }
    }
    b.len()
}

/// A tag whose name starts at `from`: (lowercase name, attribute bytes, self-closing, end).
/// `None` when the input ends inside the tag.
fn tag(b: &[u8], from: usize) -> Option<(Cow<'_, str>, &[u8], bool, usize)> {
    let name_end = name_end(b, from)?;
    let raw = String::from_utf8_lossy(b.get(from..name_end)?);
    let name = if raw.bytes().any(|x| x.is_ascii_uppercase()) {
        Cow::Owned(raw.to_ascii_lowercase())
    } else {
        raw
    };
    let (self_closing, end) = attributes_end(b, name_end)?;
    let attrs_end = end - if self_closing { 2 } else { 1 };
    Some((name, b.get(name_end..attrs_end)?, self_closing, end))
}

/// Where the name of a tag that starts at `from` ends; `None` when the input ends first.
fn name_end(b: &[u8], from: usize) -> Option<usize> {
    b.get(from..)?
        .iter()
        .position(|&x| CLASS[usize::from(x)] & (SPACE | SLASH | GT) != 0)
        .map(|p| p + from)
}

/// The end of a tag whose attributes start at `from` (just after its name), as the tokenizer
/// finds it: (self-closing, the offset after its `>`). `None` when the input ends inside it.
fn attributes_end(b: &[u8], from: usize) -> Option<(bool, usize)> {
    read_attributes(b, from, usize::MAX).map(|t| (t.self_closing, t.end))
}

/// Offset after the end tag `</name` (followed by space, `/` or `>`) that ends a raw text
/// element whose content starts at `from`.
pub(super) fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut k = from;
    while let Some(p) = find(b, k, b"</") {
        let start = p + 2;
        let end = start + name.len();
        if b.get(start..end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && b.get(end)
                .is_some_and(|&x| is_space(x) || x == b'/' || x == b'>')
        {
            return Some(match tag(b, start) {
                Some((_, _, _, e)) => e,
                None => b.len(),
            });
        }
        k = start;
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Element kinds

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "image"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// The raw text element (see [`is_raw_text`]), or `plaintext`, a tag's name spells in any case.
fn raw_text_name(name: &[u8]) -> Option<&'static str> {
    [
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
    ]
    .into_iter()
    .find(|raw| raw.len() == name.len() && raw.as_bytes().eq_ignore_ascii_case(name))
}

/// Elements whose content the tokenizer reads as text (scripting is on, so `noscript` too).
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
    )
}

fn is_formatting(name: &str) -> bool {
    matches!(
        name,
        "a" | "b"
            | "big"
            | "code"
            | "em"
            | "font"
            | "i"
            | "nobr"
            | "s"
            | "small"
            | "strike"
            | "strong"
            | "tt"
            | "u"
    )
}

/// The HTML "special" category (HTML namespace).
fn is_special_html(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "applet"
            | "area"
            | "article"
            | "aside"
            | "base"
            | "basefont"
            | "bgsound"
            | "blockquote"
            | "body"
            | "br"
            | "button"
            | "caption"
            | "center"
            | "col"
            | "colgroup"
            | "dd"
            | "details"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "embed"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "frame"
            | "frameset"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "iframe"
            | "img"
            | "input"
            | "keygen"
            | "li"
            | "link"
            | "listing"
            | "main"
            | "marquee"
            | "menu"
            | "meta"
            | "nav"
            | "noembed"
            | "noframes"
            | "noscript"
            | "object"
            | "ol"
            | "p"
            | "param"
            | "plaintext"
            | "pre"
            | "script"
            | "search"
            | "section"
            | "select"
            | "source"
            | "style"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "template"
            | "textarea"
            | "tfoot"
            | "th"
            | "thead"
            | "title"
            | "tr"
            | "track"
            | "ul"
            | "wbr"
            | "xmp"
    )
}

/// Start tags that close an open `<p>` (in button scope) before they open.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "header"
            | "hgroup"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "search"
            | "section"
            | "summary"
            | "ul"
            | "pre"
            | "listing"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn is_table_part(name: &str) -> bool {
    matches!(
        name,
        "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" | "colgroup"
    )
}

/// Start tags that leave `<svg>`/`<math>` content (`font` does only with some attributes; it
/// is treated as staying, the deeper guess).
fn breaks_out_of_foreign(name: &str) -> bool {
    is_heading(name)
        || matches!(
            name,
            "b" | "big"
                | "blockquote"
                | "body"
                | "br"
                | "center"
                | "code"
                | "dd"
                | "div"
                | "dl"
                | "dt"
                | "em"
                | "embed"
                | "head"
                | "hr"
                | "i"
                | "img"
                | "li"
                | "listing"
                | "menu"
                | "meta"
                | "nobr"
                | "ol"
                | "p"
                | "pre"
                | "ruby"
                | "s"
                | "small"
                | "span"
                | "strong"
                | "strike"
                | "sub"
                | "sup"
                | "table"
                | "tt"
                | "u"
                | "ul"
                | "var"
        )
}

/// Elements that push a marker on the list of active formatting elements.
fn is_marker_element(name: &str) -> bool {
    matches!(
        name,
        "applet" | "marquee" | "object" | "td" | "th" | "caption" | "template"
    )
}

/// Elements whose end tags are implied ("generate implied end tags").
fn has_implied_end(name: &str) -> bool {
    matches!(
        name,
        "dd" | "dt" | "li" | "optgroup" | "option" | "p" | "rb" | "rp" | "rt" | "rtc"
    )
}

// ---------------------------------------------------------------------------------------------
// The stack of open elements

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ns {
    Html,
    Svg,
    Math,
}

struct El {
    name: Box<str>,
    ns: Ns,
    id: u32,
}

impl El {
    fn is_html(&self, name: &str) -> bool {
        self.ns == Ns::Html && &*self.name == name
    }

    /// An SVG HTML integration point or a MathML text integration point: HTML inside.
    fn is_integration_point(&self) -> bool {
        match self.ns {
            Ns::Html => false,
            Ns::Svg => matches!(&*self.name, "foreignobject" | "desc" | "title"),
            Ns::Math => matches!(&*self.name, "mi" | "mo" | "mn" | "ms" | "mtext"),
        }
    }

    fn is_special(&self) -> bool {
        match self.ns {
            Ns::Html => is_special_html(&self.name),
            // `annotation-xml` too, and `title` counted in both namespaces: the deeper guess.
            Ns::Svg | Ns::Math => matches!(
                &*self.name,
                "foreignobject"
                    | "desc"
                    | "title"
                    | "mi"
                    | "mo"
                    | "mn"
                    | "ms"
                    | "mtext"
                    | "annotation-xml"
            ),
        }
    }

    /// Bounds the default "has an element in scope".
    fn bounds_scope(&self) -> bool {
        match self.ns {
            Ns::Html => matches!(
                &*self.name,
                "applet"
                    | "caption"
                    | "html"
                    | "table"
                    | "td"
                    | "th"
                    | "marquee"
                    | "object"
                    | "template"
            ),
            Ns::Svg | Ns::Math => self.is_special(),
        }
    }

    fn bounds_table_scope(&self) -> bool {
        self.ns == Ns::Html && matches!(&*self.name, "html" | "table" | "template")
    }
}

enum Active {
    Marker,
    El { name: Box<str>, key: u64, id: u32 },
}

enum Started {
    Kept,
    Dropped,
    RawText,
    Plaintext,
}

/// A model of the tree builder's stack of open elements and list of active formatting elements.
struct Stack {
    limit: usize,
    open: Vec<El>,
    /// Ids of the elements in `open`.
    alive: HashSet<u32>,
    active: Vec<Active>,
    next_id: u32,
    /// Start tags removed whose elements would still be open, innermost last, each with the id
    /// of the element that was on top when it was removed (its parent): they nest inside it,
    /// below every element the stack holds, and close with it.
    dropped: Vec<(Box<str>, u32)>,
    /// How many of `dropped` have each name (to tell at once that an end tag closes none).
    dropped_names: HashMap<Box<str>, usize>,
}

impl Stack {
    fn new(limit: usize) -> Self {
        Stack {
            limit,
            open: Vec::new(),
            alive: HashSet::new(),
            active: Vec::new(),
            next_id: 0,
            dropped: Vec::new(),
            dropped_names: HashMap::new(),
        }
    }

    fn fresh_id(&mut self) -> u32 {
        self.next_id = self.next_id.wrapping_add(1);
        self.next_id
    }

    fn top(&self) -> Option<&El> {
        self.open.last()
    }

    /// Whether the next token is read by the HTML rules (else by the foreign content rules).
    fn html_context(&self) -> bool {
        self.top()
            .is_none_or(|e| e.ns == Ns::Html || e.is_integration_point())
    }

    fn push(&mut self, name: &str, ns: Ns) -> u32 {
        let id = self.fresh_id();
        self.open.push(El {
            name: name.into(),
            ns,
            id,
        });
        self.alive.insert(id);
        if ns == Ns::Html && is_marker_element(name) {
            self.active.push(Active::Marker);
        }
        id
    }

    /// Pops every element from index `k` up.
    fn truncate(&mut self, k: usize) {
        while self.open.len() > k {
            let Some(e) = self.open.pop() else { break };
            self.alive.remove(&e.id);
            if e.ns == Ns::Html && is_marker_element(&e.name) {
                while let Some(a) = self.active.pop() {
                    if matches!(a, Active::Marker) {
                        break;
                    }
                }
            }
        }
    }

    /// Index of the nearest element matching `pred`, unless an element matching `bound` (and
    /// not `pred`) comes first.
    fn find(&self, pred: impl Fn(&El) -> bool, bound: impl Fn(&El) -> bool) -> Option<usize> {
        for (k, e) in self.open.iter().enumerate().rev() {
            if pred(e) {
                return Some(k);
            }
            if bound(e) {
                return None;
            }
        }
        None
    }

    fn in_scope(&self, name: &str) -> Option<usize> {
        self.find(|e| e.is_html(name), El::bounds_scope)
    }

    fn close_p(&mut self) {
        if let Some(k) = self.find(
            |e| e.is_html("p"),
            |e| e.bounds_scope() || e.is_html("button"),
        ) {
            self.truncate(k);
        }
    }

    fn table_in_scope(&self) -> Option<usize> {
        self.find(|e| e.is_html("table"), El::bounds_table_scope)
    }

    /// Index in `active` of the last formatting element named `name` after the last marker.
    fn active_named(&self, name: &str) -> Option<usize> {
        for (k, a) in self.active.iter().enumerate().rev() {
            match a {
                Active::Marker => return None,
                Active::El { name: n, .. } if &**n == name => return Some(k),
                Active::El { .. } => {}
            }
        }
        None
    }

    /// Re-opens the formatting elements a block closed (before text and inline start tags).
    fn reconstruct(&mut self) {
        let mut k = self.active.len();
        while k > 0 {
            match self.active.get(k - 1) {
                Some(Active::El { id, .. }) if !self.alive.contains(id) => k -= 1,
                _ => break,
            }
        }
        for j in k..self.active.len() {
            let name = match self.active.get(j) {
                Some(Active::El { name, .. }) => name.clone(),
                _ => continue,
            };
            let new = self.push(&name, Ns::Html);
            if let Some(Active::El { id, .. }) = self.active.get_mut(j) {
                *id = new;
            }
        }
    }

    /// The adoption agency for the formatting element `name`; false when there is none in the
    /// list (the end tag is then an ordinary one).
    fn adopt(&mut self, name: &str) -> bool {
        let Some(j) = self.active_named(name) else {
            return false;
        };
        let id = match self.active.get(j) {
            Some(Active::El { id, .. }) => *id,
            _ => return false,
        };
        let Some(pos) = self.open.iter().rposition(|e| e.id == id) else {
            self.active.remove(j);
            return true;
        };
        if self
            .open
            .get(pos + 1..)
            .is_some_and(|above| above.iter().any(El::bounds_scope))
        {
            return true;
        }
        let furthest = self
            .open
            .get(pos + 1..)
            .and_then(|above| above.iter().position(El::is_special))
            .map(|p| p + pos + 1);
        match furthest {
            None => {
                self.truncate(pos);
                self.active.remove(j);
            }
            Some(f) => {
                // The formatting element moves to just inside the block: the stack does not
                // get shallower, whatever else the algorithm reparents.
                let e = self.open.remove(pos);
                self.alive.remove(&e.id);
                let new = self.fresh_id();
                self.alive.insert(new);
                self.open.insert(
                    f,
                    El {
                        name: e.name,
                        ns: Ns::Html,
                        id: new,
                    },
                );
                if let Some(Active::El { id, .. }) = self.active.get_mut(j) {
                    *id = new;
                }
            }
        }
        true
    }

    fn push_formatting(&mut self, name: &str, attrs: &[u8]) {
        let mut h = DefaultHasher::new();
        name.hash(&mut h);
        attrs.trim_ascii().hash(&mut h);
        let key = h.finish();
        // Noah's ark: at most three identical entries after the last marker.
        let mut same = Vec::new();
        for (k, a) in self.active.iter().enumerate().rev() {
            match a {
                Active::Marker => break,
                Active::El { key: other, .. } if *other == key => same.push(k),
                Active::El { .. } => {}
            }
        }
        if same.len() >= 3
            && let Some(&earliest) = same.last()
        {
            self.active.remove(earliest);
        }
        let id = self.push(name, Ns::Html);
        self.active.push(Active::El {
            name: name.into(),
            key,
            id,
        });
    }

    /// Text between tags.
    fn text(&mut self) {
        if self.html_context() {
            self.reconstruct();
        }
    }

    /// Whether a start tag opens an element (and so counts against the limit).
    fn opens(&self, name: &str, self_closing: bool, html: bool) -> bool {
        if !html {
            return !self_closing;
        }
        if is_void(name) || is_raw_text(name) {
            return false;
        }
        match name {
            "html" | "head" | "body" | "frameset" | "plaintext" => false,
            "svg" | "math" => !self_closing,
            "form" => !self.open.iter().any(|e| e.is_html("form")),
            n if is_table_part(n) => self.table_in_scope().is_some(),
            _ => true,
        }
    }

    fn start(&mut self, name: &str, attrs: &[u8], self_closing: bool) -> Started {
        let foreign = !self.html_context();
        // A breakout tag leaves foreign content: the parser pops the foreign elements first.
        let html = !foreign || breaks_out_of_foreign(name);
        if self.opens(name, self_closing, html)
            && (self.open.len() >= self.limit
                || (is_formatting(name) && self.active.len() >= self.limit))
        {
            self.forget_closed_drops();
            let parent = self.top().map_or(0, |e| e.id);
            self.dropped.push((name.into(), parent));
            *self.dropped_names.entry(name.into()).or_insert(0) += 1;
            return Started::Dropped;
        }
        if !html {
            if !self_closing {
                let ns = self.top().map_or(Ns::Svg, |e| e.ns);
                self.push(name, ns);
            }
            return Started::Kept;
        }
        if foreign {
            while self
                .top()
                .is_some_and(|e| e.ns != Ns::Html && !e.is_integration_point())
            {
                self.truncate(self.open.len() - 1);
            }
        }
        self.start_html(name, attrs, self_closing)
    }

    fn start_html(&mut self, name: &str, attrs: &[u8], self_closing: bool) -> Started {
        match name {
            "html" | "head" | "body" | "frameset" => {}
            "plaintext" => return Started::Plaintext,
            "hr" => self.close_p(),
            "area" | "br" | "embed" | "img" | "image" | "input" | "keygen" | "wbr" => {
                self.reconstruct()
            }
            n if is_void(n) => {}
            "xmp" => {
                self.close_p();
                self.reconstruct();
                return Started::RawText;
            }
            n if is_raw_text(n) => return Started::RawText,
            n if closes_p(n) => {
                self.close_p();
                self.push(n, Ns::Html);
            }
            n if is_heading(n) => {
                self.close_p();
                if self
                    .top()
                    .is_some_and(|e| e.ns == Ns::Html && is_heading(&e.name))
                {
                    self.truncate(self.open.len() - 1);
                }
                self.push(n, Ns::Html);
            }
            "form" => {
                if !self.open.iter().any(|e| e.is_html("form")) {
                    self.close_p();
                    self.push("form", Ns::Html);
                }
            }
            "li" | "dd" | "dt" => {
                let closes: &[&str] = if name == "li" { &["li"] } else { &["dd", "dt"] };
                if let Some(k) = self.find(
                    |e| e.ns == Ns::Html && closes.contains(&&*e.name),
                    |e| {
                        e.is_special()
                            && !(e.is_html("address") || e.is_html("div") || e.is_html("p"))
                    },
                ) {
                    self.truncate(k);
                }
                self.close_p();
                self.push(name, Ns::Html);
            }
            "button" => {
                if let Some(k) = self.in_scope("button") {
                    self.truncate(k);
                }
                self.reconstruct();
                self.push("button", Ns::Html);
            }
            "a" => {
                if self.active_named("a").is_some() {
                    self.adopt("a");
                    if let Some(j) = self.active_named("a") {
                        self.active.remove(j);
                    }
                }
                self.reconstruct();
                self.push_formatting("a", attrs);
            }
            "nobr" => {
                self.reconstruct();
                if self.in_scope("nobr").is_some() {
                    self.adopt("nobr");
                    self.reconstruct();
                }
                self.push_formatting("nobr", attrs);
            }
            n if is_formatting(n) => {
                self.reconstruct();
                self.push_formatting(n, attrs);
            }
            "table" => {
                let in_table_mode = self.top().is_some_and(|e| {
                    e.ns == Ns::Html
                        && matches!(&*e.name, "table" | "tbody" | "thead" | "tfoot" | "tr")
                });
                match self.table_in_scope() {
                    Some(k) if in_table_mode => self.truncate(k),
                    _ => self.close_p(),
                }
                self.push("table", Ns::Html);
            }
            n if is_table_part(n) => {
                if let Some(k) = self.table_in_scope() {
                    self.truncate(k + 1);
                    // The rows and row groups the parser implies.
                    match n {
                        "td" | "th" => {
                            self.push("tbody", Ns::Html);
                            self.push("tr", Ns::Html);
                        }
                        "tr" => {
                            self.push("tbody", Ns::Html);
                        }
                        _ => {}
                    }
                    self.push(n, Ns::Html);
                }
            }
            "option" | "optgroup" => {
                if self.top().is_some_and(|e| e.is_html("option")) {
                    self.truncate(self.open.len() - 1);
                }
                self.reconstruct();
                self.push(name, Ns::Html);
            }
            "rb" | "rtc" | "rp" | "rt" => {
                if self.in_scope("ruby").is_some() {
                    while self.top().is_some_and(|e| {
                        e.ns == Ns::Html
                            && has_implied_end(&e.name)
                            && !(matches!(name, "rp" | "rt") && &*e.name == "rtc")
                    }) {
                        self.truncate(self.open.len() - 1);
                    }
                }
                self.push(name, Ns::Html);
            }
            "svg" | "math" => {
                self.reconstruct();
                if !self_closing {
                    self.push(name, if name == "svg" { Ns::Svg } else { Ns::Math });
                }
            }
            "applet" | "marquee" | "object" | "select" | "template" => {
                self.reconstruct();
                self.push(name, Ns::Html);
            }
            n => {
                if !is_special_html(n) {
                    self.reconstruct();
                }
                self.push(n, Ns::Html);
            }
        }
        Started::Kept
    }

    /// Forgets the removed elements whose parent has been closed: they closed with it.
    fn forget_closed_drops(&mut self) {
        while let Some((name, parent)) = self.dropped.last() {
            if *parent == 0 || self.alive.contains(parent) {
                break;
            }
            if let Some(n) = self.dropped_names.get_mut(name) {
                *n = n.saturating_sub(1);
            }
            self.dropped.pop();
        }
    }

    /// Whether an end tag belongs to a removed start tag (and is removed too). The removed
    /// elements are the innermost open ones, so an end tag closes the nearest removed element of
    /// its name, and those removed inside it, before any element the stack holds.
    fn drop_end(&mut self, name: &str) -> bool {
        self.forget_closed_drops();
        if self.dropped_names.get(name).is_none_or(|&n| n == 0) {
            return false;
        }
        let Some(k) = self.dropped.iter().rposition(|(n, _)| &**n == name) else {
            return false;
        };
        for (n, _) in self.dropped.drain(k..) {
            if let Some(c) = self.dropped_names.get_mut(&n) {
                *c = c.saturating_sub(1);
            }
        }
        true
    }

    fn end(&mut self, name: &str) {
        if self.top().is_some_and(|e| e.ns != Ns::Html) {
            // Foreign content: the nearest foreign element of that name, until an HTML one.
            for k in (0..self.open.len()).rev() {
                let Some(e) = self.open.get(k) else { break };
                if e.ns == Ns::Html {
                    break;
                }
                if &*e.name == name {
                    self.truncate(k);
                    return;
                }
            }
        }
        self.end_html(name);
    }

    fn end_html(&mut self, name: &str) {
        let found = match name {
            "html" | "head" | "body" | "br" => None,
            "p" => self.find(
                |e| e.is_html("p"),
                |e| e.bounds_scope() || e.is_html("button"),
            ),
            "li" => self.find(
                |e| e.is_html("li"),
                |e| e.bounds_scope() || e.is_html("ol") || e.is_html("ul"),
            ),
            n if is_heading(n) => self.find(
                |e| e.ns == Ns::Html && is_heading(&e.name),
                El::bounds_scope,
            ),
            "form" => {
                // Removed from the stack alone; what it held stays open.
                if let Some(k) = self.in_scope("form") {
                    let e = self.open.remove(k);
                    self.alive.remove(&e.id);
                }
                None
            }
            "table" => self.table_in_scope(),
            n if is_table_part(n) => self.find(|e| e.is_html(n), El::bounds_table_scope),
            "select" => self.find(
                |e| e.is_html("select"),
                |e| !(e.is_html("option") || e.is_html("optgroup")),
            ),
            n if is_formatting(n) && self.adopt(n) => None,
            n if is_special_html(n) || n == "dialog" => self.in_scope(n),
            n => self.find(|e| e.is_html(n), El::is_special),
        };
        if let Some(k) = found {
            self.truncate(k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_past_the_limit_are_left_out_and_their_lines_kept() {
        assert_eq!(cap_attributes("<p a b c>x</p>", 3), None);
        assert_eq!(
            cap_attributes("<p a b\nc=\"1 >\" d='2' e>x</p a b c d e/>", 2).as_deref(),
            Some("<p a b\n>x</p a b />")
        );
        // Raw text is not markup; a self-closing tag keeps its `/>`.
        assert_eq!(
            cap_attributes("<script>if(a<b c d e)x()</script><br a b c/>", 2).as_deref(),
            Some("<script>if(a<b c d e)x()</script><br a b />")
        );
        // Cut off by the end of the input: nothing to cut.
        assert_eq!(cap_attributes("<p a b c d", 2), None);
        assert_eq!(
            cap_attributes("</p a b c d>", 2).as_deref(),
            Some("</p a b >")
        );
    }

    /// A tag's attributes as html5ever reads them: where the tag ends and how many it has, on
    /// tags of random names (some starting with `=` or a quote), values (bare ones holding `/`,
    /// `=` and quotes; quoted ones holding `>`, `<`, the other quote, line breaks), separators
    /// (space, line break, `/`) and spacing around `=`, every name unique so that none is dropped
    /// as a duplicate.
    #[test]
    fn attributes_are_read_as_the_tokenizer_reads_them() {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let quoted = [" ", "\n", "/", "=", ">", "<", "x", "'", "zzzzzzzzzzzzzzzz"];
        let bare = ["/", "=", "\"", "'", "x", "y"];
        for round in 0..4000 {
            let mut attrs = String::new();
            // A name that starts with `=` after one without a value would be that one's value,
            // and a `/` after a bare value part of it.
            let (mut valued, mut bare_value) = (true, false);
            for k in 0..next(12) {
                attrs.push_str(
                    [" ", "\n ", "/", " / "][next(if bare_value { 2 } else { 4 }) as usize],
                );
                attrs.push_str(["", "=", "\"", "'"][next(if valued { 4 } else { 1 }) as usize]);
                attrs.push_str(&format!("a{k}n"));
                (valued, bare_value) = (true, false);
                match next(4) {
                    0 => valued = false,
                    1 => {
                        bare_value = true;
                        attrs.push_str([" = v", "=v"][next(2) as usize]);
                        for _ in 0..next(6) {
                            attrs.push_str(bare[next(bare.len() as u64) as usize]);
                        }
                    }
                    q => {
                        let q = if q == 2 { '"' } else { '\'' };
                        attrs.push_str(["=", " = "][next(2) as usize]);
                        attrs.push(q);
                        for _ in 0..next(24) {
                            let piece = quoted[next(quoted.len() as u64) as usize];
                            attrs.push_str(if piece == "'" && q == '\'' {
                                "\""
                            } else {
                                piece
                            });
                        }
                        attrs.push(q);
                    }
                }
            }
            let page = format!("<p{attrs}>after</p>");
            let b = page.as_bytes();
            let tag = read_attributes(b, 2, usize::MAX)
                .unwrap_or_else(|| panic!("round {round}: {page:?} read to its end"));
            let html = scraper::Html::parse_document(&page);
            let p = html
                .select(&scraper::Selector::parse("p").unwrap())
                .next()
                .unwrap_or_else(|| panic!("round {round}: no <p> in {page:?}"));
            assert_eq!(
                p.text().collect::<String>(),
                "after",
                "round {round}: {page:?}"
            );
            assert_eq!(&page[tag.end..], "after</p>", "round {round}: {page:?}");
            let count = p.value().attrs().count();
            assert!(
                read_attributes(b, 2, count).is_some_and(|t| t.cut.is_none())
                    && (count == 0
                        || read_attributes(b, 2, count - 1).is_some_and(|t| t.cut.is_some())),
                "round {round}: {page:?}: html5ever reads {count} attributes"
            );
        }
    }

    #[test]
    fn only_elements_past_the_limit_are_removed() {
        assert_eq!(cap_depth("<div><div><p>x</p></div></div>", 3), None);
        assert_eq!(
            cap_depth("<div><span><b>x</b></span></div>", 2).as_deref(),
            Some("<div><span>x</span></div>")
        );
        assert_eq!(
            cap_depth("<div><div\n class=a><br/><img src=x>y</div></div>", 1).as_deref(),
            Some("<div><br>\n<br/><img src=x>y<br></div>")
        );
        // An end tag closes the removed element inside, not the kept one it would match first
        // by name: what follows stays where it was (here `y` and `z` in their own divs).
        assert_eq!(
            cap_depth("<div><div><div>x</div>y</div>z</div>", 2).as_deref(),
            Some("<div><div><br>x<br>y</div>z</div>")
        );
        // A run of removed blocks parts paragraphs once.
        let run = format!("<div>{}x{}</div>", "<div>\n".repeat(5), "</div>".repeat(5));
        assert_eq!(
            cap_depth(&run, 1).as_deref(),
            Some("<div><br>\n\n\n\n\nx<br></div>")
        );
        assert_eq!(
            cap_depth("<div><p><b><i>x</i>y</b>z</p>w</div>", 2).as_deref(),
            Some("<div><p>xyz</p>w</div>")
        );
        // Paragraphs and list items close their predecessors; voids and raw text never count.
        assert_eq!(cap_depth(&"<p>x".repeat(1000), 2), None);
        assert_eq!(cap_depth(&"<ul><li>a<li>b<li>c</ul>".repeat(1000), 3), None);
        assert_eq!(
            cap_depth(&"<div><script>x</script></div>".repeat(1000), 1),
            None
        );
        assert_eq!(
            cap_depth(&"<table><tr><td>a<td>b<tr><td>c</table>".repeat(100), 5),
            None
        );
    }

    #[test]
    fn tokens_are_read_as_the_tokenizer_reads_them() {
        // `<!-->` is a whole comment: what follows is markup.
        assert!(cap_depth(&format!("<!-->{}", "<div>".repeat(10)), 4).is_some());
        // A quoted `>` does not end a tag; an unquoted one does.
        assert_eq!(
            cap_depth("<div title='a>b'><div>x</div></div>", 1).as_deref(),
            Some("<div title='a>b'><br>x<br></div>")
        );
        // `<div/>` opens a div in HTML; `<path/>` in SVG opens nothing.
        assert!(cap_depth(&"<div/>".repeat(10), 4).is_some());
        assert_eq!(
            cap_depth(&format!("<svg>{}</svg>", "<path/>".repeat(10)), 2),
            None
        );
        // Script content is not markup, but SVG's <style> content is.
        assert_eq!(
            cap_depth(&format!("<script>{}</script>", "<div>".repeat(10)), 2),
            None
        );
        assert!(cap_depth(&format!("<svg><style>{}", "<div>".repeat(10)), 4).is_some());
    }

    #[test]
    fn text_view_keeps_removed_tags_line_breaks() {
        assert_eq!(
            cap_depth("<div><span\n>a</span\n></div>", 1).as_deref(),
            Some("<div>\na\n</div>")
        );
    }

    /// Depth of the deepest element scraper builds from `page`.
    fn parsed_depth(page: &str) -> usize {
        let html = scraper::Html::parse_document(page);
        let mut depth = 0usize;
        let mut max = 0usize;
        for edge in html.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(_) => {
                    depth += 1;
                    max = max.max(depth);
                }
                ego_tree::iter::Edge::Close(_) => depth = depth.saturating_sub(1),
            }
        }
        max
    }

    /// Hostile nestings that a plain count of unclosed tags would miss: each repeats a pattern
    /// that deepens the parsed tree, and the capped page must stay within a small multiple of
    /// the limit (without the cap every one of them is thousands deep).
    #[test]
    fn nestings_the_tree_builder_creates_are_capped() {
        let limit = 64;
        let n = 1000;
        let cases: Vec<(&str, String)> = vec![
            ("divs", "<div>".repeat(n)),
            ("self-closing divs", "<div/>".repeat(n)),
            (
                "spans closed across a block",
                "<span><div></span>".repeat(n),
            ),
            (
                "divs closed across an object",
                "<div><object></div>".repeat(n),
            ),
            ("list items in definitions", "<li><dd>".repeat(n)),
            ("ruby text outside ruby", "<rt>".repeat(n)),
            (
                "table cells inside svg",
                format!("<svg>{}", "<td>".repeat(n)),
            ),
            ("abrupt comment", format!("<!-->{}", "<div>".repeat(n))),
            (
                "svg left by a breakout",
                "<svg><div><div><div></svg>".repeat(n),
            ),
            ("misnested formatting", "<b><div></b>".repeat(n)),
            ("reopened formatting", "<div><b></div>x".repeat(n)),
            (
                "distinct formatting reopened",
                (0..n)
                    .map(|i| format!("<div><b id={i}></div>"))
                    .collect::<String>()
                    + "x",
            ),
            ("nested tables", "<table><tr><td>x".repeat(n)),
            ("style in svg", format!("<svg><style>{}", "<div>".repeat(n))),
            ("forms", "<form><div></form>".repeat(n)),
            ("headings in inline elements", "<h1><span><h2>".repeat(n)),
            ("anchors", "<a><div></a>".repeat(n)),
            ("quoted brackets", "<div title='a>b'>".repeat(n)),
            ("bogus end tags", "<div></ x>".repeat(n)),
            ("math text", format!("<math><mi>{}", "<mi>".repeat(n))),
            ("select", format!("<select>{}", "<div>".repeat(n))),
        ];
        for (what, body) in cases {
            let page = format!("<html><body>{body}<p>尾</p></body></html>");
            let capped = cap_depth(&page, limit);
            let text = capped.as_deref().unwrap_or(&page);
            let depth = parsed_depth(text);
            assert!(
                depth <= 3 * limit + 8,
                "{what}: parsed {depth} deep after capping at {limit}"
            );
        }
    }
}
