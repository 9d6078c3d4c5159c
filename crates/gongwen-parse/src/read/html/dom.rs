//! Small helpers over scraper's tree: what an element is, and its text.
//!
//! Every walk here is iterative (ego-tree's `traverse`), so a page nested 100,000 elements deep
//! cannot overflow the stack.

use crate::normalize::TrimFast as _;
use crate::normalize::normalize_block;
use ego_tree::iter::Edge;
use html5ever::{LocalName, local_name};
use scraper::Node;
use scraper::node::Element;

/// A node of the parsed page.
pub(super) type Dom<'a> = ego_tree::NodeRef<'a, Node>;

/// `node`'s edges in document order, less the subtrees the reader leaves out: after
/// [`Walk::skip_subtree`] on an element's open edge, nothing more of that element is yielded, its close
/// edge included. The readers of a page's text share it.
pub(super) struct Walk<'a> {
    edges: ego_tree::iter::Traverse<'a, Node>,
    skipping: Option<ego_tree::NodeId>,
}

impl<'a> Walk<'a> {
    pub(super) fn new(node: Dom<'a>) -> Self {
        Walk {
            edges: node.traverse(),
            skipping: None,
        }
    }

    /// Leaves out the rest of the element whose open edge was just yielded.
    pub(super) fn skip_subtree(&mut self, id: ego_tree::NodeId) {
        self.skipping = Some(id);
    }
}

impl<'a> Iterator for Walk<'a> {
    type Item = Edge<'a, Node>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let edge = self.edges.next()?;
            match self.skipping {
                None => return Some(edge),
                Some(s) => {
                    if matches!(edge, Edge::Close(n) if n.id() == s) {
                        self.skipping = None;
                    }
                }
            }
        }
    }
}

/// The element's tag name, when the node is an element.
pub(super) fn tag<'a>(n: &Dom<'a>) -> Option<&'a str> {
    n.value().as_element().map(|e| e.name())
}

/// Whether `text` has a character that is not white space: `!text.trim_ws().is_empty()`, read
/// from the front only and byte by byte over ASCII. Asked of every text node a walk meets, most
/// of which are a line break and indentation between two tags, or start with their text.
pub(super) fn has_visible(text: &str) -> bool {
    // `char::is_whitespace` over ASCII: `is_ascii_whitespace` and the vertical tab.
    first_not_space(text, |c| c.is_ascii_whitespace() || c == 0x0B).is_some()
}

/// Where the first character of `text` that is not white space starts: an ASCII byte that
/// `ascii_space` turns down, or any other character that is not `char::is_whitespace`.
pub(super) fn first_not_space(text: &str, ascii_space: impl Fn(u8) -> bool) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c.is_ascii() {
            if !ascii_space(c) {
                return Some(i);
            }
            i += 1;
            continue;
        }
        // White space beyond ASCII starts with one of these bytes (U+0085, U+00A0, U+1680,
        // U+2000–U+205F, U+3000): a character that starts with another (Chinese text) shows
        // without being decoded.
        if !matches!(c, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
            return Some(i);
        }
        let ch = text.get(i..)?.chars().next()?;
        if !ch.is_whitespace() {
            return Some(i);
        }
        i += ch.len_utf8();
    }
    None
}

/// The element's tag name as an atom (compared as an integer, never spelled out), when the node
/// is an element.
pub(super) fn local<'a>(n: &Dom<'a>) -> Option<&'a LocalName> {
    n.value().as_element().map(|e| &e.name.local)
}

/// Elements whose content is never part of the notice: scripts, styles, embedded objects,
/// form controls, and the page's navigation and footer. Names are atoms, compared as integers.
pub(super) fn is_ignored_tag(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("noscript")
            | local_name!("template")
            | local_name!("iframe")
            | local_name!("frame")
            | local_name!("frameset")
            | local_name!("object")
            | local_name!("embed")
            | local_name!("svg")
            | local_name!("math")
            | local_name!("canvas")
            | local_name!("head")
            | local_name!("title")
            | local_name!("meta")
            | local_name!("link")
            | local_name!("button")
            | local_name!("select")
            | local_name!("option")
            | local_name!("input")
            | local_name!("textarea")
            | local_name!("nav")
            | local_name!("aside")
            | local_name!("footer")
            | local_name!("audio")
            | local_name!("video")
            | local_name!("map")
            // Text deleted in a tracked change (Word's page of a draft with 修订, a portal's
            // amended text), which the DOCX reader leaves out as well.
            | local_name!("del")
    )
}

