//! The 2 場所 part: where the meeting took place, as printed.

use super::Diags;
use super::parts::{Part, Parts};

/// The place, its lines joined with spaces; empty, with a warning, when the part is missing
/// or empty (the minutes are sound without it).
pub(crate) fn read(parts: &Parts<'_>, diags: &mut Diags) -> String {
    let Some(part) = parts.get(Part::Place) else {
        diags.warning(
            parts.first_heading().no,
            "no 2 場所 part: the place is left empty".to_owned(),
        );
        return String::new();
    };
    match part.text() {
        Some((place, _)) => place,
        None => {
            diags.warning(part.heading.no, "2 場所 is empty".to_owned());
            String::new()
        }
    }
}
