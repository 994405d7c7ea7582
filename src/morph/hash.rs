//! A fast non-cryptographic hasher for the bundled lexicons. Keys come from our own tables
//! and input words are only looked up, never inserted, so hash flooding is no concern; the
//! default SipHash costs more than the rest of a word lookup.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::text::bytes::load_le;

/// Multiply-rotate hashing in the style of rustc's FxHasher.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(load_le(rest));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The hash of a folded word or stem used by the per-text word forms
/// ([`super::forms`]) and the lexicon filters ([`super::prefilter::StemFilter`]):
/// [`FastHasher`] over the bytes, with a final mix so that every bit depends on every byte
/// (the filters take their bit positions from the high and the low half).
pub fn stem_hash(bytes: &[u8]) -> u64 {
    let mut h = FastHasher::default();
    h.write(bytes);
    let mut x = h.finish() ^ bytes.len() as u64;
    x ^= x >> 32;
    x = x.wrapping_mul(0xD6E8_FEB8_6659_FD93);
    x ^ (x >> 29)
}

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A `HashSet` with [`FastHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_hash_equal_and_lookups_work() {
        let mut set: FastSet<String> = FastSet::default();
        set.insert("қазақстан".to_owned());
        assert!(set.contains("қазақстан"));
        assert!(!set.contains("қазақста"));
    }

    #[test]
    fn stem_hashes_differ_for_prefixes_and_agree_for_equal_bytes() {
        let word = "министрлігінде";
        assert_eq!(
            stem_hash(word.as_bytes()),
            stem_hash(word.to_owned().as_bytes())
        );
        let mut seen: Vec<u64> = (1..=word.len())
            .filter(|&n| word.is_char_boundary(n))
            .map(|n| stem_hash(&word.as_bytes()[..n]))
            .collect();
        let all = seen.len();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), all);
    }
}
