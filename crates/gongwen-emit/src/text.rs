//! Normalized plain-text writer.
//!
//! UTF-8, LF line endings, one block per line, the document's own words only (no labels are
//! added), tables as tab-separated rows (each row starts with a tab; a row whose one cell spans
//! the table is printed once; a cell holding a line break is quoted, as a spreadsheet copies it;
//! a 序号 cell merged down over several rows is printed once, the slots under it left empty, as a
//! spreadsheet copies a merged cell), each table where it stands (in the letter, under the
//! heading it follows). The text is already normalized by the readers (CJK spacing,
//! canonical full-width punctuation), so reading this output back with
//! [`gongwen_parse::parse_text`] gives the same model, and writing that model again gives the
//! same text.

use gongwen_parse::{Document, Part, PartKind, Section, Table, TaskOrigin};

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
        sheet_groups: sheet_groups(doc),
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
    // A 纪要 signs with its masthead's closing line (`某某市人民政府办公室　　2024年4月12日`, under
    // its name), not with a signature under its text: printed there, the text reads back with
    // the same issuer and date.
    let masthead_line = n
        .title
        .as_deref()
        .filter(|t| t.ends_with("纪要") && n.signature.is_none())
        .and(n.issuer.as_deref())
        .zip(n.date_text.as_deref())
        .map(|(issuer, date)| format!("{issuer}\u{3000}\u{3000}{date}"));
    if let Some(line) = &masthead_line {
        w.line(line);
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
    // need printing besides, each where it stands: a table whose caption is one of them follows
    // that paragraph (the text after the table, such as a `注：` line, stays after it); the
    // others stand before the heading of the first section after them (so a table under
    // `一、重点任务` stays under it), and the rest before the letter's closing formula.
    let body = doc.parts.iter().find(|p| p.kind == PartKind::Body);
    let tables = body.map_or(&[][..], |b| &b.tables[..]);
    let mut headings = Vec::new();
    if !tables.is_empty()
        && let Some(b) = body
    {
        outline(&b.sections, &mut headings);
    }
    let closing_at = body
        .filter(|b| !tables.is_empty() && !b.closing.is_empty() && n.body.ends_with(&b.closing))
        .map(|b| n.body.len() - b.closing.len());
    let mut placed = vec![false; tables.len()];
    let (mut next_heading, mut next_table) = (0, 0);
    // The 附件说明 of a letter whose attachment was read into its text (a plan published with
    // its attachment but no covering letter) stands before the attachment's label.
    let mut listed = has_enclosure || n.attachments.is_empty();
    // The body's preamble paragraphs met so far: a table printed between two of them stands
    // before the second (see `Table::preamble_at`).
    let preamble = body.map_or(&[][..], |b| &b.preamble[..]);
    let mut preamble_seen = 0usize;
    for (k, p) in n.body.iter().enumerate() {
        if Some(k) == closing_at {
            w.tables_left(tables, &mut placed, &mut next_table, None);
        }
        if preamble.get(preamble_seen) == Some(p) {
            while let Some(t) = tables.get(next_table)
                && t.preamble_at.0.is_some_and(|at| at <= preamble_seen)
            {
                if !placed[next_table] {
                    w.table(t);
                    placed[next_table] = true;
                }
                next_table += 1;
            }
            preamble_seen += 1;
        }
        if let Some(s) = headings.get(next_heading)
            && opens(p, s)
        {
            next_heading += 1;
            w.tables_left(
                tables,
                &mut placed,
                &mut next_table,
                Some((s.line, s.order.0)),
            );
        }
        if !listed && is_attachment_label(p) {
            listed = true;
            w.attachment_list(doc);
        }
        w.line(p);
        if let Some(i) =
            (0..tables.len()).find(|&i| !placed[i] && tables[i].caption.as_ref() == Some(p))
        {
            placed[i] = true;
            w.table_with(&tables[i], false);
        }
    }
    w.tables_left(tables, &mut placed, &mut next_table, None);
    for a in &n.attendance {
        w.line(&format!("{}：{}", a.role, a.names.join("、")));
    }
    if !listed {
        w.attachment_list(doc);
    }
    if let Some(sig) = &n.signature {
        w.line(sig);
    }
    if let Some(date) = n
        .date_text
        .clone()
        .or_else(|| n.date.as_deref().and_then(printed_date))
        .filter(|_| masthead_line.is_none())
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
        // A part with no label titled by its table's title row (a workbook's sheet) prints
        // that row once: twice at the top, the two lines read back as one title run together.
        // Under a label (`附件2` / its title / the caption) the line under the title is the
        // table's caption, as the source printed it.
        let titled_by_caption = part.title.as_deref().filter(|_| part.label.is_none());
        w.part_content(part, titled_by_caption);
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

/// The sheets of a workbook whose tasks have the sheet's name as their group (a sheet of tasks
/// among several whose table prints no groups: the sheet is the group). Text has no sheets: the
/// name is printed as the group row it stands for, under the table's header.
fn sheet_groups(doc: &Document) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for t in doc.tasks.iter().filter(|t| t.origin == TaskOrigin::Table) {
        if let (Some(sheet), [group]) = (t.sheet.as_deref(), t.group.as_slice())
            && sheet == group
            && !names.contains(&sheet)
        {
            names.push(sheet);
        }
    }
    names
}

