//! Where a name begins and ends around a head word: the named modifiers to the left of a
//! descriptor (`Ішкі істер` + `министрлігі`, `Алматы қаласының` + `әкімі`), the quoted name
//! right before a head noun (`«Хабар»` + `агенттігі`), and the entity builder that gives
//! every entity its canonical lemma.

use std::collections::HashSet;

use crate::mention::{Entity, Label};
use crate::morph::{entity_lemma, morph};
use crate::text::fold::fold_word;
use crate::text::words::WordShape;
use crate::text::{Span, Text};

use super::lexicon::{joinable, StemMap};
use super::table::rows;

/// Lowercase words allowed between a head and the capitalized word that starts its name.
const MAX_LOWER_MODIFIERS: usize = 4;
/// Lowercase words allowed between a head and a quoted name that owns it
/// (`«Нұр Отан» партиясы төрағасының бірінші орынбасары`).
const MAX_LOWER_BEFORE_QUOTE: usize = 3;
/// Longest quoted name, in words.
const MAX_QUOTED_WORDS: usize = 10;

/// What ends a name chain (`data/name_breaks.tsv`): words that never belong to a name,
/// case endings no inner name word carries, and generic nouns that cannot own a head alone.
pub struct Breaks {
    first_names: HashSet<String>,
    surname_endings: Vec<String>,
    words: HashSet<String>,
    endings: Vec<String>,
    initial_endings: Vec<String>,
    generic: HashSet<String>,
    generic_any: HashSet<String>,
    links: HashSet<String>,
    owner_endings: Vec<String>,
    naming: HashSet<String>,
    /// Organisation and position heads: a generic noun right before one is no name.
    heads: StemMap<()>,
}

/// Shortest lowercase word (in chars) checked for a case ending: `сауда` is a stem.
const MIN_INFLECTED_CHARS: usize = 6;
/// Letters a sentence-initial word must keep before a case ending to count as inflected.
const MIN_INITIAL_STEM_CHARS: usize = 3;
/// The same for a capitalized word inside a sentence, where a name is likelier
/// (`Сауда палатасы` is no locative).
const MIN_INNER_STEM_CHARS: usize = 4;

impl Breaks {
    /// Loads `data/name_breaks.tsv`.
    pub fn new() -> Self {
        let mut breaks = Breaks {
            first_names: rows(
                "src/entities/data/first_names.tsv",
                include_str!("data/first_names.tsv"),
            )
            .map(|row| fold_word(row.cell(0)))
            .collect(),
            surname_endings: rows(
                "src/entities/data/surname_endings.tsv",
                include_str!("data/surname_endings.tsv"),
            )
            .map(|row| fold_word(row.cell(0)))
            .collect(),
            words: HashSet::new(),
            endings: Vec::new(),
            initial_endings: Vec::new(),
            generic: HashSet::new(),
            generic_any: HashSet::new(),
            links: HashSet::new(),
            owner_endings: Vec::new(),
            naming: HashSet::new(),
            heads: StemMap::default(),
        };
        let head_tables = [
            ("org_markers.tsv", include_str!("data/org_markers.tsv")),
            ("positions.tsv", include_str!("data/positions.tsv")),
        ];
        for (file, source) in head_tables {
            for row in rows(file, source) {
                breaks.heads.insert(row.cell(0), ());
            }
        }
        for row in rows("name_breaks.tsv", include_str!("data/name_breaks.tsv")) {
            let entry = fold_word(row.cell(0));
            match row.cell(1) {
                "word" => {
                    breaks.words.insert(entry);
                }
                "ending" => breaks.endings.push(entry),
                "initial" => breaks.initial_endings.push(entry),
                "generic" => {
                    breaks.generic.insert(entry);
                }
                "generic-any" => {
                    breaks.generic_any.insert(entry);
                }
                "link" => {
                    breaks.links.insert(entry);
                }
                "owner" => breaks.owner_endings.push(entry),
                "naming" => {
                    breaks.naming.insert(entry);
                }
                other => row.fail(&format!("unknown kind `{other}`")),
            }
        }
        breaks
    }

