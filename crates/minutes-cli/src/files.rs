//! Reading the input and writing the output: atomically, and never over another meeting.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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

pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, FileError> {
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

/// The id of the meeting a JSON file holds, if it holds one.
pub(crate) fn meeting_id(bytes: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    value.get("id")?.as_str().map(str::to_owned)
}

/// What an existing file at `path` holds instead of meeting `id`: another meeting's id, or
/// a note that it is not minutes at all. `None` when the path is free or holds `id`.
pub(crate) fn other_meeting(path: &Path, id: &str) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    match meeting_id(&bytes) {
        Some(other) if other == id => None,
        Some(other) => Some(other),
        None => Some("a file that is not a meeting's minutes".to_owned()),
    }
}

/// The file for meeting `id` in the folder of `path`.
pub(crate) fn beside(path: &Path, id: &str) -> PathBuf {
    path.with_file_name(format!("{id}.json"))
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
