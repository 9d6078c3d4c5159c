//! Numbering markers of GB/T 9704-2012 headings and of regulations.
//!
//! The standard's body hierarchy is `一、` → `（一）` → `1.` → `（1）`; regulations and 办法 use
//! `第一章` / `第一节` / `第一条`. Which kind is the top level is decided by the document (see
//! [`crate::structure`]); this module only recognises a marker and reads its number.

/// The kinds of numbering marker, coarsest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MarkerKind {
    /// `第一部分`
    Part,
    /// `第一章`
    Chapter,
    /// `第一节`
    Section,
    /// `第一条`
    Article,
    /// `一、`
    CnComma,
    /// `（一）`
    CnParen,
    /// `1.` `1．` `1、`
    ArabicDot,
    /// `（1）`
    ArabicParen,
    /// `1）`, `1)`: a number closed by a parenthesis it does not open, as Word's list numbering
    /// prints it.
    ArabicHalfParen,
    /// `①`
    Circled,
    /// `1` before a bare title (`1总则`, `1 总则`): the top of a decimal outline.
    Decimal1,
    /// `1.1` (`1.1编制目的`)
    Decimal2,
    /// `1.1.1`
    Decimal3,
}

impl MarkerKind {
    /// True for the regulation forms 第X章/节/条/部分, whose marker is a label rather than an item.
    pub fn is_ordinal(self) -> bool {
        matches!(
            self,
            MarkerKind::Part | MarkerKind::Chapter | MarkerKind::Section | MarkerKind::Article
        )
    }

    /// True for the levels of a decimal outline (`1`, `1.1`, `1.1.1`), which always nest in that
    /// order.
    pub fn is_decimal(self) -> bool {
        matches!(
            self,
            MarkerKind::Decimal1 | MarkerKind::Decimal2 | MarkerKind::Decimal3
        )
    }

    /// A small dense index (0..[`MarkerKind::COUNT`]) for per-kind tables.
    pub fn index(self) -> usize {
        self as usize
    }

    /// How many kinds there are (the last kind's index and one).
    pub const COUNT: usize = MarkerKind::Decimal3 as usize + 1;
}

/// The kind of a marker as stored in [`crate::model::Section::marker`] (`（一）`, `第三条`, `1．`).
///
/// Unlike [`marker`], a parenthesized numeral standing alone is accepted, since the stored
/// marker is only the marker.
///
/// ```
/// use gongwen_parse::numbering::{marker_kind, MarkerKind};
/// assert_eq!(marker_kind("（一）"), Some(MarkerKind::CnParen));
/// assert_eq!(marker_kind("第三条"), Some(MarkerKind::Article));
/// assert_eq!(marker_kind("附件"), None);
/// ```
pub fn marker_kind(printed: &str) -> Option<MarkerKind> {
    scan(printed, true).map(|(kind, _, _)| kind)
}

/// A marker found at the start of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// Its kind.
    pub kind: MarkerKind,
    /// The marker as printed, e.g. `（十四）`.
    pub text: String,
    /// Its number.
    pub number: u32,
    /// Byte length of the marker in the block.
    pub len: usize,
}

/// The numerals of a count up to ten, as months, days, attachments and sessions print them:
/// `六`, `二十六`, `附件三`, `十四届`.
pub(crate) const NUMERALS_TO_TEN: [char; 10] =
    ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/// [`NUMERALS_TO_TEN`] and `百`: the numerals of a stated count (`八十六项`, `共一百项`).
pub(crate) const NUMERALS_TO_HUNDRED: [char; 11] = [
    '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百',
];

/// Value of a Chinese numeral digit (`〇` and `○` are both zero).
pub fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'Ｏ' | 'O' | '0' => 0,
        '一' | '壹' => 1,
        '二' | '贰' | '两' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Reads a Chinese numeral up to the thousands: `十四` → 14, `二十一` → 21, `一百零三` → 103.
/// Also reads plain ASCII digits.
pub fn parse_cn_number(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let mut total: u32 = 0;
    let mut current: Option<u32> = None;
    for c in s.chars() {
        let unit = match c {
            '十' | '拾' => 10,
            '百' | '佰' => 100,
            '千' | '仟' => 1000,
            _ => {
                current = Some(cn_digit(c)?);
                continue;
            }
        };
        total = total.checked_add(current.unwrap_or(1).checked_mul(unit)?)?;
        current = None;
    }
    total.checked_add(current.unwrap_or(0))
}

