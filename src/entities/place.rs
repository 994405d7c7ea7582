//! Places: GPE (countries, capitals, Kazakhstan's regions, cities, districts) and LOCATION
//! (seas, rivers, lakes, mountains, world regions), from gazetteers matched on stems and
//! from a capitalized name before a place noun (`Мұнайлы ауданында`, `Тоқпан көлі`). Place
//! nouns follow reference A.3 rule 4: `облысы`, `теңізі` inside the span; `қаласы`,
//! `ауданы`, `ауылы`, `өзені`, `көлі` outside.

use crate::mention::{Entity, Label};
use crate::morph::gazetteer::in_quotes;
use crate::morph::gazetteer::{hyphen_suffix_end, Gazetteer, NameMatch};
use crate::morph::peel::repair_source_starts;
use crate::morph::suffixes::Slot;
use crate::morph::{entity_lemma, morph, table, Analysis};
use crate::text::fold::fold_word;
use crate::text::Text;
use crate::trace::Trace;

use crate::morph::hash::{FastMap, FastSet};
use crate::morph::prefilter::{StartKey, StemFilter};
use std::sync::LazyLock;

/// One reading of a gazetteer name.
#[derive(Debug, Clone)]
pub struct Place {
    label: Label,
    kind: &'static str,
    /// A GPE only when a confirming place noun follows (districts, `Шығыс Қазақстан`,
    /// names that are also first names).
    needs_descriptor: bool,
}

impl Place {
    /// True when the name is a place without a confirming place noun.
    pub fn stands_alone(&self) -> bool {
        !self.needs_descriptor
    }
}

/// A place noun (`облысы`, `өзені`…).
#[derive(Debug, Clone)]
pub struct Descriptor {
    label: Label,
    inside: bool,
    kinds: Vec<&'static str>,
}

/// The place nouns of `data/place_descriptors.tsv`, matched on stems.
pub struct Descriptors {
    by_stem: FastMap<String, Descriptor>,
    /// The starts of every stem: the cheap first gate of a lookup.
    starts: KeyStarts,
    /// The hashes of every stem: a candidate stem not in it is not hashed again for the map.
    stems: StemFilter,
}

const DESCRIPTORS: &str = "src/entities/data/place_descriptors.tsv";

impl Descriptors {
    /// Loads the bundled table.
    pub fn load() -> Self {
        let mut by_stem = FastMap::default();
        for row in table::rows(DESCRIPTORS, include_str!("data/place_descriptors.tsv"), 4) {
            let label = Label::from_name(row.col(1))
                .unwrap_or_else(|| panic!("{DESCRIPTORS}:{}: unknown label", row.line));
            let inside = match row.col(2) {
                "in" => true,
                "out" => false,
                other => panic!(
                    "{DESCRIPTORS}:{}: expected in or out, got {other:?}",
                    row.line
                ),
            };
            let kinds = row.col(3).split(',').map(str::trim).collect();
            by_stem.insert(
                row.col(0).to_owned(),
                Descriptor {
                    label,
                    inside,
                    kinds,
                },
            );
        }
        let starts = KeyStarts::of(by_stem.keys().map(String::as_str));
        let mut stems = StemFilter::default();
        for key in by_stem.keys() {
            stems.add_key(key);
        }
        Descriptors {
            by_stem,
            starts,
            stems,
        }
    }

    /// The place noun at word `i`, if it is one in the 3rd-person possessive form a
    /// compound name requires (`облысы`, `ауданында`; not `облыс`, `облыстың`) and only
    /// spaces separate it from the word before. Only nouns inside the span may be
    /// capitalized (`Қырғыз Республикасы`).
    pub fn at(&self, text: &Text, i: usize) -> Option<&Descriptor> {
        self.lookup(text, i).map(|(d, _)| d)
    }

    fn lookup(&self, text: &Text, i: usize) -> Option<(&Descriptor, Analysis)> {
        if i == 0
            || i >= text.words.len()
            || !self.starts.may_reach(WordStart::of_key(text.start_key(i)))
        {
            return None;
        }
        let gap = text.gap_after(i - 1);
        if gap != " " && !gap.chars().all(char::is_whitespace) {
            return None;
        }
        text.stems(i)
            .filter(|s| self.stems.may_contain(s.hash))
            .find_map(|s| self.by_stem.get(s.text).map(|d| (d, s.analysis)))
            .filter(|(d, a)| {
                a.stripped(Slot::Possessive) && (d.inside || !text.words[i].capitalized)
            })
    }

