//! The whole pipeline for one document: layout, cleaning, segmentation and quotes,
//! each stage a pure function over the text, run only as far as the caller needs.

use crate::clean::{self, BoilerplateRules, Cleaned};
use crate::layout;
use crate::quotes::{self, Quotations};
use crate::segment;
use crate::span::Span;

/// Fewer bytes than a sentence of news text has on average, to size the list of
/// sentences before splitting.
const BYTES_PER_SENTENCE: usize = 64;

/// How far to run the pipeline, and with what rules.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// Skip cleaning: every paragraph is body text.
    pub keep_boilerplate: bool,
    /// Split into sentences (needed for quotes too).
    pub sentences: bool,
    /// Find quotations and speakers.
    pub quotes: bool,
    /// The boilerplate rules to clean with; `None` is the built-in set, compiled on
    /// first use so that runs which never clean never pay for it.
    pub rules: Option<&'a BoilerplateRules>,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            keep_boilerplate: false,
            sentences: true,
            quotes: true,
            rules: None,
        }
    }
}

/// Everything copydesk finds in one document, as spans into its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Title, kept body and removals.
    pub cleaned: Cleaned,
    /// Sentences of the title and the kept body, in order.
    pub sentences: Vec<Span>,
    /// Quotations and speakers.
    pub quotations: Quotations,
}

/// Runs the pipeline over `text` as far as `options` ask.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    let paragraphs = layout::paragraphs(text);
    let cleaned = if options.keep_boilerplate {
        clean::keep_all(text, &paragraphs)
    } else {
        let rules = match options.rules {
            Some(rules) => rules,
            None => BoilerplateRules::builtin(),
        };
        clean::clean(text, &paragraphs, rules)
    };
    let mut sentences = Vec::new();
    if options.sentences || options.quotes {
        // News sentences run well over this many bytes: room for all of them up
        // front spares the vector its growing.
        sentences.reserve(text.len() / BYTES_PER_SENTENCE);
        for &region in cleaned.title.iter().chain(&cleaned.body) {
            segment::split_into(text, region, &mut sentences);
        }
    }
    let quotations = if options.quotes {
        quotes::find(text, cleaned.title, &cleaned.body, &sentences)
    } else {
        Quotations::default()
    };
    Analysis {
        cleaned,
        sentences,
        quotations,
    }
}

/// The cleaned body as text: paragraphs unwrapped, separated by a blank line.
pub fn body_text(text: &str, cleaned: &Cleaned) -> String {
    let joined: usize = cleaned.body.iter().map(|span| span.len() + 2).sum();
    let mut out = String::with_capacity(joined);
    for (i, span) in cleaned.body.iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        out.push_str(&layout::unwrap_lines(span.slice(text)));
    }
    out
}
