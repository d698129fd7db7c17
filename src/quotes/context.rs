//! The words around one quotation, as slices of its paragraph's tokens: before it
//! and after it in its sentence, the sentence that follows, and a colon
//! introduction closing the paragraph before. Each paragraph is tokenized once and
//! every window is capped, so the work per quotation is bounded however long the
//! paragraph and however many quotations it holds.

use super::Kind;
use super::marks::RawQuote;
use super::words::{Token, tokens};
use crate::span::Span;
use std::cell::{OnceCell, RefCell};
use std::collections::HashSet;

/// The most tokens read inside a quotation for a transcript's speaker label.
const LABEL_WINDOW: usize = 5;

/// The most words looked for one by one before every name of a text is gathered.
const MAX_NAMES_ASKED: usize = 16;

/// The most tokens a window reaches from its quotation; attributions are shorter.
const WINDOW: usize = 100;

/// The tokens of every region (title and paragraphs), each tokenized once, on
/// first need: paragraphs without quotations are never tokenized.
pub struct Tokens<'a> {
    text: &'a str,
    lowered: &'a str,
    spans: Vec<Span>,
    regions: Vec<OnceCell<Vec<Token<'a>>>>,
    /// Capitalised words written right after a word or a comma somewhere in the
    /// body: names, as opposed to words capitalised only to open a sentence.
    names_mid_sentence: OnceCell<HashSet<&'a str>>,
    /// The words asked about before those names were gathered, with the answers.
    asked: RefCell<Vec<(&'a str, bool)>>,
}

impl<'a> Tokens<'a> {
    /// The regions of `text`, to tokenize when asked for; `lowered` is `text` with
    /// its ASCII capitals lowered (see [`tokens`]).
    pub fn new(text: &'a str, lowered: &'a str, regions: &[Span]) -> Self {
        Tokens {
            text,
            lowered,
            spans: regions.to_vec(),
            regions: regions.iter().map(|_| OnceCell::new()).collect(),
            names_mid_sentence: OnceCell::new(),
            asked: RefCell::new(Vec::new()),
        }
    }

    /// True when `word` is capitalised somewhere mid-sentence in the body from
    /// region `first_body` on (`said Trump`, `Hillary Clinton`): a name, not just
    /// a sentence's first word ("Optimism", "Thirty"). The first few words asked
    /// are looked for in the body; past them, all its names are gathered at once,
    /// so the work stays linear however many are asked.
    pub fn capitalised_mid_sentence(&self, word: &'a str, first_body: usize) -> bool {
        let word = name_word(word);
        if let Some(names) = self.names_mid_sentence.get() {
            return names.contains(word);
        }
        let mut asked = self.asked.borrow_mut();
        if let Some(&(_, answer)) = asked.iter().find(|(w, _)| *w == word) {
            return answer;
        }
        let body = self
            .spans
            .get(first_body)
            .map_or(self.text.len(), |s| s.start);
        let bytes = self.text.as_bytes();
        // (a space after a word or a comma, then a capital)
        let mid_sentence = |at: usize| {
            at >= body + 2
                && bytes[at - 1] == b' '
                && (bytes[at - 2].is_ascii_alphanumeric() || bytes[at - 2] == b',')
        };
        if asked.len() == MAX_NAMES_ASKED {
            let names = (body..bytes.len())
                .filter(|&at| mid_sentence(at) && self.text[at..].starts_with(char::is_uppercase))
                .map(|at| name_word(&self.text[at..]))
                .collect::<HashSet<_>>();
            return self.names_mid_sentence.get_or_init(|| names).contains(word);
        }
        let answer = !word.is_empty()
            && memchr::memmem::find_iter(&bytes[body..], word.as_bytes())
                .map(|i| body + i)
                .any(|at| mid_sentence(at) && name_word(&self.text[at..]).len() == word.len());
        asked.push((word, answer));
        answer
    }

    /// The tokens of region `index`.
    pub fn region(&self, index: usize) -> &[Token<'a>] {
        self.regions[index].get_or_init(|| tokens(self.text, self.lowered, self.spans[index]))
    }

    /// The tokens of region `index`, or nothing past the last region.
    fn region_or_empty(&self, index: usize) -> &[Token<'a>] {
        if index < self.regions.len() {
            self.region(index)
        } else {
            &[]
        }
    }
}

