//! Japanese-aware matching: width and case folded (NFKC), white space ignored, so `IoT`,
//! `ＩｏＴ`, `iot` and the PDF artefact `I o T` all meet. Pure functions, tested natively.
//!
//! The search form is the converter's rule (`minutes_core::fold::search_form`) with the
//! viewer's NFKC ([`crate::nfkc`]: the browser's in the WASM); what is particular to
//! matching (highlight ranges, kana and Latin names) is here.

use crate::nfkc::nfkc;
use minutes_core::fold::search_form;

/// The search form of a query, as `minutes_core::normalize::normalize_for_search` gives
/// the paragraphs' `search` field: NFKC, lower case, no white space.
pub fn fold(text: &str) -> String {
    search_form(text, nfkc)
}

/// The search form of one character, with a fast path for the characters NFKC leaves as
/// they are (ASCII, kana, common kanji), so a paragraph is mapped without a call per char.
fn fold_char(c: char, out: &mut String) {
    match c {
        c if c.is_whitespace() => {}
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | '\u{4E00}'..='\u{9FFF}' => out.push(c),
        c => {
            let mut buf = [0u8; 4];
            out.push_str(&search_form(c.encode_utf8(&mut buf), nfkc));
        }
    }
}

/// Where any of the folded words occur in `text`, as byte ranges of the original text, in
/// order and without overlap: where two words' occurrences overlap (`IoT` and `IoT機器`),
/// one range covers both. Empty words match nothing.
pub fn find(text: &str, folded_words: &[&str]) -> Vec<(usize, usize)> {
    if folded_words.iter().all(|w| w.is_empty()) {
        return Vec::new();
    }
    // The folded text, and for each original char the range of folded bytes it became.
    let mut folded = String::with_capacity(text.len());
    let mut spans: Vec<(usize, usize, usize)> = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        let at = folded.len();
        fold_char(c, &mut folded);
        if folded.len() > at {
            spans.push((at, start, start + c.len_utf8()));
        }
    }
    let mut ranges = Vec::new();
    for (a, b) in occurrences(&folded, folded_words) {
        // The first original char that produced folded byte `a`, the last that produced `b - 1`.
        let first = spans.partition_point(|s| s.0 <= a).saturating_sub(1);
        let last = spans.partition_point(|s| s.0 < b).saturating_sub(1);
        if let (Some(f), Some(l)) = (spans.get(first), spans.get(last)) {
            push_merged(&mut ranges, (f.1, l.2));
        }
    }
    ranges
}

/// How many highlights the folded words make in a search form: their occurrences, with
/// overlapping ones counted once, as [`find`] draws them.
pub fn count(search_form: &str, folded_words: &[&str]) -> usize {
    occurrences(search_form, folded_words).len()
}

/// The byte ranges of `folded` where any of the words occur (each word's occurrences
/// without overlap), in order, overlapping ranges merged.
fn occurrences(folded: &str, words: &[&str]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for w in words.iter().filter(|w| !w.is_empty()) {
        found.extend(folded.match_indices(w).map(|(a, m)| (a, a + m.len())));
    }
    // One word's occurrences come in order already; several need sorting.
    if words.len() > 1 {
        found.sort_unstable();
    }
    let mut merged = Vec::with_capacity(found.len());
    for r in found {
        push_merged(&mut merged, r);
    }
    merged
}

/// Add `r` to ranges in order, joined to the last one when they overlap (ranges that
/// only touch stay two highlights, as a word found twice in a row always was).
fn push_merged(ranges: &mut Vec<(usize, usize)>, r: (usize, usize)) {
    match ranges.last_mut() {
        Some(last) if r.0 < last.1 => last.1 = last.1.max(r.1),
        _ => ranges.push(r),
    }
}

/// Fold a name for matching by kanji, reading or Latin script: search form, katakana as
/// hiragana (ムライ finds むらい), Latin diacritics dropped (Endo finds Endō).
pub fn fold_name(text: &str) -> String {
    fold(text)
        .chars()
        .filter_map(|c| match c {
            '\u{30A1}'..='\u{30F6}' => char::from_u32(c as u32 - 0x60),
            'ā' | 'â' => Some('a'),
            'ē' | 'ê' => Some('e'),
            'ī' | 'î' => Some('i'),
            'ō' | 'ô' => Some('o'),
            'ū' | 'û' => Some('u'),
            '\'' | '’' | '-' => None,
            c => Some(c),
        })
        .collect()
}

