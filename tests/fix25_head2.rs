//! The head's, 版记's and forwarded notices' findings of the twenty-fifth round (tester G): a
//! 公告/通告 whose letterhead sets the organ and the form on two lines, a 版记 ruled as a table
//! right under the letter's sign-off before the attachment's pages, and a 转发 of a 转发.

use gongwen_parse::{Document, InputFormat, Options, parse, parse_text};

/// A 公告 or 通告 headed by `head` (its letterhead's lines), then `number` and `title`.
fn announcement(head: &str, number: &str, title: &str) -> String {
    format!(
        "{head}
{number}

{title}

　　为贯彻落实有关条例，进一步规范管理工作，现将有关事项公告如下。
　　特此公告。

某某部
2024年4月1日
"
    )
}

#[test]
fn a_two_line_letterhead_of_a_gonggao_is_not_its_title() {
    for form in ["公　　告", "公告", "公 告"] {
        let d = parse_text(&announcement(
            &format!("中华人民共和国某某部\n{form}"),
            "2024年　第12号",
            "关于发布《某某管理名录（2024年版）》的公告",
        ));
        assert_eq!(
            d.notice.title.as_deref(),
            Some("关于发布《某某管理名录（2024年版）》的公告"),
            "{form}"
        );
        assert_eq!(d.notice.issuer.as_deref(), Some("中华人民共和国某某部"));
        assert_eq!(
            d.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
            Some("2024年第12号")
        );
        assert!(
            d.notice.body[0].starts_with("为贯彻落实"),
            "{:?}",
            d.notice.body
        );
    }
}

#[test]
fn a_two_line_letterhead_of_a_tonggao_over_its_number_is_not_its_title() {
    let d = parse_text(&announcement(
        "某某市人民政府\n通　　告",
        "某政告〔2024〕3号",
        "关于在全市范围内禁止燃放烟花爆竹的通告",
    ));
    assert_eq!(
        d.notice.title.as_deref(),
        Some("关于在全市范围内禁止燃放烟花爆竹的通告")
    );
    assert_eq!(d.notice.issuer.as_deref(), Some("某某市人民政府"));
    assert!(
        d.notice.body[0].starts_with("为贯彻落实"),
        "{:?}",
        d.notice.body
    );
}

#[test]
fn a_two_line_letterhead_with_no_title_under_its_number_still_titles_the_notice() {
    // No `关于……` title under the number: the head (organ and form) stays the title.
    let text = "某某市人民政府\n通　　告\n某政告〔2024〕3号\n\n　　为保护环境，现就有关事项通告如下：\n　　一、本市全年禁止燃放烟花爆竹。\n\n某某市人民政府\n2023年12月25日\n";
    let d = parse_text(text);
    assert_eq!(d.notice.title.as_deref(), Some("某某市人民政府通告"));
}

#[test]
fn an_organ_over_a_title_line_that_is_no_bare_form_keeps_its_reading() {
    // An organ over a line that only ends in `公告` is not a two-line letterhead.
    let d = parse_text(&announcement(
        "某某市人民政府\n招标公告",
        "某政告〔2024〕3号",
        "关于某某项目的公告",
    ));
    assert_ne!(d.notice.title.as_deref(), Some("关于某某项目的公告"));
}

/// A Word document whose body is `body` (WordprocessingML paragraphs and tables).
fn docx(body: &str) -> Vec<u8> {
    gongwen_tests::docx_package(body, &[])
}

/// A Word paragraph of one run of text.
fn p(t: &str) -> String {
    format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>")
}

/// A Word table whose rows hold the cells given.
fn table(rows: &[&[&str]]) -> String {
    let rows: String = rows
        .iter()
        .map(|r| {
            let cells: String = r.iter().map(|c| format!("<w:tc>{}</w:tc>", p(c))).collect();
            format!("<w:tr>{cells}</w:tr>")
        })
        .collect();
    format!("<w:tbl>{rows}</w:tbl>")
}

const LETTER: &str = "某某省人民政府办公厅文件
某政办发〔2024〕12号
某某省人民政府办公厅关于印发某某实施方案的通知
各市、州、县人民政府，省政府各部门：
　　《某某实施方案》已经省人民政府同意，现印发给你们，请认真贯彻落实。
附件：某某重点任务分工
某某省人民政府办公厅
2024年5月20日";

/// The letter, then `after_date` (a note or nothing), the 版记 as `colophon`, and the
/// attachment's page with its task table.
fn word_letter(after_date: &str, colophon: &str) -> Document {
    let mut body: String = LETTER.lines().map(p).collect();
    body.push_str(after_date);
    body.push_str(colophon);
    body.push_str(&p("附件"));
    body.push_str(&p("某某重点任务分工"));
    body.push_str(&table(&[
        &["序号", "具体措施", "牵头单位", "配合单位"],
        &["1", "扩大老年助餐服务。", "省民政厅", "省财政厅"],
    ]));
    let opts = Options {
        format: Some(InputFormat::Docx),
        ..Options::default()
    };
    parse(&docx(&body), &opts).expect("parses")
}

