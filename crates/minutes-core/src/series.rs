//! A body's meetings as one series, and the bodies of a site as a [`Collection`]: what the
//! site's indexes, its meeting pages' links to the meetings either side, and its pages per
//! person are made of. Every fact here is derived from the meetings' minutes and the
//! bodies' entries in `data/bodies.json`; there is no list of meetings kept by hand.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::{Attendee, MeetingDate, Minutes, Office};

/// A body as the site names it: its entry in `data/bodies.json` (which says more, for the
/// converter: designations, offices, secretariat; those fields are not read here).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyInfo {
    /// Starts its meetings' ids (`cshq` → `cshq-001`); its index's folder.
    pub slug: String,
    /// In Japanese, as printed.
    pub name: String,
    /// In English.
    pub name_en: String,
    /// The day it was set up (`YYYY-MM-DD`).
    pub from: String,
    /// The day it ended, if it has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The body it replaced (a slug).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predecessor: Option<String>,
    /// The body that replaced it (a slug).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successor: Option<String>,
    /// The body it is a committee of (a slug).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

impl BodyInfo {
    /// The bodies it names: its parent, predecessor and successor (slugs), in that order.
    pub fn related(&self) -> impl Iterator<Item = &str> {
        [&self.parent, &self.predecessor, &self.successor]
            .into_iter()
            .filter_map(|r| r.as_deref())
    }

    /// Whether a slug is one a body's index folder (`bodies/<slug>/`) and its meetings'
    /// ids can carry: lower-case a–z, 0–9 and `-`, not empty.
    pub fn is_slug(slug: &str) -> bool {
        !slug.is_empty()
            && slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }

    /// Its years: `2015–2025`, or `2025–` while it sits.
    pub fn years(&self) -> String {
        let year = |d: &str| d.get(..4).unwrap_or(d).to_owned();
        match &self.to {
            Some(to) => format!("{}–{}", year(&self.from), year(to)),
            None => format!("{}–", year(&self.from)),
        }
    }
}

/// A person as the index and the person pages name them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonName {
    /// The attendee id, the same in every meeting (the people register's slug).
    pub id: String,
    /// As printed.
    pub name: String,
    /// In Latin script, family name first, when the register has it.
    pub latin: Option<String>,
}

impl PersonName {
    fn of(a: &Attendee) -> PersonName {
        PersonName {
            id: a.id.clone(),
            name: a.name.clone(),
            latin: a.latin.clone(),
        }
    }
}

/// A topic and how many paragraphs raised it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicCount {
    /// The topic's id (`data/topics.json`).
    pub id: String,
    /// Its label in Japanese.
    pub ja: String,
    /// Its label in English.
    pub en: String,
    /// Paragraphs tagged with it.
    pub paragraphs: usize,
}

/// One meeting as the series index lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingSummary {
    /// The meeting's id, which is also its page's folder (`cshq-001/`).
    pub id: String,
    /// Its body's slug.
    pub body: String,
    /// The meeting number (第1回 → 1).
    pub number: u32,
    /// The document's title as printed.
    pub title: String,
    /// When it was held.
    pub date: MeetingDate,
    /// Held by written procedure (持ち回り開催): decisions, no remarks recorded.
    pub written: bool,
    /// Remarks (speeches) recorded.
    pub remarks: usize,
    /// Who spoke, in order of first remark.
    pub speakers: Vec<PersonName>,
    /// The topics raised, most paragraphs first.
    pub topics: Vec<TopicCount>,
}

/// A link to a meeting: enough to name it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingLink {
    /// The meeting's id.
    pub id: String,
    /// Its body's slug.
    pub body: String,
    /// Its number.
    pub number: u32,
    /// When it was held.
    pub date: MeetingDate,
}

impl MeetingLink {
    /// The link to the meeting `m`.
    pub fn of(m: &Minutes) -> MeetingLink {
        MeetingLink {
            id: m.id.clone(),
            body: m.body_slug().to_owned(),
            number: m.meeting_number,
            date: m.date.clone(),
        }
    }
}

