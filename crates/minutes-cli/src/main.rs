//! `minutes`: reads the arguments, runs the conversion, exits with its code. See `lib.rs`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let code = match minutes_cli::parse_args(std::env::args().skip(1)) {
        Ok(command) => minutes_cli::run(
            &command,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        Err(usage_error) => {
            eprintln!("minutes: {usage_error}\n\n{}", minutes_cli::USAGE);
            2
        }
    };
    // Returned rather than passed to process::exit, so that standard output and error are
    // flushed and dropped as main ends. Codes are 0, 1 and 2; anything else would be a bug,
    // reported as a usage-level failure.
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}
