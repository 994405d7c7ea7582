//! JSONL dumps: one JSON object per line, fields named by [`Fields`]. Blank lines are not
//! articles and are skipped. Each bad line becomes one error record and reading goes on; a
//! read failure (truncated gzip) ends the file with one error record after the good lines.
//! The reader only splits lines; parsing ([`JsonLine::parse`]) runs on the worker threads.

use std::io::{self, BufRead};
use std::sync::Arc;

use serde_json::Value;

use super::error::{ErrorKind, InputError};
use super::jsonl_fields::pick;
use super::{sniff, Raw};
use crate::article::Article;

/// The names of the JSONL fields an article is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    /// Article id (a string or a number); `<file>:<line>` when absent or null.
    pub id: String,
    /// Body text (a string; required).
    pub text: String,
    /// Headline (a string or null; optional).
    pub title: String,
    /// Publication date (a string or null; optional).
    pub date: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            id: "id".into(),
            text: "text".into(),
            title: "title".into(),
            date: "date".into(),
        }
    }
}

/// Streams the lines of one JSONL input.
pub(crate) struct JsonlReader {
    reader: Box<dyn BufRead + Send>,
    gzip: bool,
    name: Arc<str>,
    fields: Arc<Fields>,
    limit: usize,
    line: usize,
    seen_article: bool,
    done: bool,
}

/// One JSONL line, read but not parsed yet.
#[derive(Debug)]
pub(crate) struct JsonLine {
    bytes: Vec<u8>,
    name: Arc<str>,
    line: usize,
    fields: Arc<Fields>,
}

/// What one bounded line read gave.
enum Line {
    /// A whole line (without its newline).
    Complete(Vec<u8>),
    /// The line was longer than the limit; it was skipped up to its newline.
    TooLong,
    /// No more input.
    End,
}

/// The error of line `line` of `name`; its id and source are both `name:line`.
fn line_error(name: &str, line: usize, kind: ErrorKind, detail: String) -> InputError {
    let at = format!("{name}:{line}");
    InputError::new(kind, at.clone(), at, detail)
}

/// The error of the whole input `name`.
fn file_error(name: &str, kind: ErrorKind, detail: &str) -> InputError {
    InputError::new(kind, name.to_owned(), name.to_owned(), detail.to_owned())
}

impl JsonlReader {
    /// Reads `reader`, named `name` in sources and derived ids (`-` for stdin).
    pub(crate) fn new(
        reader: Box<dyn BufRead + Send>,
        gzip: bool,
        name: String,
        fields: Arc<Fields>,
        limit: usize,
    ) -> Self {
        JsonlReader {
            reader,
            gzip,
            name: name.into(),
            fields,
            limit,
            line: 0,
            seen_article: false,
            done: false,
        }
    }

    /// Reads one line of at most `limit` bytes, skipping the rest of a longer one.
    fn read_line(&mut self) -> io::Result<Line> {
        let mut buf = Vec::new();
        let mut too_long = false;
        let mut any = false;
        loop {
            let available = self.reader.fill_buf()?;
            if available.is_empty() {
                break;
            }
            any = true;
            let (take, newline) = match memchr::memchr(b'\n', available) {
                Some(i) => (i, true),
                None => (available.len(), false),
            };
            if !too_long && buf.len() + take <= self.limit {
                buf.extend_from_slice(&available[..take]);
            } else {
                too_long = true;
                buf = Vec::new();
            }
            self.reader.consume(take + usize::from(newline));
            if newline {
                break;
            }
        }
        Ok(match (any, too_long) {
            (false, _) => Line::End,
            (true, true) => Line::TooLong,
            (true, false) => Line::Complete(buf),
        })
    }

    /// The file-level check made before the first line: NUL bytes mean a binary file.
    fn check_binary(&mut self) -> Option<InputError> {
        match self.reader.fill_buf() {
            Ok(head) if sniff::looks_binary(head) => Some(file_error(
                &self.name,
                ErrorKind::Binary,
                "binary file (NUL bytes)",
            )),
            Ok(_) => None,
            Err(error) => Some(self.read_failed(&error)),
        }
    }

    fn read_failed(&self, error: &io::Error) -> InputError {
        sniff::read_failure(self.gzip, error, &|kind, detail| {
            line_error(&self.name, self.line, kind, detail)
        })
    }
}

impl Iterator for JsonlReader {
    type Item = Raw;

