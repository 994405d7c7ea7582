//! `kazfacts extract`: one kazfacts/1 record per input article (error records included), in
//! input order. Flags and policies: `docs/cli.md`.

use clap::Args;

use super::batch::{run_job, InputArgs, RunArgs};
use crate::extractor::Extractor;
use crate::pipeline::ExtractJob;

/// Arguments of `kazfacts extract`.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit status: 0 every record fine, 1 some records are error records (all \
good records were written), 2 usage error, 3 fatal error. Input forms, error policy: docs/cli.md."
)]
pub struct ExtractArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,
    /// Where to write, and how.
    #[command(flatten)]
    pub run: RunArgs,
    /// Read, parse and write records without running any rule (empty `facts` and
    /// `entities`): the baseline that throughput runs compare extraction against.
    #[arg(long)]
    pub no_extract: bool,
}

/// Runs the subcommand.
pub fn run(args: ExtractArgs) -> anyhow::Result<u8> {
    let extractor = (!args.no_extract).then(Extractor::new);
    run_job(
        &args.input,
        &args.run,
        &ExtractJob {
            extractor: extractor.as_ref(),
        },
        "extract",
    )
}
