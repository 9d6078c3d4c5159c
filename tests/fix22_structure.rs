//! The structure and units findings of the twenty-second round: a level word printed once for a
//! run of units, an enclosed plan's title on two lines, order numbers printed `第N号令` or
//! `（第N号）`, and letter-spaced organs in a joint signature block.

use gongwen_parse::{Document, parse_text};
use gongwen_tests::all_units;

/// A task list whose `责任单位` cells (the first unit leading) are `cells`.
fn first_leads(cells: &[&str]) -> String {
    let mut rows = String::new();
    for (i, c) in cells.iter().enumerate() {
        rows.push_str(&format!("{}\t某项任务\t{c}\t持续推进\n", i + 1));
    }
    format!(
        "附件2\n\n某区重点任务清单\n\n序号\t重点任务\t责任单位\t完成时限\n{rows}\n\
         注：排在第一位的为牵头单位，其他为配合单位。\n"
    )
}

#[test]
fn a_level_word_printed_once_is_carried_onto_bare_departments() {
    let d = parse_text(&first_leads(&[
        "自治区民政厅、财政厅，各市、县人民政府",
        "自治区发展改革委、工业和信息化厅、商务厅",
        "省发展改革委（牵头）、财政厅",
        "市教育局、市场监管局",
    ]));
    assert_eq!(
        all_units(&d),
        vec![
            (
                vec!["自治区民政厅"],
                vec!["自治区财政厅", "各市、县人民政府"]
            ),
            (
                vec!["自治区发展改革委"],
                vec!["自治区工业和信息化厅", "自治区商务厅"]
            ),
            (vec!["省发展改革委"], vec!["省财政厅"]),
            (vec!["市教育局"], vec!["市市场监管局"]),
        ]
    );
    // The cells stay as printed.
    assert_eq!(
        d.tasks[1].lead_text,
        "自治区发展改革委、工业和信息化厅、商务厅"
    );
}

#[test]
fn names_with_a_place_a_party_committee_or_a_word_of_their_own_keep_their_names() {
    let d = parse_text(&first_leads(&[
        "市委宣传部、网信办",
        "省委组织部、省委编办",
        "两江新区社会发展局、卫生健康局",
        "市场监管局、财政局",
        "市政府办公厅、发展改革委",
        "省发展改革委、国家统计局某调查总队、国务院办公厅",
        "市发展改革委，财政局",
        "省直有关单位、财政厅",
        "省财政厅、南宁海关、人民银行南宁中心支行",
        "市公安局、各区公安分局、交通局",
    ]));
    let support: Vec<Vec<&str>> = all_units(&d).into_iter().map(|(_, s)| s).collect();
    assert_eq!(
        support,
        vec![
            vec!["网信办"],
            vec!["省委编办"],
            vec!["卫生健康局"],
            vec!["财政局"],
            vec!["发展改革委"],
            vec!["国家统计局某调查总队", "国务院办公厅"],
            vec!["财政局"],
            vec!["财政厅"],
            vec!["南宁海关", "人民银行南宁中心支行"],
            vec!["各区公安分局", "交通局"],
        ]
    );
}

#[test]
fn a_body_named_with_its_own_place_is_not_given_the_level() {
    let d = parse_text(&first_leads(&[
        "市金融监管局、重庆银保监局",
        "省财政厅、四川证监局、税务局",
        "市发展改革委、公安局某区分局",
    ]));
    let support: Vec<Vec<&str>> = all_units(&d).into_iter().map(|(_, s)| s).collect();
    assert_eq!(
        support,
        vec![
            vec!["重庆银保监局"],
            vec!["四川证监局", "税务局"],
            vec!["公安局某区分局"],
        ]
    );
}

