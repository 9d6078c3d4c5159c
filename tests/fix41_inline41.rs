//! Inline tasks (duties allocated in the text): bullets that name their own line, sub-items
//! closed by one allocation bracket on its own line, tasks in reading order across a letter and
//! its attachment's table, count statements checked against inline tasks, and an enclosed
//! document's own 附件说明.

use gongwen_parse::{Document, PartKind, TaskOrigin, parse_text};

fn codes(d: &Document, code: &str) -> Vec<(String, Option<usize>)> {
    d.diagnostics
        .iter()
        .filter(|x| x.code == code)
        .map(|x| (x.message.clone(), x.line))
        .collect()
}

/// Measures printed as `——` and `●` bullets under a heading: each task names its own line (what
/// diagnostics and users navigate by), and no marker (a bullet numbers nothing; the heading is
/// its group).
#[test]
fn bullet_measures_name_their_own_lines_and_no_marker() {
    let text = "临沂市2021年优化营商环境工作要点\n\
\n\
一、提升政务服务效能\n\
——推行“一窗受理”，综合窗口覆盖率达到90%以上。（市行政审批服务局牵头，市大数据局配合）\n\
——推进电子证照应用，新增电子证照30类。（市大数据局负责）\n\
二、优化市场环境\n\
●开展涉企收费专项检查。（市市场监管局牵头，市财政局配合）\n\
●清理妨碍统一市场的政策文件。（市发展改革委负责）\n";
    let d = parse_text(text);
    let got: Vec<(u32, Option<&str>, usize, &str)> = d
        .tasks
        .iter()
        .map(|t| (t.seq, t.marker.as_deref(), t.line, t.lead[0].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (1, None, 4, "市行政审批服务局"),
            (2, None, 5, "市大数据局"),
            (3, None, 7, "市市场监管局"),
            (4, None, 8, "市发展改革委"),
        ],
        "{:#?}",
        d.tasks
    );
    assert_eq!(d.tasks[0].group, ["一、提升政务服务效能"]);
    assert_eq!(d.tasks[2].group, ["二、优化市场环境"]);
    assert_eq!(d.tasks[1].text, "推进电子证照应用，新增电子证照30类。");
    assert_eq!(d.tasks[3].support, Vec::<String>::new());
}

/// A measure whose sub-items each end in `。`, closed by one allocation in brackets on a line of
/// its own: the allocation covers every sub-item, as a labelled allocation line does — not the
/// last alone.
#[test]
fn an_allocation_bracket_after_the_last_sub_item_covers_them_all() {
    let text = "某市2023年文化旅游工作要点\n\
\n\
一、加强文物保护\n\
1.实施革命文物保护工程。\n\
（1）完成烈士陵园环境整治。\n\
（2）修缮县委旧址。\n\
（3）建设革命文物展示馆。\n\
（市文化旅游局牵头，市住房城乡建设局、市财政局配合）\n\
2.推进非遗传承。培育非遗工坊10家。（市文化旅游局负责）\n";
    let d = parse_text(text);
    let got: Vec<(&str, usize, &str)> = d
        .tasks
        .iter()
        .map(|t| (t.marker.as_deref().unwrap_or(""), t.line, t.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("（1）", 5, "完成烈士陵园环境整治。"),
            ("（2）", 6, "修缮县委旧址。"),
            ("（3）", 7, "建设革命文物展示馆。"),
            ("2.", 9, "推进非遗传承。培育非遗工坊10家。"),
        ],
        "{:#?}",
        d.tasks
    );
    for t in &d.tasks[..3] {
        assert_eq!(t.lead, ["市文化旅游局"]);
        assert_eq!(t.support, ["市住房城乡建设局", "市财政局"]);
        assert_eq!(t.group, ["一、加强文物保护", "1.实施革命文物保护工程。"]);
    }
}

/// Sub-items that carry their own allocations keep them: the bracket under the last is still
/// that item's (unchanged).
#[test]
fn sub_items_with_their_own_duties_keep_them() {
    let text = "某市2023年文化旅游工作要点\n\
\n\
一、加强文物保护\n\
1.实施革命文物保护工程。\n\
（1）完成烈士陵园环境整治。（市退役军人事务局负责）\n\
（2）修缮县委旧址。（市文化旅游局负责）\n\
（3）建设革命文物展示馆。\n\
（市财政局负责）\n";
    let d = parse_text(text);
    let leads: Vec<(&str, &str)> = d
        .tasks
        .iter()
        .map(|t| (t.marker.as_deref().unwrap_or(""), t.lead[0].as_str()))
        .collect();
    assert_eq!(
        leads,
        [
            ("（1）", "市退役军人事务局"),
            ("（2）", "市文化旅游局"),
            ("（3）", "市财政局"),
        ]
    );
}

