//! TIME: clock times (`20:40-та`, `сағат 9-да`), parts of the day (`таңертең`, `кешке`),
//! day-part clock times and their ranges (`таңғы 7-ден кешкі 8-ге дейін`) and durations
//! under a day (`екі сағат`, `жарты сағаттан кейін`), with their qualifier words
//! (reference A.4 TIME, D.3). Vocabulary: `src/facts/data/time_words.tsv` and the shared
//! calendar tables. `сағат` before a bare clock time stays outside the span, as in KazNERD;
//! after a day-part word it is inside. `iso` is `HH:MM` (a range `HH:MM/HH:MM`).

use super::date::calendar::{interval, Iso};
use super::date::lexicon::{DayPart, Lexicon, Marker, ModifierKind, Unit, WordClass};
use super::date::number::hyphen_gap;
use super::date::reading::Reading;
use super::date::scanner::Scanner;
use super::FactContext;
use crate::mention::{Fact, Label};
use crate::text::Text;
use crate::trace::Trace;

/// The rules of this dimension, built once.
pub struct TimeRules {
    lexicon: &'static Lexicon,
}

/// A clock time read at some word: hour, minute, last word.
struct Clock {
    hour: u32,
    minute: u32,
    last: usize,
}

impl TimeRules {
    /// Loads tables and compiles patterns.
    pub fn new() -> Self {
        TimeRules {
            lexicon: Lexicon::shared(),
        }
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, text: &Text, context: &FactContext, out: &mut Vec<Fact>, trace: &mut Trace) {
        // The shared rules' rejections are reported once, by the DATE rules.
        let scanner = Scanner::new(self.lexicon, text, context, false);
        self.find_with(&scanner, out, trace);
    }

    /// Appends the candidates `scanner` finds to `out` (a scanner shared with the DATE rules:
    /// [`crate::facts::date::DateRules::scanner`]).
    pub fn find_with(&self, scanner: &Scanner, out: &mut Vec<Fact>, trace: &mut Trace) {
        let text = scanner.text;
        // The first word not covered by the last reading.
        let mut next = 0;
        for &i in scanner.starts() {
            if i < next || !scanner.may_start_time(i) {
                continue;
            }
            if let Some(r) = self.reading_at(scanner, i) {
                next = r.last + 1;
                let fact = r.into_fact(text);
                trace.built(fact.rule, fact.span, fact.label);
                out.push(fact);
            }
        }
    }

    fn reading_at(&self, s: &Scanner, i: usize) -> Option<Reading> {
        let mut r = self
            .clock_phrase(s, i)
            .or_else(|| self.greeting(s, i))
            .or_else(|| self.day_part(s, i))
            .or_else(|| counted(s, i))?;
        self.join_range(s, &mut r);
        join_compound(s, &mut r);
        s.qualify(&mut r);
        Some(r)
    }

    /// A clock time at `i`: `20:40`, `18:00-де`, or a whole hour with a case ending (`9-да`)
    /// when `bare_hour` allows it.
    fn clock(&self, s: &Scanner, i: usize, bare_hour: bool) -> Option<Clock> {
        if let Some(c) = spoken_clock(s, i) {
            return Some(c);
        }
        let Some(n) = s.num(i) else {
            // `сағат онда`, `түскі бірге дейін`: a homograph read as an hour in this context.
            if !bare_hour || !s.has(i, WordClass::NUMERAL) {
                return None;
            }
            let hour = s.lex.inflected_hour(s.norm(i))?;
            return Some(Clock {
                hour,
                minute: 0,
                last: i,
            });
        };
        let (hour, half) = (n.value.trunc(), n.value.fract());
        if !(0.0..=24.0).contains(&hour) || (half != 0.0 && (half != 0.5 || n.digits)) {
            return None;
        }
        let (hour, half_minutes) = (hour as u32, if half == 0.5 { 30 } else { 0 });
        // `20:40`, or `20.40` after `сағат`.
        let separator = s.text.gap_after(n.last);
        if (separator == ":" || (separator == "." && bare_hour)) && n.last == n.first {
            let m = s.num(n.last + 1)?;
            let minute = m.integer().filter(|&m| m < 60 && half == 0.0)? as u32;
            return (m.width == 2).then_some(Clock {
                hour,
                minute,
                last: m.last,
            });
        }
        if !bare_hour || s.noun(n.last + 1).is_some() || n.ordinal {
            return None;
        }
        Some(Clock {
            hour,
            minute: half_minutes,
            last: n.last,
        })
    }

    /// `time/clock` (`20:40-та`), `time/hour` (`сағат 9-да`: the number only) and
    /// `time/part-clock` (`таңғы 7-де`, `кешкі сағат 9-дан`).
    fn clock_phrase(&self, s: &Scanner, i: usize) -> Option<Reading> {
        let part = s.day_part(i).filter(|p| p.adjective);
        if let Some(part) = part {
            let at = if s.has(i + 1, WordClass::HOUR_WORD) {
                i + 2
            } else {
                i + 1
            };
            let c = self.clock(s, at, true)?;
            return Some(clock_reading(i, &c, Some(part), "time/part-clock"));
        }
        let after_hour_word = i > 0 && s.has(i - 1, WordClass::HOUR_WORD);
        let c = self.clock(s, i, after_hour_word)?;
        let rule = if c.last > i && matches!(s.text.gap_after(i), ":" | ".") {
            "time/clock"
        } else {
            "time/hour"
        };
        Some(clock_reading(i, &c, None, rule))
    }

