//! Prefilters shared by the stem lexicons, run before any hashing or peeling:
//! - [`StartFilter`]: one bitmap probe tells whether any key of a table can be reached by
//!   peeling a word (a word's [`StartKey`] is computed once per text, see [`super::forms`]);
//! - [`StemFilter`]: a small Bloom filter over the hashes of a table's keys, probed with the
//!   hashes of a word's candidate stems (also computed once per text), so a stem that is not
//!   a key is rejected by two bit tests instead of a hash-map probe.
//!
//! Both may let a word through that matches nothing (then the table itself answers); they
//! never reject a word that matches.

use super::hash::stem_hash;
use crate::text::bytes::load_le;

/// Which word starts can reach a key: a cheap test run before any hashing or peeling.
/// Suffixes and stem repairs only change a word's last letters (voicing the last, a
/// dropped vowel the second to last), so a key of five letters or more keeps its first
/// three, a shorter key its first two. Both are kept as bits of a hash-indexed bitmap
/// (a collision only lets more words through).
pub struct StartFilter {
    bits: Vec<u64>,
}

/// Bits in the start bitmap (a power of two).
const START_BITS: usize = 1 << 16;
/// Shortest key whose first three letters survive every suffix and repair.
const LONG_KEY_CHARS: usize = 5;

/// The start of a folded word as the start gates read it: the UTF-8 bytes of its first
/// three chars and of its first two, each packed little-endian (zero past the chars, at
/// most the word's first eight bytes). Read from the bytes without decoding, the same for
/// every table, and computed per text as its words are folded
/// ([`crate::text::Text::start_keys`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StartKey {
    three: u64,
    two: u64,
}

/// Lead and continuation bits of three two-byte UTF-8 chars in the low six bytes.
const THREE_TWO_BYTE_MASK: u64 = 0xC0E0_C0E0_C0E0;
/// [`THREE_TWO_BYTE_MASK`] of three two-byte chars (`110xxxxx 10xxxxxx`).
const THREE_TWO_BYTE: u64 = 0x80C0_80C0_80C0;

impl StartKey {
    /// The key of a folded word.
    #[inline]
    pub fn of(word: &str) -> Self {
        Self::of_bytes(word.as_bytes())
    }

    /// [`StartKey::of`] the UTF-8 bytes of a folded word.
    #[inline]
    pub fn of_bytes(bytes: &[u8]) -> Self {
        if let Some(six) = bytes.first_chunk::<6>() {
            // Three two-byte chars (most Kazakh words): their six bytes, and the first four.
            let v = u64::from(u32::from_le_bytes([six[0], six[1], six[2], six[3]]))
                | u64::from(u16::from_le_bytes([six[4], six[5]])) << 32;
            if v & THREE_TWO_BYTE_MASK == THREE_TWO_BYTE {
                return StartKey {
                    three: v,
                    two: v & 0xFFFF_FFFF,
                };
            }
        }
        Self::general(bytes)
    }

    /// [`StartKey::of`] for a word that does not start with three two-byte chars: its
    /// first eight bytes (zero-padded), cut after its second and third chars, found from
    /// the bytes that start chars.
    #[inline(never)]
    fn general(bytes: &[u8]) -> Self {
        let head = load_le(bytes);
        // A byte starts a char unless it is a continuation byte (0b10xx_xxxx); the padding
        // zeros start chars too, so a shorter word keeps all its bytes.
        let continuation = head & HIGH_BITS & !(head << 1);
        let mut starts = !continuation & HIGH_BITS;
        // Drop the starts of the first two chars: the lowest left starts the third.
        starts &= starts.wrapping_sub(1);
        starts &= starts.wrapping_sub(1);
        let two = head & below(starts);
        starts &= starts.wrapping_sub(1);
        StartKey {
            three: head & below(starts),
            two,
        }
    }

    /// The packed bytes of the first three chars.
    #[inline]
    pub fn three(self) -> u64 {
        self.three
    }

    /// The packed bytes of the first two chars.
    #[inline]
    pub fn two(self) -> u64 {
        self.two
    }
}

/// The high bit of every byte of a number.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The mask of the bytes below the lowest byte whose high bit `starts` has (every byte
/// when it has none). [`StartKey::general`] drops two bits first, so that byte is the
/// third or a later one, and the shift stays under 64.
#[inline]
fn below(starts: u64) -> u64 {
    let bytes = starts.trailing_zeros() / 8;
    u64::MAX >> (64 - 8 * bytes)
}

