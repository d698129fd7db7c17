//! A rule's pattern compiled for the one question the rules ask of it: where does its
//! first match end?
//!
//! A general regex also builds a reverse automaton to find where a match starts,
//! literal prefilters and a one-pass DFA; for the rules that is three times the
//! compile work (0.4 ms a rule on average, 4 ms for the biggest), and the gate has
//! already done the prefilter's job. Here one forward NFA serves a lazy DFA and,
//! where that DFA gives up (a Unicode word boundary next to a non-ASCII byte), the
//! bounded backtracker or, on a text too long for it, a PikeVM. All find the
//! leftmost-first match, as the `regex` crate does.
//!
//! News text is full of curly quotes and dashes, so that DFA gives up on most
//! paragraphs, and the backtracker then costs a hundred times more, for an answer
//! that is nearly always "no match". So before it, a second lazy DFA asks a looser
//! pattern, without the word edges and with any character for big classes, which
//! matches wherever the pattern does (an assertion only ever removes matches) and
//! never gives up on a non-ASCII byte: when it finds nothing, neither would the
//! pattern.

use regex_automata::Input;
use regex_automata::hybrid::dfa::{self, DFA};
use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, NFA, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_syntax::hir::{self as hir, Hir, HirKind, Look};
use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::OnceLock;

/// The NFA size the `regex` crate allows by default: a pattern bigger than this is
/// refused when it compiles, not run.
const NFA_SIZE_LIMIT: usize = 10 * (1 << 20);

/// The search state each thread needs, taken from a pool per pattern.
struct Caches {
    dfa: dfa::Cache,
    /// For the DFA of [`Relaxed`], made the first time it is needed.
    relaxed: Option<dfa::Cache>,
    backtrack: backtrack::Cache,
    pike: pikevm::Cache,
}

type MakeCaches = Box<dyn Fn() -> Caches + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// A case-insensitive pattern, compiled for forward search.
pub struct Forward {
    dfa: DFA,
    /// The pattern [`loosened`], when it has Unicode word edges.
    relaxed: Option<Relaxed>,
    backtrack: BoundedBacktracker,
    pike: PikeVM,
    caches: Pool<Caches, MakeCaches>,
}

impl std::fmt::Debug for Forward {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Forward").finish_non_exhaustive()
    }
}

impl Forward {
    /// `pattern`, matching case-insensitively as every rule does, or why it does not
    /// compile.
    pub fn new(pattern: &str) -> Result<Forward, String> {
        let hir = syntax::parse_with(pattern, &syntax::Config::new().case_insensitive(true))
            .map_err(|e| with_causes(&e))?;
        let nfa = compile(&hir)?;
        let dfa = lazy_dfa(nfa.clone())?;
        let relaxed = hir
            .properties()
            .look_set()
            .contains_word_unicode()
            .then(|| Relaxed {
                hir: loosened(&hir),
                dfa: OnceLock::new(),
            });
        let backtrack =
            BoundedBacktracker::new_from_nfa(nfa.clone()).map_err(|e| with_causes(&e))?;
        let pike = PikeVM::new_from_nfa(nfa).map_err(|e| with_causes(&e))?;
        let engines = (dfa.clone(), backtrack.clone(), pike.clone());
        let make: MakeCaches = Box::new(move || Caches {
            dfa: engines.0.create_cache(),
            relaxed: None,
            backtrack: engines.1.create_cache(),
            pike: engines.2.create_cache(),
        });
        Ok(Forward {
            dfa,
            relaxed,
            backtrack,
            pike,
            caches: Pool::new(make),
        })
    }

    /// Where the leftmost-first match in `text` ends, if there is one.
    pub fn match_end(&self, text: &str) -> Option<usize> {
        let input = Input::new(text);
        let mut caches = self.caches.get();
        if let Ok(found) = self.dfa.try_search_fwd(&mut caches.dfa, &input) {
            return found.map(|half| half.offset());
        }
        if let Some(dfa) = self.relaxed.as_ref().and_then(Relaxed::dfa) {
            let cache = caches.relaxed.get_or_insert_with(|| dfa.create_cache());
            if let Ok(None) = dfa.try_search_fwd(cache, &input) {
                return None;
            }
        }
        if text.len() <= self.backtrack.max_haystack_len() {
            if let Ok(found) = self
                .backtrack
                .try_find(&mut caches.backtrack, input.clone())
            {
                return found.map(|found| found.end());
            }
        }
        self.pike
            .find(&mut caches.pike, input)
            .map(|found| found.end())
    }
}

/// A pattern's case-insensitive HIR compiled to the NFA every engine here runs.
fn compile(hir: &Hir) -> Result<NFA, String> {
    thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .which_captures(WhichCaptures::Implicit)
                .nfa_size_limit(Some(NFA_SIZE_LIMIT)),
        )
        .build_from_hir(hir)
        .map_err(|e| with_causes(&e))
}

