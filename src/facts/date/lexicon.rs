//! The calendar vocabulary shared by the DATE and TIME rules, parsed once from the bundled
//! tables in `src/facts/data/`: month and unit stems with their endings, date words,
//! modifiers, qualifiers and parts of the day.

use crate::mention::Qualifier;
use crate::morph::hash::{FastMap, FastSet};
use crate::table::{rows, Row};
use crate::text::words::WordShape;

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
    /// кезең ("period"), never counted
    Period,
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
            "period" => Unit::Period,
            "century" => Unit::Century,
            "millennium" => Unit::Millennium,
            "age" => Unit::Age,
            "hour" => Unit::Hour,
            "minute" => Unit::Minute,
            "second" => Unit::Second,
            _ => return None,
        })
    }

    /// The name written in `Fact.unit` for a duration (an age is in years: decision 10).
    pub fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Quarter => "quarter",
            Unit::HalfYear => "half_year",
            Unit::Year | Unit::Age => "year",
            Unit::Century => "century",
            Unit::Period => "period",
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
    /// True for a bare stem that counts only before a qualifier word (`18 бен 30 жас
    /// аралығында`; `екі жас` alone is "two young people").
    pub needs_qualifier: bool,
}

/// A closed set from `date_markers.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// мен/бен/пен between the ends of a range.
    RangeWord,
    /// Genitive endings (`жылдың`).
    Genitive,
    /// Adjective endings (`жылғы`).
    Adjective,
    /// Plural endings (`жылдары`).
    Plural,
    /// Ablative endings (`жастан`).
    Ablative,
    /// Locative endings (`2017-де`).
    Locative,
    /// Endings of a lone day of the month (`24-інде`).
    DayEnding,
    /// Approximative endings (`жылдай`).
    Approximate,
    /// Third-person possessive endings (`күні`).
    Possessive,
    /// The clock word `сағат`.
    HourWord,
    /// The spoken zero of `нөл-нөл` minutes.
    Zero,
    /// Case endings of an hour word (`онда`, `бірге`).
    HourCase,
}

impl Marker {
    const ALL: [Marker; 12] = [
        Marker::RangeWord,
        Marker::Genitive,
        Marker::Adjective,
        Marker::Plural,
        Marker::Ablative,
        Marker::Locative,
        Marker::DayEnding,
        Marker::Approximate,
        Marker::Possessive,
        Marker::HourWord,
        Marker::Zero,
        Marker::HourCase,
    ];

    fn name(self) -> &'static str {
        match self {
            Marker::RangeWord => "range_word",
            Marker::Genitive => "genitive",
            Marker::Adjective => "adjective",
            Marker::Plural => "plural",
            Marker::Ablative => "ablative",
            Marker::Locative => "locative",
            Marker::DayEnding => "day_ending",
            Marker::Approximate => "approximate",
            Marker::Possessive => "possessive",
            Marker::HourWord => "hour_word",
            Marker::Zero => "zero",
            Marker::HourCase => "hour_case",
        }
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
    /// A weekday (ISO number, Monday = 1).
    Weekday(i64),
    /// A span with no calendar value (`күнделікті`).
    Period,
}

/// A word opening a DATE phrase (`date_modifiers.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Modifier {
    /// What it says about the time.
    pub kind: ModifierKind,
    /// True when a number may follow (`соңғы 5 жылда`; not `осы`).
    pub counts: bool,
}

/// The meaning of a [`Modifier`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModifierKind {
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
    /// After an ablative ending only: `60 жастан жоғары`.
    Ablative,
    /// After, and also after a bare calendar noun: `жыл сайын`, `тәулік бойы`.
    Period,
    /// Like `Period`, naming a part of the current unit: `жыл басынан`, `жыл соңына`.
    Part,
}

/// A part of the day (`time_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayPart {
    /// True when it can open a clock time (`таңғы 7-де`).
    pub adjective: bool,
    /// True when it is a TIME by itself (not only after a modifier: `өткен түні`).
    pub standalone: bool,
    /// True when it is a TIME only before a qualifier word (`түске дейін`).
    pub bounded: bool,
    /// Hours added to a clock hour below 12.
    pub shift: u32,
}

