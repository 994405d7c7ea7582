//! The subcommands of the `kazfacts` binary. Arguments are parsed by clap into one struct per
//! subcommand; each subcommand returns its exit status.
//!
//! Exit codes: 0 every record fine; 1 some records failed (error records were written and the
//! run went on); 2 usage error (clap); 3 fatal error (the run could not go on).

pub mod batch;
pub mod convert;
pub mod eval;
pub mod explain;
pub mod extract;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit status: some records carry an error.
pub const EXIT_RECORD_ERRORS: u8 = 1;
/// Exit status: the run could not go on.
pub const EXIT_FATAL: u8 = 3;

/// kazfacts: numeric facts and named entities from Kazakh news, as JSON records.
#[derive(Debug, Parser)]
#[command(name = "kazfacts", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract facts and entities from articles and write kazfacts/1 JSONL.
    Extract(extract::ExtractArgs),
    /// Rewrite articles (any input form) as JSONL {"id","source","date","title","text"}.
    Convert(convert::ConvertArgs),
    /// Score extractor output against gold annotations or CoNLL IOB2 data.
    Eval(eval::EvalArgs),
    /// Show each fact and entity of a text with the rules that built or rejected it.
    Explain(explain::ExplainArgs),
}

/// Runs the parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Convert(args) => convert::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Explain(args) => explain::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("kazfacts: {error:#}");
            ExitCode::from(EXIT_FATAL)
        }
    }
}
