//! Tables drawn without `<table>`: a container whose children are rows and whose rows' children
//! are cells, laid out by the site's style sheet (`display: table`, a CSS grid, floats). Some
//! content systems publish a task table that way:
//!
//! ```html
//! <div class="tbl">
//!   <div class="tr"><span>序号</span><span>任务</span><span>牵头单位</span><span>配合单位</span></div>
//!   <div class="tr"><span>1</span><span>……</span><span>市科技局</span><span>市教委</span></div>
//! </div>
//! ```
//!
//! Read as text, each row would be one run of words (`1……市科技局市教委`) and its units lost. Such
//! a container is read as a table when its shape leaves no doubt: at least [`MIN_ROWS`] rows of
//! one tag with nothing but white space between them, rows of [`MIN_CELLS`] to [`MAX_CELLS`]
//! element cells (all of one width, or a single cell: a group heading) with nothing but white
//! space between those, and a first or second row whose cells name the columns of a task table
//! ([`crate::tasks::column_roles`]). The rows then go to the table reader as a `<table>`'s would.

use super::dom::{self, Dom};
use super::table::{RawRow, hidden};
use html5ever::local_name;
use scraper::Node;

/// Fewest rows: a header and two tasks.
const MIN_ROWS: usize = 3;
/// Fewest and most cells a full row has (a task table has a task and a unit column at least,
/// and the text reader's delimited tables have at most 12 columns too).
const MIN_CELLS: usize = 3;
const MAX_CELLS: usize = 12;

/// Whether an element of this tag may hold the rows of a drawn table: the containers a site's
/// markup draws one with (`<div>`, `<ul>`, `<ol>`, `<section>`, `<article>`). Asked first, so
/// that the paragraphs and their inline elements, most of a page, cost nothing.
pub(super) fn may_hold_rows(name: &html5ever::LocalName) -> bool {
    matches!(
        *name,
        local_name!("div")
            | local_name!("ul")
            | local_name!("ol")
            | local_name!("section")
            | local_name!("article")
    )
}

