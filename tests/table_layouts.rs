//! The seed's task table laid out the other ways sites publish such tables: columns in another
//! order under other header words, `<th>` headers in `<thead>`, the category as a `rowspan`
//! column instead of a group row, and extra columns; or no `<table>` at all — a paragraph per
//! cell, a paragraph per row with its cells set apart by spaces or bars, the text in `<pre>`.
//! Whatever the layout, every task keeps its number, text, lead and supporting units and groups;
//! extra columns land under `extra`.
//!
//! The pages are generated from the seed: its prose as `<p>` paragraphs and its table rebuilt
//! from the tasks the text reader found, so the expectation is the seed itself.

use gongwen_parse::{Document, InputFormat, Options, Task, parse, parse_text};
use gongwen_tests::seed_path;

fn seed_text() -> String {
    std::fs::read_to_string(seed_path()).expect("seed")
}

fn seed() -> Document {
    parse_text(&seed_text())
}

use gongwen_tests::escape_markup as esc;

/// The seed as a page, with its tab-separated table replaced by `table`.
fn page_with_table(table: &str) -> String {
    let text = seed_text();
    let lines: Vec<&str> = text.lines().collect();
    let first = lines.iter().position(|l| l.starts_with('\t'));
    let last = lines.iter().rposition(|l| l.starts_with('\t'));
    let (Some(first), Some(last)) = (first, last) else {
        panic!("the seed has a tab-separated table");
    };
    let mut page = String::from(
        "<html><head><meta charset=\"utf-8\"></head><body><div class=\"TRS_Editor\">\n",
    );
    let para = |page: &mut String, l: &str| {
        if !l.trim().is_empty() {
            page.push_str(&format!("<p>{}</p>\n", esc(l.trim())));
        }
    };
    for l in &lines[..first] {
        para(&mut page, l);
    }
    page.push_str(table);
    for l in &lines[last + 1..] {
        para(&mut page, l);
    }
    page.push_str("</div></body></html>\n");
    page
}

fn parse_page(page: &str) -> Document {
    let opts = Options {
        format: Some(InputFormat::Html),
        ..Options::default()
    };
    parse(page.as_bytes(), &opts).expect("the page parses")
}

use gongwen_tests::{Essentials, essentials};

fn assert_same_tasks(d: &Document, what: &str) {
    let s = seed();
    assert_eq!(d.tasks.len(), s.tasks.len(), "{what}: task count");
    let (a, b) = (essentials(&d.tasks), essentials(&s.tasks));
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y, "{what}: task {}", y.0);
    }
    for (x, y) in d.tasks.iter().zip(&s.tasks) {
        assert_eq!(
            (&x.lead_text, &x.support_text),
            (&y.lead_text, &y.support_text),
            "{what}: task {} cells as printed",
            y.seq
        );
    }
    assert_eq!(d.notice, {
        let mut n = s.notice.clone();
        n.line = d.notice.line;
        n
    });
}

/// A table row of `cells` (HTML already).
fn tr(cells: &[&str]) -> String {
    let cells: String = cells.iter().map(|c| format!("<td>{c}</td>")).collect();
    format!("<tr>{cells}</tr>")
}

/// The seed's tasks as an HTML table: `head` (the opening tag and header rows), a group row
/// spanning `width` columns wherever a task's groups change, and `row(task)` for each task.
fn seed_table(head: &str, width: usize, row: impl Fn(&Task) -> String) -> String {
    let mut t = String::from(head);
    let mut groups: Vec<String> = Vec::new();
    for task in &seed().tasks {
        for (depth, g) in task.group.iter().enumerate() {
            if groups.get(depth) != Some(g) {
                t.push_str(&format!(
                    "<tr><td colspan=\"{width}\">{}</td></tr>\n",
                    esc(g)
                ));
                groups.truncate(depth);
                groups.push(g.clone());
            }
        }
        t.push_str(&row(task));
        t.push('\n');
    }
    t.push_str("</table>\n");
    t
}

#[test]
fn reordered_columns_under_other_header_words_give_the_same_tasks() {
    let t = seed_table(
        "<table border=1><thead><tr><th>序号</th><th>配合部门</th><th>重点任务</th><th>责任单位</th></tr></thead>\n",
        4,
        |task| {
            tr(&[
                &task.seq.to_string(),
                &esc(&task.support_text),
                &esc(&task.text),
                &esc(&task.lead_text),
            ])
        },
    );
    let d = parse_page(&page_with_table(&t));
    assert_same_tasks(&d, "reordered columns");
}

#[test]
fn a_category_column_laid_out_with_rowspan_is_a_group_and_extra_columns_are_kept() {
    let s = seed();
    let mut t = String::from(
        "<table><tr><td>序号</td><td>类别</td><td>试点任务</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>\n",
    );
    let mut chapter: Option<&String> = None;
    let mut k = 0;
    while let Some(task) = s.tasks.get(k) {
        if task.group.first() != chapter {
            chapter = task.group.first();
            if let Some(c) = chapter {
                t.push_str(&format!("<tr><td colspan=\"6\">{}</td></tr>\n", esc(c)));
            }
        }
        // The run of tasks that share this task's category.
        let run = s.tasks[k..]
            .iter()
            .take_while(|x| x.group == task.group)
            .count();
        for (j, x) in s.tasks[k..k + run].iter().enumerate() {
            let category = if j == 0 {
                format!(
                    "<td rowspan=\"{run}\">{}</td>",
                    esc(x.group.get(1).map_or("", String::as_str))
                )
            } else {
                String::new()
            };
            t.push_str(&format!(
                "<tr><td>{}</td>{category}<td>{}</td><td>{}</td><td>{}</td><td>{}年底前</td></tr>\n",
                x.seq,
                esc(&x.text),
                esc(&x.lead_text),
                esc(&x.support_text),
                2021 + x.seq % 3
            ));
        }
        k += run;
    }
    t.push_str("</table>\n");
    let d = parse_page(&page_with_table(&t));
    assert_same_tasks(&d, "category column");
    for task in &d.tasks {
        assert_eq!(
            task.extra.get("完成时限").map(String::as_str),
            Some(format!("{}年底前", 2021 + task.seq % 3).as_str()),
            "task {}",
            task.seq
        );
    }
}

