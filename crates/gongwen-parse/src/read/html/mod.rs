//! HTML reader: a notice as published on a government website → the block stream.
//!
//! The passes, each in its own file:
//!
//! 1. [`crate::decode`] decides the encoding (BOM, `<meta>` charset, UTF-8, GB18030);
//! 2. html5ever parses the page into scraper's tree as a browser would (`tree`);
//! 3. `content` finds the element that holds the notice (a CMS container such as
//!    `#UCAP-CONTENT` or `.TRS_Editor`, else the densest run of Chinese text), in one walk over
//!    the page that also shows every element to
//! 4. `meta`, which reads the page's metadata block (gov.cn's 索引号/发文机关/… table) into
//!    [`crate::model::PageMeta`], and marks it so it is not read as body text;
//! 5. the walk below turns that element into paragraphs and tables, the same blocks the text
//!    reader produces for the same notice: `<p>`, `<div>`, `<br>`, headings and list items end a
//!    paragraph, inline elements (`<span>`, `<strong>`, `<font>`) do not; `table` builds grids
//!    (one-column tables are layout, read as paragraphs); the text of a `<pre>` is read as the
//!    text reader reads a file; a task table laid out as text in paragraphs — one cell per
//!    paragraph, or one row per paragraph with its cells set apart by no-break or ideographic
//!    spaces or bars — is read as the text reader reads such lines; paragraphs hard-wrapped
//!    with `<br>` (a page made out of a PDF) are joined back as a text file's lines are
//!    (`docx::join_wrapped`), and figures in a `<sup>` read raised (`tree`);
//! 6. every block takes the source line of its first text, which `tree` noted while parsing.
//!
//! Elements nested deeper than [`Limits::max_depth`] are flattened into their ancestor: their
//! text is read in order, and a block among them (`<p>`, `<div>`, a table's row or cell) still
//! ends a paragraph — `flatten` leaves a `<br>` where it removes a block's tag. `tree` watches the depth
//! as it parses and stops at the tag that goes past the limit; such a page is parsed again after
//! `flatten` has removed such tags from the source (the tree builder is quadratic in the nesting
//! depth), and the walk treats anything still deeper below the content the same way.
//!
//! Nothing is ever fetched: links, frames and images are ignored.

mod around;
mod content;
mod dom;
mod flatten;
mod grid;
mod meta;
mod table;
mod tree;

use super::docx::{Printed, join_wrapped};
use crate::blocks::{Block, Blocks, Para};
use crate::model::{Diagnostic, Severity, SourceFormat};
use crate::normalize::TrimFast as _;
use crate::{Error, Limits, Result};
use dom::Dom;
use ego_tree::NodeId;
use ego_tree::iter::Edge;
use html5ever::local_name;
pub(crate) use meta::{sheet_meta, text_meta};
use rustc_hash::FxHashSet;
use scraper::Node;
use tree::Lines;

/// Reads an HTML page (or fragment) into blocks.
///
/// ```
/// use gongwen_parse::{Limits, blocks::Block};
/// let page = "<html><body><div class=nav><a>首页</a></div>\
///     <div class=\"TRS_Editor\"><p>国务院关于<span>印发</span>某某办法的通知</p>\
///     <p>&nbsp;&nbsp;现将《某某办法》印发给你们，请认真贯彻执行。</p></div></body></html>";
/// let blocks = gongwen_parse::read::html::read_html(page.as_bytes(), &Limits::default()).unwrap();
/// let texts: Vec<&str> = blocks.blocks.iter().filter_map(gongwen_parse::blocks::Block::para_text).collect();
/// assert_eq!(texts, ["国务院关于印发某某办法的通知", "现将《某某办法》印发给你们，请认真贯彻执行。"]);
/// ```
pub fn read_html(bytes: &[u8], limits: &Limits) -> Result<Blocks> {
    let decoded = crate::decode::decode_borrowed(bytes, true);
    let mut diagnostics = decoded.diagnostics;
    let max_depth = usize::try_from(limits.max_depth)
        .unwrap_or(usize::MAX)
        .max(1);
    let max_elements = usize::try_from(limits.max_blocks).unwrap_or(usize::MAX);
    let tree::Parsed {
        html,
        capped,
        attributes_capped,
        notes,
    } = tree::parse(&decoded.text, max_depth, max_elements).map_err(|made| Error::Limit {
        what: "the number of elements in the page (counted up to where it passed the limit)".into(),
        value: made as u64,
        limit: limits.max_blocks,
        flag: "--max-blocks".into(),
    })?;
    if let Some(capped) = &capped {
        // The first tag taken out: where the capped source first differs from the page.
        let at = decoded
            .text
            .bytes()
            .zip(capped.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        let line = 1 + memchr::memchr_iter(b'\n', &decoded.text.as_bytes()[..at]).count();
        diagnostics.push(Diagnostic::new(
            Severity::Info,
            "html_depth_capped",
            format!(
                "{} (raise it with --max-depth)",
                depth_capped_message(max_depth)
            ),
            Some(line),
        ));
    }
    if attributes_capped {
        diagnostics.push(Diagnostic::new(
            Severity::Info,
            "html_attributes_capped",
            format!(
                "a tag has more than {} attributes; those past them were not read",
                tree::MAX_ATTRIBUTES
            ),
            None,
        ));
    }
    let doc = html.tree.root();
    let mut lines = notes.lines(&html.tree);
    // The metadata search reads every element; the content survey walks them all anyway.
    let mut scan = meta::Scan::default();
    let mut titles = around::PageTitles::default();
    let (root, marks) = content::find_root(doc, &mut |n| {
        titles.visit(n);
        scan.visit(n);
    });
    let mut found = scan.finish();
    // The publication date the head's CMS metadata gives, where the page prints none.
    if let Some(day) = titles.published.take() {
        found
            .page
            .get_or_insert_with(crate::model::PageMeta::default)
            .published
            .get_or_insert(day);
    }
    let skip: FxHashSet<NodeId> = found.skip.iter().copied().collect();
    let mut blocks = walk(root, &skip, &marks, limits, &mut lines, &mut diagnostics)?;
    without_trailing_credits(&mut blocks);
    without_trailing_link_headings(&mut blocks);
    diagnostics.extend(images_only(root, &blocks, &mut lines));
    let above = head_beside(root, &marks, &mut lines)
        .or_else(|| title_above(root, &marks, &mut lines).map(|t| vec![t]))
        .or_else(|| around::title_before(root, &marks, &skip, &titles, &mut lines))
        .or_else(|| {
            // An article that opens with its 发文字号 (the State Council's layout: the title is
            // only in the page's head): the title the head names, at the number's line.
            let Some(Block::Para(first)) = blocks.first() else {
                return None;
            };
            // Or with its 主送机关, printing neither title nor number.
            let headless = (first.text.chars().count() <= 40
                && crate::structure::parse_doc_number(&first.text).is_some())
                || crate::structure::is_addressee_line(&first.text);
            let line = first.line;
            // The page's head names something else (`<title>信息公开</title>`): the title its
            // metadata block gives.
            let from_meta = || {
                found
                    .page
                    .as_ref()
                    .and_then(|p| p.title.as_deref())
                    .map(crate::normalize::normalize_block)
                    .filter(|t| is_page_title(t))
            };
            headless
                .then(|| titles.notice_title(doc).or_else(from_meta))
                .flatten()
                .map(|text| vec![Para { line, text }])
        });
    // Attachments linked just below the article are the notice's, as if linked inside it:
    // before its 版记, which closes the document.
    let linked = around::links_below(root, &marks, &skip, &mut lines);
    if !linked.is_empty() {
        let at = blocks.len()
            - blocks
                .iter()
                .rev()
                .take_while(
                    |b| matches!(b, Block::Para(p) if crate::structure::is_colophon_text(&p.text)),
                )
                .count();
        blocks.splice(at..at, linked.into_iter().map(Block::Para));
    }
    if let Some(above) = above {
        // Unless the notice prints them too (on one line or several), above its first sentence:
        // a title the letter only names (`《某某条例》已经……通过，现予公布`) is not printed.
        let head: String = blocks
            .iter()
            .take(crate::structure::HEAD_SCAN)
            .filter_map(Block::para_text)
            .take_while(|t| !t.ends_with(['。', '；']))
            .collect();
        let missing: Vec<Block> = above
            .into_iter()
            .filter(|p| !head.contains(p.text.as_str()))
            .map(Block::Para)
            .collect();
        blocks.splice(0..0, missing);
    }
    Ok(Blocks {
        blocks,
        format: SourceFormat::Html,
        encoding: decoded.encoding,
        page: found.page,
        diagnostics,
        letter: false,
    })
}

/// The most characters of text an article of images may hold besides them (a caption, a
/// source line: `（图片来源：某某厅）`).
const IMAGE_ARTICLE_TEXT: usize = 60;

/// A warning that the article the page holds (`root`, read as `blocks`) is images with little or
/// no text: the pages of a notice published as scans (`<img src="…/W020240205361234.jpg">` a page,
/// a caption under them). Its text is in the images, which are not read: such a page would read
/// as an empty notice, and `check` would count it clean. Small images (an icon, `width="16"`)
/// and images inside a link do not count. Only an article of little text is looked at closer.
///
/// Printed as `warning: the article is 2 images (W020240205361234.jpg, W020240205361235.jpg)
/// with 15 characters of text besides: its text is in the images, which are not read (run OCR on
/// them) [article_is_images]`.
fn images_only(root: Dom<'_>, blocks: &[Block], lines: &mut Lines<'_>) -> Option<Diagnostic> {
    let mut chars = 0;
    for b in blocks {
        let Block::Para(p) = b else {
            return None;
        };
        chars += p.text.chars().count();
        if chars >= IMAGE_ARTICLE_TEXT {
            return None;
        }
    }
    let small = |e: &scraper::node::Element, name| {
        dom::attr(e, &name).is_some_and(|v| {
            v.trim_ws()
                .trim_end_matches("px")
                .parse::<u32>()
                .is_ok_and(|n| n < 100)
        })
    };
    let (mut count, mut first, mut names) = (0usize, None, Vec::new());
    for n in root.descendants() {
        let Some(e) = n.value().as_element() else {
            continue;
        };
        if e.name.local != local_name!("img")
            || small(e, local_name!("width"))
            || small(e, local_name!("height"))
            || n.ancestors()
                .take_while(|a| a.id() != root.id())
                .any(|a| dom::local(&a) == Some(&local_name!("a")))
        {
            continue;
        }
        let Some(src) = dom::attr(e, &local_name!("src")).filter(|s| !s.trim_ws().is_empty())
        else {
            continue;
        };
        count += 1;
        first.get_or_insert(n.id());
        if names.len() < 3 {
            let path = src.split(['?', '#']).next().unwrap_or(src).trim_ws();
            let name = path.rsplit('/').next().unwrap_or(path);
            names.push(crate::normalize::normalize_block(name));
        }
    }
    if count == 0 {
        return None;
    }
    let more = if count > names.len() { ", …" } else { "" };
    let line = lines.of(first);
    Some(Diagnostic::new(
        Severity::Warning,
        "article_is_images",
        format!(
            "the article is {count} image{} ({}{more}) with {chars} characters of text besides: \
             its text is in the images, which are not read (run OCR on them)",
            if count == 1 { "" } else { "s" },
            names.join(", ")
        ),
        Some(line),
    ))
}

/// The notice's title and number when the page prints them in elements of their own right
/// before the element that holds the notice (`<div class="title">…的通报</div><div
/// class="wh">某政办函〔2023〕58号</div><div class="zw">各市…`): the nearest siblings before it,
/// up to the title (short, ending as a title ends), the 发文字号 among them; a byline between
/// (`来源：… 发布时间：…`) is passed over. In reading order.
fn head_beside(root: Dom<'_>, marks: &content::Marks, lines: &mut Lines<'_>) -> Option<Vec<Para>> {
    let mut found = Vec::new();
    let mut title = false;
    let mut looked = 0;
    for sibling in root.prev_siblings() {
        if title || looked == 4 {
            break;
        }
        let Some(e) = sibling.value().as_element() else {
            // Text between the elements: only white space may stand there.
            if sibling
                .value()
                .as_text()
                .is_some_and(|t| !t.trim_ws().is_empty())
            {
                break;
            }
            continue;
        };
        if marks.is_skipped_or_chrome(&sibling, e) {
            continue;
        }
        let mut text = dom::TextLines::default();
        let joined = text.joined(sibling);
        let n = joined.chars().count();
        if n == 0 {
            continue;
        }
        looked += 1;
        let is_title = is_page_title(&joined);
        let is_number = n <= 40 && crate::structure::parse_doc_number(&joined).is_some();
        if !is_title && !is_number {
            continue;
        }
        title |= is_title;
        found.push(Para {
            line: lines.of(text.first()),
            text: joined,
        });
    }
    found.reverse();
    title.then_some(found)
}

/// A page element's text that reads as a notice's title: short, Chinese, ending as a title
/// ends (`…的通知`, `…办法`).
fn is_page_title(text: &str) -> bool {
    (4..=80).contains(&text.chars().count())
        && crate::structure::ends_like_title(text)
        && text.chars().any(crate::normalize::is_han)
}

/// The notice's title when the page prints it above the element that holds the notice, as a
/// heading of its own (`<h1>`–`<h3>`, the last one before that element, outside site chrome)
/// that ends as a title ends (`…的通知`, `…办法`): many sites put the title in the page's
/// heading and the number, addressees and body in an article element below it.
fn title_above(root: Dom<'_>, marks: &content::Marks, lines: &mut Lines<'_>) -> Option<Para> {
    let is_heading = |n: &Dom<'_>| {
        matches!(
            dom::local(n),
            Some(&local_name!("h1") | &local_name!("h2") | &local_name!("h3"))
        )
    };
    let mut node = root;
    // Up to <body>: the heading stands before the content element or one of its ancestors.
    while let Some(parent) = node.parent() {
        for sibling in node.prev_siblings() {
            let Some(e) = sibling.value().as_element() else {
                continue;
            };
            if marks.is_skipped_or_chrome(&sibling, e) {
                continue;
            }
            let heading = std::iter::once(sibling)
                .chain(
                    sibling
                        .descendants()
                        .skip(1)
                        .filter(|d| d.value().is_element()),
                )
                .filter(|d| is_heading(d))
                .last();
            if let Some(h) = heading {
                let mut text = dom::TextLines::default();
                let joined = text.joined(h);
                return is_page_title(&joined).then(|| Para {
                    line: lines.of(text.first()),
                    text: joined,
                });
            }
        }
        if dom::tag(&parent) == Some("body") {
            break;
        }
        node = parent;
    }
    None
}

