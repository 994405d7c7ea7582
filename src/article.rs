//! One input article, as every reader produces it.

/// An article to analyze. Readers fill `id` and `source` even when the rest is missing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// Stable identifier: the JSONL id field, or derived from the file name / line number.
    pub id: String,
    /// Where it came from: a path, `path:line` for JSONL, or `-:line` for stdin.
    pub source: String,
    /// Publication date as given (`YYYY-MM-DD` when well formed).
    pub date: Option<String>,
    /// Headline, analyzed too; its spans are marked `field: "title"`.
    pub title: Option<String>,
    /// Body text; offsets of `field: "text"` spans index into it.
    pub text: String,
}

/// A calendar date, as needed to resolve `биыл` (this year) and `былтыр` (last year).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month 1-12.
    pub month: u32,
    /// Day 1-31.
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`; anything else gives `None`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut parts = s.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Date { year, month, day })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_well_formed_dates() {
        assert_eq!(
            Date::parse_iso("2026-01-10"),
            Some(Date {
                year: 2026,
                month: 1,
                day: 10
            })
        );
        assert_eq!(Date::parse_iso("2026-13-10"), None);
        assert_eq!(Date::parse_iso("10.01.2026"), None);
    }
}
