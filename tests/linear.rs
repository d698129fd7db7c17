//! Cost grows linearly with input (DESIGN.md): 200,000 quotation marks in a row, in
//! one paragraph that is one long sentence (the shape that once made the quote
//! stage rescan the paragraph per quotation), finish, and ten times the marks cost
//! nowhere near a hundred times the time (issue 5). The ratio is generous so that a
//! busy machine cannot fail it.

use copydesk::quotes;
use copydesk::span::Span;
use std::time::{Duration, Instant};

const MARKS: usize = 200_000;

/// Finds the quotations of one paragraph of `unit` repeated until it holds `marks`
/// quotation marks, with no sentence breaks; returns the time taken.
fn run(unit: &str, marks: usize) -> Duration {
    let per_unit = unit.matches(['"', '\'', '“', '”']).count();
    let text = unit.repeat(marks / per_unit);
    let body = [Span::new(0, text.len())];
    let start = Instant::now();
    let found = quotes::find(&text, None, &body, &body);
    let elapsed = start.elapsed();
    for quote in &found.quotes {
        assert!(text.get(quote.span.start..quote.span.end).is_some());
    }
    elapsed
}

#[test]
fn issue5_quote_marks_in_a_row_take_linear_time() {
    for unit in ["\"a,\" he said ", "'", "“”", "\"x “y” z\" ", "\" “x” "] {
        let small = run(unit, MARKS / 10);
        let large = run(unit, MARKS);
        // linear: about 10x; quadratic would be about 100x
        assert!(
            large < small * 40 + Duration::from_millis(500),
            "{unit:?}: {small:?} for {} marks, {large:?} for {MARKS}",
            MARKS / 10
        );
    }
}
