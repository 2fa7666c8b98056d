//! The minutes as data. These types *are* the JSON format: the converter writes them as
//! JSON, the page carries that JSON as it is, and the viewer parses it with serde_json back
//! into these same types, so the two ends cannot disagree on a field.
//! `data/minutes.schema.json` is generated from them for everyone else.

use serde::{Deserialize, Serialize};

#[cfg(feature = "convert")]
use schemars::JsonSchema;

/// Version of the JSON format. Bump it when a field changes meaning or disappears, or when
/// a field is added that a reader of the previous version would drop unseen.
///
/// 2: [`Minutes::source`] (where the minutes were converted from) and
/// [`Paragraph::page`]/[`Paragraph::page_end`] (where a paragraph is printed in the PDF).
pub const SCHEMA_VERSION: u32 = 2;

/// One meeting's 議事概要, complete and in printed order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "convert", derive(JsonSchema))]
pub struct Minutes {
    /// Version of this format ([`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// Stable id of the meeting, e.g. `cshq-001` (the body's slug and the meeting number).
    pub id: String,
    /// The body that met, as printed (e.g. サイバーセキュリティ戦略本部).
    pub body: String,
    /// The document title as printed (e.g. 第1回会合 議事概要).
    pub title: String,
    /// The meeting number (第1回 → 1).
    pub meeting_number: u32,
    /// When the meeting took place.
    pub date: MeetingDate,
    /// Where the meeting took place, as printed.
    pub place: String,
    /// The note printed after the attendee heading, e.g. 敬称略 (honorifics omitted).
    pub attendees_note: Option<String>,
    /// Everyone listed as present, in printed order.
    pub attendees: Vec<Attendee>,
    /// The proceedings (4 議事概要), section by section.
    pub sections: Vec<Section>,
    /// The topic list the paragraphs were tagged with, so the document is self-contained.
    pub topics: Vec<Topic>,
    /// The closing mark as printed (e.g. 以上), if any.
    pub end_mark: Option<String>,
    /// What the minutes were converted from; absent when the converter was handed text
    /// without its file (a test, a library call).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// The file the minutes were converted from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "convert", derive(JsonSchema))]
pub struct Source {
    /// Where the original is published (the PDF on the ministry's site), when the person
    /// converting it said so (`minutes --source-url`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Whether the file was the PDF itself or a text conversion of it.
    pub format: SourceFormat,
    /// SHA-256 of the file's bytes, 64 lower-case hex digits: which file, exactly.
    pub sha256: String,
}

/// The kind of file the minutes were converted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "convert", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// A PDF, whose text the converter extracted (paragraphs then carry their pages).
    Pdf,
    /// UTF-8 text in the layout of a PDF-to-text conversion.
    Text,
}

/// Date and time of a meeting, as printed and as ISO 8601 in Japan Standard Time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "convert", derive(JsonSchema))]
pub struct MeetingDate {
    /// The line as printed, e.g. 平成27年2月10日(火) 17:00~18:00.
    pub printed: String,
    /// The era name when the date is printed in a Japanese era (平成), else `None`.
    pub era: Option<String>,
    /// The year within the era (平成27年 → 27), else `None`.
    pub era_year: Option<u32>,
    /// The calendar date, `YYYY-MM-DD`.
    pub date: String,
    /// The weekday as printed (火), if printed.
    pub weekday: Option<String>,
    /// Start, ISO 8601 with `+09:00`, when a time is printed.
    pub start: Option<String>,
    /// End, ISO 8601 with `+09:00`, when an end time is printed.
    pub end: Option<String>,
}

/// The three groups the viewer distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "convert", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// A minister of state (the Prime Minister, the Chief Cabinet Secretary, ministers).
    Minister,
    /// An outside expert member of the headquarters (有識者本部員).
    Expert,
    /// A senior official who attends without being a member (副長官, センター長...).
    Official,
}

/// A person listed as present.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "convert", derive(JsonSchema))]
pub struct Attendee {
    /// Stable id: the name in Latin script as a slug (`murai-jun`), or `attendee-N` when the
    /// person is not in the people register.
    pub id: String,
    /// Name as printed, with the printed space between family and given name.
    pub name: String,
    /// Family name, when the printed name separates it.
    pub family_name: Option<String>,
    /// Role or affiliation as printed.
    pub role: String,
    /// Which group the role belongs to.
    pub group: Group,
    /// Offices in the headquarters, each with where that fact comes from.
    pub offices: Vec<Office>,
    /// Reading in hiragana (むらい じゅん), from the people register.
    pub reading: Option<String>,
    /// Name in Latin script, family name first (Murai Jun), from the people register.
    pub latin: Option<String>,
    /// Role in English, from the people register.
    pub role_en: Option<String>,
}

