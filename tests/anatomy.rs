//! The elements of a 公文 around its body that GB/T 9704 places in the 版头 and 版记, in the
//! layouts notices print them: 签发人 beside the number, joint issuers one a line, 主送机关
//! separated by `；`, attachment lists on one line, the 版记 (抄送, 印发) under the last
//! attachment or right under the letter, and a web page's title above the article.

use gongwen_emit::text::to_text;
use gongwen_parse::{Document, Notice, Options, parse, parse_text};

/// The notice of `doc`, and that the normalized text written from it reads back to the same
/// notice (the text writer prints every element the reader took).
fn round_trips(doc: &Document) -> Notice {
    let again = parse_text(&to_text(doc));
    assert_eq!(
        gongwen_tests::notice_without_line(&again),
        gongwen_tests::notice_without_line(doc),
        "the normalized text reads back to another notice:\n{}",
        to_text(doc)
    );
    doc.notice.clone()
}

fn all_paragraphs(doc: &Document) -> Vec<String> {
    let mut out = doc.notice.body.clone();
    for part in &doc.parts {
        out.extend(part.preamble.iter().cloned());
        let mut stack: Vec<&gongwen_parse::Section> = part.sections.iter().collect();
        while let Some(s) = stack.pop() {
            out.push(s.heading.clone());
            out.extend(s.paragraphs.iter().cloned());
            stack.extend(s.children.iter());
        }
    }
    out
}

const REQUEST: &str = "某某市人民政府\n关于申请设立某某物流园区的请示\n某政〔2023〕15号　　　　签发人：王某某\n省人民政府：\n为推动我市物流业发展，现将有关情况请示如下。\n一、基本情况\n我市物流总额连续三年增长。\n妥否，请批示。\n附件：1．某某物流园区可行性研究报告　2．某某物流园区规划图\n某某市人民政府\n2023年2月20日\n（联系人：刘某，电话：0000-0000000）\n";

#[test]
fn a_signer_beside_the_number_is_read_apart_from_it() {
    let doc = parse_text(REQUEST);
    let n = round_trips(&doc);
    let number = n.doc_number.as_ref().map(|d| d.raw.as_str());
    assert_eq!(number, Some("某政〔2023〕15号"));
    assert_eq!(n.signers, ["王某某"]);
    // The number no longer hides the addressees or joins the body.
    assert_eq!(n.addressees, ["省人民政府"]);
    assert_eq!(
        n.body.first().map(String::as_str),
        Some("为推动我市物流业发展，现将有关情况请示如下。")
    );
    assert!(!all_paragraphs(&doc).iter().any(|p| p.contains("签发人")));
}

#[test]
fn a_signer_line_of_its_own_is_read_too() {
    let text = REQUEST.replace(
        "某政〔2023〕15号　　　　签发人：王某某",
        "签发人：王某某、李某某\n某政〔2023〕15号",
    );
    let n = round_trips(&parse_text(&text));
    assert_eq!(n.signers, ["王某某", "李某某"]);
    assert_eq!(n.doc_number.map(|d| d.serial), Some(Some(15)));
    assert_eq!(n.addressees, ["省人民政府"]);
}

#[test]
fn an_attachment_list_on_one_line_is_split_at_its_numbers() {
    let doc = parse_text(REQUEST);
    let titles = gongwen_tests::listed_attachments(&doc.notice);
    assert_eq!(
        titles,
        [
            (Some(1), "某某物流园区可行性研究报告"),
            (Some(2), "某某物流园区规划图")
        ]
    );
    // A number inside a title is no item: `2.0版` continues the first title, `第2、3批` too.
    let text = REQUEST.replace(
        "1．某某物流园区可行性研究报告　2．某某物流园区规划图",
        "1．某某平台2.0版建设方案　2．第2、3批试点名单",
    );
    let doc = parse_text(&text);
    let titles = gongwen_tests::attachment_titles(&doc.notice);
    assert_eq!(titles, ["某某平台2.0版建设方案", "第2、3批试点名单"]);
}

const WITH_COLOPHON: &str = "某某市人民政府\n关于公布第三批市级非遗项目名录的通知\n某政发〔2022〕9号\n各区、县（市）人民政府，市政府各部门：\n市政府同意公布第三批市级非遗项目名录，请认真做好保护工作。\n附件：第三批市级非遗项目名录\n某某市人民政府\n2022年5月6日\n（此件公开发布）\n附件\n第三批市级非遗项目名录\n一、民间文学\n某某传说。\n二、传统技艺\n某某酿造技艺。\n抄送：市委各部门，市人大常委会办公室；市政协办公室，市法院。\n某某市人民政府办公室　　　　2022年5月7日印发\n";

#[test]
fn the_colophon_under_the_last_attachment_is_read_apart() {
    let doc = parse_text(WITH_COLOPHON);
    let n = round_trips(&doc);
    assert_eq!(
        n.copied_to,
        ["市委各部门", "市人大常委会办公室", "市政协办公室", "市法院"]
    );
    assert_eq!(n.printed_by.as_deref(), Some("某某市人民政府办公室"));
    assert_eq!(n.printed_on.as_deref(), Some("2022-05-07"));
    // The attachment ends with its own last line; no part is made of the colophon.
    assert_eq!(doc.parts.len(), 1);
    let paragraphs = all_paragraphs(&doc);
    assert!(paragraphs.iter().any(|p| p == "某某酿造技艺。"));
    assert!(
        !paragraphs
            .iter()
            .any(|p| p.contains("抄送") || p.ends_with("印发"))
    );
}

#[test]
fn a_copied_to_list_separated_by_dunhao_names_each_organ() {
    // GB/T 9704 separates the 抄送 organs by `，`, but `、` is common in practice: organs that
    // each name their place are each an entry; a shared head (`各区、县人民政府`) stays whole.
    let text = "某市人民政府办公室\n某市人民政府办公室关于做好防汛工作的通知\n某府办发〔2024〕12号\n各区县人民政府，市政府各部门：\n现就有关事项通知如下。\n某市人民政府办公室\n2024年5月6日\n抄送：市委办公室、市人大常委会办公室、市政协办公室，各区、县人民政府。\n2024年5月7日印发\n";
    let n = round_trips(&parse_text(text));
    assert_eq!(
        n.copied_to,
        [
            "市委办公室",
            "市人大常委会办公室",
            "市政协办公室",
            "各区、县人民政府"
        ]
    );
}

#[test]
fn a_colophon_right_under_the_letter_makes_no_part() {
    // Web pages often print the 版记 under the letter, and a notice without attachments has
    // nothing else after its date.
    let text = "某某县人民政府办公室\n关于调整县安全生产委员会组成人员的通知\n某政办发〔2021〕23号\n各乡镇人民政府，县政府各部门：\n因人员变动，现将调整后的组成人员通知如下。\n某某县人民政府办公室\n二〇二一年十一月三十日\n抄送：县委办公室，县人大常委会办公室。\n2021年12月1日印发\n";
    let doc = parse_text(text);
    let n = round_trips(&doc);
    assert!(doc.parts.is_empty(), "parts: {:?}", doc.parts);
    assert_eq!(n.copied_to, ["县委办公室", "县人大常委会办公室"]);
    assert_eq!(n.printed_by, None);
    assert_eq!(n.printed_on.as_deref(), Some("2021-12-01"));
    assert_eq!(n.date.as_deref(), Some("2021-11-30"));
    // An impossible 印发 date is reported, not kept.
    let doc = parse_text(&text.replace("2021年12月1日印发", "2021年12月41日印发"));
    assert_eq!(doc.notice.printed_on, None);
    assert!(doc.diagnostics.iter().any(|d| d.code == "invalid_date"));
}

#[test]
fn a_copied_to_list_that_runs_onto_a_second_line_is_read_whole() {
    let text = "某某县人民政府办公室关于做好防汛工作的通知\n各乡镇人民政府，县政府有关部门：\n请切实做好防汛工作。\n\
                某某县人民政府办公室\n2023年5月30日\n\
                抄送：县委办公室，县人大常委会办公室，县政协办公室，\n　　　县纪委监委，县法院，县检察院。\n\
                某某县人民政府办公室　　2023年5月31日印发\n";
    let doc = parse_text(text);
    let n = round_trips(&doc);
    assert_eq!(
        n.copied_to,
        [
            "县委办公室",
            "县人大常委会办公室",
            "县政协办公室",
            "县纪委监委",
            "县法院",
            "县检察院"
        ]
    );
    assert!(doc.parts.is_empty(), "parts: {:?}", doc.parts);
    assert_eq!(n.printed_on.as_deref(), Some("2023-05-31"));

    // Each group of the list a sentence of its own, the next group on the line under it.
    let doc = parse_text(&text.replace("县政协办公室，\n", "县政协办公室。\n"));
    let n = round_trips(&doc);
    assert_eq!(n.copied_to.len(), 6, "{:?}", n.copied_to);
    assert_eq!(n.copied_to.last().map(String::as_str), Some("县检察院"));
    assert!(doc.parts.is_empty(), "parts: {:?}", doc.parts);
}

