//! Quoted names «…» classified by the generic head noun after them (`quoted_heads.tsv`):
//! `«Нұрлы жер» бағдарламасы` is PROJECT, `«Абай жолы» романы` ART, `«102» нөміріне`
//! CONTACT. The span is the quote content (KazNERD keeps guillemets and head outside).
//! Organisation heads are handled by [`super::org`].

use crate::mention::{Entity, Label};
use crate::text::Text;
use crate::trace::Trace;

use super::extent::{entity, quoted_before};
use super::lexicon::StemMap;
use super::table::rows;

/// The rules of this class, built once.
pub struct QuotedRules {
    heads: StemMap<Label>,
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

impl QuotedRules {
    /// Loads `quoted_heads.tsv`.
    pub fn new() -> Self {
        let mut heads = StemMap::default();
        for row in rows("quoted_heads.tsv", include_str!("data/quoted_heads.tsv")) {
            let label = Label::from_name(row.cell(2))
                .unwrap_or_else(|| row.fail(&format!("unknown class `{}`", row.cell(2))));
            heads.insert(row.cell(0), label);
            heads.insert(row.cell(1), label);
        }
        QuotedRules { heads }
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, text: &Text, out: &mut Vec<Entity>, trace: &mut Trace) {
        for i in 1..text.words.len() {
            let Some(&label) = self.heads.word(text, i) else {
                continue;
            };
            let Some(q) = quoted_before(text, i) else {
                continue;
            };
            let rule = rule_id(label);
            if q.content.is_empty() {
                trace.rejected(rule, q.content, || "empty quotes".into());
                continue;
            }
            trace.built(rule, q.content, label);
            out.push(entity(text.text, q.content, label, rule));
        }
    }
}

impl Default for QuotedRules {
    fn default() -> Self {
        QuotedRules::new()
    }
}
