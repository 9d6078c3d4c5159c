//! Decoding bytes to text the way a browser does.
//!
//! The order follows the WHATWG encoding-sniffing algorithm, reduced to what notices need:
//!
//! 1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) decides;
//! 2. for HTML, a `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…charset=…">`
//!    in the first 1024 bytes (found by a prescan like a browser's, which skips comments and
//!    other tags) names the encoding through encoding_rs's label table (`gb2312`, `GBK`, `utf8`…);
//! 3. bytes that are valid UTF-8 are UTF-8, and so are bytes that are UTF-8 but for a few
//!    damaged sequences (a stray byte, a download cut mid-character, a line pasted in another
//!    encoding): those become U+FFFD, reported as `decode_replaced`, and the rest reads as
//!    written instead of turning into GB18030 gibberish;
//! 4. text whose zero bytes nearly all sit at odd (or at even) offsets is BOM-less UTF-16;
//! 5. anything else is GB18030, which covers GBK and GB2312; a line in it that is valid UTF-8
//!    and reads as Chinese (pasted in from another source) is read as UTF-8 and reported as
//!    `decode_mixed`.
//!
//! Two deviations from a browser, both because a saved notice is more often mislabelled than
//! really in the declared encoding: a page that declares a legacy encoding but is valid,
//! non-ASCII UTF-8 is read as UTF-8, and a page that declares UTF-8 but is not valid UTF-8 is read
//! as GB18030 when that decodes cleanly. Both cases are reported as `encoding_mismatch`, and so
//! is a third: a page that declares another East Asian encoding (Big5, Shift_JIS…) but whose bytes
//! read as common Chinese only as GB18030 is read as GB18030.
//!
//! Pages labelled `gb2312` or `gbk` are decoded with the GB18030 decoder (WHATWG's GBK decoder
//! is the GB18030 decoder), so characters outside GB2312 — GBK's extensions and GB18030's
//! four-byte sequences — still decode; [`Decoded::encoding`] records the declared encoding's
//! WHATWG name (`GBK`). Bytes that still cannot be decoded become U+FFFD and are reported as
//! `decode_replaced`, with the line of the first one.

use crate::model::{Diagnostic, Severity};
use crate::normalize::TrimFast as _;
use encoding_rs::{
    BIG5, EUC_JP, EUC_KR, Encoding, GB18030, GBK, SHIFT_JIS, UTF_8, UTF_16BE, UTF_16LE,
};
use std::borrow::Cow;

/// Decoded text and how it was decoded.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text without its byte-order mark, with line endings as in the input.
    pub text: String,
    /// WHATWG name of the encoding used (`UTF-8`, `GBK`, `gb18030`, `UTF-16LE`…).
    pub encoding: String,
    /// The charset the page declared, as written (`gb2312`), when an HTML page declared one.
    pub declared: Option<String>,
    /// Declarations that disagreed with the bytes, replaced bytes.
    pub diagnostics: Vec<Diagnostic>,
}

/// How many bytes the HTML prescan looks at, as in browsers.
const PRESCAN_BYTES: usize = 1024;

/// Decodes `bytes` the way a browser would: BOM, then (for HTML) a declared charset, then valid
/// UTF-8, otherwise GB18030 (a superset of GBK and GB2312). See the module documentation.
///
/// ```
/// use gongwen_parse::decode::decode;
/// // `通知` in GBK, on a page that declares gb2312.
/// let page = b"<meta charset=gb2312><p>\xcd\xa8\xd6\xaa</p>";
/// let d = decode(page, true);
/// assert_eq!(d.encoding, "GBK");
/// assert!(d.text.contains("通知"));
/// assert!(d.diagnostics.is_empty());
/// ```
pub fn decode(bytes: &[u8], html: bool) -> Decoded {
    let d = decode_borrowed(bytes, html);
    Decoded {
        text: d.text.into_owned(),
        encoding: d.encoding,
        declared: d.declared,
        diagnostics: d.diagnostics,
    }
}

/// [`Decoded`], with the text borrowed from the input when it is valid UTF-8 already.
pub(crate) struct DecodedRef<'a> {
    pub text: Cow<'a, str>,
    pub encoding: String,
    pub declared: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// [`decode`] without copying UTF-8 input.
