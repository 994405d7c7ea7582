//! Example tables for DATE and TIME (`src/facts/cases/{date,time}.tsv` and the negatives in
//! `date_time_negative.tsv`): every row is run and all failures are reported at once.

use super::DateRules;
use crate::article::Date;
use crate::facts::time::TimeRules;
use crate::facts::FactContext;
use crate::mention::{Fact, Label, Qualifier};
use crate::resolve::{resolve, Candidate};
use crate::table::rows;
use crate::text::Text;
use crate::trace::Trace;

/// The article date the tables assume.
const ARTICLE_DATE: Date = Date {
    year: 2025,
    month: 3,
    day: 15,
};

fn facts(date: &DateRules, time: &TimeRules, text: &str) -> Vec<Fact> {
    let words = Text::new(text);
    let context = FactContext {
        article_date: Some(ARTICLE_DATE),
    };
    let mut trace = Trace::disabled();
    let mut out = Vec::new();
    date.find(&words, &context, &mut out, &mut trace);
    time.find(&words, &context, &mut out, &mut trace);
    resolve(out.into_iter().map(Candidate::Fact).collect(), &mut trace).0
}

fn describe(text: &str, f: &Fact) -> String {
    format!(
        "{} `{}` iso={:?} value={:?} low={:?} high={:?} unit={:?} q={} rule={}",
        f.label,
        f.span.slice(text),
        f.iso,
        f.value,
        f.low,
        f.high,
        f.unit,
        f.qualifier.name(),
        f.rule
    )
}

fn optional(cell: &str) -> Option<&str> {
    (cell != "-").then_some(cell)
}

