//! Scores predictions against our gold: strict and relaxed P/R/F1 per class over each field's
//! byte spans, and the accuracy of the normalized fields on strictly matched mentions.
//! An attribute is scored on a match when either side states it (for `lemma`: when gold
//! states it), so a wrong extra `unit` counts as an error.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use crate::mention::Label;
use crate::record::{Field, Record};
use crate::Article;

use super::articles::{files_with_extension, read_article, stem};
use super::errors::{bracketed, missed_note, spurious_note, ErrorKind, ErrorRow, CONTEXT_CHARS};
use super::gold::{load, Attrs, GoldError, GoldMention};
use super::score::{Item, Scores};
use super::{mentions_of, LabelFilter};

/// An article with its located gold.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    /// The article as read.
    pub article: Article,
    /// Gold file path.
    pub gold_file: String,
    /// Its gold mentions, per field in document order.
    pub gold: Vec<GoldMention>,
}

/// A corpus loaded from `articles/` and `gold/`.
#[derive(Debug, Clone, Default)]
pub struct GoldCorpus {
    /// Articles that have a gold file, by name.
    pub articles: Vec<GoldArticle>,
    /// Problems in the gold (fail the run).
    pub errors: Vec<GoldError>,
    /// Articles without gold (skipped, reported).
    pub unannotated: Vec<String>,
}

/// Reads every `NNN_slug.txt` of `articles` with its `NNN_slug.tsv` in `gold`.
pub fn load_corpus(articles: &Path, gold: &Path) -> std::io::Result<GoldCorpus> {
    let mut corpus = GoldCorpus::default();
    let texts = files_with_extension(articles, "txt")?;
    let mut gold_files: BTreeMap<String, std::path::PathBuf> = files_with_extension(gold, "tsv")?
        .into_iter()
        .map(|p| (stem(&p), p))
        .collect();
    for path in texts {
        let id = stem(&path);
        let Some(gold_path) = gold_files.remove(&id) else {
            corpus.unannotated.push(path.display().to_string());
            continue;
        };
        let article = match read_article(&path) {
            Ok(article) => article,
            Err(message) => {
                corpus.errors.push(GoldError {
                    file: path.display().to_string(),
                    line: 0,
                    message,
                });
                continue;
            }
        };
        let gold_file = gold_path.display().to_string();
        let (mentions, errors) = load(&std::fs::read_to_string(&gold_path)?, &gold_file, &article);
        corpus.errors.extend(errors);
        corpus.articles.push(GoldArticle {
            article,
            gold_file,
            gold: mentions,
        });
    }
    corpus
        .errors
        .extend(gold_files.into_values().map(|p| GoldError {
            file: p.display().to_string(),
            line: 0,
            message: "no article with this name".to_owned(),
        }));
    Ok(corpus)
}

/// Correct / scored counts of one normalized field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct AttrTally {
    /// Matches where the field agrees.
    pub correct: usize,
    /// Matches where the field is scored.
    pub total: usize,
}

impl AttrTally {
    fn add(&mut self, other: AttrTally) {
        self.correct += other.correct;
        self.total += other.total;
    }

    /// correct / total (0 when nothing was scored).
    pub fn accuracy(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }
}

/// The result of a gold evaluation.
#[derive(Debug, Clone, Default)]
pub struct GoldOutcome {
    /// Counts per class.
    pub scores: Scores,
    /// Accuracy per normalized field (`value`, `unit`, `qualifier`, …).
    pub attributes: BTreeMap<&'static str, AttrTally>,
    /// The same per class.
    pub attributes_by_label: BTreeMap<(Label, &'static str), AttrTally>,
    /// Misses, false alarms and wrong values (empty unless asked for).
    pub errors: Vec<ErrorRow>,
    /// Articles scored.
    pub articles: usize,
    /// Whitespace-separated words in their titles and bodies.
    pub words: usize,
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        _ => false,
    }
}

fn number(n: Option<f64>) -> String {
    n.map_or_else(|| "—".to_owned(), |n| n.to_string())
}

