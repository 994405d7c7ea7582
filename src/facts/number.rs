//! Cardinals, ordinals, percentages, money, quantities and ranges. Each number read by
//! [`read_numeral`] grows into one fact: an optional range partner, a unit, currency or
//! percent (`vocab`), qualifier words before and after (reference A.3 rule 5), then the
//! counted object ([`super::object`]) and the trend of the clause ([`super::change`]).
//! Numbers before time nouns (`2025 жылы`, `үш күн`) and after `сағат` are left to the date
//! and time rules. Vague plurals (`мыңдаған`) give CARDINAL with `value` null, `low` the
//! magnitude and qualifier `more_than`.

use super::change::change_after;
use super::numeral::{is_approx_ending, read_numeral, Numeral};
use super::object::object_after;
use super::vocab::{Governs, Measure, Vocabulary};
use super::FactContext;
use crate::mention::{Fact, Label, Qualifier};
use crate::text::fold::{is_dash, is_hyphen, is_space};
use crate::text::words::WordShape;
use crate::text::{Span, Text};
use crate::trace::Trace;

/// The rules of this dimension, built once.
pub struct NumberRules {
    vocab: Vocabulary,
}

/// A fact under construction: where it reaches and what it says so far.
struct Draft {
    label: Label,
    rule: &'static str,
    start: usize,
    end: usize,
    /// Index of the last word inside the span.
    last_word: usize,
    /// The ending on the last inflected word, for case checks (`нан` in `мыңнан`).
    ending: String,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<String>,
    qualifier: Qualifier,
}

