//! The structure builder: blocks → notice elements, parts and outline.
//!
//! GB/T 9704-2012 fixes the order of a notice's elements, and the builder reads them in that
//! order: the head (issuer line, title lines, 发文字号, in either order), the addressees (主送机关,
//! a line ending in `：`), the letter body, the signature (署名) and date (成文日期), the note
//! (附注, a bracketed line after the date, or a bare `此件……`), then whatever the letter transmits — an enclosed
//! document (a title line, then its text), and attachments (a `附件` or `附件1` label line, then a
//! title). Each part's numbered headings become a [`Section`] tree whose levels follow the
//! nesting of marker kinds in the document itself.

use crate::blocks::{Block, Blocks, Para};
use crate::model::*;
use crate::normalize::TrimFast as _;
use crate::normalize::strip_any_prefix;
use crate::numbering::{self, MarkerKind};
use std::borrow::Cow;

// The shapes of a 发文字号, a date, an attachment label and a list item are read by hand, not by
// regexes: compiling the regexes cost a one-file run more than parsing its page (issue 6). The
// tests hold the regexes they replace and check the readers against them.

/// A character of a document number's agency: U+3007 and the CJK ideographs U+3400–U+4DBF,
/// U+4E00–U+9FFF.
fn is_agency_char(c: char) -> bool {
    matches!(c, '\u{3007}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// `s`, when it is 1 to `max` ASCII digits.
fn ascii_digits(s: &str, max: usize) -> Option<&str> {
    (!s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())).then_some(s)
}

/// `s`, when it is 1 to `max` characters, each one `allowed`.
fn chars_of(s: &str, max: usize, allowed: impl Fn(char) -> bool) -> Option<&str> {
    (!s.is_empty() && s.len() <= 4 * max && char_len(s) <= max && s.chars().all(allowed))
        .then_some(s)
}

/// The agency, year and serial of a 发文字号: up to 12 characters of agency ([`is_agency_char`],
/// as few as the rest allows), then `〔YYYY〕N号`, `〔YYYY〕第N号`, `第N号`, `YYYY年第N号` or
/// `〔十四届〕第N号` (a four-digit year, a session of 1 to 4 numerals in `〔〕` or `（）`, a serial of
/// 1 to 6 digits).
fn doc_number_parts(text: &str) -> Option<(&str, Option<&str>, &str)> {
    // (`號`: the traditional form, in a Hong Kong or Taiwan copy or a converted page.)
    let body = text.strip_suffix(['号', '號'])?;
    fn bracketed_year(r: &str) -> Option<(Option<&str>, &str)> {
        let year = ascii_digits(r.get(..4)?, 4)?;
        let r = r.get(4..)?.strip_prefix('〕')?;
        let serial = r.strip_prefix('第').unwrap_or(r);
        Some((Some(year), ascii_digits(serial, 6)?))
    }
    /// A session in brackets, as a people's congress numbers its announcements: `〔十四届〕第5号`,
    /// `（十三届）第112号`.
    fn session(r: &str) -> Option<(Option<&str>, &str)> {
        let (numerals, r) = r.split_once('届')?;
        chars_of(numerals, 4, |c| numbering::NUMERALS_TO_TEN.contains(&c))?;
        let serial = r.strip_prefix(['〕', '）'])?.strip_prefix('第')?;
        Some((None, ascii_digits(serial, 6)?))
    }
    fn after_agency(rest: &str) -> Option<(Option<&str>, &str)> {
        if let Some(r) = rest.strip_prefix('〔') {
            return bracketed_year(r).or_else(|| session(r));
        }
        if let Some(r) = rest.strip_prefix('（') {
            return session(r);
        }
        if let Some(serial) = rest.strip_prefix('第') {
            return Some((None, ascii_digits(serial, 6)?));
        }
        let year = ascii_digits(rest.get(..4)?, 4)?;
        let serial = rest.get(4..)?.strip_prefix("年第")?;
        Some((Some(year), ascii_digits(serial, 6)?))
    }
    // Joint organs number their 公告 together, their names set apart by a space
    // (`财政部 税务总局公告2023年第2号`): a space may stand between two names of the agency, of
    // two characters or more each (`国 发` is a name letter-spaced, and no agency).
    let (mut name_chars, mut spaced) = (0, false);
    for (agency_chars, (at, c)) in body.char_indices().enumerate() {
        if (!spaced || name_chars >= 2)
            && let Some((year, serial)) = body.get(at..).and_then(after_agency)
        {
            return Some((body.get(..at)?, year, serial));
        }
        if agency_chars == 12 {
            return None;
        }
        if c == ' ' && name_chars >= 2 {
            (name_chars, spaced) = (0, true);
        } else if is_agency_char(c) {
            name_chars += 1;
        } else {
            return None;
        }
    }
    None
}

/// A date at the end of `text` with its three numbers as printed, and where it starts:
/// `2021年8月4日` (a four-digit year, months and days of 1 or 2 digits) or
/// `二〇〇四年六月二十六日` (four numerals of [`CN_YEAR_DIGITS`], months and days of 1 to 3 of
/// [`numbering::NUMERALS_TO_TEN`]).
fn date_at_end(text: &str) -> Option<(usize, [&str; 3], bool)> {
    let body = text.strip_suffix('日')?;
    let (head, day) = body.rsplit_once('月')?;
    let (head, month) = head.rsplit_once('年')?;
    if let (Some(_), Some(_)) = (ascii_digits(day, 2), ascii_digits(month, 2)) {
        let start = head.len().checked_sub(4)?;
        if let Some(year) = head.get(start..).and_then(|y| ascii_digits(y, 4)) {
            return Some((start, [year, month, day], true));
        }
    }
    chars_of(day, 3, |c| numbering::NUMERALS_TO_TEN.contains(&c))?;
    chars_of(month, 3, |c| numbering::NUMERALS_TO_TEN.contains(&c))?;
    let (start, _) = head.char_indices().rev().nth(3)?;
    let year = head
        .get(start..)
        .and_then(|y| chars_of(y, 4, |c| CN_YEAR_DIGITS.contains(&c)))?;
    Some((start, [year, month, day], false))
}

/// The digits a year may be printed in with Chinese numerals (`二〇〇四`, `二○○四`, `二零零四`).
const CN_YEAR_DIGITS: [char; 15] = [
    '〇', '○', '零', 'Ｏ', 'O', '0', '一', '二', '三', '四', '五', '六', '七', '八', '九',
];

/// The largest number a list item ([`list_item`]) may have: 3 figures (a longer number is a
/// year or an amount: `2024．`).
const MAX_LIST_NUMBER: u32 = 999;

/// The number of a line numbered as a list item but with more figures than one may have
/// (`1000．X`): 4 to 9 digits, a dot or `、`, text.
fn long_list_number(s: &str) -> Option<u32> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if !(4..=9).contains(&digits) {
        return None;
    }
    let text = s[digits..].strip_prefix(['．', '.', '、'])?;
    if text.is_empty() {
        return None;
    }
    s[..digits].parse().ok()
}

/// A numbered list item `1．X`, `2.X`, `3、X`: its number (1 to 3 digits) and its text (not empty,
/// on one line).
fn list_item(s: &str) -> Option<(&str, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let number = ascii_digits(s.get(..digits)?, 3)?;
    let rest = s.get(digits..)?;
    let text = rest.strip_prefix(['．', '.', '、'])?;
    (!text.is_empty() && !text.contains('\n')).then_some((number, text))
}
// The anchored regexes above, asked only of text that starts (and ends) as they require: a regex
// call costs a cache checkout and a search setup even on text it rejects at the first character,
// and these are asked of every paragraph.

/// A note line (附注): `（此件公开发布）`.
fn is_note(s: &str) -> bool {
    s.strip_prefix('（')
        .and_then(|s| s.strip_suffix('）'))
        .is_some_and(is_note_text)
}

/// What a note (附注) says, inside its brackets: `此件公开发布`, `本文有删减`, `此件发至县级`.
/// Without brackets of its own, it is `此件` and up to 20 more characters, `本文有删减`, or up to
/// 34 characters with `公开`, `删减` or `发至` among the first 22 and no more than 12 after it.
///
/// Read by hand, not by a regex: the bounded repeats of "any character but a bracket" made a
/// regex whose compiling cost more than parsing a whole page.
fn is_note_text(s: &str) -> bool {
    const KEYWORDS: [&str; 3] = ["公开", "删减", "发至"];
    // The longest note: 20 characters, a keyword, 12 more.
    const MAX_CHARS: usize = 34;
    if s.len() > 4 * MAX_CHARS || s.contains(['（', '）']) {
        return false;
    }
    let chars = char_len(s);
    if chars > MAX_CHARS {
        return false;
    }
    if s == "本文有删减" {
        return true;
    }
    if s.strip_prefix("此件")
        .is_some_and(|rest| (1..=20).contains(&char_len(rest)))
    {
        return true;
    }
    KEYWORDS.iter().any(|keyword| {
        s.match_indices(keyword).any(|(at, _)| {
            let before = s.get(..at).map_or(usize::MAX, char_len);
            before <= 20 && chars - before - 2 <= 12
        })
    })
}

/// Brackets other than `（）` that a note may be printed in, right under the date.
const NOTE_BRACKETS: [(char, char); 6] = [
    ('〔', '〕'),
    ('【', '】'),
    ('[', ']'),
    ('［', '］'),
    ('〈', '〉'),
    ('<', '>'),
];

/// The note printed on the line right under the date, as it reads without its brackets: any
/// short line in `（）`, a note's words in other brackets (`〔此件主动公开〕`, `【此件公开发布】`),
/// or a bare `此件……` or `本文有删减` (a bare line naming 公开 may be an enclosure's title).
fn note_under_date(s: &str) -> Option<String> {
    if is_note(s) || is_paren_line(s) {
        return Some(strip_parens(s));
    }
    let bracketed = NOTE_BRACKETS.iter().find_map(|&(open, close)| {
        s.strip_prefix(open)
            .and_then(|s| s.strip_suffix(close))
            .filter(|inner| is_note_text(inner))
    });
    let bare =
        || (s.starts_with("此件") || s == "本文有删减") && at_most_chars(s, 22) && is_note_text(s);
    match bracketed {
        Some(inner) => Some(inner.to_string()),
        None if bare() => Some(s.to_string()),
        None => None,
    }
}

/// A short line in parentheses: `（` and `）` around 1 to 40 characters without brackets.
fn is_paren_line(s: &str) -> bool {
    s.strip_prefix('（')
        .and_then(|s| s.strip_suffix('）'))
        .is_some_and(|inner| {
            !inner.is_empty()
                && inner.len() <= 4 * 40
                && at_most_chars(inner, 40)
                && !inner.contains(['（', '）'])
        })
}

/// An attachment label line: `附件`, `附件2`, `附件：` (a number of 1 to 3 digits or Chinese
/// numerals, a colon).
pub(crate) fn is_attachment_label(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("附件") else {
        return false;
    };
    let number = rest.strip_suffix(['：', ':']).unwrap_or(rest);
    number.is_empty()
        || ascii_digits(number, 3).is_some()
        || chars_of(number, 3, |c| numbering::NUMERALS_TO_TEN.contains(&c)).is_some()
}

/// An attachment list opening: `附件：1．……`, and its list (not empty, on one line).
fn attachment_list(s: &str) -> Option<&str> {
    s.strip_prefix("附件")?
        .strip_prefix(['：', ':'])
        .filter(|list| !list.is_empty() && !list.contains('\n'))
}

/// An older notice's 附件说明 under the short label `附：` (`附：某某管理办法`, `附：1．X 2．Y`):
/// its list, on one line, of titles — not a sentence or a labelled line (`附：联系人：张某`).
fn short_attachment_list(s: &str) -> Option<&str> {
    s.strip_prefix("附")?
        .strip_prefix(['：', ':'])
        .map(str::trim_ws)
        .filter(|list| {
            !list.is_empty()
                && at_most_chars(list, 120)
                && !list.contains(['\n', '。', '：', ':', '；', ';', '，'])
        })
}

/// The list of a plan's schedules (附表) after its label: `附表：1．X` → `1．X`.
fn schedule_list(s: &str) -> Option<&str> {
    s.strip_prefix("附表")?
        .strip_prefix(['：', ':'])
        .map(str::trim_ws)
        .filter(|list| !list.is_empty() && !list.contains('\n'))
}

/// A schedule's (附表's) label on a line of its own: `附表1`, `附表二`, with a number, or `附表`
/// alone (a plan's one schedule).
fn is_schedule_label(s: &str) -> bool {
    s.strip_prefix("附表").is_some_and(|number| {
        let number = number.strip_suffix(['：', ':']).unwrap_or(number);
        number.is_empty()
            || ascii_digits(number, 3).is_some()
            || chars_of(number, 3, |c| numbering::NUMERALS_TO_TEN.contains(&c)).is_some()
    })
}

/// An attachment's page headed by its numbered label and title on one line: `附件1：X`,
/// `附件2　X`, `附件三：X`, and the label parted from the title by a dot or a dash as portals
/// name an uploaded file (`附件1.X`, `附件1．X`, `附件2-X`) → (`附件1`, `X`). Not a number
/// after the label's (`附件1.5万元`, `附件1-2`).
pub(crate) fn numbered_attachment_head(s: &str) -> Option<(&str, &str)> {
    let rest = s.strip_prefix("附件")?;
    let after =
        rest.trim_start_matches(|c: char| c.is_ascii_digit() || numbering::is_cn_numeral(c));
    if after.len() == rest.len() || rest.len() - after.len() > 9 {
        return None;
    }
    let label = &s[..s.len() - after.len()];
    let title = title_after_label(after)?.trim_ws();
    (!title.is_empty()).then_some((label, title))
}

/// The title after an attachment label (`附件1`, `附件`), read from `after`, the text right
/// after it: past a colon or spaces (`：X`, `　X`), or past a dot or a dash when a Chinese
/// character follows (`.X`, `．X`, `-X`, `－X`, `_X`, `—X`, the label of a portal's file name);
/// `None` when a dot or a dash goes on with anything else (`.5万元`, `-2`: a number).
fn title_after_label(after: &str) -> Option<&str> {
    match after.chars().next() {
        Some(c @ ('.' | '．' | '-' | '－' | '_' | '—')) => {
            let title = &after[c.len_utf8()..];
            title
                .chars()
                .next()
                .is_some_and(crate::normalize::is_han)
                .then_some(title)
        }
        // `附件1、X` as a list item's number is closed — not `附件一、二` or `附件1、附件2`, a
        // list of attachments in a sentence.
        Some('、') => {
            let title = &after['、'.len_utf8()..];
            title
                .chars()
                .next()
                .is_some_and(|c| {
                    crate::normalize::is_han(c) && !numbering::is_cn_numeral(c) && c != '附'
                })
                .then_some(title)
        }
        _ => Some(after.trim_start_matches(['：', ':', ' '])),
    }
}

/// The 附件说明 written as labelled lines at the start of `blocks`, `附件1：X` / `附件2：Y`
/// (numbered from 1 in figures or numerals, a colon after the label — or a dot, `附件1.X` /
/// `附件2．Y`, as a list item's number is closed — a title of up to 80 characters that is no
/// sentence): each one's number, title and line.
fn labelled_attachment_lines<'a>(blocks: &[&'a Block]) -> Vec<(u32, &'a str, usize)> {
    let mut out = Vec::new();
    for blk in blocks {
        let Block::Para(p) = blk else { break };
        // (A byte check first: nearly every paragraph of a letter is turned down by it.)
        if !p.text.starts_with("附件") {
            break;
        }
        let Some((label, title)) = numbered_attachment_head(&p.text) else {
            break;
        };
        // (A dot is followed by a Chinese character: [`numbered_attachment_head`] said so.)
        let colon = p.text[label.len()..].starts_with(['：', ':', '.', '．', '、']);
        let index = label
            .strip_prefix("附件")
            .and_then(numbering::parse_cn_number);
        if !colon
            || index != Some(out.len() as u32 + 1)
            || !at_most_chars(title, 80)
            || title.contains(['。', '；', ';'])
        {
            break;
        }
        out.push((out.len() as u32 + 1, title, p.line));
    }
    out
}

fn is_attachment_list(s: &str) -> bool {
    attachment_list(s).is_some()
}

/// Suffixes that end the name of an issuing authority.
pub(crate) const ORGAN_SUFFIXES: &[&str] = &[
    "人民政府",
    "政府",
    "办公厅",
    "办公室",
    "委员会",
    "国务院",
    "中央",
    "部",
    "局",
    "厅",
    "委",
    "院",
    "会",
    "署",
    "行",
    "中心",
    "组",
    "办",
    "司",
    "处",
    "室",
    "党委",
    "省委",
    "市委",
    "县委",
    "区委",
    // The traditional forms, in a Hong Kong or Taiwan copy or a converted page (`某某市辦公廳`,
    // `某某委員會`, `某某辦`, `某某處`); 局, 部, 院, 政府 are the same in both scripts.
    "會",
    "廳",
    "辦",
    "處",
];

/// Endings of development zones' names, which are addressed and allocated measures as organs
/// are: 两江新区, 某某经开区, 某某工业园区.
pub(crate) const ZONE_ENDINGS: &[&str] = &[
    "新区",
    "开发区",
    "经开区",
    "高新区",
    "园区",
    "示范区",
    "试验区",
];

/// Endings of the items of a 主送机关 line besides [`ORGAN_SUFFIXES`], [`ZONE_ENDINGS`] and
/// [`ORGANISATION_ENDINGS`]: collective names of
/// recipients (`有关单位`, `各直属机构`, `各军兵种`), and the bodies a ministry's notice goes to
/// that end as no organ's name ends: fire and police corps (`各消防救援总队`, `各支队`), customs
/// (`各直属海关`), universities and state-owned companies (`某某大学`, `某某集团有限公司`).
const ADDRESSEE_ENDINGS: &[&str] = &[
    "部门",
    "单位",
    "机构",
    "机关",
    "企业",
    "学校",
    "高校",
    "院校",
    // Schools, kindergartens and hospitals addressed by an education or health bureau
    // (`各中小学校、幼儿园：`, `各医院、卫生院：`).
    "幼儿园",
    "医院",
    "卫生院",
    "组织",
    "团体",
    "部队",
    "兵种",
    "战区",
    "军区",
    "部委",
    "同志",
    "成员",
    "乡镇",
    "街道",
    "总队",
    "支队",
    "大队",
    "海关",
    "大学",
    "公司",
    // An enterprise group addressed by its short name (`中国雄安集团`, `某某投资集团`).
    "集团",
    // The 新疆生产建设兵团, addressed beside the provinces' governments.
    "兵团",
    "社区",
    "村委会",
    "居委会",
    // Traditional forms (`市政府各部門`, `有關單位`).
    "部門",
    "單位",
    "機構",
    "機關",
];

/// Endings of people's organisations' names, addressed and allocated measures as organs are:
/// 市妇联, 县残联, 市科协, 市工商联.
pub(crate) const ORGANISATION_ENDINGS: &[&str] =
    &["妇联", "残联", "侨联", "文联", "工商联", "科协"];

/// Titles of office holders who sign orders (令) and some decisions in person: `总理 李克强`.
const SIGNER_TITLES: &[&str] = &[
    "总理",
    "主席",
    "委员长",
    "省长",
    "市长",
    "县长",
    "区长",
    "州长",
    "旗长",
    "部长",
    "主任",
    "书记",
    "局长",
    "厅长",
    "署长",
    "行长",
    "院长",
];

/// Words the issuer's name runs into in a title: `某市人民政府关于…`, and the verbs of a title
/// that forwards or issues another document without `关于` (`某县政府办公室转发市政府办公室关于…的通知`,
/// `某局印发《…》的通知`, `国务院批转…`); the first of them ends the issuer.
pub(crate) const ISSUER_ENDS: &[&str] = &["关于", "转发", "批转", "印发"];

/// 文种 whose title is the issuer's name followed by the form's name, with no `关于`
/// (`中华人民共和国国务院令`, `某市人民政府公告`, a 嘉奖令 or 通令 titled on one line:
/// `某某省人民政府嘉奖令`). Longer names first: the first that ends the title is its form.
const BARE_FORMS: &[&str] = &["嘉奖令", "通令", "命令", "令", "公告", "通告"];

/// Words that end a document title (文种 and the names of enclosed documents).
const TITLE_ENDINGS: &[&str] = &[
    "通知",
    "意见",
    "批复",
    "决定",
    "通告",
    "公告",
    "通报",
    "报告",
    "请示",
    "函",
    "纪要",
    "命令",
    "令",
    "议案",
    "决议",
    "公报",
    "方案",
    "办法",
    "规则",
    "规定",
    "细则",
    "清单",
    "计划",
    "要点",
    "目录",
    "分工",
    "标准",
    "指引",
    "指南",
    "条例",
    "规划",
    "纲要",
    "名单",
    "表",
    "措施",
    "制度",
    "章程",
    "守则",
    "实施意见",
    "任务分工",
];

/// Whether `text` is the name of a bare form alone on its line, as a head set on two lines
/// prints it under the organ, its characters often spaced out: `公　　告`, `通告`, `令`.
fn is_spaced_bare_form(text: &str) -> bool {
    BARE_FORMS.iter().any(|f| {
        let mut chars = f.chars();
        chars
            .next()
            .and_then(|first| text.strip_prefix(first))
            .is_some_and(|rest| rest.trim_start_matches(char::is_whitespace) == chars.as_str())
    })
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// `char_len(s) <= max`, answered from the length in bytes when it can be (a character is one
/// to four bytes): a long paragraph is not counted to learn that it is no short title.
fn at_most_chars(s: &str, max: usize) -> bool {
    s.len() <= max || (s.len() <= 4 * max && char_len(s) <= max)
}

/// Reads a date printed as `2021年8月4日` or `二〇〇四年六月二十六日` at the end of `text`.
/// Returns the printed date's start offset and its (year, month, day).
pub fn find_date(text: &str) -> Option<(usize, (i32, u32, u32))> {
    // Both forms end the text with 日: other texts are answered at once.
    if !text.ends_with('日') {
        return None;
    }
    let (start, [year, month, day], arabic) = date_at_end(text)?;
    let ymd = if arabic {
        (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    } else {
        (
            numbering::parse_cn_digits(year)? as i32,
            numbering::parse_cn_number(month)?,
            numbering::parse_cn_number(day)?,
        )
    };
    Some((start, ymd))
}

/// A date printed in figures alone on its line: `2023-03-05`, `2023.3.5` or `2023/3/5`, also
/// with full-width separators (`2023－03－05`: normalization makes the digits ASCII, not the
/// marks) — a four-digit year, months and days of 1 or 2 digits, one separator throughout.
/// Returns its (year, month, day).
fn numeric_date(text: &str) -> Option<(i32, u32, u32)> {
    // At most `2023－03－05`'s 14 bytes, opening with a year's digit.
    if !(8..=14).contains(&text.len()) || !text.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let year = ascii_digits(text.get(..4)?, 4).filter(|y| y.len() == 4)?;
    let sep = text.get(4..)?.chars().next()?;
    if !matches!(sep, '-' | '.' | '/' | '－' | '．' | '／') {
        return None;
    }
    let (month, day) = text.get(4 + sep.len_utf8()..)?.split_once(sep)?;
    Some((
        year.parse().ok()?,
        ascii_digits(month, 2)?.parse().ok()?,
        ascii_digits(day, 2)?.parse().ok()?,
    ))
}

/// The 成文日期 of a closing line: a date at the end of the line (see [`find_date`]), or, when
/// `alone` (the line stands under a signing organ or person), a date in figures that is the
/// whole line (see [`numeric_date`]). Returns where the date starts and its (year, month, day).
fn closing_date(text: &str, alone: impl FnOnce() -> bool) -> Option<(usize, (i32, u32, u32))> {
    find_date(text).or_else(|| numeric_date(text).filter(|_| alone()).map(|ymd| (0, ymd)))
}

/// The order that made a regulation, as the bracketed line under its title states it.
struct Promulgation<'t> {
    date: (i32, u32, u32),
    date_text: &'t str,
    organ: &'t str,
    number: DocNumber,
}

/// Reads `（2021年12月20日南京市人民政府令第340号公布）`, also with what came before the order (`经……
/// 常务会议通过，`) or after it (`　根据……修订`): the date that stands right before the organ, the
/// organ, and the order's number (`南京市人民政府令第340号`), followed by 公布 or 发布.
fn promulgation(text: &str) -> Option<Promulgation<'_>> {
    let inner = text.strip_prefix('（')?.strip_suffix('）')?;
    let ling = inner.find("令第")?;
    let serial_at = ling + "令第".len();
    let serial_len = inner.get(serial_at..)?.find('号')?;
    let number_end = serial_at + serial_len + '号'.len_utf8();
    let after = inner.get(number_end..)?.trim_start();
    if !(after.starts_with("公布") || after.starts_with("发布")) {
        return None;
    }
    let head = inner.get(..ling)?;
    // The last date before the order whose end the organ's name follows.
    let (date_start, date_end, date) = crate::normalize::char_offsets(head, '日')
        .filter_map(|at| {
            let end = at + '日'.len_utf8();
            find_date(head.get(..end)?).map(|(start, ymd)| (start, end, ymd))
        })
        .last()?;
    let organ = head.get(date_end..)?;
    if !is_real_date(date.0, date.1, date.2) || !is_organ_line(organ) {
        return None;
    }
    Some(Promulgation {
        date,
        date_text: head.get(date_start..date_end)?,
        organ,
        number: parse_doc_number(inner.get(date_end..number_end)?)?,
    })
}

/// The date a meeting adopted a law or a decision on, as the bracketed line under its title
/// opens with it: `（2023年11月30日某某省第十四届人民代表大会常务委员会第六次会议通过）`, also
/// with its later amendments after it (`……会议通过　根据……修正`). The printed date and its
/// (year, month, day).
fn adoption_date(text: &str) -> Option<(&str, (i32, u32, u32))> {
    let inner = text.strip_prefix('（')?.strip_suffix('）')?;
    if !inner.contains("会议")
        || !["通过", "批准", "修正", "修订"]
            .iter()
            .any(|w| inner.ends_with(w))
        || inner.len() > 4 * 200
    {
        return None;
    }
    // The first date, right at the start: up to its 日.
    let end = inner.find('日')? + '日'.len_utf8();
    let head = inner.get(..end)?;
    match find_date(head)? {
        (0, (y, m, d)) if is_real_date(y, m, d) => Some((head, (y, m, d))),
        _ => None,
    }
}

/// The people's congress (or its standing committee) whose meeting adopted a law, as the
/// bracketed line under its title names it after the date (`（2021年9月28日某某自治区第十二届人民代表
/// 大会常务委员会第二十九次会议通过）`): the body without its term, `某某自治区人民代表大会常务委员会`.
/// `None` for a line that names no people's congress before its first meeting.
fn adopting_congress(text: &str) -> Option<String> {
    let (date_text, _) = adoption_date(text)?;
    let inner = text.strip_prefix('（')?;
    let rest = inner.get(date_text.len()..)?;
    let meeting = &rest[..rest.find("会议")?];
    let end = ["常务委员会", "人民代表大会"]
        .iter()
        .find_map(|w| meeting.find(w).map(|at| at + w.len()))?;
    let body = &meeting[..end];
    // The term (`第十二届`) is the congress's, not its name's.
    let mut name = String::with_capacity(body.len());
    let mut tail = body;
    while let Some(at) = tail.find('第') {
        let after = &tail[at + '第'.len_utf8()..];
        let digits = after
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_digit() || crate::numbering::is_cn_numeral(c)))
            .map_or(after.len(), |(i, _)| i);
        name.push_str(&tail[..at]);
        if digits > 0 && after[digits..].starts_with('届') {
            tail = &after[digits + '届'.len_utf8()..];
        } else {
            name.push('第');
            tail = after;
        }
    }
    name.push_str(tail);
    (is_organ_line(&name) && name.chars().all(crate::normalize::is_han)).then_some(name)
}

/// Nothing but dates, run together: the dates of a joint notice's organs printed side by side
/// under their names (`2022年6月20日    2022年6月20日`, the spaces gone in normalization).
fn only_dates(mut text: &str) -> bool {
    while !text.is_empty() {
        match find_date(text) {
            Some((start, _)) if start < text.len() => text = &text[..start],
            _ => return false,
        }
    }
    true
}

/// True when (year, month, day) is a real calendar date.
pub fn is_real_date(y: i32, m: u32, d: u32) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d) && (1000..=9999).contains(&y)
}

/// Warns of a 发文字号 or a 成文日期 written in the usual form but with figures no such number
/// or date has (`某府发〔99999999999999999999〕4号`, `99999999999999999999年13月45日`): neither is
/// read, and the lines around them land in the body, so the reader is told which line it was.
/// Only a few paragraphs are looked at: the head's first lines when no doc number was read, the
/// last lines when no date was.
fn unreadable_head_numbers(b: &mut Builder, blocks: &[&Block], k: usize, no_date: bool) {
    const HEAD_LINES: usize = 10;
    const CLOSING_LINES: usize = 6;
    let paras = |range: &[&Block]| -> Vec<(String, usize)> {
        range
            .iter()
            .filter_map(|blk| match blk {
                Block::Para(p) => Some((p.text.clone(), p.line)),
                _ => None,
            })
            .collect()
    };
    if b.doc.notice.doc_number.is_none() {
        let head = paras(&blocks[..blocks.len().min(HEAD_LINES)]);
        if let Some((text, line)) = head.into_iter().find(|(t, _)| overflowing_doc_number(t)) {
            b.diag(
                Severity::Warning,
                "doc_number_unread",
                format!(
                    "`{text}` is written as a 发文字号 but its year or serial is out of range (a year has 4 figures, a serial at most 6); it was not read as the doc number"
                ),
                Some(line),
            );
        }
    }
    if no_date {
        let from = k
            .min(blocks.len())
            .max(blocks.len().saturating_sub(CLOSING_LINES));
        let closing = paras(&blocks[from..]);
        if let Some((text, line)) = closing.into_iter().find(|(t, _)| overflowing_date(t)) {
            b.diag(
                Severity::Warning,
                "date_unread",
                format!(
                    "`{text}` is written as a date but its year, month or day is out of range; it was not read as the 成文日期"
                ),
                Some(line),
            );
        }
    }
}

/// `某府发〔N〕M号` (also `〔N〕第M号`) with figures for N and M, one of them too long for a
/// year (4 figures) or a serial (6), that [`parse_doc_number`] does not read.
fn overflowing_doc_number(text: &str) -> bool {
    let Some(body) = text.strip_suffix(['号', '號']) else {
        return false;
    };
    let Some((agency, rest)) = body.split_once('〔') else {
        return false;
    };
    let Some((year, serial)) = rest.split_once('〕') else {
        return false;
    };
    let serial = serial.strip_prefix('第').unwrap_or(serial);
    let figures = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    at_most_chars(agency, 12)
        && !has_sentence_punct(agency)
        && figures(year)
        && figures(serial)
        && (year.len() != 4 || serial.len() > 6)
        && parse_doc_number(text).is_none()
}

/// A line that is only a date in figures, `N年M月D日`, which [`find_date`] does not read whole
/// (a figure too long for its field).
fn overflowing_date(text: &str) -> bool {
    let figures = |s: &str| !s.is_empty() && s.len() <= 40 && s.bytes().all(|c| c.is_ascii_digit());
    let parts = text
        .strip_suffix('日')
        .and_then(|r| r.split_once('年'))
        .and_then(|(y, r)| r.split_once('月').map(|(m, d)| (y, m, d)));
    // (Of a year too long, `find_date` reads the last four figures, a date the line does not
    // begin with.)
    parts.is_some_and(|(y, m, d)| figures(y) && figures(m) && figures(d))
        && find_date(text).is_none_or(|(start, _)| start > 0)
}

