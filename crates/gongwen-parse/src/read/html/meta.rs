//! The metadata a government page prints about the notice.
//!
//! gov.cn prints a table above the notice: `索 引 号：` `000014349/2018-00228`, `标　　题：` …,
//! labels spaced out with ordinary or full-width spaces and ending in `：`. Other sites print
//! the same labels in a table with the value in the same cell (`发文字号：渝府发〔2021〕19号`), or
//! as a list (`<li>索引号：…</li>`). All of these are read into [`PageMeta`]; the elements they
//! were read from are skipped when the body is read, so the metadata never shows up as a table
//! or as paragraphs of the notice.

use super::dom::{self, Dom, TextLines};
use super::table;
use crate::model::PageMeta;
use crate::normalize::TrimFast as _;
use crate::normalize::{count_ideographs, strip_spaces};
use crate::structure::{find_date, is_real_date, iso_date};
use ego_tree::NodeId;
use html5ever::local_name;
use indexmap::IndexMap;
use std::sync::LazyLock;

/// The labels that identify a metadata block, with the [`PageMeta`] field each fills
/// (synonyms used by other sites map to the same field).
const KNOWN: &[(&str, Field)] = &[
    ("索引号", Field::IndexNo),
    ("主题分类", Field::Topic),
    ("发文机关", Field::Issuer),
    ("成文日期", Field::Date),
    ("标题", Field::Title),
    // The 政府信息公开 tables of provincial and municipal sites.
    ("信息名称", Field::Title),
    ("文件名称", Field::Title),
    ("发文日期", Field::Date),
    ("公开日期", Field::Published),
    ("发文字号", Field::DocNumber),
    ("发布日期", Field::Published),
    ("发文机构", Field::Issuer),
    // The office that put the page up (often the issuer's general office): it marks a metadata
    // block, and is taken for the issuer only where the page names none and it is no general
    // office ([`fill_from_weaker_labels`]).
    ("发布机构", Field::Publisher),
    ("成文时间", Field::Date),
    ("文号", Field::DocNumber),
    ("发布时间", Field::Published),
    ("主题词", Field::Other),
    ("信息分类", Field::Other),
    ("组配分类", Field::Other),
    ("体裁分类", Field::Other),
    ("公开方式", Field::Other),
    ("有效性", Field::Other),
    // Other labels of the same tables (Jiangsu's and Zhejiang's 政府信息公开 templates print
    // `生成日期`, `公开时限`, `公开范围` beside 文号 and 发布机构, without colons): without them the
    // table was given up at its first such cell and its 文号 lost.
    ("文件编号", Field::DocNumber),
    ("发文单位", Field::Issuer),
    ("生成日期", Field::Other),
    ("公开时限", Field::Other),
    ("公开范围", Field::Other),
    ("公开形式", Field::Other),
    ("公开类别", Field::Other),
    ("信息来源", Field::Other),
    ("效力状态", Field::Other),
    // Guangdong's templates print `名称` and `分类` (no colons) beside 索引号 and 文号.
    ("名称", Field::Title),
    ("分类", Field::Other),
    ("所属分类", Field::Other),
    ("所属主题", Field::Other),
    ("关键词", Field::Other),
    ("相关附件", Field::Other),
    ("发布单位", Field::Publisher),
    // GB/T 9704 dates a document by its signing (成文日期 is the day the head signed it): the
    // sites that print `签发日期` print the same date.
    ("签发日期", Field::Date),
    // City and county 政府信息公开 templates: `信息索引号` for 索引号, `所属机构` (the organ whose
    // catalogue the page is in, as 发布机构), `签署日期` and `印发日期` for 成文日期, `公开时间` for
    // 发布日期, and `公开目录` (the catalogue, where others print 主题分类).
    ("信息索引号", Field::IndexNo),
    ("所属机构", Field::Publisher),
    ("签署日期", Field::Date),
    ("印发日期", Field::Date),
    ("公开时间", Field::Published),
    ("公开目录", Field::Other),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    IndexNo,
    Topic,
    Issuer,
    Date,
    Title,
    DocNumber,
    Published,
    Publisher,
    Other,
}

fn field(label: &str) -> Option<Field> {
    KNOWN.iter().find(|(l, _)| *l == label).map(|(_, f)| *f)
}

/// A label as printed, without spaces and the trailing colon: `标　　题：` → `标题`.
fn clean_label(s: &str) -> String {
    unbracketed(strip_spaces(s).trim_end_matches(['：', ':'])).to_string()
}

/// A label without the square brackets some sites print it in: `[ 发文字号 ]` → `发文字号`.
fn unbracketed(label: &str) -> &str {
    // Nearly every cell neither starts with `[` (or the lead byte of `【`, `［`) nor ends with
    // `]` (or the last byte of `】`, `］`): two byte comparisons turn it down.
    let b = label.as_bytes();
    if matches!(b.first(), Some(b'[' | 0xE3 | 0xEF)) || matches!(b.last(), Some(b']' | 0x91 | 0xBD))
    {
        label.trim_matches(['[', ']', '【', '】', '［', '］'])
    } else {
        label
    }
}

/// A cell that is only a label: a known label, or a short Han phrase ending in a colon.
fn as_label(cell: &str) -> Option<String> {
    // `clean_label`, from one pass of `strip_spaces`, copied only for a label.
    let stripped = strip_spaces(cell);
    let colon = stripped.ends_with(['：', ':']);
    let l = unbracketed(stripped.trim_end_matches(['：', ':']));
    let ok = field(l).is_some()
        || (colon
            && (2..=8).contains(&l.chars().count())
            && l.chars().all(crate::normalize::is_han));
    ok.then(|| l.to_string())
}

/// The labels of a page's byline that share a line with its date (`发布时间：2024-01-10　来源：某司
/// 字号：大 中 小`): each ends the value before it, and whether its own value is kept as a field
/// (the source and the author are; the font-size and view-count widgets are page furniture).
const BYLINE: &[(&str, bool)] = &[
    ("来源", true),
    ("文章来源", true),
    ("作者", true),
    ("字号", false),
    ("浏览次数", false),
    ("点击数", false),
    ("阅读次数", false),
    ("访问次数", false),
];