/// The keys a person's name is matched by, folded by [`fold_name`]: their name, reading
/// and Latin name, each whole and each of its parts (family and given names), and the
/// family name the minutes record. The meeting page and the series index use these same
/// keys, so a name finds the same person in both.
pub fn name_keys(a: &minutes_core::Attendee) -> Vec<String> {
    let mut keys = Vec::new();
    for name in [
        Some(&a.name),
        a.reading.as_ref(),
        a.latin.as_ref(),
        a.family_name.as_ref(),
    ]
    .into_iter()
    .flatten()
    {
        keys.push(fold_name(name));
        let parts: Vec<&str> = name
            .split([' ', '\u{3000}'])
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() > 1 {
            keys.extend(parts.iter().map(|p| fold_name(p)));
        }
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// A name query must say something: two characters, or one kanji (林 is a surname).
pub fn name_query_is_specific(q: &str) -> bool {
    let mut chars = q.chars();
    match (chars.next(), chars.next()) {
        (None, _) => false,
        (Some(c), None) => !c.is_ascii() && !('\u{3041}'..='\u{3096}').contains(&c),
        _ => true,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests {
    use super::*;

    fn marked(text: &str, query: &str) -> String {
        let mut out = String::new();
        let mut at = 0;
        for (a, b) in find(text, &[&fold(query)]) {
            out.push_str(&text[at..a]);
            out.push('[');
            out.push_str(&text[a..b]);
            out.push(']');
            at = b;
        }
        out.push_str(&text[at..]);
        out
    }

    #[test]
    fn iot_in_every_width_case_and_spacing() {
        let text = "IoTの進展。I o Tという新しい世界。ＩｏＴ機器。";
        for q in ["IoT", "ＩｏＴ", "iot", "I o T", "ｉｏｔ"] {
            assert_eq!(
                marked(text, q),
                "[IoT]の進展。[I o T]という新しい世界。[ＩｏＴ]機器。",
                "{q}"
            );
        }
    }

    #[test]
    fn japanese_phrase_across_full_width_digits() {
        assert_eq!(
            marked("２０２０年の東京大会", "2020年"),
            "[２０２０年]の東京大会"
        );
    }

    #[test]
    fn artefact_inside_a_word_is_bridged() {
        assert_eq!(marked("KDD I株式会社", "kddi"), "[KDD I]株式会社");
    }

    #[test]
    fn no_match_and_empty_query() {
        assert!(find("ログの保存", &[&fold("保険")]).is_empty());
        assert!(find("ログの保存", &[""]).is_empty());
        assert!(find("ログの保存", &[]).is_empty());
        assert!(find("", &["a"]).is_empty());
    }

    #[test]
    fn matches_do_not_overlap() {
        assert_eq!(marked("ああああ", "ああ"), "[ああ][ああ]");
        assert_eq!(count("ああああ", &["ああ"]), 2);
    }

    #[test]
    fn several_words_are_marked_in_order_and_overlaps_joined() {
        let text = "IoT機器の人材。人材とIoT。";
        let words = [fold("人材"), fold("IoT"), fold("IoT機器")];
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let ranges = find(text, &words);
        let marked: Vec<&str> = ranges.iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(marked, ["IoT機器", "人材", "人材", "IoT"]);
        assert_eq!(count(&fold(text), &words), ranges.len());
    }

    // Guards against the highlight landing mid-character when one source character folds
    // to several (㈱ → (株)).
    #[test]
    fn one_char_folding_to_many_is_marked_whole() {
        assert_eq!(marked("㈱イプシ", "株"), "[㈱]イプシ");
    }

    #[test]
    fn fold_matches_the_converters_search_form() {
        for text in [
            "I o T (Internet of Things)",
            "ＫＤＤＩ　株式会社",
            "JPCERT/CC、IPA",
            "ＩｏＴ　Ⅻ ΟΔΟΣ",
        ] {
            assert_eq!(
                fold(text),
                minutes_core::normalize::normalize_for_search(text)
            );
        }
    }

    #[test]
    fn names_fold_across_scripts() {
        assert_eq!(fold_name("Endō Kōichi"), "endokoichi");
        assert_eq!(fold_name("ムライ"), fold_name("むらい"));
        assert_eq!(fold_name("Yamaguchi Shun'ichi"), "yamaguchishunichi");
        assert_eq!(fold_name("村井 純"), "村井純");
    }
}
