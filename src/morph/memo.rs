//! A per-thread memo of suffix analyses: every entity rule asks [`super::Morph::find_stem`]
//! about the same words, so a word is peeled once and its analyses reused by the next rule
//! (stems of a word are computed once, not per rule). Direct-mapped on a hash of the folded
//! word ([`super::word_cache::WordCache`]); longer words are peeled each time.

use std::cell::RefCell;

use super::peel::{analyses, Analyses};
use super::suffixes::SuffixTable;
use super::word_cache::WordCache;

/// Entries (a power of two).
const SLOTS: usize = 8192;

thread_local! {
    static MEMO: RefCell<WordCache<Analyses>> = RefCell::new(WordCache::new(SLOTS));
}

/// The analyses of `word` from slot index `first_slot` inward, as
/// [`super::peel::analyses`] computes them, reused while the word stays in the memo.
pub fn cached_analyses(table: &SuffixTable, word: &str, first_slot: usize) -> Analyses {
    let fresh = || analyses(table, word, first_slot);
    MEMO.with(|memo| {
        memo.borrow_mut()
            .get_or_insert_with(word.as_bytes(), first_slot as u8, fresh)
            .map(|found| found.clone())
    })
    .unwrap_or_else(fresh)
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
