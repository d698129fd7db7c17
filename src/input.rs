//! Reading: the only module that touches input files. Turns the INPUT arguments into
//! a list of inputs (directories walked recursively, sorted), and each input into
//! documents — one per text file, or one per line of a JSON Lines stream, read one
//! line at a time.

use crate::clean::BoilerplateRules;
use crate::config::{InputFormat, Reading};
use anyhow::{Context, anyhow};
use serde_json::Value;
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
    /// The article exactly as read.
    pub text: String,
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
}

impl Item {
    /// The name results and messages use for this input.
    pub fn source(&self) -> String {
        match self {
            Item::Stdin => "<stdin>".to_string(),
            Item::File { path, .. } => path.display().to_string(),
            Item::Failed(_) => String::new(),
        }
    }
}

/// The inputs named by `paths`, in order; no paths means standard input.
pub fn expand(paths: &[PathBuf]) -> Vec<Item> {
    if paths.is_empty() {
        return vec![Item::Stdin];
    }
    let mut items = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            items.push(Item::Stdin);
        } else if path.is_dir() {
            walk(path, &mut items);
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

/// True for the files a directory walk reads: `.txt` and extensionless files.
pub fn is_article_name(path: &Path) -> bool {
    match path.extension() {
        None => true,
        Some(ext) => ext == "txt",
    }
}

fn walk(dir: &Path, items: &mut Vec<Item>) {
    let walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        match entry {
            Ok(entry) => {
                if !entry.file_type().is_file() || !is_article_name(entry.path()) {
                    continue;
                }
                let relative = entry
                    .path()
                    .strip_prefix(dir)
                    .map_or_else(|_| PathBuf::from(entry.file_name()), Path::to_path_buf);
                items.push(Item::File {
                    path: entry.path().to_path_buf(),
                    relative,
                });
            }
            Err(error) => {
                let at = error.path().unwrap_or(dir).display().to_string();
                let cause = match error.io_error() {
                    Some(io) => anyhow!("{io}"),
                    None => anyhow!("{error}"),
                };
                items.push(Item::Failed(cause.context(at)));
            }
        }
    }
}

/// Reads a whole file as UTF-8 text.
pub fn read_text_file(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| path.display().to_string())?;
    utf8(bytes, &path.display().to_string())
}

fn utf8(bytes: Vec<u8>, source: &str) -> anyhow::Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        anyhow!(
            "{source}: not valid UTF-8 (byte {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Reads and compiles a user rules file (the built-in rules come first).
pub fn read_rules(path: &Path) -> anyhow::Result<BoilerplateRules> {
    let text = read_text_file(path)?;
    BoilerplateRules::with_user_rules(&text).map_err(|e| anyhow!("{}: {e}", path.display()))
}

/// The documents of one input, read lazily.
pub fn documents(item: &Item, reading: &Reading) -> anyhow::Result<Documents> {
    let source = item.source();
    let reader: Box<dyn BufRead> = match item {
        Item::Failed(error) => return Err(anyhow!("{error:#}")),
        Item::Stdin => Box::new(BufReader::new(io::stdin())),
        Item::File { path, .. } => {
            let file = File::open(path).with_context(|| source.clone())?;
            Box::new(BufReader::new(file))
        }
    };
    Ok(match reading.format {
        InputFormat::Text => Documents::Whole(Some((reader, source))),
        InputFormat::Jsonl => Documents::Lines(Lines {
            reader,
            source,
            line: 0,
            buffer: Vec::new(),
            text_field: reading.text_field.clone(),
            id_field: reading.id_field.clone(),
            done: false,
        }),
    })
}

/// Iterator over the documents of one input; each item is a document or an error
/// naming where it happened.
pub enum Documents {
    /// A whole input is one document.
    Whole(Option<(Box<dyn BufRead>, String)>),
    /// One document per JSON line.
    Lines(Lines),
}

impl Iterator for Documents {
    type Item = anyhow::Result<Document>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Documents::Whole(pending) => {
                let (mut reader, source) = pending.take()?;
                let mut bytes = Vec::new();
                Some(match reader.read_to_end(&mut bytes) {
                    Err(e) => Err(anyhow!(e).context(source)),
                    Ok(_) => utf8(bytes, &source).map(|text| Document {
                        source,
                        id: None,
                        text,
                    }),
                })
            }
            Documents::Lines(lines) => lines.next(),
        }
    }
}

/// A JSON Lines stream, read one line at a time.
pub struct Lines {
    reader: Box<dyn BufRead>,
    source: String,
    line: usize,
    buffer: Vec<u8>,
    text_field: String,
    id_field: String,
    done: bool,
}

impl Lines {
    fn next(&mut self) -> Option<anyhow::Result<Document>> {
        loop {
            if self.done {
                return None;
            }
            self.buffer.clear();
            match self.reader.read_until(b'\n', &mut self.buffer) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(anyhow!(e).context(self.source.clone())));
                }
            }
            self.line += 1;
            if self.buffer.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let at = format!("{}:{}", self.source, self.line);
            return Some(
                self.record(&at)
                    .map_err(|problem| anyhow!("{at}: {problem}")),
            );
        }
    }

    fn record(&self, at: &str) -> Result<Document, String> {
        let line = std::str::from_utf8(&self.buffer)
            .map_err(|e| format!("not valid UTF-8 (byte {})", e.valid_up_to()))?;
        let value: Value = serde_json::from_str(line).map_err(|e| format!("bad JSON: {e}"))?;
        let Value::Object(mut object) = value else {
            return Err("not a JSON object".to_string());
        };
        let text = match object.remove(&self.text_field) {
            Some(Value::String(text)) => text,
            Some(_) => return Err(format!("field {:?} is not a string", self.text_field)),
            None => return Err(format!("no {:?} field", self.text_field)),
        };
        let id = match object.remove(&self.id_field) {
            None | Some(Value::Null) => None,
            Some(Value::String(id)) => Some(id),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(_) => {
                return Err(format!(
                    "field {:?} is not a string or a number",
                    self.id_field
                ));
            }
        };
        Ok(Document {
            source: id.clone().unwrap_or_else(|| at.to_string()),
            id,
            text,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str) -> Vec<Result<Document, String>> {
        let docs = Documents::Lines(Lines {
            reader: Box::new(io::Cursor::new(input.as_bytes().to_vec())),
            source: "in".into(),
            line: 0,
            buffer: Vec::new(),
            text_field: "text".into(),
            id_field: "id".into(),
            done: false,
        });
        docs.map(|r| r.map_err(|e| format!("{e:#}"))).collect()
    }

    #[test]
    fn jsonl_records_and_errors() {
        let got = lines(
            "{\"id\":\"a\",\"text\":\"One.\"}\n\n{\"id\":7,\"text\":\"Two.\"}\r\nnot json\n{\"text\":\"Three.\"}\n{\"id\":1}",
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
    fn invalid_utf8_names_the_byte() {
        let error = utf8(b"ab\xffc".to_vec(), "f.txt").unwrap_err();
        assert_eq!(format!("{error:#}"), "f.txt: not valid UTF-8 (byte 2)");
    }
}
