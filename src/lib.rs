//! kazfacts: rule-based extraction of numeric facts and named entities from Kazakh news.
//!
//! ```text
//! Article --> Extractor::extract --> Record (kazfacts/1 JSON, see `record`)
//! ```
//!
//! Build one [`Extractor`] (it loads every table and compiles every rule), then call
//! [`Extractor::extract`] from any number of threads. [`input`] streams articles out of
//! folders, `.txt`, JSONL and gzip dumps; [`pipeline`] runs the extractor over them in
//! parallel and writes records in input order with bounded memory.
//!
//! ```
//! use kazfacts::{Article, Extractor};
//! let extractor = Extractor::new();
//! let article = Article {
//!     id: "a1".into(),
//!     text: "Биыл 2,5 мыңнан астам адам келді.".into(),
//!     ..Article::default()
//! };
//! let record = extractor.extract(&article);
//! assert!(record.error.is_none());
//! ```

pub mod article;
pub mod cmd;
pub mod entities;
pub mod eval;
pub mod extractor;
pub mod facts;
pub mod input;
pub mod mention;
pub mod morph;
pub mod pipeline;
pub mod record;
pub mod resolve;
pub mod sink;
pub mod table;
pub mod text;
pub mod trace;

pub use article::{Article, Date};
pub use extractor::{Explanation, Extractor};
pub use mention::{Change, Direction, Entity, Fact, Label, Qualifier, Relation};
pub use record::{Field, Record, SCHEMA};
