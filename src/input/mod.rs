//! Streaming article readers: `.txt` dumps, folders, JSONL, gzip, stdin.
//!
//! [`Articles`] turns a list of inputs into one iterator of `Result<Article, InputError>`, in
//! a deterministic order (arguments in order, folders walked in sorted order, JSONL lines in
//! order), reading one file at a time through a large buffer so memory stays flat. For
//! parallel use, [`Articles::next_raw`] hands out [`Raw`] items whose costly part (parsing a
//! JSONL line) is left to [`Raw::parse`], which any thread may call.
//!
//! Error policy: bad input never stops the run and is never silent. Every unreadable
//! article yields one `Err` (which the pipeline writes as an error record, so records in =
//! records out) and, unless [`ReadOptions::report`] is off, one line on stderr naming the
//! source and line (with `next_raw`, that line is the caller's to print, in order). Invalid
//! UTF-8 is an error (no lossy decoding). Files in a folder that are not article files (by
//! name) are not articles: they are reported on stderr as skipped and yield no record.
//! Whole-file problems (unreadable, empty, binary) yield one record per file; a truncated
//! gzip keeps the articles read before the damage, then yields one record.

pub mod error;
mod jsonl;
mod jsonl_fields;
mod open;
mod sniff;
mod txt;
mod walk;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

pub use error::{ErrorKind, InputError};
pub use jsonl::Fields;

use crate::article::Article;
use jsonl::{JsonLine, JsonlReader};
use walk::{Entry, Kind};

/// The default `--max-article-bytes`: larger articles (or JSONL lines) become `too_large`
/// error records instead of being held in memory.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 16 << 20;

/// How inputs are parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// By file name: `.jsonl`/`.ndjson` are JSONL, anything else is `.txt`; stdin is JSONL.
    #[default]
    Auto,
    /// One article per input, in the `.txt` dump form.
    Txt,
    /// One JSON object per line.
    Jsonl,
}

/// Options shared by every reader.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// How to parse inputs.
    pub format: Format,
    /// JSONL field names.
    pub fields: Fields,
    /// Articles (or JSONL lines) above this many bytes become `too_large` errors.
    pub max_article_bytes: usize,
    /// Print one line on stderr per error and per skipped file.
    pub report: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: Format::Auto,
            fields: Fields::default(),
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            report: true,
        }
    }
}

/// One input named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file or a folder.
    Path(PathBuf),
}

