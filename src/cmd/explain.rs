//! `kazfacts explain`.

use clap::Args;

/// Arguments of `kazfacts explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {}

/// Runs the subcommand.
pub fn run(_args: ExplainArgs) -> anyhow::Result<u8> {
    anyhow::bail!("explain: not built yet")
}
