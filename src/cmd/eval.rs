//! `kazfacts eval`: scores the extractor (or a kazfacts/1 JSONL file) against our gold
//! annotations, or the extractor against CoNLL IOB2 data such as KazNERD; optionally checks
//! the floors file and fails below a floor.
//!
//! ```text
//! kazfacts eval [--articles corpus/articles] [--gold corpus/gold] [--predictions out.jsonl]
//! kazfacts eval --conll ../shared/kaznerd/IOB2_valid.txt
//!   common: [--labels CARDINAL,MONEY] [--json] [--show-errors] [--floors corpus/floors.tsv]
//! ```
//! Exit status: 0 fine; 1 a score is below its floor; 3 gold errors or unreadable input.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use serde_json::Value;

use crate::eval::conll_eval::{self, ConllOptions};
use crate::eval::errors::ErrorRow;
use crate::eval::gold_eval::{self, AttrTally, GoldOptions};
use crate::eval::score::Scores;
use crate::eval::{conll, floors, predict, report, LabelFilter};
use crate::mention::Label;
use crate::record::Record;
use crate::Extractor;

use super::EXIT_FATAL;

/// Exit status: a score is below its floor.
pub const EXIT_BELOW_FLOOR: u8 = 1;

/// Arguments of `kazfacts eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Score against a CoNLL IOB2 file (KazNERD form) instead of our gold.
    #[arg(long, value_name = "FILE")]
    pub conll: Option<PathBuf>,
    /// Folder of `.txt` articles (gold mode).
    #[arg(
        long,
        default_value = "corpus/articles",
        value_name = "DIR",
        conflicts_with = "conll"
    )]
    pub articles: PathBuf,
    /// Folder of gold `.tsv` files, one per article (gold mode).
    #[arg(
        long,
        default_value = "corpus/gold",
        value_name = "DIR",
        conflicts_with = "conll"
    )]
    pub gold: PathBuf,
    /// Score this kazfacts/1 JSONL file (records matched by id = file stem) instead of
    /// running the extractor (gold mode).
    #[arg(long, value_name = "FILE", conflicts_with = "conll")]
    pub predictions: Option<PathBuf>,
    /// Score only these classes (comma-separated KazNERD names).
    #[arg(long, value_delimiter = ',', value_name = "CLASSES")]
    pub labels: Vec<String>,
    /// Print JSON instead of tables.
    #[arg(long)]
    pub json: bool,
    /// List misses, false alarms and wrong values with their context.
    #[arg(long)]
    pub show_errors: bool,
    /// At most this many errors are listed.
    #[arg(long, default_value_t = 500, value_name = "N")]
    pub max_errors: usize,
    /// Check the scores against this floors file; exit 1 below a floor.
    #[arg(long, value_name = "FILE")]
    pub floors: Option<PathBuf>,
    /// Floors set to check (default: `kaznerd` with --conll, else `corpus`).
    #[arg(long, value_name = "NAME")]
    pub floor_set: Option<String>,
    /// Print floor rows suggested by the measured figures (strict F1 and attribute accuracy
    /// minus 0.02, rounded down) instead of the tables.
    #[arg(long)]
    pub suggest_floors: bool,
}

