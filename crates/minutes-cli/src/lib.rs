//! The `minutes` command: converts a published 議事概要 (its PDF, or a text extracted from
//! it) into the viewer's JSON, or checks a committed JSON against its source. `main.rs` only forwards the arguments and the exit code;
//! everything here is reachable from ordinary tests.
#![deny(missing_docs)]

use std::fmt::{self, Write as _};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use minutes_core::parse::Severity;
use minutes_core::{InputError, Registry, convert, to_json};

/// The usage text printed by `--help`.
pub const USAGE: &str = "\
minutes - convert a 議事概要 (meeting minutes) into the viewer's JSON

USAGE:
    minutes INPUT                        print the JSON to standard output
    minutes INPUT -o OUT.json            write the JSON to OUT.json (atomically)
    minutes INPUT --check OUT.json       exit 0 if OUT.json is what INPUT converts to now
    minutes --schema [-o PATH]           print (or write) the JSON Schema of the format

INPUT is the published PDF or a UTF-8 text extracted from it, told apart by content
(a PDF starts with %PDF-), not by name. A PDF's text is extracted with poppler's
pdftotext -layout (Debian: poppler-utils).

OPTIONS:
    -o, --output PATH   write to PATH instead of standard output
    --check PATH        compare PATH with the conversion instead of writing
    --source-url URL    the http(s) address the original is published at, recorded as
                        the minutes' source (the viewer links it as 出典)
    --people PATH       people register to use instead of the built-in data/people.json
    --topics PATH       topic list to use instead of the built-in data/topics.json
    --bodies PATH       table of bodies to use instead of the built-in data/bodies.json
    -h, --help          print this help

INPUT may also be the text pdftotext -layout extracts from a PDF (its pages ended by
form feeds): it converts as the PDF does, pages included.

After converting, standard error lists every speech (heading -> person, and how it was
resolved: by name, by office with its dated rule, or the secretariat) and, for each
attendee not in the people register, an entry ready to paste into data/people.json with
a reading and Latin name suggested by MeCab's dictionary, to be confirmed.

The converter never overwrites a file that holds another meeting (another id): -o and
--check refuse it and name the file the meeting belongs in.

Diagnostics go to standard error as INPUT:LINE: error|warning: message. For a PDF they
read INPUT:LINE: page N: error|warning: message, where LINE counts the lines of the text
that pdftotext -layout extracts (pdftotext -layout INPUT.pdf - shows it) and N is the
printed page.

EXIT CODES:
    0   converted (warnings only), or --check found the file up to date
    1   the input has errors (nothing is written), or --check found a difference
    2   usage error, or a file could not be read or written: missing, not UTF-8 text,
        or a PDF that is encrypted, damaged or a scan without text (nothing is written)
";

/// What to do with the conversion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Print the JSON to standard output.
    Stdout,
    /// Write the JSON to this file.
    Write(PathBuf),
    /// Compare this file with the conversion.
    Check(PathBuf),
}

/// The parsed command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Print the usage text.
    Help,
    /// Print or write the JSON Schema.
    Schema {
        /// `-o`, if given.
        output: Option<PathBuf>,
    },
    /// Convert `input`.
    Convert {
        /// The 議事概要 text.
        input: PathBuf,
        /// Where the JSON goes.
        mode: Mode,
        /// `--people`, if given.
        people: Option<PathBuf>,
        /// `--topics`, if given.
        topics: Option<PathBuf>,
        /// `--bodies`, if given.
        bodies: Option<PathBuf>,
        /// `--source-url`, if given.
        source_url: Option<String>,
    },
}

/// Why the arguments do not make a command. `main` prints it with the usage text and exits
/// with 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsageError {
    /// An option that takes a path (named here) came last.
    MissingPath(String),
    /// `--source-url` came last.
    MissingUrl,
    /// `--source-url` with something that is not an `http://` or `https://` address.
    NotWebUrl(String),
    /// Two of `-o` and `--check`, or one of them twice.
    SeveralOutputs,
    /// An option the command does not know.
    UnknownOption(String),
    /// A second input file (named here).
    SecondInput(String),
    /// No input file.
    NoInput,
    /// `--schema` with an input file or `--check`.
    SchemaWithInput,
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UsageError::MissingPath(option) => write!(f, "{option} needs a path"),
            UsageError::MissingUrl => f.write_str("--source-url needs a URL"),
            UsageError::NotWebUrl(url) => write!(
                f,
                "--source-url {url}: give the web address the PDF is published at (http:// or https://); the viewer links no other kind"
            ),
            UsageError::SeveralOutputs => f.write_str("give only one of -o and --check"),
            UsageError::UnknownOption(option) => write!(f, "unknown option {option}"),
            UsageError::SecondInput(arg) => {
                write!(f, "unexpected argument {arg}: give one input file")
            }
            UsageError::NoInput => f.write_str("no input file given"),
            UsageError::SchemaWithInput => {
                f.write_str("--schema takes no input file and no --check")
            }
        }
    }
}

