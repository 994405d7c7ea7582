//! Numeric facts: cardinals, ordinals, percentages, money, quantities, ranges, dates and
//! times, with normalized values, qualifiers, counted objects and change direction.
//! Vocabulary lives in `src/facts/data/*.tsv`; constructions are small named rules.

#[cfg(test)]
mod cases;
mod change;
pub mod date;
pub mod number;
pub mod numeral;
mod object;
mod phrase;
mod prefix;
use crate::table;
pub mod time;
mod vocab;

use crate::article::Date;
use crate::mention::Fact;
use crate::text::Text;
use crate::trace::Trace;

/// What the numeric rules need to know about the article.
#[derive(Debug, Clone, Copy, Default)]
pub struct FactContext {
    /// The article's date, to resolve `биыл` / `былтыр`.
    pub article_date: Option<Date>,
}

/// All numeric rules, built once.
pub struct NumericExtractor {
    numbers: number::NumberRules,
    dates: date::DateRules,
    times: time::TimeRules,
}

impl NumericExtractor {
    /// Loads the tables and compiles the rules.
    pub fn new() -> Self {
        NumericExtractor {
            numbers: number::NumberRules::new(),
            dates: date::DateRules::new(),
            times: time::TimeRules::new(),
        }
    }

    /// Appends every numeric candidate of `text` to `out` (overlaps are resolved later).
    /// The numerals the number rules read are shared with the date and time rules, which
    /// ask for the same words.
    pub fn extract(
        &self,
        text: &Text,
        context: &FactContext,
        out: &mut Vec<Fact>,
        trace: &mut Trace,
    ) {
        numeral::share_readings(text, || {
            self.numbers.find(text, context, out, trace);
            // One scanner for both: the per-word work is shared.
            let scanner = self.dates.scanner(text, context, trace);
            self.dates.find_with(&scanner, out, trace);
            self.times.find_with(&scanner, out, trace);
        });
    }
}

impl Default for NumericExtractor {
    fn default() -> Self {
        NumericExtractor::new()
    }
}
