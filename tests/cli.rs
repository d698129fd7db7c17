//! End-to-end tests of the `copydesk` binary: subcommands, inputs, formats, exit codes.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

const ARTICLE: &str = "Council backs new bridge plan\n\n\
The council voted on Monday to build a new bridge over the river. The mayor said the work would start in May.\n\n\
Share on Facebook\n";

const SECOND: &str = "Storm closes schools across the region\n\n\
Heavy rain closed 40 schools on Tuesday. Officials expect them to reopen on Thursday.\n";

fn copydesk() -> Command {
    Command::cargo_bin("copydesk").expect("binary built")
}

fn write(dir: &Path, relative: &str, text: &str) {
    let path = dir.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("stdout is JSON")
}

/// The top-level keys of a JSON object, in the order they were written.
fn keys_in_order(raw: &[u8]) -> Vec<String> {
    struct Keys(Vec<String>);
    impl<'de> serde::Deserialize<'de> for Keys {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Visitor;
            impl<'de> serde::de::Visitor<'de> for Visitor {
                type Value = Keys;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Keys, A::Error> {
                    let mut keys = Vec::new();
                    while let Some((key, _)) = map.next_entry::<String, serde::de::IgnoredAny>()? {
                        keys.push(key);
                    }
                    Ok(Keys(keys))
                }
            }
            d.deserialize_map(Visitor)
        }
    }
    serde_json::from_slice::<Keys>(raw)
        .expect("a JSON object")
        .0
}

fn jsonl(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn default_command_is_analyze() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.txt", ARTICLE);
    let path = dir.path().join("a.txt");
    let implicit = copydesk().arg(&path).assert().success();
    let explicit = copydesk().arg("analyze").arg(&path).assert().success();
    let implicit = implicit.get_output().stdout.clone();
    assert_eq!(implicit, explicit.get_output().stdout);
    // Not a terminal: JSON by default.
    let value = json(&implicit);
    assert_eq!(value["schema"], "copydesk/1");
    assert_eq!(value["title"]["text"], "Council backs new bridge plan");
    let flags_first = copydesk()
        .args(["--format", "jsonl"])
        .arg(&path)
        .assert()
        .success();
    assert_eq!(jsonl(&flags_first.get_output().stdout).len(), 1);
}

#[test]
fn clean_reads_stdin_and_prints_title_then_body() {
    let expected = "Council backs new bridge plan\n\n\
The council voted on Monday to build a new bridge over the river. The mayor said the work would start in May.\n";
    copydesk()
        .arg("clean")
        .write_stdin(ARTICLE)
        .assert()
        .success()
        .stdout(expected);
    copydesk()
        .args(["clean", "-"])
        .write_stdin(ARTICLE)
        .assert()
        .success()
        .stdout(expected);
}

#[test]
fn clean_json_has_only_its_fields() {
    let out = copydesk()
        .args(["clean", "--format", "json"])
        .write_stdin(ARTICLE)
        .assert()
        .success();
    let value = json(&out.get_output().stdout);
    assert_eq!(
        keys_in_order(&out.get_output().stdout),
        [
            "schema", "source", "title", "byline", "dateline", "text", "removed", "warnings"
        ]
    );
    assert_eq!(value["source"], "<stdin>");
    assert_eq!(value["removed"][0]["text"], "Share on Facebook");
    assert_eq!(value["removed"][0]["reason"], "social");
}

#[test]
fn title_is_null_not_missing() {
    let out = copydesk()
        .args(["clean", "--format", "json"])
        .write_stdin("")
        .assert()
        .success();
    let value = json(&out.get_output().stdout);
    assert!(value.as_object().unwrap().contains_key("title"));
    assert!(value["title"].is_null());
}

#[test]
fn sentences_one_per_line() {
    copydesk()
        .arg("sentences")
        .write_stdin(ARTICLE)
        .assert()
        .success()
        .stdout(
            "Council backs new bridge plan\n\
The council voted on Monday to build a new bridge over the river.\n\
The mayor said the work would start in May.\n",
        );
}

