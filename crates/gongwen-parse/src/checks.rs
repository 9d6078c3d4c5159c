//! Consistency checks: the regression net that says when something did not parse.
//!
//! A notice that parses "cleanly" but silently lost a row must say so. These checks compare what
//! the text states (`全面落实86项改革试点任务`, `（共5项）`, `等9个工作推进组`, `附件：…`) with what
//! was parsed, and look for numbering gaps, repeats and tasks without a lead unit.

use crate::model::*;
use crate::numbering;
use crate::structure::split_top_level;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

static STATED_TASKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,4}|[一二三四五六七八九十百]{1,5})项[^，。；、：\d]{0,8}?任务")
        .expect("static regex")
});
static GROUP_COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(]共?(\d{1,4})[项条个][）)]").expect("static regex"));
static ENUMERATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"等(\d{1,3}|[一二三四五六七八九十]{1,3})(个|大|项|类|条|方面)")
        .expect("static regex")
});

fn cn_or_arabic(s: &str) -> Option<u32> {
    numbering::parse_cn_number(s)
}

/// Runs every check and appends the diagnostics to `doc`.
pub fn run(doc: &mut Document) {
    let mut diags = Vec::new();
    check_task_numbers(doc, &mut diags);
    check_stated_counts(doc, &mut diags);
    check_group_counts(doc, &mut diags);
    check_enumerations(doc, &mut diags);
    check_outline_numbers(doc, &mut diags);
    check_attachments(doc, &mut diags);
    check_page_metadata(doc, &mut diags);
    check_elements(doc, &mut diags);
    doc.diagnostics.extend(diags);
}

fn warn(code: &str, message: String, line: Option<usize>) -> Diagnostic {
    Diagnostic::new(Severity::Warning, code, message, line)
}

fn check_task_numbers(doc: &Document, out: &mut Vec<Diagnostic>) {
    let table_tasks: Vec<&Task> = doc
        .tasks
        .iter()
        .filter(|t| t.origin == TaskOrigin::Table)
        .collect();
    let mut prev: Option<&Task> = None;
    for t in &table_tasks {
        if let Some(p) = prev {
            if t.seq == p.seq {
                out.push(warn(
                    "task_number_repeat",
                    format!(
                        "task number {} appears again (expected {})",
                        t.seq,
                        p.seq + 1
                    ),
                    Some(t.line),
                ));
            } else if t.seq < p.seq && t.seq != 1 {
                out.push(warn(
                    "task_number_order",
                    format!(
                        "task number {} comes after {} (expected {})",
                        t.seq,
                        p.seq,
                        p.seq + 1
                    ),
                    Some(t.line),
                ));
            } else if t.seq > p.seq + 1 {
                out.push(warn(
                    "task_number_gap",
                    format!(
                        "task numbers jump from {} to {}: {} missing",
                        p.seq,
                        t.seq,
                        t.seq - p.seq - 1
                    ),
                    Some(t.line),
                ));
            }
        }
        prev = Some(t);
    }
    for t in &doc.tasks {
        if t.lead.is_empty() {
            out.push(warn(
                "task_without_lead",
                format!("task {} has no lead unit (牵头单位)", t.seq),
                Some(t.line),
            ));
        }
    }
}

/// Every paragraph of the document with its best-known line.
fn paragraphs(doc: &Document) -> Vec<(&str, usize)> {
    fn walk<'a>(s: &'a [Section], out: &mut Vec<(&'a str, usize)>) {
        for x in s {
            out.push((&x.heading, x.line));
            for p in &x.paragraphs {
                out.push((p, x.line));
            }
            walk(&x.children, out);
        }
    }
    let mut out: Vec<(&str, usize)> = doc
        .notice
        .body
        .iter()
        .map(|p| (p.as_str(), doc.notice.line.unwrap_or(0)))
        .collect();
    for part in &doc.parts {
        for p in &part.preamble {
            out.push((p, part.line));
        }
        walk(&part.sections, &mut out);
    }
    out
}

