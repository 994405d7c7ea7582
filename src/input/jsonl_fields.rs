//! The fast path of a JSONL line: one pass of serde_json over the object that keeps only the
//! four configured fields (id, text, title, date) and skips every other value without
//! building it. Duplicate keys keep the last value, as a parsed JSON object does.
//! Anything unusual (not an object, malformed JSON) is reported as `None` here; the caller
//! then parses the line the slow way to describe the problem.
//!
//! Before serde_json, a direct reader takes the common line: an object whose values are all
//! strings or nulls, keys without escapes. It finds the quotes and backslashes of a string
//! with `memchr2`, copies the runs between them whole, and gives up (leaving the line to
//! serde_json, which then decides) on anything else: other value types, a control character
//! in a string, a `\u` surrogate, any syntax error. So it never accepts a line serde_json
//! would refuse, and what it accepts it decodes to the same values.

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::jsonl::Fields;

/// The configured fields found in one JSON object (each `None` when absent).
#[derive(Debug, Default)]
pub(crate) struct Picked {
    /// The id value.
    pub id: Option<Value>,
    /// The text value.
    pub text: Option<Value>,
    /// The title value.
    pub title: Option<Value>,
    /// The date value.
    pub date: Option<Value>,
}

/// Parses `line` as one JSON object and picks the configured fields; `None` when the line
/// is not exactly one well-formed JSON object.
pub(crate) fn pick(line: &str, fields: &Fields) -> Option<Picked> {
    pick_direct(line, fields).or_else(|| pick_serde(line, fields))
}

/// [`pick`] by serde_json.
fn pick_serde(line: &str, fields: &Fields) -> Option<Picked> {
    let mut de = serde_json::Deserializer::from_str(line);
    let picked = de::Deserializer::deserialize_map(&mut de, ObjectVisitor { fields }).ok()?;
    de.end().ok()?;
    Some(picked)
}

/// Which configured field a key names.
enum Slot {
    Id,
    Text,
    Title,
    Date,
    Other,
}

struct ObjectVisitor<'f> {
    fields: &'f Fields,
}

impl<'de> Visitor<'de> for ObjectVisitor<'_> {
    type Value = Picked;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Picked, A::Error> {
        let mut picked = Picked::default();
        while let Some(slot) = map.next_key_seed(KeySeed {
            fields: self.fields,
        })? {
            let target = match slot {
                Slot::Id => &mut picked.id,
                Slot::Text => &mut picked.text,
                Slot::Title => &mut picked.title,
                Slot::Date => &mut picked.date,
                Slot::Other => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            *target = Some(map.next_value::<Value>()?);
        }
        Ok(picked)
    }
}

/// Reads a key and names its slot without allocating it.
struct KeySeed<'f> {
    fields: &'f Fields,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Slot;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Slot, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = Slot;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Slot, E> {
        Ok(slot(key, self.fields))
    }
}

