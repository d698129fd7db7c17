//! Attribution patterns: finds the cue word and the speaker mention of a quotation
//! from the words around it, as a reporter writes them:
//! `"…," Smith said` / `"…," said Smith` / `Smith, who leads X, said: "…"` /
//! `Smith called it "…"` / `…, calling it "…"` (the sentence's subject) /
//! `according to Smith` / `"…". He says …` (the next sentence).

use super::Via;
use super::mention::{self, Phrase};
use super::words::Token;
use crate::rules::{CUE_VERBS, SPEAKER_WORDS};
use crate::span::Span;
use std::cell::OnceCell;

/// The most cues of one sentence tried in turn for a speaker.
const MAX_CUES_TRIED: usize = 3;

/// The most tokens a source opening a sentence ("According to …,") may span.
const MAX_SOURCE_TOKENS: usize = 16;

/// A speaker mention and the cue that ties it to a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The mention as written.
    pub speaker: Span,
    /// The part of the mention that names the speaker.
    pub name: Span,
    /// The cue word(s).
    pub cue: Span,
    /// Cue or according-to.
    pub via: Via,
    /// True when no speech verb ties the speaker to the quotation, only being the
    /// subject of its sentence: too weak to tell speech from a scare quote.
    pub subject_only: bool,
}

/// The cue starting at token `i`: how many tokens it spans, and whether it is a
/// participle ("calling") that attaches the quote to the sentence's subject.
pub fn cue_at(tokens: &[Token], i: usize) -> Option<(usize, bool)> {
    let token = tokens.get(i)?;
    // verbs are lower case inside a sentence ("United States" is no cue)
    if !token.is_word() || (i > 0 && token.is_capitalized()) {
        return None;
    }
    let first = token.lower();
    let candidates = CUE_VERBS.get(first.as_str())?;
    // "the report", "his comments", "secretary of state": after a determiner or a
    // preposition a cue word is a noun
    if i > 0 {
        let previous = tokens[i - 1].lower();
        let words = &*SPEAKER_WORDS;
        // "was praised by", "were told": in the passive the subject did not speak
        let passive = words.passives.contains(previous.as_str()) && !first.ends_with("ing");
        // "the IG's report": after a possessive too
        let possessive = ["'s", "’s", "s'", "s’"]
            .iter()
            .any(|p| previous.ends_with(p));
        // ("despite admitting", "by calling it": after a preposition, a form in
        // -ing is still the verb of the sentence's subject)
        let gerund = first.ends_with("ing");
        // ("the 34-year-old mother of three replied", "both said": after a count, a
        // verb in the past is the verb of the phrase it ends)
        let counted_verb = words.quantifiers.contains(previous.as_str())
            && (first.ends_with("ed") || words.past_forms.contains(first.as_str()));
        if (words.determiners.contains(previous.as_str()) && !counted_verb)
            || possessive
            || (words.prepositions.contains(previous.as_str()) && !gerund)
            || passive
        {
            return None;
        }
    }
    let len = candidates
        .iter()
        .find(|cue| {
            cue.iter().enumerate().skip(1).all(|(k, w)| {
                tokens
                    .get(i + k)
                    .is_some_and(|t| t.lower().as_str() == w.as_str())
            })
        })?
        .len();
    Some((len, first.ends_with("ing") && len == 1))
}

fn cue_span(tokens: &[Token], i: usize, len: usize) -> Span {
    Span::new(tokens[i].span.start, tokens[i + len - 1].span.end)
}

fn is_according_to(tokens: &[Token], i: usize, len: usize) -> bool {
    len == 2 && tokens[i].lower() == "according"
}

fn token_span(tokens: &[Token], (a, b): (usize, usize)) -> Span {
    Span::new(tokens[a].span.start, tokens[b - 1].span.end)
}