impl std::error::Error for UsageError {}

/// A file that could not be read or written, and why: the command exits with 2.
#[derive(Debug)]
pub enum FileError {
    /// The file could not be read.
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        error: io::Error,
    },
    /// The file is a PDF whose text cannot be extracted.
    Pdf {
        /// The file.
        path: PathBuf,
        /// Why, and what to do about it.
        error: minutes_core::PdfError,
    },
    /// The file is not UTF-8 text.
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// The byte offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// The file (or the temporary file that replaces it) could not be written.
    Write {
        /// The file.
        path: PathBuf,
        /// What the system said.
        error: io::Error,
    },
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Read { path, error } => {
                write!(f, "{}: cannot read: {error}", path.display())
            }
            FileError::Pdf { path, error } => {
                write!(f, "{}: {error}; nothing written", path.display())
            }
            FileError::NotUtf8 { path, offset } => write!(
                f,
                "{}: not valid UTF-8 at byte offset {offset}",
                path.display()
            ),
            FileError::Write { path, error } => {
                write!(f, "{}: cannot write: {error}", path.display())
            }
        }
    }
}

impl std::error::Error for FileError {}

/// Reads the arguments (without the program name).
pub fn parse_args<I: IntoIterator<Item = String>>(args: I) -> Result<Command, UsageError> {
    let mut input = None;
    let mut mode = Mode::Stdout;
    let mut people = None;
    let mut topics = None;
    let mut bodies = None;
    let mut source_url = None;
    let mut schema = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .map(PathBuf::from)
                .ok_or_else(|| UsageError::MissingPath(name.to_owned()))
        };
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-o" | "--output" => {
                if mode != Mode::Stdout {
                    return Err(UsageError::SeveralOutputs);
                }
                mode = Mode::Write(value(&arg)?);
            }
            "--check" => {
                if mode != Mode::Stdout {
                    return Err(UsageError::SeveralOutputs);
                }
                mode = Mode::Check(value(&arg)?);
            }
            "--schema" => schema = true,
            "--people" => people = Some(value(&arg)?),
            "--topics" => topics = Some(value(&arg)?),
            "--bodies" => bodies = Some(value(&arg)?),
            "--source-url" => {
                let url = args.next().ok_or(UsageError::MissingUrl)?;
                // The viewer links the original only when it is a web address (anything
                // else in the JSON could be `javascript:`); refusing here says so at once,
                // rather than recording a source that no reader will see.
                let web = ["https://", "http://"].iter().any(|scheme| {
                    url.get(..scheme.len())
                        .is_some_and(|p| p.eq_ignore_ascii_case(scheme))
                });
                if !web {
                    return Err(UsageError::NotWebUrl(url));
                }
                source_url = Some(url);
            }
            s if s.starts_with('-') && s.len() > 1 => {
                return Err(UsageError::UnknownOption(arg));
            }
            _ if input.is_some() => return Err(UsageError::SecondInput(arg)),
            _ => input = Some(PathBuf::from(arg)),
        }
    }
    if schema {
        return match (input, mode) {
            (None, Mode::Stdout) => Ok(Command::Schema { output: None }),
            (None, Mode::Write(path)) => Ok(Command::Schema { output: Some(path) }),
            _ => Err(UsageError::SchemaWithInput),
        };
    }
    let input = input.ok_or(UsageError::NoInput)?;
    Ok(Command::Convert {
        input,
        mode,
        people,
        topics,
        bodies,
        source_url,
    })
}

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

/// The id of the meeting a JSON file holds, if it holds one.
fn meeting_id(bytes: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    value.get("id")?.as_str().map(str::to_owned)
}

/// What an existing file at `path` holds instead of meeting `id`: another meeting's id, or
/// a note that it is not minutes at all. `None` when the path is free or holds `id`.
fn other_meeting(path: &Path, id: &str) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    match meeting_id(&bytes) {
        Some(other) if other == id => None,
        Some(other) => Some(other),
        None => Some("a file that is not a meeting's minutes".to_owned()),
    }
}

/// The file for meeting `id` in the folder of `path`.
fn beside(path: &Path, id: &str) -> PathBuf {
    path.with_file_name(format!("{id}.json"))
}

