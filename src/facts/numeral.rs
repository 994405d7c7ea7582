//! The numeral reader: one number read from one or more words of a [`Text`], whether written
//! in digits (`1 200 000`, `31,7`, `1.844.036.360,12`, `1000-нан`, `5км`), in words with any
//! ending (`екі мың тоғыз жүз алпыс сегіз`, `қырықтан`, `бесеуінің`, `жиырмасыншы`,
//! `қырық бүтін оннан тоғыз`, `бір жарым`) or mixed (`2,5 мыңнан`, `60 млрд`). Vocabulary is
//! in `data/numerals.tsv` (number words), `data/suffixes.tsv` (endings) and
//! `data/not_numerals.tsv` (homographs such as `үшін`, `бірге`).
//!
//! Digit grouping, the documented ambiguity rule: a first group of 1–3 digits followed by
//! groups of exactly 3 digits joined by ONE space-like character (space, NBSP, narrow NBSP,
//! thin or figure space) is one integer (`1 200 000`); a 4+ digit group never starts a
//! grouping (`2025 100` stays two numbers). Dots group only when there are at least two dot
//! groups or a decimal comma follows (`1.844.036`, `1.500,25`); otherwise `\d+\.\d+` is a
//! decimal, except in date shapes (`05.01.2023`, which the reader refuses) and after `сағат`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::table::rows;
use crate::text::fold::{is_hyphen, is_space};
use crate::text::words::WordShape;
use crate::text::{Span, Text};

/// A number read from one or more words of a Text.
#[derive(Debug, Clone, PartialEq)]
pub struct Numeral {
    /// The number (fractions for halves and decimals; the group size for vague plurals).
    pub value: f64,
    /// Index into `text.words` of the first word.
    pub first_word: usize,
    /// Index of the last word (inclusive); a hyphenated ending's word included.
    pub last_word: usize,
    /// бірінші, 2-нші, жиырмасыншы, 2020-сыншы.
    pub ordinal: bool,
    /// The ending glued to the last word or after a hyphen (folded), `""` if none. For a
    /// digit word with glued letters that are not an ending (`5км`) it holds those letters.
    pub suffix: String,
    /// Bytes covered: a leading minus sign, the words, the ending.
    pub span: Span,
    /// True when written (at least partly) in digits.
    pub digits: bool,
    /// Collective numeral (`бесеу`, `2-еуі`).
    pub collective: bool,
    /// Vague plural (`мыңдаған`, `1000-даған`): "thousands of".
    pub vague: bool,
    /// Approximative ending `-дай/-дей/-тай/-тей` (`жүздей`, `300-дей`).
    pub approx: bool,
    /// A scale word took part (`мың`, `млн`…).
    pub scaled: bool,
}

/// Reads the longest numeral starting at word `i` (digits with grouping/decimals/hyphen
/// suffixes, number words with endings, mixed `2,5 мың`), or None.
pub fn read_numeral(text: &Text, i: usize) -> Option<Numeral> {
    let lexicon = &*LEXICON;
    if i >= text.words.len() {
        return None;
    }
    match text.words[i].shape {
        WordShape::Digits | WordShape::Mixed => read_digit_numeral(lexicon, text, i),
        WordShape::Letters => read_word_numeral(lexicon, text, i),
    }
}

/// The value of a single number word of the table (`бес` → 5, `мың` → 1000), ignoring
/// endings; for callers that need to know whether a word is a number word at all.
pub fn number_word(norm: &str) -> Option<f64> {
    LEXICON.word(norm).map(|m| m.value)
}

/// True when `s` is a chain of known endings (`ға`, `ның`, `ынан`, `дай`…); the empty
/// string is one. Used to match inflected unit and currency words.
pub fn is_ending(s: &str) -> bool {
    LEXICON.ending(s).is_some()
}

/// True when `s` is a chain of inflections only (plural, possessive, case, particle): no
/// derivation such as `-лық`, `-дай`, `-даған`. Used for qualifier words (`астамы`).
pub fn is_inflection(s: &str) -> bool {
    LEXICON.chain_from(s, 1, 1, Ending::default()).is_some()
}

