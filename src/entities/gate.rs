//! Per-word candidate bits shared by the descriptor rules (organisations, positions, laws,
//! quoted heads, numbered facilities, known names): one pass over a text tells, for every
//! word, which rule tables its stems may reach and whether the gap before it holds a
//! closing quote or a `№`. A rule then looks up (and peels) only the words whose bit is
//! set, instead of every word of the text.
//!
//! Soundness: a stem lexicon ([`super::lexicon::StemMap`]) finds a key from a word only
//! through the word itself, a stem that is a prefix of it (at least
//! [`crate::morph::MIN_LEXICON_STEM`] letters) with its last letter voiced or a vowel put
//! back before it, or a listed exception (`екеуі` → `екі`). So every word reaching a key
//! starts with one of a few forms of that key ([`key_prefixes`]), or is an exception
//! form; the table holds those prefixes, found by a hash of their first three letters, behind
//! a bitmap of wider hashes of those letters. One hash of a word's start key (its first three
//! chars, [`StartKey`], which the text computes once for every word) gives both, so a word
//! that starts no prefix (most words) costs one bitmap probe.

use crate::morph::prefilter::StartKey;
use crate::text::bytes::load_le;
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
    /// The first word of a known name of several words (the word itself, uninflected).
    pub const KNOWN: u16 = 1 << 6;
    /// A known name of one word (inflected or not).
    pub const KNOWN_SINGLE: u16 = 1 << 7;
    /// A head noun of a quoted name in the possessive form, which a capitalized owner
    /// before it may name too (`Тегеран әуежайы`).
    pub const QUOTED_OWNED: u16 = 1 << 8;
    /// The gap before the word holds a closing quote (`»`, `”`, `›`, `“`, `"`).
    pub const QUOTE_BEFORE: u16 = 1 << 14;
    /// The gap before the word holds `№`.
    pub const SIGN_BEFORE: u16 = 1 << 15;
}

// The gate relies on stems of three chars or more (see [`key_prefixes`]).
const _: () = assert!(crate::morph::MIN_LEXICON_STEM >= 3);

/// Slots of the start table (a power of two).
const SLOTS: usize = 1 << 13;
/// Bits of the start bitmap (a power of two, at least [`SLOTS`]).
const START_BITS: usize = 1 << 16;

/// A word prefix every word reaching some table keys starts with, and those tables' bits.
struct Prefix {
    prefix: Box<str>,
    /// The first eight bytes of the prefix ([`Chunk`]).
    head: Chunk,
    /// The next eight bytes of the prefix (all zero for a prefix of eight bytes or less).
    next: Chunk,
    bits: u16,
}

/// Up to eight bytes of a prefix ([`load_le`], zero past its end) and the bits that are
/// the prefix's.
struct Chunk {
    value: u64,
    mask: u64,
}

impl Chunk {
    fn new(bytes: &[u8]) -> Self {
        let mask = match bytes.len() {
            8.. => u64::MAX,
            n => (1u64 << (8 * n)) - 1,
        };
        Chunk {
            value: load_le(bytes),
            mask,
        }
    }

    /// True when the eight bytes `loaded` start with the chunk.
    #[inline]
    fn starts(&self, loaded: u64) -> bool {
        loaded & self.mask == self.value
    }
}

impl Prefix {
    fn new(prefix: String, bits: u16) -> Self {
        let bytes = prefix.as_bytes();
        Prefix {
            head: Chunk::new(bytes),
            next: Chunk::new(bytes.get(8..).unwrap_or_default()),
            prefix: prefix.into(),
            bits,
        }
    }

    /// True when `word`, whose first eight bytes are `head`, starts with the prefix: the
    /// heads are compared first, so most other prefixes cost no byte compare, then the
    /// next eight bytes, then (for a prefix of more than sixteen bytes) the rest.
    #[inline]
    fn starts(&self, word: &[u8], head: u64) -> bool {
        let len = self.prefix.len();
        self.head.starts(head)
            && word.len() >= len
            && (len <= 8
                || (self.next.starts(load_le(&word[8..]))
                    && (len <= 16 || word.starts_with(self.prefix.as_bytes()))))
    }
}

