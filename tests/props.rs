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
}