/// The meetings held just before and just after one meeting.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Neighbours {
    /// The meeting before, if any.
    pub previous: Option<MeetingLink>,
    /// The meeting after, if any.
    pub next: Option<MeetingLink>,
}

/// One paragraph of a person's remark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RemarkParagraph {
    /// The paragraph's id in its meeting (its permalink's fragment).
    pub id: String,
    /// As printed.
    pub text: String,
}

/// One remark (speech) of a person, with the meeting it was made in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonRemark {
    /// The meeting.
    pub meeting: MeetingLink,
    /// The speech's id in its meeting.
    pub id: String,
    /// The role the speaker is printed under (○（村井本部員）→ 本部員).
    pub designation: String,
    /// Its paragraphs.
    pub paragraphs: Vec<RemarkParagraph>,
}

/// A role a person held, with the meetings in which they held it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonRole {
    /// The body (slug) they held it in: a role is held in one body, and the same title in
    /// another body is another role.
    pub body: String,
    /// The role as printed in the attendee list.
    pub role: String,
    /// The people register's English for it, if any.
    pub role_en: Option<String>,
    /// Their offices in the body under that role.
    pub offices: Vec<Office>,
    /// How many meetings they attended in it.
    pub attended: usize,
    /// Those meetings, oldest first, as runs of meetings held one after another: a
    /// member who attended every meeting is one run, however long the series.
    pub runs: Vec<MeetingRun>,
}

/// Meetings held one after another in the series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingRun {
    /// The first of them.
    pub first: MeetingLink,
    /// The last of them (the first, for a run of one).
    pub last: MeetingLink,
    /// How many.
    pub meetings: usize,
}

/// Remarks made in one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearCount {
    /// The Western year.
    pub year: u32,
    /// Remarks made in it.
    pub remarks: usize,
}

/// A person across the series, or across every body of a [`Collection`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// Their name.
    pub name: PersonName,
    /// Their name's reading in hiragana, if the register has it.
    pub reading: Option<String>,
    /// Each role and office, in the order first held.
    pub roles: Vec<PersonRole>,
    /// Every remark, oldest first.
    pub remarks: Vec<PersonRemark>,
    /// Their topics, counted over their paragraphs across the series, most first.
    pub topics: Vec<TopicCount>,
    /// Remarks per year, from the first year they attended to the last.
    pub by_year: Vec<YearCount>,
}

impl Person {
    /// The bodies (slugs) they held a role in, each once, in the order first sat in.
    pub fn role_bodies(&self) -> Vec<&str> {
        once_each(self.roles.iter().map(|r| r.body.as_str()))
    }

    /// The bodies (slugs) they sat or spoke in, each once, in the order first met: their
    /// roles', then any body they spoke in without a role.
    pub fn bodies(&self) -> Vec<&str> {
        let roles = self.roles.iter().map(|r| r.body.as_str());
        once_each(roles.chain(self.remarks.iter().map(|r| r.meeting.body.as_str())))
    }
}

/// `items` each once, in the order first met. For the few names and bodies of one page: a
/// linear look-up each, no hashing, no sort.
pub fn once_each<'a>(items: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// Why a set of minutes is not one series.
#[derive(Debug, Clone, PartialEq)]
pub enum SeriesError {
    /// No minutes at all.
    Empty,
    /// Two files carry the same meeting id.
    DuplicateId(String),
    /// The bodies' file lists a slug twice, or one that cannot be a folder.
    BadBody(String),
    /// A meeting's id names a body (`slug-NNN`) that the bodies' file does not list.
    UnknownBody {
        /// The meeting.
        meeting: String,
        /// The slug its id starts with.
        slug: String,
    },
}

