//! Text normalisation shared by the parser, the topic tagger and search.
//!
//! Published minutes mix full-width and half-width forms (`（` and `(`, `１` and `1`) and PDF
//! conversion scatters spaces (`I o T`). Comparison therefore happens on normalised forms,
//! while the data keeps the text as printed.

use unicode_normalization::UnicodeNormalization;

/// The search form of a text: NFKC, lower case, all white space removed.
///
/// `Paragraph::search` holds this form of `Paragraph::text`, topic terms are matched in it,
/// and a viewer normalises a query the same way before looking it up, so that `ＩｏＴ`,
/// `I o T` and `iot` all find each other.
pub fn normalize_for_search(text: &str) -> String {
    crate::fold::search_form(text, nfkc)
}

/// NFKC with white space removed, case kept: the form in which names, roles and speaker
/// designations are compared (`情報通信技術（IT）政策担当大臣` equals
/// `情報通信技術(I T)政策担当大臣`).
pub fn compact(text: &str) -> String {
    let mut out = nfkc(text);
    out.retain(|c| !c.is_whitespace());
    out
}

/// Kanji printed in a variant form in names (髙橋 for 高橋, 﨑 for 崎), with the common form
/// that the same name takes elsewhere in one document. NFKC leaves them apart.
const VARIANTS: &[(char, char)] = &[
    ('髙', '高'),
    ('﨑', '崎'),
    ('嵜', '崎'),
    ('德', '徳'),
    ('邊', '辺'),
    ('邉', '辺'),
    ('齋', '斎'),
    ('齊', '斉'),
    ('濵', '浜'),
    ('濱', '浜'),
    ('澤', '沢'),
    ('𠮷', '吉'),
    ('廣', '広'),
    ('國', '国'),
    ('櫻', '桜'),
    ('眞', '真'),
    ('惠', '恵'),
];

/// A compared name with its variant kanji in their common form, so that a heading that
/// prints 高橋 finds the attendee listed as 髙橋 清孝. Used only to compare: the data keeps
/// the name as printed, and a heading that fits two people after folding is refused as
/// ambiguous like any other.
pub(crate) fn fold_variants(text: &str) -> String {
    text.chars()
        .map(|c| {
            VARIANTS
                .iter()
                .find(|(v, _)| *v == c)
                .map_or(c, |(_, common)| *common)
        })
        .collect()
}

/// NFKC, with a fast path for the characters that make up nearly all of a Japanese text.
///
/// Printable ASCII, kana, the common CJK ideographs and punctuation are left unchanged by
/// NFKC, and no composition takes them as its second character; so a run of them can be
/// copied as it is, as long as its last character is not followed by a combining mark
/// (which a non-stable neighbour might be). Everything else goes through the full
/// algorithm, run by run. The test `fast_nfkc_equals_nfkc` checks the equivalence.
///
/// The fast path is for the property tests (`tests/fuzz.rs`): they parse thousands of
/// documents in a debug build, where the full algorithm on every compared line was most of
/// their time.
pub(crate) fn nfkc(text: &str) -> String {
    fn stable(c: char) -> bool {
        matches!(c,
            ' '..='~'
            | '\u{3001}'..='\u{3002}'
            | '\u{3005}'
            | '\u{300C}'..='\u{300F}'
            | '\u{3041}'..='\u{3096}'
            | '\u{30A1}'..='\u{30FC}'
            | '\u{4E00}'..='\u{9FFF}')
    }
    let mut out = String::with_capacity(text.len());
    let mut run_start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_stable = chars.peek().is_none_or(|(_, n)| stable(*n));
        if stable(c) && next_stable {
            if let Some(s) = run_start.take() {
                out.extend(text[s..i].nfkc());
            }
            out.push(c);
        } else if run_start.is_none() {
            run_start = Some(i);
        }
    }
    if let Some(s) = run_start {
        out.extend(text[s..].nfkc());
    }
    out
}

/// Parses a number written with ASCII or full-width digits (`12`, `１２`) or with simple
/// kanji numerals (`十二`, `二十七`, `百`), as in 第十二回 or 平成二十七年. `元` (the first year
/// of an era) is not a number here; the date parser handles it.
pub fn parse_japanese_number(text: &str) -> Option<u32> {
    let digits = compact(text);
    if digits.is_empty() {
        return None;
    }
    if digits.chars().all(|c| c.is_ascii_digit()) {
        return digits.parse().ok();
    }
    parse_kanji_number(&digits)
}