fn check_stated_counts(doc: &Document, out: &mut Vec<Diagnostic>) {
    let table_tasks = doc
        .tasks
        .iter()
        .filter(|t| t.origin == TaskOrigin::Table)
        .count();
    if table_tasks == 0 {
        return;
    }
    for (text, line) in paragraphs(doc) {
        for c in STATED_TASKS.captures_iter(text) {
            let Some(n) = cn_or_arabic(&c[1]) else {
                continue;
            };
            if n as usize != table_tasks {
                out.push(Diagnostic::new(
                    Severity::Warning,
                    "task_count_mismatch",
                    format!(
                        "the text states `{}` but the task table has {} tasks",
                        &c[0], table_tasks
                    ),
                    Some(line),
                ));
            }
        }
    }
}

fn check_group_counts(doc: &Document, out: &mut Vec<Diagnostic>) {
    for part in &doc.parts {
        for table in &part.tables {
            for (r, row) in table.rows.iter().enumerate().skip(table.header_rows) {
                if !crate::tasks::is_spanning_row(row) {
                    continue;
                }
                let Some(c) = GROUP_COUNT.captures(&row[0]) else {
                    continue;
                };
                let Ok(stated) = c[1].parse::<usize>() else {
                    continue;
                };
                let found = doc
                    .tasks
                    .iter()
                    .filter(|t| t.group.iter().any(|g| g == &row[0]))
                    .count();
                if found != stated {
                    out.push(warn(
                        "group_count_mismatch",
                        format!(
                            "group `{}` states {} items but {} tasks were found under it",
                            row[0], stated, found
                        ),
                        table.row_lines.get(r).copied(),
                    ));
                }
            }
        }
    }
}

fn check_enumerations(doc: &Document, out: &mut Vec<Diagnostic>) {
    for (text, line) in paragraphs(doc) {
        for c in ENUMERATION.captures_iter(text) {
            let Some(n) = cn_or_arabic(&c[1]) else {
                continue;
            };
            let Some(m) = c.get(0) else { continue };
            let before = &text[..m.start()];
            let clause_start = before
                .rfind(['，', '。', '；', '：'])
                .map(|p| p + '，'.len_utf8())
                .unwrap_or(0);
            let clause = &before[clause_start..];
            let items = split_top_level(clause, &['、']);
            if items.len() < 2 {
                continue;
            }
            if items.len() as u32 != n {
                out.push(warn(
                    "enumeration_count_mismatch",
                    format!(
                        "the text says `{}` but lists {} items before it",
                        &c[0],
                        items.len()
                    ),
                    Some(line),
                ));
            }
        }
    }
}

fn check_outline_numbers(doc: &Document, out: &mut Vec<Diagnostic>) {
    fn walk(s: &[Section], last_by_kind: &mut HashMap<String, u32>, out: &mut Vec<Diagnostic>) {
        let mut prev: Option<&Section> = None;
        for x in s {
            let kind = numbering::marker(&x.marker)
                .map(|m| format!("{:?}", m.kind))
                .unwrap_or_default();
            let expected = match prev {
                Some(p)
                    if numbering::marker(&p.marker).map(|m| format!("{:?}", m.kind))
                        == Some(kind.clone()) =>
                {
                    Some(p.number + 1)
                }
                _ => None,
            };
            match expected {
                Some(e) if x.number == e => {}
                Some(e) if x.number + 1 == e => out.push(warn(
                    "numbering_repeat",
                    format!(
                        "heading {} repeats the previous number (expected {})",
                        x.marker, e
                    ),
                    Some(x.line),
                )),
                Some(e) if x.number < e => out.push(warn(
                    "numbering_order",
                    format!("heading {} is out of order (expected {})", x.marker, e),
                    Some(x.line),
                )),
                Some(e) => out.push(warn(
                    "numbering_gap",
                    format!("heading {} skips numbers (expected {})", x.marker, e),
                    Some(x.line),
                )),
                None => {
                    // The first of a run may start at 1 or continue the numbering of the same kind
                    // from the previous parent (（五） under 二、 after （四） under 一、).
                    let cont = last_by_kind.get(&kind).map(|n| n + 1);
                    if x.number != 1 && Some(x.number) != cont {
                        out.push(warn(
                            "numbering_gap",
                            format!(
                                "heading {} starts a run (expected 1{})",
                                x.marker,
                                cont.map(|c| format!(" or {c}")).unwrap_or_default()
                            ),
                            Some(x.line),
                        ));
                    }
                }
            }
            last_by_kind.insert(kind, x.number);
            walk(&x.children, last_by_kind, out);
            prev = Some(x);
        }
    }
    for part in &doc.parts {
        walk(&part.sections, &mut HashMap::new(), out);
    }
}

