//! Numbers written in words: the left-to-right accumulation of reference B.1 over words
//! separated by spacing (`екі мың тоғыз жүз алпыс сегіз`), halves (`бір жарым`, `мың
//! жарым`), parts (`жарты миллион`), collectives, the `бүтін` decimal (`қырық бүтін оннан
//! тоғыз`) and an ending on the last word or after a hyphen (`бір-ақ`).

use super::lexicon::{Ending, Kind, Lexicon};
use super::{hyphen_ending, spaced, Numeral};
use crate::text::Text;

/// Left-to-right accumulation of number words (reference B.1).
#[derive(Debug, Clone, Copy)]
pub(super) struct Acc {
    pub(super) total: f64,
    pub(super) cur: f64,
    pub(super) last: Option<Kind>,
    pub(super) top_scale: f64,
}

impl Acc {
    pub(super) fn new() -> Self {
        Acc {
            total: 0.0,
            cur: 0.0,
            last: None,
            top_scale: f64::INFINITY,
        }
    }

    /// Adds one word if the grammar allows it there; returns false (unchanged) otherwise.
    pub(super) fn push(&mut self, kind: Kind, value: f64) -> bool {
        use Kind::*;
        let ok = match (self.last, kind) {
            (None, Unit | Ten | Hundred | Scale | Zero | Part | Collective) => true,
            (Some(Ten | Hundred | Scale), Unit) => true,
            (Some(Hundred | Scale), Ten) => true,
            (Some(Unit), Hundred) => self.cur < 10.0,
            (Some(Scale), Hundred) => true,
            (Some(Unit | Ten | Hundred | Half | Part | Scale), Scale) => value < self.top_scale,
            (Some(Unit | Ten | Hundred | Scale), Half) => true,
            _ => false,
        };
        if !ok {
            return false;
        }
        match kind {
            // `мың жарым`: half of the scale just closed.
            Half if self.last == Some(Scale) => self.total += self.top_scale * value,
            Hundred => self.cur = self.cur.max(1.0) * value,
            Scale => {
                // A bare scale word counts one of it (`мың`, `миллиард миллион`).
                let bare = matches!(self.last, None | Some(Scale));
                let factor = if bare { 1.0 } else { self.cur };
                self.total += factor * value;
                self.cur = 0.0;
                self.top_scale = value;
            }
            _ => self.cur += value,
        }
        self.last = Some(kind);
        true
    }

    pub(super) fn value(&self) -> f64 {
        self.total + self.cur
    }

    /// More words may follow (a collective, a zero or a part alone cannot take more, except
    /// a part before a scale word, which `push` checks).
    pub(super) fn open(&self) -> bool {
        !matches!(self.last, Some(Kind::Collective | Kind::Zero))
    }
}

/// A run of number words.
pub(super) struct Run<'w> {
    pub(super) acc: Acc,
    pub(super) last_word: usize,
    pub(super) suffix: &'w str,
    pub(super) ending: Ending,
    pub(super) scaled: bool,
}

pub(super) fn read_word_run<'t>(
    lexicon: &Lexicon,
    text: &'t Text,
    i: usize,
    scales: bool,
) -> Option<Run<'t>> {
    let mut acc = Acc::new();
    let mut j = i;
    let mut scaled = false;
    loop {
        let m = if j == i {
            lexicon.word(text.norm(j))?
        } else {
            lexicon.inner_word(text.norm(j))?
        };
        if (!scales && m.kind == Kind::Scale) || !acc.push(m.kind, m.value) {
            if j == i {
                return None;
            }
            return Some(Run {
                acc,
                last_word: j - 1,
                suffix: "",
                ending: Ending::default(),
                scaled,
            });
        }
        scaled |= m.kind == Kind::Scale;
        let more = m.suffix.is_empty()
            && acc.open()
            && j + 1 < text.words.len()
            && spaced(text, j)
            && lexicon.inner_word(text.norm(j + 1)).is_some_and(|n| {
                (scales || n.kind != Kind::Scale) && acc.clone().push(n.kind, n.value)
            });
        if !more {
            return Some(Run {
                acc,
                last_word: j,
                suffix: m.suffix,
                ending: m.ending,
                scaled,
            });
        }
        j += 1;
    }
}

pub(super) fn read_word_numeral<'t>(
    lexicon: &Lexicon,
    text: &'t Text,
    i: usize,
) -> Option<Numeral<'t>> {
    let run = read_word_run(lexicon, text, i, true)?;
    if matches!(run.acc.last, Some(Kind::Half)) && run.acc.total == 0.0 && run.acc.cur == 0.5 {
        return None;
    }
    let mut value = run.acc.value();
    let mut last = run.last_word;
    let mut suffix = run.suffix;
    let mut ending = run.ending;
    let mut scaled = run.scaled;
    if suffix.is_empty() {
        if let Some((v, l, s, e, sc)) = read_decimal_tail(lexicon, text, last, value) {
            (value, last, suffix, ending) = (v, l, s, e);
            scaled |= sc;
        }
    }
    if suffix.is_empty() {
        if let Some((l, s, e)) = hyphen_ending(lexicon, text, last) {
            last = l;
            suffix = s;
            ending = e;
        }
    }
    Some(Numeral {
        value,
        first_word: i,
        last_word: last,
        ordinal: ending.ordinal,
        suffix,
        span: text.span_of(i, last),
        digits: false,
        collective: ending.collective || run.acc.last == Some(Kind::Collective),
        vague: ending.vague,
        approx: ending.approx,
        scaled,
    })
}

/// `X бүтін [оннан|жүзден|мыңнан] Y [scale]` after the integer part ending at word `last`.
pub(super) fn read_decimal_tail<'t>(
    lexicon: &Lexicon,
    text: &'t Text,
    last: usize,
    whole: f64,
) -> Option<(f64, usize, &'t str, Ending, bool)> {
    let point = last + 1;
    if point + 1 >= text.words.len()
        || !spaced(text, last)
        || !spaced(text, point)
        || text.norm(point) != "бүтін"
    {
        return None;
    }
    let mut j = point + 1;
    let mut denominator = None;
    if let Some(m) = lexicon.word(text.norm(j)) {
        let ablative = matches!(m.suffix, "нан" | "ден" | "дан" | "тан" | "тен" | "нен");
        if ablative && matches!(m.value as u64, 10 | 100 | 1000) && j + 1 < text.words.len() {
            denominator = Some(m.value);
            if !spaced(text, j) {
                return None;
            }
            j += 1;
        }
    }
    let run = read_word_run(lexicon, text, j, false)?;
    let fraction = run.acc.value();
    let den = denominator.unwrap_or_else(|| 10f64.powi(digit_count(fraction)));
    let mut value = whole + fraction / den;
    let (mut l, mut suffix, mut ending, mut scaled) =
        (run.last_word, run.suffix, run.ending, false);
    if suffix.is_empty() && l + 1 < text.words.len() && spaced(text, l) {
        if let Some(m) = lexicon.scale(text.norm(l + 1)) {
            value *= m.value;
            l += 1;
            suffix = m.suffix;
            ending = m.ending;
            scaled = true;
        }
    }
    Some((value, l, suffix, ending, scaled))
}

pub(super) fn digit_count(v: f64) -> i32 {
    let mut n = 1;
    let mut x = v.trunc();
    while x >= 10.0 {
        x /= 10.0;
        n += 1;
    }
    n
}
