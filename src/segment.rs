//! Sentence segmentation, news-grade: a single pass over each paragraph that stops at
//! terminal marks and decides from the words on either side whether a sentence ends.
//!
//! The Unicode sentence rules (UAX #29) split after every "Mr." and "U.S."; this
//! splitter reads the abbreviation tables in `rules/` instead, and never splits at a
//! paragraph's line breaks (a paragraph boundary always ends a sentence).

use crate::rules::{ABBREVIATION_FOLLOWERS, ABBREVIATIONS, AbbrevClass, SENTENCE_STARTERS};
use crate::span::Span;

/// Marks that close a quotation or bracket and stay with the sentence they follow.
const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '}', '»', '›', '`'];
/// Marks that may open the next sentence before its first word.
const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '[', '{', '«', '‹', '„', '¿', '¡'];
/// How far back a word before a period is read: longer tokens are no abbreviation.
const MAX_WORD_BYTES: usize = 40;

/// Appends the sentences of the region `span` of `text` (one paragraph) to `out`.
pub fn split_into(text: &str, span: Span, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut start = span.start;
    let mut at = span.start;
    while at < span.end {
        let b = bytes[at];
        let is_ellipsis_char = b == 0xE2 && text[at..span.end].starts_with('…');
        if !(b == b'.' || b == b'!' || b == b'?' || is_ellipsis_char) {
            at += 1;
            continue;
        }
        let (end, next) = terminal_run(text, at, span.end);
        if next.is_some_and(|n| ends_sentence(text, span.start, start, at, end, n)) {
            push_trimmed(text, Span::new(start, end), out);
            start = end;
        }
        at = end.max(at + 1);
    }
    push_trimmed(text, Span::new(start, span.end), out);
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let span = span.trim(text);
    if !span.is_empty() {
        out.push(span);
    }
}

/// From a terminal mark at `at`: the end of the run of marks and closers after it,
/// and where the next word begins when white space follows (`None` otherwise).
fn terminal_run(text: &str, at: usize, limit: usize) -> (usize, Option<usize>) {
    let mut end = at;
    let rest = &text[at..limit];
    let mut chars = rest.char_indices().peekable();
    // the marks: . ! ? …, also spaced (". . .", "! ! !", "Bravo ! .")
    while let Some(&(i, c)) = chars.peek() {
        if matches!(c, '.' | '!' | '?' | '…') {
            end = at + i + c.len_utf8();
            chars.next();
        } else if matches!(c, ' ' | '\u{a0}')
            && rest[i + c.len_utf8()..].starts_with(['.', '!', '?', '…'])
        {
            chars.next();
        } else {
            break;
        }
    }
    // closing marks, and citations ("martyr.[1]", "gas. [1][2]")
    loop {
        let tail = &text[end..limit];
        let spaced = tail.trim_start_matches([' ', '\u{a0}']);
        if let Some(len) = citation_len(spaced) {
            end += tail.len() - spaced.len() + len;
        } else if tail.starts_with(CLOSERS) {
            end += tail.chars().next().map_or(1, char::len_utf8);
        } else {
            break;
        }
    }
    let after = &text[end..limit];
    if after.is_empty() {
        return (end, None);
    }
    if !after.starts_with(char::is_whitespace) {
        return (end, None);
    }
    let skipped = after.len() - after.trim_start().len();
    (end, Some(end + skipped))
}

/// The length of a citation mark like "[12]" at the start of `s`, if there is one.
fn citation_len(s: &str) -> Option<usize> {
    let inner = s.strip_prefix('[')?;
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && digits <= 3 && inner[digits..].starts_with(']')).then_some(digits + 2)
}