impl NumberRules {
    /// Loads tables and compiles patterns.
    pub fn new() -> Self {
        super::numeral::preload();
        NumberRules {
            vocab: Vocabulary::load(),
        }
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(
        &self,
        text: &Text,
        _context: &FactContext,
        out: &mut Vec<Fact>,
        trace: &mut Trace,
    ) {
        let mut i = 0;
        while i < text.words.len() {
            if inside_compound(text, i) {
                i += 1;
                continue;
            }
            let Some(numeral) = read_numeral(text, i) else {
                i += 1;
                continue;
            };
            let numeral = self.particle_decimal(text, &numeral).unwrap_or(numeral);
            if let Some(last) = reduplicated(text, &numeral) {
                trace.rejected("number/reduplicated", numeral.span, || "бір-бірі".into());
                i = last + 1;
                continue;
            }
            match self.build(text, &numeral, trace) {
                Some((fact, last)) => {
                    trace.built(fact.rule, fact.span, fact.label);
                    out.push(fact);
                    i = last + 1;
                }
                None => i = numeral.last_word + 1,
            }
        }
    }

    fn build(&self, text: &Text, num: &Numeral, trace: &mut Trace) -> Option<(Fact, usize)> {
        if self.is_time(text, num) {
            trace.rejected("number/time-noun", num.span, || "date or time".into());
            return None;
        }
        if let Some(why) = self.not_a_count(text, num) {
            trace.rejected("number/not-a-count", num.span, || why.into());
            return None;
        }
        let mut d = self.draft(num);
        if num.vague {
            d.value = None;
            d.low = Some(num.value);
            d.qualifier = Qualifier::MoreThan;
            d.rule = "cardinal/vague-plural";
        }
        self.extend_range(text, num, &mut d);
        if d.low.is_some() && self.time_noun_after(text, d.last_word) {
            trace.rejected("range/time-noun", Span::new(d.start, d.end), || {
                "date or time range".into()
            });
            return None;
        }
        if num.ordinal && d.low.is_some() {
            // KazNERD tags `бірінші – екінші` as two ORDINAL spans.
            d = self.draft(num);
        }
        if !num.ordinal {
            self.fraction(text, num, &mut d);
            self.measure(text, num, &mut d);
        }
        self.sign_word(text, num, &mut d);
        self.qualify(text, &mut d);
        if d.unit.is_none() && d.label == Label::Cardinal && self.measure(text, num, &mut d) {
            // `100 мыңнан астам теңге`: the currency follows the qualifier.
            self.qualify(text, &mut d);
        }
        let span = Span::new(d.start, d.end);
        let mut fact = Fact::new(d.label, span, d.rule);
        fact.value = d.value;
        fact.low = d.low;
        fact.high = d.high;
        fact.unit = d.unit;
        fact.qualifier = d.qualifier;
        fact.object = object_after(text, d.last_word, &self.vocab);
        fact.change = change_after(text, d.last_word, d.qualifier, &self.vocab);
        Some((fact, d.last_word))
    }

    /// `он екі де тоғыз пайыз` = 12.9 %, `бір де сегіз миллиард` = 1.8e9: the spoken decimal
    /// with the particle `да/де/та/те`, accepted only before a scale, unit or currency word
    /// (elsewhere the particle means "also").
    fn particle_decimal(&self, text: &Text, a: &Numeral) -> Option<Numeral> {
        let particle = a.last_word + 1;
        let n = text.words.len();
        if a.digits || a.ordinal || !a.suffix.is_empty() || particle + 1 >= n {
            return None;
        }
        let plain = spacing(text.gap_after(a.last_word)) && spacing(text.gap_after(particle));
        if !plain || !matches!(text.norm(particle), "да" | "де" | "та" | "те") {
            return None;
        }
        let b = read_numeral(text, particle + 1).filter(|b| !b.digits && !b.ordinal)?;
        let measured = b.last_word + 1 < n
            && spacing(text.gap_after(b.last_word))
            && self
                .vocab
                .measures
                .match_at(text, b.last_word + 1)
                .is_some();
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

    /// The fact of the number alone.
    fn draft(&self, num: &Numeral) -> Draft {
        Draft {
            label: if num.ordinal {
                Label::Ordinal
            } else {
                Label::Cardinal
            },
            rule: if num.ordinal {
                "ordinal/number"
            } else {
                "cardinal/number"
            },
            start: num.span.start,
            end: num.span.end,
            last_word: num.last_word,
            ending: num.suffix.clone(),
            value: Some(num.value),
            low: None,
            high: None,
            unit: None,
            qualifier: if num.approx {
                Qualifier::About
            } else {
                Qualifier::Exact
            },
        }
    }

    /// Numbers that belong to a DATE or TIME: after `сағат`, or before a time noun.
    fn is_time(&self, text: &Text, num: &Numeral) -> bool {
        let before = num.first_word.checked_sub(1);
        let after_clock = before.is_some_and(|b| CLOCK_WORDS.contains(&text.norm(b)));
        let year_like = (1900.0..=2100.0).contains(&num.value) && num.value.fract() == 0.0;
        let year_ordinal = num.ordinal && num.digits && year_like;
        let year_in = year_like
            && ["да", "де", "та", "те"]
                .iter()
                .any(|e| num.suffix.ends_with(e));
        let clock_digits = num.digits
            && (text.text[num.span.end..].starts_with(':')
                || text.text[..num.span.start].ends_with(':'));
        // `наурыздың бесі`, `апрельдің 1-інен`: a day of a month named before it.
        let month_genitive = before.is_some_and(|b| {
            spacing(text.gap_after(b))
                && self.vocab.time_nouns.match_at(text, b).is_some_and(|m| {
                    m.last_word == b && GENITIVE.iter().any(|g| m.ending.ends_with(g))
                })
        });
        // `жасы жиырма тоғызда`: an age.
        let age = before.is_some_and(|b| text.norm(b).starts_with("жас"));
        // `он бірінде`, `жиырма төртінде`: a day of the month.
        let day = (2.0..=31.0).contains(&num.value)
            && ["інде", "ында", "сінде", "сында"].contains(&num.suffix.as_str());
        after_clock
            || age
            || day
            || year_ordinal
            || year_in
            || clock_digits
            || month_genitive
            || self.time_noun_after(text, num.last_word)
    }

    /// Number words used in another sense: the article `бір` (`қандай да бір`, `белгілі
    /// бір`), `бір реттік` ("one-off"), and `жүзді.` ("swam") closing a sentence.
    fn not_a_count(&self, text: &Text, num: &Numeral) -> Option<&'static str> {
        if num.digits {
            return None;
        }
        let before = num.first_word.checked_sub(1).map(|b| text.norm(b));
        let next = num.last_word + 1;
        let after = (next < text.words.len() && spacing(text.gap_after(num.last_word)))
            .then(|| text.norm(next));
        // `бірінші тоқсанда`: after an ordinal, a number word is a noun ("quarter").
        let prev = num.first_word.checked_sub(1);
        let after_ordinal = prev.is_some_and(|p| {
            spacing(text.gap_after(p)) && read_numeral(text, p).is_some_and(|o| o.ordinal)
        });
        if after_ordinal {
            return Some("noun after an ordinal");
        }
        let bare_one = num.value == 1.0 && num.suffix.is_empty();
        if bare_one && matches!(before, Some("белгілі" | "да" | "де")) {
            return Some("article бір");
        }
        if after.is_some_and(|w| self.vocab.not_counted.iter().any(|p| w.starts_with(p))) {
            return Some("adjective such as реттік");
        }
        let verb_form = matches!(num.suffix.as_str(), "ді" | "ды" | "ті" | "ты");
        let clause_end = next >= text.words.len()
            || text
                .gap_after(num.last_word)
                .trim_start()
                .starts_with(['.', '!', '?']);
        if verb_form && num.first_word == num.last_word && clause_end {
            return Some("past-tense verb (жүзді)");
        }
        None
    }

    fn time_noun_after(&self, text: &Text, last: usize) -> bool {
        let next = last + 1;
        next < text.words.len()
            && spacing(text.gap_after(last))
            && self.vocab.measures.match_at(text, next).is_none()
            && self.vocab.time_nouns.match_at(text, next).is_some()
    }

    /// `11-13`, `он бір – он үш`, `бес-алты`, `20-дан 30-ға дейін`, `үш пен бес доллар`.
    fn extend_range(&self, text: &Text, a: &Numeral, d: &mut Draft) {
        let n = text.words.len();
        let next = a.last_word + 1;
        if next >= n || a.vague || a.collective {
            return;
        }
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
        if !spacing(gap) || a.ordinal {
            return;
        }
        if is_ablative(&a.suffix) {
            let Some(b) = read_numeral(text, next) else {
                return;
            };
            // The dative is on the number or on its unit: `20-дан 30-ға`, `80-нен 60 шақырымға`.
            let mut k = b.last_word;
            let mut ending = b.suffix.as_str();
            if k + 1 < n && spacing(text.gap_after(k)) {
                if let Some(m) = self.vocab.measures.match_at(text, k + 1) {
                    k = m.last_word;
                    ending = m.ending;
                }
            }
            let until = k + 1 < n
                && spacing(text.gap_after(k))
                && matches!(text.norm(k + 1), "дейін" | "шейін");
            if is_dative(ending) && until && b.value > a.value {
                self.set_range(text, a, &b, d, "range/from-to");
            }
            return;
        }
        let pair = matches!(text.norm(next), "пен" | "мен" | "бен");
        if a.suffix.is_empty() && pair && next + 1 < n && spacing(text.gap_after(next)) {
            if let Some(b) = read_numeral(text, next + 1) {
                let measured = b.last_word + 1 < n
                    && spacing(text.gap_after(b.last_word))
                    && self
                        .vocab
                        .measures
                        .match_at(text, b.last_word + 1)
                        .is_some();
                let dated = self.time_noun_after(text, b.last_word);
                if (measured || dated) && b.value > a.value {
                    self.set_range(text, a, &b, d, "range/pair");
                }
            }
        }
    }

    fn set_range(&self, text: &Text, a: &Numeral, b: &Numeral, d: &mut Draft, rule: &'static str) {
        let low = a.value_scaled_by(b);
        d.low = Some(low);
        d.high = Some(b.value);
        d.value = Some(low);
        d.last_word = b.last_word;
        d.end = text.words[b.last_word].span.end;
        d.ending = b.suffix.clone();
        d.rule = rule;
        if b.approx {
            d.qualifier = Qualifier::About;
        }
    }

    /// `үштен бірі`, `3-тен 2-сі`: the denominator in the ablative, then the numerator.
    fn fraction(&self, text: &Text, a: &Numeral, d: &mut Draft) {
        if d.low.is_some() || !is_ablative(&a.suffix) || a.value < 2.0 || a.value > 100.0 {
            return;
        }
        let next = a.last_word + 1;
        if next >= text.words.len() || !spacing(text.gap_after(a.last_word)) {
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
            d.ending = b.suffix.clone();
            d.rule = "cardinal/fraction";
        }
    }

    /// A unit, currency or percent after the number (or a currency sign before it).
    /// Returns true when one was found.
    fn measure(&self, text: &Text, num: &Numeral, d: &mut Draft) -> bool {
        let after = self
            .glued(num)
            .or_else(|| self.sign_after(text, d))
            .or_else(|| self.word_after(text, d));
        let Some(measure) = after.or_else(|| self.sign_before(text, num, d)) else {
            return false;
        };
        d.label = measure.label;
        d.unit = Some(measure.unit.to_owned());
        d.rule = match measure.label {
            Label::Money => "money/number-currency",
            Label::Percentage => "percent/number-percent",
            Label::Quantity => "quantity/number-unit",
            _ => "cardinal/number-times",
        };
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
        if is_approx_ending(&d.ending) {
            d.qualifier = Qualifier::About;
        }
        true
    }

    /// `сағатына 80 шақырым` (km/h), `секундына 500 текше метр` (m3/s), `мг / литр` (mg/l).
    fn per_unit(&self, text: &Text, num: &Numeral, d: &mut Draft) {
        let Some(unit) = d.unit.as_mut() else { return };
        if num.first_word > 0 && spacing(text.gap_after(num.first_word - 1)) {
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
        if next < text.words.len() && text.gap_after(d.last_word).trim_matches(is_space) == "/" {
            if let Some(m) = self.vocab.measures.match_at(text, next) {
                unit.push('/');
                unit.push_str(m.value.unit);
                d.last_word = m.last_word;
                d.end = text.words[m.last_word].span.end;
                d.ending = m.ending.to_owned();
                d.rule = "quantity/rate";
            }
        }
    }

    /// `1 метр 20 сантиметр`, `17 теңге 29 тиын`: a smaller unit's amount added.
    fn compound(&self, text: &Text, big: Measure, d: &mut Draft) {
        let next = d.last_word + 1;
        if next >= text.words.len() || !spacing(text.gap_after(d.last_word)) || d.low.is_some() {
            return;
        }
        let Some(small) = read_numeral(text, next).filter(|n| !n.ordinal && n.suffix.is_empty())
        else {
            return;
        };
        let k = small.last_word + 1;
        if k >= text.words.len() || !spacing(text.gap_after(small.last_word)) {
            return;
        }
        let Some(m) = self.vocab.measures.match_at(text, k) else {
            return;
        };
        let Some(ratio) = self.vocab.ratio(m.value.unit, big.unit) else {
            return;
        };
        let part = small.value * m.value.factor * ratio;
        // The smaller unit only completes an uninflected larger one (`380 теңгеден 300
        // теңгеге` is two amounts).
        if !d.ending.is_empty() || part >= 1.0 {
            return;
        }
        d.value = d.value.map(|v| v + part);
        d.last_word = m.last_word;
        d.end = text.words[m.last_word].span.end;
        d.ending = m.ending.to_owned();
        d.rule = if big.label == Label::Money {
            "money/compound"
        } else {
            "quantity/compound"
        };
    }

    /// `5км`, `100мг`: a unit glued to the digits.
    fn glued(&self, num: &Numeral) -> Option<Measure> {
        if !num.digits || num.suffix.is_empty() {
            return None;
        }
        self.vocab.measures.get_word(&num.suffix).copied()
    }

    fn word_after(&self, text: &Text, d: &mut Draft) -> Option<Measure> {
        let next = d.last_word + 1;
        if next >= text.words.len() || !spacing(text.gap_after(d.last_word)) {
            return None;
        }
        let m = self.vocab.measures.match_at(text, next)?;
        d.last_word = m.last_word;
        d.end = text.words[m.last_word].span.end;
        d.ending = m.ending.to_owned();
        Some(*m.value)
    }

    /// `98%`, `98%-ға`, `10 %-ке`, `5°C`: a sign right after the digits.
    fn sign_after(&self, text: &Text, d: &mut Draft) -> Option<Measure> {
        let rest = &text.text[d.end..];
        let lead = match rest.chars().next() {
            Some(c) if is_space(c) && c != '\n' => c.len_utf8(),
            _ => 0,
        };
        let (sign, measure) = self
            .vocab
            .signs
            .iter()
            .find(|(s, _)| rest[lead..].starts_with(s))?;
        let mut end = d.end + lead + sign.len();
        let mut ending = String::new();
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
                if super::numeral::is_ending(norm) && text.words[k].shape == WordShape::Letters {
                    last = k;
                    end = text.words[k].span.end;
                    ending = norm.to_owned();
                }
            }
        }
        d.end = end;
        d.last_word = last;
        d.ending = ending;
        Some(*measure)
    }

