//! NORP (nationalities, religions, political groups, clans, residents of a place) and
//! LANGUAGE. Words are matched on stems in any letter case; a resident adjective is a place
//! plus `-лық/-лік/-дық/-дік/-тық/-тік` (`алматылық`, `шығысқазақстандық`). A language
//! adjective is LANGUAGE before `тілі` (inside the span when singular: `қазақ тілінде`), in a
//! coordination before a plural (`орыс және ағылшын тілдерінде`), before `қарпі`, and as a
//! `-ша/-ше` adverb (`қазақша`).

use crate::morph::hash::{FastMap, FastSet};
use crate::morph::prefilter::{StartKey, StemFilter};
use crate::morph::word_cache::WordCache;
use std::cell::RefCell;

use crate::mention::{Entity, Label};
use crate::morph::suffixes::Slot;
use crate::morph::{common_noun_lemma, morph, surface_prefix, table};
use crate::text::fold::fold_word;
use crate::text::words::WordShape;
use crate::text::Text;
use crate::trace::Trace;

use super::place::{place_names, KeyStarts, Place, WordStart, CONJUNCTIONS};
use crate::morph::gazetteer::Gazetteer;
use crate::text::bytes::load_le;

const NORP: &str = "src/entities/data/norp.tsv";
const LANGUAGES: &str = "src/entities/data/languages.tsv";
const HEADS: &str = "src/entities/data/language_heads.tsv";
const SUFFIXES: &str = "src/entities/data/norp_suffixes.tsv";

/// A resident adjective's place has at least this many chars (`сыр` + `тық` is "outer").
const MIN_RESIDENT_PLACE: usize = 4;
/// A NORP or language word shorter than this must stand uninflected.
const MIN_INFLECTED_STEM: usize = 4;

/// The rules of this class, built once.
pub struct NorpRules {
    norp: FastSet<String>,
    languages: FastSet<String>,
    heads: FastMap<String, bool>,
    resident_suffixes: Vec<String>,
    compass: Vec<String>,
    adverb_suffixes: Vec<String>,
    /// Starts of every listed NORP or LANGUAGE word: a word starting otherwise is skipped
    /// after a few byte tests.
    listed_starts: KeyStarts,
    /// First three letters of every compass word and of every place long enough to take a
    /// resident suffix: only words starting so are tried as resident adjectives
    /// (`алматылық`).
    resident_starts: KeyStarts,
    /// [`KeyStarts::union`] of `listed_starts` and `resident_starts`: most words fail it, and
    /// then skip the two separate probes.
    any_starts: KeyStarts,
    /// The listed NORP and LANGUAGE words, by stem hash: most stems are rejected without
    /// hashing their text.
    listed_keys: StemFilter,
    /// Second bytes of the resident suffixes: where a scan for them may find one.
    suffix_marks: [bool; 256],
    /// Fourth bytes of the resident suffixes (all have four or more): the same at the next
    /// char.
    suffix_fourths: [bool; 256],
    /// The resident suffixes packed as numbers with their byte masks (all are ≤ 8 bytes).
    packed_suffixes: Vec<(u64, u64)>,
    /// Last bytes of the resident suffixes: a stem ending otherwise is no resident adjective.
    suffix_ends: [bool; 256],
    /// Bytes of the shortest resident adjective stem: a shorter word holds none.
    min_resident_bytes: usize,
}

/// The one-word places a resident adjective may be made of (see [`NorpRules::is_resident`]).
fn resident_places(places: &Gazetteer<Place>) -> impl Iterator<Item = &str> {
    places.single_words().filter(|&w| {
        w.chars().count() >= MIN_RESIDENT_PLACE
            && places
                .exact_word_values(w)
                .is_some_and(|v| v.iter().any(|p| p.stands_alone()))
    })
}

/// NORP and LANGUAGE words are common nouns in Kazakh (`қазақ`, `алматылық`, `ағылшын
/// тілі`): a capital that only marks a sentence start is lowered in the lemma; a capital
/// mid-sentence is kept as written.
fn common_noun_lemma_at(text: &Text, i: usize, lemma: String) -> String {
    if text.words[i].sentence_start {
        common_noun_lemma(lemma)
    } else {
        lemma
    }
}

