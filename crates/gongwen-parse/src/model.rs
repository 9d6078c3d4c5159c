//! The document model: one typed structure that every reader produces and every writer consumes.
//!
//! Element names follow GB/T 9704-2012 (党政机关公文格式): 发文机关 (issuer), 发文字号 (document
//! number), 标题 (title), 主送机关 (addressees), 正文 (body), 附件说明 (attachment list), 署名
//! (signature), 成文日期 (date) and 附注 (note). The serialized names are a public contract (see
//! the README): fields may be added, never renamed.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Version of the JSON contract written in [`Document::schema_version`].
pub const SCHEMA_VERSION: &str = "1.0";

/// A parsed notice: its elements, its parts in reading order, the tasks found in them, and
/// everything the parser noticed on the way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// Version of this JSON contract, e.g. `"1.0"`.
    pub schema_version: String,
    /// Where the document came from and how it was decoded.
    pub source: Source,
    /// The notice's own elements (版头, 主体 and 版记 in GB/T 9704 terms).
    pub notice: Notice,
    /// The letter body (when it has structure), enclosed documents and attachments, in reading order.
    pub parts: Vec<Part>,
    /// Every task found: rows of task allocation tables and measures with inline duties.
    pub tasks: Vec<Task>,
    /// What looked wrong or noteworthy, each with the line it is about.
    pub diagnostics: Vec<Diagnostic>,
}

impl Default for Document {
    fn default() -> Self {
        Document {
            schema_version: SCHEMA_VERSION.to_string(),
            source: Source::default(),
            notice: Notice::default(),
            parts: Vec::new(),
            tasks: Vec::new(),
            diagnostics: Vec::new(),
        }
    }
}

/// The input format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Plain text, one block per line (tables as tab-separated cells).
    #[default]
    Text,
    /// An HTML page or fragment.
    Html,
    /// An Excel workbook (XLSX, XLSM); lines are sheet rows.
    Xlsx,
    /// A Word document (DOCX); lines are paragraph numbers.
    Docx,
    /// Comma-separated values (a task table saved as CSV).
    Csv,
    /// A document in this crate's own JSON contract.
    Json,
    /// A legacy Excel workbook (XLS, BIFF); lines are sheet rows.
    Xls,
    /// A binary Excel workbook (XLSB); lines are sheet rows.
    Xlsb,
    /// An OpenDocument spreadsheet (ODS); lines are sheet rows.
    Ods,
}

impl SourceFormat {
    /// True for the spreadsheet formats: a workbook is tables without a letter around them.
    pub fn is_workbook(self) -> bool {
        matches!(
            self,
            SourceFormat::Xlsx | SourceFormat::Xls | SourceFormat::Xlsb | SourceFormat::Ods
        )
    }

    /// True for a workbook or a task table saved as CSV: tables without a letter around them,
    /// so no title, 附件说明 or closing to look for.
    pub fn is_table_file(self) -> bool {
        self.is_workbook() || self == SourceFormat::Csv
    }
}

/// Provenance of the whole document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// The reader that produced the model.
    pub format: SourceFormat,
    /// The character encoding the bytes were decoded with (WHATWG name, e.g. `UTF-8`, `GBK`, `gb18030`, `UTF-16LE`).
    pub encoding: String,
    /// Metadata a web page carries about the notice (gov.cn's 索引号/发文机关/… table), when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<PageMeta>,
}

/// The metadata table that gov.cn-style pages print above the notice.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct PageMeta {
    /// 索引号
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index_no: Option<String>,
    /// 主题分类
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// 发文机关
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// 成文日期, as `YYYY-MM-DD` when it could be read as a date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// 标题
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// 发文字号
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_number: Option<String>,
    /// 发布日期, as `YYYY-MM-DD` when it could be read as a date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Every label/value pair of the table as printed (labels without spaces or the trailing colon).
    #[serde(default)]
    pub fields: IndexMap<String, String>,
}