/// A letter's own numbered measures with duties come before its attachment's task table: the
/// tasks are one list in reading order, the table's numbers as its 序号 column prints them.
#[test]
fn a_letters_own_measures_come_before_its_attachments_table() {
    let text = "某某市人民政府关于印发某某市2014年重点工作任务分解的通知\n\
\n\
某政〔2014〕8号\n\
\n\
各县（市、区）人民政府，市政府各部门：\n\
现将《某某市2014年重点工作任务分解表》印发给你们，请认真贯彻执行。\n\
\n\
一、细化工作方案。各牵头单位要制定推进计划。（市政府办公室负责）\n\
二、强化督查考核。每季度通报一次进展情况。（市政府督查室负责）\n\
\n\
附件：某某市2014年重点工作任务分解表\n\
\n\
某某市人民政府\n\
2014年2月20日\n\
\n\
附件\n\
\n\
某某市2014年重点工作任务分解表\n\
\n\
序号\t工作任务\t牵头单位\t配合单位\n\
1\t地区生产总值增长10%\t市发展改革委\t市统计局\n\
2\t一般公共预算收入增长9%\t市财政局\t市税务局\n";
    let d = parse_text(text);
    let got: Vec<(u32, TaskOrigin, usize, &str)> = d
        .tasks
        .iter()
        .map(|t| (t.seq, t.origin, t.line, t.lead[0].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (1, TaskOrigin::Inline, 8, "市政府办公室"),
            (2, TaskOrigin::Inline, 9, "市政府督查室"),
            (1, TaskOrigin::Table, 21, "市发展改革委"),
            (2, TaskOrigin::Table, 22, "市财政局"),
        ],
        "{:#?}",
        d.tasks
    );
    assert_eq!(d.tasks[0].marker.as_deref(), Some("一、"));
}

const COUNTED: &str = "中共某某市委办公室　某某市人民政府办公室关于印发《某某市2024年营商环境改革八项措施》的通知\n\
\n\
某办发〔2024〕2号\n\
\n\
各县（市、区）党委和人民政府，市直各单位：\n\
《某某市2024年营商环境改革八项措施》已经市委、市政府同意，现印发给你们，请认真贯彻落实。{COUNT}\n\
\n\
中共某某市委办公室　　　　某某市人民政府办公室\n\
2024年3月1日\n\
\n\
某某市2024年营商环境改革八项措施\n\
\n\
一、推行企业开办“一日办结”。（市市场监管局牵头，市税务局配合）\n\
二、推行项目审批“容缺受理”。（市住房城乡建设局牵头）\n\
三、推行不动产登记“一窗办理”。（市自然资源局牵头）\n\
四、推行惠企政策“免申即享”。（市工业和信息化局牵头）\n\
五、推行涉企检查“综合查一次”。（市司法局牵头）\n\
六、推行政务服务“跨省通办”。（市政务服务局牵头）\n";

/// A count the letter or a title states of the measures (`共8项重点任务`, `八项措施`) is checked
/// against the tasks allocated in the text, as it is against a task table's.
#[test]
fn counts_stated_of_inline_measures_are_checked() {
    let d = parse_text(&COUNTED.replace("{COUNT}", "共8项重点任务。"));
    assert_eq!(d.tasks.len(), 6);
    let found = codes(&d, "task_count_mismatch");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].0.contains("8项重点任务"), "{found:?}");
    assert_eq!(found[0].1, Some(6));
    // The title's `八项措施` alone says it too.
    let d = parse_text(&COUNTED.replace("{COUNT}", ""));
    let found = codes(&d, "task_count_mismatch");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].0.contains("八项措施"), "{found:?}");
}

/// A count the measures bear out says nothing, and neither does one of something else that
/// the items number (`共6项`, the number of measures).
#[test]
fn counts_borne_out_by_the_measures_say_nothing() {
    let text = COUNTED
        .replace("八项措施", "六项措施")
        .replace("{COUNT}", "共6项重点任务。");
    let d = parse_text(&text);
    assert_eq!(d.tasks.len(), 6);
    assert!(codes(&d, "task_count_mismatch").is_empty());
}