pub(crate) fn decode_borrowed(bytes: &[u8], html: bool) -> DecodedRef<'_> {
    let declared = if html {
        prescan_meta_charset(bytes)
    } else {
        None
    };
    let mut diagnostics = Vec::new();

    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        if let Some((label, d)) = &declared
            && family(d) != family(enc)
        {
            diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    "encoding_mismatch",
                    format!("the page declares charset `{label}` but starts with a {} byte-order mark; decoded as {}", enc.name(), enc.name()),
                    None,
                ));
        }
        let body = bytes.get(bom_len..).unwrap_or_default();
        // A UTF-8 byte-order mark that some editor or exporter put in front of GBK text: the
        // bytes after it are no UTF-8, and read as GB18030 without a fault.
        if enc == UTF_8
            && as_utf8(body).is_none()
            && !mostly_utf8(body)
            && !GB18030.decode_without_bom_handling(body).1
        {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "encoding_mismatch",
                "the text starts with a UTF-8 byte-order mark but its bytes are not UTF-8; they read as GB18030, and were decoded so",
                None,
            ));
            return finish_gb18030(body, declared.map(|(l, _)| l), diagnostics, html);
        }
        // A UTF-16 byte-order mark over UTF-8 text (UTF-8 appended to a file an editor had saved
        // empty as "Unicode"): as UTF-16 the bytes are a soup of Hangul and rare ideographs; as
        // UTF-8 they are valid and read as Chinese, which UTF-16 text almost never is.
        if (enc == UTF_16LE || enc == UTF_16BE)
            && let Some(text) = as_utf8(body).filter(|t| !t.is_ascii() && utf8_reads_as_chinese(t))
        {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "encoding_mismatch",
                format!(
                    "the text starts with a {} byte-order mark but its bytes are UTF-8 that reads as Chinese; decoded as UTF-8",
                    enc.name()
                ),
                None,
            ));
            return finish_utf8(text, declared.map(|(l, _)| l), diagnostics);
        }
        return finish(
            enc,
            enc.name(),
            body,
            declared.map(|(l, _)| l),
            diagnostics,
            html,
        );
    }

    if let Some((label, d)) = declared {
        let utf8 = as_utf8(bytes);
        let non_ascii = !bytes.is_ascii();
        if d == UTF_8 {
            if let Some(text) = utf8 {
                return finish_utf8(text, Some(label), diagnostics);
            }
            if mostly_utf8(bytes) {
                return finish(UTF_8, UTF_8.name(), bytes, Some(label), diagnostics, html);
            }
            let (_, _, gb_errors) = GB18030.decode(bytes);
            if !gb_errors {
                diagnostics.push(mismatch(&label, "is not valid UTF-8", "gb18030"));
                return finish_gb18030(bytes, Some(label), diagnostics, html);
            }
            return finish(UTF_8, UTF_8.name(), bytes, Some(label), diagnostics, html);
        }
        if let Some(text) = utf8.filter(|t| non_ascii && utf8_reads_as_chinese(t)) {
            diagnostics.push(mismatch(&label, "is valid UTF-8", "UTF-8"));
            return finish_utf8(text, Some(label), diagnostics);
        }
        if d == GBK || d == GB18030 {
            return finish(GB18030, d.name(), bytes, Some(label), diagnostics, html);
        }
        if d.is_single_byte() && non_ascii && looks_like_gb18030(bytes) {
            diagnostics.push(mismatch(
                &label,
                "read as GB18030 give Chinese text",
                "gb18030",
            ));
            return finish_gb18030(bytes, Some(label), diagnostics, html);
        }
        if non_ascii && is_other_cjk(d) && reads_better_as_gb18030(d, bytes) {
            diagnostics.push(mismatch(
                &label,
                "read as GB18030 give common Chinese characters",
                "gb18030",
            ));
            return finish_gb18030(bytes, Some(label), diagnostics, html);
        }
        return finish(d, d.name(), bytes, Some(label), diagnostics, html);
    }

    if let Some(text) = as_utf8(bytes) {
        return finish_utf8(text, None, diagnostics);
    }
    if mostly_utf8(bytes) {
        return finish(UTF_8, UTF_8.name(), bytes, None, diagnostics, html);
    }
    if let Some(enc) = looks_like_utf16(bytes) {
        diagnostics.push(Diagnostic::new(
            Severity::Info,
            "encoding_guessed",
            format!(
                "no byte-order mark, but the bytes read as {}; decoded as {}",
                enc.name(),
                enc.name()
            ),
            None,
        ));
        return finish(enc, enc.name(), bytes, None, diagnostics, html);
    }
    // Traditional Chinese in Big5 (a notice from Hong Kong, Macao or Taiwan): its bytes decode as
    // GB18030 too, to rare characters; as Big5 they give the characters common to Chinese text.
    if !bytes.is_ascii() && reads_better_as(BIG5, GB18030, bytes) {
        diagnostics.push(Diagnostic::new(
            Severity::Info,
            "encoding_guessed",
            "no byte-order mark or declared charset, and the bytes are no UTF-8; they read as Chinese in Big5, not in GB18030, and were decoded as Big5",
            None,
        ));
        return finish(BIG5, BIG5.name(), bytes, None, diagnostics, html);
    }
    finish_gb18030(bytes, None, diagnostics, html)
}

/// True when `bytes`, not valid UTF-8, are UTF-8 with a few damaged sequences: a download cut
/// mid-character, one stray byte, a line pasted in another encoding. At least twenty valid
/// multi-byte characters for every invalid sequence, and no more than one invalid sequence in a
/// thousand bytes, the first one free (a short notice of a few hundred characters cut
/// mid-character is UTF-8 too). Text in GBK or GB18030 fails at once: its byte pairs are almost
/// never valid UTF-8, so the scan gives up after a few dozen of them, and twenty three-byte Han
/// sequences in a row do not come about by chance.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        let (good, next) = match std::str::from_utf8(rest) {
            Ok(s) => (s.as_bytes(), None),
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                let skip = e.error_len().unwrap_or(bad.len()).max(1);
                (good, bad.get(skip..))
            }
        };
        // Characters of more than one byte: their lead bytes.
        valid += good.iter().filter(|&&b| b >= 0xC0).count();
        let Some(next) = next else { break };
        invalid += 1;
        if invalid >= 16 && invalid * 20 > valid {
            return false;
        }
        rest = next;
    }
    invalid > 0 && invalid * 20 <= valid && (invalid - 1) * 1000 <= bytes.len()
}

/// True when `bytes` (valid UTF-8) decode to text whose non-ASCII characters are mostly CJK:
/// short GBK runs can be valid UTF-8 by accident, but then they read as stray Latin, Greek or
/// Hebrew letters, never as Chinese.
fn utf8_reads_as_chinese(text: &str) -> bool {
    let (mut non_ascii, mut cjk) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        if crate::normalize::is_cjk(c) || c == '\u{3000}' {
            cjk += 1;
        }
    }
    cjk >= 2 && cjk * 10 >= non_ascii * 8
}

fn mismatch(label: &str, finding: &str, used: &str) -> Diagnostic {
    Diagnostic::new(
        Severity::Warning,
        "encoding_mismatch",
        format!("the page declares charset `{label}` but its bytes {finding}; decoded as {used}"),
        None,
    )
}