/// The notice's own elements.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Notice {
    /// 发文机关: e.g. `重庆市人民政府`, or joint issuers `国务院办公厅、中央军委办公厅`.
    pub issuer: Option<String>,
    /// 标题, with the issuer line and every title line joined:
    /// `重庆市人民政府关于印发重庆市服务业扩大开放综合试点工作方案的通知`.
    pub title: Option<String>,
    /// 发文字号, e.g. `渝府发〔2021〕19号`.
    pub doc_number: Option<DocNumber>,
    /// 签发人 (printed beside the 发文字号 of a 上行文, a report or request to a higher organ):
    /// `签发人：张某某` gives `["张某某"]`. Names set apart only by spaces stay together, as
    /// normalization joins Chinese text across spaces.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signers: Vec<String>,
    /// 主送机关, split on the top-level `，`: `各区县（自治县）人民政府`, `市政府有关部门`, `有关单位`.
    pub addressees: Vec<String>,
    /// The letter's body paragraphs (正文), between the addressees and the signature.
    pub body: Vec<String>,
    /// 署名, e.g. `重庆市人民政府`.
    pub signature: Option<String>,
    /// 成文日期 as `YYYY-MM-DD`; printed as `2021年8月4日` or `二〇〇四年六月二十六日`.
    pub date: Option<String>,
    /// 成文日期 as printed (`二〇〇四年六月二十六日`), kept even when it is not a real date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_text: Option<String>,
    /// 附注 without its parentheses, e.g. `此件公开发布`.
    pub note: Option<String>,
    /// 附件说明: the attachments the notice lists, e.g. `附件：重庆市…任务分工`.
    pub attachments: Vec<AttachmentRef>,
    /// 抄送机关 (版记), split on the top-level `，`/`；`: `抄送：市委各部门，市人大常委会办公室。`
    /// gives `["市委各部门", "市人大常委会办公室"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copied_to: Vec<String>,
    /// Who attended a meeting, as its 纪要 lists them after the text (`出席：某某、某某某`,
    /// `列席：…`, `请假：某某（出差）`), one entry a line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendance: Vec<Attendance>,
    /// 印发机关 (版记): `某某市人民政府办公室  2022年5月7日印发` gives `某某市人民政府办公室`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed_by: Option<String>,
    /// 印发日期 (版记) as `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed_on: Option<String>,
    /// Source line of the first line of the title (1-based).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// One line of a 纪要's attendance list: `列席：市财政局某某、市审计局某某`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Attendance {
    /// The label as printed without its colon: `出席`, `列席`, `请假`, `出席人员`.
    pub role: String,
    /// The names, split on the top-level `、`/`，`/`；`: `某某（出差）` keeps its bracket.
    pub names: Vec<String>,
}

/// 发文字号 split into its parts: `渝府发〔2021〕19号` is agency `渝府发`, year 2021, serial 19.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct DocNumber {
    /// The number as printed (after punctuation normalization).
    pub raw: String,
    /// 机关代字, e.g. `渝府发`, `国办发明电`, `国令`.
    pub agency: String,
    /// 年份; absent in forms like `国令第707号`.
    pub year: Option<i32>,
    /// 发文顺序号.
    pub serial: Option<u32>,
}

/// One entry of 附件说明.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct AttachmentRef {
    /// The attachment's number (`附件：1．X` gives 1); `null` for a single unnumbered attachment.
    pub index: Option<u32>,
    /// The attachment's title as listed.
    pub title: String,
    /// The publisher's mark, printed after the title, that the attachment is left out of this
    /// publication (`（略）` for `2．重点任务分工表（略）`; `（此略）`, `（另发）`…): the title is read
    /// without it. Absent when nothing is marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub omitted: Option<String>,
}

/// What kind of part of the document a [`Part`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PartKind {
    /// The letter itself, when it carries numbered sections or tables (意见, 批复, 决定…).
    #[default]
    Body,
    /// A document the notice transmits (印发…的通知 encloses a 方案, 办法, 规则…).
    Enclosure,
    /// An attachment introduced by a `附件` or `附件1` label.
    Attachment,
}

/// A part of the document: the letter body, an enclosed document, or an attachment.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Part {
    /// Body, enclosure or attachment.
    pub kind: PartKind,
    /// The attachment label as printed (`附件`, `附件1`), `null` for other parts.
    pub label: Option<String>,
    /// The part's title, e.g. `重庆市服务业扩大开放综合试点工作方案`.
    pub title: Option<String>,
    /// Paragraphs before the first numbered heading.
    pub preamble: Vec<String>,
    /// The outline: numbered headings with their paragraphs and children.
    pub sections: Vec<Section>,
    /// Tables in the part, in reading order.
    pub tables: Vec<Table>,
    /// The closing formula the part ends with, after its last numbered section (`特此通知。`,
    /// `此复。`, `妥否，请批示。`), and the sign-off of an enclosed or forwarded document (its
    /// signature and date): the letter's words, not the last item's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closing: Vec<String>,
    /// Source line where the part starts.
    pub line: usize,
}