#[test]
fn addressees_separated_by_semicolons_are_split() {
    let text = "某某市人民政府办公室\n关于印发某某行动计划的通知\n某府办〔2023〕30号\n各市、区人民政府；苏州工业园区、某某高新区管委会；市各委办局：\n现将《某某行动计划》印发给你们，请认真贯彻执行。\n某某市人民政府办公室\n2023年3月1日\n";
    let n = round_trips(&parse_text(text));
    assert_eq!(
        n.addressees,
        [
            "各市、区人民政府",
            "苏州工业园区、某某高新区管委会",
            "市各委办局"
        ]
    );
}

#[test]
fn joint_issuers_are_joined_with_a_comma() {
    // One a line, or on one line apart by spaces only (normalization joins Chinese text across
    // spaces, which ran them into one name).
    let letter = |issuers: &str, signature: &str| {
        format!(
            "{issuers}\n关于开展2022年清洁生产审核工作的通知\n某经信发〔2022〕33号\n各区（市）县经信部门、生态环境局：\n现就有关工作通知如下。\n{signature}\n2022年4月22日\n"
        )
    };
    let text = letter(
        "某某市经济和信息化局　　某某市生态环境局",
        "某某市经济和信息化局    某某市生态环境局",
    );
    for text in [
        letter(
            "某某市经济和信息化局\n某某市生态环境局",
            "某某市经济和信息化局\n某某市生态环境局",
        ),
        text.clone(),
        // On the title line itself, set apart from it by nothing but spaces.
        text.replace(
            "某某市经济和信息化局　　某某市生态环境局\n关于",
            "某某市经济和信息化局 某某市生态环境局关于",
        ),
    ] {
        let n = round_trips(&parse_text(&text));
        assert_eq!(
            n.issuer.as_deref(),
            Some("某某市经济和信息化局、某某市生态环境局")
        );
        assert_eq!(
            n.title.as_deref(),
            Some("某某市经济和信息化局、某某市生态环境局关于开展2022年清洁生产审核工作的通知")
        );
        assert_eq!(n.signature, n.issuer);
    }
    // A signature and its date on one line are no list of names.
    let n = parse_text(&text.replace(
        "某某市经济和信息化局    某某市生态环境局\n2022年4月22日",
        "某某市生态环境局　　2022年4月22日",
    ))
    .notice;
    assert_eq!(
        (n.signature.as_deref(), n.date.as_deref()),
        (Some("某某市生态环境局"), Some("2022-04-22"))
    );
}

#[test]
fn a_page_title_above_the_article_is_the_notice_title() {
    let page = "<html><head><title>某某市人民政府办公厅关于印发某某方案的通知_门户网站</title></head><body>\
        <div class=nav><a href=/>首页</a></div><div class=content>\
        <h2>某某市人民政府办公厅关于印发某某方案的通知</h2><div class=info>发布日期：2023-08-02</div>\
        <div class=article-content><p>某府办函〔2023〕52号</p><p>各区人民政府，市政府各部门：</p>\
        <p>《某某方案》已经市人民政府同意，现印发给你们，请认真组织实施。</p>\
        <p>某某市人民政府办公厅</p><p>2023年7月28日</p></div></div></body></html>";
    let doc = parse(page.as_bytes(), &Options::default()).expect("parses");
    let n = &doc.notice;
    assert_eq!(
        n.title.as_deref(),
        Some("某某市人民政府办公厅关于印发某某方案的通知")
    );
    assert_eq!(n.issuer.as_deref(), Some("某某市人民政府办公厅"));
    assert_eq!(
        n.doc_number.as_ref().map(|d| d.raw.as_str()),
        Some("某府办函〔2023〕52号")
    );
    assert_eq!(n.addressees, ["各区人民政府", "市政府各部门"]);
    assert!(!doc.diagnostics.iter().any(|d| d.code == "no_title"));
    // A heading that is no title (a site's section name) is not taken: the article opens with
    // its number, and the title is the one the page's head names.
    let page = page.replace(
        "<h2>某某市人民政府办公厅关于印发某某方案的通知</h2>",
        "<h2>政策文件</h2>",
    );
    let doc = parse(page.as_bytes(), &Options::default()).expect("parses");
    assert_eq!(
        doc.notice.title.as_deref(),
        Some("某某市人民政府办公厅关于印发某某方案的通知")
    );
    let no_name = page.replace(
        "<title>某某市人民政府办公厅关于印发某某方案的通知_门户网站</title>",
        "",
    );
    let doc = parse(no_name.as_bytes(), &Options::default()).expect("parses");
    assert_eq!(doc.notice.title, None);
    // Nor is the title taken twice when the article prints it as well, over two lines.
    let page = page
        .replace(
            "<div class=article-content>",
            "<div class=article-content><p>某某市人民政府办公厅</p><p>关于印发某某方案的通知</p>",
        )
        .replace(
            "<h2>政策文件</h2>",
            "<h2>某某市人民政府办公厅关于印发某某方案的通知</h2>",
        );
    let doc = parse(page.as_bytes(), &Options::default()).expect("parses");
    assert_eq!(
        doc.notice.title.as_deref(),
        Some("某某市人民政府办公厅关于印发某某方案的通知")
    );
    assert_eq!(doc.notice.addressees, ["各区人民政府", "市政府各部门"]);
    assert!(doc.notice.body.iter().all(|p| !p.contains("关于印发")));
}

