//! The word lists and patterns every stage reads, parsed once from the plain-text
//! files in `rules/` so that someone who does not write Rust can read and extend them.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

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

/// Entries of a rules file: non-empty lines with `#` comments removed.
pub fn entries(source: &str) -> impl Iterator<Item = &str> {
    source
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
}

fn word_set(source: &str) -> HashSet<String> {
    entries(source).map(str::to_lowercase).collect()
}

/// Abbreviations (lower case, without the final period) and their class; units of
/// measure are in [`UNITS`].
pub static ABBREVIATIONS: LazyLock<HashMap<String, AbbrevClass>> = LazyLock::new(|| {
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
pub static UNITS: LazyLock<HashSet<String>> = LazyLock::new(|| {
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
pub static ABBREVIATION_FOLLOWERS: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_set(include_str!("../rules/abbreviation_followers.txt")));

/// Words that open sentences but are rarely part of a name.
pub static SENTENCE_STARTERS: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_set(include_str!("../rules/sentence_starters.txt")));

/// Names written with a mark of their own ("Yahoo!"), lower case, mark included.
pub static NAMES_WITH_MARKS: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_set(include_str!("../rules/names_with_marks.txt")));

/// Prepositions that open a fronted phrase of time or place ("At 5 a.m. Mr. Smith left").
pub static PHRASE_OPENERS: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_set(include_str!("../rules/phrase_openers.txt")));

/// Speech and writing cues, each as a sequence of lower-case words.
pub static CUE_VERBS: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    entries(include_str!("../rules/cue_verbs.txt"))
        .map(|line| line.split_whitespace().map(str::to_lowercase).collect())
        .collect()
});

/// Titles and roles written before a speaker's name.
pub static SPEAKER_TITLES: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_set(include_str!("../rules/speaker_titles.txt")));

/// Words that mark a speaker as an organisation rather than a person.
pub static ORGANIZATION_WORDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_set(include_str!("../rules/organization_words.txt")));

/// Pronouns that can stand for a speaker, and what they can refer to.
pub static PRONOUNS: LazyLock<HashMap<String, PronounKind>> = LazyLock::new(|| {
    entries(include_str!("../rules/pronouns.txt"))
        .filter_map(|line| {
            let (word, kind) = line.split_once(char::is_whitespace)?;
            let kind = match kind.trim() {
                "person" => PronounKind::Person,
                "group" => PronounKind::Group,
                "any" => PronounKind::Any,
                _ => return None,
            };
            Some((word.to_lowercase(), kind))
        })
        .collect()
});

/// The built-in boilerplate rules (see `rules/boilerplate.txt` for the format).
pub const BOILERPLATE: &str = include_str!("../rules/boilerplate.txt");

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
        assert!(CUE_VERBS.iter().any(|c| c == &["according", "to"]));
        assert!(SPEAKER_TITLES.contains("secretary"));
        assert!(ORGANIZATION_WORDS.contains("federation"));
        assert_eq!(PRONOUNS.get("she"), Some(&PronounKind::Person));
    }

    #[test]
    fn every_abbreviation_line_names_a_known_class_once() {
        let lines = entries(include_str!("../rules/abbreviations.txt")).count();
        assert_eq!(ABBREVIATIONS.len() + UNITS.len(), lines);
    }

    #[test]
    fn comments_and_blank_lines_are_not_entries() {
        let got: Vec<&str> = entries("# head\n\nword # note\n  other\n").collect();
        assert_eq!(got, ["word", "other"]);
    }
}