    /// `$5`, `₸500`: a currency sign right before the digits.
    fn sign_before(&self, text: &Text, num: &Numeral, d: &mut Draft) -> Option<Measure> {
        let before = &text.text[..num.span.start];
        let (sign, measure) = self
            .vocab
            .signs
            .iter()
            .find(|(s, m)| m.label == Label::Money && before.ends_with(s))?;
        d.start = num.span.start - sign.len();
        Some(*measure)
    }

    /// `минус 35`, `плюс 20`: a sign word before the number.
    fn sign_word(&self, text: &Text, num: &Numeral, d: &mut Draft) {
        let Some(before) = num.first_word.checked_sub(1) else {
            return;
        };
        if !spacing(text.gap_after(before)) {
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
    fn temperature(&self, text: &Text, d: &mut Draft) {
        let next = d.last_word + 1;
        if next < text.words.len() && spacing(text.gap_after(d.last_word)) {
            let word = text.norm(next);
            let cold = ["суық", "аяз"].iter().any(|w| word.starts_with(w));
            if cold || word.starts_with("ыстық") {
                if cold {
                    negate(d);
                }
                d.last_word = next;
                d.end = text.words[next].span.end;
                d.ending.clear();
            }
        }
    }

    /// Qualifier words before (`шамамен`, `кемінде`) and after (`астам`, `жуық`, `дейін`;
    /// two may chain: `астамға жуығы`).
    fn qualify(&self, text: &Text, d: &mut Draft) {
        let first = text.words.partition_point(|w| w.span.start < d.start);
        // Longest first: `ең көбі` before `көбі`.
        for back in (1..=3).rev() {
            if first < back || !spacing(text.gap_after(first - 1)) {
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
        for _ in 0..2 {
            let next = d.last_word + 1;
            if next >= text.words.len() || !spacing(text.gap_after(d.last_word)) {
                return;
            }
            let Some(m) = self.vocab.qualifiers_after.match_at(text, next) else {
                return;
            };
            let w = m.value;
            let governed = match w.governs {
                Governs::Any => true,
                Governs::Ablative => is_ablative(&d.ending),
                Governs::Dative => is_dative(&d.ending),
            };
            if !governed {
                return;
            }
            d.last_word = m.last_word;
            d.end = text.words[m.last_word].span.end;
            d.ending = m.ending.to_owned();
            let range_end = d.low.is_some() && w.qualifier == Qualifier::UpTo;
            if !range_end && (d.qualifier == Qualifier::Exact || w.qualifier != Qualifier::UpTo) {
                d.qualifier = w.qualifier;
            }
        }
    }
}

impl Default for NumberRules {
    fn default() -> Self {
        NumberRules::new()
    }
}

impl Numeral {
    /// The value of `self` as the low end of a range whose high end `b` carries a scale word
    /// that `self` lacks (`11-13 мың`, `он-он бес мың`).
    fn value_scaled_by(&self, b: &Numeral) -> f64 {
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

/// Makes every value of the draft negative.
fn negate(d: &mut Draft) {
    d.value = d.value.map(|v| -v.abs());
    d.low = d.low.map(|v| -v.abs());
    d.high = d.high.map(|v| -v.abs());
}

/// Words before a number that make it a clock time (`сағат 9`, `таңғы 7-ден`).
const CLOCK_WORDS: [&str; 6] = ["сағат", "таңғы", "кешкі", "түнгі", "күндізгі", "түскі"];

/// Genitive endings.
const GENITIVE: [&str; 6] = ["ның", "нің", "дың", "дің", "тың", "тің"];

/// `бір-бірімен`, `екі-екіден`: a number word repeated across a hyphen is not a count.
/// Returns the last word of the repetition.
fn reduplicated(text: &Text, num: &Numeral) -> Option<usize> {
    let next = num.last_word + 1;
    let gap = text.gap_after(num.last_word);
    if num.digits
        || next >= text.words.len()
        || gap.chars().count() != 1
        || !gap.chars().all(is_hyphen)
    {
        return None;
    }
    let again = read_numeral(text, next)?;
    (again.value == num.value).then_some(again.last_word)
}

/// Word `i` continues a hyphenated compound (`COVID-19`, `Су-27`) or follows `№`.
fn inside_compound(text: &Text, i: usize) -> bool {
    let before = &text.text[..text.words[i].span.start];
    if before.trim_end_matches(is_space).ends_with('№') {
        return true;
    }
    if i == 0 {
        return false;
    }
    let gap = text.gap_after(i - 1);
    let glued_hyphen = gap.chars().count() == 1 && gap.chars().all(is_hyphen);
    glued_hyphen
        && text.words[i - 1].shape != WordShape::Digits
        && read_numeral(text, i - 1).is_none()
}

/// True when the gap between two words is plain spacing.
fn spacing(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(is_space)
}

/// The ending is (or ends in) an ablative case.
pub(super) fn is_ablative(ending: &str) -> bool {
    ["дан", "ден", "тан", "тен", "нан", "нен"]
        .iter()
        .any(|e| ending.ends_with(e))
}

/// The ending is (or ends in) a dative case.
pub(super) fn is_dative(ending: &str) -> bool {
    ["ға", "ге", "қа", "ке", "на", "не"]
        .iter()
        .any(|e| ending.ends_with(e))
}
