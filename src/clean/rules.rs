//! Phrase evidence: the `REASON SCOPE PATTERN` rules of `rules/boilerplate.txt` (and
//! the user's `--rules FILE`), one rule set per scope (see `crate::rule_set`).

use crate::rule_set::{JointGate, RuleSet, ordered};
use serde::Serialize;
use std::fmt;
use std::sync::LazyLock;

/// Why a piece of text was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Reason {
    /// Image captions and credits.
    Caption,
    /// Menus, breadcrumbs, section links, "Other news".
    Navigation,
    /// Subscription, newsletter and donation pleas.
    Promo,
    /// Share buttons and "follow us" lines.
    Social,
    /// Copyright and legal lines.
    Legal,
    /// Advertisement markers.
    Ad,
    /// Cookie banners.
    Cookie,
    /// Comment sections and comment forms.
    Comments,
    /// Lists of related articles and their headlines.
    Related,
    /// Dates, bylines, view counts and reading times beyond the byline and dateline
    /// reported on their own.
    Metadata,
}

impl Reason {
    const ALL: [Reason; 10] = [
        Reason::Caption,
        Reason::Navigation,
        Reason::Promo,
        Reason::Social,
        Reason::Legal,
        Reason::Ad,
        Reason::Cookie,
        Reason::Comments,
        Reason::Related,
        Reason::Metadata,
    ];

    /// The name used in rules files and in the JSON result.
    pub fn name(self) -> &'static str {
        match self {
            Reason::Caption => "caption",
            Reason::Navigation => "navigation",
            Reason::Promo => "promo",
            Reason::Social => "social",
            Reason::Legal => "legal",
            Reason::Ad => "ad",
            Reason::Cookie => "cookie",
            Reason::Comments => "comments",
            Reason::Related => "related",
            Reason::Metadata => "metadata",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a rule says a piece of text is: boilerplate for a reason, or the article's
/// byline or dateline (reported on their own, not as removals).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// Boilerplate, removed for this reason.
    Removed(Reason),
    /// "By Jane Doe".
    Byline,
    /// "Published 12:03 EST, 4 May 2017", "WASHINGTON (Reuters) —".
    Dateline,
}

impl Label {
    fn parse(name: &str) -> Option<Label> {
        match name {
            "byline" => Some(Label::Byline),
            "dateline" => Some(Label::Dateline),
            _ => Reason::ALL
                .into_iter()
                .find(|r| r.name() == name)
                .map(Label::Removed),
        }
    }

    /// The reason to give when text with this label is removed.
    pub fn reason(self) -> Reason {
        match self {
            Label::Removed(reason) => reason,
            Label::Byline | Label::Dateline => Reason::Metadata,
        }
    }
}

/// Where in a block a rule's pattern must match (see `rules/boilerplate.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The whole line of at most 30 words, trimmed of punctuation at both ends.
    Line,
    /// The start of a block of at most 30 words.
    Start,
    /// Anywhere in a block of at most 12 words.
    Short,
    /// Anywhere in one sentence of prose.
    Sentence,
    /// The start of the article's first paragraph, which the match is cut from.
    Lead,
}

const SCOPES: [Scope; 5] = [
    Scope::Line,
    Scope::Start,
    Scope::Short,
    Scope::Sentence,
    Scope::Lead,
];

impl Scope {
    fn parse(name: &str) -> Option<Scope> {
        SCOPES.into_iter().find(|s| s.name() == name)
    }

    fn name(self) -> &'static str {
        match self {
            Scope::Line => "line",
            Scope::Start => "start",
            Scope::Short => "short",
            Scope::Sentence => "sentence",
            Scope::Lead => "lead",
        }
    }

    /// The longest block, in words, the scope applies to.
    fn max_words(self) -> usize {
        match self {
            Scope::Sentence | Scope::Lead => usize::MAX,
            Scope::Line | Scope::Start => 30,
            Scope::Short => 12,
        }
    }

    fn anchored(self, pattern: &str) -> String {
        match self {
            Scope::Line => format!("^(?:{pattern})$"),
            Scope::Start | Scope::Lead => format!("^(?:{pattern})"),
            Scope::Short | Scope::Sentence => format!("(?:{pattern})"),
        }
    }
}

/// A rules file that could not be read as rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulesError {
    /// 1-based line number in the rules text.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for RulesError {}

/// The compiled rules of one scope.
#[derive(Debug)]
struct ScopeRules {
    scope: Scope,
    set: RuleSet,
    labels: Vec<Label>,
    /// The rules file line of each pattern, to name a pattern that fails to compile.
    lines: Vec<usize>,
}

/// The rules of one scope as read, before compiling.
#[derive(Debug, Default)]
struct Pending {
    patterns: Vec<String>,
    labels: Vec<Label>,
    lines: Vec<usize>,
}

