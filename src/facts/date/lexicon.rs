//! The calendar vocabulary shared by the DATE and TIME rules, parsed once from the bundled
//! tables in `src/facts/data/`: month and unit stems with their endings, date words,
//! modifiers, qualifiers and parts of the day.

use crate::mention::Qualifier;
use crate::morph::hash::{FastMap, FastSet};
use crate::table::{rows, Row};
use crate::text::words::WordShape;
use std::sync::LazyLock;

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

/// What one folded word can be to the calendar rules, as bit flags: computed once per word
/// of a text ([`Lexicon::class`]), so that the prefilters test bits and the rules look a
/// word up in a table only when its bit says it is there.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClass(u16);

impl WordClass {
    /// Not only letters: digits, or letters and digits (`2025`, `5км`).
    pub const DIGITS: u16 = 1;
    /// Starts like a number word (`онда` like `он`, `жиырмасы` like `жиырма`).
    pub const NUMERAL: u16 = 1 << 1;
    /// May open a DATE or TIME phrase other than by a number: noun forms, date words,
    /// modifiers, parts of the day, first words of greetings and of hyphenated pairs.
    pub const OPENS: u16 = 1 << 2;
    /// May open a TIME phrase other than by a number: parts of the day, greetings,
    /// modifiers and clock-unit nouns.
    pub const OPENS_TIME: u16 = 1 << 3;
    /// A month or unit noun in any form, stop list ignored.
    pub const CALENDAR: u16 = 1 << 4;
    /// A clock-unit noun (`сағат`, `минутта`).
    pub const CLOCK: u16 = 1 << 5;
    /// The clock word `сағат` ([`Marker::HourWord`]).
    pub const HOUR_WORD: u16 = 1 << 6;
    /// A Roman numeral of X, V and I (Latin or Cyrillic), letters only.
    pub const ROMAN: u16 = 1 << 7;
    /// A modifier (`date_modifiers.tsv`).
    pub const MODIFIER: u16 = 1 << 8;
    /// A date word (`date_words.tsv`).
    pub const DATE_WORD: u16 = 1 << 9;
    /// A part of the day (`time_words.tsv`).
    pub const DAY_PART: u16 = 1 << 10;
    /// A qualifier word (`date_qualifiers.tsv`).
    pub const QUALIFIER: u16 = 1 << 11;
    /// The first part of a hyphenated date word or part of the day (`бүгін` of
    /// `бүгін-ертең`).
    pub const PAIR_START: u16 = 1 << 12;
    /// A month noun in any form.
    pub const MONTH: u16 = 1 << 13;
    /// The first word of a greeting (`қайырлы` of `қайырлы таң`).
    pub const GREETING: u16 = 1 << 14;
    /// A range word between two numbers (`мен`, `бен`, `пен`: [`Marker::RangeWord`]).
    pub const RANGE_WORD: u16 = 1 << 15;

    /// The class of a word of digits only.
    pub fn digits() -> WordClass {
        WordClass(WordClass::DIGITS)
    }

    /// True when any of `flags` is set.
    pub fn any(self, flags: u16) -> bool {
        self.0 & flags != 0
    }

    /// The flags of both.
    pub fn union(self, other: WordClass) -> WordClass {
        WordClass(self.0 | other.0)
    }
}

/// A word of [`Lexicon::entries`]: its class bits, and its reading as a month or unit noun
/// (what it names, whether the bare stem counts, the stem's length in bytes).
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    class: u16,
    form: Option<(Noun, bool, usize)>,
    /// True for a word of the stop list (`date_stop.tsv`): no noun for [`Lexicon::noun`].
    stop: bool,
}

