//! A minimal reader for the corpus's `.txt` dump form: first line ` date YYYY-MM-DD Title`,
//! body after the first newline, exactly (gold offsets index into it).

use std::path::{Path, PathBuf};

use crate::Article;

/// Parses one dump; `id` is the file stem, `source` the path.
pub fn parse_dump(content: &str, id: &str, source: &str) -> Article {
    let (header, body) = content.split_once('\n').unwrap_or((content, ""));
    let header = header.trim_end_matches('\r').trim();
    let (date, title) = match header.strip_prefix("date ") {
        Some(rest) => {
            let (date, title) = rest.split_once(' ').unwrap_or((rest, ""));
            (Some(date.to_owned()), title.trim())
        }
        None => (None, header),
    };
    Article {
        id: id.to_owned(),
        source: source.to_owned(),
        date,
        title: (!title.is_empty()).then(|| title.to_owned()),
        text: body.to_owned(),
    }
}

/// The files of `dir` ending in `.extension`, sorted by name.
pub fn files_with_extension(dir: &Path, extension: &str) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == extension) && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// The file stem as a string (the article id).
pub fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_header_and_body() {
        let article = parse_dump(
            " date 2026-02-03 Жаңа мектеп ашылды\nБүгін ашылды.\n",
            "a",
            "a.txt",
        );
        assert_eq!(article.date.as_deref(), Some("2026-02-03"));
        assert_eq!(article.title.as_deref(), Some("Жаңа мектеп ашылды"));
        assert_eq!(article.text, "Бүгін ашылды.\n");
        let bare = parse_dump("Тақырып\nмәтін", "b", "b.txt");
        assert_eq!((bare.date, bare.title.as_deref()), (None, Some("Тақырып")));
    }
}
