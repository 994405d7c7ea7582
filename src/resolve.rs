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
/// The policy is greedy: in priority order, a candidate wins unless it overlaps a winner.
/// Whether it wins thus depends only on the candidates it overlaps, directly or through
/// others: its cluster, a run of candidates by start that each begin before the ones before
/// them end. So each cluster is ranked on its own, and a candidate alone in its cluster (the
/// usual case) simply wins. A trace is given the losers of the whole field in priority
/// order, so traced runs rank the field as one.
pub fn resolve_in_place(facts: &mut Vec<Fact>, entities: &mut Vec<Entity>, trace: &mut Trace) {
    sort_by_start(facts, |f| f.span.start);
    sort_by_start(entities, |e| e.span.start);
    // Candidate `index` is facts[index], then entities[index - facts.len()]: within one
    // start, that is report order, the only place the priority order looks at it.
    let mut entries = by_start(facts, entities);
    let mut keep = vec![false; entries.len()];
    if trace.is_enabled() {
        rank(&mut entries, &mut keep);
        report_losers(&entries, &keep, facts, entities, trace);
    } else {
        for cluster in clusters(&mut entries) {
            match cluster {
                [single] => keep[single.index] = !single.span.is_empty(),
                _ => rank(cluster, &mut keep),
            }
        }
    }
    let mut keep = keep.into_iter();
    facts.retain(|_| keep.next().unwrap_or(false));
    entities.retain(|_| keep.next().unwrap_or(false));
}

/// One candidate as the policy sees it.
#[derive(Debug, Clone, Copy)]
struct Entry {
    span: Span,
    label: Label,
    /// Position among the facts, then the entities.
    index: usize,
}

impl Entry {
    fn new(span: Span, label: Label, index: usize) -> Self {
        Entry { span, label, index }
    }

    /// Priority order: longer first, then earlier start, then class, then report order.
    fn priority(&self) -> (Reverse<usize>, usize, Label, usize) {
        (
            Reverse(self.span.len()),
            self.span.start,
            self.label,
            self.index,
        )
    }
}

/// Sorts `items` by `start`, stably (equal starts keep their order); already sorted lists,
/// the usual case, are only checked.
fn sort_by_start<T>(items: &mut [T], start: impl Fn(&T) -> usize) {
    if !items.is_sorted_by_key(&start) {
        items.sort_by_key(start);
    }
}

/// The entries of the facts and the entities, each sorted by start, merged by start; the
/// facts' indices come first.
fn by_start(facts: &[Fact], entities: &[Entity]) -> Vec<Entry> {
    let mut entries = Vec::with_capacity(facts.len() + entities.len());
    let (mut f, mut e) = (0, 0);
    loop {
        let entry = match (facts.get(f), entities.get(e)) {
            (Some(x), Some(y)) if x.span.start <= y.span.start => {
                f += 1;
                Entry::new(x.span, x.label, f - 1)
            }
            (_, Some(y)) => {
                e += 1;
                Entry::new(y.span, y.label, facts.len() + e - 1)
            }
            (Some(x), None) => {
                f += 1;
                Entry::new(x.span, x.label, f - 1)
            }
            (None, None) => return entries,
        };
        entries.push(entry);
    }
}

/// Splits entries sorted by start into clusters: each entry after the first of a cluster
/// begins before the end of some earlier one. (An empty span overlaps nothing and never
/// wins, whatever cluster it falls in.)
fn clusters(entries: &mut [Entry]) -> impl Iterator<Item = &mut [Entry]> {
    // The furthest end of the cluster so far, `prev` included; `fresh` when `prev` opened it.
    let mut reached = 0;
    let mut fresh = true;
    entries.chunk_by_mut(move |prev, next| {
        reached = if fresh {
            prev.span.end
        } else {
            reached.max(prev.span.end)
        };
        let joins = next.span.start < reached;
        fresh = !joins;
        joins
    })
}

/// Applies the greedy policy to `entries` (left sorted by priority) and marks the winners
/// in `keep`. Kept spans never overlap, so sorted by start they are also sorted by end: a
/// new span overlaps a kept one iff the kept span starting last before its end reaches
/// past its start. One binary search per candidate.
fn rank(entries: &mut [Entry], keep: &mut [bool]) {
    entries.sort_unstable_by_key(Entry::priority);
    let mut kept: Vec<Span> = Vec::with_capacity(entries.len());
    for entry in entries.iter() {
        let span = entry.span;
        if span.is_empty() {
            continue;
        }
        let at = kept.partition_point(|k| k.start < span.end);
        if at == 0 || kept[at - 1].end <= span.start {
            let at = kept.partition_point(|k| k.start < span.start);
            kept.insert(at, span);
            keep[entry.index] = true;
        }
    }
}

/// Reports every loser of `entries` (sorted by priority) in that order, naming the first
/// winner in priority order that overlaps it: the winner that blocked it.
fn report_losers(
    entries: &[Entry],
    keep: &[bool],
    facts: &[Fact],
    entities: &[Entity],
    trace: &mut Trace,
) {
    let rule = |i: usize| match i.checked_sub(facts.len()) {
        None => facts[i].rule,
        Some(e) => entities[e].rule,
    };
    for loser in entries {
        if keep[loser.index] || loser.span.is_empty() {
            continue;
        }
        let winner = entries
            .iter()
            .find(|w| keep[w.index] && w.span.overlaps(&loser.span));
        if let Some(w) = winner {
            let why = format!("{} {} {:?}", rule(w.index), w.label, w.span);
            trace.overlapped(rule(loser.index), loser.span, loser.label, why);
        }
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
    fn clusters_join_only_overlapping_spans() {
        let mut entries: Vec<Entry> = [
            (0, 2),
            (2, 5),
            (3, 4),
            (4, 4),
            (6, 9),
            (8, 12),
            (10, 11),
            (12, 13),
            (13, 13),
        ]
        .iter()
        .enumerate()
        .map(|(index, &(a, b))| Entry {
            span: Span::new(a, b),
            label: Label::Cardinal,
            index,
        })
        .collect();
        let sizes: Vec<usize> = clusters(&mut entries).map(|c| c.len()).collect();
        assert_eq!(sizes, [1, 3, 3, 1, 1]);
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
