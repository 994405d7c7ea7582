//! Input problems. Each one becomes an error record (`Record::failed`) in the output, in
//! input order, so that records in = records out; the reader also reports it on stderr.

use std::fmt;

use crate::record::Record;

/// What went wrong with one article or file. The names are the `error.kind` values of the
/// output format (see [`crate::record`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The path could not be opened or read.
    Io,
    /// The bytes are not UTF-8.
    InvalidUtf8,
    /// The file holds no article (nothing but whitespace).
    Empty,
    /// The file holds NUL bytes: not text.
    Binary,
    /// A JSONL line is not a JSON object, or a field has the wrong type.
    Json,
    /// A JSONL line lacks the text field.
    MissingField,
    /// The gzip stream is corrupt or truncated.
    Gzip,
    /// The article is larger than `--max-article-bytes`.
    TooLarge,
}

impl ErrorKind {
    /// The stable machine-readable name written to `error.kind`.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::InvalidUtf8 => "invalid_utf8",
            ErrorKind::Empty => "empty",
            ErrorKind::Binary => "binary",
            ErrorKind::Json => "json",
            ErrorKind::MissingField => "missing_field",
            ErrorKind::Gzip => "gzip",
            ErrorKind::TooLarge => "too_large",
        }
    }
}

/// An article (or a whole file) that could not be read. Opaque: use the accessors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    kind: ErrorKind,
    id: String,
    source: String,
    detail: String,
}

impl InputError {
    /// An error of `kind` for the article that would have had `id`, read from `source`
    /// (`path` or `path:line`).
    pub(crate) fn new(kind: ErrorKind, id: String, source: String, detail: String) -> Self {
        InputError {
            kind,
            id,
            source,
            detail,
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The id the article would have had.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Where: the path, and `:line` for JSONL.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The line reported on stderr: `kazfacts: <kind>: <source>: <detail>`.
    pub fn report_line(&self) -> String {
        format!("kazfacts: {}: {self}", self.kind.name())
    }

    /// The error record standing for the unread article.
    pub fn to_record(&self) -> Record {
        Record::failed(
            self.id.clone(),
            self.source.clone(),
            self.kind.name(),
            self.to_string(),
        )
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.detail)
    }
}

impl std::error::Error for InputError {}