/// Tags that start and end a block of text (a paragraph boundary). Names are atoms.
pub(super) fn is_block_tag(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("p")
            | local_name!("div")
            | local_name!("br")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("li")
            | local_name!("ul")
            | local_name!("ol")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("dd")
            | local_name!("section")
            | local_name!("article")
            | local_name!("main")
            | local_name!("header")
            | local_name!("footer")
            | local_name!("address")
            | local_name!("blockquote")
            | local_name!("pre")
            | local_name!("center")
            | local_name!("hr")
            | local_name!("table")
            | local_name!("thead")
            | local_name!("tbody")
            | local_name!("tfoot")
            | local_name!("tr")
            | local_name!("td")
            | local_name!("th")
            | local_name!("caption")
            | local_name!("figure")
            | local_name!("figcaption")
            | local_name!("form")
            | local_name!("fieldset")
            | local_name!("legend")
            | local_name!("details")
            | local_name!("summary")
            | local_name!("body")
            | local_name!("html")
            | local_name!("hgroup")
            | local_name!("menu")
            | local_name!("dir")
    )
}

/// Words in an `id` or `class` that mark site chrome: navigation, breadcrumbs, share widgets,
/// QR codes, toolbars, footers.
const CHROME_TOKENS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "crumb",
    "crumbs",
    "footer",
    "share",
    "bdshare",
    "jiathis",
    "fenxiang",
    "qrcode",
    "qr",
    "erweima",
    "ewm",
    "toolbar",
    "sidebar",
    "copyright",
    "dqwz",
    "weizhi",
    // Lists of related documents below the article (相关文件, 相关链接): other documents' titles.
    "related",
    "xgwj",
    "xglj",
];

/// What a page saved from Word prints apart from the text, as the DOCX reader leaves it out:
/// footnote and endnote marks and texts, reviewers' comments and their anchors (`[WL1]`), the
/// page header and footer (`— 1 —`). Chrome, and hidden too, so that no reader takes them in,
/// not even a table cell's (whose reader passes chrome-like classes over).
const WORD_APPARATUS: &[&str] = &[
    "MsoFootnoteReference",
    "MsoEndnoteReference",
    "MsoFootnoteText",
    "MsoEndnoteText",
    "MsoCommentReference",
    "MsoCommentText",
    "msocomanchor",
    "msocomtxt",
    "msocomoff",
    "MsoHeader",
    "MsoFooter",
];

/// Whether a `class` attribute names Word's apparatus ([`WORD_APPARATUS`]); classes that do not
/// start with `mso` are turned down by their first bytes.
fn is_word_apparatus(class: &str) -> bool {
    classes(Some(class)).any(|c| {
        c.as_bytes()
            .get(..3)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"mso"))
            && WORD_APPARATUS.iter().any(|w| w.eq_ignore_ascii_case(c))
    })
}

/// The extension of the document file a link's `href` names (`/files/P020230301.pdf`,
/// `down.jsp?f=1.docx` aside: the path's own), in lower case: a page may link a file under a
/// text without one (`<a href="….pdf">附件1：任务分工表</a>`).
pub(super) fn href_file_ext(href: &str) -> Option<&'static str> {
    const EXTENSIONS: &[&str] = &["pdf", "doc", "docx", "xls", "xlsx", "wps", "et", "ofd"];
    let path = href.split(['?', '#']).next().unwrap_or(href).trim_end_ws();
    let name = path.rsplit('/').next().unwrap_or(path);
    let (stem, ext) = name.rsplit_once('.')?;
    if stem.is_empty() {
        return None;
    }
    EXTENSIONS
        .iter()
        .find(|e| ext.eq_ignore_ascii_case(e))
        .copied()
}

/// The file name a link to a document file gives when its text names the file without an
/// extension (`附件1：任务分工表` linking `….pdf` → `附件1：任务分工表.pdf`): its text, with Chinese
/// besides an attachment label and no download prompt (`点击下载`, `查看`), and the `href`'s
/// extension.
pub(super) fn linked_file_name(text: &str, href: &str) -> Option<String> {
    let ext = href_file_ext(href)?;
    let text = crate::normalize::normalize_block(text);
    // A link that reads only its label (`附件2`): the attachment's number names the file.
    if is_bare_attachment_label(&text) {
        return Some(format!("{text}.{ext}"));
    }
    let han = text
        .chars()
        .filter(|&c| crate::normalize::is_han(c))
        .count();
    if han < 2 + 2 * text.matches("附件").count()
        || ["下载", "点击", "查看", "浏览"]
            .iter()
            .any(|w| text.contains(w))
    {
        return None;
    }
    let name = format!("{text}.{ext}");
    crate::structure::is_file_name(&name).then_some(name)
}