/// `n` (0–99,999) written in Chinese numerals as headings count: `一`, `十`, `十一`, `二十`,
/// `一百零一`, `一千二百`; [`parse_cn_number`] reads it back. `None` past 99,999.
pub fn to_cn_number(n: u32) -> Option<String> {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const UNITS: [&str; 5] = ["", "十", "百", "千", "万"];
    if n == 0 {
        return Some("零".into());
    }
    if n > 99_999 {
        return None;
    }
    let digits: Vec<usize> = n
        .to_string()
        .bytes()
        .map(|b| usize::from(b - b'0'))
        .collect();
    let mut out = String::new();
    let mut zero = false;
    for (i, &d) in digits.iter().enumerate() {
        let unit = digits.len() - 1 - i;
        if d == 0 {
            zero = true;
            continue;
        }
        if zero && !out.is_empty() {
            out.push('零');
        }
        zero = false;
        // 十一, not 一十一, when the number starts with its tens.
        if !(d == 1 && unit == 1 && i == 0) {
            out.push(DIGITS[d]);
        }
        out.push_str(UNITS[unit]);
    }
    Some(out)
}

/// Reads a year written digit by digit in Chinese numerals: `二〇〇四` → 2004.
pub fn parse_cn_digits(s: &str) -> Option<u32> {
    let mut v: u32 = 0;
    let mut n = 0;
    for c in s.chars() {
        v = v.checked_mul(10)?.checked_add(cn_digit(c)?)?;
        n += 1;
    }
    (n > 0).then_some(v)
}

pub(crate) fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '零' | '〇'
    )
}

/// Recognises the numbering marker at the start of a normalized block.
///
/// ```
/// use gongwen_parse::numbering::{marker, MarkerKind};
/// let m = marker("（十四）加强金融风险防控。").unwrap();
/// assert_eq!((m.kind, m.number, m.text.as_str()), (MarkerKind::CnParen, 14, "（十四）"));
/// assert_eq!(marker("第三条本办法自公布之日起施行。").unwrap().kind, MarkerKind::Article);
/// assert!(marker("2021年8月4日").is_none());
/// ```
pub fn marker(text: &str) -> Option<Marker> {
    marker_at(text, false)
}

/// Whether a normalized block starts with a numbering marker (`marker(text).is_some()`, without
/// building the marker).
pub fn has_marker(text: &str) -> bool {
    scan(text, false).is_some()
}

/// The kind of the marker a normalized block starts with (`marker(text).map(|m| m.kind)`,
/// without building the marker).
pub fn block_marker_kind(text: &str) -> Option<MarkerKind> {
    scan(text, false).map(|(kind, _, _)| kind)
}

/// The kind of `text` when it is a marker and nothing else (`一、`, `（一）`, `1.`, `第一条`).
pub(crate) fn whole_marker_kind(text: &str) -> Option<MarkerKind> {
    scan(text, true)
        .filter(|&(_, _, len)| len == text.len())
        .map(|(kind, _, _)| kind)
}

/// The byte length of the marker a normalized block starts with; 0 without one.
pub(crate) fn marker_len(text: &str) -> usize {
    scan(text, false).map_or(0, |(_, _, len)| len)
}

fn marker_at(text: &str, allow_whole: bool) -> Option<Marker> {
    let (kind, number, len) = scan(text, allow_whole)?;
    Some(Marker {
        kind,
        text: text.get(..len)?.to_string(),
        number,
        len,
    })
}

