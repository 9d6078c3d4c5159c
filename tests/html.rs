//! The HTML reader on a municipal-style page of the seed notice (fixtures/html, built by
//! fixtures/make_fixtures.py): GBK with a `<meta http-equiv>` charset, site chrome around the
//! article, indented paragraphs, the attachment as a table with spanning group rows.

use gongwen_parse::{Document, InputFormat, Options, SourceFormat, parse, parse_text};
use gongwen_tests::{notice_without_line as notice, tasks_without_lines as tasks};
use gongwen_tests::{path, seed_path};

fn seed() -> Document {
    parse_text(&std::fs::read_to_string(seed_path()).expect("seed"))
}

fn page_bytes() -> Vec<u8> {
    std::fs::read(path("fixtures/html/cq-2021-19.gbk.html"))
        .expect("fixture; run fixtures/make_fixtures.py")
}

fn page() -> Document {
    parse(&page_bytes(), &Options::default()).expect("the page parses")
}

#[test]
fn the_gbk_page_is_sniffed_as_html_and_decoded_from_its_meta_charset() {
    let bytes = page_bytes();
    assert_eq!(
        gongwen_parse::read::sniff(&bytes).ok(),
        Some(InputFormat::Html)
    );
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture must really be GBK"
    );
    let d = page();
    assert_eq!(d.source.format, SourceFormat::Html);
    assert_eq!(d.source.encoding, "GBK");
    assert!(
        !d.diagnostics
            .iter()
            .any(|x| x.code == "decode_replaced" || x.code == "encoding_mismatch"),
        "{:#?}",
        d.diagnostics
    );
}

#[test]
fn the_page_gives_exactly_the_seed_notice() {
    let (s, d) = (seed(), page());
    assert_eq!(notice(&d), notice(&s));
    assert_eq!(
        d.notice.title.as_deref(),
        Some("重庆市人民政府关于印发重庆市服务业扩大开放综合试点工作方案的通知")
    );
}

#[test]
fn the_page_gives_exactly_the_seed_tasks() {
    let (s, d) = (seed(), page());
    assert_eq!(d.tasks.len(), 86);
    let (a, b) = (tasks(&d), tasks(&s));
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y, "task {}", y.seq);
    }
    assert_eq!(a, b);
    // Chapter and category rows are single spanning cells, read as the tasks' groups.
    assert_eq!(
        d.tasks[0].group,
        [
            "一、推动服务业重点行业领域深化改革扩大开放",
            "（一）充分竞争性服务业。"
        ]
    );
}

#[test]
fn site_chrome_stays_out_of_the_document() {
    let d = page();
    let json = serde_json::to_string(&d.notice).expect("json")
        + &serde_json::to_string(&d.parts).expect("json");
    for chrome in [
        "首页",
        "当前位置",
        "分享到",
        "打印本页",
        "版权所有",
        "请使用新版浏览器",
        "正文开始",
        "发布时间",
        "索引号",
        "_重庆市人民政府网",
    ] {
        assert!(
            !json.contains(chrome),
            "`{chrome}` leaked into the document"
        );
    }
    // One table only: the attachment (the metadata table is page metadata, not body).
    assert_eq!(d.table_count(), 1);
}

#[test]
fn the_metadata_table_is_read_into_source_page_and_agrees_with_the_notice() {
    let d = page();
    let m = d.source.page.as_ref().expect("page metadata");
    assert_eq!(m.title.as_deref(), d.notice.title.as_deref());
    assert_eq!(m.doc_number.as_deref(), Some("渝府发〔2021〕19号"));
    assert_eq!(m.date.as_deref(), Some("2021-08-04"));
    assert_eq!(m.published.as_deref(), Some("2021-08-11"));
    assert_eq!(m.issuer.as_deref(), Some("重庆市人民政府"));
    assert_eq!(m.topic.as_deref(), Some("综合政务"));
    assert_eq!(m.index_no.as_deref(), Some("11500000MB1527000G/2021-00123"));
    assert!(
        !d.diagnostics
            .iter()
            .any(|x| x.code == "page_metadata_mismatch"),
        "{:#?}",
        d.diagnostics
    );
}

#[test]
fn lines_point_into_the_page_source() {
    let d = page();
    let text = encoding_rs::GBK.decode(&page_bytes()).0.into_owned();
    let lines: Vec<&str> = text.lines().collect();
    let line_of = |needle: &str, after: usize| {
        lines
            .iter()
            .enumerate()
            .skip(after)
            .find(|(_, l)| l.contains(needle))
            .map(|(i, _)| i + 1)
    };
    let content_start = line_of("正文开始", 0).expect("marker");
    // The title's first line is the issuer line of the article, not the <title> or the <h1>.
    assert_eq!(
        d.notice.line,
        line_of(
            "<span style=\"font-size: 22pt;\">重庆市人民政府",
            content_start
        )
    );
    let table = d
        .parts
        .iter()
        .flat_map(|p| &p.tables)
        .next()
        .expect("table");
    assert_eq!(
        Some(table.line),
        line_of("<tr>", content_start).map(|l| l + 1)
    );
    assert_eq!(table.row_lines.len(), table.rows.len());
    assert!(
        table.row_lines.windows(2).all(|w| w[0] < w[1]),
        "row lines increase"
    );
    // A task's line is its row's first cell (the task number), on the line after its `<tr>`.
    let last = d.tasks.last().expect("tasks");
    let content = line_of("12pt;\">强化属地监管职责", content_start).expect("last task");
    let row_start = (content_start..content)
        .rev()
        .find(|&l| lines[l - 1].contains("<tr>"))
        .expect("<tr>");
    assert_eq!(last.line, row_start + 1);
}

#[test]
fn the_page_parses_the_same_when_transcoded_to_utf8() {
    // The same page re-saved as UTF-8 but still declaring gb2312: the bytes win.
    let text = encoding_rs::GBK.decode(&page_bytes()).0.into_owned();
    let d = parse(text.as_bytes(), &Options::default()).expect("parses");
    assert_eq!(d.source.encoding, "UTF-8");
    assert!(d.diagnostics.iter().any(|x| x.code == "encoding_mismatch"));
    assert_eq!(notice(&d), notice(&page()));
    assert_eq!(tasks(&d), tasks(&page()));
}

#[test]
fn a_title_and_number_printed_in_elements_before_the_body_are_the_notice_head() {
    let page = "<html><head><meta charset=\"utf-8\"><title>通报</title></head><body><div id=\"content\">\n\
        <div class=\"title\">某省人民政府办公厅关于政府网站检查情况的通报</div>\n\
        <div class=\"wh\">某政办函〔2023〕58号</div>\n\
        <div class=\"zw\">各市、县人民政府，省政府各部门：<br>\n\
        现将有关情况通报如下：<br>一、总体情况<br>本次共抽查政府网站120家。<br>\n\
        二、下一步工作要求<br>各地要完成整改。<br>某省人民政府办公厅<br>2023年7月28日</div>\n\
        </div></body></html>";
    let html = Options {
        format: Some(InputFormat::Html),
        ..Options::default()
    };
    let d = parse(page.as_bytes(), &html).expect("parses");
    let n = &d.notice;
    assert_eq!(
        n.title.as_deref(),
        Some("某省人民政府办公厅关于政府网站检查情况的通报")
    );
    assert_eq!(
        n.doc_number.as_ref().map(|x| x.raw.as_str()),
        Some("某政办函〔2023〕58号")
    );
    assert_eq!(n.addressees, vec!["各市、县人民政府", "省政府各部门"]);
    // Lines point at the elements in the page.
    assert_eq!(n.line, Some(2));
    // A byline between the title and the body is passed over, and not read as the number.
    let other = page.replace(
        "<div class=\"wh\">某政办函〔2023〕58号</div>",
        "<div class=\"info\">来源：某省政府办公厅 发布时间：2023-07-30</div>",
    );
    let d = parse(other.as_bytes(), &html).expect("parses");
    assert_eq!(d.notice.title, n.title);
    assert_eq!(d.notice.doc_number, None);
    assert_eq!(d.notice.addressees, n.addressees);
}

#[test]
fn the_page_as_a_web_archive_gives_the_same_notice_and_tasks() {
    // The page as Word saves a "single file web page": a MIME message, the HTML part
    // quoted-printable, its lines cut at 76 characters with soft breaks.
    let mut qp = String::new();
    let mut width = 0;
    for &b in &page_bytes() {
        let piece = if b == b'\n' {
            width = 0;
            qp.push('\n');
            continue;
        } else if b >= 0x80 || b == b'=' {
            format!("={b:02X}")
        } else {
            (b as char).to_string()
        };
        if width + piece.len() > 75 {
            qp.push_str("=\n");
            width = 0;
        }
        width += piece.len();
        qp.push_str(&piece);
    }
    let mht = format!(
        "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=\"----=_NextPart_01\"\n\n\
         This is a multi-part message in MIME format.\n\n------=_NextPart_01\n\
         Content-Location: file:///C:/notice.htm\nContent-Transfer-Encoding: quoted-printable\n\
         Content-Type: text/html; charset=\"gb2312\"\n\n{qp}\n------=_NextPart_01--\n"
    );
    let d = parse(mht.as_bytes(), &Options::default()).expect("the archive parses");
    let p = page();
    assert_eq!(notice(&d), notice(&p));
    assert_eq!(tasks(&d), tasks(&p));
    assert_eq!(d.diagnostics[0].code, "mhtml_unpacked");
}

/// Parses `page` as HTML.
fn html(page: &str) -> Document {
    let opts = Options {
        format: Some(InputFormat::Html),
        ..Options::default()
    };
    parse(page.as_bytes(), &opts).expect("parses")
}

#[test]
fn a_title_in_a_layout_cell_above_the_article_is_the_title_however_long_the_article() {
    // The site prints the title in a table cell of its own, a byline under it, and the article
    // in the cell below; with a long article, the content found is that cell alone.
    let page_with = |body: &str| {
        format!(
            "<html><head><title>某某县人民政府网</title></head><body>\
         <table><tr><td class=\"dh\">首页 | 政务公开 | 文件</td></tr></table>\
         <table><tr><td class=\"tt\">某某县人民政府关于加强秋冬季森林防火工作的通知</td></tr>\
         <tr><td>发布时间：2020-10-12　来源：县应急局</td></tr>\
         <tr><td class=\"nr\"><p>某县政发〔2020〕9号</p><p>各乡镇人民政府，县政府各部门：</p>\
         <p>　　为做好今冬明春森林防火工作，现就有关事项通知如下：</p>{body}\
         <p>某某县人民政府</p><p>2020年10月10日</p></td></tr></table>\
         <div class=\"bottom\">主办：某某县人民政府办公室</div></body></html>"
        )
    };
    let page = page_with(
        &"<p>　　各单位要按照职责分工，切实做好本领域的各项工作，确保取得实效。</p>".repeat(30),
    );
    for page in [page.clone(), page_with("")] {
        let d = html(&page);
        assert_eq!(
            d.notice.title.as_deref(),
            Some("某某县人民政府关于加强秋冬季森林防火工作的通知")
        );
        assert_eq!(
            d.notice.doc_number.as_ref().map(|x| x.raw.as_str()),
            Some("某县政发〔2020〕9号")
        );
        assert!(!d.diagnostics.iter().any(|x| x.code == "no_title"));
    }
    // A block of its own (a <div>) serves as well; a link above (a list of other notices) is
    // never the title.
    let page = page
        .replace("<td class=\"tt\">", "<td><div class=\"bt\">")
        .replace("的通知</td>", "的通知</div></td>");
    assert_eq!(
        html(&page).notice.title.as_deref(),
        Some("某某县人民政府关于加强秋冬季森林防火工作的通知")
    );
    let listed = page.replace(
        "<div class=\"bt\">某某县人民政府关于加强秋冬季森林防火工作的通知</div>",
        "<a href=\"/a.html\">某某县人民政府关于做好防汛工作的通知</a>",
    );
    assert_eq!(html(&listed).notice.title, None);
}

