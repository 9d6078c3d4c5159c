//! The head, closing and 版记 of a notice in forms a tester's round found misread: closing
//! formulas of 函, 请示, 报告 and 通知 after the last numbered item, a 紧急程度 line above the
//! letterhead, small-form brackets in a 发文字号, joint issuers before 印发 without 关于, two
//! organs addressed by their short names, and the print run under the 版记.

use gongwen_parse::{Document, Section, parse_text};

/// The last section at the deepest level of the first part: where a stray closing lands.
fn last_leaf(doc: &Document) -> &Section {
    let mut s = doc.parts[0].sections.last().expect("a section");
    while let Some(c) = s.children.last() {
        s = c;
    }
    s
}

/// A 复函 with two numbered answers, closing with `closing`.
fn reply(closing: &str) -> String {
    format!(
        "自然资源部办公厅关于国土空间规划有关问题的复函\n自然资办函〔2023〕1234号\n浙江省自然资源厅：\n你厅来函收悉。经研究，现函复如下：\n一、关于城镇开发边界调整。城镇开发边界原则上不得调整。\n二、关于永久基本农田占用。应当按照有关规定严格论证。\n{closing}\n自然资源部办公厅\n2023年6月20日\n"
    )
}

#[test]
fn the_set_closings_of_letters_requests_and_reports_are_the_letters_own() {
    for closing in [
        "专此函复。",
        "专此函商。",
        "以上请示妥否，请批示。",
        "以上请示当否，请批复。",
        "特此请示，请予批准。",
        "特此函询，请予支持。",
        "请研究函复。",
        "以上意见如无不妥，请批转各地区、各部门执行。",
        "请遵照执行。",
        "以上通知，请遵照执行。",
    ] {
        let doc = parse_text(&reply(closing));
        assert_eq!(doc.parts[0].closing, vec![closing.to_string()], "{closing}");
        assert!(
            !last_leaf(&doc).paragraphs.iter().any(|p| p == closing),
            "{closing}"
        );
    }
}

/// A 通知 with two levels of items, closing with the lines of `tail`.
fn notice(tail: &str) -> String {
    format!(
        "某省人民政府办公厅关于加强财源建设的通知\n某政办发〔2023〕3号\n各市人民政府，省政府各部门：\n现就有关事项通知如下。\n一、明确目标\n到2025年，财源结构持续优化。\n二、强化措施\n（一）完善奖补政策。出台财源建设奖补办法。\n（二）加强监测。建立监测制度。\n{tail}\n某省人民政府办公厅\n2023年5月9日\n"
    )
}

#[test]
fn the_closing_sentences_of_a_notice_or_its_measures_are_its_closing() {
    for tail in [
        "本通知由省财政厅负责解释。",
        "此前规定与本通知不一致的，以本通知为准。",
        "以上措施自印发之日起施行，有效期至2025年12月31日。",
        "上述政策自2024年1月1日起施行。",
        "本通知自印发之日起施行。\n此前我省出台的相关规定与本通知不一致的，以本通知为准。\n本通知由省财政厅负责解释。",
    ] {
        let doc = parse_text(&notice(tail));
        let lines: Vec<String> = tail.lines().map(String::from).collect();
        assert_eq!(doc.parts[0].closing, lines, "{tail}");
        assert_eq!(last_leaf(&doc).paragraphs, ["建立监测制度。"], "{tail}");
    }
}

#[test]
fn the_closing_sentences_of_a_bare_last_article_stay_its_text() {
    // `二、附则` holds its entry into force and who interprets the rules: no closing of the
    // letter's, however many such lines it has.
    let text = "某省财政厅关于印发某某资金管理办法的通知\n某财发〔2023〕3号\n各市财政局：\n现将办法印发给你们。\n一、资金用途\n资金用于支持企业发展。\n二、附则\n本办法自印发之日起施行。\n本办法由省财政厅负责解释。\n某省财政厅\n2023年5月9日\n";
    let doc = parse_text(text);
    assert!(
        doc.parts[0].closing.is_empty(),
        "{:?}",
        doc.parts[0].closing
    );
    assert_eq!(
        last_leaf(&doc).paragraphs,
        ["本办法自印发之日起施行。", "本办法由省财政厅负责解释。"]
    );
    // Sentences that only look like them stay the item's.
    for tail in [
        "请遵照执行有关规定，及时报送数据。",
        "此前规定与本通知不一致的，以本通知为准。同时废止原办法。",
        "本通知由省财政厅负责解释和监督执行，各地要抓好落实，确保政策落地见效，不得打折扣。",
        "以上数据请及时报送。",
    ] {
        let doc = parse_text(&notice(tail));
        assert!(doc.parts[0].closing.is_empty(), "{tail}");
        assert_eq!(
            last_leaf(&doc).paragraphs,
            ["建立监测制度。", tail],
            "{tail}"
        );
    }
}

