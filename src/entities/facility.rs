//! FACILITY: numbered institutions and buildings (`numbered_facilities.tsv`):
//! `№13 мектеп`, `нөмірі 111-інші сайлау учаскесінде`. The number word or sign, the
//! number, the modifiers and the head noun form one span (reference A.3 rule 2: the number
//! inside gets no span of its own).

use crate::mention::{Entity, Label};
use crate::text::fold::fold_word;
use crate::text::{Span, Text};
use crate::trace::Trace;

use super::extent::entity;
use super::gate::{bit, Candidates, StartTable};
use super::lexicon::{joinable, Ordinals, StemMap};
use super::table::rows;

/// Most words from the number word to the head noun.
const MAX_WORDS: usize = 8;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Head,
    Signed,
}

/// The rules of this class, built once.
pub struct FacilityRules {
    words: StemMap<Kind>,
    ordinals: Ordinals,
}

impl FacilityRules {
    /// Loads `numbered_facilities.tsv` and the ordinal endings; records the words' starts
    /// in `gates`.
    pub fn new(gates: &mut StartTable) -> Self {
        let mut words = StemMap::default();
        for row in rows(
            "numbered_facilities.tsv",
            include_str!("data/numbered_facilities.tsv"),
        ) {
            let kind = match row.cell(1) {
                "number" => Kind::Number,
                "head" => Kind::Head,
                "signed" => Kind::Signed,
                other => row.fail(&format!("kind must be number/head/signed, not `{other}`")),
            };
            words.insert(row.cell(0), kind);
            gates.add(&fold_word(row.cell(0)), bit::FACILITY);
        }
        FacilityRules {
            words,
            ordinals: Ordinals::new(),
        }
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, text: &Text, cands: &Candidates, out: &mut Vec<Entity>, trace: &mut Trace) {
        for i in cands.words(bit::FACILITY | bit::SIGN_BEFORE) {
            let Some((start, first)) = self.number_at(text, cands, i) else {
                continue;
            };
            let signed = text.text[start..].starts_with('№');
            let rule = "facility/numbered";
            match self.head_after(text, cands, first, signed) {
                Some(head) => {
                    let span = Span::new(start, text.words[head].span.end);
                    trace.built(rule, span, Label::Facility);
                    out.push(entity(text.text, span, Label::Facility, rule));
                }
                None => trace.rejected(rule, text.words[i].span, || {
                    "no facility noun after the number".into()
                }),
            }
        }
    }

    /// The kind of facility word `i` is (only words passing the gate are looked up).
    fn word(&self, text: &Text, cands: &Candidates, i: usize) -> Option<&Kind> {
        if cands.has(i, bit::FACILITY) {
            self.words.word(text, i)
        } else {
            None
        }
    }

    /// Where a numbered name starting at word `i` begins (byte) and its first number word:
    /// `нөмірі` + number, or `№` right before a digit word.
    fn number_at(&self, text: &Text, cands: &Candidates, i: usize) -> Option<(usize, usize)> {
        if self.word(text, cands, i) == Some(&Kind::Number) {
            let next = i + 1;
            let numbered = next < text.words.len() && joinable(text.gap_after(i));
            return numbered.then_some((text.words[i].span.start, next));
        }
        let before = if i == 0 {
            &text.text[..text.words[0].span.start]
        } else {
            text.gap_after(i - 1)
        };
        if !cands.has(i, bit::SIGN_BEFORE) {
            return None;
        }
        let sign = before.rfind('№')?;
        let after_sign = &before[sign + '№'.len_utf8()..];
        let digits = self.ordinals.is_ordinal(text, i);
        (digits && after_sign.trim().is_empty())
            .then_some((text.words[i].span.start - before.len() + sign, i))
    }

    /// The facility noun closing a numbered name whose number starts at word `first`: the
    /// number must be read (a digit or ordinal word) before any other word. `signed`: the
    /// number follows `№`, so every facility noun counts.
    fn head_after(
        &self,
        text: &Text,
        cands: &Candidates,
        first: usize,
        signed: bool,
    ) -> Option<usize> {
        let mut numbered = false;
        let last = (first + MAX_WORDS).min(text.words.len());
        for j in first..last {
            if j > first && !joinable(text.gap_after(j - 1)) {
                return None;
            }
            let head = match self.word(text, cands, j) {
                Some(Kind::Head) => true,
                Some(Kind::Signed) => signed,
                _ => false,
            };
            if numbered && head {
                return Some(j);
            }
            if self.ordinals.is_ordinal(text, j) {
                numbered = true;
            } else if text.words[j].capitalized {
                return None;
            }
        }
        None
    }
}
