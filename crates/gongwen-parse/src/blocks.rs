//! The block stream: what every reader produces and the structure builder consumes.
//!
//! A reader turns its input into paragraphs and tables in reading order, with the text already
//! normalized (see [`crate::normalize`]) and each block tagged with its source line. The
//! structure builder never sees the input format.

use crate::model::{Diagnostic, PageMeta, SourceFormat, Table};

/// One paragraph: a line of a text file, a `<p>` of a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    /// Normalized text, never empty.
    pub text: String,
    /// Source line (1-based).
    pub line: usize,
}

/// A block of the document in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph.
    Para(Para),
    /// A table grid, spans expanded, cells normalized. Boxed, so that a paragraph — nearly every
    /// block — costs the 32 bytes of its own fields in the block list, not a table's 88.
    Table(Box<Table>),
}

impl Block {
    /// The paragraph's text; `None` for a table.
    pub fn para_text(&self) -> Option<&str> {
        match self {
            Block::Para(p) => Some(p.text.as_str()),
            Block::Table(_) => None,
        }
    }

    /// The block's source line.
    pub fn line(&self) -> usize {
        match self {
            Block::Para(p) => p.line,
            Block::Table(t) => t.line,
        }
    }
}

/// What a reader hands to the structure builder.
#[derive(Debug, Clone, Default)]
pub struct Blocks {
    /// Paragraphs and tables in reading order.
    pub blocks: Vec<Block>,
    /// The reader's format.
    pub format: SourceFormat,
    /// The encoding the input was decoded with.
    pub encoding: String,
    /// Page metadata, when the input carried it.
    pub page: Option<PageMeta>,
    /// What the reader noticed (encoding fallbacks, capped spans, ignored sheets…).
    pub diagnostics: Vec<Diagnostic>,
    /// A workbook that carries its notice's text (a sheet of it, a line a row) before its task
    /// tables: its paragraphs are read as a letter's, not as the title rows of a table file.
    pub letter: bool,
}

impl Blocks {
    /// Puts every block's and diagnostic's line back on the source line it stands for, when
    /// the text read had its lines split or joined first: line `i + 1` of that text is source
    /// line `origin[i] + 1` (lines past `origin` stay as they are).
    pub(crate) fn map_lines(&mut self, origin: &[usize]) {
        let map = |line: &mut usize| {
            if let Some(&o) = line.checked_sub(1).and_then(|i| origin.get(i)) {
                *line = o + 1;
            }
        };
        for b in &mut self.blocks {
            match b {
                Block::Para(p) => map(&mut p.line),
                Block::Table(t) => {
                    map(&mut t.line);
                    t.row_lines.iter_mut().for_each(map);
                }
            }
        }
        for d in &mut self.diagnostics {
            if let Some(line) = &mut d.line {
                map(line);
            }
        }
    }
}

#[cfg(test)]
impl Blocks {
    /// The tables among the blocks, in reading order (for the readers' tests).
    pub(crate) fn tables(&self) -> Vec<&crate::model::Table> {
        self.blocks
            .iter()
            .filter_map(|x| match x {
                Block::Table(t) => Some(&**t),
                Block::Para(_) => None,
            })
            .collect()
    }
}
