//! Kazakh noun morphology: suffix stripping driven by tables (plural, possessive, case,
//! -дағы/-дегі) with vowel harmony and consonant assimilation, a minimum stem length and an
//! exception list. Gazetteers and markers match on the stems it proposes; `lemma` comes from it.
//!
//! Lexicon first (reference F.5): a word found whole in a lexicon is never cut, so
//! `Түркістан` stays whole although `-тан` is a valid ablative. Matchers call
//! [`Morph::find_stem`] with their own table; [`entity_lemma`] consults the words of the
//! bundled gazetteers and `data/lexicon.tsv`.

pub mod forms;
pub mod gazetteer;
pub mod hash;
mod lemma;
mod memo;
pub use lemma::{common_noun_lemma, surface_prefix};
pub mod peel;
pub mod prefilter;
pub mod suffixes;
pub mod table;
pub mod word_cache;

use hash::{stem_hash, FastMap, FastSet};
use prefilter::StemFilter;
use std::borrow::Cow;
use std::sync::LazyLock;

use crate::text::fold::fold_word;
use crate::text::Text;
use peel::for_each_repair;
pub use peel::Analysis;
use suffixes::SuffixTable;

/// A lexicon stem must have at least this many chars.
pub const MIN_LEXICON_STEM: usize = 3;

/// Tables whose first column holds names: each word of each name is a known stem.
const GAZETTEERS: [(&str, &str); 5] = [
    (
        "src/morph/data/lexicon.tsv",
        include_str!("data/lexicon.tsv"),
    ),
    (
        "src/entities/data/places.tsv",
        include_str!("../entities/data/places.tsv"),
    ),
    (
        "src/entities/data/countries.tsv",
        include_str!("../entities/data/countries.tsv"),
    ),
    (
        "src/entities/data/locations.tsv",
        include_str!("../entities/data/locations.tsv"),
    ),
    (
        "src/entities/data/first_names.tsv",
        include_str!("../entities/data/first_names.tsv"),
    ),
];

/// The morphology tables, parsed once.
pub struct Morph {
    suffixes: SuffixTable,
    /// Stop-listed words (`None`) and exception forms with their stem.
    special: FastMap<String, Option<String>>,
    /// The keys of `special`, to skip its probe for most words.
    special_filter: StemFilter,
    known: FastSet<String>,
    known_endings: Vec<String>,
}

static MORPH: LazyLock<Morph> = LazyLock::new(Morph::load);

/// The shared morphology (tables parsed on first use).
pub fn morph() -> &'static Morph {
    &MORPH
}