/// Formats a date as `YYYY-MM-DD`.
pub fn iso_date(y: i32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// Parses a 发文字号 such as `国发〔2019〕4号`, `国令第707号`, `某府令〔2022〕第2号`, `〔2022〕第3号`
/// (a 公告's) or `2022年第5号` (a ministry's order).
pub fn parse_doc_number(text: &str) -> Option<DocNumber> {
    // Every number ends with 号 (see `find_date` for why this comes first), or with its
    // traditional form 號.
    if !text.ends_with(['号', '號']) {
        return None;
    }
    let (agency, year, serial) = doc_number_parts(text)?;
    let agency = agency.to_string();
    let year = year.and_then(|y| y.parse().ok());
    let serial = serial.parse().ok();
    Some(DocNumber {
        raw: text.to_string(),
        agency,
        year,
        serial,
    })
}

/// The number of a meeting's 纪要, printed under its title as the number of a meeting or an
/// issue: `〔2023〕第15次`, `第15期`, `2023年第3期` (the forms of [`parse_doc_number`] with `次` or
/// `期` for `号`).
fn parse_minutes_number(text: &str) -> Option<DocNumber> {
    let body = text.strip_suffix(['次', '期'])?;
    let (agency, year, serial) = doc_number_parts(&format!("{body}号"))
        .map(|(a, y, s)| (a.len(), y.and_then(|y| y.parse().ok()), s.parse().ok()))?;
    Some(DocNumber {
        raw: text.to_string(),
        agency: body.get(..agency)?.to_string(),
        year,
        serial,
    })
}

fn has_sentence_punct(s: &str) -> bool {
    s.contains(['。', '，', '；', '：', '！', '？'])
}

/// An addressee that lists named organs with `、` (a 函 to `市教育局、市卫生健康委、市交通运输局`):
/// each organ on its own. A list that shares one head or names organs collectively stays whole
/// (`各省、自治区、直辖市人民政府`, `国务院各部委、各直属机构`).
fn split_named_organs(item: String) -> Vec<String> {
    // Addressees a layout sets apart by spaces (`各区县人民政府　市政府各部门`), which
    // normalization keeps as one space between words: each an addressee when every word names
    // an organ.
    if item.contains(' ') {
        let words: Vec<&str> = item.split(' ').collect();
        // (`各部门`, `有关单位`, `各直属机构`: the groups a 主送 line names besides organs.)
        let addressee =
            |w: &str| is_organ_line(w) || ["部门", "单位", "机构"].iter().any(|g| w.ends_with(g));
        if words.iter().all(|w| addressee(w)) {
            return words.into_iter().map(str::to_string).collect();
        }
    }
    if !item.contains('、') {
        return vec![item];
    }
    let pieces = split_top_level(&item, &['、']);
    // Each names its place or level (`市教育局`, `河北省人民政府`, `国家发展改革委`): a piece
    // without one is the rest of the name before it (`两江新区社会发展局、卫生健康局` is two
    // bureaus of 两江新区), and the list stays whole.
    let placed = |x: &str| {
        // The divisions, 国, and the traditional forms 區, 縣, 國, 鄉, 鎮.
        x.contains(crate::tasks::DIVISIONS)
            || x.contains(['国', '區', '縣', '國', '鄉', '鎮'])
            || x.starts_with('中')
    };
    // The Party committee of a level by its short name (`省委、省政府`, `市委、市政府`): two
    // characters, but a place's organ all the same.
    let short_committee = |x: &str| {
        let mut c = x.chars();
        c.next().is_some_and(|d| "省市县区州盟旗".contains(d))
            && c.next() == Some('委')
            && c.next().is_none()
    };
    let named = pieces.len() >= 2
        && pieces.iter().all(|x| {
            short_committee(x)
                || is_central_organ(x)
                || (char_len(x) >= 3 && !x.starts_with('各') && placed(x) && is_organ_line(x))
        });
    if named { pieces } else { vec![item] }
}

/// The State Council's ministries, commissions and agencies as a 主送 or 抄送 line names them
/// without `国家` or `中华人民共和国` before them (`商务部`, `自然资源部`, `海关总署`), and the
/// 新疆生产建设兵团, addressed as a province is: organs at the level of a province's government,
/// each of its own beside one (`海南省人民政府、商务部`), not the rest of the name before them.
const CENTRAL_ORGANS: &[&str] = &[
    "外交部",
    "国防部",
    "教育部",
    "科学技术部",
    "科技部",
    "工业和信息化部",
    "公安部",
    "民政部",
    "司法部",
    "财政部",
    "人力资源和社会保障部",
    "人力资源社会保障部",
    "自然资源部",
    "生态环境部",
    "住房和城乡建设部",
    "住房城乡建设部",
    "交通运输部",
    "水利部",
    "农业农村部",
    "商务部",
    "文化和旅游部",
    "退役军人事务部",
    "应急管理部",
    "审计署",
    "海关总署",
    "税务总局",
    "市场监管总局",
    "广电总局",
    "体育总局",
    "金融监管总局",
    "证监会",
    "国资委",
    "发展改革委",
    "卫生健康委",
    "新疆生产建设兵团",
];

/// Whether `name` is one of [`CENTRAL_ORGANS`], also with `中华人民共和国` before it.
fn is_central_organ(name: &str) -> bool {
    let name = name.strip_prefix("中华人民共和国").unwrap_or(name);
    CENTRAL_ORGANS.contains(&name)
}

/// Looks like the name of an organ (a signature or issuer line).
pub(crate) fn is_organ_line(s: &str) -> bool {
    let n = char_len(s);
    (2..=60).contains(&n)
        && !has_sentence_punct(s)
        && !numbering::has_marker(s)
        && find_date(s).is_none()
        && ORGAN_SUFFIXES.iter().any(|suf| s.ends_with(suf))
}

/// Could be (part of) a title: short, not a sentence, not numbered.
fn is_title_line(s: &str) -> bool {
    let n = char_len(s);
    (2..=80).contains(&n)
        // A site's menu or breadcrumb (`首页 政务公开 办事服务`, `当前位置：首页`): no title.
        && !s.starts_with("首页")
        && !s.starts_with("当前位置")
        && !s.ends_with(['。', '；', '：', '，'])
        && !numbering::has_marker(s)
        && find_date(s).is_none()
        && parse_doc_number(s).is_none()
        && !s.starts_with('（')
        && !is_attachment_label(s)
        && !is_attachment_list(s)
}

/// A 主送机关 line: recipients separated by `，` and ending in `：`, each recipient the name of an
/// organ or a collective (`各省、自治区、直辖市人民政府`, `有关单位`). A sentence that happens to end
/// in `：` (`为深入推进……，国务院决定：`) is not one.
pub(crate) fn is_addressee_line(s: &str) -> bool {
    let Some(list) = s.strip_suffix('：').or_else(|| s.strip_suffix(':')) else {
        return false;
    };
    if !at_most_chars(s, 200)
        || s.contains('。')
        || numbering::has_marker(s)
        || is_attachment_list(s)
    {
        return false;
    }
    let items = split_top_level(list, ADDRESSEE_SEPARATORS);
    // A place named bare (`伊犁哈萨克自治州，各州、市、县（市）人民政府，…：`, `海西州，各市、自治州
    // 人民政府，…：`) is addressed as a level of government where an organ or collective of the
    // same line is: never alone, so that a line of places alone is no 主送.
    let mut organs = 0;
    let mut places = 0;
    for item in &items {
        let item = strip_trailing_paren(item);
        if is_addressee_item(item) {
            organs += 1;
        } else if is_bare_place(item) {
            places += 1;
        } else {
            return false;
        }
    }
    organs > 0 && organs + places == items.len()
}

/// A place's name alone, as a 主送 line prints a prefecture or city addressed as a level of
/// government (`伊犁哈萨克自治州`, `海西州`): Han characters ending in a division, `各` not first.
fn is_bare_place(item: &str) -> bool {
    (2..=10).contains(&char_len(item))
        && !item.starts_with('各')
        && item.chars().all(crate::normalize::is_han)
        && (item.ends_with(['州', '市', '县', '区', '盟', '旗']) || item.ends_with("地区"))
}

/// One item of a 主送机关 line that names an organ or a collective of recipients.
fn is_addressee_item(item: &str) -> bool {
    !item.is_empty()
        && (ORGAN_SUFFIXES.iter().any(|suf| item.ends_with(suf))
                        || ADDRESSEE_ENDINGS
                            .iter()
                            .chain(ZONE_ENDINGS)
                            .chain(ORGANISATION_ENDINGS)
                            .any(|e| item.ends_with(e))
                        // `王某某委员`, `李某某等5位代表`: a deputy or member answered by name
                        // (short, so that `决定增补以下同志为市政协委员` is no addressee).
                        || (at_most_chars(item, 10) && (item.ends_with("委员") || item.ends_with("代表")))
                        || is_collective_places(item))
}

/// Places named collectively by their level alone, `各` and up to four characters, after at most
/// three naming whose places they are: `各县（市、区）` (its bracket taken off before), `各镇`, a
/// township's `各村（社区）`, `各行政村`, the state farms and forest farms of a county
/// (`各乡镇场`, `各垦殖场`, `各国有林场`), the 兵团's divisions, regiments and companies
/// (`兵团各师市`, `各团场`, `各连队`). `各有关部门` ends otherwise and is read as a group.
fn is_collective_places(item: &str) -> bool {
    let Some((owner, place)) = item.split_once('各') else {
        return false;
    };
    at_most_chars(owner, 3)
        && owner.chars().all(crate::normalize::is_han)
        && (1..=4).contains(&char_len(place))
        && (place.ends_with(crate::tasks::DIVISIONS)
            || place.ends_with(['村', '场'])
            || place.ends_with("连队"))
}

/// Most lines one 主送机关 list is printed on.
const ADDRESSEE_LINES: usize = 4;

/// The 主送机关 at the top of `blocks`, on one line or broken over a few whose every line but
/// the last ends in `，` or `、` (`各区人民政府，市政府各委、办、局，` / `各市属机构：`): how many
/// lines it takes and its text. A list printed with its label (`主送：各区人民政府，市政府各部门。`,
/// as older notices do) is the list after the label, closed by `。` or by nothing.
fn addressee_lines(blocks: &[&Block]) -> Option<(usize, String)> {
    let mut text = String::new();
    for (i, blk) in blocks.iter().take(ADDRESSEE_LINES).enumerate() {
        let Block::Para(p) = blk else { return None };
        if i == 0 && is_addressee_line(&p.text) {
            return Some((1, p.text.clone()));
        }
        if i == 0
            && let Some(list) = addressee_label(&p.text)
        {
            let list = list.trim_end_matches(['。', '.']);
            return (at_most_chars(list, 200) && !list.contains('。'))
                .then(|| (1, list.to_string()));
        }
        // A list is at most 200 characters (see `is_addressee_line`): a longer line is none.
        // A printed line may also end inside a name (`…，各省直管县（市）人` / `民政府，…：`, a page
        // made from a PDF a `<p>` a printed line): a first line that is a list already, its
        // items parted by `，` or `、`, runs on into the next; the whole must still be a 主送.
        let open =
            i == 0 || text.ends_with(['，', '、', ',']) || (i == 1 && wraps_inside_list(&text));
        if !open || text.len() + p.text.len() > 600 {
            return None;
        }
        text.push_str(&p.text);
        if is_addressee_line(&text) {
            return Some((i + 1, text));
        }
    }
    None
}

/// Whether a line may be a 主送 list's first printed line cut inside a name: long enough to
/// fill a printed line, no sentence, no title (`关于`, a 文种 at its end) nor the list's end,
/// and its items parted by `，` or `、`, each but the cut last one an addressee.
fn wraps_inside_list(line: &str) -> bool {
    if !(15..=60).contains(&char_len(line))
        || line.contains(['。', '；', '：', ':', '！', '？'])
        || line.contains("关于")
        || ends_like_title(line)
        || numbering::has_marker(line)
    {
        return false;
    }
    let items = split_top_level(line, ADDRESSEE_SEPARATORS);
    items.len() >= 2
        && items[..items.len() - 1]
            .iter()
            .all(|item| is_addressee_item(strip_trailing_paren(item)))
}

/// The titles of a numbered list run together on one line, after its first number `first`:
/// `X2．Y3．Z` (from `1．X2．Y3．Z`) gives `X`, `Y`, `Z`. The next number is taken where it stands
/// after something other than a digit and its mark (`．`, `.`, `、`) is followed by something
/// other than a digit (`2.0版` is no item); a `；` or `，` parting the items (`X；2．Y`) is no part
/// of the title before it.
fn split_run_on_items(text: &str, first: Option<u32>) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut next = first.map(|n| n + 1);
    while let Some(n) = next {
        let number = n.to_string();
        let found = rest.match_indices(number.as_str()).find_map(|(at, _)| {
            let before = rest[..at].chars().next_back()?;
            let after = &rest[at + number.len()..];
            let mark = after
                .chars()
                .next()
                .filter(|c| matches!(c, '．' | '.' | '、'))?;
            let title = &after[mark.len_utf8()..];
            let starts_text = title.chars().next().is_some_and(|c| !c.is_ascii_digit());
            (!before.is_ascii_digit() && starts_text)
                .then_some((at, at + number.len() + mark.len_utf8()))
        });
        let Some((end, resume)) = found else { break };
        // `1．X；2．Y`: the mark that parts the items is no part of the title before it.
        out.push(
            rest[..end]
                .trim_ws()
                .trim_end_matches(['；', ';', '，', ',']),
        );
        rest = &rest[resume..];
        next = Some(n + 1);
    }
    out.push(rest);
    out
}

/// The attachment title a linked file's name gives: `1.某某方案.docx`, `附件2：某某表.xlsx` →
/// `某某方案`, `某某表`.
fn linked_title(name: &str) -> &str {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let stem = without_attachment_label(stem);
    list_item(stem).map_or(stem, |(_, text)| text).trim_ws()
}

/// `附件：X`, `附件2 X`, `附件1.X`, `附件2－X` → `X`; other text as it is (`附件1.5万元` too).
fn without_attachment_label(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("附件") else {
        return text;
    };
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || numbering::is_cn_numeral(c));
    title_after_label(rest).map_or(text, str::trim_start)
}

/// The title a document file's name gives, its extension dropped: `某某任务分工.xlsx` →
/// `某某任务分工`; `None` for text that is no file's name ([`is_file_name`]).
fn file_stem(text: &str) -> Option<&str> {
    is_file_name(text)
        .then(|| text.rsplit_once('.'))
        .flatten()
        .map(|(stem, _)| stem.trim_ws())
}

/// Whether `text` is the name of a document file (`某某计划表.pdf`): a name without sentence
/// punctuation and an extension of the formats notices are published in.
pub(crate) fn is_file_name(text: &str) -> bool {
    const EXTENSIONS: &[&str] = &[
        "pdf", "doc", "docx", "wps", "xls", "xlsx", "et", "ofd", "zip", "rar", "7z", "txt", "ceb",
        "jpg", "png",
    ];
    // Asked of every paragraph: one that does not end in an extension's letter (nearly all end
    // in `。`) is answered by its last byte.
    if text.len() > 360
        || !text
            .as_bytes()
            .last()
            .is_some_and(u8::is_ascii_alphanumeric)
    {
        return false;
    }
    let Some((stem, ext)) = text.rsplit_once('.') else {
        return false;
    };
    !stem.trim_ws().is_empty()
        && at_most_chars(text, 120)
        && !stem.contains(['。', '；', '！', '？'])
        && EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e))
}

/// A document file's name followed by what a portal prints beside its link (see
/// [`is_file_trailer`]): `某某清单.xlsx（23.5 KB）`, `某某清单.xlsx下载次数：12`,
/// `某某清单.xlsx [下载]` → `某某清单.xlsx`. `None` for text that is no file's name so followed.
pub(crate) fn file_name_before_trailer(text: &str) -> Option<&str> {
    // Asked of every paragraph under a letter: one that ends neither as a file's name nor as a
    // size, a count or a download prompt does (nearly all end in `。`) is answered by its last
    // character.
    let last = text.chars().next_back()?;
    if !(last.is_ascii_alphanumeric() || matches!(last, '）' | ')' | ']' | '】' | '次' | '载'))
        || text.len() > 400
    {
        return None;
    }
    if is_file_name(text) {
        return Some(text);
    }
    // The extension's dot is the last one followed by an extension and then a trailer (a size
    // has a dot of its own: `甲.pdf（23.5KB）`).
    text.rmatch_indices('.').find_map(|(dot, _)| {
        let after = &text[dot + 1..];
        let ext = after.bytes().take_while(u8::is_ascii_alphanumeric).count();
        let name = &text[..dot + 1 + ext];
        (ext > 0 && is_file_trailer(&after[ext..]) && is_file_name(name)).then_some(name)
    })
}

/// Whether `s` is nothing but what a portal prints beside a link to a file, one item or more,
/// bracketed or not: its size (`（23.5 KB）`, `(235KB)`, `[1.2M]`), its download count
/// (`下载次数：12`, `已下载12次`), a download prompt (`[下载]`, `点击下载`), its format (`（PDF）`).
pub(crate) fn is_file_trailer(s: &str) -> bool {
    let is_sep = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{a0}' | '\u{3000}' | '|' | '｜' | '，' | ',' | '、' | '；' | ';' | '/' | '-'
            )
    };
    let mut rest = s.trim_start_matches(is_sep);
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let open = rest.chars().next().filter(|c| "（([【〔".contains(*c));
        let used = match open {
            Some(open) => {
                let inner = &rest[open.len_utf8()..];
                let Some(close) = inner.find(['）', ')', ']', '】', '〕']) else {
                    return false;
                };
                let items = &inner[..close];
                let mut any = false;
                // Items are parted by marks; a space may stand inside one (`23.5 KB`).
                let items = items.split(['，', ',', '、', '；', ';', '|', '｜', '/']);
                for item in items.map(str::trim_ws).filter(|t| !t.is_empty()) {
                    if file_trailer_item(item) != Some(item.len()) {
                        return false;
                    }
                    any = true;
                }
                if !any {
                    return false;
                }
                let close_len = inner[close..].chars().next().map_or(1, char::len_utf8);
                open.len_utf8() + close + close_len
            }
            None => match file_trailer_item(rest) {
                Some(n) => n,
                None => return false,
            },
        };
        rest = rest[used..].trim_start_matches(is_sep);
    }
    true
}

/// How many bytes at the start of `s` are one item of a file link's trailer (see
/// [`is_file_trailer`]): a size, a download count, a download prompt or a format's name.
fn file_trailer_item(s: &str) -> Option<usize> {
    const PROMPTS: &[&str] = &[
        "点击下载",
        "立即下载",
        "下载附件",
        "下载文件",
        "在线预览",
        "预览",
        "下载",
    ];
    const COUNTS: &[&str] = &["下载次数", "下载量", "已下载", "下载"];
    const UNITS: &[&str] = &["KB", "MB", "GB", "K", "M", "G", "B", "字节"];
    const FORMATS: &[&str] = &[
        "pdf", "doc", "docx", "wps", "xls", "xlsx", "et", "ofd", "zip", "rar",
    ];
    let b = s.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    // A size: `23.5 KB`, `235KB`, `1.2M`.
    let whole = digits(0);
    if whole > 0 {
        let mut at = whole;
        if b.get(at) == Some(&b'.') && digits(at + 1) > 0 {
            at += 1 + digits(at + 1);
        }
        let at = at + b[at..].iter().take_while(|&&c| c == b' ').count();
        let unit = UNITS.iter().find(|u| {
            s.get(at..at + u.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(u))
                && !b.get(at + u.len()).is_some_and(u8::is_ascii_alphabetic)
        })?;
        return Some(at + unit.len());
    }
    // A download count: `下载次数：12`, `已下载12次`.
    for word in COUNTS {
        if let Some(after) = s.strip_prefix(word) {
            let after = after.trim_start_matches(['：', ':', ' ']);
            let at = s.len() - after.len();
            let n = digits(at);
            if n > 0 {
                let end = at + n;
                return Some(
                    end + if s[end..].starts_with('次') {
                        '次'.len_utf8()
                    } else {
                        0
                    },
                );
            }
        }
    }
    if let Some(p) = PROMPTS.iter().find(|p| s.starts_with(**p)) {
        return Some(p.len());
    }
    // A format's name: `PDF`.
    let word = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    (word > 0 && FORMATS.iter().any(|f| s[..word].eq_ignore_ascii_case(f))).then_some(word)
}

/// The number of a link that reads nothing but an attachment's label (`附件1.docx`, written so
/// for `<a href="….docx">附件1</a>`): `1`; `None` for a file named by a title.
fn bare_label_number(name: &str) -> Option<u32> {
    let stem = name
        .rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .trim_ws();
    let number = stem.strip_prefix("附件")?;
    (!number.is_empty()
        && number.chars().count() <= 3
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || numbering::is_cn_numeral(c)))
    .then(|| numbering::parse_cn_number(number))
    .flatten()
}

/// The formulas a letter closes with: `特此通知。`, `特此公告。`, `此复。`, `妥否，请批示。`,
/// `以上报告，请审阅。`, `请予支持为盼。`, and the entry into force that closes a 决定 or 通告
/// or an 意见, and of the measures, rules or plan a notice issues (`本决定自公布之日起施行。`,
/// `本意见自2022年7月1日起施行，有效期5年。`, `本措施自印发之日起施行，有效期至2025年12月31日。`).
///
/// Read by hand, not by a regex: its bounded runs of any character made a regex whose compiling
/// cost 3M instructions, more than a page's parse (issue 6).
fn is_closing_formula(text: &str) -> bool {
    closing_formula(text).is_some()
}

/// What kind of closing formula a paragraph is ([`is_closing_formula`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Closing {
    /// A set formula of the letter (`特此通知。`, `妥否，请批示。`, `盼复。`, `以上报告，请审阅。`):
    /// never the text of an item.
    Set,
    /// An entry into force (`本办法自印发之日起施行。`), which may be the text of a bare last
    /// item (`二、附则`).
    InForce,
}

/// The kind of closing formula `text` is, if it is one ([`is_closing_formula`]).
fn closing_formula(text: &str) -> Option<Closing> {
    /// What `特此` closes with.
    const SPECIAL: [&str; 14] = [
        "通知", "公告", "通告", "通报", "函告", "函复", "函达", "批复", "报告", "说明", "请示",
        "决定", "函询", "函商",
    ];
    /// What `专此` closes with: `专此报告。`, `专此函复。`, `专此函商。`.
    const SPECIAL_LETTER: [&str; 6] = ["报告", "函告", "函达", "函复", "函商", "函询"];
    /// What `请予` asks for.
    const ASKED: [&str; 5] = ["支持", "协助", "配合", "函复", "复函"];
    /// What a 请示 asks for after `特此请示，请予`: `批准`, `审批`.
    const ASKED_ABOVE: [&str; 7] = ["批准", "审批", "批复", "支持", "协助", "配合", "函复"];
    /// A notice's charge to carry it out, the whole sentence: `请遵照执行。`.
    const CHARGES: [&str; 5] = [
        "请遵照执行",
        "请认真遵照执行",
        "请认真贯彻执行",
        "请遵照办理",
        "请研究函复",
    ];
    /// What a text of entry into force calls itself: `本决定`, `本意见`.
    const ENACTED: [&str; 21] = [
        "决定",
        "通告",
        "公告",
        "命令",
        "令",
        "意见",
        "实施意见",
        "指导意见",
        // The measures and rules a notice issues or encloses close the same way, when their
        // entry into force is no numbered item or article of their own.
        "若干措施",
        "措施",
        "办法",
        "实施办法",
        "规定",
        "若干规定",
        "细则",
        "实施细则",
        "方案",
        "实施方案",
        "通知",
        "若干政策",
        "政策",
    ];
    /// How it enters into force.
    const IN_FORCE: [&str; 4] = ["施行", "执行", "实施", "生效"];
    /// Whether `tail` is `min` to `max` characters on one line, and perhaps a closing mark.
    fn tail_fits(tail: &str, min: usize, max: usize) -> bool {
        let n = char_len(tail);
        !tail.contains('\n')
            && ((min..=max).contains(&n)
                || (tail.ends_with(CLOSING_MARKS) && (min..=max).contains(&(n - 1))))
    }
    const CLOSING_MARKS: [char; 3] = ['。', '！', '.'];
    // The longest: an entry into force and what it does to the texts before it, 120
    // characters ([`is_in_force_sequel`]); the others are bounded more tightly below.
    if text.len() > 4 * 120 {
        return None;
    }
    // The formulas of fixed words, with or without their closing mark.
    let bare = text.strip_suffix(CLOSING_MARKS).unwrap_or(text);
    // `特此请示，请予批准。`, `特此函询，请予支持为盼。`: a set formula and the request it
    // closes with.
    let (head, request) = match bare.split_once(['，', ',']) {
        Some((head, request)) if head.starts_with(['特', '专']) => (head, Some(request)),
        _ => (bare, None),
    };
    let set_head = || {
        head.strip_prefix("特此")
            .is_some_and(|x| SPECIAL.contains(&x))
            || head
                .strip_prefix("专此")
                .is_some_and(|x| SPECIAL_LETTER.contains(&x))
    };
    let fixed = || {
        (set_head()
            && request.is_none_or(|r| {
                r.strip_prefix("请予")
                    .and_then(|r| strip_any_prefix(r, &ASKED_ABOVE))
                    .is_some_and(|x| ["", "为盼", "为荷"].contains(&x))
            }))
            || bare == "此复"
            || bare == "此函"
            // A 函's request for an answer: `盼复。`, `请函复。`, `敬请函复。`.
            || bare == "盼复"
            || bare.strip_prefix('敬').unwrap_or(bare) == "请函复"
            || CHARGES.contains(&bare)
            || strip_any_prefix(bare, &["妥否", "当否"])
                .map(|r| r.strip_prefix(['，', ',']).unwrap_or(r))
                .and_then(|r| r.strip_prefix('请'))
                .is_some_and(|x| ["批示", "审示", "指示"].contains(&x))
            || bare
                .strip_prefix("请予")
                .and_then(|r| strip_any_prefix(r, &ASKED))
                .is_some_and(|x| ["", "为盼", "为荷"].contains(&x))
    };
    // `以上报告，请审阅。`, `以上请示妥否，请批示。`, `以上通知，请遵照执行。`,
    // `以上意见如无不妥，请批转各地区、各部门执行。`: up to 16 characters after 请.
    let report = || {
        text.strip_prefix("以上")
            .and_then(|r| strip_any_prefix(r, &["报告", "意见", "请示", "通知"]))
            .map(|r| r.strip_prefix(['，', ',']).unwrap_or(r))
            .map(|r| match strip_any_prefix(r, &["妥否", "当否"]) {
                Some(r) => r.strip_prefix(['，', ',']).unwrap_or(r),
                None => r,
            })
            .and_then(|r| {
                r.strip_prefix('请').or_else(|| {
                    r.strip_prefix("如无不妥")
                        .map(|r| r.strip_prefix('，').unwrap_or(r))
                        .and_then(|r| r.strip_prefix('请'))
                })
            })
            .is_some_and(|tail| tail_fits(tail, 0, 16))
    };
    // `本决定自公布之日起施行。`, `本意见自2022年7月1日起施行，有效期5年。`: 1 to 16 characters
    // between 自 and the entry into force, and 1 to 16 for the term.
    let in_force = || {
        let Some(when) = strip_any_prefix(text, &["本", "以上", "上述"])
            .and_then(|r| strip_any_prefix(r, &ENACTED))
            .and_then(|r| r.strip_prefix('自'))
        else {
            return false;
        };
        IN_FORCE.iter().any(|word| {
            when.match_indices(word).any(|(at, _)| {
                let (date, after) = (&when[..at], &when[at + word.len()..]);
                !date.contains('\n')
                    && (1..=16).contains(&char_len(date))
                    && (after.is_empty()
                        || (after.len() <= 3 && after.strip_suffix(CLOSING_MARKS) == Some(""))
                        || after
                            .strip_prefix(['，', ','])
                            .and_then(|t| t.strip_prefix("有效期"))
                            .is_some_and(|term| tail_fits(term, 1, 16))
                        // `本决定自公布之日起施行。《某某办法》根据本决定作相应修改，重新公布。`,
                        // `本办法自…起施行，有效期3年。《某某暂行办法》同时废止。`
                        || after.strip_prefix('。').is_some_and(are_in_force_sequels)
                        || after
                            .strip_prefix(['，', ','])
                            .and_then(|t| t.strip_prefix("有效期"))
                            .and_then(|t| t.split_once('。'))
                            .is_some_and(|(term, rest)| {
                                tail_fits(term, 1, 16) && are_in_force_sequels(rest)
                            }))
            })
        })
    };
    // `本通知由省财政厅负责解释。`: the organ that interprets it, 2 to 30 characters.
    let interpreted = || {
        bare.strip_prefix('本')
            .and_then(|r| strip_any_prefix(r, &ENACTED))
            .and_then(|r| r.strip_prefix('由'))
            .and_then(|r| r.strip_suffix("负责解释"))
            .is_some_and(|organ| {
                !organ.contains(['\n', '，', '。', '；']) && (2..=30).contains(&char_len(organ))
            })
    };
    // `此前规定与本通知不一致的，以本通知为准。`: what it overrides, in one sentence.
    let prevails = || {
        let Some((before, own)) = bare
            .strip_suffix("为准")
            .and_then(|r| r.rsplit_once("不一致的，以本"))
        else {
            return false;
        };
        ENACTED.contains(&own)
            && before
                .rsplit_once("与本")
                .is_some_and(|(_, named)| named == own)
            && at_most_chars(bare, 60)
            && !bare.contains(['\n', '。', '；'])
    };
    // `执行中如遇问题，请及时向省财政厅反映。`: where to report what carrying it out meets, one
    // sentence — the stage (`执行中`, `实施过程中`), the problems, and a request to report them.
    let feedback = || {
        /// Where the problems meet the reader.
        const STAGES: [&str; 10] = [
            "执行中",
            "执行过程中",
            "实施中",
            "实施过程中",
            "落实中",
            "落实过程中",
            "贯彻落实中",
            "贯彻执行中",
            "贯彻落实过程中",
            "工作中",
        ];
        /// What the reader is asked to do with them.
        const REPORTED: [&str; 5] = ["反映", "反馈", "报告", "联系", "沟通"];
        let Some((problems, request)) = strip_any_prefix(bare, &["在", ""])
            .and_then(|r| strip_any_prefix(r, &STAGES))
            .and_then(|r| r.split_once(['，', ',']))
        else {
            return false;
        };
        problems.contains("问题")
            && at_most_chars(problems, 12)
            && request.starts_with('请')
            && REPORTED.iter().any(|w| request.contains(w))
            && at_most_chars(bare, 60)
            && !bare.contains(['\n', '。', '；', ';'])
    };
    if fixed() || report() {
        Some(Closing::Set)
    } else {
        (in_force() || interpreted() || prevails() || feedback()).then_some(Closing::InForce)
    }
}

/// Whether `text` is one or two sentences that go on from an entry into force
/// ([`closing_formula`]) with what it does to the texts before it or its own term, each ended by
/// `。`: [`is_in_force_sequel`].
fn are_in_force_sequels(text: &str) -> bool {
    let Some(body) = text.strip_suffix('。') else {
        return false;
    };
    let mut sentences = body.split('。');
    sentences.clone().count() <= 2 && sentences.all(is_in_force_sequel)
}

/// A sentence (without its `。`) that goes on from an entry into force in the same paragraph,
/// as the closing of a 决定, 办法 or 通知 prints it: the earlier text it repeals
/// (`2019年印发的《某某办法》同时废止`, `原《某某规定》不再执行`), the text it amends and has
/// published again (`《某某办法》根据本决定作相应修改，重新公布`), its term (`有效期5年`,
/// `有效期至2028年12月31日`), or a closing formula of its own (`本办法由市司法局负责解释`).
fn is_in_force_sequel(sentence: &str) -> bool {
    /// What it does to the text it replaces.
    const REPEALED: [&str; 5] = ["废止", "停止执行", "不再执行", "同时失效", "停止施行"];
    if sentence.is_empty() || !at_most_chars(sentence, 100) || sentence.contains(['；', ';', '\n'])
    {
        return false;
    }
    let republished = || {
        ["重新公布", "重新发布"]
            .iter()
            .any(|w| sentence.ends_with(w))
            && sentence.contains("根据本")
    };
    REPEALED.iter().any(|w| sentence.ends_with(w))
        || republished()
        || sentence
            .strip_prefix("有效期")
            .is_some_and(|term| (1..=20).contains(&char_len(term)) && !term.contains('，'))
        || closing_formula(sentence).is_some()
}

/// The exhortation a commendation or a circular closes with, after its numbered items:
/// `希望受表扬的单位珍惜荣誉，再接再厉。`, `号召全市广大干部群众向他们学习。` — one sentence or a few,
/// not a paragraph of the last item.
///
/// A reply to a deputy's proposal or a letter closes likewise with its thanks, one short
/// sentence: `感谢您对财政工作的关心和支持。`, `衷心感谢您对我们工作的理解和支持！`.
fn is_exhortation(text: &str) -> bool {
    let thanks = ["感谢", "衷心感谢", "再次感谢", "非常感谢"]
        .iter()
        .any(|w| text.starts_with(w))
        && at_most_chars(text, 60);
    (text.starts_with("希望") || text.starts_with("号召") || thanks)
        && text.ends_with(['。', '！'])
        && at_most_chars(text, 200)
}

/// The warning a circular of criticism closes with, to all its recipients, one paragraph: a
/// collective subject (`各地各部门`, `各县（市、区）、各部门`, `全县各级党组织和广大党员干部`), `要`,
/// and the lesson to draw from the cases it reported (`以此为戒`, `引以为戒`, `以案为鉴`):
/// `各地各部门要以此为戒，举一反三，切实压紧压实安全生产责任。` — the counterpart of a
/// commendation's `希望…` ([`is_exhortation`]), not a paragraph of its last item.
fn is_warning_to_recipients(text: &str) -> bool {
    /// The lesson drawn.
    const LESSON: [&str; 4] = ["以此为戒", "引以为戒", "以案为鉴", "以此为鉴"];
    text.starts_with(['各', '全', '广'])
        && text.len() <= 4 * 200
        && text.ends_with(['。', '！'])
        && !text.contains('\n')
        && charged_subject(text).is_some_and(|subject| {
            is_recipients(subject)
                // Everyone the cases concern: `全县各级党组织和广大党员干部`, `广大党员干部`.
                || strip_any_prefix(subject, &["全", "广大"]).is_some()
        })
        && LESSON.iter().any(|w| text.contains(w))
        && at_most_chars(text, 200)
}

/// The subject a charge or a warning opens with, before its `要` (or `务必`, `务`): up to 30
/// characters, Chinese words joined by `、` or `和`, with bracketed words (`各县（市、区）`).
fn charged_subject(text: &str) -> Option<&str> {
    let at = text
        .char_indices()
        .take(31)
        .find(|&(_, c)| matches!(c, '要' | '务'))
        .map(|(at, _)| at)?;
    let subject = &text[..at];
    (!subject.is_empty()
        && subject
            .chars()
            .all(|c| crate::normalize::is_han(c) || matches!(c, '、' | '（' | '）' | '(' | ')')))
    .then_some(subject)
}

/// Whether `subject` names the recipients as a whole, by their levels and kinds: each of its
/// names (joined by `、` or `和`, bracketed words aside) made of the words of places, levels and
/// organs in general (`各县（市、区）`, `县市区`, `各地`, `各级人民政府`, `市政府各部门`,
/// `州级各有关部门`, `市直各单位`), `各` among them — not one kind of organ (`各级财政部门`).
fn is_recipients(subject: &str) -> bool {
    /// The words the names are made of, longer words before the shorter they start with.
    const WORDS: [&str; 29] = [
        "各",
        "人民政府",
        "政府",
        "党委",
        "有关部门",
        "相关部门",
        "部门",
        "有关单位",
        "相关单位",
        "单位",
        "直属机构",
        "管委会",
        "开发区",
        "园区",
        "地区",
        "地",
        "级",
        "直",
        "省",
        "市",
        "县",
        "区",
        "州",
        "盟",
        "旗",
        "乡镇",
        "乡",
        "镇",
        "街道",
    ];
    let mut any_each = false;
    let mut depth = 0u32;
    let mut rest = subject;
    while let Some(c) = rest.chars().next() {
        let step = match c {
            '（' | '(' => {
                depth += 1;
                c.len_utf8()
            }
            '）' | ')' => {
                depth = depth.saturating_sub(1);
                c.len_utf8()
            }
            _ if depth > 0 || matches!(c, '、' | '和') => c.len_utf8(),
            _ => match WORDS.iter().find(|w| rest.starts_with(*w)) {
                Some(w) => {
                    any_each |= *w == "各";
                    w.len()
                }
                None => return false,
            },
        };
        rest = &rest[step..];
    }
    any_each && depth == 0
}

/// A document's charge to all its recipients to carry it out, one paragraph: a collective
/// subject (`各地区、各部门`, `各地各部门`, `各级人民政府`, `各县（市、区）、各部门`:
/// [`is_recipients`]), `要`, and the document itself named in it (`本意见`, `本通知`, `本方案`):
/// `各地区、各部门要认真贯彻落实党中央、国务院决策部署，结合实际抓好本意见贯彻落实。`.
fn is_charge_to_recipients(text: &str) -> bool {
    /// What the document calls itself.
    const SELF: [&str; 10] = [
        "本意见",
        "本通知",
        "本方案",
        "本办法",
        "本措施",
        "本决定",
        "本规划",
        "本计划",
        "本实施意见",
        "本指导意见",
    ];
    text.len() <= 4 * 200
        && text.ends_with(['。', '！'])
        && !text.contains('\n')
        && SELF.iter().any(|w| text.contains(w))
        && charged_subject(text).is_some_and(is_recipients)
        && at_most_chars(text, 200)
}

/// Whether `full` is the full name of the government organ `short` names by its short form,
/// as 江苏's titles print it: `省政府` for `江苏省人民政府`, `省政府办公厅` for
/// `江苏省人民政府办公厅`, `市政府办公室` for `南京市人民政府办公室` — the level (`省`, `市`,
/// `县`, `区`, `州`, `自治区`) then `政府` and the rest, where the full name has a place before
/// the level and `人民政府`. The Party committee's organs likewise: `市委办公室` for
/// `中共绵阳市委办公室`, `省委` for `中国共产党某某省委员会`, `自治区党委办公厅` for
/// `中共某某自治区委员会办公厅` — the level then `委` (or `党委`) and the rest, where the full
/// name is `中共` (or `中国共产党`), a place, the level and `委` (or `委员会`). One organ only: a
/// joint signature (`、`) is not asked.
fn expands_short_organ(short: &str, full: &str) -> bool {
    const LEVELS: [&str; 6] = ["自治区", "省", "市", "县", "区", "州"];
    let Some((level, party, office)) = LEVELS.iter().find_map(|l| {
        let r = short.strip_prefix(l)?;
        if let Some(office) = r.strip_prefix("政府") {
            return Some((*l, false, office));
        }
        r.strip_prefix("党委")
            .or_else(|| r.strip_prefix('委'))
            .map(|office| (*l, true, office))
    }) else {
        return false;
    };
    if full.contains(['、', '\n']) || !at_most_chars(full, 30) {
        return false;
    }
    let Some(organ) = full.strip_suffix(office) else {
        return false;
    };
    let placed = if party {
        ["中共", "中国共产党"]
            .iter()
            .find_map(|p| organ.strip_prefix(p))
            .and_then(|r| r.strip_suffix("委员会").or_else(|| r.strip_suffix('委')))
    } else {
        organ.strip_suffix("人民政府")
    };
    placed
        .and_then(|r| r.strip_suffix(level))
        .is_some_and(|place| !place.is_empty() && place.chars().all(crate::normalize::is_han))
}

/// Whether the organs a title names before its `关于` (`市委办公室 市政府办公室`, or joined by
/// `、`) are the head's `names` (`中共某某市委办公室`, `某某市人民政府办公室`) in the same order,
/// each by its short form ([`expands_short_organ`]) or in full, and at least one by its short
/// form. `省政府` under `江苏省人民政府` is one organ so named.
fn short_forms_of(lead: &str, names: &[&str]) -> bool {
    let mut shorts = lead.split([' ', '、']).filter(|s| !s.is_empty());
    let mut any_short = false;
    for name in names {
        let Some(short) = shorts.next() else {
            return false;
        };
        if expands_short_organ(short, name) {
            any_short = true;
        } else if short != *name {
            return false;
        }
    }
    any_short && shorts.next().is_none()
}

/// The organs a line names set apart by spaces, or by `、` as normalization joins them
/// (`甲办公厅 乙办公厅`, a joint 发文机关标志 on one line): two or more pieces, each an organ's
/// name. `None` for any other line.
fn organs_set_apart(line: &str) -> Option<Vec<&str>> {
    let pieces: Vec<&str> = line.split([' ', '、']).collect();
    (pieces.len() > 1 && pieces.iter().all(|n| is_organ_line(n))).then_some(pieces)
}

/// Whether `issuer` counts organs instead of naming them, as a joint notice's headline does:
/// `十部门`, `两部委`, `12部门`, `工业和信息化部等十部门` — a number (Chinese numerals or digits)
/// then 部门, 部委 or 单位, and before it nothing or a name ending in `等`.
fn is_count_of_organs(issuer: &str) -> bool {
    let Some(rest) = ["部门", "部委", "单位"]
        .iter()
        .find_map(|w| issuer.strip_suffix(w))
    else {
        return false;
    };
    let head = rest.trim_end_matches(|c: char| {
        c.is_ascii_digit() || c == '两' || crate::numbering::is_cn_numeral(c)
    });
    head.len() < rest.len() && (head.is_empty() || head.ends_with('等'))
}

/// An organ's line with the note of its seal after it, `某某市人民政府办公室（代章）`: the organ.
fn without_seal_mark(text: &str) -> Option<&str> {
    let organ = text.strip_suffix(['）', ')'])?;
    let open = organ.rfind(['（', '('])?;
    let (organ, mark) = organ.split_at(open);
    matches!(
        mark.trim_start_matches(['（', '(']),
        "代章" | "盖章" | "印章" | "公章" | "章" | "签章"
    )
    .then_some(organ.trim_end_ws())
}

