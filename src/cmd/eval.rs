//! `kazfacts eval`.

use clap::Args;

/// Arguments of `kazfacts eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {}

/// Runs the subcommand.
pub fn run(_args: EvalArgs) -> anyhow::Result<u8> {
    anyhow::bail!("eval: not built yet")
}
