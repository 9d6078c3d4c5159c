//! The head findings of the twenty-fourth round: a 发文字号 in brackets under the title, a page's
//! date bar with its source on one line, joint notices headed by a count of organs, a 函's
//! letterhead over a title in the short form, beijing.gov.cn's `[label]` block, attachment titles
//! on two lines or marked （略）, an attachment printed without its label, and the portal's own
//! download of the notice.

use gongwen_parse::{Document, Options, parse, parse_text};

fn text(s: &str) -> Document {
    parse_text(s)
}

#[allow(dead_code)]
fn html(page: &str) -> Document {
    parse(page.as_bytes(), &Options::default()).expect("the page parses")
}

#[allow(dead_code)]
fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

#[test]
fn a_full_number_in_brackets_under_the_title_is_the_notices_number() {
    let d = text(
        "山东省人民政府办公厅关于印发某某工作方案的通知\n\
（鲁政办字〔2024〕45号）\n\
\n\
各市人民政府，省政府各部门、各直属机构，各大企业，各高等院校：\n\
\u{3000}\u{3000}《某某工作方案》已经省政府同意，现印发给你们，请认真贯彻落实。\n\
\n\
山东省人民政府办公厅\n\
2024年4月8日\n\
（此件公开发布）\n",
    );
    let n = d.notice.doc_number.as_ref().expect("the number is read");
    assert_eq!(n.raw, "鲁政办字〔2024〕45号");
    assert_eq!(
        d.notice.addressees,
        ["各市人民政府", "省政府各部门、各直属机构", "各大企业", "各高等院校"]
    );
    assert_eq!(d.notice.body.len(), 1);
}

#[test]
fn a_bracketed_number_in_the_body_is_not_the_notices_number() {
    let d = text(
        "某某市人民政府办公厅关于转发某某通知的通知\n\
某政办发〔2024〕3号\n\
\n\
各区县人民政府：\n\
\u{3000}\u{3000}现将《某某通知》转发给你们，请认真贯彻执行。\n\
（国办发〔2024〕1号）\n\
\n\
某某市人民政府办公厅\n\
2024年4月8日\n",
    );
    assert_eq!(d.notice.doc_number.as_ref().unwrap().raw, "某政办发〔2024〕3号");
}
