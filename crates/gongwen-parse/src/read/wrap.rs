//! Hard-wrapped text: paragraphs broken into lines of a fixed width.
//!
//! Text copied out of a PDF, a terminal or an e-mail is often wrapped: every line of a paragraph
//! but the last is filled to the same width, and the paragraph goes on in the next line. Read line
//! by line, each piece would become a paragraph of its own, a heading's text would be cut and a
//! list counted by the checks would be split. The wrap width is recognised from the text itself —
//! many long lines of the same display width (a CJK character counting two columns) are not a
//! coincidence — and a line filled to it is joined with the line after, unless that one is blank,
//! indented (a new paragraph), a table line or starts with a numbering marker.
//!
//! How far the lines a paragraph wraps into are set in is read from the lines that follow a full
//! line, not from the full lines themselves: in a PDF copy each paragraph's first line is set in
//! further, and where paragraphs are two or three lines long those first lines are most of the
//! full ones.
//!
//! A copy of a page or two has few full lines: three that break off mid-sentence will do, of one
//! width with their indents or, where a paragraph's first line keeps its `　　`, without them.
//! A 主送机关 broken in an organ's name (`……各直属` / `机构：`) is joined even where no width is
//! known ([`wrapped_addressee`]).

use crate::normalize::TrimFast as _;
use crate::numbering;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

/// Lines shorter than this (display columns) never decide the width.
const MIN_WIDTH: usize = 40;
/// Lines shorter than this (display columns) never decide a narrow column's width.
const MIN_NARROW_WIDTH: usize = 24;
/// Lines of one width needed, at least, to call the text wrapped.
const MIN_LINES: usize = 5;
/// Lines of one width that do, every one, break off mid-sentence into the line under them,
/// needed at least to call a short text wrapped (a page or two copied out of a PDF).
const MIN_CUT_LINES: usize = 3;

/// Display width: ASCII one column, everything else two.
pub fn display_width(line: &str) -> usize {
    line.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// How a text is wrapped: at a display width (as a PDF or a terminal lays out CJK text, a digit
/// taking half a character's room) or at a number of characters (as `fold` and most editors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wrap {
    /// Measured in characters rather than display columns.
    pub chars: bool,
    /// The width lines are filled to.
    pub width: usize,
    /// The spaces that start the lines a paragraph wraps into: none, unless the whole text is set
    /// in from a margin that its tables do not share (a PDF export).
    pub indent: usize,
    /// Where paragraphs start set in further than the lines they wrap into (a PDF copy: first
    /// lines indented, the rest at the margin), the spaces before most first lines (an
    /// ideographic space's first line counts the spaces before it). A line at the margin then
    /// seldom starts a paragraph, and a nearly full line that does not end a sentence runs on.
    pub first_indent: Option<usize>,
}

impl Wrap {
    /// The wrap of lines filled to `width` (characters when `chars`, else display columns) from
    /// the margin, with no indents: what a width search finds, before the indents are read.
    const fn filled(chars: bool, width: usize) -> Self {
        Wrap {
            chars,
            width,
            indent: 0,
            first_indent: None,
        }
    }

    /// `line`'s width as this wrap measures it: display columns, or two a character.
    pub(crate) fn measure(&self, line: &str) -> usize {
        if self.chars {
            line.chars().count() * 2
        } else {
            display_width(line)
        }
    }

    /// Whether `line` is filled to the width (a two-column character may not have fitted).
    pub(crate) fn is_full(&self, line: &str) -> bool {
        self.measure(line.trim_end_ws()) + 2 >= self.width
    }

    /// Whether `line` is cut by the wrap and runs on in the next line: full, or — where
    /// paragraphs start indented — filled to three quarters of the width (a PDF's justified
    /// line that a long word or number pushed short) without ending a sentence, and set in as a
    /// paragraph's lines are.
    fn runs_on(&self, line: &str) -> bool {
        if self.is_full(line) {
            return true;
        }
        let line = line.trim_end_ws();
        self.first_indent
            .is_some_and(|first| indent(line) == self.indent || indent(line) == first)
            && self.measure(line) * 4 >= self.width * 3
            && !ends_sentence(line)
    }
}

/// Whether `line` ends a sentence or a clause that a line may end on: `。`, `；`, `：`, `！`, `？`
/// (full width or not), before any closing quotes or brackets.
pub(crate) fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(['”', '’', '」', '』', '）', ')', '】', '》', '"', '\'']);
    t.ends_with(['。', '；', '：', '！', '？', ';', ':', '!', '?', '…'])
}

