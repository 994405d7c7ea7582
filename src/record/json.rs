//! The hot-path JSON writer of [`Record`]: the same bytes as `serde_json::to_writer` (a test
//! compares them on the corpus and on generated records), without the serializer's
//! per-field dispatch and per-byte escaping. Keys are static byte strings; class and
//! qualifier names are written pre-quoted; a string that needs no escaping (no `"`, `\` or
//! control character: nearly every string of an article), found 8 bytes at a time, is copied
//! whole, and any other string is written by serde_json itself; integers are formatted here,
//! and so are floats holding an integer (`5.0`, exactly as ryu writes them), any other float
//! by serde_json's own formatter.
//!
//! The writers take borrowed views ([`FactView`], [`EntityView`]), so that a record can be
//! written either from a [`Record`] ([`write_record`]) or straight from an extractor's
//! mentions without building one ([`super::write_article`]): both go through the same code.

use serde_json::ser::{CompactFormatter, Formatter};

use super::{EntityRecord, FactRecord, Field, Location, Record, RecordError};
use crate::mention::{Change, Label, Qualifier};

/// The record fields before the lists, borrowed.
pub(super) struct Header<'a> {
    pub schema: &'a str,
    pub id: &'a str,
    pub source: &'a str,
    pub date: Option<&'a str>,
    pub title: Option<&'a str>,
}

/// A [`Location`], borrowed.
#[derive(Clone, Copy)]
pub(super) struct At<'a> {
    pub field: Field,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

impl<'a> From<&'a Location> for At<'a> {
    fn from(l: &'a Location) -> Self {
        At {
            field: l.field,
            text: &l.text,
            start: l.start,
            end: l.end,
            byte_start: l.byte_start,
            byte_end: l.byte_end,
        }
    }
}

/// The id of the rule that built a mention.
#[derive(Clone, Copy)]
pub(super) enum RuleId<'a> {
    /// A string literal of the rule code, as a mention holds it: none needs escaping (a
    /// test reads the sources), so it is copied without a check.
    Literal(&'static str),
    /// Any string, as a record read back holds it.
    Read(&'a str),
}

/// A [`FactRecord`], borrowed.
pub(super) struct FactView<'a> {
    pub label: Label,
    pub at: At<'a>,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub unit: Option<&'a str>,
    pub qualifier: Qualifier,
    pub object: Option<&'a str>,
    pub change: Option<Change>,
    pub iso: Option<&'a str>,
    pub rule: RuleId<'a>,
}

impl<'a> From<&'a FactRecord> for FactView<'a> {
    fn from(f: &'a FactRecord) -> Self {
        FactView {
            label: f.label,
            at: At::from(&f.location),
            value: f.value,
            low: f.low,
            high: f.high,
            unit: f.unit.as_deref(),
            qualifier: f.qualifier,
            object: f.object.as_deref(),
            change: f.change,
            iso: f.iso.as_deref(),
            rule: RuleId::Read(&f.rule),
        }
    }
}

/// An [`EntityRecord`], borrowed.
pub(super) struct EntityView<'a> {
    pub label: Label,
    pub at: At<'a>,
    pub lemma: &'a str,
    pub expansion: Option<&'a str>,
    pub rule: RuleId<'a>,
}

impl<'a> From<&'a EntityRecord> for EntityView<'a> {
    fn from(e: &'a EntityRecord) -> Self {
        EntityView {
            label: e.label,
            at: At::from(&e.location),
            lemma: &e.lemma,
            expansion: e.expansion.as_deref(),
            rule: RuleId::Read(&e.rule),
        }
    }
}

/// Appends `record` as one JSON object (no newline) to `out`.
pub fn write_record(out: &mut Vec<u8>, record: &Record) {
    header(
        out,
        &Header {
            schema: &record.schema,
            id: &record.id,
            source: &record.source,
            date: record.date.as_deref(),
            title: record.title.as_deref(),
        },
    );
    for (k, f) in record.facts.iter().enumerate() {
        fact(out, k, &FactView::from(f));
    }
    between_lists(out);
    for (k, e) in record.entities.iter().enumerate() {
        entity(out, k, &EntityView::from(e));
    }
    footer(out, record.error.as_ref());
}