/// The marker at the start of `text` as (kind, number, length in bytes), found without
/// allocating (blocks are scanned many times over: the outline, sibling checks, the checks).
fn scan(text: &str, allow_whole: bool) -> Option<(MarkerKind, u32, usize)> {
    let first = text.chars().next()?;
    match first {
        '第' => {
            let tail = text.get('第'.len_utf8()..)?;
            let n = tail
                .find(|c: char| !(is_cn_numeral(c) || c.is_ascii_digit()))
                .unwrap_or(tail.len());
            let digits = tail.get(..n)?;
            if digits.is_empty() {
                return None;
            }
            let after = '第'.len_utf8() + digits.len();
            let rest = text.get(after..)?;
            let (kind, unit_len) = if rest.starts_with("部分") {
                (MarkerKind::Part, "部分".len())
            } else {
                let kind = match rest.chars().next()? {
                    '章' => MarkerKind::Chapter,
                    // (節, 條: the traditional forms, in a Hong Kong or Taiwan copy.)
                    '节' | '節' => MarkerKind::Section,
                    '条' | '條' => MarkerKind::Article,
                    _ => return None,
                };
                (kind, 3)
            };
            let number = parse_cn_number(digits)?;
            let len = after + unit_len;
            let len = len + inserted_suffix_len(text.get(len..)?);
            if amends_the_label(text.get(len..)?) {
                return None;
            }
            Some((kind, number, len))
        }
        '（' | '(' => {
            let inner_start = first.len_utf8();
            let rest = text.get(inner_start..)?;
            // At most six characters up to the closing parenthesis.
            let mut inner_len = rest.len();
            for (count, (i, c)) in rest.char_indices().enumerate() {
                if c == '）' || c == ')' || count == 6 {
                    inner_len = i;
                    break;
                }
            }
            let inner = rest.get(..inner_len)?;
            let close_at = inner_start + inner.len();
            let close = text.get(close_at..)?.chars().next()?;
            if close != '）' && close != ')' || inner.is_empty() {
                return None;
            }
            let kind = if inner.chars().all(|c| c.is_ascii_digit()) {
                MarkerKind::ArabicParen
            } else if inner.chars().all(is_cn_numeral) {
                MarkerKind::CnParen
            } else {
                return None;
            };
            let number = parse_cn_number(inner)?;
            let len = close_at + close.len_utf8();
            // A parenthesis that is the whole block (a note like （此件公开发布）) is not a marker.
            if !allow_whole && len == text.len() && kind == MarkerKind::CnParen {
                return None;
            }
            Some((kind, number, len))
        }
        '①'..='⑳' => Some((
            MarkerKind::Circled,
            first as u32 - '①' as u32 + 1,
            first.len_utf8(),
        )),
        c if c.is_ascii_digit() => {
            let n = text.bytes().take_while(u8::is_ascii_digit).count();
            if n > 3 {
                return None;
            }
            if let Some(decimal) = decimal_marker(text, allow_whole) {
                return Some(decimal);
            }
            let digits = text.get(..n)?;
            let rest = text.get(n..)?;
            let sep = rest.chars().next()?;
            if matches!(sep, '）' | ')') {
                return half_paren_marker(digits, rest.get(sep.len_utf8()..)?, n + sep.len_utf8());
            }
            if !matches!(sep, '.' | '．' | '、') {
                return None;
            }
            // `1.5倍` is a number, not a marker; `1.2022年度预算` is item 1 about a year.
            let after = rest.get(sep.len_utf8()..)?;
            if after.starts_with(|c: char| c.is_ascii_digit()) {
                let year = after.bytes().take_while(u8::is_ascii_digit).count();
                if year != 4 || !after[year..].starts_with('年') {
                    return None;
                }
            }
            Some((
                MarkerKind::ArabicDot,
                digits.parse().ok()?,
                n + sep.len_utf8(),
            ))
        }
        c if is_cn_numeral(c) => {
            let n = text.find(|c: char| !is_cn_numeral(c)).unwrap_or(text.len());
            let digits = text.get(..n)?;
            let rest = text.get(n..)?;
            if !rest.starts_with('、') || digits.chars().count() > 4 {
                return None;
            }
            let number = parse_cn_number(digits)?;
            Some((MarkerKind::CnComma, number, n + '、'.len_utf8()))
        }
        _ => None,
    }
}

/// `1）` before an item's words: a number of one or two digits (up to 50) closed by a
/// parenthesis it does not open, and a Chinese character or an opening quote after it — not the
/// end of a bracket cut at a line's start (`3）的规定` after `（附件`), which a sentence's
/// particle, punctuation or nothing follows.
fn half_paren_marker(digits: &str, after: &str, len: usize) -> Option<(MarkerKind, u32, usize)> {
    let number: u32 = digits.parse().ok()?;
    if digits.len() > 2 || !(1..=50).contains(&number) {
        return None;
    }
    let next = after.chars().next()?;
    let opens_words = (crate::normalize::is_han(next)
        && !matches!(
            next,
            '的' | '和' | '与' | '及' | '或' | '中' | '等' | '号' | '条' | '款' | '项'
        ))
        || matches!(next, '“' | '《' | '【');
    opens_words.then_some((MarkerKind::ArabicHalfParen, number, len))
}

