//! Entity lemmas: only the last word of a name inflects, so only its outer endings (case,
//! attributive, plural-person possessives) are dropped; descriptor heads keep their
//! 3rd-person possessive (`облысында` → `облысы`) and persons keep `-ова`, `-ұлы`.

use std::cell::RefCell;

use super::hash::FastMap;
use super::peel::analyses;
use super::suffixes::is_vowel;
use super::Morph;
use crate::text::fold::{fold_word, is_hyphen, is_invisible};

/// An unknown word is never cut below this many chars.
pub(super) const MIN_UNKNOWN_STEM: usize = 4;
/// An unknown word never loses a suffix shorter than this.
const MIN_UNKNOWN_SUFFIX: u8 = 2;

impl Morph {
    /// The canonical form of an entity's surface (original letter case kept). It depends
    /// only on the surface, so it is remembered per thread (names recur across articles).
    pub fn entity_lemma(&self, surface: &str) -> String {
        let surface = surface.trim_end();
        if let Some(lemma) = ENTITY_LEMMAS.with(|memo| memo.borrow().get(surface).cloned()) {
            return lemma;
        }
        let lemma = self.surface_lemma(surface);
        ENTITY_LEMMAS.with(|memo| {
            let mut memo = memo.borrow_mut();
            if memo.len() >= MAX_CACHED_LEMMAS {
                memo.clear();
            }
            memo.insert(surface.to_owned(), lemma.clone());
        });
        lemma
    }

    /// [`Morph::entity_lemma`] of a surface without trailing spaces, computed.
    fn surface_lemma(&self, surface: &str) -> String {
        let last_start = surface
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace() || is_hyphen(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let (head, last) = surface.split_at(last_start);
        if !head.is_empty() && head.ends_with(is_hyphen) {
            let tail = fold_word(last);
            if self.is_suffix_chain(&tail) {
                let left = head.trim_end_matches(is_hyphen);
                if left.chars().next_back().is_some_and(|c| !c.is_whitespace()) {
                    return left.to_owned();
                }
            }
        }
        let mut out = String::with_capacity(surface.len());
        out.push_str(head);
        out.push_str(self.word_lemma(last));
        out
    }

    /// The lemma of one word: the longest lemma-strippable cut whose remainder is known,
    /// then the longest whose remainder peels further (inner slots only) to a known stem,
    /// else a conservative cut for unknown words (reference F.5), else the word itself.
    /// The cut depends only on the folded word, so it is remembered per thread.
    fn word_lemma<'s>(&self, surface: &'s str) -> &'s str {
        let folded = fold_word(surface);
        let cached = LEMMAS.with(|memo| memo.borrow().get(&folded).copied());
        let kept = match cached {
            Some(kept) => kept,
            None => {
                let kept = self.lemma_cut(&folded);
                LEMMAS.with(|memo| {
                    let mut memo = memo.borrow_mut();
                    if memo.len() >= MAX_CACHED_LEMMAS {
                        memo.clear();
                    }
                    memo.insert(folded, kept);
                });
                kept
            }
        };
        match kept {
            Kept::Whole => surface,
            Kept::Chars(chars) => surface_prefix(surface, chars),
        }
    }

    /// What [`Morph::word_lemma`] keeps of a folded word.
    fn lemma_cut(&self, folded: &str) -> Kept {
        if self.is_stop(folded) || self.known.contains(folded) {
            return Kept::Whole;
        }
        let list = analyses(&self.suffixes, folded, 0);
        let strippable = list.as_slice().iter().filter(|a| a.lemma_strippable);
        let known = strippable
            .clone()
            .find(|a| self.is_known(&folded[..a.kept]))
            .or_else(|| {
                strippable
                    .clone()
                    .find(|a| self.peels_to_known(&folded[..a.kept], a.next_slot()))
            });
        if let Some(a) = known {
            return Kept::Chars(folded[..a.kept].chars().count());
        }
        let fallback = strippable
            .filter(|a| {
                let rest = &folded[..a.kept];
                a.shortest_suffix >= MIN_UNKNOWN_SUFFIX
                    && rest.chars().count() >= MIN_UNKNOWN_STEM
                    && rest.chars().any(is_vowel)
            })
            .min_by_key(|a| a.kept);
        match fallback {
            Some(a) => Kept::Chars(folded[..a.kept].chars().count()),
            None => Kept::Whole,
        }
    }
}

/// What a word's lemma keeps of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kept {
    /// The whole surface.
    Whole,
    /// Its first folded chars ([`surface_prefix`]).
    Chars(usize),
}

/// Words whose lemma cut is remembered per thread (the memo is emptied when full).
const MAX_CACHED_LEMMAS: usize = 1 << 14;

thread_local! {
    /// Folded last words of entities and their lemma cut.
    static LEMMAS: RefCell<FastMap<String, Kept>> = RefCell::new(FastMap::default());
    /// Entity surfaces and their lemmas.
    static ENTITY_LEMMAS: RefCell<FastMap<String, String>> = RefCell::new(FastMap::default());
}

/// The prefix of `surface` holding its first `chars` folded chars (folding drops invisible
/// characters and maps one char to one char).
pub fn surface_prefix(surface: &str, chars: usize) -> &str {
    let mut seen = 0;
    for (i, c) in surface.char_indices() {
        if seen == chars {
            return &surface[..i];
        }
        if !is_invisible(c) {
            seen += 1;
        }
    }
    surface
}

/// The lemma of a common noun (a nationality, language or disease word) whose capital only
/// marks a sentence start: first letter lowered (`Инсульт` → `инсульт`, `Ағылшын тілі` →
/// `ағылшын тілі`). A word in capitals (`COVID-19`, `АИТВ`) is left as written.
pub fn common_noun_lemma(lemma: String) -> String {
    let mut chars = lemma.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            let rest = &lemma[first.len_utf8()..];
            first.to_lowercase().chain(rest.chars()).collect()
        }
        _ => lemma,
    }
}
