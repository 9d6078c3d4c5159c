//! A letter's head and sign-off in the forms tester O found read wrongly: a joint signature
//! sealed by one organ for all (`（市委办公室代章）`), a joint order (令) of two ministries, an
//! order titled above its head with a note of its version, an order signed with the office over
//! the name, 主送 lines naming the 新疆生产建设兵团 or a ministry beside a province, a 条例 of a
//! standing committee, a gov.cn page of a 国务院令, and a spaced two-character name in a list of
//! members.

use gongwen_parse::{Document, Options, PartKind, parse};

fn read(text: &str) -> Document {
    parse(text.as_bytes(), &Options::default()).expect("parses")
}

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

/// A joint notice of a city's Party and government offices, its signature block `signature`
/// (lines) over the date.
fn joint_notice(signature: &[&str]) -> String {
    let mut lines = vec![
        "中共某某市委办公室　某某市人民政府办公室关于做好2024年防汛救灾工作的通知",
        "",
        "某市办通〔2024〕21号",
        "",
        "各县（区）党委和人民政府，市直各单位：",
        "为切实做好今年防汛救灾工作，经市委、市政府同意，现将有关事项通知如下。",
        "一、压实工作责任",
        "各地要落实防汛责任制，主要负责同志要靠前指挥。",
        "二、强化值班值守",
        "各单位要严格执行24小时值班和领导带班制度。",
        "",
    ];
    lines.extend_from_slice(signature);
    lines.push("2024年5月20日");
    lines.join("\n")
}

const JOINT: &str = "中共某某市委办公室、某某市人民政府办公室";

fn assert_joint_signed(d: &Document, what: &str) {
    let n = &d.notice;
    assert_eq!(n.signature.as_deref(), Some(JOINT), "{what}");
    assert_eq!(n.date.as_deref(), Some("2024-05-20"), "{what}");
    assert_eq!(
        n.body.last().map(String::as_str),
        Some("各单位要严格执行24小时值班和领导带班制度。"),
        "{what}"
    );
    let body = d
        .parts
        .iter()
        .find(|p| p.kind == PartKind::Body)
        .expect("body part");
    let last = body.sections.last().expect("sections");
    assert_eq!(last.heading, "强化值班值守", "{what}");
    assert_eq!(
        last.paragraphs,
        ["各单位要严格执行24小时值班和领导带班制度。"],
        "{what}"
    );
}

#[test]
fn a_seal_one_organ_sets_for_a_joint_signature_is_no_text_of_the_letter() {
    for note in [
        "（市委办公室代章）",
        "（市委代章）",
        "（代章）",
        "(市政府办公室代章)",
    ] {
        let d = read(&joint_notice(&[
            "中共某某市委办公室　　　某某市人民政府办公室",
            note,
        ]));
        assert_joint_signed(&d, note);
    }
    // The organs one a line over the note.
    let d = read(&joint_notice(&[
        "中共某某市委办公室",
        "某某市人民政府办公室",
        "（市委办公室代章）",
    ]));
    assert_joint_signed(&d, "one a line");
    // As `（盖章）` was read already.
    let d = read(&joint_notice(&[
        "中共某某市委办公室　　　某某市人民政府办公室",
        "（盖章）",
    ]));
    assert_joint_signed(&d, "盖章");
}

#[test]
fn a_seal_note_of_a_joint_signature_on_a_web_page_is_no_text_either() {
    let html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>通知</title></head><body>\
        <div class=\"article\">\
        <p>中共某某县委办公室　某某县人民政府办公室关于开展秋冬季森林防火工作的通知</p>\
        <p>某办〔2024〕30号</p>\
        <p>各乡镇党委、政府，县直各单位：</p>\
        <p>经县委、县政府同意，决定在全县开展秋冬季森林防火工作。现将有关事项通知如下：</p>\
        <p>一、工作时间。2024年10月1日至12月31日。</p>\
        <p>二、重点任务。全面排查火灾隐患。</p>\
        <p style=\"text-align:right\">中共某某县委办公室　　某某县人民政府办公室</p>\
        <p style=\"text-align:right\">（县委办公室代章）</p>\
        <p style=\"text-align:right\">2024年9月20日</p>\
        </div></body></html>";
    let d = read(html);
    let n = &d.notice;
    assert_eq!(
        n.signature.as_deref(),
        Some("中共某某县委办公室、某某县人民政府办公室")
    );
    assert_eq!(n.date.as_deref(), Some("2024-09-20"));
    assert_eq!(
        n.body.last().map(String::as_str),
        Some("二、重点任务。全面排查火灾隐患。")
    );
}