/// All calendar tables, parsed once.
pub struct Lexicon {
    /// Every word with [`WordClass`] flags other than `DIGITS`, `NUMERAL` and `ROMAN` (which
    /// are read from the word's shape and first letters), among them every month or unit
    /// stem with every ending of `date_suffixes.tsv` (and bare), with its reading as a noun:
    /// one lookup reads a word (the longest stem wins when two splits are possible).
    entries: WordIndex,
    /// Number words of a clock hour (1-12, `бір` … `он`), for homographs such as `онда`
    /// ("there") and `бірге` ("together") that are hours after `сағат` or `түскі`.
    hour_words: Vec<(String, u32)>,
    /// The first three letters of every number word of three letters or more, packed by
    /// [`head_keys`].
    numeral_heads: FastSet<u64>,
    /// The number words of two letters (`он`, `үш`), packed: a word starting with one
    /// starts like a number word. Two of them: a scan is cheaper than a probe.
    short_numerals: Vec<u64>,
    /// A one-probe filter over the first three letters of the number words.
    numeral_head_bits: KeyBits<HEAD_BITS>,
    /// A one-probe filter over [`cyrillic_head`]: the heads of the number words, of the
    /// words of `entries` and of Roman numerals, and every Cyrillic head starting with a
    /// number word of two letters. A word that fails it gets no class but `DIGITS`: most
    /// words are rejected by this one bit test.
    head_bits: KeyBits<HEAD_BITS>,
    /// What the heads of `head_bits` start ([`HeadInfo`]), exactly: a word that passes the
    /// bit test is classed from its head's entry, with no set lookups.
    heads: HeadIndex,
    /// A one-probe filter over the [`word_key`] of the words of `entries`.
    listed: KeyBits<LISTED_BITS>,
    words: FastMap<String, DateWord>,
    modifiers: FastMap<String, Modifier>,
    qualifiers: FastMap<String, (Side, Qualifier)>,
    day_parts: FastMap<String, DayPart>,
    name_prefixes: Vec<String>,
    inner: FastSet<String>,
    greetings: Vec<(String, String, usize)>,
    markers: Vec<Vec<String>>,
    /// For each marker, the last two bytes of its words (None when one is shorter): a word
    /// ending otherwise ends with none of them.
    marker_tails: Vec<Option<Vec<u16>>>,
    /// For each marker, the set of the last bytes of its words (all bytes when one is
    /// empty): a word whose last byte is not in it ends with none of them.
    marker_last: Vec<[u64; 4]>,
}

/// The tables, parsed on first use and shared by the DATE and TIME rules.
static SHARED: LazyLock<Lexicon> = LazyLock::new(Lexicon::new);