/// An office in the headquarters (本部長, 副本部長, 本部員) held by an attendee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "convert", derive(JsonSchema))]
pub struct Office {
    /// The office as written in Japanese.
    pub name: String,
    /// Why we know it: the law that assigns it, or the document that states it.
    pub basis: String,
}

/// A numbered section of the proceedings, e.g. (2) 討議.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "convert", derive(JsonSchema))]
pub struct Section {
    /// Stable id, `sec-N`.
    pub id: String,
    /// The printed number.
    pub number: u32,
    /// The title as printed, without its number.
    pub title: String,
    /// The section's content in printed order.
    pub blocks: Vec<Block>,
}

/// One unit of a section.
// Told apart by its `type` beside its fields; read by its own `Deserialize`, below.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "convert", derive(JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// An agenda list such as 【決定事項】 with its items.
    Agenda(Agenda),
    /// A paragraph of the secretariat's narrative, not said by anyone in particular.
    Narrative(Paragraph),
    /// A remark by one speaker.
    Speech(Speech),
}

/// The same format as serde's derive for `#[serde(tag = "type")]` reads, read in one pass:
/// the derive buffers every block into serde's `Content` (the tag may come last) and so
/// compiles a second reader of every block type into the viewer's WASM, 6 KB brotli of
/// 287 KB (measured with the derive and with this; bench/RESULTS.md). Here the fields of
/// all three kinds are read as one struct (no two kinds share a field name with another
/// type), then the tag says which are required. As with the derive, a field no kind has
/// is ignored, and a kind's missing field is an error that names it. The round trip over
/// every committed and fixture meeting is tested (`tests/blocks.rs`).
impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Block, D::Error> {
        use serde::de::Error;
        #[derive(Deserialize)]
        #[serde(rename_all = "snake_case")]
        enum Type {
            Agenda,
            Narrative,
            Speech,
        }
        #[derive(Deserialize)]
        struct Fields {
            #[serde(rename = "type")]
            tag: Type,
            id: String,
            kind: Option<AgendaKind>,
            heading: Option<String>,
            items: Option<Vec<AgendaItem>>,
            speaker: Option<String>,
            designation: Option<String>,
            attribution: Option<String>,
            paragraphs: Option<Vec<Paragraph>>,
            text: Option<String>,
            search: Option<String>,
            topics: Option<Vec<TopicMatch>>,
            line: Option<u32>,
            page: Option<u32>,
            page_end: Option<u32>,
        }
        fn need<T, E: Error>(field: Option<T>, name: &'static str) -> Result<T, E> {
            field.ok_or_else(|| E::missing_field(name))
        }
        let f = Fields::deserialize(deserializer)?;
        Ok(match f.tag {
            Type::Agenda => Block::Agenda(Agenda {
                id: f.id,
                kind: need(f.kind, "kind")?,
                heading: need(f.heading, "heading")?,
                items: need(f.items, "items")?,
            }),
            Type::Narrative => Block::Narrative(Paragraph {
                id: f.id,
                text: need(f.text, "text")?,
                search: need(f.search, "search")?,
                topics: need(f.topics, "topics")?,
                line: need(f.line, "line")?,
                page: f.page,
                page_end: f.page_end,
            }),
            Type::Speech => Block::Speech(Speech {
                id: f.id,
                speaker: f.speaker,
                designation: need(f.designation, "designation")?,
                attribution: need(f.attribution, "attribution")?,
                paragraphs: need(f.paragraphs, "paragraphs")?,
            }),
        })
    }
}

/// Which kind of agenda list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "convert", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AgendaKind {
    /// 決定事項: items decided.
    Decision,
    /// 討議事項: items for discussion.
    Discussion,
    /// 報告事項: items reported.
    Report,
    /// Any other bracketed list heading.
    Other,
}

/// An agenda list: its printed heading and its items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "convert", derive(JsonSchema))]
pub struct Agenda {
    /// Stable id, e.g. `sec-2-decision`.
    pub id: String,
    /// The kind of list.
    pub kind: AgendaKind,
    /// The heading as printed without brackets (決定事項).
    pub heading: String,
    /// The items, without list markers.
    pub items: Vec<AgendaItem>,
}

/// One agenda item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "convert", derive(JsonSchema))]
pub struct AgendaItem {
    /// Stable id, e.g. `sec-2-decision-1`.
    pub id: String,
    /// The item as printed.
    pub text: String,
}

