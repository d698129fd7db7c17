//! Properties of the engine over arbitrary and article-like text: it never panics,
//! and every span is in bounds, on char boundaries, and (for sentences) in order.

use copydesk::analysis::{Options, analyze};
use copydesk::decode::{Decoded, decode};
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
        Just("''".to_string()),
        Just("\u{ab}".to_string()),
        Just("\u{bb}".to_string()),
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

    /// Whatever a scraper saved: decoding never panics, and whatever comes out as
    /// text goes through the pipeline with valid spans.
    #[test]
    fn arbitrary_bytes_decode_and_analyze(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Decoded::Text { text, .. } = decode(bytes) {
            check(&text, false)?;
        }
    }

    /// Article-like text saved as Windows-1252 decodes to the same text.
    #[test]
    fn windows_1252_round_trips(text in "[ -~\u{a0}-\u{ff}\u{2019}\u{201c}\u{201d}\u{2014}\n]{1,200}") {
        let bytes: Vec<u8> = text.chars().map(|c| match c {
            '\u{2019}' => 0x92,
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{2014}' => 0x97,
            c => u8::try_from(u32::from(c)).unwrap(),
        }).collect();
        // Rare byte pairs that happen to be valid UTF-8 are read as UTF-8, rightly.
        prop_assume!(text.is_ascii() || std::str::from_utf8(&bytes).is_err());
        match decode(bytes.clone()) {
            Decoded::Text { text: decoded, warning } => {
                prop_assert_eq!(&decoded, &text);
                prop_assert_eq!(warning.is_some(), std::str::from_utf8(&bytes).is_err());
            }
            Decoded::Binary(why) => prop_assert!(false, "binary: {}", why),
        }
    }
}
