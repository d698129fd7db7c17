//! The words on either side of a terminal mark: the token that ends at it, the word
//! that would open the next sentence, and the shapes that decide between them.

/// Marks that may open a sentence before its first word.
pub const OPENERS: &[char] = &[
    '"', '\'', '“', '‘', '(', '[', '{', '«', '‹', '„', '¿', '¡', '`',
];
/// Marks that close a quotation or bracket and stay with the sentence they follow.
pub const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '}', '»', '›', '`'];
/// How far back a token is read: longer tokens are no abbreviation, initial or number.
const MAX_TOKEN_BYTES: usize = 40;
/// Symbols written before an amount ("$5", "£3.20", "#1").
const CURRENCY: &[char] = &['$', '£', '€', '¥', '#'];

/// A white-space delimited token that ends just before a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// Where the token starts in the text, opening marks included.
    pub start: usize,
    /// The token without opening marks, closing marks, or a path before a slash.
    pub word: &'a str,
    /// True when closing marks stood between the word and the period ("(D).", "end\"."):
    /// the period is then the sentence's, not an abbreviation's.
    pub closed: bool,
}

/// The token that ends at `end`, reading no further back than `floor`; `None` when
/// it runs longer than any abbreviation or number would.
pub fn token_before(text: &str, floor: usize, end: usize) -> Option<Token<'_>> {
    if end <= floor {
        return Some(Token {
            start: end,
            word: "",
            closed: false,
        });
    }
    let lower = floor_char_boundary(text, end.saturating_sub(MAX_TOKEN_BYTES).max(floor));
    let window = &text[lower..end];
    let start = match last_space(window) {
        Some(after) => lower + after,
        None if lower == floor => floor,
        None => return None,
    };
    let raw = trim_openers(&text[start..end]);
    let word = if raw.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        raw
    } else {
        raw.trim_end_matches(CLOSERS)
    };
    let closed = word.len() < raw.len();
    let word = word.rsplit('/').next().unwrap_or(word);
    Some(Token {
        start,
        word,
        closed,
    })
}

/// Where the text after the last white space of `s` starts: ASCII white space and
/// no-break spaces, read byte by byte (other spaces are too rare inside a sentence
/// to pay for decoding every character).
fn last_space(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    bytes.iter().enumerate().rev().find_map(|(i, &b)| {
        let nbsp = b == 0xA0 && i > 0 && bytes[i - 1] == 0xC2;
        (b.is_ascii_whitespace() || nbsp).then_some(i + 1)
    })
}

/// `s` without the opening marks it starts with; most words have none.
pub fn trim_openers(s: &str) -> &str {
    if s.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        s
    } else {
        s.trim_start_matches(OPENERS)
    }
}

/// The token that ends where white space ends before `at` (the word before a word).
pub fn token_ending_before(text: &str, floor: usize, at: usize) -> Option<Token<'_>> {
    let before = text[floor..at].trim_end();
    token_before(text, floor, floor + before.len())
}

/// The word that starts at `at`, after any opening marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Next<'a> {
    /// Letters, digits, apostrophes, hyphens and inner periods ("P.D.T").
    pub word: &'a str,
    /// The first character after the opening marks, word or not.
    pub first: Option<char>,
    /// True when an opening bracket comes before the word ("(AP)").
    pub bracketed: bool,
    /// Where the word ends.
    pub end: usize,
}

impl Next<'_> {
    /// True when a figure opens the word, with or without a currency sign ("42",
    /// "$5", "27-Feb").
    pub fn is_number(&self) -> bool {
        self.first
            .is_some_and(|c| c.is_ascii_digit() || CURRENCY.contains(&c))
    }

    /// True when the word starts with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.word.chars().next().is_some_and(char::is_uppercase)
    }
}

/// The next word at `at`, after any opening marks.
pub fn word_at(text: &str, at: usize) -> Next<'_> {
    let rest = &text[at..];
    let body = trim_openers(rest);
    let offset = at + rest.len() - body.len();
    let mut end = 0;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner_period =
            c == '.' && end > 0 && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic());
        if c.is_alphanumeric() || matches!(c, '\'' | '’' | '-') || inner_period {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    Next {
        word: &body[..end],
        first: body.chars().next(),
        bracketed: rest[..rest.len() - body.len()].contains(['(', '[']),
        end: offset + end,
    }
}

/// The shape of the token before a period, as far as the splitter cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Nothing: the period opens the text.
    Empty,
    /// A figure: "42", "3.5", "$1,000", "10:30", "3-1".
    Number,
    /// One capital letter: an initial, or the pronoun "I".
    Initial,
    /// Single letters joined by periods: "U.S", "J.R.R" (the last period not included).
    Dotted,
    /// Anything else.
    Word,
}