/// Encodings that decode the same bytes the same way count as one (GBK ⊂ GB18030).
fn family(e: &'static Encoding) -> &'static str {
    if e == GBK || e == GB18030 {
        GB18030.name()
    } else {
        e.name()
    }
}

/// `bytes` as text when they are valid UTF-8, checked with SIMD (`simdutf8`): on Chinese text,
/// where every character takes three bytes, about 0.5 instructions a byte where encoding_rs's
/// validator takes five or six and `std::str::from_utf8` ten (callgrind). Which bytes are valid
/// is the same for all three (the test below); only the speed differs.
fn as_utf8(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// Text already validated as UTF-8 (without a BOM): borrowed, not decoded and validated again.
fn finish_utf8(
    text: &str,
    declared: Option<String>,
    diagnostics: Vec<Diagnostic>,
) -> DecodedRef<'_> {
    DecodedRef {
        text: Cow::Borrowed(text),
        encoding: UTF_8.name().to_string(),
        declared,
        diagnostics,
    }
}

/// [`finish`] with GB18030, under its own name.
fn finish_gb18030(
    bytes: &[u8],
    declared: Option<String>,
    diagnostics: Vec<Diagnostic>,
    html: bool,
) -> DecodedRef<'_> {
    finish(GB18030, GB18030.name(), bytes, declared, diagnostics, html)
}

/// Decodes with `enc` (no BOM handling), reporting replaced bytes with the line of the first.
fn finish<'a>(
    enc: &'static Encoding,
    name: &str,
    bytes: &'a [u8],
    declared: Option<String>,
    mut diagnostics: Vec<Diagnostic>,
    html: bool,
) -> DecodedRef<'a> {
    let (text, had_errors) = if enc == GB18030 {
        match decode_mixed_lines(bytes, html, &mut diagnostics) {
            Some(mixed) => mixed,
            None => enc.decode_without_bom_handling(bytes),
        }
    } else {
        enc.decode_without_bom_handling(bytes)
    };
    if had_errors {
        let count = text.chars().filter(|&c| c == '\u{FFFD}').count();
        let line = text.find('\u{FFFD}').map(|pos| line_of(&text, pos));
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            "decode_replaced",
            format!("{count} byte sequence(s) are not valid {name} and were replaced with U+FFFD"),
            line,
        ));
    }
    DecodedRef {
        text,
        encoding: name.to_string(),
        declared,
        diagnostics,
    }
}

/// GB18030 text with lines pasted in as UTF-8 (a notice assembled from two sources): each such
/// line is read as UTF-8, the rest as GB18030, and a `decode_mixed` warning names the first.
/// `None` (decode the whole as GB18030) when no line is UTF-8. On a page (`html`) a paragraph
/// pasted in as UTF-8 shares its line with GBK markup (`<font face="仿宋_GB2312">` before it, a
/// further paragraph after it): in a line that is not UTF-8 as a whole, each run of text between
/// tags is looked at as a line is ([`utf8_runs_between_tags`]).
///
/// A line counts as UTF-8 when it is valid UTF-8 and reads as Chinese, with at least three CJK
/// characters ([`utf8_reads_as_chinese`]): GBK's byte pairs almost never line up into UTF-8's
/// three-byte Han sequences, and when a short run does, it reads as stray Latin, Greek or
/// Hebrew letters. A shorter line that is valid UTF-8 and reads as CJK alone (`附件`) is UTF-8
/// when most of the file's lines are. A GBK line fails the UTF-8 check within its first few
/// bytes, so a file without pasted lines costs one short check per line.
fn decode_mixed_lines<'a>(
    bytes: &'a [u8],
    html: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Cow<'a, str>, bool)> {
    let mut utf8_lines: Vec<(usize, usize, usize)> = Vec::new();
    // Short lines that are valid UTF-8 and read as CJK alone (`附件`, `一、`): too short to tell
    // by themselves, they go with the file's majority.
    let mut short_lines: Vec<(usize, usize, usize)> = Vec::new();
    let mut gb_lines = 0usize;
    let (mut start, mut line) = (0usize, 1usize);
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i + 1);
        let piece = &bytes[start..end];
        if !piece.is_ascii() {
            match std::str::from_utf8(piece) {
                Ok(text)
                    if text
                        .chars()
                        .filter(|&c| crate::normalize::is_cjk(c))
                        .nth(2)
                        .is_some()
                        && utf8_reads_as_chinese(text) =>
                {
                    utf8_lines.push((start, end, line));
                }
                Ok(text)
                    if text
                        .chars()
                        .all(|c| c.is_ascii() || crate::normalize::is_cjk(c)) =>
                {
                    short_lines.push((start, end, line));
                }
                _ => {
                    gb_lines += 1;
                    if html {
                        utf8_runs_between_tags(piece, start, line, &mut utf8_lines);
                    }
                }
            }
        }
        start = end;
        line += 1;
    }
    if utf8_lines.len() > gb_lines && !short_lines.is_empty() {
        utf8_lines.extend(short_lines);
        utf8_lines.sort_unstable();
    }
    let &(_, _, first) = utf8_lines.first()?;
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut errors = false;
    let mut at = 0;
    for &(start, end, _) in &utf8_lines {
        let (gb, e) = GB18030.decode_without_bom_handling(&bytes[at..start]);
        errors |= e;
        text.push_str(&gb);
        text.push_str(std::str::from_utf8(&bytes[start..end]).unwrap_or_default());
        at = end;
    }
    let (gb, e) = GB18030.decode_without_bom_handling(&bytes[at..]);
    errors |= e;
    text.push_str(&gb);
    let what = if html { "passage(s)" } else { "line(s)" };
    diagnostics.push(Diagnostic::new(
        Severity::Warning,
        "decode_mixed",
        format!(
            "{} {what} of this GB18030 text are UTF-8 (the first is line {first}); they were read as UTF-8",
            utf8_lines.len()
        ),
        Some(first),
    ));
    Some((Cow::Owned(text), errors))
}