/// A relative pronoun (`Weaver, who said`, `critics who say`) is named by the words
/// before it, when the window holds them.
fn found(tokens: &[Token], phrase: Phrase, cue: usize, len: usize) -> Found {
    let relative = phrase.end == phrase.start + 1 && mention::is_relative(&tokens[phrase.start]);
    let name = relative
        .then(|| mention::antecedent(tokens, phrase.start))
        .flatten()
        .unwrap_or(phrase.name);
    Found {
        speaker: token_span(tokens, (phrase.start, phrase.end)),
        name: token_span(tokens, name),
        cue: cue_span(tokens, cue, len),
        via: if is_according_to(tokens, cue, len) {
            Via::AccordingTo
        } else {
            Via::Cue
        },
        subject_only: false,
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

/// True when a mention read after a cue ends its clause (`Said Smith, "…"`), so
/// that it is the cue's subject rather than its object ("said the plan would…").
fn ends_clause(tokens: &[Token], end: usize) -> bool {
    tokens.get(end).is_none_or(|t| {
        matches!(
            t.text,
            "," | ":" | "—" | "–" | "\"" | "“" | "”" | "‘" | "'" | "«"
        )
    })
}

/// True when the words from `start` to the next comma open a sentence rather than
/// name its subject: a clause link or preposition ("While", "At a rally in Ames"),
/// a participle ("Speaking", "Challenged by"), or a time ("Hours later").
fn opens_sentence(tokens: &[Token], start: usize, comma: usize) -> bool {
    let words = &*SPEAKER_WORDS;
    let l = tokens[start].lower();
    // ("Speaking to Fox News,", "Challenged by a reporter,": a participle, not a
    // name that ends the same way, "Ted Nordhaus," or "Sterling Heights,")
    let participle = (l.ends_with("ing") || l.ends_with("ed"))
        && tokens[start + 1..comma]
            .first()
            .is_none_or(|next| !next.is_capitalized());
    words.stops.contains(l.as_str())
        || words.asides.contains(l.as_str())
        || participle
        // "Early in his campaign,", "Later that day,": a time opening the phrase
        || (words.times.contains(l.as_str()) && tokens[start + 1..comma].iter().all(|t| !t.is_capitalized()))
        || (comma - start <= 3
            && tokens[start..comma]
                .iter()
                .any(|t| words.times.contains(t.lower().as_str())))
        || counted_time(&tokens[start..comma])
}

/// `A few days later`, `20 years ago`, `A short time later`: a count or a
/// determiner, then times and counts with one other word at most, ending in a time
/// ("The deficit for this fiscal year" is a subject).
fn counted_time(phrase: &[Token]) -> bool {
    let words = &*SPEAKER_WORDS;
    let count = |t: &Token| {
        let l = t.lower();
        words.determiners.contains(l.as_str()) || l.starts_with(|c: char| c.is_ascii_digit())
    };
    let time = |t: &Token| words.times.contains(t.lower().as_str());
    let [first, rest @ .., last] = phrase else {
        return false;
    };
    let others = rest.iter().filter(|t| !count(t) && !time(t)).count();
    count(first) && time(last) && !last.is_capitalized() && others <= 1
}

/// Where the subject of a sentence starts: after a dateline ("WASHINGTON —") and
/// after opening phrases set off by commas, with the places they name ("At a
/// campaign event in Ames, Iowa, on Sunday, Mrs. Clinton said …").
pub fn subject_start(tokens: &[Token]) -> usize {
    // "WASHINGTON —", "WASHINGTON, Dec. 8 (UPI) —"
    let upper_first = tokens
        .first()
        .is_some_and(|t| t.is_word() && t.text.chars().all(|c| !c.is_lowercase()));
    let mut start = tokens
        .iter()
        .take(10)
        .position(|t| matches!(t.text, "—" | "–"))
        .filter(|&dash| {
            upper_first
                && tokens[..dash]
                    .iter()
                    .all(|t| !t.is_word() || !t.text.starts_with(char::is_lowercase))
        })
        .map_or(0, |dash| dash + 1);
    // "And Mr. Christie gloated: …": a leading conjunction
    let conjunction = tokens.get(start).is_some_and(|t| {
        matches!(t.lower().as_str(), "and" | "but" | "so" | "yet" | "or")
            && tokens.get(start + 1).is_some_and(|n| n.text != ",")
    });
    if conjunction {
        start += 1;
    }
    let mut opened = false;
    while start < tokens.len() {
        let Some(comma) = (start..tokens.len().min(start + 30)).find(|&k| tokens[k].text == ",")
        else {
            break;
        };
        let place =
            opened && comma - start <= 3 && tokens[start..comma].iter().all(Token::is_capitalized);
        if comma == start || !(place || opens_sentence(tokens, start, comma)) {
            break;
        }
        opened = true;
        start = comma + 1;
    }
    start
}

/// The subject opening a sentence.
fn sentence_subject(tokens: &[Token]) -> Option<Phrase> {
    mention::mention_after(tokens, subject_start(tokens))
}

/// `Mayor Luis Mendes defended the timetable.`: the capitalised words that are the
/// subject of a sentence, a pronoun's likeliest antecedent in the sentence after
/// it. None when the subject is a pronoun or a description ("The plan", "This
/// Trump", "A spokeswoman").
pub fn named_subject(tokens: &[Token]) -> Option<Span> {
    let phrase = sentence_subject(tokens)?;
    let name = &tokens[phrase.name.0..phrase.name.1];
    // (a word that opens sentences, "This", "Was", "With", is no part of a name)
    let first = name[0].lower();
    let named = name.iter().all(Token::is_capitalized)
        && !mention::is_pronoun(&name[0])
        && !SPEAKER_WORDS.determiners.contains(first.as_str())
        && !SPEAKER_WORDS.prepositions.contains(first.as_str())
        && !crate::rules::SENTENCE_STARTERS.contains(first.as_str());
    named.then(|| token_span(tokens, phrase.name))
}

/// `Cruz railed against what he calls the "cartel"`: a pronoun in a relative
/// clause, standing for the name that opens its sentence, is that name's mention,
/// the one a reader would point to.
pub fn named_antecedent(tokens: &[Token], found: Found) -> Found {
    let Some(at) = tokens.iter().position(|t| t.span == found.speaker) else {
        return found;
    };
    let relative = at > 0 && matches!(tokens[at - 1].lower().as_str(), "what" | "whom" | "which");
    if !relative {
        return found;
    }
    let pronoun = &tokens[at];
    let subject = sentence_subject(tokens).filter(|p| {
        let name = &tokens[p.name.0..p.name.1];
        let words: Vec<&str> = name.iter().map(|t| t.text).collect();
        p.end <= at
            && name.iter().all(Token::is_capitalized)
            && !mention::is_pronoun(&name[0])
            && super::speakers::Known::can_refer(pronoun.text, &words.join(" "))
    });
    match subject {
        Some(p) if mention::is_pronoun(pronoun) => Found {
            speaker: token_span(tokens, (p.start, p.end)),
            name: token_span(tokens, p.name),
            ..found
        },
        _ => found,
    }
}

/// `Paul Ryan worried that the net was "a hammock"`: with no speech verb, the
/// subject of the quotation's sentence, tied to it by its verb. Only a pronoun, a
/// name or a description with a determiner counts as a subject.
pub fn subject(tokens: &[Token]) -> Option<Found> {
    let (phrase, verb) = mention::subject_then_cue(tokens, subject_start(tokens))?;
    let first = &tokens[phrase.start];
    let head = &tokens[phrase.name.0];
    let named = mention::is_pronoun(head)
        || head.is_capitalized()
        || SPEAKER_WORDS.determiners.contains(first.lower().as_str());
    // ("Part of the 'binary choice'", "Contrary to his claim", "Having a 'strong'":
    // a preposition or a determiner after the first words shows they are no subject)
    let verb_token = tokens.get(verb)?;
    let verb_lower = verb_token.lower();
    let words = &*SPEAKER_WORDS;
    let verb_like = verb_token.is_word()
        && !verb_token.is_capitalized()
        && !words.stops.contains(verb_lower.as_str())
        && !words.prepositions.contains(verb_lower.as_str())
        && !words.determiners.contains(verb_lower.as_str());
    (named && verb_like).then(|| Found {
        subject_only: true,
        ..found(tokens, phrase, verb, 1)
    })
}

/// `Comey recommended no charges, but he called her actions "extremely careless"`: a
/// fragment in a clause of its own, joined by a comma and a link, belongs to that
/// clause's subject (a pronoun or a name opening it, right before its verb), not to
/// the main verb of the sentence. `tokens` is the sentence up to the quotation.
pub fn linked_clause(tokens: &[Token]) -> Option<Found> {
    let words = &*SPEAKER_WORDS;
    let link = (1..tokens.len()).rev().find(|&k| {
        // ("…, where he appeared": a place described, not a clause of the story)
        let l = tokens[k].lower();
        matches!(tokens[k - 1].text, "," | ";") && words.links.contains(l.as_str()) && l != "where"
    })?;
    let mut clause = &tokens[link + 1..];
    // (", and as Trump went on about": a subordinating link after the first one
    // opens the same clause)
    if clause
        .first()
        .is_some_and(|t| words.subordinators.contains(t.lower().as_str()))
    {
        clause = &clause[1..];
    }
    let first = clause.first()?;
    // the clause's own subject: a pronoun or a name, not an opening phrase
    let opens_with_subject = mention::is_pronoun(first)
        || (first.is_capitalized() && !words.stops.contains(first.lower().as_str()));
    if !opens_with_subject || subject_start(clause) != 0 {
        return None;
    }
    // "said that, because Comey testified that …": a clause inside what was said
    if link >= 2 && tokens[link - 2].lower() == "that" {
        return None;
    }
    let found = subject(clause).filter(|f| f.speaker.start == first.span.start)?;
    // "where he had first run, Mr. Obama expressed …": an opening clause, with the
    // sentence's own subject after its comma
    let verb = clause.iter().position(|t| t.span == found.cue)?;
    let main_after = (verb + 1..clause.len())
        .any(|c| clause[c].text == "," && subject(&clause[c + 1..]).is_some());
    (!main_after).then_some(found)
}

/// `Reid said both men were wrong, but he gave Cruz a compliment: "…"`: a statement
/// introduced by a colon belongs to the subject of the clause that ends in it, even
/// when its verb is no speech verb and an earlier clause has one.
pub fn introducing_clause(tokens: &[Token]) -> Option<Found> {
    if tokens.last()?.text != ":" {
        return None;
    }
    let words = &*SPEAKER_WORDS;
    // the clause opens after ", but" or at the start ("…," but he said: after a
    // quote); with no link, the whole sentence is the clause ("McConnell sent Trump
    // a blunt message: …")
    let link = (0..tokens.len()).rev().find(|&k| {
        let after_comma = k > 0 && matches!(tokens[k - 1].text, "," | ";");
        (after_comma || k == 0) && words.links.contains(tokens[k].lower().as_str())
    });
    // a subordinate clause opening the sentence leaves the main one to after its
    // comma ("When Wallace died, Clinton released a statement:")
    let opens_subordinate =
        link == Some(0) && words.subordinators.contains(tokens[0].lower().as_str());
    let clause_start = match link {
        Some(0) if opens_subordinate => tokens
            .iter()
            .position(|t| t.text == ",")
            .map_or(1, |c| c + 1),
        Some(l) => l + 1,
        None => 0,
    };
    let clause = &tokens[clause_start..];
    if let Some(label) = as_follows(clause) {
        return Some(label);
    }
    // ("made the following comment:": a cue word after "following" is a noun)
    let cued = (0..clause.len())
        .any(|i| cue_at(clause, i).is_some() && (i == 0 || clause[i - 1].lower() != "following"));
    if cued {
        return None;
    }
    // "Clinton's response was:": the owner of the words introduced
    if let Some(source) = possessive_source(clause) {
        return Some(source);
    }
    // `On July 6, 2015, Sanders made the following comment:`: a phrase a
    // preposition opens, set off by commas, comes before the clause's subject
    let placed = clause
        .first()
        .is_some_and(|t| words.prepositions.contains(t.lower().as_str()));
    let comma = clause.iter().rposition(|t| t.text == ",");
    if let (true, Some(comma)) = (placed, comma) {
        return subject(&clause[comma + 1..]);
    }
    subject(clause)
}

/// `Transcript as follows:`, `The statement, as follows:`: a noun phrase labelling
/// the text that follows is its source, and "as follows" the cue.
fn as_follows(clause: &[Token]) -> Option<Found> {
    let n = clause.len();
    let cue = n.checked_sub(3)?;
    if clause[cue].lower() != "as" || clause[cue + 1].lower() != "follows" {
        return None;
    }
    let end = if cue > 0 && clause[cue - 1].text == "," {
        cue - 1
    } else {
        cue
    };
    let head = mention::head_after(clause, 0)?;
    let label = clause[..end].iter().all(Token::is_word)
        && head.0 == 0
        && head.1 == end
        && !clause[..end].iter().any(mention::is_pronoun);
    let phrase = Phrase {
        start: 0,
        end,
        name: head,
    };
    label.then(|| found(clause, phrase, cue, 2))
}

/// `Carl Bialik: "…"`: a name and a colon introduce a statement; the colon is the cue.
pub fn name_and_colon(tokens: &[Token]) -> Option<Found> {
    let colon = tokens.len().checked_sub(1)?;
    if tokens[colon].text != ":" {
        return None;
    }
    // "Rep. Ann Lee (R-Ohio):": the party and state stay with the name
    let name_end = match tokens[..colon].last() {
        Some(t) if t.text == ")" => (0..colon - 1).rev().find(|&k| tokens[k].text == "(")?,
        _ => colon,
    };
    let start = (0..name_end)
        .rev()
        .find(|&k| !tokens[k].is_word())
        .map_or(0, |k| k + 1);
    let Some(head) = mention::head_after(tokens, start) else {
        return names_before_colon(tokens, colon, name_end);
    };
    // ("Said Ellis:" is an inverted cue, read by `before`)
    let named = tokens[head.0..head.1]
        .iter()
        .all(|t| t.is_capitalized() && CUE_VERBS.get(t.lower().as_str()).is_none());
    let phrase = Phrase {
        start: head.0,
        end: colon,
        name: head,
    };
    if named && head.1 == name_end {
        return Some(found(tokens, phrase, colon, 1));
    }
    names_before_colon(tokens, colon, name_end)
}

/// `More from Jones: "…"`, `doesn't surprise pollster Daron Shaw: "…"`,
/// `- Mark Blumenthal and Jon Cohen: "…"`: the names (one, or two joined by
/// "and") right before the colon, after a word of the narrator's or a dash, in a
/// sentence with no speech verb of its own; not a place or a time after a
/// preposition ("in Des Moines:"), nor a name a determiner makes a description of.
fn names_before_colon(tokens: &[Token], colon: usize, name_end: usize) -> Option<Found> {
    let mut start = name_end;
    while start > 0 {
        let t = &tokens[start - 1];
        let joins = t.text == "and"
            && start < name_end
            && tokens
                .get(start.wrapping_sub(2))
                .is_some_and(|p| p.is_capitalized());
        if (t.is_word() && t.is_capitalized()) || joins {
            start -= 1;
        } else {
            break;
        }
    }
    let words = &*SPEAKER_WORDS;
    let opener = start.checked_sub(1).map(|k| &tokens[k]);
    let opens = match opener {
        None => false,
        Some(t) if !t.is_word() => matches!(t.text, "-" | "–" | "—"),
        Some(t) => {
            let l = t.lower();
            !t.is_capitalized()
                && !words.determiners.contains(l.as_str())
                && !words.stops.contains(l.as_str())
                && !words.times.contains(l.as_str())
                || l == "from"
        }
    };
    // `message to the Dutch newspaper NRC Handelsblad:`: a name in a description
    // the narrator's sentence is about, not a label
    let described = opener.is_some_and(Token::is_word)
        && tokens[start.saturating_sub(4)..start.saturating_sub(1)]
            .iter()
            .any(|t| t.text == "to" || words.determiners.contains(t.lower().as_str()));
    let cued = tokens[..start]
        .iter()
        .any(|t| t.is_word() && CUE_VERBS.get(t.lower().as_str()).is_some());
    let named = tokens[start..name_end]
        .iter()
        .all(|t| t.text == "and" || !mention::is_pronoun(t) && t.text.len() > 1);
    if !opens || described || cued || !named || start == name_end || tokens[start].text == "and" {
        return None;
    }
    let phrase = Phrase {
        start,
        end: colon,
        name: (start, name_end),
    };
    Some(found(tokens, phrase, colon, 1))
}

/// The words after the last semicolon of `tokens`: the clause a quotation ending
/// them is in.
pub fn last_clause<'t, 'a>(tokens: &'t [Token<'a>]) -> &'t [Token<'a>] {
    let from = tokens
        .iter()
        .rposition(|t| t.text == ";")
        .map_or(0, |k| k + 1);
    &tokens[from..]
}

