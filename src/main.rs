//! The `kazfacts` command line; all work is done by the library's `cmd` module.

use clap::Parser;

fn main() -> std::process::ExitCode {
    kazfacts::cmd::run(kazfacts::cmd::Cli::parse())
}
