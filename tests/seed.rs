//! The founding document's facts: 渝府发〔2021〕19号 parsed from `seeds/cq-2021-19.txt`.
//!
//! These are facts a reader can check by eye in the seed; the parser knows none of them.

use gongwen_parse::{Document, PartKind, Section, Severity};

fn seed() -> Document {
    let bytes = std::fs::read(gongwen_tests::seed_path()).expect("seed present");
    gongwen_parse::parse(&bytes, &gongwen_parse::Options::default()).expect("seed parses")
}

#[test]
fn notice_elements_are_recovered() {
    let d = seed();
    let n = &d.notice;
    assert_eq!(n.issuer.as_deref(), Some("重庆市人民政府"));
    assert_eq!(
        n.title.as_deref(),
        Some("重庆市人民政府关于印发重庆市服务业扩大开放综合试点工作方案的通知")
    );
    let num = n.doc_number.as_ref().expect("doc number");
    assert_eq!(
        (num.raw.as_str(), num.agency.as_str(), num.year, num.serial),
        ("渝府发〔2021〕19号", "渝府发", Some(2021), Some(19))
    );
    assert_eq!(
        n.addressees,
        vec!["各区县（自治县）人民政府", "市政府有关部门", "有关单位"]
    );
    assert_eq!(
        n.body,
        vec!["现将《重庆市服务业扩大开放综合试点工作方案》印发给你们，请认真贯彻执行。"]
    );
    assert_eq!(n.signature.as_deref(), Some("重庆市人民政府"));
    assert_eq!(n.date.as_deref(), Some("2021-08-04"));
    assert_eq!(n.note.as_deref(), Some("此件公开发布"));
    assert_eq!(n.attachments.len(), 1);
    assert_eq!(n.attachments[0].index, None);
    assert_eq!(
        n.attachments[0].title,
        "重庆市服务业扩大开放综合试点总体方案任务分工"
    );
    assert_eq!(d.source.encoding, "UTF-8");
}

#[test]
fn parts_are_the_plan_then_the_attachment() {
    let d = seed();
    let kinds: Vec<PartKind> = d.parts.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, vec![PartKind::Enclosure, PartKind::Attachment]);
    assert_eq!(
        d.parts[0].title.as_deref(),
        Some("重庆市服务业扩大开放综合试点工作方案")
    );
    assert_eq!(d.parts[0].preamble.len(), 1);
    assert!(d.parts[0].preamble[0].starts_with("为认真贯彻落实"));
    assert_eq!(d.parts[1].label.as_deref(), Some("附件"));
    assert_eq!(
        d.parts[1].title.as_deref(),
        Some("重庆市服务业扩大开放综合试点总体方案任务分工")
    );
    assert_eq!(d.parts[1].tables.len(), 1);
    let t = &d.parts[1].tables[0];
    assert_eq!(t.header_rows, 1);
    assert_eq!(t.rows[0], vec!["序号", "试点任务", "牵头单位", "配合单位"]);
    assert!(t.rows.iter().all(|r| r.len() == 4));
}

#[test]
fn plan_outline_nests_chapters_and_measures() {
    let d = seed();
    let s = &d.parts[0].sections;
    let top: Vec<(&str, &str, usize)> = s
        .iter()
        .map(|x| (x.marker.as_str(), x.heading.as_str(), x.children.len()))
        .collect();
    assert_eq!(
        top,
        vec![
            ("一、", "总体要求", 3),
            ("二、", "重点举措", 7),
            ("三、", "保障措施", 3)
        ]
    );
    assert!(s.iter().all(|x| {
        x.level == 1
            && x.children
                .iter()
                .all(|c| c.level == 2 && c.marker.starts_with('（'))
    }));
    // A heading on its own line.
    let guiding: &Section = &s[0].children[0];
    assert_eq!(
        (
            guiding.marker.as_str(),
            guiding.number,
            guiding.heading.as_str()
        ),
        ("（一）", 1, "指导思想")
    );
    assert_eq!(guiding.paragraphs.len(), 1);
    // A heading that opens its paragraph is split from the text that follows.
    let first_measure = &s[1].children[0];
    assert_eq!(first_measure.heading, "全力抓好任务落地");
    assert!(first_measure.paragraphs[0].starts_with("认真贯彻总体方案部署要求"));
    assert_eq!(s[1].children[6].number, 7);
    // Provenance: the heading's line in the source.
    assert_eq!(s[0].line, 22);
    assert_eq!(guiding.line, 24);
}

