//! The counted object of a number: the noun (or adjective + noun) right after the fact,
//! canonicalized by peeling case, possessive and plural endings from its last word
//! (`78 қылмыстық іс`, `1,6 мыңнан астам қылмыскерді` → `қылмыскер`). Endings are in
//! `data/noun_endings.tsv`; particles, postpositions and frequent verbs in
//! `data/not_objects.tsv` never count as objects.

use std::sync::LazyLock;

use super::numeral::{number_word, read_numeral};
use super::table::rows;
use super::vocab::Vocabulary;
use crate::text::fold::is_space;
use crate::text::words::WordShape;
use crate::text::Text;

static NOUN_ENDINGS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut endings: Vec<&'static str> =
        rows("noun_endings.tsv", include_str!("data/noun_endings.tsv"))
            .map(|row| row.cell(0))
            .collect();
    endings.sort_by_key(|e| std::cmp::Reverse(e.len()));
    endings
});

const MIN_STEM_CHARS: usize = 3;
const ADJECTIVE_ENDINGS: [&str; 12] = [
    "лық", "лік", "дық", "дік", "тық", "тік", "дағы", "дегі", "тағы", "тегі", "лы", "лі",
];

/// The canonical counted object after word `last`, if any.
pub fn object_after(text: &Text, last: usize, vocab: &Vocabulary) -> Option<String> {
    let first = last + 1;
    if !plain_word(text, last, first, vocab) {
        return None;
    }
    let norm = text.norm(first);
    let adjective = ADJECTIVE_ENDINGS.iter().any(|e| {
        norm.strip_suffix(e)
            .is_some_and(|stem| stem.chars().count() >= MIN_STEM_CHARS)
    });
    let two_words = adjective && plain_word(text, first, first + 1, vocab);
    Some(if two_words {
        format!("{norm} {}", stem(text.norm(first + 1)))
    } else {
        stem(norm).to_owned()
    })
}

/// Word `k` directly follows word `k - 1`, is lowercase letters, and is not a function word,
/// a number, a qualifier, a unit or a trend verb.
fn plain_word(text: &Text, prev: usize, k: usize, vocab: &Vocabulary) -> bool {
    if k >= text.words.len() {
        return false;
    }
    let gap = text.gap_after(prev);
    let w = &text.words[k];
    let norm = text.norm(k);
    !gap.is_empty()
        && gap.chars().all(is_space)
        && w.shape == WordShape::Letters
        && !w.capitalized
        && !vocab.not_objects.contains(norm)
        && number_word(norm).is_none()
        && read_numeral(text, k).is_none()
        && vocab.qualifiers_after.match_at(text, k).is_none()
        && vocab.qualifiers_before.match_at(text, k).is_none()
        && vocab.time_nouns.match_at(text, k).is_none()
        && !super::change::is_trend_verb(norm, vocab)
}

/// Peels up to two noun endings, keeping a stem of at least three letters.
fn stem(word: &str) -> &str {
    let mut s = word;
    for _ in 0..2 {
        let peeled = NOUN_ENDINGS.iter().find_map(|e| {
            let rest = s.strip_suffix(e)?;
            (rest.chars().count() >= MIN_STEM_CHARS).then_some(rest)
        });
        match peeled {
            Some(rest) => s = rest,
            None => break,
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_keep_three_letters() {
        assert_eq!(stem("қылмыскерді"), "қылмыскер");
        assert_eq!(stem("балаларға"), "бала");
        assert_eq!(stem("дана"), "дана");
        assert_eq!(stem("оқушы"), "оқушы");
    }
}
