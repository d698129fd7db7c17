//! Resolves the parsed command line into the settings a run uses: defaults that
//! depend on the subcommand or on whether stdout is a terminal are decided here and
//! nowhere else, and the user's rules file is loaded here.

use crate::clean::BoilerplateRules;
use crate::cli::{
    CheckArgs, Cli, Command, EngineArgs, FormatArg, InputArg, OffsetsArg, OnErrorArg, RunArgs,
};
use crate::input::{self, Selection};
use std::io::IsTerminal;
use std::path::PathBuf;

/// Which subcommand's results to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Everything.
    Analyze,
    /// Title, cleaned text and removals.
    Clean,
    /// Sentences.
    Sentences,
    /// Quotes and speakers.
    Quotes,
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text for people.
    Text,
    /// One pretty JSON value.
    Json,
    /// One compact JSON record per line.
    Jsonl,
}

impl Format {
    /// The extension of files written with `--out-dir`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "out.txt",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
        }
    }
}

/// Unit of public offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Offsets {
    /// UTF-8 bytes.
    #[default]
    Byte,
    /// Unicode scalar values.
    Char,
}

/// How input files are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// One article per file.
    Text,
    /// One JSON object per line.
    Jsonl,
}

/// How to read inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// Text or JSON Lines.
    pub format: InputFormat,
    /// JSON field holding the article (jsonl).
    pub text_field: String,
    /// JSON field holding the record id (jsonl).
    pub id_field: String,
    /// Inputs and records larger than this are skipped.
    pub max_bytes: u64,
}

/// Engine settings shared by every subcommand.
#[derive(Debug, Clone)]
pub struct Engine {
    /// Unit of offsets in results.
    pub offsets: Offsets,
    /// The built-in boilerplate rules plus the user's, when a rules file was given;
    /// `None` means the built-in rules alone.
    pub rules: Option<std::sync::Arc<BoilerplateRules>>,
}

/// Settings of `analyze`, `clean`, `sentences` and `quotes`.
#[derive(Debug, Clone)]
pub struct RunConfig {
    /// Which results to produce.
    pub mode: Mode,
    /// Input paths; empty means standard input.
    pub inputs: Vec<PathBuf>,
    /// How to read them.
    pub reading: Reading,
    /// Output format, resolved.
    pub format: Format,
    /// Where to write one file per input, instead of stdout.
    pub out_dir: Option<PathBuf>,
    /// Skip cleaning.
    pub keep_boilerplate: bool,
    /// Which files directory walks read.
    pub selection: Selection,
    /// Worker threads (at least 1).
    pub threads: usize,
    /// Write an error record in place of each input that cannot be analyzed.
    pub error_records: bool,
    /// No summary line, no progress bar.
    pub quiet: bool,
    /// Offsets and rules.
    pub engine: Engine,
}

/// Settings of `check`.
#[derive(Debug, Clone)]
pub struct CheckConfig {
    /// Fixture directories or files.
    pub paths: Vec<PathBuf>,
    /// Rewrite expectations instead of comparing.
    pub bless: bool,
    /// Offsets and rules.
    pub engine: Engine,
}

/// A resolved command line.
#[derive(Debug, Clone)]
pub enum Config {
    /// Analyze inputs and write results.
    Run(RunConfig),
    /// Run the regression check.
    Check(CheckConfig),
}

impl Config {
    /// Resolves `cli`; fails (a usage error) when the rules file cannot be used.
    pub fn from_cli(cli: Cli) -> anyhow::Result<Config> {
        let stdout_is_terminal = std::io::stdout().is_terminal();
        Ok(match cli.command {
            Command::Analyze(args) => run(Mode::Analyze, args, stdout_is_terminal)?,
            Command::Clean(args) => run(Mode::Clean, args, stdout_is_terminal)?,
            Command::Sentences(args) => run(Mode::Sentences, args, stdout_is_terminal)?,
            Command::Quotes(args) => run(Mode::Quotes, args, stdout_is_terminal)?,
            Command::Check(CheckArgs {
                paths,
                bless,
                engine,
            }) => Config::Check(CheckConfig {
                paths: if paths.is_empty() {
                    vec![PathBuf::from("fixtures")]
                } else {
                    paths
                },
                bless,
                engine: resolve_engine(engine)?,
            }),
        })
    }
}

/// The default output format of `mode`.
pub fn default_format(mode: Mode, stdout_is_terminal: bool) -> Format {
    match mode {
        Mode::Clean | Mode::Sentences => Format::Text,
        Mode::Analyze | Mode::Quotes if stdout_is_terminal => Format::Text,
        Mode::Analyze | Mode::Quotes => Format::Json,
    }
}

fn run(mode: Mode, args: RunArgs, stdout_is_terminal: bool) -> anyhow::Result<Config> {
    let format = match args.format {
        Some(FormatArg::Text) => Format::Text,
        Some(FormatArg::Json) => Format::Json,
        Some(FormatArg::Jsonl) => Format::Jsonl,
        // Files written with --out-dir are for programs, whatever stdout is.
        None => default_format(mode, stdout_is_terminal && args.out_dir.is_none()),
    };
    let selection = match (args.ext, args.glob.is_empty()) {
        (_, false) => Selection::globs(&args.glob)?,
        (Some(extensions), true) => Selection::extensions(extensions),
        (None, true) => Selection::default(),
    };
    let threads = match args.threads {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    };
    Ok(Config::Run(RunConfig {
        mode,
        inputs: args.inputs,
        reading: Reading {
            format: match args.input {
                InputArg::Text => InputFormat::Text,
                InputArg::Jsonl => InputFormat::Jsonl,
            },
            text_field: args.text_field,
            id_field: args.id_field,
            max_bytes: args.max_bytes,
        },
        format,
        out_dir: args.out_dir,
        keep_boilerplate: args.keep_boilerplate,
        selection,
        threads,
        error_records: args.on_error == OnErrorArg::Record,
        quiet: args.quiet,
        engine: resolve_engine(args.engine)?,
    }))
}

fn resolve_engine(args: EngineArgs) -> anyhow::Result<Engine> {
    let rules = args.rules.as_deref().map(input::read_rules).transpose()?;
    Ok(Engine {
        offsets: match args.offsets {
            OffsetsArg::Byte => Offsets::Byte,
            OffsetsArg::Char => Offsets::Char,
        },
        rules: rules.map(std::sync::Arc::new),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_formats() {
        let table = [
            (Mode::Clean, true, Format::Text),
            (Mode::Clean, false, Format::Text),
            (Mode::Sentences, false, Format::Text),
            (Mode::Analyze, true, Format::Text),
            (Mode::Analyze, false, Format::Json),
            (Mode::Quotes, true, Format::Text),
            (Mode::Quotes, false, Format::Json),
        ];
        for (mode, tty, expected) in table {
            assert_eq!(default_format(mode, tty), expected, "{mode:?} tty={tty}");
        }
    }
}
