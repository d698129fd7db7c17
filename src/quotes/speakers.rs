//! Speaker names: the canonical name of a mention (titles stripped), pronouns
//! resolved to the latest compatible speaker, surnames linked to a full name given
//! earlier, and the per-article speaker table.

use super::words::Lower;
use super::{Kind, Quote, Speaker, Via};
use crate::rules::{
    FIRST_NAMES, ORGANIZATION_WORDS, PRONOUNS, Pronoun, PronounKind, SPEAKER_TITLES, SPEAKER_WORDS,
    Sex,
};
use crate::span::Span;
use std::collections::{HashMap, HashSet};

/// Articles before a description ("the newspaper" is named "newspaper").
const ARTICLES: &[&str] = &["the", "a", "an"];

fn bare(word: &str) -> Lower<'_> {
    Lower::of(word.trim_end_matches(['.', ',']))
}

/// True for a title or role written before a name ("Sen.", "Mr").
pub fn is_title(word: &str) -> bool {
    SPEAKER_TITLES.contains(bare(word).as_str())
}

/// The canonical name of a mention that is not a pronoun: possessive, leading
/// article and titles before a capitalised name removed.
pub fn canonical(mention: &str) -> String {
    // (one word, most often a surname, has no title or role to lose)
    let trimmed = mention.trim();
    if !trimmed.contains(char::is_whitespace) {
        return without_possessive(trimmed).to_string();
    }
    let mut words: Vec<&str> = mention.split_whitespace().collect();
    if let Some(last) = words.last_mut() {
        *last = without_possessive(last);
    }
    let mut start = 0;
    if words.len() > 1 && ARTICLES.contains(&bare(words[0]).as_str()) {
        start = 1;
    }
    // (the words after the titles, up to any in lower case, name a person:
    // "Republican National Committee" keeps its first word, "Mr. Nevins of
    // Showtime" loses it)
    let rest_is_named = |from: usize| {
        let named: Vec<&str> = words[from.min(words.len())..]
            .iter()
            .copied()
            .take_while(|w| w.starts_with(char::is_uppercase))
            .collect();
        is_person_name(&named.join(" "))
    };
    let mut k = start;
    while k + 1 < words.len() && SPEAKER_TITLES.contains(bare(words[k]).as_str()) {
        k += 1;
    }
    if k > start && rest_is_named(k) {
        start = k;
    }
    match person_after_role(&words[start..]) {
        // "a spokeswoman for Platte River": a description in lower case is named by
        // the capitalised words closing it
        0 if !words
            .get(start)
            .is_some_and(|w| w.starts_with(char::is_uppercase)) =>
        {
            let last_lower = words
                .iter()
                .rposition(|w| !w.starts_with(char::is_uppercase));
            if let Some(last_lower) = last_lower.filter(|&i| i + 1 < words.len()) {
                start = last_lower + 1;
            }
        }
        run => start += run,
    }
    words[start..].join(" ")
}

/// "Trump's" without its possessive ending.
fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Where the person's name starts in "board chair Victor Lin", "Democratic
/// pollster Stan Greenberg", "Texas Lt. Gov. Dan Patrick" or "Washington Post's Ed
/// O'Keefe": the capitalised words closing the mention, after a role in lower
/// case, a title or a possessive. A link or a preposition before them ("Department
/// of Homeland Security", "a spokesman for Trump Tower") makes them part of a
/// longer name, which stays whole (0).
fn person_after_role(words: &[&str]) -> usize {
    let in_name = |i: usize| {
        let w = words[i];
        let capitalized = w.starts_with(char::is_uppercase) && !is_title(w) && !is_possessive(w);
        // "Pierre de Vos"
        let particle =
            i > 0 && NAME_PARTICLES.contains(&w) && words[i - 1].starts_with(char::is_uppercase);
        capitalized || particle
    };
    let run = (0..words.len())
        .rev()
        .find(|&i| !in_name(i))
        .map_or(0, |i| i + 1);
    let Some(before) = run.checked_sub(1).map(|i| words[i]) else {
        return 0;
    };
    let lower = bare(before);
    let role = before.starts_with(char::is_uppercase)
        || (!SPEAKER_WORDS.stops.contains(lower.as_str())
            && !SPEAKER_WORDS.prepositions.contains(lower.as_str()));
    let name = words[run..].join(" ");
    if role && run < words.len() && is_person_name(&name) {
        run
    } else {
        0
    }
}

