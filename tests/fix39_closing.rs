//! The end of a document: a closing charge or warning whose subject names the recipients by
//! their levels (`各县（市、区）、各部门要…`, `全县各级党组织…要引以为戒。`), an entry into force
//! with what it does to the texts before it (`…起施行。《某某办法》根据本决定作相应修改，重新
//! 公布。`), and the contact lines of the 附注 (after a 附件说明, with a bracketed department).

use gongwen_parse::{Options, Section, parse};

fn doc(text: &str) -> gongwen_parse::Document {
    parse(text.as_bytes(), &Options::default()).expect("parses")
}

/// The last section at the deepest level of the first part.
fn last_leaf(d: &gongwen_parse::Document) -> &Section {
    let mut s = d.parts[0].sections.last().expect("a section");
    while let Some(c) = s.children.last() {
        s = c;
    }
    s
}

const OPINION: &str = "某某市人民政府关于促进民营经济发展壮大的若干意见\n\n\
某政发〔2024〕5号\n\n\
各县（市、区）人民政府，市人民政府各委、办、局：\n\
为促进民营经济发展壮大，提出如下意见。\n\
一、优化发展环境\n\
（一）破除市场准入壁垒。全面落实市场准入负面清单制度。\n\
（二）完善拖欠账款清理机制。严格执行《保障中小企业款项支付条例》。\n\
SUBJECT要把促进民营经济发展壮大作为重要工作，抓好本意见贯彻落实。\n\n\
某某市人民政府\n\
2024年2月20日\n";

#[test]
fn a_charge_whose_subject_names_places_by_level_closes_the_opinion() {
    for subject in [
        "各县（市、区）、各部门",
        "各市州、县市区、各部门",
        "各区县政府、市政府各部门",
        // The subjects read before stay read.
        "各地各部门",
        "各地区、各部门",
    ] {
        let d = doc(&OPINION.replace("SUBJECT", subject));
        let charge = format!("{subject}要把促进民营经济发展壮大作为重要工作，抓好本意见贯彻落实。");
        assert_eq!(d.parts[0].closing, vec![charge], "{subject}");
        assert_eq!(
            last_leaf(&d).paragraphs,
            vec!["严格执行《保障中小企业款项支付条例》。".to_string()],
            "{subject}"
        );
    }
}

#[test]
fn a_paragraph_for_one_kind_of_organ_stays_the_last_measures() {
    // `各级财政部门` is one kind of organ, not the recipients as a whole: the paragraph goes on
    // with the last measure.
    let d = doc(&OPINION.replace("SUBJECT", "各级财政部门"));
    assert!(d.parts[0].closing.is_empty());
    assert_eq!(last_leaf(&d).paragraphs.len(), 2);
}

const CRITICISM: &str = "中共某某县纪委关于3起违反中央八项规定精神问题的通报\n\n\
某纪通〔2024〕4号\n\n\
各乡镇党委，县直各单位：\n\
现将3起违反中央八项规定精神问题通报如下：\n\
1．县农业农村局原副局长王某某违规收受礼金问题。王某某受到党内严重警告处分。\n\
2．县自然资源局干部赵某某违规操办婚宴问题。赵某某受到诫勉谈话处理。\n\
全县各级党组织和广大党员干部要引以为戒。\n\n\
中共某某县纪委\n\
2024年2月1日\n";

#[test]
fn a_warning_to_everyone_the_cases_concern_closes_the_circular() {
    let d = doc(CRITICISM);
    assert_eq!(
        d.parts[0].closing,
        vec!["全县各级党组织和广大党员干部要引以为戒。".to_string()]
    );
    assert_eq!(
        last_leaf(&d).paragraphs,
        vec!["赵某某受到诫勉谈话处理。".to_string()]
    );
}

#[test]
fn a_warning_that_is_the_text_of_a_bare_last_heading_stays_there() {
    let d = doc(&CRITICISM.replace(
        "全县各级党组织和广大党员干部要引以为戒。",
        "3．工作要求\n各单位要引以为戒，举一反三。",
    ));
    assert!(d.parts[0].closing.is_empty());
    assert_eq!(last_leaf(&d).heading, "工作要求");
    assert_eq!(
        last_leaf(&d).paragraphs,
        vec!["各单位要引以为戒，举一反三。".to_string()]
    );
}

#[test]
fn an_amending_decisions_entry_into_force_and_republication_close_it() {
    let text = "某某省人民政府关于修改《某某省林木种苗管理办法》的决定\n\n\
（2023年11月20日省人民政府第17次常务会议通过　2023年12月5日某某省人民政府令第215号公布　自公布之日起施行）\n\n\
省人民政府决定对《某某省林木种苗管理办法》作如下修改：\n\
一、将第三条修改为：“县级以上人民政府林业主管部门负责本行政区域内林木种苗的监督管理工作。”\n\
二、删去第十八条。\n\
本决定自公布之日起施行。《某某省林木种苗管理办法》根据本决定作相应修改，重新公布。\n";
    let d = doc(text);
    assert_eq!(
        d.parts[0].closing,
        vec![
            "本决定自公布之日起施行。《某某省林木种苗管理办法》根据本决定作相应修改，重新公布。"
                .to_string()
        ]
    );
    let last = last_leaf(&d);
    assert_eq!(last.marker, "二、");
    assert_eq!(last.paragraphs, vec!["删去第十八条。".to_string()]);
}

