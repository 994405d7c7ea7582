//! Quoted names «…» classified by the noun after them: PROJECT, ART, EVENT, FACILITY, PRODUCT, ORGANISATION.

use crate::mention::Entity;
use crate::text::Text;
use crate::trace::Trace;

/// The rules of this class, built once.
pub struct QuotedRules {}

impl QuotedRules {
    /// Loads tables and compiles patterns.
    pub fn new() -> Self {
        QuotedRules {}
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, _text: &Text, _out: &mut Vec<Entity>, _trace: &mut Trace) {}
}
