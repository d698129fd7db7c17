//! Runs of terminal marks: the marks themselves (". . .", "?!", "…"), the closing
//! quotes, brackets and citations that stay with them, and where the next word begins.

use super::words::CLOSERS;

/// What a run of terminal marks says on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One period: a sentence end or an abbreviation.
    Period,
    /// Two or three dots, or "…": a pause or an omission.
    Ellipsis,
    /// An ellipsis with a period of its own ("....", ". . . ."): a sentence end.
    EllipsisStop,
    /// A question or exclamation mark, alone or repeated ("?!", "! ! !").
    Strong,
}

/// A run of terminal marks and what follows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// One past the last mark, closer or citation of the run.
    pub end: usize,
    /// What the marks say.
    pub kind: Kind,
    /// True when a closing quotation mark follows the marks.
    pub quoted: bool,
    /// True when a closing bracket follows the marks.
    pub bracketed: bool,
    /// Where the next word begins when white space follows the run.
    pub next: Option<usize>,
}

/// True for the characters that may end a sentence.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Which straight quotations are open where a run starts: only then is a straight
/// quotation mark set off by a space after the marks a closing one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Open {
    /// A '"' quotation.
    pub straight: bool,
    /// A "''" quotation, as tokenised text writes them.
    pub doubled: bool,
}

/// Running counts of the straight quotation marks of a paragraph up to a point,
/// advanced only when a run needs them, so that counting stays linear.
#[derive(Debug, Clone, Copy)]
pub struct QuoteCounter {
    upto: usize,
    straight: usize,
    doubled: usize,
}

impl QuoteCounter {
    /// A counter for the paragraph that starts at `start`.
    pub fn new(start: usize) -> Self {
        QuoteCounter {
            upto: start,
            straight: 0,
            doubled: 0,
        }
    }

    /// The quotations open at `at`, which must not lie before an earlier call's.
    pub fn open_at(&mut self, text: &str, at: usize) -> Open {
        let seen = &text.as_bytes()[self.upto.min(at)..at];
        self.straight += memchr::memchr_iter(b'"', seen).count();
        let mut pair_end = 0;
        for i in memchr::memchr_iter(b'\'', seen) {
            if i >= pair_end && seen.get(i + 1) == Some(&b'\'') {
                self.doubled += 1;
                pair_end = i + 2;
            }
        }
        self.upto = at;
        Open {
            straight: self.straight % 2 == 1,
            doubled: self.doubled % 2 == 1,
        }
    }
}

/// The run of marks that starts at `at`, reading no further than `limit`.
pub fn run_at(text: &str, at: usize, limit: usize, quotes: &mut QuoteCounter) -> Run {
    // the common cases, one mark before a space and a word or at the end of the
    // paragraph, read byte by byte
    let bytes = text.as_bytes();
    let next = if at + 1 == limit {
        Some(None)
    } else if at + 2 < limit && bytes[at + 1] == b' ' && bytes[at + 2].is_ascii_alphanumeric() {
        Some(Some(at + 2))
    } else {
        None
    };
    let kind = match bytes[at] {
        b'.' => Some(Kind::Period),
        b'!' | b'?' => Some(Kind::Strong),
        _ => None,
    };
    if let (Some(next), Some(kind)) = (next, kind) {
        return Run {
            end: at + 1,
            kind,
            quoted: false,
            bracketed: false,
            next,
        };
    }
    let rest = &text[at..limit];
    let mut end = at;
    let (mut dots, mut strong) = (0, false);
    let mut chars = rest.char_indices().peekable();
    // the marks, also spaced (". . .", "! ! !", "Bravo ! .")
    while let Some(&(i, c)) = chars.peek() {
        if is_terminal(c) {
            match c {
                '.' => dots += 1,
                '…' => dots += 3,
                _ => strong = true,
            }
            end = at + i + c.len_utf8();
            chars.next();
        } else if matches!(c, ' ' | '\u{a0}') && rest[i + c.len_utf8()..].starts_with(is_terminal) {
            chars.next();
        } else {
            break;
        }
    }
    let (mut quoted, mut bracketed) = (false, false);
    // closing marks, and citations ("martyr.[1]", "gas. [1][2]")
    loop {
        let tail = &text[end..limit];
        let spaced = tail.trim_start_matches([' ', '\u{a0}']);
        if let Some(len) = citation_len(spaced) {
            end += tail.len() - spaced.len() + len;
        } else if let Some(len) = spaced_closer_len(spaced, || quotes.open_at(text, at)) {
            // a closing quote set off by a space ("Dad ! '' .")
            end += tail.len() - spaced.len() + len;
            quoted = true;
        } else if let Some(c) = tail.chars().next().filter(|c| CLOSERS.contains(c)) {
            let bracket = matches!(c, ')' | ']' | '}');
            quoted |= !bracket;
            bracketed |= bracket;
            end += c.len_utf8();
        } else {
            break;
        }
    }
    let kind = match (strong, dots) {
        (true, _) => Kind::Strong,
        (false, 0 | 1) => Kind::Period,
        (false, 2 | 3) => Kind::Ellipsis,
        (false, _) => Kind::EllipsisStop,
    };
    let after = &text[end..limit];
    let next = after
        .starts_with(char::is_whitespace)
        .then(|| end + after.len() - after.trim_start().len())
        .filter(|&next| next < limit);
    Run {
        end,
        kind,
        quoted,
        bracketed,
        next,
    }
}

