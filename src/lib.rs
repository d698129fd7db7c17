//! copydesk: cleans scraped news articles, splits them into sentences and finds who
//! said what, with every result a span into the input exactly as read.
//!
//! ```
//! use copydesk::analysis::{analyze, Options};
//!
//! let text = "Council backs plan\n\n\"We will build it,\" the mayor said on Monday.\n\nShare on Facebook\n";
//! let analysis = analyze(text, &Options::default());
//! let quote = &analysis.quotations.quotes[0];
//! assert_eq!(quote.span.slice(text), "We will build it,");
//! assert_eq!(quote.speaker.as_ref().unwrap().span.slice(text), "the mayor");
//! assert_eq!(analysis.cleaned.removed[0].span.slice(text), "Share on Facebook");
//! ```
#![deny(missing_docs)]

pub mod analysis;
pub mod app;
pub mod batch;
pub mod byte_scan;
pub mod check;
pub mod clean;
pub mod cli;
pub mod config;
pub mod decode;
pub mod exit;
pub mod input;
pub mod layout;
pub mod output;
pub mod quotes;
pub mod record;
pub mod rule_set;
pub mod rules;
pub mod segment;
pub mod span;
pub mod tally;
