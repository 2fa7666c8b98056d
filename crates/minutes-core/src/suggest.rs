//! Register entries for people the register does not know yet, ready to paste into
//! `data/people.json`: a slug, the name, and a reading and Latin name **suggested** from a
//! dictionary, to be confirmed by a person.
//!
//! The reading comes from MeCab with IPADIC (Debian's `mecab` and `mecab-ipadic-utf8`,
//! which `./dev setup` installs), run as a child process on the family and the given name
//! apart; a name part the dictionary does not know gets no reading rather than a guess. The
//! Latin name is the reading in Hepburn romaji (`wana_kana`). Where MeCab cannot be run,
//! the entry says so and leaves reading, Latin name and slug for the person to fill in.

use std::io::Write;
use std::process::{Command, Stdio};

use serde::Serialize;
use wana_kana::ConvertJapanese;

/// The program that gives readings.
pub const MECAB: &str = "mecab";

/// A ready-to-paste entry of the people register, with what is suggested marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The name as printed, spaces removed (the register's key).
    pub name: String,
    /// A slug from the suggested Latin name; empty when there is none.
    pub slug: String,
    /// The suggested reading in hiragana, family and given name a space apart.
    pub reading: Option<String>,
    /// The suggested Latin name, family name first.
    pub latin: Option<String>,
    /// Left for the person: the role in English.
    pub role_en: Option<String>,
}

/// Where the suggestion came from, in words for the person who confirms it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// MeCab's dictionary read every part of the name.
    Dictionary,
    /// MeCab's dictionary did not know these parts: fill them in.
    Partly(Vec<String>),
    /// MeCab could not be run (why): fill in reading, Latin name and slug.
    NoDictionary(String),
}

/// The entry for a printed name (family and given name a space apart) and how much of it
/// is a suggestion.
pub fn entry(printed_name: &str) -> (Entry, Source) {
    let parts: Vec<&str> = printed_name.split_whitespace().collect();
    let name: String = parts.concat();
    // What is left for the person to fill in when the dictionary cannot help.
    let blank = |name: String| Entry {
        name,
        slug: String::new(),
        reading: None,
        latin: None,
        role_en: None,
    };
    let readings = match readings(&parts) {
        Ok(r) => r,
        Err(why) => return (blank(name), Source::NoDictionary(why)),
    };
    let unknown: Vec<String> = parts
        .iter()
        .zip(&readings)
        .filter(|(_, r)| r.is_none())
        .map(|(p, _)| (*p).to_owned())
        .collect();
    if !unknown.is_empty() {
        return (blank(name), Source::Partly(unknown));
    }
    let kana: Vec<String> = readings.into_iter().flatten().collect();
    let latin: Vec<String> = kana.iter().map(|k| capitalised(&k.to_romaji())).collect();
    let slug = latin
        .iter()
        .map(|l| {
            l.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .collect::<Vec<_>>()
        .join("-");
    (
        Entry {
            name,
            slug,
            reading: Some(kana.join(" ")),
            latin: Some(latin.join(" ")),
            role_en: None,
        },
        Source::Dictionary,
    )
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The reading of each name part in hiragana, `None` for a part the dictionary does not
/// know; `Err` when MeCab cannot be run.
fn readings(parts: &[&str]) -> Result<Vec<Option<String>>, String> {
    // One part a line: MeCab analyses each line apart and ends each with EOS.
    let input = parts.join("\n") + "\n";
    let mut child = Command::new(MECAB)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {MECAB}: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(input.as_bytes())
            .map_err(|e| format!("{MECAB}: {e}"))?;
    }
    let out = child
        .wait_with_output()
        .map_err(|e| format!("{MECAB}: {e}"))?;
    if !out.status.success() {
        let why = String::from_utf8_lossy(&out.stderr);
        return Err(format!("{MECAB} failed: {}", why.trim()));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut result = Vec::new();
    let mut current = Some(String::new());
    for line in text.lines() {
        if line == "EOS" {
            result.push(current.take().filter(|r| !r.is_empty()));
            current = Some(String::new());
            continue;
        }
        // surface \t pos,pos1,pos2,pos3,conj,form,base,reading,pronunciation
        let reading = line
            .split_once('\t')
            .and_then(|(_, features)| features.split(',').nth(7))
            .filter(|r| *r != "*");
        match (reading, current.as_mut()) {
            (Some(r), Some(acc)) => acc.push_str(&hiragana(r)),
            // A word the dictionary does not know has no reading: the part gets none.
            _ => current = None,
        }
    }
    if result.len() != parts.len() {
        return Err(format!(
            "{MECAB} gave {} results for {} name parts",
            result.len(),
            parts.len()
        ));
    }
    Ok(result)
}

/// Katakana to hiragana: the two blocks are parallel in Unicode (ア U+30A2 → あ U+3042).
fn hiragana(katakana: &str) -> String {
    katakana
        .chars()
        .map(|c| match c {
            '\u{30A1}'..='\u{30F6}' => char::from_u32(u32::from(c) - 0x60).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn katakana_becomes_hiragana() {
        assert_eq!(hiragana("ムライ ジュン"), "むらい じゅん");
        assert_eq!(hiragana("コウイチロウー"), "こういちろうー");
    }

    #[test]
    fn latin_names_are_capitalised() {
        assert_eq!(capitalised("murai"), "Murai");
        assert_eq!(capitalised(""), "");
    }
}
