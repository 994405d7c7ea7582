//! Number-led rules: a number (or range) before a month, a calendar noun or an ending:
//! days and months, years, decades, centuries, quarters, durations, ages.

use super::numeric::{century, set_years};
use super::{Counted, Scanner};
use crate::facts::date::calendar::{full_year, valid_day, Iso};
use crate::facts::date::lexicon::{Marker, Noun, NounForm, Unit};
use crate::facts::date::number::{hyphen_gap, Num};
use crate::facts::date::reading::{Kind, Reading};
use crate::mention::{Label, Qualifier};
use crate::text::fold::is_space;

/// Ages above this are not ages (`үш жүз мың жас` is "300 000 young people").
const MAX_AGE: f64 = 150.0;

impl Scanner<'_, '_> {
    /// Number-led rules: `date/day-month`, `date/year`, `date/decade`, `date/century`,
    /// `date/age`, `date/duration` (TIME for clock units), `date/ordinal-unit`,
    /// `date/year-case`.
    pub fn number_phrase(&self, i: usize) -> Option<Reading> {
        let (a, b, range) = self.num_or_range(i)?;
        let mut k = b.last + 1;
        // The noun follows across a space or a hyphen, never across punctuation.
        let gap = self.text.gap_after(b.last);
        if !(gap.chars().all(is_space) || hyphen_gap(gap)) {
            return self.year_case(&b).or_else(|| self.day_alone(&b));
        }
        let mut form = self.noun(k);
        let mut inner_bound = None;
        if form.is_none() && self.lex.inner(self.norm(k)) {
            // `15 жұмыс күніне`: the stop list's rate reading does not apply here.
            inner_bound = self.qualifier(k).map(|(_, q)| q);
            form = self.any_noun(k + 1);
            k += usize::from(form.is_some());
        }
        let Some(form) = form else {
            return self
                .year_case(&b)
                .or_else(|| self.age_of(&a, &b, range))
                .or_else(|| self.day_alone(&b));
        };
        let head = b.integer();
        match form.noun {
            Noun::Month { month, .. } => {
                let day = match head.filter(|&d| d <= 31) {
                    Some(d) if valid_day(None, month, d as u32) && a.integer().is_some() => d,
                    _ => return self.year_case(&b),
                } as u32;
                let mut r = Reading::new(i, k, Label::Date, "date/day-month");
                r.kind = Kind::InYear;
                r.month = Some(month);
                match range {
                    Some((low, _)) => r.iso = self.day_range_iso(i, month, low as u32, day),
                    None => {
                        r.day = Some(day);
                        r.year = self.context_year(i);
                    }
                }
                Some(r)
            }
            Noun::Unit(unit) => {
                let mut r = self.unit_phrase(i, k, (a, b, range), unit, form)?;
                if let Some(q) = inner_bound {
                    r.qualifier = q;
                }
                Some(r)
            }
        }
    }

    pub(super) fn day_range_iso(
        &self,
        i: usize,
        month: u32,
        low: u32,
        high: u32,
    ) -> Option<String> {
        let year = self.context_year(i)?;
        let at =
            |iso: Iso, day: u32| (iso.num(year, 4).text("-").num(month, 2).text("-")).num(day, 2);
        Some(at(at(Iso::new(), low).text("/"), high).done())
    }

    /// A number (or range) counted in `unit` at word `k`.
    fn unit_phrase(
        &self,
        i: usize,
        k: usize,
        (a, b, range): Counted,
        unit: Unit,
        form: NounForm,
    ) -> Option<Reading> {
        let label = if unit.is_clock() {
            Label::Time
        } else {
            Label::Date
        };
        // Newspaper ordinals glue the noun with a hyphen: `1-тоқсанда`, `2020-жылы`.
        let ordinal = a.ordinal || b.ordinal || hyphen_gap(self.text.gap_after(b.last));
        let as_year = |n: &Num| n.integer().and_then(full_year);
        match unit {
            Unit::Period => return None,
            Unit::Year
                if range.is_none()
                    && self.lex.starts(Marker::Plural, form.ending)
                    && is_decade(&b) =>
            {
                let start = as_year(&b)?;
                let mut r = Reading::new(i, k, label, "date/decade");
                set_years(&mut r, start, start + 9);
                return Some(r);
            }
            Unit::Year if ordinal || (b.digits && b.width == 4) => {
                let mut r = Reading::new(i, k, label, "date/year");
                match range {
                    Some(_) => set_years(&mut r, as_year(&a)?, as_year(&b)?),
                    None => {
                        r.year = Some(as_year(&b)?);
                        if self.lex.links(form.ending) {
                            r.kind = Kind::Year;
                        }
                    }
                }
                return Some(r);
            }
            Unit::Century if ordinal => {
                let (lo, hi) = (a.integer()?, b.integer()?);
                return Some(century(i, k, lo, hi, "date/century"));
            }
            Unit::Quarter | Unit::HalfYear if !ordinal => return None,
            _ => {}
        }
        if ordinal {
            let mut r = Reading::new(i, k, label, "date/ordinal-unit");
            r.value = Some(b.value);
            r.unit = Some(unit);
            let year = self.context.article_date.map(|d| d.year);
            r.iso = year.and_then(|y| part_of_year(y, unit, b.value));
            return Some(r);
        }
        let story = matches!(unit, Unit::Day | Unit::Year);
        if story
            && !a.digits
            && a.value == 1.0
            && range.is_none()
            && self.lex.is(Marker::Possessive, form.ending)
        {
            self.reject(
                "date/duration",
                i,
                k,
                "`бір күні` is \"one day\" in a story",
            );
            return None;
        }
        let qualified = self.qualifier(k + 1).is_some();
        if form.needs_qualifier && !qualified {
            self.reject("date/age", i, k, "bare `жас` after a number is \"young\"");
            return None;
        }
        if unit == Unit::Age && b.value > MAX_AGE {
            self.reject(
                "date/age",
                i,
                k,
                "too old for an age: `жас` means young people",
            );
            return None;
        }
        let rule = if unit == Unit::Age {
            "date/age"
        } else {
            "date/duration"
        };
        let mut r = Reading::new(i, k, label, rule);
        r.unit = Some(unit);
        if self.lex.ends(Marker::Approximate, form.ending) {
            r.qualifier = Qualifier::About;
        }
        match range {
            Some(bounds) => r.range = Some(bounds),
            None => r.value = Some(b.value),
        }
        if let Some(iso) = self.months_to_date(&r, form) {
            // A report's `10 айда` ("in 10 months") is January to October of its year.
            (r.iso, r.value, r.unit) = (Some(iso), None, None);
            r.rule = "date/months-to-date";
        }
        Some(r)
    }

