//! The extent of a speaker mention: the noun phrase that names the speaker, with the
//! appositives and post-modifiers a reporter attaches to it ("Joe Bateman, who
//! traveled from Illinois," / "Sen. Jeff Merkley of Oregon, the only senator to
//! endorse Sanders"), read forwards or backwards from a cue. The whole mention is
//! what the text says; its `name` part is what the speaker is called.

use super::attribution::cue_at;
use super::words::{Lower, Token};
use crate::rules::{PRONOUNS, SPEAKER_WORDS};

/// The longest noun phrase, in words, taken as a speaker's name.
const MAX_NAME_WORDS: usize = 10;
/// The most tokens a chain of appositives may span.
const MAX_APPOSITIVE_TOKENS: usize = 40;
/// The most tokens after a name a post-modifier ("of Oregon") may span.
const MAX_MODIFIER_TOKENS: usize = 12;

/// A speaker mention as token indexes: the whole mention and the part that names
/// the speaker ("her adviser, Jake Sullivan" is named by "Jake Sullivan").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phrase {
    /// First token of the mention.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    /// The tokens that name the speaker, inside the mention.
    pub name: (usize, usize),
}

impl Phrase {
    /// A mention that is its name and nothing more.
    pub fn bare(name: (usize, usize)) -> Self {
        Phrase {
            start: name.0,
            end: name.1,
            name,
        }
    }
}

/// True for a pronoun that can stand for a speaker.
pub fn is_pronoun(token: &Token) -> bool {
    PRONOUNS.contains_key(token.lower().as_str())
}

/// True for a relative pronoun that can be a speaker ("who", "which").
pub fn is_relative(token: &Token) -> bool {
    is_relative_word(token.text)
}

/// True for "who" or "which" in any case.
pub fn is_relative_word(word: &str) -> bool {
    word.eq_ignore_ascii_case("who") || word.eq_ignore_ascii_case("which")
}

/// The name a relative pronoun at `at` stands for: the words right before it, or
/// before its comma (`critics who`, `said Weaver, who`, `a reaction from President
/// Barack Obama, who`).
pub fn antecedent(tokens: &[Token], at: usize) -> Option<(usize, usize)> {
    let comma = at > 0 && tokens[at - 1].text == ",";
    head_before(tokens, at - usize::from(comma))
}

fn is_determiner(token: &Token) -> bool {
    SPEAKER_WORDS.determiners.contains(token.lower().as_str())
}

/// True for a speech verb's helper ("has", "also", "increasingly").
pub fn is_helper(token: &Token) -> bool {
    let l = token.lower();
    SPEAKER_WORDS.helpers.contains(l.as_str()) || (!token.is_capitalized() && is_adverb(&l))
}

/// An adverb by its ending ("increasingly", "publicly", "directly"), which a noun
/// ending in -ly ("family", "rally", "assembly") does not have.
fn is_adverb(word: &str) -> bool {
    word.len() > 5
        && SPEAKER_WORDS
            .adverb_endings
            .iter()
            .any(|e| word.ends_with(e.as_str()))
}

/// Punctuation that ends an appositive or a clause (a right single mark is more
/// often a plural possessive, "the Democrats’ nominee", than a quote's end).
fn is_boundary(token: &Token) -> bool {
    matches!(
        token.text,
        "," | ";"
            | ":"
            | "."
            | "!"
            | "?"
            | "—"
            | "–"
            | "("
            | ")"
            | "\""
            | "“"
            | "”"
            | "‘"
            | "«"
            | "»"
            | "„"
    )
}

fn word_can_join_name(tokens: &[Token], at: usize, position_in_phrase: usize) -> bool {
    let token = &tokens[at];
    if !token.is_word() {
        return false;
    }
    let l = token.lower();
    // a capitalised clause link or preposition opens a sentence ("At", "When"),
    // it does not name anyone
    if token.is_capitalized() {
        let words = &*SPEAKER_WORDS;
        return !words.links.contains(l.as_str()) && !words.prepositions.contains(l.as_str());
    }
    if matches!(l.as_str(), "of" | "for") {
        return position_in_phrase > 0;
    }
    // "a member who supports Trump": a pronoun ends the phrase
    if is_pronoun(token) {
        return false;
    }
    // "my father often said": a helper between subject and verb is no part of a name
    !SPEAKER_WORDS.stops.contains(l.as_str())
        && !SPEAKER_WORDS.helpers.contains(l.as_str())
        && cue_at(tokens, at).is_none()
        && !l.ends_with("ly")
}

