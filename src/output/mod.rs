//! Writing results: one [`Sink`] trait, one module per format, and the atomic file
//! writes used by `--out-dir` and `check --bless`.

pub mod json;
pub mod jsonl;
pub mod text;

use crate::config::{Format, Mode};
use crate::record::{ErrorRecord, Record};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// One result in the output format, rendered on a worker thread and framed by a
/// [`Sink`] on the writing one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The input it came from, for the text format's `==> SOURCE <==` headers.
    pub source: String,
    /// The result itself: text lines, pretty JSON, or one compact JSON object.
    pub body: Vec<u8>,
}

/// Renders results in one format for one subcommand.
#[derive(Debug, Clone, Copy)]
pub struct Renderer {
    format: Format,
    mode: Mode,
}

impl Renderer {
    /// A renderer of `format` for `mode`.
    pub fn new(format: Format, mode: Mode) -> Renderer {
        Renderer { format, mode }
    }

    /// Renders one result.
    pub fn record(&self, record: &Record) -> io::Result<Rendered> {
        let body = match self.format {
            Format::Text => text::render(self.mode, record)?,
            Format::Json => serde_json::to_vec_pretty(record)?,
            Format::Jsonl => jsonl::render(record),
        };
        Ok(Rendered {
            source: record.source.clone(),
            body,
        })
    }

    /// Renders the stand-in for an input that could not be analyzed
    /// (`--on-error record`).
    pub fn error(&self, record: &ErrorRecord) -> io::Result<Rendered> {
        let body = match self.format {
            Format::Text => format!("Error: {}\n", record.error).into_bytes(),
            Format::Json => serde_json::to_vec_pretty(record)?,
            Format::Jsonl => serde_json::to_vec(record)?,
        };
        Ok(Rendered {
            source: record.source.to_string(),
            body,
        })
    }
}

/// Where rendered results go, in order.
pub trait Sink {
    /// Writes (or buffers) one rendered result.
    fn write(&mut self, rendered: &Rendered) -> io::Result<()>;
    /// Writes whatever closes the output and flushes it.
    fn finish(&mut self) -> io::Result<()>;
}

/// A sink framing `format` on `out`. `headers` asks the text format to precede each
/// document with `==> SOURCE <==`.
pub fn sink<'w, W: Write + 'w>(format: Format, headers: bool, out: W) -> Box<dyn Sink + 'w> {
    match format {
        Format::Text => Box::new(text::TextSink::new(out, headers)),
        Format::Json => Box::new(json::JsonSink::new(out)),
        Format::Jsonl => Box::new(jsonl::JsonlSink::new(out)),
    }
}

/// A file being written next to its final path, renamed into place on [`commit`].
///
/// [`commit`]: AtomicFile::commit
pub struct AtomicFile {
    temp: PathBuf,
    target: PathBuf,
    writer: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Creates the parent directories of `target` and a temporary file beside it.
    pub fn create(target: &Path) -> io::Result<AtomicFile> {
        let dir = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let name = target
            .file_name()
            .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
        let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let file = File::create(&temp)?;
        Ok(AtomicFile {
            temp,
            target: target.to_path_buf(),
            writer: Some(BufWriter::new(file)),
        })
    }

    /// Flushes the file and renames it over the target.
    pub fn commit(mut self) -> io::Result<()> {
        if let Some(writer) = self.writer.take() {
            let file = writer.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
        }
        std::fs::rename(&self.temp, &self.target)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.writer {
            Some(w) => w.write(buf),
            None => Err(io::Error::other("file already committed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.writer {
            Some(w) => w.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.writer.take().is_some() {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// Writes `bytes` to `target` atomically.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicFile::create(target)?;
    file.write_all(bytes)?;
    file.commit()
}

/// True when `error` is a broken pipe (serde_json hands I/O errors back unchanged).
pub fn is_broken_pipe(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::BrokenPipe
}
