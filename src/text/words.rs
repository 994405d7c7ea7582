//! Word segmentation shared by all extractors: one pass over a field's text yields its words
//! with byte spans into the original, a folded lowercase form (see [`super::fold`]) and the
//! start-filter key of that form ([`crate::morph::prefilter::StartKey`]).
//! A word is a maximal run of letters, digits and invisible characters; hyphens, dashes,
//! spaces and punctuation separate words and are read from the original text between them.

use std::sync::LazyLock;

use super::fold::{
    cyrillic_index, fold_cyrillic_char, fold_word_into, is_alphanumeric, is_invisible, lower_char,
    CYRILLIC_FOLD,
};
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
    /// The text with its words folded in place, followed by the folded forms that could
    /// not be (see `FoldedCopy`): each word's folded form is a range of it. Valid UTF-8
    /// (private and built only by `FoldedCopy`, so that [`Text::norm`] can rely on it).
    norm: Vec<u8>,
    /// The words in text order.
    pub words: Vec<Word>,
    /// Each word's folded form: its byte range in `norm`, both ends char boundaries of it
    /// (private, so that [`Text::norm`] can rely on it).
    norm_ranges: Vec<[u32; 2]>,
    /// Each word's start-filter key, read from its folded form as it is made.
    start_keys: Vec<StartKey>,
    /// Per-word lexicon data (candidate stems), computed per word on first use.
    forms: Slots,
}

/// Scanner flag: a letter or digit (any other char ends a word).
const WORD: u8 = 1;
/// Scanner flag: an ASCII digit.
const DIGIT: u8 = 1 << 1;
/// Scanner flag: an ASCII letter.
const LATIN: u8 = 1 << 2;
/// Scanner flag: an uppercase ASCII or Cyrillic letter.
const UPPER: u8 = 1 << 3;
/// Scanner flag: a letter of the Cyrillic block.
const CYRILLIC_LETTER: u8 = 1 << 4;
/// Scanner flag: folding changes the char (set for every char outside the tables).
const CHANGES: u8 = 1 << 5;
/// Scanner flag: a letter or digit outside ASCII and the Cyrillic block.
const OTHER: u8 = 1 << 6;
/// Scanner flag of the ASCII table only: `.`, `!`, `?` or a newline (a sentence ends).
const SENTENCE_END: u8 = 1 << 7;

/// The scanner flags of each ASCII byte.
const fn ascii_flags() -> [u8; 128] {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_digit() {
            WORD | DIGIT
        } else if c.is_ascii_uppercase() {
            WORD | LATIN | UPPER
        } else if c.is_ascii_lowercase() {
            WORD | LATIN
        } else if matches!(c, b'.' | b'!' | b'?' | b'\n') {
            SENTENCE_END
        } else {
            0
        };
        b += 1;
    }
    table
}

static ASCII_FLAGS: [u8; 128] = ascii_flags();

/// The scanner flags of the chars of the Cyrillic block, indexed by the little-endian pair
/// of their two UTF-8 bytes (any two bytes index it): one load classifies a char. Pairs
/// that are not a Cyrillic letter (a sign or combining mark, or any other two bytes) hold
/// 0; Cyrillic letters hold [`WORD`] and [`CYRILLIC_LETTER`], plus [`UPPER`] and
/// [`CHANGES`] as they apply. Only 256 entries are ever non-zero, so the lines a text
/// touches stay few.
static PAIR_FLAGS: LazyLock<Box<[u8; 1 << 16]>> = LazyLock::new(|| {
    let mut table = Box::new([0; 1 << 16]);
    for c in '\u{0400}'..='\u{04FF}' {
        if !is_alphanumeric(c) {
            continue;
        }
        let mut bytes = [0; 2];
        c.encode_utf8(&mut bytes);
        let mut flags = WORD | CYRILLIC_LETTER;
        if c.is_uppercase() {
            flags |= UPPER;
        }
        if fold_cyrillic_char(c) != c {
            flags |= CHANGES;
        }
        table[usize::from(u16::from_le_bytes(bytes))] = flags;
    }
    table
});

