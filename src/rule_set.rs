//! A list of regular expressions that answers "which one matches first?" quickly.
//!
//! Nearly all text matches no boilerplate rule, so the answer is nearly always "none",
//! and it must come cheaply. One regex set of the whole rules would not give it: the
//! rules' `.*` and counted Unicode classes (`[\p{L} ]{0,20}`) make its lazy DFA build
//! new states on almost every byte, and compiling them costs tens of megabytes.
//!
//! So a gate answers first: it finds which of the rules' *necessary factors* occur,
//! a few strings per rule of which every match contains one (`newsletter` in
//! `\byou\b.*\bnewsletter\b`; see `factor.rs`), in one pass over the paragraph (see
//! `gate.rs`). Only the rules whose factor occurs run, each compiled the first time
//! it is needed, for forward search only: first a looser form of it, cheap to
//! compile; then, where that matches, its form for plain text (ASCII and
//! punctuation); and in full only for a text beyond that, or a rule without a plain
//! form (see `forward.rs`). So a rule that never comes near a match costs little.
//! Rule sets asked about the same texts can share one gate ([`JointGate`]). The
//! strings that open every match of a pattern anchored at the text's start (`by` in
//! `^(by|von)\s`) are kept out of the gate and looked for at the start only.
//!
//! A pattern anchored at the text's start also has the set of bytes its matches can
//! start with (see `edge_bytes.rs`): a text opening with another byte is not asked;
//! and likewise one anchored at the end with the bytes its matches can end with.
//!
//! Patterns match case-insensitively, as if written with `(?i)`. The gate folds case
//! as `(?i)` does, except for the rare forms `ſ` and `K`: text
//! spelling "subscribe" with a long s does not reach the rules.

mod edge_bytes;
mod factor;
mod forward;
mod gate;

use edge_bytes::EdgeBytes;
use factor::{edges, necessary_factor, opens_every_match};
use forward::{Forward, Lazy};
use gate::Gate;
use regex_syntax::hir::Hir;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The least rarity a factor needs to be worth asking: two letters. A rule whose
/// best factor is weaker (`.{0,40}` alone) runs in full on every text.
const MIN_SCORE: u32 = 4;

/// The gate looks for this many characters of each factor string at most: twelve
/// letters are rare enough, and a long phrase's tail would only cost comparisons.
const GATE_CHARS: usize = 12;

/// A string with more non-ASCII letters than this is not spelled in all its case
/// forms for the gate; its rule runs in full on every text instead.
const MAX_FOLDED_LETTERS: u32 = 4;

/// Patterns with a fast negative answer.
#[derive(Debug)]
pub struct RuleSet {
    gate: Gate,
    /// The gate's strings, for a [`JointGate`] to read.
    strings: Vec<String>,
    /// The pattern index of each string of the gate.
    owners: Vec<usize>,
    /// The word edges each string of the gate needs around it.
    edges: Vec<Edges>,
    /// Strings that open every match of their pattern, with its index: kept out of
    /// the gate, which would find them anywhere (`by`, `en`, `share` are in many
    /// paragraphs), and looked for at the text's start only.
    leading: Leading<usize>,
    /// Patterns without a usable factor, asked in full every time.
    ungated: Vec<usize>,
    /// For each pattern that must match the whole text, the longest text it can
    /// match: a longer text is not asked, nor the pattern compiled for it.
    longest: Vec<Option<usize>>,
    /// For each pattern anchored at the text's start, the bytes its matches start
    /// with, and for each anchored at its end, the bytes they end with: a text
    /// opening (closing) with another byte is not asked. Worked out on the pattern's
    /// first question, as most patterns are never asked past the gate.
    edge_bytes: Vec<OnceLock<[Option<EdgeBytes>; 2]>>,
    patterns: Vec<String>,
    /// Each pattern as written (parsed without `(?i)`), for its filter and its form
    /// for ASCII text, parsed the first time one is needed.
    written: Vec<OnceLock<Hir>>,
    /// Each pattern's filter, asked before the pattern (see `forward.rs`).
    filters: Vec<OnceLock<Option<Lazy>>>,
    /// Each pattern for plain texts, when it can be told (see `forward.rs`).
    on_plain: Vec<OnceLock<Option<Lazy>>>,
    compiled: Vec<OnceLock<Forward>>,
    /// Each pattern compiled by the `regex` crate, the reference the tests check the
    /// gate and the forward search against.
    #[cfg(test)]
    reference: Vec<OnceLock<regex::Regex>>,
}

