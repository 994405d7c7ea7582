//! Per-word candidate bits shared by the descriptor rules (organisations, positions, laws,
//! quoted heads, numbered facilities, known names): one pass over a text tells, for every
//! word, which rule tables its stems may reach and whether the gap before it holds a
//! closing quote or a `№`. A rule then looks up (and peels) only the words whose bit is
//! set, instead of every word of the text.
//!
//! Soundness: a stem lexicon ([`super::lexicon::StemMap`]) finds a key from a word only
//! through the word itself, a stem that is a prefix of it (at least
//! [`crate::morph::MIN_LEXICON_STEM`] letters) with its last letter voiced or a vowel put
//! back before it, or a listed exception (`екеуі` → `екі`). None of these changes the first
//! three letters of a key of five letters or more, and changes the third of a shorter key
//! only in known ways (see [`word_starts`]), so a word whose first three letters start no
//! key reaches no key. Starts are hashed into a small table of bits; a collision only
//! lets more words through.

use crate::text::fold::fold_word;
use crate::text::Text;

use super::table::rows;

/// Bits of [`Candidates`]: which tables a word's stems may reach, and what precedes it.
pub mod bit {
    /// An organisation descriptor in its possessive form, or a legal form.
    pub const ORG_MARKER: u16 = 1 << 0;
    /// A bare organisation descriptor (`компания`).
    pub const ORG_BARE: u16 = 1 << 1;
    /// A position head.
    pub const POSITION: u16 = 1 << 2;
    /// A law marker, or `туралы`.
    pub const LAW: u16 = 1 << 3;
    /// A head noun of a quoted name.
    pub const QUOTED_HEAD: u16 = 1 << 4;
    /// A word of a numbered facility (number word or head noun).
    pub const FACILITY: u16 = 1 << 5;
    /// The first word of a known name.
    pub const KNOWN: u16 = 1 << 6;
    /// The gap before the word holds a closing quote (`»`, `”`, `›`, `“`, `"`).
    pub const QUOTE_BEFORE: u16 = 1 << 14;
    /// The gap before the word holds `№`.
    pub const SIGN_BEFORE: u16 = 1 << 15;
}

// The gate reads three chars: every stem the lexicons try must keep them.
const _: () = assert!(crate::morph::MIN_LEXICON_STEM >= 3);

/// Slots of the start table (a power of two).
const SLOTS: usize = 1 << 14;

/// Word starts of every rule table, hashed to the bits of the tables having keys that a
/// word so starting may reach. Built once with the rules.
pub struct StartTable {
    slots: Box<[u16]>,
    /// Irregular forms and their stems (`src/morph/data/exceptions.tsv`), folded.
    exceptions: Vec<(String, String)>,
}

impl Default for StartTable {
    fn default() -> Self {
        let exceptions = rows(
            "src/morph/data/exceptions.tsv",
            include_str!("../morph/data/exceptions.tsv"),
        )
        .map(|row| (fold_word(row.cell(0)), fold_word(row.cell(1))))
        .collect();
        StartTable {
            slots: vec![0; SLOTS].into_boxed_slice(),
            exceptions,
        }
    }
}

/// The first three chars of a word, packed from their UTF-8 bytes (the first eight bytes
/// when they are longer: two starts then share a key, which only lets more words through).
fn start_key(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let mut end = 0;
    let mut chars = 0;
    while end < bytes.len() {
        if bytes[end] & 0xC0 != 0x80 {
            if chars == 3 {
                break;
            }
            chars += 1;
        }
        end += 1;
    }
    let mut packed = [0u8; 8];
    let n = end.min(8);
    packed[..n].copy_from_slice(&bytes[..n]);
    u64::from_le_bytes(packed)
}

/// The slot of a packed start.
fn slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 50) as usize & (SLOTS - 1)
}

/// The voiced consonant whose stem repair gives `c` (`кітабы` → `кітап`).
fn voiced(c: char) -> Option<char> {
    match c {
        'к' => Some('г'),
        'қ' => Some('ғ'),
        'п' => Some('б'),
        _ => None,
    }
}

/// True for the vowels a stem repair puts back before the last consonant (`аулы` → `ауыл`).
fn is_restored_vowel(c: char) -> bool {
    matches!(c, 'ы' | 'і')
}

/// The starts (first three chars) of the words whose stems may be folded `key`: a stem is
/// a prefix of the word of [`crate::morph::MIN_LEXICON_STEM`] chars or more, whose last letter may be
/// unvoiced (`кітаб` → `кітап`) and before whose last letter `ы`/`і` may be put back
/// (`аул` → `ауыл`); so a key of five chars or more keeps the word's first three, a
/// shorter one changes at most its third.
fn word_starts(key: &str) -> Vec<String> {
    let k: Vec<char> = key.chars().collect();
    let start = |chars: &[char]| chars.iter().collect::<String>();
    let mut starts = vec![start(&k[..k.len().min(3)])];
    let unvoiced_last = |last: char| {
        std::iter::once(last)
            .chain(voiced(last))
            .map(|c| start(&[k[0], k[1], c]))
            .collect::<Vec<_>>()
    };
    match k.len() {
        3 => starts.extend(unvoiced_last(k[2]).into_iter().skip(1)),
        4 if is_restored_vowel(k[2]) => starts.extend(unvoiced_last(k[3])),
        _ => {}
    }
    starts
}

