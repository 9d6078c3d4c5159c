//! Real pages of the State Council's website (`../shared/corpus/govcn`, see its README).
//!
//! Each page prints a metadata table (索引号, 主题分类, 发文机关, 成文日期, 标题, 发文字号, 发布日期)
//! above the notice; it is the ground truth for the notice's own elements. The tests read that
//! table independently of the parser (plain string handling of the page source) and check the
//! parsed notice against it. When the corpus is not there, every test says so and passes.

use gongwen_parse::{Document, Options, SourceFormat, parse};
use std::path::PathBuf;

const PAGES: &[&str] = &[
    "guofa-2019-04",
    "guobanfa-2018-126",
    "guofa-2004-18",
    "guofa-2018-41",
    "guofa-2019-05",
    "guohan-2018-159",
];

fn corpus() -> Option<PathBuf> {
    let dir = gongwen_tests::govcn_dir();
    if dir.is_none() {
        eprintln!("skipped: ../shared/corpus/govcn is not present");
    }
    dir
}

fn source(dir: &std::path::Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(format!("{name}.html")))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn parsed(src: &str) -> Document {
    parse(src.as_bytes(), &Options::default()).expect("the page parses")
}

/// The page's text segments (between tags, outside comments and scripts), trimmed, non-empty,
/// with `&nbsp;` as a space.
fn segments(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_segment(&mut out, &rest[..lt]);
        let after = &rest[lt..];
        let end = if after.starts_with("<!--") {
            after.find("-->").map(|p| p + 3)
        } else if after.starts_with("<script") {
            after.find("</script>").map(|p| p + 9)
        } else {
            after.find('>').map(|p| p + 1)
        };
        rest = &after[end.unwrap_or(after.len())..];
    }
    push_segment(&mut out, rest);
    out
}

fn push_segment(out: &mut Vec<String>, s: &str) {
    let t = s.replace("&nbsp;", " ");
    let t = t.trim_matches(|c: char| c.is_whitespace());
    if !t.is_empty() {
        out.push(t.to_string());
    }
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The value printed after `label` in the page's metadata table (before the notice's content).
fn meta(html: &str, label: &str) -> String {
    let head = &html[..html.find("UCAP-CONTENT").expect("gov.cn content container")];
    let segs = segments(head);
    let i = segs
        .iter()
        .position(|s| squeeze(s).trim_end_matches('：') == label)
        .unwrap_or_else(|| panic!("label {label}"));
    segs[i + 1].clone()
}

/// `2018年12月23日` → `2018-12-23`.
fn iso(date: &str) -> String {
    let (y, rest) = date.split_once('年').expect("year");
    let (m, rest) = rest.split_once('月').expect("month");
    let d = rest.trim_end_matches('日');
    format!(
        "{y}-{:02}-{:02}",
        m.parse::<u32>().expect("month"),
        d.parse::<u32>().expect("day")
    )
}

/// The addressee line of the notice: the first segment of the content that ends with `：`.
fn addressee_line(html: &str) -> String {
    let content = &html[html.find("UCAP-CONTENT").expect("content")..];
    segments(content)
        .into_iter()
        .find(|s| s.ends_with('：'))
        .expect("an addressee line")
}

