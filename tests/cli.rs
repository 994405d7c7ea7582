//! The `kazfacts` binary end to end: every input form, every kind of bad input, order and
//! thread-count determinism, atomic `-o`, `| head -1`, and the committed corpus JSONL.
//! Fixtures are written into temporary folders; the articles are made up for these tests.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_kazfacts");

/// Sentences written for these tests, combined into articles.
const SENTENCES: [&str; 6] = [
    "Шымкентте жаңа көпір салынып жатыр.",
    "Құрылысқа 12 млрд теңге бөлінді.",
    "Жұмыс 2025 жылдың 3 наурызында басталды.",
    "Жобаға 450-ден астам маман тартылған.",
    "Әкімдік бағаның 7 пайызға өскенін хабарлады.",
    "Сағат 09:30-да жиналыс өтеді.",
];

/// Article `i`: a few of the sentences, different for each i.
fn article_text(i: usize) -> String {
    (0..1 + i % 4)
        .map(|k| SENTENCES[(i + k * 5) % SENTENCES.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn run(args: &[&str], dir: &Path, stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kazfacts runs");
    let input = stdin.unwrap_or_default().to_vec();
    let mut pipe = child.stdin.take().expect("stdin pipe");
    let writer = std::thread::spawn(move || pipe.write_all(&input));
    let output = child.wait_with_output().expect("kazfacts finishes");
    writer
        .join()
        .expect("writer thread")
        .expect("stdin written");
    output
}

fn records(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|line| serde_json::from_str(line).expect("every output line is JSON"))
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn field<'v>(record: &'v Value, name: &str) -> &'v str {
    record[name].as_str().unwrap_or("<null>")
}

fn error_kind(record: &Value) -> Option<&str> {
    record["error"]["kind"].as_str()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn jsonl(count: usize) -> String {
    (0..count)
        .map(|i| {
            let record = serde_json::json!({
                "id": format!("n{i}"),
                "title": format!("Жаңалық {i}"),
                "date": "2025-03-04",
                "text": article_text(i),
            });
            format!("{record}\n")
        })
        .collect()
}

#[test]
fn txt_with_header_gives_date_title_and_exact_body() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!("{}\n\n{}", SENTENCES[0], SENTENCES[1]);
    write(
        dir.path(),
        "kopir.txt",
        format!(" date 2025-03-04 Жаңа көпір\n{body}").as_bytes(),
    );
    let output = run(&["extract", "kopir.txt"], dir.path(), None);
    assert!(output.status.success(), "{}", stderr(&output));
    let records = records(&output);
    assert_eq!(records.len(), 1);
    let record = &records[0];
    assert_eq!(record["schema"], "kazfacts/1");
    assert_eq!(field(record, "id"), "kopir");
    assert_eq!(field(record, "source"), "kopir.txt");
    assert_eq!(field(record, "date"), "2025-03-04");
    assert_eq!(field(record, "title"), "Жаңа көпір");
    assert!(record["error"].is_null());
    for mention in record["facts"]
        .as_array()
        .unwrap()
        .iter()
        .chain(record["entities"].as_array().unwrap())
    {
        if mention["field"] == "text" {
            let start = mention["byte_start"].as_u64().unwrap() as usize;
            let end = mention["byte_end"].as_u64().unwrap() as usize;
            assert_eq!(&body[start..end], mention["text"].as_str().unwrap());
        }
    }
}

#[test]
fn txt_without_header_is_an_article_without_date_or_title() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "plain.txt", SENTENCES[2].as_bytes());
    let output = run(&["extract", "plain.txt"], dir.path(), None);
    assert!(output.status.success(), "{}", stderr(&output));
    let records = records(&output);
    assert_eq!(records.len(), 1);
    assert!(records[0]["date"].is_null() && records[0]["title"].is_null());
    assert!(records[0]["error"].is_null());
}

