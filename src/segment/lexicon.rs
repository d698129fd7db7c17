//! The abbreviation tables of `rules/` merged into one lookup, with a hash cheap enough
//! to run at every period of a text.

use super::words::with_key;
use crate::rules::{ABBREVIATIONS, AbbrevClass, UNITS, WordMap};
use std::sync::LazyLock;

/// What the tables say of one word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Entry {
    /// Its class, when it is an abbreviation on its own.
    pub class: Option<AbbrevClass>,
    /// True when it is a unit of measure after a figure.
    pub unit: bool,
}

/// The merged tables.
struct Table {
    entries: WordMap<Entry>,
    /// The longest key: longer words are looked up no further.
    longest: usize,
}

/// Built once, on the first period read.
static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut entries: WordMap<Entry> = WordMap::default();
    for (word, &class) in ABBREVIATIONS.iter() {
        entries.entry(word.clone()).or_default().class = Some(class);
    }
    for word in UNITS.iter() {
        entries.entry(word.clone()).or_default().unit = true;
    }
    let longest = entries.keys().map(String::len).max().unwrap_or(0);
    Table { entries, longest }
});

/// What the tables say of `word` (any case, without its final period).
pub fn lookup(word: &str) -> Entry {
    let table = &*TABLE;
    if word.len() > table.longest {
        return Entry::default();
    }
    with_key(word, |key| {
        table.entries.get(key).copied().unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_tables_in_one() {
        assert_eq!(lookup("Mr").class, Some(AbbrevClass::Title));
        let ft = lookup("ft");
        assert!(ft.unit && ft.class == Some(AbbrevClass::Title));
        assert_eq!(
            lookup("in"),
            Entry {
                class: None,
                unit: true
            }
        );
        assert_eq!(lookup("elephant"), Entry::default());
    }
}