/// An urgent notice under its 发文机关标志, with `marks` above it, one a line.
fn urgent(marks: &str) -> String {
    format!(
        "{marks}\n广西壮族自治区人民政府办公厅文件\n桂政办电〔2024〕56号\n广西壮族自治区人民政府办公厅\n关于切实做好强降雨防范应对工作的紧急通知\n各市、县人民政府，自治区人民政府各组成部门、各直属机构：\n现就有关事项紧急通知如下：\n一、压紧压实防汛责任。各级防汛责任人要立即上岗到位。\n广西壮族自治区人民政府办公厅\n2024年6月12日\n"
    )
}

#[test]
fn the_copy_number_secrecy_and_urgency_above_the_letterhead_are_no_issuers() {
    for marks in [
        "特急",
        "加急",
        "平急",
        "特急·明电",
        "加急·明电",
        "特急　明电",
        "000123\n机密★1年\n特急",
        "000123\n\n秘密\n\n加急",
        "机密★1年　特急",
        "绝密★长期",
    ] {
        let doc = parse_text(&urgent(marks));
        let n = &doc.notice;
        assert_eq!(
            n.issuer.as_deref(),
            Some("广西壮族自治区人民政府办公厅"),
            "{marks}"
        );
        assert_eq!(
            n.title.as_deref(),
            Some("广西壮族自治区人民政府办公厅关于切实做好强降雨防范应对工作的紧急通知"),
            "{marks}"
        );
        assert_eq!(
            n.doc_number.as_ref().map(|d| d.raw.as_str()),
            Some("桂政办电〔2024〕56号"),
            "{marks}"
        );
        assert_eq!(n.addressees.len(), 2, "{marks}: {:?}", n.addressees);
    }
}

#[test]
fn a_title_that_opens_with_a_secrecy_word_stays_the_title() {
    let text = "某省国家保密局\n机密文件管理办法的通知\n各市保密局：\n现将办法印发给你们。\n某省国家保密局\n2024年6月12日\n";
    let doc = parse_text(text);
    assert!(
        doc.notice
            .title
            .as_deref()
            .is_some_and(|t| t.contains("机密文件管理办法的通知")),
        "{:?}",
        doc.notice.title
    );
}

#[test]
fn a_number_in_small_white_or_vertical_brackets_is_read() {
    for (open, close) in [('﹝', '﹞'), ('〖', '〗'), ('︹', '︺')] {
        let text = format!(
            "山西省人民政府关于加强安全生产工作的通知\n晋政发{open}2023{close}5号\n各市人民政府，省人民政府各委、厅，各直属机构：\n现就有关事项通知如下。\n一、压实责任。各级要落实责任。\n按照晋政发{open}2022{close}3号文件执行。\n山西省人民政府\n2023年3月1日\n"
        );
        let doc = parse_text(&text);
        let n = doc.notice.doc_number.as_ref().expect("a number");
        assert_eq!(
            (n.raw.as_str(), n.agency.as_str(), n.year, n.serial),
            ("晋政发〔2023〕5号", "晋政发", Some(2023), Some(5)),
            "{open}"
        );
        assert_eq!(
            doc.notice.addressees,
            ["各市人民政府", "省人民政府各委、厅", "各直属机构"],
            "{open}"
        );
        assert_eq!(doc.notice.body[0], "现就有关事项通知如下。", "{open}");
        assert_eq!(
            doc.notice.body[2], "按照晋政发〔2022〕3号文件执行。",
            "{open}"
        );
    }
    // A year in those brackets that numbers nothing stays as printed.
    let doc =
        parse_text("关于做好﹝2023﹞年度工作的通知\n各市人民政府：\n现就有关事项通知如下。\n");
    assert_eq!(
        doc.notice.title.as_deref(),
        Some("关于做好﹝2023﹞年度工作的通知")
    );
}

