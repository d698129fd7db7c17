//! Reading: the only module that touches input files. Turns the INPUT arguments into
//! a list of inputs (directories walked recursively, sorted, filtered by extension or
//! glob), each input into its bytes (bounded by `--max-bytes`, decoded by
//! [`crate::decode`]), and a JSON Lines stream into raw lines read one at a
//! time, parsed into documents later (on a worker thread).

use crate::clean::BoilerplateRules;
use crate::config::Reading;
use crate::decode::{self, Decoded};
use anyhow::{Context, anyhow};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// One article to analyze.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Where it came from: a path, `<stdin>`, a jsonl id, or `SOURCE:LINE`.
    pub source: String,
    /// The jsonl record's id, when it has one.
    pub id: Option<String>,
    /// The article exactly as read (decoded from Windows-1252 if it was not UTF-8).
    pub text: String,
    /// What the result should say about how the text was read.
    pub warnings: Vec<String>,
}

/// Why a document was not analyzed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    /// Deliberately left out (binary, over `--max-bytes`) rather than failed.
    pub skipped: bool,
    /// The input, or `SOURCE:LINE` for a JSON Lines record.
    pub at: String,
    /// The record's id, when it could be read.
    pub id: Option<String>,
    /// What is wrong.
    pub problem: String,
}

impl Unread {
    fn failed(at: &str, problem: impl Into<String>) -> Unread {
        Unread {
            skipped: false,
            at: at.to_string(),
            id: None,
            problem: problem.into(),
        }
    }

    fn skipped(at: &str, problem: impl Into<String>) -> Unread {
        Unread {
            skipped: true,
            ..Unread::failed(at, problem)
        }
    }

    /// The message for stderr and error records, naming the input.
    pub fn message(&self) -> String {
        let skipped = if self.skipped { "skipped: " } else { "" };
        format!("{}: {skipped}{}", self.at, self.problem)
    }
}

/// One input: standard input, a file, or a path that could not be walked.
#[derive(Debug)]
pub enum Item {
    /// Standard input.
    Stdin,
    /// A file, and its path relative to the directory it was found through (or its
    /// bare file name when given directly).
    File {
        /// The path to read.
        path: PathBuf,
        /// The path to mirror under `--out-dir`.
        relative: PathBuf,
    },
    /// Part of a directory that could not be walked.
    Failed(anyhow::Error),
    /// Part of a directory deliberately not walked: a symbolic link back to a folder
    /// already being walked, whose files are read once, through the folder itself.
    Skipped(anyhow::Error),
}

impl Item {
    /// The name results and messages use for this input.
    pub fn source(&self) -> String {
        match self {
            Item::Stdin => "<stdin>".to_string(),
            Item::File { path, .. } => path.display().to_string(),
            Item::Failed(_) | Item::Skipped(_) => String::new(),
        }
    }
}

/// Which files a directory walk reads. Files named on the command line are always read.
#[derive(Debug, Clone)]
pub struct Selection {
    /// Lower-case extensions without the dot; `""` stands for no extension.
    extensions: Vec<String>,
    /// With globs, they decide instead of the extensions.
    globs: Option<Globs>,
}

#[derive(Debug, Clone)]
struct Globs {
    include: GlobSet,
    exclude: GlobSet,
    any_include: bool,
}

impl Default for Selection {
    /// `.txt` files and files without an extension.
    fn default() -> Self {
        Selection::extensions(["txt", ""])
    }
}

impl Selection {
    /// Files with one of `extensions` (no dot; `""` for none), matched case-insensitively.
    pub fn extensions<S: AsRef<str>>(extensions: impl IntoIterator<Item = S>) -> Selection {
        Selection {
            extensions: extensions
                .into_iter()
                .map(|e| e.as_ref().trim_start_matches('.').to_lowercase())
                .collect(),
            globs: None,
        }
    }