#[test]
fn the_workbook_info_sheet_lists_signers_and_the_colophon() {
    let doc = parse_text(WITH_COLOPHON);
    let out = gongwen_emit::xlsx::to_xlsx(&doc).expect("written");
    use calamine::{Reader, Xlsx};
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(out.bytes)).expect("opens");
    let sheet = wb.worksheet_range("文档信息").expect("info sheet");
    let rows: Vec<(String, String)> = sheet
        .rows()
        .map(|r| {
            (
                r.first().map(|c| c.to_string()).unwrap_or_default(),
                r.get(1).map(|c| c.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    let get = |k: &str| rows.iter().find(|(l, _)| l == k).map(|(_, v)| v.as_str());
    assert_eq!(
        get("抄送机关"),
        Some("市委各部门，市人大常委会办公室，市政协办公室，市法院")
    );
    assert_eq!(get("印发机关"), Some("某某市人民政府办公室"));
    assert_eq!(get("印发日期"), Some("2022-05-07"));
    assert_eq!(get("签发人"), None);
}

#[test]
fn numbers_and_dates_in_the_forms_orders_and_announcements_print() {
    let notice = |number: &str, date: &str| {
        parse_text(&format!(
            "某某市人民政府公告\n{number}\n为加强某某管理，现将有关事项公告如下。\n一、适用范围\n本市行政区域内的某某活动。\n某某市人民政府\n{date}\n"
        ))
        .notice
    };
    for (number, agency, year, serial) in [
        ("〔2022〕第3号", "", Some(2022), Some(3)),
        ("某府令〔2022〕第2号", "某府令", Some(2022), Some(2)),
        ("2022年第5号", "", Some(2022), Some(5)),
        ("某府发〔2022〕2号", "某府发", Some(2022), Some(2)),
        ("国令第707号", "国令", None, Some(707)),
        // A people's congress standing committee numbers its announcements within its term.
        ("〔十四届〕第5号", "", None, Some(5)),
        ("（十三届）第112号", "", None, Some(112)),
    ] {
        let n = notice(number, "2022年7月20日");
        let d = n
            .doc_number
            .unwrap_or_else(|| panic!("{number}: no number"));
        assert_eq!(
            (d.raw.as_str(), d.agency.as_str(), d.year, d.serial),
            (number, agency, year, serial)
        );
    }
    // A zero of the year typed as a letter O or a digit 0 (half or full width).
    for zero in ["〇", "○", "O", "Ｏ", "0", "０"] {
        let n = notice("某府发〔2022〕2号", &format!("二{zero}二二年一月五日"));
        assert_eq!(n.date.as_deref(), Some("2022-01-05"), "{zero}");
        assert_eq!(n.signature.as_deref(), Some("某某市人民政府"), "{zero}");
    }
}

#[test]
fn an_attachment_published_as_a_file_is_listed_once_and_not_read_as_a_part() {
    let text = "某某市教育局\n关于做好2022年招生工作的通知\n某教发〔2022〕15号\n各区教育局：\n现将招生计划印发给你们，请认真执行。\n附件：某某市2022年招生计划表.pdf\n某某市教育局\n2022年4月1日\n附件下载：某某市2022年招生计划表.pdf\n某某市2022年招生计划说明.docx\n";
    let doc = parse_text(text);
    let titles = gongwen_tests::attachment_titles(&doc.notice);
    assert_eq!(
        titles,
        ["某某市2022年招生计划表", "某某市2022年招生计划说明"]
    );
    assert!(doc.parts.is_empty(), "parts: {:?}", doc.parts);
    // Not in the page by design: no attachment is reported missing.
    assert!(
        !doc.diagnostics
            .iter()
            .any(|d| d.code == "attachment_missing")
    );
    // A sentence that ends in a file name is no link.
    assert!(!gongwen_parse::parse_text("某某市教育局\n关于某事的通知\n某教发〔2022〕1号\n各区教育局：\n请于5月前报送某某表。详见附表.docx\n某某市教育局\n2022年4月1日\n").notice.attachments.iter().any(|a| a.title.contains("附表")));
}

#[test]
fn a_closing_formula_is_the_letters_not_the_last_items() {
    let text = "某某市人民政府\n关于做好防汛工作的通知\n某府发〔2023〕6号\n各区县人民政府，市政府有关部门：\n为做好今年防汛工作，现就有关事项通知如下。\n一、压实防汛责任\n各地要落实防汛责任制。\n二、加强监测预警\n各部门要加强会商研判。\n特此通知。\n某某市人民政府\n2023年5月8日\n";
    let doc = parse_text(text);
    round_trips(&doc);
    let body = doc.parts.first().expect("a body part");
    assert_eq!(body.closing, ["特此通知。"]);
    let last = body.sections.last().expect("sections");
    assert_eq!(last.paragraphs, ["各部门要加强会商研判。"]);
    // Still among the letter's paragraphs as printed.
    assert_eq!(
        doc.notice.body.last().map(String::as_str),
        Some("特此通知。")
    );
    // In an enclosure too, and written back by the text writer.
    let text = "某某市人民政府办公厅\n关于印发某某办法的通知\n某府办发〔2023〕9号\n各区县人民政府：\n现将《某某办法》印发给你们，请认真贯彻执行。\n某某市人民政府办公厅\n2023年5月8日\n某某办法\n一、总则\n为规范某某工作，制定本办法。\n二、附则\n本办法自印发之日起施行。\n特此说明。\n";
    let doc = parse_text(text);
    round_trips(&doc);
    let part = doc.parts.last().expect("the enclosure");
    assert_eq!(part.closing, ["特此说明。"]);
    assert!(gongwen_emit::text::to_text(&doc).ends_with("本办法自印发之日起施行。\n特此说明。\n"));
    // Under a last heading of no text of its own (items printed as bare headings), a set
    // formula is the letter's still.
    let doc = parse_text(
        "某某市人民政府\n关于做好春节工作的通知\n某府发〔2023〕2号\n各区人民政府：\n现就有关事项通知如下：\n一、切实保障市场供应\n二、做好值班值守\n特此通知。\n某某市人民政府\n2023年1月10日\n",
    );
    round_trips(&doc);
    let body = doc.parts.first().expect("a body part");
    assert_eq!(body.closing, ["特此通知。"]);
    assert!(body.sections.iter().all(|s| s.paragraphs.is_empty()));
    // Without numbered sections there is nothing to set it apart from.
    let doc = parse_text(
        "某某市人民政府\n关于某事的通知\n某府发〔2023〕7号\n各区县人民政府：\n请做好某事。\n特此通知。\n某某市人民政府\n2023年5月8日\n",
    );
    assert!(doc.parts.iter().all(|p| p.closing.is_empty()));
}

#[test]
fn a_letters_request_for_an_answer_and_a_replys_thanks_are_its_closing() {
    // A 函 asks for an answer after its numbered requests; a reply to a deputy thanks him after
    // its numbered answers. Neither is the last item's paragraph.
    let letter = |closing: &str| {
        format!(
            "某某省教育厅关于商请支持技能大赛的函\n\n某教职函〔2023〕9号\n\n省人力资源社会保障厅：\n\n现商请贵厅在以下方面给予支持：\n\n1.将获奖选手纳入技能人才评价范围；\n\n2.派员参加大赛监督仲裁工作。\n\n{closing}\n\n某某省教育厅\n\n2023年2月16日\n"
        )
    };
    for closing in [
        "盼复。",
        "请函复。",
        "敬请函复。",
        "特此函达。",
        "专此函达。",
    ] {
        let doc = parse_text(&letter(closing));
        round_trips(&doc);
        let part = doc.parts.first().expect("a body part");
        assert_eq!(part.closing, [closing], "{closing}");
        let last = part.sections.last().expect("sections");
        assert!(
            !last.paragraphs.iter().any(|p| p == closing),
            "{closing}: {last:?}"
        );
    }
    let reply = "某某省财政厅关于对省人大一次会议第0123号建议的答复\n\n某财建〔2023〕88号\n\n王某某代表：\n\n您提出的建议收悉。现答复如下：\n\n一、关于加大养护资金投入\n\n近年来，省财政不断加大投入力度。\n\n二、关于建立长效机制\n\n下一步，我们将研究建立长效机制。\n\n感谢您对财政工作的关心和支持。\n\n某某省财政厅\n\n2023年6月20日\n";
    let doc = parse_text(reply);
    round_trips(&doc);
    let part = doc.parts.first().expect("a body part");
    assert_eq!(part.closing, ["感谢您对财政工作的关心和支持。"]);
    assert_eq!(
        part.sections.last().expect("sections").paragraphs,
        ["下一步，我们将研究建立长效机制。"]
    );
    // A long paragraph that starts with thanks is the item's.
    let long = format!("感谢{}的支持。", "各有关部门长期以来".repeat(8));
    let doc = parse_text(&reply.replace("感谢您对财政工作的关心和支持。", &long));
    let part = doc.parts.first().expect("a body part");
    assert!(part.closing.is_empty());
}

#[test]
fn a_commendations_closing_exhortation_is_the_letters_not_the_last_items() {
    let text = "某某市人民政府办公室\n关于表扬2022年度安全生产先进单位的通报\n某府办〔2023〕8号\n各区县人民政府，市政府各部门：\n为表扬先进，决定对以下单位予以通报表扬：\n一、先进地区（2个）\n甲区人民政府、乙县人民政府\n二、先进部门（2个）\n市应急局、市公安局\n希望受表扬的单位珍惜荣誉，再接再厉。\n特此通报。\n某某市人民政府办公室\n2023年3月18日\n";
    let doc = parse_text(text);
    round_trips(&doc);
    let body = doc.parts.first().expect("a body part");
    assert_eq!(
        body.closing,
        ["希望受表扬的单位珍惜荣誉，再接再厉。", "特此通报。"]
    );
    let last = body.sections.last().expect("sections");
    assert_eq!(last.paragraphs, ["市应急局、市公安局"]);
    // A last item's paragraph that asks for something stays the item's.
    let doc = parse_text(&text.replace(
        "希望受表扬的单位珍惜荣誉，再接再厉。",
        "各单位要珍惜荣誉，再接再厉。",
    ));
    let body = doc.parts.first().expect("a body part");
    assert_eq!(body.closing, ["特此通报。"]);
    assert_eq!(
        body.sections.last().expect("sections").paragraphs,
        ["市应急局、市公安局", "各单位要珍惜荣誉，再接再厉。"]
    );
}

#[test]
fn the_issuer_of_a_title_that_forwards_or_issues_without_guanyu_ends_at_its_verb() {
    for (title, issuer) in [
        (
            "某县人民政府办公室转发市人民政府办公室关于做好农村人居环境整治工作的通知",
            "某县人民政府办公室",
        ),
        (
            "某县人民政府办公室转发《某市人民政府关于加强耕地保护的通知》的通知",
            "某县人民政府办公室",
        ),
        ("某市财政局印发《某市预算绩效管理办法》的通知", "某市财政局"),
        (
            "某县人民政府办公室关于转发县教育局关于规范校外培训意见的通知",
            "某县人民政府办公室",
        ),
    ] {
        let doc = parse_text(&format!(
            "{title}\n\n某府办〔2023〕8号\n\n各乡镇人民政府：\n\n现转发给你们，请认真贯彻执行。\n\n某县人民政府办公室\n\n2023年5月8日\n"
        ));
        let notice = round_trips(&doc);
        assert_eq!(notice.title.as_deref(), Some(title));
        assert_eq!(notice.issuer.as_deref(), Some(issuer), "{title}");
    }
}

#[test]
fn an_attachment_page_headed_with_label_and_title_on_one_line_is_that_attachment() {
    let text = "某省人民政府办公厅关于印发工作要点任务分工的通知\n\n某政办发〔2023〕19号\n\n各市人民政府：\n\n\
        现将任务分工印发给你们，请认真贯彻落实。\n\n附件：《某省2023年工作要点》任务分工\n\n某省人民政府办公厅\n\n2023年4月20日\n\n\
        附件：某省2023年工作要点任务分工\n\n序号\t工作任务\t牵头单位\n1\t新建5G基站\t省通信管理局\n2\t培育标杆企业\t省工业和信息化厅\n";
    let doc = parse_text(text);
    let notice = round_trips(&doc);
    assert_eq!(notice.attachments.len(), 1, "{:?}", notice.attachments);
    let parts: Vec<_> = doc
        .parts
        .iter()
        .map(|p| {
            (
                p.kind,
                p.label.as_deref(),
                p.title.as_deref(),
                p.tables.len(),
            )
        })
        .collect();
    assert_eq!(
        parts,
        vec![(
            gongwen_parse::PartKind::Attachment,
            Some("附件"),
            Some("某省2023年工作要点任务分工"),
            1
        )]
    );
    assert_eq!(doc.tasks.len(), 2);
    let codes: Vec<&str> = doc.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(!codes.contains(&"attachment_missing"), "{codes:?}");
}

#[test]
fn numbered_attachment_pages_headed_with_label_and_title_on_one_line_are_those_attachments() {
    for sep in ["：", "　", ""] {
        let text = format!(
            "某县人民政府关于印发民生实事的通知\n\n各乡镇人民政府：\n\n现将民生实事印发给你们。\n\n\
             附件：1．某县2024年民生实事\n\n2．某县2024年民生实事分工表\n\n某县人民政府\n\n2024年1月10日\n\n\
             附件1{sep}某县2024年民生实事\n\n一、新建幼儿园2所。\n\n\
             附件2{sep}某县2024年民生实事分工表\n\n序号\t实事项目\t牵头单位\n1\t新建幼儿园2所\t县教育局\n"
        );
        let doc = parse_text(&text);
        let parts = gongwen_tests::part_heads(&doc);
        assert_eq!(
            parts,
            vec![
                (
                    gongwen_parse::PartKind::Attachment,
                    Some("附件1"),
                    Some("某县2024年民生实事")
                ),
                (
                    gongwen_parse::PartKind::Attachment,
                    Some("附件2"),
                    Some("某县2024年民生实事分工表")
                ),
            ],
            "{sep:?}"
        );
        assert_eq!(doc.tasks.len(), 1, "{sep:?}");
        let codes: Vec<&str> = doc.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert!(!codes.contains(&"attachment_missing"), "{sep:?} {codes:?}");
    }
}

#[test]
fn an_attachment_title_in_nested_book_title_marks_matches_its_list_entry() {
    let text = "某市人民政府关于印发实施方案的通知\n\n某府发〔2023〕9号\n\n各区县人民政府：\n\n现将方案印发给你们。\n\n\
        附件：《某市贯彻落实〈国家标准化发展纲要〉实施方案》\n\n某市人民政府\n\n2023年3月1日\n\n附件\n\n\
        某市贯彻落实《国家标准化发展纲要》实施方案\n\n一、总体要求\n\n推进标准化工作。\n";
    let doc = parse_text(text);
    let codes: Vec<&str> = doc.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(!codes.contains(&"attachment_title_mismatch"), "{codes:?}");
    // A different title is still reported.
    let other = text.replace(
        "某市贯彻落实《国家标准化发展纲要》实施方案\n",
        "某市标准化工作方案\n",
    );
    let doc = parse_text(&other);
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.code == "attachment_title_mismatch"),
        "{:?}",
        doc.diagnostics
    );
}

#[test]
fn addressees_that_name_organs_with_dunhao_are_each_an_addressee() {
    let letter = |to: &str| {
        format!(
            "某市财政局关于商请提供绩效评价资料的函\n\n某财函〔2023〕18号\n\n{to}：\n\n请贵单位提供以下资料。\n\n某市财政局\n\n2023年4月28日\n"
        )
    };
    let doc = parse_text(&letter("市教育局、市卫生健康委、市交通运输局"));
    assert_eq!(
        round_trips(&doc).addressees,
        vec!["市教育局", "市卫生健康委", "市交通运输局"]
    );
    // Lists that share one head, or name organs collectively, stay whole.
    for to in [
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构",
        "各市、县人民政府，省政府各部门",
        // The second bureau is 两江新区's: it names no place of its own.
        "各区县教委，两江新区社会发展局、卫生健康局，各高等学校",
    ] {
        let doc = parse_text(&letter(to));
        let expected: Vec<&str> = to.split('，').collect();
        assert_eq!(round_trips(&doc).addressees, expected, "{to}");
    }
}

#[test]
fn a_signer_printed_with_a_colon_after_the_office_is_the_signature() {
    let text = "某市人民政府令\n\n第41号\n\n《某市户外广告设置管理办法》已经市人民政府常务会议审议通过，现予公布，自2023年6月1日起施行。\n\n\
        市长：王建华\n\n2023年4月10日\n";
    let doc = parse_text(text);
    let n = round_trips(&doc);
    assert_eq!(n.signature.as_deref(), Some("市长：王建华"));
    assert_eq!(n.date.as_deref(), Some("2023-04-10"));
    assert!(!n.body.iter().any(|p| p.contains("王建华")), "{:?}", n.body);
}

#[test]
fn a_decisions_entry_into_force_and_a_letters_request_close_the_part() {
    let decision = "某市人民政府关于表彰先进集体的决定\n\n某府发〔2023〕8号\n\n各区县人民政府：\n\n现决定如下。\n\n\
        一、表彰对象\n\n表彰先进集体10个。\n\n二、有关要求\n\n希望受到表彰的集体再接再厉。\n\n本决定自公布之日起施行。\n\n\
        某市人民政府\n\n2023年5月8日\n";
    let opinion = "某市人民政府关于加快发展夜间经济的意见\n\n某府发〔2022〕12号\n\n各区人民政府：\n\n现提出如下意见。\n\n\
        一、丰富夜间消费业态\n\n打造夜间消费地标。\n\n二、优化夜间消费环境\n\n延长夜间公交运营时间。\n\n\
        本意见自2022年7月1日起施行，有效期至2025年6月30日。\n\n某市人民政府\n\n2022年6月10日\n";
    let request = "某市财政局关于商请提供资料的函\n\n某财函〔2023〕18号\n\n市教育局：\n\n请提供以下资料：\n\n\
        1.部门预算批复文件；\n\n2.部门决算报表。\n\n请予支持为盼。\n\n某市财政局\n\n2023年4月28日\n";
    // Measures a government issues itself close with their own entry into force, as an 意见 does.
    let measures = "某市人民政府关于促进外贸稳规模的若干措施\n\n某府规〔2023〕2号\n\n各区人民政府：\n\n现提出如下措施：\n\n\
        一、支持企业开拓市场。对参加境外展会给予补助。\n\n二、提升通关便利化水平。（某海关牵头，市商务局配合）\n\n\
        本措施自印发之日起施行，有效期至2025年12月31日。\n\n某市人民政府\n\n2023年1月16日\n";
    let notice = "某市人民政府办公室关于调整最低工资标准的通知\n\n某府办发〔2023〕3号\n\n各区人民政府：\n\n现就有关事项通知如下：\n\n\
        一、调整标准\n\n月最低工资标准调整为2200元。\n\n二、工作要求\n\n各区要加强监督检查。\n\n\
        本通知自2023年4月1日起执行。\n\n某市人民政府办公室\n\n2023年3月1日\n";
    for (text, closing, last) in [
        (
            measures,
            "本措施自印发之日起施行，有效期至2025年12月31日。",
            "（某海关牵头，市商务局配合）",
        ),
        (
            notice,
            "本通知自2023年4月1日起执行。",
            "各区要加强监督检查。",
        ),
        (
            decision,
            "本决定自公布之日起施行。",
            "希望受到表彰的集体再接再厉。",
        ),
        (request, "请予支持为盼。", "部门决算报表。"),
        (
            opinion,
            "本意见自2022年7月1日起施行，有效期至2025年6月30日。",
            "延长夜间公交运营时间。",
        ),
    ] {
        let doc = parse_text(text);
        round_trips(&doc);
        let part = doc.parts.first().expect("a body part");
        assert_eq!(part.closing, [closing]);
        let item = part.sections.last().expect("sections");
        let item = item.children.last().unwrap_or(item);
        assert_eq!(item.paragraphs.last().map(String::as_str), Some(last));
    }
}

#[test]
fn a_short_notices_list_of_documents_or_units_stays_a_table() {
    // A short letter puts its attachment's table among the first blocks: its document numbers,
    // titles and organs' names look like a head's, but the head ended at the 主送机关.
    let repeal = "某市人民政府关于废止部分规范性文件的决定\n\n某府发〔2022〕30号\n\n各区县人民政府，市政府各部门：\n\
        市政府决定废止以下规范性文件（见附件）。\n本决定自公布之日起施行。\n\n附件：市政府决定废止的规范性文件目录\n\n\
        某市人民政府\n2022年8月10日\n\n附件\n\n市政府决定废止的规范性文件目录\n\n序号\t文件名称\t文号\n\
        1\t某市人民政府关于加强城市管理工作的通知\t某府发〔2010〕15号\n\
        2\t某市人民政府关于加强安全生产工作的决定\t某府发〔2012〕8号\n";
    let commend = "某省人民政府办公厅关于表扬政务公开工作先进单位的通报\n\n某政办字〔2023〕40号\n\n各市人民政府：\n\
        经研究，决定对某市人民政府办公室等3个单位予以通报表扬。\n\n附件：政务公开工作先进单位名单\n\n\
        某省人民政府办公厅\n2023年3月15日\n\n附件\n\n政务公开工作先进单位名单\n\n序号\t单位名称\n\
        1\t某市人民政府办公室\n2\t某县人民政府办公室\n3\t省发展改革委\n";
    // Without a head at all, a table headed by 序号 is a list too.
    let bare = "目录\n\n序号\t文件名称\t文号\n1\t关于加强城市管理工作的通知\t某府发〔2010〕15号\n\
        2\t关于加强安全工作的决定\t某府发〔2012〕8号\n";
    for (text, rows) in [(repeal, 3), (commend, 4), (bare, 3)] {
        let doc = parse_text(text);
        let tables: Vec<&gongwen_parse::Table> = doc.parts.iter().flat_map(|p| &p.tables).collect();
        assert_eq!(tables.len(), 1, "{text}");
        assert_eq!(tables[0].rows.len(), rows, "{text}");
        assert_eq!(tables[0].rows[0][0], "序号");
        assert!(
            doc.parts.iter().all(|p| p.preamble.is_empty()),
            "{:?}",
            doc.parts
        );
        assert!(!doc.notice.body.iter().any(|p| p == "序号"));
        assert!(doc.tasks.is_empty());
    }
}

#[test]
fn a_seal_note_after_the_organ_leaves_the_signature_and_an_omitted_attachment_is_not_missing() {
    let text = "某市人民政府办公室关于开展防灾减灾宣传周活动的通知\n\n某府办函〔2023〕12号\n\n\
        各区县人民政府，市政府有关部门：\n经市政府同意，定于5月6日至12日开展防灾减灾宣传周活动。\n\n\
        附件：1．宣传周活动安排\n2．宣传周活动总结报告模板（略）\n\n\
        某市人民政府办公室（代章）\n2023年4月28日\n\n（此件公开发布）\n\n\
        附件1\n\n宣传周活动安排\n\n一、举办防灾减灾知识讲座。\n二、开展应急疏散演练。\n";
    let doc = parse_text(text);
    let n = round_trips(&doc);
    assert_eq!(n.signature.as_deref(), Some("某市人民政府办公室"));
    assert_eq!(n.date.as_deref(), Some("2023-04-28"));
    assert_eq!(
        n.body,
        ["经市政府同意，定于5月6日至12日开展防灾减灾宣传周活动。"]
    );
    let codes: Vec<&str> = doc.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(!codes.contains(&"attachment_missing"), "{codes:?}");
    // An attachment listed without the mark and not printed is still missing.
    let doc = parse_text(&text.replace("（略）", ""));
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.code == "attachment_missing")
    );
}