/// The paragraph being read, until a block boundary ends it: its raw text, and its first text
/// node with visible text (whose line it takes).
#[derive(Default)]
struct Pending {
    raw: String,
    first: Option<NodeId>,
    /// The number a browser shows before the open `<li>` of an `<ol>` (`1.`, `一、`), written
    /// before its first visible text unless that text prints a number of its own.
    marker: Option<String>,
    /// Where the last link to a document file in it ends in `raw`.
    file_link_end: Option<usize>,
    /// The last place named by a breadcrumb just dropped at the article's head (`通知公告` of
    /// `当前位置：首页 > 政务公开 > 通知公告`): the channel's name, printed under it.
    crumb_tail: Option<String>,
    /// The paragraphs read so far as printed lines, to join back those a page made out of a
    /// PDF hard-wrapped with `<br>` ([`join_wrapped`]); the element (`<p>`, `<div>`…) they are
    /// read in, counted; whether a blank line (`<br><br>`) or a paragraph left out stands since
    /// the last; the elements open that lay their text apart (see [`lays_apart`]).
    printed: Vec<Printed>,
    element: usize,
    gap: bool,
    apart: Vec<NodeId>,
}

impl Pending {
    fn push(&mut self, node: NodeId, text: &str) {
        if self.first.is_none() && dom::has_visible(text) {
            self.first = Some(node);
            if let Some(marker) = self.marker.take()
                && !crate::numbering::has_marker(text.trim_start_matches(char::is_whitespace))
            {
                self.raw.push_str(&marker);
            }
        }
        self.raw.push_str(text);
    }

    fn flush(&mut self, lines: &mut Lines<'_>, out: &mut Vec<Block>, kept: &mut Kept) {
        if self.first.is_some() {
            let text = crate::normalize::normalize_cell(&self.raw);
            // The page's tools between a breadcrumb and the channel's name leave its last place
            // for the channel's name to be compared with.
            if !text.is_empty()
                && !is_page_navigation(&text)
                && !is_furniture(&text)
                && !self.head_breadcrumb(&text, out, kept)
                && self.crumb_tail.take().is_none_or(|t| t != text)
            {
                let line = lines.of(self.first);
                kept.offer(out.len(), &text, &self.raw);
                // Paragraphs from a table laid out as text on are read as lines by the text
                // reader, and none of them is joined here.
                if kept.paras.is_empty() {
                    self.note_printed(out.len());
                }
                out.push(Block::Para(Para { text, line }));
            } else {
                self.gap = true;
            }
        } else if !self.raw.bytes().all(|b| b.is_ascii_whitespace()) {
            // Nothing but no-break or ideographic spaces (`<p>&nbsp;</p>`): a blank line.
            self.gap = true;
        }
        self.raw.clear();
        self.first = None;
        self.file_link_end = None;
    }

    /// Notes the paragraph read now, block `block`, as a printed line: in which element, after
    /// which indent as a browser shows it (ideographic and no-break spaces; the source's own
    /// white space is not shown), and whether it is laid out apart.
    fn note_printed(&mut self, block: usize) {
        let (mut spaces, mut wide) = (0u16, 0u16);
        for c in self.raw.chars() {
            match c {
                '\u{3000}' | '\u{2003}' => wide = wide.saturating_add(1),
                '\u{a0}' | '\u{2002}' => spaces = spaces.saturating_add(1),
                c if c.is_ascii_whitespace() => {}
                _ => break,
            }
        }
        self.printed.push(Printed {
            block,
            para: self.element,
            spaces,
            wide,
            apart: !self.apart.is_empty(),
            after_gap: std::mem::take(&mut self.gap),
        });
    }

    /// Whether `text`, the paragraph after `blocks` others, is a site's breadcrumb left at the
    /// article's head (`当前位置：首页 > 政务公开 > 通知公告`): it names where the page sits, and
    /// read, it and the channel's name under it took the title's place. Its last place is kept,
    /// to drop the channel's name if the next paragraph prints it.
    ///
    /// What the page printed above it in the same container (`<div>某某市人民政府</div>`, the
    /// site's name, menu or search box of a page whose elements carry no class to tell them
    /// by) is the site's too, and is dropped with it when each is a short line, no title.
    fn head_breadcrumb(&mut self, text: &str, out: &mut Vec<Block>, kept: &Kept) -> bool {
        if out.len() > 2 || text.len() > 200 || !crate::read::text::is_breadcrumb(text) {
            return false;
        }
        if kept.paras.is_empty()
            && out.iter().all(|b| {
                b.para_text()
                    .is_some_and(crate::read::text::is_site_header_line)
            })
        {
            out.clear();
            self.printed.clear();
        }
        self.crumb_tail = text
            .rsplit(['>', '＞', '»', '›', '→'])
            .next()
            .map(|t| t.trim_ws().to_string())
            .filter(|t| !t.is_empty());
        true
    }

