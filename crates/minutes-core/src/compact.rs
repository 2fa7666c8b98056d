//! A compact form of [`Minutes`] for embedding in a program at build time: every distinct
//! string once in a table, and the structure as a flat list of `u32` words. Decoding it is
//! a short loop over the words, with none of a JSON parser's code or work; the viewer's
//! build script encodes the committed JSON, and the viewer decodes it once at start-up.
//!
//! Each type writes and reads its fields in the same order, side by side in one
//! [`Compact`] impl, and the round trip is tested on the committed minutes.
//!
//! [`to_text`] and [`from_text`] carry the encoded form as one string, for a page to hold
//! it as data rather than a program as code.

use std::collections::HashMap;
use std::fmt;

use crate::model::*;

/// The encoded minutes: the string table and the words that refer into it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Encoded {
    /// Every distinct string, each once.
    pub strings: Vec<String>,
    /// The structure: counts, numbers, tags and string indices.
    pub words: Vec<u32>,
}

/// Why encoded minutes could not be read (they do not come from [`encode`], or from
/// another version of it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(String);

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DecodeError {}

/// Encode `minutes`.
pub fn encode(minutes: &Minutes) -> Encoded {
    let mut w = Writer::default();
    minutes.put(&mut w);
    Encoded {
        strings: w.strings,
        words: w.words,
    }
}

/// Decode what [`encode`] wrote. Never panics: a short, corrupt or mismatched input is an
/// error.
pub fn decode<S: AsRef<str>>(strings: &[S], words: &[u32]) -> Result<Minutes, DecodeError> {
    let mut r = Reader {
        strings,
        words,
        at: 0,
    };
    let minutes = Minutes::take(&mut r)?;
    if r.at != words.len() {
        return Err(DecodeError(format!(
            "{} words left over after the minutes",
            words.len() - r.at
        )));
    }
    Ok(minutes)
}

/// Between two strings of the text form (U+001F, unit separator).
const STRING_SEPARATOR: char = '\u{1f}';
/// Between the strings and the words of the text form (U+001E, record separator).
const PART_SEPARATOR: char = '\u{1e}';

/// The text form of a minutes JSON document, or why there is none: not minutes JSON, another
/// format version ([`crate::SCHEMA_VERSION`]), or a string the text form cannot carry.
#[cfg(feature = "json")]
pub fn text_of_json(json: &str) -> Result<String, String> {
    let minutes: Minutes =
        serde_json::from_str(json).map_err(|e| format!("not minutes JSON: {e}"))?;
    if minutes.schema_version != crate::SCHEMA_VERSION {
        return Err(format!(
            "format version {}; this build reads version {}",
            minutes.schema_version,
            crate::SCHEMA_VERSION
        ));
    }
    to_text(&encode(&minutes))
}

/// `encoded` as one string: the strings joined by U+001F, then U+001E, then the words in
/// base 36 joined by `,`. Fails if a string holds either separator or U+0000, which an
/// HTML page cannot carry (no minutes text does: they are control characters).
pub fn to_text(encoded: &Encoded) -> Result<String, String> {
    if let Some(s) = encoded
        .strings
        .iter()
        .find(|s| s.contains([STRING_SEPARATOR, PART_SEPARATOR, '\0']))
    {
        return Err(format!(
            "a string holds a control character the text form uses as a separator: {s:?}"
        ));
    }
    let mut out = encoded.strings.join(&STRING_SEPARATOR.to_string());
    out.push(PART_SEPARATOR);
    let words: Vec<String> = encoded.words.iter().map(|&w| base36(w)).collect();
    out.push_str(&words.join(","));
    Ok(out)
}

