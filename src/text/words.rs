//! Word segmentation shared by all extractors: one pass over a field's text yields its words
//! with byte spans into the original and a folded lowercase form (see [`super::fold`]).
//! A word is a maximal run of letters, digits and invisible characters; hyphens, dashes,
//! spaces and punctuation separate words and are read from the original text between them.

use std::sync::LazyLock;

use super::fold::{fold_cyrillic_char, is_alphanumeric, is_invisible, lower_char};
use super::span::Span;
use crate::morph::forms::{Forms, Slots, Stem};
use crate::morph::prefilter::StartKey;

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
    /// Per-word lexicon data (candidate stems), computed per word on first use.
    forms: Slots,
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

/// [`CYRILLIC`] entry bit: the char is a letter or digit (else it ends a word).
const LETTER: u32 = 1 << 16;
/// [`CYRILLIC`] entry bit: the char is uppercase.
const UPPER: u32 = 1 << 17;
/// [`CYRILLIC`] entry bit: folding changes the char.
const CHANGES: u32 = 1 << 18;

/// The Cyrillic block U+0400..U+04FF, indexed by `code point - 0x400`: the folded code
/// point in the low 16 bits, and the [`LETTER`], [`UPPER`] and [`CHANGES`] bits. The few
/// non-letters (signs and combining marks) have no bit and end a word.
static CYRILLIC: LazyLock<[u32; 256]> = LazyLock::new(|| {
    std::array::from_fn(|k| match char::from_u32(0x400 + k as u32) {
        Some(c) if is_alphanumeric(c) => {
            let folded = fold_cyrillic_char(c);
            let mut entry = folded as u32 | LETTER;
            if c.is_uppercase() {
                entry |= UPPER;
            }
            if folded != c {
                entry |= CHANGES;
            }
            entry
        }
        _ => 0,
    })
});

/// The folded char of a [`CYRILLIC`] entry.
fn folded_char(entry: u32) -> char {
    char::from_u32(entry & 0xFFFF).unwrap_or('\0')
}

/// What the scan of one word learned about its characters.
struct WordScan {
    end: usize,
    digits: bool,
    letters: bool,
    cyrillic: bool,
    /// Folding changes the word (else its folded form is its surface).
    changes: bool,
}

/// Index of a two-byte Cyrillic letter (lead byte 0xD0..=0xD3) into [`CYRILLIC`].
#[inline]
fn cyrillic_index(lead: u8, next: u8) -> usize {
    (((lead & 0x03) as usize) << 6) | (next & 0x3F) as usize
}

/// The run of two-byte Cyrillic letters at the start of `bytes`: its length in bytes and
/// the OR of their [`CYRILLIC`] entries. Kept out of line so that its loop (most of the
/// bytes of a Kazakh text) keeps everything in registers.
#[inline(never)]
fn cyrillic_run(bytes: &[u8], cyrillic_table: &[u32; 256]) -> (usize, u32) {
    let mut seen = 0;
    let mut i = 0;
    while let [lead, next, ..] = bytes[i..] {
        if lead & 0xFC != 0xD0 {
            break;
        }
        let entry = cyrillic_table[cyrillic_index(lead, next)];
        if entry & LETTER == 0 {
            break;
        }
        seen |= entry;
        i += 2;
    }
    (i, seen)
}

/// Scans the word starting at `start` (a letter or digit) without writing anything: ASCII
/// bytes and two-byte Cyrillic letters are classified by table, other characters decoded.
#[inline]
fn scan_word(text: &str, start: usize, cyrillic_table: &[u32; 256]) -> WordScan {
    let bytes = text.as_bytes();
    let (mut digits, mut latin, mut upper, mut cyrillic) = (false, false, false, false);
    let (mut other_letters, mut changes) = (false, 0u32);
    let mut i = start;
    loop {
        let (run, seen) = cyrillic_run(&bytes[i..], cyrillic_table);
        if run > 0 {
            cyrillic = true;
            changes |= seen;
            i += run;
        }
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if b < 0x80 {
            if !ASCII_WORD[b as usize] {
                break;
            }
            if b.is_ascii_digit() {
                digits = true;
            } else {
                latin = true;
                upper |= b.is_ascii_uppercase();
            }
            i += 1;
            continue;
        }
        if (0xD0..=0xD3).contains(&b) {
            // A Cyrillic sign or mark the run stopped at: it ends the word.
            break;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if is_alphanumeric(c) {
            other_letters = true;
        } else if !is_invisible(c) {
            break;
        }
        changes |= CHANGES;
        i += c.len_utf8();
    }
    WordScan {
        end: i,
        digits,
        // Any char past the ASCII digits is a letter: non-ASCII digits count as letters.
        letters: latin || cyrillic || other_letters,
        cyrillic,
        changes: changes & CHANGES != 0 || upper || (latin && cyrillic),
    }
}

/// Appends the folded form of a scanned word: ASCII and two-byte Cyrillic letters by table,
/// other characters through [`fold_cyrillic_char`] or [`lower_char`].
fn fold_scanned(surface: &str, cyrillic: bool, cyrillic_table: &[u32; 256], norm: &mut String) {
    let bytes = surface.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            norm.push(if cyrillic {
                fold_cyrillic_char(b as char)
            } else {
                b.to_ascii_lowercase() as char
            });
            i += 1;
            continue;
        }
        if let (0xD0..=0xD3, Some(&next)) = (b, bytes.get(i + 1)) {
            norm.push(folded_char(cyrillic_table[cyrillic_index(b, next)]));
            i += 2;
            continue;
        }
        let Some(c) = surface[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if is_invisible(c) {
            continue;
        }
        norm.push(if cyrillic {
            fold_cyrillic_char(c)
        } else {
            lower_char(c)
        });
    }
}