#[test]
fn two_attachment_links_in_one_paragraph_are_two_attachments() {
    let page = "<html><body><div class=\"TRS_Editor\">\
        <p>某某镇人民政府关于印发某某镇农村人居环境整治方案的通知</p>\
        <p>各村（居）委会，镇属各单位：</p>\
        <p>现将《某某镇农村人居环境整治方案》印发给你们，请遵照执行。</p>\
        <p>某某镇人民政府</p><p>2024年3月5日</p>\
        <p>附件下载：<a href=\"/f/a.pdf\">整治方案.pdf</a>&nbsp;&nbsp;<a href=\"/f/b.xls\">整治任务清单.xls</a>、<a href=\"/f/c.wps\">填报说明.wps</a></p>\
        </div></body></html>";
    let d = html(page);
    let titles = gongwen_tests::attachment_titles(&d.notice);
    assert_eq!(titles, ["整治方案", "整治任务清单", "填报说明"]);
    assert!(
        !d.diagnostics
            .iter()
            .any(|x| x.code.starts_with("attachment")),
        "{:#?}",
        d.diagnostics
    );
}

#[test]
fn links_to_the_listed_attachments_are_those_attachments() {
    let page = |links: &str| {
        format!(
            "<html><body><div class=\"TRS_Editor\">\
             <p>某某区人民政府关于印发稳增长若干措施的通知</p>\
             <p>各街道办事处，区政府各部门：</p>\
             <p>现将《某某区稳增长若干措施》印发给你们，请认真贯彻落实。</p>\
             <p>附件：1.某某区稳增长若干措施</p><p>2.某某区重点项目表</p>\
             <p>某某区人民政府</p><p>2023年2月20日</p>{links}</div></body></html>"
        )
    };
    let d = html(&page(
        "<p>附件下载：<a href=\"/u/1.docx\">1.某某区稳增长若干措施.docx</a>\
         <a href=\"/u/2.xlsx\">2.某某区重点项目表.xlsx</a></p>",
    ));
    let listed = gongwen_tests::listed_attachments(&d.notice);
    assert_eq!(
        listed,
        [
            (Some(1), "某某区稳增长若干措施"),
            (Some(2), "某某区重点项目表")
        ]
    );
    let codes: Vec<&str> = d.diagnostics.iter().map(|x| x.code.as_str()).collect();
    assert!(!codes.contains(&"attachment_missing"), "{codes:?}");
    // Without the links, both are missing.
    let d = html(&page(""));
    let missing = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "attachment_missing")
        .count();
    assert_eq!(missing, 2);
}

#[test]
fn an_attachment_linked_below_the_article_is_listed_and_page_chrome_is_not() {
    let page = "<html><body><h1>某某市交通运输局关于开展道路运输安全大检查的通知</h1>\
        <div id=\"zoom\"><p>某交发〔2023〕12号</p><p>各区交通运输局：</p>\
        <p>　　为切实加强道路运输安全管理，决定在全市开展安全大检查，请按检查方案抓好落实。</p>\
        <p>某某市交通运输局</p><p>2023年6月1日</p></div>\
        <div class=\"down\">附件：<a href=\"/u/x.docx\">道路运输安全大检查方案.docx</a></div>\
        <div class=\"xg\"><p>相关文件</p><ul><li><a href=\"/u/y.pdf\">往年检查通报.pdf</a></li></ul></div>\
        <div class=\"share\">分享到：<a href=\"/s.pdf\">打印.pdf</a></div></body></html>";
    let d = html(page);
    let titles = gongwen_tests::attachment_titles(&d.notice);
    assert_eq!(titles, ["道路运输安全大检查方案"]);
    // Without an attachment label the links below are not the notice's.
    let d = html(&page.replace("附件：<a", "<a"));
    assert!(
        d.notice.attachments.is_empty(),
        "{:?}",
        d.notice.attachments
    );
}

#[test]
fn joint_issuers_set_apart_by_a_space_in_a_title_above_the_article_stay_apart() {
    let d = html(
        "<html><head><meta charset=\"utf-8\"></head><body>\
         <div class=\"con_title\">某某市教育委员会 某某市卫生健康委员会关于做好秋季开学工作的通知</div>\
         <div id=\"Zoom\"><p>某教委发〔2021〕33号</p><p>各区县教委、卫生健康委：</p>\
         <p>现就秋季学期开学工作有关事项通知如下，请认真落实各项防控措施。</p>\
         <p>某某市教育委员会　　某某市卫生健康委员会</p><p>2021年8月4日</p></div></body></html>",
    );
    assert_eq!(
        d.notice.title.as_deref(),
        Some("某某市教育委员会、某某市卫生健康委员会关于做好秋季开学工作的通知")
    );
    assert_eq!(
        d.notice.issuer.as_deref(),
        Some("某某市教育委员会、某某市卫生健康委员会")
    );
}

#[test]
fn a_list_of_names_with_counted_groups_is_no_task_table_and_is_not_checked_as_one() {
    let page = |header: &str| {
        format!(
            "<html><body><div class=\"TRS_Editor\"><p>附件</p><p>第三批市级非物质文化遗产代表性项目名录</p>\
             <table border=\"1\"><tr>{header}</tr>\
             <tr><td colspan=\"4\">一、民间文学（2项）</td></tr>\
             <tr><td>1</td><td>Ⅰ-8</td><td>某某传说</td><td>某某区</td></tr>\
             <tr><td>2</td><td>Ⅰ-9</td><td>某某山歌谣</td><td>某某区文化馆</td></tr>\
             </table></div></body></html>"
        )
    };
    let counts = |d: &gongwen_parse::Document| {
        d.diagnostics
            .iter()
            .filter(|x| x.code == "group_count_mismatch")
            .count()
    };
    let names = html(&page(
        "<td>序号</td><td>项目编号</td><td>项目名称</td><td>申报地区或单位</td>",
    ));
    assert!(names.tasks.is_empty());
    assert_eq!(counts(&names), 0);
    // The same rows under a task table's header are two tasks, as the group says.
    let tasks = html(&page(
        "<td>序号</td><td>编号</td><td>重点任务</td><td>牵头单位</td>",
    ));
    assert_eq!(tasks.tasks.len(), 2);
    assert_eq!(counts(&tasks), 0);
}

#[test]
fn a_title_row_naming_the_attachment_makes_the_table_that_attachment() {
    let d = html(
        "<html><body><div class=\"TRS_Editor\">\
         <p>某某市人民政府办公厅关于印发数字经济重点任务分工的通知</p><p>各区县人民政府：</p>\
         <p>现将数字经济重点任务分工表印发给你们，请认真抓好落实。</p>\
         <p>附件：数字经济重点任务分工表</p><p>某某市人民政府办公厅</p><p>2022年3月1日</p>\
         <table border=\"1\"><tr><td colspan=\"4\">附件：数字经济重点任务分工表</td></tr>\
         <tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>\
         <tr><td>1</td><td>建设算力中心</td><td>市大数据局</td><td>市财政局</td></tr></table>\
         </div></body></html>",
    );
    let parts = gongwen_tests::part_heads(&d);
    assert_eq!(
        parts,
        [(
            gongwen_parse::PartKind::Attachment,
            Some("附件"),
            Some("数字经济重点任务分工表")
        )]
    );
    assert_eq!(d.tasks.len(), 1);
    assert!(
        !d.diagnostics
            .iter()
            .any(|x| x.code.starts_with("attachment")),
        "{:?}",
        d.diagnostics
    );
}

#[test]
fn a_units_cell_holding_a_table_of_labels_and_names_reads_as_its_clauses() {
    // Labels down the first column, and labels as a header row over the names; a cell of
    // names alone beside them.
    let d = html(
        "<html><body><div class=\"TRS_Editor\"><p>任务分工表</p>\
         <table border=\"1\"><tr><td>序号</td><td>重点任务</td><td>责任单位</td></tr>\
         <tr><td>1</td><td>推进数据共享。</td><td><table>\
         <tr><td>牵头</td><td>市发展改革委</td></tr>\
         <tr><td>配合</td><td>市财政局、<br>市商务委</td></tr></table></td></tr>\
         <tr><td>2</td><td>优化营商环境。</td><td><table>\
         <tr><td>牵头单位</td><td>配合单位</td></tr>\
         <tr><td>市市场监管局</td><td>市税务局</td></tr></table></td></tr>\
         <tr><td>3</td><td>加强监管。</td><td>市应急局</td></tr>\
         </table></div></body></html>",
    );
    let got: Vec<(&str, Vec<&str>, Vec<&str>)> = d
        .tasks
        .iter()
        .map(|t| {
            (
                t.text.as_str(),
                t.lead.iter().map(String::as_str).collect(),
                t.support.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "推进数据共享。",
                vec!["市发展改革委"],
                vec!["市财政局", "市商务委"]
            ),
            ("优化营商环境。", vec!["市市场监管局"], vec!["市税务局"]),
            ("加强监管。", vec!["市应急局"], vec![]),
        ]
    );
}

#[test]
fn a_cell_with_text_beside_its_nested_table_reads_line_by_line() {
    // Text outside the nested table: the cell is not an allocation table alone.
    let d = html(
        "<html><body><div class=\"TRS_Editor\"><p>任务分工表</p>\
         <table border=\"1\"><tr><td>序号</td><td>重点任务</td><td>责任单位</td></tr>\
         <tr><td>1</td><td>推进数据共享。</td><td>市发展改革委<table>\
         <tr><td>市财政局</td></tr></table></td></tr>\
         </table></div></body></html>",
    );
    assert_eq!(d.tasks.len(), 1);
    assert_eq!(d.tasks[0].lead, ["市发展改革委", "市财政局"]);
}

#[test]
fn a_number_cell_merged_over_two_measures_is_no_repeat_but_a_number_printed_twice_is() {
    let page = |second: &str| {
        format!(
            "<html><body><div class=\"TRS_Editor\"><p>任务分工表</p>\
             <table border=\"1\"><tr><td>序号</td><td>重点任务</td><td>牵头单位</td></tr>\
             <tr><td>1</td><td>制定年度改造计划。</td><td>市住房城乡建委</td></tr>\
             {second}\
             <tr><td>3</td><td>建设社区养老设施。</td><td>市民政局</td></tr>\
             </table></div></body></html>"
        )
    };
    let codes = |d: &Document| -> Vec<String> {
        d.diagnostics
            .iter()
            .map(|x| x.code.clone())
            .filter(|c| c.starts_with("task_number"))
            .collect()
    };
    let merged = html(&page(
        "<tr><td rowspan=\"2\">2</td><td>推进城市道路微循环。</td><td>市交通局</td></tr>\
         <tr><td>优化公交站点布局。</td><td>市交通局</td></tr>",
    ));
    assert_eq!(
        merged.tasks.iter().map(|t| t.seq).collect::<Vec<_>>(),
        [1, 2, 2, 3]
    );
    assert!(codes(&merged).is_empty(), "{:?}", codes(&merged));
    let twice = html(&page(
        "<tr><td>2</td><td>推进城市道路微循环。</td><td>市交通局</td></tr>\
         <tr><td>2</td><td>优化公交站点布局。</td><td>市交通局</td></tr>",
    ));
    assert_eq!(codes(&twice), ["task_number_repeat"]);
}