/// What any evaluation produced, for printing and floor checks.
struct Results {
    heading: String,
    scores: Scores,
    attributes: BTreeMap<&'static str, AttrTally>,
    attributes_by_label: BTreeMap<(Label, &'static str), AttrTally>,
    errors: Vec<ErrorRow>,
    extra_json: Vec<(&'static str, Value)>,
}

/// Runs the subcommand.
pub fn run(args: EvalArgs) -> anyhow::Result<u8> {
    let labels = LabelFilter::parse(&args.labels).map_err(anyhow::Error::msg)?;
    let results = match &args.conll {
        Some(path) => run_conll(path, labels, args.show_errors)?,
        None => match run_gold(&args, labels)? {
            Ok(results) => results,
            Err(code) => return Ok(code),
        },
    };
    let default_set = if args.conll.is_some() {
        "kaznerd"
    } else {
        "corpus"
    };
    let set = args.floor_set.as_deref().unwrap_or(default_set);
    let mut out = String::new();
    if args.suggest_floors {
        out = floors::suggest(set, &results.scores, &results.attributes, 0.02);
    } else if args.json {
        let mut value = report::scores_json(&results.scores);
        value["attributes"] = report::attributes_json(&results.attributes);
        value["attributes_by_label"] =
            report::attributes_by_label_json(&results.attributes_by_label);
        for (key, extra) in &results.extra_json {
            value[*key] = extra.clone();
        }
        if args.show_errors {
            value["errors"] = serde_json::to_value(&results.errors)?;
        }
        out = format!("{value}\n");
    } else {
        if args.show_errors {
            out.push_str(&errors_text(&results.errors, args.max_errors));
        }
        out.push_str(&results.heading);
        out.push('\n');
        out.push_str(&report::table(&results.scores));
        if !results.attributes.is_empty() {
            out.push('\n');
            out.push_str(&report::attribute_table(&results.attributes));
            out.push('\n');
            out.push_str(&report::attribute_matrix(&results.attributes_by_label));
        }
    }
    emit(&out)?;
    match &args.floors {
        Some(path) => {
            let default_set = if args.conll.is_some() {
                "kaznerd"
            } else {
                "corpus"
            };
            let set = args.floor_set.as_deref().unwrap_or(default_set);
            check_floors(path, set, &results)
        }
        None => Ok(0),
    }
}

fn run_conll(path: &Path, labels: LabelFilter, keep_errors: bool) -> anyhow::Result<Results> {
    let name = path.display().to_string();
    let content = std::fs::read_to_string(path).with_context(|| format!("reading {name}"))?;
    let sentences = conll::parse(&content, &name)?;
    let extractor = Extractor::new();
    let options = ConllOptions {
        labels,
        keep_errors,
        source_name: name,
    };
    let outcome = conll_eval::evaluate(&sentences, |text| predict(&extractor, text), &options);
    Ok(Results {
        heading: format!(
            "{} sentences from {}",
            outcome.sentences, options.source_name
        ),
        scores: outcome.scores,
        attributes: BTreeMap::new(),
        attributes_by_label: BTreeMap::new(),
        errors: outcome.errors,
        extra_json: vec![("sentences", outcome.sentences.into())],
    })
}

/// Gold mode; `Err(code)` when the gold itself is broken (reported on stderr).
fn run_gold(args: &EvalArgs, labels: LabelFilter) -> anyhow::Result<Result<Results, u8>> {
    let corpus = gold_eval::load_corpus(&args.articles, &args.gold).with_context(|| {
        format!(
            "reading {} and {}",
            args.articles.display(),
            args.gold.display()
        )
    })?;
    for path in &corpus.unannotated {
        eprintln!("kazfacts eval: {path}: no gold file, skipped");
    }
    if !corpus.errors.is_empty() {
        for error in &corpus.errors {
            eprintln!("gold error: {error}");
        }
        eprintln!("kazfacts eval: {} gold errors", corpus.errors.len());
        return Ok(Err(EXIT_FATAL));
    }
    let options = GoldOptions {
        labels,
        keep_errors: args.show_errors,
    };
    let outcome = match &args.predictions {
        Some(path) => {
            let records = read_predictions(path)?;
            for gold in &corpus.articles {
                if !records.contains_key(&gold.article.id) {
                    eprintln!(
                        "kazfacts eval: no prediction for {} (id {})",
                        gold.article.source, gold.article.id
                    );
                }
            }
            gold_eval::evaluate(
                &corpus.articles,
                |article| records.get(&article.id).cloned(),
                &options,
            )
        }
        None => {
            let extractor = Extractor::new();
            gold_eval::evaluate(
                &corpus.articles,
                |article| Some(extractor.extract(article)),
                &options,
            )
        }
    };
    Ok(Ok(Results {
        heading: format!(
            "{} articles ({} words) from {} scored against {}",
            outcome.articles,
            outcome.words,
            args.articles.display(),
            args.gold.display()
        ),
        scores: outcome.scores,
        attributes: outcome.attributes,
        attributes_by_label: outcome.attributes_by_label,
        errors: outcome.errors,
        extra_json: vec![
            ("articles", outcome.articles.into()),
            ("words", outcome.words.into()),
        ],
    }))
}

/// Reads a kazfacts/1 JSONL file into records by id.
fn read_predictions(path: &Path) -> anyhow::Result<HashMap<String, Record>> {
    let name = path.display();
    let content = std::fs::read_to_string(path).with_context(|| format!("reading {name}"))?;
    let mut records = HashMap::new();
    for (index, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = serde_json::from_str(line)
            .with_context(|| format!("{name}:{}: not a kazfacts/1 record", index + 1))?;
        records.insert(record.id.clone(), record);
    }
    Ok(records)
}

fn check_floors(path: &Path, set: &str, results: &Results) -> anyhow::Result<u8> {
    let name = path.display().to_string();
    let content = std::fs::read_to_string(path).with_context(|| format!("reading {name}"))?;
    let floors = floors::parse(&content, &name).map_err(anyhow::Error::msg)?;
    let (checked, failures) = floors::check(&floors, set, &results.scores, &results.attributes);
    for failure in &failures {
        eprintln!("below floor: {failure}");
    }
    eprintln!(
        "floors {set}: {checked} checked, {} below ({name})",
        failures.len()
    );
    Ok(if failures.is_empty() {
        0
    } else {
        EXIT_BELOW_FLOOR
    })
}

fn errors_text(errors: &[ErrorRow], max: usize) -> String {
    let mut out: String = errors.iter().take(max).map(ToString::to_string).collect();
    if errors.len() > max {
        out.push_str(&format!(
            "… {} more errors (raise --max-errors)\n",
            errors.len() - max
        ));
    }
    out.push('\n');
    out
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn emit(text: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(error).context("writing to stdout")
        }
        _ => Ok(()),
    }
}
