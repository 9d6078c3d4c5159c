//! Other layouts of the same notice: the seed's table with its tabs lost, as a Markdown table,
//! with bars but no outer bars, lined up with spaces (cells wrapped under their columns or not),
//! as one row per line, with CRLF line endings, its prose hard-wrapped. Each must give the
//! seed's notice and tasks.

fn seed_text() -> String {
    std::fs::read_to_string(gongwen_tests::seed_path()).expect("seed present")
}

use gongwen_tests::tasks_without_lines;

fn assert_same_as_seed(variant: &str, what: &str) {
    let seed = gongwen_parse::parse_text(&seed_text());
    let doc = gongwen_parse::parse_text(variant);
    assert_eq!(
        gongwen_tests::notice_without_line(&doc),
        gongwen_tests::notice_without_line(&seed),
        "{what}: notice differs"
    );
    assert_eq!(doc.tasks.len(), 86, "{what}: task count");
    assert_eq!(
        tasks_without_lines(&doc),
        tasks_without_lines(&seed),
        "{what}: tasks differ"
    );
}

/// The seed's table rows: for each row, its cells (tabs stripped).
fn table_rows(seed: &str) -> (Vec<String>, Vec<Vec<String>>, Vec<String>) {
    let mut before = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut after = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    let mut seen_table = false;
    for l in seed.lines() {
        if let Some(cell) = l.strip_prefix('\t') {
            seen_table = true;
            cur.push(cell.to_string());
        } else if seen_table {
            if !cur.is_empty() {
                rows.push(std::mem::take(&mut cur));
            }
            if !l.trim().is_empty() {
                after.push(l.to_string());
            }
        } else {
            before.push(l.to_string());
        }
    }
    if !cur.is_empty() {
        rows.push(cur);
    }
    (before, rows, after)
}

#[test]
fn a_table_whose_tabs_were_lost_still_gives_every_task() {
    let variant: String = seed_text().replace('\t', "");
    assert_same_as_seed(&variant, "untabbed");
}

#[test]
fn an_untabbed_table_without_blank_lines_between_rows_still_gives_every_task() {
    let (before, rows, after) = table_rows(&seed_text());
    let mut out = before;
    for r in &rows {
        // Without blank lines an empty trailing cell simply disappears.
        out.extend(r.iter().filter(|c| !c.is_empty()).cloned());
    }
    out.extend(after);
    assert_same_as_seed(&out.join("\n"), "untabbed, no blank lines");
}

#[test]
fn an_untabbed_table_with_a_blank_line_after_every_cell_still_gives_every_task() {
    // Pasted from a word processor: every cell, the header's too, a paragraph of its own.
    let (before, rows, after) = table_rows(&seed_text());
    let mut out = before;
    for r in &rows {
        for c in r.iter().filter(|c| !c.is_empty()) {
            out.push(c.clone());
            out.push(String::new());
        }
    }
    out.extend(after.iter().cloned());
    assert_same_as_seed(&out.join("\n"), "untabbed, a blank line after every cell");

    // A units cell broken over two paragraphs (`市科技局` / `人行重庆营管部`) is still one cell.
    let (before, rows, after) = table_rows(&seed_text());
    let mut out = before;
    let mut broken = 0;
    for r in &rows {
        for (k, c) in r.iter().enumerate().filter(|(_, c)| !c.is_empty()) {
            if k == 3 && broken < 3 && c.contains('、') && r[0].trim().parse::<u32>().is_ok() {
                broken += 1;
                for unit in c.split('、') {
                    out.push(unit.to_string());
                    out.push(String::new());
                }
                continue;
            }
            out.push(c.clone());
            out.push(String::new());
        }
    }
    out.extend(after);
    assert_eq!(broken, 3);
    let doc = gongwen_parse::parse_text(&out.join("\n"));
    let seed = gongwen_parse::parse_text(&seed_text());
    // The cells keep their breaks as printed (`support_text`); the tasks are the seed's.
    assert_eq!(doc.tasks.len(), 86);
    assert_eq!(
        gongwen_tests::essentials(&doc.tasks),
        gongwen_tests::essentials(&seed.tasks)
    );
}

#[test]
fn a_markdown_table_gives_every_task() {
    let (before, rows, after) = table_rows(&seed_text());
    let mut out = before;
    for (i, r) in rows.iter().enumerate() {
        out.push(format!("| {} |", r.join(" | ")));
        if i == 0 {
            out.push("|---|---|---|---|".into());
        }
    }
    out.extend(after);
    assert_same_as_seed(&out.join("\n"), "markdown");
}

#[test]
fn markdown_group_rows_in_bold_and_in_any_column_give_every_task() {
    // Markdown editors print a group row as a row of empty cells but one, its label in bold.
    let (before, rows, after) = table_rows(&seed_text());
    for (column, mark) in [(0, "**"), (1, "**"), (1, "__")] {
        let mut out = before.clone();
        for (i, r) in rows.iter().enumerate() {
            if r.len() == 1 {
                let mut cells = vec![String::new(); 4];
                cells[column] = format!("{mark}{}{mark}", r[0].trim());
                out.push(format!("| {} |", cells.join(" | ")));
            } else {
                out.push(format!("| {} |", r.join(" | ")));
            }
            if i == 0 {
                out.push("| :---: | --- | --- | --- |".into());
            }
        }
        out.extend(after.iter().cloned());
        assert_same_as_seed(
            &out.join("\n"),
            &format!("markdown, groups in {mark} in column {column}"),
        );
    }
}

#[test]
fn group_rows_keeping_the_bars_of_their_empty_cells_give_every_task() {
    let (before, rows, after) = table_rows(&seed_text());
    let mut out = before;
    for r in &rows {
        if r.len() == 1 {
            out.push(format!("{} | | |", r[0].trim()));
        } else {
            out.push(r.join(" | "));
        }
    }
    out.extend(after);
    assert_same_as_seed(&out.join("\n"), "bars, group rows with empty cells");
}

#[test]
fn one_row_per_line_with_tabs_gives_every_task() {
    let (before, rows, after) = table_rows(&seed_text());
    let mut out = before;
    out.extend(rows.iter().map(|r| r.join("\t")));
    out.extend(after);
    assert_same_as_seed(&out.join("\n"), "row per line");
}

#[test]
fn bars_without_outer_bars_give_every_task() {
    let (before, rows, after) = table_rows(&seed_text());
    for bar in [" | ", "|", "｜"] {
        let mut out = before.clone();
        for (i, r) in rows.iter().enumerate() {
            out.push(r.join(bar));
            if i == 0 {
                out.push("---|---|---|---".into());
            }
        }
        out.extend(after.iter().cloned());
        assert_same_as_seed(&out.join("\n"), &format!("bars {bar:?}"));
    }
}

/// Display width, a Chinese character counting two.
fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `text` cut into lines at most `w` columns wide, never inside a run of ASCII letters and
/// digits (a PDF viewer's wrap, which the reader joins with a space that normalization drops
/// between Chinese characters).
fn wrap(text: &str, w: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let cur = lines.last_mut().expect("a line");
        let inside_word =
            c.is_ascii_alphanumeric() && i > 0 && chars[i - 1].is_ascii_alphanumeric();
        if !cur.is_empty() && width(cur) + width(&c.to_string()) > w && !inside_word {
            lines.push(String::new());
        }
        lines.last_mut().expect("a line").push(c);
    }
    lines
}

/// The seed's table as fixed-width text: every cell padded to its column's width with `pad`
/// (one column wide), long cells wrapped onto the following lines under their column, group
/// rows wrapped at the table's width.
fn fixed_width(widths: &[usize], pad: char) -> String {
    let (before, rows, after) = table_rows(&seed_text());
    let pad_w = width(&pad.to_string());
    let mut out = before;
    for r in &rows {
        if r.len() == 1 {
            // A group row spans the table, and wraps at its width.
            out.extend(wrap(r[0].trim(), widths.iter().sum::<usize>() - 2));
            continue;
        }
        let wrapped: Vec<Vec<String>> = r
            .iter()
            .zip(widths)
            .map(|(c, &w)| wrap(c.trim(), w - 2))
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        for k in 0..height {
            let mut line = String::new();
            for (col, &w) in wrapped.iter().zip(widths) {
                let piece = col.get(k).map(String::as_str).unwrap_or("");
                line.push_str(piece);
                let fill = (w - width(piece)) / pad_w;
                line.extend(std::iter::repeat_n(pad, fill));
            }
            out.push(line.trim_end().to_string());
        }
    }
    out.extend(after);
    out.join("\n")
}

#[test]
fn columns_lined_up_with_spaces_give_every_task() {
    // Wide enough that no cell wraps.
    assert_same_as_seed(&fixed_width(&[6, 200, 80, 160], ' '), "aligned");
    // Ideographic spaces as the padding.
    assert_same_as_seed(
        &fixed_width(&[6, 200, 80, 160], '\u{3000}'),
        "aligned, U+3000",
    );
}