/// A plausible speaker phrase: a pronoun, a name, or a short description.
fn plausible(words: &[Token]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    if words.len() == 1 && is_pronoun(first) {
        return true;
    }
    // pronouns inside a phrase and contractions ("I'm", "we've", "There's") are no
    // speaker's name ("He's saying" is: its pronoun speaks)
    let contraction = |w: &Token| {
        let Some((stem, ending)) = w.text.rsplit_once(['\'', '’']) else {
            return false;
        };
        let function_word = || {
            let stem = Lower::of(stem);
            !PRONOUNS.contains_key(stem.as_str()) && SPEAKER_WORDS.stops.contains(stem.as_str())
        };
        match ending {
            "m" | "ve" | "re" | "ll" | "d" => true,
            "t" => stem.ends_with('n'),
            "s" => function_word(),
            _ => false,
        }
    };
    // (a capitalised pronoun opens a sentence: "She gives credit" is a subject and
    // its verb, unless the whole phrase is capitalised as a name)
    let capitalised = words.iter().all(Token::is_capitalized);
    if words
        .iter()
        .any(|w| (is_pronoun(w) && !capitalised) || contraction(w))
    {
        return false;
    }
    // ("Several said": a count alone stands for the people counted)
    let counted = words.len() == 1 && SPEAKER_WORDS.quantifiers.contains(first.lower().as_str());
    if !counted && (words.iter().all(is_determiner) || is_time(words)) {
        return false;
    }
    // "That", "Do": a function word opening a sentence names no one
    let word_class = |w: &Token| {
        let l = w.lower();
        let classes = &*SPEAKER_WORDS;
        classes.stops.contains(l.as_str())
            || classes.links.contains(l.as_str())
            || classes.prepositions.contains(l.as_str())
            || classes.helpers.contains(l.as_str())
    };
    if words.len() == 1 && word_class(first) {
        return false;
    }
    let has_name = words
        .iter()
        .any(|w| w.is_capitalized() && !is_determiner(w));
    has_name || is_determiner(first) || (words.len() <= 2 && is_bare_plural(words))
}

/// "last week", "two days", "Thursday": a time, which says nothing.
fn is_time(words: &[Token]) -> bool {
    words.iter().all(|w| {
        let l = w.lower();
        // capitalised, only a day is a time ("Thursday", but "Time" magazine)
        let day = !w.is_capitalized() || l.ends_with("day");
        (day && SPEAKER_WORDS.times.contains(l.as_str()))
            || is_determiner(w)
            || l.chars().all(|c| c.is_ascii_digit() || c == ',')
    })
}

/// "officials", "young voters", "police": a group named by lower-case words
/// with no determiner, which no participle or verb opens ("making air",
/// "handled messages") and no lone adjective or adverb is ("quick", "soon").
fn is_bare_plural(words: &[Token]) -> bool {
    let verb_like = |w: &Token| {
        let l = w.lower();
        l.ends_with("ing") || l.ends_with("ed") || SPEAKER_WORDS.past_forms.contains(l.as_str())
    };
    let head = words[words.len() - 1].lower();
    !words.iter().any(verb_like)
        && (words.len() == 2 || (head.ends_with('s') && !head.ends_with("ss")) || head == "police")
}

/// The name or description ending just before token `end`, read backwards.
fn head_before(tokens: &[Token], end: usize) -> Option<(usize, usize)> {
    let last = tokens.get(end.checked_sub(1)?)?;
    if is_pronoun(last) {
        return Some((end - 1, end));
    }
    // "is choosing not to respond": a participle is no subject's head, nor is a
    // verb in the past ("Comey decided not to recommend", "the aide chose to")
    if !last.is_capitalized() && (last.lower().ends_with("ing") || is_past(last)) {
        return None;
    }
    let mut k = end;
    loop {
        // "His office released a statement", "Lee held up a sign": a verb in the
        // past with an object after it is the clause's verb, and the words before
        // the cue that object, no subject ("registered voters" is a description)
        if k > 0 && k < end && !tokens[k - 1].is_capitalized() && is_past(&tokens[k - 1]) {
            let particle = SPEAKER_WORDS.particles.contains(tokens[k].lower().as_str());
            let object = if particle { k + 1 } else { k };
            if object < end && is_determiner(&tokens[object]) {
                return None;
            }
        }
        if k > 0 && end - k < MAX_NAME_WORDS && word_can_join_name(tokens, k - 1, 1) {
            k -= 1;
            continue;
        }
        // "Sanders’ campaign": a plural possessive's mark stands alone
        let mark = k > 1
            && k < end
            && matches!(tokens[k - 1].text, "’" | "'")
            && tokens[k - 2].text.ends_with('s')
            && tokens[k - 2].span.end == tokens[k - 1].span.start;
        if !mark {
            break;
        }
        k -= 1;
    }
    while k < end && matches!(tokens[k].lower().as_str(), "of" | "for") {
        k += 1;
    }
    // "for news and talk Dave Gorab": lower-case words after a clause link belong
    // to the phrase before it, not to the name
    let linked = k > 0 && SPEAKER_WORDS.stops.contains(tokens[k - 1].lower().as_str());
    if linked {
        while k < end && !tokens[k].is_capitalized() && !is_determiner(&tokens[k]) {
            let rest_named = tokens[k + 1..end].iter().any(Token::is_capitalized);
            if !rest_named {
                break;
            }
            k += 1;
        }
    }
    (k < end && plausible(&tokens[k..end])).then_some((k, end))
}