#[test]
fn sentences_replace_line_breaks_with_spaces() {
    let wrapped = "A title for the story here\n\nThe council voted on Monday to build a new\r\nbridge over the river that runs through the\r\ntown. It passed.\r\n";
    let out = copydesk()
        .arg("sentences")
        .write_stdin(wrapped)
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(!stdout.contains('\r'));
    assert!(stdout.lines().all(|l| !l.is_empty()));
}

#[test]
fn quotes_every_format() {
    for format in ["text", "json", "jsonl"] {
        copydesk()
            .args(["quotes", "--format", format])
            .write_stdin(ARTICLE)
            .assert()
            .success();
    }
    let out = copydesk()
        .args(["quotes", "--format", "json"])
        .write_stdin(ARTICLE)
        .assert()
        .success();
    assert_eq!(
        keys_in_order(&out.get_output().stdout),
        ["schema", "source", "quotes", "speakers", "warnings"]
    );
}

#[test]
fn analyze_text_report() {
    copydesk()
        .args(["analyze", "--format", "text"])
        .write_stdin(ARTICLE)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Title: Council backs new bridge plan",
        ))
        .stdout(predicate::str::contains("[social] Share on Facebook"))
        .stdout(predicate::str::contains(
            "2. The council voted on Monday to build a new bridge over the river.",
        ));
}

#[test]
fn directory_walk_is_recursive_sorted_and_skips_hidden() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "b.txt", SECOND);
    write(dir.path(), "a/z.txt", ARTICLE);
    write(dir.path(), "a/c", ARTICLE);
    write(dir.path(), "a/notes.md", ARTICLE);
    write(dir.path(), ".hidden/x.txt", ARTICLE);
    write(dir.path(), "a/.secret.txt", ARTICLE);
    let out = copydesk()
        .args(["clean", "--format", "jsonl"])
        .arg(dir.path())
        .assert()
        .success();
    let sources: Vec<String> = jsonl(&out.get_output().stdout)
        .iter()
        .map(|v| v["source"].as_str().unwrap().to_string())
        .collect();
    let root = dir.path().display().to_string();
    let expected: Vec<String> = ["a/c", "a/z.txt", "b.txt"]
        .iter()
        .map(|r| format!("{root}/{r}"))
        .collect();
    assert_eq!(sources, expected);
}

#[test]
fn several_inputs_text_has_headers_json_is_array() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.txt", ARTICLE);
    write(dir.path(), "b.txt", SECOND);
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    let out = copydesk()
        .arg("sentences")
        .args([&a, &b])
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.starts_with(&format!("==> {} <==\n", a.display())));
    assert!(stdout.contains(&format!("\n\n==> {} <==\n", b.display())));

    let out = copydesk()
        .args(["analyze", "--format", "json"])
        .args([&a, &b])
        .assert()
        .success();
    let value = json(&out.get_output().stdout);
    let array = value.as_array().expect("an array for several inputs");
    assert_eq!(array.len(), 2);
    assert_eq!(
        array[1]["title"]["text"],
        "Storm closes schools across the region"
    );

    let out = copydesk()
        .args(["analyze", "--format", "json"])
        .arg(&a)
        .assert()
        .success();
    assert!(json(&out.get_output().stdout).is_object());
}

#[test]
fn jsonl_input_with_ids_and_a_malformed_line() {
    let stream = format!(
        "{}\n{{not json\n\n{}\n{}\n{{\"id\":\"x\"}}\n",
        serde_json::json!({"id": "first", "text": ARTICLE}),
        serde_json::json!({"id": 42, "text": SECOND}),
        serde_json::json!({"text": SECOND}),
    );
    let out = copydesk()
        .args(["analyze", "--input", "jsonl", "--format", "jsonl"])
        .write_stdin(stream)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("copydesk: <stdin>:2: "))
        .stderr(predicate::str::contains("copydesk: <stdin>:6: "));
    let records = jsonl(&out.get_output().stdout);
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["id"], "first");
    assert_eq!(records[0]["source"], "first");
    assert_eq!(records[1]["id"], "42");
    assert_eq!(records[1]["source"], "42");
    assert!(records[2].get("id").is_none());
    assert_eq!(records[2]["source"], "<stdin>:5");
    let first_line = out
        .get_output()
        .stdout
        .split(|&b| b == b'\n')
        .next()
        .unwrap();
    assert_eq!(
        keys_in_order(first_line),
        [
            "schema",
            "id",
            "source",
            "title",
            "byline",
            "dateline",
            "text",
            "removed",
            "sentences",
            "quotes",
            "speakers",
            "warnings"
        ]
    );
}

