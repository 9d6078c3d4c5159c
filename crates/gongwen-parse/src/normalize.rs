//! Text normalization shared by every reader.
//!
//! A notice reposted by another site often differs only in typography: full-width spaces used
//! for indentation, spaces between the characters of a centred header (`试  点  任  务`),
//! ASCII punctuation where the original had full-width (`(一)` for `（一）`), or `[2021]` for
//! `〔2021〕` in a document number. Normalizing every block the same way makes all of those
//! parse to the same model, and is what the plain-text writer prints.

use std::borrow::Cow;

/// True for Han characters and CJK punctuation (the characters that make a context "Chinese").
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}'
        | '\u{3001}'..='\u{303F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
        | '\u{2018}'..='\u{201F}'
        | '\u{2014}' | '\u{2026}' | '\u{00B7}' | '\u{25CB}')
}

/// True for Han characters only.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}')
}

/// The number of characters U+4000–U+9FFF in `s`: the CJK ideographs nearly all Chinese text is
/// written in (the rare extension blocks aside), counted from their UTF-8 lead bytes `E4`–`E9`
/// alone, one comparison a byte. A measure of how much Chinese text a part of a page holds.
pub fn count_ideographs(s: &str) -> usize {
    // Chunks of 255 bytes are summed in byte lanes (at most 255 each): vectorized.
    s.as_bytes()
        .chunks(255)
        .map(|chunk| {
            let n = chunk.iter().fold(0u8, |n, &b| {
                n.wrapping_add(u8::from(b.wrapping_sub(0xE4) < 6))
            });
            usize::from(n)
        })
        .sum()
}

/// The number of characters of `s` and of its ASCII characters, counted from the bytes: a
/// character is a byte that continues none (`10xxxxxx` continues one), an ASCII character a byte
/// below `80`. Summed in byte lanes over chunks of 255 bytes, so vectorized.
pub(crate) fn count_chars_and_ascii(s: &str) -> (usize, usize) {
    let (mut chars, mut ascii) = (0usize, 0usize);
    for chunk in s.as_bytes().chunks(255) {
        let (c, a) = chunk.iter().fold((0u8, 0u8), |(c, a), &b| {
            (
                c.wrapping_add(u8::from((b as i8) >= -0x40)),
                a.wrapping_add(u8::from(b < 0x80)),
            )
        });
        chars += usize::from(c);
        ascii += usize::from(a);
    }
    (chars, ascii)
}

/// Characters that print nothing and part nothing, which normalization removes: the zero-width
/// space, non-joiner and joiner, the left-to-right and right-to-left marks (U+200B–U+200F), the
/// word joiner (U+2060), a byte-order mark inside the text (U+FEFF) and the soft hyphen (U+00AD).
/// Web pages sprinkle them into text to spoil copying, and Word and HTML exports leave them in
/// names (`省卫生\u{200B}健康委` is 省卫生健康委, not two words).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Characters treated as white space inside a block (besides ASCII white space).
fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{3000}' | '\u{00A0}' | '\u{200B}' | '\u{FEFF}' | '\u{2002}'..='\u{200A}'
        )
}

/// Whether the character at the start of `b` (valid UTF-8) is surely not white space by
/// [`is_space`]'s measure, told from its bytes: printable ASCII, an ideograph or other character
/// of U+4000–U+DFFF (lead byte `E4`–`ED`), CJK punctuation but U+3000, and full-width forms but
/// U+FEFF. `false` means "look closer", not "space".
fn starts_unspaced(b: &[u8]) -> bool {
    match *b {
        [0x21..=0x7F, ..] | [0xE4..=0xED, ..] => true,
        [0xE3, x, y, ..] => (x, y) != (0x80, 0x80),
        [0xEF, x, y, ..] => (x, y) != (0xBB, 0xBF),
        _ => false,
    }
}

/// [`starts_unspaced`] for the character at the end of `b`. A three-byte character ends the
/// text when the third byte from the end is a three-byte lead (`E0`–`EF`).
fn ends_unspaced(b: &[u8]) -> bool {
    match *b {
        [.., 0x21..=0x7F] | [.., 0xE4..=0xED, _, _] => true,
        [.., 0xE3, x, y] => (x, y) != (0x80, 0x80),
        [.., 0xEF, x, y] => (x, y) != (0xBB, 0xBF),
        _ => false,
    }
}

/// `s.trim_matches(space)` for a `space` that takes no character [`is_space`] does not take
/// (`char::is_whitespace`, [`is_space`] itself and the like), without decoding the end
/// characters of text that starts and ends with a printable ASCII character, an ideograph or CJK
/// punctuation — nearly every line and cell of a notice, whose ends `char::is_whitespace`
/// otherwise looks up in the Unicode tables.
pub(crate) fn trim_with(s: &str, space: impl Fn(char) -> bool + Copy) -> &str {
    let s = if starts_unspaced(s.as_bytes()) {
        s
    } else {
        s.trim_start_matches(space)
    };
    trim_end_with(s, space)
}

/// [`trim_with`] at the end only: `s.trim_end_matches(space)`.
pub(crate) fn trim_end_with(s: &str, space: impl Fn(char) -> bool + Copy) -> &str {
    if ends_unspaced(s.as_bytes()) {
        s
    } else {
        s.trim_end_matches(space)
    }
}

/// `str::trim` and `str::trim_end` by [`trim_with`]: the same slices, without decoding the ends
/// of text that starts and ends with printable ASCII, an ideograph or CJK punctuation.
pub(crate) trait TrimFast {
    /// `self.trim()`.
    fn trim_ws(&self) -> &str;
    /// `self.trim_end()`.
    fn trim_end_ws(&self) -> &str;
}

impl TrimFast for str {
    fn trim_ws(&self) -> &str {
        trim_with(self, char::is_whitespace)
    }

    fn trim_end_ws(&self) -> &str {
        trim_end_with(self, char::is_whitespace)
    }
}

/// `s.trim_matches(is_space)` by [`trim_with`].
pub(crate) fn trim_space(s: &str) -> &str {
    trim_with(s, is_space)
}

/// Maps full-width letters and digits to ASCII; leaves full-width punctuation alone.
fn fold_width(c: char) -> char {
    match c {
        // Letters, digits, and the signs that go with numbers (`50％`, `注册＋生产`).
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '％' | '＋' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// True for every character a regex's `\d` matches (Unicode decimal digits), and for some
/// others (other numbers): a cheap superset for the pre-checks that decide whether a regex
/// needs to run. CJK punctuation and ideographs are answered without the Unicode tables.
pub(crate) fn may_be_digit(c: char) -> bool {
    c.is_ascii_digit()
        || (!c.is_ascii() && !('\u{3000}'..='\u{9FFF}').contains(&c) && c.is_numeric())
}

/// The byte offsets where `c` stands in `text`, in order.
///
/// Found by a byte search (vectorized) for the last byte of `c`'s UTF-8 form, with a look at
/// the bytes before each hit. For a Chinese character that last byte is a continuation byte
/// that stands in about one character in thirty of Chinese text, which makes this cheaper than
/// a substring search, whose rare-byte heuristics find every byte of a Chinese character common.
pub(crate) fn char_offsets(text: &str, c: char) -> impl Iterator<Item = usize> + '_ {
    let mut buf = [0u8; 4];
    let n = c.encode_utf8(&mut buf).len();
    let b = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let last = from + find_byte(b.get(from..)?, buf[n - 1])?;
            from = last + 1;
            let Some(start) = (last + 1).checked_sub(n) else {
                continue;
            };
            // Compared byte by byte: a slice comparison calls `memcmp`, which costs more than
            // the two or three bytes it compares.
            let found = b.get(start..=last)?;
            if found.iter().zip(&buf[..n]).all(|(x, y)| x == y) {
                return Some(start);
            }
        }
    })
}

/// Where byte `x` first stands in `b`: [`memchr::memchr`] (vectorized, behind a choice of
/// implementation made at run time) for a long slice, a plain loop for a short one (a line, a
/// cell, a name), where memchr's call and set-up cost more than the search.
#[inline]
pub(crate) fn find_byte(b: &[u8], x: u8) -> Option<usize> {
    if b.len() < SHORT_SEARCH {
        b.iter().position(|&y| y == x)
    } else {
        memchr::memchr(x, b)
    }
}

/// Below this many bytes [`find_byte`] searches with a plain loop.
const SHORT_SEARCH: usize = 24;

/// The longest head of `s` of at most `n` bytes that ends on a character boundary: where a
/// search need look only at the first few characters of a long text.
pub(crate) fn head_within(s: &str, n: usize) -> &str {
    let mut end = s.len().min(n);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// `s` without the first of `words` it starts with, if it starts with one.
pub(crate) fn strip_any_prefix<'a>(s: &'a str, words: &[&str]) -> Option<&'a str> {
    words.iter().find_map(|w| s.strip_prefix(w))
}

