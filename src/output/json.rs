//! JSON: one pretty value — the object when there is one result, an array when there
//! are several. Records are streamed: only the first is held back until the second
//! shows whether an array is needed.

use super::Sink;
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
    first: Option<String>,
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

    fn element(&mut self, pretty: &str) -> io::Result<()> {
        for (i, line) in pretty.lines().enumerate() {
            if i > 0 {
                self.out.write_all(b"\n")?;
            }
            self.out.write_all(b"  ")?;
            self.out.write_all(line.as_bytes())?;
        }
        Ok(())
    }
}

impl<W: Write> Sink for JsonSink<W> {
    fn record(&mut self, record: &Record) -> io::Result<()> {
        let pretty = serde_json::to_string_pretty(record)?;
        self.count += 1;
        if self.count == 1 {
            self.first = Some(pretty);
            return Ok(());
        }
        if let Some(first) = self.first.take() {
            self.out.write_all(b"[\n")?;
            self.element(&first)?;
        }
        self.out.write_all(b",\n")?;
        self.element(&pretty)
    }

    fn finish(&mut self) -> io::Result<()> {
        match (self.count, self.first.take()) {
            (0, _) => self.out.write_all(b"[]\n")?,
            (1, Some(first)) => {
                self.out.write_all(first.as_bytes())?;
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
    use crate::config::{Mode, Offsets};
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
                };
                build(Mode::Analyze, origin, t, a, Offsets::Byte)
            })
            .collect();
        for n in 0..=records.len() {
            let mut out = Vec::new();
            let mut sink = JsonSink::new(&mut out);
            for r in &records[..n] {
                sink.record(r).unwrap();
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
