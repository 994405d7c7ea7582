//! Laws (`law_markers.tsv`): the constitution by name, codes and other legal acts with their
//! owner or modifiers (`Қазақстан Республикасының Қылмыстық кодексі`, `салық кодексіне`),
//! `… туралы` titles (`[Сайлау туралы] заңға`: the word `заң` stays outside), and the
//! article, part and chapter references that follow a law (`Конституцияның 91-бабының
//! 2-тармағына`), which KazNERD keeps inside one span.

use crate::mention::{Entity, Label};
use crate::text::fold::fold_word;
use crate::text::words::WordShape;
use crate::text::{Span, Text};
use crate::trace::Trace;

use crate::morph::morph;
use crate::morph::suffixes::Slot;

use super::breaks::Breaks;
use super::extent::{entity, owner_start, Reach};
use super::gate::{bit, Candidates, StartTable};
use super::lexicon::{joinable, Ordinals, StemMap};
use super::quotes::quoted_before;
use super::table::rows;

/// Most words of a `… туралы` title or of a number before a part noun.
const MAX_TITLE_WORDS: usize = 6;
/// The word after a law title (`Сайлау туралы заң`).
const ABOUT: &str = "туралы";
/// Lowercase modifiers a code may take (`қылмыстық іс жүргізу кодексі`).
const MAX_CODE_MODIFIERS: usize = 3;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Name,
    Code,
    Named,
    Part,
}

#[derive(Clone, Copy)]
struct LawWord {
    kind: Kind,
    /// `Some(true)` when it joins a `… туралы` span, `Some(false)` when it stays outside.
    after_about: Option<bool>,
}

/// The rules of this class, built once.
pub struct LawRules {
    words: StemMap<LawWord>,
    ordinals: Ordinals,
    modifier_endings: Vec<String>,
    breaks: &'static Breaks,
}

impl LawRules {
    /// Loads `law_markers.tsv` and the name breaks; records the markers' starts (and
    /// [`ABOUT`]) in `gates`.
    pub fn new(gates: &mut StartTable) -> Self {
        gates.add(ABOUT, bit::LAW);
        let mut words = StemMap::default();
        let mut modifier_endings = Vec::new();
        for row in rows("law_markers.tsv", include_str!("data/law_markers.tsv")) {
            let kind = match row.cell(2) {
                "name" => Kind::Name,
                "code" => Kind::Code,
                "named" => Kind::Named,
                "part" => Kind::Part,
                "modifier" => {
                    modifier_endings.push(row.cell(0).to_owned());
                    continue;
                }
                other => row.fail(&format!("unknown kind `{other}`")),
            };
            let after_about = match row.cell(3) {
                "inside" => Some(true),
                "outside" => Some(false),
                "-" => None,
                other => row.fail(&format!(
                    "after_about must be inside/outside/-, not `{other}`"
                )),
            };
            let word = LawWord { kind, after_about };
            for form in [row.cell(0), row.cell(1)] {
                words.insert(form, word);
                gates.add(&fold_word(form), bit::LAW);
            }
        }
        LawRules {
            words,
            ordinals: Ordinals::new(),
            modifier_endings,
            breaks: Breaks::shared(),
        }
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, text: &Text, cands: &Candidates, out: &mut Vec<Entity>, trace: &mut Trace) {
        for i in cands.words(bit::LAW) {
            if text.norm(i) == ABOUT {
                self.about_title(text, cands, i, out, trace);
                continue;
            }
            let Some((word, analysis)) = self.words.word_analysis(text, i) else {
                continue;
            };
            if analysis.slots & Slot::Plural.bit() != 0
                || (word.kind != Kind::Name && quoted_before(text, i).is_some())
            {
                continue;
            }
            // A named act takes only the one name right before it (`Париж келісімі`,
            // not `Қазақстан Париж келісімі`).
            let owner_word = owner_start(text, i, self.breaks, Reach::ADJACENT).map(|_| i - 1);
            let start = match word.kind {
                Kind::Name if text.words[i].capitalized => {
                    Some((text.words[i].span.start, "law/name"))
                }
                Kind::Code => owner_start(text, i, self.breaks, Reach::NAMES)
                    .or_else(|| self.lowercase_modifiers(text, i))
                    .map(|s| (s, "law/code")),
                Kind::Named => owner_word.map(|k| (text.words[k].span.start, "law/named-act")),
                _ => None,
            };
            if let Some((start, rule)) = start {
                let end = self.parts_end(text, cands, i);
                let span = Span::new(start, text.words[end].span.end);
                trace.built(rule, span, Label::Law);
                out.push(entity(text.text, span, Label::Law, rule));
            }
        }
    }

