//! Persons: first names from a table (Kazakh and Russian, hyphenated compounds), surname and
//! patronymic endings (`-ов/-ова/-ев/-ева/-ин/-ина/-ұлы/-қызы`…), initials (`Е. Саденов`,
//! `Н.Ә.Назарбаев`), first + last (+ patronymic) in either order, a surname alone, and a
//! bare word already seen as part of a full name earlier in the field. A capitalized word
//! unknown to every table is a name only when one of these patterns supports it.

use crate::morph::hash::{FastMap, FastSet};
use crate::morph::suffixes::Slot;
use crate::morph::word_cache::WordCache;
use std::cell::{OnceCell, RefCell};

use crate::mention::{Entity, Label};
use crate::morph::gazetteer::{hyphen_suffix_end, in_quotes};
use crate::morph::{entity_lemma, morph, table, Analysis};
use crate::text::fold::{fold_word, is_hyphen};
use crate::text::Text;
use crate::trace::Trace;

use super::place::{place_at, place_nouns, TwoLetterStarts};
use crate::morph::prefilter::StartFilter;

const FIRST_NAMES: &str = "src/entities/data/first_names.tsv";
const SURNAME_ENDINGS: &str = "src/entities/data/surname_endings.tsv";
const TITLES: &str = "src/entities/data/person_titles.tsv";

/// A surname ending needs at least this many chars of root before it.
const MIN_SURNAME_ROOT: usize = 3;

/// An unknown word shorter than this is not taken for a first name.
const MIN_UNKNOWN_FIRST_NAME: usize = 3;

/// A first-name table hit.
#[derive(Debug, Clone, Copy)]
struct FirstName {
    analysis: Analysis,
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
    patronymic_endings: Vec<String>,
    /// First two letters of every first name: the cheap first gate of the name lookup.
    first_starts: TwoLetterStarts,
    /// Starts of every first name (three letters of long names): the second gate.
    first_openings: StartFilter,
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
        let first_starts = TwoLetterStarts::of(first_names.keys().map(String::as_str));
        let mut first_openings = StartFilter::default();
        for name in first_names.keys() {
            first_openings.add(name);
        }
        let mut ending_ends = [false; 256];
        for (ending, _) in &endings {
            if let Some(&last) = ending.as_bytes().last() {
                ending_ends[usize::from(last)] = true;
            }
        }
        PersonRules {
            first_names,
            titles,
            endings,
            ending_ends,
            patronymic_endings,
            first_starts,
            first_openings,
        }
    }

    /// False when no stem of the folded `word` can be a listed first name.
    fn may_reach_first_name(&self, word: &str) -> bool {
        self.first_starts.may_start(word) && self.first_openings.may_reach(word)
    }

    /// The first-name table hit of a folded word (lexicon first, then its stems).
    fn lookup_first_name(&self, word: &str) -> Option<FirstName> {
        if !self.may_reach_first_name(word) {
            return None;
        }
        morph()
            .find_stem(word, |s| self.first_names.get(s))
            .map(|(&common, analysis)| FirstName { analysis, common })
    }

    /// The surname ending of a folded word after peeling case endings, if any.
    fn lookup_surname_ending(&self, word: &str) -> Option<Ending> {
        morph()
            .find_stem(word, |s| self.surname_ending_of(s))
            .map(|(strength, _)| strength)
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

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, text: &Text, out: &mut Vec<Entity>, trace: &mut Trace) {
        Scan::new(self, text).run(out, trace);
    }
}

/// One pass over a field: the word facts the rules ask for repeatedly (place name? first
/// name? surname ending?) are computed at most once per word.
struct Scan<'a, 't> {
    rules: &'a PersonRules,
    text: &'a Text<'t>,
    place: Vec<OnceCell<bool>>,
    first: Vec<OnceCell<Option<FirstName>>>,
    surname: Vec<OnceCell<Option<Ending>>>,
    case_ending: Vec<OnceCell<bool>>,
}

impl<'a, 't> Scan<'a, 't> {
    fn new(rules: &'a PersonRules, text: &'a Text<'t>) -> Self {
        let n = text.words.len();
        Scan {
            rules,
            text,
            place: vec![OnceCell::new(); n],
            first: vec![OnceCell::new(); n],
            surname: vec![OnceCell::new(); n],
            case_ending: vec![OnceCell::new(); n],
        }
    }

    /// True for a capitalized word that is not all capitals (`АҚШ`, `ҚР` are not names).
    #[inline]
    fn name_cased(&self, i: usize) -> bool {
        self.text.words[i].capitalized && has_lowercase_after_first(self.text.surface(i))
    }

    /// How word `i` matched the first-name table; only the last word of a name inflects,
    /// so a first name followed by more name words must match whole.
    fn first_name(&self, i: usize) -> Option<FirstName> {
        *self.first[i].get_or_init(|| {
            if !self.name_cased(i) {
                return None;
            }
            let word = self.text.norm(i);
            let name = word_facts(word, |facts| {
                *facts
                    .first
                    .get_or_insert_with(|| self.rules.lookup_first_name(word))
            })?;
            (!self.is_inflected_place(i)).then_some(name)
        })
    }