/// A 印发 notice of 某市人民政府 whose letter is `letter` and whose enclosure follows.
fn transmitting(letter: &str, enclosure: &str) -> String {
    format!(
        "某市人民政府关于印发某市行动方案的通知\n某政发〔2023〕5号\n各区、县人民政府：\n{letter}\n\
         某市人民政府\n2023年5月9日\n（此件公开发布）\n{enclosure}\n"
    )
}

fn first_part(d: &Document) -> (Option<&str>, Vec<&str>) {
    let p = &d.parts[0];
    (
        p.title.as_deref(),
        p.preamble.iter().map(String::as_str).collect(),
    )
}

#[test]
fn an_enclosed_title_on_two_lines_is_read_whole() {
    // The first line does not end as a title; the second does, before its years.
    let d = parse_text(&transmitting(
        "现将《某市推动制造业高质量发展三年行动方案（2023—2025年）》印发给你们。",
        "某市推动制造业高质量发展\n三年行动方案（2023—2025年）\n一、总体要求\n到2025年，体系基本建立。",
    ));
    assert_eq!(
        first_part(&d),
        (
            Some("某市推动制造业高质量发展三年行动方案（2023—2025年）"),
            vec![]
        )
    );
    // Without the letter naming it too.
    let d = parse_text(&transmitting(
        "现将行动方案印发给你们。",
        "某市推动制造业高质量发展\n三年行动方案（试行）\n一、总体要求\n到2025年，体系基本建立。",
    ));
    assert_eq!(
        first_part(&d),
        (Some("某市推动制造业高质量发展三年行动方案（试行）"), vec![])
    );
    // A first line that ends as a title goes on when the letter names the two lines as one.
    let d = parse_text(&transmitting(
        "现将《某市国土空间总体规划实施方案》印发给你们。",
        "某市国土空间总体规划\n实施方案\n一、总体要求\n到2025年，体系基本建立。",
    ));
    assert_eq!(
        first_part(&d),
        (Some("某市国土空间总体规划实施方案"), vec![])
    );
}

#[test]
fn a_title_that_ends_as_one_keeps_the_line_under_it_out() {
    // The letter names the first line alone: the line under it is the plan's own text.
    let d = parse_text(&transmitting(
        "现将《某市国土空间总体规划》印发给你们。",
        "某市国土空间总体规划\n编制说明\n一、总体要求\n到2025年，体系基本建立。",
    ));
    assert_eq!(
        first_part(&d),
        (Some("某市国土空间总体规划"), vec!["编制说明"])
    );
    let d = parse_text(&transmitting(
        "现将《某市国土空间总体规划》印发给你们。",
        "某市国土空间总体规划\n实施方案\n一、总体要求\n到2025年，体系基本建立。",
    ));
    assert_eq!(
        first_part(&d),
        (Some("某市国土空间总体规划"), vec!["实施方案"])
    );
}

/// An order: `head` lines, then its text, the governor's signature, the date and the rules.
fn order(head: &str) -> Document {
    parse_text(&format!(
        "{head}\n\n《某省公共数据条例实施办法》已经省人民政府第5次常务会议审议通过，现予公布，\
         自2023年1月1日起施行。\n\n省长　王　浩\n\n2022年11月28日\n\n某省公共数据条例实施办法\n\n\
         第一条　为了实施《某省公共数据条例》，制定本办法。\n"
    ))
}

fn number_of(d: &Document) -> Option<(&str, &str, Option<i32>, Option<u32>)> {
    d.notice
        .doc_number
        .as_ref()
        .map(|n| (n.raw.as_str(), n.agency.as_str(), n.year, n.serial))
}

