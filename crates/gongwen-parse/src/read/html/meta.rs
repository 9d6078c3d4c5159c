//! The metadata a government page prints about the notice.
//!
//! gov.cn prints a table above the notice: `索 引 号：` `000014349/2018-00228`, `标　　题：` …,
//! labels spaced out with ordinary or full-width spaces and ending in `：`. Other sites print
//! the same labels in a table with the value in the same cell (`发文字号：渝府发〔2021〕19号`), or
//! as a list (`<li>索引号：…</li>`). All of these are read into [`PageMeta`]; the elements they
//! were read from are skipped when the body is read, so the metadata never shows up as a table
//! or as paragraphs of the notice.

use super::dom::{self, Dom, TextLines, tag};
use super::table;
use crate::model::PageMeta;
use crate::normalize::strip_spaces;
use crate::structure::{find_date, is_real_date, iso_date};
use ego_tree::NodeId;
use html5ever::local_name;
use indexmap::IndexMap;

/// The labels that identify a metadata block, with the [`PageMeta`] field each fills
/// (synonyms used by other sites map to the same field).
const KNOWN: &[(&str, Field)] = &[
    ("索引号", Field::IndexNo),
    ("主题分类", Field::Topic),
    ("发文机关", Field::Issuer),
    ("成文日期", Field::Date),
    ("标题", Field::Title),
    ("发文字号", Field::DocNumber),
    ("发布日期", Field::Published),
    ("发文机构", Field::Issuer),
    ("发布机构", Field::Issuer),
    ("成文时间", Field::Date),
    ("文号", Field::DocNumber),
    ("发布时间", Field::Published),
    ("主题词", Field::Other),
    ("信息分类", Field::Other),
    ("组配分类", Field::Other),
    ("体裁分类", Field::Other),
    ("公开方式", Field::Other),
    ("有效性", Field::Other),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    IndexNo,
    Topic,
    Issuer,
    Date,
    Title,
    DocNumber,
    Published,
    Other,
}

fn field(label: &str) -> Option<Field> {
    KNOWN.iter().find(|(l, _)| *l == label).map(|(_, f)| *f)
}

/// A label as printed, without spaces and the trailing colon: `标　　题：` → `标题`.
fn clean_label(s: &str) -> String {
    strip_spaces(s).trim_end_matches(['：', ':']).to_string()
}

/// A cell that is only a label: a known label, or a short Han phrase ending in a colon.
fn as_label(cell: &str) -> Option<String> {
    // `clean_label`, from one pass of `strip_spaces`, copied only for a label.
    let stripped = strip_spaces(cell);
    let colon = stripped.ends_with(['：', ':']);
    let l = stripped.trim_end_matches(['：', ':']);
    let ok = field(l).is_some()
        || (colon
            && (2..=8).contains(&l.chars().count())
            && l.chars().all(crate::normalize::is_han));
    ok.then(|| l.to_string())
}

fn as_pair(text: &str) -> Option<(String, String)> {
    let (label, value) = text.split_once(['：', ':'])?;
    let label = clean_label(label);
    field(&label)?;
    Some((label, value.trim().to_string()))
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
}

impl Scan {
    pub(super) fn visit(&mut self, n: Dom<'_>) {
        let Some(name) = tag(&n) else { return };
        let found = &mut self.found;
        match name {
            "table" => {
                let Some(pairs) = table_pairs(n, &mut self.cells) else {
                    return;
                };
                let known = pairs
                    .iter()
                    .filter(|(l, _)| field(l).is_some_and(|f| f != Field::Other))
                    .count();
                if known >= 3 && found.page.is_none() {
                    found.page = Some(page_meta(&pairs));
                    found.skip.push(n.id());
                } else if pairs.iter().any(|(l, _)| field(l).is_some())
                    && (found.page.is_some() || known >= 1)
                {
                    // A companion table (gov.cn's 主题词 row) or a partial one.
                    found.skip.push(n.id());
                    if let Some(page) = &mut found.page {
                        for (l, v) in pairs {
                            page.fields.entry(l).or_insert(v);
                        }
                    }
                }
            }
            "li" | "p" | "dd" | "div" | "span" if found.page.is_none() => {
                // Only leaf-like elements (no block children, at most 64 nodes inside) whose
                // text has a colon, as a pair needs: one walk of at most 65 nodes decides.
                if !small_leaf_with_colon(n) {
                    return;
                }
                let text = self.cells.joined(n);
                if text.chars().count() > 200 {
                    return;
                }
                if let Some((label, value)) = as_pair(&text) {
                    if !self.list_pairs.iter().any(|(l, _)| *l == label) {
                        self.list_pairs.push((label, value));
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
                found.page = Some(page_meta(&list_pairs));
                found.skip.extend(list_nodes);
            }
        }
        found
    }
}

/// Whether `n` has no block child (other than `<br>`), fewer than 64 nodes below it, and a colon
/// in its text.
fn small_leaf_with_colon(n: Dom<'_>) -> bool {
    let mut depth = 0usize;
    let mut colon = false;
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
                    scraper::Node::Text(t) => colon = colon || t.contains(['：', ':']),
                    scraper::Node::Element(e) if depth == 2 => {
                        let t = &e.name.local;
                        if dom::is_block_tag(t) && *t != local_name!("br") {
                            return false;
                        }
                    }
                    _ => {}
                }
            }
            ego_tree::iter::Edge::Close(_) => depth -= 1,
        }
    }
    colon
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

/// The label/value pairs of a small table whose cells are labels and values; `None` for any
/// other table (large, nested, or with cells that are neither).
fn table_pairs(t: Dom<'_>, scratch: &mut TextLines) -> Option<Vec<(String, String)>> {
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
            cells.push(scratch.joined(*c));
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

/// `2018年12月23日`, `二〇〇四年六月二十六日`, `2019-01-08`, `2019/1/8` → `YYYY-MM-DD`; anything
/// else as printed.
fn date(value: &str) -> String {
    if let Some((_, (y, m, d))) = find_date(value) {
        if is_real_date(y, m, d) {
            return iso_date(y, m, d);
        }
    }
    let parts: Vec<&str> = value.split(['-', '/', '.', '．']).map(str::trim).collect();
    if let [y, m, d] = parts[..] {
        if let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) {
            if is_real_date(y, m, d) {
                return iso_date(y, m, d);
            }
        }
    }
    value.to_string()
}

fn page_meta(pairs: &[(String, String)]) -> PageMeta {
    let mut meta = PageMeta {
        fields: IndexMap::new(),
        ..PageMeta::default()
    };
    for (label, value) in pairs {
        meta.fields
            .entry(label.clone())
            .or_insert_with(|| value.clone());
        if value.is_empty() {
            continue;
        }
        let slot = match field(label) {
            Some(Field::IndexNo) => &mut meta.index_no,
            Some(Field::Topic) => &mut meta.topic,
            Some(Field::Issuer) => &mut meta.issuer,
            Some(Field::Date) => &mut meta.date,
            Some(Field::Title) => &mut meta.title,
            Some(Field::DocNumber) => &mut meta.doc_number,
            Some(Field::Published) => &mut meta.published,
            Some(Field::Other) | None => continue,
        };
        if slot.is_none() {
            let v = match field(label) {
                Some(Field::Date | Field::Published) => date(value),
                _ => value.clone(),
            };
            *slot = Some(v);
        }
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

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
