//! Our gold annotations (`corpus/gold/*.tsv`, format in `docs/gold-format.md`): parsing, and
//! locating each row's surface in its article field. Every malformed or unlocatable row is
//! a [`GoldError`] naming the file and line; all of them are collected, not just the first.

use crate::mention::{Change, Direction, Label, Qualifier, Relation};
use crate::record::{EntityRecord, FactRecord, Field};
use crate::text::Span;
use crate::Article;

/// The normalized fields of a mention, gold or predicted, in one comparable form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attrs {
    /// Value.
    pub value: Option<f64>,
    /// Range start.
    pub low: Option<f64>,
    /// Range end.
    pub high: Option<f64>,
    /// Unit symbol or currency code.
    pub unit: Option<String>,
    /// Qualifier other than `exact`.
    pub qualifier: Option<Qualifier>,
    /// Counted noun.
    pub object: Option<String>,
    /// `increase:by`, `decrease:to`…
    pub change: Option<String>,
    /// ISO date or time.
    pub iso: Option<String>,
    /// Entity lemma.
    pub lemma: Option<String>,
    /// Abbreviation expansion.
    pub expansion: Option<String>,
}

/// The gold-format name of a change: `increase:by`, `decrease:to`…
pub fn change_name(change: Change) -> String {
    let direction = match change.direction {
        Direction::Increase => "increase",
        Direction::Decrease => "decrease",
    };
    let relation = match change.relation {
        Relation::By => "by",
        Relation::To => "to",
    };
    format!("{direction}:{relation}")
}

fn non_exact(qualifier: Qualifier) -> Option<Qualifier> {
    (qualifier != Qualifier::Exact).then_some(qualifier)
}

impl Attrs {
    /// The fields of a predicted fact.
    pub fn of_fact(fact: &FactRecord) -> Attrs {
        Attrs {
            value: fact.value,
            low: fact.low,
            high: fact.high,
            unit: fact.unit.clone(),
            qualifier: non_exact(fact.qualifier),
            object: fact.object.clone(),
            change: fact.change.map(change_name),
            iso: fact.iso.clone(),
            ..Attrs::default()
        }
    }

    /// The fields of a predicted entity.
    pub fn of_entity(entity: &EntityRecord) -> Attrs {
        Attrs {
            lemma: Some(entity.lemma.clone()),
            expansion: entity.expansion.clone(),
            ..Attrs::default()
        }
    }

    /// The fields compared as text, by name (`None` when not stated).
    pub fn text_fields(&self) -> [(&'static str, Option<&str>); 7] {
        [
            ("unit", self.unit.as_deref()),
            ("qualifier", self.qualifier.map(Qualifier::name)),
            ("object", self.object.as_deref()),
            ("change", self.change.as_deref()),
            ("iso", self.iso.as_deref()),
            ("lemma", self.lemma.as_deref()),
            ("expansion", self.expansion.as_deref()),
        ]
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let number = || {
            value
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .ok_or_else(|| format!("{key}={value:?} is not a number"))
        };
        let text = || Some(value.to_owned());
        match key {
            "value" => self.value = Some(number()?),
            "low" => self.low = Some(number()?),
            "high" => self.high = Some(number()?),
            "unit" => self.unit = text(),
            "qualifier" => {
                let q = Qualifier::from_name(value)
                    .ok_or_else(|| format!("unknown qualifier {value:?}"))?;
                self.qualifier = non_exact(q);
            }
            "object" => self.object = text(),
            "change" => {
                let known = ["increase:by", "increase:to", "decrease:by", "decrease:to"];
                if !known.contains(&value) {
                    return Err(format!("change={value:?} is not one of {known:?}"));
                }
                self.change = text();
            }
            "iso" => self.iso = text(),
            "lemma" => self.lemma = text(),
            "expansion" => self.expansion = text(),
            _ => return Err(format!("unknown attribute {key:?}")),
        }
        Ok(())
    }
}

/// One gold row, located in its field.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldMention {
    /// 1-based line in the gold file.
    pub line: usize,
    /// Title or body.
    pub field: Field,
    /// Class.
    pub label: Label,
    /// Bytes of the field.
    pub span: Span,
    /// Normalized fields.
    pub attrs: Attrs,
}

/// A gold row that is malformed or cannot be located.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct GoldError {
    /// Gold file path.
    pub file: String,
    /// 1-based line (0 for the whole file).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

struct Row<'g> {
    line: usize,
    field: Field,
    label: Label,
    surface: &'g str,
    attrs: Attrs,
}