/// The most lower-case words between a possessive and the noun for what its
/// possessor said ("Mr. Obama's patronizing suggestion").
const MAX_WORDS_BEFORE_SPEECH_NOUN: usize = 2;
/// The most tokens between that noun and the quotation.
const MAX_TOKENS_AFTER_SPEECH_NOUN: usize = 12;

/// `Politifact seized on Trump's claim that there had been "thousands of
/// shootings"` / `Contrary to his claim that people would "learn nothing"`: a
/// fragment in the clause a noun for something said opens belongs to that noun's
/// possessor, the name or pronoun written before it. `tokens` is the sentence up to
/// the quotation; the noun opens a clause with "that", and no cue, comma or colon
/// stands between it and the quotation.
pub fn possessive_source(tokens: &[Token]) -> Option<Found> {
    let words = &*SPEAKER_WORDS;
    let from = tokens.len().saturating_sub(MAX_TOKENS_AFTER_SPEECH_NOUN);
    let noun = (from..tokens.len()).rev().find(|&k| {
        let t = &tokens[k];
        t.is_word() && !t.is_capitalized() && words.speech_nouns.contains(t.lower().as_str())
    })?;
    // the noun opens a clause saying what was said ("claim that …"); one that is a
    // subject or an object ("her statement was", "called his remarks") does not
    let opens = tokens.get(noun + 1).is_some_and(|t| t.lower() == "that");
    let clear = opens
        && tokens[noun + 1..]
            .iter()
            .all(|t| !matches!(t.text, "," | ";" | ":" | "." | "(" | ")"))
        && (noun + 1..tokens.len()).all(|k| cue_at(tokens, k).is_none());
    // …or, with a colon, introduces it ("Clinton's response was: …"; the forms of
    // "be" are those the passive class lists)
    let introduces = match &tokens[noun + 1..] {
        [colon] => colon.text == ":",
        [be, colon] => colon.text == ":" && words.passives.contains(be.lower().as_str()),
        _ => false,
    };
    if !(clear || introduces) {
        return None;
    }
    // the possessive, past a few lower-case words describing the noun
    let mut k = noun;
    let mut between = 0;
    let owner = loop {
        let i = k.checked_sub(1)?;
        let t = &tokens[i];
        let l = t.lower();
        if mention::is_possessive(t) || matches!(l.as_str(), "his" | "her" | "their" | "its") {
            break i;
        }
        let describes = t.is_word()
            && !t.is_capitalized()
            && !words.stops.contains(l.as_str())
            && !words.determiners.contains(l.as_str())
            && !words.prepositions.contains(l.as_str());
        if !describes || between == MAX_WORDS_BEFORE_SPEECH_NOUN {
            return None;
        }
        between += 1;
        k = i;
    };
    // a possessive name runs back over its capitalised words ("Donald Trump's")
    let mut start = owner;
    if mention::is_possessive(&tokens[owner]) {
        while start > 0
            && owner - start < MAX_NAME_WORDS_BEFORE_POSSESSIVE
            && tokens[start - 1].is_word()
            && tokens[start - 1].is_capitalized()
        {
            start -= 1;
        }
    }
    let phrase = Phrase::bare((start, owner + 1));
    Some(found(tokens, phrase, noun, 1))
}

/// The most capitalised words of a possessive name ("Lt. Gen. Michael Flynn's").
const MAX_NAME_WORDS_BEFORE_POSSESSIVE: usize = 4;

/// True when a speech verb stands right before the quotation (`Clinton said, "as
/// long as…"`): the nearest cue introduces it, even as a fragment.
pub fn cue_adjacent(tokens: &[Token]) -> bool {
    // (not a participle: "Trump said executives were calling 'every day'")
    adjacent_cue(tokens, false).is_some()
}

/// `a hat reading, "Make Mexico Great Again Also"`, `stating, "Speaker Paul Ryan
/// Joins …"`: a cue right before the quotation that reports words rather than
/// gives a name (`dubbed "Obamacare"`), so Title Case inside is what was said or
/// written, not a title or a nickname.
pub fn reports_words_right_before(tokens: &[Token]) -> bool {
    // (nor one after which the title names a listener, a source or a work read:
    // `told "Fox and Friends"`, the `naming` class of rules/speaker_words.txt)
    adjacent_cue(tokens, true)
        .is_some_and(|i| !SPEAKER_WORDS.naming.contains(tokens[i].lower().as_str()))
}

/// Where the cue right before the quotation starts (past a comma, colon or "that"),
/// a participle ("stating") only when `participles` allows.
fn adjacent_cue(tokens: &[Token], participles: bool) -> Option<usize> {
    let mut end = tokens.len();
    while end > 0 && matches!(tokens[end - 1].text, "," | ":" | "that") {
        end -= 1;
    }
    (end.saturating_sub(2)..end).find(|&i| {
        cue_at(tokens, i)
            .is_some_and(|(len, participle)| (participles || !participle) && i + len == end)
    })
}

/// `"…," said Smith` / `"…," Smith said` / `"…," Smith, who leads X, said` /
/// `"…", according to Smith`: the words right after the closing mark.
pub fn after(tokens: &[Token]) -> Option<Found> {
    let mut i = skip_joiners(tokens, 0);
    // `"…," as Cruz said`
    if tokens.get(i).is_some_and(|t| t.lower() == "as") {
        i += 1;
    }
    if let Some((len, participle)) = cue_at(tokens, i) {
        if participle {
            return None;
        }
        let phrase = mention::mention_after(tokens, i + len)?;
        return Some(cited_source(tokens, i + len).unwrap_or(found(tokens, phrase, i, len)));
    }
    let (phrase, j) = mention::subject_then_cue(tokens, i)?;
    let (len, participle) = cue_at(tokens, j)?;
    (!participle).then(|| cited_source(tokens, j + len).unwrap_or(found(tokens, phrase, j, len)))
}