/// Everything up to the first fact: `{"schema":…,"title":…,"facts":[`.
pub(super) fn header(out: &mut Vec<u8>, h: &Header<'_>) {
    out.extend_from_slice(b"{\"schema\":");
    string(out, h.schema);
    out.extend_from_slice(b",\"id\":");
    string(out, h.id);
    out.extend_from_slice(b",\"source\":");
    string(out, h.source);
    out.extend_from_slice(b",\"date\":");
    optional_string(out, h.date);
    out.extend_from_slice(b",\"title\":");
    optional_string(out, h.title);
    out.extend_from_slice(b",\"facts\":[");
}

/// Closes the facts and opens the entities.
pub(super) fn between_lists(out: &mut Vec<u8>) {
    out.extend_from_slice(b"],\"entities\":[");
}

/// Closes the entities and the record.
pub(super) fn footer(out: &mut Vec<u8>, error: Option<&RecordError>) {
    out.extend_from_slice(b"],\"error\":");
    match error {
        Some(error) => record_error(out, error),
        None => out.extend_from_slice(b"null"),
    }
    out.push(b'}');
}

/// Opens the mention numbered `k` in its list (a comma before all but the first): its label
/// and location keys.
#[inline(always)]
fn open_mention(out: &mut Vec<u8>, k: usize, class: Label, at: &At<'_>) {
    let open = label(class);
    out.extend_from_slice(if k == 0 { &open[1..] } else { open });
    location(out, at);
}

/// Writes the rule id and closes the mention.
#[inline(always)]
fn close_mention(out: &mut Vec<u8>, rule: RuleId<'_>) {
    out.extend_from_slice(b",\"rule\":\"");
    close_rule(out, rule);
}

/// Writes the rule id after its key and closes the mention.
#[inline(always)]
fn close_rule(out: &mut Vec<u8>, rule: RuleId<'_>) {
    rule_id(out, rule);
    out.extend_from_slice(b"\"}");
}

/// The fact numbered `k` in its list (a comma before all but the first).
pub(super) fn fact(out: &mut Vec<u8>, k: usize, fact: &FactView<'_>) {
    open_mention(out, k, fact.label, &fact.at);
    out.extend_from_slice(b",\"value\":");
    optional_number(out, fact.value);
    // Most facts have no range: its two keys and nulls go in one piece.
    if fact.low.is_none() && fact.high.is_none() {
        out.extend_from_slice(b",\"low\":null,\"high\":null,\"unit\":");
    } else {
        out.extend_from_slice(b",\"low\":");
        optional_number(out, fact.low);
        out.extend_from_slice(b",\"high\":");
        optional_number(out, fact.high);
        out.extend_from_slice(b",\"unit\":");
    }
    optional_string(out, fact.unit);
    out.extend_from_slice(qualifier(fact.qualifier));
    optional_string(out, fact.object);
    match fact.change {
        Some(change) => {
            out.extend_from_slice(b",\"change\":");
            write_change(out, change);
            out.extend_from_slice(b",\"iso\":");
        }
        None => out.extend_from_slice(b",\"change\":null,\"iso\":"),
    }
    optional_string(out, fact.iso);
    close_mention(out, fact.rule);
}

/// The entity numbered `k` in its list (a comma before all but the first).
pub(super) fn entity(out: &mut Vec<u8>, k: usize, entity: &EntityView<'_>) {
    open_mention(out, k, entity.label, &entity.at);
    out.extend_from_slice(b",\"lemma\":\"");
    contents(out, entity.lemma);
    match entity.expansion {
        // The usual entity: the null and the next key in one piece.
        None => out.extend_from_slice(b"\",\"expansion\":null,\"rule\":\""),
        Some(expansion) => {
            out.extend_from_slice(b"\",\"expansion\":");
            string(out, expansion);
            out.extend_from_slice(b",\"rule\":\"");
        }
    }
    close_rule(out, entity.rule);
}

