//! The numeral vocabulary, loaded once: number words with their value and kind
//! (`data/numerals.tsv`), endings with their role (`data/suffixes.tsv`) read as ordered
//! chains, and homographs that are no numbers (`data/not_numerals.tsv`).

use std::cell::RefCell;
use std::sync::LazyLock;
use std::thread::LocalKey;

use crate::facts::prefix::{PrefixIndex, Trigrams};
use crate::morph::hash::{FastMap, FastSet};
use crate::table::rows;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
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
pub(super) enum Role {
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
    pub(super) fn rank(self) -> u8 {
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
pub(super) struct Ending {
    pub(super) ordinal: bool,
    pub(super) collective: bool,
    pub(super) vague: bool,
    pub(super) approx: bool,
    /// `-лық/-лік…`: makes an adjective (`тонналық`); on a number word it makes a noun such
    /// as `бестік` ("top five") or `бірлік` ("unity"), which is no count.
    pub(super) adjective: bool,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Entry {
    pub(super) value: f64,
    pub(super) kind: Kind,
    pub(super) bound: bool,
}

/// One number word matched on a folded word form.
#[derive(Debug, Clone, Copy)]
pub(super) struct WordMatch<'w> {
    pub(super) value: f64,
    pub(super) kind: Kind,
    pub(super) suffix: &'w str,
    pub(super) ending: Ending,
}

pub(super) struct Lexicon {
    pub(super) words: FastMap<&'static str, Entry>,
    pub(super) stem_lens: PrefixIndex,
    /// Endings by the low byte of their first letter's code point (collisions only cost a
    /// failed prefix test), longest first within a slot.
    pub(super) suffixes: Vec<Vec<(&'static str, Role)>>,
    pub(super) stop: FastSet<&'static str>,
    pub(super) stop_prefixes: Vec<&'static str>,
    /// First three letters of every number word with or without an ending: most words are
    /// rejected by one bit test.
    pub(super) heads: Trigrams,
    /// The same starts for the scale words only (`мың`, `млн`): the gate of [`Lexicon::scale`].
    pub(super) scale_heads: Trigrams,
    /// Whether a homograph of the stop table may pass `scale_heads`: a stop word or a stop
    /// prefix of three or more letters that does not pass it stops no word that does.
    scale_stops: bool,
}

/// The starts of every number word with any ending: the first three letters of a word of
/// three or more, else its letters followed by the first letter of each ending (or nothing).
/// A table with a one-letter number word would need two letters of endings: no such word.
fn number_starts<'a>(
    words: impl Iterator<Item = &'static str>,
    endings: impl Iterator<Item = &'a (&'static str, Role)> + Clone,
) -> Trigrams {
    let mut starts = Trigrams::default();
    let mut buf = String::new();
    for w in words {
        assert!(w.chars().count() >= 2, "one-letter number word `{w}`");
        starts.insert(w);
        if w.chars().count() == 2 {
            for (ending, _) in endings.clone() {
                buf.clear();
                buf.push_str(w);
                buf.extend(ending.chars().next());
                starts.insert(&buf);
            }
        }
    }
    starts
}

/// The slot of a letter in `Lexicon::suffixes`.
fn slot(c: char) -> usize {
    c as usize & 0xFF
}

pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

/// A short string (at most 15 bytes) packed with its length into one integer: a memo key
/// compared without a string comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MemoKey(u128);

impl MemoKey {
    const EMPTY: MemoKey = MemoKey(0);

    /// The key of `s`, or None when it is too long (or empty, which never needs a memo).
    fn of(s: &str) -> Option<MemoKey> {
        let bytes = s.as_bytes();
        if bytes.is_empty() || bytes.len() > 15 {
            return None;
        }
        let mut packed = [0u8; 16];
        packed[..bytes.len()].copy_from_slice(bytes);
        packed[15] = bytes.len() as u8;
        Some(MemoKey(u128::from_le_bytes(packed)))
    }

    /// The memo slot of the key.
    fn slot(self) -> usize {
        let folded = (self.0 as u64) ^ ((self.0 >> 64) as u64).rotate_left(29);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - MEMO_BITS)) as usize
    }
}

