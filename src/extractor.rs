//! The [`Extractor`]: built once (all tables parsed, all patterns compiled), then shared by
//! every worker thread. For each field of an article it segments the text once, runs the
//! numeric and entity rules over the shared words, and resolves overlaps
//! ([`crate::resolve`]).

use std::cell::RefCell;

use crate::article::{Article, Date};
use crate::entities::EntityExtractor;
use crate::facts::{FactContext, NumericExtractor};
use crate::mention::{Entity, Fact};
use crate::record::{write_article, Field, FieldMentions, Record};
use crate::resolve::resolve_in_place;
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
        let mut title = Mentions::default();
        let mut body = Mentions::default();
        self.analyze_article(article, &mut title, &mut body);
        let mut record = Record::new(
            article.id.clone(),
            article.source.clone(),
            article.date.clone(),
            article.title.clone(),
        );
        if let Some(text) = article.title.as_deref() {
            record.push_field(Field::Title, text, title.facts, title.entities);
        }
        record.push_field(Field::Text, &article.text, body.facts, body.entities);
        record
    }

    /// Analyzes one article and appends its record (no newline) to `out`: the same bytes as
    /// `write_record(out, &self.extract(article))`, written straight from the mentions (held
    /// in per-thread buffers reused from article to article). Returns the numbers of facts
    /// and entities written.
    pub fn write_json(&self, article: &Article, out: &mut Vec<u8>) -> (usize, usize) {
        thread_local! {
            static BUFFERS: RefCell<(Mentions, Mentions)> = RefCell::default();
        }
        BUFFERS.with(|buffers| {
            let (title, body) = &mut *buffers.borrow_mut();
            // Cleared first, so that nothing of an article whose extraction panicked (see
            // `pipeline`) is left for the next one.
            title.clear();
            body.clear();
            self.analyze_article(article, title, body);
            let body_field = FieldMentions {
                field: Field::Text,
                text: &article.text,
                facts: &body.facts,
                entities: &body.entities,
            };
            let counts = (
                title.facts.len() + body.facts.len(),
                title.entities.len() + body.entities.len(),
            );
            match article.title.as_deref() {
                Some(text) => {
                    let title_field = FieldMentions {
                        field: Field::Title,
                        text,
                        facts: &title.facts,
                        entities: &title.entities,
                    };
                    write_article(out, article, &[title_field, body_field]);
                }
                None => write_article(out, article, &[body_field]),
            }
            counts
        })
    }

    /// Analyzes the title (when present) into `title` and the body into `body` (both empty
    /// on entry), and links abbreviations across them.
    fn analyze_article(&self, article: &Article, title: &mut Mentions, body: &mut Mentions) {
        let context = FactContext {
            article_date: article.date.as_deref().and_then(Date::parse_iso),
        };
        let mut trace = Trace::disabled();
        if let Some(text) = article.title.as_deref() {
            self.analyze(text, &context, &mut trace, title);
        }
        self.analyze(&article.text, &context, &mut trace, body);
        let mut fields: Vec<(&str, &mut Vec<Entity>)> = Vec::with_capacity(2);
        if let Some(text) = article.title.as_deref() {
            fields.push((text, &mut title.entities));
        }
        fields.push((&article.text, &mut body.entities));
        self.entities.link_abbreviations(&mut fields);
    }

    /// Analyzes one field of text (dated `date` for relative dates) and traces every rule.
    pub fn explain(&self, text: &str, date: Option<Date>) -> Explanation {
        let context = FactContext { article_date: date };
        let mut trace = Trace::enabled();
        let mut found = Mentions::default();
        self.analyze(text, &context, &mut trace, &mut found);
        self.entities
            .link_abbreviations(&mut [(text, &mut found.entities)]);
        Explanation {
            facts: found.facts,
            entities: found.entities,
            trace,
        }
    }

    /// Runs every rule over `text` and keeps the overlap winners in `found` (empty on entry).
    fn analyze(&self, text: &str, context: &FactContext, trace: &mut Trace, found: &mut Mentions) {
        let words = Text::new(text);
        self.numeric
            .extract(&words, context, &mut found.facts, trace);
        self.entities.extract(&words, &mut found.entities, trace);
        resolve_in_place(&mut found.facts, &mut found.entities, trace);
    }
}

/// The mentions of one field.
#[derive(Default)]
struct Mentions {
    facts: Vec<Fact>,
    entities: Vec<Entity>,
}

impl Mentions {
    /// Empties both lists, keeping their capacity.
    fn clear(&mut self) {
        self.facts.clear();
        self.entities.clear();
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}
