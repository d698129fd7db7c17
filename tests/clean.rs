//! Cleaning an already-clean article changes nothing: for every fixture article, the
//! cleaned result (title and body) cleans to itself, with nothing removed.

use copydesk::analysis::{Options, analyze, body_text};
use std::fs;

fn cleaned(text: &str) -> (Option<String>, String, usize) {
    let options = Options {
        sentences: false,
        quotes: false,
        ..Options::default()
    };
    let analysis = analyze(text, &options);
    let cleaned = &analysis.cleaned;
    let title = cleaned.title.map(|s| s.slice(text).to_string());
    (title, body_text(text, cleaned), cleaned.removed.len())
}

#[test]
fn cleaning_a_cleaned_article_changes_nothing() {
    let mut seen = 0;
    for entry in fs::read_dir("fixtures").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        let (title, body, _) = cleaned(&text);
        let again = match &title {
            Some(title) => format!("{title}\n\n{body}\n"),
            None => format!("{body}\n"),
        };
        let (title2, body2, removed) = cleaned(&again);
        assert_eq!(removed, 0, "{}: {again}", path.display());
        assert_eq!(title2, title, "{}", path.display());
        assert_eq!(body2, body, "{}", path.display());
        seen += 1;
    }
    assert!(seen >= 4, "fixtures found: {seen}");
}

#[test]
fn a_clean_article_loses_nothing() {
    let text = fs::read_to_string("fixtures/clean-article.txt").unwrap();
    let (title, body, removed) = cleaned(&text);
    assert_eq!(removed, 0);
    let words = |s: &str| s.split_whitespace().count();
    assert_eq!(
        words(title.as_deref().unwrap_or_default()) + words(&body),
        words(&text)
    );
}
