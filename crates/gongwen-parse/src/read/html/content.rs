//! Finding the notice on a full page.
//!
//! Government sites publish through a handful of CMSs, and each puts the article in a container
//! it names: `#UCAP-CONTENT` (gov.cn), `.TRS_Editor` and `.TRS_UEDITOR` (TRS WCM), `#zoom`,
//! `.pages_content`, `.view`, `<article>`… The first of these (in that order of preference)
//! that holds a fair share of the page's Chinese text is the content. Otherwise the content is
//! found by descending from `<body>` into the child that holds most of the Chinese text outside
//! links, as long as that child holds nearly all of it: navigation (links), breadcrumbs,
//! footers and share widgets fall away, and the walk stops at the smallest element that still
//! holds the densest run of text (and still contains blocks: the walk never descends into a
//! single paragraph).

use super::dom::{self, Dom, tag};
use crate::normalize::TrimFast as _;
use crate::normalize::count_ideographs;
use ego_tree::NodeId;
use ego_tree::iter::Edge;
use html5ever::local_name;
use rustc_hash::FxHashSet;
use scraper::Node;

/// Known content containers, most specific first.
enum Matcher {
    Id(&'static str),
    Class(&'static str),
    Tag(&'static str),
}

const CONTAINERS: &[Matcher] = &[
    Matcher::Id("UCAP-CONTENT"),
    // A WeChat post's text: the app's tools, its follow box and the list of other posts a saved
    // page carries after it are not the post's.
    Matcher::Id("js_content"),
    Matcher::Class("TRS_Editor"),
    Matcher::Class("TRS_UEDITOR"),
    Matcher::Id("zoom"),
    Matcher::Id("fontzoom"),
    Matcher::Class("pages_content"),
    Matcher::Class("article-content"),
    Matcher::Class("article_content"),
    Matcher::Class("view"),
    Matcher::Tag("article"),
];

/// A candidate must hold at least this share of the page's Chinese text outside links.
const MIN_SHARE: f64 = 0.3;
const MIN_ID_SHARE: f64 = 0.1;

/// The share of the page's text the `k`th of [`CONTAINERS`] must hold to be the content. A
/// container named by id (`#zoom`, `#UCAP-CONTENT`) is the page's one article: on a short notice
/// it may hold less than the page's metadata block, navigation and byline together, so less is
/// asked of it than of a class or a tag, which other parts of a page may carry too.
fn min_share(k: usize) -> f64 {
    match CONTAINERS.get(k) {
        Some(Matcher::Id(_)) => MIN_ID_SHARE,
        _ => MIN_SHARE,
    }
}
/// The fallback descends into a child holding at least this share of its parent's text.
const DESCEND_SHARE: f64 = 0.8;

/// Chinese characters ([`count_ideographs`]) in an element's subtree: all of them, and those
/// outside links.
#[derive(Clone, Copy, Default)]
struct Count {
    all: usize,
    plain: usize,
}

/// What one walk over the page finds: the elements that match a known container, with their
/// counts, and the root's count with where the fallback's descent from it ends.
struct Survey {
    /// (index into [`CONTAINERS`], element, its count), in document order.
    candidates: Vec<(usize, NodeId, Count)>,
    /// The surveyed root's count, and the element the descent from it ends at (`None` when the
    /// root is not an element).
    root: (Count, Option<NodeId>),
    marks: Marks,
    /// Chinese characters inside hidden elements, which the counts leave out.
    hidden_han: usize,
}

/// The elements of the surveyed page that are skipped for their attributes, so that the readers
/// that come after need not read every element's attributes again: hidden ones
/// ([`dom::is_hidden`]) and site chrome ([`dom::is_chrome_named`]). Elements inside a skipped
/// subtree are not surveyed, and never asked about.
#[derive(Default)]
pub(super) struct Marks {
    hidden: FxHashSet<NodeId>,
    chrome: FxHashSet<NodeId>,
    /// Hidden elements read as shown: the later pages of an article a pager shows one at a time
    /// ([`pager_page`]).
    pages: FxHashSet<NodeId>,
}

impl Marks {
    /// [`dom::is_skipped`] for a surveyed element: an ignored tag, or hidden.
    #[inline]
    pub(super) fn is_skipped(&self, n: &Dom<'_>, e: &scraper::node::Element) -> bool {
        // Only an attribute hides an element or names it chrome (`style`, `hidden`, `id`,
        // `class`, a link's `href`): an element without any (most of a notice's paragraphs and
        // cells) is in neither set, and is not looked up.
        dom::is_ignored_tag(&e.name.local) || (!e.attrs.is_empty() && self.hidden.contains(&n.id()))
    }

    /// Whether the walk skips a surveyed element: [`Marks::is_skipped`], or site chrome.
    #[inline]
    pub(super) fn is_skipped_or_chrome(&self, n: &Dom<'_>, e: &scraper::node::Element) -> bool {
        self.is_skipped(n, e) || (!e.attrs.is_empty() && self.chrome.contains(&n.id()))
    }
}

/// One element open in the survey.
struct Open {
    id: NodeId,
    count: Count,
    link: bool,
    /// [`is_container_tag`]: the fallback may descend into it.
    container: bool,
    /// Its children include an article's pages ([`pager_page`]): the fallback's descent ends
    /// here, at the element that holds them all, rather than in the page shown first.
    pager: bool,
    /// Its own entries in the survey's candidates.
    candidates: std::ops::Range<usize>,
    /// A table's own element short of its cells (`<table>`, its body, head, foot or a row).
    table: bool,
    /// Whether it is a `<table>`.
    table_tag: bool,
    /// Whether it is a table cell (`<td>`, `<th>`).
    cell: bool,
    /// For a row: how many of its cells hold Chinese text.
    cells: u32,
    /// For a row: how many of its cells hold Chinese text outside links.
    plain_cells: u32,
    /// For a table: how many of its own rows are rows of data ([`DATA_ROW_CELLS`]).
    data_rows: u32,
    /// For a table: whether one of its own rows has two cells or more with Chinese text (a
    /// table of data has columns; a table that lays out a title, a byline and an article has
    /// one).
    columns: bool,
    /// Of its children with Chinese text, the one with the most outside links (the last of
    /// equals): see [`Best`].
    best: Option<Best>,
}

/// An open element's child with the most Chinese text outside links.
#[derive(Clone, Copy)]
struct Best {
    /// That count.
    plain: usize,
    /// Whether the child is a container ([`is_container_tag`]).
    container: bool,
    /// Where the fallback's descent from the child ends.
    down: NodeId,
    /// Whether the child is a data table: a `<table>` the descent from which ends at it or,
    /// through its own body or rows only, at them — not in a cell, as in a table that lays the
    /// page out — or an element around one that holds nothing else and is no part of a table.
    table: bool,
    /// Whether the descent from the child ends at the child or, through table structure only,
    /// at its own table's body or rows.
    own: bool,
    /// Whether the child is a row of data of the table being read ([`DATA_ROW_CELLS`]), or a
    /// body, head or foot of it, and the descent from it goes into one of that row's cells.
    data_cell: bool,
}

/// A row of a table is a row of data when this many of its cells or more hold Chinese text
/// outside links (a task beside its units, a header of column names); a table with
/// [`DATA_ROWS`] of them or more is a table of data, whose cells the descent never goes into:
/// a cell that holds most of the table's text (a task listing a dozen measures) is one cell of
/// it, not the article. A table that lays a page out has one cell of text a row (the article),
/// or a column of links beside it.
const DATA_ROW_CELLS: u32 = 2;
const DATA_ROWS: u32 = 2;

/// Counts Chinese characters under every element, skipping ignored, hidden and chrome elements,
/// and notes which elements match which [`CONTAINERS`] entries, with their counts. Where the
/// fallback's descent from `root` ends is worked out on the way, bottom up: from an element it
/// goes on into its child with the most text outside links when that child is a container
/// holding at least [`DESCEND_SHARE`] of it, and ends where it would not. Every element under
/// `root`, skipped or not, is also shown to `visit`, in document order.
///
/// With `REVEAL`, nothing is hidden: the survey of a page whose text a script shows
/// ([`find_root`]).
fn survey<'a, const REVEAL: bool>(root: Dom<'a>, visit: &mut impl FnMut(Dom<'a>)) -> Survey {
    let mut candidates: Vec<(usize, NodeId, Count)> = Vec::new();
    let mut marks = Marks::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut skip: Option<NodeId> = None;
    // Whether the subtree skipped is skipped for being hidden (not for a script or chrome), and
    // the script or style inside it being passed over, whose text is none of the page's.
    let mut skip_hidden = false;
    let mut ignored_inside: Option<NodeId> = None;
    let mut hidden_han = 0usize;
    let mut links = 0usize;
    let mut top = (Count::default(), None);
    for edge in root.traverse() {
        match edge {
            Edge::Open(n) => {
                if skip.is_some() {
                    match n.value() {
                        Node::Element(e) => {
                            visit(n);
                            if ignored_inside.is_none() && dom::is_ignored_tag(&e.name.local) {
                                ignored_inside = Some(n.id());
                            }
                        }
                        Node::Text(t) if skip_hidden && ignored_inside.is_none() => {
                            hidden_han += count_ideographs(t);
                        }
                        _ => {}
                    }
                    continue;
                }
                match n.value() {
                    Node::Element(e) => {
                        visit(n);
                        let (id, class, mut hidden) = dom::id_class_hidden(e);
                        hidden &= !REVEAL;
                        let chrome = dom::is_chrome_named(id, class)
                            || (e.name.local == local_name!("a")
                                && dom::attr(e, &local_name!("href"))
                                    .is_some_and(dom::is_page_tool_href));
                        if hidden && !chrome && n.id() != root.id() && pager_page(n, e, &marks) {
                            hidden = false;
                            marks.pages.insert(n.id());
                            if let Some(parent) = stack.last_mut() {
                                parent.pager = true;
                            }
                        }
                        if hidden {
                            marks.hidden.insert(n.id());
                        }
                        if chrome {
                            marks.chrome.insert(n.id());
                        }
                        if n.id() != root.id()
                            && (hidden || chrome || dom::is_ignored_tag(&e.name.local))
                        {
                            skip = Some(n.id());
                            skip_hidden = hidden && !chrome && !dom::is_ignored_tag(&e.name.local);
                            continue;
                        }
                        let link = e.name.local == local_name!("a");
                        if link {
                            links += 1;
                        }
                        let from = candidates.len();
                        // Without an id or class only a tag matcher can match (the one tag
                        // among the containers, compared as an atom).
                        if id.is_some() || class.is_some() || e.name.local == local_name!("article")
                        {
                            let bits = matched(id, class, e.name());
                            for k in (0..CONTAINERS.len()).filter(|k| bits >> k & 1 == 1) {
                                candidates.push((k, n.id(), Count::default()));
                            }
                        }
                        // What the descent asks of the element's tag, in one match: a container,
                        // a table's own element short of its cells (where a descent that found
                        // a table no one cell of dominates ends), a `<table>`, a cell.
                        let (container, table, table_tag, cell) = match e.name.local {
                            local_name!("table") => (true, true, true, false),
                            local_name!("tbody")
                            | local_name!("thead")
                            | local_name!("tfoot")
                            | local_name!("tr") => (true, true, false, false),
                            local_name!("td") | local_name!("th") => (true, false, false, true),
                            ref name => (is_container_tag(name), false, false, false),
                        };
                        debug_assert_eq!(container, is_container_tag(&e.name.local));
                        stack.push(Open {
                            id: n.id(),
                            count: Count::default(),
                            link,
                            container,
                            table,
                            table_tag,
                            cell,
                            cells: 0,
                            plain_cells: 0,
                            data_rows: 0,
                            columns: false,
                            pager: false,
                            candidates: from..candidates.len(),
                            best: None,
                        });
                    }
                    Node::Text(t) => {
                        let han = count_ideographs(t);
                        if let Some(top) = stack.last_mut() {
                            top.count.all += han;
                            if links == 0 {
                                top.count.plain += han;
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(n) => {
                if skip == Some(n.id()) {
                    skip = None;
                    continue;
                }
                if skip.is_some() {
                    if ignored_inside == Some(n.id()) {
                        ignored_inside = None;
                    }
                    continue;
                }
                if !n.value().is_element() {
                    continue;
                }
                let Some(open) = stack.pop() else { continue };
                if open.link {
                    links = links.saturating_sub(1);
                }
                let c = open.count;
                for entry in candidates
                    .get_mut(open.candidates.clone())
                    .unwrap_or_default()
                {
                    entry.2 = c;
                }
                // Where the descent from here ends, and whether that is this element or, through
                // table structure only, its own table's body or rows.
                let (mut down, mut own) = match open.best {
                    // A table that holds nearly all of the text, beside paragraphs that hold the
                    // rest: the notice with its task table, not a page laid out in a table.
                    Some(b) if b.container && b.table && b.plain < c.plain => (open.id, open.table),
                    Some(b)
                        if b.container
                            && !open.pager
                            && c.plain > 0
                            && b.plain as f64 >= DESCEND_SHARE * c.plain as f64 =>
                    {
                        (b.down, open.table && b.own)
                    }
                    _ => (open.id, open.table),
                };
                // A table of data: the descent from it never goes into one of its cells, however
                // much of its text the cell holds.
                let into_data_cell = open.best.is_some_and(|b| b.data_cell && down == b.down);
                if open.table_tag && into_data_cell && open.data_rows >= DATA_ROWS {
                    (down, own) = (open.id, true);
                }
                // Whether the descent from here goes into a cell of a row of data of the table
                // it belongs to: a row that went into a cell, or a body that went into such a row.
                let data_cell = open.table
                    && !open.table_tag
                    && down != open.id
                    && (open.plain_cells >= DATA_ROW_CELLS || into_data_cell);
                if open.id == root.id() {
                    top = (c, Some(down));
                }
                if open.table && !open.table_tag && open.plain_cells >= DATA_ROW_CELLS {
                    // A row of data: its table (through its body, if any) has one more.
                    if let Some(table) = stack
                        .iter_mut()
                        .rev()
                        .take_while(|o| o.table)
                        .find(|o| o.table_tag)
                    {
                        table.data_rows += 1;
                    }
                }
                if open.table && open.cells >= 2 {
                    // A row with columns: its table (through its body, if any) has them.
                    if let Some(table) = stack
                        .iter_mut()
                        .rev()
                        .take_while(|o| o.table)
                        .find(|o| o.table_tag)
                    {
                        table.columns = true;
                    }
                }
                if let Some(parent) = stack.last_mut() {
                    parent.count.all += c.all;
                    parent.count.plain += c.plain;
                    // Elements without Chinese text are never chosen, nor descended into.
                    if open.cell && c.all > 0 {
                        parent.cells += 1;
                    }
                    if open.cell && c.plain > 0 {
                        parent.plain_cells += 1;
                    }
                    if c.all > 0 && parent.best.is_none_or(|b| c.plain >= b.plain) {
                        // A wrapper around such a table that holds nothing else counts as the
                        // table; a cell does not (its table lays the page out).
                        let table = (open.table_tag && open.columns && own)
                            || (!open.table
                                && !open.cell
                                && open.best.is_some_and(|b| {
                                    b.table && b.plain == c.plain && down == b.down
                                }));
                        parent.best = Some(Best {
                            plain: c.plain,
                            container: open.container,
                            down,
                            own,
                            table,
                            data_cell,
                        });
                    }
                }
            }
        }
    }
    Survey {
        candidates,
        root: top,
        marks,
        hidden_han,
    }
}

/// Whether the hidden element `n` is a later page of an article that a pager shows one page at
/// a time (`<div class="page">…</div><div class="page" style="display:none">…</div>`): it holds
/// paragraphs or tables of its own, and the element just before it (text and comments aside)
/// is a page of the same kind, shown or itself such a page: the same tag and the same `class`,
/// or ids that differ only in their trailing number (`page1`, `page2`). Only the sibling before
/// it is asked, so a run of pages costs one look each.
fn pager_page(n: Dom<'_>, e: &scraper::node::Element, marks: &Marks) -> bool {
    if !n
        .children()
        .any(|c| matches!(tag(&c), Some("p" | "table" | "div" | "section")))
    {
        return false;
    }
    let Some(prev) = n.prev_siblings().find(|s| s.value().is_element()) else {
        return false;
    };
    let Some(pe) = prev.value().as_element() else {
        return false;
    };
    if pe.name.local != e.name.local
        || marks.chrome.contains(&prev.id())
        || (marks.hidden.contains(&prev.id()) && !marks.pages.contains(&prev.id()))
    {
        return false;
    }
    let (id, class, _) = dom::id_class_hidden(e);
    let (pid, pclass, _) = dom::id_class_hidden(pe);
    let stem = |s: &str| -> usize {
        s.trim_end_matches(|c: char| c.is_ascii_digit() || c == '_' || c == '-')
            .len()
    };
    let same_class = class.is_some_and(|c| !c.trim().is_empty() && Some(c) == pclass);
    let same_id = match (id, pid) {
        (Some(a), Some(b)) => {
            let (sa, sb) = (stem(a), stem(b));
            a != b && sa > 0 && sa < a.len() && sb < b.len() && a[..sa] == b[..sb]
        }
        _ => false,
    };
    // A hidden copy of the page shown (kept for printing or sharing) starts as it does: no
    // later page of it.
    (same_class || same_id) && first_text(n) != first_text(prev)
}

/// The first text with anything but white space under `n`, trimmed.
fn first_text<'a>(n: Dom<'a>) -> Option<&'a str> {
    n.descendants().find_map(|d| match d.value() {
        Node::Text(t) => Some(t.trim_ws()).filter(|t| !t.is_empty()),
        _ => None,
    })
}

/// The entries of [`CONTAINERS`] an element with this `id`, `class` and tag name matches: bit
/// `k` for the `k`th. The class is split into its names once, not once for each entry.
fn matched(id: Option<&str>, class: Option<&str>, name: &str) -> u32 {
    let mut bits = 0;
    for (k, m) in CONTAINERS.iter().enumerate() {
        let hit = match m {
            Matcher::Id(want) => id.is_some_and(|x| x.eq_ignore_ascii_case(want)),
            Matcher::Class(_) => false,
            Matcher::Tag(want) => name == *want,
        };
        bits |= u32::from(hit) << k;
    }
    for x in dom::classes(class) {
        for (k, m) in CONTAINERS.iter().enumerate() {
            if let Matcher::Class(want) = m
                && x.eq_ignore_ascii_case(want)
            {
                bits |= 1 << k;
            }
        }
    }
    bits
}

/// Elements that hold blocks; the fallback never descends into a paragraph or inline element,
/// which would leave the paragraphs and tables around it behind.
fn is_container_tag(name: &html5ever::LocalName) -> bool {
    matches!(
        *name,
        local_name!("div")
            | local_name!("section")
            | local_name!("article")
            | local_name!("main")
            | local_name!("td")
            | local_name!("th")
            | local_name!("table")
            | local_name!("tbody")
            | local_name!("thead")
            | local_name!("tfoot")
            | local_name!("tr")
            | local_name!("center")
            | local_name!("form")
            | local_name!("blockquote")
    )
}

/// The element that holds the notice: a known container, else the densest block of Chinese
/// text, else `<body>` (or the document root).
///
/// Also returns the [`Marks`] the survey of the page left, for the readers of the content.
/// `elements` (how many the parser made) sizes the survey's table. Every element of the page is
/// shown to `visit`, in document order, on the way (the metadata search reads them).
pub(super) fn find_root<'a>(doc: Dom<'a>, visit: &mut impl FnMut(Dom<'a>)) -> (Dom<'a>, Marks) {
    // The elements before `<body>` (the head) are seen on the way to it; the tree builder puts
    // none after it. A page without one (a frameset) has been seen whole on the way.
    let body = doc.descendants().find(|n| {
        let is_body = tag(n) == Some("body");
        if !is_body && n.value().is_element() {
            visit(*n);
        }
        is_body
    });
    let (body, mut found) = match body {
        Some(body) => (body, survey::<false>(body, visit)),
        None => (doc, survey::<false>(doc, &mut |_| {})),
    };
    // A page that hides its article until a script shows it (a WeChat post's
    // `<div id="js_content" style="visibility: hidden">`, as fetched): most of its Chinese text
    // is hidden. Read so, the notice would be lost whole; the page is surveyed again as shown.
    if found.hidden_han >= REVEAL_MIN_HAN && found.hidden_han > 2 * found.root.0.all {
        found = survey::<true>(body, &mut |_| {});
    }
    (choose(body, &found), found.marks)
}

/// The fewest hidden Chinese characters that make a page one whose text a script shows, when
/// they are also more than twice those shown.
const REVEAL_MIN_HAN: usize = 200;

/// The content element, from the survey: the largest candidate of the most specific container
/// that holds a fair share of the text, else where the fallback's descent ended.
fn choose<'a>(body: Dom<'a>, survey: &Survey) -> Dom<'a> {
    let (count, down) = survey.root;
    let total = count.plain;
    if total == 0 {
        return body;
    }
    for k in 0..CONTAINERS.len() {
        // The last of the largest, as `max_by_key` over the elements in document order.
        let best = survey
            .candidates
            .iter()
            .filter(|(m, _, _)| *m == k)
            .max_by_key(|(_, _, c)| c.all);
        if let Some(&(_, best, c)) = best
            && c.plain as f64 >= min_share(k) * total as f64
            && let Some(node) = body.tree().get(best)
        {
            return node;
        }
    }
    let mut cur = down.and_then(|d| body.tree().get(d)).unwrap_or(body);
    // Never stop inside a table's structure: read the whole table.
    while matches!(tag(&cur), Some("tbody" | "thead" | "tfoot" | "tr")) {
        match cur.parent() {
            Some(p) => cur = p,
            None => break,
        }
    }
    beside_drawn_table(cur, body)
}

/// The element that holds a table drawn with other elements ([`super::grid`]) and the
/// paragraphs beside it, when the descent has ended at the drawn table: as for a `<table>`,
/// the notice printed before its task table is read with it. Wrappers that hold only the drawn
/// table are gone through; with no text beside it up to `body`, the drawn table stays the
/// content.
fn beside_drawn_table<'a>(cur: Dom<'a>, body: Dom<'a>) -> Dom<'a> {
    let drawn = cur
        .value()
        .as_element()
        .is_some_and(|e| super::grid::may_hold_rows(&e.name.local))
        && super::grid::rows_of(cur).is_some();
    if !drawn {
        return cur;
    }
    let mut up = cur;
    while up.id() != body.id() {
        let Some(parent) = up.parent() else { break };
        let beside = parent
            .children()
            .filter(|c| c.id() != up.id())
            .any(|c| has_chinese_text(c));
        if beside {
            return parent;
        }
        up = parent;
    }
    cur
}

/// Whether any text under `n`, outside ignored elements (scripts, styles…), is Chinese.
fn has_chinese_text(n: Dom<'_>) -> bool {
    let mut skip: Option<NodeId> = None;
    for edge in n.traverse() {
        match edge {
            Edge::Open(c) if skip.is_none() => match c.value() {
                Node::Element(e) if dom::is_ignored_tag(&e.name.local) => skip = Some(c.id()),
                Node::Text(t) if count_ideographs(t) > 0 => return true,
                _ => {}
            },
            Edge::Close(c) if skip == Some(c.id()) => skip = None,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashMap;
    use scraper::Html;

    /// [`is_container_tag`] for a node (the reference's way of asking).
    fn is_container(n: &Dom<'_>) -> bool {
        n.value()
            .as_element()
            .is_some_and(|e| is_container_tag(&e.name.local))
    }

    /// The reference survey's result.
    struct CountedSurvey {
        counts: FxHashMap<NodeId, Count>,
        candidates: Vec<(usize, NodeId)>,
    }

    /// The survey as it was, with every element's count in a map: the reference [`survey`]'s
    /// bottom-up descent is tested against.
    ///
    /// Counts Chinese characters under every element, skipping ignored, hidden and chrome elements, and
    /// notes which elements match which [`CONTAINERS`] entries. Every element under `root`, skipped
    /// or not, is also shown to `visit`, in document order.
    fn survey_with_counts<'a>(
        root: Dom<'a>,
        elements: usize,
        reveal: bool,
        visit: &mut impl FnMut(Dom<'a>),
    ) -> CountedSurvey {
        // Sized once for every element the parser made (an upper bound), not grown by rehashing.
        let mut counts = FxHashMap::with_capacity_and_hasher(elements, Default::default());
        let mut candidates = Vec::new();
        let mut marks = Marks::default();
        let mut stack: Vec<(NodeId, Count, bool)> = Vec::new();
        let mut skip: Option<NodeId> = None;
        let mut links = 0usize;
        for edge in root.traverse() {
            match edge {
                Edge::Open(n) => {
                    if skip.is_some() {
                        if n.value().is_element() {
                            visit(n);
                        }
                        continue;
                    }
                    match n.value() {
                        Node::Element(e) => {
                            visit(n);
                            let (id, class, hidden) = dom::id_class_hidden(e);
                            let hidden = hidden && !reveal;
                            let chrome = dom::is_chrome_named(id, class);
                            if hidden {
                                marks.hidden.insert(n.id());
                            }
                            if chrome {
                                marks.chrome.insert(n.id());
                            }
                            if n.id() != root.id()
                                && (hidden || chrome || dom::is_ignored_tag(&e.name.local))
                            {
                                skip = Some(n.id());
                                continue;
                            }
                            let link = e.name.local == local_name!("a");
                            let name = e.name();
                            if link {
                                links += 1;
                            }
                            // Without an id or class only a tag matcher can match.
                            if id.is_some()
                                || class.is_some()
                                || CONTAINERS
                                    .iter()
                                    .any(|m| matches!(m, Matcher::Tag(t) if *t == name))
                            {
                                let bits = matched(id, class, name);
                                for k in (0..CONTAINERS.len()).filter(|k| bits >> k & 1 == 1) {
                                    candidates.push((k, n.id()));
                                }
                            }
                            stack.push((n.id(), Count::default(), link));
                        }
                        Node::Text(t) => {
                            let han = count_ideographs(t);
                            if let Some(top) = stack.last_mut() {
                                top.1.all += han;
                                if links == 0 {
                                    top.1.plain += han;
                                }
                            }
                        }
                        _ => {}
                    }
                }
                Edge::Close(n) => {
                    if skip == Some(n.id()) {
                        skip = None;
                        continue;
                    }
                    if skip.is_some() || !n.value().is_element() {
                        continue;
                    }
                    if let Some((id, c, link)) = stack.pop() {
                        if link {
                            links = links.saturating_sub(1);
                        }
                        if let Some(parent) = stack.last_mut() {
                            parent.1.all += c.all;
                            parent.1.plain += c.plain;
                        }
                        // Elements without Chinese text count as 0 without an entry: no container
                        // is chosen for them, nor descended into.
                        if c.all > 0 {
                            counts.insert(id, c);
                        }
                    }
                }
            }
        }
        CountedSurvey { counts, candidates }
    }

    /// The content element as it was chosen from the counts map (the reference).
    fn choose_by_counts<'a>(
        body: Dom<'a>,
        counts: &FxHashMap<NodeId, Count>,
        candidates: &[(usize, NodeId)],
    ) -> Dom<'a> {
        let count_of = |id: &NodeId| counts.get(id).copied().unwrap_or_default();
        let count = |n: &Dom<'_>| count_of(&n.id());
        let total = count(&body).plain;
        if total == 0 {
            return body;
        }
        for k in 0..CONTAINERS.len() {
            // The last of the largest, as `max_by_key` over the elements in document order.
            let best = candidates
                .iter()
                .filter(|(m, _)| *m == k)
                .map(|(_, id)| *id)
                .max_by_key(|id| count_of(id).all);
            if let Some(best) = best
                && count_of(&best).plain as f64 >= min_share(k) * total as f64
                && let Some(node) = body.tree().get(best)
            {
                return node;
            }
        }
        // A row of data: two cells or more with Chinese text outside links.
        let data_row = |r: &Dom<'_>| {
            r.children()
                .filter(|c| matches!(tag(c), Some("td" | "th")) && count(c).plain > 0)
                .count()
                >= 2
        };
        // The rows of data of the table a row belongs to.
        let data_rows = |r: &Dom<'_>| {
            let table = r.ancestors().find(|a| tag(a) == Some("table"));
            table.map_or(0, |t| {
                t.children()
                    .flat_map(|c| match tag(&c) {
                        Some("tr") => vec![c],
                        Some("tbody" | "thead" | "tfoot") => {
                            c.children().filter(|r| tag(r) == Some("tr")).collect()
                        }
                        _ => Vec::new(),
                    })
                    .filter(data_row)
                    .count()
            })
        };
        // Fallback: descend while one child holds nearly all of the text, never into a cell of
        // a table of data (two rows of data or more) from one of its rows of data.
        let mut path = vec![body];
        loop {
            let cur = path[path.len() - 1];
            let here = count(&cur).plain;
            let best = cur
                .children()
                .filter(|c| counts.contains_key(&c.id()))
                .max_by_key(|c| count(c).plain);
            match best {
                Some(child)
                    if here > 0
                        && is_container(&child)
                        && count(&child).plain as f64 >= DESCEND_SHARE * here as f64 =>
                {
                    if tag(&cur) == Some("tr") && data_row(&cur) && data_rows(&cur) >= 2 {
                        break;
                    }
                    path.push(child)
                }
                _ => break,
            }
        }
        // From the bottom up: where the descent from each element of the path ends, whether
        // that is the element or its own table's body or rows, and whether the element is a
        // data table (or an element around one holding nothing else, no part of a table). An
        // element whose step down is into a data table holding less than all of its text ends
        // the descent itself.
        let structure =
            |n: &Dom<'_>| matches!(tag(n), Some("table" | "tbody" | "thead" | "tfoot" | "tr"));
        // A table of data has an own row (under it or its body) with two cells or more that
        // hold Chinese text.
        let columns = |t: &Dom<'_>| {
            let rows = t.children().flat_map(|c| match tag(&c) {
                Some("tr") => vec![c],
                Some("tbody" | "thead" | "tfoot") => {
                    c.children().filter(|r| tag(r) == Some("tr")).collect()
                }
                _ => Vec::new(),
            });
            rows.into_iter().any(|r| {
                r.children()
                    .filter(|c| matches!(tag(c), Some("td" | "th")) && counts.contains_key(&c.id()))
                    .count()
                    >= 2
            })
        };
        let data_table = |n: &Dom<'_>, own: bool| tag(n) == Some("table") && own && columns(n);
        let last = path[path.len() - 1];
        let mut end = last;
        let mut own = structure(&last);
        let mut data = data_table(&last, own);
        for pair in path.windows(2).rev() {
            let (up, child) = (pair[0], pair[1]);
            let child_end = end;
            if data && count(&child).plain < count(&up).plain {
                end = up;
                own = structure(&up);
            } else {
                own = structure(&up) && own;
            }
            data = data_table(&up, own)
                || (!structure(&up)
                    && !matches!(tag(&up), Some("td" | "th"))
                    && data
                    && count(&child).plain == count(&up).plain
                    && end == child_end);
        }
        let mut cur = end;
        // Never stop inside a table's structure: read the whole table.
        while matches!(tag(&cur), Some("tbody" | "thead" | "tfoot" | "tr")) {
            match cur.parent() {
                Some(p) => cur = p,
                None => break,
            }
        }
        beside_drawn_table(cur, body)
    }

    /// The root the reference (the counts map) chooses.
    fn reference_root(doc: Dom<'_>) -> (NodeId, bool) {
        let body = doc.descendants().find(|n| tag(n) == Some("body"));
        let root = body.unwrap_or(doc);
        let mut counted = survey_with_counts(root, 0, false, &mut |_| {});
        // Mostly hidden: surveyed again as shown.
        let shown = counted.counts.get(&root.id()).map_or(0, |c| c.all);
        let hidden = reference_hidden_han(root);
        let reveal = body.is_some() && hidden >= REVEAL_MIN_HAN && hidden > 2 * shown;
        if reveal {
            counted = survey_with_counts(root, 0, true, &mut |_| {});
        }
        (
            choose_by_counts(root, &counted.counts, &counted.candidates).id(),
            reveal,
        )
    }

    /// The Chinese characters of the text under `root` that the survey leaves out for being
    /// hidden: text whose outermost skipped ancestor (below `root`) is skipped for being hidden
    /// alone, with no script or style between.
    fn reference_hidden_han(root: Dom<'_>) -> usize {
        let mut han = 0;
        for n in root.descendants() {
            let Node::Text(t) = n.value() else { continue };
            let mut chain: Vec<&scraper::node::Element> = n
                .ancestors()
                .take_while(|a| a.id() != root.id())
                .filter_map(|a| a.value().as_element())
                .collect();
            chain.reverse();
            let Some(outer) = chain.iter().position(|e| {
                let (id, class, hidden) = dom::id_class_hidden(e);
                hidden || dom::is_chrome_named(id, class) || dom::is_ignored_tag(&e.name.local)
            }) else {
                continue;
            };
            let e = chain[outer];
            let (id, class, hidden) = dom::id_class_hidden(e);
            let hidden_only =
                hidden && !dom::is_chrome_named(id, class) && !dom::is_ignored_tag(&e.name.local);
            if hidden_only
                && !chain[outer..]
                    .iter()
                    .any(|e| dom::is_ignored_tag(&e.name.local))
            {
                han += count_ideographs(t);
            }
        }
        han
    }

    /// A deterministic page of nested containers, links, tables, known containers, chrome and
    /// hidden elements, with runs of Chinese text of random lengths.
    fn random_page(seed: u64) -> String {
        let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let mut next = move |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        const TAGS: [&str; 16] = [
            "div",
            "section",
            "article",
            "p",
            "span",
            "a",
            "table",
            "tbody",
            "tr",
            "td",
            "ul",
            "li",
            "center",
            "form",
            "font",
            "blockquote",
        ];
        const IDS: [&str; 6] = ["UCAP-CONTENT", "zoom", "fontzoom", "nav", "main", "x"];
        const CLASSES: [&str; 7] = [
            "TRS_Editor",
            "view",
            "pages_content",
            "share",
            "footer",
            "article-content",
            "y",
        ];
        fn build(out: &mut String, depth: u32, next: &mut dyn FnMut(u64) -> u64) {
            for _ in 0..=next(3) {
                match next(4) {
                    0 if depth > 0 => {
                        let n = next(60) as usize;
                        out.push_str(&"政务公开文本".repeat(n / 6 + 1)[..(n / 6 + 1) * 18]);
                    }
                    _ => {
                        let tag = TAGS[next(TAGS.len() as u64) as usize];
                        out.push('<');
                        out.push_str(tag);
                        if next(4) == 0 {
                            out.push_str(&format!(" id=\"{}\"", IDS[next(6) as usize]));
                        }
                        if next(4) == 0 {
                            out.push_str(&format!(" class=\"{}\"", CLASSES[next(7) as usize]));
                        }
                        if next(12) == 0 {
                            out.push_str(" style=\"display:none\"");
                        }
                        out.push('>');
                        if depth < 6 {
                            build(out, depth + 1, next);
                        }
                        out.push_str(&format!("</{tag}>"));
                    }
                }
            }
        }
        let mut page = String::from("<html><head><title>t</title></head><body>");
        build(&mut page, 0, &mut next);
        page.push_str("</body></html>");
        page
    }

    #[test]
    fn the_root_found_bottom_up_is_the_one_the_counts_map_chose() {
        let mut pages: Vec<String> = (1..=3000).map(random_page).collect();
        // Real pages, when the corpus is there.
        let corpus =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/govcn");
        if let Ok(dir) = std::fs::read_dir(corpus) {
            for f in dir.flatten() {
                if let Ok(t) = std::fs::read_to_string(f.path()) {
                    pages.push(t);
                }
            }
        }
        pages.push("<p>无正文容器<span>片段</span></p>".into());
        pages.push("<html><frameset><frame></frameset></html>".into());
        pages.extend(TABLE_PAGES.iter().map(|(page, _)| page.to_string()));
        let (mut descended, mut revealed) = (0, 0);
        for page in &pages {
            let html = Html::parse_document(page);
            let doc = html.tree.root();
            let (root, _) = find_root(doc, &mut |_| {});
            let (want, reveal) = reference_root(doc);
            assert_eq!(root.id(), want, "{page}");
            if tag(&root) != Some("body") {
                descended += 1;
            }
            revealed += usize::from(reveal);
        }
        // Pages whose text is mostly hidden, surveyed again as shown, among them.
        assert!(
            revealed > 100,
            "{revealed} of {} pages revealed",
            pages.len()
        );
        // The generated pages exercise both the containers and the descent.
        assert!(
            descended > 1000,
            "{descended} of {} pages chose below <body>",
            pages.len()
        );
    }

    /// Pages whose text is mostly one table, with the element the content must be (by id).
    const TABLE_PAGES: &[(&str, &str)] = &[
        // The notice's paragraphs beside its task table: the element that holds both.
        (
            "<body><div id=\"want\"><h2>关于印发任务分工的通知</h2><p>各区县人民政府：</p>\
             <table><tr><td>一项很长的任务内容一项很长的任务内容一项很长的任务内容</td>\
             <td>市发展改革委</td></tr><tr><td>另一项很长的任务内容另一项很长的任务内容\
             另一项很长的任务内容</td><td>市财政局</td></tr></table></div></body>",
            "want",
        ),
        // The same with the table in a wrapper that holds nothing else.
        (
            "<body><div id=\"want\"><h2>关于印发任务分工的通知</h2><p>各区县人民政府：</p>\
             <section><div><table><tr><td>一项很长的任务内容一项很长的任务内容一项很长的\
             任务内容</td><td>市发展改革委</td></tr><tr><td>另一项很长的任务内容另一项很长\
             的任务内容另一项很长的任务内容</td><td>市财政局</td></tr></table></div></section>\
             </div></body>",
            "want",
        ),
        // A page laid out in tables: the content cell's table, not the layout beside it
        // (the footer row holds text of its own).
        (
            "<body><table><tr><td><a href=\"/\">首页</a></td><td><table id=\"want\"><tr>\
             <td>关于公布行政许可事项清单的决定</td></tr><tr><td>发布时间：今年</td></tr><tr>\
             <td><p>各区县人民政府：</p><p>为深化改革，市政府决定公布事项清单。</p>\
             <p>本决定自公布之日起施行。</p></td></tr></table></td></tr><tr><td>版权所有\
             </td></tr></table></body>",
            "want",
        ),
        // A table of one column that lays out a title, a byline and the article, beside
        // other text: the table (it has no columns, so it is no table of data).
        (
            "<body><div>首页 | 政务公开 | 文件</div><table id=\"want\"><tr><td>关于加强森林\
             防火工作的通知</td></tr><tr><td>发布时间：今年</td></tr><tr><td><p>各乡镇人民政府\
             ：</p><p>为做好今冬明春森林防火工作，现就有关事项通知如下，请认真贯彻执行。</p>\
             <p>各单位要按照职责分工，切实做好本领域的各项工作，确保取得实效。</p></td></tr>\
             </table><div>主办：县政府办公室</div></body>",
            "want",
        ),
        // The notice beside its task table, one task's cell holding nearly all of the table's
        // text (a dozen measures): the element that holds both, not the cell.
        (
            "<body><div id=\"want\"><h2>关于印发任务分工的通知</h2><p>各区县人民政府：</p>\
             <table><tr><td>序号</td><td>重点任务</td><td>牵头单位</td></tr><tr><td>1</td><td>\
             （1）推进第一批老旧小区改造，完善配套设施，建立长效管护机制。（2）推进第二批老旧\
             小区改造，完善配套设施，建立长效管护机制。（3）推进第三批老旧小区改造，完善配套\
             设施，建立长效管护机制。（4）推进第四批老旧小区改造，完善配套设施，建立长效管护\
             机制。</td><td>市住房城乡建设局</td></tr></table></div></body>",
            "want",
        ),
        // The same table alone on the page: the table, not its long cell.
        (
            "<body><table id=\"want\"><tr><td>序号</td><td>重点任务</td><td>牵头单位</td></tr>\
             <tr><td>1</td><td>（1）推进第一批老旧小区改造，完善配套设施，建立长效管护机制。\
             （2）推进第二批老旧小区改造，完善配套设施，建立长效管护机制。（3）推进第三批老旧\
             小区改造，完善配套设施，建立长效管护机制。（4）推进第四批老旧小区改造，完善配套\
             设施，建立长效管护机制。</td><td>市住房城乡建设局</td></tr></table></body>",
            "want",
        ),
        // A page laid out in a table whose rows of metadata (`发布机构：| 某某`) have two cells
        // of text: the article's cell, alone in its row, is still the content.
        (
            "<body><div>首页 | 政务公开</div><table><tr><td>发布机构：</td><td>某某市人民政府\
             </td></tr><tr><td>标题：</td><td>关于加强森林防火工作的通知</td></tr><tr>\
             <td colspan=\"2\" id=\"want\"><p>各乡镇人民政府：</p><p>为做好今冬明春森林防火\
             工作，现就有关事项通知如下，请认真贯彻执行，各单位要按照职责分工切实做好本领域的\
             各项工作，确保取得实效，各单位要按照职责分工切实做好本领域的各项工作。</p><p>各乡镇\
             要加强值班值守，严格执行领导带班和二十四小时值班制度，发现火情及时报告，妥善处置，\
             确保不发生重大森林火灾，切实保障人民群众生命财产安全和森林资源安全。</p></td>\
             </tr></table><div>主办：县政府办公室</div></body>",
            "want",
        ),
        // The content cell of a layout table holds the notice and its task table.
        (
            "<body><table><tr><td><a href=\"/\">首页</a></td><td id=\"want\">\
             <p>关于印发任务分工的通知</p><table><tr><td>一项很长的任务内容一项很长的任务\
             内容一项很长的任务内容</td><td>市发展改革委</td></tr><tr><td>另一项很长的任务\
             内容另一项很长的任务内容另一项很长的任务内容</td><td>市财政局</td></tr>\
             </table></td></tr></table></body>",
            "want",
        ),
    ];

    #[test]
    fn the_containers_matched_are_those_each_entry_matches() {
        let ids = [
            None,
            Some("UCAP-CONTENT"),
            Some("ucap-content"),
            Some("zoom"),
            Some("x"),
        ];
        let classes = [
            None,
            Some("TRS_Editor"),
            Some("a trs_editor  view"),
            Some("view pages_content\tarticle-content article_content TRS_UEDITOR"),
            Some("viewer"),
            Some(""),
        ];
        for id in ids {
            for class in classes {
                for name in ["div", "article", "td"] {
                    let bits = matched(id, class, name);
                    for (k, m) in CONTAINERS.iter().enumerate() {
                        let want = match m {
                            Matcher::Id(w) => id.is_some_and(|x| x.eq_ignore_ascii_case(w)),
                            Matcher::Class(w) => {
                                dom::classes(class).any(|x| x.eq_ignore_ascii_case(w))
                            }
                            Matcher::Tag(w) => name == *w,
                        };
                        assert_eq!(bits >> k & 1 == 1, want, "{id:?} {class:?} {name} {k}");
                    }
                }
            }
        }
        assert!(CONTAINERS.len() <= 32);
    }

    #[test]
    fn the_survey_compares_the_one_container_tag_as_an_atom() {
        let tags: Vec<&str> = CONTAINERS
            .iter()
            .filter_map(|m| match m {
                Matcher::Tag(t) => Some(*t),
                _ => None,
            })
            .collect();
        assert_eq!(tags, ["article"]);
    }

    #[test]
    fn a_notice_beside_its_table_is_read_with_it() {
        for (page, want) in TABLE_PAGES {
            let html = Html::parse_document(page);
            let (root, _) = find_root(html.tree.root(), &mut |_| {});
            let id = root.value().as_element().and_then(|e| e.id());
            assert_eq!(id, Some(*want), "{page}");
        }
    }

    #[test]
    fn the_survey_shows_every_element_once_in_document_order() {
        for page in [
            // Head elements, hidden and chrome subtrees (skipped by the survey, still shown),
            // an ignored tag, a table, text after the body.
            "<html><head><title>t</title><style>p{}</style></head><body>\
             <div class=nav><a>首页</a></div><div style='display:none'><p>隐藏：甲</p></div>\
             <div id=UCAP-CONTENT><p>正文：乙</p><table><tr><td>索引号</td><td>1</td></tr></table>\
             <script>x</script></div></body></html><!-- c -->",
            // No body: a frameset.
            "<html><head></head><frameset><frame src=a></frameset></html>",
            // A bare fragment.
            "<p>甲<span>乙</span></p>",
        ] {
            let html = Html::parse_document(page);
            let doc = html.tree.root();
            let all: Vec<NodeId> = doc
                .descendants()
                .filter(|n| n.value().is_element())
                .map(|n| n.id())
                .collect();
            let mut seen = Vec::new();
            find_root(doc, &mut |n| seen.push(n.id()));
            assert_eq!(seen, all, "{page}");
        }
    }
}
