//! Abbreviation links: `ІІМ` ↔ `Ішкі істер министрлігі`, from a table of known pairs
//! (`abbreviations.tsv`) and from the article itself (a full name followed by its
//! abbreviation in brackets). An abbreviation gets its `expansion` only when the full name
//! occurs as an entity somewhere in the article (title or body).

use std::sync::LazyLock;

use crate::morph::hash::FastMap;

use crate::mention::{Entity, Label};
use crate::text::fold::is_hyphen;
use crate::text::fold::{fold_word, fold_word_into};
use crate::text::Span;

use super::table::rows;

/// Links abbreviations to full names, built once.
pub struct AbbreviationLinker {
    /// Folded abbreviation → folded full name.
    known: FastMap<String, String>,
}

/// True for an acronym lemma: letters and digits with at least two capitals and no
/// lowercase letter (`ІІМ`, `ЕАЭО`, `COVID-19` is not linked: it has no full name).
fn is_acronym(lemma: &str) -> bool {
    let mut capitals = 0;
    for c in lemma.chars() {
        match case_of(c) {
            Case::Lower => return false,
            Case::Upper => capitals += 1,
            Case::Other if c == ' ' => return false,
            Case::Other => {}
        }
    }
    capitals >= 2
}

/// The letter case of a char, as [`char::is_lowercase`] and [`char::is_uppercase`] tell.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Case {
    Lower,
    Upper,
    Other,
}

/// [`Case`] of each char of the Cyrillic block U+0400..U+04FF, indexed by code point
/// minus 0x400.
static CYRILLIC_CASE: LazyLock<[Case; 256]> = LazyLock::new(|| {
    std::array::from_fn(|k| char::from_u32(0x400 + k as u32).map_or(Case::Other, unicode_case))
});

/// [`Case`] from the Unicode tables.
fn unicode_case(c: char) -> Case {
    if c.is_lowercase() {
        Case::Lower
    } else if c.is_uppercase() {
        Case::Upper
    } else {
        Case::Other
    }
}

/// [`unicode_case`] without the tables for ASCII and the Cyrillic block (most lemma chars).
#[inline]
fn case_of(c: char) -> Case {
    match c {
        'a'..='z' => Case::Lower,
        'A'..='Z' => Case::Upper,
        '\0'..='\x7f' => Case::Other,
        '\u{0400}'..='\u{04FF}' => CYRILLIC_CASE[c as usize - 0x400],
        _ => unicode_case(c),
    }
}

impl AbbreviationLinker {
    /// Loads the abbreviation table.
    pub fn new() -> Self {
        let known = rows("abbreviations.tsv", include_str!("data/abbreviations.tsv"))
            .map(|row| (fold_word(row.cell(0)), fold_word(row.cell(1))))
            .collect();
        AbbreviationLinker { known }
    }

