//! Round trips against the source document: model → text → model, model → JSON → model, and the
//! JSON Schema. (Model → XLSX → model is in `workbook.rs`.)

use gongwen_parse::Document;
use serde_json::Value;

fn seed_text() -> String {
    std::fs::read_to_string(gongwen_tests::seed_path()).expect("seed present")
}

/// The model as JSON with source positions removed (they differ between renderings by design).
fn without_positions(doc: &Document) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(m) => {
                m.remove("line");
                m.remove("row_lines");
                m.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(doc).expect("serializes");
    strip(&mut v);
    v
}

fn non_whitespace(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn model_to_text_to_model_is_identical() {
    let doc = gongwen_parse::parse_text(&seed_text());
    let text = gongwen_emit::text::to_text(&doc);
    let again = gongwen_parse::parse_text(&text);
    assert_eq!(without_positions(&again), without_positions(&doc));
}

#[test]
fn text_rendering_is_idempotent() {
    let doc = gongwen_parse::parse_text(&seed_text());
    let once = gongwen_emit::text::to_text(&doc);
    let twice = gongwen_emit::text::to_text(&gongwen_parse::parse_text(&once));
    assert_eq!(once, twice);
    assert!(!once.contains('\r'));
    assert!(once.ends_with('\n'));
}

#[test]
fn normalized_text_keeps_every_character_of_the_seed_in_order() {
    let seed = seed_text();
    let text = gongwen_emit::text::to_text(&gongwen_parse::parse_text(&seed));
    let (a, b) = (non_whitespace(&seed), non_whitespace(&text));
    if a != b {
        let at = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
        let ctx = |s: &str| {
            s.chars()
                .skip(at.saturating_sub(20))
                .take(40)
                .collect::<String>()
        };
        panic!(
            "normalized text differs from the seed at character {at}:\nseed: {}\ntext: {}",
            ctx(&a),
            ctx(&b)
        );
    }
}

#[test]
fn the_spaced_table_header_is_normalized() {
    let text = gongwen_emit::text::to_text(&gongwen_parse::parse_text(&seed_text()));
    assert!(text.contains("\t序号\t试点任务\t牵头单位\t配合单位\n"));
    assert!(!text.contains("试  点"));
}

#[test]
fn a_repost_with_ascii_punctuation_normalizes_to_the_same_text() {
    let seed = seed_text();
    let ascii: String = seed
        .chars()
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '，' => ',',
            '：' => ':',
            '；' => ';',
            _ => c,
        })
        .collect::<String>()
        .replace('〔', "[")
        .replace('〕', "]");
    assert_ne!(ascii, seed);
    let a = gongwen_emit::text::to_text(&gongwen_parse::parse_text(&seed));
    let b = gongwen_emit::text::to_text(&gongwen_parse::parse_text(&ascii));
    assert_eq!(a, b);
}

#[test]
fn model_to_json_to_model_is_equal() {
    let doc = gongwen_parse::parse_text(&seed_text());
    let json = gongwen_emit::json::to_json(&doc).expect("json");
    let back: Document = serde_json::from_slice(&json).expect("deserializes");
    assert_eq!(back, doc);
    // Reading our own JSON as an input gives the same document too.
    let parsed =
        gongwen_parse::parse(&json, &gongwen_parse::Options::default()).expect("json input");
    assert_eq!(parsed, doc);
}

#[test]
fn json_uses_the_contract_names() {
    let doc = gongwen_parse::parse_text(&seed_text());
    let v: Value = serde_json::from_slice(&gongwen_emit::json::to_json(&doc).expect("json"))
        .expect("valid json");
    assert_eq!(
        v["source"],
        serde_json::json!({"format": "text", "encoding": "UTF-8"})
    );
    assert_eq!(
        v["notice"]["doc_number"],
        serde_json::json!({"raw": "渝府发〔2021〕19号", "agency": "渝府发", "year": 2021, "serial": 19})
    );
    assert_eq!(v["notice"]["date"], "2021-08-04");
    assert_eq!(v["notice"]["attachments"][0]["index"], Value::Null);
    assert_eq!(v["parts"][1]["kind"], "attachment");
    assert_eq!(v["parts"][1]["label"], "附件");
    assert_eq!(
        v["parts"][0]["sections"][0]["children"][0]["marker"],
        "（一）"
    );
    assert_eq!(v["parts"][0]["sections"][0]["children"][0]["level"], 2);
    assert_eq!(v["tasks"][8]["support"], serde_json::json!([]));
    assert!(v["tasks"][0]["extra"].is_object());
    assert!(v["diagnostics"].is_array());
}

