//! Words and punctuation of a stretch of text, as spans: what the attribution
//! patterns match against.

use crate::span::Span;

/// One token: a word (letters, digits and the marks inside words) or one punctuation char.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// Where it is in the input.
    pub span: Span,
    /// Its text.
    pub text: &'a str,
    /// Its text in lower case, when lowering its ASCII capitals is all folding does
    /// (nearly every word of English news): the same bytes of the text lowered once
    /// for all its tokens. The word lists are asked about every token, many times
    /// over, and this spares each question a new string.
    lower: Option<&'a str>,
}

/// Up to [`Inline::CAPACITY`] bytes of lower-case text, kept without a heap string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Inline {
    bytes: [u8; Inline::CAPACITY],
    len: u8,
}

/// True when `text` is in lower case once its ASCII capitals are: each character is
/// ASCII or general punctuation (the curly apostrophe of "Trump’s").
fn folds_bytewise(text: &str) -> bool {
    text.is_ascii()
        || text
            .chars()
            .all(|c| c.is_ascii() || is_general_punctuation(c))
}

/// U+2000–U+206F: the curly quotes, dashes and spaces of news text, none of them a
/// letter, a digit or a character with case.
fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

impl Inline {
    const CAPACITY: usize = 22;

    fn as_str(&self) -> &str {
        // (only ever filled from a `str` with its ASCII capitals lowered, which
        // leaves it UTF-8)
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }

    /// `text` in lower case, when it fits and lowering its ASCII capitals is all
    /// folding does.
    fn of(text: &str) -> Option<Inline> {
        if text.len() > Inline::CAPACITY || !folds_bytewise(text) {
            return None;
        }
        let mut bytes = [0; Inline::CAPACITY];
        for (to, from) in bytes.iter_mut().zip(text.bytes()) {
            *to = from.to_ascii_lowercase();
        }
        Some(Inline {
            bytes,
            len: text.len() as u8,
        })
    }
}

impl<'a> Token<'a> {
    /// The token `text` at `span`; `lowered` is the same bytes with ASCII capitals
    /// lowered.
    pub fn new(span: Span, text: &'a str, lowered: &'a str) -> Self {
        Token {
            span,
            text,
            lower: folds_bytewise(text).then_some(lowered),
        }
    }

    /// True for a word, false for punctuation.
    pub fn is_word(&self) -> bool {
        self.text.starts_with(char::is_alphanumeric)
    }

    /// True when the word starts with a capital letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.starts_with(char::is_uppercase)
    }

    /// The text in lower case, for looking up word lists.
    pub fn lower(&self) -> Lower<'a> {
        Lower(match self.lower {
            Some(lower) => Repr::Borrowed(lower),
            None => Repr::Owned(self.text.to_lowercase()),
        })
    }
}

/// A text in lower case, for looking up word lists: borrowed when it has no
/// capitals, and without a heap string when short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lower<'t>(Repr<'t>);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Repr<'t> {
    Borrowed(&'t str),
    Inline(Inline),
    Owned(String),
}

