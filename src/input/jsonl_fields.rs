//! The fast path of a JSONL line: one pass of serde_json over the object that keeps only the
//! four configured fields (id, text, title, date) and skips every other value without
//! building it. Duplicate keys keep the last value, as a parsed JSON object does.
//! Anything unusual (not an object, malformed JSON) is reported as `None` here; the caller
//! then parses the line the slow way to describe the problem.

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
        let fields = self.fields;
        // The text field first: it is the one every article has.
        Ok(if key == fields.text {
            Slot::Text
        } else if key == fields.id {
            Slot::Id
        } else if key == fields.title {
            Slot::Title
        } else if key == fields.date {
            Slot::Date
        } else {
            Slot::Other
        })
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
}