#[test]
fn every_page_agrees_with_its_metadata_table() {
    let Some(dir) = corpus() else { return };
    for name in PAGES {
        let html = source(&dir, name);
        let d = parsed(&html);
        assert_eq!(d.source.format, SourceFormat::Html, "{name}");
        assert_eq!(d.source.encoding, "UTF-8", "{name}");
        let n = &d.notice;
        assert_eq!(
            n.title.as_deref(),
            Some(meta(&html, "标题").as_str()),
            "{name}: 标题"
        );
        assert_eq!(
            n.doc_number.as_ref().map(|x| x.raw.as_str()),
            Some(meta(&html, "发文字号").as_str()),
            "{name}: 发文字号"
        );
        assert_eq!(
            n.date.as_deref(),
            Some(iso(&meta(&html, "成文日期")).as_str()),
            "{name}: 成文日期"
        );
        assert_eq!(
            n.issuer.as_deref(),
            Some(meta(&html, "发文机关").as_str()),
            "{name}: 发文机关"
        );
        let printed = addressee_line(&html);
        assert!(!n.addressees.is_empty(), "{name}: 主送机关");
        // The addressees are the printed line's names, in order, split on its separators
        // (`，`, and `、` between named organs).
        let names = |s: &str| s.replace(['，', '、', '：'], "");
        assert_eq!(
            names(&n.addressees.concat()),
            names(&printed),
            "{name}: 主送机关"
        );
        assert!(printed.ends_with('：'), "{name}: {printed}");
        assert!(
            !d.diagnostics
                .iter()
                .any(|x| x.code == "page_metadata_mismatch" || x.code == "filled_from_page"),
            "{name}: {:#?}",
            d.diagnostics
        );
    }
}

#[test]
fn every_page_carries_its_metadata_in_source_page() {
    let Some(dir) = corpus() else { return };
    for name in PAGES {
        let html = source(&dir, name);
        let d = parsed(&html);
        let p = d
            .source
            .page
            .as_ref()
            .unwrap_or_else(|| panic!("{name}: no page metadata"));
        assert_eq!(
            p.index_no.as_deref(),
            Some(meta(&html, "索引号").as_str()),
            "{name}"
        );
        assert_eq!(
            p.topic.as_deref(),
            Some(meta(&html, "主题分类").as_str()),
            "{name}"
        );
        assert_eq!(
            p.issuer.as_deref(),
            Some(meta(&html, "发文机关").as_str()),
            "{name}"
        );
        assert_eq!(
            p.date.as_deref(),
            Some(iso(&meta(&html, "成文日期")).as_str()),
            "{name}"
        );
        assert_eq!(
            p.title.as_deref(),
            Some(meta(&html, "标题").as_str()),
            "{name}"
        );
        assert_eq!(
            p.doc_number.as_deref(),
            Some(meta(&html, "发文字号").as_str()),
            "{name}"
        );
        assert_eq!(
            p.published.as_deref(),
            Some(iso(&meta(&html, "发布日期")).as_str()),
            "{name}"
        );
        // The metadata is not part of the notice's text.
        let body = serde_json::to_string(&d.parts).expect("json")
            + &serde_json::to_string(&d.notice).expect("json");
        assert!(
            !body.contains(&meta(&html, "索引号")),
            "{name}: 索引号 leaked into the document"
        );
        assert!(
            !body.contains("扫一扫在手机打开当前页"),
            "{name}: page chrome leaked into the document"
        );
    }
}

#[test]
fn the_title_line_points_into_the_content() {
    let Some(dir) = corpus() else { return };
    for name in PAGES {
        let html = source(&dir, name);
        let d = parsed(&html);
        let content_line = html[..html.find("UCAP-CONTENT").expect("content")]
            .lines()
            .count();
        let line = d.notice.line.unwrap_or(0);
        assert!(
            line >= content_line,
            "{name}: title at line {line}, content starts at {content_line}"
        );
        let first = d
            .notice
            .title
            .as_deref()
            .and_then(|t| t.get(..9))
            .unwrap_or_default();
        let text = html.lines().nth(line - 1).unwrap_or_default();
        assert!(
            text.contains(first),
            "{name}: line {line} does not hold the title: {text}"
        );
    }
}