/// An order's text: `head` (its lines over the number's), then the order's sentence, the
/// signature lines, the date and the regulation it makes.
fn order(head: &[&str], signature: &[&str]) -> String {
    let mut lines: Vec<&str> = head.to_vec();
    lines.extend_from_slice(&[
        "",
        "《某某物项进出口管理办法》已经2024年3月8日第5次部务会议审议通过，现予公布，自2024年6月1日起施行。",
        "",
    ]);
    lines.extend_from_slice(signature);
    lines.extend_from_slice(&[
        "",
        "2024年4月10日",
        "",
        "某某物项进出口管理办法",
        "",
        "第一条　为了规范某某物项进出口管理，制定本办法。",
        "第二条　本办法自2024年6月1日起施行。",
    ]);
    lines.join("\n")
}

const ORDER_SENTENCE: &str = "《某某物项进出口管理办法》已经2024年3月8日第5次部务会议审议通过，现予公布，自2024年6月1日起施行。";

#[test]
fn a_joint_order_names_both_issuers_its_number_and_both_signers() {
    // The organs one a line over `令`, the signers side by side on one line.
    let d = read(&order(
        &[
            "中华人民共和国商务部",
            "中华人民共和国海关总署",
            "令",
            "2024年第2号",
        ],
        &["商务部部长　王某某　　　　海关总署署长　李某某"],
    ));
    let n = &d.notice;
    assert_eq!(
        n.issuer.as_deref(),
        Some("中华人民共和国商务部、中华人民共和国海关总署")
    );
    assert_eq!(
        n.title.as_deref(),
        Some("中华人民共和国商务部、中华人民共和国海关总署令")
    );
    assert_eq!(
        n.doc_number.as_ref().map(|x| x.raw.as_str()),
        Some("2024年第2号")
    );
    assert_eq!(
        n.signature.as_deref(),
        Some("商务部部长 王某某、海关总署署长 李某某")
    );
    assert_eq!(n.date.as_deref(), Some("2024-04-10"));
    assert_eq!(n.body, [ORDER_SENTENCE]);

    // The organs set apart by a space on the head's line, the signers one a line.
    let d = read(&order(
        &[
            "中华人民共和国自然资源部　中华人民共和国农业农村部令",
            "",
            "第12号",
        ],
        &["自然资源部部长　王某某", "农业农村部部长　李某某"],
    ));
    let n = &d.notice;
    assert_eq!(
        n.issuer.as_deref(),
        Some("中华人民共和国自然资源部、中华人民共和国农业农村部")
    );
    assert_eq!(
        n.title.as_deref(),
        Some("中华人民共和国自然资源部、中华人民共和国农业农村部令")
    );
    let number = n.doc_number.as_ref().expect("number");
    assert_eq!((number.raw.as_str(), number.serial), ("第12号", Some(12)));
    assert_eq!(
        n.signature.as_deref(),
        Some("自然资源部部长 王某某、农业农村部部长 李某某")
    );
    assert_eq!(n.body, [ORDER_SENTENCE]);
    let part = &d.parts[0];
    assert_eq!(part.kind, PartKind::Enclosure);
    assert_eq!(part.title.as_deref(), Some("某某物项进出口管理办法"));
}

#[test]
fn an_order_signed_with_the_office_over_the_name_is_signed_by_them() {
    let d = read(&order(
        &["某某省人民政府令", "第132号"],
        &["代省长", "王某某"],
    ));
    let n = &d.notice;
    assert_eq!(n.issuer.as_deref(), Some("某某省人民政府"));
    assert_eq!(n.signature.as_deref(), Some("代省长 王某某"));
    assert_eq!(n.body, [ORDER_SENTENCE]);
    // The same on one line, as it was read.
    let d = read(&order(&["某某省人民政府令", "第132号"], &["省长　王某某"]));
    assert_eq!(d.notice.signature.as_deref(), Some("省长 王某某"));
    assert_eq!(d.notice.body, [ORDER_SENTENCE]);
}