/// Whether `c` stands in `text` right after a character that `before` accepts.
pub(crate) fn follows(text: &str, c: char, before: impl Fn(char) -> bool) -> bool {
    char_offsets(text, c).any(|at| {
        text.get(..at)
            .and_then(|head| head.chars().next_back())
            .is_some_and(&before)
    })
}

/// Whether `c` stands in `text` right before a character that `after` accepts.
pub(crate) fn precedes(text: &str, c: char, after: impl Fn(char) -> bool) -> bool {
    char_offsets(text, c).any(|at| {
        text.get(at + c.len_utf8()..)
            .and_then(|tail| tail.chars().next())
            .is_some_and(&after)
    })
}

/// Normalizes one block of text (a paragraph or a table cell).
///
/// - white space of every kind (full-width, no-break, tabs, line breaks) collapses to one space,
///   and is dropped next to a CJK character, so `试  点  任  务` becomes `试点任务`;
/// - control characters that are not white space (NUL, U+0001…, DEL, C1) are dropped;
/// - full-width letters, digits, `％` and `＋` become ASCII (`１．` becomes `1．`, `５０％` becomes `50%`);
/// - ASCII punctuation in a Chinese context becomes full-width: `(一)` → `（一）`, `,` → `，`,
///   `:` → `：`, `;` → `；`, `"…"` → `“…”`;
/// - brackets around a document number's year become `〔〕`: `国发[2019]4号` → `国发〔2019〕4号`.
///
/// ```
/// use gongwen_parse::normalize::normalize_block;
/// assert_eq!(normalize_block("试  点  任  务"), "试点任务");
/// assert_eq!(normalize_block("(一)指导思想. "), "（一）指导思想。");
/// assert_eq!(normalize_block("渝府发[2021]19号"), "渝府发〔2021〕19号");
/// ```
pub fn normalize_block(s: &str) -> String {
    // Most blocks of a published notice are already normal: no inner white space, full-width
    // punctuation, no full-width digits. Those are copied after one scan instead of going through
    // the three passes below (which cost about twice the whole text parse on the seed).
    let trimmed = trim_space(s);
    if let Some(normal) = already_normal(trimmed) {
        return normal;
    }
    normalize_slow(s)
}

/// `text` as it is, when no character of it [`needs_work`]: copied, with the brackets of a
/// document number in it set right — looked for only when the scan that found no work passed a
/// `号` (nearly every block has none, and a search for one costs as much as the scan). `None`
/// when some character needs work.
fn already_normal(text: &str) -> Option<String> {
    let mut hao = false;
    if next_work_noting::<true>(text, 0, &mut hao).is_some() {
        return None;
    }
    let text = text.to_string();
    Some(if hao {
        fix_doc_number_brackets(text)
    } else {
        text
    })
}

/// [`normalize_block`] for a table cell or a paragraph as a reader finds it: names of units set
/// apart by spaces alone (`市发展改革委 市教委`, joint issuers on one line `某某局　某某局`) stay
/// apart, joined with `、` ([`crate::tasks::units_set_apart`]). Text without white space inside
/// (nearly all) costs what [`normalize_block`] costs.
pub fn normalize_cell(s: &str) -> String {
    let trimmed = trim_space(s);
    if let Some(normal) = already_normal(trimmed) {
        return normal;
    }
    match crate::tasks::units_set_apart(s) {
        Some(units) => units,
        None => crate::tasks::joint_issuers_title(s).unwrap_or_else(|| normalize_slow(s)),
    }
}

/// Where the first character at or after byte `from` that [`needs_work`] starts (`from` is a
/// character boundary).
///
/// Read without decoding most characters: a lead byte `E4`–`EE` starts a
/// character in U+4000–U+EFFF (Han and the like), which never needs work, and `E3` one in
/// U+3000–U+3FFF, which needs work only as U+3000 (`E3 80 80`, the ideographic space); the
/// full-width punctuation (`EF BC`, `EF BD`) and the symbols past U+2080 are read from their
/// bytes too.
fn next_work(s: &str, from: usize) -> Option<usize> {
    next_work_noting::<false>(s, from, &mut false)
}

/// [`next_work`], setting `hao` when it passes a `号` (`E5 8F B7`, read in the loop over Han
/// characters, where every `E5` is) if `NOTE_HAO`.
fn next_work_noting<const NOTE_HAO: bool>(s: &str, from: usize, hao: &mut bool) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = from;
    loop {
        // Sixteen bytes at a time while every character starting in them is Chinese text with
        // no work (ideographs, CJK punctuation, full-width punctuation): a test without a branch
        // per character, where the loop below mispredicts at every change from ideograph to
        // punctuation.
        while let Some(window) = b.get(i..i + WINDOW + 2) {
            let (clear, passes_hao) = window_clear::<NOTE_HAO>(window);
            if !clear {
                break;
            }
            *hao |= passes_hao;
            i += WINDOW;
            // On to the next character's first byte (a character may run past the window).
            while b.get(i).is_some_and(|&x| x & 0xC0 == 0x80) {
                i += 1;
            }
        }
        match next_work_scalar::<NOTE_HAO>(s, i, i + WINDOW, hao) {
            Scan::Work(at) => return Some(at),
            Scan::End => return None,
            Scan::Reached(at) => i = at,
        }
    }
}

/// How many bytes [`window_clear`] judges at a time.
const WINDOW: usize = 16;

/// Where [`next_work_scalar`] stopped.
enum Scan {
    /// At a character that needs work.
    Work(usize),
    /// At the end of the text, with no work found.
    End,
    /// At the first character starting at or after the byte it was asked to reach.
    Reached(usize),
}

/// Whether no character that starts in the first [`WINDOW`] bytes of `w` ([`WINDOW`] + 2 bytes,
/// from a character's first byte) needs work and each is one [`next_work_scalar`] steps over
/// in its loop over Chinese text — an ideograph or the like (first byte `E4`–`EE`), CJK
/// punctuation other than the ideographic space (`E3`), a full-width form that does not fold
/// (`EF BC`, `EF BD`) — and whether a `号` (`E5 8F B7`) starts among them, noted if `NOTE_HAO`.
/// Written without branches, so that it compiles to vector compares.
fn window_clear<const NOTE_HAO: bool>(w: &[u8]) -> (bool, bool) {
    let mut stop = false;
    let mut hao = false;
    for k in 0..WINDOW {
        let (x, y, z) = (w[k], w[k + 1], w[k + 2]);
        let continuation = x & 0xC0 == 0x80;
        let ideograph = x.wrapping_sub(0xE4) <= 0xEE - 0xE4;
        let punctuation = x == 0xE3 && !(y == 0x80 && z == 0x80);
        let folds_bc = z == 0x85
            || z == 0x8B
            || z.wrapping_sub(0x90) <= 9
            || z.wrapping_sub(0xA1) <= 0xBA - 0xA1;
        let folds_bd = z.wrapping_sub(0x81) <= 0x9A - 0x81;
        let full_width = x == 0xEF && ((y == 0xBC && !folds_bc) || (y == 0xBD && !folds_bd));
        stop |= !(continuation | ideograph | punctuation | full_width);
        hao |= NOTE_HAO && x == 0xE5 && y == 0x8F && z == 0xB7;
    }
    (!stop, hao)
}

/// [`next_work_noting`] a character at a time, from `from` until the first character starting
/// at or after `until`.
fn next_work_scalar<const NOTE_HAO: bool>(
    s: &str,
    from: usize,
    until: usize,
    hao: &mut bool,
) -> Scan {
    let b = s.as_bytes();
    let mut i = from;
    while let Some(&x) = b.get(i) {
        if i >= until {
            return Scan::Reached(i);
        }
        match x {
            0x00..=0x7F => {
                if ASCII_WORK[usize::from(x)] {
                    return Scan::Work(i);
                }
                i += 1;
            }
            0xE3..=0xEF if x != 0xEF || matches!(b.get(i + 1), Some(0xBC | 0xBD)) => {
                // Runs of Han characters and CJK punctuation (U+3000–U+EFFF, and the full-width
                // forms U+FF00–U+FF7F), stepped over in a loop of their own: Chinese text
                // alternates ideographs and punctuation, and leaving the loop at every mark
                // costs more than the mark. It leaves at a character that needs work, or at one
                // of another kind.
                while i < until {
                    match b.get(i) {
                        Some(0xE5) if NOTE_HAO => {
                            if b.get(i + 2) == Some(&0xB7) && b.get(i + 1) == Some(&0x8F) {
                                *hao = true;
                            }
                            i += 3;
                        }
                        Some(0xE4..=0xEE) => i += 3,
                        // Only the ideographic space (U+3000) needs work.
                        Some(0xE3) => {
                            if b.get(i + 1..i + 3) == Some(&[0x80, 0x80]) {
                                return Scan::Work(i);
                            }
                            i += 3;
                        }
                        // Only the letters, digits, ％ and ＋ (FF10–FF19, FF21–FF3A, FF41–FF5A,
                        // FF05, FF0B) fold.
                        Some(0xEF) if matches!(b.get(i + 1), Some(0xBC | 0xBD)) => {
                            let folds = match (b.get(i + 1), b.get(i + 2)) {
                                (Some(0xBC), Some(&z)) => {
                                    matches!(z, 0x85 | 0x8B | 0x90..=0x99 | 0xA1..=0xBA)
                                }
                                (_, Some(&z)) => matches!(z, 0x81..=0x9A),
                                _ => true,
                            };
                            if folds {
                                return Scan::Work(i);
                            }
                            i += 3;
                        }
                        _ => break,
                    }
                }
            }
            // U+2080–U+2FFF (arrows, symbols, CJK radicals): no white space, nothing to fold.
            0xE2 if b.get(i + 1).is_some_and(|&y| y >= 0x82) => i += 3,
            // U+2000–U+207F, general punctuation (the quotes “” and the dashes — and … of
            // Chinese text among it): looked up by its last six bits, without decoding.
            0xE2 => {
                let second = b.get(i + 1).copied().unwrap_or(0);
                let third = b.get(i + 2).copied().unwrap_or(0);
                if GENERAL_PUNCTUATION_WORK[usize::from(((second & 1) << 6) | (third & 0x3F))] {
                    return Scan::Work(i);
                }
                i += 3;
            }
            _ => {
                let Some(c) = s.get(i..).and_then(|t| t.chars().next()) else {
                    // Not reachable for valid text; the caller then reads character by character.
                    return Scan::Work(i);
                };
                if needs_work(c) {
                    return Scan::Work(i);
                }
                i += c.len_utf8();
            }
        }
    }
    Scan::End
}