#[test]
fn cells_wrapped_under_their_columns_give_every_task() {
    for widths in [[6, 40, 24, 30], [8, 60, 30, 40], [6, 24, 14, 14]] {
        let text = fixed_width(&widths, ' ');
        let unwrapped = fixed_width(&[6, 200, 80, 160], ' ');
        assert!(
            text.lines().count() > unwrapped.lines().count() + 50,
            "{widths:?}: many cells wrap"
        );
        assert_same_as_seed(&text, &format!("wrapped {widths:?}"));
    }
}

#[test]
fn crlf_and_cr_line_endings_give_the_same_document() {
    let seed = seed_text();
    assert_same_as_seed(&seed.replace('\n', "\r\n"), "CRLF");
    assert_same_as_seed(&seed.replace('\n', "\r"), "CR");
}

#[test]
fn a_table_that_cannot_be_read_is_reported_not_silently_dropped() {
    // Shuffle the table into prose: the plan still promises 86 tasks and names a 任务分工.
    let (before, rows, after) = table_rows(&seed_text());
    let mut out = before;
    out.extend(rows.iter().skip(1).map(|r| r.join("；")));
    out.extend(after);
    let doc = gongwen_parse::parse_text(&out.join("\n"));
    assert!(doc.tasks.is_empty());
    let codes: Vec<&str> = doc.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"no_task_table"), "{codes:?}");
}

/// JSON of the parts and diagnostics with every source line (`line`, `row_lines`) removed.
fn structure_without_lines(d: &gongwen_parse::Document) -> serde_json::Value {
    let mut v = serde_json::json!({ "parts": d.parts, "diagnostics": d.diagnostics });
    gongwen_tests::strip_lines(&mut v);
    v
}

#[test]
fn hard_wrapped_prose_gives_the_same_paragraphs() {
    let seed = seed_text();
    let expected = gongwen_parse::parse_text(&seed);
    // Wrapped as a PDF viewer or a terminal would: every line of prose filled to the width.
    for width in [24, 30, 36, 41] {
        let mut wrapped = String::new();
        for line in seed.lines() {
            let chars: Vec<char> = line.chars().collect();
            if line.starts_with('\t') || chars.len() <= width {
                wrapped.push_str(line);
                wrapped.push('\n');
                continue;
            }
            for piece in chars.chunks(width) {
                wrapped.extend(piece);
                wrapped.push('\n');
            }
        }
        assert_same_as_seed(&wrapped, &format!("wrapped at {width}"));
        let doc = gongwen_parse::parse_text(&wrapped);
        assert_eq!(
            structure_without_lines(&doc),
            structure_without_lines(&expected),
            "wrapped at {width}: sections, paragraphs or diagnostics differ"
        );
    }
}

/// `lines` with a page break every `every` lines, as a PDF export prints it: the page number
/// centred under the page (`— 3 —`), a form feed starting the next page and, when the break falls
/// inside the table, its `header` printed again at the top of the next page.
fn with_page_breaks(lines: &[String], every: usize, header: Option<&[String]>) -> String {
    let in_table = |i: usize| {
        lines[..i].iter().any(|l| l.contains("序号"))
            && lines[i..]
                .iter()
                .any(|l| l.starts_with('\t') || l.starts_with("  "))
    };
    let mut out = String::new();
    let mut page = 1;
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        out.push('\n');
        if i > 0 && i % every == 0 && i + 1 < lines.len() {
            out.push_str(&format!("\n{}— {page} —\n\u{c}", " ".repeat(30)));
            page += 1;
            if let (true, Some(header)) = (in_table(i + 1), header) {
                for h in header {
                    out.push_str(h);
                    out.push('\n');
                }
            }
        }
    }
    out
}

#[test]
fn page_numbers_form_feeds_and_repeated_headers_are_read_around() {
    // The seed's own layout (one cell a line, rows between blank lines) broken into pages at
    // blank lines, so that no row is cut: the header comes again on every page of the table.
    let seed = seed_text();
    let lines: Vec<String> = seed.lines().map(str::to_string).collect();
    let first = lines
        .iter()
        .position(|l| l.starts_with('\t'))
        .expect("a table");
    let header: Vec<String> = lines[first..]
        .iter()
        .take_while(|l| l.starts_with('\t'))
        .cloned()
        .collect();
    assert!(header.len() >= 3);
    // Breaks only after blank lines: a page of text ends between rows.
    let mut text = String::new();
    let mut page = 1;
    for (i, line) in lines.iter().enumerate() {
        text.push_str(line);
        text.push('\n');
        if line.is_empty()
            && i > first + header.len()
            && i % 40 < 3
            && lines.get(i + 1).is_some_and(|l| l.starts_with('\t'))
        {
            text.push_str(&format!("                    — {page} —\n\u{c}"));
            for h in &header {
                text.push_str(h);
                text.push('\n');
            }
            text.push('\n');
            page += 1;
        }
    }
    assert!(page > 5, "the table runs over several pages");
    assert_same_as_seed(&text, "pages");
    // Lines still point into the input: each task's line holds its number.
    let doc = gongwen_parse::parse_text(&text);
    let input: Vec<&str> = text.lines().collect();
    for t in &doc.tasks {
        assert_eq!(
            input.get(t.line - 1).map(|l| l.trim()),
            Some(t.seq.to_string().as_str()),
            "task {}",
            t.seq
        );
    }

    // The table lined up with spaces, broken every 30 lines, the header line again on each page.
    let aligned = fixed_width(&[6, 60, 30, 40], ' ');
    let lines: Vec<String> = aligned.lines().map(str::to_string).collect();
    let header: Vec<String> = lines
        .iter()
        .filter(|l| l.starts_with("序号"))
        .take(1)
        .cloned()
        .collect();
    assert_eq!(header.len(), 1);
    assert_same_as_seed(
        &with_page_breaks(&lines, 30, Some(&header)),
        "aligned, pages",
    );
}

#[test]
fn prose_set_in_from_a_margin_its_table_does_not_share_is_joined() {
    // pdftotext -layout keeps the page's margin before the prose; the tab-laid table has none.
    let seed = seed_text();
    let expected = gongwen_parse::parse_text(&seed);
    let mut wrapped = String::new();
    for line in seed.lines() {
        let chars: Vec<char> = line.chars().collect();
        if line.starts_with('\t') || line.is_empty() {
            wrapped.push_str(line);
            wrapped.push('\n');
            continue;
        }
        for piece in chars.chunks(30) {
            wrapped.push_str("    ");
            wrapped.extend(piece);
            wrapped.push('\n');
        }
    }
    assert_same_as_seed(&wrapped, "margin");
    let doc = gongwen_parse::parse_text(&wrapped);
    assert_eq!(
        structure_without_lines(&doc),
        structure_without_lines(&expected),
        "margin: sections, paragraphs or diagnostics differ"
    );
}

#[test]
fn a_lone_row_of_labels_is_a_form_header_not_glued_text() {
    let text = "某市财政局关于报送资料的函\n\n各单位：\n\n请填写回执。\n\n某市财政局\n\n2023年4月28日\n\n附件\n\n联系人回执\n\n\
        单位名称\t联系人\t职务\t联系电话\n";
    let d = gongwen_parse::parse_text(text);
    let part = d.parts.last().expect("the attachment");
    assert!(part.preamble.is_empty(), "{:?}", part.preamble);
    assert_eq!(part.tables.len(), 1);
    assert_eq!(
        part.tables[0].rows,
        vec![vec!["单位名称", "联系人", "职务", "联系电话"]]
    );
    // Text set out with a tab is still a paragraph.
    let prose = text.replace(
        "单位名称\t联系人\t职务\t联系电话",
        "请于5月20日前报送，\t逾期不候。",
    );
    let d = gongwen_parse::parse_text(&prose);
    assert!(d.parts.last().expect("the attachment").tables.is_empty());
}