/// A regulation titled above the order that makes it (`title` / `中华人民共和国国务院令` / `第N号`),
/// its text after the order's sign-off.
fn titled_order(title: &str) -> String {
    [
        title,
        "",
        "中华人民共和国国务院令",
        "",
        "第780号",
        "",
        "现公布修订后的本条例，自2024年5月1日起施行。",
        "",
        "总理　某某",
        "2024年3月10日",
        "",
        "第一章　总　　则",
        "",
        "第一条　为了规范某某工作，制定本条例。",
        "",
        "第二章　附　　则",
        "",
        "第二条　本条例自2024年5月1日起施行。",
    ]
    .join("\n")
}

#[test]
fn a_regulation_titled_above_its_order_keeps_a_note_of_its_version() {
    for title in [
        "某某动物疫情应急条例（2024年修订）",
        "某某事务管理条例（2023年修正）",
        "某某工作规定（试行）",
        "某某动物疫情应急条例",
    ] {
        let d = read(&titled_order(title));
        let n = &d.notice;
        assert_eq!(n.title.as_deref(), Some(title), "{title}");
        assert_eq!(n.issuer.as_deref(), Some("中华人民共和国国务院"), "{title}");
        let number = n.doc_number.as_ref().expect("number");
        assert_eq!(
            (number.raw.as_str(), number.agency.as_str()),
            ("第780号", "中华人民共和国国务院令"),
            "{title}"
        );
        // The regulation under the sign-off is the one the order is titled by.
        assert_eq!(d.parts.len(), 1, "{title}");
        assert_eq!(d.parts[0].kind, PartKind::Enclosure, "{title}");
        assert_eq!(d.parts[0].title.as_deref(), Some(title), "{title}");
        assert_eq!(d.parts[0].sections.len(), 2, "{title}");
    }
}

fn reply(addressees: &str) -> String {
    [
        "国务院关于同意在某某地区开展某某试点的批复",
        "",
        "国函〔2024〕30号",
        "",
        addressees,
        "你们关于在某某地区开展某某试点的请示收悉。现批复如下：",
        "一、同意在某某地区开展某某试点。",
        "二、有关方面要加强组织领导。",
        "",
        "国务院",
        "2024年3月1日",
        "（此件公开发布）",
    ]
    .join("\n")
}

#[test]
fn addressees_naming_the_bingtuan_or_a_ministry_beside_a_province_are_each_one() {
    let cases: [(&str, &[&str]); 5] = [
        (
            "新疆维吾尔自治区人民政府、新疆生产建设兵团：",
            &["新疆维吾尔自治区人民政府", "新疆生产建设兵团"],
        ),
        (
            "新疆维吾尔自治区人民政府、新疆生产建设兵团，商务部：",
            &["新疆维吾尔自治区人民政府", "新疆生产建设兵团", "商务部"],
        ),
        ("海南省人民政府、商务部：", &["海南省人民政府", "商务部"]),
        (
            "某某省人民政府、自然资源部：",
            &["某某省人民政府", "自然资源部"],
        ),
        // As it was read: a bureau named without its place is the rest of the name before it.
        (
            "两江新区社会发展局、卫生健康局：",
            &["两江新区社会发展局、卫生健康局"],
        ),
    ];
    for (line, want) in cases {
        let d = read(&reply(line));
        assert_eq!(d.notice.addressees, want, "{line}");
        assert_eq!(
            d.notice.body.first().map(String::as_str),
            Some("你们关于在某某地区开展某某试点的请示收悉。现批复如下："),
            "{line}"
        );
    }
}

#[test]
fn a_regulation_a_standing_committee_passed_is_issued_by_it() {
    let text = |note: &str| {
        [
            "某某自治区生活垃圾分类管理条例",
            "",
            note,
            "",
            "第一章　总　　则",
            "",
            "第一条　为了加强生活垃圾分类管理，制定本条例。",
            "",
            "第二章　附　　则",
            "",
            "第二条　本条例自2022年1月1日起施行。",
        ]
        .join("\n")
    };
    let cases = [
        (
            "（2021年9月28日某某自治区第十二届人民代表大会常务委员会第二十九次会议通过）",
            "某某自治区人民代表大会常务委员会",
            "2021-09-28",
        ),
        (
            "（2020年11月5日某某市第六届人民代表大会常务委员会第四十五次会议通过　根据2021年10月30日某某市第七届人民代表大会常务委员会第五次会议《关于修改〈某某条例〉等十四项法规的决定》修正）",
            "某某市人民代表大会常务委员会",
            "2020-11-05",
        ),
        (
            "（2023年1月12日某某省第十四届人民代表大会第一次会议通过）",
            "某某省人民代表大会",
            "2023-01-12",
        ),
    ];
    for (note, issuer, date) in cases {
        let d = read(&text(note));
        assert_eq!(d.notice.issuer.as_deref(), Some(issuer), "{note}");
        assert_eq!(d.notice.date.as_deref(), Some(date), "{note}");
    }
    // A government's rule names its issuer in the order it was made by, as it did.
    let d = read(&text(
        "（2022年11月15日某某市人民政府令第341号公布　自2023年1月1日起施行）",
    ));
    assert_eq!(d.notice.issuer.as_deref(), Some("某某市人民政府"));
}

