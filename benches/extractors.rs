//! Criterion benchmarks per stage on the bundled corpus text: word segmentation, the numeric
//! rules, the entity rules, morphology, and the whole per-article extraction; then the whole
//! pipeline on one thread (read and parse JSONL, extract, serialize records), with and
//! without extraction. Run: `cargo bench --bench extractors`.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kazfacts::entities::EntityExtractor;
use kazfacts::facts::date::DateRules;
use kazfacts::facts::number::NumberRules;
use kazfacts::facts::time::TimeRules;
use kazfacts::facts::{FactContext, NumericExtractor};
use kazfacts::input::{Articles, Input, ReadOptions};
use kazfacts::pipeline::{self, ExtractJob};
use kazfacts::text::Text;
use kazfacts::trace::Trace;
use kazfacts::{Article, Extractor};

/// The bodies of every corpus article, joined: the benchmark input.
fn corpus_text() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus/articles exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("corpus article is UTF-8"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn stages(c: &mut Criterion) {
    let text = corpus_text();
    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(text.len() as u64));

    group.bench_function("words", |b| b.iter(|| Text::new(&text).words.len()));
    // Segmentation plus the per-word lexicon data (`Text::forms`) of every word. The rules
    // compute a word's forms only when they ask about it (about a third of the words of the
    // corpus), so this is an upper bound; the stage benches below reuse one `Text` and leave
    // the forms out.
    group.bench_function("words+forms", |b| {
        b.iter(|| {
            let words = Text::new(&text);
            let forms = words.forms();
            (0..words.words.len())
                .map(|i| forms.stems(i).count())
                .sum::<usize>()
        })
    });

    let words = Text::new(&text);
    let numeric = NumericExtractor::new();
    let context = FactContext::default();
    group.bench_function("numeric", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            numeric.extract(&words, &context, &mut out, &mut Trace::disabled());
            out.len()
        })
    });

    let numbers = NumberRules::new();
    let dates = DateRules::new();
    let times = TimeRules::new();
    type Find<'r> = &'r dyn Fn(&mut Vec<kazfacts::Fact>);
    let dimensions: [(&str, Find); 3] = [
        ("numeric/numbers", &|out| {
            numbers.find(&words, &context, out, &mut Trace::disabled())
        }),
        ("numeric/dates", &|out| {
            dates.find(&words, &context, out, &mut Trace::disabled())
        }),
        ("numeric/times", &|out| {
            times.find(&words, &context, out, &mut Trace::disabled())
        }),
    ];
    for (name, find) in dimensions {
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut out = Vec::new();
                find(&mut out);
                out.len()
            })
        });
    }

    let entities = EntityExtractor::new();
    group.bench_function("entities", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            entities.extract(&words, &mut out, &mut Trace::disabled());
            out.len()
        })
    });

    group.bench_function("morphology", |b| {
        b.iter(|| {
            (0..words.words.len())
                .map(|i| kazfacts::morph::candidate_stems(words.norm(i)).len())
                .sum::<usize>()
        })
    });

    let extractor = Extractor::new();
    let article = Article {
        id: "bench".into(),
        text: text.clone(),
        ..Article::default()
    };
    group.bench_function("extract", |b| {
        b.iter(|| extractor.extract(&article).facts.len())
    });
    group.finish();
}

/// The corpus articles as a JSONL dump (one article per line, as `kazfacts convert` writes).
fn corpus_jsonl() -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/articles");
    let read = ReadOptions {
        report: false,
        ..ReadOptions::default()
    };
    let mut dump = Vec::new();
    for article in Articles::new(vec![Input::Path(dir)], read) {
        let article = article.expect("corpus article reads");
        let line = serde_json::json!({
            "id": article.id, "date": article.date, "title": article.title, "text": article.text,
        });
        serde_json::to_writer(&mut dump, &line).expect("JSON to memory");
        dump.push(b'\n');
    }
    dump
}

/// `kazfacts extract --threads 1` from a JSONL file to nowhere, and its `--no-extract`
/// baseline.
fn pipeline(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("corpus.jsonl");
    let dump = corpus_jsonl();
    std::fs::write(&path, &dump).expect("write the dump");
    let extractor = Extractor::new();
    let options = pipeline::Options {
        threads: Some(1),
        ..pipeline::Options::default()
    };
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(dump.len() as u64));
    for (name, job) in [
        (
            "extract",
            ExtractJob {
                extractor: Some(&extractor),
            },
        ),
        ("no-extract", ExtractJob { extractor: None }),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let read = ReadOptions {
                    report: false,
                    ..ReadOptions::default()
                };
                let mut articles = Articles::new(vec![Input::Path(path.clone())], read);
                pipeline::run(&mut articles, &job, &mut std::io::sink(), &options, |_| {})
                    .expect("pipeline runs")
                    .items
            })
        });
    }
    group.finish();
}

criterion_group!(benches, stages, pipeline);
criterion_main!(benches);