impl StartTable {
    /// Records folded `key` under `bits`: the starts of the words that may reach it, and
    /// the irregular forms whose stem it is.
    pub fn add(&mut self, key: &str, bits: u16) {
        let mut starts = word_starts(key);
        starts.extend(
            self.exceptions
                .iter()
                .filter(|(_, stem)| stem == key)
                .map(|(form, _)| form.clone()),
        );
        for start in starts {
            self.slots[slot(start_key(&start))] |= bits;
        }
    }

    /// The bits of every table a folded word may reach.
    #[inline]
    pub fn bits(&self, norm: &str) -> u16 {
        self.slots[slot(start_key(norm))]
    }
}

/// The candidate bits of every word of one text.
pub struct Candidates {
    bits: Vec<u16>,
}

impl Candidates {
    /// One pass over the words of `text`.
    pub fn new(table: &StartTable, text: &Text) -> Self {
        let mut end = 0;
        let bits = (0..text.words.len())
            .map(|i| {
                let span = text.words[i].span;
                let gap = &text.text[end..span.start];
                end = span.end;
                table.bits(text.norm(i)) | gap_bits(gap)
            })
            .collect();
        Candidates { bits }
    }

    /// True when word `i` has any of `mask`.
    #[inline]
    pub fn has(&self, i: usize, mask: u16) -> bool {
        self.bits[i] & mask != 0
    }

    /// The indices of the words having any of `mask`, in order.
    pub fn words(&self, mask: u16) -> impl Iterator<Item = usize> + '_ {
        self.bits
            .iter()
            .enumerate()
            .filter(move |(_, &b)| b & mask != 0)
            .map(|(i, _)| i)
    }
}

/// [`bit::QUOTE_BEFORE`] and [`bit::SIGN_BEFORE`] of the gap before a word.
fn gap_bits(gap: &str) -> u16 {
    if gap.is_ascii() {
        return if gap.contains('"') {
            bit::QUOTE_BEFORE
        } else {
            0
        };
    }
    let mut bits = 0;
    for c in gap.chars() {
        match c {
            '»' | '”' | '›' | '“' | '"' => bits |= bit::QUOTE_BEFORE,
            '№' => bits |= bit::SIGN_BEFORE,
            _ => {}
        }
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::morph::morph;

    #[test]
    fn inflected_forms_reach_their_keys() {
        let mut table = StartTable::default();
        table.add("министрлігі", bit::ORG_MARKER);
        table.add("ауыл", bit::POSITION);
        table.add("екі", bit::LAW);
        table.add("кітап", bit::KNOWN);
        table.add("үш", bit::FACILITY);
        for (word, b) in [
            ("министрлігінде", bit::ORG_MARKER),
            ("министрлігі", bit::ORG_MARKER),
            ("аулында", bit::POSITION),
            ("ауылдың", bit::POSITION),
            ("екеуі", bit::LAW),
            ("кітабы", bit::KNOWN),
            ("үшеуі", bit::FACILITY),
        ] {
            assert!(table.bits(word) & b != 0, "{word}");
        }
        assert_eq!(table.bits("мектеп"), 0);
    }

    #[test]
    fn every_stem_the_morphology_finds_passes_the_gate() {
        // Words whose stems are found by peeling, repairs and exceptions: the gate built on
        // the stems must pass the words.
        let words = [
            "министрлігінде",
            "аулында",
            "кітабы",
            "екеуі",
            "үшеуі",
            "өзіне",
            "ауылдағылар",
            "мектептегі",
            "облыстарында",
            "қаласының",
        ];
        for word in words {
            let word = fold_word(word);
            let mut stems = Vec::new();
            morph().find_stem(&word, |stem| {
                stems.push(stem.to_owned());
                None::<()>
            });
            for stem in stems {
                let mut table = StartTable::default();
                table.add(&stem, 1);
                assert_eq!(table.bits(&word) & 1, 1, "{word} → {stem}");
            }
        }
    }

    #[test]
    fn gaps_with_quotes_and_signs() {
        let text = Text::new("«Хабар» агенттігі, №5 \"Алтын\" мектеп");
        let table = StartTable::default();
        let c = Candidates::new(&table, &text);
        let with = |b| c.words(b).collect::<Vec<_>>();
        // An ASCII quote may open or close: both gaps pass.
        assert_eq!(with(bit::QUOTE_BEFORE), [1, 3, 4]);
        assert_eq!(with(bit::SIGN_BEFORE), [2]);
    }
}
