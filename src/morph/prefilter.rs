//! A start-of-word prefilter shared by the stem lexicons: one bitmap probe tells whether
//! any key of a table can be reached by peeling a word, before any hashing or peeling.

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

/// The first three chars of a folded word (`\0` past its end).
fn start_of(word: &str) -> [char; 3] {
    let mut chars = word.chars();
    [
        chars.next().unwrap_or('\0'),
        chars.next().unwrap_or('\0'),
        chars.next().unwrap_or('\0'),
    ]
}

/// The bitmap bit of a start (two or three chars; `c` is `\0` for two).
fn start_bit(a: char, b: char, c: char) -> usize {
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

    fn get(&self, bit: usize) -> bool {
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Records a folded key.
    pub fn add(&mut self, key: &str) {
        let [a, b, c] = start_of(key);
        if key.chars().count() >= LONG_KEY_CHARS {
            self.set(start_bit(a, b, c));
        } else {
            self.set(start_bit(a, b, '\0'));
        }
    }

    /// False when no key's stem can start like the folded `word` (no peel needed).
    pub fn may_reach(&self, word: &str) -> bool {
        let [a, b, c] = start_of(word);
        self.get(start_bit(a, b, c)) || self.get(start_bit(a, b, '\0'))
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
        }
        for word in ["мектепте", "бүгін", "қала"] {
            assert!(!filter.may_reach(word), "{word}");
        }
    }
}