    /// Files whose path below the walked directory matches one of `patterns` (and no
    /// pattern starting with `!`); a bad pattern is an error naming it.
    pub fn globs(patterns: &[String]) -> anyhow::Result<Selection> {
        let mut include = GlobSetBuilder::new();
        let mut exclude = GlobSetBuilder::new();
        let mut any_include = false;
        for pattern in patterns {
            let (set, body) = match pattern.strip_prefix('!') {
                Some(body) => (&mut exclude, body),
                None => {
                    any_include = true;
                    (&mut include, pattern.as_str())
                }
            };
            let glob = Glob::new(body).with_context(|| format!("--glob {pattern:?}"))?;
            set.add(glob);
        }
        let globs = Globs {
            include: include.build()?,
            exclude: exclude.build()?,
            any_include,
        };
        Ok(Selection {
            extensions: Vec::new(),
            globs: Some(globs),
        })
    }

    /// True when a walk should read the file at `relative` (below the walked directory).
    pub fn chooses(&self, relative: &Path) -> bool {
        if let Some(globs) = &self.globs {
            let included = !globs.any_include || globs.include.is_match(relative);
            return included && !globs.exclude.is_match(relative);
        }
        let extension = relative
            .extension()
            .map_or_else(String::new, |e| e.to_string_lossy().to_lowercase());
        self.extensions.contains(&extension)
    }
}

/// The inputs named by `paths`, in order; no paths means standard input.
pub fn expand(paths: &[PathBuf], selection: &Selection) -> Vec<Item> {
    if paths.is_empty() {
        return vec![Item::Stdin];
    }
    let mut items = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            items.push(Item::Stdin);
        } else if path.is_dir() {
            walk(path, selection, &mut items);
        } else {
            let relative = path
                .file_name()
                .map_or_else(|| PathBuf::from("input"), PathBuf::from);
            items.push(Item::File {
                path: path.clone(),
                relative,
            });
        }
    }
    items
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// Walks `dir` in sorted order, following symbolic links; a link back to an ancestor
/// (which walkdir reports instead of following) is skipped, not failed.
fn walk(dir: &Path, selection: &Selection, items: &mut Vec<Item>) {
    let walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        match entry {
            Ok(entry) => {
                if !entry.file_type().is_file() {
                    continue;
                }
                let relative = entry
                    .path()
                    .strip_prefix(dir)
                    .map_or_else(|_| PathBuf::from(entry.file_name()), Path::to_path_buf);
                if selection.chooses(&relative) {
                    items.push(Item::File {
                        path: entry.path().to_path_buf(),
                        relative,
                    });
                }
            }
            Err(error) => {
                let at = error.path().unwrap_or(dir).display().to_string();
                let cause = match error.io_error() {
                    Some(io) => anyhow!("{io}"),
                    None => anyhow!("{error}"),
                };
                items.push(if error.loop_ancestor().is_some() {
                    Item::Skipped(cause.context(at))
                } else {
                    Item::Failed(cause.context(at))
                });
            }
        }
    }
}