/// The rows of `container`, when it is a table drawn with other elements (see the module
/// documentation); `None` for any other element. Looks at a container's children and at most
/// the first two rows' cells before it knows: a container of paragraphs is turned down at its
/// first child.
pub(super) fn rows_of(container: Dom<'_>) -> Option<Vec<RawRow<'_>>> {
    let mut rows: Vec<RawRow<'_>> = Vec::new();
    let mut row_tag: Option<&html5ever::LocalName> = None;
    let mut width = None;
    for child in container.children() {
        let e = match child.value() {
            Node::Text(t) if !dom::has_visible(t) => continue,
            Node::Element(e) => e,
            Node::Comment(_) | Node::ProcessingInstruction(_) => continue,
            _ => return None,
        };
        // Rows of one tag, of one width (or a single cell), and no table of the markup's own
        // among them. Whether a row or cell is hidden (a look at its style) is asked once the
        // container is known to be a grid.
        let cells = (**row_tag.get_or_insert(&e.name.local) == e.name.local
            && !is_table_tag(&e.name.local))
        .then(|| cells_of(child))
        .flatten();
        let mut fits = |cells: &[Dom<'_>]| match cells.len() {
            1 => true,
            k => (MIN_CELLS..=MAX_CELLS).contains(&k) && *width.get_or_insert(k) == k,
        };
        let cells = match cells {
            Some(cells) if fits(&cells) => cells,
            _ => return None,
        };
        // The header is the first or second row (after a caption or a note across the width).
        if rows.len() == 1 && width.is_none() {
            return None;
        }
        rows.push(RawRow { cells, head: false });
    }
    let width = width?;
    if rows.len() < MIN_ROWS {
        return None;
    }
    let header = rows.iter().find(|r| r.cells.len() == width)?;
    let names: Vec<String> = header.cells.iter().map(|c| dom::joined_text(*c)).collect();
    crate::tasks::column_roles(&names)?;
    // A hidden row or cell takes no place, as in a browser.
    rows.retain(|r| {
        r.cells
            .first()
            .and_then(|c| c.parent())
            .is_some_and(|row| !hidden(row))
    });
    for r in &mut rows {
        r.cells.retain(|c| !hidden(*c));
    }
    rows.retain(|r| !r.cells.is_empty());
    Some(rows)
}

/// The cells of `row`: its element children, when nothing but white space stands between them
/// and none is a table's own element or a line break.
fn cells_of(row: Dom<'_>) -> Option<Vec<Dom<'_>>> {
    let mut cells = Vec::new();
    for c in row.children() {
        match c.value() {
            Node::Text(t) if !dom::has_visible(t) => {}
            Node::Element(e) => {
                if is_table_tag(&e.name.local)
                    || e.name.local == local_name!("br")
                    || cells.len() == MAX_CELLS
                {
                    return None;
                }
                cells.push(c);
            }
            Node::Comment(_) | Node::ProcessingInstruction(_) => {}
            _ => return None,
        }
    }
    (!cells.is_empty()).then_some(cells)
}

/// The elements of a `<table>`'s frame: a container holding them is read by the table reader.
fn is_table_tag(name: &html5ever::LocalName) -> bool {
    matches!(
        *name,
        local_name!("table")
            | local_name!("tbody")
            | local_name!("thead")
            | local_name!("tfoot")
            | local_name!("tr")
            | local_name!("td")
            | local_name!("th")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    /// The rows and widths `rows_of` finds for the element `#g` of `body`.
    fn shape(body: &str) -> Option<Vec<usize>> {
        let html = Html::parse_document(&format!("<html><body>{body}</body></html>"));
        let g = html
            .tree
            .root()
            .descendants()
            .find(|n| n.value().as_element().is_some_and(|e| e.id() == Some("g")))
            .expect("an element #g");
        rows_of(g).map(|rows| rows.iter().map(|r| r.cells.len()).collect())
    }

    #[test]
    fn a_grid_of_divs_with_a_task_header_is_read_as_rows() {
        let body = r#"<div id="g">
            <div><span>序号</span><span>任务</span><span>牵头单位</span><span>配合单位</span></div>
            <div><b>一、改革</b></div>
            <div><span>1</span><span>做好甲。</span><span>市科技局</span><span>市教委</span></div>
            <div><span>2</span><span>做好乙。</span><span>市教委</span><span></span></div>
        </div>"#;
        assert_eq!(shape(body), Some(vec![4, 1, 4, 4]));
        // A list drawn the same way.
        let list = r#"<ul id="g"><li><i>序号</i><i>任务</i><i>责任单位</i></li>
            <li><i>1</i><i>做好甲。</i><i>市科技局</i></li>
            <li><i>2</i><i>做好乙。</i><i>市教委</i></li></ul>"#;
        assert_eq!(shape(list), Some(vec![3, 3, 3]));
    }

    #[test]
    fn other_containers_are_not_grids() {
        let rows = r#"<div><span>1</span><span>做好甲。</span><span>市科技局</span><span>市教委</span></div>
            <div><span>2</span><span>做好乙。</span><span>市教委</span><span>市科技局</span></div>"#;
        // No header naming a task table's columns.
        let no_header = format!(
            r#"<div id="g"><div><span>甲</span><span>乙</span><span>丙</span><span>丁</span></div>{rows}</div>"#
        );
        assert_eq!(shape(&no_header), None);
        let header = r#"<div><span>序号</span><span>任务</span><span>牵头单位</span><span>配合单位</span></div>"#;
        // Too few rows.
        assert_eq!(shape(&format!(r#"<div id="g">{header}</div>"#)), None);
        // Text between the rows or between the cells: prose with inline elements.
        assert_eq!(
            shape(&format!(r#"<div id="g">{header}文字{rows}</div>"#)),
            None
        );
        let prose = r#"<div><span>1</span>和<span>做好甲。</span><span>市科技局</span><span>市教委</span></div>"#;
        assert_eq!(
            shape(&format!(r#"<div id="g">{header}{prose}{rows}</div>"#)),
            None
        );
        // Rows of different widths, or of different tags.
        let three = r#"<div><span>3</span><span>做好丙。</span><span>市教委</span></div>"#;
        assert_eq!(
            shape(&format!(r#"<div id="g">{header}{rows}{three}</div>"#)),
            None
        );
        let para =
            r#"<p><span>3</span><span>做好丙。</span><span>市教委</span><span>市科技局</span></p>"#;
        assert_eq!(
            shape(&format!(r#"<div id="g">{header}{rows}{para}</div>"#)),
            None
        );
        // Paragraphs: turned down at the first.
        assert_eq!(
            shape(r#"<div id="g"><p>一、总体要求</p><p>（一）指导思想。</p><p>正文。</p></div>"#),
            None
        );
        // No full row among the first two.
        let single = r#"<div><b>说明</b></div>"#;
        assert_eq!(
            shape(&format!(
                r#"<div id="g">{single}{single}{header}{rows}</div>"#
            )),
            None
        );
    }
}
