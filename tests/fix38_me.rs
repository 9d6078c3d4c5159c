//! A 纪要's issuer and date are printed by its masthead's closing line, not by a signature under
//! its text; the normalized text prints them there too, so that reading the text back gives the
//! same model (the issuer was lost, and the date moved under the attendance list).

use gongwen_emit::text::to_text;
use gongwen_parse::parse_text;
use gongwen_tests::{notice_without_line, tasks_without_lines};

const DECISIONS: &str = "2024年4月10日，市长王某某主持召开市政府第六次常务会议。现将会议议定事项纪要如下：\n\
一、关于招商引资工作。市投资促进局负责做好重大项目招引工作，确保全年引进项目100个。\n\
二、关于城区防汛工作。市水利局牵头，市城管执法委、市应急管理局配合，汛期前完成排涝设施检修。\n\
出席：王某某、李某某、张某某\n";

#[test]
fn minutes_read_back_from_their_text_keep_issuer_and_date() {
    for head in [
        // Name, issue number, the printing unit and date on one line.
        "某某市人民政府常务会议纪要\n〔2024〕第6期\n某某市人民政府办公室　　　　2024年4月12日\n",
        // Without the issue number.
        "某某市人民政府常务会议纪要\n某某市人民政府办公室　　2024年4月12日\n",
        // A title of the minutes' own under the masthead.
        "某某市人民政府专题会议纪要\n第3期\n某某市人民政府办公室编　　2024年4月12日\n关于城区防汛工作的会议纪要\n",
    ] {
        let source = format!("{head}{DECISIONS}");
        let first = parse_text(&source);
        assert_eq!(
            first.notice.issuer.as_deref(),
            Some("某某市人民政府办公室"),
            "{head}"
        );
        assert_eq!(first.notice.date.as_deref(), Some("2024-04-12"), "{head}");
        assert_eq!(first.notice.signature, None, "{head}");
        let text = to_text(&first);
        // The masthead's closing line stands under the title, and the date is not printed
        // again at the end.
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[1], "某某市人民政府办公室\u{3000}\u{3000}2024年4月12日",
            "{text}"
        );
        assert_eq!(text.matches("2024年4月12日").count(), 1, "{text}");
        let again = parse_text(&text);
        assert_eq!(
            notice_without_line(&again),
            notice_without_line(&first),
            "{text}"
        );
        assert_eq!(
            tasks_without_lines(&again),
            tasks_without_lines(&first),
            "{text}"
        );
        assert_eq!(to_text(&again), text);
    }
}

#[test]
fn a_letter_signed_under_its_text_keeps_its_signature_and_date_at_the_end() {
    // Not a 纪要: the signature and date stay where the letter prints them.
    let d = parse_text(
        "某某市人民政府关于做好防汛工作的通知\n某府发〔2024〕3号\n各区县人民政府：\n现将有关事项通知如下。\n某某市人民政府\n2024年4月12日\n",
    );
    let text = to_text(&d);
    assert!(text.ends_with("某某市人民政府\n2024年4月12日\n"), "{text}");
    assert_eq!(
        notice_without_line(&parse_text(&text)),
        notice_without_line(&d)
    );
}

/// The `no_text` warning of a document of which nothing but head fields was read.
fn no_text(d: &gongwen_parse::Document) -> bool {
    d.diagnostics.iter().any(|x| x.code == "no_text")
}

#[test]
fn a_page_whose_article_is_out_of_reach_is_not_called_clean() {
    use gongwen_parse::{Options, parse};
    // The article in a frame's `srcdoc`, in a hidden textarea a script copies out, or only a
    // linked PDF: the page gives a title at most, and a warning says nothing else was read.
    for page in [
        r#"<html><head><title>关于做好防汛工作的通知</title></head><body><h1>关于做好防汛工作的通知</h1><iframe srcdoc="&lt;p&gt;各区县人民政府：&lt;/p&gt;&lt;p&gt;现将有关事项通知如下。&lt;/p&gt;"></iframe></body></html>"#,
        r#"<html><body><h1>关于做好防汛工作的通知</h1><div id="content"></div><textarea id="t" style="display:none">&lt;p&gt;现将有关事项通知如下。&lt;/p&gt;</textarea><script>document.getElementById('content').innerHTML=document.getElementById('t').value</script></body></html>"#,
        r#"<html><body><h1>关于做好防汛工作的通知</h1><iframe src="/pdfjs/web/viewer.html?file=notice.pdf"></iframe></body></html>"#,
    ] {
        let d = parse(page.as_bytes(), &Options::default()).expect("parses");
        assert!(d.notice.body.is_empty(), "{page}");
        assert!(no_text(&d), "{page}: {:?}", d.diagnostics);
    }
    // A page with its article in reach gets no such warning, nor does a text of one line.
    let page = "<html><body><h1>关于做好防汛工作的通知</h1><p>各区县人民政府：</p><p>现将有关事项通知如下。</p></body></html>";
    let d = parse(page.as_bytes(), &Options::default()).expect("parses");
    assert!(!no_text(&d), "{:?}", d.diagnostics);
    assert!(!no_text(&parse_text("现将有关事项通知如下。\n")));
}

