//! Persons: first names from a table (Kazakh and Russian, hyphenated compounds), surname and
//! patronymic endings (`-ов/-ова/-ев/-ева/-ин/-ина/-ұлы/-қызы`…), initials (`Е. Саденов`,
//! `Н.Ә.Назарбаев`), first + last (+ patronymic) in either order, a surname alone, and a
//! bare word already seen as part of a full name earlier in the field. A capitalized word
//! unknown to every table is a name only when one of these patterns supports it.

use crate::morph::hash::{FastMap, FastSet};
use crate::morph::suffixes::Slot;
use crate::morph::word_cache::WordCache;
use std::cell::{Cell, RefCell};

use crate::mention::{Entity, Label};
use crate::morph::gazetteer::{hyphen_suffix_end, in_quotes};
use crate::morph::{entity_lemma, morph, table};
use crate::text::fold::{fold_word, is_hyphen};
use crate::text::Text;
use crate::trace::Trace;

use super::place::{place_at, place_nouns, TwoLetterStarts};
use crate::morph::prefilter::{StartFilter, StartKey, StemFilter};

const FIRST_NAMES: &str = "src/entities/data/first_names.tsv";
const SURNAME_ENDINGS: &str = "src/entities/data/surname_endings.tsv";
const TITLES: &str = "src/entities/data/person_titles.tsv";

/// A surname ending needs at least this many chars of root before it.
const MIN_SURNAME_ROOT: usize = 3;

/// An unknown word shorter than this is not taken for a first name.
const MIN_UNKNOWN_FIRST_NAME: usize = 3;

/// A first-name table hit: what the rules ask about it.
#[derive(Debug, Clone, Copy)]
struct FirstName {
    /// The whole word is the name (no ending cut).
    whole: bool,
    /// A plural or possessive ending was cut (`Азаматтар` are citizens).
    numbered: bool,
    /// The name is also an ordinary word (`Бақыт` "happiness").
    common: bool,
}

/// How sure a surname ending makes us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// `-ов`, `-ұлы`, `-қызы`…: a surname even at a sentence start.
    Strong,
    /// `-ин`, `-ина`: many common loanwords end so (`медицина`), so not at a sentence start.
    Weak,
}

/// The rules of this class, built once.
pub struct PersonRules {
    /// Folded first names; true when the name is also an ordinary word (`Бақыт`).
    first_names: FastMap<String, bool>,
    titles: FastSet<String>,
    endings: Vec<(String, Ending)>,
    /// Last bytes of the surname endings: a stem ending otherwise has none.
    ending_ends: [bool; 256],
    /// The last two letters of every surname ending: a word reaches an ending only when it
    /// holds one of these pairs.
    ending_pairs: LetterBits,
    patronymic_endings: Vec<String>,
    /// First two letters of every first name: the cheap first gate of the name lookup.
    first_starts: TwoLetterStarts,
    /// Starts of every first name (three letters of long names): the second gate.
    first_openings: StartFilter,
    /// The first names by stem hash: most stems are rejected without a map probe.
    first_keys: StemFilter,
}

impl PersonRules {
    /// Loads tables and compiles patterns.
    pub fn new() -> Self {
        let first_names: FastMap<String, bool> =
            table::rows(FIRST_NAMES, include_str!("data/first_names.tsv"), 1)
                .into_iter()
                .map(|r| (fold_word(r.col(0)), r.col(3) == "word"))
                .collect();
        let titles = table::rows(TITLES, include_str!("data/person_titles.tsv"), 1)
            .into_iter()
            .map(|r| fold_word(r.col(0)))
            .collect();
        let mut endings: Vec<(String, Ending)> =
            table::rows(SURNAME_ENDINGS, include_str!("data/surname_endings.tsv"), 1)
                .into_iter()
                .map(|r| {
                    let e = fold_word(r.col(0));
                    let strength = if e.starts_with("ин") {
                        Ending::Weak
                    } else {
                        Ending::Strong
                    };
                    (e, strength)
                })
                .collect();
        endings.sort_by_key(|(e, _)| std::cmp::Reverse(e.chars().count()));
        let patronymic_endings = ["ұлы", "қызы", "ович", "евич", "овна", "евна"]
            .into_iter()
            .filter(|p| endings.iter().any(|(e, _)| e == p))
            .map(str::to_owned)
            .collect();
        // The morphology tables are parsed here, at startup, not by the first field.
        morph();
        let first_starts = TwoLetterStarts::of(first_names.keys().map(String::as_str));
        let mut first_openings = StartFilter::default();
        let mut first_keys = StemFilter::default();
        for name in first_names.keys() {
            first_openings.add(name);
            first_keys.add_key(name);
        }
        let mut ending_ends = [false; 256];
        for (ending, _) in &endings {
            if let Some(&last) = ending.as_bytes().last() {
                ending_ends[usize::from(last)] = true;
            }
        }
        let mut ending_pairs = LetterBits::default();
        for (ending, _) in &endings {
            let mut last = ending.chars().rev();
            if let (Some(b), Some(a)) = (last.next(), last.next()) {
                ending_pairs.set(letters_bit(a, Some(b)));
            }
        }
        PersonRules {
            first_names,
            titles,
            endings,
            ending_ends,
            ending_pairs,
            patronymic_endings,
            first_starts,
            first_openings,
            first_keys,
        }
    }

