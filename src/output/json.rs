//! JSON: one pretty value — the object when there is one result, an array when there
//! are several. Records are streamed: only the first is held back until the second
//! shows whether an array is needed.

use super::{Rendered, Sink};
use crate::record::Record;
use std::io::{self, Write};

/// The pretty JSON of one record, newline-terminated, exactly as `analyze --format
/// json` prints a single result.
pub fn pretty(record: &Record) -> io::Result<String> {
    let mut text = serde_json::to_string_pretty(record)?;
    text.push('\n');
    Ok(text)
}

/// Writes one pretty JSON value for all records.
pub struct JsonSink<W: Write> {
    out: W,
    first: Option<Vec<u8>>,
    count: usize,
}

impl<W: Write> JsonSink<W> {
    /// A sink over `out`.
    pub fn new(out: W) -> Self {
        JsonSink {
            out,
            first: None,
            count: 0,
        }
    }

    /// Writes `pretty` indented by two spaces, as an array element.
    fn element(&mut self, pretty: &[u8]) -> io::Result<()> {
        for (i, line) in pretty.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                self.out.write_all(b"\n")?;
            }
            self.out.write_all(b"  ")?;
            self.out.write_all(line)?;
        }
        Ok(())
    }
}

impl<W: Write> Sink for JsonSink<W> {
    fn write(&mut self, rendered: &Rendered) -> io::Result<()> {
        self.count += 1;
        if self.count == 1 {
            self.first = Some(rendered.body.clone());
            return Ok(());
        }
        if let Some(first) = self.first.take() {
            self.out.write_all(b"[\n")?;
            self.element(&first)?;
        }
        self.out.write_all(b",\n")?;
        self.element(&rendered.body)
    }

    fn finish(&mut self) -> io::Result<()> {
        match (self.count, self.first.take()) {
            (0, _) => self.out.write_all(b"[]\n")?,
            (1, Some(first)) => {
                self.out.write_all(&first)?;
                self.out.write_all(b"\n")?;
            }
            _ => self.out.write_all(b"\n]\n")?,
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyze};
    use crate::config::{Format, Mode, Offsets};
    use crate::output::Renderer;
    use crate::record::{Origin, build};

    #[test]
    fn streamed_array_equals_serde_pretty_array() {
        let texts = [
            "Title here today\n\nBody one.\n",
            "Another \"quoted\" one.\n\nShare on Facebook\n",
            "",
        ];
        let analyses: Vec<_> = texts
            .iter()
            .map(|t| analyze(t, &Options::default()))
            .collect();
        let records: Vec<_> = texts
            .iter()
            .zip(&analyses)
            .map(|(t, a)| {
                let origin = Origin {
                    source: "s",
                    id: Some("i"),
                    warnings: &[],
                };
                build(Mode::Analyze, origin, t, a, Offsets::Byte)
            })
            .collect();
        for n in 0..=records.len() {
            let mut out = Vec::new();
            let mut sink = JsonSink::new(&mut out);
            let renderer = Renderer::new(Format::Json, Mode::Analyze);
            for r in &records[..n] {
                sink.write(&renderer.record(r).unwrap()).unwrap();
            }
            sink.finish().unwrap();
            let expected = match n {
                1 => pretty(&records[0]).unwrap(),
                _ => serde_json::to_string_pretty(&records[..n]).unwrap() + "\n",
            };
            assert_eq!(String::from_utf8(out).unwrap(), expected, "n = {n}");
        }
    }
}
