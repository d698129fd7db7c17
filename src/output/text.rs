//! Plain text for people and pipes: the cleaned text, one sentence per line, one quote
//! per line, or a readable report, depending on the subcommand.

use super::{Rendered, Sink};
use crate::config::Mode;
use crate::record::{QuoteRecord, Record};
use std::io::{self, Write};

/// Writes rendered text results, with a header before each when asked.
pub struct TextSink<W: Write> {
    out: W,
    headers: bool,
    written: usize,
}

impl<W: Write> TextSink<W> {
    /// A sink over `out`; with `headers`, each document starts with `==> SOURCE <==`.
    pub fn new(out: W, headers: bool) -> Self {
        TextSink {
            out,
            headers,
            written: 0,
        }
    }
}

/// The text of one result for `mode`.
pub fn render(mode: Mode, record: &Record) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    match mode {
        Mode::Clean => clean(&mut out, record)?,
        Mode::Sentences => sentences(&mut out, record)?,
        Mode::Quotes => quotes(&mut out, record)?,
        Mode::Analyze => report(&mut out, record)?,
    }
    Ok(out)
}

/// `s` on one line: every line break becomes a space.
fn one_line(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\n', '\r'], " ")
}

fn speaker_label(quote: &QuoteRecord) -> String {
    match &quote.speaker {
        Some(speaker) => one_line(speaker.name.as_deref().unwrap_or(speaker.text)),
        None => "-".to_string(),
    }
}

impl<W: Write> Sink for TextSink<W> {
    fn write(&mut self, rendered: &Rendered) -> io::Result<()> {
        if self.headers {
            if self.written > 0 {
                writeln!(self.out)?;
            }
            writeln!(self.out, "==> {} <==", rendered.source)?;
        }
        self.written += 1;
        self.out.write_all(&rendered.body)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

fn clean(out: &mut impl Write, record: &Record) -> io::Result<()> {
    if let Some(Some(title)) = &record.title {
        writeln!(out, "{}", one_line(title.text))?;
        writeln!(out)?;
    }
    match record.text.as_deref() {
        Some(body) if !body.is_empty() => writeln!(out, "{body}"),
        _ => Ok(()),
    }
}

fn sentences(out: &mut impl Write, record: &Record) -> io::Result<()> {
    for sentence in record.sentences.iter().flatten() {
        writeln!(out, "{}", one_line(sentence.text))?;
    }
    Ok(())
}

fn quotes(out: &mut impl Write, record: &Record) -> io::Result<()> {
    for quote in record.quotes.iter().flatten() {
        writeln!(
            out,
            "{}\t{}\t“{}”",
            speaker_label(quote),
            quote.kind,
            one_line(quote.text)
        )?;
    }
    Ok(())
}

fn report(out: &mut impl Write, record: &Record) -> io::Result<()> {
    match &record.title {
        Some(Some(title)) => writeln!(out, "Title: {}", one_line(title.text))?,
        _ => writeln!(out, "Title: (none)")?,
    }
    let removed = record.removed.as_deref().unwrap_or_default();
    writeln!(out, "\nRemoved ({}):", removed.len())?;
    for r in removed {
        writeln!(out, "  [{}] {}", r.reason, one_line(r.text))?;
    }
    let sentences = record.sentences.as_deref().unwrap_or_default();
    writeln!(out, "\nSentences ({}):", sentences.len())?;
    for (i, s) in sentences.iter().enumerate() {
        writeln!(out, "  {:>3}. {}", i + 1, one_line(s.text))?;
    }
    let quotes = record.quotes.as_deref().unwrap_or_default();
    writeln!(out, "\nQuotes ({}):", quotes.len())?;
    for (i, q) in quotes.iter().enumerate() {
        writeln!(out, "  {:>3}. [{}] “{}”", i + 1, q.kind, one_line(q.text))?;
        match &q.speaker {
            Some(s) => writeln!(
                out,
                "       speaker: {} (as “{}”, via {})",
                s.name.as_deref().unwrap_or("unresolved"),
                one_line(s.text),
                s.via
            )?,
            None => writeln!(out, "       speaker: unknown")?,
        }
        if let Some(cue) = &q.cue {
            writeln!(out, "       cue: {}", one_line(cue.text))?;
        }
    }
    let speakers = record.speakers.as_deref().unwrap_or_default();
    writeln!(out, "\nSpeakers ({}):", speakers.len())?;
    for s in speakers {
        let mentions: Vec<String> = s.mentions.iter().map(|m| one_line(m.text)).collect();
        let count = s.quotes.len();
        let plural = if count == 1 { "quote" } else { "quotes" };
        writeln!(
            out,
            "  {}: {count} {plural} (mentioned as {})",
            s.name,
            mentions.join(", ")
        )?;
    }
    for w in &record.warnings {
        writeln!(out, "\nWarning: {w}")?;
    }
    Ok(())
}