    /// True when word `i` ends every name chain.
    pub fn is_break(&self, text: &Text, i: usize) -> bool {
        let norm = text.norm(i);
        let word = &text.words[i];
        let chars = norm.chars().count();
        let min_stem = if word.sentence_start {
            MIN_INITIAL_STEM_CHARS
        } else {
            MIN_INNER_STEM_CHARS
        };
        let ends = |list: &[String], min: usize| {
            list.iter()
                .any(|e| norm.ends_with(e.as_str()) && chars >= e.chars().count() + min)
        };
        self.words.contains(norm)
            || (!word.capitalized && chars >= MIN_INFLECTED_CHARS && ends(&self.endings, 0))
            || (word.capitalized
                && ends(&self.initial_endings, min_stem)
                && !morph().is_known(norm))
    }

    /// True when capitalized word `i` reads as a person's first name or surname.
    pub fn is_person(&self, text: &Text, i: usize) -> bool {
        text.words[i].capitalized
            && morph()
                .find_stem(text.norm(i), |stem| {
                    let surname = self
                        .surname_endings
                        .iter()
                        .any(|e| stem.len() > e.len() + 4 && stem.ends_with(e.as_str()));
                    (surname || self.first_names.contains(stem)).then_some(())
                })
                .is_some()
    }

    /// True when word `i` cannot start a name: a generic adjective, or a generic noun
    /// right before a head (`Ауыл әкімінің орынбасары`, but `Ауыл шаруашылығы министрлігі`).
    pub fn is_generic(&self, text: &Text, i: usize) -> bool {
        let norm = text.norm(i);
        self.generic_any.contains(norm)
            || (self.generic.contains(norm)
                && (i + 1 >= text.words.len() || self.heads.word(text, i + 1).is_some()))
    }

    /// True when word `i` (before word `head`) is one word of a person's full name
    /// (`Гүлшара Әбдіқалықова`): organisations are named after one name (`Назарбаев
    /// университеті`), never after a first name and surname.
    pub fn is_full_name_part(&self, text: &Text, i: usize, head: usize) -> bool {
        self.is_person(text, i)
            && ((i > 0 && self.is_person(text, i - 1))
                || (i + 1 < head && self.is_person(text, i + 1)))
    }

    /// True when word `i` is a word of naming (`деп аталатын`, `атты`).
    pub fn is_naming(&self, text: &Text, i: usize) -> bool {
        self.naming.contains(text.norm(i))
    }

    /// True when word `i` ends like an owner or head noun (genitive, possessive).
    pub fn is_owner_form(&self, text: &Text, i: usize) -> bool {
        let norm = text.norm(i);
        self.owner_endings
            .iter()
            .any(|e| norm.len() > e.len() && norm.ends_with(e.as_str()))
    }

    /// True when lowercase word `i` links two named parts (`атындағы`).
    pub fn is_link(&self, text: &Text, i: usize) -> bool {
        self.links.contains(text.norm(i))
    }
}

impl Default for Breaks {
    fn default() -> Self {
        Breaks::new()
    }
}

/// True for a word that can start a name: capitalized, or an acronym or number-free Latin
/// word written in capitals.
fn starts_name(text: &Text, i: usize) -> bool {
    let w = &text.words[i];
    w.capitalized && w.shape != WordShape::Digits
}

/// How far an owner chain may reach.
#[derive(Debug, Clone, Copy)]
pub struct Reach {
    /// Any person's name ends the chain: a post is not owned by a person (`Тоқаевтың` +
    /// `Президент`). Otherwise only a full name does: organisations may be named after
    /// people (`Назарбаев университеті`).
    pub persons_end: bool,
    /// Lowercase modifiers allowed between the head and the capitalized owner.
    pub max_lower: usize,
}

impl Reach {
    /// Organisations, laws: any owner, up to [`MAX_LOWER_MODIFIERS`] modifiers.
    pub const NAMES: Reach = Reach {
        persons_end: false,
        max_lower: MAX_LOWER_MODIFIERS,
    };
    /// Posts: no person as owner.
    pub const POSTS: Reach = Reach {
        persons_end: true,
        max_lower: MAX_LOWER_MODIFIERS,
    };
    /// Only capitalized words right before the head, no person: the owner of a unique
    /// office (`Қазақстанның Тұңғыш Президенті`), the name before an event noun
    /// (`[ЭКСПО] көрмесі`).
    pub const ADJACENT: Reach = Reach {
        persons_end: true,
        max_lower: 0,
    };
    /// Facilities, events, projects: generic heads, so at most one modifier
    /// (`Ақсу электр станциясы`).
    pub const THINGS: Reach = Reach {
        persons_end: false,
        max_lower: 1,
    };
}

