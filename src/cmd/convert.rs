//! `kazfacts convert`: rewrites the articles read (any input form) as JSONL
//! `{"id","source","date","title","text"}`, the form `extract` reads back with the default
//! field names. Unreadable inputs are reported on stderr and written nowhere (exit code 1).

use std::io;

use clap::Args;
use serde::Serialize;

use super::batch::{run_job, InputArgs, RunArgs};
use crate::pipeline::{Item, Job, Tally};

/// Arguments of `kazfacts convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,
    /// Where to write, and how.
    #[command(flatten)]
    pub run: RunArgs,
}

/// Runs the subcommand.
pub fn run(args: ConvertArgs) -> anyhow::Result<u8> {
    run_job(&args.input, &args.run, &ConvertJob, "convert")
}

/// One article as a JSONL line.
#[derive(Serialize)]
struct ArticleLine<'a> {
    id: &'a str,
    source: &'a str,
    date: Option<&'a str>,
    title: Option<&'a str>,
    text: &'a str,
}

/// Writes articles back as JSONL; errors only count.
struct ConvertJob;

impl Job for ConvertJob {
    fn run(&self, item: &Item, out: &mut Vec<u8>) -> io::Result<Tally> {
        let Ok(article) = item else {
            return Ok(Tally {
                errors: 1,
                ..Tally::default()
            });
        };
        let line = ArticleLine {
            id: &article.id,
            source: &article.source,
            date: article.date.as_deref(),
            title: article.title.as_deref(),
            text: &article.text,
        };
        serde_json::to_writer(&mut *out, &line)?;
        out.push(b'\n');
        Ok(Tally {
            records: 1,
            ..Tally::default()
        })
    }
}