/// The placeholder a published copy prints where the seal was: `（盖章）`, `(印章)`, or the
/// placeholders of a joint signature's seals printed side by side on one line
/// (`（印章）　　（印章）`, which normalization closes up to `（印章）（印章）`), one for each of up
/// to a dozen organs.
fn is_seal_placeholder(text: &str) -> bool {
    // (A byte check first: nearly every line opens otherwise.)
    if !text.starts_with(['（', '(']) || text.len() > 12 * (MAX_SIGNING_ORGANS + 1) {
        return false;
    }
    let one = |p: &str| {
        let mark = p
            .trim_start_matches(['（', '('])
            .trim_end_matches(['）', ')']);
        (p.len() <= 12 && matches!(mark, "盖章" | "印章" | "公章" | "章" | "签章"))
            || is_seal_by_proxy(mark)
    };
    text.split_inclusive(['）', ')'])
        .map(|p| p.trim_ws())
        .filter(|p| !p.is_empty())
        .all(one)
}

/// The note of a seal one organ set for all the organs of a joint signature, printed under
/// their names: `代章` alone, or after the organ that sealed, by its short name (`市委办公室代章`,
/// `县委代章`, `中共某某县委办公室代章`) — Han characters only, up to a long organ's name.
fn is_seal_by_proxy(mark: &str) -> bool {
    mark.strip_suffix("代章").is_some_and(|organ| {
        at_most_chars(organ, 24) && organ.chars().all(crate::normalize::is_han)
    })
}

/// The note a signature page prints over the signature when no text of the letter is left to
/// stand on it: `（此页无正文）` (GB/T 9704-2012 7.3.5.4), also with round ASCII brackets. It is
/// layout, no text of the letter's.
fn is_no_text_note(text: &str) -> bool {
    text.starts_with(['（', '('])
        && matches!(
            text.trim_start_matches(['（', '('])
                .trim_end_matches(['）', ')'])
                .trim_ws(),
            "此页无正文" | "本页无正文"
        )
}

/// What separates the items of a 主送机关 or 抄送机关 list.
const ADDRESSEE_SEPARATORS: &[char] = &['，', ',', '；', ';'];

/// `某政〔2023〕15号签发人：张某某` → (`某政〔2023〕15号`, the names after `签发人：`), split on
/// `、`/`，`; `(text, None)` for a line without a 签发人 label followed by names.
fn split_signers(text: &str) -> (&str, Option<Vec<String>>) {
    let Some(at) = text.find("签发人") else {
        return (text, None);
    };
    let names = text[at + "签发人".len()..].trim_start_matches(['：', ':']);
    let names: Vec<String> = split_top_level(names, &['、', '，', ','])
        .into_iter()
        .filter(|n| !n.is_empty())
        .collect();
    if names.is_empty()
        || names
            .iter()
            .any(|n| char_len(n) > 8 || has_sentence_punct(n))
    {
        return (text, None);
    }
    (text[..at].trim_end_ws(), Some(names))
}

/// Reads the 签发人 of a joint 上行文 printed one a line under the first (GB/T 9704-2012
/// 7.2.4: `某政〔2024〕45号　签发人：张　伟` / `王晓东`, aligned under its name) into `signers`,
/// from block `k`: each line that is a person's name alone, up to as many as organs sign a
/// joint text. Returns the index of the first block after them.
fn more_signers(blocks: &[&Block], mut k: usize, signers: &mut Vec<String>) -> usize {
    while signers.len() < MAX_SIGNING_ORGANS
        && let Some(Block::Para(p)) = blocks.get(k)
        && is_personal_name(&p.text)
        && !ends_like_title(&p.text)
        && !is_head_mark(&p.text)
        && !is_organ_line(&p.text)
    {
        signers.push(p.text.clone());
        k += 1;
    }
    k
}

/// What a line of the 版记 (the colophon under the last page) records.
enum Colophon<'a> {
    /// `抄送：A，B。` (also 抄报, 分送, 发送): the list after the label.
    CopiedTo(&'a str),
    /// `主送：A，B。` (also 主送机关): the 主送机关 a long list moves into the 版记, above 抄送
    /// (GB/T 9704-2012 7.2.4): the list after the label.
    MainTo(&'a str),
    /// `某某办公室 2022年5月7日印发`: the organ and the date.
    Printed(Option<&'a str>, (i32, u32, u32)),
    /// `主题词：…` (before 2012): nothing kept.
    Keywords,
    /// `（共印120份）`: the print run at the foot of the 版记, nothing kept.
    PrintRun,
}

/// The list of a 主送机关 printed with its label (`主送：各区人民政府，市政府各部门。`,
/// `主送机关：…`), as the 版记 prints a long one and older notices print it under their number;
/// `None` for a line without the label or with nothing after it.
fn addressee_label(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("主送")?;
    let rest = rest.strip_prefix("机关").unwrap_or(rest);
    let list = rest.strip_prefix(['：', ':'])?.trim_ws();
    (!list.is_empty()).then_some(list)
}

/// Reads a line of the 版记.
fn colophon_line(text: &str) -> Option<Colophon<'_>> {
    const LIST_LABELS: [&str; 4] = ["抄送", "抄报", "分送", "发送"];
    for label in LIST_LABELS {
        if let Some(rest) = text.strip_prefix(label)
            && let Some(list) = rest.strip_prefix(['：', ':'])
        {
            return Some(Colophon::CopiedTo(list));
        }
    }
    if let Some(list) = addressee_label(text) {
        return Some(Colophon::MainTo(list));
    }
    if text.starts_with("主题词") && text["主题词".len()..].starts_with(['：', ':']) {
        return Some(Colophon::Keywords);
    }
    if is_print_run(text) {
        return Some(Colophon::PrintRun);
    }
    let dated = text.strip_suffix("印发")?;
    if char_len(dated) > 60 {
        return None;
    }
    let (start, date) = find_date(dated)?;
    let organ = dated[..start].trim_ws();
    if organ.is_empty() {
        return Some(Colophon::Printed(None, date));
    }
    is_organ_line(organ).then_some(Colophon::Printed(Some(organ), date))
}

/// The print run under the 印发 line (`（共印120份）`, `共印 120 份`, `（共印二百份）`): 共印, a
/// count of 1 to 6 digits or up to 5 numerals, and 份, in brackets or not.
fn is_print_run(text: &str) -> bool {
    let Some(count) = text
        .strip_prefix('（')
        .and_then(|t| t.strip_suffix('）'))
        .unwrap_or(text)
        .strip_prefix("共印")
        .and_then(|t| t.strip_suffix('份'))
    else {
        return false;
    };
    let count = count.trim_ws();
    ascii_digits(count, 6).is_some()
        || chars_of(count, 5, |c| {
            numbering::NUMERALS_TO_TEN.contains(&c) || matches!(c, '百' | '千' | '万' | '零')
        })
        .is_some()
}

/// Whether `block` is a line of the 版记.
fn is_colophon(block: &Block) -> bool {
    matches!(block, Block::Para(p) if is_colophon_text(&p.text))
}

/// Whether `text` is a line of the 版记 (`抄送：…`, `某某办公室 2022年5月7日印发`).
pub(crate) fn is_colophon_text(text: &str) -> bool {
    colophon_line(text).is_some()
}

/// Whether `cur` carries on the 抄送 list of `prev`, which ends with a separator
/// (`抄送：市委办公室，市人大常委会办公室，` / `市纪委监委，市法院。`): a line of short names.
fn continues_copied_to(prev: &Block, cur: &Block) -> bool {
    let (Block::Para(prev), Block::Para(cur)) = (prev, cur) else {
        return false;
    };
    let list = cur.text.trim_end_matches(['。', '.']);
    // The 版记 prints each group of a long list as a sentence of its own, the next one on the
    // line under it (`抄送：省委各部门，省军区。` / `省人大常委会办公厅，省政协办公厅，省法院。`):
    // after a `。`, a line that is a list of names closed by its own `。` carries on.
    let open = prev.text.ends_with(['，', '、', ',', '；']);
    let next_group = !open
        && prev.text.ends_with('。')
        && cur.text.ends_with('。')
        && list.contains(['，', '；']);
    (open || next_group)
        && matches!(
            colophon_line(&prev.text),
            Some(Colophon::CopiedTo(_) | Colophon::MainTo(_))
        )
        && !list.is_empty()
        && split_top_level(list, ADDRESSEE_SEPARATORS)
            .iter()
            .all(|x| (2..=25).contains(&char_len(x)) && !x.contains(['。', '：', ':']))
}

/// How many blocks at the start of `blocks` are the 版记: its lines, and the lines a 抄送
/// list runs on to.
fn colophon_len(blocks: &[&Block]) -> usize {
    let mut n = 0;
    while n < blocks.len()
        && (is_colophon(blocks[n]) || (n > 0 && continues_copied_to(blocks[n - 1], blocks[n])))
    {
        n += 1;
    }
    n
}

/// Where the 版记 that closes `blocks` starts (`blocks.len()` when there is none).
fn colophon_start(blocks: &[&Block]) -> usize {
    let mut end = blocks.len();
    while end > 0 {
        if is_colophon(blocks[end - 1])
            || (end >= 2 && continues_copied_to(blocks[end - 2], blocks[end - 1]))
        {
            end -= 1;
        } else {
            break;
        }
    }
    end
}

/// `市政府有关部门（单位）` → `市政府有关部门`.
fn strip_trailing_paren(s: &str) -> &str {
    match s.strip_suffix('）') {
        Some(inner) => inner.rfind('（').map_or(s, |p| &inner[..p]),
        None => s,
    }
}

/// A signer printed with the office held: `总理李克强` (spaces already removed by normalization),
/// `市长：王建华`, an acting or regional office (`代省长王某某`, `自治区主席艾力·某某`), and a name
/// left out of a published copy (`省长王××`).
fn is_signer_line(s: &str) -> bool {
    let n = char_len(s);
    if !(3..=20).contains(&n) {
        return false;
    }
    SIGNER_TITLES.iter().any(|t| {
        s.find(t).is_some_and(|at| {
            let name = &s[at + t.len()..];
            // The name after a colon, or after the space that parts it from the office.
            let name = name.strip_prefix(['：', ':', ' ']).unwrap_or(name);
            is_office_prefix(&s[..at]) && is_personal_name(name)
        })
    })
}

/// A signer's line with its office and name parted by a space, as the signature gives them:
/// `省长王凯` (the office and the name both letter-spaced, `省　长　　王　凯`, which normalization
/// closes up, or printed in one piece) gives `省长 王凯`, as `省长　王凯` reads. A line already
/// parted (`省长 王凯`, `市长：王建华`), and any line that is not a signer's, is as it was.
fn spaced_signer(s: &str) -> Cow<'_, str> {
    if !is_signer_line(s) {
        return Cow::Borrowed(s);
    }
    for t in SIGNER_TITLES {
        if let Some(at) = s.find(t) {
            let end = at + t.len();
            if is_office_prefix(&s[..at]) && is_personal_name(&s[end..]) {
                return Cow::Owned(format!("{} {}", &s[..end], &s[end..]));
            }
        }
    }
    Cow::Borrowed(s)
}

/// How many lines at the end of `blocks` (the letter, from its first line after the head) sign
/// it without a date: the issuer's name alone on the last line (`某某市人民政府`, under a notice
/// `某某市人民政府关于……`), or a joint issuer's organs one a line, each one of the names
/// `issuer` joins with `、`. A letter's text must stand above them; a line that names any other
/// organ, or names one twice, is no signature, and 0 is returned.
fn undated_signature(blocks: &[&Block], issuer: &str) -> usize {
    // (A byte check first: a letter's last line is nearly never its issuer's name.)
    let Some(Block::Para(last)) = blocks.last() else {
        return 0;
    };
    if !issuer.ends_with(last.text.as_str()) && !issuer.contains('、') {
        return 0;
    }
    let names: Vec<&str> = issuer.split('、').collect();
    let mut seen: Vec<&str> = Vec::with_capacity(names.len());
    for blk in blocks.iter().rev() {
        let Block::Para(p) = blk else { break };
        if seen.len() == names.len()
            || !names.contains(&p.text.as_str())
            || seen.contains(&p.text.as_str())
            || !is_organ_line(&p.text)
        {
            break;
        }
        seen.push(&p.text);
    }
    // The line above must end the letter's text: not a list's introduction (`…由以下单位负责：`)
    // nor another organ of a list of units, which the issuer's name would close as its last item.
    let above = blocks.len().checked_sub(seen.len() + 1).map(|k| blocks[k]);
    match above {
        Some(Block::Para(p)) if p.text.ends_with(['：', ':']) || is_organ_line(&p.text) => 0,
        Some(_) => seen.len(),
        None => 0,
    }
}

/// What may stand before an office's title in a signature: nothing, `代` (an acting head), or the
/// place or organ the office belongs to (`国务院`, `自治区`, `自治区人民政府`).
fn is_office_prefix(prefix: &str) -> bool {
    let prefix = prefix.strip_prefix('代').unwrap_or(prefix);
    prefix.is_empty()
        || (!prefix.starts_with('各')
            && prefix.chars().all(crate::normalize::is_han)
            && ((at_most_chars(prefix, 7)
                && prefix.ends_with(['院', '区', '省', '市', '县', '州', '府', '旗', '盟']))
                // A ministry, commission or bureau whose head signs a joint order
                // (`商务部部长`, `海关总署署长`, `中国人民银行行长`).
                || (at_most_chars(prefix, 16)
                    && prefix.ends_with(['部', '署', '委', '局', '行', '厅', '会']))))
}

/// An office alone, as a signature prints it over the holder's name on the line below
/// (`代省长` / `吴某某`) or before it on one line: a title of [`SIGNER_TITLES`] after what may
/// stand before one ([`is_office_prefix`]).
fn is_office(s: &str) -> bool {
    SIGNER_TITLES
        .iter()
        .any(|t| s.strip_suffix(t).is_some_and(is_office_prefix))
}

/// The signers of a joint order printed side by side on one line, each office and name set
/// apart by spaces (`商务部部长 王某某 海关总署署长 俞某某`, normalization keeping the spaces between
/// words): each signer as `office name`, two or more of them. `None` for any other line.
fn signers_side_by_side(s: &str) -> Option<Vec<String>> {
    // (A byte check first: a signature line is short and has a space inside.)
    if s.len() > 3 * 60 || !s.contains(' ') {
        return None;
    }
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    let mut signers = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if i + 1 < words.len() && is_office(words[i]) && is_personal_name(words[i + 1]) {
            signers.push(format!("{} {}", words[i], words[i + 1]));
            i += 2;
        } else if is_signer_line(words[i]) {
            signers.push(spaced_signer(words[i]).into_owned());
            i += 1;
        } else {
            return None;
        }
    }
    (signers.len() >= 2 && signers.len() <= MAX_SIGNING_ORGANS).then_some(signers)
}

/// A person's name as a signature prints it: two to four Han characters, a name of several
/// parts set apart by a middle dot (`艾力·某某`), or one whose characters a published copy
/// replaces by a placeholder (`王××`, `×××`, `王某某`).
fn is_personal_name(name: &str) -> bool {
    const PLACEHOLDERS: [char; 6] = ['×', 'X', 'x', '*', '＊', '○'];
    const DOTS: [char; 4] = ['·', '・', '•', '‧'];
    let in_name = |c: char| crate::normalize::is_han(c) || PLACEHOLDERS.contains(&c);
    let n = char_len(name);
    if name.contains(DOTS) {
        n <= 12
            && name
                .split(DOTS)
                .all(|p| !p.is_empty() && p.chars().all(in_name))
    } else {
        (2..=4).contains(&n) && name.chars().all(in_name)
    }
}

/// The head of an order (令): the issuer's name and `令` (`中华人民共和国国务院令`,
/// `某某省人民政府令`). Returns the issuer.
fn order_head(s: &str) -> Option<&str> {
    s.strip_suffix('令')
        .filter(|organ| !organ.ends_with('命') && is_organ_line(organ))
}

/// An order's number printed with `令` after it, on a line of its own under the organ or the
/// order's head: `第389号令` (agency empty: the head gives it). `None` for any other text.
fn order_number(text: &str) -> Option<DocNumber> {
    let number = text.strip_suffix('令')?;
    if !number.starts_with('第') {
        return None;
    }
    let mut n = parse_doc_number(number).filter(|n| n.agency.is_empty())?;
    n.raw = text.to_string();
    Some(n)
}

/// A title without the note of its version in brackets at its end: `某某条例（2024年修订）`,
/// `（2023年修正）`, `（试行）`, `（暂行）`, `（修订草案）`, `（征求意见稿）`, `（2024年版）` → `某某条例`. Any
/// other title is returned whole.
fn without_version_note(title: &str) -> &str {
    const NOTES: [&str; 8] = [
        "修订",
        "修正",
        "试行",
        "暂行",
        "草案",
        "征求意见稿",
        "版",
        "本",
    ];
    let Some(inner_end) = title.strip_suffix('）') else {
        return title;
    };
    match inner_end.rfind('（') {
        Some(open)
            if at_most_chars(&inner_end[open..], 13)
                && NOTES.iter().any(|n| inner_end.ends_with(n)) =>
        {
            &title[..open]
        }
        _ => title,
    }
}

/// Whether `title` is a meeting's 纪要's (`紀要` in traditional script).
pub(crate) fn is_minutes_title(title: &str) -> bool {
    title.ends_with("纪要") || title.ends_with("紀要")
}

pub(crate) fn ends_like_title(s: &str) -> bool {
    TITLE_ENDINGS.iter().any(|e| s.ends_with(e))
}

/// Brackets and quotes that open a nesting level for [`split_top_level`].
const OPENERS: [char; 10] = ['（', '(', '《', '〈', '“', '【', '[', '〔', '「', '［'];
/// Brackets and quotes that close one.
const CLOSERS: [char; 10] = ['）', ')', '》', '〉', '”', '】', ']', '〕', '」', '］'];

/// The first UTF-8 byte of `c`.
const fn lead_byte(c: char) -> u8 {
    let c = c as u32;
    let b = if c < 0x80 {
        c
    } else if c < 0x800 {
        0xC0 | (c >> 6)
    } else if c < 0x1_0000 {
        0xE0 | (c >> 12)
    } else {
        0xF0 | (c >> 18)
    };
    b as u8
}

/// First bytes of the [`OPENERS`] and [`CLOSERS`].
const BRACKET_LEADS: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < OPENERS.len() {
        t[lead_byte(OPENERS[i]) as usize] = true;
        t[lead_byte(CLOSERS[i]) as usize] = true;
        i += 1;
    }
    t
};

/// The separators in `seps` that stand outside any bracket or quote, with their byte offsets.
fn top_level_separators<'a>(
    text: &'a str,
    seps: &'a [char],
) -> impl Iterator<Item = (usize, char)> + 'a {
    // Only characters whose first byte is the first byte of a bracket or a separator can matter;
    // every other character (nearly all Han) is skipped a byte at a time without decoding.
    let mut interesting = BRACKET_LEADS;
    for &c in seps {
        interesting[usize::from(lead_byte(c))] = true;
    }
    let mut depth: i32 = 0;
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(at) {
            if !interesting[usize::from(b)] {
                // A whole character at a time: `at` stays on a character boundary.
                at += utf8_len(b);
                continue;
            }
            let c = text.get(at..)?.chars().next()?;
            let here = at;
            at += c.len_utf8();
            if OPENERS.contains(&c) {
                depth += 1;
            } else if CLOSERS.contains(&c) {
                depth = (depth - 1).max(0);
            } else if depth == 0 && seps.contains(&c) {
                return Some((here, c));
            }
        }
        None
    })
}

/// The length of the UTF-8 character that starts with byte `b` (1 for a byte that starts none,
/// which valid text never has at a character boundary).
fn utf8_len(b: u8) -> usize {
    match b {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Splits `text` on the separators in `seps` that stand outside any bracket or quote.
pub fn split_top_level(text: &str, seps: &[char]) -> Vec<String> {
    top_level_pieces(text, seps).map(str::to_string).collect()
}

/// `split_top_level(text, seps).len()`, without making the pieces.
pub fn count_top_level(text: &str, seps: &[char]) -> usize {
    top_level_pieces(text, seps).count()
}

/// The pieces of `text` between its top-level separators, trimmed, the empty ones left out.
pub(crate) fn top_level_pieces<'a>(
    text: &'a str,
    seps: &'a [char],
) -> impl Iterator<Item = &'a str> + 'a {
    let mut cuts = top_level_separators(text, seps);
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        let piece = match cuts.next() {
            Some((at, c)) => {
                start = Some(at + c.len_utf8());
                text.get(from..at)
            }
            None => {
                start = None;
                text.get(from..)
            }
        };
        Some(piece.unwrap_or_default().trim_ws())
    })
    .filter(|p| !p.is_empty())
}

/// Everything the builder collected while reading, before the parts are assembled.
struct Builder {
    doc: Document,
    /// Table grids moved out of the block stream, keyed by the address of their (now empty)
    /// block, so each grid is moved into the model instead of copied.
    tables: std::collections::HashMap<usize, Option<Table>>,
    notes: Vec<(String, usize)>,
    /// Contact lines of the 附注 (`联系人：…`), without their brackets.
    contacts: Vec<String>,
    /// Source line of each entry of `doc.notice.attachments`.
    attachment_lines: Vec<usize>,
    /// The titles in `doc.notice.attachments` as [`title_key`]s, so that a file the page links
    /// twice (or links and lists) is listed once, and an attachment's page headed `附件：X` is
    /// known, without comparing each line with every entry: a page of thousands of links would
    /// cost millions of comparisons.
    attachment_titles: rustc_hash::FxHashSet<String>,
    /// The position in `doc.notice.attachments` of the first entry numbered so, so that a
    /// page of thousands of numbered file links (`附件N．某某清单.docx`) looks each number up
    /// instead of searching the list for it.
    attachment_numbers: rustc_hash::FxHashMap<u32, usize>,
    /// Title keys of listed attachments the page links as files (`附件下载：1.X.docx` for `1．X`).
    linked_titles: rustc_hash::FxHashSet<String>,
    /// The 附件说明 of an enclosed document, printed after its numbered text: its lines as
    /// printed and the line it starts on. The enclosure's, not the letter's: it closes that
    /// part.
    own_lists: Vec<(usize, Vec<String>)>,
}

impl Builder {
    fn diag(
        &mut self,
        severity: Severity,
        code: &str,
        message: impl Into<String>,
        line: Option<usize>,
    ) {
        self.doc
            .diagnostics
            .push(Diagnostic::new(severity, code, message, line));
    }

    /// Records the 版记 lines among `blocks` (each one [`is_colophon`]).
    fn read_colophon(&mut self, blocks: &[&Block]) {
        // The names a 主送 or 抄送 list (or the line it runs on to) gives.
        let names = |list: &str| {
            split_top_level(list.trim_end_matches(['。', '.']), ADDRESSEE_SEPARATORS)
                .into_iter()
                .filter(|x| !x.is_empty())
                .flat_map(split_named_organs)
        };
        // Whether the list running on is the 主送 list rather than a 抄送 one.
        let mut main_to = false;
        for (k, blk) in blocks.iter().enumerate() {
            let Block::Para(p) = blk else { continue };
            if k > 0 && continues_copied_to(blocks[k - 1], blk) {
                let list = names(&p.text);
                if main_to {
                    self.doc.notice.addressees.extend(list);
                } else {
                    self.doc.notice.copied_to.extend(list);
                }
                continue;
            }
            let line = colophon_line(&p.text);
            main_to = matches!(line, Some(Colophon::MainTo(_)));
            match line {
                Some(Colophon::CopiedTo(list)) => {
                    self.doc.notice.copied_to.extend(names(list));
                }
                Some(Colophon::MainTo(list)) => {
                    self.doc.notice.addressees.extend(names(list));
                }
                Some(Colophon::Printed(organ, (y, m, d))) => {
                    if let Some(organ) = organ {
                        self.doc.notice.printed_by = Some(organ.to_string());
                    }
                    if is_real_date(y, m, d) {
                        self.doc.notice.printed_on = Some(iso_date(y, m, d));
                    } else {
                        self.diag(
                            Severity::Warning,
                            "invalid_date",
                            format!("印发日期 in `{}` is not a real date", p.text),
                            Some(p.line),
                        );
                    }
                }
                Some(Colophon::Keywords | Colophon::PrintRun) | None => {}
            }
        }
    }

    /// An attachment published as a file of its own, named by a line of the page
    /// (`附件下载：某某计划表.pdf`, `某某计划表.xlsx`, `附件1：某某表.xlsx`): its number, when its
    /// label gives one, and its file name.
    fn attachment_file<'a>(text: &'a str) -> Option<(Option<u32>, &'a str)> {
        // Its size, download count or a download prompt printed after it are no part of it.
        let text = file_name_before_trailer(text)?;
        let labelled = ["附件下载", "下载附件", "相关附件", "附件"]
            .iter()
            .find_map(|l| text.strip_prefix(l)?.strip_prefix(['：', ':']));
        // `附件：附件1：某某表.xlsx`: the file's own label gives the number.
        let numbered = |text: &'a str| match numbered_attachment_head(text) {
            Some((label, title)) => (
                label
                    .strip_prefix("附件")
                    .and_then(numbering::parse_cn_number),
                title,
            ),
            None => (None, text.trim_ws()),
        };
        let (index, name) = match labelled {
            Some(rest) => numbered(rest.trim_ws()),
            None => numbered(text),
        };
        // Files listed by number (`1.某某表.docx`): the number is the attachment's, not the
        // file's.
        let (index, name) = match list_item(name) {
            Some((number, file)) if index.is_none() && is_file_name(file) => {
                (number.parse().ok(), file.trim_ws())
            }
            _ => (index, name),
        };
        is_file_name(name).then_some((index, name))
    }

    /// Whether the file `name` (`浙政发〔2024〕3号.pdf`, `某某关于……的通知.pdf`) is the notice
    /// itself, named by its 发文字号 or its title, as portals offer the document for download.
    fn is_own_file(&self, name: &str) -> bool {
        let stem = title_key(linked_title(name));
        let n = &self.doc.notice;
        n.doc_number
            .as_ref()
            .is_some_and(|d| title_key(&d.raw) == stem)
            || n.title.as_deref().is_some_and(|t| title_key(t) == stem)
    }

    /// Adds an entry to the notice's attachment list, read from source line `line`. A file's
    /// name (`某某任务分工.xlsx`, a link whose `href` gave the extension) lists the attachment
    /// under its title, as the page prints it (`某某任务分工`), published as a linked file.
    fn list_attachment(&mut self, index: Option<u32>, title: String, line: usize) {
        let title = match file_stem(&title) {
            Some(stem) => {
                self.linked_titles.insert(title_key(stem));
                stem.to_string()
            }
            None => title,
        };
        self.attachment_titles.insert(title_key(&title));
        if let Some(n) = index {
            self.attachment_numbers
                .entry(n)
                .or_insert(self.doc.notice.attachments.len());
        }
        self.doc.notice.attachments.push(AttachmentRef {
            index,
            title,
            omitted: None,
        });
        self.attachment_lines.push(line);
    }

    /// Adds `line` to the title of the attachment listed last when it is the rest of that title
    /// (see [`continues_attachment_title`]); whether it did.
    fn continue_attachment_title(&mut self, line: &str) -> bool {
        let Some(last) = self.doc.notice.attachments.last_mut() else {
            return false;
        };
        // A file's name is whole (its extension ended it).
        if !continues_attachment_title(&last.title, line)
            || self.linked_titles.contains(&title_key(&last.title))
        {
            return false;
        }
        self.attachment_titles.remove(&title_key(&last.title));
        last.title.push_str(line);
        self.attachment_titles.insert(title_key(&last.title));
        true
    }

    /// Takes the note and attachment-list paragraphs out of a run of blocks.
    /// Takes the lines of a contact (see [`is_contact_line`]) into the note.
    fn take_contact(&mut self, blocks: &[&Block]) {
        for blk in blocks {
            if let Block::Para(p) = blk {
                self.contacts.push(strip_parens(&p.text));
            }
        }
    }

    ///
    /// After the letter (`after_letter`), a 附件说明 printed under an enclosed regulation's
    /// articles (`第四条　本办法自印发之日起施行。` / `附件：某某申请表`) is that document's own: read
    /// as one, then taken back out of the notice's list into [`Builder::own_lists`].
    fn take_notes_and_lists<'a>(
        &mut self,
        blocks: &[&'a Block],
        after_letter: bool,
    ) -> Vec<&'a Block> {
        let mut out: Vec<&'a Block> = Vec::with_capacity(blocks.len());
        // Whether an enclosed regulation's articles stand before the block read.
        let mut enclosure_text = false;
        // An enclosed document's 附件说明 being read: where it starts in `blocks`, how many
        // entries the notice's list held before it, and its line.
        let mut own: Option<(usize, usize, usize)> = None;
        let mut i = 0;
        while i < blocks.len() {
            if let Some((from, listed, line)) = own.take() {
                self.set_own_list_apart(&blocks[from..i], listed, line);
            }
            let b = blocks[i];
            if after_letter && let Block::Para(p) = b {
                if enclosure_text
                    && (attachment_list(&p.text).is_some()
                        || p.text
                            .strip_prefix("附件")
                            .is_some_and(|c| c == "：" || c == ":"))
                {
                    own = Some((i, self.doc.notice.attachments.len(), p.line));
                }
                // A regulation's article (`第四条　本办法自印发之日起施行。`): the list under it
                // closes that document, whose articles cite its forms (`（见附件）`).
                enclosure_text |= p.text.starts_with('第')
                    && numbering::marker(&p.text).is_some_and(|m| m.kind == MarkerKind::Article);
            }
            if let Block::Para(p) = b {
                if is_note(&p.text) {
                    self.notes.push((strip_parens(&p.text), p.line));
                    i += 1;
                    continue;
                }
                // A contact right above the 附件说明 is the 附注's, as one right above the
                // signature is (unless the text before introduces it: `联系方式如下：`).
                let contact = leading_contact(&blocks[i..]);
                if contact > 0
                    && matches!(blocks.get(i + contact), Some(Block::Para(q)) if attachment_list(&q.text).is_some())
                    && !out.last().is_some_and(|b| {
                        matches!(b, Block::Para(q) if q.text.ends_with(['：', ':']) || q.text.contains("联系"))
                    })
                {
                    self.take_contact(&blocks[i..i + contact]);
                    i += contact;
                    continue;
                }
                // A download label alone over the files it offers (`附件下载：` / `某某表.pdf`):
                // page furniture, the files are read on their lines.
                if p.text
                    .strip_suffix(['：', ':'])
                    .is_some_and(|l| matches!(l, "附件下载" | "下载附件" | "相关附件"))
                    && matches!(blocks.get(i + 1), Some(Block::Para(q)) if Self::attachment_file(&q.text).is_some())
                {
                    i += 1;
                    continue;
                }
                if let Some((index, name)) = Self::attachment_file(&p.text) {
                    // A link that reads only a label (`附件下载：<a href="….xlsx">附件2</a>`) is
                    // the file of the attachment listed under that number; no title of its own.
                    // Also when the link's file name gave it one (`附件2：某某表.xlsx`, written
                    // so for `<a href="…/某某表.xlsx">附件2</a>`): the listed one's title stands.
                    let number = bare_label_number(name);
                    if let Some(n) = number.or(index.filter(|_| {
                        !self
                            .attachment_titles
                            .contains(&title_key(linked_title(name)))
                    })) {
                        let listed = &self.doc.notice.attachments;
                        let only = match listed.as_slice() {
                            [a] if n == 1 && a.index.is_none() => Some(a),
                            _ => None,
                        };
                        let numbered = self
                            .attachment_numbers
                            .get(&n)
                            .and_then(|&at| listed.get(at));
                        if let Some(a) = numbered.or(only) {
                            self.linked_titles.insert(title_key(&a.title));
                            i += 1;
                            continue;
                        }
                        // Listed nowhere (no 附件说明): the attachment the link publishes as a
                        // file, numbered and titled by its label alone.
                        if number.is_some() {
                            self.list_attachment(Some(n), name.to_string(), p.line);
                            i += 1;
                            continue;
                        }
                    }
                    // The notice's own file, named by its 发文字号 or its title (`附件：浙政发〔2024〕
                    // 3号.pdf`, a portal's download of the document itself): no attachment.
                    if self.is_own_file(name) {
                        i += 1;
                        continue;
                    }
                    // A file named as a listed attachment (its number and extension aside) is
                    // that attachment, published as a file; other files are listed once,
                    // however often the page links them.
                    let listed = title_key(linked_title(name));
                    if self.attachment_titles.contains(&listed) {
                        self.linked_titles.insert(listed);
                    } else if !self.attachment_titles.contains(&title_key(name)) {
                        self.list_attachment(index, name.to_string(), p.line);
                    }
                    i += 1;
                    continue;
                }
                // `附件1：X` / `附件2：Y`, one labelled title a line, closing the letter: its
                // 附件说明 written label by label.
                let labelled = labelled_attachment_lines(&blocks[i..]);
                if !labelled.is_empty() && i + labelled.len() == blocks.len() {
                    for (index, title, line) in labelled {
                        self.list_attachment(Some(index), title.to_string(), line);
                    }
                    break;
                }
                // `附件1：X` naming a listed attachment heads its page, as `附件：X` does.
                if numbered_attachment_head(&p.text)
                    .is_some_and(|(_, t)| self.attachment_titles.contains(&title_key(t)))
                {
                    out.push(b);
                    i += 1;
                    continue;
                }
                if let Some(list) =
                    attachment_list(&p.text).or_else(|| short_attachment_list(&p.text))
                {
                    let first = list.trim_ws().to_string();
                    // Under the letter, `附件：X` naming an attachment the letter listed heads that
                    // attachment's page (label and title on one line): left for [`segments`].
                    if self.attachment_titles.contains(&title_key(&first)) {
                        out.push(b);
                        i += 1;
                        continue;
                    }
                    if let Some((number, text)) = list_item(&first) {
                        // `附件：1．X 2．Y` on one line (the space between lost to normalization).
                        let mut index: Option<u32> = number.parse().ok();
                        for title in split_run_on_items(text, index) {
                            self.list_attachment(index, title.trim_ws().to_string(), p.line);
                            index = index.map(|n| n + 1);
                        }
                        i = self.list_numbered_lines(blocks, i + 1);
                    } else if let Some(m) = numbering::marker(&first).filter(|m| {
                        m.number == 1
                            && matches!(
                                m.kind,
                                MarkerKind::CnComma | MarkerKind::CnParen | MarkerKind::ArabicParen
                            )
                    }) {
                        // `附件：一、X` / `二、Y`, `附件：（1）X` / `（2）Y`: numbered as items of an
                        // outline are.
                        let title = first.get(m.len..).unwrap_or_default().trim_ws();
                        self.list_attachment(Some(1), title.to_string(), p.line);
                        i = self.list_marked_lines(blocks, i + 1, m.kind);
                    } else {
                        self.list_attachment(None, first, p.line);
                        i += 1;
                    }
                    continue;
                }
                // `附表：1．X` / `2．Y`: the schedules a plan closes with, labelled `附表1`, `附表2`
                // over their pages, listed as a 附件说明 lists attachments.
                if p.text.starts_with("附表")
                    && let Some((number, text)) = schedule_list(&p.text).and_then(list_item)
                    && number == "1"
                {
                    let mut index = Some(1);
                    for title in split_run_on_items(text, index) {
                        self.list_attachment(index, title.trim_ws().to_string(), p.line);
                        index = index.map(|n| n + 1);
                    }
                    i = self.list_numbered_lines(blocks, i + 1);
                    continue;
                }
                // `附表：X`, a plan's one schedule listed without a number: as `附件：X` is (not
                // a table's caption right over it).
                if p.text.starts_with("附表")
                    && !matches!(blocks.get(i + 1), Some(Block::Table(_)))
                    && let Some(title) = schedule_list(&p.text)
                    && list_item(title).is_none()
                    && at_most_chars(title, 80)
                    && !has_sentence_punct(title)
                {
                    self.list_attachment(None, title.to_string(), p.line);
                    i += 1;
                    continue;
                }
                // `附件：` alone, over its list one numbered title a line (`1．X` / `2．Y`). An
                // attachment's page may be labelled `附件：` too, but over its title, not a list.
                if p.text.strip_prefix("附件").is_some_and(|c| c == "：" || c == ":")
                    && let Some(list) = blocks.get(i + 1..i + 3)
                    && list.iter().zip(1..).all(|(blk, n)| {
                        matches!(blk, Block::Para(q) if list_item(&q.text).is_some_and(|(number, title)| {
                            number.parse() == Ok(n) && !title.ends_with(['。', '：', ':', '；', ';'])
                                && at_most_chars(title, 80)
                        }))
                    })
                {
                    if let Some(Block::Para(q)) = blocks.get(i + 1)
                        && let Some((_, title)) = list_item(&q.text)
                    {
                        self.list_attachment(Some(1), title.trim_ws().to_string(), q.line);
                    }
                    i = self.list_numbered_lines(blocks, i + 2);
                    continue;
                }
            }
            out.push(b);
            i += 1;
        }
        if let Some((from, listed, line)) = own.take() {
            self.set_own_list_apart(&blocks[from..], listed, line);
        }
        out
    }

    /// Takes the entries an enclosed document's 附件说明 (`blocks`, from its line `line` on)
    /// added to the notice's list after its first `listed` back out of it, into
    /// [`Builder::own_lists`] with the list's lines as printed.
    fn set_own_list_apart(&mut self, blocks: &[&Block], listed: usize, line: usize) {
        if self.doc.notice.attachments.len() <= listed {
            return;
        }
        for a in &self.doc.notice.attachments[listed..] {
            if let Some(n) = a.index
                && self
                    .attachment_numbers
                    .get(&n)
                    .is_some_and(|&at| at >= listed)
            {
                self.attachment_numbers.remove(&n);
            }
        }
        self.doc.notice.attachments.truncate(listed);
        self.attachment_lines.truncate(listed);
        let lines = blocks
            .iter()
            .filter_map(|blk| blk.para_text().map(str::to_string))
            .collect();
        self.own_lists.push((line, lines));
    }

    /// The number the next attachment listed must carry: the last one's plus one.
    fn next_attachment_index(&self) -> Option<u32> {
        self.doc
            .notice
            .attachments
            .last()
            .and_then(|a| a.index)
            .map(|n| n + 1)
    }

    /// Lists the attachments that go on from `blocks[j]` numbered with markers of `kind` (`二、Y`,
    /// `（2）Y`, each the number after the last one listed): the index of the first block after
    /// them.
    fn list_marked_lines(&mut self, blocks: &[&Block], mut j: usize, kind: MarkerKind) -> usize {
        while let Some(Block::Para(q)) = blocks.get(j) {
            let expected = self.next_attachment_index();
            let Some(m) =
                numbering::marker(&q.text).filter(|m| m.kind == kind && Some(m.number) == expected)
            else {
                break;
            };
            let title = q.text.get(m.len..).unwrap_or_default().trim_ws();
            if title.is_empty() || !at_most_chars(title, 80) || title.ends_with('。') {
                break;
            }
            self.list_attachment(expected, title.to_string(), q.line);
            j += 1;
        }
        j
    }

    /// Lists the numbered attachments that go on from `blocks[j]` (`2．Y`, each the number after
    /// the last one listed, a title's rest under it): the index of the first block after them.
    fn list_numbered_lines(&mut self, blocks: &[&Block], mut j: usize) -> usize {
        while let Some(Block::Para(q)) = blocks.get(j) {
            // A title too long for its line goes on in the next, set in under
            // its first character (`2．某某重点任务` / `分工表`).
            if self.continue_attachment_title(&q.text) {
                j += 1;
                continue;
            }
            let Some((number, text)) = list_item(&q.text) else {
                // The next item numbered past what a list item's number may be (`1000．X`
                // after `999．Y`): the list is read up to it, and says so.
                if let Some(expected) = self.next_attachment_index()
                    && expected > MAX_LIST_NUMBER
                    && long_list_number(&q.text) == Some(expected)
                {
                    self.diag(
                        Severity::Warning,
                        "attachment_list_capped",
                        format!(
                            "the 附件说明 numbers its attachments past {MAX_LIST_NUMBER}: `{}` and the entries after it were not read as attachments (an entry's number has at most 3 figures)",
                            q.text
                        ),
                        Some(q.line),
                    );
                }
                break;
            };
            let index: Option<u32> = number.parse().ok();
            let expected = self.next_attachment_index();
            if index != expected {
                break;
            }
            self.list_attachment(index, text.trim_ws().to_string(), q.line);
            j += 1;
        }
        j
    }
}