    /// Sets `expansion` on abbreviation entities whose full name occurs in any field, and
    /// tags the later mentions of an abbreviation the article introduced in brackets
    /// (`Ақпарат агенттігі (АА) … АА хабарлады`).
    pub fn link(&self, fields: &mut [(&str, &mut Vec<Entity>)]) {
        // Full names of the table's acronyms found in the article, by folded full name:
        // the first entity lemma folding to it.
        let mut names: FastMap<&str, Option<String>> = FastMap::default();
        let mut bracketed: FastMap<String, Introduced> = FastMap::default();
        let mut any_name = false;
        let mut any_acronym = false;
        let mut buf = String::new();
        for (text, entities) in fields.iter() {
            for (k, e) in entities.iter().enumerate() {
                if !is_acronym(&e.lemma) {
                    any_name = true;
                    continue;
                }
                any_acronym = true;
                let key = refold(&mut buf, &e.lemma);
                if let Some(full) = self.known.get(key) {
                    names.entry(full.as_str()).or_insert(None);
                }
                let Some(full) = k.checked_sub(1).map(|p| &entities[p]) else {
                    continue;
                };
                let between = &text[full.span.end..e.span.start];
                if between.trim() == "(" && !is_acronym(&full.lemma) {
                    bracketed
                        .entry(key.to_owned())
                        .or_insert_with(|| Introduced {
                            surface: e.lemma.clone(),
                            full: full.lemma.clone(),
                            label: e.label,
                        });
                }
            }
        }
        // Only acronyms get an expansion or tag mentions, and only from a name.
        if !any_name || !any_acronym {
            return;
        }
        if !names.is_empty() {
            // Only lemmas with as many spaces and chars as some full name are folded and
            // looked up.
            let spaces = names.keys().fold(0u64, |mask, full| mask | space_bit(full));
            let lengths = names
                .keys()
                .fold(0u64, |mask, full| mask | length_bits(full));
            for (_, entities) in fields.iter() {
                for e in entities.iter() {
                    if space_bit(&e.lemma) & spaces == 0
                        || length_bits(&e.lemma) & lengths == 0
                        || is_acronym(&e.lemma)
                    {
                        continue;
                    }
                    if let Some(slot @ None) = names.get_mut(refold(&mut buf, &e.lemma)) {
                        *slot = Some(e.lemma.clone());
                    }
                }
            }
        }
        // Without an introduction or a full name found, every acronym gets `None`.
        let any_expansion = !bracketed.is_empty() || names.values().any(Option::is_some);
        for (text, entities) in fields.iter_mut() {
            for introduced in bracketed.values() {
                tag_mentions(text, introduced, entities);
            }
            for e in entities.iter_mut().filter(|e| is_acronym(&e.lemma)) {
                if !any_expansion {
                    e.expansion = None;
                    continue;
                }
                let key = refold(&mut buf, &e.lemma);
                e.expansion = match bracketed.get(key) {
                    Some(introduced) => Some(introduced.full.clone()),
                    None => self
                        .known
                        .get(key)
                        .and_then(|full| names.get(full.as_str()))
                        .and_then(Clone::clone),
                };
            }
        }
    }
}

/// `word` folded ([`fold_word`]) into `buf`, reused to spare an allocation per lemma. An
/// ASCII word (`KAZINFORM`, the commonest acronym) folds to its ASCII lowercase.
fn refold<'b>(buf: &'b mut String, word: &str) -> &'b str {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        fold_word_into(word, buf);
    }
    buf
}

/// One bit for the number of spaces in `name` (the last bit for 63 or more), which
/// [`fold_word`] does not change.
fn space_bit(name: &str) -> u64 {
    let spaces = name.bytes().filter(|&b| b == b' ').count();
    1 << spaces.min(63)
}

/// The bit of the number of chars of folded `name` (modulo 64), or every bit when `name`
/// may hold an invisible char. Sound: [`fold_word`] turns each char into one char but
/// drops the invisible ones, all of which start with byte 0xC2, 0xE2 or 0xEF.
fn length_bits(name: &str) -> u64 {
    if memchr::memchr3(0xC2, 0xE2, 0xEF, name.as_bytes()).is_some() {
        return u64::MAX;
    }
    1 << (name.chars().count() % 64)
}

/// An abbreviation the article spelled out: `Full Name (ABBR)`.
struct Introduced {
    surface: String,
    full: String,
    label: Label,
}

/// Adds an entity for every whole-word mention of `introduced` in `text` that no entity
/// covers yet (a hyphenated case ending joins it: `АА-ның`), keeping `entities` sorted.
fn tag_mentions(text: &str, introduced: &Introduced, entities: &mut Vec<Entity>) {
    let needle = introduced.surface.as_str();
    let mut added = false;
    // A match of a whole (UTF-8) needle starts and ends at char boundaries.
    for start in memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()) {
        let mut end = start + needle.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        if after.is_some_and(is_hyphen) {
            let suffix: usize = text[end..]
                .chars()
                .skip(1)
                .take_while(|c| c.is_lowercase())
                .map(char::len_utf8)
                .sum();
            if suffix > 0 {
                end += 1 + suffix;
            }
        }
        let span = Span::new(start, end);
        if entities.iter().any(|e| e.span.overlaps(&span)) {
            continue;
        }
        entities.push(Entity {
            label: introduced.label,
            span,
            lemma: introduced.surface.clone(),
            expansion: None,
            rule: "abbrev/introduced-in-article",
        });
        added = true;
    }
    if added {
        entities.sort_by_key(|e| e.span.start);
    }
}

impl Default for AbbreviationLinker {
    fn default() -> Self {
        AbbreviationLinker::new()
    }
}

