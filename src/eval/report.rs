//! Readable tables and JSON for evaluation results. (Writing to a `String` cannot fail, so
//! `writeln!` results are ignored.)

use std::fmt::Write;

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::gold_eval::AttrTally;

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
