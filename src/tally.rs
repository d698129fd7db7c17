//! Accounting for a run: what was found, analyzed, skipped and failed, the one-line
//! summary at the end, and the progress bar on a terminal.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// Counts of one run. Every document found ends up in exactly one of the other three.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Documents found: files, or records of JSON Lines inputs.
    pub found: usize,
    /// Documents with a result.
    pub analyzed: usize,
    /// Documents left out on purpose: binary, or over `--max-bytes`.
    pub skipped: usize,
    /// Documents that could not be read or parsed.
    pub failed: usize,
    /// Bytes of text analyzed.
    pub bytes: u64,
}

impl Tally {
    /// The summary line: counts, time and throughput.
    pub fn summary(&self, elapsed: Duration) -> String {
        let seconds = elapsed.as_secs_f64();
        let megabytes = self.bytes as f64 / 1e6;
        let rate = if seconds > 0.0 {
            megabytes / seconds
        } else {
            0.0
        };
        format!(
            "copydesk: {} found: {} analyzed, {} skipped, {} failed; {megabytes:.1} MB in {seconds:.2} s ({rate:.1} MB/s)",
            self.found, self.analyzed, self.skipped, self.failed
        )
    }
}

/// A progress bar on stderr when it is a terminal; otherwise nothing at all.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
}

impl Progress {
    /// A bar over `total` documents (a spinner when unknown), shown only when `wanted`
    /// and stderr is a terminal.
    pub fn new(wanted: bool, total: Option<usize>) -> Progress {
        let shown = wanted && std::io::stderr().is_terminal();
        let bar = shown.then(|| {
            let (bar, template) = match total {
                Some(total) => (
                    ProgressBar::new(total as u64),
                    "{bar:30} {pos}/{len} documents, {elapsed} (eta {eta}) {msg}",
                ),
                None => (
                    ProgressBar::no_length(),
                    "{spinner} {pos} documents, {elapsed} {msg}",
                ),
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
        }
    }

    /// One more document done.
    pub fn advance(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Prints `message` on stderr without tearing the bar.
    pub fn say(&self, message: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{message}")),
            None => eprintln!("{message}"),
        }
    }

    /// Removes the bar and returns the time since the run started.
    pub fn finish(&self) -> Duration {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        self.started.elapsed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_line() {
        let tally = Tally {
            found: 5,
            analyzed: 3,
            skipped: 1,
            failed: 1,
            bytes: 2_500_000,
        };
        assert_eq!(
            tally.summary(Duration::from_millis(500)),
            "copydesk: 5 found: 3 analyzed, 1 skipped, 1 failed; 2.5 MB in 0.50 s (5.0 MB/s)"
        );
    }
}