/// Does the run of marks `mark..end` end the sentence begun at `sentence_start`,
/// given that the next word begins at `next`?
fn ends_sentence(
    text: &str,
    paragraph_start: usize,
    sentence_start: usize,
    mark: usize,
    end: usize,
    next: usize,
) -> bool {
    let next_word = word_at(text, next);
    let Some(first) = next_word.chars().next() else {
        return true;
    };
    if first.is_lowercase() {
        return false;
    }
    let marks = &text[mark..end];
    if marks.contains(['!', '?']) {
        return true;
    }
    if marks.contains('…') || marks.starts_with("..") {
        return !first.is_numeric();
    }
    // tokenised text puts a space before the period ("Mr . Robinson")
    let word_end = if text[..mark].ends_with(' ') && !text[..mark - 1].ends_with(' ') {
        mark - 1
    } else {
        mark
    };
    let word = word_before(text, sentence_start.max(paragraph_start), word_end);
    if opens_with_time_phrase(&text[sentence_start..mark]) {
        return false;
    }
    period_ends_sentence(word, next_word, mark == paragraph_start + word.len())
}

/// Prepositions that open a fronted time phrase ("At 5 a.m. Mr. Smith left").
const TIME_PREPOSITIONS: &[&str] = &[
    "at", "by", "on", "in", "before", "after", "until", "since", "from",
];
/// The longest fronted phrase, in words, read as one.
const MAX_TIME_PHRASE_WORDS: usize = 6;

/// True when the sentence so far is a short phrase opened by a preposition and
/// holding a number: it has no verb yet, so an abbreviation ending it ends nothing.
fn opens_with_time_phrase(so_far: &str) -> bool {
    let mut words = so_far.split_whitespace();
    let first = words.next().unwrap_or("").to_lowercase();
    TIME_PREPOSITIONS.contains(&first.as_str())
        && so_far.split_whitespace().count() <= MAX_TIME_PHRASE_WORDS
        && so_far.contains(|c: char| c.is_ascii_digit())
}

/// The rules for a single period after `word`, before `next_word`.
fn period_ends_sentence(word: &str, next_word: &str, word_opens_paragraph: bool) -> bool {
    let next_lower = next_word.to_lowercase();
    let next_is_starter = SENTENCE_STARTERS.contains(next_lower.as_str());
    let next_is_number = next_word.starts_with(|c: char| c.is_ascii_digit());
    if word.is_empty() {
        return true;
    }
    if next_is_number {
        // "p. 42", "No. 1026", "[page. 42]": a number after a period continues
        return false;
    }
    if word.bytes().all(|b| b.is_ascii_digit()) {
        // "1." opening a paragraph is a list marker
        return !(word_opens_paragraph && word.len() <= 3);
    }
    let lower = word.to_lowercase();
    if let Some(class) = ABBREVIATIONS.get(lower.as_str()) {
        return match class {
            AbbrevClass::Title | AbbrevClass::Inline => false,
            AbbrevClass::Reference => true,
            AbbrevClass::Ordinary => !ABBREVIATION_FOLLOWERS.contains(next_lower.as_str()),
            AbbrevClass::Adjectival => next_is_starter,
        };
    }
    if is_initial(word) || is_dotted_acronym(word) {
        return next_is_starter;
    }
    true
}

/// A single capital letter: a name's initial ("George W. Bush").
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Letters separated by periods ("U.S", "J.R.R", "a.m"), the last period not included.
fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

/// The word that ends just before the period at `mark`, without opening marks.
fn word_before(text: &str, floor: usize, mark: usize) -> &str {
    if mark <= floor {
        return "";
    }
    let lower = mark.saturating_sub(MAX_WORD_BYTES).max(floor);
    let window = &text[floor_char_boundary(text, lower)..mark];
    let word = window
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(OPENERS);
    if window.len() == MAX_WORD_BYTES && word.len() == window.len() {
        return "";
    }
    word
}

/// The word that starts at `at` (after any opening marks).
fn word_at(text: &str, at: usize) -> &str {
    let rest = text[at..].trim_start_matches(OPENERS);
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .unwrap_or(rest.len());
    let word = &rest[..end];
    if word.is_empty() {
        // a word that starts with a symbol ("$5", "#1") counts as its first char
        return rest
            .get(..rest.chars().next().map_or(0, char::len_utf8))
            .unwrap_or("");
    }
    word
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
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
        assert_eq!(split(" . , é").concat(), "., é");
    }

    #[test]
    fn long_runs_of_marks_and_dots_finish() {
        let text = ".".repeat(100_000) + &" a.".repeat(10_000);
        let got = split(&text);
        assert!(!got.is_empty());
    }
}