/// The table type of [`PAIR_FLAGS`].
type Pairs = [u8; 1 << 16];

/// The [`PAIR_FLAGS`] of the char starting at `i` when it is a Cyrillic letter, else 0.
#[inline]
fn pair_flags(bytes: &[u8], i: usize, pairs: &Pairs) -> u8 {
    match bytes.get(i..i + 2) {
        Some(&[lead, next]) => pairs[usize::from(u16::from_le_bytes([lead, next]))],
        _ => 0,
    }
}

/// The end of the run of Cyrillic letters from `i` and the OR of their flags; two chars
/// per step (the bulk of a Kazakh text).
#[inline]
fn cyrillic_run(bytes: &[u8], mut i: usize, pairs: &Pairs) -> (usize, u8) {
    let mut seen = 0;
    while let Some(four) = bytes
        .get(i..i + 4)
        .and_then(|s| <[u8; 4]>::try_from(s).ok())
    {
        let v = u32::from_le_bytes(four);
        let first = pairs[(v & 0xFFFF) as usize];
        let second = pairs[(v >> 16) as usize];
        if first == 0 {
            return (i, seen);
        }
        if second == 0 {
            return (i + 2, seen | first);
        }
        seen |= first | second;
        i += 4;
    }
    let flags = pair_flags(bytes, i, pairs);
    if flags != 0 {
        (i + 2, seen | flags)
    } else {
        (i, seen)
    }
}

/// The flags of a char outside ASCII and the Cyrillic letters, and its length in bytes:
/// [`OTHER`] for a letter or digit, only [`CHANGES`] for an invisible char (kept inside a
/// word, dropped by the fold), 0 for any other char (it ends a word).
fn other_char_flags(text: &str, i: usize) -> (u8, usize) {
    match text[i..].chars().next() {
        Some(c) if is_alphanumeric(c) => {
            let upper = if c.is_uppercase() { UPPER } else { 0 };
            (WORD | OTHER | CHANGES | upper, c.len_utf8())
        }
        Some(c) if is_invisible(c) => (CHANGES, c.len_utf8()),
        Some(c) => (0, c.len_utf8()),
        None => (0, 1),
    }
}

/// What [`scan_word`] gives for the end of a word that is not an ASCII byte (the end of
/// the text or a non-ASCII char): [`WORD`], which no separator's [`ASCII_FLAGS`] hold.
const NO_SEPARATOR: u8 = WORD;

/// Scans the rest of a word from `i` and returns its end, the OR of its chars' flags, and
/// the [`ASCII_FLAGS`] of the byte that ended it when that is an ASCII byte, else
/// [`NO_SEPARATOR`] (a plain byte rather than an `Option`, so that it stays in a register):
/// runs of Cyrillic letters and ASCII bytes are classified by table, other chars decoded.
#[inline]
fn scan_word(text: &str, mut i: usize, pairs: &Pairs) -> (usize, u8, u8) {
    let bytes = text.as_bytes();
    let mut seen = 0;
    loop {
        let (end, flags) = cyrillic_run(bytes, i, pairs);
        seen |= flags;
        i = end;
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if b < 0x80 {
            let flags = ASCII_FLAGS[usize::from(b)];
            if flags & WORD == 0 {
                return (i, seen, flags);
            }
            seen |= flags;
            i += 1;
            continue;
        }
        if (0xD0..=0xD3).contains(&b) {
            // A Cyrillic sign or combining mark: it ends the word.
            break;
        }
        let (flags, len) = other_char_flags(text, i);
        if flags == 0 {
            break;
        }
        // Not the first char: only whether it changes under folding matters.
        seen |= flags & !UPPER;
        i += len;
    }
    (i, seen, NO_SEPARATOR)
}