#[test]
fn an_order_number_printed_with_ling_is_the_order_s_number() {
    for head in ["某省人民政府\n第389号令", "某省人民政府令\n第389号令"] {
        let d = order(head);
        assert_eq!(
            number_of(&d),
            Some(("第389号令", "某省人民政府令", None, Some(389))),
            "{head}"
        );
        assert_eq!(d.notice.title.as_deref(), Some("某省人民政府令"), "{head}");
        assert_eq!(d.notice.issuer.as_deref(), Some("某省人民政府"), "{head}");
        assert!(d.notice.body[0].starts_with("《某省公共数据条例实施办法》"));
    }
    // Titled above its head.
    let d = order("某省公共数据条例实施办法\n某省人民政府令\n第389号令");
    assert_eq!(
        number_of(&d),
        Some(("第389号令", "某省人民政府令", None, Some(389)))
    );
    // The bracketed form was read already; the year's form takes the head as its agency too.
    let d = order("某省人民政府令\n（第389号）");
    assert_eq!(
        number_of(&d),
        Some(("第389号", "某省人民政府令", None, Some(389)))
    );
    let d = order("某省人民政府令\n〔2022〕第3号");
    assert_eq!(
        number_of(&d),
        Some(("〔2022〕第3号", "某省人民政府令", Some(2022), Some(3)))
    );
}

#[test]
fn a_line_ending_in_ling_under_a_title_is_no_order_number() {
    // Under a notice's title (not an organ's name) the line is no number.
    let d = order("某省人民政府关于公布规章的通知\n第389号令");
    assert_eq!(d.notice.doc_number, None);
}

#[test]
fn a_letter_spaced_organ_in_a_joint_signature_block_is_an_organ_of_its_own() {
    let d = parse_text(
        "国家发展改革委　财政部　人力资源社会保障部　农业农村部关于实施以工代赈的指导意见\n\
         发改振兴〔2022〕1012号\n\n各省、自治区、直辖市发展改革委：\n\n现提出以下意见。\n\n\
         一、总体要求\n\n坚持以人民为中心的发展思想。\n\n\
         国家发展改革委　　　　　　财　政　部\n\n人力资源社会保障部　　　　农业农村部\n\n2022年6月27日\n",
    );
    assert_eq!(
        d.notice.signature.as_deref(),
        Some("国家发展改革委、财政部、人力资源社会保障部、农业农村部")
    );
    let d = parse_text(
        "财政部　税务总局关于延续实施个人所得税优惠政策的公告\n财政部　税务总局公告2023年第2号\n\n\
         为支持小微企业发展，现将有关政策公告如下：\n\n一、对个体工商户减半征收个人所得税。\n\n\
         特此公告。\n\n财　政　部　　　　税务总局\n2023年1月9日\n",
    );
    assert_eq!(d.notice.signature.as_deref(), Some("财政部、税务总局"));
}

#[test]
fn a_letter_spaced_name_alone_or_a_letter_spaced_heading_is_no_list_of_organs() {
    let d = parse_text(
        "某某市人民政府关于某事的通知\n某府发〔2023〕1号\n\n各区县人民政府：\n\n现通知如下。\n\n\
         某　某　市　人　民　政　府\n\n2023年1月9日\n",
    );
    assert_eq!(d.notice.signature.as_deref(), Some("某某市人民政府"));
}

/// A joint 请示 of two organs whose number line and the lines under it are `number`.
fn joint_request(number: &str) -> Document {
    parse_text(&format!(
        "某省发展和改革委员会\n某省财政厅\n关于申请下达2024年投资计划的请示\n\n{number}\n\n\
         国家发展改革委：\n\n恳请予以倾斜支持。\n\n妥否，请批示。\n\n\
         某省发展和改革委员会　　　　　某省财政厅\n\n2024年3月12日\n"
    ))
}

#[test]
fn a_joint_request_s_second_signer_on_the_line_below_is_a_signer() {
    let d = joint_request(
        "某发改地区〔2024〕45号　　　　签发人：张　伟\n　　　　　　　　　　　　　　　　　　　　　王晓东",
    );
    assert_eq!(d.notice.signers, vec!["张伟", "王晓东"]);
    assert_eq!(d.notice.addressees, vec!["国家发展改革委"]);
    assert_eq!(d.notice.body, vec!["恳请予以倾斜支持。", "妥否，请批示。"]);
}