/// The prefixes of every rule table (see [`key_prefixes`]), hashed by their first three
/// chars, behind a bitmap of those starts. Built once with the rules.
pub struct StartTable {
    /// The first test: the bit of each prefix's [`start_hash`] (whose top bits are its
    /// slot). Most words fail it.
    starts: Box<[u64]>,
    slots: Box<[Vec<Prefix>]>,
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
            starts: vec![0; START_BITS / 64].into_boxed_slice(),
            slots: (0..SLOTS).map(|_| Vec::new()).collect(),
            exceptions,
        }
    }
}

/// The hash of a word or prefix of start key `key`: of its first three chars
/// ([`StartKey::three`], its first eight bytes when they are longer, which only puts more
/// prefixes under one hash). Its top bits are the bit of the start bitmap, the top bits of
/// those the slot.
#[inline]
fn start_hash(key: StartKey) -> u64 {
    key.three().wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The bit of the start bitmap of a [`start_hash`].
#[inline]
fn start_bit(hash: u64) -> usize {
    (hash >> (64 - START_BITS.trailing_zeros())) as usize
}

/// The slot of a [`start_hash`].
#[inline]
fn slot_of(hash: u64) -> usize {
    (hash >> (64 - SLOTS.trailing_zeros())) as usize
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

/// Prefixes of which every word whose stem may be folded `key` starts with one. A stem is
/// the word itself, or a prefix of it of [`crate::morph::MIN_LEXICON_STEM`] chars or more
/// as it is or repaired ([`crate::morph::peel::for_each_repair`]): its last letter
/// unvoiced (`кітаб` → `кітап`), or `ы`/`і` put back before its last letter, which may
/// be unvoiced too (`аул` → `ауыл`). So a word reaching a key of three chars or more
/// starts with the key, or with the key with its last letter voiced, or (when the key's
/// second to last letter is `ы`/`і` and the stem keeps three chars) with the key without
/// that vowel, its last letter voiced or not. A shorter key is only the word itself.
fn key_prefixes(key: &str) -> Vec<String> {
    let mut from_end = key.char_indices().rev();
    let (Some((last_at, last)), true) = (
        from_end.next(),
        key.chars()
            .nth(crate::morph::MIN_LEXICON_STEM - 1)
            .is_some(),
    ) else {
        return vec![key.to_owned()];
    };
    let mut prefixes = Vec::with_capacity(4);
    // `body` followed by `last` or its voiced form.
    let mut ending = |body: &str| {
        for c in std::iter::once(last).chain(voiced(last)) {
            let mut prefix = String::with_capacity(body.len() + c.len_utf8());
            prefix.push_str(body);
            prefix.push(c);
            prefixes.push(prefix);
        }
    };
    ending(&key[..last_at]);
    let longer = key.chars().nth(crate::morph::MIN_LEXICON_STEM).is_some();
    match from_end.next() {
        Some((vowel_at, vowel)) if longer && is_restored_vowel(vowel) => ending(&key[..vowel_at]),
        _ => {}
    }
    prefixes
}

impl StartTable {
    /// Records folded `key` under `bits`: the prefixes of the words that may reach it,
    /// and the irregular forms whose stem it is.
    pub fn add(&mut self, key: &str, bits: u16) {
        let mut prefixes = key_prefixes(key);
        prefixes.extend(
            self.exceptions
                .iter()
                .filter(|(_, stem)| stem == key)
                .map(|(form, _)| form.clone()),
        );
        for prefix in prefixes {
            self.add_prefix(prefix, bits);
        }
    }

    /// Records folded `word` under `bits` for a table that looks it up as it is, not
    /// through stems: only words starting with it pass.
    pub fn add_word(&mut self, word: &str, bits: u16) {
        self.add_prefix(word.to_owned(), bits);
    }

    fn add_prefix(&mut self, prefix: String, bits: u16) {
        let hash = start_hash(StartKey::of(&prefix));
        let bit = start_bit(hash);
        self.starts[bit / 64] |= 1 << (bit % 64);
        let list = &mut self.slots[slot_of(hash)];
        match list.iter_mut().find(|p| *p.prefix == *prefix) {
            Some(p) => p.bits |= bits,
            None => list.push(Prefix::new(prefix, bits)),
        }
    }

    /// The bits of every table a folded word may reach: none when the start bitmap rejects
    /// it, else those of the prefixes in its slot that it starts with.
    pub fn bits(&self, norm: &str) -> u16 {
        self.bits_with(StartKey::of(norm), || norm)
    }

    /// [`StartTable::bits`] of the folded word of start key `key`, which `norm` gives only
    /// when the start bitmap passes it (most words cost one bitmap probe).
    #[inline]
    fn bits_with<'w>(&self, key: StartKey, norm: impl FnOnce() -> &'w str) -> u16 {
        let hash = start_hash(key);
        let bit = start_bit(hash);
        if self.starts[bit / 64] & (1 << (bit % 64)) == 0 {
            return 0;
        }
        let word = norm().as_bytes();
        let head = load_le(word);
        self.slots[slot_of(hash)]
            .iter()
            .filter(|p| p.starts(word, head))
            .fold(0, |bits, p| bits | p.bits)
    }
}

/// The candidate bits of every word of one text.
pub struct Candidates {
    bits: Vec<u16>,
    /// The words having any bit, in order (a small share of all words).
    marked: Vec<u32>,
}

impl Candidates {
    /// One pass over the words of `text` for their table bits, then one byte search of the
    /// text for the quotes and signs in gaps ([`gap_marks`]).
    pub fn new(table: &StartTable, text: &Text) -> Self {
        let mut bits = vec![0; text.words.len()];
        // Most words have no bit: a quarter of them is room enough in one allocation.
        let mut marked = Vec::with_capacity(text.words.len() / 4);
        // The text's start keys, which other rules read too, are computed once per text.
        let keys = text.forms().start_keys();
        for (i, (b, &key)) in bits.iter_mut().zip(keys).enumerate() {
            *b = table.bits_with(key, || text.norm(i));
            if *b != 0 {
                marked.push(i as u32);
            }
        }
        gap_marks(text, |i, b| {
            if bits[i] == 0 {
                let at = marked.partition_point(|&m| (m as usize) < i);
                marked.insert(at, i as u32);
            }
            bits[i] |= b;
        });
        Candidates { bits, marked }
    }

    /// True when word `i` has any of `mask`.
    #[inline]
    pub fn has(&self, i: usize, mask: u16) -> bool {
        self.bits[i] & mask != 0
    }

    /// The indices of the words having any of `mask`, in order.
    pub fn words(&self, mask: u16) -> impl Iterator<Item = usize> + '_ {
        self.marked
            .iter()
            .map(|&i| i as usize)
            .filter(move |&i| self.bits[i] & mask != 0)
    }
}

