//! CoNLL IOB2 data (KazNERD form): one `TOKEN TAG` per line, sentences separated by blank
//! lines. Gold chunks follow seqeval's default reading: `B-X` opens a chunk, `I-X` continues
//! a chunk of class X and otherwise opens one, `O` closes.

use crate::mention::Label;
use crate::text::Span;

use super::score::Item;

/// One sentence of an IOB2 file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// 1-based line of the first token.
    pub line: usize,
    /// The tokens.
    pub tokens: Vec<String>,
    /// Gold chunks over token indices (end exclusive).
    pub gold: Vec<Item>,
}

/// A malformed line.
#[derive(Debug, thiserror::Error)]
#[error("{source_name}:{line}: {message}")]
pub struct ConllError {
    /// File name as given.
    pub source_name: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Builds chunks from the tags of one sentence.
#[derive(Default)]
struct Chunker {
    open: Option<(Label, usize)>,
    chunks: Vec<Item>,
}

impl Chunker {
    fn close(&mut self, at: usize) {
        if let Some((label, start)) = self.open.take() {
            self.chunks.push(Item {
                label,
                span: Span::new(start, at),
            });
        }
    }

    fn tag(&mut self, at: usize, tag: &str) -> Result<(), String> {
        if tag == "O" {
            self.close(at);
            return Ok(());
        }
        let (prefix, class) = tag
            .split_once('-')
            .ok_or_else(|| format!("tag {tag:?} is not O, B-X or I-X"))?;
        let label =
            Label::from_name(class).ok_or_else(|| format!("unknown class {class:?} in {tag:?}"))?;
        match prefix {
            "B" => {}
            "I" if self.open.is_some_and(|(open, _)| open == label) => return Ok(()),
            "I" => {}
            _ => return Err(format!("tag {tag:?} is not O, B-X or I-X")),
        }
        self.close(at);
        self.open = Some((label, at));
        Ok(())
    }
}

/// Parses a whole IOB2 file; `source_name` names it in errors.
pub fn parse(content: &str, source_name: &str) -> Result<Vec<Sentence>, ConllError> {
    let mut sentences = Vec::new();
    let mut tokens: Vec<String> = Vec::new();
    let mut chunker = Chunker::default();
    let mut first_line = 0;
    let mut finish = |tokens: &mut Vec<String>, chunker: &mut Chunker, first_line: usize| {
        if !tokens.is_empty() {
            chunker.close(tokens.len());
            sentences.push(Sentence {
                line: first_line,
                tokens: std::mem::take(tokens),
                gold: std::mem::take(&mut chunker.chunks),
            });
        }
    };
    for (index, raw) in content.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with("-DOCSTART-") {
            finish(&mut tokens, &mut chunker, first_line);
            continue;
        }
        let error = |message: String| ConllError {
            source_name: source_name.to_owned(),
            line: index + 1,
            message,
        };
        let (token, tag) = line
            .trim_end()
            .rsplit_once([' ', '\t'])
            .ok_or_else(|| error("expected `TOKEN TAG`".to_owned()))?;
        let token = token.trim_end();
        if token.is_empty() {
            return Err(error("empty token".to_owned()));
        }
        if tokens.is_empty() {
            first_line = index + 1;
        }
        chunker.tag(tokens.len(), tag).map_err(error)?;
        tokens.push(token.to_owned());
    }
    finish(&mut tokens, &mut chunker, first_line);
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_chunks_like_seqeval() {
        let data =
            "Ана B-PERSON\nмен O\nбала B-PERSON\nI-ден I-GPE\nкелді I-GPE\n\nбір B-CARDINAL\n";
        let sentences = parse(data, "x").unwrap();
        assert_eq!(sentences.len(), 2);
        let chunks: Vec<(Label, usize, usize)> = sentences[0]
            .gold
            .iter()
            .map(|c| (c.label, c.span.start, c.span.end))
            .collect();
        assert_eq!(
            chunks,
            vec![
                (Label::Person, 0, 1),
                (Label::Person, 2, 3),
                (Label::Gpe, 3, 5)
            ]
        );
        assert_eq!(sentences[1].line, 7);
    }

    #[test]
    fn names_the_bad_line() {
        let error = parse("а O\nә B-NOPE\n", "f.txt").unwrap_err();
        assert_eq!(
            error.to_string(),
            "f.txt:2: unknown class \"NOPE\" in \"B-NOPE\""
        );
    }
}
