//! Turns the committed minutes JSON into the compact form the viewer embeds
//! (`minutes_core::compact`): a string table and a list of words, written as Rust statics
//! to `$OUT_DIR/minutes_data.rs`. The JSON is parsed here, on the build machine, so the
//! WASM carries no JSON parser and does no parsing at start-up. A file that is not valid
//! minutes stops the build with the reason.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

const DATA: &str = "data/cshq-001.json";

fn main() {
    println!("cargo:rerun-if-changed={DATA}");
    println!("cargo:rerun-if-changed=build.rs");
    let json =
        fs::read_to_string(DATA).unwrap_or_else(|e| fail(&format!("cannot read {DATA}: {e}")));
    let minutes: minutes_core::Minutes = serde_json::from_str(&json)
        .unwrap_or_else(|e| fail(&format!("{DATA} is not valid minutes JSON: {e}")));
    if minutes.schema_version != minutes_core::SCHEMA_VERSION {
        fail(&format!(
            "{DATA} is in format version {}; this viewer reads version {}",
            minutes.schema_version,
            minutes_core::SCHEMA_VERSION
        ));
    }
    let encoded = minutes_core::compact::encode(&minutes);
    let mut out = String::new();
    let _ = writeln!(out, "/// Every distinct string of the minutes.");
    let _ = writeln!(out, "static STRINGS: [&str; {}] = [", encoded.strings.len());
    for s in &encoded.strings {
        // `{:?}` writes a valid Rust string literal.
        let _ = writeln!(out, "    {s:?},");
    }
    let _ = writeln!(out, "];");
    let _ = writeln!(out, "/// The minutes' structure, referring into `STRINGS`.");
    let _ = writeln!(out, "static WORDS: [u32; {}] = [", encoded.words.len());
    for chunk in encoded.words.chunks(16) {
        let line: Vec<String> = chunk.iter().map(u32::to_string).collect();
        let _ = writeln!(out, "    {},", line.join(", "));
    }
    let _ = writeln!(out, "];");
    let dir = env::var("OUT_DIR").unwrap_or_else(|_| fail("cargo did not set OUT_DIR"));
    fs::write(Path::new(&dir).join("minutes_data.rs"), out)
        .unwrap_or_else(|e| fail(&format!("cannot write the compact minutes: {e}")));
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
