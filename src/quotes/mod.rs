//! Quotations and their speakers: finds quoted text, tells speech from scare quotes,
//! and attributes each quotation to a speaker through a cue word, a pronoun, the
//! headline form or continuation.

mod attribution;
mod context;
mod marks;
mod mention;
mod speakers;
pub mod words;

use crate::span::Span;
use attribution::Found;
use context::{Context, Place, Tokens};
use marks::RawQuote;
use serde::Serialize;
use std::cell::OnceCell;
use std::collections::HashMap;
use words::{Lower, Token};

/// What kind of quotation a quote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A full statement: the quote is its own sentence, or is introduced by a colon.
    Direct,
    /// A fragment inside the narrator's sentence.
    Partial,
    /// A quotation in the headline.
    Headline,
}

/// How a quote's speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Via {
    /// A speech verb next to the quote ("said", "told").
    Cue,
    /// "according to X".
    AccordingTo,
    /// A pronoun resolved to an earlier speaker.
    Pronoun,
    /// A surname linked to the full name the article gives for it: earlier, or
    /// later for a surname in the headline.
    Alias,
    /// No cue of its own: the same speaker as the quote before it.
    Continuation,
    /// The headline form `Name: 'quote'`.
    Headline,
}

/// Who said a quote: the mention as written and the name it resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The mention in the input ("Mr Lavrov", "He").
    pub span: Span,
    /// The canonical name ("Lavrov"), or `None` when a pronoun cannot be resolved.
    pub name: Option<String>,
    /// How the speaker was found.
    pub via: Via,
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// Direct, partial or headline.
    pub kind: Kind,
    /// Who said it, when the text says.
    pub speaker: Option<Mention>,
    /// The speech verb that attributes it ("said", "according to").
    pub cue: Option<Span>,
}

/// One speaker of an article and everything attributed to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The canonical name.
    pub name: String,
    /// Every distinct mention of the speaker that attributes a quote, in order.
    pub mentions: Vec<Span>,
    /// Indexes into the article's quotes.
    pub quotes: Vec<usize>,
}

/// The quotations of an article and its speaker table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quotations {
    /// Every quotation, in order of appearance.
    pub quotes: Vec<Quote>,
    /// One entry per resolved speaker, in order of first quote.
    pub speakers: Vec<Speaker>,
}

/// Partial quotes shorter than this, with no speaker in their sentence, are scare quotes,
/// titles or terms rather than reported speech.
const MIN_UNCUED_PARTIAL_WORDS: usize = 5;