/// Whether `rest`, the words after a regulation label at the start of a line, say what an
/// amendment does to the article, chapter or section so labelled (`第十八条修改为：“……”`,
/// `第五条第二款修改为`, `第十二条改为第十三条`, `第七条中的“……”修改为`, `第九条删去`, `第三章后增加
/// 一节`): the line is a clause of a 修改决定 naming the label, not the heading of its own.
/// (An article's own text never opens so, nor with a 款/项 of itself.)
fn amends_the_label(rest: &str) -> bool {
    const AMENDS: [&str; 10] = [
        "修改为",
        "修订为",
        "改为",
        "调整为",
        "中的",
        "中“",
        "删去",
        "删除",
        "后增加",
        "增加一",
    ];
    let mut rest = rest;
    // Past the 款, 项 and 目 of the label (`第五条第二款第三项修改为`), at most three.
    for _ in 0..3 {
        let Some(tail) = rest.strip_prefix('第') else {
            break;
        };
        let n = tail
            .find(|c: char| !(is_cn_numeral(c) || c.is_ascii_digit()))
            .unwrap_or(tail.len());
        match tail[n..].chars().next() {
            Some(c @ ('款' | '项' | '目')) if n > 0 => rest = &tail[n + c.len_utf8()..],
            _ => break,
        }
    }
    AMENDS.iter().any(|a| rest.starts_with(a)) || cites_the_label(rest)
}

/// Whether `rest`, the words right after a regulation label at the start of a line (past its
/// 款 and 项), go on with a sentence that cites the article so labelled: `第二条规定的实施方案……`,
/// `第五条所称……`, `第三条第一款规定的情形`, `第八条的规定`, `第二条至第五条……`, `第三条、第四条……`.
/// A 款 may open so; an article's own text never does (its marker stands before a space or its
/// words, which open with what it rules on, never with `规定的` or `所称`).
fn cites_the_label(rest: &str) -> bool {
    const CITES: [&str; 15] = [
        "规定",
        "所称",
        "所列",
        "所述",
        "所指",
        "所规定",
        "所确定",
        "的",
        "至第",
        "、第",
        "和第",
        "及第",
        "或者第",
        "以及第",
        "中规定",
    ];
    CITES.iter().any(|a| rest.starts_with(a))
}

/// The byte length of the `之一` (`之二`, `之十`…) that follows an inserted article's, chapter's
/// or section's label at the start of `rest` (`第二十条之一` is the article an amendment puts
/// after 第二十条, numbered from it), 0 without one: `之` and up to three Chinese numerals, with
/// no more numeral after them. `之规定` and the like are no number.
fn inserted_suffix_len(rest: &str) -> usize {
    let Some(tail) = rest.strip_prefix('之') else {
        return 0;
    };
    let n = tail.find(|c: char| !is_cn_numeral(c)).unwrap_or(tail.len());
    let digits = &tail[..n];
    if digits.is_empty()
        || digits.chars().count() > 3
        || parse_cn_number(digits).is_none_or(|v| v == 0)
    {
        return 0;
    }
    '之'.len_utf8() + n
}

/// The number after `之` of an inserted regulation label (`第二十条之一` → 1, `第三章之二` → 2);
/// `None` for a label of its own number (`第二十条`) and for anything else. Its
/// [`Marker::number`] is the number of the label it follows (20 for `第二十条之一`).
///
/// ```
/// use gongwen_parse::numbering::inserted_number;
/// assert_eq!(inserted_number("第二十条之一"), Some(1));
/// assert_eq!(inserted_number("第二十条"), None);
/// assert_eq!(inserted_number("（一）"), None);
/// ```
pub fn inserted_number(printed: &str) -> Option<u32> {
    if !printed.starts_with('第') {
        return None;
    }
    let (_, tail) = printed.rsplit_once('之')?;
    scan(printed, true)
        .filter(|(kind, _, len)| kind.is_ordinal() && *len == printed.len())
        .and_then(|_| parse_cn_number(tail))
}