#[test]
fn a_line_under_the_signer_that_names_no_person_is_not_a_signer() {
    let d = joint_request("某发改地区〔2024〕45号　　　　签发人：张　伟\n国务院");
    assert_eq!(d.notice.signers, vec!["张伟"]);
}

#[test]
fn a_one_line_attachment_list_parted_by_semicolons_keeps_no_semicolon() {
    let d = parse_text(
        "某自治区人民政府办公厅关于印发为民办实事项目的通知\n某政办发〔2024〕5号\n\n\
         各市、县（区）人民政府：\n\n现将有关文件印发给你们，请认真贯彻执行。\n\n\
         附件：1．为民办实事项目；2．为民办实事项目责任分工\n\n某自治区人民政府办公厅\n2024年2月5日\n\n\
         附件1\n\n为民办实事项目\n\n一、新建城市社区嵌入式服务设施50个。\n\n\
         附件2\n\n为民办实事项目责任分工\n\n二、为60万名城乡适龄妇女免费开展筛查。\n",
    );
    let listed = gongwen_tests::listed_attachments(&d.notice);
    assert_eq!(
        listed,
        vec![
            (Some(1), "为民办实事项目"),
            (Some(2), "为民办实事项目责任分工")
        ]
    );
    assert!(
        d.diagnostics
            .iter()
            .all(|x| x.code != "attachment_title_mismatch"),
        "{:?}",
        d.diagnostics
    );
}

/// A notice transmitting the documents the letter names `names`, followed by `enclosures`.
fn two_documents(names: &str, enclosures: &str) -> Document {
    parse_text(&format!(
        "某市人民政府办公厅关于印发两项管理办法的通知\n某府办发〔2023〕61号\n\n各区县人民政府：\n\n\
         {names}已经市政府同意，现印发给你们，请认真贯彻执行。\n\n某市人民政府办公厅\n2023年6月12日\n\n\
         （此件公开发布）\n\n{enclosures}"
    ))
}

fn outline(d: &Document) -> Vec<(Option<&str>, Vec<&str>)> {
    d.parts
        .iter()
        .map(|p| {
            (
                p.title.as_deref(),
                p.sections.iter().map(|s| s.marker.as_str()).collect(),
            )
        })
        .collect()
}

const TWO_RULES: &str = "某市财政专项资金管理办法\n\n第一条　为规范专项资金管理，制定本办法。\n\n\
    第二条　本办法自印发之日起施行。\n\n某市预算绩效管理办法\n\n第一条　为实施预算绩效管理，制定本办法。\n\n\
    第二条　本办法自印发之日起施行。\n";

#[test]
fn a_second_document_the_letter_names_is_a_part_of_its_own() {
    let d = two_documents(
        "《某市财政专项资金管理办法》《某市预算绩效管理办法》",
        TWO_RULES,
    );
    assert_eq!(
        outline(&d),
        vec![
            (Some("某市财政专项资金管理办法"), vec!["第一条", "第二条"]),
            (Some("某市预算绩效管理办法"), vec!["第一条", "第二条"]),
        ]
    );
    assert!(
        d.diagnostics.iter().all(|x| x.code != "numbering_order"),
        "{:?}",
        d.diagnostics
    );
    let d = two_documents(
        "《某市2024年大气污染防治工作方案》《某市2024年水污染防治工作方案》",
        "某市2024年大气污染防治工作方案\n\n一、工作目标\n\n优良天数比例达到88%。\n\n二、重点任务\n\n\
         （一）深化工业污染治理。\n\n某市2024年水污染防治工作方案\n\n一、工作目标\n\n水质优良比例保持100%。\n",
    );
    assert_eq!(
        outline(&d),
        vec![
            (Some("某市2024年大气污染防治工作方案"), vec!["一、", "二、"]),
            (Some("某市2024年水污染防治工作方案"), vec!["一、"]),
        ]
    );
}

