//! Constructions that join two numbers: ranges (`11-13`, `он бір – он үш`, `бес-алты`,
//! `20-дан 30-ға дейін`, `үш пен бес доллар`), fractions (`үштен бірі`) and the spoken
//! decimal with a particle (`он екі де тоғыз` = 12.9 before a scale, unit or percent).

use super::{is_ablative, is_dative, spaced, spacing, After, Draft, NumberRules};
use crate::facts::numeral::{gap_bytes, read_numeral, Numeral};
use crate::mention::Qualifier;
use crate::text::fold::{is_dash, is_hyphen, is_space};
use crate::text::{Span, Text};

impl NumberRules {
    /// `он екі де тоғыз пайыз` = 12.9 %, `бір де сегіз миллиард` = 1.8e9: the spoken decimal
    /// with the particle `да/де/та/те`, accepted only before a scale, unit or currency word
    /// (elsewhere the particle means "also").
    pub(super) fn particle_decimal<'t>(
        &self,
        text: &'t Text,
        a: &Numeral<'t>,
    ) -> Option<Numeral<'t>> {
        let particle = a.last_word + 1;
        let n = text.words.len();
        if a.digits || a.ordinal || !a.suffix.is_empty() || particle + 1 >= n {
            return None;
        }
        let plain = spaced(text, a.last_word) && spaced(text, particle);
        if !plain || !matches!(text.norm(particle), "да" | "де" | "та" | "те") {
            return None;
        }
        let b = read_numeral(text, particle + 1).filter(|b| !b.digits && !b.ordinal)?;
        let measured = self.unit_after(text, &b);
        if !(b.scaled || measured) {
            return None;
        }
        let mut scale = 1.0;
        if b.scaled {
            while (b.value / (scale * 1000.0)).fract() == 0.0 && scale * 1000.0 <= b.value {
                scale *= 1000.0;
            }
        }
        let fraction = b.value / scale;
        let digits = fraction.abs().max(1.0).log10().floor() as i32 + 1;
        let mut joined = b;
        joined.value = (a.value + fraction / 10f64.powi(digits)) * scale;
        joined.first_word = a.first_word;
        joined.span = Span::new(a.span.start, joined.span.end);
        Some(joined)
    }

    /// `11-13`, `он бір – он үш`, `бес-алты`, `20-дан 30-ға дейін`, `үш пен бес доллар`.
    pub(super) fn extend_range<'t>(
        &self,
        text: &'t Text,
        a: &Numeral<'t>,
        d: &mut Draft<'t>,
        after: &After<'_, 't>,
    ) {
        let n = text.words.len();
        let next = a.last_word + 1;
        if next >= n || a.vague || a.collective {
            return;
        }
        // Most numbers are followed by one space: no dash, and plain spacing.
        if gap_bytes(text, a.last_word) != b" " {
            let gap = text.gap_after(a.last_word);
            let trimmed = gap.trim_matches(is_space);
            let dash =
                trimmed.chars().count() == 1 && trimmed.chars().all(|c| is_dash(c) || is_hyphen(c));
            if dash && (a.suffix.is_empty() || a.ordinal) {
                if let Some(b) = read_numeral(text, next)
                    .filter(|b| b.ordinal == a.ordinal && b.value > a.value_scaled_by(b))
                {
                    self.set_range(text, a, &b, d, "range/dash");
                }
                return;
            }
            if !spacing(gap) {
                return;
            }
        }
        if a.ordinal {
            return;
        }
        // The ablative is on the number or on its unit: `20-дан`, `24,6 теңгеден`.
        let from = if is_ablative(a.suffix) {
            Some(a.last_word)
        } else {
            after
                .measure(next)
                .filter(|m| is_ablative(m.ending))
                .map(|m| m.last_word)
        };
        if let Some(from) = from {
            let after = from + 1;
            if after >= n || !spaced(text, from) {
                return;
            }
            let Some(b) = read_numeral(text, after) else {
                return;
            };
            // The dative is on the number or on its unit: `20-дан 30-ға`, `80-нен 60 шақырымға`.
            let mut k = b.last_word;
            let mut ending = b.suffix;
            if k + 1 < n && spaced(text, k) {
                if let Some(m) = self.vocab.measures.match_at(text, k + 1) {
                    k = m.last_word;
                    ending = m.ending;
                }
            }
            let until =
                k + 1 < n && spaced(text, k) && matches!(text.norm(k + 1), "дейін" | "шейін");
            // Both directions: `20-дан 30-ға дейін`, and a fall `27 теңгеден 24 теңгеге дейін`.
            if is_dative(ending) && until && b.value != a.value {
                self.set_range(text, a, &b, d, "range/from-to");
            }
            return;
        }
        let pair = matches!(text.norm(next), "пен" | "мен" | "бен");
        if a.suffix.is_empty() && pair && next + 1 < n && spaced(text, next) {
            if let Some(b) = read_numeral(text, next + 1) {
                let measured = self.unit_after(text, &b);
                let dated = self.time_noun_after(text, b.last_word, after);
                if (measured || dated) && b.value > a.value {
                    self.set_range(text, a, &b, d, "range/pair");
                }
            }
        }
    }

    /// True when a unit, currency or percent word follows the numeral `b` directly.
    fn unit_after(&self, text: &Text, b: &Numeral) -> bool {
        b.last_word + 1 < text.words.len()
            && spaced(text, b.last_word)
            && self
                .vocab
                .measures
                .match_at(text, b.last_word + 1)
                .is_some()
    }

    pub(super) fn set_range<'t>(
        &self,
        text: &'t Text,
        a: &Numeral<'t>,
        b: &Numeral<'t>,
        d: &mut Draft<'t>,
        rule: &'static str,
    ) {
        let first = a.value_scaled_by(b);
        d.low = Some(first.min(b.value));
        d.high = Some(first.max(b.value));
        d.value = None;
        d.last_word = b.last_word;
        d.end = text.words[b.last_word].span.end;
        d.ending = b.suffix;
        d.rule = rule;
        if b.approx {
            d.qualifier = Qualifier::About;
        }
    }

    /// `үштен бірі`, `3-тен 2-сі`: the denominator in the ablative, then the numerator.
    pub(super) fn fraction<'t>(&self, text: &'t Text, a: &Numeral<'t>, d: &mut Draft<'t>) {
        if d.low.is_some() || !is_ablative(a.suffix) || a.value < 2.0 || a.value > 100.0 {
            return;
        }
        let next = a.last_word + 1;
        if next >= text.words.len() || !spaced(text, a.last_word) {
            return;
        }
        let Some(b) = read_numeral(text, next) else {
            return;
        };
        let possessive = ["і", "ы", "сі", "сы"]
            .iter()
            .any(|p| b.suffix.starts_with(p));
        let part_follows = b.suffix.is_empty()
            && b.last_word + 1 < text.words.len()
            && text.norm(b.last_word + 1).starts_with("бөлі");
        if (possessive || part_follows) && b.value < a.value && !b.ordinal {
            d.value = Some(b.value / a.value);
            d.last_word = b.last_word;
            d.end = text.words[b.last_word].span.end;
            d.ending = b.suffix;
            d.rule = "cardinal/fraction";
        }
    }
}

impl Numeral<'_> {
    /// The value of `self` as the low end of a range whose high end `b` carries a scale word
    /// that `self` lacks (`11-13 мың`, `он-он бес мың`).
    pub(super) fn value_scaled_by(&self, b: &Numeral) -> f64 {
        if self.scaled || !b.scaled {
            return self.value;
        }
        let mut scale = 1.0;
        while scale * 1000.0 <= b.value.abs() {
            scale *= 1000.0;
        }
        if self.value * scale <= b.value {
            self.value * scale
        } else {
            self.value
        }
    }
}
