//! What `extract` and `convert` share: the input flags, and running a pipeline job from the
//! inputs to stdout or an atomic `-o` file with a progress bar, a summary and an exit code.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::EXIT_RECORD_ERRORS;
use crate::input::{Articles, Fields, Format, Input, ReadOptions, DEFAULT_MAX_ARTICLE_BYTES};
use crate::pipeline::{self, Counts, Job};
use crate::sink::Sink;

/// Inputs and how to read them.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or folders to read (`.txt`, `.jsonl`, `.ndjson`, each optionally `.gz`); `-` or
    /// nothing reads stdin.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// How to parse inputs (`auto`: by file name; stdin is JSONL).
    #[arg(long, value_enum, default_value_t = Format::Auto)]
    pub input_format: Format,
    /// JSONL field holding the article id (absent: `<file>:<line>`).
    #[arg(long, default_value = "id")]
    pub id_field: String,
    /// JSONL field holding the body text.
    #[arg(long, default_value = "text")]
    pub text_field: String,
    /// JSONL field holding the headline.
    #[arg(long, default_value = "title")]
    pub title_field: String,
    /// JSONL field holding the date.
    #[arg(long, default_value = "date")]
    pub date_field: String,
    /// Larger articles (or JSONL lines) become `too_large` error records.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_ARTICLE_BYTES)]
    pub max_article_bytes: usize,
}

impl InputArgs {
    /// The article stream these flags describe.
    pub fn articles(&self) -> Articles {
        let options = ReadOptions {
            format: self.input_format,
            fields: Fields {
                id: self.id_field.clone(),
                text: self.text_field.clone(),
                title: self.title_field.clone(),
                date: self.date_field.clone(),
            },
            max_article_bytes: self.max_article_bytes,
            report: true,
        };
        Articles::new(
            self.paths.iter().map(|p| Input::from_arg(p)).collect(),
            options,
        )
    }
}

/// Output and run flags.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Write to FILE (atomically: a temporary file renamed at the end) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub threads: Option<u32>,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Runs `job` over the inputs; returns the exit code (1 when some inputs failed).
pub fn run_job<J: Job>(
    input: &InputArgs,
    run: &RunArgs,
    job: &J,
    what: &str,
) -> anyhow::Result<u8> {
    let started = Instant::now();
    let mut articles = input.articles();
    let mut sink = Sink::open(run.output.as_deref()).context("cannot create the output")?;
    let options = pipeline::Options {
        threads: run.threads.map(|n| n as usize),
        ..pipeline::Options::default()
    };
    let bar = progress_bar(run.quiet);
    let result = pipeline::run(&mut articles, job, &mut sink, &options, |counts| {
        if let Some(bar) = &bar {
            bar.set_position(counts.items);
            let elapsed = started.elapsed();
            bar.set_message(format!(
                "{:.0} articles/s, {:.1} MB/s",
                counts.items as f64 / elapsed.as_secs_f64().max(1e-9),
                mb_per_s(counts.bytes, elapsed)
            ));
        }
    });
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let counts = match result {
        Ok(counts) => counts,
        // The reader went away (`| head`): a clean stop, not a failure.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => return Ok(0),
        Err(error) => return Err(anyhow::Error::new(error).context("the run stopped")),
    };
    match sink.finish() {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => return Ok(0),
        other => other.context("cannot finish the output")?,
    }
    if !run.quiet {
        eprintln!("kazfacts: {}", summary(&counts, started.elapsed(), what));
    }
    Ok(if counts.tally.errors > 0 {
        EXIT_RECORD_ERRORS
    } else {
        0
    })
}

/// A spinner on stderr when it is a terminal and the run is not quiet.
fn progress_bar(quiet: bool) -> Option<ProgressBar> {
    if quiet || !io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{spinner} {pos} articles ({msg})")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(200));
    Some(bar)
}

fn mb_per_s(bytes: u64, elapsed: Duration) -> f64 {
    bytes as f64 / 1e6 / elapsed.as_secs_f64().max(1e-9)
}

/// The one-line summary printed at the end.
fn summary(counts: &Counts, elapsed: Duration, what: &str) -> String {
    let tally = &counts.tally;
    format!(
        "{what}: {} articles, {} facts, {} entities, {} errors; {:.1} MB in {:.2} s ({:.1} MB/s)",
        counts.items,
        tally.facts,
        tally.entities,
        tally.errors,
        counts.bytes as f64 / 1e6,
        elapsed.as_secs_f64(),
        mb_per_s(counts.bytes, elapsed),
    )
}