impl Lexicon {
    /// The shared tables ([`Lexicon::new`] once per process).
    pub fn shared() -> &'static Lexicon {
        &SHARED
    }

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
        let mut entries: FastMap<String, Entry> = FastMap::default();
        entries.reserve(stems.len() * (endings.len() + 1));
        for (stem, &(noun, bare)) in &stems {
            let mut class = WordClass::OPENS | WordClass::CALENDAR;
            match noun {
                Noun::Unit(u) if u.is_clock() => class |= WordClass::CLOCK | WordClass::OPENS_TIME,
                Noun::Month { .. } => class |= WordClass::MONTH,
                Noun::Unit(_) => {}
            }
            for ending in std::iter::once("").chain(endings.iter().map(String::as_str)) {
                let mut word = String::with_capacity(stem.len() + ending.len());
                word.push_str(stem);
                word.push_str(ending);
                let entry = entries.entry(word).or_default();
                entry.class |= class;
                if entry.form.is_none_or(|f| f.2 < stem.len()) {
                    entry.form = Some((noun, bare, stem.len()));
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
        let numerals: Vec<String> = rows("numerals.tsv", include_str!("../data/numerals.tsv"))
            .map(|r| r.cell(0).to_owned())
            .collect();
        let numeral_key = |w: &String| {
            let bytes: usize = w.chars().take(3).map(char::len_utf8).sum();
            assert!(bytes <= 8, "number word head too long to pack: {w}");
            head_keys(w).0
        };
        let marker_tails = markers.iter().map(|words| tails(words)).collect();
        let marker_last = markers.iter().map(|words| last_bytes(words)).collect();
        let mut lexicon = Lexicon {
            entries: WordIndex::default(),
            marker_tails,
            marker_last,
            numeral_heads: (numerals.iter())
                .filter(|w| w.chars().count() >= 3)
                .map(numeral_key)
                .collect(),
            short_numerals: (numerals.iter())
                .filter(|w| w.chars().count() == 2)
                .map(numeral_key)
                .collect(),
            numeral_head_bits: KeyBits::new(),
            head_bits: KeyBits::new(),
            heads: HeadIndex::default(),
            listed: KeyBits::new(),
            hour_words: rows("numerals.tsv", include_str!("../data/numerals.tsv"))
                .filter(|r| matches!(r.cell(2), "unit" | "ten"))
                .map(|r| (r.cell(0).to_owned(), r.parse::<u32>(1)))
                .filter(|&(_, v)| (1..=12).contains(&v))
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
        let stop = rows("date_stop.tsv", include_str!("../data/date_stop.tsv")).map(form);
        for word in stop {
            if let Some(entry) = entries.get_mut(&word) {
                entry.stop = true;
            }
        }
        lexicon.collect_classes(entries);
        lexicon
    }

    /// Adds the class bits of the words of the small tables to the noun forms `entries`,
    /// indexes them, and fills the head bitmaps.
    fn collect_classes(&mut self, mut entries: FastMap<String, Entry>) {
        let mut add = |word: &str, bits: u16| match entries.get_mut(word) {
            Some(e) => e.class |= bits,
            None => {
                let entry = Entry {
                    class: bits,
                    ..Entry::default()
                };
                entries.insert(word.to_owned(), entry);
            }
        };
        let mut opener = |word: &str, bits: u16| {
            add(word, bits);
            // An opening word opens also by the first part of a hyphenated pair.
            if let Some((first, _)) = word.split_once('-') {
                add(first, bits | WordClass::PAIR_START);
            }
        };
        for w in self.words.keys() {
            opener(w, WordClass::OPENS | WordClass::DATE_WORD);
        }
        for w in self.day_parts.keys() {
            opener(
                w,
                WordClass::OPENS | WordClass::OPENS_TIME | WordClass::DAY_PART,
            );
        }
        for w in self.modifiers.keys() {
            opener(
                w,
                WordClass::OPENS | WordClass::OPENS_TIME | WordClass::MODIFIER,
            );
        }
        for g in &self.greetings {
            opener(
                &g.0,
                WordClass::OPENS | WordClass::OPENS_TIME | WordClass::GREETING,
            );
        }
        for w in self.qualifiers.keys() {
            add(w, WordClass::QUALIFIER);
        }
        for w in &self.markers[Marker::HourWord as usize] {
            add(w, WordClass::HOUR_WORD);
        }
        for w in &self.markers[Marker::RangeWord as usize] {
            add(w, WordClass::RANGE_WORD);
        }
        let mut heads: FastMap<u64, u8> = FastMap::default();
        for w in entries.keys() {
            self.listed.insert(word_key(w));
            *heads.entry(head_keys(w).0).or_default() |= HeadInfo::LISTED;
        }
        self.entries = WordIndex::new(entries);
        for &k in &self.numeral_heads {
            self.numeral_head_bits.insert(k);
            *heads.entry(k).or_default() |= HeadInfo::NUMERAL;
        }
        // A word starting with a number word of two letters: the word itself, and the
        // heads of every Cyrillic letter after it.
        for &short in &self.short_numerals {
            *heads.entry(short).or_default() |= HeadInfo::NUMERAL;
            for lead in 0xD0..=0xD3u8 {
                for trail in 0x80..=0xBFu8 {
                    let head = short | u64::from(u16::from_le_bytes([lead, trail])) << 32;
                    *heads.entry(head).or_default() |= HeadInfo::NUMERAL;
                }
            }
        }
        // Roman numerals pass the head filter too: every head of one to three of
        // their letters.
        let roman = ['x', 'х', 'v', 'i', 'і'];
        for a in roman {
            for b in std::iter::once(None).chain(roman.map(Some)) {
                for c in std::iter::once(None).chain(roman.map(Some)) {
                    let head: String = [Some(a), b, b.and(c)].into_iter().flatten().collect();
                    *heads.entry(head_keys(&head).0).or_default() |= HeadInfo::ROMAN;
                }
            }
        }
        for &head in heads.keys() {
            self.head_bits.insert(head);
        }
        self.heads = HeadIndex::new(heads);
    }

    /// The [`WordClass`] of a word of this shape and folded form: for most words one bit
    /// test on their first three letters ([`cyrillic_head`]), lookups only for those that
    /// pass it or do not start with Cyrillic letters.
    #[inline]
    pub fn class(&self, shape: WordShape, norm: &str) -> WordClass {
        let bits = match shape {
            WordShape::Digits => return WordClass(WordClass::DIGITS),
            WordShape::Letters => 0,
            WordShape::Mixed => WordClass::DIGITS,
        };
        match cyrillic_head(norm.as_bytes()) {
            Some(head) if !self.head_bits.contains(head) => WordClass(bits),
            Some(head) => self.head_class(shape, norm, head, bits),
            None => self.listed_class(shape, norm, bits),
        }
    }

    /// [`Lexicon::class`] of a word whose [`cyrillic_head`] `head` passed the head filter:
    /// the head's [`HeadInfo`] says which tests can add a class (it is exact for
    /// `NUMERAL`, which depends on the head only).
    #[inline(never)]
    fn head_class(&self, shape: WordShape, norm: &str, head: u64, mut bits: u16) -> WordClass {
        let info = self.heads.get(head);
        if info & HeadInfo::NUMERAL != 0 {
            bits |= WordClass::NUMERAL;
        }
        if info & HeadInfo::LISTED != 0 {
            bits |= self.listed_bits(norm);
        }
        if info & HeadInfo::ROMAN != 0 && shape == WordShape::Letters && norm.chars().all(is_roman)
        {
            bits |= WordClass::ROMAN;
        }
        WordClass(bits)
    }

    /// The class bits of `norm` in `entries` (0 for a word not there).
    #[inline(always)]
    fn listed_bits(&self, norm: &str) -> u16 {
        let key = word_key(norm);
        if !self.listed.contains(key) {
            return 0;
        }
        self.entries.get(norm, key).map_or(0, |e| e.class)
    }

    /// [`Lexicon::class`] of a word with no Cyrillic head, and the reference the head
    /// filter is tested against: the exact class, with a filter before each lookup.
    #[inline(never)]
    fn listed_class(&self, shape: WordShape, norm: &str, mut bits: u16) -> WordClass {
        let (head, short) = head_keys(norm);
        bits |= self.listed_bits(norm);
        let numeral_head =
            self.numeral_head_bits.contains(head) && self.numeral_heads.contains(&head);
        if numeral_head || self.short_numerals.contains(&short) {
            bits |= WordClass::NUMERAL;
        }
        if shape == WordShape::Letters && may_be_roman(norm) && norm.chars().all(is_roman) {
            bits |= WordClass::ROMAN;
        }
        WordClass(bits)
    }

    /// The hour named by an inflected hour word (`онда` = 10, `бірге` = 1), homographs the
    /// number reader refuses.
    pub fn inflected_hour(&self, norm: &str) -> Option<u32> {
        self.hour_words.iter().find_map(|(stem, hour)| {
            let ending = norm.strip_prefix(stem.as_str())?;
            self.is(Marker::HourCase, ending).then_some(*hour)
        })
    }

    /// Reads a folded word as a month or unit stem plus a known ending.
    pub fn noun<'a>(&self, norm: &'a str) -> Option<NounForm<'a>> {
        let entry = self.entries.get(norm, word_key(norm))?;
        (!entry.stop).then(|| noun_form(entry, norm)).flatten()
    }

    /// Like [`Lexicon::noun`], ignoring the stop list (`айына` after a month name is "to
    /// the month", not "per month").
    pub fn any_noun<'a>(&self, norm: &'a str) -> Option<NounForm<'a>> {
        noun_form(self.entries.get(norm, word_key(norm))?, norm)
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
    #[inline]
    pub fn ends(&self, marker: Marker, norm: &str) -> bool {
        let last = norm.as_bytes().last().map_or(0, |&b| b);
        if self.marker_last[marker as usize][usize::from(last / 64)] & 1 << (last % 64) == 0 {
            return false;
        }
        if let (Some(tails), Some(tail)) = (&self.marker_tails[marker as usize], tail(norm)) {
            if !tails.contains(&tail) {
                return false;
            }
        }
        self.ends_any(marker, norm)
    }

    /// [`Lexicon::ends`] past the test of the last two bytes.
    fn ends_any(&self, marker: Marker, norm: &str) -> bool {
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

/// The reading of `norm` as a month or unit noun, from its entry.
fn noun_form<'a>(entry: &Entry, norm: &'a str) -> Option<NounForm<'a>> {
    let (noun, bare, stem) = entry.form?;
    let ending = &norm[stem..];
    Some(NounForm {
        noun,
        ending,
        needs_qualifier: ending.is_empty() && !bare,
    })
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