/// Every `label：value` pair of `text` when it prints several one after another (`索引号：…
/// 发布机构：… 发文字号：…`, in one paragraph, one list item or one cell): a known label and its
/// colon starts each, and its value runs to the next. A byline label ([`BYLINE`]) after the first
/// pair ends a value too (`发布时间：2024-01-10　来源：某司` → `2024-01-10` and `某司`). Empty
/// unless `text` starts with a pair and holds at least two.
fn pairs_in(text: &str) -> Vec<(String, String)> {
    // (where the label starts, where its colon ends, the label)
    let mut found: Vec<(usize, usize, &str)> = Vec::new();
    for label in KNOWN
        .iter()
        .map(|(l, _)| *l)
        .chain(BYLINE.iter().map(|(l, _)| *l))
    {
        for (at, _) in text.match_indices(label) {
            let rest = text[at + label.len()..].trim_start_matches([' ', '\u{3000}']);
            if let Some(after) = rest.strip_prefix(['：', ':']) {
                found.push((at, text.len() - after.len(), label));
            }
        }
    }
    // A label of another kind after a wide gap (`索引号：…　　公开目录：政府文件`): a short Han
    // phrase and its colon where a wide space or several spaces set it apart from the value
    // before. Its pair is kept as printed; without it, it would run on in the value before.
    if !found.is_empty() {
        found.extend(gapped_labels(text));
    }
    if found.len() < 2 {
        return Vec::new();
    }
    // The longest label at a place first; a label inside another (`名称` in `信息名称`) is none.
    found.sort_by_key(|&(at, end, _)| (at, std::cmp::Reverse(end)));
    let mut kept: Vec<(usize, usize, &str)> = Vec::with_capacity(found.len());
    for f in found {
        if kept.last().is_none_or(|k| f.0 >= k.1) {
            kept.push(f);
        }
    }
    if kept.len() < 2 || kept.first().is_some_and(|k| k.0 != 0) {
        return Vec::new();
    }
    if field(kept[0].2).is_none() {
        return Vec::new();
    }
    let separator =
        |c: char| c.is_whitespace() || matches!(c, '|' | '｜' | '；' | ';' | '，' | ',');
    let furniture = |label: &str| BYLINE.iter().any(|&(l, keep)| l == label && !keep);
    kept.iter()
        .enumerate()
        .filter(|&(_, &(_, _, label))| !furniture(label))
        .map(|(i, &(_, end, label))| {
            let stop = kept.get(i + 1).map_or(text.len(), |next| next.0);
            let value = text
                .get(end..stop)
                .unwrap_or_default()
                .trim_matches(separator);
            (label.to_string(), value.to_string())
        })
        .collect()
}

/// The short Han labels of `text` that stand after a wide gap (an ideographic space, a tab or
/// two spaces) and before a colon: (where the label starts, where its colon ends, the label).
fn gapped_labels(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut spaces = 0usize;
    let mut wide = false;
    for (at, c) in text.char_indices() {
        match c {
            ' ' => spaces += 1,
            '\u{3000}' | '\t' => wide = true,
            _ => {
                if wide || spaces >= 2 {
                    let rest = &text[at..];
                    let han = rest
                        .char_indices()
                        .take(7)
                        .find(|&(_, c)| !crate::normalize::is_han(c))
                        .map_or(rest.len(), |(i, _)| i);
                    let label = &rest[..han];
                    let n = label.chars().count();
                    if (2..=6).contains(&n)
                        && let Some(after) = rest[han..]
                            .trim_start_matches([' ', '\u{3000}'])
                            .strip_prefix(['：', ':'])
                    {
                        out.push((at, text.len() - after.len(), label));
                    }
                }
                spaces = 0;
                wide = false;
            }
        }
    }
    out
}

/// The brackets a label may be printed in instead of ending in a colon.
const OPEN: [char; 3] = ['[', '【', '［'];
const CLOSE: [char; 3] = [']', '】', '］'];

/// The pairs of a text whose labels are printed in square brackets, without colons, each before
/// its value (`[发文机构] 北京市人民政府`, `【成文日期】2024年02月28日`, several in one text too).
/// Empty unless the text opens with a known label in brackets; a bracketed word that is no known
/// label stays in the value it is printed in.
fn bracketed_pairs(text: &str) -> Vec<(String, String)> {
    let text = text.trim_start();
    // (where the label's bracket opens, where it closes, the label)
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    for (at, c) in text.char_indices() {
        if !OPEN.contains(&c) {
            continue;
        }
        let inside = &text[at + c.len_utf8()..];
        // A label is short: its closing bracket comes within a few characters.
        let Some((len, close)) = inside
            .char_indices()
            .take(12)
            .find(|(_, c)| CLOSE.contains(c))
        else {
            continue;
        };
        let label = strip_spaces(&inside[..len]);
        if field(&label).is_some() {
            found.push((
                at,
                at + c.len_utf8() + len + close.len_utf8(),
                label.into_owned(),
            ));
        }
    }
    if found.first().is_none_or(|f| f.0 != 0) {
        return Vec::new();
    }
    let separator =
        |c: char| c.is_whitespace() || matches!(c, '|' | '｜' | '；' | ';' | '，' | ',');
    (0..found.len())
        .map(|i| {
            let stop = found.get(i + 1).map_or(text.len(), |next| next.0);
            let value = text
                .get(found[i].1..stop)
                .unwrap_or_default()
                .trim_matches(separator);
            (found[i].2.clone(), value.to_string())
        })
        .collect()
}

/// A short Han label in brackets and the value after it, `[实施日期] 2024-01-22`, whatever the
/// label (the value may be empty: `[废止日期]`). `None` for a text that does not open so.
fn bracketed_label_pair(text: &str) -> Option<(String, String)> {
    let t = text.trim_ws();
    let rest = t.strip_prefix(OPEN)?;
    let (len, close) = rest
        .char_indices()
        .take(12)
        .find(|(_, c)| CLOSE.contains(c))?;
    let label = strip_spaces(&rest[..len]);
    let value = rest[len + close.len_utf8()..].trim_ws();
    ((2..=8).contains(&label.chars().count()) && label.chars().all(crate::normalize::is_han))
        .then(|| (label.into_owned(), value.to_string()))
}

fn as_pair(text: &str) -> Option<(String, String)> {
    let (label, value) = text.split_once(['：', ':'])?;
    let label = clean_label(label);
    field(&label)?;
    Some((label, value.trim_ws().to_string()))
}

/// What was found on the page.
#[derive(Default)]
pub(super) struct Found {
    /// The page metadata, when at least three known labels were found in one block.
    pub page: Option<PageMeta>,
    /// Elements that hold metadata and must not be read as the notice's body.
    pub skip: Vec<NodeId>,
}

/// The search for the metadata block, fed every element of the page in document order (by the
/// content survey, which walks the page anyway) and finished after the last.
#[derive(Default)]
pub(super) struct Scan {
    found: Found,
    list_pairs: Vec<(String, String)>,
    list_nodes: Vec<NodeId>,
    /// The buffer cells and list items are read into.
    cells: TextLines,
    /// An element whose whole text is a known label (`<dt>索引号：</dt>`, `<div
    /// class="label">文号</div>`, `<label>发文字号</label>`), waiting for the element right after
    /// it, which holds its value (`<dd>`, `<div class="value">`, `<p>`).
    label: Option<(NodeId, String)>,
}

