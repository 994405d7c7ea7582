//! Cardinals, ordinals, percentages, money, quantities and ranges. Each number read by
//! [`read_numeral`] grows into one fact: an optional range partner, a unit, currency or
//! percent (`vocab`), qualifier words before and after (reference A.3 rule 5), then the
//! counted object ([`super::object`]) and the trend of the clause ([`super::change`]).
//! Numbers before time nouns (`2025 жылы`, `үш күн`) and after `сағат` are left to the date
//! and time rules. Vague plurals (`мыңдаған`) give CARDINAL with `value` null, `low` the
//! magnitude and qualifier `more_than`. Submodules: `context` (numbers that are not ours),
//! `range` (two numbers joined), `measure` (units, currencies, percent), `qualify`.

mod after;
mod context;
mod measure;
mod qualify;
mod range;

use std::cell::OnceCell;

use super::change::change_after;
pub(super) use super::numeral::{hyphen_joined, spaced, spacing};
use super::numeral::{may_start_numeral, read_numeral, Numeral};
use super::object::object_after;
use super::vocab::Vocabulary;
use super::FactContext;
use crate::mention::{Fact, Label, Qualifier, Relation};
use crate::text::words::WordShape;
use crate::text::{Span, Text};
use crate::trace::Trace;
pub(super) use after::After;
use context::{has_closing_quote, inside_compound, quoted, reduplicated};

/// The rules of this dimension, built once.
pub struct NumberRules {
    vocab: Vocabulary,
}