/// All calendar tables, parsed once.
pub struct Lexicon {
    /// Every month or unit stem with every ending of `date_suffixes.tsv` (and bare): what
    /// it names, whether the bare stem counts, and the stem's length in bytes. One lookup
    /// reads a word (the longest stem wins when two splits are possible).
    forms: FastMap<String, (Noun, bool, usize)>,
    /// Every folded word that may open a DATE or TIME phrase other than by a number: the
    /// noun forms, date words, modifiers, parts of the day, first words of greetings and
    /// of hyphenated pairs. With `numeral_heads`, the prefilter.
    starts: FastSet<String>,
    /// The words of `starts` that may open a TIME phrase: parts of the day, greetings,
    /// modifiers and clock-unit nouns.
    time_starts: FastSet<String>,
    /// Number words of a clock hour (1-12, `бір` … `он`), for homographs such as `онда`
    /// ("there") and `бірге` ("together") that are hours after `сағат` or `түскі`.
    hour_words: Vec<(String, u32)>,
    /// The first three chars (two for shorter ones) of every number word.
    numeral_heads: FastSet<(char, char, Option<char>)>,
    /// A one-probe bitmap over the first three chars of `starts` and `numeral_heads` (and
    /// over the first two of their two-char words): most words fail it without hashing.
    heads: HeadBits,
    stop: FastSet<String>,
    words: FastMap<String, DateWord>,
    modifiers: FastMap<String, Modifier>,
    qualifiers: FastMap<String, (Side, Qualifier)>,
    day_parts: FastMap<String, DayPart>,
    name_prefixes: Vec<String>,
    inner: FastSet<String>,
    greetings: Vec<(String, String, usize)>,
    markers: Vec<Vec<String>>,
}

