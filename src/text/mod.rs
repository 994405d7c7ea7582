//! Text utilities shared by every extractor: byte spans and their code-point conversion,
//! word segmentation with a folded lowercase form of each word, and character classes
//! (homoglyph, space and dash folds) from `../shared/docs/kazakh-reference.md` part G.
//! Extractors never see a rewritten copy of the text; they match folded *word forms* and
//! report spans over the original bytes.

pub mod bytes;
pub mod fold;
pub mod span;
pub mod words;

pub use span::{CharOffsets, Span};
pub use words::{Text, Word};
