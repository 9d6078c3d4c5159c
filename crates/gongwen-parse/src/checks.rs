//! Consistency checks: the regression net that says when something did not parse.
//!
//! A notice that parses "cleanly" but silently lost a row must say so. These checks compare what
//! the text states (`全面落实86项改革试点任务`, `（共5项）`, `等9个工作推进组`, `附件：…`) with what
//! was parsed, and look for numbering gaps, repeats and tasks without a lead unit.
//!
//! | code | severity | what |
//! | --- | --- | --- |
//! | `task_number_gap` / `task_number_repeat` / `task_number_order` / `task_number_restart` | warning | 序号 of table tasks not consecutive |
//! | `task_without_lead` | warning | a task with an empty lead (牵头单位) |
//! | `no_text` | warning | nothing read but head fields: no paragraph, section, table or task |
//! | `ditto_without_above` | warning | a units cell printed `同上`/`〃` with no filled cell above it in its column |
//! | `task_count_mismatch` | warning | `N项…任务` in the text ≠ tasks in the task tables |
//! | `no_task_table` / `task_table_linked` / `task_table_omitted` | warning / info / info | a 任务分工 named but no task table read / published only as a linked file / marked `（略）`, left out of the publication |
//! | `group_count_mismatch` | warning | `（共N项）` / `N项` in a group row ≠ tasks under it |
//! | `enumeration_count_mismatch` | warning | `A、B等N个…` lists more names than N, or one or two fewer (a list far shorter than N is an open one: examples and the total) |
//! | `numbering_gap` / `numbering_repeat` / `numbering_order` | warning | outline markers skip, repeat or go back |
//! | `attachment_missing` | warning | 附件说明 names an attachment the document does not hold (a table captioned with its title after the list counts as held) |
//! | `attachment_list_capped` | warning | a 附件说明 numbered past 999 (`1000．X`): the entries from it on are not read as attachments (reported by [`crate::structure`]) |
//! | `attachment_omitted` | info | 附件说明 marks an attachment left out of this publication (`（略）`, `（此略）`, `（另发）`…), a mark its title is read without |
//! | `attachment_not_listed` | info | an attachment 附件说明 does not name |
//! | `attachment_title_mismatch` | warning | the attachment's title differs from its 附件说明 entry |
//! | `invalid_date` | error | 成文日期 that is not a calendar date (reported by [`crate::structure`]) |
//! | `doc_number_unread` / `date_unread` | warning | a 发文字号 or a date line written in the usual form with figures out of range (`〔99999999999999999999〕`), not read (reported by [`crate::structure`]) |

use crate::model::*;
use crate::normalize::TrimFast as _;
use crate::normalize::{char_offsets, follows, may_be_digit, precedes};
use crate::numbering::{self, MarkerKind};
use crate::structure::{count_top_level, is_file_name};
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

static STATED_TASKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,4}|[一二三四五六七八九十百]{1,5})项[^，。；、：\d]{0,8}?任务")
        .expect("static regex")
});
static ENUMERATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"等(\d{1,3}|[一二三四五六七八九十]{1,3})(个|大|项|类|条|方面)")
        .expect("static regex")
});

/// What the checks can see of the source besides the model.
#[derive(Debug, Clone, Default)]
pub struct SourceView<'a> {
    /// Every paragraph of the source with its line, in reading order.
    pub paragraphs: Vec<(&'a str, usize)>,
    /// Source line of each entry of [`Notice::attachments`] (same order; may be shorter).
    pub attachment_lines: Vec<usize>,
    /// Whether each entry of [`Notice::attachments`] is published as a linked file (same order;
    /// may be shorter).
    pub linked: Vec<bool>,
}

/// Runs every check on a document alone and appends the diagnostics to `doc`.
///
/// Paragraph lines come from the model (a section's paragraphs report the section's line); the
/// structure builder calls [`run_with`] with the source paragraphs instead.
pub fn run(doc: &mut Document) {
    let owned = model_paragraphs(doc);
    let view = SourceView {
        paragraphs: owned.iter().map(|(t, l)| (t.as_str(), *l)).collect(),
        attachment_lines: Vec::new(),
        linked: Vec::new(),
    };
    run_with(doc, &view);
}

/// Runs every check with the source's paragraphs and appends the diagnostics to `doc`.
pub fn run_with(doc: &mut Document, view: &SourceView) {
    let mut diags = Vec::new();
    check_task_numbers(doc, &mut diags);
    check_stated_counts(doc, view, &mut diags);
    check_group_counts(doc, &mut diags);
    check_enumerations(view, &mut diags);
    check_outline_numbers(doc, &mut diags);
    check_attachments(doc, view, &mut diags);
    check_page_metadata(doc, &mut diags);
    check_elements(doc, &mut diags);
    doc.diagnostics.extend(diags);
}

fn warn(code: &str, message: String, line: Option<usize>) -> Diagnostic {
    Diagnostic::new(Severity::Warning, code, message, line)
}

/// The ranges of numbers listed under `未列序号` on a workbook's info sheet (`5、7-9` →
/// (5, 5), (7, 9)); empty for any other document.
fn skipped_numbers(doc: &Document) -> Vec<(u32, u32)> {
    let Some(listed) = doc
        .source
        .page
        .as_ref()
        .and_then(|p| p.fields.get("未列序号"))
    else {
        return Vec::new();
    };
    listed
        .split(['、', ',', '，'])
        .filter_map(|item| {
            let (a, b) = item.split_once('-').unwrap_or((item, item));
            let a = a.trim_ws().parse::<u32>().ok()?;
            let b = b.trim_ws().parse::<u32>().ok()?;
            (a <= b).then_some((a, b))
        })
        .collect()
}