impl<'t> Lower<'t> {
    /// `text` in lower case.
    pub fn of(text: &'t str) -> Self {
        let has_capitals = || text.bytes().any(|b| b.is_ascii_uppercase());
        Lower(if !has_capitals() && folds_bytewise(text) {
            Repr::Borrowed(text)
        } else if let Some(inline) = Inline::of(text) {
            Repr::Inline(inline)
        } else {
            Repr::Owned(text.to_lowercase())
        })
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Borrowed(text) => text,
            Repr::Inline(inline) => inline.as_str(),
            Repr::Owned(text) => text,
        }
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

fn is_word_char(c: char) -> bool {
    // (curly quotes, dashes and the other general punctuation, common in news, are
    // no letters: told without a look-up in the Unicode tables)
    !is_general_punctuation(c) && c.is_alphanumeric()
}

/// Marks that may sit inside a word ("U.S.", "al-Nusra", "Russia's", "9/11").
fn joins_word(c: char) -> bool {
    matches!(c, '.' | '-' | '\'' | '’' | '&' | '/')
}

/// UTF-8 read as Latin-1 turns "ç" into "Ã§": the symbol after the "Ã" (or "Â")
/// is the rest of a letter, and the word goes on ("FranÃ§ois").
fn is_mojibake_tail(previous: char, c: char) -> bool {
    matches!(previous, 'Ã' | 'Â') && ('\u{80}'..='\u{BF}').contains(&c)
}

/// The tokens of `span` in `text`, in order; `lowered` is `text` with its ASCII
/// capitals lowered, byte for byte (`str::to_ascii_lowercase`), whose slices are the
/// tokens' lower case.
pub fn tokens<'a>(text: &'a str, lowered: &'a str, span: Span) -> Vec<Token<'a>> {
    let slice = span.slice(text);
    let lowered = span.slice(lowered);
    let bytes = slice.as_bytes();
    let mut out = Vec::with_capacity(slice.len() / 5);
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        // (ASCII white space, told without decoding a character)
        if matches!(b, b'\t'..=b'\r' | b' ') {
            at += 1;
            continue;
        }
        let Some(c) = char_at(slice, at) else { break };
        let start = at;
        at += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        let mut ascii = c.is_ascii();
        if is_word_char(c) {
            (at, ascii) = word_end(slice, lowered, start, at, c);
        }
        let text = &slice[start..at];
        out.push(Token {
            span: Span::new(span.start + start, span.start + at),
            text,
            lower: (ascii || folds_bytewise(text)).then_some(&lowered[start..at]),
        });
    }
    out
}

/// The tokens of all `text`, for tests: its lowered copy lives as long as the test.
#[cfg(test)]
pub fn all_tokens(text: &str) -> Vec<Token<'_>> {
    let lowered: &str = Box::leak(text.to_ascii_lowercase().into_boxed_str());
    tokens(text, lowered, Span::new(0, text.len()))
}

/// Where the word starting at byte `start` of `slice` ends, its first character
/// `first` read up to `at`, and whether it is all ASCII; `lowered` is `slice` with
/// its ASCII capitals lowered.
fn word_end(slice: &str, lowered: &str, start: usize, mut at: usize, first: char) -> (usize, bool) {
    let bytes = slice.as_bytes();
    let mut last = first;
    let mut ascii = first.is_ascii();
    loop {
        // a run of ASCII letters and digits, the bulk of every word
        let run = ascii_alphanumeric_run(&bytes[at..]);
        if run > 0 {
            at += run;
            last = char::from(bytes[at - 1]);
        }
        let Some(d) = char_at(slice, at) else {
            return (at, ascii);
        };
        let next = at + d.len_utf8();
        let inside = (joins_word(d) || is_mojibake_tail(last, d))
            && char_at(slice, next).is_some_and(is_word_char);
        // a final period stays on one-letter words and known dotted forms ("U.S.", "Mr.")
        let final_period = d == '.' && ends_abbreviation(&slice[start..at], &lowered[start..at]);
        if is_word_char(d) || inside || final_period {
            at = next;
            last = d;
            ascii &= d.is_ascii();
        } else {
            return (at, ascii);
        }
    }
}

/// How many ASCII letters and digits `bytes` opens with, read eight at a time.
fn ascii_alphanumeric_run(bytes: &[u8]) -> usize {
    use crate::byte_scan::{HIGHS, within};
    let others =
        |w: u64| !(within(w, b'0', b'9') | within(w, b'A', b'Z') | within(w, b'a', b'z')) & HIGHS;
    crate::byte_scan::position(bytes, others, |b| !b.is_ascii_alphanumeric()).unwrap_or(bytes.len())
}

/// The character at byte `at` of `text`, read straight from the byte when it is
/// ASCII (nearly always, in English news).
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(at..)?.chars().next(),
        None => None,
    }
}

