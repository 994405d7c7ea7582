//! CONTACT: web addresses and e-mails (dotted words ending in a known top-level domain,
//! `domains.tsv`, widened over `https://`, `www.`, paths and `user@`) and Kazakhstan phone
//! numbers (`+7 701 123 45 67`, `8 (7172) 74-10-10`). Service numbers in quotes
//! (`«102» нөміріне`) come from [`super::quoted`].

use crate::morph::hash::FastSet;

use crate::mention::{Entity, Label};
use crate::text::fold::{fold_word, is_space};
use crate::text::words::{Word, WordShape};
use crate::text::{Span, Text};
use crate::trace::Trace;

use super::extent::entity;
use super::table::rows;

/// Digits in a Kazakhstan phone number written with its country or trunk prefix.
const PHONE_DIGITS: usize = 11;

/// The rules of this class, built once.
pub struct ContactRules {
    domains: FastSet<String>,
}

impl ContactRules {
    /// Loads `domains.tsv`.
    pub fn new() -> Self {
        let domains = rows("domains.tsv", include_str!("data/domains.tsv"))
            .map(|row| fold_word(row.cell(0)))
            .collect();
        ContactRules { domains }
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, text: &Text, out: &mut Vec<Entity>, trace: &mut Trace) {
        let bytes = text.text.as_bytes();
        let mut i = 0;
        while i < text.words.len() {
            // Both kinds start with an ASCII word (a Latin name, or digits): Kazakh words
            // are skipped by their first byte, in one tight scan.
            let ascii = |w: &Word| bytes.get(w.span.start).is_some_and(u8::is_ascii);
            let Some(skip) = text.words[i..].iter().position(ascii) else {
                break;
            };
            i += skip;
            if let Some(span) = self.address_at(text, i) {
                let rule = "contact/web-address";
                trace.built(rule, span, Label::Contact);
                out.push(entity(text.text, span, Label::Contact, rule));
                i = next_word_after(text, i, span.end);
                continue;
            }
            if let Some((span, last)) = phone_at(text, i) {
                let rule = "contact/phone-number";
                trace.built(rule, span, Label::Contact);
                out.push(entity(text.text, span, Label::Contact, rule));
                i = last + 1;
                continue;
            }
            i += 1;
        }
    }

    /// A web address or e-mail whose top-level domain is word `i + 1` (`polisia` `.` `kz`).
    fn address_at(&self, text: &Text, i: usize) -> Option<Span> {
        let next = i + 1;
        // Byte test of the gap first: most words are not followed by a lone dot.
        let dotted = text
            .words
            .get(next)
            .is_some_and(|n| text.text.as_bytes()[text.words[i].span.end..n.span.start] == *b".");
        if !dotted || !text.surface(i).is_ascii() || !self.domains.contains(text.norm(next)) {
            return None;
        }
        let start = widen_left(text.text, text.words[i].span.start);
        let end = widen_right(text.text, text.words[next].span.end);
        Some(Span::new(start, end))
    }
}

/// Start of the address run ending at `from`: back over non-space characters except quotes
/// and brackets (`https://`, `www.`, `user@`).
fn widen_left(text: &str, from: usize) -> usize {
    let mut start = from;
    for (i, c) in text[..from].char_indices().rev() {
        if is_space(c) || !is_address_char(c) {
            break;
        }
        start = i;
    }
    start
}

/// End of the address run starting at `from` (a path), without trailing punctuation.
fn widen_right(text: &str, from: usize) -> usize {
    let mut end = from;
    for (i, c) in text[from..].char_indices() {
        if is_space(c) || !is_address_char(c) {
            break;
        }
        end = from + i + c.len_utf8();
    }
    let trimmed = text[from..end].trim_end_matches(['.', ',', ':', ';', '!', '?']);
    from + trimmed.len()
}

fn is_address_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '.' | '/' | ':' | '-' | '_' | '@' | '?' | '=' | '&' | '%' | '#' | '~' | '+'
        )
}

/// The first word index starting at or after byte `end`, past word `i`.
fn next_word_after(text: &Text, i: usize, end: usize) -> usize {
    let mut j = i + 1;
    while j < text.words.len() && text.words[j].span.start < end {
        j += 1;
    }
    j
}

/// A phone number starting at word `i`: `+7` or `8` then digit groups joined by spaces,
/// hyphens or brackets, eleven digits in all.
fn phone_at(text: &Text, i: usize) -> Option<(Span, usize)> {
    let first = text.norm(i);
    if text.words[i].shape != WordShape::Digits
        || !(first.starts_with('7') || first.starts_with('8'))
    {
        return None;
    }
    let before = if i == 0 {
        &text.text[..text.words[0].span.start]
    } else {
        text.gap_after(i - 1)
    };
    let plus = before.trim_end().ends_with('+');
    let mut digits = first.len();
    let mut j = i;
    while digits < PHONE_DIGITS {
        let gap = text.gap_after(j);
        if j + 1 >= text.words.len()
            || gap.is_empty()
            || !gap
                .chars()
                .all(|c| is_space(c) || matches!(c, '-' | '(' | ')'))
            || text.words[j + 1].shape != WordShape::Digits
        {
            return None;
        }
        j += 1;
        digits += text.norm(j).len();
    }
    if digits != PHONE_DIGITS || j == i {
        return None;
    }
    let start = if plus {
        text.words[i].span.start - before.len() + before.trim_end().len() - 1
    } else {
        text.words[i].span.start
    };
    Some((Span::new(start, text.words[j].span.end), j))
}

impl Default for ContactRules {
    fn default() -> Self {
        ContactRules::new()
    }
}
