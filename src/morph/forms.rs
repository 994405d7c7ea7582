//! Per-text word forms: for a word of a [`Text`], computed on first use and only for the
//! words the rules ask about, what every lexicon probe needs: the stems
//! [`super::Morph::find_stem`] would try, in its order, each with its [`stem_hash`] and the
//! analysis that reached it, and whether the word has a case ending. A table probe for a
//! word that matches nothing is then a few bit tests ([`super::prefilter`]) instead of
//! decoding, hashing and peeling the word again for every table and every rule. The
//! [`StartKey`]s, which the rules walking every word read, are made by [`Text::new`] in its
//! word loop and only passed on here; the word's own hash is cheap enough to compute on each
//! call.
//! Beside the stems, each word's entry keeps [`WordNotes`]: answers of the name rules that
//! depend on the folded word alone, so rules asking about the same word share one lookup
//! per text, and the answers last as long as the word stays in the per-thread cache.

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

use super::gazetteer::WordNames;
use super::hash::stem_hash;
use super::lemma::MIN_UNKNOWN_STEM;
use super::peel::{for_each_repair, Analysis};
use super::prefilter::StartKey;
use super::suffixes::Slot;
use super::{common_prefix, memo, morph, MIN_LEXICON_STEM};
use crate::text::words::WordShape;
use crate::text::Text;

/// Shortest word (chars) that can lose a suffix and keep a stem of [`MIN_LEXICON_STEM`].
const MIN_PEELED_WORD: usize = MIN_LEXICON_STEM + 1;
/// Longest folded word (bytes) kept in the per-thread cache.
const MAX_CACHED: usize = 48;
/// Entries of the per-thread cache (a power of two).
const CACHE_SLOTS: usize = 1 << 14;

/// One candidate stem: a byte range of [`WordStems::arena`].
#[derive(Debug, Clone, Copy)]
struct Cand {
    hash: u64,
    start: u32,
    len: u32,
    analysis: Analysis,
}

/// The candidate stems of one folded word, shared by every text that contains the word.
#[derive(Debug)]
pub struct WordStems {
    /// The word itself, then the stems that are not its prefixes (exception and repaired
    /// stems).
    arena: String,
    /// The candidates, the whole word first.
    cands: Vec<Cand>,
    /// [`super::Morph::has_case_ending`] of the word.
    case_ending: bool,
    /// The name rules' answers about the word, filled on first use.
    notes: WordNotes,
}

/// Answers of the name rules about one folded word (they depend on it alone), each filled
/// by its rule on first use and then shared by every rule and text that asks again.
#[derive(Debug, Default)]
pub struct WordNotes {
    /// What the place gazetteer says about the word.
    pub place: OnceCell<WordNames>,
    /// The person rules' name facts about the word, packed by them.
    pub person: Cell<Option<u8>>,
}

thread_local! {
    /// Recently seen words and their stems, direct-mapped on the word's hash.
    static CACHE: RefCell<Vec<Option<Rc<WordStems>>>> =
        RefCell::new(vec![None; CACHE_SLOTS]);
}

/// The per-word slots of one text, filled one word at a time on first use (kept in
/// [`Text`]). Nothing is allocated until a rule asks about a word's stems.
#[derive(Debug, Default)]
pub struct Slots {
    words: OnceCell<Box<[OnceCell<Rc<WordStems>>]>>,
}

impl Slots {
    /// The stems of word `i` of `text` (whose slots these are), computed on first call.
    fn get(&self, text: &Text, i: usize) -> &WordStems {
        let words = self
            .words
            .get_or_init(|| vec![OnceCell::new(); text.words.len()].into_boxed_slice());
        words[i].get_or_init(|| lookup(text.norm(i), text.words[i].shape))
    }
}

/// The stems of a folded word, from the per-thread cache or computed (and cached).
fn lookup(word: &str, shape: WordShape) -> Rc<WordStems> {
    let hash = stem_hash(word.as_bytes());
    if word.len() > MAX_CACHED {
        return Rc::new(WordStems::new(word, hash, shape));
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let slot = &mut cache[(hash >> 40) as usize & (CACHE_SLOTS - 1)];
        match slot {
            Some(e) if e.cands[0].hash == hash && e.word() == word => Rc::clone(e),
            _ => {
                let e = Rc::new(WordStems::new(word, hash, shape));
                *slot = Some(Rc::clone(&e));
                e
            }
        }
    })
}