/// A verb in the past: a regular form in -ed, or an irregular one of the `past` class.
fn is_past(token: &Token) -> bool {
    let lower = token.lower();
    (lower.ends_with("ed") && lower.len() > 4) || SPEAKER_WORDS.past_forms.contains(lower.as_str())
}

/// The name or description starting at token `start`.
pub fn head_after(tokens: &[Token], start: usize) -> Option<(usize, usize)> {
    let first = tokens.get(start)?;
    if is_pronoun(first) {
        return Some((start, start + 1));
    }
    // a description runs on ("the Russian foreign minister", "board chair Victor Lin")
    let described = is_determiner(first) || !first.is_capitalized();
    let mut k = start;
    while k < tokens.len() && k - start < MAX_NAME_WORDS && word_can_join_name(tokens, k, k - start)
    {
        // a name ends at the first lower-case word after it ("said Smith proudly"),
        // unless a role joins two names ("Virginia delegate Beau Correll")
        // "Ryan's campaign": after a possessive the phrase goes on to its noun
        let possessive = k > start && is_possessive(&tokens[k - 1]);
        let lower_after_name =
            !described && !possessive && k > start && !tokens[k].is_capitalized();
        let role = lower_after_name && role_before_name(tokens, k);
        if lower_after_name && !role && !matches!(tokens[k].lower().as_str(), "of" | "for") {
            break;
        }
        // "Robert Antonacci of the New York delegation": the name ends at "of the"
        let of_the = !described
            && k > start
            && tokens[k].lower() == "of"
            && tokens.get(k + 1).is_some_and(is_determiner);
        if of_the {
            break;
        }
        if described && k > start + 1 && is_verb_form(tokens, k) {
            break;
        }
        k += 1;
    }
    // ("the authors of the 'Growth and Opportunity Project'": the quotation the
    // words lead into is no part of the phrase)
    while k > start + 1 && {
        let last = &tokens[k - 1];
        matches!(last.lower().as_str(), "of" | "for") || is_determiner(last)
    } {
        k -= 1;
    }
    (k > start && plausible(&tokens[start..k])).then_some((start, k))
}

/// True for a possessive name ("Ryan's", "Clinton’s"), not a contraction ("He's").
pub fn is_possessive(token: &Token) -> bool {
    let stem = token
        .text
        .strip_suffix("'s")
        .or_else(|| token.text.strip_suffix("’s"));
    stem.is_some_and(|stem| {
        let lower = Lower::of(stem);
        !PRONOUNS.contains_key(lower.as_str())
            && !SPEAKER_WORDS.stops.contains(lower.as_str())
            && !matches!(lower.as_str(), "let" | "what" | "who")
    })
}

/// True when the lower-case words from `at` are a role that leads into another
/// name ("Republican party boss Reince Priebus", "Clinton's top aide Jake Sullivan").
fn role_before_name(tokens: &[Token], at: usize) -> bool {
    let limit = tokens.len().min(at + 4);
    let mut k = at;
    while k < limit && tokens[k].is_word() && !tokens[k].is_capitalized() {
        let l = tokens[k].lower();
        let words = &*SPEAKER_WORDS;
        // "Ryan endorsed Trump", "Carson took the stage Tuesday": a verb is no role,
        // nor does an article open one
        let verb = l.ends_with("ed")
            || words.past_forms.contains(l.as_str())
            || cue_at(tokens, k).is_some();
        if words.stops.contains(l.as_str())
            || is_determiner(&tokens[k])
            || words.times.contains(l.as_str())
            || l.ends_with("ly")
            || verb
        {
            return false;
        }
        k += 1;
    }
    k > at
        && tokens
            .get(k)
            .is_some_and(|t| t.is_word() && t.is_capitalized())
}

