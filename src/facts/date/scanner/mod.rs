//! The DATE constructions, each a small named rule reading words from one position:
//! numeric dates, number + calendar noun, month phrases, modifier phrases, date words and
//! bare calendar nouns with a period word; then the joins (year + month, ranges) and the
//! qualifier words around them.

use super::lexicon::{
    DateWord, DayPart, Lexicon, Marker, Modifier, Noun, NounForm, Side, Unit, WordClass,
};
use super::number::{hyphen_gap, num_at, Num};
use super::reading::Reading;
use crate::facts::FactContext;
use crate::mention::Qualifier;
use crate::text::fold::{is_dash, is_hyphen, is_space};
use crate::text::words::WordShape;
use crate::text::Text;
use crate::trace::Trace;
use std::cell::{Cell, RefCell};

mod counted;
mod joins;
mod numeric;
mod words;

/// A count: its first number, its last number (the same one unless a range), and the
/// range bounds.
pub type Counted = (Num, Num, Option<(f64, f64)>);

/// A rule that matched and gave up: rule id, first and last word, reason.
type Rejection = (&'static str, usize, usize, &'static str);

/// Reads DATE and TIME phrases of one text.
pub struct Scanner<'a, 't> {
    /// The calendar vocabulary.
    pub lex: &'a Lexicon,
    /// The words.
    pub text: &'a Text<'t>,
    /// The article date, for relative expressions.
    pub context: &'a FactContext,
    /// Rejections, kept only when tracing (`kazfacts explain`) and until reported.
    rejections: RefCell<Option<Vec<Rejection>>>,
    /// What each word can be to the rules, for the prefilters.
    classes: Vec<WordClass>,
    /// The words that pass [`Scanner::may_start`], in order.
    starts: Vec<usize>,
    /// The flags of all words: a flag no word has is not looked for around a start.
    present: WordClass,
    /// Recent words read as numbers (rules ask about the same few words many times).
    nums: Recent<Option<Num>>,
    /// Recent words read as calendar nouns.
    nouns: Recent<Option<NounForm<'a>>>,
    /// The last run of numbers the DATE prefilter read ([`Scanner::run_at`]).
    run: Cell<Option<Run>>,
}

/// What the DATE prefilter needs to know about a run of numbers (the words from a start to
/// its [`Scanner::number_reach`]), read once for all the starts in it. Each position is
/// the last word (plus one, 0 for none) with that property, so that "is there one at or
/// after start `i`" is one comparison: `i < position`.
#[derive(Clone, Copy)]
struct Run {
    /// The first start of the run.
    first: usize,
    /// Its [`Scanner::number_reach`].
    end: usize,
    /// A calendar noun, up to two words after `end`.
    calendar: usize,
    /// A word with a day ending ([`Marker::DayEnding`]).
    day: usize,
    /// A year in four digits.
    year: usize,
    /// A locative word ([`Marker::Locative`]).
    locative: usize,
}

/// How far after a number the prefilters look for a calendar or clock noun.
const TIME_WINDOW: usize = 6;

/// The most number words the DATE prefilter skips before its window.
const MAX_NUMBER_WORDS: usize = 16;

/// The most words [`Scanner::number_reach`] walks; a longer run of numbers is let through.
const MAX_REACH: usize = 32;

/// The classes a word needs to start any construction ([`Scanner::may_start`]).
const START: u16 = WordClass::DIGITS | WordClass::OPENS | WordClass::NUMERAL | WordClass::ROMAN;

/// Slots of a [`Recent`] cache: rules look a few words around one position.
const RECENT: usize = 16;

/// A small direct-mapped cache of per-word results, indexed by word number: constant size
/// whatever the text length, so a scanner costs nothing per word until a rule asks.
struct Recent<T: Copy> {
    slots: [Cell<Option<(usize, T)>>; RECENT],
}

impl<T: Copy> Recent<T> {
    fn new() -> Self {
        Recent {
            slots: std::array::from_fn(|_| Cell::new(None)),
        }
    }

