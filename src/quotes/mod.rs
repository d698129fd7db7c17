//! Quotations and their speakers: finds quoted text, tells speech from scare quotes,
//! and attributes each quotation to a speaker through a cue word, a pronoun, the
//! headline form or continuation.

use crate::span::Span;
use serde::Serialize;

/// What kind of quotation a quote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A full statement: the quote is its own sentence, or is introduced by a colon.
    Direct,
    /// A fragment inside the narrator's sentence.
    Partial,
    /// A quotation in the headline.
    Headline,
}

/// How a quote's speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Via {
    /// A speech verb next to the quote ("said", "told").
    Cue,
    /// "according to X".
    AccordingTo,
    /// A pronoun resolved to an earlier speaker.
    Pronoun,
    /// A surname linked to a full name given earlier.
    Alias,
    /// No cue of its own: the same speaker as the quote before it.
    Continuation,
    /// The headline form `Name: 'quote'`.
    Headline,
}

/// Who said a quote: the mention as written and the name it resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The mention in the input ("Mr Lavrov", "He").
    pub span: Span,
    /// The canonical name ("Lavrov"), or `None` when a pronoun cannot be resolved.
    pub name: Option<String>,
    /// How the speaker was found.
    pub via: Via,
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// Direct, partial or headline.
    pub kind: Kind,
    /// Who said it, when the text says.
    pub speaker: Option<Mention>,
    /// The speech verb that attributes it ("said", "according to").
    pub cue: Option<Span>,
}

/// One speaker of an article and everything attributed to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The canonical name.
    pub name: String,
    /// Every distinct mention of the speaker that attributes a quote, in order.
    pub mentions: Vec<Span>,
    /// Indexes into the article's quotes.
    pub quotes: Vec<usize>,
}

/// The quotations of an article and its speaker table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quotations {
    /// Every quotation, in order of appearance.
    pub quotes: Vec<Quote>,
    /// One entry per resolved speaker, in order of first quote.
    pub speakers: Vec<Speaker>,
}

/// Finds the quotations in the title and body paragraphs of `text`.
/// `sentences` are the sentence spans of those same regions, in order.
pub fn find(text: &str, title: Option<Span>, body: &[Span], sentences: &[Span]) -> Quotations {
    let _ = (text, title, body, sentences);
    Quotations::default()
}
