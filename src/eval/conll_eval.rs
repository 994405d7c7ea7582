//! Scores predictions on IOB2 sentences: each sentence is detokenized, predicted byte spans
//! are widened to whole tokens, and mentions are compared as (class, first token, last
//! token) — seqeval's strict chunk match — and by overlap. Sentences run in parallel.

use rayon::prelude::*;

use crate::text::Span;

use super::conll::Sentence;
use super::detok::{detokenize, Detokenized};
use super::errors::{bracketed, missed_note, spurious_note, ErrorKind, ErrorRow};
use super::score::{Item, Scores};
use super::{LabelFilter, Predicted};

/// The result of a CoNLL evaluation.
#[derive(Debug, Clone, Default)]
pub struct ConllOutcome {
    /// Counts per class.
    pub scores: Scores,
    /// Misses and false alarms in file order (empty unless asked for).
    pub errors: Vec<ErrorRow>,
    /// Sentences scored.
    pub sentences: usize,
}

/// Options of a CoNLL run.
#[derive(Debug, Clone, Default)]
pub struct ConllOptions {
    /// Classes scored.
    pub labels: LabelFilter,
    /// Collect [`ErrorRow`]s.
    pub keep_errors: bool,
    /// File name used in error locations.
    pub source_name: String,
}

/// Scores `predict` (text → predicted byte spans) on `sentences`.
pub fn evaluate<P>(sentences: &[Sentence], predict: P, options: &ConllOptions) -> ConllOutcome
where
    P: Fn(&str) -> Vec<Predicted> + Sync,
{
    let per_sentence: Vec<(Scores, Vec<ErrorRow>)> = sentences
        .par_iter()
        .map(|sentence| score_sentence(sentence, &predict, options))
        .collect();
    let mut outcome = ConllOutcome {
        sentences: sentences.len(),
        ..ConllOutcome::default()
    };
    for (scores, errors) in per_sentence {
        outcome.scores.merge(&scores);
        outcome.errors.extend(errors);
    }
    outcome
}

/// A predicted mention mapped onto tokens.
struct TokenPrediction {
    item: Item,
    rule: String,
}

fn score_sentence<P>(
    sentence: &Sentence,
    predict: &P,
    options: &ConllOptions,
) -> (Scores, Vec<ErrorRow>)
where
    P: Fn(&str) -> Vec<Predicted>,
{
    let detok = detokenize(&sentence.tokens);
    let gold: Vec<Item> = sentence
        .gold
        .iter()
        .filter(|item| options.labels.allows(item.label))
        .copied()
        .collect();
    let mut predicted: Vec<TokenPrediction> = predict(&detok.text)
        .into_iter()
        .filter(|p| options.labels.allows(p.label))
        .filter_map(|p| {
            let span = detok.token_range(p.span)?;
            Some(TokenPrediction {
                item: Item {
                    label: p.label,
                    span,
                },
                rule: p.rule,
            })
        })
        .collect();
    predicted.sort_by_key(|a| a.item);
    predicted.dedup_by(|a, b| a.item == b.item);
    let items: Vec<Item> = predicted.iter().map(|p| p.item).collect();
    let mut scores = Scores::default();
    let alignment = scores.add_unit(&gold, &items);
    if !options.keep_errors {
        return (scores, Vec::new());
    }
    let describe = |item: &Item, kind: ErrorKind, note: String| {
        let bytes = byte_span(&detok, item.span);
        ErrorRow {
            kind,
            start: item.span.start,
            label: item.label,
            surface: bytes.slice(&detok.text).to_owned(),
            location: format!(
                "{}:{}",
                options.source_name,
                sentence.line + item.span.start
            ),
            context: bracketed(&detok.text, bytes, usize::MAX),
            note,
        }
    };
    let mut errors = Vec::with_capacity(alignment.missed.len() + alignment.spurious.len());
    for &g in &alignment.missed {
        let others: Vec<String> = predicted
            .iter()
            .filter(|p| p.item.span.overlaps(&gold[g].span))
            .map(|p| mention_note(&detok, &p.item, &p.rule))
            .collect();
        errors.push(describe(&gold[g], ErrorKind::Missed, missed_note(&others)));
    }
    for &p in &alignment.spurious {
        let others: Vec<String> = gold
            .iter()
            .filter(|g| g.span.overlaps(&items[p].span))
            .map(|g| mention_note(&detok, g, ""))
            .collect();
        let note = spurious_note(&predicted[p].rule, &others);
        errors.push(describe(&items[p], ErrorKind::Spurious, note));
    }
    errors.sort_by_key(|e| e.start);
    (scores, errors)
}

/// `LABEL «surface»` (with the rule when known).
fn mention_note(detok: &Detokenized, item: &Item, rule: &str) -> String {
    let surface = byte_span(detok, item.span).slice(&detok.text);
    if rule.is_empty() {
        format!("{} «{surface}»", item.label)
    } else {
        format!("{} «{surface}» by {rule}", item.label)
    }
}

/// The bytes covered by a token range.
fn byte_span(detok: &Detokenized, tokens: Span) -> Span {
    Span::new(
        detok.tokens[tokens.start].start,
        detok.tokens[tokens.end - 1].end,
    )
}
