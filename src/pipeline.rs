//! Ordered parallel streaming: articles are read in bounded chunks, each chunk is parsed and
//! turned into output lines by rayon workers (split into ordered pieces, one reused buffer each),
//! and the pieces are written in input order. The next chunk is read while the current one
//! is processed. Memory is bounded by two chunks plus their output, whatever the input size,
//! and the output does not depend on the thread count.

use std::any::Any;
use std::io::{self, Write};
use std::ops::AddAssign;
use std::panic::{self, AssertUnwindSafe};

use rayon::prelude::*;

use crate::article::Article;
use crate::extractor::Extractor;
use crate::input::{Articles, InputError, Raw};
use crate::record::{write_article, write_record, Record};

/// Output bytes reserved per input byte of a piece (records are about 3.6 times their
/// article; more output only costs the buffer a regrowth).
const OUTPUT_PER_INPUT_BYTE: usize = 4;

/// Output bytes reserved per item of a piece (the record's fixed part).
const OUTPUT_PER_ITEM: usize = 256;

/// One item read from the input.
pub type Item = Result<Article, InputError>;

/// Chunking and threads.
#[derive(Debug, Clone)]
pub struct Options {
    /// Worker threads; `None` = all cores.
    pub threads: Option<usize>,
    /// A chunk ends after this many articles...
    pub chunk_articles: usize,
    /// ...or once its articles hold this many bytes.
    pub chunk_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threads: None,
            chunk_articles: 256,
            chunk_bytes: 8 << 20,
        }
    }
}

/// What one item contributed to the output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Records written.
    pub records: u64,
    /// Facts in them.
    pub facts: u64,
    /// Entities in them.
    pub entities: u64,
    /// Items that were input errors.
    pub errors: u64,
}

impl AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        self.records += other.records;
        self.facts += other.facts;
        self.entities += other.entities;
        self.errors += other.errors;
    }
}

/// Running totals of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Items read (articles and input errors).
    pub items: u64,
    /// What was written.
    pub tally: Tally,
    /// Input bytes read (after decompression).
    pub bytes: u64,
}

/// Turns one item into output bytes appended to the buffer; runs on worker threads.
pub trait Job: Sync {
    /// Appends the output of `item` to `out` and says what it held.
    fn run(&self, item: &Item, out: &mut Vec<u8>) -> io::Result<Tally>;
}

/// The main job: one kazfacts/1 record per item, errors included.
pub struct ExtractJob<'e> {
    /// The shared extractor; `None` writes every record with empty `facts` and `entities`
    /// (`extract --no-extract`: the read, parse and write baseline of a throughput run).
    pub extractor: Option<&'e Extractor>,
}

impl Job for ExtractJob<'_> {
    fn run(&self, item: &Item, out: &mut Vec<u8>) -> io::Result<Tally> {
        let tally = match (item, self.extractor) {
            (Ok(article), Some(extractor)) => {
                let (facts, entities) = extractor.write_json(article, out);
                Tally {
                    records: 1,
                    facts: facts as u64,
                    entities: entities as u64,
                    errors: 0,
                }
            }
            (Ok(article), None) => {
                write_article(out, article, &[]);
                Tally {
                    records: 1,
                    ..Tally::default()
                }
            }
            (Err(error), _) => {
                write_record(out, &error.to_record());
                Tally {
                    records: 1,
                    errors: 1,
                    ..Tally::default()
                }
            }
        };
        out.push(b'\n');
        Ok(tally)
    }
}

/// The output of one ordered piece of a chunk; reused from chunk to chunk.
#[derive(Default)]
struct Piece {
    /// Output lines.
    out: Vec<u8>,
    /// stderr lines for the input errors met, in order.
    errors: Vec<String>,
}