impl Lexicon {
    /// Parses the bundled tables; panics with file and line on a malformed row.
    pub fn new() -> Self {
        let mut stems = FastMap::default();
        for r in rows("months.tsv", include_str!("../data/months.tsv")) {
            let month: u32 = r.parse(1);
            if !(1..=12).contains(&month) {
                r.fail("month must be 1-12");
            }
            let weak = match r.cell(2) {
                "weak" => true,
                "strong" => false,
                _ => r.fail("strength must be weak or strong"),
            };
            stems.insert(r.cell(0).to_owned(), (Noun::Month { month, weak }, true));
        }
        for r in rows("date_units.tsv", include_str!("../data/date_units.tsv")) {
            let unit = Unit::from_name(r.cell(1)).unwrap_or_else(|| r.fail("unknown unit"));
            let label_ok = matches!(
                (r.cell(2), unit.is_clock()),
                ("TIME", true) | ("DATE", false)
            );
            if !label_ok {
                r.fail("label must be TIME for clock units and DATE otherwise");
            }
            let bare = match r.cell(3) {
                "yes" => true,
                "no" => false,
                _ => r.fail("bare must be yes or no"),
            };
            stems.insert(r.cell(0).to_owned(), (Noun::Unit(unit), bare));
        }
        let endings: Vec<String> = rows(
            "date_suffixes.tsv",
            include_str!("../data/date_suffixes.tsv"),
        )
        .map(|r| r.cell(0).to_owned())
        .collect();
        let mut forms = FastMap::default();
        for (stem, &(noun, bare)) in &stems {
            for ending in std::iter::once("").chain(endings.iter().map(String::as_str)) {
                let entry =
                    forms
                        .entry(format!("{stem}{ending}"))
                        .or_insert((noun, bare, stem.len()));
                if entry.2 < stem.len() {
                    *entry = (noun, bare, stem.len());
                }
            }
        }
        let form = |r: Row| r.cell(0).to_owned();
        let mut markers = vec![Vec::new(); Marker::ALL.len()];
        for r in rows("date_markers.tsv", include_str!("../data/date_markers.tsv")) {
            let marker = Marker::ALL
                .into_iter()
                .position(|m| m.name() == r.cell(0))
                .unwrap_or_else(|| r.fail("unknown marker"));
            markers[marker].push(r.cell(1).to_owned());
        }
        let mut lexicon = Lexicon {
            forms,
            starts: FastSet::default(),
            numeral_heads: rows("numerals.tsv", include_str!("../data/numerals.tsv"))
                .map(|r| numeral_head(r.cell(0)))
                .collect(),
            heads: HeadBits::default(),
            hour_words: rows("numerals.tsv", include_str!("../data/numerals.tsv"))
                .filter(|r| matches!(r.cell(2), "unit" | "ten"))
                .map(|r| (r.cell(0).to_owned(), r.parse::<u32>(1)))
                .filter(|&(_, v)| (1..=12).contains(&v))
                .collect(),
            time_starts: FastSet::default(),
            stop: rows("date_stop.tsv", include_str!("../data/date_stop.tsv"))
                .map(form)
                .collect(),
            words: rows("date_words.tsv", include_str!("../data/date_words.tsv"))
                .map(|r| (r.cell(0).to_owned(), date_word(&r)))
                .collect(),
            modifiers: rows(
                "date_modifiers.tsv",
                include_str!("../data/date_modifiers.tsv"),
            )
            .map(|r| (r.cell(0).to_owned(), modifier(&r)))
            .collect(),
            qualifiers: rows(
                "date_qualifiers.tsv",
                include_str!("../data/date_qualifiers.tsv"),
            )
            .map(|r| (r.cell(0).to_owned(), qualifier(&r)))
            .collect(),
            day_parts: rows("time_words.tsv", include_str!("../data/time_words.tsv"))
                .map(|r| (r.cell(0).to_owned(), day_part(&r)))
                .collect(),
            inner: rows("date_inner.tsv", include_str!("../data/date_inner.tsv"))
                .map(form)
                .collect(),
            name_prefixes: rows("month_names.tsv", include_str!("../data/month_names.tsv"))
                .map(form)
                .collect(),
            markers,
            greetings: rows(
                "time_greetings.tsv",
                include_str!("../data/time_greetings.tsv"),
            )
            .map(|r| {
                let part: usize = r.parse(2);
                if !(1..=2).contains(&part) {
                    r.fail("part must be 1 or 2");
                }
                (r.cell(0).to_owned(), r.cell(1).to_owned(), part - 1)
            })
            .collect(),
        };
        lexicon.collect_starts();
        lexicon
    }

    /// Fills the prefilter with every word that may open a phrase.
    fn collect_starts(&mut self) {
        let words: Vec<String> = self
            .forms
            .keys()
            .chain(self.words.keys())
            .chain(self.modifiers.keys())
            .chain(self.day_parts.keys())
            .map(String::as_str)
            .chain(self.greetings.iter().map(|g| g.0.as_str()))
            .flat_map(|w| [w, w.split('-').next().unwrap_or(w)])
            .map(str::to_owned)
            .collect();
        self.starts.extend(words);
        let clock_nouns = self
            .forms
            .iter()
            .filter(|(_, f)| matches!(f.0, Noun::Unit(u) if u.is_clock()))
            .map(|(w, _)| w.as_str());
        let time_words: Vec<String> = self
            .day_parts
            .keys()
            .chain(self.modifiers.keys())
            .map(String::as_str)
            .chain(self.greetings.iter().map(|g| g.0.as_str()))
            .flat_map(|w| [w, w.split('-').next().unwrap_or(w)])
            .chain(clock_nouns)
            .map(str::to_owned)
            .collect();
        self.time_starts.extend(time_words);
        let heads: Vec<_> = self
            .starts
            .iter()
            .map(|w| numeral_head(w))
            .chain(self.numeral_heads.iter().copied())
            .collect();
        for (a, b, c) in heads {
            self.heads.insert(a, b, c);
        }
    }