#[test]
fn a_numbered_label_before_an_attachment_link_gives_its_number() {
    let d = html(
        "<html><body><div id=\"zoom\"><p>某市人民政府办公室关于开展安全生产大检查的通知</p>\
         <p>各区县人民政府：</p><p>　　决定在全市开展安全生产大检查。</p>\
         <p>　　附件1：<a href=\"/u/a.xlsx\">安全生产检查表.xlsx</a></p>\
         <p>某市人民政府办公室</p><p>2024年6月1日</p></div></body></html>",
    );
    let got = gongwen_tests::listed_attachments(&d.notice);
    assert_eq!(got, [(Some(1), "安全生产检查表")]);
}

#[test]
fn a_task_allocation_published_only_as_a_linked_file_is_no_lost_table() {
    let page = |link: &str| {
        html(&format!(
            "<html><body><div id=\"zoom\"><p>某府办发〔2024〕11号</p>\
             <p>某市人民政府办公室关于印发民生实事任务分工的通知</p><p>各区县人民政府：</p>\
             <p>　　现将民生实事任务分工印发给你们，请认真组织实施。</p>\
             <p>　　附件：民生实事任务分工表</p><p>某市人民政府办公室</p><p>2024年3月18日</p>\
             {link}</div></body></html>"
        ))
    };
    let codes = |d: &Document| -> Vec<(String, String)> {
        d.diagnostics
            .iter()
            .filter(|x| x.code.contains("task_table"))
            .map(|x| (format!("{:?}", x.severity), x.code.clone()))
            .collect()
    };
    let linked = page("<p>附件下载：<a href=\"/u/a.docx\">民生实事任务分工表.docx</a></p>");
    assert_eq!(
        codes(&linked),
        [("Info".into(), "task_table_linked".into())]
    );
    // Listed but neither printed nor linked: the table is lost.
    let lost = page("");
    assert_eq!(codes(&lost), [("Warning".into(), "no_task_table".into())]);
}

#[test]
fn a_link_whose_href_names_the_files_extension_is_a_linked_file() {
    let page = |link: &str, below: &str| {
        html(&format!(
            "<html><body><div id=\"zoom\"><p>某府办发〔2024〕11号</p>\
             <p>某市人民政府办公室关于印发民生实事任务分工的通知</p><p>各区县人民政府：</p>\
             <p>　　现将民生实事任务分工印发给你们，请认真组织实施。</p>\
             <p>　　附件：民生实事任务分工表</p><p>某市人民政府办公室</p><p>2024年3月18日</p>\
             {link}</div>{below}</body></html>"
        ))
    };
    let codes = |d: &Document| -> Vec<(String, String)> {
        d.diagnostics
            .iter()
            .filter(|x| x.code.contains("task_table"))
            .map(|x| (format!("{:?}", x.severity), x.code.clone()))
            .collect()
    };
    let linked = [("Info".to_string(), "task_table_linked".to_string())];
    // In the article, alone or after a label; below it, under a label.
    for (link, below) in [
        (
            "<p><a href=\"/files/P020230301.pdf\">附件1：民生实事任务分工表</a></p>",
            "",
        ),
        (
            "<p>附件：<a href=\"/files/P020230301.DOCX?t=1\">民生实事任务分工表</a></p>",
            "",
        ),
        (
            "",
            "<div class=fj>相关附件：<a href=\"/files/P020230301.xlsx\">民生实事任务分工表</a></div>",
        ),
    ] {
        assert_eq!(codes(&page(link, below)), linked, "{link}{below}");
    }
    // A download prompt names no file; a link inside a sentence is the sentence's.
    let d = page(
        "<p>附件下载：<a href=\"/files/a.pdf\">点击下载</a></p>\
         <p>　　参照<a href=\"/files/b.pdf\">某某规划</a>执行。</p>",
        "",
    );
    assert!(
        d.notice
            .attachments
            .iter()
            .all(|a| a.title == "民生实事任务分工表"),
        "{:?}",
        d.notice.attachments
    );
    assert_eq!(codes(&d), [("Warning".into(), "no_task_table".into())]);
}

#[test]
fn links_to_the_documents_before_and_after_are_no_enclosure() {
    let d = html(
        "<html><body><div id=\"zoom\"><p>某商务发〔2024〕8号</p>\
         <p>某市商务局关于开展消费节活动的通知</p><p>各区县商务主管部门：</p>\
         <p>　　为促进消费，决定开展消费节活动，请认真组织实施。</p>\
         <p>某市商务局</p><p>2024年4月8日</p>\
         <p>上一篇：<a href=\"/x/1.html\">某市商务局关于开展家电以旧换新的通知</a></p>\
         <p>下一篇：<a href=\"/x/2.html\">某市商务局关于公布老字号名单的公告</a></p>\
         <p>政策解读：<a href=\"/jd/9.html\">《关于开展消费节活动的通知》解读</a></p>\
         </div></body></html>",
    );
    assert!(d.parts.is_empty(), "{:?}", d.parts);
    assert_eq!(d.notice.date.as_deref(), Some("2024-04-08"));
}

#[test]
fn a_disclosure_table_after_the_article_is_the_page_metadata() {
    // A provincial 政府信息公开 table with `<th>` labels, below the article.
    let d = html(
        "<html><body><div class=\"main\"><div class=\"con\">\
         <p>某市人民政府办公室关于开展安全生产大检查的通知</p><p>各区县人民政府：</p>\
         <p>　　决定在全市开展安全生产大检查。</p><p>某市人民政府办公室</p><p>2024年6月1日</p></div>\
         <table class=\"gk\"><tr><th>信息名称</th><td>某市人民政府办公室关于开展安全生产大检查的通知</td></tr>\
         <tr><th>文　　号</th><td>某府办发〔2024〕31号</td></tr><tr><th>公开方式</th><td>主动公开</td></tr>\
         <tr><th>发布日期</th><td>2024年06月03日</td></tr></table></div></body></html>",
    );
    assert!(d.parts.is_empty(), "{:?}", d.parts);
    assert_eq!(
        d.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
        Some("某府办发〔2024〕31号")
    );
}

#[test]
fn a_short_notice_in_its_zoom_element_is_read_there_beside_a_larger_metadata_block() {
    // The site's name is the issuer's; the metadata table, heading and byline together hold
    // more text than the short notice in `#zoom`.
    let d = html(
        "<html><head><title>某市人民政府关于调整专项资金管理办法的通知_某市人民政府门户网站</title></head><body>\
         <div class=\"top\"><a href=\"/\">某市人民政府</a> <a href=\"/wza\">无障碍</a> 简体|繁体 </div>\
         <div class=\"xxgk\"><table class=\"meta\">\
         <tr><td>索 引 号：</td><td>11500000MB1234567X/2024-00012</td><td>主题分类：</td><td>综合政务</td></tr>\
         <tr><td>发布机构：</td><td>某市人民政府办公室</td><td>成文日期：</td><td>2024-05-06</td></tr>\
         <tr><td>标　　题：</td><td colspan=\"3\">某市人民政府关于调整专项资金管理办法的通知</td></tr>\
         <tr><td>发文字号：</td><td>某府发〔2024〕9号</td><td>发布日期：</td><td>2024-05-08</td></tr></table></div>\
         <div class=\"article\"><h1>某市人民政府关于调整专项资金管理办法的通知</h1>\
         <div class=\"info\">来源：某市政府办公室　发布时间：2024-05-08</div>\
         <div id=\"zoom\"><p>某府发〔2024〕9号</p><p>各区县人民政府，市政府各部门：</p>\
         <p>　　现将调整后的办法印发给你们，请遵照执行。</p><p>某市人民政府</p><p>2024年5月6日</p>\
         </div></div></body></html>",
    );
    assert_eq!(d.notice.issuer.as_deref(), Some("某市人民政府"));
    assert_eq!(
        d.notice.title.as_deref(),
        Some("某市人民政府关于调整专项资金管理办法的通知")
    );
}

/// A page with a task table of `rows` (HTML rows) under a `序号 | 任务 | 牵头单位 | 配合单位`
/// header.
fn task_table_page(rows: &str) -> String {
    format!(
        "<html><head><meta charset=\"utf-8\"></head><body><div class=\"TRS_Editor\">\
         <p>任务分工表</p><table border=\"1\"><tr><td>序号</td><td>任务</td>\
         <td>牵头单位</td><td>配合单位</td></tr>{rows}</table></div></body></html>"
    )
}

#[test]
fn a_note_row_under_the_tasks_is_kept_out_of_the_last_task() {
    let d = html(&task_table_page(
        "<tr><td>1</td><td>建设城市绿道50公里</td><td>市城市管理局</td><td>市规划自然资源局</td></tr>\
         <tr><td>2</td><td>新增公园绿地100公顷</td><td>市城市管理局</td><td>各区县政府</td></tr>\
         <tr><td></td><td>注：各牵头单位于每季度末报送进展。</td><td></td><td></td></tr>\
         <tr><td></td><td>合计</td><td>2项</td><td></td></tr>",
    ));
    let texts: Vec<&str> = d.tasks.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(texts, ["建设城市绿道50公里", "新增公园绿地100公顷"]);
    assert!(d.tasks.iter().all(|t| t.lead != ["2项"]));
}

#[test]
fn a_units_cell_spanning_the_lead_and_support_columns_is_read_once() {
    let d = html(&task_table_page(
        "<tr><td>1</td><td>培育工业互联网平台</td><td colspan=\"2\">市经济信息委、市科技局</td></tr>\
         <tr><td>2</td><td>建设算力中心</td><td colspan=\"2\">市大数据局牵头，市财政局配合</td></tr>\
         <tr><td>3</td><td>完善标准体系</td><td colspan=\"2\">牵头：市市场监管局；配合：市工业信息化局</td></tr>\
         <tr><td>4</td><td>推广应用场景</td><td>市商务委</td><td>市财政局</td></tr>",
    ));
    assert_eq!(
        gongwen_tests::all_units(&d),
        [
            (vec!["市经济信息委", "市科技局"], vec![]),
            (vec!["市大数据局"], vec!["市财政局"]),
            (vec!["市市场监管局"], vec!["市工业信息化局"]),
            (vec!["市商务委"], vec!["市财政局"]),
        ]
    );
}

#[test]
fn an_article_that_opens_with_its_number_takes_its_title_from_the_page_head() {
    // The title only in the page's `<title>` (less the site's name) or its `ArticleTitle`; the
    // article starts at the 发文字号.
    let page = |head: &str| {
        format!(
            "<html><head><meta charset=\"utf-8\">{head}</head><body><div id=\"UCAP-CONTENT\">\
             <p>某政发〔2023〕11号</p><p>各区人民政府，市政府各部门：</p>\
             <p>为优化营商环境，现提出如下意见。</p><p>一、提高服务质量</p>\
             <p style=\"text-align:right\">某市人民政府</p><p style=\"text-align:right\">2023年7月25日</p>\
             </div></body></html>"
        )
    };
    let title = "某市人民政府关于进一步优化营商环境的意见";
    for head in [
        format!("<title>{title}_政府文件_某市人民政府网</title>"),
        format!("<title>{title}</title>"),
        format!("<title>政府文件</title><meta name=\"ArticleTitle\" content=\"{title}\">"),
    ] {
        let doc = parse(page(&head).as_bytes(), &Options::default()).expect("parses");
        assert_eq!(doc.notice.title.as_deref(), Some(title), "{head}");
        assert_eq!(doc.notice.issuer.as_deref(), Some("某市人民政府"), "{head}");
        assert_eq!(
            doc.notice.doc_number.as_ref().map(|d| d.raw.as_str()),
            Some("某政发〔2023〕11号")
        );
        assert_eq!(
            doc.notice.body,
            ["为优化营商环境，现提出如下意见。", "一、提高服务质量"]
        );
    }
    // A page name that is no title (a section's name) gives none.
    let doc = parse(
        page("<title>政府文件_某市人民政府网</title>").as_bytes(),
        &Options::default(),
    )
    .expect("parses");
    assert_eq!(doc.notice.title, None);
}

