//! Which numbers are not this module's: dates and times (a time noun after, `сағат` or a
//! part of the day before, a day of a month, an age), ordinals inside longer names, homographs
//! used in another sense (the article `бір`, `бір реттік`, `жүзді.`, `жер жүзі`), Latin model
//! names, reduplications (`бір-бірімен`) and numbers inside hyphenated compounds.

use super::{ends_with_any, equals_any, hyphen_joined, spaced, After, NumberRules};
use crate::facts::numeral::{gap_bytes, is_ending, read_numeral, Numeral};
use crate::text::fold::is_space;
use crate::text::words::WordShape;
use crate::text::Text;

impl NumberRules {
    /// Numbers that belong to a DATE or TIME: after `сағат`, or before a time noun.
    pub(super) fn is_time(&self, text: &Text, num: &Numeral, after: &After<'_, '_>) -> bool {
        let before = num.first_word.checked_sub(1);
        let before_norm = before.map(|b| text.norm(b));
        let after_clock = before_norm.is_some_and(|b| equals_any(b, &CLOCK_WORDS));
        let year_like = (1900.0..=2100.0).contains(&num.value) && num.value.fract() == 0.0;
        let year_ordinal = num.ordinal && num.digits && year_like;
        let year_in = year_like && ends_with_any(num.suffix, &["да", "де", "та", "те"]);
        let clock_digits = num.digits
            && (text.text[num.span.end..].starts_with(':')
                || text.text[..num.span.start].ends_with(':'));
        // `наурыздың бесі`, `апрельдің 1-інен`: a day of a month named before it.
        let month_genitive = before.is_some_and(|b| {
            // The genitive ends the word itself: a cheap test before the table lookup.
            before_norm.is_some_and(|w| ends_with_any(w, &GENITIVE))
                && spaced(text, b)
                && self
                    .vocab
                    .time_nouns
                    .match_at(text, b)
                    .is_some_and(|m| m.last_word == b && ends_with_any(m.ending, &GENITIVE))
        });
        // `жасы жиырма тоғызда`: an age.
        let age = before_norm.is_some_and(|b| {
            let rest = b.strip_prefix("жас");
            rest.is_some_and(|r| matches!(r, "ы" | "ым" | "ың" | "ымыз" | "ында" | "та"))
        });
        // `он бірінде`, `жиырма төртінде`: a day of the month.
        let day = (2.0..=31.0).contains(&num.value)
            && !num.collective
            && ["інде", "ында", "сінде", "сында"].contains(&num.suffix);
        after_clock
            || age
            || day
            || year_ordinal
            || year_in
            || clock_digits
            || month_genitive
            || self.time_noun_after(text, num.last_word, after)
    }

    /// An ordinal inside a polling station, congress, law article or post name
    /// (`data/name_parts.tsv`).
    pub(super) fn inside_name(&self, text: &Text, num: &Numeral) -> bool {
        let starts = |k: usize, parts: &[&str]| parts.iter().any(|p| text.norm(k).starts_with(p));
        let before = num
            .first_word
            .checked_sub(1)
            .is_some_and(|b| spaced(text, b) && starts(b, &self.vocab.name_parts_before));
        let next = num.last_word + 1;
        let after = next < text.words.len()
            && spaced(text, num.last_word)
            && starts(next, &self.vocab.name_parts_after);
        before || after
    }