/// The seed's table rows as its text holds them: each row's cells, tabs stripped.
fn seed_rows() -> Vec<Vec<String>> {
    gongwen_tests::tab_table_rows(&seed_text())
}

/// The page's line where `needle` first stands (one-based).
fn line_of(page: &str, needle: &str) -> usize {
    let at = page.find(needle).expect("the needle is on the page");
    page[..at].matches('\n').count() + 1
}

#[test]
fn a_paragraph_per_cell_gives_the_same_tasks() {
    let mut t = String::new();
    for row in seed_rows() {
        for cell in row.iter().filter(|c| !c.trim().is_empty()) {
            t.push_str(&format!("<p>{}</p>\n", esc(cell.trim())));
        }
    }
    let page = page_with_table(&t);
    let d = parse_page(&page);
    assert_same_tasks(&d, "a paragraph per cell");
    // Each task's line is its number's paragraph.
    let task = &d.tasks[40];
    assert_eq!(
        task.line,
        line_of(&page, &format!("<p>{}</p>", task.seq)),
        "task {}",
        task.seq
    );
}

#[test]
fn a_paragraph_per_row_with_cells_set_apart_gives_the_same_tasks() {
    for (what, sep) in [
        ("no-break spaces", "&nbsp;&nbsp;&nbsp;&nbsp;"),
        ("ideographic spaces", "\u{3000}\u{3000}"),
        ("bars", " | "),
        ("full-width bars", "｜"),
    ] {
        let mut t = String::new();
        for row in seed_rows() {
            let cells: Vec<String> = row.iter().map(|c| esc(c.trim())).collect();
            // Source formatting inside the paragraph is not a separator.
            t.push_str(&format!("<p>\n    {}\n</p>\n", cells.join(sep)));
        }
        let page = page_with_table(&t);
        let d = parse_page(&page);
        assert_same_tasks(&d, what);
        let task = &d.tasks[7];
        assert_eq!(
            task.line,
            line_of(&page, &format!("    {}{sep}", task.seq)),
            "{what}: task {}",
            task.seq
        );
    }
}

#[test]
fn a_table_in_pre_gives_the_same_tasks_and_lines() {
    let text = seed_text();
    let lines: Vec<&str> = text.lines().collect();
    let first = lines
        .iter()
        .position(|l| l.starts_with('\t'))
        .expect("a table");
    let last = lines
        .iter()
        .rposition(|l| l.starts_with('\t'))
        .expect("a table");
    let table = esc(&lines[first..=last].join("\n"));
    let page = page_with_table(&format!("<pre>\n{table}\n</pre>\n"));
    let d = parse_page(&page);
    assert_same_tasks(&d, "<pre>");
    let task = &d.tasks[20];
    let row = format!("\t{}\n", task.seq);
    assert_eq!(task.line, line_of(&page, &row), "task {}", task.seq);
}

#[test]
fn a_whole_notice_in_pre_gives_the_seed() {
    let page = format!(
        "<html><head><meta charset=\"utf-8\"></head><body><pre>{}</pre></body></html>",
        esc(&seed_text())
    );
    let d = parse_page(&page);
    assert_same_tasks(&d, "whole notice in <pre>");
    let s = seed();
    assert_eq!(d.parts.len(), s.parts.len());
    // The text starts on the page's first line, as in the seed.
    assert_eq!(d.tasks[0].line, s.tasks[0].line);
}

/// The seed's table in HTML with `title` rows above its header.
fn table_with_title_rows(title: &str) -> String {
    let head = format!(
        "<table border=1>\n{title}<tr><td><strong>序号</strong></td><td><strong>试点任务</strong></td><td><strong>牵头单位</strong></td><td><strong>配合单位</strong></td></tr>\n"
    );
    seed_table(&head, 4, |task| {
        tr(&[
            &task.seq.to_string(),
            &esc(&task.text),
            &esc(&task.lead_text),
            &esc(&task.support_text),
        ])
    })
}

#[test]
fn title_rows_above_the_header_title_the_table_instead_of_hiding_it() {
    // Word and many sites print the attachment's title as the table's first row(s).
    let title = "重庆市服务业扩大开放综合试点总体方案任务分工";
    for rows in [
        format!("<tr><th colspan=4>{title}</th></tr>"),
        format!("<tr><td colspan=4>附件：{title}</td></tr>"),
        format!("<tr><td>{title}</td><td></td><td></td><td></td></tr>"),
        format!("<tr><td colspan=4>附件</td></tr><tr><td colspan=4>{title}</td></tr>"),
    ] {
        let text = seed_text();
        // The page without the title paragraph above the table: the title row is all there is.
        let page = page_with_table(&table_with_title_rows(&rows))
            .replace(&format!("<p>{title}</p>\n"), "");
        let d = parse_page(&page);
        assert_same_tasks(&d, &rows);
        let part = d.parts.last().expect("the attachment");
        assert_eq!(part.title.as_deref(), Some(title), "{rows}");
        let table = part.tables.first().expect("its table");
        assert_eq!(table.header_rows, 1, "{rows}");
        assert_eq!(
            table.rows.first().map(|r| r[0].as_str()),
            Some("序号"),
            "{rows}"
        );
        assert!(text.contains(title));
    }
}

#[test]
fn line_breaks_inside_cells_and_an_empty_unnamed_column_change_no_task() {
    // Word breaks long cells with <br> or a paragraph a line; an empty spacer column has no name.
    let t = seed_table(
        "<table border=1><tr><td>序号</td><td>试点任务</td><td></td><td>牵头单位</td><td>配合单位</td></tr>\n",
        5,
        |task| {
            // Broken after its first clause, by <br> in odd rows and by paragraphs in even ones.
            let text = match task.text.split_once('，') {
                Some((a, b)) if task.seq % 2 == 1 => format!("{}，<br>{}", esc(a), esc(b)),
                Some((a, b)) => format!("<p>{}，</p><p>{}</p>", esc(a), esc(b)),
                None => esc(&task.text),
            };
            tr(&[
                &task.seq.to_string(),
                &text,
                "",
                &esc(&task.lead_text),
                &esc(&task.support_text),
            ])
        },
    );
    assert!(t.matches("<br>").count() > 20 && t.matches("<p>").count() > 20);
    let d = parse_page(&page_with_table(&t));
    assert_same_tasks(&d, "line breaks in cells");
    assert!(
        d.tasks.iter().all(|t| t.extra.is_empty()),
        "no key for the empty column"
    );
}