/// Start (byte) of the named owner chain that ends right before word `head`:
/// up to `reach.max_lower` lowercase modifiers, then one or more capitalized words
/// (or a quoted name). `None` when no capitalized word owns the head (`қала әкімі`).
pub fn owner_start(text: &Text, head: usize, breaks: &Breaks, reach: Reach) -> Option<usize> {
    let mut start = None;
    let mut capitals = 0;
    let mut lower = 0;
    let mut j = head;
    while j > 0 {
        let k = j - 1;
        let gap = text.gap_after(k);
        if !joinable(gap) {
            if start.is_none() && lower <= MAX_LOWER_BEFORE_QUOTE && lower < reach.max_lower {
                if let Some(q) = quoted_before(text, j) {
                    return Some(q.open);
                }
            }
            break;
        }
        let person_ends = if reach.persons_end {
            breaks.is_person(text, k)
        } else {
            breaks.is_full_name_part(text, k, head)
        };
        if breaks.is_break(text, k) || person_ends {
            break;
        }
        if starts_name(text, k) {
            if capitals == 0 && breaks.is_generic(text, k) {
                break;
            }
            if capitals > 0
                && text.words[k].sentence_start
                && !is_known_name(text, k)
                && !text.surface(k).is_ascii()
                && text.surface(k).chars().any(char::is_lowercase)
            {
                break;
            }
            capitals += 1;
            start = Some(text.words[k].span.start);
        } else if start.is_some() {
            if !breaks.is_link(text, k) {
                break;
            }
            capitals = 0;
        } else {
            lower += 1;
            if lower > reach.max_lower {
                break;
            }
        }
        if text.words[k].sentence_start {
            break;
        }
        j = k;
    }
    start
}

/// True when word `i` (or a stem of it) is a known place or name: only such a word joins a
/// name from the sentence start, where every word is capitalized (`Хат Қаржы министрлігіне`
/// keeps `Хат` out, `Қазақстан Республикасы …` keeps `Қазақстан` in).
fn is_known_name(text: &Text, i: usize) -> bool {
    morph()
        .find_stem(text.norm(i), |stem| morph().is_known(stem).then_some(()))
        .is_some()
}

/// A quoted name: the bytes of its content and of its opening quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted {
    /// The content between the quotes, spaces trimmed.
    pub content: Span,
    /// Byte offset of the opening quote.
    pub open: usize,
    /// Byte offset just past the closing quote.
    pub close_end: usize,
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '«' | '„' | '‹' | '“' | '"')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '»' | '”' | '›' | '“' | '"')
}

/// The quoted name whose closing quote stands right before word `i` (`«Хабар» агенттігі`):
/// the gap before `i` must open with the closing quote and hold nothing else but spaces.
pub fn quoted_before(text: &Text, i: usize) -> Option<Quoted> {
    if i == 0 {
        return None;
    }
    let last = i - 1;
    let gap = text.gap_after(last);
    let gap_start = text.words[last].span.end;
    let trimmed = gap.trim_start();
    let close = trimmed.chars().next().filter(|&c| is_close_quote(c))?;
    if !trimmed[close.len_utf8()..]
        .chars()
        .all(crate::text::fold::is_space)
    {
        return None;
    }
    let close_at = gap_start + (gap.len() - trimmed.len());
    let mut first = last;
    for _ in 0..MAX_QUOTED_WORDS {
        let before = if first == 0 {
            &text.text[..text.words[0].span.start]
        } else {
            text.gap_after(first - 1)
        };
        let before_start = text.words[first].span.start - before.len();
        if let Some((pos, c)) = before
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_whitespace())
        {
            if is_open_quote(c) {
                let content =
                    Span::new(text.words[first].span.start, trim_end(text.text, close_at));
                return Some(Quoted {
                    content,
                    open: before_start + pos,
                    close_end: close_at + close.len_utf8(),
                });
            }
            if before.chars().any(is_close_quote) {
                return None;
            }
        }
        if first == 0 {
            return None;
        }
        first -= 1;
    }
    None
}