/// Words in lower case inside a person's name ("Pierre de Vos", "Ursula von der
/// Leyen").
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "della", "du", "van", "von", "der", "den", "le", "la", "bin", "ibn",
];

/// "Post's", "Sanders’".
fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s") || word.ends_with('’') || word.ends_with('\'')
}

/// The people named in `tokens` (two or more capitalised words), each with the byte
/// where its name ends, in order: antecedents for a pronoun whose referent never
/// spoke before ("Jane Okafor said that she…").
pub fn person_names(tokens: &[super::words::Token]) -> Vec<(usize, String)> {
    let mut names = Vec::new();
    let mut run: Vec<&super::words::Token> = Vec::new();
    let end = super::words::Token::new(Span::default(), ".", ".");
    for token in tokens.iter().chain(std::iter::once(&end)) {
        if token.is_word() && token.is_capitalized() {
            run.push(token);
            continue;
        }
        if let Some(last) = run.last() {
            let name = canonical(&run.iter().map(|t| t.text).collect::<Vec<_>>().join(" "));
            if name.contains(' ') && is_person_name(&name) {
                names.push((last.span.end, name));
            }
        }
        run.clear();
    }
    names
}

/// The sex a person's first name shows, when the name has a first name (two words
/// or more: a lone word is a surname) listed in `rules/first_names.txt`.
fn sex_of(name: &str) -> Option<Sex> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    words.next()?;
    FIRST_NAMES.get(bare(first).as_str()).copied()
}

/// The pronoun `word` is, in any case ("He", "it").
pub fn pronoun_of(word: &str) -> Option<&'static Pronoun> {
    PRONOUNS.get(Lower::of(word).as_str())
}

/// A person's name: capitalised words (with a particle inside: "Pierre de Vos"),
/// none of them marking an organisation, a place or a time, nor a pronoun ("Would
/// I" opens a question).
pub fn is_person_name(name: &str) -> bool {
    let mut words = 0;
    let mut last_capitalized = false;
    name.split_whitespace().all(|w| {
        words += 1;
        let capitalized = w.starts_with(char::is_uppercase);
        let particle = words > 1 && NAME_PARTICLES.contains(&w);
        let lower = bare(w);
        // (nor a day: "The town released a statement Wednesday")
        let ok = words <= 4
            && (capitalized || particle)
            && !ORGANIZATION_WORDS.contains(lower.as_str())
            && !SPEAKER_WORDS.times.contains(lower.as_str())
            && !PRONOUNS.contains_key(lower.as_str());
        last_capitalized = capitalized;
        ok
    }) && words > 0
        && last_capitalized
}

/// The names resolved so far in an article, kept as the lookups resolution needs
/// (the latest person, the latest name, full names by surname), so that resolving
/// costs the same however long the article.
#[derive(Debug, Default)]
pub struct Known {
    latest_person: Option<String>,
    /// The latest person whose first name is not a woman's ("he" may stand for
    /// them), and the latest whose first name is not a man's.
    latest_he: Option<String>,
    latest_she: Option<String>,
    latest: Option<String>,
    /// Full names by surname in lower case, so that a transcript's `PENCE:` finds
    /// "Mike Pence".
    by_surname: HashMap<String, String>,
}

impl Known {
    /// Records a resolved name.
    pub fn add(&mut self, name: &str) {
        // (the same speaker quoted again changes nothing, and copies nothing)
        if self.latest.as_deref() == Some(name) {
            return;
        }
        self.latest = Some(name.to_string());
        let set = |latest: &mut Option<String>| {
            if latest.as_deref() != Some(name) {
                *latest = Some(name.to_string());
            }
        };
        if is_person_name(name) {
            set(&mut self.latest_person);
            let sex = sex_of(name);
            if sex != Some(Sex::Female) {
                set(&mut self.latest_he);
            }
            if sex != Some(Sex::Male) {
                set(&mut self.latest_she);
            }
            if let Some((_, surname)) = name.rsplit_once(' ') {
                let surname = Lower::of(surname);
                if self.by_surname.get(surname.as_str()).map(String::as_str) != Some(name) {
                    self.by_surname
                        .insert(surname.as_str().to_string(), name.to_string());
                }
            }
        }
    }