#[test]
fn a_list_of_projects_without_a_duty_column_is_a_table_not_tasks() {
    let rows = [
        [
            "1",
            "某某轨道交通3号线",
            "线路全长30公里，设站20座",
            "300",
            "2023—2027",
            "某某轨道集团有限公司",
        ],
        [
            "2",
            "某某医院新院区",
            "新建床位1000张",
            "25",
            "2023—2025",
            "市卫生健康委",
        ],
        [
            "3",
            "某某污水处理厂扩建",
            "新增处理能力10万吨/日",
            "8",
            "2023—2024",
            "某某水务集团",
        ],
    ];
    let head = "某某市人民政府办公厅关于印发某某市2023年重大项目清单的通知\n某府办发〔2023〕5号\n各区人民政府，市政府各部门：\n现将《某某市2023年重大项目清单》印发给你们，请认真组织实施。\n附件：某某市2023年重大项目清单\n某某市人民政府办公厅\n2023年2月1日\n附件\n某某市2023年重大项目清单\n";
    let text = |unit: &str| {
        let mut t =
            format!("{head}\t序号\t项目名称\t建设内容及规模\t总投资（亿元）\t建设年限\t{unit}\n");
        for r in &rows {
            t.push('\t');
            t.push_str(&r.join("\t"));
            t.push('\n');
        }
        t
    };
    let page = |unit: &str| {
        let cells = |r: &[&str]| {
            r.iter()
                .map(|c| format!("<td>{c}</td>"))
                .collect::<String>()
        };
        let mut p = String::from("<html><body><div class=\"TRS_Editor\">");
        for l in head.lines() {
            p.push_str(&format!("<p>{l}</p>"));
        }
        p.push_str("<table border=\"1\"><tr>");
        p.push_str(&cells(&[
            "序号",
            "项目名称",
            "建设内容及规模",
            "总投资（亿元）",
            "建设年限",
            unit,
        ]));
        p.push_str("</tr>");
        for r in &rows {
            p.push_str(&format!("<tr>{}</tr>", cells(r)));
        }
        p.push_str("</table></div></body></html>");
        p
    };
    for unit in ["实施单位", "行业主管部门", "项目业主"] {
        for doc in [parse_text(&text(unit)), html(&page(unit))] {
            assert!(doc.tasks.is_empty(), "{unit}: {:?}", doc.tasks);
            let tables: Vec<_> = doc.parts.iter().flat_map(|p| &p.tables).collect();
            assert_eq!(tables.len(), 1, "{unit}");
            assert_eq!(tables[0].header_rows, 1, "{unit}");
            assert_eq!(tables[0].rows.len(), 4, "{unit}");
            assert_eq!(tables[0].rows[2][1], "某某医院新院区", "{unit}");
            assert_eq!(tables[0].rows[2][5], "市卫生健康委", "{unit}");
        }
    }
    // Under a column that allocates the duty, the same rows are tasks.
    for doc in [parse_text(&text("责任单位")), html(&page("责任单位"))] {
        let tasks: Vec<(&str, &[String])> = doc
            .tasks
            .iter()
            .map(|t| (t.text.as_str(), t.lead.as_slice()))
            .collect();
        assert_eq!(tasks.len(), 3);
        assert_eq!(
            tasks[1],
            ("某某医院新院区", &["市卫生健康委".to_string()][..])
        );
    }
}

#[test]
fn a_joint_signature_laid_out_as_a_table_is_the_signature_and_date() {
    // The organs side by side in one row and the date under them, in a borderless table: the
    // letter ends there, and the attachment after it is that attachment.
    let d = html(
        "<html><head><meta charset=\"utf-8\"></head><body><div class=\"TRS_Editor\">\n\
         <p>某省财政厅 某省农业农村厅关于印发《某省农业生产发展资金管理办法》的通知</p>\n\
         <p>某财规〔2023〕3号</p>\n<p>各市（州）财政局、农业农村局：</p>\n\
         <p>现将《某省农业生产发展资金管理办法》印发给你们，请遵照执行。</p>\n\
         <p>附件：某省农业生产发展资金管理办法</p>\n\
         <table border=\"0\"><tr><td>某省财政厅</td><td>某省农业农村厅</td></tr>\n\
         <tr><td colspan=\"2\">2023年2月8日</td></tr></table>\n\
         <p>附件</p>\n<p>某省农业生产发展资金管理办法</p>\n\
         <p>第一条　为规范资金管理，制定本办法。</p>\n<p>第二条　本办法自2023年3月1日起施行。</p>\n\
         </div></body></html>",
    );
    assert_eq!(
        d.notice.signature.as_deref(),
        Some("某省财政厅、某省农业农村厅")
    );
    assert_eq!(d.notice.date.as_deref(), Some("2023-02-08"));
    assert_eq!(
        d.notice.body,
        ["现将《某省农业生产发展资金管理办法》印发给你们，请遵照执行。"]
    );
    let part = d.parts.last().expect("the attachment");
    assert_eq!(part.label.as_deref(), Some("附件"));
    assert_eq!(part.title.as_deref(), Some("某省农业生产发展资金管理办法"));
    assert_eq!(part.sections.len(), 2);
    assert!(d.parts.iter().all(|p| p.tables.is_empty()));
    assert!(!d.diagnostics.iter().any(|x| x.code == "attachment_missing"));
}

#[test]
fn a_disclosure_table_with_labels_of_other_templates_is_read_as_metadata() {
    // `生成日期`, `公开时限`, `公开范围` beside 索引号, 发布机构 and 文号, none with a colon: the
    // table is metadata all the same, and its 文号 is the notice's.
    let d = html(
        "<html><head><meta charset=\"utf-8\"><title>某市人民政府关于同意调整城市总体规划的批复</title></head><body>\n\
         <table class=\"xxgk_tab\">\n\
         <tr><td>索引号</td><td>014016437/2023-00089</td><td>公开方式</td><td>主动公开</td></tr>\n\
         <tr><td>发布机构</td><td>某市人民政府</td><td>生成日期</td><td>2023-06-15</td></tr>\n\
         <tr><td>文号</td><td>某政复〔2023〕22号</td><td>公开时限</td><td>常年公开</td></tr>\n\
         <tr><td>公开范围</td><td>面向社会</td><td>信息来源</td><td>市政府办公室</td></tr>\n\
         </table>\n\
         <h1>某市人民政府关于同意调整城市总体规划的批复</h1>\n\
         <div id=\"zoom\"><p>市自然资源和规划局：</p>\n\
         <p>你局《关于调整城市总体规划的请示》收悉。经研究，批复如下：</p>\n\
         <p>一、原则同意《城市总体规划调整方案》。</p><p>二、请你局做好规划调整的报批工作。</p><p>此复。</p>\n\
         <p style=\"text-align:right\">某市人民政府<br>2023年6月15日</p>\n\
         </div></body></html>",
    );
    let m = d.source.page.as_ref().expect("page metadata");
    assert_eq!(m.doc_number.as_deref(), Some("某政复〔2023〕22号"));
    assert_eq!(
        m.fields.get("生成日期").map(String::as_str),
        Some("2023-06-15")
    );
    assert_eq!(
        d.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
        Some("某政复〔2023〕22号")
    );
    assert_eq!(d.notice.addressees, ["市自然资源和规划局"]);
    // The table is no part of the letter.
    assert!(d.parts.iter().all(|p| p.tables.is_empty()));
    assert!(!d.notice.body.iter().any(|p| p.contains("公开时限")));
}

#[test]
fn labels_printed_in_square_brackets_are_read_as_metadata() {
    // `[ 发文字号 ] | 渝府办发〔2024〕15号`: the number is printed only in the metadata table.
    let d = html(
        "<html><head><meta charset=\"utf-8\"><title>某市人民政府办公厅关于印发2024年重点任务的通知</title></head><body>\n\
         <div class=\"zwxl-table\"><table>\n\
         <tr><td>[ 索引号 ]</td><td>11500000009275780L/2024-00021</td><td>[ 发文字号 ]</td><td>渝府办发〔2024〕15号</td></tr>\n\
         <tr><td>[ 主题分类 ]</td><td>综合政务</td><td>[ 体裁分类 ]</td><td>通知</td></tr>\n\
         <tr><td>[ 发布机构 ]</td><td>市政府办公厅</td><td>[ 成文日期 ]</td><td>2024-03-12</td></tr>\n\
         </table></div>\n\
         <div class=\"zwxl-article\"><p class=\"tit\">某市人民政府办公厅关于印发2024年重点任务的通知</p>\n\
         <div class=\"view TRS_UEDITOR\"><p>各区县人民政府，市政府各部门：</p>\n\
         <p>《2024年重点任务》已经市政府同意，现印发给你们，请认真贯彻执行。</p>\n\
         <p style=\"text-align:right\">某市人民政府办公厅</p><p style=\"text-align:right\">2024年3月12日</p>\n\
         </div></div></body></html>",
    );
    let m = d.source.page.as_ref().expect("page metadata");
    assert_eq!(m.doc_number.as_deref(), Some("渝府办发〔2024〕15号"));
    assert_eq!(m.date.as_deref(), Some("2024-03-12"));
    assert_eq!(
        d.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
        Some("渝府办发〔2024〕15号")
    );
    assert_eq!(d.notice.addressees, ["各区县人民政府", "市政府各部门"]);
}

#[test]
fn a_disclosure_table_with_name_and_category_labels_is_read_as_metadata() {
    // `名称` and `分类` without colons (Guangdong's templates), the name across three cells: the
    // table is metadata, and its 文号 and name are the notice's when the article prints neither.
    let d = html(
        "<html><head><meta charset=\"utf-8\"><title>某市人民政府关于印发某市促进工业经济稳增长若干措施的通知</title></head><body>\n\
         <table class=\"xxgk\"><tr><th>索引号</th><td>007024632/2023-00045</td><th>分类</th><td>工业</td></tr>\n\
         <tr><th>发布机构</th><td>某市人民政府</td><th>成文日期</th><td>2023-02-20</td></tr>\n\
         <tr><th>名称</th><td colspan=\"3\">某市人民政府关于印发某市促进工业经济稳增长若干措施的通知</td></tr>\n\
         <tr><th>文号</th><td>某府〔2023〕4号</td><th>发布日期</th><td>2023-02-24</td></tr></table>\n\
         <div class=\"article\"><p>各区人民政府，市有关单位：</p>\n\
         <p>现将《某市促进工业经济稳增长若干措施》印发给你们，请认真组织实施。</p>\n\
         <p style=\"text-align:right\">某市人民政府</p><p style=\"text-align:right\">2023年2月20日</p>\n\
         </div></body></html>",
    );
    let m = d.source.page.as_ref().expect("page metadata");
    assert_eq!(m.doc_number.as_deref(), Some("某府〔2023〕4号"));
    assert_eq!(
        d.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
        Some("某府〔2023〕4号")
    );
    assert_eq!(
        d.notice.title.as_deref(),
        Some("某市人民政府关于印发某市促进工业经济稳增长若干措施的通知")
    );
    assert_eq!(d.notice.addressees, ["各区人民政府", "市有关单位"]);
    assert!(d.parts.iter().all(|p| p.tables.is_empty()));
}

