//! The command line as clap sees it: every flag, its help text and its default.
//! This is the only module that uses clap's derive API.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::PathBuf;

/// Clean scraped news articles, split them into sentences, and find who said what.
///
/// Without a subcommand, copydesk runs `analyze`: `copydesk article.txt` is
/// `copydesk analyze article.txt`. Exit status: 0 all good, 1 `check` found a
/// difference, 2 a usage error or some input could not be read or analyzed.
#[derive(Debug, Parser)]
#[command(
    name = "copydesk",
    version,
    override_usage = "copydesk [analyze] [OPTIONS] [INPUT]...\n       copydesk <clean|sentences|quotes> [OPTIONS] [INPUT]...\n       copydesk check [OPTIONS] [DIR|FILE]..."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the full pipeline: clean, split into sentences, find quotes (the default).
    ///
    /// Prints the title, what was removed and why, the sentences, the quotes and the
    /// speakers. On a terminal the default format is a readable report; in a pipe
    /// it is JSON (schema copydesk/1).
    Analyze(RunArgs),
    /// Strip boilerplate and print the cleaned text.
    ///
    /// Removes image captions, navigation, subscription pleas, share buttons, ads and
    /// legal lines. The text format prints the title, a blank line, then the body with
    /// paragraphs separated by blank lines; JSON carries `title`, `text` and `removed`.
    Clean(RunArgs),
    /// Print one sentence per line.
    ///
    /// Sentences of the title and the cleaned body, in order; line breaks inside a
    /// sentence are printed as spaces. JSON carries `sentences` as spans.
    Sentences(RunArgs),
    /// Print the quotes and who said them.
    ///
    /// The text format prints one line per quote: SPEAKER, KIND and “QUOTE”,
    /// separated by tabs; SPEAKER is `-` when the text does not say.
    Quotes(RunArgs),
    /// Compare the analysis of fixture articles with their pinned expectations.
    ///
    /// For each NAME.txt (directories are walked recursively) with a sibling
    /// NAME.expected.json, runs `analyze --format json` and compares; prints a
    /// unified diff per mismatch and a summary line. Exit 1 when anything differs.
    /// With --bless, (re)writes every NAME.expected.json instead.
    Check(CheckArgs),
}

/// Options of `analyze`, `clean`, `sentences` and `quotes`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Files or directories to read; `-` or nothing reads standard input.
    ///
    /// Directories are walked recursively in sorted order; hidden files and
    /// directories are skipped, and only `.txt` files and files without an extension
    /// are read unless --ext or --glob says otherwise.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// How inputs are laid out: one article per file, or JSON Lines.
    ///
    /// With `jsonl`, each line is a JSON object holding one article in its text
    /// field (see --text-field) and optionally an id (see --id-field); each result
    /// carries that id. Records are processed one at a time, in constant memory.
    #[arg(long, value_enum, value_name = "KIND", default_value_t = InputArg::Text)]
    pub input: InputArg,
    /// The JSON field that holds the article text (with --input jsonl).
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,
    /// The JSON field that holds the record id (with --input jsonl).
    ///
    /// A string id is used verbatim; a number is used as written in the JSON.
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,
    /// Output format.
    ///
    /// `text` is for people; `json` prints one pretty value (an object for one
    /// article, an array for several); `jsonl` prints one compact record per line.
    /// Default: `text` for clean and sentences, and on a terminal; `json` otherwise.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<FormatArg>,
    /// Write one output file per input into DIR instead of standard output.
    ///
    /// The input tree is mirrored: `D/a/b.txt` read through directory `D` becomes
    /// `DIR/a/b.json` (`.jsonl`, or `.out.txt` for text); standard input becomes
    /// `DIR/stdin.EXT`. Files are written atomically, and an input file is never
    /// overwritten.
    #[arg(short = 'o', long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Skip cleaning: segment and attribute the text as given.
    #[arg(long)]
    pub keep_boilerplate: bool,
    /// File extensions a directory walk reads, comma-separated (default: `txt,`).
    ///
    /// An empty entry stands for files without an extension, so `--ext txt,` (the
    /// default) reads `.txt` and extensionless files, and `--ext md` only `.md`
    /// files. Files named on the command line are always read.
    #[arg(
        long,
        value_name = "EXT,...",
        value_delimiter = ',',
        conflicts_with = "glob"
    )]
    pub ext: Option<Vec<String>>,
    /// Read the files of a directory walk whose path below the directory matches GLOB.
    ///
    /// Repeatable; a GLOB starting with `!` excludes (`--glob '*.html' --glob
    /// '!drafts/**'`). With --glob, extensions do not matter.
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// Skip inputs (and JSON Lines records) larger than this (e.g. 500K, 32M, 1G).
    #[arg(long, value_name = "SIZE", default_value = "32M", value_parser = parse_size)]
    pub max_bytes: u64,
    /// Worker threads; 0 means one per core.
    ///
    /// Output is the same, in the same order, whatever the number.
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    pub threads: usize,
    /// What to do with an input or record that cannot be analyzed.
    ///
    /// `report` (the default) names it on stderr, goes on, and exits with status 2.
    /// `record` also writes `{"schema", "source", "id", "error"}` in its place in the
    /// output, so there is one result per input, and exits 0: for pipelines where one
    /// line out per line in matters more than the exit status.
    #[arg(long, value_enum, value_name = "HOW", default_value_t = OnErrorArg::Report)]
    pub on_error: OnErrorArg,
    /// No summary line and no progress bar on stderr.
    #[arg(short, long)]
    pub quiet: bool,
    /// Options shared with `check`.
    #[command(flatten)]
    pub engine: EngineArgs,
}

