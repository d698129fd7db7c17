//! Sentence segmentation, news-grade: one pass over each paragraph that stops at
//! terminal marks, list markers and bullets, and decides from the words on either
//! side whether a sentence ends there.
//!
//! The Unicode sentence rules (UAX #29) split after every "Mr." and "U.S."; this
//! splitter reads the abbreviation tables in `rules/` instead, and never splits at a
//! paragraph's line breaks (a paragraph boundary always ends a sentence). Work is
//! linear in the paragraph: every look around a mark is bounded.

mod decide;
mod glued;
mod lists;
mod marks;
mod words;

use crate::span::Span;
use lists::Marker;

/// Appends the sentences of the region `span` of `text` (one paragraph) to `out`.
pub fn split_into(text: &str, span: Span, out: &mut Vec<Span>) {
    let mut splitter = Splitter {
        text,
        region: span,
        out,
        start: span.start,
        marker_end: span.start,
        expected: None,
        quotes: marks::QuoteCounter::new(span.start),
    };
    splitter.run();
}

/// Bytes that may start something the splitter stops at: terminal marks, the
/// closing bracket of a list marker, and the lead byte of "…" and the bullets.
static STOPS: [bool; 256] = {
    let mut table = [false; 256];
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[b')' as usize] = true;
    table[0xE2] = true;
    table
};

/// The state of one pass over a paragraph.
struct Splitter<'t, 'o> {
    text: &'t str,
    region: Span,
    out: &'o mut Vec<Span>,
    /// Where the current sentence starts.
    start: usize,
    /// The end of the list marker that opens the current sentence (or its start).
    marker_end: usize,
    /// The marker that would open the next item of a list run together on one line.
    expected: Option<Marker>,
    /// Straight quotation marks seen so far.
    quotes: marks::QuoteCounter,
}

impl Splitter<'_, '_> {
    fn run(&mut self) {
        self.begin(self.region.start);
        let bytes = self.text.as_bytes();
        let mut at = self.region.start;
        while at < self.region.end {
            if !STOPS[usize::from(bytes[at])] {
                at += 1;
                continue;
            }
            at = match bytes[at] {
                b')' => self.at_paren(at),
                0xE2 => self.at_symbol(at),
                _ => self.at_mark(at),
            };
        }
        self.cut(self.region.end);
    }

    /// At a period, question or exclamation mark: returns where to read on.
    fn at_mark(&mut self, at: usize) -> usize {
        if at < self.marker_end {
            return at + 1;
        }
        if self.text.as_bytes()[at] == b'.' && self.list_item_at(at) {
            return at + 1;
        }
        if let Some(end) = marks::omission_end(self.text, at, self.region.end) {
            return end;
        }
        let open = self.quotes.open_at(self.text, at);
        let run = marks::run_at(self.text, at, self.region.end, open);
        let ends = match run.next {
            Some(_) => decide::ends_sentence(self.text, self.start, at, &run),
            None => {
                run.end < self.region.end
                    && run.kind == marks::Kind::Period
                    && run.end == at + 1
                    && glued::boundary(self.text, self.start, at)
            }
        };
        if ends {
            self.cut(run.end);
        }
        run.end.max(at + 1)
    }

    /// At a closing bracket: the marker of the next list item ("2)")?
    fn at_paren(&mut self, at: usize) -> usize {
        if at >= self.marker_end {
            self.list_item_at(at);
        }
        at + 1
    }

    /// At a byte that may start "…" or a bullet.
    fn at_symbol(&mut self, at: usize) -> usize {
        let Some(c) = self.text[at..self.region.end].chars().next() else {
            return at + 1;
        };
        if c == '…' {
            return self.at_mark(at);
        }
        let after_space = self.text[..at].ends_with(char::is_whitespace);
        if lists::is_bullet(c) && after_space && at > self.marker_end {
            self.cut(at);
        }
        at + c.len_utf8()
    }

    /// Cuts before the next item's marker when its delimiter is at `at`.
    fn list_item_at(&mut self, at: usize) -> bool {
        let Some(expected) = self.expected else {
            return false;
        };
        match lists::expected_before(self.text, self.start, at, expected) {
            Some(item) => {
                self.cut(item);
                true
            }
            None => false,
        }
    }

    /// Ends the current sentence at `end` and begins the next one there.
    fn cut(&mut self, end: usize) {
        let span = Span::new(self.start, end).trim(self.text);
        if !span.is_empty() {
            self.out.push(span);
        }
        self.begin(end);
    }