/// The name of the file a link's `href` names, when it is a title (`/files/重点任务清单.xlsx`,
/// also percent-encoded): its stem, with two Chinese characters or more; `None` for a name a
/// server made up (`P020240301512345.xlsx`) or one that is no valid UTF-8.
pub(super) fn href_file_title(href: &str) -> Option<String> {
    let path = href.split(['?', '#']).next().unwrap_or(href).trim_end_ws();
    let name = path.rsplit('/').next().unwrap_or(path);
    let (stem, _) = name.rsplit_once('.')?;
    let stem = if stem.contains('%') {
        let b = stem.as_bytes();
        let mut bytes = Vec::with_capacity(b.len());
        let mut i = 0;
        while i < b.len() {
            let hex = |k: usize| b.get(k).and_then(|&c| (c as char).to_digit(16));
            match (b[i], hex(i + 1), hex(i + 2)) {
                (b'%', Some(hi), Some(lo)) => {
                    bytes.push((hi * 16 + lo) as u8);
                    i += 3;
                }
                (c, _, _) => {
                    bytes.push(c);
                    i += 1;
                }
            }
        }
        String::from_utf8(bytes).ok()?
    } else {
        stem.to_string()
    };
    let stem = crate::normalize::normalize_block(&stem);
    let han = stem
        .chars()
        .filter(|&c| crate::normalize::is_han(c))
        .count();
    (han >= 2 && !is_bare_attachment_label(&stem) && !stem.contains(['/', '\\'])).then_some(stem)
}

/// Whether a link's text is an attachment's label and nothing else: `附件1`, `附件二`.
pub(super) fn is_bare_attachment_label(text: &str) -> bool {
    text.strip_prefix("附件").is_some_and(|n| {
        !n.is_empty()
            && n.chars().count() <= 3
            && n.chars()
                .all(|c| c.is_ascii_digit() || crate::numbering::is_cn_numeral(c))
    })
}

/// Whether a link's text only prompts to download the file its `href` names (`[下载]`,
/// `【下载】`, `点击下载`, `下载附件`): the file is named by the text before the link.
pub(super) fn is_download_prompt(text: &str) -> bool {
    let text = crate::normalize::normalize_block(text);
    let bare = text
        .trim_start_matches(['[', '【', '（', '(', '〔'])
        .trim_end_matches([']', '】', '）', ')', '〕']);
    matches!(
        bare,
        "下载" | "点击下载" | "下载附件" | "立即下载" | "下载文件"
    )
}

/// Whether a link's `href` is one of the page's tools rather than a link: a script that prints
/// the page, closes the window or changes the font size (`javascript:window.print()`,
/// `javascript:window.close()`, `javascript:doZoom(16)`). A script link that opens a file
/// (`javascript:void(0)` with an `onclick`) is not.
pub(super) fn is_page_tool_href(href: &str) -> bool {
    let b = href.trim_start().as_bytes();
    if !b
        .get(..11)
        .is_some_and(|p| p.eq_ignore_ascii_case(b"javascript:"))
    {
        return false;
    }
    const TOOLS: [&[u8]; 4] = [b"print", b"close", b"zoom", b"fontsize"];
    (11..b.len()).any(|i| {
        TOOLS.iter().any(|t| {
            b.get(i..i + t.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(t))
        })
    })
}

/// The value of attribute `name` of `e` (in any namespace, as scraper's `Element::attrs` lists
/// them). Names are compared as atoms (one integer comparison for the names html5ever knows),
/// never spelled out.
pub(super) fn attr<'a>(e: &'a Element, name: &LocalName) -> Option<&'a str> {
    e.attrs
        .iter()
        .find(|(k, _)| k.local == *name)
        .map(|(_, v)| &**v)
}

/// The classes in a `class` attribute, as `Element::classes` splits them.
pub(super) fn classes(class: Option<&str>) -> impl Iterator<Item = &str> {
    class.unwrap_or_default().split_ascii_whitespace()
}

