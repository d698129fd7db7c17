//! Whether a run of terminal marks ends a sentence, from the evidence on either side:
//! the marks, the word before them (abbreviation, initial, figure or plain word), and
//! the word after (lower case, a figure, a sentence starter, a name).

use super::lexicon;
use super::marks::{self, Kind, Run};
use super::words::{self, Next, Shape, Token, with_key};
use crate::rules::{
    ABBREVIATION_FOLLOWERS, AbbrevClass, CUE_VERBS, NAMES_WITH_MARKS, PHRASE_OPENERS,
    SENTENCE_STARTERS,
};
use std::collections::HashSet;
use std::sync::LazyLock;

/// How the word before a period behaves, once its context is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Before {
    /// A plain word, a figure, or nothing: the period ends the sentence.
    Plain,
    /// Comes before a name: never ends a sentence.
    Title,
    /// Comes before a number; ordinary elsewhere.
    Reference,
    /// Never ends a sentence.
    Inline,
    /// Ends a sentence before a capitalised word that does not continue it.
    Ordinary,
    /// Ordinary, and a figure after it opens a new sentence.
    Time,
    /// A unit after a figure: like ordinary, but a second measure may follow.
    Unit,
    /// Modifies the next word ("U.S. Army", "W. Bush"): ends a sentence only before a
    /// sentence starter.
    Modifier,
}

/// Does the run of marks starting at `mark` end the sentence that began at
/// `sentence_start`? `run.next` must be set.
pub fn ends_sentence(text: &str, sentence_start: usize, mark: usize, run: &Run) -> bool {
    let Some(next_at) = run.next else {
        return true;
    };
    let mut next = words::word_at(text, next_at);
    if next.end > next_at
        && next
            .first
            .is_some_and(|c| matches!(c, '.' | '…') || c.is_whitespace())
    {
        // a quotation that opens with an ellipsis, or a quotation mark set off by
        // spaces ("shower. ' , Tim"): the word after it decides
        let rest = &text[next.end..];
        let after = rest.trim_start_matches(|c: char| matches!(c, '.' | '…') || c.is_whitespace());
        next = words::word_at(text, text.len() - after.len());
    }
    let Some(first) = next.first else {
        return true;
    };
    // lower case, punctuation that goes on, or another mark that decides instead
    let goes_on = matches!(first, ',' | ';' | ':' | '&' | '%' | ')' | ']' | '}');
    if first.is_lowercase() || goes_on || marks::is_terminal(first) {
        return false;
    }
    if matches!(first, '—' | '–') {
        // a dash before a lower-case word goes on ("“Is it true?” — she asked")
        let rest = &text[next.end..];
        let after = rest.trim_start_matches(|c: char| matches!(c, '—' | '–') || c.is_whitespace());
        if after.starts_with(char::is_lowercase) {
            return false;
        }
    }
    match run.kind {
        Kind::Strong if names_with_mark(text, sentence_start, mark) => is_starter(next.word),
        Kind::Strong | Kind::EllipsisStop => !(run.quoted && attribution_follows(text, next)),
        // a pause goes on unless a word that opens sentences follows; "I" and its
        // contractions are capitalised anywhere, so they open nothing
        Kind::Ellipsis => {
            !with_key(next.word, |w| w == "i" || w.starts_with("i'")) && is_starter(next.word)
        }
        Kind::Period => period_ends_sentence(text, sentence_start, mark, run, next),
    }
}

/// The rules for a single period at `mark` before the word `next`.
fn period_ends_sentence(
    text: &str,
    sentence_start: usize,
    mark: usize,
    run: &Run,
    next: Next,
) -> bool {
    // tokenised text puts a space before the period ("Mr . Robinson")
    let word_end = if text[..mark].ends_with(' ') && !text[..mark - 1].ends_with(' ') {
        mark - 1
    } else {
        mark
    };
    let Some(token) = words::token_before(text, sentence_start, word_end) else {
        return true;
    };
    let next_is_number = next.is_number() || words::is_roman(next.word);
    let before = before(text, sentence_start, token);
    if before != Before::Plain {
        // after an abbreviation, a bracket or a dash goes on ("Casey Jr. (D-Pa.)",
        // "DECATUR, Ill. — Sen."), and so does a bracket the abbreviation closes
        // ("Maricopa County (Ariz.) Sheriff"), unless the sentence is all in brackets
        let starts_word = next.first.is_some_and(char::is_alphanumeric) || next_is_number;
        let inside_brackets = run.bracketed
            && !text[sentence_start..mark]
                .trim_start()
                .starts_with(['(', '[']);
        if next.bracketed || !starts_word || inside_brackets {
            return false;
        }
    }
    match before {
        // a figure opens the next sentence unless a bracket it closes shows the
        // period was inside one ("[page. 42]")
        Before::Plain => !(next_is_number && text[next.end..].starts_with([')', ']'])),
        Before::Title | Before::Inline => false,
        Before::Time if next_is_number => true,
        Before::Ordinary | Before::Reference | Before::Unit if next_is_number => false,
        Before::Ordinary | Before::Reference | Before::Unit | Before::Time => {
            if with_key(next.word, |w| ABBREVIATION_FOLLOWERS.contains(w)) {
                return false;
            }
            !fronted_phrase(text, sentence_start, mark) || is_starter(next.word)
        }
        Before::Modifier => {
            let next_is_initial = next.word.chars().count() == 1
                && next.is_capitalised()
                && text[next.end..].starts_with('.');
            !next_is_number && !next_is_initial && is_starter(next.word)
        }
    }
}

