//! Word segmentation shared by all extractors: one pass over a field's text yields its words
//! with byte spans into the original and a folded lowercase form (see [`super::fold`]).
//! A word is a maximal run of letters, digits and invisible characters; hyphens, dashes,
//! spaces and punctuation separate words and are read from the original text between them.

use std::sync::LazyLock;

use super::fold::{fold_cyrillic_char, fold_known_into, is_alphanumeric, is_invisible, lower_char};
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

/// Letters and digits among ASCII bytes: the word characters of the fast path.
const fn ascii_word_table() -> [bool; 128] {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
}

static ASCII_WORD: [bool; 128] = ascii_word_table();

/// Folded forms of the Cyrillic block U+0400..U+04FF, indexed by `code point - 0x400`;
/// `'\0'` for the few non-letters (signs and combining marks) that end a word.
static CYRILLIC_FOLD: LazyLock<[char; 256]> = LazyLock::new(|| {
    std::array::from_fn(|k| match char::from_u32(0x400 + k as u32) {
        Some(c) if is_alphanumeric(c) => fold_cyrillic_char(c),
        _ => '\0',
    })
});

/// What the scan of one word learned about its characters.
struct WordScan {
    end: usize,
    digits: bool,
    letters: bool,
}

/// Scans the word starting at `start` (a letter or digit) and appends its folded form to
/// `norm` in the same pass: ASCII bytes and two-byte Cyrillic letters are classified and
/// folded by table, other characters are decoded. Look-alike folds apply only to words with
/// a Cyrillic letter, so a prefix folded before the first Cyrillic letter is folded again.
fn scan_word(text: &str, start: usize, cyrillic_fold: &[char; 256], norm: &mut String) -> WordScan {
    let bytes = text.as_bytes();
    let norm_start = norm.len();
    let (mut digits, mut letters, mut cyrillic) = (false, false, false);
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if !ASCII_WORD[b as usize] {
                break;
            }
            if b.is_ascii_digit() {
                digits = true;
                norm.push(b as char);
            } else {
                letters = true;
                norm.push(if cyrillic {
                    fold_cyrillic_char(b as char)
                } else {
                    b.to_ascii_lowercase() as char
                });
            }
            i += 1;
            continue;
        }
        if let (0xD0..=0xD3, Some(&next)) = (b, bytes.get(i + 1)) {
            let index = (((b & 0x03) as usize) << 6) | (next & 0x3F) as usize;
            let folded = cyrillic_fold[index];
            if folded == '\0' {
                break;
            }
            if !cyrillic {
                cyrillic = true;
                norm.truncate(norm_start);
                fold_known_into(&text[start..i], true, norm);
            }
            letters = true;
            norm.push(folded);
            i += 2;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if is_alphanumeric(c) {
            letters = true;
            norm.push(if cyrillic {
                fold_cyrillic_char(c)
            } else {
                lower_char(c)
            });
        } else if !is_invisible(c) {
            break;
        }
        i += c.len_utf8();
    }
    WordScan {
        end: i,
        digits,
        letters,
    }
}

impl<'t> Text<'t> {
    /// Segments `text` into words in one byte-level pass: ASCII and Cyrillic letters are
    /// classified and folded by table, other characters are decoded.
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let cyrillic_fold: &[char; 256] = &CYRILLIC_FOLD;
        let mut norm = String::with_capacity(text.len() + text.len() / 8);
        let mut words = Vec::with_capacity(text.len() / 6 + 1);
        let mut sentence_start = true;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let first = if b < 0x80 {
                if !ASCII_WORD[b as usize] {
                    if matches!(b, b'.' | b'!' | b'?' | b'\n') {
                        sentence_start = true;
                    }
                    i += 1;
                    continue;
                }
                b as char
            } else {
                let Some(c) = text[i..].chars().next() else {
                    break;
                };
                if !is_alphanumeric(c) {
                    i += c.len_utf8();
                    continue;
                }
                c
            };
            let norm_start = norm.len();
            let scan = scan_word(text, i, cyrillic_fold, &mut norm);
            let shape = match (scan.digits, scan.letters) {
                (true, false) => WordShape::Digits,
                (false, _) => WordShape::Letters,
                (true, true) => WordShape::Mixed,
            };
            words.push(Word {
                span: Span::new(i, scan.end),
                norm_start: norm_start as u32,
                norm_end: norm.len() as u32,
                shape,
                capitalized: first.is_uppercase(),
                sentence_start,
            });
            sentence_start = false;
            i = scan.end;
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

#[cfg(test)]
mod equivalence {
    use super::*;
    use crate::text::fold::fold_word;
    use proptest::prelude::*;

    /// The plain char-by-char definition the byte scanner must agree with: a word is a run of
    /// letters, digits and invisible characters starting with a letter or digit.
    fn reference(text: &str) -> Vec<(usize, usize, String, bool, bool)> {
        let word_char = |c: char| c.is_alphanumeric() || is_invisible(c);
        let mut out = Vec::new();
        let mut sentence = true;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if !c.is_alphanumeric() {
                sentence |= matches!(c, '.' | '!' | '?' | '\n');
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek().filter(|&&(_, d)| word_char(d)) {
                end = j + d.len_utf8();
                chars.next();
            }
            out.push((i, end, fold_word(&text[i..end]), c.is_uppercase(), sentence));
            sentence = false;
        }
        out
    }

    proptest! {
        #[test]
        fn byte_scanner_agrees_with_the_char_definition(
            text in "[a-zA-Z0-9 .!?\n,%«»()\u{2013}\u{00A0}\u{00AD}\u{200B}а-яА-ЯәғқңөұүһіӘҒҚҢӨҰҮҺІёЁəƏɵӀҥ\u{0482}\u{0483}\u{0660}-\u{0669}é日]{0,40}"
        ) {
            let t = Text::new(&text);
            let got: Vec<_> = (0..t.words.len())
                .map(|i| {
                    let w = &t.words[i];
                    (w.span.start, w.span.end, t.norm(i).to_owned(), w.capitalized, w.sentence_start)
                })
                .collect();
            prop_assert_eq!(got, reference(&text));
        }
    }
}