/// True for elements marked as site chrome by their `id` or `class` (see [`CHROME_TOKENS`]).
pub(super) fn is_chrome_named(id: Option<&str>, class: Option<&str>) -> bool {
    id.into_iter().chain(classes(class)).any(|name| {
        let b = name.as_bytes();
        b.get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"bdshare"))
            || b.windows(10)
                .any(|w| w.eq_ignore_ascii_case(b"breadcrumb"))
            // Non-ASCII characters separate tokens like any other non-alphanumeric byte (their
            // bytes are all non-ASCII); the empty tokens that leaves match nothing.
            || b.split(|x| !x.is_ascii_alphanumeric()).any(|t| {
                CHROME_TOKENS
                    .iter()
                    .chain(WORD_APPARATUS)
                    .any(|c| c.as_bytes().eq_ignore_ascii_case(t))
            })
    })
}

/// The element's `id` and `class` (the first of each, as `Element::id` and `Element::classes`
/// read them) and whether it is hidden (as [`is_hidden`] decides), in one pass over its
/// attributes.
pub(super) fn id_class_hidden(e: &Element) -> (Option<&str>, Option<&str>, bool) {
    let (mut id, mut class) = (None, None);
    let mut hidden = false;
    let mut style = None;
    for (k, v) in &e.attrs {
        // Atoms: the names are compared as integers, not read.
        match k.local {
            local_name!("id") if id.is_none() => id = Some(&**v),
            local_name!("class") if class.is_none() => class = Some(&**v),
            local_name!("hidden") => hidden = true,
            local_name!("style") => style = Some(&**v),
            _ => {}
        }
    }
    let hides = |style: &str| {
        style_hides(style) || (is_inline_text_tag(&e.name.local) && style_zero_font(style))
    };
    let apparatus = class.is_some_and(is_word_apparatus);
    (id, class, hidden || apparatus || style.is_some_and(hides))
}

/// The inline elements a site wraps a watermark in (`<span style="font-size:0">`). A block set
/// in no size is rather the layout trick that drops the white space between its inline blocks,
/// each of which sets its own size: its text shows.
fn is_inline_text_tag(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("span")
            | local_name!("font")
            | local_name!("i")
            | local_name!("em")
            | local_name!("b")
            | local_name!("strong")
            | local_name!("u")
            | local_name!("s")
            | local_name!("small")
    )
}

/// What follows a `0` value after `v`'s colon (white space around it), read from the bytes (CSS
/// white space is ASCII); `None` when the value is not a `0`.
fn zero_value(v: &[u8]) -> Option<&[u8]> {
    let skip_space = |v: &[u8]| v.iter().take_while(|c| c.is_ascii_whitespace()).count();
    let v = &v[skip_space(v)..];
    let v = v.strip_prefix(b":")?;
    let v = &v[skip_space(v)..];
    v.strip_prefix(b"0")
}

/// True when `style` sets `font-size` to zero (`0`, `0px`, `0pt`, `0em`, any case, white space
/// around the colon): the text is in no size, a watermark no reader sees
/// (`<span style="font-size:0">www.example.gov.cn</span>`). `font-size:0.5em` shows.
fn style_zero_font(style: &str) -> bool {
    let b = style.as_bytes();
    // `size` is found from its `z`, which few other properties have (`z-index`, `zoom`): a
    // byte search that needs no searcher built for each style.
    memchr::memchr2_iter(b'z', b'Z', b).any(|z| {
        let Some(at) = z.checked_sub(2).filter(|&at| at >= 5) else {
            return false;
        };
        b.get(at..at + 4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"size"))
            && b[at - 5..at].eq_ignore_ascii_case(b"font-")
            && zero_value(&b[at + 4..]).is_some_and(
                |rest| !matches!(rest.first(), Some(c) if c.is_ascii_digit() || *c == b'.'),
            )
    })
}

/// True for elements hidden from readers (`hidden`, `display:none`, `visibility:hidden`), and
/// for Word's apparatus on a page saved from Word ([`WORD_APPARATUS`]).
pub(super) fn is_hidden(e: &Element) -> bool {
    id_class_hidden(e).2
}

