//! The hot-path JSON writer of [`Record`]: the same bytes as `serde_json::to_writer` (a test
//! compares them on the corpus and on generated records), without the serializer's
//! per-field dispatch and per-byte escaping. Keys are static byte strings; a string that
//! needs no escaping (no `"`, `\` or control character: nearly every string of an article)
//! is copied whole, and any other string is written by serde_json itself; numbers are
//! formatted by serde_json's own formatter.

use serde_json::ser::{CompactFormatter, Formatter};

use super::{EntityRecord, FactRecord, Field, Location, Record, RecordError};
use crate::mention::Change;

/// Appends `record` as one JSON object (no newline) to `out`.
pub fn write_record(out: &mut Vec<u8>, record: &Record) {
    out.extend_from_slice(b"{\"schema\":");
    string(out, &record.schema);
    out.extend_from_slice(b",\"id\":");
    string(out, &record.id);
    out.extend_from_slice(b",\"source\":");
    string(out, &record.source);
    out.extend_from_slice(b",\"date\":");
    optional_string(out, record.date.as_deref());
    out.extend_from_slice(b",\"title\":");
    optional_string(out, record.title.as_deref());
    out.extend_from_slice(b",\"facts\":");
    list(out, &record.facts, fact);
    out.extend_from_slice(b",\"entities\":");
    list(out, &record.entities, entity);
    out.extend_from_slice(b",\"error\":");
    match &record.error {
        Some(error) => record_error(out, error),
        None => out.extend_from_slice(b"null"),
    }
    out.push(b'}');
}

fn list<T>(out: &mut Vec<u8>, items: &[T], write: fn(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (k, item) in items.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        write(out, item);
    }
    out.push(b']');
}

fn fact(out: &mut Vec<u8>, fact: &FactRecord) {
    out.extend_from_slice(b"{\"label\":");
    string(out, fact.label.name());
    location(out, &fact.location);
    out.extend_from_slice(b",\"value\":");
    optional_number(out, fact.value);
    out.extend_from_slice(b",\"low\":");
    optional_number(out, fact.low);
    out.extend_from_slice(b",\"high\":");
    optional_number(out, fact.high);
    out.extend_from_slice(b",\"unit\":");
    optional_string(out, fact.unit.as_deref());
    out.extend_from_slice(b",\"qualifier\":");
    string(out, fact.qualifier.name());
    out.extend_from_slice(b",\"object\":");
    optional_string(out, fact.object.as_deref());
    out.extend_from_slice(b",\"change\":");
    match fact.change {
        Some(change) => write_change(out, change),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"iso\":");
    optional_string(out, fact.iso.as_deref());
    out.extend_from_slice(b",\"rule\":");
    string(out, &fact.rule);
    out.push(b'}');
}

fn entity(out: &mut Vec<u8>, entity: &EntityRecord) {
    out.extend_from_slice(b"{\"label\":");
    string(out, entity.label.name());
    location(out, &entity.location);
    out.extend_from_slice(b",\"lemma\":");
    string(out, &entity.lemma);
    out.extend_from_slice(b",\"expansion\":");
    optional_string(out, entity.expansion.as_deref());
    out.extend_from_slice(b",\"rule\":");
    string(out, &entity.rule);
    out.push(b'}');
}

/// The flattened location keys, after the label.
fn location(out: &mut Vec<u8>, location: &Location) {
    out.extend_from_slice(match location.field {
        Field::Title => b",\"field\":\"title\",\"text\":",
        Field::Text => b",\"field\":\"text\",\"text\":",
    });
    string(out, &location.text);
    out.extend_from_slice(b",\"start\":");
    integer(out, location.start);
    out.extend_from_slice(b",\"end\":");
    integer(out, location.end);
    out.extend_from_slice(b",\"byte_start\":");
    integer(out, location.byte_start);
    out.extend_from_slice(b",\"byte_end\":");
    integer(out, location.byte_end);
}

