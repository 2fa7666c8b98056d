//! What the converter knows besides the document: the people register
//! (`data/people.json`), the topic list (`data/topics.json`) and the table of bodies
//! (`data/bodies.json`): their names, slugs, designations, dated offices and secretariats.

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

/// The table of bodies as shipped in `data/bodies.json`.
pub const BUILTIN_BODIES: &str = include_str!("../../../data/bodies.json");

/// A body that meets and publishes minutes, as `data/bodies.json` describes it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// The slug that starts its meetings' ids (`cshq` + `-001`). Never change one that has
    /// shipped.
    pub slug: String,
    /// The body's name as printed at the top of its minutes (a committee's with its
    /// parent's: 情報セキュリティ政策会議 基本計画検討委員会).
    pub name: String,
    /// Its name in English.
    pub name_en: String,
    /// The first day it existed (ISO 8601).
    pub from: String,
    /// The last day it existed, if it has ended.
    #[serde(default)]
    pub to: Option<String>,
    /// The slug of the body it replaced.
    #[serde(default)]
    pub predecessor: Option<String>,
    /// The slug of the body that replaced it.
    #[serde(default)]
    pub successor: Option<String>,
    /// The slug of the body it is a committee of.
    #[serde(default)]
    pub parent: Option<String>,
    /// The titles its members carry in attendee lists and speech headings (本部員, 委員,
    /// 委員長), besides their posts.
    pub designations: Vec<String>,
    /// The designation that, alone in a heading (`中谷本部員`), names an outside expert
    /// member: ministers who hold it ex officio are named by their post there.
    #[serde(default)]
    pub expert_designation: Option<String>,
    /// Who holds each office, by rule.
    pub offices: Vec<OfficeRule>,
    /// The names the secretariat speaks under (事務局, 国家サイバー統括室).
    pub secretariat: Vec<String>,
}

/// Who holds an office of a body, and from when to when.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeRule {
    /// The office (本部長).
    pub office: String,
    /// Attendees whose role is one of these hold it.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Every attendee of this group holds it (`minister`, `expert`)...
    #[serde(default)]
    pub group: Option<crate::model::Group>,
    /// ...except those with one of these roles.
    #[serde(default)]
    pub except_roles: Vec<String>,
    /// The office is filled by designation, from this group (`minister`): only the
    /// document can say who holds it.
    #[serde(default)]
    pub designated: Option<crate::model::Group>,
    /// At most one person holds it at a time.
    #[serde(default)]
    pub single: bool,
    /// The law (or decision) that makes the rule, cited in the office's basis and in
    /// attributions.
    pub law: String,
    /// The basis recorded with the office: `{law}` and `{role}` are filled in.
    #[serde(default)]
    pub basis: Option<String>,
    /// The first day the rule holds, when later than the body's.
    #[serde(default)]
    pub from: Option<String>,
    /// The last day the rule holds, when earlier than the body's.
    #[serde(default)]
    pub to: Option<String>,
}

impl OfficeRule {
    /// Whether the rule holds on an ISO date.
    pub fn in_force(&self, date: &str) -> bool {
        within(date, self.from.as_deref(), self.to.as_deref())
    }

    /// Whether an attendee of this role and group holds the office by this rule.
    pub fn assigns(&self, role: &str, group: crate::model::Group) -> bool {
        let r = compact(role);
        let listed = |roles: &[String]| roles.iter().any(|x| compact(x) == r);
        listed(&self.roles) || (self.group == Some(group) && !listed(&self.except_roles))
    }

    /// The basis recorded for an attendee of this role.
    pub fn basis_for(&self, role: &str) -> String {
        self.basis
            .as_deref()
            .unwrap_or("{law}")
            .replace("{law}", &self.law)
            .replace("{role}", &compact(role))
    }

    /// The roles (or group) the rule assigns the office to, in words.
    pub fn holders_in_words(&self) -> String {
        if !self.roles.is_empty() {
            return self.roles.join(" or the ");
        }
        match self.group {
            Some(crate::model::Group::Minister) => "every minister".to_owned(),
            Some(crate::model::Group::Expert) => "every expert member".to_owned(),
            Some(crate::model::Group::Official) => "every official".to_owned(),
            None => "whom the document names".to_owned(),
        }
    }
}