    /// The value for word `i`, computed by `f` unless cached.
    #[inline]
    fn get(&self, i: usize, f: impl FnOnce() -> T) -> T {
        let slot = &self.slots[i % RECENT];
        match slot.get() {
            Some((k, v)) if k == i => v,
            _ => {
                let v = f();
                slot.set(Some((i, v)));
                v
            }
        }
    }
}

impl<'a, 't> Scanner<'a, 't> {
    /// A scanner over `text`; `tracing` keeps the reasons rules give up.
    pub fn new(
        lex: &'a Lexicon,
        text: &'a Text<'t>,
        context: &'a FactContext,
        tracing: bool,
    ) -> Self {
        // One pass: each word's class, the starts and the union of the classes.
        let mut classes = Vec::with_capacity(text.words.len());
        let mut starts = Vec::with_capacity(text.words.len());
        let mut present = WordClass::default();
        for (i, word) in text.words.iter().enumerate() {
            let class = match word.shape {
                WordShape::Digits => WordClass::digits(),
                shape => lex.class(shape, text.norm(i)),
            };
            present = present.union(class);
            if class.any(START) {
                starts.push(i);
            }
            classes.push(class);
        }
        Scanner {
            lex,
            text,
            context,
            rejections: RefCell::new(tracing.then(Vec::new)),
            classes,
            starts,
            present,
            nums: Recent::new(),
            nouns: Recent::new(),
            run: Cell::new(None),
        }
    }

    /// Notes that `rule` matched words `first..=last` and gave up.
    pub(super) fn reject(&self, rule: &'static str, first: usize, last: usize, why: &'static str) {
        if let Some(list) = self.rejections.borrow_mut().as_mut() {
            list.push((rule, first, last, why));
        }
    }

    /// Reports the rejections (each once) to `trace`, and stops keeping them: a scanner
    /// shared by the DATE and TIME rules reports the shared rules' rejections once.
    pub fn report_rejections(&self, trace: &mut Trace) {
        let Some(mut list) = self.rejections.borrow_mut().take() else {
            return;
        };
        list.sort_unstable();
        list.dedup();
        for &(rule, first, last, why) in list.iter() {
            trace.rejected(rule, self.text.span_of(first, last), || why.to_owned());
        }
    }