    /// False when no stem of the folded word of start `key` can be a listed first name.
    fn may_reach_first_name(&self, key: StartKey) -> bool {
        self.first_starts.may_start_key(key) && self.first_openings.may_reach_key(key)
    }

    /// The first-name table hit of word `i` (lexicon first, then its stems, through the
    /// text's word forms).
    fn lookup_first_name(&self, text: &Text, i: usize) -> Option<FirstName> {
        if !self.may_reach_first_name(text.start_key(i)) {
            return None;
        }
        let word = text.norm(i);
        text.stems(i)
            .filter(|s| self.first_keys.may_contain(s.hash))
            .find_map(|s| {
                self.first_names
                    .get(s.text)
                    .map(|common| (common, s.analysis))
            })
            .map(|(&common, analysis)| FirstName {
                whole: analysis.kept == word.len(),
                numbered: analysis.stripped(Slot::Plural) || analysis.stripped(Slot::Possessive),
                common,
            })
    }

    /// False when no stem of the folded `word` can end in a surname ending. A stem that
    /// does is a prefix of the word (so the word holds the ending's last two letters) or an
    /// exception stem (none ends so); a repaired stem ends in `к`, `қ`, `п` or in `ы`/`і`
    /// and a consonant, which no ending does.
    fn may_reach_surname(&self, word: &str) -> bool {
        let mut chars = word.chars();
        let Some(mut a) = chars.next() else {
            return false;
        };
        chars.any(|b| {
            let hit = self.ending_pairs.has(letters_bit(a, Some(b)));
            a = b;
            hit
        })
    }

    /// The surname ending of word `i` after peeling case endings, if any.
    fn lookup_surname_ending(&self, text: &Text, i: usize) -> Option<Ending> {
        if !self.may_reach_surname(text.norm(i)) {
            return None;
        }
        text.stems(i).find_map(|s| self.surname_ending_of(s.text))
    }

    /// The strength of the surname ending a folded stem ends with (after at least
    /// [`MIN_SURNAME_ROOT`] chars), longest ending first.
    fn surname_ending_of(&self, stem: &str) -> Option<Ending> {
        let last = stem.as_bytes().last().copied().unwrap_or(0);
        if !self.ending_ends[usize::from(last)] {
            return None;
        }
        self.endings
            .iter()
            .find(|(e, _)| {
                stem.ends_with(e.as_str())
                    && stem.chars().count() >= e.chars().count() + MIN_SURNAME_ROOT
            })
            .map(|(_, strength)| *strength)
    }

    /// The name facts of word `i` from the tables alone (they depend on its folded form
    /// only), kept packed in the word's notes ([`crate::morph::forms::WordNotes`]).
    fn word_facts(&self, text: &Text, i: usize) -> WordFacts {
        let note = &text.forms().notes(i).person;
        if let Some(packed) = note.get() {
            return WordFacts::unpack(packed);
        }
        let facts = WordFacts {
            first: self.lookup_first_name(text, i),
            surname: self.lookup_surname_ending(text, i),
        };
        note.set(Some(facts.pack()));
        facts
    }

