//! Encodings: the seed as UTF-16LE, as GB18030 with CRLF line endings, with ASCII
//! punctuation, and with its table as a pandoc grid table (fixtures/text, built by fixtures/make_fixtures.py) parses to exactly the UTF-8
//! seed's notice and tasks; declarations that disagree with the bytes, and bytes that cannot be
//! decoded, are reported.

use gongwen_parse::{Document, InputFormat, Options, parse, parse_text};
use gongwen_tests::{notice_without_line as notice, tasks_without_lines as tasks};
use gongwen_tests::{path, seed_path};

fn seed() -> Document {
    parse_text(&std::fs::read_to_string(seed_path()).expect("seed"))
}

fn fixture(name: &str) -> Document {
    let bytes = std::fs::read(path(&format!("fixtures/text/{name}")))
        .expect("fixture; run fixtures/make_fixtures.py");
    parse(&bytes, &Options::default()).expect("parses")
}

fn assert_same_as_seed(d: &Document) {
    let s = seed();
    assert_eq!(notice(d), notice(&s));
    assert_eq!(d.tasks.len(), 86);
    for (x, y) in tasks(d).iter().zip(tasks(&s).iter()) {
        assert_eq!(x, y, "task {}", y.seq);
    }
}

#[test]
fn utf16le_with_bom_gives_the_seed() {
    let d = fixture("cq-2021-19.utf16le.txt");
    assert_eq!(d.source.encoding, "UTF-16LE");
    assert_same_as_seed(&d);
    // Same lines as the UTF-8 seed.
    assert_eq!(d.notice.line, seed().notice.line);
    assert_eq!(
        d.tasks.last().map(|t| t.line),
        seed().tasks.last().map(|t| t.line)
    );
}

#[test]
fn gb18030_with_crlf_gives_the_seed() {
    let d = fixture("cq-2021-19.gb18030.txt");
    assert_eq!(d.source.encoding, "gb18030");
    assert!(d.diagnostics.iter().all(|x| x.code != "decode_replaced"));
    assert_same_as_seed(&d);
    assert_eq!(
        d.tasks.last().map(|t| t.line),
        seed().tasks.last().map(|t| t.line)
    );
}

#[test]
fn ascii_punctuation_gives_the_seed() {
    let d = fixture("cq-2021-19.ascii-punct.txt");
    assert_same_as_seed(&d);
}

/// The task table as a pandoc grid table: its rules, all of the table's width, are no prose
/// wrapped to that width (tester L06: the 附件说明 line was joined to the paragraph above it
/// and the attachment lost).
#[test]
fn a_pandoc_grid_table_gives_the_seed() {
    let d = fixture("cq-2021-19.pandoc-grid.txt");
    assert_same_as_seed(&d);
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
}

#[test]
fn bom_less_utf16_text_is_detected() {
    let seed_text = std::fs::read_to_string(seed_path()).expect("seed");
    let mut bytes = Vec::new();
    for u in seed_text.encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    let d = parse(
        &bytes,
        &Options {
            format: Some(InputFormat::Text),
            ..Options::default()
        },
    )
    .expect("parses");
    assert_eq!(d.source.encoding, "UTF-16LE");
    assert_same_as_seed(&d);
}

