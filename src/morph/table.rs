//! A column view of the bundled TSV tables for the morphology and gazetteer loaders, built on
//! the crate's one table reader ([`crate::table`]): rows with a minimum number of filled
//! leading columns, errors naming the file and line (they panic at startup: the tables are
//! bundled).

/// One data row of a table: its 1-based line number and its columns.
pub struct Row<'t> {
    /// Line number in the file, for error messages.
    pub line: usize,
    /// The tab-separated columns, trimmed.
    pub cols: Vec<&'t str>,
}

impl<'t> Row<'t> {
    /// Column `i`, or empty when the row is shorter.
    pub fn col(&self, i: usize) -> &'t str {
        self.cols.get(i).copied().unwrap_or("")
    }
}

/// The data rows of `text` (the contents of `file`), each with at least `min_cols` non-empty
/// leading columns. Panics with `file:line` on a short row.
pub fn rows<'t>(file: &'static str, text: &'t str, min_cols: usize) -> Vec<Row<'t>> {
    crate::table::rows(file, text)
        .map(|row| {
            for i in 0..min_cols {
                row.cell(i);
            }
            Row {
                line: row.line,
                cols: row.cells,
            }
        })
        .collect()
}
