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

use std::collections::BTreeSet;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

use minutes_core::Minutes;

use crate::i18n::{Lang, Texts};

/// The longest search text kept from a link, in characters. Longer queries are cut, with
/// a notice: nobody types more, and a huge one would only slow every keystroke.
pub const MAX_QUERY_CHARS: usize = 200;

/// The reader's view: which speakers, topics and sections, and what text to search. The
/// sets are ordered, so a link lists them in one order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Attendee ids; empty means everyone.
    pub speakers: BTreeSet<String>,
    /// Topic ids; empty means every topic.
    pub topics: BTreeSet<String>,
    /// Section numbers; empty means every section.
    pub sections: BTreeSet<u32>,
    /// The search text as typed.
    pub q: String,
    /// The interface language the link asks for; `None`: the reader's own choice.
    pub lang: Option<Lang>,
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
            || !crate::terms::Search::new(&self.q).is_empty()
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

/// The pairs of a query string (with or without the leading `?`), decoded; a pair that
/// does not decode comes as written, for a notice. The one reading of a query string, for
/// the meeting view ([`parse`]) and the series search (`SeriesQuery::parse`).
pub fn pairs(search: &str) -> impl Iterator<Item = Result<(String, String), &str>> {
    search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match (decode(key), decode(value)) {
                (Some(key), Some(value)) => Ok((key, value)),
                _ => Err(pair),
            }
        })
}