/// Whether a line is laid out in columns, a table's, filled to its columns and not to a wrap
/// width: indented past a paragraph's two characters (a wrapped cell under a later column), or
/// with a gap of two spaces or an ideographic space after its first text.
/// A numbering marker and the one space after it (`第一条　`) are no column gap.
fn in_columns(line: &str) -> bool {
    let text = line.trim_start_matches([' ', '\u{3000}']);
    let indent = line.len() - text.len();
    let wide_spaces = line
        .get(..indent)
        .unwrap_or_default()
        .matches('\u{3000}')
        .count();
    // Each ideographic space is three bytes and two columns.
    if indent - wide_spaces > 4 {
        return true;
    }
    let text = numbering::marker(text)
        .and_then(|m| text.get(m.len..))
        .map_or(text, |rest| {
            rest.strip_prefix('\u{3000}')
                .or_else(|| rest.strip_prefix(' '))
                .unwrap_or(rest)
        });
    text.contains("  ") || text.contains('\u{3000}')
}

/// How the text is wrapped, if it is: the width (merged with the one a column narrower) shared by
/// at least five long lines and by at least a third of them, with at most a quarter as many lines
/// longer than it, in display columns or in characters, whichever more lines share.
pub fn wrap_width(lines: &[&str], is_table_line: impl Fn(&str) -> bool) -> Option<Wrap> {
    wrap_width_outside(lines, is_table_line, &[])
}

/// [`wrap_width`] of the lines outside `tables` (ranges of `lines`, in order): tables laid out
/// one cell a line, whose rows' texts, long among their short cells and each on a line of its
/// own, are no prose wrapped to a width (`1` / `健全……“指尖办”。` / `省卫生健康委`).
pub fn wrap_width_outside(
    lines: &[&str],
    is_table_line: impl Fn(&str) -> bool,
    tables: &[std::ops::Range<usize>],
) -> Option<Wrap> {
    let mut tables = tables.iter().peekable();
    // Both measures in one pass over the lines: [display columns, characters × 2].
    let mut counts: [HashMap<usize, usize>; 2] = Default::default();
    // The same measures of the long lines' text without its indent.
    let mut texts: [Vec<usize>; 2] = Default::default();
    // The long lines and their measures, to ask of the few of a width whether they break off
    // mid-sentence (see [`cut_off`]) where that decides.
    let mut measured: Vec<(usize, [usize; 2])> = Vec::new();
    // The same, of their text without its indent.
    let mut measured_text: Vec<(usize, [usize; 2])> = Vec::new();
    let mut long = [0usize; 2];
    // The lines of a narrow column's width (see [`narrow_wrap`]) and their display widths.
    let mut narrow: Vec<(usize, usize)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        while tables.next_if(|t| t.end <= i).is_some() {}
        if is_table_line(l) || tables.peek().is_some_and(|t| t.contains(&i)) {
            continue;
        }
        let l = l.trim_end_ws();
        // A grid table's rules (`+------+------+`, `+======+`) are all one width, the table's:
        // not prose filled to it.
        if is_grid_rule(l) {
            continue;
        }
        // An ASCII character is one column, any other two.
        let (chars, ascii) = crate::normalize::count_chars_and_ascii(l);
        let (display, chars) = (2 * chars - ascii, 2 * chars);
        if display.max(chars) < MIN_WIDTH {
            if display >= MIN_NARROW_WIDTH {
                narrow.push((i, display));
            }
            continue;
        }
        if in_columns(l) {
            continue;
        }
        // The indent's measures: a space is one column and one character (two in the
        // measure), an ideographic space two of each.
        let (mut indent_display, mut indent_chars) = (0usize, 0usize);
        let mut rest = l.as_bytes();
        loop {
            if let Some(r) = rest.strip_prefix(b" ") {
                indent_display += 1;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("\u{3000}".as_bytes()) {
                indent_display += 2;
                rest = r;
            } else {
                break;
            }
            indent_chars += 2;
        }
        for (k, (w, indent)) in [(display, indent_display), (chars, indent_chars)]
            .into_iter()
            .enumerate()
        {
            if w >= MIN_WIDTH {
                long[k] += 1;
                *counts[k].entry(w).or_insert(0) += 1;
                texts[k].push(w - indent);
            }
        }
        measured.push((i, [display, chars]));
        measured_text.push((i, [display - indent_display, chars - indent_chars]));
    }
    [false, true]
        .into_iter()
        .enumerate()
        .zip(counts.iter().zip(texts.iter()).zip(long))
        .filter_map(|((k, chars), ((counts, texts), long))| {
            let (width, shared) = counts
                .keys()
                .map(|&w| (w, counts[&w] + counts.get(&(w - 1)).copied().unwrap_or(0)))
                .max_by_key(|&(w, n)| (n, w))?;
            // Fewer lines of the width will do when every one of them is cut off mid-sentence:
            // a text written a paragraph a line ends its lines with its sentences.
            let enough = shared >= MIN_LINES
                || (shared >= MIN_CUT_LINES
                    && measured
                        .iter()
                        .filter(|(_, m)| m[k] == width || m[k] + 1 == width)
                        .all(|&(i, _)| {
                            let line = lines.get(i).map_or("", |l| l.trim_end_ws());
                            cut_off(line, lines.get(i + 1).copied())
                        }));
            // No line of a wrapped text's prose holds more text than its width (a long number
            // or address may push one over; a paragraph's first line may be set in further):
            // lines of one length in a text of longer ones are a coincidence, as in a text
            // written one paragraph a line.
            let over = texts.iter().filter(|&&w| w > width).count();
            (enough && shared * 3 >= long && over * 4 <= shared)
                .then_some((shared, Wrap::filled(chars, width)))
        })
        .max_by_key(|&(shared, w)| (shared, !w.chars))
        .map(|(_, w)| w)
        .or_else(|| cut_text_wrap(lines, &measured_text, long[0]))
        .or_else(|| narrow_wrap(lines, &narrow, long[0]))
        .map(|w| {
            let (indent, first_indent) = indents(lines, w, &is_table_line);
            Wrap {
                indent,
                first_indent,
                ..w
            }
        })
}