#[cfg(test)]
mod tests {
    use super::{case_of, fold_word, is_acronym, length_bits, refold, space_bit, unicode_case};

    #[test]
    fn refolding_is_folding() {
        let mut buf = String::from("old");
        for word in [
            "KAZINFORM",
            "ЕАЭО",
            "Ішкі\u{00AD}істер",
            "COVID-19",
            "Astana Hub",
            "",
        ] {
            assert_eq!(refold(&mut buf, word), fold_word(word), "{word}");
        }
    }

    #[test]
    fn the_fast_case_agrees_with_unicode() {
        for c in ('\0'..='\u{052F}').chain(['ª', 'ǅ', 'Ⅷ', 'ⅷ', '«', '№']) {
            assert_eq!(case_of(c), unicode_case(c), "{c:?}");
        }
        assert!(is_acronym("ІІМ") && is_acronym("COVID-19"));
        assert!(!is_acronym("ІІМ-і") && !is_acronym("ҚР ІІМ") && !is_acronym("Ж"));
    }
    use crate::{Article, Extractor};

    #[test]
    fn folding_keeps_the_space_count() {
        for name in [
            "Біріккен Ұлттар Ұйымы",
            "Ішкі\u{00A0}істер министрлігі",
            "ТМД",
            "A B",
        ] {
            assert_eq!(space_bit(name), space_bit(&fold_word(name)), "{name}");
        }
        assert_ne!(space_bit("Ішкі істер"), space_bit("Ішкі істер министрлігі"));
    }

    #[test]
    fn folding_keeps_the_length_bit() {
        for name in [
            "Біріккен Ұлттар Ұйымы",
            "Ішкі\u{00A0}істер министрлігі",
            "Ішкі\u{00AD}істер",
            "Ба\u{200B}нк\u{FEFF}",
            "Kazakh Invest",
            "Ёлка",
            "ТМД",
        ] {
            assert_ne!(
                length_bits(name) & length_bits(&fold_word(name)),
                0,
                "{name}"
            );
        }
        assert_eq!(
            length_bits("Ішкі істер") & length_bits("Ішкі істер министрлігі"),
            0
        );
    }

    fn expansions(title: &str, body: &str) -> Vec<(String, Option<String>)> {
        let article = Article {
            id: "t".into(),
            title: Some(title.into()),
            text: body.into(),
            ..Article::default()
        };
        let extractor = Extractor::new();
        let mut fields: Vec<(&str, Vec<crate::Entity>)> = Vec::new();
        for text in [title, body] {
            fields.push((text, extractor.explain(text, None).entities));
        }
        let mut refs: Vec<(&str, &mut Vec<crate::Entity>)> =
            fields.iter_mut().map(|(t, e)| (*t, e)).collect();
        super::AbbreviationLinker::new().link(&mut refs);
        assert!(extractor.extract(&article).error.is_none());
        fields
            .into_iter()
            .flat_map(|(_, es)| es)
            .filter(|e| e.lemma.chars().all(|c| !c.is_lowercase()))
            .map(|e| (e.lemma, e.expansion))
            .collect()
    }

    #[test]
    fn table_pairs_link_across_title_and_body() {
        let found = expansions(
            "ДДСҰ жаңа ұсыныс берді",
            "Дүниежүзілік денсаулық сақтау ұйымының сарапшылары кеңес берді.",
        );
        assert_eq!(
            found,
            [(
                "ДДСҰ".to_string(),
                Some("Дүниежүзілік денсаулық сақтау ұйымы".to_string())
            )]
        );
    }

    #[test]
    fn bracketed_abbreviations_link_to_the_name_before_them() {
        let found = expansions(
            "Жаңалық",
            "Ақпарат және коммуникация агенттігі (АКА) хабарлады. Кейін АКА тағы мәлімдеді.",
        );
        let expected = Some("Ақпарат және коммуникация агенттігі".to_string());
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|(_, e)| *e == expected), "{found:?}");
    }

    #[test]
    fn no_expansion_without_the_full_name() {
        let found = expansions("ТЖМ хабары", "Министрлік жаңа ереже енгізді.");
        assert_eq!(found, [("ТЖМ".to_string(), None)]);
    }
}