impl Morph {
    fn load() -> Self {
        let words = |file: &'static str, text: &str| -> Vec<String> {
            table::rows(file, text, 1)
                .into_iter()
                .map(|r| fold_word(r.col(0)))
                .collect()
        };
        let stop = words(
            "src/morph/data/stoplist.tsv",
            include_str!("data/stoplist.tsv"),
        );
        let exceptions = table::rows(
            "src/morph/data/exceptions.tsv",
            include_str!("data/exceptions.tsv"),
            2,
        );
        let special: FastMap<String, Option<String>> = stop
            .into_iter()
            .map(|w| (w, None))
            .chain(
                exceptions
                    .into_iter()
                    .map(|r| (fold_word(r.col(0)), Some(fold_word(r.col(1))))),
            )
            .collect();
        let mut special_filter = StemFilter::default();
        for key in special.keys() {
            special_filter.add(stem_hash(key.as_bytes()));
        }
        let mut known = FastSet::default();
        for (file, text) in GAZETTEERS {
            for row in table::rows(file, text, 1) {
                for word in row.col(0).split(|c: char| c.is_whitespace() || c == '-') {
                    if !word.is_empty() {
                        known.insert(fold_word(word));
                    }
                }
            }
        }
        let known_endings = words(
            "src/entities/data/surname_endings.tsv",
            include_str!("../entities/data/surname_endings.tsv"),
        );
        Morph {
            suffixes: SuffixTable::load(),
            special,
            special_filter,
            known,
            known_endings,
        }
    }

    /// The exception forms (whole folded words) with the stems [`Morph::find_stem`] gives
    /// them.
    pub fn exceptions(&self) -> impl Iterator<Item = (&str, &str)> {
        self.special
            .iter()
            .filter_map(|(form, stem)| Some((form.as_str(), stem.as_deref()?)))
    }

    /// True for a word on the stop list (never stripped).
    pub fn is_stop(&self, word: &str) -> bool {
        matches!(self.special.get(word), Some(None))
    }

    /// True when a folded `word` is made only of suffixes (`тың` in `АҚШ-тың`).
    pub fn is_suffix_chain(&self, word: &str) -> bool {
        self.suffixes.is_suffix_chain(word)
    }

    /// Looks up a folded lowercase `word` lexicon-first: the word itself, its exception
    /// stem, then each peeled stem (longest first) and its repairs, until `lookup` answers.
    /// Stems shorter than [`MIN_LEXICON_STEM`] chars are not tried.
    pub fn find_stem<T>(
        &self,
        word: &str,
        lookup: impl FnMut(&str) -> Option<T>,
    ) -> Option<(T, Analysis)> {
        self.find_stem_from(word, 0, lookup)
    }

    /// [`Morph::find_stem`] peeling only the slots from index `first_slot` of
    /// [`suffixes::Slot::ALL`] inward (after a case ending was cut, only possessive and
    /// plural may follow).
    pub fn find_stem_from<T>(
        &self,
        word: &str,
        first_slot: usize,
        mut lookup: impl FnMut(&str) -> Option<T>,
    ) -> Option<(T, Analysis)> {
        if let Some(v) = lookup(word) {
            return Some((v, Analysis::whole(word)));
        }
        match self.special.get(word) {
            Some(None) => return None,
            Some(Some(stem)) => {
                if let Some(v) = lookup(stem) {
                    let kept = common_prefix(word, stem);
                    let analysis = Analysis {
                        kept,
                        ..Analysis::whole(word)
                    };
                    return Some((v, analysis));
                }
            }
            None => {}
        }
        let mut buf = String::new();
        for a in memo::cached_analyses(&self.suffixes, word, first_slot).as_slice() {
            let stem = &word[..a.kept];
            if stem.chars().nth(MIN_LEXICON_STEM - 1).is_none() {
                continue;
            }
            if let Some(v) = lookup(stem) {
                return Some((v, *a));
            }
            if a.vowel_boundary {
                let mut found = None;
                for_each_repair(stem, &mut buf, |s| {
                    found = lookup(s);
                    found.is_some()
                });
                if let Some(v) = found {
                    return Some((v, *a));
                }
            }
        }
        None
    }

    /// [`Morph::find_stem`] on word `i` of `text`, through the text's cached candidate stems
    /// ([`crate::text::Text::stems`]): no peeling or memo probe per call.
    pub fn find_stem_at<T>(
        &self,
        text: &Text,
        i: usize,
        mut lookup: impl FnMut(&str) -> Option<T>,
    ) -> Option<(T, Analysis)> {
        text.stems(i)
            .find_map(|s| lookup(s.text).map(|v| (v, s.analysis)))
    }

    /// All candidate stems of a folded word, in the order [`Morph::find_stem`] tries them:
    /// itself first, then the exception stem, then peeled stems longest first, each
    /// followed by its repairs. No duplicates.
    pub fn candidate_stems(&self, word: &str) -> Vec<Cow<'static, str>> {
        let mut out: Vec<Cow<'static, str>> = Vec::new();
        self.find_stem(word, |s| {
            if !out.iter().any(|o| o == s) {
                out.push(Cow::Owned(s.to_owned()));
            }
            None::<()>
        });
        out
    }

    /// True when a folded word visibly carries a case or attributive ending on a stem of at
    /// least four letters (`Алматыдан`, `Бүгінгі`); names like `Арайлым` do not.
    pub fn has_case_ending(&self, word: &str) -> bool {
        !self.is_stop(word)
            && memo::cached_analyses(&self.suffixes, word, 0)
                .as_slice()
                .iter()
                .any(|a| {
                    (a.stripped(suffixes::Slot::Case) || a.stripped(suffixes::Slot::Attr))
                        && word[..a.kept].chars().count() >= lemma::MIN_UNKNOWN_STEM
                })
    }

    /// [`Morph::has_case_ending`] of word `i` of `text` (computed once per text).
    pub fn has_case_ending_at(&self, text: &Text, i: usize) -> bool {
        text.forms().has_case_ending(i)
    }

    /// True when a folded stem is itself known: in a bundled lexicon, or ending in a
    /// surname ending after at least two more letters.
    pub fn is_known(&self, stem: &str) -> bool {
        self.known.contains(stem)
            || self
                .known_endings
                .iter()
                .any(|e| stem.len() > e.len() + 2 && stem.ends_with(e.as_str()))
    }

    /// True when a folded stem peels, from slot index `first_slot` inward, to a known
    /// stem (`облысы` → `облыс`).
    pub fn peels_to_known(&self, stem: &str, first_slot: usize) -> bool {
        self.find_stem_from(stem, first_slot, |s| self.is_known(s).then_some(()))
            .is_some()
    }
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i)
}

