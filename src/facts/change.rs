//! The trend a clause states about a number: a trend verb (`data/trend_verbs.tsv`: арт-,
//! өс-, азай-…) with a verb ending (`data/verb_endings.tsv`) within a few words after the
//! fact, in the same clause. `-ға дейін` before the verb makes the number the level reached
//! (relation `to`); otherwise it is the size of the change (`by`).

use super::vocab::Vocabulary;
use crate::mention::{Change, Direction, Qualifier, Relation};
use crate::text::Text;

const WINDOW: usize = 4;

/// The direction of a trend verb form (`артты`, `азайып`), if `norm` is one.
pub fn trend_of(norm: &str, vocab: &Vocabulary) -> Option<Direction> {
    vocab.trends.iter().find_map(|&(stem, direction)| {
        let rest = norm.strip_prefix(stem)?;
        let verb = vocab.verb_endings.contains(rest)
            || vocab
                .verb_endings
                .iter()
                .any(|e| rest.starts_with(e) && rest.len() > e.len() && e.len() >= 2);
        (verb && !rest.is_empty()).then_some(direction)
    })
}

/// True when `norm` is a trend verb form.
pub fn is_trend_verb(norm: &str, vocab: &Vocabulary) -> bool {
    trend_of(norm, vocab).is_some()
}

/// The change stated after the fact ending at word `last`.
pub fn change_after(
    text: &Text,
    last: usize,
    qualifier: Qualifier,
    vocab: &Vocabulary,
) -> Option<Change> {
    let end = (last + 1 + WINDOW).min(text.words.len());
    for k in last + 1..end {
        if text
            .gap_after(k - 1)
            .contains(['.', ',', ';', ':', '!', '?', '—', '–'])
        {
            return None;
        }
        if let Some(direction) = trend_of(text.norm(k), vocab) {
            let relation = if qualifier == Qualifier::UpTo {
                Relation::To
            } else {
                Relation::By
            };
            return Some(Change {
                direction,
                relation,
            });
        }
    }
    None
}