    /// The prefilter: false when no DATE or TIME construction can start at a word of this
    /// shape and folded form (digits, a known opening word, a number word's head or a
    /// Roman numeral are needed).
    pub fn may_start(&self, shape: WordShape, norm: &str) -> bool {
        if shape != WordShape::Letters {
            return true;
        }
        let (a, b, c) = numeral_head(norm);
        let head = self.heads.contains(a, b, c) || self.heads.contains(a, b, None);
        (head && (self.starts.contains(norm) || self.is_numeral_head(norm)))
            || (is_roman(a) && norm.chars().all(is_roman))
    }

    /// The hour named by an inflected hour word (`онда` = 10, `бірге` = 1), homographs the
    /// number reader refuses.
    pub fn inflected_hour(&self, norm: &str) -> Option<u32> {
        self.hour_words.iter().find_map(|(stem, hour)| {
            let ending = norm.strip_prefix(stem.as_str())?;
            self.is(Marker::HourCase, ending).then_some(*hour)
        })
    }

    /// True for a word that may open a DATE or TIME phrase other than by a number.
    pub fn opens_phrase(&self, norm: &str) -> bool {
        self.starts.contains(norm)
    }

    /// True for a month or unit noun in any form, stop list ignored.
    pub fn is_calendar_noun(&self, norm: &str) -> bool {
        self.forms.contains_key(norm)
    }

    /// True for a word that may open a TIME phrase other than by a number.
    pub fn opens_time(&self, norm: &str) -> bool {
        self.time_starts.contains(norm)
    }

    /// True for a clock-unit noun (`сағат`, `минутта`).
    pub fn is_clock_noun(&self, norm: &str) -> bool {
        matches!(self.forms.get(norm), Some((Noun::Unit(u), ..)) if u.is_clock())
    }

    /// True when `norm` starts like a number word (`онда` like `он`, `жиырмасы` like
    /// `жиырма`).
    pub fn is_numeral_head(&self, norm: &str) -> bool {
        let (a, b, c) = numeral_head(norm);
        self.numeral_heads.contains(&(a, b, c))
            || (c.is_some() && self.numeral_heads.contains(&(a, b, None)))
    }

    /// Reads a folded word as a month or unit stem plus a known ending.
    pub fn noun<'a>(&self, norm: &'a str) -> Option<NounForm<'a>> {
        if self.stop.contains(norm) {
            return None;
        }
        self.any_noun(norm)
    }

    /// Like [`Lexicon::noun`], ignoring the stop list (`айына` after a month name is "to
    /// the month", not "per month").
    pub fn any_noun<'a>(&self, norm: &'a str) -> Option<NounForm<'a>> {
        let &(noun, bare, stem) = self.forms.get(norm)?;
        let ending = &norm[stem..];
        Some(NounForm {
            noun,
            ending,
            needs_qualifier: ending.is_empty() && !bare,
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

    /// True when `norm` is one of the `marker` words.
    pub fn is(&self, marker: Marker, norm: &str) -> bool {
        self.markers[marker as usize].iter().any(|m| m == norm)
    }

    /// True when `norm` ends with one of the `marker` endings.
    pub fn ends(&self, marker: Marker, norm: &str) -> bool {
        self.markers[marker as usize]
            .iter()
            .any(|m| norm.ends_with(m.as_str()))
    }

    /// True when `norm` starts with one of the `marker` endings (`жылдардың`: plural).
    pub fn starts(&self, marker: Marker, norm: &str) -> bool {
        self.markers[marker as usize]
            .iter()
            .any(|m| norm.starts_with(m.as_str()))
    }

    /// True for a word ending in the genitive or an adjective ending (`жылдың`, `жылғы`,
    /// `биылғы`): a year so ended names the year of the month or day that follows.
    pub fn links(&self, norm: &str) -> bool {
        self.ends(Marker::Genitive, norm) || self.ends(Marker::Adjective, norm)
    }

    /// True for a word that may stand between a count and its calendar noun (`жұмыс`).
    pub fn inner(&self, norm: &str) -> bool {
        self.inner.contains(norm)
    }

    /// True when a word after a lone month makes the month part of a name (`Наурыз
    /// мерекесі`).
    pub fn names_month(&self, norm: &str) -> bool {
        self.name_prefixes
            .iter()
            .any(|p| norm.starts_with(p.as_str()))
    }

    /// For a greeting naming a part of the day (`қайырлы таң`), which of its two words
    /// (0 or 1) is the TIME.
    pub fn greeting(&self, first: &str, second: &str) -> Option<usize> {
        self.greetings
            .iter()
            .find(|(a, b, _)| a == first && b == second)
            .map(|g| g.2)
    }
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new()
    }
}

