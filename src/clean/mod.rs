//! Cleaning: decides which blocks of a scraped text are the article and which are the
//! boilerplate around and inside it, and why; finds the title, byline and dateline.
//!
//! Two kinds of input matter: an extracted article with some junk in it, and a whole
//! page saved as text. The same evidence serves both, as a person would use it:
//! phrases per reason (`rules/boilerplate.txt` and the user's own, in `rules`), what
//! a block looks like (`evidence`), and where it is relative to the run of prose that
//! is the article (`position`). Precision comes first: prose no evidence explains is
//! kept, and short lines inside the article (subheads, list items) are kept by context.

mod evidence;
mod position;
mod rules;

pub use evidence::ends_with_terminal;
pub use rules::{BoilerplateRules, Label, Reason, RulesError};

use crate::layout::Paragraph;
use crate::segment;
use crate::span::Span;
use evidence::{Evidence, is_link};
use rules::Scope;
use std::ops::Range;

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
    /// The headline, when one reads as such.
    pub title: Option<Span>,
    /// Who wrote the article ("By Jane Doe"), when a line says so.
    pub byline: Option<Span>,
    /// Where and when it was published ("WASHINGTON (Reuters) —", "Published 4 May").
    pub dateline: Option<Span>,
    /// The kept part of each body paragraph, in order.
    pub body: Vec<Span>,
    /// Everything removed, in order.
    pub removed: Vec<Removal>,
}

/// A title has at least this many words, and at most `TITLE_MAX_WORDS`.
const TITLE_MIN_WORDS: usize = 3;
const TITLE_MAX_WORDS: usize = 30;
/// How far before the article a page's headline, byline and dateline may be, in blocks.
const HEAD_REACH: usize = 8;
/// How far into the article a byline or dateline line may be, in blocks.
const HEAD_INSIDE: usize = 2;
/// A run of this many menu items is a menu, even inside the article.
const MENU_RUN: usize = 3;
/// Prose outside the article that a sentence rule matches is dropped whole up to
/// this many words (a newsletter box, a comment-form notice); longer prose only
/// loses its matching sentences at the end.
const NOTICE_MAX_WORDS: usize = 60;

/// A heading that opens a comment section or a list of related articles is short.
const TAIL_HEADING_MAX_WORDS: usize = 6;

/// What the cleaner knows of one block (a paragraph, or one line of a page).
struct Block<'a> {
    span: Span,
    text: &'a str,
    evidence: Evidence,
    single_line: bool,
    /// What a line, start or short rule says the whole block is.
    label: Option<Label>,
    /// The same text is another block of the document too.
    repeated: bool,
    /// The sentence rules whose strings occur in the block, when the pass for its
    /// label found them (a block short enough for the block rules).
    sentence_candidates: Option<Vec<usize>>,
}

impl Block<'_> {
    fn is_headline(&self) -> bool {
        self.single_line
            && self.label.is_none()
            && !self.evidence.is_data()
            && (TITLE_MIN_WORDS..=TITLE_MAX_WORDS).contains(&self.evidence.words)
            && !self.text.ends_with(':')
            && !is_link(self.text)
    }

    /// How much the block argues for the stretch around it being the article.
    fn weight(&self) -> i64 {
        if self.label.is_some() {
            -position::SHORT_LINE_COST
        } else if self.evidence.is_prose() {
            i64::try_from(self.evidence.words).unwrap_or(i64::MAX)
        } else if self.evidence.bullet {
            -position::LIST_ITEM_COST
        } else if self.evidence.is_sentence() {
            0
        } else {
            -position::SHORT_LINE_COST
        }
    }
}

/// What cleaning makes of one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Body,
    /// Prose kept outside the article's stretch: an aside no evidence explains.
    Aside,
    /// Prose in the page's tail, removed for the reason of its section's heading
    /// unless a sentence rule names a better one.
    Tail(Reason),
    Title,
    Byline,
    Dateline,
    Removed(Reason),
}