#[test]
fn folder_is_walked_recursively_in_sorted_order_skipping_other_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "in/b.txt", SENTENCES[0].as_bytes());
    write(dir.path(), "in/a.txt", SENTENCES[1].as_bytes());
    write(dir.path(), "in/sub/c.txt", SENTENCES[2].as_bytes());
    write(dir.path(), "in/sub/d.jsonl", jsonl(2).as_bytes());
    write(dir.path(), "in/notes.md", b"# not an article");
    write(dir.path(), "in/sub/photo.png", b"\x89PNG\r\n\x1a\n\0\0\0");
    let output = run(&["extract", "in"], dir.path(), None);
    assert!(output.status.success(), "{}", stderr(&output));
    let ids: Vec<String> = records(&output)
        .iter()
        .map(|r| field(r, "id").to_owned())
        .collect();
    assert_eq!(ids, ["a", "b", "sub/c", "n0", "n1"]);
    let sources: Vec<String> = records(&output)
        .iter()
        .map(|r| field(r, "source").to_owned())
        .collect();
    assert_eq!(
        sources[2],
        Path::new("in")
            .join("sub")
            .join("c.txt")
            .display()
            .to_string()
    );
    let err = stderr(&output);
    assert!(
        err.contains("skipped") && err.contains("notes.md") && err.contains("photo.png"),
        "{err}"
    );
}

#[test]
fn jsonl_with_custom_field_names_and_derived_ids() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        serde_json::json!({"doc": "k1", "body": SENTENCES[3], "head": "Мамандар", "day": "2025-01-02"}),
        serde_json::json!({"body": SENTENCES[4]}),
        serde_json::json!({"doc": 77, "body": SENTENCES[5], "head": null}),
    ];
    let dump: String = lines.iter().map(|l| format!("{l}\n")).collect();
    write(dir.path(), "dump.jsonl", dump.as_bytes());
    let args = [
        "extract",
        "dump.jsonl",
        "--id-field",
        "doc",
        "--text-field",
        "body",
        "--title-field",
        "head",
        "--date-field",
        "day",
    ];
    let output = run(&args, dir.path(), None);
    assert!(output.status.success(), "{}", stderr(&output));
    let records = records(&output);
    let got: Vec<(&str, &str, &str, &str)> = records
        .iter()
        .map(|r| {
            (
                field(r, "id"),
                field(r, "source"),
                field(r, "title"),
                field(r, "date"),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("k1", "dump.jsonl:1", "Мамандар", "2025-01-02"),
            ("dump.jsonl:2", "dump.jsonl:2", "<null>", "<null>"),
            ("77", "dump.jsonl:3", "<null>", "<null>"),
        ]
    );
}

#[test]
fn gzip_of_each_form_reads_like_the_plain_file() {
    let dir = tempfile::tempdir().unwrap();
    let txt = format!(" date 2025-03-04 Көпір\n{}", article_text(3));
    write(dir.path(), "plain/a.txt", txt.as_bytes());
    write(dir.path(), "plain/b.jsonl", jsonl(5).as_bytes());
    write(dir.path(), "packed/a.txt.gz", &gzip(txt.as_bytes()));
    write(dir.path(), "packed/b.jsonl.gz", &gzip(jsonl(5).as_bytes()));
    let plain = records(&run(&["extract", "plain"], dir.path(), None));
    let packed = records(&run(&["extract", "packed"], dir.path(), None));
    assert_eq!(plain.len(), 6);
    assert_eq!(plain.len(), packed.len());
    for (p, g) in plain.iter().zip(&packed) {
        for key in ["id", "date", "title", "facts", "entities", "error"] {
            assert_eq!(p[key], g[key], "{key} differs for {}", p["id"]);
        }
    }
}

#[test]
fn stdin_defaults_to_jsonl_and_reads_txt_when_told() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(&["extract"], dir.path(), Some(jsonl(3).as_bytes()));
    assert!(output.status.success(), "{}", stderr(&output));
    let sources: Vec<String> = records(&output)
        .iter()
        .map(|r| field(r, "source").to_owned())
        .collect();
    assert_eq!(sources, ["-:1", "-:2", "-:3"]);

    let gz = gzip(jsonl(2).as_bytes());
    let output = run(&["extract", "-"], dir.path(), Some(&gz));
    assert_eq!(records(&output).len(), 2, "{}", stderr(&output));

    let txt = format!(" date 2025-03-04 Көпір\n{}", SENTENCES[0]);
    let output = run(
        &["extract", "--input-format", "txt", "-"],
        dir.path(),
        Some(txt.as_bytes()),
    );
    let records = records(&output);
    assert_eq!(records.len(), 1);
    assert_eq!(field(&records[0], "title"), "Көпір");
}