    /// The place noun describing a name that ends at word `last`: right after it (true), or
    /// shared by a list of one-word names ending in a plural noun (false):
    /// `Ертіс және Железин аудандарында`, `Махамбет, Индер және Исатай аудандары`.
    pub fn describing(&self, text: &Text, last: usize) -> Option<(&Descriptor, bool)> {
        if let Some(d) = self.at(text, last + 1) {
            return Some((d, true));
        }
        let n = text.words.len();
        let mut k = last;
        for _ in 0..MAX_COORDINATED {
            // Most gaps are one space: no comma, and no need to trim.
            let gap = text.gap_after(k);
            let next = if gap != " " && gap.trim() == "," {
                k + 1
            } else if k + 1 < n && CONJUNCTIONS.contains(&text.norm(k + 1)) {
                k + 2
            } else {
                return None;
            };
            if next >= n || !text.words[next].capitalized {
                return None;
            }
            if let Some((d, a)) = self.lookup(text, next + 1) {
                return (a.stripped(Slot::Plural) && !d.inside).then_some((d, false));
            }
            k = next;
        }
        None
    }
}

/// The first two letters of every key of a stem table, as bits of a hash-indexed bitmap:
/// a word whose first two letters are not among them reaches no key, so a rule skips it
/// before any peeling or hashing. Every stem [`crate::morph::Morph::find_stem`] tries keeps
/// the word's first two letters (suffixes and repairs change only letters from the third on,
/// and exception stems keep their form's start; a test checks both), and a whole-word hit is
/// the word itself. A collision only lets more words through.
pub(crate) struct TwoLetterStarts {
    bits: Vec<u64>,
}

/// Bits in a [`TwoLetterStarts`] bitmap (a power of two).
const START_BITS: usize = 1 << 14;

impl TwoLetterStarts {
    /// The starts of `keys` (folded words).
    pub(crate) fn of<'k>(keys: impl IntoIterator<Item = &'k str>) -> Self {
        let mut starts = TwoLetterStarts {
            bits: vec![0; START_BITS / 64],
        };
        for key in keys {
            let bit = Self::bit(key);
            starts.bits[bit / 64] |= 1 << (bit % 64);
        }
        starts
    }

    #[inline]
    fn bit(word: &str) -> usize {
        Self::bit_of_key(StartKey::of(word))
    }

    #[inline]
    fn bit_of_key(key: StartKey) -> usize {
        (key.two().wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 50) as usize
    }

    /// False when no key starts with the first two letters of the folded `word`.
    #[cfg(test)]
    pub(crate) fn may_start(&self, word: &str) -> bool {
        self.has(Self::bit(word))
    }

    /// [`TwoLetterStarts::may_start`] of a word whose [`StartKey`] is known.
    #[inline]
    pub(crate) fn may_start_key(&self, key: StartKey) -> bool {
        self.has(Self::bit_of_key(key))
    }

    #[inline]
    fn has(&self, bit: usize) -> bool {
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// Which word starts can reach a key of a stem table, tested on the first bytes of a folded
/// word (no decoding, no per-text data). Suffixes and stem repairs only change a word's last
/// letters, so a key of five letters or more keeps its first three; a shorter one keeps
/// them or those of a stem a repair turns into it (`сағ` → `сақ`), listed with the key, and
/// an exception form's stem is listed under the form's start (tests check all). A word's
/// first two letters, hashed, index a byte table; only a word whose two letters start a long
/// key pays for a hashed probe of its first three. A collision only lets more words through.
pub(crate) struct KeyStarts {
    /// Per hashed two-letter start: [`STARTS_SOME_KEY`] and [`STARTS_SHORT_KEY`].
    twos: Vec<u8>,
    /// First three letters of the long keys, hashed.
    threes: Vec<u64>,
}

/// [`KeyStarts::twos`] bit: some key starts with these two letters.
const STARTS_SOME_KEY: u8 = 1;
/// [`KeyStarts::twos`] bit: a key of fewer than five letters starts with them.
const STARTS_SHORT_KEY: u8 = 2;
/// Entries of [`KeyStarts::twos`] (a power of two).
const TWO_LETTER_STARTS: usize = 1 << 16;
/// Bits in [`KeyStarts::threes`] (a power of two).
const THREE_LETTER_BITS: usize = 1 << 15;

/// A folded word's start as [`KeyStarts`] probe it: its first two letters hashed to an
/// index, its first three packed. Computed once per word for any number of tables.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordStart {
    two: usize,
    three: u64,
}