    /// Appends candidates found in `text` to `out`. Kept out of line so that profiles show
    /// the stage under its own name.
    #[inline(never)]
    pub fn find(&self, text: &Text, out: &mut Vec<Entity>, trace: &mut Trace) {
        SCRATCH.with(|cell| {
            let mut scratch = cell.borrow_mut();
            let Scratch { memo, seen, loose } = &mut *scratch;
            let mut memo = std::mem::take(memo);
            memo.clear();
            memo.resize(text.words.len(), Cell::default());
            seen.clear();
            loose.clear();
            let scan = Scan {
                rules: self,
                text,
                memo,
            };
            scan.run(seen, loose, out, trace);
            scratch.memo = scan.memo;
        });
    }
}

/// What the tables say about one word, and whether it is cased like a name.
#[derive(Debug, Clone, Copy, Default)]
struct NameFacts {
    /// Capitalized and not all capitals ([`has_lowercase_after_first`]).
    cased: bool,
    /// The first-name table hit of a cased word.
    first: Option<FirstName>,
    /// The surname ending of a cased word.
    surname: Option<Ending>,
}

/// The answers of one scan about one word, each computed at most once (`None` until asked).
#[derive(Debug, Clone, Copy, Default)]
struct WordMemo {
    name: Option<NameFacts>,
    place: Option<bool>,
    case_ending: Option<bool>,
}

/// Buffers reused from field to field (one set per thread).
#[derive(Default)]
struct Scratch {
    memo: Vec<Cell<WordMemo>>,
    seen: Seen,
    /// The words cased like a name outside every name found, in order.
    loose: Vec<usize>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// One pass over a field: the word facts the rules ask for repeatedly (place name? first
/// name? surname ending?) are computed at most once per word, and only for the words a
/// rule reaches: a word that is not capitalized costs one byte test.
struct Scan<'a, 't> {
    rules: &'a PersonRules,
    text: &'a Text<'t>,
    memo: Vec<Cell<WordMemo>>,
}

impl Scan<'_, '_> {
    /// The memo of word `i` after `update` (which fills what is missing).
    #[inline]
    fn memo(&self, i: usize, update: impl FnOnce(&mut WordMemo)) -> WordMemo {
        let cell = &self.memo[i];
        let mut m = cell.get();
        update(&mut m);
        cell.set(m);
        m
    }

    /// The name facts of word `i` (memoized: most calls end here; a word that is not
    /// capitalized has none).
    #[inline(always)]
    fn facts(&self, i: usize) -> NameFacts {
        if !self.text.words[i].capitalized {
            return NameFacts::default();
        }
        match self.memo[i].get().name {
            Some(facts) => facts,
            None => self.compute_facts(i),
        }
    }

    /// [`Scan::facts`] of a capitalized word on first use: one cache probe when it is cased
    /// like a name, none otherwise.
    #[inline(never)]
    fn compute_facts(&self, i: usize) -> NameFacts {
        let cased = has_lowercase_after_first(self.text.surface(i));
        let facts = if cased {
            let found = self.rules.word_facts(self.text, i);
            NameFacts {
                cased,
                first: found.first,
                surname: found.surname,
            }
        } else {
            NameFacts::default()
        };
        self.memo(i, |m| m.name = Some(facts));
        facts
    }

    /// True for a capitalized word that is not all capitals (`АҚШ`, `ҚР` are not names).
    #[inline]
    fn name_cased(&self, i: usize) -> bool {
        self.facts(i).cased
    }

    /// How word `i` matched the first-name table; only the last word of a name inflects,
    /// so a first name followed by more name words must match whole.
    fn first_name(&self, i: usize) -> Option<FirstName> {
        let name = self.facts(i).first?;
        (!self.is_inflected_place(i)).then_some(name)
    }

    /// A place name with an ending (`Алматыдан`): never a first name. Uninflected place
    /// names may be (`Дания`, `Алтай`) when a surname follows. The place test goes first:
    /// its letter gate rejects most words before any word form is computed.
    fn is_inflected_place(&self, i: usize) -> bool {
        self.is_place(i) && self.has_case_ending(i)
    }

