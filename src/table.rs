//! Reading the bundled TSV tables (`src/**/data/*.tsv`, `src/**/cases/*.tsv`): one row per
//! line, tab separated, `#` starts a comment line, blank lines are skipped. A malformed row panics with
//! the file name and line number; the tables are compiled in, so that can only happen when a
//! table was edited badly, and the first test run says where.

use std::str::FromStr;

/// One data row of a table, with its position for error messages.
pub struct Row<'a> {
    /// Table file name, for messages.
    pub file: &'static str,
    /// 1-based line number.
    pub line: usize,
    /// The tab-separated cells, trimmed.
    pub cells: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// Cell `i`, which must exist and be non-empty.
    pub fn cell(&self, i: usize) -> &'a str {
        match self.cells.get(i) {
            Some(c) if !c.is_empty() => c,
            _ => self.fail(&format!("missing column {}", i + 1)),
        }
    }

    /// Cell `i` if present and non-empty.
    pub fn optional(&self, i: usize) -> Option<&'a str> {
        self.cells.get(i).copied().filter(|c| !c.is_empty())
    }

    /// Cell `i` parsed as `T`.
    pub fn parse<T: FromStr>(&self, i: usize) -> T {
        let cell = self.cell(i);
        cell.parse()
            .unwrap_or_else(|_| self.fail(&format!("cannot parse column {} `{cell}`", i + 1)))
    }

    /// Panics with the file and line; for rows that make no sense.
    pub fn fail(&self, why: &str) -> ! {
        panic!("{}:{}: {why}", self.file, self.line)
    }
}

/// The data rows of a bundled table.
pub fn rows<'a>(file: &'static str, content: &'a str) -> impl Iterator<Item = Row<'a>> {
    content.lines().enumerate().filter_map(move |(n, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            return None;
        }
        Some(Row {
            file,
            line: n + 1,
            cells: line.split('\t').map(str::trim).collect(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_comments_and_numbers_lines() {
        let rows: Vec<_> = rows("t.tsv", "# c\n\nа\t1\nб\t2\n").collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].line, 4);
        assert_eq!(rows[1].parse::<u32>(1), 2);
        assert_eq!(rows[0].optional(2), None);
    }

    #[test]
    #[should_panic(expected = "t.tsv:1: cannot parse column 2")]
    fn bad_rows_name_file_and_line() {
        let row = rows("t.tsv", "а\tx").next().unwrap();
        row.parse::<u32>(1);
    }
}