#[test]
fn units_set_apart_by_spaces_stay_apart() {
    // Some sites set the units of a cell apart with spaces instead of 、.
    let spaced = |cell: &str| esc(&cell.replace('、', " "));
    let t = seed_table(
        "<table border=1><tr><th>序号</th><th>试点任务</th><th>牵头单位</th><th>配合单位</th></tr>\n",
        4,
        |task| {
            tr(&[
                &task.seq.to_string(),
                &esc(&task.text),
                &spaced(&task.lead_text),
                &spaced(&task.support_text),
            ])
        },
    );
    assert!(t.matches("局 市").count() > 20);
    let d = parse_page(&page_with_table(&t));
    assert_same_tasks(&d, "units set apart by spaces");
}

#[test]
fn a_table_split_at_a_page_break_goes_on_with_its_columns_groups_and_numbers() {
    let header = "<tr><td>序号</td><td>试点任务</td><td>牵头单位</td><td>配合单位</td></tr>\n";
    let row = |task: &Task| {
        tr(&[
            &task.seq.to_string(),
            &esc(&task.text),
            &esc(&task.lead_text),
            &esc(&task.support_text),
        ])
    };
    let t = seed_table(&format!("<table border=1>{header}"), 4, row);
    // Split in the middle of a group, so the rows after the break print no group row above them.
    let tasks = seed().tasks;
    let at = (tasks.len() / 2..tasks.len())
        .find(|&i| tasks[i].group == tasks[i - 1].group && !tasks[i].group.is_empty())
        .expect("a task under the same groups as the one before");
    let cut = t.find(&row(&tasks[at])).expect("the row is in the table");
    for (what, again) in [
        ("continued without its header", ""),
        ("continued under its header", header),
    ] {
        let split = format!(
            "{}</table>\n<p>\u{3000}</p>\n<table border=1>{again}{}",
            &t[..cut],
            &t[cut..]
        );
        let d = parse_page(&page_with_table(&split));
        // Nothing between the parts but an empty paragraph: one table, its numbers going on.
        assert_eq!(
            d.parts.iter().map(|p| p.tables.len()).sum::<usize>(),
            1,
            "{what}"
        );
        assert_same_tasks(&d, what);
    }
}

#[test]
fn group_rows_printed_in_the_number_and_task_columns_are_groups() {
    // `一 | 推动… | | ` and `（一） | 充分… | | `: the group's marker in the number column, its
    // title in the task column, no units.
    let split = |g: &str| -> (String, String) {
        match g.split_once('、') {
            Some((m, t)) if !m.starts_with('（') => (m.to_string(), t.to_string()),
            _ => {
                let at = g.find('）').map_or(0, |i| i + '）'.len_utf8());
                (g[..at].to_string(), g[at..].to_string())
            }
        }
    };
    let mut t = String::from(
        "<table border=1><tr><th>序号</th><th>试点任务</th><th>牵头单位</th><th>配合单位</th></tr>\n",
    );
    let mut groups: Vec<String> = Vec::new();
    for task in &seed().tasks {
        for (depth, g) in task.group.iter().enumerate() {
            if groups.get(depth) != Some(g) {
                let (marker, title) = split(g);
                t.push_str(&tr(&[&esc(&marker), &esc(&title), "", ""]));
                groups.truncate(depth);
                groups.push(g.clone());
            }
        }
        t.push_str(&tr(&[
            &task.seq.to_string(),
            &esc(&task.text),
            &esc(&task.lead_text),
            &esc(&task.support_text),
        ]));
    }
    t.push_str("</table>\n");
    let d = parse_page(&page_with_table(&t));
    assert_same_tasks(&d, "group rows in the number column");
}

#[test]
fn numbers_that_are_not_integers_under_the_header_are_tasks_not_header_rows() {
    for numbers in [
        ["1.0", "2.0", "3.0"],
        ["1-1", "1-2", "2-1"],
        ["一", "二", "三"],
    ] {
        let mut csv = String::from("序号,重点任务,牵头单位,配合单位\n");
        for (k, n) in numbers.iter().enumerate() {
            csv.push_str(&format!("{n},任务{k},市大数据局,市财政局\n"));
        }
        let opts = Options {
            format: Some(InputFormat::Csv),
            ..Options::default()
        };
        let d = parse(csv.as_bytes(), &opts).expect("parses");
        let got: Vec<(u32, &str, Option<&str>)> = d
            .tasks
            .iter()
            .map(|t| (t.seq, t.text.as_str(), t.marker.as_deref()))
            .collect();
        // Counted 1, 2, 3, each with its number as printed.
        let want: Vec<(u32, &str, Option<&str>)> = vec![
            (1, "任务0", Some(numbers[0])),
            (2, "任务1", Some(numbers[1])),
            (3, "任务2", Some(numbers[2])),
        ];
        assert_eq!(got, want, "{numbers:?}");
        assert!(d.tasks.iter().all(|t| t.extra.is_empty()), "{numbers:?}");
    }
}

/// Each task's number, text, lead and supporting units, and groups, from a CSV file.
fn csv_tasks(csv: &str) -> Vec<Essentials> {
    let opts = Options {
        format: Some(InputFormat::Csv),
        ..Options::default()
    };
    essentials(&parse(csv.as_bytes(), &opts).expect("parses").tasks)
}