    /// Whether a link read now opens a line of links to files: nothing but separators, an
    /// attachment label (`附件：`, `附件下载：`) or a list number (`1.`) stands before it in the
    /// paragraph, or after the last file link in it.
    fn opens_file_line(&self) -> bool {
        let before = self
            .raw
            .get(self.file_link_end.unwrap_or(0)..)
            .unwrap_or("")
            .trim_ws();
        around::only_link_furniture(before)
            || (before.ends_with(['：', ':']) && around::is_attachment_label(before))
            || (before.len() <= 4
                && before
                    .bytes()
                    .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b')' | b'(')))
    }

    /// Whether the text before a download prompt linking a file of extension `ext` (since the
    /// last file link in the paragraph) names that file: `附件：某某清单`, `某某清单`.
    fn names_file(&self, ext: &str) -> bool {
        let before = crate::normalize::normalize_block(
            self.raw
                .get(self.file_link_end.unwrap_or(0)..)
                .unwrap_or(""),
        );
        let han = before
            .chars()
            .filter(|&c| crate::normalize::is_han(c))
            .count();
        han >= 2 + 2 * before.matches("附件").count()
            && crate::structure::is_file_name(&format!("{before}.{ext}"))
    }

    /// Before a download prompt whose file the text since the last file link of the paragraph
    /// names: that text, read from the text node `node`, starts a paragraph of its own, so that
    /// each paragraph names one file.
    fn split_file_name(
        &mut self,
        node: NodeId,
        lines: &mut Lines<'_>,
        out: &mut Vec<Block>,
        kept: &mut Kept,
    ) {
        let Some(end) = self.file_link_end else {
            return;
        };
        let Some(name) = self.raw.get(end..).filter(|t| dom::has_visible(t)) else {
            return;
        };
        let name = name.to_string();
        self.raw.truncate(end);
        self.flush(lines, out, kept);
        self.push(node, &name);
    }

    /// Before a link to a document file: one that follows another with nothing but white space
    /// or separators between (`附件下载：<a>1.甲.docx</a>　<a>2.乙.xlsx</a>`) starts a paragraph
    /// of its own, so that each names one file, as a list of links on lines of their own does.
    fn file_link(&mut self, lines: &mut Lines<'_>, out: &mut Vec<Block>, kept: &mut Kept) {
        let Some(end) = self.file_link_end else {
            return;
        };
        if self.raw.get(end..).is_some_and(around::only_link_furniture) {
            self.raw.truncate(end);
            self.flush(lines, out, kept);
        }
    }
}

/// Whether `name` ends with the extension `ext` (`某某表.XLSX` for `xlsx`).
fn has_extension(name: &str, ext: &str) -> bool {
    name.len() > ext.len()
        && name
            .get(name.len() - ext.len()..)
            .is_some_and(|e| e.eq_ignore_ascii_case(ext))
        && name.as_bytes()[name.len() - ext.len() - 1] == b'.'
}

/// An open `<ol>`: how its items are numbered and the number of the last one.
struct OrderedList {
    id: NodeId,
    chinese: bool,
    /// `list-style-type: none`: no numbers shown.
    none: bool,
    last: i64,
}

impl OrderedList {
    fn of(id: NodeId, e: &scraper::node::Element) -> Self {
        let style = dom::attr(e, &local_name!("style")).unwrap_or_default();
        let kind = dom::attr(e, &local_name!("type")).unwrap_or_default();
        // `list-style-type` (or the `list-style` shorthand) names the numbers' kind.
        let named = |k: &str| style.contains(k);
        let chinese =
            named("cjk-ideographic") || named("chinese-informal") || named("chinese-formal");
        let none = named("list-style-type:none")
            || named("list-style-type: none")
            || named("list-style:none")
            || named("list-style: none")
            || !(kind.is_empty() || kind == "1")
            || [
                "alpha", "roman", "latin", "greek", "disc", "circle", "square",
            ]
            .iter()
            .any(|k| named(k));
        // A browser reads `start` as a 32-bit integer: one out of that range or not a number
        // is no start, and the list counts from 1.
        let start = dom::attr(e, &local_name!("start"))
            .and_then(list_number)
            .unwrap_or(1);
        OrderedList {
            id,
            chinese,
            // A list counting from zero or below (`-1.`, `0.`, `1.`) has no numbers a notice's
            // items carry: none is shown rather than some items' only.
            none: none || start < 1,
            last: start - 1,
        }
    }

    /// The number of the next item `e` (its `value`, or one more than the last).
    fn next(&mut self, e: &scraper::node::Element) -> Option<String> {
        self.last = dom::attr(e, &local_name!("value"))
            .and_then(list_number)
            .unwrap_or(self.last.saturating_add(1));
        let n = u32::try_from(self.last).ok().filter(|&n| n > 0)?;
        if self.none {
            None
        } else if self.chinese {
            crate::numbering::to_cn_number(n).map(|c| format!("{c}、"))
        } else {
            Some(format!("{n}."))
        }
    }
}

/// A list's `start` or an item's `value` as a browser reads it: a 32-bit integer, or none.
fn list_number(v: &str) -> Option<i64> {
    v.trim_ws().parse::<i32>().ok().map(i64::from)
}