impl Scan {
    /// Keeps a pair of a list or a line unless its label was read already (the first one
    /// counts); whether it was kept.
    fn add_pair(&mut self, label: String, value: String) -> bool {
        let new = !self.list_pairs.iter().any(|(l, _)| *l == label);
        if new {
            self.list_pairs.push((label, value));
        }
        new
    }

    pub(super) fn visit(&mut self, n: Dom<'_>) {
        let Some(e) = n.value().as_element() else {
            return;
        };
        let found = &mut self.found;
        // Atoms: the tag is compared as an integer, not read.
        match e.name.local {
            local_name!("table") => {
                let Some(TablePairs { pairs, rows }) = table_pairs(n, &mut self.cells) else {
                    return;
                };
                // The rows of pairs, when the table goes on with the notice (a layout table):
                // those rows are skipped, not the table.
                let skipped = match rows {
                    Some(rows) => rows,
                    None => vec![n.id()],
                };
                let known = pairs
                    .iter()
                    .filter(|(l, _)| field(l).is_some_and(|f| f != Field::Other))
                    .count();
                if known >= 3 && found.page.is_none() {
                    found.page = Some(page_meta(pairs));
                    found.skip.extend(skipped);
                } else if pairs.iter().any(|(l, _)| field(l).is_some())
                    && (found.page.is_some() || known >= 1)
                {
                    // A companion table (gov.cn's 主题词 row) or a partial one.
                    found.skip.extend(skipped);
                    if let Some(page) = &mut found.page {
                        for (l, v) in pairs {
                            page.fields.entry(l).or_insert(v);
                        }
                    }
                }
            }
            local_name!("li")
            | local_name!("p")
            | local_name!("dd")
            | local_name!("dt")
            | local_name!("div")
            | local_name!("span")
            | local_name!("label")
                if found.page.is_none() =>
            {
                // The value of the label element just before this one.
                if let Some((at, _)) = &self.label
                    && dom::prev_element(n).is_some_and(|p| p.id() == *at)
                {
                    let label = self.label.take();
                    if let Some((at, label)) = label
                        && is_small_leaf(n)
                    {
                        let value = self.cells.joined(n);
                        if !value.starts_with(OPEN) || bracketed_pairs(&value).is_empty() {
                            if value.chars().count() <= 200 && self.add_pair(label, value) {
                                self.list_nodes.extend([at, n.id()]);
                            }
                            return;
                        }
                        // `[联合发文单位]` printed empty, and the next item a label of its own
                        // (`[发文字号] …`): the label had no value, and this item is read as it is.
                        self.list_nodes.push(at);
                    } else {
                        return;
                    }
                }
                // A label alone, without a colon: a few short text nodes at most.
                if let Some(label) = bare_label(n) {
                    self.label = Some((n.id(), label));
                    return;
                }
                // Only leaf-like elements (no block children, at most 64 nodes inside) whose
                // text has a colon, as a pair needs: one walk of at most 65 nodes decides.
                if !small_leaf_with_colon(n) {
                    return;
                }
                let text = self.cells.joined(n);
                if text.chars().count() > 200 {
                    return;
                }
                if text.starts_with(OPEN) {
                    let pairs = bracketed_pairs(&text);
                    if !pairs.is_empty() {
                        for (label, value) in pairs {
                            self.add_pair(label, value);
                        }
                        self.list_nodes.push(n.id());
                        return;
                    }
                    // A label of another kind among them, printed empty (`[联合发文单位]`) or with
                    // its value (`[实施日期] 2024-01-22`, `[文件来源] 政府公报…`): part of the block
                    // when the item before it is, and its pair is kept as printed.
                    if let Some((label, value)) = bracketed_label_pair(&text)
                        && dom::prev_element(n)
                            .is_some_and(|p| self.list_nodes.last() == Some(&p.id()))
                    {
                        if !value.is_empty() {
                            self.add_pair(label, value);
                        }
                        self.list_nodes.push(n.id());
                        return;
                    }
                }
                // Several pairs are looked for only in a text that starts with one.
                let pair = as_pair(&text);
                let several = match &pair {
                    Some((_, value)) if !value.is_empty() => pairs_in(&text),
                    _ => Vec::new(),
                };
                if !several.is_empty() {
                    for (label, value) in several {
                        self.add_pair(label, value);
                    }
                    self.list_nodes.push(n.id());
                    return;
                }
                if let Some((label, value)) = pair {
                    if value.is_empty() {
                        // A label with its colon and nothing after it: its value is in the
                        // element after it.
                        self.label = Some((n.id(), label));
                    } else if self.add_pair(label, value) {
                        self.list_nodes.push(n.id());
                    }
                }
            }
            _ => {}
        }
    }

    pub(super) fn finish(self) -> Found {
        let Scan {
            mut found,
            list_pairs,
            list_nodes,
            ..
        } = self;
        if found.page.is_none() {
            let known = list_pairs
                .iter()
                .filter(|(l, _)| field(l).is_some_and(|f| f != Field::Other))
                .count();
            if known >= 3 {
                found.page = Some(page_meta(list_pairs));
                found.skip.extend(list_nodes);
            }
        }
        found
    }
}

/// Whether `n` has no block child (other than `<br>`), fewer than 64 nodes below it, and either
/// text that opens with a bracket (a label printed in brackets, `[发文机构] …`) or a colon
/// in its text that a known label may stand before: at most as many ideographs before it as the
/// longest label has. Normalization keeps every ideograph and every colon (it folds widths,
/// drops spaces, adds `、` at most), so text with more ideographs before its first colon can never
/// read as a pair, and is turned down without being read: most paragraphs with a colon are
/// prose (`各区县（自治县）人民政府，市政府各部门：`).
fn small_leaf_with_colon(n: Dom<'_>) -> bool {
    static LONGEST_LABEL: LazyLock<usize> = LazyLock::new(|| {
        KNOWN
            .iter()
            .map(|(l, _)| l.chars().count())
            .max()
            .unwrap_or(0)
    });
    let mut depth = 0usize;
    let mut colon = false;
    let mut before = 0usize;
    // Whether the text opens with a bracket (`[发文机构] 北京市人民政府`): a label printed
    // without a colon, whatever stands after it.
    let mut bracketed: Option<bool> = None;
    for (seen, edge) in n.traverse().enumerate() {
        // Each node opens and closes once, so a 130th edge means 65 nodes: the element and more
        // than 64 inside.
        if seen >= 129 {
            return false;
        }
        match edge {
            ego_tree::iter::Edge::Open(d) => {
                depth += 1;
                match d.value() {
                    scraper::Node::Text(t) if !colon => {
                        if bracketed.is_none() {
                            bracketed = t.trim_start().chars().next().map(|c| OPEN.contains(&c));
                        }
                        match first_colon(t) {
                            Some(at) => {
                                colon = true;
                                before += count_ideographs(t.get(..at).unwrap_or_default());
                            }
                            None => before += count_ideographs(t),
                        }
                    }
                    scraper::Node::Element(e) if depth == 2 => {
                        let t = &e.name.local;
                        if dom::is_block_tag(t) && *t != local_name!("br") {
                            return false;
                        }
                    }
                    _ => {}
                }
                if before > *LONGEST_LABEL && bracketed != Some(true) {
                    return false;
                }
            }
            ego_tree::iter::Edge::Close(_) => depth -= 1,
        }
    }
    colon || bracketed == Some(true)
}