/// The bitmap bit of a packed start (two or three chars).
#[inline]
fn start_bit(packed: u64) -> usize {
    (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize & (START_BITS - 1)
}

impl Default for StartFilter {
    fn default() -> Self {
        StartFilter {
            bits: vec![0; START_BITS / 64],
        }
    }
}

impl StartFilter {
    fn set(&mut self, bit: usize) {
        self.bits[bit / 64] |= 1 << (bit % 64);
    }

    #[inline]
    fn get(&self, bit: usize) -> bool {
        self.bits[(bit / 64) & (START_BITS / 64 - 1)] & (1 << (bit % 64)) != 0
    }

    /// Records a folded key.
    pub fn add(&mut self, key: &str) {
        let start = StartKey::of(key);
        if key.chars().count() >= LONG_KEY_CHARS {
            self.set(start_bit(start.three));
        } else {
            self.set(start_bit(start.two));
        }
    }

    /// Records a folded word start of two chars or more: every word beginning with it
    /// passes [`StartFilter::may_reach_key`] (its first three chars, or its first two and
    /// its end, give the start's bit). For gates that know the starts of the words they
    /// want rather than keys.
    pub fn add_start(&mut self, start: &str) {
        assert!(
            start.chars().nth(1).is_some(),
            "a word start of two chars or more, not `{start}`"
        );
        self.set(start_bit(StartKey::of(start).three));
    }

    /// False when no key's stem can start like the folded `word` (no peel needed).
    pub fn may_reach(&self, word: &str) -> bool {
        self.may_reach_key(StartKey::of(word))
    }

    /// [`StartFilter::may_reach`] for a word whose key is already known (word `i` of a
    /// text: [`crate::text::Text::start_key`]).
    #[inline]
    pub fn may_reach_key(&self, key: StartKey) -> bool {
        self.get(start_bit(key.three)) || self.get(start_bit(key.two))
    }
}

/// A Bloom filter over the [`stem_hash`]es of a table's keys (two bits per key, at least
/// sixteen bits per key): false means the stem is surely not a key.
pub struct StemFilter {
    bits: Vec<u64>,
    /// `bits.len() * 64 - 1` (a power of two minus one).
    mask: u64,
    /// Every key hash added, to rebuild the bits when the filter grows.
    hashes: Vec<u64>,
}

/// Smallest filter, in bits.
const MIN_STEM_BITS: usize = 1 << 10;
/// Filter bits per key, at least.
const STEM_BITS_PER_KEY: usize = 16;

impl Default for StemFilter {
    fn default() -> Self {
        StemFilter {
            bits: vec![0; MIN_STEM_BITS / 64],
            mask: MIN_STEM_BITS as u64 - 1,
            hashes: Vec::new(),
        }
    }
}

impl StemFilter {
    /// The two bit positions of a hash: from its low and from its high half.
    #[inline]
    fn positions(&self, hash: u64) -> [usize; 2] {
        [
            (hash & self.mask) as usize,
            ((hash >> 32) & self.mask) as usize,
        ]
    }

    /// Records the [`stem_hash`] of a key (growing the filter when it gets too full).
    pub fn add(&mut self, hash: u64) {
        self.hashes.push(hash);
        if self.hashes.len() * STEM_BITS_PER_KEY > self.bits.len() * 64 {
            let size = (self.hashes.len() * STEM_BITS_PER_KEY * 2).next_power_of_two();
            self.bits = vec![0; size / 64];
            self.mask = size as u64 - 1;
            for h in std::mem::take(&mut self.hashes) {
                self.set(h);
                self.hashes.push(h);
            }
        } else {
            self.set(hash);
        }
    }

    /// Records a folded key.
    pub fn add_key(&mut self, key: &str) {
        self.add(stem_hash(key.as_bytes()));
    }

    fn set(&mut self, hash: u64) {
        for p in self.positions(hash) {
            self.bits[p / 64] |= 1 << (p % 64);
        }
    }

    /// False when the stem of this hash is surely not a key.
    #[inline]
    pub fn may_contain(&self, hash: u64) -> bool {
        let [a, b] = self.positions(hash);
        let bit = |p: usize| {
            self.bits
                .get(p / 64)
                .is_some_and(|w| w & (1 << (p % 64)) != 0)
        };
        bit(a) && bit(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_pass_and_other_starts_do_not() {
        let mut filter = StartFilter::default();
        filter.add("министрлік");
        filter.add("ауыл");
        for word in ["министрлігінде", "министрлік", "аулында", "ауылдың"]
        {
            assert!(filter.may_reach(word), "{word}");
            assert!(filter.may_reach_key(StartKey::of(word)), "{word}");
        }
        for word in ["мектепте", "бүгін", "қала"] {
            assert!(!filter.may_reach(word), "{word}");
        }
    }

    #[test]
    fn byte_reading_agrees_with_chars() {
        // The bytes of the first `n` chars, zero-padded, at most eight.
        let packed = |word: &str, n: usize| {
            let end = word.char_indices().nth(n).map_or(word.len(), |(at, _)| at);
            let mut eight = [0u8; 8];
            let k = end.min(8);
            eight[..k].copy_from_slice(&word.as_bytes()[..k]);
            u64::from_le_bytes(eight)
        };
        for word in [
            "",
            "а",
            "ab",
            "қаз",
            "қазақ",
            "қа",
            "қаa",
            "аәb",
            "日本語",
            "a日ә",
            "covid19",
            "😀😀😀",
        ] {
            let key = StartKey::of(word);
            assert_eq!(key.three(), packed(word, 3), "{word}");
            assert_eq!(key.two(), packed(word, 2), "{word}");
        }
    }

    #[test]
    fn stem_filter_keeps_every_key_while_growing() {
        let keys: Vec<String> = (0..500).map(|n| format!("сөз{n}")).collect();
        let mut filter = StemFilter::default();
        for key in &keys {
            filter.add_key(key);
        }
        for key in &keys {
            assert!(filter.may_contain(stem_hash(key.as_bytes())), "{key}");
        }
        let strangers = (0..1000)
            .filter(|n| filter.may_contain(stem_hash(format!("басқа{n}").as_bytes())))
            .count();
        assert!(strangers < 50, "{strangers} false positives in 1000");
    }
}