    fn next(&mut self) -> Option<Raw> {
        if self.done {
            return None;
        }
        if self.line == 0 {
            if let Some(error) = self.check_binary() {
                self.done = true;
                return Some(Raw::ready(Err(error)));
            }
        }
        loop {
            let read = self.read_line();
            self.line += 1;
            let error = match read {
                Err(error) => {
                    self.done = true;
                    self.read_failed(&error)
                }
                Ok(Line::End) => {
                    self.done = true;
                    if self.seen_article {
                        return None;
                    }
                    file_error(&self.name, ErrorKind::Empty, "no article: empty file")
                }
                Ok(Line::TooLong) => line_error(
                    &self.name,
                    self.line,
                    ErrorKind::TooLarge,
                    format!(
                        "line longer than {} bytes (see --max-article-bytes)",
                        self.limit
                    ),
                ),
                Ok(Line::Complete(bytes)) if bytes.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(Line::Complete(bytes)) => {
                    self.seen_article = true;
                    return Some(Raw::line(JsonLine {
                        bytes,
                        name: Arc::clone(&self.name),
                        line: self.line,
                        fields: Arc::clone(&self.fields),
                    }));
                }
            };
            self.seen_article = true;
            return Some(Raw::ready(Err(error)));
        }
    }
}

impl JsonLine {
    /// Size of the line in bytes.
    pub(crate) fn len(&self) -> usize {
        self.bytes.len()
    }

    fn error(&self, kind: ErrorKind, detail: String) -> InputError {
        line_error(&self.name, self.line, kind, detail)
    }

    /// The article of this line, or why there is none.
    pub(crate) fn parse(&self) -> Result<Article, InputError> {
        let line = simdutf8::compat::from_utf8(&self.bytes).map_err(|error| {
            let at = error.valid_up_to();
            self.error(
                ErrorKind::InvalidUtf8,
                format!("invalid UTF-8 at byte {at} of the line"),
            )
        })?;
        let Some(picked) = pick(line, &self.fields) else {
            return Err(self.malformed(line));
        };
        let fields = &*self.fields;
        let text = match picked.text {
            Some(Value::String(text)) => text,
            Some(_) => return Err(self.wrong_type(&fields.text)),
            None => {
                return Err(self.error(
                    ErrorKind::MissingField,
                    format!("no `{}` field (see --text-field)", fields.text),
                ))
            }
        };
        let source = format!("{}:{}", self.name, self.line);
        let id = match picked.id {
            Some(Value::String(id)) => id,
            Some(Value::Number(id)) => id.to_string(),
            Some(Value::Null) | None => source.clone(),
            Some(_) => return Err(self.wrong_type(&fields.id)),
        };
        let title = self.optional_string(picked.title, &fields.title)?;
        let date = self.optional_string(picked.date, &fields.date)?;
        Ok(Article {
            id,
            source,
            date,
            title,
            text,
        })
    }

    /// Why a line that is not one well-formed JSON object was refused.
    fn malformed(&self, line: &str) -> InputError {
        match serde_json::from_str::<Value>(line) {
            Ok(_) => self.error(ErrorKind::Json, "line is not a JSON object".into()),
            Err(error) => self.error(ErrorKind::Json, format!("malformed JSON: {error}")),
        }
    }

    fn optional_string(
        &self,
        value: Option<Value>,
        field: &str,
    ) -> Result<Option<String>, InputError> {
        match value {
            Some(Value::String(value)) => Ok(Some(value)),
            Some(Value::Null) | None => Ok(None),
            Some(_) => Err(self.wrong_type(field)),
        }
    }

    fn wrong_type(&self, field: &str) -> InputError {
        self.error(
            ErrorKind::Json,
            format!("field `{field}` has the wrong JSON type"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `input` through a tiny buffer, so lines cross buffer refills.
    fn read_all(input: &'static str, limit: usize) -> Vec<Result<Article, InputError>> {
        let reader = std::io::BufReader::with_capacity(4, input.as_bytes());
        let fields = Arc::new(Fields::default());
        JsonlReader::new(Box::new(reader), false, "d".into(), fields, limit)
            .map(Raw::parse)
            .collect()
    }

    fn summary(items: &[Result<Article, InputError>]) -> Vec<String> {
        items
            .iter()
            .map(|item| match item {
                Ok(article) => format!("{} {}", article.source, article.text),
                Err(error) => format!("{} {}", error.source(), error.kind().name()),
            })
            .collect()
    }

    #[test]
    fn long_lines_are_skipped_whole_and_counting_goes_on() {
        let input = "{\"text\":\"ab\"}\n{\"text\":\"өөөөөөөөөө\"}\n\n{\"text\":\"cd\"}";
        assert_eq!(
            summary(&read_all(input, 16)),
            ["d:1 ab", "d:2 too_large", "d:4 cd"]
        );
    }

    #[test]
    fn blank_only_input_is_one_empty_error() {
        assert_eq!(summary(&read_all("\n  \n\r\n", 100)), ["d empty"]);
    }

    #[test]
    fn wrong_types_are_json_errors() {
        let input = "{\"text\":1}\n{\"text\":\"a\",\"title\":[1]}\n{\"text\":\"b\",\"id\":{}}\n";
        assert_eq!(
            summary(&read_all(input, 100)),
            ["d:1 json", "d:2 json", "d:3 json"]
        );
    }
}
