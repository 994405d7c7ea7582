//! Positions (`positions.tsv`): unique offices and ranks are tagged alone (`Президент`,
//! `майор`) and take a named owner when one precedes them (`Қазақстанның Тұңғыш
//! Президенті`); ordinary posts need a named owner (`Алматы қаласының әкімі`, while `қала
//! әкімі` is O); titles after a name stand alone (`Абылай [хан]`). The owner chain crosses
//! genitive links and quoted names (`«Нұр Отан» партиясы төрағасының орынбасары`).

use crate::mention::{Entity, Label};
use crate::text::fold::fold_word;
use crate::text::{Span, Text};
use crate::trace::Trace;

use crate::morph::suffixes::Slot;

use super::breaks::Breaks;
use super::extent::{entity, owner_start, Reach};
use super::gate::{bit, Candidates, StartTable};
use super::lexicon::{joinable, StemMap};
use super::table::rows;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Alone,
    Owned,
    Title,
}

/// The rules of this class, built once.
pub struct PositionRules {
    heads: StemMap<Kind>,
    breaks: &'static Breaks,
}

impl PositionRules {
    /// Loads `positions.tsv` and the name breaks; records the heads' starts in `gates`.
    pub fn new(gates: &mut StartTable) -> Self {
        let mut heads = StemMap::default();
        for row in rows("positions.tsv", include_str!("data/positions.tsv")) {
            let kind = match row.cell(2) {
                "alone" => Kind::Alone,
                "owned" => Kind::Owned,
                "title" => Kind::Title,
                other => row.fail(&format!("kind must be alone/owned/title, not `{other}`")),
            };
            for form in [row.cell(0), row.cell(1)] {
                heads.insert(form, kind);
                gates.add(&fold_word(form), bit::POSITION);
            }
        }
        PositionRules {
            heads,
            breaks: Breaks::shared(),
        }
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, text: &Text, cands: &Candidates, out: &mut Vec<Entity>, trace: &mut Trace) {
        for i in cands.words(bit::POSITION) {
            let Some((&kind, analysis)) = self.heads.word_analysis(text, i) else {
                continue;
            };
            let head = text.words[i].span;
            if analysis.slots & Slot::Plural.bit() != 0 {
                trace.rejected("position/office", head, || "a plural names a group".into());
                continue;
            }
            let found = match kind {
                Kind::Alone => {
                    let start =
                        owner_start(text, i, self.breaks, Reach::ADJACENT).unwrap_or(head.start);
                    Some((start, "position/office"))
                }
                Kind::Owned => owner_start(text, i, self.breaks, Reach::POSTS)
                    .map(|s| (s, "position/owned-post")),
                Kind::Title => {
                    after_name(text, i).then_some((head.start, "position/title-after-name"))
                }
            };
            match found {
                Some((start, rule)) => {
                    let span = Span::new(start, head.end);
                    trace.built(rule, span, Label::Position);
                    out.push(entity(text.text, span, Label::Position, rule));
                }
                None => trace.rejected("position/owned-post", head, || {
                    "a generic post without a named owner is O".into()
                }),
            }
        }
    }
}

/// True when word `i` directly follows a capitalized word (a name) in the same sentence.
fn after_name(text: &Text, i: usize) -> bool {
    i > 0
        && text.words[i - 1].capitalized
        && !text.words[i].capitalized
        && joinable(text.gap_after(i - 1))
}
