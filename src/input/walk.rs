//! Folder expansion: every article file under a folder, recursively, in sorted path order.
//! Article files are `.txt`, `.jsonl` and `.ndjson`, each optionally `.gz`; anything else is
//! reported as skipped. Symbolic links to folders are not followed (no cycles).

use std::fs;
use std::path::{Path, PathBuf};

/// How a file is read, judged by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// One article per file.
    Txt,
    /// One article per line.
    Jsonl,
}

/// The kind of an article file name and its stem (the name without `.gz` and the article
/// extension), or `None` for other files.
pub(crate) fn classify(path: &Path) -> Option<(Kind, String)> {
    let name = path.file_name()?.to_str()?;
    let name = name.strip_suffix(".gz").unwrap_or(name);
    let (stem, extension) = name.rsplit_once('.')?;
    let kind = match extension.to_ascii_lowercase().as_str() {
        "txt" => Kind::Txt,
        "jsonl" | "ndjson" => Kind::Jsonl,
        _ => return None,
    };
    Some((kind, stem.to_owned()))
}

/// One entry met while walking a folder.
pub(crate) enum Entry {
    /// An article file and its path relative to the walked folder.
    Article(PathBuf, PathBuf),
    /// A file that is not an article file.
    Skipped(PathBuf),
    /// A folder that could not be listed.
    Unreadable(PathBuf, std::io::Error),
}

/// Every entry under `root`, depth first, sorted by name at each level.
pub(crate) fn walk(root: &Path) -> Vec<Entry> {
    let mut out = Vec::new();
    visit(root, Path::new(""), &mut out);
    out
}

fn visit(dir: &Path, relative: &Path, out: &mut Vec<Entry>) {
    let listing = fs::read_dir(dir).and_then(|entries| {
        entries
            .map(|entry| {
                let entry = entry?;
                Ok((entry.file_name(), entry.file_type()?))
            })
            .collect::<std::io::Result<Vec<_>>>()
    });
    let mut entries = match listing {
        Ok(entries) => entries,
        Err(error) => {
            out.push(Entry::Unreadable(dir.to_path_buf(), error));
            return;
        }
    };
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, file_type) in entries {
        let path = dir.join(&name);
        let relative = relative.join(&name);
        if file_type.is_dir() {
            visit(&path, &relative, out);
        } else if file_type.is_symlink() && path.is_dir() {
            out.push(Entry::Skipped(path));
        } else if classify(&path).is_some() {
            out.push(Entry::Article(path, relative));
        } else {
            out.push(Entry::Skipped(path));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_article_files_by_name() {
        let kind = |name: &str| classify(Path::new(name)).map(|(kind, _)| kind);
        assert_eq!(kind("a/b.txt"), Some(Kind::Txt));
        assert_eq!(kind("b.TXT.gz"), Some(Kind::Txt));
        assert_eq!(kind("dump.jsonl.gz"), Some(Kind::Jsonl));
        assert_eq!(kind("dump.ndjson"), Some(Kind::Jsonl));
        assert_eq!(kind("photo.png"), None);
        assert_eq!(kind("README"), None);
        assert_eq!(
            classify(Path::new("x/news.2024.txt.gz")).map(|(_, stem)| stem),
            Some("news.2024".to_owned())
        );
    }
}
