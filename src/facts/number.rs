//! Cardinals, ordinals, percentages, money, quantities and ranges.

use super::FactContext;
use crate::mention::Fact;
use crate::text::Text;
use crate::trace::Trace;

/// The rules of this dimension, built once.
pub struct NumberRules {}

impl NumberRules {
    /// Loads tables and compiles patterns.
    pub fn new() -> Self {
        NumberRules {}
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(
        &self,
        _text: &Text,
        _context: &FactContext,
        _out: &mut Vec<Fact>,
        _trace: &mut Trace,
    ) {
    }
}