/// Words whose period belongs to them: titles, dotted initials, and capitalised
/// abbreviations ("Jr.", "Fla."), so that "Tampa, Fla., who…" reads on. `lower` is
/// `word` with its ASCII capitals lowered: enough for the lists, whose words have
/// no other capitals.
fn ends_abbreviation(word: &str, lower: &str) -> bool {
    // (bytes, not `str` searches: this asks about every word before a period)
    let mut chars = word.chars();
    if chars.next().is_some() && chars.next().is_none() || word.as_bytes().contains(&b'.') {
        return true;
    }
    // a party and state ("R-Ky.", "D-Calif.") ends with the state's abbreviation
    if let Some(dash) = word.bytes().rposition(|b| b == b'-') {
        let last = &word[dash + 1..];
        if last.starts_with(char::is_uppercase) && ends_abbreviation(last, &lower[dash + 1..]) {
            return true;
        }
    }
    crate::rules::SPEAKER_TITLES.contains(lower)
        || match crate::rules::ABBREVIATIONS.get(lower) {
            Some(crate::rules::AbbrevClass::Title) => true,
            Some(_) => word.starts_with(char::is_uppercase),
            None => false,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        all_tokens(text).iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_keep_inner_marks_and_title_periods() {
        assert_eq!(
            words("Mr. Smith's al-Nusra U.S. said, \"fine.\""),
            [
                "Mr.", "Smith's", "al-Nusra", "U.S.", "said", ",", "\"", "fine", ".", "\""
            ]
        );
    }

    #[test]
    fn party_states_and_inner_slashes_stay_in_the_word() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Ann Lee, R-Ky., said",
                &["Ann", "Lee", ",", "R-Ky.", ",", "said"],
            ),
            (
                "Bo Tran (D-Calif.) said",
                &["Bo", "Tran", "(", "D-Calif.", ")", "said"],
            ),
            ("the al-Nusra.", &["the", "al-Nusra", "."]),
            ("said 9/11 widow", &["said", "9/11", "widow"]),
            ("said FranÃ§ois Roy", &["said", "FranÃ§ois", "Roy"]),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), *want, "{text}");
        }
    }

    #[test]
    fn lower_case_is_that_of_the_whole_word() {
        let cases = [
            ("Said", "said"),
            ("said", "said"),
            ("U.S.", "u.s."),
            ("", ""),
            ("Counterintelligence-Related", "counterintelligence-related"),
            ("ÉMILE", "émile"),
            ("D’Souza", "d’souza"),
        ];
        for (text, want) in cases {
            let lowered = text.to_ascii_lowercase();
            let token = Token::new(Span::new(0, text.len()), text, &lowered);
            assert_eq!(token.lower(), want, "{text}");
            assert_eq!(token.lower().as_str(), text.to_lowercase());
            assert_eq!(Lower::of(text), want, "{text}");
        }
    }

    #[test]
    fn alphanumeric_runs_are_counted_as_byte_by_byte() {
        let mut bytes: Vec<u8> = (0..=255).collect();
        bytes.extend(b"Smith-Jones said 2024 x9Z09azAZ@[`{/:");
        for start in 0..bytes.len() {
            for end in start..bytes.len().min(start + 24) {
                let slice = &bytes[start..end];
                let want = slice
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                assert_eq!(ascii_alphanumeric_run(slice), want, "{slice:?}");
            }
        }
    }

    #[test]
    fn abbreviation_lists_need_no_folding_beyond_ascii() {
        // (so that a word with its ASCII capitals lowered is looked up as its
        // full lower case would be)
        let titles = crate::rules::SPEAKER_TITLES.iter();
        for word in titles.chain(crate::rules::ABBREVIATIONS.keys()) {
            let caseless = |c: char| c.to_uppercase().eq([c]) && c.to_lowercase().eq([c]);
            assert!(word.chars().all(|c| c.is_ascii() || caseless(c)), "{word}");
            assert_eq!(*word, word.to_lowercase(), "{word}");
        }
    }

    #[test]
    fn general_punctuation_holds_no_letters_or_digits() {
        for c in ('\u{0}'..=char::MAX).filter(|&c| is_general_punctuation(c)) {
            assert!(!c.is_alphanumeric(), "{c:?}");
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
    }

    #[test]
    fn spans_match_text() {
        let text = "«Héllo», dit-il — d’accord.";
        for t in all_tokens(text) {
            assert_eq!(t.span.slice(text), t.text);
        }
    }
}