fn date_word(r: &Row) -> DateWord {
    match r.cell(1) {
        "day" => DateWord::Day(r.parse(2)),
        "year" => DateWord::Year(r.parse(2)),
        "present" => DateWord::Present,
        "season" => DateWord::Season,
        "weekday" => DateWord::Weekday(r.parse(2)),
        "period" => DateWord::Period,
        _ => r.fail("unknown kind"),
    }
}

fn modifier(r: &Row) -> Modifier {
    let kind = match r.cell(1) {
        "shift" => ModifierKind::Shift(r.parse(2)),
        "span" => ModifierKind::Stretch,
        "vague" => ModifierKind::Vague,
        _ => r.fail("unknown kind"),
    };
    let counts = match r.cell(3) {
        "yes" => true,
        "no" => false,
        _ => r.fail("count must be yes or no"),
    };
    Modifier { kind, counts }
}

fn qualifier(r: &Row) -> (Side, Qualifier) {
    let side = match r.cell(1) {
        "before" => Side::Before,
        "after" => Side::After,
        "ablative" => Side::Ablative,
        "period" => Side::Period,
        "part" => Side::Part,
        _ => r.fail("side must be before, after, ablative, period or part"),
    };
    let q = Qualifier::from_name(r.cell(2)).unwrap_or_else(|| r.fail("unknown qualifier"));
    (side, q)
}

fn day_part(r: &Row) -> DayPart {
    let (adjective, standalone, bounded) = match r.cell(1) {
        "adjective" => (true, true, false),
        "part" => (false, true, false),
        "noun" => (false, false, false),
        "bounded" => (false, true, true),
        _ => r.fail("kind must be part, adjective, noun or bounded"),
    };
    DayPart {
        adjective,
        standalone,
        bounded,
        shift: r.parse(2),
    }
}

/// True for a letter of the Roman numerals the centuries use (Latin or Cyrillic X, V, I).
pub fn is_roman(c: char) -> bool {
    matches!(c, 'x' | 'х' | 'v' | 'i' | 'і')
}

/// Bits of a one-probe filter over word heads (first two or three chars).
struct HeadBits([u64; HEAD_WORDS]);

/// Size of [`HeadBits`] in 64-bit words (2^15 bits).
const HEAD_WORDS: usize = 512;

impl Default for HeadBits {
    fn default() -> Self {
        HeadBits([0; HEAD_WORDS])
    }
}

impl HeadBits {
    fn bit(a: char, b: char, c: Option<char>) -> usize {
        let key = (u64::from(a) << 42) ^ (u64::from(b) << 21) ^ c.map_or(0, u64::from);
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 49) as usize
    }

    fn insert(&mut self, a: char, b: char, c: Option<char>) {
        let k = Self::bit(a, b, c);
        self.0[k / 64] |= 1 << (k % 64);
    }

    fn contains(&self, a: char, b: char, c: Option<char>) -> bool {
        let k = Self::bit(a, b, c);
        self.0[k / 64] & (1 << (k % 64)) != 0
    }
}

/// The first three chars of a word (fewer for a shorter word), for the number prefilter.
fn numeral_head(word: &str) -> (char, char, Option<char>) {
    let mut chars = word.chars();
    let a = chars.next().unwrap_or(' ');
    (a, chars.next().unwrap_or(' '), chars.next())
}