    /// An unknown capitalized word that may be a first name because a surname follows:
    /// not a place, title or stop word; at a sentence start only when uninflected.
    fn may_be_first_name(&self, i: usize) -> bool {
        let word = self.text.norm(i);
        self.name_cased(i)
            && word.chars().count() >= MIN_UNKNOWN_FIRST_NAME
            && (!self.text.words[i].sentence_start || !self.has_case_ending(i))
            && !morph().is_stop(word)
            && morph()
                .find_stem_at(self.text, i, |s| {
                    self.rules.titles.contains(s).then_some(())
                })
                .is_none()
            && !self.is_inflected_place(i)
    }

    /// The surname ending of word `i` (after peeling case endings), if any.
    fn surname_ending(&self, i: usize) -> Option<Ending> {
        let strength = self.facts(i).surname?;
        let usable = strength == Ending::Strong || !self.text.words[i].sentence_start;
        (usable && !self.is_place(i)).then_some(strength)
    }

    fn is_patronymic(&self, i: usize) -> bool {
        self.name_cased(i)
            && morph()
                .find_stem_at(self.text, i, |s| {
                    self.rules
                        .patronymic_endings
                        .iter()
                        .any(|p| s.ends_with(p.as_str()))
                        .then_some(())
                })
                .is_some()
    }

    fn has_case_ending(&self, i: usize) -> bool {
        if let Some(known) = self.memo[i].get().case_ending {
            return known;
        }
        let has = morph().has_case_ending_at(self.text, i);
        self.memo(i, |m| m.case_ending = Some(has));
        has
    }

    fn is_place(&self, i: usize) -> bool {
        if let Some(known) = self.memo[i].get().place {
            return known;
        }
        let place =
            place_at(self.text, i).is_some_and(|m| m.values.iter().any(|p| p.stands_alone()));
        self.memo(i, |m| m.place = Some(place));
        place
    }

    /// True when words `a` and `a + 1` are separated by spaces only.
    fn spaced(&self, a: usize) -> bool {
        let gap = self.text.gap_after(a);
        !gap.is_empty() && gap.chars().all(char::is_whitespace)
    }

    /// The last word of a first name starting at `i` (`Қасым-Жомарт` spans two words).
    fn first_name_end(&self, i: usize) -> Option<usize> {
        self.first_name(i)?;
        let next = i + 1;
        let hyphenated = next < self.text.words.len()
            && self.text.gap_after(i).chars().count() == 1
            && self.text.gap_after(i).chars().all(is_hyphen)
            && self.name_cased(next);
        Some(if hyphenated { next } else { i })
    }

    /// A capitalized word that may stand as a surname right after a first name.
    fn may_be_surname(&self, i: usize) -> bool {
        place_nouns().at(self.text, i).is_none() && self.may_be_surname_word(i)
    }

    fn may_be_surname_word(&self, i: usize) -> bool {
        self.surname_ending(i).is_some()
            || (self.name_cased(i)
                && !self.text.words[i].sentence_start
                && !self.is_place(i)
                && place_nouns().at(self.text, i + 1).is_none())
    }

    /// Appends every person of the field to `out`: the names the rules find, then the
    /// words outside them whose stem is a word of one (`seen`, `loose`: empty buffers).
    fn run(
        &self,
        seen: &mut Seen,
        loose: &mut Vec<usize>,
        out: &mut Vec<Entity>,
        trace: &mut Trace,
    ) {
        let n = self.text.words.len();
        let mut i = 0;
        while i < n {
            if !self.text.words[i].capitalized {
                i += 1;
                continue;
            }
            match self.full_name_at(i) {
                Some((last, rule)) => {
                    let last = hyphen_suffix_end(self.text, last);
                    for k in i..=last {
                        if self.name_cased(k) {
                            seen.insert_lemma_of(self.text.surface(k));
                        }
                    }
                    push(self.text, i, last, rule, out, trace);
                    i = last + 1;
                }
                None => {
                    if self.name_cased(i) {
                        loose.push(i);
                    }
                    i += 1;
                }
            }
        }
        if seen.is_empty() {
            return;
        }
        for &i in loose.iter() {
            if !seen.may_hold_stem_of(self.text.norm(i)) {
                continue;
            }
            let known = morph()
                .find_stem_at(self.text, i, |s| seen.contains(s).then_some(()))
                .is_some();
            if known && !self.is_place(i) && place_nouns().at(self.text, i + 1).is_none() {
                push(
                    self.text,
                    i,
                    hyphen_suffix_end(self.text, i),
                    "person/seen-before",
                    out,
                    trace,
                );
            }
        }
    }