/// `According to ProPublica, Clinton praised her "…"`: a source opening the
/// quotation's sentence reports all of it, whoever it quotes there, so it is
/// credited. `tokens` is the sentence up to the quotation; a source that does not
/// open it (`… said that according to its count, …`) does not count.
pub fn opening_source(tokens: &[Token]) -> Option<Found> {
    let (len, _) = cue_at(tokens, 0)
        .filter(|&(len, _)| tokens[0].is_capitalized() && is_according_to(tokens, 0, len))?;
    // the source runs to the comma closing the opening phrase: `According to a
    // study by two economists, …`
    let comma = (len..tokens.len().min(len + MAX_SOURCE_TOKENS))
        .find(|&k| !tokens[k].is_word())
        .filter(|&k| k > len && tokens[k].text == ",")?;
    Some(found(tokens, Phrase::bare((len, comma)), 0, len))
}

/// `Francis said those who thought so should "see a doctor," according to
/// Reuters.` / `…, CNN reported.`: a source closing the quotation's sentence reports all of it, so it
/// is credited whatever attribution came before. Only a source in the sentence's
/// last stretch between commas counts: one followed by more of the sentence may be
/// part of what was said ("said that, according to the census, most …").
pub fn closing_source(tokens: &[Token]) -> Option<Found> {
    let end = tokens
        .iter()
        .position(|t| matches!(t.text, "." | "!" | "?" | ";" | "\"" | "“" | "”"))
        .unwrap_or(tokens.len());
    // the comma may stand inside the closing mark (`"…," according to Reuters`)
    let last_stretch = tokens[..end]
        .iter()
        .rposition(|t| t.text == ",")
        .map_or(0, |comma| comma + 1);
    let reports = |at: usize| {
        tokens
            .get(at)
            .is_some_and(|t| SPEAKER_WORDS.reports.contains(t.lower().as_str()))
    };
    // `according to CNN.` / `reported CNN.`
    if let Some((len, _)) = cue_at(tokens, last_stretch)
        .filter(|&(len, _)| is_according_to(tokens, last_stretch, len) || reports(last_stretch))
    {
        // the source is all the stretch says (`according to audio provided by
        // Wyoming Public Radio.`) unless a mention reads past a period (`Mr.`)
        let start = last_stretch + len;
        let phrase = mention::mention_after(tokens, start)
            .filter(|p| p.end > end || end - start > MAX_SOURCE_TOKENS)
            .or_else(|| (start < end).then(|| Phrase::bare((start, end))))?;
        return Some(found(tokens, phrase, last_stretch, len));
    }
    // `CNN reported.` (the verb ends the stretch: asked about first, as it is
    // cheaper than reading the subject)
    let verb = end.checked_sub(1).filter(|&verb| reports(verb))?;
    let (phrase, cue) = mention::subject_then_cue(tokens, last_stretch)?;
    (cue == verb).then(|| found(tokens, phrase, verb, 1))
}

/// `"…," Sanders said, according to CNN.`: a source cited after an attribution,
/// in the same sentence, is where the reader has the words from, so it is credited
/// with them. Read from token `from` (past the cue) to the sentence's end or a
/// "that" opening what was said ("said that, according to the census, …"), a few
/// commas at most.
fn cited_source(tokens: &[Token], from: usize) -> Option<Found> {
    let sentence = tokens.get(from..)?;
    let end = sentence
        .iter()
        .position(|t| matches!(t.text, "." | "!" | "?" | ";" | "\"" | "“" | "”" | "that"))
        .unwrap_or(sentence.len());
    let (comma, len) = sentence[..end]
        .iter()
        .enumerate()
        .filter(|(_, t)| t.text == ",")
        .take(MAX_CUES_TRIED)
        .find_map(|(k, _)| {
            let at = from + k + 1;
            cue_at(tokens, at)
                .filter(|&(len, _)| is_according_to(tokens, at, len))
                .map(|(len, _)| (at, len))
        })?;
    let phrase = mention::mention_after(tokens, comma + len)?;
    Some(found(tokens, phrase, comma, len))
}

/// `Clinton "drew well" in the 2008 primary, said professor Paul Beck.`: an
/// attribution closing the sentence after a fragment and more of the narrator's
/// words, read from each of the last few commas back.
pub fn trailing(tokens: &[Token]) -> Option<Found> {
    tokens
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, t)| t.text == ",")
        .take(MAX_CUES_TRIED)
        .find_map(|(comma, _)| after(&tokens[comma..]))
}

/// `"…?" Hannity pressed.`: a name and a verb closing the clause right after a
/// statement attribute it, whatever the verb.
pub fn after_any_verb(tokens: &[Token]) -> Option<Found> {
    let (phrase, verb) = mention::subject_then_cue(tokens, skip_joiners(tokens, 0))?;
    // "an angry Hollande": a name anywhere in the mention
    let name = &tokens[phrase.name.0..phrase.name.1];
    let named = name.iter().any(Token::is_capitalized) || mention::is_pronoun(&name[0]);
    let verb_token = tokens.get(verb)?;
    let words = &*SPEAKER_WORDS;
    let verb_like = verb_token.is_word()
        && !verb_token.is_capitalized()
        && !words.stops.contains(verb_token.lower().as_str());
    // "Trump shot back with a laugh": a particle may complete the verb, and a
    // preposition or clause link may follow it, but no object
    let mut next = verb + 1;
    if tokens
        .get(next)
        .is_some_and(|t| words.particles.contains(t.lower().as_str()))
    {
        next += 1;
    }
    let closes = tokens.get(next).is_none_or(|t| {
        let l = t.lower();
        matches!(t.text, "." | "," | "—" | "–" | ";")
            || words.prepositions.contains(l.as_str())
            || words.links.contains(l.as_str())
    });
    (named && verb_like && closes).then(|| found(tokens, phrase, verb, next - verb))
}

/// `After Brown criticized her husband, Hillary shot back, "…"`: a subject and a
/// verb (with its particle) closing the clause right before a statement, set off
/// by a comma, introduce it whatever the verb, before any cue earlier in the
/// sentence.
pub fn comma_clause(tokens: &[Token]) -> Option<Found> {
    let comma = tokens.len().checked_sub(1)?;
    if tokens[comma].text != "," {
        return None;
    }
    let start = tokens[..comma]
        .iter()
        .rposition(|t| matches!(t.text, "," | ";" | ":" | "—" | "–"))
        .map_or(0, |k| k + 1);
    let start = if start == 0 {
        subject_start(tokens)
    } else {
        start
    };
    let (phrase, verb) = mention::subject_then_cue(tokens, start)?;
    let words = &*SPEAKER_WORDS;
    let head = &tokens[phrase.name.0];
    let named = (head.is_capitalized() || mention::is_pronoun(head))
        && !tokens[phrase.name.0..phrase.name.1]
            .iter()
            .any(|t| words.times.contains(t.lower().as_str()));
    let verb_token = tokens.get(verb)?;
    let l = verb_token.lower();
    let verb_like = verb_token.is_word()
        && !verb_token.is_capitalized()
        && !words.stops.contains(l.as_str())
        && !words.prepositions.contains(l.as_str())
        && !words.determiners.contains(l.as_str())
        && !words.times.contains(l.as_str());
    let mut end = verb + 1;
    if tokens
        .get(end)
        .is_some_and(|t| words.particles.contains(t.lower().as_str()))
    {
        end += 1;
    }
    // (a speech verb there is read by `before`, with the whole mention)
    let uncued = cue_at(tokens, verb).is_none();
    (phrase.start == start && named && verb_like && uncued && end == comma)
        .then(|| found(tokens, phrase, verb, end - verb))
}

/// `"…" ― Christina Lastra`: a credit line, a dash and a name closing the sentence
/// or running into the next quotation; the dash is the cue.
pub fn credit(tokens: &[Token]) -> Option<Found> {
    if !tokens
        .first()
        .is_some_and(|t| matches!(t.text, "―" | "—" | "–" | "-"))
    {
        return None;
    }
    let phrase = mention::mention_after(tokens, 1)?;
    let named = tokens[phrase.name.0..phrase.name.1]
        .iter()
        .all(Token::is_capitalized);
    let closes = tokens.get(phrase.end).is_none_or(|t| !t.is_word());
    (named && closes).then(|| found(tokens, phrase, 0, 1))
}

