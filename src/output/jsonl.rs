//! JSON Lines: one compact record per line, written as soon as it is ready.

use super::{Rendered, Sink};
use std::io::{self, Write};

/// Writes one compact JSON object per line.
pub struct JsonlSink<W: Write> {
    out: W,
}

impl<W: Write> JsonlSink<W> {
    /// A sink over `out`.
    pub fn new(out: W) -> Self {
        JsonlSink { out }
    }
}

impl<W: Write> Sink for JsonlSink<W> {
    fn write(&mut self, rendered: &Rendered) -> io::Result<()> {
        self.out.write_all(&rendered.body)?;
        self.out.write_all(b"\n")
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
