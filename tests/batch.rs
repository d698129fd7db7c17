//! End-to-end tests of batch work: folders, threads, streams, bad input and the
//! summary. Each builds its inputs in a temporary directory.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn copydesk() -> Command {
    Command::cargo_bin("copydesk").expect("binary built")
}

/// A short article of its own for index `i`, with a quote and a footer.
fn article(i: usize) -> String {
    format!(
        "Council {i} backs bridge plan\n\n\
         The council voted {i} times on Monday. \"We will build it,\" said Mayor Jane Roe {i}.\n\n\
         Share on Facebook\n"
    )
}

fn write(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

fn lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// Every file under `dir` with its bytes, to prove a tree unchanged.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), fs::read(e.path()).unwrap()))
        .collect()
}

/// A folder of good articles and one of each bad case.
fn mixed_folder(good: usize) -> TempDir {
    let dir = TempDir::new().unwrap();
    for i in 0..good {
        let name = format!("{}/{i:04}.txt", ["a", "b/c", "d"][i % 3]);
        write(&dir.path().join(name), article(i).as_bytes());
    }
    write(
        &dir.path().join("bad/image.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
    );
    write(
        &dir.path().join("bad/old.txt"),
        b"Caf\xe9 owners said \x93no\x94.\n",
    );
    write(&dir.path().join("bad/empty.txt"), b"");
    write(
        &dir.path().join("bad/huge.txt"),
        "word ".repeat(3000).as_bytes(),
    );
    write(&dir.path().join(".hidden/secret.txt"), b"never read");
    write(&dir.path().join("notes.json"), b"{}");
    dir
}

#[test]
fn a_mixed_folder_is_accounted_for_and_left_unchanged() {
    let dir = mixed_folder(30);
    let before = snapshot(dir.path());
    let out = TempDir::new().unwrap();
    let run = copydesk()
        .args([
            "analyze",
            "--format",
            "json",
            "--max-bytes",
            "10K",
            "-j2",
            "-o",
        ])
        .arg(out.path())
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "bad/image.txt: skipped: binary file",
        ))
        .stderr(predicate::str::contains(
            "bad/huge.txt: skipped: larger than --max-bytes 10240",
        ))
        .stderr(predicate::str::contains(
            "copydesk: 34 found: 32 analyzed, 2 skipped, 0 failed;",
        ));
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert!(!stderr.contains("secret"), "{stderr}");
    assert_eq!(snapshot(dir.path()), before, "the input tree is unchanged");
    let results = snapshot(out.path());
    assert_eq!(results.len(), 32, "one result per analyzed input");
    for (path, bytes) in &results {
        let record: Value = serde_json::from_slice(bytes).expect("complete JSON");
        assert_eq!(record["schema"], "copydesk/1", "{}", path.display());
    }
    let old: Value = serde_json::from_slice(&results[&out.path().join("bad/old.json")]).unwrap();
    assert!(
        old["warnings"][0]
            .as_str()
            .unwrap()
            .contains("Windows-1252")
    );
    let empty: Value =
        serde_json::from_slice(&results[&out.path().join("bad/empty.json")]).unwrap();
    assert_eq!(empty["sentences"], Value::Array(vec![]));
}

#[test]
fn threads_do_not_change_the_output() {
    let dir = mixed_folder(150);
    let run = |threads: &str| {
        copydesk()
            .args(["analyze", "--format", "jsonl", "-q", "-j", threads])
            .arg(dir.path())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let one = run("1");
    assert_eq!(lines(&one).len(), 153);
    assert_eq!(run("2"), one);
    assert_eq!(run("4"), one);
}

#[test]
fn extensions_and_globs_choose_the_files_of_a_walk() {
    let dir = TempDir::new().unwrap();
    for name in ["a.txt", "b", "c.md", "news/d.html", "news/drafts/e.html"] {
        write(&dir.path().join(name), article(1).as_bytes());
    }
    let sources = |args: &[&str]| -> Vec<String> {
        let out = copydesk()
            .args(["clean", "--format", "jsonl", "-q"])
            .args(args)
            .arg(dir.path())
            .assert()
            .success();
        lines(&out.get_output().stdout)
            .iter()
            .map(|r| {
                let source = r["source"].as_str().unwrap();
                let relative = Path::new(source).strip_prefix(dir.path()).unwrap();
                relative.to_string_lossy().replace('\\', "/")
            })
            .collect()
    };
    assert_eq!(sources(&[]), ["a.txt", "b"]);
    assert_eq!(
        sources(&["--ext", "md,html"]),
        ["c.md", "news/d.html", "news/drafts/e.html"]
    );
    assert_eq!(
        sources(&["--glob", "**/*.html", "--glob", "!**/drafts/**"]),
        ["news/d.html"]
    );
}

#[test]
fn a_bad_glob_is_a_usage_error() {
    copydesk()
        .args(["clean", "--glob", "a[", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--glob \"a[\""));
}

/// A stream with good records, a malformed line, a record without text, a
/// number id and a record over the size limit.
fn stream() -> String {
    let mut out = String::new();
    for i in 0..40 {
        let record = match i {
            7 => "{not json".to_string(),
            13 => r#"{"id":"no-text","body":"x"}"#.to_string(),
            21 => serde_json::json!({"id": 21, "text": article(i)}).to_string(),
            29 => serde_json::json!({"id": "big", "text": "word ".repeat(500)}).to_string(),
            _ => serde_json::json!({"id": format!("r{i}"), "text": article(i)}).to_string(),
        };
        out.push_str(&record);
        out.push('\n');
    }
    out
}

/// `copydesk quotes` over a JSON Lines stream, with a 1K record limit.
fn quotes_of_stream() -> Command {
    let mut command = copydesk();
    command.args([
        "quotes",
        "--input",
        "jsonl",
        "--format",
        "jsonl",
        "--max-bytes",
        "1K",
    ]);
    command
}

#[test]
fn a_stream_reports_bad_records_by_line_and_goes_on() {
    let out = quotes_of_stream()
        .write_stdin(stream())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("copydesk: <stdin>:8: bad JSON"))
        .stderr(predicate::str::contains(
            "copydesk: <stdin>:14: no \"text\" field",
        ))
        .stderr(predicate::str::contains(
            "copydesk: <stdin>:30: skipped: larger than --max-bytes 1024",
        ))
        .stderr(predicate::str::contains(
            "40 found: 37 analyzed, 1 skipped, 2 failed",
        ));
    let records = lines(&out.get_output().stdout);
    assert_eq!(records.len(), 37);
    assert_eq!(records[0]["id"], "r0");
    assert_eq!(records[19]["id"], "21", "ids are echoed as strings");
}