    /// The longest person name starting at word `i`: its last word and the rule.
    fn full_name_at(&self, i: usize) -> Option<(usize, &'static str)> {
        if !self.name_cased(i) {
            // No first name, surname or unknown first name is cased so; initials are
            // single capitals, never cased like a name.
            return self
                .initials_at(i)
                .map(|last| (last, "person/initials-surname"));
        }
        let n = self.text.words.len();
        if let Some(f) = self.first_name_end(i) {
            let j = f + 1;
            let whole = match self.first_name(f) {
                Some(name) => name.whole,
                None => !self.has_case_ending(f),
            };
            if whole && j < n && self.spaced(f) && self.may_be_surname(j) {
                let k = j + 1;
                let third = k < n
                    && self.spaced(j)
                    && ((self.is_patronymic(j) && self.surname_ending(k).is_some())
                        || self.is_patronymic(k));
                return Some(if third {
                    (k, "person/first-middle-last")
                } else {
                    (j, "person/first-last")
                });
            }
            // Alone, a first name may carry a case ending but no plural or possessive
            // (`Азаматтар` are citizens); at a sentence start it must not be a common word.
            let plain = self.first_name(f).is_none_or(|name| {
                let ambiguous = name.common && self.text.words[i].sentence_start;
                !name.numbered && !ambiguous
            });
            let alone = plain
                && place_nouns().at(self.text, f + 1).is_none()
                && !self.is_place(i)
                && !in_quotes(self.text, i, f);
            return alone.then_some((f, "person/first-name"));
        }
        let j = i + 1;
        if j < n
            && self.facts(j).surname.is_some()
            && self.spaced(i)
            && self.surname_ending(j).is_some()
            && self.may_be_first_name(i)
        {
            return Some((j, "person/unknown-first-last"));
        }
        if self.surname_ending(i).is_some() {
            if place_nouns().at(self.text, i + 1).is_some() {
                return None;
            }
            if j < n && self.spaced(i) {
                let first = self.first_name_end(j).or_else(|| {
                    let k = j + 1;
                    (k < n && self.spaced(j) && self.may_be_first_name(j) && self.is_patronymic(k))
                        .then_some(j)
                });
                if let Some(f) = first {
                    let k = f + 1;
                    let patronymic = k < n && self.spaced(f) && self.is_patronymic(k);
                    return Some((if patronymic { k } else { f }, "person/last-first"));
                }
            }
            return Some((i, "person/surname"));
        }
        None
    }

    /// Initials then a surname: `Е. Саденов`, `Е.Саденов`, `Қ.-Ж. Тоқаев`, `Н.Ә.Назарбаев`.
    fn initials_at(&self, i: usize) -> Option<usize> {
        let n = self.text.words.len();
        let mut k = i;
        while k < n && is_initial(self.text, k) {
            k += 1;
        }
        if k == i || k >= n {
            return None;
        }
        let named = self.name_cased(k) && (self.surname_ending(k).is_some() || !self.is_place(k));
        named.then_some(k)
    }
}

/// What the first-name and surname tables say about one folded word. Both depend on the
/// word alone (and on the bundled tables, the same for every [`PersonRules`]), so they are
/// kept across fields and articles (packed in the word's notes, [`WordFacts::pack`]).
#[derive(Debug, Clone, Copy)]
struct WordFacts {
    first: Option<FirstName>,
    surname: Option<Ending>,
}

/// [`WordFacts::pack`] bits: a first name, and its three flags.
const FIRST: u8 = 1;
const FIRST_WHOLE: u8 = 2;
const FIRST_NUMBERED: u8 = 4;
const FIRST_COMMON: u8 = 8;
/// [`WordFacts::pack`] bits: a strong or a weak surname ending.
const STRONG_ENDING: u8 = 16;
const WEAK_ENDING: u8 = 32;

impl WordFacts {
    /// The facts as one byte ([`WordFacts::unpack`] reverses it).
    fn pack(self) -> u8 {
        let flag = |on: bool, bit: u8| if on { bit } else { 0 };
        let first = self.first.map_or(0, |f| {
            FIRST
                | flag(f.whole, FIRST_WHOLE)
                | flag(f.numbered, FIRST_NUMBERED)
                | flag(f.common, FIRST_COMMON)
        });
        let surname = match self.surname {
            Some(Ending::Strong) => STRONG_ENDING,
            Some(Ending::Weak) => WEAK_ENDING,
            None => 0,
        };
        first | surname
    }