/// A line of the site's navigation left inside the article: links to the documents before and
/// after it, or to other pages about it (`上一篇：…`, `下一篇：…`, `相关链接：…`, `政策解读：…`).
/// It names other documents, never this one's content.
pub(crate) fn is_page_navigation(text: &str) -> bool {
    // A paragraph whose first character starts no label is let through without comparing it
    // to each label.
    if text.len() > 600 {
        return false;
    }
    // Also the label in the page's brackets, with or without a colon (`【相关解读】《…》解读`).
    let (label, bracketed) = match text.strip_prefix('【') {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    (label.starts_with(NAVIGATION_FIRST)
        && NAVIGATION_LABELS.iter().any(|l| {
            label.strip_prefix(l).is_some_and(|rest| {
                rest.starts_with(['：', ':'])
                    || (bracketed && rest.trim_start_matches(['：', ':']).starts_with('】'))
            })
        }))
        || is_pager(text)
}

/// Takes off the headings of the link boxes a page prints under its article (`相关链接`,
/// `政策解读`, `【相关解读】`) left last once their links, other pages' titles, were dropped, and
/// the site's footer (`主办：…`, `…ICP备…号`) of a page whose footer carries no class to tell it
/// by: read, such a heading or footer was the last measure's paragraph or an enclosure's title.
/// Lines that only name who runs something (`主办：…`, `承办：…`) are the site's only beside a
/// line no article closes with (its licence number, its code, `版权所有`) or under the notice's
/// closing date: else they are the article's own closing lines (an event notice's `主办：市商务委`
/// / `承办：…` under its text) and stay.
fn without_trailing_link_headings(blocks: &mut Vec<Block>) {
    let heading = |t: &str| {
        let h = t
            .trim_start_matches(['【', '['])
            .trim_end_matches(['：', ':', '】', ']']);
        NAVIGATION_LABELS.contains(&h)
    };
    // The trailing run of headings and footer lines, and whether a line of it is the site's
    // beyond doubt.
    let mut run = 0;
    let mut site = false;
    for t in blocks.iter().rev().map_while(Block::para_text) {
        if !heading(t) {
            if !crate::read::text::is_site_footer(t) {
                break;
            }
            site |= crate::read::text::is_site_mark(t);
        }
        run += 1;
    }
    // Under the date that closes the notice (its signature's), nothing is the notice's text.
    let under_date = || {
        blocks
            .len()
            .checked_sub(run + 1)
            .and_then(|i| blocks.get(i))
            .and_then(Block::para_text)
            .is_some_and(|t| crate::structure::find_date(t).is_some_and(|(at, _)| at == 0))
    };
    if site || (run > 0 && under_date()) {
        blocks.truncate(blocks.len() - run);
    } else {
        while blocks
            .last()
            .and_then(Block::para_text)
            .is_some_and(heading)
        {
            blocks.pop();
        }
    }
}

/// A paragraph that is page furniture rather than text: a table of contents' entry, or what
/// page tools leave behind. Each test is turned down at one byte for nearly every paragraph.
#[inline]
fn is_furniture(text: &str) -> bool {
    is_contents_entry(text)
        || is_tool_residue(text)
        || is_tools_line(text)
        || is_page_end(text)
        || (ends_as_page_number(text) && crate::read::text::is_page_number(text))
}

/// Whether a paragraph (normalized: no white space at its ends) ends with a byte a page number
/// may end with: the last byte of a dash (`-`, `—`, `－`, `–`, `―`, `─`) or of `页`. Most
/// paragraphs end with `。` and are turned down here.
fn ends_as_page_number(text: &str) -> bool {
    matches!(
        text.as_bytes().last(),
        Some(0x2D | 0x80 | 0x8D | 0x93 | 0x94 | 0x95 | 0xB5)
    )
}

/// A page's or post's closing words that a site prints under every article: `扫一扫在手机打开当前
/// 页`, `阅读原文`, and the editor's credit in the page's brackets (`【责任编辑：某某】`). Read,
/// they opened an enclosure under the signature. A credit without brackets may be a table's
/// (`来源：市统计局`) and stays.
fn is_page_end(text: &str) -> bool {
    // A post's last words are a few; a credit is in brackets: most paragraphs are turned down
    // at their length or first byte.
    (text.len() <= 60 && crate::read::text::is_post_end(text))
        || (text.len() <= 200
            && text
                .strip_prefix('【')
                .and_then(|t| t.strip_suffix('】'))
                .is_some_and(crate::read::text::is_credit))
}

/// Takes off the credits a post or page prints under its article without brackets
/// (`来源：四川省人民政府网站` / `编辑：张敏　责编：刘洋`), when the paragraphs that end the article
/// are all credits and one of them credits an editor: read, they were the last measure's
/// paragraphs. A source alone (`来源：市统计局`) may be a table's, and stays.
fn without_trailing_credits(blocks: &mut Vec<Block>) {
    let credits = blocks
        .iter()
        .rev()
        .take_while(|b| b.para_text().is_some_and(crate::read::text::is_credit))
        .count();
    let edited = blocks
        .iter()
        .rev()
        .take(credits)
        .filter_map(Block::para_text)
        .any(crate::read::text::is_editor_credit);
    if credits > 0 && edited {
        blocks.truncate(blocks.len() - credits);
    }
}

/// A paragraph of nothing but the page's tools whose links were no scripts to drop (`<a
/// href="#">【打印本页】</a>`, `【字体：大 中 小】【打印】【关闭】` as text): read, it would open an
/// enclosure under the signature. A tools line is short; a longer paragraph is turned down at its
/// length.
fn is_tools_line(text: &str) -> bool {
    text.len() <= 120 && crate::read::text::is_page_tools(text)
}

/// What is left of a line of page tools once their links are dropped (`【打印本页】【关闭窗口】`
/// → `【】【】`, `[打印] | [关闭]` → `[] | []`): brackets and separators around nothing.
fn is_tool_residue(text: &str) -> bool {
    const BRACKETS: [char; 8] = ['【', '】', '[', ']', '［', '］', '〔', '〕'];
    // The first byte of each bracket: most paragraphs start with Han (E4–E9) and are turned
    // down at it.
    matches!(text.as_bytes().first(), Some(b'[' | b']' | 0xE3 | 0xEF))
        && text.starts_with(BRACKETS)
        && text
            .chars()
            .all(|c| BRACKETS.contains(&c) || matches!(c, '|' | '｜' | '/' | ' ' | '\u{3000}'))
}

/// A line of a plan's table of contents (`一、总体要求……………1`, `第二章 发展目标 · · · · 5`, Word's
/// `. . . .` leader): a heading, a leader of four dots or more, and its page number. It repeats
/// a heading of the text below; read, it would be that heading twice.
pub(crate) fn is_contents_entry(text: &str) -> bool {
    // Most paragraphs end with punctuation or Han: turned down at the last byte.
    if !text.as_bytes().last().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let before_page = text.trim_end_matches(|c: char| c.is_ascii_digit());
    if text.len() - before_page.len() > 3 {
        return false;
    }
    let mut dots = 0;
    let mut heading = before_page;
    for c in before_page.chars().rev() {
        match c {
            '…' | '⋯' => dots += 3,
            '.' | '．' | '·' | '・' | '•' | '_' => dots += 1,
            ' ' | '\u{3000}' | '\u{a0}' | '\t' => {}
            _ => break,
        }
        heading = &heading[..heading.len() - c.len_utf8()];
    }
    dots >= 4 && !heading.trim_ws().is_empty() && heading.chars().count() <= 80
}

/// A pager left under the article (`上一页 1 2 下一页 共2页`, `首页 上一页 1/3 下一页 尾页`):
/// nothing but the words of a pager and page numbers, `上一页` or `下一页` among them. A
/// paragraph of the notice fails at its first word, so most are turned down at once.
fn is_pager(text: &str) -> bool {
    const TURNS: [&str; 2] = ["上一页", "下一页"];
    const WORDS: [&str; 8] = ["首页", "尾页", "末页", "共", "第", "页", "跳转", "到"];
    let mut rest = text;
    let mut turns = false;
    while let Some(c) = rest.chars().next() {
        // A word is compared only where its first character stands: most paragraphs start
        // with none of them and are turned down without a comparison.
        let turn = || TURNS.iter().find(|w| rest.starts_with(**w));
        let word = || WORDS.iter().find(|w| rest.starts_with(**w));
        if let Some(w) = matches!(c, '上' | '下').then(turn).flatten() {
            turns = true;
            rest = &rest[w.len()..];
        } else if let Some(w) = matches!(c, '首' | '尾' | '末' | '共' | '第' | '页' | '跳' | '到')
            .then(word)
            .flatten()
        {
            rest = &rest[w.len()..];
        } else if c.is_ascii_digit()
            || c.is_whitespace()
            || matches!(
                c,
                '/' | '|' | '[' | ']' | '<' | '>' | '«' | '»' | '.' | '…' | '｜' | '／'
            )
        {
            rest = &rest[c.len_utf8()..];
        } else {
            return false;
        }
    }
    turns
}

/// The labels of [`is_page_navigation`].
const NAVIGATION_LABELS: &[&str] = &[
    "上一篇",
    "下一篇",
    "上一条",
    "下一条",
    "上一页",
    "下一页",
    "相关链接",
    "相关文章",
    "相关阅读",
    "相关新闻",
    "相关稿件",
    "相关信息",
    "政策解读",
    "相关解读",
    "图片解读",
    "图文解读",
    "图解",
];

/// The characters [`NAVIGATION_LABELS`] start with.
const NAVIGATION_FIRST: [char; 5] = ['上', '下', '相', '政', '图'];

/// Paragraphs as written (runs of ASCII white space made one space, as a browser shows them;
/// no-break and ideographic spaces kept), from the first one that heads a table laid out as
/// text on: a header whose cells are set apart by spaces or bars, or a `序号` paragraph that
/// starts a table of one cell per paragraph. After the walk they are read as the text reader
/// reads lines ([`text_tables`]).
#[derive(Default)]
struct Kept {
    /// (index of the paragraph in the blocks, its text).
    paras: Vec<(usize, String)>,
}

impl Kept {
    fn offer(&mut self, index: usize, text: &str, raw: &str) {
        if !self.paras.is_empty() {
            self.paras.push((index, as_shown(raw)));
            return;
        }
        // A header's cells run together once normalized: a few hundred bytes at most.
        if text.len() > super::delimited::MAX_HEADER_TEXT {
            return;
        }
        let one_cell_header = super::untabbed::may_be_header(text);
        // A separator between cells, not the indentation (`&nbsp;&nbsp;`, `\u{3000}\u{3000}`) a
        // paragraph starts with.
        let set_apart = || {
            let raw = raw.trim_matches(char::is_whitespace);
            super::delimited::names_a_header_word(text)
                && (super::delimited::has_visible_separator(raw) || has_typed_tab(raw))
        };
        if one_cell_header || set_apart() {
            let shown = as_shown(raw);
            if one_cell_header || super::delimited::is_header(&shown) {
                self.paras.push((index, shown));
            }
        }
    }
}

/// `raw` with every run of ASCII white space (line breaks and indentation of the source) made one
/// space, as a browser renders it — except a run within a line that holds tabs: a table pasted
/// into a paragraph a row at a time (a CMS's paste of a Word table) keeps a tab between each two
/// cells, written here as the bar the text reader takes for a cell's edge (`1 | 任务 | 单位`,
/// an empty cell `| |`).
fn as_shown(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let (mut space, mut tabs, mut newline) = (false, 0usize, false);
    for c in raw.trim_matches(|c: char| c.is_ascii_whitespace()).chars() {
        if c.is_ascii_whitespace() {
            space = true;
            tabs += usize::from(c == '\t');
            newline |= c == '\n' || c == '\r';
            continue;
        }
        if space {
            if tabs > 0 && !newline {
                for _ in 0..tabs {
                    out.push_str(" |");
                }
            }
            out.push(' ');
            (space, tabs, newline) = (false, 0, false);
        }
        out.push(c);
    }
    out
}

/// Whether `raw` (trimmed) has a tab between two printed characters on one source line: the
/// separator of a row pasted as text, not the source's indentation.
fn has_typed_tab(raw: &str) -> bool {
    let b = raw.as_bytes();
    memchr::memchr_iter(b'\t', b).any(|at| {
        let before = b[..at].iter().rev().find(|c| !matches!(c, b' ' | b'\t'));
        let after = b[at + 1..].iter().find(|c| !matches!(c, b' ' | b'\t'));
        before.is_some_and(|c| !matches!(c, b'\n' | b'\r'))
            && after.is_some_and(|c| !matches!(c, b'\n' | b'\r'))
    })
}

/// Reads the tables laid out as text among the kept paragraphs (one paragraph per line, as the
/// text reader reads them) and puts each in place of the paragraphs it was made of, its rows
/// taking their paragraphs' lines.
fn text_tables(out: &mut Vec<Block>, kept: Kept, diags: &mut Vec<Diagnostic>) {
    let paras = kept.paras;
    // (first block, block after the last, table), in order.
    let mut found: Vec<(usize, usize, crate::model::Table)> = Vec::new();
    let mut i = 0;
    while i < paras.len() {
        // A run of paragraphs with nothing between them.
        let mut j = i + 1;
        while j < paras.len() && paras[j].0 == paras[j - 1].0 + 1 {
            j += 1;
        }
        let run = &paras[i..j];
        let texts: Vec<&str> = run.iter().map(|(_, t)| t.as_str()).collect();
        // The source line of the paragraph a reader's line number (one-based) stands for.
        let line_of = |l: usize| -> usize {
            run.get(l.saturating_sub(1))
                .and_then(|(b, _)| out.get(*b))
                .map_or(l, Block::line)
        };
        let mut k = 0;
        while k < texts.len() {
            let mut table_diags = Vec::new();
            match super::text::table_without_tabs_at(&texts, k, &mut table_diags) {
                Some((mut table, next)) => {
                    table.line = line_of(table.line);
                    for l in &mut table.row_lines {
                        *l = line_of(*l);
                    }
                    for d in &mut table_diags {
                        d.line = d.line.map(line_of);
                    }
                    diags.extend(table_diags);
                    let next = next.max(k + 1).min(run.len());
                    if let (Some(first), Some(last)) = (run.get(k), run.get(next - 1)) {
                        found.push((first.0, last.0 + 1, table));
                    }
                    k = next;
                }
                None => k += 1,
            }
        }
        i = j;
    }
    if found.is_empty() {
        return;
    }
    let blocks = std::mem::take(out);
    let mut tables = found.into_iter().peekable();
    let mut skip_to = 0;
    for (b, block) in blocks.into_iter().enumerate() {
        if b < skip_to {
            continue;
        }
        if let Some((_, end, table)) = tables.next_if(|(start, _, _)| *start == b) {
            out.push(Block::Table(Box::new(table)));
            skip_to = end;
            continue;
        }
        out.push(block);
    }
}

/// The text of a `<pre>` element as written, `<br>` as a line break, hidden elements left out;
/// and its first text node with visible text.
fn pre_text(pre: Dom<'_>, marks: &content::Marks) -> (String, Option<NodeId>) {
    let mut text = String::new();
    let mut first = None;
    let mut walk = dom::Walk::new(pre);
    while let Some(edge) = walk.next() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Text(t) => {
                    if first.is_none() && dom::has_visible(t) {
                        first = Some(n.id());
                    }
                    text.push_str(t);
                }
                Node::Element(e) if n.id() != pre.id() => {
                    if marks.is_skipped_or_chrome(&n, e) {
                        walk.skip_subtree(n.id());
                    } else if e.name.local == local_name!("br") {
                        text.push('\n');
                    }
                }
                _ => {}
            },
            Edge::Close(_) => {}
        }
    }
    (text, first)
}

