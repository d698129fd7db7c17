//! Cleaning: decides which paragraphs (and which sentences at the end of a paragraph)
//! are boilerplate a scraper dragged along, and why; finds the title.
//!
//! Evidence, in order: phrase rules per reason (`rules/boilerplate.txt`, plus the
//! user's own), then position: short lines without sentence punctuation after the last
//! run of prose, and runs of menu-like lines before the first. Precision comes first:
//! a paragraph no rule explains is kept.

use crate::layout::Paragraph;
use crate::rule_set::RuleSet;
use crate::segment;
use crate::span::Span;
use regex::Regex;
use serde::Serialize;
use std::fmt;
use std::sync::LazyLock;

/// Why a piece of text was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Reason {
    /// Image captions and credits.
    Caption,
    /// Menus, section links, "Other news".
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
    /// Comment sections.
    Comments,
    /// Lists of related articles.
    Related,
}

impl Reason {
    const ALL: [Reason; 9] = [
        Reason::Caption,
        Reason::Navigation,
        Reason::Promo,
        Reason::Social,
        Reason::Legal,
        Reason::Ad,
        Reason::Cookie,
        Reason::Comments,
        Reason::Related,
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
        }
    }

    fn parse(name: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.name() == name)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A removed piece of the input and the reason for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Removal {
    /// Where the removed text is.
    pub span: Span,
    /// Why it was removed.
    pub reason: Reason,
}

/// What cleaning decided about a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// The headline, when the first paragraph reads as one.
    pub title: Option<Span>,
    /// The kept part of each body paragraph, in order.
    pub body: Vec<Span>,
    /// Everything removed, in order.
    pub removed: Vec<Removal>,
}

/// Where in a paragraph a rule's pattern must match (see `rules/boilerplate.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Line,
    Start,
    Short,
    Sentence,
}

const SCOPES: [Scope; 4] = [Scope::Line, Scope::Start, Scope::Short, Scope::Sentence];

impl Scope {
    fn parse(name: &str) -> Option<Scope> {
        match name {
            "line" => Some(Scope::Line),
            "start" => Some(Scope::Start),
            "short" => Some(Scope::Short),
            "sentence" => Some(Scope::Sentence),
            _ => None,
        }
    }

    /// The longest paragraph, in words, the scope applies to.
    fn max_words(self) -> usize {
        match self {
            Scope::Line | Scope::Sentence => usize::MAX,
            Scope::Start => 30,
            Scope::Short => 12,
        }
    }