#[test]
fn an_attachment_printed_as_its_titled_table_without_a_label_is_not_missing() {
    let text = "某某省人民政府办公厅关于印发某某省优化营商环境三年行动方案的通知\n各市人民政府，省政府各部门：\n\
        《某某省优化营商环境三年行动方案》已经省政府同意，现印发给你们，请认真贯彻执行。\n\
        某某省人民政府办公厅\n2023年2月28日\n（此件公开发布）\n\
        某某省优化营商环境三年行动方案\n为持续优化营商环境，制定本方案。\n一、主要目标\n到2025年，营商环境进入全国第一方阵。\n\
        附件：重点任务分工表\n\
        重点任务分工表\n序号\t重点任务\t牵头单位\t配合单位\n1\t深化集成改革\t省政务办\t省级有关单位\n";
    let doc = parse_text(text);
    assert_eq!(doc.tasks.len(), 1);
    let codes: Vec<&str> = doc.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(!codes.contains(&"attachment_missing"), "{codes:?}");
    // A table of that title before the list is no attachment: it is still missing.
    let moved = text.replace("附件：重点任务分工表\n", "");
    let doc = parse_text(&format!("{moved}附件：重点任务分工表\n"));
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.code == "attachment_missing"),
        "{:?}",
        doc.diagnostics
    );
}