#[test]
fn the_seed_json_validates_against_the_published_schema() {
    let schema = gongwen_emit::json::schema();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let doc = gongwen_parse::parse_text(&seed_text());
    let instance: Value = serde_json::from_slice(&gongwen_emit::json::to_json(&doc).expect("json"))
        .expect("valid json");
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // And the schema really constrains: a broken document fails.
    let mut broken = instance.clone();
    broken["tasks"][0]["seq"] = Value::String("one".into());
    assert!(!validator.is_valid(&broken));
}

/// Every text fixture survives model → text → model, and its text rendering is a fixed point.
#[test]
fn every_text_fixture_round_trips_through_normalized_text() {
    let mut checked = 0;
    for dir in ["fixtures/variants", "fixtures/text"] {
        let Ok(entries) = std::fs::read_dir(gongwen_tests::path(dir)) else {
            continue;
        };
        let mut files: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for f in files {
            let bytes = std::fs::read(&f).expect("fixture readable");
            let doc = gongwen_parse::parse(&bytes, &gongwen_parse::Options::default())
                .expect("fixture parses");
            let text = gongwen_emit::text::to_text(&doc);
            let again = gongwen_parse::parse_text(&text);
            let (mut a, mut b) = (without_positions(&doc), without_positions(&again));
            // The source block differs by design (encoding of the fixture file), and diagnostics
            // are ordered by line, which moves when blocks move: compare them as sorted lists.
            for v in [&mut a, &mut b] {
                if let Some(o) = v.as_object_mut() {
                    o.remove("source");
                    if let Some(Value::Array(d)) = o.get_mut("diagnostics") {
                        d.sort_by_key(|x| x.to_string());
                    }
                }
            }
            assert_eq!(
                b,
                a,
                "{} does not round-trip through its normalized text",
                f.display()
            );
            assert_eq!(
                gongwen_emit::text::to_text(&again),
                text,
                "{} text is not a fixed point",
                f.display()
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 5,
        "expected the variant fixtures, found {checked}"
    );
}

/// Model → text → model keeps the tasks of a notice whose table cells hold line breaks (a
/// spreadsheet's rows pasted in): the normalized text quotes such cells as a spreadsheet does.
#[test]
fn cells_with_line_breaks_survive_normalized_text() {
    let notice = "某某市人民政府办公室\n关于印发某某市优化营商环境重点任务清单的通知\n某府办发〔2024〕3号\n\
        各区县人民政府，市政府各部门：\n\
        《某某市优化营商环境重点任务清单》已经市政府同意，现印发给你们，请认真贯彻落实。\n\
        某某市人民政府办公室\n2024年3月1日\n（此件公开发布）\n\
        附件\n某某市优化营商环境重点任务清单\n\
        序号\t工作任务\t责任单位\t完成时限\n\
        1\t\"推进政务服务“一网通办”\n实现高频事项全程网办\"\t\"市政务服务局（牵头）\n市大数据局\"\t2024年底\n\
        2\t优化企业开办服务\t\"市市场监管局（牵头）\n市税务局\n市公安局\"\t2024年6月\n\
        3\t深化工程建设项目审批制度改革\t市住房城乡建设局\t持续推进\n";
    let doc = gongwen_parse::parse_text(notice);
    assert_eq!(doc.tasks.len(), 3, "{:#?}", doc.tasks);
    assert_eq!(doc.tasks[1].support, ["市税务局", "市公安局"]);
    let text = gongwen_emit::text::to_text(&doc);
    let again = gongwen_parse::parse_text(&text);
    assert_eq!(
        without_positions(&again),
        without_positions(&doc),
        "normalized text:\n{text}"
    );
}

/// The normalized text prints a table where it stands: a caption among the letter's paragraphs
/// once, with the table under it and a `注：` line after it; in an enclosure, each table under
/// the heading it follows in the source.
#[test]
fn normalized_text_keeps_tables_where_they_stand() {
    let headless = "附件\n\n重点任务分工\n\n序号\t工作任务\t牵头单位\t配合单位\n\
        1\t推行“高效办成一件事”\t市政务服务管理局\t市直有关部门\n\
        2\t规范涉企行政执法\t市司法局\t市直各执法部门\n\
        注：各县（市、区）政府参照执行。\n";
    let doc = gongwen_parse::parse_text(headless);
    assert_eq!(doc.tasks.len(), 2);
    let text = gongwen_emit::text::to_text(&doc);
    assert_eq!(text.matches("重点任务分工\n").count(), 1, "{text}");
    let (caption, header, note) = (
        text.find("重点任务分工\n"),
        text.find("\t序号"),
        text.find("注："),
    );
    assert!(caption < header && header < note, "{text}");
    assert_eq!(
        without_positions(&gongwen_parse::parse_text(&text)),
        without_positions(&doc),
        "normalized text:\n{text}"
    );

    let page = "<html><body><h1>某某市人民政府关于印发某某计划的通知</h1>\n\
        <p>某府发〔2023〕5号</p><p>各区人民政府：</p><p>现将《某某计划》印发给你们，请认真贯彻执行。</p>\n\
        <p>附件：某某计划</p><p>某某市人民政府</p><p>2023年2月20日</p>\n\
        <p>附件</p><p>某某计划</p><p>一、重点任务分工</p>\n\
        <table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td></tr>\n\
        <tr><td>1</td><td>建立重大项目调度机制</td><td>市发改委</td><td>各区政府</td></tr></table>\n\
        <p>二、重大项目清单</p>\n\
        <table><tr><td>序号</td><td>项目名称</td><td>建设内容</td><td>实施单位</td></tr>\n\
        <tr><td>1</td><td>某某大道改造工程</td><td>改造道路12公里</td><td>市城投集团</td></tr></table>\n\
        </body></html>";
    let doc = gongwen_parse::parse(page.as_bytes(), &gongwen_parse::Options::default())
        .expect("page parses");
    let text = gongwen_emit::text::to_text(&doc);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} in {text}"));
    assert!(
        at("一、重点任务分工") < at("建立重大项目调度机制"),
        "{text}"
    );
    assert!(
        at("建立重大项目调度机制") < at("二、重大项目清单"),
        "{text}"
    );
    assert!(at("二、重大项目清单") < at("某某大道改造工程"), "{text}");
}

/// Text escaped for HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;")
}