/// The length of a straight closing quotation mark set off by spaces at the start
/// of `s`, when a quotation of its kind is `open` (counted only when needed).
fn spaced_closer_len(s: &str, open: impl FnOnce() -> Open) -> Option<usize> {
    let (len, doubled) = if s.starts_with("''") {
        (2, true)
    } else if s.starts_with('"') {
        (1, false)
    } else {
        return None;
    };
    if !s[len..].chars().next().is_none_or(char::is_whitespace) {
        return None;
    }
    let open = open();
    let closes = if doubled { open.doubled } else { open.straight };
    closes.then_some(len)
}

/// The length of a citation mark like "[12]" at the start of `s`, if there is one.
fn citation_len(s: &str) -> Option<usize> {
    let inner = s.strip_prefix('[')?;
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && digits <= 3 && inner[digits..].starts_with(']')).then_some(digits + 2)
}

/// The end of an omission mark ("[...]", "(…)") whose dots start at `at`: words left
/// out of a quotation, never the end of a sentence.
pub fn omission_end(text: &str, at: usize, limit: usize) -> Option<usize> {
    let open = text[..at].chars().next_back()?;
    let close = match open {
        '[' => ']',
        '(' => ')',
        _ => return None,
    };
    let rest = &text[at..limit];
    let dots = rest.trim_start_matches(['.', '…']);
    dots.starts_with(close)
        .then(|| at + rest.len() - dots.len() + close.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (&str, Kind, Option<&str>) {
        let at = text.find(is_terminal).unwrap_or(0);
        let run = run_at(text, at, text.len(), &mut QuoteCounter::new(0));
        (&text[at..run.end], run.kind, run.next.map(|n| &text[n..]))
    }

    /// (text, the run, its kind, what follows, why)
    const RUNS: &[(&str, &str, Kind, Option<&str>, &str)] = &[
        ("end. Next", ".", Kind::Period, Some("Next"), "one period"),
        (
            "end?! Next",
            "?!",
            Kind::Strong,
            Some("Next"),
            "repeated marks",
        ),
        (
            "end ! ! ! Next",
            "! ! !",
            Kind::Strong,
            Some("Next"),
            "spaced marks",
        ),
        (
            "end... next",
            "...",
            Kind::Ellipsis,
            Some("next"),
            "three dots",
        ),
        (
            "end . . . next",
            ". . .",
            Kind::Ellipsis,
            Some("next"),
            "spaced dots",
        ),
        ("end…", "…", Kind::Ellipsis, None, "the ellipsis character"),
        (
            "end.... Next",
            "....",
            Kind::EllipsisStop,
            Some("Next"),
            "four dots",
        ),
        (
            "end. . . . Next",
            ". . . .",
            Kind::EllipsisStop,
            Some("Next"),
            "four spaced",
        ),
        (
            "end.\u{201d} Next",
            ".\u{201d}",
            Kind::Period,
            Some("Next"),
            "a closing quote",
        ),
        (
            "end.) Next",
            ".)",
            Kind::Period,
            Some("Next"),
            "a closing bracket",
        ),
        (
            "end.[1][2] Next",
            ".[1][2]",
            Kind::Period,
            Some("Next"),
            "citations",
        ),
        (
            "end. [3] Next",
            ". [3]",
            Kind::Period,
            Some("Next"),
            "a spaced citation",
        ),
        (
            "U.S.-Russia",
            ".",
            Kind::Period,
            None,
            "no white space after",
        ),
        (
            "'' Dad ! '' . It",
            "! ''",
            Kind::Strong,
            Some(". It"),
            "an open '' closes",
        ),
        (
            "Dad ! '' It",
            "!",
            Kind::Strong,
            Some("'' It"),
            "no open '' opens",
        ),
        (
            "\"We win . \" Next",
            ". \"",
            Kind::Period,
            Some("Next"),
            "an open \" closes",
        ),
        ("end.   ", ".", Kind::Period, None, "only white space after"),
    ];

    #[test]
    fn runs() {
        for &(text, marks, kind, next, why) in RUNS {
            assert_eq!(run(text), (marks, kind, next), "{why}: {text:?}");
        }
    }

    #[test]
    fn straight_quotes_are_counted_once_and_in_pairs() {
        let text = "\"a\" ''b'' '''c \"d";
        let mut counter = QuoteCounter::new(0);
        let at_b = text.find('b').unwrap_or(0);
        let open = counter.open_at(text, at_b);
        assert!(!open.straight && open.doubled);
        let open = counter.open_at(text, text.len());
        assert!(open.straight && open.doubled, "three of each");
    }

    #[test]
    fn a_closing_quote_is_remembered() {
        let text = "“Why?” he asked.";
        let at = text.find('?').unwrap_or(0);
        assert!(run_at(text, at, text.len(), &mut QuoteCounter::new(0)).quoted);
        let bracketed = run_at("(end.) Next", 4, 11, &mut QuoteCounter::new(0));
        assert!(!bracketed.quoted && bracketed.bracketed);
    }

    #[test]
    fn omissions_are_bracketed_dots() {
        let text = "Bohr [...] used (…) it [.";
        let end = |needle: &str| {
            let at = text.rfind(needle).map_or(0, |i| i + 1);
            omission_end(text, at, text.len()).map(|e| &text[..e])
        };
        assert_eq!(end("[..."), Some("Bohr [...]"));
        assert_eq!(end("(…"), Some("Bohr [...] used (…)"));
        assert_eq!(end("[."), None, "an unclosed bracket");
    }
}