impl RuleSet {
    /// Builds the gate for `patterns`, which match case-insensitively, and checks
    /// their syntax; each pattern is compiled on first use (or by
    /// [`RuleSet::compile_all`]). A pattern `known` has a plan for is taken as
    /// planned there, unparsed. Fails with the index of the first pattern that does
    /// not parse.
    pub fn new(patterns: &[String], known: &Plans) -> Result<RuleSet, (usize, String)> {
        let mut strings = Vec::new();
        let mut owners = Vec::new();
        let mut edges_of = Vec::new();
        let mut ungated = Vec::new();
        let mut leading = Vec::new();
        let mut longest = Vec::with_capacity(patterns.len());
        for (index, pattern) in patterns.iter().enumerate() {
            let plan = match known.get(pattern) {
                Some(plan) => plan.clone(),
                None => Plan::of(pattern).map_err(|e| (index, e))?,
            };
            longest.push(plan.longest);
            let Some(gate) = plan.gate else {
                ungated.push(index);
                continue;
            };
            for GateString(string, before, after) in gate {
                let needs = Edges { before, after };
                if plan.leading {
                    leading.push((string, index, needs));
                } else {
                    strings.push(string);
                    owners.push(index);
                    edges_of.push(needs);
                }
            }
        }
        let gate = Gate::new(&strings);
        let n = patterns.len();
        Ok(RuleSet {
            gate,
            strings,
            owners,
            edges: edges_of,
            leading: Leading::new(leading),
            ungated,
            longest,
            edge_bytes: unset(n),
            patterns: patterns.to_vec(),
            written: unset(n),
            filters: unset(n),
            on_plain: unset(n),
            compiled: unset(n),
            #[cfg(test)]
            reference: unset(n),
        })
    }

    /// Pattern `index` as written (parsed without `(?i)`), parsed the first time it
    /// is asked for.
    fn written(&self, index: usize) -> &Hir {
        self.written[index].get_or_init(|| {
            parse_written(&self.patterns[index])
                .expect("patterns parse (checked when planned, by a test for known plans)")
        })
    }