/// Whether `line` is a rule of a grid table (pandoc's, Emacs's): `+`, then only `-`, `=`, `:`
/// and `+`, ending with `+`.
fn is_grid_rule(line: &str) -> bool {
    let t = line.trim_start_matches(' ').as_bytes();
    t.len() >= 3
        && t.first() == Some(&b'+')
        && t.last() == Some(&b'+')
        && t.iter().all(|b| matches!(b, b'+' | b'-' | b'=' | b':'))
}

/// The wrap of a short copy whose full lines share a width only without their indents: a
/// paragraph's first line, set in, reaches as far right as the lines at the margin by its text
/// alone when the copy keeps the indent as characters the page did not print (`　　`):
///
/// ```text
/// 各省、自治区、直辖市人民政府，国务院各部委、各直属
/// 机构：
/// 　　《关于加快构建废弃物循环利用体系的意见》已经国务院
/// 同意，现印发给你们，请认真贯彻执行。
/// ```
///
/// `measured` holds the long lines' indices and the display width and characters (×2) of
/// their text. As for the copy whose full lines share a width with their indents, at least
/// [`MIN_CUT_LINES`] lines of the width (merged with the one a column narrower), every one
/// breaking off mid-sentence into a line at the margin ([`cut_off`]) between two characters
/// that are not ASCII, a third of the `long`
/// lines, and no more than a quarter as many lines' text longer.
fn cut_text_wrap(lines: &[&str], measured: &[(usize, [usize; 2])], long: usize) -> Option<Wrap> {
    if measured.len() < MIN_CUT_LINES {
        return None;
    }
    [false, true]
        .into_iter()
        .enumerate()
        .filter_map(|(k, chars)| {
            let mut counts: HashMap<usize, usize> = HashMap::default();
            for (_, m) in measured {
                *counts.entry(m[k]).or_insert(0) += 1;
            }
            let (width, shared) = counts
                .keys()
                .map(|&w| (w, counts[&w] + counts.get(&(w - 1)).copied().unwrap_or(0)))
                .max_by_key(|&(w, n)| (n, w))?;
            let all_cut = measured
                .iter()
                .filter(|(_, m)| m[k] == width || m[k] + 1 == width)
                .all(|&(i, _)| {
                    let line = lines.get(i).map_or("", |l| l.trim_end_ws());
                    let next = lines.get(i + 1).copied();
                    // Cut between two Chinese characters (a line of code or of ASCII text
                    // ending in `,` is no prose wrapped).
                    line.chars().next_back().is_some_and(|c| !c.is_ascii())
                        && next.is_some_and(|n| n.chars().next().is_some_and(|c| !c.is_ascii()))
                        && cut_off(line, next)
                });
            let over = measured.iter().filter(|(_, m)| m[k] > width).count();
            (width >= MIN_WIDTH
                && shared >= MIN_CUT_LINES
                && all_cut
                && shared * 3 >= long
                && over * 4 <= shared)
                .then_some((shared, Wrap::filled(chars, width)))
        })
        .max_by_key(|&(shared, w)| (shared, !w.chars))
        .map(|(_, w)| w)
}

