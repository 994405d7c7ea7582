//! Prefilters for table lookups on folded words. [`Trigrams`] is a bitmap over the first three
//! letters of words: most words are rejected by one bit test. [`PrefixIndex`] gives the byte
//! lengths of keys that share a word's first two letters, so a word is probed only at those
//! lengths.

use crate::morph::hash::FastMap;
use crate::text::bytes::utf8_len;

/// The low 6 bits of the code points of the first two letters of `s` (0 for a missing second
/// letter), read on the UTF-8 bytes: the last byte of a char carries the low 6 bits of its
/// code point. None for the empty string.
#[inline]
fn head(s: &str) -> Option<(u8, u8)> {
    let bytes = s.as_bytes();
    // Fast path: two two-byte letters (Cyrillic), as in `Trigrams::bit`.
    if let [b0, b1, b2, b3, ..] = *bytes {
        if (b0 & b2) & 0xE0 == 0xC0 && (b0 | b2) & 0x20 == 0 {
            return Some((b1 & 0x3F, b3 & 0x3F));
        }
    }
    let lead = *bytes.first()?;
    let second = utf8_len(lead);
    let a = bytes.get(second - 1).copied().unwrap_or(0) & 0x3F;
    let b = match bytes.get(second) {
        Some(&lead) => bytes.get(second + utf8_len(lead) - 1).copied().unwrap_or(0) & 0x3F,
        None => 0,
    };
    Some((a, b))
}

/// A bitmap over the first three letters of words (5 low bits of each code point; a word of
/// fewer letters pairs with `'\0'`): a false hit only costs the lookup that follows.
pub struct Trigrams(Box<[u64; 512]>);

impl Trigrams {
    /// The word and bit of the first three letters of `s`, read on the UTF-8 bytes: the low
    /// bits of a code point are those of its last byte.
    #[inline(always)]
    fn bit(s: &str) -> (usize, u64) {
        let bytes = s.as_bytes();
        // Fast path: three two-byte letters (Cyrillic).
        if let [b0, b1, b2, b3, b4, b5, ..] = *bytes {
            if (b0 & b2 & b4) & 0xE0 == 0xC0 && (b0 | b2 | b4) & 0x20 == 0 {
                let k = ((b1 as usize & 0x1F) << 10)
                    | ((b3 as usize & 0x1F) << 5)
                    | (b5 as usize & 0x1F);
                return (k >> 6, 1 << (k & 63));
            }
        }
        let mut k = 0;
        let mut at = 0;
        for _ in 0..3 {
            let Some(&lead) = bytes.get(at) else {
                k <<= 5;
                continue;
            };
            at += utf8_len(lead);
            let last = bytes.get(at - 1).copied().unwrap_or(0);
            k = (k << 5) | (last as usize & 0x1F);
        }
        (k >> 6, 1 << (k & 63))
    }

    /// Records the start of a word.
    pub fn insert(&mut self, word: &str) {
        let (k, mask) = Self::bit(word);
        self.0[k] |= mask;
    }

    /// Records every start recorded in `other`.
    pub fn union_with(&mut self, other: &Trigrams) {
        for (mine, theirs) in self.0.iter_mut().zip(other.0.iter()) {
            *mine |= theirs;
        }
    }

    /// True when some recorded start may be that of `word`.
    #[inline(always)]
    pub fn may_start(&self, word: &str) -> bool {
        let (k, mask) = Self::bit(word);
        self.0[k] & mask != 0
    }
}

impl Default for Trigrams {
    fn default() -> Self {
        Trigrams(Box::new([0; 512]))
    }
}

/// Byte lengths of table keys, by the first two letters of the key: for each slot (a hash of
/// the two letters), a bitmask with bit `l` set when some key of `l` bytes hashes there. A
/// word whose slots are empty costs two loads; collisions only cost a failed lookup.
pub struct PrefixIndex {
    lens: Box<[u64; SLOTS]>,
}

/// Number of slots of a [`PrefixIndex`]: 6 low bits of each of the two letters.
const SLOTS: usize = 1 << 12;

/// Longest key a [`PrefixIndex`] records, in bytes (one bit of a `u64` per length).
const MAX_KEY_BYTES: usize = 63;

/// The slot of the first two letters (low 6 bits of each code point, from [`head`]).
#[inline]
fn slot(a: u8, b: u8) -> usize {
    ((a as usize) << 6) | b as usize
}

impl PrefixIndex {
    /// Records a key. Panics on a key longer than 63 bytes (the tables are bundled data).
    pub fn insert(&mut self, key: &str) {
        let Some((a, b)) = head(key) else { return };
        assert!(
            key.len() <= MAX_KEY_BYTES,
            "table key `{key}` is longer than {MAX_KEY_BYTES} bytes"
        );
        self.lens[slot(a, b)] |= 1 << key.len();
    }

