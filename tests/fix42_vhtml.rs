//! Fixes of the forty-second stop (HTML reader): a task cell that holds most of a page's text is
//! one cell of its table, not the article; spans over columns no cell starts in cost nothing.

use gongwen_parse::{Document, InputFormat, Options, parse};

fn html(page: &str) -> Document {
    let options = Options {
        format: Some(InputFormat::Html),
        ..Options::default()
    };
    parse(page.as_bytes(), &options).expect("the page parses")
}

/// `n` measures `（k）…。` of one task, as a 任务分工表 cell lists them.
fn measures(n: usize) -> String {
    (1..=n)
        .map(|k| {
            format!(
                "（{k}）推进第{k}片区老旧小区改造，同步改造供水供气管网和二次供水设施，\
                 完善社区养老托育、停车充电等配套设施，建立长效管护机制。"
            )
        })
        .collect()
}

/// A city portal's page: the 印发 notice and its task table in one plain `<div>`, the first
/// task's cell (`cell`) holding `n` measures.
fn portal_page(n: usize, cell: impl Fn(&str) -> String, extra_cols: bool) -> String {
    let (head_more, row_more) = if extra_cols {
        (
            "<td>配合单位</td><td>完成时限</td>",
            "<td>各区县政府</td><td>2024年底</td>",
        )
    } else {
        ("", "")
    };
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>某市人民政府办公室关于印发\
         某市2024年城市更新重点任务分工方案的通知</title></head><body>\
         <div class=\"top\">某市人民政府门户网站</div>\
         <div class=\"detail\">\
         <h1>某市人民政府办公室关于印发某市2024年城市更新重点任务分工方案的通知</h1>\
         <p>某政办发〔2024〕12号</p>\
         <p>各区县人民政府，市直各单位：</p>\
         <p>　　《某市2024年城市更新重点任务分工方案》已经市人民政府同意，现印发给你们，请认真组织实施。</p>\
         <p>　　附件：某市2024年城市更新重点任务分工表</p>\
         <p style=\"text-align:right\">某市人民政府办公室</p>\
         <p style=\"text-align:right\">2024年4月8日</p>\
         <p>附件</p><p>某市2024年城市更新重点任务分工表</p>\
         <table border=\"1\"><tr><td>序号</td><td>重点任务</td><td>牵头单位</td>{head_more}</tr>\
         <tr><td>1</td><td>{}</td><td>市住房城乡建设局</td>{row_more}</tr>\
         <tr><td>2</td><td>推进城镇燃气管道更新改造。</td><td>市城管局</td>{row_more}</tr>\
         <tr><td>3</td><td>开展城市排水防涝能力提升行动。</td><td>市水利局</td>{row_more}</tr>\
         </table></div><div class=\"foot\">主办：某市人民政府办公室</div></body></html>",
        cell(&measures(n))
    )
}

fn assert_read_whole(d: &Document, what: &str) {
    let n = &d.notice;
    assert_eq!(
        n.doc_number.as_ref().map(|x| x.raw.as_str()),
        Some("某政办发〔2024〕12号"),
        "{what}"
    );
    assert_eq!(n.addressees, ["各区县人民政府", "市直各单位"], "{what}");
    assert_eq!(n.signature.as_deref(), Some("某市人民政府办公室"), "{what}");
    assert_eq!(n.date.as_deref(), Some("2024-04-08"), "{what}");
    let leads: Vec<&str> = d
        .tasks
        .iter()
        .map(|t| t.lead.first().map_or("", String::as_str))
        .collect();
    assert_eq!(
        leads,
        ["市住房城乡建设局", "市城管局", "市水利局"],
        "{what}"
    );
    assert!(d.tasks[0].text.starts_with("（1）推进第1片区"), "{what}");
    assert!(d.tasks[0].text.contains("（12）推进第12片区"), "{what}");
    assert_eq!(d.tasks[2].text, "开展城市排水防涝能力提升行动。", "{what}");
}

