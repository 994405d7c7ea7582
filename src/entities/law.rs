//! Laws: codes, '… туралы заң', article references.

use crate::mention::Entity;
use crate::text::Text;
use crate::trace::Trace;

/// The rules of this class, built once.
pub struct LawRules {}

impl LawRules {
    /// Loads tables and compiles patterns.
    pub fn new() -> Self {
        LawRules {}
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, _text: &Text, _out: &mut Vec<Entity>, _trace: &mut Trace) {}
}
