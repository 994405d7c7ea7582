//! Half-open byte spans into the original text, and their conversion to Unicode code-point
//! offsets for the output format. Offsets always refer to the text exactly as it was given:
//! nothing upstream rewrites the text without keeping the original positions.

use serde::Serialize;

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
pub struct CharOffsets<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl<'t> CharOffsets<'t> {
    /// Starts a converter over `text`.
    pub fn new(text: &'t str) -> Self {
        CharOffsets {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// Code-point offset of the byte offset `byte`, which must be a char boundary.
    pub fn char_offset(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
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