/// The wrap of a text set in a narrow column (a gazette's two columns, about sixteen characters a
/// line, copied a column at a time), whose lines are all shorter than [`MIN_WIDTH`]: the
/// display width (merged with the one a column narrower) shared by at least [`MIN_LINES`] of
/// the `narrow` lines (index and display width, from [`MIN_NARROW_WIDTH`] up) and by a third of
/// them, no line of the text longer (`long` counts those of [`MIN_WIDTH`] or more), and two
/// thirds of the lines of the width breaking off mid-sentence into the next (see [`cut_off`]):
///
/// ```text
/// 　　（一）化石能源消费减量替代行
/// 动。严格合理控制煤炭消费，有序
/// ```
///
/// Short lines of a text written a line a paragraph (headings, a list's items) end their
/// sentences, or are of many widths.
fn narrow_wrap(lines: &[&str], narrow: &[(usize, usize)], long: usize) -> Option<Wrap> {
    if long > 0 || narrow.len() < MIN_LINES {
        return None;
    }
    let mut counts: HashMap<usize, usize> = HashMap::default();
    for &(_, w) in narrow {
        *counts.entry(w).or_insert(0) += 1;
    }
    let (width, shared) = counts
        .keys()
        .map(|&w| (w, counts[&w] + counts.get(&(w - 1)).copied().unwrap_or(0)))
        .max_by_key(|&(w, n)| (n, w))?;
    let at_width: Vec<usize> = narrow
        .iter()
        .filter(|&&(_, w)| w == width || w + 1 == width)
        .map(|&(i, _)| i)
        .collect();
    let cut = at_width
        .iter()
        .filter(|&&i| {
            let line = lines.get(i).map_or("", |l| l.trim_end_ws());
            cut_off(line, lines.get(i + 1).copied())
        })
        .count();
    let over = narrow.iter().filter(|&&(_, w)| w > width + 2).count();
    (shared >= MIN_LINES
        && shared * 3 >= narrow.len()
        && cut * 3 >= shared * 2
        && over * 4 <= shared)
        .then_some(Wrap::filled(false, width))
}

/// Whether `line` breaks off mid-sentence into `next`: it ends on no sentence's end, and `next`
/// goes on at the margin (not set in, as a new paragraph is, nor numbered, nor blank).
fn cut_off(line: &str, next: Option<&str>) -> bool {
    // Cheapest first: nearly every line of a text written a paragraph a line ends a sentence.
    !ends_sentence(line)
        && next.is_some_and(|next| {
            !next.starts_with(char::is_whitespace)
                && !next.starts_with('\u{3000}')
                && !next.trim_end_ws().is_empty()
                && !numbering::has_marker(next.trim_end_ws())
        })
}