    fn anchored(self, pattern: &str) -> String {
        match self {
            Scope::Line => format!("(?i)^(?:{pattern})$"),
            Scope::Start => format!("(?i)^(?:{pattern})"),
            Scope::Short | Scope::Sentence => format!("(?i)(?:{pattern})"),
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

/// Compiled boilerplate rules: one regex set per scope, with the reason of each pattern.
#[derive(Debug, Clone)]
pub struct BoilerplateRules {
    sets: Vec<(Scope, RuleSet, Vec<Reason>)>,
}

static BUILTIN: LazyLock<BoilerplateRules> = LazyLock::new(|| {
    BoilerplateRules::parse(crate::rules::BOILERPLATE).expect("built-in rules parse")
});

impl BoilerplateRules {
    /// The rules shipped in `rules/boilerplate.txt`.
    pub fn builtin() -> &'static BoilerplateRules {
        &BUILTIN
    }

    /// Rules from text in the `REASON SCOPE PATTERN` format.
    pub fn parse(source: &str) -> Result<BoilerplateRules, RulesError> {
        let mut by_scope: Vec<(Scope, Vec<String>, Vec<Reason>)> = SCOPES
            .iter()
            .map(|&s| (s, Vec::new(), Vec::new()))
            .collect();
        for (index, raw) in source.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |message: String| RulesError {
                line: index + 1,
                message,
            };
            let (reason, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            let rest = rest.trim_start();
            let (scope, pattern) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
            let pattern = pattern.trim();
            let reason =
                Reason::parse(reason).ok_or_else(|| error(format!("unknown reason {reason:?}")))?;
            let scope = Scope::parse(scope).ok_or_else(|| {
                error(format!(
                    "unknown scope {scope:?} (line, start, short or sentence)"
                ))
            })?;
            if pattern.is_empty() {
                return Err(error("missing pattern".into()));
            }
            let anchored = scope.anchored(pattern);
            Regex::new(&anchored).map_err(|e| error(format!("bad pattern: {e}")))?;
            let slot = by_scope.iter_mut().find(|(s, _, _)| *s == scope);
            if let Some((_, patterns, reasons)) = slot {
                patterns.push(anchored);
                reasons.push(reason);
            }
        }
        let sets = by_scope
            .into_iter()
            .map(|(scope, patterns, reasons)| {
                let set = RuleSet::new(&patterns).map_err(|e| RulesError {
                    line: 0,
                    message: e.to_string(),
                })?;
                Ok((scope, set, reasons))
            })
            .collect::<Result<_, RulesError>>()?;
        Ok(BoilerplateRules { sets })
    }

    /// The built-in rules followed by the user's own.
    pub fn with_user_rules(source: &str) -> Result<BoilerplateRules, RulesError> {
        let combined = format!("{}\n{}", crate::rules::BOILERPLATE, source);
        let builtin_lines = crate::rules::BOILERPLATE.lines().count() + 1;
        BoilerplateRules::parse(&combined).map_err(|mut e| {
            e.line = e.line.saturating_sub(builtin_lines);
            e
        })
    }

    fn first_match(&self, scope: Scope, text: &str) -> Option<Reason> {
        let (_, set, reasons) = self.sets.iter().find(|(s, _, _)| *s == scope)?;
        set.first_match(text).map(|i| reasons[i])
    }

    /// The reason a whole paragraph of `words` words is boilerplate, if a rule says so.
    fn paragraph_reason(&self, text: &str, words: usize) -> Option<Reason> {
        let bare = text.trim_matches(|c: char| !c.is_alphanumeric());
        [Scope::Line, Scope::Start, Scope::Short]
            .into_iter()
            .filter(|scope| words <= scope.max_words())
            .find_map(|scope| {
                let subject = if scope == Scope::Line { bare } else { text };
                self.first_match(scope, subject)
            })
    }
}

/// Paragraphs shorter than this many words (and not ending a sentence) are not prose.
const PROSE_MIN_WORDS: usize = 8;
/// A paragraph this long is prose whatever its punctuation.
const PROSE_ANY_WORDS: usize = 20;
/// Lines up to this many words, without sentence punctuation, read as menu items.
const MENU_MAX_WORDS: usize = 4;
/// A title has at least this many words, and at most `TITLE_MAX_WORDS`.
const TITLE_MIN_WORDS: usize = 3;
const TITLE_MAX_WORDS: usize = 30;

/// What the cleaner knows of one paragraph.
struct Block<'a> {
    span: Span,
    text: &'a str,
    words: usize,
    terminal: bool,
    single_line: bool,
    removed: Option<Reason>,
}

impl Block<'_> {
    fn is_prose(&self) -> bool {
        self.removed.is_none()
            && (self.words >= PROSE_ANY_WORDS || (self.words >= PROSE_MIN_WORDS && self.terminal))
    }

    fn is_menu_item(&self) -> bool {
        self.words <= MENU_MAX_WORDS && !self.terminal
    }
}

/// True when `s` ends like a sentence: a terminal mark, perhaps followed by closers.
pub fn ends_with_terminal(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ']);
    s.ends_with(['.', '!', '?', '…'])
}

/// Decides what in `paragraphs` of `text` is title, body and boilerplate.
pub fn clean(text: &str, paragraphs: &[Paragraph], rules: &BoilerplateRules) -> Cleaned {
    let mut blocks = blocks(text, paragraphs, Some(rules));
    let title = find_title(&blocks);
    let body_from = usize::from(title.is_some());
    mark_by_position(&mut blocks[body_from..]);

    let mut cleaned = Cleaned {
        title,
        ..Cleaned::default()
    };
    for block in &blocks[body_from..] {
        if let Some(reason) = block.removed {
            cleaned.removed.push(Removal {
                span: block.span,
                reason,
            });
            continue;
        }
        match trailing_boilerplate(text, block.span, rules) {
            Some((cut, reason)) => {
                let kept = Span::new(block.span.start, cut.start).trim(text);
                if !kept.is_empty() {
                    cleaned.body.push(kept);
                }
                cleaned.removed.push(Removal { span: cut, reason });
            }
            None => cleaned.body.push(block.span),
        }
    }
    cleaned
}

