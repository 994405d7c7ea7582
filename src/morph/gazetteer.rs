//! Name gazetteers matched on stems: one- or multi-word names (words split at spaces and
//! hyphens), where only the last word may inflect (`Шығыс Қазақстан облысында`,
//! `Нұр-Сұлтанда`). Lookups are hash probes on folded words; the last word goes through
//! [`super::Morph::find_stem`], so a whole-word hit wins over any cut (lexicon first).

use super::hash::{stem_hash, FastMap};
use super::prefilter::{StartFilter, StemFilter};

use super::{morph, Analysis};
use crate::text::fold::{fold_word, is_hyphen};
use crate::text::Text;

struct Name<T> {
    /// The name as its first table row writes it (the canonical spelling).
    written: String,
    words: Vec<String>,
    values: Vec<T>,
}

/// A gazetteer of names, each with one or more values (a name may be a city and a lake).
pub struct Gazetteer<T> {
    names: Vec<Name<T>>,
    by_name: FastMap<String, usize>,
    single: FastMap<String, usize>,
    multi: FastMap<String, Vec<usize>>,
    starts: StartFilter,
    /// The keys of `single`.
    singles: StemFilter,
    /// The keys of `multi` (first words).
    firsts: StemFilter,
}

/// A name of a [`Gazetteer`], by number.
#[derive(Debug, Clone, Copy)]
pub struct NameId(usize);

/// What a [`Gazetteer`] says about one folded word, whatever the words around it.
#[derive(Debug, Clone, Copy)]
pub struct WordNames {
    /// The word starts a name of several words ([`Gazetteer::starts_multi`]).
    pub starts_multi: bool,
    /// The one-word name the word names ([`Gazetteer::single_at`]).
    pub single: Option<(NameId, Analysis)>,
}

/// A name found at some word.
pub struct NameMatch<'g, T> {
    /// Index of the name's last word in the text.
    pub last: usize,
    /// Every value stored for the name.
    pub values: &'g [T],
    /// How the last word was cut to match.
    pub analysis: Analysis,
    /// The name as the table writes it (`Нью-Йорк` for a dateline `НЬЮ-ЙОРК`).
    pub written: &'g str,
}

impl<T> Default for Gazetteer<T> {
    fn default() -> Self {
        Gazetteer {
            names: Vec::new(),
            by_name: FastMap::default(),
            single: FastMap::default(),
            multi: FastMap::default(),
            starts: StartFilter::default(),
            singles: StemFilter::default(),
            firsts: StemFilter::default(),
        }
    }
}

/// Splits a name into folded words at spaces and hyphens.
pub fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || is_hyphen(c))
        .filter(|w| !w.is_empty())
        .map(fold_word)
        .collect()
}

/// True when the text between two words of a name may join them: spaces or one hyphen.
pub fn joins_name(gap: &str) -> bool {
    !gap.is_empty()
        && gap.chars().all(|c| c.is_whitespace() || is_hyphen(c))
        && gap.chars().filter(|&c| is_hyphen(c)).count() <= 1
}

impl<T> Gazetteer<T> {
    /// Adds `value` under `name` (written as in text; folded here).
    pub fn insert(&mut self, name: &str, value: T) {
        let words = name_words(name);
        let key = words.join(" ");
        if let Some(&id) = self.by_name.get(&key) {
            self.names[id].values.push(value);
            return;
        }
        let Some(first) = words.first().cloned() else {
            return;
        };
        let id = self.names.len();
        if words.len() == 1 {
            self.starts.add(&first);
            self.singles.add_key(&first);
            self.single.insert(first, id);
        } else {
            self.firsts.add_key(&first);
            self.multi.entry(first).or_default().push(id);
        }
        self.by_name.insert(key, id);
        self.names.push(Name {
            written: name.trim().to_owned(),
            words,
            values: vec![value],
        });
    }

    /// The folded one-word names (for cheap prefilters).
    pub fn single_words(&self) -> impl Iterator<Item = &str> {
        self.single.keys().map(String::as_str)
    }