/// Finds the quotations in the title and body paragraphs of `text`.
/// `sentences` are the sentence spans of those same regions, in order.
pub fn find(text: &str, title: Option<Span>, body: &[Span], sentences: &[Span]) -> Quotations {
    let regions: Vec<Span> = title.iter().chain(body).copied().collect();
    let lowered = text.to_ascii_lowercase();
    let all = Tokens::new(text, &lowered, &regions);
    // where each region's text starts, past its leading white space
    let starts: Vec<usize> = regions.iter().map(|r| r.trim(text).start).collect();
    let mut people: People = People::default();
    let mut quotes: Vec<Quote> = Vec::new();
    let mut known = speakers::Known::default();
    // the latest attributed quote: its region and speaker, for continuations
    let mut latest: Option<(usize, Mention)> = None;
    let mut previous_end: Option<(usize, usize)> = None;
    // each quotation's region and whether it opens it
    let mut places: Vec<(usize, bool)> = Vec::new();
    for raw in marks::find(text, &regions) {
        let region = regions[raw.region];
        let in_title = title.is_some() && raw.region == 0;
        let place = Place {
            region,
            previous: raw.region.checked_sub(1).map(|i| regions[i]),
            floor: previous_end
                .filter(|(r, _)| *r == raw.region)
                .map_or(region.start, |(_, e)| e),
            opens_region: raw.outer.start <= starts[raw.region],
        };
        previous_end = Some((raw.region, raw.outer.end));
        let context = Context::new(text, &all, &raw, &place, sentences);
        let kind = if in_title {
            Kind::Headline
        } else {
            context.kind(&raw)
        };
        let continues = latest.as_ref().is_some_and(|(r, _)| {
            *r == raw.region
                || (place.opens_region && *r + 1 == raw.region)
                || raw.continued_from_previous
        });
        // a quotation opening its paragraph with no attribution of its own, after a
        // paragraph that reports someone's words ("Carter said the region mattered.")
        // or after a sentence of the same paragraph that does ("Bolton distanced
        // himself, saying he would help. "I'm going to support him.")
        let opens_sentence = !context.before.iter().any(Token::is_word);
        // a speaker already quoted in this paragraph goes on speaking rather than
        // yield to whoever the next sentence names (`"…," Cruz told reporters.
        // "This is the consequence …" Ohio Gov. John Kasich said he would …`)
        let speaking = latest.as_ref().is_some_and(|(r, _)| *r == raw.region);
        let own = attribute(text, &raw, &context, kind, in_title, speaking);
        let found = own.or_else(|| {
            (!continues)
                .then(|| {
                    attribution::before(context.introduction(), false).or_else(|| {
                        opens_sentence
                            .then(|| attribution::before(context.previous_sentence, false))
                            .flatten()
                    })
                })
                .flatten()
        });
        // `Thirty percent of whites "strongly agree"`: a sentence's first word
        // alone is no subject unless the text names it elsewhere too
        let found = found.filter(|f| {
            let name = context::name_word(f.name.slice(text));
            !f.subject_only
                || f.name.slice(text).contains(' ')
                || !name.starts_with(char::is_uppercase)
                || speakers::pronoun_of(name).is_some()
                || all.capitalised_mid_sentence(name, usize::from(title.is_some()))
        });
        let inner = raw.inner.slice(text);
        let speech = match kind {
            Kind::Direct => {
                let label = found.is_none() && is_label(text, region, &raw);
                // (whoever the sentence before reports does not make a term speech)
                let term = own.is_none() && is_subject_term(&context, inner);
                !(label || term || is_subhead(text, region, &raw))
            }
            Kind::Headline | Kind::Partial => {
                // in the body, a fragment whose sentence has a speaker (`Trump
                // promised "very, very well"`) reports words; a headline is too
                // terse for its subject alone to tell speech from a label
                let sourced = found
                    .as_ref()
                    .is_some_and(|f| kind == Kind::Partial || !f.subject_only);
                let named = is_title_or_name(inner) || names_a_work(&context, inner);
                (!named || attribution::reports_words_right_before(context.before))
                    && (sourced || has_more_words(inner, MIN_UNCUED_PARTIAL_WORDS - 1))
            }
        };
        // `id="…"`, `date="March 9">Rubio…<tweet/>"`: markup a scraper kept, not
        // anyone's words
        let markup = text[..raw.outer.start].ends_with('=') || inner.starts_with(['<', '>']);
        if !speech
            || markup
            || is_term(&context)
            || titles_a_work(&context)
            || is_stage_direction(inner)
            || is_sign_off(inner)
        {
            continue;
        }
        let found = found.map(|f| attribution::named_antecedent(context.sentence_before, f));
        // the mention a later quotation continuing this speaker's words repeats
        let mut carried = None;
        let (speaker, cue) = match found {
            Some(f) => {
                let said = f.name.slice(text);
                let (mut name, resolved_via) = known.resolve(said);
                if resolved_via == Some(Via::Pronoun) {
                    name = antecedent(text, &context, &known, said).or(name);
                }
                if name.is_none() && resolved_via == Some(Via::Pronoun) {
                    name = people
                        .latest_before(&all, raw.region, f.speaker.start)
                        .filter(|n| speakers::Known::can_refer(said, n));
                }
                let mention = Mention {
                    span: f.speaker,
                    name,
                    via: resolved_via.unwrap_or(f.via),
                };
                // (`said Weaver, who noted …`: the next quotation is Weaver's, not a
                // relative pronoun's in another sentence)
                if mention::is_relative_word(f.speaker.slice(text)) {
                    carried = Some(Mention {
                        span: f.name,
                        ..mention.clone()
                    });
                }
                (Some(mention), Some(f.cue).filter(|c| !c.is_empty()))
            }
            None => {
                let continued = latest.as_ref().filter(|_| continues);
                let mention = continued.map(|(_, m)| Mention {
                    via: Via::Continuation,
                    ..m.clone()
                });
                (mention, None)
            }
        };
        if let Some(mention) = &speaker {
            if let Some(name) = &mention.name {
                known.add(name);
            }
            latest = Some((raw.region, carried.unwrap_or_else(|| mention.clone())));
        }
        quotes.push(Quote {
            span: raw.inner,
            kind,
            speaker,
            cue,
        });
        places.push((raw.region, place.opens_region));
    }
    credit_forward(&mut quotes, &places);
    speakers::link_surnames(&mut quotes);
    let speakers = speakers::table(&quotes);
    Quotations { quotes, speakers }
}

/// The person a pronoun speaker (`said`) stands for, by what comes nearest before
/// it: the person the sentence before names as its subject ("Mayor Luis Mendes
/// defended the plan."; the last sentence of the paragraph before, when the
/// quotation opens its own), or whoever a sentence before it in the paragraph
/// reports ("A spokeswoman said it would not appeal."). Only a person's full name,
/// or a surname the article gave one for, counts as a subject: "Sometimes" or
/// "Second" may open a sentence too. None when neither is there or fits the
/// pronoun; the caller falls back on the latest speaker.
fn antecedent(
    text: &str,
    context: &Context,
    known: &speakers::Known,
    said: &str,
) -> Option<String> {
    let sentence_before = if context.previous_sentence.is_empty() {
        context.introduction()
    } else {
        context.previous_sentence
    };
    let subject = attribution::named_subject(sentence_before)
        .map(|s| known.resolve(s.slice(text)))
        .filter(|(n, via)| {
            *via == Some(Via::Alias)
                || n.as_deref()
                    .is_some_and(|n| n.contains(' ') && speakers::is_person_name(n))
        })
        .and_then(|(n, _)| n);
    let reporter = || {
        attribution::before(context.paragraph_before, true)
            .map(|r| known.resolve(r.name.slice(text)))
            .filter(|(_, via)| via != &Some(Via::Pronoun))
            .and_then(|(n, _)| n)
    };
    subject
        .filter(|n| speakers::Known::can_refer(said, n))
        .or_else(|| reporter().filter(|n| speakers::Known::can_refer(said, n)))
}

