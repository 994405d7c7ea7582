//! The counted object of a number: the noun (or adjective + noun) right after the fact,
//! canonicalized by peeling case, possessive and plural endings from its last word
//! (`78 қылмыстық іс`, `1,6 мыңнан астам қылмыскерді` → `қылмыскер`). Endings are in
//! `data/noun_endings.tsv`; particles, postpositions and frequent verbs in
//! `data/not_objects.tsv` never count as objects.

use std::sync::LazyLock;

use super::number::After;
use super::numeral::{hyphen_joined, number_word, spaced};
use super::prefix::SuffixIndex;
use super::table::rows;
use super::vocab::Vocabulary;
use crate::text::words::WordShape;
use crate::text::Text;

/// Noun endings, longest first within each bucket, with the least stem in letters each
/// leaves (two after the endings of `SHORT_STEM_CASES`, else `MIN_STEM_CHARS`).
static NOUN_ENDINGS: LazyLock<SuffixIndex<usize>> = LazyLock::new(|| {
    let mut endings: Vec<&'static str> =
        rows("noun_endings.tsv", include_str!("data/noun_endings.tsv"))
            .map(|row| row.cell(0))
            .collect();
    endings.sort_by_key(|e| std::cmp::Reverse(e.len()));
    SuffixIndex::new(endings.into_iter().map(|e| {
        // `елдің` → `ел`: a long ending may leave a two-letter stem.
        let min = if SHORT_STEM_CASES.contains(&e) {
            2
        } else {
            MIN_STEM_CHARS
        };
        (e, min)
    }))
});

const MIN_STEM_CHARS: usize = 3;
/// Genitive and ablative endings, after which a two-letter stem is kept
/// (`елдің` → `ел`).
const SHORT_STEM_CASES: [&str; 12] = [
    "дің", "дың", "тің", "тың", "нің", "ның", "ден", "дан", "тен", "тан", "нен", "нан",
];
/// Consonants after which a final `-ы/-і` is read as a possessive of a head noun.
const POSSESSED_AFTER: [char; 12] = ['й', 'л', 'р', 'з', 'ғ', 'г', 'қ', 'к', 'м', 'ң', 'п', 'б'];
/// Consonants after which a final `-ы/-і` is dropped from a single-word object
/// (`жағдайы` → `жағдай`); `г/ғ/қ/к` are left out (`кедергі`).
const UNPOSSESSED_AFTER: [char; 8] = ['й', 'л', 'р', 'з', 'м', 'ң', 'п', 'б'];
/// Case endings after a possessive (`фермасына`, `қылмысының`).
const POSSESSIVE_CASES: [&str; 10] = [
    "ның", "нің", "нда", "нде", "нан", "нен", "на", "не", "мен", "н",
];
const ADJECTIVE_ENDINGS: [&str; 12] = [
    "лық", "лік", "дық", "дік", "тық", "тік", "дағы", "дегі", "тағы", "тегі", "лы", "лі",
];

/// The canonical counted object after word `last`, if any. `measured`: the fact ends in a
/// unit or currency, so the object is what is measured (a noun naming the measure itself,
/// `деңгейінде`, or a lone adjective is none).
pub fn object_after(
    text: &Text,
    last: usize,
    vocab: &Vocabulary,
    measured: bool,
    after: &After<'_, '_>,
) -> Option<String> {
    let mut first = last + 1;
    if !plain_word(text, last, first, vocab, after) {
        return None;
    }
    // `3 бірлік техника` → `техника`: a classifier says nothing about what is counted.
    if vocab.classifiers.contains(text.norm(first))
        && plain_word(text, first, first + 1, vocab, after)
    {
        first += 1;
    }
    let norm = text.norm(first);
    if measured && vocab.measure_nouns.iter().any(|m| norm.starts_with(m)) {
        return None;
    }
    if let Some(m) = vocab.compound_nouns.match_at(text, first) {
        return Some((*m.value).to_owned());
    }
    // `ата-ана`: a hyphenated pair is one noun.
    let hyphened = hyphen_joined(text, first) && text.words[first + 1].shape == WordShape::Letters;
    if hyphened {
        return Some(joined(norm, '-', stem(text.norm(first + 1))));
    }
    let last = norm.as_bytes().last();
    let adjective = vocab.object_adjectives.contains(norm)
        || ADJECTIVE_ENDINGS.iter().any(|e| {
            e.as_bytes().last() == last
                && norm
                    .strip_suffix(e)
                    .is_some_and(|stem| has_chars(stem, MIN_STEM_CHARS))
        });
    // The tests of the next word are paid only where its answer matters.
    let next_plain = || plain_word(text, first, first + 1, vocab, after);
    if adjective {
        if next_plain() {
            return Some(joined(norm, ' ', stem(text.norm(first + 1))));
        }
        if measured {
            return None;
        }
        return Some(unpossessed(stem(norm)).to_owned());
    }
    // `сүт фермасына` → `сүт фермасы`: a noun and its possessed head.
    let head = text
        .words
        .get(first + 1)
        .and_then(|_| possessed(text.norm(first + 1)));
    if let Some(head) = head.filter(|_| next_plain()) {
        return Some(joined(norm, ' ', head));
    }
    Some(unpossessed(stem(norm)).to_owned())
}