/// True when folding a word with these scanner flags changes it (else its folded form is
/// its surface): a char that folds (uppercase, look-alike, invisible, outside the tables),
/// or a Latin letter in a Cyrillic word (look-alikes).
#[inline]
const fn fold_changes(flags: u8) -> bool {
    flags & (CHANGES | UPPER) != 0 || (flags & LATIN != 0 && flags & CYRILLIC_LETTER != 0)
}

/// What the scanner flags of a word (the OR of its chars' flags) say about it.
#[derive(Clone, Copy)]
struct WordClass {
    /// Its shape.
    shape: WordShape,
    /// Whether folding changes it ([`fold_changes`]).
    changes: bool,
}

/// The [`WordClass`] of every value of a word's scanner flags: one load per word instead of
/// a chain of tests.
static WORD_CLASSES: [WordClass; 256] = {
    let mut table = [WordClass {
        shape: WordShape::Letters,
        changes: false,
    }; 256];
    let mut k = 0;
    while k < 256 {
        let flags = k as u8;
        table[k] = WordClass {
            shape: if flags & (LATIN | CYRILLIC_LETTER | OTHER) == 0 {
                WordShape::Digits
            } else if flags & DIGIT == 0 {
                WordShape::Letters
            } else {
                WordShape::Mixed
            },
            changes: fold_changes(flags),
        };
        k += 1;
    }
    table
};

/// The folded copy of a text being built: a copy of the whole text in which each word is
/// folded in place when every char the fold changes keeps its UTF-8 length (nearly every
/// word: Cyrillic letters fold to Cyrillic letters, ASCII letters of a Latin word to ASCII),
/// and whose other folded forms are appended after the text. Either way each word's folded
/// form is a range of it. It is valid UTF-8 at every step: a char is only ever replaced by a
/// char of the same length, and appended forms are whole strings.
struct FoldedCopy<'t> {
    text: &'t str,
    norm: Vec<u8>,
    /// The folded form being appended (reused from word to word).
    scratch: String,
}

impl FoldedCopy<'_> {
    /// Replaces the char of `len` bytes at `at` by `folded` when that has the same length in
    /// UTF-8; false (nothing written) otherwise.
    #[inline]
    fn put(&mut self, at: usize, len: usize, folded: char) -> bool {
        match self.norm.get_mut(at..at + len) {
            Some(slot) if folded.len_utf8() == len => {
                folded.encode_utf8(slot);
                true
            }
            _ => false,
        }
    }

    /// Folds the word at `start..end` ([`crate::text::fold::fold_word`]) in place: Cyrillic
    /// letters that fold are replaced by table ([`fold_cyrillic_char`]), other chars by
    /// [`fold_cyrillic_char`] / [`lower_char`]. False when a char folds to one of another
    /// length or is invisible (dropped by the fold): the word is then partly folded, and its
    /// folded form must be appended instead.
    fn fold_in_place(&mut self, start: usize, end: usize, cyrillic: bool, pairs: &Pairs) -> bool {
        let bytes = self.text.as_bytes();
        let table: &[char; 256] = &CYRILLIC_FOLD;
        let mut i = start;
        while i < end {
            let b = bytes[i];
            let (c, len) = if b < 0x80 {
                (char::from(b), 1)
            } else if let (0xD0..=0xD3, Some(&next)) = (b, bytes.get(i + 1)) {
                if pair_flags(bytes, i, pairs) & CHANGES != 0
                    && !self.put(i, 2, table[cyrillic_index(b, next)])
                {
                    return false;
                }
                i += 2;
                continue;
            } else {
                match self.text[i..].chars().next() {
                    Some(c) => (c, c.len_utf8()),
                    None => break,
                }
            };
            if is_invisible(c) {
                return false;
            }
            let folded = if cyrillic {
                fold_cyrillic_char(c)
            } else {
                lower_char(c)
            };
            if folded != c && !self.put(i, len, folded) {
                return false;
            }
            i += len;
        }
        true
    }

    /// The range of the folded form of the word at `start..end`, whose fold changes it:
    /// folded in place (only its first letter when `first_only`, a capitalized Cyrillic word,
    /// the usual case), else appended after the text.
    fn fold_word(
        &mut self,
        start: usize,
        end: usize,
        first_only: bool,
        cyrillic: bool,
        pairs: &Pairs,
    ) -> [usize; 2] {
        let in_place = if first_only {
            let bytes = self.text.as_bytes();
            self.put(
                start,
                2,
                CYRILLIC_FOLD[cyrillic_index(bytes[start], bytes[start + 1])],
            )
        } else {
            self.fold_in_place(start, end, cyrillic, pairs)
        };
        if in_place {
            return [start, end];
        }
        self.scratch.clear();
        fold_word_into(&self.text[start..end], &mut self.scratch);
        let at = self.norm.len();
        self.norm.extend_from_slice(self.scratch.as_bytes());
        [at, self.norm.len()]
    }
}

