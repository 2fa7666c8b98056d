//! Checks the committed minutes JSON when the viewer is compiled: a file that is not valid
//! minutes, or cannot take the compact text form the page carries, stops the build with
//! the reason. The text form (`minutes_core::compact::to_text`) goes to
//! `$OUT_DIR/minutes-data.txt` for tests, which run without the page (`src/data.rs`); the
//! page gets its copy from `tools/postbuild.mjs`.

use std::env;
use std::fs;
use std::path::Path;

const DATA: &str = "data/cshq-001.json";

fn main() {
    println!("cargo:rerun-if-changed={DATA}");
    println!("cargo:rerun-if-changed=build.rs");
    let json =
        fs::read_to_string(DATA).unwrap_or_else(|e| fail(&format!("cannot read {DATA}: {e}")));
    // The same check and text form as `minutes --compact`, which writes the page's copy.
    let text = minutes_core::compact::text_of_json(&json)
        .unwrap_or_else(|e| fail(&format!("{DATA}: {e}")));
    let dir = env::var("OUT_DIR").unwrap_or_else(|_| fail("cargo did not set OUT_DIR"));
    fs::write(Path::new(&dir).join("minutes-data.txt"), text)
        .unwrap_or_else(|e| fail(&format!("cannot write the compact minutes: {e}")));
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