#[test]
fn a_document_number_with_ascii_brackets_and_spaces_is_the_number() {
    for number in [
        "穗府办 [2021] 5 号",
        "穗府办[2021] 5号",
        "穗府办 [ 2021 ] 5号",
        "穗府办 (2021) 5 号",
    ] {
        let text = format!(
            "某市人民政府办公厅关于印发某某措施的通知\n\n{number}\n\n各区人民政府，市政府各部门：\n\n\
             现印发给你们，请认真贯彻执行。\n\n某市人民政府办公厅\n\n2021年3月5日\n"
        );
        let doc = parse_text(&text);
        let n = round_trips(&doc);
        let d = n
            .doc_number
            .as_ref()
            .unwrap_or_else(|| panic!("{number}: no number"));
        assert_eq!(d.raw, "穗府办〔2021〕5号", "{number}");
        assert_eq!((d.year, d.serial), (Some(2021), Some(5)), "{number}");
        assert_eq!(n.addressees, ["各区人民政府", "市政府各部门"], "{number}");
        assert_eq!(n.body, ["现印发给你们，请认真贯彻执行。"], "{number}");
    }
}

#[test]
fn a_forwarded_documents_signature_and_date_close_its_part() {
    let text = "某县人民政府办公室转发市人民政府办公室关于做好人居环境整治工作的通知\n\n某府办发〔2023〕20号\n\n\
        各乡镇人民政府：\n\n现将《某市人民政府办公室关于做好人居环境整治工作的通知》转发给你们，请认真贯彻执行。\n\n\
        某县人民政府办公室\n\n2023年5月12日\n\n某市人民政府办公室关于做好人居环境整治工作的通知\n\n\
        一、推进厕所革命\n\n新改建户厕1万户。\n\n二、治理生活垃圾\n\n健全收运处置体系。\n\n\
        某市人民政府办公室\n\n2023年5月8日\n";
    let doc = parse_text(text);
    round_trips(&doc);
    let forwarded = doc.parts.last().expect("the forwarded notice");
    assert_eq!(forwarded.closing, ["某市人民政府办公室", "2023年5月8日"]);
    let last = forwarded.sections.last().expect("sections");
    assert_eq!(last.paragraphs, ["健全收运处置体系。"]);
    assert_eq!(doc.notice.date.as_deref(), Some("2023-05-12"));
    // The text writer prints the sign-off after the sections, where it stood.
    assert!(
        gongwen_emit::text::to_text(&doc)
            .ends_with("健全收运处置体系。\n某市人民政府办公室\n2023年5月8日\n")
    );
}

#[test]
fn a_note_under_the_date_in_any_brackets_or_none_is_the_note() {
    let letter = "某某市人民政府办公厅关于印发某某预案的通知\n某府办发〔2022〕31号\n\
        各区县（自治县）人民政府，市政府有关部门：\n《某某市地震应急预案》已经市政府同意，现印发给你们。\n\
        某某市人民政府办公厅\n2022年4月29日\n";
    for (line, note) in [
        ("〔此件主动公开〕", "此件主动公开"),
        ("【此件公开发布】", "此件公开发布"),
        ("[此件公开发布]", "此件公开发布"),
        ("［此件不予公开］", "此件不予公开"),
        ("〈此件公开发布〉", "此件公开发布"),
        ("此件公开发布", "此件公开发布"),
        ("本文有删减", "本文有删减"),
        ("（此件依申请公开）", "此件依申请公开"),
    ] {
        let doc = parse_text(&format!("{letter}{line}\n"));
        let notice = round_trips(&doc);
        assert_eq!(notice.note.as_deref(), Some(note), "{line}");
        assert!(doc.parts.is_empty(), "{line}: {:?}", doc.parts);
    }
    // Other lines under the date are what the letter transmits, bracketed or not: a bare title
    // that names 公开 among its words, or a bracketed line that says no note's words.
    for line in ["关于推进政务公开工作的意见", "【关于某某事项的说明】"] {
        let doc = parse_text(&format!("{letter}{line}\n正文。\n"));
        assert_eq!(doc.notice.note, None, "{line}");
        assert_eq!(
            gongwen_tests::part_heads(&doc),
            [(gongwen_parse::PartKind::Enclosure, None, Some(line))]
        );
    }
}

#[test]
fn a_head_without_wenjian_above_a_title_that_names_the_issuer_is_not_in_the_title() {
    // 信函格式: the 发文机关标志 is the organ's name alone, and the title names it again.
    let text = "某某市人民政府\n某政〔2024〕9号\n某某市人民政府关于申请设立某某物流园区的请示\n省人民政府：\n我市拟申请设立某某物流园区。\n妥否，请批示。\n某某市人民政府\n2024年2月28日\n";
    for text in [text.to_string(), text.replace("某政〔2024〕9号\n", "")] {
        let n = round_trips(&parse_text(&text));
        assert_eq!(
            n.title.as_deref(),
            Some("某某市人民政府关于申请设立某某物流园区的请示"),
            "{text}"
        );
        assert_eq!(n.issuer.as_deref(), Some("某某市人民政府"));
        assert_eq!(n.addressees, ["省人民政府"]);
    }
    // Joint issuers one a line above a title that names them both.
    let joint = "某某市交通运输局\n某某市财政局\n某某市交通运输局、某某市财政局关于做好道路养护工作的通知\n各区县交通运输局、财政局：\n现将有关事项通知如下。\n某某市交通运输局　　某某市财政局\n2024年3月1日\n";
    let n = round_trips(&parse_text(joint));
    assert_eq!(
        n.title.as_deref(),
        Some("某某市交通运输局、某某市财政局关于做好道路养护工作的通知")
    );
    assert_eq!(n.issuer.as_deref(), Some("某某市交通运输局、某某市财政局"));
}

#[test]
fn a_joint_letterhead_with_wenjian_once_or_after_each_organ_is_no_title() {
    let tail = "某发改发〔2024〕40号\n某某市发展和改革委员会、某某市财政局关于做好项目保障工作的通知\n各区县发展改革委、财政局：\n现将有关事项通知如下。\n某某市发展和改革委员会　　某某市财政局\n2024年5月10日\n";
    for head in [
        "某某市发展和改革委员会\n某某市财政局\n文件\n",
        "某某市发展和改革委员会文件\n某某市财政局文件\n",
    ] {
        let n = parse_text(&format!("{head}{tail}")).notice;
        assert_eq!(
            n.title.as_deref(),
            Some("某某市发展和改革委员会、某某市财政局关于做好项目保障工作的通知"),
            "{head}"
        );
        assert_eq!(
            n.issuer.as_deref(),
            Some("某某市发展和改革委员会、某某市财政局")
        );
        assert_eq!(
            n.doc_number.as_ref().map(|d| d.raw.as_str()),
            Some("某发改发〔2024〕40号")
        );
    }
}

