//! The output format `kazfacts/1`: one JSON object per article, one per line (JSONL), in
//! input order. This module doc is the specification; `schema/kazfacts-1.schema.json` is its
//! machine-checkable form and a test validates real output against it.
//!
//! ```json
//! {"schema":"kazfacts/1","id":"…","source":"corpus/articles/x.txt","date":"2026-01-10",
//!  "title":"…","facts":[…],"entities":[…],"error":null}
//! ```
//!
//! * `id`: the JSONL id field, else the file stem (`.txt`) or `<file>:<line>` (JSONL).
//! * `source`: the path (`-` for stdin) and, for JSONL, `:<line>` (1-based).
//! * `date`, `title`: as read, or `null`.
//! * `facts`, `entities`: sorted by `field` (`title` first) then `start`; never overlapping
//!   within a field (the overlap policy is [`crate::resolve`]).
//! * `error`: `null`, or `{"kind": …, "message": …}` when the article could not be read or
//!   its extraction failed; such a record has empty `facts` and `entities`. Kinds: `io`,
//!   `invalid_utf8`, `empty`, `binary`, `json`, `missing_field`, `gzip`, `too_large`, and
//!   `internal` (a bug in a rule panicked on this article; the run goes on).
//!
//! Every fact and entity has:
//! * `label`: a KazNERD class name; `field`: `"text"` or `"title"`;
//! * `text`: the exact surface; `start`, `end`: **Unicode code-point offsets, end exclusive**
//!   into that field, so Python's `field[start:end] == text`; `byte_start`, `byte_end`: the
//!   same in UTF-8 bytes, for Rust consumers. For JSONL input the field is the JSON string
//!   value exactly as decoded.
//! * `rule`: the id of the rule that built it (see `kazfacts explain`).
//!
//! Facts add `value`, `low`, `high` (JSON numbers, full magnitude, `.` decimal), `unit`
//! (symbol such as `kg`, `km`, `%`, `times`, or an ISO 4217 code such as `KZT`), `qualifier`
//! (`exact`, `about`, `more_than`, `less_than`, `nearly`, `up_to`, `at_least`, `at_most`),
//! `object` (the counted noun, canonical form), `change` (`{"direction": "increase" |
//! "decrease", "relation": "by" | "to"}`) and `iso` (ISO 8601 date, month, year or
//! `HH:MM`); absent values are `null`. Entities add `lemma` (canonical uninflected form) and
//! `expansion` (an abbreviation's full name when the article gives it, else `null`).

mod json;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

pub use json::write_record;

use crate::article::Article;
use crate::mention::{Change, Entity, Fact, Label, Qualifier};
use crate::text::{CharOffsets, Span};
use json::{At, EntityView, FactView, Header, RuleId};

/// The schema tag written in every record.
pub const SCHEMA: &str = "kazfacts/1";

/// Which field of the article a span indexes into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The headline.
    Title,
    /// The body.
    Text,
}

/// Offsets of a mention in code points and bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The field the offsets index into.
    pub field: Field,
    /// Exact surface text.
    pub text: String,
    /// Code-point start.
    pub start: usize,
    /// Code-point end, exclusive.
    pub end: usize,
    /// Byte start.
    pub byte_start: usize,
    /// Byte end, exclusive.
    pub byte_end: usize,
}

impl Location {
    fn new(field: Field, text: &str, span: Span, offsets: &mut CharOffsets<'_>) -> Self {
        let chars = [
            offsets.char_offset(span.start),
            offsets.char_offset(span.end),
        ];
        let at = At::new(field, text, span, chars);
        Location {
            field,
            text: at.text.to_owned(),
            start: at.start,
            end: at.end,
            byte_start: at.byte_start,
            byte_end: at.byte_end,
        }
    }
}

impl<'a> At<'a> {
    /// Where `span` of the field `text` is; `chars` are its code-point offsets.
    fn new(field: Field, text: &'a str, span: Span, chars: [usize; 2]) -> Self {
        At {
            field,
            text: span.slice(text),
            start: chars[0],
            end: chars[1],
            byte_start: span.start,
            byte_end: span.end,
        }
    }
}

/// A numeric fact as written to the output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactRecord {
    /// KazNERD class.
    pub label: Label,
    /// Where it is.
    #[serde(flatten)]
    pub location: Location,
    /// Normalized value.
    pub value: Option<f64>,
    /// Range start.
    pub low: Option<f64>,
    /// Range end.
    pub high: Option<f64>,
    /// Canonical unit or currency code.
    pub unit: Option<String>,
    /// Bound given by the text.
    pub qualifier: Qualifier,
    /// Counted noun, canonical.
    pub object: Option<String>,
    /// Rise or fall.
    pub change: Option<Change>,
    /// ISO 8601 form.
    pub iso: Option<String>,
    /// Building rule id (borrowed from the rule tables when built, owned when read back).
    pub rule: Cow<'static, str>,
}

/// A named entity as written to the output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    /// KazNERD class.
    pub label: Label,
    /// Where it is.
    #[serde(flatten)]
    pub location: Location,
    /// Canonical form.
    pub lemma: String,
    /// Full name of an abbreviation.
    pub expansion: Option<String>,
    /// Building rule id (borrowed from the rule tables when built, owned when read back).
    pub rule: Cow<'static, str>,
}

/// Why an article produced no analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordError {
    /// Stable machine-readable kind (see the module doc).
    pub kind: String,
    /// Human-readable message naming the source (and line).
    pub message: String,
}