/// The first char of a word at `i`, when one starts there: whether it is uppercase, and
/// its length in bytes, or `Err(len)` with the length of the non-word char to skip.
#[inline]
fn word_start(text: &str, i: usize, cyrillic_table: &[u32; 256]) -> Result<bool, usize> {
    let bytes = text.as_bytes();
    if let (Some(&b @ 0xD0..=0xD3), Some(&next)) = (bytes.get(i), bytes.get(i + 1)) {
        let entry = cyrillic_table[cyrillic_index(b, next)];
        return if entry & LETTER == 0 {
            Err(2)
        } else {
            Ok(entry & UPPER != 0)
        };
    }
    match text[i..].chars().next() {
        Some(c) if is_alphanumeric(c) => Ok(c.is_uppercase()),
        Some(c) => Err(c.len_utf8()),
        None => Err(1),
    }
}

impl<'t> Text<'t> {
    /// Segments `text` into words in one byte-level pass: ASCII and Cyrillic letters are
    /// classified by table, other characters decoded. A word whose fold changes nothing (most
    /// words: lowercase Cyrillic, digits) is copied as is.
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let cyrillic_table: &[u32; 256] = &CYRILLIC;
        let mut norm = String::with_capacity(text.len() + text.len() / 8);
        let mut words = Vec::with_capacity(text.len() / 6 + 1);
        let mut sentence_start = true;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let capitalized = if b < 0x80 {
                if !ASCII_WORD[b as usize] {
                    if matches!(b, b'.' | b'!' | b'?' | b'\n') {
                        sentence_start = true;
                    }
                    i += 1;
                    continue;
                }
                b.is_ascii_uppercase()
            } else {
                match word_start(text, i, cyrillic_table) {
                    Ok(upper) => upper,
                    Err(skip) => {
                        i += skip;
                        continue;
                    }
                }
            };
            let scan = scan_word(text, i, cyrillic_table);
            let norm_start = norm.len();
            if scan.changes {
                fold_scanned(&text[i..scan.end], scan.cyrillic, cyrillic_table, &mut norm);
            } else {
                norm.push_str(&text[i..scan.end]);
            }
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
                capitalized,
                sentence_start,
            });
            sentence_start = false;
            i = scan.end;
        }
        Text {
            text,
            norm,
            words,
            forms: Slots::default(),
        }
    }

    /// The folded lowercase form of word `i`.
    #[inline]
    pub fn norm(&self, i: usize) -> &str {
        let w = &self.words[i];
        &self.norm[w.norm_start as usize..w.norm_end as usize]
    }

    /// The lexicon data of the words ([`Forms`]), each word's computed on first use: what
    /// the stem lexicons probe instead of peeling and hashing each word for every table.
    pub fn forms(&self) -> Forms<'_> {
        Forms::new(self, &self.forms)
    }

    /// The candidate stems of word `i`, as [`crate::morph::Morph::find_stem`] tries them.
    pub fn stems(&self, i: usize) -> impl Iterator<Item = Stem<'_>> {
        self.forms().stems(i)
    }

    /// The start-filter key of word `i` ([`crate::morph::prefilter::StartFilter`]).
    #[inline]
    pub fn start_key(&self, i: usize) -> StartKey {
        self.forms().start_key(i)
    }

    /// The original surface of word `i`.
    #[inline]
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
    fn reference(text: &str) -> Vec<(usize, usize, String, WordShape, bool, bool)> {
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
            let surface = &text[i..end];
            let digits = surface.chars().any(|c| c.is_ascii_digit());
            let letters = surface
                .chars()
                .any(|c| c.is_alphanumeric() && !c.is_ascii_digit());
            let shape = match (digits, letters) {
                (true, false) => WordShape::Digits,
                (false, _) => WordShape::Letters,
                (true, true) => WordShape::Mixed,
            };
            out.push((
                i,
                end,
                fold_word(surface),
                shape,
                c.is_uppercase(),
                sentence,
            ));
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
                    (w.span.start, w.span.end, t.norm(i).to_owned(), w.shape, w.capitalized, w.sentence_start)
                })
                .collect();
            prop_assert_eq!(got, reference(&text));
        }
    }
}
