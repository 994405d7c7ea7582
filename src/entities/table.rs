//! Rows of the bundled entity tables (read by the shared loader [`crate::morph::table`]) with
//! checked cell access: tables are compiled into the binary, so a malformed row is a build
//! defect and panics at startup naming the file and the line.

/// One data row of a table with its 1-based line number.
pub struct Row<'a> {
    /// The table's file name, for messages.
    pub file: &'static str,
    /// 1-based line number in the file.
    pub line: usize,
    /// The tab-separated cells, trimmed.
    pub cells: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// Cell `i`, panicking with the file and line when the row is too short.
    pub fn cell(&self, i: usize) -> &'a str {
        match self.cells.get(i) {
            Some(c) if !c.is_empty() => c,
            _ => self.fail(&format!("expected at least {} cells", i + 1)),
        }
    }

    /// Aborts table loading with a message that names the file and line.
    pub fn fail(&self, why: &str) -> ! {
        panic!("{}:{}: {}", self.file, self.line, why)
    }
}

/// The data rows of a bundled table (parsed by [`crate::morph::table::rows`]).
pub fn rows(file: &'static str, source: &'static str) -> impl Iterator<Item = Row<'static>> {
    crate::morph::table::rows(file, source, 1)
        .into_iter()
        .map(move |row| Row {
            file,
            line: row.line,
            cells: row.cols,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_comments_and_numbers_lines() {
        let rows: Vec<_> = rows("t.tsv", "# head\n\nа\tб\nв\n").collect();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].line, rows[0].cell(1)), (3, "б"));
        assert_eq!(rows[1].line, 4);
    }

    #[test]
    #[should_panic(expected = "t.tsv:1")]
    fn short_rows_name_file_and_line() {
        let row = rows("t.tsv", "а\n").next().unwrap();
        row.cell(1);
    }
}