/// Reads a whole file as UTF-8 text.
pub fn read_text_file(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| path.display().to_string())?;
    String::from_utf8(bytes).map_err(|e| {
        anyhow!(
            "{}: not valid UTF-8 (byte {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// Reads and compiles a user rules file (the built-in rules come first).
pub fn read_rules(path: &Path) -> anyhow::Result<BoilerplateRules> {
    let text = read_text_file(path)?;
    BoilerplateRules::with_user_rules(&text).map_err(|e| anyhow!("{}: {e}", path.display()))
}

/// Bytes read at a time: eight times the standard buffer, so that a stream costs an
/// eighth of the system calls (a 20 MB stream took 2,450 reads of 8 KB) and fewer
/// JSON Lines records straddle two reads, each straddle a copy.
const READ_BUFFER: usize = 64 << 10;

fn open(item: &Item) -> Result<Box<dyn BufRead>, Unread> {
    match item {
        Item::Failed(error) | Item::Skipped(error) => {
            let mut chain = error.chain().map(ToString::to_string);
            let at = chain.next().unwrap_or_default();
            let problem = chain.collect::<Vec<_>>().join(": ");
            Err(if matches!(item, Item::Skipped(_)) {
                Unread::skipped(&at, problem)
            } else {
                Unread::failed(&at, problem)
            })
        }
        Item::Stdin => Ok(Box::new(BufReader::with_capacity(READ_BUFFER, io::stdin()))),
        Item::File { path, .. } => File::open(path)
            .map(|file| Box::new(BufReader::with_capacity(READ_BUFFER, file)) as Box<dyn BufRead>)
            .map_err(|e| Unread::failed(&path.display().to_string(), e.to_string())),
    }
}

fn too_large(at: &str, max_bytes: u64) -> Unread {
    Unread::skipped(at, format!("larger than --max-bytes {max_bytes}"))
}

/// Reads `item` whole as one document.
pub fn read_document(item: &Item, reading: &Reading) -> Result<Document, Unread> {
    let source = item.source();
    if let Item::File { path, .. } = item {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if size > reading.max_bytes {
            return Err(too_large(&source, reading.max_bytes));
        }
    }
    let reader = open(item)?;
    let mut bytes = Vec::new();
    reader
        .take(reading.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Unread::failed(&source, e.to_string()))?;
    if bytes.len() as u64 > reading.max_bytes {
        return Err(too_large(&source, reading.max_bytes));
    }
    match decode::decode(bytes) {
        Decoded::Binary(why) => Err(Unread::skipped(&source, why)),
        Decoded::Text { text, warning } => Ok(Document {
            source,
            id: None,
            text,
            warnings: warning.into_iter().collect(),
        }),
    }
}

/// One line of a JSON Lines stream, not yet parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawLine {
    /// `SOURCE:LINE`, for messages.
    pub at: String,
    /// The line's bytes, without the line break.
    pub bytes: Vec<u8>,
}

/// The non-blank lines of a JSON Lines input, read one at a time; a line over
/// `--max-bytes` is skipped without being held in memory.
pub struct Lines {
    reader: Box<dyn BufRead>,
    source: String,
    line: usize,
    max_bytes: u64,
    done: bool,
}

/// Opens `item` as a JSON Lines stream.
pub fn lines(item: &Item, reading: &Reading) -> Result<Lines, Unread> {
    Ok(Lines {
        reader: open(item)?,
        source: item.source(),
        line: 0,
        max_bytes: reading.max_bytes,
        done: false,
    })
}

/// How reading one line ended.
enum LineEnd {
    Eof,
    Line,
    TooLong,
}

/// Reads up to and without the next `\n` into `out`, holding at most `limit` bytes:
/// the rest of a longer line is consumed and dropped.
fn read_line(reader: &mut dyn BufRead, out: &mut Vec<u8>, limit: u64) -> io::Result<LineEnd> {
    let mut seen = 0u64;
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buffer.is_empty() {
            return Ok(match seen {
                0 => LineEnd::Eof,
                _ if seen > limit => LineEnd::TooLong,
                _ => LineEnd::Line,
            });
        }
        let (chunk, found) = match memchr::memchr(b'\n', buffer) {
            Some(at) => (&buffer[..at], true),
            None => (buffer, false),
        };
        seen += chunk.len() as u64;
        if seen <= limit {
            out.extend_from_slice(chunk);
        } else {
            out.clear();
        }
        let used = chunk.len() + usize::from(found);
        reader.consume(used);
        if found {
            return Ok(if seen > limit {
                LineEnd::TooLong
            } else {
                LineEnd::Line
            });
        }
    }
}

impl Iterator for Lines {
    type Item = Result<RawLine, Unread>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let mut bytes = Vec::new();
            let end = read_line(self.reader.as_mut(), &mut bytes, self.max_bytes);
            self.line += 1;
            let at = format!("{}:{}", self.source, self.line);
            match end {
                Err(e) => {
                    self.done = true;
                    return Some(Err(Unread::failed(&at, e.to_string())));
                }
                Ok(LineEnd::Eof) => return None,
                Ok(LineEnd::TooLong) => return Some(Err(too_large(&at, self.max_bytes))),
                Ok(LineEnd::Line) => {
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(Ok(RawLine { at, bytes }));
                }
            }
        }
    }
}

