//! Known names matched whole from tables: state and international bodies, media and
//! companies (`organisations.tsv`), diseases (`diseases.tsv`), named projects, events,
//! works, laws, facilities and products (`named_things.tsv`), and abbreviations
//! (`abbreviations.tsv`). The last word may inflect; an acronym keeps its hyphenated ending.

use crate::mention::{Entity, Label};
use crate::morph::common_noun_lemma;
use crate::text::fold::fold_word;
use crate::text::{Span, Text};
use crate::trace::Trace;

use super::extent::{end_with_suffix, entity};
use super::gate::{bit, Candidates, StartTable};
use super::lexicon::PhraseTable;
use super::quotes::bracketed_abbreviation;
use super::table::{rows, Row};

#[derive(Clone, Copy)]
struct Known {
    label: Label,
    capitalized: bool,
}

/// The known-name gazetteer, built once.
pub struct KnownNames {
    names: PhraseTable<Known>,
}

fn parse_case(row: &Row, i: usize) -> bool {
    match row.cell(i) {
        "cap" => true,
        "any" => false,
        other => row.fail(&format!("case must be `cap` or `any`, not `{other}`")),
    }
}

fn parse_label(row: &Row, i: usize) -> Label {
    Label::from_name(row.cell(i))
        .unwrap_or_else(|| row.fail(&format!("unknown class `{}`", row.cell(i))))
}

fn rule_id(label: Label) -> &'static str {
    match label {
        Label::Organisation => "org/known-name",
        Label::Disease => "disease/known-name",
        Label::Project => "project/known-name",
        Label::Event => "event/known-name",
        Label::Art => "art/known-name",
        Label::Law => "law/known-name",
        Label::Facility => "facility/known-name",
        Label::Product => "product/known-name",
        _ => "known/name",
    }
}

impl KnownNames {
    /// Loads the four tables; records the names' first words in `gates`: a name of one
    /// word by its stems, the first word of a longer name as it is (only the last word of
    /// a name inflects).
    pub fn new(gates: &mut StartTable) -> Self {
        let mut names = PhraseTable::default();
        let mut add = |row: &Row, name: &str, known: Known| {
            if !names.insert(name, known) {
                row.fail("the name has no word");
            }
            let words = Text::new(name);
            let first = words.norm(0);
            if words.words.len() == 1 {
                gates.add(first, bit::KNOWN_SINGLE);
                gates.add(&fold_word(first), bit::KNOWN_SINGLE);
            } else {
                gates.add_word(first, bit::KNOWN);
            }
        };
        for row in rows("organisations.tsv", include_str!("data/organisations.tsv")) {
            let known = Known {
                label: Label::Organisation,
                capitalized: parse_case(&row, 1),
            };
            add(&row, row.cell(0), known);
        }
        for row in rows("diseases.tsv", include_str!("data/diseases.tsv")) {
            let known = Known {
                label: Label::Disease,
                capitalized: parse_case(&row, 1),
            };
            add(&row, row.cell(0), known);
        }
        for row in rows("named_things.tsv", include_str!("data/named_things.tsv")) {
            let known = Known {
                label: parse_label(&row, 1),
                capitalized: parse_case(&row, 2),
            };
            add(&row, row.cell(0), known);
        }
        for row in rows("abbreviations.tsv", include_str!("data/abbreviations.tsv")) {
            let known = Known {
                label: parse_label(&row, 2),
                capitalized: true,
            };
            add(&row, row.cell(0), known);
        }
        KnownNames { names }
    }

    /// Appends every known name of `text` to `out`.
    pub fn find(&self, text: &Text, cands: &Candidates, out: &mut Vec<Entity>, trace: &mut Trace) {
        // The first word not inside the last name found.
        let mut next = 0;
        for i in cands.words(bit::KNOWN | bit::KNOWN_SINGLE) {
            if i < next {
                continue;
            }
            let phrase = || {
                cands
                    .has(i, bit::KNOWN)
                    .then(|| self.names.phrase_at(text, i))
                    .flatten()
            };
            let word = || {
                cands
                    .has(i, bit::KNOWN_SINGLE)
                    .then(|| self.names.word_at(text, i))
                    .flatten()
                    .map(|known| (i, known))
            };
            let Some((last, known)) = phrase().or_else(word) else {
                continue;
            };
            let span = Span::new(text.words[i].span.start, end_with_suffix(text, last));
            let rule = rule_id(known.label);
            if known.capitalized && !text.words[i].capitalized {
                trace.rejected(rule, span, || "lowercase form of a capitalized name".into());
                continue;
            }
            trace.built(rule, span, known.label);
            let mut found = entity(text.text, span, known.label, rule);
            // A disease name is a common noun: a sentence-start capital leaves its lemma.
            if known.label == Label::Disease && !known.capitalized && text.words[i].sentence_start {
                found.lemma = common_noun_lemma(found.lemma);
            }
            out.push(found);
            if let Some(abbr) = bracketed_abbreviation(text, span.end) {
                let rule = "known/bracketed-abbreviation";
                trace.built(rule, abbr, known.label);
                out.push(entity(text.text, abbr, known.label, rule));
            }
            next = last + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gate_passes_the_first_word_of_every_name() {
        let mut gates = StartTable::default();
        let known = KnownNames::new(&mut gates);
        let tables = [
            include_str!("data/organisations.tsv"),
            include_str!("data/diseases.tsv"),
            include_str!("data/named_things.tsv"),
            include_str!("data/abbreviations.tsv"),
        ];
        let mut checked = 0;
        for source in tables {
            for row in rows("test", source) {
                let text = Text::new(row.cell(0));
                let first = text.norm(0);
                if text.words.len() == 1 {
                    assert!(known.names.word_at(&text, 0).is_some(), "{first}");
                    assert_ne!(gates.bits(first) & bit::KNOWN_SINGLE, 0, "{first}");
                    // Stems have three chars or more: a shorter name is only itself.
                    if first.chars().count() >= crate::morph::MIN_LEXICON_STEM {
                        let inflected = format!("{first}ның");
                        assert_ne!(gates.bits(&inflected) & bit::KNOWN_SINGLE, 0, "{first}");
                    }
                } else {
                    assert!(known.names.phrase_at(&text, 0).is_some(), "{first}");
                    assert_ne!(gates.bits(first) & bit::KNOWN, 0, "{first}");
                }
                checked += 1;
            }
        }
        assert!(checked > 100);
    }
}