/// True when `s` is an ending chain carrying the approximative `-дай/-дей/-тай/-тей`.
pub fn is_approx_ending(s: &str) -> bool {
    LEXICON.ending(s).is_some_and(|e| e.approx)
}

/// Loads the tables now (they are otherwise loaded on first use).
pub fn preload() {
    LazyLock::force(&LEXICON);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Unit,
    Ten,
    Hundred,
    Scale,
    Zero,
    Half,
    Part,
    Point,
    Collective,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Case,
    Possessive,
    Plural,
    Ordinal,
    Collective,
    Vague,
    Approx,
    Particle,
    Adjective,
}

impl Role {
    /// Position in the order of Kazakh endings.
    fn rank(self) -> u8 {
        match self {
            Role::Ordinal | Role::Collective | Role::Vague | Role::Approx | Role::Adjective => 0,
            Role::Plural => 1,
            Role::Possessive => 2,
            Role::Case => 3,
            Role::Particle => 4,
        }
    }
}

/// What an ending chain says about the number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Ending {
    ordinal: bool,
    collective: bool,
    vague: bool,
    approx: bool,
    /// `-лық/-лік…`: makes an adjective (`тонналық`); on a number word it makes a noun such
    /// as `бестік` ("top five") or `бірлік` ("unity"), which is no count.
    adjective: bool,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    value: f64,
    kind: Kind,
    bound: bool,
}

/// One number word matched on a folded word form.
#[derive(Debug, Clone, Copy)]
struct WordMatch<'w> {
    value: f64,
    kind: Kind,
    suffix: &'w str,
    ending: Ending,
}

