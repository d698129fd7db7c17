//! JSON Lines: one compact record per line, written as soon as it is ready.
//!
//! Records are written by hand rather than by serde_json, which escapes strings one
//! byte at a time: the spans' text is most of every record, and a scan of sixteen
//! bytes at a time finds the few that need escaping. The keys and their order are
//! those of the serde types in `record.rs`, which the pretty format writes; a test
//! holds the two to the same bytes.

use super::{Rendered, Sink};
use crate::record::{MentionRecord, QuoteRecord, Record, RemovedRecord, SpanRecord, SpeakerRecord};
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

/// `record` as one compact JSON object, byte for byte as `serde_json::to_vec` writes it.
pub fn render(record: &Record) -> Vec<u8> {
    let mut json = Json {
        out: Vec::with_capacity(size_hint(record)),
    };
    json.record(record);
    json.out
}

/// About the length of `record`'s JSON, so that its buffer is sized once: the texts
/// it quotes, which are most of it, and room for the keys and offsets of each piece.
fn size_hint(r: &Record) -> usize {
    const PER_PIECE: usize = 64;
    let texts = |texts: &mut dyn Iterator<Item = &str>| -> usize {
        texts.map(|text| text.len() + PER_PIECE).sum()
    };
    let mut size = PER_PIECE * 4 + r.text.as_ref().map_or(0, String::len);
    if let Some(removed) = &r.removed {
        size += texts(&mut removed.iter().map(|piece| piece.text));
    }
    if let Some(sentences) = &r.sentences {
        size += texts(&mut sentences.iter().map(|piece| piece.text));
    }
    if let Some(quotes) = &r.quotes {
        // a quote's speaker and cue are pieces of their own
        size += texts(&mut quotes.iter().map(|quote| quote.text)) + quotes.len() * PER_PIECE * 2;
    }
    if let Some(speakers) = &r.speakers {
        size += speakers
            .iter()
            .map(|s| (s.mentions.len() + 1) * PER_PIECE)
            .sum::<usize>();
    }
    size
}

/// A compact JSON text being written.
struct Json {
    out: Vec<u8>,
}

impl Json {
    fn record(&mut self, r: &Record) {
        self.out.extend_from_slice(b"{\"schema\":");
        self.str(r.schema);
        if let Some(id) = &r.id {
            self.key("id");
            self.str(id);
        }
        self.key("source");
        self.str(&r.source);
        for (name, span) in [
            ("title", &r.title),
            ("byline", &r.byline),
            ("dateline", &r.dateline),
        ] {
            if let Some(span) = span {
                self.key(name);
                self.option(span.as_ref(), Json::span);
            }
        }
        if let Some(text) = &r.text {
            self.key("text");
            self.str(text);
        }
        self.list_field("removed", r.removed.as_deref(), Json::removed);
        self.list_field("sentences", r.sentences.as_deref(), Json::span);
        self.list_field("quotes", r.quotes.as_deref(), Json::quote);
        self.list_field("speakers", r.speakers.as_deref(), Json::speaker);
        self.key("warnings");
        self.list(&r.warnings, |json, warning| json.str(warning));
        self.out.push(b'}');
    }

    fn span(&mut self, s: &SpanRecord) {
        self.open_with_text(s.text);
        self.offsets(s.start, s.end);
        self.out.push(b'}');
    }

    fn removed(&mut self, r: &RemovedRecord) {
        self.open_with_text(r.text);
        self.key("reason");
        self.str(r.reason);
        self.offsets(r.start, r.end);
        self.out.push(b'}');
    }

    fn quote(&mut self, q: &QuoteRecord) {
        self.open_with_text(q.text);
        self.offsets(q.start, q.end);
        self.key("kind");
        self.str(q.kind);
        self.key("speaker");
        self.option(q.speaker.as_ref(), Json::mention);
        self.key("cue");
        self.option(q.cue.as_ref(), Json::span);
        self.out.push(b'}');
    }

    fn mention(&mut self, m: &MentionRecord) {
        self.open_with_text(m.text);
        self.key("name");
        self.option(m.name.as_ref(), |json, name| json.str(name));
        self.offsets(m.start, m.end);
        self.key("via");
        self.str(m.via);
        self.out.push(b'}');
    }

    fn speaker(&mut self, s: &SpeakerRecord) {
        self.out.extend_from_slice(b"{\"name\":");
        self.str(&s.name);
        self.key("mentions");
        self.list(&s.mentions, Json::span);
        self.key("quotes");
        self.list(&s.quotes, |json, &n| json.number(n));
        self.out.push(b'}');
    }

    /// `,"start":START,"end":END`.
    fn offsets(&mut self, start: usize, end: usize) {
        self.key("start");
        self.number(start);
        self.key("end");
        self.number(end);
    }

    /// A comma and `"name":`, for every field but an object's first (names need no
    /// escaping).
    /// `{"text":"…"`: every piece of a record opens with the text it spans.
    fn open_with_text(&mut self, text: &str) {
        self.out.extend_from_slice(b"{\"text\":");
        self.str(text);
    }