#[test]
fn jsonl_input_with_renamed_fields_to_json_array() {
    let stream = format!(
        "{}\n{}\n",
        serde_json::json!({"key": "a", "body": ARTICLE}),
        serde_json::json!({"key": "b", "body": SECOND}),
    );
    let out = copydesk()
        .args(["clean", "--input", "jsonl", "--format", "json"])
        .args(["--text-field", "body", "--id-field", "key"])
        .write_stdin(stream)
        .assert()
        .success();
    let value = json(&out.get_output().stdout);
    assert_eq!(value[0]["id"], "a");
    assert_eq!(value[1]["id"], "b");
}

#[test]
fn char_offsets_on_non_ascii_text() {
    let text = "Café “owner” rejects €5 fee\n\nThe café owner in Zürich said the fee was unfair to everyone.\n";
    let byte = copydesk()
        .args(["sentences", "--format", "json"])
        .write_stdin(text)
        .assert()
        .success();
    let chars = copydesk()
        .args(["sentences", "--format", "json", "--offsets", "char"])
        .write_stdin(text)
        .assert()
        .success();
    let byte = json(&byte.get_output().stdout);
    let chars = json(&chars.get_output().stdout);
    let b = &byte["sentences"][1];
    let c = &chars["sentences"][1];
    assert_eq!(b["text"], c["text"]);
    let sentence = b["text"].as_str().unwrap();
    let start_byte = text.find(sentence).unwrap();
    let start_char = text[..start_byte].chars().count();
    assert_eq!(b["start"], start_byte);
    assert_eq!(c["start"], start_char);
    assert_eq!(c["end"], start_char + sentence.chars().count());
    assert_ne!(b["start"], c["start"]);
}

#[test]
fn keep_boilerplate_keeps_everything() {
    let out = copydesk()
        .args(["clean", "--format", "json", "--keep-boilerplate"])
        .write_stdin(ARTICLE)
        .assert()
        .success();
    let value = json(&out.get_output().stdout);
    assert_eq!(value["removed"].as_array().unwrap().len(), 0);
    assert!(
        value["text"]
            .as_str()
            .unwrap()
            .contains("Share on Facebook")
    );
}

#[test]
fn out_dir_mirrors_the_tree() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("in");
    let out = dir.path().join("out");
    write(&input, "a/b.txt", ARTICLE);
    write(&input, "c.txt", SECOND);
    write(dir.path(), "single.txt", SECOND);
    copydesk()
        .args(["analyze", "--format", "json", "-o"])
        .arg(&out)
        .arg(&input)
        .arg(dir.path().join("single.txt"))
        .arg("-")
        .write_stdin(ARTICLE)
        .assert()
        .success()
        .stdout("");
    for (file, title) in [
        ("a/b.json", "Council backs new bridge plan"),
        ("c.json", "Storm closes schools across the region"),
        ("single.json", "Storm closes schools across the region"),
        ("stdin.json", "Council backs new bridge plan"),
    ] {
        let value = json(&fs::read(out.join(file)).unwrap());
        assert_eq!(value["title"]["text"], title, "{file}");
    }
    copydesk()
        .args(["clean", "--out-dir"])
        .arg(&out)
        .arg(&input)
        .assert()
        .success();
    let text = fs::read_to_string(out.join("a/b.out.txt")).unwrap();
    assert!(text.starts_with("Council backs new bridge plan\n\n"));
    // No temporary files left behind.
    let leftovers: Vec<_> = fs::read_dir(&out)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn out_dir_inside_an_input_directory_is_refused() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "b.txt", ARTICLE);
    write(dir.path(), "b.out.txt", SECOND);
    copydesk()
        .args(["clean", "-o"])
        .arg(dir.path().join("results"))
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is inside the input directory"));
    assert_eq!(
        fs::read_to_string(dir.path().join("b.out.txt")).unwrap(),
        SECOND
    );
    assert!(!dir.path().join("results").exists());
}

