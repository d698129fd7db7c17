//! List items run together on one line ("1. Milk 2. Eggs", "a) red b) blue",
//! "• one • two"): each marker after the first in its sequence opens a new sentence,
//! whether or not the item before it ended with a mark.

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

/// A list marker: its counter and how it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// The item number; letters count from 1 (a = 1).
    value: u32,
    /// True for letters ("a.", "b."), false for figures.
    alphabetic: bool,
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

/// True for the characters that only ever open a list item.
pub fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '‣' | '◦' | '▪' | '▫' | '●' | '○' | '■' | '□')
}

/// The list marker that opens a sentence at `at` (after a bullet, if any) and where
/// it ends; figures may start anywhere, letters only at "a" or where `expected`.
pub fn marker_at(
    text: &str,
    at: usize,
    limit: usize,
    expected: Option<Marker>,
) -> Option<(Marker, usize)> {
    let rest = &text[at..limit];
    let body = rest
        .trim_start_matches(is_bullet)
        .trim_start_matches([' ', '\u{a0}']);
    let (marker, len) = parse(body)?;
    let starts = !marker.alphabetic || marker.value == 1 || expected == Some(marker);
    starts.then_some((marker, at + rest.len() - body.len() + len))
}

/// Where the marker `expected` starts when its delimiter is the byte at `at`.
pub fn expected_before(text: &str, floor: usize, at: usize, expected: Marker) -> Option<usize> {
    let head = &text[floor..at];
    let label_len = head
        .bytes()
        .rev()
        .take(MAX_DIGITS + 1)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    let start = at - label_len;
    let before = text[floor..start].chars().next_back();
    if !before.is_some_and(|c| c.is_whitespace() || is_bullet(c)) {
        return None;
    }
    let (marker, _) = parse(&text[start..])?;
    (marker == expected).then_some(start)
}

/// A marker at the start of `s`, followed by white space, and its length.
fn parse(s: &str) -> Option<(Marker, usize)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let (value, alphabetic, label) = match digits {
        0 => {
            let letter = s.bytes().next().filter(u8::is_ascii_lowercase)?;
            (u32::from(letter - b'a') + 1, true, 1)
        }
        1..=MAX_DIGITS => (s[..digits].parse().ok()?, false, digits),
        _ => return None,
    };
    let rest = &s[label..];
    let (delimiter, len) = if rest.starts_with(".)") {
        (Delimiter::PeriodParen, 2)
    } else if rest.starts_with('.') {
        (Delimiter::Period, 1)
    } else if rest.starts_with(')') {
        (Delimiter::Paren, 1)
    } else {
        return None;
    };
    s[label + len..]
        .starts_with(char::is_whitespace)
        .then_some((
            Marker {
                value,
                alphabetic,
                delimiter,
            },
            label + len,
        ))
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
