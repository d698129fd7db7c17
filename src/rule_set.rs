//! A set of regular expressions that answers "which one matches first?" quickly.
//!
//! Unicode word edges (`\b`) force the regex engine off its fast DFA onto a slow
//! NFA simulation as soon as the text holds one non-ASCII character, and news text
//! always does (curly quotes, dashes). So every line would pay the slow price, though
//! almost none matches. Two ways out, both here: patterns written in ASCII can take
//! ASCII word edges ([`ascii_word_edges`]) and run on the DFA as they are
//! ([`RuleSet::new`]); the others get a loose copy with the word edges left out
//! ([`RuleSet::with_prefilter`]), which matches everything the exact set matches (an
//! assertion removed can only let more through) and runs on the DFA. Only the rare
//! text the loose set accepts goes to the exact set.

use regex::{RegexSet, RegexSetBuilder};

/// Room for the lazy DFA's states. Hundreds of case-insensitive rules need more than
/// the default: when the cache fills up too often, the engine falls back to the slow
/// NFA simulation for every line.
const DFA_CACHE_BYTES: usize = 8 << 20;

/// Patterns with a fast negative answer.
#[derive(Debug, Clone)]
pub struct RuleSet {
    loose: Option<RegexSet>,
    exact: RegexSet,
}

fn compile(patterns: impl IntoIterator<Item = String>) -> Result<RegexSet, regex::Error> {
    RegexSetBuilder::new(patterns)
        .dfa_size_limit(DFA_CACHE_BYTES)
        .build()
}

impl RuleSet {
    /// Compiles `patterns`, which run on the fast engine as they are (no Unicode word
    /// edges); fails as [`RegexSet::new`] does.
    pub fn new(patterns: &[String]) -> Result<RuleSet, regex::Error> {
        Ok(RuleSet {
            loose: None,
            exact: compile(patterns.iter().cloned())?,
        })
    }

    /// Compiles `patterns`, which may use Unicode word edges, with a loose copy
    /// without them asked first.
    pub fn with_prefilter(patterns: &[String]) -> Result<RuleSet, regex::Error> {
        Ok(RuleSet {
            loose: Some(compile(patterns.iter().map(|p| without_word_edges(p)))?),
            exact: compile(patterns.iter().cloned())?,
        })
    }

    /// The index of the first pattern (in the order given) that matches `text`.
    pub fn first_match(&self, text: &str) -> Option<usize> {
        let first_pass = self.loose.as_ref().unwrap_or(&self.exact);
        if !first_pass.is_match(text) {
            return None;
        }
        self.exact.matches(text).iter().next()
    }
}

/// `pattern` with its word-edge assertions (`\b`, `\B`, `\b{start}`…) removed.
fn without_word_edges(pattern: &str) -> String {
    map_word_edges(pattern, |_| String::new())
}

/// `pattern` with its word edges made ASCII ones (`(?-u:\b)`), which the DFA runs on
/// any text; for patterns whose words are ASCII, the edges fall in the same places.
pub fn ascii_word_edges(pattern: &str) -> String {
    map_word_edges(pattern, |edge| format!("(?-u:{edge})"))
}

/// `pattern` with every word-edge assertion outside character classes replaced by
/// `replace(assertion)`; escapes and classes are copied as they are.
fn map_word_edges(pattern: &str, replace: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars().peekable();
    let mut class_depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(next) = chars.next() else {
                    out.push(c);
                    break;
                };
                if class_depth == 0 && (next == 'b' || next == 'B') {
                    let mut edge = format!("\\{next}");
                    if chars.peek() == Some(&'{') {
                        for part in chars.by_ref() {
                            edge.push(part);
                            if part == '}' {
                                break;
                            }
                        }
                    }
                    out.push_str(&replace(&edge));
                    continue;
                }
                out.push(c);
                out.push(next);
            }
            '[' => {
                class_depth += 1;
                out.push(c);
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_edges_are_removed_outside_classes_only() {
        let table = [
            (r"\bap\b", "ap"),
            (r"\b{start}ap\b{end}", "ap"),
            (r"a\Bb", "ab"),
            (r"[\b]x", r"[\b]x"),
            (r"\\b", r"\\b"),
            (r"\d+\s*photos?", r"\d+\s*photos?"),
            (r"[^\]\b]\b", r"[^\]\b]"),
        ];
        for (pattern, expected) in table {
            assert_eq!(without_word_edges(pattern), expected, "{pattern}");
        }
    }

    #[test]
    fn word_edges_become_ascii_outside_classes_only() {
        let table = [
            (r"\bap\b", r"(?-u:\b)ap(?-u:\b)"),
            (r"\b{start}ap", r"(?-u:\b{start})ap"),
            (r"a\Bb", r"a(?-u:\B)b"),
            (r"[\b]x", r"[\b]x"),
            (r"\\b", r"\\b"),
        ];
        for (pattern, expected) in table {
            assert_eq!(ascii_word_edges(pattern), expected, "{pattern}");
            if regex::Regex::new(pattern).is_ok() {
                regex::Regex::new(&ascii_word_edges(pattern)).expect("still a valid pattern");
            }
        }
    }

    #[test]
    fn answers_match_the_exact_set() {
        let patterns: Vec<String> = [r"(?i)\bap\b", r"(?i)^über\b", r"(?i)\bphoto\s*:"]
            .iter()
            .map(|p| p.to_string())
            .collect();
        let set = RuleSet::with_prefilter(&patterns).unwrap();
        let table = [
            ("It will happen “soon”.", None),
            ("AP — “soon”", Some(0)),
            ("Über uns", Some(1)),
            ("Überall", None),
            ("Photo: Jane Doe", Some(2)),
            ("photographs: none", None),
        ];
        for (text, expected) in table {
            assert_eq!(set.first_match(text), expected, "{text}");
        }
    }
}
