//! Word segmentation shared by all extractors: one pass over a field's text yields its words
//! with byte spans into the original and a folded lowercase form (see [`super::fold`]).
//! A word is a maximal run of letters, digits and invisible characters; hyphens, dashes,
//! spaces and punctuation separate words and are read from the original text between them.

use super::fold::{fold_word_into, is_alphanumeric, is_invisible};
use super::span::Span;

/// What a word is made of, for quick filtering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordShape {
    /// Only ASCII digits.
    Digits,
    /// Only letters.
    Letters,
    /// Letters and digits mixed (`5км`, `COVID19`).
    Mixed,
}

/// One word of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Where the word is in the original text.
    pub span: Span,
    norm_start: u32,
    norm_end: u32,
    /// Digits, letters, or both.
    pub shape: WordShape,
    /// True when the word's first char is an uppercase letter.
    pub capitalized: bool,
    /// True when no word precedes it in its sentence (text start, or after `.`, `!`, `?`,
    /// a newline, or an opening dialogue dash at a line start).
    pub sentence_start: bool,
}

/// A field's text with its words. Built once per field and shared by all extractors.
#[derive(Debug)]
pub struct Text<'t> {
    /// The original text, never modified.
    pub text: &'t str,
    norm: String,
    /// The words in text order.
    pub words: Vec<Word>,
}

fn is_word_char(c: char) -> bool {
    is_alphanumeric(c) || is_invisible(c)
}

impl<'t> Text<'t> {
    /// Segments `text` into words.
    pub fn new(text: &'t str) -> Self {
        let mut norm = String::with_capacity(text.len());
        let mut words = Vec::with_capacity(text.len() / 7);
        let mut sentence_start = true;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if !is_word_char(c) || is_invisible(c) {
                if matches!(c, '.' | '!' | '?' | '\n') {
                    sentence_start = true;
                }
                continue;
            }
            let start = i;
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !is_word_char(d) {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let surface = &text[start..end];
            let (mut digits, mut letters) = (false, false);
            for ch in surface.chars() {
                if ch.is_ascii_digit() {
                    digits = true;
                } else if is_alphanumeric(ch) {
                    letters = true;
                }
            }
            let shape = match (digits, letters) {
                (true, false) => WordShape::Digits,
                (false, _) => WordShape::Letters,
                (true, true) => WordShape::Mixed,
            };
            let norm_start = norm.len() as u32;
            fold_word_into(surface, &mut norm);
            words.push(Word {
                span: Span::new(start, end),
                norm_start,
                norm_end: norm.len() as u32,
                shape,
                capitalized: c.is_uppercase(),
                sentence_start,
            });
            sentence_start = false;
        }
        Text { text, norm, words }
    }

    /// The folded lowercase form of word `i`.
    pub fn norm(&self, i: usize) -> &str {
        let w = &self.words[i];
        &self.norm[w.norm_start as usize..w.norm_end as usize]
    }

    /// The original surface of word `i`.
    pub fn surface(&self, i: usize) -> &'t str {
        self.words[i].span.slice(self.text)
    }

    /// The original text between word `i` and word `i + 1` (empty past the last word).
    pub fn gap_after(&self, i: usize) -> &'t str {
        match self.words.get(i + 1) {
            Some(next) => &self.text[self.words[i].span.end..next.span.start],
            None => "",
        }
    }

    /// The span from the start of word `first` to the end of word `last`.
    pub fn span_of(&self, first: usize, last: usize) -> Span {
        self.words[first].span.cover(&self.words[last].span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_carry_original_spans_and_folded_forms() {
        let t = Text::new("АСТАНА. Мемлекеттiк 98%-ға өсті.");
        let surfaces: Vec<_> = (0..t.words.len()).map(|i| t.surface(i)).collect();
        assert_eq!(surfaces, ["АСТАНА", "Мемлекеттiк", "98", "ға", "өсті"]);
        assert_eq!(t.norm(1), "мемлекеттік");
        assert_eq!(t.gap_after(2), "%-");
        assert!(t.words[0].sentence_start && t.words[1].sentence_start);
        assert!(!t.words[2].sentence_start);
        assert_eq!(t.words[2].shape, WordShape::Digits);
    }
}
