//! The bytes a pattern's match can start with, in any case: for a pattern anchored at
//! the text's start (`^…`, as every line and start rule is), one table lookup on the
//! text's first byte answers "no match" for most texts, without running the pattern.
//! Likewise the bytes a match can end with, for a pattern anchored at the text's end
//! (`…$`, as every line rule is): a line rule that ends in `:` or a digit is not
//! asked of the many lines that end otherwise.
//!
//! Anchored rules without a usable factor (`^\d{1,2}[./-]\d{1,2}…$`, a line of share
//! buttons whose names include `x`) would otherwise run on every short block.

use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look};

/// A class of more characters than this (`\w`, `[^|]`) is not case-folded: folding
/// looks up each character, and would cost more than the rest of the work.
const MAX_FOLDED_CHARS: u32 = 256;

/// Which end of its matches an [`EdgeBytes`] holds the bytes of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Start,
    End,
}

/// A set of bytes that every match starts (or ends) with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgeBytes {
    side: Side,
    bytes: [bool; 256],
}

impl EdgeBytes {
    /// The bytes every match of `hir`, case-insensitively, starts with, when every
    /// match starts at the text's start and none is empty; `None` otherwise.
    pub fn of_anchored(hir: &Hir) -> Option<EdgeBytes> {
        EdgeBytes::at(Side::Start, hir, Look::Start)
    }

    /// The bytes every match of `hir`, case-insensitively, ends with, when every
    /// match ends at the text's end and none is empty; `None` otherwise.
    pub fn of_anchored_end(hir: &Hir) -> Option<EdgeBytes> {
        EdgeBytes::at(Side::End, hir, Look::End)
    }

    fn at(side: Side, hir: &Hir, anchor: Look) -> Option<EdgeBytes> {
        let properties = hir.properties();
        let anchors = match side {
            Side::Start => properties.look_set_prefix(),
            Side::End => properties.look_set_suffix(),
        };
        if !anchors.contains(anchor) {
            return None;
        }
        let mut bytes = EdgeBytes {
            side,
            bytes: [false; 256],
        };
        let can_be_empty = bytes.add(hir);
        (!can_be_empty).then_some(bytes)
    }

    /// Whether a match can start (or end) `text`.
    pub fn allows(&self, text: &[u8]) -> bool {
        let edge = match self.side {
            Side::Start => text.first(),
            Side::End => text.last(),
        };
        edge.is_some_and(|&b| self.bytes[usize::from(b)])
    }

