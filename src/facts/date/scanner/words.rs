//! Word-led rules: months, modifiers (`өткен`, `соңғы`, `биылғы`), date words (`бүгін`,
//! `биыл`, seasons, weekdays) and bare calendar nouns with a period word (`жыл сайын`).

use super::counted::{part_of_year, year_stretch};
use super::numeric::roman;
use super::Scanner;
use crate::facts::date::calendar::{
    add_days, full_year, iso_day, iso_month_shift, iso_week, valid_day, weekday_of, Iso,
};
use crate::facts::date::lexicon::{DateWord, Marker, ModifierKind, Noun, Side, Unit};
use crate::facts::date::reading::{Kind, Reading};
use crate::mention::Label;
use crate::text::fold::is_space;

impl Scanner<'_, '_> {
    /// `date/month-day` (`тамыздың 19-ы`, `наурыздың 5-і мен 14-і`), `date/month-part`
    /// (`желтоқсанның екінші жартысында`), `date/month-range`
    /// (`қаңтар – ақпан`) and `date/month`. A weak month (қазан, маусым) stands alone only
    /// before `айы`/`айында`, or when `in_year` (after a year).
    pub fn month_phrase(&self, i: usize, in_year: bool) -> Option<Reading> {
        let form = self.noun(i)?;
        let Noun::Month { month, weak } = form.noun else {
            return None;
        };
        if self.lex.ends(Marker::Genitive, form.ending) {
            if let Some((a, b, range)) = self.num_or_range(i + 1) {
                let part = matches!(self.noun(b.last + 1),
                    Some(f) if f.noun != Noun::Unit(Unit::Day));
                if b.ordinal && part {
                    // `желтоқсанның екінші жартысында`: a part of the month, not a day.
                    let mut r = Reading::new(i, b.last + 1, Label::Date, "date/month-part");
                    r.kind = Kind::InYear;
                    r.month = Some(month);
                    r.year = self.context_year(i);
                    return Some(r);
                }
                let day = b.integer().filter(|&d| (1..=31).contains(&d));
                if let Some(day) = day.filter(|&d| valid_day(None, month, d as u32)) {
                    let mut r = Reading::new(i, b.last, Label::Date, "date/month-day");
                    r.kind = Kind::InYear;
                    r.month = Some(month);
                    match range {
                        Some(_) => {
                            r.iso = self.day_range_iso(i, month, a.integer()? as u32, day as u32)
                        }
                        None => {
                            r.day = Some(day as u32);
                            r.year = self.context_year(i);
                        }
                    }
                    return Some(r);
                }
            }
        }
        if let Some(k) = self.connector(i) {
            if let Some(Noun::Month { month: to, .. }) = self.noun(k).map(|f| f.noun) {
                let mut r = Reading::new(i, k, Label::Date, "date/month-range");
                if let Some(d) = self.context.article_date.filter(|_| to > month) {
                    let at = |iso: Iso, month: u32| iso.num(d.year, 4).text("-").num(month, 2);
                    r.iso = Some(at(at(Iso::new(), month).text("/"), to).done());
                }
                return Some(r);
            }
        }
        let month_word = matches!(self.any_noun(i + 1),
            Some(f) if f.noun == Noun::Unit(Unit::Month));
        if weak && !month_word && !in_year {
            self.reject("date/month", i, i, "ambiguous month without a date signal");
            return None;
        }
        if self.lex.names_month(self.norm(i + 1)) {
            self.reject("date/month", i, i + 1, "the month is part of a name");
            return None;
        }
        let qualified = self.qualifier(i + 2).is_some();
        let last = if month_word && (in_year || qualified) {
            i + 1
        } else {
            i
        };
        let mut r = Reading::new(i, last, Label::Date, "date/month");
        r.kind = Kind::InYear;
        r.month = Some(month);
        r.year = self.context_year(i);
        Some(r)
    }