fn parse_row(number: usize, line: &str) -> Result<Row<'_>, String> {
    let mut columns = line.split('\t');
    let field = match columns.next().unwrap_or_default() {
        "title" => Field::Title,
        "text" => Field::Text,
        other => return Err(format!("field {other:?} is not `title` or `text`")),
    };
    let label = columns.next().unwrap_or_default();
    let label = Label::from_name(label).ok_or_else(|| format!("unknown class {label:?}"))?;
    let surface = columns.next().unwrap_or_default();
    if surface.trim().is_empty() {
        return Err("empty surface".to_owned());
    }
    let mut attrs = Attrs::default();
    for column in columns.filter(|c| !c.trim().is_empty()) {
        let (key, value) = column
            .split_once('=')
            .ok_or_else(|| format!("attribute {column:?} is not key=value"))?;
        attrs.set(key.trim(), value.trim())?;
    }
    Ok(Row {
        line: number,
        field,
        label,
        surface,
        attrs,
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True when `span` of `text` starts and ends at word boundaries.
fn whole_words(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let first = text[span.start..].chars().next();
    let last = text[..span.end].chars().next_back();
    let boundary = |outside: Option<char>, inside: Option<char>| match (outside, inside) {
        (Some(o), Some(i)) => !(is_word_char(o) && is_word_char(i)),
        _ => true,
    };
    boundary(before, first) && boundary(after, last)
}

/// Finds `surface` as whole words in `text` at or after `from`.
fn find_whole(text: &str, surface: &str, from: usize) -> Option<Span> {
    let mut at = from;
    while let Some(offset) = text.get(at..)?.find(surface) {
        let span = Span::new(at + offset, at + offset + surface.len());
        if whole_words(text, span) {
            return Some(span);
        }
        at = span.start + surface.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Parses a gold file and locates its rows in `article`; returns the mentions and every
/// problem found.
pub fn load(content: &str, file: &str, article: &Article) -> (Vec<GoldMention>, Vec<GoldError>) {
    let mut mentions = Vec::new();
    let mut errors = Vec::new();
    let mut cursor = [0usize; 2];
    for (index, raw) in content.lines().enumerate() {
        let line = raw.trim_start_matches('\u{feff}').trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let error = |message: String| GoldError {
            file: file.to_owned(),
            line: index + 1,
            message,
        };
        let row = match parse_row(index + 1, line) {
            Ok(row) => row,
            Err(message) => {
                errors.push(error(message));
                continue;
            }
        };
        let (text, slot) = match row.field {
            Field::Title => (article.title.as_deref().unwrap_or(""), 0),
            Field::Text => (article.text.as_str(), 1),
        };
        match find_whole(text, row.surface, cursor[slot]) {
            Some(span) => {
                cursor[slot] = span.end;
                mentions.push(GoldMention {
                    line: row.line,
                    field: row.field,
                    label: row.label,
                    span,
                    attrs: row.attrs,
                });
            }
            None => errors.push(error(format!(
                "{} {:?} not found as whole words in the {} after byte {}",
                row.label,
                row.surface,
                if slot == 0 { "title" } else { "text" },
                cursor[slot]
            ))),
        }
    }
    (mentions, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        Article {
            title: Some("Шымкентте жол салынды".into()),
            text: "Шымкенттегі жолға 3 млрд теңге бөлінді. Шымкент әкімі келді.".into(),
            ..Article::default()
        }
    }

    #[test]
    fn locates_rows_in_order_as_whole_words() {
        let gold = "\u{feff}# comment\ntitle\tGPE\tШымкентте\tlemma=Шымкент\n\
                    text\tMONEY\t3 млрд теңге\tvalue=3000000000\tunit=KZT\n\
                    text\tGPE\tШымкент\tlemma=Шымкент\n";
        let (mentions, errors) = load(gold, "g.tsv", &article());
        assert_eq!(errors, vec![]);
        let text = article().text;
        let surfaces: Vec<&str> = mentions[1..].iter().map(|m| m.span.slice(&text)).collect();
        assert_eq!(surfaces, vec!["3 млрд теңге", "Шымкент"]);
        assert_eq!(mentions[2].span.start, text.find("Шымкент әкімі").unwrap());
        assert_eq!(mentions[1].attrs.value, Some(3e9));
        assert_eq!(mentions[1].attrs.unit.as_deref(), Some("KZT"));
    }

    #[test]
    fn reports_every_bad_row_with_its_line() {
        let gold = "text\tMONEY\t5 млрд теңге\n\
                    text\tPLANET\tЖер\n\
                    text\tCARDINAL\t3\tvalue=три\n\
                    text\tGPE\tШымкенттегі\tlemma=Шымкент\n";
        let (mentions, errors) = load(gold, "g.tsv", &article());
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![1, 2, 3]);
        assert!(errors[0]
            .to_string()
            .starts_with("g.tsv:1: MONEY \"5 млрд теңге\" not found"));
        assert_eq!(mentions.len(), 1);
    }
}
