//! Word and phrase lexicons matched on folded word forms: a [`StemMap`] finds a word through
//! the stems [`crate::morph::Morph::find_stem`] proposes (`министрлігінде` → `министрлігі`),
//! and a [`PhraseTable`] finds multiword names whose inner words are fixed and whose last
//! word may inflect (`Біріккен Ұлттар Ұйымының`).

use crate::morph::hash::FastMap;

use crate::morph::prefilter::{StartFilter, StemFilter};
use crate::morph::{morph, Analysis};
use crate::text::fold::fold_word;
use crate::text::words::WordShape;
use crate::text::Text;

/// Folded word forms (and their stems) mapped to a value.
pub struct StemMap<T> {
    map: FastMap<String, T>,
    starts: StartFilter,
    keys: StemFilter,
}

impl<T> Default for StemMap<T> {
    fn default() -> Self {
        StemMap {
            map: FastMap::default(),
            starts: StartFilter::default(),
            keys: StemFilter::default(),
        }
    }
}

impl<T: Clone> StemMap<T> {
    /// Adds a form (folded here); a later row for the same form is ignored.
    pub fn insert(&mut self, form: &str, value: T) {
        let key = fold_word(form);
        self.starts.add(&key);
        self.keys.add_key(&key);
        self.map.entry(key).or_insert(value);
    }

    /// The value of a folded word: the form itself, else its first candidate stem found.
    pub fn get(&self, norm: &str) -> Option<&T> {
        self.get_analysis(norm).map(|(v, _)| v)
    }

    fn get_analysis(&self, norm: &str) -> Option<(&T, Analysis)> {
        if !self.starts.may_reach(norm) {
            return None;
        }
        morph().find_stem(norm, |stem| self.map.get(stem))
    }

    /// The value of word `i` of `text`.
    pub fn word(&self, text: &Text, i: usize) -> Option<&T> {
        self.word_analysis(text, i).map(|(v, _)| v)
    }

    /// The value of word `i` and the suffix analysis that reached it (to tell a plural
    /// `депутаттары` from `депутаты`). Answers like [`StemMap::get`] on the word, through
    /// the text's cached stems: a word that reaches no key costs a few bit tests.
    pub fn word_analysis(&self, text: &Text, i: usize) -> Option<(&T, Analysis)> {
        if !self.starts.may_reach_key(text.start_key(i)) {
            return None;
        }
        // The word itself is the first candidate stem: a key written as it is answers
        // without the word's stems being computed.
        let norm = text.norm(i);
        if self.keys.may_contain(text.forms().word_hash(i)) {
            if let Some(v) = self.map.get(norm) {
                return Some((v, Analysis::whole(norm)));
            }
        }
        text.stems(i)
            .skip(1)
            .filter(|s| self.keys.may_contain(s.hash))
            .find_map(|s| self.map.get(s.text).map(|v| (v, s.analysis)))
    }
}

/// Ordinal numerals (`ordinal_endings.tsv`): a digit word, or a word ending like an
/// ordinal (`бірінші`, the `інші` of `91-інші`).
pub struct Ordinals {
    endings: Vec<String>,
}

impl Ordinals {
    /// Loads `ordinal_endings.tsv`.
    pub fn new() -> Self {
        let endings = super::table::rows(
            "ordinal_endings.tsv",
            include_str!("data/ordinal_endings.tsv"),
        )
        .map(|row| fold_word(row.cell(0)))
        .collect();
        Ordinals { endings }
    }

    /// True when word `i` is a digit word or ends like an ordinal.
    pub fn is_ordinal(&self, text: &Text, i: usize) -> bool {
        let norm = text.norm(i);
        text.words[i].shape == WordShape::Digits
            || self.endings.iter().any(|e| norm.ends_with(e.as_str()))
    }
}

impl Default for Ordinals {
    fn default() -> Self {
        Ordinals::new()
    }
}

/// True when two words separated by `gap` belong to one name: only spaces or one hyphen.
pub fn joinable(gap: &str) -> bool {
    let mut hyphens = 0;
    for c in gap.chars() {
        if crate::text::fold::is_hyphen(c) {
            hyphens += 1;
        } else if !crate::text::fold::is_space(c) {
            return false;
        }
    }
    hyphens <= 1
}

struct Phrase<T> {
    rest: Vec<String>,
    /// The first bytes of the last word every form of it starts with ([`stem_head`]).
    last_head: usize,
    value: T,
}

/// Chars every candidate stem of a word shares with the word's start: a stem is the word,
/// a prefix of [`crate::morph::MIN_LEXICON_STEM`] chars or more whose last two chars a
/// repair may change, or an exception stem (`екеуі` → `екі`, `үшеуі` → `үш`).
const STEM_HEAD_CHARS: usize = 2;

/// Bytes of the first [`STEM_HEAD_CHARS`] chars of `word` (all of it when shorter): a
/// word can only reach `word` through its stems when it starts with them.
fn stem_head(word: &str) -> usize {
    word.char_indices()
        .nth(STEM_HEAD_CHARS)
        .map_or(word.len(), |(at, _)| at)
}

