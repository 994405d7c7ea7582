//! Names delimited by punctuation: a quoted name «…» before a head noun (`«Хабар»` +
//! `агенттігі`; guillemets, German and English quotes, ASCII quotes, reference G.4), and an
//! abbreviation in brackets after a full name (`Ішкі істер министрлігі (ІІМ)`).

use crate::text::fold::is_space;
use crate::text::{Span, Text};

/// Longest quoted name, in words.
const MAX_QUOTED_WORDS: usize = 10;

/// A quoted name: the bytes of its content and of its opening quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted {
    /// The content between the quotes, spaces trimmed.
    pub content: Span,
    /// Byte offset of the opening quote.
    pub open: usize,
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '«' | '„' | '‹' | '“' | '"')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '»' | '”' | '›' | '“' | '"')
}

/// The quoted name whose closing quote stands right before word `i` (`«Хабар» агенттігі`):
/// the gap before `i` must open with the closing quote and hold nothing else but spaces.
pub fn quoted_before(text: &Text, i: usize) -> Option<Quoted> {
    let (q, rest) = quoted_ending_at(text, i.checked_sub(1)?)?;
    rest.chars().all(is_space).then_some(q)
}

/// The quoted name listed right before the quoted name whose first word is `first`
/// (`«Әміре», «Томирис»`, `«Үркер» «Шыңырау»`, `«Әміре» мен «Томирис»`): the names of one
/// list share the head noun after the last of them.
pub fn coordinated_before(text: &Text, first: usize) -> Option<Quoted> {
    let k = first.checked_sub(1)?;
    if COORDINATORS.contains(&text.norm(k)) {
        let between = text.gap_after(k);
        return (between.trim() == "«" || between.trim().chars().all(is_open_quote))
            .then(|| quoted_before(text, k))
            .flatten();
    }
    let (q, rest) = quoted_ending_at(text, k)?;
    let rest = rest.trim();
    let separator = rest.strip_suffix(|c: char| is_open_quote(c))?.trim();
    (separator.is_empty() || separator == ",").then_some(q)
}

/// Words joining two listed names (reference A.3 rule 7).
const COORDINATORS: [&str; 4] = ["мен", "бен", "пен", "және"];

/// The quoted name whose last word is `last` (the gap after it opens with a closing
/// quote), and the rest of that gap after the quote.
fn quoted_ending_at<'t>(text: &Text<'t>, last: usize) -> Option<(Quoted, &'t str)> {
    let gap = text.gap_after(last);
    let gap_start = text.words[last].span.end;
    let trimmed = gap.trim_start();
    let close = trimmed.chars().next().filter(|&c| is_close_quote(c))?;
    let rest = &trimmed[close.len_utf8()..];
    let close_at = gap_start + (gap.len() - trimmed.len());
    let mut first = last;
    for _ in 0..MAX_QUOTED_WORDS {
        let before = if first == 0 {
            &text.text[..text.words[0].span.start]
        } else {
            text.gap_after(first - 1)
        };
        let before_start = text.words[first].span.start - before.len();
        if let Some((pos, c)) = before
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_whitespace())
        {
            if is_open_quote(c) {
                let content =
                    Span::new(text.words[first].span.start, trim_end(text.text, close_at));
                let quoted = Quoted {
                    content,
                    open: before_start + pos,
                };
                return Some((quoted, rest));
            }
            if before.chars().any(is_close_quote) {
                return None;
            }
        }
        if first == 0 {
            return None;
        }
        first -= 1;
    }
    None
}

/// The quoted name opening at byte `open` and closing before word `head` (an owner chain
/// that reached a quote: `«Атамекен» кәсіпкерлер палатасы`).
pub fn quote_opening_at(text: &Text, open: usize, head: usize) -> Option<Quoted> {
    text.text[open..]
        .chars()
        .next()
        .filter(|&c| is_open_quote(c))?;
    (1..=head)
        .filter(|&k| text.words[k - 1].span.start > open)
        .find_map(|k| quoted_before(text, k).filter(|q| q.open == open))
}

fn trim_end(text: &str, end: usize) -> usize {
    end - (text[..end].len() - text[..end].trim_end().len())
}

/// Longest abbreviation in brackets after a full name, in chars.
const MAX_ABBREVIATION_CHARS: usize = 8;

/// The acronym in brackets right after byte `end` (`Ішкі істер министрлігі (ІІМ)`).
pub fn bracketed_abbreviation(text: &Text, end: usize) -> Option<Span> {
    let rest = &text.text[end..];
    let inner = rest.trim_start().strip_prefix('(')?;
    let close = inner.find(')')?;
    let abbr = inner[..close].trim();
    let chars = abbr.chars().count();
    let acronym = (2..=MAX_ABBREVIATION_CHARS).contains(&chars)
        && abbr
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
        && abbr.chars().filter(|c| c.is_uppercase()).count() >= 2;
    if !acronym {
        return None;
    }
    let start = end
        + (rest.len() - inner.len())
        + (inner[..close].len() - inner[..close].trim_start().len());
    Some(Span::new(start, start + abbr.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_names_before_a_head() {
        let text = Text::new("«Нұрлы жер» бағдарламасы және \"Арыс\" жобасы");
        let q = quoted_before(&text, 2).unwrap();
        assert_eq!(q.content.slice(text.text), "Нұрлы жер");
        assert_eq!(&text.text[q.open..q.content.end], "«Нұрлы жер");
        let q = quoted_before(&text, 5).unwrap();
        assert_eq!(q.content.slice(text.text), "Арыс");
        assert_eq!(quoted_before(&text, 3), None);
    }

    #[test]
    fn listed_quoted_names_share_a_head() {
        let text = Text::new("«Ақ желкен», «Көк теңіз» және «Дала» әндері");
        let last = quoted_before(&text, 6).unwrap();
        assert_eq!(last.content.slice(text.text), "Дала");
        let second = coordinated_before(&text, 5).unwrap();
        assert_eq!(second.content.slice(text.text), "Көк теңіз");
        let first = coordinated_before(&text, 2).unwrap();
        assert_eq!(first.content.slice(text.text), "Ақ желкен");
        assert_eq!(coordinated_before(&text, 0), None);
    }
}
