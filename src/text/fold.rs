//! Character folds used for matching (never for output): lowercase, Latin look-alikes inside
//! Cyrillic words folded to the Kazakh letter, all dash and space variants to one class.

use std::sync::LazyLock;

/// Lowercases one char and folds Latin or other look-alikes of Kazakh Cyrillic letters.
/// Only call this inside words that contain at least one Cyrillic letter.
pub fn fold_cyrillic_char(c: char) -> char {
    match c {
        'i' | 'I' | 'Ӏ' | 'ӏ' => 'і',
        'ə' | 'Ə' => 'ә',
        'ɵ' | 'Ɵ' | 'ѳ' | 'Ѳ' => 'ө',
        'ҡ' | 'Ҡ' => 'қ',
        'ґ' | 'Ґ' => 'ғ',
        'ҥ' | 'Ҥ' | 'ӈ' | 'Ӈ' => 'ң',
        'a' | 'A' => 'а',
        'e' | 'E' => 'е',
        'o' | 'O' => 'о',
        'p' | 'P' => 'р',
        'c' | 'C' => 'с',
        'x' | 'X' => 'х',
        'y' => 'у',
        'B' => 'в',
        'K' | 'k' => 'к',
        'M' => 'м',
        'H' => 'н',
        'T' => 'т',
        'ё' | 'Ё' => 'е',
        _ => lower_char(c),
    }
}

/// Plain Unicode lowercase of one char (Kazakh Cyrillic needs nothing special). ASCII and
/// the Cyrillic block take a table-free fast path; everything else asks Unicode.
pub fn lower_char(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '\0'..='\x7f' => c,
        'А'..='Я' => char::from_u32(c as u32 + 32).unwrap_or(c),
        'а'..='я' | 'ѐ'..='џ' => c,
        'Ѐ'..='Џ' => char::from_u32(c as u32 + 80).unwrap_or(c),
        // Kazakh letters Ғ Қ Ң Ү Ұ Һ Ә Ө and their neighbours: uppercase at even code points.
        '\u{0460}'..='\u{0481}' | '\u{048A}'..='\u{04BF}' | '\u{04D0}'..='\u{04FF}' => {
            char::from_u32(c as u32 | 1).unwrap_or(c)
        }
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// True for a letter or digit; ASCII and the Cyrillic block skip the Unicode tables.
pub fn is_alphanumeric(c: char) -> bool {
    match c {
        '\0'..='\x7f' => c.is_ascii_alphanumeric(),
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}' => true,
        // General punctuation (dashes, quotes, spaces, invisible marks): no letter.
        '\u{2000}'..='\u{206F}' => false,
        // Latin-1 signs and quotes (`«`, `»`, NBSP): only these are letters or numbers.
        '\u{0080}'..='\u{00BF}' => matches!(c, 'ª' | 'µ' | 'º' | '²' | '³' | '¹' | '¼'..='¾'),
        _ => c.is_alphanumeric(),
    }
}

/// True for a Cyrillic letter (basic block and the Kazakh additions).
pub fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

/// True for every hyphen variant (`-`, U+2010, U+2011).
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// True for range or clause dashes (figure dash, en dash, em dash, horizontal bar, minus).
pub fn is_dash(c: char) -> bool {
    matches!(
        c,
        '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}'
    )
}

/// True for any space that separates words or digit groups (ASCII, NBSP, narrow NBSP, thin…).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}')
}

/// Characters deleted before matching (soft hyphen, zero-width characters, BOM).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// [`fold_cyrillic_char`] of each char of the Cyrillic block U+0400..U+04FF, indexed by
/// [`cyrillic_index`].
pub static CYRILLIC_FOLD: LazyLock<[char; 256]> = LazyLock::new(|| {
    std::array::from_fn(|k| char::from_u32(0x400 + k as u32).map_or('\0', fold_cyrillic_char))
});

/// Index into [`CYRILLIC_FOLD`] of the char of the Cyrillic block whose two UTF-8 bytes are
/// `lead` (0xD0..=0xD3) and `next`.
#[inline]
pub fn cyrillic_index(lead: u8, next: u8) -> usize {
    (((lead & 0x03) as usize) << 6) | (next & 0x3F) as usize
}