const MEMO_BITS: u32 = 9;

/// A direct-mapped memo: key and result by slot.
type Memo<T> = RefCell<[(MemoKey, T); 1 << MEMO_BITS]>;

thread_local! {
    /// The memo of [`Lexicon::ending`].
    static ENDING_MEMO: Memo<Option<Ending>> =
        const { RefCell::new([(MemoKey::EMPTY, None); 1 << MEMO_BITS]) };
    /// The memo of [`Lexicon::inner_word`] ([`Stem`]: the match without its borrowed ending).
    static WORD_MEMO: Memo<Option<Stem>> =
        const { RefCell::new([(MemoKey::EMPTY, None); 1 << MEMO_BITS]) };
}

/// The value kept in `memo` for `key`, else `compute`'s, then kept.
#[inline]
fn memoized<T: Copy + 'static>(
    memo: &'static LocalKey<Memo<T>>,
    key: MemoKey,
    compute: impl FnOnce() -> T,
) -> T {
    memo.with(|memo| {
        let slot = &mut memo.borrow_mut()[key.slot()];
        if slot.0 == key {
            return slot.1;
        }
        let value = compute();
        *slot = (key, value);
        value
    })
}

/// A [`WordMatch`] as kept by the word memo (its ending is the last `suffix_len` bytes of
/// the word), and whether the word is a homograph of the stop table.
#[derive(Debug, Clone, Copy)]
struct Stem {
    value: f64,
    kind: Kind,
    suffix_len: usize,
    ending: Ending,
    stopped: bool,
}

impl Stem {
    fn of(m: &WordMatch, stopped: bool) -> Stem {
        Stem {
            value: m.value,
            kind: m.kind,
            suffix_len: m.suffix.len(),
            ending: m.ending,
            stopped,
        }
    }

    /// The match on `norm` (the word it was kept for) and its stop flag.
    fn on(self, norm: &str) -> Option<(WordMatch<'_>, bool)> {
        let found = WordMatch {
            value: self.value,
            kind: self.kind,
            suffix: norm.get(norm.len().checked_sub(self.suffix_len)?..)?,
            ending: self.ending,
        };
        Some((found, self.stopped))
    }
}

pub(super) const MAX_ENDINGS: usize = 5;