    /// Numbers used in another sense: a number named by `нөмірі` (`«112» нөміріне`), the
    /// article `бір` (`қандай да бір`, `белгілі бір`), `бір реттік` ("one-off"), and `жүзді.`
    /// ("swam") closing a sentence.
    pub(super) fn not_a_count(&self, text: &Text, num: &Numeral) -> Option<&'static str> {
        let next = num.last_word + 1;
        // `«112» нөміріне`: a phone or reference number, not an amount.
        if next < text.words.len() && text.norm(next).starts_with("нөмір") {
            return Some("a phone or reference number");
        }
        // `Boeing 737 MAX`, `COVID – он тоғыз`, `500 Startups`: part of a Latin-script name.
        // On bytes: a non-ASCII character has no ASCII byte.
        let latin = |k: usize| text.surface(k).bytes().all(|b| b.is_ascii_alphabetic());
        let named_before = num.first_word > 0 && latin(num.first_word - 1);
        let named_after = next < text.words.len()
            && latin(next)
            && text.words[next].capitalized
            && spaced(text, num.last_word);
        if named_before || named_after {
            return Some("part of a Latin-script name");
        }
        if num.digits {
            // `3Д сканер`, `5G`: letters glued to digits that are neither an ending nor a unit.
            let glued = !num.suffix.is_empty()
                && !is_ending(num.suffix)
                && self.vocab.measures.get_word(num.suffix).is_none();
            return glued.then_some("letters glued to digits (a model name)");
        }
        let before = num.first_word.checked_sub(1).map(|b| text.norm(b));
        let after =
            (next < text.words.len() && spaced(text, num.last_word)).then(|| text.norm(next));
        // `бірінші тоқсанда`: after an ordinal, a number word is a noun ("quarter").
        let prev = num.first_word.checked_sub(1);
        let after_ordinal = prev
            .is_some_and(|p| spaced(text, p) && read_numeral(text, p).is_some_and(|o| o.ordinal));
        if after_ordinal {
            return Some("noun after an ordinal");
        }
        let bare_one = num.value == 1.0 && num.suffix.is_empty();
        // `газдың бір бөлігі`: "a part of", not one part.
        let part_after = after.is_some_and(|w| w.starts_with("бөлі"));
        if bare_one && (part_after || before.is_some_and(|b| self.vocab.article_before.contains(b)))
        {
            return Some("article бір");
        }
        // `жер жүзін` ("the world"): the noun жүз "face".
        if num.value == 100.0 && before == Some("жер") {
            return Some("жер жүзі");
        }
        if after.is_some_and(|w| self.vocab.not_counted.iter().any(|p| w.starts_with(p))) {
            return Some("adjective such as реттік");
        }
        let verb_form = matches!(num.suffix, "ді" | "ды" | "ті" | "ты");
        let clause_end = || {
            next >= text.words.len()
                || text
                    .gap_after(num.last_word)
                    .trim_start()
                    .starts_with(['.', '!', '?'])
        };
        if verb_form && num.first_word == num.last_word && clause_end() {
            return Some("past-tense verb (жүзді)");
        }
        None
    }

    /// A time noun (and no unit) follows word `last`.
    pub(super) fn time_noun_after(&self, text: &Text, last: usize, after: &After<'_, '_>) -> bool {
        let next = last + 1;
        next < text.words.len()
            && spaced(text, last)
            && after.time_noun(next)
            && after.measure(next).is_none()
    }
}

/// Words before a number that make it a clock time (`сағат 9`, `таңғы 7-ден`).
const CLOCK_WORDS: [&str; 6] = ["сағат", "таңғы", "кешкі", "түнгі", "күндізгі", "түскі"];

/// Genitive endings.
const GENITIVE: [&str; 6] = ["ның", "нің", "дың", "дің", "тың", "тің"];

/// `бір-бірімен`, `екі-екіден`: a number word repeated across a hyphen is not a count.
/// Returns the last word of the repetition.
pub(super) fn reduplicated(text: &Text, num: &Numeral) -> Option<usize> {
    if num.digits || !hyphen_joined(text, num.last_word) {
        return None;
    }
    let again = read_numeral(text, num.last_word + 1)?;
    (again.value == num.value).then_some(again.last_word)
}

/// Digit word `i` is one side of a slashed code (`55/12`, `АК-159/20`), not a fraction or a
/// rate (those have a unit word after the slash).
fn slashed(text: &Text, i: usize) -> bool {
    let digits = |k: usize| text.words[k].shape == WordShape::Digits;
    if !digits(i) {
        return false;
    }
    let next = gap_bytes(text, i) == b"/" && digits(i + 1);
    next || (i > 0 && gap_bytes(text, i - 1) == b"/" && digits(i - 1))
}

