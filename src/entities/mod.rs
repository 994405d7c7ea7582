//! Named entities: every non-numeric KazNERD class, found by gazetteers and markers matched
//! on word stems ([`crate::morph`]), each with a canonical `lemma`. Data lives in
//! `src/entities/data/*.tsv`, one row per item.
//!
//! Lemma letter case: a lemma keeps the letter case of the text, with two exceptions.
//! A dateline place written in capitals (`АСТАНА.`) takes the gazetteer's spelling
//! (`Астана`). NORP, LANGUAGE and DISEASE words are common nouns in Kazakh, so a capital
//! that only marks a sentence start is lowered (`Қазақстандық` → `қазақстандық`,
//! `Ағылшын тілі` → `ағылшын тілі`, `Инсульт` → `инсульт`); mid-sentence capitals and
//! words in capitals (`COVID-19`) stay as written.

pub mod abbrev;
pub mod breaks;
pub mod contact;
pub mod extent;
pub mod facility;
pub mod gate;
pub mod known;
pub mod law;
pub mod lexicon;
pub mod norp;
pub mod org;
pub mod person;
pub mod place;
pub mod position;
pub mod quoted;
pub mod quotes;
use crate::table;

#[cfg(test)]
mod cases;

use crate::mention::Entity;
use crate::text::Text;
use crate::trace::Trace;

/// Reports a built entity to the trace and appends it (no abbreviation expansion yet).
pub(crate) fn emit(
    out: &mut Vec<Entity>,
    trace: &mut Trace,
    label: crate::mention::Label,
    span: crate::text::Span,
    lemma: String,
    rule: &'static str,
) {
    trace.built(rule, span, label);
    out.push(Entity {
        label,
        span,
        lemma,
        expansion: None,
        rule,
    });
}

/// All entity rules, built once.
pub struct EntityExtractor {
    people: person::PersonRules,
    places: place::PlaceRules,
    norp: norp::NorpRules,
    orgs: org::OrgRules,
    positions: position::PositionRules,
    laws: law::LawRules,
    quoted: quoted::QuotedRules,
    contacts: contact::ContactRules,
    known: known::KnownNames,
    facilities: facility::FacilityRules,
    abbreviations: abbrev::AbbreviationLinker,
    /// Word starts of the descriptor rules' tables (see [`gate`]).
    gates: gate::StartTable,
}

impl EntityExtractor {
    /// Loads the tables and compiles the rules.
    pub fn new() -> Self {
        let mut gates = gate::StartTable::default();
        EntityExtractor {
            people: person::PersonRules::new(),
            places: place::PlaceRules::new(),
            norp: norp::NorpRules::new(),
            orgs: org::OrgRules::new(&mut gates),
            positions: position::PositionRules::new(&mut gates),
            laws: law::LawRules::new(&mut gates),
            quoted: quoted::QuotedRules::new(&mut gates),
            contacts: contact::ContactRules::new(),
            known: known::KnownNames::new(&mut gates),
            facilities: facility::FacilityRules::new(&mut gates),
            abbreviations: abbrev::AbbreviationLinker::new(),
            gates,
        }
    }

    /// Appends every entity candidate of `text` to `out` (overlaps are resolved later).
    pub fn extract(&self, text: &Text, out: &mut Vec<Entity>, trace: &mut Trace) {
        self.people.find(text, out, trace);
        self.places.find(text, out, trace);
        self.norp.find(text, out, trace);
        let cands = gate::Candidates::new(&self.gates, text);
        self.orgs.find(text, &cands, out, trace);
        self.positions.find(text, &cands, out, trace);
        self.laws.find(text, &cands, out, trace);
        self.quoted.find(text, &cands, out, trace);
        self.contacts.find(text, out, trace);
        self.known.find(text, &cands, out, trace);
        self.facilities.find(text, &cands, out, trace);
    }

    /// Fills `expansion` on abbreviations whose full name appears in any field of the article.
    pub fn link_abbreviations(&self, fields: &mut [(&str, &mut Vec<Entity>)]) {
        self.abbreviations.link(fields);
    }
}

impl Default for EntityExtractor {
    fn default() -> Self {
        EntityExtractor::new()
    }
}