#[test]
fn out_dir_never_overwrites_an_input_file() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "b.json", ARTICLE);
    write(dir.path(), "c.txt", SECOND);
    copydesk()
        .args(["analyze", "--format", "json", "-o"])
        .arg(dir.path())
        .arg(dir.path().join("b.json"))
        .arg(dir.path().join("c.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("refusing to overwrite input file"));
    assert_eq!(
        fs::read_to_string(dir.path().join("b.json")).unwrap(),
        ARTICLE
    );
    assert!(dir.path().join("c.json").exists());
}

#[test]
fn missing_file_is_named_and_others_still_analyzed() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.txt", ARTICLE);
    let missing = dir.path().join("missing.txt");
    let out = copydesk()
        .args(["analyze", "--format", "jsonl"])
        .arg(&missing)
        .arg(dir.path().join("a.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(format!(
            "copydesk: {}: ",
            missing.display()
        )));
    assert_eq!(jsonl(&out.get_output().stdout).len(), 1);
}

#[test]
fn invalid_utf8_is_read_as_windows_1252_with_a_warning() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("old.txt");
    fs::write(&path, b"He said \x93we will\x94 and left.\n").unwrap();
    let out = copydesk()
        .args(["quotes", "--format", "jsonl", "-q"])
        .arg(&path)
        .assert()
        .success()
        .stderr("");
    let record = &jsonl(&out.get_output().stdout)[0];
    assert_eq!(record["quotes"][0]["text"], "we will");
    let warning = record["warnings"][0].as_str().unwrap();
    assert!(
        warning.contains("not valid UTF-8 (byte 8); decoded as Windows-1252"),
        "{warning}"
    );
}

#[test]
fn usage_errors_exit_2() {
    copydesk()
        .args(["analyze", "--format", "xml"])
        .assert()
        .code(2);
    copydesk().args(["--no-such-flag"]).assert().code(2);
    copydesk()
        .args(["check", "--input", "jsonl"])
        .assert()
        .code(2);
    copydesk().arg("--help").assert().success();
    copydesk().arg("--version").assert().success();
}

#[test]
fn user_rules_take_effect() {
    let dir = TempDir::new().unwrap();
    let rules = dir.path().join("rules.txt");
    fs::write(
        &rules,
        "# ours\nrelated  line  read (our|the) weekly roundup\n",
    )
    .unwrap();
    let article = "Council backs new bridge plan\n\n\
The council voted on Monday to build a new bridge over the river.\n\n\
Read our weekly roundup\n\n\
Heavy rain closed 40 schools on Tuesday. Officials expect them to reopen on Thursday.\n";
    let without = copydesk()
        .args(["clean", "--format", "json"])
        .write_stdin(article)
        .assert()
        .success();
    let without = json(&without.get_output().stdout);
    assert!(
        without["text"]
            .as_str()
            .unwrap()
            .contains("Read our weekly roundup")
    );
    let with = copydesk()
        .args(["clean", "--format", "json", "--rules"])
        .arg(&rules)
        .write_stdin(article)
        .assert()
        .success();
    let with = json(&with.get_output().stdout);
    let removed = with["removed"].as_array().unwrap();
    assert!(
        removed
            .iter()
            .any(|r| r["text"] == "Read our weekly roundup" && r["reason"] == "related")
    );
}

#[test]
fn bad_rules_file_is_a_usage_error_naming_file_and_line() {
    let dir = TempDir::new().unwrap();
    let rules = dir.path().join("rules.txt");
    fs::write(&rules, "# fine\npromo line ok\nbogus line x\n").unwrap();
    copydesk()
        .args(["clean", "--rules"])
        .arg(&rules)
        .write_stdin(ARTICLE)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "copydesk: {}: line 3: ",
            rules.display()
        )));
    copydesk()
        .args(["check", "--rules"])
        .arg(dir.path().join("none.txt"))
        .assert()
        .code(2);
}

