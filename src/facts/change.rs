//! The trend a clause states about a number: a comparative closing or following the fact
//! (`есе көп`, `10%-ға төмен`, from `data/comparatives.tsv`), or a trend verb (`data/trend_verbs.tsv`: арт-,
//! өс-, азай-…) with a verb ending (`data/verb_endings.tsv`) within a few words after the
//! fact, in the same clause. `-ға дейін` before the verb makes the number the level reached
//! (relation `to`); otherwise it is the size of the change (`by`).

use super::vocab::Vocabulary;
use crate::mention::{Change, Direction, Relation};
use crate::text::Text;

const WINDOW: usize = 4;

/// The direction of a trend verb form (`артты`, `азайып`), if `norm` is one.
pub fn trend_of(norm: &str, vocab: &Vocabulary) -> Option<Direction> {
    if !vocab.trend_heads.may_start(norm) {
        return None;
    }
    vocab.trends.iter().find_map(|&(stem, direction)| {
        let rest = norm.strip_prefix(stem)?;
        // A known verb ending, whole or followed by more (`артып` + `отыр`).
        let verb = vocab.verb_endings.contains(rest)
            || rest
                .char_indices()
                .skip(1)
                .any(|(k, _)| k >= 2 && vocab.verb_endings.contains(&rest[..k]));
        (verb && !rest.is_empty()).then_some(direction)
    })
}

/// True when `norm` is a trend verb form.
pub fn is_trend_verb(norm: &str, vocab: &Vocabulary) -> bool {
    trend_of(norm, vocab).is_some()
}

/// The change stated after the fact ending at word `last`; `to_level`: the fact ends in
/// `дейін` (`98%-ға дейін`, `24 теңгеден 27 теңгеге дейін`), so it names the level reached.
pub fn change_after(
    text: &Text,
    last: usize,
    to_level: bool,
    vocab: &Vocabulary,
) -> Option<Change> {
    // `бес есе төмен`: a comparative closing a multiple; `10%-ға төмен`: right after.
    let times = last > 0 && text.norm(last - 1).starts_with("есе");
    let first = if times { last } else { last + 1 };
    for k in first..(last + 2).min(text.words.len()) {
        if k > last && !text.gap_after(last).chars().all(char::is_whitespace) {
            break;
        }
        if let Some(&(_, direction)) = vocab.comparatives.iter().find(|c| c.0 == text.norm(k)) {
            return Some(Change {
                direction,
                relation: Relation::By,
            });
        }
    }
    let end = (last + 1 + WINDOW).min(text.words.len());
    for k in last + 1..end {
        if text
            .gap_after(k - 1)
            .contains(['.', ',', ';', ':', '!', '?', '—', '–'])
        {
            return None;
        }
        if let Some(direction) = trend_of(text.norm(k), vocab) {
            let relation = if to_level { Relation::To } else { Relation::By };
            return Some(Change {
                direction,
                relation,
            });
        }
    }
    None
}