/// A remark: who said it, how the minutes introduce it, and what was said.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "convert", derive(JsonSchema))]
pub struct Speech {
    /// Stable permalink id, e.g. `sec-2-onodera-tadashi` (`-2`, `-3`... when the same
    /// person speaks again in the section).
    pub id: String,
    /// The attendee's id, or `None` when the document alone cannot say who spoke.
    pub speaker: Option<String>,
    /// How the speaker is named in the document (小野寺本部員, 本部長).
    pub designation: String,
    /// How the designation was resolved to the speaker, in words.
    pub attribution: String,
    /// The paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
}

/// A paragraph of text, re-joined across page breaks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "convert", derive(JsonSchema))]
pub struct Paragraph {
    /// Stable permalink id: the owner's id and `-pN`.
    pub id: String,
    /// The text as printed, artefacts such as `I o T` kept.
    pub text: String,
    /// The text normalised for search: NFKC, lower case, no white space.
    pub search: String,
    /// Topics this paragraph discusses, each with the terms that matched.
    pub topics: Vec<TopicMatch>,
    /// The 1-based line in the source where the paragraph starts. For a PDF, the line of
    /// the text extracted from it (`pdftotext -layout`, pages in order).
    pub line: u32,
    /// The PDF page on which the paragraph starts; absent for text input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The PDF page on which the paragraph ends, when that is not [`Paragraph::page`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_end: Option<u32>,
}

impl Paragraph {
    /// The pages the paragraph is printed on, first and last (the same page twice when it
    /// does not run on); `None` for minutes converted from text.
    pub fn pages(&self) -> Option<(u32, u32)> {
        self.page
            .map(|first| (first, self.page_end.unwrap_or(first)))
    }
}

/// Why a paragraph is tagged with a topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "convert", derive(JsonSchema))]
pub struct TopicMatch {
    /// The topic's id in the topic list.
    pub topic: String,
    /// The terms of the topic found in the paragraph, in the topic list's order.
    pub terms: Vec<String>,
}

/// A topic from the curated topic list (`data/topics.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "convert", derive(JsonSchema))]
pub struct Topic {
    /// Stable id used in URLs (`iot`).
    pub id: String,
    /// Japanese label.
    pub ja: String,
    /// English label.
    pub en: String,
    /// Terms that define the topic; a paragraph whose search form contains one is tagged.
    pub terms: Vec<String>,
}

/// Whether printed text (a title, a place) says the meeting was held by written
/// procedure (持ち回り開催): decisions circulated for approval, no discussion recorded.
pub fn says_written_procedure(text: &str) -> bool {
    text.contains("持ち回り") || text.contains("持回り")
}

/// The slug of the body a meeting id belongs to: the id without its number
/// (`cshq-001` → `cshq`, `cshq-2025-001` → `cshq-2025`). The converter writes ids as the
/// body's slug and the three-digit meeting number (`data/bodies.json`), so the id names
/// the body even where two bodies print the same name, as the 2015 and 2025 戦略本部 do.
/// An id with no number after its last `-` is its own slug.
pub fn body_slug(meeting_id: &str) -> &str {
    match meeting_id.rsplit_once('-') {
        Some((slug, n))
            if !slug.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) =>
        {
            slug
        }
        _ => meeting_id,
    }
}

impl Minutes {
    /// The slug of the body that met ([`body_slug`] of the id).
    pub fn body_slug(&self) -> &str {
        body_slug(&self.id)
    }

    /// Whether the meeting was held by written procedure (持ち回り開催), as its title or
    /// place says.
    pub fn written_procedure(&self) -> bool {
        says_written_procedure(&self.title) || says_written_procedure(&self.place)
    }

    /// The attendee with this id.
    pub fn attendee(&self, id: &str) -> Option<&Attendee> {
        self.attendees.iter().find(|a| a.id == id)
    }

    /// The topic with this id, from the document's topic list.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// Every speech, with its section, in printed order.
    pub fn speeches(&self) -> impl Iterator<Item = (&Section, &Speech)> {
        self.sections.iter().flat_map(|s| {
            s.blocks.iter().filter_map(move |b| match b {
                Block::Speech(sp) => Some((s, sp)),
                _ => None,
            })
        })
    }

    /// Every paragraph (narrative and speech), in printed order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.sections
            .iter()
            .flat_map(|s| s.blocks.iter())
            .flat_map(|b| match b {
                Block::Narrative(p) => std::slice::from_ref(p),
                Block::Speech(sp) => sp.paragraphs.as_slice(),
                Block::Agenda(_) => &[],
            })
    }
}