/// The shape of `word`.
pub fn shape(word: &str) -> Shape {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (None, _) => Shape::Empty,
        (Some(c), None) if c.is_uppercase() => Shape::Initial,
        _ if is_number(word) => Shape::Number,
        _ if is_dotted(word) => Shape::Dotted,
        _ => Shape::Word,
    }
}

/// A figure: digits with separators, after an optional currency sign.
pub fn is_number(word: &str) -> bool {
    let digits = match word.as_bytes().first() {
        Some(b) if b.is_ascii_digit() => word.as_bytes(),
        _ => word.trim_start_matches(CURRENCY).as_bytes(),
    };
    digits.first().is_some_and(u8::is_ascii_digit)
        && digits
            .iter()
            .all(|&b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b':' | b'-' | b'%' | b'/'))
}

/// Single letters separated by periods ("U.S", "a.m", "S.&P").
fn is_dotted(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            let mut chars = part.trim_start_matches('&').chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
        })
}

/// A Roman numeral of two letters or more ("II", "XIV"); a lone "I" is the pronoun.
pub fn is_roman(word: &str) -> bool {
    word.len() >= 2
        && word.len() <= 6
        && word
            .bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C'))
}

/// Calls `f` with `word` in lower case and with curly apostrophes made straight,
/// without allocating for the short ASCII words that rule lookups are made of.
pub fn with_key<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if !word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        return f(word);
    }
    let mut buffer = [0u8; 32];
    let mut len = 0;
    for c in word.chars() {
        let byte = match c {
            '’' => b'\'',
            c if c.is_ascii() => c.to_ascii_lowercase() as u8,
            _ => return f(&word.to_lowercase().replace('’', "'")),
        };
        if len == buffer.len() {
            return f(&word.to_lowercase());
        }
        buffer[len] = byte;
        len += 1;
    }
    f(std::str::from_utf8(&buffer[..len]).unwrap_or_default())
}

/// The nearest char boundary at or before `at`.
pub fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_lose_their_marks_and_paths() {
        let text = "see (U.S. and \"near\". and 171/U.S. end";
        let word = |needle: &str| {
            let end = text.find(needle).map_or(0, |i| i + needle.len());
            token_before(text, 0, end).map(|t| t.word)
        };
        assert_eq!(word("(U.S"), Some("U.S"), "an opening bracket");
        assert!(
            token_before(text, 0, 20).is_some_and(|t| t.closed),
            "a closed word"
        );
        assert_eq!(word("near\""), Some("near"), "quotes on both sides");
        assert_eq!(word("171/U.S"), Some("U.S"), "a path before a slash");
        assert_eq!(word(""), Some(""), "nothing before the start");
    }

    #[test]
    fn a_token_longer_than_any_abbreviation_is_not_read() {
        let text = "x".repeat(100);
        assert_eq!(token_before(&text, 0, 100), None);
        assert_eq!(token_before(&text, 90, 100).map(|t| t.word.len()), Some(10));
    }

    #[test]
    fn next_words_keep_inner_periods_and_apostrophes() {
        fn word(s: &str) -> &str {
            word_at(s, 0).word
        }
        assert_eq!(word("“There’s more"), "There’s");
        assert_eq!(word("P.D.T. on"), "P.D.T");
        assert_eq!(word("Smith."), "Smith");
        assert_eq!(word("$5 more"), "");
        assert!(word_at("$5 more", 0).is_number());
    }

    /// (word, shape, why)
    const SHAPES: &[(&str, Shape, &str)] = &[
        ("", Shape::Empty, "the start of the text"),
        ("42", Shape::Number, "digits"),
        ("$1,000.50", Shape::Number, "money"),
        ("10:30", Shape::Number, "a time"),
        ("3-1", Shape::Number, "a score"),
        ("5th", Shape::Word, "an ordinal is a word"),
        ("W", Shape::Initial, "an initial"),
        ("U.S", Shape::Dotted, "dotted capitals"),
        ("S.&P", Shape::Dotted, "an ampersand between initials"),
        ("a.m", Shape::Dotted, "dotted lower case"),
        ("Ph.D", Shape::Word, "a degree has a two-letter part"),
        ("example.com", Shape::Word, "a domain"),
    ];

    #[test]
    fn shapes() {
        for &(word, want, why) in SHAPES {
            assert_eq!(shape(word), want, "{why}: {word:?}");
        }
    }

    #[test]
    fn keys_are_lower_case_with_straight_apostrophes() {
        assert_eq!(with_key("It’s", str::to_owned), "it's");
        assert_eq!(with_key("N°", str::to_owned), "n°");
        assert_eq!(with_key(&"A".repeat(40), str::len), 40);
    }

    #[test]
    fn roman_numerals() {
        assert!(is_roman("II") && is_roman("XIV"));
        assert!(!is_roman("I") && !is_roman("IT"));
    }
}
