//! Corpus regression test: runs the extractor over `corpus/articles`, scores it against
//! `corpus/gold` with the per-class floors of `corpus/floors.tsv` (set `corpus`), and compares
//! the output with the committed snapshot `corpus/expected/corpus.jsonl`.
//!
//! After reviewing a change in output, rewrite the snapshot with
//!
//! ```text
//! KAZFACTS_UPDATE_SNAPSHOT=1 cargo test --test corpus
//! ```
//!
//! and commit it with the reason. Floors only ever go up.

use std::collections::BTreeSet;
use std::path::Path;

use kazfacts::eval::articles::{files_with_extension, read_article};
use kazfacts::eval::errors::{ErrorKind, ErrorRow};
use kazfacts::eval::floors;
use kazfacts::eval::gold_eval::{evaluate, load_corpus, GoldOptions};
use kazfacts::eval::report;
use kazfacts::{Extractor, Field, Record};

const ARTICLES: &str = "corpus/articles";
const GOLD: &str = "corpus/gold";
const FLOORS: &str = "corpus/floors.tsv";
const SNAPSHOT: &str = "corpus/expected/corpus.jsonl";
const UPDATE_VAR: &str = "KAZFACTS_UPDATE_SNAPSHOT";

/// The records of every article, in file name order.
fn current_records(extractor: &Extractor) -> Vec<Record> {
    files_with_extension(Path::new(ARTICLES), "txt")
        .unwrap()
        .iter()
        .map(|path| extractor.extract(&read_article(path).unwrap()))
        .collect()
}

/// One line per mention, readable and sorted by position:
/// `id field @start LABEL «text» by rule {fields}`.
fn mention_lines(records: &[Record]) -> BTreeSet<String> {
    let mut lines = BTreeSet::new();
    for record in records {
        for fact in &record.facts {
            let mut fields = serde_json::to_value(fact).unwrap();
            let fields = fields.as_object_mut().unwrap();
            for key in [
                "label",
                "field",
                "text",
                "start",
                "end",
                "byte_start",
                "byte_end",
                "rule",
            ] {
                fields.remove(key);
            }
            fields.retain(|_, v| !v.is_null());
            lines.insert(format!(
                "{} {} @{:06} {} «{}» by {} {}",
                record.id,
                field_name(fact.location.field),
                fact.location.start,
                fact.label,
                fact.location.text,
                fact.rule,
                serde_json::Value::Object(fields.clone())
            ));
        }
        for entity in &record.entities {
            lines.insert(format!(
                "{} {} @{:06} {} «{}» by {} lemma={} expansion={:?}",
                record.id,
                field_name(entity.location.field),
                entity.location.start,
                entity.label,
                entity.location.text,
                entity.rule,
                entity.lemma,
                entity.expansion
            ));
        }
    }
    lines
}

fn field_name(field: Field) -> &'static str {
    match field {
        Field::Title => "title",
        Field::Text => "text",
    }
}

fn to_jsonl(records: &[Record]) -> String {
    records
        .iter()
        .map(|r| serde_json::to_string(r).unwrap() + "\n")
        .collect()
}

/// The snapshot problem, if any (rewrites it when asked).
fn snapshot_failure(records: &[Record]) -> Option<String> {
    let current = to_jsonl(records);
    if std::env::var_os(UPDATE_VAR).is_some() {
        std::fs::create_dir_all(Path::new(SNAPSHOT).parent().unwrap()).unwrap();
        std::fs::write(SNAPSHOT, &current).unwrap();
        return None;
    }
    let Ok(expected) = std::fs::read_to_string(SNAPSHOT) else {
        return Some(format!(
            "{SNAPSHOT} is missing; create it with {UPDATE_VAR}=1 cargo test --test corpus"
        ));
    };
    if expected == current {
        return None;
    }
    let expected: Vec<Record> = expected
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let (old, new) = (mention_lines(&expected), mention_lines(records));
    let mut diff: Vec<String> = old.difference(&new).map(|l| format!("- {l}")).collect();
    diff.extend(new.difference(&old).map(|l| format!("+ {l}")));
    diff.sort_by(|a, b| a[2..].cmp(&b[2..]));
    if diff.is_empty() {
        diff.push(
            "(records differ outside facts and entities: ids, titles or article set)".to_owned(),
        );
    }
    Some(format!(
        "output differs from {SNAPSHOT} (- snapshot, + now); review, then run\n  \
         {UPDATE_VAR}=1 cargo test --test corpus\n{}",
        diff.join("\n")
    ))
}

#[test]
fn corpus_meets_floors_and_matches_snapshot() {
    let extractor = Extractor::new();
    let corpus = load_corpus(Path::new(ARTICLES), Path::new(GOLD)).unwrap();
    let mut failures = Vec::new();
    if !corpus.errors.is_empty() {
        let errors: Vec<String> = corpus.errors.iter().map(ToString::to_string).collect();
        failures.push(format!("gold errors:\n{}", errors.join("\n")));
    }
    let options = GoldOptions {
        keep_errors: true,
        ..GoldOptions::default()
    };
    let outcome = evaluate(&corpus.articles, |a| Some(extractor.extract(a)), &options);
    let floor_rows = floors::parse(&std::fs::read_to_string(FLOORS).unwrap(), FLOORS).unwrap();
    let (_, below) = floors::check(&floor_rows, "corpus", &outcome.scores, &outcome.attributes);
    if !below.is_empty() {
        let failing: Vec<&str> = below
            .iter()
            .filter_map(|b| b.split_whitespace().nth(1))
            .collect();
        let relevant = |e: &&ErrorRow| {
            failing.contains(&"micro")
                || failing.contains(&e.label.name())
                || (failing.contains(&"attribute") && e.kind == ErrorKind::WrongValue)
        };
        let errors: String = outcome
            .errors
            .iter()
            .filter(relevant)
            .map(ToString::to_string)
            .collect();
        failures.push(format!(
            "{}\n\n{}\n{}\n{}",
            below.join("\n"),
            report::table(&outcome.scores),
            report::attribute_table(&outcome.attributes),
            errors
        ));
    }
    failures.extend(snapshot_failure(&current_records(&extractor)));
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