/// True when the lower-case word at `at` reads as the verb after a description
/// ("The ad targets a …", "The email goes on …"): an -s or -ed form followed by a
/// word that opens the verb's object.
fn is_verb_form(tokens: &[Token], at: usize) -> bool {
    let word = tokens[at].lower();
    let inflected = (word.ends_with('s') && !word.ends_with("ss")) || word.ends_with("ed");
    let object = tokens.get(at + 1).is_some_and(|next| {
        let l = next.lower();
        is_determiner(next)
            || is_pronoun(next)
            || next.is_capitalized()
            || SPEAKER_WORDS.prepositions.contains(l.as_str())
            || matches!(l.as_str(), "that" | "to")
    });
    // an irregular past form is a verb before any word but a cue ("The aide left
    // no doubt"; in "the far left said" it is the noun)
    let past = SPEAKER_WORDS.past_forms.contains(word.as_str())
        && tokens
            .get(at + 1)
            .is_some_and(|next| next.is_word() && cue_at(tokens, at + 1).is_none());
    // a regular past form reads as the verb whatever follows ("The senator emailed
    // supporters"), unless "by" makes it a participle ("a group backed by")
    let regular_past = word.ends_with("ed")
        && word.len() > 3
        && tokens.get(at + 1).is_none_or(|next| next.lower() != "by");
    !tokens[at].is_capitalized() && ((inflected && object) || past || regular_past)
}

/// What a stretch set off by commas is, next to a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Aside {
    /// Says more about the speaker ("a Republican", "who leads X", "35").
    Appositive,
    /// Says something about the sentence ("however", "in an interview", "asked about it").
    Clause,
}

fn classify(segment: &[Token]) -> Aside {
    let Some(first) = segment.first() else {
        return Aside::Clause;
    };
    let l = first.lower();
    let words = &*SPEAKER_WORDS;
    let verb_form = !first.is_capitalized() && (l.ends_with("ing") || l.ends_with("ed"));
    // "Hours later", "last week": a short phrase of time
    let timed = segment.len() <= 3
        && segment
            .iter()
            .any(|t| words.times.contains(t.lower().as_str()));
    // "then ambassador to Israel", "now a partner at a firm": a role held
    if segment.len() > 1 && words.roles.contains(l.as_str()) {
        return Aside::Appositive;
    }
    if words.stops.contains(l.as_str()) || words.asides.contains(l.as_str()) || verb_form || timed {
        Aside::Clause
    } else {
        Aside::Appositive
    }
}

/// Where the stretch ending at `end` (exclusive) begins: after the nearest boundary
/// before it, or at the slice start when that is near enough. A parenthesis inside
/// it ("Rep. Elijah Cummings (D-Md.)") is part of it.
fn segment_start(tokens: &[Token], end: usize, limit: usize) -> Option<usize> {
    let mut t = end;
    while t > limit {
        t -= 1;
        if tokens[t].text == ")" {
            match (limit..t).rev().find(|&k| tokens[k].text == "(") {
                Some(open) => {
                    t = open;
                    continue;
                }
                None => return Some(t + 1),
            }
        }
        if is_boundary(&tokens[t]) {
            return Some(t + 1);
        }
    }
    (limit == 0).then_some(0)
}

/// `end`, or where a parenthesis closing just before it opens.
fn before_parenthesis(tokens: &[Token], end: usize) -> usize {
    if end > 0 && tokens[end - 1].text == ")" {
        let limit = end.saturating_sub(MAX_MODIFIER_TOKENS);
        if let Some(open) = (limit..end - 1).rev().find(|&k| tokens[k].text == "(") {
            return open;
        }
    }
    end
}

/// One past the last token of the stretch starting at `start`: the next boundary, a
/// cue, or the slice end.
fn segment_end(tokens: &[Token], start: usize) -> usize {
    let limit = tokens.len().min(start + MAX_APPOSITIVE_TOKENS);
    (start..limit)
        .find(|&t| {
            // a speech verb ends it ("a consultant who said …"), a participle may
            // not ("a creative writing professor")
            is_boundary(&tokens[t])
                || (t > start && cue_at(tokens, t).is_some_and(|(_, participle)| !participle))
        })
        .unwrap_or(limit)
}

fn is_person(tokens: &[Token]) -> bool {
    !tokens.is_empty()
        && tokens.len() <= 4
        && tokens
            .iter()
            .all(|t| t.is_capitalized() && !super::speakers::is_title(t.text))
}

