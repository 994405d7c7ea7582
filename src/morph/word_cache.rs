//! A small per-thread cache keyed by folded words: direct-mapped on a hash of the word (and
//! a one-byte tag), a new word replacing the slot's previous one, so its size is fixed
//! whatever the input. Words longer than [`MAX_KEY`] bytes are never cached. Used for
//! answers that depend on the word alone (suffix analyses, first-name and surname lookups).

use std::hash::Hasher;

use super::hash::FastHasher;

/// Longest key (bytes) kept in a cache.
pub const MAX_KEY: usize = 40;

struct Entry<V> {
    key: [u8; MAX_KEY],
    len: u8,
    tag: u8,
    value: V,
}

/// A direct-mapped cache of values per (word, tag).
pub struct WordCache<V> {
    slots: Vec<Option<Box<Entry<V>>>>,
}

impl<V> WordCache<V> {
    /// An empty cache of `slots` entries (a power of two).
    pub fn new(slots: usize) -> Self {
        debug_assert!(slots.is_power_of_two());
        WordCache {
            slots: (0..slots).map(|_| None).collect(),
        }
    }

    /// The value kept for (`word`, `tag`), made by `make` when the slot holds another key;
    /// `None` for a word longer than [`MAX_KEY`] (never cached).
    pub fn get_or_insert_with(
        &mut self,
        word: &[u8],
        tag: u8,
        make: impl FnOnce() -> V,
    ) -> Option<&mut V> {
        if word.len() > MAX_KEY {
            return None;
        }
        let mut hasher = FastHasher::default();
        hasher.write(word);
        hasher.write_u8(tag);
        let index = (hasher.finish() >> 32) as usize & (self.slots.len() - 1);
        let slot = &mut self.slots[index];
        let hit = slot
            .as_ref()
            .is_some_and(|e| e.tag == tag && &e.key[..usize::from(e.len)] == word);
        if !hit {
            let mut key = [0; MAX_KEY];
            key[..word.len()].copy_from_slice(word);
            *slot = Some(Box::new(Entry {
                key,
                len: word.len() as u8,
                tag,
                value: make(),
            }));
        }
        slot.as_mut().map(|e| &mut e.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_values_per_word_and_tag_and_skips_long_words() {
        let mut cache = WordCache::new(2);
        let mut made = 0;
        for _ in 0..2 {
            for (word, tag) in [("ауыл", 0), ("ауыл", 1)] {
                let value = cache.get_or_insert_with(word.as_bytes(), tag, || {
                    made += 1;
                    format!("{word}{tag}")
                });
                assert_eq!(value.map(|v| v.clone()), Some(format!("{word}{tag}")));
            }
        }
        // Two slots may hold both keys or make them evict each other: either way every
        // answer above was right, and at most four values were made.
        assert!((2..=4).contains(&made), "{made}");
        let long = "ө".repeat(MAX_KEY);
        assert!(cache
            .get_or_insert_with(long.as_bytes(), 0, String::new)
            .is_none());
    }
}
