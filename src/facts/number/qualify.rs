//! Qualifier words kept inside a numeric span (reference A.3 rule 5, B.4): before the
//! number (`шамамен`, `кемінде`, `ең көбі`) and after it or its unit (`астам`, `жуық`,
//! `дейін`, chained as in `астамға жуығы`), with the case each one governs.

use super::{is_ablative, is_dative, spaced, After, Draft, NumberRules};
use crate::facts::vocab::Governs;
use crate::mention::{Label, Qualifier};
use crate::text::Text;

impl NumberRules {
    /// Qualifier words before (`шамамен`, `кемінде`) and after (`астам`, `жуық`, `дейін`;
    /// two may chain: `астамға жуығы`).
    pub(super) fn qualify<'t>(&self, text: &'t Text, d: &mut Draft<'t>, after: &After<'_, 't>) {
        if d.label == Label::Ordinal {
            return;
        }
        // The first word starting at or after `d.start`, which never follows the number's
        // first word: a walk back over the words joined before it.
        let mut first = d.first_word;
        while first > 0 && text.words[first - 1].span.start >= d.start {
            first -= 1;
        }
        // Longest first: `ең көбі` before `көбі`.
        let ends_before = first > 0 && self.vocab.qualifiers_before.may_end_at(text, first - 1);
        for back in (1..=3).rev().filter(|_| ends_before) {
            if first < back || !spaced(text, first - 1) {
                continue;
            }
            let at = first - back;
            let found = self.vocab.qualifiers_before.match_at(text, at);
            if let Some(m) = found.filter(|m| m.last_word == first - 1) {
                d.start = text.words[at].span.start;
                d.qualifier = m.value.qualifier;
                break;
            }
        }
        let next = d.last_word + 1;
        let starts_from = next < text.words.len()
            && spaced(text, d.last_word)
            && text.norm(next).starts_with("басталад");
        if starts_from && is_ablative(d.ending) && d.qualifier == Qualifier::Exact {
            // `2 800 теңгеден басталады`: a price that starts from an amount.
            d.qualifier = Qualifier::AtLeast;
            return;
        }
        for _ in 0..2 {
            let next = d.last_word + 1;
            if next >= text.words.len() || !spaced(text, d.last_word) {
                return;
            }
            let Some(m) = after.qualifier(next) else {
                return;
            };
            let w = m.value;
            let governed = match w.governs {
                Governs::Any => true,
                Governs::Ablative => is_ablative(d.ending),
                Governs::Dative => is_dative(d.ending),
            };
            if !governed {
                return;
            }
            d.last_word = m.last_word;
            d.end = text.words[m.last_word].span.end;
            d.ending = m.ending;
            let range_end = d.low.is_some() && w.qualifier == Qualifier::UpTo;
            let keeps = range_end || w.qualifier == Qualifier::Exact;
            if !keeps && (d.qualifier == Qualifier::Exact || w.qualifier != Qualifier::UpTo) {
                d.qualifier = w.qualifier;
            }
        }
    }
}