#[test]
fn a_joint_signature_table_with_the_date_printed_under_it_is_the_signature() {
    // The organs side by side in a borderless table, the date in a paragraph under it.
    let d = html(
        "<html><head><meta charset=\"utf-8\"></head><body><div class=\"TRS_Editor\">\n\
         <p>某省教育厅 某省财政厅关于做好2023年特岗计划实施工作的通知</p>\n\
         <p>某教师〔2023〕5号</p>\n<p>各市（州）教育局、财政局：</p>\n\
         <p>现就做好2023年特岗计划实施工作通知如下：</p>\n<p>一、设岗范围。</p>\n\
         <table width=\"100%\" border=\"0\"><tr><td>某省教育厅</td><td>某省财政厅</td></tr></table>\n\
         <p style=\"text-align:right\">2023年4月20日</p>\n\
         </div></body></html>",
    );
    assert_eq!(
        d.notice.signature.as_deref(),
        Some("某省教育厅、某省财政厅")
    );
    assert_eq!(d.notice.date.as_deref(), Some("2023-04-20"));
    assert!(d.parts.iter().all(|p| p.tables.is_empty()));
    // A table of organs with no date under it is a table.
    let d = html(
        "<html><head><meta charset=\"utf-8\"></head><body><div class=\"TRS_Editor\">\n\
         <p>某省教育厅关于公布试点单位名单的通知</p>\n<p>各市（州）教育局：</p>\n\
         <p>现将试点单位名单公布如下：</p>\n\
         <table border=\"1\"><tr><td>某市教育局</td><td>某县教育局</td></tr></table>\n\
         <p>请各试点单位认真组织实施。</p>\n\
         <p style=\"text-align:right\">某省教育厅</p><p style=\"text-align:right\">2023年4月20日</p>\n\
         </div></body></html>",
    );
    assert_eq!(d.notice.signature.as_deref(), Some("某省教育厅"));
    assert_eq!(d.parts.iter().map(|p| p.tables.len()).sum::<usize>(), 1);
}

#[test]
fn an_article_that_opens_at_its_addressees_takes_its_title_from_the_page_head() {
    // No title and no number in the article: the page's `<title>` names the notice.
    let d = html(
        "<html><head><meta charset=\"utf-8\"><title>某某市人民政府关于公布2023年市级重点建设项目的通知_市政府文件_某某市人民政府门户网站</title></head><body>\n\
         <div class=\"nav\">首页 &gt; 政务公开 &gt; 市政府文件</div>\n\
         <div class=\"article-body\"><p>各区县人民政府，市政府各部门：</p>\n\
         <p>经研究，现将2023年市级重点建设项目名单予以公布，请认真抓好组织实施。</p>\n\
         <p style=\"text-align:right\">某某市人民政府</p><p style=\"text-align:right\">2023年3月2日</p>\n\
         </div></body></html>",
    );
    assert_eq!(
        d.notice.title.as_deref(),
        Some("某某市人民政府关于公布2023年市级重点建设项目的通知")
    );
    assert_eq!(d.notice.addressees, ["各区县人民政府", "市政府各部门"]);
    assert_eq!(
        d.notice.body,
        ["经研究，现将2023年市级重点建设项目名单予以公布，请认真抓好组织实施。"]
    );
}

#[test]
fn a_page_of_site_chrome_alone_has_no_title() {
    // The menu and footer of a page whose article is missing: no line of them is a title.
    let d = html(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>某某市人民政府</title></head><body>\n\
         <div class=\"top\"><ul><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk\">政务公开</a></li><li><a href=\"/bsfw\">办事服务</a></li></ul></div>\n\
         <div class=\"footer\"><p>主办单位：某某市人民政府办公室</p></div>\n\
         </body></html>",
    );
    assert_eq!(d.notice.title, None);
}

/// Portals that print the 信息公开 block as label and value in elements of their own, without
/// a colon in the value's element: `<dt>索引号：</dt><dd>…</dd>`, `<div class="label">文号</div>
/// <div class="value">…</div>`, `<li><label>发文字号</label><p>…</p></li>`.
#[test]
fn metadata_as_label_and_value_elements_is_read_into_source_page() {
    let article = "<div class=\"text\"><p>各区人民政府，市政府各部门：</p>\
        <p>　　现将有关事项通知如下，请认真贯彻执行。</p>\
        <p style=\"text-align:right\">某某市人民政府</p><p style=\"text-align:right\">2023年8月9日</p></div>";
    let blocks = [
        "<dl><dt>索引号：</dt><dd>MB1A0/2023-00021</dd><dt>发布机构：</dt><dd>某某市人民政府</dd>\
         <dt>发文字号：</dt><dd>某府发〔2023〕17号</dd><dt>发布日期：</dt><dd>2023-08-15</dd></dl>",
        "<div class=\"m\"><div class=\"l\">索 引 号</div><div class=\"v\">MB1A0/2023-00021</div>\
         <div class=\"l\">发布机构</div><div class=\"v\">某某市人民政府</div></div>\
         <div class=\"m\"><div class=\"l\">文号</div><div class=\"v\">某府发〔2023〕17号</div>\
         <div class=\"l\">发布日期</div><div class=\"v\">2023-08-15</div></div>",
        "<ul><li><label>索引号</label><p>MB1A0/2023-00021</p></li><li><label>发布机构</label>\
         <p>某某市人民政府</p></li><li><label>发文字号</label><p>某府发〔2023〕17号</p></li>\
         <li><label>发布日期</label><p>2023年8月15日</p></li></ul>",
    ];
    for block in blocks {
        let page = format!(
            "<html><head><meta charset=\"utf-8\"><title>某某市人民政府关于做好某项工作的通知</title></head>\
             <body>{block}<h1>某某市人民政府关于做好某项工作的通知</h1>{article}</body></html>"
        );
        let d = parse(page.as_bytes(), &Options::default()).expect("the page parses");
        let meta = d
            .source
            .page
            .as_ref()
            .unwrap_or_else(|| panic!("no page metadata: {block}"));
        assert_eq!(
            meta.index_no.as_deref(),
            Some("MB1A0/2023-00021"),
            "{block}"
        );
        assert_eq!(
            meta.doc_number.as_deref(),
            Some("某府发〔2023〕17号"),
            "{block}"
        );
        assert_eq!(meta.published.as_deref(), Some("2023-08-15"), "{block}");
        let n = &d.notice;
        assert_eq!(
            n.doc_number.as_ref().map(|x| x.raw.as_str()),
            Some("某府发〔2023〕17号"),
            "{block}"
        );
        assert_eq!(n.addressees, ["各区人民政府", "市政府各部门"], "{block}");
        assert_eq!(n.signature.as_deref(), Some("某某市人民政府"), "{block}");
        assert!(
            !n.body
                .iter()
                .any(|p| p.contains("索引号") || p.contains("MB1A0")),
            "{block}: {:?}",
            n.body
        );
    }
}

/// A page whose head names the site's section (`<title>信息公开</title>`) and whose article opens
/// with its 主送机关: the title is the one the metadata block gives, and the 主送 line is the
/// addressees, not the body's first paragraph.
#[test]
fn a_headless_article_takes_its_title_from_the_metadata_block() {
    let page = "<html><head><meta charset=\"utf-8\"><title>信息公开</title></head><body>\
        <table><tr><th>索引号：</th><td>0001/2021-01234</td></tr>\
        <tr><th>信息名称：</th><td>某某省人民政府关于同意设立某某开发区的批复</td></tr>\
        <tr><th>文　　号：</th><td>某政复〔2021〕33号</td></tr><tr><th>主题分类：</th><td>科技</td></tr></table>\
        <div id=\"zoom\"><p>某某市人民政府：</p>\
        <p>　　你市《关于申请设立某某开发区的请示》收悉。现批复如下：</p>\
        <p>　　一、同意设立某某开发区。</p><p>　　二、某某市人民政府要加强组织领导。</p>\
        <p align=\"right\">某某省人民政府</p><p align=\"right\">2021年9月8日</p></div></body></html>";
    let d = parse(page.as_bytes(), &Options::default()).expect("the page parses");
    let n = &d.notice;
    assert_eq!(
        n.title.as_deref(),
        Some("某某省人民政府关于同意设立某某开发区的批复")
    );
    assert_eq!(n.addressees, ["某某市人民政府"]);
    assert_eq!(
        n.body.first().map(String::as_str),
        Some("你市《关于申请设立某某开发区的请示》收悉。现批复如下：")
    );
}

/// An older site's page laid out in one table: rows of 信息公开 pairs, a row with the title, a
/// row with the article. The pairs are the page's metadata, and the rest is read as the notice.
#[test]
fn metadata_rows_of_a_layout_table_that_holds_the_notice() {
    for container in ["<div id=\"zoom\">", "<div>"] {
        let page = format!(
            "<html><head><meta charset=\"utf-8\"><title>信息公开</title></head><body><table>\
             <tr><td>索引号：</td><td>0001/2020-0031</td><td>发布机构：</td><td>某某县人民政府办公室</td></tr>\
             <tr><td>发文字号：</td><td>某政办发〔2020〕12号</td><td>发布日期：</td><td>2020-05-12</td></tr>\
             <tr><td colspan=\"4\"><b>某某县人民政府办公室关于做好森林防火工作的通知</b></td></tr>\
             <tr><td colspan=\"4\">{container}<p>各乡镇人民政府，县政府各部门：</p>\
             <p>　　经县政府同意，现将有关事项通知如下：</p><p>　　一、提高思想认识。</p><p>　　二、落实防控措施。</p>\
             <p align=\"right\">某某县人民政府办公室</p><p align=\"right\">2020年5月11日</p></div></td></tr>\
             </table></body></html>"
        );
        let d = parse(page.as_bytes(), &Options::default()).expect("the page parses");
        let meta = d.source.page.as_ref().expect("page metadata");
        assert_eq!(
            meta.index_no.as_deref(),
            Some("0001/2020-0031"),
            "{container}"
        );
        let n = &d.notice;
        assert_eq!(
            n.doc_number.as_ref().map(|x| x.raw.as_str()),
            Some("某政办发〔2020〕12号"),
            "{container}"
        );
        assert_eq!(
            n.title.as_deref(),
            Some("某某县人民政府办公室关于做好森林防火工作的通知"),
            "{container}"
        );
        assert_eq!(
            n.addressees,
            ["各乡镇人民政府", "县政府各部门"],
            "{container}"
        );
        assert_eq!(n.date.as_deref(), Some("2020-05-11"), "{container}");
        assert!(
            d.parts.iter().all(|p| p.tables.is_empty()),
            "{container}: the layout is no table"
        );
    }
}

/// The last part is the attachment `附件` titled `title`, not reported missing, holding the one
/// task of the page.
fn assert_one_task_attachment(d: &Document, title: &str) {
    let part = d.parts.last().expect("a part");
    assert_eq!(part.label.as_deref(), Some("附件"));
    assert_eq!(part.title.as_deref(), Some(title));
    assert!(
        !d.diagnostics.iter().any(|x| x.code == "attachment_missing"),
        "{:#?}",
        d.diagnostics
    );
    assert_eq!(d.tasks.len(), 1);
}

/// A task table whose first rows are its page's head, `附件` alone and then the title, inside
/// the table: the part is that attachment, as when `附件` heads it as a paragraph.
#[test]
fn a_table_titled_by_an_attachment_row_and_a_title_row_is_the_attachment() {
    let page = "<html><head><meta charset=\"utf-8\"></head><body><div class=\"TRS_Editor\">\
        <p>某某市人民政府办公室关于印发某某工作要点的通知</p><p>某府办〔2024〕15号</p>\
        <p>各区人民政府，市政府各部门：</p><p>　　现将《某某工作要点》印发给你们，请认真贯彻落实。</p>\
        <p>　　附件：某某重点任务分工表</p><p align=\"right\">某某市人民政府办公室</p><p align=\"right\">2024年3月8日</p>\
        <table border=\"1\"><tr><td colspan=\"4\">附件</td></tr><tr><td colspan=\"4\">某某重点任务分工表</td></tr>\
        <tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td></tr>\
        <tr><td>1</td><td>打好蓝天保卫战</td><td>市生态环境局</td><td>市交通运输局</td></tr></table></div></body></html>";
    let d = parse(page.as_bytes(), &Options::default()).expect("the page parses");
    let part = d.parts.last().expect("a part");
    assert_eq!(part.kind, gongwen_parse::PartKind::Attachment);
    assert_one_task_attachment(&d, "某某重点任务分工表");
}

