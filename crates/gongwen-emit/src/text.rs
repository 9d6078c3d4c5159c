//! Normalized plain-text writer.
//!
//! UTF-8, LF line endings, one block per line, the document's own words only (no labels are
//! added), tables as tab-separated rows (each row starts with a tab; a row whose one cell spans
//! the table is printed once; a cell holding a line break is quoted, as a spreadsheet copies it). The text is already normalized by the readers (CJK spacing,
//! canonical full-width punctuation), so reading this output back with
//! [`gongwen_parse::parse_text`] gives the same model, and writing that model again gives the
//! same text.

use gongwen_parse::{Document, Part, PartKind, Section, Table};

/// Writes the document as normalized plain text.
///
/// ```
/// let doc = gongwen_parse::parse_text("某某市人民政府关于某某事项的通知\n某府发〔2021〕3号\n各区县人民政府：\n现将有关事项通知如下。\n某某市人民政府\n2021年8月4日\n");
/// let text = gongwen_emit::text::to_text(&doc);
/// assert!(text.starts_with("某某市人民政府\n关于某某事项的通知\n某府发〔2021〕3号\n各区县人民政府：\n"));
/// assert_eq!(gongwen_emit::text::to_text(&gongwen_parse::parse_text(&text)), text);
/// ```
pub fn to_text(doc: &Document) -> String {
    let mut w = Writer {
        out: String::with_capacity(4096),
    };
    let n = &doc.notice;
    if let Some(title) = &n.title {
        match n
            .issuer
            .as_deref()
            .and_then(|i| title.strip_prefix(i).map(|rest| (i, rest)))
        {
            Some((issuer, rest)) if rest.starts_with("关于") => {
                w.line(issuer);
                w.line(rest);
            }
            _ => w.line(title),
        }
        // An order titled above its head (`某某条例` / `某某省人民政府令` / `第285号`): the head
        // names the issuer the title does not, and is the number's agency.
        if let (Some(issuer), Some(num)) = (n.issuer.as_deref(), &n.doc_number)
            && num.raw.starts_with('第')
            && !title.starts_with(issuer)
            && !title.ends_with("公告")
            && !title.ends_with("通告")
        {
            if num.agency.is_empty() {
                w.line(&format!("{issuer}令"));
            } else {
                w.line(&num.agency);
            }
        }
    }
    let signers = (!n.signers.is_empty()).then(|| format!("签发人：{}", n.signers.join("、")));
    match (&n.doc_number, signers) {
        (Some(num), Some(signers)) => w.line(&format!("{}{signers}", num.raw)),
        (Some(num), None) => w.line(&num.raw),
        (None, Some(signers)) => w.line(&signers),
        (None, None) => {}
    }
    if !n.addressees.is_empty() {
        w.line(&format!("{}：", n.addressees.join("，")));
    }
    let has_enclosure = doc.parts.iter().any(|p| p.kind == PartKind::Enclosure);
    // The letter's paragraphs as printed; a body part is built from them, so only its tables
    // need printing besides.
    // A table whose caption is one of them follows that paragraph (the text after the table,
    // such as a `注：` line, stays after it); the others follow the paragraphs.
    let tables = doc
        .parts
        .iter()
        .find(|p| p.kind == PartKind::Body)
        .map_or(&[][..], |b| &b.tables[..]);
    let mut placed = vec![false; tables.len()];
    for p in &n.body {
        w.line(p);
        if let Some(i) =
            (0..tables.len()).find(|&i| !placed[i] && tables[i].caption.as_ref() == Some(p))
        {
            placed[i] = true;
            w.table_with(&tables[i], false);
        }
    }
    for (t, placed) in tables.iter().zip(placed) {
        if !placed {
            w.table(t);
        }
    }
    for a in &n.attendance {
        w.line(&format!("{}：{}", a.role, a.names.join("、")));
    }
    if !has_enclosure {
        w.attachment_list(doc);
    }
    if let Some(sig) = &n.signature {
        w.line(sig);
    }
    if let Some(date) = n
        .date_text
        .clone()
        .or_else(|| n.date.as_deref().and_then(printed_date))
    {
        w.line(&date);
    }
    if let Some(note) = &n.note {
        w.line(&format!("（{note}）"));
    }
    let last_enclosure = doc
        .parts
        .iter()
        .rposition(|p| p.kind == PartKind::Enclosure);
    for (i, part) in doc.parts.iter().enumerate() {
        if part.kind == PartKind::Body {
            continue;
        }
        if let Some(label) = &part.label {
            w.line(label);
        }
        if let Some(title) = &part.title {
            w.line(title);
        }
        w.part_content(part);
        if Some(i) == last_enclosure {
            w.attachment_list(doc);
        }
    }
    // The 版记.
    if !n.copied_to.is_empty() {
        w.line(&format!("抄送：{}。", n.copied_to.join("，")));
    }
    let printed_on = n.printed_on.as_deref().and_then(printed_date);
    if n.printed_by.is_some() || printed_on.is_some() {
        w.line(&format!(
            "{}{}印发",
            n.printed_by.as_deref().unwrap_or_default(),
            printed_on.unwrap_or_default()
        ));
    }
    w.out
}

