//! A city or county site's 政府信息公开 metadata: a four-column table with the labels those
//! templates print (`信息索引号`, `公开目录`, `所属机构`, `签署日期`, `印发日期`, `公开时间`), a pair
//! of another label after a wide space on one line, the same organ or number written otherwise
//! on the page and in the document, a headline that drops the issuer where the table prints the
//! whole title, a headline naming another document over the notice's own printed head, and the
//! block pasted below a text copy.

use gongwen_parse::{Document, Options, parse};

fn doc(text: &str) -> Document {
    parse(text.as_bytes(), &Options::default()).expect("parses")
}

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

/// A page with a four-column metadata table of `rows` (label, value, label, value), an `h1` and
/// an article that opens at its 主送机关 (`article`).
fn page(rows: &[[&str; 4]], h1: &str, article: &str) -> String {
    let mut table = String::new();
    for r in rows {
        table.push_str(&format!(
            "<tr><td class=\"t1\">{}</td><td>{}</td><td class=\"t1\">{}</td><td>{}</td></tr>",
            r[0], r[1], r[2], r[3]
        ));
    }
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{h1}</title></head><body>\
         <div class=\"xxgk\"><table class=\"xxgk_table\">{table}</table></div>\
         <div class=\"article\"><h1 class=\"title\">{h1}</h1><div id=\"zoom\">{article}</div></div>\
         </body></html>"
    )
}

const ARTICLE: &str = "<p>各区县人民政府，市政府各部门：</p>\
    <p>　　经市政府同意，现将《某某市2024年重点民生实事》印发给你们，请认真抓好落实。</p>\
    <p style=\"text-align:right\">某某市人民政府办公室</p>\
    <p style=\"text-align:right\">2024年1月30日</p>";

const TITLE: &str = "某某市人民政府办公室关于印发某某市2024年重点民生实事的通知";

#[test]
fn a_metadata_table_with_the_labels_of_city_templates_gives_the_number() {
    let tables: [&[[&str; 4]]; 3] = [
        &[
            [
                "索引号",
                "113703000042321234/2024-00012",
                "公开目录",
                "计划总结",
            ],
            [
                "发文机关",
                "某某市人民政府办公室",
                "发文字号",
                "某政办字〔2024〕4号",
            ],
            ["成文日期", "2024-01-30", "发布日期", "2024-02-02"],
        ],
        &[
            [
                "信息索引号",
                "113703000042321234/2024-00012",
                "所属机构",
                "某某市人民政府办公室",
            ],
            ["发文字号", "某政办字〔2024〕4号", "签署日期", "2024-01-30"],
            ["公开范围", "面向社会", "公开时间", "2024-02-02"],
        ],
        &[
            [
                "索引号",
                "113703000042321234/2024-00012",
                "主题分类",
                "综合政务",
            ],
            [
                "发文机关",
                "某某市人民政府办公室",
                "文号",
                "某政办字〔2024〕4号",
            ],
            ["印发日期", "2024-01-30", "公开时间", "2024-02-02"],
        ],
    ];
    for rows in tables {
        let d = doc(&page(rows, TITLE, ARTICLE));
        let number = d.notice.doc_number.as_ref().map(|n| n.raw.as_str());
        assert_eq!(number, Some("某政办字〔2024〕4号"), "{rows:?}");
        let page = d.source.page.as_ref().expect("page metadata");
        assert_eq!(
            page.index_no.as_deref(),
            Some("113703000042321234/2024-00012")
        );
        assert_eq!(page.date.as_deref(), Some("2024-01-30"));
        assert_eq!(page.published.as_deref(), Some("2024-02-02"));
        assert!(
            codes(&d).contains(&"filled_from_page"),
            "{:?}",
            d.diagnostics
        );
        assert_eq!(d.notice.addressees, ["各区县人民政府", "市政府各部门"]);
    }
}

#[test]
fn a_pair_of_another_label_after_a_wide_space_is_a_field_of_its_own() {
    let text = "索引号：11140100MB1234567X/2023-00456　　办理时限：长期\n\
        发布机构：某某市人民政府办公室　　成文日期：2023年06月12日\n\
        文号：某政办发〔2023〕22号　　发布日期：2023年06月15日\n\
        某某市人民政府办公室关于印发某某市城镇老旧小区改造三年行动计划的通知\n\
        各县（市、区）人民政府，市人民政府各委、局：\n\
        \u{3000}\u{3000}《某某市城镇老旧小区改造三年行动计划》已经市人民政府同意，现印发给你们，请认真贯彻落实。\n\
        某某市人民政府办公室\n\
        2023年6月12日\n";
    let d = doc(text);
    let page = d.source.page.as_ref().expect("page metadata");
    assert_eq!(
        page.index_no.as_deref(),
        Some("11140100MB1234567X/2023-00456")
    );
    assert_eq!(
        page.fields.get("办理时限").map(String::as_str),
        Some("长期")
    );
    assert_eq!(page.doc_number.as_deref(), Some("某政办发〔2023〕22号"));
}

