//! Tagging paragraphs with the curated topics of `data/topics.json`.
//!
//! A topic's terms are matched as substrings of a paragraph's search form
//! ([`normalize_for_search`]), each term normalised the same way, so `IoT`, `ＩｏＴ` and the
//! PDF artefact `I o T` all match the term `IoT`. Matching is plain and explainable: every
//! tag carries the terms that caused it.
//!
//! A term that starts or ends in katakana or a Latin letter must not run on into more of
//! the same script: `ログ` matches ログの保存 but not プログラミング, `IPA` not `IPAddress`.
//! Kanji compounds freely in Japanese, so kanji terms match anywhere.

use crate::model::{Topic, TopicMatch};
use crate::normalize::normalize_for_search;

/// The topics whose terms occur in `search` (a text already in search form), in topic-list
/// order, each with the matching terms in the order the topic lists them.
///
/// Normalises the terms on every call; to tag many paragraphs, build a [`TopicMatcher`] once.
pub fn match_topics(search: &str, topics: &[Topic]) -> Vec<TopicMatch> {
    TopicMatcher::new(topics).matches(search)
}

/// The topic list with its terms normalised once, for tagging many paragraphs.
#[derive(Debug, Clone)]
pub struct TopicMatcher {
    /// Each topic's id and its terms, as written and in search form.
    topics: Vec<(String, Vec<(String, String)>)>,
}

impl TopicMatcher {
    /// Prepares the topics for matching.
    pub fn new(topics: &[Topic]) -> TopicMatcher {
        let topics = topics
            .iter()
            .map(|t| {
                let terms = t
                    .terms
                    .iter()
                    .map(|term| (term.clone(), normalize_for_search(term)))
                    .filter(|(_, needle)| !needle.is_empty())
                    .collect();
                (t.id.clone(), terms)
            })
            .collect();
        TopicMatcher { topics }
    }

    /// See [`match_topics`].
    pub fn matches(&self, search: &str) -> Vec<TopicMatch> {
        self.topics
            .iter()
            .filter_map(|(id, terms)| {
                let found: Vec<String> = terms
                    .iter()
                    .filter(|(_, needle)| contains_term(search, needle))
                    .map(|(term, _)| term.clone())
                    .collect();
                (!found.is_empty()).then(|| TopicMatch {
                    topic: id.clone(),
                    terms: found,
                })
            })
            .collect()
    }
}

/// Whether `needle` occurs in `haystack` as a term: see the module docs for the boundary rule.
fn contains_term(haystack: &str, needle: &str) -> bool {
    let (Some(first), Some(last)) = (needle.chars().next(), needle.chars().next_back()) else {
        return false;
    };
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        !before.is_some_and(|c| same_run(c, first)) && !after.is_some_and(|c| same_run(c, last))
    })
}

/// Whether `a` and `b` would form one word: both katakana, or both Latin letters or digits.
fn same_run(a: char, b: char) -> bool {
    let katakana = |c: char| matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー');
    let latin = |c: char| c.is_ascii_alphanumeric();
    (katakana(a) && katakana(b)) || (latin(a) && latin(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::Registry;

    fn tags(text: &str) -> Vec<(String, Vec<String>)> {
        let registry = Registry::builtin();
        match_topics(&normalize_for_search(text), &registry.topics)
            .into_iter()
            .map(|m| (m.topic, m.terms))
            .collect()
    }

    fn topic_ids(text: &str) -> Vec<String> {
        tags(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn pdf_spaced_iot_matches_the_iot_term() {
        assert_eq!(
            tags("いわゆるI o T社会が到来"),
            vec![("iot".to_owned(), vec!["IoT".to_owned()])]
        );
    }

    #[test]
    fn topics_come_in_list_order_with_all_their_terms() {
        let t = tags("2020年のオリンピック・パラリンピックを控え、人材を育てる");
        assert_eq!(
            t,
            vec![
                ("human-resources".to_owned(), vec!["人材".to_owned()]),
                (
                    "tokyo-2020".to_owned(),
                    vec![
                        "オリンピック".to_owned(),
                        "パラリンピック".to_owned(),
                        "2020年".to_owned()
                    ]
                ),
            ]
        );
    }

    #[test]
    fn programming_is_not_log_retention() {
        // ログ is a substring of プログラミング: the log topic must use phrases, not the bare word.
        assert_eq!(
            topic_ids("プログラミング教育等という言葉"),
            vec!["human-resources".to_owned()]
        );
    }

    #[test]
    fn praise_is_not_evaluation() {
        // 評価 alone also means "praise" (高く評価している); only policy evaluation counts.
        assert!(topic_ids("非常に高く評価している。").is_empty());
        assert_eq!(
            topic_ids("政策の評価や監査の方針"),
            vec!["evaluation-audit".to_owned()]
        );
    }

    #[test]
    fn check_act_needs_both_words() {
        assert_eq!(
            topic_ids("Plan、Do、Check、Actのうち"),
            vec!["evaluation-audit".to_owned()]
        );
        assert!(topic_ids("act").is_empty());
    }

    #[test]
    fn correspondence_education_company_is_not_education() {
        // The 大手通信教育会社 paragraph is about outsourcing, not education policy.
        assert_eq!(
            topic_ids("大手通信教育会社の不幸なケースが警鐘となり、社内教育と外部委託を区別せず"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn empty_text_has_no_topics() {
        assert!(tags("").is_empty());
    }

    // Guards against ログ (log) tagging プログラミング教育 (programming education) as log retention.
    #[test]
    fn katakana_term_does_not_match_inside_a_longer_katakana_word() {
        assert!(contains_term("ログの保存", "ログ"));
        assert!(!contains_term("プログラミング教育", "ログ"));
        assert!(!contains_term("カタログ", "ログ"));
        assert!(contains_term("日本はログをとっていない", "ログ"));
    }

    #[test]
    fn latin_term_does_not_match_inside_a_longer_latin_word() {
        assert!(contains_term("jpcert/cc、ipa等", "ipa"));
        assert!(!contains_term("ipaddress", "ipa"));
        assert!(contains_term("iotの進展", "iot"));
    }

    #[test]
    fn kanji_term_matches_inside_a_compound() {
        assert!(contains_term("サイバー保険の普及", "保険"));
        assert!(contains_term("中小企業対策", "中小企業"));
    }
}
