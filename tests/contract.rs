//! The JSON contract (schema copydesk/1): every subcommand's `--format jsonl` output
//! parses into strict types, and every span satisfies `input[start..end] == text`, in
//! bytes and in chars.

use assert_cmd::Command;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    schema: String,
    #[serde(default)]
    id: Option<String>,
    source: String,
    #[serde(default, deserialize_with = "present")]
    title: Option<Option<Span>>,
    #[serde(default, deserialize_with = "present")]
    byline: Option<Option<Span>>,
    #[serde(default, deserialize_with = "present")]
    dateline: Option<Option<Span>>,
    text: Option<String>,
    removed: Option<Vec<Removed>>,
    sentences: Option<Vec<Span>>,
    quotes: Option<Vec<Quote>>,
    speakers: Option<Vec<Speaker>>,
    warnings: Vec<String>,
}

/// Tells a `null` title, byline or dateline (`Some(None)`) from a missing one (`None`).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<Span>>, D::Error> {
    Option::<Span>::deserialize(d).map(Some)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Span {
    text: String,
    start: usize,
    end: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Removed {
    text: String,
    reason: String,
    start: usize,
    end: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Quote {
    text: String,
    start: usize,
    end: usize,
    kind: String,
    speaker: Option<Mention>,
    cue: Option<Span>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Mention {
    text: String,
    name: Option<String>,
    start: usize,
    end: usize,
    via: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Speaker {
    name: String,
    mentions: Vec<Span>,
    quotes: Vec<usize>,
}

const ARTICLES: &[&str] = &[
    "Tillerson: U.S.-Russia relations 'at a low point'\n\nGetty Image\n\n\
Mr Lavrov said: \"We have seen very alarming actions.\" He called the talks \u{201c}ambiguous\u{201d}.\n\n\
\u{201c}Clearly our view is that reign of Assad family is coming to an end,\u{201d} he says.\n\n\
Other news\n",
    "\u{feff}Caf\u{e9} owner \u{2018}won\u{2019}t back down\u{2019}\r\n\r\n\
The owner of the caf\u{e9} in Z\u{fc}rich said: \u{201c}We stay.\u{201d} It\u{2019}s final.\r\n\r\n\
Share on Facebook\r\n",
    "",
    "no title no punctuation",
    "Home\nNews\nSport\nWeather\n\nBridge reopens after two years of repairs\n\nBy Jane Doe\n\n\
Published 12:03 EST, 4 May 2017\n\n\
LONDON (Reuters) \u{2014} The old bridge over the river reopened on Monday after two years of repairs, the council said.\n\n\
\u{201c}It was worth the wait,\u{201d} said one of the first drivers to cross it.\n\n\
Share this article\n\n\u{a9} 2017 Example News. All rights reserved.\n",
    "Short one\n\n\u{201c}Unclosed quote, said nobody.\n\n\"\"\n\n\u{1f600} emoji \u{1f600}. More.\n",
];

const REASONS: &[&str] = &[
    "caption",
    "navigation",
    "promo",
    "social",
    "legal",
    "ad",
    "cookie",
    "comments",
    "related",
    "metadata",
];

fn run(subcommand: &str, offsets: &str) -> Vec<Record> {
    let stream: String = ARTICLES
        .iter()
        .enumerate()
        .map(|(i, text)| {
            serde_json::json!({"id": format!("a{i}"), "text": text}).to_string() + "\n"
        })
        .collect();
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .args([subcommand, "--input", "jsonl", "--format", "jsonl"])
        .args(["--offsets", offsets])
        .write_stdin(stream)
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let records: Vec<Record> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    assert_eq!(records.len(), ARTICLES.len());
    records
}

/// `input[start..end]` in the given unit.
fn slice(input: &str, start: usize, end: usize, chars: bool) -> Option<String> {
    if chars {
        (start <= end && end <= input.chars().count())
            .then(|| input.chars().skip(start).take(end - start).collect())
    } else {
        input.get(start..end).map(str::to_string)
    }
}

fn check_span(input: &str, what: &str, text: &str, start: usize, end: usize, chars: bool) {
    assert_eq!(
        slice(input, start, end, chars).as_deref(),
        Some(text),
        "{what} {start}..{end} of {input:?}"
    );
}

fn check_record(record: &Record, input: &str, index: usize, chars: bool) {
    assert_eq!(record.schema, "copydesk/1");
    assert_eq!(record.id.as_deref(), Some(format!("a{index}").as_str()));
    assert_eq!(record.source, format!("a{index}"));
    assert!(record.warnings.is_empty(), "{:?}", record.warnings);
    for (what, field) in [
        ("title", &record.title),
        ("byline", &record.byline),
        ("dateline", &record.dateline),
    ] {
        if let Some(Some(span)) = field {
            check_span(input, what, &span.text, span.start, span.end, chars);
        }
    }
    for r in record.removed.iter().flatten() {
        check_span(input, "removed", &r.text, r.start, r.end, chars);
        assert!(REASONS.contains(&r.reason.as_str()), "{}", r.reason);
    }
    let mut previous_end = 0;
    for s in record.sentences.iter().flatten() {
        check_span(input, "sentence", &s.text, s.start, s.end, chars);
        assert!(previous_end <= s.start, "sentences in order");
        previous_end = s.end;
    }
    let quotes = record.quotes.as_deref().unwrap_or_default();
    for q in quotes {
        check_span(input, "quote", &q.text, q.start, q.end, chars);
        assert!(["direct", "partial", "headline"].contains(&q.kind.as_str()));
        if let Some(s) = &q.speaker {
            check_span(input, "speaker", &s.text, s.start, s.end, chars);
            assert!(
                [
                    "cue",
                    "according-to",
                    "pronoun",
                    "alias",
                    "continuation",
                    "headline"
                ]
                .contains(&s.via.as_str())
            );
            let _ = &s.name;
        }
        if let Some(c) = &q.cue {
            check_span(input, "cue", &c.text, c.start, c.end, chars);
        }
    }
    for speaker in record.speakers.iter().flatten() {
        assert!(!speaker.name.is_empty());
        for m in &speaker.mentions {
            check_span(input, "mention", &m.text, m.start, m.end, chars);
        }
        assert!(speaker.quotes.iter().all(|&i| i < quotes.len()));
    }
}

fn check_subcommand(subcommand: &str, fields: [bool; 4]) {
    for offsets in ["byte", "char"] {
        let records = run(subcommand, offsets);
        for (index, (record, input)) in records.iter().zip(ARTICLES).enumerate() {
            let [cleaning, sentences, quotes, _] = fields;
            assert_eq!(record.title.is_some(), cleaning, "{subcommand} title");
            assert_eq!(record.byline.is_some(), cleaning, "{subcommand} byline");
            assert_eq!(record.dateline.is_some(), cleaning, "{subcommand} dateline");
            assert_eq!(record.text.is_some(), cleaning, "{subcommand} text");
            assert_eq!(record.removed.is_some(), cleaning, "{subcommand} removed");
            assert_eq!(record.sentences.is_some(), sentences, "{subcommand}");
            assert_eq!(record.quotes.is_some(), quotes, "{subcommand} quotes");
            assert_eq!(record.speakers.is_some(), quotes, "{subcommand} speakers");
            check_record(record, input, index, offsets == "char");
        }
    }
}

#[test]
fn analyze_contract() {
    check_subcommand("analyze", [true, true, true, true]);
}

#[test]
fn clean_contract() {
    check_subcommand("clean", [true, false, false, false]);
}

#[test]
fn sentences_contract() {
    check_subcommand("sentences", [false, true, false, false]);
}

#[test]
fn quotes_contract() {
    check_subcommand("quotes", [false, false, true, false]);
}

#[test]
fn title_is_null_when_there_is_none() {
    let records = run("clean", "byte");
    let empty = &records[2];
    assert!(matches!(empty.title, Some(None)));
}

#[test]
fn a_page_reports_its_byline_and_dateline_apart_from_the_body() {
    let records = run("clean", "byte");
    let page = &records[4];
    let field =
        |f: &Option<Option<Span>>| f.as_ref().and_then(|s| s.as_ref()).map(|s| s.text.clone());
    assert_eq!(
        field(&page.title).as_deref(),
        Some("Bridge reopens after two years of repairs")
    );
    assert_eq!(field(&page.byline).as_deref(), Some("By Jane Doe"));
    assert_eq!(
        field(&page.dateline).as_deref(),
        Some("Published 12:03 EST, 4 May 2017")
    );
    let text = page.text.as_deref().unwrap_or_default();
    assert!(text.starts_with("LONDON (Reuters)"), "{text}");
    assert!(
        !text.contains("Jane Doe") && !text.contains("Share"),
        "{text}"
    );
    let empty = &records[2];
    assert!(matches!(empty.byline, Some(None)) && matches!(empty.dateline, Some(None)));
}