/// `a`, `sep` and `b` in one string, allocated once (cheaper than `format!`).
fn joined(a: &str, sep: char, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + sep.len_utf8() + b.len());
    s.push_str(a);
    s.push(sep);
    s.push_str(b);
    s
}

/// A possessed head noun (`фермасы`, `залы`, `орталығы`) with its case ending peeled
/// (`фермасына`), or None when the word does not end in a third-person possessive: `-сы/-сі`,
/// or `-ы/-і` after a consonant that an accusative or past-tense `-ды/-ты` cannot precede.
fn possessed(word: &str) -> Option<&str> {
    let last = word.as_bytes().last();
    let bare = POSSESSIVE_CASES
        .iter()
        .filter(|e| e.as_bytes().last() == last)
        .find_map(|e| word.strip_suffix(e))
        .unwrap_or(word);
    let long = has_chars(bare, MIN_STEM_CHARS + 2);
    let after_vowel = bare.ends_with("сы") || bare.ends_with("сі");
    let after_consonant = (bare.ends_with('ы') || bare.ends_with('і'))
        && bare
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| POSSESSED_AFTER.contains(&c));
    (long && (after_vowel || after_consonant)).then_some(bare)
}

/// Drops a possessive `-ы/-і` after a consonant that cannot end an accusative or an agent
/// noun (`жағдайы` → `жағдай`, but `оқушы`, `отбасы`, `тұрғыны` stay).
fn unpossessed(word: &str) -> &str {
    let Some(bare) = word.strip_suffix('ы').or_else(|| word.strip_suffix('і')) else {
        return word;
    };
    let keeps = bare.ends_with(UNPOSSESSED_AFTER) && has_chars(bare, MIN_STEM_CHARS);
    if keeps {
        bare
    } else {
        word
    }
}

/// Word `k` directly follows word `k - 1`, is lowercase letters, and is not a function word,
/// a number, a qualifier, a unit or a trend verb.
fn plain_word(
    text: &Text,
    prev: usize,
    k: usize,
    vocab: &Vocabulary,
    after: &After<'_, '_>,
) -> bool {
    if k >= text.words.len() {
        return false;
    }
    let w = &text.words[k];
    let norm = text.norm(k);
    spaced(text, prev)
        && w.shape == WordShape::Letters
        && !w.capitalized
        && !vocab.not_objects.contains(norm)
        && !rule_word(text, k, vocab, after)
        && !vocab.comparatives.contains(norm)
        && !verb_like(norm, vocab)
}

/// Word `k` is a number word, a qualifier, a time noun or a trend verb form. Most words
/// start with none of their first three letters (`rule_word_starts`): one bit test.
fn rule_word(text: &Text, k: usize, vocab: &Vocabulary, after: &After<'_, '_>) -> bool {
    let norm = text.norm(k);
    if vocab
        .rule_word_starts
        .as_ref()
        .is_some_and(|starts| !starts.may_start(norm))
    {
        return false;
    }
    // A letter word reads as a numeral only if it is a number word.
    number_word(norm).is_some()
        || after.qualifier(k).is_some()
        || vocab.qualifiers_before.match_at(text, k).is_some()
        || after.time_noun(k)
        || super::change::is_trend_verb(norm, vocab)
}