/// `"Not only can he win." ¶ "He may be the only one," Viguerie notes.`: a
/// quotation with no speaker of its own, right before one its speaker is credited
/// with in the same paragraph or opening the next, is that speaker's too (a
/// statement, for the next paragraph: a fragment ending the narrator's paragraph is
/// not).
fn credit_forward(quotes: &mut [Quote], places: &[(usize, bool)]) {
    for i in (0..quotes.len().saturating_sub(1)).rev() {
        let (region, _) = places[i];
        let (next_region, next_opens) = places[i + 1];
        let adjacent = next_region == region
            || (next_region == region + 1 && next_opens && quotes[i].kind != Kind::Partial);
        // credited in its own words, not by a chain of such quotations
        let credited = quotes[i + 1]
            .speaker
            .as_ref()
            .filter(|m| !matches!(m.via, Via::Headline | Via::Continuation));
        if quotes[i].speaker.is_none() && adjacent {
            quotes[i].speaker = credited.map(|m| Mention {
                via: Via::Continuation,
                ..m.clone()
            });
        }
    }
}

/// The people named in each region, found once per region on first need.
#[derive(Default)]
struct People {
    by_region: HashMap<usize, Vec<(usize, String)>>,
}

impl People {
    /// The latest person named before byte `at` in `region` or the region before it.
    fn latest_before(&mut self, all: &Tokens, region: usize, at: usize) -> Option<String> {
        let here = self.names(all, region);
        let i = here.partition_point(|(end, _)| *end <= at);
        if let Some((_, name)) = i.checked_sub(1).map(|i| &here[i]) {
            return Some(name.clone());
        }
        let previous = region.checked_sub(1)?;
        self.names(all, previous)
            .last()
            .map(|(_, name)| name.clone())
    }

    fn names(&mut self, all: &Tokens, region: usize) -> &[(usize, String)] {
        self.by_region
            .entry(region)
            .or_insert_with(|| speakers::person_names(all.region(region)))
    }
}

/// Title Case without a sentence's punctuation ("How the Grinch Stole Christmas",
/// "Crooked Hillary"): the name of a work, a nickname or a slogan, not a statement.
fn is_title_or_name(quoted: &str) -> bool {
    is_title_case(quoted) && !crate::clean::ends_with_terminal(quoted.trim_end_matches(','))
}

/// `"(CROSSTALK.)"`, `"(Applause)"`: a transcript's note in parentheses, set in the
/// marks of the transcript around it, is no one's words.
fn is_stage_direction(quoted: &str) -> bool {
    let trimmed = quoted.trim().trim_end_matches(['.', ',']);
    trimmed.starts_with('(')
        && trimmed.ends_with(')')
        && trimmed[1..].find(')') == Some(trimmed.len() - 2)
}

/// `"Follow Pam Key on Twitter @pamkeyNEN."`: a writer's sign-off, set in the
/// marks of an excerpt around it, is no one's words.
fn is_sign_off(quoted: &str) -> bool {
    let mut words = quoted
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    if !words
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("follow"))
    {
        return false;
    }
    let platforms = &crate::rules::SPEAKER_WORDS.platforms;
    let rest: Vec<&str> = words.collect();
    rest.windows(2).any(|pair| {
        pair[0].eq_ignore_ascii_case("on") && platforms.contains(Lower::of(pair[1]).as_str())
    })
}

/// The most words of a subhead set in quotation marks.
const MAX_SUBHEAD_WORDS: usize = 8;

/// `'All Bets Are Off.'` standing as a paragraph of its own: a section heading
/// quoting the story, in Title Case (or capitals), not a statement of its own.
fn is_subhead(text: &str, region: Span, raw: &RawQuote) -> bool {
    let mut outside = text[region.start..raw.outer.start]
        .chars()
        .chain(text[raw.outer.end..region.end].chars());
    let alone = outside.all(|c| !c.is_alphanumeric());
    let inner = raw.inner.slice(text);
    alone && !has_more_words(inner, MAX_SUBHEAD_WORDS) && is_title_case(inner)
}

/// The most words of a quoted term the narrator's sentence opens with.
const MAX_SUBJECT_TERM_WORDS: usize = 4;

/// `"Non-paper" is a diplomatic term`, `''Opening Belle,'' which will be in
/// bookstores`, `"Containment" has been U.S. policy`: a short quotation opening a
/// sentence that goes on in the narrator's words, with no attribution anywhere in
/// it, is a term or a title the sentence is about, not a statement.
fn is_subject_term(context: &Context, quoted: &str) -> bool {
    // (not one of a list: `called him a "nasty guy," "unstable" and "sick"`)
    let opens = !context.sentence_before.iter().any(Token::is_word);
    let short = !has_more_words(quoted, MAX_SUBJECT_TERM_WORDS);
    let trimmed = quoted.trim_end();
    let Some(next) = context.after.first() else {
        return false;
    };
    let l = next.lower();
    // a comma inside the marks ends a statement before its attribution, unless a
    // relative clause describes the title
    let comma = trimmed.ends_with(',');
    let goes_on = next.is_word()
        && !next.is_capitalized()
        && !mention::is_pronoun(next)
        && attribution::cue_at(context.after, 0).is_none()
        && (!comma || matches!(l.as_str(), "which" | "who" | "whose"));
    // `"American Skin (41 Shots)" was written by Springsteen`: the sentence names
    // whose words they are
    let authored = context.after.windows(3).any(|w| {
        let participle = w[0].lower();
        (participle.ends_with("ed") || participle.ends_with("en"))
            && w[1].lower() == "by"
            && w[2].is_capitalized()
    });
    opens && short && !trimmed.ends_with(['.', '!', '?', ':', ';']) && goes_on && !authored
}

