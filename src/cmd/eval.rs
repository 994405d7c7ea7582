//! `kazfacts eval`: scores the extractor (or a kazfacts/1 JSONL file) against our gold
//! annotations, or the extractor against CoNLL IOB2 data such as KazNERD.
//!
//! ```text
//! kazfacts eval --conll ../shared/kaznerd/IOB2_valid.txt [--labels CARDINAL,MONEY] [--json]
//!               [--show-errors]
//! ```

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use crate::eval::conll;
use crate::eval::conll_eval::{self, ConllOptions};
use crate::eval::errors::ErrorRow;
use crate::eval::{predict, report, LabelFilter};
use crate::Extractor;

/// Arguments of `kazfacts eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Score against a CoNLL IOB2 file (KazNERD form) instead of our gold.
    #[arg(long, value_name = "FILE")]
    pub conll: Option<PathBuf>,
    /// Score only these classes (comma-separated KazNERD names).
    #[arg(long, value_delimiter = ',', value_name = "CLASSES")]
    pub labels: Vec<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// List misses and false alarms with their context.
    #[arg(long)]
    pub show_errors: bool,
    /// At most this many errors are listed.
    #[arg(long, default_value_t = 500, value_name = "N")]
    pub max_errors: usize,
}

/// Runs the subcommand.
pub fn run(args: EvalArgs) -> anyhow::Result<u8> {
    let labels = LabelFilter::parse(&args.labels).map_err(anyhow::Error::msg)?;
    let Some(path) = &args.conll else {
        anyhow::bail!("eval: gold mode is not built yet; use --conll FILE");
    };
    let name = path.display().to_string();
    let content = std::fs::read_to_string(path).with_context(|| format!("reading {name}"))?;
    let sentences = conll::parse(&content, &name)?;
    let extractor = Extractor::new();
    let options = ConllOptions {
        labels,
        keep_errors: args.show_errors,
        source_name: name,
    };
    let outcome = conll_eval::evaluate(&sentences, |text| predict(&extractor, text), &options);
    if args.json {
        let mut value = report::scores_json(&outcome.scores);
        value["sentences"] = outcome.sentences.into();
        if args.show_errors {
            value["errors"] = serde_json::to_value(&outcome.errors)?;
        }
        println!("{value}");
    } else {
        if args.show_errors {
            print_errors(&outcome.errors, args.max_errors);
        }
        println!(
            "{} sentences from {}",
            outcome.sentences, options.source_name
        );
        print!("{}", report::table(&outcome.scores));
    }
    Ok(0)
}

fn print_errors(errors: &[ErrorRow], max: usize) {
    for error in errors.iter().take(max) {
        print!("{error}");
    }
    if errors.len() > max {
        println!("… {} more errors (raise --max-errors)", errors.len() - max);
    }
    println!();
}