/// Everything kept, as when cleaning is skipped: title and all paragraphs.
pub fn keep_all(text: &str, paragraphs: &[Paragraph]) -> Cleaned {
    let blocks = blocks(text, paragraphs, None);
    let title = find_title(&blocks);
    Cleaned {
        title,
        body: blocks[usize::from(title.is_some())..]
            .iter()
            .map(|b| b.span)
            .collect(),
        removed: Vec::new(),
    }
}

/// What the cleaner knows of each paragraph; `rules`, when given, mark boilerplate.
fn blocks<'a>(
    text: &'a str,
    paragraphs: &[Paragraph],
    rules: Option<&BoilerplateRules>,
) -> Vec<Block<'a>> {
    paragraphs
        .iter()
        .map(|p| {
            let slice = p.span.slice(text);
            let words = slice.split_whitespace().count();
            Block {
                span: p.span,
                text: slice,
                words,
                terminal: ends_with_terminal(slice),
                single_line: p.lines.len() == 1,
                removed: rules.and_then(|r| r.paragraph_reason(slice, words)),
            }
        })
        .collect()
}

/// The first paragraph is the title when it is one line of headline length, is not
/// boilerplate, and more follows.
fn find_title(blocks: &[Block]) -> Option<Span> {
    let first = blocks.first()?;
    let headline = first.single_line
        && first.removed.is_none()
        && (TITLE_MIN_WORDS..=TITLE_MAX_WORDS).contains(&first.words)
        && !first.text.ends_with(':')
        && blocks.len() > 1;
    headline.then_some(first.span)
}

/// Removes non-prose lines outside the article: short lines after the last prose
/// paragraph, and runs of menu items before the first.
fn mark_by_position(blocks: &mut [Block]) {
    let Some(first_prose) = blocks.iter().position(Block::is_prose) else {
        return;
    };
    let last_prose = blocks
        .iter()
        .rposition(Block::is_prose)
        .unwrap_or(first_prose);
    for block in &mut blocks[last_prose + 1..] {
        if block.removed.is_none() && !block.terminal {
            block.removed = Some(if block.words <= MENU_MAX_WORDS {
                Reason::Navigation
            } else {
                Reason::Related
            });
        }
    }
    let lead = &mut blocks[..first_prose];
    let mut at = 0;
    while at < lead.len() {
        let run = lead[at..].iter().take_while(|b| b.is_menu_item()).count();
        if run >= 3 {
            for block in &mut lead[at..at + run] {
                block.removed.get_or_insert(Reason::Navigation);
            }
        }
        at += run.max(1);
    }
}

/// Quotation marks: a sentence holding one is someone's words, never a plea.
const QUOTE_MARKS: &[char] = &['"', '“', '”', '«', '»', '„'];