/// [`needs_work`] for U+2000–U+207F, by code point less U+2000: the white space among them
/// (U+2000–U+200A, the line and paragraph separators U+2028/U+2029, U+202F, U+205F) and the
/// characters that print nothing (U+200B–U+200F, U+2060: [`is_invisible`]). Test: agrees with [`needs_work`] over the block.
const GENERAL_PUNCTUATION_WORK: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = i <= 0x0F || matches!(i, 0x28 | 0x29 | 0x2F | 0x5F | 0x60);
        i += 1;
    }
    t
};

/// [`needs_work`] for each ASCII character, looked up by byte in [`next_work`].
const ASCII_WORK: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = needs_work_ascii(i as u8);
        i += 1;
    }
    t
};

/// [`needs_work`] for an ASCII character: a control character, white space, or punctuation
/// that can become full-width.
const fn needs_work_ascii(b: u8) -> bool {
    b.is_ascii_control() || matches!(b, b'\t'..=b'\r' | b' ') || is_convertible_punctuation(b)
}

/// True for a character that one of the passes of [`normalize_slow`] may change or remove:
/// white space, a control character, a full-width letter or digit, or ASCII punctuation that
/// can become full-width.
fn needs_work(c: char) -> bool {
    if c.is_ascii() {
        return needs_work_ascii(c as u8);
    }
    if c.is_control() {
        return true;
    }
    // Han and CJK punctuation: neither white space nor a foldable full-width character.
    if ('\u{3001}'..'\u{FEFF}').contains(&c) {
        return false;
    }
    is_space(c) || is_invisible(c) || fold_width(c) != c
}

/// `国发[2019]4号` → `国发〔2019〕4号`, when the text can hold such a number at all.
fn fix_doc_number_brackets(text: String) -> String {
    rebracket_doc_numbers(&text).unwrap_or(text)
}

/// The brackets a document number's year may be printed in, opening and closing: besides the
/// ASCII, full-width and lenticular ones, the small form `﹝﹞` (U+FE5D/FE5E), the white
/// lenticular `〖〗` and the vertical presentation form `︹︺` (U+FE39/FE3A) that sites and PDF
/// converters print for `〔〕`.
const YEAR_OPEN: [char; 9] = ['[', '［', '【', '〔', '（', '(', '﹝', '〖', '︹'];
const YEAR_CLOSE: [char; 9] = [']', '］', '】', '〕', '）', ')', '﹞', '〗', '︺'];

/// A document number (`汉[2019]4号`) that ends with the `号` at byte `hao`, read backwards from
/// it: 1 to 6 ASCII digits, a closing bracket of [`YEAR_CLOSE`], a year 19xx or 20xx, an opening
/// bracket of [`YEAR_OPEN`], and a Han character (U+3007, U+3400–U+4DBF, U+4E00–U+9FFF); spaces
/// may stand inside the brackets and before the serial.
struct DocNumber<'t> {
    /// Where its Han character starts.
    start: usize,
    /// Where its opening bracket starts.
    open_at: usize,
    year: &'t str,
    /// Where its serial starts, and where its `号` ends.
    serial_at: usize,
    end: usize,
    /// Whether its year already stands in `〔〕`, with no space inside.
    bracketed: bool,
}

fn doc_number_ending_at(text: &str, hao: usize) -> Option<DocNumber<'_>> {
    let last = |at: usize| text.get(..at).and_then(|head| head.chars().next_back());
    // Where the spaces before `at` start: a space normalization kept beside an ASCII bracket or
    // digit (`穗府办 [2021] 5号`, `[ 2021 ]`) is no part of the number.
    let before_spaces = |at: usize| {
        at - text
            .get(..at)
            .map_or(0, |t| t.bytes().rev().take_while(|&b| b == b' ').count())
    };
    let digits = text
        .get(..hao)?
        .bytes()
        .rev()
        .take_while(u8::is_ascii_digit)
        .count();
    if !(1..=6).contains(&digits) {
        return None;
    }
    let serial_at = hao - digits;
    let close_end = before_spaces(serial_at);
    let close = last(close_end).filter(|c| YEAR_CLOSE.contains(c))?;
    let close_at = close_end - close.len_utf8();
    let year_end = before_spaces(close_at);
    let year_at = year_end.checked_sub(4)?;
    let year = text.get(year_at..year_end)?;
    if !(year.starts_with("19") || year.starts_with("20"))
        || !year.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let open_end = before_spaces(year_at);
    let open = last(open_end).filter(|c| YEAR_OPEN.contains(c))?;
    let open_at = open_end - open.len_utf8();
    let han = last(open_at)
        .filter(|c| matches!(c, '\u{3007}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'))?;
    let spaced = open_end != year_at || year_end != close_at || close_end != serial_at;
    Some(DocNumber {
        start: open_at - han.len_utf8(),
        open_at,
        year,
        serial_at,
        end: hao + '号'.len_utf8(),
        bracketed: open == '〔' && close == '〕' && !spaced,
    })
}

/// `text` with the year of every document number in it ([`doc_number_ending_at`]) put in `〔〕`;
/// `None` when none needed it. Numbers are taken from the left and do not overlap (the `号` of
/// one is not the Han character of another), as a regex replacing them all would take them.
///
/// Found from the `号`s (a byte search), not by reading every character: most paragraphs have
/// no numbered `号` at all, and one that cites a document usually prints its year in `〔〕`
/// already, which leaves the text as it is, uncopied. Read by hand, not by a regex: compiling
/// one cost a one-file run more than its parse.
fn rebracket_doc_numbers(text: &str) -> Option<String> {
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut taken = 0;
    for hao in char_offsets(text, '号') {
        let Some(n) = doc_number_ending_at(text, hao).filter(|n| n.start >= taken) else {
            continue;
        };
        taken = n.end;
        if n.bracketed {
            continue;
        }
        let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
        o.push_str(text.get(copied..n.open_at)?);
        o.push('〔');
        o.push_str(n.year);
        o.push('〕');
        o.push_str(text.get(n.serial_at..n.end)?);
        copied = n.end;
    }
    let mut out = out?;
    out.push_str(text.get(copied..)?);
    Some(out)
}