/// The distinct last two bytes of `words`, None when a word is shorter.
fn tails(words: &[String]) -> Option<Vec<u16>> {
    let mut tails: Vec<u16> = words.iter().map(|w| tail(w)).collect::<Option<_>>()?;
    tails.sort_unstable();
    tails.dedup();
    Some(tails)
}

/// The set of the last bytes of `words` (every byte when one is empty), 256 bits.
fn last_bytes(words: &[String]) -> [u64; 4] {
    let mut set = [0u64; 4];
    for w in words {
        match w.as_bytes().last() {
            Some(&b) => set[usize::from(b / 64)] |= 1 << (b % 64),
            None => set = [u64::MAX; 4],
        }
    }
    set
}

/// The last two bytes of a word, None when it is shorter.
fn tail(word: &str) -> Option<u16> {
    match word.as_bytes() {
        [.., a, b] => Some(u16::from_le_bytes([*a, *b])),
        _ => None,
    }
}

/// False for a word that does not start with a Roman numeral letter ([`is_roman`]): `x`,
/// `v`, `i`, or Cyrillic `х` and `і`.
fn may_be_roman(norm: &str) -> bool {
    matches!(
        norm.as_bytes(),
        [b'x' | b'v' | b'i', ..] | [0xD1, 0x85 | 0x96, ..]
    )
}

