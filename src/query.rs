//! The view as a query string: the URL is the state, so a copied address reproduces what
//! the reader saw. Pure functions, tested natively.
//!
//! Keys (documented in README):
//! - `speaker`: attendee ids, e.g. `speaker=murai-jun`;
//! - `topic`: topic ids, e.g. `topic=iot`;
//! - `section`: section numbers, e.g. `section=2`;
//! - `q`: the search text;
//! - `lang`: the interface language, `ja` or `en` (see [`crate::i18n`]).
//!
//! A key may repeat or hold a comma-separated list; both read the same. Reading never fails:
//! whatever cannot be understood is left out and described in a [`Notice`].

use std::borrow::Borrow;

use crate::i18n::{Lang, Texts};

/// The longest search text kept from a link, in characters. Longer queries are cut, with
/// a notice: nobody types more, and a huge one would only slow every keystroke.
pub const MAX_QUERY_CHARS: usize = 200;

/// The reader's view: which speakers, topics and sections, and what text to search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Attendee ids; empty means everyone.
    pub speakers: SortedSet<String>,
    /// Topic ids; empty means every topic.
    pub topics: SortedSet<String>,
    /// Section numbers; empty means every section.
    pub sections: SortedSet<u32>,
    /// The search text as typed.
    pub q: String,
    /// The interface language the link asks for; `None`: the reader's own choice.
    pub lang: Option<Lang>,
}

/// The few values a view names, kept sorted and without repeats, in the order a link
/// writes them. A sorted vector rather than a `BTreeSet`: the same behaviour for a handful
/// of ids, without the B-tree's code, which each element type compiles anew (the WASM
/// lost 5.2 KB brotli with these sets, 11.1 KB with the maps `filter` and `stats` used;
/// bench/RESULTS.md, entry 25).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortedSet<T>(Vec<T>);

impl<T> Default for SortedSet<T> {
    fn default() -> Self {
        SortedSet(Vec::new())
    }
}

impl<T: Ord> SortedSet<T> {
    fn find<Q: Ord + ?Sized>(&self, item: &Q) -> Result<usize, usize>
    where
        T: Borrow<Q>,
    {
        self.0.binary_search_by(|x| x.borrow().cmp(item))
    }

    /// Add `item`; false if it was there already.
    pub fn insert(&mut self, item: T) -> bool {
        match self.find(&item) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, item);
                true
            }
        }
    }

    /// Take `item` out; false if it was not there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.find(item).map(|at| self.0.remove(at)).is_ok()
    }

    /// Whether `item` is in the set.
    pub fn contains<Q: Ord + ?Sized>(&self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.find(item).is_ok()
    }

    /// Keep only the values `keep` accepts.
    pub fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        self.0.retain(keep);
    }

    /// The values, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    /// How many values.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// All at once, then sorted: a link may hold any number of values, and inserting them one
/// by one into the vector would take quadratic time. Sorted by a binary heap, which
/// is n log n like `sort` and a fraction of its code in the WASM.
impl<T: Ord> Extend<T> for SortedSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        let mut all = std::mem::take(&mut self.0);
        all.extend(items);
        self.0 = std::collections::BinaryHeap::from(all).into_sorted_vec();
        self.0.dedup();
    }
}

impl<T: Ord> FromIterator<T> for SortedSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut set = SortedSet::default();
        set.extend(items);
        set
    }
}

impl ViewState {
    /// The empty view in the same language: where "clear" and the app's own links go.
    pub fn cleared(&self) -> ViewState {
        ViewState {
            lang: self.lang,
            ..ViewState::default()
        }
    }

    /// Whether any filter or search is active (the language is neither).
    pub fn is_filtered(&self) -> bool {
        !self.speakers.is_empty()
            || !self.topics.is_empty()
            || !self.sections.is_empty()
            || !self.q.trim().is_empty()
    }
}

/// Something in a link that was not understood, kept as data so that it can be said in
/// the reader's language ([`Notice::message`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A key or value that is not percent-encoded UTF-8.
    Unreadable(String),
    /// A `section` that is not a number.
    NotASectionNumber(String),
    /// A `q` longer than [`MAX_QUERY_CHARS`], cut to it.
    QueryCut,
    /// A `lang` the viewer does not have.
    UnknownLang(String),
    /// A `speaker` who did not attend.
    UnknownSpeaker(String),
    /// A `topic` the viewer does not have.
    UnknownTopic(String),
    /// A `section` number the minutes do not have.
    UnknownSection(u32),
    /// A fragment that names nothing on the page.
    UnknownTarget(String),
}

impl Notice {
    /// What to tell the reader, in the language of `t`.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            Notice::Unreadable(s) => (t.unreadable)(s),
            Notice::NotASectionNumber(s) => (t.not_a_section_number)(s),
            Notice::QueryCut => (t.query_cut)(MAX_QUERY_CHARS),
            Notice::UnknownLang(s) => (t.unknown_lang)(s),
            Notice::UnknownSpeaker(s) => (t.unknown_speaker_id)(s),
            Notice::UnknownTopic(s) => (t.unknown_topic_id)(s),
            Notice::UnknownSection(n) => (t.unknown_section)(*n),
            Notice::UnknownTarget(s) => (t.unknown_target)(s),
        }
    }
}

