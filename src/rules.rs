//! The word lists and patterns every stage reads, parsed once from the plain-text
//! files in `rules/` so that someone who does not write Rust can read and extend them.

use crate::rule_set::{Plan, Plans};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A set of the words of a list.
pub type WordSet = HashSet<String, BuildHasherDefault<Fnv>>;
/// The words of a list, each with what the list says of it.
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

/// FNV-1a, the hash of the word lists: their keys are a few hundred short words of
/// our own, which input only looks up, so a keyed hash buys nothing, and SipHash costs
/// more than many of the decisions that ask it.
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// How the sentence splitter treats an abbreviation (see `rules/abbreviations.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Before a name; never ends a sentence.
    Title,
    /// A title before a name ("St. Louis"), ordinary after one ("Main St.").
    Either,
    /// Before a number; ordinary elsewhere.
    Reference,
    /// Inside a sentence; never ends one.
    Inline,
    /// Ends a sentence before a capitalised word that does not continue the phrase.
    Ordinary,
    /// A time or era after a figure ("6 p.m.", "44 B.C."): ordinary, and a figure
    /// after it opens a new sentence.
    Time,
    /// Usually modifies the next word; ends a sentence only before a sentence starter.
    Adjectival,
}

/// The kind of antecedent a pronoun takes (see `rules/pronouns.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounKind {
    /// he, she, I: a named person.
    Person,
    /// they, we: a person or a group.
    Group,
    /// it, who: anything.
    Any,
}

/// A pronoun that can stand for a speaker (see `rules/pronouns.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pronoun {
    /// What it can refer to.
    pub kind: PronounKind,
    /// The sex of the person it stands for, for "he" and "she".
    pub sex: Option<Sex>,
}

/// The sex a pronoun ("he") or a first name ("Hillary") shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    /// he, him; John.
    Male,
    /// she, her; Mary.
    Female,
}

/// Entries of a rules file: non-empty lines with `#` comments removed.
pub fn entries(source: &str) -> impl Iterator<Item = &str> {
    source
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
}

fn word_set(source: &str) -> WordSet {
    entries(source).map(str::to_lowercase).collect()
}

/// Abbreviations (lower case, without the final period) and their class; units of
/// measure are in [`UNITS`].
pub static ABBREVIATIONS: LazyLock<WordMap<AbbrevClass>> = LazyLock::new(|| {
    abbreviation_entries()
        .filter_map(|(word, class)| {
            let class = match class {
                "title" => AbbrevClass::Title,
                "either" => AbbrevClass::Either,
                "reference" => AbbrevClass::Reference,
                "inline" => AbbrevClass::Inline,
                "ordinary" => AbbrevClass::Ordinary,
                "time" => AbbrevClass::Time,
                "adjectival" => AbbrevClass::Adjectival,
                _ => return None,
            };
            Some((word.to_lowercase(), class))
        })
        .collect()
});

/// Units of measure (lower case, without the period), abbreviations only after a number.
pub static UNITS: LazyLock<WordSet> = LazyLock::new(|| {
    abbreviation_entries()
        .filter(|&(_, class)| class == "unit")
        .map(|(word, _)| word.to_lowercase())
        .collect()
});

fn abbreviation_entries() -> impl Iterator<Item = (&'static str, &'static str)> {
    entries(include_str!("../rules/abbreviations.txt")).filter_map(|line| {
        let (word, class) = line.split_once(char::is_whitespace)?;
        Some((word, class.trim()))
    })
}

/// Capitalised words that continue a phrase after an ordinary abbreviation.
pub static ABBREVIATION_FOLLOWERS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../rules/abbreviation_followers.txt")));

/// Words that open sentences but are rarely part of a name.
pub static SENTENCE_STARTERS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../rules/sentence_starters.txt")));

/// Names written with a mark of their own ("Yahoo!"), lower case, mark included.
pub static NAMES_WITH_MARKS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../rules/names_with_marks.txt")));

/// Prepositions that open a fronted phrase of time or place ("At 5 a.m. Mr. Smith left").
pub static PHRASE_OPENERS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../rules/phrase_openers.txt")));

/// Speech and writing cues ("said", "according to"), keyed by their first word so
/// that a token finds its candidates in one lookup; each candidate's words, longest first.
pub static CUE_VERBS: LazyLock<WordMap<Vec<Vec<String>>>> = LazyLock::new(|| {
    let mut cues: WordMap<Vec<Vec<String>>> = WordMap::default();
    for line in entries(include_str!("../rules/cue_verbs.txt")) {
        let words: Vec<String> = line.split_whitespace().map(str::to_lowercase).collect();
        cues.entry(words[0].clone()).or_default().push(words);
    }
    for candidates in cues.values_mut() {
        candidates.sort_by_key(|c| std::cmp::Reverse(c.len()));
    }
    cues
});