/// What a person checks after converting: every speech as heading → person, and how it was
/// resolved; then the attendees the register does not know, each with an entry to paste.
pub fn summary(minutes: &minutes_core::Minutes) -> String {
    let mut out = format!(
        "{}: speeches, heading → speaker (how):
",
        minutes.id
    );
    for section in &minutes.sections {
        for block in &section.blocks {
            let minutes_core::Block::Speech(sp) = block else {
                continue;
            };
            let (who, how) = match &sp.speaker {
                Some(id) => {
                    let name = minutes
                        .attendees
                        .iter()
                        .find(|a| &a.id == id)
                        .map_or(id.as_str(), |a| a.name.as_str());
                    // A heading that is an office alone (本部長) was resolved through the
                    // body's rule for it; any other names the person.
                    let by_office = minutes
                        .attendees
                        .iter()
                        .filter(|a| &a.id == id)
                        .flat_map(|a| &a.offices)
                        .any(|o| o.name == sp.designation.trim());
                    (name.to_owned(), if by_office { "office" } else { "name" })
                }
                None => ("the secretariat".to_owned(), "secretariat"),
            };
            let _ = writeln!(
                out,
                "  {}  （{}） → {who}  [{how}: {}]",
                sp.id, sp.designation, sp.attribution
            );
        }
    }
    let new: Vec<&minutes_core::Attendee> = minutes
        .attendees
        .iter()
        .filter(|a| a.reading.is_none() && a.latin.is_none() && a.id.starts_with("attendee-"))
        .collect();
    if !new.is_empty() {
        let _ = writeln!(
            out,
            "{} attendee{} not in the people register; entries for data/people.json:",
            new.len(),
            if new.len() == 1 { " is" } else { "s are" }
        );
        for a in new {
            let (entry, source) = minutes_core::suggest::entry(&a.name);
            let note = match source {
                minutes_core::suggest::Source::Dictionary => {
                    "reading and latin suggested by MeCab's IPADIC: confirm them".to_owned()
                }
                minutes_core::suggest::Source::Partly(parts) => format!(
                    "MeCab's dictionary does not know {}: fill in slug, reading and latin",
                    parts.join(", ")
                ),
                minutes_core::suggest::Source::NoDictionary(why) => format!(
                    "no dictionary ({why}; ./dev setup installs mecab and mecab-ipadic-utf8): fill in slug, reading and latin"
                ),
            };
            let json = serde_json::to_string(&entry).unwrap_or_default();
            let _ = writeln!(
                out,
                "  {json}
    ({}, {}: {note})",
                a.id, a.role
            );
        }
    }
    out
}

fn fail(err: &mut dyn Write, message: &dyn fmt::Display, code: i32) -> i32 {
    let _ = writeln!(err, "{message}");
    code
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, FileError> {
    std::fs::read(path).map_err(|error| FileError::Read {
        path: path.to_owned(),
        error,
    })
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename, so
/// that readers never see a partial file and a failed write leaves the old file in place.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    result.map_err(|error| {
        // Best effort: the write already failed, and that is the error worth reporting.
        let _ = std::fs::remove_file(&temp);
        FileError::Write {
            path: path.to_owned(),
            error,
        }
    })
}

/// Compares a committed file with a fresh conversion. `None` when they are identical;
/// otherwise the first differing JSON path and both values, or a note that only the
/// formatting differs.
pub fn check(existing: &[u8], fresh: &str) -> Option<String> {
    if existing == fresh.as_bytes() {
        return None;
    }
    let old: serde_json::Value = match serde_json::from_slice(existing) {
        Ok(v) => v,
        Err(e) => return Some(format!("the file is not valid JSON ({e})")),
    };
    let new: serde_json::Value = match serde_json::from_str(fresh) {
        Ok(v) => v,
        Err(e) => return Some(format!("the conversion is not valid JSON ({e})")),
    };
    Some(
        first_difference("$", &old, &new)
            .unwrap_or_else(|| "same data, different formatting".to_owned()),
    )
}