impl fmt::Display for SeriesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SeriesError::Empty => write!(f, "no minutes: the series has no meeting"),
            SeriesError::DuplicateId(id) => {
                write!(f, "two minutes files have the meeting id {id}")
            }
            SeriesError::BadBody(slug) => write!(
                f,
                "data/bodies.json: the slug {slug:?} is listed twice or is not lower-case \
                 a-z, 0-9 and '-': each body needs a slug of its own"
            ),
            SeriesError::UnknownBody { meeting, slug } => write!(
                f,
                "meeting {meeting} belongs to the body {slug:?} (its id's prefix), which \
                 data/bodies.json does not list: add the body's entry there, or correct the id"
            ),
        }
    }
}

impl std::error::Error for SeriesError {}

/// The meetings of one body, oldest first.
#[derive(Debug, Clone)]
pub struct Series {
    meetings: Vec<Minutes>,
}

/// Whether an attendee id is one the converter made up for a person missing from the
/// people register (`attendee-3`): it names a line of one meeting, not a person across
/// meetings, so such a person gets no page of their own.
pub fn is_placeholder_id(id: &str) -> bool {
    id.strip_prefix("attendee-")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

impl Series {
    /// The series of these meetings, in the order they were held (by date, then number).
    pub fn new(mut meetings: Vec<Minutes>) -> Result<Series, SeriesError> {
        if meetings.is_empty() {
            return Err(SeriesError::Empty);
        }
        meetings.sort_by(|a, b| {
            (a.date.date.as_str(), a.meeting_number).cmp(&(b.date.date.as_str(), b.meeting_number))
        });
        let mut ids: Vec<&str> = meetings.iter().map(|m| m.id.as_str()).collect();
        ids.sort_unstable();
        if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(SeriesError::DuplicateId(w[0].to_owned()));
        }
        Ok(Series { meetings })
    }

    /// The meetings, oldest first.
    pub fn meetings(&self) -> &[Minutes] {
        &self.meetings
    }

    /// The first meeting: the one the site held when it held one meeting.
    pub fn first(&self) -> &Minutes {
        &self.meetings[0]
    }

    /// Every meeting as the index lists it, newest first.
    pub fn summaries(&self) -> Vec<MeetingSummary> {
        self.meetings.iter().rev().map(summary).collect()
    }

    /// The meetings before and after the meeting `id`.
    pub fn neighbours(&self, id: &str) -> Neighbours {
        let Some(at) = self.meetings.iter().position(|m| m.id == id) else {
            return Neighbours::default();
        };
        Neighbours {
            previous: at
                .checked_sub(1)
                .map(|i| MeetingLink::of(&self.meetings[i])),
            next: self.meetings.get(at + 1).map(MeetingLink::of),
        }
    }

    /// Everyone the register names who attended any meeting, by id.
    pub fn people(&self) -> Vec<Person> {
        people_of(&[self])
    }
}

/// The bodies of one site, each with the series of its meetings: a site of one body is a
/// collection of one.
#[derive(Debug, Clone)]
pub struct Collection {
    bodies: Vec<(BodyInfo, Series)>,
}

impl Collection {
    /// `meetings` shared out among `bodies` by their ids (`slug-NNN`): the bodies with at
    /// least one meeting, in the order `bodies` lists them. A meeting of a body not listed
    /// is an error, as are no meetings and a duplicate id.
    pub fn new(bodies: &[BodyInfo], meetings: Vec<Minutes>) -> Result<Collection, SeriesError> {
        if meetings.is_empty() {
            return Err(SeriesError::Empty);
        }
        for (i, b) in bodies.iter().enumerate() {
            if !BodyInfo::is_slug(&b.slug) || bodies[..i].iter().any(|o| o.slug == b.slug) {
                return Err(SeriesError::BadBody(b.slug.clone()));
            }
        }
        let mut of_body: BTreeMap<String, Vec<Minutes>> = BTreeMap::new();
        for m in meetings {
            let slug = m.body_slug().to_owned();
            if !bodies.iter().any(|b| b.slug == slug) {
                return Err(SeriesError::UnknownBody {
                    meeting: m.id.clone(),
                    slug,
                });
            }
            of_body.entry(slug).or_default().push(m);
        }
        let mut out = Vec::new();
        for body in bodies {
            if let Some(meetings) = of_body.remove(&body.slug) {
                out.push((body.clone(), Series::new(meetings)?));
            }
        }
        Ok(Collection { bodies: out })
    }