/// The runs of text between the tags of `piece`, a line of a page that is not UTF-8 as a whole,
/// that are (valid UTF-8 with at least three CJK characters, reading as Chinese, as a line must
/// be in [`decode_mixed_lines`]), pushed to `out` as byte ranges of the page (`offset` is where
/// the line starts) with the line's number. `<` and `>` are never part of a GBK character (its
/// second byte is 0x40 or more), so the line parts at them without cutting one; a GBK run fails
/// the UTF-8 check at its first characters.
fn utf8_runs_between_tags(
    piece: &[u8],
    offset: usize,
    line: usize,
    out: &mut Vec<(usize, usize, usize)>,
) {
    let mut from = 0;
    while from < piece.len() {
        let to = memchr::memchr(b'<', &piece[from..]).map_or(piece.len(), |i| from + i);
        let run = &piece[from..to];
        if !run.is_ascii()
            && let Ok(text) = std::str::from_utf8(run)
            && text
                .chars()
                .filter(|&c| crate::normalize::is_cjk(c))
                .nth(2)
                .is_some()
            && utf8_reads_as_chinese(text)
        {
            out.push((offset + from, offset + to, line));
        }
        // The next run starts after the tag's `>`.
        match memchr::memchr(b'>', &piece[to..]) {
            Some(i) => from = to + i + 1,
            None => break,
        }
    }
}

/// 1-based line of byte offset `pos`, counting `\n`, `\r\n` and a lone `\r` as one break each.
fn line_of(text: &str, pos: usize) -> usize {
    let head = text.as_bytes().get(..pos).unwrap_or_default();
    let mut line = 1;
    let mut prev_cr = false;
    for &b in head {
        match b {
            b'\r' => line += 1,
            b'\n' if !prev_cr => line += 1,
            _ => {}
        }
        prev_cr = b == b'\r';
    }
    line
}

/// BOM-less UTF-16: text with zero bytes, nearly all at odd offsets (LE) or at even offsets (BE),
/// or — Chinese text with few ASCII characters has few zero bytes — text whose bytes at one
/// parity are nearly all the high bytes of Chinese text (CJK ideographs U+3400–U+9FFF, CJK and
/// full-width punctuation, general punctuation, ASCII) while those at the other are spread out,
/// and that then decodes without errors to Chinese text. GB18030 and UTF-8 text never contain
/// zero bytes, and their lead bytes (0x81–0xFE) lie outside those high bytes.
///
/// ```
/// let bytes: Vec<u8> = "国务院\n关于印发的通知\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
/// assert_eq!(gongwen_parse::decode::looks_like_utf16(&bytes), Some(encoding_rs::UTF_16LE));
/// let long: Vec<u8> = "国务院关于印发某某办法的通知，请认真贯彻执行。".encode_utf16().flat_map(u16::to_be_bytes).collect();
/// assert_eq!(gongwen_parse::decode::looks_like_utf16(&long), Some(encoding_rs::UTF_16BE));
/// assert_eq!(gongwen_parse::decode::looks_like_utf16("通知".as_bytes()), None);
/// ```
pub fn looks_like_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 {
        return None;
    }
    // A file cut after an odd byte is still judged by its whole code units.
    let whole = &bytes[..bytes.len() & !1];
    let sample = &whole[..whole.len().min(64 * 1024)];
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in sample.iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    // Han characters whose low byte is zero (一 is U+4E00) put a few zeros at the other parity.
    let enc = if odd * 50 >= sample.len() && even * 4 <= odd {
        UTF_16LE
    } else if even * 50 >= sample.len() && odd * 4 <= even {
        UTF_16BE
    } else {
        let enc = high_byte_parity(sample)?;
        let (text, errors) = enc.decode_without_bom_handling(whole);
        let controls = text
            .chars()
            .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
            .count();
        return (!errors && controls * 200 <= whole.len() && utf8_reads_as_chinese(&text))
            .then_some(enc);
    };
    let (_, errors) = enc.decode_without_bom_handling(whole);
    (!errors).then_some(enc)
}

/// The UTF-16 byte order whose high bytes `sample` (of whole code units) holds at one parity:
/// 95% of the bytes there may be a high byte of Chinese text and a third are the CJK
/// ideographs', while the other parity's bytes are spread out. The scan gives up as soon as
/// both parities have missed too often, which UTF-8 and GB18030 text do within a few hundred
/// bytes (their lead bytes are no such high bytes).
fn high_byte_parity(sample: &[u8]) -> Option<&'static Encoding> {
    let pairs = sample.len() / 2;
    if pairs < 8 {
        return None;
    }
    let (mut missed, mut han) = ([0usize; 2], [0usize; 2]);
    for (n, pair) in sample.chunks_exact(2).enumerate() {
        for (k, &b) in pair.iter().enumerate() {
            missed[k] += usize::from(!matches!(b, 0x00 | 0x20..=0x27 | 0x30..=0x9F | 0xFE | 0xFF));
            han[k] += usize::from(matches!(b, 0x4E..=0x9F));
        }
        if n % 64 == 63 && missed[0] * 20 > pairs && missed[1] * 20 > pairs {
            return None;
        }
    }
    let is_high =
        |k: usize| missed[k] * 20 <= pairs && han[k] * 3 >= pairs && missed[1 - k] * 5 >= pairs;
    if is_high(1) {
        Some(UTF_16LE)
    } else if is_high(0) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// A double-byte East Asian encoding other than the GB family: Big5, Shift_JIS, EUC-JP, EUC-KR.
fn is_other_cjk(e: &'static Encoding) -> bool {
    [BIG5, SHIFT_JIS, EUC_JP, EUC_KR].contains(&e)
}