/// A one-probe bit filter over 64-bit keys: false means the key was never inserted. Its
/// size, `2^LOG2` bits, is a constant: a probe is a multiply, a constant shift and a bit
/// test, with no bounds check.
struct KeyBits<const LOG2: u32> {
    bits: Box<[u64]>,
}

impl<const LOG2: u32> KeyBits<LOG2> {
    /// An empty filter.
    fn new() -> Self {
        KeyBits {
            bits: vec![0; 1 << (LOG2 - 6)].into_boxed_slice(),
        }
    }

    fn bit(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - LOG2)) as usize
    }

    fn insert(&mut self, key: u64) {
        let k = Self::bit(key);
        self.bits[k / 64] |= 1 << (k % 64);
    }

    #[inline]
    fn contains(&self, key: u64) -> bool {
        let k = Self::bit(key);
        self.bits
            .get(k / 64)
            .is_some_and(|&w| w & (1 << (k % 64)) != 0)
    }
}

/// Flags of a head in [`Lexicon::heads`]: what words starting with it can be.
struct HeadInfo;

impl HeadInfo {
    /// The head of a number word, or a number word of two letters and any letter: the
    /// word gets `NUMERAL`.
    const NUMERAL: u8 = 1;
    /// The head of a word of [`Lexicon::entries`]: the word is looked up.
    const LISTED: u8 = 1 << 1;
    /// A head of Roman numeral letters: the word is tested letter by letter.
    const ROMAN: u8 = 1 << 2;
}

/// An open-addressing table from 64-bit keys to small nonzero values (0 marks an empty
/// slot), at most half full, probed linearly from a multiplicative hash of the key: usually
/// one probe. Shared by [`HeadIndex`] and [`WordIndex`].
#[derive(Default)]
struct KeySlots<V> {
    /// Each slot: a key and its value (the default value: empty slot).
    slots: Vec<(u64, V)>,
    /// 64 minus the log2 of the number of slots.
    shift: u32,
}

impl<V: Copy + Default + PartialEq> KeySlots<V> {
    /// An empty table with room for `len` keys at most half full.
    fn with_room(len: usize) -> Self {
        let log2 = (2 * len).max(2).next_power_of_two().trailing_zeros();
        KeySlots {
            slots: vec![(0, V::default()); 1 << log2],
            shift: 64 - log2,
        }
    }

    /// The first slot to probe for `key`.
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// Puts `value` (not the default) under `key` in the first free slot of its probe run.
    fn insert(&mut self, key: u64, value: V) {
        let mask = self.slots.len() - 1;
        let mut k = self.slot(key);
        while self.slots[k].1 != V::default() {
            k = (k + 1) & mask;
        }
        self.slots[k] = (key, value);
    }

    /// The first value stored under `key` that `accept` takes, in probe order; None at the
    /// first empty slot.
    #[inline]
    fn find(&self, key: u64, mut accept: impl FnMut(V) -> bool) -> Option<V> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut k = self.slot(key) & mask;
        while let Some(&(slot_key, value)) = self.slots.get(k) {
            if value == V::default() {
                return None;
            }
            if slot_key == key && accept(value) {
                return Some(value);
            }
            k = (k + 1) & mask;
        }
        None
    }
}