fn base36(mut n: u32) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(char::from_digit(n % 36, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

/// Decode what [`to_text`] wrote. Never panics.
pub fn from_text(text: &str) -> Result<Minutes, DecodeError> {
    let (strings, words) = text
        .split_once(PART_SEPARATOR)
        .ok_or_else(|| DecodeError("the text form has no words".to_string()))?;
    let strings: Vec<&str> = strings.split(STRING_SEPARATOR).collect();
    let words = if words.is_empty() {
        Vec::new()
    } else {
        words
            .split(',')
            .map(|w| {
                u32::from_str_radix(w, 36)
                    .map_err(|_| DecodeError(format!("“{w}” is not a base-36 word")))
            })
            .collect::<Result<Vec<u32>, _>>()?
    };
    decode(&strings, &words)
}

#[derive(Default)]
struct Writer {
    strings: Vec<String>,
    index: HashMap<String, u32>,
    words: Vec<u32>,
}

impl Writer {
    fn word(&mut self, n: u32) {
        self.words.push(n);
    }

    fn str(&mut self, s: &str) {
        let next = self.strings.len() as u32;
        let i = *self.index.entry(s.to_string()).or_insert_with(|| {
            self.strings.push(s.to_string());
            next
        });
        self.words.push(i);
    }

    fn len(&mut self, n: usize) {
        self.word(n as u32);
    }
}

struct Reader<'a, S> {
    strings: &'a [S],
    words: &'a [u32],
    at: usize,
}

impl<S: AsRef<str>> Reader<'_, S> {
    fn word(&mut self) -> Result<u32, DecodeError> {
        let w = self
            .words
            .get(self.at)
            .copied()
            .ok_or_else(|| DecodeError(format!("the words end early, at {}", self.at)))?;
        self.at += 1;
        Ok(w)
    }

    fn str(&mut self) -> Result<String, DecodeError> {
        let i = self.word()?;
        self.strings
            .get(i as usize)
            .map(|s| s.as_ref().to_string())
            .ok_or_else(|| DecodeError(format!("string {i} is not in the table")))
    }

    fn list<T>(
        &mut self,
        item: impl Fn(&mut Self) -> Result<T, DecodeError>,
    ) -> Result<Vec<T>, DecodeError> {
        let n = self.word()? as usize;
        // A corrupt count must not allocate more than the words could hold.
        if n > self.words.len() - self.at {
            return Err(DecodeError(format!(
                "a list of {n} cannot fit in what is left"
            )));
        }
        (0..n).map(|_| item(self)).collect()
    }

    fn tag(&mut self, what: &str, count: u32) -> Result<u32, DecodeError> {
        let t = self.word()?;
        if t < count {
            Ok(t)
        } else {
            Err(DecodeError(format!("{t} is not a {what}")))
        }
    }
}

/// A type that can be written to and read back from the compact form.
trait Compact: Sized {
    fn put(&self, w: &mut Writer);
    fn take<S: AsRef<str>>(r: &mut Reader<'_, S>) -> Result<Self, DecodeError>;
}

impl Compact for String {
    fn put(&self, w: &mut Writer) {
        w.str(self);
    }
    fn take<S: AsRef<str>>(r: &mut Reader<'_, S>) -> Result<Self, DecodeError> {
        r.str()
    }
}

impl Compact for u32 {
    fn put(&self, w: &mut Writer) {
        w.word(*self);
    }
    fn take<S: AsRef<str>>(r: &mut Reader<'_, S>) -> Result<Self, DecodeError> {
        r.word()
    }
}

impl<T: Compact> Compact for Option<T> {
    fn put(&self, w: &mut Writer) {
        match self {
            None => w.word(0),
            Some(v) => {
                w.word(1);
                v.put(w);
            }
        }
    }
    fn take<S: AsRef<str>>(r: &mut Reader<'_, S>) -> Result<Self, DecodeError> {
        Ok(match r.tag("presence flag", 2)? {
            0 => None,
            _ => Some(T::take(r)?),
        })
    }
}

impl<T: Compact> Compact for Vec<T> {
    fn put(&self, w: &mut Writer) {
        w.len(self.len());
        for item in self {
            item.put(w);
        }
    }
    fn take<S: AsRef<str>>(r: &mut Reader<'_, S>) -> Result<Self, DecodeError> {
        r.list(T::take)
    }
}

/// `Compact` for a struct: its fields in declaration order.
macro_rules! compact_struct {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl Compact for $ty {
            fn put(&self, w: &mut Writer) {
                $(self.$field.put(w);)*
            }
            fn take<S: AsRef<str>>(r: &mut Reader<'_, S>) -> Result<Self, DecodeError> {
                Ok($ty { $($field: Compact::take(r)?,)* })
            }
        }
    };
}

/// `Compact` for a field-less enum: its variants numbered in declaration order.
macro_rules! compact_enum {
    ($ty:ident { $($variant:ident),* $(,)? }) => {
        impl Compact for $ty {
            fn put(&self, w: &mut Writer) {
                const ALL: &[$ty] = &[$($ty::$variant),*];
                let i = ALL.iter().position(|v| v == self).unwrap_or(0);
                w.word(i as u32);
            }
            fn take<S: AsRef<str>>(r: &mut Reader<'_, S>) -> Result<Self, DecodeError> {
                const ALL: &[$ty] = &[$($ty::$variant),*];
                let i = r.tag(stringify!($ty), ALL.len() as u32)?;
                Ok(ALL[i as usize])
            }
        }
    };
}