/// Runs `job` over every article and writes the output to `out` in input order, calling
/// `progress` after each chunk. Input errors are reported on stderr in input order when
/// `articles` reports. A write error (such as a closed pipe) stops the run.
pub fn run<J: Job, W: Write>(
    articles: &mut Articles,
    job: &J,
    out: &mut W,
    options: &Options,
    mut progress: impl FnMut(&Counts),
) -> io::Result<Counts> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads.unwrap_or(0))
        .build()
        .map_err(io::Error::other)?;
    let pieces_per_chunk = pool.current_num_threads() * 16;
    let report = articles.reports();
    let mut counts = Counts::default();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut chunk = read_chunk(articles, options);
    while !chunk.is_empty() {
        let items = chunk.len() as u64;
        let piece_len = chunk.len().div_ceil(pieces_per_chunk);
        pieces.resize_with(chunk.len().div_ceil(piece_len), Piece::default);
        let (next, tally) = pool.install(|| {
            rayon::join(
                || read_chunk(articles, options),
                || process(chunk, piece_len, &mut pieces, job, report),
            )
        });
        for piece in &pieces {
            out.write_all(&piece.out)?;
            for line in &piece.errors {
                eprintln!("{line}");
            }
        }
        counts.items += items;
        counts.tally += tally?;
        counts.bytes = articles.bytes_read();
        progress(&counts);
        chunk = next;
    }
    out.flush()?;
    Ok(counts)
}

/// Reads up to one chunk of items.
fn read_chunk(articles: &mut Articles, options: &Options) -> Vec<Raw> {
    let mut chunk = Vec::with_capacity(options.chunk_articles);
    let mut bytes = 0;
    while chunk.len() < options.chunk_articles && bytes < options.chunk_bytes {
        let Some(raw) = articles.next_raw() else {
            break;
        };
        bytes += raw.size();
        chunk.push(raw);
    }
    chunk
}

/// Parses and runs `job` over `chunk` in ordered pieces of `piece_len` items, one reused
/// [`Piece`] each.
fn process<J: Job>(
    chunk: Vec<Raw>,
    piece_len: usize,
    pieces: &mut [Piece],
    job: &J,
    report: bool,
) -> io::Result<Tally> {
    chunk
        .into_par_iter()
        .chunks(piece_len)
        .zip(pieces.par_iter_mut())
        .map(|(raws, piece)| {
            piece.out.clear();
            piece.errors.clear();
            // Room for the usual output at once: growing the buffer copies it again.
            let input: usize = raws.iter().map(Raw::size).sum();
            piece
                .out
                .reserve(input * OUTPUT_PER_INPUT_BYTE + raws.len() * OUTPUT_PER_ITEM);
            let mut tally = Tally::default();
            for raw in raws {
                let item = raw.parse();
                if let (Err(error), true) = (&item, report) {
                    piece.errors.push(error.report_line());
                }
                tally += run_guarded(job, &item, piece, report)?;
            }
            Ok(tally)
        })
        .try_reduce(Tally::default, |mut a, b| {
            a += b;
            Ok(a)
        })
}

/// Runs `job` on one item; a panic inside it (a bug in a rule) costs only this item: its
/// partial output is dropped and an `internal` error record takes its place (and a line on
/// stderr when `report`), so every input item still yields exactly one record.
fn run_guarded<J: Job>(job: &J, item: &Item, piece: &mut Piece, report: bool) -> io::Result<Tally> {
    let start = piece.out.len();
    let out = &mut piece.out;
    match panic::catch_unwind(AssertUnwindSafe(|| job.run(item, out))) {
        Ok(result) => result,
        Err(payload) => {
            piece.out.truncate(start);
            let (id, source) = match item {
                Ok(article) => (article.id.clone(), article.source.clone()),
                Err(error) => (error.id().to_owned(), error.source().to_owned()),
            };
            let message = format!(
                "{source}: extraction failed (a bug in kazfacts, please report it with this \
                 article): {}",
                panic_message(payload.as_ref())
            );
            if report {
                piece
                    .errors
                    .push(format!("kazfacts: {INTERNAL}: {message}"));
            }
            write_record(
                &mut piece.out,
                &Record::failed(id, source, INTERNAL, message),
            );
            piece.out.push(b'\n');
            Ok(Tally {
                records: 1,
                errors: 1,
                ..Tally::default()
            })
        }
    }
}

/// The error kind of a record whose extraction panicked.
pub const INTERNAL: &str = "internal";

