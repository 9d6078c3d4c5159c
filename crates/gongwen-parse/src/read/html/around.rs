//! What a page prints around the element that holds the notice, outside it: the title in a
//! layout cell or block of its own above it (`<td class="biaoti">…的意见</td>`, `<div
//! class="title">…</div>`), and the attachments linked just below it (`<div>相关附件：<a>….pdf</a>
//! </div>`).
//!
//! Both read the page's text outside the content as lines (block boundaries break them; hidden
//! elements, site chrome and the metadata table left out), from the content element outwards:
//! each element before or after it, or after one of its ancestors, is read once, so the page is
//! read at most once more.

use super::content::Marks;
use super::dom::{self, Dom};
use crate::blocks::Para;
use crate::normalize::TrimFast as _;
use ego_tree::NodeId;
use ego_tree::iter::Edge;
use html5ever::local_name;
use rustc_hash::FxHashSet;
use scraper::Node;

/// Lines of text read above the content for its title, nearest first, before the search gives
/// up (a byline, a number, a font-size bar may stand between).
const TITLE_LOOK: usize = 4;
/// Lines of text below the content passed over before an attachment label (a print or close
/// bar, the 此件公开发布 note) before the search gives up.
const LINK_LOOK: usize = 3;

/// How many lines of one element below the content [`links_below`] reads at most: the lines
/// before an attachment label and the label's lines of links.
const LINK_LINES: usize = 64;

/// One line of text outside the content.
#[derive(Default)]
struct Line {
    /// As in the page (entities decoded).
    raw: String,
    /// Its first text node with visible text.
    first: Option<NodeId>,
    /// Whether any of its visible text stands in a link.
    linked: bool,
    /// Its text outside links.
    outside: String,
    /// The text of its links that name a document file (`某某计划表.pdf`), normalized.
    files: Vec<String>,
    /// Its other links, whose `href` may name the file ([`dom::linked_file_name`]): asked only
    /// of a line that may list attachments.
    unnamed: Vec<NodeId>,
}

/// Reads `node`'s lines into `out`, in document order, leaving out what the walk of the content
/// would: ignored, hidden and chrome elements, and the elements the metadata search took. Stops
/// once `out` holds `limit` lines: a reader that looks at the first few lines below the content
/// does not read a whole footer.
fn read_lines(
    node: Dom<'_>,
    marks: &Marks,
    taken: &FxHashSet<NodeId>,
    out: &mut Vec<Line>,
    limit: usize,
) {
    let mut cur = Line::default();
    // The link being read: its element and where its text starts in `cur.raw`.
    let mut link: Option<(NodeId, usize)> = None;
    let end = |cur: &mut Line, out: &mut Vec<Line>| {
        if cur.first.is_some() {
            out.push(std::mem::take(cur));
        } else {
            *cur = Line::default();
        }
    };
    let mut walk = dom::Walk::new(node);
    while let Some(edge) = walk.next() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Text(t) => {
                    let visible = dom::has_visible(t);
                    if visible && cur.first.is_none() {
                        cur.first = Some(n.id());
                    }
                    if link.is_some() {
                        cur.linked |= visible;
                    } else {
                        cur.outside.push_str(t);
                    }
                    cur.raw.push_str(t);
                }
                Node::Element(e) => {
                    if marks.is_skipped_or_chrome(&n, e) || taken.contains(&n.id()) {
                        walk.skip_subtree(n.id());
                        continue;
                    }
                    if dom::is_block_tag(&e.name.local) {
                        end(&mut cur, out);
                        link = None;
                        if out.len() >= limit {
                            return;
                        }
                    } else if e.name.local == local_name!("a") && link.is_none() {
                        link = Some((n.id(), cur.raw.len()));
                    }
                }
                _ => {}
            },
            Edge::Close(n) => {
                if let Some((id, from)) = link
                    && id == n.id()
                {
                    link = None;
                    let text = crate::normalize::normalize_block(cur.raw.get(from..).unwrap_or(""));
                    if crate::structure::is_file_name(&text) {
                        cur.files.push(text);
                    } else if let Some(full) = n
                        .value()
                        .as_element()
                        .and_then(|e| dom::attr(e, &local_name!("title")))
                        .map(crate::normalize::normalize_block)
                        .filter(|t| crate::structure::is_file_name(t))
                    {
                        // A file's name cut short in the link's text (`1.某某实施方...`), whole
                        // in its `title`.
                        cur.files.push(full);
                    } else {
                        cur.unnamed.push(id);
                    }
                }
                if dom::local(&n).is_some_and(dom::is_block_tag) {
                    end(&mut cur, out);
                    link = None;
                    if out.len() >= limit {
                        return;
                    }
                }
            }
        }
    }
    end(&mut cur, out);
}