/// True when `style`, with all white space removed and ASCII letters lowercased, contains
/// `display:none` or `visibility:hidden`. Streams the characters through a 16-byte shift
/// register (and the byte shifted out of it) instead of building that string.
fn style_hides(style: &str) -> bool {
    const fn pack(p: &[u8]) -> u128 {
        let mut v = 0u128;
        let mut i = 0;
        while i < p.len() {
            v = (v << 8) | p[i] as u128;
            i += 1;
        }
        v
    }
    const NONE: u128 = pack(b"display:none");
    const NONE_MASK: u128 = (1u128 << 96) - 1;
    // `visibility:hidden` is 17 bytes: its last 16 fill the register, its `v` was shifted out.
    const HIDDEN: u128 = pack(b"isibility:hidden");
    // Both patterns need a `y`, then a colon, then an `n` or `h` (white space aside). Most
    // styles have none such (`font-family: 仿宋`): a look after each `y` tells, without
    // streaming the whole style (a long style has many colons but few `y`s).
    let candidate = memchr::memchr2_iter(b'y', b'Y', style.as_bytes()).any(|at| {
        let mut next = style
            .get(at + 1..)
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_whitespace());
        next.next() == Some(':') && matches!(next.next(), Some('n' | 'N' | 'h' | 'H'))
    });
    if !candidate {
        return false;
    }
    let mut reg = 0u128;
    for c in style.chars().filter(|c| !c.is_whitespace()) {
        // A non-ASCII character is a 0, which no pattern contains.
        let b = if c.is_ascii() {
            (c as u8).to_ascii_lowercase()
        } else {
            0
        };
        let out = (reg >> 120) as u8;
        reg = (reg << 8) | u128::from(b);
        if (b == b'e' && reg & NONE_MASK == NONE) || (b == b'n' && reg == HIDDEN && out == b'v') {
            return true;
        }
    }
    false
}

/// Elements whose subtree a reader skips: ignored tags, hidden elements. (Chrome is decided
/// separately, because a content container may itself carry a chrome-like class.)
pub(super) fn is_skipped(e: &Element) -> bool {
    is_ignored_tag(&e.name.local) || is_hidden(e)
}

