//! The checks' findings of the twenty-fourth round: a joint notice on one of its organs' sites, an
//! attachment title that differs from its 附件说明 entry by a trailing `表`, and a task table
//! marked `（略）`, left out of the publication.

use gongwen_parse::{Document, Options, Severity, parse, parse_text};

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

fn page(organ_on_page: &str) -> Document {
    let page = format!(
        r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于开展某某城市试点工作的通知</title></head><body>
<div class="xxgk"><table>
<tr><td>索引号：</td><td>000019249/2024-00112</td><td>主题分类：</td><td>中小企业</td></tr>
<tr><td>发文机关：</td><td>{organ_on_page}</td><td>发文字号：</td><td>财建〔2024〕92号</td></tr>
</table></div>
<h1>财政部 工业和信息化部关于开展某某城市试点工作的通知</h1>
<div class="TRS_Editor">
<p>财建〔2024〕92号</p>
<p>各省、自治区、直辖市财政厅（局）、中小企业主管部门：</p>
<p>　　现就开展某某城市试点工作有关事项通知如下。</p>
<p>　　一、试点内容。选择一批城市开展试点。</p>
<p style="text-align:right">财政部　　　　工业和信息化部</p>
<p style="text-align:right">2024年4月18日</p>
</div></body></html>"#
    );
    parse(page.as_bytes(), &Options::default()).expect("the page parses")
}

#[test]
fn a_page_that_names_one_of_a_joint_notices_organs_agrees_with_it() {
    let d = page("财政部");
    assert_eq!(d.notice.issuer.as_deref(), Some("财政部、工业和信息化部"));
    assert!(
        !codes(&d).contains(&"page_metadata_mismatch"),
        "{:?}",
        d.diagnostics
    );
    // An organ that is not among the issuers still disagrees, and so does a part of a name.
    for other in ["商务部", "财政"] {
        let d = page(other);
        assert!(
            codes(&d).contains(&"page_metadata_mismatch"),
            "{other}: {:?}",
            d.diagnostics
        );
    }
}

const LISTED_WITHOUT_BIAO: &str = "黑龙江省人民政府办公厅关于印发某某若干措施的通知

黑政办规〔2024〕5号

各市（地）人民政府（行署），省政府各直属单位：
　　《某某若干措施》已经省政府同意，现印发给你们，请认真贯彻执行。

　　附件：某某若干措施重点任务分工

黑龙江省人民政府办公厅
2024年1月10日

附件

某某若干措施重点任务分工表

序号\t重点任务\t牵头单位\t配合单位
1\t打造冰雪旅游精品线路。\t省文化和旅游厅\t省交通运输厅
";

#[test]
fn a_trailing_biao_is_no_attachment_title_mismatch() {
    let d = parse_text(LISTED_WITHOUT_BIAO);
    assert_eq!(d.tasks.len(), 1);
    assert!(
        !codes(&d).contains(&"attachment_title_mismatch"),
        "{:?}",
        d.diagnostics
    );
    // Another word at the end is still a mismatch.
    let d = parse_text(&LISTED_WITHOUT_BIAO.replace(
        "：某某若干措施重点任务分工\n",
        "：某某若干措施重点任务清单\n",
    ));
    assert!(
        codes(&d).contains(&"attachment_title_mismatch"),
        "{:?}",
        d.diagnostics
    );
}

const OMITTED: &str = "辽宁省人民政府办公厅关于印发某某实施方案的通知

辽政办发〔2024〕7号

各市人民政府，省政府各厅委、各直属机构：
　　《某某实施方案》已经省政府同意，现印发给你们，请认真贯彻落实。

　　附件：1．某某实施方案
　　　　　2．重点任务分工表（略）

辽宁省人民政府办公厅
2024年5月6日
（此件公开发布）

附件1

某某实施方案

　　一、总体要求
　　到2027年，设备投资规模较2023年增长25%以上。
";

#[test]
fn a_task_table_marked_omitted_is_said_to_be_left_out_not_missing() {
    let d = parse_text(OMITTED);
    let omitted: Vec<_> = d
        .diagnostics
        .iter()
        .filter(|x| x.code == "task_table_omitted")
        .collect();
    assert_eq!(omitted.len(), 1, "{:?}", d.diagnostics);
    assert_eq!(omitted[0].severity, Severity::Info);
    assert!(
        omitted[0].message.contains("重点任务分工表（略）"),
        "{}",
        omitted[0].message
    );
    assert!(!codes(&d).contains(&"no_task_table"), "{:?}", d.diagnostics);
    // Without the mark the table is missing.
    let d = parse_text(&OMITTED.replace("分工表（略）", "分工表"));
    assert!(codes(&d).contains(&"no_task_table"), "{:?}", d.diagnostics);
}