/// The known label `n` holds when its text is one and nothing else, without a colon (`<div
/// class="label">文号</div>`, `<label>索 引 号</label>`): decided from at most eight nodes and 64
/// bytes of text, so that the elements of an article are turned down at their first sentence.
fn bare_label(n: Dom<'_>) -> Option<String> {
    let mut text = 0usize;
    let mut first: Option<&str> = None;
    for (seen, d) in n.descendants().enumerate().skip(1) {
        if seen > 8 {
            return None;
        }
        match d.value() {
            scraper::Node::Text(t) => {
                text += t.len();
                if text > 64 {
                    return None;
                }
                if first.is_none() && dom::has_visible(t) {
                    first = Some(t);
                }
            }
            scraper::Node::Element(e) if dom::is_block_tag(&e.name.local) => return None,
            _ => {}
        }
    }
    // The common case, a single text node, is tested without a copy.
    let one = first?;
    let found = |t: &str| {
        let t = strip_spaces(t);
        let l = unbracketed(&t);
        field(l).is_some().then(|| l.to_string())
    };
    if one.len() == text {
        found(one)
    } else {
        found(&dom::joined_text(n))
    }
}

/// Whether `n` has no block child (other than `<br>`) and at most 64 nodes below it.
fn is_small_leaf(n: Dom<'_>) -> bool {
    n.descendants().nth(65).is_none()
        && !n.children().any(|c| {
            dom::local(&c).is_some_and(|t| dom::is_block_tag(t) && *t != local_name!("br"))
        })
}

/// Where the first colon (`：` or `:`) of `t` starts, found by byte search rather than by
/// decoding every character ([`crate::normalize::char_offsets`] for `：`).
fn first_colon(t: &str) -> Option<usize> {
    let ascii = memchr::memchr(b':', t.as_bytes());
    let wide = crate::normalize::char_offsets(t, '：').next();
    match (ascii, wide) {
        (Some(a), Some(w)) => Some(a.min(w)),
        (a, w) => a.or(w),
    }
}

/// Most bytes of text in a metadata cell: a label, or a value such as the notice's title.
const MAX_CELL_TEXT: usize = 2048;

/// Whether a cell can belong to a metadata table: no nested table and at most
/// [`MAX_CELL_TEXT`] bytes of text. The walk stops at the first sign of a layout cell, which on
/// sites laid out with tables holds the whole article, once per level of nesting.
fn is_small_cell(c: Dom<'_>) -> bool {
    let mut text = 0usize;
    for d in c.descendants() {
        match d.value() {
            scraper::Node::Element(e) if e.name() == "table" => return false,
            scraper::Node::Text(t) => {
                text += t.len();
                if text > MAX_CELL_TEXT {
                    return false;
                }
            }
            _ => {}
        }
    }
    true
}

/// What [`table_pairs`] reads from a table.
#[derive(Debug, PartialEq)]
struct TablePairs {
    pairs: Vec<(String, String)>,
    /// The rows the pairs were read from, when the table goes on with other rows (`None` when
    /// the whole table is pairs).
    rows: Option<Vec<NodeId>>,
}

/// The label/value pairs of a small table whose cells are labels and values; `None` for any
/// other table (large, nested, or with cells that are neither).
///
/// The cells are read one at a time and paired as they come (a label takes the next cell as
/// its value unless that cell is a label too), so a table that is not metadata — nearly every
/// table of a page — is given up at its first cell of another kind, before its other cells are
/// read or any list is made.
///
/// Older sites lay the page out in one table: rows of pairs, then a row of one cell for the
/// title, or one holding the article (a large cell, or one with the article's own tables). Such
/// a row after whole rows of pairs ends the pairs instead of giving the table up; the rows read
/// are returned with them.
fn table_pairs(t: Dom<'_>, scratch: &mut TextLines) -> Option<TablePairs> {
    let mut pairs = Vec::new();
    // A label read, waiting for the cell after it.
    let mut label: Option<String> = None;
    let mut rows: Vec<NodeId> = Vec::new();
    for (tr, _) in table::row_elements(t) {
        // More than 12 rows is not a metadata table (counted here rather than by a walk over
        // the rows first: most tables are given up at their first cell).
        if rows.len() >= 12 {
            return None;
        }
        let cells = table::cells_of(tr);
        if cells.clone().nth(8).is_some() {
            return None;
        }
        // The pairs of the rows before, in case this row ends them.
        let before = pairs.len();
        let lone = cells.clone().nth(1).is_none();
        // Whole rows of pairs before this one, which ends them.
        let ends = |mut pairs: Vec<(String, String)>, label: Option<String>, rows: Vec<NodeId>| {
            (label.is_none() && before > 0).then(|| {
                pairs.truncate(before);
                TablePairs {
                    pairs,
                    rows: Some(rows),
                }
            })
        };
        for (at, c) in cells.enumerate() {
            if !is_small_cell(c) {
                return ends(pairs, label, rows);
            }
            let cell = scratch.joined(c);
            // A label of another kind without a colon (`文件状态`, `有效期`) where a row of pairs
            // puts its labels (every other cell from the first), once the table has given pairs
            // of known labels: a short Han phrase, taken as the label it stands for.
            let cell_label = as_label(&cell).or_else(|| {
                let n = cell.chars().count();
                (label.is_none()
                    && at % 2 == 0
                    && (2..=6).contains(&n)
                    && cell.chars().all(crate::normalize::is_han)
                    && pairs
                        .iter()
                        .any(|(l, _): &(String, String)| field(l).is_some()))
                .then(|| cell.clone())
            });
            if let Some(l) = label.take() {
                if cell_label.is_none() {
                    pairs.push((l, cell));
                    continue;
                }
                pairs.push((l, String::new()));
            }
            if cell_label.is_some() {
                label = cell_label;
            } else if let Some(pair) = as_pair(&cell) {
                // Several pairs in one cell, on lines of their own or set apart by spaces.
                let many = pairs_in(&cell);
                if many.is_empty() {
                    pairs.push(pair);
                } else {
                    pairs.extend(many);
                }
            } else if !cell.is_empty() {
                return if lone { ends(pairs, label, rows) } else { None };
            }
        }
        rows.push(tr.id());
    }
    if let Some(l) = label {
        pairs.push((l, String::new()));
    }
    (!rows.is_empty() && !pairs.is_empty()).then_some(TablePairs { pairs, rows: None })
}