/// `paragraphs` as text copied out of a PDF: every line filled to `width` display columns, each
/// paragraph's first line set in by `indent` and the lines it wraps into at the margin.
fn pdf_copy(paragraphs: &[&str], width: usize, indent: &str) -> String {
    let mut out = String::new();
    for p in paragraphs {
        if p.is_empty() {
            out.push('\n');
            continue;
        }
        for line in wrap(&format!("{indent}{p}"), width) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// The sections of the document's last part, depth first: (marker, paragraphs).
fn sections(d: &gongwen_parse::Document) -> Vec<(String, Vec<String>)> {
    fn walk(s: &[gongwen_parse::Section], out: &mut Vec<(String, Vec<String>)>) {
        for s in s {
            out.push((s.marker.clone(), s.paragraphs.clone()));
            walk(&s.children, out);
        }
    }
    let mut out = Vec::new();
    if let Some(p) = d.parts.last() {
        walk(&p.sections, &mut out);
    }
    out
}

/// Short measures of two or three lines each: their indented first lines outnumber the full
/// lines they wrap into, which must still be joined.
const SHORT_MEASURES: [&str; 6] = [
    "（一）改造老旧供水管网。完成城区老旧供水管网改造一百二十公里，漏损率降到百分之九以下。（市水务局牵头，市住房城乡建设局配合）",
    "（二）提升污水收集能力。新建和改造污水管网八十公里，消除生活污水直排口。",
    "（三）推进雨污分流改造。在重点片区开展雨污分流，解决汛期溢流和内涝问题。",
    "（四）加强二次供水管理。对居民小区二次供水设施统一管理，定期清洗消毒。",
    "（五）建设智慧水务平台。整合供水排水监测数据，实现管网运行实时监控。",
    "（六）健全运行维护机制。明确管网养护责任，建立巡检和应急抢修制度。",
];

#[test]
fn a_pdf_copy_of_short_indented_paragraphs_is_joined() {
    for (indent, what) in [
        ("    ", "spaces"),
        ("\u{3000}\u{3000}", "ideographic spaces"),
    ] {
        let mut paras = vec![
            "某某市城市供水排水设施改造工作方案",
            "",
            "各区县人民政府，市政府各部门，各有关企事业单位，各街道办事处：",
        ];
        paras.extend(SHORT_MEASURES);
        let mut text = pdf_copy(&paras[..2], 56, "");
        // The addressees are flush left, and wrap like the rest.
        text.push_str(&wrap(paras[2], 56).join("\n"));
        text.push('\n');
        text.push_str(&pdf_copy(&paras[3..], 56, indent));
        assert!(
            text.lines().filter(|l| !l.starts_with(indent)).count() > 6,
            "{what}: continuation lines at the margin\n{text}"
        );
        let d = gongwen_parse::parse_text(&text);
        assert_eq!(
            d.notice.addressees,
            [
                "各区县人民政府",
                "市政府各部门",
                "各有关企事业单位",
                "各街道办事处"
            ],
            "{what}"
        );
        let got = sections(&d);
        assert_eq!(got.len(), SHORT_MEASURES.len(), "{what}: {got:?}");
        for ((marker, paragraphs), measure) in got.iter().zip(SHORT_MEASURES) {
            assert!(measure.starts_with(marker.as_str()), "{what}: {marker}");
            assert_eq!(paragraphs.len(), 1, "{what}: {marker} {paragraphs:?}");
        }
        let task = d.tasks.first().expect("the inline duty is a task");
        assert_eq!(task.lead, ["市水务局"], "{what}");
        assert_eq!(task.support, ["市住房城乡建设局"], "{what}");
    }
}

#[test]
fn a_pdf_copy_of_articles_is_joined_article_by_article() {
    let articles = [
        "第一条\u{3000}为规范城市道路占用和挖掘管理，保障道路完好和通行安全，制定本规定。",
        "第二条\u{3000}本规定适用于本市行政区域内城市道路的占用、挖掘及其监督管理活动。",
        "第三条\u{3000}市城市管理部门负责全市城市道路占用和挖掘的监督管理工作。",
        "第四条\u{3000}因工程建设需要挖掘城市道路的，建设单位应当提前三十日提出申请。",
        "第五条\u{3000}占用城市道路期满，占用单位应当及时清理现场并恢复道路原状。",
        "第六条\u{3000}本规定自发布之日起施行，有效期五年。",
    ];
    let mut paras = vec!["某某市城市道路占用挖掘管理规定", ""];
    paras.extend(articles);
    let text = pdf_copy(&paras, 56, "    ");
    let d = gongwen_parse::parse_text(&text);
    let got = sections(&d);
    assert_eq!(got.len(), articles.len(), "{got:?}");
    for ((marker, paragraphs), article) in got.iter().zip(articles) {
        let body = article.split_once('\u{3000}').map(|(_, b)| b).unwrap_or("");
        assert_eq!(paragraphs, &[body], "{marker}");
    }
}

/// `lines` broken into pages of `per_page` lines: each page ends with its number centred under
/// it, and each page after the first starts with a form feed and `header`, centred.
fn paged(lines: &[String], per_page: usize, header: &str) -> String {
    let mut out = String::new();
    for (k, page) in lines.chunks(per_page).enumerate() {
        if k > 0 {
            out.push_str(&format!("\u{c}{}{header}\n\n", " ".repeat(16)));
        }
        for l in page {
            out.push_str(l);
            out.push('\n');
        }
        out.push_str(&format!("\n{}— {} —\n", " ".repeat(24), k + 1));
    }
    out
}

/// The articles of a short regulation, for the running-header tests.
const ROAD_ARTICLES: [&str; 7] = [
    "第一条\u{3000}为规范城市道路占用和挖掘管理，保障道路完好和通行安全，维护公共利益，根据有关法律法规，结合本市实际，制定本规定。",
    "第二条\u{3000}本规定适用于本市行政区域内城市道路的占用、挖掘及其监督管理活动。本规定所称城市道路，是指城市供车辆、行人通行的具备一定技术条件的道路、桥梁及其附属设施。",
    "第三条\u{3000}市城市管理部门负责全市城市道路占用和挖掘的监督管理工作，区县城市管理部门按照职责分工负责本辖区内的具体管理工作。",
    "第四条\u{3000}因工程建设需要挖掘城市道路的，建设单位应当提前三十日提出申请，经批准后方可施工，并在施工现场设置明显标志和安全防护设施。",
    "第五条\u{3000}占用城市道路期满，占用单位应当及时清理现场并恢复道路原状，经城市管理部门验收合格后方可撤离。",
    "第六条\u{3000}违反本规定擅自占用或者挖掘城市道路的，由城市管理部门责令限期改正，并依法予以处罚。",
    "第七条\u{3000}本规定自发布之日起施行，有效期五年。",
];

#[test]
fn a_running_header_repeated_at_the_top_of_pages_is_dropped() {
    let title = "某某市城市道路占用挖掘管理规定";
    let articles = ROAD_ARTICLES;
    let mut paras = vec![title, ""];
    paras.extend(articles);
    let lines: Vec<String> = pdf_copy(&paras, 56, "    ")
        .lines()
        .map(|l| {
            if l == title {
                format!("{}{l}", " ".repeat(16))
            } else {
                l.to_string()
            }
        })
        .collect();
    // Seven lines a page: the breaks fall inside articles.
    let text = paged(&lines, 7, title);
    assert!(text.matches(title).count() >= 3, "{text}");
    let d = gongwen_parse::parse_text(&text);
    assert_eq!(d.notice.title.as_deref(), Some(title));
    let got = sections(&d);
    assert_eq!(got.len(), articles.len(), "{got:?}");
    for ((marker, paragraphs), article) in got.iter().zip(articles) {
        let body = article.split_once('\u{3000}').map(|(_, b)| b).unwrap_or("");
        assert_eq!(paragraphs, &[body], "{marker}");
    }

    // A line that tops one page only is that page's text, and stays.
    let header = format!("\u{c}{}{title}\n\n", " ".repeat(16));
    assert_eq!(text.matches(&header).count(), 2);
    let once = text
        .replacen(&header, "\u{c}", 1)
        .replacen(&header, "\u{c}某某市城市管理局\n", 1);
    let d = gongwen_parse::parse_text(&once);
    let json = serde_json::to_string(&d).expect("json");
    assert!(json.contains("某某市城市管理局"), "{json}");
}

#[test]
fn a_running_header_of_two_lines_is_dropped_whole() {
    // A title too long for one line, printed wrapped at the top of the first page and again as
    // the header of every page after it.
    let (first, second) = ("某某市城市道路占用挖掘", "管理规定（试行）");
    let title = format!("{first}{second}");
    let articles = ROAD_ARTICLES;
    let mut lines = vec![
        format!("{}{first}", " ".repeat(16)),
        format!("{}{second}", " ".repeat(18)),
        String::new(),
    ];
    lines.extend(pdf_copy(&articles, 56, "    ").lines().map(str::to_string));
    // Seven lines a page: the breaks fall inside articles.
    let text = paged(&lines, 7, &format!("{first}\n{}{second}", " ".repeat(18)));
    assert!(text.matches(second).count() >= 3, "{text}");
    let d = gongwen_parse::parse_text(&text);
    assert_eq!(d.notice.title.as_deref(), Some(title.as_str()));
    let got = sections(&d);
    assert_eq!(got.len(), articles.len(), "{got:?}");
    for ((marker, paragraphs), article) in got.iter().zip(articles) {
        let body = article.split_once('\u{3000}').map(|(_, b)| b).unwrap_or("");
        assert_eq!(paragraphs, &[body], "{marker}");
    }
}

/// A line with each text starting at its display column (a Chinese character two columns wide).
fn placed(pieces: &[(usize, &str)]) -> String {
    let mut line = String::new();
    for &(column, text) in pieces {
        let fill = column
            .saturating_sub(width(&line))
            .max(if line.is_empty() { 0 } else { 2 });
        line.extend(std::iter::repeat_n(' ', fill));
        line.push_str(text);
    }
    line
}

/// The tasks of a document as (number, text, lead units, supporting units, groups).
type TaskRow = (u32, String, Vec<String>, Vec<String>, Vec<String>);

fn task_rows(text: &str) -> Vec<TaskRow> {
    gongwen_parse::parse_text(text)
        .tasks
        .into_iter()
        .map(|t| (t.seq, t.text, t.lead, t.support, t.group))
        .collect()
}

fn task_row(seq: u32, text: &str, lead: &[&str], support: &[&str], group: &[&str]) -> TaskRow {
    let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect();
    (seq, text.to_string(), v(lead), v(support), v(group))
}

const LAYOUT_HEAD: &str = "某某任务分工\n\n";

#[test]
fn a_wrapped_cell_set_off_its_column_start_stays_in_its_cell() {
    // `pdftotext -layout` prints a centred cell's lines where their text centres them, not at
    // the column's start: the rest of a cell may start columns to the right or left of it.
    let header = placed(&[
        (1, "序号"),
        (13, "工作任务"),
        (39, "牵头单位"),
        (59, "配合单位"),
    ]);
    for shift in [-4isize, -2, 2, 4, 6] {
        let under = |column: usize| column.checked_add_signed(shift).expect("a column");
        let lines = [
            header.clone(),
            placed(&[
                (3, "1"),
                (8, "加快留抵退税政策落实"),
                (36, "市税务局"),
                (54, "市财政局、人行某某营"),
            ]),
            // A short rest of the task cell lies right of its start.
            placed(&[(8 + shift.unsigned_abs(), "进度"), (under(54), "业管理部")]),
            placed(&[
                (3, "2"),
                (8, "扩大政府专项债券使用范围"),
                (36, "市财政局"),
                (54, "市发展改革委"),
            ]),
            placed(&[
                (3, "3"),
                (8, "加大普惠小微贷款支持力度"),
                (36, "市金融监管局"),
                (54, "市税务局"),
            ]),
        ];
        let text = format!("{LAYOUT_HEAD}{}\n", lines.join("\n"));
        assert_eq!(
            task_rows(&text),
            [
                task_row(
                    1,
                    "加快留抵退税政策落实进度",
                    &["市税务局"],
                    &["市财政局", "人行某某营业管理部"],
                    &[]
                ),
                task_row(
                    2,
                    "扩大政府专项债券使用范围",
                    &["市财政局"],
                    &["市发展改革委"],
                    &[]
                ),
                task_row(
                    3,
                    "加大普惠小微贷款支持力度",
                    &["市金融监管局"],
                    &["市税务局"],
                    &[]
                ),
            ],
            "shifted {shift}:\n{text}"
        );
    }
}

#[test]
fn prose_right_after_a_space_aligned_table_is_not_a_wrapped_cell() {
    // Text starting at the margin, or set in but running across the columns, ends the table.
    for after in [
        "此后是正文。",
        "    此后是正文，不在表内的一段很长很长很长很长的文字。",
    ] {
        let text = format!(
            "{LAYOUT_HEAD}{}\n{}\n{after}\n",
            placed(&[
                (1, "序号"),
                (8, "工作任务"),
                (36, "牵头单位"),
                (54, "配合单位")
            ]),
            placed(&[
                (3, "1"),
                (8, "推动开放"),
                (36, "市商务委"),
                (54, "市财政局")
            ]),
        );
        let doc = gongwen_parse::parse_text(&text);
        assert_eq!(doc.tasks.len(), 1);
        assert_eq!(doc.tasks[0].text, "推动开放", "{after}");
        assert_eq!(doc.tasks[0].support, ["市财政局"], "{after}");
    }
}

#[test]
fn a_row_whose_number_sits_on_a_middle_line_is_read_whole() {
    // A PDF centres a row's number on its middle line: the task's text starts on the line above.
    let text = [
        placed(&[
            (1, "序号"),
            (13, "工作任务"),
            (39, "牵头单位"),
            (59, "配合单位"),
        ]),
        placed(&[(8, "加快留抵退税政策落实进度，")]),
        placed(&[
            (3, "1"),
            (8, "确保应退尽退，及时足额退"),
            (36, "市税务局"),
            (54, "市财政局"),
        ]),
        placed(&[(8, "付到位")]),
        placed(&[
            (3, "2"),
            (8, "扩大政府专项债券使用范围"),
            (36, "市财政局"),
            (54, "市发展改革委"),
        ]),
        placed(&[(8, "推进普惠小微贷款增量扩面，")]),
        placed(&[
            (3, "3"),
            (8, "加大首贷续贷支持力度"),
            (36, "市金融监管局"),
            (54, "市税务局"),
        ]),
        String::new(),
        "以上任务请各单位抓好落实。".to_string(),
    ]
    .join("\n");
    let doc = gongwen_parse::parse_text(&format!("{LAYOUT_HEAD}{text}\n"));
    assert!(
        doc.parts.iter().all(|p| p.sections.is_empty()),
        "no outline made of rows"
    );
    assert_eq!(
        task_rows(&format!("{LAYOUT_HEAD}{text}\n")),
        [
            task_row(
                1,
                "加快留抵退税政策落实进度，确保应退尽退，及时足额退付到位",
                &["市税务局"],
                &["市财政局"],
                &[]
            ),
            task_row(
                2,
                "扩大政府专项债券使用范围",
                &["市财政局"],
                &["市发展改革委"],
                &[]
            ),
            task_row(
                3,
                "推进普惠小微贷款增量扩面，加大首贷续贷支持力度",
                &["市金融监管局"],
                &["市税务局"],
                &[]
            ),
        ]
    );
}

#[test]
fn a_line_break_inside_a_tab_separated_cell_goes_on_with_the_cell() {
    // A Word or web table copied as text: each row on a line, cells set apart by tabs, and a
    // line break inside a cell printed as one. The last cell's next line has no tab; a middle
    // cell's next line holds the rest of the row.
    let text = "某某任务分工\n\n序号\t工作任务\t牵头单位\t配合单位\n\
                1\t打造文旅精品线路\t市文化旅游委牵头\n市交通局、市商务委配合\n\
                2\t建设智慧旅游平台，\n完善服务体系\t市文化旅游委\t市大数据发展局\n\
                3\t举办文旅节会活动\t市体育局\t市商务委\n\n以上任务请抓好落实。\n";
    assert_eq!(
        task_rows(text),
        [
            task_row(
                1,
                "打造文旅精品线路",
                &["市文化旅游委"],
                &["市交通局", "市商务委"],
                &[]
            ),
            task_row(
                2,
                "建设智慧旅游平台，完善服务体系",
                &["市文化旅游委"],
                &["市大数据发展局"],
                &[]
            ),
            task_row(3, "举办文旅节会活动", &["市体育局"], &["市商务委"], &[]),
        ]
    );
}

#[test]
fn number_and_group_printed_once_over_rows_belong_to_the_rows_below() {
    // Merged 序号 and 主要任务 cells copied as text: printed on their first row, empty below.
    let rows = [
        ["序号", "主要任务", "具体举措", "牵头单位", "配合单位"],
        [
            "1",
            "保障粮食安全",
            "稳定粮食播种面积",
            "市农业农村委",
            "市财政局",
        ],
        ["", "", "建设高标准农田", "市农业农村委", "市水利局"],
        [
            "2",
            "发展乡村产业",
            "培育农业龙头企业",
            "市农业农村委",
            "市商务委",
        ],
    ];
    let markdown: Vec<String> = rows
        .iter()
        .map(|r| format!("| {} |", r.join(" | ")))
        .collect();
    let bars: Vec<String> = rows.iter().map(|r| r.join(" | ")).collect();
    for (what, table) in [("markdown", markdown), ("bars", bars)] {
        let text = format!("某某任务分工\n\n{}\n", table.join("\n"));
        assert_eq!(
            task_rows(&text),
            [
                task_row(
                    1,
                    "稳定粮食播种面积",
                    &["市农业农村委"],
                    &["市财政局"],
                    &["保障粮食安全"]
                ),
                task_row(
                    1,
                    "建设高标准农田",
                    &["市农业农村委"],
                    &["市水利局"],
                    &["保障粮食安全"]
                ),
                task_row(
                    2,
                    "培育农业龙头企业",
                    &["市农业农村委"],
                    &["市商务委"],
                    &["发展乡村产业"]
                ),
            ],
            "{what}"
        );
        // The number printed once is no repeat.
        let numbering: Vec<String> = gongwen_parse::parse_text(&text)
            .diagnostics
            .into_iter()
            .map(|d| d.code)
            .filter(|c| c.starts_with("task_number"))
            .collect();
        assert!(numbering.is_empty(), "{what}: {numbering:?}");
    }
}

#[test]
fn an_attachment_head_between_two_tables_is_no_line_break_of_a_cell() {
    // The normalized text the text writer prints: each table's rows set in by a tab, the next
    // attachment's label and title right under the last row.
    let text = "某县人民政府办公室\n关于做好改造工作的通知\n某政办发〔2023〕2号\n各乡镇人民政府：\n\
                现将任务分工和分配表印发给你们。\n附件：1．任务分工\n2．任务分配表\n\
                某县人民政府办公室\n2023年5月19日\n\
                附件1\n任务分工\n\t序号\t任务\t牵头单位\n\t1\t新改建户厕\t县农业农村局\n\
                \t2\t建设公厕\t县城管局、县财政局\n\
                附件2\n任务分配表\n\t乡镇\t任务（户）\n\t东川镇\t3000\n\t西山镇\t2000\n";
    let d = gongwen_parse::parse_text(text);
    let tables: Vec<(Option<&str>, usize)> = d
        .parts
        .iter()
        .flat_map(|p| {
            p.tables
                .iter()
                .map(move |t| (p.label.as_deref(), t.rows.len()))
        })
        .collect();
    assert_eq!(tables, [(Some("附件1"), 3), (Some("附件2"), 3)]);
    assert_eq!(d.tasks[1].lead, ["县城管局", "县财政局"]);
}

#[test]
fn a_number_printed_once_over_two_tasks_without_a_group_column_is_shared() {
    let numbers = |rows: &[&str]| -> (Vec<u32>, Vec<String>) {
        let text = format!("某某任务分工\n\n{}\n", rows.join("\n"));
        let d = gongwen_parse::parse_text(&text);
        (
            d.tasks.iter().map(|t| t.seq).collect(),
            d.diagnostics
                .into_iter()
                .map(|x| x.code)
                .filter(|c| c.starts_with("task_number"))
                .collect(),
        )
    };
    // A merged 序号 copied as text: printed on the first row, empty under it.
    let merged = numbers(&[
        "| 序号 | 工作任务 | 牵头单位 |",
        "| 1 | 推进数据共享 | 市大数据局 |",
        "|  | 建设政务云平台 | 市经济信息委 |",
        "| 2 | 优化营商环境 | 市发展改革委 |",
    ]);
    assert_eq!(merged, (vec![1, 1, 2], vec![]));
    // A 序号 column left empty throughout: the tasks are counted.
    let unnumbered = numbers(&[
        "| 序号 | 工作任务 | 牵头单位 |",
        "|  | 推进数据共享 | 市大数据局 |",
        "|  | 建设政务云平台 | 市经济信息委 |",
        "|  | 优化营商环境 | 市发展改革委 |",
    ]);
    assert_eq!(unnumbered.0, [1, 2, 3]);
}

#[test]
fn a_tab_led_row_under_a_header_not_set_in_starts_with_an_empty_cell() {
    // The second header row under a merged `责任单位`: its leading tab is the empty cell under
    // `序号`, not the row's indentation.
    // The second header row may lose the tab of its empty last cell, or keep it.
    let text = |second: &str| {
        format!(
            "某某任务分工\n\n序号\t重点任务\t责任单位\t\t完成时限\n{second}\n\
        1\t推进城市更新。\t市住房城乡建委\t市财政局\t12月\n\
        2\t建设智慧城市。\t市大数据局\t市经济信息委、市通信管理局\t11月\n"
        )
    };
    for second in ["\t\t牵头单位\t配合单位\t", "\t\t牵头单位\t配合单位"] {
        assert_eq!(
            task_rows(&text(second)),
            [
                task_row(1, "推进城市更新。", &["市住房城乡建委"], &["市财政局"], &[]),
                task_row(
                    2,
                    "建设智慧城市。",
                    &["市大数据局"],
                    &["市经济信息委", "市通信管理局"],
                    &[]
                ),
            ],
            "{second:?}"
        );
    }
}

#[test]
fn units_a_layout_sets_apart_by_spaces_in_a_paragraph_are_each_a_unit() {
    let notice = |allocation: &str| {
        format!(
            "某某市人民政府办公厅关于印发某某工作方案的通知\n各区县人民政府，市政府各部门：\n\
             现将方案印发给你们，请认真贯彻执行。\n\
             一、加快建设数字政府。推进政务数据共享。{allocation}\n\
             某某市人民政府办公厅\n2023年3月1日\n"
        )
    };
    for (allocation, lead, support) in [
        (
            "（责任单位：市发展改革委　市大数据局）",
            vec!["市发展改革委", "市大数据局"],
            vec![],
        ),
        (
            "（责任单位：市发展改革委  市大数据局等）",
            vec!["市发展改革委", "市大数据局"],
            vec![],
        ),
        (
            "（牵头单位：市市场监管局；配合单位：市公安局\u{a0}\u{a0}市司法局）",
            vec!["市市场监管局"],
            vec!["市公安局", "市司法局"],
        ),
        // With 、 as printed, the same.
        (
            "（责任单位：市发展改革委、市大数据局）",
            vec!["市发展改革委", "市大数据局"],
            vec![],
        ),
    ] {
        let doc = gongwen_parse::parse_text(&notice(allocation));
        assert_eq!(doc.tasks.len(), 1, "{allocation}");
        assert_eq!(doc.tasks[0].lead, lead, "{allocation}");
        assert_eq!(doc.tasks[0].support, support, "{allocation}");
    }
    // Words that are not all units' names stay as written.
    let doc = gongwen_parse::parse_text(&notice("（责任单位：市发展改革委　牵头负责）"));
    assert!(
        doc.tasks
            .iter()
            .all(|t| t.lead.iter().all(|u| u != "牵头负责")),
        "{:?}",
        doc.tasks
    );
}

#[test]
fn addressees_a_layout_sets_apart_by_spaces_are_each_an_addressee() {
    let notice = |addressees: &str| {
        format!(
            "某某市人民政府关于加强安全生产工作的通知\n{addressees}\n\
             为加强安全生产工作，现通知如下。\n某某市人民政府\n2023年3月1日\n"
        )
    };
    for line in [
        "各区县人民政府　市政府各部门　有关单位：",
        "各区县人民政府  市政府各部门  有关单位：",
        "各区县人民政府，市政府各部门，有关单位：",
    ] {
        let doc = gongwen_parse::parse_text(&notice(line));
        assert_eq!(
            doc.notice.addressees,
            ["各区县人民政府", "市政府各部门", "有关单位"],
            "{line}"
        );
    }
    // Words that are not all organs or groups are not split into addressees.
    let doc = gongwen_parse::parse_text(&notice("各区县人民政府　抓好落实："));
    assert!(
        doc.notice.addressees.len() <= 1,
        "{:?}",
        doc.notice.addressees
    );
}

#[test]
fn a_title_spaced_by_its_layout_reads_as_one_piece() {
    let text = "某某市人民政府关于印发  某某工作方案  的通知\n各区县人民政府：\n\
                现将方案印发给你们，请认真贯彻执行。\n某某市人民政府\n2023年3月1日\n";
    let doc = gongwen_parse::parse_text(text);
    assert_eq!(
        doc.notice.title.as_deref(),
        Some("某某市人民政府关于印发某某工作方案的通知")
    );
    assert_eq!(doc.notice.issuer.as_deref(), Some("某某市人民政府"));
    // So does the title of the plan it encloses.
    let text = format!(
        "{text}某某市  数字政府建设  工作方案\n一、总体要求\n坚持统筹推进。\n二、重点任务\n加快数据共享。\n"
    );
    let doc = gongwen_parse::parse_text(&text);
    let titles: Vec<_> = doc
        .parts
        .iter()
        .filter_map(|p| p.title.as_deref())
        .collect();
    assert!(titles.contains(&"某某市数字政府建设工作方案"), "{titles:?}");
}

#[test]
fn a_units_cell_broken_after_a_separator_in_a_cell_per_line_table_goes_on_with_the_cell() {
    // One cell a line, no blank lines: a units cell that broke after its `、` goes on with the
    // next line, in the last column (the row already full) or in one before it.
    let text = format!(
        "{LAYOUT_HEAD}序号\n任务内容\n牵头单位\n配合单位\n1\n实施产业集群提升行动\n市经济信息委\n市发展改革委、市科技局、\n市商务委\n2\n打造电子信息产业集群\n市经济信息委、\n市大数据局\n市科技局\n3\n推进先进材料产业发展\n市经济信息委\n市科技局、\n市商务委\n\n二、保障措施\n"
    );
    assert_eq!(
        task_rows(&text),
        [
            task_row(
                1,
                "实施产业集群提升行动",
                &["市经济信息委"],
                &["市发展改革委", "市科技局", "市商务委"],
                &[]
            ),
            task_row(
                2,
                "打造电子信息产业集群",
                &["市经济信息委", "市大数据局"],
                &["市科技局"],
                &[]
            ),
            task_row(
                3,
                "推进先进材料产业发展",
                &["市经济信息委"],
                &["市科技局", "市商务委"],
                &[]
            ),
        ],
        "{text}"
    );
}

#[test]
fn a_group_heading_right_under_a_cell_per_line_header_is_a_group_not_a_column() {
    // `一、经济发展` is as short as a column's name: it is the first group's heading all the same.
    let text = format!(
        "{LAYOUT_HEAD}序号\n工作任务\n责任单位\n完成时限\n一、经济发展\n1\n推动工业稳增长\n区经济信息化局\n全年\n二、社会民生\n1\n新增城镇就业\n区人力社保局\n12月底\n"
    );
    assert_eq!(
        task_rows(&text),
        [
            task_row(
                1,
                "推动工业稳增长",
                &["区经济信息化局"],
                &[],
                &["一、经济发展"]
            ),
            task_row(1, "新增城镇就业", &["区人力社保局"], &[], &["二、社会民生"]),
        ],
        "{text}"
    );
    let doc = gongwen_parse::parse_text(&text);
    let table = doc
        .parts
        .iter()
        .flat_map(|p| p.tables.iter())
        .next()
        .expect("a table");
    assert_eq!(table.rows[0], ["序号", "工作任务", "责任单位", "完成时限"]);
}

#[test]
fn a_web_page_or_post_copied_as_text_is_read_without_its_furniture() {
    let notice = "某某县人民政府关于加强安全生产工作的意见\n某政发〔2022〕21号\n\n\
                  各乡镇人民政府，县政府各部门：\n　　现提出如下意见。\n\
                  \u{3000}\u{3000}一、压实责任\n　　（一）落实属地责任。（责任单位：各乡镇人民政府）\n\n\
                  某某县人民政府\n2022年8月12日\n";
    let expected = gongwen_parse::parse_text(notice);
    let page = format!(
        "首页 > 政务公开 > 政策文件\n【字体：大 中 小】　打印本页　关闭窗口\n\
         发布时间：2022-08-15 09:12:33　来源：县政府办公室　浏览次数：1523\n\n{notice}\n\
         【打印】【关闭】\n上一篇：某某县人民政府关于公布重点项目的通知\n"
    );
    let post = format!(
        "点击上方蓝字关注我们\n2023-04-12 18:30 发表于浙江\n\n{notice}\n\
         来源：某某县人民政府办公室\n编辑：张某 审核：李某\n阅读原文\n"
    );
    // A provincial portal's page: its QR code's caption and share line over the notice, its
    // related links, tools and the site's footer under it.
    let portal = format!(
        "首页 > 政务公开 > 政策文件
发布时间：2022-08-15 09:12　来源：县政府办公室　浏览量：2356
         【字体：大 中 小】　【打印】　【关闭】
分享到：
扫一扫在手机打开当前页

{notice}
         相关链接：
某某县人民政府关于加强安全生产工作的通知
【我要纠错】【打印本页】【关闭窗口】
         主办：某某县人民政府办公室　承办：某某县大数据中心
某ICP备05000163号　网站标识码：3500000062
"
    );
    for copy in [page, post, portal] {
        let doc = gongwen_parse::parse_text(&copy);
        assert_eq!(doc.notice.title, expected.notice.title, "{copy}");
        assert_eq!(doc.notice.addressees, expected.notice.addressees, "{copy}");
        assert_eq!(doc.notice.doc_number, expected.notice.doc_number);
        assert_eq!(doc.notice.signature, expected.notice.signature);
        assert_eq!(doc.notice.date, expected.notice.date);
        assert_eq!(doc.parts.len(), expected.parts.len(), "{copy}");
        assert_eq!(
            tasks_without_lines(&doc),
            tasks_without_lines(&expected),
            "{copy}"
        );
    }
    // A lone source line at the end may be a table's source, not a post's credit: it stays.
    let source = gongwen_parse::parse_text(&format!("{notice}\n来源：县统计局\n"));
    assert!(format!("{source:?}").contains("县统计局"));
}

#[test]
fn a_text_that_is_an_attachment_alone_is_titled_by_its_part() {
    // A task table published on its own (`附件2` / its title / the table) has no letter's title
    // to miss; a text with no title at all still gets the warning.
    let alone = gongwen_parse::parse_text(
        "附件2\n\n某某区生态环境保护重点任务分工\n\n\
         序号 | 工作任务 | 牵头单位 | 配合单位\n1 | 开展大气污染防治 | 区生态环境分局 | 区住建局\n",
    );
    assert_eq!(
        alone.parts[0].title.as_deref(),
        Some("某某区生态环境保护重点任务分工")
    );
    assert_eq!(alone.tasks.len(), 1);
    assert!(alone.diagnostics.iter().all(|d| d.code != "no_title"));
    let untitled = gongwen_parse::parse_text("一、总体要求\n\n坚持稳中求进。\n");
    assert!(untitled.diagnostics.iter().any(|d| d.code == "no_title"));
}

#[test]
fn a_table_of_contents_at_the_top_of_a_text_is_not_read_as_the_headings_again() {
    // A long plan exported to text opens with its 目录: each entry a heading, a leader and a page
    // number. Read, the headings would come twice (the second run out of order) and `目录`
    // would join the title.
    let doc = gongwen_parse::parse_text(
        "某某县国土空间总体规划文本\n\n目  录\n\
         一、规划总则 ........................ 1\n\
         \u{3000}\u{3000}（一）规划目的……………………1\n\
         二、实施保障………………………………12\n\n\
         一、规划总则\n（一）规划目的\n本规划是县域国土空间保护的总纲。\n\
         二、实施保障\n加强规划传导。\n",
    );
    assert_eq!(
        doc.notice.title.as_deref(),
        Some("某某县国土空间总体规划文本")
    );
    let heads: Vec<(&str, &str)> = doc.parts[0]
        .sections
        .iter()
        .map(|s| (s.marker.as_str(), s.heading.as_str()))
        .collect();
    assert_eq!(heads, [("一、", "规划总则"), ("二、", "实施保障")]);
    assert_eq!(doc.parts[0].sections[0].children.len(), 1);
    assert!(doc.diagnostics.iter().all(|d| d.code != "numbering_order"));
    // A line of the text that ends with a number after dots is kept when it is prose.
    let prose = gongwen_parse::parse_text("一、总体要求\n全市共有企业…………\n");
    assert!(format!("{prose:?}").contains("全市共有企业"));
}

#[test]
fn a_post_headed_by_its_author_and_account_and_closed_by_a_link_is_read_without_them() {
    // The app prints the author and the account before the post's time, and a post closes with
    // `END` and a call to read the original above its credits.
    let notice = "关于做好防汛工作的通知\n各社区、街道各科室：\n现就有关事项通知如下。\n\
                  一、压实责任\n（一）落实属地责任。（责任单位：各社区）\n\n某某街道办事处\n2023年3月14日\n";
    let expected = gongwen_parse::parse_text(notice);
    let post = format!(
        "原创 某某街道 某某街道发布 2023-03-15 09:30 发表于浙江\n\n{notice}\n\
         END\n点击“阅读原文”查看更多\n来源：某某街道办事处\n编辑：小李 审核：老王\n"
    );
    let doc = gongwen_parse::parse_text(&post);
    assert_eq!(doc.notice.title, expected.notice.title);
    assert_eq!(doc.notice.addressees, expected.notice.addressees);
    assert_eq!(doc.notice.addressees, ["各社区、街道各科室"]);
    assert_eq!(doc.notice.signature, expected.notice.signature);
    assert_eq!(
        gongwen_tests::part_heads(&doc),
        gongwen_tests::part_heads(&expected)
    );
    assert!(!format!("{doc:?}").contains("阅读原文"));
    assert!(!format!("{doc:?}").contains("发表于"));
    // A line of the notice that names a time is not taken for the post's.
    let meeting =
        gongwen_parse::parse_text(&format!("{notice}\n会议定于 2023-03-20 09:30 召开。\n"));
    assert!(format!("{meeting:?}").contains("会议定于"));
}

#[test]
fn tasks_printed_as_records_of_labelled_lines_lose_their_labels() {
    let head = "某县人民政府办公室关于印发重点任务分工的通知\n各乡镇人民政府，县政府各部门：\n\
                现将重点任务分工印发给你们，请认真贯彻落实。\n\n某县人民政府办公室\n2023年4月6日\n\n\
                附件\n\n重点任务分工\n\n一、优化营商环境\n（一）提升政务服务水平。\n";
    // A task's text, lead, support and groups.
    type Read = (String, Vec<String>, Vec<String>, Vec<String>);
    let project = |text: &str| -> Vec<Read> {
        gongwen_parse::parse_text(text)
            .tasks
            .into_iter()
            .map(|t| (t.text, t.lead, t.support, t.group))
            .collect()
    };
    let tasks = [
        ("推行企业开办一日办结。", "县市场监管局", "县税务局"),
        ("推进不动产登记一窗受理。", "县自然资源局", "县税务局"),
    ];
    // Each task a record: `序号：N`, `任务：…`, then its units; or numbered by its label.
    let records: String = tasks
        .iter()
        .enumerate()
        .map(|(i, (t, l, s))| format!("序号：{}\n任务：{t}\n牵头单位：{l}\n配合单位：{s}\n", i + 1))
        .collect();
    let labelled: String = tasks
        .iter()
        .enumerate()
        .map(|(i, (t, l, s))| format!("任务{}：{t}\n牵头单位：{l}\n配合单位：{s}\n", i + 1))
        .collect();
    let group = vec![
        "一、优化营商环境".to_string(),
        "（一）提升政务服务水平。".to_string(),
    ];
    let expected: Vec<_> = tasks
        .iter()
        .map(|(t, l, s)| {
            (
                t.to_string(),
                vec![l.to_string()],
                vec![s.to_string()],
                group.clone(),
            )
        })
        .collect();
    assert_eq!(project(&format!("{head}{records}")), expected);
    assert_eq!(project(&format!("{head}{labelled}")), expected);
    // A measure under a heading printed as a sentence still opens with the heading.
    let measure = project(&format!(
        "{head}全面推行帮办代办。\n牵头单位：县政务服务中心\n"
    ));
    assert_eq!(measure[0].0, "提升政务服务水平。全面推行帮办代办。");
}

#[test]
fn measures_under_a_heading_printed_as_a_sentence_are_grouped_by_that_sentence() {
    // `（二）以某地为龙头，打造某示范区。` has a top-level comma: the outline reads it as text,
    // not as a heading; the measures numbered under it still belong to it.
    let text = "某市人民政府办公室关于印发试点任务分工的通知\n各区县人民政府：\n\
                现将试点任务分工印发给你们。\n\n某市人民政府办公室\n2022年3月1日\n\n附件\n\n\
                试点任务分工\n\n一、推动重点平台示范发展\n\
                （一）以高新区为龙头，打造科技成果转化示范区。\n\
                1.支持建设中试基地。\n牵头单位：市科技局　　配合单位：市财政局\n\
                2.支持设立转化基金。\n牵头单位：市金融监管局\n\
                （二）提升开放平台能级。\n3.推进口岸功能拓展。\n牵头单位：市商务委\n";
    let d = gongwen_parse::parse_text(text);
    let groups: Vec<_> = d.tasks.iter().map(|t| (t.seq, t.group.clone())).collect();
    let g = |second: &str| vec!["一、推动重点平台示范发展".to_string(), second.to_string()];
    assert_eq!(
        groups,
        vec![
            (1, g("（一）以高新区为龙头，打造科技成果转化示范区。")),
            (2, g("（一）以高新区为龙头，打造科技成果转化示范区。")),
            (3, g("（二）提升开放平台能级。")),
        ]
    );
}

/// Every section of a document as (level, marker, heading, paragraphs), in reading order.
fn outline(doc: &gongwen_parse::Document) -> Vec<(u32, String, String, Vec<String>)> {
    fn walk(s: &[gongwen_parse::Section], out: &mut Vec<(u32, String, String, Vec<String>)>) {
        for s in s {
            out.push((
                s.level,
                s.marker.clone(),
                s.heading.clone(),
                s.paragraphs.clone(),
            ));
            walk(&s.children, out);
        }
    }
    let mut out = Vec::new();
    for p in &doc.parts {
        walk(&p.sections, &mut out);
    }
    out
}

#[test]
fn a_whole_markdown_document_gives_the_seeds_notice_outline_and_tasks() {
    // The notice as a Markdown editor (or a converter from the web page) writes it: the title
    // and the plan's title as `#` headings, numbered headings as `##` and `###` (some closed
    // with `#`), a run-in heading in bold, the signature in bold, and the table in bars.
    let (before, rows, after) = table_rows(&seed_text());
    let mut out = Vec::new();
    let (mut titles, mut h3) = (0, 0);
    for l in &before {
        let t = l.trim();
        let first = t.chars().next();
        let is_h1 = t.starts_with("一、") || t.starts_with("二、") || t.starts_with("三、");
        let is_h2 = first == Some('（') && t.chars().nth(2) == Some('）');
        if t.starts_with("关于印发") || (t.ends_with("方案") && t.chars().count() < 30) {
            titles += 1;
            out.push(format!("# {t}"));
        } else if is_h1 {
            out.push(format!("## {t} ##"));
        } else if is_h2 && t.chars().count() < 12 {
            h3 += 1;
            out.push(format!("### {t}"));
        } else if is_h2 || (t.ends_with("人民政府") && out.len() > 5) {
            // A run-in heading, and the signature, in bold.
            out.push(format!("**{t}**"));
        } else {
            out.push(l.clone());
        }
    }
    assert!(
        titles >= 2 && h3 >= 3,
        "the seed's shape changed: {titles} titles, {h3} headings"
    );
    for (i, r) in rows.iter().enumerate() {
        out.push(format!("| {} |", r.join(" | ")));
        if i == 0 {
            out.push("|---|---|---|---|".into());
        }
    }
    out.extend(after);
    let markdown = out.join("\n");
    assert!(markdown.contains("\n## 一、") && markdown.contains("\n### （一）"));
    assert_same_as_seed(&markdown, "whole markdown");
    let seed = gongwen_parse::parse_text(&seed_text());
    let doc = gongwen_parse::parse_text(&markdown);
    assert!(outline(&seed).len() >= 10);
    assert_eq!(
        outline(&doc),
        outline(&seed),
        "whole markdown: outline differs"
    );
}

#[test]
fn hashes_that_are_no_markdown_heading_stay_as_printed() {
    // `#1机组` (no space after the mark) and a line of seven marks are text, not headings.
    // (Normalization drops the space between the marks and the Han text.)
    for (line, kept) in [
        ("#1机组检修任务", "#1机组检修任务"),
        ("####### 七个井号", "#######七个井号"),
    ] {
        let text = format!(
            "某某市人民政府\n\n关于做好检修工作的通知\n\n各单位：\n\n{line}\n\n某某市人民政府\n\n2021年8月4日\n"
        );
        let doc = gongwen_parse::parse_text(&text);
        let json = serde_json::to_string(&doc).expect("serializes");
        assert!(json.contains(kept), "{line} lost: {json}");
    }
}

#[test]
fn a_copy_headed_by_its_pages_or_posts_title_keeps_the_notices_own_head() {
    // A site or a post prints the notice's title over the copy, on one line, and the notice
    // prints it again in its head (issuer, title over two lines, number, addressees). Read as
    // the title, the headline left the number and the addressees in the body.
    let seed = seed_text();
    let expected = gongwen_parse::parse_text(&seed);
    let full = expected.notice.title.clone().expect("the seed has a title");
    let issuer = expected
        .notice
        .issuer
        .clone()
        .expect("the seed has an issuer");
    let own = full
        .strip_prefix(issuer.as_str())
        .expect("the title opens with the issuer");
    let account = "某某发布";
    let copies = [
        format!("{full}\n\n{seed}"),
        format!("{full}\n{seed}"),
        format!("{own}\n\n{seed}"),
        format!("《{full}》\n\n{seed}"),
        format!("{full}\n\n原创 {account} {account} 2021-08-10 18:30\n\n{seed}"),
        format!("{account}\n\n{full}\n\n{account} 2021年08月10日 18:30 重庆\n\n{seed}"),
        format!("{account}\n2021-08-10 18:30\n\n{seed}"),
    ];
    for copy in &copies {
        let doc = gongwen_parse::parse_text(copy);
        let head: String = copy.lines().take(5).collect::<Vec<_>>().join(" / ");
        assert_eq!(
            gongwen_tests::notice_without_line(&doc),
            gongwen_tests::notice_without_line(&expected),
            "{head}"
        );
        assert!(doc.notice.doc_number.is_some(), "{head}");
        assert_eq!(
            tasks_without_lines(&doc),
            tasks_without_lines(&expected),
            "{head}"
        );
        assert!(!format!("{doc:?}").contains(account), "{head}");
    }
    // A headline the head below does not repeat is the title, as before.
    let other = format!("{issuer}关于印发另一项工作方案的通知");
    let doc = gongwen_parse::parse_text(&format!("{other}\n\n{seed}"));
    assert_eq!(doc.notice.title.as_deref(), Some(other.as_str()));
}

#[test]
fn a_tab_table_with_bold_group_rows_padded_with_tabs_gives_every_task() {
    // A row-per-line table whose group rows are set in bold and keep their empty cells: the
    // emphasis around the whole line comes off, and the row is read as the group row it is.
    let (before, rows, after) = table_rows(&seed_text());
    let mut out = before;
    for r in &rows {
        if r.len() == 1 {
            out.push(format!("**{}**\t\t\t", r[0].trim()));
        } else {
            out.push(r.join("\t"));
        }
    }
    out.extend(after);
    assert_same_as_seed(&out.join("\n"), "tabs, bold group rows padded with tabs");
}

#[test]
fn unicode_line_separators_break_lines_as_line_feeds_do() {
    // Some PDF readers and web editors write U+2028 (or U+2029) for every line break.
    let seed = seed_text();
    assert_same_as_seed(&seed.replace('\n', "\u{2028}"), "U+2028 line breaks");
    assert_same_as_seed(&seed.replace('\n', "\u{2029}"), "U+2029 paragraph breaks");
    // Where a line feed parts the lines too, a separator inside a line still breaks it.
    let mixed: String = seed
        .split_inclusive('\n')
        .enumerate()
        .map(|(i, l)| {
            if i % 2 == 0 {
                l.replace('\n', "\u{2028}")
            } else {
                l.to_string()
            }
        })
        .collect();
    assert_same_as_seed(&mixed, "U+2028 and line feeds in turn");
}

#[test]
fn characters_that_print_nothing_inside_names_are_removed() {
    // A site that spoils copying puts a zero-width space between characters (here after every
    // third of the whole text); Word and HTML exports leave joiners and soft hyphens.
    let seed = seed_text();
    let mut sprinkled = String::new();
    for (i, c) in seed.chars().enumerate() {
        sprinkled.push(c);
        if is_han_char(c) && i % 3 == 0 {
            sprinkled.push(['\u{200B}', '\u{200D}', '\u{2060}', '\u{00AD}', '\u{FEFF}'][i % 5]);
        }
    }
    assert_same_as_seed(&sprinkled, "invisible characters");
}

fn is_han_char(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

#[test]
fn page_numbers_printed_as_page_of_pages_or_bare_before_a_form_feed_are_read_around() {
    let aligned = fixed_width(&[6, 60, 30, 40], ' ');
    let lines: Vec<String> = aligned.lines().map(str::to_string).collect();
    let paged = with_page_breaks(&lines, 30, None);
    let pages = paged.matches('\u{c}').count();
    assert!(pages > 3, "the text runs over several pages");
    // The same pages numbered `3/12` (WPS, a browser's print), or by the number alone, centred
    // above the form feed.
    let renumbered = |number: &dyn Fn(&str) -> String| -> String {
        paged
            .split_inclusive('\n')
            .map(|l| {
                match l
                    .trim()
                    .strip_prefix("— ")
                    .and_then(|n| n.strip_suffix(" —"))
                {
                    Some(n) => format!("{}{}\n", " ".repeat(30), number(n)),
                    None => l.to_string(),
                }
            })
            .collect()
    };
    let of_pages = renumbered(&|n| format!("{n}/{pages}"));
    let bare = renumbered(&|n| n.to_string());
    assert!(of_pages.contains(&format!("2/{pages}\n")) && !of_pages.contains("— 2 —"));
    assert_same_as_seed(&of_pages, "pages numbered n/N");
    assert_same_as_seed(&bare, "pages numbered by a bare number");
}

#[test]
fn running_footers_two_part_heads_and_a_browsers_print_furniture_are_read_around() {
    let aligned = fixed_width(&[6, 60, 30, 40], ' ');
    let lines: Vec<String> = aligned.lines().map(str::to_string).collect();
    let paged = with_page_breaks(&lines, 30, None);
    let pages = paged.matches('\u{c}').count() + 1;
    assert!(pages > 3, "the text runs over several pages");
    let page_number = |l: &str| {
        l.trim()
            .strip_prefix("— ")
            .and_then(|n| n.strip_suffix(" —"))
            .map(str::to_string)
    };
    let relaid = |foot: &dyn Fn(&str) -> String, head: &str| -> String {
        let mut out = String::new();
        for l in paged.split_inclusive('\n') {
            match page_number(l) {
                Some(n) => out.push_str(&foot(&n)),
                None if l.starts_with('\u{c}') && !head.is_empty() => {
                    out.push('\u{c}');
                    out.push_str(head);
                    out.push_str("\n\n");
                    out.push_str(&l['\u{c}'.len_utf8()..]);
                }
                None => out.push_str(l),
            }
        }
        out
    };
    // A site's line above every page number.
    let footed = relaid(
        &|n| {
            format!(
                "      某某市人民政府网 www.example.gov.cn\n{}— {n} —\n",
                " ".repeat(30)
            )
        },
        "",
    );
    assert_same_as_seed(&footed, "a running footer");
    // A gazette's head set left and right at the top of every page but the first.
    let headed = relaid(
        &|n| format!("{}— {n} —\n", " ".repeat(30)),
        "2021年第20期                              某某市人民政府公报",
    );
    assert_same_as_seed(&headed, "a two-part running head");
    // A browser's print: its stamp and the page's title top every page, the first one too, and
    // the page's address with `n/N` ends every page.
    let stamp = "2021/8/10 09:15                    重庆市人民政府关于印发重庆市服务业扩大开…";
    let printed = format!(
        "{stamp}\n\n{}",
        relaid(
            &|n| format!(
                "\nhttp://www.example.gov.cn/zwgk/zfwj/202108/t20210810_1.html        {n}/{pages}\n"
            ),
            stamp,
        )
    );
    assert_same_as_seed(&printed, "a browser's print");
}

#[test]
fn a_regulations_contents_without_page_numbers_is_not_read_as_its_chapters() {
    // A law or regulation prints its chapters under `目　　录` without page numbers, then the
    // chapters (their titles letter-spaced: `第一章　总　　则`).
    let regulation = |contents: &str| {
        format!(
            "某某省安全生产条例\n\n（2009年1月18日某某省第十一届人民代表大会常务委员会第七次会议通过）\n\n\
             {contents}第一章　总　　则\n\n第一条　为了加强安全生产工作，制定本条例。\n\n\
             第二条　本条例适用于本省行政区域内的生产经营单位。\n\n\
             第二章　生产经营单位的安全生产保障\n\n第三条　生产经营单位的主要负责人对本单位的安全生产工作全面负责。\n\n\
             第三章　附　　则\n\n第四条　本条例自2009年5月1日起施行。\n"
        )
    };
    let outline = |d: &gongwen_parse::Document| -> Vec<(String, usize)> {
        d.parts
            .iter()
            .flat_map(|p| &p.sections)
            .map(|s| (s.marker.clone(), s.children.len() + s.paragraphs.len()))
            .collect()
    };
    let bare = gongwen_parse::parse_text(&regulation(""));
    let contents = "目　　录\n\n第一章　总则\n第二章　生产经营单位的安全生产保障\n第三章　附则\n\n";
    for (what, text) in [
        ("contents", regulation(contents)),
        (
            "contents, blank lines between",
            regulation(&contents.replace('\n', "\n\n")),
        ),
    ] {
        let doc = gongwen_parse::parse_text(&text);
        assert_eq!(outline(&doc), outline(&bare), "{what}");
        assert_eq!(outline(&doc).len(), 3, "{what}");
        assert!(
            doc.diagnostics.iter().all(|d| d.code != "numbering_order"),
            "{what}: {:?}",
            doc.diagnostics
        );
        let preamble: Vec<&String> = doc.parts.iter().flat_map(|p| &p.preamble).collect();
        assert!(
            !preamble.iter().any(|p| p.contains('目')),
            "{what}: {preamble:?}"
        );
    }
}

#[test]
fn line_breaks_written_br_in_a_markdown_tables_cells_part_its_units() {
    // Typora, pandoc and GitHub write a line break inside a cell as `<br>`: the seed's units,
    // one a line in their cells.
    let (before, rows, after) = table_rows(&seed_text());
    let mut out = before;
    for (i, r) in rows.iter().enumerate() {
        let cells: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(k, c)| {
                if k >= 2 {
                    c.replace('、', ["<br>", "<br/>", "<BR />"][i % 3])
                } else {
                    c.clone()
                }
            })
            .collect();
        out.push(format!("| {} |", cells.join(" | ")));
        if i == 0 {
            out.push("|---|---|---|---|".into());
        }
    }
    out.extend(after);
    let text = out.join("\n");
    assert!(text.contains("<br/>") && text.contains("<BR />"));
    let doc = gongwen_parse::parse_text(&text);
    let seed = gongwen_parse::parse_text(&seed_text());
    assert_eq!(doc.tasks.len(), 86);
    assert_eq!(
        gongwen_tests::essentials(&doc.tasks),
        gongwen_tests::essentials(&seed.tasks)
    );
    assert!(
        doc.tasks
            .iter()
            .flat_map(|t| t.lead.iter().chain(&t.support))
            .all(|u| !u.contains('<') && !u.contains('>')),
        "no markup in a unit's name"
    );
}

/// A signature left at the margin under a full line of hard-wrapped text (an attachment's title
/// that fills the width) is the signature, not the title's last words.
#[test]
fn a_signature_at_the_margin_under_a_full_line_is_not_joined_to_it() {
    let text = "某某省人民政府办公厅关于印发某某工作方案的通知\n\n某政办发〔2023〕12号\n\n各市、州、县人民政府，省政府各部门：\n　　《某某省加快推进数字政府建设三年行动方案（2023—2025年）》已经\n省人民政府同意，现将方案确定的重点任务分工印发给你们，请结合实际认\n真抓好落实。各地、各部门要切实加强组织领导，牵头单位要会同配合单位\n细化工作措施，明确时间节点，确保各项任务按期完成。\n\n附件：某某省加快推进数字政府建设三年行动方案重点任务分工和责任清单\n某某省人民政府办公厅\n2023年3月15日\n";
    let d = gongwen_parse::parse_text(text);
    assert_eq!(d.notice.signature.as_deref(), Some("某某省人民政府办公厅"));
    assert_eq!(
        gongwen_tests::attachment_titles(&d.notice),
        vec!["某某省加快推进数字政府建设三年行动方案重点任务分工和责任清单"]
    );
    // The letter's hard-wrapped paragraph is still joined.
    assert_eq!(d.notice.body.len(), 1, "{:?}", d.notice.body);
}
