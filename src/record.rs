//! The wire format (schema copydesk/1): serde types separate from the engine's, whose
//! field order is the JSON key order. Every span's `text` is the input sliced at the
//! span, never rebuilt; offsets are bytes or, on request, chars.

use crate::analysis::{self, Analysis};
use crate::clean::Reason;
use crate::config::{Mode, Offsets};
use crate::quotes::{Kind, Via};
use crate::span::Span;
use serde::Serialize;

/// The schema name every result carries.
pub const SCHEMA: &str = "copydesk/1";

/// One result: everything found in one document, limited to the subcommand's fields.
#[derive(Debug, Clone, Serialize)]
pub struct Record<'a> {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// The jsonl record's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The input path, `<stdin>`, or the jsonl id.
    pub source: String,
    /// The headline; `Some(None)` is written as `null`, `None` is omitted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Option<SpanRecord<'a>>>,
    /// Who wrote the article ("By Jane Doe"); written like `title`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<Option<SpanRecord<'a>>>,
    /// Where and when it was published; written like `title`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Option<SpanRecord<'a>>>,
    /// The cleaned body text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// What cleaning removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removed: Option<Vec<RemovedRecord<'a>>>,
    /// The sentences.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentences: Option<Vec<SpanRecord<'a>>>,
    /// The quotes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quotes: Option<Vec<QuoteRecord<'a>>>,
    /// The speakers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speakers: Option<Vec<SpeakerRecord<'a>>>,
    /// Problems found while building the result.
    pub warnings: Vec<String>,
}

/// A piece of the input.
#[derive(Debug, Clone, Serialize)]
pub struct SpanRecord<'a> {
    /// The input at `start..end`.
    pub text: &'a str,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
}

/// A removed piece of the input.
#[derive(Debug, Clone, Serialize)]
pub struct RemovedRecord<'a> {
    /// The input at `start..end`.
    pub text: &'a str,
    /// Why it was removed (`caption`, `promo`, ...).
    pub reason: &'static str,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
}

/// A quotation.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteRecord<'a> {
    /// The quoted words, without the marks.
    pub text: &'a str,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// `direct`, `partial` or `headline`.
    pub kind: &'static str,
    /// Who said it, when known.
    pub speaker: Option<MentionRecord<'a>>,
    /// The speech verb that attributes it.
    pub cue: Option<SpanRecord<'a>>,
}

/// A speaker mention attached to a quote.
#[derive(Debug, Clone, Serialize)]
pub struct MentionRecord<'a> {
    /// The mention as written.
    pub text: &'a str,
    /// The resolved name, or null.
    pub name: Option<String>,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// How the speaker was found.
    pub via: &'static str,
}

/// A speaker and what is attributed to them.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerRecord<'a> {
    /// The canonical name.
    pub name: String,
    /// Mentions that attribute a quote.
    pub mentions: Vec<SpanRecord<'a>>,
    /// Indexes into `quotes`.
    pub quotes: Vec<usize>,
}

/// The wire name of a quote kind.
pub fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Direct => "direct",
        Kind::Partial => "partial",
        Kind::Headline => "headline",
    }
}

/// The wire name of how a speaker was found.
pub fn via_name(via: Via) -> &'static str {
    match via {
        Via::Cue => "cue",
        Via::AccordingTo => "according-to",
        Via::Pronoun => "pronoun",
        Via::Alias => "alias",
        Via::Continuation => "continuation",
        Via::Headline => "headline",
    }
}

fn reason_name(reason: Reason) -> &'static str {
    reason.name()
}

/// Maps byte offsets of one document to the requested unit, with an index built in
/// one pass over the document (only when chars are asked for and the text is not
/// ASCII).
#[derive(Debug, Clone)]
pub struct OffsetMap {
    chars: Option<Vec<usize>>,
}

impl OffsetMap {
    /// The map for `text` in `unit`.
    pub fn new(text: &str, unit: Offsets) -> OffsetMap {
        if unit == Offsets::Byte || text.is_ascii() {
            return OffsetMap { chars: None };
        }
        let mut index = vec![0; text.len() + 1];
        let mut count = 0;
        for (byte, _) in text.char_indices() {
            index[byte] = count;
            count += 1;
        }
        index[text.len()] = count;
        OffsetMap { chars: Some(index) }
    }

    /// The offset of byte `byte` in the map's unit.
    pub fn map(&self, byte: usize) -> usize {
        match &self.chars {
            None => byte,
            Some(index) => index.get(byte).copied().unwrap_or(byte),
        }
    }
}

/// Builds records for one document.
struct Builder<'a> {
    text: &'a str,
    offsets: OffsetMap,
    warnings: Vec<String>,
}

impl<'a> Builder<'a> {
    /// The text and converted offsets of `span`; a span the engine got wrong becomes
    /// an empty text and a warning, never a panic.
    fn span(&mut self, span: Span) -> (&'a str, usize, usize) {
        let text = match self.text.get(span.start..span.end) {
            Some(text) => text,
            None => {
                self.warnings.push(format!(
                    "span {}..{} is not valid in this input",
                    span.start, span.end
                ));
                ""
            }
        };
        (
            text,
            self.offsets.map(span.start),
            self.offsets.map(span.end),
        )
    }