    /// Byte lengths, longest first, of keys that may be a prefix of `word`: those sharing its
    /// first two letters and the one-letter keys of its first letter (plus, rarely, lengths of
    /// keys that only share the slot).
    #[inline]
    pub fn candidates(&self, word: &str) -> Lengths {
        let Some((a, b)) = head(word) else {
            return Lengths(0);
        };
        // One-letter keys of the first letter (slot `(a, 0)`) are prefixes too.
        let mut mask = self.lens[slot(a, b)] | self.lens[slot(a, 0)];
        if word.len() < MAX_KEY_BYTES {
            mask &= (2 << word.len()) - 1;
        }
        Lengths(mask)
    }
}

impl PrefixIndex {
    /// False when no key is exactly `word` (no key shares its first two letters and length).
    #[inline]
    pub fn may_equal(&self, word: &str) -> bool {
        let Some((a, b)) = head(word) else {
            return true;
        };
        word.len() <= MAX_KEY_BYTES && self.lens[slot(a, b)] & (1 << word.len()) != 0
    }
}

impl Default for PrefixIndex {
    fn default() -> Self {
        PrefixIndex {
            lens: Box::new([0; SLOTS]),
        }
    }
}

/// The words of a small table, matched exactly: a [`PrefixIndex`] test on the first two
/// letters and the length rejects most other words before any hashing.
pub struct WordMap<V> {
    gate: PrefixIndex,
    map: FastMap<&'static str, V>,
}

impl<V> WordMap<V> {
    /// Adds a word; a repeated word keeps its first value.
    pub fn insert(&mut self, word: &'static str, value: V) {
        self.gate.insert(word);
        self.map.entry(word).or_insert(value);
    }

    /// The value of `word`, if it is in the table.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        if !self.gate.may_equal(word) {
            return None;
        }
        self.map.get(word)
    }

    /// True when `word` is in the table.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            gate: PrefixIndex::default(),
            map: FastMap::default(),
        }
    }
}

impl<V> FromIterator<(&'static str, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (&'static str, V)>>(iter: I) -> Self {
        let mut words = WordMap::default();
        for (word, value) in iter {
            words.insert(word, value);
        }
        words
    }
}

impl FromIterator<&'static str> for WordMap<()> {
    fn from_iter<I: IntoIterator<Item = &'static str>>(iter: I) -> Self {
        iter.into_iter().map(|w| (w, ())).collect()
    }
}

/// Byte lengths from a [`PrefixIndex`], longest first.
pub struct Lengths(u64);

impl Iterator for Lengths {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.0 == 0 {
            return None;
        }
        let len = 63 - self.0.leading_zeros() as usize;
        self.0 &= !(1 << len);
        Some(len)
    }
}