/// `Smith said: "…"` / `Smith told reporters, "…"` / `according to Smith, "…"` /
/// `Smith called the plan "…"`: the words of the sentence before the opening mark.
/// A statement is introduced by the cue nearest to it (`last_cue`); a fragment
/// belongs to the sentence's main verb, the first cue ("Clinton says Trump's
/// tweets were 'unhinged'").
pub fn before(tokens: &[Token], last_cue: bool) -> Option<Found> {
    let cue_here = |i: usize| cue_at(tokens, i).map(|(len, p)| (i, len, p));
    // (the sentence's subject is the same for every cue tried: found once)
    let subject = OnceCell::new();
    let speaker = |(i, len, participle)| speaker_of_cue(tokens, i, len, participle, &subject);
    if last_cue {
        let nearest = (0..tokens.len())
            .rev()
            .filter_map(cue_here)
            .take(MAX_CUES_TRIED)
            .find_map(speaker)?;
        return Some(reporting_subject(tokens, nearest, &subject).unwrap_or(nearest));
    }
    // the main verb, not one in an opening clause ("While not everything Trump says
    // is true, Jamieson said …"); when a cue names no speaker, the next one may
    let main = subject_start(tokens);
    // "Graham, who says allies should help, tweeted that …": a cue in a relative
    // clause closed by a comma describes the subject; the main verb after the
    // comma comes first
    let relative = |&(i, _, _): &(usize, usize, bool)| {
        relative_before(tokens, i).is_some() && {
            let comma = (i + 1..tokens.len()).find(|&c| tokens[c].text == ",");
            comma.is_some_and(|c| (c + 1..tokens.len()).any(|j| cue_at(tokens, j).is_some()))
        }
    };
    // `said Weaver, who said executives fail to see there are "no secrets"`: a
    // relative clause that runs on to the quotation reports it, through the cue
    // nearest to it
    let cues: Vec<_> = (main..tokens.len())
        .chain(0..main)
        .filter_map(cue_here)
        .collect();
    let reporting_clause = cues
        .iter()
        .copied()
        .max_by_key(|&(i, _, _)| i)
        .filter(|&(i, _, _)| {
            // (set off by a comma: in `anybody who complains about it "is not
            // having a good night"` the clause tells who is meant)
            relative_before(tokens, i).is_some_and(|r| r > 0 && tokens[r - 1].text == ",")
        });
    let (inside, main_clause): (Vec<_>, Vec<_>) = cues.into_iter().partition(relative);
    reporting_clause
        .into_iter()
        .chain(main_clause)
        .chain(inside)
        .take(MAX_CUES_TRIED)
        .find_map(speaker)
}

/// `Lynch said she recalled thinking, "…"`: a pronoun speaking in what a name is
/// reported to have said stands for that name, which is the statement's source. The
/// pronoun must follow the reporting cue right away (or after "that") and fit the
/// name.
fn reporting_subject(
    tokens: &[Token],
    nearest: Found,
    subject: &OnceCell<Option<Phrase>>,
) -> Option<Found> {
    let p = tokens.iter().position(|t| t.span == nearest.speaker)?;
    if !mention::is_pronoun(&tokens[p]) {
        return None;
    }
    let mut k = p.checked_sub(1)?;
    if tokens[k].lower() == "that" {
        k = k.checked_sub(1)?;
    }
    let (len, participle) = cue_at(tokens, k)?;
    if len != 1 || participle {
        return None;
    }
    let reporter = speaker_of_cue(tokens, k, len, false, subject)?;
    let name: Vec<&Token> = tokens
        .iter()
        .filter(|t| reporter.name.start <= t.span.start && t.span.end <= reporter.name.end)
        .collect();
    let named = name
        .first()
        .is_some_and(|t| t.is_capitalized() && !mention::is_pronoun(t));
    let words: Vec<&str> = name.iter().map(|t| t.text).collect();
    (named && super::speakers::Known::can_refer(tokens[p].text, &words.join(" ")))
        .then_some(reporter)
}

/// The relative pronoun whose clause the cue at `i` opens, past its helpers ("who
/// said", "which has also noted").
fn relative_before(tokens: &[Token], i: usize) -> Option<usize> {
    let mut k = i;
    while k > 0 && mention::is_helper(&tokens[k - 1]) {
        k -= 1;
    }
    k.checked_sub(1)
        .filter(|&r| mention::is_relative(&tokens[r]))
}

/// The speaker a cue at `i` (of `len` tokens) introduces in a sentence before a
/// quotation.
/// `subject` holds the sentence's subject once worked out.
fn speaker_of_cue(
    tokens: &[Token],
    i: usize,
    len: usize,
    participle: bool,
    subject: &OnceCell<Option<Phrase>>,
) -> Option<Found> {
    let sentence_subject = || *subject.get_or_init(|| sentence_subject(tokens));
    if is_according_to(tokens, i, len) {
        let phrase = mention::mention_after(tokens, i + len)?;
        return Some(found(tokens, phrase, i, len));
    }
    // "footage of Trump saying '…'": the name right before the participle;
    // "…, calling it '…'": the sentence's subject
    let after_comma = i > 0 && tokens[i - 1].text == ",";
    let before = OnceCell::new();
    let subject_before = || *before.get_or_init(|| mention::subject_before(tokens, i));
    // `the crowd was chanting "…"`: after a form of "be" the -ing form is the verb
    // of the subject right before it, whatever its case
    let progressive = participle
        && i > 0
        && SPEAKER_WORDS
            .passives
            .contains(tokens[i - 1].lower().as_str());
    if participle && !after_comma {
        let named = subject_before().filter(|p| progressive || tokens[p.start].is_capitalized());
        if let Some(phrase) = named {
            return Some(found(tokens, phrase, i, len));
        }
    }
    // `…, Spicer said, adding, "…"`: the participle goes on from the cue before its
    // comma, whose speaker it shares (not the subject of the sentence that cue reports)
    let reported = (participle && after_comma && i >= 2)
        .then(|| cue_at(tokens, i - 2))
        .flatten()
        .is_some_and(|(len, p)| len == 1 && !p);
    if reported {
        let speaker = speaker_of_cue(tokens, i - 2, 1, false, subject)?;
        return Some(Found {
            cue: cue_span(tokens, i, len),
            ..speaker
        });
    }
    if participle {
        let subject = sentence_subject().filter(|p| p.end <= i)?;
        return Some(found(tokens, subject, i, len));
    }
    // "White House officials started to portray it as": the subject of the verb
    // the infinitive completes
    // (a pronoun for the name opening the sentence adds nothing to it)
    let catenative = i >= 2
        && tokens[i - 1].lower() == "to"
        && SPEAKER_WORDS
            .catenatives
            .contains(tokens[i - 2].lower().as_str());
    let named_subject = || {
        sentence_subject()
            .is_some_and(|p| tokens[p.name.0..p.name.1].iter().all(Token::is_capitalized))
    };
    let completed = catenative
        .then(|| mention::subject_before(tokens, i - 2))
        .flatten()
        .filter(|p| !(mention::is_pronoun(&tokens[p.name.0]) && named_subject()));
    if let Some(phrase) = completed {
        return Some(found(tokens, phrase, i, len));
    }
    // `Any "cleareyed" reading of it, said Michael Kofman, an expert, would …`: a
    // cue set off by commas with a name after it is inverted, unless a name or a
    // pronoun before it is its subject (`Dick Dever, who was listed, told POLITICO,`)
    // (nor one set off with an appositive of its own: `The senator, who was
    // there, told POLITICO,`)
    let named_before = subject_before().is_some_and(|p| {
        let first = &tokens[p.start];
        let described = SPEAKER_WORDS.determiners.contains(first.lower().as_str());
        let appositive = tokens[p.name.1..p.end].iter().any(|t| t.text == ",");
        (first.is_capitalized() && !described) || mention::is_pronoun(first) || appositive
    });
    let parenthetical = (i > 0 && tokens[i - 1].text == "," && !named_before)
        .then(|| mention::mention_after(tokens, i + len))
        .flatten()
        .filter(|p| {
            tokens[p.name.0].is_capitalized()
                && !mention::is_pronoun(&tokens[p.name.0])
                && tokens.get(p.end).is_some_and(|t| t.text == ",")
        });
    if let Some(phrase) = parenthetical {
        return Some(found(tokens, phrase, i, len));
    }
    if let Some(phrase) = subject_before() {
        // "Trump took to Twitter to accuse", "Protesters marching through the
        // streets chanted", "A source speaking to Fox News said": after an
        // infinitive's "to" or a preposition, the words before the cue are an
        // object; the sentence's subject speaks (as after an "of" no name before it
        // took in: "PolitiFact rated 32% of Republican claims as …")
        let infinitive = tokens[i - 1].lower() == "to";
        let object = phrase.start > 0 && {
            let l = tokens[phrase.start - 1].lower();
            (SPEAKER_WORDS.prepositions.contains(l.as_str()) || l == "to") && l != "for"
        };
        let subject = sentence_subject().filter(|p| p.end <= phrase.start);
        let phrase = match subject {
            Some(subject) if infinitive || object => {
                clause_subject(tokens, subject.end, i).unwrap_or(subject)
            }
            _ => phrase,
        };
        return Some(found(tokens, phrase, i, len));
    }
    // `Said Smith, who grew up there, "…"`; `"…," since …, said Lee Epstein.` (a cue
    // opening its clause: in "and called the union 'a sponsor'" the union is spoken of)
    let clause_initial = i == 0 || tokens[i - 1].text == "," || !tokens[i - 1].is_word();
    let inverted = mention::mention_after(tokens, i + len).filter(|p| {
        let named = tokens[p.name.0].is_capitalized();
        clause_initial
            && (ends_clause(tokens, p.end)
                || (named && tokens.get(p.end).is_some_and(|t| t.text == ".")))
    });
    if let Some(phrase) = inverted {
        return Some(found(tokens, phrase, i, len));
    }
    // "X outlined a plan and vowed to punish '…'": the sentence's subject
    let subject = sentence_subject().filter(|p| p.end < i)?;
    let subject = clause_subject(tokens, subject.end, i).unwrap_or(subject);
    Some(found(tokens, subject, i, len))
}

