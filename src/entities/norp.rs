//! NORP (nationalities, religions, political groups) and LANGUAGE.

use crate::mention::Entity;
use crate::text::Text;
use crate::trace::Trace;

/// The rules of this class, built once.
pub struct NorpRules {}

impl NorpRules {
    /// Loads tables and compiles patterns.
    pub fn new() -> Self {
        NorpRules {}
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, _text: &Text, _out: &mut Vec<Entity>, _trace: &mut Trace) {}
}

impl Default for NorpRules {
    fn default() -> Self {
        NorpRules::new()
    }
}
