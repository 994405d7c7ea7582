//! The calendar vocabulary shared by the DATE and TIME rules, parsed once from the bundled
//! tables in `src/facts/data/`: month and unit stems with their endings, date words,
//! modifiers, qualifiers and parts of the day.

use std::collections::{HashMap, HashSet};

use crate::mention::Qualifier;

/// A measure of time a number can count (`үш күн`, `екі сағат`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// күн, тәулік
    Day,
    /// апта, жұма
    Week,
    /// ай
    Month,
    /// тоқсан after an ordinal (a quarter of a year)
    Quarter,
    /// жартыжылдық
    HalfYear,
    /// жыл
    Year,
    /// ғасыр
    Century,
    /// мыңжылдық
    Millennium,
    /// жас (an age in years)
    Age,
    /// сағат
    Hour,
    /// минут
    Minute,
    /// секунд
    Second,
}

impl Unit {
    fn from_name(name: &str) -> Option<Unit> {
        Some(match name {
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "half_year" => Unit::HalfYear,
            "year" => Unit::Year,
            "century" => Unit::Century,
            "millennium" => Unit::Millennium,
            "age" => Unit::Age,
            "hour" => Unit::Hour,
            "minute" => Unit::Minute,
            "second" => Unit::Second,
            _ => return None,
        })
    }

    /// The name written in `Fact.unit` for a duration (an age is counted in years).
    pub fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Quarter => "quarter",
            Unit::HalfYear => "half_year",
            Unit::Year | Unit::Age => "year",
            Unit::Century => "century",
            Unit::Millennium => "millennium",
            Unit::Hour => "hour",
            Unit::Minute => "minute",
            Unit::Second => "second",
        }
    }

    /// True for units shorter than a day (their durations are TIME).
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Hour | Unit::Minute | Unit::Second)
    }
}

/// What a stem in `months.tsv` or `date_units.tsv` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    /// A month; `weak` ones (қазан, маусым) need a date signal nearby.
    Month {
        /// 1-12.
        month: u32,
        /// True for homographs of common nouns.
        weak: bool,
    },
    /// A unit of time.
    Unit(Unit),
}

/// A noun read from one word: what it names and the ending after the stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NounForm<'a> {
    /// What the stem names.
    pub noun: Noun,
    /// The ending after the stem (empty for the bare stem).
    pub ending: &'a str,
}

impl NounForm<'_> {
    /// True for a genitive ending (`жылдың`, `наурыздың`), which links to what follows.
    pub fn is_genitive(&self) -> bool {
        ["ың", "ің"].iter().any(|e| self.ending.ends_with(e))
    }

    /// True for a plural ending (`жылдары`: decades, `ғасырларда`).
    pub fn is_plural(&self) -> bool {
        ["лар", "лер", "дар", "дер", "тар", "тер"]
            .iter()
            .any(|e| self.ending.starts_with(e))
    }
}

/// A word that is a DATE by itself (`date_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateWord {
    /// `бүгін`, `кеше`: days from the article date.
    Day(i64),
    /// `биыл`, `былтыр`: years from the article year.
    Year(i32),
    /// `бүгінде`: nowadays.
    Present,
    /// A season name.
    Season,
    /// A weekday (ISO number).
    Weekday,
    /// A span with no calendar value (`күнделікті`).
    Period,
}

/// A word opening a DATE phrase (`date_modifiers.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modifier {
    /// `өткен`, `осы`, `келесі`: the unit counted from the article date.
    Shift(i32),
    /// `алдағы`, `соңғы`: a stretch before or after now.
    Stretch,
    /// `бірнеше`, `сол`: no calendar value.
    Vague,
}

/// Where a qualifier word stands relative to the core of the phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Before: `шамамен бес жыл`.
    Before,
    /// After: `бес жылдан астам`.
    After,
    /// After, and also after a bare calendar noun: `жыл сайын`, `жыл басынан`.
    Period,
}

/// A part of the day (`time_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayPart {
    /// True when it can open a clock time (`таңғы 7-де`).
    pub adjective: bool,
    /// Hours added to a clock hour below 12.
    pub shift: u32,
}

/// All calendar tables, parsed once.
pub struct Lexicon {
    stems: HashMap<String, Noun>,
    stem_lengths: (usize, usize),
    endings: HashSet<String>,
    stop: HashSet<String>,
    words: HashMap<String, DateWord>,
    modifiers: HashMap<String, Modifier>,
    qualifiers: HashMap<String, (Side, Qualifier)>,
    day_parts: HashMap<String, DayPart>,
}

