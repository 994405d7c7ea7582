//! Organisations: marker heads (министрлігі, комитеті…), legal forms (АҚ, ЖШС), known bodies.

use crate::mention::Entity;
use crate::text::Text;
use crate::trace::Trace;

/// The rules of this class, built once.
pub struct OrgRules {}

impl OrgRules {
    /// Loads tables and compiles patterns.
    pub fn new() -> Self {
        OrgRules {}
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, _text: &Text, _out: &mut Vec<Entity>, _trace: &mut Trace) {}
}
