//! Tasks: rows of task allocation tables (任务分工) and measures that carry their own duties.
//!
//! A table's columns are mapped by their header words, not by position: 序号 → `seq`; 任务,
//! 举措, 措施… → `text`; 牵头单位, 责任单位, 指导部门… → `lead`; 配合单位, 参与单位… → `support`;
//! 类别, 领域… → a group column; every other column → `extra` under its header. Rows whose one
//! spanning cell holds a heading (`一、…`, `（一）…`) are group rows, and the groups above a
//! task form its `group` path. A workbook that holds its task tables on several sheets (one per
//! area: `数字经济`, `社会事业`) has a list per sheet: a task whose sheet's table gives no group
//! has its sheet's name as its group, unless the name is one a program gives (`Sheet1`, `工作表2`).

use crate::model::*;
use crate::normalize::TrimFast as _;
use crate::normalize::{normalize_cell, strip_any_prefix};
use crate::numbering::{self, MarkerKind};
use crate::structure::split_top_level;
use indexmap::IndexMap;
use regex::Regex;
use rustc_hash::FxHashSet;
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

const SEQ_WORDS: &[&str] = &["序号", "编号", "序", "編號"];
const SUPPORT_WORDS: &[&str] = &[
    "配合",
    "协同",
    "参与",
    "协助",
    "协办",
    "支持单位",
    // Units that take part or work with the lead (`牵头单位 | 参加单位`, `协作单位`): named
    // with their noun, as `参加` or `协作` alone may head other columns (`参加人员`).
    "参加单位",
    "参加部门",
    "协作单位",
    "协作部门",
    "協同",
    "參與",
    "協助",
    "協辦",
    "參加單位",
    "參加部門",
    "協作單位",
    "協作部門",
];
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
    // Who carries a task out, as county and department tables name them (`落实单位`,
    // `承担单位`, `实施主体`). `落实` alone heads a column of progress (`落实情况`).
    "落实单位",
    "落实部门",
    "落实主体",
    "承担单位",
    "承担部门",
    "实施主体",
    "责任",
    // The traditional forms (a Hong Kong or Taiwan copy, a Big5 page, a converted notice): each
    // list here has them, so a table headed 牽頭單位 or 責任單位 reads as its simplified twin
    // (主管 is written alike in both).
    "牽頭",
    "負責",
    "主辦",
    "主責",
    "承辦",
    "實施部門",
    "實施單位",
    "落實單位",
    "落實部門",
    "落實主體",
    "承擔單位",
    "承擔部門",
    "實施主體",
    "責任",
];
/// Header words of columns that name people, not units (`牵头领导`, `责任人`, `联系人`).
const PERSON_WORDS: &[&str] = &[
    "领导",
    "责任人",
    "联系人",
    "负责人",
    "联系电话",
    "領導",
    "責任人",
    "聯繫人",
    "負責人",
];
const GROUP_WORDS: &[&str] = &[
    "类别", "领域", "分类", "分组", "方面", "板块", "类型", "章节", "類別", "領域", "分類", "分組",
    "板塊", "類型", "章節",
];
const TASK_WORDS: &[&str] = &[
    "任务", "举措", "措施", "事项", "项目", "改革", "任務", "舉措", "事項", "項目",
];
const WEAK_TASK_WORDS: &[&str] = &["内容", "名称", "工作", "要求", "內容", "名稱"];

/// Whether `s` holds any of `words`: the definition [`header_words`] is tested against.
#[cfg(test)]
fn any_word(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

/// Words of a header cell that name no role but show the row is a header.
const OTHER_HEADER_WORDS: &[&str] = &[
    "时限", "时间", "备注", "范围", "单位", "部门", "目标", "进度", "時限", "時間", "備註", "範圍",
    "單位", "部門", "目標", "進度",
];
/// Words of a column that holds the specific measures under a broader task column.
const SPECIFIC_WORDS: &[&str] = &["具体", "举措", "措施", "具體", "舉措"];

/// The header word lists, as bits of the mask [`header_words`] returns.
mod word {
    pub const SEQ: u16 = 1;
    pub const SUPPORT: u16 = 1 << 1;
    pub const LEAD: u16 = 1 << 2;
    pub const PERSON: u16 = 1 << 3;
    pub const GROUP: u16 = 1 << 4;
    pub const TASK: u16 = 1 << 5;
    pub const WEAK_TASK: u16 = 1 << 6;
    pub const SPECIFIC: u16 = 1 << 7;
    pub const OTHER: u16 = 1 << 8;
}

/// Every header word list with its bit.
const HEADER_LISTS: [(u16, &[&str]); 9] = [
    (word::SEQ, SEQ_WORDS),
    (word::SUPPORT, SUPPORT_WORDS),
    (word::LEAD, LEAD_WORDS),
    (word::PERSON, PERSON_WORDS),
    (word::GROUP, GROUP_WORDS),
    (word::TASK, TASK_WORDS),
    (word::WEAK_TASK, WEAK_TASK_WORDS),
    (word::SPECIFIC, SPECIFIC_WORDS),
    (word::OTHER, OTHER_HEADER_WORDS),
];

/// The lists of [`HEADER_LISTS`] that have a word in `s` (`any_word(s, list)` for each), found
/// in one pass over `s`. A header is read several times per table (to find its rows, its roles,
/// its checks), and a substring search per word cost more than the rest of the table. Every
/// word, with its list's bit, sits in a table sorted by its first character: each character of
/// `s` is looked up there, and only the words it starts are compared. (An Aho–Corasick
/// automaton did the same, but building it cost a one-file run 0.86 M instructions — a seventh
/// of the whole run — for the few dozen header cells a notice has.)
fn header_words(s: &str) -> u16 {
    static WORDS: LazyLock<Vec<(char, &'static str, u16)>> = LazyLock::new(|| {
        let mut words: Vec<(char, &'static str, u16)> = HEADER_LISTS
            .iter()
            .flat_map(|&(bit, list)| {
                list.iter()
                    .map(move |w| (w.chars().next().unwrap_or('\0'), *w, bit))
            })
            .collect();
        words.sort_unstable_by_key(|&(first, _, _)| first);
        words
    });
    let words = &*WORDS;
    let mut mask = 0;
    for (at, c) in s.char_indices() {
        let from = words.partition_point(|&(first, _, _)| first < c);
        for &(first, word, bit) in &words[from..] {
            if first != c {
                break;
            }
            if s[at..].starts_with(word) {
                mask |= bit;
            }
        }
    }
    mask
}

pub(crate) fn is_header_cell(s: &str) -> bool {
    s.chars().count() <= 12
        && header_words(s)
            & (word::SEQ
                | word::SUPPORT
                | word::LEAD
                | word::TASK
                | word::WEAK_TASK
                | word::GROUP
                | word::OTHER)
            != 0
}

/// Labels of a contact list's or a roster's columns (`职务`, `手机`, `姓名`): no task table's
/// header words, but a header's all the same.
const CONTACT_LABELS: &[&str] = &[
    "姓名",
    "职务",
    "职称",
    "电话",
    "手机",
    "邮箱",
    "传真",
    "性别",
    "联络员",
    "地址",
    "邮编",
    "職務",
    "電話",
    "聯絡員",
];

/// Whether a cell names a column of any table: a task table's header word (`序号`, `牵头单位`,
/// `完成时限`), a person's column (`联系人`) or a contact list's label (`职务`, `手机`). A unit's
/// name that only holds a task word (`市发展改革委`) names none.
pub(crate) fn names_a_column(c: &str) -> bool {
    let c = c.trim_ws();
    if c.is_empty() || c.chars().count() > 12 || parse_seq(c).is_some() || c.contains(['：', ':'])
    {
        return false;
    }
    let words = header_words(c);
    let contact = CONTACT_LABELS.iter().any(|w| c.contains(w));
    if words == 0 && !contact {
        return false;
    }
    let strong = words & (word::SEQ | word::LEAD | word::SUPPORT | word::PERSON | word::OTHER) != 0;
    strong || contact || (is_header_cell(c) && !is_unit_name(c))
}

/// Whether a row is a header of its own: three filled cells or more side by side, each naming a
/// column ([`names_a_column`]). Under the rows of another table it starts a new table (a contact
/// list printed right under a task table: `单位 | 联系人 | 职务 | 联系电话`). A form's row of
/// labels and the blanks to fill in (`单位名称 | | 联系人 | `) is none, nor a sign-off
/// (`填报单位： | 联系人： | 联系电话：`).
pub(crate) fn is_header_row<'a>(cells: impl IntoIterator<Item = &'a str>) -> bool {
    let (mut n, mut gap) = (0, false);
    for c in cells {
        let c = c.trim_ws();
        if c.is_empty() {
            gap = n > 0;
            continue;
        }
        if gap || !names_a_column(c) {
            return false;
        }
        n += 1;
    }
    n >= 3
}

/// Reads a sequence number cell: `1`, `1.`, `（1）`, `12`, `１２`.
pub fn parse_seq(s: &str) -> Option<u32> {
    let t = s
        .trim_ws()
        .trim_end_matches(['.', '．', '、'])
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    // Full-width digits (`１２`) too: a reader may ask before the cell is normalized.
    let mut n: u32 = 0;
    for (i, c) in t.chars().enumerate() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        if i == 6 {
            return None;
        }
        n = n * 10 + d;
    }
    (!t.is_empty()).then_some(n)
}

/// True for a row whose cells all hold the same non-empty text (one cell spanning the table).
pub fn is_spanning_row(row: &[String]) -> bool {
    row.len() > 1 && !row[0].is_empty() && row.iter().all(|c| c == &row[0])
}

/// How many leading rows of `grid` are header rows.
pub fn header_rows(grid: &[Vec<String>]) -> usize {
    let mut n = 0;
    for (k, row) in grid.iter().take(3).enumerate() {
        if is_spanning_row(row) || row.iter().any(|c| is_seq_like(c)) {
            break;
        }
        let filled: Vec<&String> = row.iter().filter(|c| !c.is_empty()).collect();
        // `一、工业领域 | | |`: a group row whose merged cell an export printed once, the rest
        // left empty. A header names columns; it never numbers a heading, and a group's words
        // may hold a header's (`领域`, `任务`).
        if filled.is_empty()
            || !filled.iter().any(|c| is_header_cell(c))
            || filled.iter().any(|c| c.chars().count() > 20)
            || filled.iter().any(|c| role_label(c).is_some())
            || filled.iter().any(|c| numbers_a_heading(c))
        {
            break;
        }
        // A header's second row names columns in every cell (`牵头单位 | 配合单位` under a
        // spanning `责任单位`, the cells a span above carries down): a first task whose text
        // happens to hold a header word (`任务甲`) is not one.
        if k > 0 {
            let above = &grid[k - 1];
            let names = row
                .iter()
                .enumerate()
                .filter(|(_, c)| !c.is_empty())
                .all(|(i, c)| is_header_cell(c) || above.get(i) == Some(c));
            if !names {
                break;
            }
        }
        n += 1;
    }
    n
}

/// Whether a cell opens with the number of a heading or item (`一、工业领域`, `（二）交通领域`,
/// `1.重点任务`, `（1）…`, `①…`) followed by words: a group row's text, never a column's name.
/// A header cell is a name (`序号`, `重点任务`, `牵头单位`); its first byte, an ASCII letter or
/// a Han character other than a numeral, turns nearly every one down unread.
fn numbers_a_heading(cell: &str) -> bool {
    let opens_a_number = cell.as_bytes().first().is_some_and(u8::is_ascii_digit)
        || cell.starts_with([
            '（', '(', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十',
        ])
        || cell.starts_with(|c| ('①'..='⑳').contains(&c));
    opens_a_number
        && numbering::block_marker_kind(cell).is_some_and(|k| {
            matches!(
                k,
                MarkerKind::CnComma
                    | MarkerKind::CnParen
                    | MarkerKind::ArabicDot
                    | MarkerKind::ArabicParen
                    | MarkerKind::ArabicHalfParen
                    | MarkerKind::Circled
            )
        })
}

/// A cell that numbers a row in any of the ways tables print it, integer or not: `1`, `（1）`,
/// `1.0` (a spreadsheet's number), `1-1`, `2.1`, `一`, `①`. Never a header's words.
fn is_seq_like(c: &str) -> bool {
    if parse_seq(c).is_some() {
        return true;
    }
    let t = c.trim_ws();
    let numeral = |ch: char| {
        ch.is_ascii_digit()
            || ('０'..='９').contains(&ch)
            || ('①'..='⑳').contains(&ch)
            || "一二三四五六七八九十百".contains(ch)
    };
    !t.is_empty()
        && t.len() <= 24
        && t.chars().any(numeral)
        && t.chars().all(|ch| {
            numeral(ch)
                || matches!(
                    ch,
                    '.' | '．' | '-' | '－' | '—' | '、' | '（' | '）' | '(' | ')'
                )
        })
}

/// Endings of the names of units that allocations name besides organs' ([`ORGAN_SUFFIXES`]):
/// customs, companies, universities, and collective names.
///
/// [`ORGAN_SUFFIXES`]: crate::structure::ORGAN_SUFFIXES
const UNIT_ENDINGS: &[&str] = &[
    "海关", "公司", "集团", "大学", "学院", "党校", "部门", "单位", "队", "所", "站", "社", "机构",
];

/// A cell that lists units set apart by spaces alone (`市发展改革委 市教委 市国资委`), as the
/// units joined with `、`; `None` for any other cell. Normalization would run such names
/// together, as it joins Chinese text across spaces. Every piece must be the name of an organ: two
/// to thirty Chinese characters (a role in brackets aside) ending as organs' names end, and not a
/// bare office name that may be the rest of the name before it (`市政府 办公厅`).
pub(crate) fn units_set_apart(raw: &str) -> Option<String> {
    let space = |c: char| c.is_whitespace() || c == '\u{a0}';
    let t = raw.trim_matches(space);
    first_space(t)?;
    // Piece by piece, so that a paragraph with a space in it (nearly every such block) is
    // turned down at its first word that is not an organ's name, without collecting its pieces.
    let mut pieces = spaced_words(t.split(space).filter(|p| !p.is_empty()));
    let first = pieces.next().filter(|p| is_unit_name(p))?;
    let mut joined = String::with_capacity(t.len() + 8);
    joined.push_str(&first);
    let mut count = 1usize;
    for piece in pieces.by_ref().take(30) {
        if !is_unit_name(&piece) {
            return None;
        }
        joined.push('、');
        joined.push_str(&piece);
        count += 1;
    }
    ((2..=30).contains(&count) && pieces.next().is_none()).then_some(joined)
}

/// The words of a line split at its spaces, with a name set one character apart (a short
/// organ's name letter-spaced to line up in a joint signature block: `财　政　部　　　　税务总局`)
/// read as one word: a run of pieces of one Chinese character each, up to thirty, is joined
/// (`财政部`, `税务总局`). A longer run is given as thirty characters and the rest, which no
/// name is.
fn spaced_words<'a>(
    pieces: impl Iterator<Item = &'a str>,
) -> impl Iterator<Item = std::borrow::Cow<'a, str>> {
    let single = |p: &str| {
        let mut chars = p.chars();
        chars.next().is_some_and(crate::normalize::is_han) && chars.next().is_none()
    };
    let mut pieces = pieces.peekable();
    std::iter::from_fn(move || {
        let piece = pieces.next()?;
        if !single(piece) || !pieces.peek().is_some_and(|p| single(p)) {
            return Some(std::borrow::Cow::Borrowed(piece));
        }
        let mut word = String::with_capacity(4 * 3);
        word.push_str(piece);
        let mut count = 1;
        while count < 30
            && let Some(next) = pieces.next_if(|p| single(p))
        {
            word.push_str(next);
            count += 1;
        }
        Some(std::borrow::Cow::Owned(word))
    })
}

/// Where the first white space of `t` (`char::is_whitespace`, or U+00A0) starts. Every block
/// that normalization has work on is asked, and nearly all are prose without a space: runs of
/// Han characters and full-width forms (lead bytes `E4`–`EF`, none of them white space) are
/// stepped over three bytes at a time, and only the lead bytes white space can start with
/// (`C2`, `E1`, `E2`, `E3`) are decoded.
fn first_space(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        match x {
            b'\t'..=b'\r' | b' ' => return Some(i),
            0xE4..=0xEF => i += 3,
            0xC2 | 0xE1..=0xE3 => {
                let c = t.get(i..).and_then(|r| r.chars().next())?;
                if c.is_whitespace() || c == '\u{a0}' {
                    return Some(i);
                }
                i += c.len_utf8();
            }
            _ => i += 1,
        }
    }
    None
}

/// A title line that names joint issuers set apart by spaces before `关于`, `印发`, `转发` or
/// `批转` (`某市教育委员会 某市卫生健康委员会关于…的通知`, `中共中央办公厅 国务院办公厅印发《……》的
/// 通知`), with the issuers joined by `、` as their signature joins them; `None` for any other
/// text. Normalization would run the names together, or keep a space between them.
pub(crate) fn joint_issuers_title(raw: &str) -> Option<String> {
    // A title line is short, has a space inside and says one of the words: other paragraphs
    // are turned down by their length, a scan that steps over Han characters, or a search.
    if raw.len() > 600 {
        return None;
    }
    let space = |c: char| c.is_whitespace() || c == '\u{a0}';
    let t = raw.trim_matches(space);
    first_space(t)?;
    static VERBS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
        crate::structure::ISSUER_ENDS
            .iter()
            .map(memchr::memmem::Finder::new)
            .collect()
    });
    let verb_at = |s: &str| VERBS.iter().filter_map(|f| f.find(s.as_bytes())).min();
    // A joint order's head (`中华人民共和国自然资源部　中华人民共和国农业农村部令`): the last
    // organ's name runs into `令`, as the others' into `关于`.
    let order = t.ends_with('令');
    if !order {
        verb_at(t)?;
    }
    let (names, last) = t.rsplit_once(space)?;
    let at = if order {
        last.len() - '令'.len_utf8()
    } else {
        verb_at(last)?
    };
    let mut out = String::with_capacity(t.len() + 8);
    let mut count = 0;
    for name in names.split(space).filter(|p| !p.is_empty()) {
        // A dozen organs sign a joint notice at most; more names are no title's.
        count += 1;
        if count > 16 || !is_unit_name(name) {
            return None;
        }
        out.push_str(name);
        out.push('、');
    }
    if at == 0 {
        // `甲 乙 丙 关于……`: the last organ's name stands before the space too.
        if count < 2 {
            return None;
        }
        out.pop();
    } else if out.is_empty() || !is_unit_name(&last[..at]) {
        return None;
    }
    out.push_str(&crate::normalize::normalize_block(last));
    Some(out)
}

/// Whether `p` is the name of one organ: two to thirty Chinese characters (a role in brackets
/// aside) ending as organs' names end, and not a bare office name that may be the rest of the
/// name before it (`办公厅`).
pub(crate) fn is_unit_name(p: &str) -> bool {
    let name = p
        .strip_suffix('）')
        .and_then(|x| x.rfind('（').map(|at| &x[..at]))
        .unwrap_or(p);
    // Thirty Chinese characters are 90 bytes: a longer piece is prose, and is not counted.
    (2..=30).contains(&if name.len() > 120 {
        31
    } else {
        name.chars().count()
    }) && han_and_brackets(name)
        && !matches!(name, "办公厅" | "办公室" | "人民政府" | "政府")
        && has_unit_ending(name)
}

/// Whether `p` names one unit or one place allocated duties as a unit (`万州区`, `两江新区`):
/// [`is_unit_name`], a named city, county or district alone, or a development zone.
pub(crate) fn is_unit_or_place(p: &str) -> bool {
    is_unit_name(p) || is_bare_place(p) || is_bare_zone(p)
}

/// Whether `text` is a list of units' or places' names ([`is_unit_or_place`]) parted by `、`.
pub(crate) fn is_unit_or_place_list(text: &str) -> bool {
    !text.is_empty() && text.split('、').all(|p| is_unit_or_place(p.trim_ws()))
}

/// Whether `next`, the next line of the cell `cell`, names units of its own (a cell that lists a
/// unit a line: `万州区` / `黔江区`), not the rest of a name broken at the line's end: the cell's
/// last name is whole (three characters or more — `市委` / `组织部` is one name —, ending as a
/// unit's name does but not in `社`, `所`, `站` or `队`, which also end words inside names:
/// `市人力社` / `保局`; or a district's or county's, not a city's that may head a name: `重庆市` /
/// `税务局`, nor one the line's head noun names: `郑州航空港区` / `管委会`), and the line is a list
/// of units' names whose first has three characters or more (`保局` is a name's end).
pub(crate) fn unit_of_its_own(cell: &str, next: &str) -> bool {
    let last = cell.rsplit(['\n', '、']).next().unwrap_or(cell).trim_ws();
    let first = next.split('、').next().unwrap_or(next).trim_ws();
    last.chars().count() >= 3
        && !last.ends_with(['社', '所', '站', '队'])
        && first.chars().count() >= 3
        && (is_unit_name(last)
            || ((is_bare_place(last) || is_bare_zone(last))
                && !last.ends_with(['市', '州', '省'])
                && !ZONE_HEADS
                    .iter()
                    .chain(PLACE_HEADS)
                    .any(|h| first.starts_with(h))))
        && is_unit_or_place_list(next)
}

/// Whether `name` is Chinese characters and brackets, with `、` inside brackets only (the
/// divisions a level names: `各县（市、区）政府`).
fn han_and_brackets(name: &str) -> bool {
    let mut depth = 0u32;
    name.chars().all(|c| match c {
        // Inside an allocation's brackets a unit's own print as `〔〕` (`各县〔市、区〕人民政府`).
        '（' | '〔' => {
            depth += 1;
            true
        }
        '）' | '〕' => {
            depth = depth.saturating_sub(1);
            true
        }
        '、' => depth > 0,
        c => crate::normalize::is_han(c),
    })
}

/// Whether `name` ends as an organ's or a unit's name ([`crate::structure::ORGAN_SUFFIXES`],
/// [`UNIT_ENDINGS`]). Most words asked about are not names (`第一条`, the first word of a
/// paragraph): their last character, looked up among the endings' last characters, turns them
/// down; the rest are compared with the endings that share that last character only.
fn has_unit_ending(name: &str) -> bool {
    name.chars()
        .next_back()
        .is_some_and(|c| endings_ending_in(c).iter().any(|s| name.ends_with(s)))
}

fn unit_endings() -> impl Iterator<Item = &'static &'static str> {
    crate::structure::ORGAN_SUFFIXES
        .iter()
        .chain(UNIT_ENDINGS)
        .chain(crate::structure::ZONE_ENDINGS)
        .chain(crate::structure::ORGANISATION_ENDINGS)
}

/// The endings of units' names ([`unit_endings`]) whose last character is `c`, in their lists'
/// order; empty when no ending ends in `c`.
fn endings_ending_in(c: char) -> &'static [&'static str] {
    // The endings sorted by their last character (stable: each list's order kept), and the
    // characters with the range of the endings each ends.
    type ByLast = (Vec<&'static str>, Vec<(char, std::ops::Range<usize>)>);
    static BY_LAST: LazyLock<ByLast> = LazyLock::new(|| {
        let mut endings: Vec<&'static str> = unit_endings().copied().collect();
        let last = |s: &str| s.chars().next_back().unwrap_or_default();
        endings.sort_by_key(|s| last(s));
        let mut ranges: Vec<(char, std::ops::Range<usize>)> = Vec::new();
        for (i, s) in endings.iter().enumerate() {
            match ranges.last_mut() {
                Some((c, r)) if *c == last(s) => r.end = i + 1,
                _ => ranges.push((last(s), i..i + 1)),
            }
        }
        (endings, ranges)
    });
    let (endings, ranges) = &*BY_LAST;
    ranges
        .binary_search_by_key(&c, |(c, _)| *c)
        .ok()
        .and_then(|at| endings.get(ranges[at].1.clone()))
        .unwrap_or_default()
}

/// Whether `c` is the last character of one of the endings of units' names.
fn may_end_unit_name(c: char) -> bool {
    !endings_ending_in(c).is_empty()
}

/// Whether `text` is nothing but a list of organs' names (`市发展改革委、市财政局`).
/// Whether a label names units that lead or support (`牵头单位`, `配合单位`, `责任单位`), not
/// people (`责任人`) or anything else (`完成时限`).
fn labels_units(key: &str) -> bool {
    let words = header_words(key);
    words & (word::LEAD | word::SUPPORT) != 0
        && (words & word::PERSON == 0 || units_before_people(key))
}

pub(crate) fn is_unit_list(text: &str) -> bool {
    let units = split_units(text);
    !units.is_empty()
        && units
            .iter()
            .all(|u| is_unit_name(u) || (u.contains('、') && is_division_group(u)))
}

/// A cell's text as one line: the line breaks of a cell (`<br>`, a paragraph per line) joined as
/// normalization joins white space (dropped next to Chinese text, a space elsewhere).
fn one_line(cell: &str) -> String {
    if !cell.contains('\n') {
        return cell.to_string();
    }
    // Numbered items on lines of their own (`…督办机制` / `1.每月通报进展；` / `2.…`) keep their
    // lines: run together, `机制1.每月` would read as one word.
    if cell.lines().skip(1).any(numbering::has_marker) {
        return cell.to_string();
    }
    crate::normalize::normalize_block(cell)
}

/// How many rows at the top of `grid` title the table rather than head its columns: rows that
/// hold one text across (a spanning `附件：…任务分工` row, with or without `colspan`) right
/// above a header that names a task table's columns. At most two; 0 when no such header follows.
pub fn title_rows(grid: &[Vec<String>]) -> usize {
    let is_title = |row: &Vec<String>| {
        let mut filled = row.iter().filter(|c| !c.is_empty());
        filled
            .next()
            .is_some_and(|first| parse_seq(first).is_none() && filled.all(|c| c == first))
    };
    let mut n = grid.iter().take(2).take_while(|r| is_title(r)).count();
    // The unit of the table's figures under its title (`附件` / title / `单位：万元`).
    if n > 0 && grid.get(n).is_some_and(|r| is_unit_note(r)) {
        n += 1;
    }
    // A third such row is no header either: the table is not one this reads.
    if n == 0 || grid.get(n).is_none_or(is_title) {
        return 0;
    }
    let rest = &grid[n..];
    let header = header_rows(rest);
    if header == 0 {
        return 0;
    }
    let probe = Table {
        header_rows: header,
        rows: rest[..header].to_vec(),
        ..Table::default()
    };
    // A title row that labels a numbered attachment (`附件2　联络员名单` across its table) titles
    // whatever table follows, a task table's or not.
    let names_attachment = || {
        grid[..n].iter().any(|r| {
            r.iter()
                .find(|c| !c.is_empty())
                .is_some_and(|c| crate::structure::numbered_attachment_head(c).is_some())
        })
    };
    if column_roles(&column_names(&probe)).is_some() || names_attachment() {
        n
    } else {
        0
    }
}

/// A row whose one text notes the unit of the table's figures (`单位：万元`, `（单位：个）`).
fn is_unit_note(row: &[String]) -> bool {
    let mut filled = row.iter().filter(|c| !c.is_empty());
    filled.next().is_some_and(|first| {
        filled.all(|c| c == first)
            && ["单位：", "单位:", "（单位", "(单位", "计量单位"]
                .iter()
                .any(|p| first.starts_with(p))
    })
}

/// The text of title rows (see [`title_rows`]): each row's text, joined by a space; a note of
/// the figures' unit is no part of the title.
pub fn title_text(rows: &[Vec<String>]) -> String {
    rows.iter()
        .filter(|r| !is_unit_note(r))
        .filter_map(|r| r.iter().find(|c| !c.is_empty()))
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Moves a table's title rows ([`title_rows`]) out of its grid into its caption (when it has
/// none), and counts its header rows again.
pub fn lift_title_rows(table: &mut Table) {
    let n = title_rows(&table.rows);
    if n == 0 {
        return;
    }
    let title = title_text(&table.rows[..n]);
    table.rows.drain(..n);
    table.row_lines.drain(..n.min(table.row_lines.len()));
    table.merged_down.retain(|&(r, _)| r >= n);
    for (r, _) in &mut table.merged_down {
        *r -= n;
    }
    if let Some(&first) = table.row_lines.first() {
        table.line = first;
    }
    if table.caption.is_none() {
        table.caption = Some(title);
    }
    table.header_rows = header_rows(&table.rows);
}

/// Column names: each column's distinct header texts joined with `/`.
pub fn column_names(table: &Table) -> Vec<String> {
    let width = table.rows.first().map_or(0, |r| r.len());
    (0..width)
        .map(|c| {
            let mut parts: Vec<&str> = Vec::new();
            for row in table.rows.iter().take(table.header_rows) {
                if let Some(cell) = row.get(c)
                    && !cell.is_empty()
                    && !parts.contains(&cell.as_str())
                {
                    parts.push(cell);
                }
            }
            parts.join("/")
        })
        .collect()
}

/// Maps columns to roles by their header words. `None` when the table is not a task table
/// (it needs a lead column and a task or sequence column).
pub fn column_roles(names: &[String]) -> Option<Vec<ColumnRole>> {
    let (roles, named_tasks) = column_roles_unchecked(names);
    checked_roles(names, roles, named_tasks)
}

/// The roles [`column_roles`] gives the columns before it asks whether they make a task table,
/// and whether a header word names the tasks' column (`重点任务`, `工作内容`).
fn column_roles_unchecked(names: &[String]) -> (Vec<ColumnRole>, bool) {
    let words: Vec<u16> = names.iter().map(|n| header_words(n)).collect();
    let mut roles: Vec<ColumnRole> = names
        .iter()
        .zip(&words)
        .map(|(n, &w)| {
            if SEQ_WORDS.iter().any(|s| n == s || n.starts_with(s)) && n.chars().count() <= 4 {
                ColumnRole::Seq
            } else if w & word::PERSON != 0 && !units_before_people(n) {
                // People (`牵头领导`, `责任人`), not units: an extra column.
                ColumnRole::Extra
            } else if w & word::SUPPORT != 0 {
                ColumnRole::Support
            } else if w & word::LEAD != 0 {
                ColumnRole::Lead
            } else if w & word::GROUP != 0 {
                ColumnRole::Group
            } else {
                ColumnRole::Extra
            }
        })
        .collect();
    // `一级任务 | 二级任务 | 具体任务`: columns named by their level in an outline group the
    // tasks, outermost first; the deepest level holds the tasks only when no other column does.
    // So do levels of a word of no known kind (`一级指标 | 二级指标` of an assessment table,
    // whose flat form `序号 | 考核指标` holds its tasks in that column).
    let levelled: Vec<usize> = (0..names.len())
        .filter(|&i| {
            roles[i] == ColumnRole::Extra
                && (words[i] & (word::TASK | word::WEAK_TASK) != 0 || words[i] == 0)
                && is_level_name(&names[i])
        })
        .collect();
    for &i in &levelled {
        roles[i] = ColumnRole::Group;
    }
    // An identifier column (`项目编号`, `事项编码`) names no task: the name or content column
    // beside it (`项目名称`, `事项名称`) holds the tasks when there is one.
    let extra_with = |list: u16, ids: bool| {
        (0..roles.len()).position(|i| {
            roles[i] == ColumnRole::Extra
                && words[i] & list != 0
                && (ids || !names_identifier(&names[i]))
                && !names_figure(&names[i])
        })
    };
    // A header that names its tasks in a word of its own (`民生实事`, `考核指标`): the first
    // column of no known kind between the number and the units holds them.
    let unnamed = || {
        {
            let seq = roles.iter().position(|r| *r == ColumnRole::Seq)?;
            let lead = roles.iter().position(|r| *r == ColumnRole::Lead)?;
            (seq + 1..lead).find(|&i| roles[i] == ColumnRole::Extra && words[i] == 0)
        }
        .filter(|&i| !names_place(&names[i]))
    };
    let task_col = extra_with(word::TASK, false)
        .or_else(|| extra_with(word::WEAK_TASK, false))
        .or_else(|| extra_with(word::TASK, true))
        .or_else(|| extra_with(word::WEAK_TASK, true))
        .or_else(|| levelled.last().copied());
    // Whether a header word names the tasks' column (`重点任务`, `工作内容`, `一级任务`), not only
    // its place between the number and the units.
    let named_tasks = task_col.is_some();
    let task_col = task_col.or_else(unnamed);
    if let Some(t) = task_col {
        roles[t] = ColumnRole::Task;
        // `主要任务 | 具体举措`: the measures column to the right of a broader task column holds
        // the tasks, and the broader column (often merged down) groups them. So does a column
        // that names the content of a task (`重点任务 | 工作内容`) beside one of tasks that names
        // them (`重点任务`, `主要任务`; not `项目名称`, whose content describes a project).
        let specific = |i: usize| words[i] & word::SPECIFIC != 0;
        // A content column is the measures' only before the units (`重点任务 | 工作内容 |
        // 牵头单位`); one printed after them (`任务 | 牵头单位 | 配合单位 | 主要内容`, as a
        // workbook lists its other columns) says more of each task, an extra.
        let units_at = (t + 1..names.len())
            .find(|&i| matches!(roles[i], ColumnRole::Lead | ColumnRole::Support))
            .unwrap_or(names.len());
        let beside = |is: &dyn Fn(usize) -> bool| {
            (t + 1..names.len()).find(|&i| roles[i] == ColumnRole::Extra && is(i))
        };
        let content_beside = |is: &dyn Fn(usize) -> bool| {
            (t + 1..units_at).find(|&i| roles[i] == ColumnRole::Extra && is(i))
        };
        let names_tasks =
            ["任务", "任務"].iter().any(|w| names[t].contains(w)) && !names_content(&names[t]);
        if !specific(t)
            && let Some(m) = beside(&specific).or_else(|| {
                names_tasks
                    .then(|| content_beside(&|i| names_content(&names[i])))
                    .flatten()
            })
        {
            roles[t] = ColumnRole::Group;
            roles[m] = ColumnRole::Task;
        }
    }
    // `牵头单位 | 责任单位` without a 配合 column: the units responsible beside the lead are
    // its partners. So are the others beside the main ones (`主要责任单位 | 其他责任单位`).
    if !roles.contains(&ColumnRole::Support) {
        let mut leads = (0..roles.len()).filter(|&i| roles[i] == ColumnRole::Lead);
        let names_lead = |n: &str| n.contains("牵头") || n.contains("牽頭");
        if let (Some(first), Some(second)) = (leads.next(), leads.next())
            && (names_lead(&names[first]) || names[first].contains("主要"))
            && !names_lead(&names[second])
        {
            roles[second] = ColumnRole::Support;
        }
    }
    // A group column printed after the task column (`名称 | 类型 | 主办单位`) says something of
    // each row, as the columns around it do: groups stand before what they group.
    if let Some(t) = roles.iter().position(|r| *r == ColumnRole::Task) {
        for r in roles.iter_mut().skip(t + 1) {
            if *r == ColumnRole::Group {
                *r = ColumnRole::Extra;
            }
        }
    }
    // `主办单位 | … | 整改责任单位`: of two units columns, the one whose header allocates a duty
    // (`责任`, `牵头`, `负责`…) leads; one that only names who runs or oversees the thing the
    // row is about (`主办单位` of a website, `主管部门`, `实施单位`) is said of it, an extra.
    let duty = |i: usize| DUTY_HEADER_WORDS.iter().any(|w| names[i].contains(w));
    if let Some(d) = (0..roles.len()).find(|&i| roles[i] == ColumnRole::Lead && duty(i))
        && (0..d).any(|i| roles[i] == ColumnRole::Lead)
    {
        for r in roles.iter_mut().take(d) {
            if *r == ColumnRole::Lead {
                *r = ColumnRole::Extra;
            }
        }
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
    (roles, named_tasks)
}

/// `roles` when they make a task table: a units column, and a task or number column; not a list
/// of projects, nor a table that allocates nothing.
fn checked_roles(
    names: &[String],
    roles: Vec<ColumnRole>,
    named_tasks: bool,
) -> Option<Vec<ColumnRole>> {
    let has = |r: ColumnRole| roles.contains(&r);
    if !(has(ColumnRole::Lead) && (has(ColumnRole::Task) || has(ColumnRole::Seq))) {
        return None;
    }
    // No column of tasks, the rows being places (`序号 | 地区 | 分配金额 | 资金管理责任单位`, a
    // 资金分配表): the rows give money to places, not duties to units.
    if !has(ColumnRole::Task) && names.iter().any(|n| names_place(n)) {
        return None;
    }
    // A list of projects (`项目名称 | 建设内容 | 总投资 | 建设年限 | 实施单位`) names who builds or
    // oversees each project, not who is given a duty: without a column that allocates one
    // (`牵头`, `责任`, `负责`, `配合`…), it is a table, not tasks. So is a table that names
    // no task column either (`序号 | 地区 | 资金金额 | 实施单位 | 主管部门`, a 资金分配表): its
    // rows are places or items given money, not duties.
    let allocates = roles.iter().zip(names).any(|(r, n)| match r {
        ColumnRole::Support => true,
        ColumnRole::Lead => DUTY_HEADER_WORDS.iter().any(|w| n.contains(w)),
        _ => false,
    });
    let projects = || {
        names
            .iter()
            .any(|n| PROJECT_WORDS.iter().any(|w| n.contains(w)))
    };
    (allocates || (named_tasks && !projects())).then_some(roles)
}

/// The roles of a table with a column its header names as the tasks' (`序号 | 重点任务 | 完成时限`)
/// and no units column, whose task cells carry their allocation at their end as a measure's
/// paragraph does (`……。（牵头单位：甲；配合单位：乙）`, `……。（甲牵头，乙配合）`). `None` unless
/// most of its first rows' task cells (and at least one) allocate.
fn duty_in_task_cells(table: &Table, names: &[String]) -> Option<Vec<ColumnRole>> {
    let (roles, named_tasks) = column_roles_unchecked(names);
    if !named_tasks
        || roles
            .iter()
            .any(|r| matches!(r, ColumnRole::Lead | ColumnRole::Support))
    {
        return None;
    }
    let t = roles.iter().position(|r| *r == ColumnRole::Task)?;
    let (mut filled, mut allocating) = (0, 0);
    for row in table.rows.iter().skip(table.header_rows).take(20) {
        let Some(cell) = row.get(t).filter(|c| !c.is_empty()) else {
            continue;
        };
        filled += 1;
        if inline_duty(cell).is_some_and(|d| !d.lead.is_empty() || !d.support.is_empty()) {
            allocating += 1;
        }
    }
    (allocating > 0 && allocating * 2 >= filled).then_some(roles)
}

/// The headers of a column that holds what a task is to do, under the broader column that
/// names it: `重点任务 | 工作内容 | 牵头单位`.
const CONTENT_NAMES: &[&str] = &[
    "工作内容",
    "主要内容",
    "任务内容",
    "具体内容",
    "工作內容",
    "主要內容",
    "任務內容",
    "具體內容",
];

/// Whether a column's header names the content of the tasks (`工作内容`, `主要内容`,
/// `任务内容`), not the tasks themselves (`重点任务`) nor a project's (`建设内容`).
fn names_content(name: &str) -> bool {
    CONTENT_NAMES.contains(&name.trim_ws())
}

/// Whether a column's header names a figure of each row, not its content: a count (`承担项目数（个）`,
/// `任务数`), a rate (`完工率`) or a sum of money (`分配金额`). A statistics table by unit has no
/// task column, whatever its counts count.
fn names_figure(name: &str) -> bool {
    let name = name.trim_ws();
    let bare = name
        .strip_suffix(['）', ')'])
        .and_then(|x| x.rfind(['（', '(']).map(|at| &x[..at]))
        .unwrap_or(name);
    bare.ends_with(['数', '率', '數']) || names_money(name)
}

/// Whether a column's header names a sum of money (`分配金额`, `下达资金（万元）`).
fn names_money(name: &str) -> bool {
    [
        "金额", "资金", "万元", "亿元", "金額", "資金", "萬元", "億元",
    ]
    .iter()
    .any(|w| name.contains(w))
}

/// Whether a column's header names a place, not a task (`地区`, `市州`, `县（市、区）`).
fn names_place(name: &str) -> bool {
    let name = name.trim_ws();
    [
        "地区",
        "地市",
        "区域",
        "市州",
        "市（州）",
        "县区",
        "县（市、区）",
        "县（市区）",
        "地方",
        "行政区",
        "地區",
        "區域",
        "縣區",
    ]
    .contains(&name)
}

/// Whether a column's header names an identifier of each row (`项目编号`, `事项编码`,
/// `行政区划代码`), not its content.
fn names_identifier(name: &str) -> bool {
    let name = name.trim_ws();
    ["编号", "编码", "代码", "編號", "編碼", "代碼"]
        .iter()
        .any(|w| name.ends_with(w))
}

/// Words of a units column's header that allocate a duty (`落实单位` too), as `主管部门`,
/// `实施单位` or `承担单位` alone do not.
const DUTY_HEADER_WORDS: &[&str] = &["牵头", "责任", "负责", "主责", "指导", "落实", "落實"];
/// Words of the columns of a list of projects: their investment, period, scale and site.
const PROJECT_WORDS: &[&str] = &["投资", "年限", "建设规模", "建设地点", "开工", "竣工"];

/// A first column with no name over numbers (`| 主要任务 | 牵头单位 |…` above `1 | … `, the
/// corner cell left blank) is the 序号 column when no column is named so: every body cell in
/// it is a number, empty, or a group row's text. Without it, the numbers were an extra column
/// of each task.
fn number_column_without_a_name(table: &Table, names: &[String], roles: &mut [ColumnRole]) {
    if roles.contains(&ColumnRole::Seq)
        || names.first().is_none_or(|n| !n.is_empty())
        || roles.first() != Some(&ColumnRole::Extra)
    {
        return;
    }
    let mut numbers = 0usize;
    for row in table.rows.iter().skip(table.header_rows) {
        let Some(first) = row.first() else { continue };
        if first.is_empty() {
            continue;
        }
        if parse_seq(first).is_some() {
            numbers += 1;
        } else if group_text(row, roles).is_none() {
            return;
        }
    }
    if numbers > 0 {
        roles[0] = ColumnRole::Seq;
    }
}

/// `序号 | 民生实事 | 具体任务 | 责任单位` over `1 | 教育民生 | | ` and `1.1 | | 新建幼儿园 | 甲`:
/// a column of no known kind between the number and the tasks whose words stand only on rows
/// without units (the groups their numbered children extend, see [`decimal_parent`]) is a group
/// column, not an extra that every task would carry empty. A column that says something of any
/// task row (`类型`, `地点`) stays an extra.
fn group_column_of_parent_rows(table: &Table, roles: &mut [ColumnRole]) {
    let at = |role: ColumnRole| roles.iter().position(|r| *r == role);
    let (Some(s), Some(t)) = (at(ColumnRole::Seq), at(ColumnRole::Task)) else {
        return;
    };
    let units: Vec<usize> = (0..roles.len())
        .filter(|&i| matches!(roles[i], ColumnRole::Lead | ColumnRole::Support))
        .collect();
    for (c, role) in roles.iter_mut().enumerate().take(t).skip(s + 1) {
        if *role != ColumnRole::Extra {
            continue;
        }
        let mut filled = 0usize;
        // A row spanning the table (`一、教育`) repeats its words in every column; the header
        // printed again on a new page names the columns.
        let header = table.rows.get(..table.header_rows).unwrap_or_default();
        for row in table.rows.iter().skip(table.header_rows) {
            if row.get(c).is_none_or(|cell| cell.trim_ws().is_empty())
                || is_spanning_row(row)
                || header.contains(row)
            {
                continue;
            }
            let has_units = units
                .iter()
                .any(|&u| row.get(u).is_some_and(|cell| !cell.trim_ws().is_empty()));
            if has_units {
                filled = 0;
                break;
            }
            filled += 1;
        }
        if filled > 0 {
            *role = ColumnRole::Group;
        }
    }
}

/// `任务内容 | 牵头单位 | 工作措施`: a measures column not named as the specific ones
/// (`具体举措`) beside a task column holds the means of each task, not tasks under it, when the
/// task column does not group its rows: every task row has a task of its own, none left empty
/// or repeated as a merged cell leaves it. [`column_roles`] gave that column the tasks by the
/// names alone; the rows give them back. Measures printed between a heading's column and the
/// units (`重点任务 | 工作举措 | 牵头单位`, `主要任务 | 推进措施 | 责任单位`) are what the units
/// must do, as `具体措施` there is: the task column names its heading, not its content
/// (`任务内容`, `任务名称`), so they stay the tasks and the heading their group.
fn keep_task_beside_its_means(table: &Table, names: &[String], roles: &mut [ColumnRole]) {
    let Some(m) = roles.iter().position(|r| *r == ColumnRole::Task) else {
        return;
    };
    if names[m].contains("具体") || header_words(&names[m]) & word::SPECIFIC == 0 {
        return;
    }
    let units = roles
        .iter()
        .position(|r| matches!(r, ColumnRole::Lead | ColumnRole::Support));
    let Some(g) = (0..m).rev().find(|&i| {
        roles[i] == ColumnRole::Group
            && header_words(&names[i]) & (word::TASK | word::WEAK_TASK) != 0
            && header_words(&names[i]) & word::GROUP == 0
            && !is_level_name(&names[i])
    }) else {
        return;
    };
    let content = ["内容", "名称", "內容", "名稱"];
    if units.is_some_and(|u| m < u) && !content.iter().any(|w| names[g].contains(w)) {
        return;
    }
    let rows = table
        .rows
        .iter()
        .skip(table.header_rows)
        .filter(|r| !is_spanning_row(r))
        .filter(|r| r.get(m).is_some_and(|c| !c.is_empty()));
    let mut prev: Option<&str> = None;
    let mut count = 0;
    for row in rows {
        let cell = row.get(g).map_or("", String::as_str);
        if cell.is_empty() || prev == Some(cell) {
            return;
        }
        prev = Some(cell);
        count += 1;
    }
    if count >= 2 {
        roles[g] = ColumnRole::Task;
        roles[m] = ColumnRole::Extra;
    }
}

/// A person's name as a units column that names people beside their units prints it (`陈某某`,
/// `刘某（副主任）`): two to four Han characters, a title in brackets after them, no unit's name.
fn is_person_name(s: &str) -> bool {
    let base = s.split(['（', '(']).next().unwrap_or_default();
    (2..=4).contains(&base.chars().count())
        && base.chars().all(crate::normalize::is_han)
        && !is_unit_name(s)
        && !is_unit_name(base)
}

/// `责任单位（责任人）`, `牵头单位及责任人`: a column of units that names their people beside them,
/// not a column of people (`牵头领导`, `责任人`, `牵头单位负责人`).
fn units_before_people(name: &str) -> bool {
    let Some(cut) = name.find(['（', '(', '及', '和', '/']) else {
        return false;
    };
    let first = header_words(&name[..cut]);
    first & (word::LEAD | word::SUPPORT) != 0 && first & word::PERSON == 0
}

/// The style of the numbers a cell's units are listed with: `（1）`, `(1)`, `1.`, `1、`, `①`.
#[derive(Clone, Copy)]
enum UnitNumber {
    /// `（1）` or `(1)`: the opening bracket as printed.
    Bracketed(char, char),
    /// `1.`, `1．` or `1、`: the mark after the number.
    Dotted(char),
    /// `①`.
    Circled,
}

impl UnitNumber {
    /// The style of the number `1` that opens `cell`, and that number's length in bytes.
    fn opening(cell: &str) -> Option<(UnitNumber, usize)> {
        let mut chars = cell.chars();
        match chars.next()? {
            '①' => Some((UnitNumber::Circled, '①'.len_utf8())),
            '1' => match chars.next()? {
                c @ ('.' | '．' | '、') => Some((UnitNumber::Dotted(c), 1 + c.len_utf8())),
                _ => None,
            },
            open @ ('（' | '(') => {
                if chars.next()? != '1' {
                    return None;
                }
                match chars.next()? {
                    close @ ('）' | ')') => Some((
                        UnitNumber::Bracketed(open, close),
                        open.len_utf8() + 1 + close.len_utf8(),
                    )),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Where the number `n` of this style starts in `text`, and its length in bytes.
    fn find(self, text: &str, n: u32) -> Option<(usize, usize)> {
        match self {
            UnitNumber::Circled => {
                let c = char::from_u32(0x2460 + n.checked_sub(1)?).filter(|_| n <= 20)?;
                text.find(c).map(|at| (at, c.len_utf8()))
            }
            UnitNumber::Dotted(mark) => {
                let number = n.to_string();
                let mut from = 0;
                while let Some(at) = text[from..].find(number.as_str()).map(|a| a + from) {
                    let after = &text[at + number.len()..];
                    let digit_before = at
                        .checked_sub(1)
                        .and_then(|b| text.as_bytes().get(b))
                        .is_some_and(u8::is_ascii_digit);
                    if !digit_before && after.starts_with(mark) {
                        return Some((at, number.len() + mark.len_utf8()));
                    }
                    from = at + number.len();
                }
                None
            }
            UnitNumber::Bracketed(open, close) => {
                let marker = format!("{open}{n}{close}");
                text.find(marker.as_str()).map(|at| (at, marker.len()))
            }
        }
    }
}

/// A clause that opens with a unit's number (`2.乙`, `（2）乙`, `②乙`): what follows the number.
/// `None` for nearly every clause, which opens with Han.
fn after_unit_number(clause: &str) -> Option<&str> {
    let clause = clause.trim_ws();
    let first = *clause.as_bytes().first()?;
    let rest = if first.is_ascii_digit() {
        let digits = clause.bytes().take_while(u8::is_ascii_digit).count();
        clause[digits..].strip_prefix(['.', '．', '、'])?
    } else if first == b'(' || first == 0xEF {
        let inner = clause.strip_prefix(['（', '('])?;
        let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        inner[digits..].strip_prefix(['）', ')'])?
    } else {
        let c = clause.chars().next()?;
        if !('①'..='⑳').contains(&c) {
            return None;
        }
        &clause[c.len_utf8()..]
    };
    let rest = rest.trim_ws();
    (!rest.is_empty()).then_some(rest)
}

/// A unit cell whose units are numbered (`（1）甲（2）乙`, `1.甲 2.乙`, `①甲②乙`), cut at each
/// number in turn from `1`: the pieces between the numbers, without them and without the
/// separator a piece ends with. `None` when the cell does not open with the number `1`.
fn numbered_pieces(cell: &str) -> Option<Vec<&str>> {
    let cell = cell.trim_ws();
    // Nearly every cell opens with Han and is turned down at its first byte: `（` and `①`
    // start with `EF` and `E2`.
    let first = *cell.as_bytes().first()?;
    if !(first == b'1' || first == b'(' || first == 0xEF || first == 0xE2) {
        return None;
    }
    let (style, len) = UnitNumber::opening(cell)?;
    let mut pieces = Vec::new();
    let mut rest = &cell[len..];
    let mut n = 2;
    loop {
        match style.find(rest, n) {
            Some((at, len)) => {
                pieces.push(&rest[..at]);
                rest = &rest[at + len..];
                n += 1;
            }
            None => {
                pieces.push(rest);
                break;
            }
        }
    }
    Some(
        pieces
            .into_iter()
            .map(|p| {
                p.trim_ws()
                    .trim_end_matches(['、', '，', ',', '；', ';', '。'])
                    .trim_ws()
            })
            .filter(|p| !p.is_empty())
            .collect(),
    )
}

/// Whether a column's name starts with an outline level: `一级任务`, `二级指标`, `三级`.
fn is_level_name(name: &str) -> bool {
    // Under a header of two rows the level is the lower row's part: `改革任务/一级任务`.
    let name = name.rsplit('/').next().unwrap_or(name);
    let mut chars = name.chars();
    matches!(chars.next(), Some('一' | '二' | '三' | '四' | '五')) && chars.next() == Some('级')
}

/// A cell of units' names whose lines break inside a name, in any format's table: a page's
/// `市住房城乡<br>建设局、天河<br>区政府`, a `<p>` or a Word paragraph a printed line of a document made
/// from a PDF (`省发展改革委、省财` / `政厅`), a workbook cell's Alt+Enter, a CSV cell's quoted line
/// break. A line break between two pieces of which not both name a unit, and which together
/// name one, is no separator: the lines are joined there. Lines that name a unit each
/// (`市财政局` / `市教委`), a piece that opens with a unit's name (`市大数据局牵头`), a bracket on a
/// line of its own (a note on the units, `（按职责分工负责）`), and cells with anything but Chinese
/// characters, brackets and the separators of units keep their lines. `None` when no line
/// break is joined.
fn rejoin_broken_names(cell: &str) -> Option<String> {
    let units_only = |c: char| {
        crate::normalize::is_han(c) || matches!(c, '\n' | '、' | '，' | '；' | '（' | '）')
    };
    if !cell.chars().all(units_only) {
        return None;
    }
    let is_sep = |c: char| matches!(c, '、' | '，' | '；');
    let mut lines = cell.split('\n');
    let mut out = String::with_capacity(cell.len());
    out.push_str(lines.next().unwrap_or_default());
    let mut whole = String::new();
    let mut joined = false;
    for line in lines {
        let tail = out
            .rsplit(['\n', '、', '，', '；'])
            .next()
            .unwrap_or_default();
        let head = line.split(is_sep).next().unwrap_or_default();
        whole.clear();
        whole.push_str(tail);
        whole.push_str(head);
        let both_named = is_unit_name(tail) && is_unit_name(head);
        // A piece that opens with a unit's name is that unit with more words (`市大数据局牵头`):
        // it is not cut inside a name.
        let names_first = || {
            tail.char_indices()
                .skip(2)
                .any(|(at, _)| is_unit_name(&tail[..at]))
        };
        let broken = !tail.is_empty()
            && !head.is_empty()
            && !head.starts_with('（')
            && !both_named
            && is_unit_name(&whole)
            && !names_first();
        if broken {
            joined = true;
        } else {
            out.push('\n');
        }
        out.push_str(line);
    }
    joined.then_some(out)
}

/// Splits a unit cell on `、`, `，`, `；` (and a slash, half or full width) outside brackets:
/// `市科技局、人行重庆营管部` → two units.
/// Text that is not a plain list (`《…》中的实施部门`) stays whole, and so do divisions that share
/// one head noun (`各区、市政府`, `各市、区人民政府`): the pieces before the head are not units.
pub fn split_units(cell: &str) -> Vec<String> {
    // A name broken over the cell's lines (`省发展改革委、省财` / `政厅`) is one name.
    if crate::normalize::find_byte(cell.as_bytes(), b'\n').is_some()
        && let Some(joined) = rejoin_broken_names(cell)
    {
        return split_units(&joined);
    }
    // A role mark with the next name run on after it (a cell's lines joined: `甲（牵头）` /
    // `乙、丙` → `甲（牵头）乙、丙`): the mark ends its unit's name.
    if let Some(parted) = part_after_marks(cell) {
        return split_units(&parted);
    }
    // Units numbered inside the cell (`（1）市住房城乡建委（2）市财政局`, `1.市发展改革委 2.市国资委`,
    // `①市财政局②各区县政府`): the numbers part them and are no part of any name.
    if let Some(pieces) = numbered_pieces(cell) {
        return pieces.into_iter().flat_map(split_units).collect();
    }
    // A full stop ends the list (`市体育局、市商务委。`); it is no part of a name.
    const SEPARATORS: &[char] = &['、', '，', ',', '；', ';', '/', '／', '\n', '。'];
    // Nearly every cell names no bare division: its pieces are the units.
    let mut units = Vec::new();
    // Where the run of names parted by `、` the piece stands in began, among the units.
    let mut run = 0;
    let mut run_ended = false;
    // Pieces of the run that name no unit alone (`各市`, `成都`, `各级财政`: see [`fragment`]),
    // held until a piece completes them with the head noun they share, and their kind.
    let mut held: Vec<&str> = Vec::new();
    let mut held_kind = Fragment::Divisions;
    for piece in crate::structure::top_level_pieces(cell, SEPARATORS) {
        let start = piece.as_ptr() as usize - cell.as_ptr() as usize;
        let after_comma = cell[..start].ends_with('、');
        if run_ended {
            run = units.len();
        }
        // A lead mark that closes a run of names (`甲、乙（牵头），丙`, `甲、乙（牵头）`) marks the
        // run: every unit listed before it leads. One before `、` (`甲（牵头）、乙`) marks its
        // unit alone.
        let end = start + piece.len();
        run_ended = !cell.get(end..).is_some_and(|rest| rest.starts_with('、'));
        // (A held piece is followed by `、`: this one goes on its run.)
        if !held.is_empty() {
            if !run_ended && fragment(piece, false) == Some(held_kind) {
                held.push(piece);
                continue;
            }
            if let Some(joined) = complete_run(&held, held_kind, piece) {
                held.clear();
                if run_ended {
                    mark_run(&mut units, run, piece);
                }
                units.extend(joined);
                continue;
            }
            if !push_held(&mut units, &mut held) {
                break;
            }
        }
        if run_ended {
            mark_run(&mut units, run, piece);
        }
        // `无`, `—`: a cell that says it names no unit.
        if is_no_unit(piece) {
            continue;
        }
        // `各县（市、区）党委、政府`, `各市州党委、政府`: the government after the committee is the
        // same divisions'.
        if after_comma
            && matches!(piece, "政府" | "人民政府")
            && let Some(last) = units.last_mut().filter(|u| u.ends_with("党委"))
        {
            last.push('、');
            last.push_str(piece);
            continue;
        }
        if !run_ended && let Some(kind) = fragment(piece, true) {
            held.push(piece);
            held_kind = kind;
            continue;
        }
        if is_bare_division(piece, true) {
            units.clear();
            break;
        }
        // Names a layout sets apart by spaces (`市发展改革委　市大数据局`), which normalization
        // keeps as one space between words: each a unit when every word names one.
        if crate::normalize::find_byte(piece.as_bytes(), b' ').is_some() {
            let words: Vec<&str> = piece.split(' ').map(without_etc).collect();
            if words.iter().all(|w| is_unit_name(w)) {
                units.extend(words.iter().map(|w| w.to_string()));
                continue;
            }
        }
        // `各街道办事处、镇人民政府`, `各镇人民政府、街道办事处`: the township bodies listed
        // after a collective share its `各` (as the addressee line prints them): each township's.
        if after_comma
            && is_bare_township_body(piece)
            && units.last().is_some_and(|u| u.starts_with('各'))
        {
            units.push(format!("各{piece}"));
            continue;
        }
        // Two units joined by a conjunction (`国家金融监督管理总局及有关部门`, `市委宣传部和市文明办`).
        if let Some(conjoined) = split_conjoined(piece) {
            units.extend(conjoined.into_iter().map(str::to_string));
            continue;
        }
        push_with_collective(&mut units, piece);
    }
    if !held.is_empty() {
        push_held(&mut units, &mut held);
    }
    if !units.is_empty() || cell.trim_ws().is_empty() {
        return units;
    }
    let mut out = Vec::new();
    for segment in top_level_cuts(cell, &['，', ',', '；', ';', '/', '／', '\n', '。']) {
        let pieces: Vec<&str> = top_level_cuts(segment, &['、'])
            .into_iter()
            .map(str::trim_ws)
            .filter(|p| !p.is_empty() && !is_no_unit(p))
            .collect();
        let mut i = 0;
        while i < pieces.len() {
            let mut j = i;
            while j < pieces.len() && is_bare_division(pieces[j], j == i) {
                j += 1;
            }
            if j > i && pieces.get(j).is_some_and(|p| has_shared_head(p)) {
                out.push(pieces[i..=j].join("、"));
                i = j + 1;
            } else if j > i + 1 && j == pieces.len() {
                // `各市、区负责`: divisions listed to the end stand for the bodies of each, one
                // group as `各市、区人民政府` is.
                out.push(pieces[i..j].join("、"));
                i = j;
            } else {
                push_with_collective(&mut out, pieces[i]);
                i += 1;
            }
        }
    }
    out
}

/// Whether `piece` names the body of a township or street without naming which one
/// (`镇人民政府`, `街道办事处`, `乡镇政府`, `镇党委`): after `各…、` it is each one's.
fn is_bare_township_body(piece: &str) -> bool {
    // Nearly every piece starts otherwise: its first bytes turn it down.
    let Some(rest) = ["乡镇", "镇", "乡", "街道"]
        .iter()
        .find_map(|w| piece.strip_prefix(w))
    else {
        return false;
    };
    matches!(
        rest,
        "人民政府" | "政府" | "办事处" | "党委" | "党工委" | "党委、政府"
    )
}

/// What a piece of a run of names parted by `、` is when it names no unit alone and the run's
/// last piece completes it with the head noun they share ([`complete_run`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Fragment {
    /// Divisions that stand for the bodies of each (`各市`, `县`, `各设区市`, `各地（市）`,
    /// `市` of `市、县两级政府`): the run is one collective unit, `各市、县、自治县人民政府`.
    Divisions,
    /// A named city or county printed without its division (`成都` of
    /// `成都、德阳、资阳市人民政府`): each is its own government, `成都市人民政府`.
    Place,
    /// A level's department named by its field alone (`各级财政` of `各级财政、审计部门`,
    /// `省教育` of `省教育、卫生健康部门`): each is the level's department, `各级财政部门`.
    Field,
    /// A level's leading organ (`省委` of `省委、省政府有关部门`) before the same level's other
    /// organ and the departments they share: each names its own departments, `省委有关部门`.
    /// A unit alone when the run's last piece names no departments.
    Leading,
}

/// Whether `piece` is a level's committee or government: `省委`, `市政府`, `自治区人民政府`.
fn is_leading_organ(piece: &str) -> bool {
    // `自治区人民政府` is 21 bytes; nearly every piece is longer or ends otherwise.
    piece.len() <= 21
        && piece.ends_with(['委', '府'])
        && LEVEL_WORDS
            .iter()
            .find_map(|l| piece.strip_prefix(l))
            .is_some_and(|rest| matches!(rest, "委" | "党委" | "政府" | "人民政府"))
}

/// The departments a level's leading organs share, printed after the last (`省委、省政府有关部门`).
const LEADING_ORGANS_DEPARTMENTS: &[&str] = &[
    "各有关部门",
    "有关部门",
    "相关部门",
    "各部门",
    "所属部门",
    "直属部门",
    "工作部门",
    "职能部门",
    "有关单位",
    "相关单位",
    "直属单位",
    "直属机构",
];

/// The level a run of [`Fragment::Field`] pieces starts with: `各级`, or a level word.
const FIELD_LEVELS: &[&str] = &["各级", "自治区", "省", "市", "县", "区"];

/// What `piece` is as a fragment of a run ([`Fragment`]), `first` when it opens the run (then
/// with `各` or a level word); `None` for a unit's name and nearly every other piece. Each
/// piece of every units cell is asked: a name longer than a few characters, or ending as a
/// unit's name ends, is turned down before any character is looked at again.
fn fragment(piece: &str, first: bool) -> Option<Fragment> {
    // Six Chinese characters and a bracket of three divisions: 33 bytes.
    if piece.len() > 33 || piece.is_empty() {
        return None;
    }
    if is_leading_organ(piece) {
        return Some(Fragment::Leading);
    }
    if has_unit_ending(piece) {
        return None;
    }
    if is_bare_division(piece, first) || (first && is_division_kind(piece)) {
        return Some(Fragment::Divisions);
    }
    if !piece.chars().all(crate::normalize::is_han) {
        return None;
    }
    let n = piece.chars().count();
    let head = piece.chars().next()?;
    if first && let Some(field) = FIELD_LEVELS.iter().find_map(|l| piece.strip_prefix(l)) {
        return (starts_with_department_word(field) && field.chars().count() <= 6)
            .then_some(Fragment::Field);
    }
    if !first && starts_with_department_word(piece) && n <= 6 {
        return Some(Fragment::Field);
    }
    // A place's own name: two to four characters, not starting with a division, nor ending
    // with one unless it is a city's own two (`广州`, `郑州`; `凉山州` is a prefecture named
    // short, whose government the list's last name's division is not), no collective (`各`,
    // `有关`…).
    ((2..=4).contains(&n)
        && !DIVISIONS.contains(&head)
        && (!piece.ends_with(DIVISIONS) || (n == 2 && piece.ends_with('州')))
        && !["各", "有关", "相关", "其他", "团"]
            .iter()
            .any(|w| piece.starts_with(w)))
    .then_some(Fragment::Place)
}

/// `各` and a kind of division, with the divisions of the same level in brackets after it or
/// not: `各设区市`, `各地级以上市`, `各省辖市`, `各市州`, `各地（市）`, `各市（地）`.
fn is_division_kind(piece: &str) -> bool {
    let Some(rest) = piece.strip_prefix('各') else {
        return false;
    };
    let rest = without_division_bracket(rest).unwrap_or(rest);
    (1..=6).contains(&rest.chars().count())
        && rest.chars().all(crate::normalize::is_han)
        && (rest.ends_with(DIVISIONS) || rest.ends_with('地'))
}

/// `s` without the bracket of divisions that ends it (`各地（市）` → `各地`, also `〔〕`, as
/// inside an allocation's brackets); `None` when it ends with none.
fn without_division_bracket(s: &str) -> Option<&str> {
    let body = s.strip_suffix(['）', ')', '〕'])?;
    let open = body.rfind(['（', '(', '〔'])?;
    let inner = body[open..].trim_start_matches(['（', '(', '〔']);
    (!inner.is_empty()
        && inner
            .chars()
            .all(|c| c == '、' || c == '地' || DIVISIONS.contains(&c)))
    .then(|| &body[..open])
}

/// The units of a run of `held` fragments of one `kind` that `last` completes, or `None` when
/// it does not: divisions and the bodies they share (`各市、县、自治县人民政府`,
/// `各设区市、县（市、区）人民政府`, `市、县两级政府`, `省、市、县三级公共资源交易管理部门`) are one
/// collective, as an addressee line prints them; named places each take the division and the
/// government of the last (`成都、德阳市人民政府` → `成都市人民政府`, `德阳市人民政府`); a level's
/// fields each take `部门` and the level (`各级财政、审计部门` → `各级财政部门`, `各级审计部门`).
fn complete_run(held: &[&str], kind: Fragment, last: &str) -> Option<Vec<String>> {
    match kind {
        Fragment::Divisions => shares_divisions_head(last).then(|| {
            let mut unit = held.join("、");
            unit.push('、');
            unit.push_str(last);
            vec![unit]
        }),
        Fragment::Place => {
            let at = place_head_at(last)?;
            let head = &last[at..];
            let mut out: Vec<String> = held.iter().map(|p| format!("{p}{head}")).collect();
            out.push(last.to_string());
            Some(out)
        }
        Fragment::Field => {
            let field = last.strip_suffix("部门")?;
            if !(2..=8).contains(&field.chars().count())
                || !field.chars().all(crate::normalize::is_han)
                || !starts_with_department_word(field)
            {
                return None;
            }
            let level = FIELD_LEVELS.iter().find(|l| held[0].starts_with(**l))?;
            let mut out: Vec<String> = held
                .iter()
                .map(|p| {
                    if p.starts_with(level) {
                        format!("{p}部门")
                    } else {
                        format!("{level}{p}部门")
                    }
                })
                .collect();
            out.push(format!("{level}{last}"));
            Some(out)
        }
        Fragment::Leading => {
            let departments = LEADING_ORGANS_DEPARTMENTS
                .iter()
                .find(|d| last.ends_with(**d))?;
            if !is_leading_organ(&last[..last.len() - departments.len()]) {
                return None;
            }
            let mut out: Vec<String> = held.iter().map(|p| format!("{p}{departments}")).collect();
            out.push(last.to_string());
            Some(out)
        }
    }
}

/// Pushes the `held` pieces that no piece completed, each as a unit as any piece is; `false`
/// (and `units` cleared) when one is a bare division, which [`split_units`] reads with the
/// list's divisions instead.
fn push_held(units: &mut Vec<String>, held: &mut Vec<&str>) -> bool {
    if held
        .iter()
        .enumerate()
        .any(|(i, p)| is_bare_division(p, i == 0))
    {
        units.clear();
        held.clear();
        return false;
    }
    for p in held.drain(..) {
        match split_conjoined(p) {
            Some(conjoined) => units.extend(conjoined.into_iter().map(str::to_string)),
            None => push_with_collective(units, p),
        }
    }
    true
}

/// Whether `piece` ends a run of divisions with the body they share: divisions (`县`, `自治县`,
/// `县级市`, `县市区`, `县（市、区）`, `县〔区〕`), then a government body ([`SHARED_HEADS`]), or
/// levels counted (`两级`, `三级`) and any unit, or a field's `部门` (`县（市、区）发展改革部门`).
fn shares_divisions_head(piece: &str) -> bool {
    let mut rest = piece;
    let mut divisions = 0;
    for _ in 0..8 {
        if let Some(r) = rest.strip_prefix("自治") {
            rest = r;
        } else if let Some(r) = rest.strip_prefix(DIVISIONS) {
            divisions += 1;
            rest = r;
        } else if let Some(r) = rest.strip_prefix('级').filter(|_| divisions > 0) {
            rest = r;
        } else if rest.starts_with(['（', '(', '〔']) && divisions > 0 {
            let Some(close) = rest.find(['）', ')', '〕']) else {
                return false;
            };
            let close = close + rest[close..].chars().next().map_or(0, char::len_utf8);
            if without_division_bracket(&rest[..close]) != Some("") {
                return false;
            }
            rest = &rest[close..];
        } else {
            break;
        }
    }
    if !(1..=4).contains(&divisions) {
        return false;
    }
    if let Some(r) = ["两级", "三级", "四级", "五级"]
        .iter()
        .find_map(|l| rest.strip_prefix(l))
    {
        return SHARED_HEADS.iter().any(|h| r.starts_with(h)) || is_unit_name(r);
    }
    SHARED_HEADS.iter().any(|h| rest.starts_with(h))
        || rest
            .strip_suffix("部门")
            .is_some_and(|field| !field.is_empty() && starts_with_department_word(field))
}

/// Where the division and the government of a named place's begin in `piece`
/// (`资阳市人民政府` → at `市`, `郴州市政府` too): two to four characters of its own name, not
/// starting with a division, then one division and a government ([`PLACE_HEADS`]) to the end. `None` for any other piece.
fn place_head_at(piece: &str) -> Option<usize> {
    let own_name = |name: &str| {
        let n = name.chars().count();
        (2..=4).contains(&n)
            && name.chars().next().is_some_and(|c| !DIVISIONS.contains(&c))
            && name.chars().all(crate::normalize::is_han)
    };
    if let Some(head) = PLACE_HEADS.iter().find(|h| piece.ends_with(**h)) {
        let before = &piece[..piece.len() - head.len()];
        let division = before.strip_suffix(DIVISIONS)?;
        return own_name(division).then_some(division.len());
    }
    // An organ a place names as its own (`洛阳海关`, `深圳市中级人民法院`): after the place's
    // name, with its division or without (`郑州`, `广州`: a city's own two ending in `州`).
    let head = PLACE_ORGAN_HEADS.iter().find(|h| piece.ends_with(**h))?;
    let before = &piece[..piece.len() - head.len()];
    if let Some(division) = before.strip_suffix(DIVISIONS)
        && own_name(division)
    {
        return Some(division.len());
    }
    (own_name(before)
        && (!before.ends_with(DIVISIONS)
            || (before.chars().count() == 2 && before.ends_with('州'))))
    .then_some(before.len())
}

/// Organs of a named place besides its government that a run of places may share
/// (`郑州、洛阳海关`, `广州、深圳中级人民法院`): each place's own, as `成都、德阳市人民政府` are
/// each city's government. The longer before the shorter that ends them.
const PLACE_ORGAN_HEADS: &[&str] = &[
    "中级人民法院",
    "人民法院",
    "人民检察院",
    "海关",
    "海事局",
    "铁路局",
    "税务局",
    "公安局",
    "边检站",
    "中心支行",
    "供电公司",
];

/// Level words an organ's name may start with (`自治区发展改革委`, `省财政厅`, `市教育局`), the
/// longer before the shorter that ends them.
const LEVEL_WORDS: &[&str] = &[
    "自治区",
    "自治州",
    "自治县",
    "省",
    "市",
    "县",
    "区",
    "州",
    "盟",
    "旗",
];

/// Puts the level word a list prints once for a run of units (`自治区发展改革委、工业和信息化厅、
/// 商务厅`, `省发展改革委、财政厅`) before each bare department's name of `task` that the run
/// goes on with ([`is_bare_department`]): `工业和信息化厅` → `自治区工业和信息化厅`, as its cell
/// (`lead_text`, `support_text`, which stay as printed) shows it in the run. The run is read
/// back from the name through `、` and the bare departments before it to the name the level
/// word starts ([`level_before`]).
fn carry_levels(task: &mut Task) {
    carry_over_run(task, is_bare_department, level_before, |unit, word| {
        unit.insert_str(0, word);
    });
}

/// What [`carry_levels`] and [`carry_heads`] share: each unit of `task` that `bare` takes for a
/// name printed short in a run gets the word `word` finds for it in the cells as printed, put
/// on by `put`. A task gathered over many rows can print thousands of units: its text is not
/// searched once a unit (a run is a cell's, a few hundred characters at most).
fn carry_over_run<W>(
    task: &mut Task,
    bare: impl Fn(&str) -> bool,
    word: W,
    put: impl Fn(&mut String, &str),
) where
    W: for<'t> Fn(&'t str, &str) -> Option<&'t str>,
{
    if task.lead_text.len() + task.support_text.len() > 3000 {
        return;
    }
    let printed = [task.lead_text.as_str(), task.support_text.as_str()];
    for units in [&mut task.lead, &mut task.support] {
        for unit in units.iter_mut() {
            if !bare(unit) {
                continue;
            }
            if let Some(w) = printed.iter().find_map(|t| word(t, unit)) {
                put(unit, w);
            }
        }
    }
}

/// Prints the inner brackets of a unit's name as the name prints them outside an allocation:
/// `各区县〔自治县〕政府` → `各区县（自治县）政府`, `各乡镇〔街道〕` → `各乡镇（街道）`. Inside a
/// bracketed allocation (`（责任单位：…）`) a name's own brackets are set `〔〕` only because the
/// allocation is already in `（）` — the same rule sets a role mark `〔牵头〕`, which
/// [`strip_mark`] has taken off by now. A bracket of digits (a year, `〔2023〕`) is no part of a
/// name's words and stays. `lead_text` and `support_text` keep the print.
fn round_inner_brackets(unit: &mut String) {
    // `〔` is `E3 80 94`: nearly every name has no `0x94` byte and is turned down by it.
    if crate::normalize::find_byte(unit.as_bytes(), 0x94).is_none() || !unit.contains('〔') {
        return;
    }
    let mut out = String::with_capacity(unit.len());
    let mut rest = unit.as_str();
    while let Some(open) = rest.find('〔') {
        let after = &rest[open + '〔'.len_utf8()..];
        let Some(close) = after.find(['〕', '〔']) else {
            break;
        };
        let inner = &after[..close];
        out.push_str(&rest[..open]);
        if after[close..].starts_with('〕')
            && !inner.is_empty()
            && !inner.chars().all(|c| c.is_ascii_digit())
        {
            out.push('（');
            out.push_str(inner);
            out.push('）');
            rest = &after[close + '〕'.len_utf8()..];
        } else {
            out.push('〔');
            rest = after;
        }
    }
    out.push_str(rest);
    *unit = out;
}

/// Head nouns a run of development zones shares (`两江新区、重庆高新区管委会`): the body that
/// runs each zone.
const ZONE_HEADS: &[&str] = &["管委会", "管理委员会"];

/// Words a development zone's name ends with (`两江新区`, `万盛经开区`, `綦江工业园区`).
const ZONE_WORDS: &[&str] = &[
    "新区",
    "开发区",
    "高新区",
    "经开区",
    "园区",
    "试验区",
    "示范区",
    "保税区",
    "合作区",
    "综保区",
    "自贸区",
    "片区",
    "工业园",
    "产业园",
    "科技园",
];

/// Whether `name` is a development zone's bare name (`两江新区`, `万盛经开区`): it ends with a
/// zone word ([`ZONE_WORDS`]) after a name of its own, and is no collective (`各开发区`).
fn is_bare_zone(name: &str) -> bool {
    // `区` ends `E5 8C BA`, `园` `E5 9B AD`: nearly every unit's name is turned down by its
    // last byte.
    matches!(name.as_bytes().last(), Some(0xBA | 0xAD))
        && !name.starts_with('各')
        && ZONE_WORDS
            .iter()
            .any(|w| name.len() > w.len() && name.ends_with(w))
}

/// Where a standing remark on the measures below names the units that carry them all out
/// (`以下均需各市政府落实，不再列出`, `以下各项均需各区政府落实`, `以下均由各县（市、区）负责`):
/// the remark's span in `text` (from `以下` to its end, `不再列出` with it) and the units' words.
/// `None` for any other remark.
fn standing_remark(text: &str) -> Option<(usize, usize, &str)> {
    const VERBS: &[&str] = &["负责落实", "抓好落实", "组织实施", "落实", "负责"];
    let start = memchr::memmem::find(text.as_bytes(), "以下".as_bytes())?;
    let mut rest = &text[start + "以下".len()..];
    for word in [
        "各项任务",
        "各项措施",
        "各项工作",
        "各项",
        "任务",
        "措施",
        "工作",
        "事项",
    ] {
        if let Some(r) = rest.strip_prefix(word) {
            rest = r;
            break;
        }
    }
    let rest = ["均需", "均须", "均由", "都需", "都由", "均要"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))?;
    let (units_end, verb) = VERBS
        .iter()
        .filter_map(|v| rest.find(v).map(|at| (at, *v)))
        .min_by_key(|(at, _)| *at)?;
    let units = &rest[..units_end];
    if units.is_empty() || units.contains(['，', '；', '。']) {
        return None;
    }
    let mut end = text.len() - rest.len() + units_end + verb.len();
    // `，不再列出`, `，不再一一列出`: said of the units, part of the remark.
    let tail = &text[end..];
    if let Some(next) = tail.strip_prefix(['，', ','])
        && let Some(at) = next.find("列出")
        && !next[..at].contains(['，', ',', '；', '。'])
    {
        end = text.len() - next.len() + at + "列出".len();
    }
    Some((start, end, units))
}

/// Gives the units a standing remark names (`以下均需各市政府落实，不再列出`, see
/// [`standing_remark`]) to every later task of `tasks` (the inline tasks of one part), under the
/// role the remark's own task gives them (its lead, as `责任单位：省工业和信息化厅，各市政府` does;
/// else its support), and takes the remark out of the task's `其他`: it allocates, it is no
/// remark. The units are "not listed again" below; without this each later task would lose them.
fn carry_standing_units(tasks: &mut [Task]) {
    for i in 0..tasks.len() {
        // Nearly every task has no `其他`, and nearly every one that has says no `以下`.
        let Some(other) = tasks[i].extra.get("其他") else {
            continue;
        };
        let Some((start, end, words)) = standing_remark(other) else {
            continue;
        };
        let units = split_units(words);
        if units.is_empty() {
            continue;
        }
        let lead = tasks[i].lead.iter().any(|u| units.contains(u));
        let left = format!("{}{}", &other[..start], &other[end..]);
        let left = left.trim_matches(['，', ',', '；', ';', '。', ' ']);
        if left.is_empty() {
            tasks[i].extra.shift_remove("其他");
        } else {
            let left = left.to_string();
            tasks[i].extra.insert("其他".to_string(), left);
        }
        // `以下` counts the measure it is printed under: its own task carries them out too.
        for later in tasks.iter_mut().skip(i) {
            for unit in &units {
                if later.lead.contains(unit) || later.support.contains(unit) {
                    continue;
                }
                if lead {
                    later.lead.push(unit.clone());
                } else {
                    later.support.push(unit.clone());
                }
            }
        }
    }
}

/// The measure an inline allocation refers back to instead of naming units: `同上` (the measure
/// before), `同（四）` (the measure numbered so). `None` for a unit's name.
enum DittoRef<'a> {
    Above,
    Marker(&'a str),
}

fn ditto_ref(unit: &str) -> Option<DittoRef<'_>> {
    if !unit.starts_with('同') || unit.len() > 30 {
        return None;
    }
    if is_ditto(unit) || matches!(unit, "同上述" | "同上条" | "同上项") {
        return Some(DittoRef::Above);
    }
    let rest = unit.strip_prefix('同')?.trim_ws();
    let rest = rest.strip_prefix('第').unwrap_or(rest);
    let rest = rest.trim_end_matches(['条', '项']);
    crate::numbering::marker_kind(rest).map(|_| DittoRef::Marker(rest))
}

/// Gives an inline task whose allocation says `同上` (`（责任单位：同上）`, `配合单位：同上`) or
/// `同（四）` the units of the measure it names (the one before, or the last numbered so), as a
/// `同上` cell of a table takes the cell above: a unit list of nothing but the mark takes that
/// measure's units in the same role (`责任单位：同上` alone takes its lead and support), and
/// `lead_text`/`support_text` keep the mark. A reference to no earlier measure is left as
/// printed.
fn resolve_inline_dittos(tasks: &mut [Task]) {
    for i in 1..tasks.len() {
        // The marker a list of nothing but a reference names (empty for `同上`).
        let reference = |units: &[String]| match units {
            [one] => ditto_ref(one).map(|r| match r {
                DittoRef::Above => String::new(),
                DittoRef::Marker(m) => m.to_string(),
            }),
            _ => None,
        };
        let lead_ref = reference(&tasks[i].lead);
        let support_ref = reference(&tasks[i].support);
        if lead_ref.is_none() && support_ref.is_none() {
            continue;
        }
        // The measure referred to: the one before, or the last one marked so before this.
        let find = |marker: &str| -> Option<usize> {
            if marker.is_empty() {
                return Some(i - 1);
            }
            let bare = |m: &str| m.trim_end_matches(['、', '.', '．']).to_string();
            let wanted = bare(marker);
            (0..i).rev().find(|&j| {
                tasks[j]
                    .marker
                    .as_deref()
                    .is_some_and(|m| bare(m) == wanted)
            })
        };
        let lead_from = lead_ref.as_deref().and_then(find);
        let support_from = support_ref.as_deref().and_then(find);
        if let Some(j) = lead_from {
            let (lead, support) = (tasks[j].lead.clone(), tasks[j].support.clone());
            let t = &mut tasks[i];
            if t.support.is_empty() {
                t.support = support;
            }
            t.lead = lead;
        }
        if let Some(j) = support_from {
            tasks[i].support = tasks[j].support.clone();
        }
    }
}

/// Gives each zone of a run that shares one head noun its head, the mirror of
/// [`carry_levels`]: `两江新区、西部科学城重庆高新区、万盛经开区管委会` prints the committees of
/// three zones with `管委会` once, at the end, so `两江新区` → `两江新区管委会`. A bare zone name
/// is a territory, not an organ, and the same committee printed alone (`两江新区管委会`) in the
/// next task is the same unit. Unlike `各区、市政府` (divisions standing for the governments of
/// each, kept whole), each zone is named: its committee is one organ of its own. The run is read
/// forward from the name through `、` and bare zones to one that ends with the head
/// ([`head_after`]); `lead_text` and `support_text` stay as printed.
///
/// Named cities and counties share their government so (`成都市、自贡市人民政府`,
/// `攀枝花市、凉山州人民政府`): `成都市` → `成都市人民政府`, the body the allocation names, not
/// the territory. Departments (`市发展改革委、市经济信息委`) and divisions that stand for each
/// one's government (`各市、县人民政府`, kept whole by [`split_units`]) are no named places.
fn carry_heads(task: &mut Task) {
    carry_over_run(
        task,
        |u| is_bare_zone(u) || is_bare_place(u),
        head_after,
        |unit, head| unit.push_str(head),
    );
}

/// Head nouns a run of named cities or counties shares (`成都市、自贡市人民政府`): the
/// government of each.
const PLACE_HEADS: &[&str] = &["人民政府", "政府"];

/// Whether `name` is a named city, prefecture, county or district alone (`成都市`, `凉山州`,
/// `某某县`): a name of its own of two to eight Han characters, not divisions (`县市`) nor a
/// kind of place (`有关市`, `设区市`), then one division. Development zones are
/// [`is_bare_zone`]'s.
fn is_bare_place(name: &str) -> bool {
    // The last bytes of `市州县区盟旗`: nearly every unit's name is turned down by its last byte.
    if !matches!(
        name.as_bytes().last(),
        Some(0x82 | 0x9E | 0xBF | 0xBA | 0x9F | 0x97)
    ) {
        return false;
    }
    let Some(body) = name.strip_suffix(['市', '州', '县', '区', '盟', '旗']) else {
        return false;
    };
    const KINDS: &[&str] = &[
        "各", "有关", "相关", "设区", "其他", "其余", "所在", "重点", "试点", "全",
    ];
    (2..=8).contains(&body.chars().count())
        && body.chars().all(crate::normalize::is_han)
        && !body.chars().all(|c| DIVISIONS.contains(&c))
        && !KINDS.iter().any(|w| body.starts_with(w))
        && !is_bare_zone(name)
}

/// The head noun ([`ZONE_HEADS`], or [`PLACE_HEADS`] for a named place) that ends the run of
/// zone or place names `unit` stands in in `text` (`管委会` for `两江新区` in
/// `两江新区、重庆高新区、万盛经开区管委会`, `人民政府` for `成都市` in `成都市、自贡市人民政府`):
/// `unit` whole before `、`, then bare names of its kind parted by `、`, then one with the head.
/// `None` when no such run holds it (`两江新区、市发展改革委`, `两江新区`).
fn head_after<'t>(text: &'t str, unit: &str) -> Option<&'t str> {
    // A zone's run is of zones, a place's of places (`成都市、自贡市人民政府`).
    let (heads, bare): (&[&str], fn(&str) -> bool) = if is_bare_zone(unit) {
        (ZONE_HEADS, is_bare_zone)
    } else {
        (PLACE_HEADS, is_bare_place)
    };
    const ENDS: &[char] = &[
        '、', '，', ',', '；', ';', '。', '（', '(', '）', ')', '\n', ' ', '等',
    ];
    const STARTS: &[char] = &[
        '、', '，', ',', '；', ';', '。', '\n', ' ', '：', ':', '（', '(',
    ];
    for (at, _) in text.match_indices(unit) {
        if !text[..at].is_empty() && !text[..at].ends_with(STARTS) {
            continue;
        }
        let mut after = &text[at + unit.len()..];
        // Twelve names on at most: a run is a cell's, not a page's.
        for _ in 0..12 {
            let Some(rest) = after.strip_prefix('、') else {
                break;
            };
            let end = rest.find(ENDS).unwrap_or(rest.len());
            let name = &rest[..end];
            if let Some(head) = heads
                .iter()
                .find(|h| name.strip_suffix(**h).is_some_and(bare))
            {
                return Some(head);
            }
            if !bare(name) {
                break;
            }
            after = &rest[end..];
        }
    }
    None
}

/// The level word of the run of names that `unit` goes on in `text` (`自治区` for `商务厅` in
/// `自治区发展改革委、工业和信息化厅、商务厅`): where `unit` stands whole after `、`, the names
/// before it back to the first of the run, each a bare department's, the first starting with
/// its level ([`level_word`]). `None` when no such run holds it.
fn level_before<'a>(text: &'a str, unit: &str) -> Option<&'a str> {
    const ENDS: &[char] = &['、', '，', ',', '；', ';', '。', '（', '(', '\n', ' ', '等'];
    const STARTS: &[char] = &['、', '，', ',', '；', ';', '。', '\n', ' ', '：', ':'];
    for (at, _) in text.match_indices(unit) {
        let after = &text[at + unit.len()..];
        if !(after.is_empty() || after.starts_with(ENDS)) {
            continue;
        }
        let mut before = &text[..at];
        // Twelve names back at most: a run is a cell's, not a page's.
        for _ in 0..12 {
            let Some(rest) = before.strip_suffix('、') else {
                break;
            };
            let start = rest
                .char_indices()
                .rev()
                .find(|(_, c)| STARTS.contains(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let name = &rest[start..];
            if let Some(word) = level_word(name) {
                return Some(word);
            }
            if !is_bare_department(name) {
                break;
            }
            before = &rest[..start];
        }
    }
    None
}

/// The level word `name` starts with when the rest is a bare department's name
/// ([`is_bare_department`]): `自治区发展改革委` → `自治区`, `省财政厅` → `省`, `市市场监管局` →
/// `市`. `None` for a party committee's organs (`省委组织部`: which committee's the next one is
/// the list does not say), a government's own (`市政府办公厅`), names whose first character
/// only looks like a level (`市场监管局`, `市政园林局`), collectives (`省直有关单位`) and every
/// other name.
fn level_word(name: &str) -> Option<&str> {
    // First bytes: `自`, `省`, `盟` and `旗` start E8, E7, E7, E6; `市`, `县`, `区`, `州` E5. Nearly
    // every other name starts otherwise.
    if !matches!(name.as_bytes().first(), Some(0xE5..=0xE8)) {
        return None;
    }
    let word = LEVEL_WORDS.iter().find(|w| name.starts_with(**w))?;
    is_bare_department(&name[word.len()..]).then(|| &name[..word.len()])
}

/// The words the names of a government's departments start with (`财政` in `财政厅`, `发展改革`
/// in `发展改革委`): a name that starts otherwise may name a place of its own (`重庆银保监局`,
/// `两江新区社会发展局`) or be no department (`场监管局` in `市场监管局`, `政府办公厅`).
const DEPARTMENT_WORDS: &[&str] = &[
    "发展改革",
    "发展和改革",
    "发改",
    "教育",
    "科技",
    "科学技术",
    "工业和信息化",
    "经济和信息化",
    "经济信息化",
    "经信",
    "工信",
    "民族宗教",
    "民宗",
    "公安",
    "民政",
    "司法",
    "财政",
    "人力资源",
    "人力社保",
    "人社",
    "自然资源",
    "规划",
    "生态环境",
    "环保",
    "住房",
    "住建",
    "城乡建设",
    "交通",
    "水利",
    "水务",
    "农业",
    "农村",
    "商务",
    "文化",
    "文旅",
    "卫生",
    "卫健",
    "退役军人",
    "应急",
    "审计",
    "国资",
    "外事",
    "外办",
    "市场监管",
    "市场监督",
    "体育",
    "统计",
    "医保",
    "医疗保障",
    "林业",
    "林草",
    "乡村振兴",
    "机关事务",
    "信访",
    "大数据",
    "数据",
    "地方金融",
    "金融",
    "粮食",
    "能源",
    "药监",
    "药品监督",
    "知识产权",
    "侨务",
    "侨办",
    "港澳",
    "台办",
    "网信",
    "编办",
    "人防",
    "国动",
    "城市管理",
    "城管",
    "税务",
    "通信管理",
    "邮政管理",
    "广电",
    "广播电视",
    "新闻出版",
    "文物",
    "中医药",
    "政务",
    "口岸",
    "海洋",
    "渔业",
    "畜牧",
    "气象",
    "地震",
    "档案",
    "工商",
    "旅游",
    "扶贫",
    "行政审批",
    "投资促进",
    "招商",
    "营商环境",
    "综合执法",
    "疾控",
    "民委",
    // The departments' names before the 2018 reform, as 2010–2017 notices print them
    // (`环境保护厅`, `国土资源厅`, `质量技术监督局`, `食品药品监督管理局`, `安全生产监督管理局`,
    // `卫生和计划生育委员会`, `物价局`).
    "环境保护",
    "国土资源",
    "质量技术监督",
    "质监",
    "食品药品",
    "安全生产",
    "安监",
    "计划生育",
    "计生",
    "物价",
    "民族事务",
    "法制",
    "监察",
];

/// Whether `name` is a department's name with no place or level of its own, as a list prints
/// it after a name that carries the level (`财政厅`, `工业和信息化厅`, `卫生健康委`,
/// `市场监管局`, also with a role mark: `商务厅（配合）`): two to fifteen Chinese characters
/// starting as a department's name starts ([`DEPARTMENT_WORDS`]; not a national, party or
/// place's body: `国家统计局`, `国务院办公厅`, `党委…`, `重庆银保监局`), ending in `厅`, `局`, `委`
/// or `办`, and naming no division (`公安局某区分局`; `市场`, `城市`, `城乡` and `乡村` are
/// words, not divisions).
fn is_bare_department(name: &str) -> bool {
    // Fifteen Chinese characters and a role mark of four in brackets: 63 bytes.
    if name.len() > 63 {
        return false;
    }
    let name = name
        .strip_suffix('）')
        .and_then(|x| x.rfind('（').map(|at| &x[..at]))
        .unwrap_or(name);
    if !name.ends_with(['厅', '局', '委', '办'])
        || !starts_with_department_word(name)
        || !(2..=15).contains(&name.chars().count())
    {
        return false;
    }
    let mut before = None;
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        if !crate::normalize::is_han(c) {
            return false;
        }
        if DIVISIONS.contains(&c) {
            let after = chars.peek().copied();
            let word = match c {
                '市' => after == Some('场') || before == Some('城'),
                '乡' => after == Some('村') || before == Some('城'),
                _ => false,
            };
            if !word {
                return false;
            }
        }
        before = Some(c);
    }
    true
}

/// Whether `name` starts with one of [`DEPARTMENT_WORDS`]. Every unit of every task is asked
/// (nearly all start with a level or a place, and none of the words): the words are grouped
/// once by their first character, found by a binary search over characters, and only that
/// group's words are compared.
fn starts_with_department_word(name: &str) -> bool {
    type Groups = Vec<(char, Vec<&'static str>)>;
    static BY_FIRST: LazyLock<Groups> = LazyLock::new(|| {
        let mut groups: Groups = Vec::new();
        for w in DEPARTMENT_WORDS {
            let Some(first) = w.chars().next() else {
                continue;
            };
            match groups.iter_mut().find(|(c, _)| *c == first) {
                Some((_, words)) => words.push(w),
                None => groups.push((first, vec![w])),
            }
        }
        groups.sort_unstable_by_key(|(c, _)| *c);
        groups
    });
    let Some(first) = name.chars().next() else {
        return false;
    };
    BY_FIRST
        .binary_search_by_key(&first, |(c, _)| *c)
        .is_ok_and(|i| BY_FIRST[i].1.iter().any(|w| name.starts_with(w)))
}

/// `cell` with `、` after each role mark (`（牵头）`, `（配合）`) that a name follows with nothing
/// between (`甲（牵头）乙、丙` → `甲（牵头）、乙、丙`); `None` when there is none (nearly every
/// cell: no `）` followed by a Han character).
fn part_after_marks(cell: &str) -> Option<String> {
    // `）` is EF BC 89: its last byte, then the two before it (no searcher built per cell).
    let b = cell.as_bytes();
    let closers = memchr::memchr_iter(0x89, b)
        .filter(|&at| at >= 2 && b[at - 2] == 0xEF && b[at - 1] == 0xBC)
        .map(|at| at - 2);
    let mut cuts = Vec::new();
    for close in closers {
        let after = close + "）".len();
        let runs_on = cell[after..]
            .chars()
            .next()
            .is_some_and(crate::normalize::is_han);
        if runs_on
            && let Some(open) = cell[..close].rfind('（')
            && LEAD_MARKS
                .iter()
                .chain(SUPPORT_MARKS)
                .any(|m| *m == &cell[open + "（".len()..close])
        {
            cuts.push(after);
        }
    }
    if cuts.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(cell.len() + 3 * cuts.len());
    let mut from = 0;
    for cut in cuts {
        out.push_str(&cell[from..cut]);
        out.push('、');
        from = cut;
    }
    out.push_str(&cell[from..]);
    Some(out)
}

/// Marks the unmarked units of a run of names parted by `、` (`units[from..]`, its last
/// `piece` still to be pushed) with the lead mark `piece` ends with, if it ends with one and no
/// other unit of the run is marked.
fn mark_run(units: &mut [String], from: usize, piece: &str) {
    let Some(run) = units.get_mut(from..).filter(|r| !r.is_empty()) else {
        return;
    };
    if !piece.ends_with(['）', ')', '〕']) {
        return;
    }
    let Some((name, Duty::Lead)) = strip_mark(piece) else {
        return;
    };
    if run.iter().any(|u| strip_mark(u).is_some()) {
        return;
    }
    let mark = piece[name.len()..].trim_start();
    for u in run {
        u.push_str(mark);
    }
}

/// Whether `及` (`E5 8F 8A`), `和` (`E5 92 8C`) or `与` (`E4 B8 8E`) is in `b`, read from the
/// bytes: every unit piece of every task is asked, and nearly none holds one.
fn has_conjunction(b: &[u8]) -> bool {
    // A character at a time, from its first byte (as [`role_word_scan`] steps).
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        match x {
            0xE0..=0xEF => {
                if let Some(&[y, z]) = b.get(i + 1..i + 3)
                    && matches!(
                        (x, y, z),
                        (0xE5, 0x8F, 0x8A) | (0xE5, 0x92, 0x8C) | (0xE4, 0xB8, 0x8E)
                    )
                {
                    return true;
                }
                i += 3;
            }
            0xF0..=0xFF => i += 4,
            0xC0..=0xDF => i += 2,
            _ => i += 1,
        }
    }
    false
}

/// The units of a piece that joins names with `及`, `以及`, `和` or `与`, when every part is a
/// unit's name ([`is_unit_name`]) or, after the first, a collective (`各地区`):
/// `国家金融监督管理总局及有关部门`, `市公安局和市交通局等`, `商务部及各地区`.
/// Names that hold a conjunction themselves (`市住房和城乡建设委`, `市规划与自然资源局`) stay whole,
/// as the words before it name no unit; so does what follows `及其` (`市场监管局及其派出机构`: the
/// bodies under the unit, not another).
fn split_conjoined<'p>(piece: &'p str) -> Option<Vec<&'p str>> {
    // Sixty Chinese characters are 180 bytes: two or three names at most.
    if piece.len() > 180 || !has_conjunction(piece.as_bytes()) {
        return None;
    }
    let conjunctions: Vec<(usize, char)> = piece
        .char_indices()
        .filter(|&(_, c)| matches!(c, '及' | '和' | '与'))
        .collect();
    let m = conjunctions.len();
    if m == 0 {
        return None;
    }
    // Part k starts the piece (k = 0) or follows conjunction k − 1.
    let start = |k: usize| {
        k.checked_sub(1)
            .map_or(0, |j| conjunctions[j].0 + conjunctions[j].1.len_utf8())
    };
    // The name from part k's start up to conjunction j (`以及` without its `以`), without the
    // `等` that may close it (`司法部等国务院相关部门和各地区`).
    let raw = |k: usize, (at, c): (usize, char)| {
        let name = &piece[start(k)..at];
        name.strip_suffix('以')
            .filter(|_| c == '及')
            .unwrap_or(name)
    };
    let name = |k: usize, j: (usize, char)| without_etc(raw(k, j));
    // ends[k]: where the first name of a split of the piece from part k on ends — at the
    // conjunction j < m, or at the end (m) — when the piece from there splits too. Worked out
    // from the last part back, so each part is settled once: at most m² names are looked at.
    let mut ends: Vec<Option<usize>> = vec![None; m + 1];
    for k in (0..=m).rev() {
        if k > 0 && piece[start(k)..].starts_with('其') {
            continue;
        }
        // The first part names a unit; a later one may name a collective (`商务部及各地区`).
        let names = |part: &str| {
            is_unit_name(part)
                || (k > 0
                    && part.strip_prefix('各').is_some_and(|c| {
                        (1..=6).contains(&c.chars().count())
                            && c.chars().all(crate::normalize::is_han)
                    }))
        };
        ends[k] = (k..m)
            .find(|&j| ends[j + 1].is_some() && names(name(k, conjunctions[j])))
            .or_else(|| (k > 0 && names(without_etc(&piece[start(k)..]))).then_some(m));
    }
    let mut units = Vec::new();
    // A name with the collective after its `等` (`税务总局等国务院相关部门及各地区`): both are
    // units, as [`push_with_collective`] has them.
    let push = |units: &mut Vec<&'p str>, raw: &'p str| {
        let name = without_etc(raw);
        units.push(name);
        if let Some(collective) = etc_collective(raw, name) {
            units.push(collective);
        }
    };
    let mut k = 0;
    while let Some(j) = ends[k] {
        if j == m {
            push(&mut units, &piece[start(k)..]);
            return Some(units);
        }
        push(&mut units, raw(k, conjunctions[j]));
        k = j + 1;
    }
    None
}

/// A unit's name without the `等` (and others) that closes a list: `商务部、文化和旅游部等`, also
/// with the collective it names (`市教委、市人力社保局等部门`, `…等有关单位`).
#[inline]
fn without_etc(piece: &str) -> &str {
    // Byte comparisons: nearly every name ends otherwise. The last byte of `门` (0xA8), `位`
    // (0x8D), `构` (0x84) or `织` (0x87) first, and the rarer collectives out of line: a split
    // cell's every piece passes here.
    if matches!(piece.as_bytes().last(), Some(0xA8 | 0x8D | 0x84 | 0x87)) {
        return without_etc_collective(piece);
    }
    match piece.strip_suffix("等") {
        Some(name) if name.chars().count() >= 2 => name,
        _ => piece,
    }
}

/// Pushes the unit `piece` names without the `等` that closes it ([`without_etc`]) and, when
/// the collective after `等` says whose departments they are (`市场监管总局等国务院相关部门`,
/// `省大数据局等省直有关单位`), that collective after it: `国务院相关部门` are units the
/// allocation names too, not a word of the list. A bare `等部门`, `等有关单位` names no one more.
fn push_with_collective(units: &mut Vec<String>, piece: &str) {
    let name = without_etc(piece);
    units.push(name.to_string());
    if let Some(collective) = etc_collective(piece, name) {
        units.push(collective.to_string());
    }
}

/// The collective after the `等` that [`without_etc`] took off `piece` to leave `name`, when it
/// says whose departments they are (`国务院相关部门`, `省直有关单位`, `金融监管部门`); `None` for
/// a bare `等部门`, a count, or a piece without `等`.
fn etc_collective<'p>(piece: &'p str, name: &str) -> Option<&'p str> {
    // Nearly every piece is its name: no `等` taken off.
    if name.len() >= piece.len() {
        return None;
    }
    let collective = piece[name.len()..].strip_prefix('等')?;
    let whose = ["有关部门", "相关部门", "有关单位", "相关单位"]
        .iter()
        .find_map(|c| collective.strip_suffix(c))
        .or_else(|| kind_of_bodies(collective))?;
    (!whose.is_empty()
        && whose.chars().all(crate::normalize::is_han)
        && !whose.ends_with(['个', '家', '各']))
    .then_some(collective)
}

/// [`without_etc`] for a piece that may end in a collective: `…等部门`, `…等有关单位`.
#[inline(never)]
fn without_etc_collective(piece: &str) -> &str {
    ["等部门", "等单位"]
        .iter()
        .find_map(|etc| piece.strip_suffix(etc))
        .filter(|name| name.chars().count() >= 2)
        // `甲等有关部门`, and with the collective's level, `甲等省直有关部门`, `甲等市级相关单位`.
        .or_else(|| {
            let (name, collective) = piece.rsplit_once('等')?;
            (name.chars().count() >= 2
                && collective.chars().count() <= 10
                && (["有关部门", "相关部门", "有关单位", "相关单位"]
                    .iter()
                    .any(|c| collective.ends_with(c))
                    || kind_of_bodies(collective).is_some()
                    || is_counted_bodies(collective)))
            .then_some(name)
        })
        .unwrap_or(piece)
}

/// Whether a collective after `等` only counts the units listed (`5个部门`, `三个单位`,
/// `4家单位`): it names no one more.
fn is_counted_bodies(collective: &str) -> bool {
    let rest = collective
        .trim_start_matches(|c: char| c.is_ascii_digit() || crate::numbering::is_cn_numeral(c));
    rest.len() < collective.len()
        && rest
            .strip_prefix(['个', '家'])
            .is_some_and(|kind| matches!(kind, "部门" | "单位" | "机构" | "责任单位" | "成员单位"))
}

/// The kind of a collective named after `等` by what its bodies do (`金融监管部门`, `群团组织`,
/// `行业主管部门`): the words before `部门`, `单位`, `机构` or `组织`, two to eight Chinese
/// characters that are no count nor a vague `有关`, `相关`, `其他`. `None` for any other text.
fn kind_of_bodies(collective: &str) -> Option<&str> {
    let kind = ["部门", "单位", "机构", "组织"]
        .iter()
        .find_map(|c| collective.strip_suffix(c))?;
    ((2..=8).contains(&kind.chars().count())
        && kind.chars().all(crate::normalize::is_han)
        && !kind.starts_with('各')
        && !VAGUE_WORDS.iter().any(|w| kind.starts_with(w))
        && !kind.contains(['个', '家']))
    .then_some(kind)
}

/// A piece of a units cell that stands for no unit: `无`, `（无）`, `暂无`, a dash, a slash (`／`,
/// as a blank cell is struck through).
pub(crate) fn is_no_unit(piece: &str) -> bool {
    // Four dashes are twelve bytes; a unit's name is longer.
    if piece.len() > 16 {
        return false;
    }
    let p = piece.trim_ws();
    matches!(p, "无" | "（无）" | "(无)" | "暂无" | "空")
        || (!p.is_empty()
            && p.chars().all(|c| {
                matches!(
                    c,
                    '-' | '—' | '－' | '–' | '_' | '―' | '/' | '／' | '\\' | '＼'
                )
            }))
}

/// Administrative divisions that name no body by themselves (`区`, `市`, `县`…).
pub(crate) const DIVISIONS: &[char] = &['省', '市', '区', '县', '州', '盟', '旗', '乡', '镇'];

/// Government bodies a list of divisions can share: `各区、市` + `政府`.
const SHARED_HEADS: &[&str] = &["人民政府", "政府", "党委", "管委会"];

/// A piece that is only one or two divisions, `各` allowed before the first: `各区`, `市`, `各区县`;
/// also with the divisions of the same level in brackets after them: `各市（州）`, `县（市、区）`.
fn is_bare_division(piece: &str, first: bool) -> bool {
    // `各` and two divisions, nine bytes; with a bracket of three divisions, 33. Nearly every
    // piece is a unit's name longer than nine bytes, without a bracket at its end.
    let limit = if piece.ends_with(['）', ')']) { 33 } else { 9 };
    if piece.len() > limit {
        return false;
    }
    let rest = if first {
        piece.strip_prefix('各').unwrap_or(piece)
    } else {
        piece
    };
    let rest = match rest.strip_suffix(['）', ')']) {
        Some(body) => {
            let Some(open) = body.rfind(['（', '(']) else {
                return false;
            };
            let inner = body[open..].trim_start_matches(['（', '(']);
            if inner.is_empty() || !inner.chars().all(|c| c == '、' || DIVISIONS.contains(&c)) {
                return false;
            }
            &body[..open]
        }
        None => rest,
    };
    (1..=2).contains(&rest.chars().count()) && rest.chars().all(|c| DIVISIONS.contains(&c))
}

/// Whether `unit` is divisions listed before the body they share, as [`split_units`] keeps
/// them whole: `各市、区人民政府`, `各市（州）、县（市、区）人民政府`.
fn is_division_group(unit: &str) -> bool {
    // `各县（市、区）党委、政府`: the committee and the government of the same divisions.
    if let Some(committee) = unit
        .strip_suffix("、政府")
        .or_else(|| unit.strip_suffix("、人民政府"))
        .filter(|c| c.ends_with("党委"))
    {
        return is_unit_name(committee) || is_division_group(committee);
    }
    let pieces = top_level_cuts(unit, &['、']);
    let Some((head, divisions)) = pieces.split_last() else {
        return false;
    };
    !divisions.is_empty()
        && divisions
            .iter()
            .enumerate()
            .all(|(i, d)| fragment(d, i == 0) == Some(Fragment::Divisions))
        && (has_shared_head(head) || shares_divisions_head(head))
}

/// A piece that is one or two divisions and a government body: `市政府`, `区人民政府`.
fn has_shared_head(piece: &str) -> bool {
    let head = piece.trim_start_matches(DIVISIONS);
    let divisions = piece[..piece.len() - head.len()].chars().count();
    // `县（市）政府`, `县（市、区）人民政府`: a bracket of divisions the body also stands for.
    let head = head
        .strip_prefix(['（', '('])
        .and_then(|rest| {
            let close = rest.find(['）', ')'])?;
            rest[..close]
                .chars()
                .all(|c| c == '、' || DIVISIONS.contains(&c))
                .then(|| &rest[close..])
        })
        .and_then(|rest| rest.strip_prefix(['）', ')']))
        .unwrap_or(head);
    (1..=2).contains(&divisions) && SHARED_HEADS.iter().any(|h| head.starts_with(h))
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
    // `一 | 数字经济 | | `: a Chinese numeral in the number column over a text and no units is a
    // group printed in the task columns; it reads as its heading, `一、数字经济`.
    let cell = |role: ColumnRole| {
        roles
            .iter()
            .position(|r| *r == role)
            .and_then(|i| row.get(i))
            .map(|c| c.trim_ws())
    };
    // A task row names its units: asked first, it turns nearly every row down.
    let no_units = [ColumnRole::Lead, ColumnRole::Support]
        .into_iter()
        .all(|r| cell(r).is_none_or(str::is_empty));
    // `一 | 教育类 | 教育类 | 教育类`: the group's words in one cell merged over the rest of the
    // row, which the grid repeats in every column it spans, the units' columns among them.
    let spans_the_rest = || {
        let mut rest = row
            .iter()
            .zip(roles)
            .filter(|(_, r)| **r != ColumnRole::Seq)
            .map(|(c, _)| c.trim_ws());
        rest.next()
            .is_some_and(|first| !first.is_empty() && rest.all(|c| c == first))
    };
    if !no_units && !spans_the_rest() {
        return None;
    }
    numbered_group(row, roles)
}

/// A group row that carries units over tasks that print none (`一 | 提升企业开办便利度 | 市市场
/// 监管局 | 市税务局` over `1 | 推行企业开办“一窗通办”。 | |`): the group's name, `一、提升企业开办
/// 便利度`, and its units cells, which the tasks under it take. `None` unless the row is numbered
/// as a group is (`一`, `（一）`) and the next row is a numbered task with empty units cells.
fn group_with_units(
    row: &[String],
    next: Option<&[String]>,
    roles: &[ColumnRole],
) -> Option<(String, String, String)> {
    fn cell_of<'r>(row: &'r [String], roles: &[ColumnRole], role: ColumnRole) -> &'r str {
        roles
            .iter()
            .position(|r| *r == role)
            .and_then(|i| row.get(i))
            .map_or("", |c| c.trim_ws())
    }
    let cell_of = |row, role| cell_of(row, roles, role);
    // Nearly every task row is numbered with digits: its first byte turns it down.
    if cell_of(row, ColumnRole::Seq)
        .as_bytes()
        .first()
        .is_none_or(u8::is_ascii_digit)
    {
        return None;
    }
    let next = next?;
    let (lead, support) = (
        cell_of(row, ColumnRole::Lead),
        cell_of(row, ColumnRole::Support),
    );
    if (lead.is_empty() && support.is_empty())
        || parse_seq(cell_of(next, ColumnRole::Seq)).is_none()
        || cell_of(next, ColumnRole::Task).is_empty()
        || !cell_of(next, ColumnRole::Lead).is_empty()
        || !cell_of(next, ColumnRole::Support).is_empty()
    {
        return None;
    }
    let name = numbered_group(row, roles)?;
    Some((name, lead.to_string(), support.to_string()))
}

/// The name of a group row numbered in the number column (`一 | 数字经济`, `（一） | 产业结构调整`):
/// `一、数字经济`, `（一）产业结构调整`.
fn numbered_group(row: &[String], roles: &[ColumnRole]) -> Option<String> {
    let cell = |role: ColumnRole| {
        roles
            .iter()
            .position(|r| *r == role)
            .and_then(|i| row.get(i))
            .map(|c| c.trim_ws())
    };
    let seq = cell(ColumnRole::Seq)?.trim_end_matches(['、', '．', '.']);
    // Beside a broader group column (`重点任务 | 具体措施`), the group's words may sit in that
    // column with the task column empty: `（一） | 产业结构调整 | |`.
    let text = cell(ColumnRole::Task)
        .filter(|t| !t.is_empty())
        .or_else(|| {
            row.iter()
                .zip(roles)
                .find(|(c, r)| **r == ColumnRole::Group && !c.trim_ws().is_empty())
                .map(|(c, _)| c.trim_ws())
        })?;
    let numerals = |t: &str| !t.is_empty() && t.chars().all(|c| "一二三四五六七八九十".contains(c));
    if numerals(seq) {
        return Some(format!("{seq}、{text}"));
    }
    // `（一） | 充分竞争性服务业 | |`, a group of the second level.
    let inner = seq.strip_prefix(['（', '('])?.strip_suffix(['）', ')'])?;
    numerals(inner).then(|| format!("（{inner}）{text}"))
}

/// `1 | 推进产业发展 | |` over `1.1 | 新建厂房 | 甲 | 乙`: a numbered row without units whose
/// number the next row's number extends (`1.1`, `1-1`, `1．1`) heads its decimal children; it
/// reads as a group, `1．推进产业发展`. Its words may stand in the task column or in a column
/// between the number and the tasks (`1 | 教育民生 | | |` under `序号 | 民生实事 | 具体任务 |…`).
fn decimal_parent(row: &[String], next: Option<&[String]>, roles: &[ColumnRole]) -> Option<String> {
    let at = |role: ColumnRole| roles.iter().position(|r| *r == role);
    let (s, t) = (at(ColumnRole::Seq)?, at(ColumnRole::Task)?);
    let units_empty = [ColumnRole::Lead, ColumnRole::Support]
        .into_iter()
        .filter_map(at)
        .all(|i| row.get(i).is_none_or(|c| c.trim_ws().is_empty()));
    if !units_empty {
        return None;
    }
    let seq = row.get(s)?.trim_ws();
    let n = parse_seq(seq)?;
    // The words may stand in a column of their own between the number and the tasks
    // (`1 | 教育民生 | |` under `序号 | 民生实事 | 具体任务`, `主要任务 | 具体举措`).
    let text = Some(row.get(t)?.trim_ws())
        .filter(|t| !t.is_empty())
        .or_else(|| {
            (s + 1..t)
                .filter(|&i| matches!(roles[i], ColumnRole::Group | ColumnRole::Extra))
                .filter_map(|i| row.get(i).map(|c| c.trim_ws()))
                .find(|c| !c.is_empty())
        })?;
    let child = next?.get(s)?.trim_ws();
    let rest = child.strip_prefix(seq.trim_end_matches(['.', '．', '、']))?;
    let sub = rest.strip_prefix(['.', '．', '-', '－'])?;
    (!sub.is_empty() && sub.bytes().all(|b| b.is_ascii_digit())).then(|| format!("{n}．{text}"))
}

/// Words that open a note printed under a table, before their colon.
const NOTE_WORDS: &[&str] = &["备注", "说明", "注"];

/// Words that make a row a table's total rather than a task.
const TOTAL_WORDS: &[&str] = &["合计", "总计", "小计"];

/// A row under a task table that is no task: a note, its first filled cell opening with
/// `注：`, `备注：` or `说明：` (`注1：` too), or being that word alone (`备注 | 各牵头单位于……`,
/// the note in the cells after it, merged across the row or not); or a total, `合计`, `总计`
/// or `小计` in its number or task cell (`合　计 | 2项`).
fn is_note_or_total_row(row: &[String], roles: &[ColumnRole]) -> bool {
    let mut filled = row.iter().map(|c| c.trim_ws()).filter(|c| !c.is_empty());
    let note = filled.next().is_some_and(|first| {
        NOTE_WORDS.iter().any(|w| {
            first.strip_prefix(w).is_some_and(|rest| {
                let rest =
                    rest.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
                rest.starts_with(['：', ':'])
                    // The word alone in its cell, the note beside it.
                    || (rest.is_empty() && filled.clone().next().is_some())
            })
        })
    });
    note || row.iter().zip(roles).any(|(cell, role)| {
        // `合　　计` at most: a longer cell (every task's text) is turned down unread.
        matches!(role, ColumnRole::Seq | ColumnRole::Task) && cell.len() <= 32 && {
            let bare: String = cell
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>();
            let bare = bare.trim_end_matches(['：', ':']);
            TOTAL_WORDS.contains(&bare)
        }
    })
}

/// A group's name without the mark that says it goes on from the page before (`二、扩大有效
/// 投资（续）`, `（续表）`, `（接上页）`): the group printed again at the top of the next page is
/// the same group.
fn without_continued_mark(text: &str) -> &str {
    let trimmed = text.trim_end_ws();
    // Nearly every name ends otherwise: its last byte (of `）` or `)`) turns it down.
    if !matches!(trimmed.as_bytes().last(), Some(0x89 | b')')) {
        return text;
    }
    [
        "（续）",
        "(续)",
        "（续表）",
        "(续表)",
        "（接上页）",
        "(接上页)",
    ]
    .iter()
    .find_map(|w| trimmed.strip_suffix(w))
    .map_or(text, |t| t.trim_end_ws())
}

/// A table's sign-off row, under its tasks: who drew it up, who checked it and how to reach
/// them (`制表人： | | 审核人： | | 联系电话：`, `填报人：张三 | 审核人：李四`). Every filled cell
/// is such a label — with its value after the colon or in the cell right after it — and one
/// label at least ends in `人`, as a task's cells never all are.
fn is_signoff_row(row: &[String]) -> bool {
    const ENDS: &[&str] = &["人", "电话", "手机", "日期", "时间"];
    // The label of a sign-off cell (`制表人：`, `联系电话：0000-1234`): up to six Chinese
    // characters before the colon, a short value after it.
    let label = |cell: &str| {
        let (key, value) = cell.split_once(['：', ':'])?;
        let key = key.trim_ws();
        let n = key.chars().count();
        ((2..=6).contains(&n)
            && key.chars().all(crate::normalize::is_han)
            && ENDS.iter().any(|e| key.ends_with(e))
            && value.chars().count() <= 24)
            .then_some((key.ends_with('人'), value.trim_ws().is_empty()))
    };
    if row.iter().map(|c| c.trim_ws()).all(str::is_empty) {
        return false;
    }
    let mut person = false;
    let mut open = false;
    for cell in row.iter().map(|c| c.trim_ws()) {
        if cell.is_empty() {
            continue;
        }
        match label(cell) {
            Some((who, empty)) => {
                person |= who;
                open = empty;
            }
            // A value in the cell after its label's.
            None if open && cell.chars().count() <= 24 => open = false,
            None => return false,
        }
    }
    person
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
        self.levels
            .push((kind, without_continued_mark(text).to_string()));
    }

    fn path(&self) -> Vec<String> {
        self.levels.iter().map(|(_, t)| t.clone()).collect()
    }
}

/// Turns the rows of a task table into tasks. Returns `None` for a table that is not a task table.
pub fn tasks_from_table(table: &Table) -> Option<Vec<Task>> {
    tasks_from_table_with(table, false)
}

/// [`tasks_from_table`] for a document that states the first unit of a list leads
/// (`责任单位中排在第一位的为牵头单位`): in a table with one column of units (`责任单位`, no
/// `配合单位`), the first unit of a cell leads and the rest support. A column header can state it
/// too (`责任单位（排在第一位的为牵头单位）`).
pub fn tasks_from_table_with(table: &Table, first_unit_leads: bool) -> Option<Vec<Task>> {
    tasks_from_table_lazy(table, &|| first_unit_leads)
}

/// [`tasks_from_table_with`], asking whether the document states the first unit leads only of
/// a table that needs to know (a lead column and no support column).
fn tasks_from_table_lazy(table: &Table, first_unit_leads: &dyn Fn() -> bool) -> Option<Vec<Task>> {
    let mut read = TableRead::start(table, first_unit_leads)?;
    let mut out = Vec::with_capacity(table.rows.len().saturating_sub(table.header_rows));
    read.rows(table, &mut out);
    Some(out)
}

/// A task table being read: its columns, and where its rows have got to (the group path, the
/// last number), so that a table continued in the next one — split at a page break, with or
/// without its header printed again — goes on where it stopped.
struct TableRead {
    names: Vec<String>,
    roles: Vec<ColumnRole>,
    first_leads: bool,
    /// A units column names each unit's people in brackets beside it (`责任单位（责任人）`).
    people_beside_units: bool,
    groups: GroupPath,
    last_seq: u32,
    /// The group column cells of the last task read (a task under the same merged cells
    /// takes them).
    last_group_cols: Vec<String>,
    /// Whether the last task read has its number from the table (printed on its row, or on
    /// the row above it under a merged cell), not counted on from the one before.
    last_printed: bool,
    /// The workbook sheet the table is on: a table on another sheet starts a list of its own.
    sheet: Option<String>,
    /// The units the last task already names, for the rows that go on with it.
    seen: SeenUnits,
    /// The last filled lead and supporting cells, as they read: a cell printed `同上` or `〃`
    /// below one names its units.
    cells_above: [String; 2],
    /// The last filled cell of each other column (by its index): a `〃` or `同上` below it in
    /// a 责任领导 or 完成时限 column repeats it, as in the units columns.
    extras_above: Vec<String>,
    /// The source marks every merged cell (a Word table's `vMerge`): an empty cell not marked
    /// merged down is empty, not the cell above printed once.
    merges_marked: bool,
    /// The lead and supporting cells of the group row above, when it carries the units of its
    /// tasks (`一 | 提升企业开办便利度 | 甲 | 乙` over tasks without units).
    group_units: Option<[String; 2]>,
    /// A table without units columns whose task cells carry their allocation as a measure's
    /// paragraph does (`……。（牵头单位：甲；配合单位：乙）`): read so, by whether the document
    /// says the first unit leads.
    duty_in_text: Option<bool>,
}

/// The lead and supporting units of one task of `out` (by its index), as sets: a task printed
/// over n rows that each add a unit would otherwise search its whole list for each new one (n²).
#[derive(Default)]
struct SeenUnits {
    /// Index of the task in `out`, and how many lead and supporting units the sets hold.
    task: Option<(usize, usize, usize)>,
    lead: FxHashSet<String>,
    support: FxHashSet<String>,
}

impl SeenUnits {
    /// The sets for `task`, the task at `index`, rebuilt unless they are its own already.
    fn of(
        &mut self,
        index: usize,
        task: &Task,
    ) -> (&mut FxHashSet<String>, &mut FxHashSet<String>) {
        if self.task != Some((index, task.lead.len(), task.support.len())) {
            self.lead.clear();
            self.lead.extend(task.lead.iter().cloned());
            self.support.clear();
            self.support.extend(task.support.iter().cloned());
        }
        (&mut self.lead, &mut self.support)
    }

    /// Records that the sets hold `task`'s units (at `index`) after they were joined.
    fn hold(&mut self, index: usize, task: &Task) {
        self.task = Some((index, task.lead.len(), task.support.len()));
    }
}

impl TableRead {
    /// Starts reading a task table by its header; `None` when it is not one.
    fn start(table: &Table, first_unit_leads: &dyn Fn() -> bool) -> Option<Self> {
        let mut names = column_names(table);
        let mut duty_in_text = None;
        let mut roles = match column_roles(&names) {
            Some(roles) => roles,
            None => match names_from_labels(table)
                .and_then(|n| column_roles(&n).map(|roles| (n, roles)))
            {
                Some((n, roles)) => {
                    names = n;
                    roles
                }
                None => {
                    let roles = duty_in_task_cells(table, &names)?;
                    duty_in_text = Some(first_unit_leads());
                    roles
                }
            },
        };
        keep_task_beside_its_means(table, &names, &mut roles);
        number_column_without_a_name(table, &names, &mut roles);
        group_column_of_parent_rows(table, &mut roles);
        // A table with no column of tasks (`序号 | 责任单位 | 联络员 | 职务 | 联系电话`, the
        // contact list a notice attaches last) allocates nothing: its rows name units, not
        // duties. A task's words may stand under any task header (`项目名称`, `工作内容`, an
        // unnamed column before the units such as `指标`), which [`column_roles`] finds.
        if !roles.contains(&ColumnRole::Task) {
            return None;
        }
        let first_leads = !roles.contains(&ColumnRole::Support)
            && roles
                .iter()
                .zip(&names)
                .find(|(r, _)| **r == ColumnRole::Lead)
                .is_some_and(|(_, name)| {
                    states_first_unit_leads(name) || (!name.contains("牵头") && first_unit_leads())
                });
        let people_beside_units = roles.iter().zip(&names).any(|(r, n)| {
            matches!(r, ColumnRole::Lead | ColumnRole::Support)
                && header_words(n) & word::PERSON != 0
                && units_before_people(n)
        });
        Some(TableRead {
            names,
            roles,
            first_leads,
            people_beside_units,
            groups: GroupPath::default(),
            last_seq: 0,
            last_group_cols: Vec::new(),
            last_printed: false,
            sheet: table.sheet.clone(),
            seen: SeenUnits::default(),
            cells_above: Default::default(),
            extras_above: Vec::new(),
            merges_marked: false,
            group_units: None,
            duty_in_text,
        })
    }

    /// Whether `table`, printed without a header, goes on with this one: as many columns, and
    /// its first row a numbered task or a group row.
    fn continues_in(&self, table: &Table) -> bool {
        if table.header_rows != 0 || table.sheet != self.sheet {
            return false;
        }
        let Some(first) = table.rows.first() else {
            return false;
        };
        first.len() == self.names.len()
            && (group_text(first, &self.roles).is_some()
                || first
                    .iter()
                    .zip(&self.roles)
                    .any(|(c, r)| *r == ColumnRole::Seq && parse_seq(c).is_some()))
    }

    /// Reads the task rows of `table` (the rows below its header) into `out`.
    fn rows(&mut self, table: &Table, out: &mut Vec<Task>) {
        let TableRead {
            names,
            roles,
            first_leads,
            people_beside_units,
            groups,
            last_seq,
            last_group_cols,
            last_printed,
            sheet,
            seen,
            cells_above,
            extras_above,
            merges_marked,
            group_units,
            duty_in_text,
        } = self;
        let (names, roles, first_leads, people) =
            (&*names, &*roles, *first_leads, *people_beside_units);
        let width = table.rows.iter().map(Vec::len).max().unwrap_or(0);
        let extra_keys = extra_keys(names, roles, width);
        for (r, row) in table.rows.iter().enumerate().skip(table.header_rows) {
            let line = table.row_lines.get(r).copied().unwrap_or(table.line);
            // The header printed again (at the top of every page the table runs onto).
            if table
                .rows
                .get(..table.header_rows)
                .is_some_and(|h| h.contains(row))
            {
                continue;
            }
            // A note under the table (`注：…`) or its total (`合计 | 2项`) is no task, and no
            // part of the task above it: the table's grid keeps it as printed.
            if is_note_or_total_row(row, roles) || is_signoff_row(row) {
                continue;
            }
            let next = table.rows.get(r + 1).map(Vec::as_slice);
            if let Some(g) = group_text(row, roles).or_else(|| decimal_parent(row, next, roles)) {
                groups.enter(&g);
                *group_units = None;
                continue;
            }
            // A group row that carries the units of the tasks under it, which print none.
            if let Some((g, lead, support)) = group_with_units(row, next, roles) {
                groups.enter(&g);
                *group_units = Some([lead, support]);
                continue;
            }
            let mut task = Task {
                line,
                ..Task::default()
            };
            let mut seq = None;
            let mut group_cols = Vec::new();
            let (mut lead_col, mut support_col) = (None, None);
            // The allocation the task cell carries, in a table without units columns.
            let mut in_text: Option<InlineDuty> = None;
            // Cells past the header's last column (a ragged CSV row, a column the header
            // leaves blank at its end) are kept as columns without a name, not dropped.
            for (c, cell) in row.iter().enumerate() {
                let role = roles.get(c).unwrap_or(&ColumnRole::Extra);
                let name = names.get(c).map_or("", String::as_str);
                match role {
                    ColumnRole::Seq => {
                        seq = parse_seq(cell);
                        // A 序号 cell merged down over this row: printed once for its tasks.
                        task.shares_number = table.merged_down.binary_search(&(r, c)).is_ok();
                        // A number that is not a plain integer (`1-1`, `2.1`, `一`) is kept as
                        // printed: the task is counted on from the one before it.
                        if seq.is_none() && !cell.is_empty() {
                            task.marker = Some(cell.clone());
                        }
                    }
                    ColumnRole::Task => {
                        task.text = one_line(cell);
                        if let Some(first) = *duty_in_text
                            && let Some(d) = inline_duty_with(&task.text, first)
                        {
                            task.text = d.before.clone();
                            task.lead_text = d.lead.join("、");
                            task.support_text = d.support.join("、");
                            in_text = Some(d);
                        }
                    }
                    ColumnRole::Lead => {
                        task.lead_text = cell.clone();
                        lead_col = Some(c);
                    }
                    ColumnRole::Support => {
                        task.support_text = cell.clone();
                        support_col = Some(c);
                    }
                    ColumnRole::Group => {
                        group_cols.push(without_continued_mark(cell).to_string());
                    }
                    // A column without a header holds nothing worth a key where it is empty,
                    // nor where it repeats the cell before it: a cell spanning columns past the
                    // header (`colspan`), printed once.
                    ColumnRole::Extra
                        if name.is_empty()
                            && (cell.is_empty() || (c > 0 && row.get(c - 1) == Some(cell))) => {}
                    // A header cell spanning two grid columns (Word's `gridSpan`) names both:
                    // under the second, a cell that repeats its neighbour is that cell's copy
                    // (spanning too), already read where it stands.
                    ColumnRole::Extra if is_span_copy(row, names, c) => {}
                    ColumnRole::Extra => {
                        let value = if crate::normalize::find_byte(cell.as_bytes(), b'\n').is_some()
                            && names_time(name)
                        {
                            join_date_breaks(cell)
                        } else {
                            cell.clone()
                        };
                        // `〃`, `同上`: the cell above in the column, as in the units columns.
                        if extras_above.len() <= c {
                            extras_above.resize(c + 1, String::new());
                        }
                        let value = if is_ditto(&value) {
                            match extras_above.get(c).filter(|a| !a.is_empty()) {
                                Some(above) => above.clone(),
                                None => value,
                            }
                        } else {
                            if !value.is_empty() {
                                extras_above[c].clone_from(&value);
                            }
                            value
                        };
                        let key = extra_keys.get(c).map_or("列", String::as_str);
                        task.extra.insert(key.to_string(), value);
                    }
                }
            }
            // A numbered task that prints no units under a group row that carries them: the
            // group's units are its own.
            if task.lead_text.is_empty()
                && task.support_text.is_empty()
                && (seq.is_some() || task.marker.is_some())
                && let Some([lead, support]) = group_units.as_ref()
            {
                task.lead_text.clone_from(lead);
                task.support_text.clone_from(support);
                lead_col = lead_col.or(roles.iter().position(|r| *r == ColumnRole::Lead));
                support_col = support_col.or(roles.iter().position(|r| *r == ColumnRole::Support));
            }
            // A table without a 序号 column may number its tasks in their text (`1.全年实施……`):
            // the number is the task's, apart from its words.
            if seq.is_none()
                && task.marker.is_none()
                && task.text.as_bytes().first().is_some_and(u8::is_ascii_digit)
                && !roles.contains(&ColumnRole::Seq)
                && let Some(m) = numbering::marker(&task.text)
                && m.kind == MarkerKind::ArabicDot
                && task.text.len() > m.len
            {
                seq = Some(m.number);
                task.text.drain(..m.len);
                task.marker = Some(m.text);
            }
            // A task cell that numbers its item (`1.全面清理行政许可事项`) where the row prints no
            // plain number: its 序号 cell is empty (merged from the row above) or numbers the
            // broader column beside it (`（一） | 精简行政许可 | 1.全面清理…`). The item's number
            // is the task's, and the 序号 goes with the group it numbers. A cell of several
            // numbered items keeps them.
            if seq.is_none()
                && task.text.as_bytes().first().is_some_and(u8::is_ascii_digit)
                && roles.contains(&ColumnRole::Seq)
                && let Some(m) = numbering::marker(&task.text)
                && m.kind == MarkerKind::ArabicDot
                && task.text.len() > m.len
                && !numbers_next_item(&task.text[m.len..], m.number)
                && task.marker.as_deref().is_none_or(|number| {
                    group_number(number).is_some() && group_cols.iter().any(|g| !g.is_empty())
                })
            {
                if let Some(number) = task.marker.take().as_deref().and_then(group_number)
                    && let Some(g) = group_cols.iter_mut().find(|g| !g.is_empty())
                {
                    g.insert_str(0, &number);
                }
                seq = Some(m.number);
                task.text.drain(..m.len);
                task.marker = Some(m.text);
            }
            // One units cell merged across the lead and supporting columns (a `colspan`, a
            // `gridSpan`: the grid repeats its text in both) is one cell, read once by its own
            // role words or marks; without any, its units lead. No unit both leads and supports.
            // Not two ditto marks (`同上 | 同上`): each cell takes the one above it.
            if let (Some(l), Some(s)) = (lead_col, support_col)
                && l.abs_diff(s) == 1
                && !task.lead_text.is_empty()
                && task.lead_text == task.support_text
                && !is_ditto(&task.lead_text)
            {
                task.support_text.clear();
            }
            // The lead cell first: its unmarked units may support a marked one (`甲（牵头）、乙`).
            let has_support_column = roles.contains(&ColumnRole::Support);
            // A cell that names the roles in words (`甲牵头，乙配合`) is read by its words.
            let Task {
                lead_text,
                support_text,
                lead,
                support,
                ..
            } = &mut task;
            // `同上`, `〃` ("the same as above"): the units of the cell above, which the cell
            // keeps as printed. Other cells are what the cells below them may repeat.
            let [lead_above, support_above] = &mut *cells_above;
            for (cell, above) in [
                (&*lead_text, &mut *lead_above),
                (&*support_text, &mut *support_above),
            ] {
                if !cell.is_empty() && !is_ditto(cell) {
                    above.clone_from(cell);
                }
            }
            // A mark with no cell above it (the table's first row) names no unit: the check
            // `ditto_without_above` says so.
            let no_units = String::new();
            let lead_cell = if is_ditto(lead_text) {
                if lead_above.is_empty() {
                    &no_units
                } else {
                    &*lead_above
                }
            } else {
                &*lead_text
            };
            let support_cell = if is_ditto(support_text) {
                if support_above.is_empty() {
                    &no_units
                } else {
                    &*support_above
                }
            } else {
                &*support_text
            };
            for (cell, role, first) in [
                (lead_cell.as_str(), Duty::Lead, first_leads),
                (support_cell.as_str(), Duty::Support, false),
            ] {
                // A role mark wrapped onto a line of its own (`甲` / `（牵头）` / `乙`) is the
                // mark of the unit above it: no name starts with a bracket.
                let joined;
                let cell = if crate::normalize::find_byte(cell.as_bytes(), b'\n').is_some()
                    && (cell.contains("\n（") || cell.contains("\n("))
                {
                    joined = cell.replace("\n（", "（").replace("\n(", "(");
                    joined.as_str()
                } else {
                    cell
                };
                // `甲、乙、丙（排在第一位的为牵头单位）`: the cell says how to read its own list.
                let (cell, first) = match first_leads_note(cell) {
                    Some(units) => (units, role == Duty::Lead),
                    None => (cell, first),
                };
                match worded_cell(cell, role, first) {
                    Some((l, s)) => {
                        lead.extend(l);
                        support.extend(s);
                    }
                    None => {
                        let mut units = split_units(cell);
                        // A star after a unit of a lead column beside a supporting one
                        // (`甲、乙★` under `牵头单位`) flags the unit (a 重点 or 督办 item), not the
                        // one that leads: the column names every lead, and the supporting
                        // column its supporters. The star is no part of the name.
                        if role == Duty::Lead && has_support_column {
                            for unit in &mut units {
                                if let Some(name) = strip_star(unit) {
                                    let len = name.len();
                                    unit.truncate(len);
                                }
                            }
                        }
                        assign_units(units, role, first, lead, support)
                    }
                }
            }
            if let Some(d) = in_text.as_mut() {
                *lead = std::mem::take(&mut d.lead);
                *support = std::mem::take(&mut d.support);
            }
            if people {
                // `市住房城乡建委（张某）` under `责任单位（责任人）`: the bracket is the person.
                for unit in lead.iter_mut().chain(support.iter_mut()) {
                    if let Some(open) = unit.strip_suffix('）').and_then(|u| u.rfind('（'))
                        && open > 0
                    {
                        unit.truncate(open);
                    }
                }
                // A person on a line of their own under the unit (`市生态环境局` / `陈某某`,
                // `刘某（副主任）`): no unit, the person stays in the cell's text.
                lead.retain(|u| !is_person_name(u));
                support.retain(|u| !is_person_name(u));
            }
            if let Some(d) = in_text {
                for (key, value) in d.extra {
                    task.extra.entry(key).or_insert(value);
                }
            }
            if task.text.is_empty() && task.lead.is_empty() && task.support.is_empty() {
                continue;
            }
            // A task printed over several rows: a row without a number that carries only more of
            // the text or more units, or rows a merged number cell spans (the same number again)
            // whose text runs on or repeats. Its words join the task above.
            let has_seq = roles.contains(&ColumnRole::Seq);
            let unnumbered = has_seq && seq.is_none() && task.marker.is_none();
            let prev_index = out.len().saturating_sub(1);
            if let Some(prev) = out.last_mut().filter(|p| p.origin == TaskOrigin::Table) {
                let text = prev.text.trim_end_ws();
                let runs_on = !text.ends_with(['。', '；', ';', '！']);
                // A cell cut mid-phrase (`…，建设全市统一的`): the number's next row goes on.
                let cut = text.ends_with(['，', '、', '：', '的', '和', '及', '与', '或']);
                // The same number printed again: not a number counted on past one that is no
                // integer (`2.1` counted as 3, then a row printed `3`).
                let same_number = seq.is_some()
                    && seq == Some(prev.seq)
                    && prev.marker.is_none()
                    && task.extra == prev.extra;
                let units_only = task.text.is_empty();
                let text_only = task.lead.is_empty() && task.support.is_empty();
                // Unit cells merged down with the number carry the same units on every row.
                let same_units =
                    task.lead_text == prev.lead_text && task.support_text == prev.support_text;
                // A row a page break cut (a PDF rebuilt as a Word table): the rest of the text,
                // of the units and of the other cells on an unnumbered row with no lead, under a
                // row whose text runs on and whose units end on a separator.
                let units_cut = [&prev.lead_text, &prev.support_text]
                    .iter()
                    .any(|t| t.trim_end_ws().ends_with(['、', '，']));
                let row_cut = unnumbered
                    && task.lead.is_empty()
                    && !task.text.is_empty()
                    && runs_on
                    && (cut || units_cut);
                // The rest of a sentence cut at a row's end on an unnumbered row whose units
                // cells, merged down with the row above, print its units again (as gongwen's
                // own text prints a `rowspan`).
                let units_merged_down =
                    unnumbered && cut && !task.text.is_empty() && !text_only && same_units;
                let continues = (unnumbered && (units_only || (text_only && runs_on)))
                    || row_cut
                    || units_merged_down
                    || (same_number
                        && (task.text == prev.text || text_only || (cut && same_units)));
                if continues {
                    if task.text != prev.text {
                        prev.text.push_str(&task.text);
                    }
                    if row_cut {
                        for (column, more) in &task.extra {
                            if let Some(value) = prev.extra.get_mut(column) {
                                value.push_str(more);
                            }
                        }
                    }
                    let index = prev_index;
                    let (lead_seen, support_seen) = seen.of(index, prev);
                    join_units(
                        &mut prev.lead,
                        lead_seen,
                        &mut prev.lead_text,
                        task.lead,
                        &task.lead_text,
                    );
                    join_units(
                        &mut prev.support,
                        support_seen,
                        &mut prev.support_text,
                        task.support,
                        &task.support_text,
                    );
                    seen.hold(index, prev);
                    continue;
                }
            }
            if task.text.is_empty() && seq.is_none() && task.lead.is_empty() {
                continue;
            }
            // A task under a number and a group printed once over several rows (merged cells
            // copied as text, the cells under them left empty): both are the row's above, as
            // a `rowspan` gives them.
            let merged_above = unnumbered
                && !group_cols.is_empty()
                && group_cols.iter().all(String::is_empty)
                && last_group_cols.iter().any(|g| !g.is_empty());
            // Without a group column, a task of its own (its own text and units: a row that
            // carries only more of the text or units went on with the one above) whose number
            // cell is empty, in a table that prints its numbers, sits under a 序号 merged from
            // the row above: it shares that number rather than taking the next.
            // Not in a Word table, which marks its merged cells (`vMerge`): there an empty 序号
            // under a number is a row left unnumbered, counted on, not a copy of the number.
            // So with group cells that print the row above's again (merged cells copied as
            // text into every row, as gongwen's own text prints a `rowspan`).
            let same_groups = !group_cols.is_empty()
                && group_cols == *last_group_cols
                && group_cols.iter().any(|g| !g.is_empty());
            // Unless the next number the table prints is the one this row would be counted
            // to (`1` / empty / `2`): then the row was left without the number above, as a
            // tab-separated copy of the table reads it, and counting it on would make the
            // printed `2` a repeat. The next rows are looked at, a few at most.
            let under_merged_number = unnumbered
                && (group_cols.is_empty() || same_groups)
                && *last_printed
                && !task.text.is_empty()
                && (!*merges_marked
                    || next_printed_number(table, roles, r) == Some(last_seq.saturating_add(1)));
            // A numbered task whose group cells are all empty under a task that had them: the
            // group was merged down over it (a text or sheet export prints it once).
            // Not across a group row: the task above must sit in the same group.
            let group_merged_down = !group_cols.is_empty()
                && group_cols.iter().all(String::is_empty)
                && last_group_cols.iter().any(|g| !g.is_empty())
                && out.last().is_some_and(|p| {
                    p.origin == TaskOrigin::Table && p.group.starts_with(&groups.path())
                });
            if merged_above || group_merged_down {
                group_cols.clone_from(last_group_cols);
            } else if group_cols.first().is_some_and(String::is_empty)
                && group_cols.len() == last_group_cols.len()
                && out.last().is_some_and(|p| {
                    p.origin == TaskOrigin::Table && p.group.starts_with(&groups.path())
                })
            {
                // An inner group that changes under an outer group merged down over it (a
                // sheet's merged cells saved as CSV print the outer group in its first row
                // only: `,（二）深化国资国企改革,3,…`): the empty outer cells, those left of the
                // first printed one, are the row's above.
                for (g, above) in group_cols.iter_mut().zip(last_group_cols.iter()) {
                    if !g.is_empty() {
                        break;
                    }
                    g.clone_from(above);
                }
            }
            if (merged_above || under_merged_number)
                && let Some(prev) = out.last().filter(|p| p.origin == TaskOrigin::Table)
            {
                seq = Some(prev.seq);
                task.marker.clone_from(&prev.marker);
                // Printed once for both rows, as a merged cell prints it: no repeat.
                task.shares_number = true;
            }
            // A numbered row with units whose task cell is empty but whose group cell is its
            // own (`2 | 优化营商环境 | (empty) | 市发展改革委`, not a group merged down from
            // the row above): the group cell names the task.
            if task.text.is_empty()
                && seq.is_some()
                && !(task.lead.is_empty() && task.support.is_empty())
                && !merged_above
                && !group_merged_down
                && let Some(at) = group_cols.iter().rposition(|g| !g.is_empty())
                && last_group_cols.get(at) != Some(&group_cols[at])
            {
                task.text = std::mem::take(&mut group_cols[at]);
            }
            // A row with units but no words of a task (its task cell left empty) gives no task:
            // a task is what is to be done, and an empty one names nothing to do.
            if task.text.is_empty() {
                continue;
            }
            *last_printed = seq.is_some() || task.marker.is_some();
            last_group_cols.clone_from(&group_cols);
            task.seq = seq.unwrap_or(*last_seq + 1);
            *last_seq = task.seq;
            task.group = groups.path();
            task.group
                .extend(group_cols.into_iter().filter(|g| !g.is_empty()));
            task.sheet.clone_from(sheet);
            out.push(task);
        }
    }
}

/// The number the first numbered row below row `r` of `table` prints in its 序号 column, among
/// the next 16 rows (rows without a number skipped); `None` past them, or at a group row or a
/// number that is not an integer.
fn next_printed_number(table: &Table, roles: &[ColumnRole], r: usize) -> Option<u32> {
    let c = roles.iter().position(|role| *role == ColumnRole::Seq)?;
    for row in table.rows.iter().skip(r + 1).take(16) {
        let cell = row.get(c).map_or("", |s| s.trim_ws());
        if cell.is_empty() {
            continue;
        }
        return parse_seq(cell);
    }
    None
}

/// Whether the cell of column `c` of `row` is a copy of its neighbour's, left there by a cell
/// spanning both grid columns: its column is named as the one left of it (one header cell
/// spanning the two, `牵头单位` over both), and the cell repeats the one to its left or right
/// (`省民政厅 | 省民政厅 | 省财政厅`, or `省民政厅 | 省卫生健康委 | 省卫生健康委` when the row's
/// border sits one grid column left). A different cell under the span is data of its own.
/// The keys of the `width` columns' values in a task's `extra` (empty for a column of another
/// role): a column's header (`列` for a column without one), numbered on from the second column
/// of the same key (`备注`, `备注2`; `列`, `列2`), so that two columns under one header, or two
/// without, keep both their values. Counted in one pass, however wide the table.
fn extra_keys(names: &[String], roles: &[ColumnRole], width: usize) -> Vec<String> {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    (0..width.max(names.len()))
        .map(|c| {
            if roles.get(c).is_some_and(|r| *r != ColumnRole::Extra) {
                return String::new();
            }
            let base = match names.get(c).map(String::as_str) {
                Some(n) if !n.is_empty() => n,
                _ => "列",
            };
            let n = seen.entry(base).or_default();
            *n += 1;
            if *n == 1 {
                base.to_string()
            } else {
                format!("{base}{n}")
            }
        })
        .collect()
}

fn is_span_copy(row: &[String], names: &[String], c: usize) -> bool {
    let (Some(name), Some(cell)) = (names.get(c), row.get(c)) else {
        return false;
    };
    c > 0
        && !name.is_empty()
        && names.get(c - 1) == Some(name)
        && (row.get(c - 1) == Some(cell) || row.get(c + 1) == Some(cell))
}

/// Whether a column's header names a time (`完成时限`, `时间节点`, `完成期限`).
fn names_time(name: &str) -> bool {
    ["时限", "时间", "期限", "节点", "時限", "時間", "節點"]
        .iter()
        .any(|w| name.contains(w))
}

/// A time cell with its date broken by hand over lines in a narrow column (`2024年` /
/// `12月底前`, `2024年` / `底前`) read as one: a break right after a year or a month (`年`,
/// `月`) goes on with the rest of the date, unless the next line starts a date of its own
/// (`2024年` / `2025年`, a year). Other breaks separate dates or steps and stay
/// (`2024年6月底前` / `2024年12月底前`).
fn join_date_breaks(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut lines = cell.split('\n');
    out.push_str(lines.next().unwrap_or(""));
    for line in lines {
        let before = out.trim_end_ws();
        let after = line.trim_start();
        let year_starts = after.len() >= 4
            && after.as_bytes()[..4].iter().all(u8::is_ascii_digit)
            && after[4..].starts_with('年');
        if before.ends_with(['年', '月']) && !after.is_empty() && !year_starts {
            out.truncate(before.len());
            out.push_str(after);
        } else {
            out.push('\n');
            out.push_str(line);
        }
    }
    out
}

/// Whether a units cell is a ditto mark, the print shorthand for the cell above repeated:
/// `同上`, `同上。`, `〃`, `"`, `""`, `″`.
pub(crate) fn is_ditto(cell: &str) -> bool {
    // `同上。` is nine bytes, the longest.
    cell.len() <= 12
        && matches!(
            cell.trim_ws(),
            "同上" | "同上。" | "〃" | "\"" | "\"\"" | "″" | "”" | "“”"
        )
}

/// A 序号 of Chinese numerals (`一`, `一、`, `（一）`) as it heads the group it numbers: `一、`,
/// `（一）`, as a group row prints it.
fn group_number(number: &str) -> Option<String> {
    let numerals = |t: &str| !t.is_empty() && t.chars().all(|c| "一二三四五六七八九十".contains(c));
    let bare = number.trim_end_matches(['、', '．', '.']);
    if numerals(bare) {
        return Some(format!("{bare}、"));
    }
    let inner = number
        .strip_prefix(['（', '('])?
        .strip_suffix(['）', ')'])?;
    numerals(inner).then(|| format!("（{inner}）"))
}

/// Whether `rest`, the words after item `n`'s number, number the item after it (`2.`, `2．`,
/// `2、`): a cell that lists several items.
fn numbers_next_item(rest: &str, n: u32) -> bool {
    let next = n.saturating_add(1).to_string();
    rest.match_indices(next.as_str()).any(|(at, _)| {
        let before = rest[..at].chars().next_back();
        !before.is_some_and(|c| c.is_ascii_digit())
            && rest[at + next.len()..].starts_with(['.', '．', '、'])
    })
}

/// Adds the units of a row that continues a task to the task's: those not yet named, and the
/// cell's text after the task's own (`市发展改革委、` + `市经济信息委、市财政局`). `seen` holds
/// `units` as a set.
fn join_units(
    units: &mut Vec<String>,
    seen: &mut FxHashSet<String>,
    text: &mut String,
    more: Vec<String>,
    more_text: &str,
) {
    if more_text.is_empty() || text.as_str() == more_text {
        return;
    }
    for u in more {
        if !seen.contains(&u) {
            seen.insert(u.clone());
            units.push(u);
        }
    }
    if !text.is_empty() && !text.ends_with(['、', '，', '；', '\n']) {
        text.push('\n');
    }
    text.push_str(more_text);
}

/// Words that say a parenthesis allocates duties at all: also the labels some provinces print
/// for the lead and the supporting units (`主办单位：甲；协办单位：乙`, `主办：甲；协办：乙`).
const DUTY_WORDS: &[&str] = &[
    "牵头",
    "负责",
    "配合",
    "责任单位",
    "责任部门",
    "参与",
    "主办",
    "协办",
    // Labels some plans print instead (`主责单位：甲；协同单位：乙`, `承办单位：甲`,
    // `实施单位：甲`, `责任主体：甲；监管部门：乙`); they read as the labels above do.
    "主责",
    "协同单位",
    "协同部门",
    "承办单位",
    "实施单位",
    "责任主体",
];

/// The brackets a measure's allocation may be printed in, each closer with its openers.
const DUTY_BRACKETS: &[(char, &[char])] = &[
    ('）', &['（', '(']),
    (')', &['（', '(']),
    ('】', &['【']),
    ('〕', &['〔']),
    (']', &['[', '［']),
    ('］', &['[', '［']),
];

fn is_closer(c: char) -> bool {
    DUTY_BRACKETS.iter().any(|(close, _)| *close == c)
}

fn is_opener(c: char) -> bool {
    DUTY_BRACKETS.iter().any(|(_, opens)| opens.contains(&c))
}

/// The bracket a measure ends with (before a final `。` or `；`): the byte where it opens and the
/// text inside it. `（…）`, `(…)`, `【…】`, `〔…〕`, `[…]` and `［…］` are all read; brackets nest.
fn trailing_bracket(text: &str) -> Option<(usize, &str)> {
    let tail = text.trim_end_ws();
    let tail = tail
        .strip_suffix(['。', '；', ';'])
        .unwrap_or(tail)
        .trim_end_ws();
    let close = tail.chars().next_back()?;
    let &(_, opens) = DUTY_BRACKETS.iter().find(|(c, _)| *c == close)?;
    let end = tail.len() - close.len_utf8();
    let mut depth = 0usize;
    for (at, c) in tail[..end].char_indices().rev() {
        if is_closer(c) {
            depth += 1;
        } else if is_opener(c) {
            if depth == 0 {
                return opens
                    .contains(&c)
                    .then(|| (at, &tail[at + c.len_utf8()..end]));
            }
            depth -= 1;
        }
    }
    None
}

/// A label that opens a clause of units (`牵头单位：`, `配合部门:`), even when the clause before it
/// ends with only a space (which normalization removes between Han characters): a role word,
/// `单位` or `部门`, a colon.
///
/// The labels, spelled out, in an automaton searched leftmost-first (as a regex's alternation
/// is): a regex of the same alternation cost a one-file run 1.3M instructions to compile.
static DUTY_LABEL: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    const ROLES: [&str; 17] = [
        "牵头", "配合", "责任", "负责", "参与", "协同", "协助", "协办", "主办", "主责", "承办",
        "实施", "支持", "指导", "主管", "落实", "承担",
    ];
    let labels: Vec<String> = ROLES
        .iter()
        .flat_map(|role| {
            ["单位", "部门"]
                .iter()
                .flat_map(move |body| ["：", ":"].map(|colon| format!("{role}{body}{colon}")))
        })
        .collect();
    aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(labels)
        .expect("a fixed list of short labels builds")
});

/// Labels of an allocation's other clauses that may follow its names with nothing between.
const RUN_ON_LABELS: &[&str] = &[
    "完成时限",
    "完成时间",
    "完成期限",
    "时间节点",
    "进度安排",
    "时间安排",
    // The people of a measure, set apart from the units before them by a space that
    // normalization may drop (`责任单位：甲　责任领导：乙`): their names are no unit's.
    "责任领导",
    "牵头领导",
    "分管领导",
    "责任人",
];

/// The clauses of an allocation: split on `；`, and before every unit label that follows another
/// label's clause (`牵头单位：甲 配合单位：乙`, `牵头单位：甲，配合单位：乙`).
fn duty_clauses(inner: &str) -> Vec<&str> {
    fn push<'a>(s: &'a str, out: &mut Vec<&'a str>) {
        let s = s.trim_matches(['，', ',', '、', '。', ' ', '\u{3000}']);
        if s.is_empty() {
            return;
        }
        // `甲牵头，完成时限：2022年底前`: a label starts after the last `，` before its colon,
        // so the clause before that `，` is one of its own, not part of the label.
        if let Some((key, _)) = split_at_colon(s) {
            let comma = match (key.rfind('，'), key.rfind(',')) {
                (Some(a), Some(b)) if b > a => Some((b, 1)),
                (Some(a), _) => Some((a, '，'.len_utf8())),
                (None, b) => b.map(|b| (b, 1)),
            };
            if let Some((comma, sep)) = comma {
                let label = &key[comma + sep..];
                if comma > 0
                    && (2..=8).contains(&label.chars().count())
                    && !label.contains(|c: char| is_opener(c) || is_closer(c))
                {
                    push(&s[..comma], out);
                    push(&s[comma + sep..], out);
                    return;
                }
            }
        }
        // `牵头：甲　配合：乙`: a short label after the space that ends a label's clause.
        if let Some(cut) = short_label_after_space(s) {
            push(&s[..cut], out);
            push(&s[cut..], out);
            return;
        }
        // `配合单位：甲　完成时限：持续推进`, the space between the clauses dropped by
        // normalization: the label of a deadline run on after the names starts a clause.
        if let Some(colon) = s.find('：') {
            let after = colon + '：'.len_utf8();
            if let Some(next) = s[after..].find('：')
                && let Some(label) = RUN_ON_LABELS
                    .iter()
                    .find(|l| s[after..after + next].ends_with(*l))
            {
                let cut = after + next - label.len();
                if cut > after {
                    push(&s[..cut], out);
                    push(&s[cut..], out);
                    return;
                }
            }
        }
        out.push(s);
    }
    let mut out = Vec::new();
    // A line break ends a clause as `；` does (a cell's `甲牵头` and `乙配合` on lines of their own),
    // and so does the full stop of a sentence (`牵头单位：甲。配合单位：乙。`).
    for piece in top_level_cuts(inner, &['；', ';', '\n', '。']) {
        let mut from = 0;
        for m in DUTY_LABEL.find_iter(piece) {
            let before = &piece[from..m.start()];
            if before.contains(['：', ':']) {
                push(before, &mut out);
                from = m.start();
            }
        }
        push(&piece[from..], &mut out);
    }
    out
}

/// Role words a short label is made of (`牵头：`, `配合：`), without `单位` or `部门`.
const SHORT_ROLE_LABELS: &[&str] = &[
    "牵头", "配合", "责任", "负责", "协同", "协助", "参与", "主责", "协办",
];

/// Where a short label (`配合：`, [`SHORT_ROLE_LABELS`]) starts a clause of its own inside the
/// clause `s` of another label, set apart only by a space: `牵头：市税务局　配合：市财政局` →
/// the start of `配合：`. [`DUTY_LABEL`] finds the full labels (`配合单位：`) wherever they
/// stand, but a bare role word and a colon may end a unit's clause only after a space: without
/// it (`市财政局配合：`) it is no label's start. `None` when `s` has no colon before a space.
fn short_label_after_space(s: &str) -> Option<usize> {
    let colon = s.find(['：', ':'])?;
    let mut at = colon;
    while let Some(space) = s[at..].find([' ', '\u{3000}']) {
        let rest = &s[at + space..];
        let label = rest.trim_start_matches([' ', '\u{3000}']);
        let start = s.len() - label.len();
        if SHORT_ROLE_LABELS.iter().any(|w| {
            label
                .strip_prefix(w)
                .is_some_and(|r| r.starts_with(['：', ':']))
        }) {
            return Some(start);
        }
        at = start;
    }
    None
}

/// The pieces of `text` between top-level separators, borrowed.
fn top_level_cuts<'a>(text: &'a str, seps: &[char]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut depth = 0usize;
    for (at, c) in text.char_indices() {
        if is_opener(c) || c == '《' || c == '“' {
            depth += 1;
        } else if is_closer(c) || c == '》' || c == '”' {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && seps.contains(&c) {
            out.push(&text[from..at]);
            from = at + c.len_utf8();
        }
    }
    out.push(&text[from..]);
    out
}

/// A unit's role in a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Duty {
    Lead,
    Support,
}

/// Marks printed after a unit that give its role: `省商务厅（牵头）`, `省财政厅（配合）`.
const LEAD_MARKS: &[&str] = &["牵头", "牵头单位", "牵头部门", "主责", "主办"];
const SUPPORT_MARKS: &[&str] = &[
    "配合",
    "配合单位",
    "配合部门",
    "协助",
    "参与",
    "协办",
    "协同",
];

/// Signs printed after a unit's name in a list of units, most often to mark the one that leads
/// (`市发展改革委★、市财政局`, `省通信管理局*`).
const STAR_MARKS: &[char] = &['★', '☆', '*', '＊', '▲', '△'];

/// Whether `unit` ends with one of [`STAR_MARKS`], its last byte looked at first (the last bytes
/// of `★☆*＊▲△`), so that most names are turned down without decoding a character.
fn ends_with_star(unit: &str) -> bool {
    matches!(
        unit.as_bytes().last(),
        Some(0x85 | 0x86 | 0x2A | 0x8A | 0xB2 | 0xB3)
    ) && unit.ends_with(STAR_MARKS)
}

/// Whether `c` marks a note printed under a table: a circled number (`①`–`⑳`), `※`, a
/// superscript digit (`²`).
fn is_note_mark(c: char) -> bool {
    matches!(c, '\u{2460}'..='\u{2473}' | '※' | '¹' | '²' | '³' | '⁰' | '\u{2074}'..='\u{2079}')
}

/// Drops the note marks after a unit's name (`省教育厅①`, `省财政厅※`, `省民政厅²`: the `注：`
/// under the table says what they mean), unless the unit is nothing else.
fn strip_note_marks(unit: &mut String) {
    // Nearly every name ends with a Han character: its last character is decoded, no more.
    if !unit.chars().next_back().is_some_and(is_note_mark) {
        return;
    }
    let name = unit.trim_end_matches(is_note_mark).trim_end_ws();
    if !name.is_empty() {
        let len = name.len();
        unit.truncate(len);
    }
}

/// Words that end a note of what a unit does, printed in brackets after its name in a units
/// cell (`市财政局（资金保障）`, `市体育局（统筹）`, `各区县政府（具体落实）`).
const DUTY_NOTE_ENDINGS: &[&str] = &[
    "保障", "统筹", "落实", "实施", "负责", "指导", "协调", "督导", "监督", "支持", "推进",
];

/// Drops a bracketed note of what the unit does after its name (`市财政局（资金保障）` →
/// `市财政局`, `各区县政府（具体落实）` → `各区县政府`): the column, or the cell's words, give
/// the role, and the note is no part of the name. A bracket of anything else (a person, an
/// alias, a role mark read by [`strip_mark`]) is left; so is a long one.
fn strip_duty_note(unit: &mut String) {
    // Nearly every name ends with a Han character other than a closing bracket: its last bytes
    // turn it down.
    let Some(body) = unit.strip_suffix(['）', ')']) else {
        return;
    };
    let Some(open) = body.rfind(['（', '(']) else {
        return;
    };
    let note = body[open..].trim_start_matches(['（', '(']);
    let name = body[..open].trim_end_ws();
    if name.is_empty()
        || note.chars().count() > 8
        || !DUTY_NOTE_ENDINGS.iter().any(|w| note.ends_with(w))
    {
        return;
    }
    let len = name.len();
    unit.truncate(len);
}

/// A unit without the star after its name, when it has one and is more than the star.
fn strip_star(unit: &str) -> Option<&str> {
    let name = unit.trim_end_matches(STAR_MARKS).trim_end_ws();
    (name.len() < unit.len() && !name.is_empty() && !name.starts_with(STAR_MARKS)).then_some(name)
}

/// A unit without its role mark, and the role the mark gives: `省商务厅（牵头）`, and inside a
/// bracketed allocation, whose inner brackets are printed `〔〕`, `省发展改革委〔牵头〕`.
fn strip_mark(unit: &str) -> Option<(&str, Duty)> {
    let body = unit.strip_suffix(['）', ')', '〕'])?;
    let open = body.rfind(['（', '(', '〔'])?;
    let opener = body[open..].chars().next()?;
    let mark = &body[open + opener.len_utf8()..];
    let name = body[..open].trim_end_ws();
    if name.is_empty() {
        return None;
    }
    if LEAD_MARKS.contains(&mark) {
        Some((name, Duty::Lead))
    } else if SUPPORT_MARKS.contains(&mark) {
        Some((name, Duty::Support))
    } else {
        None
    }
}

/// Sorts the units printed under one role (a cell, a labelled clause) into lead and support.
///
/// A role mark after a unit decides for that unit, and once one unit of a lead list is marked
/// `（牵头）` the unmarked ones support it (`省商务厅（牵头）、省财政厅`). Without marks, when
/// `first_leads` holds (the document says `排在第一位的为牵头单位`) the first unit of a lead list
/// leads and the rest support; otherwise every unit takes `role`. Marks are not part of the name.
fn assign_units(
    mut units: Vec<String>,
    role: Duty,
    first_leads: bool,
    lead: &mut Vec<String>,
    support: &mut Vec<String>,
) {
    for unit in &mut units {
        strip_note_marks(unit);
        strip_duty_note(unit);
    }
    // `甲会同乙、丙`: the units before `会同` lead, those after it support them.
    if let Some((leads, partners)) = split_together(&units) {
        if role == Duty::Lead {
            assign_units(leads, Duty::Lead, first_leads, lead, support);
            assign_units(partners, Duty::Support, false, lead, support);
        } else {
            assign_units(leads, role, false, lead, support);
            assign_units(partners, role, false, lead, support);
        }
        return;
    }
    // Most cells mark no role: every unit takes the cell's (the first alone, when the first
    // leads).
    if !units
        .iter()
        .any(|u| u.ends_with(['）', ')', '〕']) || ends_with_star(u))
    {
        // The list moves whole into an empty one (the usual case).
        let into = match role {
            Duty::Lead if !first_leads => Some(&mut *lead),
            Duty::Support => Some(&mut *support),
            Duty::Lead => None,
        };
        if let Some(list) = into.filter(|l| l.is_empty()) {
            *list = units;
            return;
        }
        for (i, unit) in units.into_iter().enumerate() {
            if role == Duty::Lead && first_leads && i > 0 {
                support.push(unit);
            } else if role == Duty::Lead {
                lead.push(unit);
            } else {
                support.push(unit);
            }
        }
        return;
    }
    let marked: Vec<(String, Option<Duty>)> = units
        .into_iter()
        .map(|u| match strip_mark(&u) {
            Some((name, duty)) => (name.to_string(), Some(duty)),
            None => match strip_star(&u) {
                // `标★的为牵头单位`: a star in a list of leads marks the one that leads; in a
                // list of supporting units it is only dropped.
                Some(name) => (name.to_string(), (role == Duty::Lead).then_some(Duty::Lead)),
                None => (u, None),
            },
        })
        .collect();
    let lead_marked = marked.iter().any(|(_, d)| *d == Some(Duty::Lead));
    for (i, (unit, mark)) in marked.into_iter().enumerate() {
        let duty = match mark {
            Some(d) => d,
            None if role == Duty::Lead && lead_marked => Duty::Support,
            // `排在第一位的为牵头单位`: the unmarked units after the first support it, whatever
            // the others' marks say of themselves.
            None if role == Duty::Lead && first_leads && i > 0 => Duty::Support,
            None => role,
        };
        match duty {
            Duty::Lead => lead.push(unit),
            Duty::Support => support.push(unit),
        }
    }
}

/// The units of a list that names them with `会同` ("together with, the first leading"), parted
/// there: those before it (`甲`, and `甲、乙` of `甲、乙会同丙`) and those after it (`乙、丙` of
/// `甲会同乙、丙`). `None` when no unit holds `会同` after a unit's name, as nearly every list
/// does not; `会同县` (a county) and a name that only starts with it are no such word.
fn split_together(units: &[String]) -> Option<(Vec<String>, Vec<String>)> {
    const TOGETHER: &[u8] = "会同".as_bytes();
    // Found by the last byte of `会` (`E4 BC 9A`), which one continuation byte in sixty-four is:
    // a short name costs a byte search, not a substring finder's set-up.
    let find = |u: &[u8]| {
        memchr::memchr_iter(0x9A, u)
            .filter_map(|p| p.checked_sub(2))
            .find(|&at| u[at..].starts_with(TOGETHER))
    };
    let (i, at) = units.iter().enumerate().find_map(|(i, u)| {
        let at = find(u.as_bytes())?;
        let (name, rest) = (&u[..at], &u[at + "会同".len()..]);
        (is_unit_name(name) && !rest.is_empty() && !rest.starts_with('县')).then_some((i, at))
    })?;
    let mut leads = units[..i].to_vec();
    leads.push(units[i][..at].to_string());
    let mut partners = vec![units[i][at + "会同".len()..].to_string()];
    partners.extend(units[i + 1..].iter().cloned());
    Some((leads, partners))
}

/// Whether `text` states that the first unit of a list is the lead unit:
/// `（责任单位中排在第一位的为牵头单位）`, `第一个单位为牵头单位`, `牵头单位排在首位` — `第一` or `首`,
/// perhaps `位`/`个`/`家`/`名`, perhaps `的`/`者`, perhaps `单位`/`部门`, then `为`/`是`/`系` and
/// `牵头`/`主责`/`主办`; or `牵头单位`/`牵头部门`, `排`/`列`/`位`, perhaps `在`/`于`/`列`, then
/// `第一` or `首`.
///
/// Read by hand, not by a regex: compiling one cost a one-file run 1.5M instructions. Each
/// optional word starts with a character no word after it starts with, so taking each one where
/// it stands reads the text as the regex's backtracking did.
pub fn states_first_unit_leads(text: &str) -> bool {
    use crate::normalize::strip_any_prefix as after;
    fn skip<'a>(s: &'a str, words: &[&str]) -> &'a str {
        after(s, words).unwrap_or(s)
    }
    if !text.contains("牵头") {
        return false;
    }
    let first_leads = |rest: &str| {
        let rest = skip(rest, &["位", "个", "家", "名"]);
        let rest = skip(rest, &["的", "者"]);
        // `第一责任单位为牵头单位`, `位列第一的责任单位为牵头单位`.
        let rest = skip(rest, &["责任"]);
        let rest = skip(rest, &["单位", "部门"]);
        after(rest, &["为", "是", "系"])
            .is_some_and(|rest| after(rest, &["牵头", "主责", "主办"]).is_some())
    };
    let lead_first = |rest: &str| {
        after(rest, &["单位", "部门"])
            .and_then(|rest| after(rest, &["排", "列", "位"]))
            .is_some_and(|rest| {
                let starts_first = |r: &str| r.starts_with("第一") || r.starts_with('首');
                starts_first(rest) || after(rest, &["在", "于", "列"]).is_some_and(starts_first)
            })
    };
    // `排在前面的为牵头单位`, `列在最前面的`: the place in the list said by `前面`.
    let in_front = text
        .match_indices("前面")
        .filter(|(at, _)| text[..*at].ends_with(['在', '排', '列', '最']));
    text.match_indices("第一")
        .chain(text.match_indices('首'))
        .chain(in_front)
        .any(|(at, word)| first_leads(&text[at + word.len()..]))
        || text
            .match_indices("牵头")
            .any(|(at, word)| lead_first(&text[at + word.len()..]))
}

/// The units of a cell that ends with a note saying its first unit leads, without the note:
/// `甲、乙、丙（排在第一位的为牵头单位）` → `甲、乙、丙`. `None` for any other cell (nearly every
/// cell is turned down by its last byte).
fn first_leads_note(cell: &str) -> Option<&str> {
    let trimmed = cell.trim_end_ws();
    if !trimmed.ends_with(['）', ')']) {
        return None;
    }
    let (open, inner) = trailing_bracket(trimmed)?;
    let units = trimmed[..open].trim_end_ws();
    (!units.is_empty() && states_first_unit_leads(inner)).then_some(units)
}

/// Whether the document states, anywhere, that the first unit of a list is the lead unit.
fn document_states_first_unit_leads(doc: &Document) -> bool {
    fn in_sections(sections: &[Section]) -> bool {
        sections.iter().any(|s| {
            states_first_unit_leads(&s.heading)
                || s.paragraphs.iter().any(|p| states_first_unit_leads(p))
                || in_sections(&s.children)
        })
    }
    doc.notice.body.iter().any(|p| states_first_unit_leads(p))
        || doc.parts.iter().any(|part| {
            part.preamble.iter().any(|p| states_first_unit_leads(p))
                || in_sections(&part.sections)
                || part.tables.iter().any(|t| {
                    t.caption.as_deref().is_some_and(states_first_unit_leads)
                        || t.rows.iter().enumerate().any(|(r, row)| {
                            (r < t.header_rows || is_spanning_row(row))
                                && row.iter().any(|c| states_first_unit_leads(c))
                        })
                })
        })
}

/// A piece after a labelled unit list that is a remark, not a unit (`2023年底前完成`).
fn is_remark(piece: &str) -> bool {
    piece.chars().any(|c| c.is_ascii_digit())
        || ["完成", "持续", "底前", "长期"]
            .iter()
            .any(|w| piece.contains(w))
}

/// Whether a remark in a duty parenthesis is a deadline: a time (a year, month or quarter with a
/// digit or numeral, `年底`, `年内`) or a standing term (`长期坚持`, `持续推进`).
fn is_deadline(remark: &str) -> bool {
    let counted = remark.bytes().any(|b| b.is_ascii_digit())
        || remark.contains(crate::numbering::NUMERALS_TO_TEN);
    (counted && (remark.contains(['年', '月']) || remark.contains("季度")))
        || ["年底", "年内", "底前", "长期", "持续", "常态化"]
            .iter()
            .any(|w| remark.contains(w))
}

/// What a duty parenthesis has been found to say so far.
#[derive(Default)]
struct Allocation {
    lead: Vec<String>,
    support: Vec<String>,
    /// Units `按职责分工负责`: the leads when nobody else leads, else supporting units.
    by_duty: Vec<String>,
    /// Whether a clause names its units with `牵头`.
    marked_lead: bool,
    /// Lead units whose clause says only `负责` (`甲牵头，乙负责`): beside a unit that `牵头`s,
    /// they carry the measure out under it and support it.
    responsible: Vec<String>,
    /// Units a label says oversee the measure (`指导单位：`, `监管部门：`): they support the
    /// units that lead or are responsible, and lead only when no other unit is named.
    overseeing: Vec<String>,
    extra: IndexMap<String, String>,
}

impl Allocation {
    /// Reads the clauses of an allocation (`牵头单位：甲；配合单位：乙`, `甲牵头，乙配合`).
    fn read(&mut self, text: &str, first_unit_leads: &dyn Fn() -> bool) {
        // The label of the clause before: a list of numbered units parted by `；`
        // (`配合单位：1.甲；2.乙`) goes on under it.
        let mut last_key: Option<&str> = None;
        for clause in duty_clauses(text) {
            // A standing remark on the measures below (`以下均需各区县人民政府落实，不再列出`)
            // names who carries them all out, not this measure's units: a remark.
            if is_ditto_note(clause) {
                last_key = None;
                continue;
            }
            if clause.starts_with("以下") {
                self.remark(clause);
                last_key = None;
                continue;
            }
            match split_at_colon(clause) {
                Some((key, value)) => {
                    let key = key.trim_ws();
                    self.labelled(key, value.trim_ws(), first_unit_leads);
                    last_key = Some(key);
                }
                None => match last_key.zip(after_unit_number(clause).or_else(|| {
                    // Units parted by `；` (`牵头单位：甲；乙`) go on under a label of units.
                    last_key
                        .is_some_and(labels_units)
                        .then_some(clause)
                        .filter(|c| is_unit_list(c))
                })) {
                    Some((key, units)) => self.labelled(key, units, first_unit_leads),
                    None => {
                        self.clauses(clause);
                        last_key = None;
                    }
                },
            }
        }
    }

    /// The lead units, supporting units and other clauses: units `按职责分工负责` lead when no
    /// one else does, and support otherwise.
    fn finish(self) -> (Vec<String>, Vec<String>, IndexMap<String, String>) {
        let Allocation {
            mut lead,
            mut support,
            by_duty,
            marked_lead,
            responsible,
            overseeing,
            extra,
        } = self;
        if marked_lead && !responsible.is_empty() {
            let under: rustc_hash::FxHashSet<&str> =
                responsible.iter().map(String::as_str).collect();
            if lead.iter().any(|u| !under.contains(u.as_str())) {
                lead.retain(|u| !under.contains(u.as_str()));
                support.extend(responsible);
            }
        }
        if lead.is_empty() {
            lead = by_duty;
        } else {
            support.extend(by_duty);
        }
        if lead.is_empty() && support.is_empty() {
            lead = overseeing;
        } else {
            support.extend(overseeing);
        }
        (lead, support, extra)
    }

    /// A clause that names no unit: a deadline (`2023年底前完成`, `长期坚持`) under `完成时限`, as a
    /// labelled one (`完成时限：2023年底前`) is, anything else under `其他`.
    fn remark(&mut self, text: &str) {
        let key = if is_deadline(text) {
            "完成时限"
        } else {
            "其他"
        };
        self.append_extra(key, '，', text);
    }

    /// Adds `text` to the clause kept under `key`, after what it holds and `separator`.
    fn append_extra(&mut self, key: &str, separator: char, text: &str) {
        self.extra
            .entry(key.to_string())
            .and_modify(|e| {
                e.push(separator);
                e.push_str(text);
            })
            .or_insert_with(|| text.to_string());
    }

    /// A labelled clause: `牵头单位：甲、乙`, `完成时限：2023年底`.
    fn labelled(&mut self, key: &str, value: &str, first_unit_leads: &dyn Fn() -> bool) {
        let words = header_words(key);
        // `责任领导：`, `责任人：`, `牵头单位负责人：` name people, not units: kept as they are.
        let people = words & word::PERSON != 0 && !units_before_people(key);
        let overseeing = !people && is_overseeing_label(key);
        let role = if people {
            self.extra.insert(key.to_string(), value.to_string());
            return;
        } else if overseeing || words & word::SUPPORT != 0 {
            Duty::Support
        } else if words & word::LEAD != 0 {
            Duty::Lead
        } else {
            self.extra.insert(key.to_string(), value.to_string());
            return;
        };
        // `，` continues the list (`配合单位：市水务局，市园林和林业局`) unless what follows is a
        // clause of its own (`…，乙配合`) or a remark (`…，2023年底前完成`).
        let mut units = Vec::new();
        let mut states_first = false;
        for (i, piece) in split_top_level(value, &['，', ',']).into_iter().enumerate() {
            // `…，排在第一位的为牵头单位` inside the allocation says how to read it; it names
            // no unit.
            // A clause says its own role, even the first (`责任单位：甲牵头，乙配合`,
            // `牵头单位：甲牵头`): its verb is no part of the unit's name.
            if i > 0 && states_first_unit_leads(&piece) {
                states_first = true;
            } else if i > 0 && is_ditto_note(&piece) {
                // `…，排在第一位的为牵头单位，下同`: the drafter's note that the reading holds
                // for the measures below; it names no unit.
            } else if let Some((k, v)) = (i > 0)
                .then(|| split_at_colon(&piece))
                .flatten()
                .filter(|(k, _)| is_short_label(k))
            {
                // `牵头单位：甲，责任领导：张某`: another label after a `，` starts a clause of
                // its own.
                self.labelled(k.trim_ws(), v.trim_ws(), first_unit_leads);
            } else if clause_duty(&piece).is_some_and(|(units, _)| !units.trim_ws().is_empty()) {
                self.clause(&piece);
            } else if i > 0 && is_remark(&piece) {
                self.remark(&piece);
            } else {
                units.extend(split_units(&piece));
            }
        }
        if overseeing {
            let mut marked_lead = Vec::new();
            let mut named = Vec::new();
            assign_units(units, Duty::Support, false, &mut marked_lead, &mut named);
            self.overseeing.extend(marked_lead);
            self.overseeing.extend(named);
            return;
        }
        let first =
            role == Duty::Lead && !key.contains("牵头") && (states_first || first_unit_leads());
        let from = self.lead.len();
        assign_units(units, role, first, &mut self.lead, &mut self.support);
        // `牵头单位：甲；责任单位：乙`: as in a table with both columns, the units a `牵头` label
        // names lead and those only `责任`/`负责` carry the measure out under them (see `finish`).
        if role == Duty::Lead {
            if key.contains("牵头") {
                self.marked_lead = true;
            } else if key.contains("责任") || key.contains("负责") {
                let added = self.lead.get(from..).unwrap_or_default();
                self.responsible.extend(added.iter().cloned());
            }
        }
    }

    /// Clauses without a label, cut at `，`. Lists of names without a verb share the verb of
    /// the clause after them (`市科技局、市工信局，各区人民政府按职责分工负责`: all four by their
    /// duties); before a `配合` clause they are the units it supports (`甲，乙配合`).
    fn clauses(&mut self, text: &str) {
        let mut waiting: Vec<String> = Vec::new();
        for piece in split_top_level(text, &['，', ',']) {
            // A standing remark on the measures below (`甲牵头，以下各项均需各区政府负责`) names
            // who carries them all out, not this measure's units: a remark, as in [`Self::read`].
            if is_ditto_note(&piece) {
                continue;
            }
            if piece.starts_with("以下") {
                for w in waiting.drain(..) {
                    self.clause(&w);
                }
                self.remark(&piece);
                continue;
            }
            match clause_duty(&piece) {
                // With a lead already named (`甲牵头；乙、丙，丁配合`), the names before the
                // `配合` clause support as it does, in the order printed.
                Some((_, ClauseDuty::Support)) if !waiting.is_empty() && self.marked_lead => {
                    waiting.push(piece);
                    self.clause(&waiting.join("、"));
                    waiting.clear();
                }
                Some((_, ClauseDuty::Support)) if !waiting.is_empty() => {
                    // The names before a `配合` clause carry the measure out (`甲，乙配合`).
                    self.assign(waiting.join("、").trim_ws(), ClauseDuty::Responsible);
                    waiting.clear();
                    self.clause(&piece);
                }
                Some(_) if !waiting.is_empty() => {
                    waiting.push(piece);
                    self.clause(&waiting.join("、"));
                    waiting.clear();
                }
                None if is_unit_list(&piece) => waiting.push(piece),
                _ => {
                    for w in waiting.drain(..) {
                        self.clause(&w);
                    }
                    self.clause(&piece);
                }
            }
        }
        // A bare list whose units carry role marks (`甲（牵头）、乙、丙`, `甲、乙（牵头），丙`):
        // the marks say the roles, as in a `责任单位：` clause.
        let marks = |w: &String| split_units(w).iter().any(|u| strip_mark(u).is_some());
        if waiting.iter().any(marks) {
            let units = split_units(&waiting.join("，"));
            self.marked_lead |= units
                .iter()
                .any(|u| strip_mark(u).is_some_and(|(_, d)| d == Duty::Lead));
            assign_units(units, Duty::Lead, false, &mut self.lead, &mut self.support);
            return;
        }
        for w in waiting {
            self.clause(&w);
        }
    }

    /// A clause without a label: `甲牵头`, `乙、丙配合`, `丁按职责分工负责`, and after a unit that
    /// leads, `戊加强指导`. A lead clause run on into the next with `、` or a space
    /// (`甲牵头、乙配合`, `甲牵头 乙配合`) is two clauses.
    fn clause(&mut self, clause: &str) {
        if let Some((lead, rest)) = lead_run_on(clause) {
            self.clause(lead);
            self.clause(rest);
            return;
        }
        // `（甲牵头，乙加强指导）`, `（甲负责，乙做好指导服务）`: units that guide the one that
        // leads or is responsible support it, as in a sentence ([`guiding_clause`]).
        let leads = || !(self.lead.is_empty() && self.by_duty.is_empty());
        match clause_duty(clause).or_else(|| {
            guiding_clause(clause)
                .or_else(|| backing_clause(clause))
                .filter(|_| leads())
        }) {
            Some((units, duty)) => self.assign(units, duty),
            None => match responsible_for_part(clause) {
                // `（市公安局负责交通秩序整治，市城管局负责占道经营整治）`: each unit is
                // responsible for its part of the measure; the parts are kept as printed.
                Some(units) => {
                    self.assign(units, ClauseDuty::Responsible);
                    self.remark(clause);
                }
                None => self.remark(clause),
            },
        }
    }

    /// The units of a clause, given the role its verb gives them. Office holders named with
    /// them (`分管副省长、协管副秘书长负责`, `市政府分管领导负责`) are people, not units: they
    /// are kept under `责任领导`, as a `责任领导：` clause is, and the units alone take the role.
    fn assign(&mut self, units: &str, duty: ClauseDuty) {
        let (people, named): (Vec<String>, Vec<String>) = split_units(units)
            .into_iter()
            .partition(|u| is_office_holder(u));
        if !people.is_empty() {
            self.append_extra(LEADERS_KEY, '、', &people.join("、"));
            if named.is_empty() {
                return;
            }
        }
        self.assign_named(named, duty);
    }

    fn assign_named(&mut self, units: Vec<String>, duty: ClauseDuty) {
        match duty {
            ClauseDuty::Lead | ClauseDuty::Responsible => {
                let from = self.lead.len();
                assign_units(units, Duty::Lead, false, &mut self.lead, &mut self.support);
                if duty == ClauseDuty::Lead {
                    self.marked_lead = true;
                } else {
                    // Leads for now; supports if another unit 牵头s (see `finish`).
                    let added = self.lead.get(from..).unwrap_or_default();
                    self.responsible.extend(added.iter().cloned());
                }
            }
            ClauseDuty::Support => assign_units(
                units,
                Duty::Support,
                false,
                &mut self.lead,
                &mut self.support,
            ),
            // `甲会同乙负责落实`: those after `会同` support those who act by their duties.
            ClauseDuty::ByDuty => match split_together(&units) {
                Some((by_duty, partners)) => {
                    self.by_duty.extend(by_duty);
                    self.support.extend(partners);
                }
                None => self.by_duty.extend(units),
            },
        }
    }
}

/// Whether a label names units that oversee a measure rather than carry it out: `指导单位`,
/// `指导部门`, `监管部门`, `督导单位`, `监督部门` (see [`Allocation::finish`]).
fn is_overseeing_label(key: &str) -> bool {
    ["指导", "监管", "督导", "督促", "监督"]
        .iter()
        .any(|w| key.starts_with(w))
        && (key.ends_with("单位") || key.ends_with("部门"))
}

/// The key under which the office holders a duty clause names are kept (see
/// [`Allocation::assign`]).
const LEADERS_KEY: &str = "责任领导";

/// A name that is an office holder, not a unit: a post (`副省长`, `秘书长`, `局长`, `主任`,
/// `书记`), or those who lead (`分管领导`, `市政府领导`, `主要负责同志`). No unit's name ends so.
fn is_office_holder(name: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "长",
        "領導",
        "领导",
        "同志",
        "书记",
        "書記",
        "主任",
        "负责人",
        "負責人",
    ];
    let name = name.trim_ws();
    name.chars().count() >= 2 && ENDINGS.iter().any(|e| name.ends_with(e))
}

/// `key：value` (or with `:`) at the first colon. Two single-character searches, which run on
/// a byte search, rather than one for either character, which decodes every character.
fn split_at_colon(s: &str) -> Option<(&str, &str)> {
    let (at, len) = match (s.find('：'), s.find(':')) {
        (Some(a), Some(b)) if b < a => (b, 1),
        (Some(a), _) => (a, '：'.len_utf8()),
        (None, Some(b)) => (b, 1),
        (None, None) => return None,
    };
    Some((&s[..at], &s[at + len..]))
}

/// The role label a cell opens with, `牵头单位` of `牵头单位：县工信局`: a short label of lead or
/// support words, a colon and the units after it.
fn role_label(cell: &str) -> Option<&str> {
    let (key, value) = split_at_colon(cell)?;
    let key = key.trim_ws();
    (is_short_label(key)
        && !value.trim_ws().is_empty()
        && header_words(key) & (word::LEAD | word::SUPPORT) != 0)
        .then_some(key)
}

/// Column names for a table printed without a header whose unit cells name their role
/// (`1.推进工业园区扩容 | 牵头单位：县工信局 | 配合单位：县住建局`): a column whose every filled cell
/// opens with the same role label is named by it, and the one other column of text is the
/// tasks'. `None` for any other table.
fn names_from_labels(table: &Table) -> Option<Vec<String>> {
    if table.header_rows != 0 || table.rows.len() < 2 {
        return None;
    }
    let width = table.rows.first()?.len();
    let mut names = vec![String::new(); width];
    let mut text_columns = Vec::new();
    for (col, name) in names.iter_mut().enumerate() {
        let mut labels = table
            .rows
            .iter()
            .filter_map(|r| r.get(col))
            .filter(|c| !c.is_empty())
            .map(|c| role_label(c));
        match labels.next() {
            None => {}
            Some(None) => text_columns.push(col),
            Some(Some(label)) => {
                if !labels.all(|l| l == Some(label)) {
                    return None;
                }
                *name = label.to_string();
            }
        }
    }
    let [task] = text_columns[..] else {
        return None;
    };
    names.get_mut(task)?.push_str("任务");
    Some(names)
}

/// A clause's label: 2 to 8 Han characters (`责任领导`, `完成时限`, `配合单位`).
fn is_short_label(key: &str) -> bool {
    let key = key.trim_ws();
    (2..=8).contains(&key.chars().count()) && key.chars().all(crate::normalize::is_han)
}

/// The role a clause without a label gives its units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ClauseDuty {
    /// `甲牵头`, `甲牵头负责`.
    Lead,
    /// `甲负责`, `甲分别负责`: lead, unless another unit `牵头`s.
    Responsible,
    /// `乙配合`, `乙参与`, `乙协助`.
    Support,
    /// `丙按职责分工负责`, `丙分工负责`: lead when no one else leads.
    ByDuty,
}

/// The units of a clause that says they act by their duties in words other than `按职责`
/// ([`clause_duty`] reads that one): a preposition (`按照`, `根据`, `依据`, `依照`, `结合`, `按`,
/// `依`), perhaps `各自` or `职能`, then `职责` or `职能`, then any verb — `市商务局、市财政局按照职责
/// 抓好落实`, `甲根据职责分工负责`, `甲依职责负责`, `甲按职能职责抓好落实`, `甲（依职责负责）` →
/// the units before the preposition. `None` unless they are a list of units (`依兰县` is a
/// county's name, not `依` after a unit) or the clause has no `职责`/`职能`.
fn acting_by_duties(clause: &str) -> Option<&str> {
    let at = match (clause.find("职责"), clause.find("职能")) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    let head = &clause[..at];
    let head = ["各自", "部门"]
        .iter()
        .find_map(|w| head.strip_suffix(w))
        .unwrap_or(head);
    let units = ["按照", "根据", "依据", "依照", "结合", "按", "依"]
        .iter()
        .find_map(|w| head.strip_suffix(w))?
        .trim_end_matches(['（', '(']);
    is_unit_list(units).then_some(units)
}

/// The units of a clause without a label and the role its verb gives them.
fn clause_duty(clause: &str) -> Option<(&str, ClauseDuty)> {
    let clause = clause.trim_ws().trim_end_matches('。');
    // `由甲牵头`: the preposition is no part of the first unit's name, and neither are the
    // measures a group duty names before it (`本部分任务由甲牵头` on a heading, `以上两项任务由`).
    let clause = clause.strip_prefix('由').unwrap_or(clause);
    let clause = group_subject(clause)
        .filter(|(_, _, rest)| rest.len() < clause.len() && clause.contains('由'))
        .map_or(clause, |(_, _, rest)| rest);
    // `（甲牵头，）会同乙、丙负责`: `会同` ("together with") is the verb of the clause before, no
    // part of the first partner's name; `会同县` is a county's name (as in `split_together`).
    let clause = clause
        .strip_prefix("会同")
        .filter(|rest| !rest.starts_with('县'))
        .unwrap_or(clause);
    if let Some(p) = clause.find("按职责") {
        // `甲（按职责分工负责）`: the bracket opened before the words is theirs.
        return Some((
            clause[..p].trim_end_matches(['（', '(']),
            duty_by_duties(&clause[p..]),
        ));
    }
    // `甲按照职责抓好落实`, `甲根据职责分工负责`, `甲依职责负责`, `甲按职能职责抓好落实`: the
    // same duties, by other words.
    if let Some(units) = acting_by_duties(clause) {
        return Some((units, duty_by_duties(&clause[units.len()..])));
    }
    // `甲为牵头单位`, `乙为配合单位`: the role said by the label the unit is called.
    if let Some(found) = named_as_role(clause) {
        return Some(found);
    }
    // `各区政府分别负责本辖区工作`: units that carry the measure out each where it is, as
    // `按属地负责` says.
    if let Some(found) = responsible_where_they_are(clause) {
        return Some(found);
    }
    // `各区县政府按属地负责`, `乙按照各自职责负责`: units that act by their place or duties,
    // as `按职责分工负责` says.
    if let Some(p) = clause.find('按')
        && clause.ends_with("负责")
        && is_unit_list(&clause[..p])
    {
        return Some((&clause[..p], ClauseDuty::ByDuty));
    }
    // `甲牵头推进`, `甲负责牵头`, `甲统筹`, `甲负总责`: a closed list of the words that say a
    // unit leads, perhaps followed by a word of carrying out.
    if let Some(found) = worded_lead(clause) {
        return Some(found);
    }
    // `各区县政府负责落实`, `各区县政府抓好落实`: those who carry the measure out where they
    // are, as units acting by their duties do.
    if let Some(units) = [
        "负责落实",
        "负责实施",
        "抓好落实",
        "具体落实",
        "组织实施",
        "组织落实",
    ]
    .iter()
    .find_map(|w| clause.strip_suffix(w))
    {
        return Some((without_manner(units), ClauseDuty::ByDuty));
    }
    // `各区人民政府落实`: the same without 负责, said of nothing but units.
    if let Some(units) = clause.strip_suffix("落实").filter(|u| is_unit_list(u)) {
        return Some((units, ClauseDuty::ByDuty));
    }
    // `市商务局指导`, `市发展改革委督促指导`, `市应急局督导`: units that guide or oversee those
    // who carry the measure out support them.
    if let Some(units) = ["指导", "督导", "督促", "监督"]
        .iter()
        .find_map(|w| clause.strip_suffix(w))
        .map(|u| {
            ["督促", "业务", "加强", "负责", "监督"]
                .iter()
                .find_map(|w| u.strip_suffix(w))
                .unwrap_or(u)
        })
        .map(without_manner)
        .filter(|u| is_unit_list(u))
    {
        return Some((units, ClauseDuty::Support));
    }
    if let Some(units) = clause.strip_suffix("负责") {
        if let Some(units) = units.strip_suffix("分工") {
            return Some((without_manner(units), ClauseDuty::ByDuty));
        }
        if let Some(units) = units.strip_suffix("牵头") {
            return Some((without_manner(units), ClauseDuty::Lead));
        }
        // `甲具体负责`: `具体` ("in particular") says how, and no unit's name ends with it.
        return Some((without_manner(units), ClauseDuty::Responsible));
    }
    if let Some(units) = clause.strip_suffix("牵头") {
        return Some((without_manner(units), ClauseDuty::Lead));
    }
    fn support(c: &str) -> Option<&str> {
        SUPPORT_VERBS.iter().find_map(|w| c.strip_suffix(w))
    }
    // `甲推进`, `甲会同乙推进`: a word of carrying out alone after units, as `组织实施` is.
    if let Some(units) = CARRY_OUT
        .iter()
        .find_map(|w| clause.strip_suffix(w))
        .map(without_manner)
        .filter(|u| names_acting_units(u))
    {
        return Some((units, ClauseDuty::ByDuty));
    }
    // `乙配合落实`, `乙协助实施`: the support verb before the words of carrying out.
    let clause = ["落实", "实施"]
        .iter()
        .find_map(|w| clause.strip_suffix(w))
        .filter(|rest| support(rest).is_some())
        .unwrap_or(clause);
    support(clause).map(|units| (without_manner(units), ClauseDuty::Support))
}

/// Words that may stand between units and their role verb to say how they act (`分别负责`,
/// `各自负责`, `积极配合`, `全力配合`, `密切配合`, `协同配合`, `予以配合`, `具体实施`): no
/// unit's name ends with them, so they are no part of the last unit's name. Two at most
/// (`共同积极配合`).
const MANNER_WORDS: &[&str] = &[
    "分别", "各自", "共同", "具体", "积极", "全力", "密切", "主动", "切实", "认真", "予以", "协同",
    "大力",
];

/// `units` without the [`MANNER_WORDS`] at its end.
fn without_manner(units: &str) -> &str {
    let mut units = units;
    for _ in 0..2 {
        match MANNER_WORDS.iter().find_map(|w| units.strip_suffix(w)) {
            Some(rest) if !rest.is_empty() => units = rest,
            _ => break,
        }
    }
    units
}

/// The role of units that act by their duties, said by the words from `按职责` on: `按职责牵头`
/// leads, `按职责配合` supports, anything else (`按职责分工负责`) acts by the duties.
fn duty_by_duties(words: &str) -> ClauseDuty {
    let words = words.trim_end_ws();
    if words.ends_with("牵头") || words.ends_with("牵头负责") {
        ClauseDuty::Lead
    } else if SUPPORT_VERBS.iter().any(|w| words.ends_with(w)) {
        ClauseDuty::Support
    } else {
        ClauseDuty::ByDuty
    }
}

/// A clause that calls its units by a role's label: `甲为牵头单位`, `乙、丙为配合单位`,
/// `丁为责任单位`. `None` unless a list of units stands before `为`.
fn named_as_role(clause: &str) -> Option<(&str, ClauseDuty)> {
    // `甲为责任主体`, `甲为实施主体`: the body that answers for the measure.
    let head = ["单位", "部门", "主体"]
        .iter()
        .find_map(|w| clause.strip_suffix(w))?;
    let (units, role) = head.rsplit_once('为')?;
    let duty = match role {
        "牵头" | "主责" => ClauseDuty::Lead,
        "责任" | "负责" | "主办" | "承办" | "实施" => ClauseDuty::Responsible,
        "配合" | "协同" | "协助" | "参与" | "协办" | "支持" => ClauseDuty::Support,
        _ => return None,
    };
    is_unit_list(units).then_some((units, duty))
}

/// Units that `负责` the measure each in its own area (`各区政府分别负责本辖区工作`,
/// `各县政府负责辖区内落实`): they act as units `按属地负责` do.
fn responsible_where_they_are(clause: &str) -> Option<(&str, ClauseDuty)> {
    let at = memchr::memmem::find(clause.as_bytes(), "负责".as_bytes())?;
    let rest = &clause[at + "负责".len()..];
    if rest.len() > 36
        || !["本辖区", "辖区", "本地区", "属地", "本区域"]
            .iter()
            .any(|w| rest.starts_with(w))
    {
        return None;
    }
    let units = without_manner(&clause[..at]);
    is_unit_list(units).then_some((units, ClauseDuty::ByDuty))
}

/// The units of a clause that makes them responsible for a part of the measure it names
/// (`市公安局负责交通秩序整治`): a list of units, `负责`, and the part. `None` when no list of
/// units stands before `负责` or nothing follows it.
fn responsible_for_part(clause: &str) -> Option<&str> {
    let clause = clause.trim_ws();
    let at = clause.find("负责")?;
    let units = &clause[..at];
    let units = units.strip_prefix('由').unwrap_or(units);
    let part = clause[at + "负责".len()..].trim_end_matches('。');
    (!part.is_empty() && !part.starts_with(['的', '人']) && is_unit_list(units)).then_some(units)
}

/// Whether `piece` is the note that what a bracket says holds below too (`下同`, `以下同`,
/// `以下均同`, `后同`), never a unit's name.
fn is_ditto_note(piece: &str) -> bool {
    matches!(
        piece.trim_ws().trim_end_matches(['。', '）']),
        "下同" | "以下同" | "以下均同" | "后同" | "下文同"
    )
}

/// Words of carrying a measure out that may follow a unit's role verb (`牵头推进`, `统筹协调`) or
/// stand alone after its name (`甲推进`).
const CARRY_OUT: &[&str] = &[
    "组织实施",
    "组织落实",
    "推进",
    "推动",
    "落实",
    "实施",
    "协调",
    "抓总",
];

/// A clause whose units lead by a closed list of words: `牵头`, `负责牵头`, `统筹`, `负总责`,
/// `主责`, each perhaps followed by a word of [`CARRY_OUT`] (`省发展改革委牵头推进`,
/// `省税务局牵头落实`, `省发展改革委统筹`). Only a list of units may stand before the words, so
/// prose (`加强统筹`, `各地要统筹推进`) is not a clause.
fn worded_lead(clause: &str) -> Option<(&str, ClauseDuty)> {
    // Nearly every clause ends otherwise: the last character's bytes turn it down.
    let core = CARRY_OUT
        .iter()
        .find_map(|w| clause.strip_suffix(w))
        .unwrap_or(clause);
    let units = ["负责牵头", "牵头", "统筹", "负总责", "主责", "主抓", "主办"]
        .iter()
        .find_map(|w| core.strip_suffix(w))?;
    // `甲牵头` and `甲负责牵头` without a word after them are read as they always were.
    if core.len() == clause.len() && core.ends_with("牵头") && !core.ends_with("负责牵头") {
        return None;
    }
    let units = without_manner(units);
    names_acting_units(units).then_some((units, ClauseDuty::Lead))
}

/// Whether `units` is a list of units, or two lists joined by `会同` (`甲会同乙`).
fn names_acting_units(units: &str) -> bool {
    let units = units.trim_ws();
    if is_unit_list(units) {
        return true;
    }
    let Some(at) = units.find("会同") else {
        return false;
    };
    is_unit_list(&units[..at]) && is_unit_list(&units[at + "会同".len()..])
}

/// A lead clause and the clause run on after it with `、` or a space instead of `，`:
/// `甲牵头、乙配合` → `甲牵头` and `乙配合`, `甲牵头 乙、丙配合` → `甲牵头` and `乙、丙配合`. Only
/// when units stand before `牵头` and the rest is a clause of units with a verb of its own, so a
/// clause that only names lead units (`各牵头、配合单位负责`) is read whole.
fn lead_run_on(clause: &str) -> Option<(&str, &str)> {
    // Nearly every clause has no `牵头` before its end: one byte search turns it down.
    let clause = clause.trim_ws();
    let at = memchr::memmem::find(clause.as_bytes(), "牵头".as_bytes())?;
    let end = at + "牵头".len();
    let rest = clause.get(end..)?;
    let sep = rest.chars().next()?;
    if !matches!(sep, '、' | ' ' | '\u{3000}') {
        return None;
    }
    let lead = &clause[..end];
    let rest = rest[sep.len_utf8()..].trim_ws();
    let units = lead[..at].strip_prefix('由').unwrap_or(&lead[..at]);
    (is_unit_list(units) && clause_duty(rest).is_some_and(|(u, _)| is_unit_list(u.trim_ws())))
        .then_some((lead, rest))
}

/// The verbs that end a supporting unit's clause.
const SUPPORT_VERBS: [&str; 5] = ["配合", "参与", "协同", "协助", "协办"];

/// The allocation a measure carries in its trailing parenthesis.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InlineDuty {
    /// Lead units (`…牵头`, `负责部门：…`, `责任单位：…`, `甲、乙按职责分工负责` when no one else leads).
    pub lead: Vec<String>,
    /// Supporting units (`…配合`, `…按职责分工负责` beside a lead).
    pub support: Vec<String>,
    /// Every other clause by its key (`适用范围`, `完成时限`; `其他` for a clause without one).
    pub extra: IndexMap<String, String>,
    /// The measure's text before the parenthesis.
    pub before: String,
}

/// Reads a trailing duty parenthesis: `（市发展改革委牵头，市财政局、市商务委配合）`,
/// `（负责部门：人力资源社会保障部；适用范围：所有自贸试验区）` or `【牵头单位：甲；配合单位：乙】`.
pub fn inline_duty(text: &str) -> Option<InlineDuty> {
    inline_duty_with(text, false)
}

/// [`inline_duty`] for a document that states the first unit of a list leads: the first unit
/// of a `责任单位：` clause leads and the rest support.
pub fn inline_duty_with(text: &str, first_unit_leads: bool) -> Option<InlineDuty> {
    inline_duty_lazy(text, &|| first_unit_leads)
}

/// [`inline_duty_with`], asking whether the first unit leads only of a clause that needs to know.
///
/// A duty in traditional script (`（市政府辦公室牽頭，市級各有關部門按職責分工負責）`) is read in
/// its simplified form ([`fold_traditional`]), and what it names is given back as printed.
fn inline_duty_lazy(text: &str, first_unit_leads: &dyn Fn() -> bool) -> Option<InlineDuty> {
    let bracket = trailing_bracket(text);
    let traditional = match bracket {
        Some((_, inner)) => has_traditional_duty_word(inner.as_bytes()),
        // `……市商務廳牽頭。`: the verbs of a duty without brackets.
        None => {
            let end = text.trim_end_ws().as_bytes();
            let end = ["。", "；", ";"]
                .iter()
                .find_map(|p| end.strip_suffix(p.as_bytes()))
                .unwrap_or(end);
            (end.ends_with("頭".as_bytes()) || end.ends_with("責".as_bytes()))
                && has_traditional_duty_word(end)
        }
    };
    if traditional && let Some(folded) = fold_traditional(text) {
        let duty = inline_duty_simplified(&folded, trailing_bracket(&folded), first_unit_leads)?;
        let back = |s: String| as_printed(s, &folded, text);
        return Some(InlineDuty {
            lead: duty.lead.into_iter().map(back).collect(),
            support: duty.support.into_iter().map(back).collect(),
            extra: duty
                .extra
                .into_iter()
                .map(|(k, v)| (back(k), back(v)))
                .collect(),
            before: back(duty.before),
        });
    }
    match bracket {
        Some(_) => inline_duty_simplified(text, bracket, first_unit_leads),
        // Most paragraphs: no bracket at their end.
        None => unclosed_bracket(text, first_unit_leads)
            .or_else(|| trailing_dash(text, first_unit_leads))
            .or_else(|| trailing_label(text, first_unit_leads))
            .or_else(|| trailing_square_labels(text, first_unit_leads))
            .or_else(|| trailing_verbs(text, first_unit_leads)),
    }
}

/// An allocation whose bracket was left open, the copy cut at the line's end after a sentence:
/// `……度假地。（牵头单位：省文化和旅游厅；配合单位：省发展改革委`, or cut right after a label
/// (`……（牵头单位：省文化和旅游厅；配合单位：`). It reads as the bracket closed would; the
/// measure's text stops before it. Only a bracket that names roles ([`DUTY_WORDS`]) and follows
/// a full sentence is read so: a bracket of prose left open (`……（2024—2026年`) is none.
/// `None` for nearly every paragraph, turned down by its last character: a cut allocation ends
/// with a unit's name, a role verb or a label's colon, most paragraphs with `。`.
fn unclosed_bracket(text: &str, first_unit_leads: &dyn Fn() -> bool) -> Option<InlineDuty> {
    /// How far back (in characters) the open bracket is looked for: an allocation is short.
    const REACH: usize = 160;
    let tail = text.trim_end_ws();
    let last = tail.chars().next_back()?;
    if !(matches!(last, '：' | ':' | '头' | '合' | '责' | '与' | '助' | '办')
        || may_end_unit_name(last))
    {
        return None;
    }
    let mut depth = 0usize;
    let (open, c) = tail.char_indices().rev().take(REACH).find(|&(_, c)| {
        // (Chinese characters, nearly all of the text, are no brackets: turned down at once.)
        if ('\u{4e00}'..'\u{ff00}').contains(&c) {
            return false;
        }
        if is_closer(c) {
            depth += 1;
        } else if is_opener(c) {
            if depth == 0 {
                return true;
            }
            depth -= 1;
        }
        false
    })?;
    let inner = &tail[open + c.len_utf8()..];
    if !DUTY_WORDS.iter().any(|w| inner.contains(w)) || !ends_sentence(&tail[..open]) {
        return None;
    }
    let &(close, _) = DUTY_BRACKETS.iter().find(|(_, opens)| opens.contains(&c))?;
    let mut closed = String::with_capacity(tail.len() + close.len_utf8());
    closed.push_str(tail);
    closed.push(close);
    inline_duty_simplified(&closed, Some((open, inner)), first_unit_leads)
}

/// An allocation set after the measure by a dash, as a work plan's (工作要点) list prints it:
/// `……必修课。——市委组织部、市委党校`, `……清单管理。——责任单位：甲、乙`, `——牵头单位：甲；
/// 配合单位：乙`. What follows the last `——` must be names of organs (perhaps with deadlines), or
/// clauses that give organs their roles, every one an organ's name: a dash in prose (`三大工程——
/// 乡村振兴工程`) names none.
fn trailing_dash(text: &str, first_unit_leads: &dyn Fn() -> bool) -> Option<InlineDuty> {
    let tail = text.trim_end_ws();
    let tail = tail
        .strip_suffix(['。', '；', ';'])
        .unwrap_or(tail)
        .trim_end_ws();
    // Nearly every paragraph has no dash: a search for the first byte of `—`, which Chinese
    // characters never have (no searcher is built per paragraph), decides. The last `——`.
    const DASHES: &str = "——";
    let at = memchr::memrchr_iter(DASHES.as_bytes()[0], tail.as_bytes())
        .find(|&at| tail.as_bytes()[at..].starts_with(DASHES.as_bytes()))?;
    let inner = tail[at..].trim_start_matches(['—', '-']).trim_ws();
    let before = tail[..at].trim_end_ws();
    // Nothing before the dash: the allocation stands on its line under the measure (the outline
    // took the measure's sentence as its heading), as a bracket alone on its line does.
    if inner.is_empty() || inner.len() > 900 || inner.contains('。') {
        return None;
    }
    let mut a = Allocation::default();
    if DUTY_WORDS.iter().any(|w| inner.contains(w)) {
        a.read(inner, first_unit_leads);
    } else if is_units_then_deadlines(inner) {
        a.labelled("责任单位", inner, first_unit_leads);
    } else {
        return None;
    }
    let (lead, support, extra) = a.finish();
    let named = !lead.is_empty() || !support.is_empty();
    (named && lead.iter().chain(&support).all(|u| is_unit_name(u))).then(|| InlineDuty {
        lead,
        support,
        extra,
        before: before.to_string(),
    })
}

/// Traditional characters of the words a duty is read by (its verbs, labels and deadlines, and
/// the endings of organs' names), each with its simplified form, sorted by the first. Both
/// forms of each are three bytes in UTF-8, so a folded text keeps every byte offset.
#[rustfmt::skip]
const TRADITIONAL: &[(char, char)] = &[
    ('個', '个'), ('備', '备'), ('傳', '传'), ('價', '价'), ('億', '亿'), ('儲', '储'), ('內', '内'),
    ('兩', '两'), ('別', '别'), ('劃', '划'), ('動', '动'), ('務', '务'), ('區', '区'), ('協', '协'),
    ('參', '参'), ('員', '员'), ('單', '单'), ('國', '国'), ('園', '园'), ('圖', '图'), ('團', '团'),
    ('執', '执'), ('堅', '坚'), ('報', '报'), ('場', '场'), ('學', '学'), ('實', '实'), ('寧', '宁'),
    ('審', '审'), ('將', '将'), ('對', '对'), ('導', '导'), ('屆', '届'), ('層', '层'), ('屬', '属'),
    ('廈', '厦'), ('廣', '广'), ('廳', '厅'), ('後', '后'), ('態', '态'), ('慶', '庆'), ('應', '应'),
    ('據', '据'), ('擴', '扩'), ('數', '数'), ('於', '于'), ('時', '时'), ('書', '书'), ('會', '会'),
    ('東', '东'), ('條', '条'), ('業', '业'), ('構', '构'), ('機', '机'), ('檢', '检'), ('權', '权'),
    ('歲', '岁'), ('歸', '归'), ('氣', '气'), ('測', '测'), ('準', '准'), ('漢', '汉'), ('濟', '济'),
    ('災', '灾'), ('營', '营'), ('牽', '牵'), ('環', '环'), ('產', '产'), ('當', '当'), ('療', '疗'),
    ('發', '发'), ('監', '监'), ('礎', '础'), ('稅', '税'), ('範', '范'), ('簡', '简'), ('粵', '粤'),
    ('糧', '粮'), ('級', '级'), ('組', '组'), ('統', '统'), ('經', '经'), ('網', '网'), ('縣', '县'),
    ('總', '总'), ('織', '织'), ('續', '续'), ('聯', '联'), ('職', '职'), ('與', '与'), ('興', '兴'),
    ('華', '华'), ('萬', '万'), ('蘇', '苏'), ('處', '处'), ('術', '术'), ('衛', '卫'), ('規', '规'),
    ('視', '视'), ('計', '计'), ('記', '记'), ('設', '设'), ('證', '证'), ('議', '议'), ('護', '护'),
    ('變', '变'), ('負', '负'), ('財', '财'), ('責', '责'), ('貴', '贵'), ('貿', '贸'), ('資', '资'),
    ('質', '质'), ('軍', '军'), ('輸', '输'), ('辦', '办'), ('農', '农'), ('週', '周'), ('進', '进'),
    ('運', '运'), ('達', '达'), ('遼', '辽'), ('邊', '边'), ('鄉', '乡'), ('醫', '医'), ('銀', '银'),
    ('鎮', '镇'), ('鐵', '铁'), ('長', '长'), ('門', '门'), ('開', '开'), ('間', '间'), ('關', '关'),
    ('陝', '陕'), ('陽', '阳'), ('隊', '队'), ('際', '际'), ('險', '险'), ('雲', '云'), ('電', '电'),
    ('項', '项'), ('領', '领'), ('頭', '头'), ('類', '类'), ('體', '体'), ('點', '点'), ('龍', '龙'),
];

/// Whether the text `b` holds `牽` (牽頭) or `責` (負責, 職責, 責任), which a duty in traditional
/// script all but always has and one in simplified script never: a byte search for their last
/// bytes, which few characters share, and a look at the two before each.
fn has_traditional_duty_word(b: &[u8]) -> bool {
    const QIAN: &[u8] = "牽".as_bytes();
    const ZE: &[u8] = "責".as_bytes();
    memchr::memchr2_iter(QIAN[2], ZE[2], b)
        .any(|at| at >= 2 && b.get(at - 2..=at).is_some_and(|c| c == QIAN || c == ZE))
}

/// The sentences of `text`, as `text.split(['。', '；', ';', '！'])` gives them, found by the
/// first bytes of the stops (`。` E3, `；` and `！` EF, `;`) rather than by decoding every
/// character.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    let stops = memchr::memchr3_iter(0xE3, 0xEF, b';', b).filter_map(move |at| {
        let rest = &text[at..];
        if rest.starts_with(';') {
            Some((at, 1))
        } else if rest.starts_with(['。', '；', '！']) {
            Some((at, 3))
        } else {
            None
        }
    });
    let mut from = 0;
    let mut stops = stops.fuse();
    std::iter::from_fn(move || {
        if from > text.len() {
            return None;
        }
        match stops.next() {
            Some((at, len)) => {
                let piece = &text[from..at];
                from = at + len;
                Some(piece)
            }
            None => {
                let piece = &text[from..];
                from = text.len() + 1;
                Some(piece)
            }
        }
    })
}

/// Whether the text `b` holds `牵头` or `负责，`: one byte search for the byte the two words share
/// (`头` ends with it, `负` and `责` have it second), which a paragraph has every few dozen
/// characters, and a look at the bytes around each. Two substring searches cost several times
/// as much on every paragraph, nearly all of which have neither word.
#[cfg(test)]
fn has_lead_verb(b: &[u8]) -> bool {
    duty_verbs(b) == DutyWords::Lead
}

/// What [`duty_verbs`] finds in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DutyWords {
    /// `牵头` or `负责，`.
    Lead,
    /// `负责` only before other words (`甲负责某项工作`).
    Responsible,
    /// Neither.
    None,
}

/// [`has_lead_verb`], and otherwise whether `b` holds `负责` at all, in the same byte search.
fn duty_verbs(b: &[u8]) -> DutyWords {
    const SHARED: u8 = 0xB4;
    const LEAD: &[u8] = "牵头".as_bytes();
    const RESPONSIBLE: &[u8] = "负责，".as_bytes();
    const _: () = assert!(LEAD[LEAD.len() - 1] == SHARED && RESPONSIBLE[1] == SHARED);
    let bare = "负责".as_bytes();
    let mut responsible = false;
    for at in memchr::memchr_iter(SHARED, b) {
        if b[..=at].ends_with(LEAD) {
            return DutyWords::Lead;
        }
        if at >= 1 && b[at - 1..].starts_with(bare) {
            if b[at - 1..].starts_with(RESPONSIBLE) {
                return DutyWords::Lead;
            }
            responsible = true;
        }
    }
    if responsible {
        DutyWords::Responsible
    } else {
        DutyWords::None
    }
}

/// Whether the document is printed in traditional script (copied through a converter): its
/// title, its first words or a part's title hold characters of [`TRADITIONAL`] (`關於`, `發`,
/// `辦`, `縣`…). Asked once, of 64 characters of each.
fn printed_in_traditional_script(doc: &Document) -> bool {
    let first = doc.parts.first().and_then(|p| {
        p.preamble
            .first()
            .or_else(|| p.sections.first().and_then(|s| s.paragraphs.first()))
    });
    let titles = doc.parts.iter().map(|p| p.title.as_deref());
    [doc.notice.title.as_deref(), first.map(String::as_str)]
        .into_iter()
        .chain(titles)
        .flatten()
        .any(|t| {
            let head = t.char_indices().nth(64).map_or(t, |(end, _)| &t[..end]);
            fold_traditional(head).is_some()
        })
}

/// `text` with the characters of [`TRADITIONAL`] in their simplified forms; `None` when it has
/// none of them.
fn fold_traditional(text: &str) -> Option<String> {
    let simplified = |c: char| {
        TRADITIONAL
            .binary_search_by_key(&c, |&(t, _)| t)
            .ok()
            .and_then(|i| TRADITIONAL.get(i))
            .map(|&(_, s)| s)
    };
    text.chars()
        .any(|c| simplified(c).is_some())
        .then(|| text.chars().map(|c| simplified(c).unwrap_or(c)).collect())
}

/// What a duty read in `folded` names, as `original` prints it: the same bytes of the original
/// where the name stands in the folded text (the folding keeps every offset); the folded name
/// where it does not (a list joined from several clauses).
fn as_printed(name: String, folded: &str, original: &str) -> String {
    folded
        .find(name.as_str())
        .and_then(|at| original.get(at..at + name.len()))
        .map_or(name, str::to_string)
}

/// [`inline_duty_lazy`] on text whose duty words are in simplified script, and its
/// [`trailing_bracket`].
fn inline_duty_simplified(
    text: &str,
    bracket: Option<(usize, &str)>,
    first_unit_leads: &dyn Fn() -> bool,
) -> Option<InlineDuty> {
    let Some((start, inner)) = bracket else {
        return trailing_label(text, first_unit_leads)
            .or_else(|| trailing_verbs(text, first_unit_leads));
    };
    if inner.chars().count() > 300 {
        return None;
    }
    // `……。（甲牵头，乙配合）（2022年9月前完成）`, `……。（甲负责）【2022年底前】`: a deadline in a
    // bracket of its own after the allocation's is the allocation's deadline. (Only one level:
    // the allocation's own bracket is no deadline.)
    if inner.len() <= 120 && !inner.contains(['：', ':']) && is_deadline(inner) {
        let head = text[..start].trim_end_ws();
        if head.ends_with(is_closer)
            && let Some(allocation) = trailing_bracket(head).filter(|(_, i)| !is_deadline(i))
            && let Some(mut duty) = inline_duty_simplified(head, Some(allocation), first_unit_leads)
        {
            add_deadline(&mut duty.extra, inner);
            return Some(duty);
        }
    }
    let mut a = Allocation::default();
    if DUTY_WORDS.iter().any(|w| inner.contains(w)) {
        a.read(inner, first_unit_leads);
    } else if (text[..start].trim_end_ws().is_empty() || ends_sentence(&text[..start]))
        && is_units_then_deadlines(inner)
    {
        // `……街区5个。（市商务委、市文化旅游委）`: a sentence closed by nothing but the names of
        // organs allocates it to them, as a `责任单位：` clause would, and so does one closed by
        // names and a deadline (`（市市场监管局，长期坚持）`). So does such a bracket alone on
        // its line, under the sentence it closes.
        a.labelled("责任单位", inner, first_unit_leads);
    } else if (text[..start].trim_end_ws().is_empty() || ends_sentence(&text[..start]))
        && is_worded_allocation(inner)
    {
        // `……推介会。（省工商联组织实施）`, `（甲会同乙推进）`, `（甲统筹）`: clauses whose verbs
        // are none of [`DUTY_WORDS`], each a list of units and its verb.
        a.read(inner, first_unit_leads);
    } else if !ends_sentence(&text[..start]) {
        // A bracket that allocates nothing and closes no sentence is part of the last words, as
        // a unit's own bracket is (`责任单位：……各市（地）政府（行署）。`): the allocation, if
        // any, is the label or the verbs before it.
        return trailing_label(text, first_unit_leads)
            .or_else(|| trailing_verbs(text, first_unit_leads));
    } else {
        return None;
    }
    let before = text[..start].trim_end_ws().to_string();
    let (lead, support, extra) = a.finish();
    (!lead.is_empty() || !support.is_empty()).then_some(InlineDuty {
        lead,
        support,
        extra,
        before,
    })
}

/// Adds `deadline` to the allocation's `完成时限`.
/// Notes `units` as a standing remark of a task (`以下均需{units}落实`, under `其他`, after what
/// is there), as an allocation that prints one is read: the remark's units join the tasks below
/// (see `carry_standing_units`).
fn add_standing_remark(extra: &mut IndexMap<String, String>, units: &str) {
    let remark = format!("以下均需{units}落实");
    extra
        .entry("其他".to_string())
        .and_modify(|e| {
            e.push('，');
            e.push_str(&remark);
        })
        .or_insert(remark);
}

fn add_deadline(extra: &mut IndexMap<String, String>, deadline: &str) {
    extra
        .entry("完成时限".to_string())
        .and_modify(|e| {
            e.push('，');
            e.push_str(deadline);
        })
        .or_insert_with(|| deadline.to_string());
}

/// The deadline a bracket printed alone after an allocation's gives (`（2022年9月前完成）`,
/// `【2022年12月底前】`): its words, when `text` is nothing but that bracket.
fn lone_deadline_bracket(text: &str) -> Option<&str> {
    let text = text.trim_ws();
    if !text.starts_with(is_opener) || text.len() > 160 {
        return None;
    }
    let (start, inner) = trailing_bracket(text)?;
    (start == 0 && !inner.contains(['：', ':']) && is_deadline(inner)).then_some(inner)
}

/// Whether every clause of `inner` (cut at `，` and `；`) is a list of units and a verb that gives
/// them a role ([`clause_duty`]): `省工商联组织实施`, `省财政厅会同省地方金融管理局推进`. A
/// bracket of prose (`（2024—2026年）`, `（试行）`) has a clause that is no such list.
fn is_worded_allocation(inner: &str) -> bool {
    top_level_cuts(inner, &['，', '；', ',', ';'])
        .into_iter()
        .all(|c| {
            clause_duty(c).is_some_and(|(units, _)| {
                let units = units.trim_ws();
                !units.is_empty() && names_acting_units(units)
            })
        })
}

/// Whether `inner` is a list of organs' names, perhaps followed by deadlines after `，`
/// (`市商务委、市文旅委`, `市市场监管局，长期坚持`, `市教委，2024年底前完成`).
fn is_units_then_deadlines(inner: &str) -> bool {
    if is_unit_list(inner) {
        return true;
    }
    let mut pieces = crate::structure::top_level_pieces(inner, &['，', ',']);
    pieces.next().is_some_and(is_unit_list) && pieces.all(is_deadline)
}

/// Whether `text` ends a sentence (`。`, `；`, `！`), so that what follows it stands apart.
fn ends_sentence(text: &str) -> bool {
    text.trim_end_ws().ends_with(['。', '；', ';', '！'])
}

/// The searcher for `：`, built once.
/// A searcher for `）`, built once.
static CLOSER: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("）"));

static FULL_WIDTH_COLON: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("："));

/// An allocation that closes a measure without brackets, after its last sentence:
/// `……全覆盖。责任单位：市教委、市民政局。`, `……融合发展。牵头单位：甲；配合单位：乙。`. Every
/// clause after the label must allocate (no remarks), so prose that merely names a 单位 is not one.
fn trailing_label(text: &str, first_unit_leads: &dyn Fn() -> bool) -> Option<InlineDuty> {
    // Nearly every paragraph has no label at all: one vectorized search for the full-width colon
    // (normalization made every colon in Chinese text one) and a look at the words before each.
    let labelled = FULL_WIDTH_COLON
        .find_iter(text.as_bytes())
        .any(|at| text[..at].ends_with("单位") || text[..at].ends_with("部门"));
    if !labelled {
        return None;
    }
    // The labels after the measure's last sentence, when the first of them begins an allocation
    // line (`……。责任领导：甲；责任单位：乙；完成时限：6月底`): all of them are the allocation,
    // the leader and the deadline going under `extra`.
    let whole_line = trailing_duty(text);
    let start = match whole_line {
        Some(cut) => cut,
        None => {
            let m = DUTY_LABEL
                .find_iter(text)
                .find(|m| m.start() == 0 || ends_sentence(&text[..m.start()]))?;
            m.start()
        }
    };
    // A paragraph that opens with its label (`牵头单位：甲；配合单位：乙`, `责任领导：甲；牵头单位：乙`)
    // is an allocation on a line of its own, read whole as one: its second label does not close
    // a measure made of the first.
    if start == 0 || is_duty_line(text) {
        return None;
    }
    let inner = text[start..]
        .trim_end_ws()
        .trim_end_matches(['。', '；', ';']);
    if inner.chars().count() > 300 || closes_outer_bracket(inner) {
        return None;
    }
    let mut a = Allocation::default();
    a.read(inner, first_unit_leads);
    let (lead, support, extra) = a.finish();
    ((extra.is_empty() || whole_line.is_some()) && (!lead.is_empty() || !support.is_empty())).then(
        || InlineDuty {
            lead,
            support,
            extra,
            before: text[..start].trim_end_ws().to_string(),
        },
    )
}

/// An allocation after the measure's last sentence whose labels are printed in square brackets
/// (`……建立监测制度。【牵头单位】省统计局【配合单位】省财政厅`), read as the colon form
/// ([`colon_labels`]) is. `None` for a paragraph without `【` after a sentence's end (nearly
/// every one: a byte search), or when what follows is no allocation.
fn trailing_square_labels(text: &str, first_unit_leads: &dyn Fn() -> bool) -> Option<InlineDuty> {
    static OPEN: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("【"));
    if text.len() > 4 * 1024 {
        return None;
    }
    let open = OPEN
        .find_iter(text.as_bytes())
        .find(|&at| at > 0 && ends_sentence(&text[..at]))?;
    let labels = colon_labels(
        text[open..]
            .trim_end_ws()
            .trim_end_matches(['。', '；', ';']),
    );
    if matches!(labels, std::borrow::Cow::Borrowed(_)) || !is_duty_line(&labels) {
        return None;
    }
    let mut a = Allocation::default();
    a.read(&labels, first_unit_leads);
    let (lead, support, extra) = a.finish();
    (!lead.is_empty() || !support.is_empty()).then(|| InlineDuty {
        lead,
        support,
        extra,
        before: text[..open].trim_end_ws().to_string(),
    })
}

/// Whether `text` closes more brackets than it opens: a label found in it stands inside a bracket
/// opened before it (`（主办单位：甲；协办单位：乙）` read from its second label), and is no
/// allocation after the measure's last sentence. A unit's own brackets (`各市（地）政府`) balance.
fn closes_outer_bracket(text: &str) -> bool {
    let mut depth = 0i32;
    for c in text.chars() {
        if is_opener(c) {
            depth += 1;
        } else if is_closer(c) {
            depth -= 1;
            if depth < 0 {
                return true;
            }
        }
    }
    false
}

/// An allocation in words that closes a measure without brackets, as its last sentence:
/// `……压缩至0.5个工作日。市市场监管局牵头，市税务局、市公安局配合。`. The sentence must be
/// nothing but clauses of organs' names and their role verbs, so that prose that ends in a verb
/// (`各地要切实负责。`) is not one.
fn trailing_verbs(text: &str, first_unit_leads: &dyn Fn() -> bool) -> Option<InlineDuty> {
    let body = text.trim_end_ws().trim_end_matches(['。', '；', ';']);
    // Nearly every paragraph ends otherwise: two bytes' comparisons turn it down.
    if !(body.ends_with("配合") || body.ends_with("牵头") || body.ends_with("负责")) {
        return None;
    }
    let (at, stop) = body
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '。' | '；' | ';' | '！'))?;
    let start = at + stop.len_utf8();
    let sentence = &body[start..];
    if sentence.len() > 360 {
        return None;
    }
    let (lead, support) = worded_cell(sentence, Duty::Lead, first_unit_leads())?;
    if !lead.iter().chain(&support).all(|u| is_unit_name(u)) {
        return None;
    }
    Some(InlineDuty {
        lead,
        support,
        extra: IndexMap::new(),
        before: text[..start].trim_end_ws().to_string(),
    })
}

/// Words that give a unit its role in a table cell or a line of its own (`甲牵头，乙配合`,
/// `牵头：甲`, `丙负责`).
const ROLE_WORDS: &[&str] = &["牵头", "负责", "配合", "参与", "协助", "协同", "协办"];

/// Words of carrying a measure out, or of leading it, that a units cell may print after its
/// units without any of [`ROLE_WORDS`] (`甲具体实施`, `甲组织实施`, `乙抓好落实`,
/// `甲、乙按职责分工落实`, `甲主抓`, `甲统筹`): no part of the last unit's name.
// Read from the bytes by [`role_word_scan`]; the list is what its tests hold it to.
#[cfg_attr(not(test), allow(dead_code))]
const ACTING_WORDS: &[&str] = &["实施", "落实", "主抓", "统筹", "主体"];

/// What one pass over the bytes of `cell` finds: whether it holds a character that starts one
/// of [`ROLE_WORDS`] (牵, 负, 配, 参, 协), and whether it holds one of [`ACTING_WORDS`] (each
/// word's first character, then its second: the first alone is common in names, `统` of
/// `市统计局`, `主` of `主管部门`). A unit's name is Han text, whose characters are stepped over
/// three bytes at a time without being decoded.
fn role_word_scan(cell: &str) -> (bool, bool) {
    let b = cell.as_bytes();
    let (mut role, mut acting) = (false, false);
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        match x {
            0xE0..=0xEF => {
                if let Some(&[y, z]) = b.get(i + 1..i + 3) {
                    role |= matches!(
                        (x, y, z),
                        (0xE7, 0x89, 0xB5)
                            | (0xE8, 0xB4, 0x9F)
                            | (0xE9, 0x85, 0x8D)
                            | (0xE5, 0x8F, 0x82)
                            | (0xE5, 0x8D, 0x8F)
                    );
                    acting |= matches!(
                        (x, y, z, b.get(i + 3), b.get(i + 4), b.get(i + 5)),
                        // 实施, 落实, 主抓, 统筹, 主体
                        (0xE5, 0xAE, 0x9E, Some(0xE6), Some(0x96), Some(0xBD))
                            | (0xE8, 0x90, 0xBD, Some(0xE5), Some(0xAE), Some(0x9E))
                            | (0xE4, 0xB8, 0xBB, Some(0xE6), Some(0x8A), Some(0x93))
                            | (0xE7, 0xBB, 0x9F, Some(0xE7), Some(0xAD), Some(0xB9))
                            | (0xE4, 0xB8, 0xBB, Some(0xE4), Some(0xBD), Some(0x93))
                    );
                    if role && acting {
                        break;
                    }
                }
                i += 3;
            }
            0xF0..=0xFF => i += 4,
            0xC0..=0xDF => i += 2,
            _ => i += 1,
        }
    }
    (role, acting)
}

#[cfg(test)]
fn has_role_word_start(cell: &str) -> bool {
    role_word_scan(cell).0
}

#[cfg(test)]
fn has_acting_word(cell: &str) -> bool {
    role_word_scan(cell).1
}

/// A cell of a units column that names its units' roles in words instead of leaving them to
/// the column: `甲牵头，乙、丙配合`, `甲负责`, `牵头：甲；配合：乙、丙`. Every clause must give
/// a role (a role label, or a role verb after the units), so that a cell of plain names, or
/// one with a remark, is left to the column; `None` then. Returns the lead and supporting units.
fn worded_cell(
    cell: &str,
    role: Duty,
    first_unit_leads: bool,
) -> Option<(Vec<String>, Vec<String>)> {
    // Nearly every cell is a plain list of names: one pass over its characters for the first
    // characters of the role words tells, before any word is searched for.
    let (role_start, acting) = role_word_scan(cell);
    if !(role_start && ROLE_WORDS.iter().any(|w| cell.contains(w)) || acting) {
        return None;
    }
    let mut a = Allocation::default();
    // Names before any role word (`甲、乙，丙按职责分工负责`) are the column's.
    let mut plain = Vec::new();
    for clause in duty_clauses(cell) {
        match split_at_colon(clause) {
            Some((key, value)) => {
                let key = key.trim_ws();
                if header_words(key) & (word::LEAD | word::SUPPORT) == 0 {
                    return None;
                }
                a.labelled(key, value.trim_ws(), &|| first_unit_leads);
            }
            None => {
                for piece in split_top_level(clause, &['，', ',']) {
                    match clause_duty(&piece) {
                        Some(_) => a.clause(&piece),
                        // Units named after a lead without a word of their own support it
                        // (`甲牵头，乙、丙`): the lead is marked, the rest are its partners.
                        None if !a.lead.is_empty() && is_unit_list(&piece) => assign_units(
                            split_units(&piece),
                            Duty::Support,
                            false,
                            &mut a.lead,
                            &mut a.support,
                        ),
                        None if a.lead.is_empty()
                            && a.support.is_empty()
                            && a.by_duty.is_empty()
                            && is_unit_list(&piece) =>
                        {
                            plain.extend(split_units(&piece));
                        }
                        None => return None,
                    }
                }
            }
        }
    }
    if !plain.is_empty() {
        // Only a clause of units that act by their duties beside them (`甲、乙，丙按职责分工
        // 负责`): the named units take the column's role, the others support them.
        if !a.lead.is_empty() || !a.support.is_empty() || a.by_duty.is_empty() {
            return None;
        }
        assign_units(plain, role, first_unit_leads, &mut a.lead, &mut a.support);
        a.support.append(&mut a.by_duty);
    }
    // In a supporting column the column's role decides for units that only say they carry the
    // measure out (`乙负责`, `乙按职责分工负责`, `乙具体实施`): they support the lead column's
    // units. Only a unit the cell says `牵头`s leads.
    if role == Duty::Support {
        let responsible = std::mem::take(&mut a.responsible);
        if !responsible.is_empty() {
            let moved: FxHashSet<&str> = responsible.iter().map(String::as_str).collect();
            a.lead.retain(|u| !moved.contains(u.as_str()));
            a.support.extend(responsible);
        }
        a.support.append(&mut a.by_duty);
    }
    let (lead, support, extra) = a.finish();
    (extra.is_empty() && (!lead.is_empty() || !support.is_empty())).then_some((lead, support))
}

/// The label of an allocation clause (`牵头单位`, `配合`, `责任部门`), without its colon.
const ROLE_LABEL: &str =
    r"(?:牵头|配合|责任|负责|参与|协同|协助|协办|主办|主责|承办)(?:单位|部门)?";

/// A paragraph that is only an allocation, printed on a line of its own under a measure:
/// `责任单位：甲、乙`, `牵头单位：甲` (its `配合单位：乙` often on the next line), `牵头：甲；配合：乙`.
static DUTY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    // The people a measure is assigned to (`责任领导：`, `责任人：`, `牵头单位负责人：`) stand
    // among its lines of units, and go with them under `extra`.
    Regex::new(&format!("^{ROLE_LABEL}(?:领导|负责人|人)?[：:]")).expect("static regex")
});

/// A cell that holds nothing but a role label (`牵头`, `配合单位：`).
static ROLE_LABEL_CELL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{ROLE_LABEL}[：:]?$")).expect("static regex"));

fn is_role_label(cell: &str) -> bool {
    cell.chars().count() <= 6 && ROLE_LABEL_CELL.is_match(cell)
}

/// The allocation a small table of role labels and names says, as clauses on lines of their
/// own (`牵头：甲` / `配合：乙、丙`): what a units cell that holds such a table means. `rows` are
/// the table's rows of cells, each cell its lines. The labels stand in the first column
/// (`牵头 | 甲` over `配合 | 乙、丙`) or in a header row over the names (`牵头单位 | 配合单位` over
/// `甲 | 乙、丙`); a table of any other shape is `None`, and a cell's lines are names of one list.
pub fn allocation_clauses(rows: &[Vec<Vec<String>>]) -> Option<Vec<String>> {
    let filled = |cell: &[String]| cell.iter().any(|l| !l.trim_ws().is_empty());
    let text = |cell: &[String]| normalize_cell(&cell.join(""));
    let rows: Vec<&Vec<Vec<String>>> = rows
        .iter()
        .filter(|r| r.iter().any(|c| filled(c)))
        .collect();
    let clause = |label: &str, names: &[&[String]]| -> Option<String> {
        let names: Vec<String> = names
            .iter()
            .flat_map(|c| c.iter())
            .map(|l| {
                normalize_cell(l)
                    .trim_end_matches(['、', '，', ',', '；', ';', '。'])
                    .to_string()
            })
            .filter(|l| !l.is_empty())
            .collect();
        (!names.is_empty()).then(|| {
            format!(
                "{}：{}",
                label.trim_end_matches(['：', ':']),
                names.join("、")
            )
        })
    };
    // Labels down the first column, names beside them.
    let beside = rows.iter().all(|r| {
        let mut cells = r.iter().filter(|c| filled(c));
        cells.next().is_some_and(|c| is_role_label(&text(c)))
            && cells.all(|c| !is_role_label(&text(c)))
    });
    if beside {
        let lines: Vec<String> = rows
            .iter()
            .filter_map(|r| {
                let mut cells = r.iter().filter(|c| filled(c));
                let label = text(cells.next()?);
                let names: Vec<&[String]> = cells.map(Vec::as_slice).collect();
                clause(&label, &names)
            })
            .collect();
        return (!lines.is_empty()).then_some(lines);
    }
    // Labels down the last column, after the names (`甲 | 牵头` over `乙 | 配合`).
    let named: Vec<Vec<&[String]>> = rows
        .iter()
        .map(|r| r.iter().map(Vec::as_slice).filter(|c| filled(c)).collect())
        .collect();
    let after = named.iter().all(|cells| {
        cells.split_last().is_some_and(|(last, names)| {
            !names.is_empty()
                && is_role_label(&text(last))
                && names.iter().all(|c| !is_role_label(&text(c)))
        })
    });
    if after {
        let lines: Vec<String> = named
            .iter()
            .filter_map(|cells| {
                let (last, names) = cells.split_last()?;
                clause(&text(last), names)
            })
            .collect();
        return (!lines.is_empty()).then_some(lines);
    }
    // Labels as a header row, the names under them.
    let (head, body) = rows.split_first()?;
    let labels: Vec<String> = head.iter().map(|c| text(c)).collect();
    let labelled = labels.iter().any(|l| !l.is_empty())
        && labels.iter().all(|l| l.is_empty() || is_role_label(l));
    let placed = body.iter().all(|r| {
        r.iter()
            .enumerate()
            .all(|(i, c)| !filled(c) || labels.get(i).is_some_and(|l| !l.is_empty()))
    });
    if !labelled || body.is_empty() || !placed {
        return None;
    }
    let lines: Vec<String> = labels
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .filter_map(|(i, label)| {
            let names: Vec<&[String]> = body
                .iter()
                .filter_map(|r| r.get(i))
                .map(Vec::as_slice)
                .collect();
            clause(label, &names)
        })
        .collect();
    (!lines.is_empty()).then_some(lines)
}

/// Whether a paragraph is a deadline labelled on a line of its own (`完成时限：2024年底`,
/// `时间节点：全年`), as printed beside an allocation's lines.
fn is_deadline_line(text: &str) -> bool {
    text.len() <= 150
        && text.starts_with(['完', '时', '进'])
        && RUN_ON_LABELS.iter().any(|l| {
            text.strip_prefix(l)
                .is_some_and(|rest| rest.starts_with(['：', ':']))
        })
}

/// Whether a paragraph is an allocation line of its own ([`DUTY_LINE`]).
fn is_duty_line(text: &str) -> bool {
    // Its first character tells nearly every paragraph apart before the regex runs.
    (text.len() <= 900
        && text.starts_with(['牵', '配', '责', '负', '参', '协', '主', '承'])
        && DUTY_LINE.is_match(text))
        || is_worded_duty_line(text)
        || leader_then_units(text)
}

/// A leader's line that goes on with the units' labels after a space (`牵头市领导：王某某　牵头
/// 单位：甲　配合单位：乙`): an allocation line, the leader one of its clauses.
fn leader_then_units(text: &str) -> bool {
    text.len() <= 300
        && text.contains(['\u{3000}', ' '])
        && is_leader_line(text)
        && DUTY_LABEL.is_match(text)
}

/// An allocation line whose labels are printed in square brackets instead of before a colon,
/// `【牵头单位】甲【配合单位】乙`, as the colon form: `牵头单位：甲；配合单位：乙`. Any other text
/// is borrowed as it is (a byte comparison turns nearly every line down).
fn colon_labels(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.starts_with('【') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(after) = rest.strip_prefix('【') {
        let Some(close) = after.find('】') else {
            return std::borrow::Cow::Borrowed(text);
        };
        let label = after[..close].trim_ws();
        // A label is a few Han characters (`责任单位`, `完成时限`), not a bracketed remark.
        if !is_short_label(label) {
            return std::borrow::Cow::Borrowed(text);
        }
        if !out.is_empty() {
            out.push('；');
        }
        out.push_str(label);
        out.push('：');
        let value = &after[close + '】'.len_utf8()..];
        let end = value.find('【').unwrap_or(value.len());
        out.push_str(value[..end].trim_end_matches(['；', ';', '，', ',', ' ']));
        rest = &value[end..];
    }
    std::borrow::Cow::Owned(out)
}

/// A line of its own that is one sentence of organs' names and their role verbs, under the
/// measure it allocates: `省营商环境建设厅牵头，省直各部门配合。`, `甲、乙负责。`. Prose that
/// ends in a verb (`各地要切实负责。`) names no organs and is not one.
fn is_worded_duty_line(text: &str) -> bool {
    let body = text.trim_end_ws().trim_end_matches(['。', '；', ';']);
    // Nearly every paragraph ends otherwise: two bytes' comparisons turn it down.
    (body.ends_with("配合") || body.ends_with("牵头") || body.ends_with("负责"))
        && body.len() <= 360
        && !body.contains(['。', '；', ';', '！', '：', ':'])
        && worded_cell(body, Duty::Lead, false)
            .is_some_and(|(lead, support)| lead.iter().chain(&support).all(|u| is_unit_name(u)))
}

/// The length in bytes of the bullet a measure's paragraph opens with (`——引进龙头企业。`,
/// `●`, `■`, `◆`, `•`), and the spaces after it: as a number is, the item's mark, no part of its
/// text. 0 without one, or when nothing follows it.
fn bullet_len(text: &str) -> usize {
    const BULLETS: [char; 8] = ['—', '●', '■', '◆', '•', '▪', '►', '▶'];
    let Some(first) = text.chars().next().filter(|c| BULLETS.contains(c)) else {
        return 0;
    };
    // A dash is a bullet doubled (`——`), as printed; one alone may be a range's.
    let rest = if first == '—' {
        match text.strip_prefix("——") {
            Some(r) => r.trim_start_matches('—'),
            None => return 0,
        }
    } else {
        &text[first.len_utf8()..]
    };
    let rest = rest.trim_start();
    if rest.is_empty() {
        0
    } else {
        text.len() - rest.len()
    }
}

/// The length in bytes of the label a task's text opens with when each task is printed as a
/// record of labelled lines (`序号：3` / `任务：……` / `牵头单位：……`) or numbered by a label
/// (`任务3：……`, `重点任务二：……`); 0 when it opens with none. The label is no part of the
/// task's text, and says that the heading above it is a group's, not the task's first sentence.
fn task_label_len(text: &str) -> usize {
    fn colon(s: &str) -> Option<&str> {
        s.strip_prefix(['：', ':'])
    }
    // Nearly every paragraph opens otherwise: its first character turns it down.
    if !text.starts_with(['序', '编', '任', '重', '主', '工', '具', '改', '试', '目']) {
        return 0;
    }
    let is_number = |c: char| c.is_ascii_digit() || numbering::is_cn_numeral(c);
    let mut rest = text;
    // `序号：3` (or `编号：3`), then white space.
    if let Some(after) = strip_any_prefix(rest, &["序号", "编号"]).and_then(colon) {
        let number = after.trim_start_matches(is_number);
        if number.len() < after.len() {
            rest = number.trim_start();
        }
    }
    // `任务：`, `重点任务3：`, `任务内容：`.
    let kinds = ["重点", "主要", "工作", "具体", "改革", "试点", "目标"];
    let after_kind = strip_any_prefix(rest, &kinds).unwrap_or(rest);
    if let Some(after) = after_kind.strip_prefix("任务") {
        let after = strip_any_prefix(after, &["内容", "名称"])
            .unwrap_or_else(|| after.trim_start_matches(is_number));
        if let Some(value) = colon(after) {
            rest = value.trim_start();
        }
    }
    text.len() - rest.len()
}

/// Reads the tasks that the outline's `sections` allocate in their words into `out` (`path`: the
/// sections above them). A section whose heading line ends with its task's allocation
/// (`（一）实施产业链提升行动（甲牵头，乙配合）。`) is noted in `on_headings`, with the byte its
/// bracket starts at in the heading, for [`set_heading_duties_apart`]; one whose heading opens
/// with it (`（三）【甲牵头，乙配合】实施……工程。`), with the byte its bracket ends at and `true`.
fn inline_tasks<'a>(
    sections: &'a [Section],
    path: &mut Vec<&'a Section>,
    minutes: bool,
    traditional: bool,
    first_unit_leads: &dyn Fn() -> bool,
    out: &mut Vec<Task>,
    on_headings: &mut Vec<(*const Section, usize, bool)>,
) -> Vec<usize> {
    if sections.is_empty() {
        return Vec::new();
    }
    // The printed heading line of each section, in one buffer reused across sections.
    let mut printed = String::new();
    // Where each section's tasks start in `out`, then where the last one's end: a duty printed
    // after a group of measures (`以上任务由甲牵头，乙配合`) gives the measures before it theirs,
    // and a parent heading's duty its measures'.
    let mut starts: Vec<usize> = Vec::with_capacity(sections.len() + 1);
    // The first section a group duty printed after a later one covers.
    let mut group_from = 0;
    // The task of an allocation that holds for the measures below (`（甲负责，下同）`): a later
    // measure of the list with none of its own takes it.
    let mut ditto: Option<Task> = None;
    for (i, s) in sections.iter().enumerate() {
        // Where the tasks of this section (and of its sub-items) start.
        let first = out.len();
        starts.push(first);
        // The group duty the section's last words are (`（以上任务由…）`).
        let mut group_duty: Option<(GroupDuty, Vec<String>)> = None;
        // Whether the section's one task is its heading's, with no words of its own: the
        // allocation on the heading line or on lines of its own right under it.
        let mut heading_only = false;
        // The heading's allocation bracket, where it starts in the heading.
        let mut heading_cut = None;
        // The task of this section's allocation that holds below (`下同`).
        let mut ditto_at = None;
        printed.clear();
        push_printed(&mut printed, s);
        let group = || -> Vec<String> {
            path.iter()
                .map(|p| {
                    let mut g = String::new();
                    push_group_heading(&mut g, p);
                    g
                })
                .collect()
        };
        // The section's heading as the group of the tasks printed with their labels under it,
        // made once for all of them. A heading too long for the outline's (a marker and a
        // paragraph) has its words in the paragraphs before the first labelled one.
        let labelled_group = std::cell::OnceCell::new();
        let labelled_heading = || {
            let mut heading = printed.clone();
            if s.heading.is_empty() {
                let words = s.paragraphs.iter().take_while(|p| task_label_len(p) == 0);
                words.for_each(|p| heading.push_str(p));
            }
            heading
        };
        // The heading printed as a sentence (`深化商事制度改革。`) is part of the measure's text; a
        // bare title (`一、主要职能`, no punctuation) is not: it is the
        // group of the measures under it.
        let sentence = !s.heading.is_empty() && !s.heading_suffix.is_empty();
        // Whether this section's own words gave a task.
        let pushed = std::cell::Cell::new(false);
        // The line each task of the section's own words starts on, by its index in `out`: the
        // tasks take them when the words gave more than one (measures printed as bullets or
        // paragraphs under one heading), else the heading's line names the one task.
        let mut own_lines: Vec<(usize, usize)> = Vec::new();
        // `from`: the paragraph the text starts in, when it was printed under the heading line,
        // not on it.
        let mut push = |mut text: String,
                        from: Option<usize>,
                        lead: Vec<String>,
                        support: Vec<String>,
                        extra| {
            pushed.set(true);
            let under = from.is_some();
            // The line the task's words start on: the heading's when they open with its
            // sentence, else their paragraph's.
            let line = match from {
                Some(k) if s.heading.is_empty() || !text.starts_with(&s.heading) => {
                    s.paragraph_line(k)
                }
                _ => s.line,
            };
            // A task printed with its label (`任务1：`) under the heading: the heading is its
            // group's.
            let bullet = bullet_len(&text);
            text.drain(..bullet);
            let label = task_label_len(&text);
            text.drain(..label);
            let mut group = group();
            if label > 0 && !printed.is_empty() {
                group.push(labelled_group.get_or_init(labelled_heading).clone());
            } else if under
                && label == 0
                && !sentence
                && !s.heading.is_empty()
                && !text.starts_with(&s.heading)
            {
                // A bare title on a line of its own over the measure (`（一）完善机场布局` /
                // `推进……。（责任单位：…）`) names the measure as a group row names the tasks
                // under it: not a sentence of its text (see `sentence` above), it is the
                // innermost group, as printed.
                group.push(printed.clone());
            }
            own_lines.push((out.len(), line));
            out.push(Task {
                seq: s.number,
                text,
                lead_text: lead.join("、"),
                support_text: support.join("、"),
                lead,
                support,
                group,
                line: s.line,
                extra,
                origin: TaskOrigin::Inline,
                // A bullet (`——`, `●`) numbers nothing: the task's number counts on, and the
                // heading's marker is its group's, not its own.
                marker: (bullet == 0).then(|| s.marker.clone()),
                sheet: None,
                shares_number: false,
            });
            out.len() - 1
        };
        // The measure's text: the heading sentence and the words that carry the duty
        // (`深化商事制度改革。全面推行……。`), without the parenthesis.
        let measure_text = |before: String| {
            if sentence && task_label_len(&before) == 0 {
                format!("{}{}{}", s.heading, s.heading_suffix, before)
            } else {
                before
            }
        };
        // The task of an allocation printed on the heading line, by its index in `out`.
        let mut on_heading = None;
        // Whether that allocation is a bracket ending a bare title (`（三）完善县城基础设施（甲
        // 牵头，乙配合）`), the measure's words in the paragraphs under it.
        let mut on_bare_title = false;
        // Whether the allocation opens the first paragraph instead (`（一）培育主导产业。（甲牵头，
        // 乙配合）每个县……`).
        let mut leading = false;
        // Paragraphs not yet part of a measure's text: an allocation on lines of its own
        // (`责任单位：甲、乙`) closes the measure printed since the last one.
        let mut since = 0;
        let mut k = 0;
        if let Some(d) = inline_duty_lazy(&printed, first_unit_leads) {
            let text = d.before.get(s.marker.len()..).unwrap_or_default();
            if let Some(cut) = heading_duty_at(s, text) {
                on_headings.push((std::ptr::from_ref(s), cut, false));
                on_bare_title = !sentence;
                heading_cut = Some(cut);
            }
            push(text.to_string(), None, d.lead, d.support, d.extra);
            on_heading = Some(first);
            heading_only = s.paragraphs.is_empty();
        } else if let Some((d, rest)) = Some(s.heading.as_str())
            .filter(|h| h.starts_with(['（', '(', '【']))
            .and_then(|h| leading_allocation(h, first_unit_leads))
            .filter(|(d, rest)| only_units_and_roles(&s.heading[..s.heading.len() - rest.len()], d))
        {
            // `（三）【甲牵头，乙配合】实施……工程。`: the allocation printed right after the
            // marker, the measure's words after it, read as the bracket ending them would be.
            on_headings.push((std::ptr::from_ref(s), s.heading.len() - rest.len(), true));
            on_bare_title = !sentence;
            push(rest.to_string(), None, d.lead, d.support, d.extra);
            on_heading = Some(first);
            heading_only = s.paragraphs.is_empty();
        } else if let Some((d, rest)) = s
            .paragraphs
            .first()
            .filter(|_| !s.heading.is_empty())
            .and_then(|p| leading_allocation(p, first_unit_leads))
        {
            // `（一）培育主导产业。（甲牵头，乙配合）每个县……`: the allocation printed right after
            // the run-in heading, before the measure's words, as the bracket ending them would be.
            push(
                measure_text(rest.to_string()),
                Some(0),
                d.lead,
                d.support,
                d.extra,
            );
            on_heading = Some(first);
            leading = true;
            k = 1;
            since = 1;
        }
        // What a meeting decided (a 纪要, or a section of 议定事项): a duty said in the middle of
        // a sentence (`会议要求，由甲牵头，乙配合，确保……`) is one of its allocations.
        let decided = minutes || s.heading.contains("议定");
        // The measure an allocation on lines of its own closes: the paragraphs since the last
        // allocation (`since`) up to it (`k`), after the heading when it is the section's first
        // and a sentence or the only words before it.
        let printed_since = |since: usize, k: usize| {
            let mut text = String::new();
            let printed = s.paragraphs.get(since..k).unwrap_or_default();
            // A paragraph that opens with a task's label (`任务1：`, `序号：1`) starts the task:
            // the heading and any words before it (a group's heading the outline did not take)
            // are not its text.
            let from = printed.iter().rposition(|p| task_label_len(p) > 0);
            if from.is_none() && since == 0 && (sentence || k == 0) {
                text.push_str(&s.heading);
                text.push_str(&s.heading_suffix);
            }
            for p in &printed[from.unwrap_or(0)..] {
                text.push_str(p);
            }
            text
        };
        while k < s.paragraphs.len() {
            let t = &s.paragraphs[k];
            // `（以上任务由甲牵头，乙配合）` after the last measure of a group: the measure's
            // allocation, which the measures before it share (see `share_group_duty`).
            // Printed right under a heading, before the measures it groups (`一、加强师德师风
            // 建设` / `本部分任务由甲牵头，乙配合。` / `1.……`), the statement is the heading's
            // allocation, as `牵头单位：甲` on a line there is (see `give_heading_duty`); one said
            // of the measures below (`（以下任务均由甲负责落实）`) only so.
            let over_measures = since == 0 && k == 0 && !s.children.is_empty();
            if let Some((parts, below)) =
                group_duty_line(t, first_unit_leads).filter(|(_, below)| !below || over_measures)
            {
                let text = printed_since(since, k);
                if !text.trim_ws().is_empty() {
                    let mut pushed_any = false;
                    if let Some(d) = duty_for(&parts, s.number, 0) {
                        let measures = &s.paragraphs[since..k];
                        // `——培育……。` / `——建设……。` / `以上任务由甲牵头…`: a measure per bullet,
                        // as numbered measures give (the heading no sentence of theirs).
                        if measures.len() >= 2
                            && !(since == 0 && sentence)
                            && measures.iter().all(|p| bullet_len(p) > 0)
                        {
                            for (j, p) in measures.iter().enumerate() {
                                push(
                                    p.clone(),
                                    Some(since + j),
                                    d.lead.clone(),
                                    d.support.clone(),
                                    d.extra.clone(),
                                );
                            }
                        } else {
                            push(
                                text,
                                Some(since),
                                d.lead.clone(),
                                d.support.clone(),
                                d.extra.clone(),
                            );
                        }
                        pushed_any = true;
                    }
                    if pushed_any && over_measures && s.paragraphs.len() == 1 {
                        heading_only = true;
                    }
                    if !below && k + 1 == s.paragraphs.len() && s.children.is_empty() {
                        group_duty = Some((parts, group()));
                    }
                }
                k += 1;
                since = k;
                continue;
            }
            // `一是……（责任单位：甲）；二是……（责任单位：乙）。`: a measure of its own before
            // each allocation.
            if let Some(pieces) = allocated_clauses(t, first_unit_leads) {
                for d in pieces {
                    push(measure_text(d.before), Some(k), d.lead, d.support, d.extra);
                }
                k += 1;
                since = k;
                continue;
            }
            if let Some(mut d) = inline_duty_lazy(t, first_unit_leads) {
                let standing = says_below_same(t);
                if let Some(units) = standing.and_then(ditto_clause_units) {
                    // `（甲牵头，乙负责，下同）`: 乙's clause holds for the measures below, as a
                    // standing remark does (see `carry_standing_units`).
                    add_standing_remark(&mut d.extra, &units);
                }
                let text = if d.before.is_empty() {
                    // The bracket alone on its line (a `<br>` or a line break before it): like
                    // an allocation line, it closes the measure printed since the last one.
                    printed_since(since, k)
                } else if k > since {
                    // A measure of several paragraphs, its allocation after the last: it, too,
                    // closes everything printed since the last allocation.
                    let mut text = printed_since(since, k);
                    text.push_str(&d.before);
                    text
                } else {
                    measure_text(d.before)
                };
                let at = push(text, Some(since), d.lead, d.support, d.extra);
                if standing.is_some() {
                    ditto_at = Some(at);
                }
                k += 1;
                since = k;
                continue;
            }
            if !is_duty_line(&colon_labels(t)) {
                // Not an allocation line of its own: one said inside the measure's sentence,
                // in brackets (`推进节能降碳（甲牵头，乙配合），建设绿色工厂。`) or in words.
                if let Some((text, d)) = mid_bracket_allocation(t, first_unit_leads) {
                    push(measure_text(text), Some(k), d.lead, d.support, d.extra);
                    since = k + 1;
                } else {
                    // Each allocation's duty runs to where the next one's starts (`会议同意甲负责
                    // 做好……，乙负责协调……`: 乙's own task from its clause on), the `，` between
                    // them no part of either.
                    let found = decided_duties(t, decided, traditional);
                    if !found.is_empty() {
                        since = k + 1;
                    }
                    for (own, lead, support) in found {
                        push(measure_text(own), Some(k), lead, support, IndexMap::new());
                    }
                }
                k += 1;
                continue;
            }
            // The deadline printed on a line of its own beside the units (`完成时限：全年`,
            // above or under them) is a clause of the allocation, not the measure's text.
            // So is a leader's line (`牵头市领导：赵某某`): a person, not the measure's words.
            let start = k - s.paragraphs[since..k]
                .iter()
                .rev()
                .take_while(|l| {
                    let l = colon_labels(l);
                    is_deadline_line(&l) || is_leader_line(&l)
                })
                .count();
            let end = k
                + 1
                + s.paragraphs[k + 1..]
                    .iter()
                    .take_while(|l| {
                        let l = colon_labels(l);
                        is_duty_line(&l) || is_deadline_line(&l) || is_leader_line(&l)
                    })
                    .count();
            let mut a = Allocation::default();
            for line in &s.paragraphs[start..end] {
                a.read(&colon_labels(line), first_unit_leads);
            }
            let (lead, support, extra) = a.finish();
            if !lead.is_empty() || !support.is_empty() {
                heading_only = since == 0 && start == 0 && end == s.paragraphs.len();
                push(
                    printed_since(since, start),
                    Some(since),
                    lead,
                    support,
                    extra,
                );
            }
            k = end;
            since = end;
        }
        // `一、市投资促进局负责做好项目招引工作。`: a meeting's decision printed as the
        // section's heading sentence, nothing under it allocated.
        if decided && sentence && on_heading.is_none() && !pushed.get() && s.children.is_empty() {
            let heading = format!("{}{}", s.heading, s.heading_suffix);
            let found = decided_duties(&heading, true, traditional);
            let last = found.len();
            for (n, (mut own, lead, support)) in found.into_iter().enumerate() {
                if n + 1 == last {
                    s.paragraphs.iter().for_each(|p| own.push_str(p));
                }
                push(own, None, lead, support, IndexMap::new());
            }
        }
        if let Some(at) = ditto_at {
            ditto = out.get(at).cloned();
        }
        // `（一）实施产业链提升行动（甲牵头，乙配合）。围绕……。`: the allocation printed after the
        // measure's heading sentence, before its words; the words, with no allocation of their
        // own, are the same measure's, as when the bracket ends the paragraph.
        if let Some(h) = on_heading
            && out.len() == h + 1
            && sentence
            && !leading
            && !s.paragraphs.is_empty()
            && s.heading.ends_with(['）', ')'])
        {
            let text = &mut out[h].text;
            if !text.ends_with(['。', '；', ';', '！', '？']) {
                text.push_str(&s.heading_suffix);
            }
            s.paragraphs.iter().for_each(|p| text.push_str(p));
        } else if let Some(h) = on_heading
            && out.len() == h + 1
            && leading
            && since == 1
        {
            // The measure's words after a leading allocation go on in the paragraphs after it,
            // none of which allocates.
            let text = &mut out[h].text;
            s.paragraphs[1..].iter().for_each(|p| text.push_str(p));
        } else if let Some(h) = on_heading
            && out.len() == h + 1
            && on_bare_title
            && s.children.is_empty()
            && !s.paragraphs.is_empty()
        {
            // `（三）完善县城基础设施（甲牵头，乙配合）` / `推进县城市政管网更新改造……。`: a
            // measure's title and allocation on one line, its words (the target the lead answers
            // for) in the paragraphs under it, none of which allocates.
            let text = &mut out[h].text;
            if !text.ends_with(['。', '；', ';', '！', '？']) {
                text.push('。');
            }
            s.paragraphs.iter().for_each(|p| text.push_str(p));
        }
        if own_lines.len() > 1 {
            for (at, line) in own_lines {
                if let Some(t) = out.get_mut(at) {
                    t.line = line;
                }
            }
        }
        path.push(s);
        let own = out.len();
        let child_starts = inline_tasks(
            &s.children,
            path,
            decided,
            traditional,
            first_unit_leads,
            out,
            on_headings,
        );
        path.pop();
        if let Some(cut) = heading_cut {
            // The measures under a heading that ends with its allocation are grouped under the
            // heading without it.
            let full = printed.clone();
            let mut bare = s.marker.clone();
            bare.push_str(s.heading.get(..cut).unwrap_or_default().trim_end_ws());
            for t in &mut out[own..] {
                if let Some(g) = t.group.get_mut(path.len())
                    && *g == full
                {
                    g.clone_from(&bare);
                }
            }
        }
        if own == first && out.len() == own + 1 {
            // A statement that names measures (`第（二）项任务由…`, `以上1项…`) closing the list
            // allocated those it names (see `share_group_duty`): the items it leaves out are
            // no part of its measure, nor do they share its allocation.
            if !closed_by_group_statement(s, first_unit_leads) {
                take_enumeration(s, sentence, &mut out[own]);
                share_closing_allocation(s, own, out);
            }
        } else if heading_only && own == first + 1 && !s.children.is_empty() {
            let mut heading = s.marker.clone();
            match heading_cut {
                Some(cut) => {
                    heading.push_str(s.heading.get(..cut).unwrap_or_default().trim_end_ws())
                }
                None => {
                    heading.clear();
                    push_group_heading(&mut heading, s);
                }
            }
            give_heading_duty(s, &child_starts, heading, out);
        }
        if out.len() == first
            && let Some(t) = &ditto
        {
            // A measure with no allocation of its own after one that holds below (`下同`).
            let group = t.group.get(..path.len()).unwrap_or_default().to_vec();
            out.push(measure_task(s, t, group));
        }
        if let Some((_, _, units)) = heading_standing_remark(s)
            && let Some(t) = out.get_mut(first)
        {
            // `三、加强公共卫生体系建设。以下均需各县人民政府落实，不再列出。`: the heading's
            // standing remark, read as one in an allocation is.
            add_standing_remark(&mut t.extra, units);
        }
        if let Some((parts, group)) = group_duty {
            let like = Task {
                seq: s.number,
                text: String::new(),
                lead: Vec::new(),
                support: Vec::new(),
                group,
                line: s.line,
                extra: IndexMap::new(),
                lead_text: String::new(),
                support_text: String::new(),
                origin: TaskOrigin::Inline,
                marker: None,
                sheet: None,
                shares_number: false,
            };
            share_group_duty(sections, &mut starts, (group_from, i), &parts, &like, out);
            group_from = i + 1;
            ditto = None;
        }
    }
    starts.push(out.len());
    starts
}

/// The words of a section as a measure's text: its heading sentence (a bare title closed with
/// `。` when words follow it), its paragraphs, and its sub-items a line each, as printed.
fn measure_words(c: &Section) -> String {
    let mut text = String::new();
    text.push_str(&c.heading);
    text.push_str(&c.heading_suffix);
    if !c.heading.is_empty()
        && c.heading_suffix.is_empty()
        && !c.paragraphs.is_empty()
        && !c.heading.ends_with(['。', '；', ';', '！', '？'])
    {
        text.push('。');
    }
    c.paragraphs.iter().for_each(|p| text.push_str(p));
    for sub in &c.children {
        if !text.is_empty() {
            text.push('\n');
        }
        push_printed(&mut text, sub);
        sub.paragraphs.iter().for_each(|p| text.push_str(p));
    }
    c.after.iter().for_each(|p| text.push_str(p));
    text
}

/// The task of measure `c`, which prints no allocation of its own, allocated as `like` is, under
/// `group`.
fn measure_task(c: &Section, like: &Task, group: Vec<String>) -> Task {
    Task {
        seq: c.number,
        text: measure_words(c),
        group,
        line: c.line,
        marker: Some(c.marker.clone()),
        ..like.clone()
    }
}

/// Which measures of a group a group duty's statement names: all of them (`以上任务`,
/// `本部分任务`, `以上各项`), the last so many (`以上两项任务`, `以上3项`), or those numbered
/// (`以上第1—3项`, `以上（一）至（二）项`, `第（三）项`).
#[derive(Debug, Clone, PartialEq)]
enum NamedMeasures {
    All,
    Last(u32),
    Numbers(Vec<u32>),
}

/// The allocations of a group duty's statement, each with the measures it names: `以上任务由甲
/// 牵头，乙配合。其中，第（三）项由丙牵头` → all by 甲 and 乙, then （三） by 丙.
type GroupDuty = Vec<(NamedMeasures, InlineDuty)>;

/// The allocation of `parts` for the measure numbered `number`, `from_end` measures before the
/// statement's own (0 for it): one that names it by number wins over one that counts the last
/// measures, which wins over one for all; a later one over an earlier of the same kind (`其中`).
fn duty_for(parts: &GroupDuty, number: u32, from_end: usize) -> Option<&InlineDuty> {
    let mut best: Option<(u8, &InlineDuty)> = None;
    for (named, d) in parts {
        let rank = match named {
            NamedMeasures::Numbers(ns) if ns.contains(&number) => 2,
            NamedMeasures::Last(n) if from_end < *n as usize => 1,
            NamedMeasures::All => 0,
            _ => continue,
        };
        if best.is_none_or(|(r, _)| rank >= r) {
            best = Some((rank, d));
        }
    }
    best.map(|(_, d)| d)
}

/// A measure's number as a group duty names it: `3`, `三`, `（三）`, `(3)`.
fn named_number(s: &str) -> Option<u32> {
    let s = s.trim_ws();
    let s = s
        .strip_prefix(['（', '('])
        .and_then(|r| r.strip_suffix(['）', ')']))
        .unwrap_or(s);
    numbering::parse_cn_number(s.trim_ws()).filter(|n| *n > 0)
}

/// The measures a group duty names before `项` (`第1—3项`, `第1、2项`, `（一）至（二）项`,
/// `两项`, `各项`) and the words after `项`; `None` when the words do not open so.
fn measure_refs(s: &str) -> Option<(NamedMeasures, &str)> {
    if let Some(rest) = s.strip_prefix("各项") {
        return Some((NamedMeasures::All, rest));
    }
    let ordinal = s.starts_with('第');
    let body = s.strip_prefix('第').unwrap_or(s);
    // The numbers stand in the first few characters: a long search is never needed.
    let at = crate::normalize::head_within(body, 60).find('项')?;
    let (refs, rest) = (&body[..at], &body[at + '项'.len_utf8()..]);
    if refs.is_empty() {
        return None;
    }
    if !ordinal && let Some(n) = named_number(refs).filter(|_| !refs.starts_with(['（', '('])) {
        // `以上两项任务`: a count of the measures before, not their numbers.
        return Some((NamedMeasures::Last(n), rest));
    }
    let mut numbers = Vec::new();
    for item in refs.split(['、', '，', ',', '和', '及']) {
        let range = item
            .split_once(['—', '–', '-', '~', '～', '至', '到'])
            .map(|(a, b)| (a, b.trim_start_matches(['—', '–', '-', '~', '～'])));
        match range {
            Some((a, b)) => {
                let (a, b) = (named_number(a)?, named_number(b)?);
                if b < a || b - a > 200 {
                    return None;
                }
                numbers.extend(a..=b);
            }
            None => numbers.push(named_number(item)?),
        }
    }
    Some((NamedMeasures::Numbers(numbers), rest))
}

/// The subject of a group duty's sentence (`以上任务`, `上述各项措施`, `本部分任务`, `以上两项
/// 任务`, `以上第1—3项任务`, `该项任务`, `第（三）项`, `以下任务`), with `由`: which measures it
/// names, whether it names those below (`以下`), and the allocation's words after it. `None`
/// when the sentence opens otherwise (nearly every one: its first bytes decide).
fn group_subject(s: &str) -> Option<(NamedMeasures, bool, &str)> {
    let s = s.trim_ws();
    let (s, prefixed, noun_needed, below) = if let Some(r) = strip_any_prefix(s, &["以上", "上述"])
    {
        (r, true, true, false)
    } else if let Some(r) = strip_any_prefix(s, &["本部分", "本节", "本章", "该项", "此项"])
    {
        (r, true, false, false)
    } else if let Some(r) = s.strip_prefix("以下") {
        (r, true, true, true)
    } else if s.starts_with(['第', '（', '(']) {
        (s, false, false, false)
    } else {
        return None;
    };
    let (named, s, counted) = match measure_refs(s) {
        Some((named, rest)) => (named, rest, true),
        None => (NamedMeasures::All, s, false),
    };
    if !prefixed && !counted {
        return None;
    }
    let nouns = [
        "各项任务",
        "各项工作",
        "各项措施",
        "任务",
        "工作",
        "措施",
        "事项",
    ];
    let after_noun = strip_any_prefix(s, &nouns);
    if noun_needed && after_noun.is_none() && (below || !counted) {
        return None;
    }
    let rest = after_noun.unwrap_or(s);
    let rest = rest.strip_prefix('均').unwrap_or(rest);
    let by = rest.strip_prefix('由');
    // `第（三）项由甲牵头`, `以下任务均由甲负责`: without `以上`/`本部分` the sentence must say
    // `由`, so a measure's own words are not read as one.
    if (!prefixed || below) && by.is_none() {
        return None;
    }
    let rest = by.unwrap_or(rest);
    let rest = rest.strip_prefix('的').unwrap_or(rest);
    (!rest.is_empty()).then_some((named, below, rest))
}

/// A duty printed after a group of measures for all of them: `（以上任务由甲牵头，乙配合）`,
/// `上述任务由甲牵头，乙配合。`, `本部分任务责任单位：甲、乙。`, read as the allocation it
/// words (`（甲牵头，乙配合）`); also for some of them (`以上两项任务由…`, `以上第1—3项任务
/// 由…；第4项任务由…`, `（第1、2项由甲牵头…；第3项由乙牵头…）`), and with exceptions (`以上任务
/// 由甲牵头，乙配合。其中，第（三）项由丙牵头`). The flag: whether it is said of the measures below
/// (`（以下任务均由甲负责落实）`). `None` for nearly every paragraph: its first character turns
/// it down.
fn group_duty_line(text: &str, first_unit_leads: &dyn Fn() -> bool) -> Option<(GroupDuty, bool)> {
    let t = text.trim_ws();
    if !t.starts_with(['以', '上', '本', '（', '(', '该', '此', '第']) || t.len() > 600 {
        return None;
    }
    let t = t.trim_end_matches(['。', '；', ';']);
    let inner = match t.strip_prefix(['（', '(']) {
        Some(r) => r.strip_suffix(['）', ')'])?,
        None => t,
    };
    let (named, below, first) = group_subject(inner)?;
    // The statement's sentences: one that names measures of its own (`其中，第（三）项由…`,
    // `；第4项任务由…`) allocates them apart; any other goes on with the sentence before.
    let mut pieces: Vec<(NamedMeasures, String)> = vec![(named, String::new())];
    let first_at = inner.len() - first.len();
    for (n, piece) in top_level_cuts(&inner[first_at..], &['。', '；', ';'])
        .into_iter()
        .enumerate()
    {
        let own = (n > 0)
            .then(|| {
                let p = piece.trim_ws();
                let p = p
                    .strip_prefix("其中")
                    .map_or(p, |r| r.trim_start_matches(['，', ',', ' ', '\u{3000}']));
                group_subject(p).filter(|(named, below, _)| {
                    !below && matches!(named, NamedMeasures::Numbers(_))
                })
            })
            .flatten();
        match own {
            Some((named, _, words)) => pieces.push((named, words.to_string())),
            None => {
                if let Some((_, words)) = pieces.last_mut() {
                    if !words.is_empty() {
                        words.push('；');
                    }
                    words.push_str(piece);
                }
            }
        }
    }
    let mut parts = GroupDuty::new();
    for (named, words) in pieces {
        let words = words.trim_matches(['；', ';', '，', ',']);
        if words.is_empty() {
            continue;
        }
        let bracket = format!("（{words}）");
        if let Some(d) = inline_duty_lazy(&bracket, first_unit_leads)
            && (!d.lead.is_empty() || !d.support.is_empty())
        {
            parts.push((named, d));
        }
    }
    (!parts.is_empty()).then_some((parts, below))
}

/// Gives the measures `sections[from..at]` that print no allocation of their own the group duty
/// `parts` that closes `sections[at]`: `1.……` / `2.……` / `3.……` / `（以上任务由甲牵头，乙配合）`
/// allocates all three, `以上第1—2项任务由…` the two it names. `like` is the template of their
/// tasks (their group, origin). `starts` holds where each section's tasks start; the tasks after
/// `starts[from]` are laid out again, once, in reading order.
fn share_group_duty(
    sections: &[Section],
    starts: &mut [usize],
    (from, at): (usize, usize),
    parts: &GroupDuty,
    like: &Task,
    out: &mut Vec<Task>,
) {
    if !(from..at).any(|j| starts[j] == starts[j + 1]) {
        return;
    }
    let base = starts[from];
    let end = out.len();
    let mut tail = out.drain(base..).collect::<Vec<_>>().into_iter();
    for j in from..=at {
        let next = if j < at { starts[j + 1] } else { end };
        let len = next - starts[j];
        starts[j] = out.len();
        if len == 0 && j < at {
            if let Some(d) = duty_for(parts, sections[j].number, at - j) {
                let like = Task {
                    lead_text: d.lead.join("、"),
                    support_text: d.support.join("、"),
                    lead: d.lead.clone(),
                    support: d.support.clone(),
                    extra: d.extra.clone(),
                    ..like.clone()
                };
                out.push(measure_task(&sections[j], &like, like.group.clone()));
            }
        } else {
            out.extend(tail.by_ref().take(len));
        }
    }
}

/// Gives the measures under heading `s` that print no allocation of their own the allocation
/// printed on the heading (`一、加快信息基础设施建设（牵头单位：甲；配合单位：乙）` over `1.……`
/// `2.……`), or on lines of its own right under it: the heading names their group, not a measure.
/// `out[starts[0] - 1]` is the heading's task; `starts` where each child's tasks start. When no
/// child has a task of its own, the heading's task gives way to theirs; a heading over measures
/// some of which allocate their own keeps its task (its units answer for the part).
fn give_heading_duty(s: &Section, starts: &[usize], heading: String, out: &mut Vec<Task>) {
    let Some(&base) = starts.first() else {
        return;
    };
    let Some(like) = base.checked_sub(1).and_then(|h| out.get(h)).cloned() else {
        return;
    };
    let empty = |j: usize| starts[j] == starts[j + 1];
    let n = s.children.len().min(starts.len().saturating_sub(1));
    if !(0..n).any(empty) {
        return;
    }
    let all = (0..n).all(empty);
    // Sub-items that are one sentence (`①……；` / `②……。`) are the heading's measure, listed:
    // one task, the items a line each.
    let ends_clause = |c: &Section| match c.paragraphs.last() {
        Some(p) => p.trim_end_ws().ends_with(['；', ';']),
        None => c.heading_suffix.ends_with(['；', ';']) || c.heading.ends_with(['；', ';']),
    };
    if all
        && n >= 2
        && s.children[..n - 1].iter().all(ends_clause)
        && let Some(task) = out.get_mut(base - 1)
    {
        for c in &s.children[..n] {
            task.text.push('\n');
            push_printed(&mut task.text, c);
            c.paragraphs.iter().for_each(|p| task.text.push_str(p));
        }
        return;
    }
    let mut group = like.group.clone();
    group.push(heading);
    let tail = out.drain(base..).collect::<Vec<_>>();
    let mut tail = tail.into_iter();
    if all {
        out.pop();
    }
    for j in 0..n {
        if empty(j) {
            out.push(measure_task(&s.children[j], &like, group.clone()));
        } else {
            out.extend(tail.by_ref().take(starts[j + 1] - starts[j]));
        }
    }
    out.extend(tail);
}

/// The words before a bracket's closing note that it holds for the measures below too
/// (`（甲牵头，乙负责，下同）` → `甲牵头，乙负责`); `None` for nearly every paragraph, which
/// does not end so.
fn says_below_same(text: &str) -> Option<&str> {
    let tail = text.trim_end_ws().trim_end_matches(['。', '；', ';']);
    if !(tail.ends_with("同）") || tail.ends_with("同)")) {
        return None;
    }
    let (_, inner) = trailing_bracket(text)?;
    let cut = inner.rfind(['，', ',', '；', ';'])?;
    let (head, note) = inner.split_at(cut);
    let note = note.get(note.chars().next()?.len_utf8()..)?;
    is_ditto_note(note).then_some(head)
}

/// The units of the clause the note `下同` follows, when the allocation has clauses before it
/// (`市邮政管理局牵头，各县（市、区）政府负责，下同` → `各县（市、区）政府`): those units carry
/// out the measures below as well. An allocation of one clause (`市物价局负责，下同`) holds below
/// whole, for the measures with none of their own, and gives `None`.
fn ditto_clause_units(head: &str) -> Option<String> {
    let cuts = top_level_cuts(head, &['，', ',', '；', ';']);
    if cuts.len() < 2 {
        return None;
    }
    let last = cuts.last()?.trim_ws();
    let units = match split_at_colon(last) {
        Some((_, value)) => value.trim_ws(),
        None => clause_duty(last)?.0.trim_ws(),
    };
    (!units.is_empty() && !units.contains(['，', '；', '。', ',', ';'])).then(|| units.to_string())
}

/// A standing remark printed with a heading (`三、加强公共卫生体系建设。` / `以下均需各县（市、
/// 区）人民政府落实，不再列出。`, or in a bracket on the heading line) for the measures below it:
/// see [`standing_remark`].
fn heading_standing_remark(s: &Section) -> Option<(usize, usize, &str)> {
    if s.children.is_empty() {
        return None;
    }
    if s.heading.ends_with(['）', ')'])
        && let Some(r) = standing_remark(&s.heading)
    {
        return Some(r);
    }
    s.paragraphs
        .iter()
        .filter(|p| p.starts_with("以下"))
        .find_map(|p| standing_remark(p))
}

/// A line naming the leader a measure is assigned to (`牵头市领导：赵某某`, `责任区领导：`), among
/// its lines of units: a person, kept in `extra`, not the measure's words.
fn is_leader_line(text: &str) -> bool {
    let Some((key, value)) = split_at_colon(text) else {
        return false;
    };
    let key = key.trim_ws();
    key.chars().count() <= 7
        && (key.ends_with("领导") || key.ends_with("负责人"))
        && value.len() <= 120
        && !value.contains('。')
}

/// An allocation in a bracket (`（）`, `()` or `【】`) that opens a measure's paragraph or heading,
/// the measure's words after it
/// (`（省发展改革委牵头，省农业农村厅配合）每个县（市）明确1—2个主导产业。`): what the bracket
/// allocates, read as [`inline_duty_lazy`] reads a bracket alone, and the words after it.
/// `None` for a paragraph that does not open with `（`/`(`/`【` (nearly every one: its first bytes
/// decide), whose bracket says no role (`（此件公开发布）`, `（试点先行）`), or with nothing
/// after it.
fn leading_allocation<'t>(
    text: &'t str,
    first_unit_leads: &dyn Fn() -> bool,
) -> Option<(InlineDuty, &'t str)> {
    if !text.starts_with(['（', '(', '【']) {
        return None;
    }
    let mut depth = 0usize;
    let mut end = None;
    for (at, c) in text.char_indices().take(320) {
        if is_opener(c) {
            depth += 1;
        } else if is_closer(c) {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                end = Some(at + c.len_utf8());
                break;
            }
        }
    }
    let end = end?;
    let rest = text[end..]
        .trim_start_matches(['，', '：', ',', ':'])
        .trim_ws();
    // A deadline in a bracket of its own after the allocation is no measure's words: the
    // paragraph is an allocation, read whole.
    if rest.is_empty() || lone_deadline_bracket(rest).is_some() {
        return None;
    }
    // A bracket of names alone reads as units too loosely here (`（试点先行）`): the bracket
    // must say a role, in words or by a label.
    let bracket = &text[..end];
    let inner = bracket
        .strip_prefix(['（', '(', '【'])
        .and_then(|b| b.strip_suffix(is_closer))
        .unwrap_or(bracket);
    if !DUTY_WORDS.iter().any(|w| inner.contains(w)) && !is_worded_allocation(inner) {
        return None;
    }
    let d = inline_duty_lazy(bracket, first_unit_leads)?;
    d.before.is_empty().then_some((d, rest))
}

/// Whether the bracket `bracket` (`【甲牵头，乙配合】`, `（牵头单位：甲；配合单位：乙）`) holds
/// nothing but the units `d` read from it, their role words and labels, and separators: a
/// bracket that opens a heading is its allocation only then, not a note that names a unit.
fn only_units_and_roles(bracket: &str, d: &InlineDuty) -> bool {
    const ROLE_WORDS: &[&str] = &[
        "牵头单位",
        "配合单位",
        "责任单位",
        "按职责分工",
        "按职责",
        "牵头",
        "配合",
        "负责",
        "参与",
        "协同",
    ];
    let mut rest = bracket.to_string();
    for u in d.lead.iter().chain(&d.support) {
        rest = rest.replacen(u.as_str(), "", 1);
    }
    for w in ROLE_WORDS {
        rest = rest.replace(w, "");
    }
    rest.chars().all(|c| {
        is_opener(c)
            || is_closer(c)
            || matches!(c, '，' | '、' | '；' | '：' | ',' | ';' | ':' | ' ')
    })
}

/// Whether a title names a document that allocates duties (`2024年市政府重点工作责任分解`,
/// `……任务分工方案`, `……责任清单`).
fn allocates_by_title(title: &str) -> bool {
    ["责任分解", "任务分解", "分工", "责任清单", "任务清单"]
        .iter()
        .any(|w| title.contains(w))
}

/// A section whose heading is nothing but one unit's name (`一、市发展改革委`), over numbered
/// items and nothing else: the unit that carries the items out, as a 责任分解 groups them.
fn heading_unit(s: &Section) -> Option<&str> {
    let name = s.heading.trim_ws();
    (s.heading_suffix.is_empty()
        && s.paragraphs.is_empty()
        && !s.children.is_empty()
        && s.children.iter().all(|c| c.children.is_empty())
        && is_unit_name(name))
    .then_some(name)
}

/// `一、市发展改革委` / `1.全年完成固定资产投资增长6%以上。` / `2.……` / `二、市工信局` / ……: in a
/// document that allocates duties ([`allocates_by_title`]), the items under a heading that is
/// one unit's name ([`heading_unit`]) are that unit's tasks. An item's task without a lead of
/// its own (`4.新增规上工业企业100家以上。（市统计局配合）`) takes the unit as its lead; an item
/// without any allocation becomes a task led by it, appended to `tasks` (whose inline tasks of
/// this part start at `from`). Whether any was appended.
fn unit_headed_items<'a>(
    sections: &'a [Section],
    path: &mut Vec<&'a Section>,
    tasks: &mut Vec<Task>,
    from: usize,
) -> bool {
    let mut added = false;
    for s in sections {
        if let Some(unit) = heading_unit(s) {
            let mut group: Vec<String> = path
                .iter()
                .map(|p| {
                    let mut g = String::new();
                    push_group_heading(&mut g, p);
                    g
                })
                .collect();
            let mut own = String::new();
            push_group_heading(&mut own, s);
            group.push(own);
            for c in &s.children {
                let mut found = false;
                for t in tasks.get_mut(from..).unwrap_or_default() {
                    // A task read from the item's heading line or from one of its paragraphs.
                    let of_item = t.line == c.line || c.paragraph_lines.0.contains(&t.line);
                    if of_item && t.origin == TaskOrigin::Inline {
                        found = true;
                        if t.lead.is_empty() {
                            t.lead = vec![unit.to_string()];
                            t.lead_text = unit.to_string();
                        }
                    }
                }
                if found {
                    continue;
                }
                let mut text = format!("{}{}", c.heading, c.heading_suffix);
                c.paragraphs.iter().for_each(|p| text.push_str(p));
                if text.trim_ws().is_empty() {
                    continue;
                }
                tasks.push(Task {
                    seq: c.number,
                    text,
                    lead_text: unit.to_string(),
                    support_text: String::new(),
                    lead: vec![unit.to_string()],
                    support: Vec::new(),
                    group: group.clone(),
                    line: c.line,
                    extra: IndexMap::new(),
                    origin: TaskOrigin::Inline,
                    marker: Some(c.marker.clone()),
                    sheet: None,
                    shares_number: false,
                });
                added = true;
            }
            continue;
        }
        path.push(s);
        added |= unit_headed_items(&s.children, path, tasks, from);
        path.pop();
    }
    added
}

/// Where the allocation read from a section's heading line starts in its heading: `before` is
/// the heading line's words before the allocation, without the marker (`实施产业链提升行动`),
/// and the rest of the heading is one bracket (`（省经济和信息化厅牵头，省发展改革委配合）`).
/// `None` when the allocation is not a bracket ending the heading (a dash, a label, words).
fn heading_duty_at(s: &Section, before: &str) -> Option<usize> {
    let before = before.trim_ws();
    if before.is_empty() || !s.heading.ends_with(['）', ')']) {
        return None;
    }
    let rest = s.heading.strip_prefix(before)?;
    let bracket = rest.trim_start();
    bracket
        .starts_with(['（', '('])
        .then(|| s.heading.len() - bracket.len())
}

/// `（一）实施产业链提升行动（省经济和信息化厅牵头，省发展改革委配合）。围绕……`: the heading of
/// a measure whose allocation is printed after it is the measure's name, `实施产业链提升行动`;
/// the allocation, read into the measure's task, goes with the punctuation printed after the
/// heading (`（…配合）。`), so the line prints as before. `found` holds each such section (by
/// its address) and the byte its bracket starts at, in the order [`inline_tasks`] met them,
/// which is this walk's: `next` is the first not yet met, so a long outline is walked once.
fn set_heading_duties_apart(
    sections: &mut [Section],
    found: &[(*const Section, usize, bool)],
    next: &mut usize,
) {
    for s in sections {
        let Some(&(at, cut, opens)) = found.get(*next) else {
            return;
        };
        if std::ptr::eq(at, std::ptr::from_ref::<Section>(s)) {
            *next += 1;
            if opens && s.heading.is_char_boundary(cut) {
                // The bracket that opens the heading goes with the punctuation after it, as one
                // ending the heading does: the heading is the measure's words.
                let rest = s.heading.split_off(cut);
                let bracket = std::mem::replace(&mut s.heading, rest.trim_ws().to_string());
                s.heading_suffix.insert_str(0, &bracket);
            } else if s.heading.is_char_boundary(cut) {
                let bracket = s.heading.split_off(cut);
                s.heading.truncate(s.heading.trim_end_ws().len());
                s.heading_suffix.insert_str(0, &bracket);
            }
        }
        set_heading_duties_apart(&mut s.children, found, next);
    }
}

/// An allocation in brackets inside a measure's sentence, the sentence going on after it
/// (`推进工业领域节能降碳（省经济和信息化厅牵头，省生态环境厅配合），建设绿色工厂。`): the
/// sentence without the bracket, and the duty [`inline_duty_lazy`] reads from the bracket as if
/// it ended the sentence. Only a bracket followed by `，` or `；` that names a lead (`牵头`) or
/// units carrying it out (`负责`), the only one of the sentence: a bracket of prose (`（以下简称
/// ……）`) or of a unit's own name allocates nothing, and the bracket at the sentence's end is
/// [`inline_duty_lazy`]'s. `None` for nearly every paragraph, turned down by one search for
/// `），`/`）；`.
fn mid_bracket_allocation(
    text: &str,
    first_unit_leads: &dyn Fn() -> bool,
) -> Option<(String, InlineDuty)> {
    if text.len() > 4 * 1024 {
        return None;
    }
    let close = "）".as_bytes();
    let mut found = None;
    for at in memchr::memmem::find_iter(text.as_bytes(), close) {
        let after = &text[at + close.len()..];
        if !after.starts_with(['，', '；']) {
            continue;
        }
        let head = &text[..at + close.len()];
        let Some((open, inner)) = trailing_bracket(head) else {
            continue;
        };
        if !(inner.contains("牵头") || inner.contains("负责")) {
            continue;
        }
        if found.is_some() {
            // Two allocations in one sentence: which words each allocates is not certain.
            return None;
        }
        found = Some((open, at + close.len()));
    }
    let (open, end) = found?;
    let d = inline_duty_lazy(&text[..end], first_unit_leads)?;
    if d.lead.is_empty() && d.support.is_empty() {
        return None;
    }
    let rest = &text[end..];
    let mut sentence = text[..open].trim_end_ws().to_string();
    sentence.push_str(rest);
    Some((sentence, d))
}

/// Whether `task` was read from the last of `s`'s items, and those items are a flat list: two
/// or more, none with items or text under it, and nothing after them in `s`.
fn is_last_of_flat_list(s: &Section, task: &Task) -> bool {
    let Some((last, before)) = s.children.split_last() else {
        return false;
    };
    !before.is_empty()
        && (task.line == last.line || last.paragraph_lines.0.contains(&task.line))
        && task.marker.as_deref() == Some(last.marker.as_str())
        && s.after.is_empty()
        && s.children
            .iter()
            .all(|c| c.children.is_empty() && c.after.is_empty())
}

/// Whether the last sub-item of `s` ends with a group duty's statement (`第（二）项任务由甲牵头，
/// 乙配合。`, `以上任务由…`), read as one where it stands: the allocation of the measures it
/// names, not a closing allocation of the whole list.
fn closed_by_group_statement(s: &Section, first_unit_leads: &dyn Fn() -> bool) -> bool {
    s.children.last().is_some_and(|last| {
        last.paragraphs
            .iter()
            .any(|p| group_duty_line(p, first_unit_leads).is_some_and(|(_, below)| !below))
    })
}

/// Makes the one task of a measure's list of sub-items the measure's own, when the list is one
/// enumeration that a single allocation closes: `（一）推进政务云集约建设。` / `1.完成……；` /
/// `2.推动……。` / `（责任单位：甲、乙）`. Every sub-item before the last ends in `；` (one
/// sentence, its clauses numbered), none has sub-items of its own, and the allocation is the
/// last sub-item's, the only one of the measure (`task`, read from the last sub-item): it
/// allocates all the items, not the last. The task then takes the measure's marker, number and
/// line, and as its text the measure's heading sentence (`sentence`: printed with its stop; a
/// bare title stays its group) and words, then each sub-item on a line of its own as printed.
/// Items that end in `。` say each a measure of its own and are left as they are.
fn take_enumeration(s: &Section, sentence: bool, task: &mut Task) {
    let Some((last, before)) = s.children.split_last() else {
        return;
    };
    if !is_last_of_flat_list(s, task) {
        return;
    }
    // The item's last words: its last paragraph, or its heading line when it has none.
    let ends_clause = |c: &Section| match c.paragraphs.last() {
        Some(p) => p.trim_end_ws().ends_with(['；', ';']),
        None => c.heading_suffix.ends_with(['；', ';']) || c.heading.ends_with(['；', ';']),
    };
    if !before.iter().all(ends_clause) {
        return;
    }
    let mut text = String::new();
    // The measure's heading grouped its sub-items; now it is the task's own text (a sentence,
    // or words printed under its marker). A bare title stays the innermost group.
    if sentence || s.heading.is_empty() {
        text.push_str(&s.heading);
        text.push_str(&s.heading_suffix);
        task.group.pop();
    }
    for p in &s.paragraphs {
        text.push_str(p);
    }
    for c in before {
        if !text.is_empty() {
            text.push('\n');
        }
        push_printed(&mut text, c);
        c.paragraphs.iter().for_each(|p| text.push_str(p));
    }
    text.push('\n');
    text.push_str(&last.marker);
    text.push_str(&task.text);
    task.text = text;
    task.seq = s.number;
    task.line = s.line;
    task.marker = Some(s.marker.clone());
}

/// Gives the allocation on lines of its own that closes a measure's list of sub-items, each
/// item a sentence of its own (`（一）推进工业数字化转型。` / `1．实施……。` / `2．建设……。` /
/// `3．培育……。` / `责任单位：甲牵头，乙、丙配合。`), to every item of the list: printed after
/// the last item, at the measure's level, it is the list's, but the outline kept it as a
/// paragraph of the last item, so the task `out[own]` (the only one of the measure, read from
/// the last item) had it alone and the other items none. Items that end in `；` are one
/// sentence, made one task by [`take_enumeration`] (called first: it moves the task to the
/// measure's line). An allocation printed in the last item's sentence (`3．培育……。（责任单位：
/// 甲）`) is that item's own and is left alone; so is a list whose items have sub-items or
/// words under them.
fn share_closing_allocation(s: &Section, own: usize, out: &mut Vec<Task>) {
    let Some((last, before)) = s.children.split_last() else {
        return;
    };
    let Some(task) = out.get(own) else {
        return;
    };
    if !is_last_of_flat_list(s, task) {
        return;
    }
    // A list: each item one line, its words its heading or its one paragraph (the outline reads
    // a long sentence after the marker as text), none under it (measures of a paragraph or
    // more, such as a plan's 保障措施, each say their own).
    let words = |c: &Section| usize::from(c.heading.is_empty());
    if before.iter().any(|c| c.paragraphs.len() != words(c)) {
        return;
    }
    // The allocation's lines end the last item, right after its words: labelled or worded
    // lines, or a bracket alone on a line of its own under the item's line (`（甲牵头，乙、丙
    // 配合）`; one printed after the item's sentence on its line is the item's).
    let at = words(last);
    let allocates = |k: usize, p: &str| {
        is_duty_line(&colon_labels(p))
            || (last.paragraph_line(k) > last.line && is_bracket_alone(p))
    };
    let lines = || last.paragraphs.iter().enumerate().skip(at);
    if last.paragraphs.len() <= at
        || !lines().any(|(k, p)| allocates(k, p))
        || !lines().all(|(k, p)| allocates(k, p) || is_deadline_line(&colon_labels(p)))
    {
        return;
    }
    let shared: Vec<Task> = before
        .iter()
        .map(|c| {
            let mut text = String::new();
            text.push_str(&c.heading);
            text.push_str(&c.heading_suffix);
            c.paragraphs.iter().for_each(|p| text.push_str(p));
            Task {
                seq: c.number,
                text,
                line: c.line,
                marker: Some(c.marker.clone()),
                ..task.clone()
            }
        })
        .collect();
    out.splice(own..own, shared);
}

/// Whether a paragraph is an allocation in brackets and nothing else (`（甲牵头，乙配合）`,
/// `【责任单位：甲】`): printed on a line of its own, as a labelled allocation line is.
fn is_bracket_alone(text: &str) -> bool {
    text.starts_with(['（', '(', '【', '〔', '['])
        && inline_duty(text).is_some_and(|d| d.before.trim_ws().is_empty())
}

/// The words a meeting's decision opens a duty with (`会议要求由甲牵头`, `请甲牵头`), longest
/// first, before the units that lead.
const DECISION_LEAD_INS: &[&str] = &[
    "会议原则同意",
    "会议原则通过",
    "会议要求",
    "会议决定",
    "会议明确",
    "会议同意",
    "会议议定",
    "会议商定",
    "会议确定",
    "会议强调",
    "会议指出",
    "会议提出",
    "要求",
    "决定",
    "明确",
    "同意",
    "议定",
    "商定",
    "确定",
];

/// An allocation in words inside a measure's sentence rather than after it:
/// `会议要求，由市发展改革委牵头，市财政局、市住房城乡建设委配合，确保6月底前完成。`. A clause
/// of organs' names that `牵头` (after `由`) or `负责`, then the clauses of organs that support
/// them. In
/// any document the lead must be a clause of its own and supporters must follow it (`甲牵头，
/// 乙配合，……`): said so, it is an allocation, not prose. What a meeting decided (`decided`: a
/// 纪要, a section of 议定事项) may also name its lead alone, after the words that open the
/// decision (`会议要求甲、乙牵头研究解决办法`, `请甲牵头，……`). A unit bidden to act together
/// with others (`甲要会同乙完善……`, `由甲会同乙、丙制定……`) leads them.
///
/// Each allocation with the byte offset in `text` its duty starts at: the first's is 0; in a
/// meeting's decisions a further unit given a duty of its own (`会议同意甲负责做好……，乙负责
/// 协调……`, `由甲负责……，乙负责……`) is a further allocation, its duty from its clause on.
/// Empty for nearly every paragraph: no `牵头`, `负责` nor `会同` in it.
fn mid_sentence_allocation(text: &str, decided: bool, traditional: bool) -> Vec<MidAllocation> {
    if text.len() > 4 * 1024 {
        return Vec::new();
    }
    // In traditional script (`由市住房城鄉建設局牽頭，市司法局配合`): read in its simplified form,
    // the units given back as printed. Only a document printed so (`traditional`) is searched
    // for its words: a search of every paragraph would cost as much again. Folding keeps every
    // byte offset.
    if traditional
        && has_traditional_duty_word(text.as_bytes())
        && let Some(folded) = fold_traditional(text)
    {
        let back = |s: String| as_printed(s, &folded, text);
        return mid_sentence_simplified(&folded, decided)
            .into_iter()
            .map(|(at, lead, support)| {
                (
                    at,
                    lead.into_iter().map(back).collect(),
                    support.into_iter().map(back).collect(),
                )
            })
            .collect();
    }
    mid_sentence_simplified(text, decided)
}

/// The allocations said inside the paragraph `text` ([`mid_sentence_allocation`]), each with
/// its own words: each allocation's duty runs to where the next one's starts (`会议同意甲负责
/// 做好……，乙负责协调……`: 乙's own task from its clause on), the `，` between them no part of
/// either.
fn decided_duties(
    text: &str,
    decided: bool,
    traditional: bool,
) -> Vec<(String, Vec<String>, Vec<String>)> {
    let found = mid_sentence_allocation(text, decided, traditional);
    let ends: Vec<usize> = found
        .iter()
        .skip(1)
        .map(|f| f.0)
        .chain([text.len()])
        .collect();
    found
        .into_iter()
        .zip(ends)
        .map(|((at, lead, support), end)| {
            let own = text
                .get(at..end)
                .unwrap_or_default()
                .trim_ws()
                .trim_end_matches(['，', ',', '；', ';']);
            (own.to_string(), lead, support)
        })
        .collect()
}

/// One allocation of [`mid_sentence_allocation`]: where its duty starts in the text, its lead
/// and its support.
type MidAllocation = (usize, Vec<String>, Vec<String>);

/// [`mid_sentence_allocation`] of text whose duty words are in simplified script.
fn mid_sentence_simplified(text: &str, decided: bool) -> Vec<MidAllocation> {
    static TOGETHER: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("会同"));
    // `甲负责……，乙配合`: a unit responsible for a thing, supporters after it; in a meeting's
    // decisions, alone too (see below).
    let leads = |t: &str| match duty_verbs(t.as_bytes()) {
        DutyWords::Lead => true,
        DutyWords::Responsible => decided || SUPPORT_VERBS.iter().any(|w| t.contains(w)),
        DutyWords::None => false,
    };
    let together = |t: &str| TOGETHER.find(t.as_bytes()).is_some();
    // In a meeting's decisions, units bidden to act with no role verb (`责成甲……`, `请甲……`,
    // `由甲……`, `甲要……`: see [`bidden_in_decision`]).
    let bids = |t: &str| decided && (t.contains("责成") || t.contains(['请', '由', '要']));
    let mut out: Vec<MidAllocation> = Vec::new();
    if !leads(text) && !together(text) && !bids(text) {
        return out;
    }
    for sentence in sentences(text) {
        if !leads(sentence) && !together(sentence) && !bids(sentence) {
            continue;
        }
        let clauses: Vec<&str> = crate::structure::top_level_pieces(sentence, &['，', ','])
            .map(|c| c.trim_ws())
            .collect();
        let mut i = 0;
        // Whether a unit `牵头`s in this sentence's last allocation.
        let mut led = false;
        while i < clauses.len() {
            // A further allocation names a unit of its own, not a role's collective.
            let further = !out.is_empty();
            match clause_allocation(&clauses, i, decided)
                .filter(|(lead, _, _)| !further || lead.iter().all(|u| !names_a_role(u)))
            {
                Some((mut lead, mut support, next)) => {
                    // `甲牵头……，乙负责……`: beside a unit that leads, one responsible for a
                    // part supports it, as in an allocation's brackets.
                    if led
                        && let Some(last) = out.last_mut()
                        && !clauses[i].contains("牵头")
                        && !clauses[i].contains("会同")
                    {
                        last.2.append(&mut lead);
                        last.2.append(&mut support);
                        i = next;
                        continue;
                    }
                    // `……，乙配合，于7月底前制定……。丙、丁负责抓好落实。`: units that carry
                    // out what was just allocated, nothing of their own named, support it.
                    if let Some(last) = out.last_mut()
                        && clauses.len() == 1
                        && matches!(clause_duty(clauses[i]), Some((_, ClauseDuty::ByDuty)))
                    {
                        last.2.append(&mut lead);
                        last.2.append(&mut support);
                        i = next;
                        continue;
                    }
                    led = clauses[i].contains("牵头");
                    let at = if further {
                        clauses[i].as_ptr() as usize - text.as_ptr() as usize
                    } else {
                        0
                    };
                    out.push((at, lead, support));
                    // Outside a meeting's decisions a measure has one allocation.
                    if !decided {
                        return out;
                    }
                    i = next;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// The words that name no body in particular before a kind of body (`有关部门`, `其他单位`).
const VAGUE_WORDS: [&str; 4] = ["有关", "相关", "其他", "其它"];

/// Whether a unit's name names no one in particular: `各部门`, `有关单位`, `各相关职能部门`.
fn is_vague(unit: &str) -> bool {
    let rest = unit.strip_prefix('各').unwrap_or(unit);
    let rest = VAGUE_WORDS
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    let rest = rest.strip_prefix("职能").unwrap_or(rest);
    rest.len() < unit.len() && matches!(rest, "部门" | "单位" | "机构" | "方面")
}

/// Whether a unit's name is a role's collective (`各牵头单位`, `配合单位`, `各成员单位`), which
/// names no organ.
fn names_a_role(unit: &str) -> bool {
    ["牵头", "配合", "责任单位", "成员单位"]
        .iter()
        .any(|w| unit.contains(w))
}

/// The allocation the clause `i` of `clauses` (one sentence's) opens, if any (see
/// [`mid_sentence_allocation`]), with the index of the first clause after it.
fn clause_allocation(
    clauses: &[&str],
    i: usize,
    decided: bool,
) -> Option<(Vec<String>, Vec<String>, usize)> {
    static LEADS: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("牵头"));
    let clause = clauses[i];
    // In a meeting's decisions, a unit that opens the decision (its sentence, after
    // `会议要求，`, or a clause of its own after another decision: `会议同意甲……，乙负责
    // 做好……`) and `负责` what follows is assigned it, supporters or not:
    // `市投资促进局负责做好……`. (Not a clause after a report heard: `会议听取了甲的汇报，
    // 甲负责……` tells what it does.)
    let opens_decision = i == 0
        || DECISION_LEAD_INS.contains(&clauses[i - 1])
        || clauses
            .first()
            .is_some_and(|c| DECISION_LEAD_INS.iter().any(|w| c.starts_with(w)));
    // `甲牵头`, `甲牵头研究……`; or `甲负责` (`甲负责……`), which leads only with supporters after
    // it (`甲负责，乙配合`, `甲负责某项工作，乙配合`): alone it is any sentence's verb; or `甲要会同
    // 乙……`.
    let (at, verb, alone) = match LEADS.find(clause.as_bytes()) {
        Some(at) => (at, "牵头", false),
        None => match clause.find("负责") {
            Some(at) => (at, "负责", true),
            None => match clause.find("会同") {
                Some(at) => (at, "会同", false),
                // `会议责成甲加快推进……`, `请甲按程序提请……`, `甲要抓紧制定……`: a unit bidden to
                // act, no role verb said.
                None if decided && opens_decision => return bidden_in_decision(clauses, i),
                None => return None,
            },
        },
    };
    let (named, rest) = (&clause[..at], &clause[at + verb.len()..]);
    // `甲要牵头组织……`: what a unit is to do, said of it.
    let bidden = named.ends_with('要');
    let named = named.strip_suffix('要').unwrap_or(named);
    // `由甲负责`, `工程由甲牵头`, `具体方案由甲会同乙制定`: `由` names who is to act, as a
    // supporter after it would.
    let by = units_after_you(named);
    let mut units = by.unwrap_or(named);
    let mut alone = alone && by.is_none();
    let mut bidden = bidden || by.is_some();
    // `甲牵头的项目进展顺利`: the lead of something told, not a duty given.
    if rest.starts_with('的') {
        return None;
    }
    if decided {
        // `会议议定：由甲牵头`: the decision opens after its colon.
        let units_after_colon = units.rsplit_once('：').map_or(units, |(_, u)| u);
        let opened = DECISION_LEAD_INS
            .iter()
            .find_map(|w| units_after_colon.strip_prefix(w));
        bidden |= opened.is_some() || opens_decision;
        let opened = opened.unwrap_or(units_after_colon);
        if let Some(after) = ["由", "请"].iter().find_map(|w| opened.strip_prefix(w)) {
            units = after;
            alone = false;
        } else {
            units = opened;
        }
    }
    if verb == "会同" {
        return together_allocation(clauses, i, units, bidden);
    }
    // `市财政局负责做好资金保障工作`, `乙负责抓好落实`: in a meeting's decisions, what a unit is to
    // see to, wherever its clause stands.
    let sees_to = ["做好", "抓好"].iter().any(|w| rest.starts_with(w));
    if decided
        && alone
        && (opens_decision || sees_to)
        && !["同志", "人"].iter().any(|w| rest.starts_with(w))
    {
        alone = false;
    }
    // Outside a meeting's decisions supporters must follow (see below): the next clause's verb
    // says so before any name is looked at.
    let supported = || {
        clauses.get(i + 1).is_some_and(|c| {
            matches!(
                clause_duty(c).or_else(|| together_with(c)),
                Some((
                    _,
                    ClauseDuty::Support | ClauseDuty::ByDuty | ClauseDuty::Responsible
                ))
            )
        })
    };
    if ((!decided || alone) && !supported()) || !is_units_with_places(units) {
        return None;
    }
    let (support, next) = supporting_clauses(clauses, i + 1);
    // Outside a meeting's decisions supporters must follow, and after a lone `负责` always:
    // `甲牵头组织……，乙配合` and `甲负责某项工作，乙配合` allocate, `甲负责全市……的组织协调` does
    // not.
    if (!decided || alone) && support.is_empty() {
        return None;
    }
    let mut support = support;
    let lead = split_units(units);
    // `甲会同乙牵头……，丙配合`: those after `会同` support, before the others.
    Some(match split_together(&lead) {
        Some((lead, mut partners)) => {
            partners.append(&mut support);
            (lead, partners, next)
        }
        None => (lead, support, next),
    })
}

/// The units named after `由` in the words before a clause's role verb: `由甲` (`由甲牵头`), or
/// `工程由甲`, `具体方案由甲` (`工程由甲牵头组织实施`, `具体方案由甲会同乙制定`), whose words
/// before `由` are what the units are to do, no part of a name: when the words after the last
/// `由` are units' names (`自由贸易试验区` is a name, not `自` and `由`). `None` for words with
/// no such `由`.
fn units_after_you(named: &str) -> Option<&str> {
    if let Some(after) = named.strip_prefix('由') {
        return Some(after);
    }
    let (before, after) = named.rsplit_once('由')?;
    (!before.is_empty() && !before.ends_with('自') && is_units_with_places(after)).then_some(after)
}

/// In a meeting's decisions, a clause that opens a decision by bidding units act with no role
/// verb: after `责成`, `请` or `由` (`会议责成甲加快推进……`, `请甲按程序提请……`, `由甲根据会议意见
/// 修改完善后印发实施`), or before `要` (`甲要抓紧制定……`). They lead, with the supporters of the
/// clauses after it; units bidden to `配合` (`请甲、乙配合做好……`) support, no lead named. The
/// units end where the shortest list of units' names does, the words after it what they do.
fn bidden_in_decision(clauses: &[&str], i: usize) -> Option<(Vec<String>, Vec<String>, usize)> {
    let clause = clauses[i];
    let opened = DECISION_LEAD_INS
        .iter()
        .find_map(|w| clause.strip_prefix(w))
        .map_or(clause, |r| r.trim_start_matches(['，', '：', ',', ':']));
    let opened = opened.strip_prefix("会议").unwrap_or(opened);
    let (units, rest) = match ["责成", "请", "由"]
        .iter()
        .find_map(|w| opened.strip_prefix(w))
    {
        Some(after) => {
            let end = units_end(after)?;
            (&after[..end], &after[end..])
        }
        None => {
            let at = opened.find('要')?;
            (&opened[..at], &opened[at + '要'.len_utf8()..])
        }
    };
    if rest.is_empty() || rest.starts_with(['的', '，', '、']) || !is_units_with_places(units) {
        return None;
    }
    let units = split_units(units);
    // `各有关部门要密切配合`: an exhortation to no one in particular.
    if units.iter().all(|u| is_vague(u)) {
        return None;
    }
    let (mut support, next) = supporting_clauses(clauses, i + 1);
    if SUPPORT_VERBS.iter().any(|w| rest.starts_with(w)) {
        let mut all = units;
        all.append(&mut support);
        return Some((Vec::new(), all, next));
    }
    Some((units, support, next))
}

/// Whether `text` lists units ([`is_unit_list`]), or named places and zones sharing the head of
/// the last name (`兴庆区、金凤区、西夏区人民政府`, `大理市、洱源县人民政府`), whose governments
/// [`carry_heads`] names.
fn is_units_with_places(text: &str) -> bool {
    if is_unit_list(text) {
        return true;
    }
    let units = split_units(text);
    units.split_last().is_some_and(|(last, before)| {
        !before.is_empty()
            && is_unit_name(last)
            && before.iter().all(|u| is_bare_place(u) || is_bare_zone(u))
    })
}

/// Where the shortest list of units' names that opens `text` ends, the words after it going on
/// with something other than a further name (`市财政局统筹安排……` → after `市财政局`;
/// `甲公司、乙集团配合……` → after `乙集团`). Looked for in the first 40 characters only.
fn units_end(text: &str) -> Option<usize> {
    let mut chars = text.char_indices().take(40).peekable();
    while let Some((at, c)) = chars.next() {
        let end = at + c.len_utf8();
        if !may_end_unit_name(c) {
            continue;
        }
        if chars
            .peek()
            .is_none_or(|&(_, n)| matches!(n, '、' | '（' | '(' | '和' | '及' | '与'))
        {
            continue;
        }
        if is_unit_list(&text[..end]) {
            // `市公安局交警支队加强……`: a short name of a body under it goes on the name.
            const UNDER: &[&str] = &["支队", "大队", "分局", "分公司", "中心", "管理处", "管理所"];
            let rest = &text[end..];
            let under = rest
                .char_indices()
                .take(6)
                .skip(1)
                .map(|(at, c)| at + c.len_utf8())
                .find(|&at| {
                    let name = &rest[..at];
                    UNDER.iter().any(|w| name.ends_with(w)) && is_unit_name(name)
                });
            return Some(end + under.unwrap_or(0));
        }
    }
    None
}

/// The units of the clauses from `from` on that support a lead (`乙配合`, `乙加强指导`, `会同乙
/// 研究……`), up to the first that does not, and the index of that one.
fn supporting_clauses(clauses: &[&str], from: usize) -> (Vec<String>, usize) {
    let mut support = Vec::new();
    let mut next = from;
    for c in clauses.get(from..).unwrap_or_default() {
        match clause_duty(c)
            .or_else(|| guiding_clause(c))
            .or_else(|| together_with(c))
        {
            Some((u, ClauseDuty::Support | ClauseDuty::ByDuty | ClauseDuty::Responsible))
                if is_unit_list(u) =>
            {
                support.extend(split_units(u));
                next += 1;
            }
            _ => break,
        }
    }
    (support, next)
}

/// A unit bidden to act together with others, said in one clause (`市交通运输局要会同市财政局
/// 完善……`, `由甲会同乙、丙制定……`, in a meeting's decisions `会议要求甲会同乙研究……`): `units`,
/// the names before `会同`, lead; those after it, up to the verb, support them, and so do the
/// clauses of supporters after it. Only when something bids them (`bidden`: `要`, `由`, the
/// decision's opening words) and every name is an organ's, not a role's (`各牵头单位要会同配合
/// 单位……`): a unit that did something together with another is told of, not given a duty.
fn together_allocation(
    clauses: &[&str],
    i: usize,
    units: &str,
    bidden: bool,
) -> Option<(Vec<String>, Vec<String>, usize)> {
    // Words before a `由` that names no units (see [`units_after_you`]) are no unit.
    if !bidden || units.contains('由') || !is_unit_list(units) {
        return None;
    }
    let clause = clauses[i];
    let (partners, _) = together_with(&clause[clause.find("会同")?..])?;
    if !is_unit_list(partners) {
        return None;
    }
    let lead = split_units(units);
    let mut support = split_units(partners);
    if lead.iter().chain(&support).any(|u| names_a_role(u)) || lead.iter().any(|u| is_vague(u)) {
        return None;
    }
    let (mut more, next) = supporting_clauses(clauses, i + 1);
    support.append(&mut more);
    Some((lead, support, next))
}

/// The units of a clause that goes on from a lead's with `会同` and says what they do together
/// (`会同乙、丙研究配套方案`): those after `会同` support the lead, as in `甲会同乙负责`. The names
/// are the run of units' names up to the verb (the longest name the last piece starts with).
/// `None` for any other clause (`会同县…`, a clause whose first words name no unit).
fn together_with(clause: &str) -> Option<(&str, ClauseDuty)> {
    let rest = clause.trim_ws().strip_prefix("会同")?;
    if rest.starts_with('县') || rest.len() > 600 {
        return None;
    }
    let pieces = top_level_cuts(rest, &['、']);
    let (last, names) = pieces.split_last()?;
    if !names.iter().all(|n| is_unit_name(n)) {
        return None;
    }
    // The last name ends at the first of its prefixes that names a unit and that no one to
    // three characters more make a longer name of (`市发展改革委` goes on to `…委员会`; `市城管局`
    // then `制定…` does not go on): thirty characters at most.
    let last_start = last.as_ptr() as usize - rest.as_ptr() as usize;
    let ends: Vec<usize> = last
        .char_indices()
        .map(|(at, c)| at + c.len_utf8())
        .take(33)
        .collect();
    let end = (0..ends.len().min(30)).map(|k| ends[k]).find(|&end| {
        is_unit_name(&last[..end])
            && !(1..=3).any(|more| {
                ends.get(ends.iter().position(|&e| e == end).unwrap_or(0) + more)
                    .is_some_and(|&longer| is_unit_name(&last[..longer]))
            })
    })?;
    // A verb after the names: the clause says what they do, not a name run on.
    if end == last.len() {
        return None;
    }
    Some((&rest[..last_start + end], ClauseDuty::Support))
}

/// A clause of units that guide the one responsible, said as a service they do
/// (`市住房城乡建设委、市规划自然资源局做好指导服务`, `市商务委加强指导`): the units, which support
/// it, as `市商务局指导` does ([`clause_duty`]). Read only after a clause that leads, in a
/// sentence that allocates; `None` for any other clause.
fn guiding_clause(clause: &str) -> Option<(&str, ClauseDuty)> {
    let clause = clause.trim_ws().trim_end_matches('。');
    let rest = ["指导服务", "指导工作", "指导"]
        .iter()
        .find_map(|w| clause.strip_suffix(w))?;
    let units = ["做好", "加强", "负责"]
        .iter()
        .find_map(|w| rest.strip_suffix(w))?;
    is_unit_list(units).then_some((units, ClauseDuty::Support))
}

/// A clause whose units back the unit that leads (`乙支持`, `乙共同推进`, `乙做好资金保障`,
/// `乙提供要素保障`): supporting units, as `乙配合` is. Only read beside a unit that leads or is
/// responsible (see `clause`), and only when a list of units stands before the words.
fn backing_clause(clause: &str) -> Option<(&str, ClauseDuty)> {
    let clause = clause.trim_ws().trim_end_matches('。');
    // Nearly every clause ends otherwise: `持`, `进`, `动`, `障`, `作` turn it down by their
    // last character.
    if !clause.ends_with(['持', '进', '动', '障', '作']) {
        return None;
    }
    let units = ["给予支持", "大力支持", "支持"]
        .iter()
        .chain(&["共同推进", "共同推动", "协同推进", "协同推动"])
        .find_map(|w| clause.strip_suffix(w))
        .or_else(|| {
            // `做好资金保障`, `提供要素保障工作`: a short kind of backing between the words.
            let rest = clause
                .strip_suffix("保障工作")
                .or_else(|| clause.strip_suffix("保障"))?;
            let (at, verb) = ["做好", "提供", "强化", "加强"]
                .iter()
                .filter_map(|v| rest.rfind(v).map(|at| (at, *v)))
                .max_by_key(|(at, _)| *at)?;
            let kind = &rest[at + verb.len()..];
            (kind.chars().count() <= 6 && kind.chars().all(crate::normalize::is_han))
                .then(|| &rest[..at])
        })?;
    is_unit_list(units).then_some((units, ClauseDuty::Support))
}

/// Where the allocation that closes a paragraph starts, when it follows the measure's last
/// sentence without brackets: `全面推行……。责任领导：甲；责任单位：乙` → the byte after `。`.
/// Only looked for in a paragraph that has such a label ([`trailing_label`]).
fn trailing_duty(text: &str) -> Option<usize> {
    if text.len() > 4 * 1024 {
        return None;
    }
    static STOP: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("。"));
    STOP.find_iter(text.as_bytes())
        .map(|at| at + '。'.len_utf8())
        .find(|&cut| cut < text.len() && is_duty_line(&text[cut..]))
}

/// A paragraph of several measures, each closed by its own allocation in brackets before a
/// `；` or a new sentence (`一是……（责任单位：甲）；二是……（牵头单位：乙；配合单位：丙）。`):
/// each measure with its allocation, in order (words after the last allocation that allocate
/// nothing are no measure). `None` for a paragraph with no allocation before its end (nearly
/// every paragraph: no `）` inside it).
fn allocated_clauses(text: &str, first_unit_leads: &dyn Fn() -> bool) -> Option<Vec<InlineDuty>> {
    // Each candidate is read back to its opening bracket: a bound on the paragraph's length and
    // on the candidates keeps a hostile paragraph (a million `）`) from costing its square.
    if text.len() > 16 * 1024 {
        return None;
    }
    let end = text.trim_end_ws().len();
    let mut out = Vec::new();
    let mut from = 0;
    // Whether the paragraph ends with an allocation: only then does a bracket before a `，`
    // close a clause of its own (`严格落实……（甲负责），坚决遏制……（乙负责）。`); a bracket
    // mid-sentence before words that allocate nothing is the sentence's (see
    // [`mid_bracket_allocation`]).
    let closes = std::cell::OnceCell::new();
    for at in CLOSER.find_iter(text.as_bytes()).take(64) {
        let close = at + '）'.len_utf8();
        if close < from || close >= end {
            continue;
        }
        // An allocation ends with a unit's name or a role verb (`牵头`, `负责`, `配合`): the
        // character before the bracket turns nearly every other bracket down.
        let ends_allocation = text[..at].chars().next_back().is_some_and(|c| {
            matches!(
                c,
                '头' | '责' | '合' | '与' | '助' | '同' | '办' | '实' | '施'
            ) || may_end_unit_name(c)
        });
        if !ends_allocation {
            continue;
        }
        let rest = &text[close..];
        let stop = ['；', '。', ';', '，']
            .into_iter()
            .find(|c| rest.starts_with(*c))
            .filter(|&c| {
                c != '，'
                    || *closes.get_or_init(|| inline_duty_lazy(text, first_unit_leads).is_some())
            });
        // Cut after the bracket and its stop; a bracket in mid-sentence is no allocation. The
        // `，` after a clause's bracket is no part of its measure.
        let comma = stop == Some('，');
        let stop = stop.map_or(0, char::len_utf8);
        let cut = close + stop;
        let piece = &text[from..if comma { close } else { cut }];
        if stop == 0 {
            let closes_sentence =
                trailing_bracket(piece).is_some_and(|(start, _)| ends_sentence(&piece[..start]));
            if !closes_sentence {
                continue;
            }
        }
        if let Some(d) = inline_duty_lazy(piece, first_unit_leads) {
            out.push(d);
            from = cut;
        }
    }
    if out.is_empty() {
        return None;
    }
    // The last measure, when its own allocation closes the paragraph; a deadline in a bracket
    // of its own after the last allocation is that allocation's.
    match (lone_deadline_bracket(&text[from..]), out.last_mut()) {
        (Some(deadline), Some(last)) => add_deadline(&mut last.extra, deadline),
        _ => out.extend(inline_duty_lazy(&text[from..], first_unit_leads)),
    }
    Some(out)
}

/// Whether a sheet's name says nothing of what the sheet holds: the name a spreadsheet program
/// gives a new sheet (`Sheet1`, `工作表2`), or a bare label and number (`表1`, `附表二`, `附件3`).
pub fn is_generic_sheet_name(name: &str) -> bool {
    let stem = name.trim_end_matches(|c: char| {
        c.is_whitespace()
            || c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || "〇零一二三四五六七八九十()（）-_.．、#".contains(c)
    });
    let stem = stem.trim_ws().to_lowercase();
    ["", "sheet", "工作表", "表", "表格", "附表", "附件"].contains(&stem.as_str())
}

/// Gives the table tasks of a workbook whose task tables stand on several sheets (one list per
/// area) their sheet's name as their group: the sheet is the group its table does not print.
/// A sheet whose table gives groups of its own (group rows, a group column) keeps them, and a
/// sheet named as a program names it (`Sheet2`) gives none. One sheet of tasks is the whole list:
/// its name is no group.
fn group_by_sheet(tasks: &mut [Task]) {
    // Each sheet of tasks, in order, and whether its table gives any task a group; looked up by
    // name (a workbook of thousands of sheets must not compare each task's with every name).
    let mut sheets: Vec<(&str, bool)> = Vec::new();
    let mut at: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for t in tasks.iter() {
        let Some(name) = t.sheet.as_deref() else {
            continue;
        };
        let grouped = !t.group.is_empty();
        match at.get(name) {
            Some(&i) => sheets[i].1 |= grouped,
            None => {
                at.insert(name, sheets.len());
                sheets.push((name, grouped));
            }
        }
    }
    if sheets.len() < 2 {
        return;
    }
    let named: rustc_hash::FxHashSet<String> = sheets
        .iter()
        .filter(|(name, grouped)| !grouped && !is_generic_sheet_name(name))
        .map(|(name, _)| name.to_string())
        .collect();
    for t in tasks.iter_mut() {
        if let Some(name) = t.sheet.as_ref().filter(|s| named.contains(s.as_str())) {
            t.group = vec![name.clone()];
        }
    }
}

/// Appends a section's heading line as printed: marker, heading, and the punctuation after it.
fn push_printed(out: &mut String, s: &Section) {
    out.push_str(&s.marker);
    // A chapter's or section's label and its title are two words, printed apart (`第三章 重点
    // 任务`, `第一节 深入打好蓝天保卫战`); run together they read as one. So are a decimal
    // outline's number and its title (`1 贸易投资自由化便利化`, `2.1 壮大旅游业`): `1贸易` reads
    // as one word. Markers of items (`一、`, `（一）`, `1.`) end in their own stop.
    if !s.heading.is_empty() && marker_stands_apart(&s.marker) {
        out.push(' ');
    }
    out.push_str(&s.heading);
    out.push_str(&s.heading_suffix);
}

/// Whether a section's marker is a word printed apart from the words after it: a label
/// (`第三章`, `第一节`) or a decimal outline's number (`1`, `2.1`, `2.1.1`), not an item's marker
/// that ends in its own stop (`一、`, `（一）`, `1.`, `（1）`).
fn marker_stands_apart(marker: &str) -> bool {
    if marker.starts_with('第') {
        return crate::numbering::marker_kind(marker).is_some_and(|k| k.is_ordinal());
    }
    // A decimal outline's number as stored: digits parted by dots, ending in a digit.
    marker.ends_with(|c: char| c.is_ascii_digit())
        && marker.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// Appends the heading of a section that groups the measures under it: its heading line as
/// printed or, when the outline read the words after its marker as text (a sentence:
/// `（四）以某地为龙头，打造某示范区。`), the marker and that first sentence. An article
/// (`第五条`) has no heading: its marker is its name.
pub(crate) fn push_group_heading(out: &mut String, s: &Section) {
    push_printed(out, s);
    if s.heading.is_empty()
        && crate::numbering::marker_kind(&s.marker) != Some(crate::numbering::MarkerKind::Article)
        && let Some(first) = s.paragraphs.first()
    {
        let end = first
            .find('。')
            .map_or(first.len(), |stop| stop + '。'.len_utf8());
        if marker_stands_apart(&s.marker) {
            out.push(' ');
        }
        out.push_str(&first[..end]);
    }
}

/// For each table of `part`, the heading printed right above it with nothing but the table
/// under it (`一、夯实数字基础设施` over its list of tasks), as the group path of its tasks: the
/// heading and the headings it stands under. A table under the part's title, or under a heading
/// whose words or sub-headings come between, has none.
fn headings_over_tables(part: &Part) -> Vec<Option<Vec<String>>> {
    /// Where a section or table stands: source line, then block position (see `BlockOrder`).
    type At = (usize, usize);
    // Every section in reading order: its line, and the path to it (itself last) when nothing
    // is printed under its heading (only such a heading groups a table's tasks).
    fn flatten<'a>(
        sections: &'a [Section],
        path: &mut Vec<&'a Section>,
        out: &mut Vec<(At, Option<Vec<&'a Section>>)>,
    ) {
        for s in sections {
            path.push(s);
            let bare = s.paragraphs.is_empty() && s.children.is_empty() && s.after.is_empty();
            out.push(((s.line, s.order.0), bare.then(|| path.clone())));
            flatten(&s.children, path, out);
            path.pop();
        }
    }
    if part.tables.is_empty() || part.sections.is_empty() {
        return vec![None; part.tables.len()];
    }
    let mut flat = Vec::new();
    flatten(&part.sections, &mut Vec::new(), &mut flat);
    // Sections and tables by (source line, block position): see `Section::order`.
    let mut previous_table = (0, 0);
    part.tables
        .iter()
        .map(|t| {
            let at = flat.partition_point(|(at, _)| *at < (t.line, t.order.0));
            let heading = at
                .checked_sub(1)
                .and_then(|i| flat.get(i))
                .filter(|(at, _)| *at > previous_table)
                .and_then(|(_, path)| path.as_ref())
                .map(|path| {
                    path.iter()
                        .map(|p| {
                            let mut g = String::new();
                            push_printed(&mut g, p);
                            g
                        })
                        .collect()
                });
            previous_table = (t.line, t.order.0);
            heading
        })
        .collect()
}

/// Gives the tasks of a task table that prints no groups its caption as their group, when the
/// document holds more than one task table (`附件1 重点任务分工` and `附件2 重点项目清单`): each
/// list numbers its rows from 1, and without it nothing in a task says which list its number
/// is of — as a workbook's sheet name groups a sheet that prints no groups ([`group_by_sheet`]).
/// `lists` holds where each table's tasks start in `tasks` and its caption (or its part's title).
fn group_by_list(tasks: &mut [Task], lists: &[(usize, Option<&str>)]) {
    if lists.len() < 2 {
        return;
    }
    for (i, &(start, label)) in lists.iter().enumerate() {
        let end = lists.get(i + 1).map_or(tasks.len(), |l| l.0);
        let Some(label) = label.filter(|l| !l.is_empty()) else {
            continue;
        };
        let Some(list) = tasks.get_mut(start..end) else {
            continue;
        };
        if list.iter().all(|t| t.group.is_empty() && t.sheet.is_none()) {
            for t in list {
                t.group.push(label.to_string());
            }
        }
    }
}

/// Numbers the inline duties as one list, in reading order: a measure keeps its marker's number
/// (`（三）` is 3) while the numbers rise; one whose number does not (a measure under another
/// heading level, `一、` 1 over `（一）` 1, or a second clause of one paragraph) counts on from
/// the task before it, so that no two share a number. The marker keeps the number as printed.
/// After a task table's tasks (their highest number so far), the inline duties count on from
/// it: `一、` under a table of three tasks is 4. A table's tasks keep the numbers its 序号 column
/// prints, also after inline duties (a letter's own measures before its attachment's table).
fn number_inline_tasks(tasks: &mut [Task]) {
    let mut last: Option<u32> = None;
    for t in tasks {
        if t.origin == TaskOrigin::Inline
            && let Some(n) = last
            && t.seq <= n
        {
            t.seq = n.saturating_add(1);
        }
        last = Some(last.map_or(t.seq, |n| n.max(t.seq)));
    }
}

/// The tasks of every part in reading order: a part's after the parts before it, and within a
/// part its table tasks (`table`, each part's ending at `table_ends`) and its inline duties
/// (`inline`, ending at `inline_ends`) merged by line, each list keeping its own order (a table
/// first where the lines do not tell them apart: a page printed on one line).
fn in_reading_order(
    table: Vec<Task>,
    table_ends: &[usize],
    inline: Vec<Task>,
    inline_ends: &[usize],
) -> Vec<Task> {
    // Nearly every document has tasks of one kind only: nothing to merge.
    if inline.is_empty() {
        return table;
    }
    if table.is_empty() {
        return inline;
    }
    let total = table.len() + inline.len();
    let mut out = Vec::with_capacity(total);
    let mut table = table.into_iter().peekable();
    let mut inline = inline.into_iter().peekable();
    let (mut t_at, mut i_at) = (0, 0);
    for (&t_end, &i_end) in table_ends.iter().zip(inline_ends) {
        while t_at < t_end || i_at < i_end {
            let take_inline = i_at < i_end
                && (t_at >= t_end
                    || matches!((inline.peek(), table.peek()), (Some(i), Some(t)) if i.line < t.line));
            let next = if take_inline {
                i_at += 1;
                inline.next()
            } else {
                t_at += 1;
                table.next()
            };
            out.extend(next);
        }
    }
    // Anything past the parts' ranges, as it came.
    out.extend(table);
    out.extend(inline);
    out
}

/// Whether the document explains another rather than assigning anything: a 政策解读 (titled
/// `《某某行动方案》政策解读`, `关于《…》的解读`, `…答记者问`, or filed by its page under the
/// topic `政策解读`). Its retelling of the plan's measures (`一是实施诊断服务（省工业和信息化厅）`)
/// and any copy of the plan's table are the plan's duties, which the plan itself allocates.
fn is_interpretation(doc: &Document) -> bool {
    doc.notice.title.as_deref().is_some_and(|t| {
        let t = t.trim_end_matches(['”', '》', '）', ')', ' ']);
        t.ends_with("解读") || t.ends_with("答记者问")
    }) || doc
        .source
        .page
        .as_ref()
        .and_then(|p| p.topic.as_deref())
        .is_some_and(|t| t.contains("政策解读"))
}

/// Collects every task of the document: task tables first, in reading order, then inline duties.
/// A 政策解读 ([`is_interpretation`]) assigns none.
pub fn collect_tasks(doc: &mut Document) {
    if is_interpretation(doc) {
        doc.tasks.clear();
        return;
    }
    // Whether the document states the first unit leads: looked for (over the whole document) only
    // when a table or a clause needs to know.
    let known = std::cell::OnceCell::new();
    let shared: &Document = doc;
    let first_unit_leads = || *known.get_or_init(|| document_states_first_unit_leads(shared));
    let mut tasks = Vec::new();
    // Where each task table's tasks start, and the table's caption (or its part's title).
    let mut lists: Vec<(usize, Option<&str>)> = Vec::new();
    let merges_marked = doc.source.format == SourceFormat::Docx;
    // Where each part's table tasks end in `tasks`.
    let mut table_ends: Vec<usize> = Vec::with_capacity(doc.parts.len());
    for part in &doc.parts {
        let headings = headings_over_tables(part);
        // The task table read last in this part: a table printed without a header that goes on
        // with it (split at a page break) is read with its columns, and one whose header is
        // printed again goes on under its groups and numbers — on the same sheet of a workbook.
        let mut last: Option<TableRead> = None;
        for (table, heading) in part.tables.iter().zip(headings) {
            last = match (last.take(), TableRead::start(table, &first_unit_leads)) {
                (Some(prev), Some(next))
                    if prev.names == next.names && prev.sheet == next.sheet =>
                {
                    Some(prev)
                }
                (_, Some(mut next)) => {
                    let label = table.caption.as_deref().or(part.title.as_deref());
                    lists.push((tasks.len(), label));
                    next.merges_marked = merges_marked;
                    Some(next)
                }
                (Some(prev), None) if prev.continues_in(table) => Some(prev),
                (_, None) => None,
            };
            if let Some(read) = last.as_mut() {
                // A task a row at most: room made once, not grown (and copied) row by row.
                tasks.reserve(table.rows.len());
                if let Some(path) = heading {
                    read.groups = GroupPath::default();
                    path.iter().for_each(|g| read.groups.enter(g));
                }
                read.rows(table, &mut tasks);
            }
        }
        table_ends.push(tasks.len());
    }
    group_by_sheet(&mut tasks);
    group_by_list(&mut tasks, &lists);
    let table_tasks = std::mem::take(&mut tasks);
    // Where each part's inline tasks end in `tasks`.
    let mut inline_ends: Vec<usize> = Vec::with_capacity(doc.parts.len());
    let traditional = printed_in_traditional_script(doc);
    let mut on_headings = Vec::new();
    for part in &doc.parts {
        // A meeting's 纪要 (its own title or an enclosed one's) records what the meeting decided.
        let minutes = [&doc.notice.title, &part.title]
            .iter()
            .any(|t| t.as_deref().is_some_and(crate::structure::is_minutes_title));
        let from = tasks.len();
        let _ = inline_tasks(
            &part.sections,
            &mut Vec::new(),
            minutes,
            traditional,
            &first_unit_leads,
            &mut tasks,
            &mut on_headings,
        );
        resolve_inline_dittos(tasks.get_mut(from..).unwrap_or_default());
        carry_standing_units(tasks.get_mut(from..).unwrap_or_default());
        if [&doc.notice.title, &part.title]
            .iter()
            .any(|t| t.as_deref().is_some_and(allocates_by_title))
        {
            let added = unit_headed_items(&part.sections, &mut Vec::new(), &mut tasks, from);
            if added {
                // The items made here were appended: back in the order printed.
                if let Some(range) = tasks.get_mut(from..) {
                    range.sort_by_key(|t| t.line);
                }
            }
        }
        inline_ends.push(tasks.len());
    }
    let mut tasks = in_reading_order(table_tasks, &table_ends, tasks, &inline_ends);
    // A 纪要 whose decisions are paragraphs without numbers (`会议议定如下：` / `工程由甲牵头组织
    // 实施，乙配合……。`), no section of them: the letter's body holds them, each read as a
    // numbered decision's words are. (Their own lines are not kept: the tasks take the title's.)
    if doc
        .notice
        .title
        .as_deref()
        .is_some_and(crate::structure::is_minutes_title)
        && doc.parts.iter().all(|p| p.sections.is_empty())
    {
        let line = doc.notice.line.unwrap_or(1);
        let mut seq = 0;
        for p in &doc.notice.body {
            for (text, lead, support) in decided_duties(p, true, traditional) {
                seq += 1;
                tasks.push(Task {
                    seq,
                    text,
                    lead_text: lead.join("、"),
                    support_text: support.join("、"),
                    lead,
                    support,
                    group: Vec::new(),
                    line,
                    extra: IndexMap::new(),
                    origin: TaskOrigin::Inline,
                    marker: None,
                    sheet: None,
                    shares_number: false,
                });
            }
        }
    }
    if !on_headings.is_empty() {
        let mut next = 0;
        for part in &mut doc.parts {
            set_heading_duties_apart(&mut part.sections, &on_headings, &mut next);
        }
    }
    // Inline tasks after a table's count on from its numbers: no two tasks share a seq, the only
    // reference a task has in a list by unit.
    number_inline_tasks(&mut tasks);
    for t in &mut tasks {
        carry_levels(t);
        carry_heads(t);
        // Only an allocation printed in brackets sets its names' brackets `〔〕`: a table's cells
        // are not inside one.
        if t.origin == TaskOrigin::Inline {
            t.lead.iter_mut().for_each(round_inner_brackets);
            t.support.iter_mut().for_each(round_inner_brackets);
        }
    }
    // A unit leads or supports a task, not both: a supporting cell merged down over several
    // rows names, on a row led by one of its units, that unit twice. (`support_text` keeps the
    // cell as printed.) Nor is it named twice in one list (`市知识产权局、市知识产权局`).
    for t in &mut tasks {
        dedup_in_order(&mut t.lead);
        dedup_in_order(&mut t.support);
        let Task { lead, support, .. } = t;
        if support.is_empty() || lead.is_empty() {
            continue;
        }
        // A task gathered over many rows can name thousands of units: their lead units are a
        // set then, not a list searched for each supporter.
        if lead.len() <= 8 {
            support.retain(|u| !lead.contains(u));
        } else {
            let leads: rustc_hash::FxHashSet<&str> = lead.iter().map(String::as_str).collect();
            support.retain(|u| !leads.contains(u.as_str()));
        }
    }
    doc.tasks = tasks;
}

/// Drops the units a list names again, keeping each first where it stands.
fn dedup_in_order(units: &mut Vec<String>) {
    // Nearly every list is short and names each unit once: asked without allocating.
    let repeats = if units.len() <= 16 {
        (1..units.len()).any(|i| units[..i].contains(&units[i]))
    } else {
        let mut seen: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
        !units.iter().all(|u| seen.insert(u.as_str()))
    };
    if repeats {
        let mut kept: Vec<String> = Vec::with_capacity(units.len());
        let mut seen: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
        for u in units.drain(..) {
            if seen.insert(u.clone()) {
                kept.push(u);
            }
        }
        *units = kept;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn department_words_are_found_as_a_linear_search_finds_them() {
        let linear = |name: &str| DEPARTMENT_WORDS.iter().any(|w| name.starts_with(w));
        let mut names: Vec<String> = vec![String::new(), "市".into(), "厅".into(), "a".into()];
        for w in DEPARTMENT_WORDS {
            let mut chars = w.chars();
            chars.next_back();
            names.extend([
                format!("{w}厅"),
                w.to_string(),
                format!("市{w}局"),
                chars.as_str().to_string(),
                format!("{}委", chars.as_str()),
            ]);
        }
        for name in &names {
            assert_eq!(starts_with_department_word(name), linear(name), "{name}");
        }
    }

    #[test]
    fn the_first_unit_reader_agrees_with_the_regex_it_replaces() {
        let regex = Regex::new(
            r"(?:第一|首)(?:位|个|家|名)?(?:的|者)?(?:单位|部门)?(?:为|是|系)(?:牵头|主责|主办)|牵头(?:单位|部门)(?:排|列|位)(?:在|于|列)?(?:第一|首)",
        )
        .unwrap();
        let mut texts = Vec::new();
        for first in ["第一", "首", "第二", ""] {
            for a in ["", "位", "个", "名", "项"] {
                for b in ["", "的", "者"] {
                    for c in ["", "单位", "部门", "机关"] {
                        for d in ["为", "是", "系", "", "即"] {
                            for e in ["牵头", "主责", "主办", "配合", ""] {
                                texts.push(format!("责任单位中排在{first}{a}{b}{c}{d}{e}单位"));
                                texts.push(format!("{first}{a}{b}{c}{d}{e}，甲牵头"));
                            }
                        }
                    }
                }
            }
        }
        for lead in ["牵头", "配合", "牵"] {
            for a in ["单位", "部门", ""] {
                for b in ["排", "列", "位", "放"] {
                    for c in ["", "在", "于", "列", "至"] {
                        for d in ["第一", "首", "第二", ""] {
                            texts.push(format!("{lead}{a}{b}{c}{d}位，牵头"));
                        }
                    }
                }
            }
        }
        texts.push("首首位为牵头".into());
        texts.push("牵头单位列列首".into());
        let mut matched = 0;
        for text in &texts {
            let expected = text.contains("牵头") && regex.is_match(text);
            matched += usize::from(expected);
            assert_eq!(states_first_unit_leads(text), expected, "{text:?}");
        }
        assert!(matched > 200, "{matched} of {}", texts.len());
    }

    #[test]
    fn the_duty_label_automaton_finds_what_the_regex_it_replaces_found() {
        let regex = Regex::new(
            r"(?:牵头|配合|责任|负责|参与|协同|协助|协办|主办|主责|承办|实施|支持|指导|主管)(?:单位|部门)[：:]",
        )
        .unwrap();
        let texts = [
            "牵头单位：市发展改革委；配合单位：市财政局",
            "牵头单位：甲 配合部门:乙，责任单位：丙",
            "负责单位：甲主责部门：乙主管单位:丙",
            "主办单位牵头单位：甲",
            "责任单位单位：甲",
            "配合单位；配合单位：",
            "实施单位：甲、支持部门：乙、指导单位：丙、协办部门：丁",
            "没有标签的段落。",
            "",
        ];
        let mut found = 0;
        for text in texts {
            let expected: Vec<_> = regex.find_iter(text).map(|m| m.range()).collect();
            found += expected.len();
            let got: Vec<_> = DUTY_LABEL.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(got, expected, "{text:?}");
        }
        assert!(found >= 12, "{found}");
    }

    #[test]
    fn role_word_starts_are_found_as_decoding_finds_them() {
        for cell in [
            "市发展改革委、市教委",
            "甲牵头",
            "乙负责",
            "配合单位",
            "参与",
            "协助",
            "x协",
            "ab",
            "市科技局（牵头）、市财政局",
            "𠀀配",
            "é参",
            "",
        ] {
            let decoded = cell
                .chars()
                .any(|c| matches!(c, '牵' | '负' | '配' | '参' | '协'));
            assert_eq!(has_role_word_start(cell), decoded, "{cell}");
        }
    }

    #[test]
    fn has_acting_word_finds_what_a_search_finds() {
        // Every BMP character before and after each word's characters, and alone.
        for c in (0..=0xFFFFu32).filter_map(char::from_u32) {
            for text in [
                format!("{c}"),
                format!("市统计局{c}"),
                format!("甲{c}实施"),
                format!("实{c}施"),
                format!("主{c}"),
                format!("{c}体"),
                format!("落{c}实施"),
            ] {
                let searched = ACTING_WORDS.iter().any(|w| text.contains(w));
                assert_eq!(has_acting_word(&text), searched, "U+{:04X}", c as u32);
            }
        }
        for w in ACTING_WORDS {
            assert!(has_acting_word(&format!("市民政局{w}")), "{w}");
        }
    }

    #[test]
    fn has_conjunction_finds_what_a_search_finds() {
        // Every BMP character alone and between names (the three share lead and
        // continuation bytes with many others: `叉` E5 8F 89, `咋` E5 92 8B, `丐` E4 B8 90).
        for c in (0..=0xFFFFu32).filter_map(char::from_u32) {
            for text in [
                format!("{c}"),
                format!("市财政局{c}市教委"),
                format!("{c}{c}局"),
            ] {
                let searched = text.contains(['及', '和', '与']);
                assert_eq!(
                    has_conjunction(text.as_bytes()),
                    searched,
                    "U+{:04X}",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn first_space_finds_what_a_search_finds() {
        let space = |c: char| c.is_whitespace() || c == '\u{a0}';
        for c in (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .step_by(7)
            .chain(
                (0..0x3001u32)
                    .filter_map(char::from_u32)
                    .filter(|c| c.is_whitespace()),
            )
        {
            for text in [
                format!("{c}"),
                format!("市财政局{c}市教委"),
                format!("（一）a{c}，。“"),
                format!("ＡＢ＇{c}"),
            ] {
                assert_eq!(first_space(&text), text.find(space), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn header_words_finds_what_a_search_a_word_finds() {
        // Every word alone, inside text, next to another (overlaps: `负责人` holds `负责`,
        // `责任单位` holds `责任` and `单位`), and text with none.
        let mut texts: Vec<String> = vec![String::new(), "备考".into(), "a".into()];
        for (_, list) in HEADER_LISTS {
            for w in list {
                texts.push((*w).to_string());
                texts.push(format!("主要{w}内容"));
                for (_, other) in HEADER_LISTS {
                    texts.extend(other.iter().map(|o| format!("{w}{o}")));
                }
            }
        }
        for t in &texts {
            for (bit, list) in HEADER_LISTS {
                assert_eq!(
                    header_words(t) & bit != 0,
                    any_word(t, list),
                    "{t:?} {list:?}"
                );
            }
        }
    }

    #[test]
    fn columns_that_name_people_are_not_the_lead_units() {
        let names: Vec<String> = [
            "序号",
            "工作任务",
            "牵头领导",
            "责任处室",
            "配合处室",
            "责任人",
        ]
        .iter()
        .map(|x| x.to_string())
        .collect();
        assert_eq!(
            column_roles(&names),
            Some(vec![
                ColumnRole::Seq,
                ColumnRole::Task,
                ColumnRole::Extra,
                ColumnRole::Lead,
                ColumnRole::Support,
                ColumnRole::Extra,
            ])
        );
    }

    #[test]
    fn sheet_names_a_program_gives_are_generic_and_area_names_are_not() {
        for name in [
            "Sheet1",
            "sheet 2",
            "Sheet",
            "工作表1",
            "表1",
            "表（2）",
            "附表一",
            "附件3",
            "１",
        ] {
            assert!(is_generic_sheet_name(name), "{name}");
        }
        for name in [
            "数字经济",
            "社会事业",
            "第二批",
            "任务分工",
            "表彰奖励",
            "十大工程",
        ] {
            assert!(!is_generic_sheet_name(name), "{name}");
        }
    }

    #[test]
    fn a_small_table_of_role_labels_and_names_gives_its_clauses() {
        let grid = |rows: &[&[&[&str]]]| -> Vec<Vec<Vec<String>>> {
            rows.iter()
                .map(|r| r.iter().map(|c| s(c)).collect())
                .collect()
        };
        // Labels down the first column; a cell's lines are one list of names.
        assert_eq!(
            allocation_clauses(&grid(&[
                &[&["牵头："], &["市发展改革委"]],
                &[&["配合"], &["市财政局、", "市商务委"]],
            ])),
            Some(s(&["牵头：市发展改革委", "配合：市财政局、市商务委"]))
        );
        // Labels as a header row; an empty column names nobody.
        assert_eq!(
            allocation_clauses(&grid(&[
                &[&["牵头单位"], &["配合单位"]],
                &[&["市应急局"], &[]],
            ])),
            Some(s(&["牵头单位：市应急局"]))
        );
        // Labels down the last column, after the names.
        assert_eq!(
            allocation_clauses(&grid(&[
                &[&["市民政局"], &["牵头"]],
                &[&["市财政局"], &["配合"]],
            ])),
            Some(s(&["牵头：市民政局", "配合：市财政局"]))
        );
        // Names alone, a label among the names, names outside the labelled columns: no allocation.
        for rows in [
            grid(&[&[&["市水利局"]], &[&["市应急局"]]]),
            grid(&[&[&["牵头"], &["甲"]], &[&["乙"], &["丙"]]]),
            grid(&[&[&["牵头单位"], &[]], &[&["甲"], &["乙"]]]),
            grid(&[&[&["牵头单位"], &["配合单位"]]]),
            grid(&[&[&["甲"], &["牵头"]], &[&["乙"], &["丙"]]]),
        ] {
            assert_eq!(allocation_clauses(&rows), None, "{rows:?}");
        }
    }

    #[test]
    fn sequence_numbers_may_be_full_width() {
        assert_eq!(parse_seq("１２"), Some(12));
        assert_eq!(parse_seq("（３）"), Some(3));
        assert_eq!(parse_seq("12."), Some(12));
        assert_eq!(parse_seq("1234567"), None);
        assert_eq!(parse_seq("一"), None);
        assert_eq!(parse_seq(""), None);
    }

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn endings_are_looked_up_by_last_character_as_a_search_of_every_ending_finds_them() {
        // Every ending, with a place before it, alone, and cut short by a character; words
        // ending in characters that no ending ends in.
        let mut names: Vec<String> = Vec::new();
        for ending in unit_endings() {
            names.push(format!("某市{ending}"));
            names.push((*ending).to_string());
            let mut cut = ending.chars();
            cut.next_back();
            names.push(format!("某市{}", cut.as_str()));
            names.push(format!("{ending}意见"));
        }
        names.extend(["", "第一条", "指导思想", "市教委", "a", "局"].map(String::from));
        for name in &names {
            assert_eq!(
                has_unit_ending(name),
                unit_endings().any(|s| name.ends_with(s)),
                "{name}"
            );
            if let Some(c) = name.chars().next_back() {
                assert_eq!(
                    may_end_unit_name(c),
                    unit_endings().any(|s| s.ends_with(c)),
                    "{c}"
                );
            }
        }
    }

    #[test]
    fn units_set_apart_by_spaces_are_kept_apart_and_nothing_else_is() {
        assert_eq!(
            units_set_apart("市发展改革委 市教委\u{3000}市国资委").as_deref(),
            Some("市发展改革委、市教委、市国资委")
        );
        assert_eq!(
            units_set_apart(" 重庆海关\u{a0}国网重庆电力公司  市商务委（牵头） ").as_deref(),
            Some("重庆海关、国网重庆电力公司、市商务委（牵头）")
        );
        // A short name letter-spaced to line up with the names beside it.
        assert_eq!(
            units_set_apart("国家发展改革委\u{3000}\u{3000}\u{3000}财\u{3000}政\u{3000}部")
                .as_deref(),
            Some("国家发展改革委、财政部")
        );
        assert_eq!(
            units_set_apart("财\u{3000}政\u{3000}部\u{3000}\u{3000}\u{3000}\u{3000}税务总局")
                .as_deref(),
            Some("财政部、税务总局")
        );
        for raw in [
            "财 政 部",
            "某 某 市 人 民 政 府",
            "总 则 第一条",
            "市财政局 王 某",
            "市发展改革委、市教委",
            "支持 高等学校",
            "各区县 人民政府",
            "市政府 办公厅",
            "加快 推进 建设",
            "市财政局 2021年底前",
            "市财政局",
            "Ministry of Finance",
        ] {
            assert_eq!(units_set_apart(raw), None, "{raw}");
        }
    }

    #[test]
    fn title_rows_are_only_rows_of_one_text_above_a_task_header() {
        let header = s(&["序号", "任务", "牵头单位", "配合单位"]);
        let task = s(&["1", "某项任务", "市财政局", ""]);
        let title = s(&[
            "附件：某某任务分工",
            "附件：某某任务分工",
            "附件：某某任务分工",
            "附件：某某任务分工",
        ]);
        let bare = s(&["某某任务分工", "", "", ""]);
        assert_eq!(
            title_rows(&[title.clone(), header.clone(), task.clone()]),
            1
        );
        assert_eq!(title_rows(&[bare.clone(), header.clone(), task.clone()]), 1);
        assert_eq!(
            title_rows(&[
                s(&["附件", "附件", "附件", "附件"]),
                bare.clone(),
                header.clone()
            ]),
            2
        );
        assert_eq!(
            title_text(&[s(&["附件", "附件", "", ""]), bare.clone()]),
            "附件 某某任务分工"
        );
        // No header below: a group row over tasks, or a title over a table of no tasks.
        assert_eq!(title_rows(&[bare.clone(), task.clone()]), 0);
        assert_eq!(
            title_rows(&[title.clone(), s(&["名称", "地址", "电话", "邮编"])]),
            0
        );
        // A header first, or three rows of one text, or nothing but the title.
        assert_eq!(title_rows(&[header.clone(), task.clone()]), 0);
        assert_eq!(
            title_rows(&[bare.clone(), bare.clone(), bare.clone(), header.clone()]),
            0
        );
        assert_eq!(title_rows(std::slice::from_ref(&bare)), 0);
        // The figures' unit under the title rows is one of them, and no part of the title.
        let unit = s(&["单位：万元", "单位：万元", "单位：万元", "单位：万元"]);
        let attachment = s(&["附件", "附件", "附件", "附件"]);
        assert_eq!(
            title_rows(&[
                attachment.clone(),
                bare.clone(),
                unit.clone(),
                header.clone()
            ]),
            3
        );
        assert_eq!(
            title_text(&[attachment.clone(), bare.clone(), unit.clone()]),
            "附件 某某任务分工"
        );
        assert_eq!(
            title_rows(&[
                attachment,
                bare.clone(),
                unit.clone(),
                bare.clone(),
                header.clone()
            ]),
            0
        );
        // A lone number is a task row's first cell, never a title.
        assert_eq!(title_rows(&[s(&["1", "", "", ""]), header.clone()]), 0);

        let mut t = Table {
            header_rows: 0,
            rows: vec![title, header, task],
            row_lines: vec![3, 4, 5],
            line: 3,
            ..Table::default()
        };
        lift_title_rows(&mut t);
        assert_eq!(t.caption.as_deref(), Some("附件：某某任务分工"));
        assert_eq!(
            (t.header_rows, t.rows.len(), t.row_lines.clone(), t.line),
            (1, 2, vec![4, 5], 4)
        );
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
    fn numbered_units_parted_by_semicolons_stay_under_their_label() {
        let d = inline_duty(
            "新建幼儿园2所。（牵头单位：县教体局；配合单位：1.县财政局；2.县自然资源局）",
        )
        .unwrap();
        assert_eq!(d.lead, s(&["县教体局"]));
        assert_eq!(d.support, s(&["县财政局", "县自然资源局"]));
        assert!(d.extra.is_empty());
        let d =
            inline_duty("改造危房。（配合单位：（1）县财政局；（2）各乡镇；牵头单位：县住建局）")
                .unwrap();
        assert_eq!(d.lead, s(&["县住建局"]));
        assert_eq!(d.support, s(&["县财政局", "各乡镇"]));
    }

    #[test]
    fn a_remark_on_the_measures_below_is_no_unit() {
        let d = inline_duty(
            "扩大老年助餐服务。（市民政局、市商务委按职责分工负责，各区县人民政府负责落实。以下均需各区县人民政府落实，不再列出）",
        )
        .unwrap();
        assert_eq!(d.lead, s(&["市民政局", "市商务委", "各区县人民政府"]));
        assert_eq!(
            d.extra.get("其他").map(String::as_str),
            Some("以下均需各区县人民政府落实，不再列出")
        );
    }

    #[test]
    fn units_numbered_inside_one_cell_are_parted_by_their_numbers() {
        let three = s(&["市住房城乡建委", "市财政局", "各区政府"]);
        assert_eq!(
            split_units("（1）市住房城乡建委（2）市财政局（3）各区政府"),
            three
        );
        assert_eq!(
            split_units("(1)市住房城乡建委；(2)市财政局；(3)各区政府。"),
            three
        );
        assert_eq!(split_units("1.市住房城乡建委 2.市财政局 3.各区政府"), three);
        assert_eq!(
            split_units("1、市住房城乡建委，2、市财政局、各区政府"),
            three
        );
        assert_eq!(split_units("①市住房城乡建委②市财政局③各区政府"), three);
        assert_eq!(split_units("（1）市财政局"), s(&["市财政局"]));
        // A number inside a name is no unit's number: `12.` is not `2.`, and a cell that does
        // not open with `1` is read as before.
        assert_eq!(
            split_units("1.第12.5中心、市财政局"),
            s(&["第12.5中心", "市财政局"])
        );
        assert_eq!(split_units("（2）市财政局"), s(&["（2）市财政局"]));
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

    #[test]
    fn office_holders_in_a_duty_clause_are_its_leaders_not_units() {
        let d = inline_duty(
            "推进制造强省建设。（分管副省长、协管副秘书长负责，省工业和信息化厅牵头，省科技厅配合）",
        )
        .unwrap();
        assert_eq!(
            (d.lead, d.support),
            (s(&["省工业和信息化厅"]), s(&["省科技厅"]))
        );
        assert_eq!(
            d.extra.get("责任领导").map(String::as_str),
            Some("分管副省长、协管副秘书长")
        );
        // Units by their duties lead when the only other clause names people.
        let d = inline_duty(
            "降低企业成本。（市政府分管领导负责，市发展改革委、市财政局按职责分工负责）",
        )
        .unwrap();
        assert_eq!(
            (d.lead, d.support),
            (s(&["市发展改革委", "市财政局"]), vec![])
        );
        assert_eq!(
            d.extra.get("责任领导").map(String::as_str),
            Some("市政府分管领导")
        );
        // Units named beside a post keep their role.
        let d = inline_duty("抓好落实。（市委书记、市长负责，市政府办公厅、市发展改革委负责）")
            .unwrap();
        assert_eq!(d.lead, s(&["市政府办公厅", "市发展改革委"]));
        assert_eq!(
            d.extra.get("责任领导").map(String::as_str),
            Some("市委书记、市长")
        );
        for unit in ["市场监管局", "市政府办公厅", "国家发展改革委", "各区县政府"]
        {
            assert!(!is_office_holder(unit), "{unit}");
        }
    }

    #[test]
    fn duties_in_traditional_script_read_as_in_simplified_and_print_as_printed() {
        assert_eq!(
            duty(
                "全面實施清單管理。(市政府辦公室、市審改辦牽頭,市級各有關部門及各縣市區政府按職責分工負責)"
            ),
            (
                s(&["市政府辦公室", "市審改辦"]),
                s(&["市級各有關部門", "各縣市區政府"])
            )
        );
        let d =
            inline_duty("推進審批服務便利化。（市行政審批服務局負責，2022年底前完成）").unwrap();
        assert_eq!((d.lead, d.support), (s(&["市行政審批服務局"]), vec![]));
        assert_eq!(d.before, "推進審批服務便利化。");
        assert_eq!(
            d.extra.get("完成时限").map(String::as_str),
            Some("2022年底前完成")
        );
        assert_eq!(
            duty("健全機制。【牽頭單位：省商務廳；配合單位：省財政廳、省稅務局】"),
            (s(&["省商務廳"]), s(&["省財政廳", "省稅務局"]))
        );
        // Prose that ends in a bracket of no duty stays prose.
        assert!(inline_duty("加強協調（見附件）。").is_none());
    }

    #[test]
    fn sentences_are_the_pieces_split_gives() {
        for t in [
            "",
            "。",
            "甲；乙;丙！丁。",
            "会议要求，由甲牵头，乙配合。确保完成；",
            "“引号”——破折号…省略号。末尾",
            "；；",
            "无标点",
        ] {
            let want: Vec<&str> = t.split(['。', '；', ';', '！']).collect();
            assert_eq!(sentences(t).collect::<Vec<_>>(), want, "{t}");
        }
    }

    #[test]
    fn the_lead_verb_search_agrees_with_a_substring_search() {
        let texts = [
            "由市发展改革委牵头，市财政局配合。",
            "牵头",
            "头牵",
            "市教委负责，市财政局配合",
            "市教委负责全市的组织协调",
            "负责，",
            "负",
            "责，",
            "头头头负负责责，",
            "会议要求各部门认真落实，确保取得实效。",
            "",
            "牵",
            "a头b负c责，牵d头",
        ];
        for t in texts {
            let want = t.contains("牵头") || t.contains("负责，");
            assert_eq!(has_lead_verb(t.as_bytes()), want, "{t}");
            if !want {
                assert_eq!(
                    duty_verbs(t.as_bytes()) == DutyWords::Responsible,
                    t.contains("负责"),
                    "{t}"
                );
            }
            // At every cut of the text, as a sentence or clause of it is asked.
            for (at, _) in t.char_indices() {
                let head = &t[..at];
                let want = head.contains("牵头") || head.contains("负责，");
                assert_eq!(has_lead_verb(head.as_bytes()), want, "{head}");
            }
        }
    }

    #[test]
    fn the_traditional_table_is_sorted_and_keeps_byte_offsets() {
        assert!(TRADITIONAL.windows(2).all(|w| w[0].0 < w[1].0));
        for &(t, s) in TRADITIONAL {
            assert_eq!(t.len_utf8(), s.len_utf8(), "{t}");
        }
    }

    fn duty(text: &str) -> (Vec<String>, Vec<String>) {
        let d = inline_duty(text).unwrap_or_else(|| panic!("no duty in {text}"));
        (d.lead, d.support)
    }

    #[test]
    fn host_and_co_host_labels_allocate_a_measure() {
        // 主办/协办 are the lead and supporting units some provinces print.
        assert_eq!(
            duty("发展特色产业。（主办单位：州农业农村局；协办单位：州林业局、州供销社）"),
            (s(&["州农业农村局"]), s(&["州林业局", "州供销社"]))
        );
        assert_eq!(
            duty("完善农田水利。（主办：州水务局；协办：州农业农村局）"),
            (s(&["州水务局"]), s(&["州农业农村局"]))
        );
        // A label inside a bracket is never read as an allocation after the measure's text.
        assert!(closes_outer_bracket("协办单位：州市场监管局）"));
        assert!(!closes_outer_bracket("责任单位：各市（地）政府（行署）"));
    }

    #[test]
    fn inline_duties_in_any_bracket() {
        for (open, close) in [
            ('【', '】'),
            ('〔', '〕'),
            ('[', ']'),
            ('［', '］'),
            ('(', ')'),
        ] {
            let text =
                format!("健全预警体系。{open}牵头单位：市应急局；配合单位：市消防支队{close}");
            let d = inline_duty(&text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (d.lead, d.support, d.before.as_str()),
                (s(&["市应急局"]), s(&["市消防支队"]), "健全预警体系。"),
                "{text}"
            );
        }
        // Brackets nest, and a closer must match its opener.
        assert_eq!(
            duty("推进。【责任单位：省商务厅（牵头）、省财政厅】"),
            (s(&["省商务厅"]), s(&["省财政厅"]))
        );
        assert!(inline_duty("推进。（市商务局牵头】").is_none());
        assert!(inline_duty("见《通知》〔2021〕").is_none());
    }

    #[test]
    fn units_by_duty_lead_when_no_one_else_does() {
        assert_eq!(
            duty("鼓励创新。（市金融局、市银保监局按职责分工负责）"),
            (s(&["市金融局", "市银保监局"]), vec![])
        );
        assert_eq!(
            duty("鼓励创新。（各有关部门分工负责）"),
            (s(&["各有关部门"]), vec![])
        );
        // By their place or their own duties, as by their share of the duties (beside the
        // unit the label names, as `按职责分工负责` beside it).
        assert_eq!(
            duty("推进撂荒地整治。（责任单位：市农业农村委，各区县政府按属地负责）"),
            duty("推进撂荒地整治。（责任单位：市农业农村委，各区县政府按职责分工负责）")
        );
        assert_eq!(
            duty("推进撂荒地整治。（各区县政府按属地负责）"),
            (s(&["各区县政府"]), vec![])
        );
        assert_eq!(
            duty("推进。（市发展改革委牵头，市级有关部门按照各自职责负责）"),
            (s(&["市发展改革委"]), s(&["市级有关部门"]))
        );
        assert_eq!(
            duty("鼓励创新。（市金融局牵头负责，市财政局协助）"),
            (s(&["市金融局"]), s(&["市财政局"]))
        );
        assert_eq!(
            duty("鼓励创新。（市金融局负责）"),
            (s(&["市金融局"]), vec![])
        );
    }

    #[test]
    fn names_broken_over_a_cells_lines_are_joined() {
        for (cell, want) in [
            (
                "市住房城乡\n建设局、天河\n区政府",
                &["市住房城乡建设局", "天河区政府"][..],
            ),
            ("市文化广电\n旅游局", &["市文化广电旅游局"]),
            ("市发展改\n革委", &["市发展改革委"]),
            ("省发展改革委、省财\n政厅", &["省发展改革委", "省财政厅"]),
            (
                "省自然资源厅、省住\n房城乡建设厅",
                &["省自然资源厅", "省住房城乡建设厅"],
            ),
            // A unit a line stays two units.
            ("市财政局\n市教委", &["市财政局", "市教委"]),
            ("市科技局、\n市教委", &["市科技局", "市教委"]),
        ] {
            assert_eq!(split_units(cell), s(want), "{cell}");
        }
        // Text that is no list of units keeps its lines.
        assert_eq!(rejoin_broken_names("完善县城\n商业设施。"), None);
        assert_eq!(rejoin_broken_names("市财政局\n市教委"), None);
        assert_eq!(rejoin_broken_names("省商务厅\n（按职责分工负责）"), None);
    }

    #[test]
    fn divisions_named_with_their_levels_in_brackets_are_units() {
        // `各县（市、区）政府落实`: a bare 落实 said of units.
        assert_eq!(
            duty("强化保障。（市自然资源局负责，各县（市、区）政府落实）"),
            (s(&["市自然资源局"]), s(&["各县（市、区）政府"]))
        );
        assert!(is_unit_name("各县（市、区）人民政府"));
        assert!(!is_unit_name("市发展改革委、市财政局"));
    }

    #[test]
    fn names_before_a_support_clause_after_a_lead_support_in_printed_order() {
        assert_eq!(
            duty("加强督察。（市规划局牵头；市农业农村委、市公安局，各区县政府配合）"),
            (
                s(&["市规划局"]),
                s(&["市农业农村委", "市公安局", "各区县政府"])
            )
        );
        // Without a lead, the names before `配合` still carry the measure out.
        assert_eq!(
            duty("加强督察。（市规划局，各区县政府配合）"),
            (s(&["市规划局"]), s(&["各区县政府"]))
        );
    }

    #[test]
    fn unit_labels_split_without_a_semicolon() {
        for inner in [
            "牵头单位：市住建局 配合单位：各区人民政府",
            "牵头单位：市住建局配合单位：各区人民政府",
            "牵头单位：市住建局，配合单位：各区人民政府",
        ] {
            assert_eq!(
                duty(&format!("推进更新。（{inner}）")),
                (s(&["市住建局"]), s(&["各区人民政府"])),
                "{inner}"
            );
        }
        // A label inside a longer key is not cut off it.
        let d = inline_duty("推进。（主要责任单位：市住建局）").unwrap();
        assert_eq!((d.lead, d.extra.len()), (s(&["市住建局"]), 0));
    }

    #[test]
    fn a_comma_continues_a_labelled_unit_list() {
        let d =
            inline_duty("保护生态。（牵头单位：市环境局；配合单位：市水务局，市林业局）").unwrap();
        assert_eq!(
            (d.lead, d.support, d.extra.len()),
            (s(&["市环境局"]), s(&["市水务局", "市林业局"]), 0)
        );
        // …but a clause with its own verb, or a remark, is not a unit.
        let d =
            inline_duty("保护生态。（牵头单位：市环境局，市水务局配合，2023年底前完成）").unwrap();
        assert_eq!((d.lead, d.support), (s(&["市环境局"]), s(&["市水务局"])));
        assert_eq!(
            d.extra.get("完成时限").map(String::as_str),
            Some("2023年底前完成")
        );
    }

    #[test]
    fn an_unlabelled_deadline_is_the_tasks_deadline_and_other_remarks_are_other() {
        for (text, key) in [
            (
                "推进改革。（市政务服务局牵头，市司法局配合，2024年6月底前完成）",
                "完成时限",
            ),
            ("推进改革。（市政务服务局牵头，长期坚持）", "完成时限"),
            (
                "推进改革。（市政务服务局牵头，二〇二四年三季度完成）",
                "完成时限",
            ),
            ("推进改革。（市政务服务局牵头，持续推进）", "完成时限"),
            ("推进改革。（市政务服务局牵头，完成3个试点）", "其他"),
        ] {
            let d = inline_duty(text).unwrap();
            assert_eq!(d.lead, s(&["市政务服务局"]), "{text}");
            assert_eq!(d.extra.keys().collect::<Vec<_>>(), vec![key], "{text}");
        }
    }

    fn table(rows: &[&[&str]]) -> Table {
        Table {
            header_rows: 1,
            rows: rows.iter().map(|r| s(r)).collect(),
            ..Table::default()
        }
    }

    fn units(tasks: &[Task]) -> Vec<(Vec<String>, Vec<String>)> {
        tasks
            .iter()
            .map(|t| (t.lead.clone(), t.support.clone()))
            .collect()
    }

    #[test]
    fn role_marks_in_a_unit_cell_decide_and_are_stripped() {
        let t = table(&[
            &["序号", "任务", "责任单位"],
            &["1", "甲", "省商务厅（牵头）、省财政厅"],
            &["2", "乙", "省邮政局（牵头），省交通厅，省商务厅"],
            &["3", "丙", "省商务厅、省财政厅（配合）"],
            &["4", "丁", "省商务厅、省供销社"],
        ]);
        let tasks = tasks_from_table(&t).unwrap();
        assert_eq!(
            units(&tasks),
            vec![
                (s(&["省商务厅"]), s(&["省财政厅"])),
                (s(&["省邮政局"]), s(&["省交通厅", "省商务厅"])),
                (s(&["省商务厅"]), s(&["省财政厅"])),
                // No marks, no stated convention: every unit of a 责任单位 cell leads.
                (s(&["省商务厅", "省供销社"]), vec![]),
            ]
        );
        assert_eq!(tasks[0].lead_text, "省商务厅（牵头）、省财政厅");
        // A bracket that is not a role mark stays part of the name.
        let t = table(&[
            &["序号", "任务", "责任单位"],
            &["1", "甲", "省发展改革委（省信用办）"],
        ]);
        assert_eq!(
            units(&tasks_from_table(&t).unwrap()),
            vec![(s(&["省发展改革委（省信用办）"]), vec![])]
        );
    }

    #[test]
    fn a_stated_first_unit_convention_makes_the_rest_support() {
        let t = table(&[
            &["序号", "任务", "责任单位"],
            &["1", "甲", "省商务厅、省自然资源厅、各市政府"],
            &["2", "乙", "省邮政局（牵头）、省交通厅、省商务厅"],
            &["3", "丙", "省商务厅"],
        ]);
        assert_eq!(
            units(&tasks_from_table_with(&t, true).unwrap()),
            vec![
                (s(&["省商务厅"]), s(&["省自然资源厅", "各市政府"])),
                (s(&["省邮政局"]), s(&["省交通厅", "省商务厅"])),
                (s(&["省商务厅"]), vec![]),
            ]
        );
        // A table with its own 配合单位 column, or a 牵头单位 column, is read as printed.
        let t = table(&[
            &["序号", "任务", "牵头单位"],
            &["1", "甲", "省商务厅、省财政厅"],
        ]);
        assert_eq!(
            units(&tasks_from_table_with(&t, true).unwrap()),
            vec![(s(&["省商务厅", "省财政厅"]), vec![])]
        );
        // The header itself may state it.
        let t = table(&[
            &["序号", "任务", "责任单位（第一个为牵头单位）"],
            &["1", "甲", "省商务厅、省财政厅"],
        ]);
        assert_eq!(
            units(&tasks_from_table(&t).unwrap()),
            vec![(s(&["省商务厅"]), s(&["省财政厅"]))]
        );
        // Inline: a 责任单位 clause follows the convention, a 牵头单位 clause does not.
        let d = inline_duty_with("推进。（责任单位：省商务厅、省财政厅）", true).unwrap();
        assert_eq!((d.lead, d.support), (s(&["省商务厅"]), s(&["省财政厅"])));
        let d = inline_duty_with("推进。（牵头单位：省商务厅、省财政厅）", true).unwrap();
        assert_eq!((d.lead, d.support), (s(&["省商务厅", "省财政厅"]), vec![]));
    }

    #[test]
    fn first_unit_statements_are_recognised() {
        for yes in [
            "（责任单位中排在第一位的为牵头单位）",
            "注：排在第一位的为牵头单位，其他为配合单位。",
            "多个单位的，第一个单位为牵头单位。",
            "排名第一的单位为牵头单位",
            "牵头单位排在首位",
        ] {
            assert!(states_first_unit_leads(yes), "{yes}");
        }
        for no in [
            "各牵头单位要会同配合单位细化工作措施",
            "第一条 为规范牵头单位的工作，制定本办法。",
            "省商务厅（牵头）",
        ] {
            assert!(!states_first_unit_leads(no), "{no}");
        }
    }

    #[test]
    fn divisions_sharing_one_head_stay_one_unit() {
        assert_eq!(
            split_units("市直有关部门，各区、市政府"),
            s(&["市直有关部门", "各区、市政府"])
        );
        assert_eq!(split_units("各市、区人民政府"), s(&["各市、区人民政府"]));
        assert_eq!(split_units("各区县、乡镇政府"), s(&["各区县、乡镇政府"]));
        assert_eq!(split_units("省、市、县党委"), s(&["省、市、县党委"]));
        // Ordinary lists still split.
        assert_eq!(
            split_units("市发展改革委、市财政局"),
            s(&["市发展改革委", "市财政局"])
        );
        assert_eq!(
            split_units("各区县（自治县）政府、市级有关部门"),
            s(&["各区县（自治县）政府", "市级有关部门"])
        );
        assert_eq!(split_units("各区、各部门"), s(&["各区", "各部门"]));
        assert_eq!(split_units("各区、市商务局"), s(&["各区", "市商务局"]));
        assert_eq!(
            split_units("国家金融监督管理总局及有关部门"),
            s(&["国家金融监督管理总局", "有关部门"])
        );
        assert_eq!(
            split_units("市委宣传部和市文明办、市公安局与市交通局等"),
            s(&["市委宣传部", "市文明办", "市公安局", "市交通局"])
        );
        assert_eq!(
            split_units("市教委以及各区县（自治县）政府和市级有关部门"),
            s(&["市教委", "各区县（自治县）政府", "市级有关部门"])
        );
        // The collective after `等` is a unit of its own, as without the conjunction.
        assert_eq!(
            split_units("司法部等国务院相关部门和各地区"),
            s(&["司法部", "国务院相关部门", "各地区"])
        );
        // A long chain is settled part by part, not by trying every way to cut it.
        let chain = format!("{}市乙局", "市甲局和".repeat(14));
        assert_eq!(split_units(&chain).len(), 15);
        let broken = format!("{}市乙", "市甲局和".repeat(14));
        assert_eq!(split_units(&broken), s(&[&broken]));
        // Names that hold a conjunction, and the bodies under a unit, stay whole.
        for whole in [
            "市住房和城乡建设委",
            "国家发展和改革委员会",
            "市规划和自然资源局",
            "市场监管局及其派出机构",
            "文化和旅游部",
        ] {
            assert_eq!(split_units(whole), s(&[whole]), "{whole}");
        }
        assert_eq!(split_units("市政府、各区政府"), s(&["市政府", "各区政府"]));
        assert_eq!(split_units("各区、"), s(&["各区"]));
    }

    #[test]
    fn a_heading_right_above_a_task_table_groups_its_tasks() {
        let groups = |text: &str| -> Vec<(String, Vec<String>)> {
            crate::parse_text(text)
                .tasks
                .into_iter()
                .map(|t| (t.text, t.group))
                .collect()
        };
        let header = "序号\t重点任务\t牵头单位\t配合单位\n";
        // Two headings, each over its rows; the second, with the header printed again under it,
        // is read as a group row of the one table.
        let text = format!(
            "某某方案\n\n一、夯实基础\n\n{header}1\t建设政务云\t省大数据局\t省财政厅\n\n二、提升服务\n\n{header}2\t推进标准化\t省政务服务中心\t省直有关部门\n"
        );
        assert_eq!(
            groups(&text),
            [
                ("建设政务云".to_string(), vec!["一、夯实基础".to_string()]),
                ("推进标准化".to_string(), vec!["二、提升服务".to_string()]),
            ]
        );
        // A heading with words of its own under it, before the table, is not the table's.
        let text = format!(
            "某某方案\n\n一、夯实基础\n\n各地要抓好落实。\n\n{header}1\t建设政务云\t省大数据局\t省财政厅\n"
        );
        assert_eq!(
            groups(&text),
            [("建设政务云".to_string(), Vec::<String>::new())]
        );
    }

    #[test]
    fn a_task_cell_that_numbers_its_item_gives_the_task_its_number() {
        let text = "某某分工表\n\n序号\t重点任务\t具体措施\t牵头单位\t配合单位\n（一）\t精简行政许可\t1.全面清理行政许可事项\t省政府办公厅\t省司法厅\n\t\t2.推行告知承诺制\t省司法厅\t省直有关部门\n（二）\t下放审批权限\t3.向自贸试验区下放省级权限\t省商务厅\t省直有关部门\n";
        let tasks = crate::parse_text(text).tasks;
        let got: Vec<(u32, &str, Option<&str>, Vec<&str>)> = tasks
            .iter()
            .map(|t| {
                (
                    t.seq,
                    t.text.as_str(),
                    t.marker.as_deref(),
                    t.group.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    1,
                    "全面清理行政许可事项",
                    Some("1."),
                    vec!["（一）精简行政许可"]
                ),
                (2, "推行告知承诺制", Some("2."), vec!["（一）精简行政许可"]),
                (
                    3,
                    "向自贸试验区下放省级权限",
                    Some("3."),
                    vec!["（二）下放审批权限"]
                ),
            ]
        );
        // A cell of several numbered items is one task's words.
        assert!(numbers_next_item("建立制度；2.完善机制", 1));
        assert!(!numbers_next_item("建立12.5万亩基地", 1));
    }
}
