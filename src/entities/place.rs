//! Places: GPE (countries, regions, cities) and LOCATION (rivers, seas, mountains).

use crate::mention::Entity;
use crate::text::Text;
use crate::trace::Trace;

/// The rules of this class, built once.
pub struct PlaceRules {}

impl PlaceRules {
    /// Loads tables and compiles patterns.
    pub fn new() -> Self {
        PlaceRules {}
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, _text: &Text, _out: &mut Vec<Entity>, _trace: &mut Trace) {}
}

impl Default for PlaceRules {
    fn default() -> Self {
        PlaceRules::new()
    }
}