/// A label of an info sheet: a page's ([`as_label`]), or one of the letter's own elements that
/// an info sheet lists beside them (ours does), which a page's metadata does not: 主送机关, 署名,
/// 附注, and the numbers the workbook's 序号 column skips on purpose (`未列序号 | 5、7-9`: measures
/// that assign no duty, which the task-number check reads); and the letter's other marks it
/// lists: 签发人, 抄送机关, 印发机关, each attachment of the 附件说明 (`附件1 | 某某分工表`) and
/// each line of a 纪要's attendance (`出席 | 某某、某某`). Those count for no element of
/// [`PageMeta`]; they stay among its fields.
fn as_sheet_label(cell: &str) -> Option<String> {
    const LETTER_LABELS: [&str; 9] = [
        "主送机关",
        "主送",
        "署名",
        "附注",
        "未列序号",
        "签发人",
        "抄送机关",
        "抄送",
        "印发机关",
    ];
    as_label(cell).or_else(|| {
        let stripped = strip_spaces(cell);
        let l = stripped.trim_end_matches(['：', ':']);
        (LETTER_LABELS.contains(&l)
            || crate::structure::is_attachment_label(l)
            || (l.chars().count() >= 2
                && l.chars().all(crate::normalize::is_han)
                && crate::structure::is_attendance_role(l)))
        .then(|| l.to_string())
    })
}

/// Document metadata laid out as a sheet of label/value rows (`标题 | 某某通知`, `发文字号 |
/// 某府发〔2022〕8号`; also two pairs a row, or `标题：某某通知` in one cell): a workbook's info
/// sheet, such as the `文档信息` sheet gongwen writes. Rows of anything else (a header such as
/// `要素 | 内容`) are passed over; the sheet is metadata when it is short and its pairs give at
/// least three of the notice's elements — or label three or more of them and give one, as the
/// `文档信息` sheet of a plan or page with only a title does (`标题 | 某某规划`, then `发文机关`,
/// `发文字号`… left empty). A list of documents (`标题 | 发文字号 | 成文日期` over rows of values)
/// gives no element: its values are no pairs.
pub(crate) fn sheet_meta(rows: &[&[String]]) -> Option<PageMeta> {
    let pairs = sheet_pairs(rows)?;
    let given = count_known(&pairs).1;
    let labelled = pairs
        .iter()
        .filter(|(l, _)| field(l).is_some_and(|f| f != Field::Other))
        .count();
    (given >= 3 || (given >= 1 && labelled >= 3)).then(|| page_meta(pairs))
}

/// How many of `pairs` have a known label and a value: all of them, and those that name one of
/// the notice's elements (not [`Field::Other`]).
fn count_known(pairs: &[(String, String)]) -> (usize, usize) {
    let known = |other: bool| {
        pairs
            .iter()
            .filter(|(l, v)| !v.is_empty() && field(l).is_some_and(|f| other || f != Field::Other))
            .count()
    };
    (known(true), known(false))
}

/// The label/value pairs of the rows of an info sheet ([`sheet_meta`]); `None` for a sheet too
/// long or too wide to be one.
fn sheet_pairs(rows: &[&[String]]) -> Option<Vec<(String, String)>> {
    if rows.len() > 40 {
        return None;
    }
    let mut pairs = Vec::new();
    for row in rows {
        let cells: Vec<&String> = row.iter().filter(|c| !c.is_empty()).collect();
        if cells.len() > 8 {
            return None;
        }
        let mut i = 0;
        while let Some(cell) = cells.get(i) {
            i += 1;
            if let Some(label) = as_sheet_label(cell) {
                let value = cells.get(i).filter(|v| as_sheet_label(v).is_none());
                if value.is_some() {
                    i += 1;
                }
                pairs.push((label, value.map(|v| v.to_string()).unwrap_or_default()));
            } else if let Some(pair) = as_pair(cell) {
                pairs.push(pair);
            }
        }
    }
    Some(pairs)
}

/// The metadata block a web page copied as text opens with: lines of known labels and their
/// values (`索引号：…`, `发布机构：… | 主题分类：…`, a table's rows pasted with tabs or bars,
/// `标　题：某某通知`), before the notice itself — or after it, when the page printed it below
/// the article. Read as [`sheet_meta`] reads an info sheet —
/// it is metadata when it names three of the notice's elements, or two among four known
/// labels — and its lines are
/// blanked, so that the reader finds the notice under it and every other line keeps its number.
/// `None`, with nothing blanked, when the text does not open or close so.
pub(crate) fn text_meta(lines: &mut [&str]) -> Option<PageMeta> {
    let (mut rows, mut taken) = meta_block(lines.iter().copied().enumerate());
    if taken.is_empty() {
        // Or closes with it: the block pasted under the notice (a page that prints it below
        // the article), read the same way from the last line up.
        (rows, taken) = meta_block(lines.iter().copied().enumerate().rev());
        rows.reverse();
    }
    if taken.is_empty() {
        return None;
    }
    let row_refs: Vec<&[String]> = rows.iter().map(Vec::as_slice).collect();
    let pairs = sheet_pairs(&row_refs)?;
    // Three of the notice's elements, or two among four labels a page's metadata has (`文号`
    // and `发文日期` beside `关键词`, `公开形式`…): no notice opens with such lines.
    let (known, elements) = count_known(&pairs);
    if elements < 3 && (elements < 2 || known < 4) {
        return None;
    }
    let meta = page_meta(pairs);
    for i in taken {
        if let Some(line) = lines.get_mut(i) {
            *line = "";
        }
    }
    Some(meta)
}

/// The rows of a metadata block ([`meta_row`]) and their lines' indices, read from the first line
/// with text in `lines` (in the order given) to the last line in a row that is one — at most
/// 24 (gov.cn's block has six rows; some sites' a dozen).
fn meta_block<'a>(lines: impl Iterator<Item = (usize, &'a str)>) -> (Vec<Vec<String>>, Vec<usize>) {
    const MOST: usize = 24;
    let mut rows = Vec::new();
    let mut taken = Vec::new();
    for (i, line) in lines {
        if line.trim_ws().is_empty() {
            continue;
        }
        if taken.len() == MOST {
            break;
        }
        let Some(row) = meta_row(line) else {
            break;
        };
        rows.push(row);
        taken.push(i);
    }
    (rows, taken)
}

