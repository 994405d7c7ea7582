//! Organisations built around a descriptor head (`org_markers.tsv`): the named modifiers to
//! its left join the span (`Ішкі істер министрлігінде`, `Алматы қаласының әкімдігі`); after a
//! quoted name only the quote content is the name (`«Хабар» агенттігі`) unless the head is
//! a legal form (`«Қазақстан алюминийі» АҚ`); and `Full Name (ABBR)` tags the abbreviation.
//! Known bodies by name are in [`super::known`].

use crate::mention::{Entity, Label};
use crate::text::fold::fold_word;
use crate::text::{Span, Text};
use crate::trace::Trace;

use crate::morph::suffixes::Slot;

use super::breaks::Breaks;
use super::extent::{entity, owner_start, Reach};
use super::gate::{bit, Candidates, StartTable};
use super::lexicon::{joinable, StemMap};
use super::place::place_names;
use super::quotes::{bracketed_abbreviation, quote_opening_at, quoted_before};
use super::table::rows;

#[derive(Clone, Copy, PartialEq, Eq)]
enum AfterQuote {
    /// A descriptor kept outside a quoted name, and heading unquoted names.
    Outside,
    /// A legal form, kept with the quoted name.
    Inside,
    /// A descriptor only after a quoted name.
    Quoted,
}

/// The rules of this class, built once.
pub struct OrgRules {
    /// Descriptors in the possessive form names use (`министрлігі`), and legal forms.
    markers: StemMap<AfterQuote>,
    /// Bare descriptors (`компания`, `орталық`): too generic to end a name by themselves,
    /// they only follow a quoted name (`«Алтын» компания`).
    bare: StemMap<AfterQuote>,
    adjective_endings: Vec<String>,
    breaks: &'static Breaks,
}

impl OrgRules {
    /// Loads `org_markers.tsv` and the name breaks; records the descriptors' starts in
    /// `gates`.
    pub fn new(gates: &mut StartTable) -> Self {
        let mut markers = StemMap::default();
        let mut bare = StemMap::default();
        for row in rows("org_markers.tsv", include_str!("data/org_markers.tsv")) {
            let after = match row.cell(2) {
                "outside" => AfterQuote::Outside,
                "inside" => AfterQuote::Inside,
                "quoted" => AfterQuote::Quoted,
                other => row.fail(&format!(
                    "after_quote must be outside/inside/quoted, not `{other}`"
                )),
            };
            markers.insert(row.cell(0), after);
            gates.add(&fold_word(row.cell(0)), bit::ORG_MARKER);
            if after != AfterQuote::Inside {
                bare.insert(row.cell(1), after);
                gates.add(&fold_word(row.cell(1)), bit::ORG_BARE);
            }
        }
        let adjective_endings = rows(
            "org_adjective_endings.tsv",
            include_str!("data/org_adjective_endings.tsv"),
        )
        .map(|row| fold_word(row.cell(0)))
        .collect();
        OrgRules {
            markers,
            bare,
            adjective_endings,
            breaks: Breaks::shared(),
        }
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, text: &Text, cands: &Candidates, out: &mut Vec<Entity>, trace: &mut Trace) {
        let mask = bit::ORG_MARKER | bit::ORG_BARE | bit::QUOTE_BEFORE;
        for i in cands.words(mask) {
            let head = text.words[i].span;
            let marker = if cands.has(i, bit::ORG_MARKER) {
                self.markers.word_analysis(text, i)
            } else {
                None
            };
            let quoted = if cands.has(i, bit::QUOTE_BEFORE) {
                quoted_before(text, i)
            } else {
                None
            };
            if let Some(q) = quoted {
                let found = match marker {
                    Some((AfterQuote::Inside, _)) if is_upper(text.surface(i)) => {
                        Some((Span::new(q.open, head.end), "org/quoted-name-legal-form"))
                    }
                    Some((AfterQuote::Outside | AfterQuote::Quoted, _)) => {
                        Some((q.content, "org/quoted-name-marker"))
                    }
                    _ if cands.has(i, bit::ORG_BARE) => self
                        .bare
                        .word(text, i)
                        .map(|_| (q.content, "org/quoted-name-marker")),
                    _ => None,
                };
                if let Some((span, rule)) = found {
                    self.push(text, span, head.end, rule, out, trace);
                }
                continue;
            }
            let Some((&after, analysis)) = marker else {
                if cands.has(i, bit::ORG_BARE) {
                    self.bare_after_adjective(text, i, out, trace);
                }
                continue;
            };
            let rule = "org/named-marker";
            if after == AfterQuote::Quoted
                || (after == AfterQuote::Inside && !is_upper(text.surface(i)))
            {
                continue;
            }
            if analysis.slots & Slot::Plural.bit() != 0 {
                trace.rejected(rule, head, || "a plural descriptor names a group".into());
                continue;
            }
            match owner_start(text, i, self.breaks, Reach::NAMES) {
                Some(start) => {
                    // KazNERD keeps a quoted or Latin name alone, the descriptor and its
                    // modifiers outside (`«Атамекен» кәсіпкерлер палатасы`).
                    if let Some(q) = quote_opening_at(text, start, i) {
                        self.push(
                            text,
                            q.content,
                            head.end,
                            "org/quoted-name-modifiers-marker",
                            out,
                            trace,
                        )
                    } else if let Some(name) = latin_name(text, start, i) {
                        self.push(text, name, head.end, "org/latin-name-marker", out, trace)
                    } else if is_listed_place(text, start, i) {
                        trace.rejected(rule, Span::new(start, head.end), || {
                            "the whole name is a listed place (`Ресей Федерациясы`)".into()
                        });
                    } else {
                        self.push(text, Span::new(start, head.end), head.end, rule, out, trace)
                    }
                }
                None => trace.rejected(rule, head, || {
                    "no capitalized name owns the descriptor".into()
                }),
            }
        }
    }

