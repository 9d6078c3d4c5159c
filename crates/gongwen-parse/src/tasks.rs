//! Tasks: rows of task allocation tables (任务分工) and measures that carry their own duties.
//!
//! A table's columns are mapped by their header words, not by position: 序号 → `seq`; 任务,
//! 举措, 措施… → `text`; 牵头单位, 责任单位, 指导部门… → `lead`; 配合单位, 参与单位… → `support`;
//! 类别, 领域… → a group column; every other column → `extra` under its header. Rows whose one
//! spanning cell holds a heading (`一、…`, `（一）…`) are group rows, and the groups above a
//! task form its `group` path.

use crate::model::*;
use crate::numbering::{self, MarkerKind};
use crate::structure::split_top_level;
use indexmap::IndexMap;
use regex::Regex;
use std::sync::LazyLock;

/// The role a column plays in a task table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnRole {
    /// 序号
    Seq,
    /// The task text.
    Task,
    /// Lead units.
    Lead,
    /// Supporting units.
    Support,
    /// A group column (类别, 领域…), often laid out with `rowspan`.
    Group,
    /// Any other column, kept under `extra`.
    Extra,
}

const SEQ_WORDS: &[&str] = &["序号", "编号", "序"];
const SUPPORT_WORDS: &[&str] = &["配合", "协同", "参与", "协助", "协办", "支持单位"];
const LEAD_WORDS: &[&str] = &[
    "牵头",
    "责任单位",
    "责任部门",
    "责任主体",
    "负责",
    "主办",
    "主责",
    "指导部门",
    "主管",
    "承办",
    "实施部门",
    "实施单位",
    "责任",
];
const GROUP_WORDS: &[&str] = &[
    "类别", "领域", "分类", "分组", "方面", "板块", "类型", "章节",
];
const TASK_WORDS: &[&str] = &["任务", "举措", "措施", "事项", "项目", "改革"];
const WEAK_TASK_WORDS: &[&str] = &["内容", "名称", "工作", "要求"];

