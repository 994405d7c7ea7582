//! Turns KazNERD tokens back into natural text (reference part A.2) and remembers where each
//! token landed, so that spans found in the text can be mapped back to tokens.
//!
//! Joins: no space before `. , : ; ? ! ) ] » /` or a `%`/`%-…` token, none after `( [ « /`;
//! `DIGITS , DIGITS` → `74,9`; `DIGITS : DIGITS…` → `18:00-де`; a dot between Latin
//! alphanumeric tokens → `U.S`, `khabar.kz`; a suffix token `-ға` after `»` is glued.
//! Everything else (dashes included) is separated by one space.

use crate::text::Span;

/// A detokenized sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detokenized {
    /// The natural text.
    pub text: String,
    /// Byte range of each token in `text`, in token order.
    pub tokens: Vec<Span>,
}

impl Detokenized {
    /// The tokens a byte span of `text` overlaps, as a half-open token range; `None` when it
    /// touches no token. A span inside one token is widened to that whole token.
    pub fn token_range(&self, span: Span) -> Option<Span> {
        let first = self.tokens.partition_point(|t| t.end <= span.start);
        let end = self.tokens.partition_point(|t| t.start < span.end);
        (first < end).then(|| Span::new(first, end))
    }
}

fn all_digits(token: &str) -> bool {
    !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit())
}

fn latin_alphanumeric(token: &str) -> bool {
    !token.is_empty() && token.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// True when `separator` between `before` and `after` is part of one written word.
fn joins_inside(before: &str, separator: &str, after: &str) -> bool {
    match separator {
        "," => all_digits(before) && all_digits(after),
        ":" => all_digits(before) && after.starts_with(|c: char| c.is_ascii_digit()),
        "." => latin_alphanumeric(before) && latin_alphanumeric(after),
        _ => false,
    }
}

/// True when a space goes between `tokens[i - 1]` and `tokens[i]` (`i >= 1`).
fn space_before<S: AsRef<str>>(tokens: &[S], i: usize) -> bool {
    let token = tokens[i].as_ref();
    let previous = tokens[i - 1].as_ref();
    let glued_left = matches!(
        token,
        "." | "," | ":" | ";" | "?" | "!" | ")" | "]" | "»" | "/"
    ) || token.starts_with('%')
        || (previous.ends_with('»') && token.starts_with('-'));
    let glued_right = matches!(previous, "(" | "[" | "«" | "/");
    let inside = i >= 2 && joins_inside(tokens[i - 2].as_ref(), previous, token);
    !(glued_left || glued_right || inside)
}

/// Joins tokens into natural text, recording each token's byte range.
pub fn detokenize<S: AsRef<str>>(tokens: &[S]) -> Detokenized {
    let mut text = String::with_capacity(tokens.iter().map(|t| t.as_ref().len() + 1).sum());
    let mut spans = Vec::with_capacity(tokens.len());
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 && space_before(tokens, i) {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(token.as_ref());
        spans.push(Span::new(start, text.len()));
    }
    Detokenized {
        text,
        tokens: spans,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(tokens: &str) -> String {
        detokenize(&tokens.split(' ').collect::<Vec<_>>()).text
    }

    #[test]
    fn rejoins_numbers_punctuation_and_quotes() {
        let cases = [
            ("баға 12 , 5 %-ке өсті .", "баға 12,5%-ке өсті."),
            ("сағат 9 : 15-те басталады", "сағат 9:15-те басталады"),
            ("екі , үш , 4 , 5 рет", "екі, үш, 4,5 рет"),
            ("« Жасыл ел » -ге кірді", "«Жасыл ел»-ге кірді"),
            ("сайт abc . kz ( ээ ) бар", "сайт abc.kz (ээ) бар"),
            ("200 киловатт / сағат – 300", "200 киловатт/сағат – 300"),
            ("не ? иә ! ал ; бәрі : жоқ", "не? иә! ал; бәрі: жоқ"),
        ];
        let failures: Vec<String> = cases
            .iter()
            .filter(|(tokens, want)| join(tokens) != *want)
            .map(|(tokens, want)| format!("{tokens:?}: got {:?}, want {want:?}", join(tokens)))
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn token_ranges_follow_the_text() {
        let tokens = ["Бүгін", "7", ",", "5", "%", "."];
        let detok = detokenize(&tokens);
        assert_eq!(detok.text, "Бүгін 7,5%.");
        for (token, span) in tokens.iter().zip(&detok.tokens) {
            assert_eq!(span.slice(&detok.text), *token);
        }
        let percent = detok.text.find('7').unwrap();
        assert_eq!(
            detok.token_range(Span::new(percent, percent + 4)),
            Some(Span::new(1, 5))
        );
        assert_eq!(detok.token_range(Span::new(0, 4)), Some(Span::new(0, 1)));
    }
}
