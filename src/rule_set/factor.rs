//! Necessary factors: for a regular expression, a few short strings of which every
//! match contains at least one. `\byou\b.*\b(newsletter|donat\w*)\b` has the factor
//! {`newsletter`, `donat`}: no text without one of them can match it.
//!
//! Strings are case-folded: a class that only spells one letter's case forms
//! (`[Ssſ]`, from `(?i)`) is that letter in lower case. A word edge (`\b`) that opens
//! or closes a string is kept as a mark there ([`edges`] reads it): `ap` in
//! `\bap\b` needs one on each side, which "happy" does not give it. Other
//! assertions are left out, which only lets more text through.

use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// Stands for a word edge in a factor's strings. No text holds it (a NUL byte marks
/// a file as binary), so a pattern that spells it never matches anyway.
const WORD_EDGE: char = '\0';

/// `string` without its word-edge marks, and whether one opens and one closes it.
pub fn edges(string: &str) -> (bool, String, bool) {
    let text: String = string.chars().filter(|&c| c != WORD_EDGE).collect();
    let edged = !text.is_empty();
    (
        edged && string.starts_with(WORD_EDGE),
        text,
        edged && string.ends_with(WORD_EDGE),
    )
}

/// At most this many strings in one factor: a run of small classes multiplies out
/// (`[./-][./-]…`), and past this it is cut short.
const MAX_STRINGS: usize = 64;

/// Strings of which every match of a piece of pattern contains one, in lower case,
/// and how rare they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Factor {
    /// The strings; none is empty when the score is above zero.
    pub strings: Vec<String>,
    /// The rarity of the commonest string: 2 for a letter or digit, 1 for prose
    /// punctuation, 4 for a rare symbol, summed along each string.
    pub score: u32,
}

impl Factor {
    fn empty() -> Factor {
        Factor {
            strings: vec![String::new()],
            score: 0,
        }
    }

    /// Every string of `self` followed by every string of `next`, unless that makes
    /// too many.
    fn then(&self, next: &Factor) -> Option<Factor> {
        if self.strings.len() * next.strings.len() > MAX_STRINGS {
            return None;
        }
        let mut strings = Vec::with_capacity(self.strings.len() * next.strings.len());
        for a in &self.strings {
            for b in &next.strings {
                let mut joined = String::with_capacity(a.len() + b.len());
                joined.push_str(a);
                joined.push_str(b);
                strings.push(joined);
            }
        }
        Some(Factor {
            strings,
            score: self.score + next.score,
        })
    }

    /// The strings of all `alternatives`; as rare as the commonest of them.
    fn any_of(alternatives: Vec<Factor>) -> Option<Factor> {
        let score = alternatives.iter().map(|f| f.score).min().unwrap_or(0);
        let mut strings: Vec<String> = Vec::new();
        for s in alternatives.into_iter().flat_map(|f| f.strings) {
            if !strings.contains(&s) {
                strings.push(s);
            }
            if strings.len() > MAX_STRINGS {
                return None;
            }
        }
        Some(Factor { strings, score })
    }
}

/// The rarest necessary factor of `hir`, if it has one.
pub fn necessary_factor(hir: &Hir) -> Option<Factor> {
    parts(hir).best
}

/// What one node of a pattern offers the nodes around it, found in one pass.
#[derive(Debug, Default)]
struct Parts {
    /// The node whole, when it is a few fixed strings (word edges match "").
    whole: Option<Factor>,
    /// For `x+` or `x{2,5}` with `x` fixed: `x`, which every match starts and ends with.
    edge: Option<Factor>,
    /// The node's rarest necessary factor.
    best: Option<Factor>,
}

fn parts(hir: &Hir) -> Parts {
    match hir.kind() {
        HirKind::Look(Look::WordUnicode | Look::WordAscii) => Parts {
            whole: Some(Factor {
                strings: vec![WORD_EDGE.to_string()],
                score: 0,
            }),
            ..Parts::default()
        },
        HirKind::Empty | HirKind::Look(_) => Parts {
            whole: Some(Factor::empty()),
            ..Parts::default()
        },
        HirKind::Literal(literal) => {
            let found = std::str::from_utf8(&literal.0).ok().map(|text| Factor {
                strings: vec![text.chars().map(fold).collect()],
                score: text.chars().map(char_score).sum(),
            });
            fixed(found)
        }
        HirKind::Class(class) => fixed(class_factor(class)),
        HirKind::Capture(capture) => parts(&capture.sub),
        HirKind::Repetition(rep) if rep.min == 0 => Parts::default(),
        HirKind::Repetition(rep) => {
            let sub = parts(&rep.sub);
            if Some(rep.min) == rep.max {
                let whole = sub
                    .whole
                    .as_ref()
                    .and_then(|one| (0..rep.min).try_fold(Factor::empty(), |acc, _| acc.then(one)));
                Parts {
                    best: rarer(whole.clone(), sub.best),
                    whole,
                    edge: None,
                }
            } else {
                Parts {
                    edge: sub.whole,
                    best: sub.best,
                    whole: None,
                }
            }
        }
        HirKind::Concat(items) => {
            let items: Vec<Parts> = items.iter().map(parts).collect();
            let whole = items
                .iter()
                .try_fold(Factor::empty(), |acc, item| acc.then(item.whole.as_ref()?));
            Parts {
                best: rarer(whole.clone(), best_run(items)),
                whole,
                edge: None,
            }
        }
        HirKind::Alternation(alternatives) => {
            let mut alternatives: Vec<Parts> = alternatives.iter().map(parts).collect();
            let mut any = |pick: fn(&mut Parts) -> Option<Factor>| {
                Factor::any_of(alternatives.iter_mut().map(pick).collect::<Option<_>>()?)
            };
            let whole = any(|p| p.whole.take());
            Parts {
                best: rarer(whole.clone(), any(|p| p.best.take())),
                whole,
                edge: None,
            }
        }
    }
}