/// V01: a task cell listing a dozen measures holds most of the page's text; the page is still
/// the notice with its table (发文字号, 主送, 署名, 日期, every task), not that one cell — in a
/// table of three or five columns, the measures as the cell's text or as its paragraphs.
#[test]
fn a_task_cell_holding_most_of_the_text_is_no_article() {
    let plain = |m: &str| m.to_string();
    let paragraphs = |m: &str| {
        m.split_inclusive('。')
            .map(|s| format!("<p>{s}</p>"))
            .collect::<String>()
    };
    for (n, extra) in [(12, false), (20, false), (30, true), (60, true)] {
        assert_read_whole(
            &html(&portal_page(n, plain, extra)),
            &format!("{n} {extra}"),
        );
        assert_read_whole(
            &html(&portal_page(n, paragraphs, extra)),
            &format!("{n} {extra} <p>"),
        );
    }
}

/// The same task table alone on a page (no notice around it): the whole table, not its long
/// cell, is the content — every task is read.
#[test]
fn a_task_table_alone_is_read_whole_however_long_one_cell() {
    let page = format!(
        "<html><head><meta charset=\"utf-8\"><title>某市城市更新重点任务分工表</title></head><body>\
         <div class=\"nav\"><a href=\"/\">首页</a></div>\
         <table border=\"1\"><tr><td>序号</td><td>重点任务</td><td>牵头单位</td></tr>\
         <tr><td>1</td><td>{}</td><td>市住房城乡建设局</td></tr>\
         <tr><td>2</td><td>推进城镇燃气管道更新改造。</td><td>市城管局</td></tr>\
         </table></body></html>",
        measures(20)
    );
    let d = html(&page);
    let leads: Vec<&str> = d
        .tasks
        .iter()
        .map(|t| t.lead.first().map_or("", String::as_str))
        .collect();
    assert_eq!(leads, ["市住房城乡建设局", "市城管局"]);
}

/// A page laid out in a table (a column of links beside the article's cell) still has the
/// article's cell as its content: the site's name and footer around the table are not read.
#[test]
fn the_article_cell_of_a_layout_table_is_still_the_content() {
    let page = format!(
        "<html><head><meta charset=\"utf-8\"><title>关于做好防汛工作的通知</title></head><body>\
         <div>某县人民政府网　首页　政务公开</div>\
         <table><tr><td><a href=\"/a\">政务公开</a><br><a href=\"/b\">政策文件</a></td>\
         <td><p>某县人民政府办公室关于做好防汛工作的通知</p><p>各乡镇人民政府：</p>\
         <p>{}</p><p>某县人民政府办公室</p><p>2024年5月6日</p></td></tr></table>\
         <div>主办单位：某县人民政府办公室　技术支持：某某公司</div></body></html>",
        "为切实做好今年防汛工作，确保人民群众生命财产安全，现就有关事项通知如下。".repeat(8)
    );
    let d = html(&page);
    assert_eq!(d.notice.addressees, ["各乡镇人民政府"]);
    assert_eq!(d.notice.date.as_deref(), Some("2024-05-06"));
    let all = d.notice.body.join("\n");
    assert!(!all.contains("主办单位"), "{all}");
    assert!(!all.contains("技术支持"), "{all}");
}

/// `n` small task tables, each under a title row whose `colspan` says a thousand columns.
fn colspan_tables(n: usize, colspan: &str) -> String {
    let mut page = String::from(
        "<html><head><meta charset=\"utf-8\"><title>某市重点任务分工表</title></head><body>\
         <p>某市人民政府办公室关于印发重点任务分工表的通知</p>",
    );
    for i in 1..=n {
        page.push_str(&format!(
            "<table border=\"1\"><tr><td colspan=\"{colspan}\">第{i}组重点任务</td></tr>\
             <tr><td>序号</td><td>重点任务</td><td>牵头单位</td></tr>\
             <tr><td>{i}</td><td>推进第{i}项重点改革任务。</td><td>市发展改革委</td></tr></table>"
        ));
    }
    page.push_str("</body></html>");
    page
}

