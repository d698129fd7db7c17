//! Wires a run together: resolved config → inputs → analysis → records → sink.
//! A bad input is reported on stderr and remembered; the batch always finishes.

use crate::analysis::{self, Options};
use crate::check;
use crate::cli::Cli;
use crate::config::{Config, InputFormat, Mode, RunConfig};
use crate::exit::Exit;
use crate::input::{self, Item};
use crate::output::{self, AtomicFile, Sink};
use crate::record::{self, Origin};
use std::collections::HashSet;
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};

/// Runs the command line and returns how it ended; diagnostics go to stderr.
pub fn run(cli: Cli) -> Exit {
    match Config::from_cli(cli) {
        Err(error) => {
            eprintln!("copydesk: {error:#}");
            Exit::Failure
        }
        Ok(Config::Check(config)) => check::run(&config),
        Ok(Config::Run(config)) => run_documents(&config),
    }
}

/// The pipeline options `config` needs: only as far as its subcommand shows.
pub fn options(config: &RunConfig) -> Options<'_> {
    Options {
        keep_boilerplate: config.keep_boilerplate,
        sentences: matches!(config.mode, Mode::Analyze | Mode::Sentences),
        quotes: matches!(config.mode, Mode::Analyze | Mode::Quotes),
        rules: &config.engine.rules,
    }
}

/// What happened while feeding one input to a sink.
#[derive(Debug, Default, Clone, Copy)]
struct Fed {
    records: usize,
    errors: usize,
}

fn report(error: &anyhow::Error) {
    eprintln!("copydesk: {error:#}");
}

fn run_documents(config: &RunConfig) -> Exit {
    let items = input::expand(&config.inputs);
    let headers = items.len() > 1 || config.reading.format == InputFormat::Jsonl;
    let mut errors = 0;
    let result = match &config.out_dir {
        None => to_stdout(config, &items, headers, &mut errors),
        Some(dir) => {
            to_dir(config, &items, dir, &mut errors);
            Ok(())
        }
    };
    match result {
        Err(error) if output::is_broken_pipe(&error) => return Exit::Ok,
        Err(error) => {
            eprintln!("copydesk: <stdout>: {error}");
            errors += 1;
        }
        Ok(()) => {}
    }
    if errors > 0 { Exit::Failure } else { Exit::Ok }
}

fn to_stdout(
    config: &RunConfig,
    items: &[Item],
    headers: bool,
    errors: &mut usize,
) -> io::Result<()> {
    let stdout = BufWriter::new(io::stdout().lock());
    let mut sink = output::sink(config.format, config.mode, headers, stdout);
    for item in items {
        *errors += feed(config, item, sink.as_mut())?.errors;
    }
    sink.finish()
}

/// Analyzes every document of `item` into `sink`; input problems are reported and
/// counted, write errors returned.
fn feed(config: &RunConfig, item: &Item, sink: &mut dyn Sink) -> io::Result<Fed> {
    let mut fed = Fed::default();
    let documents = match input::documents(item, &config.reading) {
        Ok(documents) => documents,
        Err(error) => {
            report(&error);
            fed.errors += 1;
            return Ok(fed);
        }
    };
    let options = options(config);
    for document in documents {
        match document {
            Err(error) => {
                report(&error);
                fed.errors += 1;
            }
            Ok(document) => {
                let analysis = analysis::analyze(&document.text, &options);
                let origin = Origin {
                    source: &document.source,
                    id: document.id.as_deref(),
                };
                let record = record::build(
                    config.mode,
                    origin,
                    &document.text,
                    &analysis,
                    config.engine.offsets,
                );
                sink.record(&record)?;
                fed.records += 1;
            }
        }
    }
    Ok(fed)
}

fn to_dir(config: &RunConfig, items: &[Item], dir: &Path, errors: &mut usize) {
    let inputs: HashSet<PathBuf> = items
        .iter()
        .filter_map(|item| match item {
            Item::File { path, .. } => path.canonicalize().ok(),
            _ => None,
        })
        .collect();
    let mut targets = HashSet::new();
    let extension = config.format.extension();
    let headers = config.reading.format == InputFormat::Jsonl;
    for item in items {
        let target = match item {
            Item::Failed(error) => {
                report(error);
                *errors += 1;
                continue;
            }
            Item::Stdin => dir.join(format!("stdin.{extension}")),
            Item::File { relative, .. } => dir.join(relative.with_extension(extension)),
        };
        let source = item.source();
        let target_canonical = target.canonicalize().ok();
        if target_canonical.is_some_and(|t| inputs.contains(&t)) {
            eprintln!(
                "copydesk: {source}: refusing to overwrite input file {}",
                target.display()
            );
            *errors += 1;
            continue;
        }
        if !targets.insert(target.clone()) {
            eprintln!(
                "copydesk: {source}: {} is already the output of an earlier input",
                target.display()
            );
            *errors += 1;
            continue;
        }
        if let Err(error) = to_file(config, item, &target, headers, errors) {
            eprintln!("copydesk: {}: {error}", target.display());
            *errors += 1;
        }
    }
}

fn to_file(
    config: &RunConfig,
    item: &Item,
    target: &Path,
    headers: bool,
    errors: &mut usize,
) -> io::Result<()> {
    let mut file = AtomicFile::create(target)?;
    let fed = {
        let mut sink = output::sink(config.format, config.mode, headers, &mut file);
        let fed = feed(config, item, sink.as_mut())?;
        sink.finish()?;
        fed
    };
    *errors += fed.errors;
    if fed.records > 0 || fed.errors == 0 {
        file.commit()?;
    }
    Ok(())
}
