//! Attribution patterns: finds the cue word and the speaker mention of a quotation
//! from the words around it, as a reporter writes them:
//! `"…," Smith said` / `"…," said Smith` / `Smith, who leads X, said: "…"` /
//! `Smith called it "…"` / `…, calling it "…"` (the sentence's subject) /
//! `according to Smith` / `"…". He says …` (the next sentence).

use super::Via;
use super::words::Token;
use crate::rules::{CUE_VERBS, PRONOUNS};
use crate::span::Span;

/// A speaker mention and the cue that ties it to a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The mention as written.
    pub speaker: Span,
    /// The cue word(s).
    pub cue: Span,
    /// Cue or according-to.
    pub via: Via,
}

/// Words that may stand between a subject and its speech verb ("has also said").
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "once",
    "previously",
    "recently",
    "reportedly",
    "has",
    "have",
    "had",
    "would",
    "will",
    "just",
    "further",
    "even",
    "still",
    "already",
    "always",
    "often",
    "never",
    "earlier",
    "allegedly",
    "repeatedly",
    "publicly",
    "privately",
    "is",
    "was",
    "were",
    "are",
    "did",
    "does",
    "do",
    "could",
    "should",
    "might",
    "may",
    "went",
    "on",
    "to",
    "not",
];

/// Lower-case words that end a noun phrase (clause links, prepositions, verbs).
const NOT_IN_NAME: &[&str] = &[
    "that",
    "which",
    "and",
    "but",
    "or",
    "nor",
    "as",
    "while",
    "when",
    "whereas",
    "because",
    "if",
    "after",
    "before",
    "since",
    "than",
    "so",
    "then",
    "where",
    "to",
    "in",
    "on",
    "at",
    "with",
    "by",
    "from",
    "about",
    "into",
    "over",
    "under",
    "during",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "do",
    "does",
    "did",
    "not",
    "also",
    "it",
    "this",
    "these",
    "those",
    "there",
    "here",
    "what",
    "why",
    "how",
    "yes",
    "no",
    "just",
    "even",
    "only",
    "however",
    "meanwhile",
    "though",
    "although",
    "like",
    "according",
    "until",
    "against",
    "between",
    "through",
    "after",
    "without",
    "within",
    "via",
    "per",
    "later",
    "again",
    "once",
    "still",
];

/// Words that open a noun phrase a reporter uses for a speaker ("the newspaper").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "one", "another", "some",
    "many", "several", "two", "three", "both", "each", "other", "most", "few",
];

/// The longest noun phrase, in words, taken as a speaker mention.
const MAX_NAME_WORDS: usize = 8;
/// The longest appositive ("Smith, who leads the agency, said") skipped, in tokens.
const MAX_APPOSITIVE_TOKENS: usize = 30;

fn lower(token: &Token) -> String {
    token.text.to_lowercase()
}

/// True for a pronoun that can stand for a speaker.
pub fn is_pronoun(token: &Token) -> bool {
    PRONOUNS.contains_key(lower(token).as_str())
}

/// The cue starting at token `i`: how many tokens it spans, and whether it is a
/// participle ("calling") that attaches the quote to the sentence's subject.
pub fn cue_at(tokens: &[Token], i: usize) -> Option<(usize, bool)> {
    let first = lower(tokens.get(i)?);
    // "the report", "his comments": after a determiner a cue word is a noun
    let after_determiner = i > 0 && DETERMINERS.contains(&lower(&tokens[i - 1]).as_str());
    // verbs are lower case inside a sentence ("United States" is no cue)
    let capitalized_inside = i > 0 && tokens[i].is_capitalized();
    if !tokens[i].is_word() || after_determiner || capitalized_inside {
        return None;
    }
    let mut best: Option<usize> = None;
    for cue in CUE_VERBS.iter() {
        if cue[0] != first || best.is_some_and(|b| b >= cue.len()) {
            continue;
        }
        let fits = cue
            .iter()
            .enumerate()
            .skip(1)
            .all(|(k, w)| tokens.get(i + k).is_some_and(|t| lower(t) == *w));
        if fits {
            best = Some(cue.len());
        }
    }
    best.map(|len| (len, first.ends_with("ing") && len == 1))
}