/// The [`KeyStarts::twos`] index of a word's first two letters (their bytes, packed).
#[inline]
fn two_letter_index(packed: u64) -> usize {
    (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TWO_LETTER_STARTS.trailing_zeros()))
        as usize
}

impl WordStart {
    /// The start of a folded word.
    #[inline]
    pub(crate) fn of(word: &str) -> Self {
        Self::of_key(StartKey::of(word))
    }

    /// The start of a word whose [`StartKey`] is known (word `i` of a text:
    /// [`Text::start_key`]).
    #[inline]
    pub(crate) fn of_key(key: StartKey) -> Self {
        WordStart {
            two: two_letter_index(key.two()),
            three: key.three(),
        }
    }
}

/// The [`KeyStarts::threes`] bit of a packed three-letter start.
#[inline]
fn three_letter_bit(packed: u64) -> usize {
    (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - THREE_LETTER_BITS.trailing_zeros()))
        as usize
}

/// `a` and `b` OR-ed entry by entry.
fn or_each<T: Copy + std::ops::BitOr<Output = T>>(a: &[T], b: &[T]) -> Vec<T> {
    a.iter().zip(b).map(|(&x, &y)| x | y).collect()
}

impl KeyStarts {
    fn empty() -> Self {
        KeyStarts {
            twos: vec![0; TWO_LETTER_STARTS],
            threes: vec![0; THREE_LETTER_BITS / 64],
        }
    }

    /// The [`STARTS_SOME_KEY`] and [`STARTS_SHORT_KEY`] bits of a two-letter start.
    #[inline]
    fn two_flags(&self, two: usize) -> u8 {
        self.twos[two & (TWO_LETTER_STARTS - 1)]
    }

    fn set_two_flags(&mut self, two: usize, flags: u8) {
        self.twos[two & (TWO_LETTER_STARTS - 1)] |= flags;
    }

    /// Records a key by its first three letters (a word reaching it starts with them).
    fn add_long(&mut self, key: &str) {
        let start = WordStart::of(key);
        self.set_two_flags(start.two, STARTS_SOME_KEY);
        let bit = three_letter_bit(start.three);
        self.threes[bit / 64] |= 1 << (bit % 64);
    }