/// Every bad input yields one error record of the right kind (source named, also on
/// stderr), good articles around it are kept, and the exit code is 1.
#[test]
fn bad_inputs_yield_error_records_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = SENTENCES[1].as_bytes();
    write(dir.path(), "in/01-good.txt", good);
    write(dir.path(), "in/02-latin1.txt", b"Caf\xe9 \xff\xfe");
    write(dir.path(), "in/03-empty.txt", b"");
    write(
        dir.path(),
        "in/04-binary.txt",
        b"\x7fELF\x02\x01\x01\0\0\0\0",
    );
    let mut lines = jsonl(2);
    lines.push_str("{\"id\": \"broken\", \"text\": \n");
    lines.push_str("{\"id\": \"no-text\", \"title\": \"Т\"}\n");
    lines.push_str("[1, 2]\n");
    lines.push_str(&format!(
        "{{\"id\": \"long\", \"text\": \"{}\"}}\n",
        "ө".repeat(3000)
    ));
    lines.push_str(&jsonl(1));
    write(dir.path(), "in/05-lines.jsonl", lines.as_bytes());
    let long = jsonl(400);
    let packed = gzip(long.as_bytes());
    write(
        dir.path(),
        "in/06-cut.jsonl.gz",
        &packed[..packed.len() / 2],
    );
    write(dir.path(), "in/07-huge.txt", "ө".repeat(3000).as_bytes());
    write(dir.path(), "in/08-good.txt", good);

    let output = run(
        &[
            "extract",
            "in",
            "missing.txt",
            "--max-article-bytes",
            "4096",
        ],
        dir.path(),
        None,
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let records = records(&output);
    let kinds: Vec<(String, Option<&str>)> = records
        .iter()
        .map(|r| (field(r, "source").to_owned(), error_kind(r)))
        .collect();
    let cut: Vec<&(String, Option<&str>)> =
        kinds.iter().filter(|(s, _)| s.contains("06-cut")).collect();
    assert!(
        cut.len() > 2,
        "the lines before the damage are kept: {cut:?}"
    );
    assert!(cut[..cut.len() - 1].iter().all(|(_, kind)| kind.is_none()));
    assert_eq!(cut.last().unwrap().1, Some("gzip"));
    let others: Vec<(String, Option<&str>)> = kinds
        .iter()
        .filter(|(s, _)| !s.contains("06-cut"))
        .map(|(s, k)| (s.rsplit(['/', '\\']).next().unwrap().to_owned(), *k))
        .collect();
    let expected: Vec<(String, Option<&str>)> = [
        ("01-good.txt", None),
        ("02-latin1.txt", Some("invalid_utf8")),
        ("03-empty.txt", Some("empty")),
        ("04-binary.txt", Some("binary")),
        ("05-lines.jsonl:1", None),
        ("05-lines.jsonl:2", None),
        ("05-lines.jsonl:3", Some("json")),
        ("05-lines.jsonl:4", Some("missing_field")),
        ("05-lines.jsonl:5", Some("json")),
        ("05-lines.jsonl:6", Some("too_large")),
        ("05-lines.jsonl:7", None),
        ("07-huge.txt", Some("too_large")),
        ("08-good.txt", None),
        ("missing.txt", Some("io")),
    ]
    .iter()
    .map(|(s, k)| (s.to_string(), *k))
    .collect();
    assert_eq!(others, expected);

    let err = stderr(&output);
    for record in records.iter().filter(|r| !r["error"].is_null()) {
        let message = field(&record["error"], "message");
        assert!(
            message.starts_with(field(record, "source")),
            "message names the source: {message}"
        );
        assert!(err.contains(message), "stderr reports {message}");
        assert!(record["facts"].as_array().unwrap().is_empty());
    }
}

#[test]
fn output_is_byte_identical_for_one_and_two_threads() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "many.jsonl", jsonl(700).as_bytes());
    let one = run(
        &["extract", "--threads", "1", "many.jsonl"],
        dir.path(),
        None,
    );
    let two = run(
        &["extract", "--threads", "2", "many.jsonl"],
        dir.path(),
        None,
    );
    assert!(one.status.success() && two.status.success());
    assert_eq!(records(&one).len(), 700);
    assert!(one.stdout == two.stdout, "thread count changed the output");
    let ids: Vec<String> = records(&two)
        .iter()
        .map(|r| field(r, "id").to_owned())
        .collect();
    let expected: Vec<String> = (0..700).map(|i| format!("n{i}")).collect();
    assert_eq!(ids, expected, "output order = input order");
}