/// V08: a title row's `colspan="1000"` over a table of three columns lays the table out in its
/// three columns: the span past the last column adds none (each table cost a thousand slots of
/// copied text, a page of many such tables gigabytes). The tasks are read as before.
#[test]
fn a_span_past_the_tables_last_column_adds_no_columns() {
    for colspan in ["1000", "3", "5"] {
        let d = html(&colspan_tables(50, colspan));
        let tables: Vec<_> = d.parts.iter().flat_map(|p| &p.tables).collect();
        assert_eq!(tables.len(), 50, "{colspan}");
        for t in &tables {
            let width = t.rows.iter().map(Vec::len).max().unwrap_or(0);
            assert_eq!(width, 3, "{colspan}: {:?}", t.rows);
        }
        assert_eq!(d.tasks.len(), 50, "{colspan}");
        assert!(
            d.tasks.iter().all(|t| t.lead == ["市发展改革委"]),
            "{colspan}"
        );
        assert_eq!(d.tasks[49].text, "推进第50项重点改革任务。", "{colspan}");
    }
}

/// The work grows with the page, not with what its spans claim: a thousand tables of a
/// thousand-column title row give a few thousand cells in all.
#[test]
fn many_tables_of_huge_spans_cost_their_own_cells() {
    let d = html(&colspan_tables(1000, "1000"));
    let cells: usize = d
        .parts
        .iter()
        .flat_map(|p| &p.tables)
        .map(|t| t.rows.iter().map(Vec::len).sum::<usize>())
        .sum();
    assert!(cells <= 1000 * 9, "{cells} cells");
    assert_eq!(d.tasks.len(), 1000);
}

/// A span inside the table over columns other rows split is read as before: the header's
/// `牵头单位` over two columns, the group row across the width, a units cell over the 牵头 and
/// 配合 columns.
#[test]
fn spans_over_the_tables_own_columns_are_read_as_before() {
    let page = "<html><body><p>某市人民政府办公室关于印发重点任务分工的通知</p>\
        <table border=\"1\"><tr><td colspan=\"4\">某市重点任务分工表</td></tr>\
        <tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>\
        <tr><td colspan=\"4\">一、推动产业升级</td></tr>\
        <tr><td>1</td><td>培育工业互联网平台。</td><td colspan=\"2\">市经济信息委、市科技局</td></tr>\
        <tr><td>2</td><td>建设算力中心。</td><td>市大数据局</td><td>市财政局</td></tr>\
        </table></body></html>";
    let d = html(page);
    let t = d
        .parts
        .iter()
        .flat_map(|p| &p.tables)
        .next()
        .expect("table");
    assert!(t.rows.iter().all(|r| r.len() == 4), "{:?}", t.rows);
    assert_eq!(
        gongwen_tests::all_units(&d),
        [
            (vec!["市经济信息委", "市科技局"], vec![]),
            (vec!["市大数据局"], vec!["市财政局"]),
        ]
    );
    assert!(d.tasks.iter().all(|t| t.group == ["一、推动产业升级"]));
}

fn text(s: &str) -> Document {
    let options = Options {
        format: Some(InputFormat::Text),
        ..Options::default()
    };
    parse(s.as_bytes(), &options).expect("the text parses")
}

const NOTE_NOTICE: &str = "某市人民政府办公室关于印发某市农村供水保障重点任务分工的通知

某政办发〔2024〕3号

各乡镇人民政府，市直各单位：
　　现将《某市农村供水保障重点任务分工表》印发给你们，请认真抓好落实。

　　附件：某市农村供水保障重点任务分工表

某市人民政府办公室
2024年2月20日

附件

某市农村供水保障重点任务分工表

";