/// The sections of an outline in reading order, each before its children.
fn outline<'s>(sections: &'s [Section], out: &mut Vec<&'s Section>) {
    for s in sections {
        out.push(s);
        outline(&s.children, out);
    }
}

/// Whether a letter paragraph is the printed heading of section `s`: its marker, then (set
/// apart by a space or not) its heading: `一、重点任务` and `（一）全力抓好任务落地。认真贯彻…`
/// open the sections `一、` `重点任务` and `（一）` `全力抓好任务落地`; `第三条 为了…` opens
/// the article `第三条` (no heading).
fn opens(p: &str, s: &Section) -> bool {
    p.strip_prefix(s.marker.as_str())
        .is_some_and(|rest| rest.trim_start().starts_with(s.heading.as_str()))
}

/// An attachment's label on a line of its own: `附件`, `附件2`, `附件十二`, `附件：` (a number
/// of 1 to 3 digits or Chinese numerals); not the 附件说明 `附件：某某表`.
fn is_attachment_label(p: &str) -> bool {
    let Some(rest) = p.strip_prefix("附件") else {
        return false;
    };
    let number = rest.strip_suffix(['：', ':']).unwrap_or(rest);
    number.chars().count() <= 3
        && (number.bytes().all(|b| b.is_ascii_digit())
            || number.chars().all(|c| "一二三四五六七八九十".contains(c)))
}

/// The slots of a task table's 序号 column filled from a number cell merged down over them
/// (`rowspan`, Word's vertical merge, a workbook's merged range), in order: printed empty, as a
/// spreadsheet copies a merged cell, so that the tasks under it share the number and do not
/// repeat it (`1 | 推进企业开办标准化。…` / `  | 推行电子营业执照…`). Empty for a table without
/// merged cells, which is nearly every one read from text.
fn merged_numbers(t: &Table) -> Vec<(usize, usize)> {
    if t.merged_down.is_empty() {
        return Vec::new();
    }
    let Some(roles) = gongwen_parse::tasks::column_roles(&gongwen_parse::tasks::column_names(t))
    else {
        return Vec::new();
    };
    t.merged_down
        .iter()
        .copied()
        .filter(|&(r, c)| {
            r >= t.header_rows && roles.get(c) == Some(&gongwen_parse::tasks::ColumnRole::Seq)
        })
        .collect()
}

/// `2021-08-04` → `2021年8月4日`.
fn printed_date(iso: &str) -> Option<String> {
    let mut it = iso.split('-');
    let y: u32 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.parse().ok()?;
    Some(format!("{y}年{m}月{d}日"))
}

struct Writer<'d> {
    out: String,
    /// The sheets whose name is their tasks' group ([`sheet_groups`]).
    sheet_groups: Vec<&'d str>,
}