#[test]
fn bom_less_utf16_chinese_text_is_recognised_without_being_told_the_format() {
    // Chinese text has few ASCII characters, so few zero bytes: the seed's first 4 KB have too
    // few for the zero-byte count alone, and a notice of long paragraphs fewer still.
    let seed_text = std::fs::read_to_string(seed_path()).expect("seed");
    let letter = "某某市人民政府关于印发某某试点方案的通知\n各区县（自治县）人民政府，市政府各部门：\n"
        .to_string()
        + &"现将《某某试点方案》印发给你们，请认真贯彻执行。为深入贯彻落实党中央、国务院决策部署，加快推进改革，全面提升治理能力和水平，结合本市实际，制定本方案。".repeat(6)
        + "\n某某市人民政府\n2021年6月30日\n";
    for (text, le) in [
        (&seed_text, true),
        (&seed_text, false),
        (&letter, true),
        (&letter, false),
    ] {
        let bytes: Vec<u8> = text
            .encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect();
        let d = parse(&bytes, &Options::default()).expect("parses");
        assert_eq!(d.source.encoding, if le { "UTF-16LE" } else { "UTF-16BE" });
        assert_eq!(notice(&d), notice(&parse_text(text)));
        assert!(d.diagnostics.iter().any(|x| x.code == "encoding_guessed"));
    }
    // GBK and UTF-8 text stay what they are.
    let (gbk, _, _) = encoding_rs::GBK.encode(&letter);
    let d = parse(&gbk, &Options::default()).expect("parses");
    assert_eq!(d.source.encoding, "gb18030");
    assert_eq!(notice(&d), notice(&parse_text(&letter)));
    let d = parse(letter.as_bytes(), &Options::default()).expect("parses");
    assert_eq!(d.source.encoding, "UTF-8");
}

#[test]
fn a_gb2312_page_with_gbk_and_gb18030_characters_decodes_completely() {
    // 镕 and 堃 are GBK, not GB2312; U+20087 needs a GB18030 four-byte sequence.
    let body = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>\
        <body><div class=TRS_Editor><p>国务院关于表彰朱镕基、王堃和\u{20087}同志的通知</p><p>各省、自治区、直辖市人民政府：</p>\
        <p>现将有关事项通知如下。</p><p>国务院</p><p>2021年8月4日</p></div></body></html>";
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(body);
    assert!(!unmappable);
    let d = parse(&bytes, &Options::default()).expect("parses");
    assert_eq!(d.source.encoding, "GBK");
    assert_eq!(
        d.notice.title.as_deref(),
        Some("国务院关于表彰朱镕基、王堃和\u{20087}同志的通知")
    );
    assert!(
        d.diagnostics
            .iter()
            .all(|x| x.code != "decode_replaced" && x.code != "encoding_mismatch"),
        "{:#?}",
        d.diagnostics
    );
}

#[test]
fn a_declaration_that_disagrees_with_the_bytes_is_reported() {
    let body =
        "<meta charset=\"utf-8\"><div class=TRS_Editor><p>国务院关于印发某某办法的通知</p></div>";
    let (bytes, _, _) = encoding_rs::GBK.encode(body);
    let d = parse(&bytes, &Options::default()).expect("parses");
    assert_eq!(
        d.notice.title.as_deref(),
        Some("国务院关于印发某某办法的通知")
    );
    let diag = d
        .diagnostics
        .iter()
        .find(|x| x.code == "encoding_mismatch")
        .expect("encoding_mismatch");
    assert!(diag.message.contains("utf-8"), "{}", diag.message);
}

#[test]
fn replaced_bytes_are_reported_with_their_line() {
    let mut bytes = encoding_rs::GBK
        .encode("国务院关于印发某某办法的通知\n国发〔2019〕4号\n")
        .0
        .into_owned();
    bytes.extend([0x81, 0x7F, b'\n']);
    let d = parse(
        &bytes,
        &Options {
            format: Some(InputFormat::Text),
            ..Options::default()
        },
    )
    .expect("parses");
    assert_eq!(d.source.encoding, "gb18030");
    let diag = d
        .diagnostics
        .iter()
        .find(|x| x.code == "decode_replaced")
        .expect("decode_replaced");
    assert_eq!(diag.line, Some(3));
    assert_eq!(
        d.notice.title.as_deref(),
        Some("国务院关于印发某某办法的通知")
    );
}

