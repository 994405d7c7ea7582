//! Criterion benchmarks per stage on the bundled corpus text: word segmentation, the numeric
//! rules, the entity rules, morphology, and the whole per-article extraction.
//! Run: `cargo bench --bench extractors`.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kazfacts::entities::EntityExtractor;
use kazfacts::facts::date::DateRules;
use kazfacts::facts::number::NumberRules;
use kazfacts::facts::time::TimeRules;
use kazfacts::facts::{FactContext, NumericExtractor};
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
    group.bench_function("numeric/numbers", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            numbers.find(&words, &context, &mut out, &mut Trace::disabled());
            out.len()
        })
    });
    let dates = DateRules::new();
    group.bench_function("numeric/dates", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            dates.find(&words, &context, &mut out, &mut Trace::disabled());
            out.len()
        })
    });
    let times = TimeRules::new();
    group.bench_function("numeric/times", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            times.find(&words, &context, &mut out, &mut Trace::disabled());
            out.len()
        })
    });

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

criterion_group!(benches, stages);
criterion_main!(benches);