fn v(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_task_printed_over_several_rows_is_one_task() {
    // Text run on in a row without a number, units run on in another, and a merged number cell
    // (the number repeated by the span) over a text cut mid-phrase and over one more unit.
    let csv = "序号,重点任务,牵头单位,配合单位\n\
               1,推进数据共享，建设全市统一的,市大数据局,\"市发展改革委、\"\n\
               ,数据共享交换平台。,,\n\
               ,,,市经济信息委、市财政局\n\
               2,完善信用体系，建立企业,市发展改革委,市市场监管局\n\
               2,信用档案。,,\n\
               3,优化通关环境,重庆海关,市商务委\n\
               3,优化通关环境,市交通局,市口岸物流办\n\
               4,任务丁,市商务委,\n";
    assert_eq!(
        csv_tasks(csv),
        vec![
            (
                1,
                "推进数据共享，建设全市统一的数据共享交换平台。".into(),
                v(&["市大数据局"]),
                v(&["市发展改革委", "市经济信息委", "市财政局"]),
                vec![]
            ),
            (
                2,
                "完善信用体系，建立企业信用档案。".into(),
                v(&["市发展改革委"]),
                v(&["市市场监管局"]),
                vec![]
            ),
            (
                3,
                "优化通关环境".into(),
                v(&["重庆海关", "市交通局"]),
                v(&["市商务委", "市口岸物流办"]),
                vec![]
            ),
            (4, "任务丁".into(), v(&["市商务委"]), vec![], vec![]),
        ]
    );
}

/// The two measures of the reform tables below, grouped under their broader task.
fn reform_measures() -> Vec<Essentials> {
    vec![
        (
            1,
            "实行行政许可事项清单管理".into(),
            v(&["市审批局"]),
            vec![],
            v(&["深化审批制度改革"]),
        ),
        (
            2,
            "推进证照分离改革全覆盖".into(),
            v(&["市市场监管局"]),
            vec![],
            v(&["深化审批制度改革"]),
        ),
    ]
}

/// A reform task merged down over two rows, its measures in a column named `measures`.
fn reform_csv(measures: &str) -> String {
    format!(
        "序号,主要任务,{measures},牵头单位\n\
         1,深化审批制度改革,实行行政许可事项清单管理,市审批局\n\
         2,深化审批制度改革,推进证照分离改革全覆盖,市市场监管局\n"
    )
}

#[test]
fn a_measures_column_beside_a_broader_task_column_holds_the_tasks() {
    assert_eq!(csv_tasks(&reform_csv("具体举措")), reform_measures());
}

#[test]
fn numbers_that_start_again_under_each_group_are_no_repeat_but_a_repeat_is() {
    let codes = |csv: &str| -> Vec<String> {
        let opts = Options {
            format: Some(InputFormat::Csv),
            ..Options::default()
        };
        let d = parse(csv.as_bytes(), &opts).expect("parses");
        d.diagnostics.iter().map(|x| x.code.clone()).collect()
    };
    let restart = "序号,重点任务,牵头单位\n\
                   （一）优化营商环境,,\n1,任务甲,市发展改革委\n\
                   （二）扩大对外开放,,\n1,任务乙,市商务委\n\
                   （三）建设数字政府,,\n1,任务丙,市大数据局\n2,任务丁,市大数据局\n";
    assert!(
        !codes(restart).iter().any(|c| c.starts_with("task_number")),
        "{:?}",
        codes(restart)
    );
    // The same number twice in one group is still reported.
    let repeat = restart.replace("2,任务丁", "1,任务丁");
    assert!(codes(&repeat).iter().any(|c| c == "task_number_repeat"));
    // Two lists numbered from 1 with nothing between them to tell them apart are reported.
    let two_lists = "序号,重点任务,牵头单位\n1,任务甲,市发展改革委\n2,任务乙,市商务委\n\
                     1,任务丙,市大数据局\n2,任务丁,市大数据局\n";
    assert_eq!(
        codes(two_lists)
            .iter()
            .filter(|c| c.starts_with("task_number"))
            .collect::<Vec<_>>(),
        ["task_number_restart"]
    );
}

#[test]
fn each_attachments_table_numbered_from_1_is_a_list_of_its_own() {
    let text = "某市人民政府办公厅关于印发两项工作方案的通知\n\n某政办字〔2023〕7号\n\n各区人民政府：\n\n\
        现将两项工作方案印发给你们，请认真贯彻落实。\n\n附件：1．某市稳经济工作方案\n2．某市招商引资工作方案\n\n\
        某市人民政府办公厅\n\n2023年2月1日\n\n附件1\n\n某市稳经济工作方案\n\n\
        序号\t任务\t牵头单位\t配合单位\n1\t扩大有效投资\t市发展改革委\t市财政局\n2\t促进消费回升\t市商务局\t市文化和旅游局\n\n\
        附件2\n\n某市招商引资工作方案\n\n\
        序号\t任务\t牵头单位\t配合单位\n1\t开展产业链招商\t市投资促进局\t各区政府\n2\t优化招商政策\t市投资促进局\t市财政局\n";
    let doc = parse_text(text);
    let labels: Vec<Option<&str>> = doc.parts.iter().map(|p| p.label.as_deref()).collect();
    assert_eq!(labels, [Some("附件1"), Some("附件2")]);
    let seqs: Vec<u32> = doc.tasks.iter().map(|t| t.seq).collect();
    assert_eq!(seqs, [1, 2, 1, 2]);
    let codes: Vec<&str> = doc.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(
        !codes.iter().any(|c| c.starts_with("task_number")),
        "{codes:?}"
    );
    // Within one attachment a second list from 1 is still reported.
    let one = text.replace("附件2\n\n", "");
    let one = one.replace("2．某市招商引资工作方案\n", "");
    let codes: Vec<String> = parse_text(&one)
        .diagnostics
        .iter()
        .map(|d| d.code.clone())
        .collect();
    assert!(
        codes.iter().any(|c| c == "task_number_restart"),
        "{codes:?}"
    );
}

#[test]
fn a_group_row_printed_in_the_number_and_group_columns_heads_the_groups_below() {
    // `（一） | 产业结构调整 | | |` beside a broader 重点任务 column: the group's words sit in the
    // group column, the measures column empty.
    let csv = "序号,重点任务,具体措施,责任单位,完成时限\n\
               （一）,产业结构调整,,,\n\
               1,淘汰落后产能,关停焦化产能200万吨,市工信局,2023年6月底\n\
               2,推进超低排放改造,完成2家钢铁企业改造,市生态环境局,2023年9月底\n\
               （二）,交通结构调整,,,\n\
               3,推广新能源汽车,新增新能源公交车500辆,市交通局,2023年12月底\n";
    let tasks = csv_tasks(csv);
    assert_eq!(tasks.len(), 3);
    let opts = Options {
        format: Some(InputFormat::Csv),
        ..Options::default()
    };
    let doc = parse(csv.as_bytes(), &opts).expect("parses");
    let groups: Vec<Vec<&str>> = doc
        .tasks
        .iter()
        .map(|t| t.group.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        groups,
        [
            vec!["（一）产业结构调整", "淘汰落后产能"],
            vec!["（一）产业结构调整", "推进超低排放改造"],
            vec!["（二）交通结构调整", "推广新能源汽车"],
        ]
    );
    assert_eq!(doc.tasks[2].text, "新增新能源公交车500辆");
}

#[test]
fn numbered_items_on_lines_of_a_task_cell_keep_their_lines_and_other_lines_join() {
    let csv = "序号,重点任务,牵头单位\n\
               1,\"建立重大项目督办机制\n1.每月通报项目进展；\n2.对滞后项目挂牌督办。\",市发展改革委\n\
               2,\"推进数据共享，建设全市\n统一的共享平台。\",市大数据局\n";
    let texts: Vec<String> = csv_tasks(csv).into_iter().map(|t| t.1).collect();
    assert_eq!(
        texts,
        [
            "建立重大项目督办机制\n1.每月通报项目进展；\n2.对滞后项目挂牌督办。",
            "推进数据共享，建设全市统一的共享平台。",
        ]
    );
}

#[test]
fn note_and_total_rows_are_no_tasks_and_join_none() {
    let csv = "序号,重点任务,牵头单位,配合单位\n\
               1,建设城市绿道50公里,市城市管理局,市规划自然资源局\n\
               2,新增公园绿地100公顷,市城市管理局,各区县政府\n\
               ,注：各牵头单位于每季度末报送进展。,,\n\
               ,备注1: 另行通知。,,\n\
               ,说明：以上任务按季度调度。,,\n\
               合　计,,2项,\n\
               ,总计,2项,\n\
               ,小计：,2项,\n";
    let want = vec![
        (
            1,
            "建设城市绿道50公里".into(),
            v(&["市城市管理局"]),
            v(&["市规划自然资源局"]),
            vec![],
        ),
        (
            2,
            "新增公园绿地100公顷".into(),
            v(&["市城市管理局"]),
            v(&["各区县政府"]),
            vec![],
        ),
    ];
    assert_eq!(csv_tasks(csv), want);
    // A task whose words merely begin like a note or hold a total's word stays a task.
    let csv = "序号,重点任务,牵头单位,配合单位\n\
               1,注意防范风险,市应急局,\n\
               2,合计划拨资金,市财政局,\n";
    assert_eq!(
        csv_tasks(csv)
            .iter()
            .map(|t| t.1.as_str())
            .collect::<Vec<_>>(),
        ["注意防范风险", "合计划拨资金"]
    );
}

#[test]
fn task_columns_named_by_their_level_group_the_tasks() {
    // `一级任务 | 二级任务 | 试点任务`, the two levels merged down over their rows: the seed.
    let head = "<table border=\"1\">\n".to_string()
        + &tr(&[
            "序号",
            "一级任务",
            "二级任务",
            "试点任务",
            "牵头单位",
            "配合单位",
        ])
        + "\n";
    let tasks = seed().tasks;
    let mut table = head;
    for (i, t) in tasks.iter().enumerate() {
        let mut cells = format!("<td>{}</td>", t.seq);
        for level in 0..2 {
            let starts = i == 0 || tasks[i - 1].group[..=level] != t.group[..=level];
            if starts {
                let span = tasks[i..]
                    .iter()
                    .take_while(|u| u.group[..=level] == t.group[..=level])
                    .count();
                cells.push_str(&format!(
                    "<td rowspan=\"{span}\">{}</td>",
                    esc(&t.group[level])
                ));
            }
        }
        for c in [&t.text, &t.lead_text, &t.support_text] {
            cells.push_str(&format!("<td>{}</td>", esc(c)));
        }
        table.push_str(&format!("<tr>{cells}</tr>\n"));
    }
    table.push_str("</table>\n");
    let page = page_with_table(&table);
    assert_same_tasks(&parse_page(&page), "level columns");

    // Levels only: the deepest holds the tasks.
    let csv = "序号,一级任务,二级任务,牵头单位\n1,扩大有效投资,推进重大项目建设,市发展改革委\n";
    assert_eq!(
        csv_tasks(csv),
        vec![(
            1,
            "推进重大项目建设".into(),
            v(&["市发展改革委"]),
            vec![],
            v(&["扩大有效投资"])
        )]
    );
}

#[test]
fn a_means_column_beside_tasks_that_group_nothing_is_an_extra() {
    // Each row's task is its own (none left empty or repeated): `工作措施` says how, the task
    // stays the task.
    let csv = "序号,任务内容,牵头单位,工作措施\n\
               1,新建高标准农田2万亩,县农业农村局,争取上级资金\n\
               2,发展特色产业基地5个,县农业农村局,以奖代补\n";
    let opts = Options {
        format: Some(InputFormat::Csv),
        ..Options::default()
    };
    let d = parse(csv.as_bytes(), &opts).expect("parses");
    let texts: Vec<&str> = d.tasks.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(texts, ["新建高标准农田2万亩", "发展特色产业基地5个"]);
    assert_eq!(
        d.tasks[0].extra.get("工作措施").map(String::as_str),
        Some("争取上级资金")
    );
    assert!(d.tasks.iter().all(|t| t.group.is_empty()));

    // The same columns over a task merged down (repeated) do group their measures.
    assert_eq!(csv_tasks(&reform_csv("工作措施")), reform_measures());
}

#[test]
fn units_named_beside_units_acting_by_their_duties_take_the_column_role() {
    let csv = "序号,任务,责任单位,配合单位\n\
               1,建立免申即享机制,\"区发展改革委、区财政局，各相关部门按职责分工负责\",\n\
               2,支持灵活就业,市人力社保局,\"市医保局，各区县政府按职责分工负责\"\n";
    assert_eq!(
        csv_tasks(csv),
        vec![
            (
                1,
                "建立免申即享机制".into(),
                v(&["区发展改革委", "区财政局"]),
                v(&["各相关部门"]),
                vec![]
            ),
            (
                2,
                "支持灵活就业".into(),
                v(&["市人力社保局"]),
                v(&["市医保局", "各区县政府"]),
                vec![]
            ),
        ]
    );
}

#[test]
fn a_task_column_under_a_word_of_its_own_holds_the_tasks() {
    // `民生实事` names no kind of column; it stands between the number and the units.
    let csv = "序号,民生实事,牵头单位,配合单位,完成时限\n\
               1,新建改扩建中小学10所,市教育局,市财政局,2023年12月\n\
               2,新增养老床位2000张,市民政局,,2023年12月\n";
    assert_eq!(
        csv_tasks(csv),
        vec![
            (
                1,
                "新建改扩建中小学10所".into(),
                v(&["市教育局"]),
                v(&["市财政局"]),
                vec![]
            ),
            (
                2,
                "新增养老床位2000张".into(),
                v(&["市民政局"]),
                vec![],
                vec![]
            ),
        ]
    );
}

#[test]
fn a_csv_title_row_titles_its_table_as_a_workbooks_does() {
    // A task table saved as CSV has no letter: its `附件：X` title row is no 附件说明 naming a
    // missing attachment, but the title of the table's part.
    let csv = "附件：某某市民生实事任务分工表,,,\n\
               序号,实事项目,牵头单位,配合单位\n\
               1,新建改扩建中小学10所,市教育局,市财政局\n";
    let opts = Options {
        format: Some(InputFormat::Csv),
        ..Options::default()
    };
    let d = parse(csv.as_bytes(), &opts).expect("parses");
    let codes: Vec<&str> = d.diagnostics.iter().map(|x| x.code.as_str()).collect();
    assert!(codes.is_empty(), "{codes:?}");
    assert_eq!(d.parts.len(), 1);
    assert_eq!(
        d.parts[0].title.as_deref(),
        Some("某某市民生实事任务分工表")
    );
    assert_eq!(d.tasks.len(), 1);
    // Without a title row: no diagnostics either.
    let d = parse(csv.split_once('\n').unwrap().1.as_bytes(), &opts).expect("parses");
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
}

#[test]
fn a_units_column_that_names_people_beside_the_units_is_the_units() {
    let page = "<html><body><div class=\"content\"><table border=\"1\">\
        <tr><td>序号</td><td>工作任务</td><td>责任单位（责任人）</td><td>完成时间</td></tr>\
        <tr><td>1</td><td>推进城市更新。</td><td>市住房城乡建委（张某）</td><td>12月</td></tr>\
        <tr><td>2</td><td>建设智慧城市。</td><td>市大数据局（李某）、市经济信息委（王某）</td><td>12月</td></tr>\
        </table></div></body></html>";
    let d = parse_page(page);
    let got: Vec<(u32, Vec<String>, String)> = d
        .tasks
        .iter()
        .map(|t| (t.seq, t.lead.clone(), t.lead_text.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (1, v(&["市住房城乡建委"]), "市住房城乡建委（张某）".into()),
            (
                2,
                v(&["市大数据局", "市经济信息委"]),
                "市大数据局（李某）、市经济信息委（王某）".into()
            ),
        ]
    );
    // A column of people alone stays an extra column.
    let page = page
        .replace("责任单位（责任人）", "牵头单位")
        .replace("完成时间", "责任人");
    let d = parse_page(&page);
    assert_eq!(d.tasks.len(), 2);
    assert_eq!(
        d.tasks[0].extra.get("责任人").map(String::as_str),
        Some("12月")
    );
}

#[test]
fn a_role_mark_wrapped_onto_a_line_of_its_own_marks_the_unit_above() {
    let page = "<html><body><div class=\"content\"><table border=\"1\">\
        <tr><td>编号</td><td>目标任务</td><td>责任部门</td></tr>\
        <tr><td>1.</td><td>城镇新增就业5万人。</td><td>市人力社保局<br>（牵头）<br>市财政局</td></tr>\
        </table></div></body></html>";
    let d = parse_page(page);
    assert_eq!(d.tasks.len(), 1);
    assert_eq!(d.tasks[0].lead, v(&["市人力社保局"]));
    assert_eq!(d.tasks[0].support, v(&["市财政局"]));
}

#[test]
fn a_responsible_units_column_beside_a_lead_column_supports_it() {
    // `牵头单位 | 责任单位` and no 配合 column: the other responsible units are the partners.
    let csv = "序号,项目内容,牵头单位,责任单位\n1,新建幼儿园3所,区教委,区住房城乡建委、区财政局\n";
    assert_eq!(
        csv_tasks(csv),
        vec![(
            1,
            "新建幼儿园3所".into(),
            v(&["区教委"]),
            v(&["区住房城乡建委", "区财政局"]),
            vec![]
        )]
    );
    // Beside a 配合 column it stays an extra column.
    let csv = "序号,项目内容,牵头单位,配合单位,责任单位\n1,新建幼儿园3所,区教委,区财政局,某街道\n";
    let opts = Options {
        format: Some(InputFormat::Csv),
        ..Options::default()
    };
    let d = parse(csv.as_bytes(), &opts).expect("parses");
    assert_eq!(d.tasks[0].support, v(&["区财政局"]));
    assert_eq!(
        d.tasks[0].extra.get("责任单位").map(String::as_str),
        Some("某街道")
    );
}

#[test]
fn a_numbered_row_without_units_over_its_decimal_children_is_their_group() {
    let csv = "序号,重点工作,牵头单位,配合单位\n\
               1,推进产业发展,,\n\
               1.1,新建标准化厂房10万平方米,县经济信息局,县自然资源局\n\
               1.2,引进亿元以上项目20个,县招商局,各乡镇\n\
               2,推进乡村振兴,,\n\
               2-1,建设高标准农田1万亩,县农业农村局,县财政局\n\
               3,优化营商环境,县发展改革委,\n\
               4,开展安全生产检查,,\n";
    let opts = Options {
        format: Some(InputFormat::Csv),
        ..Options::default()
    };
    let d = parse(csv.as_bytes(), &opts).expect("parses");
    let got: Vec<(Option<&str>, &str, Vec<String>)> = d
        .tasks
        .iter()
        .map(|t| (t.marker.as_deref(), t.text.as_str(), t.group.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Some("1.1"),
                "新建标准化厂房10万平方米",
                v(&["1．推进产业发展"])
            ),
            (Some("1.2"), "引进亿元以上项目20个", v(&["1．推进产业发展"])),
            (Some("2-1"), "建设高标准农田1万亩", v(&["2．推进乡村振兴"])),
            (None, "优化营商环境", v(&["2．推进乡村振兴"])),
            // A row without units and without children stays a task (its lead is missing).
            (None, "开展安全生产检查", v(&["2．推进乡村振兴"])),
        ]
    );
}