    /// The starts of `keys` (folded words). A key of three letters or more is reached only
    /// from words starting with its first three letters, with those of the stems a repair
    /// turns into it ([`repair_source_starts`]), or from an exception form whose stem it is;
    /// a shorter key from words starting with its first two.
    pub(crate) fn of<'k>(keys: impl IntoIterator<Item = &'k str>) -> Self {
        let mut starts = KeyStarts::empty();
        let mut all = FastSet::default();
        for key in keys {
            all.insert(key);
            if key.chars().nth(2).is_some() {
                starts.add_long(key);
                for source in repair_source_starts(key) {
                    starts.add_long(&source);
                }
            } else {
                let two = WordStart::of(key).two;
                starts.set_two_flags(two, STARTS_SOME_KEY | STARTS_SHORT_KEY);
            }
        }
        for (form, stem) in morph().exceptions() {
            if all.contains(stem) {
                starts.add_long(form);
            }
        }
        starts
    }

    /// The starts of words that only ever begin stems of five letters or more (a place
    /// inside a resident adjective, `алматы` in `алматылық`): their first three letters.
    pub(crate) fn of_long_stem_starts<'k>(keys: impl IntoIterator<Item = &'k str>) -> Self {
        let mut starts = KeyStarts::empty();
        for key in keys {
            starts.add_long(key);
        }
        starts
    }

    /// A table passing every start that `self` or `other` passes: one probe tells whether
    /// a word may reach a key of either (both flag bits and three-letter bits are OR-ed, so
    /// each table's test of [`KeyStarts::may_reach`] still holds on the union).
    pub(crate) fn union(&self, other: &KeyStarts) -> Self {
        KeyStarts {
            twos: or_each(&self.twos, &other.twos),
            threes: or_each(&self.threes, &other.threes),
        }
    }

    /// False when no key's stem can start like the word of `start`.
    #[inline]
    pub(crate) fn may_reach(&self, start: WordStart) -> bool {
        let two = self.two_flags(start.two);
        if two & STARTS_SHORT_KEY != 0 {
            return true;
        }
        two != 0 && {
            let bit = three_letter_bit(start.three);
            self.threes[bit / 64] & (1 << (bit % 64)) != 0
        }
    }

    /// [`KeyStarts::may_reach`] of a folded word.
    #[cfg(test)]
    pub(crate) fn may_reach_word(&self, word: &str) -> bool {
        self.may_reach(WordStart::of(word))
    }
}

/// Words that join coordinated names (`Ертіс және Железин`, `Испания мен Франция`).
pub const CONJUNCTIONS: [&str; 4] = ["және", "мен", "бен", "пен"];

/// Longest list of names that may share one plural place noun.
const MAX_COORDINATED: usize = 6;

/// The rules of this class, built once.
pub struct PlaceRules {
    names: &'static PlaceNames,
    descriptors: &'static Descriptors,
}

/// The place gazetteer and the starts of every name's first word.
struct PlaceNames {
    names: Gazetteer<Place>,
    /// A word that reaches no name's first word as itself or a stem (single names are
    /// matched on stems, a longer name's first word as written) starts no name.
    starts: KeyStarts,
}

static NAMES: LazyLock<PlaceNames> = LazyLock::new(load_names);
static DESCRIPTOR_TABLE: LazyLock<Descriptors> = LazyLock::new(Descriptors::load);

/// The place-name gazetteer, parsed once and shared (persons and NORP ask whether a word
/// names a place).
pub fn place_names() -> &'static Gazetteer<Place> {
    &NAMES.names
}

/// The longest place name starting at word `i` ([`Gazetteer::longest_at`]), after a cheap
/// gate: a word that cannot reach any name's first word ([`KeyStarts`]) starts no name.
pub fn place_at<'t>(text: &Text<'t>, i: usize) -> Option<NameMatch<'static, Place>> {
    NAMES.longest_at(text, i)
}

impl PlaceNames {
    /// See [`place_at`]: [`Gazetteer::longest_at`] with the word's own part kept in the
    /// word's notes ([`crate::morph::forms::WordNotes`]): capitalized words recur (the
    /// places of the day), and the person rules ask about the same words.
    fn longest_at(&self, text: &Text, i: usize) -> Option<NameMatch<'_, Place>> {
        if !self.starts.may_reach(WordStart::of_key(text.start_key(i))) {
            return None;
        }
        let facts = *text
            .forms()
            .notes(i)
            .place
            .get_or_init(|| self.names.word_names(text, i));
        if facts.starts_multi {
            if let Some(found) = self.names.multi_at(text, i) {
                return Some(found);
            }
        }
        let (id, analysis) = facts.single?;
        Some(self.names.single_match(i, id, analysis))
    }
}

/// The place nouns, parsed once and shared (a name before `ауылы` is a place, not a person).
pub fn place_nouns() -> &'static Descriptors {
    &DESCRIPTOR_TABLE
}

const COUNTRIES: &str = "src/entities/data/countries.tsv";
const PLACES: &str = "src/entities/data/places.tsv";
const LOCATIONS: &str = "src/entities/data/locations.tsv";
const FIRST_NAMES: &str = "src/entities/data/first_names.tsv";