/// Spaces before a line's text.
fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// How far the lines a paragraph wraps into are set in, and how far paragraphs' first lines are
/// where that is further. A line of prose after a full line is most often one a paragraph wrapped
/// into (a paragraph rarely ends exactly at the width): the indent most of them share is the
/// wrapped lines'. A line after a blank or a line short of the width starts a paragraph, as does
/// any line that starts with a numbering marker: when most of those are set in further (by spaces
/// or an ideographic space), paragraphs start indented.
fn indents(
    lines: &[&str],
    wrap: Wrap,
    is_table_line: &impl Fn(&str) -> bool,
) -> (usize, Option<usize>) {
    let mut after_full: HashMap<usize, usize> = HashMap::default();
    // Lines starting a paragraph, by their spaces and whether an ideographic space follows them.
    let mut starts: HashMap<(usize, bool), usize> = HashMap::default();
    let mut prev_full = false;
    for l in lines {
        let blank = l.trim_ws().is_empty();
        if !blank && !is_table_line(l) && !in_columns(l) {
            let n = indent(l);
            let text = l.get(n..).unwrap_or_default();
            let wide = text.starts_with('\u{3000}');
            if prev_full && !wide && !numbering::has_marker(text) {
                *after_full.entry(n).or_insert(0) += 1;
            } else {
                *starts.entry((n, wide)).or_insert(0) += 1;
            }
        }
        prev_full = !blank && !is_table_line(l) && wrap.is_full(l);
    }
    // Ties go to the smaller indent, whatever order the map gives.
    let indent = after_full
        .into_iter()
        .max_by_key(|&(indent, n)| (n, std::cmp::Reverse(indent)))
        .map_or(0, |(indent, _)| indent);
    let further = |&(n, wide): &(usize, bool)| n > indent || (n == indent && wide);
    let (mut set_in, mut at_margin) = (0, 0);
    for (key, &count) in &starts {
        if further(key) {
            set_in += count;
        } else if key.0 == indent {
            at_margin += count;
        }
    }
    let first = starts
        .into_iter()
        .filter(|(key, _)| further(key))
        .max_by_key(|&((n, wide), count)| (count, std::cmp::Reverse((n, wide))))
        .map(|((n, _), _)| n);
    (indent, first.filter(|_| set_in > at_margin))
}

/// Whether `next` may continue a paragraph whose line before it is full: set in as wrapped lines
/// are (`indent`), not further (a new paragraph).
fn continues(next: &str, indent: usize, is_table_line: &impl Fn(&str) -> bool) -> bool {
    let text = next.get(indent..).unwrap_or_default();
    self::indent(next) == indent
        && !text.trim_ws().is_empty()
        && !text.starts_with(char::is_whitespace)
        && !text.starts_with('\u{3000}')
        && !is_table_line(next)
        && !in_columns(text)
        && numbering::marker(text.trim_ws()).is_none()
}

/// Whether `line`, short of the wrap under a full line, is a line of its own rather than that
/// line's last words: a date alone (`2023年3月15日`) or an organ's name (a signature left at the
/// margin under an attachment title that filled the width). A wrapped addressee list or a
/// sentence's last words (`2023年3月31日前报送。`) still run on.
fn stands_apart(line: &str) -> bool {
    crate::structure::find_date(line).is_some_and(|(at, _)| at == 0)
        || crate::structure::is_organ_line(line)
}

/// Fewest characters of a 主送机关 line that wraps (a line filled to the type area's width).
const MIN_WRAPPED_ADDRESSEE: usize = 20;
/// Most characters of the rest of a 主送机关 wrapped onto the next line.
const MAX_ADDRESSEE_REST: usize = 10;

/// `line` and `next` joined, where `line` is a 主送机关 cut in the middle of an organ's name by
/// the wrap and `next` its last words, as a PDF copy prints a list longer than the type area
/// is wide (wrapped or not as a text, a short copy has too few full lines to tell its width):
///
/// ```text
/// 各省、自治区、直辖市人民政府，国务院各部委、各直属
/// 机构：
/// ```
///
/// Both at the margin, `line` long (from [`MIN_WRAPPED_ADDRESSEE`] characters), without a colon
/// or a gap of columns, ending in no punctuation (a list broken after its `，` or `、` is joined where it is read) nor as a title
/// does (`……的通知` over a one-line 主送), `next` short and ending in `：`, and the two together a
/// 主送机关 ([`crate::structure::is_addressee_line`]). The `：` at the end of `next` is asked
/// first: nearly every line is turned down by it.
pub(crate) fn wrapped_addressee(line: &str, next: Option<&str>) -> Option<String> {
    let rest = next?.trim_end_ws();
    if !rest.ends_with('：') {
        return None;
    }
    let line = line.trim_end_ws();
    let at_margin = |l: &str| !l.starts_with(char::is_whitespace) && !l.is_empty();
    let last = line.chars().next_back()?;
    let joined = format!("{line}{rest}");
    (at_margin(line)
        && at_margin(rest)
        && !last.is_ascii_punctuation()
        // A 主送's only colon ends it, and it is no line laid out in columns (`某政〔2023〕15号
        // 　　签发人：王某某` over `省人民政府：`).
        && !line.contains(['：', ':', '\u{3000}'])
        && !line.contains("  ")
        && !matches!(last, '，' | '、' | '。' | '；' | '：' | '）' | '》' | '”')
        && line.chars().count() >= MIN_WRAPPED_ADDRESSEE
        && rest.chars().count() <= MAX_ADDRESSEE_REST
        && !crate::structure::ends_like_title(line)
        && crate::structure::is_addressee_line(&joined))
    .then_some(joined)
}

