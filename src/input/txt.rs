//! The `.txt` dump form: one article per file. When the first line is a header
//! ` date YYYY-MM-DD Title`, the date and title come from it and `text` is everything after
//! the first newline, byte for byte; otherwise the whole file is the text and there is no
//! date or title.

use std::io::{BufRead, Read};

use super::error::{ErrorKind, InputError};
use super::sniff;
use crate::article::Article;

/// Where the article comes from and what it will be called.
pub(crate) struct Origin {
    /// Article id (the file name without extensions).
    pub id: String,
    /// The path as shown, `-` for stdin.
    pub source: String,
}

/// Reads one whole article of at most `limit` bytes from `reader`.
pub(crate) fn read_article(
    reader: &mut dyn BufRead,
    gzip: bool,
    limit: usize,
    origin: Origin,
) -> Result<Article, InputError> {
    let fail = |kind: ErrorKind, detail: String| {
        InputError::new(kind, origin.id.clone(), origin.source.clone(), detail)
    };
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    if let Err(error) = reader.take(cap).read_to_end(&mut bytes) {
        return Err(sniff::read_failure(gzip, &error, &fail));
    }
    if bytes.len() > limit {
        return Err(fail(
            ErrorKind::TooLarge,
            format!("article larger than {limit} bytes (see --max-article-bytes)"),
        ));
    }
    let text = sniff::text(bytes, &fail)?;
    Ok(parse(text, origin))
}

/// Splits the header off `content`, keeping the body exactly.
fn parse(mut content: String, origin: Origin) -> Article {
    let first_line = content.split('\n').next().unwrap_or_default();
    let header = parse_header(first_line).map(|(date, title)| (date.to_owned(), title));
    let (date, title) = match header {
        Some((date, title)) => {
            let title = (!title.trim().is_empty()).then(|| title.to_owned());
            let body_start = content.find('\n').map_or(content.len(), |nl| nl + 1);
            content.drain(..body_start);
            (Some(date), title)
        }
        None => (None, None),
    };
    Article {
        id: origin.id,
        source: origin.source,
        date,
        title,
        text: content,
    }
}

/// The date and title of a ` date YYYY-MM-DD Title` line (leading BOM and spaces allowed,
/// a trailing `\r` dropped), or `None` when the line is not a header.
fn parse_header(line: &str) -> Option<(&str, &str)> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let rest = line.trim_start_matches('\u{feff}').trim_start();
    let rest = rest.strip_prefix("date ")?;
    let date = rest.get(..10)?;
    let shape_ok = date.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        _ => b.is_ascii_digit(),
    });
    if !shape_ok {
        return None;
    }
    let after = &rest[10..];
    if after.is_empty() {
        return Some((date, ""));
    }
    Some((date, after.strip_prefix(' ')?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        Origin {
            id: "a".into(),
            source: "a.txt".into(),
        }
    }

    #[test]
    fn header_gives_date_title_and_exact_body() {
        let article = parse(
            " date 2024-03-05 Жаңа мектеп\nБірінші жол.\n\nЕкінші.".into(),
            origin(),
        );
        assert_eq!(article.date.as_deref(), Some("2024-03-05"));
        assert_eq!(article.title.as_deref(), Some("Жаңа мектеп"));
        assert_eq!(article.text, "Бірінші жол.\n\nЕкінші.");
    }

    #[test]
    fn no_header_keeps_the_whole_file_as_text() {
        let content = "Тақырыпсыз мәтін.\nЕкінші жол.";
        let article = parse(content.into(), origin());
        assert_eq!((article.date, article.title), (None, None));
        assert_eq!(article.text, content);
    }

    #[test]
    fn header_variants() {
        assert_eq!(parse_header("date 2024-03-05"), Some(("2024-03-05", "")));
        assert_eq!(
            parse_header(" date 2024-03-05 Т\r"),
            Some(("2024-03-05", "Т"))
        );
        assert_eq!(parse_header("date 2024-3-5 Т"), None);
        assert_eq!(parse_header("date 2024-03-05Т"), None);
        assert_eq!(parse_header("Жаңалық 2024-03-05"), None);
    }
}