/// A query string of `pairs` in their order, values percent-encoded: `?k=v&…`, or `""`
/// when there are none. The one writing of a query string, for both views.
pub fn write<'a>(pairs: impl IntoIterator<Item = (&'a str, String)>) -> String {
    let parts: Vec<String> = pairs
        .into_iter()
        .map(|(key, value)| format!("{key}={}", encode(&value)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Read a query string (with or without the leading `?`).
pub fn parse(search: &str) -> (ViewState, Vec<Notice>) {
    let mut state = ViewState::default();
    let mut notices = Vec::new();
    for pair in pairs(search) {
        let (key, value) = match pair {
            Ok(pair) => pair,
            Err(raw) => {
                notices.push(Notice::Unreadable(shorten(raw)));
                continue;
            }
        };
        match key.as_str() {
            keys::SPEAKER => state.speakers.extend(list(&value).map(str::to_string)),
            keys::TOPIC => state.topics.extend(list(&value).map(str::to_string)),
            keys::SECTION => {
                let numbers = list(&value).filter_map(|item| {
                    let n = item.trim_start_matches("sec-").parse::<u32>();
                    if n.is_err() {
                        notices.push(Notice::NotASectionNumber(shorten(item)));
                    }
                    n.ok()
                });
                state.sections.extend(numbers);
            }
            keys::Q => {
                // A repeated `q` keeps the last, as a form submission would.
                state.q = value;
            }
            keys::LANG => match Lang::parse(&value) {
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

/// The keys of the site's query strings, in one place for the meeting view ([`parse`],
/// [`to_query`]), the series search (`series_search::SeriesQuery`) and the index's script
/// that forwards links made when the site was one meeting.
pub mod keys {
    /// Speakers (attendee ids) in a meeting; one speaker in a series search.
    pub const SPEAKER: &str = "speaker";
    /// Topics in a meeting; one topic in a series search.
    pub const TOPIC: &str = "topic";
    /// Sections of a meeting.
    pub const SECTION: &str = "section";
    /// The search text.
    pub const Q: &str = "q";
    /// The interface language.
    pub const LANG: &str = "lang";
    /// A body (slug) a series search covers; repeated for several.
    pub const BODY: &str = "body";
    /// The first year of a series search.
    pub const FROM: &str = "from";
    /// The last year of a series search.
    pub const TO: &str = "to";
    /// What a search covers: [`SERIES`] for the series search.
    pub const SCOPE: &str = "scope";
    /// The value of [`SCOPE`] for a series search.
    pub const SERIES: &str = "series";
    /// The keys of a meeting's view: a link to the index with one of them (and no
    /// `scope=series`) was made for the one meeting the site once was.
    pub const VIEW: [&str; 4] = [SPEAKER, TOPIC, SECTION, Q];
}

/// Write the state as a query string with a leading `?`, or `""` when nothing is set.
/// Keys come in a fixed order and lists are sorted, so one view has one address.
pub fn to_query(state: &ViewState) -> String {
    let join = |items: Vec<String>| items.join(",");
    let mut pairs = Vec::new();
    if !state.speakers.is_empty() {
        pairs.push((
            keys::SPEAKER,
            join(state.speakers.iter().cloned().collect()),
        ));
    }
    if !state.topics.is_empty() {
        pairs.push((keys::TOPIC, join(state.topics.iter().cloned().collect())));
    }
    if !state.sections.is_empty() {
        pairs.push((
            keys::SECTION,
            join(state.sections.iter().map(u32::to_string).collect()),
        ));
    }
    if !state.q.is_empty() {
        pairs.push((keys::Q, state.q.clone()));
    }
    if let Some(lang) = state.lang {
        pairs.push((keys::LANG, lang.code().to_owned()));
    }
    write(pairs)
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

/// Decode one key or value of a query string: `+` is a space (as in a form), then
/// percent-decoding. `None` when the bytes are not UTF-8. A `%` that starts no escape
/// stays as it is, as browsers read it.
pub fn decode(s: &str) -> Option<String> {
    let spaced = s.replace('+', " ");
    percent_decode_str(&spaced)
        .decode_utf8()
        .ok()
        .map(|s| s.into_owned())
}

/// The id a URL fragment (`#sec-2-murai-jun`, with or without `#`) names: percent-decoded
/// as the browser resolves fragments (`+` stays a plus), or as written when it does not
/// decode to UTF-8. The one reading of a fragment, for the view and for scrolling alike.
pub fn fragment_id(hash: &str) -> String {
    let raw = hash.strip_prefix('#').unwrap_or(hash);
    percent_decode_str(raw)
        .decode_utf8()
        .map_or_else(|_| raw.to_owned(), |s| s.into_owned())
}

/// What [`encode`] leaves as it is: unreserved characters (RFC 3986) and the comma that
/// separates list items.
const KEPT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b',');

/// Percent-encode a value for the query string.
pub fn encode(s: &str) -> String {
    utf8_percent_encode(s, KEPT).to_string()
}

/// Add or remove `item` from `set`.
pub fn toggle<T: Ord>(set: &mut BTreeSet<T>, item: T) {
    if !set.remove(&item) {
        set.insert(item);
    }
}

/// Remove from `state` the ids these minutes do not have, with a notice for each.
pub fn drop_unknown_ids(minutes: &Minutes, state: &mut ViewState) -> Vec<Notice> {
    let mut notices = Vec::new();
    state.speakers.retain(|id| {
        let known = minutes.attendee(id).is_some();
        if !known {
            notices.push(Notice::UnknownSpeaker(id.clone()));
        }
        known
    });
    state.topics.retain(|id| {
        let known = minutes.topic(id).is_some();
        if !known {
            notices.push(Notice::UnknownTopic(id.clone()));
        }
        known
    });
    state.sections.retain(|n| {
        let known = minutes.sections.iter().any(|s| s.number == *n);
        if !known {
            notices.push(Notice::UnknownSection(*n));
        }
        known
    });
    notices
}

/// Whether `id` names something on the page: a section, agenda list or item, speech or
/// paragraph, or one of the page's own landmarks.
pub fn has_anchor(minutes: &Minutes, id: &str) -> bool {
    use minutes_core::Block;
    const PAGE: [&str; 3] = ["attendees", "proceedings", "top"];
    PAGE.contains(&id)
        || minutes.paragraphs().any(|p| p.id == id)
        || minutes.speeches().any(|(_, sp)| sp.id == id)
        || minutes.sections.iter().any(|s| {
            s.id == id
                || s.blocks.iter().any(|b| match b {
                    Block::Agenda(a) => a.id == id || a.items.iter().any(|i| i.id == id),
                    _ => false,
                })
        })
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
        check("?%FF=1", ViewState::default(), 1);
        // A `%` that starts no escape is text, as the browser's URLSearchParams reads it.
        check("?q=%zz", state(&[], &[], &[], "%zz"), 0);
        check("?q=100%", state(&[], &[], &[], "100%"), 0);
    }

    // Guards against `#a+b` scrolling to one id and marking another: the fragment was
    // decoded by decodeURIComponent for scrolling and by the query decoder (which turns
    // `+` into a space) for marking.
    #[test]
    fn a_plus_in_a_fragment_names_the_same_id_for_scrolling_and_marking() {
        assert_eq!(fragment_id("#a+b"), "a+b");
        assert_eq!(fragment_id("#sec-2-murai-jun-p3"), "sec-2-murai-jun-p3");
        assert_eq!(fragment_id("sec-2"), "sec-2");
        assert_eq!(fragment_id("#%E3%83%AD%E3%82%B0"), "ログ");
        // Not UTF-8 once decoded: the id as written, which names nothing.
        assert_eq!(fragment_id("#%E3%83"), "%E3%83");
        assert_eq!(fragment_id(""), "");
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
        assert_eq!(state.speakers.len(), 100_000);
        assert_eq!(state.sections.len(), 100_000);
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod link_tests {
    use super::*;

    // A shared link that names ids these minutes lack keeps working: the ids are dropped,
    // each with a notice, and the rest of the view stays.
    #[test]
    fn unknown_ids_are_dropped_with_a_notice_each() {
        let minutes = crate::data::minutes().expect("the committed minutes");
        let (mut state, _) = parse("?speaker=murai-jun,nobody&topic=iot,nothing&section=2,99");
        let notices = drop_unknown_ids(minutes, &mut state);
        assert_eq!(state.speakers.iter().collect::<Vec<_>>(), ["murai-jun"]);
        assert_eq!(state.topics.iter().collect::<Vec<_>>(), ["iot"]);
        assert_eq!(state.sections.iter().collect::<Vec<_>>(), [&2]);
        assert_eq!(
            notices,
            [
                Notice::UnknownSpeaker("nobody".to_owned()),
                Notice::UnknownTopic("nothing".to_owned()),
                Notice::UnknownSection(99),
            ]
        );
    }

    #[test]
    fn anchors_are_the_pages_ids_and_landmarks() {
        let minutes = crate::data::minutes().expect("the committed minutes");
        for id in [
            "top",
            "attendees",
            "sec-2",
            "sec-2-murai-jun",
            "sec-2-murai-jun-p3",
            "sec-2-decision-1",
        ] {
            assert!(has_anchor(minutes, id), "{id}");
        }
        for id in ["", "sec-99", "sec-2-murai-jun-p99", "murai-jun"] {
            assert!(!has_anchor(minutes, id), "{id}");
        }
    }

    #[test]
    fn toggle_adds_then_removes() {
        let mut set = BTreeSet::new();
        toggle(&mut set, 3);
        assert!(set.contains(&3));
        toggle(&mut set, 3);
        assert!(set.is_empty());
    }
}