/// Multiword (or single-word) names: every word but the last must match exactly, the last
/// may inflect. Words are segmented exactly as [`Text`] segments the article.
pub struct PhraseTable<T> {
    single: StemMap<T>,
    multi: FastMap<String, Vec<Phrase<T>>>,
    /// The first words of `multi`.
    multi_firsts: StemFilter,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            single: StemMap::default(),
            multi: FastMap::default(),
            multi_firsts: StemFilter::default(),
        }
    }
}

impl<T: Clone> PhraseTable<T> {
    /// Adds a name; returns false when it contains no word.
    pub fn insert(&mut self, name: &str, value: T) -> bool {
        let words = Text::new(name);
        let norms: Vec<String> = (0..words.words.len())
            .map(|i| words.norm(i).to_owned())
            .collect();
        match norms.split_first() {
            None => false,
            Some((first, [])) => {
                self.single.insert(first, value);
                true
            }
            Some((first, rest)) => {
                self.multi_firsts.add_key(first);
                let list = self.multi.entry(first.clone()).or_default();
                let last = rest.last().map_or("", String::as_str);
                list.push(Phrase {
                    rest: rest.to_vec(),
                    last_head: stem_head(last),
                    value,
                });
                list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
                true
            }
        }
    }

    /// The longest name of several words starting at word `i`: its last word index and
    /// value. Only the last word may inflect: the first matches as it is.
    pub fn phrase_at(&self, text: &Text, i: usize) -> Option<(usize, &T)> {
        let list = self
            .multi_firsts
            .may_contain(text.forms().word_hash(i))
            .then(|| self.multi.get(text.norm(i)))
            .flatten()?;
        list.iter().find_map(|phrase| {
            self.match_rest(text, i, phrase)
                .map(|last| (last, &phrase.value))
        })
    }

    /// The name of one word that word `i` is (it may inflect).
    pub fn word_at(&self, text: &Text, i: usize) -> Option<&T> {
        self.single.word(text, i)
    }

    fn match_rest(&self, text: &Text, i: usize, phrase: &Phrase<T>) -> Option<usize> {
        let rest = &phrase.rest;
        let last = i + rest.len();
        if last >= text.words.len() {
            return None;
        }
        for (k, word) in rest.iter().enumerate() {
            let j = i + 1 + k;
            if !joinable(text.gap_after(j - 1)) {
                return None;
            }
            let norm = text.norm(j);
            let hit = if j == last {
                // Only a word starting like the name's last word is peeled for its stems.
                norm == word
                    || (norm.starts_with(&word[..phrase.last_head])
                        && text.stems(j).any(|stem| stem.text == word))
            } else {
                norm == word
            };
            if !hit {
                return None;
            }
        }
        Some(last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_prefer_the_longest_and_need_joined_words() {
        let mut table = PhraseTable::default();
        table.insert("Ұлттық банк", 1);
        table.insert("Ұлттық", 2);
        let text = Text::new("Ұлттық банк, Ұлттық. банк");
        assert_eq!(table.phrase_at(&text, 0), Some((1, &1)));
        assert_eq!(table.phrase_at(&text, 2), None);
        assert_eq!(table.word_at(&text, 2), Some(&2));
    }

    #[test]
    fn word_lookups_answer_like_stem_lookups() {
        let mut map = StemMap::default();
        for (k, key) in ["министрлігі", "министр", "ауыл", "екі", "Kazinform"]
            .into_iter()
            .enumerate()
        {
            map.insert(key, k);
        }
        let text =
            Text::new("Министрлігі министрлігінде министрі аулында екеуі Kazinform-ның кітап");
        let mut found = 0;
        for i in 0..text.words.len() {
            let by_text = map.word_analysis(&text, i);
            let by_word = map.get_analysis(text.norm(i));
            assert_eq!(by_text.map(|(v, _)| v), by_word.map(|(v, _)| v), "{i}");
            assert_eq!(by_text.map(|(_, a)| a), by_word.map(|(_, a)| a), "{i}");
            found += usize::from(by_text.is_some());
        }
        assert!(found >= 5, "{found}");
    }

    #[test]
    fn every_stem_starts_like_its_word() {
        let mut words: Vec<String> = morph().exceptions().map(|(f, _)| f.to_owned()).collect();
        for word in [
            "аулында",
            "кітабы",
            "ұйымының",
            "банкінің",
            "ауылдағылар",
            "үш",
        ] {
            words.push(fold_word(word));
        }
        let mut checked = 0;
        for word in &words {
            morph().find_stem(word, |stem| {
                assert!(
                    word.starts_with(&stem[..stem_head(stem)]),
                    "{word} → {stem}"
                );
                checked += 1;
                None::<()>
            });
        }
        assert!(checked > words.len(), "{checked}");
    }

    #[test]
    fn gaps_with_punctuation_break_names() {
        assert!(joinable(" "));
        assert!(joinable("-"));
        assert!(!joinable(", "));
        assert!(!joinable("--"));
    }
}
