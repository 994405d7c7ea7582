//! Peeling: every way a folded word splits into a stem and a suffix chain ATTR → CASE →
//! POSSESSIVE → PLURAL (outermost first), each cut allowed by the suffix table for the new
//! final letter (harmony ignored, reference F.5), and the stem repairs of F.3.

use super::suffixes::{classes_of, is_back_vowel, is_vowel, Slot, SuffixTable};

/// Shortest remainder any cut may leave, in chars.
const MIN_REMAINDER: usize = 2;
/// Analyses kept per word; longer words rarely have more than a dozen.
const MAX_ANALYSES: usize = 16;

/// One way of cutting a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Analysis {
    /// Bytes of the folded word kept as the stem.
    pub kept: usize,
    /// Mask of stripped slots ([`Slot::bit`]).
    pub slots: u8,
    /// True when every stripped suffix is one an entity lemma drops.
    pub lemma_strippable: bool,
    /// True when the suffix next to the stem begins with a vowel (repairs apply).
    pub vowel_boundary: bool,
    /// Length in chars of the shortest stripped suffix.
    pub shortest_suffix: u8,
}

impl Analysis {
    /// The analysis that keeps the whole word.
    pub fn whole(word: &str) -> Self {
        Analysis {
            kept: word.len(),
            slots: 0,
            lemma_strippable: true,
            vowel_boundary: false,
            shortest_suffix: u8::MAX,
        }
    }

    /// Index (in [`Slot::ALL`]) of the slot after the innermost stripped one: where peeling
    /// of the remainder may continue.
    pub fn next_slot(&self) -> usize {
        Slot::ALL
            .iter()
            .rev()
            .find(|s| self.stripped(**s))
            .map_or(0, |s| s.inner_index())
    }

    /// True when `slot` was stripped.
    pub fn stripped(&self, slot: Slot) -> bool {
        self.slots & slot.bit() != 0
    }
}

/// A fixed-capacity list of analyses, longest stem first.
#[derive(Clone)]
pub struct Analyses {
    items: [Analysis; MAX_ANALYSES],
    len: usize,
}

impl Analyses {
    /// The analyses, longest stem first.
    pub fn as_slice(&self) -> &[Analysis] {
        &self.items[..self.len]
    }

    fn push(&mut self, a: Analysis) {
        if self.len < MAX_ANALYSES {
            self.items[self.len] = a;
            self.len += 1;
        }
    }
}

/// Every analysis of `word` that strips at least one suffix of the slots from index
/// `first_slot` of [`Slot::ALL`] inward, longest stem first.
pub fn analyses(table: &SuffixTable, word: &str, first_slot: usize) -> Analyses {
    let mut out = Analyses {
        items: [Analysis::whole(word); MAX_ANALYSES],
        len: 0,
    };
    walk(
        table,
        word,
        word.len(),
        first_slot,
        Analysis::whole(word),
        &mut out,
    );
    out.items[..out.len].sort_by_key(|a| std::cmp::Reverse(a.kept));
    out
}

fn walk(
    table: &SuffixTable,
    word: &str,
    end: usize,
    from: usize,
    acc: Analysis,
    out: &mut Analyses,
) {
    let head = &word[..end];
    let Some(last) = head.chars().next_back() else {
        return;
    };
    for &slot in &Slot::ALL[from.min(Slot::ALL.len())..] {
        for suffix in table.ending_in(slot, last) {
            let Some(rest) = head.strip_suffix(suffix.text) else {
                continue;
            };
            if rest.chars().nth(MIN_REMAINDER - 1).is_none() || classes_of(rest) & suffix.after == 0
            {
                continue;
            }
            let next = Analysis {
                kept: rest.len(),
                slots: acc.slots | slot.bit(),
                lemma_strippable: acc.lemma_strippable && suffix.strip_in_lemma,
                vowel_boundary: suffix.vowel_initial,
                shortest_suffix: acc
                    .shortest_suffix
                    .min(u8::try_from(suffix.chars).unwrap_or(u8::MAX)),
            };
            out.push(next);
            walk(table, word, rest.len(), slot.inner_index(), next, out);
        }
    }
}

/// The final consonants a repair unvoices: (in the peeled stem, in the repaired one).
const VOICING: [(char, char); 3] = [('г', 'к'), ('ғ', 'қ'), ('б', 'п')];

/// The first three letters of every stem of at least three letters that a repair
/// ([`for_each_repair`]) turns into the folded `key`, where they differ from the key's own:
/// `сағ` for `сақ`, `орс` for `орыс`. A repair changes only the last two letters of a stem,
/// so a key of five letters or more has none.
pub fn repair_source_starts(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let voiced = |c: char| VOICING.iter().find(|(_, u)| *u == c).map(|&(v, _)| v);
    let mut out = Vec::new();
    match *chars.as_slice() {
        // `сағ` → `сақ`: the last letter voiced.
        [a, b, c] => out.extend(voiced(c).map(|v| [a, b, v])),
        // `орс` → `орыс`: the inserted vowel dropped, the last letter maybe voiced too.
        [a, b, 'ы' | 'і', d] => {
            out.push([a, b, d]);
            out.extend(voiced(d).map(|v| [a, b, v]));
        }
        _ => {}
    }
    out.into_iter()
        .map(|start| start.iter().collect())
        .collect()
}

/// Calls `f` on each repaired form of `stem` (reference F.3), stopping when it returns true:
/// final `г ғ б` back to `к қ п`, and `ы`/`і` re-inserted between two final consonants.
/// `buf` is scratch space. Returns whether `f` stopped.
pub fn for_each_repair(stem: &str, buf: &mut String, mut f: impl FnMut(&str) -> bool) -> bool {
    let mut chars = stem.chars().rev();
    let (Some(last), Some(before)) = (chars.next(), chars.next()) else {
        return false;
    };
    // `у` after a vowel is a glide, a consonant for this rule (ауыл → аулы).
    let before_is_consonant =
        !is_vowel(before) || (before == 'у' && chars.next().is_some_and(is_vowel));
    let unvoiced = VOICING
        .iter()
        .find(|(voiced, _)| *voiced == last)
        .map(|&(_, u)| u);
    let body = &stem[..stem.len() - last.len_utf8()];
    if let Some(u) = unvoiced {
        buf.clear();
        buf.push_str(body);
        buf.push(u);
        if f(buf) {
            return true;
        }
    }
    if !is_vowel(last) && before_is_consonant {
        let back = stem
            .chars()
            .rev()
            .find(|&c| is_vowel(c))
            .is_some_and(is_back_vowel);
        buf.clear();
        buf.push_str(&body[..body.len() - before.len_utf8()]);
        buf.push(before);
        buf.push(if back { 'ы' } else { 'і' });
        buf.push(unvoiced.unwrap_or(last));
        if f(buf) {
            return true;
        }
    }
    false
}