/// Word endings bucketed by their last two letters (low 6 bits of each), with the endings of
/// one letter apart by the low byte of the letter: a word is tested only against endings that
/// end with its last two letters' bucket, then against the one-letter endings of its last
/// letter's bucket.
pub struct SuffixIndex<T> {
    pairs: Vec<Vec<(&'static str, T)>>,
    singles: Vec<Vec<(&'static str, T)>>,
}

/// The bucket of endings of two or more letters whose last letters are `last` and `before`.
#[inline]
fn pair_slot(last: char, before: char) -> usize {
    ((last as usize & 0x3F) << 6) | (before as usize & 0x3F)
}

impl<T: Copy> SuffixIndex<T> {
    /// Buckets `endings`, keeping their order within each bucket.
    pub fn new(endings: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let mut pairs = vec![Vec::new(); SLOTS];
        let mut singles = vec![Vec::new(); 256];
        for (ending, value) in endings {
            let mut chars = ending.chars().rev();
            match (chars.next(), chars.next()) {
                (Some(last), Some(before)) => pairs[pair_slot(last, before)].push((ending, value)),
                (Some(last), None) => singles[last as usize & 0xFF].push((ending, value)),
                _ => {}
            }
        }
        SuffixIndex { pairs, singles }
    }

    /// The endings that `word` may end with: those of two or more letters in table order,
    /// then those of one letter in table order (table order itself for a table sorted longest
    /// first).
    #[inline]
    pub fn candidates(&self, word: &str) -> impl Iterator<Item = &(&'static str, T)> {
        let (pair, single) = tail_slots(word);
        let pairs = pair.map_or(&[][..], |k| &self.pairs[k][..]);
        let singles = single.map_or(&[][..], |k| &self.singles[k][..]);
        pairs.iter().chain(singles)
    }
}

/// The [`SuffixIndex`] buckets of `word`: that of its last two letters (None under two
/// letters) and that of its last letter (None when empty). Two two-byte letters (Cyrillic)
/// are read on the bytes, as in `Trigrams::bit`.
#[inline]
fn tail_slots(word: &str) -> (Option<usize>, Option<usize>) {
    if let [.., b0, b1, b2, b3] = *word.as_bytes() {
        if (b0 & b2) & 0xE0 == 0xC0 && (b0 | b2) & 0x20 == 0 {
            let pair = ((b3 as usize & 0x3F) << 6) | (b1 as usize & 0x3F);
            let single = ((b2 as usize & 0x03) << 6) | (b3 as usize & 0x3F);
            return (Some(pair), Some(single));
        }
    }
    let mut chars = word.chars().rev();
    let (last, before) = (chars.next(), chars.next());
    let pair = last.zip(before).map(|(l, b)| pair_slot(l, b));
    (pair, last.map(|c| c as usize & 0xFF))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_share_the_start() {
        let mut index = PrefixIndex::default();
        for key in ["метр", "м", "миллион", "тонна", "ме"] {
            index.insert(key);
        }
        let lens: Vec<usize> = index.candidates("метрден").collect();
        assert_eq!(lens, vec!["метр".len(), "ме".len(), "м".len()]);
        assert_eq!(index.candidates("адам").count(), 0);
        assert_eq!(
            index.candidates("ме").collect::<Vec<_>>(),
            vec!["ме".len(), "м".len()]
        );
        assert_eq!(index.candidates("").count(), 0);
    }

    #[test]
    fn byte_heads_are_the_low_bits_of_the_first_letters() {
        for word in [
            "метр", "м", "5км", "a", "ab", "әр", "р", "€5", "😀x", "x😀", "°C", "қ5", "ұлы", "жы",
            "мa",
        ] {
            let mut chars = word.chars();
            let a = chars.next().map_or(0, |c| c as u32 & 0x3F) as u8;
            let b = chars.next().map_or(0, |c| c as u32 & 0x3F) as u8;
            assert_eq!(head(word), Some((a, b)), "{word}");
        }
        assert_eq!(head(""), None);
    }

    #[test]
    fn trigram_fast_path_matches_the_general_reading() {
        let mut t = Trigrams::default();
        t.insert("мыңнан");
        for (word, hit) in [
            ("мыңдаған", true),
            ("мың", true),
            ("мұң", false),
            ("мы", false),
        ] {
            assert_eq!(t.may_start(word), hit, "{word}");
        }
        // Mixed widths take the general path and agree on the bit of the first three letters.
        let general = |s: &str| {
            let k = s
                .chars()
                .take(3)
                .fold(0usize, |k, c| (k << 5) | (c as usize & 0x1F));
            let k = k << (5 * (3 - s.chars().count().min(3)));
            (k >> 6, 1u64 << (k & 63))
        };
        for word in ["мыңнан", "5км", "км5", "a", "әр", "abc", "€5x"] {
            assert_eq!(Trigrams::bit(word), general(word), "{word}");
        }
    }

    #[test]
    fn word_maps_find_exactly_their_words() {
        let words: WordMap<u8> = [("көп", 1), ("аз", 2), ("а", 3), ("көп", 4)]
            .into_iter()
            .collect();
        assert_eq!(words.get("көп"), Some(&1));
        assert_eq!(words.get("аз"), Some(&2));
        assert_eq!(words.get("а"), Some(&3));
        for other in ["көпір", "кө", "азы", "", "ә", &"а".repeat(40)] {
            assert_eq!(words.get(other), None, "{other}");
        }
    }

    #[test]
    fn byte_tail_slots_are_those_of_the_last_letters() {
        for word in [
            "балаға",
            "ға",
            "а",
            "5а",
            "а5",
            "ab",
            "b",
            "км²",
            "°C",
            "x😀",
            "😀а",
            "аa",
            "кг",
        ] {
            let mut chars = word.chars().rev();
            let (last, before) = (chars.next(), chars.next());
            let pair = last.zip(before).map(|(l, b)| pair_slot(l, b));
            let single = last.map(|c| c as usize & 0xFF);
            assert_eq!(tail_slots(word), (pair, single), "{word}");
        }
        assert_eq!(tail_slots(""), (None, None));
    }

    #[test]
    fn suffix_candidates_share_the_last_letter() {
        let index = SuffixIndex::new([("ға", 1), ("дан", 2), ("ға", 3), ("а", 4), ("", 5)]);
        let found: Vec<i32> = index.candidates("балаға").map(|e| e.1).collect();
        assert_eq!(found, vec![1, 3, 4]);
        let found: Vec<i32> = index.candidates("а").map(|e| e.1).collect();
        assert_eq!(found, vec![4]);
        assert_eq!(index.candidates("").count(), 0);
    }
}
