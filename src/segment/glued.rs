//! Sentences glued together without a space ("Hello world.Today is Tuesday."), as
//! scrapers leave them when they drop the markup between paragraphs; domains, file
//! names, e-mail addresses and versions keep their periods.

use super::lexicon;
use super::words::{self, with_key};

/// Top-level domains that look like a capitalised word after a period ("Amazon.Com").
const DOMAINS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "int", "mil", "info", "biz", "io", "co", "uk", "us", "ca",
    "de", "fr", "au", "eu", "news", "online",
];

/// True when the period at `dot`, with no space after it, ends a sentence: a plain
/// word or a figure before it, and a capitalised word after it that ends the token.
pub fn boundary(text: &str, floor: usize, dot: usize) -> bool {
    let Some(left) = words::token_before(text, floor, dot) else {
        return false;
    };
    let plain_word = {
        let mut chars = left.word.chars();
        chars.next().is_some_and(char::is_alphabetic)
            && left.word.len() >= 2
            && chars.all(|c| c.is_lowercase())
    };
    let figure = words::is_number(left.word) && !left.word.contains(['.', ':', '/']);
    if !(plain_word || figure) || lexicon::lookup(left.word).class.is_some() {
        return false;
    }
    let right = &text[dot + 1..];
    // an opening quotation mark may open the glued sentence (“said.“We”)
    let right = right.strip_prefix(['“', '‘']).unwrap_or(right);
    starts_sentence(right)
}

/// True when a run of marks that holds a closing quotation mark ends at `end` right
/// before a capitalised word ("he said.”The next"): the marks end the sentence.
pub fn after_quotation(text: &str, end: usize) -> bool {
    starts_sentence(&text[end..])
}

/// True when `right` starts with a capitalised word that ends its token, as a
/// sentence's first word does, and not a domain ("Example.Com").
fn starts_sentence(right: &str) -> bool {
    let mut chars = right.char_indices();
    if !chars.next().is_some_and(|(_, c)| c.is_ascii_uppercase()) {
        return false;
    }
    let len = chars
        .find(|&(_, c)| !c.is_ascii_lowercase())
        .map_or(right.len(), |(i, _)| i);
    if len < 2 || with_key(&right[..len], |w| DOMAINS.contains(&w)) {
        return false;
    }
    ends_token(&right[len..])
}

/// True when `rest` starts with the end of a word: white space, the end of the text,
/// or punctuation that is not followed by more of the same token.
fn ends_token(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some(c) if c.is_whitespace() || matches!(c, ',' | ';' | ':' | '”' | '’' | '"' | ')') => {
            true
        }
        Some('.' | '!' | '?') => chars.next().is_none_or(char::is_whitespace),
        Some(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, whether its first period ends a sentence, why)
    const CASES: &[(&str, bool, &str)] = &[
        (
            "Hello world.Today is Tuesday.",
            true,
            "a word and a capitalised word",
        ),
        ("bought 1,000.That is a lot.", true, "a figure before"),
        ("Tuesday.Mr. Smith", true, "a title after"),
        ("Mail Jane.Doe@example.com now", false, "an e-mail address"),
        ("Visit Amazon.Com today", false, "a domain"),
        ("Open report.Final.docx now", false, "a file name"),
        ("U.S.-Russia talks", false, "an abbreviation"),
        ("version 2.5.Then", false, "a decimal is no plain figure"),
        ("the iPhone.Next", false, "a word with an inner capital"),
        ("end.A new start", false, "one letter is not a word"),
        ("Mr.Smith said", false, "a title before"),
        ("he said.“We won.”", true, "an opening quote after"),
    ];

    #[test]
    fn a_closing_quote_before_a_capitalised_word() {
        let end = "said.”".len();
        assert!(after_quotation("said.”The end", end));
        assert!(!after_quotation("said.”the end", end));
        assert!(!after_quotation("\"Yahoo.\"Com", 8));
    }

    #[test]
    fn glued_sentences() {
        for &(text, want, why) in CASES {
            let dot = text.find('.').unwrap_or(0);
            assert_eq!(boundary(text, 0, dot), want, "{why}: {text:?}");
        }
    }
}
