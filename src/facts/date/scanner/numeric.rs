//! Numeric and Roman forms: `date/iso` (`2023-01-05`), `date/dotted` (`05.01.2023`) and
//! `date/century-roman` (`XXI ғасыр`).

use super::Scanner;
use crate::facts::date::calendar::{valid_day, Iso};
use crate::facts::date::lexicon::{is_roman, Noun, Unit};
use crate::facts::date::number::hyphen_gap;
use crate::facts::date::reading::Reading;
use crate::mention::Label;
use crate::text::words::WordShape;

impl Scanner<'_, '_> {
    fn digits(&self, i: usize, widths: std::ops::RangeInclusive<usize>) -> Option<u32> {
        let w = self.text.words.get(i)?;
        let s = self.text.surface(i);
        (w.shape == WordShape::Digits && widths.contains(&s.len()))
            .then(|| s.parse().ok())
            .flatten()
    }

    /// `date/iso` (`2023-01-05`) and `date/dotted` (`05.01.2023`, `05.01.2023 ж.`).
    pub(super) fn numeric_date(&self, i: usize) -> Option<Reading> {
        let gaps = (self.text.gap_after(i), self.text.gap_after(i + 1));
        let (rule, year, month, day) = match gaps {
            (g1, g2) if hyphen_gap(g1) && hyphen_gap(g2) => (
                "date/iso",
                self.digits(i, 4..=4)?,
                self.digits(i + 1, 2..=2)?,
                self.digits(i + 2, 2..=2)?,
            ),
            (".", ".") => (
                "date/dotted",
                self.digits(i + 2, 4..=4)?,
                self.digits(i + 1, 1..=2)?,
                self.digits(i, 1..=2)?,
            ),
            _ => return None,
        };
        let year = year as i32;
        if !valid_day(Some(year), month, day) {
            return None;
        }
        let mut last = i + 2;
        if rule == "date/dotted" && self.norm(last + 1) == "ж" && self.text.gap_after(last) == " "
        {
            last += 1;
        }
        let mut r = Reading::new(i, last, Label::Date, rule);
        (r.year, r.month, r.day) = (Some(year), Some(month), Some(day));
        Some(r)
    }

    /// `date/century-roman`: `XXI ғасыр`, `Х–ХІІ ғасырларда` (Latin or Cyrillic X, I, V).
    pub(super) fn roman_century(&self, i: usize) -> Option<Reading> {
        let a = roman(self.norm(i))?;
        let (b, k) = match self.connector(i).map(|k| (roman(self.norm(k)), k)) {
            Some((Some(b), k)) if b > a => (b, k),
            _ => (a, i),
        };
        match self.noun(k + 1)?.noun {
            Noun::Unit(Unit::Century) => Some(century(i, k + 1, a, b, "date/century-roman")),
            _ => None,
        }
    }
}

/// A century reading over `first..=last` for centuries `lo..=hi` (iso: their years).
pub(super) fn century(first: usize, last: usize, lo: i64, hi: i64, rule: &'static str) -> Reading {
    let mut r = Reading::new(first, last, Label::Date, rule);
    set_years(&mut r, ((lo - 1) * 100 + 1) as i32, (hi * 100) as i32);
    r
}

/// A span of whole years: `low`/`high` and the ISO interval `from/to`.
pub(super) fn set_years(r: &mut Reading, from: i32, to: i32) {
    r.iso = Some(Iso::new().num(from, 4).text("/").num(to, 4).done());
    r.range = Some((f64::from(from), f64::from(to)));
}

/// Reads a folded Roman numeral made of X, V and I (Latin or Cyrillic look-alikes).
pub(super) fn roman(norm: &str) -> Option<i64> {
    if !norm.chars().next().is_some_and(is_roman) {
        return None;
    }
    let digits: Vec<i64> = norm
        .chars()
        .map(|c| match c {
            'x' | 'х' => Some(10),
            'v' => Some(5),
            'i' | 'і' => Some(1),
            _ => None,
        })
        .collect::<Option<_>>()?;
    if digits.is_empty() || digits.len() > 5 {
        return None;
    }
    let mut total = 0;
    for (k, &d) in digits.iter().enumerate() {
        match digits.get(k + 1) {
            Some(&next) if next > d => total -= d,
            _ => total += d,
        }
    }
    (total > 0).then_some(total)
}