fn cue_span(tokens: &[Token], i: usize, len: usize) -> Span {
    Span::new(tokens[i].span.start, tokens[i + len - 1].span.end)
}

fn is_according_to(tokens: &[Token], i: usize, len: usize) -> bool {
    len == 2 && lower(&tokens[i]) == "according"
}

fn word_can_join_name(tokens: &[Token], at: usize, position_in_phrase: usize) -> bool {
    let token = &tokens[at];
    if !token.is_word() {
        return false;
    }
    let l = lower(token);
    if token.is_capitalized() {
        return !matches!(
            l.as_str(),
            "but" | "and" | "so" | "yet" | "or" | "then" | "when" | "if" | "as" | "while"
        );
    }
    if matches!(l.as_str(), "of" | "for") {
        return position_in_phrase > 0;
    }
    !NOT_IN_NAME.contains(&l.as_str()) && cue_at(tokens, at).is_none() && !l.ends_with("ly")
}

/// A plausible speaker phrase: a pronoun, a name, or a short description.
fn plausible(words: &[Token]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    if words.len() == 1 && is_pronoun(first) {
        return true;
    }
    // pronouns inside a phrase and contractions ("I'm", "we've") are no speaker's name
    let contraction = |w: &Token| {
        let t = w.text.replace('’', "'");
        ["'m", "'ve", "'re", "'ll", "'d", "n't"]
            .iter()
            .any(|c| t.ends_with(c))
    };
    if words
        .iter()
        .any(|w| (is_pronoun(w) && !w.is_capitalized()) || contraction(w))
    {
        return false;
    }
    let has_name = words
        .iter()
        .any(|w| w.is_capitalized() && !DETERMINERS.contains(&lower(w).as_str()));
    let determined = DETERMINERS.contains(&lower(first).as_str());
    has_name || determined || words.len() <= 2
}

/// The noun phrase ending just before token `end` (exclusive), read backwards over
/// verbs' helpers, an appositive between commas, and a parenthesis.
pub fn phrase_before(tokens: &[Token], end: usize) -> Option<(usize, usize)> {
    let mut j = end;
    while j > 0 && BETWEEN_SUBJECT_AND_VERB.contains(&lower(&tokens[j - 1]).as_str()) {
        j -= 1;
    }
    if j > 0 && tokens[j - 1].text == ")" {
        let open = (j.saturating_sub(MAX_APPOSITIVE_TOKENS)..j - 1)
            .rev()
            .find(|&k| tokens[k].text == "(")?;
        j = open;
    }
    if j > 0 && tokens[j - 1].text == "," {
        let comma = (j.saturating_sub(MAX_APPOSITIVE_TOKENS)..j - 1)
            .rev()
            .find(|&k| tokens[k].text == ",");
        if let Some(comma) = comma {
            j = comma;
        }
    }
    if j > 0 && is_pronoun(&tokens[j - 1]) {
        return Some((j - 1, j));
    }
    let mut k = j;
    while k > 0 && j - k < MAX_NAME_WORDS && word_can_join_name(tokens, k - 1, 1) {
        k -= 1;
    }
    while k < j && matches!(lower(&tokens[k]).as_str(), "of" | "for") {
        k += 1;
    }
    (k < j && plausible(&tokens[k..j])).then_some((k, j))
}

