//! The numeral reader: one number read from one or more words of a [`Text`], whether written
//! in digits (`1 200 000`, `31,7`, `1.844.036.360,12`, `1000-нан`, `5км`), in words with any
//! ending (`екі мың тоғыз жүз алпыс сегіз`, `қырықтан`, `бесеуінің`, `жиырмасыншы`,
//! `қырық бүтін оннан тоғыз`, `бір жарым`) or mixed (`2,5 мыңнан`, `60 млрд`). Vocabulary is
//! in `data/numerals.tsv` (number words), `data/suffixes.tsv` (endings) and
//! `data/not_numerals.tsv` (homographs such as `үшін`, `бірге`).
//!
//! Digit grouping, the documented ambiguity rule: a first group of 1–3 digits followed by
//! groups of exactly 3 digits joined by ONE space-like character (space, NBSP, narrow NBSP,
//! thin or figure space) is one integer (`1 200 000`); a 4+ digit group never starts a
//! grouping (`2025 100` stays two numbers). Dots group only when there are at least two dot
//! groups or a decimal comma follows (`1.844.036`, `1.500,25`); otherwise `\d+\.\d+` is a
//! decimal, except in date shapes (`05.01.2023`, which the reader refuses) and after `сағат`.

mod digits;
mod lexicon;
mod shared;
mod words;

use std::sync::LazyLock;

use digits::read_digit_numeral;
use lexicon::{Ending, Lexicon, LEXICON};
pub use shared::share_readings;
use words::read_word_numeral;

use crate::facts::prefix::Trigrams;
use crate::text::fold::{is_hyphen, is_space};
use crate::text::words::WordShape;
use crate::text::{Span, Text};

/// A number read from one or more words of a Text.
#[derive(Debug, Clone, PartialEq)]
pub struct Numeral<'t> {
    /// The number (fractions for halves and decimals; the group size for vague plurals).
    pub value: f64,
    /// Index into `text.words` of the first word.
    pub first_word: usize,
    /// Index of the last word (inclusive); a hyphenated ending's word included.
    pub last_word: usize,
    /// бірінші, 2-нші, жиырмасыншы, 2020-сыншы.
    pub ordinal: bool,
    /// The ending glued to the last word or after a hyphen (folded), `""` if none. For a
    /// digit word with glued letters that are not an ending (`5км`) it holds those letters.
    pub suffix: &'t str,
    /// Bytes covered: a leading minus sign, the words, the ending.
    pub span: Span,
    /// True when written (at least partly) in digits.
    pub digits: bool,
    /// Collective numeral (`бесеу`, `2-еуі`).
    pub collective: bool,
    /// Vague plural (`мыңдаған`, `1000-даған`): "thousands of".
    pub vague: bool,
    /// Approximative ending `-дай/-дей/-тай/-тей` (`жүздей`, `300-дей`).
    pub approx: bool,
    /// A scale word took part (`мың`, `млн`…).
    pub scaled: bool,
}

/// Reads the longest numeral starting at word `i` (digits with grouping/decimals/hyphen
/// suffixes, number words with endings, mixed `2,5 мың`), or None. Inside
/// [`share_readings`] for `text`, a word is read once.
pub fn read_numeral<'t>(text: &'t Text, i: usize) -> Option<Numeral<'t>> {
    if i >= text.words.len() {
        return None;
    }
    shared::read(text, i, || {
        let lexicon = &*LEXICON;
        match text.words[i].shape {
            WordShape::Digits | WordShape::Mixed => read_digit_numeral(lexicon, text, i),
            WordShape::Letters => read_word_numeral(lexicon, text, i),
        }
    })
}

/// The prefilter: true when word `i` can start a numeral (digits, or letters whose first
/// three may be those of a number word with an ending). Rejects most words with one bit test,
/// no lookup.
#[inline]
pub fn may_start_numeral(text: &Text, i: usize) -> bool {
    match text.words[i].shape {
        WordShape::Digits | WordShape::Mixed => true,
        WordShape::Letters => LEXICON.heads.may_start(text.norm(i)),
    }
}