/// The speaker's name within a mention: the head, or an appositive naming the person
/// the head describes ("her adviser, Jake Sullivan").
fn name_of(
    tokens: &[Token],
    head: (usize, usize),
    appositives: &[(usize, usize)],
) -> (usize, usize) {
    let described = !tokens[head.0].is_capitalized() || is_determiner(&tokens[head.0]);
    if described {
        if let Some(&named) = appositives.iter().find(|a| is_person(&tokens[a.0..a.1])) {
            return named;
        }
    }
    // "Rep. Tom Cole of Oklahoma" is Tom Cole; "Secretary of State Rex Tillerson" keeps
    // its "of", which follows a title
    let of = (head.0..head.1).find(|&k| matches!(tokens[k].lower().as_str(), "of" | "from"));
    if let Some(of) = of {
        let named = tokens[head.0..of]
            .iter()
            .filter(|t| t.is_capitalized() && !super::speakers::is_title(t.text))
            .count();
        if named >= 2 {
            return (head.0, of);
        }
    }
    head
}

/// The subject ending just before token `end` (a cue): helpers skipped, and the
/// parenthesis and appositives between commas that follow a name kept in the mention
/// (`Dean Johnson, a salesman from Sumter, South Carolina, says`).
pub fn subject_before(tokens: &[Token], end: usize) -> Option<Phrase> {
    let mut j = end;
    while j > 0 && is_helper(&tokens[j - 1]) {
        j -= 1;
    }
    let mut mention_end = j;
    while mention_end > 0 && tokens[mention_end - 1].text == "," {
        mention_end -= 1;
    }
    let mut k = mention_end;
    if k > 0 && tokens[k - 1].text == ")" {
        k = (k.saturating_sub(MAX_MODIFIER_TOKENS)..k - 1)
            .rev()
            .find(|&t| tokens[t].text == "(")?;
    }
    if k == mention_end && j > mention_end {
        // appositives between commas, nearest the verb first
        let limit = j.saturating_sub(MAX_APPOSITIVE_TOKENS);
        let mut segments: Vec<(usize, usize)> = Vec::new();
        let mut seg_end = mention_end;
        while let Some(start) = segment_start(tokens, seg_end, limit) {
            if start >= seg_end {
                break;
            }
            segments.push((start, seg_end));
            if start == 0 || tokens[start - 1].text != "," {
                break;
            }
            seg_end = start - 1;
        }
        for at in (0..segments.len()).rev() {
            let (start, end) = segments[at];
            // "As Tom Ridge, a former secretary, put it": clause links may lead in,
            // but "Tuesday, Kevin Brady, chairman of …, said": a time is no head,
            // nor "At Boca West, where …" a place
            let words = &*SPEAKER_WORDS;
            let leads_in = |h: &(usize, usize)| {
                let link = tokens[start..h.0].iter().all(|t| {
                    let l = t.lower();
                    words.stops.contains(l.as_str()) && !words.prepositions.contains(l.as_str())
                });
                let timed = tokens[start..end]
                    .iter()
                    .any(|t| words.times.contains(t.lower().as_str()));
                link && !(timed && at > 0)
            };
            let Some(head) = head_before(tokens, before_parenthesis(tokens, end)).filter(leads_in)
            else {
                continue;
            };
            let appositives: Vec<(usize, usize)> = segments[..at]
                .iter()
                .copied()
                .filter(|s| classify(&tokens[s.0..s.1]) == Aside::Appositive)
                .collect();
            let end = appositives.first().map_or(head.1, |a| a.1);
            return Some(Phrase {
                start: head.0,
                end,
                name: name_of(tokens, head, &appositives),
            });
        }
        return None;
    }
    // "Trump at the time said", "Sanders on Tuesday said": the subject is before
    // the time phrase
    let mut time_start = k;
    while time_start > 0 && is_time(&tokens[time_start - 1..time_start]) {
        time_start -= 1;
    }
    // (a time or a year, not only determiners: "the mother of three said")
    let timed = tokens[time_start..k].iter().any(|t| !is_determiner(t));
    let after_preposition = timed
        && time_start > 0
        && SPEAKER_WORDS
            .prepositions
            .contains(tokens[time_start - 1].lower().as_str());
    if time_start < k && after_preposition {
        let subject = head_before(tokens, time_start - 1)?;
        return Some(Phrase::bare(subject));
    }
    let head = head_before(tokens, k)?;
    Some(Phrase {
        start: head.0,
        end: mention_end,
        name: head,
    })
}

