//! The `minutes` command: converts a published 議事概要 (its PDF, or a text extracted from
//! it) into the viewer's JSON, or checks a committed JSON against its source: arguments in
//! `args.rs`, files in `files.rs`, `--check` in `check.rs`, the summary in `summary.rs`.
//! `main.rs` only forwards the arguments and the exit code;
//! everything here is reachable from ordinary tests.
#![deny(missing_docs)]

mod args;
mod check;
mod files;
mod summary;

use std::fmt;
use std::io::Write;

use minutes_core::parse::Severity;
use minutes_core::{InputError, Registry, convert, to_json};

pub use args::{Command, Mode, USAGE, UsageError, parse_args};
pub use check::{check, first_difference};
pub use files::{FileError, write_atomically};
use files::{beside, meeting_id, other_meeting, read_bytes};
pub use summary::summary;

/// Runs a command, writing the JSON to `out` and messages to `err`; returns the exit code.
pub fn run(command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (input, mode, people, topics, bodies, source_url) = match command {
        Command::Help => {
            return if out.write_all(USAGE.as_bytes()).is_ok() {
                0
            } else {
                2
            };
        }
        Command::Schema { output } => {
            let text = minutes_core::schema::json_schema_text();
            return match output {
                None => match out.write_all(text.as_bytes()) {
                    Ok(()) => 0,
                    Err(e) => fail(err, &format!("cannot write to standard output: {e}"), 2),
                },
                Some(path) => match write_atomically(path, text.as_bytes()) {
                    Ok(()) => 0,
                    Err(e) => fail(err, &e, 2),
                },
            };
        }
        Command::Convert {
            input,
            mode,
            people,
            topics,
            bodies,
            source_url,
        } => (input, mode, people, topics, bodies, source_url.as_deref()),
    };
    let registry = match Registry::load(people.as_deref(), topics.as_deref(), bodies.as_deref()) {
        Ok(r) => r,
        Err(e) => return fail(err, &e, 2),
    };
    let parsed = match read_bytes(input).and_then(|bytes| {
        convert(&bytes, source_url, &registry).map_err(|e| match e {
            InputError::NotUtf8 { offset } => FileError::NotUtf8 {
                path: input.clone(),
                offset,
            },
            InputError::Pdf(error) => FileError::Pdf {
                path: input.clone(),
                error,
            },
        })
    }) {
        Ok(p) => p,
        Err(e) => return fail(err, &e, 2),
    };
    let shown = input.display();
    for d in &parsed.diagnostics {
        let page = d.page.map(|p| format!(" page {p}:")).unwrap_or_default();
        // Best effort: a closed stderr must not turn a good conversion into a failure.
        let _ = writeln!(
            err,
            "{shown}:{}:{page} {}: {}",
            d.line, d.severity, d.message
        );
    }
    let errors = parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let minutes = match (&parsed.minutes, errors) {
        (Some(m), 0) => m,
        _ => {
            let message = format!(
                "{shown}: {} error{}; nothing written",
                errors.max(1),
                if errors == 1 { "" } else { "s" }
            );
            return fail(err, &message, 1);
        }
    };
    let _ = write!(err, "{}", summary(minutes));
    let json = to_json(minutes);
    match mode {
        Mode::Stdout => match out.write_all(json.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => 0,
            Err(e) => fail(err, &format!("cannot write to standard output: {e}"), 2),
        },
        Mode::Write(path) => {
            if let Some(other) = other_meeting(path, &minutes.id) {
                let message = format!(
                    "{}: holds another meeting ({other}), not {}; nothing written. Write this one to its own file: -o {}",
                    path.display(),
                    minutes.id,
                    beside(path, &minutes.id).display()
                );
                return fail(err, &message, 1);
            }
            match write_atomically(path, json.as_bytes()) {
                Ok(()) => 0,
                Err(e) => fail(err, &e, 2),
            }
        }
        Mode::Check(path) => {
            let existing = match read_bytes(path) {
                Ok(bytes) => bytes,
                Err(e) => return fail(err, &e, 2),
            };
            if let Some(other) = meeting_id(&existing).filter(|id| *id != minutes.id) {
                let message = format!(
                    "{}: holds another meeting ({other}); {shown} converts to {}, which belongs in {}",
                    path.display(),
                    minutes.id,
                    beside(path, &minutes.id).display()
                );
                return fail(err, &message, 1);
            }
            match check(&existing, &json) {
                None => 0,
                Some(difference) => {
                    let message = format!(
                        "{}: differs from the conversion of {shown}: {difference}\nregenerate with: minutes {shown}{} -o {}",
                        path.display(),
                        source_url
                            .map(|u| format!(" --source-url {u}"))
                            .unwrap_or_default(),
                        path.display()
                    );
                    fail(err, &message, 1)
                }
            }
        }
    }
}

fn fail(err: &mut dyn Write, message: &dyn fmt::Display, code: i32) -> i32 {
    let _ = writeln!(err, "{message}");
    code
}
