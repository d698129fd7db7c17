//! The `copydesk` binary: parse the command line, run, exit.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = copydesk::cli::Cli::parse_with_default_command();
    copydesk::app::run(cli).into()
}