/// Rows of a bundled TSV table: `(line number, fields)`, comments and blank lines skipped.
/// Panics naming the file and line when a row has the wrong number of fields.
fn rows<'a>(
    file: &'static str,
    content: &'a str,
    fields: usize,
) -> impl Iterator<Item = (usize, Vec<&'a str>)> + 'a {
    content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(move |(n, l)| {
            let row: Vec<&str> = l.split('\t').map(str::trim).collect();
            assert!(
                row.len() == fields,
                "{file}:{}: expected {fields} tab-separated fields, found {}",
                n + 1,
                row.len()
            );
            (n + 1, row)
        })
}

fn bad(file: &str, line: usize, what: &str) -> ! {
    panic!("{file}:{line}: {what}")
}

impl Lexicon {
    /// Parses the bundled tables; panics with file and line on a malformed row.
    pub fn new() -> Self {
        let mut stems = HashMap::new();
        const MONTHS: &str = "src/facts/data/months.tsv";
        for (n, r) in rows(MONTHS, include_str!("../data/months.tsv"), 3) {
            let month = r[1]
                .parse()
                .ok()
                .filter(|m| (1..=12).contains(m))
                .unwrap_or_else(|| bad(MONTHS, n, "month must be 1-12"));
            let weak = match r[2] {
                "weak" => true,
                "strong" => false,
                _ => bad(MONTHS, n, "strength must be weak or strong"),
            };
            stems.insert(r[0].to_owned(), Noun::Month { month, weak });
        }
        const UNITS: &str = "src/facts/data/date_units.tsv";
        for (n, r) in rows(UNITS, include_str!("../data/date_units.tsv"), 3) {
            let unit = Unit::from_name(r[1]).unwrap_or_else(|| bad(UNITS, n, "unknown unit"));
            let label_ok = matches!((r[2], unit.is_clock()), ("TIME", true) | ("DATE", false));
            if !label_ok {
                bad(
                    UNITS,
                    n,
                    "label must be TIME for clock units and DATE otherwise",
                );
            }
            stems.insert(r[0].to_owned(), Noun::Unit(unit));
        }
        let lengths = stems.keys().map(|s| s.len());
        let stem_lengths = (
            lengths.clone().min().unwrap_or(0),
            lengths.max().unwrap_or(0),
        );
        let endings = rows(
            "src/facts/data/date_suffixes.tsv",
            include_str!("../data/date_suffixes.tsv"),
            1,
        )
        .map(|(_, r)| r[0].to_owned())
        .collect();
        let stop = rows(
            "src/facts/data/date_stop.tsv",
            include_str!("../data/date_stop.tsv"),
            1,
        )
        .map(|(_, r)| r[0].to_owned())
        .collect();
        Lexicon {
            stems,
            stem_lengths,
            endings,
            stop,
            words: Self::date_words(),
            modifiers: Self::modifiers(),
            qualifiers: Self::qualifiers(),
            day_parts: Self::day_parts(),
        }
    }

    fn date_words() -> HashMap<String, DateWord> {
        const FILE: &str = "src/facts/data/date_words.tsv";
        rows(FILE, include_str!("../data/date_words.tsv"), 3)
            .map(|(n, r)| {
                let offset = || r[2].parse().unwrap_or_else(|_| bad(FILE, n, "bad offset"));
                let word = match r[1] {
                    "day" => DateWord::Day(offset()),
                    "year" => DateWord::Year(offset() as i32),
                    "present" => DateWord::Present,
                    "season" => DateWord::Season,
                    "weekday" => DateWord::Weekday,
                    "period" => DateWord::Period,
                    _ => bad(FILE, n, "unknown kind"),
                };
                (r[0].to_owned(), word)
            })
            .collect()
    }

    fn modifiers() -> HashMap<String, Modifier> {
        const FILE: &str = "src/facts/data/date_modifiers.tsv";
        rows(FILE, include_str!("../data/date_modifiers.tsv"), 3)
            .map(|(n, r)| {
                let modifier = match r[1] {
                    "shift" => {
                        Modifier::Shift(r[2].parse().unwrap_or_else(|_| bad(FILE, n, "bad shift")))
                    }
                    "span" => Modifier::Stretch,
                    "vague" => Modifier::Vague,
                    _ => bad(FILE, n, "unknown kind"),
                };
                (r[0].to_owned(), modifier)
            })
            .collect()
    }

    fn qualifiers() -> HashMap<String, (Side, Qualifier)> {
        const FILE: &str = "src/facts/data/date_qualifiers.tsv";
        rows(FILE, include_str!("../data/date_qualifiers.tsv"), 3)
            .map(|(n, r)| {
                let side = match r[1] {
                    "before" => Side::Before,
                    "after" => Side::After,
                    "period" => Side::Period,
                    _ => bad(FILE, n, "side must be before, after or period"),
                };
                let q =
                    Qualifier::from_name(r[2]).unwrap_or_else(|| bad(FILE, n, "unknown qualifier"));
                (r[0].to_owned(), (side, q))
            })
            .collect()
    }

    fn day_parts() -> HashMap<String, DayPart> {
        const FILE: &str = "src/facts/data/time_words.tsv";
        rows(FILE, include_str!("../data/time_words.tsv"), 3)
            .map(|(n, r)| {
                let adjective = match r[1] {
                    "adjective" => true,
                    "part" => false,
                    _ => bad(FILE, n, "kind must be part or adjective"),
                };
                let shift = r[2].parse().unwrap_or_else(|_| bad(FILE, n, "bad shift"));
                (r[0].to_owned(), DayPart { adjective, shift })
            })
            .collect()
    }

    /// Reads a folded word as a month or unit stem plus a known ending.
    pub fn noun<'a>(&self, norm: &'a str) -> Option<NounForm<'a>> {
        if self.stop.contains(norm) {
            return None;
        }
        let (min, max) = self.stem_lengths;
        norm.char_indices()
            .map(|(k, _)| k)
            .chain(std::iter::once(norm.len()))
            .filter(|&k| k >= min && k <= max)
            .rev()
            .find_map(|k| {
                let (stem, ending) = norm.split_at(k);
                let noun = *self.stems.get(stem)?;
                (ending.is_empty() || self.endings.contains(ending))
                    .then_some(NounForm { noun, ending })
            })
    }

    /// A word that is a DATE by itself.
    pub fn date_word(&self, norm: &str) -> Option<DateWord> {
        self.words.get(norm).copied()
    }

    /// A word opening a DATE phrase.
    pub fn modifier(&self, norm: &str) -> Option<Modifier> {
        self.modifiers.get(norm).copied()
    }

    /// A qualifier word and its side.
    pub fn qualifier(&self, norm: &str) -> Option<(Side, Qualifier)> {
        self.qualifiers.get(norm).copied()
    }

    /// A part of the day.
    pub fn day_part(&self, norm: &str) -> Option<DayPart> {
        self.day_parts.get(norm).copied()
    }
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new()
    }
}
