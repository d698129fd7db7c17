//! The whole pipeline on arbitrary bytes: decode as a scraped file would be, analyze,
//! build the record for every subcommand, and check every span against the text.
#![no_main]

use copydesk::analysis::{Options, analyze};
use copydesk::config::{Mode, Offsets};
use copydesk::decode::{Decoded, decode};
use copydesk::record::{Origin, build};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Decoded::Text { text, .. } = decode(data.to_vec()) else {
        return;
    };
    for keep_boilerplate in [false, true] {
        let options = Options {
            keep_boilerplate,
            ..Options::default()
        };
        let analysis = analyze(&text, &options);
        for mode in [Mode::Analyze, Mode::Clean, Mode::Sentences, Mode::Quotes] {
            let origin = Origin {
                source: "fuzz",
                id: None,
                warnings: &[],
            };
            let record = build(mode, origin, &text, &analysis, Offsets::Byte);
            for sentence in record.sentences.iter().flatten() {
                assert_eq!(&text[sentence.start..sentence.end], sentence.text);
            }
            for quote in record.quotes.iter().flatten() {
                assert_eq!(&text[quote.start..quote.end], quote.text);
            }
            serde_json::to_vec(&record).expect("a record always serializes");
        }
    }
});
