//! The word right after a number is read by several rules (is it a time noun, a unit, a
//! qualifier, the counted object?): [`After`] makes each table lookup of that word at most
//! once per number, and passes other words straight to the tables.

use std::cell::OnceCell;

use crate::facts::phrase::PhraseMatch;
use crate::facts::vocab::{Measure, QualifierWord, Vocabulary};
use crate::text::Text;

/// The lookups of word `word` (the one after a number), each made on first use.
pub struct After<'v, 't> {
    vocab: &'v Vocabulary,
    text: &'t Text<'t>,
    word: usize,
    time_noun: OnceCell<bool>,
    measure: OnceCell<Option<PhraseMatch<'v, 't, Measure>>>,
    qualifier: OnceCell<Option<PhraseMatch<'v, 't, QualifierWord>>>,
}

impl<'v, 't> After<'v, 't> {
    /// The memo of word `word` of `text`.
    pub fn new(vocab: &'v Vocabulary, text: &'t Text<'t>, word: usize) -> Self {
        After {
            vocab,
            text,
            word,
            time_noun: OnceCell::new(),
            measure: OnceCell::new(),
            qualifier: OnceCell::new(),
        }
    }

    /// True when a time noun (`жыл`, `күні`) starts at word `k`.
    pub fn time_noun(&self, k: usize) -> bool {
        let look = || self.vocab.time_nouns.match_at(self.text, k).is_some();
        if k == self.word {
            *self.time_noun.get_or_init(look)
        } else {
            look()
        }
    }

    /// The unit, currency or percent phrase starting at word `k`.
    pub fn measure(&self, k: usize) -> Option<PhraseMatch<'v, 't, Measure>> {
        let look = || self.vocab.measures.match_at(self.text, k);
        if k == self.word {
            *self.measure.get_or_init(look)
        } else {
            look()
        }
    }

    /// The qualifier phrase (`астам`, `жуық`) starting at word `k`.
    pub fn qualifier(&self, k: usize) -> Option<PhraseMatch<'v, 't, QualifierWord>> {
        let look = || self.vocab.qualifiers_after.match_at(self.text, k);
        if k == self.word {
            *self.qualifier.get_or_init(look)
        } else {
            look()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_answers_as_the_tables() {
        let vocab = Vocabulary::load();
        let text = Text::new("5 жыл 10 тонна астам адам");
        for word in 0..text.words.len() {
            let after = After::new(&vocab, &text, word);
            for k in 0..text.words.len() {
                for _ in 0..2 {
                    let time = vocab.time_nouns.match_at(&text, k).is_some();
                    assert_eq!(after.time_noun(k), time);
                    let unit = vocab.measures.match_at(&text, k).map(|m| m.last_word);
                    assert_eq!(after.measure(k).map(|m| m.last_word), unit);
                    let q = vocab
                        .qualifiers_after
                        .match_at(&text, k)
                        .map(|m| m.last_word);
                    assert_eq!(after.qualifier(k).map(|m| m.last_word), q);
                }
            }
        }
    }
}
