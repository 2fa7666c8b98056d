//! How much each person spoke and what about. Pure functions over the minutes, tested
//! natively; the speaker card and the charts draw from these numbers.

use rustc_hash::FxHashMap as HashMap;

use minutes_core::{Attendee, Minutes};

/// One speaker's share of the meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerStats {
    /// The speaker.
    pub attendee: &'static Attendee,
    /// How many speeches.
    pub speeches: usize,
    /// How many paragraphs.
    pub paragraphs: usize,
    /// Characters spoken, white space not counted.
    pub chars: usize,
    /// `chars` as a share of all speech characters, 0.0–1.0.
    pub share: f64,
    /// Topics raised: topic id → paragraphs tagged with it, in topic-list order.
    pub topics: Vec<(&'static str, usize)>,
}

/// Running totals for one speaker while walking the minutes.
#[derive(Default)]
struct Tally<'a> {
    speeches: usize,
    paragraphs: usize,
    chars: usize,
    topics: HashMap<&'a str, usize>,
}

/// Every speaker's numbers, in order of first appearance.
pub fn speakers(minutes: &'static Minutes) -> Vec<SpeakerStats> {
    let mut order: Vec<&str> = Vec::new();
    let mut by: HashMap<&str, Tally> = HashMap::default();
    for (_, speech) in minutes.speeches() {
        let Some(id) = speech.speaker.as_deref() else {
            continue;
        };
        if !order.contains(&id) {
            order.push(id);
        }
        let tally = by.entry(id).or_default();
        tally.speeches += 1;
        for p in &speech.paragraphs {
            tally.paragraphs += 1;
            tally.chars += char_count(&p.text);
            for t in &p.topics {
                *tally.topics.entry(t.topic.as_str()).or_default() += 1;
            }
        }
    }
    let total: usize = by.values().map(|t| t.chars).sum();
    order
        .into_iter()
        .filter_map(|id| {
            let attendee = minutes.attendee(id)?;
            let tally = by.remove(id)?;
            let topics = minutes
                .topics
                .iter()
                .filter_map(|t| tally.topics.get(t.id.as_str()).map(|n| (t.id.as_str(), *n)))
                .collect();
            Some(SpeakerStats {
                attendee,
                speeches: tally.speeches,
                paragraphs: tally.paragraphs,
                chars: tally.chars,
                share: if total == 0 {
                    0.0
                } else {
                    tally.chars as f64 / total as f64
                },
                topics,
            })
        })
        .collect()
}

/// For each topic (in list order): how many speeches and paragraphs raise it.
pub fn topics(minutes: &'static Minutes) -> Vec<(&'static str, usize, usize)> {
    minutes
        .topics
        .iter()
        .map(|t| {
            let mut speeches = 0;
            let mut paragraphs = 0;
            for (_, s) in minutes.speeches() {
                let n = s
                    .paragraphs
                    .iter()
                    .filter(|p| p.topics.iter().any(|m| m.topic == t.id))
                    .count();
                paragraphs += n;
                speeches += usize::from(n > 0);
            }
            (t.id.as_str(), speeches, paragraphs)
        })
        .collect()
}

/// Characters of printed text, white space not counted.
pub fn char_count(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// A share as a percentage for readers, one decimal: `12.3%`.
pub fn percent(share: f64) -> String {
    format!("{:.1}%", share.clamp(0.0, 1.0) * 100.0)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn minutes() -> &'static Minutes {
        crate::data::minutes().expect("embedded minutes")
    }

    #[test]
    fn shares_add_up_to_the_whole_meeting() {
        let all = speakers(minutes());
        let total: f64 = all.iter().map(|s| s.share).sum();
        assert!((total - 1.0).abs() < 1e-9, "{total}");
        let chars: usize = all.iter().map(|s| s.chars).sum();
        let expected: usize = minutes()
            .speeches()
            .flat_map(|(_, s)| &s.paragraphs)
            .map(|p| char_count(&p.text))
            .sum();
        assert_eq!(chars, expected);
    }

    #[test]
    fn every_speaker_once_in_order_of_first_speech() {
        let ids: Vec<&str> = speakers(minutes())
            .iter()
            .map(|s| s.attendee.id.as_str())
            .collect();
        let mut first: Vec<&str> = Vec::new();
        for (_, s) in minutes().speeches() {
            if let Some(id) = s.speaker.as_deref()
                && !first.contains(&id)
            {
                first.push(id);
            }
        }
        assert_eq!(ids, first);
    }

    #[test]
    fn topics_raised_count_paragraphs_of_that_speaker() {
        let murai = speakers(minutes())
            .into_iter()
            .find(|s| s.attendee.id == "murai-jun")
            .unwrap();
        let iot = murai
            .topics
            .iter()
            .find(|(t, _)| *t == "iot")
            .map(|(_, n)| *n);
        let expected = minutes()
            .speeches()
            .filter(|(_, s)| s.speaker.as_deref() == Some("murai-jun"))
            .flat_map(|(_, s)| &s.paragraphs)
            .filter(|p| p.topics.iter().any(|t| t.topic == "iot"))
            .count();
        assert_eq!(iot, Some(expected));
        assert!(expected > 0);
    }

    #[test]
    fn topic_totals_match_paragraph_tags() {
        for (id, speeches, paragraphs) in topics(minutes()) {
            assert!(speeches <= paragraphs, "{id}");
        }
    }

    #[test]
    fn percent_has_one_decimal() {
        assert_eq!(percent(0.1234), "12.3%");
        assert_eq!(percent(0.0), "0.0%");
        assert_eq!(percent(1.0), "100.0%");
        assert_eq!(percent(0.0996), "10.0%");
    }
}