/// The full normalization: three passes over the text, then the document-number brackets.
fn normalize_slow(s: &str) -> String {
    // The passes work on strings, not `Vec<char>`: a 200 MB line costs a few copies of itself,
    // not four bytes per character per pass.
    // Pass 1: fold widths, drop control characters (NUL and friends), collapse white space, and
    // drop the collapsed spaces that stand next to a CJK character or CJK punctuation but keep
    // one between two words of Chinese (what `drop_spaces_near_cjk` does, done as the space is
    // written, with the source's text around it and whether it held a line break).
    let mut spaced = String::with_capacity(s.len());
    let mut pending_space = false;
    // Whether the white space pending holds a line break (a wrapped line, never a word space),
    // and where it starts.
    let mut pending_break = false;
    let mut space_at = 0;
    // Runs of characters that need no work (nearly all of a Chinese paragraph) are copied whole;
    // the characters between them go through the rules one by one.
    let mut at = 0;
    while at < s.len() {
        let work = next_work(s, at).unwrap_or(s.len());
        if let Some(run) = s.get(at..work).filter(|r| !r.is_empty()) {
            if pending_space {
                let before = s.get(..space_at).unwrap_or_default();
                let tail = s.get(at..).unwrap_or_default();
                push_space_before(
                    &mut spaced,
                    run.chars().next(),
                    (before, run, tail),
                    pending_break,
                );
                pending_space = false;
            }
            spaced.push_str(run);
        }
        let Some(c) = s.get(work..).and_then(|t| t.chars().next()) else {
            break;
        };
        at = work + c.len_utf8();
        // Before white space: a zero-width space parts no words.
        if is_invisible(c) {
            continue;
        }
        if is_space(c) {
            if !pending_space {
                pending_break = false;
                space_at = work;
            }
            pending_space = !spaced.is_empty();
            pending_break |= is_line_break(c);
            continue;
        }
        if c.is_control() {
            // A terminal's colour code goes whole, not only its ESC (`[31m` is no text).
            if let Some(end) = escape_sequence_end(s.as_bytes(), work) {
                at = end;
            }
            note_dropped_control(c);
            continue;
        }
        let c = fold_width(c);
        if pending_space {
            let before = s.get(..space_at).unwrap_or_default();
            let rest = s.get(work..).unwrap_or_default();
            push_space_before(&mut spaced, Some(c), (before, rest, rest), pending_break);
            pending_space = false;
        }
        spaced.push(c);
    }
    // Passes 3 and 4 change only text with ASCII punctuation that may turn full-width; without
    // any, the second space pass would find what the first left.
    if !spaced.bytes().any(is_convertible_punctuation) {
        return fix_doc_number_brackets(spaced);
    }
    // Pass 3: full-width punctuation in Chinese context; a space that now stands next to a
    // converted mark (`（y） [`) goes too, so normalizing twice changes nothing.
    let punctuated = canonical_punctuation(&spaced);
    drop(spaced);
    let text = drop_spaces_near_cjk(&punctuated);
    drop(punctuated);
    fix_doc_number_brackets(text)
}

/// Writes the collapsed space that stands before `next` (and the text from it, `rest`, at least
/// to the next character that needs work, and `tail`, all of it; the text before the space as
/// the source has it is `before`), unless a CJK character or CJK punctuation stands on either
/// side of it — letter-spaced text (`试  点  任  务`, `关  于`) and the gaps a layout leaves next
/// to punctuation close up — or keeps it as one space where it parts two words of Chinese
/// ([`parts_words`]): `省长　王予波`, `联系人：李四  联系电话：…`, or an office from the name of
/// the one who holds it ([`parts_office_from_name`]): `省长　王凯`. A space that came of a line
/// break parts no words (`broke`).
fn push_space_before(
    out: &mut String,
    next: Option<char>,
    (before, rest, tail): (&str, &str, &str),
    broke: bool,
) {
    let prev_cjk = out.chars().next_back().is_some_and(is_cjk);
    if (!prev_cjk && !next.is_some_and(is_cjk))
        || (!broke
            && (parts_words(before, rest)
                || parts_clauses(before, rest)
                || parts_phone_number(before, rest)
                || parts_office_from_name(out, before, tail)
                || parts_spaced_name(before, rest, tail)))
    {
        out.push(' ');
    }
}

/// Whether a space parts the office that ends a signer's title, as written so far (`out`, and
/// in the source `before`), from the signer's name, which is all the rest of the line (`tail`):
/// `省长　王凯`, `省长　黄　强` (a two-character name set to three characters' width), `省　长　　王忠林`
/// (the office letter-spaced, the name whole) → `省长 王凯`, `省长 黄强`, `省长 王忠林`, as a
/// three-character name's space is kept ([`parts_words`]). The office is one of a closed list
/// of titles (`省长`, `主任`, `书记`, …) and the name two to four Han characters ending the line.
/// Both spaced out (`部　长　会　议`) is letter spacing, and closes up.
fn parts_office_from_name(out: &str, before: &str, tail: &str) -> bool {
    /// The titles an office ends with, in a signature.
    const OFFICES: [&str; 27] = [
        "省长",
        "市长",
        "县长",
        "区长",
        "州长",
        "盟长",
        "旗长",
        "乡长",
        "镇长",
        "主任",
        "局长",
        "厅长",
        "部长",
        "署长",
        "院长",
        "行长",
        "社长",
        "校长",
        "司长",
        "处长",
        "会长",
        "秘书长",
        "委员长",
        "董事长",
        "主席",
        "书记",
        "总理",
    ];
    // Asked of each space that closes up between two characters of Chinese: its last character
    // turns nearly every one down.
    if !out.ends_with(['长', '任', '席', '记', '理']) {
        return false;
    }
    let Some(office) = OFFICES.iter().find(|o| out.ends_with(*o)) else {
        return false;
    };
    let office_spaced = !before.ends_with(office);
    let (mut name, mut gap, mut name_spaced) = (0, false, false);
    for c in tail.chars() {
        if is_line_break(c) {
            break;
        }
        if is_space(c) || is_invisible(c) {
            gap = true;
            continue;
        }
        if !(is_han(c) || c == '×') || name == 4 {
            return false;
        }
        name_spaced |= gap && name > 0;
        gap = false;
        name += 1;
    }
    name >= 2 && !(office_spaced && name_spaced)
}

/// Whether a space parts a two-character name set to three characters' width (`王　霞`, whose
/// own space closes up) from the post after it (three Han characters or more), in a list of
/// people (`成　员：王　霞　最高人民法院副院长` → `成员：王霞 最高人民法院副院长`), as a
/// three-character name's space is kept ([`parts_words`]). The name follows a label's colon, or
/// opens its line when the line ends with an office (`……副院长`, `……主任`, `……委员`).
fn parts_spaced_name(before: &str, after: &str, tail: &str) -> bool {
    let mut b = before.chars().rev();
    // (Asked of each space between two Han characters: the second is nearly never one character
    // set apart on both sides.)
    if !b.next().is_some_and(is_han) || !b.next().is_some_and(|c| is_space(c) && !is_line_break(c))
    {
        return false;
    }
    let mut b = b.skip_while(|&c| is_space(c) && !is_line_break(c));
    if !b.next().is_some_and(is_han) || after.chars().take(3).take_while(|&c| is_han(c)).count() < 3
    {
        return false;
    }
    // (Before the name, a line's indent or the space after a label's colon.)
    match b.find(|&c| !is_space(c) || is_line_break(c)) {
        Some('：' | ':') => true,
        Some(c) if !is_line_break(c) => false,
        _ => {
            let line = tail.split(is_line_break).next().unwrap_or_default();
            line.trim_end_matches(is_space)
                .ends_with(['长', '任', '席', '记', '理', '员'])
        }
    }
}

/// Whether a space between `before` and `after` parts the clauses of a regulation's 题注, the
/// bracketed note under its title that says how it was made (`（2023年11月20日省人民政府第17次
/// 常务会议通过　2023年12月5日贵州省人民政府令第215号公布　自公布之日起施行）`): the clause
/// before it ends with what was done (`通过`, `公布`, `修订`…, not letter-spaced), the one after
/// opens with a date or with `自`/`根据`, and a bracket opened not long before is still open.
fn parts_clauses(before: &str, after: &str) -> bool {
    const DONE: [&str; 8] = [
        "通过", "公布", "发布", "施行", "修订", "修正", "批准", "印发",
    ];
    // Asked of each space that closes up between two characters of Chinese: its last
    // character turns nearly every one down.
    if !before.ends_with(['过', '布', '行', '订', '正', '准', '发']) {
        return false;
    }
    let Some(done) = DONE.iter().find(|d| before.ends_with(*d)) else {
        return false;
    };
    let ahead = &before[..before.len() - done.len()];
    let spaced = ahead
        .chars()
        .next_back()
        .is_none_or(|c| is_space(c) || is_invisible(c));
    let opens_clause = after
        .starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
        || after.starts_with(['自', '〇', '○'])
        || after.starts_with("根据")
        || after.starts_with("二〇")
        || after.starts_with("二○")
        || after.starts_with("一九");
    if spaced || !opens_clause {
        return false;
    }
    // The bracket: looked for in the last 300 bytes only.
    let from = ahead.len().saturating_sub(300);
    let window = ahead.get(from..).or_else(|| {
        (from..ahead.len())
            .find(|&i| ahead.is_char_boundary(i))
            .and_then(|i| ahead.get(i..))
    });
    window.is_some_and(|w| {
        let open = w.rfind(['（', '(']);
        open.is_some_and(|o| w.rfind(['）', ')']).is_none_or(|c| c < o))
    })
}

/// Whether a space between `before` and `after` parts a name from the telephone number after
/// it (`李某某　010-66558888`, `联系人：张三 13800138000`): two Han characters or more before it,
/// and after it seven digits or more, hyphens among them, that no 年, 月, 日 or 号 follows.
fn parts_phone_number(before: &str, after: &str) -> bool {
    let number_len = after
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'-')
        .count();
    let number = &after[..number_len];
    number.bytes().filter(u8::is_ascii_digit).count() >= 7
        && !after[number_len..].starts_with(['年', '月', '日', '号'])
        && before.chars().rev().take(2).filter(|&c| is_han(c)).count() == 2
}