/// [`pick`] for an object of strings and nulls (see the module doc); `None` when unsure.
fn pick_direct(line: &str, fields: &Fields) -> Option<Picked> {
    let b = line.as_bytes();
    let mut picked = Picked::default();
    let mut at = skip_space(b, 0);
    if b.get(at) != Some(&b'{') {
        return None;
    }
    at = skip_space(b, at + 1);
    if b.get(at) == Some(&b'}') {
        at += 1;
    } else {
        loop {
            if b.get(at) != Some(&b'"') {
                return None;
            }
            let key_end = at + 1 + memchr::memchr2(b'"', b'\\', &b[at + 1..])?;
            let key = &line[at + 1..key_end];
            if b[key_end] != b'"' || has_control(key.as_bytes()) {
                return None;
            }
            at = skip_space(b, key_end + 1);
            if b.get(at) != Some(&b':') {
                return None;
            }
            at = skip_space(b, at + 1);
            let target = match slot(key, fields) {
                Slot::Id => Some(&mut picked.id),
                Slot::Text => Some(&mut picked.text),
                Slot::Title => Some(&mut picked.title),
                Slot::Date => Some(&mut picked.date),
                Slot::Other => None,
            };
            match b.get(at) {
                Some(b'"') => {
                    let (value, next) = string(line, at, target.is_some())?;
                    if let Some(target) = target {
                        *target = Some(Value::String(value));
                    }
                    at = next;
                }
                Some(b'n') if b[at..].starts_with(b"null") => {
                    if let Some(target) = target {
                        *target = Some(Value::Null);
                    }
                    at += 4;
                }
                _ => return None,
            }
            at = skip_space(b, at);
            match b.get(at) {
                Some(b',') => at = skip_space(b, at + 1),
                Some(b'}') => {
                    at += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    (skip_space(b, at) == b.len()).then_some(picked)
}

/// The first index from `at` on that is not JSON whitespace.
fn skip_space(b: &[u8], mut at: usize) -> usize {
    while matches!(b.get(at), Some(b' ' | b'\n' | b'\t' | b'\r')) {
        at += 1;
    }
    at
}

/// True when `bytes` hold a control character, which a JSON string may not.
fn has_control(bytes: &[u8]) -> bool {
    bytes.iter().copied().min().is_some_and(|b| b < 0x20)
}

/// The JSON string whose opening quote is at `at`: its value (left empty unless `keep`) and
/// the index after its closing quote; `None` when unsure (see the module doc). One pass:
/// the value is given room for the rest of the line (escapes only shrink it).
fn string(line: &str, at: usize, keep: bool) -> Option<(String, usize)> {
    let b = line.as_bytes();
    let mut value = String::with_capacity(if keep { b.len() - at - 1 } else { 0 });
    let mut from = at + 1;
    loop {
        let stop = from + memchr::memchr2(b'"', b'\\', &b[from..])?;
        if has_control(&b[from..stop]) {
            return None;
        }
        if keep {
            value.push_str(&line[from..stop]);
        }
        if b[stop] == b'"' {
            return Some((value, stop + 1));
        }
        let (decoded, next) = escape(b, stop)?;
        if keep {
            value.push(decoded);
        }
        from = next;
    }
}

/// The character of the escape whose backslash is at `at` and the index after it; `None`
/// for `\u` surrogates (left to serde_json) and invalid escapes.
fn escape(b: &[u8], at: usize) -> Option<(char, usize)> {
    let c = match b.get(at + 1)? {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => {
            let hex = std::str::from_utf8(b.get(at + 2..at + 6)?).ok()?;
            if !hex.bytes().all(|h| h.is_ascii_hexdigit()) {
                return None;
            }
            // A surrogate gives `None` here.
            let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
            return Some((c, at + 6));
        }
        _ => return None,
    };
    Some((c, at + 2))
}

/// Which configured field `key` names.
fn slot(key: &str, fields: &Fields) -> Slot {
    // The text field first: it is the one every article has.
    if key == fields.text {
        Slot::Text
    } else if key == fields.id {
        Slot::Id
    } else if key == fields.title {
        Slot::Title
    } else if key == fields.date {
        Slot::Date
    } else {
        Slot::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_configured_fields_and_keeps_the_last_duplicate() {
        let fields = Fields {
            text: "body".into(),
            ..Fields::default()
        };
        let line = r#"{"id":7,"body":"a","x":{"y":[1,"\"",null]},"b\u006fdy":"b","title":null}"#;
        let picked = pick(line, &fields).expect("an object");
        assert_eq!(picked.id, Some(Value::from(7)));
        assert_eq!(picked.text, Some(Value::from("b")));
        assert_eq!(picked.title, Some(Value::Null));
        assert_eq!(picked.date, None);
    }

    #[test]
    fn anything_but_one_object_is_none() {
        let fields = Fields::default();
        for line in [
            "[1]",
            "\"text\"",
            "{\"text\":\"a\"",
            "{\"text\":\"a\"} 1",
            "{,}",
        ] {
            assert!(pick(line, &fields).is_none(), "{line}");
        }
    }

    #[test]
    fn direct_reader_agrees_with_serde_or_defers() {
        let fields = Fields::default();
        let lines = [
            r#"{"id":"a","text":"x","title":null,"date":"2025-01-02"}"#,
            r#" { "text" : "a\nb\"c\\d\/e\tf\rg\bh\fi" , "id" : "7" } "#,
            r#"{"text":"\u0430\u04d9\u00e9\u20ac"}"#,
            r#"{"text":"\ud83d\ude00"}"#,
            r#"{"text":"\ud83d"}"#,
            r#"{"text":"\x"}"#,
            r#"{"text":"\u12"}"#,
            r#"{"text":"a\"#,
            r#"{"text":"a"#,
            "{\"text\":\"a\u{1}b\"}",
            "{\"te\u{1f}xt\":\"ab\"}",
            r#"{"text":"a","text":"b"}"#,
            r#"{"te\u0078t":"a"}"#,
            r#"{"text":"a","n":1}"#,
            r#"{"text":"a","o":{"p":[1,2]}}"#,
            r#"{"text":"a",}"#,
            r#"{"text":"a"} x"#,
            r#"{"text":"a"}{"#,
            r#"{"text":nul}"#,
            r#"{"text":nullx}"#,
            r#"{"text" "a"}"#,
            r#"{}"#,
            r#"[]"#,
            r#"{"id":null,"text":"Қазақстан – «Астана»"}"#,
        ];
        for line in lines {
            // Deferring is always allowed; taking a line must give serde_json's values.
            if let Some(direct) = pick_direct(line, &fields) {
                let serde = pick_serde(line, &fields);
                let serde = serde.unwrap_or_else(|| panic!("serde refuses {line}"));
                assert_eq!(
                    (direct.id, direct.text, direct.title, direct.date),
                    (serde.id, serde.text, serde.title, serde.date),
                    "{line}"
                );
            }
        }
        // The common lines are taken directly.
        for line in [
            lines[0], lines[1], lines[2], lines[11], lines[21], lines[23],
        ] {
            assert!(pick_direct(line, &fields).is_some(), "{line}");
        }
    }
}