#[test]
fn joint_issuers_spaced_before_yinfa_without_guanyu_are_named_apart() {
    for (line, issuer) in [
        (
            "中共广东省委办公厅　广东省人民政府办公厅印发《关于推进乡村振兴战略实施的若干措施》的通知",
            "中共广东省委办公厅、广东省人民政府办公厅",
        ),
        (
            "中共中央办公厅　国务院办公厅转发《某某部关于某某工作的意见》的通知",
            "中共中央办公厅、国务院办公厅",
        ),
        // One organ, or a name spaced by its layout, is no pair of issuers.
        (
            "某某市人民政府办公室印发《某某办法》的通知",
            "某某市人民政府办公室",
        ),
        (
            "某某市　人民政府办公室印发《某某办法》的通知",
            "某某市人民政府办公室",
        ),
    ] {
        let text = format!(
            "{line}\n粤委办发〔2023〕12号\n各地级以上市党委和人民政府：\n现印发给你们，请认真贯彻落实。\n"
        );
        let doc = parse_text(&text);
        assert_eq!(doc.notice.issuer.as_deref(), Some(issuer), "{line}");
        let title = doc.notice.title.as_deref().unwrap_or_default();
        let verb = line.find("印发").or_else(|| line.find("转发")).unwrap();
        assert_eq!(title, format!("{issuer}{}", &line[verb..]), "{line}");
    }
}

#[test]
fn a_party_committee_and_a_government_by_short_name_are_two_addressees() {
    for (line, expected) in [
        ("省委、省政府：", vec!["省委", "省政府"]),
        ("市委、市政府：", vec!["市委", "市政府"]),
        ("县委、县政府：", vec!["县委", "县政府"]),
        // A list that shares one head stays whole.
        ("省委、省政府各部门：", vec!["省委、省政府各部门"]),
        (
            "各省、自治区、直辖市人民政府：",
            vec!["各省、自治区、直辖市人民政府"],
        ),
    ] {
        let text = format!(
            "湖南省发展和改革委员会关于2023年全省经济运行情况的报告\n湘发改报〔2024〕3号\n{line}\n现将有关情况报告如下。\n湖南省发展和改革委员会\n2024年1月20日\n"
        );
        let doc = parse_text(&text);
        assert_eq!(doc.notice.addressees, expected, "{line}");
    }
}

#[test]
fn the_print_run_under_the_colophon_is_no_enclosure() {
    for run in [
        "（共印120份）",
        "共印120份",
        "（共印 80 份）",
        "（共印二百份）",
    ] {
        let text = format!(
            "某某市人民政府关于调整市政府领导同志工作分工的通知\n某政发〔2023〕8号\n各区人民政府，市政府各部门：\n现将调整后的分工通知如下。\n一、市长某某某负责市政府全面工作。\n二、副市长李某某负责发展改革、财政等方面工作。\n某某市人民政府\n2023年5月9日\n（此件不公开）\n抄送：市委各部门，市人大常委会办公室，\n　　　市纪委监委，市法院。\n某某市人民政府办公室　　　　　　　2023年5月10日印发\n{run}\n"
        );
        let doc = parse_text(&text);
        assert_eq!(doc.parts.len(), 1, "{run}: {:?}", doc.parts.last());
        assert_eq!(
            doc.notice.printed_on.as_deref(),
            Some("2023-05-10"),
            "{run}"
        );
        assert_eq!(doc.notice.copied_to.len(), 4, "{run}");
    }
    // A sentence about copies printed is no print run.
    let text = "某某市统计局关于印发统计手册的通知\n某统发〔2023〕8号\n各区统计局：\n现将手册印发给你们。\n一、手册分发\n本手册共印120份，按名单分发。\n某某市统计局\n2023年5月9日\n";
    let doc = parse_text(text);
    assert_eq!(
        doc.parts[0].sections[0].paragraphs,
        ["本手册共印120份，按名单分发。"]
    );
}