/// Read a query string (with or without the leading `?`).
pub fn parse(search: &str) -> (ViewState, Vec<Notice>) {
    let mut state = ViewState::default();
    let mut notices = Vec::new();
    let search = search.strip_prefix('?').unwrap_or(search);
    for pair in search.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let (Some(key), Some(value)) = (decode(raw_key), decode(raw_value)) else {
            notices.push(Notice::Unreadable(shorten(pair)));
            continue;
        };
        match key.as_str() {
            "speaker" => state.speakers.extend(list(&value).map(str::to_string)),
            "topic" => state.topics.extend(list(&value).map(str::to_string)),
            "section" => {
                let numbers = list(&value).filter_map(|item| {
                    let n = item.trim_start_matches("sec-").parse::<u32>();
                    if n.is_err() {
                        notices.push(Notice::NotASectionNumber(shorten(item)));
                    }
                    n.ok()
                });
                state.sections.extend(numbers);
            }
            "q" => {
                // A repeated `q` keeps the last, as a form submission would.
                state.q = value;
            }
            "lang" => match Lang::parse(&value) {
                Some(lang) => state.lang = Some(lang),
                None => notices.push(Notice::UnknownLang(shorten(&value))),
            },
            // Unknown keys are common in shared links (tracking parameters); they change
            // nothing, so they are dropped without a notice.
            _ => {}
        }
    }
    if state.q.chars().count() > MAX_QUERY_CHARS {
        state.q = state.q.chars().take(MAX_QUERY_CHARS).collect();
        notices.push(Notice::QueryCut);
    }
    (state, notices)
}

/// Write the state as a query string with a leading `?`, or `""` when nothing is set.
/// Keys come in a fixed order and lists are sorted, so one view has one address.
pub fn to_query(state: &ViewState) -> String {
    let mut parts = Vec::new();
    let join = |items: Vec<String>| items.join(",");
    if !state.speakers.is_empty() {
        parts.push(format!(
            "speaker={}",
            encode(&join(state.speakers.iter().cloned().collect()))
        ));
    }
    if !state.topics.is_empty() {
        parts.push(format!(
            "topic={}",
            encode(&join(state.topics.iter().cloned().collect()))
        ));
    }
    if !state.sections.is_empty() {
        parts.push(format!(
            "section={}",
            join(state.sections.iter().map(u32::to_string).collect())
        ));
    }
    if !state.q.is_empty() {
        parts.push(format!("q={}", encode(&state.q)));
    }
    if let Some(lang) = state.lang {
        parts.push(format!("lang={}", lang.code()));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty())
}

fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// Percent-decode, with `+` as a space. `None` for a broken escape or bytes that are not
/// UTF-8.
pub fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Percent-encode everything but unreserved characters (RFC 3986) and the comma that
/// separates list items.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn state(speakers: &[&str], topics: &[&str], sections: &[u32], q: &str) -> ViewState {
        ViewState {
            speakers: speakers.iter().map(|s| s.to_string()).collect(),
            topics: topics.iter().map(|s| s.to_string()).collect(),
            sections: sections.iter().copied().collect(),
            q: q.into(),
            lang: None,
        }
    }

    fn check(search: &str, expected: ViewState, notices: usize) {
        let (got, n) = parse(search);
        assert_eq!(got, expected, "{search}");
        assert_eq!(n.len(), notices, "{search}: {n:?}");
    }

    #[test]
    fn reads_each_documented_key() {
        check("?speaker=murai-jun", state(&["murai-jun"], &[], &[], ""), 0);
        check("?topic=iot", state(&[], &["iot"], &[], ""), 0);
        check("?section=2", state(&[], &[], &[2], ""), 0);
        check("?q=IoT", state(&[], &[], &[], "IoT"), 0);
        check("", ViewState::default(), 0);
    }

    #[test]
    fn repeated_and_listed_keys_read_the_same() {
        let both = state(&["a", "b"], &[], &[], "");
        check("speaker=a&speaker=b", both.clone(), 0);
        check("speaker=a,b", both.clone(), 0);
        check("speaker=a,,b,&speaker=", both, 0);
    }

    #[test]
    fn japanese_query_round_trips_percent_encoding() {
        let s = state(&[], &[], &[], "ＩｏＴ ログ");
        let q = to_query(&s);
        assert_eq!(q, "?q=%EF%BC%A9%EF%BD%8F%EF%BC%B4%20%E3%83%AD%E3%82%B0");
        check(&q, s, 0);
        check(
            "?q=%E3%83%AD%E3%82%B0+%E4%BF%9D%E5%AD%98",
            state(&[], &[], &[], "ログ 保存"),
            0,
        );
    }

    // Guards against a mangled link (cut in a chat message) taking the page down.
    #[test]
    fn bad_percent_encoding_is_a_notice_not_a_failure() {
        check("?q=%E3%83&speaker=a", state(&["a"], &[], &[], ""), 1);
        check("?q=%zz", ViewState::default(), 1);
        check("?q=%", ViewState::default(), 1);
        check("?%FF=1", ViewState::default(), 1);
    }

    #[test]
    fn section_that_is_not_a_number_is_a_notice() {
        check("?section=two&section=sec-4", state(&[], &[], &[4], ""), 1);
        check("?section=99999999999999", ViewState::default(), 1);
    }

    #[test]
    fn very_long_query_is_cut_with_a_notice() {
        let long = "あ".repeat(10_000);
        let (s, n) = parse(&format!("?q={}", encode(&long)));
        assert_eq!(s.q.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(n.len(), 1);
    }

    #[test]
    fn markup_stays_text() {
        check(
            "?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            state(&[], &[], &[], "<script>alert(1)</script>"),
            0,
        );
    }

    #[test]
    fn unknown_keys_are_ignored() {
        check("?utm_source=x&fbclid=y&q=a", state(&[], &[], &[], "a"), 0);
    }

    #[test]
    fn lang_is_read_and_written_last() {
        let mut s = state(&["a"], &[], &[], "");
        s.lang = Some(Lang::En);
        check("?lang=en&speaker=a", s.clone(), 0);
        check("?speaker=a&lang=EN", s.clone(), 0);
        assert_eq!(to_query(&s), "?speaker=a&lang=en");
        // A cleared view keeps the language, and only the language.
        assert_eq!(to_query(&s.cleared()), "?lang=en");
        assert!(!s.cleared().is_filtered());
    }

    // Guards against a link in a language the viewer lacks changing anything but a note.
    #[test]
    fn unknown_lang_is_a_notice() {
        let (s, n) = parse("?lang=fr&q=a");
        assert_eq!(s, state(&[], &[], &[], "a"));
        assert_eq!(n, vec![Notice::UnknownLang("fr".into())]);
        assert!(n[0].message(Lang::En.texts()).contains("“fr”"));
        assert!(n[0].message(Lang::Ja.texts()).contains("「fr」"));
    }

    #[test]
    fn empty_state_writes_nothing() {
        assert_eq!(to_query(&ViewState::default()), "");
    }

    #[test]
    fn a_sorted_set_keeps_one_of_each_in_order() {
        let mut set: SortedSet<String> = ["b", "a", "b"].map(String::from).into_iter().collect();
        assert_eq!(set.iter().collect::<Vec<_>>(), ["a", "b"]);
        assert!(!set.insert("a".into()));
        assert!(set.insert("c".into()));
        assert!(set.contains("c") && !set.contains("d"));
        assert!(set.remove("a") && !set.remove("a"));
        set.retain(|s| s != "c");
        assert_eq!(set.iter().collect::<Vec<_>>(), ["b"]);
        assert_eq!(set.len(), 1);
    }

    #[test]
    fn a_link_with_a_huge_list_reads_into_one_of_each() {
        let ids: Vec<String> = (0..200_000)
            .map(|i| format!("s{}", (i * 7919) % 100_000))
            .collect();
        let numbers: Vec<String> = (0..200_000)
            .map(|i| ((i * 7919) % 100_000).to_string())
            .collect();
        let (state, _) = parse(&format!(
            "?speaker={}&section={}",
            ids.join(","),
            numbers.join(",")
        ));
        fn one_of_each_in_order<T: Ord>(set: &SortedSet<T>) -> bool {
            set.iter().zip(set.iter().skip(1)).all(|(a, b)| a < b)
        }
        assert_eq!(state.speakers.len(), 100_000);
        assert!(one_of_each_in_order(&state.speakers));
        assert_eq!(state.sections.len(), 100_000);
        assert!(one_of_each_in_order(&state.sections));
    }

    #[test]
    fn keys_have_one_order() {
        let s = state(&["b", "a"], &["iot"], &[2, 1], "x");
        assert_eq!(to_query(&s), "?speaker=a,b&topic=iot&section=1,2&q=x");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn to_query_then_parse_round_trips(
            speakers in proptest::collection::vec("[a-z][a-z0-9-]{0,12}", 0..4),
            topics in proptest::collection::vec("[a-z][a-z0-9-]{0,12}", 0..4),
            sections in proptest::collection::vec(0u32..100, 0..4),
            q in "\\PC{0,40}",
            lang in proptest::option::of(proptest::sample::select(Lang::ALL.to_vec())),
        ) {
            let s = ViewState {
                speakers: speakers.into_iter().collect(),
                topics: topics.into_iter().collect(),
                sections: sections.into_iter().collect(),
                q,
                lang,
            };
            let (back, notices) = parse(&to_query(&s));
            prop_assert!(notices.is_empty(), "{notices:?}");
            prop_assert_eq!(back, s);
        }

        #[test]
        fn parse_never_panics(search in "\\PC{0,80}|[%&=?,+a-z0-9]{0,40}") {
            let _ = parse(&search);
        }
    }
}
