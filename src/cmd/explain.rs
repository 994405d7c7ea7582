//! `kazfacts explain "<text>" [--date YYYY-MM-DD]`: each fact and entity of one text with the
//! rule that built it and its normalized fields, then, under it, every rule event that
//! touched its words (other candidates built, rejected, or lost to an overlap), and finally
//! the events that touched no kept mention. `-` reads the text from stdin.

use std::fmt::Write;
use std::io::Read;

use anyhow::Context;
use clap::Args;

use crate::eval::gold::change_name;
use crate::mention::{Entity, Fact, Label};
use crate::text::Span;
use crate::trace::{Outcome, TraceEvent};
use crate::{Date, Explanation, Extractor};

/// Arguments of `kazfacts explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The text to analyze (`-`: read stdin).
    pub text: String,
    /// Publication date, for relative dates such as `биыл` (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
}

/// Runs the subcommand.
pub fn run(args: ExplainArgs) -> anyhow::Result<u8> {
    let date = match args.date.as_deref() {
        Some(raw) => Some(
            Date::parse_iso(raw).with_context(|| format!("--date {raw:?} is not YYYY-MM-DD"))?,
        ),
        None => None,
    };
    let text = if args.text == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading stdin")?;
        text
    } else {
        args.text
    };
    let explanation = Extractor::new().explain(&text, date);
    print!("{}", render(&text, &explanation));
    Ok(0)
}

/// One kept mention, fact or entity, as shown.
struct Shown {
    label: Label,
    span: Span,
    rule: &'static str,
    fields: String,
}

fn fact_fields(fact: &Fact) -> String {
    let mut fields = Vec::new();
    let numbers = [
        ("value", fact.value),
        ("low", fact.low),
        ("high", fact.high),
    ];
    for (name, number) in numbers {
        if let Some(n) = number {
            fields.push(format!("{name}={n}"));
        }
    }
    let texts = [
        ("unit", &fact.unit),
        ("object", &fact.object),
        ("iso", &fact.iso),
    ];
    for (name, text) in texts {
        if let Some(t) = text {
            fields.push(format!("{name}={t}"));
        }
    }
    fields.push(format!("qualifier={}", fact.qualifier.name()));
    if let Some(change) = fact.change {
        fields.push(format!("change={}", change_name(change)));
    }
    fields.join("  ")
}

fn entity_fields(entity: &Entity) -> String {
    match &entity.expansion {
        Some(expansion) => format!("lemma={}  expansion={expansion}", entity.lemma),
        None => format!("lemma={}", entity.lemma),
    }
}

fn event_line(out: &mut String, text: &str, event: &TraceEvent) {
    let label = event.label.map_or("", Label::name);
    let what = match &event.outcome {
        Outcome::Built => "built".to_owned(),
        Outcome::Rejected(why) => format!("rejected: {why}"),
        Outcome::Overlapped(winner) => format!("lost overlap to {winner}"),
    };
    let _ = writeln!(
        out,
        "      {:<28} {label:<13} «{}» {what}",
        event.rule,
        event.span.slice(text)
    );
}

/// The readable report (pure, for tests).
pub fn render(text: &str, explanation: &Explanation) -> String {
    let mut shown: Vec<Shown> = explanation
        .facts
        .iter()
        .map(|f| Shown {
            label: f.label,
            span: f.span,
            rule: f.rule,
            fields: fact_fields(f),
        })
        .chain(explanation.entities.iter().map(|e| Shown {
            label: e.label,
            span: e.span,
            rule: e.rule,
            fields: entity_fields(e),
        }))
        .collect();
    shown.sort_by_key(|s| (s.span.start, s.span.end));
    let mut out = String::new();
    let _ = writeln!(out, "{} mentions", shown.len());
    let mut used = vec![false; explanation.trace.events.len()];
    for mention in &shown {
        let _ = writeln!(
            out,
            "\n{:<13} «{}»  bytes {}..{}  by {}",
            mention.label.name(),
            mention.span.slice(text),
            mention.span.start,
            mention.span.end,
            mention.rule
        );
        let _ = writeln!(out, "      {}", mention.fields);
        for (i, event) in explanation.trace.events.iter().enumerate() {
            let itself = event.rule == mention.rule
                && event.span == mention.span
                && event.outcome == Outcome::Built;
            if event.span.overlaps(&mention.span) || itself {
                used[i] = true;
                if !itself {
                    event_line(&mut out, text, event);
                }
            }
        }
    }
    let rest: Vec<&TraceEvent> = explanation
        .trace
        .events
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(event, _)| event)
        .collect();
    if !rest.is_empty() {
        let _ = writeln!(out, "\nelsewhere (no mention kept there):");
        for event in rest {
            event_line(&mut out, text, event);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::Trace;

    #[test]
    fn groups_events_under_the_mention_they_touch() {
        let text = "Ауыл шаруашылығы министрлігі 5 млн теңге бөлді";
        let org = Span::new(0, text.find(" 5").unwrap());
        let money_start = text.find('5').unwrap();
        let money = Span::new(money_start, text.find(" бөлді").unwrap());
        let mut trace = Trace::enabled();
        trace.built("org/marker-head", org, Label::Organisation);
        trace.built("money/number-scale-currency", money, Label::Money);
        trace.overlapped(
            "number/digits",
            Span::new(money_start, money_start + 1),
            Label::Cardinal,
            "money/number-scale-currency".into(),
        );
        let last = text.find("бөлді").unwrap();
        trace.rejected("person/name", Span::new(last, text.len()), || "verb".into());
        let mut fact = Fact::new(Label::Money, money, "money/number-scale-currency");
        fact.value = Some(5e6);
        fact.unit = Some("KZT".into());
        let explanation = Explanation {
            facts: vec![fact],
            entities: vec![Entity {
                label: Label::Organisation,
                span: org,
                lemma: "Ауыл шаруашылығы министрлігі".into(),
                expansion: None,
                rule: "org/marker-head",
            }],
            trace,
        };
        let report = render(text, &explanation);
        let lines: Vec<&str> = report.lines().map(str::trim_end).collect();
        let org_at = lines
            .iter()
            .position(|l| l.starts_with("ORGANISATION"))
            .unwrap();
        let money_at = lines.iter().position(|l| l.starts_with("MONEY")).unwrap();
        assert!(org_at < money_at, "{report}");
        assert!(lines[money_at].contains("«5 млн теңге»"), "{report}");
        assert!(
            lines[money_at + 1].contains("value=5000000  unit=KZT"),
            "{report}"
        );
        assert!(
            lines[money_at + 2].contains("number/digits")
                && lines[money_at + 2].contains("lost overlap to money/number-scale-currency"),
            "{report}"
        );
        let tail = report.split("elsewhere").nth(1).unwrap_or_default();
        assert!(
            tail.contains("person/name") && tail.contains("rejected: verb"),
            "{report}"
        );
    }
}