fn kind_of(file: &str, line: usize, kind: &str) -> &'static str {
    const KINDS: [&str; 21] = [
        "country",
        "capital",
        "region",
        "region-compound",
        "city",
        "district",
        "village",
        "state",
        "continent",
        "sea",
        "ocean",
        "bay",
        "river",
        "lake",
        "mountain",
        "desert",
        "plateau",
        "peninsula",
        "valley",
        "canyon",
        "celestial",
    ];
    KINDS
        .iter()
        .find(|k| **k == kind)
        .copied()
        .unwrap_or_else(|| panic!("{file}:{line}: unknown kind {kind:?}"))
}

/// Builds the place gazetteer from the country, place and location tables.
fn load_names() -> PlaceNames {
    let first_names: FastSet<String> =
        table::rows(FIRST_NAMES, include_str!("data/first_names.tsv"), 1)
            .into_iter()
            .map(|r| crate::text::fold::fold_word(r.col(0)))
            .collect();
    let ambiguous = |name: &str| first_names.contains(&crate::text::fold::fold_word(name));
    let mut names = Gazetteer::default();
    let mut insert = |name: &str, place: Place| names.insert(name, place);
    for row in table::rows(COUNTRIES, include_str!("data/countries.tsv"), 2) {
        let country = Place {
            label: Label::Gpe,
            kind: "country",
            needs_descriptor: false,
        };
        insert(row.col(0), country);
        if !row.col(2).is_empty() {
            insert(
                row.col(2),
                Place {
                    label: Label::Gpe,
                    kind: "country",
                    needs_descriptor: false,
                },
            );
        }
        insert(
            row.col(1),
            Place {
                label: Label::Gpe,
                kind: "capital",
                needs_descriptor: false,
            },
        );
    }
    for row in table::rows(PLACES, include_str!("data/places.tsv"), 2) {
        let kind = kind_of(PLACES, row.line, row.col(1));
        let needs_descriptor =
            matches!(kind, "district" | "region-compound") || ambiguous(row.col(0));
        insert(
            row.col(0),
            Place {
                label: Label::Gpe,
                kind,
                needs_descriptor,
            },
        );
    }
    for row in table::rows(LOCATIONS, include_str!("data/locations.tsv"), 2) {
        let kind = kind_of(LOCATIONS, row.line, row.col(1));
        let needs_descriptor = row.col(3) == "in" || ambiguous(row.col(0));
        insert(
            row.col(0),
            Place {
                label: Label::Location,
                kind,
                needs_descriptor,
            },
        );
    }
    let starts = KeyStarts::of(names.first_words());
    PlaceNames { names, starts }
}

impl PlaceRules {
    /// Loads tables and compiles patterns.
    pub fn new() -> Self {
        PlaceRules {
            names: &NAMES,
            descriptors: place_nouns(),
        }
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, text: &Text, out: &mut Vec<Entity>, trace: &mut Trace) {
        let mut i = 0;
        while i < text.words.len() {
            if !text.words[i].capitalized {
                i += 1;
                continue;
            }
            i = match self.names.longest_at(text, i) {
                Some(m) => self.known_name(text, i, &m, out, trace),
                None => self.named_by_descriptor(text, i, out, trace),
            };
        }
    }