#[test]
fn title_rows_naming_a_listed_attachment_start_its_part() {
    // `附件2` and its title printed as the table's first rows, under attachment 1's text.
    let page = "<html><body><div class=\"content\">\
        <p>某某市人民政府办公室关于印发某某市节能降碳工作方案的通知</p><p>某府办发〔2024〕12号</p>\
        <p>各区县人民政府，市政府各部门：</p><p>现将《某某市节能降碳工作方案》印发给你们，请认真贯彻执行。</p>\
        <p>附件：1．某某市节能降碳工作方案</p><p>2．某某市节能降碳重点任务分工表</p>\
        <p>某某市人民政府办公室</p><p>2024年5月6日</p>\
        <p>附件1</p><p>某某市节能降碳工作方案</p><p>一、工作目标</p><p>单位地区生产总值能耗下降2%。</p>\
        <table border=\"1\"><tr><td colspan=\"4\">附件2</td></tr>\
        <tr><td colspan=\"4\">某某市节能降碳重点任务分工表</td></tr>\
        <tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>\
        <tr><td>1</td><td>严控高耗能项目。</td><td>市发展改革委</td><td>市经济信息委</td></tr>\
        </table></div></body></html>";
    let d = parse_page(page);
    let heads: Vec<(Option<&str>, Option<&str>, usize)> = d
        .parts
        .iter()
        .map(|p| (p.label.as_deref(), p.title.as_deref(), p.tables.len()))
        .collect();
    assert_eq!(
        heads,
        [
            (Some("附件1"), Some("某某市节能降碳工作方案"), 0),
            (Some("附件2"), Some("某某市节能降碳重点任务分工表"), 1),
        ]
    );
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    assert_eq!(d.tasks.len(), 1);
}

