//! A DATE or TIME phrase as read so far: the words it covers, its calendar parts or
//! duration, and the rule that built it. Turned into a [`Fact`] once complete.

use super::lexicon::Unit;
use crate::mention::{Fact, Label, Qualifier};
use crate::text::Text;

/// What a reading denotes, for the rules that join readings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A year, or a year with a genitive link (`2025 жылғы`, `өткен жылдың`).
    Year,
    /// A month, a day of a month, or a season: what may follow a year.
    InYear,
    /// Anything else.
    Other,
}

/// A phrase under construction.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// First word.
    pub first: usize,
    /// Last word.
    pub last: usize,
    /// DATE or TIME.
    pub label: Label,
    /// Rule id.
    pub rule: &'static str,
    /// What it denotes.
    pub kind: Kind,
    /// Calendar year, when known.
    pub year: Option<i32>,
    /// Month, when known.
    pub month: Option<u32>,
    /// Day of the month, when known.
    pub day: Option<u32>,
    /// ISO form fixed by the rule (relative dates, ranges, clock times).
    pub iso: Option<String>,
    /// Count of a duration (or an age, or a position such as a quarter).
    pub value: Option<f64>,
    /// Range ends.
    pub range: Option<(f64, f64)>,
    /// Unit of `value` or `range`.
    pub unit: Option<Unit>,
    /// Bound stated by qualifier words.
    pub qualifier: Qualifier,
}

impl Reading {
    /// An empty reading over `first..=last`.
    pub fn new(first: usize, last: usize, label: Label, rule: &'static str) -> Self {
        Reading {
            first,
            last,
            label,
            rule,
            kind: Kind::Other,
            year: None,
            month: None,
            day: None,
            iso: None,
            value: None,
            range: None,
            unit: None,
            qualifier: Qualifier::Exact,
        }
    }

    /// The fact this reading states.
    pub fn into_fact(self, text: &Text) -> Fact {
        let mut fact = Fact::new(self.label, text.span_of(self.first, self.last), self.rule);
        fact.iso = self
            .iso
            .or_else(|| super::calendar::iso(self.year, self.month, self.day));
        fact.value = self.value;
        if let Some((low, high)) = self.range {
            fact.low = Some(low);
            fact.high = Some(high);
        }
        fact.unit = self.unit.map(|u| u.name().to_owned());
        fact.qualifier = self.qualifier;
        fact
    }
}