    /// The patterns, in order.
    #[cfg(test)]
    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }

    /// Compiles every pattern now, so that one too big for the regex engine is named
    /// before any text is read.
    pub fn compile_all(&self) -> Result<(), (usize, String)> {
        for index in 0..self.patterns.len() {
            if self.compiled[index].get().is_none() {
                let rule = Forward::new(&self.patterns[index]).map_err(|e| (index, e))?;
                let _ = self.compiled[index].set(rule);
            }
        }
        Ok(())
    }

    fn rule(&self, index: usize) -> &Forward {
        self.compiled[index].get_or_init(|| {
            Forward::new(&self.patterns[index]).expect(
                "patterns compile (checked up front for user rules, by a test for built-in ones)",
            )
        })
    }

    /// What [`RuleSet::first_match`] must answer: every pattern asked in order by the
    /// `regex` crate, no gate.
    #[cfg(test)]
    pub fn first_match_ungated(&self, text: &str) -> Option<(usize, usize)> {
        (0..self.patterns.len()).find_map(|index| {
            let regex = self.reference[index].get_or_init(|| {
                regex::RegexBuilder::new(&self.patterns[index])
                    .case_insensitive(true)
                    .build()
                    .expect("patterns compile")
            });
            regex.find(text).map(|found| (index, found.end()))
        })
    }

    /// The index of the first pattern (in the order given) that matches `text`, and
    /// where its leftmost match ends.
    pub fn first_match(&self, text: &str) -> Option<(usize, usize)> {
        let mut candidates = Vec::new();
        self.gate.each_hit(text.as_bytes(), |at, string| {
            if self.edges[string].hold(text.as_bytes(), at, self.strings[string].len()) {
                candidates.push(self.owners[string]);
            }
        });
        self.leading
            .each_hit(text.as_bytes(), |pattern| candidates.push(pattern));
        self.first_match_among(text, ordered(&mut candidates))
    }

    /// [`RuleSet::first_match`] with the gate's answer found elsewhere: the patterns
    /// whose strings occur in `text`, in increasing order, each once (see
    /// [`ordered`]). They are asked in order together with the ungated ones.
    pub fn first_match_among(&self, text: &str, candidates: &[usize]) -> Option<(usize, usize)> {
        let (mut gated, mut ungated) = (candidates, self.ungated.as_slice());
        loop {
            let index = match (gated.first(), ungated.first()) {
                (None, None) => return None,
                (Some(&g), Some(&u)) if u < g => {
                    ungated = &ungated[1..];
                    u
                }
                (Some(&g), rest) => {
                    gated = &gated[1..];
                    if rest == Some(&g) {
                        ungated = &ungated[1..];
                    }
                    g
                }
                (None, Some(&u)) => {
                    ungated = &ungated[1..];
                    u
                }
            };
            if let Some(found) = self.found(index, text) {
                return Some(found);
            }
        }
    }

    /// Where pattern `index`'s leftmost match in `text` ends, with the index.
    fn found(&self, index: usize, text: &str) -> Option<(usize, usize)> {
        if self.longest[index].is_some_and(|longest| text.len() > longest)
            || self.edge_bytes[index]
                .get_or_init(|| {
                    let hir = self.written(index);
                    [EdgeBytes::of_anchored(hir), EdgeBytes::of_anchored_end(hir)]
                })
                .iter()
                .flatten()
                .any(|edge| !edge.allows(text.as_bytes()))
        {
            return None;
        }
        let filter = self.filters[index].get_or_init(|| forward::filter(self.written(index)));
        if filter.as_ref().and_then(|filter| filter.match_end(text)) == Some(None) {
            return None;
        }
        if forward::is_plain(text) {
            let on_plain = self.on_plain[index]
                .get_or_init(|| forward::on_plain(&self.patterns[index], self.written(index)));
            if let Some(end) = on_plain.as_ref().and_then(|engine| engine.match_end(text)) {
                return end.map(|end| (index, end));
            }
        }
        self.rule(index).match_end(text).map(|end| (index, end))
    }
}

/// What a rule set needs to know of a pattern before reading any text, worked out
/// from its syntax ([`Plan::of`]). Parsing and reading the patterns is most of a
/// run's start-up, so the built-in rules' plans are kept worked out in
/// `rules/boilerplate.plans.json` (a test checks it against the rules).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// The longest text the pattern can match, when it must match the whole text.
    longest: Option<usize>,
    /// The strings the gate looks for (ASCII letters in lower case, others in each
    /// case form), each with the word edges it needs; `None` for a pattern without
    /// a usable factor, asked about every text.
    gate: Option<Vec<GateString>>,
    /// Whether the strings open every match of the pattern (anchored at the text's
    /// start), and so are looked for at the start only.
    leading: bool,
}

/// A string of a [`Plan`] and whether it needs a word edge before and after it
/// (see [`Edges`]); a list of three in the kept plans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct GateString(String, bool, bool);

/// Plans by the pattern they are for.
pub type Plans = HashMap<String, Plan>;