    /// The facts [`WordFacts::pack`] made `packed` of.
    fn unpack(packed: u8) -> Self {
        let has = |bit: u8| packed & bit != 0;
        WordFacts {
            first: has(FIRST).then(|| FirstName {
                whole: has(FIRST_WHOLE),
                numbered: has(FIRST_NUMBERED),
                common: has(FIRST_COMMON),
            }),
            surname: if has(STRONG_ENDING) {
                Some(Ending::Strong)
            } else if has(WEAK_ENDING) {
                Some(Ending::Weak)
            } else {
                None
            },
        }
    }
}

/// Entries of the name-lemma cache (a power of two).
const LEMMA_SLOTS: usize = 1024;

thread_local! {
    /// The entity lemmas of name surfaces ([`Lemma`]): names recur.
    static LEMMAS: RefCell<WordCache<String>> = RefCell::new(WordCache::new(LEMMA_SLOTS));
}

/// Which lemma of a surface the [`LEMMAS`] cache keeps (its tag).
#[derive(Clone, Copy)]
enum Lemma {
    /// [`entity_lemma`] as it is, for the record.
    Plain = 0,
    /// [`entity_lemma`] folded, for the seen-before lookups.
    Folded = 1,
}

/// Runs `f` on the (cached) lemma of a name's surface.
fn with_lemma<R>(surface: &str, kind: Lemma, f: impl FnOnce(&str) -> R) -> R {
    let make = || match kind {
        Lemma::Plain => entity_lemma(surface),
        Lemma::Folded => fold_word(&entity_lemma(surface)),
    };
    LEMMAS.with(|cache| {
        let mut cache = cache.borrow_mut();
        match cache.get_or_insert_with(surface.as_bytes(), kind as u8, make) {
            Some(lemma) => f(lemma),
            None => f(&make()),
        }
    })
}

/// The [`entity_lemma`] of a name's surface: names recur, so it is cached.
fn name_lemma(surface: &str) -> String {
    with_lemma(surface, Lemma::Plain, str::to_owned)
}

/// The folded lemmas of the name words found in a field, with a gate on the first letters
/// a word needs for one of its stems to be among them. Stems share their word's first
/// letters: a peeled stem is a prefix, a repair changes only the last two letters of a
/// stem one letter shorter, and an exception stem keeps the first two letters of its form
/// (or the first of a stem under four letters). So a lemma of four letters or more can be
/// a stem only of words with its first two letters, a shorter one of words with its first.
#[derive(Debug, Default)]
struct Seen {
    /// The lemmas one after the other.
    bytes: Vec<u8>,
    /// The end of each lemma in `bytes`.
    ends: Vec<usize>,
    /// The first two letters of lemmas of four letters or more.
    two: LetterBits,
    /// The first letter of shorter lemmas.
    one: LetterBits,
}

/// Lemmas of at least this many chars are gated on their first two.
const TWO_LETTER_LEMMA: usize = 4;

impl Seen {
    fn clear(&mut self) {
        self.bytes.clear();
        self.ends.clear();
        self.two = LetterBits::default();
        self.one = LetterBits::default();
    }

    fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Adds the folded entity lemma of a name word's `surface`.
    fn insert_lemma_of(&mut self, surface: &str) {
        with_lemma(surface, Lemma::Folded, |folded| self.insert(folded));
    }

    /// Adds a folded lemma.
    fn insert(&mut self, lemma: &str) {
        let mut chars = lemma.chars();
        let Some(a) = chars.next() else {
            return;
        };
        if lemma.chars().nth(TWO_LETTER_LEMMA - 1).is_some() {
            self.two.set(letters_bit(a, chars.next()));
        } else {
            self.one.set(letters_bit(a, None));
        }
        self.bytes.extend_from_slice(lemma.as_bytes());
        self.ends.push(self.bytes.len());
    }

