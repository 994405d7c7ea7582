//! Readable tables and JSON for evaluation results. (Writing to a `String` cannot fail, so
//! `writeln!` results are ignored.)

use std::fmt::Write;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

use super::gold_eval::AttrTally;
use crate::mention::Label;

use super::score::{Prf, Scores, Tally};

fn percent(x: f64) -> String {
    format!("{:5.1}", 100.0 * x)
}

fn row(out: &mut String, name: &str, tally: &Tally) {
    let strict = tally.strict();
    let relaxed = tally.relaxed();
    let _ = writeln!(
        out,
        "{name:<14} {:>6} {:>6} {:>6} | {} {} {} | {} {} {}",
        tally.gold,
        tally.predicted,
        tally.strict,
        percent(strict.precision),
        percent(strict.recall),
        percent(strict.f1),
        percent(relaxed.precision),
        percent(relaxed.recall),
        percent(relaxed.f1),
    );
}

/// The per-class table with a micro-averaged last row (percentages).
pub fn table(scores: &Scores) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{:36}|{:^19}|{:^18}", "", "strict", "relaxed");
    let _ = writeln!(
        out,
        "{:<14} {:>6} {:>6} {:>6} | {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5}",
        "label", "gold", "pred", "match", "P", "R", "F1", "P", "R", "F1"
    );
    for (label, tally) in &scores.labels {
        row(&mut out, label.name(), tally);
    }
    out.push_str(&"-".repeat(78));
    out.push('\n');
    row(&mut out, "micro", &scores.micro());
    out
}

fn prf_json(prf: Prf) -> Value {
    json!({"precision": prf.precision, "recall": prf.recall, "f1": prf.f1})
}

fn tally_json(tally: &Tally) -> Value {
    json!({
        "gold": tally.gold,
        "predicted": tally.predicted,
        "strict_matches": tally.strict,
        "strict": prf_json(tally.strict()),
        "relaxed": prf_json(tally.relaxed()),
    })
}

/// `{"labels": {CLASS: {gold, predicted, strict_matches, strict: {precision, recall, f1},
/// relaxed: {…}}}, "micro": {…}}` with fractions in `0..=1`.
pub fn scores_json(scores: &Scores) -> Value {
    let labels: serde_json::Map<String, Value> = scores
        .labels
        .iter()
        .map(|(label, tally)| (label.name().to_owned(), tally_json(tally)))
        .collect();
    json!({"labels": labels, "micro": tally_json(&scores.micro())})
}

/// The accuracy table of normalized fields on strictly matched mentions.
pub fn attribute_table(attributes: &BTreeMap<&'static str, AttrTally>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<14} {:>7} {:>7} {:>8}",
        "field", "correct", "scored", "accuracy"
    );
    for (name, tally) in attributes {
        let _ = writeln!(
            out,
            "{name:<14} {:>7} {:>7} {:>8}",
            tally.correct,
            tally.total,
            percent(tally.accuracy())
        );
    }
    out
}

/// `{FIELD: {correct, total, accuracy}}`.
pub fn attributes_json(attributes: &BTreeMap<&'static str, AttrTally>) -> Value {
    let map: serde_json::Map<String, Value> = attributes
        .iter()
        .map(|(name, t)| {
            let value = json!({"correct": t.correct, "total": t.total, "accuracy": t.accuracy()});
            ((*name).to_owned(), value)
        })
        .collect();
    Value::Object(map)
}

/// Correct/scored counts of each normalized field per class, one row per class.
pub fn attribute_matrix(by_label: &BTreeMap<(Label, &'static str), AttrTally>) -> String {
    let fields: BTreeSet<&str> = by_label.keys().map(|(_, field)| *field).collect();
    let labels: BTreeSet<Label> = by_label.keys().map(|(label, _)| *label).collect();
    let mut out = String::new();
    let _ = write!(out, "{:<14}", "correct/scored");
    for field in &fields {
        let _ = write!(out, " {field:>10}");
    }
    out.push('\n');
    for label in labels {
        let mut line = format!("{:<14}", label.name());
        for field in &fields {
            let cell = by_label
                .get(&(label, *field))
                .map_or_else(String::new, |t| format!("{}/{}", t.correct, t.total));
            let _ = write!(line, " {cell:>10}");
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `{CLASS: {FIELD: {correct, total, accuracy}}}`.
pub fn attributes_by_label_json(by_label: &BTreeMap<(Label, &'static str), AttrTally>) -> Value {
    let mut map = serde_json::Map::new();
    for ((label, field), t) in by_label {
        let value = json!({"correct": t.correct, "total": t.total, "accuracy": t.accuracy()});
        let entry = map
            .entry(label.name().to_owned())
            .or_insert_with(|| json!({}));
        entry[*field] = value;
    }
    Value::Object(map)
}