    /// The year of a day or month standing at word `i` without one: the year just before
    /// it (`1998 жылы [3 ақпанда]`, `[былтыр] [шілде] айында`, separate spans in KazNERD),
    /// else the article's year.
    pub(super) fn context_year(&self, i: usize) -> Option<i32> {
        let article_year = self.context.article_date.map(|d| d.year);
        let Some(before) = i.checked_sub(1) else {
            return article_year;
        };
        if let Some(DateWord::Year(k)) = self.word_date(before) {
            return article_year.map(|y| y + k);
        }
        let year_noun = matches!(self.noun(before), Some(f) if f.noun == Noun::Unit(Unit::Year));
        let stated = (before.saturating_sub(3)..before)
            .filter_map(|start| self.num(start))
            .find(|n| n.last + 1 == before && (n.ordinal || n.width == 4))
            .and_then(|n| n.integer())
            .and_then(full_year);
        stated.filter(|_| year_noun).or(article_year)
    }

    /// `date/deictic` (`өткен жылы`, `осы айда`, `бүгінгі таңда`) and
    /// `date/deictic-duration` (`соңғы 5 жылда`, `алдағы үш жылда`), with a month or a
    /// season after the modifier too (`биылғы маусымда`, `осы көктемде`).
    pub fn modifier_phrase(&self, i: usize) -> Option<Reading> {
        let modifier = self.modifier(i)?;
        if !self.text.gap_after(i).chars().all(is_space) {
            return None;
        }
        // `соңғы бірнеше жылда`: a vague count after the modifier.
        let vague = modifier.counts
            && matches!(self.modifier(i + 1),
                Some(m) if m.kind == ModifierKind::Vague && m.counts);
        let counted = self
            .num_or_range(i + 1)
            .filter(|_| modifier.counts && !vague);
        let k = counted.map_or(i + 1 + usize::from(vague), |(_, b, _)| b.last + 1);
        let shift = match modifier.kind {
            ModifierKind::Shift(s) => Some(s),
            _ => None,
        };
        let Some(form) = self.noun(k) else {
            let word = self.word_date(k);
            let named = matches!(word, Some(DateWord::Season | DateWord::Weekday(_)));
            return (counted.is_none() && named).then(|| {
                let mut r = Reading::new(i, k, Label::Date, "date/deictic");
                r.kind = Kind::InYear;
                // `осы сенбіде`: the Saturday of the article's week.
                if let (Some(DateWord::Weekday(day)), Some(s), Some(d)) =
                    (word, shift, self.context.article_date)
                {
                    r.iso = Some(iso_day(weekday_of(d, i64::from(s), day)));
                }
                r
            });
        };
        let unit = match form.noun {
            Noun::Unit(Unit::Age | Unit::Period) => return None,
            Noun::Unit(unit) => unit,
            Noun::Month { month, .. } if counted.is_none() => {
                let mut r = self.month_phrase(k, false)?;
                r.first = i;
                r.rule = "date/deictic";
                // `өткен ақпан айында`: after a modifier the month word is inside (not after
                // a range of months: `осы жылдың қаңтар – мамыр [айларында]`).
                let range = r.rule == "date/month-range";
                if !range
                    && matches!(self.any_noun(r.last + 1),
                    Some(f) if f.noun == Noun::Unit(Unit::Month))
                {
                    r.last += 1;
                }
                // A year word as modifier names the year (`былтырғы қаңтар`); `өткен
                // қаңтар` ("last January") may be this year's or last year's.
                let year_shift = match self.word_date(i) {
                    Some(DateWord::Year(k)) => Some(k),
                    _ => shift.filter(|&s| s == 0),
                };
                r.year = year_shift
                    .zip(self.context.article_date)
                    .map(|(k, d)| d.year + k);
                r.month = Some(month);
                return Some(r);
            }
            Noun::Month { .. } => return None,
        };
        let label = if unit.is_clock() {
            Label::Time
        } else {
            Label::Date
        };
        // The year the modifier points at (`биылғы` = this year), when the date is known.
        let year = shift
            .zip(self.context.article_date)
            .map(|(s, d)| d.year + s);
        if let Some((a, b, range)) = counted {
            if a.ordinal || b.ordinal {
                let mut r = Reading::new(i, k, label, "date/deictic");
                r.iso = year.and_then(|y| part_of_year(y, unit, b.value));
                return Some(r);
            }
            let mut r = Reading::new(i, k, label, "date/deictic-duration");
            r.unit = Some(unit);
            match range {
                Some(bounds) => r.range = Some(bounds),
                None => r.value = Some(b.value),
            }
            // `биылғы жеті айда`: the first seven months of this year.
            let months = b
                .integer()
                .filter(|m| (1..=12).contains(m) && range.is_none());
            let this_year = year.filter(|_| shift == Some(0));
            if let (Unit::Month, Some(y), Some(m)) = (unit, this_year, months) {
                // A stretch of the calendar year, not a duration: iso only.
                r.iso = Some(year_stretch(y, m));
                (r.value, r.unit) = (None, None);
            }
            return Some(r);
        }
        let mut r = Reading::new(i, k, label, "date/deictic");
        // `өткен жылдары` ("in past years") names no one year.
        let plural = self.lex.starts(Marker::Plural, form.ending);
        if let (Some(s), Some(d), false) = (shift, self.context.article_date, plural) {
            match unit {
                Unit::Year => r.year = Some(d.year + s),
                Unit::Month => r.iso = Some(iso_month_shift(d, s)),
                Unit::Day => r.iso = Some(iso_day(add_days(d, i64::from(s)))),
                Unit::Week => r.iso = Some(iso_week(add_days(d, 7 * i64::from(s)))),
                _ => {}
            }
        }
        let century = unit == Unit::Century && self.lex.ends(Marker::Genitive, form.ending);
        if (unit == Unit::Year && shift.is_some() && self.lex.links(form.ending)) || century {
            r.kind = Kind::Year;
        }
        Some(r)
    }

