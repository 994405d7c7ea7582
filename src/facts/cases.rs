//! The example tables of the number rules, run as tests. `cases/<dimension>.tsv` rows give a
//! text and the fact expected in it (label, exact surface, value, unit, qualifier and
//! optional `low`, `high`, `object`, `change`); `cases/negative.tsv` rows are texts that must
//! yield no number fact at all. Every failing row is reported, with its file and line.

use std::sync::LazyLock;

use super::number::NumberRules;
use super::table::{rows, Row};
use super::FactContext;
use crate::mention::{Change, Direction, Fact, Qualifier, Relation};
use crate::resolve::{resolve, Candidate};
use crate::text::Text;
use crate::trace::Trace;

static RULES: LazyLock<NumberRules> = LazyLock::new(NumberRules::new);

const POSITIVE: [(&str, &str); 7] = [
    ("cardinal.tsv", include_str!("cases/cardinal.tsv")),
    ("ordinal.tsv", include_str!("cases/ordinal.tsv")),
    ("percent.tsv", include_str!("cases/percent.tsv")),
    ("money.tsv", include_str!("cases/money.tsv")),
    ("quantity.tsv", include_str!("cases/quantity.tsv")),
    ("range.tsv", include_str!("cases/range.tsv")),
    ("change.tsv", include_str!("cases/change.tsv")),
];

/// The facts the number rules keep in `text` after overlap resolution.
fn facts_of(text: &str) -> Vec<Fact> {
    let words = Text::new(text);
    let mut facts = Vec::new();
    let mut trace = Trace::disabled();
    RULES.find(&words, &FactContext::default(), &mut facts, &mut trace);
    let candidates = facts.into_iter().map(Candidate::Fact).collect();
    resolve(candidates, &mut trace).0
}

fn same_number(got: Option<f64>, want: Option<f64>) -> bool {
    match (got, want) {
        (None, None) => true,
        (Some(g), Some(w)) => (g - w).abs() <= 1e-9 * w.abs().max(1.0),
        _ => false,
    }
}

fn number_cell(row: &Row<'_>, cell: &str) -> Option<f64> {
    (cell != "-").then(|| {
        cell.parse()
            .unwrap_or_else(|_| row.fail(&format!("bad number `{cell}`")))
    })
}

fn change_cell(row: &Row<'_>, cell: &str) -> Change {
    let (direction, relation) = cell
        .split_once('/')
        .unwrap_or_else(|| row.fail("change is direction/relation"));
    Change {
        direction: match direction {
            "increase" => Direction::Increase,
            "decrease" => Direction::Decrease,
            _ => row.fail("bad direction"),
        },
        relation: match relation {
            "by" => Relation::By,
            "to" => Relation::To,
            _ => row.fail("bad relation"),
        },
    }
}

/// Checks one positive row; returns what differs.
fn check(row: &Row<'_>) -> Result<(), String> {
    let text = row.cell(0);
    let surface = row.cell(2);
    let facts = facts_of(text);
    let shown = || {
        facts
            .iter()
            .map(|f| format!("{} `{}` {:?}", f.label, f.span.slice(text), f.value))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Some(fact) = facts.iter().find(|f| f.span.slice(text) == surface) else {
        return Err(format!("no fact `{surface}`; found [{}]", shown()));
    };
    let mut diffs = Vec::new();
    if fact.label.name() != row.cell(1) {
        diffs.push(format!("label {} (want {})", fact.label, row.cell(1)));
    }
    let want_value = number_cell(row, row.cell(3));
    if !same_number(fact.value, want_value) {
        diffs.push(format!("value {:?} (want {want_value:?})", fact.value));
    }
    let want_unit = Some(row.cell(4)).filter(|u| *u != "-");
    if fact.unit.as_deref() != want_unit {
        diffs.push(format!("unit {:?} (want {want_unit:?})", fact.unit));
    }
    let want_qualifier =
        Qualifier::from_name(row.cell(5)).unwrap_or_else(|| row.fail("bad qualifier"));
    if fact.qualifier != want_qualifier {
        diffs.push(format!(
            "qualifier {} (want {})",
            fact.qualifier.name(),
            want_qualifier.name()
        ));
    }
    for pair in row
        .optional(6)
        .unwrap_or("")
        .split(';')
        .filter(|p| !p.is_empty())
    {
        let (key, want) = pair
            .split_once('=')
            .unwrap_or_else(|| row.fail("extra is key=value"));
        match key {
            "low" | "high" => {
                let got = if key == "low" { fact.low } else { fact.high };
                let want = number_cell(row, want);
                if !same_number(got, want) {
                    diffs.push(format!("{key} {got:?} (want {want:?})"));
                }
            }
            "object" => {
                let want = Some(want).filter(|w| *w != "-");
                if fact.object.as_deref() != want {
                    diffs.push(format!("object {:?} (want {want:?})", fact.object));
                }
            }
            "change" => {
                let want = Some(want)
                    .filter(|w| *w != "-")
                    .map(|w| change_cell(row, w));
                if fact.change != want {
                    diffs.push(format!("change {:?} (want {want:?})", fact.change));
                }
            }
            _ => row.fail(&format!("unknown extra `{key}`")),
        }
    }
    if diffs.is_empty() {
        Ok(())
    } else {
        Err(format!("`{surface}`: {}", diffs.join(", ")))
    }
}

#[test]
fn positive_examples() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, content) in POSITIVE {
        for row in rows(file, content) {
            count += 1;
            if let Err(why) = check(&row) {
                failures.push(format!(
                    "{}:{}: {}\n    {}",
                    row.file,
                    row.line,
                    row.cell(0),
                    why
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} examples failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(count >= 400, "only {count} positive examples");
}

#[test]
fn negative_examples() {
    let mut failures = Vec::new();
    let mut count = 0;
    for row in rows("negative.tsv", include_str!("cases/negative.tsv")) {
        count += 1;
        let text = row.cell(0);
        let facts = facts_of(text);
        if !facts.is_empty() {
            let found: Vec<_> = facts
                .iter()
                .map(|f| format!("{} `{}` ({})", f.label, f.span.slice(text), f.rule))
                .collect();
            failures.push(format!(
                "negative.tsv:{}: {text}\n    found {}",
                row.line,
                found.join(", ")
            ));
        }
    }
    assert!(count >= 60, "only {count} negative examples");
    assert!(
        failures.is_empty(),
        "{} of {count} negatives failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