/// A fact under construction: where it reaches and what it says so far.
struct Draft<'t> {
    label: Label,
    rule: &'static str,
    start: usize,
    end: usize,
    /// Index of the number's first word (words before it may join the span).
    first_word: usize,
    /// Index of the last word inside the span.
    last_word: usize,
    /// The ending on the last inflected word, for case checks (`нан` in `мыңнан`).
    ending: &'t str,
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
        let first_new = out.len();
        // Whether the text has a closing guillemet at all (a quoted name needs one).
        let quotes = OnceCell::new();
        let mut i = 0;
        while i < text.words.len() {
            if !may_start_numeral(text, i) {
                i += 1;
                continue;
            }
            // Words that read as no numeral (a fifth of the candidates) skip the context test.
            let Some(numeral) = read_numeral(text, i) else {
                i += 1;
                continue;
            };
            if inside_compound(text, i) {
                i += 1;
                continue;
            }
            let numeral = self.particle_decimal(text, &numeral).unwrap_or(numeral);
            if let Some(last) = reduplicated(text, &numeral) {
                trace.rejected("number/reduplicated", numeral.span, || "бір-бірі".into());
                i = last + 1;
                continue;
            }
            match self.build(text, &numeral, &quotes, trace, out) {
                Some(last) => i = last + 1,
                None => i = numeral.last_word + 1,
            }
        }
        share_change(text, &mut out[first_new..]);
    }

    fn build<'t>(
        &self,
        text: &'t Text,
        num: &Numeral<'t>,
        quotes: &OnceCell<bool>,
        trace: &mut Trace,
        out: &mut Vec<Fact>,
    ) -> Option<usize> {
        let after = &After::new(&self.vocab, text, num.last_word + 1);
        if self.is_time(text, num, after) {
            trace.rejected("number/time-noun", num.span, || "date or time".into());
            return None;
        }
        if num.ordinal && self.inside_name(text, num) {
            trace.rejected("ordinal/inside-name", num.span, || {
                "part of a longer name".into()
            });
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
        self.extend_range(text, num, &mut d, after);
        if d.low.is_some() && self.time_noun_after(text, d.last_word, after) {
            trace.rejected("range/time-noun", Span::new(d.start, d.end), || {
                "date or time range".into()
            });
            return None;
        }
        if num.ordinal && d.low.is_some() {
            // KazNERD tags `бірінші – екінші` as two ORDINAL spans.
            d = self.draft(num);
        }
        // Where the draft ended when `measure` found nothing: it finds nothing there again.
        let mut unmeasured = None;
        if let Some(noun) = self.digit_noun(text, num, &d) {
            if self.vocab.time_nouns.match_at(text, noun).is_some() {
                trace.rejected("ordinal/digit-noun", num.span, || "a decade or date".into());
                return None;
            }
            // `3-сыныпқа`, `1-орынға`, `1-4-сынып`: the newspaper ordinal keeps its noun.
            d.label = Label::Ordinal;
            d.rule = "ordinal/digit-noun";
            d.last_word = noun;
            d.end = text.words[noun].span.end;
            d.ending = "";
        } else if !num.ordinal {
            self.fraction(text, num, &mut d);
            if !self.measure(text, num, &mut d, after) {
                unmeasured = Some((d.last_word, d.end));
            }
        }
        let in_quotes = || *quotes.get_or_init(|| has_closing_quote(text.text));
        if matches!(d.label, Label::Cardinal | Label::Ordinal)
            && in_quotes()
            && quoted(text, num.first_word)
        {
            trace.rejected("number/quoted-name", num.span, || {
                "inside a quoted name".into()
            });
            return None;
        }
        self.sign_word(text, num, &mut d);
        self.qualify(text, &mut d, after);
        if d.unit.is_none() && self.time_noun_after(text, d.last_word, after) {
            // `отызға жуық жылды`, `он шақты жыл`: a qualified duration.
            trace.rejected("number/time-noun", Span::new(d.start, d.end), || {
                "qualified duration".into()
            });
            return None;
        }
        let moved = unmeasured != Some((d.last_word, d.end));
        if d.unit.is_none()
            && d.label == Label::Cardinal
            && moved
            && self.measure(text, num, &mut d, after)
        {
            // `100 мыңнан астам теңге`: the currency follows the qualifier.
            self.qualify(text, &mut d, after);
        }
        let last = d.last_word;
        self.finish(text, &mut d, after, out);
        if let Some(fact) = out.last() {
            trace.built(fact.rule, fact.span, fact.label);
        }
        Some(last)
    }

    /// Turns a finished draft into a fact, built in place at the end of `out`: the change
    /// stated by the clause, the qualifier it implies, and the counted object of a CARDINAL.
    fn finish(&self, text: &Text, d: &mut Draft<'_>, after: &After<'_, '_>, out: &mut Vec<Fact>) {
        let span = Span::new(d.start, d.end);
        out.push(Fact::new(d.label, span, d.rule));
        let Some(fact) = out.last_mut() else {
            return;
        };
        fact.value = d.value;
        fact.low = d.low;
        fact.high = d.high;
        fact.unit = d.unit.take();
        let until = matches!(text.norm(d.last_word), "дейін" | "шейін");
        let to_level = d.qualifier == Qualifier::UpTo || (d.low.is_some() && until);
        // A rank (`88-орынға көтерілді`) is no amount that rose or fell.
        if d.label != Label::Ordinal {
            let case = (to_level, is_dative(d.ending));
            fact.change = change_after(text, d.last_word, case, &self.vocab);
        }
        // `98%-ға дейін артты`: `дейін` names the level reached, not a bound.
        let reached = d.qualifier == Qualifier::UpTo
            && fact.change.is_some_and(|c| c.relation == Relation::To);
        fact.qualifier = if reached {
            Qualifier::Exact
        } else {
            d.qualifier
        };
        // Decisions 6 and 13: the counted or measured noun, after the unit if any. A
        // percentage is of a whole named before it; an amount in the dative (`теңгеге жаңа
        // цех`) is what something costs, not what is measured.
        let measured = matches!(d.label, Label::Money | Label::Quantity);
        let priced = measured && is_dative(d.ending);
        if !matches!(d.label, Label::Ordinal | Label::Percentage) && !priced {
            fact.object = object_after(text, d.last_word, &self.vocab, measured, after);
        }
        if fact.unit.is_none() && d.label == Label::Cardinal {
            // `450 мың бас ірі қара`: the classifier gives the unit (decision 5).
            fact.unit = self.classifier_unit(text, d.last_word);
        }
    }

    /// The unit of a classifier right after word `last` (`бас` → `head`, `дана` → `pcs`).
    fn classifier_unit(&self, text: &Text, last: usize) -> Option<String> {
        let next = last + 1;
        if next >= text.words.len() || !spaced(text, last) {
            return None;
        }
        let unit = self
            .vocab
            .classifiers
            .get(text.norm(next))
            .copied()
            .flatten()?;
        Some(unit.to_owned())
    }

    /// The noun glued by a hyphen to digits that carry no ending (`5-сынып`), if any.
    fn digit_noun(&self, text: &Text, num: &Numeral<'_>, d: &Draft<'_>) -> Option<usize> {
        let noun = d.last_word + 1;
        let plain = num.digits && num.suffix.is_empty() && !num.scaled && d.ending.is_empty();
        if !plain {
            return None;
        }
        let glued = hyphen_joined(text, d.last_word);
        let word = text.words.get(noun)?;
        let lower = word.shape == WordShape::Letters && !word.capitalized;
        (plain && glued && lower && self.vocab.measures.match_at(text, noun).is_none())
            .then_some(noun)
    }

    /// The fact of the number alone.
    fn draft<'t>(&self, num: &Numeral<'t>) -> Draft<'t> {
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
            first_word: num.first_word,
            last_word: num.last_word,
            ending: num.suffix,
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
}