    /// A gazetteer name at words `first..=last`: picks the reading the following place noun
    /// confirms, else one that needs no confirmation. Returns the next word to look at.
    fn known_name(
        &self,
        text: &Text,
        first: usize,
        name: &NameMatch<'_, Place>,
        out: &mut Vec<Entity>,
        trace: &mut Trace,
    ) -> usize {
        let (last, readings) = (name.last, name.values);
        let end = hyphen_suffix_end(text, last);
        let descriptor = (end == last)
            .then(|| self.descriptors.describing(text, last))
            .flatten();
        let confirmed = descriptor.and_then(|(d, adjacent)| {
            readings
                .iter()
                .find(|p| p.label == d.label && d.kinds.contains(&p.kind))
                .map(|p| (p, d, adjacent))
        });
        if confirmed.is_none() && in_quotes(text, first, last) {
            trace.rejected("place/gazetteer", text.span_of(first, last), || {
                "a quoted name alone names a company, building or title".to_owned()
            });
            return last + 1;
        }
        let (place, rule, span_end) = match confirmed {
            Some((p, d, true)) if d.inside => (p, "place/name-descriptor-inside", last + 1),
            Some((p, _, true)) => (p, "place/name-descriptor-outside", end),
            Some((p, _, false)) => (p, "place/names-shared-descriptor", end),
            None => match readings.iter().find(|p| !p.needs_descriptor) {
                Some(p) if is_dateline(text, first, last) => (p, "gpe/dateline", end),
                Some(p) => (p, "place/gazetteer", end),
                None => {
                    trace.rejected("place/gazetteer", text.span_of(first, last), || {
                        "this name is a place only before a place noun".to_owned()
                    });
                    // `Шығыс Қазақстан` without `облысы`: the next word may be a place.
                    return first + 1;
                }
            },
        };
        let span = text.span_of(first, span_end);
        // A dateline is written in capitals: its lemma is the table's spelling.
        let lemma = if rule == "gpe/dateline"
            && fold_word(span.slice(text.text)) == fold_word(name.written)
        {
            name.written.to_owned()
        } else {
            entity_lemma(span.slice(text.text))
        };
        super::emit(out, trace, place.label, span, lemma, rule);
        span_end + 1
    }

    /// An unknown capitalized word right before a place noun (`Мұнайлы ауданында`).
    fn named_by_descriptor(
        &self,
        text: &Text,
        i: usize,
        out: &mut Vec<Entity>,
        trace: &mut Trace,
    ) -> usize {
        let Some((d, adjacent)) = self.descriptors.describing(text, i) else {
            return i + 1;
        };
        let word = text.norm(i);
        if word.chars().count() < 3
            || morph().is_stop(word)
            || self.descriptors.at(text, i).is_some()
        {
            trace.rejected(
                "place/unknown-name-descriptor",
                text.span_of(i, i + 1),
                || "stop word, place noun or too short".to_owned(),
            );
            return i + 1;
        }
        let (rule, last) = match (adjacent, d.inside) {
            (true, true) => ("place/unknown-name-descriptor-inside", i + 1),
            (true, false) => ("place/unknown-name-descriptor-outside", i),
            (false, _) => ("place/unknown-names-shared-descriptor", i),
        };
        push(text, i, last, d.label, rule, out, trace);
        last + 1
    }
}

/// `АСТАНА. KAZINFORM –`: an all-caps place opening a line, followed by a full stop.
fn is_dateline(text: &Text, first: usize, last: usize) -> bool {
    let surface = text.span_of(first, last).slice(text.text);
    text.words[first].sentence_start
        && surface.chars().all(|c| !c.is_lowercase())
        && text.gap_after(last).starts_with('.')
}

fn push(
    text: &Text,
    first: usize,
    last: usize,
    label: Label,
    rule: &'static str,
    out: &mut Vec<Entity>,
    trace: &mut Trace,
) {
    let span = text.span_of(first, last);
    super::emit(
        out,
        trace,
        label,
        span,
        entity_lemma(span.slice(text.text)),
        rule,
    );
}