impl Input {
    /// `-` is stdin, anything else a path.
    pub fn from_arg(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// Work left to do, in order.
enum Pending {
    Input(Input),
    File { path: PathBuf, id: String },
    Failed(InputError),
}

/// One input item, read but possibly not parsed yet.
#[derive(Debug)]
pub struct Raw(RawItem);

#[derive(Debug)]
enum RawItem {
    /// Already an article, or an error.
    Ready(Result<Article, InputError>),
    /// A JSONL line still to be parsed.
    Line(JsonLine),
}

impl Raw {
    pub(crate) fn ready(item: Result<Article, InputError>) -> Raw {
        Raw(RawItem::Ready(item))
    }

    pub(crate) fn line(line: JsonLine) -> Raw {
        Raw(RawItem::Line(line))
    }

    /// The article, or why there is none (parses a JSONL line).
    pub fn parse(self) -> Result<Article, InputError> {
        match self.0 {
            RawItem::Ready(item) => item,
            RawItem::Line(line) => line.parse(),
        }
    }

    /// Approximate size in bytes, to bound chunks.
    pub fn size(&self) -> usize {
        match &self.0 {
            RawItem::Ready(Ok(article)) => {
                article.text.len() + article.title.as_ref().map_or(0, String::len)
            }
            RawItem::Ready(Err(_)) => 0,
            RawItem::Line(line) => line.len(),
        }
    }
}

/// Every article of a list of inputs, in order. See the module doc for the error policy.
pub struct Articles {
    options: ReadOptions,
    fields: Arc<Fields>,
    pending: VecDeque<Pending>,
    current: Option<JsonlReader>,
    bytes: Arc<AtomicU64>,
}

impl Articles {
    /// Reads `inputs` in order; no input at all means stdin.
    pub fn new(inputs: Vec<Input>, options: ReadOptions) -> Self {
        let inputs = if inputs.is_empty() {
            vec![Input::Stdin]
        } else {
            inputs
        };
        Articles {
            fields: Arc::new(options.fields.clone()),
            options,
            pending: inputs.into_iter().map(Pending::Input).collect(),
            current: None,
            bytes: Arc::new(AtomicU64::new(0)),
        }
    }

    /// Bytes read so far (after decompression).
    pub fn bytes_read(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// True when the options ask for problems to be reported on stderr.
    pub fn reports(&self) -> bool {
        self.options.report
    }

    /// The next item, not yet parsed; errors are not reported (see [`Articles::reports`]).
    pub fn next_raw(&mut self) -> Option<Raw> {
        loop {
            if let Some(reader) = self.current.as_mut() {
                match reader.next() {
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            match self.pending.pop_front()? {
                Pending::Failed(error) => return Some(Raw::ready(Err(error))),
                Pending::Input(Input::Stdin) => {
                    let kind = self.kind_of(None);
                    if let Some(item) = self.start(None, "-".into(), "-".into(), kind) {
                        return Some(item);
                    }
                }
                Pending::Input(Input::Path(path)) => self.expand(path),
                Pending::File { path, id } => {
                    let kind = self.kind_of(Some(&path));
                    let source = path.display().to_string();
                    if let Some(item) = self.start(Some(&path), id, source, kind) {
                        return Some(item);
                    }
                }
            }
        }
    }

    /// Queues a path named on the command line: a folder's article files, or the file.
    fn expand(&mut self, path: PathBuf) {
        let shown = path.display().to_string();
        match std::fs::metadata(&path) {
            Err(error) => {
                let error = InputError::new(
                    ErrorKind::Io,
                    shown.clone(),
                    shown,
                    format!("cannot open: {error}"),
                );
                self.pending.push_front(Pending::Failed(error));
            }
            Ok(meta) if meta.is_dir() => {
                let mut queued = Vec::new();
                for entry in walk::walk(&path) {
                    match entry {
                        Entry::Article(file, relative) => {
                            let id = relative_id(&relative);
                            queued.push(Pending::File { path: file, id });
                        }
                        Entry::Skipped(file) => {
                            if self.options.report {
                                eprintln!(
                                    "kazfacts: skipped {}: not an article file \
                                     (.txt, .jsonl, .ndjson, optionally .gz)",
                                    file.display()
                                );
                            }
                        }
                        Entry::Unreadable(dir, error) => {
                            let shown = dir.display().to_string();
                            queued.push(Pending::Failed(InputError::new(
                                ErrorKind::Io,
                                shown.clone(),
                                shown,
                                format!("cannot list folder: {error}"),
                            )));
                        }
                    }
                }
                for item in queued.into_iter().rev() {
                    self.pending.push_front(item);
                }
            }
            Ok(_) => {
                let id = walk::classify(&path).map_or_else(
                    || {
                        path.file_stem()
                            .map_or(shown, |s| s.to_string_lossy().into_owned())
                    },
                    |(_, stem)| stem,
                );
                self.pending.push_front(Pending::File { path, id });
            }
        }
    }

    /// How to read `path` (`None`: stdin).
    fn kind_of(&self, path: Option<&Path>) -> Kind {
        match (self.options.format, path) {
            (Format::Txt, _) => Kind::Txt,
            (Format::Jsonl, _) | (Format::Auto, None) => Kind::Jsonl,
            (Format::Auto, Some(path)) => walk::classify(path).map_or(Kind::Txt, |(kind, _)| kind),
        }
    }

    /// Opens one file (or stdin): a `.txt` yields its article now; a JSONL reader becomes
    /// current and yields nothing yet.
    fn start(
        &mut self,
        path: Option<&Path>,
        id: String,
        source: String,
        kind: Kind,
    ) -> Option<Raw> {
        let opened = match open::open(path, &self.bytes) {
            Ok(opened) => opened,
            Err(error) => {
                return Some(Raw::ready(Err(InputError::new(
                    ErrorKind::Io,
                    id,
                    source,
                    format!("cannot read: {error}"),
                ))))
            }
        };
        match kind {
            Kind::Txt => {
                let mut reader = opened.reader;
                let origin = txt::Origin { id, source };
                Some(Raw::ready(txt::read_article(
                    &mut reader,
                    opened.gzip,
                    self.options.max_article_bytes,
                    origin,
                )))
            }
            Kind::Jsonl => {
                self.current = Some(JsonlReader::new(
                    opened.reader,
                    opened.gzip,
                    source,
                    Arc::clone(&self.fields),
                    self.options.max_article_bytes,
                ));
                None
            }
        }
    }
}

impl Iterator for Articles {
    type Item = Result<Article, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.next_raw()?.parse();
        if let (Err(error), true) = (&item, self.options.report) {
            eprintln!("{}", error.report_line());
        }
        Some(item)
    }
}

/// The id of a file found in a folder: its relative path without extensions, `/`-separated.
fn relative_id(relative: &Path) -> String {
    let stem = walk::classify(relative)
        .map(|(_, stem)| stem)
        .unwrap_or_default();
    let mut parts: Vec<String> = relative
        .parent()
        .into_iter()
        .flat_map(|parent| parent.components())
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.push(stem);
    parts.join("/")
}