/// Whether `line`, under the listed attachment `title`, is the rest of that title: a few words
/// with no punctuation, after a title that does not end as a title does, and nothing the list
/// may be followed by (the next item, the signing organ or person, a date, a note, a label).
fn continues_attachment_title(title: &str, line: &str) -> bool {
    // A title runs over two or three lines, not on and on (each line is added to it).
    title.len() <= 300
        && (1..=20).contains(&char_len(line))
        && !line.contains(['。', '，', '；', '：', ':', ',', ';'])
        && !line.starts_with(['（', '(', '〔', '【', '[', '［'])
        // A number starts an item, even one longer than an item's number may be (`1000．`) —
        // unless it closes a bracket the title left open (`某某方案（2022—` / `2025年）`).
        && (!line.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
            || (line.contains(['）', ')'])
                && title.matches(['（', '(']).count() > title.matches(['）', ')']).count()))
        && !ends_like_title(title)
        && list_item(line).is_none()
        && !numbering::has_marker(line)
        && !is_organ_line(line)
        && !is_signer_line(line)
        && find_date(line).is_none()
        && !is_attachment_label(line)
        && !is_note_text(line)
}

/// A contact line, the 附注 of a request or of a notice that asks for a reply:
/// `（联系人：张三，联系电话：023-12345678）`, `联系人：张三；电话：…`, `联系电话：…`.
fn is_contact_line(s: &str) -> bool {
    // Nearly every paragraph asked about is prose: its first characters tell, before anything
    // is copied or counted.
    let bare = s
        .strip_prefix('（')
        .or_else(|| s.strip_prefix('('))
        .unwrap_or(s);
    if !bare.starts_with("联系") {
        return false;
    }
    let inner = strip_parens(s);
    at_most_chars(&inner, 100)
        && ["联系人", "联系电话", "联系方式"].iter().any(|w| {
            inner.strip_prefix(w).is_some_and(|rest| {
                // `联系人：`, `联系人及电话：`: the label ends within a few characters.
                rest.chars().take(6).any(|c| matches!(c, '：' | ':'))
            })
        })
        // No sentence inside: a full stop, if any, ends it.
        && !inner.trim_end_matches('。').contains('。')
}

/// A line of a contact's details under its `联系人：张三` line: `电话：…`, `传真：…`, `邮箱：…`.
fn is_contact_detail(s: &str) -> bool {
    is_contact_line(s)
        || (at_most_chars(s, 60)
            && !s.contains('。')
            && [
                "电话",
                "办公电话",
                "手机",
                "传真",
                "邮箱",
                "电子邮箱",
                "电子信箱",
                "邮编",
                "地址",
                "联系地址",
            ]
            .iter()
            .any(|w| {
                s.strip_prefix(w)
                    .is_some_and(|r| r.starts_with(['：', ':']))
            }))
}

/// How many blocks at the end of the letter body (right above its signature) are a contact (a
/// `联系人` line and the lines of its details): none when a heading or a line ending in `：`
/// introduces them (`五、联系方式`, `五、其他事项`, `联系方式如下：`), which makes them text — not
/// the last numbered item when it is a sentence of its own.
fn trailing_contact(body: &[&Block]) -> usize {
    let details = body
        .iter()
        .rev()
        .take(4)
        .take_while(|blk| blk.para_text().is_some_and(is_contact_detail))
        .count();
    let tail = &body[body.len() - details..];
    let Some(start) = tail
        .iter()
        .position(|blk| blk.para_text().is_some_and(is_contact_line))
    else {
        return 0;
    };
    let n = details - start;
    let above = &body[..body.len() - n];
    // A numbered heading with nothing under it introduces them (`五、其他事项`); a numbered
    // item that says something of its own (`三、强化值班值守。严格执行……。`) does not: the
    // contact under the letter's last item is the letter's, not the item's.
    let introduced = above.last().and_then(|b| b.para_text()).is_some_and(|t| {
        (numbering::has_marker(t)
            && !t.contains('。')
            && !t.ends_with(['）', ')'])
            && !ends_attachment_list(above))
            || t.ends_with(['：', ':'])
            || t.contains("联系")
    });
    if introduced { 0 } else { n }
}

/// Whether `blocks` end with a 附件说明 whose entries stand one a line (`附件：1．X` / `2．Y`,
/// `附件：` / `1、X` / `2、Y`, a title wrapped onto a line of its own): its last entry is
/// numbered, but no heading over what follows it.
fn ends_attachment_list(blocks: &[&Block]) -> bool {
    /// Entries a list may have, and lines a title may wrap onto.
    const MAX_LINES: usize = 30;
    for blk in blocks.iter().rev().take(MAX_LINES) {
        let Some(t) = blk.para_text() else {
            return false;
        };
        if attachment_list(t).is_some() || short_attachment_list(t).is_some() {
            return true;
        }
        if is_attachment_label(t) {
            return t.ends_with(['：', ':']);
        }
        let wrapped = at_most_chars(t, 20)
            && !t.contains(['。', '，', '；', '：', ':', ',', ';'])
            && !numbering::has_marker(t);
        if list_item(t).is_none() && !wrapped {
            return false;
        }
    }
    false
}

/// The labels of a 政策解读's sign-off lines: who explains (`解读机关：某某厅`), and who
/// speaks for it (`解读人：张某某`).
const INTERPRETATION_LABELS: [&str; 8] = [
    "解读机关",
    "解读单位",
    "解读部门",
    "解读机构",
    "解读人",
    "解读专家",
    "文字解读",
    "政策解读人",
];

/// The value of a 政策解读's sign-off line (`解读人：张某某`, `解读机关：山东省工业和信息化厅`):
/// a label of [`INTERPRETATION_LABELS`], a colon, and a short value without a sentence in it.
fn interpretation_line(s: &str) -> Option<(&str, &str)> {
    if !s.starts_with(['解', '文', '政']) || !at_most_chars(s, 60) {
        return None;
    }
    let (label, value) = s.split_once(['：', ':'])?;
    let value = value.trim_ws();
    (INTERPRETATION_LABELS.contains(&label.trim_ws())
        && !value.is_empty()
        && !value.contains(['。', '；', '？']))
    .then_some((label.trim_ws(), value))
}

/// The organ a 政策解读's sign-off names as the one that explains: `解读机关：某某厅` (or
/// `解读单位：`, `解读部门：`, `解读机构：`) gives `某某厅`.
fn interpretation_organ(s: &str) -> Option<&str> {
    interpretation_line(s).and_then(|(label, value)| {
        (matches!(label, "解读机关" | "解读单位" | "解读部门" | "解读机构") && is_organ_line(value))
            .then_some(value)
    })
}

/// How many blocks at the end of a 政策解读's text are its sign-off: up to six lines, each a
/// [`interpretation_line`] or a contact's ([`is_contact_detail`]), one of them at least naming
/// who explains (`解读机关：…` / `解读人：…` / `联系电话：…`). A contact alone is left to
/// [`trailing_contact`].
fn interpretation_signoff(body: &[&Block]) -> usize {
    let n = body
        .iter()
        .rev()
        .take(6)
        .take_while(|blk| {
            blk.para_text()
                .is_some_and(|t| interpretation_line(t).is_some() || is_contact_detail(t))
        })
        .count();
    let named = body[body.len() - n..].iter().any(|blk| {
        blk.para_text()
            .is_some_and(|t| interpretation_line(t).is_some())
    });
    if named { n } else { 0 }
}

/// How many blocks at the start of `rest` are a contact: a `联系人` line and its details.
fn leading_contact(rest: &[&Block]) -> usize {
    let para = |i: usize| match rest.get(i) {
        Some(Block::Para(p)) => Some(p.text.as_str()),
        _ => None,
    };
    if !para(0).is_some_and(is_contact_line) {
        return 0;
    }
    1 + (1..5)
        .take_while(|&i| para(i).is_some_and(|t| !is_contact_line(t) && is_contact_detail(t)))
        .count()
}

/// A note's or a contact's line without the brackets it is printed in: `（此件公开发布）` →
/// `此件公开发布`, also a bracket opened on the line and closed on a later one (`（联系人：张三，` /
/// `联系电话：…）`). A bracket closing words inside the line stays (`联系人：刘某（市住建局）`).
fn strip_parens(s: &str) -> String {
    let mut inner = s.trim_start_matches(['（', '(']);
    // A closing bracket at the end that closes none opened in the words closes the one trimmed
    // at the start (or opened on a line above).
    let count = |of: [char; 2]| inner.chars().filter(|c| of.contains(c)).count();
    let mut unmatched = count(['）', ')']).saturating_sub(count(['（', '(']));
    while unmatched > 0
        && let Some(rest) = inner.strip_suffix(['）', ')'])
    {
        inner = rest;
        unmatched -= 1;
    }
    inner.to_string()
}

/// Splits a note printed on the date's line (`2023年2月8日（此件公开发布）`) off it: the date one
/// line, the note the next, as a notice prints them.
fn split_notes_off_dates(blocks: &mut Vec<Block>) {
    let split_at = |blk: &Block| match blk {
        Block::Para(p) if p.text.len() <= 4 * 60 && p.text.ends_with('）') => {
            let open = p.text.rfind('（')?;
            let (date, note) = p.text.split_at(open);
            (open > 0 && is_note(note) && find_date(date).is_some()).then_some(open)
        }
        _ => None,
    };
    if !blocks.iter().any(|b| split_at(b).is_some()) {
        return;
    }
    let mut out = Vec::with_capacity(blocks.len() + 1);
    for blk in blocks.drain(..) {
        match (split_at(&blk), blk) {
            (Some(open), Block::Para(mut p)) => {
                let note = p.text.split_off(open);
                let line = p.line;
                out.push(Block::Para(p));
                out.push(Block::Para(Para { text: note, line }));
            }
            (_, blk) => out.push(blk),
        }
    }
    *blocks = out;
}

/// Whether `text` is mostly what undecodable bytes leave: a quarter of its characters or more
/// are U+FFFD or private-use characters (GB18030 reads some bytes of another encoding so).
fn mostly_replaced(text: &str) -> bool {
    let (mut all, mut bad) = (0usize, 0usize);
    for c in text.chars() {
        all += 1;
        if c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(&c) {
            bad += 1;
        }
    }
    bad * 4 >= all && bad > 0
}

/// Splits each table where a header row of another table stands under its rows (a contact list
/// printed right under a task table in one sheet or one grid: `单位 | 联系人 | 职务 | 联系电话` under
/// the tasks), the empty rows between dropped and a row of one text right above the new header
/// (`联系人信息`) taken as its caption. A header row right under the header is its second row,
/// and the header printed again (a page's top) goes on with the same table.
fn split_tables_at_new_headers(blocks: &mut Vec<Block>) {
    let splits = |b: &Block| matches!(b, Block::Table(t) if new_header_at(t).is_some());
    if !blocks.iter().any(splits) {
        return;
    }
    let mut out = Vec::with_capacity(blocks.len() + 1);
    for blk in blocks.drain(..) {
        match blk {
            Block::Table(mut t) => {
                while let Some(rest) = split_off_new_table(&mut t) {
                    out.push(Block::Table(t));
                    t = rest;
                }
                out.push(Block::Table(t));
            }
            b => out.push(b),
        }
    }
    *blocks = out;
}

/// The row of `t` that heads another table ([`split_tables_at_new_headers`]).
fn new_header_at(t: &Table) -> Option<usize> {
    let h = t.header_rows;
    if h == 0 || t.rows.len() < h + 2 {
        return None;
    }
    let mut data_seen = false;
    for (r, row) in t.rows.iter().enumerate().skip(h) {
        // Three filled cells at least (counted before the cells are read for column names).
        let header_like = row
            .iter()
            .filter(|c| !c.trim_ws().is_empty())
            .nth(2)
            .is_some()
            && crate::tasks::is_header_row(row.iter().map(String::as_str));
        if header_like && data_seen && !t.rows[..h].contains(row) {
            return Some(r);
        }
        if !header_like && row.iter().any(|c| !c.trim_ws().is_empty()) {
            data_seen = true;
        }
    }
    None
}

fn split_off_new_table(t: &mut Table) -> Option<Box<Table>> {
    let at = new_header_at(t)?;
    let h = t.header_rows;
    let empty = |row: &Vec<String>| row.iter().all(|c| c.trim_ws().is_empty());
    let mut cut = at;
    while cut > h && empty(&t.rows[cut - 1]) {
        cut -= 1;
    }
    // A title of the new table right above its header (`联系人信息`, `二、联络员名单`): one text,
    // no number of a row, no note of the table above.
    let mut caption = None;
    if cut > h + 1 {
        let row = &t.rows[cut - 1];
        let mut filled = row.iter().filter(|c| !c.trim_ws().is_empty());
        if let Some(first) = filled.next()
            && filled.all(|c| c == first)
            && crate::tasks::parse_seq(first).is_none()
            && at_most_chars(first, 40)
            && !first.ends_with(['。', '：', ':'])
            && !["注", "备注", "说明", "註", "備註", "說明"]
                .iter()
                .any(|w| first.starts_with(w))
        {
            caption = Some(first.trim_ws().to_string());
            cut -= 1;
            while cut > h && empty(&t.rows[cut - 1]) {
                cut -= 1;
            }
        }
    }
    let rows = t.rows.split_off(at);
    t.rows.truncate(cut);
    let row_lines = if t.row_lines.len() > at {
        t.row_lines.split_off(at)
    } else {
        Vec::new()
    };
    t.row_lines.truncate(cut);
    let mut merged_down = Vec::new();
    t.merged_down.retain(|&(r, c)| {
        if r >= at {
            merged_down.push((r - at, c));
        }
        r < cut
    });
    trim_empty_columns(t);
    let mut rest = Box::new(Table {
        caption,
        header_rows: crate::tasks::header_rows(&rows),
        line: row_lines.first().copied().unwrap_or(t.line),
        rows,
        row_lines,
        sheet: t.sheet.clone(),
        merged_down,
        order: t.order,
        preamble_at: t.preamble_at,
    });
    trim_empty_columns(&mut rest);
    Some(rest)
}

/// Drops the columns at a table's right that are empty in every row (a narrower table split
/// off a wider one).
fn trim_empty_columns(t: &mut Table) {
    let width = t.rows.iter().map(Vec::len).max().unwrap_or(0);
    let used = (0..width)
        .rev()
        .find(|&c| {
            t.rows
                .iter()
                .any(|r| r.get(c).is_some_and(|x| !x.trim_ws().is_empty()))
        })
        .map_or(0, |c| c + 1);
    if used == 0 || used == width {
        return;
    }
    for row in &mut t.rows {
        row.truncate(used);
    }
    t.merged_down.retain(|&(_, c)| c < used);
}

/// Builds the document from a reader's blocks.
pub fn build(mut input: Blocks) -> Document {
    split_tables_at_new_headers(&mut input.blocks);
    if !input.format.is_workbook() {
        unwrap_colophon_tables(&mut input.blocks);
        unwrap_head_tables(&mut input.blocks);
        unwrap_signature_tables(&mut input.blocks);
        split_notes_off_dates(&mut input.blocks);
        unwrap_colophon_tables_under_signoff(&mut input.blocks);
    }
    // The reader's findings move into the model; only the blocks stay behind to be read.
    let mut b = Builder {
        doc: Document {
            source: Source {
                format: input.format,
                encoding: std::mem::take(&mut input.encoding),
                page: input.page.take(),
            },
            diagnostics: std::mem::take(&mut input.diagnostics),
            ..Document::default()
        },
        notes: Vec::new(),
        contacts: Vec::new(),
        attachment_lines: Vec::new(),
        attachment_numbers: Default::default(),
        attachment_titles: rustc_hash::FxHashSet::default(),
        linked_titles: rustc_hash::FxHashSet::default(),
        own_lists: Vec::new(),
        tables: std::collections::HashMap::new(),
    };
    for blk in input.blocks.iter_mut() {
        let key = blk as *const Block as usize;
        if let Block::Table(t) = blk {
            let empty = Table {
                line: t.line,
                ..Table::default()
            };
            b.tables.insert(key, Some(std::mem::replace(t, empty)));
        }
    }
    let mut blocks: Vec<&Block> = input.blocks.iter().collect();
    // A workbook, or a task table saved as CSV, has no letter around its tables: its title
    // rows title the table's part.
    let workbook = input.format.is_table_file() && !input.letter;
    // The 版记 closes the document, after the attachments: it is read apart, so that its lines
    // join neither the last attachment nor a part of their own.
    if !workbook {
        let end = colophon_start(&blocks);
        b.read_colophon(&blocks[end..]);
        blocks.truncate(end);
    }
    let k = if workbook {
        0
    } else {
        // A headline the notice's own head prints again below is passed over, as page furniture.
        let skip = repeated_headline(&blocks);
        skip + read_head(&mut b, &blocks[skip..])
    };

    // The closing: signature and date after the letter body. A date in figures (`2023-03-05`)
    // is the closing's only alone on its line under the signing organ or person.
    let under_signer = |i: usize| {
        i > k
            && matches!(blocks[i - 1], Block::Para(q) if is_organ_line(&q.text) || is_signer_line(&q.text))
    };
    // A date alone on its line right under a short numbered heading (no sentence: `一、比赛时间`)
    // or a line ending in `：` is that item's date (`一、比赛时间` / `2024年5月18日`, `普查标准时点为：` / `2023年12月31日`), not the
    // 成文日期: it is taken only when no closing date comes after it.
    let in_body = |i: usize, start: usize| {
        start == 0
            && i > k
            && matches!(blocks[i - 1], Block::Para(q)
                if q.text.ends_with(['：', ':'])
                    || (numbering::has_marker(&q.text)
                        && at_most_chars(&q.text, 30)
                        && !q.text.ends_with(['。', '；', ';', '.', '！'])))
    };
    let mut in_body_date = None;
    let date_at = blocks
        .iter()
        .enumerate()
        .skip(if workbook { blocks.len() } else { k })
        .find_map(|(i, blk)| match blk {
            Block::Para(p) if at_most_chars(&p.text, 60) && !p.text.starts_with('（') => {
                closing_date(&p.text, || under_signer(i)).and_then(|(start, _)| {
                    let prefix = &p.text[..start];
                    if in_body(i, start) {
                        in_body_date.get_or_insert((i, p));
                        return None;
                    }
                    (prefix.is_empty()
                        || is_organ_line(prefix)
                        || is_signer_line(prefix)
                        || only_dates(prefix))
                    .then_some((i, p))
                })
            }
            _ => None,
        })
        .or(in_body_date);
    if !workbook {
        unreadable_head_numbers(&mut b, &blocks, k, date_at.is_none());
    }
    let (body_end, rest_start) = match date_at {
        Some((d, p)) => {
            let (start, (y, m, dd)) =
                closing_date(&p.text, || under_signer(d)).unwrap_or((0, (0, 0, 0)));
            b.doc.notice.date_text = Some(p.text[start..].to_string());
            if is_real_date(y, m, dd) {
                b.doc.notice.date = Some(iso_date(y, m, dd));
            } else {
                b.diag(
                    Severity::Error,
                    "invalid_date",
                    format!("成文日期 `{}` is not a real date", &p.text[start..]),
                    Some(p.line),
                );
            }
            let mut sig_start = d;
            let mut signature: Vec<String> = Vec::new();
            if start > 0 && !only_dates(&p.text[..start]) {
                signature.push(p.text[..start].to_string());
            } else {
                // Joint notices are signed by up to a dozen organs, a line each.
                while sig_start > k && signature.len() < MAX_SIGNING_ORGANS {
                    match blocks[sig_start - 1] {
                        Block::Para(q) if is_organ_line(&q.text) || is_signer_line(&q.text) => {
                            signature.insert(0, q.text.clone());
                            sig_start -= 1;
                        }
                        // A joint order's signers side by side on one line.
                        Block::Para(q) if signers_side_by_side(&q.text).is_some() => {
                            let signers = signers_side_by_side(&q.text).unwrap_or_default();
                            signature.insert(0, signers.join("、"));
                            sig_start -= 1;
                        }
                        // The office over the name, a line each (`代省长` / `吴某某`).
                        Block::Para(q)
                            if sig_start - 1 > k
                                && is_personal_name(&q.text)
                                && matches!(blocks[sig_start - 2],
                                    Block::Para(o) if is_office(&o.text)) =>
                        {
                            if let Block::Para(o) = blocks[sig_start - 2] {
                                signature.insert(0, format!("{} {}", o.text, q.text));
                            }
                            sig_start -= 2;
                        }
                        // `（盖章）` where the seal goes, between the organ and the date.
                        Block::Para(q) if is_seal_placeholder(&q.text) => sig_start -= 1,
                        // `（此页无正文）` heads the signature page: the letter's text is above.
                        Block::Para(q) if is_no_text_note(&q.text) => {
                            sig_start -= 1;
                            break;
                        }
                        // `某某市人民政府办公室（代章）`: the organ, with the note of the seal
                        // printed after it.
                        Block::Para(q) => {
                            match without_seal_mark(&q.text).filter(|o| is_organ_line(o)) {
                                Some(organ) => {
                                    signature.insert(0, organ.to_string());
                                    sig_start -= 1;
                                }
                                None => break,
                            }
                        }
                        _ => break,
                    }
                }
            }
            if !signature.is_empty() {
                let signers: Vec<Cow<'_, str>> =
                    signature.iter().map(|l| spaced_signer(l)).collect();
                b.doc.notice.signature = Some(signers.join("、"));
            }
            let mut rest = d + 1;
            // Under the date: the note (附注), and a contact (`（联系人：…）`) before or after it.
            for _ in 0..3 {
                let contact = leading_contact(&blocks[rest.min(blocks.len())..]);
                if contact > 0 {
                    b.take_contact(&blocks[rest..rest + contact]);
                    rest += contact;
                    continue;
                }
                let Some(Block::Para(q)) = blocks.get(rest) else {
                    break;
                };
                let note = if rest == d + 1 {
                    note_under_date(&q.text)
                } else {
                    is_note(&q.text).then(|| strip_parens(&q.text))
                };
                match note {
                    Some(note) => {
                        b.notes.push((note, q.line));
                        rest += 1;
                    }
                    None => break,
                }
            }
            // A contact at the end of the letter, right above its signature, is the 附注's too.
            let contact = trailing_contact(&blocks[k.min(sig_start)..sig_start]);
            b.take_contact(&blocks[sig_start - contact..sig_start]);
            (sig_start - contact, rest)
        }
        None if workbook => (0, 0),
        // A page that is one attachment alone (the page or file a notice links to: `附件`, its
        // title, its table) has no letter: all of it is the attachment.
        None if k == 0
            && matches!(blocks.first(), Some(Block::Para(p))
                if is_attachment_label(&p.text) || numbered_attachment_head(&p.text).is_some()) =>
        {
            (0, 0)
        }
        // No date: the issuer's name alone on the last line (or its organs', one a line) is the
        // signature of a letter printed without its date.
        None => {
            let signed = b.doc.notice.issuer.as_deref().map_or(0, |issuer| {
                undated_signature(&blocks[k.min(blocks.len())..], issuer)
            });
            if signed > 0 {
                let start = blocks.len() - signed;
                let names: Vec<&str> = blocks[start..]
                    .iter()
                    .filter_map(|blk| match blk {
                        Block::Para(p) => Some(p.text.as_str()),
                        Block::Table(_) => None,
                    })
                    .collect();
                b.doc.notice.signature = Some(names.join("、"));
                (start, blocks.len())
            } else {
                (blocks.len(), blocks.len())
            }
        }
    };

    // A 政策解读's sign-off under its last answer (`解读机关：…` / `解读人：…` / `联系电话：…`):
    // the organ that explains is its signature, the others join the note.
    let signoff = interpretation_signoff(&blocks[k.min(body_end)..body_end]);
    for blk in &blocks[body_end - signoff..body_end] {
        if let Block::Para(p) = blk {
            match interpretation_organ(&p.text) {
                Some(organ) if b.doc.notice.signature.is_none() => {
                    b.doc.notice.signature = Some(organ.to_string());
                }
                _ => b.contacts.push(strip_parens(&p.text)),
            }
        }
    }
    let body_end = body_end - signoff;

    // A 纪要 lists who attended after its text (`出席：…` / `列席：…` / `请假：…`), above the
    // closing when it has one, or right under it: they are no text of the last item's.
    let minutes = b.doc.notice.title.as_deref().is_some_and(is_minutes_title);
    let mut above = if minutes {
        attendance_lines(blocks[k.min(body_end)..body_end].iter().rev().copied())
    } else {
        Vec::new()
    };
    above.reverse();
    let body_end = body_end - above.len();
    let below = if minutes && body_end < rest_start {
        attendance_lines(blocks[rest_start.min(blocks.len())..].iter().copied())
    } else {
        Vec::new()
    };
    let rest_start = rest_start + below.len();
    b.doc.notice.attendance.extend(above);
    b.doc.notice.attendance.extend(below);

    // `（2021年3月15日）` under the title: the date of a notice published without a signature
    // (Party and government 意见 as the press prints them).
    if b.doc.notice.title.is_some()
        && b.doc.notice.date.is_none()
        && b.doc.notice.date_text.is_none()
        && let Some(Block::Para(p)) = blocks.get(k)
        && let Some(inner) = p.text.strip_prefix('（').and_then(|t| t.strip_suffix('）'))
        && let Some((0, (y, m, d))) = find_date(inner)
        && is_real_date(y, m, d)
    {
        b.doc.notice.date = Some(iso_date(y, m, d));
        b.doc.notice.date_text = Some(inner.to_string());
    }

    // A 人大常委会's 决定 or 条例 prints no signature or date: the meeting that adopted it, in
    // brackets under its title, dates it (`（2023年11月30日某某省……常务委员会第六次会议通过）`).
    if b.doc.notice.title.is_some()
        && b.doc.notice.date.is_none()
        && b.doc.notice.date_text.is_none()
        && let Some(Block::Para(p)) = blocks.get(k)
        && let Some((date_text, (y, m, d))) = adoption_date(&p.text)
    {
        b.doc.notice.date = Some(iso_date(y, m, d));
        b.doc.notice.date_text = Some(date_text.to_string());
        // A 条例 a 人大常委会 passed prints no issuer but that meeting's body.
        if b.doc.notice.issuer.is_none() {
            b.doc.notice.issuer = adopting_congress(&p.text);
        }
    }

    // A regulation published on its own prints, in brackets under its title, the order that
    // made it: its date, its organ and its number fill what the text prints nowhere else.
    if b.doc.notice.title.is_some()
        && let Some(Block::Para(p)) = blocks.get(k)
        && let Some(order) = promulgation(&p.text)
    {
        let n = &mut b.doc.notice;
        if n.doc_number.is_none() {
            n.doc_number = Some(order.number);
        }
        if n.date.is_none() && n.date_text.is_none() {
            n.date = Some(iso_date(order.date.0, order.date.1, order.date.2));
            n.date_text = Some(order.date_text.to_string());
        }
        if n.issuer.is_none() {
            n.issuer = Some(order.organ.to_string());
        }
    }

    // The letter body.
    let body_blocks = b.take_notes_and_lists(&blocks[k.min(body_end)..body_end], false);
    // A `续表` between two tables is no text of the letter's.
    let table_at = |i: Option<usize>| {
        i.and_then(|i| body_blocks.get(i))
            .is_some_and(|blk| matches!(blk, Block::Table(_)))
    };
    b.doc.notice.body = body_blocks
        .iter()
        .enumerate()
        .filter_map(|(i, blk)| match blk {
            Block::Para(p)
                if table_at(i.checked_sub(1))
                    && table_at(Some(i + 1))
                    && is_continuation_marker(&p.text) =>
            {
                None
            }
            Block::Para(p) => Some(p.text.clone()),
            Block::Table(_) => None,
        })
        .collect();
    let body_has_structure = body_blocks.iter().any(|blk| match blk {
        Block::Para(p) => numbering::has_marker(&p.text),
        Block::Table(_) => true,
    });
    if body_has_structure {
        let line = body_blocks.first().map(|x| x.line()).unwrap_or(0);
        let part = build_part(&mut b, PartKind::Body, None, None, &body_blocks, line);
        b.doc.parts.push(part);
    }

    // What the letter transmits: enclosures and attachments. A 版记 printed right under the
    // letter (web pages put it there) is read as one.
    let mut rest = &blocks[rest_start.min(blocks.len())..];
    if !workbook {
        let colophon = colophon_len(rest);
        b.read_colophon(&rest[..colophon]);
        rest = &rest[colophon..];
    }
    let rest = b.take_notes_and_lists(rest, true);
    let tables = &b.tables;
    let caption = |blk: &Block| {
        tables
            .get(&(blk as *const Block as usize))
            .and_then(Option::as_ref)
            .and_then(|t| t.caption.clone())
    };
    // Whether the letter (its title or text) names `t` in 《》: asked of an enclosure's title
    // lines, once or twice a part.
    let notice = &b.doc.notice;
    let named = |t: &str| {
        let quoted = format!("《{t}》");
        notice.title.as_ref().is_some_and(|t| t.contains(&quoted))
            || notice.body.iter().any(|p| p.contains(&quoted))
    };
    let mut segs = segments(
        &rest,
        &b.attachment_titles,
        &notice.attachments,
        &caption,
        &named,
    );
    if workbook {
        for seg in &mut segs {
            // A sheet's title row right over its table is the table's caption (the second
            // sheet's title too), not prose of the part. A numbered one (`二、某某`) heads its
            // section, as outline headings over tables do.
            let blocks = &seg.blocks;
            let captions: Vec<bool> = (0..blocks.len())
                .map(|j| {
                    matches!(blocks[j], Block::Para(p) if !numbering::has_marker(&p.text)
                        && blocks.get(j + 1).is_some_and(|t| {
                        matches!(t, Block::Table(_)) && caption(t).as_deref() == Some(p.text.as_str())
                    }))
                })
                .collect();
            let mut dropped = captions.into_iter();
            seg.blocks.retain(|_| !dropped.next().unwrap_or(false));
            // A title row `附件2：X` labels the part, as `附件2` on a row of its own does.
            if seg.label.is_none()
                && let Some((label, title)) =
                    seg.title.as_deref().and_then(numbered_attachment_head)
                && at_most_chars(title, 80)
                && !title.contains(['。', '；', ';'])
            {
                let (label, title) = (label.to_string(), title.to_string());
                seg.label = Some(label);
                seg.title = Some(title);
            }
        }
    }
    for seg in segs {
        let kind = if workbook {
            PartKind::Attachment
        } else {
            seg.kind
        };
        // A few paragraphs under the letter's sign-off with no title, outline or table (a
        // request printed under the date, a line between the 版记's entries) are read as an
        // enclosed document of their own, though the letter encloses nothing so: said, so that
        // the text is looked for there and not in the letter's.
        let stray = !workbook
            && kind == PartKind::Enclosure
            && seg.title.is_none()
            && seg.label.is_none()
            && !b.doc.parts.is_empty()
            && (1..=3).contains(&seg.blocks.len())
            && seg
                .blocks
                .iter()
                .all(|blk| matches!(blk, Block::Para(p) if !numbering::has_marker(&p.text)));
        if stray {
            b.diag(
                Severity::Warning,
                "untitled_enclosure",
                format!(
                    "{} paragraph(s) under the letter's sign-off, with no title, are read as an enclosed document of their own (`{}`): the letter's own text (a request or note printed under the date) is not in its body",
                    seg.blocks.len(),
                    match seg.blocks[0] {
                        Block::Para(p) => p.text.chars().take(30).collect::<String>(),
                        Block::Table(_) => String::new(),
                    }
                ),
                Some(seg.line),
            );
        }
        let mut part = build_part(&mut b, kind, seg.label, seg.title, &seg.blocks, seg.line);
        // A part that is nothing but a table is titled by the table's title row or caption.
        if part.title.is_none() && part.preamble.is_empty() && part.sections.is_empty() {
            let caption = part.tables.first().and_then(|t| t.caption.as_deref());
            part.title = caption
                .map(without_attachment_label)
                .filter(|t| !t.is_empty())
                .map(str::to_string);
            // A title row `附件：X` (or `附件2：X`) says the part is that attachment.
            if let Some(c) = caption.filter(|_| part.kind == PartKind::Enclosure) {
                // Or a title row `附件` alone over the title row (joined by a space).
                let label = numbered_attachment_head(c)
                    .map(|(label, _)| label)
                    .or_else(|| attachment_list(c).map(|_| "附件"))
                    .or_else(|| {
                        c.strip_prefix("附件 ")
                            .filter(|t| !t.trim_ws().is_empty())
                            .map(|_| "附件")
                    });
                if let Some(label) = label {
                    part.kind = PartKind::Attachment;
                    part.label = Some(label.to_string());
                }
            }
        }
        b.doc.parts.push(part);
    }
    // An enclosed document's own 附件说明 closes its part (the last part before it that is not
    // an attachment), after its sign-off.
    for (line, lines) in std::mem::take(&mut b.own_lists) {
        let parts = &mut b.doc.parts;
        let at = parts
            .iter()
            .rposition(|p| p.line <= line && p.kind != PartKind::Attachment)
            .or(parts.len().checked_sub(1));
        if let Some(part) = at.and_then(|j| parts.get_mut(j)) {
            part.closing.extend(lines);
        }
    }
    // An order titled above its head (`某某条例` / `中华人民共和国国务院令` / `第752号`) is titled by
    // the regulation it makes: the enclosure under its sign-off, which does not print the title
    // again, is that regulation.
    if let Some(title) = b.doc.notice.title.as_deref()
        && order_head(title).is_none()
        && b.doc
            .notice
            .doc_number
            .as_ref()
            .is_some_and(|n| order_head(&n.agency).is_some())
        && let [part] = b
            .doc
            .parts
            .iter_mut()
            .filter(|p| p.kind == PartKind::Enclosure)
            .collect::<Vec<_>>()
            .as_mut_slice()
        && part.title.is_none()
        && part.label.is_none()
    {
        part.title = Some(title.to_string());
    }

    if let Some((note, _)) = b.notes.first() {
        b.doc.notice.note = Some(note.clone());
    }
    // Contact lines join the note, after it.
    if !b.contacts.is_empty() {
        let mut note: Vec<&str> = b.doc.notice.note.iter().map(String::as_str).collect();
        note.extend(b.contacts.iter().map(String::as_str));
        b.doc.notice.note = Some(note.join("；"));
    }
    // Bytes the decoder could not read (a page in one encoding around an article in another)
    // leave U+FFFD and stray characters in their place: a title made mostly of them is no
    // title to give (`no_title` says so; `decode_replaced` already said why).
    if b.doc.notice.title.as_deref().is_some_and(mostly_replaced)
        && b.doc
            .diagnostics
            .iter()
            .any(|d| d.code == "decode_replaced")
    {
        b.doc.notice.title = None;
    }
    // An order's head and number on one line (`某某省人民政府令第436号`) name the issuer: the
    // signature under it is the governor's.
    if b.doc.notice.issuer.is_none() {
        b.doc.notice.issuer = b
            .doc
            .notice
            .doc_number
            .as_ref()
            .and_then(|n| order_head(&n.agency))
            .map(str::to_string);
    }
    if b.doc.notice.issuer.is_none() {
        b.doc.notice.issuer = b.doc.notice.signature.clone();
    }
    // A title that names its organ by the short form (`省政府关于…`, `市政府办公室关于…`): the
    // organ is the one its signature, or the page's 发文机关, names in full.
    if let Some(full) = b.doc.notice.issuer.as_deref().and_then(|short| {
        [
            b.doc.notice.signature.as_deref(),
            b.doc.source.page.as_ref().and_then(|p| p.issuer.as_deref()),
            b.doc
                .source
                .page
                .as_ref()
                .and_then(|p| p.fields.get("发布机构").map(String::as_str)),
        ]
        .into_iter()
        .flatten()
        .find(|full| expands_short_organ(short, full))
    }) {
        b.doc.notice.issuer = Some(full.to_string());
    }
    // A joint notice headed by the count of its organs (`十部门关于…`, `工业和信息化部等十部门
    // 关于…`, the short headline of a 联合发文): the organs are the ones its signature, or the
    // page's 发文机关, names one by one.
    if b.doc
        .notice
        .issuer
        .as_deref()
        .is_some_and(is_count_of_organs)
        && let Some(all) = [
            b.doc.notice.signature.as_deref(),
            b.doc.source.page.as_ref().and_then(|p| p.issuer.as_deref()),
        ]
        .into_iter()
        .flatten()
        .find(|all| all.contains('、'))
    {
        b.doc.notice.issuer = Some(all.to_string());
    }
    crate::tasks::collect_tasks(&mut b.doc);
    // A listed attachment marked as left out of this publication (`2．某某分工表（略）`) is titled
    // without the mark, which is the publisher's and no part of its name; the mark is kept apart.
    for a in &mut b.doc.notice.attachments {
        if let Some(at) = crate::checks::omission_mark(&a.title) {
            a.omitted = Some(a.title[at..].trim_end_ws().to_string());
            a.title.truncate(at);
            a.title.truncate(a.title.trim_end_ws().len());
        }
    }
    let view = crate::checks::SourceView {
        paragraphs: input
            .blocks
            .iter()
            .filter_map(|blk| match blk {
                Block::Para(p) => Some((p.text.as_str(), p.line)),
                Block::Table(_) => None,
            })
            .collect(),
        attachment_lines: b.attachment_lines.clone(),
        linked: if b.linked_titles.is_empty() {
            Vec::new()
        } else {
            b.doc
                .notice
                .attachments
                .iter()
                .map(|a| b.linked_titles.contains(&title_key(&a.title)))
                .collect()
        },
    };
    crate::checks::run_with(&mut b.doc, &view);
    b.doc.diagnostics.sort_by_key(|d| d.line.unwrap_or(0));
    b.doc
}

