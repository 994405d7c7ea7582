//! JSONL dumps: one JSON object per line, fields named by [`Fields`]. Blank lines are not
//! articles and are skipped. Each bad line becomes one error record and reading goes on; a
//! read failure (truncated gzip) ends the file with one error record after the good lines.

use std::io::{self, BufRead};

use serde_json::{Map, Value};

use super::error::{ErrorKind, InputError};
use super::sniff;
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

/// Streams the articles of one JSONL input.
pub(crate) struct JsonlReader {
    reader: Box<dyn BufRead + Send>,
    gzip: bool,
    name: String,
    fields: Fields,
    limit: usize,
    line: usize,
    buf: Vec<u8>,
    seen_article: bool,
    done: bool,
}

/// What one bounded line read gave.
enum Line {
    /// A whole line is in the buffer (without its newline).
    Complete,
    /// The line was longer than the limit; it was skipped up to its newline.
    TooLong,
    /// No more input.
    End,
}

impl JsonlReader {
    /// Reads `reader`, named `name` in sources and derived ids (`-` for stdin).
    pub(crate) fn new(
        reader: Box<dyn BufRead + Send>,
        gzip: bool,
        name: String,
        fields: Fields,
        limit: usize,
    ) -> Self {
        JsonlReader {
            reader,
            gzip,
            name,
            fields,
            limit,
            line: 0,
            buf: Vec::new(),
            seen_article: false,
            done: false,
        }
    }

    fn error(&self, kind: ErrorKind, detail: String) -> InputError {
        let at = format!("{}:{}", self.name, self.line);
        InputError::new(kind, at.clone(), at, detail)
    }

    /// Reads one line of at most `limit` bytes into `buf`, skipping the rest of a longer one.
    fn read_line(&mut self) -> io::Result<Line> {
        self.buf.clear();
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
            if !too_long && self.buf.len() + take <= self.limit {
                self.buf.extend_from_slice(&available[..take]);
            } else {
                too_long = true;
                self.buf.clear();
            }
            self.reader.consume(take + usize::from(newline));
            if newline {
                break;
            }
        }
        Ok(match (any, too_long) {
            (false, _) => Line::End,
            (true, true) => Line::TooLong,
            (true, false) => Line::Complete,
        })
    }

    /// Turns the line in `buf` into an article.
    fn parse(&self) -> Result<Article, InputError> {
        let line = std::str::from_utf8(&self.buf).map_err(|error| {
            let at = error.valid_up_to();
            self.error(
                ErrorKind::InvalidUtf8,
                format!("invalid UTF-8 at byte {at} of the line"),
            )
        })?;
        let mut object: Map<String, Value> = match serde_json::from_str(line) {
            Ok(Value::Object(object)) => object,
            Ok(_) => return Err(self.error(ErrorKind::Json, "line is not a JSON object".into())),
            Err(error) => {
                return Err(self.error(ErrorKind::Json, format!("malformed JSON: {error}")))
            }
        };
        let text = match object.remove(&self.fields.text) {
            Some(Value::String(text)) => text,
            Some(_) => return Err(self.wrong_type(&self.fields.text)),
            None => {
                return Err(self.error(
                    ErrorKind::MissingField,
                    format!("no `{}` field (see --text-field)", self.fields.text),
                ))
            }
        };
        let source = format!("{}:{}", self.name, self.line);
        let id = match object.remove(&self.fields.id) {
            Some(Value::String(id)) => id,
            Some(Value::Number(id)) => id.to_string(),
            Some(Value::Null) | None => source.clone(),
            Some(_) => return Err(self.wrong_type(&self.fields.id)),
        };
        let title = self.optional_string(&mut object, &self.fields.title)?;
        let date = self.optional_string(&mut object, &self.fields.date)?;
        Ok(Article {
            id,
            source,
            date,
            title,
            text,
        })
    }

    fn optional_string(
        &self,
        object: &mut Map<String, Value>,
        field: &str,
    ) -> Result<Option<String>, InputError> {
        match object.remove(field) {
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

    /// The file-level check made before the first line: NUL bytes mean a binary file.
    fn check_binary(&mut self) -> Option<InputError> {
        match self.reader.fill_buf() {
            Ok(head) if sniff::looks_binary(head) => Some(InputError::new(
                ErrorKind::Binary,
                self.name.clone(),
                self.name.clone(),
                "binary file (NUL bytes)".into(),
            )),
            Ok(_) => None,
            Err(error) => Some(self.read_failed(&error)),
        }
    }

    fn read_failed(&self, error: &io::Error) -> InputError {
        sniff::read_failure(self.gzip, error, &|kind, detail| self.error(kind, detail))
    }
}

impl Iterator for JsonlReader {
    type Item = Result<Article, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        if self.line == 0 && !self.seen_article {
            if let Some(error) = self.check_binary() {
                self.done = true;
                return Some(Err(error));
            }
        }
        loop {
            let read = self.read_line();
            self.line += 1;
            match read {
                Err(error) => {
                    self.done = true;
                    return Some(Err(self.read_failed(&error)));
                }
                Ok(Line::End) => {
                    self.done = true;
                    return (!self.seen_article).then(|| {
                        Err(InputError::new(
                            ErrorKind::Empty,
                            self.name.clone(),
                            self.name.clone(),
                            "no article: empty file".into(),
                        ))
                    });
                }
                Ok(Line::TooLong) => {
                    self.seen_article = true;
                    return Some(Err(self.error(
                        ErrorKind::TooLarge,
                        format!(
                            "line longer than {} bytes (see --max-article-bytes)",
                            self.limit
                        ),
                    )));
                }
                Ok(Line::Complete) if self.buf.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(Line::Complete) => {
                    self.seen_article = true;
                    return Some(self.parse());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `input` through a tiny buffer, so lines cross buffer refills.
    fn read_all(input: &'static str, limit: usize) -> Vec<Result<Article, InputError>> {
        let reader = std::io::BufReader::with_capacity(4, input.as_bytes());
        JsonlReader::new(
            Box::new(reader),
            false,
            "d".into(),
            Fields::default(),
            limit,
        )
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
