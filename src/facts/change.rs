//! The trend a clause states about a number: a comparative closing or following the fact
//! (`есе көп`, `10%-ға төмен`, from `data/comparatives.tsv`), or a trend verb (`data/trend_verbs.tsv`: арт-,
//! өс-, азай-…) with a verb ending (`data/verb_endings.tsv`) within a few words after the
//! fact, in the same clause. `-ға дейін` before the verb makes the number the level reached
//! (relation `to`); otherwise it is the size of the change (`by`).

use super::numeral::gap_bytes;
use super::vocab::{Trend, Vocabulary};
use crate::mention::{Change, Relation};
use crate::text::Text;

const WINDOW: usize = 4;

/// The trend verb that `norm` is a form of (`артты`, `азайып`), if any.
/// Of the stems that start the word, the first in table order wins. Words whose first three
/// letters start no stem-and-ending form cost one bit test.
pub fn trend_of(norm: &str, vocab: &Vocabulary) -> Option<Trend> {
    if vocab
        .trend_starts
        .as_ref()
        .is_some_and(|starts| !starts.may_start(norm))
    {
        return None;
    }
    vocab
        .trend_stems
        .candidates(norm)
        .filter(|&len| norm.is_char_boundary(len))
        .filter_map(|len| vocab.trend_index.get(&norm[..len]).copied())
        .filter(|&k| verb_rest(&norm[vocab.trends[k].stem.len()..], vocab))
        .min()
        .map(|k| vocab.trends[k])
}

/// A known verb ending, whole or followed by more (`артып` + `отыр`).
fn verb_rest(rest: &str, vocab: &Vocabulary) -> bool {
    let verb = vocab.verb_endings.contains(rest)
        || rest
            .char_indices()
            .skip(1)
            .any(|(k, _)| k >= 2 && vocab.verb_endings.contains(&rest[..k]));
    verb && !rest.is_empty()
}

/// True when `norm` is a trend verb form.
pub fn is_trend_verb(norm: &str, vocab: &Vocabulary) -> bool {
    trend_of(norm, vocab).is_some()
}

/// The change stated after the fact ending at word `last`; `to_level`: the fact ends in
/// `дейін` (`98%-ға дейін`, `24 теңгеден 27 теңгеге дейін`), so it names the level reached;
/// `dative`: the fact is in the dative, which a verb of reaching (`50 мыңға жеткізу`) needs.
pub fn change_after(
    text: &Text,
    last: usize,
    (to_level, dative): (bool, bool),
    vocab: &Vocabulary,
) -> Option<Change> {
    // `бес есе төмен`: a comparative closing a multiple; `10%-ға төмен`: right after.
    let times = last > 0 && text.norm(last - 1).starts_with("есе");
    let first = if times { last } else { last + 1 };
    let blank =
        || gap_bytes(text, last) == b" " || text.gap_after(last).chars().all(char::is_whitespace);
    for k in first..(last + 2).min(text.words.len()) {
        if k > last && !blank() {
            break;
        }
        if let Some(&direction) = vocab.comparatives.get(text.norm(k)) {
            return Some(Change {
                direction,
                relation: Relation::By,
            });
        }
    }
    let end = (last + 1 + WINDOW).min(text.words.len());
    for k in last + 1..end {
        if gap_bytes(text, k - 1) != b" "
            && text
                .gap_after(k - 1)
                .contains(['.', ',', ';', ':', '!', '?', '—', '–'])
        {
            return None;
        }
        if let Some(trend) = trend_of(text.norm(k), vocab) {
            if trend.reaches && !(to_level || dative) {
                // `адамды жеткізген`, `доза жеткізілді`: carried, not raised to a level.
                return None;
            }
            let relation = if to_level || trend.reaches {
                Relation::To
            } else {
                Relation::By
            };
            return Some(Change {
                direction: trend.direction,
                relation,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_gate_keeps_every_trend_form() {
        let vocab = Vocabulary::load();
        let starts = vocab
            .trend_starts
            .as_ref()
            .expect("all forms have three letters");
        for trend in &vocab.trends {
            for ending in vocab.verb_endings.iter().filter(|e| !e.is_empty()) {
                for tail in ["", "отыр", "п"] {
                    let form = format!("{}{ending}{tail}", trend.stem);
                    assert!(starts.may_start(&form), "{form}");
                }
            }
        }
        assert!(trend_of("артты", &vocab).is_some());
        assert!(trend_of("азайып", &vocab).is_some());
        assert!(trend_of("адамдар", &vocab).is_none());
    }
}