/// What a word is, as far as this class goes.
#[derive(Clone, Copy)]
struct Found {
    /// Folded chars of the lemma (a prefix of the word).
    lemma_chars: usize,
    /// Its class when no language noun follows.
    label: Label,
    /// A language adjective, which may head `қазақ тілі`.
    language_adjective: bool,
    rule: &'static str,
    /// The word names a place standing alone (`Қытай`): capitalized mid-sentence, it is
    /// the place, not its people.
    place_word: bool,
}

/// Entries of the per-thread memo of [`NorpRules::classify_word`] (a power of two).
const MEMO_SLOTS: usize = 1 << 12;

thread_local! {
    /// What the folded words that passed the start gates are ([`NorpRules::classify_word`]):
    /// a tenth of the words pass, and they recur.
    static MEMO: RefCell<WordCache<Option<Found>>> = RefCell::new(WordCache::new(MEMO_SLOTS));
}

impl NorpRules {
    /// Loads tables and compiles patterns.
    pub fn new() -> Self {
        let words = |file: &'static str, text: &str| -> FastSet<String> {
            table::rows(file, text, 1)
                .into_iter()
                .map(|r| fold_word(r.col(0)))
                .collect()
        };
        let heads = table::rows(HEADS, include_str!("data/language_heads.tsv"), 2)
            .into_iter()
            .map(|r| {
                let inside = match r.col(1) {
                    "in" => true,
                    "out" => false,
                    other => panic!("{HEADS}:{}: expected in or out, got {other:?}", r.line),
                };
                (fold_word(r.col(0)), inside)
            })
            .collect();
        let (mut resident_suffixes, mut compass, mut adverb_suffixes) =
            (Vec::new(), Vec::new(), Vec::new());
        for r in table::rows(SUFFIXES, include_str!("data/norp_suffixes.tsv"), 2) {
            let list = match r.col(0) {
                "suffix" => &mut resident_suffixes,
                "compass" => &mut compass,
                "language" => &mut adverb_suffixes,
                other => panic!("{SUFFIXES}:{}: unknown kind {other:?}", r.line),
            };
            list.push(fold_word(r.col(1)));
        }
        let norp = words(NORP, include_str!("data/norp.tsv"));
        let languages = words(LANGUAGES, include_str!("data/languages.tsv"));
        let listed_starts = KeyStarts::of(norp.iter().chain(&languages).map(String::as_str));
        // A resident adjective's stem is a compass word or a resident place, and a suffix:
        // five letters or more.
        let shortest = |words: &mut dyn Iterator<Item = &str>| words.map(str::len).min();
        let min_resident_bytes = shortest(&mut resident_places(place_names())).unwrap_or(0)
            + shortest(&mut resident_suffixes.iter().map(String::as_str)).unwrap_or(0);
        let mut resident_starts = compass.iter().map(String::as_str).collect::<Vec<_>>();
        resident_starts.extend(resident_places(place_names()));
        let resident_starts = KeyStarts::of_long_stem_starts(resident_starts);
        let any_starts = listed_starts.union(&resident_starts);
        let mut listed_keys = StemFilter::default();
        for word in norp.iter().chain(&languages) {
            listed_keys.add_key(word);
        }
        let (mut suffix_marks, mut suffix_ends) = ([false; 256], [false; 256]);
        let mut suffix_fourths = [false; 256];
        let mut packed_suffixes = Vec::new();
        for suffix in &resident_suffixes {
            let bytes = suffix.as_bytes();
            assert!(
                (4..=8).contains(&bytes.len()),
                "{SUFFIXES}: resident suffix {suffix:?} must have 4 to 8 bytes"
            );
            suffix_marks[usize::from(bytes[1])] = true;
            suffix_fourths[usize::from(bytes[3])] = true;
            suffix_ends[usize::from(bytes[bytes.len() - 1])] = true;
            packed_suffixes.push((load_le(bytes), u64::MAX >> (64 - 8 * bytes.len())));
        }
        NorpRules {
            norp,
            languages,
            heads,
            resident_suffixes,
            compass,
            adverb_suffixes,
            listed_starts,
            resident_starts,
            any_starts,
            listed_keys,
            suffix_marks,
            suffix_fourths,
            packed_suffixes,
            suffix_ends,
            min_resident_bytes,
        }
    }

    /// True when a folded word contains a resident suffix anywhere (`алматылықтар`): the
    /// suffixes are only compared where the next byte is the second byte of one and the
    /// fourth the fourth. Every byte
    /// is tried without walking the chars: a suffix starts with a char's first byte, which
    /// no other byte equals, so a match is always at a char start.
    fn contains_resident_suffix(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        bytes.windows(4).enumerate().any(|(start, four)| {
            self.suffix_marks[usize::from(four[1])]
                && self.suffix_fourths[usize::from(four[3])]
                && {
                    let window = load_le(&bytes[start..]);
                    self.packed_suffixes
                        .iter()
                        .any(|&(suffix, mask)| window & mask == suffix)
                }
        })
    }

    /// True when a folded stem is a place plus a resident suffix (`алматылық`).
    #[inline]
    fn is_resident(&self, stem: &str) -> bool {
        let last = stem.as_bytes().last().copied().unwrap_or(0);
        self.suffix_ends[usize::from(last)] && self.is_resident_place(stem)
    }

    /// [`NorpRules::is_resident`] past its last-letter test.
    fn is_resident_place(&self, stem: &str) -> bool {
        self.resident_suffixes.iter().any(|suffix| {
            stem.strip_suffix(suffix.as_str()).is_some_and(|place| {
                let place = self
                    .compass
                    .iter()
                    .find_map(|c| place.strip_prefix(c.as_str()).filter(|p| !p.is_empty()))
                    .unwrap_or(place);
                place.chars().count() >= MIN_RESIDENT_PLACE
                    && place_names()
                        .exact_word_values(place)
                        .is_some_and(|v| v.iter().any(|p| p.stands_alone()))
            })
        })
    }

    /// True when a folded word names a place that stands without a place noun.
    fn is_place_word(&self, folded: &str) -> bool {
        place_names()
            .word_values(folded)
            .is_some_and(|v| v.iter().any(|p| p.stands_alone()))
    }

    /// A `-ша/-ше` adverb of a language (`ағылшынша`).
    fn is_language_adverb(&self, word: &str) -> bool {
        let last = word.as_bytes().last();
        self.adverb_suffixes.iter().any(|s| {
            s.as_bytes().last() == last
                && word
                    .strip_suffix(s.as_str())
                    .is_some_and(|stem| self.languages.contains(stem))
        })
    }

    /// True when a word starting with `key` may be a listed word (or its `-ша` adverb) or a
    /// resident adjective: most words fail this combined start gate.
    #[inline]
    fn may_start(&self, key: StartKey) -> bool {
        self.any_starts.may_reach(WordStart::of_key(key))
    }

    /// What word `i` is, if anything, once it passed [`NorpRules::may_start`]. Most words
    /// stop at the start gates: a listed word (or its `-ша` adverb) starts like one, a
    /// resident adjective like a place or compass word. The rest depends on the folded word
    /// alone, so it is kept in the per-thread `memo` (words recur), apart from the place
    /// test of a capitalized word mid-sentence.
    fn classify(
        &self,
        text: &Text,
        i: usize,
        key: StartKey,
        memo: &mut WordCache<Option<Found>>,
    ) -> Option<Found> {
        // Digits have no stem but themselves, and every listed word has letters.
        if text.words[i].shape == WordShape::Digits {
            return None;
        }
        let start = WordStart::of_key(key);
        let word = text.norm(i);
        let listed = self.listed_starts.may_reach(start);
        // No candidate stem is longer than its word (a test in `place.rs` checks it).
        let resident =
            word.len() >= self.min_resident_bytes && self.resident_starts.may_reach(start);
        // Only a word starting like a listed word is peeled for a resident adjective without
        // its suffix in sight (`алматылығы` → `алматылық`).
        if !(listed || resident && self.contains_resident_suffix(word)) {
            return None;
        }
        // Words under three letters are never NORP or LANGUAGE words.
        word.chars().nth(2)?;
        let make = || self.classify_word(text, i, listed, resident);
        let found = match memo.get_or_insert_with(word.as_bytes(), 0, make) {
            Some(found) => *found,
            None => make(),
        }?;
        // A capitalized place name mid-sentence is the place (`Қытай`), not its people.
        let w = &text.words[i];
        if found.place_word && w.capitalized && !w.sentence_start {
            return None;
        }
        Some(found)
    }

    /// [`NorpRules::classify`] of a word that passed the start gates (`listed`, `resident`):
    /// what its folded form alone says.
    fn classify_word(&self, text: &Text, i: usize, listed: bool, resident: bool) -> Option<Found> {
        let word = text.norm(i);
        if listed && self.is_language_adverb(word) {
            return Some(Found {
                lemma_chars: word.chars().count(),
                label: Label::Language,
                language_adjective: false,
                rule: "language/adverb",
                place_word: false,
            });
        }
        let ((label, language_adjective, rule), analysis) = text.stems(i).find_map(|s| {
            let listed = listed && self.listed_keys.may_contain(s.hash);
            let language = listed && self.languages.contains(s.text);
            let found = if listed && self.norp.contains(s.text) {
                Some((Label::Norp, language, "norp/word"))
            } else if resident && self.is_resident(s.text) {
                Some((Label::Norp, false, "norp/resident"))
            } else {
                language.then_some((Label::Language, true, "language/word"))
            };
            found.map(|f| (f, s.analysis))
        })?;
        // Short stems are common words in disguise (`сақта`, `уағына`): whole words only,
        // and no possessive cut for any (`шешенің` is "mother's").
        let stem_chars = word[..analysis.kept].chars().count();
        if analysis.stripped(Slot::Possessive)
            || (stem_chars < MIN_INFLECTED_STEM && analysis.kept < word.len())
        {
            return None;
        }
        Some(Found {
            lemma_chars: stem_chars,
            label,
            language_adjective,
            rule,
            place_word: self.is_place_word(word),
        })
    }

    /// The language noun at word `i` (`тілі`, `қарпіне`): inside the span, and plural.
    fn head_at(&self, text: &Text, i: usize) -> Option<(bool, bool)> {
        if i >= text.words.len() || !text.gap_after(i - 1).chars().all(char::is_whitespace) {
            return None;
        }
        let (&inside, analysis) = morph().find_stem(text.norm(i), |s| self.heads.get(s))?;
        Some((inside, analysis.stripped(Slot::Plural)))
    }

    /// Appends candidates found in `text` to `out`. Kept out of line so that profiles show
    /// the stage under its own name.
    #[inline(never)]
    pub fn find(&self, text: &Text, out: &mut Vec<Entity>, trace: &mut Trace) {
        MEMO.with(|memo| self.find_with(text, &mut memo.borrow_mut(), out, trace));
    }

    /// [`NorpRules::find`] with the per-thread memo.
    fn find_with(
        &self,
        text: &Text,
        memo: &mut WordCache<Option<Found>>,
        out: &mut Vec<Entity>,
        trace: &mut Trace,
    ) {
        let keys = text.forms().start_keys();
        let mut i = 0;
        // Only the words passing the start gate are looked at (one tight pass over the keys).
        while let Some(skip) = keys[i..].iter().position(|&key| self.may_start(key)) {
            i += skip;
            let Some(found) = self.classify(text, i, keys[i], memo) else {
                i += 1;
                continue;
            };
            if found.language_adjective {
                if let Some(next) = self.language_phrase(text, i, out, trace) {
                    i = next;
                    continue;
                }
            }
            let span = text.words[i].span;
            let lemma = common_noun_lemma_at(
                text,
                i,
                surface_prefix(text.surface(i), found.lemma_chars).to_owned(),
            );
            super::emit(out, trace, found.label, span, lemma, found.rule);
            i += 1;
        }
    }

    /// Language adjectives starting at word `i`, coordinated or not, before a language noun.
    /// Pushes them and returns the next word to look at, or `None` when no noun follows.
    fn language_phrase(
        &self,
        text: &Text,
        i: usize,
        out: &mut Vec<Entity>,
        trace: &mut Trace,
    ) -> Option<usize> {
        let n = text.words.len();
        let mut adjectives = vec![i];
        let mut k = i + 1;
        loop {
            if k >= n {
                return None;
            }
            if let Some((inside, plural)) = self.head_at(text, k) {
                let whole = adjectives.len() == 1 && inside && !plural;
                for &a in &adjectives {
                    let last = if whole { k } else { a };
                    let span = text.span_of(a, last);
                    let rule = if whole {
                        "language/adjective-noun"
                    } else {
                        "language/adjective"
                    };
                    let lemma = common_noun_lemma_at(
                        text,
                        a,
                        if whole {
                            crate::morph::entity_lemma(span.slice(text.text))
                        } else {
                            text.surface(a).to_owned()
                        },
                    );
                    super::emit(out, trace, Label::Language, span, lemma, rule);
                }
                return Some(if whole { k + 1 } else { k });
            }
            let joined = CONJUNCTIONS.contains(&text.norm(k))
                || text.gap_after(k - 1).trim_start().starts_with(',');
            let next = if CONJUNCTIONS.contains(&text.norm(k)) {
                k + 1
            } else {
                k
            };
            if !joined || next >= n || !self.languages.contains(text.norm(next)) {
                return None;
            }
            adjectives.push(next);
            k = next + 1;
        }
    }
}