#[test]
fn level_columns_under_a_header_of_two_rows_group_the_tasks() {
    // `改革任务` over `一级任务 | 二级任务`: the levels are the lower row's names.
    let page = "<html><head><meta charset=\"utf-8\"></head><body><div class=\"TRS_Editor\">\n\
        <p>附件</p><p>数字化改革重点任务清单</p>\n<table border=\"1\">\n\
        <tr><td rowspan=\"2\">序号</td><td colspan=\"2\">改革任务</td><td colspan=\"2\">责任单位</td><td rowspan=\"2\">完成时间</td></tr>\n\
        <tr><td>一级任务</td><td>二级任务</td><td>牵头单位</td><td>配合单位</td></tr>\n\
        <tr><td>1</td><td rowspan=\"2\">建设公共数据平台</td><td>完善数据共享机制</td><td>省大数据局</td><td>省级有关单位</td><td>2024年6月</td></tr>\n\
        <tr><td>2</td><td>推进公共数据开放</td><td>省大数据局</td><td>省经信厅</td><td>2024年12月</td></tr>\n\
        </table></div></body></html>\n";
    let doc = parse_page(page);
    assert_eq!(
        essentials(&doc.tasks),
        vec![
            (
                1,
                "完善数据共享机制".into(),
                v(&["省大数据局"]),
                v(&["省级有关单位"]),
                v(&["建设公共数据平台"])
            ),
            (
                2,
                "推进公共数据开放".into(),
                v(&["省大数据局"]),
                v(&["省经信厅"]),
                v(&["建设公共数据平台"])
            ),
        ]
    );
}