fn check_task_numbers(doc: &Document, out: &mut Vec<Diagnostic>) {
    // The part (attachment) a task was read in, by its line: parts are in reading order.
    let part_of = |t: &Task| doc.parts.partition_point(|part| part.line <= t.line);
    // The numbers a workbook's 序号 column skips on purpose (`未列序号 | 5、7-9` on its info
    // sheet, as the `文档信息` sheet gongwen writes lists those of measures that assign no
    // duty): a jump over them loses no row. A row deleted since, or a workbook that lists
    // none, still reports its gap.
    let skipped = skipped_numbers(doc);
    let skips = |from: u32, to: u32| {
        skipped
            .iter()
            .any(|&(a, b)| a <= from.saturating_add(1) && to.saturating_sub(1) <= b)
    };
    let mut prev: Option<&Task> = None;
    for t in doc.tasks.iter().filter(|t| t.origin == TaskOrigin::Table) {
        // Each sheet of a workbook holds a list of its own, numbered from its own start.
        if let Some(p) = prev.filter(|p| p.sheet == t.sheet) {
            // Each attachment's table is a list of its own too (`附件1` 1, 2; `附件2` 1, 2, 3),
            // told apart by the part it is printed in.
            let new_part = t.seq == 1 && t.sheet.is_none() && part_of(t) != part_of(p);
            // Numbering that starts again under each group (`（一）` 1, 2; `（二）` 1) is no repeat;
            // nor is a number printed once in a 序号 cell merged down over two measures' rows.
            let restarts = t.seq == 1 && (t.group != p.group || new_part);
            // A number counted on past one that is no integer (`2.1` counted as 3) was never
            // printed: a row printed `3` after it repeats nothing.
            let counted_on = p.marker.is_some() && t.marker.is_none();
            if t.seq == p.seq && !restarts && !t.shares_number && !counted_on {
                out.push(warn(
                    "task_number_repeat",
                    format!(
                        "task number {} appears again (expected {})",
                        t.seq,
                        p.seq + 1
                    ),
                    Some(t.line),
                ));
            } else if t.seq == 1 && t.seq < p.seq && t.group == p.group && !new_part {
                // Numbers that start again with nothing to tell the lists apart (one list per
                // sheet, or two tables): the same number now names two tasks.
                out.push(warn(
                    "task_number_restart",
                    format!(
                        "task numbers start again at 1 after {} under the same group: two lists share numbers",
                        p.seq
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
            } else if t.seq > p.seq + 1 && !(t.sheet.is_some() && skips(p.seq, t.seq)) {
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
    // Whether a table task before names units in its lead / supporting cell.
    let mut filled_above = [false; 2];
    for t in &doc.tasks {
        // `同上`, `〃` in a units cell with no filled cell above it in its column (the table's
        // first row): the units it repeats are nowhere.
        let cells = [(&t.lead_text, "牵头单位"), (&t.support_text, "配合单位")];
        for (above, (cell, column)) in filled_above.iter_mut().zip(cells) {
            if t.origin != TaskOrigin::Table {
                break;
            }
            let ditto = crate::tasks::is_ditto(cell);
            *above |= !ditto && !cell.trim_ws().is_empty();
            if ditto && !*above {
                out.push(warn(
                    "ditto_without_above",
                    format!(
                        "task {} says `{}` in its {column} cell, but no cell above it names units",
                        t.seq,
                        cell.trim_ws()
                    ),
                    Some(t.line),
                ));
            }
        }
        if t.lead.is_empty() {
            out.push(warn(
                "task_without_lead",
                format!("task {} has no lead unit (牵头单位)", t.seq),
                Some(t.line),
            ));
        }
    }
}

/// Every paragraph of the model with its best-known line (for [`run`] without a source).
fn model_paragraphs(doc: &Document) -> Vec<(String, usize)> {
    fn walk(s: &[Section], out: &mut Vec<(String, usize)>) {
        for x in s {
            out.push((
                format!("{}{}{}", x.marker, x.heading, x.heading_suffix),
                x.line,
            ));
            for p in &x.paragraphs {
                out.push((p.clone(), x.line));
            }
            walk(&x.children, out);
        }
    }
    let mut out: Vec<(String, usize)> = doc
        .notice
        .body
        .iter()
        .map(|p| (p.clone(), doc.notice.line.unwrap_or(0)))
        .collect();
    for part in &doc.parts {
        for p in &part.preamble {
            out.push((p.clone(), part.line));
        }
        walk(&part.sections, &mut out);
    }
    out
}

/// A document that names a task allocation (任务分工) but yields no task table lost it.
/// One published only as a linked file (`附件下载：某某任务分工表.docx`) is not lost: gongwen
/// reads no file the page links to, and says so.
fn check_missing_task_table(doc: &Document, view: &SourceView, out: &mut Vec<Diagnostic>) {
    let named = doc
        .parts
        .iter()
        .filter_map(|p| p.title.as_deref().map(|t| (t, Some(p.line), false)))
        .chain(doc.notice.attachments.iter().enumerate().map(|(i, a)| {
            let linked = view.linked.get(i).copied().unwrap_or(false) || is_file_name(&a.title);
            (a.title.as_str(), None, linked)
        }))
        .find(|(t, _, _)| names_allocation(t));
    // The mark a listed title was read without (`（略）`), as the 附件说明 printed it.
    let mark = |title: &str| {
        doc.notice
            .attachments
            .iter()
            .find(|a| a.title == title || crate::structure::same_title(&a.title, title))
            .and_then(|a| a.omitted.as_deref())
    };
    match named {
        // Marked so in the 附件说明, whether or not its label and title are printed after the
        // letter with nothing under them (as portals print an attachment they leave out).
        Some((title, line, false)) if let Some(mark) = mark(title) => {
            out.push(Diagnostic::new(
                Severity::Info,
                "task_table_omitted",
                format!("`{title}{mark}` names a task allocation that is marked {mark}, left out of this publication: there is no table to read"),
                line,
            ));
        }
        Some((title, line, true)) => out.push(Diagnostic::new(
            Severity::Info,
            "task_table_linked",
            format!("`{title}` names a task allocation published as a linked file, which is not read (download it and convert it)"),
            line,
        )),
        // A part that allocates its measures in words (`1．……（牵头单位：甲；配合单位：乙）`)
        // needs no table: its tasks were read.
        Some((_, Some(line), false)) if allocates_inline(doc, line) => {}
        // `重点任务分工表（略）`: the publisher says the table is left out of this copy.
        Some((title, line, false)) if is_omitted(title) => out.push(Diagnostic::new(
            Severity::Info,
            "task_table_omitted",
            format!("`{title}` names a task allocation that is marked as left out of this publication (略): there is no table to read"),
            line,
        )),
        Some((title, line, false)) => out.push(warn(
            "no_task_table",
            format!("`{title}` names a task allocation, but no table with a lead-unit column (牵头单位, 责任单位…) was found"),
            line,
        )),
        None => {}
    }
}

/// Whether a title names a task allocation (任务分工): `某某重点任务分工表`, `某某任务清单`,
/// `某某任务分工.xlsx` (a file's name read without its extension).
fn names_allocation(t: &str) -> bool {
    let t = t
        .rsplit_once('.')
        .filter(|_| is_file_name(t))
        .map_or(t, |(stem, _)| stem);
    (t.contains("分工") && !divides_leaders_work(t))
        || (t.contains("任务") && (t.ends_with('表') || t.ends_with("清单")))
}

/// Whether a title names the division of the leaders' work (`某某县人民政府领导工作分工`,
/// `市政府负责同志分工`), which says who of the leaders is in charge of what, in prose: no
/// allocation of tasks to units, and no table to look for.
fn divides_leaders_work(t: &str) -> bool {
    let Some((before, _)) = t.split_once("分工") else {
        return false;
    };
    let before = before.strip_suffix("工作").unwrap_or(before);
    ["领导", "领导同志", "负责同志", "班子成员", "领导成员"]
        .iter()
        .any(|w| before.ends_with(w))
}

/// Whether inline tasks were read from the part that starts at `line`.
fn allocates_inline(doc: &Document, line: usize) -> bool {
    let end = doc
        .parts
        .iter()
        .map(|p| p.line)
        .filter(|&l| l > line)
        .min()
        .unwrap_or(usize::MAX);
    doc.tasks
        .iter()
        .any(|t| t.origin == TaskOrigin::Inline && (line..end).contains(&t.line))
}

fn check_stated_counts(doc: &Document, view: &SourceView, out: &mut Vec<Diagnostic>) {
    let table_tasks = doc
        .tasks
        .iter()
        .filter(|t| t.origin == TaskOrigin::Table)
        .count();
    if table_tasks == 0 {
        check_missing_task_table(doc, view, out);
        check_inline_counts(doc, view, out);
        return;
    }
    let mut said: FxHashSet<u32> = FxHashSet::default();
    for &(text, line) in &view.paragraphs {
        // A statement is a number, 项, and 任务 a few characters on: a paragraph without a
        // counted 项 (both words are common in a plan) costs a byte search.
        if !follows(text, '项', may_be_numeral) {
            continue;
        }
        let mut check = |stated: &str, number: &str| {
            let Some(n) = numbering::parse_cn_number(number) else {
                return;
            };
            // Each count stated is reported once, however many paragraphs state it.
            if n as usize != table_tasks && said.insert(n) {
                out.push(warn(
                    "task_count_mismatch",
                    format!(
                        "the text states `{stated}` but the task tables hold {table_tasks} tasks"
                    ),
                    Some(line),
                ));
            }
        };
        let forward: Vec<std::ops::Range<usize>> = match stated_task_counts(text) {
            Some(found) => found
                .iter()
                .map(|f| {
                    check(f.text(text), f.number_text(text));
                    f.number.clone()
                })
                .collect(),
            None => STATED_TASKS
                .captures_iter(text)
                .filter(|c| c.get(1).is_some_and(|m| !is_ordinal(text, m.start())))
                .filter_map(|c| {
                    check(&c[0], &c[1]);
                    c.get(1).map(|m| m.range())
                })
                .collect(),
        };
        for f in counts_after_noun(text, &forward) {
            check(f.text(text), f.number_text(text));
        }
    }
}

/// Checks the counts a notice states of the measures it allocates in its text (no task table):
/// `共10项重点任务` or `举措共10项` in the letter or a plan's preamble, `十项举措` in a title,
/// against the inline tasks. A count is borne out when it is the number of tasks, of the
/// measures they were read from (their lines), or of a part's top-level items: a statement
/// that counts something else (a count that agrees with none of them, said in an item's own
/// words) is not read, as only unnumbered paragraphs and titles are. Each number is reported
/// once.
fn check_inline_counts(doc: &Document, view: &SourceView, out: &mut Vec<Diagnostic>) {
    // The inline tasks' lines: as many as the tasks, and once deduplicated, the measures.
    let mut lines: Vec<usize> = doc
        .tasks
        .iter()
        .filter(|t| t.origin == TaskOrigin::Inline)
        .map(|t| t.line)
        .collect();
    let tasks = lines.len();
    if tasks == 0 {
        return;
    }
    lines.sort_unstable();
    lines.dedup();
    let measures = lines.len();
    let fits =
        |n: usize| n == tasks || n == measures || doc.parts.iter().any(|p| p.sections.len() == n);
    // The letter's paragraphs and the parts' preambles: what introduces the measures, not an
    // item's words (`（三）完成5项改革任务`).
    let intro: rustc_hash::FxHashSet<&str> = doc
        .notice
        .body
        .iter()
        .chain(doc.parts.iter().flat_map(|p| &p.preamble))
        .map(String::as_str)
        .filter(|t| !numbering::has_marker(t))
        .collect();
    let mut said: FxHashSet<u32> = FxHashSet::default();
    let mut check = |stated: &str, number: &str, line: Option<usize>| {
        let Some(n) = numbering::parse_cn_number(number) else {
            return;
        };
        if fits(n as usize) || !said.insert(n) {
            return;
        }
        out.push(warn(
            "task_count_mismatch",
            format!("the text states `{stated}` but {tasks} tasks are allocated in the text"),
            line,
        ));
    };
    let mut read = |text: &str, line: Option<usize>| {
        if !follows(text, '项', may_be_numeral) && !follows(text, '条', may_be_numeral) {
            return;
        }
        let forward: Vec<std::ops::Range<usize>> = match stated_task_counts(text) {
            Some(found) => found
                .iter()
                .map(|f| {
                    check(f.text(text), f.number_text(text), line);
                    f.number.clone()
                })
                .collect(),
            None => STATED_TASKS
                .captures_iter(text)
                .filter(|c| c.get(1).is_some_and(|m| !is_ordinal(text, m.start())))
                .filter_map(|c| {
                    check(&c[0], &c[1], line);
                    c.get(1).map(|m| m.range())
                })
                .collect(),
        };
        for f in counts_after_noun(text, &forward)
            .into_iter()
            .chain(stated_measure_counts(text))
        {
            check(f.text(text), f.number_text(text), line);
        }
    };
    for &(text, line) in &view.paragraphs {
        if intro.contains(text) {
            read(text, Some(line));
        }
    }
    let titles = std::iter::once((doc.notice.title.as_deref(), doc.notice.line))
        .chain(doc.parts.iter().map(|p| (p.title.as_deref(), Some(p.line))));
    for (title, line) in titles {
        if let Some(title) = title {
            read(title, line);
        }
    }
}

/// Counts of measures (`举措`, `措施`) stated before or after their noun: `十项举措`, `20条政策措施`
/// (the number, `项` or `条`, at most four characters, the noun), `举措共10项`, `措施共计10条`.
fn stated_measure_counts(text: &str) -> Vec<Found> {
    const NOUNS: [&str; 2] = ["举措", "措施"];
    let mut out = Vec::new();
    for (at, c) in text.char_indices().filter(|&(_, c)| c == '项' || c == '条') {
        let Some(start) = number_before(text, at, 3, 3) else {
            continue;
        };
        let after = at + c.len_utf8();
        // `十项举措`, `20条政策措施`: the noun after a few words without a stop or a number.
        let mut tail = &text[after..];
        let mut end = None;
        for _ in 0..=4 {
            if let Some(noun) = NOUNS.iter().find(|n| tail.starts_with(**n)) {
                end = Some(text.len() - tail.len() + noun.len());
                break;
            }
            let Some(next) = tail.chars().next() else {
                break;
            };
            if next.is_ascii_digit() || numbering::is_cn_numeral(next) || !is_han(next) {
                break;
            }
            tail = &tail[next.len_utf8()..];
        }
        if let Some(end) = end {
            out.push(Found {
                whole: start..end,
                number: start..at,
            });
            continue;
        }
        // `举措共10项`, `措施共计10条`.
        let before = &text[..start];
        let noun = without_total_word(before);
        if let Some(n) = NOUNS.iter().find(|n| noun.ends_with(**n)) {
            out.push(Found {
                whole: noun.len() - n.len()..after,
                number: start..at,
            });
        }
    }
    out
}

/// Whether `c` is a CJK ideograph.
fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// A match read by hand: where the whole of it and its number stand.
#[derive(Debug, PartialEq)]
struct Found {
    whole: std::ops::Range<usize>,
    number: std::ops::Range<usize>,
}

impl Found {
    /// The match in the `text` it was read from.
    fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.whole.clone()).unwrap_or_default()
    }

    /// Its number in the `text` it was read from.
    fn number_text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.number.clone()).unwrap_or_default()
    }
}

/// A character the regexes' `\d` may match that the readers below do not read (a digit of
/// another script): they then leave the paragraph to the regex.
fn foreign_digit(c: char) -> bool {
    !c.is_ascii() && may_be_digit(c)
}

/// The matches of [`STATED_TASKS`] in `text`, read from the 项 that follow a numeral instead of
/// by a capture search (which costs several times the whole check on prose); `None` when a
/// digit of another script stands where the regex could read it.
fn stated_task_counts(text: &str) -> Option<Vec<Found>> {
    const NUMERALS: [char; 11] = numbering::NUMERALS_TO_HUNDRED;
    let mut out = Vec::new();
    let mut last_end = 0;
    for at in char_offsets(text, '项') {
        let head = text.get(..at)?;
        let Some(prev) = head.chars().next_back() else {
            continue;
        };
        // The regex's number is the last 4 digits, or the last 5 numerals, before 项.
        let start = if prev.is_ascii_digit() {
            let run = head.bytes().rev().take_while(u8::is_ascii_digit).count();
            if head[..head.len() - run]
                .chars()
                .next_back()
                .is_some_and(foreign_digit)
            {
                return None;
            }
            at - run.min(4)
        } else if foreign_digit(prev) {
            return None;
        } else {
            let run = trailing_numerals(head, &NUMERALS);
            if run == 0 {
                continue;
            }
            at - '一'.len_utf8() * run.min(5)
        };
        // Inside the last match: the regex goes on after it. An ordinal (`第1000项…任务`)
        // counts nothing.
        if start < last_end || is_ordinal(text, start) {
            continue;
        }
        // Then 任务 after at most 8 characters that are not `，。；、：` or digits.
        let mut tail = text.get(at + '项'.len_utf8()..)?;
        let mut end = None;
        for taken in 0..=8 {
            if tail.starts_with("任务") {
                end = Some(text.len() - tail.len() + "任务".len());
                break;
            }
            let Some(c) = tail.chars().next().filter(|_| taken < 8) else {
                break;
            };
            if matches!(c, '，' | '。' | '；' | '、' | '：') || c.is_ascii_digit() {
                break;
            }
            if foreign_digit(c) {
                return None;
            }
            tail = &tail[c.len_utf8()..];
        }
        if let Some(end) = end {
            out.push(Found {
                whole: start..end,
                number: start..at,
            });
            last_end = end;
        }
    }
    Some(out)
}

/// How many of `numerals` end `head` in a run.
/// `before` without the `共` or `共计` that may stand between a noun and its count (`任务共计6项`).
fn without_total_word(before: &str) -> &str {
    before
        .strip_suffix("共计")
        .or_else(|| before.strip_suffix('共'))
        .unwrap_or(before)
}

/// Where the number that ends at byte `at` of `text` starts: 1 to `max_digits` ASCII digits, or
/// else 1 to `max_numerals` Chinese numerals ([`numbering::NUMERALS_TO_HUNDRED`]); `None` when
/// no number ends there, it is longer, or it is an ordinal ([`is_ordinal`]).
fn number_before(text: &str, at: usize, max_digits: usize, max_numerals: usize) -> Option<usize> {
    let head = text.get(..at)?;
    let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    let start = if digits > 0 {
        (digits <= max_digits).then(|| at - digits)
    } else {
        let run = trailing_numerals(head, &numbering::NUMERALS_TO_HUNDRED);
        (run > 0 && run <= max_numerals).then(|| at - '一'.len_utf8() * run)
    }?;
    (!is_ordinal(text, start)).then_some(start)
}

/// Whether the number that starts at byte `start` of `text` is an ordinal: `第` right before its
/// digits or numerals (`第1000项重点改革任务`, `第三项任务`, `第十条措施`) — the place of one
/// item, never a count.
fn is_ordinal(text: &str, start: usize) -> bool {
    text.get(..start)
        .is_some_and(|head| head.trim_end_matches(may_be_numeral).ends_with('第'))
}

fn trailing_numerals(head: &str, numerals: &[char]) -> usize {
    head.chars()
        .rev()
        .take_while(|c| numerals.contains(c))
        .count()
}

/// Counts of tasks stated after their noun (`重点任务共6项`, `主要任务共计6项`, `任务6项`; not
/// `项目`), other than those `forward` (the [`STATED_TASKS`] matches) already holds: 1 to 4
/// digits or 1 to 5 numerals before 项, after 任务 and perhaps `共` or `共计`.
fn counts_after_noun(text: &str, forward: &[std::ops::Range<usize>]) -> Vec<Found> {
    let mut out = Vec::new();
    for at in char_offsets(text, '项') {
        if text[at..].starts_with("项目") || forward.iter().any(|r| r.end == at) {
            continue;
        }
        let Some(start) = number_before(text, at, 4, 5) else {
            continue;
        };
        let before = &text[..start];
        let noun = without_total_word(before);
        if let Some(rest) = noun.strip_suffix("任务") {
            out.push(Found {
                whole: rest.len()..at + '项'.len_utf8(),
                number: start..at,
            });
        }
    }
    out
}

/// The matches of [`ENUMERATION`] in `text`, read from the 等 that precede a numeral instead of
/// by a capture search; `None` when a digit of another script stands where the regex could read
/// it. (A match holds no 等, so the matches found from each 等 never overlap.)
fn enumeration_counts(text: &str) -> Option<Vec<Found>> {
    const NUMERALS: [char; 10] = numbering::NUMERALS_TO_TEN;
    const UNITS: [&str; 6] = ["个", "大", "项", "类", "条", "方面"];
    let mut out = Vec::new();
    for at in char_offsets(text, '等') {
        let from = at + '等'.len_utf8();
        let rest = text.get(from..)?;
        let Some(first) = rest.chars().next() else {
            continue;
        };
        // 1 to 3 digits, or 1 to 3 numerals, then a unit.
        let (bytes, count) = if first.is_ascii_digit() {
            let run = rest.bytes().take_while(u8::is_ascii_digit).count();
            if rest[run..].chars().next().is_some_and(foreign_digit) {
                return None;
            }
            (run, run)
        } else if foreign_digit(first) {
            return None;
        } else {
            let run = rest.chars().take_while(|c| NUMERALS.contains(c)).count();
            (run * '一'.len_utf8(), run)
        };
        if !(1..=3).contains(&count) {
            continue;
        }
        let after = &rest[bytes..];
        if let Some(unit) = UNITS.iter().find(|u| after.starts_with(**u)) {
            out.push(Found {
                whole: at..from + bytes + unit.len(),
                number: from..from + bytes,
            });
        }
    }
    Some(out)
}

/// The count a group row states at its end, if any: `（共5项）`, `(5项)`, `方面5项：`,
/// `（共五项）` — 1 to 4 digits or 1 to 5 Chinese numerals before `项`, `条` or `个` in brackets,
/// or 1 to 4 digits before a bare `项` (the last four of a longer run), then perhaps `。` or `：`.
///
/// Read by hand, not by a regex: compiling one cost a one-file run 1.1M instructions.
pub fn stated_group_count(text: &str) -> Option<usize> {
    const NUMERALS: [char; 11] = numbering::NUMERALS_TO_HUNDRED;
    let core = text.strip_suffix(['。', '：', ':']).unwrap_or(text);
    let trailing_digits = |s: &str| s.bytes().rev().take_while(u8::is_ascii_digit).count();
    let number = if let Some(inner) = core.strip_suffix(['）', ')']) {
        let inner = inner.strip_suffix(['项', '条', '个'])?;
        let digits = trailing_digits(inner);
        let (before, number) = if digits > 0 {
            (digits <= 4).then(|| inner.split_at(inner.len() - digits))?
        } else {
            let numerals = inner
                .char_indices()
                .rev()
                .take_while(|(_, c)| NUMERALS.contains(c))
                .take(6)
                .collect::<Vec<_>>();
            let &(start, _) = numerals.last()?;
            (numerals.len() <= 5).then(|| inner.split_at(start))?
        };
        let before = before.strip_suffix('共').unwrap_or(before);
        before.ends_with(['（', '(']).then_some(number)?
    } else {
        let inner = core.strip_suffix('项')?;
        let digits = trailing_digits(inner);
        if digits == 0 {
            return None;
        }
        inner.get(inner.len() - digits.min(4)..)?
    };
    numbering::parse_cn_number(number).map(|n| n as usize)
}

fn check_group_counts(doc: &Document, out: &mut Vec<Diagnostic>) {
    // How many tasks sit under each group text (one pass over the tasks).
    let mut under: FxHashMap<&str, usize> = FxHashMap::default();
    for t in &doc.tasks {
        for g in &t.group {
            *under.entry(g.as_str()).or_default() += 1;
        }
    }
    // The group column cells already checked.
    let mut column_groups: FxHashSet<&str> = FxHashSet::default();
    for part in &doc.parts {
        // Only task tables count tasks: a list of names or projects (a 名录) states counts of
        // its own rows.
        let task_tables = part.tables.iter().filter_map(|t| {
            crate::tasks::column_roles(&crate::tasks::column_names(t)).map(|roles| (t, roles))
        });
        for (table, roles) in task_tables {
            // The group columns (`一级分组`, `类别`), whose cells name a group as a group row
            // does: `一、产业链招商（共3项）` merged down over its tasks' rows, or printed in each
            // of them as gongwen's own workbook prints its groups. Each group is checked once,
            // at its first row.
            let group_cols: Vec<usize> = roles
                .iter()
                .enumerate()
                .filter(|(_, r)| **r == crate::tasks::ColumnRole::Group)
                .map(|(c, _)| c)
                .collect();
            for (r, row) in table.rows.iter().enumerate().skip(table.header_rows) {
                let Some(text) = crate::tasks::group_row_text(row) else {
                    for cell in group_cols.iter().filter_map(|&c| row.get(c)) {
                        let Some(stated) = stated_group_count(cell) else {
                            continue;
                        };
                        if !column_groups.insert(cell.as_str()) {
                            continue;
                        }
                        let found = under.get(cell.as_str()).copied().unwrap_or(0);
                        if found != stated {
                            out.push(warn(
                                "group_count_mismatch",
                                format!("group `{cell}` states {stated} items but {found} tasks were found under it"),
                                table.row_lines.get(r).copied().or(Some(table.line)),
                            ));
                        }
                    }
                    continue;
                };
                let Some(stated) = stated_group_count(text) else {
                    continue;
                };
                let found = under.get(text).copied().unwrap_or(0);
                if found != stated {
                    out.push(warn(
                        "group_count_mismatch",
                        format!("group `{text}` states {stated} items but {found} tasks were found under it"),
                        table.row_lines.get(r).copied().or(Some(table.line)),
                    ));
                }
            }
        }
    }
    if doc.tasks.iter().any(|t| t.origin == TaskOrigin::Inline) {
        let mut heading = String::new();
        for part in &doc.parts {
            check_heading_counts(&part.sections, &under, &mut heading, out);
        }
    }
}

/// The counts headings state in brackets (`一、经济体制改革（4项）`) of the measures under them
/// that allocate their duties in the text, against the tasks grouped under the heading (`under`,
/// by group text). Only a heading some task is grouped under is asked, and a count that is the
/// number of its items is borne out (an item without an allocation is no task, not lost).
fn check_heading_counts(
    sections: &[Section],
    under: &FxHashMap<&str, usize>,
    heading: &mut String,
    out: &mut Vec<Diagnostic>,
) {
    for s in sections {
        // Nearly every heading states no count: its last characters turn it down.
        if s.heading.ends_with(['）', ')']) {
            heading.clear();
            crate::tasks::push_group_heading(heading, s);
            if let Some(stated) = stated_group_count(heading)
                && let Some(&found) = under.get(heading.as_str())
                && found != stated
                && s.children.len() != stated
            {
                out.push(warn(
                    "group_count_mismatch",
                    format!("group `{heading}` states {stated} items but {found} tasks were found under it"),
                    Some(s.line),
                ));
            }
        }
        check_heading_counts(&s.children, under, heading, out);
    }
}

/// A character that may stand in a number the count regexes read: a digit ([`may_be_digit`]) or
/// a Chinese numeral (a superset of both regexes' classes).
fn may_be_numeral(c: char) -> bool {
    may_be_digit(c) || numbering::is_cn_numeral(c)
}

fn check_enumerations(view: &SourceView, out: &mut Vec<Diagnostic>) {
    for &(text, line) in &view.paragraphs {
        // Every match is `等` and a number: a paragraph without one (`等` is a common word)
        // costs a byte search.
        if !precedes(text, '等', may_be_numeral) {
            continue;
        }
        let mut check = |start: usize, stated: &str, number: &str| {
            let Some(n) = numbering::parse_cn_number(number) else {
                return;
            };
            let before = &text[..start];
            // The clause the list is in; in the first, after the block's own marker (`二、`
            // is no item of `二、北京、上海等2个城市`).
            let clause_start = before
                .rfind(['，', '。', '；', '：'])
                .map(|p| p + '，'.len_utf8())
                .unwrap_or_else(|| numbering::marker_len(before));
            let clause = before.get(clause_start..).unwrap_or_default();
            let items = count_top_level(clause, &['、']);
            // `住房贷款利息或者住房租金` names two items inside one `、` slot.
            let joined = clause.matches("或者").count() + clause.matches("以及").count();
            if items < 2 || items == n as usize || items + joined == n as usize {
                return;
            }
            // `甲牵头，乙、丙、丁、戊等5个部门配合`: the count takes in the units that lead,
            // named in the clause before.
            let leading = clause_start
                .checked_sub('，'.len_utf8())
                .filter(|&at| before[at..].starts_with('，'))
                .and_then(|at| {
                    let prev = &before[..at];
                    let from = prev
                        .rfind(['，', '。', '；', '：', '（'])
                        .map_or(0, |p| p + '，'.len_utf8());
                    let prev = prev.get(from..)?;
                    prev.strip_suffix("牵头")
                        .or_else(|| prev.strip_suffix("牵头负责"))
                })
                .map_or(0, |units| count_top_level(units, &['、']));
            if leading > 0 && items + leading == n as usize {
                return;
            }
            // `北京、上海等20个城市`, `长沙市、岳阳市等14个市州` is an open list (等 = "and
            // others": examples and the total, the common wording of 决定, 通报 and 意见), no
            // mismatch; a list short by one or two, or longer than stated, is a contradiction.
            if items < n as usize && n as usize - items > 2 {
                return;
            }
            out.push(Diagnostic::new(
                Severity::Warning,
                "enumeration_count_mismatch",
                format!("the text says `{stated}` but lists {items} items before it"),
                Some(line),
            ));
        };
        match enumeration_counts(text) {
            Some(found) => found
                .iter()
                .for_each(|f| check(f.whole.start, f.text(text), f.number_text(text))),
            None => ENUMERATION.captures_iter(text).for_each(|c| {
                if let Some(m) = c.get(0) {
                    check(m.start(), &c[0], &c[1]);
                }
            }),
        }
    }
}

fn check_outline_numbers(doc: &Document, out: &mut Vec<Diagnostic>) {
    /// The last number seen of each marker kind, across parents: `（五）` under `二、` may continue
    /// `（四）` under `一、`.
    type Last = [Option<u32>; MarkerKind::COUNT];
    fn walk(s: &[Section], last: &mut Last, out: &mut Vec<Diagnostic>) {
        let mut prev: Option<(MarkerKind, u32)> = None;
        for x in s {
            let Some(kind) = numbering::marker_kind(&x.marker) else {
                walk(&x.children, last, out);
                continue;
            };
            let n = x.number;
            // An inserted article (`第二十条之一` after 第二十条) takes the number it follows.
            let inserted = kind.is_ordinal() && numbering::inserted_number(&x.marker).is_some();
            match prev.filter(|(k, _)| *k == kind) {
                Some((_, p)) if n == p + 1 || (inserted && n == p) => {}
                Some((_, p)) if n == p => out.push(warn(
                    "numbering_repeat",
                    format!(
                        "heading {} repeats the previous number (expected {})",
                        x.marker,
                        p + 1
                    ),
                    Some(x.line),
                )),
                Some((_, p)) if n < p => out.push(warn(
                    "numbering_order",
                    format!("heading {} is out of order (expected {})", x.marker, p + 1),
                    Some(x.line),
                )),
                Some((_, p)) => out.push(warn(
                    "numbering_gap",
                    format!(
                        "heading {} skips {} number(s) (expected {})",
                        x.marker,
                        n - p - 1,
                        p + 1
                    ),
                    Some(x.line),
                )),
                None => {
                    // The first of a run starts at 1 or continues the previous run of its kind.
                    let before = last[kind.index()];
                    let cont = before.map(|b| b + 1);
                    if n != 1 && Some(n) != cont && !(inserted && before == Some(n)) {
                        let expected = cont
                            .map(|c| format!("1 or {c}"))
                            .unwrap_or_else(|| "1".into());
                        let (code, what) = match before {
                            Some(b) if n == b => {
                                ("numbering_repeat", "repeats the previous number")
                            }
                            Some(b) if n < b => ("numbering_order", "is out of order"),
                            _ => ("numbering_gap", "starts a run with a gap"),
                        };
                        out.push(warn(
                            code,
                            format!("heading {} {what} (expected {expected})", x.marker),
                            Some(x.line),
                        ));
                    }
                }
            }
            last[kind.index()] = Some(n);
            prev = Some((kind, n));
            walk(&x.children, last, out);
        }
    }
    for part in &doc.parts {
        walk(&part.sections, &mut [None; MarkerKind::COUNT], out);
    }
}

/// The number of an attachment label: `附件2` → 2, `附件二` → 2, `附件` → `None`; also a
/// plan's schedule's, listed as an attachment: `附表2` → 2.
fn label_number(label: &str) -> Option<u32> {
    numbering::parse_cn_number(
        label
            .strip_prefix("附件")
            .or_else(|| label.strip_prefix("附表"))?,
    )
}

fn check_attachments(doc: &Document, view: &SourceView, out: &mut Vec<Diagnostic>) {
    // A workbook (or CSV) is a table without a letter: there is no 附件说明 to compare with. Nor
    // is there one in an attachment published alone (a page or file of nothing but the
    // attachment a notice links to).
    if doc.source.format.is_table_file()
        || (doc.notice.attachments.is_empty()
            && !doc.parts.is_empty()
            && doc.parts.iter().all(|p| p.kind == PartKind::Attachment))
    {
        return;
    }
    let listed = &doc.notice.attachments;
    let present: Vec<&Part> = doc
        .parts
        .iter()
        .filter(|p| p.kind == PartKind::Attachment)
        .collect();
    // Pair listed entries with attachments: by number when both are numbered, else in order.
    let mut pair_of_listed: Vec<Option<usize>> = vec![None; listed.len()];
    let mut paired = vec![false; present.len()];
    // The attachments bearing each number, in order, each list read from its first one not
    // yet paired: a lookup, not a search through every attachment for every entry.
    let mut numbered: FxHashMap<u32, (usize, Vec<usize>)> = FxHashMap::default();
    for (j, p) in present.iter().enumerate() {
        if let Some(n) = p.label.as_deref().and_then(label_number) {
            numbered.entry(n).or_default().1.push(j);
        }
    }
    for (i, a) in listed.iter().enumerate() {
        let by_number = a.index.and_then(|n| {
            let (next, js) = numbered.get_mut(&n)?;
            while js.get(*next).is_some_and(|&j| paired[j]) {
                *next += 1;
            }
            js.get(*next).copied()
        });
        let positional = || {
            let p = present.get(i)?;
            let free = paired.get(i) == Some(&false);
            let compatible =
                a.index.is_none() || p.label.as_deref().and_then(label_number).is_none();
            (free && compatible).then_some(i)
        };
        let found = by_number.or_else(positional);
        if let Some(j) = found {
            paired[j] = true;
            pair_of_listed[i] = Some(j);
        }
    }
    // A table under the listed title after the list: the attachment printed without its
    // `附件` label (a page that sets the title and the table straight after the 附件说明).
    let captioned_after = |title: &str, line: Option<usize>| {
        doc.parts.iter().flat_map(|p| &p.tables).any(|t| {
            line.is_none_or(|l| t.line > l)
                && t.caption
                    .as_deref()
                    .is_some_and(|c| crate::structure::same_title(c, title))
        })
    };
    for (i, a) in listed.iter().enumerate() {
        let line = view.attachment_lines.get(i).copied();
        match pair_of_listed[i] {
            // Published as a file of its own (`附件下载：…pdf`): not in the page by design.
            None if is_file_name(&a.title) => {}
            // Listed, and linked as a file of its own (`附件下载：1.X.docx`).
            None if view.linked.get(i) == Some(&true) => {}
            // Listed as left out of this copy (`2．某某报告模板（略）`): missing by design, and
            // said, as the title is read without the mark. A task allocation so marked is said
            // by `task_table_omitted` when no task table was read.
            None if let Some(mark) = a.omitted.as_deref() => {
                let said = names_allocation(&a.title)
                    && !doc.tasks.iter().any(|t| t.origin == TaskOrigin::Table);
                if !said {
                    let number = a.index.map(|n| n.to_string()).unwrap_or_default();
                    out.push(Diagnostic::new(
                        Severity::Info,
                        "attachment_omitted",
                        format!(
                            "附件{number} `{}` is marked `{mark}` in the 附件说明: not published with this text",
                            a.title
                        ),
                        line,
                    ));
                }
            }
            None if is_omitted(&a.title) => {}
            None if captioned_after(&a.title, line) => {}
            None => out.push(warn(
                "attachment_missing",
                format!(
                    "附件说明 lists `{}` but the document has no such attachment",
                    a.title
                ),
                line,
            )),
            Some(j) => {
                let p = present[j];
                if let Some(t) = &p.title
                    && !crate::structure::same_title(t, &a.title)
                {
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
    // An enclosed document's own 附件说明, which closes its part, names its attachments.
    let listed_by_enclosure = |title: &str| {
        let key = crate::structure::title_key(title);
        !key.is_empty()
            && doc.parts.iter().any(|part| {
                part.kind != PartKind::Attachment
                    && part.closing.iter().any(|l| l.starts_with('附'))
                    && part
                        .closing
                        .iter()
                        .any(|l| crate::structure::title_key(l).contains(&key))
            })
    };
    for (j, p) in present.iter().enumerate() {
        if !paired[j] && !p.title.as_deref().is_some_and(listed_by_enclosure) {
            out.push(Diagnostic::new(
                Severity::Info,
                "attachment_not_listed",
                format!(
                    "attachment `{}{}` is not named in 附件说明",
                    p.label
                        .as_deref()
                        .map(|l| format!("{l} "))
                        .unwrap_or_default(),
                    p.title.as_deref().unwrap_or("")
                ),
                Some(p.line),
            ));
        }
    }
}

/// Whether the page's `label` value `m` names what the document reads as `b` in other words:
/// an organ with or without `中华人民共和国` (`国务院`, `中华人民共和国国务院`); an order's number
/// printed bare under its head (`第765号` under `中华人民共和国国务院令`) and the page's with the
/// head's short form (`国令第765号`); an order titled by its head (`中华人民共和国国务院令`) whose
/// page is titled by the regulation it makes (`enclosed`, its enclosures' titles).
fn same_page_value(
    label: &str,
    m: &str,
    b: &str,
    number: Option<&DocNumber>,
    enclosed: &[&str],
) -> bool {
    let order = |t: &str| t.ends_with('令');
    match label {
        "发文机关" => {
            fn bare(o: &str) -> &str {
                o.trim_ws().trim_start_matches("中华人民共和国")
            }
            bare(m) == bare(b) || same_organ_short_form(m, b) || same_organ_short_form(b, m)
        }
        "发文字号" => number.is_some_and(|n| {
            (b.starts_with('第')
                && order(&n.agency)
                && m.trim_ws().ends_with(b)
                && m.contains('令'))
                || same_number(m, n)
        }),
        "标题" => order(b) && enclosed.iter().any(|t| crate::structure::same_title(t, m)),
        _ => false,
    }
}

/// Whether the title `full` is `short` with its issuer before it: `short` opens with `关于`, and
/// `full` is a few characters more that name the organs (no `关于` of their own).
fn is_issuer_plus(full: &str, short: &str) -> bool {
    let full = crate::normalize::strip_spaces(full);
    let short = crate::normalize::strip_spaces(short);
    short.starts_with("关于")
        && full.len() > short.len()
        && full.ends_with(short.as_ref())
        && full
            .get(..full.len() - short.len())
            .is_some_and(|organ| !organ.contains("关于") && organ.chars().count() <= 60)
}

/// Whether the page's number `m` is the document's `n` written otherwise: the same 机关代字,
/// year and serial, the serial with a leading zero (`合政办〔2023〕09号` for `合政办〔2023〕9号`) or
/// the year in other brackets.
fn same_number(m: &str, n: &DocNumber) -> bool {
    let m = crate::normalize::strip_spaces(m);
    crate::structure::parse_doc_number(&m).is_some_and(|p| {
        p.serial.is_some() && p.agency == n.agency && p.year == n.year && p.serial == n.serial
    })
}

/// Whether the organ `short` is `full` as its own government's sites name it, without the place
/// name and with `政府` for `人民政府` (`市政府办公室` for `合肥市人民政府办公室`, `县财政局` for
/// `某某县财政局`): `full` ends with `short`, once both say `政府`, and `short` opens with the
/// level of the place (`省`, `市`, `县`, `区`…) that `full` names before it.
fn same_organ_short_form(short: &str, full: &str) -> bool {
    let short = crate::normalize::strip_spaces(short).replace("人民政府", "政府");
    let full = crate::normalize::strip_spaces(full).replace("人民政府", "政府");
    let Some(level) = short.chars().next() else {
        return false;
    };
    matches!(level, '省' | '市' | '县' | '区' | '州' | '盟' | '旗')
        && short.chars().count() >= 3
        && full.len() > short.len()
        && full.ends_with(short.as_str())
        // The place name before it: Han characters only, a few of them (not another organ).
        && full[..full.len() - short.len()]
            .chars()
            .all(crate::normalize::is_han)
        && (1..=8).contains(&full[..full.len() - short.len()].chars().count())
}

fn check_page_metadata(doc: &mut Document, out: &mut Vec<Diagnostic>) {
    let table_file = doc.source.format.is_table_file();
    let Some(page) = doc.source.page.as_ref() else {
        return;
    };
    // An order's page (a 国务院令 on gov.cn) titles it by the regulation it makes, the title of
    // the order's enclosure.
    let enclosed: Vec<&str> = doc
        .parts
        .iter()
        .filter(|p| p.kind == PartKind::Enclosure)
        .filter_map(|p| p.title.as_deref())
        .collect();
    let n = &mut doc.notice;
    for label in ["标题", "发文字号", "成文日期", "发文机关"] {
        let (meta, body) = match label {
            "标题" => (&page.title, n.title.as_deref()),
            "发文字号" => (
                &page.doc_number,
                n.doc_number.as_ref().map(|d| d.raw.as_str()),
            ),
            "成文日期" => (&page.date, n.date.as_deref()),
            _ => (&page.issuer, n.issuer.as_deref()),
        };
        // `发文字号：无`: the page says there is none.
        let Some(m) = meta.as_deref().filter(|m| !crate::tasks::is_no_unit(m)) else {
            continue;
        };
        match body {
            // A joint notice on one of its organs' sites, which lists it under its own name
            // (`发文机关：财政部` for `财政部、工业和信息化部`): the page names one of the issuers.
            Some(b) if label == "发文机关" && b.split('、').any(|o| o.trim_ws() == m.trim_ws()) =>
                {}
            Some(b) if same_page_value(label, m, b, n.doc_number.as_ref(), &enclosed) => {}
            // A title read without its issuer (a site's shortened headline, `关于……的通知`) where
            // the page's metadata prints it whole (`某某市人民政府办公室关于……的通知`): the whole one.
            Some(b) if label == "标题" && is_issuer_plus(m, b) => {
                out.push(Diagnostic::new(
                    Severity::Info,
                    "filled_from_page",
                    format!(
                        "标题 `{m}` taken from the page's metadata (the document reads `{b}`, without its issuer)"
                    ),
                    None,
                ));
                n.title = Some(m.to_string());
            }
            Some(b) if crate::normalize::strip_spaces(m) != crate::normalize::strip_spaces(b) => {
                out.push(warn(
                    "page_metadata_mismatch",
                    format!("the page's {label} is `{m}` but the document reads `{b}`"),
                    None,
                ));
            }
            Some(_) => {}
            None => {
                out.push(Diagnostic::new(
                    Severity::Info,
                    "filled_from_page",
                    format!("{label} `{m}` taken from the page's metadata"),
                    None,
                ));
                match label {
                    "标题" => n.title = Some(m.to_string()),
                    "发文字号" => n.doc_number = crate::structure::parse_doc_number(m),
                    "成文日期" => n.date = Some(m.to_string()),
                    _ => n.issuer = Some(m.to_string()),
                }
            }
        }
    }
    // The letter's other elements, which a page's metadata seldom names but a workbook's info
    // sheet does (ours among them): taken only where the document has none, and said so.
    let field = |labels: &[&str]| {
        labels
            .iter()
            .find_map(|l| page.fields.get(*l))
            .map(|v| v.trim_ws())
            .filter(|v| !v.is_empty())
    };
    let mut filled = |label: &str, value: &str| {
        out.push(Diagnostic::new(
            Severity::Info,
            "filled_from_page",
            format!("{label} `{value}` taken from the page's metadata"),
            None,
        ));
    };
    if n.addressees.is_empty()
        && let Some(v) = field(&["主送机关", "主送"])
    {
        filled("主送机关", v);
        n.addressees = crate::structure::split_top_level(v, &['，', ','])
            .into_iter()
            .map(|a| a.trim_ws().to_string())
            .filter(|a| !a.is_empty())
            .collect();
    }
    if n.signature.is_none()
        && let Some(v) = field(&["署名"])
    {
        filled("署名", v);
        n.signature = Some(v.to_string());
    }
    if n.note.is_none()
        && let Some(v) = field(&["附注"])
    {
        filled("附注", v);
        n.note = Some(v.to_string());
    }
    // The marks of a letter that a workbook's info sheet lists besides (the `文档信息` sheet
    // gongwen writes does): its 签发人, 抄送机关, 印发机关 and 印发日期, the attachments of its
    // 附件说明 and a 纪要's attendance. Only from a table file's info sheet: a page's metadata
    // that prints `印发日期` means the date the letter was signed.
    if table_file {
        fill_letter_marks(n, page, &mut filled);
    }
}

/// Fills the notice's 签发人, 抄送机关, 印发机关/印发日期, 附件说明 and attendance from an info
/// sheet's `fields` (see [`check_page_metadata`]), each only where the document has none.
fn fill_letter_marks(n: &mut Notice, page: &PageMeta, filled: &mut impl FnMut(&str, &str)) {
    let field = |label: &str| {
        page.fields
            .get(label)
            .map(|v| v.trim_ws())
            .filter(|v| !v.is_empty())
    };
    let list = |v: &str, seps: &[char]| -> Vec<String> {
        crate::structure::split_top_level(v, seps)
            .into_iter()
            .map(|a| a.trim_ws().to_string())
            .filter(|a| !a.is_empty())
            .collect()
    };
    if n.signers.is_empty()
        && let Some(v) = field("签发人")
    {
        filled("签发人", v);
        n.signers = list(v, &['、', '，', ',']);
    }
    if n.copied_to.is_empty()
        && let Some(v) = ["抄送机关", "抄送"].into_iter().find_map(field)
    {
        filled("抄送机关", v);
        n.copied_to = list(v, &['，', ',', '；', ';']);
    }
    if n.printed_by.is_none()
        && let Some(v) = field("印发机关")
    {
        filled("印发机关", v);
        n.printed_by = Some(v.to_string());
    }
    if n.printed_on.is_none()
        && let Some(v) = field("印发日期")
    {
        filled("印发日期", v);
        n.printed_on = Some(v.to_string());
    }
    let fill_attachments = n.attachments.is_empty();
    let fill_attendance = n.attendance.is_empty();
    for (label, value) in &page.fields {
        let value = value.trim_ws();
        if value.is_empty() {
            continue;
        }
        if fill_attachments && crate::structure::is_attachment_label(label) {
            filled(label, value);
            let index = label
                .strip_prefix("附件")
                .and_then(numbering::parse_cn_number);
            let mut title = value.to_string();
            let omitted = omission_mark(&title).map(|at| {
                let mark = title[at..].trim_end_ws().to_string();
                title.truncate(at);
                title.truncate(title.trim_end_ws().len());
                mark
            });
            n.attachments.push(AttachmentRef {
                index,
                title,
                omitted,
            });
        } else if fill_attendance && crate::structure::is_attendance_role(label) {
            filled(label, value);
            n.attendance.push(Attendance {
                role: label.clone(),
                names: list(value, &['、', '，', ',', '；', ';']),
            });
        }
    }
}

fn check_elements(doc: &Document, out: &mut Vec<Diagnostic>) {
    // Nothing read but head fields: a page whose article is out of reach (in a frame, filled in
    // by a script, or a linked PDF), or a file that holds no document. A batch run's `check`
    // must not call it clean.
    let no_text = doc.notice.body.is_empty()
        && doc.tasks.is_empty()
        && doc.parts.iter().all(|p| {
            p.preamble.is_empty()
                && p.sections.is_empty()
                && p.tables.is_empty()
                && p.closing.is_empty()
        });
    if no_text {
        out.push(warn(
            "no_text",
            "no text of the document was found (no paragraph, section or table): a web page may hold its article in a frame (`<iframe>`), fill it in with a script, or only link to it (a PDF or Word file), and none of these is read".into(),
            None,
        ));
    }
    if doc.notice.title.is_none() && !doc.source.format.is_table_file() && !is_attachment_alone(doc)
    {
        out.push(warn(
            "no_title",
            "no title (标题) was found at the top of the document".into(),
            None,
        ));
    }
}

/// Whether the document is nothing but an attachment, labelled and titled (`附件2` / its title /
/// its table, as a notice's task table is often published on its own): it has the title its part
/// prints and none of a letter's, as a workbook of that table has none.
fn is_attachment_alone(doc: &Document) -> bool {
    let n = &doc.notice;
    n.body.is_empty()
        && n.issuer.is_none()
        && n.date.is_none()
        && n.addressees.is_empty()
        && doc
            .parts
            .first()
            .is_some_and(|p| p.kind == PartKind::Attachment && p.title.is_some())
}

/// An attachment the 附件说明 marks as left out of the published copy: `……（略）`, `……(略)`.
fn is_omitted(title: &str) -> bool {
    omission_mark(title).is_some()
}

/// Where the mark starts that closes a listed attachment's title to say it is left out of the
/// published copy, as gazettes and portal reprints print it: `重点任务分工表（略）` gives the
/// offset of `（略）`; also `（此略）`, `（附件略）`, `（另发）`, `（另行印发）`, `（不公开）`, in
/// full-width or ASCII parentheses. `None` for a title with no such mark, and for a mark alone
/// (no title before it). A title's own bracketed words (`（试行）`, `（2024—2026年）`) are none.
pub(crate) fn omission_mark(title: &str) -> Option<usize> {
    const MARKS: [&str; 7] = [
        "略",
        "此略",
        "此件略",
        "附件略",
        "另发",
        "另行印发",
        "不公开",
    ];
    let t = title.trim_end_ws();
    let inner = t.strip_suffix(['）', ')'])?;
    let name = MARKS
        .iter()
        .find_map(|m| inner.strip_suffix(m)?.strip_suffix(['（', '(']))?;
    (!name.trim_end_ws().is_empty()).then_some(name.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_group_count_reader_agrees_with_the_regex_it_replaces() {
        let regex = Regex::new(
            r"(?:[（(]共?([0-9]{1,4}|[一二三四五六七八九十百]{1,5})[项条个][）)]|共?([0-9]{1,4})项)[。：:]?$",
        )
        .unwrap();
        let numbers: Vec<String> = (0..=7)
            .flat_map(|n| {
                [
                    "1".repeat(n),
                    "十".repeat(n),
                    format!("二{}", "3".repeat(n)),
                    format!("{}百", "4".repeat(n)),
                ]
            })
            .collect();
        let mut texts = Vec::new();
        for number in &numbers {
            for open in ["（", "(", "（共", "共", "", "方面"] {
                for unit in ["项", "条", "个", "件"] {
                    for close in ["）", ")", ""] {
                        for mark in ["", "。", "：", ":", "。。", "；"] {
                            texts.push(format!("{open}{number}{unit}{close}{mark}"));
                            texts.push(format!("主要任务{open}{number}{unit}{close}{mark}"));
                        }
                    }
                }
            }
        }
        let mut matched = 0;
        for text in &texts {
            let expected = regex.captures(text).and_then(|c| {
                let n = c.get(1).or_else(|| c.get(2))?;
                numbering::parse_cn_number(n.as_str()).map(|n| n as usize)
            });
            matched += usize::from(expected.is_some());
            assert_eq!(stated_group_count(text), expected, "{text:?}");
        }
        assert!(matched > 300, "{matched} of {}", texts.len());
    }

    /// Strings over the characters the two regexes turn on (numerals of both kinds, digits
    /// ASCII and not, 项, 等, 任务, units, the excluded punctuation), from a fixed seed.
    fn count_texts() -> Vec<String> {
        const ALPHABET: [&str; 30] = [
            "等",
            "项",
            "任务",
            "任",
            "一",
            "三",
            "十",
            "百",
            "1",
            "2",
            "9",
            "个",
            "方面",
            "类",
            "，",
            "、",
            "的",
            "工作",
            "٣",
            "①",
            "二十",
            "\n",
            "主要",
            "五",
            "86项",
            "项任务",
            "等3个",
            "等二十条",
            "12345",
            "六七八九十百",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..40_000)
            .map(|_| {
                let len = (next() % 16) as usize;
                (0..len)
                    .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }

    fn by_captures(re: &Regex, text: &str) -> Vec<Found> {
        re.captures_iter(text)
            .filter_map(|c| {
                Some(Found {
                    whole: c.get(0)?.range(),
                    number: c.get(1)?.range(),
                })
            })
            .collect()
    }

    #[test]
    fn counts_read_by_hand_match_as_the_regexes_do() {
        let mut read = 0;
        let mut matches = [0usize; 2];
        for t in count_texts() {
            for (k, (found, re)) in [
                (stated_task_counts(&t), &*STATED_TASKS),
                (enumeration_counts(&t), &*ENUMERATION),
            ]
            .into_iter()
            .enumerate()
            {
                match found {
                    Some(found) => {
                        assert_eq!(found, by_captures(re, &t), "{t}");
                        read += 1;
                        matches[k] += found.len();
                    }
                    // Left to the regex only for a digit of another script.
                    None => assert!(t.contains('٣') || t.contains('①'), "{t}"),
                }
            }
        }
        assert!(read > 60_000, "{read} texts read by hand");
        // Both readers found many matches (the texts are not all misses).
        assert!(matches.iter().all(|&m| m > 3_000), "{matches:?} matches");
        // The statements of the seed's kind.
        let t = "落实86项试点任务，完成其中的三十项重点任务。";
        let found = stated_task_counts(t).expect("read");
        let numbers: Vec<&str> = found.iter().map(|f| &t[f.number.clone()]).collect();
        assert_eq!(numbers, ["86", "三十"]);
    }

    #[test]
    fn group_rows_state_counts_in_either_form() {
        assert_eq!(stated_group_count("一、知识产权保护方面（共5项）"), Some(5));
        assert_eq!(stated_group_count("（一）科技金融创新方面5项："), Some(5));
        assert_eq!(stated_group_count("二、数字产业（共十二项）"), Some(12));
        assert_eq!(stated_group_count("（一）充分竞争性服务业。"), None);
        assert_eq!(stated_group_count("建设5项工程的配套设施"), None);
    }

    fn enumeration_codes(text: &str) -> Vec<(String, Severity)> {
        let view = SourceView {
            paragraphs: vec![(text, 1)],
            attachment_lines: Vec::new(),
            linked: Vec::new(),
        };
        let mut out = Vec::new();
        check_enumerations(&view, &mut out);
        out.into_iter().map(|d| (d.code, d.severity)).collect()
    }

    #[test]
    fn enumerations_count_their_names() {
        assert!(enumeration_codes("发挥科技、金融、法治保障等3个工作推进组作用。").is_empty());
        assert!(enumeration_codes("发挥科技、金融、法治保障等三个工作推进组作用。").is_empty());
        assert_eq!(
            enumeration_codes("加强组织领导等工作，发挥科技、金融等三个工作推进组作用。"),
            vec![("enumeration_count_mismatch".to_string(), Severity::Warning)]
        );
        assert_eq!(
            enumeration_codes("发挥科技、金融等3个工作推进组作用。"),
            vec![("enumeration_count_mismatch".to_string(), Severity::Warning)]
        );
        // 或者 joins two items in one slot.
        assert!(
            enumeration_codes(
                "子女教育、继续教育、大病医疗、住房贷款利息或者住房租金、赡养老人等6项专项附加扣除"
            )
            .is_empty()
        );
        // The block's own marker is no item of the list.
        for numbered in [
            "一、推进北京、上海、广州等3个城市试点。",
            "1、推进北京、上海、广州等3个城市试点。",
            "（一）推进北京、上海、广州等3个城市试点。",
        ] {
            assert!(enumeration_codes(numbered).is_empty(), "{numbered}");
        }
        assert_eq!(
            enumeration_codes("二、推进北京、上海等3个城市试点。"),
            vec![("enumeration_count_mismatch".to_string(), Severity::Warning)]
        );
        // An open list (等 = "and others": examples, then the total) is no mismatch.
        for open in [
            "在北京、上海等20个城市开展试点。",
            "决定对长沙市、岳阳市等14个市州予以表彰。",
            "甲、乙、丙等6个部门",
        ] {
            assert!(enumeration_codes(open).is_empty(), "{open}");
        }
        // Short by two, it is still taken for a closed list miscounted.
        assert_eq!(
            enumeration_codes("甲、乙、丙等5个部门"),
            vec![("enumeration_count_mismatch".to_string(), Severity::Warning)]
        );
    }

    #[test]
    fn attachment_labels_read_their_number() {
        assert_eq!(label_number("附件2"), Some(2));
        assert_eq!(label_number("附件十一"), Some(11));
        assert_eq!(label_number("附件"), None);
    }
}