/// The word classes of `rules/speaker_words.txt`.
#[derive(Debug, Default)]
pub struct SpeakerWords {
    /// Between a subject and its speech verb ("has also said").
    pub helpers: WordSet,
    /// Lower-case words that end a speaker's noun phrase.
    pub stops: WordSet,
    /// Words that open a description ("the", "a", "his").
    pub determiners: WordSet,
    /// Determiners that count ("three", "both"), after which a verb in the past is
    /// the verb of the phrase they end ("the mother of three replied").
    pub quantifiers: WordSet,
    /// Words that join clauses ("and", "when", "while"), subordinators among them.
    pub links: WordSet,
    /// Links that open a subordinate clause ("when", "because").
    pub subordinators: WordSet,
    /// Prepositions, after which a cue word is a noun ("secretary of state").
    pub prepositions: WordSet,
    /// Auxiliaries of the passive, after which a cue's subject did not speak.
    pub passives: WordSet,
    /// Asides set off by commas ("however").
    pub asides: WordSet,
    /// Words of time phrases ("later", "Tuesday").
    pub times: WordSet,
    /// Endings that mark an adverb ("-ously"), skipped between subject and verb.
    pub adverb_endings: WordSet,
    /// Adverbs before a role held at some time ("then ambassador").
    pub roles: WordSet,
    /// Words right before a quotation that make it a term ("so-called").
    pub terms: WordSet,
    /// Irregular past forms that end a description as its verb ("The senator sent").
    pub past_forms: WordSet,
    /// Particles that complete a verb ("shot back", "cut in").
    pub particles: WordSet,
    /// Verbs by which a source closing a sentence reports it ("CNN reported").
    pub reports: WordSet,
    /// Verbs an infinitive completes, whose subject speaks ("started to call").
    pub catenatives: WordSet,
    /// Nouns for works, after which a quotation in Title Case is a title ("the
    /// podcast 'Here's the Thing.'").
    pub works: WordSet,
    /// Social networks a sign-off asks readers to follow the writer on ("Follow
    /// Pam Key on Twitter").
    pub platforms: WordSet,
    /// Nouns for something said, whose possessor said it ("Trump's claim that").
    pub speech_nouns: WordSet,
    /// Cue words after which Title Case stays a name: they give a name ("dubbed"),
    /// a listener ("told"), a source ("according to") or a work read ("read").
    pub naming: WordSet,
    /// Nouns for a name given to someone ("nickname"), after which a quotation in
    /// Title Case is that name.
    pub nicknames: WordSet,
}

/// Word classes the speaker patterns read (see `rules/speaker_words.txt`).
pub static SPEAKER_WORDS: LazyLock<SpeakerWords> = LazyLock::new(|| {
    let mut classes = SpeakerWords::default();
    for line in entries(include_str!("../rules/speaker_words.txt")) {
        let mut words = line.split_whitespace();
        let set = match words.next() {
            Some("helper") => &mut classes.helpers,
            Some("stop") => &mut classes.stops,
            Some("determiner") => &mut classes.determiners,
            Some("quantifier") => &mut classes.quantifiers,
            Some("link") => &mut classes.links,
            Some("subordinator") => &mut classes.subordinators,
            Some("preposition") => &mut classes.prepositions,
            Some("passive") => &mut classes.passives,
            Some("aside") => &mut classes.asides,
            Some("time") => &mut classes.times,
            Some("term") => &mut classes.terms,
            Some("past") => &mut classes.past_forms,
            Some("particle") => &mut classes.particles,
            Some("role") => &mut classes.roles,
            Some("report") => &mut classes.reports,
            Some("catenative") => &mut classes.catenatives,
            Some("work") => &mut classes.works,
            Some("platform") => &mut classes.platforms,
            Some("speech-noun") => &mut classes.speech_nouns,
            Some("naming") => &mut classes.naming,
            Some("nickname") => &mut classes.nicknames,
            Some("adverb-ending") => &mut classes.adverb_endings,
            _ => continue,
        };
        set.extend(words.map(str::to_lowercase));
    }
    classes.links.extend(classes.subordinators.iter().cloned());
    classes
});

/// Titles and roles written before a speaker's name.
pub static SPEAKER_TITLES: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../rules/speaker_titles.txt")));

/// Words that mark a speaker as an organisation rather than a person.
pub static ORGANIZATION_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../rules/organization_words.txt")));

/// Pronouns that can stand for a speaker, and what they can refer to.
pub static PRONOUNS: LazyLock<WordMap<Pronoun>> = LazyLock::new(|| {
    entries(include_str!("../rules/pronouns.txt"))
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let word = fields.next()?;
            let kind = match fields.next()? {
                "person" => PronounKind::Person,
                "group" => PronounKind::Group,
                "any" => PronounKind::Any,
                _ => return None,
            };
            let sex = fields.next().and_then(sex);
            Some((word.to_lowercase(), Pronoun { kind, sex }))
        })
        .collect()
});

