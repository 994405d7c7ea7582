//! Persons: first names from a table (Kazakh and Russian, hyphenated compounds), surname and
//! patronymic endings (`-ов/-ова/-ев/-ева/-ин/-ина/-ұлы/-қызы`…), initials (`Е. Саденов`,
//! `Н.Ә.Назарбаев`), first + last (+ patronymic) in either order, a surname alone, and a
//! bare word already seen as part of a full name earlier in the field. A capitalized word
//! unknown to every table is a name only when one of these patterns supports it.

use std::collections::HashSet;

use crate::mention::{Entity, Label};
use crate::morph::gazetteer::hyphen_suffix_end;
use crate::morph::{entity_lemma, morph, table, Analysis};
use crate::text::fold::{fold_word, is_hyphen};
use crate::text::Text;
use crate::trace::Trace;

use super::place::{Descriptors, PlaceRules};

const FIRST_NAMES: &str = "src/entities/data/first_names.tsv";
const SURNAME_ENDINGS: &str = "src/entities/data/surname_endings.tsv";
const TITLES: &str = "src/entities/data/person_titles.tsv";

/// A surname ending needs at least this many chars of root before it.
const MIN_SURNAME_ROOT: usize = 3;

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
    first_names: HashSet<String>,
    titles: HashSet<String>,
    endings: Vec<(String, Ending)>,
    patronymic_endings: Vec<String>,
    places: PlaceRules,
}

impl PersonRules {
    /// Loads tables and compiles patterns.
    pub fn new() -> Self {
        let first_names = table::rows(FIRST_NAMES, include_str!("data/first_names.tsv"), 1)
            .into_iter()
            .map(|r| fold_word(r.col(0)))
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
        PersonRules {
            first_names,
            titles,
            endings,
            patronymic_endings,
            places: PlaceRules::new(),
        }
    }

    fn descriptors(&self) -> &Descriptors {
        self.places.descriptors()
    }

    /// True for a capitalized word that is not all capitals (`АҚШ`, `ҚР` are not names).
    fn name_cased(text: &Text, i: usize) -> bool {
        let w = &text.words[i];
        w.capitalized && text.surface(i).chars().skip(1).any(char::is_lowercase)
    }

    /// How word `i` matched the first-name table; only the last word of a name inflects,
    /// so a first name followed by more name words must match whole.
    fn first_name_analysis(&self, text: &Text, i: usize) -> Option<Analysis> {
        if !Self::name_cased(text, i) || self.is_inflected_place(text, i) {
            return None;
        }
        morph()
            .find_stem(text.norm(i), |s| self.first_names.get(s))
            .map(|(_, a)| a)
    }

    /// A place name with an ending (`Алматыдан`): never a first name. Uninflected place
    /// names may be (`Дания`, `Алтай`) when a surname follows.
    fn is_inflected_place(&self, text: &Text, i: usize) -> bool {
        self.is_place(text, i) && morph().candidate_stems(text.norm(i)).len() > 1
    }

    /// An unknown capitalized word that may be a first name because a surname follows:
    /// not a place, title or stop word; at a sentence start only when uninflected.
    fn may_be_first_name(&self, text: &Text, i: usize) -> bool {
        let word = text.norm(i);
        Self::name_cased(text, i)
            && (!text.words[i].sentence_start || morph().candidate_stems(word).len() == 1)
            && !morph().is_stop(word)
            && morph()
                .find_stem(word, |s| self.titles.contains(s).then_some(()))
                .is_none()
            && !self.is_inflected_place(text, i)
    }

    /// The surname ending of word `i` (after peeling case endings), if any.
    fn surname_ending(&self, text: &Text, i: usize) -> Option<Ending> {
        if !Self::name_cased(text, i) {
            return None;
        }
        let (strength, _) = morph().find_stem(text.norm(i), |s| {
            self.endings
                .iter()
                .find(|(e, _)| {
                    s.ends_with(e.as_str())
                        && s.chars().count() >= e.chars().count() + MIN_SURNAME_ROOT
                })
                .map(|(_, strength)| *strength)
        })?;
        let usable = strength == Ending::Strong || !text.words[i].sentence_start;
        (usable && !self.is_place(text, i)).then_some(strength)
    }

    fn is_patronymic(&self, text: &Text, i: usize) -> bool {
        Self::name_cased(text, i)
            && morph()
                .find_stem(text.norm(i), |s| {
                    self.patronymic_endings
                        .iter()
                        .any(|p| s.ends_with(p.as_str()))
                        .then_some(())
                })
                .is_some()
    }

    fn is_place(&self, text: &Text, i: usize) -> bool {
        self.places
            .names()
            .longest_at(text, i)
            .is_some_and(|m| m.values.iter().any(|p| p.stands_alone()))
    }

    /// True when words `a` and `a + 1` are separated by spaces only.
    fn spaced(text: &Text, a: usize) -> bool {
        let gap = text.gap_after(a);
        !gap.is_empty() && gap.chars().all(char::is_whitespace)
    }

    /// The last word of a first name starting at `i` (`Қасым-Жомарт` spans two words).
    fn first_name_end(&self, text: &Text, i: usize) -> Option<usize> {
        self.first_name_analysis(text, i)?;
        let next = i + 1;
        let hyphenated = next < text.words.len()
            && text.gap_after(i).chars().count() == 1
            && text.gap_after(i).chars().all(is_hyphen)
            && Self::name_cased(text, next);
        Some(if hyphenated { next } else { i })
    }