#[test]
fn check_bless_pass_and_mismatch() {
    let dir = TempDir::new().unwrap();
    let fixtures = dir.path().join("fixtures");
    write(&fixtures, "a.txt", ARTICLE);
    write(&fixtures, "sub/b.txt", SECOND);
    // No expectations yet: listed, not failing.
    copydesk()
        .arg("check")
        .arg(&fixtures)
        .assert()
        .success()
        .stdout(predicate::str::contains("check: 0 passed, 0 failed"))
        .stderr(predicate::str::contains("no expectation (run --bless)"));
    copydesk()
        .args(["check", "--bless"])
        .arg(&fixtures)
        .assert()
        .success();
    let expected = fs::read_to_string(fixtures.join("sub/b.expected.json")).unwrap();
    assert_eq!(json(expected.as_bytes())["source"], "sub/b.txt");
    // The expectation is what `analyze --format json` prints, but for the source.
    let analyzed = copydesk()
        .args(["analyze", "--format", "json"])
        .arg(fixtures.join("sub/b.txt"))
        .assert()
        .success();
    let analyzed = String::from_utf8(analyzed.get_output().stdout.clone()).unwrap();
    let source = fixtures.join("sub/b.txt").display().to_string();
    assert_eq!(
        analyzed.replace(&serde_json::to_string(&source).unwrap(), "\"sub/b.txt\""),
        expected
    );
    // Same result from any working directory.
    copydesk()
        .current_dir(dir.path())
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("check: 2 passed, 0 failed"));
    // A changed expectation is a difference.
    fs::write(
        fixtures.join("sub/b.expected.json"),
        expected.replace("Storm closes", "Sun opens"),
    )
    .unwrap();
    copydesk()
        .arg("check")
        .arg(&fixtures)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "copydesk check: {} differs",
            fixtures.join("sub/b.txt").display()
        )))
        .stdout(predicate::str::contains("--- expected"))
        .stdout(predicate::str::contains("+++ actual"))
        .stdout(predicate::str::contains("-    \"text\": \"Sun opens"))
        .stdout(predicate::str::contains("check: 1 passed, 1 failed"));
    copydesk()
        .args(["check", "--bless"])
        .arg(&fixtures)
        .assert()
        .success();
    copydesk()
        .arg("check")
        .arg(fixtures.join("sub/b.txt"))
        .assert()
        .code(1);
    copydesk()
        .arg("check")
        .arg(&fixtures)
        .assert()
        .success()
        .stdout(predicate::str::contains("check: 2 passed, 0 failed"));
}

#[test]
fn check_unreadable_fixture_is_an_error() {
    let dir = TempDir::new().unwrap();
    copydesk()
        .arg("check")
        .arg(dir.path().join("nowhere"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nowhere"));
    let bad = dir.path().join("bad.txt");
    fs::write(&bad, b"\xff").unwrap();
    copydesk().arg("check").arg(&bad).assert().code(2);
}

#[test]
fn same_input_same_bytes() {
    let run = || {
        copydesk()
            .args(["analyze", "--format", "json"])
            .write_stdin(ARTICLE)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    assert_eq!(run(), run());
}

#[test]
fn no_arguments_reads_stdin() {
    let out = copydesk().write_stdin(ARTICLE).assert().success();
    assert_eq!(json(&out.get_output().stdout)["source"], "<stdin>");
}

#[test]
fn broken_pipe_exits_quietly() {
    use std::io::Write;
    use std::process::Stdio;
    let binary = assert_cmd::cargo::cargo_bin("copydesk");
    let mut child = std::process::Command::new(binary)
        .args(["sentences", "--input", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before copydesk writes anything.
    drop(child.stdout.take());
    let line = serde_json::json!({"text": ARTICLE}).to_string() + "\n";
    let mut stdin = child.stdin.take().unwrap();
    for _ in 0..2000 {
        if stdin.write_all(line.as_bytes()).is_err() {
            break;
        }
    }
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}