/// Whether a space between `before` and `after` parts two words of Chinese: two Han characters
/// or more on each side of it, and three on one side (`省长　王予波`, `李四  联系电话`). A single
/// character on either side is letter spacing (`王  某`, `总 则`), and so are pairs on both sides
/// (`探索  数据  跨境  流动`, `指导 思想`): they close up.
fn parts_words(before: &str, after: &str) -> bool {
    // A name a published copy masks (`王××`) is a word too.
    let in_word = |c: char| is_han(c) || c == '×';
    let han_run =
        |it: &mut dyn Iterator<Item = char>| it.take(3).take_while(|&c| in_word(c)).count();
    let (b, a) = (
        han_run(&mut before.chars().rev()),
        han_run(&mut after.chars()),
    );
    b.min(a) >= 2 && b.max(a) >= 3
}

/// `s` without the spaces normalization keeps between two words of Chinese ([`parts_words`]):
/// for a title, which names one thing and is printed in one piece (`关于印发  某某方案  的通知`
/// is spaced by its layout), where a signature's or a contact's words are set apart by meaning.
pub(crate) fn close_word_spaces(s: &str) -> Cow<'_, str> {
    if !s.contains(' ') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for (at, c) in s.char_indices() {
        let between_han = c == ' '
            && s[..at].chars().next_back().is_some_and(is_han)
            && s[at + 1..].chars().next().is_some_and(is_han);
        if !between_han {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Line breaks of every kind: white space that ends a line.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The ASCII punctuation [`canonical_punctuation`] may convert.
const fn is_convertible_punctuation(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b',' | b':' | b';' | b'?' | b'!' | b'.' | b'"'
    )
}

/// Drops every space that has a CJK character or CJK punctuation on either side, but one that
/// parts two words of Chinese ([`push_space_before`]).
fn drop_spaces_near_cjk(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (at, c) in s.char_indices() {
        if c == ' ' {
            let (before, rest) = (&s[..at], s.get(at + 1..).unwrap_or_default());
            push_space_before(&mut out, rest.chars().next(), (before, rest, rest), false);
        } else {
            out.push(c);
        }
    }
    out
}

thread_local! {
    /// The first control character normalization dropped on this thread since the last
    /// [`take_dropped_control`]: the readers of pages, documents and workbooks get their text
    /// through normalization, which drops such characters wherever they came from (a character
    /// reference `&#x1B;`, a cell's NUL), and [`crate::parse`] reports them from here.
    static DROPPED_CONTROL: std::cell::Cell<Option<char>> = const { std::cell::Cell::new(None) };
}

fn note_dropped_control(c: char) {
    DROPPED_CONTROL.with(|d| {
        if d.get().is_none() {
            d.set(Some(c));
        }
    });
}

/// The first control character normalization dropped on this thread since the last call.
pub(crate) fn take_dropped_control() -> Option<char> {
    DROPPED_CONTROL.with(std::cell::Cell::take)
}

/// Where the ANSI control sequence (a terminal's colour code) that starts with the ESC at byte
/// `esc` of `bytes` ends (the byte after its final byte): ESC `[`, parameter bytes (`0`–`?`),
/// intermediate bytes (space–`/`), and a final byte (`@`–`~`). `None` when no such sequence
/// starts there.
pub fn escape_sequence_end(bytes: &[u8], esc: usize) -> Option<usize> {
    if bytes.get(esc) != Some(&0x1B) || bytes.get(esc + 1) != Some(&b'[') {
        return None;
    }
    let mut end = esc + 2;
    while bytes.get(end).is_some_and(|b| (0x30..=0x3F).contains(b)) {
        end += 1;
    }
    while bytes.get(end).is_some_and(|b| (0x20..=0x2F).contains(b)) {
        end += 1;
    }
    bytes
        .get(end)
        .is_some_and(|b| (0x40..=0x7E).contains(b))
        .then_some(end + 1)
}

/// True for the control characters [`normalize_block`] drops (C0 and C1 controls that are not
/// white space, such as NUL).
pub fn is_dropped_control(c: char) -> bool {
    c.is_control() && !is_space(c)
}

/// Converts ASCII punctuation that stands in a Chinese context to its full-width form.
fn canonical_punctuation(chars: &str) -> String {
    let mut out = String::with_capacity(chars.len());
    // For each open parenthesis seen: whether it was converted.
    let mut parens: Vec<bool> = Vec::new();
    let mut quote_open = false;
    for (i, c) in chars.char_indices() {
        // A space with CJK on its far side is dropped after this pass: the mark stands next to
        // that character then, and is read as standing next to it now (`（ (` is `（（`), so that
        // normalizing twice changes nothing.
        let mut before = out.chars().rev();
        let prev = match before.next() {
            Some(' ') => before.next().filter(|&q| is_cjk(q)).or(Some(' ')),
            p => p,
        };
        let mut after = chars.get(i + c.len_utf8()..).unwrap_or_default().chars();
        let next = match after.next() {
            Some(' ') => after.next().filter(|&q| is_cjk(q)).or(Some(' ')),
            n => n,
        };
        let prev_cjk = prev.is_some_and(is_cjk);
        let next_cjk = next.is_some_and(is_cjk);
        let digits_around =
            prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|x| x.is_ascii_digit());
        let mapped = match c {
            '(' => {
                let rest = chars.get(i + c.len_utf8()..).unwrap_or("");
                let convert = prev.is_none() || prev_cjk || next_cjk || paren_holds_cjk(rest);
                parens.push(convert);
                if convert { '（' } else { c }
            }
            ')' => {
                let convert = match parens.pop() {
                    Some(opened) => opened,
                    None => prev_cjk || next_cjk,
                };
                if convert { '）' } else { c }
            }
            '（' => {
                parens.push(true);
                c
            }
            '）' => {
                parens.pop();
                c
            }
            ',' if !digits_around && (prev_cjk || next_cjk) => '，',
            ':' if !digits_around && (prev_cjk || next_cjk) => '：',
            ';' if prev_cjk || next_cjk => '；',
            '?' if prev_cjk || next_cjk => '？',
            '!' if prev_cjk || next_cjk => '！',
            // A stop before a bracket that opens a sentence's duties (`责任制.(牵头单位：…)`).
            '.' if prev.is_some_and(is_han)
                && (next.is_none() || next_cjk || next == Some('(')) =>
            {
                '。'
            }
            '"' if prev_cjk || next_cjk || prev.is_none() => {
                quote_open = !quote_open;
                if quote_open { '“' } else { '”' }
            }
            _ => c,
        };
        out.push(mapped);
    }
    convert_before_converted(out)
}

/// The second half of [`canonical_punctuation`], from right to left: a mark left ASCII that now
/// stands before a mark converted after it (`)(甲` gave `)（甲`, `a,,甲` gave `a,，甲`) converts
/// too, as a second left-to-right pass would see it do — and a third, for a run of marks: done
/// from the right, one pass converts the whole run, so normalizing twice changes nothing. The
/// marks that follow other rules stay as the first half left them: `(` (converted already if
/// anything Chinese follows inside it) and a `)` that closes a `(` (it follows its opener).
fn convert_before_converted(text: String) -> String {
    let Some(last) = text.rfind(|c| {
        matches!(
            c,
            '）' | '，' | '：' | '；' | '？' | '！' | '。' | '“' | '”' | '（'
        )
    }) else {
        return text;
    };
    // Only marks before the last full-width one can change.
    let before = text.as_bytes().get(..last).unwrap_or_default();
    if !before.iter().any(|&b| is_convertible_punctuation(b)) {
        return text;
    }
    let mut chars: Vec<char> = text.chars().collect();
    // Which `)` close a `(` (full-width or not) before them: those keep their opener's form.
    let mut closes = vec![false; chars.len()];
    let mut open = 0usize;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' | '（' => open += 1,
            ')' | '）' if open > 0 => {
                open -= 1;
                closes[i] = true;
            }
            _ => {}
        }
    }
    let at = |chars: &[char], i: Option<usize>| i.and_then(|i| chars.get(i).copied());
    for i in (0..chars.len()).rev() {
        let c = chars[i];
        if !matches!(c, ')' | ',' | ':' | ';' | '?' | '!' | '.' | '"') || closes[i] {
            continue;
        }
        // The neighbours as the first half reads them: past one space, the character beyond
        // when it is CJK.
        let next = match at(&chars, Some(i + 1)) {
            Some(' ') => at(&chars, Some(i + 2)).filter(|&q| is_cjk(q)).or(Some(' ')),
            n => n,
        };
        if !next.is_some_and(is_cjk) {
            continue;
        }
        let prev = match at(&chars, i.checked_sub(1)) {
            Some(' ') => at(&chars, i.checked_sub(2))
                .filter(|&q| is_cjk(q))
                .or(Some(' ')),
            p => p,
        };
        chars[i] = match c {
            ')' => '）',
            // Not between digits: the next is CJK.
            ',' => '，',
            ':' => '：',
            ';' => '；',
            '?' => '？',
            '!' => '！',
            '.' if prev.is_some_and(is_han) => '。',
            '"' => '“',
            _ => c,
        };
    }
    chars.into_iter().collect()
}