/// The most words of a quoted phrase standing as a paragraph of its own that make
/// it a label rather than a statement.
const MAX_LABEL_WORDS: usize = 3;

/// `'A change warrior.'`, `– ‘Who cares?’ –` standing as a paragraph of its own,
/// with no speaker around it: a section label quoting the story, too short for a
/// statement. A piece of a quotation running across paragraphs is no label.
fn is_label(text: &str, region: Span, raw: &RawQuote) -> bool {
    let mut outside = text[region.start..raw.outer.start]
        .chars()
        .chain(text[raw.outer.end..region.end].chars());
    let alone = outside.all(|c| !c.is_alphanumeric());
    alone
        && raw.closed
        && !raw.continued_from_previous
        && !has_more_words(raw.inner.slice(text), MAX_LABEL_WORDS)
}

/// True when `quoted` has more than `n` words, read no further than the word after
/// the `n`th: a quotation may be paragraphs long.
fn has_more_words(quoted: &str, n: usize) -> bool {
    quoted.split_whitespace().nth(n).is_some()
}

/// `on "Meet the Press."`, `CBS's "Face the Nation."`, `her column, "Notes From City
/// Hall."`: Title Case right after a preposition, a possessive or a comma names a
/// show, a book or a column, even with the sentence's period inside the marks.
/// `the Syfy movie "Sharknado 3: Oh Hell No!"`: after a noun for a work, the title
/// may end in its own exclamation or question; after one for a nickname ("the
/// nickname "Lyin' Ted.""), so may the name.
fn names_a_work(context: &Context, quoted: &str) -> bool {
    let words = &*crate::rules::SPEAKER_WORDS;
    let after_work = context.before.last().is_some_and(|t| {
        let l = t.lower();
        words.works.contains(l.as_str()) || words.nicknames.contains(l.as_str())
    });
    let introduced = context.before.last().is_some_and(|t| {
        let l = t.lower();
        t.text == "," || words.prepositions.contains(l.as_str()) || mention::is_possessive(t)
    });
    // (a clause inside the marks, "Thank you, and may The Force be with you.",
    // makes a statement)
    let body = quoted.trim_end_matches(['.', ',']);
    let statement = body.ends_with(['.', '!', '?']) || body.contains(',');
    let titled = is_title_case(quoted) && has_more_words(quoted, 1);
    titled && (after_work || (introduced && !statement))
}

/// Every long word capitalised ("Notes From City Hall."), as in a title. The first
/// word's capital opens a sentence as much as a title, so with more words after it
/// they must show the title: their long words capitalised, or, with none long,
/// every one of them ("Lyin' Ted", but not "Don't you do it"). A preposition stays
/// in lower case in a title whatever its length ("The Nightly Show with Larry
/// Wilmore").
pub fn is_title_case(quoted: &str) -> bool {
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    let preposition = |w: &str| {
        let bare = w.trim_matches(|c: char| !c.is_alphabetic());
        crate::rules::SPEAKER_WORDS
            .prepositions
            .contains(Lower::of(bare).as_str())
    };
    let long =
        |w: &str| w.chars().filter(|c| c.is_alphabetic()).take(4).count() == 4 && !preposition(w);
    let mut words = quoted.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    // read once, stopping at the first long word in lower case (most quotations)
    let (mut more, mut any_long, mut all_capital) = (false, false, true);
    for word in words {
        more = true;
        match (long(word), capital(word)) {
            (true, false) => return false,
            (true, true) => any_long = true,
            (false, capital) => all_capital &= capital,
        }
    }
    if !more {
        return long(first) && capital(first);
    }
    (!long(first) || capital(first)) && (any_long || all_capital)
}

/// `DuVernay's documentary, "13th," below`, `Ouisa Davis' commentary, "Melania, tell
/// your immigrant story," is very thoughtful`: a quotation set off by a comma after
/// a noun for a work is that work's title, whatever its case, unless a cue after it,
/// or one the noun's phrase completes, makes it someone's words (`Trump said of the
/// episode, "I don't like it"`, `helped a journalist write a book, "Who's Who in the
/// CIA,"`).
fn titles_a_work(context: &Context) -> bool {
    let before = context.before;
    let [.., noun, comma] = before else {
        return false;
    };
    let noun_at = before.len() - 2;
    let cued_before = || {
        (noun_at.saturating_sub(WORK_PHRASE_WORDS)..noun_at)
            .any(|i| attribution::cue_at(before, i).is_some())
    };
    comma.text == ","
        && crate::rules::SPEAKER_WORDS
            .works
            .contains(noun.lower().as_str())
        && attribution::after(context.after).is_none()
        && !cued_before()
}

/// The most words between a cue and the noun for a work it governs ("said of the
/// episode").
const WORK_PHRASE_WORDS: usize = 4;

/// `the so-called "experts"`: a term held at arm's length, not anyone's words.
fn is_term(context: &Context) -> bool {
    context.before.last().is_some_and(|t| {
        crate::rules::SPEAKER_WORDS
            .terms
            .contains(t.lower().as_str())
    })
}