/// The group headings of a task that the task before it (in `before`) did not have: the ones
/// a table prints as rows above it.
fn new_groups<'a>(before: &[String], now: &'a [String]) -> &'a [String] {
    let same = before.iter().zip(now).take_while(|(a, b)| a == b).count();
    &now[same..]
}

/// The seed's task table drawn without `<table>`, as some content systems publish one: rows of
/// `<div>`s (or `<li>`s) whose children are the cells, group headings as rows of one cell.
fn drawn_table_page(doc: &Document, row: &str, cell: &str, with_groups: bool) -> String {
    let cells = |texts: &[&str]| -> String {
        texts
            .iter()
            .map(|t| format!("<{cell}>{}</{cell}>", esc(t)))
            .collect()
    };
    let container = if row == "li" { "ul" } else { "div" };
    let mut body = format!(
        "<{container} class=\"grid\"><{row} class=\"th\">{}</{row}>\n",
        cells(&["序号", "试点任务", "牵头单位", "配合单位"])
    );
    let mut groups: &[String] = &[];
    for t in &doc.tasks {
        if with_groups {
            for g in new_groups(groups, &t.group) {
                body.push_str(&format!("<{row}>{}</{row}>\n", cells(&[g])));
            }
            groups = &t.group;
        }
        let seq = t.seq.to_string();
        let (lead, support) = (t.lead.join("、"), t.support.join("、"));
        body.push_str(&format!(
            "<{row}>{}</{row}>\n",
            cells(&[&seq, &t.text, &lead, &support])
        ));
    }
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>试点任务分工</title></head>\
         <body><div class=\"article\"><p>附件</p><p>试点任务分工</p>{body}</{container}></div></body></html>"
    )
}

