//! The output format against its JSON Schema (`schema/kazfacts-1.schema.json`): real
//! `extract` output validates and round-trips through `Record`; a record with every field
//! filled validates; and the schema is strict (unknown fields and values are rejected).

use std::path::Path;
use std::process::Command;

use kazfacts::mention::{Change, Direction, Entity, Fact, Label, Qualifier, Relation};
use kazfacts::record::{Field, Record};
use kazfacts::text::Span;
use serde_json::{json, Value};

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("../schema/kazfacts-1.schema.json"))
        .expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

/// Every schema violation of `record`, readable.
fn violations(validator: &jsonschema::Validator, record: &Value) -> Vec<String> {
    validator
        .iter_errors(record)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

fn extract(args: &[&str], dir: &Path) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_kazfacts"))
        .arg("extract")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("kazfacts runs");
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

#[test]
fn real_output_validates_and_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let articles = [
        " date 2024-11-02 Ауыл шаруашылығы\nБиыл егін 20 пайызға артты. Фермерлер 1,5 млрд теңге субсидия алды.",
        "Ақтөбе облысында 3 жаңа мектеп ашылды, әрқайсысы 600 орындық.",
        " date 2023-05-14 Спорт\nЖарыс 14 мамырда сағат 10:00-де басталады.",
    ];
    for (i, text) in articles.iter().enumerate() {
        std::fs::write(dir.path().join(format!("a{i}.txt")), text).unwrap();
    }
    std::fs::write(dir.path().join("broken.jsonl"), "{\"text\": 5}\nnot json\n").unwrap();
    let mut output = extract(&[".", "missing.txt"], dir.path());
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/articles");
    if corpus.is_dir() {
        output.push_str(&extract(&[corpus.to_str().unwrap()], dir.path()));
    }

    let validator = validator();
    let mut failures = Vec::new();
    let mut lines = 0;
    for line in output.lines() {
        lines += 1;
        let value: Value = serde_json::from_str(line).expect("every line is JSON");
        for violation in violations(&validator, &value) {
            failures.push(format!("{}: {violation}", value["id"]));
        }
        match serde_json::from_str::<Record>(line) {
            Ok(record) => {
                let again = serde_json::to_string(&record).unwrap();
                if again != line {
                    failures.push(format!(
                        "{}: does not round-trip through Record",
                        value["id"]
                    ));
                }
            }
            Err(error) => failures.push(format!("{}: not a Record: {error}", value["id"])),
        }
    }
    assert_eq!(lines, articles.len() + 3 + corpus_count(&corpus));
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn corpus_count(corpus: &Path) -> usize {
    if !corpus.is_dir() {
        return 0;
    }
    let mut count = 0;
    let mut stack = vec![corpus.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                count += 1;
            }
        }
    }
    count
}

/// A change made to a valid record that must make it invalid.
type Mutation = fn(&mut Value);

/// A record with every optional field filled, built through the library.
fn full_record() -> Record {
    let title = "Астанада баға 5%-ға өсті";
    let text = "Қаңтарда Астана әкімдігі 2,5 млн теңге бөлді.";
    let span = |s: &str, part: &str| {
        let start = s.find(part).unwrap();
        Span::new(start, start + part.len())
    };
    let mut percent = Fact::new(
        Label::Percentage,
        span(title, "5%-ға"),
        "percent/number-sign",
    );
    percent.value = Some(5.0);
    percent.unit = Some("%".into());
    percent.change = Some(Change {
        direction: Direction::Increase,
        relation: Relation::By,
    });
    let mut money = Fact::new(
        Label::Money,
        span(text, "2,5 млн теңге"),
        "money/number-scale-currency",
    );
    money.value = Some(2_500_000.0);
    money.low = Some(2_000_000.0);
    money.high = Some(3_000_000.0);
    money.unit = Some("KZT".into());
    money.qualifier = Qualifier::About;
    money.object = Some("теңге".into());
    let mut month = Fact::new(Label::Date, span(text, "Қаңтарда"), "date/month");
    month.iso = Some("2026-01".into());
    let city = Entity {
        label: Label::Gpe,
        span: span(title, "Астанада"),
        lemma: "Астана".into(),
        expansion: None,
        rule: "place/gazetteer",
    };
    let org = Entity {
        label: Label::Organisation,
        span: span(text, "Астана әкімдігі"),
        lemma: "Астана әкімдігі".into(),
        expansion: Some("Астана қаласының әкімдігі".into()),
        rule: "org/marker-head",
    };
    let mut record = Record::new(
        "x".into(),
        "x.txt".into(),
        Some("2026-01-10".into()),
        Some(title.into()),
    );
    record.push_field(Field::Title, title, vec![percent], vec![city]);
    record.push_field(Field::Text, text, vec![month, money], vec![org]);
    record
}

#[test]
fn a_record_with_every_field_filled_validates() {
    let value = serde_json::to_value(full_record()).unwrap();
    let problems = violations(&validator(), &value);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_schema_rejects_what_the_format_does_not_allow() {
    let validator = validator();
    let base = serde_json::to_value(full_record()).unwrap();
    let failed = serde_json::to_value(Record::failed(
        "x".into(),
        "x.txt".into(),
        "io",
        "x.txt: gone".into(),
    ))
    .unwrap();
    assert!(violations(&validator, &failed).is_empty());
    let mutations: [(&str, Mutation); 11] = [
        ("extra top-level field", |v| v["extra"] = json!(1)),
        ("missing error", |v| {
            drop(v.as_object_mut().unwrap().remove("error"))
        }),
        ("wrong schema tag", |v| v["schema"] = json!("kazfacts/2")),
        ("extra fact field", |v| v["facts"][0]["score"] = json!(0.5)),
        ("entity label on a fact", |v| {
            v["facts"][0]["label"] = json!("PERSON")
        }),
        ("unknown qualifier", |v| {
            v["facts"][0]["qualifier"] = json!("roughly")
        }),
        ("iso not ISO 8601", |v| {
            v["facts"][1]["iso"] = json!("01.2026")
        }),
        ("negative offset", |v| v["entities"][0]["start"] = json!(-1)),
        ("entity without lemma", |v| {
            drop(v["entities"][0].as_object_mut().unwrap().remove("lemma"))
        }),
        ("unknown error kind", |v| {
            v["error"] = json!({"kind": "oops", "message": "m"})
        }),
        ("error with facts", |v| {
            v["error"] = json!({"kind": "io", "message": "m"})
        }),
    ];
    let mut accepted = Vec::new();
    for (name, mutate) in &mutations {
        let mut value = base.clone();
        mutate(&mut value);
        if validator.is_valid(&value) {
            accepted.push(*name);
        }
    }
    assert!(accepted.is_empty(), "the schema accepted: {accepted:?}");
}