/// What the token before a period is, in its context.
fn before(text: &str, sentence_start: usize, token: Token) -> Before {
    let shape = words::shape(token.word);
    if token.closed || matches!(shape, Shape::Empty | Shape::Number) {
        return Before::Plain;
    }
    if shape == Shape::Initial {
        // "Robert P. Casey": a capital letter is an initial, whatever "p." abbreviates
        return Before::Modifier;
    }
    let previous = || {
        words::token_ending_before(text, sentence_start, token.start)
            .map_or("", |t| t.word)
            .trim_end_matches([',', ';', ':'])
    };
    let entry = lexicon::lookup(token.word);
    if entry.unit && words::is_number(previous()) {
        return Before::Unit;
    }
    match entry.class {
        Some(AbbrevClass::Title) => Before::Title,
        Some(AbbrevClass::Either) => {
            // "Main St.", "5th St." close a name; "The St. Paul", "in St. Louis" open one
            let previous = previous();
            let after_name = previous
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                && !is_starter(previous);
            if after_name {
                Before::Modifier
            } else {
                Before::Title
            }
        }
        Some(AbbrevClass::Reference) => Before::Reference,
        Some(AbbrevClass::Inline) => Before::Inline,
        Some(AbbrevClass::Ordinary) => Before::Ordinary,
        Some(AbbrevClass::Time) => Before::Time,
        Some(AbbrevClass::Adjectival) => Before::Modifier,
        None if shape == Shape::Dotted => Before::Modifier,
        None => Before::Plain,
    }
}

/// True when the mark at `mark` belongs to the name before it ("Yahoo!", "Mamma Mia!").
fn names_with_mark(text: &str, sentence_start: usize, mark: usize) -> bool {
    let name_end = mark + text[mark..].chars().next().map_or(1, char::len_utf8);
    let Some(token) = words::token_before(text, sentence_start, mark) else {
        return false;
    };
    let one_word = &text[token.start..name_end];
    let two_words = words::token_ending_before(text, sentence_start, token.start)
        .map(|t| &text[t.start..name_end]);
    [Some(one_word), two_words]
        .into_iter()
        .flatten()
        .any(|name| with_key(words::trim_openers(name), |n| NAMES_WITH_MARKS.contains(n)))
}

/// True for a word that opens sentences and is rarely part of a name.
fn is_starter(word: &str) -> bool {
    with_key(word, |w| SENTENCE_STARTERS.contains(w))
}

/// How far back a fronted phrase is looked for.
const MAX_PHRASE_BYTES: usize = 160;
/// The longest fronted phrase, in words.
const MAX_PHRASE_WORDS: usize = 9;

/// True when the clause ending at `mark` is a short phrase opened by a preposition
/// ("At 5 a.m.", "He noted: In 44 B.C."): it has no verb yet, so an abbreviation
/// closing it rarely ends the sentence.
fn fronted_phrase(text: &str, sentence_start: usize, mark: usize) -> bool {
    let lower = words::floor_char_boundary(
        text,
        mark.saturating_sub(MAX_PHRASE_BYTES).max(sentence_start),
    );
    let window = &text[lower..mark];
    let clause_break = window
        .rmatch_indices([':', ';'])
        .find(|&(i, _)| window[i + 1..].starts_with(char::is_whitespace));
    let clause = match clause_break {
        Some((i, _)) => &window[i + 1..],
        None if lower == sentence_start => window,
        None => return false,
    };
    let mut words = clause.split_whitespace();
    let opener = words
        .next()
        .map(words::trim_openers)
        .is_some_and(|w| with_key(w, |w| PHRASE_OPENERS.contains(w)));
    opener && words.count() < MAX_PHRASE_WORDS
}

/// Speech verbs of one word ("said", "asked").
static SPEECH_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    CUE_VERBS
        .values()
        .flatten()
        .filter_map(|cue| match cue.as_slice() {
            [verb] => Some(verb.as_str()),
            _ => None,
        })
        .collect()
});
/// The longest name read between a closing quote and its speech verb.
const MAX_NAME_WORDS: usize = 6;

/// True when a name and a speech verb follow a closing quote ("“Why?” Smith asked"):
/// the quotation is part of the sentence that attributes it.
fn attribution_follows(text: &str, next: Next) -> bool {
    if !next.is_capitalised() || is_starter(next.word) {
        return false;
    }
    let mut at = next.end;
    for _ in 0..MAX_NAME_WORDS {
        let rest = text[at..].trim_start_matches(['.', ' ']);
        let word = words::word_at(text, text.len() - rest.len());
        if word.word.is_empty() {
            return false;
        }
        if !word.is_capitalised() {
            return with_key(word.word, |w| SPEECH_VERBS.contains(w));
        }
        at = word.end;
    }
    false
}