/// A lazy DFA of `nfa` that gives up where a Unicode word edge meets a non-ASCII
/// byte.
fn lazy_dfa(nfa: NFA) -> Result<DFA, String> {
    DFA::builder()
        .configure(DFA::config().unicode_word_boundary(true))
        .build_from_nfa(nfa)
        .map_err(|e| with_causes(&e))
}

/// A looser form of a pattern, compiled the first time the exact DFA gives up:
/// rules that only ever see ASCII text never pay for it.
struct Relaxed {
    hir: Hir,
    /// `None` when it does not compile (it then never answers).
    dfa: OnceLock<Option<DFA>>,
}

impl Relaxed {
    fn dfa(&self) -> Option<&DFA> {
        self.dfa
            .get_or_init(|| compile(&self.hir).and_then(lazy_dfa).ok())
            .as_ref()
    }
}

/// A class with more ranges than this (`\w`, `\p{L}`) is any character in a
/// [`loosened`] pattern: spelled out in UTF-8, it would cost most of the compile.
const MAX_KEPT_RANGES: usize = 32;

/// `hir` with every Unicode word edge (`\b`, `\B`, `\b{start}`…) matching the empty
/// string anywhere and every big class any character: it matches every span `hir`
/// matches, and more.
fn loosened(hir: &Hir) -> Hir {
    let each = |subs: &[Hir]| subs.iter().map(loosened).collect();
    match hir.kind() {
        HirKind::Look(look) if is_unicode_word_edge(*look) => Hir::empty(),
        HirKind::Class(hir::Class::Unicode(class)) if class.ranges().len() > MAX_KEPT_RANGES => {
            Hir::dot(hir::Dot::AnyChar)
        }
        HirKind::Repetition(rep) => Hir::repetition(hir::Repetition {
            sub: Box::new(loosened(&rep.sub)),
            ..rep.clone()
        }),
        HirKind::Capture(cap) => Hir::capture(hir::Capture {
            sub: Box::new(loosened(&cap.sub)),
            ..cap.clone()
        }),
        HirKind::Concat(subs) => Hir::concat(each(subs)),
        HirKind::Alternation(subs) => Hir::alternation(each(subs)),
        _ => hir.clone(),
    }
}

fn is_unicode_word_edge(look: Look) -> bool {
    matches!(
        look,
        Look::WordUnicode
            | Look::WordUnicodeNegate
            | Look::WordStartUnicode
            | Look::WordEndUnicode
            | Look::WordStartHalfUnicode
            | Look::WordEndHalfUnicode
    )
}

/// An error's message followed by those of its causes: the regex engine's own says
/// only "error parsing regex", its cause where and why.
fn with_causes(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut cause = error.source();
    while let Some(next) = cause {
        message.push_str(": ");
        message.push_str(&next.to_string());
        cause = next.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_are_those_of_the_regex_crate() {
        let patterns = [
            r"\bap\b",
            r"^(?:by)\s+\w+",
            r"\byou\b.*\bnewsletter\b",
            r"(?-i:\p{Lu})\w+ —",
            r"^(?:[A-Z]+ —\s*)",
            r"über\b",
        ];
        let texts = [
            "AP — “soon”",
            "By Jane Doe and others",
            "If you like it, get our NEWSLETTER today",
            "Über uns: Café — offen",
            "PARIS — The mayor said",
            "naïve “AP” wire",
            "",
        ];
        for pattern in patterns {
            let forward = Forward::new(pattern).unwrap();
            let regex = regex::RegexBuilder::new(pattern)
                .case_insensitive(true)
                .build()
                .unwrap();
            for text in texts {
                let want = regex.find(text).map(|m| m.end());
                assert_eq!(forward.match_end(text), want, "{pattern} on {text}");
            }
        }
    }

    proptest::proptest! {
        /// Word edges next to curly quotes and accented letters: the exact DFA gives
        /// up there, and the relaxed one must never answer "no" for a text the
        /// pattern matches.
        #[test]
        fn word_edges_next_to_non_ascii_text_answer_as_the_regex_crate(
            text in "[a-zé “’—.]{0,30}",
            pattern in proptest::sample::select(vec![
                r"\ba\b", r"\bé\w*", r"\Ba", r"a\b.*\bé\b", r"^\w+\b", r"\b{start}é",
            ]),
        ) {
            let regex = regex::RegexBuilder::new(pattern)
                .case_insensitive(true)
                .build()
                .unwrap();
            let want = regex.find(&text).map(|m| m.end());
            proptest::prop_assert_eq!(Forward::new(pattern).unwrap().match_end(&text), want);
        }
    }

    #[test]
    fn a_pattern_that_cannot_compile_says_why() {
        let unclosed = Forward::new("(unclosed").unwrap_err();
        assert!(unclosed.contains("unclosed group"), "{unclosed}");
        let huge = Forward::new(r"\w{1000}{1000}").unwrap_err();
        assert!(huge.contains("exceeded limit"), "{huge}");
    }
}