impl Plan {
    /// The plan of `pattern`, or why it does not parse.
    pub fn of(pattern: &str) -> Result<Plan, String> {
        let hir = parse_written(pattern)?;
        let edged: Option<Vec<_>> = necessary_factor(&hir)
            .filter(|f| f.score >= MIN_SCORE)
            .map(|f| f.strings.iter().map(|s| edges(s)).collect());
        let leading = edged.as_ref().is_some_and(|edged| {
            let texts: Vec<&str> = edged.iter().map(|(_, text, _)| gate_prefix(text)).collect();
            opens_every_match(&hir, &texts)
        });
        let spelled = edged.and_then(|edged| {
            edged
                .into_iter()
                .map(|(before, text, after)| {
                    let prefix = gate_prefix(&text);
                    let after = after && prefix.len() == text.len();
                    let needs = Edges::of(prefix, before, after);
                    case_forms(prefix).map(|forms| {
                        forms
                            .into_iter()
                            .map(move |f| GateString(f, needs.before, needs.after))
                    })
                })
                .collect::<Option<Vec<_>>>()
        });
        Ok(Plan {
            longest: longest_whole_match(&hir),
            gate: spelled.map(|spelled| spelled.into_iter().flatten().collect()),
            leading,
        })
    }
}

/// `n` cells, each filled on first use.
fn unset<T>(n: usize) -> Vec<OnceLock<T>> {
    (0..n).map(|_| OnceLock::new()).collect()
}

/// `pattern` as written: parsed without `(?i)`.
fn parse_written(pattern: &str) -> Result<Hir, String> {
    regex_syntax::Parser::new()
        .parse(pattern)
        .map_err(|e| e.to_string())
}

/// `candidates` in increasing order, each once, as [`RuleSet::first_match_among`]
/// takes them.
pub fn ordered(candidates: &mut Vec<usize>) -> &[usize] {
    candidates.sort_unstable();
    candidates.dedup();
    candidates
}

/// Word edges a string of the gate needs around it, where they can be told from
/// the text's bytes alone: beside a letter, digit or underscore of ASCII that opens
/// or closes the string, an edge needs a byte that is none of those.
#[derive(Debug, Clone, Copy)]
struct Edges {
    before: bool,
    after: bool,
}

impl Edges {
    /// The edges `string` needs, of those its pattern puts `before` and `after` it.
    fn of(string: &str, before: bool, after: bool) -> Edges {
        let bytes = string.as_bytes();
        Edges {
            before: before && bytes.first().is_some_and(|&b| is_word_byte(b)),
            after: after && bytes.last().is_some_and(|&b| is_word_byte(b)),
        }
    }

    /// Whether the string found at `at..at + len` in `text` has them: two word
    /// characters of ASCII side by side have no word edge between them.
    fn hold(self, text: &[u8], at: usize, len: usize) -> bool {
        let word_at = |place: Option<usize>| {
            place
                .and_then(|place| text.get(place))
                .is_some_and(|&b| is_word_byte(b))
        };
        let lost_before = self.before && word_at(at.checked_sub(1));
        let lost_after = self.after && word_at(Some(at + len));
        !(lost_before || lost_after)
    }
}

/// A letter, digit or underscore of ASCII: a word character wherever it is.
fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// Strings that open every match of their pattern, which must match at the text's
/// start (see [`opens_every_match`]), each with its owner and the word edges it
/// needs, sorted by first byte: a text is asked about those it opens with.
#[derive(Debug)]
struct Leading<O> {
    strings: Vec<(String, O, Edges)>,
    /// Where the strings of each first byte start: those of byte `b` are
    /// `strings[starts[b]..starts[b + 1]]`, found without a search (every block is
    /// asked).
    starts: Box<[usize; 257]>,
}

impl<O: Copy> Leading<O> {
    /// `strings` (not empty; ASCII letters in lower case, others in each case form,
    /// as [`case_forms`] gives them) with their owners and edges.
    fn new(mut strings: Vec<(String, O, Edges)>) -> Leading<O> {
        strings.sort_by_key(|(string, ..)| string.as_bytes()[0]);
        let starts = Box::new(std::array::from_fn(|byte| {
            strings.partition_point(|(string, ..)| usize::from(string.as_bytes()[0]) < byte)
        }));
        Leading { strings, starts }
    }