/// The value of a single number word of the table (`бес` → 5, `мың` → 1000), ignoring
/// endings; for callers that need to know whether a word is a number word at all.
pub fn number_word(norm: &str) -> Option<f64> {
    LEXICON.word(norm).map(|m| m.value)
}

/// The first three letters of every number word with any ending ([`may_start_numeral`]).
pub(crate) fn number_starts() -> &'static Trigrams {
    &LEXICON.heads
}

/// The number words of the table.
#[cfg(test)]
pub(crate) fn number_words() -> impl Iterator<Item = &'static str> {
    LEXICON.words.keys().copied()
}

/// The ending morphemes (`data/suffixes.tsv`) of which [`is_ending`] reads chains.
pub(crate) fn morphemes() -> impl Iterator<Item = &'static str> {
    LEXICON.suffixes.iter().flatten().map(|&(m, _)| m)
}

/// The starts of ending chains, up to two letters: each morpheme's first two letters (or its
/// one letter), and each one-letter morpheme followed by the first letter of each morpheme.
/// Any chain's first two letters (or its only letter) are among them.
pub(crate) fn ending_heads() -> Vec<String> {
    let mut heads: Vec<String> = Vec::new();
    for m in morphemes() {
        let head: String = m.chars().take(2).collect();
        if head.chars().count() == 1 {
            for next in morphemes() {
                heads.extend(next.chars().next().map(|c| format!("{head}{c}")));
            }
        }
        heads.push(head);
    }
    heads.sort();
    heads.dedup();
    heads
}

/// True when `s` is a chain of known endings (`ға`, `ның`, `ынан`, `дай`…); the empty
/// string is one. Used to match inflected unit and currency words.
pub fn is_ending(s: &str) -> bool {
    LEXICON.ending(s).is_some()
}

/// True when `s` is a chain of inflections only (plural, possessive, case, particle): no
/// derivation such as `-лық`, `-дай`, `-даған`. Used for qualifier words (`астамы`).
pub fn is_inflection(s: &str) -> bool {
    LEXICON.chain_from(s, 1, 1, Ending::default()).is_some()
}

/// True when `s` is an ending chain carrying the approximative `-дай/-дей/-тай/-тей`.
pub fn is_approx_ending(s: &str) -> bool {
    LEXICON.ending(s).is_some_and(|e| e.approx)
}

/// Loads the tables now (they are otherwise loaded on first use).
pub fn preload() {
    LazyLock::force(&LEXICON);
}

/// True when the gap between two words is plain spacing (one ASCII space, most often).
pub(crate) fn spacing(gap: &str) -> bool {
    gap == " " || (!gap.is_empty() && gap.chars().all(is_space))
}

/// True when the gap is exactly one hyphen (`1000-нан`, `бір-ақ`).
pub(crate) fn single_hyphen(gap: &str) -> bool {
    let mut chars = gap.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if is_hyphen(c))
}

/// The bytes of `text.gap_after(k)`, sliced without its char-boundary checks: word spans
/// end and start on char boundaries, so byte tests on them agree with tests on the `&str`.
#[inline]
pub(crate) fn gap_bytes<'t>(text: &Text<'t>, k: usize) -> &'t [u8] {
    match text.words.get(k + 1) {
        Some(next) => text
            .text
            .as_bytes()
            .get(text.words[k].span.end..next.span.start)
            .unwrap_or_default(),
        None => &[],
    }
}

/// `spacing(text.gap_after(k))`: a word follows word `k` after plain spacing. The usual
/// single ASCII space and a glued word are answered on the bytes.
#[inline]
pub(crate) fn spaced(text: &Text, k: usize) -> bool {
    match gap_bytes(text, k) {
        b" " => true,
        [] => false,
        _ => spacing(text.gap_after(k)),
    }
}

/// `single_hyphen(text.gap_after(k))`: exactly one hyphen joins word `k` to the next. Only
/// a one-byte or three-byte gap can be one (`-`, U+2010, U+2011), so others cost no decoding.
#[inline]
pub(crate) fn hyphen_joined(text: &Text, k: usize) -> bool {
    match gap_bytes(text, k) {
        b"-" => true,
        gap if gap.len() == 3 => single_hyphen(text.gap_after(k)),
        _ => false,
    }
}