/// Whether an ISO date lies within the optional bounds (ISO dates compare as text).
fn within(date: &str, from: Option<&str>, to: Option<&str>) -> bool {
    from.is_none_or(|f| date >= f) && to.is_none_or(|t| date <= t)
}

impl Body {
    /// Whether the body existed on an ISO date.
    pub fn existed_on(&self, date: &str) -> bool {
        within(date, Some(&self.from), self.to.as_deref())
    }

    /// Its years, as `2015–2025` or `2025–`.
    pub fn years(&self) -> String {
        let year = |d: &str| d.get(..4).unwrap_or(d).to_owned();
        format!(
            "{}–{}",
            year(&self.from),
            self.to.as_deref().map(year).unwrap_or_default()
        )
    }

    /// Whether a designation (compacted) is a name of its secretariat.
    pub fn is_secretariat(&self, designation: &str) -> bool {
        designation == "事務局" || self.secretariat.iter().any(|s| compact(s) == designation)
    }

    /// The office rules in force on an ISO date.
    pub fn offices_on<'a>(&'a self, date: &'a str) -> impl Iterator<Item = &'a OfficeRule> + 'a {
        self.offices.iter().filter(move |r| r.in_force(date))
    }
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

#[derive(Deserialize)]
struct BodiesFile {
    bodies: Vec<Body>,
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
    /// The bodies whose minutes the converter reads.
    pub bodies: Vec<Body>,
}

