//! CONTACT: phone numbers, e-mail addresses, URLs and domains.

use crate::mention::Entity;
use crate::text::Text;
use crate::trace::Trace;

/// The rules of this class, built once.
pub struct ContactRules {}

impl ContactRules {
    /// Loads tables and compiles patterns.
    pub fn new() -> Self {
        ContactRules {}
    }

    /// Appends candidates found in `text` to `out`.
    pub fn find(&self, _text: &Text, _out: &mut Vec<Entity>, _trace: &mut Trace) {}
}