/// The tables of a page, as (header rows, rows) each.
fn table_shapes(d: &gongwen_parse::Document) -> Vec<(usize, usize)> {
    d.parts
        .iter()
        .flat_map(|p| &p.tables)
        .map(|t| (t.header_rows, t.rows.len()))
        .collect()
}

#[test]
fn a_table_cut_by_a_page_break_with_nothing_between_is_one_table() {
    use gongwen_parse::{Options, parse};
    let row = |n: u32, task: &str, lead: &str| {
        format!("<tr><td>{n}</td><td>{task}</td><td>{lead}</td><td>2024年底</td></tr>")
    };
    let header = "<tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>完成时限</td></tr>";
    let page = |second_header: &str, second_first: u32| {
        format!(
            "<html><body><p>附件</p><p>重点任务分工表</p><table>{header}{}{}</table>\
             <br clear=all style='page-break-before:always'><table>{second_header}{}{}</table></body></html>",
            row(1, "推进甲事项", "市发展改革委"),
            row(2, "推进乙事项", "市财政局"),
            row(second_first, "推进丙事项", "市教委"),
            row(second_first + 1, "推进丁事项", "市科技局"),
        )
    };
    // The second part with no header, its numbers going on; or with the header again.
    for (second_header, rows) in [("", 5), (header, 5)] {
        let d = parse(page(second_header, 3).as_bytes(), &Options::default()).expect("parses");
        assert_eq!(table_shapes(&d), vec![(1, rows)], "{second_header}");
        assert_eq!(d.tasks.len(), 4);
        // Read back from its text, the same table.
        let again = parse_text(&to_text(&d));
        assert_eq!(table_shapes(&again), table_shapes(&d));
    }
    // Numbers that start again: two tables.
    let d = parse(page("", 1).as_bytes(), &Options::default()).expect("parses");
    assert_eq!(table_shapes(&d), vec![(1, 3), (0, 2)]);
}

#[test]
fn items_numbered_with_a_half_parenthesis_are_items() {
    // Word's list numbering `1）`: items under their heading, each a task with its own marker,
    // line and text.
    let d = parse_text(
        "某某市人民政府办公室关于印发某某方案的通知\n各区县人民政府：\n现将有关事项通知如下。\n\
         一、培育数字产业\n\
         1）引进大数据企业20家。（市投资促进局牵头，市大数据局配合）\n\
         2）培育本地软件企业10家。（市大数据局负责）\n\
         二、保障措施\n加强组织领导。\n",
    );
    let tasks: Vec<(&str, usize, &str)> = d
        .tasks
        .iter()
        .map(|t| (t.marker.as_deref().unwrap_or(""), t.line, t.text.as_str()))
        .collect();
    assert_eq!(
        tasks,
        vec![
            ("1）", 5, "引进大数据企业20家。"),
            ("2）", 6, "培育本地软件企业10家。"),
        ]
    );
    let first = &d.parts[0].sections[0];
    assert_eq!(first.heading, "培育数字产业");
    assert_eq!(first.children.len(), 2);
    assert_eq!(first.children[0].marker, "1）");
}

#[test]
fn text_holding_replacement_characters_is_read_and_random_bytes_are_not() {
    use gongwen_parse::{Error, Options, parse};
    // A notice decoded with the wrong encoding once (its Chinese turned into U+FFFD), saved as
    // valid UTF-8 — gongwen's own text output of such a page: text, not binary data.
    let text = format!(
        "某某市人民政府关于做好防汛工作的通知\n各区县人民政府：\n{}\n现将有关事项通知如下。\n",
        "\u{FFFD}".repeat(400)
    );
    let d = parse(text.as_bytes(), &Options::default()).expect("read as text");
    assert_eq!(d.notice.addressees, ["各区县人民政府"]);
    // Bytes in no encoding stay refused.
    let mut seed = 0x9e37_79b9_u32;
    let noise: Vec<u8> = (0..3000)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            (seed >> 8) as u8
        })
        .collect();
    assert!(matches!(
        parse(&noise, &Options::default()),
        Err(Error::Unsupported { .. })
    ));
}