/// The words an attendance line's label opens with. `主持：` and `记录：` (who chaired and who
/// took the minutes) stand among them.
const ATTENDANCE_ROLES: [&str; 8] = [
    "出席", "列席", "请假", "缺席", "参加", "参会", "主持", "记录",
];

/// An attendance line's label without its colon ([`Attendance::role`]: `出席`, `列席人员`): up
/// to 6 characters opening with one of the roles, no punctuation in it.
pub(crate) fn is_attendance_role(role: &str) -> bool {
    ATTENDANCE_ROLES.iter().any(|r| role.starts_with(r))
        && char_len(role) <= 6
        && !role.contains(['，', '。', '、', '（'])
}

/// A line of a 纪要's attendance list: `出席：某某、某某某`, `列席人员：…`, `请假：某某（出差）`, `记录：某某` (a
/// label of up to 6 characters opening with one of the roles, a colon, names).
fn attendance_line(text: &str) -> Option<Attendance> {
    if !ATTENDANCE_ROLES.iter().any(|r| text.starts_with(r)) {
        return None;
    }
    let (at, colon) = text.char_indices().find(|&(_, c)| c == '：' || c == ':')?;
    let role = text[..at].trim_ws();
    let names = text[at + colon.len_utf8()..]
        .trim_ws()
        .trim_end_matches(['。', '.']);
    if !is_attendance_role(role) || names.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for run in top_level_pieces(names, &['，', ',', '；', ';']) {
        let from = out.len();
        for n in top_level_pieces(run, &['、']) {
            match spaced_names(n) {
                Some(names) => out.extend(names),
                None => out.push(n.trim_ws().to_string()),
            }
        }
        share_people_tail(&mut out[from..]);
    }
    Some(Attendance {
        role: role.to_string(),
        names: out,
    })
}

/// People's names parted by spaces, as a 纪要 prints its attendance (`赵德明　王国强　李晓燕`): each
/// piece a name of two to four Han characters (a title in brackets after it may follow). `None`
/// when the text holds no space or any piece is no such name (an organ's, `市政府办公室 负责同志`).
fn spaced_names(text: &str) -> Option<Vec<String>> {
    let text = text.trim_ws();
    if !text.contains([' ', '\u{3000}']) {
        return None;
    }
    let mut names: Vec<String> = Vec::new();
    for piece in top_level_pieces(text, &[' ', '\u{3000}']) {
        let base = piece.split(['（', '(']).next().unwrap_or_default();
        if !(2..=4).contains(&char_len(base)) || !base.chars().all(crate::normalize::is_han) {
            return None;
        }
        names.push(piece.to_string());
    }
    (names.len() >= 2).then_some(names)
}

/// Who of each organ attended, printed once after a run of organs parted by `、`
/// (`市发展改革委、市财政局主要负责同志`): the words are every organ's, `市发展改革委主要负责同志`,
/// not the last one's alone. Only when every other name of the run is an organ's alone.
fn share_people_tail(run: &mut [String]) {
    /// The people of an organ a list names after the organs, the longer before the shorter.
    const TAILS: &[&str] = &[
        "主要负责同志",
        "分管负责同志",
        "有关负责同志",
        "相关负责同志",
        "主要负责人",
        "分管负责人",
        "有关负责人",
        "相关负责人",
        "负责同志",
        "负责人",
    ];
    let Some((last, before)) = run.split_last_mut() else {
        return;
    };
    if before.is_empty() {
        return;
    }
    let Some(tail) = TAILS.iter().find(|t| last.ends_with(**t)) else {
        return;
    };
    if !crate::tasks::is_unit_name(&last[..last.len() - tail.len()])
        || !before.iter().all(|n| crate::tasks::is_unit_name(n))
    {
        return;
    }
    for name in before {
        name.push_str(tail);
    }
}

/// The attendance lines (see [`attendance_line`]) `blocks` open with, read as they come.
fn attendance_lines<'b>(blocks: impl Iterator<Item = &'b Block>) -> Vec<Attendance> {
    blocks
        .map_while(|blk| match blk {
            Block::Para(p) => attendance_line(&p.text),
            _ => None,
        })
        .collect()
}

/// The marks GB/T 9704 §7.2.1–7.2.3 prints at the top left above the 发文机关标志, one a line or
/// several on one line: the copy number (份号, six digits: `000123`), the secrecy and its term
/// (密级和保密期限: `机密★1年`, `秘密`) and the urgency (紧急程度: `特急`, `加急`, `特急·明电`).
/// They are no issuer's and no title's.
fn is_head_mark(text: &str) -> bool {
    /// The urgency of a letter (特急, 加急) or of a telegram (特提, 平急), and the telegram's 明电.
    const URGENCY: [&str; 5] = ["特急", "加急", "平急", "特提", "明电"];
    fn mark(word: &str) -> bool {
        if word.len() == 6 && word.bytes().all(|b| b.is_ascii_digit()) {
            return true;
        }
        // `特急明电`: the two words with the space between them closed by normalization.
        if URGENCY.contains(
            &word
                .strip_suffix("明电")
                .filter(|u| !u.is_empty())
                .unwrap_or(word),
        ) {
            return true;
        }
        strip_any_prefix(word, &["绝密", "机密", "秘密"]).is_some_and(|term| {
            term.is_empty()
                || term.strip_prefix(['★', '☆', '*', '＊']).is_some_and(|t| {
                    !t.is_empty() && at_most_chars(t, 6) && !t.contains(['。', '，', '：'])
                })
        })
    }
    if text.len() > 60 {
        return false;
    }
    let mut words = text
        .split([' ', '\u{3000}', '·', '・', '•', '‧'])
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some() && words.all(mark)
}

/// A web page's byline: where the page came from and when, and its reading tools.
fn is_byline(text: &str) -> bool {
    const OPENERS: &[&str] = &[
        "来源",
        "信息来源",
        "文章来源",
        "发布时间",
        "发布日期",
        "发文时间",
        // `发布部门：某市人民政府`, `发布文号：某政发〔2006〕275号` (its number is read).
        "发布部门",
        "发布文号",
        "作者",
        "浏览次数",
        "点击数",
        "阅读次数",
        "访问次数",
        "字号",
        "【字体",
        "[字体",
        "字体",
    ];
    at_most_chars(text, 120)
        && OPENERS.iter().any(|o| {
            text.strip_prefix(o)
                .is_some_and(|rest| o.starts_with(['【', '[']) || rest.starts_with(['：', ':']))
        })
}

/// A line of a page's furniture in or over a notice's head: its byline ([`is_byline`]), its
/// time of posting alone or before a byline (`2023-05-19 10:20　作者：某厅`), its tools
/// (`【字体：大 中 小】`, `分享到：微信 微博`), its breadcrumb, or a post's call to follow it.
fn is_head_furniture(text: &str) -> bool {
    if is_byline(text) || is_timestamp(text) {
        return true;
    }
    // A time of posting with a byline after it.
    let time_end = text
        .find(|c: char| {
            !(c.is_ascii_digit()
                || matches!(
                    c,
                    '年' | '月' | '日' | '-' | '/' | ':' | ' ' | '.' | '\u{3000}'
                ))
        })
        .unwrap_or(text.len());
    if time_end > 0
        && time_end < text.len()
        && is_timestamp(text[..time_end].trim_end_ws())
        && is_byline(&text[time_end..])
    {
        return true;
    }
    crate::read::text::is_head_furniture(text)
}

/// A time of posting: a date and a time of day and nothing else (`2020年07月23日06:05:59`,
/// `2023-07-30 10:15`). A notice's own dates carry no time of day.
fn is_timestamp(text: &str) -> bool {
    text.len() <= 40
        && text.contains(':')
        && text.chars().filter(char::is_ascii_digit).count() >= 10
        && text.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '年' | '月' | '日' | '-' | '/' | ':' | ' ' | '.')
        })
}

/// A 发文字号 a web page prints with its label (`文号：某政〔2023〕3号`) or with its byline or date
/// after it on the line (`某政〔2023〕3号　发布时间：2023-05-20`, the spaces gone in
/// normalization): the number, when the rest of the line is such furniture.
fn number_with_furniture(text: &str) -> Option<DocNumber> {
    let label = ["发文字号", "文号"]
        .iter()
        .find_map(|l| text.strip_prefix(l)?.strip_prefix(['：', ':']));
    let number = label.map_or(text, str::trim_start);
    // The number's agency holds at most 12 characters, its year and serial at most 14.
    for at in crate::normalize::char_offsets(number, '号').take_while(|&at| at <= 4 * 30) {
        let end = at + '号'.len_utf8();
        let Some(n) = parse_doc_number(&number[..end]) else {
            continue;
        };
        let rest = number[end..].trim_start();
        let furniture = if rest.is_empty() {
            label.is_some()
        } else {
            is_byline(rest) || only_dates(rest) || only_doc_numbers(rest)
        };
        return furniture.then_some(n);
    }
    None
}

/// Whether `text` is nothing but 发文字号, one after another (the spaces between them gone in
/// normalization): a joint notice's line of each issuer's number, `甲发〔2023〕97号
/// 乙发〔2023〕5号`, whose first is read as the notice's. At most eight numbers are looked for.
fn only_doc_numbers(mut text: &str) -> bool {
    for _ in 0..8 {
        text = text.trim_start_matches([' ', '、', '，', '；']);
        // The number's agency holds at most 12 characters, its year and serial at most 14.
        let end = crate::normalize::char_offsets(text, '号')
            .take_while(|&at| at <= 4 * 30)
            .map(|at| at + '号'.len_utf8())
            .find(|&end| parse_doc_number(&text[..end]).is_some());
        let Some(end) = end else {
            return false;
        };
        text = &text[end..];
        if text.is_empty() {
            return true;
        }
    }
    false
}

/// Layout tables at the top of a document that hold parts of its head: 红头 templates set the
/// 发文机关标志, the 发文字号 and 签发人, or the title in borderless tables. Each becomes its cells,
/// one paragraph each in reading order, so the head is read as if printed without the table. A
/// table is taken only among the first blocks, when it is small (at most 6 rows of at most 3
/// cells of at most 80 characters), is no task table, and holds a 发文字号, a letterhead
/// (`…文件`), an organ's name or a title.
fn unwrap_head_tables(blocks: &mut Vec<Block>) {
    let mut i = 0;
    while i < blocks.len().min(HEAD_SCAN) {
        let t = match &blocks[i] {
            Block::Table(t) => t,
            // The head ends at the 主送机关 (`各区人民政府：`) or, in a letter without one, at
            // its date: a table below is the letter's or an attachment's (a list of documents
            // or units, whose numbers and names look like a head's), never the head.
            Block::Para(p) => {
                let t = p.text.as_str();
                if t.ends_with(['：', ':'])
                    || (t.ends_with('日')
                        && at_most_chars(t, 20)
                        && find_date(t).is_some_and(|(start, _)| start == 0))
                {
                    return;
                }
                i += 1;
                continue;
            }
        };
        let small = t.rows.len() <= 6
            && t.rows.iter().all(|r| r.len() <= 3)
            && t.rows.iter().flatten().all(|c| at_most_chars(c, 80));
        let head_like = |c: &str| {
            parse_doc_number(split_signers(c).0).is_some()
                || c.ends_with("文件")
                || is_organ_line(c)
                || (is_title_line(c) && ends_like_title(c))
        };
        // A table headed by a number column (`序号 | 文件名称 | 文号`) is a list, never a head.
        let numbered = t
            .rows
            .first()
            .and_then(|r| r.first())
            .is_some_and(|c| matches!(c.trim_ws(), "序号" | "编号"));
        if !small
            || numbered
            || crate::tasks::column_roles(&crate::tasks::column_names(t)).is_some()
            || !t.rows.iter().flatten().any(|c| head_like(c))
        {
            i += 1;
            continue;
        }
        let mut paras = Vec::new();
        // A joint 红头 set as a table prints its organs one a row and `文件` once in a cell
        // merged down beside them: that word follows all the organs it serves.
        let mut wenjian: Option<usize> = None;
        for (r, row) in t.rows.iter().enumerate() {
            let line = t.row_lines.get(r).copied().unwrap_or(t.line);
            let mut last: Option<&str> = None;
            for cell in row.iter().filter(|c| !c.is_empty()) {
                if cell.trim_ws() == "文件" {
                    wenjian.get_or_insert(line);
                    continue;
                }
                // A merged cell stands in each slot it covers: read once.
                if last != Some(cell.as_str()) {
                    paras.push(Block::Para(Para {
                        text: cell.clone(),
                        line,
                    }));
                }
                last = Some(cell);
            }
        }
        if let Some(line) = wenjian {
            paras.push(Block::Para(Para {
                text: "文件".to_string(),
                line,
            }));
        }
        let n = paras.len();
        blocks.splice(i..=i, paras);
        i += n;
    }
}

/// The signature of a joint notice laid out as a borderless table (a page sets the organs side
/// by side in one row and the date under them, `某某厅 | 某某厅` over `2023年2月8日`): read as the
/// lines it prints — each organ, then the date — so that the letter's end, and the attachments
/// after it, are found as in a notice printed without the table. Only small tables whose every
/// cell is an organ, a signer, a seal placeholder or a date, with at least one organ and one
/// date, are read so.
fn unwrap_signature_tables(blocks: &mut Vec<Block>) {
    let mut i = 0;
    while i < blocks.len() {
        let Block::Table(t) = &blocks[i] else {
            i += 1;
            continue;
        };
        if t.rows.len() > 4
            || t.rows.iter().any(|r| r.len() > 4)
            || t.rows.iter().flatten().any(|c| c.len() > 120)
        {
            i += 1;
            continue;
        }
        let mut organs: Vec<(String, usize)> = Vec::new();
        let mut dates: Vec<(String, usize)> = Vec::new();
        let mut other = false;
        for (r, row) in t.rows.iter().enumerate() {
            let line = t.row_lines.get(r).copied().unwrap_or(t.line);
            for cell in row.iter().map(|c| c.trim_ws()).filter(|c| !c.is_empty()) {
                if only_dates(cell) {
                    if !dates.iter().any(|(d, _)| d == cell) {
                        dates.push((cell.to_string(), line));
                    }
                } else if is_organ_line(cell) || is_signer_line(cell) {
                    // A merged cell stands in each slot it covers: read once.
                    if !organs.iter().any(|(o, _)| o == cell) {
                        organs.push((cell.to_string(), line));
                    }
                } else if !is_seal_placeholder(cell) {
                    other = true;
                    break;
                }
            }
            if other {
                break;
            }
        }
        // The date may be printed under the table rather than in it.
        let date_below =
            || matches!(blocks.get(i + 1), Some(Block::Para(p)) if only_dates(&p.text));
        if other || organs.is_empty() || (dates.is_empty() && !date_below()) {
            i += 1;
            continue;
        }
        if dates.is_empty() {
            let n = organs.len();
            let paras = organs
                .into_iter()
                .map(|(text, line)| Block::Para(Para { text, line }));
            blocks.splice(i..=i, paras);
            i += n;
            continue;
        }
        let date_line = dates.first().map_or(t.line, |d| d.1);
        let date = dates
            .into_iter()
            .map(|(d, _)| d)
            .collect::<Vec<_>>()
            .join("  ");
        let mut paras: Vec<Block> = organs
            .into_iter()
            .map(|(text, line)| Block::Para(Para { text, line }))
            .collect();
        paras.push(Block::Para(Para {
            text: date,
            line: date_line,
        }));
        let n = paras.len();
        blocks.splice(i..=i, paras);
        i += n;
    }
}

/// Reads a 版记 laid out as a table (Word drafts often rule it that way: `抄送：…` across one
/// row, the printing organ and `2021年7月2日印发` in two cells below) as the lines it prints, so
/// that it is read as the 版记 a text file gives, not as a table of the last attachment. Only
/// tables at the end of the document, below nothing but other 版记 lines, and whose every line
/// is a 版记 line (or carries on a 抄送 list), are read so.
fn unwrap_colophon_tables(blocks: &mut Vec<Block>) {
    let mut end = blocks.len();
    while end > 0 {
        match &blocks[end - 1] {
            Block::Para(_) => {
                let prev = end.checked_sub(2).map(|k| &blocks[k]);
                if is_colophon(&blocks[end - 1])
                    || prev.is_some_and(|p| continues_copied_to(p, &blocks[end - 1]))
                {
                    end -= 1;
                } else {
                    return;
                }
            }
            Block::Table(t) => {
                let paras = colophon_table_lines(t);
                let refs: Vec<&Block> = paras.iter().collect();
                if paras.is_empty() || colophon_len(&refs) != paras.len() {
                    return;
                }
                blocks.splice(end - 1..end, paras);
                // The lines put in are all 版记: go on above them.
                end -= 1;
            }
        }
    }
}

/// Reads a 版记 ruled as a table right under the letter's sign-off, before the pages of its
/// attachment (`2024年5月20日` / `（此件公开发布）` / a table `抄送：…` | `某某办公厅
/// 2024年5月21日印发` / `附件` / …), as the lines it prints, as [`unwrap_colophon_tables`]
/// reads one at the end: a notice whose attachment follows on pages of its own prints its 版记
/// on the page of the letter. Only a table right after a date alone on its line (or a note
/// under it), whose every line is a 版记 line, is read so.
fn unwrap_colophon_tables_under_signoff(blocks: &mut Vec<Block>) {
    let mut i = 1;
    while i < blocks.len() {
        if let Block::Table(t) = &blocks[i]
            && under_signoff(&blocks[..i])
        {
            let paras = colophon_table_lines(t);
            let refs: Vec<&Block> = paras.iter().collect();
            if !paras.is_empty() && colophon_len(&refs) == paras.len() {
                let n = paras.len();
                blocks.splice(i..=i, paras);
                i += n;
                continue;
            }
        }
        i += 1;
    }
}

/// Whether `above` ends with a letter's date alone on its line (`2024年5月20日`), or with a
/// note under it (`（此件公开发布）`).
fn under_signoff(above: &[Block]) -> bool {
    let para = |k: usize| match above.get(k) {
        Some(Block::Para(p)) => Some(p.text.as_str()),
        _ => None,
    };
    let mut end = above.len();
    if end > 0 && para(end - 1).is_some_and(is_note) {
        end -= 1;
    }
    end.checked_sub(1)
        .and_then(para)
        .is_some_and(|t| at_most_chars(t, 20) && only_dates(t))
}

/// The lines a table prints, row by row, read as 版记 lines: a row whose cells joined make
/// one (`抄送：` | `市委办公室…`, `某某办公室` | `2021年7月2日印发`) is that line, else each
/// cell's lines are lines of their own. A merged cell standing in several slots is read once.
fn colophon_table_lines(t: &Table) -> Vec<Block> {
    const LIST_LABELS: [&str; 4] = ["抄送", "抄报", "分送", "发送"];
    let mut out = Vec::new();
    if t.rows.len() > 8 || t.rows.iter().any(|r| r.len() > 4) {
        return out;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let line = t.row_lines.get(r).copied().unwrap_or(t.line);
        let mut cells: Vec<&str> = Vec::new();
        for c in row.iter().map(|c| c.trim_ws()).filter(|c| !c.is_empty()) {
            if cells.last() != Some(&c) {
                cells.push(c);
            }
        }
        if cells.is_empty() {
            continue;
        }
        let mut joined = String::new();
        for c in &cells {
            if !joined.is_empty() && !joined.ends_with(['：', ':']) {
                if LIST_LABELS.contains(&joined.as_str()) {
                    joined.push('：');
                } else {
                    joined.push(' ');
                }
            }
            joined.push_str(c);
        }
        if cells.len() > 1 && !joined.contains('\n') && is_colophon_text(&joined) {
            out.push(Block::Para(Para { text: joined, line }));
            continue;
        }
        for l in cells.iter().flat_map(|c| c.lines()) {
            let text = l.trim_ws();
            if !text.is_empty() {
                out.push(Block::Para(Para {
                    text: text.to_string(),
                    line,
                }));
            }
        }
    }
    out
}

/// Whether the head has no number yet, or this one (a number printed again).
fn none_or_same(current: &Option<DocNumber>, n: &DocNumber) -> bool {
    current.as_ref().is_none_or(|d| d.raw == n.raw)
}

/// `某政办发〔2016〕26号《某某关于……的通知》`: the number, and the title the 《》 hold, when a
/// line is nothing else.
fn number_then_quoted_title(text: &str) -> Option<(DocNumber, String)> {
    let (number, quoted) = text.split_once('《')?;
    let title = quoted.strip_suffix('》')?;
    if title.contains(['《', '》']) || !ends_like_title(title) {
        return None;
    }
    let number = parse_doc_number(number.trim_ws())?;
    Some((number, title.to_string()))
}

/// A title a site prints in 《》, as it cites a document: what they hold.
fn title_in_marks(title: &str) -> Option<&str> {
    title
        .strip_prefix('《')
        .and_then(|t| t.strip_suffix('》'))
        .filter(|inner| !inner.contains(['《', '》']))
}

/// A number a site's copy prints in brackets after the title (`……的通知（某府发〔2023〕41号）`):
/// where the bracket opens, and the number, which is no part of the title.
fn number_after_title(title: &str) -> Option<(usize, DocNumber)> {
    let inner = title.strip_suffix('）')?;
    let open = inner.rfind('（').filter(|&open| open > 0)?;
    Some((open, parse_doc_number(&inner[open + '（'.len_utf8()..])?))
}

/// The line a 纪要's masthead closes with: the unit that prints it, if named, and the date
/// (`某某市人民政府办公厅　　2023年3月5日`, also with the unit as its compiler:
/// `某某市人民政府办公室编　　2023年3月5日`, `…编印`). Returns the unit (empty when not named), the
/// date as printed, and the date.
fn masthead_print_line(text: &str) -> Option<(&str, &str, (i32, u32, u32))> {
    if !at_most_chars(text, 60) {
        return None;
    }
    let (start, ymd) = find_date(text)?;
    let organ = text[..start].trim_ws();
    // The unit that compiles it (`某某市人民政府办公室编`, `…编印`): the unit.
    let organ = organ
        .strip_suffix("编印")
        .or_else(|| organ.strip_suffix('编'))
        .map_or(organ, str::trim_end_ws);
    (organ.is_empty() || is_organ_line(organ)).then(|| (organ, &text[start..], ymd))
}

/// 1 when the first block is a headline that the notice's own head prints again under it: a
/// site's or a post's title over a copy of the notice (`某市人民政府关于印发…的通知` above `某市人民政府`
/// / `关于印发…` / `…的通知`, or above the title without its issuer), in 《》 or with the number
/// after it in brackets; read as the title, it would leave the notice's head (its number, its
/// addressees) in the body. 0 otherwise.
fn repeated_headline(blocks: &[&Block]) -> usize {
    let Some(Block::Para(first)) = blocks.first() else {
        return 0;
    };
    if first.text.len() > 600 {
        return 0;
    }
    let mut key: String = first.text.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(inner) = title_in_marks(&key) {
        key = inner.to_string();
    }
    if let Some((open, _)) = number_after_title(&key) {
        key.truncate(open);
    }
    // A site's headline may quote the plan's name where the notice prints it bare (`关于印发
    // 《某某方案》的通知`, `“十四五”`), or write its brackets and dash in ASCII (`(2021-2035年)`):
    // the two are compared without the marks, and with those written one way.
    let key: String = key.chars().filter_map(headline_char).collect();
    // Too short to be a title (an issuer's name printed twice is a joint head's).
    if key.chars().count() < 8 || !ends_like_title(&key) {
        return 0;
    }
    // The head below prints the headline over one line or several, from its first line (the
    // issuer's) or its second (the title's).
    // Each paragraph is compared with what is left of the headline character by character, so a
    // long one is turned down at its first difference.
    for start in 1..=3 {
        let mut left = key.as_str();
        for blk in blocks.iter().skip(start).take(6) {
            let Block::Para(p) = blk else { break };
            let mut rest = left.chars();
            if !p
                .text
                .chars()
                .filter_map(headline_char)
                .all(|c| rest.next() == Some(c))
            {
                break;
            }
            left = rest.as_str();
            if left.is_empty() {
                return 1;
            }
        }
    }
    0
}

/// A character of a headline as [`repeated_headline`] compares it with the notice's head: none
/// for a space or a quotation mark, and one way of writing a bracket or a dash.
fn headline_char(c: char) -> Option<char> {
    match c {
        c if c.is_whitespace() => None,
        '《' | '》' | '“' | '”' | '‘' | '’' | '"' | '\'' | '〈' | '〉' => None,
        '(' => Some('（'),
        ')' => Some('）'),
        '-' | '－' | '–' | '—' | '‐' | '~' | '～' => Some('—'),
        c => Some(c),
    }
}

/// Whether a head line opens a notice's head of its own: its issuer and its title on one line
/// (`某某省人民政府办公厅关于印发《……》的通知`), or the issuer alone over a title that opens with
/// `关于` (`某某省人民政府办公厅` / `关于印发……`). `next` is the block under the line.
fn opens_own_head(text: &str, next: Option<&Block>) -> bool {
    if let Some(at) = text.find("关于") {
        return at > 0 && ends_like_title(text) && is_organ_line(&text[..at]);
    }
    is_organ_line(text) && matches!(next, Some(Block::Para(q)) if q.text.starts_with("关于"))
}

/// Where a notice's own head ([`opens_own_head`]) opens at `k` or a few lines under it, when
/// every line from `k` to it may be wrapping ([`is_wrapping_line`]), as the lines above `k`
/// (the last of them `above`) are: no line before it leaves its sentence open
/// ([`leaves_open`]).
fn own_head_below(blocks: &[&Block], k: usize, above: Option<&Para>) -> Option<usize> {
    let mut last = above.map(|p| p.text.as_str());
    for j in k..blocks.len().min(HEAD_SCAN) {
        let Block::Para(p) = blocks[j] else {
            return None;
        };
        if opens_own_head(&p.text, blocks.get(j + 1).copied()) {
            return last.is_none_or(|l| !leaves_open_over_head(l)).then_some(j);
        }
        if !is_title_line(&p.text) || is_note(&p.text) || !is_wrapping_line(&p.text) {
            return None;
        }
        last = Some(&p.text);
    }
    None
}

/// Whether a line read above a notice's own head ([`opens_own_head`]) may be wrapping that is
/// no part of its title: no organ (a joint head's issuers stand one a line over the title, and
/// `某某厅文件` heads it), no `关于`. A post's headline (`权威发布｜某某若干措施印发`), its
/// `点击蓝字 关注我们`, the editor's `近日，……全文如下↓↓↓` are.
fn is_wrapping_line(text: &str) -> bool {
    !is_organ_line(text) && !text.contains("关于") && !text.ends_with("文件")
}

/// [`leaves_open`] for a line above a notice's own head: an issuing word finishes its sentence
/// with the head under it only after an organ (`某某县人民政府办公室转发` / `某某省人民政府关于
/// ……的通知`); a post's headline that ends in one (`某某工作要点印发`) names what was issued and
/// is a sentence of its own.
fn leaves_open_over_head(text: &str) -> bool {
    match ISSUER_ENDS.iter().find_map(|w| text.strip_suffix(w)) {
        Some(organ) => is_organ_line(organ),
        None => leaves_open(text),
    }
}

/// Whether a title line leaves its sentence open for the line under it to finish: an issuing
/// word (`某某县人民政府办公室转发` / `某某市人民政府关于……的通知` / `的通知`), an open mark or a
/// list's `、`.
fn leaves_open(text: &str) -> bool {
    ISSUER_ENDS.iter().any(|w| text.ends_with(w)) || text.ends_with(['《', '“', '、', '和', '及'])
}

/// A publication's byline under its title: the lines it takes, the organ, the printed date and
/// its (year, month, day).
type Byline<'a> = (usize, &'a str, &'a str, (i32, u32, u32));

/// The organ and date a publication prints under its title, at the top of `blocks`
/// (`某某州统计局` / `2024年4月10日`, or on one line `某某州统计局　2024年4月10日`), with its text
/// right under them (a sentence or a numbered heading, not a 主送 line): how many lines they
/// take, the organ, the printed date and its (year, month, day). `None` for a signature closing
/// a letter (nothing follows it) and for any other head.
fn byline_under_title<'a>(blocks: &[&'a Block]) -> Option<Byline<'a>> {
    let Some(Block::Para(first)) = blocks.first().copied() else {
        return None;
    };
    if !at_most_chars(&first.text, 60) {
        return None;
    }
    let (lines, organ, date_text, ymd) = match find_date(&first.text) {
        Some((start, ymd)) if start > 0 => {
            let organ = first.text[..start].trim_ws();
            (1, organ, &first.text[start..], ymd)
        }
        Some(_) => return None,
        None => {
            let Some(Block::Para(second)) = blocks.get(1).copied() else {
                return None;
            };
            let (start, ymd) = find_date(&second.text)
                .or_else(|| numeric_date(&second.text).map(|ymd| (0, ymd)))?;
            if start > 0 {
                return None;
            }
            (2, first.text.as_str(), second.text.as_str(), ymd)
        }
    };
    let Some(Block::Para(text)) = blocks.get(lines).copied() else {
        return None;
    };
    let opens_text = (has_sentence_punct(&text.text) && !is_addressee_line(&text.text))
        || numbering::has_marker(&text.text);
    (is_organ_line(organ) && opens_text).then_some((lines, organ, date_text, ymd))
}

/// The most lines of organs (or signers) read as the signature above the date.
const MAX_SIGNING_ORGANS: usize = 12;

/// How many blocks from the top may hold the head (title, number, addressees).
pub(crate) const HEAD_SCAN: usize = 12;