/// The first place where two JSON values differ, as `path: file has X, conversion gives Y`.
pub fn first_difference(
    path: &str,
    old: &serde_json::Value,
    new: &serde_json::Value,
) -> Option<String> {
    use serde_json::Value;
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, va) in a {
                let p = format!("{path}.{k}");
                match b.get(k) {
                    Some(vb) => {
                        if let Some(d) = first_difference(&p, va, vb) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{p}: the conversion has no such field")),
                }
            }
            b.keys()
                .find(|k| !a.contains_key(*k))
                .map(|k| format!("{path}.{k}: missing from the file"))
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, (va, vb)) in a.iter().zip(b).enumerate() {
                if let Some(d) = first_difference(&format!("{path}[{i}]"), va, vb) {
                    return Some(d);
                }
            }
            (a.len() != b.len()).then(|| {
                format!(
                    "{path}: the file has {} entries, the conversion {}",
                    a.len(),
                    b.len()
                )
            })
        }
        _ if old == new => None,
        _ => {
            let mut s = String::new();
            let _ = write!(
                s,
                "{path}: the file has {}, the conversion gives {}",
                short(old),
                short(new)
            );
            Some(s)
        }
    }
}

fn short(v: &serde_json::Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 80 {
        format!("{}…", s.chars().take(80).collect::<String>())
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Command, UsageError> {
        parse_args(list.iter().map(|s| (*s).to_owned()))
    }

    #[test]
    fn arguments() {
        assert_eq!(args(&["--help"]), Ok(Command::Help));
        assert_eq!(
            args(&["in.txt", "-o", "out.json", "--people", "p.json"]),
            Ok(Command::Convert {
                input: "in.txt".into(),
                mode: Mode::Write("out.json".into()),
                people: Some("p.json".into()),
                topics: None,
                bodies: None,
                source_url: None,
            })
        );
        assert_eq!(args(&[]), Err(UsageError::NoInput));
        assert_eq!(
            args(&["a", "b"]),
            Err(UsageError::SecondInput("b".to_owned()))
        );
        assert_eq!(
            args(&["a", "-o"]),
            Err(UsageError::MissingPath("-o".to_owned()))
        );
        assert_eq!(
            args(&["a", "-o", "x", "--check", "y"]),
            Err(UsageError::SeveralOutputs)
        );
        assert_eq!(
            args(&["a", "--frobnicate"]),
            Err(UsageError::UnknownOption("--frobnicate".to_owned()))
        );
        assert_eq!(args(&["--schema", "a"]), Err(UsageError::SchemaWithInput));
        assert_eq!(
            args(&["a.pdf", "--source-url", "https://example.org/a.pdf"]),
            Ok(Command::Convert {
                input: "a.pdf".into(),
                mode: Mode::Stdout,
                people: None,
                topics: None,
                bodies: None,
                source_url: Some("https://example.org/a.pdf".to_owned()),
            })
        );
        assert_eq!(
            args(&["a.pdf", "--source-url"]),
            Err(UsageError::MissingUrl)
        );
        for not_web in ["gijigaiyo.pdf", "file:///tmp/a.pdf", "javascript:alert(1)"] {
            assert_eq!(
                args(&["a.pdf", "--source-url", not_web]),
                Err(UsageError::NotWebUrl(not_web.to_owned()))
            );
        }
    }

    #[test]
    fn usage_errors_say_what_to_do() {
        assert_eq!(
            UsageError::MissingPath("--people".to_owned()).to_string(),
            "--people needs a path"
        );
        assert_eq!(
            UsageError::SecondInput("b".to_owned()).to_string(),
            "unexpected argument b: give one input file"
        );
    }

    #[test]
    fn a_missing_file_is_a_read_error_that_names_it() {
        let path = Path::new("/nonexistent/minutes.txt");
        let e = read_bytes(path);
        assert!(
            matches!(&e, Err(FileError::Read { path: p, .. }) if p == path),
            "{e:?}"
        );
        assert!(e.is_err_and(|e| {
            e.to_string()
                .starts_with("/nonexistent/minutes.txt: cannot read: ")
        }));
    }

    #[test]
    fn first_difference_names_the_path() {
        let a = serde_json::json!({"sections": [{"title": "討議", "n": 1}]});
        let b = serde_json::json!({"sections": [{"title": "討 議", "n": 1}]});
        assert_eq!(
            first_difference("$", &a, &b),
            Some(
                "$.sections[0].title: the file has \"討議\", the conversion gives \"討 議\""
                    .to_owned()
            )
        );
        assert_eq!(first_difference("$", &a, &a), None);
        let c = serde_json::json!({"sections": []});
        assert_eq!(
            first_difference("$", &a, &c),
            Some("$.sections: the file has 1 entries, the conversion 0".to_owned())
        );
    }

    #[test]
    fn formatting_only_difference_is_reported() {
        assert_eq!(
            check(b"{\"a\":1}", "{\n  \"a\": 1\n}\n"),
            Some("same data, different formatting".to_owned())
        );
        assert_eq!(check(b"{\n  \"a\": 1\n}\n", "{\n  \"a\": 1\n}\n"), None);
    }
}
