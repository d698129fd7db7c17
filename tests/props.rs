//! Properties of the engine over arbitrary and article-like text: it never panics,
//! and every span is in bounds, on char boundaries, and (for sentences) in order.

use copydesk::analysis::{Options, analyze};
use copydesk::span::Span;
use proptest::prelude::*;

fn valid(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

fn check(text: &str, keep_boilerplate: bool) -> Result<(), TestCaseError> {
    let options = Options {
        keep_boilerplate,
        ..Options::default()
    };
    let analysis = analyze(text, &options);
    let cleaned = &analysis.cleaned;
    let mut spans: Vec<Span> = Vec::new();
    spans.extend(cleaned.title);
    spans.extend(&cleaned.body);
    spans.extend(cleaned.removed.iter().map(|r| r.span));
    spans.extend(&analysis.sentences);
    for quote in &analysis.quotations.quotes {
        spans.push(quote.span);
        spans.extend(quote.speaker.as_ref().map(|m| m.span));
        spans.extend(quote.cue);
    }
    for speaker in &analysis.quotations.speakers {
        spans.extend(&speaker.mentions);
        for &q in &speaker.quotes {
            prop_assert!(q < analysis.quotations.quotes.len());
        }
    }
    for span in spans {
        prop_assert!(valid(text, span), "{span:?} in {text:?}");
    }
    for pair in analysis.sentences.windows(2) {
        prop_assert!(pair[0].end <= pair[1].start, "{pair:?} in {text:?}");
    }
    let _ = copydesk::analysis::body_text(text, cleaned);
    Ok(())
}

/// Text built from the pieces scraped articles are made of.
fn article_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("said".to_string()),
        Just("Mr".to_string()),
        Just("U.S.".to_string()),
        Just("He".to_string()),
        Just("Lavrov".to_string()),
        "[A-Za-z]{1,8}",
        "[0-9]{1,3}(\\.[0-9])?",
        Just(" ".to_string()),
        Just(" ".to_string()),
        Just(". ".to_string()),
        Just("? ".to_string()),
        Just("!".to_string()),
        Just(", ".to_string()),
        Just(":".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("\u{2019}".to_string()),
        Just("\u{2018}".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\u{feff}".to_string()),
        Just("Share on Facebook\n".to_string()),
        Just("Getty Images\n".to_string()),
        Just("é".to_string()),
        Just("\u{a0}".to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

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

/// The characters of `s` that are not white space.
fn ink(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>(), keep in any::<bool>()) {
        check(&text, keep)?;
    }

    #[test]
    fn article_like_strings_give_valid_spans(text in article_like(), keep in any::<bool>()) {
        check(&text, keep)?;
    }

    #[test]
    fn bom_prefixed_articles(text in article_like()) {
        check(&format!("\u{feff}{text}"), false)?;
    }

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
}