/// The flattened location keys, after the label.
// Always inlined (into the fact and entity writers), with its four integers.
#[inline(always)]
fn location(out: &mut Vec<u8>, at: &At<'_>) {
    out.extend_from_slice(match at.field {
        Field::Title => b",\"field\":\"title\",\"text\":\"",
        Field::Text => b",\"field\":\"text\",\"text\":\"",
    });
    contents(out, at.text);
    out.extend_from_slice(b"\",\"start\":");
    integer(out, at.start as u64);
    out.extend_from_slice(b",\"end\":");
    integer(out, at.end as u64);
    out.extend_from_slice(b",\"byte_start\":");
    integer(out, at.byte_start as u64);
    out.extend_from_slice(b",\"byte_end\":");
    integer(out, at.byte_end as u64);
}

/// The opening of a mention of a class: a comma (cut off for the first of a list), the
/// brace and the label key and value (a test checks every name against serde).
fn label(label: Label) -> &'static [u8] {
    match label {
        Label::Cardinal => b",{\"label\":\"CARDINAL\"",
        Label::Ordinal => b",{\"label\":\"ORDINAL\"",
        Label::Percentage => b",{\"label\":\"PERCENTAGE\"",
        Label::Money => b",{\"label\":\"MONEY\"",
        Label::Quantity => b",{\"label\":\"QUANTITY\"",
        Label::Date => b",{\"label\":\"DATE\"",
        Label::Time => b",{\"label\":\"TIME\"",
        Label::Person => b",{\"label\":\"PERSON\"",
        Label::Organisation => b",{\"label\":\"ORGANISATION\"",
        Label::Gpe => b",{\"label\":\"GPE\"",
        Label::Location => b",{\"label\":\"LOCATION\"",
        Label::Position => b",{\"label\":\"POSITION\"",
        Label::Norp => b",{\"label\":\"NORP\"",
        Label::Law => b",{\"label\":\"LAW\"",
        Label::Project => b",{\"label\":\"PROJECT\"",
        Label::Event => b",{\"label\":\"EVENT\"",
        Label::Facility => b",{\"label\":\"FACILITY\"",
        Label::Product => b",{\"label\":\"PRODUCT\"",
        Label::Language => b",{\"label\":\"LANGUAGE\"",
        Label::Disease => b",{\"label\":\"DISEASE\"",
        Label::Contact => b",{\"label\":\"CONTACT\"",
        Label::Art => b",{\"label\":\"ART\"",
        Label::Adage => b",{\"label\":\"ADAGE\"",
        Label::Miscellaneous => b",{\"label\":\"MISCELLANEOUS\"",
        Label::NonHuman => b",{\"label\":\"NON_HUMAN\"",
    }
}

/// A qualifier name as a JSON string with its key before it and the key after it (a test
/// checks every name against serde).
fn qualifier(qualifier: Qualifier) -> &'static [u8] {
    match qualifier {
        Qualifier::Exact => b",\"qualifier\":\"exact\",\"object\":",
        Qualifier::About => b",\"qualifier\":\"about\",\"object\":",
        Qualifier::MoreThan => b",\"qualifier\":\"more_than\",\"object\":",
        Qualifier::LessThan => b",\"qualifier\":\"less_than\",\"object\":",
        Qualifier::Nearly => b",\"qualifier\":\"nearly\",\"object\":",
        Qualifier::UpTo => b",\"qualifier\":\"up_to\",\"object\":",
        Qualifier::AtLeast => b",\"qualifier\":\"at_least\",\"object\":",
        Qualifier::AtMost => b",\"qualifier\":\"at_most\",\"object\":",
    }
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

/// Integers below this are exact in an `f64`, so ryu writes them as their digits and `.0`.
const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0; // 2^53

/// A finite number as serde_json writes it; `null` otherwise (as serde_json does).
fn optional_number(out: &mut Vec<u8>, value: Option<f64>) {
    match value {
        Some(v) if v.is_finite() => {
            // `as` saturates and truncates: the round trip keeps exactly the integers.
            if v.abs() < EXACT_INTEGERS && (v as i64) as f64 == v {
                // ryu's shortest form of an exact integer below 2^53 is its digits; it adds
                // `.0`, and the sign of a negative zero.
                if v.is_sign_negative() {
                    out.push(b'-');
                }
                integer(out, v.abs() as u64);
                out.extend_from_slice(b".0");
            } else {
                // Writing to a Vec cannot fail.
                let _ = CompactFormatter.write_f64(out, v);
            }
        }
        _ => out.extend_from_slice(b"null"),
    }
}

