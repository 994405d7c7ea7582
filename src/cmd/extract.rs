//! `kazfacts extract`.

use clap::Args;

/// Arguments of `kazfacts extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {}

/// Runs the subcommand.
pub fn run(_args: ExtractArgs) -> anyhow::Result<u8> {
    anyhow::bail!("extract: not built yet")
}