/// The quoted name opening at byte `open` and closing before word `head` (an owner chain
/// that reached a quote: `«Атамекен» кәсіпкерлер палатасы`).
pub fn quote_opening_at(text: &Text, open: usize, head: usize) -> Option<Quoted> {
    text.text[open..]
        .chars()
        .next()
        .filter(|&c| is_open_quote(c))?;
    (1..=head)
        .filter(|&k| text.words[k - 1].span.start > open)
        .find_map(|k| quoted_before(text, k).filter(|q| q.open == open))
}

fn trim_end(text: &str, end: usize) -> usize {
    end - (text[..end].len() - text[..end].trim_end().len())
}

/// End (byte) of word `last` widened over a case ending written after a hyphen, as on
/// acronyms, digits and Latin names (`АҚШ-тың`, `COVID-19-ға`): KazNERD labels whole tokens.
pub fn end_with_suffix(text: &Text, last: usize) -> usize {
    let end = text.words[last].span.end;
    let next = last + 1;
    if next >= text.words.len() || !is_single_hyphen(text.gap_after(last)) {
        return end;
    }
    let surface = text.surface(last);
    let bare = text.words[last].shape == WordShape::Digits
        || !surface.chars().any(char::is_lowercase)
        || surface.is_ascii();
    let suffix = text.surface(next);
    let is_suffix = suffix.chars().count() <= 8
        && suffix
            .chars()
            .all(|c| c.is_lowercase() && crate::text::fold::is_cyrillic(c));
    if bare && is_suffix {
        text.words[next].span.end
    } else {
        end
    }
}

fn is_single_hyphen(gap: &str) -> bool {
    let mut chars = gap.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if crate::text::fold::is_hyphen(c))
}

/// Longest abbreviation in brackets after a full name, in chars.
const MAX_ABBREVIATION_CHARS: usize = 8;

/// The acronym in brackets right after byte `end` (`Ішкі істер министрлігі (ІІМ)`).
pub fn bracketed_abbreviation(text: &Text, end: usize) -> Option<Span> {
    let rest = &text.text[end..];
    let inner = rest.trim_start().strip_prefix('(')?;
    let close = inner.find(')')?;
    let abbr = inner[..close].trim();
    let chars = abbr.chars().count();
    let acronym = (2..=MAX_ABBREVIATION_CHARS).contains(&chars)
        && abbr
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
        && abbr.chars().filter(|c| c.is_uppercase()).count() >= 2;
    if !acronym {
        return None;
    }
    let start = end
        + (rest.len() - inner.len())
        + (inner[..close].len() - inner[..close].trim_start().len());
    Some(Span::new(start, start + abbr.len()))
}

/// An entity over `span` of `text`, with its lemma.
pub fn entity(text: &str, span: Span, label: Label, rule: &'static str) -> Entity {
    Entity {
        label,
        span,
        lemma: entity_lemma(span.slice(text)),
        expansion: None,
        rule,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owner_chain_needs_a_capitalized_word() {
        let breaks = Breaks::new();
        let text = Text::new("Кеше Ішкі істер министрлігі мен қала әкімі келді");
        assert_eq!(
            owner_start(&text, 3, &breaks, Reach::NAMES),
            text.text.find("Ішкі")
        );
        assert_eq!(owner_start(&text, 6, &breaks, Reach::NAMES), None);
    }

    #[test]
    fn quoted_names_before_a_head() {
        let text = Text::new("«Нұрлы жер» бағдарламасы және \"Арыс\" жобасы");
        let q = quoted_before(&text, 2).unwrap();
        assert_eq!(q.content.slice(text.text), "Нұрлы жер");
        assert_eq!(&text.text[q.open..q.close_end], "«Нұрлы жер»");
        let q = quoted_before(&text, 5).unwrap();
        assert_eq!(q.content.slice(text.text), "Арыс");
        assert_eq!(quoted_before(&text, 3), None);
    }
}