const COLOPHON_ROWS: &[&[&str]] = &[
    &["抄送：省委各部门，省人大常委会办公厅，省法院。"],
    &["某某省人民政府办公厅　　　　2024年5月21日印发"],
];

#[test]
fn a_colophon_table_under_the_signoff_before_the_attachment_is_the_colophon() {
    for after_date in [p("（此件公开发布）"), String::new()] {
        let d = word_letter(&after_date, &table(COLOPHON_ROWS));
        assert_eq!(
            d.notice.copied_to,
            ["省委各部门", "省人大常委会办公厅", "省法院"],
            "{after_date}"
        );
        assert_eq!(d.notice.printed_by.as_deref(), Some("某某省人民政府办公厅"));
        assert_eq!(d.notice.printed_on.as_deref(), Some("2024-05-21"));
        let parts: Vec<_> = d
            .parts
            .iter()
            .map(|x| (x.kind, x.title.as_deref()))
            .collect();
        assert_eq!(
            parts,
            [(
                gongwen_parse::PartKind::Attachment,
                Some("某某重点任务分工")
            )]
        );
        assert_eq!(d.tasks.len(), 1);
    }
}

#[test]
fn a_table_under_the_signoff_with_other_lines_than_the_colophons_stays_a_table() {
    // A table under the date holding more than 版记 lines is not unwrapped.
    let rows: &[&[&str]] = &[
        &["抄送：省委各部门，省人大常委会办公厅，省法院。"],
        &["联系人：张某某，电话：12345678"],
    ];
    let d = word_letter("", &table(rows));
    assert!(d.notice.copied_to.is_empty(), "{:?}", d.notice.copied_to);
    assert!(d.parts.iter().any(|x| {
        !x.tables.is_empty()
            && x.tables[0]
                .rows
                .iter()
                .any(|r| r.iter().any(|c| c.contains("联系人")))
    }));
}

const NESTED: &str = "某某市人民政府办公室
关于转发某某省人民政府办公厅转发省发展改革委关于进一步做好粮食安全保障工作意见的通知的通知

某市政办〔2024〕21号

各县（市、区）人民政府，市人民政府各部门：
　　现将《某某省人民政府办公厅转发省发展改革委关于进一步做好粮食安全保障工作意见的通知》（某政办〔2024〕9号）转发给你们，请结合实际，认真贯彻落实。

某某市人民政府办公室
2024年3月20日

某某省人民政府办公厅
转发省发展改革委关于进一步做好粮食安全保障工作意见的通知

某政办〔2024〕9号

各省辖市人民政府，省人民政府各部门：
　　省发展改革委《关于进一步做好粮食安全保障工作的意见》已经省政府同意，现转发给你们，请认真贯彻执行。

某某省人民政府办公厅
2024年2月26日

关于进一步做好粮食安全保障工作的意见
省发展改革委

　　为深入贯彻落实党中央、国务院关于粮食安全的决策部署，现提出如下意见。
　　一、稳定粮食生产
　　（一）稳定粮食播种面积。确保全省粮食播种面积稳定。（省农业农村厅牵头，省财政厅配合）
　　（二）加强高标准农田建设。（省农业农村厅负责）
";

#[test]
fn the_document_a_forwarded_forwarding_notice_forwards_is_a_part_of_its_own() {
    let d = parse_text(NESTED);
    let parts: Vec<_> = d.parts.iter().map(|x| x.title.as_deref()).collect();
    assert_eq!(
        parts,
        [
            Some("某某省人民政府办公厅转发省发展改革委关于进一步做好粮食安全保障工作意见的通知"),
            Some("关于进一步做好粮食安全保障工作的意见"),
        ]
    );
    // The forwarding notice's number, addressees and sign-off are not the 意见's text.
    let opinion = &d.parts[1];
    assert_eq!(opinion.preamble[0], "省发展改革委");
    assert!(
        opinion
            .preamble
            .iter()
            .all(|x| !x.contains("某政办") && !x.contains("2024年2月26日")),
        "{:?}",
        opinion.preamble
    );
    assert_eq!(d.tasks.len(), 2);
}

#[test]
fn a_forwarding_notice_that_does_not_name_the_title_under_its_date_keeps_it() {
    // The line under the forwarded notice's date is not named in 《》 by it: no new part.
    let text = NESTED.replace(
        "省发展改革委《关于进一步做好粮食安全保障工作的意见》已经",
        "省发展改革委的意见已经",
    );
    let d = parse_text(&text);
    assert_eq!(
        d.parts.len(),
        1,
        "{:?}",
        d.parts.iter().map(|x| &x.title).collect::<Vec<_>>()
    );
}