#[test]
fn all_86_tasks_in_4_chapters_and_14_categories() {
    let d = seed();
    assert_eq!(d.tasks.len(), 86);
    let seqs: Vec<u32> = d.tasks.iter().map(|t| t.seq).collect();
    assert_eq!(seqs, (1..=86).collect::<Vec<u32>>());
    assert!(
        d.tasks
            .iter()
            .all(|t| t.group.len() == 2 && !t.text.is_empty() && !t.lead.is_empty())
    );
    let mut chapters: Vec<&str> = d.tasks.iter().map(|t| t.group[0].as_str()).collect();
    chapters.dedup();
    assert_eq!(chapters.len(), 4);
    assert_eq!(chapters[0], "一、推动服务业重点行业领域深化改革扩大开放");
    let mut sizes: Vec<(String, usize)> = Vec::new();
    for t in &d.tasks {
        match sizes.last_mut() {
            Some((g, n)) if *g == t.group[1] => *n += 1,
            _ => sizes.push((t.group[1].clone(), 1)),
        }
    }
    let counts: Vec<usize> = sizes.iter().map(|(_, n)| *n).collect();
    assert_eq!(counts, vec![8, 24, 5, 7, 8, 2, 3, 2, 3, 1, 6, 7, 8, 2]);
    assert_eq!(sizes[0].0, "（一）充分竞争性服务业。");
    assert_eq!(sizes[13].0, "（十四）加强金融风险防控。");
}

#[test]
fn task_fields_keep_lists_empties_and_odd_cells() {
    let d = seed();
    let task = |n: u32| d.tasks.iter().find(|t| t.seq == n).expect("task present");
    let t1 = task(1);
    assert_eq!(t1.lead, vec!["市科技局"]);
    assert_eq!(t1.support, vec!["市发展改革委", "市教委", "市国资委"]);
    assert_eq!(t1.line, 76);
    // An empty supporting-units cell is an empty list, not a missing task.
    assert!(task(9).support.is_empty());
    assert_eq!(task(9).lead, vec!["市教委"]);
    // Cells that are not plain lists survive as text.
    assert_eq!(
        task(73).support,
        vec!["《国家职业资格目录（专业技术人员资格）》中的实施部门"]
    );
    // Units joined by 及 are each a unit; the printed text keeps the word.
    assert!(
        task(69)
            .support
            .ends_with(&["市商务委".to_string(), "各行业主管部门".to_string()])
    );
    assert_eq!(
        task(69).support_text,
        "市委网信办、市发展改革委、市商务委及各行业主管部门"
    );
}

#[test]
fn a_consistent_seed_has_no_warnings() {
    let d = seed();
    let bad: Vec<_> = d
        .diagnostics
        .iter()
        .filter(|x| x.severity >= Severity::Warning)
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn a_lost_row_is_reported_against_the_stated_count() {
    // Remove task 40's row (its four lines) from the seed: the plan still says 86 tasks.
    let text = std::fs::read_to_string(gongwen_tests::seed_path()).expect("seed");
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|l| *l == "\t40").expect("row 40");
    let mut cut: Vec<&str> = lines[..start].to_vec();
    cut.extend(&lines[start + 5..]);
    let d = gongwen_parse::parse_text(&cut.join("\n"));
    assert_eq!(d.tasks.len(), 85);
    let codes: Vec<&str> = d.diagnostics.iter().map(|x| x.code.as_str()).collect();
    assert!(codes.contains(&"task_count_mismatch"), "{codes:?}");
    assert!(codes.contains(&"task_number_gap"), "{codes:?}");
    let gap = d
        .diagnostics
        .iter()
        .find(|x| x.code == "task_number_gap")
        .expect("gap");
    assert_eq!(
        gap.line,
        d.tasks.iter().find(|t| t.seq == 41).map(|t| t.line)
    );
}