#[test]
fn no_extract_writes_the_same_records_without_mentions() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "some.jsonl", jsonl(30).as_bytes());
    let full = run(&["extract", "some.jsonl"], dir.path(), None);
    let bare = run(&["extract", "--no-extract", "some.jsonl"], dir.path(), None);
    assert!(full.status.success() && bare.status.success());
    let (full, bare) = (records(&full), records(&bare));
    assert_eq!(full.len(), bare.len());
    assert!(full.iter().any(|r| r["facts"] != serde_json::json!([])));
    for (f, b) in full.iter().zip(&bare) {
        for key in ["id", "source", "date", "title"] {
            assert_eq!(f[key], b[key], "{key} differs");
        }
        assert_eq!(b["facts"], serde_json::json!([]));
        assert_eq!(b["entities"], serde_json::json!([]));
    }
}

#[test]
fn closed_stdout_stops_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "many.jsonl", jsonl(5000).as_bytes());
    let mut child = Command::new(BIN)
        .args(["extract", "many.jsonl"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(first.starts_with("{\"schema\":\"kazfacts/1\""));
    let err = stderr(&output);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(output.status.code(), Some(0), "{err}");
}

#[test]
fn output_file_is_written_atomically_without_leftovers() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "in/a.jsonl", jsonl(20).as_bytes());
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let to_file = run(
        &["extract", "in", "-o", "out/records.jsonl", "--quiet"],
        dir.path(),
        None,
    );
    assert!(to_file.status.success(), "{}", stderr(&to_file));
    assert!(to_file.stdout.is_empty() && to_file.stderr.is_empty());
    let names: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["records.jsonl"]);
    let to_stdout = run(&["extract", "in"], dir.path(), None);
    assert_eq!(
        std::fs::read(dir.path().join("out/records.jsonl")).unwrap(),
        to_stdout.stdout
    );
}

#[test]
fn record_errors_still_write_the_output_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.jsonl", jsonl(3).as_bytes());
    let output = run(
        &["extract", "a.jsonl", "gone.txt", "-o", "out.jsonl"],
        dir.path(),
        None,
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let written = std::fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    let kinds: Vec<Option<String>> = written
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).unwrap())
        .map(|r| error_kind(&r).map(str::to_owned))
        .collect();
    assert_eq!(kinds, [None, None, None, Some("io".to_owned())]);
    assert!(
        stderr(&output).contains("1 errors"),
        "summary counts the error"
    );
}

#[test]
fn fatal_error_leaves_no_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(
        &["extract", "-o", "no/such/dir/out.jsonl"],
        dir.path(),
        Some(b""),
    );
    assert_eq!(output.status.code(), Some(3));
    assert!(!dir.path().join("no").exists());
}

#[test]
fn usage_errors_exit_with_2() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["extract", "--threads", "0"][..],
        &["extract", "--no-such-flag"],
        &["frobnicate"],
    ] {
        assert_eq!(
            run(args, dir.path(), None).status.code(),
            Some(2),
            "{args:?}"
        );
    }
}

#[test]
fn converted_articles_extract_like_the_originals() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "in/a.txt",
        format!(" date 2025-03-04 Көпір\n{}", article_text(2)).as_bytes(),
    );
    write(dir.path(), "in/b.txt", article_text(3).as_bytes());
    write(dir.path(), "in/c.jsonl", jsonl(3).as_bytes());
    let converted = run(&["convert", "in", "-o", "all.jsonl"], dir.path(), None);
    assert!(converted.status.success(), "{}", stderr(&converted));
    let direct = records(&run(&["extract", "in"], dir.path(), None));
    let via = records(&run(&["extract", "all.jsonl"], dir.path(), None));
    assert_eq!(direct.len(), 5);
    assert_eq!(direct.len(), via.len());
    for (d, v) in direct.iter().zip(&via) {
        for key in ["id", "date", "title", "facts", "entities", "error"] {
            assert_eq!(d[key], v[key], "{key} differs for {}", d["id"]);
        }
    }
}

/// `corpus/articles.jsonl` is generated: `kazfacts convert corpus/articles > corpus/articles.jsonl`.
#[test]
fn committed_corpus_jsonl_is_the_conversion_of_the_corpus_folder() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let committed = root.join("corpus/articles.jsonl");
    if !committed.exists() || !root.join("corpus/articles").is_dir() {
        eprintln!("corpus/articles(.jsonl) absent: nothing to compare");
        return;
    }
    let output = run(&["convert", "corpus/articles", "--quiet"], root, None);
    assert!(output.status.success(), "{}", stderr(&output));
    let expected = std::fs::read(&committed).unwrap();
    assert!(
        output.stdout == expected,
        "corpus/articles.jsonl is stale: run `cargo run --release -- convert corpus/articles > corpus/articles.jsonl`"
    );
}
