//! Per-stage micro-benchmarks over the fixture articles, so a slowdown in one stage
//! shows up on its own: `cargo bench --bench stages`. Each bench reports its
//! throughput in bytes of article text.

use copydesk::analysis::{self, Options};
use copydesk::clean::{self, BoilerplateRules};
use copydesk::config::{Mode, Offsets};
use copydesk::decode;
use copydesk::layout;
use copydesk::quotes;
use copydesk::record::{self, Origin};
use copydesk::segment;
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// The fixture articles, read once.
fn articles() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a fixture article"))
        .collect()
}

fn total_bytes(texts: &[String]) -> BytesCount {
    BytesCount::new(texts.iter().map(String::len).sum::<usize>())
}

#[divan::bench]
fn decode_bytes(bencher: Bencher) {
    let texts = articles();
    bencher.counter(total_bytes(&texts)).bench(|| {
        for text in &texts {
            black_box(decode::decode(text.as_bytes().to_vec()));
        }
    });
}

#[divan::bench]
fn layout_paragraphs(bencher: Bencher) {
    let texts = articles();
    bencher.counter(total_bytes(&texts)).bench(|| {
        for text in &texts {
            black_box(layout::paragraphs(text));
        }
    });
}

#[divan::bench]
fn clean_boilerplate(bencher: Bencher) {
    let texts = articles();
    let paragraphs: Vec<_> = texts.iter().map(|t| layout::paragraphs(t)).collect();
    let rules = BoilerplateRules::builtin();
    bencher.counter(total_bytes(&texts)).bench(|| {
        for (text, paragraphs) in texts.iter().zip(&paragraphs) {
            black_box(clean::clean(text, paragraphs, rules));
        }
    });
}

#[divan::bench]
fn segment_sentences(bencher: Bencher) {
    let texts = articles();
    let cleaned: Vec<_> = texts
        .iter()
        .map(|t| clean::clean(t, &layout::paragraphs(t), BoilerplateRules::builtin()))
        .collect();
    bencher.counter(total_bytes(&texts)).bench(|| {
        let mut out = Vec::new();
        for (text, cleaned) in texts.iter().zip(&cleaned) {
            out.clear();
            for &region in cleaned.title.iter().chain(&cleaned.body) {
                segment::split_into(text, region, &mut out);
            }
            black_box(&out);
        }
    });
}

#[divan::bench]
fn find_quotes(bencher: Bencher) {
    let texts = articles();
    let analyses: Vec<_> = texts
        .iter()
        .map(|t| {
            let options = Options {
                quotes: false,
                ..Options::default()
            };
            analysis::analyze(t, &options)
        })
        .collect();
    bencher.counter(total_bytes(&texts)).bench(|| {
        for (text, a) in texts.iter().zip(&analyses) {
            let c = &a.cleaned;
            black_box(quotes::find(text, c.title, &c.body, &a.sentences));
        }
    });
}

#[divan::bench]
fn record_to_jsonl(bencher: Bencher) {
    let texts = articles();
    let analyses: Vec<_> = texts
        .iter()
        .map(|t| analysis::analyze(t, &Options::default()))
        .collect();
    bencher.counter(total_bytes(&texts)).bench(|| {
        for (text, a) in texts.iter().zip(&analyses) {
            let origin = Origin {
                source: "bench",
                id: None,
                warnings: &[],
            };
            let record = record::build(Mode::Analyze, origin, text, a, Offsets::Byte);
            black_box(serde_json::to_vec(&record).expect("serializes"));
        }
    });
}

#[divan::bench]
fn analyze_whole(bencher: Bencher) {
    let texts = articles();
    let options = Options::default();
    bencher.counter(total_bytes(&texts)).bench(|| {
        for text in &texts {
            black_box(analysis::analyze(text, &options));
        }
    });
}