#[test]
fn guobanfa_2018_126_lists_its_published_measures() {
    let Some(dir) = corpus() else { return };
    let d = parsed(&source(&dir, "guobanfa-2018-126"));
    let seqs: Vec<u32> = d.tasks.iter().map(|t| t.seq).collect();
    let expected: Vec<u32> = (1..=14).chain(21..=23).collect();
    assert_eq!(seqs, expected);
    for t in &d.tasks {
        assert!(!t.text.is_empty(), "task {} has its 改革举措", t.seq);
        assert!(!t.lead.is_empty(), "task {} has its 指导部门", t.seq);
        assert!(
            t.extra.get("推广范围").is_some_and(|v| !v.is_empty()),
            "task {}: 推广范围 under extra",
            t.seq
        );
        assert!(
            t.extra.get("主要内容").is_some_and(|v| !v.is_empty()),
            "task {}: 主要内容 under extra",
            t.seq
        );
        assert!(
            !t.extra.contains_key("指导部门"),
            "task {}: 指导部门 is the lead, not an extra",
            t.seq
        );
    }
    let first = &d.tasks[0];
    assert_eq!(first.text, "知识产权民事、刑事、行政案件“三合一”审判");
    assert_eq!(
        first.lead,
        ["最高人民法院", "最高人民检察院", "国家知识产权局"]
    );
    assert_eq!(
        first.extra.get("推广范围").map(String::as_str),
        Some("全国")
    );
    assert_eq!(first.group, ["一、知识产权保护方面（共5项）"]);
    let t21 = d.tasks.iter().find(|t| t.seq == 21).expect("measure 21");
    assert_eq!(t21.text, "允许地方高校自主开展人才引进和职称评审");
    assert_eq!(t21.lead, ["教育部", "人力资源社会保障部"]);
    assert_eq!(
        t21.extra.get("推广范围").map(String::as_str),
        Some("8个改革试验区域")
    );
    assert_eq!(t21.group, ["五、管理体制创新方面（共3项）"]);
    // The group row that states 共6项 but whose rows were left out of the page.
    let mismatch = d
        .diagnostics
        .iter()
        .find(|x| x.code == "group_count_mismatch")
        .expect("a group_count_mismatch warning");
    assert!(
        mismatch.message.contains("军民深度融合方面（共6项）"),
        "{}",
        mismatch.message
    );
    assert_eq!(
        d.diagnostics
            .iter()
            .filter(|x| x.code == "group_count_mismatch")
            .count(),
        1,
        "{:#?}",
        d.diagnostics
    );
    // One table: the 推广清单 (the metadata tables are not body tables).
    assert_eq!(d.table_count(), 1);
    let table = d
        .parts
        .iter()
        .flat_map(|p| &p.tables)
        .next()
        .expect("table");
    assert_eq!(
        table.rows[0],
        ["序号", "改革举措", "主要内容", "指导部门", "推广范围"]
    );
}

#[test]
fn enclosures_and_outlines_are_read() {
    let Some(dir) = corpus() else { return };
    let part_titles = |name: &str| -> Vec<Option<String>> {
        parsed(&source(&dir, name))
            .parts
            .iter()
            .map(|p| p.title.clone())
            .collect()
    };
    assert_eq!(
        part_titles("guofa-2019-04"),
        [Some("国家职业教育改革实施方案".to_string())]
    );
    assert_eq!(
        part_titles("guofa-2018-41"),
        [Some("个人所得税专项附加扣除暂行办法".to_string())]
    );
    assert_eq!(
        part_titles("guofa-2004-18"),
        [Some("国务院工作规则".to_string())]
    );
    let rules = parsed(&source(&dir, "guofa-2004-18"));
    assert_eq!(rules.parts[0].sections.len(), 10, "第一章 … 第十章");
    assert_eq!(rules.parts[0].sections[0].marker, "第一章");
    let measures = parsed(&source(&dir, "guofa-2018-41"));
    assert_eq!(measures.parts[0].sections.len(), 9, "第一章 … 第九章");
    let reply = parsed(&source(&dir, "guohan-2018-159"));
    assert_eq!(reply.parts.len(), 1);
    assert_eq!(reply.parts[0].sections.len(), 14, "一、 … 十四、");
}