/// Decides what in `paragraphs` of `text` is title, byline, dateline, body and
/// boilerplate.
pub fn clean(text: &str, paragraphs: &[Paragraph], rules: &BoilerplateRules) -> Cleaned {
    let blocks = blocks(text, paragraphs, Some(rules));
    let mut roles = vec![Role::Body; blocks.len()];
    let first_is_title = first_is_title(&blocks);
    let body_from = usize::from(first_is_title);
    if first_is_title {
        roles[0] = Role::Title;
    }
    let article = decide(&blocks[body_from..], &mut roles[body_from..]);
    let article = article.map(|r| r.start + body_from..r.end + body_from);
    if let Some(article) = &article {
        find_head(&blocks, &mut roles, article, first_is_title);
    }
    assemble(text, &blocks, &roles, rules)
}

/// Everything kept, as when cleaning is skipped: title and all paragraphs.
pub fn keep_all(text: &str, paragraphs: &[Paragraph]) -> Cleaned {
    // Only the first paragraph can be the title: the others need no evidence.
    let first = blocks(text, paragraphs.get(..1).unwrap_or_default(), None);
    let title = first
        .first()
        .filter(|block| paragraphs.len() > 1 && block.is_headline())
        .map(|block| block.span);
    Cleaned {
        title,
        body: paragraphs[usize::from(title.is_some())..]
            .iter()
            .map(|p| p.span)
            .collect(),
        ..Cleaned::default()
    }
}

/// What the cleaner knows of each paragraph; `rules`, when given, label boilerplate.
fn blocks<'a>(
    text: &'a str,
    paragraphs: &[Paragraph],
    rules: Option<&BoilerplateRules>,
) -> Vec<Block<'a>> {
    let repeated = repeated(text, paragraphs);
    paragraphs
        .iter()
        .zip(repeated)
        .map(|(p, repeated)| {
            let slice = p.span.slice(text);
            let evidence = Evidence::of(slice);
            let (label, sentence_candidates) =
                rules.map_or((None, None), |r| r.block_label(slice, evidence.words));
            let label = label.filter(|&label| is_removal(label) || !evidence.is_prose());
            Block {
                span: p.span,
                text: slice,
                evidence,
                single_line: p.lines == 1,
                label,
                repeated,
                sentence_candidates,
            }
        })
        .collect()
}

/// For each paragraph, whether another has the same text. Sorting by length first
/// compares few texts and hashes none: paragraphs rarely share a length, and only
/// those that do are sorted by their text.
fn repeated(text: &str, paragraphs: &[Paragraph]) -> Vec<bool> {
    let slice = |i: usize| paragraphs[i].span.slice(text);
    let mut order: Vec<(usize, usize)> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| (p.span.len(), i))
        .collect();
    order.sort_unstable();
    let mut repeated = vec![false; paragraphs.len()];
    for same_length in order.chunk_by_mut(|a, b| a.0 == b.0) {
        if same_length.len() < 2 {
            continue;
        }
        same_length.sort_unstable_by_key(|&(_, i)| slice(i));
        for pair in same_length.windows(2) {
            let (a, b) = (pair[0].1, pair[1].1);
            if slice(a) == slice(b) {
                repeated[a] = true;
                repeated[b] = true;
            }
        }
    }
    repeated
}

/// Byline and dateline rules describe short lines; prose they match is prose.
fn is_removal(label: Label) -> bool {
    matches!(label, Label::Removed(_))
}

/// The first block is the title when it reads as a headline and more follows.
fn first_is_title(blocks: &[Block]) -> bool {
    blocks.len() > 1 && blocks[0].is_headline()
}

/// Gives every block its role by its evidence and position, and returns the article's
/// stretch of blocks.
fn decide(blocks: &[Block], roles: &mut [Role]) -> Option<Range<usize>> {
    let weights: Vec<i64> = blocks.iter().map(Block::weight).collect();
    let Some(stretch) = position::main_stretch(&weights) else {
        // No prose at all: only what the rules name goes.
        for (block, role) in blocks.iter().zip(roles.iter_mut()) {
            if let Some(label) = block.label {
                *role = Role::Removed(label.reason());
            }
        }
        return None;
    };
    let article = position::grow(stretch, blocks.len(), |i| {
        blocks[i].label.is_none() && blocks[i].evidence.is_sentence()
    });
    let tail = tail_heading(blocks, &article);
    let article = match tail {
        Some(at) => article.start..at.clamp(article.start, article.end),
        None => article,
    };
    let in_menu = menu_runs(blocks);
    // The section of the page's tail a block is in, named by the last heading.
    let mut section = None;
    for (i, (block, role)) in blocks.iter().zip(roles.iter_mut()).enumerate() {
        let in_tail = tail.is_some_and(|at| i >= at);
        if in_tail {
            section = heading_reason(block).or(section);
        }
        *role = if let Some(label) = block.label {
            Role::Removed(label.reason())
        } else if article.contains(&i) {
            if in_menu[i] {
                Role::Removed(Reason::Navigation)
            } else if is_repeated_line(block) {
                Role::Removed(short_line_reason(&block.evidence))
            } else {
                Role::Body
            }
        } else {
            match section {
                Some(reason) if in_tail && block.evidence.is_prose() => Role::Tail(reason),
                // A commenter's name is part of the comments; a headline under
                // "Other news" is still a headline.
                Some(Reason::Comments) if in_tail => Role::Removed(Reason::Comments),
                _ => outside_role(block),
            }
        };
    }
    Some(article)
}

