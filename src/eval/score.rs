//! Span matching and precision/recall/F1 tallies shared by both evaluation modes.
//!
//! A mention is a class over a half-open range of units: bytes of a field (our gold) or
//! token indices (CoNLL). *Strict* means same class and same range (seqeval-equivalent on
//! tokens); *relaxed* means same class and overlapping ranges, counted separately on the gold
//! side (recall) and on the predicted side (precision).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::mention::Label;
use crate::text::Span;

/// One mention to compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Item {
    /// KazNERD class.
    pub label: Label,
    /// Range of units covered (bytes or tokens), end exclusive.
    pub span: Span,
}

/// How the gold and predicted mentions of one unit (sentence or field) line up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alignment {
    /// Pairs `(gold index, predicted index)` that match strictly.
    pub matched: Vec<(usize, usize)>,
    /// Gold indices with no strict match.
    pub missed: Vec<usize>,
    /// Predicted indices with no strict match.
    pub spurious: Vec<usize>,
}

/// Counts for one class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Gold mentions.
    pub gold: usize,
    /// Predicted mentions.
    pub predicted: usize,
    /// Strict matches.
    pub strict: usize,
    /// Gold mentions overlapped by a prediction of the same class.
    pub relaxed_gold: usize,
    /// Predictions overlapping a gold mention of the same class.
    pub relaxed_predicted: usize,
}

/// Precision, recall and F1 (fractions in `0..=1`; 0 when a denominator is 0).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// Correct predictions / predictions.
    pub precision: f64,
    /// Found gold / gold.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

fn ratio(hits: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        hits as f64 / total as f64
    }
}

impl Prf {
    fn new(precision: f64, recall: f64) -> Self {
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.strict += other.strict;
        self.relaxed_gold += other.relaxed_gold;
        self.relaxed_predicted += other.relaxed_predicted;
    }

    /// Strict scores: class and exact range.
    pub fn strict(&self) -> Prf {
        Prf::new(
            ratio(self.strict, self.predicted),
            ratio(self.strict, self.gold),
        )
    }

    /// Relaxed scores: class and overlap.
    pub fn relaxed(&self) -> Prf {
        Prf::new(
            ratio(self.relaxed_predicted, self.predicted),
            ratio(self.relaxed_gold, self.gold),
        )
    }
}

/// Tallies per class over a whole evaluation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// Counts per class (classes seen in gold or predictions only).
    pub labels: BTreeMap<Label, Tally>,
}

impl Scores {
    /// Compares the mentions of one unit, counts them, and returns the alignment.
    /// Mentions should be distinct; duplicates count as separate mentions.
    pub fn add_unit(&mut self, gold: &[Item], predicted: &[Item]) -> Alignment {
        let mut alignment = Alignment::default();
        let mut used = vec![false; predicted.len()];
        for (g, gold_item) in gold.iter().enumerate() {
            let tally = self.labels.entry(gold_item.label).or_default();
            tally.gold += 1;
            let same_class = |p: &Item| p.label == gold_item.label;
            if predicted
                .iter()
                .any(|p| same_class(p) && p.span.overlaps(&gold_item.span))
            {
                tally.relaxed_gold += 1;
            }
            let exact = (0..predicted.len()).find(|&p| !used[p] && predicted[p] == *gold_item);
            match exact {
                Some(p) => {
                    used[p] = true;
                    tally.strict += 1;
                    alignment.matched.push((g, p));
                }
                None => alignment.missed.push(g),
            }
        }
        for (p, item) in predicted.iter().enumerate() {
            let tally = self.labels.entry(item.label).or_default();
            tally.predicted += 1;
            if gold
                .iter()
                .any(|g| g.label == item.label && g.span.overlaps(&item.span))
            {
                tally.relaxed_predicted += 1;
            }
            if !used[p] {
                alignment.spurious.push(p);
            }
        }
        alignment
    }

    /// Adds another evaluation's counts to these.
    pub fn merge(&mut self, other: &Scores) {
        for (label, tally) in &other.labels {
            self.labels.entry(*label).or_default().add(tally);
        }
    }

    /// The counts summed over every class (micro-average).
    pub fn micro(&self) -> Tally {
        let mut total = Tally::default();
        for tally in self.labels.values() {
            total.add(tally);
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(label: Label, start: usize, end: usize) -> Item {
        Item {
            label,
            span: Span::new(start, end),
        }
    }

    #[test]
    fn strict_and_relaxed_counts() {
        let mut scores = Scores::default();
        let gold = [
            item(Label::Gpe, 0, 1),
            item(Label::Money, 3, 6),
            item(Label::Date, 8, 9),
        ];
        let predicted = [
            item(Label::Gpe, 0, 1),
            item(Label::Money, 4, 6),
            item(Label::Person, 8, 9),
        ];
        let alignment = scores.add_unit(&gold, &predicted);
        assert_eq!(alignment.matched, vec![(0, 0)]);
        assert_eq!(alignment.missed, vec![1, 2]);
        assert_eq!(alignment.spurious, vec![1, 2]);
        let money = scores.labels[&Label::Money];
        assert_eq!(
            (money.strict, money.relaxed_gold, money.relaxed_predicted),
            (0, 1, 1)
        );
        let micro = scores.micro();
        assert_eq!((micro.gold, micro.predicted, micro.strict), (3, 3, 1));
        let strict = micro.strict();
        assert!((strict.f1 - 1.0 / 3.0).abs() < 1e-9);
        assert!((micro.relaxed().recall - 2.0 / 3.0).abs() < 1e-9);
    }
}
