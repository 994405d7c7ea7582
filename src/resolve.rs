//! The overlap policy, named `longest-then-leftmost`: KazNERD spans are flat and "the largest
//! entity wins" (reference A.3 rule 2), so among overlapping candidates of one field, facts
//! and entities alike, the one covering more bytes is kept; ties go to the earlier start, then
//! to the candidate whose class comes first in [`Label::ALL`] (numeric classes before names),
//! then to the earlier rule report. The result is sorted by start.

use std::cmp::Reverse;

use crate::mention::{Entity, Fact, Label};
use crate::text::Span;
use crate::trace::Trace;

/// One candidate of either kind.
#[derive(Debug, Clone)]
pub enum Candidate {
    /// A numeric fact.
    Fact(Fact),
    /// A named entity.
    Entity(Entity),
}

impl Candidate {
    /// The bytes it covers.
    pub fn span(&self) -> Span {
        match self {
            Candidate::Fact(f) => f.span,
            Candidate::Entity(e) => e.span,
        }
    }

    /// Its class.
    pub fn label(&self) -> Label {
        match self {
            Candidate::Fact(f) => f.label,
            Candidate::Entity(e) => e.label,
        }
    }

    /// The id of the rule that built it.
    pub fn rule(&self) -> &'static str {
        match self {
            Candidate::Fact(f) => f.rule,
            Candidate::Entity(e) => e.rule,
        }
    }
}

/// Applies `longest-then-leftmost` and splits the winners back into facts and entities,
/// each sorted by start. Losers are reported to `trace`.
pub fn resolve(candidates: Vec<Candidate>, trace: &mut Trace) -> (Vec<Fact>, Vec<Entity>) {
    // Priority order: longer first, then earlier start, then class, then report order.
    let mut order: Vec<(Reverse<usize>, usize, Label, usize)> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let span = c.span();
            (Reverse(span.len()), span.start, c.label(), i)
        })
        .collect();
    order.sort_unstable();
    // Kept spans never overlap, so sorted by start they are also sorted by end: a new span
    // overlaps a kept one iff the kept span starting last before its end reaches past its
    // start. One binary search per candidate.
    let mut kept: Vec<(Span, usize)> = Vec::new();
    let mut keep = vec![false; candidates.len()];
    for &(_, _, _, i) in &order {
        let span = candidates[i].span();
        if span.is_empty() {
            continue;
        }
        let at = kept.partition_point(|(k, _)| k.start < span.end);
        let blocked = at > 0 && kept[at - 1].0.end > span.start;
        if !blocked {
            let at = kept.partition_point(|(k, _)| k.start < span.start);
            kept.insert(at, (span, i));
            keep[i] = true;
        } else if trace.is_enabled() {
            // The winner named is the first kept (in priority order) that overlaps.
            let winner = order
                .iter()
                .map(|&(_, _, _, k)| k)
                .find(|&k| keep[k] && candidates[k].span().overlaps(&span));
            if let Some(w) = winner.map(|w| &candidates[w]) {
                let why = format!("{} {} {:?}", w.rule(), w.label(), w.span());
                trace.overlapped(candidates[i].rule(), span, candidates[i].label(), why);
            }
        }
    }
    let mut facts = Vec::new();
    let mut entities = Vec::new();
    for (candidate, keep) in candidates.into_iter().zip(keep) {
        match candidate {
            Candidate::Fact(f) if keep => facts.push(f),
            Candidate::Entity(e) if keep => entities.push(e),
            _ => {}
        }
    }
    facts.sort_unstable_by_key(|f| f.span.start);
    entities.sort_unstable_by_key(|e| e.span.start);
    (facts, entities)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(label: Label, start: usize, end: usize) -> Candidate {
        Candidate::Fact(Fact::new(label, Span::new(start, end), "test/fact"))
    }

    fn entity(label: Label, start: usize, end: usize) -> Candidate {
        Candidate::Entity(Entity {
            label,
            span: Span::new(start, end),
            lemma: String::new(),
            expansion: None,
            rule: "test/entity",
        })
    }

    #[test]
    fn longest_wins_across_kinds() {
        let (facts, entities) = resolve(
            vec![fact(Label::Cardinal, 10, 14), entity(Label::Event, 0, 20)],
            &mut Trace::disabled(),
        );
        assert!(facts.is_empty());
        assert_eq!(entities.len(), 1);
    }

    #[test]
    fn ties_go_to_leftmost_then_class_order() {
        let (facts, entities) = resolve(
            vec![
                entity(Label::Gpe, 5, 10),
                fact(Label::Cardinal, 3, 8),
                entity(Label::Person, 20, 25),
                fact(Label::Date, 20, 25),
            ],
            &mut Trace::disabled(),
        );
        assert_eq!(
            facts.iter().map(|f| f.span.start).collect::<Vec<_>>(),
            [3, 20]
        );
        assert_eq!(facts[1].label, Label::Date);
        assert!(entities.is_empty());
    }

    #[test]
    fn losers_are_traced_and_survivors_sorted() {
        let mut trace = Trace::enabled();
        let (facts, _) = resolve(
            vec![
                fact(Label::Cardinal, 30, 32),
                fact(Label::Money, 0, 12),
                fact(Label::Cardinal, 0, 2),
            ],
            &mut trace,
        );
        assert_eq!(
            facts.iter().map(|f| f.span.start).collect::<Vec<_>>(),
            [0, 30]
        );
        assert_eq!(trace.events.len(), 1);
    }
}
