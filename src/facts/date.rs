//! Dates: years, day + month, dotted and ISO dates, relative years.

use super::FactContext;
use crate::mention::Fact;
use crate::text::Text;
use crate::trace::Trace;

/// The rules of this dimension, built once.
pub struct DateRules {}

impl DateRules {
    /// Loads tables and compiles patterns.
    pub fn new() -> Self {
        DateRules {}
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