#[test]
fn a_seal_placeholder_between_the_organ_and_the_date_leaves_the_signature() {
    let text = "某某市人民政府关于表彰2022年度优秀企业的决定\n\n某府发〔2023〕1号\n\n各区县人民政府：\n\n\
        市政府决定，对某某公司等50家企业予以表彰。\n\n某某市人民政府\n\n（盖章）\n\n2023年1月5日\n\n（此件公开发布）\n";
    let doc = parse_text(text);
    let n = round_trips(&doc);
    assert_eq!(n.signature.as_deref(), Some("某某市人民政府"));
    assert_eq!(n.date.as_deref(), Some("2023-01-05"));
    assert_eq!(n.body, ["市政府决定，对某某公司等50家企业予以表彰。"]);
}

#[test]
fn addressees_broken_over_lines_are_read_whole() {
    // A 主送机关 list wrapped after a `，` (or a `、`), in a text and on a page of one paragraph a
    // line.
    let text = "某某市人民政府办公厅关于印发某某实施方案的通知\n某府办发〔2023〕12号\n各区人民政府，市政府各委、办、局，\n各市属机构：\n经市政府同意，现将《某某实施方案》印发给你们，请认真贯彻落实。\n某某市人民政府办公厅\n2023年9月8日\n";
    let want = ["各区人民政府", "市政府各委、办、局", "各市属机构"];
    let doc = parse_text(text);
    let n = round_trips(&doc);
    assert_eq!(n.addressees, want);
    assert_eq!(
        n.body,
        ["经市政府同意，现将《某某实施方案》印发给你们，请认真贯彻落实。"]
    );
    let three = text.replace("市政府各委、办、局，\n", "市政府各委、\n办、局，\n");
    assert_eq!(parse_text(&three).notice.addressees, want);
    let html = format!(
        "<html><body>{}</body></html>",
        text.lines()
            .map(|l| format!("<p>{l}</p>"))
            .collect::<String>()
    );
    let page = parse(html.as_bytes(), &Options::default()).expect("parses");
    assert_eq!(page.notice.addressees, want);
    // A sentence cut after a `，` above a line ending in `：` is no list of organs.
    let prose = text.replace(
        "各区人民政府，市政府各委、办、局，\n各市属机构：\n",
        "为加快推进某某工作，\n现通知如下：\n",
    );
    assert!(parse_text(&prose).notice.addressees.is_empty());
}

#[test]
fn joint_signatures_with_their_dates_side_by_side_are_read() {
    // Two organs sign, each date printed under its name: the dates run together on one line.
    let text = "某某省财政厅　　某某省教育厅\n关于印发《某某经费管理办法》的通知\n某财教发〔2022〕15号\n各市、州财政局、教育局：\n现将《某某经费管理办法》印发给你们，请遵照执行。\n附件：某某经费管理办法\n某某省财政厅                某某省教育厅\n2022年6月20日               2022年6月21日\n附件\n某某经费管理办法\n第一条  为规范经费管理，制定本办法。\n第二条  本办法自印发之日起施行。\n";
    let doc = parse_text(text);
    let n = &doc.notice;
    assert_eq!(n.signature.as_deref(), Some("某某省财政厅、某某省教育厅"));
    assert_eq!(n.date.as_deref(), Some("2022-06-21"));
    assert_eq!(n.body, ["现将《某某经费管理办法》印发给你们，请遵照执行。"]);
    assert_eq!(
        gongwen_tests::part_heads(&doc)
            .iter()
            .map(|h| h.2)
            .collect::<Vec<_>>(),
        [Some("某某经费管理办法")]
    );
}

#[test]
fn an_announcement_titled_under_its_number_has_that_title() {
    // `某某部公告` / `2024年第5号` / `某某部关于……的公告`: the first line is the 发文机关标志.
    let text = "中华人民共和国某某部公告\n2024年第5号\n某某部关于修订发布《某某管理办法》的公告\n为加强某某管理，现予发布，自2024年7月1日起施行。\n特此公告。\n某某部\n2024年3月12日\n";
    let doc = parse_text(text);
    let n = round_trips(&doc);
    assert_eq!(
        n.title.as_deref(),
        Some("某某部关于修订发布《某某管理办法》的公告")
    );
    assert_eq!(n.doc_number.map(|d| d.raw).as_deref(), Some("2024年第5号"));
    assert_eq!(n.issuer.as_deref(), Some("某某部"));
    assert_eq!(
        n.body,
        [
            "为加强某某管理，现予发布，自2024年7月1日起施行。",
            "特此公告。"
        ]
    );
    // An announcement with no title under its number keeps the head line as its title.
    let bare = parse_text(&text.replace("某某部关于修订发布《某某管理办法》的公告\n", ""));
    assert_eq!(
        bare.notice.title.as_deref(),
        Some("中华人民共和国某某部公告")
    );
}

#[test]
fn an_office_and_a_spaced_name_above_or_beside_the_date_is_the_signature() {
    let head = "某某省人民政府关于加强安全生产工作的决定\n各市州人民政府，省政府各部门：\n为加强安全生产工作，现作出如下决定。\n一、压实责任。各地要落实属地管理责任。\n二、强化监管。各地要建立常态化检查机制。\n";
    for (closing, signature) in [
        ("省长　王××\n2023年3月1日", "省长 王××"),
        ("省长  王某某  2023年3月1日", "省长 王某某"),
        ("代省长　王某某\n2023年3月1日", "代省长 王某某"),
        (
            "自治区主席　艾力·某某\n2023年3月1日",
            "自治区主席 艾力·某某",
        ),
        (
            "某某省人民政府\n省长：王××\n2023年3月1日",
            "某某省人民政府、省长：王××",
        ),
    ] {
        let doc = parse_text(&format!("{head}{closing}\n"));
        // (The organ and its head joined on one line are not read back as a signature.)
        let n = if closing.starts_with("某某省") {
            doc.notice.clone()
        } else {
            round_trips(&doc)
        };
        assert_eq!(n.signature.as_deref(), Some(signature), "{closing}");
        assert_eq!(n.date.as_deref(), Some("2023-03-01"), "{closing}");
        assert_eq!(
            n.body.last().map(String::as_str),
            Some("二、强化监管。各地要建立常态化检查机制。"),
            "{closing}"
        );
    }
    // A web page sets the name apart with no-break or full-width spaces.
    let page = "<html><body><div class=article><p>某某市人民政府令</p><p>第12号</p>\
        <p>《某某市养犬管理办法》已经2023年5月8日市政府第20次常务会议通过，现予公布，自2023年7月1日起施行。</p>\
        <p style=\"text-align:right\">市长&nbsp;&nbsp;王××</p><p style=\"text-align:right\">2023年5月16日</p>\
        </div></body></html>";
    let doc = parse(page.as_bytes(), &Options::default()).expect("parses");
    assert_eq!(doc.notice.signature.as_deref(), Some("市长 王××"));
    assert_eq!(doc.notice.date.as_deref(), Some("2023-05-16"));
    assert!(!doc.notice.body.iter().any(|p| p.contains("王××")));
    // A short line of the body that only happens to hold an office's name is no signature.
    for line in ["各区县长期坚持", "××", "组长：市长"] {
        let doc = parse_text(&format!("{head}{line}\n2023年3月1日\n"));
        assert_eq!(doc.notice.signature, None, "{line}");
        assert_eq!(
            doc.notice.body.last().map(String::as_str),
            Some(line),
            "{line}"
        );
    }
}

#[test]
fn an_order_whose_head_and_number_share_a_line_is_issued_by_the_heads_organ() {
    let text = "某某省人民政府令第436号\n\n《某某省企业投资项目管理办法》已经2024年3月5日省人民政府常务会议审议通过，现予公布，自2024年5月1日起施行。\n\n\
                省长　王某某\n2024年3月20日\n";
    let n = round_trips(&parse_text(text));
    assert_eq!(n.issuer.as_deref(), Some("某某省人民政府"));
    assert_eq!(n.signature.as_deref(), Some("省长 王某某"));
    assert_eq!(n.doc_number.and_then(|d| d.serial), Some(436));
}