fn any_word(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

fn is_header_cell(s: &str) -> bool {
    s.chars().count() <= 12
        && (any_word(s, SEQ_WORDS)
            || any_word(s, SUPPORT_WORDS)
            || any_word(s, LEAD_WORDS)
            || any_word(s, TASK_WORDS)
            || any_word(s, WEAK_TASK_WORDS)
            || any_word(s, GROUP_WORDS)
            || any_word(
                s,
                &[
                    "时限", "时间", "备注", "范围", "单位", "部门", "目标", "进度",
                ],
            ))
}

/// Reads a sequence number cell: `1`, `1.`, `（1）`, `12`.
pub fn parse_seq(s: &str) -> Option<u32> {
    let t = s
        .trim()
        .trim_end_matches(['.', '．', '、'])
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    if t.is_empty() || t.len() > 6 || !t.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// True for a row whose cells all hold the same non-empty text (one cell spanning the table).
pub fn is_spanning_row(row: &[String]) -> bool {
    row.len() > 1 && !row[0].is_empty() && row.iter().all(|c| c == &row[0])
}

/// How many leading rows of `grid` are header rows.
pub fn header_rows(grid: &[Vec<String>]) -> usize {
    let mut n = 0;
    for row in grid.iter().take(3) {
        if is_spanning_row(row) || row.iter().any(|c| parse_seq(c).is_some()) {
            break;
        }
        let filled: Vec<&String> = row.iter().filter(|c| !c.is_empty()).collect();
        if filled.is_empty()
            || !filled.iter().any(|c| is_header_cell(c))
            || filled.iter().any(|c| c.chars().count() > 20)
        {
            break;
        }
        n += 1;
    }
    n
}

/// Column names: each column's distinct header texts joined with `/`.
pub fn column_names(table: &Table) -> Vec<String> {
    let width = table.rows.first().map_or(0, |r| r.len());
    (0..width)
        .map(|c| {
            let mut parts: Vec<&str> = Vec::new();
            for row in table.rows.iter().take(table.header_rows) {
                if let Some(cell) = row.get(c) {
                    if !cell.is_empty() && !parts.contains(&cell.as_str()) {
                        parts.push(cell);
                    }
                }
            }
            parts.join("/")
        })
        .collect()
}

/// Maps columns to roles by their header words. `None` when the table is not a task table
/// (it needs a lead column and a task or sequence column).
pub fn column_roles(names: &[String]) -> Option<Vec<ColumnRole>> {
    let mut roles: Vec<ColumnRole> = names
        .iter()
        .map(|n| {
            if SEQ_WORDS.iter().any(|w| n == w || n.starts_with(w)) && n.chars().count() <= 4 {
                ColumnRole::Seq
            } else if any_word(n, SUPPORT_WORDS) {
                ColumnRole::Support
            } else if any_word(n, LEAD_WORDS) {
                ColumnRole::Lead
            } else if any_word(n, GROUP_WORDS) {
                ColumnRole::Group
            } else {
                ColumnRole::Extra
            }
        })
        .collect();
    let task_col = names
        .iter()
        .enumerate()
        .position(|(i, n)| roles[i] == ColumnRole::Extra && any_word(n, TASK_WORDS))
        .or_else(|| {
            names
                .iter()
                .enumerate()
                .position(|(i, n)| roles[i] == ColumnRole::Extra && any_word(n, WEAK_TASK_WORDS))
        });
    if let Some(t) = task_col {
        roles[t] = ColumnRole::Task;
    }
    // Only the first lead and support columns are roles; later ones are extras.
    for role in [ColumnRole::Lead, ColumnRole::Support, ColumnRole::Seq] {
        let mut seen = false;
        for r in roles.iter_mut().filter(|r| **r == role) {
            if seen {
                *r = ColumnRole::Extra;
            }
            seen = true;
        }
    }
    let has = |r: ColumnRole| roles.contains(&r);
    (has(ColumnRole::Lead) && (has(ColumnRole::Task) || has(ColumnRole::Seq))).then_some(roles)
}

/// Splits a unit cell on `、`, `，`, `；` outside brackets: `市科技局、人行重庆营管部` → two units.
/// Text that is not a plain list (`《…》中的实施部门`) stays whole.
pub fn split_units(cell: &str) -> Vec<String> {
    split_top_level(cell, &['、', '，', ',', '；', ';', '/', '\n'])
}

/// The text of a group row (`一、知识产权保护方面（共5项）`) in a table of any layout: one cell
/// spanning the row, or a row whose only text is a numbered heading. `None` for other rows.
pub fn group_row_text(row: &[String]) -> Option<&str> {
    if is_spanning_row(row) {
        return row.first().map(String::as_str);
    }
    let mut filled = row.iter().filter(|c| !c.is_empty());
    let first = filled.next()?;
    (filled.all(|c| c == first) && numbering::has_marker(first) && parse_seq(first).is_none())
        .then_some(first.as_str())
}

/// Group rows: a spanning cell, or a row whose only text is a numbered heading.
fn group_text(row: &[String], roles: &[ColumnRole]) -> Option<String> {
    if is_spanning_row(row) {
        return Some(row[0].clone());
    }
    let mut filled = row.iter().filter(|c| !c.is_empty());
    let first = filled.next()?;
    let seq_filled = row
        .iter()
        .zip(roles)
        .any(|(c, r)| *r == ColumnRole::Seq && parse_seq(c).is_some());
    if !seq_filled && filled.all(|c| c == first) && numbering::has_marker(first) {
        return Some(first.clone());
    }
    None
}

/// Tracks the group path above the current row: marker kinds nest like section levels.
#[derive(Default)]
struct GroupPath {
    levels: Vec<(Option<MarkerKind>, String)>,
}

impl GroupPath {
    fn enter(&mut self, text: &str) {
        let kind = numbering::block_marker_kind(text);
        let depth = match self.levels.iter().position(|(k, _)| *k == kind) {
            Some(d) => d,
            None => match kind {
                Some(k) => self
                    .levels
                    .iter()
                    .position(|(o, _)| o.is_some_and(|o| o > k))
                    .unwrap_or(self.levels.len()),
                None => self.levels.len(),
            },
        };
        self.levels.truncate(depth);
        self.levels.push((kind, text.to_string()));
    }

    fn path(&self) -> Vec<String> {
        self.levels.iter().map(|(_, t)| t.clone()).collect()
    }
}

/// Turns the rows of a task table into tasks. Returns `None` for a table that is not a task table.
pub fn tasks_from_table(table: &Table) -> Option<Vec<Task>> {
    let names = column_names(table);
    let roles = column_roles(&names)?;
    let mut out = Vec::with_capacity(table.rows.len().saturating_sub(table.header_rows));
    let mut groups = GroupPath::default();
    let mut last_seq = 0u32;
    for (r, row) in table.rows.iter().enumerate().skip(table.header_rows) {
        let line = table.row_lines.get(r).copied().unwrap_or(table.line);
        if let Some(g) = group_text(row, &roles) {
            groups.enter(&g);
            continue;
        }
        let mut task = Task {
            line,
            ..Task::default()
        };
        let mut seq = None;
        let mut group_cols = Vec::new();
        for ((cell, role), name) in row.iter().zip(&roles).zip(&names) {
            match role {
                ColumnRole::Seq => seq = parse_seq(cell),
                ColumnRole::Task => task.text = cell.clone(),
                ColumnRole::Lead => {
                    task.lead = split_units(cell);
                    task.lead_text = cell.clone();
                }
                ColumnRole::Support => {
                    task.support = split_units(cell);
                    task.support_text = cell.clone();
                }
                ColumnRole::Group => group_cols.push(cell.clone()),
                ColumnRole::Extra => {
                    task.extra.insert(
                        if name.is_empty() {
                            "列".to_string()
                        } else {
                            name.clone()
                        },
                        cell.clone(),
                    );
                }
            }
        }
        if task.text.is_empty() && seq.is_none() && task.lead.is_empty() {
            continue;
        }
        if task.text.is_empty() && task.lead.is_empty() && task.support.is_empty() {
            continue;
        }
        task.seq = seq.unwrap_or(last_seq + 1);
        last_seq = task.seq;
        task.group = groups.path();
        task.group
            .extend(group_cols.into_iter().filter(|g| !g.is_empty()));
        out.push(task);
    }
    Some(out)
}

static INLINE_DUTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"（([^（）]*(?:（[^（）]*）[^（）]*)*)）[。；]?$").expect("static regex")
});
const DUTY_WORDS: &[&str] = &["牵头", "负责", "配合", "责任单位", "责任部门", "参与"];