/// A short notice in a container of no known name, with the page's tools (打印本页, 关闭窗口:
/// script links) and a list of related documents after it: neither is read as a part of the
/// notice.
#[test]
fn page_tools_and_related_documents_after_the_notice_stay_out() {
    let page = "<html><head><meta charset=\"utf-8\"><title>某某市人民政府关于印发某某规划的通知</title></head><body>\
        <div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; 政策文件</div>\
        <ul class=\"meta\"><li>索引号：MB1A0/2023-00021</li><li>发布机构：某某市人民政府</li>\
        <li>发文字号：某府发〔2023〕17号</li><li>成文日期：2023年8月9日</li><li>发布日期：2023年8月15日</li></ul>\
        <div class=\"detail-main\"><h1>某某市人民政府关于印发某某规划的通知</h1>\
        <p>各区人民政府，市政府各部门：</p><p>　　现将《某某规划》印发给你们，请认真组织实施。</p>\
        <p style=\"text-align:right\">某某市人民政府</p><p style=\"text-align:right\">2023年8月9日</p></div>\
        <div class=\"tools\"><a href=\"javascript:window.print()\">【打印本页】</a> <a href=\"javascript:window.close()\">【关闭窗口】</a></div>\
        <div class=\"related-docs\"><h3>相关文件</h3><ul><li><a href=\"/a.html\">关于印发某某发展规划的通知</a></li>\
        <li><a href=\"/b.html\">某某市人民政府关于加强安全生产工作的意见</a></li></ul></div>\
        </body></html>";
    let d = parse(page.as_bytes(), &Options::default()).expect("the page parses");
    assert_eq!(d.notice.date.as_deref(), Some("2023-08-09"));
    assert_eq!(
        d.notice.body,
        ["现将《某某规划》印发给你们，请认真组织实施。"]
    );
    assert!(d.parts.is_empty(), "{:#?}", d.parts);
}

/// A page saved from Word keeps its footnotes, reviewers' comments, page header and footer in
/// elements of their own: none of them is the notice's text (the DOCX reader leaves them out).
#[test]
fn word_footnotes_comments_headers_and_footers_stay_out() {
    let page = "<html><head><meta charset=\"utf-8\"></head><body><div class=WordSection1>\
        <div style='mso-element:header'><p class=MsoHeader><span>某某市人民政府文件</span></p></div>\
        <p class=MsoNormal align=center><span>某某市人民政府关于印发某某方案的通知</span></p>\
        <p class=MsoNormal><span>各区人民政府，市政府各部门：</span></p>\
        <p class=MsoNormal><span>现将《某某方案》<a style='mso-footnote-id:ftn1' href=\"#_ftn1\"><span class=MsoFootnoteReference>[1]</span></a>印发给你们，请认真贯彻执行。\
        <span class=MsoCommentReference><a class=msocomanchor href=\"#_msocom_1\">[A1]</a></span></span></p>\
        <p class=MsoNormal align=right><span>某某市人民政府</span></p><p class=MsoNormal align=right><span>2024年7月1日</span></p>\
        <div style='mso-element:footer'><p class=MsoFooter align=center><span>— 1 —</span></p></div></div>\
        <div style='mso-element:footnote-list'><div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText>\
        <a href=\"#_ftnref1\"><span class=MsoFootnoteReference>[1]</span></a> 该方案已经市政府常务会议审议通过。</p></div></div>\
        <div style='mso-element:comment-list'><div style='mso-element:comment'><div id=\"_com_1\" class=msocomtxt>\
        <p class=MsoCommentText>请核实方案名称。</p></div></div></div></body></html>";
    let d = parse(page.as_bytes(), &Options::default()).expect("the page parses");
    assert_eq!(
        d.notice.body,
        ["现将《某某方案》印发给你们，请认真贯彻执行。"]
    );
    assert_eq!(d.notice.date.as_deref(), Some("2024-07-01"));
    assert!(d.parts.is_empty(), "{:#?}", d.parts);
}

/// Attachments linked below the article whose names the link text cuts short
/// (`1.某某实施方案...`) and the link's `title` gives whole.
#[test]
fn linked_attachments_cut_short_take_their_names_from_the_link_title() {
    let page = "<html><head><meta charset=\"utf-8\"><title>某某市人民政府办公室关于印发某某实施方案的通知</title></head><body>\
        <div class=\"TRS_Editor\"><p>某府办〔2024〕33号</p><p>各区人民政府，市政府各部门：</p>\
        <p>　　《某某实施方案》已经市政府同意，现印发给你们，请认真贯彻落实。</p>\
        <p align=\"right\">某某市人民政府办公室</p><p align=\"right\">2024年5月20日</p></div>\
        <div class=\"fj\"><p>附件下载：</p><ul>\
        <li><a href=\"/u/1.pdf\" title=\"1.某某市推动大规模设备更新实施方案.pdf\">1.某某市推动大规模设备更...</a></li>\
        <li><a href=\"/u/2.xlsx\" title=\"2.某某市设备更新重点任务分工表.xlsx\">2.某某市设备更新重点任...</a></li></ul></div>\
        </body></html>";
    let d = parse(page.as_bytes(), &Options::default()).expect("the page parses");
    assert_eq!(
        gongwen_tests::attachment_titles(&d.notice),
        [
            "某某市推动大规模设备更新实施方案",
            "某某市设备更新重点任务分工表"
        ]
    );
}

/// Portals that print several 信息公开 pairs in one element: spans and bare values in one
/// `<div>`, pairs set apart by spaces in one paragraph, pairs on lines of one table cell.
#[test]
fn several_metadata_pairs_in_one_element_are_each_read() {
    let blocks = [
        "<div class=\"top\"><span>索引号：</span>1144/2024-00088 <span>发布机构：</span>某某市人民政府 \
         <span>发文字号：</span>某府〔2024〕55号<br><span>发布日期：</span>2024-09-12</div>",
        "<p class=\"info\">索引号：1144/2024-00088　　发布机构：某某市人民政府　　发文字号：某府〔2024〕55号</p>\
         <p class=\"info\">发布日期：2024-09-12</p>",
        "<table><tr><td>索引号：1144/2024-00088<br>发文字号：某府〔2024〕55号</td>\
         <td>发布机构：某某市人民政府<br>发布日期：2024-09-12</td></tr></table>",
    ];
    for block in blocks {
        let page = format!(
            "<html><head><meta charset=\"utf-8\"><title>某某市人民政府关于印发某某办法的通知</title></head><body>{block}\
             <h1>某某市人民政府关于印发某某办法的通知</h1><div class=\"TRS_Editor\"><p>各区人民政府，市政府各部门：</p>\
             <p>　　现将《某某办法》印发给你们，请认真贯彻执行。</p><p align=\"right\">某某市人民政府</p>\
             <p align=\"right\">2024年9月9日</p></div></body></html>"
        );
        let d = parse(page.as_bytes(), &Options::default()).expect("the page parses");
        let meta = d
            .source
            .page
            .as_ref()
            .unwrap_or_else(|| panic!("no page metadata: {block}"));
        assert_eq!(meta.index_no.as_deref(), Some("1144/2024-00088"), "{block}");
        assert_eq!(
            meta.doc_number.as_deref(),
            Some("某府〔2024〕55号"),
            "{block}"
        );
        assert_eq!(meta.published.as_deref(), Some("2024-09-12"), "{block}");
        assert_eq!(
            meta.fields.get("发布机构").map(String::as_str),
            Some("某某市人民政府"),
            "{block}"
        );
        assert_eq!(
            d.notice.doc_number.as_ref().map(|x| x.raw.as_str()),
            Some("某府〔2024〕55号"),
            "{block}"
        );
    }
}

/// A supporting cell merged down over rows names, on a row led by one of its units, that unit
/// twice: it leads there, and supports only where others lead.
#[test]
fn a_unit_never_both_leads_and_supports_one_task() {
    let d = html(
        "<html><body><p>某某市推进科技创新重点任务分工</p><table>\
        <tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>\
        <tr><td>1</td><td>建设创新平台</td><td>市发展改革委</td><td rowspan=\"2\">市科技局、市商务局</td></tr>\
        <tr><td>2</td><td>培育科技企业</td><td>市科技局</td></tr>\
        </table></body></html>",
    );
    let got: Vec<_> = d
        .tasks
        .iter()
        .map(|t| (t.seq, t.lead.clone(), t.support.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (
                1,
                vec!["市发展改革委".to_string()],
                vec!["市科技局".to_string(), "市商务局".to_string()]
            ),
            (
                2,
                vec!["市科技局".to_string()],
                vec!["市商务局".to_string()]
            ),
        ]
    );
    assert_eq!(d.tasks[1].support_text, "市科技局、市商务局");
}

/// Labels printed in square brackets before their values, without colons (`<li>[发文机构]
/// 北京市人民政府</li>`), one item each or several in one line: read as the page's metadata,
/// kept out of the body (an empty `[联合发文单位]` among them too), so the title under them is
/// the title.
#[test]
fn labels_in_brackets_without_colons_are_page_metadata() {
    for block in [
        "<ol><li>[发文机构] 某某市人民政府</li><li>[联合发文单位] </li>\
         <li>[发文字号] 某府发〔2024〕7号</li><li>[成文日期] 2024年02月28日</li>\
         <li>[发布日期] 2024年03月01日</li></ol>",
        "<ul><li><span>【发文机构】</span>某某市人民政府</li><li><span>【发文字号】</span>某府发〔2024〕7号</li>\
         <li><span>【成文日期】</span>2024-02-28</li></ul>",
        "<p>[发文机构] 某某市人民政府　[发文字号] 某府发〔2024〕7号　[成文日期] 2024年02月28日</p>",
    ] {
        let d = html(&format!(
            "<html><body><table><tr><td class=\"right\"><div class=\"header\">{block}</div>\
             <div id=\"mainText\"><p style=\"text-align:center\">某某市人民政府关于进一步优化营商环境的若干措施</p>\
             <p>各区人民政府，市政府各委、办、局：</p><p>　　为进一步优化营商环境，制定如下措施。</p>\
             <p>　　一、提升政务服务效能</p><p>　　（一）推行“高效办成一件事”。</p>\
             <p style=\"text-align:right\">某某市人民政府</p><p style=\"text-align:right\">2024年2月28日</p>\
             </div></td></tr></table></body></html>"
        ));
        let page = d.source.page.as_ref().expect("page metadata");
        assert_eq!(page.issuer.as_deref(), Some("某某市人民政府"), "{block}");
        assert_eq!(
            page.doc_number.as_deref(),
            Some("某府发〔2024〕7号"),
            "{block}"
        );
        assert_eq!(page.date.as_deref(), Some("2024-02-28"), "{block}");
        assert_eq!(
            d.notice.title.as_deref(),
            Some("某某市人民政府关于进一步优化营商环境的若干措施"),
            "{block}"
        );
        assert!(
            !d.notice
                .body
                .iter()
                .any(|p| p.contains('[') || p.contains('【')),
            "{block}: {:?}",
            d.notice.body
        );
    }
}

/// A paragraph of the article that opens with a bracketed word (`【典型案例】…`) stays in it.
#[test]
fn a_bracketed_word_opening_a_paragraph_is_no_metadata() {
    let d = html(
        "<html><body><div id=\"zoom\"><p>某某市人民政府关于推广典型经验的通知</p>\
         <p>各区人民政府：</p><p>【典型案例】某区推行“一窗通办”，办事时间缩短一半。</p>\
         <p>[发布日期] 以政府网站为准。</p>\
         <p style=\"text-align:right\">某某市人民政府</p><p style=\"text-align:right\">2024年2月28日</p>\
         </div></body></html>",
    );
    assert!(d.source.page.is_none());
    assert!(
        d.notice.body.iter().any(|p| p.starts_with("【典型案例】")),
        "{:?}",
        d.notice.body
    );
}