struct Lexicon {
    words: HashMap<&'static str, Entry>,
    stem_lens: Vec<usize>,
    suffixes: Vec<(&'static str, Role)>,
    stop: HashSet<&'static str>,
    stop_prefixes: Vec<&'static str>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

const MAX_ENDINGS: usize = 5;

impl Lexicon {
    fn load() -> Self {
        let mut words = HashMap::new();
        for row in rows("numerals.tsv", include_str!("data/numerals.tsv")) {
            let kind = match row.cell(2) {
                "unit" => Kind::Unit,
                "ten" => Kind::Ten,
                "hundred" => Kind::Hundred,
                "scale" => Kind::Scale,
                "zero" => Kind::Zero,
                "half" => Kind::Half,
                "part" => Kind::Part,
                "point" => Kind::Point,
                "collective" => Kind::Collective,
                other => row.fail(&format!("unknown kind `{other}`")),
            };
            let bound = match row.optional(3) {
                None => false,
                Some("bound") => true,
                Some(other) => row.fail(&format!("unknown flag `{other}`")),
            };
            let value = row.parse(1);
            words.insert(row.cell(0), Entry { value, kind, bound });
        }
        let mut stem_lens: Vec<usize> = words.keys().map(|w| w.len()).collect();
        stem_lens.sort_unstable_by_key(|&l| std::cmp::Reverse(l));
        stem_lens.dedup();
        let mut suffixes = Vec::new();
        for row in rows("suffixes.tsv", include_str!("data/suffixes.tsv")) {
            let role = match row.cell(1) {
                "case" => Role::Case,
                "possessive" => Role::Possessive,
                "plural" => Role::Plural,
                "ordinal" => Role::Ordinal,
                "collective" => Role::Collective,
                "vague" => Role::Vague,
                "approx" => Role::Approx,
                "particle" => Role::Particle,
                "adjective" => Role::Adjective,
                other => row.fail(&format!("unknown role `{other}`")),
            };
            suffixes.push((row.cell(0), role));
        }
        // Longer morphemes first, so the first parse found is the most natural one.
        suffixes.sort_by_key(|s| std::cmp::Reverse(s.0.len()));
        let mut stop = HashSet::new();
        let mut stop_prefixes = Vec::new();
        for row in rows("not_numerals.tsv", include_str!("data/not_numerals.tsv")) {
            match row.cell(0).strip_suffix('*') {
                Some(prefix) => stop_prefixes.push(prefix),
                None => {
                    stop.insert(row.cell(0));
                }
            }
        }
        Lexicon {
            words,
            stem_lens,
            suffixes,
            stop,
            stop_prefixes,
        }
    }

    /// Reads a whole ending as a chain of known morphemes.
    fn ending(&self, s: &str) -> Option<Ending> {
        self.chain(s, 0, Ending::default())
    }

    /// Endings follow the order derivation < plural < possessive < case < particle, with at
    /// most one case: `бірнеше` (two cases) and `бірқатар` (case before plural) are no chains.
    fn chain(&self, s: &str, depth: usize, ending: Ending) -> Option<Ending> {
        self.chain_from(s, depth, 0, ending)
    }

    fn chain_from(&self, s: &str, depth: usize, rank: u8, ending: Ending) -> Option<Ending> {
        if s.is_empty() {
            return Some(ending);
        }
        if depth == MAX_ENDINGS {
            return None;
        }
        self.suffixes.iter().find_map(|&(m, role)| {
            let r = role.rank();
            if depth > 0 && (r < rank || (r == rank && matches!(role, Role::Case | Role::Particle)))
            {
                return None;
            }
            // The accusative `-н` only follows a possessive (`бесеуін`, `долларын`).
            if m == "н" && rank != Role::Possessive.rank() {
                return None;
            }
            let rest = s.strip_prefix(m)?;
            let mut next = ending;
            match role {
                Role::Ordinal => next.ordinal = true,
                Role::Collective => next.collective = true,
                Role::Vague => next.vague = true,
                Role::Approx => next.approx = true,
                Role::Adjective => next.adjective = true,
                Role::Case | Role::Possessive | Role::Plural | Role::Particle => {}
            }
            self.chain_from(rest, depth + 1, r, next)
        })
    }

    /// Matches a folded word as a number word plus an optional ending.
    fn word<'w>(&self, norm: &'w str) -> Option<WordMatch<'w>> {
        if self.stop.contains(norm) || self.stop_prefixes.iter().any(|p| norm.starts_with(p)) {
            return None;
        }
        if let Some(e) = self.words.get(norm).filter(|e| !e.bound) {
            return Some(WordMatch {
                value: e.value,
                kind: e.kind,
                suffix: "",
                ending: Ending::default(),
            });
        }
        self.stem_lens.iter().find_map(|&len| {
            if len >= norm.len() || !norm.is_char_boundary(len) {
                return None;
            }
            let entry = self.words.get(&norm[..len])?;
            if matches!(entry.kind, Kind::Point) {
                return None;
            }
            let suffix = &norm[len..];
            let ending = self.ending(suffix).filter(|e| !e.adjective)?;
            Some(WordMatch {
                value: entry.value,
                kind: entry.kind,
                suffix,
                ending,
            })
        })
    }
}

/// Left-to-right accumulation of number words (reference B.1).
#[derive(Debug, Clone, Copy)]
struct Acc {
    total: f64,
    cur: f64,
    last: Option<Kind>,
    top_scale: f64,
}

impl Acc {
    fn new() -> Self {
        Acc {
            total: 0.0,
            cur: 0.0,
            last: None,
            top_scale: f64::INFINITY,
        }
    }

    /// Adds one word if the grammar allows it there; returns false (unchanged) otherwise.
    fn push(&mut self, kind: Kind, value: f64) -> bool {
        use Kind::*;
        let ok = match (self.last, kind) {
            (None, Unit | Ten | Hundred | Scale | Zero | Part | Collective) => true,
            (Some(Ten | Hundred | Scale), Unit) => true,
            (Some(Hundred | Scale), Ten) => true,
            (Some(Unit), Hundred) => self.cur < 10.0,
            (Some(Scale), Hundred) => true,
            (Some(Unit | Ten | Hundred | Half | Part), Scale) => value < self.top_scale,
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
                let factor = if self.last.is_none() { 1.0 } else { self.cur };
                self.total += factor * value;
                self.cur = 0.0;
                self.top_scale = value;
            }
            _ => self.cur += value,
        }
        self.last = Some(kind);
        true
    }

    fn value(&self) -> f64 {
        self.total + self.cur
    }

    /// More words may follow (a collective, a zero or a part alone cannot take more, except
    /// a part before a scale word, which `push` checks).
    fn open(&self) -> bool {
        !matches!(self.last, Some(Kind::Collective | Kind::Zero))
    }
}