/// Reads the head: issuer, title, 发文字号 and addressees. Returns the index of the first body block.
fn read_head(b: &mut Builder, blocks: &[&Block]) -> usize {
    let mut k = 0;
    let mut title_lines: Vec<&Para> = Vec::new();
    let mut letterhead: Option<String> = None;
    let mut headline: Option<(String, usize)> = None;
    // Whether the 发文字号 was read under lines read as the title's (a page's headline over an
    // article that opens with its number).
    let mut number_under_lines = false;
    // A 纪要's masthead name (`某某市人民政府常务会议纪要`), once its 编印 line has been read: the
    // title when no title of the 纪要's own follows.
    let mut masthead: Vec<&Para> = Vec::new();
    while k < blocks.len() && k < HEAD_SCAN {
        let Block::Para(p) = blocks[k] else { break };
        // 份号, 密级 and 紧急程度 above the 发文机关标志 (`000123` / `机密★1年` / `特急`).
        if title_lines.is_empty()
            && letterhead.is_none()
            && masthead.is_empty()
            && b.doc.notice.doc_number.is_none()
            && is_head_mark(&p.text)
        {
            k += 1;
            continue;
        }
        // A 上行文 prints its 签发人 on the line of its number: `某政〔2023〕15号 签发人：张某某`.
        let (number_text, signers) = split_signers(&p.text);
        if let Some(signers) = signers
            && b.doc.notice.signers.is_empty()
        {
            if number_text.is_empty() {
                b.doc.notice.signers = signers;
                k = more_signers(blocks, k + 1, &mut b.doc.notice.signers);
                continue;
            }
            if b.doc.notice.doc_number.is_none()
                && let Some(n) = parse_doc_number(number_text)
            {
                b.doc.notice.doc_number = Some(n);
                b.doc.notice.signers = signers;
                k = more_signers(blocks, k + 1, &mut b.doc.notice.signers);
                continue;
            }
        }
        // An order's number printed with `令` under the organ or its head (`某某省人民政府` /
        // `第389号令`, as sites and news copies print it): the head's number, and the order is
        // titled by its head, `某某省人民政府令`.
        if b.doc.notice.doc_number.is_none()
            && letterhead.is_none()
            && let [head] = title_lines.as_slice()
            && let Some(mut n) = order_number(&p.text)
        {
            let organ = order_head(&head.text).unwrap_or(&head.text);
            if is_organ_line(organ) {
                n.agency = format!("{organ}令");
                headline = Some((n.agency.clone(), head.line));
                title_lines.clear();
                b.doc.notice.doc_number = Some(n);
                k += 1;
                continue;
            }
        }
        if let Some(n) = parse_doc_number(&p.text) {
            // A copy that prints the number twice (a site's heading over the notice's own).
            if none_or_same(&b.doc.notice.doc_number, &n) {
                number_under_lines |= !title_lines.is_empty();
                b.doc.notice.doc_number = Some(n);
                k += 1;
                continue;
            }
            break;
        }
        // A number in brackets under the head (`某某市人民政府通告` / `（2024年第1号）`,
        // `某某省人民政府令` / `（第389号）`, or a gazette's `某某省人民政府办公厅关于……的通知` /
        // `（鲁政办字〔2024〕45号）`): the head's number, read without its brackets.
        if b.doc.notice.doc_number.is_none()
            && (!title_lines.is_empty() || letterhead.is_some())
            && let Some(n) = p
                .text
                .strip_prefix('（')
                .and_then(|t| t.strip_suffix('）'))
                .and_then(parse_doc_number)
        {
            b.doc.notice.doc_number = Some(n);
            k += 1;
            continue;
        }
        // A site's heading that prints the number and the title in 《》 on one line
        // (`京政办发〔2016〕26号《北京市人民政府办公厅关于……的通知》`): the number, and the title
        // when the notice prints none of its own.
        if title_lines.is_empty()
            && let Some((number, title)) = number_then_quoted_title(&p.text)
            && none_or_same(&b.doc.notice.doc_number, &number)
        {
            b.doc.notice.doc_number = Some(number);
            headline = Some((title, p.line));
            k += 1;
            continue;
        }
        if b.doc.notice.doc_number.is_none()
            && let Some(n) = number_with_furniture(&p.text)
        {
            b.doc.notice.doc_number = Some(n);
            k += 1;
            continue;
        }
        // A web page's byline under the title (`来源：某厅 发布时间：2023-07-30 字号：大 中 小`), or
        // its time of posting alone (`2020年07月23日06:05:59`): page furniture, not the notice.
        // So is the same line, the page's tools or a post's call to follow it, printed inside the
        // article above the head (over its 发文字号 or its title), or between a post's headline
        // and the head.
        if is_head_furniture(&p.text) {
            // The number among the byline's fields (`发布时间：… 文号：某政〔2023〕3号`).
            if b.doc.notice.doc_number.is_none()
                && let Some(at) = p.text.find("发文字号").or_else(|| p.text.find("文号"))
            {
                b.doc.notice.doc_number = number_with_furniture(&p.text[at..]);
            }
            k += 1;
            continue;
        }
        // A publication printed on its own (a 统计公报) names its organ and date under its title
        // and goes on with its text, with no 主送 and no closing: its issuer, signature and date.
        if b.doc.notice.doc_number.is_none()
            && letterhead.is_none()
            && masthead.is_empty()
            && title_lines.last().is_some_and(|l| {
                ends_like_title(&l.text) && !is_minutes_title(&l.text) && !l.text.contains("关于")
            })
            && let Some((lines, organ, date_text, (y, m, d))) = byline_under_title(&blocks[k..])
        {
            letterhead = Some(organ.to_string());
            b.doc.notice.signature = Some(organ.to_string());
            b.doc.notice.date_text = Some(date_text.to_string());
            if is_real_date(y, m, d) {
                b.doc.notice.date = Some(iso_date(y, m, d));
            } else {
                b.diag(
                    Severity::Error,
                    "invalid_date",
                    format!("成文日期 `{date_text}` is not a real date"),
                    Some(p.line),
                );
            }
            k += lines;
            break;
        }
        // A page whose metadata table names the notice may start the article at its 主送机关.
        let headed = !title_lines.is_empty()
            || b.doc.notice.doc_number.is_some()
            || b.doc
                .source
                .page
                .as_ref()
                .is_some_and(|m| m.title.is_some() || m.doc_number.is_some());
        if let Some((lines, text)) = headed.then(|| addressee_lines(&blocks[k..])).flatten() {
            let text = text.trim_end_matches(['：', ':']);
            b.doc.notice.addressees = split_top_level(text, ADDRESSEE_SEPARATORS)
                .into_iter()
                .flat_map(split_named_organs)
                .collect();
            k += lines;
            break;
        }
        // `…发展规划` / `（2021—2025年）的通知`: the plan's years in brackets open the title's
        // last line.
        if !title_lines.is_empty()
            && b.doc.notice.doc_number.is_none()
            && let Some(rest) = p.text.strip_prefix('（')
            && rest
                .split_once('）')
                .is_some_and(|(_, after)| after.starts_with('的') && ends_like_title(after))
            && at_most_chars(&p.text, 80)
        {
            title_lines.push(p);
            k += 1;
            continue;
        }
        // A 纪要 numbers its meeting under its title (`〔2023〕第15次`): that is its number. An
        // issue number (`第15期`, `2023年第3期`) numbers the series the 纪要 is printed in, as a
        // bulletin's does, and is no 发文字号: the line is the masthead's, and is passed over.
        if b.doc.notice.doc_number.is_none()
            && title_lines
                .last()
                .is_some_and(|l| is_minutes_title(&l.text))
            && let Some(n) = parse_minutes_number(&p.text)
        {
            if !n.raw.ends_with('期') {
                b.doc.notice.doc_number = Some(n);
            }
            k += 1;
            continue;
        }
        // A 纪要's masthead closes with the unit that prints it and the date, on one line under
        // its name and number (`某某市人民政府办公厅　　2023年3月5日`): the issuer and the date, not a
        // closing; the title under it (`关于……的会议纪要`) is the 纪要's own.
        if masthead.is_empty()
            && title_lines
                .last()
                .is_some_and(|l| is_minutes_title(&l.text))
            && let Some((organ, date_text, (y, m, d))) = masthead_print_line(&p.text)
            && is_real_date(y, m, d)
        {
            if !organ.is_empty() && letterhead.is_none() {
                letterhead = Some(organ.to_string());
            }
            b.doc.notice.date = Some(iso_date(y, m, d));
            b.doc.notice.date_text = Some(date_text.to_string());
            masthead = std::mem::take(&mut title_lines);
            k += 1;
            continue;
        }
        // A joint order's head: its organs one a line over `令` alone (`中华人民共和国商务部` /
        // `中华人民共和国海关总署` / `令` / `2024年第2号`). The organs issue it, joined with `、` as
        // the organs of a joint head are, and the head is its title: `甲、乙令`.
        if p.text == "令"
            && b.doc.notice.doc_number.is_none()
            && letterhead.is_none()
            && !title_lines.is_empty()
            && title_lines
                .iter()
                .all(|l| is_organ_line(&l.text) && !l.text.contains("关于"))
        {
            title_lines.push(p);
            k += 1;
            continue;
        }
        if is_title_line(&p.text) && !is_note(&p.text) {
            // (`某某厅　文件`: `文件` set apart from the name by a space.)
            let organ = p.text.trim_end_matches("文件").trim_end_ws();
            let organ_or_none = organ.is_empty() || is_organ_line(organ);
            if p.text.ends_with("文件") && title_lines.is_empty() && letterhead.is_none() {
                // A joint 发文机关标志 on one line, its organs set apart by spaces
                // (`甲办公厅　乙办公厅文件`), names them as a joint signature does: `甲、乙`.
                letterhead = Some(
                    organs_set_apart(organ).map_or_else(|| organ.to_string(), |n| n.join("、")),
                );
            } else if p.text.ends_with("文件")
                && organ_or_none
                && (!title_lines.is_empty() || !organ.is_empty())
                && title_lines
                    .iter()
                    .all(|l| is_organ_line(&l.text) && !l.text.contains("关于"))
            {
                // A joint 发文机关标志: its organs one a line, with `文件` set once beside them
                // (`某某局` / `某某局` / `文件`) or after each (`某某局文件` / `某某局文件`).
                let names = letterhead
                    .take()
                    .filter(|l| !l.is_empty())
                    .into_iter()
                    .chain(title_lines.drain(..).map(|l| l.text.clone()))
                    .chain((!organ.is_empty()).then(|| organ.to_string()));
                letterhead = Some(names.collect::<Vec<_>>().join("、"));
            } else {
                // A post's or a page's wrapping above the notice's own head (a WeChat post's
                // headline, `点击蓝字 关注我们`, the editor's `近日，……全文如下↓↓↓`): the notice
                // starts at its issuer's line, and what is above it names no part of it.
                if b.doc.notice.doc_number.is_none()
                    && letterhead.is_none()
                    && !title_lines.is_empty()
                    && title_lines.iter().all(|l| is_wrapping_line(&l.text))
                    && let Some(head) = own_head_below(blocks, k, title_lines.last().copied())
                {
                    title_lines.clear();
                    k = head;
                    continue;
                }
                // The same wrapping over an article that opens with its 发文字号 (`省政府办公厅印发
                // 某某方案` / `某政办〔2023〕27号` / `某某省人民政府办公厅关于印发……的通知`): the
                // notice's own head under the number starts its title, and what is above the
                // number is the page's or the post's.
                if number_under_lines
                    && letterhead.is_none()
                    && !title_lines.is_empty()
                    && title_lines.iter().all(|l| is_wrapping_line(&l.text))
                    && opens_own_head(&p.text, blocks.get(k + 1).copied())
                {
                    title_lines.clear();
                    number_under_lines = false;
                }
                // A title ends with its 文种; a second title-like line after a complete title with
                // no 发文字号 between is not part of it unless the first line was only an issuer.
                // A line that opens with `的` (`的通知`, `的实施意见`) ends the title above, which
                // ended as a title only by chance (`…行动方案` / `的通知`).
                // So does a line that issues or forwards something and is not yet its notice
                // (`关于印发某某总体规划` / `实施方案的通知`): the name runs on to the line that
                // ends as the notice.
                let issuing = |l: &str| {
                    (l.contains("印发") || l.contains("转发") || l.contains("批转"))
                        && !l.ends_with("通知")
                };
                let complete = title_lines.last().is_some_and(|l| {
                    ends_like_title(&l.text)
                        && !is_organ_line(&l.text)
                        && !(issuing(&l.text) && p.text.ends_with("的通知"))
                }) && !p.text.starts_with('的');
                // An order titled above its head (`某某条例` / `中华人民共和国国务院令` / `第752号`):
                // the head names the issuer, and the number under it is the 发文字号.
                // (The title may close with a note of its version: `某某条例（2024年修订）`.)
                let titled = complete
                    || title_lines.last().is_some_and(|l| {
                        let t = without_version_note(&l.text);
                        t.len() < l.text.len() && ends_like_title(t) && !is_organ_line(t)
                    });
                if titled
                    && b.doc.notice.doc_number.is_none()
                    && letterhead.is_none()
                    && let Some(organ) = order_head(&p.text)
                    && let Some(Block::Para(next)) = blocks.get(k + 1)
                    && let Some(mut n) =
                        parse_doc_number(&next.text).or_else(|| order_number(&next.text))
                {
                    letterhead = Some(organ.to_string());
                    // `第752号` under the head is the head's number, as `国务院令第752号` is.
                    if n.agency.is_empty() {
                        n.agency.clone_from(&p.text);
                    }
                    b.doc.notice.doc_number = Some(n);
                    k += 2;
                    continue;
                }
                if complete && b.doc.notice.doc_number.is_none() {
                    break;
                }
                // A 公告 heads its page with the issuer and the form over the number
                // (`某某部公告` / `2024年第5号`) and titles it under the number
                // (`某某部关于……的公告`): the line above is its 发文机关标志, not its title.
                let bare_head = title_lines.len() == 1
                    && letterhead.is_none()
                    && BARE_FORMS.iter().any(|f| {
                        title_lines[0]
                            .text
                            .strip_suffix(f)
                            .is_some_and(is_organ_line)
                    })
                    && p.text.contains("关于")
                    && ends_like_title(&p.text);
                if complete && bare_head {
                    // The head is the organ and the form (`某某市人民政府通告`): the issuer is the
                    // organ.
                    let head = title_lines[0].text.as_str();
                    letterhead = BARE_FORMS
                        .iter()
                        .find_map(|f| head.strip_suffix(f))
                        .filter(|o| is_organ_line(o))
                        .map(str::to_string);
                    title_lines.clear();
                    title_lines.push(p);
                    k += 1;
                    continue;
                }
                // An organ's line over a whole title that opens with the same organ, named in full
                // on the line (`陕西省宝鸡市人民政府办公室` / `宝鸡市人民政府办公室关于印发……的
                // 通知`, or `苏州市政府办公室关于…`, `市政府办公室关于…`): the line above is the
                // 发文机关标志 printed without `文件`, not the first line of the title (which would
                // then name its issuer twice).
                if letterhead.is_none()
                    && let [organ] = title_lines.as_slice()
                    && is_organ_line(&organ.text)
                    && !organ.text.contains("关于")
                    && ends_like_title(&p.text)
                    && p.text.find("关于").is_some_and(|at| {
                        let lead = &p.text[..at];
                        at > 0
                            && is_organ_line(lead)
                            && (organ.text.ends_with(lead)
                                || organ
                                    .text
                                    .replace("人民政府", "政府")
                                    .ends_with(&lead.replace("人民政府", "政府"))
                                || expands_short_organ(lead, &organ.text))
                    })
                {
                    letterhead = Some(organ.text.clone());
                    title_lines.clear();
                    title_lines.push(p);
                    k += 1;
                    continue;
                }
                // The same head set on two lines, the organ over the form spaced out
                // (`中华人民共和国生态环境部` / `公　　告` / `2024年　第12号` / `关于……的公告`): the
                // organ is the issuer, and the title is the line under the number.
                if let [organ, form] = title_lines.as_slice()
                    && b.doc.notice.doc_number.is_some()
                    && letterhead.is_none()
                    && is_organ_line(&organ.text)
                    && !organ.text.contains("关于")
                    && is_spaced_bare_form(&form.text)
                    && p.text.contains("关于")
                    && ends_like_title(&p.text)
                {
                    letterhead = Some(organ.text.clone());
                    title_lines.clear();
                    title_lines.push(p);
                    k += 1;
                    continue;
                }
                // A page's headline over an article that prints its own head, the number and
                // then a whole title (`某某市人民政府办公室关于……的通知` / `某发改〔2023〕9号` /
                // `某某局关于……的通知`): the title under the number is the notice's, which a
                // document prints under its number; the headline above may name another
                // document (a site's error), and is said when it does.
                if complete
                    && number_under_lines
                    && letterhead.is_none()
                    && b.doc.notice.doc_number.is_some()
                    && p.text.contains("关于")
                    && ends_like_title(&p.text)
                    && title_lines.iter().any(|l| l.text.contains("关于"))
                {
                    let above: String = title_lines.iter().map(|l| l.text.as_str()).collect();
                    if !same_title(&above, &p.text) {
                        b.diag(
                            Severity::Warning,
                            "headline_mismatch",
                            format!(
                                "the page's headline `{above}` differs from the title the document prints under its 发文字号, `{}`: the printed title is taken",
                                p.text
                            ),
                            Some(p.line),
                        );
                    }
                    title_lines.clear();
                    title_lines.push(p);
                    number_under_lines = false;
                    k += 1;
                    continue;
                }
                if complete {
                    break;
                }
                title_lines.push(p);
            }
            k += 1;
            continue;
        }
        break;
    }
    // A 纪要 titled by its masthead alone.
    if title_lines.is_empty() {
        title_lines = masthead;
    }
    if title_lines.is_empty() && b.doc.notice.doc_number.is_none() && letterhead.is_none() {
        return 0;
    }
    // Joint issuers print one name a line above the title (`国务院办公厅` / `中央军委办公厅` /
    // `关于……的通知`): their names are joined with `、`, in the issuer and in the title, so that
    // they do not run together.
    let issuer_lines = title_lines
        .iter()
        .take(title_lines.len().saturating_sub(1))
        .take_while(|p| is_organ_line(&p.text) && !p.text.contains("关于"))
        .count();
    // The organs' line printed again right above the title (a 红头 over the number, then the
    // same names over `关于……`) names them once.
    // (The names one a line in the 红头, and on one line set apart by spaces, or by `、` as
    // normalization joins them, over the title: each name once.)
    let mut names: Vec<&str> = Vec::with_capacity(issuer_lines);
    for p in &title_lines[..issuer_lines] {
        let line_names = organs_set_apart(&p.text).unwrap_or_else(|| vec![p.text.as_str()]);
        for name in line_names {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    let joint = (issuer_lines > 0).then(|| names.join("、"));
    // A 发文机关标志 without `文件` (the 信函格式 of a 函 or 请示: `某市人民政府` above
    // `某市人民政府关于……的请示`) names organs the title already names before its `关于`: it
    // heads the letter and is not part of the title.
    let rest: String = title_lines[issuer_lines..]
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    let lead = ISSUER_ENDS
        .iter()
        .filter_map(|w| rest.find(w))
        .min()
        .unwrap_or(rest.len());
    // The same for a title that names the organ by its short form (`江苏省人民政府` over
    // `省政府关于……的批复`, as 江苏's 函 and 批复 are printed), or the joint head's organs each by
    // theirs in the same order (`中共某某市委办公室` / `某某市人民政府办公室` over `市委办公室
    // 市政府办公室关于……的通知`): the head is the organs in full.
    let short_named = lead < rest.len() && short_forms_of(&rest[..lead], &names);
    let named_in_title = short_named
        || issuer_lines > 0
            && title_lines[..issuer_lines]
                .iter()
                .all(|p| rest[..lead].contains(p.text.as_str()));
    let first_title_line = if named_in_title { issuer_lines } else { 0 };
    let mut title = if named_in_title {
        String::new()
    } else {
        joint.clone().unwrap_or_default()
    };
    // A title names one thing: the spaces its layout set between words go.
    title.push_str(&crate::normalize::close_word_spaces(&rest));
    let mut title_line = title_lines.get(first_title_line).map(|p| p.line);
    if let Some(inner) = title_in_marks(&title) {
        title = inner.to_string();
    }
    if let Some((open, n)) = number_after_title(&title)
        && none_or_same(&b.doc.notice.doc_number, &n)
    {
        b.doc.notice.doc_number = Some(n);
        title.truncate(open);
    }
    if title.is_empty()
        && let Some((headline, line)) = headline
    {
        title = headline;
        title_line = Some(line);
    }
    // An order with no title of its own is titled by its head, as when the head stands over its
    // number (`某某省人民政府令` / `第436号`): printed on one line with the number
    // (`某某省人民政府令第436号`), the head is the number's agency.
    if title.is_empty()
        && letterhead.is_none()
        && let Some(n) = &b.doc.notice.doc_number
        && order_head(&n.agency).is_some()
    {
        title = n.agency.clone();
        title_line = blocks[..k].iter().find_map(|blk| match blk {
            Block::Para(p) if p.text.starts_with(n.raw.as_str()) => Some(p.line),
            _ => None,
        });
    }
    if !title.is_empty() {
        b.doc.notice.title = Some(title.clone());
        b.doc.notice.line = title_line;
    }
    // An order's number printed under its head (`某某省人民政府令` / `第436号`, `〔2022〕第3号`) is
    // the head's, as when printed on one line with it (`某某省人民政府令第436号`).
    if let Some(n) = &mut b.doc.notice.doc_number
        && n.agency.is_empty()
        && n.raw.starts_with(['第', '〔'])
        && order_head(&title).is_some()
    {
        n.agency.clone_from(&title);
    }
    b.doc.notice.issuer = if joint.is_some() && (!named_in_title || short_named) {
        joint
    } else if let Some(pos) = ISSUER_ENDS
        .iter()
        .filter_map(|w| title.find(w))
        .min()
        .filter(|&p| p > 0 && at_most_chars(&title[..p], 40))
    {
        let lead = &title[..pos];
        // The title's short form of the organ its letterhead names in full (`苏州市政府办公室`
        // under `江苏省苏州市人民政府办公室`): the full name.
        let short_of_letterhead = letterhead.as_deref().filter(|l| {
            (!lead.contains("人民政府")
                && lead.contains("政府")
                && l.replace("人民政府", "政府").ends_with(lead))
                || expands_short_organ(lead, l)
        });
        Some(short_of_letterhead.unwrap_or(lead).to_string())
    } else if let Some(organ) = BARE_FORMS
        .iter()
        .find_map(|f| title.strip_suffix(f))
        .filter(|o| is_organ_line(o))
    {
        Some(organ.to_string())
    } else {
        joint.or(letterhead)
    };
    k
}

struct Segment<'a> {
    kind: PartKind,
    label: Option<String>,
    title: Option<String>,
    blocks: Vec<&'a Block>,
    line: usize,
}

/// Titles compared modulo book-title marks, quotes and spaces ([`title_key`]), and a trailing
/// `表` on either side: `…重点任务分工` in the 附件说明 and `…重点任务分工表` over the table are
/// the same attachment, as a reader takes them (the list often shortens the heading so).
pub(crate) fn same_title(a: &str, b: &str) -> bool {
    // An attachment printed with the mark that it is left out (`某某清单（略）` over no content)
    // is the one listed without it.
    fn unmarked(t: &str) -> &str {
        crate::checks::omission_mark(t).map_or(t, |at| &t[..at])
    }
    let (a, b) = (title_key(unmarked(a)), title_key(unmarked(b)));
    a == b || a.strip_suffix('表') == Some(&*b) || b.strip_suffix('表') == Some(&*a)
}

/// Splits what follows the letter into enclosures and attachments.
/// A title compared as printed words: without book-title marks (`《》`, and `〈〉` nested in
/// them), quotes and spaces.
pub(crate) fn title_key(t: &str) -> String {
    t.chars()
        .filter(|c| !matches!(c, '《' | '》' | '〈' | '〉' | '“' | '”' | ' ' | '\u{3000}'))
        .collect()
}

/// The parts after the letter. `listed` holds the title keys of the attachments the letter
/// lists (`order` the list itself): a `附件1：X` line heads a part only when X is one of them; `named` says whether the
/// letter names a title in 《》 (see [`take_title`]).
fn segments<'a>(
    rest: &[&'a Block],
    listed: &rustc_hash::FxHashSet<String>,
    order: &[AttachmentRef],
    caption: &dyn Fn(&Block) -> Option<String>,
    named: &dyn Fn(&str) -> bool,
) -> Vec<Segment<'a>> {
    let mut out: Vec<Segment<'a>> = Vec::new();
    let mut i = 0;
    while i < rest.len() {
        let blk = rest[i];
        // A table whose title rows name a listed attachment (`附件2` over its title, inside the
        // table) starts that attachment's page, though no paragraph heads it.
        if let Block::Table(_) = blk
            && let Some(c) = caption(blk)
            && let Some((label, title)) = numbered_attachment_head(&c).filter(|(l, t)| {
                listed.contains(&title_key(t)) || heads_unlisted_attachment(rest, i, &out, l, t)
            })
            && out.last().is_none_or(|s| s.label.as_deref() != Some(label))
        {
            out.push(Segment {
                kind: PartKind::Attachment,
                label: Some(label.to_string()),
                title: Some(title.to_string()),
                blocks: Vec::new(),
                line: blk.line(),
            });
        }
        if let Block::Para(p) = blk {
            if let Some((label, title)) = numbered_attachment_head(&p.text).filter(|(l, t)| {
                listed.contains(&title_key(t)) || heads_unlisted_attachment(rest, i, &out, l, t)
            }) {
                out.push(Segment {
                    kind: PartKind::Attachment,
                    label: Some(label.to_string()),
                    title: Some(title.to_string()),
                    blocks: Vec::new(),
                    line: p.line,
                });
                i += 1;
                continue;
            }
            // `附件：X` heading an attachment's page (see `take_notes_and_lists`).
            if let Some(list) = attachment_list(&p.text) {
                out.push(Segment {
                    kind: PartKind::Attachment,
                    label: Some("附件".to_string()),
                    title: Some(list.trim_ws().to_string()),
                    blocks: Vec::new(),
                    line: p.line,
                });
                i += 1;
                continue;
            }
            // `附表1` over a schedule's title that the plan listed (`附表：1．X`), as `附件1` over
            // an attachment's.
            let schedule = || {
                is_schedule_label(&p.text)
                    && matches!(rest.get(i + 1), Some(Block::Para(q)) if listed.contains(&title_key(&q.text)))
            };
            if is_attachment_label(&p.text) || schedule() {
                let label = p.text.trim_end_matches(['：', ':']).to_string();
                let mut seg = Segment {
                    kind: PartKind::Attachment,
                    label: Some(label),
                    title: None,
                    blocks: Vec::new(),
                    line: p.line,
                };
                i += 1;
                i = take_title(rest, i, &mut seg, named, listed);
                out.push(seg);
                continue;
            }
            // An attachment printed without its `附件N` label after labelled ones (or after one
            // printed so itself): a line that is the title the 附件说明 lists next after the
            // current attachment's, once that attachment has printed something, starts its
            // part, as the first attachment's title does.
            if let Some(cur) = out.last()
                && cur.kind == PartKind::Attachment
                && !cur.blocks.is_empty()
                && at_most_chars(&p.text, 80)
                && !p.text.contains(['。', '；', ';'])
                && is_listed(listed, &p.text)
                && listed_next(order, cur).is_some_and(|next| same_title(&next.title, &p.text))
            {
                out.push(Segment {
                    kind: PartKind::Attachment,
                    label: None,
                    title: Some(p.text.clone()),
                    blocks: Vec::new(),
                    line: p.line,
                });
                i += 1;
                continue;
            }
            if out.is_empty()
                || starts_next_enclosure(rest, i, out.last(), named)
                || starts_issued_document(rest, i, out.last())
            {
                let mut seg = Segment {
                    kind: PartKind::Enclosure,
                    label: None,
                    title: None,
                    blocks: Vec::new(),
                    line: p.line,
                };
                i = take_title(rest, i, &mut seg, named, listed);
                // A part titled as the 附件说明 lists it is that attachment, printed without its
                // `附件` label line (as portal pages and Markdown copies print it).
                if seg.title.as_deref().is_some_and(|t| is_listed(listed, t)) {
                    seg.kind = PartKind::Attachment;
                }
                out.push(seg);
                continue;
            }
        }
        if out.is_empty() {
            out.push(Segment {
                kind: PartKind::Enclosure,
                label: None,
                title: None,
                blocks: Vec::new(),
                line: blk.line(),
            });
        }
        if let Some(seg) = out.last_mut() {
            seg.blocks.push(blk);
        }
        i += 1;
    }
    out
}

/// The attachment the 附件说明 (`order`) lists after the one `seg` is: found by its title, or
/// by the number of its label (`附件2`).
fn listed_next<'o>(order: &'o [AttachmentRef], seg: &Segment) -> Option<&'o AttachmentRef> {
    let number = seg
        .label
        .as_deref()
        .and_then(|l| l.strip_prefix("附件"))
        .and_then(|n| numbering::parse_cn_number(n.trim_ws()));
    let at = order.iter().position(|a| {
        seg.title
            .as_deref()
            .is_some_and(|t| same_title(&a.title, t))
            || number.is_some_and(|n| a.index == Some(n))
    })?;
    order.get(at + 1)
}

/// Whether `rest[i]`, labelled `label` and titled `title` on one line (`附件1：某某职责`), heads
/// an attachment's page that no 附件说明 lists: the attachment numbered next (附件1 first, then
/// one more than the last numbered attachment's), titled as a title is (up to 80 characters, no
/// stop or semicolon), and not one line of a list of such labels (`附件1：X` / `附件2：Y`, an
/// enclosed document's own 附件说明), the line under it or over it labelled as well.
fn heads_unlisted_attachment(
    rest: &[&Block],
    i: usize,
    out: &[Segment],
    label: &str,
    title: &str,
) -> bool {
    let labelled = |j: Option<usize>| {
        j.and_then(|j| rest.get(j)).is_some_and(
            |b| matches!(b, Block::Para(q) if numbered_attachment_head(&q.text).is_some()),
        )
    };
    let number = |l: &str| l.strip_prefix("附件").and_then(numbering::parse_cn_number);
    let expected = out
        .iter()
        .rev()
        .find_map(|s| {
            s.label
                .as_deref()
                .filter(|_| s.kind == PartKind::Attachment)
                .and_then(number)
        })
        .map_or(1, |n| n + 1);
    number(label) == Some(expected)
        && at_most_chars(title, 80)
        && !title.contains(['。', '；', ';'])
        && !labelled(Some(i + 1))
        && !labelled(i.checked_sub(1))
}

/// Whether `rest[i]`, in the enclosure `current`, is the title of a second document the notice
/// transmits (`印发A和B的通知`: `A` / `第一条…` / `B` / `第一条…`): a line that ends as a title,
/// other than the enclosure's own, that the letter names in 《》 (`named`:
/// `《A》《B》已经市政府同意，现印发给你们`), over a first item numbered 1 (`第一条`, `一、`), where
/// the outline starts again.
fn starts_next_enclosure(
    rest: &[&Block],
    i: usize,
    current: Option<&Segment>,
    named: &dyn Fn(&str) -> bool,
) -> bool {
    let Some(Block::Para(p)) = rest.get(i) else {
        return false;
    };
    // Nearly every paragraph ends a sentence, or is longer than a title, and is turned down
    // before anything is looked up.
    p.text.len() <= 240
        && !p.text.ends_with(['。', '；', '：'])
        && ends_like_title_with_period(&p.text)
        && current.is_some_and(|s| {
            s.kind == PartKind::Enclosure && s.title.as_deref().is_some_and(|t| t != p.text)
        })
        && is_title_line(&p.text)
        && matches!(rest.get(i + 1), Some(Block::Para(q))
            if numbering::marker(&q.text).is_some_and(|m| m.number == 1))
        && named(&p.text)
}

/// Whether `rest[i]`, in the enclosure `current`, is the title of the document that the
/// enclosed notice itself issues, printed under its sign-off: a 转发 notice reprints the notice
/// it forwards in full (`某市人民政府办公厅关于印发A的通知` / its number, addressees and letter /
/// `某市人民政府办公厅` / `2022年4月2日` / `（此件公开发布）` / `A` / …). The line, right after a
/// date alone on its line (or a note under it), ends like a title, and the enclosure, a notice
/// that issues or forwards ([`issues_or_forwards`]), names it in 《》
/// (`《A》已经市政府同意，现印发给你们`, `省发展改革委《A》已经省政府同意，现转发给你们`). Only a
/// line after a date is looked at closer.
fn starts_issued_document(rest: &[&Block], i: usize, current: Option<&Segment>) -> bool {
    let Some(Block::Para(p)) = rest.get(i) else {
        return false;
    };
    let para = |j: usize| match rest.get(j) {
        Some(Block::Para(q)) => Some(q.text.as_str()),
        _ => None,
    };
    let Some(mut before) = i.checked_sub(1) else {
        return false;
    };
    if para(before).is_some_and(is_note) {
        let Some(b) = before.checked_sub(1) else {
            return false;
        };
        before = b;
    }
    para(before).is_some_and(|t| at_most_chars(t, 20) && only_dates(t))
        && p.text.len() <= 240
        && ends_like_title_with_period(&p.text)
        && is_title_line(&p.text)
        && current.is_some_and(|s| {
            s.kind == PartKind::Enclosure
                && s.title
                    .as_deref()
                    .is_some_and(|t| t.ends_with("通知") && issues_or_forwards(t) && t != p.text)
                && s.blocks.iter().any(|blk| {
                    matches!(blk, Block::Para(q) if q.text.match_indices('《')
                        .any(|(at, _)| q.text[at + '《'.len_utf8()..]
                            .strip_prefix(p.text.as_str())
                            .is_some_and(|r| r.starts_with('》'))))
                })
        })
}

/// Whether a notice's title says it issues or forwards another document: `关于印发A的通知`, and
/// a notice forwarded in turn (`某省人民政府办公厅转发省发展改革委关于……意见的通知`,
/// `批转…`), which reprints the document it forwards under its sign-off as well.
fn issues_or_forwards(title: &str) -> bool {
    ["印发", "转发", "批转"].iter().any(|w| title.contains(w))
}

/// Whether `text` is the period or status a title may close with, in brackets:
/// `（2023—2025年）`, `（试行）`, `（修订稿）`; not a date (`（2022年1月1日起施行）`, which records
/// the text's making, not its name) or a note.
fn is_title_period(text: &str) -> bool {
    text.strip_prefix('（')
        .and_then(|t| t.strip_suffix('）'))
        .is_some_and(|inner| {
            at_most_chars(inner, 14)
                && !has_sentence_punct(inner)
                && !is_note(text)
                && !inner.contains('日')
                && (inner.contains('年')
                    || ["试行", "暂行", "修订", "稿", "版"]
                        .iter()
                        .any(|w| inner.ends_with(w)))
        })
}

/// Whether `line` ends as a title ends ([`ends_like_title`]), also before the period or status
/// it may close with: `三年行动方案（2023—2025年）`, `管理办法（试行）`.
fn ends_like_title_with_period(line: &str) -> bool {
    if ends_like_title(line) {
        return true;
    }
    line.ends_with('）')
        && line
            .rfind('（')
            .is_some_and(|open| is_title_period(&line[open..]) && ends_like_title(&line[..open]))
}

/// Whether the 附件说明 lists `title` (`listed` holds the title keys of its items), also when
/// one of the two ends in `表` and the other not (`…重点任务分工` listed, `…重点任务分工表`
/// printed), the usual small difference between the list and the attachment's heading: the
/// titles are compared as [`same_title`] compares them, in lookups.
fn is_listed(listed: &rustc_hash::FxHashSet<String>, title: &str) -> bool {
    if listed.is_empty() {
        return false;
    }
    let key = title_key(title);
    listed.contains(&key)
        || key.strip_suffix('表').is_some_and(|k| listed.contains(k))
        || listed.contains(&format!("{key}表"))
}

/// Reads a part's title at `i` (one line, or more when the first does not yet end like a title:
/// `西安市推动制造业高质量发展` / `三年行动方案（2023—2025年）`). A line that ends like a title is
/// the whole title unless the letter names it with the next line in 《》 (`named`):
/// `某市国土空间总体规划` / `实施方案` under `现将《某市国土空间总体规划实施方案》印发给你们`, or
/// its 附件说明 lists the two lines as one title (`listed`): `某某若干措施` / `重点任务分工表`.
fn take_title(
    rest: &[&Block],
    mut i: usize,
    seg: &mut Segment,
    named: &dyn Fn(&str) -> bool,
    listed: &rustc_hash::FxHashSet<String>,
) -> usize {
    let Some(Block::Para(p)) = rest.get(i) else {
        return i;
    };
    if !is_title_line(&p.text) {
        return i;
    }
    let mut title = p.text.clone();
    i += 1;
    while let Some(Block::Para(q)) = rest.get(i) {
        if !is_title_line(&q.text) || char_len(&title) + char_len(&q.text) > 80 {
            break;
        }
        let joins = if ends_like_title_with_period(&title) {
            ends_like_title_with_period(&q.text) && {
                let joined = format!("{title}{}", q.text);
                named(&joined) || is_listed(listed, &joined)
            }
        } else {
            ends_like_title_with_period(&q.text)
                || named(&format!("{title}{}", q.text))
                || issuer_over_title(&title, rest, i)
        };
        if !joins {
            break;
        }
        title.push_str(&q.text);
        i += 1;
    }
    // `某某行动方案` / `（2023—2025年）`, `（试行）`: the years or status on the line under it.
    if let Some(Block::Para(q)) = rest.get(i)
        && is_title_period(&q.text)
    {
        title.push_str(&q.text);
        i += 1;
    }
    // As the notice's title: the spaces its layout set between words go.
    seg.title = Some(crate::normalize::close_word_spaces(&title).into_owned());
    i
}

/// Whether `title`, read so far, is an issuer over its title at `i` (`某某市人民政府办公厅` /
/// `关于印发某某市促进养老托育服务健康发展` / `实施方案的通知`), as a notice forwarded in full
/// prints its head: an organ's line, then a line that opens with `关于` and ends like a title, or
/// whose next line does.
fn issuer_over_title(title: &str, rest: &[&Block], i: usize) -> bool {
    let ends = |j: usize| {
        matches!(rest.get(j), Some(Block::Para(q))
            if is_title_line(&q.text) && ends_like_title_with_period(&q.text))
    };
    matches!(rest.get(i), Some(Block::Para(q)) if q.text.starts_with("关于"))
        && is_organ_line(title)
        && (ends(i) || ends(i + 1))
}