/// Reads the text of a `<pre>` element as the text reader reads a file — tables laid out with
/// tabs or spaces, hard-wrapped paragraphs — its blocks and diagnostics taking their lines in the
/// page from `first_line`, where the text's first visible character stands.
fn read_pre(
    text: &str,
    first_line: usize,
    limits: &Limits,
    out: &mut Vec<Block>,
    diags: &mut Vec<Diagnostic>,
) {
    let read = super::text::read_text_limited(text, limits).or_else(|_| {
        // A table over the cell limit: its lines are read as paragraphs.
        let lines_only = Limits {
            max_grid_cells: 0,
            ..limits.clone()
        };
        super::text::read_text_limited(text, &lines_only)
    });
    let Ok(read) = read else {
        return;
    };
    // The text's line of its first visible character stands at `first_line` of the page.
    let visible_at = text.find(|c: char| !c.is_whitespace()).map_or(0, |at| {
        memchr::memchr_iter(b'\n', text.as_bytes().get(..at).unwrap_or_default()).count()
    });
    let shift = |l: usize| (l + first_line).saturating_sub(visible_at + 1).max(1);
    for mut block in read.blocks {
        match &mut block {
            Block::Para(p) => p.line = shift(p.line),
            Block::Table(t) => {
                t.line = shift(t.line);
                for l in &mut t.row_lines {
                    *l = shift(*l);
                }
            }
        }
        out.push(block);
    }
    diags.extend(read.diagnostics.into_iter().map(|mut d| {
        d.line = d.line.map(shift);
        d
    }));
}

/// What `html_depth_capped` says.
fn depth_capped_message(max_depth: usize) -> String {
    format!(
        "elements nested deeper than {max_depth} levels were flattened into their ancestor: \
         their text is read in order, split into paragraphs where blocks were, but tables and \
         lists among them are read as paragraphs"
    )
}

