//! Word and HTML readers: a notice hard-wrapped by a PDF converter (each printed line ended by a
//! line break inside its paragraph, or a paragraph of its own) reads as the paragraphs it
//! prints, as the same text in a text file does; lines that are no wrap (headings, signatures,
//! dates, titles, sentences' ends) stay apart.

use gongwen_parse::blocks::{Block, Blocks};
use gongwen_parse::{Document, Limits, Options, parse};
use std::io::{Cursor, Write};

use gongwen_tests::word_run as run;

/// A paragraph with properties `props` (`w:pPr` content), its lines ended by `w:br`.
fn para_with(props: &str, lines: &[&str]) -> String {
    let runs: Vec<String> = lines.iter().map(|l| run(l)).collect();
    format!(
        "<w:p><w:pPr>{props}</w:pPr>{}</w:p>",
        runs.join("<w:r><w:br/></w:r>")
    )
}

fn para(lines: &[&str]) -> String {
    para_with("", lines)
}

fn centred(text: &str) -> String {
    para_with("<w:jc w:val=\"center\"/>", &[text])
}

fn right(text: &str) -> String {
    para_with("<w:jc w:val=\"right\"/>", &[text])
}

fn docx(body: &[String]) -> Vec<u8> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{}<w:sectPr/></w:body></w:document>",
        body.concat()
    );
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    for (name, data) in [
        ("[Content_Types].xml", &b"<Types/>"[..]),
        ("word/document.xml", document.as_bytes()),
    ] {
        w.start_file(name, o).expect("zip entry");
        w.write_all(data).expect("zip data");
    }
    w.finish().expect("zip finish").into_inner()
}

fn read(bytes: &[u8]) -> Document {
    parse(bytes, &Options::default()).expect("parses")
}

/// The paragraphs a reader gives, in order.
fn paragraphs(blocks: &Blocks) -> Vec<&str> {
    blocks
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Para(p) => Some(p.text.as_str()),
            Block::Table(_) => None,
        })
        .collect()
}

fn docx_paragraphs(body: &[String]) -> Vec<String> {
    let blocks =
        gongwen_parse::read::docx::read_docx(&docx(body), &Limits::default()).expect("reads");
    paragraphs(&blocks)
        .into_iter()
        .map(str::to_string)
        .collect()
}