    /// `X туралы заң` → `[X туралы]`; `X туралы кодекс` → `[X туралы кодекс]`.
    fn about_title(
        &self,
        text: &Text,
        cands: &Candidates,
        about: usize,
        out: &mut Vec<Entity>,
        trace: &mut Trace,
    ) {
        let next = about + 1;
        if next >= text.words.len() || !joinable(text.gap_after(about)) {
            return;
        }
        let Some(after) = self.law_word(text, cands, next).and_then(|w| w.after_about) else {
            return;
        };
        let rule = "law/about-title";
        let Some(first) = self.title_start(text, about) else {
            trace.rejected(rule, text.words[about].span, || {
                "no title before туралы".into()
            });
            return;
        };
        let last = if after {
            self.parts_end(text, cands, next)
        } else {
            about
        };
        let span = text.span_of(first, last);
        trace.built(rule, span, Label::Law);
        out.push(entity(text.text, span, Label::Law, rule));
    }

    /// First word of the title before `туралы`: the nearest capitalized word within
    /// [`MAX_TITLE_WORDS`], else the one word (with its hyphenated partner) before it.
    fn title_start(&self, text: &Text, about: usize) -> Option<usize> {
        let usable = |k: usize| joinable(text.gap_after(k)) && !self.breaks.is_break(text, k);
        let mut j = about;
        while j > 0 && about - j < MAX_TITLE_WORDS && usable(j - 1) {
            let k = j - 1;
            if text.words[k].sentence_start {
                if text.words[k].capitalized && morph().is_known(text.norm(k)) {
                    return Some(k);
                }
                break;
            }
            if text.words[k].capitalized {
                return Some(k);
            }
            j = k;
        }
        let nearest = about.checked_sub(1).filter(|&k| usable(k))?;
        match nearest.checked_sub(1) {
            Some(k) if is_hyphen_gap(text, k) && usable(k) => Some(k),
            _ => Some(nearest),
        }
    }

    /// The law marker word `i` is (only words passing the gate are looked up).
    fn law_word(&self, text: &Text, cands: &Candidates, i: usize) -> Option<&LawWord> {
        if cands.has(i, bit::LAW) {
            self.words.word(text, i)
        } else {
            None
        }
    }

    /// Start of lowercase modifiers of a code (`қылмыстық іс жүргізу` + `кодексі`).
    fn lowercase_modifiers(&self, text: &Text, head: usize) -> Option<usize> {
        let mut start = None;
        let mut j = head;
        while j > 0 && head - j < MAX_CODE_MODIFIERS {
            let k = j - 1;
            if !joinable(text.gap_after(k))
                || self.breaks.is_break(text, k)
                || text.words[k].shape != WordShape::Letters
            {
                break;
            }
            let norm = text.norm(k);
            if self
                .modifier_endings
                .iter()
                .any(|e| norm.ends_with(e.as_str()))
            {
                start = Some(text.words[k].span.start);
            }
            if text.words[k].sentence_start {
                break;
            }
            j = k;
        }
        start
    }

    /// The last word of the article references after word `last` of a law
    /// (`… 91-інші бабының 2-нші тармағына`), or `last` itself.
    fn parts_end(&self, text: &Text, cands: &Candidates, mut last: usize) -> usize {
        loop {
            let mut j = last + 1;
            let mut found = None;
            while j < text.words.len() && j - last <= MAX_TITLE_WORDS {
                let gap = text.gap_after(j - 1);
                let comma_ok = j == last + 1 && gap.trim() == ",";
                if !joinable(gap) && !comma_ok {
                    break;
                }
                if let Some(w) = self.law_word(text, cands, j) {
                    if w.kind == Kind::Part && j > last + 1 && self.ordinals.is_ordinal(text, j - 1)
                    {
                        found = Some(j);
                    }
                    break;
                }
                if text.words[j].capitalized {
                    break;
                }
                j += 1;
            }
            match found {
                Some(part) => last = part,
                None => return last,
            }
        }
    }
}

fn is_hyphen_gap(text: &Text, k: usize) -> bool {
    text.gap_after(k).chars().any(crate::text::fold::is_hyphen)
}