/// `The issue came up after Mr. Trump, asked about it, had said, "…"` / `… was
/// complete when Trump in his speech called them "rapists"`: a cue in a clause a
/// subordinating link opens, between the sentence's subject (ending at `from`)
/// and the cue at `cue`, belongs to that clause's own subject.
fn clause_subject(tokens: &[Token], from: usize, cue: usize) -> Option<Phrase> {
    let link = (from..cue).rev().find(|&k| {
        let l = tokens[k].lower();
        SPEAKER_WORDS.subordinators.contains(l.as_str()) && l != "where"
    })?;
    let phrase = mention::mention_after(tokens, link + 1)?;
    // (a pronoun there mostly stands for the sentence's subject: "Bush went after
    // Trump, when he called the businessman 'unhinged'")
    let head = &tokens[phrase.name.0];
    let named = head.is_capitalized() && !mention::is_pronoun(head);
    (named && phrase.end < cue).then_some(phrase)
}

/// `He says …` opening the sentence after a quotation. A cue that introduces a
/// quotation of its own (`Mr. Zahed said: "…"`, `Smith said, "…"`) is that
/// quotation's, not the one before.
pub fn next_sentence(tokens: &[Token]) -> Option<Found> {
    let (phrase, j) = mention::subject_then_cue(tokens, 0)?;
    let (len, participle) = cue_at(tokens, j)?;
    let introduces = tokens
        .get(skip_joiners(tokens, j + len))
        .is_some_and(|t| matches!(t.text, ":" | "\"" | "“" | "‘" | "'" | "«"));
    (!participle && !introduces).then(|| found(tokens, phrase, j, len))
}

/// `"WALLACE: Do you see those two as equal?"`: a transcript line quoted whole
/// names its speaker in capitals before a colon; the colon is the cue.
pub fn transcript_label(tokens: &[Token]) -> Option<Found> {
    let colon = tokens.iter().position(|t| t.text == ":")?;
    let label = &tokens[..colon];
    let capitals = |t: &Token| t.is_word() && t.text.chars().all(|c| !c.is_lowercase());
    let named = !label.is_empty()
        && label.iter().all(capitals)
        && label
            .iter()
            .any(|t| t.text.chars().filter(|c| c.is_alphabetic()).count() > 1);
    named.then(|| found(tokens, Phrase::bare((0, colon)), colon, 1))
}