/// An 意见 whose last measure is `last`, then the lines of `tail`.
fn opinion(last: &str, tail: &str) -> String {
    format!(
        "国务院办公厅关于进一步优化营商环境的意见\n国办发〔2022〕30号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n为降低制度性交易成本，现提出以下意见。\n一、破除隐性门槛\n（一）全面实施市场准入负面清单管理。健全动态调整机制。（牵头单位：国家发展改革委）\n{last}\n{tail}\n国务院办公厅\n2022年9月7日\n"
    )
}

#[test]
fn the_charge_to_all_recipients_after_the_last_measure_is_the_closing() {
    let charge = "各地区、各部门要认真贯彻落实党中央、国务院决策部署，结合实际抓好本意见贯彻落实。";
    let last = "（二）着力优化工业产品管理制度。规范实施生产许可证制度。（市场监管总局牵头）";
    let doc = parse_text(&opinion(last, charge));
    assert_eq!(doc.parts[0].closing, [charge]);
    assert_eq!(
        last_leaf(&doc).paragraphs,
        ["规范实施生产许可证制度。（市场监管总局牵头）"]
    );
    // After the unnumbered text of the last section, it may be that section's own.
    let section = "（二）组织实施\n加强组织领导，健全工作机制。";
    let doc = parse_text(&opinion(section, charge));
    assert!(
        doc.parts[0].closing.is_empty(),
        "{:?}",
        doc.parts[0].closing
    );
    assert_eq!(
        last_leaf(&doc).paragraphs,
        ["加强组织领导，健全工作机制。", charge]
    );
    // A charge that does not name the document is the measure's text.
    let other = "各地区、各部门要加强统筹协调，形成工作合力。";
    let doc = parse_text(&opinion(last, other));
    assert!(
        doc.parts[0].closing.is_empty(),
        "{:?}",
        doc.parts[0].closing
    );
}

#[test]
fn a_gonggao_or_tonggao_head_names_the_issuer_without_its_form() {
    let body = "为保障重大活动顺利举行，现通告如下：\n一、2024年5月1日起，某某区域实施交通管制。\n二、违反本通告的，依法处理。\n成都市人民政府\n2024年4月20日\n";
    for (head, number, title, issuer, agency, serial) in [
        (
            "成都市人民政府通告",
            "〔2024〕第1号",
            "关于某某区域实施交通管制的通告",
            "成都市人民政府",
            "",
            1,
        ),
        (
            "国家市场监督管理总局公告",
            "2024年第5号",
            "关于发布某某标准的公告",
            "国家市场监督管理总局",
            "",
            5,
        ),
        (
            "成都市人民政府通告",
            "（2024年第1号）",
            "关于某某区域实施交通管制的通告",
            "成都市人民政府",
            "",
            1,
        ),
    ] {
        let doc = parse_text(&format!("{head}\n{number}\n{title}\n{body}"));
        let n = &doc.notice;
        assert_eq!(n.issuer.as_deref(), Some(issuer), "{head} {number}");
        assert_eq!(n.title.as_deref(), Some(title), "{head} {number}");
        let d = n.doc_number.as_ref().expect("a number");
        assert_eq!(
            (d.agency.as_str(), d.year, d.serial),
            (agency, Some(2024), Some(serial))
        );
    }
}

#[test]
fn an_order_number_in_brackets_under_the_head_is_read() {
    let text = "浙江省人民政府令\n（第389号）\n《浙江省公共数据条例实施办法》已经省人民政府第5次常务会议审议通过，现予公布，自2023年1月1日起施行。\n省长　王浩\n2022年11月28日\n";
    let doc = parse_text(text);
    let d = doc.notice.doc_number.as_ref().expect("a number");
    assert_eq!(
        (d.raw.as_str(), d.agency.as_str(), d.serial),
        ("第389号", "浙江省人民政府令", Some(389))
    );
    assert_eq!(doc.notice.title.as_deref(), Some("浙江省人民政府令"));
    // A bracketed line under a title that is no number stays where it was.
    let doc = parse_text(
        "某某市人民政府关于某某工作的通知\n（2024年修订）\n各区人民政府：\n现通知如下。\n",
    );
    assert!(doc.notice.doc_number.is_none());
}