/// First names borne almost only by one sex (see `rules/first_names.txt`).
pub static FIRST_NAMES: LazyLock<WordMap<Sex>> = LazyLock::new(|| {
    let mut names = WordMap::default();
    for line in entries(include_str!("../rules/first_names.txt")) {
        let mut fields = line.split_whitespace();
        let Some(sex) = fields.next().and_then(sex) else {
            continue;
        };
        names.extend(fields.map(|name| (name.to_lowercase(), sex)));
    }
    names
});

fn sex(field: &str) -> Option<Sex> {
    match field {
        "male" => Some(Sex::Male),
        "female" => Some(Sex::Female),
        _ => None,
    }
}

/// The built-in boilerplate rules (see `rules/boilerplate.txt` for the format).
pub const BOILERPLATE: &str = include_str!("../rules/boilerplate.txt");

/// The built-in boilerplate rules' patterns (each as its scope anchors it) with their
/// plans worked out, so that a run need not parse them to build its gate: a JSON
/// list of `[pattern, plan]` pairs, written by the test that checks it
/// (`COPYDESK_BLESS=1 cargo test plans`).
/// A file that does not read as plans (being rewritten after a change of their form)
/// gives none: the rules are then planned at start-up, as the user's own are.
pub static BOILERPLATE_PLANS: LazyLock<Plans> = LazyLock::new(|| {
    let pairs: Vec<(String, Plan)> =
        serde_json::from_str(include_str!("../rules/boilerplate.plans.json")).unwrap_or_default();
    pairs.into_iter().collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rules_file_parses_into_entries() {
        assert_eq!(ABBREVIATIONS.get("mr"), Some(&AbbrevClass::Title));
        assert_eq!(ABBREVIATIONS.get("u.s"), Some(&AbbrevClass::Adjectival));
        assert!(ABBREVIATION_FOLLOWERS.contains("monday"));
        assert!(SENTENCE_STARTERS.contains("the"));
        assert!(UNITS.contains("ft"));
        assert!(PHRASE_OPENERS.contains("at"));
        assert!(NAMES_WITH_MARKS.contains("yahoo!"));
        assert!(
            CUE_VERBS["according"]
                .iter()
                .any(|c| c == &["according", "to"])
        );
        assert!(SPEAKER_WORDS.helpers.contains("also"));
        assert!(SPEAKER_WORDS.determiners.contains("the"));
        assert!(SPEAKER_WORDS.times.contains("tuesday"));
        assert!(SPEAKER_WORDS.links.contains("while"));
        assert!(SPEAKER_WORDS.prepositions.contains("of"));
        assert!(SPEAKER_WORDS.passives.contains("was"));
        assert!(SPEAKER_WORDS.roles.contains("then"));
        assert!(SPEAKER_WORDS.terms.contains("so-called"));
        assert!(SPEAKER_WORDS.reports.contains("reported"));
        assert!(SPEAKER_WORDS.catenatives.contains("started"));
        assert!(SPEAKER_WORDS.works.contains("podcast"));
        assert!(SPEAKER_TITLES.contains("secretary"));
        assert!(ORGANIZATION_WORDS.contains("federation"));
        let she = Pronoun {
            kind: PronounKind::Person,
            sex: Some(Sex::Female),
        };
        assert_eq!(PRONOUNS.get("she"), Some(&she));
        assert_eq!(PRONOUNS.get("they").map(|p| p.sex), Some(None));
        assert_eq!(FIRST_NAMES.get("hillary"), Some(&Sex::Female));
        assert_eq!(FIRST_NAMES.get("donald"), Some(&Sex::Male));
    }

    #[test]
    fn every_first_names_line_names_a_sex_and_plain_names_once() {
        let mut seen = std::collections::HashSet::new();
        for line in entries(include_str!("../rules/first_names.txt")) {
            let mut fields = line.split_whitespace();
            assert!(fields.next().and_then(sex).is_some(), "{line}");
            for name in fields {
                assert!(seen.insert(name.to_lowercase()), "{name} twice");
                assert!(name.chars().all(|c| c.is_ascii_alphabetic()), "{name}");
            }
        }
    }

    #[test]
    fn every_abbreviation_line_names_a_known_class_once() {
        let lines = entries(include_str!("../rules/abbreviations.txt")).count();
        assert_eq!(ABBREVIATIONS.len() + UNITS.len(), lines);
    }

    #[test]
    fn every_speaker_words_line_names_a_known_class() {
        let known = [
            "helper",
            "stop",
            "determiner",
            "quantifier",
            "link",
            "preposition",
            "passive",
            "aside",
            "time",
            "term",
            "past",
            "particle",
            "role",
            "report",
            "catenative",
            "work",
            "platform",
            "speech-noun",
            "naming",
            "nickname",
            "adverb-ending",
            "subordinator",
        ];
        for line in entries(include_str!("../rules/speaker_words.txt")) {
            let class = line.split_whitespace().next().unwrap_or("");
            assert!(known.contains(&class), "{line}");
        }
    }

    #[test]
    fn comments_and_blank_lines_are_not_entries() {
        let got: Vec<&str> = entries("# head\n\nword # note\n  other\n").collect();
        assert_eq!(got, ["word", "other"]);
    }
}