/// True when the text up to the matching `)` holds a CJK character.
fn paren_holds_cjk(rest: &str) -> bool {
    let mut depth = 0usize;
    for c in rest.chars().take(200) {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return false,
            ')' => depth -= 1,
            _ if is_cjk(c) => return true,
            _ => {}
        }
    }
    false
}

/// Removes every white-space character (used to compare texts modulo layout); borrows a text
/// that has none.
pub fn strip_spaces(s: &str) -> Cow<'_, str> {
    match s.find(is_space) {
        None => Cow::Borrowed(s),
        Some(at) => {
            let mut out = String::with_capacity(s.len());
            out.push_str(s.get(..at).unwrap_or_default());
            out.extend(
                s.get(at..)
                    .unwrap_or_default()
                    .chars()
                    .filter(|c| !is_space(*c)),
            );
            Cow::Owned(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_within_stops_at_a_character_boundary() {
        let s = "a市财政局";
        let heads: Vec<&str> = (0..=s.len() + 1).map(|n| head_within(s, n)).collect();
        assert_eq!(
            heads,
            [
                "",
                "a",
                "a",
                "a",
                "a市",
                "a市",
                "a市",
                "a市财",
                "a市财",
                "a市财",
                "a市财政",
                "a市财政",
                "a市财政",
                "a市财政局",
                "a市财政局"
            ]
        );
    }

    #[test]
    fn chars_and_ascii_are_counted_from_the_bytes() {
        let mut s = String::new();
        // Past a chunk of 255 bytes, with characters of every length across its edges.
        for i in 0..400u32 {
            s.push(['a', 'é', '中', '𠀀', '\u{7f}', '\u{80}', '\u{3000}'][(i % 7) as usize]);
            let want = (s.chars().count(), s.chars().filter(char::is_ascii).count());
            assert_eq!(count_chars_and_ascii(&s), want, "{} bytes", s.len());
        }
    }

    #[test]
    fn trim_with_is_trim_matches_for_every_character_at_either_end() {
        // Every scalar value of the BMP (and every 251st past it: four-byte characters are
        // always looked at closely) alone, before and after an ideograph, and doubled around
        // ASCII, trimmed by each predicate the callers pass; plus strings of spaces only.
        let preds: [fn(char) -> bool; 3] = [char::is_whitespace, is_space, |c| c == '\u{3000}'];
        let mut buf = String::new();
        for c in (0..=0x10FFFFu32)
            .filter(|&u| u <= 0xFFFF || u % 251 == 0)
            .filter_map(char::from_u32)
        {
            for shape in 0..4 {
                buf.clear();
                match shape {
                    0 => buf.push(c),
                    1 => {
                        buf.push(c);
                        buf.push('中');
                    }
                    2 => {
                        buf.push('中');
                        buf.push(c);
                    }
                    _ => {
                        buf.push(c);
                        buf.push('a');
                        buf.push(c);
                    }
                }
                for p in preds {
                    assert_eq!(trim_with(&buf, p), buf.trim_matches(p), "{buf:?}");
                    assert_eq!(trim_end_with(&buf, p), buf.trim_end_matches(p), "{buf:?}");
                }
            }
        }
        for s in [
            "",
            " ",
            "\u{3000}\u{3000}",
            "\u{feff}",
            " \u{3000}中 \t",
            "\u{a0}x\u{2028}",
        ] {
            assert_eq!(s.trim_ws(), s.trim());
            assert_eq!(trim_space(s), s.trim_matches(is_space));
        }
    }

    #[test]
    fn doc_number_brackets_are_fixed_as_the_regex_they_replace_fixed_them() {
        let regex = regex::Regex::new(
            r"([\u{3007}\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}])[\[［【〔（(﹝〖︹] *((?:19|20)[0-9]{2}) *[\]］】〕）)﹞〗︺] *([0-9]{1,6}号)",
        )
        .unwrap();
        let heads = ["", "国发", "〇", "a", "国", "（", "号"];
        let years = ["2019", "1998", "2100", "201", "20199", "２０１９"];
        let serials = ["4", "123456", "1234567", "", "x"];
        let mut texts = vec![
            "国发[2019]4号国发[2020]5号".to_string(),
            "国发[2019]4号[2020]5号".to_string(),
            "国发[2019]4号和国发（2020）5号".to_string(),
            "国发〔2019〕4号和国发[2020]5号，卷[2021]3号".to_string(),
            "国发[2019]4号〔2020〕5号".to_string(),
            "淘[2019]1卷号和1号、国发[2019]12号".to_string(),
        ];
        for head in heads {
            for (open, close) in YEAR_OPEN.iter().zip(YEAR_CLOSE.iter().rev()) {
                for year in years {
                    for serial in serials {
                        let number = format!("{head}{open}{year}{close}{serial}号");
                        texts.push(number.clone());
                        texts.push(format!("见{number}和{number}文"));
                        // Spaces kept beside ASCII brackets and digits: `穗府办 [2021] 5号`.
                        for (a, b, c) in [
                            (" ", "", ""),
                            ("", " ", ""),
                            ("", "", " "),
                            ("  ", " ", "  "),
                        ] {
                            texts.push(format!("{head}{open}{a}{year}{b}{close}{c}{serial}号"));
                        }
                    }
                }
            }
        }
        let mut fixed = 0;
        for text in &texts {
            let expected = regex.replace_all(text, "$1〔$2〕$3");
            fixed += usize::from(matches!(expected, Cow::Owned(_)));
            let got = rebracket_doc_numbers(text);
            assert_eq!(got.as_deref().unwrap_or(text), expected, "{text:?}");
            // A text whose numbers all print their year in `〔〕` already is left uncopied.
            assert_eq!(got.is_some(), expected != text.as_str(), "{text:?}");
        }
        assert!(fixed > 100, "{fixed}");
    }

    #[test]
    fn the_signs_that_go_with_numbers_fold_like_digits() {
        assert_eq!(normalize_block("比例不低于５０％"), "比例不低于50%");
        assert_eq!(normalize_block("“注册＋生产”"), "“注册+生产”");
        // Chinese punctuation stays full-width.
        assert_eq!(normalize_block("（一）加强领导，"), "（一）加强领导，");
    }

    #[test]
    fn the_general_punctuation_table_agrees_with_needs_work() {
        for c in '\u{2000}'..='\u{207F}' {
            let at = c as usize - 0x2000;
            assert_eq!(GENERAL_PUNCTUATION_WORK[at], needs_work(c), "{c:?}");
            let text = format!("甲{c}乙");
            assert_eq!(next_work(&text, 0), needs_work(c).then_some(3), "{c:?}");
        }
    }

    #[test]
    fn char_offsets_agree_with_char_indices() {
        let text = "号1卷号，淘a号等項项、\u{10FFFF}号";
        for c in ['号', '卷', '等', '项', 'a', '1', '，', '\u{10FFFF}', '乙'] {
            let want: Vec<usize> = text
                .char_indices()
                .filter(|&(_, x)| x == c)
                .map(|(i, _)| i)
                .collect();
            assert_eq!(char_offsets(text, c).collect::<Vec<_>>(), want, "{c:?}");
        }
    }

    /// The slow path as it was, every pass always run: the shortcuts must not change a thing.
    fn all_passes(s: &str) -> String {
        // White space collapsed to one space, or to a line break where it held one.
        let mut collapsed = String::new();
        let mut pending: Option<char> = None;
        for c in s.chars() {
            if is_invisible(c) {
                continue;
            }
            if is_space(c) {
                if !collapsed.is_empty() {
                    let broke = is_line_break(c) || pending == Some('\n');
                    pending = Some(if broke { '\n' } else { ' ' });
                }
                continue;
            }
            if c.is_control() {
                continue;
            }
            if let Some(p) = pending.take() {
                collapsed.push(p);
            }
            collapsed.push(fold_width(c));
        }
        let mut spaced = String::new();
        for (at, c) in collapsed.char_indices() {
            if c == ' ' || c == '\n' {
                let (before, rest) = (&collapsed[..at], &collapsed[at + 1..]);
                let next = rest.chars().next();
                push_space_before(&mut spaced, next, (before, rest, rest), c == '\n');
            } else {
                spaced.push(c);
            }
        }
        let punctuated = canonical_punctuation(&spaced);
        fix_doc_number_brackets(drop_spaces_near_cjk(&punctuated))
    }

    #[test]
    fn characters_that_print_nothing_are_removed_not_made_spaces() {
        for (raw, want) in [
            ("省卫生\u{200B}健康委", "省卫生健康委"),
            ("省大数\u{200B}据中心", "省大数据中心"),
            ("各地级以上市\u{200D}人民政府", "各地级以上市人民政府"),
            ("省商务厅\u{2060}", "省商务厅"),
            ("省市场\u{00AD}监管局", "省市场监管局"),
            (
                "\u{FEFF}湖北省人民\u{FEFF}政府办公厅",
                "湖北省人民政府办公厅",
            ),
            ("\u{200E}国务院\u{200F}", "国务院"),
            // White space beside one still parts words, or closes up, as it would alone.
            ("省长\u{3000}\u{200B}王予波", "省长 王予波"),
            ("a\u{200B} b", "a b"),
        ] {
            assert_eq!(normalize_block(raw), want, "{raw:?}");
            assert_eq!(normalize_cell(raw), want, "{raw:?}");
            assert_eq!(all_passes(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn a_title_closes_the_spaces_between_its_words() {
        assert_eq!(
            close_word_spaces("关于印发 某某方案 的通知"),
            "关于印发某某方案的通知"
        );
        assert_eq!(close_word_spaces("GB/T 9704 标准"), "GB/T 9704 标准");
        assert!(matches!(close_word_spaces("无空格"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_space_between_two_words_of_chinese_stays_one_space() {
        for (raw, want) in [
            // An office and a name, a contact and the next label: words set apart.
            ("省长\u{3000}王予波", "省长 王予波"),
            ("代市长  王予波", "代市长 王予波"),
            ("省长　王××", "省长 王××"),
            (
                "联系人：李四  联系电话：0871-1234567",
                "联系人：李四 联系电话：0871-1234567",
            ),
            ("国务院\u{a0}\u{a0}中央军委", "国务院 中央军委"),
            // A name and the telephone number after it.
            ("李某某\u{3000}010-66558888", "李某某 010-66558888"),
            ("联系人：张三 13800138000", "联系人：张三 13800138000"),
            // A year or a short number after words closes up.
            ("截至 2021年", "截至2021年"),
            ("共计 12345 元", "共计12345元"),
            // Letter spacing closes up: one character on either side.
            ("试  点  任  务", "试点任务"),
            ("王  某", "王某"),
            // An office and a two-character name (set to three characters' width, or the
            // office spaced out): words all the same; both spaced out is letter spacing.
            ("市长  龚正", "市长 龚正"),
            ("省长　王凯", "省长 王凯"),
            ("省长　黄　强", "省长 黄强"),
            ("省　长　　王忠林", "省长 王忠林"),
            ("代省长　王××", "代省长 王××"),
            ("部　长　会　议", "部长会议"),
            ("省　长　办　公　会　议", "省长办公会议"),
            ("探索  数据  跨境  流动", "探索数据跨境流动"),
            ("甲 乙丙 丁戊己", "甲乙丙 丁戊己"),
            ("省长　王  某", "省长 王某"),
            ("第一章　总　则", "第一章总则"),
            // Next to punctuation, digits or Latin letters, as before.
            ("（一） 指导思想", "（一）指导思想"),
            ("2021年 5月", "2021年5月"),
            ("GB/T 9704 标准", "GB/T 9704标准"),
            // A line break inside a paragraph is a wrapped line, never a word space.
            ("进一步加强\n管理工作", "进一步加强管理工作"),
            ("进一步加强 \r\n  管理工作", "进一步加强管理工作"),
        ] {
            let got = normalize_block(raw);
            assert_eq!(got, want, "{raw:?}");
            assert_eq!(normalize_block(&got), got, "normalizing twice: {raw:?}");
        }
    }

    #[test]
    fn passes_skipped_for_lack_of_work_would_have_changed_nothing() {
        for text in [
            "第一条\n  为了规范",
            "\u{3000}\u{3000}现将《方案》印发给你们，\r\n请认真贯彻执行。",
            "ＡＢＣ１２３ 国务院",
            "GB/T 9704-2012 标准",
            "国务院 (2019) 关于",
            "他说:\"好\" 然后 ,再见.",
            "a  b\tc",
            "渝府发[2021]19号 印发",
            "（一） 指导 思想",
            "1.5 倍",
            "\u{0}控制\u{7}字符 ",
            "Ａ Ｂ 国 务 院",
            "a  国\u{3000}b c",
            "国 a\u{a0}\u{a0}b 。 c",
            "x\u{3000}\u{3000}y",
            "（ 一 ） 指导",
            "第一条\u{3000}根据《中华人民共和国个人所得税法》（以下简称个人所得税法）规定，制定本办法。",
            "ａｂｃ\u{3000}ｄ",
            "A\u{3000}B",
            "中\n文 English  words here\t中 x",
            "省长\u{3000}王予波",
            "联系人：李四  联系电话：123",
            "加强\n  管理 工作",
            "加强 \n管理",
            "王  某 某某",
            "省长 (王予波) 市长 龚正.",
            " \u{3000}前导与结尾 \n",
        ] {
            assert_eq!(normalize_slow(text), all_passes(text), "{text:?}");
        }
    }

    #[test]
    fn may_be_digit_holds_every_decimal_digit() {
        let digit = regex::Regex::new(r"^\d$").unwrap();
        for c in (0..=0x10FFFFu32)
            .filter(|&u| u <= 0xFFFF || u % 251 == 0)
            .filter_map(char::from_u32)
        {
            if digit.is_match(&c.to_string()) {
                assert!(may_be_digit(c), "U+{:04X}", c as u32);
            }
        }
        assert!(!may_be_digit('国') && !may_be_digit('、') && !may_be_digit('a'));
    }

    #[test]
    fn strip_spaces_removes_every_space_and_borrows_when_there_is_none() {
        assert_eq!(
            strip_spaces("国发 〔2019〕\u{3000}4号\t"),
            "国发〔2019〕4号"
        );
        assert_eq!(strip_spaces(" 前 后 "), "前后");
        assert!(matches!(strip_spaces("国发〔2019〕4号"), Cow::Borrowed(_)));
        assert_eq!(strip_spaces(""), "");
    }

    #[test]
    fn next_work_finds_every_character_inside_long_text() {
        // Every character between runs of ideographs and full-width punctuation (the runs the
        // scan steps over in a loop of its own), at varied offsets.
        let pad = ["国务院关于", "，（一）", "办法。", "“通知”、"];
        // The whole BMP, and every 97th character past it (the scalar reader decodes them all
        // alike).
        let chars = (0..=0xFFFFu32).chain((0x10000..=0x10FFFF).step_by(97));
        for c in chars.filter_map(char::from_u32) {
            let k = c as usize;
            let left = pad[k % 4].repeat(2 + k % 7);
            let text = format!("{left}{c}{}", pad[(k / 4) % 4].repeat(9));
            let expected = text
                .char_indices()
                .find(|&(_, ch)| needs_work(ch))
                .map(|(at, _)| at);
            assert_eq!(next_work(&text, 0), expected, "U+{k:04X}");
        }
    }

    #[test]
    fn next_work_agrees_with_needs_work_on_every_character() {
        let all: Vec<char> = (0..=0x10FFFFu32).filter_map(char::from_u32).collect();
        // The byte table holds what the character classes say.
        for c in (0..128u8).map(char::from) {
            let expected = c.is_control()
                || matches!(
                    c,
                    '\t'..='\r' | ' ' | '(' | ')' | ',' | ':' | ';' | '?' | '!' | '.' | '"'
                );
            assert_eq!(needs_work(c), expected, "U+{:04X}", c as u32);
        }
        for c in &all {
            let one = c.to_string();
            assert_eq!(
                next_work(&one, 0).is_some(),
                needs_work(*c),
                "U+{:04X}",
                *c as u32
            );
        }
        for text in [
            "国务院关于印发的通知",
            "关于\u{3000}印发",
            "（一）指导思想",
            "渝府发〔2021〕19号",
            "a,b",
            "１２",
        ] {
            assert_eq!(
                next_work(text, 0).is_some(),
                text.chars().any(needs_work),
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_scan_notes_every_hao_it_passes_and_only_those() {
        // `号` among characters that share its bytes (`卷` E5 8D B7, `叫` E5 8F AB, `昷` E6 98 B7)
        // and runs of punctuation, at every offset of a few lengths.
        let pieces = ["号", "卷", "叫", "昷", "，", "〔2021〕", "国发", "1"];
        for n in 0..2000usize {
            let text: String = (0..n % 9)
                .map(|k| pieces[(n / 9 + k * 7 + k * k) % pieces.len()])
                .collect();
            let mut hao = false;
            let work = next_work_noting::<true>(&text, 0, &mut hao);
            if work.is_none() {
                assert_eq!(hao, text.contains('号'), "{text:?}");
                assert_eq!(
                    already_normal(&text).as_deref(),
                    Some(fix_doc_number_brackets(text.clone()).as_str()),
                    "{text:?}"
                );
            }
            assert_eq!(work, next_work(&text, 0), "{text:?}");
        }
        assert_eq!(normalize_block("国发（2019）4号"), "国发〔2019〕4号");
    }

    #[test]
    fn the_window_scan_finds_what_a_scan_of_each_character_finds() {
        // Texts long enough for the sixteen-byte windows, of characters of every kind the scan
        // tells apart: ideographs (号 and characters sharing its bytes), CJK punctuation and
        // the ideographic space, full-width forms that fold and that do not, general
        // punctuation, ASCII that needs work and that does not, two- and four-byte characters
        // and control characters; work placed at every offset, from every starting character.
        let pieces = [
            "国", "务", "院", "号", "卷", "叫", "昷", "，", "。", "、", "（", "）", "：", "〔",
            "\u{3000}", "１", "Ａ", "ａ", "％", "＋", "！", "？", "“", "”", "—", "…", "\u{2002}",
            "a", "1", ",", " ", "(", "é", "·", "😀", "\u{7}", "\u{a0}", "㐀", "\u{feff}",
        ];
        let mut seed = 0x2545_f491_u32;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as usize % n
        };
        for round in 0..4000 {
            let len = next(48);
            // Mostly ideographs and the punctuation between them, as prose is.
            let text: String = (0..len)
                .map(|_| {
                    if round % 3 != 0 && next(8) != 0 {
                        pieces[next(14)]
                    } else {
                        pieces[next(pieces.len())]
                    }
                })
                .collect();
            for (from, _) in text.char_indices().step_by(5).chain([(text.len(), ' ')]) {
                let expected = text[from..]
                    .char_indices()
                    .find(|&(_, c)| needs_work(c))
                    .map(|(at, _)| from + at);
                let mut hao = false;
                let work = next_work_noting::<true>(&text, from, &mut hao);
                assert_eq!(work, expected, "{text:?} from {from}");
                assert_eq!(next_work(&text, from), expected, "{text:?} from {from}");
                if work.is_none() {
                    assert_eq!(hao, text[from..].contains('号'), "{text:?} from {from}");
                }
            }
        }
    }

    #[test]
    fn count_ideographs_counts_u4000_to_u9fff() {
        // Every character of the BMP and the supplementary Han planes, in one string.
        let text: String = (0..=0x3FFFFu32).filter_map(char::from_u32).collect();
        let in_range = |c: &char| ('\u{4000}'..='\u{9FFF}').contains(c);
        assert_eq!(
            count_ideographs(&text),
            text.chars().filter(in_range).count()
        );
        for c in [
            '\u{3FFF}', '\u{4000}', '\u{4E00}', '\u{9FFF}', '\u{A000}', '、', '，', 'a',
        ] {
            assert_eq!(
                count_ideographs(&c.to_string()),
                usize::from(in_range(&c)),
                "U+{:04X}",
                c as u32
            );
        }
        assert_eq!(count_ideographs("国务院 a 通知，（一）"), 6);
    }

    #[test]
    fn spaced_header_collapses() {
        assert_eq!(normalize_block("\t试  点  任  务"), "试点任务");
        assert_eq!(normalize_block("国 务 院 工 作 规 则"), "国务院工作规则");
        assert_eq!(
            normalize_block("第一章\u{3000}总\u{3000}\u{3000}则"),
            "第一章总则"
        );
    }

    #[test]
    fn ascii_punctuation_in_chinese_context_becomes_full_width() {
        assert_eq!(
            normalize_block("各区县(自治县)人民政府,市政府有关部门,有关单位:"),
            "各区县（自治县）人民政府，市政府有关部门，有关单位："
        );
        assert_eq!(
            normalize_block("支持开展合格境内有限合伙人(QDLP)试点."),
            "支持开展合格境内有限合伙人（QDLP）试点。"
        );
        assert_eq!(normalize_block("坚持\"两点\"定位"), "坚持“两点”定位");
        assert_eq!(normalize_block("(1)加强领导"), "（1）加强领导");
        // A stop right before a bracket, as inline duties follow a sentence.
        assert_eq!(
            normalize_block("做好物资储备.(责任单位:区应急局)"),
            "做好物资储备。（责任单位：区应急局）"
        );
        assert_eq!(normalize_block("见图1.(a)"), "见图1.(a)");
    }

    #[test]
    fn latin_text_keeps_its_spaces_and_punctuation() {
        assert_eq!(
            normalize_block("Hello, world (test): 1,000.5"),
            "Hello, world (test): 1,000.5"
        );
        assert_eq!(normalize_block("10:30"), "10:30");
    }

    #[test]
    fn doc_number_brackets_are_canonical() {
        assert_eq!(normalize_block("国发[2019]4号"), "国发〔2019〕4号");
        assert_eq!(normalize_block("国办函［2005］57号"), "国办函〔2005〕57号");
        assert_eq!(normalize_block("国发(2019)4号"), "国发〔2019〕4号");
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(
            normalize_block("重庆\0市\u{1}人民政府\u{7f}"),
            "重庆市人民政府"
        );
        assert_eq!(normalize_block("\0\0"), "");
    }

    #[test]
    fn full_width_digits_fold() {
        assert_eq!(normalize_block("１．加强领导"), "1．加强领导");
    }

    #[test]
    fn fast_path_agrees_with_the_full_passes() {
        // Every string over an alphabet of the characters each pass treats specially.
        let alphabet: Vec<char> =
            "试点（）()[]〔〕,.:;\"号2019０Ａ \u{3000}\u{a0}\t\u{feff}\u{b}a、"
                .chars()
                .collect();
        let n = alphabet.len();
        for len in 1..=3u32 {
            for mut k in 0..n.pow(len) {
                let mut s = String::new();
                for _ in 0..len {
                    s.push(alphabet[k % n]);
                    k /= n;
                }
                assert_eq!(normalize_block(&s), normalize_slow(&s), "input {s:?}");
            }
        }
        for s in [
            "国发[2019]4号",
            "国发（2019）4号文",
            "渝府发〔2021〕19号",
            "  市科技局、市教委\u{3000}",
            "经过3年试点，全面落实86项改革试点任务",
        ] {
            assert_eq!(normalize_block(s), normalize_slow(s), "input {s:?}");
        }
    }

    #[test]
    fn normalization_is_idempotent() {
        for s in [
            "(一)指导思想. ",
            "试  点  任  务",
            "a , b",
            "“x” (y) [2021]",
            "渝府发[2021]19号",
            "1. 2",
            ") (",
            "\"\"\"",
            // A mark before an ASCII `(` that becomes `（`, right away or past a space.
            ")(甲",
            "a)(甲",
            "a,(甲",
            "a, (甲",
            "a:(甲)",
            "x) (甲",
            "x;(甲",
            "x\"(甲",
            "x((甲",
            "x,(a)",
        ] {
            let once = normalize_block(s);
            assert_eq!(normalize_block(&once), once, "input {s:?}");
        }
    }

    /// Calls `check` with every string of 1 to 5 characters of `alphabet`; returns how many.
    fn every_short_string(alphabet: &[char], mut check: impl FnMut(&str)) -> usize {
        let mut checked = 0;
        for len in 1..=5u32 {
            for mut k in 0..alphabet.len().pow(len) {
                let mut s = String::new();
                for _ in 0..len {
                    s.push(alphabet[k % alphabet.len()]);
                    k /= alphabet.len();
                }
                check(&s);
                checked += 1;
            }
        }
        checked
    }

    #[test]
    fn every_short_mix_of_marks_normalizes_once_and_for_all() {
        // Every string of up to five of these: each ASCII mark that may turn full-width next to
        // a Han character, a letter, a digit and a space, in every order (runs of marks whose
        // conversion passes from one to the next included).
        const ALPHABET: [char; 12] = ['甲', 'a', '1', ' ', '(', ')', ',', '.', '"', ':', ';', '（'];
        let checked = every_short_string(&ALPHABET, |s| {
            let once = normalize_block(s);
            assert_eq!(normalize_block(&once), once, "{s:?}");
        });
        assert_eq!(checked, 12 + 144 + 1728 + 20_736 + 248_832);
    }

    #[test]
    fn every_short_mix_of_words_spaces_and_breaks_normalizes_once_and_for_all() {
        // Every string of up to five of these: Han characters (words and letter spacing), a
        // masked name, spaces of three kinds, a line break, punctuation that converts or not.
        const ALPHABET: [char; 11] = [
            '甲', '乙', '×', ' ', '\u{3000}', '\n', '，', '(', ')', ',', 'a',
        ];
        let checked = every_short_string(&ALPHABET, |s| {
            let once = normalize_block(s);
            assert_eq!(normalize_block(&once), once, "{s:?}");
            assert_eq!(normalize_slow(s), all_passes(s), "{s:?}");
        });
        assert_eq!(checked, 11 + 121 + 1331 + 14641 + 161_051);
    }
}
