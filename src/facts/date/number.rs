//! Numbers as the calendar rules need them: value, words covered, and whether the number is
//! an ordinal (`2020-сыншы`, `11-інші`, `жиырмасыншы`). Digits with a hyphenated ending are
//! read here; number words come from the numbers module.

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
    /// Number of digits of the integer part (0 for number words).
    pub width: usize,
}

impl Num {
    /// The value as a whole number, when it is one.
    pub fn integer(&self) -> Option<i64> {
        (self.value.fract() == 0.0 && self.value >= 0.0 && self.value < 1e15)
            .then_some(self.value as i64)
    }
}

const ORDINAL_ENDINGS: [&str; 7] = ["ыншы", "інші", "сыншы", "ншы", "нші", "шы", "ші"];

/// True when `ending` (folded, after a digit and a hyphen) is an ordinal tail.
fn is_ordinal_ending(ending: &str) -> bool {
    ORDINAL_ENDINGS.iter().any(|o| ending.starts_with(o))
}

/// True when the gap between two words is exactly one hyphen.
pub fn hyphen_gap(gap: &str) -> bool {
    let mut chars = gap.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if is_hyphen(c))
}

/// Reads the ending glued by a hyphen after word `i`, unless `keep` says the next word is a
/// word of its own (`90-жылдары`). Returns the ending's word index.
fn ending_after(text: &Text, i: usize, keep: impl Fn(&str) -> bool) -> Option<usize> {
    let next = i + 1;
    let word = text.words.get(next)?;
    (hyphen_gap(text.gap_after(i)) && word.shape == WordShape::Letters && !keep(text.norm(next)))
        .then_some(next)
}

/// Reads a digit number at word `i`: `2025`, `1,5`, `2020-сыншы`, `19-ы`. `is_word` tells
/// which hyphenated followers are words of their own rather than endings.
pub fn digits_at(text: &Text, i: usize, is_word: impl Fn(&str) -> bool) -> Option<Num> {
    if text.words.get(i)?.shape != WordShape::Digits {
        return None;
    }
    let int = text.surface(i);
    let mut value: f64 = int.parse().ok()?;
    let mut last = i;
    if text.gap_after(i) == "," {
        if let Some(w) = text
            .words
            .get(i + 1)
            .filter(|w| w.shape == WordShape::Digits)
        {
            let frac = w.span.slice(text.text);
            value = format!("{int}.{frac}").parse().ok()?;
            last = i + 1;
        }
    }
    let mut ordinal = false;
    if let Some(e) = ending_after(text, last, is_word) {
        ordinal = last == i && is_ordinal_ending(text.norm(e));
        last = e;
    }
    Some(Num {
        value,
        first: i,
        last,
        ordinal,
        digits: true,
        width: int.len(),
    })
}
