//! Files that are not what their names say, and what Word leaves in a page it saves: a notice
//! saved as text under a `.docx` name and a tab-separated export under a workbook's name are read
//! as what they are; Word's and Excel's one-file XML formats and password-protected Office files
//! are refused by what they are; a page saved from Word loses its tracked deletions, its comment
//! anchors and its placeholder cells, as the DOCX reader does.

use gongwen_parse::{Error, InputFormat, Options, parse};

fn named(format: InputFormat) -> Options {
    Options {
        format: Some(format),
        ..Options::default()
    }
}

/// (text, lead, support) of each task.
fn tasks(d: &gongwen_parse::Document) -> Vec<(String, Vec<String>, Vec<String>)> {
    d.tasks
        .iter()
        .map(|t| (t.text.clone(), t.lead.clone(), t.support.clone()))
        .collect()
}

fn refused(bytes: &[u8], options: &Options) -> String {
    match parse(bytes, options) {
        Err(Error::Unsupported { what }) => what,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

const NOTICE: &str = "浙江省人民政府办公厅关于印发某某工作方案的通知\n\
浙政办发〔2024〕8号\n\
各市、县（市、区）人民政府，省政府直属各单位：\n\
《某某工作方案》已经省政府同意，现印发给你们，请认真贯彻执行。\n\
浙江省人民政府办公厅\n\
2024年3月5日\n";

#[test]
fn a_text_notice_under_a_docx_name_is_read_as_text() {
    let d = parse(NOTICE.as_bytes(), &named(InputFormat::Docx)).expect("read as text");
    assert_eq!(
        d.notice.title.as_deref(),
        Some("浙江省人民政府办公厅关于印发某某工作方案的通知")
    );
    assert_eq!(
        d.notice.doc_number.as_ref().map(|n| n.raw.as_str()),
        Some("浙政办发〔2024〕8号")
    );
    let sniffed = &d.diagnostics[0];
    assert_eq!(sniffed.code, "format_sniffed");
    assert!(
        sniffed.message.contains("plain text"),
        "{}",
        sniffed.message
    );
}

#[test]
fn a_tab_separated_export_under_a_workbook_name_is_read_as_csv() {
    let tsv = "序号\t重点任务\t牵头单位\t配合单位\n\
               1\t加快充电设施建设。\t省能源局\t省交通运输厅、省住房城乡建设厅\n\
               2\t推进公共领域车辆电动化。\t省交通运输厅\t省财政厅\n";
    // In GBK, as a web system's 导出Excel writes it.
    let (gbk, _, _) = encoding_rs::GBK.encode(tsv);
    for format in [InputFormat::Workbook, InputFormat::Docx] {
        let d = parse(&gbk, &named(format)).expect("read");
        if format == InputFormat::Workbook {
            assert_eq!(
                tasks(&d),
                vec![
                    (
                        "加快充电设施建设。".to_string(),
                        vec!["省能源局".to_string()],
                        vec!["省交通运输厅".to_string(), "省住房城乡建设厅".to_string()]
                    ),
                    (
                        "推进公共领域车辆电动化。".to_string(),
                        vec!["省交通运输厅".to_string()],
                        vec!["省财政厅".to_string()]
                    ),
                ]
            );
            assert!(d.diagnostics[0].message.contains("a CSV file"));
        }
        assert_eq!(d.diagnostics[0].code, "format_sniffed");
    }
    // A comma-separated one too.
    let csv = tsv.replace('\t', ",");
    let d = parse(csv.as_bytes(), &named(InputFormat::Workbook)).expect("read");
    assert_eq!(d.tasks.len(), 2);
    // A notice written with ASCII commas under a workbook's name holds no table as CSV: it is
    // read as the text it is.
    let ascii = NOTICE.replace('，', ",").replace('：', ":");
    let d = parse(ascii.as_bytes(), &named(InputFormat::Workbook)).expect("read");
    assert_eq!(
        d.notice.title.as_deref(),
        Some("浙江省人民政府办公厅关于印发某某工作方案的通知")
    );
    assert!(
        d.diagnostics[0].message.contains("plain text"),
        "{:?}",
        d.diagnostics
    );
}

#[test]
fn office_xml_files_are_refused_by_what_they_are() {
    let word2003 = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
        <?mso-application progid=\"Word.Document\"?>\
        <w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\">\
        <w:body><w:p><w:r><w:t>江西省人民政府办公厅关于印发某某方案的通知</w:t></w:r></w:p></w:body></w:wordDocument>";
    let flat_opc = "<?xml version=\"1.0\" standalone=\"yes\"?>\
        <?mso-application progid=\"Word.Document\"?>\
        <pkg:package xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\">\
        <pkg:part pkg:name=\"/word/document.xml\"><pkg:xmlData><w:document/></pkg:xmlData></pkg:part></pkg:package>";
    let spreadsheet = "<?xml version=\"1.0\"?>\n<!-- exported -->\n\
        <Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet><Table>\
        <Row><Cell><Data>序号</Data></Cell></Row></Table></Worksheet></Workbook>";
    for (bytes, says) in [
        (word2003, "Word 2003 XML"),
        (flat_opc, "<pkg:package>"),
        (spreadsheet, "SpreadsheetML"),
    ] {
        // Sniffed (an `.xml` file), and under the names they are saved with.
        for options in [
            Options::default(),
            named(InputFormat::Docx),
            named(InputFormat::Workbook),
        ] {
            let what = refused(bytes.as_bytes(), &options);
            assert!(what.contains(says), "{what}");
            assert!(what.contains("save it as"), "{what}");
        }
    }
    // A page Word saved carries a `<w:WordDocument>` of settings in its head: it is a page.
    let page = "<html xmlns:w=\"urn:schemas-microsoft-com:office:word\"><head>\
        <!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->\
        </head><body><p class=MsoNormal>江西省人民政府办公厅关于印发某某方案的通知</p></body></html>";
    assert_eq!(
        gongwen_parse::read::sniff(page.as_bytes()).expect("sniffed"),
        InputFormat::Html
    );
}

/// An OLE compound file's first bytes and a directory entry named `name` (UTF-16LE), as Office
/// writes a password-protected package (`EncryptedPackage`) or a Word 97-2003 document
/// (`WordDocument`).
fn ole_with_stream(name: &str) -> Vec<u8> {
    let mut b = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    b.resize(512, 0);
    b.extend(name.encode_utf16().flat_map(u16::to_le_bytes));
    b.resize(2048, 0);
    b
}

#[test]
fn a_password_protected_office_file_is_named_as_such() {
    let encrypted = ole_with_stream("EncryptedPackage");
    for options in [
        Options::default(),
        named(InputFormat::Docx),
        named(InputFormat::Workbook),
    ] {
        let what = refused(&encrypted, &options);
        assert!(what.contains("password-protected"), "{what}");
    }
    // A Word 97-2003 document under a `.docx` name is named as what it is.
    let what = refused(&ole_with_stream("WordDocument"), &named(InputFormat::Docx));
    assert!(what.contains("Word 97-2003"), "{what}");
}

/// A page saved from Word: a task table whose rows are `rows` (`<tr>` elements) under a header.
fn word_page(rows: &str) -> String {
    format!(
        "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta charset=\"utf-8\"></head>\
         <body><div class=WordSection1>\
         <p class=MsoNormal>湖北省推动大规模设备更新重点任务分工</p>\
         <table class=MsoTableGrid border=1>\
         <tr><td><p>序号</p></td><td><p>重点任务</p></td><td><p>牵头单位</p></td><td><p>配合单位</p></td>\
         <td><p>完成时限</p></td></tr>{rows}</table></div></body></html>"
    )
}

#[test]
fn word_placeholder_cells_take_no_column() {
    let placeholder = "<td style='mso-cell-special:placeholder;border:none;padding:0cm 0cm 0cm 0cm' width=7>\
                       <p class='MsoNormal'>&nbsp;</p></td>";
    let page = word_page(&format!(
        "<tr style='mso-row-margin-left:5.4pt'>{placeholder}<td>1</td><td>推进重点行业设备更新改造。</td>\
         <td>省工业和信息化厅</td><td>省发展改革委、省财政厅</td><td>2027年底</td></tr>\
         <tr><td>2</td><td>加快建筑领域设备更新。</td><td>省住房城乡建设厅</td><td>省财政厅</td>\
         <td>持续推进</td>{placeholder}</tr>"
    ));
    let d = parse(page.as_bytes(), &Options::default()).expect("parses");
    assert_eq!(
        tasks(&d),
        vec![
            (
                "推进重点行业设备更新改造。".to_string(),
                vec!["省工业和信息化厅".to_string()],
                vec!["省发展改革委".to_string(), "省财政厅".to_string()]
            ),
            (
                "加快建筑领域设备更新。".to_string(),
                vec!["省住房城乡建设厅".to_string()],
                vec!["省财政厅".to_string()]
            ),
        ]
    );
    assert_eq!(
        d.tasks[0].extra.get("完成时限").map(String::as_str),
        Some("2027年底")
    );
    // A cell styled otherwise is a cell.
    let styled = word_page(
        "<tr><td style='border:solid windowtext 1.0pt'>1</td><td>推进设备更新。</td>\
         <td>省工业和信息化厅</td><td>省财政厅</td><td>2027年底</td></tr>",
    );
    let d = parse(styled.as_bytes(), &Options::default()).expect("parses");
    assert_eq!(d.tasks[0].lead, vec!["省工业和信息化厅"]);
}

#[test]
fn tracked_deletions_and_comment_anchors_are_left_out_of_a_word_page() {
    let page = word_page(
        "<tr><td>1</td><td><p class=MsoNormal><span>加快建筑和市政基础设施领域设备更新。</span>\
         <span class=MsoCommentReference><span style='font-size:10.5pt'><a class=msocomanchor \
         id=\"_anchor_1\" href=\"#_msocom_1\" name=\"_msoanchor_1\">[WL1]</a>&nbsp;</span></span></p></td>\
         <td><del cite=\"mailto:Li\" datetime=\"2024-04-10T09:12\">省发展改革委</del>\
         <ins cite=\"mailto:Li\" datetime=\"2024-04-10T09:12\">省住房城乡建设厅</ins></td>\
         <td>省财政厅</td><td>持续推进</td></tr>",
    );
    let d = parse(page.as_bytes(), &Options::default()).expect("parses");
    assert_eq!(
        tasks(&d),
        vec![(
            "加快建筑和市政基础设施领域设备更新。".to_string(),
            vec!["省住房城乡建设厅".to_string()],
            vec!["省财政厅".to_string()]
        )]
    );
    // Outside a table too: a paragraph keeps its inserted text and loses the deleted.
    let page = "<html><body><p>一、<del>加强</del><ins>强化</ins>组织领导<span class=MsoCommentReference>\
                <a class=msocomanchor href=\"#_msocom_2\">[WL2]</a></span></p></body></html>";
    let d = parse(page.as_bytes(), &Options::default()).expect("parses");
    let text = gongwen_emit::text::to_text(&d);
    assert!(text.contains("一、强化组织领导"), "{text}");
    assert!(!text.contains("WL2") && !text.contains("加强"), "{text}");
}

/// A Word document whose body is `body`, with its main part's relationships `rels`
/// (`<Relationship …/>` elements) and the parts `extra`.
fn docx(body: &str, rels: &str, extra: &[(&str, &[u8])]) -> Vec<u8> {
    let rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships \
         xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}</Relationships>"
    );
    let mut parts: Vec<(&str, &[u8])> = vec![("word/_rels/document.xml.rels", rels.as_bytes())];
    parts.extend_from_slice(extra);
    gongwen_tests::docx_package(body, &parts)
}