/// True when word `i` lies inside a short quoted name (`«Хабар 24»`, `«Бір белдеу, бір
/// жол»`): guillemets open before it and close after it on the same line, around at most
/// six words and no sentence punctuation. Quoted speech (`«Алты жылда мың үш жүз кәсіпорын
/// ашылды», — деді`) keeps its numbers.
pub(super) fn quoted(text: &Text, i: usize) -> bool {
    const REACH: usize = 120;
    const MAX_WORDS: usize = 6;
    let span = text.words[i].span;
    let mut from = span.start.saturating_sub(REACH);
    while !text.text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (span.end + REACH).min(text.text.len());
    while !text.text.is_char_boundary(to) {
        to += 1;
    }
    let before = &text.text[from..span.start];
    let after = &text.text[span.end..to];
    // Substring searches first (fast), then the check that nothing breaks the quotes.
    let Some(close) = find_close(after.as_bytes()).filter(|&k| !after[..k].contains(['«', '\n']))
    else {
        return false;
    };
    let Some(open) = rfind_open(before.as_bytes()).filter(|&k| !before[k..].contains(['»', '\n']))
    else {
        return false;
    };
    let inside = &text.text[from + open..span.end + close];
    let words = inside
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    // Speech is attributed after the closing quote: `», – деді`.
    let attributed = after[close + '»'.len_utf8()..]
        .trim_start()
        .starts_with([',', '–', '—', '-']);
    words.count() <= MAX_WORDS && !inside.contains(['.', '!', '?', ';', ':']) && !attributed
}

/// True when `text` has a closing guillemet anywhere: [`quoted`] is false in other texts.
pub(super) fn has_closing_quote(text: &str) -> bool {
    find_close(text.as_bytes()).is_some()
}

/// The byte offset of the first `»` (C2 BB) in `s`. Searched by its lead byte 0xC2, which
/// Cyrillic text seldom has, in one SIMD scan: no `memmem` searcher is built per call.
fn find_close(s: &[u8]) -> Option<usize> {
    memchr::memchr_iter(0xC2, s).find(|&k| s.get(k + 1) == Some(&0xBB))
}

/// The byte offset of the last `«` (C2 AB) in `s`, as [`find_close`] searches.
fn rfind_open(s: &[u8]) -> Option<usize> {
    memchr::memrchr_iter(0xC2, s).find(|&k| s.get(k + 1) == Some(&0xAB))
}

/// True when the last character of `before` other than spacing is `№`. Plain ASCII spaces
/// are skipped on bytes; any other ASCII character there answers at once.
fn after_numero_sign(before: &str) -> bool {
    let bytes = before.as_bytes();
    let mut k = bytes.len();
    while k > 0 && bytes[k - 1] == b' ' {
        k -= 1;
    }
    match k.checked_sub(1).map(|j| bytes[j]) {
        None => false,
        Some(b) if b < 0x80 && !matches!(b, 0x09..=0x0D) => false,
        // A letter ends most texts before a number: one char decoded answers.
        Some(_) => match before[..k].chars().next_back() {
            Some('№') => true,
            Some(c) if is_space(c) => before[..k].trim_end_matches(is_space).ends_with('№'),
            _ => false,
        },
    }
}

/// Word `i` continues a hyphenated compound (`COVID-19`, `Су-27`), follows `№` or is part of
/// a slashed code.
pub(super) fn inside_compound(text: &Text, i: usize) -> bool {
    let before = &text.text[..text.words[i].span.start];
    if after_numero_sign(before) || slashed(text, i) {
        return true;
    }
    if i == 0 {
        return false;
    }
    hyphen_joined(text, i - 1)
        && text.words[i - 1].shape != WordShape::Digits
        && read_numeral(text, i - 1).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guillemet_search_finds_what_str_find_finds() {
        for s in [
            "«Хабар 24» арнасы",
            "ал «бір» және «екі»",
            "°C ±5 «",
            "жоқ",
            "»«",
            "л«л»л",
        ] {
            assert_eq!(find_close(s.as_bytes()), s.find('»'), "{s}");
            assert_eq!(rfind_open(s.as_bytes()), s.rfind('«'), "{s}");
        }
    }
}