/// The elements around the content, nearest first: those before it (`before`) or after it,
/// then those before or after its parent, and so on up to `<body>`.
fn beside<'a>(root: Dom<'a>, before: bool) -> impl Iterator<Item = Dom<'a>> {
    let mut node = Some(root);
    let mut siblings: Option<Box<dyn Iterator<Item = Dom<'a>> + 'a>> = None;
    std::iter::from_fn(move || {
        loop {
            if let Some(next) = siblings.as_mut().and_then(Iterator::next) {
                return Some(next);
            }
            let n = node?;
            // The walk ends below <body>: what stands beside it is not the page's content.
            if matches!(dom::tag(&n), Some("body" | "html")) || n.parent().is_none() {
                node = None;
                return None;
            }
            siblings = Some(if before {
                Box::new(n.prev_siblings())
            } else {
                Box::new(n.next_siblings())
            });
            node = n.parent();
        }
    })
}

/// The page's own name for the notice: the `<title>` (less a site name set apart by `_`, `-`,
/// `|`…) and the `ArticleTitle` metadata, as the head gives them; and the publication date its
/// CMS metadata gives (`<meta name="PubDate" content="2023-03-05 10:00">`).
#[derive(Default)]
pub(super) struct PageTitles {
    title: Option<NodeId>,
    article: Option<String>,
    /// The first publication date a `<meta>` gives, as `YYYY-MM-DD`.
    pub(super) published: Option<String>,
}

/// The `<meta name>`s gov.cn's and the provinces' CMSs give the publication date in.
const PUBLISHED_METAS: &[&str] = &["PubDate", "firstpublishedtime", "publishdate"];

impl PageTitles {
    /// Notes `n` if it is the page's first `<title>`, an `ArticleTitle` `<meta>` or one that gives
    /// the publication date.
    pub(super) fn visit(&mut self, n: Dom<'_>) {
        let Some(e) = n.value().as_element() else {
            return;
        };
        if e.name.local == local_name!("title") {
            self.title.get_or_insert(n.id());
        } else if e.name.local == local_name!("meta") {
            let Some(name) = dom::attr(e, &local_name!("name")) else {
                return;
            };
            if self.article.is_none() && name.eq_ignore_ascii_case("ArticleTitle") {
                self.article = dom::attr(e, &local_name!("content"))
                    .map(crate::normalize::normalize_block)
                    .filter(|t| !t.is_empty());
            } else if self.published.is_none()
                && PUBLISHED_METAS
                    .iter()
                    .any(|m| name.trim_ws().eq_ignore_ascii_case(m))
            {
                self.published =
                    dom::attr(e, &local_name!("content")).and_then(super::meta::meta_date);
            }
        }
    }

    /// The names, read from the page `doc` belongs to.
    fn names(&self, doc: Dom<'_>) -> Vec<String> {
        let title = self
            .title
            .and_then(|id| doc.tree().get(id))
            .map(dom::joined_text)
            .filter(|t| !t.is_empty());
        title.into_iter().chain(self.article.clone()).collect()
    }
}

