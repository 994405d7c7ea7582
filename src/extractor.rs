//! The [`Extractor`]: built once (all tables parsed, all patterns compiled), then shared by
//! every worker thread. For each field of an article it segments the text once, runs the
//! numeric and entity rules over the shared words, and resolves overlaps
//! ([`crate::resolve`]).

use crate::article::{Article, Date};
use crate::entities::EntityExtractor;
use crate::facts::{FactContext, NumericExtractor};
use crate::mention::{Entity, Fact};
use crate::record::{Field, Record};
use crate::resolve::{resolve, Candidate};
use crate::text::Text;
use crate::trace::Trace;

/// All extractors, ready to run. `Sync`: share one across threads.
pub struct Extractor {
    numeric: NumericExtractor,
    entities: EntityExtractor,
}

/// The result of one field with the trace of every rule event (for `explain`).
pub struct Explanation {
    /// Facts kept after overlap resolution.
    pub facts: Vec<Fact>,
    /// Entities kept after overlap resolution.
    pub entities: Vec<Entity>,
    /// Every candidate built, rejected or overlapped, in report order.
    pub trace: Trace,
}

impl Extractor {
    /// Builds every extractor from the bundled tables.
    pub fn new() -> Self {
        Extractor {
            numeric: NumericExtractor::new(),
            entities: EntityExtractor::new(),
        }
    }

    /// Analyzes one article: title (when present) and body.
    pub fn extract(&self, article: &Article) -> Record {
        let context = FactContext {
            article_date: article.date.as_deref().and_then(Date::parse_iso),
        };
        let mut trace = Trace::disabled();
        let mut record = Record::new(
            article.id.clone(),
            article.source.clone(),
            article.date.clone(),
            article.title.clone(),
        );
        let mut title = article
            .title
            .as_deref()
            .map(|t| (t, self.analyze(t, &context, &mut trace)));
        let (body_facts, mut body_entities) = self.analyze(&article.text, &context, &mut trace);
        {
            let mut fields: Vec<(&str, &mut Vec<Entity>)> = Vec::with_capacity(2);
            if let Some((text, (_, entities))) = title.as_mut() {
                fields.push((text, entities));
            }
            fields.push((&article.text, &mut body_entities));
            self.entities.link_abbreviations(&mut fields);
        }
        if let Some((text, (facts, entities))) = title {
            record.push_field(Field::Title, text, facts, entities);
        }
        record.push_field(Field::Text, &article.text, body_facts, body_entities);
        record
    }

    /// Analyzes one field of text (dated `date` for relative dates) and traces every rule.
    pub fn explain(&self, text: &str, date: Option<Date>) -> Explanation {
        let context = FactContext { article_date: date };
        let mut trace = Trace::enabled();
        let (facts, mut entities) = self.analyze(text, &context, &mut trace);
        self.entities
            .link_abbreviations(&mut [(text, &mut entities)]);
        Explanation {
            facts,
            entities,
            trace,
        }
    }

    fn analyze(
        &self,
        text: &str,
        context: &FactContext,
        trace: &mut Trace,
    ) -> (Vec<Fact>, Vec<Entity>) {
        let words = Text::new(text);
        let mut facts = Vec::new();
        self.numeric.extract(&words, context, &mut facts, trace);
        let mut entities = Vec::new();
        self.entities.extract(&words, &mut entities, trace);
        let candidates = facts
            .into_iter()
            .map(Candidate::Fact)
            .chain(entities.into_iter().map(Candidate::Entity))
            .collect();
        resolve(candidates, trace)
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}