fn govcn_order_page(issuer: &str, title: &str, number: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}_政府信息公开</title></head><body>\
         <div class=\"wrap\"><table class=\"bd1\"><tbody>\
         <tr><td><b>索 引 号：</b></td><td>000014349/2024-00010</td><td><b>主题分类：</b></td><td>综合政务</td></tr>\
         <tr><td><b>发文机关：</b></td><td>{issuer}</td><td><b>成文日期：</b></td><td>2024年03月10日</td></tr>\
         <tr><td><b>标　　题：</b></td><td colspan=\"3\">{title}</td></tr>\
         <tr><td><b>发文字号：</b></td><td>{number}</td><td><b>发布日期：</b></td><td>2024年03月15日</td></tr>\
         </tbody></table>\
         <table><tbody><tr><td class=\"b12c\" id=\"UCAP-CONTENT\">\
         <p style=\"text-align: center;\"><strong>中华人民共和国国务院令</strong></p>\
         <p style=\"text-align: center;\">第780号</p>\
         <p>《某某事务管理条例》已经2024年2月2日国务院第25次常务会议通过，现予公布，自2024年5月1日起施行。</p>\
         <p style=\"text-align: right;\">总理　某某</p>\
         <p style=\"text-align: right;\">2024年3月10日</p>\
         <p style=\"text-align: center;\"><strong>某某事务管理条例</strong></p>\
         <p style=\"text-align: center;\">第一章　总　　则</p>\
         <p>第一条　为了规范某某事务管理，制定本条例。</p>\
         <p style=\"text-align: center;\">第二章　附　　则</p>\
         <p>第二条　本条例自2024年5月1日起施行。</p>\
         </td></tr></tbody></table></div></body></html>"
    )
}

#[test]
fn a_govcn_page_of_an_order_names_its_number_organ_and_regulation_in_its_own_words() {
    let d = read(&govcn_order_page(
        "国务院",
        "某某事务管理条例",
        "国令第780号",
    ));
    assert_eq!(d.notice.title.as_deref(), Some("中华人民共和国国务院令"));
    assert_eq!(
        d.notice.doc_number.as_ref().map(|x| x.raw.as_str()),
        Some("第780号")
    );
    assert!(
        !codes(&d).contains(&"page_metadata_mismatch"),
        "{:?}",
        d.diagnostics
    );
    // A page that names another organ, number or document still disagrees.
    let d = read(&govcn_order_page(
        "国务院办公厅",
        "某某其他条例",
        "国令第781号",
    ));
    let mismatches: Vec<&str> = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "page_metadata_mismatch")
        .map(|x| x.message.as_str())
        .collect();
    assert_eq!(mismatches.len(), 3, "{mismatches:?}");
}

#[test]
fn a_spaced_two_character_name_stays_apart_from_the_post_after_it() {
    let text = [
        "国务院办公厅关于调整某某工作领导小组组成人员的通知",
        "",
        "国办函〔2024〕50号",
        "",
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
        "根据工作需要，国务院决定对某某工作领导小组组成人员进行调整。现将调整后的名单通知如下：",
        "组　长：张某某　国务院副总理",
        "成　员：王　霞　最高人民法院副院长",
        "　　　　李　强　某某部副部长",
        "",
        "国务院办公厅",
        "2024年5月4日",
    ]
    .join("\n");
    let d = read(&text);
    assert_eq!(
        d.notice.body[1..],
        [
            "组长：张某某 国务院副总理",
            "成员：王霞 最高人民法院副院长",
            "李强 某某部副部长",
        ]
    );
    // Letter spacing closes up as it did.
    assert_eq!(
        gongwen_parse::normalize::normalize_block("第一章　总　则"),
        "第一章总则"
    );
    assert_eq!(
        gongwen_parse::normalize::normalize_block("探索  数据  跨境  流动"),
        "探索数据跨境流动"
    );
}