#[test]
fn a_task_table_drawn_with_divs_or_list_items_reads_as_the_table() {
    let seed = gongwen_parse::parse_text(&seed_text());
    assert!(seed.tasks.len() > 2, "the seed has a task table");
    // Task, seq, units and (where drawn) groups: what the drawn table carries.
    let project = |d: &Document, groups: bool| -> Vec<_> {
        d.tasks
            .iter()
            .map(|t| {
                let g = if groups { t.group.clone() } else { Vec::new() };
                (t.seq, t.text.clone(), t.lead.clone(), t.support.clone(), g)
            })
            .collect()
    };
    for (row, cell, groups) in [("div", "span", false), ("li", "div", true)] {
        let page = drawn_table_page(&seed, row, cell, groups);
        let d = gongwen_parse::parse(page.as_bytes(), &gongwen_parse::Options::default())
            .expect("parses");
        assert_eq!(
            project(&d, groups),
            project(&seed, groups),
            "rows of <{row}> with <{cell}> cells"
        );
    }
}

/// The seed's notice as a page that prints its head, first paragraph and foot, then its task
/// table as a `<table>`, in one plain `<div>`: the table holds nearly all of the page's text.
fn seed_page_with_table(doc: &Document) -> String {
    let n = &doc.notice;
    let mut page = String::from(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\
         <div class=\"box\"><div class=\"article\">",
    );
    let lines = [
        n.title.clone(),
        n.doc_number.as_ref().map(|x| x.raw.clone()),
        Some(format!("{}：", n.addressees.join("，"))),
        n.body.first().cloned(),
        n.signature.clone(),
        n.date_text.clone(),
        n.note.as_ref().map(|x| format!("（{x}）")),
        Some("附件".into()),
        n.attachments.first().map(|a| a.title.clone()),
    ];
    for line in lines.iter().flatten() {
        page.push_str(&format!("<p>{}</p>\n", esc(line)));
    }
    page.push_str(
        "<table><tr><th>序号</th><th>试点任务</th><th>牵头单位</th><th>配合单位</th></tr>",
    );
    let mut groups: &[String] = &[];
    for t in &doc.tasks {
        for g in new_groups(groups, &t.group) {
            page.push_str(&format!("<tr><td colspan=\"4\">{}</td></tr>", esc(g)));
        }
        groups = &t.group;
        page.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            t.seq,
            esc(&t.text),
            t.lead.join("、"),
            t.support.join("、")
        ));
    }
    page.push_str(
        "</table></div></div><div class=\"foot\"><a href=\"/\">网站首页</a></div></body></html>",
    );
    page
}

#[test]
fn a_notice_printed_beside_its_task_table_reads_as_the_seed() {
    let seed = gongwen_parse::parse_text(&seed_text());
    assert!(seed.notice.title.is_some() && seed.notice.date.is_some());
    let page = seed_page_with_table(&seed);
    // The same table drawn with `<div>` rows and `<span>` cells.
    let drawn = [
        ("<table>", "<div class=\"grid\">"),
        ("</table>", "</div>"),
        ("<tr>", "<div class=\"row\">"),
        ("</tr>", "</div>"),
        ("<th>", "<span>"),
        ("</th>", "</span>"),
        ("<td colspan=\"4\">", "<span>"),
        ("<td>", "<span>"),
        ("</td>", "</span>"),
    ]
    .iter()
    .fold(page.clone(), |p, (from, to)| p.replace(from, to));
    assert!(!drawn.contains("<t"), "{drawn}");
    for page in [page, drawn] {
        let d = gongwen_parse::parse(page.as_bytes(), &gongwen_parse::Options::default())
            .expect("parses");
        assert_eq!(notice_head(&d), notice_head(&seed), "{page}");
        assert_eq!(
            gongwen_tests::essentials(&d.tasks),
            gongwen_tests::essentials(&seed.tasks),
            "{page}"
        );
    }
}

/// The notice's head and foot: title, number, addressees, signature, date and note.
fn notice_head(d: &Document) -> impl PartialEq + std::fmt::Debug {
    let n = &d.notice;
    (
        n.title.clone(),
        n.doc_number.as_ref().map(|x| x.raw.clone()),
        n.addressees.clone(),
        n.signature.clone(),
        n.date.clone(),
        n.note.clone(),
    )
}