/// Checks one positive row; returns what differs.
fn check_row(found: &[Fact], text: &str, cells: &[&str]) -> Result<(), String> {
    let label = Label::from_name(cells[1]).ok_or("bad label in table")?;
    let f = found
        .iter()
        .find(|f| f.label == label && f.span.slice(text) == cells[2])
        .ok_or_else(|| format!("no {} `{}`", cells[1], cells[2]))?;
    let mut problems = Vec::new();
    if f.iso.as_deref() != optional(cells[3]) {
        problems.push(format!("iso {:?} != {}", f.iso, cells[3]));
    }
    let (value, range) = match optional(cells[4]).map(|v| v.split_once("..")) {
        None => (None, None),
        Some(Some((lo, hi))) => (None, Some((lo.parse().ok(), hi.parse().ok()))),
        Some(None) => (cells[4].parse::<f64>().ok(), None),
    };
    if f.value != value || range.is_some_and(|r| (f.low, f.high) != r) {
        problems.push(format!(
            "value {:?} low {:?} high {:?} != {}",
            f.value, f.low, f.high, cells[4]
        ));
    }
    if f.unit.as_deref() != optional(cells[5]) {
        problems.push(format!("unit {:?} != {}", f.unit, cells[5]));
    }
    if Some(f.qualifier) != Qualifier::from_name(cells[6]) {
        problems.push(format!("qualifier {} != {}", f.qualifier.name(), cells[6]));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

fn run_table(file: &'static str, content: &str) -> (usize, Vec<String>) {
    let (date, time) = (DateRules::new(), TimeRules::new());
    let mut failures = Vec::new();
    let mut count = 0;
    for row in rows(file, content) {
        count += 1;
        let text = row.cell(0);
        let found = facts(&date, &time, text);
        let cells: Vec<&str> = (0..7).map(|i| row.cell(i)).collect();
        if let Err(why) = check_row(&found, text, &cells) {
            let got: Vec<String> = found.iter().map(|f| describe(text, f)).collect();
            failures.push(format!(
                "{file}:{}: {text}\n    {why}\n    got: {got:?}",
                row.line
            ));
        }
    }
    (count, failures)
}

fn report(count: usize, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} of {count} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn date_examples() {
    let (count, failures) = run_table("date.tsv", include_str!("../cases/date.tsv"));
    assert!(count >= 100, "the table should keep its rows");
    report(count, &failures);
}

#[test]
fn time_examples() {
    let (count, failures) = run_table("time.tsv", include_str!("../cases/time.tsv"));
    assert!(count >= 50, "the table should keep its rows");
    report(count, &failures);
}

#[test]
fn negative_examples_yield_no_date_or_time() {
    let (date, time) = (DateRules::new(), TimeRules::new());
    let mut failures = Vec::new();
    let mut count = 0;
    for row in rows(
        "date_time_negative.tsv",
        include_str!("../cases/date_time_negative.tsv"),
    ) {
        count += 1;
        let text = row.cell(0);
        let found = facts(&date, &time, text);
        if !found.is_empty() {
            let got: Vec<String> = found.iter().map(|f| describe(text, f)).collect();
            failures.push(format!(
                "date_time_negative.tsv:{}: {text}\n    got: {got:?}",
                row.line
            ));
        }
    }
    assert!(count >= 30, "the table should keep its rows");
    report(count, &failures);
}

#[test]
fn relative_dates_need_the_article_date() {
    let (date, time) = (DateRules::new(), TimeRules::new());
    let words = Text::new("Биыл кеше келді.");
    let mut out = Vec::new();
    let context = FactContext::default();
    date.find(&words, &context, &mut out, &mut Trace::disabled());
    time.find(&words, &context, &mut out, &mut Trace::disabled());
    assert_eq!(out.len(), 2);
    assert!(out
        .iter()
        .all(|f| f.label == Label::Date && f.iso.is_none()));
}

#[test]
fn rejections_are_traced_with_their_reason() {
    let date = DateRules::new();
    let words = Text::new("Бір күні ол қазанда ет асты.");
    let mut trace = Trace::enabled();
    let mut out = Vec::new();
    date.find(&words, &FactContext::default(), &mut out, &mut trace);
    assert!(out.is_empty());
    let rules: Vec<&str> = trace.events.iter().map(|e| e.rule).collect();
    assert_eq!(rules, ["date/duration", "date/month"]);
}

/// Kazakh words for 1..=31 as ordinals, written here for the test (not read from the tables).
fn ordinal_words(n: u32) -> String {
    const UNITS: [&str; 10] = [
        "",
        "бірінші",
        "екінші",
        "үшінші",
        "төртінші",
        "бесінші",
        "алтыншы",
        "жетінші",
        "сегізінші",
        "тоғызыншы",
    ];
    const TENS_ORDINAL: [&str; 4] = ["", "оныншы", "жиырмасыншы", "отызыншы"];
    const TENS: [&str; 4] = ["", "он", "жиырма", "отыз"];
    let (tens, units) = ((n / 10) as usize, (n % 10) as usize);
    match (tens, units) {
        (t, 0) => TENS_ORDINAL[t].to_owned(),
        (0, u) => UNITS[u].to_owned(),
        (t, u) => format!("{} {}", TENS[t], UNITS[u]),
    }
}

#[test]
fn every_day_of_every_month_reads_in_digits_and_words() {
    let (date, time) = (DateRules::new(), TimeRules::new());
    let months = [
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ];
    let mut failures = Vec::new();
    for (m, month) in months.iter().enumerate() {
        let m = m as u32 + 1;
        for day in 1..=28 {
            let expected = format!("2025-{m:02}-{day:02}");
            for phrase in [
                format!("{day} {month}"),
                // The digit ordinal with one fixed tail: the reader accepts any ordinal tail.
                format!("{day}-інші {month}"),
                format!("{} {month}", ordinal_words(day)),
            ] {
                let text = format!("Жиын {phrase} өтті.");
                let found = facts(&date, &time, &text);
                let ok = found.iter().any(|f| {
                    f.span.slice(&text) == phrase && f.iso.as_deref() == Some(expected.as_str())
                });
                if !ok {
                    let got: Vec<String> = found.iter().map(|f| describe(&text, f)).collect();
                    failures.push(format!("{text} → {got:?}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