/// Whether `rest`, the words after the marker of item `n` of kind `kind` that opens a paragraph,
/// go on to the next item of the same list in that paragraph: `①加强春茶采摘管理；②做好…；③…`,
/// `（1）…；（2）…`, `1.…；2.…` — a paragraph that runs its items inline, as it does after a
/// lead-in (`重点抓好以下工作：①…；②…`), not an item holding the ones after it. A circled
/// number counts anywhere (nothing else prints one); `（2）` and `2.` count after a stop, a
/// semicolon, a comma or a colon (`；（2）`), not inside a clause (`第（2）项`). Always false for
/// the other kinds, whose items are headings.
///
/// ```
/// use gongwen_parse::numbering::{runs_items_inline, MarkerKind};
/// assert!(runs_items_inline(MarkerKind::Circled, 1, "加强管理；②做好防控。"));
/// assert!(runs_items_inline(MarkerKind::ArabicParen, 1, "加强管理；（2）做好防控。"));
/// assert!(!runs_items_inline(MarkerKind::ArabicParen, 1, "符合本条第（2）项规定的。"));
/// assert!(!runs_items_inline(MarkerKind::ArabicDot, 1, "加强管理，提高2.5倍。"));
/// assert!(!runs_items_inline(MarkerKind::CnParen, 1, "加强管理；（二）做好防控。"));
/// ```
pub fn runs_items_inline(kind: MarkerKind, n: u32, rest: &str) -> bool {
    match kind {
        MarkerKind::Circled => n
            .checked_add('①' as u32)
            .and_then(char::from_u32)
            .is_some_and(|next| next <= '⑳' && rest.contains(next)),
        MarkerKind::ArabicParen | MarkerKind::ArabicDot | MarkerKind::ArabicHalfParen => rest
            .match_indices(['；', ';', '。', '，', ',', '：', ':'])
            .any(|(at, sep)| {
                rest.get(at + sep.len()..)
                    .map(str::trim_start)
                    .and_then(|next| scan(next, false))
                    .is_some_and(|(k, number, _)| k == kind && Some(number) == n.checked_add(1))
            }),
        _ => false,
    }
}

/// An item `N.` whose title opens with a number and letters, read as a decimal (`3.5G网络建设工程`
/// looks like the quantity 3.5): the item marker, when `N` is `expected` (the number after the
/// item before it, `2.`), and what follows the `.` is digits then capital letters then the title
/// (`5G网络`, `4K超高清`, `3D打印`, `5G+工业互联网`) — the name of a technology, not a quantity:
/// a quantity's unit is Han (`2.5亿元`), a sign (`3.5%`) or written small (`3.5kg`, `2.4GHz`),
/// and a fraction does not start with `0` (`3.0T磁共振`). Only asked of a line [`marker`] turned
/// down, so a decimal outline (`3.1总则`) and a year (`1.2022年`) keep their reading.
///
/// ```
/// use gongwen_parse::numbering::{item_before_decimal, MarkerKind};
/// let m = item_before_decimal("3.5G网络建设工程。到2025年，建成5G基站。", 3).unwrap();
/// assert_eq!((m.kind, m.number, m.text.as_str()), (MarkerKind::ArabicDot, 3, "3."));
/// assert!(item_before_decimal("3.5G网络建设工程。", 4).is_none());
/// assert!(item_before_decimal("3.5%的企业完成改造。", 3).is_none());
/// ```
pub fn item_before_decimal(text: &str, expected: u32) -> Option<Marker> {
    let bytes = text.as_bytes();
    let n = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if n == 0 || n > 3 || text.get(..n)?.parse::<u32>().ok()? != expected {
        return None;
    }
    let sep = text.get(n..)?.chars().next()?;
    if !matches!(sep, '.' | '．') {
        return None;
    }
    let len = n + sep.len_utf8();
    let after = text.get(len..)?.as_bytes();
    let digits = after.iter().take_while(|b| b.is_ascii_digit()).count();
    let letters = after[digits..]
        .iter()
        .take_while(|b| b.is_ascii_uppercase())
        .count();
    if digits == 0 || digits > 2 || after[0] == b'0' || !(1..=2).contains(&letters) {
        return None;
    }
    let title = text.get(len + digits + letters..)?.chars().next()?;
    if !(crate::normalize::is_han(title) || matches!(title, '+' | '＋')) {
        return None;
    }
    Some(Marker {
        kind: MarkerKind::ArabicDot,
        text: text.get(..len)?.to_string(),
        number: expected,
        len,
    })
}

