//! Evaluation against gold annotations and CoNLL IOB2 data (`kazfacts eval`).
//!
//! ```text
//! IOB2 sentences --detok--> text --predict--> byte spans --token_range--> token items --+
//!                                                                                        +--> Scores
//! gold TSV rows  --locate--> byte spans -------------------------------------------------+
//! ```
//!
//! [`score`] matches mentions and counts P/R/F1; [`detok`] and [`conll`] handle KazNERD;
//! [`errors`] renders misses and false alarms with context; [`report`] prints tables and JSON.

pub mod articles;
pub mod conll;
pub mod conll_eval;
pub mod detok;
pub mod errors;
pub mod floors;
pub mod gold;
pub mod gold_eval;
pub mod report;
pub mod score;

use std::collections::BTreeSet;

use crate::mention::Label;
use crate::record::{Field, Record};
use crate::text::Span;
use crate::Extractor;
use gold::Attrs;

/// A predicted mention over the bytes of a text, with the rule that built it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Predicted {
    /// KazNERD class.
    pub label: Label,
    /// Byte range in the text.
    pub span: Span,
    /// Rule id (empty when unknown).
    pub rule: String,
}

/// The mentions the extractor finds in the body of a one-field article made of `text`.
pub fn predict(extractor: &Extractor, text: &str) -> Vec<Predicted> {
    let article = crate::Article {
        text: text.to_owned(),
        ..crate::Article::default()
    };
    mentions_of(&extractor.extract(&article), Field::Text)
        .into_iter()
        .map(|(predicted, _)| predicted)
        .collect()
}

/// Every fact and entity of one field of a record, with its normalized fields.
pub fn mentions_of(record: &Record, field: Field) -> Vec<(Predicted, Attrs)> {
    let facts = record
        .facts
        .iter()
        .map(|f| (f.label, &f.location, &f.rule, Attrs::of_fact(f)));
    let entities = record
        .entities
        .iter()
        .map(|e| (e.label, &e.location, &e.rule, Attrs::of_entity(e)));
    facts
        .chain(entities)
        .filter(|(_, location, _, _)| location.field == field)
        .map(|(label, location, rule, attrs)| {
            let predicted = Predicted {
                label,
                span: Span::new(location.byte_start, location.byte_end),
                rule: rule.to_string(),
            };
            (predicted, attrs)
        })
        .collect()
}

/// Which classes to score (`--labels`); empty means all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LabelFilter {
    only: BTreeSet<Label>,
}

impl LabelFilter {
    /// Parses class names (`CARDINAL`, `GPE`…); an unknown name is an error.
    pub fn parse<S: AsRef<str>>(names: &[S]) -> Result<LabelFilter, String> {
        let mut only = BTreeSet::new();
        for name in names {
            let name = name.as_ref().trim();
            let label = Label::from_name(name).ok_or_else(|| format!("unknown class {name:?}"))?;
            only.insert(label);
        }
        Ok(LabelFilter { only })
    }

    /// True when `label` is scored.
    pub fn allows(&self, label: Label) -> bool {
        self.only.is_empty() || self.only.contains(&label)
    }
}