/// The text a panic was raised with, when it is a string.
fn panic_message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("panic without a message")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{Input, ReadOptions};

    /// Writes each article's id, or `!` and the error source.
    struct Ids;

    impl Job for Ids {
        fn run(&self, item: &Item, out: &mut Vec<u8>) -> io::Result<Tally> {
            let (line, errors) = match item {
                Ok(article) => (article.id.clone(), 0),
                Err(error) => (format!("!{}", error.source()), 1),
            };
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
            Ok(Tally {
                records: 1,
                errors,
                ..Tally::default()
            })
        }
    }

    #[test]
    fn small_chunks_keep_input_order_and_count_everything() {
        let dir = tempfile::tempdir().unwrap();
        let mut dump = String::new();
        for i in 0..50 {
            if i % 7 == 3 {
                dump.push_str("{broken\n");
            } else {
                dump.push_str(&format!("{{\"id\":\"a{i}\",\"text\":\"мәтін {i}\"}}\n"));
            }
        }
        let path = dir.path().join("d.jsonl");
        std::fs::write(&path, &dump).unwrap();
        let expected: Vec<String> = (0..50)
            .map(|i| match i % 7 {
                3 => format!("!{}:{}", path.display(), i + 1),
                _ => format!("a{i}"),
            })
            .collect();
        for (threads, chunk_articles) in [(1, 1), (2, 3), (2, 64)] {
            let options = Options {
                threads: Some(threads),
                chunk_articles,
                chunk_bytes: 1 << 20,
            };
            let read = ReadOptions {
                report: false,
                ..ReadOptions::default()
            };
            let mut articles = Articles::new(vec![Input::Path(path.clone())], read);
            let mut out = Vec::new();
            let mut calls = 0;
            let counts = run(&mut articles, &Ids, &mut out, &options, |_| calls += 1).unwrap();
            let lines: Vec<&str> = std::str::from_utf8(&out).unwrap().lines().collect();
            assert_eq!(
                lines, expected,
                "threads {threads}, chunks of {chunk_articles}"
            );
            assert_eq!((counts.items, counts.tally.records), (50, 50));
            assert_eq!(counts.tally.errors, 7);
            assert_eq!(counts.bytes, dump.len() as u64);
            assert_eq!(calls, 50usize.div_ceil(chunk_articles));
        }
    }

    /// Writes each article's id, but panics on the ids listed.
    struct PanicsOn(&'static [&'static str]);

    impl Job for PanicsOn {
        fn run(&self, item: &Item, out: &mut Vec<u8>) -> io::Result<Tally> {
            let id = item.as_ref().map(|a| a.id.clone()).unwrap_or_default();
            out.extend_from_slice(id.as_bytes());
            assert!(!self.0.contains(&id.as_str()), "rule bug on {id}");
            out.push(b'\n');
            Ok(Tally {
                records: 1,
                ..Tally::default()
            })
        }
    }

    #[test]
    fn a_panicking_article_becomes_an_internal_error_record_and_the_run_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let dump: String = (0..6)
            .map(|i| format!("{{\"id\":\"a{i}\",\"text\":\"мәтін\"}}\n"))
            .collect();
        let path = dir.path().join("d.jsonl");
        std::fs::write(&path, &dump).unwrap();
        for threads in [1, 2] {
            let options = Options {
                threads: Some(threads),
                chunk_articles: 4,
                chunk_bytes: 1 << 20,
            };
            let mut articles =
                Articles::new(vec![Input::Path(path.clone())], ReadOptions::default());
            let mut out = Vec::new();
            let job = PanicsOn(&["a1", "a4"]);
            let counts = run(&mut articles, &job, &mut out, &options, |_| {}).unwrap();
            let lines: Vec<&str> = std::str::from_utf8(&out).unwrap().lines().collect();
            assert_eq!(lines.len(), 6, "{lines:?}");
            for (i, line) in lines.iter().enumerate() {
                if i == 1 || i == 4 {
                    let record: serde_json::Value = serde_json::from_str(line).unwrap();
                    assert_eq!(record["id"], format!("a{i}"));
                    assert_eq!(record["source"], format!("{}:{}", path.display(), i + 1));
                    assert_eq!(record["error"]["kind"], INTERNAL);
                    let message = record["error"]["message"].as_str().unwrap();
                    assert!(message.ends_with(&format!("rule bug on a{i}")), "{message}");
                } else {
                    assert_eq!(*line, format!("a{i}"));
                }
            }
            assert_eq!((counts.tally.records, counts.tally.errors), (6, 2));
        }
    }
}