    /// Calls `found` with the owner of each string `text` opens with, with the word
    /// edges it needs.
    fn each_hit(&self, text: &[u8], mut found: impl FnMut(O)) {
        let Some(first) = text.first().map(u8::to_ascii_lowercase) else {
            return;
        };
        let first = usize::from(first);
        let same_first = &self.strings[self.starts[first]..self.starts[first + 1]];
        for (string, owner, edges) in same_first {
            if gate::opens_with(text, string.as_bytes()) && edges.hold(text, 0, string.len()) {
                found(*owner);
            }
        }
    }
}

/// One gate over the strings of several rule sets asked about the same texts, so
/// that a text is read once for all of them.
#[derive(Debug)]
pub struct JointGate {
    gate: Gate,
    /// For each string: its set, its pattern there and its length.
    owners: Vec<JointOwner>,
    /// The word edges each string needs around it.
    edges: Vec<Edges>,
    /// Each set's strings that open every match of their pattern.
    leading: Vec<Leading<JointOwner>>,
}

/// Whose one string of a [`JointGate`] is.
#[derive(Debug, Clone, Copy)]
pub struct JointOwner {
    /// The set's place in the list the gate was built from.
    pub set: usize,
    /// The pattern's index in its set.
    pub pattern: usize,
    /// The string's length in bytes.
    pub len: usize,
    /// The longest text the pattern can match, when it must match the whole text:
    /// the pattern turns a longer one away unread, and so its hits there need not
    /// be kept.
    pub longest: Option<usize>,
}

impl JointGate {
    /// The gate of the strings of `sets`.
    pub fn new(sets: &[&RuleSet]) -> JointGate {
        let mut strings = Vec::new();
        let mut owners = Vec::new();
        let mut edges = Vec::new();
        let mut leading = Vec::new();
        for (set, rules) in sets.iter().enumerate() {
            let owner = |pattern: usize, string: &str| JointOwner {
                set,
                pattern,
                len: string.len(),
                longest: rules.longest[pattern],
            };
            edges.extend(&rules.edges);
            for (string, &pattern) in rules.strings.iter().zip(&rules.owners) {
                strings.push(string.as_str());
                owners.push(owner(pattern, string));
            }
            let opening = rules.leading.strings.iter();
            leading.push(Leading::new(
                opening
                    .map(|(string, pattern, needs)| {
                        (string.clone(), owner(*pattern, string), *needs)
                    })
                    .collect(),
            ));
        }
        JointGate {
            gate: Gate::new(&strings),
            owners,
            edges,
            leading,
        }
    }

    /// Calls `found` with the place and owner of every string wherever it occurs in
    /// `text` with the word edges its pattern needs; a string that opens every match
    /// of its pattern only where its set's patterns read from, `starts[set]` bytes in.
    pub fn each_hit(&self, text: &str, starts: &[usize], mut found: impl FnMut(usize, JointOwner)) {
        let bytes = text.as_bytes();
        self.gate.each_hit(bytes, |at, string| {
            let owner = self.owners[string];
            if self.edges[string].hold(bytes, at, owner.len) {
                found(at, owner);
            }
        });
        for (leading, &start) in self.leading.iter().zip(starts) {
            let subject = bytes.get(start..).unwrap_or_default();
            leading.each_hit(subject, |owner| found(start, owner));
        }
    }
}

/// The most bytes a match of `hir` can span when every match spans the whole text
/// (`^…$`), read before case folding: a character's other case takes at most three
/// times its bytes in UTF-8 (`k` and the Kelvin sign), so four times is a safe bound.
fn longest_whole_match(hir: &regex_syntax::hir::Hir) -> Option<usize> {
    use regex_syntax::hir::Look;
    let properties = hir.properties();
    let whole = properties.look_set_prefix().contains(Look::Start)
        && properties.look_set_suffix().contains(Look::End);
    properties
        .maximum_len()
        .filter(|_| whole)
        .map(|len| len.saturating_mul(4))
}

