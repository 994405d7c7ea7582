//! The `kazfacts` command line; all work is done by the library's `cmd` module.

use clap::Parser;

/// mimalloc: the rules allocate many small strings and vectors per article, and the system
/// allocator's malloc/free were about 7% of the instructions of a run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    kazfacts::cmd::run(kazfacts::cmd::Cli::parse())
}