impl Writer<'_> {
    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    /// A part's text; its tables where they stand in the source: each one before the first
    /// section that starts after it (by source line), the others after the sections.
    /// In a part of tables and no sections (an attachment's task table alone), a note of the
    /// preamble (`注：…`) is printed under the tables, where such a note stands. A first table
    /// whose caption is `title`, the part's title just printed, with nothing between them (a
    /// part titled by its table's title row), is printed without it: the one line is both.
    fn part_content(&mut self, part: &Part, title: Option<&str>) {
        let notes_under = part.sections.is_empty() && !part.tables.is_empty();
        let is_note = |p: &str| {
            notes_under
                && p.strip_prefix("备")
                    .unwrap_or(p)
                    .strip_prefix("注")
                    .is_some_and(|r| r.starts_with(['：', ':']))
        };
        // Where every table knows how much of the preamble stands before it, the preamble and
        // the tables are printed in the source's order, a note where it stands.
        let placed = part.tables.iter().all(|t| t.preamble_at.0.is_some());
        let is_note = |p: &str| !placed && is_note(p);
        let mut tables = part.tables.iter().peekable();
        let mut before = 0usize;
        for (i, p) in part.preamble.iter().enumerate() {
            if is_note(p) {
                continue;
            }
            while let Some(t) = tables.next_if(|t| t.preamble_at.0.is_some_and(|at| at <= i)) {
                self.first_table(t, &mut before, title);
            }
            self.line(p);
            before += 1;
        }
        if let Some(t) = tables.next_if(|t| {
            part.sections
                .first()
                .is_none_or(|s| (t.line, t.order.0) < (s.line, s.order.0))
        }) {
            self.first_table(t, &mut before, title);
        }
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

    /// A table printed in a part's preamble, or first after it: without its caption when it
    /// is the part's `title` just printed, with nothing between them (see `part_content`).
    /// `before` counts the lines printed since the title.
    fn first_table(&mut self, t: &Table, before: &mut usize, title: Option<&str>) {
        let caption = *before > 0 || title.is_none() || t.caption.as_deref() != title;
        self.table_with(t, caption);
        *before += 1;
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
        // A decimal outline number (`1`, `1.1`) is set apart from its heading, as printed; so
        // is a regulation's label from its words (`第一条 为了……`, `第一章 总则`), as the
        // letter's own paragraphs keep it — not from a caption in brackets (`第一条（目的）`).
        let label = s.caption.is_none()
            && s.marker.starts_with('第')
            && gongwen_parse::numbering::block_marker_kind(&s.marker)
                .is_some_and(|k| k.is_ordinal());
        let gap = if label || s.marker.ends_with(|c: char| c.is_ascii_digit()) {
            " "
        } else {
            ""
        };
        if s.heading.is_empty() {
            // No heading: the marker (and an article's caption) opens the first paragraph, as
            // printed.
            let first = paragraphs.next().map(String::as_str).unwrap_or("");
            let gap = if label && (first.is_empty() || first.starts_with(['（', '【'])) {
                ""
            } else {
                gap
            };
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

    /// The tables of the letter not printed yet, from `next` on, that stand before source line
    /// and block position `before` (all of them when `None`), with their captions.
    fn tables_left(
        &mut self,
        tables: &[Table],
        placed: &mut [bool],
        next: &mut usize,
        before: Option<(usize, usize)>,
    ) {
        while let Some(t) = tables.get(*next)
            && before.is_none_or(|b| (t.line, t.order.0) < b)
        {
            if placed.get(*next) == Some(&false) {
                self.table(t);
            }
            if let Some(p) = placed.get_mut(*next) {
                *p = true;
            }
            *next += 1;
        }
    }

    /// The table's rows, after its caption when `caption`.
    fn table_with(&mut self, t: &Table, caption: bool) {
        if let Some(c) = t.caption.as_ref().filter(|_| caption) {
            self.line(c);
        }
        let blank = merged_numbers(t);
        // The sheet's name as the group row under the header, where it is its tasks' group and
        // the table prints no such row of its own.
        let group = t.sheet.as_deref().filter(|name| {
            self.sheet_groups.contains(name)
                && !t
                    .rows
                    .iter()
                    .any(|row| row.first().is_some_and(|c| c == name))
        });
        for (r, row) in t.rows.iter().enumerate() {
            if r == t.header_rows
                && let Some(name) = group
            {
                self.out.push('\t');
                self.out.push_str(name);
                self.out.push('\n');
            }
            let spanning = gongwen_parse::tasks::is_spanning_row(row);
            let cells = if spanning { &row[..1] } else { &row[..] };
            for (c, cell) in cells.iter().enumerate() {
                self.out.push('\t');
                if spanning || blank.binary_search(&(r, c)).is_err() {
                    self.cell(cell);
                }
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
