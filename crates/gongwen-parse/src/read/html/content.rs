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
use crate::normalize::count_ideographs;
use ego_tree::NodeId;
use ego_tree::iter::Edge;
use html5ever::local_name;
use rustc_hash::{FxHashMap, FxHashSet};
use scraper::Node;

/// Known content containers, most specific first.
enum Matcher {
    Id(&'static str),
    Class(&'static str),
    Tag(&'static str),
}

const CONTAINERS: &[Matcher] = &[
    Matcher::Id("UCAP-CONTENT"),
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
/// The fallback descends into a child holding at least this share of its parent's text.
const DESCEND_SHARE: f64 = 0.8;

/// Chinese characters ([`count_ideographs`]) in an element's subtree: all of them, and those
/// outside links.
#[derive(Clone, Copy, Default)]
struct Count {
    all: usize,
    plain: usize,
}

/// What one walk over the page finds: the counts of every element read, and the elements that
/// match a known container, in document order.
struct Survey {
    counts: FxHashMap<NodeId, Count>,
    /// (index into [`CONTAINERS`], element), in document order.
    candidates: Vec<(usize, NodeId)>,
    marks: Marks,
}

/// The elements of the surveyed page that are skipped for their attributes, so that the readers
/// that come after need not read every element's attributes again: hidden ones
/// ([`dom::is_hidden`]) and site chrome ([`dom::is_chrome_named`]). Elements inside a skipped
/// subtree are not surveyed, and never asked about.
#[derive(Default)]
pub(super) struct Marks {
    hidden: FxHashSet<NodeId>,
    chrome: FxHashSet<NodeId>,
}

impl Marks {
    /// [`dom::is_skipped`] for a surveyed element: an ignored tag, or hidden.
    pub(super) fn is_skipped(&self, n: &Dom<'_>, e: &scraper::node::Element) -> bool {
        dom::is_ignored_tag(&e.name.local) || self.hidden.contains(&n.id())
    }

    /// Whether the walk skips a surveyed element: [`Marks::is_skipped`], or site chrome.
    pub(super) fn is_skipped_or_chrome(&self, n: &Dom<'_>, e: &scraper::node::Element) -> bool {
        self.is_skipped(n, e) || self.chrome.contains(&n.id())
    }
}

/// Counts Chinese characters under every element, skipping ignored, hidden and chrome elements, and
/// notes which elements match which [`CONTAINERS`] entries. Every element under `root`, skipped
/// or not, is also shown to `visit`, in document order.
fn survey<'a>(root: Dom<'a>, elements: usize, visit: &mut impl FnMut(Dom<'a>)) -> Survey {
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
                            for (k, m) in CONTAINERS.iter().enumerate() {
                                if matches(m, id, class, name) {
                                    candidates.push((k, n.id()));
                                }
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
    Survey {
        counts,
        candidates,
        marks,
    }
}

/// Whether an element with this `id`, `class` and tag name matches `m`.
fn matches(m: &Matcher, id: Option<&str>, class: Option<&str>, name: &str) -> bool {
    match m {
        Matcher::Id(want) => id.is_some_and(|x| x.eq_ignore_ascii_case(want)),
        Matcher::Class(want) => dom::classes(class).any(|x| x.eq_ignore_ascii_case(want)),
        Matcher::Tag(want) => name == *want,
    }
}

/// Elements that hold blocks; the fallback never descends into a paragraph or inline element,
/// which would leave the paragraphs and tables around it behind.
fn is_container(n: &Dom<'_>) -> bool {
    matches!(
        tag(n),
        Some(
            "div"
                | "section"
                | "article"
                | "main"
                | "td"
                | "th"
                | "table"
                | "tbody"
                | "thead"
                | "tfoot"
                | "tr"
                | "center"
                | "form"
                | "blockquote"
        )
    )
}

/// The element that holds the notice: a known container, else the densest block of Chinese
/// text, else `<body>` (or the document root).
///
/// Also returns the [`Marks`] the survey of the page left, for the readers of the content.
/// `elements` (how many the parser made) sizes the survey's table. Every element of the page is
/// shown to `visit`, in document order, on the way (the metadata search reads them).
pub(super) fn find_root<'a>(
    doc: Dom<'a>,
    elements: usize,
    visit: &mut impl FnMut(Dom<'a>),
) -> (Dom<'a>, Marks) {
    // The elements before `<body>` (the head) are seen on the way to it; the tree builder puts
    // none after it. A page without one (a frameset) has been seen whole on the way.
    let body = doc.descendants().find(|n| {
        let is_body = tag(n) == Some("body");
        if !is_body && n.value().is_element() {
            visit(*n);
        }
        is_body
    });
    let (
        body,
        Survey {
            counts,
            candidates,
            marks,
        },
    ) = match body {
        Some(body) => (body, survey(body, elements, visit)),
        None => (doc, survey(doc, elements, &mut |_| {})),
    };
    (choose(body, &counts, &candidates), marks)
}

/// The content element, from the survey's counts and container candidates.
fn choose<'a>(
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
        if let Some(best) = best {
            if count_of(&best).plain as f64 >= MIN_SHARE * total as f64 {
                if let Some(node) = body.tree().get(best) {
                    return node;
                }
            }
        }
    }
    // Fallback: descend while one child holds nearly all of the text.
    let mut cur = body;
    loop {
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
                cur = child
            }
            _ => break,
        }
    }
    // Never stop inside a table's structure: read the whole table.
    while matches!(tag(&cur), Some("tbody" | "thead" | "tfoot" | "tr")) {
        match cur.parent() {
            Some(p) => cur = p,
            None => break,
        }
    }
    cur
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

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
            find_root(doc, all.len(), &mut |n| seen.push(n.id()));
            assert_eq!(seen, all, "{page}");
        }
    }
}