fn write_change(out: &mut Vec<u8>, change: Change) {
    use crate::mention::{Direction, Relation};
    out.extend_from_slice(match change.direction {
        Direction::Increase => b"{\"direction\":\"increase\"",
        Direction::Decrease => b"{\"direction\":\"decrease\"",
    });
    out.extend_from_slice(match change.relation {
        Relation::By => b",\"relation\":\"by\"}",
        Relation::To => b",\"relation\":\"to\"}",
    });
}

fn record_error(out: &mut Vec<u8>, error: &RecordError) {
    out.extend_from_slice(b"{\"kind\":");
    string(out, &error.kind);
    out.extend_from_slice(b",\"message\":");
    string(out, &error.message);
    out.push(b'}');
}

fn optional_string(out: &mut Vec<u8>, value: Option<&str>) {
    match value {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// A finite number as serde_json writes it; `null` otherwise (as serde_json does).
fn optional_number(out: &mut Vec<u8>, value: Option<f64>) {
    match value {
        Some(v) if v.is_finite() => {
            // Writing to a Vec cannot fail.
            let _ = CompactFormatter.write_f64(out, v);
        }
        _ => out.extend_from_slice(b"null"),
    }
}

fn integer(out: &mut Vec<u8>, value: usize) {
    // Writing to a Vec cannot fail.
    let _ = CompactFormatter.write_u64(out, value as u64);
}

/// A JSON string: copied whole when no byte needs escaping, else written by serde_json.
fn string(out: &mut Vec<u8>, s: &str) {
    if needs_escape(s.as_bytes()) {
        // Writing to a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, s);
    } else {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
}

/// True when `bytes` hold a quote, a backslash or a control character (below U+0020).
/// Checks 16 bytes at a time without early exit, so the loop vectorizes.
fn needs_escape(bytes: &[u8]) -> bool {
    let special = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    let mut chunks = bytes.chunks_exact(16);
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |any, &b| any | special(b)) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| special(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mention::{Direction, Label, Qualifier, Relation};

    fn same_as_serde(record: &Record) {
        let mut fast = Vec::new();
        write_record(&mut fast, record);
        let reference = serde_json::to_vec(record).expect("serializes");
        assert_eq!(
            String::from_utf8_lossy(&fast),
            String::from_utf8_lossy(&reference)
        );
    }

    fn location(text: &str) -> Location {
        Location {
            field: Field::Title,
            text: text.to_owned(),
            start: 3,
            end: 3 + text.chars().count(),
            byte_start: 5,
            byte_end: 5 + text.len(),
        }
    }

    #[test]
    fn escapes_and_nulls_match_serde_json() {
        let mut record = Record::new(
            "a\"b\\c\n\u{1}".into(),
            "dump.jsonl:7".into(),
            None,
            Some("Тақырып «бас»\t\u{7f}".into()),
        );
        record.facts.push(FactRecord {
            label: Label::Money,
            location: location("27,8 трлн теңге"),
            value: Some(27.8e12),
            low: Some(f64::NAN),
            high: Some(-0.5),
            unit: Some("KZT".into()),
            qualifier: Qualifier::MoreThan,
            object: None,
            change: Some(Change {
                direction: Direction::Decrease,
                relation: Relation::To,
            }),
            iso: Some("2026-01-10".into()),
            rule: "money/number-currency".into(),
        });
        record.entities.push(EntityRecord {
            label: Label::Organisation,
            location: location("\"Самұрық\" қоры"),
            lemma: "Самұрық қоры".into(),
            expansion: Some("x".repeat(40)),
            rule: "org/x".into(),
        });
        same_as_serde(&record);
        same_as_serde(&Record::failed(
            "id".into(),
            "-".into(),
            "json",
            "line 3: expected `}`".into(),
        ));
    }

    #[test]
    fn escape_check_sees_every_position() {
        for len in 0..40 {
            let clean = "ә".repeat(len / 2) + &"a".repeat(len % 2);
            assert!(!needs_escape(clean.as_bytes()));
            for at in 0..clean.len() {
                for special in [b'"', b'\\', b'\n', 0u8] {
                    let mut bytes = clean.clone().into_bytes();
                    bytes[at] = special;
                    assert!(needs_escape(&bytes), "{len} {at} {special}");
                }
            }
        }
    }
}
