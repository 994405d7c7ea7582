//! Quoted names «…» classified by the generic head noun after them (`quoted_heads.tsv`):
//! `«Нұрлы жер» бағдарламасы` is PROJECT, `«Абай жолы» романы` ART, `«102» нөміріне`
//! CONTACT. The span is the quote content (KazNERD keeps guillemets and head outside).
//! Organisation heads are handled by [`super::org`].

use crate::mention::{Entity, Label};
use crate::text::fold::fold_word;
use crate::text::Text;
use crate::trace::Trace;

use crate::morph::suffixes::Slot;
use crate::text::words::WordShape;
use crate::text::Span;

use super::breaks::Breaks;
use super::extent::{entity, may_be_owned, owner_start, Reach};
use super::gate::{bit, Candidates, StartTable};
use super::lexicon::{joinable, StemMap};
use super::quotes::{coordinated_before, quoted_before, Quoted};
use super::table::rows;

/// Lowercase words allowed between a closing quote and its head noun
/// (`«Бастау» халықаралық фестивалі`).
const MAX_WORDS_BEFORE_HEAD: usize = 2;

/// What an unquoted capitalized owner before a head makes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum WithOwner {
    /// A name with the head inside (`Тегеран әуежайы`).
    Inside,
    /// A name with the head inside, owned only by capitalized words right before it
    /// (`Туризм жылы`).
    Adjacent,
    /// A name without the head (`[ЭКСПО] көрмесі`).
    Name,
    /// Nothing: only quoted names count.
    No,
}

#[derive(Clone, Copy)]
struct Head {
    label: Label,
    with_owner: WithOwner,
}

/// The rules of this class, built once.
pub struct QuotedRules {
    /// Heads in the possessive form names use (`бағдарламасы`, `true`) and bare
    /// (`бағдарлама`, `false`: only after a quoted name).
    heads: StemMap<(Head, bool)>,
    breaks: &'static Breaks,
}

fn rule_id(label: Label) -> &'static str {
    match label {
        Label::Project => "project/quoted-name-head",
        Label::Event => "event/quoted-name-head",
        Label::Art => "art/quoted-name-head",
        Label::Facility => "facility/quoted-name-head",
        Label::Product => "product/quoted-name-head",
        Label::Location => "location/quoted-name-head",
        Label::Law => "law/quoted-name-head",
        Label::Contact => "contact/quoted-number-head",
        _ => "quoted/name-head",
    }
}

fn owner_rule_id(label: Label) -> &'static str {
    match label {
        Label::Project => "project/named-head",
        Label::Event => "event/named-head",
        Label::Art => "art/named-head",
        Label::Facility => "facility/named-head",
        _ => "named/head",
    }
}

impl QuotedRules {
    /// Loads `quoted_heads.tsv` and the name breaks; records the heads' starts in `gates`.
    pub fn new(gates: &mut StartTable) -> Self {
        let mut heads = StemMap::default();
        for row in rows("quoted_heads.tsv", include_str!("data/quoted_heads.tsv")) {
            let label = Label::from_name(row.cell(2))
                .unwrap_or_else(|| row.fail(&format!("unknown class `{}`", row.cell(2))));
            let with_owner = match row.cell(3) {
                "inside" => WithOwner::Inside,
                "adjacent" => WithOwner::Adjacent,
                "name" => WithOwner::Name,
                "no" => WithOwner::No,
                other => row.fail(&format!(
                    "with_owner must be inside/adjacent/name/no, not `{other}`"
                )),
            };
            let head = Head { label, with_owner };
            heads.insert(row.cell(0), (head, true));
            heads.insert(row.cell(1), (head, false));
            let owned = if with_owner == WithOwner::No {
                0
            } else {
                bit::QUOTED_OWNED
            };
            gates.add(&fold_word(row.cell(0)), bit::QUOTED_HEAD | owned);
            gates.add(&fold_word(row.cell(1)), bit::QUOTED_HEAD);
        }
        QuotedRules {
            heads,
            breaks: Breaks::shared(),
        }
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, text: &Text, cands: &Candidates, out: &mut Vec<Entity>, trace: &mut Trace) {
        for i in cands.words(bit::QUOTED_HEAD).filter(|&i| i > 0) {
            // A head makes a name only after a quote, or as the possessive form of a head
            // an owner may name, after a capitalized owner (within the widest reach of
            // [`QuotedRules::owned`]): other heads are not looked up.
            let quote = quote_near(cands, i);
            let may_be_named =
                || cands.has(i, bit::QUOTED_OWNED) && may_be_owned(text, i, Reach::THINGS);
            if !quote && !may_be_named() {
                continue;
            }
            let Some((&(head, possessive), analysis)) = self.heads.word_analysis(text, i) else {
                continue;
            };
            if let Some(q) = quote.then(|| quoted_near(text, i, self.breaks)).flatten() {
                self.quoted_list(text, q, head.label, out, trace);
            } else if analysis.slots & Slot::Plural.bit() != 0 {
                trace.rejected(owner_rule_id(head.label), text.words[i].span, || {
                    "a plural head names no one thing".into()
                });
            } else if possessive {
                self.owned(text, i, head, out, trace);
            }
        }
    }