/// What the table of bodies says about a printed body name on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyMatch<'a> {
    /// The one body of that name that existed that day.
    Found(&'a Body),
    /// Bodies of that name exist, but none on that day.
    NotThen(Vec<&'a Body>),
    /// No body has that name.
    Unknown,
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
        )
        .and_then(|r| r.with_bodies(("built-in data/bodies.json", BUILTIN_BODIES)))
        {
            Ok(registry) => registry,
            Err(e) => panic!("the built-in data files are invalid: {e}"),
        }
    }

    /// Reads the register from files; a `None` path uses the built-in file instead.
    pub fn load(
        people: Option<&Path>,
        topics: Option<&Path>,
        bodies: Option<&Path>,
    ) -> Result<Registry, RegistryError> {
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
        let bodies = read(bodies, ("built-in data/bodies.json", BUILTIN_BODIES))?;
        Self::from_json((&people.0, &people.1), (&topics.0, &topics.1))?
            .with_bodies((&bodies.0, &bodies.1))
    }

    /// The register with the table of bodies read from its JSON text (given with the name
    /// used in error messages). Checks that slugs are unique and well formed, that the
    /// links between bodies name bodies of the table, and that two bodies of one name
    /// never existed on the same day (a meeting's body must follow from its name and date).
    pub fn with_bodies(mut self, bodies: (&str, &str)) -> Result<Registry, RegistryError> {
        let err = |message: String| RegistryError {
            source: bodies.0.to_owned(),
            message,
        };
        let file: BodiesFile =
            serde_json::from_str(bodies.1).map_err(|e| err(format!("invalid JSON: {e}")))?;
        let mut slugs = HashSet::new();
        for b in &file.bodies {
            if !is_slug(&b.slug) {
                return Err(err(format!(
                    "slug {:?} of {} is not lower-case a-z, 0-9 and '-'",
                    b.slug, b.name
                )));
            }
            if !slugs.insert(b.slug.as_str()) {
                return Err(err(format!("slug {:?} is used twice", b.slug)));
            }
            for d in [Some(&b.from), b.to.as_ref()].into_iter().flatten() {
                if !is_iso_date(d) {
                    return Err(err(format!("{}: {d:?} is not a date YYYY-MM-DD", b.slug)));
                }
            }
            for rule in &b.offices {
                for d in [rule.from.as_ref(), rule.to.as_ref()].into_iter().flatten() {
                    if !is_iso_date(d) {
                        return Err(err(format!(
                            "{}: office {}: {d:?} is not a date YYYY-MM-DD",
                            b.slug, rule.office
                        )));
                    }
                }
                let ways = usize::from(!rule.roles.is_empty() || rule.group.is_some())
                    + usize::from(rule.designated.is_some());
                if ways != 1 {
                    return Err(err(format!(
                        "{}: office {} must say who holds it either by roles or group, or as designated",
                        b.slug, rule.office
                    )));
                }
            }
        }
        for b in &file.bodies {
            for (what, link) in [
                ("predecessor", &b.predecessor),
                ("successor", &b.successor),
                ("parent", &b.parent),
            ] {
                if let Some(l) = link
                    && !slugs.contains(l.as_str())
                {
                    return Err(err(format!(
                        "{}: {what} {l:?} is not a body of the file",
                        b.slug
                    )));
                }
            }
            for other in &file.bodies {
                let overlap = other.slug > b.slug
                    && compact(&other.name) == compact(&b.name)
                    && other.to.as_deref().is_none_or(|t| b.from.as_str() <= t)
                    && b.to.as_deref().is_none_or(|t| other.from.as_str() <= t);
                if overlap {
                    return Err(err(format!(
                        "{} and {} have the same name and overlapping dates: a meeting's body could not be told",
                        b.slug, other.slug
                    )));
                }
            }
        }
        self.bodies = file.bodies;
        Ok(self)
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
            bodies: Vec::new(),
        })
    }

    /// The register's entry for a name as printed (spaces and width do not matter).
    pub fn person(&self, printed_name: &str) -> Option<&Person> {
        let key = compact(printed_name);
        self.people.iter().find(|p| compact(&p.name) == key)
    }

    /// The body with this printed name (spaces and width do not matter) that existed on an
    /// ISO date.
    pub fn body(&self, printed_name: &str, date: &str) -> BodyMatch<'_> {
        let key = compact(printed_name);
        let named: Vec<&Body> = self
            .bodies
            .iter()
            .filter(|b| compact(&b.name) == key)
            .collect();
        match named.iter().find(|b| b.existed_on(date)) {
            Some(b) => BodyMatch::Found(b),
            None if named.is_empty() => BodyMatch::Unknown,
            None => BodyMatch::NotThen(named),
        }
    }

    /// The designations of every body, for reading an attendee list whose body is not known
    /// (or not yet: a PDF's table is mended before the title is read).
    pub fn all_designations(&self) -> Vec<String> {
        let mut all: Vec<String> = self
            .bodies
            .iter()
            .flat_map(|b| b.designations.iter().cloned())
            .collect();
        all.sort();
        all.dedup();
        all
    }

    /// The body whose printed name starts a title line (spaces and width do not matter),
    /// the longest such name: a committee's name starts with its parent's.
    pub fn body_prefix(&self, line: &str) -> Option<&Body> {
        let key = compact(line);
        self.bodies
            .iter()
            .filter(|b| key.starts_with(&compact(&b.name)))
            .max_by_key(|b| compact(&b.name).len())
    }
}

/// Whether a text is an ISO date, YYYY-MM-DD.
fn is_iso_date(s: &str) -> bool {
    s.len() == 10
        && s.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        })
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
        let slug = |name: &str, date: &str| match r.body(name, date) {
            BodyMatch::Found(b) => Some(b.slug.clone()),
            _ => None,
        };
        assert_eq!(
            slug("サイバーセキュリティ戦略本部", "2015-02-10"),
            Some("cshq".to_owned())
        );
        // The reorganised body has the same name: its date tells it apart.
        assert_eq!(
            slug("サイバーセキュリティ戦略本部", "2025-07-01"),
            Some("cshq-2025".to_owned())
        );
        assert_eq!(slug("サイバーセキュリティ戦略本部", "2010-01-01"), None);
        assert_eq!(
            slug("情報セキュリティ政策会議　基本計画検討委員会", "2008-10-14"),
            Some("ispc-kihon".to_owned())
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