/// The noun phrase starting at token `start`.
pub fn phrase_after(tokens: &[Token], start: usize) -> Option<(usize, usize)> {
    let first = tokens.get(start)?;
    if is_pronoun(first) {
        return Some((start, start + 1));
    }
    // a description runs on ("the Russian foreign minister", "board chair Victor Lin")
    let described = DETERMINERS.contains(&lower(first).as_str()) || !first.is_capitalized();
    let mut k = start;
    while k < tokens.len() && k - start < MAX_NAME_WORDS && word_can_join_name(tokens, k, k - start)
    {
        // a name ends at the first lower-case word after it ("said Smith proudly")
        let lower_after_name = !described && k > start && !tokens[k].is_capitalized();
        if lower_after_name && !matches!(lower(&tokens[k]).as_str(), "of" | "for") {
            break;
        }
        k += 1;
    }
    while k > start && matches!(lower(&tokens[k - 1]).as_str(), "of" | "for") {
        k -= 1;
    }
    (k > start && plausible(&tokens[start..k])).then_some((start, k))
}

fn phrase_span(tokens: &[Token], (a, b): (usize, usize)) -> Span {
    Span::new(tokens[a].span.start, tokens[b - 1].span.end)
}

fn found(tokens: &[Token], phrase: (usize, usize), cue: usize, len: usize) -> Found {
    Found {
        speaker: phrase_span(tokens, phrase),
        cue: cue_span(tokens, cue, len),
        via: if is_according_to(tokens, cue, len) {
            Via::AccordingTo
        } else {
            Via::Cue
        },
    }
}

/// Skips punctuation that joins a quote to its attribution (", " "— ").
fn skip_joiners(tokens: &[Token], mut i: usize) -> usize {
    while tokens
        .get(i)
        .is_some_and(|t| matches!(t.text, "," | "—" | "–" | "-" | "("))
    {
        i += 1;
    }
    i
}

/// `"…," said Smith` / `"…," Smith said` / `"…," Smith, who leads X, said` /
/// `"…", according to Smith`: the words right after the closing mark.
pub fn after(tokens: &[Token]) -> Option<Found> {
    let i = skip_joiners(tokens, 0);
    if let Some((len, participle)) = cue_at(tokens, i) {
        if participle {
            return None;
        }
        let phrase = phrase_after(tokens, i + len)?;
        return Some(found(tokens, phrase, i, len));
    }
    let phrase = phrase_after(tokens, i)?;
    let mut j = phrase.1;
    if tokens.get(j).is_some_and(|t| t.text == ",") {
        let close = (j + 1..tokens.len().min(j + MAX_APPOSITIVE_TOKENS))
            .find(|&k| tokens[k].text == ",")?;
        j = close + 1;
    }
    while tokens
        .get(j)
        .is_some_and(|t| BETWEEN_SUBJECT_AND_VERB.contains(&lower(t).as_str()))
    {
        j += 1;
    }
    let (len, participle) = cue_at(tokens, j)?;
    (!participle).then(|| found(tokens, phrase, j, len))
}

/// `Smith said: "…"` / `Smith told reporters, "…"` / `according to Smith, "…"` /
/// `Smith called the plan "…"`: the words of the sentence before the opening mark.
/// A statement is introduced by the cue nearest to it (`last_cue`); a fragment
/// belongs to the sentence's main verb, the first cue ("Clinton says Trump's
/// tweets were 'unhinged'").
pub fn before(tokens: &[Token], last_cue: bool) -> Option<Found> {
    let cue_here = |i: usize| cue_at(tokens, i).map(|(len, p)| (i, len, p));
    let cue = if last_cue {
        (0..tokens.len()).rev().find_map(cue_here)
    } else {
        (0..tokens.len()).find_map(cue_here)
    };
    let (i, len, participle) = cue?;
    if is_according_to(tokens, i, len) {
        let phrase = phrase_after(tokens, i + len)?;
        return Some(found(tokens, phrase, i, len));
    }
    // "footage of Trump saying '…'": the name right before the participle;
    // "…, calling it '…'": the sentence's subject
    let after_comma = i > 0 && tokens[i - 1].text == ",";
    if participle && !after_comma {
        if let Some(phrase) = phrase_before(tokens, i).filter(|&(a, _)| tokens[a].is_capitalized())
        {
            return Some(found(tokens, phrase, i, len));
        }
    }
    if participle {
        let subject = phrase_after(tokens, 0).filter(|&(_, end)| end <= i)?;
        return Some(found(tokens, subject, i, len));
    }
    if let Some(phrase) = phrase_before(tokens, i) {
        return Some(found(tokens, phrase, i, len));
    }
    if let Some(phrase) = phrase_after(tokens, i + len) {
        return Some(found(tokens, phrase, i, len));
    }
    // "X outlined a plan and vowed to punish '…'": the sentence's subject
    let subject = phrase_after(tokens, 0).filter(|&(_, end)| end < i)?;
    Some(found(tokens, subject, i, len))
}