#[test]
fn a_title_like_line_the_letter_does_not_name_stays_in_its_document() {
    // Named only as the first document: the second title is not the letter's.
    let d = two_documents("《某市财政专项资金管理办法》", TWO_RULES);
    assert_eq!(d.parts.len(), 1);
}

/// A plan closing with `list` (its 附表 list, or nothing) and two schedules labelled `附表1`,
/// `附表2` over their titles and tables.
fn plan_with_schedules(list: &str) -> Document {
    parse_text(&format!(
        "某省人民政府办公厅关于印发某省数字政府建设方案的通知\n某政办发〔2023〕9号\n\n\
         各市人民政府，省政府各部门：\n\n现将《某省数字政府建设方案》印发给你们，请认真贯彻执行。\n\n\
         某省人民政府办公厅\n2023年5月9日\n\n某省数字政府建设方案\n\n一、总体要求\n\n\
         到2025年，数字政府建设取得重要进展。\n\n二、重点任务\n\n（一）建设一体化政务平台。\n\n{list}\
         附表1\n\n某省重点任务分工表\n\n序号\t重点任务\t牵头单位\t配合单位\n\
         1\t建设一体化政务平台\t省大数据局\t省直有关部门\n\n附表2\n\n某省重点项目表\n\n\
         序号\t项目名称\t建设内容\t总投资\n1\t省级政务云\t扩容计算资源\t5亿元\n"
    ))
}

/// A part's label and title.
type Labelled<'a> = (Option<&'a str>, Option<&'a str>);

fn parts_and_codes(d: &Document) -> (Vec<Labelled<'_>>, Vec<&str>) {
    (
        d.parts
            .iter()
            .map(|p| (p.label.as_deref(), p.title.as_deref()))
            .collect(),
        d.diagnostics.iter().map(|x| x.code.as_str()).collect(),
    )
}

#[test]
fn a_plan_s_schedule_list_and_labels_are_read_as_attachments() {
    let d = plan_with_schedules("附表：1．某省重点任务分工表\n　　　2．某省重点项目表\n\n");
    let listed = gongwen_tests::listed_attachments(&d.notice);
    assert_eq!(
        listed,
        vec![(Some(1), "某省重点任务分工表"), (Some(2), "某省重点项目表")]
    );
    assert_eq!(
        parts_and_codes(&d),
        (
            vec![
                (None, Some("某省数字政府建设方案")),
                (Some("附表1"), Some("某省重点任务分工表")),
                (Some("附表2"), Some("某省重点项目表")),
            ],
            vec![]
        )
    );
    // The plan's last item keeps its own text and no heading of the list.
    let last = d.parts[0].sections.last().unwrap();
    assert_eq!(last.children.len(), 1);
    assert!(last.children[0].children.is_empty());
}

#[test]
fn schedule_labels_without_a_schedule_list_stay_in_the_plan() {
    let d = plan_with_schedules("");
    assert!(d.notice.attachments.is_empty());
    assert_eq!(d.parts.len(), 1);
}

#[test]
fn a_level_word_is_carried_in_a_duty_of_the_text_and_its_units_text_stays_as_printed() {
    let d = parse_text(
        "某自治区人民政府关于推进养老服务的意见\n某政发〔2024〕3号\n\n各市、县人民政府：\n\n现提出如下意见。\n\n\
         一、主要任务\n\n（一）扩大老年助餐服务。完善助餐网络。（自治区民政厅牵头，自治区发展改革委、财政厅、商务厅配合）\n\n\
         某自治区人民政府\n\n2024年1月8日\n",
    );
    assert_eq!(
        all_units(&d),
        vec![(
            vec!["自治区民政厅"],
            vec!["自治区发展改革委", "自治区财政厅", "自治区商务厅"]
        )]
    );
    assert_eq!(d.tasks[0].support_text, "自治区发展改革委、财政厅、商务厅");
}