/// Calls `mark(i, bit)` with [`bit::QUOTE_BEFORE`] or [`bit::SIGN_BEFORE`] for every
/// closing quote (`»`, `”`, `›`, `“`, `"`) or `№` in the gap before word `i` (the text
/// before its first word included). Sound: each of these chars starts with `"`, `0xC2` or
/// `0xE2`, so a byte search for those three finds them all; a char inside a word or after
/// the last word belongs to no gap and is skipped.
fn gap_marks(text: &Text, mut mark: impl FnMut(usize, u16)) {
    let words = &text.words;
    let mut next = 0;
    let bytes = text.text.as_bytes();
    for at in memchr::memchr3_iter(b'"', 0xC2, 0xE2, bytes) {
        // The UTF-8 of `"`, `»`, `“`, `”`, `›` and `№` (most hits are `«` or a dash).
        let b = match bytes[at..] {
            [b'"', ..] | [0xC2, 0xBB, ..] | [0xE2, 0x80, 0x9C | 0x9D | 0xBA, ..] => {
                bit::QUOTE_BEFORE
            }
            [0xE2, 0x84, 0x96, ..] => bit::SIGN_BEFORE,
            _ => continue,
        };
        // The first word starting after `at` (hits come in order, so search from the last).
        next += words[next..].partition_point(|w| w.span.start <= at);
        if next < words.len() && (next == 0 || words[next - 1].span.end <= at) {
            mark(next, b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::morph::morph;

    #[test]
    fn key_prefixes_voice_the_last_letter_and_drop_a_restored_vowel() {
        assert_eq!(key_prefixes("үш"), ["үш"]);
        assert_eq!(key_prefixes("ауыл"), ["ауыл", "аул"]);
        assert_eq!(key_prefixes("кітап"), ["кітап", "кітаб"]);
        assert_eq!(key_prefixes("тік"), ["тік", "тіг"]);
        assert_eq!(
            key_prefixes("министрлік"),
            ["министрлік", "министрліг", "министрлк", "министрлг"]
        );
    }

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
    fn the_start_hash_reads_the_first_three_chars() {
        for word in [
            "министрлігі",
            "ауыл",
            "әкім",
            "үш",
            "а",
            "abc",
            "covid",
            "ақ1",
            "1ақ",
            "a€b",
            "😀😀😀",
            "қаз😀",
        ] {
            let three: String = word.chars().take(3).collect();
            let bytes = &three.as_bytes()[..three.len().min(8)];
            assert_eq!(StartKey::of(word).three(), load_le(bytes), "{word}");
        }
    }

    #[test]
    fn only_possessive_heads_an_owner_may_name_are_quoted_owned() {
        let mut table = StartTable::default();
        crate::entities::quoted::QuotedRules::new(&mut table);
        for word in ["бағдарламасы", "бағдарламасының", "әуежайында"]
        {
            assert_ne!(table.bits(word) & bit::QUOTED_OWNED, 0, "{word}");
        }
        // `жоспары` is a head of quoted names only; `жоба` is bare.
        for word in ["жоспары", "жоспарында", "жоба"] {
            assert_ne!(table.bits(word) & bit::QUOTED_HEAD, 0, "{word}");
            assert_eq!(table.bits(word) & bit::QUOTED_OWNED, 0, "{word}");
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

    #[test]
    fn the_gap_search_finds_every_quote_and_sign_of_every_gap() {
        let text = Text::new("\"Бір» екі ”үш“ — «төрт›, №5 №\u{a0}алты… жеті\"сегіз» ” ");
        let mut found = vec![0; text.words.len()];
        gap_marks(&text, |i, b| found[i] |= b);
        // Each gap read char by char.
        let mut end = 0;
        for (i, word) in text.words.iter().enumerate() {
            let mut expected = 0;
            for c in text.text[end..word.span.start].chars() {
                match c {
                    '»' | '”' | '›' | '“' | '"' => expected |= bit::QUOTE_BEFORE,
                    '№' => expected |= bit::SIGN_BEFORE,
                    _ => {}
                }
            }
            assert_eq!(found[i], expected, "{}", text.surface(i));
            end = word.span.end;
        }
        assert_ne!(found.iter().fold(0, |a, b| a | b), 0);
    }

    #[test]
    fn the_start_filter_passes_every_word_of_a_prefix() {
        let mut table = StartTable::default();
        use crate::entities::{facility, known, law, org, position, quoted};
        org::OrgRules::new(&mut table);
        position::PositionRules::new(&mut table);
        law::LawRules::new(&mut table);
        quoted::QuotedRules::new(&mut table);
        known::KnownNames::new(&mut table);
        facility::FacilityRules::new(&mut table);
        let prefixes: Vec<String> = table
            .slots
            .iter()
            .flatten()
            .map(|p| p.prefix.to_string())
            .collect();
        assert!(prefixes.len() > 100);
        for prefix in &prefixes {
            // A prefix under three chars is a whole short key: only the key reaches it.
            let longer = prefix.chars().count() >= 3;
            let words = [prefix.clone(), format!("{prefix}ның"), format!("{prefix}a")];
            for word in words.iter().take(if longer { 3 } else { 1 }) {
                assert_ne!(table.bits(word), 0, "{word}");
            }
        }
        // Most words start no prefix.
        for word in ["көкөніс", "бүгін", "және", "the"] {
            assert_eq!(table.bits(word), 0, "{word}");
        }
    }
}