    /// Begins a sentence at `at`, noting a list marker that opens it.
    fn begin(&mut self, at: usize) {
        self.start = at;
        self.marker_end = at;
        let rest = &self.text[at..self.region.end];
        let first = self.region.end - rest.trim_start().len();
        let marker = lists::marker_at(self.text, first, self.region.end, self.expected);
        if let Some((marker, end)) = marker {
            self.marker_end = end;
            self.expected = Some(marker.next());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_into(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|s| s.slice(text)).collect()
    }

    /// (input, expected sentences, why the case exists)
    const CASES: &[(&str, &[&str], &str)] = &[
        (
            "This is a test. This is only a test.",
            &["This is a test.", "This is only a test."],
            "plain periods",
        ),
        (
            "Mr. Smith went to Washington. He stayed.",
            &["Mr. Smith went to Washington.", "He stayed."],
            "a title never ends a sentence",
        ),
        (
            "He lives in the U.S. The rest live abroad.",
            &["He lives in the U.S.", "The rest live abroad."],
            "an adjectival abbreviation before a sentence starter ends it",
        ),
        (
            "Talks with U.S. Government officials began.",
            &["Talks with U.S. Government officials began."],
            "an adjectival abbreviation before a name does not",
        ),
        (
            "U.S.-Russia relations are at a low point.",
            &["U.S.-Russia relations are at a low point."],
            "no white space after the period",
        ),
        (
            "The meeting ended at 6 p.m. Police said nothing.",
            &["The meeting ended at 6 p.m.", "Police said nothing."],
            "an ordinary abbreviation before a capitalised word ends it",
        ),
        (
            "At 5 a.m. Mr. Smith left the house.",
            &["At 5 a.m. Mr. Smith left the house."],
            "a fronted time phrase has no verb to end",
        ),
        (
            "Rome was founded in 753 B.C. The city grew.",
            &["Rome was founded in 753 B.C.", "The city grew."],
            "an era ends sentences",
        ),
        (
            "It starts at 6 p.m. Monday in the hall.",
            &["It starts at 6 p.m. Monday in the hall."],
            "unless the word continues the phrase",
        ),
        (
            "George W. Bush spoke first.",
            &["George W. Bush spoke first."],
            "middle initials",
        ),
        (
            "It was between you and I. Did it matter?",
            &["It was between you and I.", "Did it matter?"],
            "a capital letter before a sentence starter",
        ),
        (
            "The price rose 3.5 percent. Shares fell.",
            &["The price rose 3.5 percent.", "Shares fell."],
            "decimals",
        ),
        (
            "\"This is great.\" she said.",
            &["\"This is great.\" she said."],
            "a lower-case word after a closing quote continues",
        ),
        (
            "\"Are you sure?\" He nodded.",
            &["\"Are you sure?\"", "He nodded."],
            "the closing quote stays with its sentence",
        ),
        (
            "The end is near\". Then it came.",
            &["The end is near\".", "Then it came."],
            "a period after a closing quote",
        ),
        (
            "He waited... Then he left.",
            &["He waited...", "Then he left."],
            "an ellipsis before a capital",
        ),
        (
            "He waited... and waited.",
            &["He waited... and waited."],
            "an ellipsis before a lower-case word",
        ),
        (
            "She joined Yahoo! in 2005.",
            &["She joined Yahoo! in 2005."],
            "a mark inside a name",
        ),
        (
            "See e.g. Smith for more. Or not.",
            &["See e.g. Smith for more.", "Or not."],
            "inline Latin",
        ),
        (
            "It is No. 5 on the list.",
            &["It is No. 5 on the list."],
            "a reference before a number",
        ),
        ("1. Buy milk", &["1. Buy milk"], "a list marker"),
        (
            "Visit example.com for more.",
            &["Visit example.com for more."],
            "a domain name",
        ),
        (
            "He works at Apple Inc. The company agreed.",
            &["He works at Apple Inc.", "The company agreed."],
            "a company form at the end of a sentence",
        ),
        ("What?! No way.", &["What?!", "No way."], "repeated marks"),
        (
            "(He was an engineer.) Then he quit.",
            &["(He was an engineer.)", "Then he quit."],
            "a bracket after the period",
        ),
    ];

    #[test]
    fn table() {
        for (input, want, why) in CASES {
            assert_eq!(&split(input), want, "{why}: {input:?}");
        }
    }

    #[test]
    fn a_paragraph_end_always_ends_a_sentence() {
        assert_eq!(
            split("He said groups would improve U.S."),
            ["He said groups would improve U.S."]
        );
    }

    #[test]
    fn wrapped_lines_are_one_sentence() {
        assert_eq!(
            split("A sentence that runs\nover two lines."),
            ["A sentence that runs\nover two lines."]
        );
    }

    #[test]
    fn a_spaced_period_at_the_paragraph_start_has_no_word() {
        // found by tests/props.rs: reading the word before " ." must not cross the start
        assert_eq!(split(" . , é"), [". , é"]);
    }

    #[test]
    fn long_runs_of_marks_and_dots_finish() {
        let text = ".".repeat(100_000) + &" a.".repeat(10_000);
        let got = split(&text);
        assert!(!got.is_empty());
    }
}