#[test]
fn an_order_titled_above_its_head_has_the_number_under_the_head() {
    for (head, issuer, number) in [
        (
            "中华人民共和国国务院令\n第752号",
            "中华人民共和国国务院",
            752,
        ),
        ("某某省人民政府令\n第285号", "某某省人民政府", 285),
    ] {
        let text = format!(
            "某某危险化学品安全管理条例\n{head}\n《某某危险化学品安全管理条例》已经2022年3月1日常务会议通过，现予公布，自2022年5月1日起施行。\n总理  李某某\n2022年3月20日\n"
        );
        let doc = parse_text(&text);
        let n = round_trips(&doc);
        assert_eq!(n.title.as_deref(), Some("某某危险化学品安全管理条例"));
        assert_eq!(n.issuer.as_deref(), Some(issuer));
        let d = n.doc_number.expect("a number");
        assert_eq!((d.raw, d.serial), (format!("第{number}号"), Some(number)));
        assert_eq!(
            n.body,
            [
                "《某某危险化学品安全管理条例》已经2022年3月1日常务会议通过，现予公布，自2022年5月1日起施行。"
            ]
        );
        assert_eq!(n.signature.as_deref(), Some("总理 李某某"));
    }
    // On a web page, the title in the article above the head, or in the page's heading with
    // the regulation's text under the order.
    let article = "<p style=\"text-align:center\">中华人民共和国国务院令</p><p style=\"text-align:center\">第752号</p>\
        <p>《某某危险化学品安全管理条例》已经2022年3月1日国务院第168次常务会议通过，现予公布，自2022年5月1日起施行。</p>\
        <p style=\"text-align:right\">总理&nbsp;&nbsp;李某某</p><p style=\"text-align:right\">2022年3月20日</p>\
        <p style=\"text-align:center\">某某危险化学品安全管理条例</p><p>第一条 为了加强危险化学品的安全管理，制定本条例。</p>\
        <p>第二条 本条例自2022年5月1日起施行。</p>";
    for page in [
        format!(
            "<html><body><div id=content><p style=\"text-align:center\">某某危险化学品安全管理条例</p>{article}</div></body></html>"
        ),
        format!(
            "<html><body><h1>某某危险化学品安全管理条例</h1><div id=UCAP-CONTENT>{article}</div></body></html>"
        ),
    ] {
        let doc = parse(page.as_bytes(), &Options::default()).expect("parses");
        let n = &doc.notice;
        assert_eq!(
            n.title.as_deref(),
            Some("某某危险化学品安全管理条例"),
            "{page}"
        );
        assert_eq!(n.issuer.as_deref(), Some("中华人民共和国国务院"), "{page}");
        assert_eq!(
            n.doc_number.as_ref().map(|d| (d.raw.as_str(), d.serial)),
            Some(("第752号", Some(752))),
            "{page}"
        );
        assert!(
            !n.body
                .iter()
                .any(|p| p.contains("第752号") || p.ends_with('令')),
            "{page}"
        );
        assert_eq!(n.signature.as_deref(), Some("总理 李某某"), "{page}");
    }
    // An order headed first keeps its head line as its title, as before.
    let doc = parse_text(
        "某某省人民政府令\n第285号\n《某某省某某管理办法》已经省人民政府常务会议通过，现予公布。\n省长  王某某\n2023年4月20日\n",
    );
    assert_eq!(doc.notice.title.as_deref(), Some("某某省人民政府令"));
    assert_eq!(doc.notice.issuer.as_deref(), Some("某某省人民政府"));
}

#[test]
fn a_regulation_published_on_its_own_takes_its_order_from_the_line_under_its_title() {
    let body = "第一章　总则\n第一条　为了促进城市绿化事业发展，制定本办法。\n第二条　本办法自2022年2月1日起施行。\n";
    for (note, organ, number, serial, date) in [
        (
            "（2021年12月20日南京市人民政府令第340号公布）",
            "南京市人民政府",
            "南京市人民政府令第340号",
            340,
            "2021-12-20",
        ),
        (
            "（2004年6月29日国务院令第412号公布　根据2009年1月29日《国务院关于修改〈某某决定〉的决定》修订）",
            "国务院",
            "国务院令第412号",
            412,
            "2004-06-29",
        ),
        (
            "（经2019年4月3日某某省人民政府第30次常务会议通过，2019年4月14日某某省人民政府令第7号发布）",
            "某某省人民政府",
            "某某省人民政府令第7号",
            7,
            "2019-04-14",
        ),
    ] {
        let doc = parse_text(&format!("某某市城市绿化管理办法\n{note}\n{body}"));
        let n = round_trips(&doc);
        assert_eq!(n.title.as_deref(), Some("某某市城市绿化管理办法"), "{note}");
        assert_eq!(n.issuer.as_deref(), Some(organ), "{note}");
        let d = n.doc_number.expect("a number");
        assert_eq!((d.raw.as_str(), d.serial), (number, Some(serial)), "{note}");
        assert_eq!(n.date.as_deref(), Some(date), "{note}");
        // The articles are read as before.
        let sections: usize = doc.parts.iter().map(|p| p.sections.len()).sum();
        assert!(sections >= 1, "{note}");
    }
    // A bracketed line that names no order fills nothing.
    for note in [
        "（此件公开发布）",
        "（2021年12月20日公布）",
        "（2021年12月20日南京市人民政府令第340号）",
    ] {
        let doc = parse_text(&format!("某某市城市绿化管理办法\n{note}\n{body}"));
        assert_eq!(doc.notice.doc_number, None, "{note}");
        assert_eq!(doc.notice.date, None, "{note}");
    }
}

#[test]
fn a_number_printed_with_a_label_or_with_the_pages_byline_is_still_the_number() {
    // Web pages print the number under the title with its label, or with the byline or the date
    // on the same line; the addressees under it are read as under a bare number.
    let body = "各市人民政府，省政府各部门：\n为加快推进新型工业化，提出如下实施意见。\n一、推动制造业高端化发展\n某某省人民政府\n2023年5月12日\n";
    for line in [
        "某政发〔2023〕3号　　发布时间：2023-05-20",
        "某政发〔2023〕3号 2023年5月12日",
        "文号：某政发〔2023〕3号",
        "发文字号：某政发〔2023〕3号　来源：省政府办公厅",
        "发布时间：2023-05-20　文号：某政发〔2023〕3号",
        "来源：省政府办公厅　发文字号：某政发〔2023〕3号　字号：大 中 小",
    ] {
        let doc = parse_text(&format!(
            "某某省人民政府关于加快推进新型工业化的实施意见\n{line}\n{body}"
        ));
        let n = round_trips(&doc);
        let number = n.doc_number.as_ref().map(|d| d.raw.as_str());
        assert_eq!(number, Some("某政发〔2023〕3号"), "{line}");
        assert_eq!(n.addressees, ["各市人民政府", "省政府各部门"], "{line}");
        assert!(
            !all_paragraphs(&doc).iter().any(|p| p.contains("某政发")),
            "{line}"
        );
    }
    // A sentence that cites a number is no number line.
    let doc = parse_text(&format!(
        "某某省人民政府关于加快推进新型工业化的实施意见\n某政发〔2023〕3号文件精神如下\n{body}"
    ));
    assert_eq!(doc.notice.doc_number, None);
}

#[test]
fn a_joint_notices_line_of_several_numbers_gives_the_first_and_the_addressees_under_it() {
    // Joint issuers may each print their number on the one line, set apart by spaces or `、`.
    let body = "各省、自治区、直辖市分行；各证监局：\n为做好金融支持工作，现就有关事项通知如下。\n一、加大支持力度\n甲银行　　乙监管局\n2023年6月16日\n";
    for line in [
        "银发〔2023〕97号　金发〔2023〕5号　证监发〔2023〕31号",
        "银发〔2023〕97号 金发〔2023〕5号",
        "银发〔2023〕97号、金发〔2023〕5号",
    ] {
        let doc = parse_text(&format!(
            "甲银行　乙监管局\n关于做好2023年金融支持工作的通知\n{line}\n{body}"
        ));
        let n = round_trips(&doc);
        let number = n.doc_number.as_ref().map(|d| d.raw.as_str());
        assert_eq!(number, Some("银发〔2023〕97号"), "{line}");
        assert_eq!(
            n.addressees,
            ["各省、自治区、直辖市分行", "各证监局"],
            "{line}"
        );
        assert!(
            !all_paragraphs(&doc).iter().any(|p| p.contains("金发")),
            "{line}"
        );
    }
    // A number followed by other text is no line of numbers.
    let doc = parse_text(&format!(
        "甲银行　乙监管局\n关于做好2023年金融支持工作的通知\n银发〔2023〕97号金发文件\n{body}"
    ));
    assert_eq!(doc.notice.doc_number, None);
}

#[test]
fn addressees_that_name_towns_streets_or_peoples_organisations_are_read() {
    // County and district notices go to towns and streets (`各镇（街道）`, `各乡镇、街道`) and
    // to people's organisations (`市妇联`), which end as no organ's name ends.
    let letter = |to: &str| {
        format!(
            "关于进一步加强农村留守儿童关爱保护工作的通知\n\n某民发〔2022〕30号\n\n{to}：\n　　为贯彻落实国家有关部署要求，现通知如下：\n一、摸清底数。\n某某县民政局\n2022年8月15日\n"
        )
    };
    for (to, want) in [
        (
            "各镇（街道），区直各部门",
            vec!["各镇（街道）", "区直各部门"],
        ),
        (
            "各乡镇、街道，县直各单位",
            vec!["各乡镇、街道", "县直各单位"],
        ),
        ("各县（市、区）", vec!["各县（市、区）"]),
        (
            "各市民政局、教育局、公安局、妇联",
            vec!["各市民政局、教育局、公安局、妇联"],
        ),
        ("团市委，市妇联，市科协", vec!["团市委", "市妇联", "市科协"]),
        // Development zones the same notice goes to as to the districts.
        (
            "各区县（自治县）、两江新区、西部科学城重庆高新区、万盛经开区",
            vec!["各区县（自治县）、两江新区、西部科学城重庆高新区、万盛经开区"],
        ),
        (
            "各县（区），某某经济技术开发区，某某工业园区",
            vec!["各县（区）", "某某经济技术开发区", "某某工业园区"],
        ),
        // A ministry's notice to fire and police corps, customs, universities and companies.
        (
            "各省、自治区、直辖市消防救援总队",
            vec!["各省、自治区、直辖市消防救援总队"],
        ),
        ("各直属海关，各支队", vec!["各直属海关", "各支队"]),
        // A township's notice to its villages and communities.
        ("各村（社区）", vec!["各村（社区）"]),
        (
            "各行政村，各社区居委会，镇属各单位",
            vec!["各行政村", "各社区居委会", "镇属各单位"],
        ),
        (
            "某某大学，某某集团有限公司",
            vec!["某某大学", "某某集团有限公司"],
        ),
    ] {
        let doc = parse_text(&letter(to));
        assert_eq!(round_trips(&doc).addressees, want, "{to}");
        assert!(
            !all_paragraphs(&doc).iter().any(|p| p.starts_with(want[0])),
            "{to}"
        );
    }
}

