//! `minutes`: reads the arguments, runs the conversion, exits with its code. See `lib.rs`.

fn main() {
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
    std::process::exit(code);
}
