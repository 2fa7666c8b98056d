//! What the converter is given: the bytes of a file, told apart by their content (a PDF
//! starts with `%PDF-`, whatever its name), the PDF's text extracted with poppler's
//! `pdftotext -layout`, and the [`Source`] the minutes record (the file's SHA-256 and, when
//! given, the URL of the original).
//!
//! Extraction runs `pdftotext` (Debian's `poppler-utils`, which `./dev setup` installs) as a
//! child process, reading the PDF from standard input. It was chosen over the Rust crates
//! `pdf-extract` and `lopdf` because those return CJK radicals (U+2F00–U+2FDF, U+2E80–U+2EFF)
//! in place of common kanji (⽇ for 日, ⻑ for 長) on PDFs whose fonts map both to one glyph,
//! and put every printed line on a line of its own with no trace of the layout; the
//! measurements are in `bench/RESULTS.md`.

use std::fmt;
use std::io::Write;
use std::process::{Command, Stdio};

use sha2::{Digest, Sha256};

use crate::model::{Source, SourceFormat};
use crate::parse::{Parsed, parse, parse_pdf_text};
use crate::registry::Registry;

/// The program that extracts a PDF's text.
pub const PDFTOTEXT: &str = "pdftotext";

/// Whether the bytes are a PDF: `%PDF-` within the first 1024 bytes, where PDF readers
/// look for it (some files carry a few bytes of junk before it).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Why a PDF's text could not be had. Each message says what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// `pdftotext` is not installed (or could not be run).
    NoExtractor(String),
    /// The PDF is encrypted and opening it needs a password.
    Encrypted,
    /// The PDF is damaged: cut short, or not readable as a PDF; with what poppler said.
    Damaged(String),
    /// The PDF has pages but no text on any of them: a scan.
    NoText {
        /// How many pages it has.
        pages: usize,
    },
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::NoExtractor(why) => write!(
                f,
                "cannot run {PDFTOTEXT} ({why}): install poppler-utils (./dev setup does), or convert a text extracted from the PDF"
            ),
            PdfError::Encrypted => f.write_str(
                "the PDF is encrypted and needs a password to open: decrypt it first (qpdf --password=PASSWORD --decrypt in.pdf out.pdf) and convert the result",
            ),
            PdfError::Damaged(why) => write!(
                f,
                "the PDF is damaged ({why}): download it again"
            ),
            PdfError::NoText { pages } => write!(
                f,
                "the PDF has no text layer on {}: it is a scan (pictures of the pages). Run OCR on it first (for example ocrmypdf -l jpn in.pdf out.pdf), check the recognised text, and convert the result",
                if *pages == 1 {
                    "its one page".to_owned()
                } else {
                    format!("any of its {pages} pages")
                }
            ),
        }
    }
}

impl std::error::Error for PdfError {}

/// Why the input could not be read at all (as opposed to read with errors, which are
/// diagnostics in the [`Parsed`] result).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// Not a PDF, and not UTF-8 text: the byte offset of the first byte that is not UTF-8.
    NotUtf8 {
        /// The offset.
        offset: usize,
    },
    /// A PDF whose text could not be extracted.
    Pdf(PdfError),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotUtf8 { offset } => write!(
                f,
                "neither a PDF nor valid UTF-8 text: not UTF-8 at byte offset {offset}"
            ),
            InputError::Pdf(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for InputError {}

/// The text of a PDF as `pdftotext -layout` extracts it: the pages in order, each ended by a
/// form feed.
pub fn extract_text(pdf: &[u8]) -> Result<String, PdfError> {
    // A PDF ends with `%%EOF` (readers allow some bytes after it). Without it the file was
    // cut short, and poppler would still extract the pages it can find: minutes with their
    // end missing.
    let tail = &pdf[pdf.len().saturating_sub(1024)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(PdfError::Damaged(
            "it does not end with %%EOF: cut short?".to_owned(),
        ));
    }
    let mut child = Command::new(PDFTOTEXT)
        .args(["-layout", "-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| PdfError::NoExtractor(e.to_string()))?;
    // Feed standard input from another thread: pdftotext may fill its output pipe before it
    // has read all of its input.
    let mut stdin = child.stdin.take();
    let bytes = pdf.to_vec();
    let writer = std::thread::spawn(move || {
        if let Some(stdin) = stdin.as_mut() {
            // A PDF that pdftotext gives up on closes the pipe early: its exit says why.
            let _ = stdin.write_all(&bytes);
        }
    });
    let output = child
        .wait_with_output()
        .map_err(|e| PdfError::NoExtractor(e.to_string()))?;
    let _ = writer.join();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        if stderr.contains("password") {
            return Err(PdfError::Encrypted);
        }
        let first = stderr
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("pdftotext could not read it");
        return Err(PdfError::Damaged(first.to_owned()));
    }
    let text = String::from_utf8(output.stdout)
        .map_err(|_| PdfError::Damaged("pdftotext gave text that is not UTF-8".to_owned()))?;
    if text.chars().all(|c| c.is_whitespace()) {
        return Err(PdfError::NoText {
            pages: text.matches('\u{c}').count().max(1),
        });
    }
    Ok(text)
}

/// SHA-256 of the bytes, in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Converts a file's bytes: a PDF through [`extract_text`] and
/// [`parse_pdf_text`](crate::parse::parse_pdf_text), a UTF-8 text with form feeds (the text
/// `pdftotext -layout` gives) through `parse_pdf_text` too, and any other UTF-8 text through
/// [`parse`]. The minutes record the file as their [`Source`], with `url` when given.
pub fn convert(bytes: &[u8], url: Option<&str>, registry: &Registry) -> Result<Parsed, InputError> {
    let (mut parsed, format) = if is_pdf(bytes) {
        let text = extract_text(bytes).map_err(InputError::Pdf)?;
        (parse_pdf_text(&text, registry), SourceFormat::Pdf)
    } else {
        let text = std::str::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
            offset: e.valid_up_to(),
        })?;
        // A text with form feeds is a PDF's text as `pdftotext -layout` gives it: it takes
        // the PDF's path, so that it converts to the same minutes, pages included.
        let parsed = if text.contains('\u{c}') {
            parse_pdf_text(text, registry)
        } else {
            parse(text, registry)
        };
        (parsed, SourceFormat::Text)
    };
    if let Some(m) = &mut parsed.minutes {
        m.source = Some(Source {
            url: url.map(str::to_owned),
            format,
            sha256: sha256_hex(bytes),
        });
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_is_known_by_its_magic_not_its_name() {
        assert!(is_pdf(b"%PDF-1.7\n..."));
        assert!(is_pdf(b"\xef\xbb\xbf%PDF-1.4"), "junk before the header");
        assert!(!is_pdf("サイバーセキュリティ戦略本部 %PDF".as_bytes()));
        assert!(!is_pdf(b""));
        let mut late = vec![b' '; 1100];
        late.extend_from_slice(b"%PDF-1.7");
        assert!(!is_pdf(&late), "only the first 1024 bytes count");
    }

    #[test]
    fn sha256_of_known_input() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn a_pdf_cut_short_is_damaged_before_extraction() {
        assert!(matches!(
            extract_text(b"%PDF-1.7\n1 0 obj\n<<"),
            Err(PdfError::Damaged(_))
        ));
    }

    #[test]
    fn text_that_is_not_utf8_names_the_offset() {
        assert_eq!(
            convert(b"abc\xff", None, &Registry::builtin()),
            Err(InputError::NotUtf8 { offset: 3 })
        );
    }
}