    fn key(&mut self, name: &str) {
        self.out.extend_from_slice(b",\"");
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b"\":");
    }

    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Json, &T)) {
        self.out.push(b'[');
        for (i, value) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            item(self, value);
        }
        self.out.push(b']');
    }

    /// `"name":[…]` when the record has the list: a mode leaves out the lists it
    /// does not produce.
    fn list_field<T>(&mut self, name: &str, items: Option<&[T]>, item: impl FnMut(&mut Json, &T)) {
        if let Some(items) = items {
            self.key(name);
            self.list(items, item);
        }
    }

    fn option<T>(&mut self, value: Option<T>, write: impl FnOnce(&mut Json, T)) {
        match value {
            Some(value) => write(self, value),
            None => self.out.extend_from_slice(b"null"),
        }
    }

    /// `n` in decimal, two digits at a time from a table of the hundred pairs.
    fn number(&mut self, n: usize) {
        static PAIRS: [[u8; 2]; 100] = {
            let mut pairs = [[0; 2]; 100];
            let mut k = 0;
            while k < 100 {
                pairs[k] = [b'0' + (k / 10) as u8, b'0' + (k % 10) as u8];
                k += 1;
            }
            pairs
        };
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = n;
        while rest >= 100 {
            at -= 2;
            digits[at..at + 2].copy_from_slice(&PAIRS[rest % 100]);
            rest /= 100;
        }
        if rest >= 10 {
            at -= 2;
            digits[at..at + 2].copy_from_slice(&PAIRS[rest]);
        } else {
            at -= 1;
            digits[at] = b'0' + rest as u8;
        }
        self.out.extend_from_slice(&digits[at..]);
    }

    /// `s` as a JSON string, escaped as serde_json escapes it: quote, backslash and
    /// control characters only, the common ones by letter.
    fn str(&mut self, s: &str) {
        self.out.push(b'"');
        let bytes = s.as_bytes();
        let mut from = 0;
        while let Some(at) = next_escape(bytes, from) {
            self.out.extend_from_slice(&bytes[from..at]);
            self.escape(bytes[at]);
            from = at + 1;
        }
        self.out.extend_from_slice(&bytes[from..]);
        self.out.push(b'"');
    }

    fn escape(&mut self, byte: u8) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let short = match byte {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            b'\t' => b't',
            b'\n' => b'n',
            0x0c => b'f',
            b'\r' => b'r',
            _ => {
                let hex = [HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0xf)]];
                self.out.extend_from_slice(b"\\u00");
                self.out.extend_from_slice(&hex);
                return;
            }
        };
        self.out.extend_from_slice(&[b'\\', short]);
    }
}

/// Whether JSON needs `byte` escaped in a string.
fn needs_escape(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

/// The place of the first byte from `from` on that JSON needs escaped, read sixteen
/// bytes at a time.
fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..).unwrap_or_default();
    crate::byte_scan::first(rest, needs_escape).map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyze};
    use crate::config::{Mode, Offsets};
    use crate::record::{Origin, build};

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 99, 100, 101, 999, 1000, 123_456, usize::MAX] {
            let mut json = Json { out: Vec::new() };
            json.number(n);
            assert_eq!(String::from_utf8(json.out).unwrap(), n.to_string());
        }
    }

    proptest::proptest! {
        /// Strings are escaped as serde_json escapes them, wherever the bytes to
        /// escape fall among the eight tested at once.
        #[test]
        fn strings_are_escaped_as_serde_json_escapes_them(s in "[a\"\\\\\u{0}-\u{1f}\u{7f}é“\u{2028}]{0,40}") {
            let mut json = Json { out: Vec::new() };
            json.str(&s);
            proptest::prop_assert_eq!(json.out, serde_json::to_vec(&s).unwrap());
        }
    }

    #[test]
    fn records_are_written_as_serde_json_writes_them() {
        let fixtures = std::fs::read_dir("fixtures").unwrap();
        let mut texts: Vec<String> = fixtures
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "txt"))
            .map(|path| std::fs::read_to_string(path).unwrap())
            .collect();
        texts.push("Tab\there, \"quoted\" \\ back\u{1}slash\r\n\r\nOther \u{7f} text.".into());
        for text in &texts {
            let analysis = analyze(text, &Options::default());
            let warnings = ["a \"warning\"".to_string()];
            for (id, warnings) in [(None, &[][..]), (Some("7"), &warnings[..])] {
                let origin = Origin {
                    source: "in\\put",
                    id,
                    warnings,
                };
                for mode in [Mode::Analyze, Mode::Clean, Mode::Sentences, Mode::Quotes] {
                    for offsets in [Offsets::Byte, Offsets::Char] {
                        let record = build(mode, origin, text, &analysis, offsets);
                        let want = serde_json::to_vec(&record).unwrap();
                        assert_eq!(
                            String::from_utf8(render(&record)).unwrap(),
                            String::from_utf8(want).unwrap()
                        );
                    }
                }
            }
        }
    }
}