    /// Each body with meetings, and its series.
    pub fn bodies(&self) -> &[(BodyInfo, Series)] {
        &self.bodies
    }

    /// Whether the site holds more than one body.
    pub fn several(&self) -> bool {
        self.bodies.len() > 1
    }

    /// Every meeting of every body, in the order they were held (by date, then body and
    /// number).
    pub fn meetings(&self) -> Vec<&Minutes> {
        let mut all: Vec<&Minutes> = self.bodies.iter().flat_map(|(_, s)| s.meetings()).collect();
        all.sort_by(|a, b| held(a).cmp(&held(b)));
        all
    }

    /// The body with this slug, among those with meetings.
    pub fn body(&self, slug: &str) -> Option<&(BodyInfo, Series)> {
        self.bodies.iter().find(|(b, _)| b.slug == slug)
    }

    /// Everyone the register names who attended any meeting of any body, by id: their
    /// roles per body, their remarks, years and topics across all of them.
    pub fn people(&self) -> Vec<Person> {
        let series: Vec<&Series> = self.bodies.iter().map(|(_, s)| s).collect();
        people_of(&series)
    }
}

/// When a meeting was held, to order meetings of several bodies.
fn held(m: &Minutes) -> (&str, &str, u32) {
    (m.date.date.as_str(), m.body_slug(), m.meeting_number)
}

/// The people of several series (one per body): a role is held in one body, and a run of
/// meetings is a run in that body's series.
fn people_of(series: &[&Series]) -> Vec<Person> {
    // Each meeting with its place in its own series.
    let mut meetings: Vec<(usize, &Minutes)> = series
        .iter()
        .flat_map(|s| s.meetings().iter().enumerate())
        .collect();
    meetings.sort_by(|a, b| held(a.1).cmp(&held(b.1)));
    let mut people: BTreeMap<&str, Person> = BTreeMap::new();
    let mut topic_counts: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut years: BTreeMap<&str, BTreeMap<u32, usize>> = BTreeMap::new();
    // Where in its body's series each person's role was last held, to tell a run's next
    // meeting.
    let mut last_held: BTreeMap<(&str, usize), usize> = BTreeMap::new();
    for (at, m) in meetings {
        let link = MeetingLink::of(m);
        let year = year_of(&m.date);
        let body = m.body_slug();
        for a in m.attendees.iter().filter(|a| !is_placeholder_id(&a.id)) {
            let person = people.entry(&a.id).or_insert_with(|| Person {
                name: PersonName::of(a),
                reading: a.reading.clone(),
                roles: Vec::new(),
                remarks: Vec::new(),
                topics: Vec::new(),
                by_year: Vec::new(),
            });
            let held = person
                .roles
                .iter()
                .position(|r| r.body == body && r.role == a.role && r.offices == a.offices);
            let run = MeetingRun {
                first: link.clone(),
                last: link.clone(),
                meetings: 1,
            };
            let n = match held {
                Some(n) => {
                    let role = &mut person.roles[n];
                    role.attended += 1;
                    match role.runs.last_mut() {
                        Some(last)
                            if last_held
                                .get(&(a.id.as_str(), n))
                                .is_some_and(|&held| held + 1 == at) =>
                        {
                            last.last = link.clone();
                            last.meetings += 1;
                        }
                        _ => role.runs.push(run),
                    }
                    n
                }
                None => {
                    person.roles.push(PersonRole {
                        body: body.to_owned(),
                        role: a.role.clone(),
                        role_en: a.role_en.clone(),
                        offices: a.offices.clone(),
                        attended: 1,
                        runs: vec![run],
                    });
                    person.roles.len() - 1
                }
            };
            last_held.insert((a.id.as_str(), n), at);
            years.entry(&a.id).or_default().entry(year).or_insert(0);
        }
        for (_, speech) in m.speeches() {
            let Some(speaker) = speech.speaker.as_deref() else {
                continue;
            };
            let Some(person) = people.get_mut(speaker) else {
                continue;
            };
            person.remarks.push(PersonRemark {
                meeting: link.clone(),
                id: speech.id.clone(),
                designation: speech.designation.clone(),
                paragraphs: speech
                    .paragraphs
                    .iter()
                    .map(|p| RemarkParagraph {
                        id: p.id.clone(),
                        text: p.text.clone(),
                    })
                    .collect(),
            });
            *years.entry(speaker).or_default().entry(year).or_insert(0) += 1;
            let counts = topic_counts.entry(speaker).or_default();
            for p in &speech.paragraphs {
                for t in &p.topics {
                    *counts.entry(t.topic.as_str()).or_insert(0) += 1;
                }
            }
        }
    }
    // Every topic any meeting's list names, by id, with its labels.
    let topics: BTreeMap<&str, (&str, &str)> = series
        .iter()
        .flat_map(|s| s.meetings())
        .flat_map(|m| &m.topics)
        .map(|t| (t.id.as_str(), (t.ja.as_str(), t.en.as_str())))
        .collect();
    people
        .into_iter()
        .map(|(id, mut person)| {
            person.topics = ranked(topic_counts.get(id), &topics);
            if let Some(by_year) = years.get(id) {
                let (first, last) = (
                    *by_year.keys().next().unwrap_or(&0),
                    *by_year.keys().last().unwrap_or(&0),
                );
                person.by_year = (first..=last)
                    .map(|year| YearCount {
                        year,
                        remarks: by_year.get(&year).copied().unwrap_or(0),
                    })
                    .collect();
            }
            person
        })
        .collect()
}