/// One output line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Article id.
    pub id: String,
    /// Article source.
    pub source: String,
    /// Publication date.
    pub date: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Numeric facts.
    pub facts: Vec<FactRecord>,
    /// Named entities.
    pub entities: Vec<EntityRecord>,
    /// Set when the article could not be read.
    pub error: Option<RecordError>,
}

impl Record {
    /// An empty successful record.
    pub fn new(id: String, source: String, date: Option<String>, title: Option<String>) -> Self {
        Record {
            schema: SCHEMA.to_owned(),
            id,
            source,
            date,
            title,
            facts: Vec::new(),
            entities: Vec::new(),
            error: None,
        }
    }

    /// The record of an article that failed with `kind` and `message`.
    pub fn failed(id: String, source: String, kind: &str, message: String) -> Self {
        let mut record = Record::new(id, source, None, None);
        record.error = Some(RecordError {
            kind: kind.to_owned(),
            message,
        });
        record
    }

    /// Appends the facts and entities of one field (each list sorted by start), moving their
    /// strings into the record.
    pub fn push_field(
        &mut self,
        field: Field,
        text: &str,
        facts: Vec<Fact>,
        entities: Vec<Entity>,
    ) {
        let mut offsets = CharOffsets::new(text);
        self.facts.extend(facts.into_iter().map(|f| FactRecord {
            label: f.label,
            location: Location::new(field, text, f.span, &mut offsets),
            value: f.value,
            low: f.low,
            high: f.high,
            unit: f.unit,
            qualifier: f.qualifier,
            object: f.object,
            change: f.change,
            iso: f.iso,
            rule: Cow::Borrowed(f.rule),
        }));
        let mut offsets = CharOffsets::new(text);
        self.entities
            .extend(entities.into_iter().map(|e| EntityRecord {
                label: e.label,
                location: Location::new(field, text, e.span, &mut offsets),
                lemma: e.lemma,
                expansion: e.expansion,
                rule: Cow::Borrowed(e.rule),
            }));
    }
}

/// The resolved mentions of one field of an article, each list sorted by start.
#[derive(Debug, Clone, Copy)]
pub struct FieldMentions<'a> {
    /// Which field.
    pub field: Field,
    /// Its text.
    pub text: &'a str,
    /// Its facts.
    pub facts: &'a [Fact],
    /// Its entities.
    pub entities: &'a [Entity],
}

/// Appends the record of `article` with the mentions of `fields` (title first) to `out`, as
/// one JSON object (no newline): the bytes [`write_record`] gives for the record that
/// [`Record::new`] and [`Record::push_field`] would build, written straight from the
/// mentions without copying their strings.
pub fn write_article(out: &mut Vec<u8>, article: &Article, fields: &[FieldMentions<'_>]) {
    json::header(
        out,
        &Header {
            schema: SCHEMA,
            id: &article.id,
            source: &article.source,
            date: article.date.as_deref(),
            title: article.title.as_deref(),
        },
    );
    // Code-point offsets of the facts of one field, and of the entities of every field.
    let most_facts = fields.iter().map(|m| m.facts.len()).max().unwrap_or(0);
    let mut fact_chars = Vec::with_capacity(most_facts);
    let mut entity_chars = Vec::with_capacity(fields.iter().map(|m| m.entities.len()).sum());
    let mut k = 0;
    for m in fields {
        fact_chars.clear();
        char_offsets(m, &mut fact_chars, &mut entity_chars);
        for (f, &chars) in m.facts.iter().zip(&fact_chars) {
            let view = FactView {
                label: f.label,
                at: At::new(m.field, m.text, f.span, chars),
                value: f.value,
                low: f.low,
                high: f.high,
                unit: f.unit.as_deref(),
                qualifier: f.qualifier,
                object: f.object.as_deref(),
                change: f.change,
                iso: f.iso.as_deref(),
                rule: RuleId::Literal(f.rule),
            };
            json::fact(out, k, &view);
            k += 1;
        }
    }
    json::between_lists(out);
    let entities = fields
        .iter()
        .flat_map(|m| m.entities.iter().map(move |e| (m, e)));
    for (k, ((m, e), &chars)) in entities.zip(&entity_chars).enumerate() {
        let view = EntityView {
            label: e.label,
            at: At::new(m.field, m.text, e.span, chars),
            lemma: &e.lemma,
            expansion: e.expansion.as_deref(),
            rule: RuleId::Literal(e.rule),
        };
        json::entity(out, k, &view);
    }
    json::footer(out, None);
}

/// Appends the code-point offsets (start, end) of the facts and of the entities of one
/// field to `facts` and `entities`, counting through the text once: the two lists are
/// walked together by start.
fn char_offsets(
    m: &FieldMentions<'_>,
    facts: &mut Vec<[usize; 2]>,
    entities: &mut Vec<[usize; 2]>,
) {
    let mut offsets = CharOffsets::new(m.text);
    let mut chars = |span: Span| {
        [
            offsets.char_offset(span.start),
            offsets.char_offset(span.end),
        ]
    };
    let (mut f, mut e) = (0, 0);
    loop {
        match (m.facts.get(f), m.entities.get(e)) {
            (Some(x), Some(y)) if x.span.start <= y.span.start => {
                facts.push(chars(x.span));
                f += 1;
            }
            (_, Some(y)) => {
                entities.push(chars(y.span));
                e += 1;
            }
            (Some(x), None) => {
                facts.push(chars(x.span));
                f += 1;
            }
            (None, None) => return,
        }
    }
}
