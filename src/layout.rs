//! Paragraphs from raw text, however the scraper laid it out: blank-line separated,
//! one paragraph per line, or hard-wrapped at a fixed width; LF or CRLF; BOM or none.

use crate::span::Span;
use std::borrow::Cow;

/// One paragraph: the span from its first line to its last, and how many lines it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// From the start of the first line to the end of the last, in input bytes.
    pub span: Span,
    /// How many physical lines the paragraph has: only the count is ever asked, and
    /// a list of them would cost an allocation per paragraph.
    pub lines: usize,
}

/// Lines shorter than this never count as evidence of hard wrapping.
const MIN_WRAP_WIDTH: usize = 30;
/// Nobody hard-wraps prose wider than this; longer lines are paragraphs of their own.
const MAX_WRAP_WIDTH: usize = 160;
/// Share of non-final lines that must run close to the width for a text to count as wrapped.
const WRAPPED_SHARE: f64 = 0.6;

/// The paragraphs of `text`, in order.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let lines = lines(text);
    let width = wrap_width(text, &lines);
    // At most one paragraph per line that is not blank: sized once, not grown.
    let mut out: Vec<Paragraph> = Vec::with_capacity(lines.iter().flatten().count());
    let mut previous: Option<Span> = None;
    for line in lines {
        let Some(span) = line else {
            previous = None;
            continue;
        };
        let joins = match (previous, width) {
            (Some(prev), Some(width)) => continues_wrapped_line(text, prev, span, width),
            _ => false,
        };
        match out.last_mut() {
            Some(paragraph) if joins => {
                paragraph.span.end = span.end;
                paragraph.lines += 1;
            }
            _ => out.push(Paragraph { span, lines: 1 }),
        }
        previous = Some(span);
    }
    out
}

/// Every line of `text` as a trimmed span, or `None` for a blank line.
fn lines(text: &str) -> Vec<Option<Span>> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    // Counting the line breaks first (a fast scan) sizes the list once.
    let breaks = memchr::memchr_iter(b'\n', text.as_bytes()).count();
    let mut out = Vec::with_capacity(breaks + 1);
    let mut at = start;
    while at <= text.len() {
        let end = memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i);
        let span = Span::new(at, end).trim(text);
        out.push((!span.is_empty()).then_some(span));
        at = end + 1;
    }
    out
}

/// The width a hard-wrapped text was wrapped at, or `None` when it was not wrapped.
fn wrap_width(text: &str, lines: &[Option<Span>]) -> Option<usize> {
    let followed: Vec<usize> = lines
        .windows(2)
        .filter_map(|pair| match pair {
            [Some(line), Some(_)] => Some(char_len(line.slice(text))),
            _ => None,
        })
        .collect();
    if followed.len() < 2 {
        return None;
    }
    let width = *followed.iter().max()?;
    if !(MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&width) {
        return None;
    }
    let near = followed.iter().filter(|&&len| len * 4 >= width * 3).count();
    (near as f64 >= WRAPPED_SHARE * followed.len() as f64).then_some(width)
}

/// True when `next` holds words that did not fit at the end of `prev` at `width`.
fn continues_wrapped_line(text: &str, prev: Span, next: Span, width: usize) -> bool {
    let next_word = next.slice(text).split_whitespace().next().unwrap_or("");
    char_len(prev.slice(text)) + 1 + char_len(next_word) > width
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// `s` with every line break (and the white space around it) folded into one space,
/// so a hard-wrapped paragraph reads as one line.
pub fn unwrap_lines(s: &str) -> Cow<'_, str> {
    if !s.contains('\n') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            let trimmed = out.trim_end().len();
            out.truncate(trimmed);
            out.push(' ');
        }
        out.push_str(if i > 0 { line.trim_start() } else { line });
    }
    let trimmed = out.trim_end_matches([' ', '\r']).len();
    out.truncate(trimmed);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        paragraphs(text)
            .iter()
            .map(|p| unwrap_lines(p.span.slice(text)).into_owned())
            .collect()
    }

    #[test]
    fn layouts_of_the_same_article_give_the_same_paragraphs() {
        let blank = "First paragraph has words.\n\nSecond one too.\n";
        let single = "First paragraph has words.\nSecond one too.\n";
        let crlf = "\u{feff}First paragraph has words.\r\n\r\nSecond one too.\r\n";
        let want = ["First paragraph has words.", "Second one too."];
        assert_eq!(texts(blank), want);
        assert_eq!(texts(single), want);
        assert_eq!(texts(crlf), want);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "The quick brown fox jumps over the lazy dog and then\n\
                    keeps running across the wide green field until it\n\
                    reaches the river.\n\
                    \n\
                    A second paragraph that is also wrapped at the same\n\
                    width as the first one.\n";
        let got = texts(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].starts_with("The quick") && got[0].ends_with("river."));
        assert!(got[1].ends_with("first one."));
    }

    #[test]
    fn short_lines_of_a_menu_stay_apart() {
        assert_eq!(texts("Home\nNews\nSport\n"), ["Home", "News", "Sport"]);
    }

    #[test]
    fn spans_point_into_the_input() {
        let text = "\u{feff}  Title line  \r\n\r\nBody text here.\r\n";
        for p in paragraphs(text) {
            let s = p.span.slice(text);
            assert_eq!(s, s.trim());
            assert!(!s.contains('\u{feff}'));
        }
    }

    #[test]
    fn empty_and_blank_texts_have_no_paragraphs() {
        assert!(paragraphs("").is_empty());
        assert!(paragraphs("\n \r\n\t\n").is_empty());
    }
}