#[test]
fn a_joint_gonggao_number_is_read() {
    let text = "财政部　税务总局关于延续实施个人所得税优惠政策的公告\n财政部　税务总局公告2023年第2号\n为支持小微企业发展，现将有关政策公告如下：\n一、对个体工商户减半征收个人所得税。\n二、本公告执行至2027年12月31日。\n财政部　税务总局\n2023年8月1日\n";
    let doc = parse_text(text);
    let d = doc.notice.doc_number.as_ref().expect("a number");
    assert_eq!(
        (d.agency.as_str(), d.year, d.serial),
        ("财政部 税务总局公告", Some(2023), Some(2))
    );
    assert_eq!(
        doc.parts[0].preamble,
        ["为支持小微企业发展，现将有关政策公告如下："]
    );
}

#[test]
fn a_joint_letterhead_names_its_organs_once() {
    let tail = "\n各市州、县市区党委和人民政府，省委各部委：\n现提出如下意见。\n一、健全体制。加强党的领导。\n中共湖南省委办公厅\n湖南省人民政府办公厅\n2023年3月1日\n";
    for (head, issuer, title) in [
        (
            "中共湖南省委办公厅\n湖南省人民政府办公厅\n湘办发〔2023〕5号\n中共湖南省委办公厅　湖南省人民政府办公厅\n关于进一步加强基层治理的意见",
            "中共湖南省委办公厅、湖南省人民政府办公厅",
            "中共湖南省委办公厅、湖南省人民政府办公厅关于进一步加强基层治理的意见",
        ),
        (
            "湖南省教育厅\n湖南省财政厅　文件\n湘教发〔2023〕15号\n湖南省教育厅　湖南省财政厅\n关于做好2023年学生资助工作的通知",
            "湖南省教育厅、湖南省财政厅",
            "湖南省教育厅、湖南省财政厅关于做好2023年学生资助工作的通知",
        ),
    ] {
        let doc = parse_text(&format!("{head}{tail}"));
        assert_eq!(doc.notice.issuer.as_deref(), Some(issuer), "{head}");
        assert_eq!(doc.notice.title.as_deref(), Some(title), "{head}");
        assert_eq!(doc.notice.addressees.len(), 2, "{head}");
    }
}

#[test]
fn a_title_broken_after_the_name_it_issues_runs_on_to_its_notice() {
    let tail = "\n市政发〔2023〕5号\n各区、县人民政府，市人民政府各工作部门：\n现将方案印发给你们，请认真贯彻执行。\n西安市人民政府\n2023年5月9日\n";
    for (first, second) in [
        ("关于印发西安市国土空间总体规划", "实施方案的通知"),
        ("关于印发西安市优化营商环境办法", "实施细则的通知"),
        ("关于转发省政府某某管理办法", "实施意见的通知"),
    ] {
        let doc = parse_text(&format!("西安市人民政府\n{first}\n{second}{tail}"));
        assert_eq!(
            doc.notice.title.as_deref(),
            Some(format!("西安市人民政府{first}{second}").as_str())
        );
        assert_eq!(
            doc.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
            Some("市政发〔2023〕5号")
        );
        assert_eq!(doc.notice.addressees.len(), 2);
    }
    // A complete title keeps the line under it apart.
    let doc = parse_text(&format!(
        "西安市人民政府\n关于印发某某办法的通知\n实施细则的通知{tail}"
    ));
    assert_eq!(
        doc.notice.title.as_deref(),
        Some("西安市人民政府关于印发某某办法的通知")
    );
}