fn check_attachments(doc: &Document, out: &mut Vec<Diagnostic>) {
    let listed = &doc.notice.attachments;
    let present: Vec<&Part> = doc
        .parts
        .iter()
        .filter(|p| p.kind == PartKind::Attachment)
        .collect();
    if listed.len() > present.len() {
        for a in &listed[present.len()..] {
            out.push(warn(
                "attachment_missing",
                format!(
                    "附件说明 lists `{}` but the document has no such attachment",
                    a.title
                ),
                None,
            ));
        }
    } else if present.len() > listed.len() {
        for p in &present[listed.len()..] {
            out.push(Diagnostic::new(
                Severity::Info,
                "attachment_not_listed",
                format!(
                    "attachment `{}` is not named in 附件说明",
                    p.title.as_deref().unwrap_or("")
                ),
                Some(p.line),
            ));
        }
    }
    for (a, p) in listed.iter().zip(&present) {
        if let Some(t) = &p.title {
            if t != &a.title {
                out.push(warn(
                    "attachment_title_mismatch",
                    format!(
                        "附件说明 lists `{}` but the attachment is titled `{}`",
                        a.title, t
                    ),
                    Some(p.line),
                ));
            }
        }
    }
}

fn check_page_metadata(doc: &mut Document, out: &mut Vec<Diagnostic>) {
    let Some(page) = doc.source.page.clone() else {
        return;
    };
    let n = &mut doc.notice;
    let pairs: [(&str, Option<String>, Option<String>); 4] = [
        ("标题", page.title.clone(), n.title.clone()),
        (
            "发文字号",
            page.doc_number.clone(),
            n.doc_number.as_ref().map(|d| d.raw.clone()),
        ),
        ("成文日期", page.date.clone(), n.date.clone()),
        ("发文机关", page.issuer.clone(), n.issuer.clone()),
    ];
    for (label, meta, body) in pairs {
        match (meta, body) {
            (Some(m), Some(b))
                if crate::normalize::strip_spaces(&m) != crate::normalize::strip_spaces(&b) =>
            {
                out.push(warn(
                    "page_metadata_mismatch",
                    format!("the page's {label} is `{m}` but the document reads `{b}`"),
                    None,
                ));
            }
            (Some(m), None) => {
                out.push(Diagnostic::new(
                    Severity::Info,
                    "filled_from_page",
                    format!("{label} `{m}` taken from the page's metadata"),
                    None,
                ));
                match label {
                    "标题" => n.title = Some(m),
                    "发文字号" => n.doc_number = crate::structure::parse_doc_number(&m),
                    "成文日期" => n.date = Some(m),
                    _ => n.issuer = Some(m),
                }
            }
            _ => {}
        }
    }
}

fn check_elements(doc: &Document, out: &mut Vec<Diagnostic>) {
    if doc.notice.title.is_none() && doc.source.format != SourceFormat::Xlsx {
        out.push(warn(
            "no_title",
            "no title (标题) was found at the top of the document".into(),
            None,
        ));
    }
}