impl Default for PlaceRules {
    fn default() -> Self {
        PlaceRules::new()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::morph::candidate_stems;
    use crate::morph::hash::stem_hash;

    /// Folded words whose stems the gates rely on: inflected, repaired and exception forms.
    fn sample_words() -> Vec<String> {
        let mut words: Vec<String> = [
            "алматыдан",
            "аулында",
            "облыстарында",
            "қазақстандығы",
            "Нұр-Сұлтанда",
            "ағылшынша",
            "ab",
            "Ә",
        ]
        .into_iter()
        .map(fold_word)
        .collect();
        let exceptions = table::rows(
            "src/morph/data/exceptions.tsv",
            include_str!("../morph/data/exceptions.tsv"),
            2,
        );
        words.extend(exceptions.iter().map(|r| fold_word(r.col(0))));
        words
    }

    #[test]
    fn every_candidate_stem_keeps_the_first_two_letters() {
        for word in sample_words() {
            let start: String = word.chars().take(2).collect();
            for stem in candidate_stems(&word) {
                assert!(stem.starts_with(&start), "{word} → {stem}");
                // The NORP gate relies on this (no resident stem in a shorter word).
                assert!(stem.len() <= word.len(), "{word} → {stem}");
            }
        }
    }

    /// Words that may reach `key` through [`crate::morph::Morph::find_stem`]: the key and
    /// the stems a repair turns into it (over-generated: last letter voiced, a vowel
    /// before the last dropped), each with suffixes of every slot.
    fn words_reaching(key: &str) -> Vec<String> {
        let chars: Vec<char> = key.chars().collect();
        let mut bases = vec![key.to_owned()];
        if let Some((&last, body)) = chars.split_last() {
            for voiced in ['г', 'ғ', 'б'] {
                bases.push(body.iter().chain([&voiced]).collect());
            }
            if let Some((_, head)) = body.split_last() {
                for end in [last, 'г', 'ғ', 'б'] {
                    bases.push(head.iter().chain([&end]).collect());
                }
            }
        }
        let tails = [
            "",
            "ы",
            "і",
            "ың",
            "ына",
            "ында",
            "інде",
            "тар",
            "ларда",
            "дағы",
            "ша",
        ];
        bases
            .iter()
            .flat_map(|b| tails.iter().map(move |t| format!("{b}{t}")))
            .collect()
    }

    /// A [`KeyStarts`] of `keys` passes every word whose stems reach one of them: inflected
    /// keys, repaired stems, exception forms.
    pub(crate) fn assert_starts_pass_every_reaching_word(starts: &KeyStarts, keys: &[&str]) {
        let exceptions = morph().exceptions().map(|(form, _)| form.to_owned());
        let words: Vec<String> = keys
            .iter()
            .flat_map(|k| words_reaching(k))
            .chain(exceptions)
            .collect();
        for word in &words {
            let reached = morph().find_stem(word, |s| keys.contains(&s).then_some(()));
            assert!(
                reached.is_none() || starts.may_reach_word(word),
                "{word} reaches a key but fails the start gate"
            );
        }
    }

    #[test]
    fn name_starts_pass_every_word_reaching_a_first_word() {
        let keys: Vec<&str> = place_names().first_words().collect();
        assert_starts_pass_every_reaching_word(&NAMES.starts, &keys);
        assert!(NAMES.starts.may_reach_word("алматыдан"));
    }

    #[test]
    fn place_noun_starts_pass_every_reaching_word() {
        let keys: Vec<&str> = place_nouns().by_stem.keys().map(String::as_str).collect();
        assert_starts_pass_every_reaching_word(&place_nouns().starts, &keys);
        assert!(place_nouns().starts.may_reach_word("аулында"));
        assert!(!place_nouns().starts.may_reach_word("тағы"));
    }

    #[test]
    fn place_nouns_are_found_through_the_gates() {
        let text = Text::new("Мұнайлы ауданында, Қырғыз Республикасы");
        assert!(place_nouns().at(&text, 1).is_some());
        assert!(place_nouns().at(&text, 3).is_some());
        assert!(place_nouns().at(&text, 2).is_none());
    }

    #[test]
    fn two_letter_starts_pass_every_stem_of_a_key() {
        let keys = ["облыс", "ауыл", "көл", "ab", "ә"];
        let starts = TwoLetterStarts::of(keys);
        for word in ["облысында", "аулы", "көлі", "abc", "ә"] {
            assert!(starts.may_start(word), "{word}");
        }
        for word in ["мектепте", "бүгін", "x"] {
            assert!(!starts.may_start(word), "{word}");
        }
    }

    #[test]
    fn gates_pass_every_listed_name_and_place_noun() {
        for row in table::rows(PLACES, include_str!("data/places.tsv"), 2) {
            let text = Text::new(row.col(0));
            assert!(place_at(&text, 0).is_some(), "{}", row.col(0));
        }
        for row in table::rows(DESCRIPTORS, include_str!("data/place_descriptors.tsv"), 4) {
            let inflected = fold_word(&format!("{}ында", row.col(0)));
            assert!(
                place_nouns().starts.may_reach_word(&inflected),
                "{}",
                row.col(0)
            );
            assert!(place_nouns()
                .stems
                .may_contain(stem_hash(row.col(0).as_bytes())));
        }
    }
}
