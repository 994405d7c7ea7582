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

/// The two [`StartFilter`] bits of a folded word (its first three chars, its first two):
/// the same for every table, so computed once per word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StartKey {
    three: u16,
    two: u16,
}

impl StartKey {
    /// The key of a folded word.
    pub fn of(word: &str) -> Self {
        let [a, b, c] = start_of(word);
        StartKey {
            three: start_bit(a, b, c) as u16,
            two: start_bit(a, b, 0) as u16,
        }
    }
}

/// The first three chars of a folded word as code points (0 past its end). ASCII and
/// two-byte chars (all of Cyrillic) are decoded from the bytes; longer ones by `chars`.
#[inline]
fn start_of(word: &str) -> [u32; 3] {
    let bytes = word.as_bytes();
    if let Some(six) = bytes.first_chunk::<6>() {
        // Three two-byte chars (most Kazakh words): lead bytes 110xxxxx, then 10xxxxxx.
        let v = u64::from(u32::from_le_bytes([six[0], six[1], six[2], six[3]]))
            | u64::from(u16::from_le_bytes([six[4], six[5]])) << 32;
        if v & 0xC0E0_C0E0_C0E0 == 0x80C0_80C0_80C0 {
            let char_at = |k: usize| (u32::from(six[k] & 0x1F) << 6) | u32::from(six[k + 1] & 0x3F);
            return [char_at(0), char_at(2), char_at(4)];
        }
    }
    start_of_chars(word)
}

/// [`start_of`] for any word, char by char.
fn start_of_chars(word: &str) -> [u32; 3] {
    let bytes = word.as_bytes();
    let mut out = [0u32; 3];
    let mut i = 0;
    for slot in &mut out {
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if b < 0x80 {
            *slot = u32::from(b);
            i += 1;
        } else if let (0xC0..=0xDF, Some(&next)) = (b, bytes.get(i + 1)) {
            *slot = (u32::from(b & 0x1F) << 6) | u32::from(next & 0x3F);
            i += 2;
        } else {
            let Some(c) = word[i..].chars().next() else {
                break;
            };
            *slot = c as u32;
            i += c.len_utf8();
        }
    }
    out
}

/// The bitmap bit of a start (two or three chars; `c` is 0 for two).
fn start_bit(a: u32, b: u32, c: u32) -> usize {
    let packed = (u64::from(a) << 42) | (u64::from(b) << 21) | u64::from(c);
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
        let [a, b, c] = start_of(key);
        if key.chars().count() >= LONG_KEY_CHARS {
            self.set(start_bit(a, b, c));
        } else {
            self.set(start_bit(a, b, 0));
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
        let [a, b, c] = start_of(start);
        self.set(start_bit(a, b, c));
    }

    /// False when no key's stem can start like the folded `word` (no peel needed).
    pub fn may_reach(&self, word: &str) -> bool {
        self.may_reach_key(StartKey::of(word))
    }

    /// [`StartFilter::may_reach`] for a word whose key is already known (word `i` of a
    /// text: [`crate::text::Text::start_key`]).
    #[inline]
    pub fn may_reach_key(&self, key: StartKey) -> bool {
        self.get(usize::from(key.three)) || self.get(usize::from(key.two))
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
    fn byte_decoding_agrees_with_chars() {
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
        ] {
            let mut chars = word.chars().map(|c| c as u32);
            let want = [0; 3].map(|_| chars.next().unwrap_or(0));
            assert_eq!(start_of(word), want, "{word}");
            assert_eq!(start_of_chars(word), want, "{word}");
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