#[test]
fn on_error_record_keeps_one_line_out_per_line_in() {
    let out = quotes_of_stream()
        .args(["--on-error", "record", "-q"])
        .write_stdin(stream())
        .assert()
        .success()
        .stderr(predicate::str::contains("<stdin>:8: bad JSON"));
    let records = lines(&out.get_output().stdout);
    assert_eq!(records.len(), 40);
    assert_eq!(records[7]["id"], Value::Null);
    assert!(
        records[7]["error"]
            .as_str()
            .unwrap()
            .starts_with("<stdin>:8: bad JSON")
    );
    assert_eq!(records[13]["id"], "no-text");
    assert_eq!(records[13]["source"], "<stdin>:14");
    assert!(records[29]["error"].as_str().unwrap().contains("skipped"));
    assert_eq!(records[30]["id"], "r30");
    assert!(records[30].get("error").is_none());
}

#[test]
fn a_stream_cut_into_chunks_gives_the_same_output_as_whole() {
    let whole = stream();
    let run = |input: String| {
        copydesk()
            .args(["analyze", "--input", "jsonl", "--format", "jsonl", "-q"])
            .args(["--on-error", "record"])
            .write_stdin(input)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let expected = run(whole.clone());
    let all: Vec<&str> = whole.lines().collect();
    let mut joined = Vec::new();
    for chunk in all.chunks(6) {
        joined.extend(run(chunk.join("\n") + "\n"));
    }
    // Only the error records' line numbers differ between chunked and whole runs.
    let normalize = |out: &[u8]| -> Vec<Value> {
        lines(out)
            .into_iter()
            .map(|mut r| {
                if r.get("error").is_some() {
                    r["source"] = Value::Null;
                    r["error"] = Value::Null;
                }
                r
            })
            .collect()
    };
    assert_eq!(normalize(&joined), normalize(&expected));
}

#[test]
fn the_summary_counts_and_quiet_silences_it() {
    let dir = mixed_folder(3);
    copydesk()
        .args(["clean", "--format", "jsonl", "--max-bytes", "10K"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::is_match(r"copydesk: 7 found: 5 analyzed, 2 skipped, 0 failed; [0-9.]+ MB in [0-9.]+ s \([0-9.]+ MB/s\)\n$").unwrap());
    copydesk()
        .args(["clean", "--format", "jsonl", "-q", "--max-bytes", "10K"])
        .arg(dir.path().join("a"))
        .assert()
        .success()
        .stderr("");
}

#[test]
fn a_file_of_quote_marks_and_a_long_line_finish() {
    let dir = TempDir::new().unwrap();
    let marks = dir.path().join("marks.txt");
    write(&marks, "\"".repeat(200_000).as_bytes());
    let line = dir.path().join("line.txt");
    write(&line, "word ".repeat(400_000).as_bytes());
    let out = copydesk()
        .args(["analyze", "--format", "jsonl", "-q"])
        .arg(&marks)
        .arg(&line)
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .success();
    assert_eq!(lines(&out.get_output().stdout).len(), 2);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_skipped_not_followed() {
    let dir = TempDir::new().unwrap();
    write(&dir.path().join("news/a.txt"), article(1).as_bytes());
    std::os::unix::fs::symlink(dir.path(), dir.path().join("news/again")).unwrap();
    let out = copydesk()
        .args(["clean", "--format", "jsonl"])
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .success()
        .stderr(predicate::str::contains("skipped: File system loop"))
        .stderr(predicate::str::contains(
            "2 found: 1 analyzed, 1 skipped, 0 failed",
        ));
    assert_eq!(lines(&out.get_output().stdout).len(), 1);
}
