//! Numbers as the calendar rules need them, read by [`crate::facts::numeral::read_numeral`]:
//! value, words covered, ordinal or not (`2020-сыншы`, `жиырмасыншы`), digits or words.

use crate::facts::numeral::read_numeral;
use crate::text::fold::is_hyphen;
use crate::text::words::WordShape;
use crate::text::Text;

/// A number found at some word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    /// Its value.
    pub value: f64,
    /// First word.
    pub first: usize,
    /// Last word, the hyphenated ending included.
    pub last: usize,
    /// True for an ordinal form.
    pub ordinal: bool,
    /// True when written in digits.
    pub digits: bool,
    /// Number of digits of the first word (0 for number words).
    pub width: usize,
    /// True when an ending follows the number (`отызда`, `9-да`).
    pub inflected: bool,
    /// True for a collective numeral (`екеуі`, `төртеуінде`).
    pub collective: bool,
}

impl Num {
    /// The value as a whole number, when it is one.
    pub fn integer(&self) -> Option<i64> {
        (self.value.fract() == 0.0 && self.value >= 0.0 && self.value < 1e15)
            .then_some(self.value as i64)
    }
}

/// True when the gap between two words is exactly one hyphen.
pub fn hyphen_gap(gap: &str) -> bool {
    let mut chars = gap.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if is_hyphen(c))
}

/// Reads the number starting at word `i`.
pub fn num_at(text: &Text, i: usize) -> Option<Num> {
    let n = read_numeral(text, i)?;
    let width = match text.words[i].shape {
        WordShape::Digits => text.surface(i).len(),
        _ => 0,
    };
    Some(Num {
        value: n.value,
        first: n.first_word,
        last: n.last_word,
        ordinal: n.ordinal,
        digits: n.digits,
        width,
        inflected: !n.suffix.is_empty(),
        collective: n.collective,
    })
}