/// Candidate stems of a folded lowercase word, the word itself first, then shorter stems
/// obtained by peeling suffix chains, with stem repairs. Matchers look each up in their
/// lexicon; hot paths should prefer [`Morph::find_stem`], which allocates nothing on a hit.
pub fn candidate_stems(word: &str) -> Vec<Cow<'_, str>> {
    morph().candidate_stems(word)
}

/// The canonical form of an entity's surface: only the last word inflects, so its case and
/// attributive endings are stripped (a descriptor head keeps its possessive), case preserved.
pub fn entity_lemma(surface: &str) -> String {
    morph().entity_lemma(surface)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::fold_word;

    /// Known misses (a stem under the unknown-word minimum, `сотқа`) are listed, not hidden.
    const MIN_LEMMA_ACCURACY: f64 = 0.99;

    #[test]
    fn lemma_table() {
        let rows = table::rows("lemmas.tsv", include_str!("cases/lemmas.tsv"), 2);
        let mut failures = Vec::new();
        for row in &rows {
            let got = entity_lemma(row.col(0));
            if got != row.col(1) {
                failures.push(format!(
                    "  line {}: {:?} → {:?}, expected {:?}",
                    row.line,
                    row.col(0),
                    got,
                    row.col(1)
                ));
            }
        }
        let accuracy = 1.0 - failures.len() as f64 / rows.len() as f64;
        let report = format!(
            "lemma accuracy {accuracy:.3} on {} rows; {} wrong:\n{}",
            rows.len(),
            failures.len(),
            failures.join("\n")
        );
        println!("{report}");
        assert!(rows.len() >= 300, "the lemma table needs at least 300 rows");
        assert!(accuracy >= MIN_LEMMA_ACCURACY, "{report}");
    }

    #[test]
    fn stem_table() {
        let rows = table::rows("stems.tsv", include_str!("cases/stems.tsv"), 2);
        let failures: Vec<String> = rows
            .iter()
            .filter_map(|row| {
                let word = fold_word(row.col(0));
                let stems = candidate_stems(&word);
                (stems.first().map(|s| s.as_ref()) != Some(word.as_str())
                    || !stems.iter().any(|s| s == row.col(1)))
                .then(|| {
                    format!(
                        "  line {}: {word} → {stems:?}, missing {:?}",
                        row.line,
                        row.col(1)
                    )
                })
            })
            .collect();
        assert!(
            failures.is_empty(),
            "{} stem failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn stop_and_short_words_stay_whole() {
        let rows = table::rows(
            "stems_negative.tsv",
            include_str!("cases/stems_negative.tsv"),
            1,
        );
        let failures: Vec<String> = rows
            .iter()
            .filter_map(|row| {
                let stems = candidate_stems(row.col(0));
                (stems.len() != 1).then(|| format!("  line {}: {stems:?}", row.line))
            })
            .collect();
        assert!(failures.is_empty(), "words cut:\n{}", failures.join("\n"));
    }

    #[test]
    fn find_stem_is_lexicon_first() {
        let places = ["түркістан", "түркіс"];
        let hit = morph().find_stem("түркістаннан", |s| {
            places.iter().position(|p| *p == s)
        });
        assert_eq!(hit.map(|(i, _)| places[i]), Some("түркістан"));
    }

    #[test]
    fn suffix_chains_after_hyphens() {
        let m = morph();
        for chain in ["тың", "қа", "тағы", "ға", "нан", "лер", "ы", "лардың"]
        {
            assert!(m.is_suffix_chain(chain), "{chain}");
        }
        for word in ["сұлтан", "жомарт", "йорк"] {
            assert!(!m.is_suffix_chain(word), "{word}");
        }
    }
}