/// A mention starting at token `start` (after a cue: `said Sen. Jeff Merkley of
/// Oregon, the only senator to endorse Sanders`), with its post-modifier ("of
/// Oregon", "of the state university") and appositives up to the end of the clause.
pub fn mention_after(tokens: &[Token], start: usize) -> Option<Phrase> {
    let head = head_after(tokens, start)?;
    if is_pronoun(&tokens[head.0]) {
        return Some(Phrase::bare(head));
    }
    let mut end = head.1;
    // "Rep. Bobby Scott (D-Va.)"
    if tokens.get(end).is_some_and(|t| t.text == "(") {
        let close = (end + 1..tokens.len().min(end + 8)).find(|&k| tokens[k].text == ")");
        if let Some(close) = close {
            end = close + 1;
        }
    }
    let of_place = tokens
        .get(end)
        .is_some_and(|t| matches!(t.lower().as_str(), "of" | "from"))
        && tokens
            .get(end + 1)
            .is_some_and(|t| t.is_capitalized() || is_determiner(t));
    // "a longtime adviser to Trump", "a source involved in the plan": a
    // description runs on through one phrase of place or relation
    let described = is_determiner(&tokens[head.0]) || !tokens[head.0].is_capitalized();
    let related = described
        && tokens.get(end).is_some_and(|t| {
            SPEAKER_WORDS.prepositions.contains(t.lower().as_str()) || t.lower() == "to"
        });
    if of_place || related {
        let modifier_end = segment_end(tokens, end + 1).min(end + MAX_MODIFIER_TOKENS);
        // ("the issue of" before a quotation has no modifier at all)
        let modifier_end = if modifier_end > end + 1 {
            modifier_end
        } else {
            end
        };
        let timed = tokens[end..modifier_end]
            .iter()
            .any(|t| SPEAKER_WORDS.times.contains(t.lower().as_str()));
        // ("the authors of the 'Growth and Opportunity Project'": a modifier cut
        // short by a quotation, ending in an article, is left out)
        let dangling = is_determiner(&tokens[modifier_end - 1]);
        if !timed && !dangling {
            end = modifier_end;
        }
    }
    // "a committee member who supports Trump": a relative clause without commas,
    // unless it is the next speaker's ("a consultant who said …")
    if tokens.get(end).is_some_and(|t| t.lower() == "who") {
        let clause_end = segment_end(tokens, end + 1);
        let mut verb = end + 1;
        while tokens.get(verb).is_some_and(is_helper) {
            verb += 1;
        }
        let speaks = cue_at(tokens, verb).is_some()
            || tokens.get(clause_end).is_some_and(|t| !is_boundary(t));
        if !speaks && clause_end > end + 1 {
            end = clause_end;
        }
    }
    let mut appositives = Vec::new();
    while tokens.get(end).is_some_and(|t| t.text == ",") {
        let seg_end = segment_end(tokens, end + 1);
        let mut seg = (end + 1, seg_end);
        // "…, who also said": the relative clause is the next speaker, not this one
        let stopped_at_cue = seg_end < tokens.len() && !is_boundary(&tokens[seg_end]);
        while stopped_at_cue
            && seg.1 > seg.0
            && (is_helper(&tokens[seg.1 - 1])
                || matches!(tokens[seg.1 - 1].lower().as_str(), "who" | "which"))
        {
            seg.1 -= 1;
        }
        if seg.1 == seg.0 || classify(&tokens[seg.0..seg.1]) != Aside::Appositive {
            break;
        }
        appositives.push(seg);
        end = seg.1;
        if seg.1 < seg_end {
            break;
        }
    }
    Some(Phrase {
        start: head.0,
        end,
        name: name_of(tokens, head, &appositives),
    })
}