/// Common characters of Chinese text written alike in simplified and traditional script, sorted.
static COMMON_HAN: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
    let mut v: Vec<char> = "的一是在不了有和人中大上以要生到作地出就分成可主年同工也能下子而方多定行法所\
        民得十三之部度家力里如水化高自二理起小物加量都本去性好其些然前外天政四日那社事平形相全表各重\
        新正心明看原又利比或但第向道命此只意建月公者最立已提直五果位入常文次品式及管特件求老基路少山\
        知手期根指九西被做必先回任取南色即保治北造百七海口器志世金增油思交受六共收改清己美再更打白安\
        身例真具每目至走示完八名才科信米空元今土步石段界林律且究算低持布容非深近千周委素半青省列史便\
        往市克何除府太精值率存快效院查江型眼王按格易置片始包火住引"
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
});

fn common_han(text: &str) -> usize {
    text.chars()
        .filter(|c| !c.is_ascii() && COMMON_HAN.binary_search(c).is_ok())
        .count()
}

/// True when `bytes`, declared in `declared` (Big5, Shift_JIS…), are GB18030 text: they decode
/// as GB18030 without errors, to at least twice as many of the characters common to Chinese in
/// both scripts as the declared encoding gives (GBK bytes read as Big5 are rare characters and
/// replaced bytes; Big5 read as GB18030 is the same gibberish the other way).
fn reads_better_as_gb18030(declared: &'static Encoding, bytes: &[u8]) -> bool {
    reads_better_as(GB18030, declared, bytes)
}

/// True when `bytes` decode as `better` without errors, to at least twice as many of the
/// characters common to Chinese in both scripts as `other` gives, and five more. Judged on the
/// first [`JUDGED_BYTES`] bytes: a page of text tells the scripts apart, and a long file is not
/// decoded twice more to choose.
fn reads_better_as(better: &'static Encoding, other: &'static Encoding, bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(JUDGED_BYTES)];
    let cut = head.len() < bytes.len();
    let Some(good) = decode_head(better, head, cut) else {
        return false;
    };
    let worse = decode_head(other, head, cut).unwrap_or_default();
    common_han(&good) >= 2 * common_han(&worse) + 5
}

/// How many bytes [`reads_better_as`] decodes.
const JUDGED_BYTES: usize = 8192;

/// `head` decoded with `enc`, or `None` when some bytes are not valid in it; when the head was
/// `cut` from a longer text, a character cut at its end is no error.
fn decode_head(enc: &'static Encoding, head: &[u8], cut: bool) -> Option<String> {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(decoder.max_utf8_buffer_length(head.len())?);
    let (result, _, errors) = decoder.decode_to_string(head, &mut out, !cut);
    (result == encoding_rs::CoderResult::InputEmpty && !errors).then_some(out)
}

/// True when the bytes decode as GB18030 without errors and most non-ASCII characters are Han.
fn looks_like_gb18030(bytes: &[u8]) -> bool {
    let (text, _, errors) = GB18030.decode(bytes);
    if errors {
        return false;
    }
    let (mut han, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if crate::normalize::is_cjk(c) {
            han += 1;
        } else {
            other += 1;
        }
    }
    han > 0 && han >= other * 4
}