/// The names of the two fields a record is read for.
struct Wanted<'r> {
    text: &'r str,
    id: &'r str,
}

/// The values of those fields, when present.
struct Fields {
    text: Option<Value>,
    id: Option<Value>,
}

impl<'de> DeserializeSeed<'de> for Wanted<'_> {
    type Value = Fields;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Fields, D::Error> {
        deserializer.deserialize_map(self)
    }
}

/// Reads an object keeping only the wanted fields: the others (often large: gold
/// annotations, HTML) are skipped without being built.
impl<'de> Visitor<'de> for Wanted<'_> {
    type Value = Fields;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
        let mut fields = Fields {
            text: None,
            id: None,
        };
        while let Some(key) = map.next_key::<String>()? {
            if key == self.text {
                fields.text = Some(map.next_value()?);
            } else if key == self.id {
                fields.id = Some(map.next_value()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(fields)
    }
}

/// Parses one JSON Lines record into a document. A line that is not UTF-8 is read
/// as Windows-1252, with a warning, like a text file.
pub fn parse_record(raw: RawLine, reading: &Reading) -> Result<Document, Unread> {
    let at = raw.at;
    let (line, warnings) = match decode::decode(raw.bytes) {
        Decoded::Binary(why) => return Err(Unread::failed(&at, why)),
        Decoded::Text { text, warning } => (text, warning.into_iter().collect()),
    };
    let wanted = Wanted {
        text: &reading.text_field,
        id: &reading.id_field,
    };
    let mut reader = serde_json::Deserializer::from_str(&line);
    let fields = wanted
        .deserialize(&mut reader)
        .and_then(|fields| reader.end().map(|()| fields))
        .map_err(|e| match e.classify() {
            serde_json::error::Category::Data => Unread::failed(&at, "not a JSON object"),
            _ => Unread::failed(&at, format!("bad JSON: {e}")),
        })?;
    let Fields { text, id } = fields;
    let id = match id {
        None | Some(Value::Null) => None,
        Some(Value::String(id)) => Some(id),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(_) => {
            let problem = format!("field {:?} is not a string or a number", reading.id_field);
            return Err(Unread::failed(&at, problem));
        }
    };
    let text = match text {
        Some(Value::String(text)) => text,
        other => {
            let problem = match other {
                Some(_) => format!("field {:?} is not a string", reading.text_field),
                None => format!("no {:?} field", reading.text_field),
            };
            return Err(Unread {
                id,
                ..Unread::failed(&at, problem)
            });
        }
    };
    Ok(Document {
        source: id.clone().unwrap_or(at),
        id,
        text,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::InputFormat;

    fn reading(max_bytes: u64) -> Reading {
        Reading {
            format: InputFormat::Jsonl,
            text_field: "text".into(),
            id_field: "id".into(),
            max_bytes,
        }
    }

    fn records(input: &str, max_bytes: u64) -> Vec<Result<Document, String>> {
        let lines = Lines {
            reader: Box::new(io::Cursor::new(input.as_bytes().to_vec())),
            source: "in".into(),
            line: 0,
            max_bytes,
            done: false,
        };
        lines
            .map(|raw| raw.and_then(|raw| parse_record(raw, &reading(max_bytes))))
            .map(|r| r.map_err(|e| e.message()))
            .collect()
    }

    #[test]
    fn jsonl_records_and_errors() {
        let got = records(
            "{\"id\":\"a\",\"text\":\"One.\"}\n\n{\"id\":7,\"text\":\"Two.\"}\r\nnot json\n{\"text\":\"Three.\"}\n{\"id\":1}",
            1000,
        );
        assert_eq!(got.len(), 5);
        let ok = |i: usize| got[i].as_ref().unwrap();
        assert_eq!(
            (ok(0).id.as_deref(), ok(0).source.as_str()),
            (Some("a"), "a")
        );
        assert_eq!(ok(1).id.as_deref(), Some("7"));
        assert!(got[2].as_ref().unwrap_err().starts_with("in:4: bad JSON"));
        assert_eq!((ok(3).id.as_deref(), ok(3).source.as_str()), (None, "in:5"));
        assert_eq!(got[4].as_ref().unwrap_err(), "in:6: no \"text\" field");
    }

    #[test]
    fn only_objects_with_a_text_string_are_records() {
        let table = [
            (
                r#"{"meta":{"a":[1,{"text":"inner"}]},"text":"T","id":"x"}"#,
                Ok("T"),
            ),
            (r#"{"text":"first","text":"last"}"#, Ok("last")),
            (r#"{"text":"a\nb \u201c"}"#, Ok("a\nb \u{201c}")),
            ("[1,2]", Err("in:1: not a JSON object")),
            (r#""text""#, Err("in:1: not a JSON object")),
            ("42", Err("in:1: not a JSON object")),
            (r#"{"text":5}"#, Err("in:1: field \"text\" is not a string")),
            (
                r#"{"text":"a","id":[1]}"#,
                Err("in:1: field \"id\" is not a string or a number"),
            ),
        ];
        for (line, expected) in table {
            let got = records(line, 1000).remove(0);
            match expected {
                Ok(text) => assert_eq!(got.map(|d| d.text), Ok(text.to_string()), "{line}"),
                Err(message) => assert_eq!(got.map(|d| d.text), Err(message.to_string()), "{line}"),
            }
        }
        let trailing = records(r#"{"text":"a"} x"#, 1000).remove(0);
        assert!(
            trailing
                .unwrap_err()
                .starts_with("in:1: bad JSON: trailing characters")
        );
    }

    #[test]
    fn long_lines_are_skipped_and_the_stream_goes_on() {
        let long = format!("{{\"text\":\"{}\"}}", "x".repeat(100));
        let input = format!("{{\"text\":\"a\"}}\n{long}\n{{\"text\":\"b\"}}\n{long}");
        let got = records(&input, 50);
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].as_ref().unwrap().text, "a");
        assert_eq!(
            got[1].as_ref().unwrap_err(),
            "in:2: skipped: larger than --max-bytes 50"
        );
        assert_eq!(got[2].as_ref().unwrap().text, "b");
        assert!(got[3].is_err());
    }

    #[test]
    fn a_last_line_without_newline_is_read() {
        let got = records("{\"text\":\"a\"}\n{\"text\":\"b\"}", 1000);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].as_ref().unwrap().text, "b");
    }

    #[test]
    fn selection_by_extension_and_glob() {
        let default = Selection::default();
        let md = Selection::extensions([".MD"]);
        let globs =
            Selection::globs(&["news/**/*.html".to_string(), "!**/draft*".to_string()]).unwrap();
        let only_excludes = Selection::globs(&["!*.json".to_string()]).unwrap();
        let table: [(&Selection, &str, bool); 10] = [
            (&default, "a.txt", true),
            (&default, "a.TXT", true),
            (&default, "README", true),
            (&default, "a.json", false),
            (&md, "a.md", true),
            (&md, "a.txt", false),
            (&globs, "news/2017/a.html", true),
            (&globs, "news/2017/draft-a.html", false),
            (&only_excludes, "x/a.txt", true),
            (&only_excludes, "x/a.json", false),
        ];
        for (selection, path, expected) in table {
            assert_eq!(selection.chooses(Path::new(path)), expected, "{path}");
        }
        assert!(Selection::globs(&["a[".to_string()]).is_err());
    }
}