/// The paragraph starting at `lines[i]`, with the lines it wraps into joined, and the index of
/// the line after it.
pub fn paragraph<'a>(
    lines: &[&'a str],
    i: usize,
    wrap: Wrap,
    is_table_line: impl Fn(&str) -> bool,
) -> (Cow<'a, str>, usize) {
    let first = lines.get(i).copied().unwrap_or_default();
    let mut joined: Option<String> = None;
    let mut j = i;
    while let (Some(cur), Some(next)) = (lines.get(j), lines.get(j + 1)) {
        if !wrap.runs_on(cur)
            || !continues(next, wrap.indent, &is_table_line)
            || (!wrap.is_full(next) && stands_apart(next.trim_ws()))
        {
            break;
        }
        // Joined as is: CJK text has no spaces between words, and a number or a Latin word
        // broken by a character-count wrap was broken without one.
        let s = joined.get_or_insert_with(|| first.trim_end_ws().to_owned());
        s.push_str(next.get(wrap.indent..).unwrap_or_default().trim_end_ws());
        j += 1;
    }
    (joined.map_or(Cow::Borrowed(first), Cow::Owned), j + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_table(_: &str) -> bool {
        false
    }

    const WRAP60: Wrap = Wrap::filled(false, 60);

    #[test]
    fn text_wrapped_by_characters_is_measured_in_characters() {
        // Thirty characters a line, some of them digits: the display widths differ.
        let para = "按照商务部2021年65号文件要求结合我市实际制定本方案".repeat(8);
        let chars: Vec<char> = para.chars().collect();
        let lines: Vec<String> = chars.chunks(30).map(|c| c.iter().collect()).collect();
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let wrap = wrap_width(&refs, no_table).expect("wrapped");
        assert_eq!(wrap, Wrap::filled(true, 60));
        assert_eq!(paragraph(&refs, 0, wrap, no_table).0, para);
    }

    #[test]
    fn a_wrapped_text_is_recognised_and_its_paragraphs_joined() {
        let para =
            "为认真贯彻落实国务院关于服务业扩大开放综合试点的部署要求，结合本市实际，制定本方案。"
                .repeat(4);
        let chars: Vec<char> = para.chars().collect();
        let mut lines: Vec<String> = chars.chunks(30).map(|c| c.iter().collect()).collect();
        lines.push(String::new());
        lines.push("（一）指导思想。".into());
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let wrap = wrap_width(&refs, no_table);
        assert_eq!(wrap, Some(Wrap::filled(false, 60)));
        let (text, next) = paragraph(&refs, 0, WRAP60, no_table);
        assert_eq!(text, para);
        assert_eq!(refs.get(next), Some(&""));
    }

    #[test]
    fn unwrapped_text_and_new_paragraphs_are_left_alone() {
        // Long lines of different widths: not wrapped.
        let lines: Vec<String> = (0..20).map(|i| "字".repeat(25 + i)).collect();
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        assert_eq!(wrap_width(&refs, no_table), None);
        // A full line followed by an indented line, a marker or a blank line ends there.
        let full = "字".repeat(30);
        for next in [
            "　　新的段落。",
            "  new",
            "二、重点举措",
            "（一）任务",
            "1．任务",
            "",
        ] {
            let (text, n) = paragraph(&[&full, next], 0, WRAP60, no_table);
            assert_eq!((text.as_ref(), n), (full.as_str(), 1), "{next}");
        }
        // One paragraph a line, five of them of one length by chance, among longer ones (a
        // title, a notice's sentences): not wrapped, or the title would swallow the number.
        let mut lines: Vec<String> = (0..5).map(|_| "字".repeat(22)).collect();
        lines.extend((0..7).map(|i| "字".repeat(30 + 3 * i)));
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        assert_eq!(wrap_width(&refs, no_table), None);
        // A wrapped text with one line pushed over by a long number still is.
        let mut lines: Vec<String> = (0..8).map(|_| "字".repeat(30)).collect();
        lines.push(format!("{}2021", "字".repeat(30)));
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        assert_eq!(wrap_width(&refs, no_table).map(|w| w.width), Some(60));
        // And one whose paragraphs' first lines are set in further than the width.
        let mut lines: Vec<String> = Vec::new();
        for _ in 0..4 {
            lines.push(format!("　　{}", "字".repeat(30)));
            lines.push("字".repeat(30));
            lines.push("字".repeat(30));
            lines.push("字字。".into());
        }
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        assert_eq!(wrap_width(&refs, no_table).map(|w| w.width), Some(60));
        // A number broken by the wrap is whole again.
        let number = format!("{}20", "字".repeat(29));
        let (text, _) = paragraph(&[&number, "21年"], 0, WRAP60, no_table);
        assert!(text.ends_with("2021年"));
    }

    #[test]
    fn a_short_copy_is_wrapped_by_its_lines_text_without_their_indents() {
        // Three lines cut mid-word, the one set in by `　　` as wide as the others by its text.
        let lines = [
            "国务院办公厅关于印发《加快构建废弃物循环利用体系的",
            "意见》的通知",
            "",
            "各省、自治区、直辖市人民政府，国务院各部委、各直属",
            "机构：",
            "　　《关于加快构建废弃物循环利用体系的意见》已经国务院",
            "同意，现印发给你们，请认真贯彻执行。",
        ];
        let wrap = wrap_width(&lines, no_table).expect("wrapped");
        assert_eq!(wrap.width, 50);
        let (text, next) = paragraph(&lines, 5, wrap, no_table);
        assert!(
            text.ends_with("国务院同意，现印发给你们，请认真贯彻执行。"),
            "{text}"
        );
        assert_eq!(next, 7);
        // Lines of one width breaking off after ASCII (code, a list of values): no prose.
        let lines = [
            "  ['1', '支持开展储能电池关键材料、', '省科技厅', '2025年底'],",
            "['a'],",
            "   ['2', '支持开展储能电池关键材料、', '省商务厅', '2025年底'],",
            "['b'],",
            "    ['3', '支持开展储能电池关键材料、', '省财政厅', '2025年底'],",
            "]",
        ];
        assert_eq!(wrap_width(&lines, no_table), None);
        // Paragraphs a line, each ending its sentence.
        let lines = [
            "　　一是坚持以需定建，摸清保障性租赁住房需求和存量土地房屋资源。",
            "二是合理确定租金，租金低于同地段同品质市场租赁住房租金水平标准。",
            "　　三是强化监督管理，建立健全住房租赁管理服务平台及时公开信息。",
        ];
        assert_eq!(wrap_width(&lines, no_table), None);
    }

    #[test]
    fn a_short_copy_is_wrapped_when_its_full_lines_break_off_mid_sentence() {
        // Three paragraphs, four lines filled to 30 characters, each cut mid-sentence.
        let lines = [
            "某某省人民政府办公厅关于做好春季农业生产工作的通知",
            "　　为切实做好春季农业生产工作，确保粮食稳产增产，经省政府同意，现就",
            "有关事项通知如下：",
            "　　一、抓好粮食生产。各地要层层压实粮食生产责任，确保粮食播种面积稳",
            "定在规定面积以上。（省农业农村厅牵头，省财政厅、省粮食和物资储备局配",
            "合）",
            "　　二、抓好农资供应。加强化肥、种子、农药等农资储备调运，确保供应充",
            "足。",
        ];
        let wrap = wrap_width(&lines, no_table).expect("wrapped");
        assert_eq!(wrap.width, 68);
        let (text, next) = paragraph(&lines, 3, wrap, no_table);
        assert!(text.ends_with("物资储备局配合）"), "{text}");
        assert_eq!(next, 6);
        // Four lines of one width that end their sentences are paragraphs a line.
        let lines = [
            "一是坚持以需定建，摸清保障性租赁住房需求和存量土地房屋资源情况。",
            "二是合理确定租金，租金低于同地段同品质市场租赁住房租金水平标准。",
            "三是强化监督管理，建立健全住房租赁管理服务平台及时公开相关信息。",
            "四是加强组织领导，各地要把发展保障性租赁住房作为重要民生工程。",
        ];
        assert_eq!(wrap_width(&lines, no_table), None);
    }
}