const MEASURES: &str = "某某市人民政府关于印发某某市某某管理办法的通知\n\n\
各区人民政府，市政府各部门：\n\
现将《某某市某某管理办法》印发给你们，请认真贯彻执行。\n\n\
某某市人民政府\n\
2024年3月1日\n\n\
某某市某某管理办法\n\n\
一、加强管理。各单位要加强日常管理。\n\
二、强化监督。各单位要强化监督检查。\n\
LAST\n";

#[test]
fn an_entry_into_force_with_the_repeal_of_the_older_text_closes_the_measures() {
    for last in [
        "本办法自2024年4月1日起施行。2019年印发的《某某市某某暂行办法》同时废止。",
        "本办法自2024年4月1日起施行，有效期3年。2019年印发的《某某市某某暂行办法》（某政发〔2019〕5号）同时废止。",
    ] {
        let d = doc(&MEASURES.replace("LAST", last));
        let part = d.parts.last().expect("the measures");
        assert_eq!(part.closing, vec![last.to_string()], "{last}");
        let s = part.sections.last().expect("a section");
        assert_eq!(s.paragraphs, vec!["各单位要强化监督检查。".to_string()]);
    }
    // Under a bare `附则` heading it is that heading's text.
    let last = "三、附则\n本办法自2024年4月1日起施行。2019年印发的《某某市某某暂行办法》同时废止。";
    let d = doc(&MEASURES.replace("LAST", last));
    let part = d.parts.last().expect("the measures");
    assert!(part.closing.is_empty());
    let s = part.sections.last().expect("a section");
    assert_eq!(s.heading, "附则");
    assert_eq!(s.paragraphs.len(), 1);
}

const LETTER: &str = "某某州人民政府办公室关于征求意见的函\n\n\
某政办函〔2024〕33号\n\n\
各县市人民政府，州级各有关部门：\n\
现将征求意见稿印送你们，请于2024年4月30日前将书面意见反馈州生态环境局。\n\n\
附件：1．某某条例实施细则（征求意见稿）\n\
\u{3000}\u{3000}\u{3000}2．意见反馈表\n\n\
联系人：杨某某，联系电话：0872-2121234\n\n\
某某州人民政府办公室\n\
2024年4月12日\n";

#[test]
fn a_contact_line_between_the_attachment_list_and_the_signature_is_the_note() {
    let d = doc(LETTER);
    assert_eq!(
        d.notice.note.as_deref(),
        Some("联系人：杨某某，联系电话：0872-2121234")
    );
    assert_eq!(
        d.notice.body,
        vec!["现将征求意见稿印送你们，请于2024年4月30日前将书面意见反馈州生态环境局。".to_string()]
    );
    assert_eq!(d.notice.attachments.len(), 2);
    // Under a heading that introduces it, it stays text.
    let d = doc(&LETTER.replace(
        "\n附件：1．某某条例实施细则（征求意见稿）\n\u{3000}\u{3000}\u{3000}2．意见反馈表\n",
        "一、反馈内容。对草案提出意见。\n二、联系方式\n",
    ));
    assert_eq!(d.notice.note, None);
}

#[test]
fn a_contacts_bracketed_department_keeps_its_closing_bracket() {
    let text = "某某市人民政府办公室关于商请支持的函\n\n\
江苏省住房和城乡建设厅：\n\
经市政府同意，特商请贵厅给予支持。\n\n\
联系人：刘某某（市住房城乡建设局）\n\
联系电话：0519-85681234\n\n\
某某市人民政府办公室\n\
2023年9月4日\n";
    let d = doc(text);
    assert_eq!(
        d.notice.note.as_deref(),
        Some("联系人：刘某某（市住房城乡建设局）；联系电话：0519-85681234")
    );
    // A contact printed in brackets of its own, with one inside, loses only the outer pair.
    let text = text.replace(
        "联系人：刘某某（市住房城乡建设局）\n联系电话：0519-85681234\n\n某某市人民政府办公室\n2023年9月4日\n",
        "某某市人民政府办公室\n2023年9月4日\n（联系人：刘某某（市住房城乡建设局），联系电话：0519-85681234）\n",
    );
    let d = doc(&text);
    assert_eq!(
        d.notice.note.as_deref(),
        Some("联系人：刘某某（市住房城乡建设局），联系电话：0519-85681234")
    );
}