/// U04: a 备注 or 注 row under a task table, the word alone in the first cell and the note
/// beside it (merged across the row or not), is the table's note, not a task: in a page and in
/// a text. The row stays in the table's grid.
#[test]
fn a_note_row_labelled_in_its_first_cell_is_no_task() {
    let note = "各牵头单位于每季度末将任务推进情况报市水务局汇总。";
    let rows = "<tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>\
        <tr><td>1</td><td>实施城区供水管网改造工程。</td><td>市水务局</td><td>市住房城乡建设局</td></tr>\
        <tr><td>2</td><td>推进农村规模化供水工程建设。</td><td>市水务局</td><td>各乡镇人民政府</td></tr>";
    for label in ["备注", "注", "备注：", "说明"] {
        for note_cells in [
            format!("<td colspan=\"3\">{note}</td>"),
            format!("<td>{note}</td><td></td><td></td>"),
        ] {
            let page = format!(
                "<html><body><p>某市人民政府办公室关于印发重点任务分工的通知</p>\
                 <table border=\"1\">{rows}<tr><td>{label}</td>{note_cells}</tr></table></body></html>"
            );
            let d = html(&page);
            let texts: Vec<&str> = d.tasks.iter().map(|t| t.text.as_str()).collect();
            assert_eq!(
                texts,
                ["实施城区供水管网改造工程。", "推进农村规模化供水工程建设。"],
                "{label} {note_cells}"
            );
            let t = d
                .parts
                .iter()
                .flat_map(|p| &p.tables)
                .next()
                .expect("table");
            assert!(
                t.rows.iter().flatten().any(|c| c == note),
                "the note stays in the grid: {:?}",
                t.rows
            );
        }
    }
    for label in ["备注", "注"] {
        let doc = format!(
            "{NOTE_NOTICE}序号\t重点任务\t牵头单位\t配合单位\n\
             1\t实施城区供水管网改造工程。\t市水务局\t市住房城乡建设局\n\
             2\t推进农村规模化供水工程建设。\t市水务局\t各乡镇人民政府\n\
             {label}\t{note}\n"
        );
        let d = text(&doc);
        let texts: Vec<&str> = d.tasks.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts,
            ["实施城区供水管网改造工程。", "推进农村规模化供水工程建设。"],
            "{label}"
        );
        assert!(
            !d.diagnostics.iter().any(|x| x.code == "task_without_lead"),
            "{label}: {:?}",
            d.diagnostics
        );
    }
}

/// A task whose text is a note word alone is still no note: the word needs the note beside it,
/// and a row numbered as a task stays a task.
#[test]
fn a_task_row_is_not_taken_for_a_note() {
    let doc = format!(
        "{NOTE_NOTICE}序号\t重点任务\t牵头单位\t配合单位\n\
         1\t实施城区供水管网改造工程。\t市水务局\t市住房城乡建设局\n\
         2\t做好工程建设情况说明\t市水务局\t各乡镇人民政府\n"
    );
    let d = text(&doc);
    assert_eq!(d.tasks.len(), 2, "{:?}", d.tasks);
}

/// U14: an attachment that divides the leaders' work (`县政府领导工作分工`: who is in charge of
/// what, in prose) names no task allocation: no `no_task_table`. A 重点工作分工 still does.
#[test]
fn the_division_of_leaders_work_is_no_task_allocation() {
    let doc = |title: &str| {
        format!(
            "某县人民政府关于调整{title}的通知

某府发〔2024〕2号

各乡镇人民政府，县政府各部门：
　　因工作需要，经县政府研究，决定对{title}作如下调整，现予印发。

　　附件：{title}

某县人民政府
2024年1月15日

附件

{title}

　　县长张某某：主持县政府全面工作，负责审计方面工作。
　　副县长王某某：负责农业农村、水利、林业、乡村振兴方面工作。
"
        )
    };
    let codes =
        |d: &Document| -> Vec<String> { d.diagnostics.iter().map(|x| x.code.clone()).collect() };
    for title in [
        "某县人民政府领导工作分工",
        "县政府领导同志工作分工",
        "县政府负责同志分工",
    ] {
        let d = text(&doc(title));
        assert!(
            !codes(&d).iter().any(|c| c == "no_task_table"),
            "{title}: {:?}",
            d.diagnostics
        );
    }
    let d = text(&doc("某县2024年重点工作分工"));
    assert!(
        codes(&d).iter().any(|c| c == "no_task_table"),
        "{:?}",
        d.diagnostics
    );
}