    /// True when `pronoun` can stand for `name`: "he" and "she" for a person or a
    /// description of one, never for an organisation, nor for a person whose first
    /// name shows the other sex ("she" for "Donald Trump").
    pub fn can_refer(pronoun: &str, name: &str) -> bool {
        match pronoun_of(pronoun) {
            // the head, before "of" or "for" ("spokeswoman for the company")
            Some(p) if p.kind == PronounKind::Person => {
                let person = name
                    .split_whitespace()
                    .take_while(|w| !matches!(*w, "of" | "for" | "at" | "from"))
                    .all(|w| !ORGANIZATION_WORDS.contains(bare(w).as_str()));
                let same_sex = match (p.sex, sex_of(name)) {
                    (Some(pronoun), Some(named)) => pronoun == named,
                    _ => true,
                };
                person && same_sex
            }
            Some(_) => true,
            None => false,
        }
    }

    /// Resolves a mention: returns the name and, when the mention needed it, the
    /// resolution it went through.
    pub fn resolve(&self, mention: &str) -> (Option<String>, Option<Via>) {
        // ("He’s claiming": a pronoun with its verb's contraction is that pronoun)
        if let Some(pronoun) = pronoun_of(without_possessive(mention)) {
            let antecedent = match (pronoun.kind, pronoun.sex) {
                (PronounKind::Person, Some(Sex::Male)) => &self.latest_he,
                (PronounKind::Person, Some(Sex::Female)) => &self.latest_she,
                (PronounKind::Person, None) => &self.latest_person,
                (PronounKind::Group | PronounKind::Any, _) => &self.latest,
            };
            return (antecedent.clone(), Some(Via::Pronoun));
        }
        let name = canonical(mention);
        if is_person_name(&name) && !name.contains(' ') {
            if let Some(full) = self.by_surname.get(Lower::of(&name).as_str()) {
                return (Some(full.clone()), Some(Via::Alias));
            }
        }
        (Some(name), None)
    }
}

/// `Ortiz: plan is 'too little'` in the headline, `Council member Dana Ortiz` in the
/// body: a headline's speaker named by a surname alone links to the full name the
/// body gives, when the quotes name one person of that surname (linking forward is
/// done as the quotes are read, by [`Known::resolve`]).
pub fn link_surnames(quotes: &mut [Quote]) {
    // (most articles quote no one in their headline, or no one by a surname alone)
    let surname_in_headline = quotes.iter().any(|q| {
        q.kind == Kind::Headline
            && q.speaker
                .as_ref()
                .and_then(|m| m.name.as_deref())
                .is_some_and(|n| !n.contains(' '))
    });
    if !surname_in_headline {
        return;
    }
    let mut by_surname: HashMap<String, Option<String>> = HashMap::new();
    for name in quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref()?.name.as_deref())
    {
        let Some((_, surname)) = name.rsplit_once(' ') else {
            continue;
        };
        if !is_person_name(name) {
            continue;
        }
        by_surname
            .entry(surname.to_string())
            .and_modify(|full| {
                if full.as_deref() != Some(name) {
                    *full = None;
                }
            })
            .or_insert_with(|| Some(name.to_string()));
    }
    // (only in the headline: in the body a surname alone after a relative's full
    // name, "Trump" after "Ivanka Trump", is as often the better-known relative)
    let headline = quotes
        .iter_mut()
        .filter(|q| q.kind == Kind::Headline)
        .filter_map(|q| q.speaker.as_mut());
    for mention in headline {
        let full = mention
            .name
            .as_ref()
            .and_then(|name| by_surname.get(name))
            .and_then(Option::clone);
        if full.is_some() {
            mention.name = full;
            // (found by a cue, named through the body's full name: as a surname in
            // the body after its full name is)
            if mention.via == Via::Cue {
                mention.via = Via::Alias;
            }
        }
    }
}