#[test]
fn a_decision_is_dated_by_the_meeting_that_adopted_it() {
    let body = "\n为了加强经济工作监督，结合本省实际，作如下决定：\n一、省人民代表大会常务委员会依法实施监督。\n二、本决定自公布之日起施行。\n";
    for (line, date) in [
        (
            "（2023年11月30日某某省第十四届人民代表大会常务委员会第六次会议通过）",
            Some(("2023-11-30", "2023年11月30日")),
        ),
        (
            "（2009年1月18日江苏省第十一届人民代表大会常务委员会第七次会议通过　根据2012年3月1日江苏省第十一届人民代表大会常务委员会第二十七次会议修正）",
            Some(("2009-01-18", "2009年1月18日")),
        ),
        // A bracketed line that names no adopting meeting dates nothing.
        ("（2023年11月30日起试行）", None),
        ("（2023年2月30日某某会议通过）", None),
    ] {
        let doc = parse_text(&format!(
            "某某省人民代表大会常务委员会关于加强经济工作监督的决定\n{line}{body}"
        ));
        let got = doc
            .notice
            .date
            .as_deref()
            .zip(doc.notice.date_text.as_deref());
        assert_eq!(got, date, "{line}");
    }
}

/// The head and letter of a notice whose attachment list the tests below vary.
const LETTER_HEAD: &str = "宁夏回族自治区人民政府办公厅关于印发自治区2024年为民办实事项目的通知\n宁政办发〔2024〕5号\n各市、县（区）人民政府，自治区政府各部门：\n经自治区人民政府同意，现将有关文件印发给你们，请认真贯彻执行。\n";

#[test]
fn an_attachment_list_written_label_by_label_is_read() {
    let head = LETTER_HEAD;
    let tail = "宁夏回族自治区人民政府办公厅\n2024年2月5日\n附件1\n自治区2024年为民办实事项目\n一、新建城市社区嵌入式服务设施50个。\n附件2\n自治区2024年为民办实事项目责任分工\n一、民政厅负责社区服务设施建设。\n";
    for list in [
        "附件1：自治区2024年为民办实事项目\n附件2：自治区2024年为民办实事项目责任分工\n",
        "附件一：自治区2024年为民办实事项目\n附件二：自治区2024年为民办实事项目责任分工\n",
    ] {
        let doc = parse_text(&format!("{head}{list}{tail}"));
        let listed = listed(&doc);
        assert_eq!(
            listed,
            [
                (Some(1), "自治区2024年为民办实事项目"),
                (Some(2), "自治区2024年为民办实事项目责任分工")
            ],
            "{list}"
        );
        assert_eq!(doc.notice.body.len(), 1, "{:?}", doc.notice.body);
        assert!(
            !doc.diagnostics
                .iter()
                .any(|d| d.code.contains("attachment")),
            "{:?}",
            doc.diagnostics
        );
    }
    // Labelled lines the letter goes on after are its text, not its list.
    let doc = parse_text(&format!(
        "{head}附件1：自治区2024年为民办实事项目\n请各地对照落实。\n{tail}"
    ));
    assert!(
        doc.notice.attachments.is_empty(),
        "{:?}",
        doc.notice.attachments
    );
}

#[test]
fn an_attachment_list_numbered_as_an_outline_is_read() {
    let head = LETTER_HEAD;
    let tail = "宁夏回族自治区人民政府办公厅\n2024年2月5日\n附件一\n自治区2024年为民办实事项目\n一、新建城市社区嵌入式服务设施50个。\n附件二\n自治区2024年为民办实事项目分工\n一、民政厅负责社区服务设施建设。\n";
    for list in [
        "附件：一、自治区2024年为民办实事项目\n　　　二、自治区2024年为民办实事项目分工\n",
        "附件：（1）自治区2024年为民办实事项目\n　　　（2）自治区2024年为民办实事项目分工\n",
    ] {
        let doc = parse_text(&format!("{head}{list}{tail}"));
        let listed = listed(&doc);
        assert_eq!(
            listed,
            [
                (Some(1), "自治区2024年为民办实事项目"),
                (Some(2), "自治区2024年为民办实事项目分工")
            ],
            "{list}"
        );
        assert!(
            doc.parts
                .iter()
                .all(|p| p.kind != gongwen_parse::PartKind::Body),
            "{list}"
        );
        assert!(
            !doc.diagnostics
                .iter()
                .any(|d| d.code.contains("attachment") || d.code.contains("numbering")),
            "{:?}",
            doc.diagnostics
        );
    }
}

/// The notice's attachment list: each entry's number and title.
fn listed(doc: &gongwen_parse::Document) -> Vec<(Option<u32>, &str)> {
    gongwen_tests::listed_attachments(&doc.notice)
}
