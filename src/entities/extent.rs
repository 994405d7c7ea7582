//! Where a name begins and ends around a head word: the named modifiers to the left of a
//! descriptor (`Ішкі істер` + `министрлігі`, `Алматы қаласының` + `әкімі`), a hyphenated
//! case ending after an acronym, and the entity builder that gives every entity its
//! canonical lemma. What stops a chain is in [`super::breaks`], quoted names in
//! [`super::quotes`].

use crate::mention::{Entity, Label};
use crate::morph::{entity_lemma, morph};
use crate::text::words::WordShape;
use crate::text::{Span, Text};

use super::breaks::Breaks;
use super::lexicon::joinable;
use super::quotes::quoted_before;

/// Lowercase words allowed between a head and the capitalized word that starts its name.
const MAX_LOWER_MODIFIERS: usize = 4;
/// Lowercase words allowed between a head and a quoted name that owns it
/// (`«Нұр Отан» партиясы төрағасының бірінші орынбасары`).
const MAX_LOWER_BEFORE_QUOTE: usize = 3;

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
        let name = starts_name(text, k);
        // A lowercase word after the name's first word must be a link, one before it a
        // modifier within the reach (a number's ending counts with its number): these
        // cheap tests end most chains before the word lists and the person test are asked.
        let modifier = !name && start.is_none() && !is_number_ending(text, k);
        if (!name && start.is_some() && !breaks.is_link(text, k))
            || (modifier && lower >= reach.max_lower)
        {
            break;
        }
        let person_ends = || {
            if reach.persons_end {
                breaks.is_person(text, k)
            } else {
                breaks.is_full_name_part(text, k, head)
            }
        };
        if breaks.is_break(text, k) || person_ends() {
            break;
        }
        if name {
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
            capitals = 0;
        } else if modifier {
            lower += 1;
        }
        if text.words[k].sentence_start {
            break;
        }
        j = k;
    }
    start
}

/// False when [`owner_start`] surely finds no owner before word `head`: the walk it
/// makes, without the word lists (which only end a chain sooner), meets neither a word that
/// can start a name nor a gap that may close a quoted name within `reach.max_lower`
/// modifiers. Only gaps and word flags are read, so a rule may ask it before looking its
/// head word up.
pub fn may_be_owned(text: &Text, head: usize, reach: Reach) -> bool {
    let mut lower = 0;
    for k in (0..head).rev() {
        if !joinable(text.gap_after(k)) {
            return lower <= MAX_LOWER_BEFORE_QUOTE && lower < reach.max_lower;
        }
        if starts_name(text, k) {
            return true;
        }
        if !is_number_ending(text, k) {
            if lower >= reach.max_lower {
                return false;
            }
            lower += 1;
        }
        if text.words[k].sentence_start {
            return false;
        }
    }
    false
}

/// True when word `i` is the ending of a number written with a hyphen (the `інші` of
/// `1-інші`): one modifier with its number, not two.
fn is_number_ending(text: &Text, i: usize) -> bool {
    i > 0
        && text.words[i - 1].shape == WordShape::Digits
        && text
            .gap_after(i - 1)
            .chars()
            .all(crate::text::fold::is_hyphen)
        && !text.gap_after(i - 1).is_empty()
}

/// True when word `i` (or a stem of it) is a known place or name: only such a word joins a
/// name from the sentence start, where every word is capitalized (`Хат Қаржы министрлігіне`
/// keeps `Хат` out, `Қазақстан Республикасы …` keeps `Қазақстан` in).
fn is_known_name(text: &Text, i: usize) -> bool {
    morph()
        .find_stem_at(text, i, |stem| morph().is_known(stem).then_some(()))
        .is_some()
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
    fn every_owner_found_is_one_the_cheap_walk_allows() {
        let breaks = Breaks::new();
        let mut owned = 0;
        for source in [
            include_str!("cases/org.tsv"),
            include_str!("cases/position.tsv"),
            include_str!("cases/quoted.tsv"),
            include_str!("cases/law.tsv"),
            include_str!("cases/org_negative.tsv"),
            include_str!("cases/quoted_negative.tsv"),
        ] {
            for row in super::super::table::rows("test", source) {
                let text = Text::new(row.cell(0));
                for head in 0..text.words.len() {
                    for reach in [Reach::NAMES, Reach::POSTS, Reach::ADJACENT, Reach::THINGS] {
                        let found = owner_start(&text, head, &breaks, reach);
                        if found.is_some() {
                            owned += 1;
                            assert!(may_be_owned(&text, head, reach), "{}", text.text);
                        }
                    }
                }
            }
        }
        assert!(owned > 100, "{owned}");
    }
}
