//! The command line: the usage text, the commands it makes and why arguments can make none.

use std::fmt;
use std::path::PathBuf;

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
}