/// A run of number words.
struct Run<'w> {
    acc: Acc,
    last_word: usize,
    suffix: &'w str,
    ending: Ending,
    scaled: bool,
}

/// True when the gap between two words of one numeral is plain spacing.
fn spacing(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(is_space)
}

/// True when the gap is exactly one hyphen (`1000-нан`, `бір-ақ`).
fn single_hyphen(gap: &str) -> bool {
    let mut chars = gap.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if is_hyphen(c))
}

fn read_word_run<'t>(lexicon: &Lexicon, text: &'t Text, i: usize, scales: bool) -> Option<Run<'t>> {
    let mut acc = Acc::new();
    let mut j = i;
    let mut scaled = false;
    loop {
        let m = lexicon.word(text.norm(j))?;
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
            && spacing(text.gap_after(j))
            && lexicon.word(text.norm(j + 1)).is_some_and(|n| {
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

fn read_word_numeral(lexicon: &Lexicon, text: &Text, i: usize) -> Option<Numeral> {
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
    let mut owned = suffix.to_owned();
    if owned.is_empty() {
        if let Some((l, s, e)) = hyphen_ending(lexicon, text, last) {
            last = l;
            owned = s.to_owned();
            ending = e;
        }
    }
    Some(Numeral {
        value,
        first_word: i,
        last_word: last,
        ordinal: ending.ordinal,
        suffix: owned,
        span: text.span_of(i, last),
        digits: false,
        collective: ending.collective || run.acc.last == Some(Kind::Collective),
        vague: ending.vague,
        approx: ending.approx,
        scaled,
    })
}

/// `X бүтін [оннан|жүзден|мыңнан] Y [scale]` after the integer part ending at word `last`.
fn read_decimal_tail<'t>(
    lexicon: &Lexicon,
    text: &'t Text,
    last: usize,
    whole: f64,
) -> Option<(f64, usize, &'t str, Ending, bool)> {
    let point = last + 1;
    if point + 1 >= text.words.len()
        || !spacing(text.gap_after(last))
        || !spacing(text.gap_after(point))
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
            if !spacing(text.gap_after(j)) {
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
    if suffix.is_empty() && l + 1 < text.words.len() && spacing(text.gap_after(l)) {
        if let Some(m) = lexicon
            .word(text.norm(l + 1))
            .filter(|m| m.kind == Kind::Scale)
        {
            value *= m.value;
            l += 1;
            suffix = m.suffix;
            ending = m.ending;
            scaled = true;
        }
    }
    Some((value, l, suffix, ending, scaled))
}

fn digit_count(v: f64) -> i32 {
    let mut n = 1;
    let mut x = v.trunc();
    while x >= 10.0 {
        x /= 10.0;
        n += 1;
    }
    n
}

/// An ending written after a hyphen: `1000-нан`, `бір-ақ`, `2-нші`.
fn hyphen_ending<'t>(
    lexicon: &Lexicon,
    text: &'t Text,
    last: usize,
) -> Option<(usize, &'t str, Ending)> {
    let next = last + 1;
    if next >= text.words.len()
        || text.words[next].shape != WordShape::Letters
        || !single_hyphen(text.gap_after(last))
    {
        return None;
    }
    let norm = text.norm(next);
    let ending = lexicon.ending(norm)?;
    Some((next, norm, ending))
}

/// Splits a digit word into its leading ASCII digits and the folded letters glued after them.
fn split_digit_word<'t>(text: &'t Text, i: usize) -> (&'t str, &'t str) {
    let norm = text.norm(i);
    let cut = norm
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(norm.len());
    (&norm[..cut], &norm[cut..])
}

fn is_group(text: &Text, i: usize) -> bool {
    text.words[i].shape == WordShape::Digits && text.norm(i).len() == 3
}

fn read_digit_numeral(lexicon: &Lexicon, text: &Text, i: usize) -> Option<Numeral> {
    let (lead, tail) = split_digit_word(text, i);
    if lead.is_empty() || dotted_date_at(text, i) {
        return None;
    }
    let n = text.words.len();
    let mut repr = String::with_capacity(16);
    repr.push_str(lead);
    let mut last = i;
    let mut tail = tail;
    if tail.is_empty() && lead.len() <= 3 {
        // Space grouping: 1 200 000.
        while last + 1 < n && is_group(text, last + 1) && one_space(text.gap_after(last)) {
            last += 1;
            repr.push_str(text.norm(last));
        }
        // Dot grouping: 1.844.036 or 1.500,25.
        if last == i {
            let mut k = i;
            while k + 1 < n && text.gap_after(k) == "." && is_group(text, k + 1) {
                k += 1;
            }
            let groups = k - i;
            let comma_follows = k + 1 < n
                && text.gap_after(k) == ","
                && text.words[k + 1].shape != WordShape::Letters;
            if groups >= 2 || (groups == 1 && comma_follows) {
                for g in i + 1..=k {
                    repr.push_str(text.norm(g));
                }
                last = k;
            }
        }
    }
    if tail.is_empty() && last + 1 < n {
        let gap = text.gap_after(last);
        let after_sagat = i > 0 && text.norm(i - 1) == "сағат";
        let decimal = gap == "," || (gap == "." && last == i && !after_sagat);
        if decimal && text.words[last + 1].shape != WordShape::Letters {
            let (frac, frac_tail) = split_digit_word(text, last + 1);
            if !frac.is_empty() {
                repr.push('.');
                repr.push_str(frac);
                last += 1;
                tail = frac_tail;
            }
        }
    }
    let mut value: f64 = repr.parse().ok()?;
    let mut scaled = false;
    let mut suffix = String::new();
    let mut ending = Ending::default();
    if !tail.is_empty() {
        match lexicon.word(tail).filter(|m| m.kind == Kind::Scale) {
            Some(m) => {
                value *= m.value;
                scaled = true;
                suffix.push_str(m.suffix);
                ending = m.ending;
            }
            None => {
                suffix.push_str(tail);
                ending = lexicon.ending(tail).unwrap_or_default();
            }
        }
    } else if last + 1 < n && spacing(text.gap_after(last)) {
        if let Some(m) = lexicon
            .word(text.norm(last + 1))
            .filter(|m| m.kind == Kind::Scale)
        {
            value *= m.value;
            scaled = true;
            last += 1;
            suffix.push_str(m.suffix);
            ending = m.ending;
        }
    }
    if suffix.is_empty() {
        if let Some((l, s, e)) = hyphen_ending(lexicon, text, last) {
            last = l;
            suffix.push_str(s);
            ending = e;
        }
    }
    let mut start = text.words[i].span.start;
    if let Some(sign) = minus_before(text, i) {
        value = -value;
        start = sign;
    }
    Some(Numeral {
        value,
        first_word: i,
        last_word: last,
        ordinal: ending.ordinal,
        suffix,
        span: Span::new(start, text.words[last].span.end),
        digits: true,
        collective: ending.collective,
        vague: ending.vague,
        approx: ending.approx,
        scaled,
    })
}

/// Exactly one space-like character (the grouping separator).
fn one_space(gap: &str) -> bool {
    let mut chars = gap.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if is_space(c) && c != '\n')
}