/// `Name: 'quote'` headlines: the phrase before the headline's colon. In Title Case
/// the speech verb is capitalised too (`Trump Praises Boyle: 'Very Good Reporter'`):
/// the name before it speaks.
pub fn headline(tokens: &[Token]) -> Option<Span> {
    let colon = tokens.iter().position(|t| t.text == ":")?;
    let verb = (1..colon).find(|&k| {
        CUE_VERBS
            .get(tokens[k].lower().as_str())
            .is_some_and(|cues| cues.iter().any(|cue| cue.len() == 1))
    });
    let end = verb.unwrap_or(colon);
    let phrase = mention::head_after(&tokens[..end], 0)?;
    (phrase.1 == end).then(|| token_span(tokens, phrase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::words::all_tokens as toks;

    fn show(text: &str, f: Option<Found>) -> Option<(&str, &str)> {
        f.map(|f| (f.speaker.slice(text), f.cue.slice(text)))
    }

    #[test]
    fn a_source_opening_the_sentence() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "According to the minutes, Ruiz called it ",
                Some(("the minutes", "According to")),
            ),
            (
                "According to Radio Lima, ",
                Some(("Radio Lima", "According to")),
            ),
            (
                "According to a study by two economists, jobs were ",
                Some(("a study by two economists", "According to")),
            ),
            ("Ruiz said that, according to the census, ", None),
            ("According to the plan Ruiz called ", None),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, opening_source(&toks(text))), *want, "{text}");
        }
    }

    #[test]
    fn a_source_closing_the_sentence() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (" according to a memo.", Some(("a memo", "according to"))),
            (
                " in the talks, according to two aides who were there.",
                Some(("two aides who were there", "according to")),
            ),
            (
                ", Ruiz said on Monday, according to Radio Lima.",
                Some(("Radio Lima", "according to")),
            ),
            (
                " according to Radio Lima. \"Next",
                Some(("Radio Lima", "according to")),
            ),
            (", Ruiz said, according to them, and left.", None),
            (" that, according to the census, most were poor.", None),
            (", Ruiz said.", None),
            (
                ", Ruiz said, according to audio provided by Radio Lima.",
                Some(("audio provided by Radio Lima", "according to")),
            ),
            (
                " in the talks, the Tribune reported.",
                Some(("the Tribune", "reported")),
            ),
            (", reports Radio Lima.", Some(("Radio Lima", "reports"))),
            (", the Tribune reported on its site.", None),
            (" in the talks, Ruiz added.", None),
            ("? According to the memo, it was late.", None),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, closing_source(&toks(text))), *want, "{text}");
        }
    }

    #[test]
    fn a_fragment_in_a_linked_clause() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            // the clause's own subject, even a pronoun for the sentence's subject
            (
                "Comey recommended no charges, but he called her actions ",
                Some(("he", "called")),
            ),
            (
                "The director recommended no charges, but he called her actions ",
                Some(("he", "called")),
            ),
            (
                "Rubio said it was wrong, while Cruz said that the ",
                Some(("Cruz", "said")),
            ),
            (
                "Puerto Rico has been warning, and Ms. Acosta said the ",
                Some(("Ms. Acosta", "said")),
            ),
            // a subordinating link after the first opens the same clause
            (
                "She said he was drifting off, and as Trump went on about ",
                Some(("Trump", "went")),
            ),
            ("Ruiz said that, because Lee testified that it was ", None),
            (
                "Lee spoke at the statehouse, where he had first run, Ruiz expressed ",
                None,
            ),
            (
                "Lee spoke there, when he had first run, Ruiz expressed ",
                None,
            ),
            ("Lee called the plan ", None),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, linked_clause(&toks(text))), *want, "{text}");
        }
    }

    #[test]
    fn the_subject_of_a_verb_an_infinitive_completes() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "The timeline shows it, long before White House officials started to portray it as a ",
                Some(("White House officials", "portray")),
            ),
            (
                "The debate was so dull that Mr. Lee was prompted to say, ",
                Some(("Mr. Lee", "say")),
            ),
            (
                "Trump took to Twitter overnight to accuse the campaign of being ",
                Some(("Trump", "accuse")),
            ),
            (
                "Ana Ruiz said she wanted to speak ",
                Some(("Ana Ruiz", "said")),
            ),
            (
                "Ana Ruiz said she tried to call it ",
                Some(("Ana Ruiz", "said")),
            ),
            ("Ana Ruiz tried to call it ", Some(("Ana Ruiz", "call"))),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, before(&toks(text), false)), *want, "{text}");
        }
    }

    #[test]
    fn a_cue_in_a_relative_clause_after_the_main_verb() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "Graham, who says allies should help, tweeted that the plan ",
                Some(("Graham, who says allies should help", "tweeted")),
            ),
            (
                "Democrats, who highlighted comments Trump made saying he ",
                Some(("who", "highlighted")),
            ),
            (
                "Obama rebuked critics who say he should condemn terrorists as ",
                Some(("who", "say")),
            ),
            // a clause set off by a comma that runs on to the quotation reports it
            (
                "said Weaver, who said executives fail to see that there are ",
                Some(("who", "said")),
            ),
            (
                "Jo Lee, the group's strategist, who added that the firm plans to act ",
                Some(("who", "added")),
            ),
            // one without a comma tells who is meant
            (
                "Clinton mocked it, saying anybody who complains about a mic ",
                Some(("Clinton", "mocked")),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, before(&toks(text), false)), *want, "{text}");
        }
    }

    #[test]
    fn a_relative_pronoun_is_named_by_the_phrase_it_follows() {
        let cases = [
            ("said Weaver, who said there are ", "Weaver"),
            (
                "Jo Lee, the group's strategist, who added that it ",
                "the group's strategist",
            ),
            (
                "Domestically, the row drew a reaction from President Barack Obama, who called it ",
                "President Barack Obama",
            ),
            (
                "the plan drew fire from a group of critics who say he is ",
                "a group of critics",
            ),
        ];
        for (text, want) in cases {
            let name = before(&toks(text), false).map(|f| f.name.slice(text));
            assert_eq!(name, Some(want), "{text}");
        }
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
                Some(("Smith, who leads the agency", "said")),
            ),
            (
                ", the newspaper reported.",
                Some(("the newspaper", "reported")),
            ),
            (", according to CNBC.", Some(("CNBC", "according to"))),
            (
                ", Ana Ruiz said, according to the Tribune.",
                Some(("the Tribune", "according to")),
            ),
            (
                ", said Ana Ruiz of the union, according to a transcript.",
                Some(("a transcript", "according to")),
            ),
            (
                " Ruiz told reporters on Monday, according to Radio Lima, that",
                Some(("Radio Lima", "according to")),
            ),
            (
                ", Ruiz said. \"Now, according to them",
                Some(("Ruiz", "said")),
            ),
            (
                ", Ruiz said that, according to the census, most",
                Some(("Ruiz", "said")),
            ),
            (", as Ana Ruiz put it.", Some(("Ana Ruiz", "put it"))),
            (", as Ana Ruiz puts it.", Some(("Ana Ruiz", "puts it"))),
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
                "On her discharge papers, a doctor had typed ",
                Some(("a doctor", "typed")),
            ),
            ("He later confessed that he was ", Some(("He", "confessed"))),
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
            // the statement a subject issued says it: the subject speaks
            (
                "His office put out a statement saying the U.S. ",
                Some(("His office", "saying")),
            ),
            (
                "Black Lives Matter issued a statement saying it took the action ",
                Some(("Black Lives Matter", "saying")),
            ),
            (
                "According to the report, ",
                Some(("the report", "According to")),
            ),
            ("The plan was ", None),
            (
                ", since most cases were decided by one vote, said Lee Epstein, who teaches law.",
                Some(("Lee Epstein, who teaches law", "said")),
            ),
            ("Smith said the plan.", Some(("Smith", "said"))),
            (
                "Clinton has increasingly decried the issue of ",
                Some(("Clinton", "decried")),
            ),
            (
                "jabbing her finger at an activist as she angrily said, ",
                Some(("she", "said")),
            ),
            (
                "A protester held a sign, and the crowd outside was chanting ",
                Some(("the crowd outside", "chanting")),
            ),
            (
                "Sanders visited them and called the union ",
                Some(("Sanders", "called")),
            ),
            (
                "At one point, Trump said Fox executives were calling ",
                Some(("Trump", "said")),
            ),
            (
                "Ryan endorsed Trump on Tuesday, telling reporters he was ",
                Some(("Ryan", "telling")),
            ),
            (
                "While not everything Trump says is true, Jamieson said Trump is ",
                Some(("Jamieson", "said")),
            ),
            (
                "The mayor took to the radio to denounce the ",
                Some(("The mayor", "denounce")),
            ),
            (
                "Fans marching through the streets chanted ",
                Some(("Fans", "chanted")),
            ),
            // the first cue names no one, the next does
            (
                "Noting the hearings would look at the disaster in Libya, Bolton said that ",
                Some(("Bolton", "said")),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, before(&toks(text), false)), *want, "{text}");
        }
    }

    #[test]
    fn a_pronoun_speaking_in_what_a_name_reports() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "Lynch said she recalled thinking, ",
                Some(("Lynch", "said")),
            ),
            (
                "Ana Ruiz said that she told them: ",
                Some(("Ana Ruiz", "said")),
            ),
            // the pronoun does not fit the name, or a verb stands between them
            ("Mary Ruiz said he told them: ", Some(("he", "told"))),
            ("Smith said, and he added: ", Some(("he", "added"))),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, before(&toks(text), true)), *want, "{text}");
        }
    }

    #[test]
    fn opening_the_next_sentence() {
        // (text, speaker and cue it gives the quotation before)
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("He says that makes it hard.", Some(("He", "says"))),
            ("The talks ended.", None),
            // the cue introduces a quotation of its own
            (
                "Mr. Zahed said: \"The attack was the work of terrorists.\"",
                None,
            ),
            ("Smith added, “We will not wait.”", None),
            ("Smith said ''it is over.''", None),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, next_sentence(&toks(text))), *want, "{text}");
        }
    }

    #[test]
    fn cue_words_and_the_nouns_that_look_like_them() {
        // (text, index of the word, is it a cue)
        let cases: &[(&str, usize, bool)] = &[
            ("Smith said", 1, true),
            ("Smith has said", 2, true),
            ("the report", 1, false),
            ("the IG's report", 2, false),
            ("secretary of state", 2, false),
            ("it was praised by many", 2, false),
            ("they were told", 2, false),
            ("he is saying", 2, true),
            ("Ryan, despite admitting", 3, true),
            ("by calling it", 1, true),
            ("in his remarks", 2, false),
            ("the United States", 2, false),
            // after a count, a verb in the past is a verb; other forms stay nouns
            ("the mother of three replied", 4, true),
            ("both said", 1, true),
            ("two reports", 1, false),
            ("his reported remarks", 1, false),
        ];
        for &(text, at, want) in cases {
            let t = toks(text);
            assert_eq!(cue_at(&t, at).is_some(), want, "{text}");
        }
        let t = toks("according to CNBC");
        assert_eq!(cue_at(&t, 0), Some((2, false)));
        let t = toks("calling it");
        assert_eq!(cue_at(&t, 0), Some((1, true)));
    }

    #[test]
    fn where_the_subject_of_a_sentence_starts() {
        let cases = [
            ("Smith said it", "Smith"),
            ("WASHINGTON — Smith said it", "Smith"),
            ("Hours later, Trump said it", "Trump"),
            (
                "At an event in Ames, Iowa, on Sunday, Mrs. Clinton said",
                "Mrs.",
            ),
            ("Speaking in Salem, Trump went after Bush", "Trump"),
            ("Challenged by a host, Clinton said", "Clinton"),
            ("Smith, a senator, said it", "Smith"),
            // a name ending as a participle does is no opening phrase
            ("Ted Nordhaus, a founder, welcomed it", "Ted"),
            ("And Mr. Christie gloated", "Mr."),
            ("WASHINGTON, Dec. 8 (UPI) — Her aide rallied", "Her"),
            ("Early in his campaign, Trump attacked Romney", "Trump"),
            ("Later that night at the rally, Cruz said", "Cruz"),
            (
                "Conversely, PolitiFact rated 22% of claims as",
                "PolitiFact",
            ),
            ("Finally, the senator said", "the"),
            ("A few days later, Trump reversed himself", "Trump"),
            ("But 20 years ago, Trump said", "Trump"),
            ("A short time later, Abedin wrote", "Abedin"),
            (
                "The deficit for this fiscal year, which ends soon, is",
                "The",
            ),
        ];
        for (text, want) in cases {
            let t = toks(text);
            assert_eq!(t[subject_start(&t)].text, want, "{text}");
        }
    }

    #[test]
    fn the_subject_without_a_speech_verb() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "Paul Ryan worried that the net was ",
                Some(("Paul Ryan", "worried")),
            ),
            ("The ad targets a ", Some(("The ad", "targets"))),
            ("She often speaks of ", Some(("She", "speaks"))),
            (
                "Harry Reid has been steadily pounding Trump as a ",
                Some(("Harry Reid", "pounding")),
            ),
            (
                "The complaint, which was filed in court, alleged that the party ",
                Some(("The complaint", "alleged")),
            ),
            ("many voters think it is ", None),
            ("Part of this ", None),
            ("Contrary to his ", None),
            (
                "Having a rough-and-tumble media may make it harder to look ",
                None,
            ),
            ("Perhaps the ", None),
            (
                "The aide left no doubt that the plan was ",
                Some(("The aide", "left")),
            ),
            (
                "Ted Nordhaus, founder of the institute, welcomed ",
                Some(("Ted Nordhaus, founder of the institute", "welcomed")),
            ),
            // a place between the subject and a verb that is no speech verb
            (
                "A footnote in the report makes it clear that the system was ",
                Some(("A footnote", "makes")),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, subject(&toks(text))), *want, "{text}");
        }
    }

    #[test]
    fn the_clause_ending_in_a_colon() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "Reid said both were wrong, but he gave Cruz a compliment: ",
                Some(("he", "gave")),
            ),
            ("Reid said both were wrong, but he said: ", None),
            ("He gave Cruz a compliment: ", Some(("He", "gave"))),
            (
                "The senator sent the nominee a blunt message: ",
                Some(("The senator", "sent")),
            ),
            ("The point is this: ", None),
            // an opening phrase before the subject; a cue word after "following"
            // is a noun
            (
                "On July 6, 2015, Sanders made the following comment: ",
                Some(("Sanders", "made")),
            ),
            (
                "In Iowa, the senator made the following remark: ",
                Some(("the senator", "made")),
            ),
            ("On July 6, 2015, the point was this: ", None),
            (
                "One supporter, Lee Zeldin, gave the technique a whirl: ",
                Some(("One supporter, Lee Zeldin", "gave")),
            ),
            // a subordinate clause opening the sentence is not the one the colon ends
            (
                "When Wallace died in 1998, President Clinton released the following statement: ",
                Some(("President Clinton", "released")),
            ),
            (
                "After the vote failed, the mayor issued a statement: ",
                Some(("the mayor", "issued")),
            ),
            // the owner of the words a noun for them introduces
            ("Clinton’s response was: ", Some(("Clinton’s", "response"))),
            ("His answer: ", Some(("His", "answer"))),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, introducing_clause(&toks(text))), *want, "{text}");
        }
    }

    #[test]
    fn the_possessor_of_a_noun_for_something_said() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "Politifact seized on Donald Trump’s claim that there had been ",
                Some(("Donald Trump’s", "claim")),
            ),
            (
                "Contrary to his claim that people would ",
                Some(("his", "claim")),
            ),
            (
                "It recalled Mr. Obama's patronizing suggestion that she was ",
                Some(("Mr. Obama's", "suggestion")),
            ),
            // the noun as a subject or an object says nothing of what follows
            ("The Times reported that her statement was ", None),
            ("Moore called Mr. Obama's remarks ", None),
            // a cue or a comma after the noun starts a clause of its own
            ("Trump's claim was false, Clinton said it was ", None),
            ("His statement, she said, was ", None),
            // no possessor
            ("The claim that there had been ", None),
            ("the company's stock price fell to ", None),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, possessive_source(&toks(text))), *want, "{text}");
        }
    }

    #[test]
    fn a_semicolon_ends_the_clause_of_a_fragment() {
        let text = "That prompted Parliament to call a debate; one lawmaker called Trump ";
        let t = toks(text);
        assert_eq!(
            show(text, before(last_clause(&t), false)),
            Some(("one lawmaker", "called"))
        );
        let text = "Smith said the plan was ";
        let t = toks(text);
        assert_eq!(last_clause(&t).len(), t.len());
    }

    #[test]
    fn a_cue_in_a_subordinate_clause() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "The rejection was complete when Trump in his speech called them ",
                Some(("Trump", "called")),
            ),
            (
                "The issue has taken on urgency after the debate, when the Democratic candidate Hillary Clinton boldly suggested that Trump ",
                Some(("the Democratic candidate Hillary Clinton", "suggested")),
            ),
            // with no subject of its own, the clause is the sentence subject's
            (
                "Mr. Trump, when in Ohio, called the plan ",
                Some(("Mr. Trump", "called")),
            ),
            // and a pronoun there stands for it
            (
                "McConnell was quick to embrace him after he clinched it and said that Trump will be ",
                Some(("McConnell", "said")),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, before(&toks(text), false)), *want, "{text}");
        }
    }

    #[test]
    fn a_subject_and_verb_before_a_comma() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "After Gov. Jerry Brown criticized Bill Clinton during a debate, Hillary shot back, ",
                Some(("Hillary", "shot back")),
            ),
            ("He laughed, ", Some(("He", "laughed"))),
            ("George Zornick of The Nation wrote, ", None),
            // an opening phrase, an object or a time is no such clause
            ("Last week, ", None),
            ("Trump praised the plan, ", None),
            ("In a statement, ", None),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, comma_clause(&toks(text))), *want, "{text}");
        }
    }

    #[test]
    fn a_cue_set_off_by_commas_and_an_object_before_a_cue() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "Any interpretation of his actions, said Michael Kofman, an expert on Russia, would see this as ",
                Some(("Michael Kofman, an expert on Russia", "said")),
            ),
            // a cue after a comma whose object follows is not inverted
            (
                "Smith, a senator, said Trump was ",
                Some(("Smith, a senator", "said")),
            ),
            (
                "Dick Dever, who was listed on the slate, told POLITICO, ",
                Some(("Dick Dever, who was listed on the slate", "told")),
            ),
            (
                "The senator, who was listed on the slate, told POLITICO, ",
                Some(("The senator, who was listed on the slate", "told")),
            ),
            // the words after "of" are the object of a preposition, not a subject
            (
                "PolitiFact rated 32% of Republican claims as ",
                Some(("PolitiFact", "claims")),
            ),
            (
                "A spokeswoman for the agency said ",
                Some(("A spokeswoman for the agency", "said")),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, before(&toks(text), false)), *want, "{text}");
        }
        // the statement's own cue, nearest it
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "Another intelligence source speaking to Fox News said, ",
                Some(("Another intelligence source", "said")),
            ),
            // a participle going on from the cue before its comma shares its speaker
            (
                "Ryan and Trump will meet next week, Spicer said, adding, ",
                Some(("Spicer", "adding")),
            ),
            (
                "Trump spoke for an hour, adding, ",
                Some(("Trump", "adding")),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, before(&toks(text), true)), *want, "{text}");
        }
    }

    #[test]
    fn a_label_as_follows() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("Transcript as follows:", Some(("Transcript", "as follows"))),
            (
                "The statement, as follows:",
                Some(("The statement", "as follows")),
            ),
            ("It reads as follows:", None),
            ("He put it as follows:", None),
            ("Transcript follows:", None),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, as_follows(&toks(text))), *want, "{text}");
        }
    }

    #[test]
    fn a_name_and_a_colon() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("Carl Bialik: ", Some(("Carl Bialik", ":"))),
            (
                "Pollsters agree - Jeffrey M. Jones: ",
                Some(("Jeffrey M. Jones", ":")),
            ),
            ("The point is this: ", None),
            ("Carl Bialik said ", None),
            ("Said Ellis: ", None),
            (
                "Rep. Ann Lee (R-Ohio): ",
                Some(("Rep. Ann Lee (R-Ohio)", ":")),
            ),
            // the names right before the colon, after a word of the narrator's
            ("More from Jones: ", Some(("Jones", ":"))),
            (
                "Too early - Mark Blumenthal and Jon Cohen: ",
                Some(("Mark Blumenthal and Jon Cohen", ":")),
            ),
            (
                "The surge doesn't surprise pollster Daron Shaw: ",
                Some(("Daron Shaw", ":")),
            ),
            (
                "Former secretary of state Hillary Rodham Clinton: ",
                Some(("Hillary Rodham Clinton", ":")),
            ),
            // a speech verb of the sentence's own, a place, a time, a description
            ("Smith told the New York Times: ", None),
            ("He spoke in Des Moines: ", None),
            ("It happened on Tuesday: ", None),
            (
                "He sent a message to the Dutch newspaper NRC Handelsblad: ",
                None,
            ),
            ("Then came this from him: ", None),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, name_and_colon(&toks(text))), *want, "{text}");
        }
    }

    #[test]
    fn a_cue_right_before_the_quotation() {
        let cases = [
            ("a woman asked for a photo and Clinton said, ", true),
            ("Smith told reporters that ", false),
            ("Smith said that ", true),
            ("He called it ", false),
            ("as Smith put it: ", true),
        ];
        for (text, want) in cases {
            assert_eq!(cue_adjacent(&toks(text)), want, "{text}");
        }
    }

    #[test]
    fn any_verb_closing_the_clause_after_a_statement() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (" Hannity pressed.", Some(("Hannity", "pressed"))),
            (", she snapped, turning away.", Some(("she", "snapped"))),
            (" the crowd yelled.", None),
            (" Trump made the deal.", None),
            (
                " Trump shot back with a laugh.",
                Some(("Trump", "shot back")),
            ),
            (
                " an angry Hollande retorted.",
                Some(("an angry Hollande", "retorted")),
            ),
            (" Trump cut the ribbon.", None),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, after_any_verb(&toks(text))), *want, "{text}");
        }
    }

    #[test]
    fn an_attribution_closing_the_sentence() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                " in the last primary, said Ana Ruiz, a teacher.",
                Some(("Ana Ruiz, a teacher", "said")),
            ),
            (
                " for the city, as voters waited, the mayor added.",
                Some(("the mayor", "added")),
            ),
            (" for the city, and the crowd cheered.", None),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, trailing(&toks(text))), *want, "{text}");
        }
    }

    #[test]
    fn credit_lines() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (" ― Christina Lastra", Some(("Christina Lastra", "―"))),
            (" — Ana Ruiz. “Next", Some(("Ana Ruiz", "—"))),
            (" — and then the crowd left", None),
            (
                "- Ana Ruiz, Springfield.",
                Some(("Ana Ruiz, Springfield", "-")),
            ),
            ("- The council voted today.", None),
            (", Smith said.", None),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, credit(&toks(text))), *want, "{text}");
        }
    }

    #[test]
    fn transcript_labels() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("WALLACE: Do you", Some(("WALLACE", ":"))),
            ("SEN. LEE: We will", Some(("SEN. LEE", ":"))),
            ("Here it is: the", None),
            ("A: Yes", None),
        ];
        for (text, want) in cases {
            assert_eq!(show(text, transcript_label(&toks(text))), *want, "{text}");
        }
    }

    #[test]
    fn headline_form() {
        let cases = [
            (
                "Tillerson: U.S.-Russia relations 'at a low point'",
                Some("Tillerson"),
            ),
            (
                "Donald Trump Praises Editor Matthew Boyle: 'Very Good Reporter'",
                Some("Donald Trump"),
            ),
            ("Bill Clinton Says: 'Not Now'", Some("Bill Clinton")),
            (
                "Rush Limbaugh: Hillary Asking Moderator 'Reeks of Fear'",
                Some("Rush Limbaugh"),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(headline(&toks(text)).map(|s| s.slice(text)), want, "{text}");
        }
    }
}