/// The letters, digits and hyphens `text` starts with: a name as the text writes
/// it, without a possessive or a full stop ("Trump’s", "Oct.").
pub fn name_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(text.len());
    &text[..end]
}

/// Index of the first token starting at or after byte `at`.
fn index(tokens: &[Token], at: usize) -> usize {
    tokens.partition_point(|t| t.span.start < at)
}

/// The words around one quotation.
pub struct Context<'t, 'a> {
    /// From the sentence start (or the quotation before) to the opening mark.
    pub before: &'t [Token<'a>],
    /// The whole sentence before the quote, earlier quotations included.
    pub sentence_before: &'t [Token<'a>],
    /// The last sentence of the previous paragraph, when the quote opens its
    /// paragraph: read by [`Self::introduction`], tokenized only when asked for.
    introduction: OnceCell<&'t [Token<'a>]>,
    /// The previous paragraph (its index and span), when the quote opens its own.
    opened_after: Option<(usize, Span)>,
    sentences: &'t [Span],
    /// From the closing mark to the end of its sentence.
    pub after: &'t [Token<'a>],
    /// The sentence after the quotation's.
    pub next_sentence: &'t [Token<'a>],
    /// The next paragraph, when the quotation ends its own: where a credit line
    /// stands (`"…"` / `- Jane Doe, Springfield.`). Read by [`Self::next_paragraph`],
    /// so that it is tokenized only when asked for.
    following: Option<usize>,
    all: &'t Tokens<'a>,
    /// The start of the quotation's paragraph (for headlines).
    pub whole: &'t [Token<'a>],
    /// The first words inside the quotation (a transcript's `PENCE:` label).
    pub inside: &'t [Token<'a>],
    /// The sentence before the quotation's, in the same paragraph.
    pub previous_sentence: &'t [Token<'a>],
    /// The paragraph before the quotation's sentence, where a pronoun's
    /// antecedent may be introduced ("A spokeswoman said it would not appeal.").
    pub paragraph_before: &'t [Token<'a>],
    text: &'a str,
}

/// Where a quotation sits: its paragraph, the paragraph before, and the earliest
/// byte its attribution may start at (the end of the quotation before it, whose
/// words are not this one's).
pub struct Place {
    /// The quotation's paragraph.
    pub region: Span,
    /// The paragraph before it, if any.
    pub previous: Option<Span>,
    /// The earliest byte of the text before the quotation.
    pub floor: usize,
    /// True when only white space precedes the quotation in its paragraph.
    pub opens_region: bool,
}

impl<'t, 'a> Context<'t, 'a> {
    /// The windows around `raw`, a quotation at `place`.
    pub fn new(
        text: &'a str,
        all: &'t Tokens<'a>,
        raw: &RawQuote,
        place: &Place,
        sentences: &'t [Span],
    ) -> Self {
        let region = place.region;
        let toks = all.region(raw.region);
        let first = sentence_at(sentences, raw.outer.start, region);
        let last = sentence_at(
            sentences,
            raw.outer.end.saturating_sub(1).max(raw.outer.start),
            region,
        );
        let next = sentences
            .get(sentences.partition_point(|s| s.start < last.end))
            .filter(|s| region.contains(**s))
            .copied()
            .unwrap_or(Span::new(region.end, region.end));
        let previous_sentence = sentences
            .partition_point(|s| s.start < first.start)
            .checked_sub(1)
            .map(|i| sentences[i])
            .filter(|s| region.contains(*s) && s.end <= raw.outer.start)
            .unwrap_or(Span::new(region.start, region.start));
        let open = index(toks, raw.outer.start);
        let close = index(toks, raw.outer.end);
        let sentence_start = index(toks, first.start.min(raw.outer.start));
        let floor = index(toks, place.floor);
        let before_from =
            |from: usize| &toks[from.max(open.saturating_sub(WINDOW)).min(open)..open];
        let forward = |from: usize, to: usize| &toks[from..to.min(from + WINDOW).max(from)];
        Context {
            before: before_from(sentence_start.max(floor)),
            sentence_before: before_from(sentence_start),
            introduction: OnceCell::new(),
            opened_after: place
                .previous
                .filter(|_| place.opens_region)
                .map(|previous| (raw.region - 1, previous)),
            sentences,
            after: forward(close, index(toks, last.end.max(raw.outer.end))),
            next_sentence: forward(index(toks, next.start), index(toks, next.end)),
            following: toks[close..]
                .iter()
                .all(|t| !t.is_word())
                .then_some(raw.region + 1),
            all,
            whole: &toks[..toks.len().min(WINDOW)],
            inside: {
                let first = index(toks, raw.inner.start);
                &toks[first..close.min(first + LABEL_WINDOW).max(first)]
            },
            paragraph_before: &toks[sentence_start.saturating_sub(WINDOW)..sentence_start],
            previous_sentence: forward(
                index(toks, previous_sentence.start),
                index(toks, previous_sentence.end),
            ),
            text,
        }
    }

