//! List items run together on one line ("1. Milk 2. Eggs", "a) red b) blue",
//! "i. one ii. two", "• one • two"): each marker after the first in its sequence
//! opens a new sentence, whether or not the item before it ended with a mark.

/// How a list marker is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Delimiter {
    /// "1."
    Period,
    /// "1)"
    Paren,
    /// "1.)"
    PeriodParen,
}

/// How a list counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// 1, 2, 3
    Figure,
    /// a, b, c
    Lower,
    /// A), B), C): with a period these are initials ("A. Smith")
    Upper,
    /// i, ii, iii
    Roman,
}

/// A list marker: its counter and how it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// The item number, counting letters and numerals from 1.
    value: u32,
    style: Style,
    delimiter: Delimiter,
}

impl Marker {
    /// The marker of the item after this one.
    pub fn next(self) -> Marker {
        Marker {
            value: self.value + 1,
            ..self
        }
    }
}

/// Longest item number read: "999." is a list marker, "2016." a year.
const MAX_DIGITS: usize = 3;
/// Longest Roman numeral read ("viii").
const MAX_ROMAN: usize = 4;

/// True for the characters that only ever open a list item.
pub fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '‣' | '◦' | '▪' | '▫' | '●' | '○' | '■' | '□')
}

/// The list marker that opens a sentence at `at` (after a bullet, if any) and where
/// it ends: figures anywhere, letters and numerals at their first or at `expected`.
pub fn marker_at(
    text: &str,
    at: usize,
    limit: usize,
    expected: Option<Marker>,
) -> Option<(Marker, usize)> {
    let rest = &text[at..limit];
    // a marker opens with a letter, a figure or a bullet (a three-byte character)
    if !rest
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphanumeric() || b == 0xE2)
    {
        return None;
    }
    let body = rest
        .trim_start_matches(is_bullet)
        .trim_start_matches([' ', '\u{a0}']);
    parse(body).into_iter().flatten().find_map(|(marker, len)| {
        let starts = expected == Some(marker) || marker.style == Style::Figure || marker.value == 1;
        starts.then_some((marker, at + rest.len() - body.len() + len))
    })
}

/// Where the marker `expected` starts when its delimiter is the byte at `at`.
pub fn expected_before(text: &str, floor: usize, at: usize, expected: Marker) -> Option<usize> {
    let head = &text[floor..at];
    let label_len = head
        .bytes()
        .rev()
        .take(MAX_DIGITS.max(MAX_ROMAN) + 1)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    let start = at - label_len;
    let before = text[floor..start].chars().next_back();
    if !before.is_some_and(|c| c.is_whitespace() || is_bullet(c)) {
        return None;
    }
    let found = parse(&text[start..])
        .into_iter()
        .flatten()
        .any(|(marker, _)| marker == expected);
    found.then_some(start)
}

/// The readings of a marker at the start of `s` that is followed by white space,
/// with its length: "i." is both the ninth letter and the first numeral.
fn parse(s: &str) -> [Option<(Marker, usize)>; 2] {
    let label = s.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let Some((delimiter, len)) = delimiter(&s[label..]) else {
        return [None, None];
    };
    if !s[label + len..].starts_with(char::is_whitespace) {
        return [None, None];
    }
    let word = &s[..label];
    let marker = |value, style| {
        Some((
            Marker {
                value,
                style,
                delimiter,
            },
            label + len,
        ))
    };
    let letter = match word.as_bytes() {
        [b] if b.is_ascii_lowercase() => marker(u32::from(b - b'a') + 1, Style::Lower),
        [b] if b.is_ascii_uppercase() && delimiter == Delimiter::Paren => {
            marker(u32::from(b - b'A') + 1, Style::Upper)
        }
        _ if (1..=MAX_DIGITS).contains(&label) && word.bytes().all(|b| b.is_ascii_digit()) => word
            .parse()
            .ok()
            .and_then(|value| marker(value, Style::Figure)),
        _ => None,
    };
    let roman = roman_value(word).and_then(|value| marker(value, Style::Roman));
    [letter, roman]
}

/// The delimiter at the start of `s` and its length.
fn delimiter(s: &str) -> Option<(Delimiter, usize)> {
    if s.starts_with(".)") {
        Some((Delimiter::PeriodParen, 2))
    } else if s.starts_with('.') {
        Some((Delimiter::Period, 1))
    } else if s.starts_with(')') {
        Some((Delimiter::Paren, 1))
    } else {
        None
    }
}

/// The value of a short lower-case Roman numeral ("iv" = 4).
fn roman_value(word: &str) -> Option<u32> {
    if word.is_empty() || word.len() > MAX_ROMAN {
        return None;
    }
    let digit = |b: u8| match b {
        b'i' => Some(1),
        b'v' => Some(5),
        b'x' => Some(10),
        _ => None,
    };
    let mut total: i64 = 0;
    let mut digits = word.bytes().map(digit).peekable();
    while let Some(value) = digits.next() {
        let value = value?;
        match digits.peek() {
            Some(Some(next)) if *next > value => total -= i64::from(value),
            _ => total += i64::from(value),
        }
    }
    u32::try_from(total).ok().filter(|&v| v > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opens(text: &str) -> Option<&str> {
        marker_at(text, 0, text.len(), None).map(|(_, end)| &text[..end])
    }

    #[test]
    fn markers_that_open_a_sentence() {
        assert_eq!(opens("1. Milk"), Some("1."));
        assert_eq!(opens("12) Eggs"), Some("12)"));
        assert_eq!(opens("1.) Bread"), Some("1.)"));
        assert_eq!(opens("• 9. Tea"), Some("• 9."));
        assert_eq!(opens("⁃10. Tea"), Some("⁃10."));
        assert_eq!(opens("a. Red"), Some("a."));
        assert_eq!(opens("b. Blue"), None, "a letter list starts at a");
        assert_eq!(opens("i. One"), Some("i."), "a numeral list starts at i");
        assert_eq!(
            opens("A) One B) Two"),
            Some("A)"),
            "capitals with a bracket"
        );
        assert_eq!(opens("A. Smith said so."), None, "an initial");
        let Some((a, _)) = marker_at("a. Red", 0, 6, None) else {
            panic!("no marker in \"a. Red\"");
        };
        assert!(
            marker_at("b. Blue", 0, 7, Some(a.next())).is_some(),
            "unless b is next"
        );
        assert_eq!(opens("2016. It was"), None, "a year");
        assert_eq!(opens("1.5 percent"), None, "a decimal");
        assert_eq!(opens("a.m. is early"), None, "an abbreviation");
    }

    #[test]
    fn roman_numerals_count() {
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("viii"), Some(8));
        assert_eq!(roman_value("xviii"), None, "longer than a list runs");
        assert_eq!(roman_value("ivy"), None);
    }

    #[test]
    fn the_next_marker_of_a_sequence_is_found_after_white_space() {
        let text = "1. Milk 2. Eggs x2. Tea 3) Jam";
        let Some((first, _)) = marker_at(text, 0, text.len(), None) else {
            panic!("no marker in {text:?}");
        };
        let second = text.find("2.").unwrap_or(0);
        assert_eq!(
            expected_before(text, 0, second + 1, first.next()),
            Some(second)
        );
        let glued = text.find("x2.").unwrap_or(0) + 2;
        assert_eq!(expected_before(text, 0, glued, first.next()), None);
        let paren = text.find("3)").unwrap_or(0) + 1;
        assert_eq!(
            expected_before(text, 0, paren, first.next().next()),
            None,
            "another delimiter"
        );
    }
}