    fn plain(&mut self, span: Span) -> SpanRecord<'a> {
        let (text, start, end) = self.span(span);
        SpanRecord { text, start, end }
    }
}

/// What one document is and where it came from.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'s> {
    /// The `source` field.
    pub source: &'s str,
    /// The `id` field (jsonl records only).
    pub id: Option<&'s str>,
    /// What reading the input had to say (e.g. a decoding fallback).
    pub warnings: &'s [String],
}

/// The stand-in for an input that could not be analyzed (`--on-error record`).
#[derive(Debug, Clone, Serialize)]
pub struct ErrorRecord<'a> {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// The input path, `<stdin>`, the jsonl id, or `SOURCE:LINE`.
    pub source: &'a str,
    /// The jsonl record's id, when it could be read; `null` otherwise.
    pub id: Option<&'a str>,
    /// What went wrong, naming the input.
    pub error: &'a str,
}

/// The record of `analysis` of `text` for `mode`.
pub fn build<'a>(
    mode: Mode,
    origin: Origin<'_>,
    text: &'a str,
    analysis: &Analysis,
    offsets: Offsets,
) -> Record<'a> {
    let mut b = Builder {
        text,
        offsets: OffsetMap::new(text, offsets),
        warnings: origin.warnings.to_vec(),
    };
    let cleaning = matches!(mode, Mode::Analyze | Mode::Clean);
    let sentences = matches!(mode, Mode::Analyze | Mode::Sentences);
    let quoting = matches!(mode, Mode::Analyze | Mode::Quotes);
    let cleaned = &analysis.cleaned;

    let title = cleaning.then(|| cleaned.title.map(|span| b.plain(span)));
    let byline = cleaning.then(|| cleaned.byline.map(|span| b.plain(span)));
    let dateline = cleaning.then(|| cleaned.dateline.map(|span| b.plain(span)));
    let body = cleaning.then(|| analysis::body_text(text, cleaned));
    let removed = cleaning.then(|| {
        cleaned
            .removed
            .iter()
            .map(|r| {
                let (text, start, end) = b.span(r.span);
                RemovedRecord {
                    text,
                    reason: reason_name(r.reason),
                    start,
                    end,
                }
            })
            .collect()
    });
    let sentence_records =
        sentences.then(|| analysis.sentences.iter().map(|&s| b.plain(s)).collect());
    let quotations = &analysis.quotations;
    let quotes = quoting.then(|| {
        quotations
            .quotes
            .iter()
            .map(|q| {
                let (qtext, start, end) = b.span(q.span);
                let speaker = q.speaker.as_ref().map(|m| {
                    let (text, start, end) = b.span(m.span);
                    MentionRecord {
                        text,
                        name: m.name.clone(),
                        start,
                        end,
                        via: via_name(m.via),
                    }
                });
                QuoteRecord {
                    text: qtext,
                    start,
                    end,
                    kind: kind_name(q.kind),
                    speaker,
                    cue: q.cue.map(|c| b.plain(c)),
                }
            })
            .collect()
    });
    let speakers = quoting.then(|| {
        quotations
            .speakers
            .iter()
            .map(|s| SpeakerRecord {
                name: s.name.clone(),
                mentions: s.mentions.iter().map(|&m| b.plain(m)).collect(),
                quotes: s.quotes.clone(),
            })
            .collect()
    });
    Record {
        schema: SCHEMA,
        id: origin.id.map(str::to_string),
        source: origin.source.to_string(),
        title,
        byline,
        dateline,
        text: body,
        removed,
        sentences: sentence_records,
        quotes,
        speakers,
        warnings: b.warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets() {
        let text = "aé“b”";
        let map = OffsetMap::new(text, Offsets::Char);
        let table = [(0, 0), (1, 1), (3, 2), (6, 3), (7, 4), (10, 5)];
        for (byte, char) in table {
            assert_eq!(map.map(byte), char, "byte {byte}");
        }
        assert_eq!(OffsetMap::new(text, Offsets::Byte).map(6), 6);
    }

    #[test]
    fn fields_per_mode() {
        let text = "Council backs the plan today\n\nThe council voted on Monday. It passed.\n";
        let analysis = analysis::analyze(text, &analysis::Options::default());
        let origin = Origin {
            source: "x",
            id: None,
            warnings: &[],
        };
        let keys = |mode| {
            let record = build(mode, origin, text, &analysis, Offsets::Byte);
            let value = serde_json::to_value(&record).unwrap();
            let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
            keys.sort();
            keys.join(",")
        };
        assert_eq!(
            keys(Mode::Clean),
            "byline,dateline,removed,schema,source,text,title,warnings"
        );
        assert_eq!(keys(Mode::Sentences), "schema,sentences,source,warnings");
        assert_eq!(keys(Mode::Quotes), "quotes,schema,source,speakers,warnings");
        assert_eq!(
            keys(Mode::Analyze),
            "byline,dateline,quotes,removed,schema,sentences,source,speakers,text,title,warnings"
        );
    }
}