    /// The months from January of the article's year for a duration in the locative that
    /// fits before the article's month (`9 айда`, `жарты жылда`): `2025-01/2025-09`.
    fn months_to_date(&self, r: &Reading, form: NounForm) -> Option<String> {
        let date = self.context.article_date?;
        let months = match (r.unit?, r.value?) {
            (Unit::Month, v) => v,
            (Unit::Year, v) if v < 1.0 => v * 12.0,
            _ => return None,
        };
        let locative = self.lex.is(Marker::Locative, form.ending);
        let fits = months.fract() == 0.0 && months >= 2.0 && months <= f64::from(date.month);
        (locative && fits && r.qualifier == Qualifier::Exact)
            .then(|| year_stretch(date.year, i64::from(months as u32)))
    }

    /// `date/year-case`: a four-digit year with a locative or genitive ending and no `жыл`
    /// (`2017-де`, `2019-дың желтоқсанында`).
    fn year_case(&self, n: &Num) -> Option<Reading> {
        if !n.digits || n.width != 4 || n.last == n.first {
            return None;
        }
        let year = n.integer().filter(|y| (1900..=2100).contains(y))? as i32;
        let ending = self.norm(n.last);
        let genitive_month = ending.ends_with('ң')
            && matches!(self.noun(n.last + 1), Some(f) if matches!(f.noun, Noun::Month { .. }));
        if !(self.lex.is(Marker::Locative, ending) || genitive_month) {
            return None;
        }
        let mut r = Reading::new(n.first, n.last, Label::Date, "date/year-case");
        r.year = Some(year);
        if genitive_month {
            r.kind = Kind::Year;
        }
        Some(r)
    }

    /// `date/age-of`: a number with an ending after `жасы` ("his age"): `жасы 41-де`.
    fn age_of(&self, a: &Num, b: &Num, range: Option<(f64, f64)>) -> Option<Reading> {
        let owner = a.first.checked_sub(1)?;
        let age = matches!(self.any_noun(owner),
            Some(f) if f.noun == Noun::Unit(Unit::Age) && !f.ending.is_empty());
        if !age || !b.inflected || b.ordinal || b.value > MAX_AGE {
            return None;
        }
        let mut r = Reading::new(a.first, b.last, Label::Date, "date/age-of");
        r.unit = Some(Unit::Age);
        match range {
            Some(bounds) => r.range = Some(bounds),
            None => r.value = Some(b.value),
        }
        Some(r)
    }

    /// `date/day`: a day of the month alone, possessive + locative (`24-інде`,
    /// `жиырма төртінде` "on the 24th"). One is left out (`бірінде` is "in one of"), and
    /// in words the days below ten.
    fn day_alone(&self, n: &Num) -> Option<Reading> {
        let day = n.integer().filter(|d| (2..=31).contains(d))?;
        let ending = self.norm(n.last);
        // In words only from ten: `екісінде` is "in both of them".
        let words_ok = n.digits || day >= 10;
        if n.ordinal || n.collective || !words_ok || !self.lex.ends(Marker::DayEnding, ending) {
            return None;
        }
        let mut r = Reading::new(n.first, n.last, Label::Date, "date/day");
        r.day = Some(day as u32);
        Some(r)
    }
}

/// The months of a quarter or half-year as an ISO interval (`2026-01/2026-03`).
pub(super) fn part_of_year(year: i32, unit: Unit, n: f64) -> Option<String> {
    let months = match unit {
        Unit::Quarter => 3,
        Unit::HalfYear => 6,
        _ => return None,
    };
    let parts = 12 / months;
    if n.fract() != 0.0 || n < 1.0 || n > f64::from(parts) {
        return None;
    }
    let last = n as u32 * months;
    let at = |iso: Iso, month: u32| iso.num(year, 4).text("-").num(month, 2);
    Some(at(at(Iso::new(), last + 1 - months).text("/"), last).done())
}

/// The first `months` months of `year`, as the ISO interval `YYYY-01/YYYY-MM`.
pub(super) fn year_stretch(year: i32, months: i64) -> String {
    (Iso::new().num(year, 4).text("-01/").num(year, 4).text("-"))
        .num(months, 2)
        .done()
}

/// A decade: a round number of tens (`90-жылдары`, `тоқсаныншы жылдар`, `1990 жылдары`).
fn is_decade(n: &Num) -> bool {
    matches!(n.integer(), Some(v) if v % 10 == 0 && (v < 100 || n.width == 4))
}