/// Characters that make a number a quantity, not a heading's number, when they follow it:
/// `1.5倍`, `2.5万元`, `3个`, `10大工程`, `2.0版`, `1号文件`.
const QUANTITY_UNITS: &[char] = &[
    '倍', '万', '亿', '千', '百', '十', '元', '个', '次', '项', '年', '月', '日', '天', '时', '分',
    '秒', '米', '吨', '斤', '克', '度', '级', '岁', '人', '家', '户', '台', '辆', '公', '成', '折',
    '亩', '号', '期', '版', '大', '类', '条', '款', '批', '名', '位', '所', '座', '件', '种', '份',
    '套', '部', '小', '周', '季', '届', '轮', '方', '对', '层', '张', '本', '场', '间', '块', '片',
    '段', '股',
];

/// A decimal outline number at the start of `text`: `1.1`/`1.1.1` (two or three parts of one or
/// two digits each, `.` or `．` between) followed by its heading, or a bare `1`/`12` followed by
/// a short title with no punctuation (`1总则`: the top level of such an outline, whose space
/// normalization drops). A quantity (`1.5倍`, `3个工作日`) is not one.
fn decimal_marker(text: &str, allow_whole: bool) -> Option<(MarkerKind, u32, usize)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut parts = 0;
    let mut last: u32;
    loop {
        let n = bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if n == 0 || n > 2 {
            return None;
        }
        last = text.get(at..at + n)?.parse().ok()?;
        at += n;
        parts += 1;
        let sep = text.get(at..)?.chars().next();
        match sep {
            Some(c @ ('.' | '．'))
                if parts < 3
                    && text
                        .get(at + c.len_utf8()..)?
                        .starts_with(|d: char| d.is_ascii_digit()) =>
            {
                at += c.len_utf8();
            }
            _ => break,
        }
    }
    let kind = match parts {
        1 => MarkerKind::Decimal1,
        2 => MarkerKind::Decimal2,
        _ => MarkerKind::Decimal3,
    };
    let rest = text.get(at..)?;
    let next = rest.chars().next();
    if next.is_none() {
        return (allow_whole && parts > 1).then_some((kind, last, at));
    }
    let heading = next.is_some_and(|c| crate::normalize::is_han(c) && !QUANTITY_UNITS.contains(&c));
    if !heading || last == 0 {
        return None;
    }
    // A bare number is a heading's only when a short title follows it alone.
    if parts == 1
        && (rest.chars().count() > 15
            || rest.contains(['。', '，', '；', '：', '、', '！', '？', '（', '(']))
    {
        return None;
    }
    Some((kind, last, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals_written_read_back() {
        for (n, cn) in [
            (1, "一"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (86, "八十六"),
            (101, "一百零一"),
            (110, "一百一十"),
            (1200, "一千二百"),
            (1005, "一千零五"),
        ] {
            assert_eq!(to_cn_number(n).as_deref(), Some(cn), "{n}");
        }
        for n in 1..=9999 {
            let cn = to_cn_number(n).expect("in range");
            assert_eq!(parse_cn_number(&cn), Some(n), "{n}: {cn}");
        }
        assert_eq!(to_cn_number(100_000), None);
    }

    #[test]
    fn chinese_numerals_read() {
        assert_eq!(parse_cn_number("十"), Some(10));
        assert_eq!(parse_cn_number("十四"), Some(14));
        assert_eq!(parse_cn_number("二十一"), Some(21));
        assert_eq!(parse_cn_number("一百零三"), Some(103));
        assert_eq!(parse_cn_digits("二〇〇四"), Some(2004));
        assert_eq!(parse_cn_digits("二○○四"), Some(2004));
    }

    #[test]
    fn the_quick_answers_agree_with_the_marker() {
        for text in [
            "一、总体要求",
            "（三）工作目标。",
            "(二)工作原则",
            "12．加强领导",
            "1.5倍",
            "（2）推进",
            "第十二章附则",
            "第一百零三条",
            "第二十条之一",
            "第二十条之",
            "第二节",
            "第一部分总则",
            "③其他",
            "（此件公开发布）",
            "（一二三四五六七）",
            "附件",
            "一是加强",
            "",
        ] {
            let m = marker(text);
            assert_eq!(has_marker(text), m.is_some(), "{text}");
            assert_eq!(block_marker_kind(text), m.map(|m| m.kind), "{text}");
        }
    }

    #[test]
    fn a_half_parenthesis_numbers_an_item_only_before_its_words() {
        for text in ["1）推进", "2)做好", "3）“放管服”改革", "50）其他"] {
            assert_eq!(
                block_marker_kind(text),
                Some(MarkerKind::ArabicHalfParen),
                "{text}"
            );
        }
        // The end of a bracket cut at a line's start, a number that is a year or a quantity,
        // and a number alone: no item.
        for text in [
            "3）的规定执行。",
            "3）和（4）项",
            "2）。",
            "1）",
            "2024）",
            "51）推进",
            "3），",
            "123）推进",
        ] {
            assert_eq!(block_marker_kind(text), None, "{text}");
        }
        assert!(runs_items_inline(
            MarkerKind::ArabicHalfParen,
            1,
            "加强管理；2）做好防控。"
        ));
    }

    #[test]
    fn every_marker_kind_is_recognised() {
        let cases = [
            ("一、总体要求", MarkerKind::CnComma, 1, "一、"),
            ("（三）工作目标。", MarkerKind::CnParen, 3, "（三）"),
            ("(二)工作原则", MarkerKind::CnParen, 2, "(二)"),
            ("12．加强领导", MarkerKind::ArabicDot, 12, "12．"),
            ("3.做好", MarkerKind::ArabicDot, 3, "3."),
            ("1.2022年度部门预算", MarkerKind::ArabicDot, 1, "1."),
            ("（2）推进", MarkerKind::ArabicParen, 2, "（2）"),
            ("1）引进大数据企业", MarkerKind::ArabicHalfParen, 1, "1）"),
            ("12)“一网通办”", MarkerKind::ArabicHalfParen, 12, "12)"),
            ("第十二章附则", MarkerKind::Chapter, 12, "第十二章"),
            ("第一百零三条", MarkerKind::Article, 103, "第一百零三条"),
            (
                "第二十条之一　本办法所称",
                MarkerKind::Article,
                20,
                "第二十条之一",
            ),
            ("第三章之二附则", MarkerKind::Chapter, 3, "第三章之二"),
            ("第五条之规定", MarkerKind::Article, 5, "第五条"),
            ("第二节", MarkerKind::Section, 2, "第二节"),
            ("第一部分总则", MarkerKind::Part, 1, "第一部分"),
            ("③其他", MarkerKind::Circled, 3, "③"),
            ("1总则", MarkerKind::Decimal1, 1, "1"),
            ("1.1编制目的", MarkerKind::Decimal2, 1, "1.1"),
            (
                "2.3.4响应程序。按规定启动响应。",
                MarkerKind::Decimal3,
                4,
                "2.3.4",
            ),
        ];
        for (text, kind, number, printed) in cases {
            let m = marker(text).unwrap_or_else(|| panic!("no marker in {text}"));
            assert_eq!(
                (m.kind, m.number, m.text.as_str()),
                (kind, number, printed),
                "{text}"
            );
        }
    }

    #[test]
    fn non_markers_are_rejected() {
        for text in [
            "2021年8月4日",
            "1.5倍",
            "1.2022",
            "3.20年",
            "1.5倍",
            "2.5万元",
            "3个工作日内完成",
            "10大工程",
            "24小时值班",
            "3方面工作",
            "1总则要求各地区各部门认真贯彻执行不得拖延",
            "2组织体系，明确职责",
            "1.1.1.1编制目的",
            "0.5米",
            "一是加强",
            "（此件公开发布）",
            "（一）",
            "第一批",
            "（QDLP）",
            "二〇〇四年",
        ] {
            assert!(marker(text).is_none(), "{text}");
        }
    }
}
