//! Reading the bundled TSV tables: `#` comments and blank lines skipped, tab-separated
//! columns, errors naming the file and line (they panic at startup: the tables are bundled).

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
pub fn rows<'t>(file: &str, text: &'t str, min_cols: usize) -> Vec<Row<'t>> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = raw.split('\t').map(str::trim).collect();
        let filled = cols.iter().take(min_cols).filter(|c| !c.is_empty()).count();
        if filled < min_cols {
            panic!(
                "{file}:{}: expected {min_cols} tab-separated columns, got {:?}",
                i + 1,
                raw
            );
        }
        out.push(Row { line: i + 1, cols });
    }
    out
}