/// Builds one part: preamble, outline and tables.
fn build_part(
    b: &mut Builder,
    kind: PartKind,
    label: Option<String>,
    title: Option<String>,
    blocks: &[&Block],
    line: usize,
) -> Part {
    let mut part = Part {
        kind,
        label,
        title,
        line,
        ..Part::default()
    };
    // A closing formula at the end, after numbered sections, is the letter's own; so is the
    // sign-off of an enclosed or forwarded document — its signature (up to three organ lines)
    // and its date — which would otherwise read as the last item's paragraphs.
    let dated = blocks.last().and_then(|b| b.para_text()).is_some_and(|t| {
        at_most_chars(t, 60)
            && !t.starts_with('（')
            && find_date(t).is_some_and(|(start, _)| {
                start == 0 || is_organ_line(&t[..start]) || is_signer_line(&t[..start])
            })
    });
    let signoff = if dated {
        1 + blocks[..blocks.len() - 1]
            .iter()
            .rev()
            .take(3)
            .take_while(|blk| {
                blk.para_text()
                    .is_some_and(|t| is_organ_line(t) || is_signer_line(t))
            })
            .count()
    } else {
        0
    };
    let mut closers = signoff
        + blocks[..blocks.len() - signoff]
            .iter()
            .rev()
            .take_while(|blk| {
                matches!(blk, Block::Para(p) if is_closing_formula(&p.text)
                    || is_exhortation(&p.text)
                    || is_warning_to_recipients(&p.text))
            })
            .count();
    // The charge to all the recipients that closes an 意见 or a notice
    // (`各地区、各部门要……抓好本意见贯彻落实。`), right after the text of its last numbered
    // measure: the document's, not that measure's. After an unnumbered paragraph it may be the
    // last section's own text (`五、组织实施` / `加强组织领导……` / `各地区各部门要……`), and stays.
    if let [.., before, Block::Para(charge)] = &blocks[..blocks.len() - closers]
        && is_charge_to_recipients(&charge.text)
        && before
            .para_text()
            .is_some_and(|t| numbering::has_marker(t) && t.contains('。'))
    {
        closers += 1;
    }
    // A formula right under a bare heading (`二、附则` / `本办法自印发之日起施行。` /
    // `本办法由省财政厅负责解释。`) is that heading's text, not the part's closing, and so are the
    // like formulas after it; a set formula (`二、做好值班值守` / `特此通知。`) is the letter's all
    // the same.
    let not_set = |closers: usize| {
        blocks[blocks.len() - closers]
            .para_text()
            .is_none_or(|t| closing_formula(t) != Some(Closing::Set))
    };
    if closers > signoff
        && not_set(closers)
        && blocks[..blocks.len() - closers]
            .last()
            .and_then(|b| b.para_text())
            .is_some_and(|t| {
                at_most_chars(t, 30)
                    && !t.contains(['。', '；', ';', '：', ':'])
                    && numbering::has_marker(t)
            })
    {
        let in_force = |closers: usize| {
            blocks[blocks.len() - closers]
                .para_text()
                .is_some_and(|t| closing_formula(t) == Some(Closing::InForce))
        };
        let kept_in_force = in_force(closers);
        closers -= 1;
        while kept_in_force && closers > signoff && in_force(closers) {
            closers -= 1;
        }
    }
    // The words under a list of bare names that is all the part numbers (a 名单 printed as
    // `1．成都市武侯区` / `2．…` / `各示范区要珍惜荣誉……。`): no entry says anything of its own,
    // so a sentence after the last one (even under a bare heading, as above) is the letter's, not that entry's text.
    closers += prose_after_name_list(&blocks[..blocks.len() - closers]);
    let numbered = || {
        blocks[..blocks.len() - closers]
            .iter()
            .any(|blk| matches!(blk, Block::Para(p) if numbering::has_marker(&p.text)))
    };
    let blocks = if closers > 0 && numbered() {
        part.closing = blocks[blocks.len() - closers..]
            .iter()
            .filter_map(|blk| match blk {
                Block::Para(p) => Some(p.text.clone()),
                Block::Table(_) => None,
            })
            .collect();
        &blocks[..blocks.len() - closers]
    } else {
        blocks
    };
    let mut outline = Outline::default();
    let mut prev_para: Option<&Para> = None;
    // A paragraph the layout cut before its end, held until the rest is read: a parenthesized
    // line wrapped (`（二○○四年六月十六日国务院` / `第54次常务会议修订通过）`), or a sentence cut
    // after a `，` or `、` (`5．加强消费维权。健全消费纠纷多元化解机制，` / `畅通投诉举报渠道。…`) —
    // no sentence ends there, so the line after it, unless it is numbered, goes on with it.
    // The held text's parenthesis balance is kept as lines join it, each line counted once.
    let mut held: Option<(Para, Unfinished, i32)> = None;
    for (k, blk) in blocks.iter().enumerate() {
        // Text held from the blocks before this one stands before it (positions are 1-based).
        outline.order = BlockOrder(k);
        if let Some((mut text, why, open)) = held.take() {
            match blk {
                Block::Para(p) if !numbering::has_marker(&p.text) => {
                    let balance = paren_balance(&p.text);
                    let joins = match why {
                        Unfinished::Sentence => true,
                        Unfinished::Paren => char_len(&text.text) + char_len(&p.text) <= 120,
                        Unfinished::OpenParen => balance < 0,
                        Unfinished::Cut => rest_of_sentence(&p.text),
                    };
                    if joins {
                        text.text.push_str(&p.text);
                        let open = open + balance;
                        match unfinished(&text.text, why, open) {
                            Some(why) => held = Some((text, why, open)),
                            None => outline.push(&text),
                        }
                        continue;
                    }
                    outline.push(&text);
                }
                _ => outline.push(&text),
            }
        }
        let fresh = match blk {
            Block::Para(p) => {
                let open = paren_balance(&p.text);
                unfinished(&p.text, Unfinished::Paren, open)
                    .or_else(|| {
                        (open == 0 && cut_in_article(&p.text, &outline)).then_some(Unfinished::Cut)
                    })
                    .map(|why| (why, open))
            }
            Block::Table(_) => None,
        };
        match blk {
            Block::Para(p) if fresh.is_some() => {
                held = fresh.map(|(why, open)| (p.clone(), why, open));
                prev_para = None;
            }
            Block::Para(p) => {
                outline.order = BlockOrder(k + 1);
                outline.push(p);
                prev_para = Some(p);
            }
            Block::Table(placeholder) => {
                // The grid itself was moved out of the block stream (see `build`).
                let mut t = b
                    .tables
                    .get_mut(&(*blk as *const Block as usize))
                    .and_then(Option::take)
                    .unwrap_or_else(|| (**placeholder).clone());
                // `续表` (or the table's title again) between two parts of one table: the
                // marker is no text, and the parts are one table.
                if let (Some(p), Some(prev)) = (prev_para, part.tables.last_mut())
                    && k >= 2
                    && matches!(blocks[k - 2], Block::Table(_))
                    && (is_continuation_marker(&p.text)
                        || prev.caption.as_deref() == Some(p.text.as_str())
                        || part.title.as_deref() == Some(p.text.as_str()))
                    && join_continued_table(prev, &mut t)
                {
                    outline.take_last_paragraph(&p.text);
                    prev_para = None;
                    continue;
                }
                // A table cut by a page break with nothing between the parts (a Word page's
                // `<table>` closed at the break and opened again): the second part goes on
                // with the first's numbers, or prints its header again.
                if k >= 1
                    && matches!(blocks[k - 1], Block::Table(_))
                    && t.caption.is_none()
                    && let Some(prev) = part.tables.last_mut()
                    && goes_on_from(prev, &t)
                    && join_continued_table(prev, &mut t)
                {
                    continue;
                }
                // The same with the marker as the second part's own title row.
                if k >= 1
                    && matches!(blocks[k - 1], Block::Table(_))
                    && t.caption.as_deref().is_some_and(is_continuation_marker)
                    && let Some(prev) = part.tables.last_mut()
                    && join_continued_table(prev, &mut t)
                {
                    continue;
                }
                if let Some(p) = prev_para
                    && is_caption(&p.text)
                    && outline.take_last_paragraph(&p.text)
                {
                    t.caption = Some(p.text.clone());
                }
                t.order = BlockOrder(k + 1);
                t.preamble_at = PreambleAt(outline.preamble_len());
                part.tables.push(t);
                prev_para = None;
            }
        }
    }
    if let Some((text, _, _)) = held {
        outline.order = BlockOrder(blocks.len());
        outline.push(&text);
    }
    let (preamble, sections) = outline.finish();
    part.preamble = preamble;
    part.sections = sections;
    part
}

/// How many paragraphs of prose (sentences ended by `。` or `！`, up to two) end `blocks` right
/// after a list of at least three numbered bare names (`1．成都市武侯区`: a short name, no
/// punctuation of a sentence), the only numbered lines of `blocks`: none otherwise.
fn prose_after_name_list(blocks: &[&Block]) -> usize {
    let prose = blocks
        .iter()
        .rev()
        .take(3)
        .take_while(|blk| {
            matches!(blk, Block::Para(p) if p.text.ends_with(['。', '！'])
                && !numbering::has_marker(&p.text))
        })
        .count();
    if prose == 0 || prose > 2 {
        return 0;
    }
    let list = &blocks[..blocks.len() - prose];
    let names = list
        .iter()
        .rev()
        .take_while(|blk| {
            blk.para_text().is_some_and(|t| {
                numbering::marker(t).is_some_and(|m| {
                    t.get(m.len..).is_some_and(|name| {
                        !name.is_empty()
                            && at_most_chars(name, 40)
                            && !name.contains(['。', '，', '；', '：', '！', '？', ',', ';', ':'])
                    })
                })
            })
        })
        .count();
    let numbered_before = list[..list.len() - names]
        .iter()
        .any(|blk| blk.para_text().is_some_and(numbering::has_marker));
    if names >= 3 && !numbered_before {
        prose
    } else {
        0
    }
}

/// Why a paragraph is held for the one after it (see [`build_part`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unfinished {
    /// A line that opens with `（` and leaves it open.
    Paren,
    /// A sentence cut after a `，` or `、`.
    Sentence,
    /// A line that leaves a parenthesis open (`……龙头企业。（省工业和信息化厅、省大` /
    /// `数据局按职责分工负责）`): it goes on in a next line that closes it.
    OpenParen,
    /// An article's text (or a 款 of it) broken off inside a word, as a page break or a copy
    /// out of a PDF leaves it (`第一条　为加强……，结合我市` / `实际，制定本办法。`): it goes on
    /// in a next line that reads as the rest of a sentence (see [`cut_in_article`]).
    Cut,
}

/// Whether `text`, about to go into `outline`, is an article's text broken off mid-sentence: the
/// article's line (`第一条　……`), or a 款 of the article open last, that is a sentence under
/// way (a `，` in it) and ends in a word — no stop, semicolon, colon or closing bracket, which
/// a 款 or a clause may end with. An article's 款 always ends a sentence, so the line under it
/// (unless it is numbered, or reads as no sentence's rest) is the same 款.
fn cut_in_article(text: &str, outline: &Outline) -> bool {
    let t = text.trim_end_ws();
    // The last character turns nearly every paragraph down.
    if !t
        .chars()
        .next_back()
        .is_some_and(|c| crate::normalize::is_han(c) || c.is_ascii_alphanumeric())
        || !has_top_level(t, &['，'])
    {
        return false;
    }
    match numbering::marker(t) {
        Some(m) => m.kind == MarkerKind::Article,
        None => outline
            .open
            .last()
            .is_some_and(|o| o.kind == MarkerKind::Article && o.section.children.is_empty()),
    }
}

/// Whether `text`, the line under an article's text broken off mid-sentence, is that sentence's
/// rest: it opens with a word (not a bracket or a mark) and ends a sentence or holds a `，`.
fn rest_of_sentence(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| crate::normalize::is_han(c) || c.is_ascii_alphanumeric() || c == '《')
        && (crate::read::wrap::ends_sentence(text) || text.contains('，'))
}

/// Whether `text`, whose parentheses leave `open` of them open, is cut before its end, and how;
/// `held` is how it was held before (a parenthesis stays one until it closes).
fn unfinished(text: &str, held: Unfinished, open: i32) -> Option<Unfinished> {
    if held == Unfinished::Paren
        && text.starts_with('（')
        && !numbering::has_marker(text)
        && open > 0
    {
        Some(Unfinished::Paren)
    } else if text.trim_end_ws().ends_with(['，', '、']) {
        Some(Unfinished::Sentence)
    } else if open > 0 {
        Some(Unfinished::OpenParen)
    } else {
        None
    }
}

/// Open minus closed full-width parentheses.
fn paren_balance(s: &str) -> i32 {
    // `（` is EF BC 88 and `）` EF BC 89 in UTF-8: found from the lead byte they share with the
    // other full-width forms, without decoding the text. (Tried and dropped, by instruction
    // counts: two vectorized substring searches, and a branch-free compare of every three
    // bytes; on prose both cost more than stopping at each full-width mark.)
    let b = s.as_bytes();
    memchr::memchr_iter(0xEF, b).fold(0, |n, i| match b.get(i + 1..i + 3) {
        Some([0xBC, 0x88]) => n + 1,
        Some([0xBC, 0x89]) => n - 1,
        _ => n,
    })
}

/// A line that says the table under it goes on with the one above (split at a page break):
/// `续表`, `续表1`, `（续表）`, `续上表`, `接上表`, or a short title with `（续）` after it
/// (`附件1（续）`, `某某任务分工（续表）`).
pub(crate) fn is_continuation_marker(s: &str) -> bool {
    if s.is_empty() || char_len(s) > 60 {
        return false;
    }
    let inner = s
        .strip_prefix(['（', '(', '〔', '【', '［', '['])
        .and_then(|x| x.strip_suffix(['）', ')', '〕', '】', '］', ']']))
        .unwrap_or(s)
        .trim_ws();
    if let Some(rest) = ["续表", "续上表", "接上表"]
        .iter()
        .find_map(|w| inner.strip_prefix(w))
    {
        // A number (`续表1`, `续表2-1`, `续表一`), and after a separator a title at most.
        let title = rest.trim_start_matches(|c: char| {
            c.is_ascii_digit()
                || numbering::is_cn_numeral(c)
                || matches!(c, '-' | '－' | '.' | '．')
        });
        let title = title.trim_start_matches([' ', '　']);
        let sep = title.strip_prefix(['：', ':']);
        return title.is_empty()
            || sep.is_some_and(|t| t.is_empty() || is_title_line(t.trim_ws()))
            || (title.len() < rest.len() && is_title_line(title));
    }
    [
        "（续）",
        "(续)",
        "（续表）",
        "(续表)",
        "（续上表）",
        "（接上表）",
    ]
    .iter()
    .find_map(|w| s.strip_suffix(w))
    .is_some_and(|head| {
        let head = head.trim_ws();
        !head.is_empty()
            && (is_attachment_label(head) || (is_title_line(head) && !has_sentence_punct(head)))
    })
}

/// Joins `next`, a table split from `prev` at a page break, onto `prev`: when it is as wide and
/// prints no header or the same header again (which is left out). False, and nothing changed,
/// otherwise.
/// Whether `next`, a table right after `prev` with nothing between, is the rest of it: `prev`
/// has a header and `next` prints the same one again, or none and its first row's number is the
/// one after `prev`'s last (or is empty: the last row cut in two). Two tables of their own stand
/// apart (a caption, a heading between them) or start their numbers again.
fn goes_on_from(prev: &Table, next: &Table) -> bool {
    if prev.header_rows == 0 || prev.rows.len() <= prev.header_rows {
        return false;
    }
    if next.header_rows > 0 {
        return next.rows.get(..next.header_rows) == prev.rows.get(..prev.header_rows);
    }
    let number = |row: &Vec<String>| row.first().and_then(|c| crate::tasks::parse_seq(c));
    let last = prev.rows[prev.header_rows..].iter().rev().find_map(number);
    match next.rows.first() {
        Some(row) if row.first().is_none_or(|c| c.trim_ws().is_empty()) => last.is_some(),
        Some(row) => number(row).zip(last).is_some_and(|(n, l)| n == l + 1),
        None => false,
    }
}

fn join_continued_table(prev: &mut Table, next: &mut Table) -> bool {
    let width = |t: &Table| t.rows.first().map_or(0, Vec::len);
    if width(prev) != width(next) || width(prev) == 0 || next.sheet != prev.sheet {
        return false;
    }
    let skip = if next.header_rows == 0 {
        0
    } else if next.rows.get(..next.header_rows) == prev.rows.get(..prev.header_rows) {
        next.header_rows
    } else {
        return false;
    };
    let offset = prev.rows.len();
    for &(r, c) in &next.merged_down {
        if r >= skip {
            prev.merged_down.push((r - skip + offset, c));
        }
    }
    prev.row_lines
        .extend(std::mem::take(&mut next.row_lines).into_iter().skip(skip));
    prev.rows
        .extend(std::mem::take(&mut next.rows).into_iter().skip(skip));
    true
}

fn is_caption(s: &str) -> bool {
    is_title_line(s)
        && at_most_chars(s, 60)
        && ["表", "清单", "目录", "一览", "分工", "名单"]
            .iter()
            .any(|w| s.contains(w))
}

/// A section still taking paragraphs and sub-sections.
struct Open {
    kind: MarkerKind,
    section: Section,
    /// The heading line was read as text only for its `，`: a run of phrases without a stop
    /// (`一、进一步破除隐性门槛，推动降低市场主体准入成本`). It is a title if sub-items follow it
    /// directly (see [`Outline::close_to`]).
    comma_title: bool,
    /// A child read as text has been placed under it: under a chapter, its later items are
    /// not asked for run-in headings, which closing it would undo (see [`Outline::close_to`]).
    text_child: bool,
    /// The marker kind of each of its children, in order (see [`push_sibling`]).
    child_kinds: Vec<MarkerKind>,
}

/// Builds the section tree: levels follow how marker kinds nest in the document itself.
///
/// The regulation labels (第X部分 ⊃ 第X章 ⊃ 第X节 ⊃ 第X条) always nest in that order and above
/// every item marker. Item markers (`一、`, `（一）`, `1.`, `（1）`, `①`) nest as the document
/// shows: a kind met for the first time goes under the innermost open heading, and once one kind
/// has been seen inside another, that order holds for the rest of the part. So a plan that uses
/// only `一、` and `1.` has `1.` at level 2, and one that opens with `（一）` has it at level 1.
#[derive(Default)]
struct Outline {
    preamble: Vec<String>,
    roots: Vec<Section>,
    /// The marker kind of each root, in order (see [`push_sibling`]).
    root_kinds: Vec<MarkerKind>,
    /// Open sections, outermost first.
    open: Vec<Open>,
    /// Whether the last paragraph pushed went to the preamble (for captions).
    last_in_preamble: bool,
    /// `inside[a][b]`: a heading of kind `b` has been placed under one of kind `a`.
    inside: [[bool; MarkerKind::COUNT]; MarkerKind::COUNT],
    /// The block position the next heading takes as its [`Section::order`].
    order: BlockOrder,
}

impl Outline {
    /// Whether a heading of kind `outer` contains one of kind `inner`.
    fn contains(&self, outer: MarkerKind, inner: MarkerKind) -> bool {
        if outer == inner {
            return false;
        }
        if outer.is_decimal() && inner.is_decimal() {
            return outer < inner;
        }
        match (outer.is_ordinal(), inner.is_ordinal()) {
            (true, true) => outer < inner,
            (true, false) => true,
            (false, true) => false,
            (false, false) => {
                if self.inside[outer.index()][inner.index()] {
                    true
                } else {
                    // Never seen the other way round: a new kind nests deeper.
                    !self.inside[inner.index()][outer.index()]
                }
            }
        }
    }

    /// The number the next item of the innermost open `1.` list takes (`3` after `2.`); none
    /// without such a list.
    fn next_arabic_item(&self) -> Option<u32> {
        self.open
            .iter()
            .rev()
            .find(|o| o.kind == MarkerKind::ArabicDot)
            .map(|o| o.section.number + 1)
    }

    fn push(&mut self, p: &Para) {
        // An item whose title opens with a number read as a decimal (`2.` / `3.5G网络建设工程。`
        // / `4.`): item 3, where the list expects it. The first byte turns nearly every
        // paragraph down.
        let m = numbering::marker(&p.text).or_else(|| {
            p.text
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_digit)
                .then(|| self.next_arabic_item())
                .flatten()
                .and_then(|n| numbering::item_before_decimal(&p.text, n))
        });
        // A paragraph that runs its items inline (`①…；②…；③…`) is text, as it is after a
        // lead-in: no item holding the ones after it.
        let m = m.filter(|m| {
            !numbering::runs_items_inline(m.kind, m.number, p.text.get(m.len..).unwrap_or_default())
        });
        let Some(m) = m else {
            // A paragraph after the items of an article (`第三条 …职责是：` / `（一）…` /
            // `（二）…` / `区主管部门…`) goes on with the article, not with its last item.
            let n = self.open.len();
            if n >= 2
                && self.open[n - 2].kind == MarkerKind::Article
                && !self.open[n - 1].kind.is_ordinal()
            {
                self.close_to(n - 1);
            }
            // A chapter's (section's, part's) marker alone on its line, its name on the next
            // (`第一章` / `总则`, centred on two lines as a PDF or Word copy prints them): the
            // name is the heading, as on one line. Only a bare title — a short phrase with no
            // sentence's punctuation — is a name.
            if let Some(o) = self.open.last_mut()
                && matches!(
                    o.kind,
                    MarkerKind::Part | MarkerKind::Chapter | MarkerKind::Section
                )
                && o.section.heading.is_empty()
                && o.section.caption.is_none()
                && o.section.paragraphs.is_empty()
                && o.section.children.is_empty()
                && is_bare_name(&p.text)
            {
                let (heading, suffix, _) = split_heading(o.kind, &p.text);
                o.section.heading = heading;
                o.section.heading_suffix = suffix;
                self.last_in_preamble = false;
                return;
            }
            match self.open.last_mut().map(|o| &mut o.section) {
                Some(s) if !s.children.is_empty() => {
                    s.after.push(p.text.clone());
                    self.last_in_preamble = false;
                }
                Some(s) => {
                    s.paragraphs.push(p.text.clone());
                    s.paragraph_lines.0.push(p.line);
                    self.last_in_preamble = false;
                }
                None => {
                    self.preamble.push(p.text.clone());
                    self.last_in_preamble = true;
                }
            }
            return;
        };
        let depth = self
            .open
            .iter()
            .position(|o| !self.contains(o.kind, m.kind))
            .unwrap_or(self.open.len());
        self.close_to(depth);
        if let Some(parent) = self.open.last() {
            let (a, b) = (parent.kind.index(), m.kind.index());
            if !self.inside[b][a] {
                self.inside[a][b] = true;
            }
        }
        let rest = p.text.get(m.len..).unwrap_or_default();
        // Items directly under 第X章/第X节 are articles in all but name (`第一章 总则` / `一、根据……`):
        // text, not headings — unless the item is a bare title (`第一章 发展基础` / `一、取得的成效`,
        // as plans print them): a short phrase without a sentence's punctuation. A 第X部分 divides
        // a plan or an 意见 as `一、` does, and its items are headed as they are at the top
        // (`第四部分 保障措施` / `一、加强组织领导。`).
        let under_chapter = self
            .open
            .last()
            .is_some_and(|o| matches!(o.kind, MarkerKind::Chapter | MarkerKind::Section));
        // Asked only of an item under a chapter (see below).
        let bare_title = || {
            let t = p.text.get(m.len..).unwrap_or_default().trim_ws();
            !t.is_empty()
                && at_most_chars(t, 30)
                && !t.contains(['。', '！', '？', '；', '.', '!', '?', ';'])
                && !has_top_level(t, &['，', '：', ',', ':'])
        };
        // Or an item headed by a short phrase closed by its own stop, text after it
        // (`一、加强组织领导。建立……`): a plan's item under a chapter, headed as at the top. A
        // regulation's clause opens with what it rules on (`一、本办法所称……。`, `一、为了……。`).
        let run_in_heading = || {
            let t = p.text.get(m.len..).unwrap_or_default().trim_ws();
            t.split_once('。').is_some_and(|(h, after)| {
                !after.trim_ws().is_empty()
                    && (2..=20).contains(&char_len(h))
                    && !h.contains(['！', '？', '；', '!', '?', ';', '（', '《'])
                    && !has_top_level(h, &['，', '：', ',', ':'])
                    && ![
                        "本", "为", "根据", "依据", "依照", "按照", "对", "凡", "各", "在",
                    ]
                    .iter()
                    .any(|w| h.starts_with(w))
            })
        };
        // Items inside an article are its clauses: text, never headings.
        let under_article = self
            .open
            .last()
            .is_some_and(|o| o.kind == MarkerKind::Article);
        let as_kind = if !m.kind.is_ordinal()
            && (under_article
                || under_chapter
                    && !bare_title()
                    && (self.open.last().is_some_and(|o| o.text_child) || !run_in_heading()))
        {
            MarkerKind::Article
        } else {
            m.kind
        };
        // An article may print its caption in brackets (`第一条（目的和依据）为了……`).
        let (caption, rest) = match article_caption(rest) {
            Some((caption, text)) if m.kind == MarkerKind::Article => (Some(caption), text),
            _ => (None, rest),
        };
        let (heading, suffix, para) = split_heading(as_kind, rest);
        // Phrases joined by `，` without a stop read as a clause, but are a title when sub-items
        // follow (`一、进一步破除隐性门槛，推动降低市场主体准入成本` / `（一）…`); the sub-items are
        // known when the section closes. A clause of an article stays text.
        let comma_title = !under_article
            && !m.kind.is_ordinal()
            && heading.is_empty()
            && para.as_deref().is_some_and(is_comma_title);
        let kind = m.kind;
        let mut s = Section {
            marker: m.text,
            level: depth as u32 + 1,
            number: m.number,
            heading,
            heading_suffix: suffix,
            caption,
            paragraphs: Vec::new(),
            children: Vec::new(),
            after: Vec::new(),
            line: p.line,
            order: self.order,
            paragraph_lines: ParagraphLines::default(),
        };
        if let Some(para) = para {
            s.paragraphs.push(para);
            s.paragraph_lines.0.push(p.line);
        }
        self.open.push(Open {
            kind,
            section: s,
            comma_title,
            text_child: false,
            child_kinds: Vec::new(),
        });
        self.last_in_preamble = false;
    }

    fn close_to(&mut self, depth: usize) {
        while self.open.len() > depth {
            let Some(Open {
                kind,
                section: mut s,
                comma_title,
                child_kinds,
                ..
            }) = self.open.pop()
            else {
                break;
            };
            sentences_as_text(&mut s.children, &child_kinds);
            // Items headed by a run-in phrase under a chapter (see [`Outline::push`]) are a
            // plan's only when every item of the chapter is headed: one read as text makes them
            // a regulation's clauses, whose first sentence may be short (`一、副总理……分管工作。受
            // 总理委托，……`).
            if matches!(kind, MarkerKind::Chapter | MarkerKind::Section)
                && s.children
                    .iter()
                    .any(|c| c.heading.is_empty() && !c.paragraphs.is_empty())
            {
                for c in &mut s.children {
                    if c.heading_suffix == "。"
                        && let Some(first) = c.paragraphs.first_mut()
                    {
                        let mut text = std::mem::take(&mut c.heading);
                        text.push_str(&std::mem::take(&mut c.heading_suffix));
                        text.push_str(first);
                        *first = text;
                    }
                }
            }
            // A heading line read as text that heads sub-items, with nothing else of its own,
            // is the section's title.
            if comma_title && !s.children.is_empty() && s.paragraphs.len() == 1 {
                s.heading = s.paragraphs.pop().unwrap_or_default();
                s.paragraph_lines.0.pop();
            }
            // A closed section's lists grow no more: fitted to what they hold, a heading with
            // one sub-heading keeps one section's room, not the four a first push reserves (a
            // text of headings nested one under another cost some 1 KB a line).
            s.children.shrink_to_fit();
            s.paragraphs.shrink_to_fit();
            s.paragraph_lines.0.shrink_to_fit();
            match self.open.last_mut() {
                Some(parent) => {
                    parent.text_child |= s.heading.is_empty() && !s.paragraphs.is_empty();
                    push_sibling(
                        &mut parent.section.children,
                        &mut parent.child_kinds,
                        s,
                        kind,
                    )
                }
                None => push_sibling(&mut self.roots, &mut self.root_kinds, s, kind),
            }
        }
    }

    /// Removes the last paragraph if it is `text` (it turned out to be a table caption).
    fn take_last_paragraph(&mut self, text: &str) -> bool {
        let (list, lines) = match self.open.last_mut() {
            Some(o) if !self.last_in_preamble => (
                &mut o.section.paragraphs,
                Some(&mut o.section.paragraph_lines),
            ),
            _ => (&mut self.preamble, None),
        };
        if list.last().is_some_and(|t| t == text) {
            list.pop();
            if let Some(lines) = lines {
                lines.0.pop();
            }
            true
        } else {
            false
        }
    }

    /// How many paragraphs the preamble holds, while no heading has opened (a table after
    /// one stands after the whole preamble).
    fn preamble_len(&self) -> Option<usize> {
        (self.open.is_empty() && self.roots.is_empty()).then_some(self.preamble.len())
    }

    fn finish(mut self) -> (Vec<String>, Vec<Section>) {
        self.close_to(0);
        sentences_as_text(&mut self.roots, &self.root_kinds);
        (self.preamble, self.roots)
    }
}

/// A list of items that are each one sentence and head nothing (`一、城市低保标准由每人每月840元
/// 提高到880元。` / `二、农村低保标准由……提高到6300元。`): no item of the list is a title over
/// text, and one at least says what is ruled or decided ([`rules_something`]), so each is text —
/// its sentence in `paragraphs`, no heading — as an item of a list with text in it is (see
/// [`push_sibling`]). A list of short titles over nothing (`（一）强化要素保障。` / `（二）强化考核
/// 激励。`, a copy that leaves their text out) keeps its headings. `list` is a section's children
/// (or the roots), `kinds` their marker kinds; a list is the items of one kind, two or more.
fn sentences_as_text(list: &mut [Section], kinds: &[MarkerKind]) {
    let lone = |s: &Section| {
        s.paragraphs.is_empty()
            && s.children.is_empty()
            && !s.heading.is_empty()
            && s.heading_suffix == "。"
    };
    // Nearly every list has an item with text or sub-items: the first look turns it down.
    if list.len() < 2 || !list.iter().any(lone) {
        return;
    }
    let mut seen: Vec<MarkerKind> = Vec::new();
    for &kind in kinds {
        if kind.is_ordinal() || seen.contains(&kind) {
            continue;
        }
        seen.push(kind);
        let of_kind = || {
            list.iter()
                .zip(kinds.iter())
                .filter(move |&(_, &k)| k == kind)
                .map(|(s, _)| s)
        };
        if of_kind().count() >= 2
            && of_kind().all(lone)
            && of_kind().any(|s| rules_something(&s.heading))
        {
            for (s, _) in list
                .iter_mut()
                .zip(kinds.iter())
                .filter(|&(_, &k)| k == kind)
            {
                let mut text = std::mem::take(&mut s.heading);
                text.push_str(&std::mem::take(&mut s.heading_suffix));
                s.paragraphs.push(text);
                s.paragraph_lines.0.push(s.line);
            }
        }
    }
}

/// Whether an item's one sentence says what is ruled, decided or asked — words a title (`强化要素
/// 保障`, `深化国资国企改革`) does not use: `应当`, `不得`, `禁止`, `可以`, `必须`, `予以`, `同意`,
/// `起施行`, `由` (not in `自由`, `理由`), or a request opening with `请`.
fn rules_something(text: &str) -> bool {
    const RULES: [&str; 8] = [
        "应当",
        "不得",
        "禁止",
        "可以",
        "必须",
        "予以",
        "同意",
        "起施行",
    ];
    text.starts_with('请')
        || RULES.iter().any(|w| text.contains(w))
        || text
            .match_indices('由')
            .any(|(at, _)| !text[..at].ends_with(['自', '理', '经', '缘']))
}

/// Appends a closed section to its siblings. The last item of a list of sentences
/// (`（二）讨论法律草案……；` then `（三）通报和讨论其他重要事项。`) reads like a heading but is an item
/// like the ones before it: a section with nothing under it whose previous sibling is text is text.
///
/// `kinds` holds the marker kind of each section in `list` (and gets `kind`, the kind of `s`'s
/// marker, with it): the markers are not read again to compare them.
fn push_sibling(
    list: &mut Vec<Section>,
    kinds: &mut Vec<MarkerKind>,
    mut s: Section,
    kind: MarkerKind,
) {
    // The section's own shape first: it is cheap, and rules out nearly every section before
    // the markers are read again.
    let bare_heading = s.paragraphs.is_empty() && s.children.is_empty() && !s.heading.is_empty();
    let prev_is_text = bare_heading
        && list.last().is_some_and(|p| {
            p.heading.is_empty() && !p.paragraphs.is_empty() && kinds.last() == Some(&kind)
        });
    if prev_is_text {
        let text = format!(
            "{}{}",
            std::mem::take(&mut s.heading),
            std::mem::take(&mut s.heading_suffix)
        );
        s.paragraphs.push(text);
        s.paragraph_lines.0.push(s.line);
    }
    // The same list read from its head: a first item of one sentence (`一、本市全域禁止燃放烟花爆竹。`
    // then `二、违反本通告规定的，由……。`, `三、……。`) is an item like the two or more after it, not
    // a title over nothing.
    let is_text =
        |p: &Section| p.heading.is_empty() && !p.paragraphs.is_empty() && p.children.is_empty();
    if is_text(&s) {
        // Asked when the second item of text comes (one right before it, and no more): a
        // long list is walked once, not once an item.
        let texts_before = list
            .iter()
            .zip(kinds.iter())
            .rev()
            .take_while(|&(p, &k)| is_text(p) && k == kind)
            .take(2)
            .count();
        if texts_before == 1 {
            // The items of one sentence before it, back to the first that is not one.
            let lone_sentence = |p: &Section, k: MarkerKind| {
                p.paragraphs.is_empty()
                    && p.children.is_empty()
                    && !p.heading.is_empty()
                    && p.heading_suffix == "。"
                    && k == kind
            };
            for (p, _) in list
                .iter_mut()
                .zip(kinds.iter())
                .rev()
                .skip(1)
                .take_while(|(p, k)| lone_sentence(p, **k))
            {
                let mut text = std::mem::take(&mut p.heading);
                text.push_str(&std::mem::take(&mut p.heading_suffix));
                p.paragraphs.push(text);
                p.paragraph_lines.0.push(p.line);
            }
        }
    }
    list.push(s);
    kinds.push(kind);
}

/// The caption an article prints in brackets right after its marker, and the text after it:
/// `（目的和依据）为了……` gives `目的和依据` and `为了……`. A caption is a short phrase — no
/// sentence's punctuation, no bracket inside.
fn article_caption(rest: &str) -> Option<(String, &str)> {
    let inner = rest.trim_start().strip_prefix(['（', '【'])?;
    let end = inner.find(['）', '】'])?;
    let caption = inner[..end].trim_ws();
    let text = inner[end..].get(3..)?.trim_start();
    let n = char_len(caption);
    ((1..=20).contains(&n)
        && !caption.contains([
            '（', '【', '。', '，', '；', '：', '！', '？', ',', ';', ':', '.',
        ])
        && !caption
            .chars()
            .all(|c| c.is_ascii_digit() || numbering::is_cn_numeral(c)))
    .then(|| (caption.to_string(), text))
}

/// Splits a numbered block into its heading and the text that follows it.
///
/// `指导思想。` is all heading; `全力抓好任务落地。认真贯彻…` is heading `全力抓好任务落地` and a
/// paragraph; an article (第X条) has no heading, only text; a long first sentence is text.
/// Returns (heading, the punctuation after it, the text after it).
pub fn split_heading(kind: MarkerKind, rest: &str) -> (String, String, Option<String>) {
    let rest = rest.trim_ws();
    let whole_text = || {
        (
            String::new(),
            String::new(),
            (!rest.is_empty()).then(|| rest.to_string()),
        )
    };
    if kind == MarkerKind::Article {
        return whole_text();
    }
    if kind.is_ordinal() {
        return match rest.strip_suffix('。') {
            Some(h) if !h.contains('。') => (h.to_string(), "。".into(), None),
            _ if !rest.contains('。') => (rest.to_string(), String::new(), None),
            _ => whole_text(),
        };
    }
    // A heading is a short phrase; a clause with top-level `，`/`；`/`：` is a sentence, so an
    // item like `（一）纳税人为独生子女的，按照……扣除；` or `三、国务院实行总理负责制，……。` is text.
    let phrase = |h: &str| {
        !h.is_empty()
            && at_most_chars(h, 50)
            && !has_top_level(h, &['，', '；', '：', ',', ';', ':'])
    };
    // A run-in heading closed by a colon: `（一）总体目标：到2025年，……。`, `（二）适用范围：`. Not a
    // clause that opens a list (`职责是：`, `主要任务如下：`).
    // The colon is looked for within the first 21 characters only (the heading has at most 20).
    let window = rest
        .char_indices()
        .nth(21)
        .map_or(rest, |(end, _)| &rest[..end]);
    if let Some((q, c)) = top_level_separators(window, &['：', ':']).next() {
        let head = rest[..q].trim_ws();
        let colon = c.len_utf8();
        let before_stop = rest.find('。').is_none_or(|stop| q < stop);
        if before_stop
            && (2..=20).contains(&char_len(head))
            && !has_top_level(head, &['，', '；', '、', ',', ';'])
            && !["是", "为", "如下", "包括", "有", "要求", "指", "的", "规定"]
                .iter()
                .any(|w| head.ends_with(w))
            // A clause that opens a sentence (`根据《某法》：`, `按照要求：`) is not a title.
            && !["根据", "按照", "依据", "依照", "对于", "为了", "凡"]
                .iter()
                .any(|w| head.starts_with(w))
        {
            let after = rest[q + colon..].trim_ws();
            return (
                head.to_string(),
                "：".into(),
                (!after.is_empty()).then(|| after.to_string()),
            );
        }
    }
    match rest.find('。') {
        Some(pos) => {
            let first = &rest[..pos];
            let after = rest[pos + '。'.len_utf8()..].trim_ws();
            if phrase(first) {
                (
                    first.to_string(),
                    "。".into(),
                    (!after.is_empty()).then(|| after.to_string()),
                )
            } else {
                whole_text()
            }
        }
        None if phrase(rest) => (rest.to_string(), String::new(), None),
        None => whole_text(),
    }
}

/// A name on a line of its own, as a chapter prints it: up to 20 characters, no sentence's
/// punctuation or clause's separator (`总则`, `燃气经营`, `法律责任`), not a bracketed note.
fn is_bare_name(text: &str) -> bool {
    let t = text.trim_ws();
    !t.is_empty()
        && at_most_chars(t, 20)
        && !t.starts_with(['（', '('])
        && !t.contains([
            '。', '，', '；', '：', '！', '？', '、', '.', ',', ';', ':', '!', '?',
        ])
}

/// A run of short phrases joined by `，` (or `、`), with no stop, colon or semicolon and nothing
/// after the last phrase: `进一步破除隐性门槛，推动降低市场主体准入成本`.
fn is_comma_title(text: &str) -> bool {
    at_most_chars(text, 50)
        && !text.ends_with(['，', '、', ',', '…', '—'])
        && !text.contains(['。', '！', '？', '；', '!', '?', ';'])
        && !has_top_level(text, &['：', ':'])
}

