//! TIME: clock times (`20:40-та`, `сағат 9-да`), parts of the day (`таңертең`, `кешке`),
//! day-part clock times and their ranges (`таңғы 7-ден кешкі 8-ге дейін`) and durations
//! under a day (`екі сағат`, `жарты сағаттан кейін`), with their qualifier words
//! (reference A.4 TIME, D.3). Vocabulary: `src/facts/data/time_words.tsv` and the shared
//! calendar tables. `сағат` before a bare clock time stays outside the span, as in KazNERD;
//! after a day-part word it is inside. `iso` is `HH:MM` (a range `HH:MM/HH:MM`).

use super::date::lexicon::{DayPart, Lexicon, ModifierKind};
use super::date::reading::Reading;
use super::date::scanner::Scanner;
use super::FactContext;
use crate::mention::{Fact, Label};
use crate::text::Text;
use crate::trace::Trace;

/// The word for "hour, o'clock".
const HOUR_WORD: &str = "сағат";
/// Endings that make a clock time the start of a range (`7-ден … 8-ге дейін`).
const FROM_ENDINGS: [&str; 3] = ["ан", "ен", "нан"];

/// The rules of this dimension, built once.
pub struct TimeRules {
    lexicon: Lexicon,
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
            lexicon: Lexicon::new(),
        }
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, text: &Text, context: &FactContext, out: &mut Vec<Fact>, trace: &mut Trace) {
        let scanner = Scanner {
            lex: &self.lexicon,
            text,
            context,
        };
        let mut i = 0;
        while i < text.words.len() {
            match self.reading_at(&scanner, i) {
                Some(r) => {
                    i = r.last + 1;
                    let fact = r.into_fact(text);
                    trace.built(fact.rule, fact.span, fact.label);
                    out.push(fact);
                }
                None => i += 1,
            }
        }
    }

    fn reading_at(&self, s: &Scanner, i: usize) -> Option<Reading> {
        let mut r = self
            .clock_phrase(s, i)
            .or_else(|| self.day_part(s, i))
            .or_else(|| s.number_phrase(i).filter(|r| r.label == Label::Time))
            .or_else(|| s.unit_period(i).filter(|r| r.label == Label::Time))?;
        self.join_range(s, &mut r);
        s.qualify(&mut r);
        Some(r)
    }

    /// A clock time at `i`: `20:40`, `18:00-де`, or a whole hour with a case ending (`9-да`)
    /// when `bare_hour` allows it.
    fn clock(&self, s: &Scanner, i: usize, bare_hour: bool) -> Option<Clock> {
        let n = s.num(i)?;
        let hour = n.integer().filter(|&h| h <= 24)? as u32;
        if s.text.gap_after(n.last) == ":" && n.last == n.first {
            let m = s.num(n.last + 1)?;
            let minute = m.integer().filter(|&m| m < 60)? as u32;
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
            minute: 0,
            last: n.last,
        })
    }

    /// `time/clock` (`20:40-та`), `time/hour` (`сағат 9-да`: the number only) and
    /// `time/part-clock` (`таңғы 7-де`, `кешкі сағат 9-дан`).
    fn clock_phrase(&self, s: &Scanner, i: usize) -> Option<Reading> {
        let part = s.lex.day_part(s.norm(i)).filter(|p| p.adjective);
        if let Some(part) = part {
            let at = if s.norm(i + 1) == HOUR_WORD {
                i + 2
            } else {
                i + 1
            };
            let c = self.clock(s, at, true)?;
            return Some(clock_reading(i, &c, Some(part), "time/part-clock"));
        }
        let after_hour_word = i > 0 && s.norm(i - 1) == HOUR_WORD;
        let c = self.clock(s, i, after_hour_word)?;
        let rule = if c.last > i && s.text.gap_after(i) == ":" {
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
        if let Some(part) = s.lex.day_part(s.norm(i)) {
            if part.adjective && s.noun(i + 1).is_some() {
                return None;
            }
            return Some(Reading::new(i, i, Label::Time, "time/part"));
        }
        let modifier = s.lex.modifier(s.norm(i))?;
        if !matches!(modifier.kind, ModifierKind::Shift(_)) {
            return None;
        }
        s.lex.day_part(s.norm(i + 1))?;
        Some(Reading::new(i, i + 1, Label::Time, "time/part"))
    }

    /// `time/range`: a clock time with a from-ending followed by another
    /// (`таңғы 7-ден кешкі 8-ге дейін`).
    fn join_range(&self, s: &Scanner, r: &mut Reading) {
        let ending = s.norm(r.last);
        if !r.rule.contains("clock") && r.rule != "time/hour" {
            return;
        }
        if !FROM_ENDINGS.iter().any(|e| ending.ends_with(e)) {
            return;
        }
        let Some(next) = self.clock_phrase(s, r.last + 1) else {
            return;
        };
        if let (Some(from), Some(to)) = (&r.iso, &next.iso) {
            r.iso = Some(format!("{from}/{to}"));
        }
        r.last = next.last;
        r.rule = "time/range";
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
    r.iso = Some(format!("{hour:02}:{:02}", c.minute));
    r
}

impl Default for TimeRules {
    fn default() -> Self {
        TimeRules::new()
    }
}