/// The heading that opens the page's tail ("Comments", "Related articles"): the first
/// such heading in or after the article with most of the article's prose before it
/// (a comments heading) or two thirds of it (any other). Everything from it on is
/// not the article.
fn tail_heading(blocks: &[Block], article: &Range<usize>) -> Option<usize> {
    let prose_words = |b: &Block| {
        if b.evidence.is_prose() {
            b.evidence.words
        } else {
            0
        }
    };
    let total: usize = blocks[article.clone()].iter().map(prose_words).sum();
    let mut before = 0;
    for (i, block) in blocks.iter().enumerate().skip(article.start) {
        // A comment section is rarely followed by more of the article than went
        // before it; other headings may sit in the article's first third.
        let ends = match heading_reason(block) {
            Some(Reason::Comments) => before * 2 > total,
            Some(_) => before * 3 >= total * 2,
            None => false,
        };
        if ends {
            return Some(i);
        }
        if article.contains(&i) {
            before += prose_words(block);
        }
    }
    None
}

/// Comment-section and related-articles headings: a few words a rule names, not an
/// introduction to a single link ("Related: ...", "Read more:").
fn heading_reason(block: &Block) -> Option<Reason> {
    let reason = block.label?.reason();
    let words = block.evidence.words;
    let heading = match reason {
        Reason::Comments => words <= TAIL_HEADING_MAX_WORDS,
        Reason::Related | Reason::Navigation | Reason::Social | Reason::Promo => {
            (2..=TAIL_HEADING_MAX_WORDS).contains(&words) && !block.text.ends_with(':')
        }
        _ => false,
    };
    heading.then_some(reason)
}

/// Marks the blocks in runs of menu items (short lines with neither sentence
/// punctuation nor digits, which lists of facts and ingredients have).
fn menu_runs(blocks: &[Block]) -> Vec<bool> {
    let mut in_menu = vec![false; blocks.len()];
    let member = |i: usize| {
        let e = &blocks[i].evidence;
        e.is_menu_item() && e.data == 0.0 && !e.bullet
    };
    for run in position::runs(blocks.len(), MENU_RUN, member) {
        in_menu[run].fill(true);
    }
    in_menu
}

/// The role of a block outside the article: prose stays unless it repeats; short
/// lines go, for the reason their look suggests.
fn outside_role(block: &Block) -> Role {
    let e = &block.evidence;
    if e.is_prose() {
        if block.repeated {
            Role::Removed(Reason::Related)
        } else {
            Role::Aside
        }
    } else {
        Role::Removed(short_line_reason(e))
    }
}

/// Why a short line that is not the article's goes, by its look: data is metadata,
/// a few words are navigation, a longer line is another article's headline.
fn short_line_reason(e: &Evidence) -> Reason {
    if e.is_data() {
        Reason::Metadata
    } else if e.is_menu_item() {
        Reason::Navigation
    } else {
        Reason::Related
    }
}

/// A short line that is not a sentence and occurs more than once on the page: a
/// button or label of the page's chrome ("Read more", a section name under each
/// teaser). An article's subheads do not repeat.
fn is_repeated_line(block: &Block) -> bool {
    let e = &block.evidence;
    block.repeated && !e.is_prose() && !e.is_sentence()
}

