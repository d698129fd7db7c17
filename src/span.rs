//! Byte spans into the original input: the one coordinate system every stage shares.

use serde::Serialize;

/// A half-open byte range `start..end` into the original input, always on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// The text the span covers in `text`.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The same span with leading and trailing white space of `text` removed.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.slice(text);
        let lead = s.len() - s.trim_start().len();
        let body = s.trim();
        Span::new(self.start + lead, self.start + lead + body.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_keeps_char_boundaries() {
        let text = "  «héllo»\u{a0} ";
        let span = Span::new(0, text.len()).trim(text);
        assert_eq!(span.slice(text), "«héllo»");
    }

    #[test]
    fn trim_of_blank_is_empty() {
        let text = " \t\n";
        assert!(Span::new(0, text.len()).trim(text).is_empty());
    }
}