/// A mention starting at token `start` and followed, after commas and appositives,
/// by a cue: `Smith, who leads the agency, said`. Returns the mention and the
/// index of the cue.
pub fn subject_then_cue(tokens: &[Token], start: usize) -> Option<(Phrase, usize)> {
    let head = head_after(tokens, start)?;
    let mut end = head.1;
    let mut j = head.1;
    let mut appositives = Vec::new();
    let limit = tokens.len().min(start + MAX_APPOSITIVE_TOKENS);
    while tokens.get(j).is_some_and(|t| t.text == ",") && j < limit {
        let close = (j + 1..limit).find(|&k| is_boundary(&tokens[k]))?;
        if tokens[close].text != "," {
            return None;
        }
        let seg = (j + 1, close);
        if classify(&tokens[seg.0..seg.1]) == Aside::Appositive {
            appositives.push(seg);
            end = close;
        }
        j = close + 1;
        let mut cue = j;
        while tokens.get(cue).is_some_and(is_helper) {
            cue += 1;
        }
        if cue_at(tokens, cue).is_some() {
            j = cue;
            break;
        }
    }
    // "a staffer in the room wondered": a short place between subject and verb
    let placed = tokens
        .get(j)
        .is_some_and(|t| SPEAKER_WORDS.prepositions.contains(t.lower().as_str()));
    if placed {
        // (the place's own words are no verb: "A footnote in the report makes")
        let limit = tokens.len().min(j + 6);
        let verb = (j + 1..limit)
            .take_while(|&k| !is_boundary(&tokens[k]))
            .find(|&k| cue_at(tokens, k).is_some() || is_verb_form(tokens, k));
        if let Some(verb) = verb {
            j = verb;
        }
    }
    while tokens.get(j).is_some_and(is_helper) {
        j += 1;
    }
    let phrase = Phrase {
        start: head.0,
        end,
        name: name_of(tokens, head, &appositives),
    };
    Some((phrase, j))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::words::all_tokens as toks;

    fn show<'a>(text: &'a str, tokens: &[Token], p: Option<Phrase>) -> Option<(&'a str, &'a str)> {
        let slice = |a: usize, b: usize| &text[tokens[a].span.start..tokens[b - 1].span.end];
        p.map(|p| (slice(p.start, p.end), slice(p.name.0, p.name.1)))
    }

    #[test]
    fn subjects_before_a_cue() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("Smith said", Some(("Smith", "Smith"))),
            ("Smith has also said", Some(("Smith", "Smith"))),
            (
                "Joe Bateman, who traveled from Illinois, says",
                Some(("Joe Bateman, who traveled from Illinois", "Joe Bateman")),
            ),
            (
                "Dean Johnson, a salesman from Sumter, South Carolina, says",
                Some((
                    "Dean Johnson, a salesman from Sumter, South Carolina",
                    "Dean Johnson",
                )),
            ),
            (
                "In a statement to the paper, her senior adviser, Jake Sullivan, said",
                Some(("her senior adviser, Jake Sullivan", "Jake Sullivan")),
            ),
            (
                "Clinton, 35, the daughter of a president, said",
                Some(("Clinton, 35, the daughter of a president", "Clinton")),
            ),
            ("Smith, however, said", Some(("Smith", "Smith"))),
            ("On Tuesday, Smith said", Some(("Smith", "Smith"))),
            (
                "Senator Bernie Sanders (I-VT) said",
                Some(("Senator Bernie Sanders (I-VT)", "Senator Bernie Sanders")),
            ),
            ("The plan that", None),
            (
                "Rep. Elijah Cummings (D-Md.), chair of the committee, said",
                Some((
                    "Rep. Elijah Cummings (D-Md.), chair of the committee",
                    "Rep. Elijah Cummings",
                )),
            ),
            (
                "As Tom Ridge, a former secretary, put it",
                Some(("Tom Ridge, a former secretary", "Tom Ridge")),
            ),
            ("Trump at the time said", Some(("Trump", "Trump"))),
            (
                "Sanders’ campaign called",
                Some(("Sanders’ campaign", "Sanders’ campaign")),
            ),
            (
                "Tuesday, Kevin Brady, chairman of the committee, said",
                Some(("Kevin Brady, chairman of the committee", "Kevin Brady")),
            ),
            (
                "At Boca West, where it costs a lot, Jay DiPietro, the club's president, said",
                Some(("Jay DiPietro, the club's president", "Jay DiPietro")),
            ),
            ("Sanders is choosing not to respond", None),
            // a capitalised pronoun opens the sentence: "gives" is its verb
            ("She gives credit", None),
            // a count alone stands for those counted; "of three" is no time
            ("Several said", Some(("Several", "Several"))),
            (
                "the 34-year-old mother of three replied",
                Some((
                    "the 34-year-old mother of three",
                    "the 34-year-old mother of three",
                )),
            ),
            ("McConnell, who in 2010 said", Some(("who", "who"))),
            // a clause of "whose" or "whom" is an aside, no part of the mention
            (
                "Doyle, whose home state is a target for Trump, said",
                Some(("Doyle", "Doyle")),
            ),
            // a verb in the past with an object: the words before the cue are that
            // object, no subject; a past participle describing a noun is no verb
            ("His office released a statement saying", None),
            ("Lori Bernstein held up a sign saying", None),
            (
                "Only 52 percent of registered voters agreed",
                Some((
                    "Only 52 percent of registered voters",
                    "Only 52 percent of registered voters",
                )),
            ),
        ];
        for (text, want) in cases {
            let t = toks(text);
            let end = (0..t.len())
                .rev()
                .find(|&i| cue_at(&t, i).is_some())
                .unwrap_or(t.len());
            assert_eq!(show(text, &t, subject_before(&t, end)), *want, "{text}");
        }
    }

    #[test]
    fn times_function_words_and_verbs_name_no_one() {
        let cases: &[(&str, Option<&str>)] = &[
            ("officials said", Some("officials")),
            ("young voters said", Some("young voters")),
            ("police said", Some("police")),
            ("last week said", None),
            ("Two days said", None),
            ("the 43-year-old said", Some("the 43-year-old")),
            ("the 20 said", None),
            ("Time said", Some("Time")),
            ("Thursday said", None),
            ("That said", None),
            ("quick said", None),
            ("making air said", None),
            ("There’s said", None),
            ("I'm said", None),
            ("He’s said", Some("He’s")),
            // a verb in the past with its object, before a name, is no role
            ("Carson took the stage Tuesday and called", Some("Carson")),
            // an -s form before a name is the description's verb
            ("The Rove ad hits Clinton for taking", Some("The Rove ad")),
            // words leading into a quotation are no part of the phrase
            ("the authors of the", Some("the authors")),
        ];
        for (text, want) in cases {
            let t = toks(text);
            let got = head_after(&t, 0).map(|(a, b)| &text[t[a].span.start..t[b - 1].span.end]);
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn mentions_after_a_cue() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("Smith.", Some(("Smith", "Smith"))),
            ("Smith proudly.", Some(("Smith", "Smith"))),
            // a modifier a quotation cuts short
            (
                "the authors of the “Growth Project,” giving",
                Some(("the authors", "the authors")),
            ),
            (
                "Sen. Jeff Merkley of Oregon, the only senator to back him.",
                Some((
                    "Sen. Jeff Merkley of Oregon, the only senator to back him",
                    "Sen. Jeff Merkley",
                )),
            ),
            (
                "Robert Klein, chairman of the institute.",
                Some(("Robert Klein, chairman of the institute", "Robert Klein")),
            ),
            (
                "Virginia delegate Beau Correll, angered by it.",
                Some((
                    "Virginia delegate Beau Correll",
                    "Virginia delegate Beau Correll",
                )),
            ),
            (
                "Lionel Sosa, a consultant who said he would not vote.",
                Some(("Lionel Sosa, a consultant", "Lionel Sosa")),
            ),
            (
                "Alfonso Aguilar, the director of a group, who also said that it was late.",
                Some((
                    "Alfonso Aguilar, the director of a group",
                    "Alfonso Aguilar",
                )),
            ),
            ("Smith, adding that it was late.", Some(("Smith", "Smith"))),
            ("he in an interview.", Some(("he", "he"))),
            (
                "a longtime adviser to Trump.",
                Some(("a longtime adviser to Trump", "a longtime adviser")),
            ),
            (
                "a spokesman on Tuesday.",
                Some(("a spokesman", "a spokesman")),
            ),
            (
                "Robert Antonacci of the New York delegation.",
                Some((
                    "Robert Antonacci of the New York delegation",
                    "Robert Antonacci",
                )),
            ),
            (
                "Steven Ekovich, a broker based in Tampa, Fla., who sells golf courses.",
                Some((
                    "Steven Ekovich, a broker based in Tampa, Fla., who sells golf courses",
                    "Steven Ekovich",
                )),
            ),
            (
                "James Cunningham, then ambassador to Israel.",
                Some((
                    "James Cunningham, then ambassador to Israel",
                    "James Cunningham",
                )),
            ),
            (
                "Ryan's campaign.",
                Some(("Ryan's campaign", "Ryan's campaign")),
            ),
            ("He's claiming it.", Some(("He's", "He's"))),
            (
                "a committee member who supports Trump.",
                Some((
                    "a committee member who supports Trump",
                    "a committee member",
                )),
            ),
            (
                "a consultant who said he would not vote.",
                Some(("a consultant", "a consultant")),
            ),
            (
                "his best friend at college, Bruce Turry.",
                Some(("his best friend at college, Bruce Turry", "Bruce Turry")),
            ),
        ];
        for (text, want) in cases {
            let t = toks(text);
            assert_eq!(show(text, &t, mention_after(&t, 0)), *want, "{text}");
        }
    }

    #[test]
    fn subjects_followed_by_appositives_and_a_cue() {
        let text = "Graham, a former candidate, told CBS News.";
        let t = toks(text);
        let (phrase, cue) = subject_then_cue(&t, 0).unwrap();
        assert_eq!(
            show(text, &t, Some(phrase)),
            Some(("Graham, a former candidate", "Graham"))
        );
        assert_eq!(t[cue].text, "told");
    }
}