/// Finds a page's headline just before the article (when the first block was not
/// one), and the byline and dateline lines around the article's start.
fn find_head(blocks: &[Block], roles: &mut [Role], article: &Range<usize>, has_title: bool) {
    let reach = article.start.saturating_sub(HEAD_REACH)..article.start;
    if !has_title {
        let headline = reach.clone().rev().find(|&i| blocks[i].is_headline());
        if let Some(i) = headline {
            roles[i] = Role::Title;
        }
    }
    let head = reach.start..(article.start + HEAD_INSIDE).min(article.end);
    for want in [Label::Byline, Label::Dateline] {
        let found = head.clone().find(|&i| blocks[i].label == Some(want));
        if let Some(i) = found {
            roles[i] = if want == Label::Byline {
                Role::Byline
            } else {
                Role::Dateline
            };
        }
    }
}

/// Builds the result from the roles: body spans (less pleas glued to their end and
/// a dateline at the start of the first), removals, and the head spans.
fn assemble(text: &str, blocks: &[Block], roles: &[Role], rules: &BoilerplateRules) -> Cleaned {
    let mut cleaned = Cleaned {
        body: Vec::with_capacity(blocks.len()),
        ..Cleaned::default()
    };
    for (block, &role) in blocks.iter().zip(roles) {
        match role {
            Role::Title => cleaned.title = Some(block.span),
            Role::Byline => cleaned.byline = Some(block.span),
            Role::Dateline => cleaned.dateline = Some(block.span),
            Role::Removed(reason) => cleaned.removed.push(Removal {
                span: block.span,
                reason,
            }),
            Role::Tail(section) => {
                let reason = rules
                    .sentence_match(block.text, block.sentence_candidates.as_deref())
                    .map_or(section, Label::reason);
                cleaned.removed.push(Removal {
                    span: block.span,
                    reason,
                });
            }
            Role::Body | Role::Aside => {
                let mut span = block.span;
                if cleaned.body.is_empty() && cleaned.dateline.is_none() {
                    if let Some((lead, rest)) = lead_dateline(text, span, rules) {
                        cleaned.dateline = Some(lead);
                        span = rest;
                    }
                }
                let notice = role == Role::Aside && block.evidence.words <= NOTICE_MAX_WORDS;
                // what the block's pass found holds for the block whole, not for
                // the rest of it after a dateline
                let candidates = block
                    .sentence_candidates
                    .as_deref()
                    .filter(|_| span == block.span);
                body_block(text, span, notice, rules, candidates, &mut cleaned);
            }
        }
    }
    cleaned
}

/// Keeps `span` as body, less the boilerplate sentences sentence rules find in it: all
/// of it when they make up most of its words (or any of it, for a `notice`: short
/// prose outside the article), else the run of them at its end. `candidates` are the
/// sentence rules whose strings occur in `span`, when they are known.
fn body_block(
    text: &str,
    span: Span,
    notice: bool,
    rules: &BoilerplateRules,
    candidates: Option<&[usize]>,
    cleaned: &mut Cleaned,
) {
    match boilerplate_sentences(text, span, notice, rules, candidates) {
        Some((cut, reason)) => {
            let kept = Span::new(span.start, cut.start).trim(text);
            if kept.is_empty() {
                cleaned.removed.push(Removal { span, reason });
                return;
            }
            cleaned.body.push(kept);
            cleaned.removed.push(Removal { span: cut, reason });
        }
        None => cleaned.body.push(span),
    }
}

/// A dateline that opens the first paragraph ("WASHINGTON (Reuters) —"), and the rest
/// of the paragraph after it.
fn lead_dateline(text: &str, span: Span, rules: &BoilerplateRules) -> Option<(Span, Span)> {
    let (len, label) = rules.lead(span.slice(text))?;
    if label != Label::Dateline {
        return None;
    }
    let lead = Span::new(span.start, span.start + len).trim(text);
    let rest = Span::new(span.start + len, span.end).trim(text);
    (!lead.is_empty() && !rest.is_empty()).then_some((lead, rest))
}

/// Quotation marks: a sentence holding one is someone's words, never a plea.
const QUOTE_MARKS: &[char] = &['"', '“', '”', '«', '»', '„'];

