//! The search form's rule, in one place for the converter and the viewer: NFKC, then each
//! character lowered on its own by `char::to_lowercase` (no final-sigma rule, so `Σ` is
//! always `σ`), then white space removed. `ＩｏＴ`, `I o T` and `IoT` all become `iot`.
//!
//! The rule takes NFKC as a function because each side has its own: the converter the
//! `unicode-normalization` crate, the viewer in the browser `String.prototype.normalize`
//! (so that the WASM ships no normalisation tables).

/// The search form of `text`, with `nfkc` giving its NFKC form.
pub fn search_form(text: &str, nfkc: impl FnOnce(&str) -> String) -> String {
    nfkc(text)
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowers_each_character_and_drops_white_space() {
        // An identity "NFKC" shows what the rule itself does.
        let same = |t: &str| t.to_owned();
        assert_eq!(search_form("I o T ΟΔΟΣ", same), "iotοδοσ");
        assert_eq!(search_form("", same), "");
    }
}