/// The parts of a node that is exactly `found`.
fn fixed(found: Option<Factor>) -> Parts {
    Parts {
        whole: found.clone(),
        best: found,
        edge: None,
    }
}

/// The rarer of two factors; the first on a tie.
fn rarer(a: Option<Factor>, b: Option<Factor>) -> Option<Factor> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.score > a.score { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// The rarest factor of a concatenation: a run of neighbouring fixed items, or a
/// factor found inside one item that is not fixed.
fn best_run(items: Vec<Parts>) -> Option<Factor> {
    let mut best: Option<Factor> = None;
    let mut run = Factor::empty();
    for item in items {
        if let Some(whole) = item.whole {
            match run.then(&whole) {
                Some(longer) => run = longer,
                None => best = rarer(best, Some(std::mem::replace(&mut run, whole))),
            }
        } else if let Some(copy) = item.edge {
            // `x+`: its first copy ends the run before it, its last starts the next.
            let ended = run.then(&copy).unwrap_or(run);
            best = rarer(best, Some(ended));
            run = copy;
        } else {
            let ended = std::mem::replace(&mut run, Factor::empty());
            best = rarer(rarer(best, Some(ended)), item.best);
        }
    }
    rarer(best, Some(run))
}

/// A class of at most eight characters as strings of one character each; a broad
/// class (`\w`, `.`, `[^|]`) is no factor.
fn class_factor(class: &Class) -> Option<Factor> {
    let chars: Vec<char> = match class {
        Class::Unicode(c) => c.iter().flat_map(|r| r.start()..=r.end()).take(9).collect(),
        Class::Bytes(c) => c
            .iter()
            .flat_map(|r| r.start()..=r.end())
            .take(9)
            .map(char::from)
            .collect(),
    };
    if chars.len() > 8 {
        return None;
    }
    let mut folded: Vec<char> = chars.iter().copied().map(fold).collect();
    folded.sort_unstable();
    folded.dedup();
    Some(Factor {
        score: folded.iter().copied().map(char_score).min().unwrap_or(0),
        strings: folded.into_iter().map(String::from).collect(),
    })
}

/// Whether every match of `hir` starts at the text's start with one of `strings`
/// (folded, without word-edge marks): then they need not be looked for anywhere else.
/// `by` of `^(by|von)\s+\w+` opens every match, `jan` of `^(monday,\s*)?jan` does not.
pub fn opens_every_match(hir: &Hir, strings: &[&str]) -> bool {
    if !hir.properties().look_set_prefix().contains(Look::Start) {
        return false;
    }
    // literals cut to the longest string's length tell as much, and cost less
    let longest = strings.iter().map(|s| s.len()).max().unwrap_or(0);
    let prefixes = Extractor::new()
        .kind(ExtractKind::Prefix)
        .limit_literal_len(longest)
        .extract(hir);
    prefixes.literals().is_some_and(|literals| {
        literals.iter().all(|literal| {
            std::str::from_utf8(literal.as_bytes()).is_ok_and(|text| {
                let folded: String = text.chars().map(fold).collect();
                strings
                    .iter()
                    .any(|s| !s.is_empty() && folded.starts_with(s))
            })
        })
    })
}

/// `c` in lower case; a rare form of an ASCII letter (`ſ`, the Kelvin sign) is that
/// letter.
fn fold(c: char) -> char {
    let mut lower = c.to_lowercase();
    let lower = match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    };
    if lower.is_ascii() {
        return lower;
    }
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) if u.is_ascii() => u.to_ascii_lowercase(),
        _ => lower,
    }
}