    /// The last sentence of the previous paragraph, when the quote opens its
    /// paragraph ("Smith said:", "Carter said the region mattered.").
    pub fn introduction(&self) -> &'t [Token<'a>] {
        self.introduction.get_or_init(|| {
            let Some((index_before, previous)) = self.opened_after else {
                return &[];
            };
            let prev = self.all.region(index_before);
            let sentence = sentence_at(self.sentences, previous.end - 1, previous);
            let end = prev.len();
            &prev[index(prev, sentence.start).max(end.saturating_sub(WINDOW))..end]
        })
    }

    /// True when the introduction ends with a colon.
    pub fn colon(&self) -> bool {
        self.introduction().last().is_some_and(|t| t.text == ":")
    }

    /// The start of the next paragraph, when the quotation ends its own.
    pub fn next_paragraph(&self) -> &'t [Token<'a>] {
        match self.following {
            Some(index) => {
                let following = self.all.region_or_empty(index);
                &following[..following.len().min(WINDOW)]
            }
            None => &[],
        }
    }

    /// Direct when the quote opens its sentence, follows a colon, or is a whole
    /// statement introduced by a cue (`said, "We will…"`); partial otherwise.
    pub fn kind(&self, raw: &RawQuote) -> Kind {
        let words_before = self.before.iter().any(Token::is_word);
        let last = self.before.last().map(|t| t.text);
        let inner = raw.inner.slice(self.text);
        // (a title after a comma, `in her column, "Notes From City Hall."`, is no statement)
        let statement = inner.starts_with(char::is_uppercase)
            && last == Some(",")
            && !super::is_title_case(inner);
        if !words_before
            || last == Some(":")
            || statement
            || !raw.closed
            || raw.continued_from_previous
        {
            Kind::Direct
        } else {
            Kind::Partial
        }
    }
}

/// The sentence holding byte `at`, or the whole region when none does.
fn sentence_at(sentences: &[Span], at: usize, region: Span) -> Span {
    let i = sentences.partition_point(|s| s.start <= at);
    i.checked_sub(1)
        .map(|i| sentences[i])
        .filter(|s| s.end > at && region.contains(*s))
        .unwrap_or(region)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_capitalised_mid_sentence_too() {
        let text = "Title Words\n\nOptimism rose. Lopez spoke, and Ana Ruiz said Lopez’s plan \
                    would work. Trump’s aides agreed.\n";
        let lowered = text.to_ascii_lowercase();
        let regions = [Span::new(0, 11), Span::new(13, text.len())];
        let cases = [
            ("Lopez", true),
            ("Lopez’s", true),
            ("Ruiz", true),
            ("Optimism", false),
            ("Trump", false),
            ("Words", false),
            ("Lo", false),
        ];
        let others: Vec<String> = (0..MAX_NAMES_ASKED).map(|i| format!("Absent{i}")).collect();
        let all = Tokens::new(text, &lowered, &regions);
        // asked one by one (twice: the second time from the answers kept)...
        for word in [cases, cases].iter().flatten() {
            assert_eq!(
                all.capitalised_mid_sentence(word.0, 1),
                word.1,
                "{}",
                word.0
            );
        }
        // ...then, past MAX_NAMES_ASKED, from all the names gathered at once
        for word in &others {
            assert!(!all.capitalised_mid_sentence(word, 1));
        }
        assert!(all.names_mid_sentence.get().is_some());
        for (word, want) in cases {
            assert_eq!(
                all.capitalised_mid_sentence(word, 1),
                want,
                "{word} from all names"
            );
        }
    }
}