/// `2021-08-04` → `2021年8月4日`.
fn printed_date(iso: &str) -> Option<String> {
    let mut it = iso.split('-');
    let y: u32 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.parse().ok()?;
    Some(format!("{y}年{m}月{d}日"))
}

struct Writer {
    out: String,
}

impl Writer {
    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    /// A part's text; its tables where they stand in the source: each one before the first
    /// section that starts after it (by source line), the others after the sections.
    /// In a part of tables and no sections (an attachment's task table alone), a note of the
    /// preamble (`注：…`) is printed under the tables, where such a note stands.
    fn part_content(&mut self, part: &Part) {
        let notes_under = part.sections.is_empty() && !part.tables.is_empty();
        let is_note = |p: &str| {
            notes_under
                && p.strip_prefix("备")
                    .unwrap_or(p)
                    .strip_prefix("注")
                    .is_some_and(|r| r.starts_with(['：', ':']))
        };
        for p in part.preamble.iter().filter(|p| !is_note(p)) {
            self.line(p);
        }
        let mut tables = part.tables.iter().peekable();
        for s in &part.sections {
            self.section(s, &mut tables);
        }
        for t in tables {
            self.table(t);
        }
        for p in part.preamble.iter().filter(|p| is_note(p)) {
            self.line(p);
        }
        for c in &part.closing {
            self.line(c);
        }
    }

    /// The tables that stand before source line `line` and block position `order` (a page
    /// printed on one line is ordered by position: see `Section::order`).
    fn tables_before<'t>(
        &mut self,
        (line, order): (usize, usize),
        tables: &mut std::iter::Peekable<impl Iterator<Item = &'t Table>>,
    ) {
        while let Some(t) = tables.next_if(|t| (t.line, t.order.0) < (line, order)) {
            self.table(t);
        }
    }

    fn section<'t>(
        &mut self,
        s: &Section,
        tables: &mut std::iter::Peekable<impl Iterator<Item = &'t Table>>,
    ) {
        self.tables_before((s.line, s.order.0), tables);
        let mut paragraphs = s.paragraphs.iter();
        // A decimal outline number (`1`, `1.1`) is set apart from its heading, as printed.
        let gap = if s.marker.ends_with(|c: char| c.is_ascii_digit()) {
            " "
        } else {
            ""
        };
        if s.heading.is_empty() {
            // No heading: the marker (and an article's caption) opens the first paragraph, as
            // printed.
            let first = paragraphs.next().map(String::as_str).unwrap_or("");
            let caption = s
                .caption
                .as_deref()
                .map(|c| format!("（{c}）"))
                .unwrap_or_default();
            self.line(&format!(
                "{}{gap}{caption}{}{}",
                s.marker, s.heading_suffix, first
            ));
        } else {
            self.line(&format!(
                "{}{gap}{}{}",
                s.marker, s.heading, s.heading_suffix
            ));
        }
        for p in paragraphs {
            self.line(p);
        }
        for c in &s.children {
            self.section(c, tables);
        }
        for p in &s.after {
            self.line(p);
        }
    }

    fn table(&mut self, t: &Table) {
        self.table_with(t, true);
    }

    /// The table's rows, after its caption when `caption`.
    fn table_with(&mut self, t: &Table, caption: bool) {
        if let Some(c) = t.caption.as_ref().filter(|_| caption) {
            self.line(c);
        }
        for row in &t.rows {
            let cells = if gongwen_parse::tasks::is_spanning_row(row) {
                &row[..1]
            } else {
                &row[..]
            };
            for cell in cells {
                self.out.push('\t');
                self.cell(cell);
            }
            self.out.push('\n');
        }
    }

    /// A cell as a spreadsheet copies it: a cell that holds a line break or a tab is quoted,
    /// its quote marks doubled (`"市政务服务局（牵头）\n市大数据局"`), which the text reader
    /// reads back as one cell; any other cell as it is.
    fn cell(&mut self, cell: &str) {
        if cell.contains(['\n', '\r', '\t']) {
            self.out.push('"');
            for c in cell.chars() {
                match c {
                    '"' => self.out.push_str("\"\""),
                    '\r' => {}
                    _ => self.out.push(c),
                }
            }
            self.out.push('"');
        } else {
            self.out.push_str(cell);
        }
    }

    fn attachment_list(&mut self, doc: &Document) {
        for (i, a) in doc.notice.attachments.iter().enumerate() {
            // The mark that the attachment is left out of this publication, as listed.
            let mark = a.omitted.as_deref().unwrap_or_default();
            let item = match a.index {
                Some(n) => format!("{n}．{}{mark}", a.title),
                None => format!("{}{mark}", a.title),
            };
            if i == 0 {
                self.line(&format!("附件：{item}"));
            } else {
                self.line(&item);
            }
        }
    }
}