    /// Folded form of word `i`, empty past the end.
    pub fn norm(&self, i: usize) -> &'a str {
        if i < self.text.words.len() {
            self.text.norm(i)
        } else {
            ""
        }
    }

    /// Word `i` read as a month or unit noun.
    pub fn noun(&self, i: usize) -> Option<NounForm<'a>> {
        if !self.has(i, WordClass::CALENDAR) {
            return None;
        }
        self.nouns.get(i, || self.lex.noun(self.text.norm(i)))
    }

    /// Like [`Scanner::noun`], ignoring the stop list ([`Lexicon::any_noun`]).
    pub fn any_noun(&self, i: usize) -> Option<NounForm<'a>> {
        if !self.has(i, WordClass::CALENDAR) {
            return None;
        }
        self.lex.any_noun(self.text.norm(i))
    }

    /// Word `i` as a modifier (`өткен`, `соңғы`).
    pub fn modifier(&self, i: usize) -> Option<Modifier> {
        self.has(i, WordClass::MODIFIER)
            .then(|| self.lex.modifier(self.text.norm(i)))
            .flatten()
    }

    /// Word `i` as a date word (`бүгін`, `биыл`, a season, a weekday).
    pub fn word_date(&self, i: usize) -> Option<DateWord> {
        self.has(i, WordClass::DATE_WORD)
            .then(|| self.lex.date_word(self.text.norm(i)))
            .flatten()
    }

    /// Word `i` as a part of the day (`таңертең`, `түнгі`).
    pub fn day_part(&self, i: usize) -> Option<DayPart> {
        self.has(i, WordClass::DAY_PART)
            .then(|| self.lex.day_part(self.text.norm(i)))
            .flatten()
    }

    /// Word `i` as a qualifier word and its side (`астам`, `бойы`).
    pub fn qualifier(&self, i: usize) -> Option<(Side, Qualifier)> {
        self.has(i, WordClass::QUALIFIER)
            .then(|| self.lex.qualifier(self.text.norm(i)))
            .flatten()
    }

    /// True when word `i` has any of the class `flags`.
    pub fn has(&self, i: usize, flags: u16) -> bool {
        self.class(i).any(flags)
    }

    /// A number starting at word `i`. Only digits and words starting like a number word
    /// can start one (the numeral reader needs a number word of its table first).
    pub fn num(&self, i: usize) -> Option<Num> {
        if !self.class(i).any(WordClass::DIGITS | WordClass::NUMERAL) {
            return None;
        }
        self.nums.get(i, || num_at(self.text, i))
    }

    /// True when some word of the text has any of the class `flags`.
    pub fn present(&self, flags: u16) -> bool {
        self.present.any(flags)
    }

    /// The class of word `i`, empty past the end.
    fn class(&self, i: usize) -> WordClass {
        self.classes.get(i).copied().unwrap_or_default()
    }

    /// True when word `i` starts like a number word.
    fn numeral_head(&self, i: usize) -> bool {
        self.class(i).any(WordClass::NUMERAL)
    }

    /// The prefilter: false when no construction can start at word `i` (digits, a known
    /// opening word, a number word's head or a Roman numeral are needed).
    pub fn may_start(&self, i: usize) -> bool {
        self.class(i).any(START)
    }

    /// The words that pass [`Scanner::may_start`], in order: the rules' loops visit only
    /// these.
    pub fn starts(&self) -> &[usize] {
        &self.starts
    }

    /// The DATE prefilter: false when no DATE construction can start at word `i`
    /// ([`Scanner::may_be_date_at`], the exact needs of the rules, checked first) or when
    /// a number has no calendar noun or day ending in its window ([`Scanner::date_window`]).
    pub fn may_start_date(&self, i: usize) -> bool {
        self.may_start(i) && self.may_be_date_at(i) && self.date_window(i)
    }

    /// The window test of the DATE prefilter: true for an opening word, a number that may
    /// be a date by itself (four digits, digits before `.` or a hyphen), or a number with a
    /// calendar noun or a day ending in the next words (`бес жыл`, `жиырма төртінде`) or
    /// after an age noun (`жасы 41-де`).
    fn date_window(&self, i: usize) -> bool {
        let class = self.class(i);
        let number = match self.text.words[i].shape {
            WordShape::Letters => !class.any(WordClass::OPENS) && class.any(WordClass::NUMERAL),
            _ => !(self.text.norm(i).len() == 4 || joins_next(self.gap(i))),
        };
        if !number {
            return true;
        }
        let after_age = i > 0 && self.class(i - 1).any(WordClass::CALENDAR);
        // The window opens after the number words (`бір мың тоғыз жүз жетпіс екінші жылы`).
        let mut end = i;
        while end < i + MAX_NUMBER_WORDS && self.numeral_head(end + 1) {
            end += 1;
        }
        let calendar = self.present.any(WordClass::CALENDAR);
        after_age
            || (calendar && (i..end + TIME_WINDOW).any(|k| self.has(k, WordClass::CALENDAR)))
            || (i..end + TIME_WINDOW).any(|k| self.lex.ends(Marker::DayEnding, self.norm(k)))
    }

    /// What some DATE construction at word `i` needs (false when none can match there):
    /// a Roman numeral, a month, a date word or the first part of a hyphenated one, a
    /// calendar noun before a qualifier (`жыл сайын`), a modifier with a calendar noun or
    /// date word after it (and its count), the gaps of a numeric date (`2023-01-05`,
    /// `05.01.2023`), or what a number-led rule ([`Scanner::number_phrase`]) needs around
    /// its number: a calendar noun before it (`жасы 41-де`) or just after it, or a day or
    /// locative ending on it.
    fn may_be_date_at(&self, i: usize) -> bool {
        let class = self.class(i);
        let word = WordClass::ROMAN | WordClass::MONTH | WordClass::DATE_WORD;
        if class.any(word | WordClass::PAIR_START)
            || (class.any(WordClass::CALENDAR) && self.has(i + 1, WordClass::QUALIFIER))
            || (class.any(WordClass::MODIFIER)
                && self.modifier_reaches(i, WordClass::CALENDAR | WordClass::DATE_WORD))
        {
            return true;
        }
        if !class.any(WordClass::DIGITS | WordClass::NUMERAL) {
            return false;
        }
        // Numeric dates start with a word of digits ([`Scanner::numeric_date`]).
        if self.text.words[i].shape == WordShape::Digits {
            let g1 = self.gap(i);
            let numeric = match g1 {
                b"." => self.gap(i + 1) == b".",
                _ => is_hyphen_gap(g1) && is_hyphen_gap(self.gap(i + 1)),
            };
            if numeric {
                return true;
            }
        }
        let Some(run) = self.run_at(i) else {
            return true;
        };
        // A year in four digits may take a locative ending (`2017-де`).
        self.after_age(i)
            || (self.present.any(WordClass::CALENDAR) && i < run.calendar)
            || i < run.day
            || (i < run.year && i < run.locative)
    }

    /// The [`Run`] of numbers that start `i` is in: the last one read when `i` is in it
    /// (sound: every start of a run reaches the same word, as [`Scanner::number_reach`]
    /// walks the same words from any of them), else read from `i`; None when the run is
    /// longer than [`MAX_REACH`].
    fn run_at(&self, i: usize) -> Option<Run> {
        if let Some(run) = self.run.get().filter(|r| r.first <= i && i <= r.end) {
            return Some(run);
        }
        let end = self.number_reach(i)?;
        let mut run = Run {
            first: i,
            end,
            calendar: 0,
            day: 0,
            year: 0,
            locative: 0,
        };
        for k in i..=end {
            let w = self.text.norm(k);
            // No day ending is made of digits (a test checks it).
            if self.text.words[k].shape == WordShape::Digits {
                if w.len() == 4 {
                    run.year = k + 1;
                }
            } else if self.lex.ends(Marker::DayEnding, w) {
                run.day = k + 1;
            }
        }
        if run.year > 0 {
            let locative = (i..=end)
                .rev()
                .find(|&k| self.lex.is(Marker::Locative, self.norm(k)));
            run.locative = locative.map_or(0, |k| k + 1);
        }
        if self.present.any(WordClass::CALENDAR) {
            let calendar = (i..=end + 2)
                .rev()
                .find(|&k| self.has(k, WordClass::CALENDAR));
            run.calendar = calendar.map_or(0, |k| k + 1);
        }
        self.run.set(Some(run));
        Some(run)
    }

    /// True when a word with one of the class `flags` stands where the noun of a modifier
    /// phrase at word `i` may be ([`Scanner::modifier_phrase`]): after the modifier, a
    /// second (vague) modifier, or a count.
    fn modifier_reaches(&self, i: usize, flags: u16) -> bool {
        let end = match self.has(i + 1, WordClass::DIGITS | WordClass::NUMERAL) {
            true => match self.number_reach(i + 1) {
                Some(end) => end + 1,
                None => return true,
            },
            false => i + 1,
        };
        (i + 1..=end.max(i + 2)).any(|k| self.has(k, flags))
    }

    /// What some TIME construction at word `i` needs (false when none can match there): a
    /// number, a part of the day, a greeting, the first part of a hyphenated part of the
    /// day, a clock-unit noun, or a modifier before a part of the day or with a clock-unit
    /// noun after it (and its count).
    fn may_be_time_at(&self, i: usize) -> bool {
        let words = WordClass::DIGITS
            | WordClass::NUMERAL
            | WordClass::DAY_PART
            | WordClass::GREETING
            | WordClass::PAIR_START
            | WordClass::CLOCK;
        let class = self.class(i);
        class.any(words)
            || (class.any(WordClass::MODIFIER)
                && (self.has(i + 1, WordClass::DAY_PART)
                    || self.modifier_reaches(i, WordClass::CLOCK)))
    }

    /// True when word `i` follows an inflected age noun (`жасы 41-де`).
    fn after_age(&self, i: usize) -> bool {
        i > 0
            && self.class(i - 1).any(WordClass::CALENDAR)
            && matches!(self.any_noun(i - 1),
                Some(f) if f.noun == Noun::Unit(Unit::Age) && !f.ending.is_empty())
    }

    /// The last word a number or a range of numbers starting at word `i` can cover (at
    /// least [`Num::last`] of both ends of [`Scanner::num_or_range`]): the following digit
    /// and number words, hyphenated endings and range words; None past [`MAX_REACH`] words.
    fn number_reach(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while j + 1 < self.text.words.len() {
            let joined = self
                .class(j + 1)
                .any(WordClass::DIGITS | WordClass::NUMERAL | WordClass::RANGE_WORD)
                || is_hyphen_gap(self.gap(j));
            if !joined {
                break;
            }
            if j - i == MAX_REACH {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// The TIME prefilter: a day-part, greeting, modifier or clock-unit word, or a number
    /// that is a clock (`20:40`, after `сағат`), may be a spoken clock (a number word before
    /// another) or has a clock unit in the next words (`1-2 сағат`, `жарты сағаттан`).
    #[inline]
    pub fn may_start_time(&self, i: usize) -> bool {
        if !self.may_start(i) || !self.may_be_time_at(i) {
            return false;
        }
        let class = self.class(i);
        if class.any(WordClass::OPENS_TIME) {
            return true;
        }
        let letters = self.text.words[i].shape == WordShape::Letters;
        if letters && !class.any(WordClass::NUMERAL) {
            return false;
        }
        let clock = matches!(self.gap(i), b":" | b".")
            || (i > 0 && self.class(i - 1).any(WordClass::HOUR_WORD))
            || (letters && self.numeral_head(i + 1));
        clock
            || (self.present.any(WordClass::CLOCK)
                && (i + 1..i + TIME_WINDOW).any(|k| self.class(k).any(WordClass::CLOCK)))
    }

    /// The bytes between word `j` and word `j + 1` ([`Text::gap_after`] without the char
    /// boundary checks), empty past the last word.
    fn gap(&self, j: usize) -> &'t [u8] {
        match self.text.words.get(j..j + 2) {
            Some([a, b]) => (self.text.text.as_bytes())
                .get(a.span.end..b.span.start)
                .unwrap_or_default(),
            _ => &[],
        }
    }

    /// True when word `i` ends in the ablative (`жастан`, `7-ден`): the start of a from-to
    /// range.
    pub fn ends_ablative(&self, i: usize) -> bool {
        self.lex.ends(Marker::Ablative, self.norm(i))
    }

    /// The first word after a range connector following word `j` (dash, hyphen, мен/бен/пен).
    pub fn connector(&self, j: usize) -> Option<usize> {
        let gap = self.text.gap_after(j);
        let mut marks = gap.chars().filter(|&c| !is_space(c));
        match (marks.next(), marks.next()) {
            (Some(c), None) if is_dash(c) || is_hyphen(c) => Some(j + 1),
            (None, None) if self.has(j + 1, WordClass::RANGE_WORD) => Some(j + 2),
            _ => None,
        }
    }

    /// A number at `i`, extended to a range when a connector and a second, larger number
    /// follow: `(first number, last number, range)`.
    pub fn num_or_range(&self, i: usize) -> Option<Counted> {
        let a = self.num(i)?;
        let b = self
            .connector(a.last)
            .and_then(|k| self.num(k))
            // `1-тоқсанда` is the first quarter, not 1 to 90.
            .filter(|b| b.value > a.value && self.noun(b.first).is_none());
        Some(match b {
            Some(b) => (a, b, Some((a.value, b.value))),
            None => (a, a, None),
        })
    }

    /// The first matching construction at word `i`, with its joins and qualifiers.
    pub fn reading_at(&self, i: usize) -> Option<Reading> {
        let mut r = self
            .numeric_date(i)
            .or_else(|| self.roman_century(i))
            .or_else(|| self.modifier_phrase(i))
            .or_else(|| self.number_phrase(i))
            .or_else(|| self.month_phrase(i, false))
            .or_else(|| self.date_word(i))
            .or_else(|| self.unit_period(i))?;
        self.join_in_year(&mut r);
        self.join_range(&mut r);
        self.qualify(&mut r);
        if r.rule == "date/ordinal-unit" && r.iso.is_some() {
            // `1-тоқсанда` resolved to its months: a position in the calendar, not a
            // duration.
            (r.value, r.unit) = (None, None);
        }
        Some(r)
    }

    /// Words `i` and `i + 1` joined by a hyphen, as one folded form (`бүгін-ертең`), when
    /// word `i` is the first part of a hyphenated date word or part of the day.
    pub fn hyphen_pair(&self, i: usize) -> Option<String> {
        let pair = self.has(i, WordClass::PAIR_START) && hyphen_gap(self.text.gap_after(i));
        (pair && i + 1 < self.text.words.len())
            .then(|| format!("{}-{}", self.norm(i), self.norm(i + 1)))
    }
}

/// True when `gap` is exactly one hyphen ([`hyphen_gap`] on bytes: `-`, U+2010, U+2011).
fn is_hyphen_gap(gap: &[u8]) -> bool {
    matches!(gap, [b'-'] | [0xE2, 0x80, 0x90 | 0x91])
}

/// True when `gap` starts with `.`, `,`, a hyphen ([`is_hyphen`]) or a dash ([`is_dash`]:
/// U+2012-U+2015, U+2212): what joins a number to the next word.
fn joins_next(gap: &[u8]) -> bool {
    matches!(
        gap,
        [b'.' | b',' | b'-', ..] | [0xE2, 0x80, 0x90..=0x95, ..] | [0xE2, 0x88, 0x92, ..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::rows;

    /// Every example sentence of the DATE and TIME tables and their negatives.
    fn examples() -> Vec<String> {
        let tables = [
            ("date.tsv", include_str!("../../cases/date.tsv")),
            ("time.tsv", include_str!("../../cases/time.tsv")),
            (
                "date_time_negative.tsv",
                include_str!("../../cases/date_time_negative.tsv"),
            ),
        ];
        (tables.iter())
            .flat_map(|&(file, content)| rows(file, content).map(|r| r.cell(0).to_owned()))
            .collect()
    }

    /// The DATE prefilter's exact part ([`Scanner::may_be_date_at`]) passes every word
    /// where a DATE or TIME construction reads something in the example tables.
    /// Calls `visit` with each example sentence, its scanner and each word index.
    fn for_each_scanned_word(mut visit: impl FnMut(&str, &Scanner, usize)) {
        let context = FactContext::default();
        for sentence in examples() {
            let text = Text::new(&sentence);
            let s = Scanner::new(Lexicon::shared(), &text, &context, false);
            for i in 0..text.words.len() {
                visit(&sentence, &s, i);
            }
        }
    }

    #[test]
    fn exact_needs_never_reject_a_reading() {
        let mut checked = 0;
        for_each_scanned_word(|sentence, s, i| {
            if s.reading_at(i).is_some() {
                checked += 1;
                assert!(s.may_start(i), "{sentence}: word {i} may start");
                assert!(s.may_be_date_at(i), "{sentence}: word {i} may be a date");
            }
        });
        assert!(checked >= 100, "the tables should give readings");
    }

    /// The shared rules read TIME only in a text with a clock-unit noun (the gate of
    /// [`crate::facts::time`]'s counted readings).
    #[test]
    fn shared_rules_read_time_only_with_a_clock_noun() {
        let mut checked = 0;
        for_each_scanned_word(|sentence, s, i| {
            let time = [s.modifier_phrase(i), s.number_phrase(i), s.unit_period(i)]
                .into_iter()
                .flatten()
                .any(|r| r.label == crate::mention::Label::Time);
            if time {
                checked += 1;
                assert!(s.present(WordClass::CLOCK), "{sentence}: word {i}");
            }
        });
        assert!(
            checked >= 10,
            "the tables should have counted TIME readings"
        );
    }

    /// [`Scanner::run_at`] gives every start of a run the answer a fresh scanner gives it:
    /// the run read for an earlier start serves the later ones (checked on the example
    /// tables, with runs of numbers, ranges and hyphenated endings).
    #[test]
    fn runs_read_once_answer_like_fresh_ones() {
        let context = FactContext::default();
        let mut sentences = examples();
        sentences.push("5 млн 200 мың теңге, 2026–2028 жылдары 10-15 мен 20 жас 2017-де".into());
        let mut shared = 0;
        for sentence in sentences {
            let text = Text::new(&sentence);
            let warm = Scanner::new(Lexicon::shared(), &text, &context, false);
            for &i in warm.starts() {
                let fresh = Scanner::new(Lexicon::shared(), &text, &context, false);
                assert_eq!(
                    warm.may_be_date_at(i),
                    fresh.may_be_date_at(i),
                    "{sentence}: word {i}"
                );
                shared += usize::from(warm.run.get().is_some_and(|r| r.first < i));
            }
        }
        assert!(
            shared >= 20,
            "the examples should have runs of several starts"
        );
    }

    /// The byte tests on gaps agree with the char tests they replace, on every gap of the
    /// example tables and on every hyphen, dash and space variant.
    #[test]
    fn gap_bytes_agree_with_chars() {
        let mut gaps: Vec<String> = ["-", "‐", "‑", "‒", "–", "—", "―", "−", ".", ",", " ", ":"]
            .iter()
            .flat_map(|g| [g.to_string(), format!("{g} "), format!(" {g}")])
            .collect();
        let context = FactContext::default();
        for sentence in examples() {
            let text = Text::new(&sentence);
            let s = Scanner::new(Lexicon::shared(), &text, &context, false);
            for i in 0..text.words.len() {
                assert_eq!(s.gap(i), text.gap_after(i).as_bytes(), "{sentence}: {i}");
                gaps.push(text.gap_after(i).to_owned());
            }
        }
        for g in gaps {
            assert_eq!(is_hyphen_gap(g.as_bytes()), hyphen_gap(&g), "{g:?}");
            let joins = g
                .chars()
                .next()
                .is_some_and(|c| matches!(c, '.' | ',') || is_hyphen(c) || is_dash(c));
            assert_eq!(joins_next(g.as_bytes()), joins, "{g:?}");
        }
    }

    #[test]
    fn classes_read_table_words_and_heads() {
        let lex = Lexicon::shared();
        let class = |w: &str| lex.class(WordShape::Letters, w);
        assert!(class("жылы").any(WordClass::CALENDAR | WordClass::OPENS));
        assert!(class("қаңтарда").any(WordClass::MONTH));
        assert!(class("сағаттан").any(WordClass::CLOCK));
        assert!(class("өткен").any(WordClass::MODIFIER));
        assert!(class("бүгін").any(WordClass::DATE_WORD | WordClass::PAIR_START));
        assert!(class("онда").any(WordClass::NUMERAL));
        assert!(class("жиырмасыншы").any(WordClass::NUMERAL));
        assert!(class("xxi").any(WordClass::ROMAN));
        assert!(class("мен").any(WordClass::RANGE_WORD));
        for w in ["қазақстан", "айтты", "және", "ол", "халық"] {
            assert_eq!(class(w), WordClass::default(), "{w}");
        }
        let digits = lex.class(WordShape::Digits, "2025");
        assert!(digits.any(WordClass::DIGITS) && !digits.any(!WordClass::DIGITS));
    }
}
