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
    let mut facts = Vec::new();
    let mut entities = Vec::new();
    for candidate in candidates {
        match candidate {
            Candidate::Fact(f) => facts.push(f),
            Candidate::Entity(e) => entities.push(e),
        }
    }
    resolve_in_place(&mut facts, &mut entities, trace);
    (facts, entities)
}

/// [`resolve`] over the facts and the entities of one field as reported (the facts count as
/// reported first): keeps the winners in place, each list sorted by start, without moving
/// the candidates around more than sorting them by start. Losers are reported to `trace`.
///
/// Most fields hold no overlapping candidate at all: once both lists are sorted by start
/// (stably, so candidates at one start stay in report order), one merged walk proves it and
/// every candidate is kept. Otherwise the candidates are ranked by priority.
pub fn resolve_in_place(facts: &mut Vec<Fact>, entities: &mut Vec<Entity>, trace: &mut Trace) {
    sort_by_start(facts, |f| f.span.start);
    sort_by_start(entities, |e| e.span.start);
    let fact_spans = facts.iter().map(|f| f.span);
    if !needs_ranking(fact_spans, entities.iter().map(|e| e.span)) {
        return;
    }
    // Candidate `i` is facts[i], then entities[i - split]: at any one start, that is report
    // order, the only place the priority order looks at it.
    let split = facts.len();
    let span_of = |i: usize| match i.checked_sub(split) {
        None => facts[i].span,
        Some(e) => entities[e].span,
    };
    // Priority order: longer first, then earlier start, then class, then report order.
    let mut order: Vec<(Reverse<usize>, usize, Label, usize)> =
        Vec::with_capacity(split + entities.len());
    let labels = facts
        .iter()
        .map(|f| (f.span, f.label))
        .chain(entities.iter().map(|e| (e.span, e.label)));
    order.extend(
        labels
            .enumerate()
            .map(|(i, (span, label))| (Reverse(span.len()), span.start, label, i)),
    );
    order.sort_unstable();
    // Kept spans never overlap, so sorted by start they are also sorted by end: a new span
    // overlaps a kept one iff the kept span starting last before its end reaches past its
    // start. One binary search per candidate.
    let mut kept: Vec<Span> = Vec::with_capacity(order.len());
    let mut keep = vec![false; order.len()];
    for &(_, _, _, i) in &order {
        let span = span_of(i);
        if span.is_empty() {
            continue;
        }
        let at = kept.partition_point(|k| k.start < span.end);
        let blocked = at > 0 && kept[at - 1].end > span.start;
        if !blocked {
            let at = kept.partition_point(|k| k.start < span.start);
            kept.insert(at, span);
            keep[i] = true;
        } else if trace.is_enabled() {
            let describe = |i: usize| match i.checked_sub(split) {
                None => (facts[i].rule, facts[i].label, facts[i].span),
                Some(e) => (entities[e].rule, entities[e].label, entities[e].span),
            };
            // The winner named is the first kept (in priority order) that overlaps.
            let winner = order
                .iter()
                .map(|&(_, _, _, k)| k)
                .find(|&k| keep[k] && span_of(k).overlaps(&span));
            if let Some(w) = winner {
                let (rule, label, at) = describe(w);
                let why = format!("{rule} {label} {at:?}");
                let (rule, label, _) = describe(i);
                trace.overlapped(rule, span, label, why);
            }
        }
    }
    let mut keep = keep.into_iter();
    facts.retain(|_| keep.next().unwrap_or(false));
    entities.retain(|_| keep.next().unwrap_or(false));
}

/// Sorts `items` by `start`, stably (equal starts keep their order); already sorted lists,
/// the usual case, are only checked.
fn sort_by_start<T>(items: &mut [T], start: impl Fn(&T) -> usize) {
    if !items.is_sorted_by_key(&start) {
        items.sort_by_key(start);
    }
}

/// False when the spans of two lists, each sorted by start, are all non-empty and pairwise
/// disjoint: then every candidate wins and no ranking is needed.
fn needs_ranking(a: impl Iterator<Item = Span>, b: impl Iterator<Item = Span>) -> bool {
    let mut a = a.peekable();
    let mut b = b.peekable();
    let mut reached = 0;
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.start <= y.start => a.next(),
            (Some(_), Some(_)) | (None, Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, None) => return false,
        };
        let Some(span) = next else {
            return false;
        };
        if span.is_empty() || span.start < reached {
            return true;
        }
        reached = span.end;
    }
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

    #[test]
    fn ranking_is_needed_only_for_overlaps_and_empty_spans() {
        let spans = |list: &[(usize, usize)]| {
            list.iter()
                .map(|&(a, b)| Span::new(a, b))
                .collect::<Vec<_>>()
                .into_iter()
        };
        assert!(!needs_ranking(
            spans(&[(0, 2), (5, 6)]),
            spans(&[(2, 5), (6, 9)])
        ));
        assert!(!needs_ranking(spans(&[]), spans(&[])));
        assert!(needs_ranking(spans(&[(0, 3)]), spans(&[(2, 5)])));
        assert!(needs_ranking(spans(&[(2, 5)]), spans(&[(2, 3)])));
        assert!(needs_ranking(spans(&[(0, 9)]), spans(&[(2, 3), (9, 10)])));
        assert!(needs_ranking(spans(&[(4, 4)]), spans(&[])));
    }

    /// The greedy policy written out plainly: candidates by priority, each kept unless it
    /// overlaps one kept before.
    fn naive(candidates: &[Candidate]) -> Vec<(usize, usize, Label)> {
        let mut order: Vec<usize> = (0..candidates.len()).collect();
        let key = |i: usize| {
            let s = candidates[i].span();
            (Reverse(s.len()), s.start, candidates[i].label(), i)
        };
        order.sort_by_key(|&i| key(i));
        let mut kept: Vec<Span> = Vec::new();
        let mut won = Vec::new();
        for i in order {
            let span = candidates[i].span();
            if !span.is_empty() && kept.iter().all(|k| !k.overlaps(&span)) {
                kept.push(span);
                won.push((span.start, span.end, candidates[i].label()));
            }
        }
        won.sort();
        won
    }

    #[test]
    fn agrees_with_the_plain_greedy_policy() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        for _ in 0..2000 {
            let count = next(12);
            let candidates: Vec<Candidate> = (0..count)
                .map(|_| {
                    let start = next(40);
                    let end = start + next(8);
                    let label = Label::ALL[next(25)];
                    if next(2) == 0 {
                        fact(label, start, end)
                    } else {
                        entity(label, start, end)
                    }
                })
                .collect();
            let expected = naive(&candidates);
            let (facts, entities) = resolve(candidates, &mut Trace::disabled());
            let mut got: Vec<(usize, usize, Label)> = facts
                .iter()
                .map(|f| (f.span.start, f.span.end, f.label))
                .chain(entities.iter().map(|e| (e.span.start, e.span.end, e.label)))
                .collect();
            assert!(facts.is_sorted_by_key(|f| f.span.start));
            assert!(entities.is_sorted_by_key(|e| e.span.start));
            got.sort();
            assert_eq!(got, expected);
        }
    }
}