/// The Western year a meeting was held in (`2015-02-10` → 2015; 0 if unreadable).
pub fn year_of(date: &MeetingDate) -> u32 {
    date.date.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0)
}

fn summary(m: &Minutes) -> MeetingSummary {
    let mut speakers: Vec<PersonName> = Vec::new();
    let mut remarks = 0;
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, speech) in m.speeches() {
        remarks += 1;
        if let Some(a) = speech.speaker.as_deref().and_then(|id| m.attendee(id))
            && !speakers.iter().any(|s| s.id == a.id)
        {
            speakers.push(PersonName::of(a));
        }
    }
    for p in m.paragraphs() {
        for t in &p.topics {
            *counts.entry(t.topic.as_str()).or_insert(0) += 1;
        }
    }
    let labels = m
        .topics
        .iter()
        .map(|t| (t.id.as_str(), (t.ja.as_str(), t.en.as_str())))
        .collect();
    MeetingSummary {
        id: m.id.clone(),
        body: m.body_slug().to_owned(),
        number: m.meeting_number,
        title: m.title.clone(),
        date: m.date.clone(),
        written: m.written_procedure(),
        remarks,
        speakers,
        topics: ranked(Some(&counts), &labels),
    }
}

/// Topic counts, most first (ties by id), with their labels.
fn ranked(
    counts: Option<&BTreeMap<&str, usize>>,
    labels: &BTreeMap<&str, (&str, &str)>,
) -> Vec<TopicCount> {
    let mut out: Vec<TopicCount> = counts
        .into_iter()
        .flatten()
        .map(|(id, n)| {
            let (ja, en) = labels.get(id).copied().unwrap_or((id, id));
            TopicCount {
                id: (*id).to_owned(),
                ja: ja.to_owned(),
                en: en.to_owned(),
                paragraphs: *n,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.paragraphs
            .cmp(&a.paragraphs)
            .then_with(|| a.id.cmp(&b.id))
    });
    out
}