    /// A capitalized word that may stand as a surname right after a first name.
    fn may_be_surname(&self, text: &Text, i: usize) -> bool {
        self.surname_ending(text, i).is_some()
            || (Self::name_cased(text, i)
                && !text.words[i].sentence_start
                && !self.is_place(text, i)
                && self.descriptors().at(text, i + 1).is_none())
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, text: &Text, out: &mut Vec<Entity>, trace: &mut Trace) {
        let n = text.words.len();
        let mut seen: HashSet<String> = HashSet::new();
        let mut covered = vec![false; n];
        let mut i = 0;
        while i < n {
            if !text.words[i].capitalized {
                i += 1;
                continue;
            }
            match self.full_name_at(text, i) {
                Some((last, rule)) => {
                    let last = hyphen_suffix_end(text, last);
                    covered[i..=last].fill(true);
                    for k in (i..=last).filter(|&k| Self::name_cased(text, k)) {
                        seen.insert(fold_word(&entity_lemma(text.surface(k))));
                    }
                    push(text, i, last, rule, out, trace);
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        for (i, _) in covered.iter().enumerate().filter(|(_, c)| !**c) {
            if !Self::name_cased(text, i) || self.is_place(text, i) {
                continue;
            }
            let known = morph()
                .find_stem(text.norm(i), |s| seen.contains(s).then_some(()))
                .is_some();
            if known && self.descriptors().at(text, i + 1).is_none() {
                push(
                    text,
                    i,
                    hyphen_suffix_end(text, i),
                    "person/seen-before",
                    out,
                    trace,
                );
            }
        }
    }

    /// The longest person name starting at word `i`: its last word and the rule.
    fn full_name_at(&self, text: &Text, i: usize) -> Option<(usize, &'static str)> {
        let n = text.words.len();
        if let Some(last) = self.initials_at(text, i) {
            return Some((last, "person/initials-surname"));
        }
        if let Some(f) = self.first_name_end(text, i) {
            let j = f + 1;
            let whole = self
                .first_name_analysis(text, f)
                .is_some_and(|a| a.kept == text.norm(f).len());
            if whole && j < n && Self::spaced(text, f) && self.may_be_surname(text, j) {
                let k = j + 1;
                let third = k < n
                    && Self::spaced(text, j)
                    && ((self.is_patronymic(text, j) && self.surname_ending(text, k).is_some())
                        || self.is_patronymic(text, k));
                return Some(if third {
                    (k, "person/first-middle-last")
                } else {
                    (j, "person/first-last")
                });
            }
            let alone = !text.words[i].sentence_start
                && self.descriptors().at(text, f + 1).is_none()
                && !self.is_place(text, i)
                && !quoted(text, i, f);
            return alone.then_some((f, "person/first-name"));
        }
        let j = i + 1;
        if j < n
            && Self::spaced(text, i)
            && self.may_be_first_name(text, i)
            && self.surname_ending(text, j).is_some()
        {
            return Some((j, "person/unknown-first-last"));
        }
        if self.surname_ending(text, i).is_some() {
            if self.descriptors().at(text, i + 1).is_some() {
                return None;
            }
            if j < n && Self::spaced(text, i) {
                let first = self.first_name_end(text, j).or_else(|| {
                    let k = j + 1;
                    (k < n
                        && Self::spaced(text, j)
                        && self.may_be_first_name(text, j)
                        && self.is_patronymic(text, k))
                    .then_some(j)
                });
                if let Some(f) = first {
                    let k = f + 1;
                    let patronymic = k < n && Self::spaced(text, f) && self.is_patronymic(text, k);
                    return Some((if patronymic { k } else { f }, "person/last-first"));
                }
            }
            return Some((i, "person/surname"));
        }
        None
    }

    /// Initials then a surname: `Е. Саденов`, `Е.Саденов`, `Қ.-Ж. Тоқаев`, `Н.Ә.Назарбаев`.
    fn initials_at(&self, text: &Text, i: usize) -> Option<usize> {
        let n = text.words.len();
        let mut k = i;
        while k < n && is_initial(text, k) {
            k += 1;
        }
        if k == i || k >= n {
            return None;
        }
        let named = Self::name_cased(text, k)
            && (self.surname_ending(text, k).is_some() || !self.is_place(text, k));
        named.then_some(k)
    }
}

/// True when words `first..=last` stand alone inside quotes (`«Арман» вокзалы`): a quoted
/// name is a title, company or place, not a person by itself.
fn quoted(text: &Text, first: usize, last: usize) -> bool {
    let before = match first.checked_sub(1) {
        Some(p) => text.gap_after(p),
        None => &text.text[..text.words[first].span.start],
    };
    let opens = before.trim_end().ends_with(['«', '"', '“', '„']);
    let closes = text
        .gap_after(last)
        .trim_start()
        .starts_with(['»', '"', '”', '“']);
    opens && closes
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
    trace.built(rule, span, Label::Person);
    out.push(Entity {
        label: Label::Person,
        span,
        lemma: entity_lemma(span.slice(text.text)),
        expansion: None,
        rule,
    });
}

impl Default for PersonRules {
    fn default() -> Self {
        PersonRules::new()
    }
}