/// A group row numbered `一` in the 序号 column with its words in one cell spanning the rest of
/// the row (`<td>一</td><td colspan="4">教育类</td>`) heads the tasks under it: it is no task
/// led by `教育类`.
#[test]
fn a_numbered_group_row_spanning_the_rest_of_the_row_is_a_group() {
    for (one, two) in [("一", "二"), ("（一）", "（二）")] {
        let d = html(&format!(
            "<html><body><div id=\"zoom\"><p>某某市2024年重点民生工程任务分解表</p><table>\
             <tr><td>序号</td><td>工程名称</td><td>牵头单位</td><td>配合单位</td><td>投资（万元）</td></tr>\
             <tr><td>{one}</td><td colspan=\"4\">教育类</td></tr>\
             <tr><td>1</td><td>中小学校舍改造</td><td>市教育局</td><td>市财政局</td><td>12000</td></tr>\
             <tr><td>{two}</td><td colspan=\"4\">卫生类</td></tr>\
             <tr><td>2</td><td>乡镇卫生院提升</td><td>市卫生健康委</td><td>市发展改革委</td><td>8000</td></tr>\
             </table></div></body></html>"
        ));
        let got: Vec<_> = d
            .tasks
            .iter()
            .map(|t| (t.seq, t.text.as_str(), t.lead.clone(), t.group.clone()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    1,
                    "中小学校舍改造",
                    vec!["市教育局".to_string()],
                    vec![format!(
                        "{one}{}教育类",
                        if one == "一" { "、" } else { "" }
                    )]
                ),
                (
                    2,
                    "乡镇卫生院提升",
                    vec!["市卫生健康委".to_string()],
                    vec![format!(
                        "{two}{}卫生类",
                        if two == "二" { "、" } else { "" }
                    )]
                ),
            ],
            "{one}"
        );
    }
}