/// The word ends like a verb form or verbal noun (`сатылып`, `бөлінген`, `жеткізу`) of the
/// least length that the table gives for the ending.
fn verb_like(norm: &str, vocab: &Vocabulary) -> bool {
    vocab
        .verb_shapes
        .candidates(norm)
        .any(|&(ending, min)| norm.ends_with(ending) && has_chars(norm, min))
}

/// True when `s` has at least `n` characters (counted no further than `n`).
fn has_chars(s: &str, n: usize) -> bool {
    n == 0 || s.chars().nth(n - 1).is_some()
}

/// Peels up to two noun endings, keeping a stem of at least three letters (two after the
/// endings of `SHORT_STEM_CASES`).
fn stem(word: &str) -> &str {
    let mut s = word;
    for _ in 0..2 {
        let peeled = NOUN_ENDINGS.candidates(s).find_map(|&(e, min)| {
            let rest = s.strip_suffix(e)?;
            has_chars(rest, min).then_some(rest)
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
    fn the_rule_word_gate_keeps_every_rule_word() {
        use crate::facts::numeral::{morphemes, number_words};
        let vocab = Vocabulary::load();
        let gate = vocab
            .rule_word_starts
            .as_ref()
            .expect("trend forms have 3 letters");
        // A word of three letters fixes the start; a shorter one is followed by any chain
        // of up to two morphemes when it takes endings.
        let chains: Vec<String> = std::iter::once("")
            .chain(morphemes())
            .flat_map(|a| {
                std::iter::once("")
                    .chain(morphemes())
                    .map(move |b| format!("{a}{b}"))
            })
            .collect();
        let check = |word: &str, inflects: bool| {
            if word.chars().count() >= 3 || !inflects {
                assert!(gate.may_start(word), "{word}");
            } else {
                for chain in &chains {
                    let form = format!("{word}{chain}");
                    assert!(gate.may_start(&form), "{form}");
                }
            }
        };
        number_words().for_each(|w| check(w, true));
        for table in [&vocab.qualifiers_before, &vocab.qualifiers_after] {
            table.starts().for_each(|(w, inflects)| check(w, inflects));
        }
        vocab
            .time_nouns
            .starts()
            .for_each(|(w, inflects)| check(w, inflects));
        for trend in &vocab.trends {
            for ending in vocab.verb_endings.iter().filter(|e| !e.is_empty()) {
                check(&format!("{}{ending}", trend.stem), false);
            }
        }
        assert!(!gate.may_start("адам") && gate.may_start("астам") && gate.may_start("жылы"));
    }

    #[test]
    fn the_ending_index_peels_as_a_scan_of_the_table() {
        let mut endings: Vec<&str> =
            rows("noun_endings.tsv", include_str!("data/noun_endings.tsv"))
                .map(|row| row.cell(0))
                .collect();
        endings.sort_by_key(|e| std::cmp::Reverse(e.len()));
        let scan = |word: &str| {
            let mut s = word;
            for _ in 0..2 {
                let peeled = endings.iter().find_map(|e| {
                    let rest = s.strip_suffix(e)?;
                    let min = if SHORT_STEM_CASES.contains(e) {
                        2
                    } else {
                        MIN_STEM_CHARS
                    };
                    (rest.chars().count() >= min).then_some(rest)
                });
                match peeled {
                    Some(rest) => s = rest,
                    None => break,
                }
            }
            s.to_owned()
        };
        for stem_word in [
            "ел",
            "бала",
            "қылмыскер",
            "адам",
            "оқушы",
            "мектеп",
            "жағдай",
        ] {
            for a in std::iter::once("").chain(endings.iter().copied()) {
                for b in std::iter::once("").chain(endings.iter().copied()) {
                    let word = format!("{stem_word}{a}{b}");
                    assert_eq!(stem(&word), scan(&word), "{word}");
                }
            }
        }
    }

    #[test]
    fn stems_keep_three_letters() {
        assert_eq!(stem("қылмыскерді"), "қылмыскер");
        assert_eq!(stem("балаларға"), "бала");
        assert_eq!(stem("дана"), "дана");
        assert_eq!(stem("оқушы"), "оқушы");
    }
}