    /// The quoted name `q` before a head, and the quoted names listed before it
    /// (`«Әміре», «Томирис» картиналары`), all of the head's class.
    fn quoted_list(
        &self,
        text: &Text,
        q: Quoted,
        label: Label,
        out: &mut Vec<Entity>,
        trace: &mut Trace,
    ) {
        let rule = rule_id(label);
        let mut next = Some(q);
        while let Some(q) = next {
            if q.content.is_empty() {
                trace.rejected(rule, q.content, || "empty quotes".into());
                return;
            }
            trace.built(rule, q.content, label);
            out.push(entity(text.text, q.content, label, rule));
            next = text
                .words
                .binary_search_by_key(&q.content.start, |w| w.span.start)
                .ok()
                .and_then(|first| coordinated_before(text, first));
        }
    }

    /// A named thing whose capitalized owner precedes head word `i`.
    fn owned(&self, text: &Text, i: usize, head: Head, out: &mut Vec<Entity>, trace: &mut Trace) {
        let rule = owner_rule_id(head.label);
        let span = match head.with_owner {
            WithOwner::Inside => owner_start(text, i, self.breaks, Reach::THINGS)
                .map(|start| Span::new(start, text.words[i].span.end)),
            WithOwner::Adjacent => owner_start(text, i, self.breaks, Reach::ADJACENT)
                .map(|start| Span::new(start, text.words[i].span.end)),
            WithOwner::Name => owner_start(text, i, self.breaks, Reach::ADJACENT)
                .map(|start| Span::new(start, text.words[i - 1].span.end)),
            WithOwner::No => None,
        };
        if let Some(span) = span {
            trace.built(rule, span, head.label);
            out.push(entity(text.text, span, head.label, rule));
        }
    }
}

/// True when a closing quote stands in a gap [`quoted_near`] reads before head word `i`:
/// a quoted name ends before word `j` only when the gap before `j` holds one.
fn quote_near(cands: &Candidates, i: usize) -> bool {
    let first = i.saturating_sub(MAX_WORDS_BEFORE_HEAD);
    (first..=i).any(|j| cands.has(j, bit::QUOTE_BEFORE))
}

/// The quoted name before head word `i`, directly or across a few lowercase words that
/// modify the head (`«Бастау» халықаралық фестивалі`; not an owner or another head), or
/// name it (`«Жасыл ел» деп аталатын жоба`).
fn quoted_near(text: &Text, i: usize, breaks: &Breaks) -> Option<Quoted> {
    let mut j = i;
    for _ in 0..=MAX_WORDS_BEFORE_HEAD {
        if let Some(q) = quoted_before(text, j) {
            return Some(q);
        }
        if j == 0 || !joinable(text.gap_after(j - 1)) {
            return None;
        }
        j -= 1;
        if breaks.is_naming(text, j) {
            continue;
        }
        if text.words[j].capitalized
            || text.words[j].shape != WordShape::Letters
            || breaks.is_owner_form(text, j)
            || breaks.is_break(text, j)
        {
            return None;
        }
    }
    None
}