/// A task table whose corner cell is blank over the numbers (`<th></th><th>主要任务</th>…`)
/// numbers its tasks in that column: the numbers are the tasks' own, not an extra column with
/// no name. A group row among them leaves it the number column.
#[test]
fn a_blank_header_over_the_numbers_names_the_number_column() {
    let d = html(
        "<html><body><div id=\"zoom\"><p>附件</p><p>重点任务分工表</p><table>\
         <tr><th></th><th>主要任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>\
         <tr><td>一、质量提升</td><td>一、质量提升</td><td>一、质量提升</td><td>一、质量提升</td><td>一、质量提升</td></tr>\
         <tr><td>1</td><td>实施质量基础设施提升工程</td><td>省市场监管局</td><td>—</td><td>2025年</td></tr>\
         <tr><td>2</td><td>开展质量品牌建设</td><td>省市场监管局、省商务厅</td><td>/</td><td>2026年</td></tr>\
         <tr><td>5</td><td>推进工程质量提升</td><td>省住房城乡建设厅</td><td>无</td><td>长期</td></tr>\
         </table></div></body></html>",
    );
    let got: Vec<_> = d
        .tasks
        .iter()
        .map(|t| {
            (
                t.seq,
                t.text.as_str(),
                t.extra.keys().cloned().collect::<Vec<_>>(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (1, "实施质量基础设施提升工程", vec!["完成时限".to_string()]),
            (2, "开展质量品牌建设", vec!["完成时限".to_string()]),
            (5, "推进工程质量提升", vec!["完成时限".to_string()]),
        ]
    );
    assert!(d.tasks.iter().all(|t| t.group == ["一、质量提升"]));
}

/// The signature and date set to the right in a small layout table, a blank cell before them:
/// they are the notice's signature and date, not a one-cell data table; a small table of two
/// filled columns stays a table.
#[test]
fn a_signature_beside_a_blank_cell_of_a_layout_table_is_the_signature() {
    let page = |closing: &str| {
        html(&format!(
            "<html><body><div class=\"article-content\"><p>某区府发〔2024〕9号</p>\
             <p>区政府各部门：</p><p>　　区政府决定成立某某区防汛抗旱指挥部。</p>\
             <p>　　总指挥：张某某　区长</p>{closing}</div></body></html>"
        ))
    };
    for closing in [
        "<table width=\"100%\" border=\"0\"><tr><td width=\"60%\"></td>\
         <td align=\"center\">某某区人民政府<br>2024年5月20日</td></tr></table>",
        "<table><tr><td>&nbsp;</td><td>某某区人民政府</td></tr>\
         <tr><td><img src=\"seal.png\"></td><td>2024年5月20日</td></tr></table>",
    ] {
        let d = page(closing);
        assert_eq!(
            d.notice.signature.as_deref(),
            Some("某某区人民政府"),
            "{closing}"
        );
        assert_eq!(d.notice.date.as_deref(), Some("2024-05-20"), "{closing}");
        assert!(d.parts.iter().all(|p| p.tables.is_empty()), "{closing}");
    }
    let d = page(
        "<table><tr><td>联系人</td><td>王某某</td></tr></table>\
         <p style=\"text-align:right\">某某区人民政府</p><p style=\"text-align:right\">2024年5月20日</p>",
    );
    assert_eq!(d.parts.iter().map(|p| p.tables.len()).sum::<usize>(), 1);
}

/// A pager left under the article (`上一页 1 2 下一页 共2页`) is the site's, not the notice's:
/// the attachment table captioned `附件　X` above it is still that attachment.
#[test]
fn a_pager_under_the_article_stays_out_of_the_notice() {
    let d = html(
        "<html><body><div class=\"TRS_Editor\"><p>某府办发〔2024〕5号</p><p>各区县人民政府：</p>\
         <p>　　为切实做好春耕生产工作，现通知如下：</p><p>　　一、抓好粮食生产。</p>\
         <p>　　附件：春耕生产重点任务分工表</p><p align=\"right\">某某市人民政府办公室</p>\
         <p align=\"right\">2024年2月26日</p>\
         <table border=\"1\"><caption>附件　春耕生产重点任务分工表</caption>\
         <tr><th>序号</th><th>任务</th><th>牵头单位</th><th>配合单位</th></tr>\
         <tr><td>1</td><td>落实粮食播种面积</td><td>市农业农村局</td><td>各区县人民政府</td></tr></table>\
         <div class=\"page\"><a href=\"#\">上一页</a> 1 2 <a href=\"#\">下一页</a> 共2页</div>\
         </div></body></html>",
    );
    let part = d.parts.last().expect("a part");
    assert!(part.preamble.is_empty(), "{:?}", part.preamble);
    assert_one_task_attachment(&d, "春耕生产重点任务分工表");
}

#[test]
fn the_attachment_page_alone_is_that_attachment() {
    // The page (or file) the notice links its attachment to: `附件`, its title, its table, and
    // no letter around them. It was read as a letter's body, with `附件` its preamble.
    let page = "<html><head><title>附件</title></head><body><div class=\"TRS_Editor\">\
        <p>附件</p><p>某某市服务业扩大开放综合试点任务分工</p>\
        <table><tr><td>序号</td><td>试点任务</td><td>牵头单位</td><td>配合单位</td></tr>\
        <tr><td colspan=\"4\">一、推动重点行业领域扩大开放</td></tr>\
        <tr><td>1</td><td>支持高等学校布局分支机构。</td><td>市科技局</td><td>市教委<br>市国资委</td></tr>\
        <tr><td>2</td><td>深化科技成果权属改革。</td><td>市科技局</td><td>市财政局</td></tr>\
        </table></div></body></html>";
    let text = "附件\n\n某某市服务业扩大开放综合试点任务分工\n\n\
        \t序号\t试点任务\t牵头单位\t配合单位\n\t一、推动重点行业领域扩大开放\n\
        \t1\t支持高等学校布局分支机构。\t市科技局\t市教委、市国资委\n\
        \t2\t深化科技成果权属改革。\t市科技局\t市财政局\n";
    for d in [html(page), parse_text(text)] {
        assert!(d.notice.body.is_empty(), "{:?}", d.notice.body);
        let parts: Vec<_> = d
            .parts
            .iter()
            .map(|p| (p.kind, p.label.as_deref(), p.title.as_deref()))
            .collect();
        assert_eq!(
            parts,
            [(
                gongwen_parse::PartKind::Attachment,
                Some("附件"),
                Some("某某市服务业扩大开放综合试点任务分工")
            )]
        );
        assert!(d.parts[0].preamble.is_empty(), "{:?}", d.parts[0].preamble);
        let units: Vec<_> = d
            .tasks
            .iter()
            .map(|t| (t.seq, t.lead.join("、"), t.support.join("、")))
            .collect();
        assert_eq!(
            units,
            [
                (1, "市科技局".to_string(), "市教委、市国资委".to_string()),
                (2, "市科技局".to_string(), "市财政局".to_string()),
            ]
        );
        // Published alone, it has no letter whose 附件说明 should name it.
        assert!(
            !d.diagnostics
                .iter()
                .any(|x| x.code == "attachment_not_listed"),
            "{:#?}",
            d.diagnostics
        );
    }
}

#[test]
fn a_slash_in_a_units_cell_names_no_unit_and_parts_two() {
    // Sites strike a blank cell through with a slash, half or full width, and part units by one.
    for slash in ["/", "／"] {
        let page = format!(
            "<html><body><div class=TRS_Editor><p>附件</p><p>重点任务分工表</p><table border=1>\
             <tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>\
             <tr><td>1</td><td>推动公共数据有序开放。</td><td>省大数据局</td><td>{slash}</td></tr>\
             <tr><td>2</td><td>开展安全检查。</td><td>省公安厅</td><td>省委网信办</td></tr>\
             <tr><td>3</td><td>完善数据平台。</td><td>省大数据局</td><td>省公安厅{slash}省财政厅</td></tr>\
             </table></div></body></html>"
        );
        let d = html(&page);
        let units: Vec<_> = d
            .tasks
            .iter()
            .map(|t| (t.lead.join("、"), t.support.join("、")))
            .collect();
        assert_eq!(
            units,
            [
                ("省大数据局".to_string(), String::new()),
                ("省公安厅".to_string(), "省委网信办".to_string()),
                ("省大数据局".to_string(), "省公安厅、省财政厅".to_string()),
            ],
            "{slash}"
        );
    }
}

#[test]
fn a_hidden_table_row_or_cell_is_not_read() {
    // A browser shows no row styled `display:none` (an editor's withdrawn task left in the page),
    // and lays a row out without its hidden cells.
    let page = "<html><body><div class=TRS_Editor><p>附件</p><p>重点任务分工表</p><table border=1>\
        <tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>\
        <tr><td>1</td><td>推动公共数据有序开放。</td><td>省大数据局</td><td>省委网信办</td></tr>\
        <tr style=\"display: none\"><td>9</td><td>旧版任务。</td><td>省旧单位</td><td></td></tr>\
        <tbody hidden><tr><td>8</td><td>另一旧任务。</td><td>省旧单位</td><td></td></tr></tbody>\
        <tr><td>2</td><td>开展安全检查。</td><td style=\"display:none\">省旧单位</td><td>省公安厅</td><td>省委网信办</td></tr>\
        </table></div></body></html>";
    let d = html(page);
    assert_eq!(d.tasks[1].support, ["省委网信办"], "{:?}", d.tasks);
    let tasks: Vec<_> = d.tasks.iter().map(|t| (t.seq, t.lead.join("、"))).collect();
    assert_eq!(
        tasks,
        [(1, "省大数据局".to_string()), (2, "省公安厅".to_string())]
    );
    assert!(
        !d.parts
            .iter()
            .flat_map(|p| &p.tables)
            .flat_map(|t| &t.rows)
            .flatten()
            .any(|c| c.contains("旧")),
        "{:?}",
        d.parts
    );
}

#[test]
fn a_table_of_contents_is_not_read_as_the_headings_again() {
    // A plan's 目录 on the page: each entry its heading, a leader and a page number, as sites
    // type it (`……`, `·`) and as Word's HTML writes it (`. . . .`).
    for leader in [
        "……………",
        " ··························· ",
        "<span>. . . . . . . . </span>",
    ] {
        let page = format!(
            "<html><body><div class=TRS_Editor><p>某某市数字政府建设方案</p><p>目　录</p>\
             <p>一、总体要求{leader}1</p><p>二、重点任务{leader}2</p><p>三、保障措施{leader}12</p>\
             <p>一、总体要求</p><p>到2025年，基本建成数字政府。</p><p>二、重点任务</p>\
             <p>（一）推进数据共享。加快建设共享平台。</p><p>三、保障措施</p>\
             <p>各部门要加强组织领导。</p></div></body></html>"
        );
        let d = html(&page);
        let headings: Vec<_> = d
            .parts
            .iter()
            .flat_map(|p| &p.sections)
            .map(|s| format!("{}{}", s.marker, s.heading))
            .collect();
        assert_eq!(
            headings,
            ["一、总体要求", "二、重点任务", "三、保障措施"],
            "{leader}"
        );
        assert!(
            !d.diagnostics.iter().any(|x| x.code == "numbering_order"),
            "{:#?}",
            d.diagnostics
        );
    }
    // A date, a telephone number or a sentence that ends in a number is no entry.
    let page = "<html><body><div class=TRS_Editor><p>某某市数字政府建设方案</p>\
        <p>一、总体要求</p><p>联系电话：023-63899999</p><p>版本号 1.2.3</p></div></body></html>";
    let d = html(page);
    let paragraphs: Vec<_> = d
        .parts
        .iter()
        .flat_map(|p| &p.sections)
        .flat_map(|s| &s.paragraphs)
        .collect();
    assert_eq!(paragraphs.len(), 2, "{:?}", d.parts);
}

#[test]
fn page_tools_in_the_article_leave_no_brackets_behind() {
    // `【打印本页】【关闭窗口】` under the article: the tools' links are dropped, and the brackets
    // around them were left as a paragraph that titled a part of its own.
    let page = "<html><body><div class=TRS_Editor><p>某某市人民政府办公室关于印发某某工作要点的通知</p>\
        <p>某府办发〔2024〕21号</p><p>各区县人民政府，市政府各部门：</p>\
        <p>《某某工作要点》已经市政府同意，现印发给你们，请认真组织实施。</p>\
        <p>某某市人民政府办公室</p><p>2024年2月1日</p>\
        <p>【<a href=\"javascript:window.print()\">打印本页</a>】【<a href=\"javascript:window.close()\">关闭窗口</a>】</p>\
        <p>[<a href=\"javascript:print()\">打印</a>] | [<a href=\"javascript:close()\">关闭</a>]</p>\
        </div></body></html>";
    let d = html(page);
    assert!(d.parts.is_empty(), "{:?}", d.parts);
    assert_eq!(d.notice.date.as_deref(), Some("2024-02-01"));
    assert_eq!(
        d.notice.body,
        ["《某某工作要点》已经市政府同意，现印发给你们，请认真组织实施。"]
    );
}

#[test]
fn a_page_printed_on_one_line_keeps_its_tables_under_their_headings() {
    // Content systems often store the article as one line of markup: every block has the same
    // source line, and the order of headings and tables is the order of the blocks.
    let table = |rows: &[(&str, &str)]| -> String {
        let mut t = String::from("<table><tr><td>序号</td><td>任务</td><td>牵头单位</td></tr>");
        for (i, (task, lead)) in rows.iter().enumerate() {
            t.push_str(&format!(
                "<tr><td>{}</td><td>{task}</td><td>{lead}</td></tr>",
                i + 1
            ));
        }
        t + "</table>"
    };
    let page = format!(
        "<html><body><div class=\"article\"><p>附件</p><p>重点任务分工</p>\
         <p>一、优化营商环境</p>{}<p>二、扩大有效投资</p>{}</div></body></html>",
        table(&[("推行企业开办一日办结。", "县市场监管局")]),
        table(&[("推进重大项目前期工作。", "县发展改革委")]),
    );
    assert!(!page.contains('\n'));
    let d = html(&page);
    let groups: Vec<_> = d
        .tasks
        .iter()
        .map(|t| (t.text.as_str(), t.group.clone()))
        .collect();
    assert_eq!(
        groups,
        vec![
            (
                "推行企业开办一日办结。",
                vec!["一、优化营商环境".to_string()]
            ),
            (
                "推进重大项目前期工作。",
                vec!["二、扩大有效投资".to_string()]
            ),
        ]
    );
    // The normalized text prints each table under its heading.
    let text = gongwen_emit::text::to_text(&d);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} in {text}"));
    assert!(
        at("一、优化营商环境") < at("推行企业开办一日办结"),
        "{text}"
    );
    assert!(
        at("推行企业开办一日办结") < at("二、扩大有效投资"),
        "{text}"
    );
    assert!(
        at("二、扩大有效投资") < at("推进重大项目前期工作"),
        "{text}"
    );
}

/// A page whose article a pager shows one page at a time: the later pages sit beside the first,
/// hidden (`display:none`) until their number is clicked. They are the notice's, and are read.
/// A hidden panel of links beside a shown one (a tab box) stays out.
#[test]
fn the_later_pages_of_a_paged_article_are_read() {
    let first = "<p style='text-align:center'>某某市人民政府办公室关于印发某某市优化营商环境若干措施的通知</p>\
        <p>某府办发〔2025〕3号</p><p>各区县人民政府，市政府各部门：</p>\
        <p>　　现将《某某市优化营商环境若干措施》印发给你们，请认真贯彻落实。</p>\
        <p>　　附件：某某市优化营商环境重点任务分工表</p>\
        <p style='text-align:right'>某某市人民政府办公室</p><p style='text-align:right'>2025年1月8日</p>";
    let table = "<p>附件</p><p>某某市优化营商环境重点任务分工表</p><table border=1>\
        <tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>\
        <tr><td>1</td><td>推行一件事一次办。</td><td>市政务服务中心</td><td>市公安局</td></tr>\
        <tr><td>2</td><td>压缩企业开办时间。</td><td>市市场监管局</td><td>市税务局</td></tr></table>";
    let tabs = "<div class=tabbox><div class=tabc><ul><li><a>某某市关于加强营商环境建设的意见</a></li></ul></div>\
        <div class=tabc style='display:none'><ul><li><a>一图读懂营商环境措施</a></li></ul></div></div>";
    for (pages, label) in [
        (
            format!(
                "<div class=content><div class=page>{first}</div><div class=page style='display:none'>{table}</div><div class=pager><a>1</a><a>2</a></div></div>"
            ),
            "pages by class",
        ),
        (
            format!(
                "<div class=main><div id=page_1>{first}</div>\n<!-- p -->\n<div id=page_2 style='display:none'>{table}</div></div>"
            ),
            "pages by id, the first holding most of the text",
        ),
    ] {
        let html =
            format!("<html><head><meta charset=utf-8></head><body>{pages}{tabs}</body></html>");
        let d = parse(html.as_bytes(), &Options::default()).expect("parses");
        assert_eq!(
            d.tasks.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(),
            ["推行一件事一次办。", "压缩企业开办时间。"],
            "{label}"
        );
        assert_eq!(d.notice.date.as_deref(), Some("2025-01-08"), "{label}");
        let all = serde_json::to_string(&d).expect("json");
        assert!(
            !all.contains("一图读懂"),
            "{label}: a hidden tab panel was read"
        );
    }
    // A hidden copy of the article beside it (kept for printing) is no later page.
    let html = format!(
        "<html><body><div class=content><div class=page>{first}{table}</div>\
         <div class=page style='display:none'>{first}{table}</div></div></body></html>"
    );
    let d = parse(html.as_bytes(), &Options::default()).expect("parses");
    assert_eq!(d.tasks.len(), 2);
}

/// A site's breadcrumb left at the head of the article (`当前位置：首页 > 政务公开 > 通知公告`) and the
/// channel's name printed under it are the page's, not the notice's: read, they took the title's
/// place and the notice lost its title, number and addressees.
#[test]
fn a_breadcrumb_and_channel_name_at_the_article_head_are_no_title() {
    let html = "<html><body><div class=TRS_Editor><p>当前位置：首页 &gt; 政务公开 &gt; 通知公告</p>\
        <p>【字体：大 中 小】</p><p>通知公告</p>\
        <p style='text-align:center'>某某县人民政府关于做好2025年春耕生产工作的通知</p>\
        <p>某府发〔2025〕2号</p><p>各乡镇人民政府，县政府各部门：</p>\
        <p>　　为切实做好春耕生产工作，现就有关事项通知如下。</p>\
        <p style='text-align:right'>某某县人民政府</p><p style='text-align:right'>2025年2月10日</p></div></body></html>";
    let d = parse(html.as_bytes(), &Options::default()).expect("parses");
    assert_eq!(
        d.notice.title.as_deref(),
        Some("某某县人民政府关于做好2025年春耕生产工作的通知")
    );
    assert_eq!(
        d.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
        Some("某府发〔2025〕2号")
    );
    assert_eq!(d.notice.addressees, ["各乡镇人民政府", "县政府各部门"]);
    // The same words as the notice's own text, not at its head, stay.
    let html = "<html><body><div id=zoom><p>某某县人民政府关于做好春耕生产工作的通知</p>\
        <p>各乡镇人民政府：</p><p>　　一、通知公告</p><p>　　请在通知公告栏张贴。</p>\
        <p style='text-align:right'>某某县人民政府</p><p style='text-align:right'>2025年2月10日</p></div></body></html>";
    let d = parse(html.as_bytes(), &Options::default()).expect("parses");
    assert!(
        serde_json::to_string(&d)
            .expect("json")
            .contains("通知公告栏")
    );
}

#[test]
fn an_article_a_script_shows_is_read_as_shown() {
    // A WeChat post as fetched hides its article (`<div id="js_content" style="visibility:
    // hidden;">`) until its script runs; so may any page. Most of the page's Chinese text is
    // then hidden: read as a browser without scripts shows it, the notice was lost whole.
    let text = encoding_rs::GBK.decode(&page_bytes()).0.into_owned();
    let container = r#"<div class="view TRS_UEDITOR trs_paper_default trs_web">"#;
    assert!(text.contains(container), "the fixture's article container");
    for hiding in [
        r#"<div id="js_content" style="visibility: hidden;">"#,
        r#"<div style="display:none">"#,
        r#"<div hidden>"#,
    ] {
        let hidden = text.replacen(container, &format!("{hiding}{container}"), 1);
        let hidden = hidden.replacen(
            "<div class=\"bdsharebuttonbox\">",
            "</div><div class=\"bdsharebuttonbox\">",
            1,
        );
        let d = parse(hidden.as_bytes(), &Options::default()).expect("parses");
        assert_eq!(notice(&d), notice(&page()), "{hiding}");
        assert_eq!(tasks(&d), tasks(&page()), "{hiding}");
    }
    // A hidden element that holds a small part of the page's text stays out of the document.
    let aside = "<div style=\"display:none\"><p>隐藏的通知附言不应读出</p></div>";
    let small = text.replacen(container, &format!("{container}{aside}"), 1);
    let d = parse(small.as_bytes(), &Options::default()).expect("parses");
    assert!(!format!("{d:?}").contains("隐藏的通知附言"));
    assert_eq!(tasks(&d), tasks(&page()));
}
