//! The regression check: analyzes every fixture `NAME.txt` and compares the pretty
//! JSON with its pinned `NAME.expected.json`, or (`--bless`) rewrites the pins.

use crate::analysis::{self, Options};
use crate::config::{CheckConfig, Mode};
use crate::exit::Exit;
use crate::input::{self, Item, Selection};
use crate::output::{self, json};
use crate::record::{self, Origin};
use anyhow::{Context, anyhow};
use similar::TextDiff;
use std::io::{self, BufWriter, Write};
use std::path::{Component, Path};

/// Counts of one check run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Fixtures matching their expectation.
    pub passed: usize,
    /// Fixtures differing from their expectation.
    pub failed: usize,
    /// Fixtures without an expectation.
    pub unpinned: usize,
    /// Expectations written by `--bless`.
    pub blessed: usize,
    /// Fixtures or expectations that could not be read or written.
    pub errors: usize,
}

impl Tally {
    /// The exit status the tally calls for.
    pub fn exit(&self) -> Exit {
        if self.errors > 0 {
            Exit::Failure
        } else if self.failed > 0 {
            Exit::Differences
        } else {
            Exit::Ok
        }
    }
}

/// Runs the check; diffs and the summary go to stdout, problems to stderr.
pub fn run(config: &CheckConfig) -> Exit {
    let mut out = BufWriter::new(io::stdout().lock());
    let result = check(config, &mut out).and_then(|tally| out.flush().map(|()| tally));
    match result {
        Ok(tally) => tally.exit(),
        Err(error) if output::is_broken_pipe(&error) => Exit::Ok,
        Err(error) => {
            eprintln!("copydesk: <stdout>: {error}");
            Exit::Failure
        }
    }
}

/// `relative` with `/` separators, whatever the platform.
fn slash_path(relative: &Path) -> String {
    let parts: Vec<String> = relative
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    parts.join("/")
}

/// The pretty JSON `analyze --format json` prints for `text`, with `source` as given.
pub fn render(config: &CheckConfig, source: &str, text: &str) -> io::Result<String> {
    let options = Options {
        keep_boilerplate: false,
        sentences: true,
        quotes: true,
        rules: config.engine.rules.as_deref(),
    };
    let analysis = analysis::analyze(text, &options);
    let origin = Origin {
        source,
        id: None,
        warnings: &[],
    };
    let record = record::build(
        Mode::Analyze,
        origin,
        text,
        &analysis,
        config.engine.offsets,
    );
    json::pretty(&record)
}

fn fail(tally: &mut Tally, error: anyhow::Error) {
    eprintln!("copydesk: {error:#}");
    tally.errors += 1;
}

/// Checks (or blesses) every fixture under `config.paths`, writing diffs to `out`.
pub fn check(config: &CheckConfig, out: &mut impl Write) -> io::Result<Tally> {
    let mut tally = Tally::default();
    for path in &config.paths {
        let is_fixture_file = path.is_file() && path.extension().is_some_and(|e| e == "txt");
        if !path.is_dir() && !is_fixture_file {
            let why = if path.exists() {
                "not a directory or a .txt fixture"
            } else {
                "no such file or directory"
            };
            fail(&mut tally, anyhow!("{}: {why}", path.display()));
            continue;
        }
        for item in input::expand(std::slice::from_ref(path), &Selection::extensions(["txt"])) {
            let (path, relative) = match item {
                Item::File { path, relative } => (path, relative),
                Item::Failed(error) => {
                    fail(&mut tally, error);
                    continue;
                }
                Item::Skipped(_) | Item::Stdin => continue,
            };
            check_one(config, &path, &relative, &mut tally, out)?;
        }
    }
    if config.bless {
        writeln!(out, "check: {} blessed", tally.blessed)?;
    } else {
        writeln!(
            out,
            "check: {} passed, {} failed",
            tally.passed, tally.failed
        )?;
    }
    Ok(tally)
}

fn check_one(
    config: &CheckConfig,
    path: &Path,
    relative: &Path,
    tally: &mut Tally,
    out: &mut impl Write,
) -> io::Result<()> {
    let expected_path = path.with_extension("expected.json");
    let text = match input::read_text_file(path) {
        Ok(text) => text,
        Err(error) => {
            fail(tally, error);
            return Ok(());
        }
    };
    let actual = render(config, &slash_path(relative), &text)?;
    if config.bless {
        match output::write_atomically(&expected_path, actual.as_bytes()) {
            Ok(()) => tally.blessed += 1,
            Err(error) => fail(
                tally,
                anyhow!(error).context(expected_path.display().to_string()),
            ),
        }
        return Ok(());
    }
    let expected = match std::fs::read(&expected_path) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            eprintln!(
                "copydesk check: {}: no expectation (run --bless)",
                path.display()
            );
            tally.unpinned += 1;
            return Ok(());
        }
        Err(error) => {
            fail(
                tally,
                anyhow!(error).context(expected_path.display().to_string()),
            );
            return Ok(());
        }
        Ok(bytes) => {
            match String::from_utf8(bytes).with_context(|| expected_path.display().to_string()) {
                Ok(expected) => expected,
                Err(error) => {
                    fail(tally, error);
                    return Ok(());
                }
            }
        }
    };
    if expected == actual {
        tally.passed += 1;
        return Ok(());
    }
    tally.failed += 1;
    writeln!(out, "copydesk check: {} differs", path.display())?;
    let diff = TextDiff::from_lines(&expected, &actual);
    write!(
        out,
        "{}",
        diff.unified_diff()
            .context_radius(3)
            .header("expected", "actual")
    )?;
    Ok(())
}