/// `value` in decimal, as serde_json (itoa) writes it. Up to 8 digits (every offset of an
/// article below 100 MB) are built in one word, appended whole and cut to length.
// Always inlined: written four times per mention, where a call costs as much as the digits.
#[inline(always)]
fn integer(out: &mut Vec<u8>, mut value: u64) {
    if value >= 100_000_000 {
        out.extend_from_slice(value.to_string().as_bytes());
        return;
    }
    // The digits, least significant first, two at a time, each pushed in at the word's low
    // bytes: the little-endian bytes of the word then read most significant first.
    let mut word = 0u64;
    let mut n = 0;
    while value >= 100 {
        let pair = DIGIT_PAIRS[(value % 100) as usize];
        word = (word << 16) | u64::from(u16::from_le_bytes(pair));
        n += 2;
        value /= 100;
    }
    if value >= 10 {
        word = (word << 16) | u64::from(u16::from_le_bytes(DIGIT_PAIRS[value as usize]));
        n += 2;
    } else {
        word = (word << 8) | (u64::from(b'0') + value);
        n += 1;
    }
    let len = out.len();
    out.extend_from_slice(&word.to_le_bytes());
    out.truncate(len + n);
}

/// The two ASCII digits of every number below 100.
const DIGIT_PAIRS: [[u8; 2]; 100] = {
    let mut pairs = [[0u8; 2]; 100];
    let mut i = 0;
    while i < 100 {
        pairs[i] = [b'0' + (i / 10) as u8, b'0' + (i % 10) as u8];
        i += 1;
    }
    pairs
};

/// A JSON string: its [`contents`] in quotes.
fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    contents(out, s);
    out.push(b'"');
}

/// The contents of a JSON string (the caller writes the quotes, as part of the keys around
/// it): copied whole when no byte needs escaping, else escaped by serde_json (whose quotes
/// are cut off again; rare).
// Always inlined (twice per mention): the check and the copy cost less than the call.
#[inline(always)]
fn contents(out: &mut Vec<u8>, s: &str) {
    if needs_escape(s.as_bytes()) {
        escaped_contents(out, s);
    } else {
        out.extend_from_slice(s.as_bytes());
    }
}

/// [`contents`] of a string that needs escaping.
#[cold]
fn escaped_contents(out: &mut Vec<u8>, s: &str) {
    let start = out.len();
    // Writing to a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, s);
    out.pop();
    out.remove(start);
}

/// The contents of a rule id: a literal of the rule code is copied without an escape check.
#[inline(always)]
fn rule_id(out: &mut Vec<u8>, rule: RuleId<'_>) {
    match rule {
        RuleId::Literal(rule) => {
            debug_assert!(!needs_escape(rule.as_bytes()), "rule id {rule:?}");
            out.extend_from_slice(rule.as_bytes());
        }
        RuleId::Read(rule) => contents(out, rule),
    }
}