/// How much one character narrows a match: a letter or digit counts 2, the
/// punctuation of prose 1, and a symbol prose seldom holds (`|`, `©`, `»`) 4, enough
/// on its own.
fn char_score(c: char) -> u32 {
    if c.is_alphanumeric() {
        2
    } else if c.is_whitespace() || ".,;:'\"!?()-".contains(c) {
        1
    } else {
        4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn factor_of(pattern: &str) -> Option<(Vec<String>, u32)> {
        let hir = regex_syntax::Parser::new().parse(pattern).unwrap();
        let strings = |f: Factor| f.strings.iter().map(|s| edges(s).1).collect();
        necessary_factor(&hir)
            .map(|f| (f.score, f))
            .map(|(score, f)| (strings(f), score))
    }

    #[test]
    fn strings_open_every_match_only_at_a_forced_start() {
        let table: &[(&str, &[&str], bool)] = &[
            (r"^(?:(by|von)\s+\w+)", &["by", "von"], true),
            (
                r"^(?:(Sign up|subscribe) (for|to))",
                &["sign up f", "sign up t", "subscribe"],
                true,
            ),
            (r"^(?:über\b)", &["über"], true),
            (r"^(?:((mon|fri)day,?\s*)?jan)", &["jan"], false),
            (r"(by|von)\s+\w+", &["by", "von"], false),
            (r"^(?:\d+ comments)", &["comments"], false),
            (r"^(?:(by|von)\s+\w+)", &["by"], false),
        ];
        for &(pattern, strings, want) in table {
            let hir = regex_syntax::Parser::new().parse(pattern).unwrap();
            assert_eq!(opens_every_match(&hir, strings), want, "{pattern}");
        }
    }

    #[test]
    fn word_edges_that_open_or_close_a_string_are_kept() {
        /// An edge before, a string, an edge after.
        type Edged<'a> = (bool, &'a str, bool);
        // (pattern, each string with its edges)
        let table: &[(&str, &[Edged])] = &[
            (r"(?i)\bap\b", &[(true, "ap", true)]),
            (r"\b(ab|cd)x", &[(true, "abx", false), (true, "cdx", false)]),
            (r"\bab\b\s+\bcd", &[(true, "ab", true)]),
            (
                r"(?i)\bfollow (us|me) on\b",
                &[(true, "follow us on", true), (true, "follow me on", true)],
            ),
            (r"x\B(yz)", &[(false, "xyz", false)]),
            (r"^ab$", &[(false, "ab", false)]),
        ];
        for &(pattern, want) in table {
            let hir = regex_syntax::Parser::new().parse(pattern).unwrap();
            let mut got: Vec<(bool, String, bool)> = necessary_factor(&hir)
                .unwrap()
                .strings
                .iter()
                .map(|s| edges(s))
                .collect();
            let mut want: Vec<(bool, String, bool)> = want
                .iter()
                .map(|&(b, s, a)| (b, s.to_string(), a))
                .collect();
            got.sort();
            want.sort();
            assert_eq!(got, want, "{pattern}");
        }
    }

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn factors_are_the_rarest_piece_every_match_contains() {
        let table: &[(&str, &[&str])] = &[
            (r"(?i)\bap\b", &["ap"]),
            (
                r"(?i)\b(you|your)\b.*\b(subscri\w*|newsletter)\b",
                &["subscri", "newsletter"],
            ),
            (r"^(?:.{0,40}(\|\s*.{1,40}){2,})$", &["|"]),
            (r"(?i)^©\s*\S.{0,40}$", &["©"]),
            (r"(?i)\bby\b\s*\p{Lu}\w+", &["by"]),
            (r"x{2}yz", &["xxyz"]),
            (r"(ab)+cd", &["abcd"]),
            (r"(?i)Über uns", &["über uns"]),
            (r"(?i)\bkeks\b", &["keks"]),
            (r"[./-]x", &[".x", "/x", "-x"]),
            (r"\d{4}-\d{2}", &["-"]),
        ];
        for &(pattern, expected) in table {
            let (got, _) = factor_of(pattern).unwrap_or_default();
            let mut got = got;
            let mut want = strings(expected);
            got.sort();
            want.sort();
            assert_eq!(got, want, "{pattern}");
        }
    }

    #[test]
    fn rarity_counts_letters_punctuation_and_symbols() {
        let table = [(r"ap", 4), (r"a|bc", 2), (r"\|", 4), (r"-", 1), (r".*", 0)];
        for (pattern, score) in table {
            assert_eq!(factor_of(pattern).map_or(0, |(_, s)| s), score, "{pattern}");
        }
    }

    #[test]
    fn too_many_strings_cut_the_run() {
        let pattern = r"[abcdefgh][abcdefgh][abcdefgh]zzzz";
        let (got, _) = factor_of(pattern).unwrap();
        assert!(got.len() <= MAX_STRINGS);
        assert!(got.iter().all(|s| s.ends_with("zzzz")), "{got:?}");
    }
}