impl Lexicon {
    pub(super) fn load() -> Self {
        let mut words = FastMap::default();
        for row in rows("numerals.tsv", include_str!("../data/numerals.tsv")) {
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
        let mut stem_lens = PrefixIndex::default();
        for w in words.keys() {
            stem_lens.insert(w);
        }
        let mut suffixes = Vec::new();
        for row in rows("suffixes.tsv", include_str!("../data/suffixes.tsv")) {
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
        suffixes.sort_by_key(|s: &(&str, Role)| std::cmp::Reverse(s.0.len()));
        let mut by_slot = vec![Vec::new(); 256];
        for (m, role) in suffixes {
            if let Some(c) = m.chars().next() {
                by_slot[slot(c)].push((m, role));
            }
        }
        let heads = number_starts(words.keys().copied(), by_slot.iter().flatten());
        let scales = words.iter().filter(|(_, e)| e.kind == Kind::Scale);
        let scale_heads = number_starts(scales.map(|(w, _)| *w), by_slot.iter().flatten());
        let suffixes = by_slot;
        let mut stop = FastSet::default();
        let mut stop_prefixes = Vec::new();
        for row in rows("not_numerals.tsv", include_str!("../data/not_numerals.tsv")) {
            match row.cell(0).strip_suffix('*') {
                Some(prefix) => stop_prefixes.push(prefix),
                None => {
                    stop.insert(row.cell(0));
                }
            }
        }
        let scale_stops = stop
            .iter()
            .chain(&stop_prefixes)
            .any(|w| w.chars().count() < 3 || scale_heads.may_start(w));
        Lexicon {
            scale_stops,
            words,
            stem_lens,
            suffixes,
            stop,
            stop_prefixes,
            heads,
            scale_heads,
        }
    }

    /// Reads a whole ending as a chain of known morphemes (memoized per thread: texts repeat
    /// a few endings).
    pub(super) fn ending(&self, s: &str) -> Option<Ending> {
        let chain = || self.chain(s, 0, Ending::default());
        match MemoKey::of(s) {
            Some(key) => memoized(&ENDING_MEMO, key, chain),
            None => chain(),
        }
    }

    /// Endings follow the order derivation < plural < possessive < case < particle, with at
    /// most one case: `бірнеше` (two cases) and `бірқатар` (case before plural) are no chains.
    pub(super) fn chain(&self, s: &str, depth: usize, ending: Ending) -> Option<Ending> {
        self.chain_from(s, depth, 0, ending)
    }

    pub(super) fn chain_from(
        &self,
        s: &str,
        depth: usize,
        rank: u8,
        ending: Ending,
    ) -> Option<Ending> {
        if s.is_empty() {
            return Some(ending);
        }
        if depth == MAX_ENDINGS {
            return None;
        }
        let first = s.chars().next().map_or(0, slot);
        self.suffixes[first].iter().find_map(|&(m, role)| {
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

    /// Matches a folded word as a number word plus an optional ending, unless it is a
    /// homograph of the stop table (`бірге`, `үшін`).
    pub(super) fn word<'w>(&self, norm: &'w str) -> Option<WordMatch<'w>> {
        let (found, stopped) = self.lookup(norm)?;
        (!stopped).then_some(found)
    }

    /// True when `norm` is a homograph of the stop table.
    fn stopped(&self, norm: &str) -> bool {
        self.stop.contains(norm) || self.stop_prefixes.iter().any(|p| norm.starts_with(p))
    }

    /// Matches a folded word as a scale word (`мың`, `млрд`) plus an optional ending, as
    /// [`Lexicon::word`] filtered on [`Kind::Scale`]; most words are rejected by one bit test.
    pub(super) fn scale<'w>(&self, norm: &'w str) -> Option<WordMatch<'w>> {
        if !self.scale_heads.may_start(norm) {
            return None;
        }
        let found = if self.scale_stops {
            self.word(norm)
        } else {
            self.inner_word(norm)
        };
        found.filter(|m| m.kind == Kind::Scale)
    }

    /// Matches a word inside a compound, where homographs are numbers (`қырық бірге` = to 41).
    /// Memoized per thread for words of up to 15 bytes: texts repeat a few number words.
    pub(super) fn inner_word<'w>(&self, norm: &'w str) -> Option<WordMatch<'w>> {
        self.lookup(norm).map(|(found, _)| found)
    }

    /// [`Lexicon::inner_word`], and whether the word is a homograph of the stop table
    /// ([`Lexicon::word`]): both memoized per thread for words of up to 15 bytes.
    #[inline]
    fn lookup<'w>(&self, norm: &'w str) -> Option<(WordMatch<'w>, bool)> {
        if !self.heads.may_start(norm) {
            return None;
        }
        match MemoKey::of(norm) {
            Some(key) => {
                let stem = memoized(&WORD_MEMO, key, || {
                    let found = self.match_word(norm)?;
                    Some(Stem::of(&found, self.stopped(norm)))
                });
                stem?.on(norm)
            }
            None => {
                let found = self.match_word(norm)?;
                Some((found, self.stopped(norm)))
            }
        }
    }

    /// [`Lexicon::inner_word`] past its gate, without the memo.
    pub(super) fn match_word<'w>(&self, norm: &'w str) -> Option<WordMatch<'w>> {
        // Lengths longest first: the whole word (an exact number word), then its stems.
        self.stem_lens.candidates(norm).find_map(|len| {
            if len == norm.len() {
                let e = self.words.get(norm).filter(|e| !e.bound)?;
                return Some(WordMatch {
                    value: e.value,
                    kind: e.kind,
                    suffix: "",
                    ending: Ending::default(),
                });
            }
            if !norm.is_char_boundary(len) {
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
