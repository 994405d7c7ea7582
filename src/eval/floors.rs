//! Evaluation floors (`corpus/floors.tsv`): minimum scores per class, micro-average or
//! normalized field, for a named evaluation set (`corpus` = our gold, `kaznerd` = KazNERD
//! valid). CI fails when a measured figure falls below its floor; floors only ever go up.
//!
//! ```text
//! # set  scope  metric  floor
//! corpus  micro  strict_f1  0.55
//! corpus  MONEY  strict_f1  0.70
//! corpus  attribute  value  0.90
//! kaznerd  CARDINAL  relaxed_f1  0.40
//! ```
//! (columns are tab-separated) Scope is a class name or `micro` (metrics `strict_f1`, `strict_precision`,
//! `strict_recall`, `relaxed_f1`), or `attribute` with a field name as metric (accuracy).

use std::collections::BTreeMap;

use crate::mention::Label;

use super::gold_eval::AttrTally;
use super::score::{Scores, Tally};

/// What a floor row measures.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Scope {
    Class(Label),
    Micro,
    Attribute(String),
}

/// One floor row.
#[derive(Debug, Clone, PartialEq)]
pub struct Floor {
    /// Evaluation set name.
    pub set: String,
    scope: Scope,
    metric: String,
    /// Minimum, as a fraction in `0..=1`.
    pub floor: f64,
    /// 1-based line in the floors file.
    pub line: usize,
}

const METRICS: [&str; 4] = [
    "strict_f1",
    "strict_precision",
    "strict_recall",
    "relaxed_f1",
];

/// Parses a floors file; errors name the file and line.
pub fn parse(content: &str, file: &str) -> Result<Vec<Floor>, String> {
    let mut floors = Vec::new();
    for (index, raw) in content.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let error = |message: String| format!("{file}:{}: {message}", index + 1);
        let columns: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [set, scope, metric, floor] = columns[..] else {
            return Err(error(
                "expected `set<TAB>scope<TAB>metric<TAB>floor`".to_owned(),
            ));
        };
        let scope = match scope {
            "micro" => Scope::Micro,
            "attribute" => Scope::Attribute(metric.to_owned()),
            name => Scope::Class(
                Label::from_name(name).ok_or_else(|| error(format!("unknown scope {name:?}")))?,
            ),
        };
        if !matches!(scope, Scope::Attribute(_)) && !METRICS.contains(&metric) {
            return Err(error(format!(
                "unknown metric {metric:?}; one of {METRICS:?}"
            )));
        }
        let floor: f64 = floor
            .parse()
            .ok()
            .filter(|f| (0.0..=1.0).contains(f))
            .ok_or_else(|| error(format!("floor {floor:?} is not a number in 0..=1")))?;
        floors.push(Floor {
            set: set.to_owned(),
            scope,
            metric: metric.to_owned(),
            floor,
            line: index + 1,
        });
    }
    Ok(floors)
}

fn metric_of(tally: &Tally, metric: &str) -> f64 {
    match metric {
        "strict_precision" => tally.strict().precision,
        "strict_recall" => tally.strict().recall,
        "relaxed_f1" => tally.relaxed().f1,
        _ => tally.strict().f1,
    }
}

/// Checks the floors of `set`; returns how many were checked and a message per failure.
pub fn check(
    floors: &[Floor],
    set: &str,
    scores: &Scores,
    attributes: &BTreeMap<&'static str, AttrTally>,
) -> (usize, Vec<String>) {
    let mut checked = 0;
    let mut failures = Vec::new();
    for floor in floors.iter().filter(|f| f.set == set) {
        checked += 1;
        let (name, measured) = match &floor.scope {
            Scope::Micro => (
                "micro".to_owned(),
                metric_of(&scores.micro(), &floor.metric),
            ),
            Scope::Class(label) => (
                label.name().to_owned(),
                metric_of(
                    &scores.labels.get(label).copied().unwrap_or_default(),
                    &floor.metric,
                ),
            ),
            Scope::Attribute(field) => (
                format!("attribute {field}"),
                attributes
                    .get(field.as_str())
                    .map_or(0.0, AttrTally::accuracy),
            ),
        };
        // Compare at the printed precision so a floor copied from a table is reachable.
        if (measured * 1000.0).round() < (floor.floor * 1000.0).round() {
            failures.push(format!(
                "{set} {name} {}: {:.3} is below the floor {:.3} (floors line {})",
                floor.metric, measured, floor.floor, floor.line
            ));
        }
    }
    (checked, failures)
}

/// Floor rows for `set` from measured figures: strict F1 of each class with a non-zero score
/// and of the micro-average, and each attribute's accuracy, each lowered by `margin` and
/// rounded down to 0.01 (for `--suggest-floors`; review before committing).
pub fn suggest(
    set: &str,
    scores: &Scores,
    attributes: &BTreeMap<&'static str, AttrTally>,
    margin: f64,
) -> String {
    let lowered = |x: f64| ((x - margin).max(0.0) * 100.0).floor() / 100.0;
    let mut out = String::new();
    let mut row = |scope: &str, metric: &str, measured: f64| {
        if lowered(measured) > 0.0 {
            out.push_str(&format!(
                "{set}\t{scope}\t{metric}\t{:.2}\n",
                lowered(measured)
            ));
        }
    };
    row("micro", "strict_f1", scores.micro().strict().f1);
    for (label, tally) in &scores.labels {
        row(label.name(), "strict_f1", tally.strict().f1);
    }
    for (name, tally) in attributes {
        row("attribute", name, tally.accuracy());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::score::Item;
    use crate::text::Span;

    #[test]
    fn fails_only_below_a_floor_of_its_set() {
        let floors = parse(
            "# set\tscope\tmetric\tfloor\n\
             corpus\tmicro\tstrict_f1\t0.5\n\
             corpus\tGPE\trelaxed_f1\t0.9\n\
             corpus\tattribute\tvalue\t0.5\n\
             kaznerd\tmicro\tstrict_f1\t0.99\n",
            "floors.tsv",
        )
        .unwrap();
        let mut scores = Scores::default();
        let item = |label, start| Item {
            label,
            span: Span::new(start, start + 1),
        };
        scores.add_unit(
            &[item(Label::Gpe, 0), item(Label::Date, 2)],
            &[item(Label::Gpe, 0), item(Label::Date, 3)],
        );
        let attributes = BTreeMap::from([(
            "value",
            AttrTally {
                correct: 1,
                total: 4,
            },
        )]);
        let (checked, failures) = check(&floors, "corpus", &scores, &attributes);
        assert_eq!(checked, 3);
        assert_eq!(
            failures,
            vec!["corpus attribute value value: 0.250 is below the floor 0.500 (floors line 4)"]
        );
        assert_eq!(
            suggest("corpus", &scores, &attributes, 0.02),
            "corpus\tmicro\tstrict_f1\t0.48\ncorpus\tGPE\tstrict_f1\t0.98\n\
             corpus\tattribute\tvalue\t0.23\n"
        );
    }

    #[test]
    fn names_the_bad_line() {
        let error = parse("corpus\tmicro\tstrict_f1\t1.5\n", "f.tsv").unwrap_err();
        assert_eq!(error, "f.tsv:1: floor \"1.5\" is not a number in 0..=1");
        assert!(parse("corpus\tPLANET\tstrict_f1\t0.1\n", "f.tsv").is_err());
    }
}