/// `dd.mm.yyyy` (or `d.m.yy`) starting at word `i`: a date, not a number.
fn dotted_date_at(text: &Text, i: usize) -> bool {
    let short = |k: usize| text.words[k].shape == WordShape::Digits && text.norm(k).len() <= 2;
    i + 2 < text.words.len()
        && short(i)
        && short(i + 1)
        && text.gap_after(i) == "."
        && text.gap_after(i + 1) == "."
        && text.words[i + 2].shape != WordShape::Letters
}

/// Byte offset of a minus sign glued before word `i` (`-5`, `−12`), when it is not a
/// hyphen or range dash between two words.
fn minus_before(text: &Text, i: usize) -> Option<usize> {
    let start = text.words[i].span.start;
    let before = &text.text[..start];
    let sign = before.chars().next_back()?;
    if !matches!(sign, '-' | '\u{2212}') {
        return None;
    }
    let sign_at = start - sign.len_utf8();
    match before[..sign_at].chars().next_back() {
        None => Some(sign_at),
        Some(c) if is_space(c) || matches!(c, '(' | '[' | ':' | '=') => Some(sign_at),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(f64, String, bool, String)> {
        let t = Text::new(s);
        read_numeral(&t, 0).map(|n| (n.value, n.span.slice(s).to_owned(), n.ordinal, n.suffix))
    }

    #[test]
    fn reads_digits_words_and_mixed() {
        let cases: &[(&str, f64, &str, bool, &str)] = &[
            ("1 200 000 адам", 1_200_000.0, "1 200 000", false, ""),
            ("31,7 тонна", 31.7, "31,7", false, ""),
            ("84.5 пайыз", 84.5, "84.5", false, ""),
            (
                "1.844.036.360,12 теңге",
                1_844_036_360.12,
                "1.844.036.360,12",
                false,
                "",
            ),
            ("1000-нан астам", 1000.0, "1000-нан", false, "нан"),
            ("13-і", 13.0, "13-і", false, "і"),
            ("179-ыншы орын", 179.0, "179-ыншы", true, "ыншы"),
            ("2,5 мыңнан астам", 2500.0, "2,5 мыңнан", false, "нан"),
            ("60 млрд теңге", 6e10, "60 млрд", false, ""),
            ("100мың", 100_000.0, "100мың", false, ""),
            ("5км жол", 5.0, "5км", false, "км"),
            ("-5 градус", -5.0, "-5", false, ""),
            (
                "екі мың тоғыз жүз алпыс сегіз",
                2968.0,
                "екі мың тоғыз жүз алпыс сегіз",
                false,
                "",
            ),
            (
                "бір мың тоқсан төрт",
                1094.0,
                "бір мың тоқсан төрт",
                false,
                "",
            ),
            ("қырықтан асты", 40.0, "қырықтан", false, "тан"),
            (
                "қырық бүтін оннан тоғыз",
                40.9,
                "қырық бүтін оннан тоғыз",
                false,
                "",
            ),
            (
                "бес бүтін жүзден отыз екі",
                5.32,
                "бес бүтін жүзден отыз екі",
                false,
                "",
            ),
            ("бір жарым есе", 1.5, "бір жарым", false, ""),
            ("бесеуінің", 5.0, "бесеуінің", false, "інің"),
            (
                "екі мың жиырмасыншы",
                2020.0,
                "екі мың жиырмасыншы",
                true,
                "сыншы",
            ),
            ("қырқыншы", 40.0, "қырқыншы", true, "ыншы"),
            ("жарты миллион", 500_000.0, "жарты миллион", false, ""),
            (
                "тоқсан үш бүтін төрт миллиард",
                93.4e9,
                "тоқсан үш бүтін төрт миллиард",
                false,
                "",
            ),
        ];
        let mut failures = Vec::new();
        for &(input, value, surface, ordinal, suffix) in cases {
            let want = Some((value, surface.to_owned(), ordinal, suffix.to_owned()));
            let got = read(input);
            let close = match (&got, &want) {
                (Some(g), Some(w)) => {
                    (g.0 - w.0).abs() < 1e-6 * w.0.abs().max(1.0)
                        && g.1 == w.1
                        && g.2 == w.2
                        && g.3 == w.3
                }
                _ => false,
            };
            if !close {
                failures.push(format!("{input}: got {got:?}, want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn refuses_homographs_and_dates() {
        for s in [
            "үшін",
            "бірге",
            "бірақ",
            "онда",
            "05.01.2023",
            "алтын",
            "жүзеге",
        ] {
            assert_eq!(read(s), None, "{s}");
        }
    }
}
