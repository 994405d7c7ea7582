//! Prefilters for table lookups on folded words. [`Heads`] is a bitmap over the first two
//! letters of the keys: most words are rejected by one bit test. [`PrefixIndex`] gives the
//! byte lengths of keys that share a word's start, so a word is probed only at those lengths.

use crate::morph::hash::FastMap;

/// A bitmap over pairs of letters (low 8 bits of each code point, so Cyrillic and Latin
/// letters may share a bit: a false hit only costs the lookup that follows). A one-letter
/// key pairs with `'\0'`.
pub struct Heads(Box<[u64; 1024]>);

/// The first two letters of `s`; a one-letter string pairs with `'\0'`.
fn head(s: &str) -> Option<(char, char)> {
    let mut chars = s.chars();
    let a = chars.next()?;
    Some((a, chars.next().unwrap_or('\0')))
}

impl Heads {
    fn bit(a: char, b: char) -> (usize, u64) {
        let k = ((a as usize & 0xFF) << 8) | (b as usize & 0xFF);
        (k >> 6, 1 << (k & 63))
    }

    fn has(&self, a: char, b: char) -> bool {
        let (word, mask) = Self::bit(a, b);
        self.0[word] & mask != 0
    }

    /// Records the start of a key.
    pub fn insert(&mut self, key: &str) {
        if let Some((a, b)) = head(key) {
            let (word, mask) = Self::bit(a, b);
            self.0[word] |= mask;
        }
    }

    /// True when some key may be a prefix of `word` (same first two letters, or a
    /// one-letter key equal to its first letter).
    pub fn may_start(&self, word: &str) -> bool {
        head(word).is_some_and(|(a, b)| self.has(a, b) || (b != '\0' && self.has(a, '\0')))
    }
}

impl Default for Heads {
    fn default() -> Self {
        Heads(Box::new([0; 1024]))
    }
}

/// Byte lengths of table keys, by the first two letters of the key.
#[derive(Default)]
pub struct PrefixIndex {
    heads: Heads,
    lens: FastMap<(char, char), Vec<usize>>,
}

impl PrefixIndex {
    /// Records a key.
    pub fn insert(&mut self, key: &str) {
        let Some(h) = head(key) else { return };
        self.heads.insert(key);
        let lens = self.lens.entry(h).or_default();
        if !lens.contains(&key.len()) {
            lens.push(key.len());
            lens.sort_unstable_by_key(|&l| std::cmp::Reverse(l));
        }
    }

    /// Byte lengths, longest first, of keys that may be a prefix of `word`: those sharing its
    /// first two letters, then the one-letter keys of its first letter.
    pub fn candidates<'a>(&'a self, word: &str) -> impl Iterator<Item = usize> + 'a {
        let h = head(word).filter(|_| self.heads.may_start(word));
        let two = h.and_then(|h| self.lens.get(&h));
        let one = h
            .filter(|h| h.1 != '\0')
            .and_then(|(a, _)| self.lens.get(&(a, '\0')));
        let len = word.len();
        two.into_iter()
            .chain(one)
            .flatten()
            .copied()
            .filter(move |&l| l <= len)
    }
}

/// Word endings bucketed by the low byte of their last letter, in insertion order within a
/// bucket: a word is tested only against endings that end with its last letter's bucket.
pub struct SuffixIndex<T> {
    buckets: Vec<Vec<(&'static str, T)>>,
}

impl<T: Copy> SuffixIndex<T> {
    /// Buckets `endings`, keeping their order.
    pub fn new(endings: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let mut buckets = vec![Vec::new(); 256];
        for (ending, value) in endings {
            if let Some(c) = ending.chars().next_back() {
                buckets[c as usize & 0xFF].push((ending, value));
            }
        }
        SuffixIndex { buckets }
    }

    /// The endings that `word` may end with, in table order.
    pub fn candidates(&self, word: &str) -> &[(&'static str, T)] {
        word.chars()
            .next_back()
            .map_or(&[], |c| &self.buckets[c as usize & 0xFF])
    }
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
        assert!(index.heads.may_start("тоннадан") && !index.heads.may_start("ақша"));
    }

    #[test]
    fn suffix_candidates_share_the_last_letter() {
        let index = SuffixIndex::new([("ға", 1), ("дан", 2), ("ға", 3)]);
        let found: Vec<i32> = index.candidates("балаға").iter().map(|e| e.1).collect();
        assert_eq!(found, vec![1, 3]);
        assert!(index.candidates("").is_empty());
    }
}