/// Folds a word for lookups: lowercase, invisible characters removed, and look-alikes folded
/// to Cyrillic when the word contains any Cyrillic letter. Appends to `out`: stretches the
/// fold keeps are copied whole, Cyrillic chars are folded by table.
pub fn fold_word_into(word: &str, out: &mut String) {
    let bytes = word.as_bytes();
    // A char of U+0400..U+04FF is the only one whose UTF-8 has a byte 0xD0..=0xD3.
    let cyrillic = bytes.iter().any(|b| (0xD0..=0xD3).contains(b));
    let table: &[char; 256] = &CYRILLIC_FOLD;
    let mut copied = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (c, len, folded) = match (b, bytes.get(i + 1)) {
            (0..=0x7F, _) => {
                let c = char::from(b);
                let folded = if cyrillic {
                    fold_cyrillic_char(c)
                } else {
                    c.to_ascii_lowercase()
                };
                (c, 1, Some(folded))
            }
            (0xD0..=0xD3, Some(&next)) => {
                let index = cyrillic_index(b, next);
                let c = char::from_u32(0x400 + index as u32).unwrap_or('\0');
                (c, 2, Some(table[index]))
            }
            _ => match word[i..].chars().next() {
                Some(c) if is_invisible(c) => (c, c.len_utf8(), None),
                Some(c) if cyrillic => (c, c.len_utf8(), Some(fold_cyrillic_char(c))),
                Some(c) => (c, c.len_utf8(), Some(lower_char(c))),
                None => break,
            },
        };
        if folded != Some(c) {
            out.push_str(&word[copied..i]);
            if let Some(f) = folded {
                out.push(f);
            }
            copied = i + len;
        }
        i += len;
    }
    out.push_str(&word[copied..]);
}

/// Owned convenience form of [`fold_word_into`].
pub fn fold_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_word_into(word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_lowercase_agrees_with_unicode_on_cyrillic_and_latin() {
        for c in ('\0'..='\u{052F}')
            .chain('\u{2000}'..='\u{206F}')
            .chain(['Ӏ', 'ẞ', 'İ'])
        {
            let unicode = c.to_lowercase().next().unwrap_or(c);
            if c.to_lowercase().count() == 1 {
                assert_eq!(lower_char(c), unicode, "{c:?} U+{:04X}", c as u32);
            }
            if matches!(c, '\0'..='\u{04FF}' | '\u{2000}'..='\u{206F}') {
                assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            }
        }
    }

    /// The char-by-char definition [`fold_word_into`] must agree with.
    fn fold_reference(word: &str) -> String {
        let cyrillic = word.chars().any(is_cyrillic);
        word.chars()
            .filter(|&c| !is_invisible(c))
            .map(|c| {
                if cyrillic {
                    fold_cyrillic_char(c)
                } else {
                    lower_char(c)
                }
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn table_fold_agrees_with_the_char_fold(
            word in "[a-zA-Z0-9 .\u{00AD}\u{200B}а-яА-ЯәғқңөұүһіӘҒҚҢӨҰҮҺІёЁəƏɵӀӏҥҡ\u{0482}\u{0483}\u{0400}-\u{04FF}é日ẞ]{0,12}"
        ) {
            proptest::prop_assert_eq!(fold_word(&word), fold_reference(&word));
        }
    }

    #[test]
    fn every_cyrillic_char_folds_by_table() {
        for c in '\u{0400}'..='\u{04FF}' {
            let mut bytes = [0; 2];
            c.encode_utf8(&mut bytes);
            assert_eq!(
                CYRILLIC_FOLD[cyrillic_index(bytes[0], bytes[1])],
                fold_cyrillic_char(c)
            );
            assert_eq!(fold_word(&c.to_string()), fold_reference(&c.to_string()));
        }
    }

    #[test]
    fn folds_latin_lookalikes_only_in_cyrillic_words() {
        assert_eq!(fold_word("мемлекеттiк"), "мемлекеттік");
        assert_eq!(fold_word("Cаенс"), "саенс");
        assert_eq!(fold_word("COVID"), "covid");
        assert_eq!(fold_word("Қазақ\u{00AD}стан"), "қазақстан");
    }
}