impl<'t> Text<'t> {
    /// Segments `text` into words in one byte-level pass: ASCII and Cyrillic letters are
    /// classified by table, other characters decoded. The folded copy is the text copied
    /// whole, with the words that folding changes folded in place (see `FoldedCopy`).
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let pairs: &Pairs = &PAIR_FLAGS;
        let mut norm = Vec::with_capacity(text.len() + text.len() / 16);
        norm.extend_from_slice(bytes);
        let mut copy = FoldedCopy {
            text,
            norm,
            scratch: String::new(),
        };
        let mut words = Vec::with_capacity(text.len() / 8 + 1);
        let mut norm_ranges = Vec::with_capacity(text.len() / 8 + 1);
        let mut start_keys = Vec::with_capacity(text.len() / 8 + 1);
        let mut sentence_start = true;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let (first, len) = if b < 0x80 {
                let flags = ASCII_FLAGS[usize::from(b)];
                if flags & WORD == 0 {
                    sentence_start |= flags & SENTENCE_END != 0;
                    i += 1;
                    continue;
                }
                (flags, 1)
            } else {
                let flags = pair_flags(bytes, i, pairs);
                if flags != 0 {
                    (flags, 2)
                } else {
                    match other_char_flags(text, i) {
                        (flags, len) if flags & WORD != 0 => (flags, len),
                        (_, len) => {
                            i += len;
                            continue;
                        }
                    }
                }
            };
            let (end, rest, separator) = scan_word(text, i + len, pairs);
            let seen = first | rest;
            let class = WORD_CLASSES[usize::from(seen)];
            let [norm_start, norm_end] = if class.changes {
                // A capitalized Cyrillic word (the usual case): only its first letter (two
                // bytes, as every Cyrillic letter) folds.
                let first_only =
                    first & CYRILLIC_LETTER != 0 && !fold_changes(rest | CYRILLIC_LETTER);
                copy.fold_word(i, end, first_only, seen & CYRILLIC_LETTER != 0, pairs)
            } else {
                [i, end]
            };
            // Both ends are char boundaries of the copy (see `FoldedCopy`): either those of
            // the word in the text, whose chars were replaced by chars of the same lengths,
            // or the ends of a whole string appended.
            norm_ranges.push([norm_start as u32, norm_end as u32]);
            start_keys.push(StartKey::of_bytes(&copy.norm[norm_start..norm_end]));
            words.push(Word {
                span: Span::new(i, end),
                shape: class.shape,
                capitalized: first & UPPER != 0,
                sentence_start,
            });
            // The ASCII separator the scan stopped at is read here, not again (no sentence
            // ends at `NO_SEPARATOR`).
            sentence_start = separator & SENTENCE_END != 0;
            i = end + usize::from(separator & WORD == 0);
        }
        Text {
            text,
            norm: copy.norm,
            words,
            norm_ranges,
            start_keys,
            forms: Slots::default(),
        }
    }

    /// The folded lowercase form of word `i`. Called per word by every rule loop, so it
    /// skips the char-boundary checks of `str` slicing (the range is still bounds-checked).
    #[inline]
    pub fn norm(&self, i: usize) -> &str {
        let [start, end] = self.norm_ranges[i];
        let bytes = &self.norm[start as usize..end as usize];
        debug_assert!(std::str::from_utf8(bytes).is_ok());
        // SAFETY: the private `norm` is valid UTF-8 and never changes after `Text::new`:
        // `FoldedCopy` starts it as a copy of the text, only ever replaces a char of it by a
        // char of the same UTF-8 length, and appends whole strings. `Text::new` made both
        // ends of every range in the private `norm_ranges` char boundaries of it (see
        // there; the tests check both), so the bytes between them are valid UTF-8.
        unsafe { std::str::from_utf8_unchecked(bytes) }
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
        self.start_keys[i]
    }

    /// The start-filter key of every word, in order: for the rules that gate every word on
    /// its start.
    #[inline]
    pub fn start_keys(&self) -> &[StartKey] {
        &self.start_keys
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

    #[test]
    fn words_folded_in_place_and_appended_agree() {
        // In place: a capitalized word, an all-caps word, a Latin word; appended: a Latin
        // look-alike in a Cyrillic word, a soft hyphen.
        let t = Text::new("Астана АҚШ COVID Cаенс Қазақ\u{00AD}стан ЁЛКА");
        let norms: Vec<_> = (0..t.words.len()).map(|i| t.norm(i)).collect();
        assert_eq!(
            norms,
            ["астана", "ақш", "covid", "саенс", "қазақстан", "елка"]
        );
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

    /// The invariants [`Text::norm`] relies on: the folded copy is valid UTF-8 and every
    /// folded range lies on char boundaries.
    fn ranges_on_char_boundaries(t: &Text) -> bool {
        let Ok(norm) = std::str::from_utf8(&t.norm) else {
            return false;
        };
        t.words.len() == t.norm_ranges.len()
            && t.norm_ranges.iter().all(|&[start, end]| {
                start <= end
                    && norm.is_char_boundary(start as usize)
                    && norm.is_char_boundary(end as usize)
            })
    }

    /// The byte scanner gives the words, folded forms and flags of the char-by-char
    /// definition, every folded range lies on char boundaries, and the start keys made
    /// while folding are those of the folded forms.
    fn agrees_with_reference(text: &str) -> Result<(), TestCaseError> {
        let t = Text::new(text);
        let got: Vec<_> = (0..t.words.len())
            .map(|i| {
                let w = &t.words[i];
                let norm = t.norm(i).to_owned();
                (
                    w.span.start,
                    w.span.end,
                    norm,
                    w.shape,
                    w.capitalized,
                    w.sentence_start,
                )
            })
            .collect();
        prop_assert!(ranges_on_char_boundaries(&t));
        for i in 0..t.words.len() {
            prop_assert_eq!(t.start_key(i), StartKey::of(t.norm(i)));
        }
        prop_assert_eq!(got, reference(text));
        Ok(())
    }

    proptest! {
        #[test]
        fn byte_scanner_agrees_with_the_char_definition(
            text in "[a-zA-Z0-9 .!?\n,%«»()\u{2013}\u{00A0}\u{00AD}\u{200B}а-яА-ЯәғқңөұүһіӘҒҚҢӨҰҮҺІёЁəƏɵӀҥҡҠґҐӈѳӏ\u{0482}\u{0483}\u{0660}-\u{0669}é日]{0,40}"
        ) {
            agrees_with_reference(&text)?;
        }

        #[test]
        fn byte_scanner_agrees_on_word_like_text(
            text in "([A-ZА-ЯӘҒҚҢӨҰҮҺІЁҠӀ0-9]?[a-zа-яәғқңөұүһіёҡҥ0-9\u{00AD}]{0,6}[ .,!\n«»\u{2013}-]{1,2}){0,10}"
        ) {
            agrees_with_reference(&text)?;
        }
    }
}