#[test]
fn a_table_without_a_number_column_numbers_its_tasks_in_their_text() {
    // `1.全年实施……` in the task column: the number is the task's, apart from its words.
    let doc = gongwen_parse::parse(
        "<html><head><meta charset=\"utf-8\"></head><body><div class=\"TRS_Editor\">\n\
         <p>附件</p><p>2023年市政府工作报告重点任务分解表</p>\n<table>\n\
         <tr><td>任务</td><td>牵头单位</td><td>责任单位</td></tr>\n\
         <tr><td colspan=\"3\">（一）坚定不移扩大有效投资</td></tr>\n\
         <tr><td>1.全年实施重点项目500个以上。</td><td>市发展改革委</td><td>各县（市、区）政府</td></tr>\n\
         <tr><td>2.新开工亿元以上项目100个。</td><td>市发展改革委</td><td>各县（市、区）政府</td></tr>\n\
         <tr><td colspan=\"3\">（二）全力促进消费回暖</td></tr>\n\
         <tr><td>5.举办各类促消费活动100场以上。</td><td>市商务局</td><td>市财政局</td></tr>\n\
         </table></div></body></html>"
            .as_bytes(),
        &gongwen_parse::Options::default(),
    )
    .expect("parses");
    let got: Vec<(u32, Option<&str>, &str)> = doc
        .tasks
        .iter()
        .map(|t| (t.seq, t.marker.as_deref(), t.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (1, Some("1."), "全年实施重点项目500个以上。"),
            (2, Some("2."), "新开工亿元以上项目100个。"),
            (5, Some("5."), "举办各类促消费活动100场以上。"),
        ]
    );
}