    /// Adds the edge bytes of `hir`'s matches (in any case) and tells whether it can
    /// match the empty string, when the bytes of what comes after it (before it, at
    /// the end) count too.
    fn add(&mut self, hir: &Hir) -> bool {
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => true,
            HirKind::Literal(literal) => {
                let text = std::str::from_utf8(&literal.0).ok();
                let edge = match self.side {
                    Side::Start => text.and_then(|s| s.chars().next()),
                    Side::End => text.and_then(|s| s.chars().next_back()),
                };
                let edge_byte = match self.side {
                    Side::Start => literal.0.first(),
                    Side::End => literal.0.last(),
                };
                match edge {
                    Some(c) => self.add_chars(ClassUnicode::new([ClassUnicodeRange::new(c, c)])),
                    // Not UTF-8: its edge byte, in either case.
                    None => edge_byte.into_iter().for_each(|&b| self.add_byte(b)),
                }
                literal.0.is_empty()
            }
            HirKind::Class(Class::Unicode(class)) => {
                self.add_chars(class.clone());
                false
            }
            HirKind::Class(Class::Bytes(class)) => {
                class
                    .iter()
                    .flat_map(|r| r.start()..=r.end())
                    .for_each(|b| self.add_byte(b));
                false
            }
            HirKind::Repetition(rep) => self.add(&rep.sub) || rep.min == 0,
            HirKind::Capture(capture) => self.add(&capture.sub),
            HirKind::Concat(items) => match self.side {
                Side::Start => items.iter().all(|item| self.add(item)),
                Side::End => items.iter().rev().all(|item| self.add(item)),
            },
            HirKind::Alternation(alternatives) => {
                // Every alternative adds its bytes: no stopping at the first empty one.
                let mut can_be_empty = false;
                for alternative in alternatives {
                    can_be_empty |= self.add(alternative);
                }
                can_be_empty
            }
        }
    }

    /// Adds the first (or last) UTF-8 byte of every character of `class` and of its
    /// other cases.
    fn add_chars(&mut self, mut class: ClassUnicode) {
        let chars: u32 = class
            .iter()
            .map(|r| u32::from(r.end()) - u32::from(r.start()) + 1)
            .sum();
        if chars > MAX_FOLDED_CHARS {
            // Folding costs more than it narrows: every byte that starts a non-ASCII
            // character (the only other cases of an ASCII letter, `ſ` and the Kelvin
            // sign, are among them), and the ASCII characters in both cases.
            (0x80..=0xff).for_each(|b| self.bytes[b] = true);
            for range in class.iter().filter(|r| r.start().is_ascii()) {
                let end = range.end().min('\x7f');
                (range.start() as u8..=end as u8).for_each(|b| self.add_byte(b));
            }
            return;
        }
        class.case_fold_simple();
        for range in class.iter() {
            if self.side == Side::End && !range.end().is_ascii() {
                // Beyond ASCII a character ends with a continuation byte.
                (0x80..=0xbf).for_each(|b| self.bytes[b] = true);
            }
            let end = match self.side {
                Side::Start => range.end(),
                Side::End if range.start().is_ascii() => range.end().min('\x7f'),
                Side::End => continue,
            };
            // A character's first byte grows with the character.
            let [first, last] =
                [range.start(), end].map(|c| c.encode_utf8(&mut [0; 4]).as_bytes()[0]);
            (first..=last).for_each(|b| self.bytes[usize::from(b)] = true);
        }
    }

    /// Adds `byte` and, for an ASCII letter, its other case.
    fn add_byte(&mut self, byte: u8) {
        for b in [byte, byte.to_ascii_lowercase(), byte.to_ascii_uppercase()] {
            self.bytes[usize::from(b)] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_bytes(pattern: &str) -> Option<EdgeBytes> {
        EdgeBytes::of_anchored(&regex_syntax::Parser::new().parse(pattern).unwrap())
    }

    fn last_bytes(pattern: &str) -> Option<EdgeBytes> {
        EdgeBytes::of_anchored_end(&regex_syntax::Parser::new().parse(pattern).unwrap())
    }

    #[test]
    fn anchored_patterns_open_with_few_bytes_in_any_case() {
        let table: &Table = &[
            (
                r"^(?:share|x)$",
                &["Share", "x", "ſhare", "X"],
                &["tweet", " share", ""],
            ),
            (r"^(?:\d{1,2}[./-]\d{1,2})$", &["1.2", "٣"], &["a1.2", "-1"]),
            (r"^(?:\s*by\b)", &["By", " by", "\u{a0}by"], &["my"]),
            (
                r"^(?:(?-i:[A-Z])\w+)",
                &["Paris", "paris", "\u{212a}iel"],
                &["Ölberg", "1"],
            ),
            (r"^(?:\b(a|b)?c)", &["abc", "c", "B"], &["d"]),
            (r"^(?:über)", &["Über", "über"], &["uber"]),
        ];
        check_table(table, first_bytes);
    }

    /// (pattern, texts that may match, texts that cannot)
    type Table<'a> = [(&'a str, &'a [&'a str], &'a [&'a str])];

    /// Checks each row of `table` against the edge bytes `edge` gives its pattern.
    fn check_table(table: &Table, edge: fn(&str) -> Option<EdgeBytes>) {
        for &(pattern, may, cannot) in table {
            let bytes = edge(pattern).unwrap();
            for text in may {
                assert!(
                    bytes.allows(text.as_bytes()),
                    "{pattern} may match {text:?}"
                );
            }
            for text in cannot {
                assert!(
                    !bytes.allows(text.as_bytes()),
                    "{pattern} cannot match {text:?}"
                );
            }
        }
    }

    #[test]
    fn patterns_anchored_at_the_end_close_with_few_bytes_in_any_case() {
        let table: &Table = &[
            (
                r"^(?:.{1,40}\s(says|wrote)\s*:)$",
                &["He says:", "x:"],
                &["He says", "says: no", ""],
            ),
            (
                r"^(?:page \d+)$",
                &["page 2", "٣"],
                &["page two", "2 pages"],
            ),
            (
                r"^(?:share|k)$",
                &["SHARE", "K", "\u{212a}"],
                &["sharex1", "shares"],
            ),
            (r"^(?:über|ß)$", &["ÜBER", "über"], &["ubera"]),
        ];
        check_table(table, last_bytes);
        for pattern in [r"share", r"^(?:x?)$", r"^(?:\s*)$", r"(?:a$|b)", r"^$"] {
            assert_eq!(last_bytes(pattern), None, "{pattern}");
        }
    }

    /// Whether `text` matching `pattern` (case-insensitively) keeps to the edge
    /// bytes `edge` gives for it.
    fn keeps_to_its_edge(pattern: &str, text: &str, edge: fn(&str) -> Option<EdgeBytes>) -> bool {
        let regex = regex::RegexBuilder::new(pattern)
            .case_insensitive(true)
            .build()
            .unwrap();
        !regex.is_match(text) || edge(pattern).unwrap().allows(text.as_bytes())
    }

    proptest::proptest! {
        /// Whatever a pattern anchored at the end matches, case-insensitively, closes
        /// with one of its last bytes, rare case forms (`ſ`, the Kelvin sign) included.
        #[test]
        fn every_match_closes_with_a_last_byte(
            text in "[sSſkK\u{212a}1٣ \u{a0}üÜ.x:-]{0,6}",
            pattern in proptest::sample::select(vec![
                r"^(?:\w*s)$", r"^(?:k|ü)$", r"^(?:[a-z]+)$", r"^(?:\d+[.-]x)$",
                r"^(?:(?-i:S)\s*:)$", r"^(?:k(x|ü)?)$", r"^(?:Ü\.\b)$",
            ]),
        ) {
            proptest::prop_assert!(keeps_to_its_edge(pattern, &text, last_bytes));
        }

        /// Whatever a pattern matches, case-insensitively, opens with one of its first
        /// bytes, rare case forms (`ſ`, the Kelvin sign) included.
        #[test]
        fn every_match_opens_with_a_first_byte(
            text in "[sSſkK\u{212a}1٣ \u{a0}üÜ.x-]{0,6}",
            pattern in proptest::sample::select(vec![
                r"^(?:s\w*)", r"^(?:k|ü)", r"^(?:[a-z]+)$", r"^(?:\d+[.-]x)",
                r"^(?:\s*(?-i:S))", r"^(?:(x|ü)?k)", r"^(?:\bÜ\.)",
            ]),
        ) {
            proptest::prop_assert!(keeps_to_its_edge(pattern, &text, first_bytes));
        }
    }

    #[test]
    fn patterns_that_can_start_anywhere_or_match_nothing_have_no_first_bytes() {
        for pattern in [r"share", r"^(?:x?)$", r"^(?:\s*)", r"(?:^a|b)", r"^$"] {
            assert_eq!(first_bytes(pattern), None, "{pattern}");
        }
    }
}
