//! Finding the corpus files: articles are read with [`crate::input`] (the `.txt` dump
//! form, so ids and offsets agree with `kazfacts extract`), gold files are paired by stem.

use std::path::{Path, PathBuf};

use crate::input::{Articles, Format, Input, ReadOptions};
use crate::Article;

/// Reads one `.txt` article exactly as `kazfacts extract` would.
pub fn read_article(path: &Path) -> Result<Article, String> {
    let options = ReadOptions {
        format: Format::Txt,
        report: false,
        ..ReadOptions::default()
    };
    match Articles::new(vec![Input::Path(path.to_owned())], options).next() {
        Some(Ok(article)) => Ok(article),
        Some(Err(error)) => Err(error.to_string()),
        None => Err(format!("{}: no article read", path.display())),
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
    fn reads_header_and_exact_body() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("007_school.txt");
        std::fs::write(
            &path,
            " date 2026-02-03 Жаңа мектеп ашылды\nБүгін ашылды.\n",
        )
        .unwrap();
        let article = read_article(&path).unwrap();
        assert_eq!(article.id, "007_school");
        assert_eq!(article.date.as_deref(), Some("2026-02-03"));
        assert_eq!(article.title.as_deref(), Some("Жаңа мектеп ашылды"));
        assert_eq!(article.text, "Бүгін ашылды.\n");
        assert_eq!(stem(&path), "007_school");
        assert_eq!(files_with_extension(dir.path(), "txt").unwrap(), vec![path]);
    }
}
