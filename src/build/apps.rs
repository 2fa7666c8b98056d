//! The site's two apps, each its own WASM that Trunk builds and names by its content
//! hash: the meeting pages' (`minutes-viewer`, `src/main.rs`) and every other page's
//! (`minutes-pages`, `src/bin/pages.rs`). A page loads only its own app, with the loader
//! this writes into its head; the service worker keeps a page with the app it loads.

use base64::Engine as _;
use sha2::{Digest, Sha384};

/// One app's two files, as Trunk wrote them: `<bin>-<hash>.js` and `<bin>-<hash>_bg.wasm`.
#[derive(Debug, Clone, PartialEq)]
pub struct AppFiles {
    /// The JavaScript glue's file name.
    pub script: String,
    /// Its content.
    pub script_bytes: Vec<u8>,
    /// The WASM's file name.
    pub wasm: String,
    /// Its content.
    pub wasm_bytes: Vec<u8>,
}

/// Both apps.
#[derive(Debug, Clone, PartialEq)]
pub struct Apps {
    /// The meeting pages'.
    pub meeting: AppFiles,
    /// Every other page's.
    pub pages: AppFiles,
}

/// The Cargo binaries of the two apps, as Trunk names their files.
pub const MEETING_BIN: &str = "minutes-viewer";
/// See [`MEETING_BIN`].
pub const PAGES_BIN: &str = "minutes-pages";

impl Apps {
    /// Both apps' files among `names` (a site folder's top-level files, `read` giving a
    /// file's content): exactly one pair per app, or an error that says what is missing
    /// or doubled and what to do.
    pub fn find(
        names: &[String],
        read: impl Fn(&str) -> Result<Vec<u8>, String>,
    ) -> Result<Apps, String> {
        let one = |bin: &str| -> Result<AppFiles, String> {
            let prefix = format!("{bin}-");
            let found: Vec<&String> = names
                .iter()
                .filter(|n| n.starts_with(&prefix) && n.ends_with("_bg.wasm"))
                .collect();
            let [wasm] = found.as_slice() else {
                return Err(format!(
                    "the site should hold one {bin}-<hash>_bg.wasm and holds {}: build it with \
                     `./dev build` (Trunk writes both apps)",
                    found.len()
                ));
            };
            let script = format!("{}.js", wasm.trim_end_matches("_bg.wasm"));
            Ok(AppFiles {
                script_bytes: read(&script)?,
                wasm_bytes: read(wasm)?,
                script,
                wasm: (*wasm).clone(),
            })
        };
        Ok(Apps {
            meeting: one(MEETING_BIN)?,
            pages: one(PAGES_BIN)?,
        })
    }

    /// Two apps of a few bytes each, named as Trunk names them, for tests.
    #[cfg(test)]
    pub(crate) fn sample() -> Apps {
        let names = ["minutes-viewer-a_bg.wasm", "minutes-pages-b_bg.wasm"].map(str::to_owned);
        Apps::find(&names, |n| Ok(n.as_bytes().to_vec())).expect("both apps are named")
    }

    /// Every file of both apps.
    pub fn files(&self) -> [(&str, &[u8]); 4] {
        let (m, p) = (&self.meeting, &self.pages);
        [
            (&m.script, &m.script_bytes),
            (&m.wasm, &m.wasm_bytes),
            (&p.script, &p.script_bytes),
            (&p.wasm, &p.wasm_bytes),
        ]
        .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
    }
}

impl AppFiles {
    /// The head lines that load this app, from the site's root (`./`; the template makes
    /// them relative to the page): Trunk's own loader, which starts the app and says so
    /// (`TrunkApplicationStarted`), and the preloads, with their integrity, that fetch the
    /// script and the WASM while the page is still being read. One line each, so that a
    /// rendered page read as the template again loses them whole (`template.rs`).
    pub fn loader(&self) -> String {
        let (script, wasm) = (&self.script, &self.wasm);
        format!(
            "<script type=\"module\">import init from './{script}';const wasm = await init({{ module_or_path: './{wasm}' }});dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {{detail: {{wasm}}}}));</script>\n    \
             <link rel=\"modulepreload\" href=\"./{script}\" crossorigin=\"anonymous\" integrity=\"{}\"><link rel=\"preload\" href=\"./{wasm}\" crossorigin=\"anonymous\" integrity=\"{}\" as=\"fetch\" type=\"application/wasm\">",
            integrity(&self.script_bytes),
            integrity(&self.wasm_bytes),
        )
    }
}

/// Subresource integrity, as Trunk writes it.
fn integrity(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn each_app_is_found_by_its_binary_s_name() {
        let apps = Apps::find(
            &names(&[
                "main.css",
                "minutes-pages-b2_bg.wasm",
                "minutes-viewer-a1.js",
                "minutes-viewer-a1_bg.wasm",
                "minutes-pages-b2.js",
            ]),
            |n| Ok(n.as_bytes().to_vec()),
        )
        .unwrap();
        assert_eq!(apps.meeting.script, "minutes-viewer-a1.js");
        assert_eq!(apps.meeting.wasm, "minutes-viewer-a1_bg.wasm");
        assert_eq!(apps.pages.wasm_bytes, b"minutes-pages-b2_bg.wasm");
        let loader = apps.pages.loader();
        assert!(
            loader.contains("import init from './minutes-pages-b2.js'"),
            "{loader}"
        );
        assert!(
            loader.contains("href=\"./minutes-pages-b2_bg.wasm\""),
            "{loader}"
        );
        assert_eq!(loader.lines().count(), 2);
    }

    #[test]
    fn a_missing_or_doubled_app_is_named() {
        let read = |n: &str| Ok(n.as_bytes().to_vec());
        let err = Apps::find(
            &names(&["minutes-viewer-a_bg.wasm", "minutes-viewer-a.js"]),
            read,
        )
        .unwrap_err();
        assert!(
            err.contains("one minutes-pages-<hash>_bg.wasm and holds 0"),
            "{err}"
        );
        let err = Apps::find(
            &names(&["minutes-viewer-a_bg.wasm", "minutes-viewer-b_bg.wasm"]),
            read,
        )
        .unwrap_err();
        assert!(err.contains("holds 2"), "{err}");
        let err = Apps::find(
            &names(&["minutes-viewer-a_bg.wasm", "minutes-pages-b_bg.wasm"]),
            |n| Err(format!("cannot read {n}")),
        )
        .unwrap_err();
        assert_eq!(err, "cannot read minutes-viewer-a.js");
    }
}