impl Default for NumberRules {
    fn default() -> Self {
        NumberRules::new()
    }
}

/// `6 пайызға, ... 11 пайызға азайды`: list members in the same case before one trend
/// verb share its change (the rule reads the verb only after the last member).
fn share_change(text: &Text, facts: &mut [Fact]) {
    const MAX_WORDS_BETWEEN: usize = 4;
    let ending = |f: &Fact| {
        let surface = f.span.slice(text.text);
        surface
            .char_indices()
            .rev()
            .nth(1)
            .map_or(surface, |(k, _)| &surface[k..])
    };
    for k in (1..facts.len()).rev() {
        let (head, tail) = facts.split_at_mut(k);
        let (a, b) = (&mut head[k - 1], &tail[0]);
        let Some(change) = b.change else { continue };
        if a.change.is_some() || a.label != b.label || a.label == Label::Ordinal {
            continue;
        }
        // Candidates may still overlap here (resolution comes later): no gap, no list.
        let Some(between) = text.text.get(a.span.end..b.span.start) else {
            continue;
        };
        let listed = between.trim_start().starts_with(',')
            && !between.contains(['.', '!', '?', ';', ':', '\n'])
            && between.split_whitespace().count() <= MAX_WORDS_BETWEEN;
        if listed && change.relation == Relation::By && ending(a) == ending(b) {
            a.change = Some(change);
        }
    }
}

/// True when `word` ends with one of `endings`; the last byte is compared first, so most
/// words cost no string comparison.
pub(super) fn ends_with_any(word: &str, endings: &[&str]) -> bool {
    let last = word.as_bytes().last();
    endings
        .iter()
        .any(|e| (e.is_empty() || e.as_bytes().last() == last) && word.ends_with(e))
}

/// True when `word` is one of `words`; length and last byte are compared first.
pub(super) fn equals_any(word: &str, words: &[&str]) -> bool {
    let last = word.as_bytes().last();
    words
        .iter()
        .any(|w| w.len() == word.len() && w.as_bytes().last() == last && *w == word)
}

/// The ending is (or ends in) an ablative case.
pub(super) fn is_ablative(ending: &str) -> bool {
    ends_with_any(ending, &["дан", "ден", "тан", "тен", "нан", "нен"])
}

/// The ending is (or ends in) a dative case.
pub(super) fn is_dative(ending: &str) -> bool {
    ends_with_any(ending, &["ға", "ге", "қа", "ке", "на", "не"])
}