    /// The folded first words of every name: the one-word names and the first words of the
    /// longer ones (for cheap prefilters).
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.single_words()
            .chain(self.multi.keys().map(String::as_str))
    }

    /// The values of the one-word name spelled exactly as the folded `word` (no peeling).
    pub fn exact_word_values(&self, word: &str) -> Option<&[T]> {
        self.single
            .get(word)
            .map(|&id| self.names[id].values.as_slice())
    }

    /// The values of the one-word name a folded word (or its stem) names.
    pub fn word_values(&self, folded: &str) -> Option<&[T]> {
        if !self.starts.may_reach(folded) {
            return None;
        }
        morph()
            .find_stem(folded, |s| self.single.get(s))
            .map(|(&id, _)| self.names[id].values.as_slice())
    }

    /// The longest name starting at word `i` of `text`, if any.
    pub fn longest_at(&self, text: &Text, i: usize) -> Option<NameMatch<'_, T>> {
        if self.starts_multi(text.norm(i)) {
            if let Some(found) = self.multi_at(text, i) {
                return Some(found);
            }
        }
        let (id, analysis) = self.single_at(text, i)?;
        Some(self.single_match(i, id, analysis))
    }

    /// True when the folded `word` is the first word of a name of several words.
    pub fn starts_multi(&self, word: &str) -> bool {
        self.firsts.may_contain(stem_hash(word.as_bytes())) && self.multi.contains_key(word)
    }

    /// The [`WordNames`] of word `i` of `text`.
    pub fn word_names(&self, text: &Text, i: usize) -> WordNames {
        WordNames {
            starts_multi: self.starts_multi(text.norm(i)),
            single: self.single_at(text, i),
        }
    }

    /// The longest name of several words starting at word `i` of `text`, if any.
    pub fn multi_at(&self, text: &Text, i: usize) -> Option<NameMatch<'_, T>> {
        self.multi
            .get(text.norm(i))?
            .iter()
            .filter_map(|&id| self.match_multi(text, i, id))
            .max_by_key(|m| m.last)
    }

    /// The one-word name word `i` of `text` (or its stem) names: its id and how the word
    /// was cut. Depends on the folded word alone.
    pub fn single_at(&self, text: &Text, i: usize) -> Option<(NameId, Analysis)> {
        let forms = text.forms();
        if !self.starts.may_reach_key(forms.start_key(i)) {
            return None;
        }
        forms
            .stems(i)
            .filter(|s| self.singles.may_contain(s.hash))
            .find_map(|s| self.single.get(s.text).map(|&id| (NameId(id), s.analysis)))
    }

    /// The match of the one-word name `id` at word `i`, reached by `analysis`.
    pub fn single_match(&self, i: usize, id: NameId, analysis: Analysis) -> NameMatch<'_, T> {
        let name = &self.names[id.0];
        NameMatch {
            last: i,
            values: &name.values,
            analysis,
            written: &name.written,
        }
    }

    fn match_multi(&self, text: &Text, i: usize, id: usize) -> Option<NameMatch<'_, T>> {
        let name = &self.names[id];
        let last = i + name.words.len() - 1;
        if last >= text.words.len() {
            return None;
        }
        for (k, word) in name.words.iter().enumerate().skip(1) {
            let at = i + k;
            if !joins_name(text.gap_after(at - 1)) {
                return None;
            }
            if at < last && text.norm(at) != word {
                return None;
            }
        }
        let want = name.words[name.words.len() - 1].as_str();
        let analysis = text
            .stems(last)
            .find(|s| s.text == want)
            .map(|s| s.analysis)?;
        Some(NameMatch {
            last,
            values: &name.values,
            analysis,
            written: &name.written,
        })
    }
}

/// The index of the last word of a name ending at word `last`, extended over a suffix
/// written after a hyphen (`АҚШ-тың`, `«…»-дан` is not handled here).
pub fn hyphen_suffix_end(text: &Text, last: usize) -> usize {
    let next = last + 1;
    if next < text.words.len()
        && text.gap_after(last).chars().count() == 1
        && text.gap_after(last).chars().all(is_hyphen)
        && morph().is_suffix_chain(text.norm(next))
    {
        next
    } else {
        last
    }
}

/// True when words `first..=last` stand alone inside quotes (`«Арман» вокзалы`): a quoted
/// name is a title, company or building, not a person or place by itself.
pub fn in_quotes(text: &Text, first: usize, last: usize) -> bool {
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