fn shown(x: Option<&str>) -> &str {
    x.unwrap_or("—")
}

/// Compares the normalized fields; yields (name, correct, how gold and prediction differ)
/// for each field scored on this match.
fn compare(gold: &Attrs, got: &Attrs) -> Vec<(&'static str, bool, String)> {
    let mut out = Vec::new();
    let numbers = [
        gold.value, gold.low, gold.high, got.value, got.low, got.high,
    ];
    if numbers.iter().any(Option::is_some) {
        let ok =
            close(gold.value, got.value) && close(gold.low, got.low) && close(gold.high, got.high);
        let describe =
            |a: &Attrs| format!("{}/{}/{}", number(a.value), number(a.low), number(a.high));
        let diff = format!(
            "value/low/high: gold {}, got {}",
            describe(gold),
            describe(got)
        );
        out.push(("value", ok, diff));
    }
    for ((name, g), (_, p)) in gold.text_fields().into_iter().zip(got.text_fields()) {
        let stated = g.is_some() || (p.is_some() && name != "lemma");
        if stated {
            let diff = format!("{name}: gold {}, got {}", shown(g), shown(p));
            out.push((name, g == p, diff));
        }
    }
    out
}

/// A predicted mention of one field with its fields and rule.
struct Prediction {
    item: Item,
    attrs: Attrs,
    rule: String,
}

fn predictions(record: &Record, field: Field, labels: &LabelFilter) -> Vec<Prediction> {
    mentions_of(record, field)
        .into_iter()
        .filter(|(predicted, _)| labels.allows(predicted.label))
        .map(|(predicted, attrs)| Prediction {
            item: Item {
                label: predicted.label,
                span: predicted.span,
            },
            attrs,
            rule: predicted.rule,
        })
        .collect()
}

/// Options of a gold run.
#[derive(Debug, Clone, Default)]
pub struct GoldOptions {
    /// Classes scored.
    pub labels: LabelFilter,
    /// Collect [`ErrorRow`]s.
    pub keep_errors: bool,
}

/// Scores the record `predict` gives for each article (`None`: the article has no
/// prediction, all its gold is missed).
pub fn evaluate<P>(corpus: &[GoldArticle], predict: P, options: &GoldOptions) -> GoldOutcome
where
    P: Fn(&Article) -> Option<Record> + Sync,
{
    let per_article: Vec<GoldOutcome> = corpus
        .par_iter()
        .map(|gold| score_article(gold, &predict, options))
        .collect();
    let words = |text: &str| text.split_whitespace().count();
    let mut outcome = GoldOutcome {
        articles: corpus.len(),
        words: corpus
            .iter()
            .map(|g| words(&g.article.text) + g.article.title.as_deref().map_or(0, words))
            .sum(),
        ..GoldOutcome::default()
    };
    for one in per_article {
        outcome.scores.merge(&one.scores);
        for (name, tally) in one.attributes {
            outcome.attributes.entry(name).or_default().add(tally);
        }
        for (key, tally) in one.attributes_by_label {
            outcome
                .attributes_by_label
                .entry(key)
                .or_default()
                .add(tally);
        }
        outcome.errors.extend(one.errors);
    }
    outcome
}

fn score_article<P>(gold: &GoldArticle, predict: &P, options: &GoldOptions) -> GoldOutcome
where
    P: Fn(&Article) -> Option<Record>,
{
    let mut outcome = GoldOutcome::default();
    let record = predict(&gold.article);
    for field in [Field::Title, Field::Text] {
        let mentions: Vec<&GoldMention> = gold
            .gold
            .iter()
            .filter(|m| m.field == field && options.labels.allows(m.label))
            .collect();
        let view = FieldView {
            gold,
            field,
            text: match field {
                Field::Title => gold.article.title.as_deref().unwrap_or(""),
                Field::Text => gold.article.text.as_str(),
            },
            items: mentions
                .iter()
                .map(|m| Item {
                    label: m.label,
                    span: m.span,
                })
                .collect(),
            mentions,
            predicted: record
                .as_ref()
                .map_or_else(Vec::new, |r| predictions(r, field, &options.labels)),
        };
        let predicted_items: Vec<Item> = view.predicted.iter().map(|p| p.item).collect();
        let alignment = outcome.scores.add_unit(&view.items, &predicted_items);
        let mut errors = view.score_values(&alignment.matched, &mut outcome);
        if options.keep_errors {
            errors.extend(view.unmatched(&alignment.missed, &alignment.spurious));
            errors.sort_by_key(|e| e.start);
            outcome.errors.extend(errors);
        }
    }
    outcome
}