#[test]
fn the_same_organ_or_number_written_otherwise_is_no_mismatch() {
    let rows: &[[&str; 4]] = &[
        ["索引号", "11340100/2023-00031", "主题分类", "综合政务"],
        ["发文机关", "市政府办公室", "文号", "某政办〔2023〕09号"],
        ["成文日期", "2023-03-06", "发布日期", "2023-03-09"],
    ];
    let article = "<p>某政办〔2023〕9号</p>\
        <p>某某市人民政府办公室关于做好2023年春季植树工作的通知</p>\
        <p>各县（市）区人民政府，市政府各部门：</p>\
        <p>　　现就2023年春季植树工作通知如下。</p>\
        <p style=\"text-align:right\">某某市人民政府办公室</p>\
        <p style=\"text-align:right\">2023年3月6日</p>";
    let d = doc(&page(
        rows,
        "某某市人民政府办公室关于做好2023年春季植树工作的通知",
        article,
    ));
    assert_eq!(d.notice.issuer.as_deref(), Some("某某市人民政府办公室"));
    assert!(
        !codes(&d).contains(&"page_metadata_mismatch"),
        "{:?}",
        d.diagnostics
    );
    // A real difference is still said.
    let other: &[[&str; 4]] = &[
        ["索引号", "11340100/2023-00031", "主题分类", "综合政务"],
        ["发文机关", "县政府办公室", "文号", "某政办〔2023〕19号"],
        ["成文日期", "2023-03-06", "发布日期", "2023-03-09"],
    ];
    let d = doc(&page(
        other,
        "某某市人民政府办公室关于做好2023年春季植树工作的通知",
        article,
    ));
    let mismatches = codes(&d)
        .iter()
        .filter(|c| **c == "page_metadata_mismatch")
        .count();
    assert_eq!(mismatches, 2, "{:?}", d.diagnostics);
}

#[test]
fn a_headline_without_the_issuer_gives_way_to_the_tables_whole_title() {
    let rows: &[[&str; 4]] = &[
        ["索引号", "11210800/2023-00031", "主题分类", "卫生、体育"],
        ["标题", TITLE, "", ""],
        [
            "发文机关",
            "某某市人民政府办公室",
            "文号",
            "某政办发〔2024〕3号",
        ],
        ["成文日期", "2024-01-30", "发布日期", "2024-02-02"],
    ];
    let d = doc(&page(
        rows,
        "关于印发某某市2024年重点民生实事的通知",
        ARTICLE,
    ));
    assert_eq!(d.notice.title.as_deref(), Some(TITLE));
    assert!(
        !codes(&d).contains(&"page_metadata_mismatch"),
        "{:?}",
        d.diagnostics
    );
}

#[test]
fn the_head_printed_under_the_number_wins_over_a_headline_naming_another_document() {
    let html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>政府文件</title></head><body>\
        <div class=\"article\"><h1 class=\"title\">某某市人民政府办公室关于印发某某市加快推进新能源汽车产业发展若干政策的通知</h1>\
        <div id=\"zoom\"><p>某发改〔2023〕9号</p>\
        <p>某某市发展改革委　某某市财政局关于做好2023年市级预算内投资项目申报工作的通知</p>\
        <p>各县（市）区发展改革委、财政局：</p>\
        <p>　　现就2023年市级预算内投资项目申报工作通知如下。</p>\
        <p style=\"text-align:right\">某某市发展改革委　　　某某市财政局</p>\
        <p style=\"text-align:right\">2023年3月6日</p></div></div></body></html>";
    let d = doc(html);
    assert_eq!(
        d.notice.title.as_deref(),
        Some("某某市发展改革委、某某市财政局关于做好2023年市级预算内投资项目申报工作的通知")
    );
    assert_eq!(d.notice.addressees, ["各县（市）区发展改革委、财政局"]);
    assert_eq!(
        d.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
        Some("某发改〔2023〕9号")
    );
    assert_eq!(
        d.notice.body.first().map(String::as_str),
        Some("现就2023年市级预算内投资项目申报工作通知如下。")
    );
    assert!(
        codes(&d).contains(&"headline_mismatch"),
        "{:?}",
        d.diagnostics
    );
}

#[test]
fn a_metadata_block_under_a_text_copy_is_page_metadata_not_an_enclosure() {
    let text = "某某市人民政府办公室关于做好2023年清明节期间文明祭扫工作的通知\n\
        各县（市、区）人民政府，市直各有关单位：\n\
        \u{3000}\u{3000}清明节将至，经市人民政府同意，现就有关事项通知如下：\n\
        \u{3000}\u{3000}一、加强组织领导。各地要成立工作专班。\n\
        \u{3000}\u{3000}二、严防森林火灾。严禁在林区焚香烧纸。\n\
        某某市人民政府办公室\n\
        2023年3月27日\n\
        索引号：000014349/2023-00333\n\
        发文机关：某某市人民政府办公室\n\
        文号：市政办电〔2023〕6号\n\
        成文日期：2023-03-27\n";
    let d = doc(text);
    assert!(
        d.parts
            .iter()
            .all(|p| p.kind != gongwen_parse::PartKind::Enclosure),
        "{:?}",
        d.parts
    );
    assert_eq!(
        d.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
        Some("市政办电〔2023〕6号")
    );
    let page = d.source.page.as_ref().expect("page metadata");
    assert_eq!(page.index_no.as_deref(), Some("000014349/2023-00333"));
    assert_eq!(d.notice.date.as_deref(), Some("2023-03-27"));
}

#[test]
fn a_label_of_another_kind_in_a_label_cell_does_not_drop_the_table() {
    let rows: &[[&str; 4]] = &[
        [
            "索引号",
            "113703000042321234/2024-00012",
            "文件状态",
            "现行有效",
        ],
        [
            "发文机关",
            "某某市人民政府办公室",
            "发文字号",
            "某政办字〔2024〕4号",
        ],
        ["成文日期", "2024-01-30", "发布日期", "2024-02-02"],
    ];
    let d = doc(&page(rows, TITLE, ARTICLE));
    assert_eq!(
        d.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
        Some("某政办字〔2024〕4号")
    );
    let page = d.source.page.as_ref().expect("page metadata");
    assert_eq!(
        page.fields.get("文件状态").map(String::as_str),
        Some("现行有效")
    );
}
