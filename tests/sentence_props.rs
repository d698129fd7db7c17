//! Properties of the sentence splitter over text made of what it reads: the sentences of
//! a region are in order, do not overlap, sit on char boundaries inside the region, are
//! trimmed, and together hold every non-space character of the region.

use copydesk::span::Span;
use proptest::prelude::*;

/// Text built from what the sentence splitter reads: abbreviations, initials, figures,
/// every kind of mark, quotes, brackets, list markers and bullets.
fn segment_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z]{1,6}",
        "[0-9]{1,4}",
        prop::sample::select(vec![
            "Mr.", "U.S.", "p.m.", "Inc.", "No.", "ft.", "St.", "e.g.", "J.", "I.", "Ph.D.", "a.",
            "1.", "2.", "1)", "2)", "•", "⁃", "...", "…", ". . .", "....", "?!", "!", "?", ".",
            ". ", "\"", "“", "”", "'", "''", "’", "(", ")", "[1]", "[...]", ":", ";", ",", " ",
            " ", "  ", "\n", "\u{a0}", "é", "中", "@", "/", "$",
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

/// True when `span` lies in `text` on char boundaries.
fn valid(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// The characters of `s` that are not white space.
fn ink(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn sentences_cover_their_region_in_order(text in segment_like(), cut in 0usize..8) {
        // a region that starts and ends inside the text, on char boundaries
        let start = text.char_indices().nth(cut).map_or(text.len(), |(i, _)| i);
        let region = Span::new(start, text.len());
        let mut sentences = Vec::new();
        copydesk::segment::split_into(&text, region, &mut sentences);
        let mut covered = String::new();
        let mut previous_end = region.start;
        for sentence in &sentences {
            prop_assert!(valid(&text, *sentence), "{sentence:?} in {text:?}");
            prop_assert!(region.contains(*sentence), "{sentence:?} outside {region:?}");
            prop_assert!(previous_end <= sentence.start, "overlap at {sentence:?} in {text:?}");
            let s = sentence.slice(&text);
            prop_assert!(!s.is_empty() && s.trim() == s, "untrimmed {s:?}");
            covered.push_str(s);
            previous_end = sentence.end;
        }
        prop_assert_eq!(ink(&covered), ink(region.slice(&text)), "text lost in {:?}", text);
    }

    #[test]
    fn arbitrary_text_splits_without_panicking(text in any::<String>()) {
        let mut sentences = Vec::new();
        copydesk::segment::split_into(&text, Span::new(0, text.len()), &mut sentences);
        for sentence in &sentences {
            prop_assert!(valid(&text, *sentence), "{sentence:?} in {text:?}");
        }
    }
}