#[test]
fn a_title_broken_before_its_de_and_form_is_read_whole() {
    // The layout breaks the title before `的通知`: the first line ends as a title (`方案`) but
    // the second is the end of it, not the start of the body.
    let text = "某某市人民政府关于印发某某市加快推进海洋经济高质量发展三年行动方案\n的通知\n某府〔2023〕88号\n各区人民政府，市直各委、办、局：\n　　现将《某某市加快推进海洋经济高质量发展三年行动方案》印发给你们，请认真组织实施。\n某某市人民政府\n2023年4月25日\n";
    let n = round_trips(&parse_text(text));
    assert_eq!(
        n.title.as_deref(),
        Some("某某市人民政府关于印发某某市加快推进海洋经济高质量发展三年行动方案的通知")
    );
    let number = n.doc_number.as_ref().map(|d| d.raw.as_str());
    assert_eq!(number, Some("某府〔2023〕88号"));
    assert_eq!(n.addressees, ["各区人民政府", "市直各委、办、局"]);
}

#[test]
fn numbered_files_listed_as_attachments_keep_their_number_apart() {
    // A page lists its attachments as links to files, numbered: `附件：1.X.docx` / `2.Y.xlsx`.
    let text = "某某省人民政府办公厅关于做好2023年春节期间有关工作的通知\n某政办电〔2023〕1号\n各市人民政府，省政府各部门：\n现就有关工作通知如下：\n一、切实保障节日市场供应。\n附件：1.春节期间值班安排表.docx\n　　　2.重点保供企业名单.xlsx\n某某省人民政府办公厅\n2023年1月9日\n";
    let doc = parse_text(text);
    let listed = gongwen_tests::listed_attachments(&doc.notice);
    assert_eq!(
        listed,
        [
            (Some(1), "春节期间值班安排表"),
            (Some(2), "重点保供企业名单")
        ]
    );
    // A file whose name starts with a year's digits and a point keeps them.
    let doc = parse_text(&text.replace(
        "附件：1.春节期间值班安排表.docx\n　　　2.重点保供企业名单.xlsx",
        "附件：2023.xlsx",
    ));
    let titles = gongwen_tests::attachment_titles(&doc.notice);
    assert_eq!(titles, ["2023"]);
}

#[test]
fn a_title_line_that_opens_with_its_years_in_brackets_continues_the_title() {
    // `…发展规划` / `（2021—2025年）的通知`: the bracket is the plan's years, not a note.
    let text = "某某省人民政府关于印发某某省“十四五”数字经济发展规划\n（2021—2025年）的通知\n\n某政发〔2022〕7号\n\n各市、县人民政府，省政府各部门：\n　　现将《某某省“十四五”数字经济发展规划（2021—2025年）》印发给你们，请认真贯彻执行。\n\n某某省人民政府\n2022年2月10日\n";
    let n = round_trips(&parse_text(text));
    assert_eq!(
        n.title.as_deref(),
        Some("某某省人民政府关于印发某某省“十四五”数字经济发展规划（2021—2025年）的通知")
    );
    let number = n.doc_number.as_ref().map(|d| d.raw.as_str());
    assert_eq!(number, Some("某政发〔2022〕7号"));
    assert_eq!(n.addressees, ["各市、县人民政府", "省政府各部门"]);
}

#[test]
fn a_reply_to_a_deputy_or_member_is_addressed_to_them() {
    // The answers to 人大代表 建议 and 政协委员 提案 go to the person.
    for to in ["王某某委员", "李某某代表", "张某某等5位代表"] {
        let text = format!(
            "某某省交通运输厅关于对省政协十三届一次会议第0123号提案的答复函\n\n某交函〔2023〕156号\n\n{to}：\n　　您提出的《关于加快推进农村公路建设的提案》收悉。现答复如下：\n　　一、关于加大农村公路建设投入\n　　近年来，我厅积极争取资金支持。\n\n某某省交通运输厅\n2023年6月20日\n"
        );
        let doc = parse_text(&text);
        assert_eq!(round_trips(&doc).addressees, [to], "{to}");
    }
}

#[test]
fn an_enclosed_plans_years_under_its_title_are_part_of_the_title() {
    let text = |years: &str| {
        format!(
            "某某市人民政府办公室关于印发某某市城市更新行动方案的通知\n\n某府办发〔2023〕22号\n\n各区人民政府，市政府各部门：\n　　《某某市城市更新行动方案》已经市政府同意，现印发给你们，请认真组织实施。\n\n某某市人民政府办公室\n2023年3月1日\n\n某某市城市更新行动方案\n{years}\n\n　　一、总体要求\n　　到2025年，完成城镇老旧小区改造500个。\n"
        )
    };
    for years in ["（2023—2025年）", "（试行）", "（2023年修订）"] {
        let doc = parse_text(&text(years));
        let part = doc.parts.first().expect("the plan");
        assert_eq!(
            part.title.as_deref(),
            Some(format!("某某市城市更新行动方案{years}").as_str()),
            "{years}"
        );
        assert!(part.preamble.is_empty(), "{years}: {:?}", part.preamble);
        assert_eq!(part.sections.len(), 1, "{years}");
    }
    // A note under the title is not part of it.
    let doc = parse_text(&text("（此件公开发布）"));
    assert_eq!(
        doc.parts.first().and_then(|p| p.title.as_deref()),
        Some("某某市城市更新行动方案")
    );
}

#[test]
fn a_date_in_brackets_under_the_title_is_the_date_when_no_signature_dates_it() {
    // Party and government 意见 published in the press print their date under the title.
    let text = "中共某某省委　某某省人民政府\n关于全面推进乡村振兴加快农业农村现代化的实施意见\n（2021年3月15日）\n\n　　为深入贯彻落实党的十九届五中全会精神，现提出如下实施意见。\n　　一、总体要求\n　　（一）指导思想。\n";
    let doc = parse_text(text);
    assert_eq!(doc.notice.date.as_deref(), Some("2021-03-15"));
    assert_eq!(doc.notice.date_text.as_deref(), Some("2021年3月15日"));
    let n = round_trips(&doc);
    assert_eq!(n.date.as_deref(), Some("2021-03-15"));
    // A bracket that holds more than a date is not one.
    let doc = parse_text(&text.replace("（2021年3月15日）", "（2021年3月15日起施行）"));
    assert_eq!(doc.notice.date, None);
}

#[test]
fn a_sentence_that_names_members_before_its_colon_is_no_addressee() {
    let text = "某某市人民政府关于调整市政府组成人员的通知\n\n某府发〔2023〕2号\n\n决定增补以下同志为市政协委员：\n　　张某某、李某某。\n\n某某市人民政府\n2023年2月1日\n";
    let doc = parse_text(text);
    assert!(
        doc.notice.addressees.is_empty(),
        "{:?}",
        doc.notice.addressees
    );
}

#[test]
fn an_attachment_title_too_long_for_its_line_in_the_list_is_read_whole() {
    let text = "某某市人民政府办公室关于印发某某方案的通知\n某府办发〔2024〕15号\n各区人民政府，市政府各部门：\n\
                现将有关文件印发给你们，请认真贯彻执行。\n\
                附件：1．某某市推进新型城镇化建设实施方案\n      2．某某市推进新型城镇化建设重点任务\n         分工表\n\
                某某市人民政府办公室\n2024年5月6日\n\
                附件1\n某某市推进新型城镇化建设实施方案\n一、总体要求\n以人为本。\n\
                附件2\n某某市推进新型城镇化建设重点任务分工表\n序号\t重点任务\t牵头单位\n1\t推进市民化\t市公安局\n";
    let doc = parse_text(text);
    let n = round_trips(&doc);
    let titles: Vec<&str> = n.attachments.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "某某市推进新型城镇化建设实施方案",
            "某某市推进新型城镇化建设重点任务分工表"
        ]
    );
    assert!(
        !doc.diagnostics
            .iter()
            .any(|d| d.code == "attachment_title_mismatch"),
        "{:?}",
        doc.diagnostics
    );
    assert_eq!(n.signature.as_deref(), Some("某某市人民政府办公室"));
}

#[test]
fn a_copied_to_list_in_traditional_script_names_each_organ() {
    let text = "某縣人民政府辦公室\n某縣人民政府辦公室關於做好春耕工作的通知\n某縣府辦發〔2024〕5號\n各鄉鎮人民政府，縣級有關部門：\n現就有關事項通知如下。\n某縣人民政府辦公室\n2024年3月1日\n抄送：縣委辦公室、縣人大常委會辦公室。\n";
    let n = round_trips(&parse_text(text));
    assert_eq!(n.copied_to, ["縣委辦公室", "縣人大常委會辦公室"]);
}