    /// A bare descriptor right after a capitalized relational adjective inside a sentence,
    /// which may follow other capitalized words: `Ұлттық кеңес`, `Жоғарғы Еуразиялық
    /// кеңестің`. Quote-only descriptors (`орталық`) do not count.
    fn bare_after_adjective(
        &self,
        text: &Text,
        i: usize,
        out: &mut Vec<Entity>,
        trace: &mut Trace,
    ) {
        let adjective = i.checked_sub(1).filter(|&k| {
            let norm = text.norm(k);
            text.words[k].capitalized
                && !text.words[k].sentence_start
                && !text.words[i].capitalized
                && joinable(text.gap_after(k))
                && self
                    .adjective_endings
                    .iter()
                    .any(|e| norm.ends_with(e.as_str()))
        });
        if adjective.is_none() || self.bare.word(text, i) != Some(&AfterQuote::Outside) {
            return;
        }
        if let Some(start) = owner_start(text, i, self.breaks, Reach::ADJACENT) {
            let span = Span::new(start, text.words[i].span.end);
            self.push(
                text,
                span,
                span.end,
                "org/adjective-bare-descriptor",
                out,
                trace,
            );
        }
    }

    /// Adds the organisation at `span`, and the abbreviation in brackets after the whole
    /// phrase (ending at `phrase_end`, the descriptor included) when there is one.
    fn push(
        &self,
        text: &Text,
        span: Span,
        phrase_end: usize,
        rule: &'static str,
        out: &mut Vec<Entity>,
        trace: &mut Trace,
    ) {
        trace.built(rule, span, Label::Organisation);
        out.push(entity(text.text, span, Label::Organisation, rule));
        if let Some(abbr) = bracketed_abbreviation(text, phrase_end) {
            let rule = "org/bracketed-abbreviation";
            trace.built(rule, abbr, Label::Organisation);
            out.push(entity(text.text, abbr, Label::Organisation, rule));
        }
    }
}

/// The owner from byte `start` to word `head` when it is written wholly in Latin script
/// (`PetroRetail серіктестігі`): such names are treated like quoted names, and the
/// descriptor stays outside.
fn latin_name(text: &Text, start: usize, head: usize) -> Option<Span> {
    let last = head.checked_sub(1)?;
    let span = Span::new(start, text.words[last].span.end);
    span.slice(text.text).is_ascii().then_some(span)
}

/// True for a word written in capitals (`АҚ`, not the adjective `ақ`).
fn is_upper(word: &str) -> bool {
    !word.chars().any(char::is_lowercase)
}

/// True when the words from byte `start` to word `last` are exactly one gazetteer place
/// name (`Ресей Федерациясы` is a state, not an organisation named by `федерация`).
fn is_listed_place(text: &Text, start: usize, last: usize) -> bool {
    let first = text.words.partition_point(|w| w.span.start < start);
    first < last
        && place_names()
            .longest_at(text, first)
            .is_some_and(|m| m.last == last && m.values.iter().any(|p| p.stands_alone()))
}
