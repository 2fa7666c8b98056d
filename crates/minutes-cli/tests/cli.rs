//! The `minutes` binary as a user runs it: exit codes, files written or not, messages.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_minutes"))
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed() -> PathBuf {
    repo().join("crates/minutes-core/tests/data/seed-cshq-001.txt")
}

fn run(args: &[&Path]) -> Output {
    bin()
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run minutes: {e}"))
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("minutes-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn seed_to_stdout_is_the_committed_json() {
    let o = run(&[&seed()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let committed = std::fs::read(repo().join("data/minutes/cshq-001.json")).unwrap_or_default();
    assert!(
        o.stdout == committed,
        "stdout differs from data/minutes/cshq-001.json"
    );
    assert!(o.stdout.ends_with(b"}\n"), "trailing newline");
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("サイバーセキュリティ戦略本部"),
        "UTF-8 is not escaped"
    );
    assert!(
        diagnostics(&o).is_empty(),
        "no diagnostics on the seed: {}",
        stderr(&o)
    );
    // The summary a person checks: every speech, heading → person, and how.
    let summary = stderr(&o);
    assert!(
        summary.contains("cshq-001: speeches, heading → speaker (how):"),
        "{summary}"
    );
    assert!(
        summary.contains("（本部長） → 菅 義偉  [office: "),
        "{summary}"
    );
    assert!(
        summary.contains("（中谷本部員） → 中谷 和弘  [name: "),
        "{summary}"
    );
    let speeches = summary.lines().filter(|l| l.starts_with("  sec-")).count();
    assert_eq!(speeches, 14, "one line per speech: {summary}");
}

/// The diagnostic lines of a run (the summary aside).
fn diagnostics(o: &Output) -> Vec<String> {
    stderr(o)
        .lines()
        .filter(|l| l.contains(": error: ") || l.contains(": warning: "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn check_passes_on_the_committed_json_and_fails_on_an_edit() {
    let o = run(&[
        &seed(),
        Path::new("--check"),
        &repo().join("data/minutes/cshq-001.json"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    let dir = scratch("check");
    let edited = dir.join("edited.json");
    let text =
        std::fs::read_to_string(repo().join("data/minutes/cshq-001.json")).unwrap_or_default();
    std::fs::write(&edited, text.replacen("総理大臣官邸2階小ホール", "官邸", 1))
        .unwrap_or_default();
    let o = run(&[&seed(), Path::new("--check"), &edited]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(
            "$.place: the file has \"官邸\", the conversion gives \"総理大臣官邸2階小ホール\""
        ),
        "{}",
        stderr(&o)
    );
}

#[test]
fn output_file_is_written_whole() {
    let dir = scratch("write");
    let out = dir.join("out.json");
    let o = run(&[&seed(), Path::new("-o"), &out]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(&out).ok(),
        std::fs::read(repo().join("data/minutes/cshq-001.json")).ok()
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
}

#[test]
fn errors_write_nothing_and_exit_1() {
    let dir = scratch("errors");
    let input = dir.join("bad.txt");
    let seed_text = std::fs::read_to_string(seed()).unwrap_or_default();
    std::fs::write(
        &input,
        seed_text.replacen("平成27年2月10日(火)", "平成27年2月10日(水)", 1),
    )
    .unwrap_or_default();
    let out = dir.join("out.json");
    let o = run(&[&input, Path::new("-o"), &out]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.exists(), "no output on error");
    let err = stderr(&o);
    assert!(
        err.contains(&format!("{}:8: error: ", input.display())),
        "INPUT:LINE: error: message: {err}"
    );
    assert!(err.contains("but the document prints (水)"), "{err}");
}

#[test]
fn bad_utf8_names_the_byte_offset_and_exits_2() {
    let dir = scratch("utf8");
    let input = dir.join("latin1.txt");
    std::fs::write(&input, b"abc\xff\xfe").unwrap_or_default();
    let o = run(&[&input]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(&format!(
            "{}: not valid UTF-8 at byte offset 3",
            input.display()
        )),
        "{}",
        stderr(&o)
    );
}

#[test]
fn missing_file_exits_2_with_the_path() {
    let o = run(&[Path::new("/nonexistent/minutes.txt")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("/nonexistent/minutes.txt: cannot read"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn people_override_changes_ids_and_bad_register_exits_2() {
    let dir = scratch("people");
    let people = dir.join("people.json");
    std::fs::write(
        &people,
        r#"{"people": [{"name": "村井純", "slug": "jun-murai"}]}"#,
    )
    .unwrap_or_default();
    let o = run(&[&seed(), Path::new("--people"), &people]);
    // Everyone else is now missing from the register: warnings, not errors.
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"id\": \"sec-2-jun-murai\""));
    assert!(stderr(&o).contains(": warning: 安倍 晋三 is not in the people register"));

    std::fs::write(&people, "{").unwrap_or_default();
    let o = run(&[&seed(), Path::new("--people"), &people]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("invalid JSON"), "{}", stderr(&o));
}

#[test]
fn help_and_usage_errors() {
    let o = bin()
        .arg("--help")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("USAGE"));
    let o = bin().output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no input file given"));
}

#[test]
fn schema_option_prints_the_committed_schema() {
    let o = bin()
        .arg("--schema")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout == std::fs::read(repo().join("data/minutes.schema.json")).unwrap_or_default());
}

/// The generated test PDFs (`node tools/test-pdfs.mjs`, run by `./dev test`). Missing PDFs
/// fail the test loudly rather than skip it.
fn pdf(name: &str) -> PathBuf {
    let dir = std::env::var_os("MINUTES_TEST_PDFS")
        .map_or_else(|| repo().join("target/test-pdfs"), PathBuf::from);
    let path = dir.join(name);
    assert!(
        path.is_file(),
        "\n\nTHE TEST PDFs ARE MISSING: no {}.\nMake them with `node tools/test-pdfs.mjs` (./dev test does it before the cargo tests).\n",
        path.display()
    );
    path
}

#[test]
fn a_pdf_converts_with_pages_and_its_source() {
    let dir = scratch("pdf");
    let out = dir.join("cshq-001.json");
    let url = "https://www.nisc.go.jp/council/cs/dai01/gijigaiyo.pdf";
    let o = run(&[
        &pdf("page-cut.pdf"),
        Path::new("--source-url"),
        Path::new(url),
        Path::new("-o"),
        &out,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(diagnostics(&o).is_empty(), "no diagnostics: {}", stderr(&o));
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out).unwrap_or_default()).unwrap_or_default();
    assert_eq!(json["source"]["url"], url);
    assert_eq!(json["source"]["format"], "pdf");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(pdf("manifest.json")).unwrap_or_default())
            .unwrap_or_default();
    let first = &json["sections"][0]["blocks"][0]["paragraphs"][0];
    assert_eq!(first["id"], "sec-1-abe-shinzo-p1");
    assert_eq!(
        first["page"],
        manifest["page-cut"]["paragraphs"]["sec-1-abe-shinzo-p1"][0]
    );
    // --check compares against the same PDF, and fails against the text's JSON.
    let o = run(&[
        &pdf("page-cut.pdf"),
        Path::new("--source-url"),
        Path::new(url),
        Path::new("--check"),
        &out,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&[
        &pdf("page-cut.pdf"),
        Path::new("--check"),
        &repo().join("data/minutes/cshq-001.json"),
    ]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn input_is_told_apart_by_content_not_by_name() {
    let dir = scratch("sniff");
    // A PDF named .txt is read as a PDF, and text named .pdf as text.
    let disguised_pdf = dir.join("minutes.txt");
    std::fs::copy(pdf("one-column.pdf"), &disguised_pdf).unwrap_or_default();
    let o = run(&[&disguised_pdf]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"format\": \"pdf\""));
    let disguised_text = dir.join("minutes.pdf");
    std::fs::copy(seed(), &disguised_text).unwrap_or_default();
    let o = run(&[&disguised_text]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"format\": \"text\""));
}

#[test]
fn diagnostics_from_a_pdf_name_line_and_page() {
    let o = run(&[&pdf("not-minutes.pdf")]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let shown = pdf("not-minutes.pdf").display().to_string();
    assert!(
        err.contains(&format!("{shown}:1: page 1: error: ")),
        "{err}"
    );
    assert!(err.contains("nothing written"), "{err}");
}

#[test]
fn bad_pdfs_say_why_write_nothing_and_exit_2() {
    let dir = scratch("bad-pdf");
    for (name, words) in [
        ("scan.pdf", &["no text layer", "scan", "OCR"][..]),
        ("encrypted.pdf", &["encrypted", "password"][..]),
        ("truncated.pdf", &["damaged"][..]),
    ] {
        let out = dir.join(format!("{name}.json"));
        let o = run(&[&pdf(name), Path::new("-o"), &out]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stderr(&o));
        assert!(!out.exists(), "{name}: nothing written");
        let err = stderr(&o);
        for w in words {
            assert!(err.contains(w), "{name}: {w:?} in {err}");
        }
        assert!(err.contains("nothing written"), "{name}: {err}");
    }
}

#[test]
fn random_bytes_after_the_pdf_magic_never_panic() {
    // Guards the PDF path against inputs that are PDFs in name only.
    let dir = scratch("fuzz-pdf");
    let whole = std::fs::read(pdf("two-column-attendees.pdf")).unwrap_or_default();
    let mut cases: Vec<Vec<u8>> = vec![b"%PDF-".to_vec(), b"%PDF-1.7\n%%EOF".to_vec()];
    for k in 1..8 {
        // Every k-th byte flipped, keeping the header and the end marker.
        let mut bytes = whole.clone();
        let end = bytes.len().saturating_sub(8);
        for i in (1024..end).step_by(997 * k) {
            bytes[i] ^= 0x5a;
        }
        cases.push(bytes);
    }
    for (k, bytes) in cases.iter().enumerate() {
        let input = dir.join(format!("case-{k}.pdf"));
        let out = dir.join(format!("case-{k}.json"));
        std::fs::write(&input, bytes).unwrap_or_default();
        let o = run(&[&input, Path::new("-o"), &out]);
        assert!(
            matches!(o.status.code(), Some(0..=2)),
            "case {k}: {:?} {}",
            o.status,
            stderr(&o)
        );
        assert!(!stderr(&o).contains("panicked"), "case {k}: {}", stderr(&o));
        if o.status.code() != Some(0) {
            assert!(!out.exists(), "case {k}: nothing written on failure");
        }
    }
}

// The 2025 body's first meeting is numbered 1 again: it must never replace the seed's file,
// and --check must not suggest a command that would.
#[test]
fn another_meetings_file_is_never_overwritten() {
    let dir = scratch("overwrite");
    let seed_json = dir.join("cshq-001.json");
    let committed = std::fs::read(repo().join("data/minutes/cshq-001.json")).unwrap_or_default();
    std::fs::write(&seed_json, &committed).unwrap_or_else(|e| panic!("{e}"));
    let reorganised = repo().join("crates/minutes-core/tests/layouts/cshq-2025-001.txt");
    let o = run(&[&reorganised, Path::new("-o"), &seed_json]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("holds another meeting (cshq-001), not cshq-2025-001"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("cshq-2025-001.json"),
        "names the right file: {}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read(&seed_json).unwrap_or_default(),
        committed,
        "nothing written"
    );
    let o = run(&[&reorganised, Path::new("--check"), &seed_json]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!stderr(&o).contains("regenerate with"), "{}", stderr(&o));
    // Its own file is written, and the summary says how each speech was resolved.
    let own = dir.join("cshq-2025-001.json");
    let o = run(&[&reorganised, Path::new("-o"), &own]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("（本部長） → 石破 茂  [office: "),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("（国家サイバー統括室） → the secretariat  [secretariat: "),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("not in the people register; entries for data/people.json:"),
        "{}",
        stderr(&o)
    );
}

// New people get a register entry to paste: with MeCab's dictionary (./dev setup installs
// it) a suggested reading and Latin name, marked to confirm; without it, blanks and a line
// saying so, never a reading made up.
#[test]
fn new_people_get_entries_with_readings_suggested_or_left_blank() {
    let input = repo().join("crates/minutes-core/tests/layouts/cshq-2025-001.txt");
    let o = run(&[&input]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(r#"{"name":"石破茂","slug":"ishiba-shigeru","reading":"いしば しげる","latin":"Ishiba Shigeru","role_en":null}"#),
        "{err}"
    );
    assert!(
        err.contains("suggested by MeCab's IPADIC: confirm them"),
        "{err}"
    );
    // 村井 純 is in the register: no entry for him.
    assert!(!err.contains(r#""name":"村井純""#), "{err}");

    let empty = scratch("no-mecab");
    let o = bin()
        .arg(&input)
        .env("PATH", &empty)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(r#"{"name":"石破茂","slug":"","reading":null,"latin":null,"role_en":null}"#),
        "{err}"
    );
    assert!(err.contains("no dictionary (cannot run mecab"), "{err}");
}
