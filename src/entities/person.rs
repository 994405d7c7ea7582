//! Persons: first-name gazetteer, surname endings, initials, patronymics.

use crate::mention::Entity;
use crate::text::Text;
use crate::trace::Trace;

/// The rules of this class, built once.
pub struct PersonRules {}

impl PersonRules {
    /// Loads tables and compiles patterns.
    pub fn new() -> Self {
        PersonRules {}
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, _text: &Text, _out: &mut Vec<Entity>, _trace: &mut Trace) {}
}

impl Default for PersonRules {
    fn default() -> Self {
        PersonRules::new()
    }
}
