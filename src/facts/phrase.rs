//! Matching table phrases on words: a phrase is one or more folded words (`шаршы метр`,
//! `айлық есептік көрсеткіш`, `ақш доллары`); all but the last word must match exactly,
//! the last may carry any chain of endings (`метрден`, `долларына`). The longest phrase wins.

use super::prefix::{PrefixIndex, Trigrams, WordMap};
use crate::morph::hash::FastMap;

use super::numeral::{is_ending, is_inflection};
use crate::text::fold::{is_hyphen, is_space};
use crate::text::Text;

/// A phrase found in the text.
#[derive(Debug, Clone, Copy)]
pub struct PhraseMatch<'v, 't, T> {
    /// Index of the phrase's last word.
    pub last_word: usize,
    /// The table value of the phrase.
    pub value: &'v T,
    /// The folded ending on the last word (`""` if none).
    pub ending: &'t str,
}

/// Which endings the last word of a phrase may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endings {
    /// None: the word matches exactly.
    None,
    /// Plural, possessive and case (`астамы`, `жуығы`).
    Inflection,
    /// Also derivation (`тонналық`, `метрдей`).
    Any,
}

struct Entry<T> {
    words: Vec<&'static str>,
    inflects: Endings,
    value: T,
}

/// Phrases keyed by their first word.
pub struct PhraseTable<T> {
    by_first: FastMap<&'static str, Vec<Entry<T>>>,
    first_lens: PrefixIndex,
    /// The last words of the phrases, when none takes endings (else None): a phrase can only
    /// end at a word in this set.
    last_words: Option<WordMap<()>>,
}

impl<T> PhraseTable<T> {
    /// An empty table.
    pub fn new() -> Self {
        PhraseTable {
            by_first: FastMap::default(),
            first_lens: PrefixIndex::default(),
            last_words: Some(WordMap::default()),
        }
    }

    /// Adds a phrase (space-separated folded words) whose last word may carry `inflects`.
    pub fn insert(&mut self, phrase: &'static str, inflects: Endings, value: T) {
        let words: Vec<&'static str> = phrase.split(' ').filter(|w| !w.is_empty()).collect();
        let Some(&first) = words.first() else {
            return;
        };
        self.first_lens.insert(first);
        let last = words[words.len() - 1];
        match (&mut self.last_words, inflects) {
            (Some(set), Endings::None) => set.insert(last, ()),
            _ => self.last_words = None,
        }
        let entries = self.by_first.entry(first).or_default();
        entries.push(Entry {
            words,
            inflects,
            value,
        });
        entries.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
    }

    /// The longest phrase starting at word `i`.
    pub fn match_at<'v, 't>(&'v self, text: &'t Text, i: usize) -> Option<PhraseMatch<'v, 't, T>> {
        let norm = text.norm(i);
        self.first_lens.candidates(norm).find_map(|len| {
            if !norm.is_char_boundary(len) {
                return None;
            }
            let entries = self.by_first.get(&norm[..len])?;
            entries.iter().find_map(|e| self.match_entry(text, i, e))
        })
    }

    /// Records in `gate` the first three letters of every word a phrase can start at: the
    /// first word, or for a one-word phrase shorter than three letters that takes endings,
    /// the word followed by each start of an ending chain (`кгға`).
    pub fn add_starts(&self, gate: &mut Trigrams, ending_heads: &[String]) {
        let mut form = String::new();
        for e in self.by_first.values().flatten() {
            let first = e.words[0];
            gate.insert(first);
            if e.words.len() == 1 && e.inflects != Endings::None && first.chars().count() < 3 {
                for head in ending_heads {
                    form.clear();
                    form.push_str(first);
                    form.push_str(head);
                    gate.insert(&form);
                }
            }
        }
    }

    /// The first word of each phrase with whether a one-word phrase takes endings.
    #[cfg(test)]
    pub fn starts(&self) -> impl Iterator<Item = (&'static str, bool)> + '_ {
        self.by_first.values().flatten().map(|e| {
            (
                e.words[0],
                e.words.len() == 1 && e.inflects != Endings::None,
            )
        })
    }

    /// False when no phrase can end at word `k` (checked on the table's set of last words when
    /// no phrase takes endings); true otherwise.
    pub fn may_end_at(&self, text: &Text, k: usize) -> bool {
        self.last_words
            .as_ref()
            .is_none_or(|set| set.contains(text.norm(k)))
    }

    /// The one-word phrase that `word` (folded) is, endings allowed as for text matches.
    pub fn get_word(&self, word: &str) -> Option<&T> {
        self.first_lens.candidates(word).find_map(|len| {
            if !word.is_char_boundary(len) {
                return None;
            }
            let ending = &word[len..];
            self.by_first.get(&word[..len])?.iter().find_map(|e| {
                let fits = e.words.len() == 1
                    && match e.inflects {
                        Endings::None => ending.is_empty(),
                        Endings::Inflection => is_inflection(ending),
                        Endings::Any => is_ending(ending),
                    };
                fits.then_some(&e.value)
            })
        })
    }

    fn match_entry<'v, 't>(
        &self,
        text: &'t Text,
        i: usize,
        entry: &'v Entry<T>,
    ) -> Option<PhraseMatch<'v, 't, T>> {
        let words = &entry.words;
        let last = i + words.len() - 1;
        if last >= text.words.len() {
            return None;
        }
        for (k, w) in words.iter().enumerate().take(words.len() - 1) {
            if text.norm(i + k) != *w || !joins(text.gap_after(i + k)) {
                return None;
            }
        }
        let ending = text.norm(last).strip_prefix(words[words.len() - 1])?;
        let fits = match entry.inflects {
            Endings::None => ending.is_empty(),
            Endings::Inflection => is_inflection(ending),
            Endings::Any => is_ending(ending),
        };
        fits.then_some(PhraseMatch {
            last_word: last,
            value: &entry.value,
            ending,
        })
    }
}

/// Words of one phrase are separated by spacing, or by one joiner with optional spacing
/// (`кВт·сағ`, `киловатт-сағат`, `киловатт / сағат`).
fn joins(gap: &str) -> bool {
    let inner = gap.trim_matches(is_space);
    let mut chars = inner.chars();
    match (chars.next(), chars.next()) {
        (None, _) => !gap.is_empty(),
        (Some(c), None) => matches!(c, '·' | '/' | '\u{22C5}') || is_hyphen(c),
        _ => false,
    }
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_phrase_with_ending_on_last_word() {
        let mut table = PhraseTable::new();
        table.insert("метр", Endings::Any, "m");
        table.insert("шаршы метр", Endings::Any, "m2");
        table.insert("астам", Endings::None, "more");
        let t = Text::new("шаршы метрден метрлік шаршыға");
        let m = table.match_at(&t, 0).unwrap();
        assert_eq!((*m.value, m.last_word, m.ending), ("m2", 1, "ден"));
        assert_eq!(*table.match_at(&t, 2).unwrap().value, "m");
        assert!(table.match_at(&t, 3).is_none());
        let t = Text::new("астам астамы");
        assert!(table.match_at(&t, 0).is_some() && table.match_at(&t, 1).is_none());
    }
}