/// The charset a page declares in a `<meta>` within its first 1024 bytes, as the label written
/// and the encoding it names. Follows the WHATWG prescan: comments and other tags are skipped,
/// `charset` wins over `http-equiv`/`content`, and a declared UTF-16 means UTF-8 (the
/// declaration could not have been read otherwise).
pub fn prescan_meta_charset(bytes: &[u8]) -> Option<(String, &'static Encoding)> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut i = 0;
    while i < head.len() {
        if head[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &head[i..];
        if rest.starts_with(b"<!--") {
            i = match find(head, i + 4, b"-->") {
                Some(end) => end + 3,
                None => return None,
            };
            continue;
        }
        if rest.len() > 5
            && rest[..5].eq_ignore_ascii_case(b"<meta")
            && matches!(rest[5], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/')
        {
            let (attrs, end) = tag_attributes(head, i + 5);
            i = end;
            if let Some(found) = meta_charset(&attrs) {
                return Some(found);
            }
            continue;
        }
        if rest.len() > 1 && (rest[1].is_ascii_alphabetic() || rest[1] == b'/') {
            let start = if rest[1] == b'/' { i + 2 } else { i + 1 };
            i = scan_tag(head, start, |_, _| {});
            continue;
        }
        if rest.len() > 1 && (rest[1] == b'!' || rest[1] == b'?') {
            i = match find(head, i + 2, b">") {
                Some(end) => end + 1,
                None => return None,
            };
            continue;
        }
        i += 1;
    }
    None
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let tail = hay.get(from..)?;
    tail.windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Reads a tag's attributes starting after its name; returns them (names lowercased) and the
/// offset after the closing `>` (or the end of the buffer).
fn tag_attributes(buf: &[u8], i: usize) -> (Vec<(String, String)>, usize) {
    let mut attrs = Vec::new();
    let end = scan_tag(buf, i, |name, value| {
        attrs.push((
            String::from_utf8_lossy(name).to_ascii_lowercase(),
            String::from_utf8_lossy(value).into_owned(),
        ));
    });
    (attrs, end)
}

/// Reads a tag from after its name to the offset after its closing `>` (or the end of the
/// buffer), handing each attribute's name and raw value (empty when absent) to `attr`: the
/// prescan skips the tags that are not `<meta>` without copying their attributes.
fn scan_tag(buf: &[u8], mut i: usize, mut attr: impl FnMut(&[u8], &[u8])) -> usize {
    let at = |i: usize| buf.get(i).copied();
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    // Skip the rest of the tag name.
    while at(i).is_some_and(|b| !space(b) && b != b'/' && b != b'>') {
        i += 1;
    }
    loop {
        while at(i).is_some_and(|b| space(b) || b == b'/') {
            i += 1;
        }
        match at(i) {
            None => return i,
            Some(b'>') => return i + 1,
            Some(_) => {}
        }
        let name_start = i;
        while at(i).is_some_and(|b| !space(b) && !matches!(b, b'/' | b'>' | b'=')) {
            i += 1;
        }
        let name = buf.get(name_start..i).unwrap_or_default();
        while at(i).is_some_and(space) {
            i += 1;
        }
        let mut value: &[u8] = &[];
        if at(i) == Some(b'=') {
            i += 1;
            while at(i).is_some_and(space) {
                i += 1;
            }
            match at(i) {
                Some(quote @ (b'"' | b'\'')) => {
                    let start = i + 1;
                    let end = buf
                        .get(start..)
                        .and_then(|rest| rest.iter().position(|&b| b == quote))
                        .map_or(buf.len(), |p| start + p);
                    value = buf.get(start..end).unwrap_or_default();
                    i = (end + 1).min(buf.len());
                }
                _ => {
                    let start = i;
                    while at(i).is_some_and(|b| !space(b) && b != b'>') {
                        i += 1;
                    }
                    value = buf.get(start..i).unwrap_or_default();
                }
            }
        }
        if !name.is_empty() {
            attr(name, value);
        }
    }
}

fn meta_charset(attrs: &[(String, String)]) -> Option<(String, &'static Encoding)> {
    let get = |n: &str| attrs.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_str());
    let label = match get("charset") {
        Some(c) => c.trim_ws().to_string(),
        None => {
            let equiv = get("http-equiv")?;
            if !equiv.trim_ws().eq_ignore_ascii_case("content-type") {
                return None;
            }
            charset_from_content(get("content")?)?
        }
    };
    let enc = Encoding::for_label_no_replacement(label.as_bytes())?;
    let enc = if enc == UTF_16LE || enc == UTF_16BE {
        UTF_8
    } else if enc.name() == "x-user-defined" {
        encoding_rs::WINDOWS_1252
    } else {
        enc
    };
    Some((label, enc))
}

/// `text/html; charset=gb2312` → `gb2312`.
fn charset_from_content(content: &str) -> Option<String> {
    let lower = content.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find("charset") {
        let after = from + p + "charset".len();
        let rest = lower[after..].trim_start();
        if let Some(v) = rest.strip_prefix('=') {
            let v = v.trim_start();
            let value = if let Some(q) = v.strip_prefix(['"', '\'']) {
                let quote = v.as_bytes().first().copied().unwrap_or(b'"') as char;
                q.split(quote).next().unwrap_or_default()
            } else {
                v.split([';', ' ', '\t', '\n', '\r', '"', '\''])
                    .next()
                    .unwrap_or_default()
            };
            return (!value.is_empty()).then(|| value.to_string());
        }
        from = after;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(s: &str) -> Vec<u8> {
        GBK.encode(s).0.into_owned()
    }

    #[test]
    fn utf8_check_agrees_with_std_on_every_kind_of_bad_byte_at_every_offset() {
        // Valid text of one-, two-, three- and four-byte characters, long enough to cross the
        // SIMD reader's 64-byte blocks, with one bad sequence set in at every offset: lone
        // continuation bytes, overlong forms, surrogates, code points past U+10FFFF, bytes that
        // never occur, and sequences cut short (also at the very end).
        let good = "国务院关于印发，（一）a1 é€𝄞办法。".repeat(5);
        let bad: [&[u8]; 13] = [
            &[0x80],
            &[0xBF],
            &[0xC0, 0xAF],
            &[0xC1, 0xBF],
            &[0xE0, 0x80, 0xAF],
            &[0xED, 0xA0, 0x80],
            &[0xF0, 0x80, 0x80, 0xAF],
            &[0xF4, 0x90, 0x80, 0x80],
            &[0xF5, 0x80, 0x80, 0x80],
            &[0xFF],
            &[0xE5, 0x9B],
            &[0xF0, 0x9D, 0x84],
            &[0xC3],
        ];
        let mut cases = 0;
        for at in 0..=good.len() {
            let mut bytes = good.as_bytes().to_vec();
            assert_eq!(
                as_utf8(&bytes[..at]),
                std::str::from_utf8(&bytes[..at]).ok()
            );
            for b in bad {
                bytes.truncate(at);
                bytes.extend_from_slice(b);
                bytes.extend_from_slice(&good.as_bytes()[at..]);
                assert_eq!(
                    as_utf8(&bytes).is_some(),
                    std::str::from_utf8(&bytes).is_ok(),
                    "{b:02X?} at byte {at}"
                );
                cases += 1;
            }
        }
        assert!(cases > 2000);
        assert_eq!(as_utf8(good.as_bytes()), Some(good.as_str()));
    }

    #[test]
    fn bom_decides_and_is_removed() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "通知\r\n".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let d = decode(&bytes, false);
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str()),
            ("通知\r\n", "UTF-16LE")
        );
        let mut bytes = vec![0xFE, 0xFF];
        for u in "通知".encode_utf16() {
            bytes.extend(u.to_be_bytes());
        }
        assert_eq!(decode(&bytes, false).encoding, "UTF-16BE");
        let d = decode("\u{feff}通知".as_bytes(), false);
        assert_eq!((d.text.as_str(), d.encoding.as_str()), ("通知", "UTF-8"));
    }

    #[test]
    fn http_equiv_gb2312_decodes_gbk_and_gb18030_characters() {
        // 镕 is GBK but not GB2312; 𠀀 (U+20000) needs GB18030's four-byte form.
        let mut page = b"<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=gb2312\"></head><body>".to_vec();
        page.extend(gbk("朱镕基"));
        page.extend(GB18030.encode("\u{20000}").0.iter());
        page.extend(b"</body></html>");
        let d = decode(&page, true);
        assert_eq!(d.encoding, "GBK");
        assert_eq!(d.declared.as_deref(), Some("gb2312"));
        assert!(d.text.contains("朱镕基\u{20000}"), "{}", d.text);
        assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    }

    #[test]
    fn prescan_skips_comments_and_reads_quoted_and_unquoted_values() {
        assert_eq!(
            prescan_meta_charset(b"<!-- <meta charset=big5> --><meta charset='GB18030'>")
                .map(|x| x.0),
            Some("GB18030".into())
        );
        assert_eq!(
            prescan_meta_charset(b"<meta content='text/html;charset=gbk' http-equiv=content-type>")
                .map(|x| x.1),
            Some(GBK)
        );
        assert_eq!(
            prescan_meta_charset(b"<meta charset=utf-16>").map(|x| x.1),
            Some(UTF_8)
        );
        assert_eq!(
            prescan_meta_charset(b"<meta name=description content='charset=gbk'>"),
            None
        );
        assert_eq!(
            prescan_meta_charset(b"<title>x</title><meta charset=nonsense><meta charset=gbk>")
                .map(|x| x.1),
            Some(GBK)
        );
        // Another tag's quoted value may hold `>` or a meta-like text: it is skipped whole.
        assert_eq!(
            prescan_meta_charset(
                b"<a title='> <meta charset=big5>' href=x><meta http-equiv=Content-Type content=\"text/html; charset=gbk\">"
            )
            .map(|x| x.1),
            Some(GBK)
        );
        let mut late = vec![b' '; 1100];
        late.extend(b"<meta charset=gbk>");
        assert_eq!(prescan_meta_charset(&late), None);
    }

    #[test]
    fn declared_utf8_with_gbk_bytes_is_a_mismatch() {
        let mut page = b"<meta charset=\"utf-8\"><p>".to_vec();
        page.extend(gbk("国务院关于印发某某办法的通知"));
        let d = decode(&page, true);
        assert_eq!(d.encoding, "gb18030");
        assert!(d.text.contains("国务院关于印发某某办法的通知"));
        assert!(
            d.diagnostics.iter().any(|x| x.code == "encoding_mismatch"),
            "{:?}",
            d.diagnostics
        );
    }

    #[test]
    fn declared_gbk_with_utf8_bytes_is_a_mismatch() {
        let d = decode("<meta charset=gbk><p>国务院</p>".as_bytes(), true);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("国务院"));
        assert_eq!(d.diagnostics.len(), 1);
        assert_eq!(d.diagnostics[0].code, "encoding_mismatch");
    }

    #[test]
    fn latin1_label_on_chinese_bytes_is_a_mismatch() {
        let mut page = b"<meta charset=iso-8859-1><p>".to_vec();
        page.extend(gbk("国务院关于印发某某办法的通知"));
        let d = decode(&page, true);
        assert_eq!(d.encoding, "gb18030");
        assert!(d.text.contains("国务院"));
    }

    #[test]
    fn invalid_bytes_are_replaced_and_reported_with_their_line() {
        let mut bytes = gbk("第一行\n第二行\n");
        bytes.extend([0x81, 0x20]); // a lead byte without a valid trail byte
        let d = decode(&bytes, false);
        assert_eq!(d.encoding, "gb18030");
        let diag = d
            .diagnostics
            .iter()
            .find(|x| x.code == "decode_replaced")
            .expect("a decode_replaced diagnostic");
        assert_eq!(diag.line, Some(3));
    }

    #[test]
    fn a_utf8_line_pasted_into_gbk_text_reads_as_written() {
        let mut bytes = gbk("某某市人民政府关于印发工作方案的通知\n各区县人民政府：\n");
        bytes.extend_from_slice("现将《某某工作方案》印发给你们，请认真贯彻执行。\n".as_bytes());
        bytes.extend(gbk("某某市人民政府\n2021年9月1日\n"));
        let d = decode(&bytes, false);
        assert_eq!(d.encoding, "gb18030");
        assert_eq!(
            d.text,
            "某某市人民政府关于印发工作方案的通知\n各区县人民政府：\n现将《某某工作方案》印发给你们，请认真贯彻执行。\n某某市人民政府\n2021年9月1日\n"
        );
        assert_eq!(d.diagnostics.len(), 1, "{:?}", d.diagnostics);
        assert_eq!(d.diagnostics[0].code, "decode_mixed");
        assert_eq!(d.diagnostics[0].line, Some(3));
        // The same on a page that declares GBK.
        let mut page = b"<meta charset=gbk>\n".to_vec();
        page.extend_from_slice(&bytes);
        let d = decode(&page, true);
        assert!(
            d.text.contains("现将《某某工作方案》印发给你们"),
            "{}",
            d.text
        );
        assert_eq!(d.diagnostics[0].line, Some(4));
    }

    #[test]
    fn a_short_line_that_reads_both_ways_goes_with_the_files_majority() {
        // A UTF-8 notice with one row pasted from a GBK source: `附件` is valid UTF-8 and valid
        // GB18030 (`闄勪欢`); most lines being UTF-8, it is UTF-8 too.
        let mut bytes = "某某市人民政府关于印发工作方案的通知\n各区县人民政府：\n现将《某某工作方案》印发给你们，请认真贯彻执行。\n附件\n"
            .as_bytes()
            .to_vec();
        bytes.extend(gbk("1\t推进某某重点工作\t市发展改革委\n"));
        bytes.extend_from_slice("某某市人民政府\n2021年9月1日\n".as_bytes());
        let d = decode(&bytes, false);
        assert!(d.text.contains("\n附件\n"), "{}", d.text);
        assert!(d.text.contains("推进某某重点工作"), "{}", d.text);
        // In a GBK file with one pasted UTF-8 line, a short GBK line stays GBK.
        let mut bytes = gbk("某某市人民政府关于印发工作方案的通知\n各区县人民政府：\n附件\n一、\n");
        bytes.extend_from_slice("现将《某某工作方案》印发给你们，请认真贯彻执行。\n".as_bytes());
        bytes.extend(gbk("某某市人民政府\n2021年9月1日\n"));
        let d = decode(&bytes, false);
        assert!(d.text.contains("\n附件\n一、\n现将"), "{}", d.text);
    }

    #[test]
    fn gbk_text_alone_is_not_mistaken_for_pasted_utf8() {
        // Lines of every length, none of them UTF-8: no line is read any other way.
        let text = "通知\n关于\n国务院办公厅\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n（此件公开发布）\n";
        let d = decode(&gbk(text), false);
        assert_eq!(d.text, text);
        assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    }

    #[test]
    fn undeclared_text_is_utf8_then_utf16_then_gb18030() {
        assert_eq!(decode("通知".as_bytes(), false).encoding, "UTF-8");
        assert_eq!(decode(b"plain ascii", true).encoding, "UTF-8");
        let d = decode(&gbk("国务院\r\n通知"), false);
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str()),
            ("国务院\r\n通知", "gb18030")
        );
        assert!(d.diagnostics.is_empty());
        let mut le = Vec::new();
        for u in "国务院\n关于印发的通知\n".encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&le, false).text, "国务院\n关于印发的通知\n");
    }

    #[test]
    fn line_of_counts_every_line_ending() {
        assert_eq!(line_of("a\r\nb\rc\nd", 7), 4);
        assert_eq!(line_of("abc", 0), 1);
    }

    /// A short notice, as a download or copy leaves it.
    const SHORT: &str = "重庆市人民政府关于加强数字政府建设的通知\n各区县（自治县）人民政府，市政府各部门：\n现将有关事项通知如下。\n一、总体要求\n（一）指导思想。以数据共享为重点，推进政务服务一网通办。\n（二）推进数据共享开放。完善公共数据目录体系。\n";

    #[test]
    fn a_short_utf8_text_cut_mid_character_stays_utf8() {
        // Under a thousand bytes, cut inside the last character, or one byte lost in the middle:
        // one bad sequence, and the text is still UTF-8 (it used to be read as GB18030).
        assert!(SHORT.len() < 1000);
        let cut = &SHORT.as_bytes()[..SHORT.len() - 3];
        let mut lost = SHORT.as_bytes().to_vec();
        lost.remove(SHORT.find("目录").unwrap() + 1);
        for bytes in [cut, &lost[..]] {
            assert!(std::str::from_utf8(bytes).is_err());
            let d = decode(bytes, false);
            assert_eq!(d.encoding, "UTF-8");
            assert!(
                d.text.contains("（一）指导思想。以数据共享为重点"),
                "{}",
                d.text
            );
            let codes: Vec<_> = d.diagnostics.iter().map(|d| d.code.as_str()).collect();
            assert_eq!(codes, ["decode_replaced"]);
        }
        // Two bad sequences in under a thousand bytes are more than a cut: not taken for UTF-8
        // on that ground (the rule's first sequence is free, the second is not).
        let mut twice = lost.clone();
        twice.truncate(twice.len() - 2);
        assert!(!mostly_utf8(&twice));
        assert!(mostly_utf8(&lost));
        // GBK text never passes for damaged UTF-8, however short.
        assert!(!mostly_utf8(&gbk(SHORT)));
        assert_eq!(decode(&gbk(SHORT), false).encoding, "gb18030");
    }

    #[test]
    fn a_utf16_byte_order_mark_over_utf8_text_is_read_as_utf8_with_a_warning() {
        for bom in [&[0xFF, 0xFE][..], &[0xFE, 0xFF][..]] {
            let mut bytes = bom.to_vec();
            bytes.extend_from_slice(SHORT.as_bytes());
            let d = decode(&bytes, false);
            assert_eq!(d.encoding, "UTF-8");
            assert_eq!(d.text, SHORT);
            assert_eq!(d.diagnostics.len(), 1);
            assert_eq!(d.diagnostics[0].code, "encoding_mismatch");
        }
        // Real UTF-16 behind its mark is untouched.
        let mut utf16 = vec![0xFF, 0xFE];
        for u in SHORT.encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&utf16, false);
        assert_eq!(d.encoding, "UTF-16LE");
        assert_eq!(d.text, SHORT);
        assert!(d.diagnostics.is_empty());
    }

    #[test]
    fn big5_text_without_a_declaration_is_read_as_big5() {
        let traditional = "臺北市政府關於加強數位政府建設的通知\n各區公所、市政府各機關：\n現將有關事項通知如下。\n一、總體要求\n以資料共享為重點，推進政務服務。\n";
        let bytes = BIG5.encode(traditional).0.into_owned();
        let d = decode(&bytes, false);
        assert_eq!(d.encoding, "Big5");
        assert_eq!(d.text, traditional);
        assert_eq!(d.diagnostics[0].code, "encoding_guessed");
        // GBK text of the same length stays GB18030 (Big5 reads it as rare characters or fails).
        let d = decode(&gbk(SHORT), false);
        assert_eq!(d.encoding, "gb18030");
        assert!(d.diagnostics.is_empty());
        // A long Big5 file is judged on its head, cut mid-character or not.
        for pad in 0..2 {
            let mut long = BIG5.encode(&traditional.repeat(200)).0.into_owned();
            long.drain(..pad);
            assert_eq!(decode(&long, false).encoding, "Big5", "pad {pad}");
        }
    }
}