/// The speaker and cue of a quotation, trying the patterns in the order a reader
/// would for its kind.
fn attribute(
    text: &str,
    raw: &RawQuote,
    context: &Context,
    kind: Kind,
    in_title: bool,
    speaking: bool,
) -> Option<Found> {
    if in_title {
        if let Some(speaker) = attribution::headline(context.whole) {
            return Some(Found {
                speaker,
                name: speaker,
                cue: Span::new(speaker.end, speaker.end),
                via: Via::Headline,
                subject_only: false,
            });
        }
    }
    // `…, threatening "a lawsuit," according to a copy of the letter.`: the source
    // closing the sentence; but quotations listed in one sentence (`calling it
    // "vague" and "wrong", according to CNBC`) share the verb that introduces them
    let listed = context
        .sentence_before
        .iter()
        .any(|t| matches!(t.text, "\"" | "“" | "”" | "«" | "»"));
    let closing = (!listed)
        .then(|| attribution::closing_source(context.after))
        .flatten();
    // `According to ProPublica, Clinton praised her "…"`
    if let Some(source) = attribution::opening_source(context.sentence_before).or(closing) {
        return Some(source);
    }
    match kind {
        Kind::Partial => {
            let before = context.before;
            let sentence_before = context.sentence_before;
            let adjacent = attribution::cue_adjacent(before);
            // `That prompted Parliament to call a debate; one lawmaker called Trump
            // "the orange prince"`: a semicolon ends the clause a fragment is in,
            // when that clause names its own speaker (in `He suggested a boycott;
            // and posted that …` the sentence's subject goes on)
            let clause = attribution::last_clause(before);
            let own_clause = (clause.len() < before.len())
                .then(|| attribution::before(clause, adjacent))
                .flatten();
            // `…, described it as "horrendous," he said`: the speaker right after
            let inner = raw.inner.slice(text);
            let closing = inner.ends_with([',', '?', '!'])
                || context.after.first().is_some_and(|t| t.text == ",")
                || attribution::cue_at(context.after, 0).is_some();
            // a cue right before a statement comes first (`Feinstein said "I…," she
            // said`); a fragment takes the speaker after it (`Nothing he said "will
            // help," the senator said`); a source "according to" after a fragment
            // reports it, it does not say it
            let statement = inner.starts_with(char::is_uppercase);
            // (each of these two is asked twice below, and searched once)
            let cue_before = OnceCell::new();
            let cue_before = || *cue_before.get_or_init(|| attribution::before(before, adjacent));
            let cue_after = OnceCell::new();
            let cue_after = || *cue_after.get_or_init(|| attribution::after(context.after));
            let right_before = (adjacent && statement).then(cue_before).flatten();
            right_before
                .or_else(|| {
                    closing
                        .then(cue_after)
                        .flatten()
                        .filter(|f| f.via == Via::Cue)
                })
                .or_else(|| attribution::possessive_source(before))
                .or(own_clause)
                .or_else(|| attribution::linked_clause(before))
                .or_else(cue_before)
                // (the whole sentence, when an earlier quotation cut `before` short)
                .or_else(|| {
                    (sentence_before.len() > before.len())
                        .then(|| attribution::linked_clause(sentence_before))
                        .flatten()
                })
                .or_else(|| attribution::before(sentence_before, false))
                .or_else(cue_after)
                .or_else(|| attribution::trailing(context.after))
                .or_else(|| attribution::subject(sentence_before))
        }
        Kind::Direct | Kind::Headline => attribution::transcript_label(context.inside)
            .or_else(|| attribution::after(context.after))
            .or_else(|| {
                // `"Would it?" Hannity pressed.`: the sentence ended at the question
                // mark, and its attribution stands as the next one
                let asked = raw.inner.slice(text).ends_with(['?', '!'])
                    && !context.after.iter().any(Token::is_word);
                asked
                    .then(|| {
                        attribution::after(context.next_sentence)
                            .or_else(|| attribution::after_any_verb(context.next_sentence))
                    })
                    .flatten()
            })
            .or_else(|| {
                // the credit may stand as a sentence of its own after the quotation,
                // or as a line of its own after its paragraph
                let credit_line = [context.after, context.next_sentence]
                    .into_iter()
                    .find(|t| !t.is_empty())
                    .unwrap_or_else(|| context.next_paragraph());
                attribution::credit(credit_line)
            })
            .or_else(|| attribution::after_any_verb(context.after))
            // `Pollsters agree - Carl Bialik: "…"`: the label right before the
            // statement names its speaker, whatever verb came before it
            .or_else(|| attribution::name_and_colon(context.before))
            .or_else(|| attribution::comma_clause(context.before))
            .or_else(|| attribution::introducing_clause(context.before))
            .or_else(|| attribution::before(context.before, true))
            .or_else(|| {
                context
                    .colon()
                    .then(|| attribution::before(context.introduction(), true))
                    .flatten()
            })
            // "Sanders made the following comment:" closing the paragraph before
            .or_else(|| attribution::introducing_clause(context.introduction()))
            .or_else(|| attribution::before(context.after, false))
            .or_else(|| {
                (!speaking && context.after.iter().all(|t| !t.is_word()))
                    .then(|| attribution::next_sentence(context.next_sentence))
                    .flatten()
            })
            .or_else(|| {
                context
                    .before
                    .iter()
                    .any(Token::is_word)
                    .then(|| attribution::subject(context.sentence_before))
                    .flatten()
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyze};

    fn quoted(text: &str) -> Vec<&str> {
        analyze(text, &Options::default())
            .quotations
            .quotes
            .iter()
            .map(|q| q.span.slice(text))
            .collect()
    }

    #[test]
    fn titles_nicknames_and_markup_are_not_speech() {
        let text = "Story title goes here\n\nHe called her \"Crooked Hillary\" and read \"How the Grinch Stole Christmas\" aloud. \
                    The embed had tweet-id=\"744917430200340480\" in it. \"We will win,\" he said.\n";
        assert_eq!(quoted(text), ["We will win,"]);
    }

    #[test]
    fn title_case_right_after_words_reported_is_what_was_said() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Story title goes here\n\nHe wore a hat that says \"Make Mexico Great Again Also\" all night.\n",
                &["Make Mexico Great Again Also"],
            ),
            (
                "Story title goes here\n\nHer campaign sent an email stating, \"Speaker Ryan Joins Growing List of Critics.\"\n",
                &["Speaker Ryan Joins Growing List of Critics."],
            ),
            // a cue that gives a name, a listener or a source keeps the title a name
            (
                "Story title goes here\n\nHe dubbed the senator \"Little Marco\" at a rally.\n",
                &[],
            ),
            (
                "Story title goes here\n\nThe war is over, she told \"Fox and Friends\" on Monday.\n",
                &[],
            ),
            (
                "Story title goes here\n\nIn 2001, according to \"Perfect Enough: A Life,\" she sold the firm.\n",
                &[],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), *want, "{text}");
        }
    }

    #[test]
    fn sign_offs_and_tag_attributes_are_not_speech() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Story title goes here\n\n\"PENCE: We will win.\n\n\"Follow Pam Key on Twitter @pamkeyNEN.\"\n",
                &["PENCE: We will win."],
            ),
            (
                "Story title goes here\n\n<tweet author=\"@ByronYork\" date=\"March 9\n\n\">Stands empty.<tweet/>.\n",
                &[],
            ),
            // a statement about following someone is still a statement
            (
                "Story title goes here\n\n\"I follow the news closely,\" she said.\n",
                &["I follow the news closely,"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), *want, "{text}");
        }
    }

    fn mentions(text: &str) -> Vec<&str> {
        analyze(text, &Options::default())
            .quotations
            .quotes
            .iter()
            .map(|q| q.speaker.as_ref().map_or("-", |m| m.span.slice(text)))
            .collect()
    }

    #[test]
    fn a_speaker_quoted_in_the_paragraph_goes_on_speaking() {
        let cases: &[(&str, &[&str])] = &[
            // the next sentence names someone else, who says nothing quoted
            (
                "Story title goes here\n\n\"It's a sad development,\" Cruz told reporters. \"This is the consequence of it.\" Ohio Gov. John Kasich said he would have fired him.\n",
                &["Cruz", "Cruz"],
            ),
            // a quotation opening its paragraph still takes the next sentence's speaker
            (
                "Story title goes here\n\nThe plan was announced.\n\n\"Clearly our view is that it is over.\" He says that makes it hard.\n",
                &["He"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(mentions(text), *want, "{text}");
        }
    }

    #[test]
    fn a_term_opening_the_narrators_sentence_is_not_speech() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Story title goes here\n\nShe wrote to him. \"Non-paper\" is a diplomatic term for a draft.\n",
                &[],
            ),
            (
                "Story title goes here\n\nShe wrote a book. ''Opening Belle,'' which will be in stores Tuesday, is a novel.\n",
                &[],
            ),
            // a statement and its attribution
            (
                "Story title goes here\n\n\"Quiet,\" he demanded.\n",
                &["Quiet,"],
            ),
            (
                "Story title goes here\n\n\"Boots on the ground\" would help, Ben Carson said.\n",
                &["Boots on the ground"],
            ),
            (
                "Story title goes here\n\n\"American Skin\" was written by Springsteen in 1999.\n",
                &["American Skin"],
            ),
            (
                "Story title goes here\n\nHe called him a \"nasty guy,\" \"unstable\" and \"sick.\"\n",
                &["nasty guy,", "unstable", "sick."],
            ),
            (
                "Story title goes here\n\n\"We will win\" said Smith.\n",
                &["We will win"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), *want, "{text}");
        }
    }

    #[test]
    fn short_fragments_need_a_source_in_their_sentence() {
        let cases: &[(&str, &[&str])] = &[
            // the sentence's subject stands behind a fragment, with or without a
            // speech verb
            (
                "Story title goes here\n\nThe mayor hopes the park will feel \"truly ours\" by June.\n",
                &["truly ours"],
            ),
            // nobody does: a scare quote
            (
                "Story title goes here\n\nThe \"gun violence\" debate lasted for weeks.\n",
                &[],
            ),
            // a headline's subject alone does not make its fragment speech
            ("Mayor eyes \"new era\" for the parks\n\nBody text.\n", &[]),
            // a word capitalised only to open the sentence is no subject...
            (
                "Story title goes here\n\nThirty percent of whites \"strongly agree\" with it.\n",
                &[],
            ),
            // ...but one the text capitalises elsewhere names someone
            (
                "Story title goes here\n\nOn Monday Lopez spoke.\n\nLopez hopes the park will feel \"truly ours\" by June.\n",
                &["truly ours"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), *want, "{text}");
        }
    }

    #[test]
    fn works_named_after_a_preposition_possessive_or_comma() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Story title goes here\n\nShe said so on \"Good Morning Town.\"\n",
                &[],
            ),
            (
                "Story title goes here\n\nHe told the network's \"Evening Hour\" he would run.\n",
                &[],
            ),
            (
                "Story title goes here\n\nShe wrote in her column, \"Notes From Main Street.\"\n",
                &[],
            ),
            (
                "Story title goes here\n\nHe spoke on \"An Hour with Ann Ruiz.\"\n",
                &[],
            ),
            // a sentence in Title Case is still a statement
            (
                "Story title goes here\n\nHe shouted at them, \"Go Home Now!\"\n",
                &["Go Home Now!"],
            ),
            (
                "Story title goes here\n\nHe told them, \"Thank You, and Go Home.\"\n",
                &["Thank You, and Go Home."],
            ),
            // after a noun for a work, a title in Title Case, whatever ends it
            (
                "Story title goes here\n\nShe spoke on the podcast \"Here's the Thing.\"\n",
                &[],
            ),
            (
                "Story title goes here\n\nHe acted in the movie \"Oh Hell No!\" last year.\n",
                &[],
            ),
            (
                "Story title goes here\n\nHe called the show \"a total disaster for the network.\"\n",
                &["a total disaster for the network."],
            ),
            // a nickname is a name, not anyone's words
            (
                "Story title goes here\n\nHe answered with the nickname \"Lyin' Ted.\"\n",
                &[],
            ),
            // set off by a comma after a noun for a work, a title whatever its case
            (
                "Story title goes here\n\nWatch the trailer for her documentary, \"13th,\" below.\n",
                &[],
            ),
            (
                "Story title goes here\n\nAnn Lee's commentary, \"Melania, tell your story,\" is thoughtful.\n",
                &[],
            ),
            // unless a cue makes it someone's words
            (
                "Story title goes here\n\nThe mayor said of the episode, \"I do not like it.\"\n",
                &["I do not like it."],
            ),
            (
                "Story title goes here\n\nAbout the book, \"It is a mess,\" she said.\n",
                &["It is a mess,"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), *want, "{text}");
        }
    }

    #[test]
    fn subheads_in_quotation_marks_are_not_speech() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Story title goes here\n\nThe mayor spoke.\n\n'Nothing Is Certain Yet.'\n\nThe vote is Monday.\n",
                &[],
            ),
            (
                "Story title goes here\n\n– ‘THE LONG ROAD BACK’ –\n\nThe vote is Monday.\n",
                &[],
            ),
            // a statement standing alone is still one
            (
                "Story title goes here\n\n\"We will rebuild every school.\"\n\nThe vote is Monday.\n",
                &["We will rebuild every school."],
            ),
            // a short phrase standing alone with no speaker is a label
            (
                "Story title goes here\n\nShe was fired.\n\n'A change warrior.'\n\nShe ran again.\n",
                &[],
            ),
            (
                "Story title goes here\n\nThe crowd cheered.\n\n– ‘We’re alive’ –.\n\nHe left.\n",
                &[],
            ),
            // one with a speaker of its own is speech
            (
                "Story title goes here\n\n\"Not negotiable,\" Trump said.\n\nHe left.\n",
                &["Not negotiable,"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), *want, "{text}");
        }
    }

    #[test]
    fn a_note_in_parentheses_is_a_stage_direction() {
        let cases = [
            ("(CROSSTALK.)", true),
            ("(Applause) ", true),
            ("(laughs).", true),
            ("(He paused.) We will win.", false),
            ("We will (probably) win.", false),
            ("(a) and (b)", false),
            ("(", false),
            ("", false),
        ];
        for (quoted, want) in cases {
            assert_eq!(is_stage_direction(quoted), want, "{quoted}");
        }
    }

    #[test]
    fn title_case_tells_names_from_statements() {
        assert!(is_title_or_name("Meet the Press"));
        assert!(!is_title_or_name("a gift to a few"));
        assert!(!is_title_or_name("Stop The Steal."));
        let cases = [
            ("Crooked Hillary", true),
            ("Lyin' Ted", true),
            ("Choke", true),
            ("Don't you do it", false),
            ("Never you mind", false),
            ("Notes From City Hall", true),
            ("The Nightly Show with Larry Wilmore", true),
            ("Stand With Ukraine", true),
            ("Meet with voters", false),
            ("the", false),
        ];
        for (quoted, want) in cases {
            assert_eq!(is_title_case(quoted), want, "{quoted}");
        }
    }

    /// A quote's speaker mention, name and how it was found.
    type Attributed<'a> = (&'a str, Option<String>, Via);

    fn attributed(text: &str) -> Vec<Attributed<'_>> {
        analyze(text, &Options::default())
            .quotations
            .quotes
            .iter()
            .filter_map(|q| q.speaker.as_ref())
            .map(|m| (m.span.slice(text), m.name.clone(), m.via))
            .collect()
    }

    #[test]
    fn speakers_from_the_sentences_around_a_quotation() {
        let name = |n: &str| Some(n.to_string());
        let cases: &[(&str, Vec<Attributed>)] = &[
            // a reporting sentence before it in the same paragraph
            (
                "Title\n\nBolton distanced himself from the movement, saying he would help. \
                 \"I'm going to support him.\"\n",
                vec![("Bolton", name("Bolton"), Via::Cue)],
            ),
            // fragments listed in a linked clause of their own are its subject's
            (
                "Title\n\nShe said the vote was close, and as Trump went on about \
                 \"a rigged system\" and \"wounded families,\" the crowd cheered.\n",
                vec![
                    ("Trump", name("Trump"), Via::Cue),
                    ("Trump", name("Trump"), Via::Cue),
                ],
            ),
            // reported speech in the paragraph before
            (
                "Title\n\nCarter said the region would always matter.\n\n\"That is because it \
                 is home to half the world.\"\n",
                vec![("Carter", name("Carter"), Via::Cue)],
            ),
            // continuation in the same paragraph, then a pronoun
            (
                "Title\n\n\"We won,\" said Ana Ruiz. \"We won big.\"\n\n\"It was hard,\" she said.\n",
                vec![
                    ("Ana Ruiz", name("Ana Ruiz"), Via::Cue),
                    ("Ana Ruiz", name("Ana Ruiz"), Via::Continuation),
                    ("she", name("Ana Ruiz"), Via::Pronoun),
                ],
            ),
            // a pronoun stands for the person the sentence before names as its
            // subject, not for the latest speaker
            (
                "Title\n\n\"We won,\" said Ana Ruiz.\n\nMayor Luis Mendes defended the plan. \
                 \"We must finish,\" he said.\n\nLuis Mendes spoke last.\n\n\"It is done,\" he said.\n",
                vec![
                    ("Ana Ruiz", name("Ana Ruiz"), Via::Cue),
                    ("he", name("Luis Mendes"), Via::Pronoun),
                    ("he", name("Luis Mendes"), Via::Pronoun),
                ],
            ),
            // a headline's surname links to the full name the body gives after it
            (
                "Ruiz: the plan is 'too little'\n\n\"We won,\" said Ana Ruiz.\n",
                vec![
                    ("Ruiz", name("Ana Ruiz"), Via::Headline),
                    ("Ana Ruiz", name("Ana Ruiz"), Via::Cue),
                ],
            ),
            (
                "Ruiz says the plan is 'too little'\n\n\"We won,\" said Ana Ruiz.\n",
                vec![
                    ("Ruiz", name("Ana Ruiz"), Via::Alias),
                    ("Ana Ruiz", name("Ana Ruiz"), Via::Cue),
                ],
            ),
            // a surname links to the full name given earlier
            (
                "Title\n\n\"We won,\" said Ana Ruiz.\n\nLater, Ruiz added: \"It was hard.\"\n",
                vec![
                    ("Ana Ruiz", name("Ana Ruiz"), Via::Cue),
                    ("Ruiz", name("Ana Ruiz"), Via::Alias),
                ],
            ),
            // a credit line of its own after the quotation's paragraph
            (
                "Title\n\nVoters were asked about the plan.\n\n\"It will not work.\"\n\n- Ana Ruiz, Springfield.\n",
                vec![("Ana Ruiz, Springfield", name("Ana Ruiz"), Via::Cue)],
            ),
            // a paragraph a colon introduces belongs to the subject of that clause
            (
                "Title\n\nThe mayor issued the following statement:\n\n\"We will rebuild.\"\n",
                vec![("The mayor", name("mayor"), Via::Cue)],
            ),
            // a statement a colon introduces belongs to the clause's subject
            (
                "Title\n\nThe senator sent the nominee a blunt message: \"Stop now.\"\n",
                vec![("The senator", name("senator"), Via::Cue)],
            ),
            // a quotation credited only in the next paragraph's
            (
                "Title\n\nThe vote was close.\n\n\"We can still win.\"\n\n\"It will be hard,\" Ana Ruiz said.\n",
                vec![
                    ("Ana Ruiz", name("Ana Ruiz"), Via::Continuation),
                    ("Ana Ruiz", name("Ana Ruiz"), Via::Cue),
                ],
            ),
            // but not a fragment in the narrator's sentence ending the paragraph
            (
                "Title\n\nThe vote was the \"last chance for a city that has waited for years.\"\n\n\"It will be hard,\" Ana Ruiz said.\n",
                vec![("Ana Ruiz", name("Ana Ruiz"), Via::Cue)],
            ),
            // an attribution after a question mark, then one continued
            (
                "Title\n\n\"Would it work?\" Ana Ruiz pressed. \"Would it last?\"\n\n\"It would,\" Lee said.\n",
                vec![
                    ("Ana Ruiz", name("Ana Ruiz"), Via::Cue),
                    ("Ana Ruiz", name("Ana Ruiz"), Via::Continuation),
                    ("Lee", name("Lee"), Via::Cue),
                ],
            ),
            // a pronoun in a relative clause stands for the name opening its sentence
            (
                "Title\n\nLena Ortiz railed against what she calls the \"downtown cartel\" again.\n",
                vec![("Lena Ortiz", name("Lena Ortiz"), Via::Cue)],
            ),
            // a pronoun with no one to stand for stays unresolved
            (
                "Title\n\n\"It was hard,\" she said.\n",
                vec![("she", None, Via::Pronoun)],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(attributed(text), *want, "{text}");
        }
    }
}
