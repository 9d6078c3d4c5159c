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
use crate::normalize::is_han;
use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::Node;
use std::collections::HashMap;

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

/// Han characters in an element's subtree: all of them, and those outside links.
#[derive(Clone, Copy, Default)]
struct Count {
    all: usize,
    plain: usize,
}

/// Counts Han characters under every element, skipping ignored, hidden and chrome elements.
fn counts(root: Dom<'_>) -> HashMap<NodeId, Count> {
    let mut out = HashMap::new();
    let mut stack: Vec<(NodeId, Count, bool)> = Vec::new();
    let mut skip: Option<NodeId> = None;
    let mut links = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(n) => {
                if skip.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Element(e) => {
                        if n.id() != root.id() && (dom::is_skipped(e) || dom::is_chrome(e)) {
                            skip = Some(n.id());
                            continue;
                        }
                        let link = e.name() == "a";
                        if link {
                            links += 1;
                        }
                        stack.push((n.id(), Count::default(), link));
                    }
                    Node::Text(t) => {
                        let han = t.chars().filter(|&c| is_han(c)).count();
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
                    out.insert(id, c);
                }
            }
        }
    }
    out
}

fn matches(m: &Matcher, n: &Dom<'_>) -> bool {
    let Some(e) = n.value().as_element() else {
        return false;
    };
    match m {
        Matcher::Id(id) => e.id().is_some_and(|x| x.eq_ignore_ascii_case(id)),
        Matcher::Class(c) => e.classes().any(|x| x.eq_ignore_ascii_case(c)),
        Matcher::Tag(t) => e.name() == *t,
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
pub(super) fn find_root<'a>(doc: Dom<'a>) -> Dom<'a> {
    let body = doc
        .descendants()
        .find(|n| tag(n) == Some("body"))
        .unwrap_or(doc);
    let counts = counts(body);
    let count = |n: &Dom<'_>| counts.get(&n.id()).copied().unwrap_or_default();
    let total = count(&body).plain;
    if total == 0 {
        return body;
    }
    let elements: Vec<Dom<'a>> = body
        .descendants()
        .filter(|n| counts.contains_key(&n.id()))
        .collect();
    for m in CONTAINERS {
        let best = elements
            .iter()
            .filter(|n| matches(m, n))
            .max_by_key(|n| count(n).all);
        if let Some(best) = best {
            if count(best).plain as f64 >= MIN_SHARE * total as f64 {
                return *best;
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