/// The element right before `n` among its siblings (text between them passed over).
pub(super) fn prev_element(n: Dom<'_>) -> Option<Dom<'_>> {
    n.prev_siblings().find(|s| s.value().is_element())
}

/// The text of `node` as lines, joined by a space and normalized: block boundaries (and `<br>`,
/// table rows and cells of nested tables) break lines; skipped elements contribute nothing.
pub(super) fn joined_text(node: Dom<'_>) -> String {
    TextLines::default().joined(node)
}

/// The text of an element by lines (raw: entities decoded, white space as in the page, blank
/// lines left out), in one buffer that is reused from element to element (a table reads
/// thousands of cells).
#[derive(Default)]
pub(super) struct TextLines {
    text: String,
    /// Where each line starts in `text`.
    starts: Vec<usize>,
    /// The first text node with visible text.
    first: Option<ego_tree::NodeId>,
}

impl TextLines {
    /// Reads `node`'s text, replacing what was read before.
    pub(super) fn read(&mut self, node: Dom<'_>) {
        self.read_marked(node, None);
    }

    /// [`joined_text`], with this buffer: `node`'s lines joined by a space, normalized (a single
    /// line, the usual case, is normalized from the buffer without a copy).
    pub(super) fn joined(&mut self, node: Dom<'_>) -> String {
        self.read(node);
        let mut lines = self.lines();
        let Some(first) = lines.next() else {
            return String::new();
        };
        if lines.clone().next().is_none() {
            // As a paragraph is read: joint issuers set apart by spaces stay apart.
            return crate::normalize::normalize_cell(first);
        }
        let mut all = first.to_string();
        for line in lines {
            // A line break, which closes up between Chinese text as white space in a line may not.
            all.push('\n');
            all.push_str(line);
        }
        normalize_block(&all)
    }

    /// [`TextLines::read`] for an element the content survey covered: its [`Marks`] say which
    /// elements are hidden, instead of their attributes being read again.
    ///
    /// [`Marks`]: super::content::Marks
    pub(super) fn read_marked(&mut self, node: Dom<'_>, marks: Option<&super::content::Marks>) {
        self.text.clear();
        self.starts.clear();
        self.starts.push(0);
        self.first = None;
        // Whether the line being read has visible text.
        let mut visible = false;
        let mut walk = Walk::new(node);
        while let Some(edge) = walk.next() {
            match edge {
                Edge::Open(n) => match n.value() {
                    Node::Text(t) => {
                        if !visible && has_visible(t) {
                            visible = true;
                            self.first.get_or_insert(n.id());
                        }
                        self.text.push_str(t);
                    }
                    Node::Element(e) => {
                        let skipped = match marks {
                            Some(m) => m.is_skipped(&n, e),
                            None => is_skipped(e),
                        };
                        if n.id() != node.id() && skipped {
                            walk.skip_subtree(n.id());
                        } else if visible && is_block_tag(&e.name.local) {
                            self.starts.push(self.text.len());
                            visible = false;
                        }
                    }
                    _ => {}
                },
                Edge::Close(n) => {
                    if visible && local(&n).is_some_and(is_block_tag) {
                        self.starts.push(self.text.len());
                        visible = false;
                    }
                }
            }
        }
    }

    /// The lines read, blank ones left out.
    pub(super) fn lines(&self) -> impl Iterator<Item = &str> + Clone {
        let ends = self.starts.iter().skip(1).copied().chain([self.text.len()]);
        self.starts
            .iter()
            .zip(ends)
            .filter_map(|(&a, b)| self.text.get(a..b))
            .filter(|l| !l.trim_ws().is_empty())
    }

    /// The first text node with visible text.
    pub(super) fn first(&self) -> Option<ego_tree::NodeId> {
        self.first
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_visible_is_trim_ws_not_empty() {
        // Every character of the BMP alone, between white space and doubled; and runs of white
        // space only.
        let spaces = [
            " ", "\t", "\n", "\r", "\x0B", "\x0C", "\u{85}", "\u{a0}", "\u{3000}", "\u{2028}",
        ];
        let mut texts: Vec<String> = vec![String::new()];
        for c in (0..=0xFFFFu32).filter_map(char::from_u32) {
            texts.push(c.to_string());
            texts.push(format!("\n\t{c}\u{3000}"));
            texts.push(format!("{c}{c}"));
        }
        for a in spaces {
            for b in spaces {
                texts.push(format!("{a}{b}{a}"));
            }
        }
        for t in &texts {
            assert_eq!(has_visible(t), !t.trim_ws().is_empty(), "{t:?}");
        }
    }

    #[test]
    fn print_close_and_font_size_scripts_are_page_tools() {
        for href in [
            "javascript:window.print()",
            "JavaScript:window.close();",
            "javascript:doZoom(16)",
            "javascript:setFontSize(14)",
        ] {
            assert!(is_page_tool_href(href), "{href}");
        }
        for href in [
            "javascript:void(0)",
            "javascript:",
            "/zwgk/print.html",
            "https://example.gov.cn/close.pdf",
        ] {
            assert!(!is_page_tool_href(href), "{href}");
        }
    }

    #[test]
    fn zero_font_size_is_read_in_any_unit_and_case() {
        for (style, zero) in [
            ("font-size:0", true),
            ("font-size: 0px; color: #fff", true),
            ("FONT-SIZE:0PT", true),
            ("color:red;font-size :\t0em", true),
            ("font-size:0.5em", false),
            ("font-size:05px", false),
            ("font-size:16px", false),
            ("font-size:10px", false),
            ("size:0", false),
            ("", false),
        ] {
            assert_eq!(style_zero_font(style), zero, "{style:?}");
        }
    }

    #[test]
    fn style_hiding_ignores_case_and_white_space() {
        for (style, hides) in [
            ("display:none", true),
            ("color: red; DISPLAY : None ;", true),
            ("display:\u{3000}none", true),
            ("visibility:\thidden", true),
            ("display:nonexistent", true),
            ("display:block", false),
            ("display:n\u{e9}one", false),
            ("visibility:visible", false),
            (
                "font-size: 12pt; line-height: 150%; visibility: hidden",
                true,
            ),
            ("isibility:hidden", false),
            ("display:non", false),
            ("font-family: 仿宋; display :\n None", true),
            ("font-family: 仿宋; line-height: 2", false),
            ("display:\u{3000}nothing", false),
            ("xdisplay:none", true),
            ("", false),
        ] {
            let old: String = style
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            let expected = old.contains("display:none") || old.contains("visibility:hidden");
            assert_eq!(expected, hides, "{style:?}");
            assert_eq!(style_hides(style), hides, "{style:?}");
        }
    }
}