/// An exact map from [`head_keys`] heads to their [`HeadInfo`] flags; 0 for a head not
/// there.
#[derive(Default)]
struct HeadIndex(KeySlots<u8>);

impl HeadIndex {
    /// Indexes `heads` (flags 0 are left out).
    fn new(heads: FastMap<u64, u8>) -> Self {
        let mut slots = KeySlots::with_room(heads.len());
        for (head, info) in heads.into_iter().filter(|&(_, info)| info != 0) {
            slots.insert(head, info);
        }
        HeadIndex(slots)
    }

    /// The flags of `head` (0 when not there).
    fn get(&self, head: u64) -> u8 {
        self.0.find(head, |_| true).unwrap_or(0)
    }
}

/// The log2 of the size of the head filters.
const HEAD_BITS: u32 = 15;

/// The log2 of the size of the filter of listed words.
const LISTED_BITS: u32 = 18;

/// A 64-bit key of a whole word from its length and its first and last 8 bytes (first and
/// last 4 when shorter, all of it under 4): equal words have equal keys, most different
/// words different ones.
fn word_key(word: &str) -> u64 {
    let b = word.as_bytes();
    let n = b.len();
    let packed = match (b.first_chunk::<8>(), b.last_chunk::<8>()) {
        (Some(&first), Some(&last)) => {
            u64::from_le_bytes(first) ^ u64::from_le_bytes(last).rotate_left(29)
        }
        _ => match (b.first_chunk::<4>(), b.last_chunk::<4>()) {
            (Some(&first), Some(&last)) => {
                u64::from(u32::from_le_bytes(first)) | u64::from(u32::from_le_bytes(last)) << 32
            }
            _ => b
                .iter()
                .enumerate()
                .fold(0, |packed, (j, &x)| packed | u64::from(x) << (8 * j)),
        },
    };
    packed ^ (n as u64).wrapping_mul(0xFF51_AFD7_ED55_8CCD)
}

/// The first three letters of a word and its first two (the whole word when shorter),
/// packed little-endian into 64-bit keys (their first 8 bytes). Words starting with three
/// two-byte letters (Cyrillic) take a fast path.
fn head_keys(word: &str) -> (u64, u64) {
    let b = word.as_bytes();
    if let [b0, b1, b2, b3, b4, b5, ..] = *b {
        if (b0 & b2 & b4) & 0xE0 == 0xC0 && (b0 | b2 | b4) & 0x20 == 0 {
            let two = u64::from(u32::from_le_bytes([b0, b1, b2, b3]));
            let three = two | u64::from(u16::from_le_bytes([b4, b5])) << 32;
            return (three, two);
        }
    }
    let (mut head, mut short, mut letters) = (0u64, 0u64, 0);
    for (j, &x) in b.iter().enumerate() {
        if x & 0xC0 != 0x80 {
            letters += 1;
            if letters == 3 {
                short = head;
            }
            if letters == 4 {
                break;
            }
        }
        if j < 8 {
            head |= u64::from(x) << (8 * j);
        }
    }
    if letters < 3 {
        short = head;
    }
    (head, short)
}

/// The [`head_keys`] head of a word made of Cyrillic letters (lead bytes `D0`-`D3`) for
/// at least its first three, or of exactly two; None for any other word.
#[inline]
fn cyrillic_head(b: &[u8]) -> Option<u64> {
    // The lead bytes of the first letters, and what they are in Cyrillic.
    const LEADS: u64 = 0x00FC_00FC_00FC;
    const CYRILLIC: u64 = 0x00D0_00D0_00D0;
    let (head, leads) = match (b.first_chunk::<8>(), b.len()) {
        (Some(&eight), _) => (u64::from_le_bytes(eight) & 0xFFFF_FFFF_FFFF, LEADS),
        (None, 6 | 7) => {
            let low = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            let high = u16::from_le_bytes([b[4], b[5]]);
            (u64::from(low) | u64::from(high) << 32, LEADS)
        }
        (None, 4) => (
            u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])),
            0xFC_00FC,
        ),
        _ => return None,
    };
    (head & leads == CYRILLIC & leads).then_some(head)
}

/// An exact index of the words of [`Lexicon::entries`] by [`word_key`]: usually one
/// probe, then one string compare.
#[derive(Default)]
struct WordIndex {
    /// A word's key and its position in `words` plus one.
    slots: KeySlots<u32>,
    words: Vec<(String, Entry)>,
}