/// The gold and predicted mentions of one field of one article.
struct FieldView<'a> {
    gold: &'a GoldArticle,
    field: Field,
    text: &'a str,
    mentions: Vec<&'a GoldMention>,
    items: Vec<Item>,
    predicted: Vec<Prediction>,
}

impl FieldView<'_> {
    fn row(&self, kind: ErrorKind, item: &Item, location: String, note: String) -> ErrorRow {
        ErrorRow {
            kind,
            start: item.span.start,
            label: item.label,
            surface: item.span.slice(self.text).to_owned(),
            location,
            context: bracketed(self.text, item.span, CONTEXT_CHARS),
            note,
        }
    }

    fn gold_location(&self, g: usize) -> String {
        format!("{}:{}", self.gold.gold_file, self.mentions[g].line)
    }

    /// Counts the normalized fields of strict matches; returns the wrong ones as errors.
    fn score_values(&self, matched: &[(usize, usize)], outcome: &mut GoldOutcome) -> Vec<ErrorRow> {
        let mut errors = Vec::new();
        for &(g, p) in matched {
            let mut wrong = Vec::new();
            for (name, ok, diff) in compare(&self.mentions[g].attrs, &self.predicted[p].attrs) {
                let one = AttrTally {
                    correct: usize::from(ok),
                    total: 1,
                };
                outcome.attributes.entry(name).or_default().add(one);
                let key = (self.items[g].label, name);
                outcome.attributes_by_label.entry(key).or_default().add(one);
                if !ok {
                    wrong.push(diff);
                }
            }
            if !wrong.is_empty() {
                wrong.push(format!("rule {}", self.predicted[p].rule));
                let location = self.gold_location(g);
                errors.push(self.row(
                    ErrorKind::WrongValue,
                    &self.items[g],
                    location,
                    wrong.join("; "),
                ));
            }
        }
        errors
    }

    /// Misses and false alarms, each with what the other side had there.
    fn unmatched(&self, missed: &[usize], spurious: &[usize]) -> Vec<ErrorRow> {
        let mut errors = Vec::with_capacity(missed.len() + spurious.len());
        for &g in missed {
            let item = &self.items[g];
            let there: Vec<String> = self
                .predicted
                .iter()
                .filter(|p| p.item.span.overlaps(&item.span))
                .map(|p| {
                    format!(
                        "{} «{}» by {}",
                        p.item.label,
                        p.item.span.slice(self.text),
                        p.rule
                    )
                })
                .collect();
            errors.push(self.row(
                ErrorKind::Missed,
                item,
                self.gold_location(g),
                missed_note(&there),
            ));
        }
        let field_name = match self.field {
            Field::Title => "title",
            Field::Text => "text",
        };
        for &p in spurious {
            let item = &self.predicted[p].item;
            let there: Vec<String> = self
                .mentions
                .iter()
                .filter(|m| m.span.overlaps(&item.span))
                .map(|m| {
                    format!(
                        "{} «{}» (line {})",
                        m.label,
                        m.span.slice(self.text),
                        m.line
                    )
                })
                .collect();
            let note = spurious_note(&self.predicted[p].rule, &there);
            let location = format!(
                "{} {field_name} byte {}",
                self.gold.article.source, item.span.start
            );
            errors.push(self.row(ErrorKind::Spurious, item, location, note));
        }
        errors
    }
}