/// True when `text` holds one of `seps` outside every bracket and quote.
fn has_top_level(text: &str, seps: &[char]) -> bool {
    top_level_separators(text, seps).next().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_of_organs_is_no_organ() {
        for count in [
            "十部门",
            "两部委",
            "12部门",
            "工业和信息化部等十部门",
            "九单位",
        ] {
            assert!(is_count_of_organs(count), "{count}");
        }
        for organ in [
            "国务院办公厅",
            "省直有关部门",
            "财政部",
            "各部门",
            "十堰市有关部门",
            "部门",
        ] {
            assert!(!is_count_of_organs(organ), "{organ}");
        }
    }

    #[test]
    fn an_attachment_label_is_parted_from_its_title_by_a_dot_or_a_dash_before_chinese() {
        for (text, want) in [
            ("附件1：某某方案", Some(("附件1", "某某方案"))),
            ("附件2　某某表", Some(("附件2", "某某表"))),
            ("附件1.某某方案", Some(("附件1", "某某方案"))),
            ("附件1．某某方案", Some(("附件1", "某某方案"))),
            ("附件2-某某项目表", Some(("附件2", "某某项目表"))),
            ("附件2－某某项目表", Some(("附件2", "某某项目表"))),
            ("附件三.某某清单", Some(("附件三", "某某清单"))),
            ("附件1、某某方案", Some(("附件1", "某某方案"))),
            // A list of attachments in a sentence is no label and title.
            ("附件一、二所列项目", None),
            ("附件1、附件2", None),
            // A number goes on after the dot or the dash: no label and title.
            ("附件1.5万元由市财政安排。", None),
            ("附件1-2", None),
            ("附件1.2.pdf", None),
        ] {
            assert_eq!(numbered_attachment_head(text), want, "{text}");
        }
        assert_eq!(without_attachment_label("附件1.某某方案"), "某某方案");
        assert_eq!(without_attachment_label("附件2－某某项目表"), "某某项目表");
        assert_eq!(without_attachment_label("附件1.5万元"), "附件1.5万元");
        assert_eq!(linked_title("附件1.某某任务分工表.pdf"), "某某任务分工表");
    }

    #[test]
    fn a_headline_is_passed_over_only_when_the_head_below_prints_it_whole() {
        let para = |text: &str| {
            Block::Para(Para {
                text: text.to_string(),
                line: 1,
            })
        };
        let head = [
            "某市人民政府",
            "关于印发某某工作",
            "方案的通知",
            "某府发〔2021〕3号",
        ];
        let cases = [
            ("某市人民政府关于印发某某工作方案的通知", 1),
            ("关于印发某某工作方案的通知", 1),
            ("《某市人民政府关于印发某某工作方案的通知》", 1),
            (
                "某市人民政府关于印发某某工作方案的通知（某府发〔2021〕3号）",
                1,
            ),
            ("某市 人民政府关于印发某某工作方案的通知", 1),
            ("某市人民政府关于印发另一工作方案的通知", 0),
            ("某市人民政府关于印发某某工作", 0),
            ("某市人民政府", 0),
        ];
        for (headline, skip) in cases {
            let blocks: Vec<Block> = std::iter::once(headline).chain(head).map(para).collect();
            let refs: Vec<&Block> = blocks.iter().collect();
            assert_eq!(repeated_headline(&refs), skip, "{headline}");
        }
    }

    #[test]
    fn at_most_chars_is_a_bound_on_char_len() {
        let mut s = String::new();
        for i in 0..60 {
            s.push(['a', '中', 'é', '𠀀'][i % 4]);
            for max in 0..70 {
                assert_eq!(at_most_chars(&s, max), char_len(&s) <= max, "{s:?} {max}");
            }
        }
    }

    #[test]
    fn a_sites_posting_time_and_labelled_number_under_the_title_are_furniture() {
        let doc = crate::parse_text(
            "某市政府关于分解落实规划纲要主要目标和任务的通知\n\n2020年07月23日06:05:59\n发布部门: 某省某市人民政府\n发布文号: 某政发[2006]275号\n\n各区县人民政府，市各直属单位:\n\n现将有关事项通知如下:\n\n某市人民政府\n2006年10月20日\n",
        );
        let n = &doc.notice;
        assert_eq!(
            n.doc_number.as_ref().map(|d| d.raw.as_str()),
            Some("某政发〔2006〕275号")
        );
        assert_eq!(n.addressees, ["各区县人民政府", "市各直属单位"]);
        assert!(is_timestamp("2023-07-30 10:15"));
        assert!(!is_timestamp("2023年7月30日"));
    }

    #[test]
    fn a_joint_notice_of_more_than_three_organs_names_and_is_signed_by_them_all() {
        const ORGANS: [&str; 5] = [
            "甲市发展和改革委员会",
            "中共甲市委社会工作部",
            "甲市财政局",
            "甲市教育局",
            "甲市商务局",
        ];
        // A web copy sets the names apart by spaces, one before 关于 too.
        let text = format!(
            "{} 关于印发某方案的通知\n\n各区县政府：\n\n现将方案印发给你们。\n\n{}\n2024年7月30日\n",
            ORGANS.join(" "),
            ORGANS.join("\n")
        );
        let doc = crate::parse_text(&text);
        let all = ORGANS.join("、");
        assert_eq!(doc.notice.title, Some(format!("{all}关于印发某方案的通知")));
        assert_eq!(doc.notice.issuer.as_deref(), Some(all.as_str()));
        assert_eq!(doc.notice.signature.as_deref(), Some(all.as_str()));
        assert_eq!(doc.notice.body, ["现将方案印发给你们。"]);
    }

    #[test]
    fn a_sites_copy_with_its_title_in_quotes_and_its_number_twice_reads_as_the_notice() {
        const BODY: &str = "各区人民政府，市政府各部门：\n《某市工作要点》已经市政府同意，现印发给你们，请认真贯彻落实。\n某市人民政府办公厅\n2016年5月28日\n";
        for head in [
            // The site's heading (number and title in 《》), then the notice's own title and
            // number, printed twice.
            "某政办发〔2016〕26号《某市人民政府办公厅关于印发〈某市工作要点〉的通知》\n《某市人民政府办公厅关于印发〈某市工作要点〉的通知》\n某政办发〔2016〕26号\n某政办发〔2016〕26号\n",
            // The title in 《》 alone.
            "《某市人民政府办公厅关于印发〈某市工作要点〉的通知》\n某政办发〔2016〕26号\n",
            // The site's heading alone.
            "某政办发〔2016〕26号《某市人民政府办公厅关于印发〈某市工作要点〉的通知》\n某政办发〔2016〕26号\n",
        ] {
            let doc = crate::parse_text(&format!("{head}{BODY}"));
            let n = &doc.notice;
            assert_eq!(
                n.title.as_deref(),
                Some("某市人民政府办公厅关于印发〈某市工作要点〉的通知"),
                "{head}"
            );
            assert_eq!(n.issuer.as_deref(), Some("某市人民政府办公厅"), "{head}");
            assert_eq!(
                n.doc_number.as_ref().map(|d| d.raw.as_str()),
                Some("某政办发〔2016〕26号"),
                "{head}"
            );
            assert_eq!(n.addressees, ["各区人民政府", "市政府各部门"], "{head}");
        }
        // A title that cites a document in 《》 keeps them: they are not around all of it.
        let doc = crate::parse_text(&format!(
            "某市人民政府关于印发《某市工作要点》的通知\n某政发〔2016〕2号\n{BODY}"
        ));
        assert_eq!(
            doc.notice.title.as_deref(),
            Some("某市人民政府关于印发《某市工作要点》的通知")
        );
    }
    use regex::Regex;
    use std::sync::LazyLock;

    #[test]
    fn an_attachment_title_goes_on_in_words_not_in_a_numbered_line() {
        assert!(continues_attachment_title("某某重点任务", "分工表"));
        for line in ["1000．某某方案", "2024年工作安排", "１２某某表"] {
            assert!(!continues_attachment_title("某某方案999", line), "{line}");
        }
        // The years a title's bracket opened are closed on the next line.
        assert!(continues_attachment_title(
            "某某实施方案（2022—",
            "2025年）"
        ));
        assert!(!continues_attachment_title(
            "某某实施方案（2022—2025年）",
            "2025年）"
        ));
    }

    /// Texts around the note's and the bracketed line's limits: every length from 0 to 45
    /// characters, a keyword at every place, brackets inside, and wide characters.
    fn around_the_limits() -> Vec<String> {
        let mut out = vec![String::new(), "本文有删减".into(), "此件".into()];
        for n in 0..=45 {
            let pad = "甲".repeat(n);
            out.push(pad.clone());
            out.push(format!("此件{pad}"));
            out.push(format!("（{pad}）"));
            out.push(format!("（此件{pad}）"));
            out.push(format!("（{pad}（乙））"));
            out.push(format!("𠀀{pad}"));
            for keyword in ["公开", "删减", "发至", "公 开"] {
                for cut in [0, n / 2, n] {
                    let (a, b) = pad.split_at(cut * '甲'.len_utf8());
                    out.push(format!("{a}{keyword}{b}"));
                    out.push(format!("（{a}{keyword}{b}）"));
                    out.push(format!("{a}{keyword}{b}{keyword}"));
                    out.push(format!("{a}（{keyword}{b}"));
                }
            }
        }
        out
    }

    #[test]
    fn the_note_and_bracketed_line_readers_agree_with_the_regexes_they_replace() {
        // The regexes these readers replaced (their compiling cost more than a page's parse).
        let note = Regex::new(
            r"^(?:此件[^（）]{1,20}|本文有删减|[^（）]{0,20}(?:公开|删减|发至)[^（）]{0,12})$",
        )
        .unwrap();
        let paren = Regex::new(r"^（[^（）]{1,40}）$").unwrap();
        let texts = around_the_limits();
        assert!(texts.iter().filter(|t| note.is_match(t)).count() > 100);
        assert!(texts.iter().filter(|t| paren.is_match(t)).count() > 40);
        for text in &texts {
            assert_eq!(is_note_text(text), note.is_match(text), "{text:?}");
            assert_eq!(is_paren_line(text), paren.is_match(text), "{text:?}");
        }
    }

    #[test]
    fn a_paragraph_cut_after_a_comma_goes_on_in_the_next() {
        let doc = crate::parse_text(
            "某市人民政府\n\n关于某事的意见\n\n现提出如下意见。\n\n一、总体安排\n\n\
             1．加强维权。健全调解机制，\n畅通投诉渠道、\n举报渠道。\n加强监督。\n2．稳定就业，\n3．扩大岗位。\n",
        );
        let one = &doc
            .parts
            .iter()
            .flat_map(|p| &p.sections)
            .next()
            .unwrap()
            .children;
        assert_eq!(
            one[0].paragraphs,
            vec!["健全调解机制，畅通投诉渠道、举报渠道。", "加强监督。"]
        );
        // A numbered line starts its own section even after a `，`.
        assert_eq!(one.len(), 3);
    }

    /// The regexes the hand readers replaced, as their definitions.
    static DATE_ARABIC: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日$").unwrap());
    static DATE_CN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"([〇○零ＯO0一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$").unwrap()
    });
    static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^([\u{3007}\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}]{0,12}?|[\u{3007}\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}]{2,}(?: [\u{3007}\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}]{2,})+)(?:〔([0-9]{4})〕第?([0-9]{1,6})号|第([0-9]{1,6})号|([0-9]{4})年第([0-9]{1,6})号|[〔（][一二三四五六七八九十]{1,4}届[〕）]第([0-9]{1,6})号)$").unwrap()
    });
    static ATTACHMENT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^附件([0-9]{1,3}|[一二三四五六七八九十]{1,3})?[：:]?$").unwrap()
    });
    static ATTACHMENT_LIST: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^附件[：:](.+)$").unwrap());
    static LIST_ITEM: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([0-9]{1,3})[．.、](.+)$").unwrap());

    /// Texts around the shapes' limits: every count of digits and numerals from 0 to 8 in every
    /// place, agencies of 0 to 14 characters, wrong brackets, line breaks.
    fn shapes_around_the_limits() -> Vec<String> {
        let mut out = Vec::new();
        let numbers: Vec<String> = (0..=8)
            .flat_map(|n| {
                [
                    "1".repeat(n),
                    "2".repeat(n),
                    "十".repeat(n),
                    "二".repeat(n),
                    "〇".repeat(n),
                    "２".repeat(n),
                    format!("1{}", "九".repeat(n)),
                ]
            })
            .collect();
        let agencies: Vec<String> = (0..=14)
            .map(|n| "国".repeat(n))
            .chain(["国令".into(), "〇府".into(), "a府".into(), "国 发".into()])
            .chain([
                "财政部 税务总局".into(),
                "财政部 税务总局公告".into(),
                "财政部  税务总局".into(),
                " 财政部".into(),
                "财政部 ".into(),
                "财政 部".into(),
                "财政部 海关总署 税务总局".into(),
                "财政部 海关 税务总局".into(),
            ])
            .collect();
        for agency in &agencies {
            for (year, serial) in [
                ("2019", "4"),
                ("2019", "1234567"),
                ("201", "4"),
                ("2019", ""),
            ] {
                out.push(format!("{agency}〔{year}〕{serial}号"));
                out.push(format!("{agency}〔{year}〕第{serial}号"));
                out.push(format!("{agency}第{serial}号"));
                out.push(format!("{agency}{year}年第{serial}号"));
                out.push(format!("{agency}{year}年{serial}号"));
                out.push(format!("{agency}[{year}]{serial}号"));
                for session in ["十四", "十", "一二三四五", "", "14"] {
                    out.push(format!("{agency}〔{session}届〕第{serial}号"));
                    out.push(format!("{agency}（{session}届）第{serial}号"));
                    out.push(format!("{agency}（{session}届〕{serial}号"));
                }
            }
        }
        for a in &numbers {
            for b in numbers.iter().step_by(2) {
                for c in numbers.iter().step_by(5) {
                    out.push(format!("{a}年{b}月{c}日"));
                    out.push(format!("发文{a}年{b}月{c}日"));
                }
                out.push(format!("附件{a}{b}"));
                out.push(format!("附件{a}：{b}"));
                out.push(format!("附件{a}:"));
                out.push(format!("{a}．{b}"));
                out.push(format!("{a}、{b}\n"));
                out.push(format!("{a}.{b}"));
                out.push(format!("附件：{a}．{b}"));
                out.push(format!("附件:{a}\n{b}"));
            }
        }
        out.extend(
            [
                "附件",
                "附件：",
                "附件::",
                "附件：\n",
                "1．",
                "１．甲",
                "附件十一",
            ]
            .map(String::from),
        );
        out
    }

    #[test]
    fn the_closing_formula_reader_agrees_with_the_regex_it_replaces() {
        let regex = Regex::new(r"^(?:(?:特此(?:通知|公告|通告|通报|函告|函复|函达|批复|报告|说明|请示|决定|函询|函商)|专此(?:报告|函告|函达|函复|函商|函询))(?:[，,]请予(?:批准|审批|批复|支持|协助|配合|函复)(?:为盼|为荷)?)?|此复|此函|盼复|敬?请函复|请遵照执行|请认真遵照执行|请认真贯彻执行|请遵照办理|请研究函复|(?:妥|当)否[，,]?请(?:批示|审示|指示)|以上(?:报告|意见|请示|通知)[，,]?(?:(?:妥|当)否[，,]?)?(?:请|如无不妥，?请).{0,16}|请予(?:支持|协助|配合|函复|复函)(?:为盼|为荷)?|(?:本|以上|上述)(?:决定|通告|公告|命令|令|意见|实施意见|指导意见|若干措施|措施|办法|实施办法|规定|若干规定|细则|实施细则|方案|实施方案|通知|若干政策|政策)自.{1,16}(?:施行|执行|实施|生效)(?:[，,]有效期.{1,16})?|本(?:决定|通告|公告|命令|令|意见|实施意见|指导意见|若干措施|措施|办法|实施办法|规定|若干规定|细则|实施细则|方案|实施方案|通知|若干政策|政策)由[^\n，。；]{2,30}负责解释)[。！.]?$").unwrap();
        let heads = [
            "特此通知",
            "特此决定",
            "特此",
            "特此通知书",
            "此复",
            "此函",
            "此",
            "专此报告",
            "专此函告",
            "专此函达",
            "特此函达",
            "盼复",
            "请函复",
            "敬请函复",
            "敬请",
            "专此",
            "妥否，请批示",
            "当否请指示",
            "妥否,请审示",
            "妥否请示",
            "请予支持",
            "请予复函为荷",
            "请予配合为盼",
            "请予支持为",
            "请予",
            "专此函复",
            "专此函商",
            "专此函",
            "特此请示，请予批准",
            "特此函询，请予支持为盼",
            "特此请示，请批准",
            "特此请示，",
            "专此报告，请予审批",
            "请遵照执行",
            "请认真遵照执行",
            "请遵照",
            "请研究函复",
            "本通知由省财政厅负责解释",
            "本办法由甲负责解释",
            "本办法由负责解释",
            "本规则由省财政厅负责解释",
        ];
        let marks = ["", "。", "！", ".", "。。", "，", "\n"];
        let mut texts: Vec<String> = Vec::new();
        for head in heads {
            for mark in marks {
                texts.push(format!("{head}{mark}"));
                texts.push(format!("甲{head}{mark}"));
            }
        }
        let fill = |n: usize| "甲".repeat(n);
        for start in [
            "以上报告，请",
            "以上意见请",
            "以上请示,如无不妥，请",
            "以上报告如无不妥请",
            "以上报告，如无不妥，，请",
            "以上文件请",
            "以上请示妥否，请",
            "以上请示当否请",
            "以上通知，请",
            "以上意见如无不妥，请",
            "以上请示，妥否，如无不妥请",
        ] {
            for n in 0..=18 {
                for mark in marks {
                    texts.push(format!("{start}{}{mark}", fill(n)));
                    texts.push(format!("{start}{}\n甲{mark}", fill(n)));
                }
            }
        }
        for enacted in [
            "本决定自",
            "本令自",
            "本实施意见自",
            "本办法自",
            "本措施自",
            "本若干措施自",
            "本实施细则自",
            "本规则自",
            "本意见",
            "本指导意见自",
            "以上措施自",
            "上述政策自",
            "以上文件自",
        ] {
            for n in 0..=18 {
                for word in ["施行", "生效", "执行实施", "施"] {
                    for term in ["", "，有效期", ",有效期", "有效期", "，有效期施行"]
                    {
                        for m in [0, 1, 15, 16, 17] {
                            let term = if term.is_empty() {
                                String::new()
                            } else {
                                format!("{term}{}", fill(m))
                            };
                            for mark in ["", "。", "。。"] {
                                texts.push(format!("{enacted}{}{word}{term}{mark}", fill(n)));
                            }
                        }
                    }
                }
                texts.push(format!("{enacted}{}\n施行", fill(n)));
                texts.push(format!("{enacted}{}施行{}施行", fill(n), fill(n)));
            }
        }
        let mut matched = 0;
        for text in &texts {
            let expected = text.len() <= 150 && regex.is_match(text);
            matched += usize::from(expected);
            assert_eq!(is_closing_formula(text), expected, "{text:?}");
        }
        assert!(matched > 500, "{matched} of {}", texts.len());
    }

    #[test]
    fn the_shape_readers_agree_with_the_regexes_they_replace() {
        let texts = shapes_around_the_limits();
        let mut matched = [0usize; 5];
        for text in &texts {
            let expected = DOC_NUMBER
                .captures(text)
                .map(|c| {
                    let get = |i: usize| c.get(i).map(|m| m.as_str());
                    (
                        get(1).unwrap_or_default(),
                        get(2).or(get(5)),
                        get(3).or(get(4)).or(get(6)).or(get(7)).unwrap_or_default(),
                    )
                })
                // (Names set apart by spaces count their spaces among the 12 characters.)
                .filter(|(agency, _, _)| char_len(agency) <= 12);
            matched[0] += usize::from(expected.is_some());
            assert_eq!(doc_number_parts(text), expected, "{text:?}");
            let label = ATTACHMENT_LABEL.is_match(text);
            matched[1] += usize::from(label);
            assert_eq!(is_attachment_label(text), label, "{text:?}");
            let list = ATTACHMENT_LIST
                .captures(text)
                .map(|c| c.get(1).unwrap().as_str());
            matched[2] += usize::from(list.is_some());
            assert_eq!(attachment_list(text), list, "{text:?}");
            let item = LIST_ITEM
                .captures(text)
                .map(|c| (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str()));
            matched[3] += usize::from(item.is_some());
            assert_eq!(list_item(text), item, "{text:?}");
            let date = find_date_by_captures(text);
            matched[4] += usize::from(date.is_some());
            assert_eq!(find_date(text), date, "{text:?}");
        }
        // Each reader was asked of texts of its shape, not only of texts that fail it.
        assert!(matched.iter().all(|&n| n >= 20), "{matched:?}");
    }

    /// The definition [`find_date`] replaces: the numbers read by a capture search.
    fn find_date_by_captures(text: &str) -> Option<(usize, (i32, u32, u32))> {
        if let Some(c) = DATE_ARABIC.captures(text) {
            let start = c.get(0)?.start();
            return Some((
                start,
                (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?),
            ));
        }
        let c = DATE_CN.captures(text)?;
        let y = numbering::parse_cn_digits(&c[1])? as i32;
        let m = numbering::parse_cn_number(&c[2])?;
        let d = numbering::parse_cn_number(&c[3])?;
        Some((c.get(0)?.start(), (y, m, d)))
    }

    #[test]
    fn dates_are_read_off_the_match_as_captures_read_them() {
        let texts = [
            "2021年8月4日",
            "重庆市人民政府\n2021年8月4日",
            "国务院2019年01月08日",
            "12019年1月1日",
            "2019年123月5日",
            "2019年12月345日",
            "二〇〇四年六月二十六日",
            "国务院二○○四年六月十六日",
            "二〇〇四年十三月一日",
            "二〇〇四年六月二十六日起施行，2021年8月4日",
            "2021年8月4日前",
            "年月日",
            "日",
            "２０２１年８月４日",
            "٢٠٢١年8月4日",
            "2021年٨月4日",
        ];
        for t in texts {
            assert_eq!(find_date(t), find_date_by_captures(t), "{t}");
        }
        assert_eq!(
            find_date("发文日期：2021年8月4日"),
            Some((15, (2021, 8, 4)))
        );
    }

    #[test]
    fn counting_top_level_pieces_agrees_with_splitting() {
        for t in [
            "",
            "、",
            "北京、上海、（天津、重庆）、广州",
            "甲、 、乙",
            "“甲、乙”、丙",
            "甲、（乙、丙",
            "甲）、乙、",
        ] {
            assert_eq!(
                count_top_level(t, &['、']),
                split_top_level(t, &['、']).len(),
                "{t}"
            );
        }
    }

    /// The character-by-character definition [`split_top_level`] must agree with.
    fn split_reference(text: &str, seps: &[char]) -> Vec<String> {
        let mut out = Vec::new();
        let mut depth: i32 = 0;
        let mut piece = String::new();
        for c in text.chars() {
            if OPENERS.contains(&c) {
                depth += 1;
            } else if CLOSERS.contains(&c) {
                depth = (depth - 1).max(0);
            } else if depth == 0 && seps.contains(&c) {
                out.push(std::mem::take(&mut piece));
                continue;
            }
            piece.push(c);
        }
        out.push(piece);
        out.into_iter()
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect()
    }

    #[test]
    fn paren_balance_counts_what_the_characters_hold() {
        for s in [
            "",
            "（一）",
            "甲（乙（丙）",
            "）（",
            "（省大",
            "ＡＢ（ｘ）（",
            "全角：，（）)(",
        ] {
            let by_chars = s.chars().fold(0, |n, c| match c {
                '（' => n + 1,
                '）' => n - 1,
                _ => n,
            });
            assert_eq!(paren_balance(s), by_chars, "{s}");
        }
    }

    #[test]
    fn lead_byte_is_the_first_utf8_byte() {
        for c in [
            'a',
            '\u{7f}',
            '\u{80}',
            'é',
            '\u{7ff}',
            '\u{800}',
            '、',
            '（',
            '\u{ffff}',
            '\u{10000}',
            '\u{10ffff}',
        ] {
            let mut buf = [0u8; 4];
            assert_eq!(lead_byte(c), c.encode_utf8(&mut buf).as_bytes()[0], "{c:?}");
        }
    }

    #[test]
    fn split_top_level_agrees_with_the_character_walk() {
        let seps: &[&[char]] = &[
            &['、', '，', ',', '；', ';', '/', '\n'],
            &['，', ','],
            &['、'],
            &['(', '—'],
        ];
        for text in [
            "市发展改革委、市商务委（市口岸物流办）、市科技局",
            "甲，乙(丙,丁)，“戊，己”,庚",
            "（（未闭合、括号）、甲",
            "）多余的右括号、甲；乙/丙\n丁",
            "a(b)c — d、é、",
            "",
            "、、",
            "【甲、乙】〔丙、丁〕「戊、己」《庚、辛》〈壬、癸〉[子、丑]",
            // Characters of two and four bytes, stepped over whole.
            "𠀀甲、𠀁（乙、丙）、ü，丁—戊",
        ] {
            for s in seps {
                assert_eq!(
                    split_top_level(text, s),
                    split_reference(text, s),
                    "{text:?} {s:?}"
                );
            }
        }
    }
}

#[cfg(test)]
mod closing_and_head_forms {
    use crate::parse_text;

    #[test]
    fn a_bare_attachment_label_lists_the_numbered_lines_under_it() {
        let d = parse_text(
            "某某市人民政府办公室关于印发某某工作方案的通知\n\n各区人民政府：\n    《某某工作方案》已经市政府同意，现印发给你们。\n\n附件：\n1.某某工作方案\n2.某某任务清单\n\n某某市人民政府办公室\n2023年3月5日\n",
        );
        let titles: Vec<_> = d
            .notice
            .attachments
            .iter()
            .map(|a| (a.index, a.title.as_str()))
            .collect();
        assert_eq!(
            titles,
            [(Some(1), "某某工作方案"), (Some(2), "某某任务清单")]
        );
        assert_eq!(
            d.notice.body,
            ["《某某工作方案》已经市政府同意，现印发给你们。"]
        );
        // A page labelled `附件：` over its own title is no list.
        let d = parse_text(
            "某某局关于某某的通知\n各单位：\n现印发。\n某某局\n2023年3月5日\n附件：\n某某实施方案\n1.总体要求。做好工作。\n",
        );
        assert!(d.notice.attachments.is_empty());
    }

    #[test]
    fn a_plan_s_items_under_chapters_are_headed_by_their_first_sentence() {
        let d = parse_text(
            "某某市“十四五”生态环境保护规划\n\n第一章 总体要求\n一、指导思想。坚持以人民为中心的发展思想。\n二、基本原则。坚持系统观念，坚持问题导向。\n第二章 保障措施\n一、加强组织领导。建立健全规划实施协调机制。\n",
        );
        let chapters = &d.parts[0].sections;
        let headings: Vec<_> = chapters
            .iter()
            .flat_map(|c| &c.children)
            .map(|s| (s.heading.as_str(), s.paragraphs.clone()))
            .collect();
        assert_eq!(
            headings,
            [
                ("指导思想", vec!["坚持以人民为中心的发展思想。".to_string()]),
                ("基本原则", vec!["坚持系统观念，坚持问题导向。".to_string()]),
                (
                    "加强组织领导",
                    vec!["建立健全规划实施协调机制。".to_string()]
                ),
            ]
        );
        // A regulation's clauses under a chapter stay text, even one whose first sentence is short.
        let d = parse_text(
            "某某工作规则\n\n第一章 职责\n一、副总理按分工负责处理分管工作。受总理委托，负责其他工作。\n二、国务院组成部门的负责人，负责本部门的工作，并对其结果负责。\n",
        );
        let items = &d.parts[0].sections[0].children;
        assert!(items.iter().all(|s| s.heading.is_empty()), "{items:?}");
        assert_eq!(
            items[0].paragraphs,
            ["副总理按分工负责处理分管工作。受总理委托，负责其他工作。"]
        );
    }

    const MINUTES: &str = "某某市人民政府常务会议纪要\n〔2023〕第15次\n\n2023年3月5日，市长某某主持召开市政府常务会议。纪要如下：\n一、审议通过《某某办法》。会议原则同意该办法。\n二、研究部署春季防火工作。会议要求各区压实责任。\n出席：某某、某某某\n列席：市财政局某某，市审计局某某\n请假：某某（出差）\n";

    #[test]
    fn a_minutes_masthead_gives_the_unit_and_date_and_yields_the_title_to_the_minutes_own() {
        // GB/T 9704's 纪要: its name, its number, then the unit that prints it and the date on one
        // line; the 纪要's own title may follow. Read as a closing, that line had made the rest
        // an untitled enclosure, its attendance the last item's text.
        let masthead =
            "某某市人民政府常务会议纪要\n第15次\n某某市人民政府办公厅　　　　2023年3月6日\n";
        let text = MINUTES.split_once('\n').map_or("", |(_, rest)| rest);
        let text = text.split_once('\n').map_or("", |(_, rest)| rest);
        for (title, expected) in [
            (
                "关于研究春季防火工作的会议纪要\n",
                "关于研究春季防火工作的会议纪要",
            ),
            ("", "某某市人民政府常务会议纪要"),
        ] {
            let d = parse_text(&format!("{masthead}{title}{text}"));
            assert_eq!(d.notice.title.as_deref(), Some(expected));
            assert_eq!(d.notice.issuer.as_deref(), Some("某某市人民政府办公厅"));
            assert_eq!(d.notice.date.as_deref(), Some("2023-03-06"));
            assert_eq!(d.notice.signature, None);
            assert_eq!(
                d.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
                Some("第15次")
            );
            assert_eq!(d.notice.attendance.len(), 3, "{title}");
            assert_eq!(d.parts.len(), 1);
            assert_eq!(d.parts[0].kind, crate::model::PartKind::Body);
            assert_eq!(d.parts[0].sections.len(), 2);
            assert_eq!(
                d.parts[0].sections[1].paragraphs,
                ["会议要求各区压实责任。"]
            );
        }
        // Under a notice's title, an organ and a date on one line stay its closing.
        let d = parse_text("某某局关于某事的通知\n某某局　　2023年3月6日\n");
        assert_eq!(d.notice.signature.as_deref(), Some("某某局"));
    }

    #[test]
    fn a_minutes_attendance_is_no_text_of_its_last_item() {
        let d = parse_text(MINUTES);
        let att: Vec<_> = d
            .notice
            .attendance
            .iter()
            .map(|a| (a.role.as_str(), a.names.join("|")))
            .collect();
        assert_eq!(
            att,
            [
                ("出席", "某某|某某某".to_string()),
                ("列席", "市财政局某某|市审计局某某".to_string()),
                ("请假", "某某（出差）".to_string()),
            ]
        );
        let last = d.parts[0].sections.last().unwrap();
        assert_eq!(last.paragraphs, ["会议要求各区压实责任。"]);
        assert!(!d.notice.body.iter().any(|p| p.starts_with("出席")));
        // The line of who took the minutes, last under the list, is one of its lines.
        let d = parse_text(&format!("{MINUTES}记录：某某\n"));
        let roles: Vec<_> = d
            .notice
            .attendance
            .iter()
            .map(|a| a.role.as_str())
            .collect();
        assert_eq!(roles, ["出席", "列席", "请假", "记录"]);
        let last = d.parts[0].sections.last().unwrap();
        assert_eq!(last.paragraphs, ["会议要求各区压实责任。"]);
        // Outside a 纪要, such a line is the letter's own text.
        let d = parse_text(
            "某某局关于召开某某会议的通知\n各单位：\n一、会议时间。3月5日。\n二、参会人员。各单位负责同志。\n参会人员：各单位分管负责同志\n某某局\n2023年3月1日\n",
        );
        assert!(d.notice.attendance.is_empty());
        assert!(d.notice.body.iter().any(|p| p.starts_with("参会人员")));
    }

    #[test]
    fn a_number_in_brackets_after_the_title_is_the_number() {
        let d = parse_text(
            "某某市人民政府关于公布第三批非遗项目名录的通知（某府发〔2023〕41号）\n\n各区县人民政府：\n现予公布。\n\n某某市人民政府\n2023年11月2日\n",
        );
        assert_eq!(
            d.notice.title.as_deref(),
            Some("某某市人民政府关于公布第三批非遗项目名录的通知")
        );
        assert_eq!(
            d.notice.doc_number.map(|n| n.raw),
            Some("某府发〔2023〕41号".to_string())
        );
    }

    #[test]
    fn joint_organs_printed_again_over_the_title_are_named_once() {
        // The organs' line heads the page over the number, and is printed again over `关于……`.
        let d = parse_text(
            "某某市财政局 某某市教育局\n\n某财教〔2024〕18号\n\n某某市财政局 某某市教育局\n关于做好学前教育专项资金管理工作的函\n\n各区财政局、教育局：\n现将有关事项函告如下。\n\n某某市财政局　　　某某市教育局\n2024年5月10日\n",
        );
        assert_eq!(
            d.notice.issuer.as_deref(),
            Some("某某市财政局、某某市教育局")
        );
        assert_eq!(
            d.notice.title.as_deref(),
            Some("某某市财政局、某某市教育局关于做好学前教育专项资金管理工作的函")
        );
    }

    #[test]
    fn a_minutes_meeting_number_is_its_document_number_an_issue_number_is_not() {
        let d = parse_text(MINUTES);
        let n = d.notice.doc_number.expect("number");
        assert_eq!(
            (n.raw.as_str(), n.year, n.serial),
            ("〔2023〕第15次", Some(2023), Some(15))
        );
        assert!(!d.notice.body.iter().any(|p| p.contains("第15次")));
        // An issue number is the series' (a bulletin's), no 发文字号: it is neither the number
        // nor the letter's text.
        for issue in ["第15期", "〔2023〕第15期", "2023年第15期"] {
            let d = parse_text(&MINUTES.replace("〔2023〕第15次", issue));
            assert_eq!(d.notice.doc_number, None, "{issue}");
            assert!(
                !d.notice.body.iter().any(|p| p.contains("第15期")),
                "{issue}"
            );
        }
        // Under a title that is no 纪要's, such a line is not read as the number.
        let d = parse_text("某某工作简报\n第15期\n\n某某工作进展顺利。\n");
        assert!(d.notice.doc_number.is_none());
    }

    #[test]
    fn an_order_s_head_on_the_line_of_its_number_titles_it() {
        let one = parse_text(
            "某某省人民政府令第436号\n\n《某某办法》已经省人民政府常务会议通过，现予公布。\n\n省长  某某某\n2023年3月5日\n",
        );
        let two = parse_text(
            "某某省人民政府令\n第436号\n\n《某某办法》已经省人民政府常务会议通过，现予公布。\n\n省长  某某某\n2023年3月5日\n",
        );
        assert_eq!(one.notice.title.as_deref(), Some("某某省人民政府令"));
        assert_eq!(one.notice.title, two.notice.title);
        assert_eq!(one.notice.issuer, two.notice.issuer);
        let agency =
            |d: &crate::model::Document| d.notice.doc_number.as_ref().map(|n| n.agency.clone());
        assert_eq!(agency(&two).as_deref(), Some("某某省人民政府令"));
        assert_eq!(agency(&one), agency(&two));
        // Titled above its head, the order's number is the head's too.
        let titled = parse_text(
            "某某条例\n某某省人民政府令\n第436号\n\n《某某条例》已经省人民政府常务会议通过，现予公布。\n\n省长  某某某\n2023年3月5日\n",
        );
        assert_eq!(agency(&titled), agency(&one));
        assert_eq!(one.notice.line, Some(1));
        assert!(one.diagnostics.iter().all(|d| d.code != "no_title"));
    }

    #[test]
    fn a_note_on_the_date_s_line_is_the_note() {
        let d = parse_text(
            "某某县人民政府关于公布清单的通知\n各乡镇人民政府：\n现将清单予以公布，请遵照执行。\n某某县人民政府\n2023年2月8日（此件公开发布）\n",
        );
        assert_eq!(d.notice.signature.as_deref(), Some("某某县人民政府"));
        assert_eq!(d.notice.date.as_deref(), Some("2023-02-08"));
        assert_eq!(d.notice.note.as_deref(), Some("此件公开发布"));
        assert_eq!(d.notice.body, ["现将清单予以公布，请遵照执行。"]);
    }

    #[test]
    fn a_date_in_figures_under_the_signature_is_the_date() {
        for date in ["2023-03-05", "2023.3.5", "2023/3/5", "2023－03－05"] {
            let d = parse_text(&format!(
                "某某县人民政府关于做好春耕生产工作的通知\n各乡镇人民政府：\n一、加强组织领导。各乡镇要成立工作专班。\n\n某某县人民政府\n{date}\n"
            ));
            assert_eq!(d.notice.date.as_deref(), Some("2023-03-05"), "{date}");
            assert_eq!(d.notice.date_text.as_deref(), Some(date));
            assert_eq!(d.notice.signature.as_deref(), Some("某某县人民政府"));
            let last = d.parts[0].sections.last().unwrap();
            assert_eq!(last.paragraphs, ["各乡镇要成立工作专班。"]);
        }
        // Not under a signature, it is text; and no date that is not a real one.
        let d = parse_text(
            "某某县人民政府关于做好春耕生产工作的通知\n各乡镇人民政府：\n一、加强组织领导。\n2023-03-05\n",
        );
        assert!(d.notice.date.is_none());
        assert_eq!(super::numeric_date("2023-13-05"), Some((2023, 13, 5)));
        for bad in [
            "2023-3",
            "23-03-05",
            "2023-03/05",
            "2023.03.005",
            "２０２３-3-5",
        ] {
            assert_eq!(super::numeric_date(bad), None, "{bad}");
        }
    }
}
