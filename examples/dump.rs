//! Prints an analysis in a debugging layout: `cargo run --example dump FILE`.
use copydesk::analysis::{Options, analyze};
fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let text = std::fs::read_to_string(path).expect("read");
    let a = analyze(&text, &Options::default());
    println!("TITLE {:?}", a.cleaned.title.map(|t| t.slice(&text)));
    for r in &a.cleaned.removed {
        println!("REMOVED {} {:?}", r.reason, r.span.slice(&text));
    }
    for s in &a.sentences {
        println!("S {:?}", s.slice(&text));
    }
    for q in &a.quotations.quotes {
        println!(
            "Q {:?} {:?} speaker={:?} cue={:?}",
            q.kind,
            q.span.slice(&text),
            q.speaker.as_ref().map(|m| (m.span.slice(&text), &m.name, m.via)),
            q.cue.map(|c| c.slice(&text))
        );
    }
    for s in &a.quotations.speakers {
        println!("SPEAKER {} {:?} {:?}", s.name, s.mentions.iter().map(|m| m.slice(&text)).collect::<Vec<_>>(), s.quotes);
    }
}