/// Compiled boilerplate rules: one rule set per scope, with the label of each pattern.
#[derive(Debug)]
pub struct BoilerplateRules {
    scopes: Vec<ScopeRules>,
    /// One gate for the [`GATED_SCOPES`], which ask the same short blocks (every
    /// scope has its rule set, if an empty one, so the gate's sets are theirs in order).
    block_gate: JointGate,
}

/// The scopes that judge a whole block, in the order they are asked.
const BLOCK_SCOPES: [Scope; 3] = [Scope::Line, Scope::Start, Scope::Short];

/// The block scopes and then the sentence scope, whose rules read a short body
/// block too: the block gate finds the strings of all four in one pass.
const GATED_SCOPES: [Scope; 4] = [Scope::Line, Scope::Start, Scope::Short, Scope::Sentence];

static BUILTIN: LazyLock<BoilerplateRules> = LazyLock::new(|| {
    BoilerplateRules::parse(crate::rules::BOILERPLATE).expect("built-in rules parse")
});

impl BoilerplateRules {
    /// The rules shipped in `rules/boilerplate.txt`.
    pub fn builtin() -> &'static BoilerplateRules {
        &BUILTIN
    }

    /// Rules from text in the `REASON SCOPE PATTERN` format. Patterns are checked for
    /// syntax here and compiled on first use.
    pub fn parse(source: &str) -> Result<BoilerplateRules, RulesError> {
        let mut by_scope: Vec<(Scope, Pending)> =
            SCOPES.iter().map(|&s| (s, Pending::default())).collect();
        for (index, raw) in source.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |message: String| RulesError {
                line: index + 1,
                message,
            };
            let (label, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            let rest = rest.trim_start();
            let (scope, pattern) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
            let pattern = pattern.trim();
            let label =
                Label::parse(label).ok_or_else(|| error(format!("unknown reason {label:?}")))?;
            let scope = Scope::parse(scope).ok_or_else(|| {
                error(format!(
                    "unknown scope {scope:?} (line, start, short, sentence or lead)"
                ))
            })?;
            if pattern.is_empty() {
                return Err(error("missing pattern".into()));
            }
            if let Some((_, pending)) = by_scope.iter_mut().find(|(s, _)| *s == scope) {
                pending.patterns.push(scope.anchored(pattern));
                pending.labels.push(label);
                pending.lines.push(index + 1);
            }
        }
        let scopes = by_scope
            .into_iter()
            .map(
                |(
                    scope,
                    Pending {
                        patterns,
                        labels,
                        lines,
                    },
                )| {
                    let known = &*crate::rules::BOILERPLATE_PLANS;
                    let set =
                        RuleSet::new(&patterns, known).map_err(|(at, message)| RulesError {
                            line: lines[at],
                            message: format!("bad pattern: {message}"),
                        })?;
                    Ok(ScopeRules {
                        scope,
                        set,
                        labels,
                        lines,
                    })
                },
            )
            .collect::<Result<Vec<ScopeRules>, RulesError>>()?;
        let block_sets: Vec<&RuleSet> = GATED_SCOPES
            .iter()
            .filter_map(|&scope| scopes.iter().find(|s| s.scope == scope))
            .map(|s| &s.set)
            .collect();
        let block_gate = JointGate::new(&block_sets);
        Ok(BoilerplateRules { scopes, block_gate })
    }

    /// The built-in rules followed by the user's own, every pattern compiled up front
    /// so that one the regex engine refuses is named before any text is read.
    pub fn with_user_rules(source: &str) -> Result<BoilerplateRules, RulesError> {
        let combined = format!("{}\n{}", crate::rules::BOILERPLATE, source);
        let builtin_lines = crate::rules::BOILERPLATE.lines().count() + 1;
        let rules = BoilerplateRules::parse(&combined).and_then(|rules| {
            rules.compile_all()?;
            Ok(rules)
        });
        rules.map_err(|mut e| {
            e.line = e.line.saturating_sub(builtin_lines);
            e
        })
    }

    fn compile_all(&self) -> Result<(), RulesError> {
        for rules in &self.scopes {
            rules
                .set
                .compile_all()
                .map_err(|(at, message)| RulesError {
                    line: rules.lines[at],
                    message,
                })?;
        }
        Ok(())
    }

    fn scope(&self, scope: Scope) -> Option<&ScopeRules> {
        self.scopes.iter().find(|s| s.scope == scope)
    }

    /// The label of the first rule of `scope` matching `text`.
    pub fn first_match(&self, scope: Scope, text: &str) -> Option<Label> {
        let rules = self.scope(scope)?;
        let (place, _) = rules.set.first_match(text)?;
        rules.labels.get(place).copied()
    }

    /// The label of the first sentence rule matching `text`; `candidates`, when
    /// given, are the rules whose strings [`BoilerplateRules::block_label`] found in
    /// it (in increasing order, each once), which spares a pass of the sentence
    /// rules' own gate.
    pub fn sentence_match(&self, text: &str, candidates: Option<&[usize]>) -> Option<Label> {
        let rules = self.scope(Scope::Sentence)?;
        let (place, _) = match candidates {
            Some(candidates) => rules.set.first_match_among(text, candidates),
            None => rules.set.first_match(text),
        }?;
        rules.labels.get(place).copied()
    }

    /// The label a whole block of `words` words gets from the line, start and short
    /// rules, if any, and the sentence rules whose strings occur in it, found in the
    /// same pass, in increasing order (none for a block too long for the block rules,
    /// which is not read).
    /// Line rules read the block without the marks around it.
    pub fn block_label(&self, text: &str, words: usize) -> (Option<Label>, Option<Vec<usize>>) {
        if BLOCK_SCOPES.iter().all(|scope| words > scope.max_words()) {
            return (None, None);
        }
        let not_alphanumeric = |c: char| !c.is_alphanumeric();
        let from_first = text.trim_start_matches(not_alphanumeric);
        let bare_start = text.len() - from_first.len();
        let bare = from_first.trim_end_matches(not_alphanumeric);
        let in_bare =
            |at: usize, len: usize| bare_start <= at && at + len <= bare_start + bare.len();
        let mut candidates: [Vec<usize>; GATED_SCOPES.len()] = Default::default();
        // the line rules read the block from its first letter or digit, the others whole
        let starts = GATED_SCOPES.map(|scope| if scope == Scope::Line { bare_start } else { 0 });
        self.block_gate.each_hit(text, &starts, |at, owner| {
            let line = GATED_SCOPES[owner.set] == Scope::Line;
            // the pattern would turn a text this long away when asked
            let subject = if line { bare.len() } else { text.len() };
            let fits = owner.longest.is_none_or(|longest| subject <= longest);
            if fits && (!line || in_bare(at, owner.len)) {
                candidates[owner.set].push(owner.pattern);
            }
        });
        let [mut line, mut start, mut short, mut sentence] = candidates;
        let label = BLOCK_SCOPES
            .into_iter()
            .zip([&mut line, &mut start, &mut short])
            .filter(|(scope, _)| words <= scope.max_words())
            .find_map(|(scope, candidates)| {
                let rules = self.scope(scope)?;
                let subject = if scope == Scope::Line { bare } else { text };
                let (place, _) = rules.set.first_match_among(subject, ordered(candidates))?;
                rules.labels.get(place).copied()
            });
        ordered(&mut sentence);
        (label, Some(sentence))
    }

    /// The length in bytes of a lead rule's match at the start of `text`, and its
    /// label.
    pub fn lead(&self, text: &str) -> Option<(usize, Label)> {
        let rules = self.scope(Scope::Lead)?;
        let (place, end) = rules.set.first_match(text)?;
        Some((end, *rules.labels.get(place)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 1000, ..Default::default() })]

        /// The gate only saves work: the built-in rules answer as if each were asked
        /// in turn, on text made of the words and marks the rules look for (all but
        /// the long s and the Kelvin sign, which the gate does not fold), and so do
        /// the block scopes' joint gate.
        #[test]
        fn the_gate_never_changes_an_answer(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "Newsletter", "subscribe", "you", "your", "Über", "uns", "follow", "Jane",
                "Doe", "on", "Twitter", "©", "|", "/", ">", "»", "Getty", "Images", "AP",
                "By", "von", "2017", "12.03.2021", "Photo", ":", "-", "—", "cookies",
                "we", "use", "Read", "more", "is", "a", "professor", "at", "the", "ss",
                "WASHINGTON", "(Reuters)", "Advertisement", "comments", "ß", "\n", ".",
            ]),
            0..12,
        )) {
            let text = words.join(" ");
            let all = BoilerplateRules::builtin();
            for rules in &all.scopes {
                proptest::prop_assert_eq!(rules.set.first_match(&text), rules.set.first_match_ungated(&text), "{:?} {}", rules.scope, text);
            }
            // the joint gate of the block scopes, each asked in turn
            let count = text.split_whitespace().count();
            let bare = text.trim_matches(|c: char| !c.is_alphanumeric());
            let want = BLOCK_SCOPES
                .into_iter()
                .filter(|scope| count <= scope.max_words())
                .find_map(|scope| {
                    let rules = all.scope(scope)?;
                    let subject = if scope == Scope::Line { bare } else { text.as_str() };
                    let (place, _) = rules.set.first_match_ungated(subject)?;
                    rules.labels.get(place).copied()
                });
            let (label, sentence_candidates) = all.block_label(&text, count);
            proptest::prop_assert_eq!(label, want, "{}", text);
            // and the sentence rules asked with the candidates the same pass found
            let sentence = all.scope(Scope::Sentence).unwrap();
            let want = sentence
                .set
                .first_match_ungated(&text)
                .and_then(|(place, _)| sentence.labels.get(place).copied());
            let got = all.sentence_match(&text, sentence_candidates.as_deref());
            proptest::prop_assert_eq!(got, want, "{}", text);
        }
    }

    /// The plans kept for the built-in rules are those of the rules as they are now:
    /// `COPYDESK_BLESS=1 cargo test plans` writes them anew after a change.
    #[test]
    fn built_in_plans_are_those_of_the_rules() {
        let mut seen = std::collections::HashSet::new();
        let mut pairs = Vec::new();
        for rules in &BoilerplateRules::builtin().scopes {
            for pattern in rules.set.patterns().iter().filter(|p| seen.insert(*p)) {
                let plan = crate::rule_set::Plan::of(pattern).expect("built-in patterns parse");
                pairs.push(serde_json::to_string(&(pattern, plan)).unwrap());
            }
        }
        let want = format!("[\n{}\n]\n", pairs.join(",\n"));
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/boilerplate.plans.json");
        if std::env::var_os("COPYDESK_BLESS").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap();
        assert!(
            have == want,
            "{} is out of date: write it anew with COPYDESK_BLESS=1 cargo test plans",
            path.display()
        );
        // and a run reads every one of them (a file it cannot read gives none)
        assert_eq!(crate::rules::BOILERPLATE_PLANS.len(), pairs.len());
    }

    #[test]
    fn every_builtin_rule_compiles() {
        BoilerplateRules::builtin()
            .compile_all()
            .expect("built-in rules compile");
    }

    #[test]
    fn user_rules_name_their_line() {
        let err = BoilerplateRules::with_user_rules("# mine\npromo nowhere x\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("scope"));
        let err = BoilerplateRules::with_user_rules("nonsense line x\n").unwrap_err();
        assert!(err.message.contains("reason"));
        assert!(BoilerplateRules::with_user_rules("ad line (unclosed\n").is_err());
        assert!(BoilerplateRules::with_user_rules("promo line\n").is_err());
    }

    #[test]
    fn scopes_match_where_they_say() {
        let rules = BoilerplateRules::parse(
            "ad line advertisement\nsocial start share on\npromo short newsletter\ndateline lead [A-Z]+ —\\s*\n",
        )
        .unwrap();
        let table: &[(&str, Option<Label>)] = &[
            ("Advertisement", Some(Label::Removed(Reason::Ad))),
            ("- Advertisement -", Some(Label::Removed(Reason::Ad))),
            ("An advertisement ran on Tuesday", None),
            (
                "Share on Facebook and Twitter",
                Some(Label::Removed(Reason::Social)),
            ),
            ("Please share on your feed", None),
            ("Get our newsletter", Some(Label::Removed(Reason::Promo))),
            (
                "The newsletter, which once had a wide readership in the county, closed down in the spring of last year",
                None,
            ),
        ];
        for &(text, want) in table {
            let words = text.split_whitespace().count();
            assert_eq!(rules.block_label(text, words).0, want, "{text}");
        }
        assert_eq!(
            rules.lead("PARIS — The mayor said"),
            Some((10, Label::Dateline))
        );
        assert_eq!(rules.lead("The mayor said"), None);
    }

    #[test]
    fn word_edges_hold_in_any_script() {
        let rules = BoilerplateRules::parse(
            "navigation short \\bübersicht\\b\nrelated short \\bnews\\b\nad sentence \\bwerbung\\b\n",
        )
        .unwrap();
        let table: &[(&str, Option<Reason>)] = &[
            ("Zurück zur Übersicht", Some(Reason::Navigation)),
            ("Übersichtlich gestaltet", None),
            ("Neueste News für Köln", Some(Reason::Related)),
            ("Unser Newsletter für Köln", None),
            ("Dies ist Werbung für Äpfel.", Some(Reason::Ad)),
            ("Die Werbungskosten für Äpfel.", None),
        ];
        for &(text, want) in table {
            let got = rules
                .block_label(text, text.split_whitespace().count())
                .0
                .or_else(|| rules.first_match(Scope::Sentence, text));
            assert_eq!(got.map(Label::reason), want, "{text}");
        }
    }

    #[test]
    fn byline_and_dateline_labels_are_removed_as_metadata() {
        assert_eq!(Label::Byline.reason(), Reason::Metadata);
        assert_eq!(Label::Removed(Reason::Ad).reason(), Reason::Ad);
        assert_eq!(
            Label::parse("metadata"),
            Some(Label::Removed(Reason::Metadata))
        );
        assert_eq!(Label::parse("byline"), Some(Label::Byline));
    }
}
