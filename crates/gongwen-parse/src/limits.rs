//! Explicit limits that keep hostile input from exhausting time or memory.

/// Limits applied while reading. Every one can be raised from the CLI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted, in bytes (`--max-input-bytes`). Default 256 MiB.
    pub max_input_bytes: u64,
    /// Most cells one table grid may have after spans are expanded (`--max-grid-cells`). Default 1,000,000.
    pub max_grid_cells: u64,
    /// Largest `rowspan` honoured; larger values are capped (browsers cap at 65534).
    pub max_rowspan: u32,
    /// Largest `colspan` honoured; larger values are capped (browsers cap at 1000).
    pub max_colspan: u32,
    /// Deepest HTML element nesting walked; deeper content is flattened into its ancestor (`--max-depth`). Default 256.
    pub max_depth: u32,
    /// Largest total size a workbook's ZIP entries may expand to (`--max-unzipped-bytes`). Default 512 MiB.
    pub max_unzipped_bytes: u64,
    /// Most times one entry of a ZIP container (a DOCX part, a workbook's sheet) may expand its
    /// compressed size, once it is past [`UNZIP_GRACE_BYTES`] (`--max-unzip-ratio`). Default 100.
    /// Office's XML deflates to a fifth or a tenth of its size, a repetitive table to a
    /// thirtieth; an entry a thousand times smaller than what it inflates to is a zip bomb,
    /// and refusing it keeps the memory a container can take in proportion to the file
    /// (inflating is done before anything is read, and a part is read whole).
    pub max_unzip_ratio: u64,
    /// Most cells read from a workbook in all (`--max-grid-cells` applies too). Default 5,000,000.
    pub max_sheet_cells: u64,
    /// Most lines of a text, elements of a page, or paragraphs and tables of any input, one
    /// input may hold (`--max-blocks`). Default 1,000,000. Each costs the model a string and
    /// a place in its lists whatever its size, so a file of a million one-letter lines would
    /// need about 80 bytes of memory for every byte of input: the limit bounds what such a
    /// file can take (a notice has a few thousand).
    pub max_blocks: u64,
}

/// What any ZIP entry may inflate to whatever its compressed size: the ratio limit
/// ([`Limits::max_unzip_ratio`]) applies past it.
pub const UNZIP_GRACE_BYTES: u64 = 1 << 20;

impl Limits {
    /// The most bytes a ZIP entry of `compressed` bytes may inflate to under
    /// [`Limits::max_unzip_ratio`] (at least [`UNZIP_GRACE_BYTES`]).
    pub fn unzip_allowance(&self, compressed: u64) -> u64 {
        compressed
            .saturating_mul(self.max_unzip_ratio)
            .max(UNZIP_GRACE_BYTES)
    }

    /// The error for ZIP entry `entry` of `compressed` bytes that inflated past its allowance.
    pub(crate) fn unzip_ratio_error(
        &self,
        entry: &str,
        compressed: u64,
        inflated: u64,
    ) -> crate::Error {
        crate::Error::Limit {
            what: format!(
                "the expanded size in bytes of ZIP entry {entry} ({compressed} bytes compressed, which may expand {} times)",
                self.max_unzip_ratio
            ),
            value: inflated,
            limit: self.unzip_allowance(compressed),
            flag: "--max-unzip-ratio".into(),
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 256 * 1024 * 1024,
            max_grid_cells: 1_000_000,
            max_rowspan: 65534,
            max_colspan: 1000,
            max_depth: 256,
            max_unzipped_bytes: 512 * 1024 * 1024,
            max_unzip_ratio: 100,
            max_sheet_cells: 5_000_000,
            max_blocks: 1_000_000,
        }
    }
}