/// What of a paragraph sentence rules mark as boilerplate, as one span to cut from
/// its end (perhaps all of it) with the reason of the first rule that matched.
fn boilerplate_sentences(
    text: &str,
    span: Span,
    notice: bool,
    rules: &BoilerplateRules,
    candidates: Option<&[usize]>,
) -> Option<(Span, Reason)> {
    let first = rules.sentence_match(span.slice(text), candidates)?;
    if notice {
        return Some((span, first.reason()));
    }
    let mut sentences = Vec::new();
    segment::split_into(text, span, &mut sentences);
    let verdicts: Vec<Option<Reason>> = sentences
        .iter()
        .map(|s| {
            let s = s.slice(text);
            if s.contains(QUOTE_MARKS) {
                None
            } else {
                rules.first_match(Scope::Sentence, s).map(Label::reason)
            }
        })
        .collect();
    let words = |s: &Span| s.slice(text).split_whitespace().count();
    let total: usize = sentences.iter().map(words).sum();
    let marked: usize = sentences
        .iter()
        .zip(&verdicts)
        .filter(|(_, v)| v.is_some())
        .map(|(s, _)| words(s))
        .sum();
    // A real paragraph opens with real text: only one that opens as boilerplate and
    // is mostly boilerplate goes whole.
    if verdicts.first().is_some_and(Option::is_some) && marked * 2 > total {
        return verdicts.iter().flatten().next().map(|&r| (span, r));
    }
    let tail = verdicts.iter().rev().take_while(|v| v.is_some()).count();
    let from = sentences.len() - tail;
    let reason = verdicts.get(from).copied().flatten()?;
    Some((Span::new(sentences[from].start, span.end), reason))
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
    /// Paragraphs of an article of ordinary length, each different.
    const PARAGRAPHS: [&str; 4] = [
        "The city council voted on Tuesday to approve a new budget for its schools, ending a debate that had run since the spring and divided the council.",
        "The budget adds money for teachers and for repairs to older buildings, several of which have had leaking roofs for years, officials said at the meeting.",
        "Parents who spoke at the meeting welcomed the vote but said the money would not make up for years of cuts to music and sports programmes.",
        "The mayor is expected to sign the budget next week. The first new teachers could start work in the autumn term, the schools office said.",
    ];

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
        ("5 min read", Reason::Metadata),
        ("Home > Politics > Elections", Reason::Navigation),
        ("Previous article", Reason::Navigation),
        ("Artikel teilen", Reason::Social),
        ("Datenschutz", Reason::Legal),
        ("Ähnliche Artikel", Reason::Related),
        ("Schreibe einen Kommentar", Reason::Comments),
        ("Lire aussi : Le conseil vote le budget", Reason::Related),
        ("Anzeige", Reason::Ad),
        ("Accept all cookies", Reason::Cookie),
        ("12 comments", Reason::Comments),
        (
            "Abonniere jetzt unseren kostenlosen Newsletter",
            Reason::Promo,
        ),
        ("We respect your privacy.", Reason::Promo),
        ("Never miss a story from our newsroom.", Reason::Promo),
        ("Keep up with us on Instagram.", Reason::Social),
        ("Be sociable, share this page!", Reason::Social),
        (
            "We ask that comments stay civil and on topic.",
            Reason::Comments,
        ),
        (
            "Jane Doe is a professor of history at Example University.",
            Reason::Metadata,
        ),
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
            "A title for the story\n\n{PROSE}\n\nHe said working groups would be established to improve U.S.\n\nWe need to start by putting the visit in context.\n\nTrump said Obama was the founder of the group at a rally in Florida.\n\nMayors can follow the debate on Twitter.\n\n{PROSE}\n\nLee Zeldin gave the plan a whirl in an interview: \"It will work.\"\n\nMira Sorvino said she would attend the meeting next week.\n\n{PROSE}\n"
        );
        assert!(run(&text).removed.is_empty());
    }

    #[test]
    fn a_clean_article_is_unchanged() {
        let text = format!(
            "A title for the story\n\n{PROSE}\n\nA subhead\n\n{PROSE}\n\nThe vote was 7-2.\n"
        );
        let cleaned = run(&text);
        assert!(cleaned.removed.is_empty());
        assert_eq!(cleaned.body.len(), 4);
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
    /// (page text, byline, dateline) — the head of an article as pages write it.
    const HEADS: &[(&str, Option<&str>, Option<&str>)] = &[
        ("By Jane Doe\n\n", Some("By Jane Doe"), None),
        (
            "By Jane Doe and John Smith, Reuters\n\n",
            Some("By Jane Doe and John Smith, Reuters"),
            None,
        ),
        ("Von Anna Becker\n\n", Some("Von Anna Becker"), None),
        (
            "Published 12:03 EST, 4 May 2017\n\n",
            None,
            Some("Published 12:03 EST, 4 May 2017"),
        ),
        (
            "Updated: May 4, 2017 at 3:15 p.m.\n\n",
            None,
            Some("Updated: May 4, 2017 at 3:15 p.m."),
        ),
        ("12.03.2025\n\n", None, Some("12.03.2025")),
        (
            "By Jane Doe | May 4, 2017\n\nPublished 4 May 2017\n\n",
            Some("By Jane Doe | May 4, 2017"),
            Some("Published 4 May 2017"),
        ),
        ("", None, None),
    ];

    #[test]
    fn byline_and_dateline_lines_are_reported_not_kept() {
        for &(head, byline, dateline) in HEADS {
            let text = format!("A title for the story\n\n{head}{PROSE}\n\n{PROSE}\n");
            let cleaned = run(&text);
            assert_eq!(cleaned.byline.map(|s| s.slice(&text)), byline, "{head}");
            assert_eq!(cleaned.dateline.map(|s| s.slice(&text)), dateline, "{head}");
            assert!(cleaned.removed.is_empty(), "{head}: {:?}", cleaned.removed);
            assert_eq!(cleaned.body.len(), 2, "{head}");
        }
    }

    #[test]
    fn a_dateline_opening_the_first_paragraph_is_cut_from_it() {
        // (first paragraph, dateline)
        let table: &[(&str, Option<&str>)] = &[
            (
                "WASHINGTON (Reuters) — The Senate voted on Monday.",
                Some("WASHINGTON (Reuters) —"),
            ),
            (
                "DALLAS (AP) - The city council voted on Monday.",
                Some("DALLAS (AP) -"),
            ),
            (
                "NEW YORK, May 3 (Reuters) - Stocks rose on Monday.",
                Some("NEW YORK, May 3 (Reuters) -"),
            ),
            ("LONDON — Prices rose in May.", Some("LONDON —")),
            ("The Senate voted on Monday - narrowly.", None),
            ("NATO allies met on Monday.", None),
        ];
        for &(first, dateline) in table {
            let text = format!("A title for the story\n\n{first}\n\n{PROSE}\n");
            let cleaned = run(&text);
            assert_eq!(
                cleaned.dateline.map(|s| s.slice(&text)),
                dateline,
                "{first}"
            );
            let body = cleaned.body[0].slice(&text);
            assert_eq!(
                body,
                first.strip_prefix(dateline.unwrap_or("")).unwrap().trim()
            );
        }
    }

    #[test]
    fn a_page_title_before_its_byline_is_found() {
        let text = format!(
            "Home\n\nNews\n\nCouncil approves the budget after a long night\n\nBy Jane Doe\n\n{PROSE}\n\n{PROSE}\n"
        );
        let cleaned = run(&text);
        assert_eq!(
            cleaned.title.map(|s| s.slice(&text)),
            Some("Council approves the budget after a long night")
        );
        assert_eq!(cleaned.removed.len(), 2);
    }

    #[test]
    fn a_comments_heading_late_in_the_article_ends_it() {
        let [p1, p2, p3, _] = PARAGRAPHS;
        let text = format!("A title for the story\n\n{p1}\n\n{p2}\n\nComments\n\nJane\n\n{p3}\n");
        assert_eq!(
            removed(&text),
            [
                ("Comments", Reason::Comments),
                ("Jane", Reason::Comments),
                (p3, Reason::Comments)
            ]
        );
    }

    #[test]
    fn a_related_heading_early_in_the_article_does_not_end_it() {
        let [p1, p2, p3, p4] = PARAGRAPHS;
        let text =
            format!("A title for the story\n\n{p1}\n\nRelated articles\n\n{p2}\n\n{p3}\n\n{p4}\n");
        assert_eq!(removed(&text), [("Related articles", Reason::Related)]);
    }

    #[test]
    fn short_lines_inside_the_article_are_kept_by_context() {
        let [p1, p2, p3, p4] = PARAGRAPHS;
        let text = format!(
            "A title for the story\n\n{p1}\n\nWhat happens next\n\n{p2}\n\n\
             The plan covers:\n- 200 new teachers\n- repairs to roofs\n- music lessons\n\n{p3}\n\n\
             \u{201c}No.\u{201d}\n\nPure propaganda.\n\n{p4}\n"
        );
        assert!(run(&text).removed.is_empty(), "{:?}", removed(&text));
    }

    #[test]
    fn repeated_paragraphs_are_those_whose_text_occurs_twice() {
        let text = "Share\n\nOne line.\n\nShare\n\nOther\n\nShare\n\nshare";
        let marked: Vec<bool> = repeated(text, &paragraphs(text));
        assert_eq!(marked, [true, false, true, false, true, false]);
        assert!(repeated("", &[]).is_empty());
    }

    #[test]
    fn a_menu_inside_the_article_and_repeated_buttons_go() {
        let [p1, p2, p3, p4] = PARAGRAPHS;
        let text = format!(
            "A title for the story\n\n{p1}\n\nNews\nSport\nWeather\n\n{p2}\n\nRead on\n\n{p3}\n\nRead on\n\n{p4}\n"
        );
        let got = removed(&text);
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(got.iter().all(|(_, r)| *r == Reason::Navigation), "{got:?}");
    }

    #[test]
    fn prose_outside_the_article_stays_unless_evidence_says_otherwise() {
        let aside =
            "The museum will also open a new wing for children in the autumn, its director said.";
        let notice = "This site uses cookies to give you a better experience on our pages.";
        let [p1, p2, p3, _] = PARAGRAPHS;
        let text = format!(
            "Home\nNews\nSport\nWeather\n\n{aside}\n\nMenu\nSearch\nLogin\n\n{p1}\n\n{p2}\n\n{p3}\n\nAbout\nContact\nJobs\n\n{notice}\n"
        );
        let cleaned = run(&text);
        let kept: Vec<&str> = cleaned.body.iter().map(|s| s.slice(&text)).collect();
        assert!(kept.contains(&aside), "{kept:?}");
        assert!(!kept.contains(&notice), "{kept:?}");
    }

    #[test]
    fn a_page_in_another_language_keeps_its_prose() {
        let text = "Accueil\nActualités\nSport\nCulture\n\n\
            Le conseil municipal a voté mardi un nouveau budget pour les écoles de la ville.\n\n\
            Les travaux commenceront au printemps et dureront deux ans, selon la mairie.\n\n\
            Une réunion publique est prévue en mars pour présenter le projet aux habitants.\n\n\
            Mentions légales\n";
        let cleaned = run(text);
        assert_eq!(cleaned.body.len(), 3, "{:?}", removed(text));
        assert_eq!(cleaned.removed.len(), 5);
    }

    #[test]
    fn a_paragraph_of_notices_goes_whole_but_a_glued_plea_only_alone() {
        let notice = "Privacy and cookies: this site uses cookies. By continuing to use this website, you agree to their use.";
        let text = format!("A title for the story\n\n{PROSE}\n\n{notice}\n\n{PROSE}\n");
        assert_eq!(removed(&text), [(notice, Reason::Cookie)]);
        let glued = format!(
            "A title for the story\n\n{PROSE} Readers like you make this work possible. Please consider becoming a subscriber.\n\n{PROSE}\n"
        );
        let cleaned = run(&glued);
        assert_eq!(cleaned.body[0].slice(&glued), PROSE);
        assert_eq!(cleaned.removed[0].reason, Reason::Promo);
    }

    #[test]
    fn every_span_is_in_bounds_and_in_order() {
        let text = "\u{feff}Menu\r\nHome\r\n\r\nTitle «with» marks here\r\n\r\nBy Jörg Müller\r\n\r\n\
            The council voted on Tuesday to approve the new budget. You can support our journalism today.\r\n\r\nShare\r\n";
        let cleaned = run(text);
        let mut spans: Vec<Span> = cleaned.body.clone();
        spans.extend(cleaned.removed.iter().map(|r| r.span));
        spans.extend(
            cleaned
                .title
                .iter()
                .chain(&cleaned.byline)
                .chain(&cleaned.dateline),
        );
        spans.sort();
        for pair in spans.windows(2) {
            assert!(pair[0].end <= pair[1].start, "{spans:?}");
        }
        for span in spans {
            assert!(text.get(span.start..span.end).is_some(), "{span:?}");
        }
    }
}