    /// `time/part`: a part of the day alone (`таңертең`, `түнде`, `күндіз-түні`), or after
    /// a shifting modifier (`өткен түні`).
    fn day_part(&self, s: &Scanner, i: usize) -> Option<Reading> {
        if s.hyphen_pair(i)
            .is_some_and(|p| s.lex.day_part(&p).is_some())
        {
            return Some(Reading::new(i, i + 1, Label::Time, "time/part"));
        }
        if let Some(part) = s.day_part(i).filter(|p| p.standalone) {
            let qualified = s.qualifier(i + 1).is_some();
            if (part.adjective && s.noun(i + 1).is_some()) || (part.bounded && !qualified) {
                return None;
            }
            return Some(Reading::new(i, i, Label::Time, "time/part"));
        }
        let modifier = s.modifier(i)?;
        if !matches!(modifier.kind, ModifierKind::Shift(_)) {
            return None;
        }
        s.day_part(i + 1)?;
        Some(Reading::new(i, i + 1, Label::Time, "time/part"))
    }

    /// `time/greeting`: the day-part word of a greeting (`қайырлы [таң]`, `[кеш] жарық`).
    fn greeting(&self, s: &Scanner, i: usize) -> Option<Reading> {
        if !s.has(i, WordClass::GREETING) {
            return None;
        }
        let at = s.lex.greeting(s.norm(i), s.norm(i + 1))?;
        Some(Reading::new(i + at, i + at, Label::Time, "time/greeting"))
    }

    /// `time/range`: a clock time or a part of the day with a from-ending followed by
    /// another (`таңғы 7-ден кешкі 8-ге дейін`, `таңертеңнен кешке дейін`), or two clock
    /// times joined by a dash (`түнгі 12 – 1 шамасына дейін`).
    fn join_range(&self, s: &Scanner, r: &mut Reading) {
        let clock = matches!(r.rule, "time/clock" | "time/hour" | "time/part-clock");
        if clock {
            if let Some(k) = s.connector(r.last) {
                if let Some(c) = self.clock(s, k, true) {
                    let to = clock_reading(k, &c, None, r.rule);
                    if let (Some(from), Some(to)) = (&r.iso, &to.iso) {
                        r.iso = Some(interval(from, to));
                    }
                    r.last = c.last;
                    r.rule = "time/range";
                    return;
                }
            }
        }
        if !s.ends_ablative(r.last) {
            return;
        }
        let next = match r.rule {
            _ if clock => self.clock_phrase(s, r.last + 1),
            "time/part" => self.day_part(s, r.last + 1),
            _ => None,
        };
        let Some(next) = next else {
            return;
        };
        if let (Some(from), Some(to)) = (&r.iso, &next.iso) {
            r.iso = Some(interval(from, to));
        }
        r.last = next.last;
        r.rule = "time/range";
    }
}

/// A TIME the shared DATE rules read: a modifier, number or period word with a clock-unit
/// noun (`соңғы 24 сағатта`, `екі сағат`, `тәулік бойы` is DATE). Each is TIME only by its
/// clock-unit noun, which has the `CLOCK` class: a text with no such word has none.
fn counted(s: &Scanner, i: usize) -> Option<Reading> {
    if !s.present(WordClass::CLOCK) {
        return None;
    }
    s.modifier_phrase(i)
        .filter(|r| r.label == Label::Time)
        .or_else(|| s.number_phrase(i).filter(|r| r.label == Label::Time))
        .or_else(|| s.unit_period(i).filter(|r| r.label == Label::Time))
}

/// A spoken clock time: an hour in words followed by minutes in words with a case ending
/// (`он жеті қырық екіде` = 17:42) or by `нөл-нөл` (`он сегіз нөл-нөлде` = 18:00).
fn spoken_clock(s: &Scanner, i: usize) -> Option<Clock> {
    let h = s
        .num(i)
        .filter(|h| !h.digits && !h.ordinal && !h.inflected)?;
    let hour = h.integer().filter(|&v| v <= 24)? as u32;
    let k = h.last + 1;
    let zero = |w: usize| s.lex.starts(Marker::Zero, s.norm(w));
    if s.lex.is(Marker::Zero, s.norm(k)) && hyphen_gap(s.text.gap_after(k)) && zero(k + 1) {
        return Some(Clock {
            hour,
            minute: 0,
            last: k + 1,
        });
    }
    let m = s
        .num(k)
        .filter(|m| !m.digits && !m.ordinal && m.inflected)?;
    let minute = m.integer().filter(|&v| (10..60).contains(&v))? as u32;
    Some(Clock {
        hour,
        minute,
        last: m.last,
    })
}

/// `time/duration-compound`: hours then minutes (`3 сағат 50 минут`), as minutes.
fn join_compound(s: &Scanner, r: &mut Reading) {
    let (Some(Unit::Hour), Some(hours)) = (r.unit, r.value) else {
        return;
    };
    if let Some(next) = s.number_phrase(r.last + 1) {
        if let (Some(Unit::Minute), Some(minutes)) = (next.unit, next.value) {
            r.value = Some(hours * 60.0 + minutes);
            r.unit = Some(Unit::Minute);
            r.last = next.last;
            r.rule = "time/duration-compound";
        }
    }
}

fn clock_reading(first: usize, c: &Clock, part: Option<DayPart>, rule: &'static str) -> Reading {
    let shift = part.map_or(0, |p| p.shift);
    let hour = if c.hour < 12 && c.hour + shift < 24 {
        c.hour + shift
    } else {
        c.hour
    };
    let mut r = Reading::new(first, c.last, Label::Time, rule);
    r.iso = Some(Iso::new().num(hour, 2).text(":").num(c.minute, 2).done());
    r
}

impl Default for TimeRules {
    fn default() -> Self {
        TimeRules::new()
    }
}