/// Options shared by every subcommand.
#[derive(Debug, Args)]
pub struct EngineArgs {
    /// Unit of every start/end offset: UTF-8 bytes or Unicode scalar values (chars).
    ///
    /// Either way the offsets point into the input exactly as read (BOM and CRLF
    /// included).
    #[arg(long, value_enum, value_name = "UNIT", default_value_t = OffsetsArg::Byte)]
    pub offsets: OffsetsArg,
    /// Add the boilerplate rules in FILE to the built-in ones.
    ///
    /// Same format as the built-in `rules/boilerplate.txt`: one `REASON SCOPE
    /// PATTERN` rule per line, `#` starts a comment. A rule that cannot be read is a
    /// usage error naming the file and the line.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
}

/// Options of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Fixture directories or files (default: `fixtures`).
    #[arg(value_name = "DIR|FILE")]
    pub paths: Vec<PathBuf>,
    /// Write (or refresh) every NAME.expected.json instead of comparing.
    #[arg(long)]
    pub bless: bool,
    /// Options shared with the other subcommands.
    #[command(flatten)]
    pub engine: EngineArgs,
}

/// Values of `--input`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputArg {
    /// One article per file (or standard input).
    Text,
    /// One JSON object per line, each holding an article.
    Jsonl,
}

/// Values of `--on-error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnErrorArg {
    /// Report on stderr and exit with status 2.
    Report,
    /// Also write an error record in the output, and exit 0.
    Record,
}

/// Parses a size such as `4096`, `500K`, `32M` or `1G` (binary multiples).
fn parse_size(value: &str) -> Result<u64, String> {
    let value = value.trim();
    let (digits, shift) = match value.char_indices().last() {
        Some((at, 'k' | 'K')) => (&value[..at], 10),
        Some((at, 'm' | 'M')) => (&value[..at], 20),
        Some((at, 'g' | 'G')) => (&value[..at], 30),
        _ => (value, 0),
    };
    let number: u64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("{value:?} is not a size such as 4096, 500K, 32M or 1G"))?;
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("{value:?} is too large"))
}

/// Values of `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Plain text for people and pipes.
    Text,
    /// One pretty JSON value.
    Json,
    /// One compact JSON record per line.
    Jsonl,
}

/// Values of `--offsets`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OffsetsArg {
    /// UTF-8 byte offsets.
    Byte,
    /// Unicode scalar value offsets.
    Char,
}

/// Words that, as the first argument, are not the start of an implicit `analyze`.
const NOT_INPUTS: [&str; 10] = [
    "analyze",
    "clean",
    "sentences",
    "quotes",
    "check",
    "help",
    "-h",
    "--help",
    "-V",
    "--version",
];

impl Cli {
    /// Parses the process arguments, with `analyze` as the default subcommand.
    /// Prints help or a usage error and exits (status 2) as clap does.
    pub fn parse_with_default_command() -> Cli {
        Cli::parse_from(with_default_command(std::env::args_os()))
    }
}

/// Inserts `analyze` after the program name unless the first argument is a
/// subcommand or a help/version flag, so `copydesk FILE` means `copydesk analyze FILE`.
pub fn with_default_command(args: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let mut args: Vec<OsString> = args.into_iter().collect();
    let explicit = args
        .get(1)
        .and_then(|a| a.to_str())
        .is_some_and(|a| NOT_INPUTS.contains(&a));
    if !explicit {
        let at = args.len().min(1);
        args.insert(at, OsString::from("analyze"));
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Vec<String> {
        with_default_command(args.iter().map(OsString::from))
            .into_iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn default_command_is_inserted() {
        let cases: &[(&[&str], &[&str])] = &[
            (&["copydesk"], &["copydesk", "analyze"]),
            (&["copydesk", "a.txt"], &["copydesk", "analyze", "a.txt"]),
            (
                &["copydesk", "--format", "json"],
                &["copydesk", "analyze", "--format", "json"],
            ),
            (&["copydesk", "clean", "a"], &["copydesk", "clean", "a"]),
            (&["copydesk", "--help"], &["copydesk", "--help"]),
            (&["copydesk", "-V"], &["copydesk", "-V"]),
            (&["copydesk", "check"], &["copydesk", "check"]),
        ];
        for (input, expected) in cases {
            assert_eq!(parse(input), *expected, "{input:?}");
        }
    }

    #[test]
    fn sizes() {
        let table = [
            ("4096", Some(4096)),
            ("500K", Some(500 << 10)),
            ("32m", Some(32 << 20)),
            ("1G", Some(1 << 30)),
            ("", None),
            ("12X", None),
            ("-1", None),
            ("99999999999G", None),
        ];
        for (text, expected) in table {
            assert_eq!(parse_size(text).ok(), expected, "{text}");
        }
    }

    #[test]
    fn clap_definition_is_valid() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