    /// `date/relative` (`бүгін`, `кеше`, `биыл`, `былтыр`, resolved against the article
    /// date), `date/season`, `date/weekday`, `date/present` and `date/period`.
    pub(super) fn date_word(&self, i: usize) -> Option<Reading> {
        let (word, last) = match self.word_date(i) {
            Some(w) => (w, i),
            None => (self.lex.date_word(&self.hyphen_pair(i)?)?, i + 1),
        };
        let date = self.context.article_date;
        let mut r = Reading::new(i, last, Label::Date, "date/relative");
        match word {
            DateWord::Day(k) => r.iso = date.map(|d| iso_day(add_days(d, k))),
            DateWord::Year(k) => {
                r.year = date.map(|d| d.year + k);
                if self.lex.links(self.norm(i)) {
                    r.kind = Kind::Year;
                }
            }
            DateWord::Present => r.rule = "date/present",
            DateWord::Season if i > 0 && roman(self.norm(i - 1)).is_some() => {
                // `XXV қысқы Олимпиада`: a numbered event's name, not a date.
                self.reject("date/season", i - 1, i, "season in a numbered event name");
                return None;
            }
            DateWord::Season => {
                r.rule = "date/season";
                r.kind = Kind::InYear;
                let locative = self.lex.ends(Marker::Locative, self.norm(last));
                let days = !locative
                    && matches!(self.noun(last + 1), Some(f)
                    if matches!(f.noun, Noun::Unit(Unit::Day | Unit::Month)));
                if days {
                    r.last = last + 1;
                } else if self.lex.links(self.norm(last)) {
                    if let Some(n) = self.number_phrase(last + 1).filter(|n| n.unit.is_some()) {
                        r.last = n.last;
                    }
                }
            }
            DateWord::Weekday(_) => r.rule = "date/weekday",
            DateWord::Period => r.rule = "date/period",
        }
        Some(r)
    }

    /// `date/unit-period`: a bare calendar noun with a period word (`жыл сайын`,
    /// `жыл басынан бері`, `тәулік бойы`).
    pub fn unit_period(&self, i: usize) -> Option<Reading> {
        let Noun::Unit(unit) = self.noun(i)?.noun else {
            return None;
        };
        let side = match self.qualifier(i + 1) {
            Some((side @ (Side::Period | Side::Part), _)) => side,
            _ => return None,
        };
        let label = if unit.is_clock() {
            Label::Time
        } else {
            Label::Date
        };
        let mut r = Reading::new(i, i, label, "date/unit-period");
        if let (Side::Part, Some(d)) = (side, self.context.article_date) {
            // `жыл басынан бері`: from the first day of the year to the article date.
            let since = self.lex.ends(Marker::Ablative, self.norm(i + 1))
                && matches!(self.qualifier(i + 2), Some((Side::After, _)));
            match unit {
                Unit::Year if since => {
                    r.iso = Some(Iso::new().num(d.year, 4).text("-01-01/").day(d).done());
                }
                Unit::Year => r.year = Some(d.year),
                Unit::Month => r.iso = Some(iso_month_shift(d, 0)),
                _ => {}
            }
        }
        Some(r)
    }
}