impl WordIndex {
    /// Indexes `entries`.
    fn new(entries: FastMap<String, Entry>) -> Self {
        let mut index = WordIndex {
            slots: KeySlots::with_room(entries.len()),
            words: Vec::with_capacity(entries.len()),
        };
        for (word, entry) in entries {
            let key = word_key(&word);
            index.words.push((word, entry));
            index.slots.insert(key, index.words.len() as u32);
        }
        index
    }

    /// The entry of `word`, whose [`word_key`] is `key`.
    fn get(&self, word: &str, key: u64) -> Option<&Entry> {
        let text_at = |at: u32| (at as usize).checked_sub(1).and_then(|i| self.words.get(i));
        let at = self
            .slots
            .find(key, |at| text_at(at).is_some_and(|(text, _)| text == word))?;
        text_at(at).map(|(_, entry)| entry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words the head filter must let through: every listed word, number words with and
    /// without endings, two-letter number words with any next letter, Roman numerals.
    fn samples(lex: &Lexicon) -> Vec<String> {
        let mut words: Vec<String> = lex.entries.words.iter().map(|(w, _)| w.clone()).collect();
        for r in rows("numerals.tsv", include_str!("../data/numerals.tsv")) {
            let n = r.cell(0);
            words.extend([
                n.to_owned(),
                format!("{n}ның"),
                format!("{n}інші"),
                format!("{n}ә"),
            ]);
        }
        words.extend(
            [
                "xxi",
                "хх",
                "хххі",
                "іі",
                "хі5",
                "iv",
                "і",
                "v",
                "оның",
                "үшін",
                "он",
                "үш",
                "онғ",
                "қазақстан",
                "астана",
                "мыңнан",
                "жылыы",
                "айтты",
                "бойынша",
                "ж",
                "жы",
            ]
            .map(String::from),
        );
        words
    }

    /// The fast paths of [`Lexicon::class`] (the head filter, then the head's
    /// [`HeadInfo`]) give the exact class of [`Lexicon::listed_class`] on every sample.
    #[test]
    fn head_filter_never_rejects_a_class() {
        let lex = Lexicon::shared();
        for w in samples(lex) {
            for shape in [WordShape::Letters, WordShape::Mixed] {
                let bits = if shape == WordShape::Mixed {
                    WordClass::DIGITS
                } else {
                    0
                };
                assert_eq!(
                    lex.class(shape, &w),
                    lex.listed_class(shape, &w, bits),
                    "{w}"
                );
            }
        }
        assert!(lex
            .class(WordShape::Letters, "оның")
            .any(WordClass::NUMERAL));
        assert!(lex
            .class(WordShape::Letters, "жылдың")
            .any(WordClass::CALENDAR));
    }

    /// [`cyrillic_head`] is the [`head_keys`] head where it answers.
    #[test]
    fn cyrillic_head_agrees_with_head_keys() {
        for w in [
            "ол",
            "он",
            "бір",
            "жылы",
            "қаңтарда",
            "сағат",
            "ab",
            "abc",
            "о",
            "1990",
            "әй",
        ] {
            if let Some(head) = cyrillic_head(w.as_bytes()) {
                assert_eq!(head, head_keys(w).0, "{w}");
            }
        }
        assert_eq!(cyrillic_head("жылы".as_bytes()), Some(head_keys("жыл").0));
        assert_eq!(cyrillic_head("abc".as_bytes()), None);
        assert_eq!(cyrillic_head("о".as_bytes()), None);
    }

    /// No day ending is made of digits only (so none ends a word of digits): the DATE
    /// prefilter looks for day endings on words with letters only.
    #[test]
    fn day_endings_have_letters() {
        let lex = Lexicon::shared();
        for ending in &lex.markers[Marker::DayEnding as usize] {
            assert!(!ending.bytes().all(|b| b.is_ascii_digit()), "{ending}");
        }
    }

    /// The word index finds every indexed word and nothing else.
    #[test]
    fn word_index_is_exact() {
        let lex = Lexicon::shared();
        for (w, e) in &lex.entries.words {
            let found = lex.entries.get(w, word_key(w)).map(|f| f.class);
            assert_eq!(found, Some(e.class), "{w}");
        }
        for w in ["қазақстан", "жылыы", "", "ай ", "x"] {
            assert!(lex.entries.get(w, word_key(w)).is_none(), "{w}");
        }
    }
}