/// The word forms of one text (see the module doc), from [`Text::forms`]: a handle that
/// computes each word's data on first use.
#[derive(Debug, Clone, Copy)]
pub struct Forms<'a> {
    text: &'a Text<'a>,
    slots: &'a Slots,
}

/// A candidate stem of a word, in [`super::Morph::find_stem`] order.
#[derive(Debug, Clone, Copy)]
pub struct Stem<'a> {
    /// The folded stem.
    pub text: &'a str,
    /// Its [`stem_hash`].
    pub hash: u64,
    /// How the word was cut to reach it.
    pub analysis: Analysis,
}

impl<'a> Forms<'a> {
    /// The forms of `text`, kept in its `slots`.
    pub fn new(text: &'a Text<'a>, slots: &'a Slots) -> Self {
        Forms { text, slots }
    }

    /// The [`StartKey`] of word `i` ([`Text::start_key`]).
    #[inline]
    pub fn start_key(&self, i: usize) -> StartKey {
        self.text.start_key(i)
    }

    /// The [`StartKey`] of every word, in order ([`Text::start_keys`]): for the rules that
    /// gate every word on its start.
    #[inline]
    pub fn start_keys(&self) -> &'a [StartKey] {
        self.text.start_keys()
    }

    /// The [`stem_hash`] of word `i`'s folded form.
    #[inline]
    pub fn word_hash(&self, i: usize) -> u64 {
        stem_hash(self.text.norm(i).as_bytes())
    }

    /// The [`WordNotes`] of word `i`.
    #[inline]
    pub fn notes(&self, i: usize) -> &'a WordNotes {
        &self.slots.get(self.text, i).notes
    }

    /// [`super::Morph::has_case_ending`] of word `i`.
    #[inline]
    pub fn has_case_ending(&self, i: usize) -> bool {
        self.slots.get(self.text, i).case_ending
    }

    /// The candidate stems of word `i`, the whole word first, in
    /// [`super::Morph::find_stem`] order.
    pub fn stems(&self, i: usize) -> impl Iterator<Item = Stem<'a>> {
        let w: &'a WordStems = self.slots.get(self.text, i);
        w.cands.iter().map(move |c| Stem {
            text: w.text_of(c),
            hash: c.hash,
            analysis: c.analysis,
        })
    }
}

impl WordStems {
    /// The candidates of one folded word (of `hash`), exactly those `find_stem` tries,
    /// each once: the word, its exception stem, then each peeled stem of at least
    /// [`MIN_LEXICON_STEM`] chars (longest first) followed by its repairs. A stem tried
    /// earlier is not repeated (a lookup that missed once misses again).
    fn new(word: &str, hash: u64, shape: WordShape) -> Self {
        let m = morph();
        let mut w = WordStems {
            arena: word.to_owned(),
            cands: vec![Cand {
                hash,
                start: 0,
                len: word.len() as u32,
                analysis: Analysis::whole(word),
            }],
            case_ending: false,
            notes: WordNotes::default(),
        };
        let special = if m.special_filter.may_contain(hash) {
            m.special.get(word)
        } else {
            None
        };
        if matches!(special, Some(None)) {
            return w;
        }
        if let Some(Some(stem)) = special {
            let analysis = Analysis {
                kept: common_prefix(word, stem),
                ..Analysis::whole(word)
            };
            w.push_extra(stem, analysis);
        }
        if shape == WordShape::Digits || word.chars().nth(MIN_PEELED_WORD - 1).is_none() {
            return w;
        }
        let mut buf = String::new();
        for a in memo::cached_analyses(&m.suffixes, word, 0).as_slice() {
            let stem = &word[..a.kept];
            let mut chars = stem.chars();
            if chars.nth(MIN_LEXICON_STEM - 1).is_none() {
                continue;
            }
            if (a.stripped(Slot::Case) || a.stripped(Slot::Attr))
                && chars.nth(MIN_UNKNOWN_STEM - MIN_LEXICON_STEM - 1).is_some()
            {
                w.case_ending = true;
            }
            w.push_prefix(a.kept, *a);
            if a.vowel_boundary {
                for_each_repair(stem, &mut buf, |s| {
                    w.push_extra(s, *a);
                    false
                });
            }
        }
        w
    }