/// Kanji numerals up to 9999: positional (`二〇一五`) or with the multipliers 十, 百, 千.
fn parse_kanji_number(text: &str) -> Option<u32> {
    fn digit(c: char) -> Option<u32> {
        Some(match c {
            '〇' | '零' => 0,
            '一' => 1,
            '二' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    }
    let has_multiplier = text.chars().any(|c| matches!(c, '十' | '百' | '千'));
    if !has_multiplier {
        // Positional form, e.g. 二〇一五.
        let mut value: u32 = 0;
        for c in text.chars() {
            value = value.checked_mul(10)?.checked_add(digit(c)?)?;
        }
        return Some(value);
    }
    let mut total = 0;
    let mut pending: Option<u32> = None;
    let mut last_unit = u32::MAX;
    for c in text.chars() {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                if pending.is_some() {
                    return None;
                }
                pending = Some(digit(c)?);
                continue;
            }
        };
        // Units must fall (千 before 百 before 十), or 十十 would be read as 20.
        if unit >= last_unit {
            return None;
        }
        last_unit = unit;
        total += pending.take().unwrap_or(1) * unit;
    }
    Some(total + pending.unwrap_or(0))
}

/// Whether a character is one of the list markers that the minutes put before agenda items
/// and speech headings (`-`, `・`, `*`, `○` and close relatives).
pub(crate) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '-' | '－'
            | '・'
            | '･'
            | '*'
            | '＊'
            | '○'
            | '〇'
            | '◯'
            | '●'
            | '◎'
            | '◇'
            | '◆'
            | '■'
            | '□'
            | '•'
            | '‐'
            | '−'
    )
}

/// Removes leading list markers and the white space between them (`- ・ 本部の…` →
/// `本部の…`). Returns the rest and whether any marker was there.
pub(crate) fn strip_bullets(line: &str) -> (&str, bool) {
    let mut rest = line.trim_start();
    let mut found = false;
    while let Some(c) = rest.chars().next() {
        if is_bullet(c) {
            found = true;
            rest = rest[c.len_utf8()..].trim_start();
        } else {
            break;
        }
    }
    (rest, found)
}

/// Whether a character opens a parenthesis (half- or full-width).
pub(crate) fn is_open_paren(c: char) -> bool {
    matches!(c, '(' | '（')
}

/// Whether a character closes a parenthesis (half- or full-width).
pub(crate) fn is_close_paren(c: char) -> bool {
    matches!(c, ')' | '）')
}

/// For a text that starts with an opening parenthesis, the byte index of the matching
/// closing one, counting nested pairs of either width. `None` when it is never closed.
pub(crate) fn matching_close(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        if is_open_paren(c) {
            depth += 1;
        } else if is_close_paren(c) {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn fast_nfkc_equals_nfkc(text in "[a-zA-Z0-9 （）()ｱ-ﾝかがか\u{3099}\u{309A}ﾞﾟ①ｶﾞ〜～ー・。、「」㍻㌔é\u{0301}e\u{0300}本部員大臣平成\u{F900}\u{2F00}]{0,40}") {
            let expected: String = text.nfkc().collect();
            proptest::prop_assert_eq!(nfkc(&text), expected);
        }
    }

    #[test]
    fn fast_nfkc_on_the_seed() {
        let seed = include_str!("../tests/data/seed-cshq-001.txt");
        assert_eq!(nfkc(seed), seed.nfkc().collect::<String>());
    }

    #[test]
    fn search_form_joins_pdf_spaced_letters() {
        assert_eq!(normalize_for_search("I o T"), "iot");
        assert_eq!(normalize_for_search("ＩｏＴ　の時代"), "iotの時代");
        assert_eq!(normalize_for_search("KDD I株式会社"), "kddi株式会社");
    }

    #[test]
    fn compact_equates_full_and_half_width_roles() {
        assert_eq!(
            compact("情報通信技術（IT）政策担当大臣"),
            compact("情報通信技術(I T)政策担当大臣")
        );
    }

    #[test]
    fn numbers_in_every_printed_form() {
        assert_eq!(parse_japanese_number("1"), Some(1));
        assert_eq!(parse_japanese_number("１２"), Some(12));
        assert_eq!(parse_japanese_number("十二"), Some(12));
        assert_eq!(parse_japanese_number("二十七"), Some(27));
        assert_eq!(parse_japanese_number("十"), Some(10));
        assert_eq!(parse_japanese_number("百五"), Some(105));
        assert_eq!(parse_japanese_number("二〇一五"), Some(2015));
        assert_eq!(parse_japanese_number("十十"), None);
        assert_eq!(parse_japanese_number("元"), None);
        assert_eq!(parse_japanese_number(""), None);
        assert_eq!(parse_japanese_number("99999999999999"), None);
    }

    #[test]
    fn bullets_are_stripped_in_any_combination() {
        assert_eq!(strip_bullets("- ・ 本部の運営"), ("本部の運営", true));
        assert_eq!(
            strip_bullets("○（小野寺本部員）"),
            ("（小野寺本部員）", true)
        );
        assert_eq!(strip_bullets("本文"), ("本文", false));
    }

    #[test]
    fn nested_parentheses_of_both_widths_match() {
        let s = "（山口情報通信技術（IT）政策担当大臣（副本部長））後";
        let end = matching_close(s).unwrap_or(0);
        assert_eq!(&s[end..], "）後");
        assert_eq!(matching_close("（未完"), None);
    }
}