impl Default for NorpRules {
    fn default() -> Self {
        NorpRules::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::morph::hash::stem_hash;

    #[test]
    fn resident_suffix_scan_matches_a_plain_search() {
        let rules = NorpRules::new();
        for word in [
            "алматылық",
            "алматылықтар",
            "шығысқазақстандық",
            "петропавлдық",
            "түркістандіктер",
            "алматы",
            "лық",
            "ық",
            "тікелей",
            "abc",
            "",
        ] {
            let plain = rules
                .resident_suffixes
                .iter()
                .any(|s| word.contains(s.as_str()));
            assert_eq!(rules.contains_resident_suffix(word), plain, "{word}");
        }
    }

    #[test]
    fn every_listed_word_and_resident_adjective_passes_the_start_gates() {
        let rules = NorpRules::new();
        for word in rules.norp.iter().chain(&rules.languages) {
            for form in [word.clone(), format!("{word}тар"), format!("{word}ша")] {
                assert!(rules.listed_starts.may_reach_word(&form), "{form}");
                assert!(rules.any_starts.may_reach_word(&form), "{form}");
            }
            assert!(rules.listed_keys.may_contain(stem_hash(word.as_bytes())));
        }
        let compass = rules.compass.iter().map(String::as_str);
        for word in compass.chain(resident_places(place_names())) {
            for suffix in &rules.resident_suffixes {
                let form = format!("{word}{suffix}");
                assert!(rules.resident_starts.may_reach_word(&form), "{form}");
                assert!(rules.any_starts.may_reach_word(&form), "{form}");
                assert!(rules.contains_resident_suffix(&form), "{form}");
                assert!(form.len() >= rules.min_resident_bytes, "{form}");
            }
        }
    }

    #[test]
    fn listed_starts_pass_every_reaching_word() {
        let rules = NorpRules::new();
        let keys: Vec<&str> = rules
            .norp
            .iter()
            .chain(&rules.languages)
            .map(String::as_str)
            .collect();
        super::super::place::tests::assert_starts_pass_every_reaching_word(
            &rules.listed_starts,
            &keys,
        );
        super::super::place::tests::assert_starts_pass_every_reaching_word(
            &rules.any_starts,
            &keys,
        );
        assert!(rules.listed_starts.may_reach_word("орысша"));
        assert!(!rules.listed_starts.may_reach_word("сала"));
    }

    #[test]
    fn classifies_listed_words_residents_and_adverbs() {
        let rules = NorpRules::new();
        let text = Text::new("қазақтар алматылықтар ағылшынша үй шығысқазақстандық");
        let rules_of: Vec<_> = (0..text.words.len())
            .map(|i| {
                let mut memo = WordCache::new(2);
                let key = text.start_key(i);
                let found = rules
                    .may_start(key)
                    .then(|| rules.classify(&text, i, key, &mut memo));
                found.flatten().map(|f| f.rule)
            })
            .collect();
        assert_eq!(
            rules_of,
            [
                Some("norp/word"),
                Some("norp/resident"),
                Some("language/adverb"),
                None,
                Some("norp/resident"),
            ]
        );
    }
}