compact_struct!(Minutes {
    schema_version,
    id,
    body,
    title,
    meeting_number,
    date,
    place,
    attendees_note,
    attendees,
    sections,
    topics,
    end_mark,
});
compact_struct!(MeetingDate {
    printed,
    era,
    era_year,
    date,
    weekday,
    start,
    end
});
compact_struct!(Attendee {
    id,
    name,
    family_name,
    role,
    group,
    offices,
    reading,
    latin,
    role_en,
});
compact_enum!(Group {
    Minister,
    Expert,
    Official
});
compact_struct!(Office { name, basis });
compact_struct!(Section {
    id,
    number,
    title,
    blocks
});
compact_struct!(Agenda {
    id,
    kind,
    heading,
    items
});
compact_enum!(AgendaKind {
    Decision,
    Discussion,
    Report,
    Other
});
compact_struct!(AgendaItem { id, text });
compact_struct!(Speech {
    id,
    speaker,
    designation,
    attribution,
    paragraphs,
});
compact_struct!(Paragraph {
    id,
    text,
    search,
    topics,
    line
});
compact_struct!(TopicMatch { topic, terms });
compact_struct!(Topic { id, ja, en, terms });

impl Compact for Block {
    fn put(&self, w: &mut Writer) {
        match self {
            Block::Agenda(a) => {
                w.word(0);
                a.put(w);
            }
            Block::Narrative(p) => {
                w.word(1);
                p.put(w);
            }
            Block::Speech(s) => {
                w.word(2);
                s.put(w);
            }
        }
    }
    fn take<S: AsRef<str>>(r: &mut Reader<'_, S>) -> Result<Self, DecodeError> {
        Ok(match r.tag("block type", 3)? {
            0 => Block::Agenda(Agenda::take(r)?),
            1 => Block::Narrative(Paragraph::take(r)?),
            _ => Block::Speech(Speech::take(r)?),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Minutes {
        let json = include_str!("../../../data/cshq-001.json");
        serde_json::from_str(json).expect("the committed minutes parse")
    }

    #[test]
    fn the_seed_round_trips() {
        let m = seed();
        let e = encode(&m);
        assert_eq!(decode(&e.strings, &e.words), Ok(m));
    }

    #[test]
    fn the_seed_round_trips_through_the_text_form() {
        let m = seed();
        let text = to_text(&encode(&m)).expect("no separators in the seed");
        assert_eq!(from_text(&text), Ok(m));
    }

    #[cfg(feature = "json")]
    #[test]
    fn text_of_json_checks_the_format_version() {
        let json = include_str!("../../../data/cshq-001.json");
        assert_eq!(text_of_json(json).map(|t| from_text(&t).is_ok()), Ok(true));
        let other = json.replacen("\"schema_version\": 1", "\"schema_version\": 999", 1);
        assert!(text_of_json(&other).unwrap_err().contains("999"));
    }

    #[test]
    fn base36_writes_what_from_str_radix_reads() {
        for n in [0, 1, 35, 36, 1295, 1296, u32::MAX] {
            assert_eq!(u32::from_str_radix(&base36(n), 36), Ok(n));
        }
    }

    // Guards against a separator inside minutes text silently splitting a string in two.
    #[test]
    fn a_string_holding_a_separator_is_refused() {
        let mut m = seed();
        m.place = "a\u{1f}b".to_string();
        assert!(to_text(&encode(&m)).is_err());
    }

    // Guards against a damaged page taking the viewer down with a panic.
    #[test]
    fn a_damaged_text_form_is_an_error_not_a_panic() {
        let text = to_text(&encode(&seed())).unwrap();
        for damaged in [
            String::new(),
            text.replace('\u{1e}', ""),
            text.replace(',', ",,"),
            format!("{text},zzzzzzzzzz"),
            text.chars().take(text.chars().count() / 2).collect(),
            text.replacen('\u{1f}', "", 3),
        ] {
            assert!(from_text(&damaged).is_err(), "{:?}", damaged.get(..40));
        }
    }

    #[test]
    fn repeated_strings_are_stored_once() {
        let e = encode(&seed());
        let mut seen = std::collections::HashSet::new();
        assert!(e.strings.iter().all(|s| seen.insert(s)));
    }

    // Guards against a corrupt or truncated table taking the viewer down with a panic.
    #[test]
    fn every_truncation_and_corruption_is_an_error_not_a_panic() {
        let e = encode(&seed());
        for cut in (0..e.words.len()).step_by(37) {
            assert!(decode(&e.strings, &e.words[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = e.words.clone();
        longer.push(0);
        assert!(decode(&e.strings, &longer).is_err());
        for at in (0..e.words.len()).step_by(53) {
            let mut bad = e.words.clone();
            bad[at] = u32::MAX;
            let _ = decode(&e.strings, &bad);
        }
        assert!(decode::<&str>(&[], &e.words).is_err());
    }
}
