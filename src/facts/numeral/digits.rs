//! Numbers written in digits: grouping (see the module doc of `numeral` for the ambiguity
//! rule), decimal comma or dot, a leading minus, glued letters (`5км`, `100мың`), a scale word
//! after (`60 млрд`, `2,5 мыңнан`) and an ending after a hyphen (`1000-нан`, `2-нші`).

use super::lexicon::{Ending, Lexicon};
use super::{gap_bytes, hyphen_ending, spaced, Numeral};
use crate::text::fold::is_space;
use crate::text::words::WordShape;
use crate::text::{Span, Text};

/// Splits a digit word into its leading ASCII digits and the folded letters glued after them.
pub(super) fn split_digit_word<'t>(text: &'t Text, i: usize) -> (&'t str, &'t str) {
    let norm = text.norm(i);
    if text.words[i].shape == WordShape::Digits {
        return (norm, "");
    }
    let cut = norm
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(norm.len());
    (&norm[..cut], &norm[cut..])
}

pub(super) fn is_group(text: &Text, i: usize) -> bool {
    text.words[i].shape == WordShape::Digits && text.norm(i).len() == 3
}

pub(super) fn read_digit_numeral<'t>(
    lexicon: &Lexicon,
    text: &'t Text,
    i: usize,
) -> Option<Numeral<'t>> {
    let (lead, tail) = split_digit_word(text, i);
    if lead.is_empty() || dotted_date_at(text, i) {
        return None;
    }
    let n = text.words.len();
    let mut repr = DigitString::default();
    repr.push(lead);
    let mut last = i;
    let mut tail = tail;
    if tail.is_empty() && lead.len() <= 3 {
        // Space grouping: 1 200 000.
        while last + 1 < n && is_group(text, last + 1) && one_space(text.gap_after(last)) {
            last += 1;
            repr.push(text.norm(last));
        }
        // Dot grouping: 1.844.036 or 1.500,25.
        if last == i {
            let mut k = i;
            while k + 1 < n && gap_bytes(text, k) == b"." && is_group(text, k + 1) {
                k += 1;
            }
            let groups = k - i;
            let comma_follows = k + 1 < n
                && gap_bytes(text, k) == b","
                && text.words[k + 1].shape != WordShape::Letters;
            if groups >= 2 || (groups == 1 && comma_follows) {
                for g in i + 1..=k {
                    repr.push(text.norm(g));
                }
                last = k;
            }
        }
    }
    if tail.is_empty() && last + 1 < n {
        let gap = gap_bytes(text, last);
        let after_sagat = i > 0 && text.norm(i - 1) == "сағат";
        let decimal = gap == b"," || (gap == b"." && last == i && !after_sagat);
        if decimal && text.words[last + 1].shape != WordShape::Letters {
            let (frac, frac_tail) = split_digit_word(text, last + 1);
            if !frac.is_empty() {
                repr.push(".");
                repr.push(frac);
                last += 1;
                tail = frac_tail;
            }
        }
    }
    let mut value = repr.value()?;
    let mut scaled = false;
    let mut suffix = "";
    let mut ending = Ending::default();
    if !tail.is_empty() {
        match lexicon.scale(tail) {
            Some(m) => {
                value *= m.value;
                scaled = true;
                suffix = m.suffix;
                ending = m.ending;
            }
            None => {
                suffix = tail;
                ending = lexicon.ending(tail).unwrap_or_default();
            }
        }
    } else if last + 1 < n && spaced(text, last) {
        if let Some(m) = lexicon.scale(text.norm(last + 1)) {
            value *= m.value;
            scaled = true;
            last += 1;
            suffix = m.suffix;
            ending = m.ending;
        }
    }
    if suffix.is_empty() {
        if let Some((l, s, e)) = hyphen_ending(lexicon, text, last) {
            last = l;
            suffix = s;
            ending = e;
        }
    }
    let mut start = text.words[i].span.start;
    if let Some(sign) = minus_before(text, i) {
        value = -value;
        start = sign;
    }
    Some(Numeral {
        value,
        first_word: i,
        last_word: last,
        ordinal: ending.ordinal,
        suffix,
        span: Span::new(start, text.words[last].span.end),
        digits: true,
        collective: ending.collective,
        vague: ending.vague,
        approx: ending.approx,
        scaled,
    })
}

/// The ASCII digits of a number being read, with at most one decimal point, on the stack
/// (a longer number spills to a `String`).
struct DigitString {
    buf: [u8; DIGIT_BUF],
    len: usize,
    spill: Option<String>,
}

const DIGIT_BUF: usize = 40;

impl Default for DigitString {
    fn default() -> Self {
        DigitString {
            buf: [0; DIGIT_BUF],
            len: 0,
            spill: None,
        }
    }
}

impl DigitString {
    /// Appends digits or the decimal point.
    fn push(&mut self, s: &str) {
        if let Some(spill) = self.spill.as_mut() {
            spill.push_str(s);
        } else if self.len + s.len() <= DIGIT_BUF {
            // Byte by byte: the pieces are a few digits, shorter than a `memcpy` call.
            for &b in s.as_bytes() {
                self.buf[self.len] = b;
                self.len += 1;
            }
        } else {
            let mut spill = self.as_str().to_owned();
            spill.push_str(s);
            self.spill = Some(spill);
        }
    }

    fn as_str(&self) -> &str {
        match &self.spill {
            Some(spill) => spill,
            None => std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default(),
        }
    }

    /// The number, as `str::parse::<f64>` reads it; whole numbers of up to 15 digits
    /// (exact in an `f64`) are summed directly.
    fn value(&self) -> Option<f64> {
        let digits = &self.buf[..self.len];
        let whole = self.spill.is_none() && self.len <= 15 && self.len > 0;
        if whole && digits.iter().all(|b| b.is_ascii_digit()) {
            let whole = digits
                .iter()
                .fold(0u64, |v, b| v * 10 + u64::from(b - b'0'));
            return Some(whole as f64);
        }
        self.as_str().parse().ok()
    }
}

/// Exactly one space-like character (the grouping separator).
pub(super) fn one_space(gap: &str) -> bool {
    let mut chars = gap.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if is_space(c) && c != '\n')
}

/// `dd.mm.yyyy` (or `d.m.yy`) starting at word `i`: a date, not a number.
pub(super) fn dotted_date_at(text: &Text, i: usize) -> bool {
    let short = |k: usize| text.words[k].shape == WordShape::Digits && text.norm(k).len() <= 2;
    i + 2 < text.words.len()
        && short(i)
        && short(i + 1)
        && gap_bytes(text, i) == b"."
        && gap_bytes(text, i + 1) == b"."
        && text.words[i + 2].shape != WordShape::Letters
}

/// Byte offset of a minus sign glued before word `i` (`-5`, `−12`), when it is not a
/// hyphen or range dash between two words.
pub(super) fn minus_before(text: &Text, i: usize) -> Option<usize> {
    let start = text.words[i].span.start;
    let before = &text.text[..start];
    let sign = before.chars().next_back()?;
    if !matches!(sign, '-' | '\u{2212}') {
        return None;
    }
    let sign_at = start - sign.len_utf8();
    match before[..sign_at].chars().next_back() {
        None => Some(sign_at),
        Some(c) if is_space(c) || matches!(c, '(' | '[' | ':' | '=') => Some(sign_at),
        Some(_) => None,
    }
}
