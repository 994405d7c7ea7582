//! Units, currencies and percent after (or a sign before) a number: words from the tables
//! (`тонна`, `АҚШ доллары`, `пайызы`), signs (`%`, `%-ға`, `$`, `₸`, `°C`), glued units
//! (`5км`), rates (`сағатына 80 шақырым`, `мг / литр`), compound amounts (`1 метр 20
//! сантиметр`, `17 теңге 29 тиын`), sign words (`минус`, `плюс`) and temperature words.

use super::{hyphen_joined, spaced, After, Draft, NumberRules};
use crate::facts::numeral::{gap_bytes, is_approx_ending, is_ending, read_numeral, Numeral};
use crate::facts::vocab::Measure;
use crate::mention::Label;
use crate::mention::Qualifier;
use crate::text::fold::{is_hyphen, is_space};
use crate::text::words::WordShape;
use crate::text::Text;

/// Time units after a slash in a rate (`км/сағ`, `м/с`), with their symbol.
const PER_TIME: [(&str, &str); 4] = [("сағ", "h"), ("секунд", "s"), ("с", "s"), ("мин", "min")];

impl NumberRules {
    /// A unit, currency or percent after the number (or a currency sign before it).
    /// Returns true when one was found.
    pub(super) fn measure<'t>(
        &self,
        text: &'t Text,
        num: &Numeral<'t>,
        d: &mut Draft<'t>,
        after: &After<'_, 't>,
    ) -> bool {
        let found = self
            .glued(num)
            .or_else(|| self.sign_after(text, d))
            .or_else(|| self.word_after(text, d, after));
        let Some(measure) = found.or_else(|| self.sign_before(text, num, d)) else {
            return false;
        };
        d.label = measure.label;
        d.unit = Some(measure.unit.to_owned());
        // A range keeps its construction as the rule id (`range/dash`, `range/from-to`).
        if d.low.is_none() {
            d.rule = match measure.label {
                Label::Money => "money/number-currency",
                Label::Percentage => "percent/number-percent",
                Label::Quantity => "quantity/number-unit",
                _ => "cardinal/number-times",
            };
        }
        let scale = |v: f64| v * measure.factor;
        d.value = d.value.map(scale);
        d.low = d.low.map(scale);
        d.high = d.high.map(scale);
        if measure.unit == "degC" {
            self.temperature(text, d);
        }
        if measure.label == Label::Quantity {
            self.per_unit(text, num, d);
        }
        if matches!(measure.label, Label::Quantity | Label::Money) {
            self.compound(text, measure, d);
        }
        if is_approx_ending(d.ending) {
            d.qualifier = Qualifier::About;
        }
        true
    }

    /// `сағатына 80 шақырым` (km/h), `секундына 500 текше метр` (m3/s), `мг / литр` (mg/l).
    pub(super) fn per_unit<'t>(&self, text: &'t Text, num: &Numeral<'t>, d: &mut Draft<'t>) {
        let Some(unit) = d.unit.as_mut() else { return };
        if num.first_word > 0 && spaced(text, num.first_word - 1) {
            let per = match text.norm(num.first_word - 1) {
                "сағатына" => Some("/h"),
                "секундына" => Some("/s"),
                "минутына" => Some("/min"),
                _ => None,
            };
            if let Some(per) = per {
                unit.push_str(per);
                d.start = text.words[num.first_word - 1].span.start;
                d.rule = "quantity/rate";
            }
        }
        let next = d.last_word + 1;
        let slash = || text.gap_after(d.last_word).trim_matches(is_space) == "/";
        if next < text.words.len() && gap_bytes(text, d.last_word) != b" " && slash() {
            // `мг / литр` (a unit), `километр/сағат` (a time unit).
            let per = match self.vocab.measures.match_at(text, next) {
                Some(m) => Some((m.value.unit, m.last_word, m.ending)),
                None => PER_TIME
                    .iter()
                    .find(|(word, _)| text.norm(next).starts_with(word))
                    .map(|&(_, symbol)| (symbol, next, "")),
            };
            if let Some((symbol, last, ending)) = per {
                unit.push('/');
                unit.push_str(symbol);
                d.last_word = last;
                d.end = text.words[last].span.end;
                d.ending = ending;
                d.rule = "quantity/rate";
            }
        }
    }

    /// `1 метр 20 сантиметр`, `17 теңге 29 тиын`: a smaller unit's amount added.
    pub(super) fn compound<'t>(&self, text: &'t Text, big: Measure, d: &mut Draft<'t>) {
        let next = d.last_word + 1;
        // The smaller unit only completes an uninflected larger one (`380 теңгеден 300
        // теңгеге` is two amounts).
        let inflected = !d.ending.is_empty();
        if inflected || next >= text.words.len() || !spaced(text, d.last_word) || d.low.is_some() {
            return;
        }
        let Some(small) = read_numeral(text, next).filter(|n| !n.ordinal && n.suffix.is_empty())
        else {
            return;
        };
        let k = small.last_word + 1;
        if k >= text.words.len() || !spaced(text, small.last_word) {
            return;
        }
        let Some(m) = self.vocab.measures.match_at(text, k) else {
            return;
        };
        let Some(ratio) = self.vocab.ratio(m.value.unit, big.unit) else {
            return;
        };
        let part = small.value * m.value.factor * ratio;
        if part >= 1.0 {
            return;
        }
        d.value = d.value.map(|v| v + part);
        d.last_word = m.last_word;
        d.end = text.words[m.last_word].span.end;
        d.ending = m.ending;
        d.rule = if big.label == Label::Money {
            "money/compound"
        } else {
            "quantity/compound"
        };
    }

    /// `5км`, `100мг`: a unit glued to the digits.
    pub(super) fn glued(&self, num: &Numeral) -> Option<Measure> {
        if !num.digits || num.suffix.is_empty() {
            return None;
        }
        self.vocab.measures.get_word(num.suffix).copied()
    }

    pub(super) fn word_after<'t>(
        &self,
        text: &'t Text,
        d: &mut Draft<'t>,
        after: &After<'_, 't>,
    ) -> Option<Measure> {
        let next = d.last_word + 1;
        if next >= text.words.len() || !spaced(text, d.last_word) {
            return None;
        }
        let m = after.measure(next)?;
        d.last_word = m.last_word;
        d.end = text.words[m.last_word].span.end;
        d.ending = m.ending;
        // `265 кг-ға`, `17 500 МВт-қа`: an abbreviation takes its ending after a hyphen.
        let k = m.last_word + 1;
        let hyphen = hyphen_joined(text, m.last_word);
        if m.ending.is_empty() && hyphen && k < text.words.len() && is_ending(text.norm(k)) {
            d.last_word = k;
            d.end = text.words[k].span.end;
            d.ending = text.norm(k);
        }
        Some(*m.value)
    }

    /// `98%`, `98%-ға`, `10 %-ке`, `5°C`: a sign right after the digits.
    pub(super) fn sign_after<'t>(&self, text: &'t Text, d: &mut Draft<'t>) -> Option<Measure> {
        let rest = &text.text[d.end..];
        let lead = match rest.chars().next() {
            Some(c) if is_space(c) && c != '\n' => c.len_utf8(),
            _ => 0,
        };
        if !self
            .vocab
            .sign_first_bytes
            .contains(rest.as_bytes().get(lead).copied())
        {
            return None;
        }
        let (sign, measure) = self
            .vocab
            .signs
            .iter()
            .find(|(s, _)| rest[lead..].starts_with(s))?;
        let mut end = d.end + lead + sign.len();
        let mut ending = "";
        let mut last = d.last_word;
        // The word that starts inside or right after the sign (`°C`, or the `ға` of `%-ға`).
        while last + 1 < text.words.len() && text.words[last + 1].span.start < end {
            last += 1;
            end = end.max(text.words[last].span.end);
        }
        let after = &text.text[end..];
        if let Some(h) = after.chars().next().filter(|&c| is_hyphen(c)) {
            let k = last + 1;
            if k < text.words.len() && text.words[k].span.start == end + h.len_utf8() {
                let norm = text.norm(k);
                if is_ending(norm) && text.words[k].shape == WordShape::Letters {
                    last = k;
                    end = text.words[k].span.end;
                    ending = norm;
                }
            }
        }
        d.end = end;
        d.last_word = last;
        d.ending = ending;
        Some(*measure)
    }

    /// `$5`, `₸500`: a currency sign right before the digits.
    pub(super) fn sign_before<'t>(
        &self,
        text: &'t Text,
        num: &Numeral<'t>,
        d: &mut Draft<'t>,
    ) -> Option<Measure> {
        let before = &text.text[..num.span.start];
        let last_byte = before.as_bytes().last().copied();
        if !self.vocab.money_sign_last_bytes.contains(last_byte) {
            return None;
        }
        let (sign, measure) = self
            .vocab
            .signs
            .iter()
            .find(|(s, m)| m.label == Label::Money && before.ends_with(s))?;
        d.start = num.span.start - sign.len();
        Some(*measure)
    }

    /// `минус 35`, `плюс 20`: a sign word before the number.
    pub(super) fn sign_word<'t>(&self, text: &'t Text, num: &Numeral<'t>, d: &mut Draft<'t>) {
        let Some(before) = num.first_word.checked_sub(1) else {
            return;
        };
        if !spaced(text, before) {
            return;
        }
        match text.norm(before) {
            "минус" => {
                d.start = text.words[before].span.start;
                negate(d);
            }
            "плюс" => d.start = text.words[before].span.start,
            _ => {}
        }
    }

    /// `10 градус суық`, `5 градус ыстық`.
    pub(super) fn temperature<'t>(&self, text: &'t Text, d: &mut Draft<'t>) {
        let next = d.last_word + 1;
        if next < text.words.len() && spaced(text, d.last_word) {
            let word = text.norm(next);
            let cold = ["суық", "аяз"].iter().any(|w| word.starts_with(w));
            if cold || word.starts_with("ыстық") {
                if cold {
                    negate(d);
                }
                d.last_word = next;
                d.end = text.words[next].span.end;
                d.ending = "";
            }
        }
    }
}

/// Makes every value of the draft negative; a range's ends swap so that `low <= high`
/// (`минус 32-35 градус` is -35..-32).
pub(super) fn negate<'t>(d: &mut Draft<'t>) {
    d.value = d.value.map(|v| -v.abs());
    if let (Some(low), Some(high)) = (d.low, d.high) {
        d.low = Some(-low.abs().max(high.abs()));
        d.high = Some(-low.abs().min(high.abs()));
    }
}