/// A heading's `（N项）` over measures allocated in the text is checked against the tasks under
/// it; one that counts its items right is borne out even when an item allocates nothing.
#[test]
fn heading_counts_over_inline_measures_are_checked() {
    let text = "某某市2022年深化改革工作要点\n\
\n\
一、经济领域改革（3项）\n\
1.深化国资国企改革。（市国资委牵头）\n\
2.深化财税体制改革。（市财政局牵头）\n\
二、民生领域改革（2项）\n\
3.深化教育综合改革。（市教育局牵头）\n\
4.深化医药卫生体制改革。\n\
三、生态领域改革（1项）\n\
5.深化生态环境保护督察制度改革。（市生态环境局牵头）\n";
    let d = parse_text(text);
    assert_eq!(d.tasks.len(), 4);
    let found = codes(&d, "group_count_mismatch");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].0.contains("一、经济领域改革（3项）"), "{found:?}");
    assert_eq!(found[0].1, Some(3));
}

/// An enclosed 办法's own 附件说明, printed after its last article, is the 办法's: it closes
/// the enclosure's part, the letter lists no attachment, and the attachment that follows is
/// not reported unlisted.
#[test]
fn an_enclosed_documents_own_attachment_list_is_its_own() {
    let text = "某某市人民政府办公室关于印发《某某市高层次人才安居办法》的通知\n\
\n\
某政办发〔2023〕9号\n\
\n\
各区县人民政府，市政府各部门：\n\
《某某市高层次人才安居办法》已经市人民政府同意，现印发给你们，请认真贯彻执行。\n\
\n\
某某市人民政府办公室\n\
2023年6月5日\n\
\n\
某某市高层次人才安居办法\n\
\n\
第一条　为做好高层次人才安居工作，制定本办法。\n\
第二条　人才安居采取发放租房补贴、提供人才公寓等方式。\n\
第三条　申请租房补贴的，应当填写申请表（见附件）。\n\
第四条　本办法自印发之日起施行。\n\
\n\
附件：某某市高层次人才租房补贴申请表\n\
\n\
附件\n\
\n\
某某市高层次人才租房补贴申请表\n\
\n\
姓名\t\t性别\t\n\
工作单位\t\t联系电话\t\n";
    let d = parse_text(text);
    assert!(
        d.notice.attachments.is_empty(),
        "{:?}",
        d.notice.attachments
    );
    let enclosure = d
        .parts
        .iter()
        .find(|p| p.kind == PartKind::Enclosure)
        .expect("the 办法");
    assert_eq!(enclosure.title.as_deref(), Some("某某市高层次人才安居办法"));
    assert_eq!(enclosure.sections.len(), 4);
    assert_eq!(enclosure.closing, ["附件：某某市高层次人才租房补贴申请表"]);
    let attachment = d
        .parts
        .iter()
        .find(|p| p.kind == PartKind::Attachment)
        .expect("the form");
    assert_eq!(
        attachment.title.as_deref(),
        Some("某某市高层次人才租房补贴申请表")
    );
    assert!(
        codes(&d, "attachment_not_listed").is_empty(),
        "{:?}",
        d.diagnostics
    );
}

/// The letter's own 附件说明, before its signature, stays the notice's (unchanged).
#[test]
fn the_letters_own_attachment_list_stays_the_notices() {
    let text = "某某市人民政府办公室关于印发《某某市高层次人才安居办法》的通知\n\
\n\
某政办发〔2023〕9号\n\
\n\
各区县人民政府，市政府各部门：\n\
《某某市高层次人才安居办法》已经市人民政府同意，现印发给你们，请认真贯彻执行。\n\
\n\
附件：某某市高层次人才安居办法\n\
\n\
某某市人民政府办公室\n\
2023年6月5日\n\
\n\
附件\n\
\n\
某某市高层次人才安居办法\n\
\n\
第一条　为做好高层次人才安居工作，制定本办法。\n\
第二条　本办法自印发之日起施行。\n";
    let d = parse_text(text);
    assert_eq!(d.notice.attachments.len(), 1, "{:?}", d.notice.attachments);
    assert_eq!(d.notice.attachments[0].title, "某某市高层次人才安居办法");
}