/// An ending written after a hyphen: `1000-нан`, `бір-ақ`, `2-нші`.
fn hyphen_ending<'t>(
    lexicon: &Lexicon,
    text: &'t Text,
    last: usize,
) -> Option<(usize, &'t str, Ending)> {
    let next = last + 1;
    if next >= text.words.len()
        || text.words[next].shape != WordShape::Letters
        || !hyphen_joined(text, last)
    {
        return None;
    }
    let norm = text.norm(next);
    let ending = lexicon.ending(norm)?;
    Some((next, norm, ending))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(f64, String, bool, String)> {
        let t = Text::new(s);
        read_numeral(&t, 0).map(|n| {
            (
                n.value,
                n.span.slice(s).to_owned(),
                n.ordinal,
                n.suffix.to_owned(),
            )
        })
    }

    #[test]
    fn reads_digits_words_and_mixed() {
        let cases: &[(&str, f64, &str, bool, &str)] = &[
            ("1 200 000 адам", 1_200_000.0, "1 200 000", false, ""),
            ("31,7 тонна", 31.7, "31,7", false, ""),
            ("84.5 пайыз", 84.5, "84.5", false, ""),
            (
                "1.844.036.360,12 теңге",
                1_844_036_360.12,
                "1.844.036.360,12",
                false,
                "",
            ),
            ("1000-нан астам", 1000.0, "1000-нан", false, "нан"),
            ("13-і", 13.0, "13-і", false, "і"),
            ("179-ыншы орын", 179.0, "179-ыншы", true, "ыншы"),
            ("2,5 мыңнан астам", 2500.0, "2,5 мыңнан", false, "нан"),
            ("60 млрд теңге", 6e10, "60 млрд", false, ""),
            ("100мың", 100_000.0, "100мың", false, ""),
            ("5км жол", 5.0, "5км", false, "км"),
            ("-5 градус", -5.0, "-5", false, ""),
            (
                "екі мың тоғыз жүз алпыс сегіз",
                2968.0,
                "екі мың тоғыз жүз алпыс сегіз",
                false,
                "",
            ),
            (
                "бір мың тоқсан төрт",
                1094.0,
                "бір мың тоқсан төрт",
                false,
                "",
            ),
            ("қырықтан асты", 40.0, "қырықтан", false, "тан"),
            (
                "қырық бүтін оннан тоғыз",
                40.9,
                "қырық бүтін оннан тоғыз",
                false,
                "",
            ),
            (
                "бес бүтін жүзден отыз екі",
                5.32,
                "бес бүтін жүзден отыз екі",
                false,
                "",
            ),
            ("бір жарым есе", 1.5, "бір жарым", false, ""),
            ("бесеуінің", 5.0, "бесеуінің", false, "інің"),
            (
                "екі мың жиырмасыншы",
                2020.0,
                "екі мың жиырмасыншы",
                true,
                "сыншы",
            ),
            ("қырқыншы", 40.0, "қырқыншы", true, "ыншы"),
            ("жарты миллион", 500_000.0, "жарты миллион", false, ""),
            (
                "тоқсан үш бүтін төрт миллиард",
                93.4e9,
                "тоқсан үш бүтін төрт миллиард",
                false,
                "",
            ),
        ];
        let mut failures = Vec::new();
        for &(input, value, surface, ordinal, suffix) in cases {
            let want = Some((value, surface.to_owned(), ordinal, suffix.to_owned()));
            let got = read(input);
            let close = match (&got, &want) {
                (Some(g), Some(w)) => {
                    (g.0 - w.0).abs() < 1e-6 * w.0.abs().max(1.0)
                        && g.1 == w.1
                        && g.2 == w.2
                        && g.3 == w.3
                }
                _ => false,
            };
            if !close {
                failures.push(format!("{input}: got {got:?}, want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn gate_accepts_every_number_word_with_any_ending() {
        let lexicon = &*LEXICON;
        for word in lexicon.words.keys() {
            assert!(lexicon.heads.may_start(word), "{word}");
            for (ending, _) in lexicon.suffixes.iter().flatten() {
                let form = format!("{word}{ending}");
                assert!(lexicon.heads.may_start(&form), "{form}");
            }
        }
        assert!(!lexicon.heads.may_start("адам") && !lexicon.heads.may_start("жұмыс"));
    }

    #[test]
    fn scale_gate_accepts_every_scale_word_with_any_ending() {
        let lexicon = &*LEXICON;
        for (word, entry) in lexicon.words.iter() {
            let forms = std::iter::once(word.to_string()).chain(
                lexicon
                    .suffixes
                    .iter()
                    .flatten()
                    .map(|(e, _)| format!("{word}{e}")),
            );
            for form in forms {
                let want = lexicon
                    .word(&form)
                    .filter(|m| m.kind == lexicon::Kind::Scale);
                let got = lexicon.scale(&form);
                assert_eq!(got.map(|m| m.value), want.map(|m| m.value), "{form}");
                if entry.kind == lexicon::Kind::Scale && !entry.bound {
                    assert!(lexicon.scale_heads.may_start(&form), "{form}");
                }
            }
        }
        // The stop table's homographs are refused by `scale` as by `word`.
        for stop in lexicon.stop.iter().chain(&lexicon.stop_prefixes) {
            let want = lexicon
                .word(stop)
                .filter(|m| m.kind == lexicon::Kind::Scale);
            assert_eq!(lexicon.scale(stop).map(|m| m.value), want.map(|m| m.value));
        }
        assert!(lexicon.scale("адам").is_none() && lexicon.scale("мыңнан").is_some());
    }

    /// The memoized word matches (inside compounds and alone, where homographs of the stop
    /// table are none) are the fresh ones, for every number word with every ending and for
    /// the homographs, asked twice (the second answer comes from the memo).
    #[test]
    fn memoized_word_matches_are_fresh_ones() {
        let lexicon = &*LEXICON;
        let mut forms: Vec<String> = vec!["оның".into(), "жетті".into(), "бірнешеуі".into()];
        forms.extend(lexicon.stop.iter().map(|w| w.to_string()));
        for word in lexicon.words.keys() {
            forms.push(word.to_string());
            for (ending, _) in lexicon.suffixes.iter().flatten() {
                forms.push(format!("{word}{ending}"));
            }
        }
        for form in &forms {
            let gate = lexicon.heads.may_start(form);
            let fresh = lexicon.match_word(form).filter(|_| gate);
            let stopped = lexicon.stop.contains(form.as_str())
                || lexicon.stop_prefixes.iter().any(|p| form.starts_with(p));
            let alone = format!("{:?}", fresh.filter(|_| !stopped));
            let fresh = format!("{fresh:?}");
            for _ in 0..2 {
                assert_eq!(format!("{:?}", lexicon.inner_word(form)), fresh, "{form}");
                assert_eq!(format!("{:?}", lexicon.word(form)), alone, "{form}");
            }
        }
    }

    #[test]
    fn byte_gap_tests_agree_with_the_str_ones() {
        let t = Text::new("5 тонна,  7\u{a0}кг-ға 1\u{2011}ші 2 - 3 4\n5 алты\u{2013}жеті соңы");
        for k in 0..t.words.len() {
            let gap = t.gap_after(k);
            assert_eq!(gap_bytes(&t, k), gap.as_bytes(), "{k}");
            assert_eq!(spaced(&t, k), spacing(gap), "{gap:?}");
            assert_eq!(hyphen_joined(&t, k), single_hyphen(gap), "{gap:?}");
        }
    }

    #[test]
    fn refuses_homographs_and_dates() {
        for s in [
            "үшін",
            "бірге",
            "бірақ",
            "онда",
            "05.01.2023",
            "алтын",
            "жүзеге",
        ] {
            assert_eq!(read(s), None, "{s}");
        }
    }
}