/// A line of a metadata block as label and value cells, when it starts with a known label:
/// cells set apart by tabs or bars (`索引号： | 1134… | 信息分类： | 规范性文件 |`), or pairs one
/// after another (`索引号：1134…  发布机构：某局`).
fn meta_row(line: &str) -> Option<Vec<String>> {
    let cells: Vec<&str> = line
        .split(['\t', '|', '｜'])
        .map(str::trim_ws)
        .filter(|c| !c.is_empty())
        .collect();
    let first = cells.first()?;
    let known = |cell: &str| {
        let label = cell.split_once(['：', ':']).map_or(cell, |(l, _)| l);
        field(&clean_label(label)).is_some()
    };
    if !known(first) {
        return None;
    }
    let mut row = Vec::with_capacity(cells.len());
    for cell in cells {
        let pairs = pairs_in(cell);
        if pairs.is_empty() {
            row.push(cell.to_string());
        } else {
            for (label, value) in pairs {
                row.push(format!("{label}："));
                if !value.is_empty() {
                    row.push(value);
                }
            }
        }
    }
    Some(row)
}

/// A date a `<meta>` gives (`2023-03-05 10:00`, `2023-03-05T10:00:00+08:00`, gov.cn's
/// `2023-03-05-10:00:00`, `2023/3/5`) as `YYYY-MM-DD`, when it is a real one.
pub(super) fn meta_date(value: &str) -> Option<String> {
    let day = value.trim_ws().split([' ', 'T']).next().unwrap_or("");
    let day = match day.as_bytes().get(10) {
        Some(b'-') => day.get(..10).unwrap_or(day),
        _ => day,
    };
    let iso = date(day);
    let real = iso.len() == 10
        && matches!(
            (iso.get(..4).map(str::parse), iso.get(5..7).map(str::parse), iso.get(8..).map(str::parse)),
            (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) if iso.as_bytes()[4] == b'-' && is_real_date(y, m, d)
        );
    real.then_some(iso)
}

/// `2018年12月23日`, `二〇〇四年六月二十六日`, `2019-01-08`, `2019/1/8` → `YYYY-MM-DD`; anything
/// else as printed.
fn date(value: &str) -> String {
    if let Some((_, (y, m, d))) = find_date(value)
        && is_real_date(y, m, d)
    {
        return iso_date(y, m, d);
    }
    let parts: Vec<&str> = value
        .split(['-', '/', '.', '．'])
        .map(str::trim_ws)
        .collect();
    if let [y, m, d] = parts[..]
        && let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>())
        && is_real_date(y, m, d)
    {
        return iso_date(y, m, d);
    }
    value.to_string()
}

fn page_meta(pairs: Vec<(String, String)>) -> PageMeta {
    let mut meta = PageMeta {
        fields: IndexMap::with_capacity(pairs.len()),
        ..PageMeta::default()
    };
    // `印发日期` stands for 成文日期 where a table prints no 成文日期; where it prints both (a
    // workbook's info sheet lists the 版记's 印发日期 under the letter's 成文日期, left empty
    // when the letter is undated), it is the day the letter was printed, another date.
    let dated = pairs.iter().any(|(l, _)| l == "成文日期");
    for (label, value) in pairs {
        if !(dated && label == "印发日期") {
            fill_slot(&mut meta, &label, &value);
        }
        meta.fields.entry(label).or_insert(value);
    }
    fill_from_weaker_labels(&mut meta);
    meta
}