impl PageTitles {
    /// The notice's title as the page's head names it, for a page whose article prints none: the
    /// `ArticleTitle`, else the `<title>` up to the site's name (`…的意见_国务院文件_中国政府网`),
    /// if it ends as a title ends.
    pub(super) fn notice_title(&self, doc: Dom<'_>) -> Option<String> {
        self.names(doc)
            .into_iter()
            .rev()
            .map(|name| {
                // A site that puts its name first (`某某省人民政府网-某某省人民政府关于……的通知`):
                // the title after it.
                let name = after_site_name(&name).unwrap_or(&name);
                let cut = name
                    .find(['_', '|', '｜'])
                    .or_else(|| name.find(" - "))
                    .unwrap_or(name.len());
                crate::normalize::normalize_block(&name[..cut])
            })
            .find(|t| super::is_page_title(t))
    }
}

/// What a page's name gives after the site's name when the site puts its name first
/// (`某某省人民政府网-某某省人民政府关于……的通知`, `某某县人民政府_关于……的意见`): the site's name
/// is a few Chinese characters with no `关于` in them, before a separator, and what follows ends
/// as a title ends. `None` when the name does not open so.
fn after_site_name(name: &str) -> Option<&str> {
    let (at, sep) = name
        .char_indices()
        .take(31)
        .find(|&(_, c)| matches!(c, '_' | '|' | '｜' | '-' | '－' | '—' | '–'))?;
    let site = name[..at].trim_end();
    let rest = name[at + sep.len_utf8()..].trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '_' | '|' | '｜' | '-' | '－' | '—' | '–')
    });
    let rest_cut = rest
        .find(['_', '|', '｜'])
        .or_else(|| rest.find(" - "))
        .unwrap_or(rest.len());
    let site_like = (2..=30).contains(&site.chars().count())
        && site.chars().all(crate::normalize::is_han)
        && !site.contains("关于")
        && !crate::structure::ends_like_title(site);
    (site_like && super::is_page_title(rest[..rest_cut].trim())).then_some(rest)
}

/// Whether `line` is the notice's name the page gives (`names`): the whole of one, or one's
/// start up to a separator before the site's name (`…规划_某某市人民政府`).
fn names_the_page(line: &str, names: &[String]) -> bool {
    names.iter().any(|n| {
        n.strip_prefix(line).is_some_and(|rest| {
            rest.is_empty()
                || rest.starts_with(['_', '-', '|', '｜', '－', '—', ' ', '\u{3000}', '–'])
        })
    })
}

/// The notice's title when the page prints it as a short block of its own above the element
/// that holds the notice — a layout cell, a `<div>`, a paragraph — rather than in a heading: the
/// nearest of the last [`TITLE_LOOK`] lines of text before that element (a byline or font-size
/// bar may stand between) that is not a link, has no colon (`发布时间：`, `附件：`), and ends as
/// a title ends (`…的通知`, `…的意见`) or is the page's own name for the notice (its `<title>`,
/// `ArticleTitle`). An attachment's label on the line right above that title (`附件2` in a
/// layout cell of its own, over the attachment's title) comes with it, before it: an attachment
/// page published on its own keeps the label that makes it one.
pub(super) fn title_before(
    root: Dom<'_>,
    marks: &Marks,
    taken: &FxHashSet<NodeId>,
    titles: &PageTitles,
    lines: &mut super::tree::Lines<'_>,
) -> Option<Vec<Para>> {
    let names = titles.names(root.tree().root());
    let mut looked = 0;
    let mut read = Vec::new();
    // The title found, while the line above it is looked at for an attachment's label.
    let mut found: Option<Para> = None;
    for sibling in beside(root, true) {
        if !sibling.value().is_element() {
            continue;
        }
        read.clear();
        read_lines(sibling, marks, taken, &mut read, usize::MAX);
        for line in read.iter().rev() {
            let text = crate::normalize::normalize_block(&line.raw);
            if text.is_empty() {
                continue;
            }
            if let Some(title) = found.take() {
                if !line.linked && crate::structure::is_attachment_label(&text) {
                    let label = Para {
                        line: lines.of(line.first),
                        text,
                    };
                    return Some(vec![label, title]);
                }
                return Some(vec![title]);
            }
            looked += 1;
            let n = text.chars().count();
            let title = !line.linked
                && !text.contains(['：', ':'])
                && (super::is_page_title(&text)
                    || ((4..=80).contains(&n)
                        && text.chars().any(crate::normalize::is_han)
                        && names_the_page(&text, &names)));
            if title {
                found = Some(Para {
                    line: lines.of(line.first),
                    text,
                });
                continue;
            }
            if looked == TITLE_LOOK {
                return None;
            }
        }
    }
    found.map(|title| vec![title])
}

