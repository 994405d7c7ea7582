//! Half-open byte spans into the original text, and their conversion to Unicode code-point
//! offsets for the output format. Offsets always refer to the text exactly as it was given:
//! nothing upstream rewrites the text without keeping the original positions.

use serde::Serialize;

use super::bytes::load_le;

/// A half-open byte range `[start, end)` into the original text of one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Builds a span; `start <= end` is the caller's promise.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty span.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: &Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The slice of `text` this span covers.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Converts byte offsets of one text to code-point offsets. Cheap when queried in
/// increasing order (the usual case: mentions are sorted by start), correct in any order.
/// A code-point offset is the byte offset less the continuation bytes (`10xxxxxx`) before
/// it; those are counted a machine word (8 bytes) at a time, up to the last whole word
/// before the latest query, so each byte of the text is looked at about once.
pub struct CharOffsets<'t> {
    bytes: &'t [u8],
    /// A multiple of 8: the continuation bytes before it are counted.
    counted: usize,
    /// The continuation bytes before `counted`.
    continuations: usize,
}

impl<'t> CharOffsets<'t> {
    /// Starts a converter over `text`.
    pub fn new(text: &'t str) -> Self {
        CharOffsets {
            bytes: text.as_bytes(),
            counted: 0,
            continuations: 0,
        }
    }

    /// Code-point offset of the byte offset `byte`, which must be a char boundary.
    #[inline]
    pub fn char_offset(&mut self, byte: usize) -> usize {
        if byte < self.counted {
            self.counted = 0;
            self.continuations = 0;
        }
        let whole = byte & !7;
        if whole > self.counted {
            let (words, _) = self.bytes[self.counted..whole].as_chunks::<8>();
            self.continuations += continuations(words);
            self.counted = whole;
        }
        // The 0..=7 bytes from `counted` to `byte`, from the word at `counted` when the text
        // holds all 8 of its bytes (the usual case), else read one by one.
        let rest = byte - self.counted;
        let word = match self.bytes[self.counted..].first_chunk::<8>() {
            Some(word) => u64::from_le_bytes(*word) & ((1 << (8 * rest)) - 1),
            None => load_le(&self.bytes[self.counted..byte]),
        };
        byte - self.continuations - sum_lanes(marks(word))
    }
}

/// Bit 0 of each byte of the word `w` of text: set for a continuation byte (bit 7 set,
/// bit 6 clear).
#[inline]
fn marks(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    (w >> 7) & !(w >> 6) & ONES
}

/// The sum of the 8 byte lanes of `lanes` (each at most 2).
#[inline]
fn sum_lanes(lanes: u64) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    (lanes.wrapping_mul(ONES) >> 56) as usize
}

/// The continuation bytes of `words`. Calls cover a few words each (the gap between two
/// mention boundaries), so a plain loop beats a vectorized one and its set-up; the marks of
/// two words are added before their lanes are summed.
#[inline]
fn continuations(words: &[[u8; 8]]) -> usize {
    let (pairs, last) = words.as_chunks::<2>();
    let word = |w: &[u8; 8]| marks(u64::from_le_bytes(*w));
    let paired: usize = pairs
        .iter()
        .map(|[a, b]| sum_lanes(word(a) + word(b)))
        .sum();
    paired + last.iter().map(|w| sum_lanes(word(w))).sum::<usize>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points_in_any_order() {
        let text = "Қазақстан 2025 жылы";
        let mut offsets = CharOffsets::new(text);
        let year = text.find("2025").unwrap();
        assert_eq!(offsets.char_offset(year), 10);
        assert_eq!(offsets.char_offset(text.len()), 19);
        assert_eq!(offsets.char_offset(0), 0);
        assert_eq!(offsets.char_offset(year), 10);
    }

    #[test]
    fn char_offsets_agree_with_the_standard_library() {
        let text =
            "aә€😀 Қазақстан 2025 жылы «тест» \u{00AD}x".repeat(3) + &"ө".repeat(300) + "end";
        let boundaries: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let expected = |i: usize| text[..i].chars().count();
        let mut offsets = CharOffsets::new(&text);
        for &i in &boundaries {
            assert_eq!(offsets.char_offset(i), expected(i), "in order, {i}");
        }
        for step in [3, 7, 40] {
            let mut offsets = CharOffsets::new(&text);
            for &i in boundaries.iter().step_by(step).rev() {
                assert_eq!(offsets.char_offset(i), expected(i), "backwards, {i}");
            }
        }
    }

    #[test]
    fn overlap_and_cover() {
        let a = Span::new(0, 5);
        let b = Span::new(4, 9);
        let c = Span::new(5, 9);
        assert!(a.overlaps(&b));
        assert!(!a.overlaps(&c));
        assert_eq!(a.cover(&c), Span::new(0, 9));
        assert!(Span::new(0, 9).contains(&b));
    }
}
