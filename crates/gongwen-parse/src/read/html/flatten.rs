//! Capping element nesting before the page is parsed.
//!
//! The HTML tree builder looks through the stack of open elements for many start tags (is a `<p>`
//! open in button scope?), so a page nested 100,000 elements deep costs it time quadratic in the
//! depth. Before parsing, the source is scanned once: start tags that would open an element
//! deeper than the limit are removed together with their end tags, so that content is flattened
//! into its ancestor, as [`crate::Limits::max_depth`] promises. Elements whose end tag is often
//! implied (`p`, `li`, `td`, `tr`…) and void elements are not counted. Removed tags leave their
//! line breaks behind, so source lines do not move. Pages within the limit are not touched.

use super::locate::markup_end;
use std::collections::HashMap;

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements the parser closes by itself, or structural ones it never nests: not counted.
fn is_uncounted(name: &str) -> bool {
    matches!(
        name,
        "p" | "li"
            | "dd"
            | "dt"
            | "option"
            | "optgroup"
            | "tr"
            | "td"
            | "th"
            | "tbody"
            | "thead"
            | "tfoot"
            | "colgroup"
            | "caption"
            | "rb"
            | "rt"
            | "rp"
            | "html"
            | "head"
            | "body"
    )
}

/// A tag at `b[i..end]`: (is an end tag, lowercase name, ends with `/>`).
fn tag_at(b: &[u8], i: usize, end: usize) -> Option<(bool, String, bool)> {
    let close = b.get(i + 1) == Some(&b'/');
    let start = if close { i + 2 } else { i + 1 };
    if !b.get(start)?.is_ascii_alphabetic() {
        return None;
    }
    let name_end = b[start..end]
        .iter()
        .position(|x| !x.is_ascii_alphanumeric())
        .map_or(end, |p| start + p);
    let name = String::from_utf8_lossy(&b[start..name_end]).to_ascii_lowercase();
    let self_closing = end >= 2 && b.get(end - 2) == Some(&b'/');
    Some((close, name, self_closing))
}

/// The source with elements deeper than `limit` removed, or `None` when no element is that deep.
pub(super) fn cap_depth(src: &str, limit: usize) -> Option<String> {
    let b = src.as_bytes();
    let mut open: Vec<String> = Vec::new();
    let mut dropped: HashMap<String, usize> = HashMap::new();
    // Byte ranges of the tags to remove.
    let mut remove: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let Some(lt) = b[i..].iter().position(|&x| x == b'<').map(|p| p + i) else {
            break;
        };
        let Some(end) = markup_end(b, lt) else {
            i = lt + 1;
            continue;
        };
        i = end;
        let Some((close, name, self_closing)) = tag_at(b, lt, end) else {
            continue;
        };
        // A raw text element's content and end tag were consumed with its start tag.
        if is_void(&name) || is_uncounted(&name) || super::locate::is_raw_text(&name) {
            continue;
        }
        if !close {
            if self_closing {
                continue;
            }
            if open.len() >= limit {
                *dropped.entry(name).or_insert(0) += 1;
                remove.push((lt, end));
            } else {
                open.push(name);
            }
            continue;
        }
        if open.last() == Some(&name) {
            open.pop();
        } else if let Some(n) = dropped.get_mut(&name).filter(|n| **n > 0) {
            *n -= 1;
            remove.push((lt, end));
        } else if let Some(pos) = open.iter().rposition(|x| *x == name) {
            open.truncate(pos);
        }
    }
    if remove.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(src.len());
    let mut from = 0;
    for (s, e) in remove {
        out.push_str(src.get(from..s).unwrap_or_default());
        // Keep the removed tag's line breaks so lines do not move.
        out.extend(
            src.get(s..e)
                .unwrap_or_default()
                .chars()
                .filter(|&c| c == '\n' || c == '\r'),
        );
        from = e;
    }
    out.push_str(src.get(from..).unwrap_or_default());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_elements_past_the_limit_are_removed() {
        assert_eq!(cap_depth("<div><div><p>x</p></div></div>", 2), None);
        assert_eq!(
            cap_depth("<div><span><b>x</b></span></div>", 2).as_deref(),
            Some("<div><span>x</span></div>")
        );
        assert_eq!(
            cap_depth("<div><div\n class=a><br/><img src=x>y</div></div>", 1).as_deref(),
            Some("<div>\n<br/><img src=x>y</div>")
        );
        // Uncounted and void elements never count.
        assert_eq!(cap_depth(&"<p>".repeat(1000), 1), None);
        assert_eq!(
            cap_depth(&"<div><script>x</script></div>".repeat(1000), 1),
            None
        );
    }
}
