//! Readings shared by the numeric rules of one text: the number rules read a numeral at
//! (almost) every word where the date and time rules later ask for one. Inside
//! [`share_readings`], [`super::read_numeral`] keeps each reading (or its absence) of the
//! text in a small per-thread table indexed by word, so that a later read of the same word
//! is a copy. Reading is a pure function of the text and the word, so a kept reading is the
//! one a fresh read would give.

use std::cell::RefCell;

use super::Numeral;
use crate::text::{Span, Text};

/// Slots of the table: a word's slot is its index modulo this (a later word of a long
/// text takes the slot over; it only costs a fresh read).
const SLOTS: usize = 1024;

/// A reading as kept: [`Numeral`] without its borrowed part (its ending, which is always
/// the end of its last word's folded form, is kept as a length).
#[derive(Clone, Copy)]
struct Kept {
    value: f64,
    last_word: usize,
    span: Span,
    suffix_len: usize,
    ordinal: bool,
    digits: bool,
    collective: bool,
    vague: bool,
    approx: bool,
    scaled: bool,
}

impl Kept {
    /// The kept form of `reading` (None when the word reads as no numeral), or Err when it
    /// cannot be rebuilt from it.
    #[inline]
    fn of(text: &Text, reading: &Option<Numeral>) -> Result<Option<Kept>, ()> {
        let Some(n) = reading else {
            return Ok(None);
        };
        // An ending ends where the last word's folded form ends (it is the same bytes).
        let end = |s: &str| s.as_bytes().as_ptr_range().end;
        if !n.suffix.is_empty() && end(n.suffix) != end(text.norm(n.last_word)) {
            return Err(());
        }
        Ok(Some(Kept {
            value: n.value,
            last_word: n.last_word,
            span: n.span,
            suffix_len: n.suffix.len(),
            ordinal: n.ordinal,
            digits: n.digits,
            collective: n.collective,
            vague: n.vague,
            approx: n.approx,
            scaled: n.scaled,
        }))
    }

    /// The reading at word `i` of `text` this was kept from.
    #[inline]
    fn rebuild<'t>(self, text: &'t Text, i: usize) -> Option<Numeral<'t>> {
        let norm = text.norm(self.last_word);
        let suffix = norm.get(norm.len().checked_sub(self.suffix_len)?..)?;
        Some(Numeral {
            value: self.value,
            first_word: i,
            last_word: self.last_word,
            ordinal: self.ordinal,
            suffix,
            span: self.span,
            digits: self.digits,
            collective: self.collective,
            vague: self.vague,
            approx: self.approx,
            scaled: self.scaled,
        })
    }
}

/// The per-thread table: the open scope (0: none), the address of its text, the last
/// scope number given, and each slot's key ([`Memo::key`]) and reading.
struct Memo {
    scope: u32,
    text: usize,
    last_scope: u32,
    slots: [(u64, Option<Kept>); SLOTS],
}

impl Memo {
    /// The key of word `i` in the open scope (never 0, the key of an unused slot).
    fn key(&self, i: usize) -> u64 {
        u64::from(self.scope) << 32 | (i as u64 & 0xFFFF_FFFF)
    }

    /// True when the open scope is for `text`.
    fn serves(&self, text: &Text) -> bool {
        self.scope != 0 && self.text == std::ptr::from_ref(text) as usize
    }
}

thread_local! {
    static MEMO: RefCell<Memo> = const {
        RefCell::new(Memo {
            scope: 0,
            text: 0,
            last_scope: 0,
            slots: [(0, None); SLOTS],
        })
    };
}

/// Runs `f` with the readings of `text` shared: every [`super::read_numeral`] of a word of
/// `text` on this thread during `f` after the first is a copy of the first.
pub fn share_readings<R>(text: &Text, f: impl FnOnce() -> R) -> R {
    /// Closes the scope, also when `f` panics.
    struct Close(u32, usize);
    impl Drop for Close {
        fn drop(&mut self) {
            MEMO.with(|m| {
                let mut m = m.borrow_mut();
                (m.scope, m.text) = (self.0, self.1);
            });
        }
    }
    let _close = MEMO.with(|m| {
        let mut m = m.borrow_mut();
        let outer = Close(m.scope, m.text);
        // A new scope number makes the slots of earlier scopes unused (0 is kept for none;
        // when the numbers wrap, the slots are cleared).
        m.last_scope = match m.last_scope.wrapping_add(1) {
            0 => 1,
            next => next,
        };
        if m.last_scope == 1 {
            m.slots.fill((0, None));
        }
        m.scope = m.last_scope;
        m.text = std::ptr::from_ref(text) as usize;
        outer
    });
    f()
}

/// The reading at word `i` of `text`: the kept one inside [`share_readings`] for `text`,
/// else `read`'s, kept for later.
#[inline]
pub(super) fn read<'t>(
    text: &'t Text,
    i: usize,
    read: impl FnOnce() -> Option<Numeral<'t>>,
) -> Option<Numeral<'t>> {
    let key = MEMO.with(|m| {
        let m = m.borrow();
        if !m.serves(text) {
            return None;
        }
        let key = m.key(i);
        Some((key, m.slots[i % SLOTS]))
    });
    let Some((key, (slot_key, kept))) = key else {
        return read();
    };
    if slot_key == key {
        return kept.and_then(|k| k.rebuild(text, i));
    }
    let reading = read();
    if let Ok(kept) = Kept::of(text, &reading) {
        MEMO.with(|m| m.borrow_mut().slots[i % SLOTS] = (key, kept));
    }
    reading
}

#[cfg(test)]
mod tests {
    use super::super::read_numeral;
    use super::*;

    /// Shared readings are the fresh ones, at every word, read in any order.
    #[test]
    fn shared_readings_are_fresh_readings() {
        let texts = [
            "1 200 000 адам, 31,7 тонна, 1000-нан астам, 179-ыншы орын, 2,5 мыңнан астам",
            "60 млрд теңге, 5км жол, -5 градус, екі мың тоғыз жүз алпыс сегіз, қырықтан асты",
            "қырық бүтін оннан тоғыз, бесеуінің, екі мың жиырмасыншы, үшін бірге 05.01.2023",
            "2026–2028 жылдары 10-15 мен 20 жас 2017-де, сағат 20:40-та, жарты миллион",
        ];
        for s in texts {
            let text = Text::new(s);
            let fresh: Vec<_> = (0..=text.words.len())
                .map(|i| read_numeral(&text, i))
                .collect();
            share_readings(&text, || {
                for i in (0..=text.words.len()).chain((0..=text.words.len()).rev()) {
                    assert_eq!(read_numeral(&text, i), fresh[i], "{s}: {i}");
                }
                // Another text is not served from the scope of this one.
                let other = Text::new("7 күн 8 ай");
                assert_eq!(read_numeral(&other, 0).map(|n| n.value), Some(7.0));
            });
        }
    }
}
