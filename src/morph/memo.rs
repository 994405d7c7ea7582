//! A per-thread memo of suffix analyses: every entity rule asks [`super::Morph::find_stem`]
//! about the same words, so a word is peeled once and its analyses reused by the next rule
//! (stems of a word are computed once, not per rule). Direct-mapped on a hash of the folded
//! word; words longer than [`MAX_KEY`] bytes are peeled each time.

use std::cell::RefCell;
use std::hash::Hasher;

use super::hash::FastHasher;
use super::peel::{analyses, Analyses};
use super::suffixes::SuffixTable;

/// Longest folded word (bytes) kept in the memo.
const MAX_KEY: usize = 40;
/// Entries (a power of two).
const SLOTS: usize = 8192;

struct Entry {
    key: [u8; MAX_KEY],
    len: u8,
    first_slot: u8,
    analyses: Analyses,
}

thread_local! {
    static MEMO: RefCell<Vec<Option<Box<Entry>>>> = RefCell::new((0..SLOTS).map(|_| None).collect());
}

/// The analyses of `word` from slot index `first_slot` inward, as
/// [`super::peel::analyses`] computes them, reused while the word stays in the memo.
pub fn cached_analyses(table: &SuffixTable, word: &str, first_slot: usize) -> Analyses {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_KEY {
        return analyses(table, word, first_slot);
    }
    let mut h = FastHasher::default();
    h.write(bytes);
    h.write_usize(first_slot);
    let index = (h.finish() >> 32) as usize & (SLOTS - 1);
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        let slot = &mut memo[index];
        if let Some(e) = slot {
            if usize::from(e.len) == bytes.len()
                && usize::from(e.first_slot) == first_slot
                && &e.key[..bytes.len()] == bytes
            {
                return e.analyses.clone();
            }
        }
        let found = analyses(table, word, first_slot);
        let entry = slot.get_or_insert_with(|| {
            Box::new(Entry {
                key: [0; MAX_KEY],
                len: 0,
                first_slot: 0,
                analyses: found.clone(),
            })
        });
        entry.key[..bytes.len()].copy_from_slice(bytes);
        entry.len = bytes.len() as u8;
        entry.first_slot = first_slot as u8;
        entry.analyses = found.clone();
        found
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::morph::suffixes::SuffixTable;

    #[test]
    fn memo_answers_like_a_fresh_peel() {
        let table = SuffixTable::load();
        for word in ["облыстарында", "облыстарында", "мектептегі", "ауылдың", "а"]
        {
            for first in 0..4 {
                let fresh = analyses(&table, word, first);
                let memo = cached_analyses(&table, word, first);
                assert_eq!(memo.as_slice(), fresh.as_slice(), "{word} from {first}");
            }
        }
    }
}