    /// A place name with an ending (`Алматыдан`): never a first name. Uninflected place
    /// names may be (`Дания`, `Алтай`) when a surname follows.
    fn is_inflected_place(&self, i: usize) -> bool {
        self.has_case_ending(i) && self.is_place(i)
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
        *self.surname[i].get_or_init(|| {
            if !self.name_cased(i) {
                return None;
            }
            let word = self.text.norm(i);
            let strength = word_facts(word, |facts| {
                *facts
                    .surname
                    .get_or_insert_with(|| self.rules.lookup_surname_ending(word))
            })?;
            let usable = strength == Ending::Strong || !self.text.words[i].sentence_start;
            (usable && !self.is_place(i)).then_some(strength)
        })
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
        *self.case_ending[i].get_or_init(|| morph().has_case_ending_at(self.text, i))
    }

    fn is_place(&self, i: usize) -> bool {
        *self.place[i].get_or_init(|| {
            place_at(self.text, i).is_some_and(|m| m.values.iter().any(|p| p.stands_alone()))
        })
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

    /// Appends every person of the field to `out`.
    fn run(&self, out: &mut Vec<Entity>, trace: &mut Trace) {
        let n = self.text.words.len();
        let mut seen: FastSet<String> = FastSet::default();
        let mut covered = vec![false; n];
        let mut i = 0;
        while i < n {
            if !self.text.words[i].capitalized {
                i += 1;
                continue;
            }
            match self.full_name_at(i) {
                Some((last, rule)) => {
                    let last = hyphen_suffix_end(self.text, last);
                    covered[i..=last].fill(true);
                    for k in (i..=last).filter(|&k| self.name_cased(k)) {
                        seen.insert(fold_word(&entity_lemma(self.text.surface(k))));
                    }
                    push(self.text, i, last, rule, out, trace);
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        if seen.is_empty() {
            return;
        }
        for (i, _) in covered.iter().enumerate().filter(|(_, c)| !**c) {
            if !self.name_cased(i) || self.is_place(i) {
                continue;
            }
            let known = morph()
                .find_stem_at(self.text, i, |s| seen.contains(s).then_some(()))
                .is_some();
            if known && place_nouns().at(self.text, i + 1).is_none() {
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
        let n = self.text.words.len();
        if let Some(last) = self.initials_at(i) {
            return Some((last, "person/initials-surname"));
        }
        if let Some(f) = self.first_name_end(i) {
            let j = f + 1;
            let whole = match self.first_name(f) {
                Some(name) => name.analysis.kept == self.text.norm(f).len(),
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
                let a = name.analysis;
                let numbered = a.stripped(Slot::Plural) || a.stripped(Slot::Possessive);
                let ambiguous = name.common && self.text.words[i].sentence_start;
                !numbered && !ambiguous
            });
            let alone = plain
                && place_nouns().at(self.text, f + 1).is_none()
                && !self.is_place(i)
                && !in_quotes(self.text, i, f);
            return alone.then_some((f, "person/first-name"));
        }
        let j = i + 1;
        if j < n && self.spaced(i) && self.surname_ending(j).is_some() && self.may_be_first_name(i)
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

/// What the first-name and surname tables say about one folded word, each filled on first
/// use. Both depend on the word alone (and on the bundled tables, the same for every
/// [`PersonRules`]), so they are kept across fields and articles.
#[derive(Clone, Copy, Default)]
struct WordFacts {
    first: Option<Option<FirstName>>,
    surname: Option<Option<Ending>>,
}

/// Entries of the [`WordFacts`] cache (a power of two).
const CACHE_SLOTS: usize = 4096;

thread_local! {
    /// A per-thread cache of [`WordFacts`] per folded word: capitalized words recur
    /// (`Қазақстан`, `Астана`, the names of the day), and each would otherwise be peeled and
    /// looked up again in every field.
    static WORD_FACTS: RefCell<WordCache<WordFacts>> = RefCell::new(WordCache::new(CACHE_SLOTS));
}

/// Runs `f` on the cached [`WordFacts`] of a folded word (fresh ones for a word not cached,
/// which then replace the slot's previous word).
fn word_facts<R>(word: &str, f: impl FnOnce(&mut WordFacts) -> R) -> R {
    WORD_FACTS.with(|cache| {
        let mut cache = cache.borrow_mut();
        match cache.get_or_insert_with(word.as_bytes(), 0, WordFacts::default) {
            Some(facts) => f(facts),
            None => f(&mut WordFacts::default()),
        }
    })
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

/// One capital letter followed by `.` (and optionally a hyphen or spaces).
fn is_initial(text: &Text, i: usize) -> bool {
    let surface = text.surface(i);
    let mut chars = surface.chars();
    let one_upper = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    let gap = text.gap_after(i);
    one_upper
        && gap.starts_with('.')
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
    let lemma = entity_lemma(span.slice(text.text));
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
            assert!(rules.may_reach_first_name(name), "{name}");
            assert!(rules.may_reach_first_name(&format!("{name}ның")), "{name}");
        }
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