fn html_paragraphs(page: &str) -> Vec<String> {
    let blocks =
        gongwen_parse::read::html::read_html(page.as_bytes(), &Limits::default()).expect("reads");
    paragraphs(&blocks)
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// The notice's head, as a converter prints it: number and title centred (the title over two
/// lines), addressees at the margin.
fn head() -> Vec<String> {
    vec![
        centred("鄂政办发〔2023〕27号"),
        centred("湖北省人民政府办公厅关于印发湖北省加快推进数字政府建设三年行"),
        centred("动方案任务分工的通知"),
        para(&["各市、州、县人民政府，省政府各部门："]),
    ]
}

/// The two paragraphs of the body as printed, thirty characters a line, each first line set
/// in by `　　`: wrapped mid-word (`细` / `化工作措施`), even between `）` and `》`.
const FIRST: [&str; 3] = [
    "　　《湖北省加快推进数字政府建设三年行动方案（2023—2025年）",
    "》已经省人民政府同意，现将方案确定的重点任务分工印发给你们，",
    "请结合实际认真抓好落实。",
];
const SECOND: [&str; 3] = [
    "　　各地、各部门要切实加强组织领导，牵头单位要会同配合单位细",
    "化工作措施，明确时间节点，确保各项任务按期完成。各项任务落实",
    "情况请于每季度末月20日前报送省政府办公厅。",
];

fn joined(lines: &[&str]) -> String {
    lines.concat().trim_start_matches('\u{3000}').to_string()
}

/// The closing: the 附件说明 (a full line), signature and date set right.
fn closing(signature: &dyn Fn(&str) -> String) -> Vec<String> {
    vec![
        para(&["　　附件：湖北省加快推进数字政府建设三年行动方案重点任务分工"]),
        signature("湖北省人民政府办公厅"),
        signature("2023年6月15日"),
    ]
}

fn assert_read_as_printed(d: &Document) {
    assert_eq!(d.notice.body, [joined(&FIRST), joined(&SECOND)]);
    assert_eq!(d.notice.signature.as_deref(), Some("湖北省人民政府办公厅"));
    assert_eq!(d.notice.date.as_deref(), Some("2023-06-15"));
    assert_eq!(
        d.notice.title.as_deref(),
        Some("湖北省人民政府办公厅关于印发湖北省加快推进数字政府建设三年行动方案任务分工的通知")
    );
    assert_eq!(
        d.notice.addressees,
        ["各市、州、县人民政府", "省政府各部门"]
    );
}

#[test]
fn a_word_paragraph_wrapped_with_line_breaks_reads_as_one() {
    let mut body = head();
    body.push(para(&FIRST));
    body.push(para(&SECOND));
    body.extend(closing(&right));
    assert_read_as_printed(&read(&docx(&body)));
}

#[test]
fn word_paragraphs_of_one_printed_line_each_read_as_the_paragraphs_printed() {
    let mut body = head();
    body.extend(FIRST.iter().chain(&SECOND).map(|l| para(&[l])));
    body.extend(closing(&right));
    assert_read_as_printed(&read(&docx(&body)));
    // The first lines set in by the paragraphs' properties rather than by spaces.
    let mut body = head();
    for lines in [FIRST, SECOND] {
        for (k, l) in lines.iter().enumerate() {
            let l = l.trim_start_matches('\u{3000}');
            body.push(if k == 0 {
                para_with(
                    "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>",
                    &[l],
                )
            } else {
                para(&[l])
            });
        }
    }
    body.extend(closing(&right));
    assert_read_as_printed(&read(&docx(&body)));
    // A signature and date at the margin (set right by spaces the converter dropped) are not
    // joined to the full 附件说明 line above them.
    let mut body = head();
    body.extend(FIRST.iter().chain(&SECOND).map(|l| para(&[l])));
    body.extend(closing(&|t| para(&[t])));
    let d = read(&docx(&body));
    assert_read_as_printed(&d);
    assert_eq!(
        d.notice.attachments.first().map(|a| a.title.as_str()),
        Some("湖北省加快推进数字政府建设三年行动方案重点任务分工")
    );
}

#[test]
fn line_breaks_that_are_no_wrap_stay() {
    let mut body = head();
    body.extend(FIRST.iter().chain(&SECOND).map(|l| para(&[l])));
    // A heading nearly as long as a line, and its text, parted by a line break; a full line
    // that ends a sentence.
    body.push(para(&[
        "一、加快推进数字政府基础设施建设统筹集约化发展水平",
        "各地要统筹推进全省一体化政务云平台建设，推动各级部门的非涉密",
        "业务系统迁移上云。",
    ]));
    body.push(para(&[
        "　　二是完善政务服务平台功能，推动高频政务服务事项掌上办理。",
        "三是加快建设政务服务便民热线，推动热线与各紧急热线高效联动。",
    ]));
    body.extend(closing(&right));
    let got = docx_paragraphs(&body);
    assert_eq!(
        got[6..],
        [
            "一、加快推进数字政府基础设施建设统筹集约化发展水平",
            "各地要统筹推进全省一体化政务云平台建设，推动各级部门的非涉密业务系统迁移上云。",
            "二是完善政务服务平台功能，推动高频政务服务事项掌上办理。",
            "三是加快建设政务服务便民热线，推动热线与各紧急热线高效联动。",
            "附件：湖北省加快推进数字政府建设三年行动方案重点任务分工",
            "湖北省人民政府办公厅",
            "2023年6月15日",
        ],
        "{got:?}"
    );
    // Lines an empty paragraph parts, and lines a table parts.
    let mut body = head();
    body.extend(FIRST.iter().chain(&SECOND).map(|l| para(&[l])));
    body.push(para(&[
        "　　各地要加强组织领导，压实工作责任，确保各项任务按期完成并",
    ]));
    body.push(para(&[""]));
    body.push(para(&[
        "按要求报送落实情况，各地要加强组织领导，压实工作责任，确保各",
    ]));
    body.push("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>".into());
    body.push(para(&["项任务按期完成。"]));
    let got = docx_paragraphs(&body);
    assert_eq!(
        got[6..],
        [
            "各地要加强组织领导，压实工作责任，确保各项任务按期完成并",
            "按要求报送落实情况，各地要加强组织领导，压实工作责任，确保各",
            "项任务按期完成。",
        ],
        "{got:?}"
    );
}

#[test]
fn a_word_document_written_a_paragraph_a_line_is_left_alone() {
    // Paragraphs that each hold a sentence or more, some of one length by chance.
    let mut body = head();
    for text in [
        "　　为深入贯彻落实党中央、国务院关于加快推进数字政府建设的决策部署，进一步提升政务服务效能，经省人民政府同意，现就有关事项通知如下。",
        "　　一是健全移动端功能，推动高频政务服务事项掌上办指尖办",
        "　　二是加快建设政务服务便民热线，推动热线与紧急热线联动",
        "　　三是整合一网通办服务体系，推动企业和群众办事只进一扇门",
        "　　各地、各部门要切实加强组织领导，细化工作措施，明确时间节点，确保各项任务按期完成。",
    ] {
        body.push(para(&[text]));
    }
    body.extend(closing(&right));
    let got = docx_paragraphs(&body);
    assert_eq!(got.len(), 4 + 5 + 3, "{got:?}");
}

#[test]
fn an_html_paragraph_wrapped_with_br_reads_as_one() {
    let br = |lines: &[&str]| format!("<p>{}</p>", lines.join("<br>"));
    let page = format!(
        "<html><head><meta charset=\"utf-8\"></head><body><div class=\"content\">\
         <p>鄂政办发〔2023〕27号</p>\
         <p>湖北省人民政府办公厅关于印发湖北省加快推进数字政府建设三年行动方案任务分工的通知</p>\
         <p>各市、州、县人民政府，省政府各部门：</p>{}{}\
         <p>　　附件：湖北省加快推进数字政府建设三年行动方案重点任务分工</p>\
         <p style=\"text-align: right\">湖北省人民政府办公厅</p>\
         <p style=\"text-align: right\">2023年6月15日</p></div></body></html>",
        br(&FIRST),
        br(&SECOND)
    );
    assert_read_as_printed(&read(page.as_bytes()));
    // Lines a blank line (<br><br>, <p>&nbsp;</p>) or a rule parts are not joined.
    let page = format!(
        "<html><head><meta charset=\"utf-8\"></head><body><div class=\"content\">\
         <p>鄂政办发〔2023〕27号</p>\
         <p>湖北省人民政府办公厅关于印发湖北省加快推进数字政府建设三年行动方案任务分工的通知</p>\
         <p>各市、州、县人民政府，省政府各部门：</p>{}{}<p>{}<br><br>{}</p><p>{}</p><p>&nbsp;</p><p>{}</p><div>{}<hr>{}</div>\
         <p style=\"text-align: right\">湖北省人民政府办公厅</p>\
         <p style=\"text-align: right\">2023年6月15日</p></div></body></html>",
        br(&FIRST),
        br(&SECOND),
        "按要求报送落实情况，各地要加强组织领导，压实工作责任，确保各",
        "项任务按期完成。",
        "各地要统筹推进全省一体化政务云平台建设，推动各级部门的非涉密",
        "业务系统迁移上云。",
        "各地要加强组织领导，压实工作责任，确保各项任务按期完成并按要",
        "求报送。",
    );
    let got = html_paragraphs(&page);
    assert_eq!(
        got[5..11],
        [
            "按要求报送落实情况，各地要加强组织领导，压实工作责任，确保各",
            "项任务按期完成。",
            "各地要统筹推进全省一体化政务云平台建设，推动各级部门的非涉密",
            "业务系统迁移上云。",
            "各地要加强组织领导，压实工作责任，确保各项任务按期完成并按要",
            "求报送。",
        ],
        "{got:?}"
    );
}

#[test]
fn a_note_mark_in_sup_after_a_unit_is_no_part_of_its_name() {
    let page = "<html><head><meta charset=\"utf-8\"></head><body><p>附件</p><p>四川省2024年民生实事任务分工</p>\
        <table border=\"1\"><tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>\
        <tr><td>1</td><td>新建改扩建公办幼儿园100所，新增学位3万个。</td><td>省教育厅<sup>1</sup></td><td>省发展改革委<sup> 2 </sup>、省财政厅</td></tr>\
        <tr><td>2</td><td>为城乡低保对象等困难群众提供免费体检服务。</td><td>省卫生健康委</td><td>省民政厅、省医保局</td></tr></table>\
        <p>注：1.负责统筹协调；2.负责项目审批。</p></body></html>";
    let d = read(page.as_bytes());
    let task = d.tasks.first().expect("a task");
    assert_eq!(task.lead, ["省教育厅"]);
    assert_eq!(task.support, ["省发展改革委", "省财政厅"]);
    // The cells as printed keep the marks, raised.
    assert_eq!(task.lead_text, "省教育厅¹");
}

#[test]
fn figures_in_sup_read_raised_and_other_sups_as_written() {
    let page = "<html><head><meta charset=\"utf-8\"></head><body><div class=\"content\">\
        <p>新建公园绿地10万m<sup>2</sup>，投入资金10<sup>4</sup>万元，详见注<sup>1</sup>。</p>\
        <p>第2<sup>nd</sup>段，编号<sup>1234</sup>，<sup>[1]</sup>，<sup><b>3</b></sup>。</p></div></body></html>";
    assert_eq!(
        html_paragraphs(page),
        [
            "新建公园绿地10万m²，投入资金10⁴万元，详见注¹。",
            "第2nd段，编号1234，[1]，3。"
        ]
    );
}

#[test]
fn a_raised_note_mark_in_a_word_table_is_no_part_of_the_unit() {
    let raised = |text: &str| {
        format!("<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>{text}</w:t></w:r>")
    };
    let cell = |runs: &str| format!("<w:tc><w:p>{runs}</w:p></w:tc>");
    let row = |cells: [String; 4]| format!("<w:tr>{}</w:tr>", cells.concat());
    let body = vec![
        para(&["附件"]),
        centred("四川省2024年民生实事任务分工"),
        format!(
            "<w:tbl>{}{}{}</w:tbl>",
            row(["序号", "重点任务", "牵头单位", "配合单位"].map(|t| cell(&run(t)))),
            row([
                cell(&run("1")),
                cell(&run("新建改扩建公办幼儿园100所，新增学位3万个。")),
                cell(&format!("{}{}", run("省教育厅"), raised("1"))),
                cell(&format!(
                    "{}{}{}",
                    run("省发展改革委"),
                    raised("2"),
                    run("、省财政厅")
                )),
            ]),
            row([
                cell(&run("2")),
                cell(&format!(
                    "{}{}{}",
                    run("新建公园绿地10万m"),
                    raised("2"),
                    run("，提供免费体检服务。")
                )),
                cell(&run("省卫生健康委")),
                cell(&run("省民政厅")),
            ]),
        ),
    ];
    let d = read(&docx(&body));
    let tasks: Vec<_> = d
        .tasks
        .iter()
        .map(|t| (t.text.as_str(), t.lead.clone(), t.support.clone()))
        .collect();
    assert_eq!(
        tasks,
        [
            (
                "新建改扩建公办幼儿园100所，新增学位3万个。",
                vec!["省教育厅".to_string()],
                vec!["省发展改革委".to_string(), "省财政厅".to_string()]
            ),
            (
                "新建公园绿地10万m²，提供免费体检服务。",
                vec!["省卫生健康委".to_string()],
                vec!["省民政厅".to_string()]
            ),
        ]
    );
}
