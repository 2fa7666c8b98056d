//! What the converter knows besides the document: the people register
//! (`data/people.json`), the topic list (`data/topics.json`) and the table of bodies.

use std::collections::HashSet;
use std::fmt;
use std::path::Path;

use serde::Deserialize;

use crate::model::Topic;
use crate::normalize::compact;

/// The people register as shipped in `data/people.json`.
pub const BUILTIN_PEOPLE: &str = include_str!("../../../data/people.json");
/// The topic list as shipped in `data/topics.json`.
pub const BUILTIN_TOPICS: &str = include_str!("../../../data/topics.json");

/// Bodies whose minutes the converter knows, with the slug that starts their meetings' ids
/// (`cshq` + `-001` for the first meeting). A meeting of a body not listed here still
/// converts, with a warning and the slug `minutes`; add the body here to give it a stable id.
pub const BODIES: &[Body] = &[Body {
    name: "サイバーセキュリティ戦略本部",
    slug: "cshq",
    cybersecurity_act: true,
}];

/// A body that meets and publishes minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Body {
    /// The body's name as printed at the top of its minutes.
    pub name: &'static str,
    /// The slug that starts its meetings' ids.
    pub slug: &'static str,
    /// Whether サイバーセキュリティ基本法 (平成26年法律第104号) constitutes the body, so that its
    /// offices (本部長, 本部員) follow from the attendees' roles.
    pub cybersecurity_act: bool,
}

/// One person of the register: facts of public record that the minutes do not print.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Person {
    /// The name exactly as printed, spaces removed (安倍晋三).
    pub name: String,
    /// The attendee id, a Latin slug (`abe-shinzo`). Never change one that has shipped.
    pub slug: String,
    /// Reading in hiragana, family and given name separated by a space.
    pub reading: Option<String>,
    /// Name in Latin script, family name first.
    pub latin: Option<String>,
    /// The person's role in English at the time of the meetings.
    pub role_en: Option<String>,
}

#[derive(Deserialize)]
struct PeopleFile {
    people: Vec<Person>,
}

#[derive(Deserialize)]
struct TopicsFile {
    topics: Vec<Topic>,
}

/// Why a register could not be loaded: which file, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryError {
    /// The file (or `built-in people.json`) the problem is in.
    pub source: String,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for RegistryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.message)
    }
}

impl std::error::Error for RegistryError {}

/// The people register and the topic list the converter works with.
#[derive(Debug, Clone, PartialEq)]
pub struct Registry {
    /// Everyone the register knows, in file order.
    pub people: Vec<Person>,
    /// The curated topics, in the order paragraphs list their matches.
    pub topics: Vec<Topic>,
}

impl Registry {
    /// The register and topic list compiled into the crate from `data/`.
    ///
    /// # Panics
    /// Never in a released build: the files are part of the source, and the test
    /// `builtin_registry_loads` fails when either is invalid.
    pub fn builtin() -> Registry {
        match Self::from_json(
            ("built-in data/people.json", BUILTIN_PEOPLE),
            ("built-in data/topics.json", BUILTIN_TOPICS),
        ) {
            Ok(registry) => registry,
            Err(e) => panic!("the built-in data files are invalid: {e}"),
        }
    }

    /// Reads the register from files; a `None` path uses the built-in file instead.
    pub fn load(people: Option<&Path>, topics: Option<&Path>) -> Result<Registry, RegistryError> {
        fn read(
            path: Option<&Path>,
            builtin: (&'static str, &'static str),
        ) -> Result<(String, String), RegistryError> {
            match path {
                None => Ok((builtin.0.to_owned(), builtin.1.to_owned())),
                Some(p) => {
                    let name = p.display().to_string();
                    match std::fs::read_to_string(p) {
                        Ok(text) => Ok((name, text)),
                        Err(e) => Err(RegistryError {
                            source: name,
                            message: format!("cannot read: {e}"),
                        }),
                    }
                }
            }
        }
        let people = read(people, ("built-in data/people.json", BUILTIN_PEOPLE))?;
        let topics = read(topics, ("built-in data/topics.json", BUILTIN_TOPICS))?;
        Self::from_json((&people.0, &people.1), (&topics.0, &topics.1))
    }

