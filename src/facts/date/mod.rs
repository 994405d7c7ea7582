//! DATE: years, day + month, dotted and ISO dates, months, seasons, weekdays, decades,
//! centuries, relative (`биыл`, `кеше`) and deictic (`өткен жылы`, `соңғы 5 жылда`)
//! expressions, durations and ages, each with the qualifier words KazNERD keeps inside
//! (reference A.3 rule 5, A.4 DATE, D). Vocabulary: `src/facts/data/{months,date_*}.tsv`.
//!
//! Conventions: `iso` is `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a `from/to` interval; year
//! ranges, decades and centuries also give their first and last year as `low`/`high`
//! (`90-жылдары`: 1990/1999, `XXI ғасыр`: 2001/2100); a day or month without a year takes
//! the year stated just before it (`1998 жылы 3 ақпанда`, `былтыр шілде айында`), else the
//! article's year when the article date is known (else no `iso`); quarters and half-years
//! are month intervals with no `value` (`2026 жылдың бірінші тоқсанында`: 2026-01/2026-03);
//! relative weeks are ISO weeks (`өткен аптада`: 2025-W10) and a weekday after a modifier
//! is its day (`осы сенбіде`), seasons and bare weekdays have no `iso`; durations and ages
//! get `value` (or `low`/`high`) and `unit` (`day`, `week`, `month`, `quarter`, `year`, an
//! age in `year`) and no `iso`, except stretches of the article's year, which get only an
//! `iso` (`биылғы жеті айда`, a report's `9 айда`: 2025-01/2025-09). `күні` after a day
//! and month and `айында` after a lone month stay outside (inside after a year or a
//! modifier, or before a qualifier: `қаңтар айынан бері`); `бастап` and `қарай` stay
//! outside, as in KazNERD. Two-digit spoken years complete around 2000 (`тоқсан бірінші
//! жылы` = 1991, `жиырма үшінші жылы` = 2023).

pub mod calendar;
pub mod lexicon;
pub mod number;
pub mod reading;
pub mod scanner;

#[cfg(test)]
mod tests;

use super::FactContext;
use crate::mention::{Fact, Label};
use crate::text::Text;
use crate::trace::Trace;
use lexicon::Lexicon;
use scanner::Scanner;

/// The rules of this dimension, built once.
pub struct DateRules {
    lexicon: &'static Lexicon,
}

impl DateRules {
    /// Loads tables and compiles patterns.
    pub fn new() -> Self {
        DateRules {
            lexicon: Lexicon::shared(),
        }
    }

    /// A scanner over `text` for [`DateRules::find_with`] and
    /// [`crate::facts::time::TimeRules::find_with`]: the per-word work is done once for both.
    pub fn scanner<'a, 't>(
        &'a self,
        text: &'a Text<'t>,
        context: &'a FactContext,
        trace: &Trace,
    ) -> Scanner<'a, 't> {
        Scanner::new(self.lexicon, text, context, trace.is_enabled())
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, text: &Text, context: &FactContext, out: &mut Vec<Fact>, trace: &mut Trace) {
        self.find_with(&self.scanner(text, context, trace), out, trace);
    }

    /// Appends the candidates `scanner` finds to `out`, and reports the rules' rejections.
    pub fn find_with(&self, scanner: &Scanner, out: &mut Vec<Fact>, trace: &mut Trace) {
        let text = scanner.text;
        // The first word not covered by the last reading.
        let mut next = 0;
        for &i in scanner.starts() {
            if i < next || !scanner.may_start_date(i) {
                continue;
            }
            if let Some(r) = scanner.reading_at(i) {
                next = r.last + 1;
                if r.label == Label::Date {
                    let fact = r.into_fact(text);
                    trace.built(fact.rule, fact.span, fact.label);
                    out.push(fact);
                }
            }
        }
        scanner.report_rejections(trace);
    }
}

impl Default for DateRules {
    fn default() -> Self {
        DateRules::new()
    }
}
