//! Exit codes, in one place, as `diff` and ripgrep use them.

use std::process::ExitCode;

/// How a copydesk run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Everything went well (also: the reader closed the pipe early).
    Ok = 0,
    /// `check` found at least one difference.
    Differences = 1,
    /// A usage error, or some input could not be read or analyzed.
    Failure = 2,
}

impl Exit {
    /// The numeric exit status.
    pub fn code(self) -> u8 {
        self as u8
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit.code())
    }
}