    /// The folded word.
    fn word(&self) -> &str {
        &self.arena[..self.cands[0].len as usize]
    }

    fn text_of(&self, c: &Cand) -> &str {
        &self.arena[c.start as usize..(c.start + c.len) as usize]
    }

    /// True when `stem` (of this hash) is already a candidate.
    fn seen(&self, stem: &str, hash: u64) -> bool {
        self.cands
            .iter()
            .any(|c| c.hash == hash && self.text_of(c) == stem)
    }

    /// Adds the prefix of `kept` bytes of the word.
    fn push_prefix(&mut self, kept: usize, analysis: Analysis) {
        let hash = stem_hash(&self.arena.as_bytes()[..kept]);
        if !self.seen(&self.arena[..kept], hash) {
            self.cands.push(Cand {
                hash,
                start: 0,
                len: kept as u32,
                analysis,
            });
        }
    }

    /// Adds a stem that is not a prefix of the word.
    fn push_extra(&mut self, stem: &str, analysis: Analysis) {
        let hash = stem_hash(stem.as_bytes());
        if !self.seen(stem, hash) {
            let start = self.arena.len() as u32;
            self.arena.push_str(stem);
            self.cands.push(Cand {
                hash,
                start,
                len: stem.len() as u32,
                analysis,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::morph::table;

    /// The cached stems are exactly the distinct lookups `find_stem` makes, in its order.
    #[test]
    fn stems_follow_find_stem() {
        let text = Text::new(
            "Министрлігінде Түркістаннан облыстарында аулында Бүгінгі мектептегі \
             Алматыдан сотқа 2025 жылы АҚШ-тың Ерлан Жақыповқа",
        );
        let m = morph();
        for i in 0..text.words.len() {
            let mut want: Vec<String> = Vec::new();
            m.find_stem(text.norm(i), |s| {
                if !want.iter().any(|w| w == s) {
                    want.push(s.to_owned());
                }
                None::<()>
            });
            let got: Vec<&str> = text.stems(i).map(|s| s.text).collect();
            assert_eq!(got, want, "word {}", text.norm(i));
            for s in text.stems(i) {
                assert_eq!(s.hash, stem_hash(s.text.as_bytes()));
                let hit = m.find_stem(text.norm(i), |t| (t == s.text).then_some(()));
                assert_eq!(hit.map(|(_, a)| a), Some(s.analysis), "{}", s.text);
            }
            assert_eq!(
                text.forms().has_case_ending(i),
                m.has_case_ending(text.norm(i)),
                "{}",
                text.norm(i)
            );
            assert_eq!(text.start_key(i), StartKey::of(text.norm(i)));
        }
    }

    /// On every word of the stem tables, the cached case-ending flag and stems agree.
    #[test]
    fn stem_table_words_agree() {
        let rows = table::rows("stems.tsv", include_str!("cases/stems.tsv"), 2);
        let joined: Vec<&str> = rows.iter().map(|r| r.col(0)).collect();
        let joined = joined.join(" ");
        let text = Text::new(&joined);
        let m = morph();
        for i in 0..text.words.len() {
            let mut want = Vec::new();
            m.find_stem(text.norm(i), |s| {
                if !want.iter().any(|w: &String| w == s) {
                    want.push(s.to_owned());
                }
                None::<()>
            });
            let got: Vec<&str> = text.stems(i).map(|s| s.text).collect();
            assert_eq!(got, want, "word {}", text.norm(i));
            assert_eq!(
                text.forms().has_case_ending(i),
                m.has_case_ending(text.norm(i))
            );
        }
    }
}