/// The trailing sentences of a paragraph that sentence rules mark as boilerplate,
/// as one span with the reason of the first of them.
fn trailing_boilerplate(
    text: &str,
    span: Span,
    rules: &BoilerplateRules,
) -> Option<(Span, Reason)> {
    rules.first_match(Scope::Sentence, span.slice(text))?;
    let mut sentences = Vec::new();
    segment::split_into(text, span, &mut sentences);
    let mut cut: Option<(Span, Reason)> = None;
    for sentence in sentences.iter().rev() {
        let s = sentence.slice(text);
        if s.contains(QUOTE_MARKS) {
            break;
        }
        match rules.first_match(Scope::Sentence, s) {
            Some(reason) => cut = Some((Span::new(sentence.start, span.end), reason)),
            None => break,
        }
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::paragraphs;

    fn run(text: &str) -> Cleaned {
        clean(text, &paragraphs(text), BoilerplateRules::builtin())
    }

    fn removed(text: &str) -> Vec<(&str, Reason)> {
        run(text)
            .removed
            .iter()
            .map(|r| (r.span.slice(text), r.reason))
            .collect()
    }

    const PROSE: &str = "The council voted on Tuesday to approve the new budget for schools.";

    /// (boilerplate line, reason) — each placed after a title and real prose.
    const LINES: &[(&str, Reason)] = &[
        ("Getty Images", Reason::Caption),
        ("Photo: Jane Doe/AP", Reason::Caption),
        ("(AP Photo/Evan Vucci)", Reason::Caption),
        ("Share on Facebook", Reason::Social),
        ("Follow us on Twitter for updates", Reason::Social),
        ("© 2017 Example Media. All rights reserved.", Reason::Legal),
        ("Advertisement", Reason::Ad),
        ("Sign up for our daily newsletter", Reason::Promo),
        ("We use cookies to improve your experience.", Reason::Cookie),
        ("Leave a comment", Reason::Comments),
        ("Read more: Council approves budget", Reason::Related),
        ("Other news", Reason::Navigation),
    ];

    #[test]
    fn reasons_per_rule() {
        for &(line, reason) in LINES {
            let text = format!("A title for the story\n\n{PROSE}\n\n{line}\n\n{PROSE}\n");
            assert_eq!(removed(&text), [(line, reason)], "{line}");
        }
    }

    #[test]
    fn a_plea_glued_to_a_paragraph_is_cut_and_the_paragraph_kept() {
        let text = format!(
            "Title of the story here\n\n{PROSE} Some of you have even followed through with subscriptions, which is gratifying.\n"
        );
        let cleaned = run(&text);
        assert_eq!(cleaned.body.len(), 1);
        assert_eq!(cleaned.body[0].slice(&text), PROSE);
        assert_eq!(cleaned.removed[0].reason, Reason::Promo);
    }

    #[test]
    fn a_quoted_plea_is_someones_words_and_stays() {
        let text = format!(
            "Title of the story here\n\n{PROSE} \"Thank you for your support,\" she told donors.\n"
        );
        assert!(run(&text).removed.is_empty());
    }

    #[test]
    fn short_lines_after_the_article_are_navigation_or_related() {
        let text = format!(
            "Title of the story here\n\n{PROSE}\n\nHome\n\nCouncil approves budget for next year\n"
        );
        assert_eq!(
            removed(&text),
            [
                ("Home", Reason::Navigation),
                ("Council approves budget for next year", Reason::Related)
            ]
        );
    }

    #[test]
    fn a_menu_before_the_article_is_navigation() {
        let text = format!("News\nSport\nWeather\nCulture\n\n{PROSE}\n");
        let got = removed(&text);
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got.iter().all(|(_, r)| *r == Reason::Navigation));
    }

    #[test]
    fn odd_but_real_text_is_kept() {
        let text = format!(
            "A title for the story\n\n{PROSE}\n\nHe said working groups would be established to improve U.S.\n\nWe need to start by putting the visit in context.\n\n{PROSE}\n"
        );
        assert!(run(&text).removed.is_empty());
    }

    #[test]
    fn a_clean_article_is_unchanged() {
        let text = format!("A title for the story\n\n{PROSE}\n\nA subhead\n\n{PROSE}\n");
        let cleaned = run(&text);
        assert!(cleaned.removed.is_empty());
        assert_eq!(cleaned.body.len(), 3);
        assert_eq!(
            cleaned.title.map(|t| t.slice(&text)),
            Some("A title for the story")
        );
    }

    #[test]
    fn user_rules_add_to_the_builtin_ones() {
        let rules = BoilerplateRules::with_user_rules("promo line join the club\n").unwrap();
        let text = format!("A title for the story\n\n{PROSE}\n\nJoin the club\n\n{PROSE}\n");
        let got = clean(&text, &paragraphs(&text), &rules).removed;
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].reason, Reason::Promo);
    }

    #[test]
    fn bad_user_rules_name_their_line() {
        let err = BoilerplateRules::with_user_rules("# mine\npromo nowhere x\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("scope"));
        let err = BoilerplateRules::with_user_rules("nonsense line x\n").unwrap_err();
        assert!(err.message.contains("reason"));
        assert!(BoilerplateRules::with_user_rules("ad line (unclosed\n").is_err());
    }
}
