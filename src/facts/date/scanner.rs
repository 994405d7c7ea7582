//! The DATE constructions, each a small named rule reading words from one position:
//! numeric dates, number + calendar noun, month phrases, modifier phrases, date words and
//! bare calendar nouns with a period word; then the joins (year + month, ranges) and the
//! qualifier words around them.

use super::calendar::{add_days, full_year, iso_day, iso_month_shift, valid_day};
use super::lexicon::{links, DateWord, Lexicon, ModifierKind, Noun, NounForm, Side, Unit};
use super::number::{hyphen_gap, num_at, Num};
use super::reading::{Kind, Reading};
use crate::facts::FactContext;
use crate::mention::{Label, Qualifier};
use crate::text::fold::{is_dash, is_hyphen, is_space};
use crate::text::words::WordShape;
use crate::text::Text;

/// Words joining the two ends of a range (`18 бен 30 жас`).
const RANGE_WORDS: [&str; 3] = ["мен", "бен", "пен"];
/// Approximative endings on a calendar noun (`жылдай` "about a year").
const APPROXIMATE: [&str; 4] = ["дай", "дей", "тай", "тей"];
/// Endings of a digit year read as a date without `жыл` (`2017-де`).
const YEAR_LOCATIVE: [&str; 4] = ["да", "де", "та", "те"];

/// A count: its first number, its last number (the same one unless a range), and the
/// range bounds.
pub type Counted = (Num, Num, Option<(f64, f64)>);

/// Reads DATE and TIME phrases of one text.
pub struct Scanner<'a, 't> {
    /// The calendar vocabulary.
    pub lex: &'a Lexicon,
    /// The words.
    pub text: &'a Text<'t>,
    /// The article date, for relative expressions.
    pub context: &'a FactContext,
}