    /// Builds the register from the JSON texts of the two files, each given with the name
    /// used in error messages. Checks that slugs and topic ids are unique and well formed.
    pub fn from_json(
        people: (&str, &str),
        topics: (&str, &str),
    ) -> Result<Registry, RegistryError> {
        let err = |source: &str, message: String| RegistryError {
            source: source.to_owned(),
            message,
        };
        let people_file: PeopleFile = serde_json::from_str(people.1)
            .map_err(|e| err(people.0, format!("invalid JSON: {e}")))?;
        let topics_file: TopicsFile = serde_json::from_str(topics.1)
            .map_err(|e| err(topics.0, format!("invalid JSON: {e}")))?;

        let mut names = HashSet::new();
        let mut slugs = HashSet::new();
        for p in &people_file.people {
            if !is_slug(&p.slug) {
                return Err(err(
                    people.0,
                    format!(
                        "slug {:?} of {} is not lower-case a-z, 0-9 and '-'",
                        p.slug, p.name
                    ),
                ));
            }
            if !slugs.insert(p.slug.clone()) {
                return Err(err(people.0, format!("slug {:?} is used twice", p.slug)));
            }
            if !names.insert(compact(&p.name)) {
                return Err(err(people.0, format!("{} is listed twice", p.name)));
            }
        }
        let mut ids = HashSet::new();
        for t in &topics_file.topics {
            if !is_slug(&t.id) {
                return Err(err(
                    topics.0,
                    format!("topic id {:?} is not lower-case a-z, 0-9 and '-'", t.id),
                ));
            }
            if !ids.insert(t.id.clone()) {
                return Err(err(topics.0, format!("topic id {:?} is used twice", t.id)));
            }
            if t.terms
                .iter()
                .any(|term| crate::normalize::normalize_for_search(term).is_empty())
                || t.terms.is_empty()
            {
                return Err(err(
                    topics.0,
                    format!("topic {:?} has no terms or an empty term", t.id),
                ));
            }
        }
        Ok(Registry {
            people: people_file.people,
            topics: topics_file.topics,
        })
    }

    /// The register's entry for a name as printed (spaces and width do not matter).
    pub fn person(&self, printed_name: &str) -> Option<&Person> {
        let key = compact(printed_name);
        self.people.iter().find(|p| compact(&p.name) == key)
    }

    /// The body of [`BODIES`] with this printed name (spaces and width do not matter).
    pub fn body(&self, printed_name: &str) -> Option<&'static Body> {
        let key = compact(printed_name);
        BODIES.iter().find(|b| compact(b.name) == key)
    }
}

/// Whether a text is a slug: non-empty, lower-case ASCII letters, digits and inner hyphens.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_registry_loads() {
        let r = Registry::builtin();
        assert_eq!(r.people.len(), 21);
        assert!(r.topics.len() >= 10);
        assert_eq!(
            r.person("中谷 和弘").map(|p| p.slug.as_str()),
            Some("nakatani-kazuhiro")
        );
        assert_eq!(
            r.person("中谷　元").map(|p| p.slug.as_str()),
            Some("nakatani-gen")
        );
        assert_eq!(
            r.body("サイバーセキュリティ戦略本部").map(|b| b.slug),
            Some("cshq")
        );
    }

    #[test]
    fn duplicate_slug_is_rejected() {
        let people = r#"{"people":[{"name":"甲","slug":"a"},{"name":"乙","slug":"a"}]}"#;
        let e = Registry::from_json(("p.json", people), ("t.json", BUILTIN_TOPICS));
        assert_eq!(
            e.map_err(|e| e.to_string()),
            Err("p.json: slug \"a\" is used twice".to_owned())
        );
    }

    #[test]
    fn invalid_json_names_the_file() {
        let e = Registry::from_json(("p.json", "{"), ("t.json", BUILTIN_TOPICS));
        assert!(e.is_err_and(|e| e.source == "p.json" && e.message.starts_with("invalid JSON")));
    }
}