/// The speaker table: one entry per resolved name, in order of first quote.
pub fn table(quotes: &[Quote]) -> Vec<Speaker> {
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut at_name: HashMap<&str, usize> = HashMap::with_capacity(quotes.len());
    let mut seen: HashSet<(usize, Span)> = HashSet::with_capacity(quotes.len());
    for (index, quote) in quotes.iter().enumerate() {
        let Some(mention) = &quote.speaker else {
            continue;
        };
        let Some(name) = &mention.name else { continue };
        let at = *at_name.entry(name.as_str()).or_insert_with(|| {
            speakers.push(Speaker {
                name: name.clone(),
                mentions: Vec::new(),
                quotes: Vec::new(),
            });
            speakers.len() - 1
        });
        let speaker = &mut speakers[at];
        if seen.insert((at, mention.span)) {
            speaker.mentions.push(mention.span);
        }
        speaker.quotes.push(index);
    }
    for speaker in &mut speakers {
        speaker.mentions.sort_by_key(|s: &Span| s.start);
    }
    speakers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_names() {
        let cases = [
            ("Mr Lavrov", "Lavrov"),
            ("Mr. Trump", "Trump"),
            ("Secretary of State Rex Tillerson", "Rex Tillerson"),
            ("The Russian foreign minister", "Russian foreign minister"),
            ("a spokeswoman for the agency", "spokeswoman for the agency"),
            ("the newspaper", "newspaper"),
            ("Russian Federation", "Russian Federation"),
            ("Trump's", "Trump"),
            ("President", "President"),
            ("board chair Victor Lin", "Victor Lin"),
            ("Democratic pollster Stan Greenberg", "Stan Greenberg"),
            ("Texas Lt. Gov. Dan Patrick", "Dan Patrick"),
            ("Germany’s Chancellor Angela Merkel", "Angela Merkel"),
            ("Washington Post's Ed O'Keefe", "Ed O'Keefe"),
            ("GOP front-runner Trump", "Trump"),
            (
                "Department of Homeland Security",
                "Department of Homeland Security",
            ),
            (
                "Making her way around Chez Vachon",
                "Making her way around Chez Vachon",
            ),
            (
                "Republican National Committee",
                "Republican National Committee",
            ),
            ("Mr. Nevins of Showtime", "Nevins of Showtime"),
            ("law professor Pierre de Vos", "Pierre de Vos"),
            ("spokeswoman for Platte River", "Platte River"),
        ];
        for (mention, want) in cases {
            assert_eq!(canonical(mention), want, "{mention}");
        }
    }

    fn known(names: &[&str]) -> Known {
        let mut known = Known::default();
        for name in names {
            known.add(name);
        }
        known
    }

    #[test]
    fn pronouns_take_the_latest_compatible_name() {
        let earlier = known(&["Tillerson", "Russian Federation"]);
        assert_eq!(
            earlier.resolve("He"),
            (Some("Tillerson".into()), Some(Via::Pronoun))
        );
        assert_eq!(
            earlier.resolve("they"),
            (Some("Russian Federation".into()), Some(Via::Pronoun))
        );
        assert_eq!(known(&[]).resolve("she"), (None, Some(Via::Pronoun)));
    }

    #[test]
    fn he_and_she_skip_a_person_whose_first_name_shows_the_other_sex() {
        let both = known(&["Hillary Clinton", "Donald Trump"]);
        assert_eq!(both.resolve("she").0.as_deref(), Some("Hillary Clinton"));
        assert_eq!(both.resolve("he").0.as_deref(), Some("Donald Trump"));
        // a first name the list does not know, or a lone surname, says nothing
        let unknown = known(&["Hillary Clinton", "Sandy Phillips", "Reid"]);
        assert_eq!(unknown.resolve("he").0.as_deref(), Some("Reid"));
        assert_eq!(unknown.resolve("she").0.as_deref(), Some("Reid"));
        assert_eq!(known(&["Megyn Kelly"]).resolve("he").0, None);
        let cases = [
            ("she", "Donald Trump", false),
            ("he", "Donald Trump", true),
            ("he", "Hillary Clinton", false),
            ("she", "Sandy Phillips", true),
            ("she", "Trump", true),
            ("they", "Donald Trump", true),
            ("he", "the Justice Department", false),
            // a place or an event is no person
            ("she", "New York", false),
            ("he", "World War II", false),
        ];
        for (pronoun, name, want) in cases {
            assert_eq!(Known::can_refer(pronoun, name), want, "{pronoun} {name}");
        }
        assert_eq!(
            known(&["Donald Trump"]).resolve("He’s"),
            (Some("Donald Trump".into()), Some(Via::Pronoun))
        );
        // nor a question opening a sentence ("Would I ever …?")
        assert!(!is_person_name("Would I"));
        assert!(is_person_name("Pierre de Vos"));
    }

    #[test]
    fn a_surname_links_to_the_full_name_given_earlier() {
        assert_eq!(
            known(&["Sergei Lavrov"]).resolve("Lavrov"),
            (Some("Sergei Lavrov".into()), Some(Via::Alias))
        );
        assert_eq!(
            known(&[]).resolve("Mr Lavrov"),
            (Some("Lavrov".into()), None)
        );
        // a transcript's label in capitals
        assert_eq!(
            known(&["Mike Pence"]).resolve("PENCE"),
            (Some("Mike Pence".into()), Some(Via::Alias))
        );
        assert_eq!(
            known(&[]).resolve("WALLACE"),
            (Some("WALLACE".into()), None)
        );
    }
}