/// The allocation a measure carries in its trailing parenthesis.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InlineDuty {
    /// Lead units (`…牵头`, `负责部门：…`, `责任单位：…`).
    pub lead: Vec<String>,
    /// Supporting units (`…配合`, `…按职责分工负责`).
    pub support: Vec<String>,
    /// Every other clause by its key (`适用范围`, `完成时限`; `其他` for a clause without one).
    pub extra: IndexMap<String, String>,
    /// The measure's text before the parenthesis.
    pub before: String,
}

/// Reads a trailing duty parenthesis: `（市发展改革委牵头，市财政局、市商务委配合）` or
/// `（负责部门：人力资源社会保障部；适用范围：所有自贸试验区）`.
pub fn inline_duty(text: &str) -> Option<InlineDuty> {
    // The regex is anchored at the end, but its search starts from the front: most paragraphs
    // do not end in a parenthesis at all, which is seen at once.
    let tail = text.strip_suffix(['。', '；']).unwrap_or(text);
    if !tail.ends_with('）') {
        return None;
    }
    let c = INLINE_DUTY.captures(text)?;
    let inner = c.get(1)?.as_str();
    if !DUTY_WORDS.iter().any(|w| inner.contains(w)) || inner.chars().count() > 300 {
        return None;
    }
    let before = text[..c.get(0)?.start()].trim_end().to_string();
    let mut lead = Vec::new();
    let mut support = Vec::new();
    let mut extra = IndexMap::new();
    for clause in split_top_level(inner, &['；', ';', '，', ',']) {
        if let Some((key, value)) = clause.split_once(['：', ':']) {
            if any_word(key, SUPPORT_WORDS) {
                support.extend(split_units(value));
            } else if any_word(key, LEAD_WORDS) {
                lead.extend(split_units(value));
            } else {
                extra.insert(key.to_string(), value.to_string());
            }
        } else if let Some(units) = clause
            .strip_suffix("牵头")
            .or_else(|| clause.strip_suffix("负责").filter(|u| !u.ends_with("分工")))
        {
            lead.extend(split_units(units));
        } else if let Some(units) = ["配合", "参与", "协同", "协助"]
            .iter()
            .find_map(|w| clause.strip_suffix(w))
        {
            support.extend(split_units(units));
        } else if let Some(units) = clause.find("按职责").map(|p| &clause[..p]) {
            support.extend(split_units(units));
        } else {
            extra.insert("其他".to_string(), clause);
        }
    }
    (!lead.is_empty() || !support.is_empty()).then_some(InlineDuty {
        lead,
        support,
        extra,
        before,
    })
}