impl<'a, 't> Scanner<'a, 't> {
    /// Folded form of word `i`, empty past the end.
    pub fn norm(&self, i: usize) -> &'a str {
        if i < self.text.words.len() {
            self.text.norm(i)
        } else {
            ""
        }
    }

    /// Word `i` read as a month or unit noun.
    pub fn noun(&self, i: usize) -> Option<NounForm<'a>> {
        if i < self.text.words.len() {
            self.lex.noun(self.text.norm(i))
        } else {
            None
        }
    }

    /// A number starting at word `i`.
    pub fn num(&self, i: usize) -> Option<Num> {
        num_at(self.text, i)
    }

    /// The first word after a range connector following word `j` (dash, hyphen, мен/бен/пен).
    pub fn connector(&self, j: usize) -> Option<usize> {
        let gap = self.text.gap_after(j);
        let mut marks = gap.chars().filter(|&c| !is_space(c));
        match (marks.next(), marks.next()) {
            (Some(c), None) if is_dash(c) || is_hyphen(c) => Some(j + 1),
            (None, None) if RANGE_WORDS.contains(&self.norm(j + 1)) => Some(j + 2),
            _ => None,
        }
    }

    /// A number at `i`, extended to a range when a connector and a second, larger number
    /// follow: `(first number, last number, range)`.
    pub fn num_or_range(&self, i: usize) -> Option<Counted> {
        let a = self.num(i)?;
        let b = self
            .connector(a.last)
            .and_then(|k| self.num(k))
            .filter(|b| b.value > a.value);
        Some(match b {
            Some(b) => (a, b, Some((a.value, b.value))),
            None => (a, a, None),
        })
    }

    /// The first matching construction at word `i`, with its joins and qualifiers.
    pub fn reading_at(&self, i: usize) -> Option<Reading> {
        let mut r = self
            .numeric_date(i)
            .or_else(|| self.roman_century(i))
            .or_else(|| self.modifier_phrase(i))
            .or_else(|| self.number_phrase(i))
            .or_else(|| self.month_phrase(i, false))
            .or_else(|| self.date_word(i))
            .or_else(|| self.unit_period(i))?;
        self.join_in_year(&mut r);
        self.join_range(&mut r);
        self.qualify(&mut r);
        Some(r)
    }

    fn digits(&self, i: usize, widths: std::ops::RangeInclusive<usize>) -> Option<u32> {
        let w = self.text.words.get(i)?;
        let s = self.text.surface(i);
        (w.shape == WordShape::Digits && widths.contains(&s.len()))
            .then(|| s.parse().ok())
            .flatten()
    }

    /// `date/iso` (`2023-01-05`) and `date/dotted` (`05.01.2023`, `05.01.2023 ж.`).
    fn numeric_date(&self, i: usize) -> Option<Reading> {
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
    fn roman_century(&self, i: usize) -> Option<Reading> {
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

    /// Number-led rules: `date/day-month`, `date/year`, `date/decade`, `date/century`,
    /// `date/age`, `date/duration` (TIME for clock units), `date/ordinal-unit`,
    /// `date/year-case`.
    pub fn number_phrase(&self, i: usize) -> Option<Reading> {
        let (a, b, range) = self.num_or_range(i)?;
        let k = b.last + 1;
        let Some(form) = self.noun(k) else {
            return self.year_case(&b);
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
                    Some((low, _)) => r.iso = self.day_range_iso(month, low as u32, day),
                    None => {
                        r.day = Some(day);
                        r.year = self.context.article_date.map(|d| d.year);
                    }
                }
                Some(r)
            }
            Noun::Unit(unit) => self.unit_phrase(i, k, (a, b, range), unit, form),
        }
    }

    fn day_range_iso(&self, month: u32, low: u32, high: u32) -> Option<String> {
        let year = self.context.article_date?.year;
        Some(format!(
            "{year:04}-{month:02}-{low:02}/{year:04}-{month:02}-{high:02}"
        ))
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
        let ordinal = a.ordinal || b.ordinal;
        let as_year = |n: &Num| n.integer().and_then(full_year);
        match unit {
            Unit::Year if form.is_plural() && is_decade(&b) => {
                let start = as_year(&a)?;
                let end = as_year(&b)?;
                let mut r = Reading::new(i, k, label, "date/decade");
                r.iso = Some(match range {
                    Some(_) => format!("{start:04}/{end:04}"),
                    None => format!("{start:04}/{:04}", start + 9),
                });
                return Some(r);
            }
            Unit::Year if ordinal || (b.digits && b.width == 4) => {
                let mut r = Reading::new(i, k, label, "date/year");
                match range {
                    Some(_) => r.iso = Some(format!("{:04}/{:04}", as_year(&a)?, as_year(&b)?)),
                    None => {
                        r.year = Some(as_year(&b)?);
                        if form.links() {
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
            return Some(r);
        }
        if !a.digits && a.value == 1.0 && range.is_none() && ["ы", "і"].contains(&form.ending) {
            // `бір күні` is "one day" in a story, not a duration.
            return None;
        }
        let rule = if unit == Unit::Age {
            "date/age"
        } else {
            "date/duration"
        };
        let mut r = Reading::new(i, k, label, rule);
        r.unit = Some(unit);
        if APPROXIMATE.iter().any(|e| form.ending.ends_with(e)) {
            r.qualifier = Qualifier::About;
        }
        match range {
            Some(bounds) => r.range = Some(bounds),
            None => r.value = Some(b.value),
        }
        Some(r)
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
        if !(YEAR_LOCATIVE.contains(&ending) || genitive_month) {
            return None;
        }
        let mut r = Reading::new(n.first, n.last, Label::Date, "date/year-case");
        r.year = Some(year);
        if genitive_month {
            r.kind = Kind::Year;
        }
        Some(r)
    }

    /// `date/month-day` (`тамыздың 19-ы`, `наурыздың 5-і мен 14-і`), `date/month-range`
    /// (`қаңтар – ақпан`) and `date/month`. A weak month (қазан, маусым) stands alone only
    /// before `айы`/`айында`, or when `in_year` (after a year).
    pub fn month_phrase(&self, i: usize, in_year: bool) -> Option<Reading> {
        let form = self.noun(i)?;
        let Noun::Month { month, weak } = form.noun else {
            return None;
        };
        if form.is_genitive() {
            if let Some((a, b, range)) = self.num_or_range(i + 1) {
                let day = b.integer().filter(|&d| (1..=31).contains(&d));
                if let Some(day) = day.filter(|&d| valid_day(None, month, d as u32)) {
                    let mut r = Reading::new(i, b.last, Label::Date, "date/month-day");
                    r.kind = Kind::InYear;
                    r.month = Some(month);
                    match range {
                        Some(_) => {
                            r.iso = self.day_range_iso(month, a.integer()? as u32, day as u32)
                        }
                        None => {
                            r.day = Some(day as u32);
                            r.year = self.context.article_date.map(|d| d.year);
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
                    r.iso = Some(format!("{0:04}-{month:02}/{0:04}-{to:02}", d.year));
                }
                return Some(r);
            }
        }
        let month_word = matches!(self.lex.any_noun(self.norm(i + 1)),
            Some(f) if f.noun == Noun::Unit(Unit::Month));
        if (weak && !month_word && !in_year) || self.lex.names_month(self.norm(i + 1)) {
            return None;
        }
        let qualified = self.lex.qualifier(self.norm(i + 2)).is_some();
        let last = if month_word && (in_year || qualified) {
            i + 1
        } else {
            i
        };
        let mut r = Reading::new(i, last, Label::Date, "date/month");
        r.kind = Kind::InYear;
        r.month = Some(month);
        r.year = self.context.article_date.map(|d| d.year);
        Some(r)
    }

    /// `date/deictic` (`өткен жылы`, `осы айда`, `бүгінгі таңда`) and
    /// `date/deictic-duration` (`соңғы 5 жылда`, `алдағы үш жылда`), with a month or a
    /// season after the modifier too (`биылғы маусымда`, `осы көктемде`).
    fn modifier_phrase(&self, i: usize) -> Option<Reading> {
        let modifier = self.lex.modifier(self.norm(i))?;
        let counted = self.num_or_range(i + 1).filter(|_| modifier.counts);
        let k = counted.map_or(i + 1, |(_, b, _)| b.last + 1);
        let Some(form) = self.noun(k) else {
            let word = self.lex.date_word(self.norm(k));
            let named = matches!(word, Some(DateWord::Season | DateWord::Weekday));
            return (counted.is_none() && named).then(|| {
                let mut r = Reading::new(i, k, Label::Date, "date/deictic");
                r.kind = Kind::InYear;
                r
            });
        };
        let shift = match modifier.kind {
            ModifierKind::Shift(s) => Some(s),
            _ => None,
        };
        let unit = match form.noun {
            Noun::Unit(Unit::Age) => return None,
            Noun::Unit(unit) => unit,
            Noun::Month { month, .. } if counted.is_none() => {
                let mut r = self.month_phrase(k, true)?;
                r.first = i;
                r.rule = "date/deictic";
                r.year = self
                    .context
                    .article_date
                    .filter(|_| shift == Some(0))
                    .map(|d| d.year);
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
        if let Some((a, b, range)) = counted {
            if a.ordinal || b.ordinal {
                return Some(Reading::new(i, k, label, "date/deictic"));
            }
            let mut r = Reading::new(i, k, label, "date/deictic-duration");
            r.unit = Some(unit);
            match range {
                Some(bounds) => r.range = Some(bounds),
                None => r.value = Some(b.value),
            }
            return Some(r);
        }
        let mut r = Reading::new(i, k, label, "date/deictic");
        if let (Some(s), Some(d)) = (shift, self.context.article_date) {
            match unit {
                Unit::Year => r.year = Some(d.year + s),
                Unit::Month => r.iso = Some(iso_month_shift(d, s)),
                Unit::Day => r.iso = Some(iso_day(add_days(d, i64::from(s)))),
                _ => {}
            }
        }
        let century = unit == Unit::Century && form.is_genitive();
        if (unit == Unit::Year && shift.is_some() && form.links()) || century {
            r.kind = Kind::Year;
        }
        Some(r)
    }

    /// `date/relative` (`бүгін`, `кеше`, `биыл`, `былтыр`, resolved against the article
    /// date), `date/season`, `date/weekday`, `date/present` and `date/period`.
    fn date_word(&self, i: usize) -> Option<Reading> {
        let (word, last) = match self.lex.date_word(self.norm(i)) {
            Some(w) => (w, i),
            None => (self.lex.date_word(&self.hyphen_pair(i)?)?, i + 1),
        };
        let date = self.context.article_date;
        let mut r = Reading::new(i, last, Label::Date, "date/relative");
        match word {
            DateWord::Day(k) => r.iso = date.map(|d| iso_day(add_days(d, k))),
            DateWord::Year(k) => {
                r.year = date.map(|d| d.year + k);
                if links(self.norm(i)) {
                    r.kind = Kind::Year;
                }
            }
            DateWord::Present => r.rule = "date/present",
            DateWord::Season => {
                r.rule = "date/season";
                r.kind = Kind::InYear;
                let days = matches!(self.noun(last + 1), Some(f)
                    if matches!(f.noun, Noun::Unit(Unit::Day | Unit::Month)));
                if days {
                    r.last = last + 1;
                }
            }
            DateWord::Weekday => r.rule = "date/weekday",
            DateWord::Period => r.rule = "date/period",
        }
        Some(r)
    }

    /// Words `i` and `i + 1` joined by a hyphen, as one folded form (`бүгін-ертең`).
    pub fn hyphen_pair(&self, i: usize) -> Option<String> {
        (i + 1 < self.text.words.len() && hyphen_gap(self.text.gap_after(i)))
            .then(|| format!("{}-{}", self.norm(i), self.norm(i + 1)))
    }

    /// `date/unit-period`: a bare calendar noun with a period word (`жыл сайын`,
    /// `жыл басынан бері`, `тәулік бойы`).
    pub fn unit_period(&self, i: usize) -> Option<Reading> {
        let Noun::Unit(unit) = self.noun(i)?.noun else {
            return None;
        };
        if !matches!(
            self.lex.qualifier(self.norm(i + 1)),
            Some((Side::Period, _))
        ) {
            return None;
        }
        let label = if unit.is_clock() {
            Label::Time
        } else {
            Label::Date
        };
        Some(Reading::new(i, i, label, "date/unit-period"))
    }

    /// `date/year-month`: a year followed by a month, a day of a month or a season
    /// (`2023 жылғы 5 қаңтарда`, `2019-дың желтоқсанында`, `өткен жылдың көктемінде`).
    fn join_in_year(&self, r: &mut Reading) {
        if r.kind != Kind::Year {
            return;
        }
        let k = r.last + 1;
        let next = self
            .number_phrase(k)
            .filter(|n| {
                n.kind == Kind::InYear || ["date/ordinal-unit", "date/decade"].contains(&n.rule)
            })
            .or_else(|| self.month_phrase(k, true))
            .or_else(|| self.date_word(k).filter(|n| n.kind == Kind::InYear));
        if let Some(n) = next {
            r.last = n.last;
            r.rule = "date/year-month";
            r.kind = Kind::InYear;
            r.month = n.month;
            r.day = n.day;
            if n.rule == "date/decade" {
                r.iso = n.iso;
            } else if n.month.is_none() {
                r.iso = r.year.map(|y| format!("{y:04}"));
            }
        }
    }

    /// `date/day-range`: two days joined by a dash or мен/бен/пен
    /// (`27 наурыз бен 4 сәуір аралығында`).
    fn join_range(&self, r: &mut Reading) {
        if r.value.is_some() && r.unit.is_some() && ends_ablative(self.norm(r.last)) {
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
        if r.rule != "date/day-month" || r.day.is_none() {
            return;
        }
        let Some(next) = self.connector(r.last).and_then(|k| self.number_phrase(k)) else {
            return;
        };
        if next.rule != "date/day-month" || next.day.is_none() {
            return;
        }
        r.iso = match (
            super::calendar::iso(r.year, r.month, r.day),
            super::calendar::iso(next.year, next.month, next.day),
        ) {
            (Some(from), Some(to)) => Some(format!("{from}/{to}")),
            _ => None,
        };
        (r.year, r.month, r.day) = (None, None, None);
        r.last = next.last;
        r.rule = "date/day-range";
    }

    /// Takes in qualifier words after and before the core (`бес жылдан астам`,
    /// `жыл басынан бері`, `шамамен екі сағат`, `кем дегенде үш жыл`).
    pub fn qualify(&self, r: &mut Reading) {
        let mut taken = 0;
        while taken < 3 {
            match self.lex.qualifier(self.norm(r.last + 1)) {
                Some((Side::After | Side::Period, q)) => {
                    if q != Qualifier::Exact {
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
            .and_then(|p| self.lex.qualifier(self.norm(p)))
        {
            r.first -= 1;
            if q != Qualifier::Exact {
                r.qualifier = q;
            }
        }
    }
}

/// True for an ablative ending (`жастан`, `айдан`, `7-ден`): the start of a from-to range.
pub fn ends_ablative(norm: &str) -> bool {
    ["ан", "ен"].iter().any(|e| norm.ends_with(e))
}

/// A decade: a round number of tens (`90-жылдары`, `тоқсаныншы жылдар`, `1990 жылдары`).
fn is_decade(n: &Num) -> bool {
    matches!(n.integer(), Some(v) if v % 10 == 0 && (v < 100 || n.width == 4))
}

/// A century reading over `first..=last` for centuries `lo..=hi` (iso: their years).
fn century(first: usize, last: usize, lo: i64, hi: i64, rule: &'static str) -> Reading {
    let mut r = Reading::new(first, last, Label::Date, rule);
    r.iso = Some(format!("{:04}/{:04}", (lo - 1) * 100 + 1, hi * 100));
    r
}

/// Reads a folded Roman numeral made of X, V and I (Latin or Cyrillic look-alikes).
fn roman(norm: &str) -> Option<i64> {
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
