//! Data-driven tests: each `tests/data/NAME.txt` is converted and rendered as a readable
//! outline, which must equal `tests/data/NAME.expected`. After a deliberate change, run
//! `MINUTES_BLESS=1 cargo test -p minutes-core --features convert --test fixtures` and read
//! the diff of the `.expected` files before committing them.
#![cfg(feature = "convert")]

use std::fmt::Write as _;
use std::path::PathBuf;

use minutes_core::{Block, Parsed, Registry, parse};

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

/// The one helper: converts `input` and compares the outline with `expected`.
fn check(name: &str) {
    let input_path = data_dir().join(format!("{name}.txt"));
    let expected_path = data_dir().join(format!("{name}.expected"));
    let input = std::fs::read_to_string(&input_path)
        .unwrap_or_else(|e| panic!("{}: {e}", input_path.display()));
    let actual = outline(&parse(&input, &Registry::builtin()));
    if std::env::var_os("MINUTES_BLESS").is_some() {
        std::fs::write(&expected_path, &actual)
            .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        return;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name}: outline differs from {} at line {}\n--- expected\n{}\n--- actual\n{}\n\
             (if the change is intended: MINUTES_BLESS=1 cargo test -p minutes-core --features convert --test fixtures)",
            expected_path.display(),
            first + 1,
            expected.lines().nth(first).unwrap_or("<end>"),
            actual.lines().nth(first).unwrap_or("<end>"),
        );
    }
}

/// A compact, readable rendering of everything the converter decided.
fn outline(parsed: &Parsed) -> String {
    let mut o = String::new();
    match &parsed.minutes {
        None => o.push_str("no minutes\n"),
        Some(m) => {
            let _ = writeln!(
                o,
                "minutes {} | {} | {} | meeting {}",
                m.id, m.body, m.title, m.meeting_number
            );
            let d = &m.date;
            let _ = writeln!(
                o,
                "date {:?} | era {:?} {:?} | weekday {:?} | {:?} ~ {:?} | printed {:?}",
                d.date, d.era, d.era_year, d.weekday, d.start, d.end, d.printed
            );
            let _ = writeln!(o, "place {:?}", m.place);
            let _ = writeln!(o, "attendees (note {:?})", m.attendees_note);
            for a in &m.attendees {
                let offices: Vec<String> = a
                    .offices
                    .iter()
                    .map(|f| format!("{} [{}]", f.name, f.basis))
                    .collect();
                let _ = writeln!(
                    o,
                    "  {} | {} | family {:?} | {} | {:?} | latin {:?} | offices {}",
                    a.id,
                    a.name,
                    a.family_name,
                    a.role,
                    a.group,
                    a.latin,
                    offices.join("; ")
                );
            }
            for s in &m.sections {
                let _ = writeln!(o, "{} ({}) {}", s.id, s.number, s.title);
                for b in &s.blocks {
                    match b {
                        Block::Agenda(a) => {
                            let _ = writeln!(o, "  agenda {} {:?} 【{}】", a.id, a.kind, a.heading);
                            for i in &a.items {
                                let _ = writeln!(o, "    {} {}", i.id, i.text);
                            }
                        }
                        Block::Narrative(p) => {
                            let _ = writeln!(o, "  narrative {} L{}: {}", p.id, p.line, p.text);
                        }
                        Block::Speech(sp) => {
                            let _ = writeln!(
                                o,
                                "  speech {} speaker {:?} designation {}",
                                sp.id, sp.speaker, sp.designation
                            );
                            let _ = writeln!(o, "    attribution: {}", sp.attribution);
                            for p in &sp.paragraphs {
                                let _ = writeln!(o, "    {} L{}: {}", p.id, p.line, p.text);
                            }
                        }
                    }
                }
            }
            let _ = writeln!(o, "end {:?}", m.end_mark);
        }
    }
    o.push_str("diagnostics\n");
    for d in &parsed.diagnostics {
        let _ = writeln!(o, "  {d}");
    }
    o
}

// Variants of the series.

#[test]
fn every_bullet_and_paren_width_starts_a_speech() {
    check("bullets-and-parens");
}

#[test]
fn table_header_and_separator_rows_are_not_attendees() {
    check("attendees-table-with-header");
}

#[test]
fn attendees_one_per_line_with_ideographic_spaces() {
    check("attendees-one-per-line");
}

#[test]
fn page_number_lines_vanish_even_inside_a_split_paragraph() {
    check("page-numbers");
}

#[test]
fn heading_alone_on_its_line_and_deputy_from_the_document() {
    check("heading-alone-and-deputy");
}

#[test]
fn reiwa_gannen_full_width_date_and_kanji_meeting_number() {
    check("reiwa-gannen-kanji-number");
}

#[test]
fn parenthesis_at_paragraph_start_without_bullet_is_text() {
    check("paren-without-bullet-is-text");
}

#[test]
fn secretariat_speech_and_western_date() {
    check("secretariat-western-date");
}

// Malformed input: each must be reported on the right line, never panic.

#[test]
fn meeting_held_by_written_procedure_has_decisions_and_no_attendees() {
    check("written-procedure");
}

#[test]
fn empty_file_is_reported() {
    check("empty");
}

#[test]
fn missing_title_block_is_reported() {
    check("no-title");
}

#[test]
fn impossible_date_is_an_error() {
    check("bad-date");
}

#[test]
fn weekday_that_contradicts_the_date_is_an_error() {
    check("weekday-mismatch");
}

#[test]
fn speaker_missing_from_the_attendees_is_an_error() {
    check("unknown-speaker");
}

#[test]
fn two_experts_with_one_surname_are_not_guessed_between() {
    check("ambiguous-speaker");
}

#[test]
fn heading_with_unclosed_paren_is_an_error() {
    check("unclosed-heading");
}

#[test]
fn binary_garbage_is_reported_not_parsed() {
    check("binary-garbage");
}