/// A numbered heading and everything under it.
///
/// `（一）全力抓好任务落地。认真贯彻…` becomes marker `（一）`, number 1, heading `全力抓好任务落地`
/// and the rest of the paragraph as the first entry of `paragraphs`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    /// The numbering marker as printed: `一、`, `（一）`, `1．`, `（1）`, `第一章`, `第三条`.
    pub marker: String,
    /// Depth in the outline, 1 for the top level; follows nesting, not a fixed table.
    pub level: u32,
    /// The marker's number (`（十四）` is 14).
    pub number: u32,
    /// The heading without its marker and without a trailing `。` (empty for articles 第X条).
    pub heading: String,
    /// The punctuation printed right after the heading (`。` for `（一）指导思想。`, empty for `一、总体要求`),
    /// and an allocation in brackets printed with it, which a task reads (`（甲牵头，乙配合）。` for
    /// `（一）实施产业链提升行动（甲牵头，乙配合）。`).
    #[serde(default)]
    pub heading_suffix: String,
    /// An article's caption, printed in brackets after its marker: `第一条（目的和依据）为了……`
    /// has caption `目的和依据`, and its text after the caption is in `paragraphs`. Absent when
    /// the article prints none (and for every other section).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Paragraphs under the heading, before any child heading.
    pub paragraphs: Vec<String>,
    /// Sub-sections.
    pub children: Vec<Section>,
    /// Paragraphs printed after the sub-sections: an article's words after its list of items
    /// (`第三条 …职责是：` / `（一）…` / `（二）…` / `区主管部门按照职责分工负责…`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<String>,
    /// Source line of the heading.
    pub line: usize,
    /// Where the section's heading stands among its part's blocks: see [`BlockOrder`].
    #[serde(skip)]
    #[schemars(skip)]
    pub order: BlockOrder,
    /// The source line of each of `paragraphs`: see [`ParagraphLines`].
    #[serde(skip)]
    #[schemars(skip)]
    pub paragraph_lines: ParagraphLines,
}

impl Section {
    /// The source line of paragraph `k`: its own where the builder knew it, else the heading's.
    pub fn paragraph_line(&self, k: usize) -> usize {
        let lines = &self.paragraph_lines.0;
        if lines.len() == self.paragraphs.len() {
            lines.get(k).copied().unwrap_or(self.line)
        } else {
            self.line
        }
    }
}

/// The source line of each paragraph of a section, in order (empty when unknown: a model read
/// back from JSON, where every paragraph reports its section's line). What a task read from a
/// paragraph names as its line.
///
/// A position, not content: not in the JSON, and two sections that differ only in it are equal.
#[derive(Debug, Clone, Default)]
pub struct ParagraphLines(pub Vec<usize>);