/// Turns the content element into blocks, iteratively.
fn walk(
    root: Dom<'_>,
    skip_ids: &FxHashSet<NodeId>,
    marks: &content::Marks,
    limits: &Limits,
    lines: &mut Lines<'_>,
    diags: &mut Vec<Diagnostic>,
) -> crate::Result<Vec<Block>> {
    let max_depth = usize::try_from(limits.max_depth).unwrap_or(usize::MAX);
    // Sized once rather than doubled and copied as the blocks come.
    let mut out = Vec::with_capacity(lines.visible_texts());
    let mut pending = Pending::default();
    let mut kept = Kept::default();
    // The link to a document file being read.
    let mut file_link: Option<NodeId> = None;
    // The extension its `href` gives, when its text names the file without one.
    let mut file_ext: Option<&'static str> = None;
    // The title its `href`'s file name gives, when its text is a label alone (`附件1`).
    let mut file_title: Option<String> = None;
    // The link being read when it only prompts to download the file the text before it names
    // (`[下载]`): its text is left out.
    let mut prompt: Option<NodeId> = None;
    let mut depth = 0usize;
    // Said once: the page's own cap (the `<br>`s it left stand a level below it) says it first.
    let mut depth_capped = diags.iter().any(|d| d.code == "html_depth_capped");
    // The `<ol>` lists open, innermost last.
    let mut lists: Vec<OrderedList> = Vec::new();
    let mut walk = dom::Walk::new(root);
    while let Some(edge) = walk.next() {
        match edge {
            Edge::Open(n) => {
                match n.value() {
                    // A download prompt's text is left out (`[下载]`).
                    Node::Text(t) if prompt.is_none() => pending.push(n.id(), t),
                    Node::Element(e) => {
                        let is_root = n.id() == root.id();
                        if !is_root
                            && (marks.is_skipped_or_chrome(&n, e) || skip_ids.contains(&n.id()))
                        {
                            walk.skip_subtree(n.id());
                            continue;
                        }
                        depth += 1;
                        if depth > max_depth {
                            if !depth_capped {
                                depth_capped = true;
                                diags.push(Diagnostic::new(
                                    Severity::Info,
                                    "html_depth_capped",
                                    format!(
                                        "{} (raise it with --max-depth)",
                                        depth_capped_message(max_depth)
                                    ),
                                    Some(lines.last()),
                                ));
                            }
                            // Its text joins its ancestor's, but a block still parts paragraphs.
                            if dom::is_block_tag(&e.name.local) {
                                pending.flush(lines, &mut out, &mut kept);
                            }
                            continue;
                        }
                        let name = &e.name.local;
                        if *name == local_name!("table") {
                            let mut rows = table::rows_of(n);
                            // The rows of the page's metadata (a layout table that holds them
                            // above the notice) are left out; one cell a row left, spanning the
                            // columns of the rows left out, is layout too.
                            let all = rows.len();
                            if !skip_ids.is_empty() {
                                rows.retain(|r| {
                                    r.cells
                                        .first()
                                        .and_then(|c| c.parent())
                                        .is_none_or(|tr| !skip_ids.contains(&tr.id()))
                                });
                            }
                            if table::is_layout(&rows)
                                || (rows.len() < all && rows.iter().all(|r| r.cells.len() <= 1))
                            {
                                pending.flush(lines, &mut out, &mut kept);
                                continue;
                            }
                            pending.flush(lines, &mut out, &mut kept);
                            let mut head = Vec::new();
                            if let Some(t) =
                                table::build(n, &rows, marks, limits, lines, diags, &mut head)?
                            {
                                out.extend(head.into_iter().map(Block::Para));
                                out.push(Block::Table(Box::new(t)));
                            }
                            // The table's content has been read; skip its subtree.
                            depth -= 1;
                            walk.skip_subtree(n.id());
                            continue;
                        }
                        // A table drawn with other elements (rows of `<div>`s or `<li>`s).
                        if grid::may_hold_rows(name)
                            && let Some(rows) = grid::rows_of(n)
                        {
                            pending.flush(lines, &mut out, &mut kept);
                            let mut head = Vec::new();
                            if let Some(t) =
                                table::build(n, &rows, marks, limits, lines, diags, &mut head)?
                            {
                                out.extend(head.into_iter().map(Block::Para));
                                out.push(Block::Table(Box::new(t)));
                            }
                            depth -= 1;
                            walk.skip_subtree(n.id());
                            continue;
                        }
                        if *name == local_name!("pre") {
                            // Text as written: read as the text reader reads a file.
                            pending.flush(lines, &mut out, &mut kept);
                            let (text, first) = pre_text(n, marks);
                            if first.is_some() {
                                let line = lines.of(first);
                                read_pre(&text, line, limits, &mut out, diags);
                            }
                            depth -= 1;
                            walk.skip_subtree(n.id());
                            continue;
                        }
                        if dom::is_block_tag(name) {
                            let br = *name == local_name!("br");
                            // A line break with no text since the last: a blank line.
                            pending.gap |= br && pending.first.is_none();
                            pending.flush(lines, &mut out, &mut kept);
                            // A rule parts what is above it from what is below.
                            pending.gap |= *name == local_name!("hr");
                            if !br {
                                pending.element += 1;
                            }
                            if lays_apart(name, e) {
                                pending.apart.push(n.id());
                            }
                            if *name == local_name!("ol") {
                                lists.push(OrderedList::of(n.id(), e));
                            } else if *name == local_name!("li")
                                && let Some(list) = lists.last_mut()
                                && n.parent().is_some_and(|p| p.id() == list.id)
                            {
                                pending.marker = list.next(e);
                            }
                        } else if *name == local_name!("a") && file_link.is_none() {
                            let text = dom::joined_text(n);
                            if crate::structure::is_file_name(&text) {
                                pending.file_link(lines, &mut out, &mut kept);
                                file_link = Some(n.id());
                            } else if let Some(ext) = pending
                                .opens_file_line()
                                .then(|| dom::attr(e, &local_name!("href")))
                                .flatten()
                                .and_then(|href| {
                                    dom::linked_file_name(&text, href).and(dom::href_file_ext(href))
                                })
                                // A label alone (`附件1`) names the file only when no title
                                // follows it outside the link (`<a>附件1</a>：某某表`).
                                .filter(|_| {
                                    !dom::is_bare_attachment_label(
                                        &crate::normalize::normalize_block(&text),
                                    ) || n.next_sibling().is_none_or(|s| {
                                        s.value()
                                            .as_text()
                                            .is_none_or(|t| around::only_link_furniture(t))
                                    })
                                })
                            {
                                // Its text names the file without the extension its `href`
                                // gives: the name is written whole when the link closes. A
                                // label alone (`附件1`) is written with the title the `href`'s
                                // file name gives, if it gives one (`附件1：某某表.xlsx`).
                                pending.file_link(lines, &mut out, &mut kept);
                                file_link = Some(n.id());
                                file_ext = Some(ext);
                                file_title = dom::is_bare_attachment_label(
                                    &crate::normalize::normalize_block(&text),
                                )
                                .then(|| dom::attr(e, &local_name!("href")))
                                .flatten()
                                .and_then(dom::href_file_title);
                            } else if let Some(ext) = dom::attr(e, &local_name!("href"))
                                .and_then(dom::href_file_ext)
                                .filter(|&ext| {
                                    dom::is_download_prompt(&text) && pending.names_file(ext)
                                })
                            {
                                // A download prompt (`附件：某某清单 <a href="….xlsx">[下载]</a>`):
                                // the text before it names the file, written whole, the prompt
                                // left out, when the link closes. Named after another file's
                                // link in the paragraph (`附件1：甲.docx [下载] 附件2：乙.xlsx
                                // [下载]`), the name starts a paragraph of its own.
                                let named = n.prev_sibling().filter(|s| s.value().is_text());
                                pending.split_file_name(
                                    named.map_or(n.id(), |s| s.id()),
                                    lines,
                                    &mut out,
                                    &mut kept,
                                );
                                file_link = Some(n.id());
                                file_ext = Some(ext);
                                prompt = Some(n.id());
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(n) => {
                if n.value().is_element() {
                    if file_link == Some(n.id()) {
                        file_link = None;
                        prompt = None;
                        if let Some(ext) = file_ext.take() {
                            pending.raw.truncate(pending.raw.trim_end_ws().len());
                            if let Some(title) = file_title.take() {
                                pending.raw.push('：');
                                pending.raw.push_str(&title);
                            }
                            // A name the text before a download prompt wrote whole
                            // (`某某表.xlsx [下载]`) is not given the extension twice.
                            if !has_extension(&pending.raw, ext) {
                                pending.raw.push('.');
                                pending.raw.push_str(ext);
                            }
                        }
                        pending.file_link_end = Some(pending.raw.len());
                    }
                    if dom::local(&n).is_some_and(dom::is_block_tag) {
                        pending.flush(lines, &mut out, &mut kept);
                        if dom::local(&n) != Some(&local_name!("br")) {
                            pending.element += 1;
                        }
                        if pending.apart.last() == Some(&n.id()) {
                            pending.apart.pop();
                        }
                        // An item without text leaves its number unshown.
                        if dom::local(&n) == Some(&local_name!("li")) {
                            pending.marker = None;
                        }
                        if lists.last().is_some_and(|l| l.id == n.id()) {
                            lists.pop();
                        }
                    }
                    depth = depth.saturating_sub(1);
                }
            }
        }
    }
    pending.flush(lines, &mut out, &mut kept);
    // Every paragraph joined stands before the first of a table laid out as text.
    let joined = join_wrapped(&mut out, &pending.printed);
    for (block, _) in &mut kept.paras {
        *block = block.saturating_sub(joined);
    }
    if !kept.paras.is_empty() {
        text_tables(&mut out, kept, diags);
    }
    Ok(out)
}

/// Whether block element `e` (named `name`) lays its text out apart from a hard-wrapped
/// text's lines: a heading (`<h1>`–`<h6>`), or centred or set right (`<center>`,
/// `align="center"`, `style="text-align:right"`), as a title's or a signature's lines are.
fn lays_apart(name: &html5ever::LocalName, e: &scraper::node::Element) -> bool {
    if matches!(
        *name,
        local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("center")
    ) {
        return true;
    }
    dom::attr(e, &local_name!("align")).is_some_and(is_centred_or_right)
        || dom::attr(e, &local_name!("style")).is_some_and(style_aligns)
}

/// Whether an alignment value is `center` or `right` (any case, spaces around).
fn is_centred_or_right(v: &str) -> bool {
    let v = v.trim_ws();
    v.eq_ignore_ascii_case("center") || v.eq_ignore_ascii_case("right")
}

/// Whether a `style` attribute centres its text or sets it right (`text-align: center`).
/// Nearly every paragraph of a Word-made page has a style (`text-align: justify; text-indent:
/// 2em`): a prebuilt search finds the property in a lowercase style, and the declarations are
/// split only for one written with capitals.
fn style_aligns(style: &str) -> bool {
    static TEXT_ALIGN: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("text-align"));
    let b = style.as_bytes();
    if b.iter().any(u8::is_ascii_uppercase) {
        return style.split(';').any(|d| {
            d.split_once(':').is_some_and(|(k, v)| {
                k.trim_ws().eq_ignore_ascii_case("text-align") && is_centred_or_right(v)
            })
        });
    }
    let mut from = 0;
    while let Some(at) = b.get(from..).and_then(|rest| TEXT_ALIGN.find(rest)) {
        let (start, end) = (from + at, from + at + "text-align".len());
        from = end;
        // The property's name whole: at the start, or after `;` and white space.
        let before = style[..start].trim_end_matches(|c: char| c.is_whitespace());
        if !(before.is_empty() || before.ends_with(';')) {
            continue;
        }
        let Some(value) = style[end..].trim_ws().strip_prefix(':') else {
            continue;
        };
        if is_centred_or_right(value.split(';').next().unwrap_or_default()) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_alignment_is_read_as_splitting_the_declarations_reads_it() {
        let by_splitting = |style: &str| {
            style.split(';').any(|d| {
                d.split_once(':').is_some_and(|(k, v)| {
                    k.trim_ws().eq_ignore_ascii_case("text-align") && is_centred_or_right(v)
                })
            })
        };
        let values = [
            "center", "right", "justify", "left", " CENTER ", "Right", "",
        ];
        let mut styles = vec![
            String::new(),
            "text-indent:2em".into(),
            "-webkit-text-align: center".into(),
            "mytext-align:center".into(),
            "text-align".into(),
            "text-align center".into(),
            "font-family:宋体;text-align".into(),
        ];
        for v in values {
            for name in ["text-align", "TEXT-ALIGN", "Text-Align"] {
                for (before, after) in [
                    ("", ""),
                    ("line-height: 28pt; ", "; text-indent: 2em"),
                    ("  ", ";"),
                    ("margin:0;\n", ""),
                    ("x-", ""),
                ] {
                    styles.push(format!("{before}{name}:{v}{after}"));
                    styles.push(format!("{before}{name} : {v}{after}"));
                }
            }
        }
        for style in &styles {
            assert_eq!(style_aligns(style), by_splitting(style), "{style:?}");
        }
    }

    #[test]
    fn navigation_prefilter_keeps_every_label() {
        for label in NAVIGATION_LABELS {
            assert!(label.starts_with(NAVIGATION_FIRST), "{label}");
            for sep in ["：", ":"] {
                let line = format!("{label}{sep}关于某某的通知");
                assert!(is_page_navigation(&line), "{line}");
            }
            assert!(!is_page_navigation(&format!("{label}工作")), "{label}");
        }
        assert!(!is_page_navigation("一、总体要求"));
        for pager in [
            "上一页1 2下一页共2页",
            "首页 上一页 1/3 下一页 尾页",
            "<< 上一页 | 第1页 共3页 | 下一页 >>",
        ] {
            assert!(is_page_navigation(pager), "{pager}");
        }
        for text in [
            "第一页",
            "共2页",
            "1 2 3",
            "第一条 下一页面的内容",
            "上一页面所列事项",
        ] {
            assert!(!is_page_navigation(text), "{text}");
        }
    }

    fn read(page: &str) -> Blocks {
        read_html(page.as_bytes(), &Limits::default()).expect("reads")
    }

    fn paras(b: &Blocks) -> Vec<(&str, usize)> {
        b.blocks
            .iter()
            .filter_map(|x| match x {
                Block::Para(p) => Some((p.text.as_str(), p.line)),
                _ => None,
            })
            .collect()
    }

    /// The paragraphs' texts alone.
    fn para_texts(b: &Blocks) -> Vec<&str> {
        paras(b).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn blocks_take_the_line_of_their_first_visible_text() {
        let page = "<html><body><div id=zoom>\n<p>\n  第一段，\n  接着写。</p>\n<p><span>\u{3000}</span>\n<b>第二段</b></p>\r\n<table><tr><td>1</td><td>甲</td></tr>\n<tr>\n<td>\n2</td><td>乙</td></tr></table>\n<p>第&#x4e09;段&nbsp;\n末尾</p></div></body></html>";
        let b = read(page);
        let texts: Vec<(&str, usize)> = paras(&b);
        assert_eq!(texts[0].1, 3, "{texts:?}");
        assert_eq!(texts[1].1, 6, "{texts:?}");
        assert_eq!(texts[2], ("第三段末尾", 11));
        let t = b.tables();
        assert_eq!(t[0].line, 7);
        assert_eq!(t[0].row_lines, [7, 10]);
    }

    #[test]
    fn ordered_list_items_are_numbered_as_a_browser_shows_them() {
        let texts = |page: &str| -> Vec<String> {
            paras(&read(page))
                .into_iter()
                .map(|(t, _)| t.to_string())
                .collect()
        };
        assert_eq!(
            texts(
                "<div id=zoom><ol><li><p>压减审批时限。</p></li><li>降低用能成本。<ul><li>甲</li></ul></li></ol></div>"
            ),
            ["1.压减审批时限。", "2.降低用能成本。", "甲"]
        );
        assert_eq!(
            texts(
                "<div id=zoom><ol style=\"list-style-type: cjk-ideographic\" start=\"3\"><li>加强监测预警。</li><li value=\"5\">保障电力供应。</li></ol></div>"
            ),
            ["三、加强监测预警。", "五、保障电力供应。"]
        );
        // No numbers shown, or the item prints its own: nothing is added.
        assert_eq!(
            texts(
                "<div id=zoom><ol style=\"list-style:none\"><li>甲事。</li></ol><ol><li>（一）乙事。</li><li></li></ol><p>丙事。</p></div>"
            ),
            ["甲事。", "（一）乙事。", "丙事。"]
        );
    }

    #[test]
    fn block_boundaries_and_inline_elements() {
        let b = read(
            "<div id=zoom><p><strong>关于印发</strong><font>某某</font>方案<br>的通知</p><h2>一、总体要求</h2><ul><li>第一项</li><li>第二项</li></ul><div>甲<div>乙</div>丙</div></div>",
        );
        let texts: Vec<&str> = paras(&b).into_iter().map(|(t, _)| t).collect();
        assert_eq!(
            texts,
            [
                "关于印发某某方案",
                "的通知",
                "一、总体要求",
                "第一项",
                "第二项",
                "甲",
                "乙",
                "丙"
            ]
        );
    }

    #[test]
    fn scripts_styles_comments_and_hidden_text_are_ignored() {
        let b = read(
            "<div class=TRS_Editor><script>document.write('<p>假的</p>')</script><style>p{}</style><!-- 注释 --><p style='display: none'>隐藏</p><p>真的内容在这里</p><div class=bdsharebuttonbox>分享到</div></div>",
        );
        assert_eq!(para_texts(&b), ["真的内容在这里"]);
    }

    #[test]
    fn page_tools_left_as_text_are_no_paragraphs() {
        // Links that call no script (`href="#"`, none at all) keep their words: the line is
        // still the page's tools.
        let b = read(
            "<div class=article><p>正文第一段。</p><div class=btns>【<a href='#'>字体：大 中 小</a>】【<a>打印</a>】【<a>关闭</a>】</div><div><a href='#'>【打印本页】</a><a href='#'>【关闭窗口】</a></div><p>打印机采购项目。</p><p>关闭</p><p>大</p></div>",
        );
        assert_eq!(para_texts(&b), ["正文第一段。", "打印机采购项目。", "大"]);
    }

    #[test]
    fn the_page_number_guard_turns_down_only_what_the_test_would() {
        // Every BMP character in and around a page number's shapes: the byte guard never turns
        // down what the full test accepts.
        for c in (0..=0xFFFFu32).filter_map(char::from_u32) {
            for t in [
                format!("{c}"),
                format!("— {c} —"),
                format!("第{c}页"),
                format!("第3页 共{c}"),
                format!("-{c}"),
                format!("{c}-"),
                format!("第{c}"),
            ] {
                let t = t.trim_ws();
                if crate::read::text::is_page_number(t) {
                    assert!(ends_as_page_number(t), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn watermarks_set_in_no_size_are_dropped_but_zero_size_blocks_show_their_text() {
        let b = read(
            "<div class=article><h1>关于做好春耕<span style='font-size:0'>gov.example</span>生产工作的通知</h1><p>一、抓好种子供应。<font style='FONT-SIZE: 0px'>某某市人民政府</font>各地要做好调剂。</p><ul style='font-size:0'><li><span style='font-size:16px'>二、强化农资保障。</span></li></ul><p><span style='font-size:0.5em'>注</span></p></div>",
        );
        assert_eq!(
            para_texts(&b),
            [
                "关于做好春耕生产工作的通知",
                "一、抓好种子供应。各地要做好调剂。",
                "二、强化农资保障。",
                "注"
            ]
        );
    }

    #[test]
    fn a_pages_closing_words_are_no_paragraphs() {
        let b = read(
            "<div class=article><p>来源：市统计局</p><p>正文。</p><p>扫一扫在手机打开当前页</p><p>【责任编辑：王某】</p><p>【编辑说明】</p></div>",
        );
        assert_eq!(para_texts(&b), ["来源：市统计局", "正文。", "【编辑说明】"]);
    }

    #[test]
    fn printed_page_numbers_are_no_paragraphs() {
        // A page laid out from the printed notice keeps the numbers under each page.
        let b = read(
            "<div class=article><div class=page><p>正文。</p><p style='text-align:center'>— 1 —</p></div><div class=page><p>附件</p><p>- 2 -</p><p>第3页 共3页</p><p>12</p><p>—12—13</p></div></div>",
        );
        assert_eq!(para_texts(&b), ["正文。", "附件", "12", "—12—13"]);
    }

    #[test]
    fn text_that_ends_the_input_keeps_its_line() {
        // No closing tag: the tokenizer emits the last run when the input ends.
        let b = read("<div id=zoom><p>第一段</p>\n\n<p>最后一段");
        assert_eq!(paras(&b), [("第一段", 1), ("最后一段", 3)]);
        // An unfinished character reference is only read when the input ends.
        let b = read("<div id=zoom><p>第一段</p>\n\n<p>\n&amp");
        assert_eq!(paras(&b), [("第一段", 1), ("&", 4)]);
    }

    #[test]
    fn hidden_and_chrome_elements_are_skipped_in_paragraphs_and_table_cells() {
        let b = read(
            "<body><div class=nav>导航</div><div id=zoom><p>第一段<span hidden>藏</span>文字</p><div class='share-box'>分享</div><table><tr><td>序号</td><td>任务</td><td>牵头单位</td></tr><tr><td>1</td><td>做事<span style='visibility : Hidden'>隐</span>情</td><td>市<i style=\"font-family: 仿宋; display:none\">x</i>政府</td></tr></table><p style='DISPLAY:NONE'>不见</p><p>尾段</p></div></body>",
        );
        let texts: Vec<&str> = paras(&b).into_iter().map(|(t, _)| t).collect();
        assert_eq!(texts, ["第一段文字", "尾段"]);
        let t = b.tables();
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows[1], ["1", "做事情", "市政府"]);
    }

    #[test]
    fn lines_follow_the_source() {
        let b = read(
            "<html>\n<body>\n<div class=view>\n<p>第一段文字</p>\n\n<p>\n&nbsp;&nbsp;第二段<span>文字</span></p>\n<table>\n<tr><td>序号</td><td>任务</td></tr>\n<tr><td>1</td><td>做一件事情</td></tr>\n</table>\n<p>最后一段</p>\n</div></body></html>",
        );
        assert_eq!(
            paras(&b),
            [("第一段文字", 4), ("第二段文字", 7), ("最后一段", 12)]
        );
        let t = b.tables();
        assert_eq!(t[0].row_lines, [9, 10]);
        assert_eq!(t[0].line, 9);
    }

    #[test]
    fn spans_fill_every_slot_they_cover() {
        let b = read(
            "<div id=zoom><table><thead><tr><th>类别</th><th>序号</th><th>任务</th><th>牵头单位</th></tr></thead>\
            <tr><td colspan=4>一、分组</td></tr>\
            <tr><td rowspan=2>科技</td><td>1</td><td>甲事</td><td rowspan=2>市科技局</td></tr>\
            <tr><td>2</td><td>乙事</td></tr>\
            <tr><td>其他</td><td>3</td><td></td><td></td></tr></table></div>",
        );
        let t = b.tables()[0];
        assert_eq!(t.header_rows, 1);
        assert_eq!(
            t.rows,
            vec![
                vec!["类别", "序号", "任务", "牵头单位"],
                vec!["一、分组"; 4],
                vec!["科技", "1", "甲事", "市科技局"],
                vec!["科技", "2", "乙事", "市科技局"],
                vec!["其他", "3", "", ""],
            ]
        );
    }

    #[test]
    fn th_cells_that_head_a_group_of_rows_are_no_header_rows() {
        // With a <thead>, a <th> row in a <tbody> heads that body's rows.
        let b = read(
            "<div id=zoom><table><thead><tr><th>序号</th><th>任务</th><th>牵头单位</th></tr></thead>\
            <tbody><tr><th colspan=3 scope=rowgroup>一、分组</th></tr>\
            <tr><td>1</td><td>甲事</td><td>市科技局</td></tr></tbody>\
            <tbody><tr><th colspan=3 scope=rowgroup>二、分组</th></tr>\
            <tr><td>2</td><td>乙事</td><td>市商务委</td></tr></tbody></table></div>",
        );
        assert_eq!(b.tables()[0].header_rows, 1);
        // Without one, a <th> across the width under the header rows is a group heading, while
        // a second header row of <th> stays a header row.
        let b = read(
            "<div id=zoom><table><tr><th rowspan=2>序号</th><th rowspan=2>任务</th><th colspan=2>责任单位</th></tr>\
            <tr><th>牵头单位</th><th>配合单位</th></tr>\
            <tr><th colspan=4>一、分组</th></tr>\
            <tr><td>1</td><td>甲事</td><td>市科技局</td><td>市财政局</td></tr></table></div>",
        );
        let t = b.tables()[0];
        assert_eq!(t.header_rows, 2);
        assert_eq!(t.rows[2], vec!["一、分组"; 4]);
        // A <thead> of one row whose cells span down into the <tbody>'s first row: both are
        // the header.
        let b = read(
            "<div id=zoom><table><thead><tr><th rowspan=2>序号</th><th rowspan=2>任务</th><th colspan=2>责任单位</th></tr></thead>\
            <tbody><tr><td>牵头单位</td><td>配合单位</td></tr>\
            <tr><td>1</td><td>甲事</td><td>市科技局</td><td>市财政局</td></tr></tbody></table></div>",
        );
        assert_eq!(b.tables()[0].header_rows, 2);
    }

    #[test]
    fn rowspan_zero_and_overlong_spans_stop_at_the_table() {
        let b = read(
            "<div id=zoom><table><tr><td rowspan=0>甲</td><td>一</td></tr><tr><td>二</td></tr><tr><td>三</td></tr></table>\
            <table><tr><td rowspan=999999 colspan=5000>乙</td><td>x</td></tr><tr><td>y</td></tr></table></div>",
        );
        let t = b.tables();
        assert_eq!(
            t[0].rows,
            vec![vec!["甲", "一"], vec!["甲", "二"], vec!["甲", "三"]]
        );
        // The span is capped at 1000 columns, and the columns no cell starts in (only the span
        // crosses them) are none of the table's: `乙` beside `x`, then beside `y`.
        assert_eq!(t[1].rows, vec![vec!["乙", "x"], vec!["乙", "y"]]);
        assert!(b.diagnostics.iter().any(|d| d.code == "span_capped"));
    }

    #[test]
    fn a_grid_over_the_cap_is_refused_without_allocating_it() {
        let limits = Limits {
            max_grid_cells: 100,
            ..Limits::default()
        };
        let mut page = String::from("<div id=zoom><table>");
        for i in 0..50 {
            page.push_str(&format!("<tr><td colspan=1000>第{i}行</td><td>x</td></tr>"));
        }
        page.push_str("</table></div>");
        match read_html(page.as_bytes(), &limits) {
            Err(crate::Error::Limit { flag, value, .. }) => {
                assert_eq!(flag, "--max-grid-cells");
                assert!(value > 100, "{value}");
            }
            other => panic!("expected the limit, got {other:?}"),
        }
        // Within the cap, the same table is read.
        let wide = Limits {
            max_grid_cells: 1_000_000,
            ..Limits::default()
        };
        let b = read_html(page.as_bytes(), &wide).expect("reads");
        assert_eq!(b.tables().len(), 1);
    }

    #[test]
    fn nested_tables_flatten_into_their_cell_and_layout_tables_are_paragraphs() {
        let b = read(
            "<div id=zoom><table><tr><td><p>通知正文第一段</p><p>第二段</p></td></tr></table>\
            <table><tr><td>序号</td><td>牵头单位</td></tr><tr><td>1</td><td><table><tr><td>市科技局</td></tr><tr><td>市教委</td></tr></table></td></tr></table></div>",
        );
        assert_eq!(para_texts(&b), ["通知正文第一段", "第二段"]);
        let t = b.tables();
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows[1], vec!["1", "市科技局\n市教委"]);
    }

    #[test]
    fn header_words_broken_over_lines_join() {
        let b = read(
            "<div id=zoom><table><tr><td>序<br>号</td><td>牵头<br>单位</td></tr><tr><td>1</td><td>市科技局</td></tr></table></div>",
        );
        assert_eq!(b.tables()[0].rows[0], vec!["序号", "牵头单位"]);
    }

    #[test]
    fn dense_text_is_found_without_a_known_container() {
        let body = "<p>为认真贯彻落实有关精神，结合本市实际，制定本方案。</p>".repeat(10);
        let page = format!(
            "<body><div class=top><a href=#>首页</a><a href=#>政务公开</a><a href=#>政务服务</a></div>\
             <div class=main><div class=left><a>相关文件一</a><a>相关文件二</a></div><div class=text>{body}</div></div>\
             <div class=bottom>主办单位：某某市人民政府办公厅</div></body>"
        );
        let b = read(&page);
        let texts: Vec<&str> = paras(&b).into_iter().map(|(t, _)| t).collect();
        assert_eq!(texts.len(), 10);
        assert!(texts.iter().all(|t| t.starts_with("为认真贯彻落实")));
    }

    #[test]
    fn gov_cn_metadata_table_becomes_page_metadata_not_body() {
        let page = "<table><tr><td><b>索 引 号：</b></td><td>000014349/2018-00228</td><td><b>主题分类：</b></td><td>科技、教育\\科技</td></tr>\
            <tr><td><b>发文机关：</b></td><td>国务院办公厅</td><td><b>成文日期：</b></td><td>2018年12月23日</td></tr>\
            <tr><td><b>标\u{3000}\u{3000}题：</b></td><td colspan=3>国务院办公厅关于推广某某的通知</td></tr>\
            <tr><td><b>发文字号：</b></td><td>国办发〔2018〕126号</td><td><b>发布日期：</b></td><td>2019年01月08日</td></tr></table>\
            <table><tr><td><b>主 题 词：</b></td><td></td></tr></table>\
            <div id=UCAP-CONTENT><p>国务院办公厅关于推广某某的通知</p><p>国办发〔2018〕126号</p></div>";
        let b = read(page);
        let m = b.page.as_ref().expect("page metadata");
        assert_eq!(m.index_no.as_deref(), Some("000014349/2018-00228"));
        assert_eq!(m.topic.as_deref(), Some("科技、教育\\科技"));
        assert_eq!(m.issuer.as_deref(), Some("国务院办公厅"));
        assert_eq!(m.date.as_deref(), Some("2018-12-23"));
        assert_eq!(m.title.as_deref(), Some("国务院办公厅关于推广某某的通知"));
        assert_eq!(m.doc_number.as_deref(), Some("国办发〔2018〕126号"));
        assert_eq!(m.published.as_deref(), Some("2019-01-08"));
        assert_eq!(m.fields.get("主题词").map(String::as_str), Some(""));
        assert!(b.tables().is_empty());
        assert_eq!(paras(&b).len(), 2);
    }

    #[test]
    fn the_heads_cms_publication_date_is_the_pages_when_it_prints_none() {
        let body = "<div id=zoom><p>各区人民政府：</p><p>这是正文的一段文字。</p></div>";
        for (meta, want) in [
            (
                "<meta name=\"PubDate\" content=\"2023-03-05 10:00\">",
                Some("2023-03-05"),
            ),
            (
                "<meta name=firstpublishedtime content=\"2023-03-05-10:00:00\">",
                Some("2023-03-05"),
            ),
            (
                "<meta name=publishdate content=\"2023/3/5\">",
                Some("2023-03-05"),
            ),
            ("<meta name=PubDate content=\"2023-02-30\">", None),
            ("<meta name=PubDate content=\"二〇二三\">", None),
            ("<meta name=PubDate content=\"\">", None),
        ] {
            let b = read(&format!("<head>{meta}</head><body>{body}</body>"));
            assert_eq!(
                b.page.as_ref().and_then(|m| m.published.as_deref()),
                want,
                "{meta}"
            );
        }
        // The date the page prints wins over its head's.
        let b = read(&format!(
            "<head><meta name=PubDate content=\"2023-03-06 09:00\"></head><body>\
             <ul><li>索引号：1</li><li>发文机关：某某市人民政府</li><li>发布日期：2023年3月5日</li></ul>{body}</body>"
        ));
        assert_eq!(
            b.page.as_ref().and_then(|m| m.published.as_deref()),
            Some("2023-03-05")
        );
    }

    #[test]
    fn metadata_inside_the_content_is_not_body() {
        let page = "<div class=TRS_Editor><table><tr><td>发文机关：某某市人民政府</td><td>发文字号：某府发〔2021〕1号</td></tr>\
            <tr><td>成文日期：2021-08-04</td><td>标题：某某市人民政府关于某某的通知</td></tr></table>\
            <p>某某市人民政府关于某某的通知</p><p>这是正文的一段文字。</p></div>";
        let b = read(page);
        assert_eq!(
            b.page.as_ref().and_then(|m| m.date.as_deref()),
            Some("2021-08-04")
        );
        assert!(b.tables().is_empty());
        assert_eq!(paras(&b)[0].0, "某某市人民政府关于某某的通知");
    }

    #[test]
    fn deep_nesting_neither_overflows_nor_breaks_text() {
        let n = 100_000;
        let page = format!(
            "<div id=zoom><p>开始</p>{}深处的文字{}</div>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let b = read(&page);
        let texts: Vec<&str> = paras(&b).into_iter().map(|(t, _)| t).collect();
        assert_eq!(texts, ["开始", "深处的文字"]);
        assert!(b.diagnostics.iter().any(|d| d.code == "html_depth_capped"));
    }
}