/// Fills the issuer and the topic from the labels that name them where the page prints none of
/// the usual ones: `发布机构：吉林省人民政府` (many provincial 政府信息公开 tables name the issuing
/// organ so, where others print 发文机关), its synonyms `所属机构` and `发布单位` (city and county
/// templates), and `分类：综合政务；通知` (Guangdong's and Jilin's templates, where others print
/// 主题分类). A general office (`…办公厅`, `…办公室`) that publishes is not taken for the issuer:
/// it posts its government's notices as well as its own.
fn fill_from_weaker_labels(meta: &mut PageMeta) {
    let value = |meta: &PageMeta, label: &str| {
        meta.fields
            .get(label)
            .map(|v| v.trim_ws())
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    if meta.issuer.is_none() {
        meta.issuer = PUBLISHER_LABELS
            .iter()
            .find_map(|l| value(meta, l))
            .filter(|v| !v.ends_with("办公厅") && !v.ends_with("办公室"));
    }
    if meta.topic.is_none() {
        meta.topic = value(meta, "分类");
    }
}

/// The labels of the organ that publishes the page ([`Field::Publisher`]), the first printed
/// that names one read, in this order.
const PUBLISHER_LABELS: [&str; 3] = ["发布机构", "所属机构", "发布单位"];

/// Puts `value` into the [`PageMeta`] field `label` names, unless the field is filled or the
/// value is empty.
fn fill_slot(meta: &mut PageMeta, label: &str, value: &str) {
    if value.is_empty() {
        return;
    }
    let f = field(label);
    let slot = match f {
        Some(Field::IndexNo) => &mut meta.index_no,
        Some(Field::Topic) => &mut meta.topic,
        Some(Field::Issuer) => &mut meta.issuer,
        Some(Field::Date) => &mut meta.date,
        Some(Field::Title) => &mut meta.title,
        Some(Field::DocNumber) => &mut meta.doc_number,
        Some(Field::Published) => &mut meta.published,
        Some(Field::Publisher | Field::Other) | None => return,
    };
    if slot.is_none() {
        *slot = Some(match f {
            Some(Field::Date | Field::Published) => date(value),
            _ => value.to_string(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::html::dom::tag;

    /// The notice under a page's metadata block, as the reader of text gives it.
    fn under_metadata(block: &str) -> crate::Document {
        crate::parse_text(&format!(
            "{block}\n\n各乡镇人民政府、街道办事处，区政府各部门：\n\n现将《重点工作任务分解表》印发给你们，请认真抓好落实。\n\n某区人民政府办公室\n2020年4月8日\n"
        ))
    }

    #[test]
    fn a_page_copied_as_text_gives_its_metadata_block_as_page_metadata() {
        for block in [
            // A table's rows pasted with bars, two pairs a row, a label without a value.
            "索引号: | 11341602/2020-00328 | 信息分类: | 规范性文件 |\n发布机构: | 某区政府（办公室） | 主题分类: | 综合政务 |\n成文日期: | 发布日期: | 2020-04-09 | |\n发文字号: | 某政办〔2020〕12号 | 有 效 性: | 有效 |\n标 题: | 某区人民政府办公室关于印发重点工作任务分解表的通知 | ||",
            // The same with tabs.
            "索引号：\t11341602/2020-00328\t信息分类：\t规范性文件\n发布机构：\t某区政府（办公室）\n发文字号：\t某政办〔2020〕12号\n标题：\t某区人民政府办公室关于印发重点工作任务分解表的通知",
            // One pair a line, and two on one line set apart by spaces.
            "索引号：11341602/2020-00328  发布机构：某区政府（办公室）\n\n发文字号：某政办〔2020〕12号\n标　　题：某区人民政府办公室关于印发重点工作任务分解表的通知",
        ] {
            let doc = under_metadata(block);
            let page = doc.source.page.as_ref().expect(block);
            assert_eq!(
                page.index_no.as_deref(),
                Some("11341602/2020-00328"),
                "{block}"
            );
            assert_eq!(
                doc.notice.title.as_deref(),
                Some("某区人民政府办公室关于印发重点工作任务分解表的通知"),
                "{block}"
            );
            assert_eq!(
                doc.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
                Some("某政办〔2020〕12号"),
                "{block}"
            );
            assert_eq!(
                doc.notice.addressees,
                ["各乡镇人民政府、街道办事处", "区政府各部门"],
                "{block}"
            );
            // The block is read as nothing else: its lines are in no paragraph of the body.
            assert!(
                doc.notice.body.iter().all(|p| !p.contains("索引号")),
                "{block}"
            );
        }
    }

    #[test]
    fn a_metadata_block_of_two_elements_among_four_labels_is_one() {
        let doc = under_metadata(
            "文 号 | 某府发〔2016〕20号 | 发文日期 | 2016-11-04 | ||\n关键词 | 某市 人民政府 实施意见 | 公开形式 | 主动公开 | 信息来源 | 某市公众信息网 |\n相关附件 |",
        );
        assert_eq!(
            doc.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
            Some("某府发〔2016〕20号")
        );
        assert!(doc.notice.body.iter().all(|p| !p.contains("相关附件")));
        // Two elements alone are not enough.
        let doc = under_metadata("文号：某府发〔2016〕20号\n发文日期：2016-11-04");
        assert!(doc.source.page.is_none());
    }

    #[test]
    fn a_notice_that_opens_with_its_title_has_no_metadata_block() {
        let doc = crate::parse_text(
            "某区人民政府办公室关于印发分解表的通知\n\n发文字号：某政办〔2020〕12号\n\n各部门：\n\n现将表印发给你们。\n",
        );
        assert!(doc.source.page.is_none());
        // Fewer than three of the notice's elements is no metadata block either.
        let doc = under_metadata("索引号：11341602/2020-00328\n主题分类：综合政务");
        assert!(doc.source.page.is_none());
        // `发文字号：无` fills no number.
        let doc = under_metadata(
            "索引号：1134/2020-1\n发文字号：无\n标题：某区人民政府办公室关于印发分解表的通知",
        );
        assert!(doc.notice.doc_number.is_none());
        assert!(!doc.diagnostics.iter().any(|d| d.message.contains("`无`")));
    }

    #[test]
    fn first_colon_finds_what_a_search_finds() {
        // `：` among characters whose last byte is also 9A (`emoji`-free: 亚 E4 BA 9A, ｚ EF BD 9A).
        for t in [
            "",
            "发文字号：国发〔2019〕4号",
            "a:b：c",
            "亚洲ｚ：",
            "亚ｚ",
            "：",
            "::",
            "标题",
        ] {
            assert_eq!(first_colon(t), t.find(['：', ':']), "{t:?}");
        }
    }

    #[test]
    fn a_paragraph_with_a_long_clause_before_its_colon_is_no_pair() {
        let page = scraper::Html::parse_document(
            "<p>发文字号：国发〔2019〕4号</p><p>各省、自治区、直辖市人民政府：</p><p>标　题：<b>关于</b>某事</p>",
        );
        let ps: Vec<bool> = page
            .tree
            .root()
            .descendants()
            .filter(|n| tag(n) == Some("p"))
            .map(small_leaf_with_colon)
            .collect();
        assert_eq!(ps, [true, false, true]);
    }

    #[test]
    fn the_signing_date_is_the_date_of_the_document() {
        let meta = page_meta(vec![
            ("文号".to_string(), "某府发〔2021〕19号".to_string()),
            ("签发日期".to_string(), "2021年08月04日".to_string()),
        ]);
        assert_eq!(meta.date.as_deref(), Some("2021-08-04"));
    }

    #[test]
    fn the_publishing_office_marks_a_metadata_block_and_is_the_issuer_unless_a_general_office() {
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(l, x)| (l.to_string(), x.to_string()))
                .collect()
        };
        let meta = page_meta(pairs(&[
            ("索引号", "0001/2021-00219"),
            ("发布机构", "某某市人民政府办公厅"),
            ("发文字号", "某府发〔2021〕19号"),
        ]));
        assert_eq!(meta.issuer, None);
        assert_eq!(
            meta.fields.get("发布机构").map(String::as_str),
            Some("某某市人民政府办公厅")
        );
        // An organ that publishes, where the page names no 发文机关, is the issuer; 分类 is the
        // topic where the page prints no 主题分类.
        let meta = page_meta(pairs(&[
            ("发布机构", "某某省人民政府"),
            ("分类", "综合政务；通知"),
        ]));
        assert_eq!(meta.issuer.as_deref(), Some("某某省人民政府"));
        assert_eq!(meta.topic.as_deref(), Some("综合政务；通知"));
        let meta = page_meta(pairs(&[
            ("发布机构", "某某省人民政府"),
            ("发文机关", "某某省财政厅"),
            ("分类", "通知"),
            ("主题分类", "财政"),
        ]));
        assert_eq!(meta.issuer.as_deref(), Some("某某省财政厅"));
        assert_eq!(meta.topic.as_deref(), Some("财政"));
        assert_eq!(field("发布机构"), Some(Field::Publisher));
        let meta = page_meta(pairs(&[("发文机关", "某某市人民政府")]));
        assert_eq!(meta.issuer.as_deref(), Some("某某市人民政府"));
    }

    #[test]
    fn several_pairs_in_one_text_are_each_read() {
        let pairs = |t: &str| -> Vec<(String, String)> { pairs_in(t) };
        let own = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(l, x)| (l.to_string(), x.to_string()))
                .collect()
        };
        assert_eq!(
            pairs(
                "索引号：1144/2024-00088　　发布机构：某某市人民政府 | 发文字号 ：某府〔2024〕55号"
            ),
            own(&[
                ("索引号", "1144/2024-00088"),
                ("发布机构", "某某市人民政府"),
                ("发文字号", "某府〔2024〕55号")
            ])
        );
        // A label inside a longer one is not a label of its own.
        assert_eq!(
            pairs("信息名称：关于某事的通知\n主题分类：综合"),
            own(&[("信息名称", "关于某事的通知"), ("主题分类", "综合")])
        );
        // One pair, or text that does not start with one: nothing.
        assert!(pairs("发文字号：某府〔2024〕55号").is_empty());
        assert!(pairs("请于发布日期：前报送。文号：").is_empty());
        // A byline's date with its source, size and view-count widgets on the line.
        assert_eq!(
            pairs("发布时间：2024-01-10　来源：原材料工业司　字号：大 中 小　浏览次数：12"),
            own(&[("发布时间", "2024-01-10"), ("来源", "原材料工业司")])
        );
        // A byline label alone is no pair of a metadata block.
        assert!(pairs("来源：某司　作者：某某").is_empty());
    }

    #[test]
    fn dates_become_iso() {
        assert_eq!(date("2018年12月23日"), "2018-12-23");
        assert_eq!(date("2019年01月08日"), "2019-01-08");
        assert_eq!(date("二〇〇四年六月二十六日"), "2004-06-26");
        assert_eq!(date("2021-08-04"), "2021-08-04");
        assert_eq!(date("2021/8/4"), "2021-08-04");
        assert_eq!(date("2021-02-30"), "2021-02-30");
        assert_eq!(date("近日"), "近日");
    }

    #[test]
    fn labels_lose_spaces_and_colons() {
        assert_eq!(as_label("索 引 号："), Some("索引号".into()));
        assert_eq!(as_label("标\u{3000}\u{3000}题："), Some("标题".into()));
        assert_eq!(as_label("主题词："), Some("主题词".into()));
        assert_eq!(as_label("国务院办公厅"), None);
        assert_eq!(
            as_pair("发文字号：渝府发〔2021〕19号"),
            Some(("发文字号".into(), "渝府发〔2021〕19号".into()))
        );
        assert_eq!(as_pair("各区县人民政府：现将"), None);
    }

    /// The definition `small_leaf_with_colon` replaces, walk by walk.
    fn by_three_walks(n: Dom<'_>) -> bool {
        let block_child = n.children().any(|c| {
            dom::local(&c).is_some_and(|t| dom::is_block_tag(t) && *t != local_name!("br"))
        });
        let large = n.descendants().nth(64).is_some();
        let colon = n.descendants().any(|d| match d.value() {
            scraper::Node::Text(t) => t.contains(['：', ':']),
            _ => false,
        });
        !block_child && !large && colon
    }

    /// The definition `table_pairs` replaces: every row and cell collected and read first, then
    /// paired.
    fn pairs_after_reading_all(t: Dom<'_>) -> Option<Vec<(String, String)>> {
        if table::has_more_rows_than(t, 12) {
            return None;
        }
        let rows = table::rows_of(t);
        if rows.is_empty() || rows.iter().any(|r| r.cells.len() > 8) {
            return None;
        }
        let mut cells: Vec<String> = Vec::new();
        for r in &rows {
            for c in &r.cells {
                if !is_small_cell(*c) {
                    return None;
                }
                cells.push(dom::joined_text(*c));
            }
        }
        let mut pairs = Vec::new();
        let mut i = 0;
        while i < cells.len() {
            let cell = &cells[i];
            if let Some(label) = as_label(cell) {
                let value = match cells.get(i + 1) {
                    Some(next) if as_label(next).is_none() => {
                        i += 1;
                        next.clone()
                    }
                    _ => String::new(),
                };
                pairs.push((label, value));
            } else if let Some(pair) = as_pair(cell) {
                pairs.push(pair);
            } else if !cell.is_empty() {
                return None;
            }
            i += 1;
        }
        (!pairs.is_empty()).then_some(pairs)
    }

    #[test]
    fn cells_paired_as_they_come_pair_as_after_reading_all() {
        let long = "长".repeat(800);
        let wide = "<td>标题：</td>".repeat(9);
        let many = "<tr><td>索引号：</td><td>1</td></tr>".repeat(13);
        let tables = [
            "<table><tr><td>索 引 号：</td><td>000014349/2018-00228</td><td>主题分类：</td><td>财政</td></tr><tr><td>发文机关：</td><td>国务院</td><td>成文日期：</td><td>2018年12月13日</td></tr></table>".to_string(),
            // A label at the end of a row takes the first cell of the next.
            "<table><tr><td>标题：</td></tr><tr><td>关于印发……的通知</td></tr></table>".to_string(),
            // Two labels in a row, a label last, empty cells, pairs in one cell.
            "<table><tr><td>标题：</td><td>发文字号：</td><td>国发〔2019〕4号</td><td></td><td>发布日期：2019-01-08</td><td>主题词：</td></tr></table>".to_string(),
            // A label whose value looks like a pair.
            "<table><tr><td>标题：</td><td>发文字号：国发〔2019〕4号</td></tr></table>".to_string(),
            // Tables that are not metadata: text first, text after a pair, nothing at all.
            "<table><tr><td>序号</td><td>任务</td></tr></table>".to_string(),
            "<table><tr><td>成文日期：2018年</td><td>任务</td></tr></table>".to_string(),
            "<table><tr><td></td></tr></table>".to_string(),
            "<table></table>".to_string(),
            // Too wide, too many rows, a large cell, a nested table: each after a good start.
            format!("<table><tr><td>标题：</td><td>x</td></tr><tr>{wide}</tr></table>"),
            format!("<table>{many}</table>"),
            format!("<table><tr><td>标题：</td><td>{long}</td></tr></table>"),
            "<table><tr><td>标题：</td><td><table><tr><td>x</td></tr></table></td></tr></table>".to_string(),
            "<table><thead><tr><th>文号：</th></tr></thead><tbody><tr><td>渝府发〔2021〕19号</td></tr></tbody></table>".to_string(),
        ];
        for page in tables {
            let html = scraper::Html::parse_fragment(&page);
            let mut scratch = TextLines::default();
            for n in html.tree.root().descendants() {
                if tag(&n) == Some("table") {
                    assert_eq!(
                        table_pairs(n, &mut scratch).map(|t| t.pairs),
                        pairs_after_reading_all(n),
                        "{page}"
                    );
                }
            }
        }
    }

    #[test]
    fn one_walk_decides_as_three_did() {
        let mut pages = vec![
            "<p>发文机关：国务院</p>".to_string(),
            "<p>发文机关<span>：</span>国务院</p>".to_string(),
            "<p>没有冒号</p>".to_string(),
            "<div><p>索引号：1</p></div>".to_string(),
            "<li>成文日期:<br>2021年</li>".to_string(),
        ];
        // Around the size limit (62 to 69 nodes), with and without the colon.
        for spans in [30, 31, 32, 33] {
            pages.push(format!("<p>标题：{}</p>", "<b>x</b>".repeat(spans)));
            pages.push(format!("<p>标题{}</p>", "<b>x</b>".repeat(spans)));
            pages.push(format!("<p>标题：{}尾</p>", "<b>x</b>".repeat(spans)));
        }
        for page in pages {
            let html = scraper::Html::parse_fragment(&page);
            for n in html.tree.root().descendants() {
                if tag(&n).is_some() {
                    assert_eq!(small_leaf_with_colon(n), by_three_walks(n), "{page}");
                }
            }
        }
    }
}