#[test]
fn utf8_with_a_stray_byte_or_cut_mid_character_stays_utf8() {
    let text = std::fs::read_to_string(seed_path()).expect("seed");
    let s = seed();
    // One byte that is not UTF-8 inside a paragraph of the plan: the rest must read as before
    // (it read as GB18030: the title came out as 閲嶅簡甯備汉…, 0 tasks).
    let para = text
        .find("为认真贯彻落实")
        .expect("the plan's first paragraph");
    let at = para + "为认真".len();
    let mut bytes = text.as_bytes().to_vec();
    bytes.insert(at, 0xFF);
    let d = parse(&bytes, &Options::default()).expect("parses");
    assert_eq!(d.source.encoding, "UTF-8");
    assert_eq!(notice(&d), notice(&s));
    assert_eq!(tasks(&d), tasks(&s));
    let replaced: Vec<_> = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "decode_replaced")
        .collect();
    assert_eq!(replaced.len(), 1, "{:?}", d.diagnostics);
    assert_eq!(replaced[0].line, Some(text[..para].lines().count() + 1));
    // A download cut in the middle of a character.
    let cut = text.len() - 40;
    let cut = (cut..text.len())
        .find(|&i| !text.is_char_boundary(i))
        .expect("a multi-byte character near the end");
    let d = parse(&text.as_bytes()[..cut], &Options::default()).expect("parses");
    assert_eq!(d.source.encoding, "UTF-8");
    assert_eq!(notice(&d), notice(&s));
    // A GB18030 file is still GB18030.
    let d = fixture("cq-2021-19.gb18030.txt");
    assert_eq!(d.source.encoding, "gb18030");
}

/// A page that declares Big5 but is GBK (a template copied from a Taiwanese or Hong Kong site,
/// or a charset set wrong on the server) reads as GB18030 and says so; a page really in Big5
/// still reads as Big5.
#[test]
fn a_gbk_page_declared_big5_reads_as_gb18030_and_a_big5_page_as_big5() {
    let page = |charset: &str, body: &str| {
        format!(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\">\
             </head><body><div id=\"zoom\">{body}</div></body></html>"
        )
    };
    let simplified = "<p>某某县人民政府关于开展第五次全国经济普查的通知</p><p>某政发〔2024〕1号</p>\
        <p>各乡镇人民政府，县直各单位：</p><p>　　根据国务院统一部署，我县开展第五次全国经济普查。现将有关事项通知如下：</p>\
        <p>　　一、普查对象</p><p>　　二、普查时间</p><p align=\"right\">某某县人民政府</p><p align=\"right\">2024年1月8日</p>";
    let html = page("big5", simplified);
    let (gbk, _, _) = encoding_rs::GBK.encode(&html);
    let d = parse(&gbk, &Options::default()).expect("parses");
    assert_eq!(d.source.encoding, "gb18030");
    assert!(
        d.diagnostics.iter().any(|x| x.code == "encoding_mismatch"),
        "{:#?}",
        d.diagnostics
    );
    assert_eq!(
        d.notice.title.as_deref(),
        Some("某某县人民政府关于开展第五次全国经济普查的通知")
    );
    assert_eq!(
        d.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
        Some("某政发〔2024〕1号")
    );
    assert_eq!(d.notice.date.as_deref(), Some("2024-01-08"));

    let traditional = "<p>某某縣政府關於加強防汛工作的通知</p><p>各鄉鎮公所，縣政府各部門：</p>\
        <p>　　為切實做好今年防汛工作，現就有關事項通知如下：</p><p>　　一、提高思想認識</p>\
        <p>　　各單位要高度重視防汛工作。</p><p align=\"right\">某某縣政府</p><p align=\"right\">2024年5月6日</p>";
    let html = page("big5", traditional);
    let (big5, _, unmappable) = encoding_rs::BIG5.encode(&html);
    assert!(!unmappable);
    let d = parse(&big5, &Options::default()).expect("parses");
    assert_eq!(d.source.encoding, "Big5");
    assert!(!d.diagnostics.iter().any(|x| x.code == "encoding_mismatch"));
    assert_eq!(
        d.notice.title.as_deref(),
        Some("某某縣政府關於加強防汛工作的通知")
    );
}