fn inline_tasks<'a>(sections: &'a [Section], path: &mut Vec<&'a Section>, out: &mut Vec<Task>) {
    // The printed heading line of each section, in one buffer reused across sections.
    let mut printed = String::new();
    for s in sections {
        printed.clear();
        push_printed(&mut printed, s);
        let texts =
            std::iter::once(printed.as_str()).chain(s.paragraphs.iter().map(String::as_str));
        for (i, t) in texts.enumerate() {
            if let Some(InlineDuty {
                lead,
                support,
                extra,
                before,
            }) = inline_duty(t)
            {
                // The measure's text: the heading sentence and the paragraph that carries the duty
                // (`深化商事制度改革。全面推行……。`), without the marker and the parenthesis. A heading
                // printed as a bare title (`一、主要职能`, no punctuation) is not part of the sentence.
                let text = if i == 0 {
                    before.get(s.marker.len()..).unwrap_or_default().to_string()
                } else if !s.heading.is_empty() && !s.heading_suffix.is_empty() {
                    format!("{}{}{}", s.heading, s.heading_suffix, before)
                } else {
                    before
                };
                out.push(Task {
                    seq: s.number,
                    text,
                    lead_text: lead.join("、"),
                    support_text: support.join("、"),
                    lead,
                    support,
                    group: path
                        .iter()
                        .map(|p| {
                            let mut g = String::new();
                            push_printed(&mut g, p);
                            g
                        })
                        .collect(),
                    line: s.line,
                    extra,
                    origin: TaskOrigin::Inline,
                    marker: Some(s.marker.clone()),
                });
            }
        }
        path.push(s);
        inline_tasks(&s.children, path, out);
        path.pop();
    }
}

/// Appends a section's heading line as printed: marker, heading, and the punctuation after it.
fn push_printed(out: &mut String, s: &Section) {
    out.push_str(&s.marker);
    out.push_str(&s.heading);
    out.push_str(&s.heading_suffix);
}

/// Collects every task of the document: task tables first, in reading order, then inline duties.
pub fn collect_tasks(doc: &mut Document) {
    let mut tasks = Vec::new();
    for part in &doc.parts {
        for table in &part.tables {
            if let Some(t) = tasks_from_table(table) {
                tasks.extend(t);
            }
        }
    }
    for part in &doc.parts {
        inline_tasks(&part.sections, &mut Vec::new(), &mut tasks);
    }
    doc.tasks = tasks;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn units_split_outside_brackets_only() {
        assert_eq!(
            split_units("市科技局、人行重庆营管部"),
            s(&["市科技局", "人行重庆营管部"])
        );
        assert_eq!(
            split_units("《国家职业资格目录（专业技术人员资格）》中的实施部门"),
            s(&["《国家职业资格目录（专业技术人员资格）》中的实施部门"])
        );
        assert_eq!(split_units(""), Vec::<String>::new());
    }

    #[test]
    fn columns_map_by_header_words() {
        let roles = column_roles(&s(&[
            "序号",
            "改革举措",
            "主要内容",
            "指导部门",
            "推广范围",
        ]))
        .unwrap();
        assert_eq!(
            roles,
            vec![
                ColumnRole::Seq,
                ColumnRole::Task,
                ColumnRole::Extra,
                ColumnRole::Lead,
                ColumnRole::Extra
            ]
        );
        let roles = column_roles(&s(&["序号", "试点任务", "牵头单位", "配合单位"])).unwrap();
        assert_eq!(
            roles,
            vec![
                ColumnRole::Seq,
                ColumnRole::Task,
                ColumnRole::Lead,
                ColumnRole::Support
            ]
        );
        assert!(column_roles(&s(&["项目", "金额"])).is_none());
    }

    #[test]
    fn inline_duties_read_both_forms() {
        let InlineDuty {
            lead,
            support,
            extra,
            before,
        } = inline_duty("加快建设。（市发展改革委牵头，市财政局、市商务委配合）").unwrap();
        assert_eq!(
            (lead, support, extra.len(), before.as_str()),
            (
                s(&["市发展改革委"]),
                s(&["市财政局", "市商务委"]),
                0,
                "加快建设。"
            )
        );
        let InlineDuty {
            lead,
            support,
            extra,
            ..
        } = inline_duty("推广。（负责部门：人力资源社会保障部、商务部；适用范围：所有自贸试验区）")
            .unwrap();
        assert_eq!(lead, s(&["人力资源社会保障部", "商务部"]));
        assert!(support.is_empty());
        assert_eq!(
            extra.get("适用范围").map(String::as_str),
            Some("所有自贸试验区")
        );
        let InlineDuty { lead, support, .. } =
            inline_duty("落实。（市政府办公室、市审批办牵头，市级各有关部门按职责分工负责）")
                .unwrap();
        assert_eq!(
            (lead, support),
            (s(&["市政府办公室", "市审批办"]), s(&["市级各有关部门"]))
        );
        assert!(inline_duty("支持开展合格境内有限合伙人（QDLP）试点").is_none());
        // A trailing parenthesis that names no duty is not an allocation.
        assert!(inline_duty("加快建设（2021—2025年）").is_none());
    }
}
