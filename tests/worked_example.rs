//! Issue 2: the worked example of DESIGN.md, item by item, on the seed article.

use copydesk::analysis::{Options, analyze};
use copydesk::quotes::{Kind, Via};

const SEED: &str = include_str!("../fixtures/seed.txt");

#[test]
fn title_and_removals() {
    let a = analyze(SEED, &Options::default());
    assert_eq!(
        a.cleaned.title.map(|t| t.slice(SEED)),
        Some("Tillerson: U.S.-Russia relations 'at a low point'")
    );
    let removed: Vec<(&str, &str)> = a
        .cleaned
        .removed
        .iter()
        .map(|r| (r.span.slice(SEED), r.reason.name()))
        .collect();
    assert_eq!(
        removed,
        [
            ("Getty Image", "caption"),
            (
                "Some of you have even followed through with subscriptions, which is especially gratifying.",
                "promo"
            ),
            ("We're thankful for your support in every way.", "promo"),
            ("Other news", "navigation"),
        ]
    );
    let body = copydesk::analysis::body_text(SEED, &a.cleaned);
    assert!(body.contains("He said working groups would be established to improve U.S."));
    assert!(body.contains("We need to start by putting the visit in context."));
    assert!(body.contains("on the back of claims that Putin conspired to get Trump elected."));
}

#[test]
fn sentences() {
    let a = analyze(SEED, &Options::default());
    let sentences: Vec<&str> = a.sentences.iter().map(|s| s.slice(SEED)).collect();
    assert!(sentences.contains(&"He said working groups would be established to improve U.S."));
    assert!(
        sentences
            .contains(&"\"Clearly our view is that reign of Assad family is coming to an end\".")
    );
    assert!(
        sentences
            .iter()
            .any(|s| s.starts_with("The latest veto on Thursday (local time) saw"))
    );
    assert!(!sentences.contains(&"Tillerson: U.S."));
}

/// quote, kind, speaker mention, speaker name, via, cue
type Row<'a> = (
    &'a str,
    Kind,
    Option<&'a str>,
    Option<&'a str>,
    Option<Via>,
    Option<&'a str>,
);

#[test]
fn quotes_speakers_and_cues() {
    let a = analyze(SEED, &Options::default());
    let got: Vec<Row> = a
        .quotations
        .quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.as_ref();
            (
                q.span.slice(SEED),
                q.kind,
                speaker.map(|m| m.span.slice(SEED)),
                speaker.and_then(|m| m.name.as_deref()),
                speaker.map(|m| m.via),
                q.cue.map(|c| c.slice(SEED)),
            )
        })
        .collect();
    let minister = Some("The Russian foreign minister");
    let expected = [
        (
            "at a low point",
            Kind::Headline,
            Some("Tillerson"),
            Some("Tillerson"),
            Some(Via::Headline),
            None,
        ),
        (
            "ambiguous",
            Kind::Partial,
            minister,
            Some("Russian foreign minister"),
            Some(Via::Cue),
            Some("calling"),
        ),
        (
            "contradictory",
            Kind::Partial,
            minister,
            Some("Russian foreign minister"),
            Some(Via::Cue),
            Some("calling"),
        ),
        (
            "aggression",
            Kind::Partial,
            Some("Russian Federation"),
            Some("Russian Federation"),
            Some(Via::Cue),
            Some("denounced"),
        ),
        (
            "Clearly our view is that reign of Assad family is coming to an end",
            Kind::Direct,
            Some("He"),
            Some("Tillerson"),
            Some(Via::Pronoun),
            Some("says"),
        ),
        (
            "We have seen very alarming actions recently with an unlawful attack against Syria",
            Kind::Direct,
            Some("Mr Lavrov"),
            Some("Lavrov"),
            Some(Via::Cue),
            Some("said"),
        ),
    ];
    assert_eq!(&got[..expected.len()], &expected);
    assert!(got[6].0.starts_with("Today, the president confirmed"));
    assert_eq!((got[6].2, got[6].5), (Some("Lavrov"), Some("said")));
    assert_eq!(
        got[7].0,
        "Are we going to get involved with Syria? I think it's very bad for mankind"
    );
    assert_eq!(
        (got[7].3, got[7].4),
        (Some("Lavrov"), Some(Via::Continuation))
    );
    assert_eq!(got.len(), 8);

    let lavrov = a
        .quotations
        .speakers
        .iter()
        .find(|s| s.name == "Lavrov")
        .unwrap();
    let mentions: Vec<&str> = lavrov.mentions.iter().map(|m| m.slice(SEED)).collect();
    assert_eq!(mentions, ["Mr Lavrov", "Lavrov"]);
    assert_eq!(lavrov.quotes, [5, 6, 7]);
}