/// Whether `text` opens with an attachment label (`附件：`, `相关附件：`, `附件下载：`, `附件1：`),
/// or is one (`附件`, `相关附件`).
pub(super) fn is_attachment_label(text: &str) -> bool {
    let head = text.split(['：', ':']).next().unwrap_or(text);
    head.chars().count() <= 8 && head.contains("附件")
}

/// Whether `outside` (a line's text outside its links) holds nothing but separators.
pub(super) fn only_separators(outside: &str) -> bool {
    outside.chars().all(|c| {
        c.is_whitespace() || matches!(c, '、' | '，' | ',' | '；' | ';' | '|' | '｜' | '\u{a0}')
    })
}

/// Whether `outside` (text between or after links to files) holds nothing but separators and
/// what portals print beside such a link: its size, its download count, a download prompt
/// (`（23.5 KB）`, `下载次数：12`, `[下载]`: see [`crate::structure::is_file_trailer`]).
pub(super) fn only_link_furniture(outside: &str) -> bool {
    only_separators(outside) || crate::structure::is_file_trailer(outside)
}

/// The attachments the page links just below the element that holds the notice (`<div
/// class="fj">相关附件：<a>某某规划.pdf</a></div>` after the article): one paragraph for each
/// link to a document file on a line that opens with an attachment label (`附件`, `相关附件：`,
/// `附件下载：`), or on the lines of nothing but such links right under a label of its own. At
/// most [`LINK_LOOK`] other lines may stand between the content and the label; share bars,
/// related-link lists and footers are not attachments.
pub(super) fn links_below(
    root: Dom<'_>,
    marks: &Marks,
    taken: &FxHashSet<NodeId>,
    lines: &mut super::tree::Lines<'_>,
) -> Vec<Para> {
    let mut out = Vec::new();
    let mut looked = 0;
    let mut labelled = false;
    let mut read = Vec::new();
    for sibling in beside(root, false) {
        if !sibling.value().is_element() {
            continue;
        }
        read.clear();
        // The lines this reads before it stops: a few before the label, and the label's links.
        read_lines(sibling, marks, taken, &mut read, LINK_LOOK + LINK_LINES);
        for line in &mut read {
            let text = crate::normalize::normalize_block(&line.raw);
            if text.is_empty() {
                continue;
            }
            let label = is_attachment_label(&text);
            let mut files = std::mem::take(&mut line.files);
            if label || labelled {
                files.extend(line.unnamed.iter().filter_map(|&id| {
                    let link = root.tree().get(id)?;
                    let href = dom::attr(link.value().as_element()?, &local_name!("href"))?;
                    dom::linked_file_name(&dom::joined_text(link), href)
                }));
            }
            let take = if label {
                labelled = true;
                true
            } else {
                labelled && !files.is_empty() && only_link_furniture(&line.outside)
            };
            if !take {
                if labelled || !out.is_empty() {
                    return out;
                }
                looked += 1;
                if looked > LINK_LOOK {
                    return out;
                }
                continue;
            }
            let at = lines.of(line.first);
            out.extend(files.into_iter().map(|text| Para { text, line: at }));
        }
    }
    out
}