fn p(text: &str) -> String {
    format!(
        "<w:p><w:r><w:t>{}</w:t></w:r></w:p>",
        gongwen_tests::escape_markup(text)
    )
}

/// An object paragraph: an Excel worksheet (ProgID `prog`) pasted as an object, its picture and
/// its data by relationship `rId20`.
fn object(prog: &str) -> String {
    format!(
        "<w:p><w:r><w:object w:dxaOrig=\"9000\" w:dyaOrig=\"4000\"><v:shape id=\"_x0000_i1025\" \
         type=\"#_x0000_t75\"><v:imagedata r:id=\"rId9\"/></v:shape><o:OLEObject Type=\"Embed\" \
         ProgID=\"{prog}\" ShapeID=\"_x0000_i1025\" DrawAspect=\"Content\" ObjectID=\"_1\" \
         r:id=\"rId20\"/></w:object></w:r></w:p>"
    )
}

const EMBEDDED: &str = "<Relationship Id=\"rId20\" \
    Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/package\" \
    Target=\"embeddings/Microsoft_Excel_Worksheet.xlsx\"/>";

#[test]
fn a_worksheet_pasted_as_an_object_is_read_as_the_documents_table() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let rows = [
        ["序号", "重点任务", "牵头单位", "配合单位"],
        [
            "1",
            "加快5G网络规模化部署。",
            "省通信管理局",
            "省工业和信息化厅",
        ],
        [
            "2",
            "培育数据要素市场。",
            "省数据局",
            "省发展改革委、省财政厅",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).expect("cell");
        }
    }
    let xlsx = wb.save_to_buffer().expect("xlsx");
    let body = [
        p("某某省人民政府办公厅关于印发数字经济重点任务分工的通知"),
        p("各市人民政府，省政府各部门："),
        p("现将《数字经济重点任务分工》印发给你们，请认真贯彻落实。"),
        p("附件：数字经济重点任务分工"),
        p("某某省人民政府办公厅"),
        p("2024年5月20日"),
        p("附件"),
        p("数字经济重点任务分工"),
        object("Excel.Sheet.12"),
    ]
    .concat();
    let parts: [(&str, &[u8]); 1] = [("word/embeddings/Microsoft_Excel_Worksheet.xlsx", &xlsx)];
    let d = parse(&docx(&body, EMBEDDED, &parts), &Options::default()).expect("parses");
    assert_eq!(
        tasks(&d),
        vec![
            (
                "加快5G网络规模化部署。".to_string(),
                vec!["省通信管理局".to_string()],
                vec!["省工业和信息化厅".to_string()]
            ),
            (
                "培育数据要素市场。".to_string(),
                vec!["省数据局".to_string()],
                vec!["省发展改革委".to_string(), "省财政厅".to_string()]
            ),
        ]
    );
    // At the object's paragraph (the ninth), and said.
    assert!(d.tasks.iter().all(|t| t.line == 9), "{:?}", d.tasks);
    let said = d
        .diagnostics
        .iter()
        .find(|g| g.code == "docx_embedded_workbook")
        .expect("said");
    assert!(
        said.message
            .contains("word/embeddings/Microsoft_Excel_Worksheet.xlsx")
    );
    assert!(!d.diagnostics.iter().any(|g| g.code == "no_task_table"));

    // An object of another kind (a formula) is no table; an embedded part that is no workbook is
    // said and left out.
    let other = body.replace("Excel.Sheet.12", "Equation.3");
    let d = parse(&docx(&other, EMBEDDED, &parts), &Options::default()).expect("parses");
    assert!(d.tasks.is_empty());
    let broken: [(&str, &[u8]); 1] = [(
        "word/embeddings/Microsoft_Excel_Worksheet.xlsx",
        b"PK\x03\x04 not a workbook",
    )];
    let d = parse(&docx(&body, EMBEDDED, &broken), &Options::default()).expect("parses");
    assert!(d.tasks.is_empty());
    assert!(
        d.diagnostics
            .iter()
            .any(|g| g.code == "docx_embedded_unread" && g.line == Some(9)),
        "{:?}",
        d.diagnostics
    );
}