/// True when `bytes` hold a quote, a backslash or a control character (below U+0020).
/// Tests 8 bytes at a time in one machine word, without early exit; the last word overlaps
/// the one before when the length is not a multiple of 8. Shorter strings are tested bytewise.
#[inline]
fn needs_escape(bytes: &[u8]) -> bool {
    let special = match bytes.len() {
        8.. => {
            let mut words = bytes.chunks_exact(8);
            let any = words
                .by_ref()
                .fold(0, |any, w| any | special_bytes(word(w)));
            any | special_bytes(word(&bytes[bytes.len() - 8..]))
        }
        _ => u64::from(bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\')),
    };
    special != 0
}

/// The 8 bytes of `w` as a little-endian word.
#[inline(always)]
fn word(w: &[u8]) -> u64 {
    u64::from_le_bytes(w.try_into().expect("8 bytes"))
}

/// Nonzero when a byte of `w` is a quote, a backslash or below 0x20. Each term is the
/// classic "has a byte below n" test (`(w - n·ONES) & !w & HIGHS`; a quote or backslash is a
/// zero byte of `w` xor that byte): its bits can be wrong only above a byte that does
/// match, so the whole is zero exactly when no byte matches.
#[inline(always)]
fn special_bytes(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x;
    let quote = w ^ (ONES * u64::from(b'"'));
    let backslash = w ^ (ONES * u64::from(b'\\'));
    (below(w, 0x20) | below(quote, 1) | below(backslash, 1)) & HIGHS
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
    fn names_and_numbers_match_serde_json() {
        for l in Label::ALL {
            let name = serde_json::to_string(&l).unwrap();
            assert_eq!(label(l), format!(",{{\"label\":{name}").as_bytes(), "{l}");
        }
        for q in Qualifier::ALL {
            let name = serde_json::to_string(&q).unwrap();
            let expected = format!(",\"qualifier\":{name},\"object\":");
            assert_eq!(qualifier(q), expected.as_bytes(), "{q:?}");
        }
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -7.0,
            0.5,
            1e15,
            1e16,
            1e17,
            27.8e12,
            123_456_789.0,
            EXACT_INTEGERS - 1.0,
            EXACT_INTEGERS,
            -EXACT_INTEGERS + 1.0,
            1e300,
            5e-324,
            f64::NAN,
            f64::INFINITY,
        ];
        values.extend((0..64).map(|k| 2f64.powi(k) + 1.0));
        values.extend((0..64).map(|k| -(10f64.powi(k / 4)) * 3.0));
        for v in values {
            let mut fast = Vec::new();
            optional_number(&mut fast, Some(v));
            assert_eq!(
                String::from_utf8(fast).unwrap(),
                serde_json::to_string(&Some(v)).unwrap(),
                "{v}"
            );
        }
        for v in (0..2000).chain([12_345, 99_999_999, 100_000_000, u64::MAX]) {
            let mut fast = Vec::new();
            integer(&mut fast, v);
            assert_eq!(fast, serde_json::to_vec(&v).unwrap());
        }
    }

    #[test]
    fn escape_check_sees_every_position() {
        for byte in 0..=255u8 {
            let special = byte < 0x20 || byte == b'"' || byte == b'\\';
            for len in [1, 7, 8, 9, 15, 16, 17, 31, 32, 33] {
                assert_eq!(needs_escape(&vec![byte; len]), special, "{byte} x {len}");
            }
        }
        for len in 0..40 {
            let clean = "ә".repeat(len / 2) + &"a".repeat(len % 2);
            assert!(!needs_escape(clean.as_bytes()));
            for at in 0..clean.len() {
                for special in [b'"', b'\\', b'\n', 0u8, 0x1f] {
                    let mut bytes = clean.clone().into_bytes();
                    bytes[at] = special;
                    assert!(needs_escape(&bytes), "{len} {at} {special}");
                }
            }
        }
    }

    /// Rule ids are copied without an escape check ([`RuleId::Literal`]): every string
    /// literal of the sources shaped like a rule id (`family/name…`) must hold no escape
    /// sequence and no control character, so none needs escaping in JSON.
    #[test]
    fn rule_id_literals_need_no_escaping() {
        fn rust_files(dir: &std::path::Path, files: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).expect("source dir").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    rust_files(&path, files);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.push(path);
                }
            }
        }
        let mut files = Vec::new();
        rust_files(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let mut seen = 0;
        for path in files {
            let source = std::fs::read_to_string(&path).expect("source file");
            for (at, _) in source.match_indices('"') {
                let rest = &source[at + 1..];
                let family = rest
                    .bytes()
                    .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_')
                    .count();
                if family == 0 || !rest[family..].starts_with('/') {
                    continue;
                }
                let literal = rest.split('"').next().unwrap_or_default();
                seen += 1;
                assert!(
                    !needs_escape(literal.as_bytes()),
                    "{}: rule-id-like literal {literal:?}",
                    path.display()
                );
            }
        }
        assert!(seen > 100, "found only {seen} rule-id-like literals");
    }
}