    /// False when no stem of the folded `word` can be a lemma kept here.
    fn may_hold_stem_of(&self, word: &str) -> bool {
        let mut chars = word.chars();
        let Some(a) = chars.next() else {
            return false;
        };
        self.one.has(letters_bit(a, None)) || self.two.has(letters_bit(a, chars.next()))
    }

    /// True when `stem` is one of the lemmas.
    fn contains(&self, stem: &str) -> bool {
        let mut start = 0;
        self.ends.iter().any(|&end| {
            let hit = &self.bytes[start..end] == stem.as_bytes();
            start = end;
            hit
        })
    }
}

/// The [`LetterBits`] bit of one letter, or of two in a row.
fn letters_bit(a: char, b: Option<char>) -> usize {
    let packed = (u64::from(a) << 21) | b.map_or(0, u64::from);
    (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize
}

/// A set of [`letters_bit`]s (a collision only lets more words through).
#[derive(Debug, Clone, Copy, Default)]
struct LetterBits([u64; 4]);

impl LetterBits {
    fn set(&mut self, bit: usize) {
        self.0[bit >> 6] |= 1 << (bit & 63);
    }

    fn has(&self, bit: usize) -> bool {
        self.0[bit >> 6] & (1 << (bit & 63)) != 0
    }
}

/// True when a char after the first is lowercase; the second char decides most words, so a
/// lowercase ASCII or basic Cyrillic letter there (`а`..`џ`) answers without decoding more.
fn has_lowercase_after_first(surface: &str) -> bool {
    let mut chars = surface.chars();
    chars.next();
    let rest = chars.as_str();
    let fast = match *rest.as_bytes() {
        [b'a'..=b'z', ..] => true,
        // U+0430..=U+045F: `а`..`я` and `ѐ`..`џ`, all lowercase.
        [0xD0, 0xB0..=0xBF, ..] | [0xD1, 0x80..=0x9F, ..] => true,
        _ => false,
    };
    fast || rest.chars().any(char::is_lowercase)
}

/// One capital letter followed by `.` (and optionally a hyphen or spaces). The gap is
/// tested first: most words are not followed by a dot.
fn is_initial(text: &Text, i: usize) -> bool {
    let gap = text.gap_after(i);
    if gap.as_bytes().first() != Some(&b'.') {
        return false;
    }
    let surface = text.surface(i);
    let mut chars = surface.chars();
    let one_upper = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    one_upper
        && gap[1..].chars().all(|c| c.is_whitespace() || is_hyphen(c))
        && gap.chars().count() <= 3
}

fn push(
    text: &Text,
    first: usize,
    last: usize,
    rule: &'static str,
    out: &mut Vec<Entity>,
    trace: &mut Trace,
) {
    let span = text.span_of(first, last);
    let lemma = name_lemma(span.slice(text.text));
    super::emit(out, trace, Label::Person, span, lemma, rule);
}

impl Default for PersonRules {
    fn default() -> Self {
        PersonRules::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every combination of word facts survives packing into a word's note.
    #[test]
    fn word_facts_pack_and_unpack() {
        let bools = [false, true];
        let mut firsts = vec![None];
        for whole in bools {
            for numbered in bools {
                for common in bools {
                    firsts.push(Some(FirstName {
                        whole,
                        numbered,
                        common,
                    }));
                }
            }
        }
        for first in firsts {
            for surname in [None, Some(Ending::Strong), Some(Ending::Weak)] {
                let facts = WordFacts { first, surname };
                let back = WordFacts::unpack(facts.pack());
                assert_eq!(format!("{back:?}"), format!("{facts:?}"));
            }
        }
    }

    #[test]
    fn lowercase_test_matches_the_plain_one() {
        for surface in [
            "Алматы",
            "АҚШ",
            "Әлия",
            "ҚР",
            "Ұлан",
            "Aa",
            "AB",
            "A",
            "ҚазАқ",
            "Ңң",
            "Іі",
            "Ёлка",
        ] {
            let plain = surface.chars().skip(1).any(char::is_lowercase);
            assert_eq!(has_lowercase_after_first(surface), plain, "{surface}");
        }
    }

    #[test]
    fn first_name_gate_passes_every_listed_name() {
        let rules = PersonRules::new();
        for name in rules.first_names.keys() {
            assert!(rules.may_reach_first_name(StartKey::of(name)), "{name}");
            let inflected = format!("{name}ның");
            assert!(
                rules.may_reach_first_name(StartKey::of(&inflected)),
                "{name}"
            );
            let hash = crate::morph::hash::stem_hash(name.as_bytes());
            assert!(rules.first_keys.may_contain(hash), "{name}");
        }
    }

    /// A word passes the seen-lemma gate of every stem `find_stem` would try for it, the
    /// exception stems included.
    #[test]
    fn seen_gate_passes_every_stem_of_a_word() {
        let mut words: Vec<String> = [
            "Саденовтың",
            "Назарбаевқа",
            "Жомартұлының",
            "Арайлымға",
            "Ерланның",
            "Ауылдағылар",
            "Алматыдағылар",
            "Екеуі",
            "Өзіне",
            "Бектің",
            "Әсетке",
            "Ли",
        ]
        .iter()
        .map(|w| fold_word(w))
        .collect();
        let exceptions = table::rows(
            "src/morph/data/exceptions.tsv",
            include_str!("../morph/data/exceptions.tsv"),
            2,
        );
        words.extend(exceptions.iter().map(|r| fold_word(r.col(0))));
        for word in &words {
            for stem in morph().candidate_stems(word) {
                let mut seen = Seen::default();
                seen.insert(&stem);
                assert!(seen.contains(&stem), "{stem}");
                assert!(seen.may_hold_stem_of(word), "{word} → {stem}");
            }
        }
    }

    /// The surname gate passes every word one of whose `find_stem` stems ends in an
    /// ending: the endings themselves with case endings, the person cases, the exceptions.
    #[test]
    fn surname_gate_passes_every_word_with_an_ending_stem() {
        let rules = PersonRules::new();
        let mut words: Vec<String> = Vec::new();
        for (ending, _) in &rules.endings {
            for tail in [
                "", "ға", "қа", "ның", "тың", "ке", "ге", "нан", "тан", "ы", "сы",
            ] {
                words.push(format!("абай{ending}{tail}"));
                words.push(format!("{ending}{tail}"));
            }
        }
        let cases = table::rows(
            "src/entities/cases/person.tsv",
            include_str!("cases/person.tsv"),
            4,
        );
        for row in &cases {
            words.extend(row.col(0).split_whitespace().map(fold_word));
        }
        let exceptions = table::rows(
            "src/morph/data/exceptions.tsv",
            include_str!("../morph/data/exceptions.tsv"),
            2,
        );
        words.extend(exceptions.iter().map(|r| fold_word(r.col(0))));
        for word in &words {
            let plain = morph()
                .find_stem(word, |s| rules.surname_ending_of(s))
                .is_some();
            assert!(!plain || rules.may_reach_surname(word), "{word}");
        }
        assert!(!rules.may_reach_surname("алматы"));
    }

    #[test]
    fn seen_gate_rejects_other_starts() {
        let mut seen = Seen::default();
        seen.insert("саденов");
        seen.insert("ли");
        assert!(!seen.contains("саден"));
        assert!(seen.may_hold_stem_of("лидер"));
        let others = ["назарбаев", "ерлан", "алматы", "тоқаев", "бек"];
        assert!(others.iter().all(|w| !seen.may_hold_stem_of(w)));
    }

    #[test]
    fn surname_ending_gate_agrees_with_the_plain_scan() {
        let rules = PersonRules::new();
        for stem in [
            "саденов",
            "назарбаева",
            "тоқаев",
            "медицина",
            "жомартұлы",
            "алма",
            "ов",
        ] {
            let plain = rules
                .endings
                .iter()
                .find(|(e, _)| {
                    stem.ends_with(e.as_str())
                        && stem.chars().count() >= e.chars().count() + MIN_SURNAME_ROOT
                })
                .map(|(_, strength)| *strength);
            assert_eq!(rules.surname_ending_of(stem), plain, "{stem}");
        }
    }
}