/// The first [`GATE_CHARS`] characters of a factor string: still in every match, and
/// a long phrase's tail would only cost comparisons.
fn gate_prefix(string: &str) -> &str {
    string
        .char_indices()
        .nth(GATE_CHARS)
        .map_or(string, |(end, _)| &string[..end])
}

/// `folded` (lower case) in every case form of its non-ASCII letters, the gate
/// folding ASCII ones itself: "über" gives "über" and "Über". `None` when there would
/// be too many forms, or the string is empty.
fn case_forms(folded: &str) -> Option<Vec<String>> {
    let letters = folded
        .chars()
        .filter(|c| !c.is_ascii() && upper(*c) != *c)
        .count() as u32;
    if folded.is_empty() || letters > MAX_FOLDED_LETTERS {
        return None;
    }
    let mut forms = vec![String::new()];
    for c in folded.chars() {
        if c.is_ascii() || upper(c) == c {
            forms.iter_mut().for_each(|form| form.push(c));
        } else {
            forms = forms
                .into_iter()
                .flat_map(|form| [format!("{form}{c}"), format!("{form}{}", upper(c))])
                .collect();
        }
    }
    Some(forms)
}

/// `c` in upper case, when that is one character; else `c`.
fn upper(c: char) -> char {
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_those_of_the_patterns_in_order() {
        let patterns: Vec<String> = [
            r"\bap\b",
            r"^über\b",
            r"\bphoto\s*:",
            r"^.{0,10}$",
            r"\byou\b.*\bnewsletter\b",
        ]
        .iter()
        .map(|p| p.to_string())
        .collect();
        let set = RuleSet::new(&patterns, &Plans::new()).unwrap();
        let table = [
            ("It will happen “soon”, they said.", None),
            ("AP — “soon”", Some(0)),
            ("Über uns", Some(1)),
            ("Überall ist es gut", None),
            ("Photo: Jane Doe", Some(2)),
            ("photographs: none", None),
            ("short", Some(3)),
            ("If you like it, get our newsletter", Some(4)),
            ("The newsletter reached you", None),
        ];
        for (text, expected) in table {
            assert_eq!(set.first_match(text).map(|(i, _)| i), expected, "{text}");
        }
    }

    #[test]
    fn case_forms_spell_non_ascii_letters_both_ways() {
        assert_eq!(
            case_forms("über uns"),
            Some(vec!["über uns".to_string(), "Über uns".to_string()])
        );
        assert_eq!(case_forms("news"), Some(vec!["news".to_string()]));
        assert_eq!(case_forms(""), None);
        assert_eq!(case_forms("ééééé"), None);
    }

    #[test]
    fn only_whole_text_patterns_of_bounded_length_have_a_longest_text() {
        let table = [
            ("^(?:en|deutsch)$", Some(28)),
            ("^(?:page \\d+)$", None),
            ("^(?:share)", None),
            ("(?:share)$", None),
            ("^(?:k)$", Some(4)),
        ];
        for (pattern, want) in table {
            let hir = regex_syntax::Parser::new().parse(pattern).unwrap();
            assert_eq!(longest_whole_match(&hir), want, "{pattern}");
        }
        let set = RuleSet::new(&["^(?:k)$".to_string()], &Plans::new()).unwrap();
        assert_eq!(set.first_match("\u{212A}").map(|(i, _)| i), Some(0));
        assert_eq!(set.first_match("kk").map(|(i, _)| i), None);
    }

    #[test]
    fn a_bad_pattern_is_named_by_its_index() {
        let patterns = vec!["ok".to_string(), "(unclosed".to_string()];
        assert_eq!(RuleSet::new(&patterns, &Plans::new()).unwrap_err().0, 1);
    }
}