impl PartialEq for ParagraphLines {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for ParagraphLines {}

/// Where a section's heading or a table stands among its part's blocks (1-based), which orders
/// the two where the source line cannot: on a page printed on one line, every block has the
/// same line. 0 when unknown (a model read back from JSON, ordered by line alone).
///
/// A position, not content: not in the JSON, and two documents that differ only in it are
/// equal.
#[derive(Debug, Clone, Copy, Default, PartialOrd, Ord)]
pub struct BlockOrder(pub usize);

impl PartialEq for BlockOrder {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for BlockOrder {}

/// A table as a grid of cell text, spans expanded (a spanned cell's text stands in every slot it covers).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Table {
    /// A caption or title printed right above the table, when there is one.
    pub caption: Option<String>,
    /// How many leading rows are header rows.
    pub header_rows: usize,
    /// Every row's cells; all rows have the same number of cells.
    pub rows: Vec<Vec<String>>,
    /// Source line of each row (same length as `rows`).
    #[serde(default)]
    pub row_lines: Vec<usize>,
    /// Source line where the table starts.
    pub line: usize,
    /// The sheet of a workbook the table was read from (its `line`s are that sheet's rows);
    /// absent for other inputs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The slots (row, column) filled from a cell merged down over them (`rowspan`, Word's
    /// vertical merge, a workbook's merged range), in order: their text stands once in the
    /// source. Not part of the JSON.
    #[serde(skip)]
    #[schemars(skip)]
    pub merged_down: Vec<(usize, usize)>,
    /// Where the table stands among its part's blocks: see [`BlockOrder`].
    #[serde(skip)]
    #[schemars(skip)]
    pub order: BlockOrder,
    /// How many of its part's `preamble` paragraphs stand before the table: see
    /// [`PreambleAt`].
    #[serde(skip)]
    #[schemars(skip)]
    pub preamble_at: PreambleAt,
}

/// How many of a part's `preamble` paragraphs the source prints before a table, which places a
/// paragraph printed after a table (`从上表看，……`) after it again when the part is written
/// out. `None` when unknown (a model read back from JSON, a table the parser made itself): the
/// table is then placed after the preamble.
///
/// A position, not content: not in the JSON, and two documents that differ only in it are
/// equal.
#[derive(Debug, Clone, Copy, Default)]
pub struct PreambleAt(pub Option<usize>);

impl PartialEq for PreambleAt {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for PreambleAt {}

/// How a task was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum TaskOrigin {
    /// A row of a task allocation table (任务分工).
    #[default]
    Table,
    /// A measure that carries its duties in a trailing parenthesis (`（市发展改革委牵头，…配合）`).
    Inline,
}

/// One task: what must be done and who leads and supports it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Task {
    /// The task's number (序号), or the number of the measure's marker for inline duties — counted
    /// on from the inline duty before when it does not rise, so that inline duties' numbers are
    /// unique and in reading order.
    pub seq: u32,
    /// The task text.
    pub text: String,
    /// 牵头单位 (or 责任单位, 负责部门, 指导部门…), split on `、` and `，`.
    pub lead: Vec<String>,
    /// 配合单位 (or 配合部门, 参与单位…); empty when the cell is empty.
    pub support: Vec<String>,
    /// The group rows above the task as printed, outermost first:
    /// `一、推动服务业重点行业领域深化改革扩大开放`, `（一）充分竞争性服务业。`.
    pub group: Vec<String>,
    /// Source line of the task (its row, or its measure's paragraph).
    pub line: usize,
    /// Every other column by its header (主要内容, 完成时限, 推广范围…), or other fields of an inline duty.
    pub extra: IndexMap<String, String>,
    /// The lead cell as printed.
    #[serde(default)]
    pub lead_text: String,
    /// The support cell as printed.
    #[serde(default)]
    pub support_text: String,
    /// Table row or inline measure.
    #[serde(default)]
    pub origin: TaskOrigin,
    /// The number as printed when it is not a plain integer: an inline duty's measure marker
    /// (`（三）`), a table's 序号 such as `1-1`, `2.1` or `一`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// The sheet of a workbook the task was read from (its `line` is that sheet's row); absent
    /// for other inputs. Each sheet's table is a list of its own: its numbers may start at 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Whether the task's number comes from a 序号 cell merged down from the row above, where
    /// the source prints it once for several tasks. Not part of the JSON.
    #[serde(skip)]
    #[schemars(skip)]
    pub shares_number: bool,
}

/// How serious a diagnostic is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something worth knowing; nothing is wrong.
    Info,
    /// The document parsed, but something looks inconsistent or missing.
    Warning,
    /// Something could not be parsed or the result contradicts the document.
    Error,
}

/// Something the parser noticed, tied to a source line where there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// A stable machine-readable code, e.g. `task_count_mismatch`.
    pub code: String,
    /// What was found and what was expected, in words.
    pub message: String,
    /// The source line (1-based), or `null` when it concerns the whole document.
    pub line: Option<usize>,
    /// The spreadsheet cell (`任务分工!B7`) for workbook input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

impl Diagnostic {
    /// A diagnostic about `line`.
    pub fn new(
        severity: Severity,
        code: &str,
        message: impl Into<String>,
        line: Option<usize>,
    ) -> Self {
        Diagnostic {
            severity,
            code: code.to_string(),
            message: message.into(),
            line,
            cell: None,
        }
    }

    /// The same diagnostic about a workbook's cell (`任务分工!C4`).
    pub fn at_cell(mut self, cell: String) -> Self {
        self.cell = Some(cell);
        self
    }
}

impl Document {
    /// The worst severity among the diagnostics, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.diagnostics.iter().map(|d| d.severity).max()
    }

    /// Counts every section in every part, at every depth.
    pub fn section_count(&self) -> usize {
        fn count(s: &[Section]) -> usize {
            s.iter().map(|x| 1 + count(&x.children)).sum()
        }
        self.parts.iter().map(|p| count(&p.sections)).sum()
    }

    /// Counts every table in every part.
    pub fn table_count(&self) -> usize {
        self.parts.iter().map(|p| p.tables.len()).sum()
    }
}
