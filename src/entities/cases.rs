//! Example tables of the organisation-side classes (`cases/*.tsv`), run through the whole
//! [`crate::Extractor`] (overlap resolution included). Positive rows name an entity that
//! must come out with that class, surface and lemma; negative rows name classes that must
//! not occur in the text. Every failing row is reported at once.

use crate::mention::Label;
use crate::Extractor;

use super::table::rows;

fn check_positive(file: &'static str, source: &'static str) {
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    let mut count = 0;
    for row in rows(file, source) {
        count += 1;
        let (text, label, surface, lemma) = (row.cell(0), row.cell(1), row.cell(2), row.cell(3));
        let label = Label::from_name(label).unwrap_or_else(|| row.fail("unknown class"));
        let found = extractor.explain(text, None).entities;
        let hit = found
            .iter()
            .find(|e| e.label == label && e.span.slice(text) == surface);
        match hit {
            Some(e) if e.lemma == lemma => {}
            Some(e) => failures.push(format!(
                "{file}:{}: {text}\n    {label} [{surface}] lemma `{}`, expected `{lemma}`",
                row.line, e.lemma
            )),
            None => {
                let got: Vec<String> = found
                    .iter()
                    .map(|e| format!("{} [{}] ({})", e.label, e.span.slice(text), e.rule))
                    .collect();
                failures.push(format!(
                    "{file}:{}: {text}\n    expected {label} [{surface}], got {got:?}",
                    row.line
                ));
            }
        }
    }
    assert!(count > 0, "{file} has no rows");
    assert!(
        failures.is_empty(),
        "{} of {count} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn check_negative(file: &'static str, source: &'static str) {
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    let mut count = 0;
    for row in rows(file, source) {
        count += 1;
        let text = row.cell(0);
        let banned: Vec<Label> = row
            .cell(1)
            .split(',')
            .map(|l| Label::from_name(l.trim()).unwrap_or_else(|| row.fail("unknown class")))
            .collect();
        for e in extractor.explain(text, None).entities {
            if banned.contains(&e.label) {
                failures.push(format!(
                    "{file}:{}: {text}\n    unexpected {} [{}] ({})",
                    row.line,
                    e.label,
                    e.span.slice(text),
                    e.rule
                ));
            }
        }
    }
    assert!(count > 0, "{file} has no rows");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

macro_rules! case_tables {
    ($($name:ident: $check:ident $file:literal;)*) => {
        $(
            #[test]
            fn $name() {
                $check($file, include_str!(concat!("cases/", $file)));
            }
        )*
    };
}

case_tables! {
    organisations: check_positive "org.tsv";
    organisations_negative: check_negative "org_negative.tsv";
    positions: check_positive "position.tsv";
    positions_negative: check_negative "position_negative.tsv";
    laws: check_positive "law.tsv";
    laws_negative: check_negative "law_negative.tsv";
    quoted_and_named: check_positive "quoted.tsv";
    quoted_and_named_negative: check_negative "quoted_negative.tsv";
    diseases: check_positive "disease.tsv";
    diseases_negative: check_negative "disease_negative.tsv";
    contacts: check_positive "contact.tsv";
    contacts_negative: check_negative "contact_negative.tsv";
    persons: check_positive "person.tsv";
    persons_negative: check_negative "person_negative.tsv";
    places: check_positive "place.tsv";
    places_negative: check_negative "place_negative.tsv";
    norp_and_languages: check_positive "norp.tsv";
    norp_and_languages_negative: check_negative "norp_negative.tsv";
}