/// `He says …` opening the sentence after a quotation.
pub fn next_sentence(tokens: &[Token]) -> Option<Found> {
    let phrase = phrase_after(tokens, 0)?;
    let mut j = phrase.1;
    while tokens
        .get(j)
        .is_some_and(|t| BETWEEN_SUBJECT_AND_VERB.contains(&lower(t).as_str()))
    {
        j += 1;
    }
    let (len, participle) = cue_at(tokens, j)?;
    (!participle).then(|| found(tokens, phrase, j, len))
}

/// `Name: 'quote'` headlines: the phrase before the headline's colon.
pub fn headline(tokens: &[Token]) -> Option<Span> {
    let colon = tokens.iter().position(|t| t.text == ":")?;
    let phrase = phrase_after(tokens, 0)?;
    (phrase.1 == colon).then(|| phrase_span(tokens, phrase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::words::tokens;

    fn toks(text: &str) -> Vec<Token<'_>> {
        tokens(text, Span::new(0, text.len()))
    }

    fn show(text: &str, f: Option<Found>) -> Option<(&str, &str)> {
        f.map(|f| (f.speaker.slice(text), f.cue.slice(text)))
    }

    #[test]
    fn after_the_quote() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                ", Mr Lavrov said, referring to",
                Some(("Mr Lavrov", "said")),
            ),
            (", said Sen. Ted Cruz.", Some(("Sen. Ted Cruz", "said"))),
            (" he told reporters.", Some(("he", "told"))),
            (
                ", Smith, who leads the agency, said in an interview.",
                Some(("Smith", "said")),
            ),
            (
                ", the newspaper reported.",
                Some(("the newspaper", "reported")),
            ),
            (", according to CNBC.", Some(("CNBC", "according to"))),
            (" and \"contradictory\"", None),
            (" is what the sign read", None),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, after(&toks(text))), *want, "{text}");
        }
    }

    #[test]
    fn before_the_quote() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("Smith said: ", Some(("Smith", "said"))),
            ("Caddell continued: ", Some(("Caddell", "continued"))),
            (
                "while Russian Federation denounced it as an act of ",
                Some(("Russian Federation", "denounced")),
            ),
            (
                "The Russian foreign minister also wants to know the goals, calling the positions so far ",
                Some(("The Russian foreign minister", "calling")),
            ),
            (
                "A spokeswoman for the agency told reporters that ",
                Some(("A spokeswoman for the agency", "told")),
            ),
            (
                "According to the report, ",
                Some(("the report", "According to")),
            ),
            ("The plan was ", None),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, before(&toks(text), false)), *want, "{text}");
        }
    }

    #[test]
    fn opening_the_next_sentence() {
        let text = "He says that makes it hard.";
        assert_eq!(show(text, next_sentence(&toks(text))), Some(("He", "says")));
        let text = "The talks went on.";
        assert_eq!(show(text, next_sentence(&toks(text))), None);
    }

    #[test]
    fn headline_form() {
        let text = "Tillerson: U.S.-Russia relations 'at a low point'";
        assert_eq!(
            headline(&toks(text)).map(|s| s.slice(text)),
            Some("Tillerson")
        );
    }
}