#[test]
fn a_numbered_row_whose_group_cell_is_empty_sits_under_the_group_above() {
    // A text export of a table whose 领域 cells were merged down: the group is printed on the
    // first row only, and each row keeps its own number.
    let doc = gongwen_parse::parse_text(
        "附件\n\n某某市营商环境重点任务清单\n\n序号\t领域\t重点任务\t责任单位\t完成时限\n\
         1\t开办企业\t实行企业开办“一网通办”\t市市场监管局\t2023年6月\n\
         2\t\t推行电子营业执照应用\t市市场监管局\t2023年12月\n\
         3\t办理建筑许可\t推行分阶段施工许可\t市住建局\t2023年9月\n\
         二、要素保障\n\
         4\t\t低压小微企业接电“零投资”\t国网某某供电公司\t2023年6月\n",
    );
    let got: Vec<(u32, Vec<&str>)> = doc
        .tasks
        .iter()
        .map(|t| (t.seq, t.group.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        got,
        [
            (1, vec!["开办企业"]),
            (2, vec!["开办企业"]),
            (3, vec!["办理建筑许可"]),
            // Not across a group row.
            (4, vec!["二、要素保障"]),
        ]
    );
}

#[test]
fn a_task_table_copied_from_a_spreadsheet_with_quoted_cells_gives_one_task_a_row() {
    // Excel's clipboard as text: cells holding a line break (or a quote mark) are quoted.
    let text = "附件\n\n重点任务分工表\n\n序号\t工作任务\t责任单位\t完成时限\n\
                1\t\"推进政务服务“一网通办”\n实现高频事项全程网办\"\t\"市政务服务局（牵头）\n市大数据局\"\t2024年底\n\
                2\t\"优化企业开办\"\"一件事\"\"服务\"\t\"市市场监管局（牵头）\n市税务局\n市公安局\"\t2024年6月\n\
                3\t深化工程建设项目审批制度改革\t市住房城乡建设局\t持续推进\n";
    let d = parse_text(text);
    let got = numbered_units(&d);
    assert_eq!(
        got,
        vec![
            (
                1,
                // A cell's line break inside a task's sentence is no break of the task.
                "推进政务服务“一网通办”实现高频事项全程网办",
                vec!["市政务服务局"],
                vec!["市大数据局"]
            ),
            (
                2,
                "优化企业开办“一件事”服务",
                vec!["市市场监管局"],
                vec!["市税务局", "市公安局"]
            ),
            (
                3,
                "深化工程建设项目审批制度改革",
                vec!["市住房城乡建设局"],
                vec![]
            ),
        ]
    );
    assert_eq!(
        d.tasks.iter().map(|t| t.line).collect::<Vec<_>>(),
        vec![6, 9, 12]
    );
}

#[test]
fn a_task_table_in_traditional_script_reads_its_roles() {
    // A Hong Kong or Taiwan copy, or a converted page: 序號, 牽頭單位, 配合單位, 完成時限.
    let text = "附件\n\n重點任務分工表\n\n序號\t工作任務\t牽頭單位\t配合單位\t完成時限\n1\t建立安全生產責任制\t市應急局\t市經濟信息委\t2024年6月\n2\t開展隱患排查整治\t市應急局\t各區縣政府\t2024年12月\n";
    let d = parse_text(text);
    assert_eq!(d.tasks.len(), 2);
    assert_eq!(d.tasks[0].text, "建立安全生產責任制");
    assert_eq!(d.tasks[0].lead, ["市應急局"]);
    assert_eq!(d.tasks[1].support, ["各區縣政府"]);
    assert_eq!(
        d.tasks[1].extra.get("完成時限").map(String::as_str),
        Some("2024年12月")
    );
}

/// A table printed without a header whose unit cells name their role (`牵头单位：甲`), as a
/// text's tab-separated lines and as a page's `<table>`: the labels name the columns, the other
/// column holds the tasks, and no row is taken for a header.
#[test]
fn a_table_without_a_header_whose_cells_name_their_roles() {
    let rows = [
        (
            "1.推进园区扩容",
            "牵头单位：县工信局",
            "配合单位：县自然资源局、县住建局",
        ),
        (
            "2.实施道路提升",
            "牵头单位：县交通运输局",
            "配合单位：各乡镇人民政府",
        ),
        ("3.做好稳岗就业", "牵头单位：县人社局", ""),
    ];
    let head = "某某县人民政府办公室关于印发重点工作任务分解的通知\n\n各乡镇人民政府，县直各单位：\n　　现将任务分解如下。\n\n";
    let text: String = head.to_string()
        + &rows
            .iter()
            .map(|(t, l, s)| format!("{t}\t{l}\t{s}\n"))
            .collect::<String>()
        + "\n某某县人民政府办公室\n2023年2月6日\n";
    let cells: String = rows
        .iter()
        .map(|(t, l, s)| format!("<tr><td>{t}</td><td>{l}</td><td>{s}</td></tr>"))
        .collect();
    let page = format!(
        "<html><head><meta charset=\"utf-8\"></head><body><div class=\"article\">{}<table>{cells}</table><p>某某县人民政府办公室</p><p>2023年2月6日</p></div></body></html>",
        head.lines()
            .filter(|l| !l.is_empty())
            .map(|l| format!("<p>{l}</p>"))
            .collect::<String>()
    );
    let want = [
        (
            1,
            "推进园区扩容",
            vec!["县工信局"],
            vec!["县自然资源局", "县住建局"],
        ),
        (
            2,
            "实施道路提升",
            vec!["县交通运输局"],
            vec!["各乡镇人民政府"],
        ),
        (3, "做好稳岗就业", vec!["县人社局"], vec![]),
    ];
    for (what, doc) in [
        ("text", parse_text(&text)),
        (
            "html",
            parse(
                page.as_bytes(),
                &Options {
                    format: Some(InputFormat::Html),
                    ..Options::default()
                },
            )
            .expect("page"),
        ),
    ] {
        let got = numbered_units(&doc);
        assert_eq!(got, want, "{what}");
        assert_eq!(doc.parts[0].tables[0].header_rows, 0, "{what}");
    }
}

use gongwen_tests::numbered_units;
