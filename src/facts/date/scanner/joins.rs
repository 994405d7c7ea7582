//! What grows a reading once built: a year joined to its month or day, ranges of days and
//! from-to ranges, and the qualifier words around the core.

use super::counted::part_of_year;
use super::Scanner;
use crate::facts::date::calendar::valid_day;
use crate::facts::date::calendar::{interval, iso};
use crate::facts::date::lexicon::{ModifierKind, Noun, Side, Unit};
use crate::facts::date::number::hyphen_gap;
use crate::facts::date::reading::{Kind, Reading};
use crate::mention::{Label, Qualifier};

impl Scanner<'_, '_> {
    /// `date/year-month`: a year followed by a month, a day of a month or a season
    /// (`2023 жылғы 5 қаңтарда`, `2019-дың желтоқсанында`, `өткен жылдың көктемінде`).
    pub(super) fn join_in_year(&self, r: &mut Reading) {
        if r.kind != Kind::Year {
            return;
        }
        let k = r.last + 1;
        let next = self
            .number_phrase(k)
            .filter(|n| {
                n.kind == Kind::InYear || ["date/ordinal-unit", "date/decade"].contains(&n.rule)
            })
            // After a year word (`былтырғы маусымда`: last season) a weak month needs айы.
            .or_else(|| self.month_phrase(k, r.rule != "date/relative"))
            .or_else(|| self.date_word(k).filter(|n| n.kind == Kind::InYear))
            .or_else(|| self.same_period(k));
        if let Some(n) = next {
            r.last = n.last;
            r.rule = "date/year-month";
            r.kind = Kind::InYear;
            r.month = n.month;
            r.day = n.day;
            if n.rule == "date/decade" {
                (r.iso, r.range) = (n.iso, n.range);
            } else if n.rule == "date/ordinal-unit" {
                r.iso = r
                    .year
                    .zip(n.unit)
                    .zip(n.value)
                    .and_then(|((y, u), v)| part_of_year(y, u, v))
                    .or_else(|| iso(r.year, None, None));
            } else if n.month.is_none() {
                r.iso = iso(r.year, None, None);
            } else if n.iso.is_some() && n.day.is_none() {
                // `2026 жылғы 22-24 сәуірде`: a range of days, read in the stated year.
                r.iso = n.iso;
            }
        }
    }

    /// The "corresponding period" after a year: `(өткен жылдың) сәйкес кезеңімен`. Only a
    /// vague modifier forms this fixed phrase: KazNERD leaves `осы кезеңімен` ("with this
    /// period") outside the year.
    fn same_period(&self, k: usize) -> Option<Reading> {
        let modifier = self.modifier(k)?;
        if modifier.kind != ModifierKind::Vague {
            return None;
        }
        let period = matches!(self.noun(k + 1), Some(f) if f.noun == Noun::Unit(Unit::Period));
        period.then(|| Reading::new(k, k + 1, Label::Date, "date/deictic"))
    }

    /// `date/from-to` (`3 жастан 6 жасқа дейін`) and `date/day-range`: two days joined by
    /// a dash or мен/бен/пен (`27 наурыз бен 4 сәуір аралығында`, `сәуірдің 29-ы мен
    /// мамырдың 5-і күндері аралығында`).
    pub(super) fn join_range(&self, r: &mut Reading) {
        if r.value.is_some() && r.unit.is_some() && self.ends_ablative(r.last) {
            if let Some(next) = self.number_phrase(r.last + 1) {
                if next.unit == r.unit && next.value.is_some() {
                    r.range = r.value.zip(next.value);
                    r.value = None;
                    r.last = next.last;
                    r.rule = "date/from-to";
                }
            }
            return;
        }
        let is_day =
            |r: &Reading| matches!(r.rule, "date/day-month" | "date/month-day") && r.day.is_some();
        if !is_day(r) {
            return;
        }
        let next = match self.connector(r.last) {
            Some(k) => self
                .number_phrase(k)
                .or_else(|| self.month_phrase(k, false)),
            None if r.rule == "date/month-day" && self.ends_ablative(r.last) => {
                self.day_of_same_month(r)
            }
            None => None,
        };
        let Some(next) = next else {
            return;
        };
        if !is_day(&next) {
            return;
        }
        r.iso = match (
            iso(r.year, r.month, r.day),
            iso(next.year, next.month, next.day),
        ) {
            (Some(from), Some(to)) => Some(interval(&from, &to)),
            _ => None,
        };
        (r.year, r.month, r.day) = (None, None, None);
        r.last = next.last;
        r.rule = "date/day-range";
        // `… күндері аралығында`: the plural "days" before a qualifier stays inside.
        let days = matches!(self.noun(r.last + 1), Some(f) if f.noun == Noun::Unit(Unit::Day));
        if days && self.qualifier(r.last + 2).is_some() {
            r.last += 1;
        }
    }

    /// The day closing `наурыздың 15-інен [20-сына] дейін`: a bare day number with an
    /// ending, in the month of `from`.
    fn day_of_same_month(&self, from: &Reading) -> Option<Reading> {
        let n = self
            .num(from.last + 1)
            .filter(|n| n.inflected && !n.ordinal)?;
        let day = n.integer().filter(|d| (1..=31).contains(d))? as u32;
        let month = from.month?;
        if self.noun(n.last + 1).is_some() || !valid_day(from.year, month, day) {
            return None;
        }
        let mut r = Reading::new(n.first, n.last, Label::Date, "date/month-day");
        (r.year, r.month, r.day) = (from.year, Some(month), Some(day));
        Some(r)
    }

    /// Takes in qualifier words after and before the core (`бес жылдан астам`,
    /// `жыл басынан бері`, `шамамен екі сағат`, `кем дегенде үш жыл`).
    pub fn qualify(&self, r: &mut Reading) {
        let mut taken = 0;
        while taken < 3 {
            match self.qualifier(r.last + 1) {
                Some((Side::Ablative, _)) if !self.ends_ablative(r.last) => break,
                Some((Side::After | Side::Ablative | Side::Period | Side::Part, q)) => {
                    let counted = r.value.is_some() || r.range.is_some() || r.label == Label::Time;
                    if is_bound(q) && (taken > 0 || !counted) {
                        break;
                    }
                    // `дейін` closing a from-to range ends it; it bounds nothing.
                    let closes = q == Qualifier::UpTo && is_range(r);
                    if q != Qualifier::Exact && !closes {
                        r.qualifier = q;
                    }
                    r.last += 1;
                    taken += 1;
                }
                _ => break,
            }
        }
        if r.first >= 2 && self.norm(r.first - 2) == "кем" && self.norm(r.first - 1) == "дегенде"
        {
            r.first -= 2;
            r.qualifier = Qualifier::AtLeast;
        } else if let Some((Side::Before, q)) = r
            .first
            .checked_sub(1)
            .filter(|&p| p == 0 || !hyphen_gap(self.text.gap_after(p - 1)))
            .and_then(|p| self.qualifier(p))
        {
            r.first -= 1;
            if q != Qualifier::Exact {
                r.qualifier = q;
            }
        }
    }
}

/// True for a from-to reading (`3 жастан 6 жасқа`, `таңғы 7-ден кешкі 8-ге`).
fn is_range(r: &Reading) -> bool {
    r.range.is_some() || r.rule.ends_with("range") || r.rule == "date/from-to"
}

/// True for qualifiers that bound a count (`астам`, `жуық`, `шамасында`): they follow a
/// number directly (`бүгінде аса маңызды` is "very important today").
fn is_bound(q: Qualifier) -> bool {
    !matches!(q, Qualifier::Exact | Qualifier::UpTo)
}
