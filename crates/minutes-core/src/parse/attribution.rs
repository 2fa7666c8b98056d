//! Who spoke: resolving a designation (小野寺本部員, 中谷防衛大臣, 本部長) to an attendee from
//! facts only - the attendee list, the Act, and what the document itself states. When the
//! facts do not single out one person the speaker stays unknown and an error says why.

use std::collections::HashMap;

use super::Diags;
use super::lines::split_trailing_office;
use super::proceedings::{Proceedings, RawSpeech};
use crate::model::{Attendee, Group, Office};
use crate::normalize::{compact, fold_variants};
use crate::registry::{Body, OfficeRule};

/// Who a designation names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Speaker {
    /// An attendee, by index in the attendee list.
    Attendee(usize),
    /// The secretariat (事務局), which is not a person on the list.
    Secretariat,
    /// Nobody, or more than one person: the error says which.
    Unknown,
}

/// The outcome of resolving one designation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolution {
    pub speaker: Speaker,
    /// How the designation was resolved, in words (goes into `Speech::attribution`).
    pub attribution: String,
    /// Why it could not be resolved, for an error diagnostic.
    pub error: Option<String>,
}

/// What attribution knows besides the designation.
pub(crate) struct Context<'a> {
    pub attendees: &'a [Attendee],
    /// The body, from data/bodies.json; `None` when it is not known (an error already).
    pub body: Option<&'a Body>,
    /// The meeting's ISO date, which selects the body's office rules.
    pub date: &'a str,
    /// Attendees the document states to hold an office filled by designation (副本部長
    /// until June 2025), with the office and the line that says so.
    pub designated: Vec<(usize, String, u32)>,
}

impl Context<'_> {
    /// The rules of an office of the body in force on the meeting's date.
    fn rules(&self, office: &str) -> Vec<&OfficeRule> {
        self.body
            .map(|b| {
                b.offices_on(self.date)
                    .filter(|r| r.office == office)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether the office is one of the body's (本部長, 副本部長, 本部員, 議長).
    fn is_office(&self, office: &str) -> bool {
        !self.rules(office).is_empty()
    }

    /// The rule that fills the office by designation, so that only the document says who
    /// holds it.
    fn designated_rule(&self, office: &str) -> Option<&OfficeRule> {
        self.rules(office)
            .into_iter()
            .find(|r| r.designated.is_some())
    }

    /// Whether attendee `i` holds an office: by a rule of the body, as the attendee list
    /// says (委員長), or as a heading of the document states it.
    fn holds(&self, i: usize, office: &str) -> bool {
        self.attendees
            .get(i)
            .is_some_and(|a| a.offices.iter().any(|o| o.name == office))
            || self
                .designated
                .iter()
                .any(|(d, o, _)| *d == i && o == office)
    }

    fn label(&self, i: usize) -> String {
        self.attendees
            .get(i)
            .map_or_else(String::new, |a| a.name.clone())
    }

    fn expert_designation(&self) -> Option<&str> {
        self.body.and_then(|b| b.expert_designation.as_deref())
    }

    fn is_designation(&self, title: &str) -> bool {
        self.body
            .is_some_and(|b| b.designations.iter().any(|d| compact(d) == title))
    }

    /// Whether the title part of a designation fits attendee `i`.
    fn title_fits(&self, i: usize, title: &str) -> bool {
        let Some(a) = self.attendees.get(i) else {
            return false;
        };
        let role = compact(&a.role);
        if Some(title) == self.expert_designation() {
            // In these bodies' headings the members' designation alone (本部員) names an
            // expert member: ministers who are members ex officio are named by their post.
            return a.group == Group::Expert && self.holds(i, title);
        }
        if self.is_office(title) || self.is_designation(title) {
            return self.holds(i, title);
        }
        match title {
            "総理" => role == "内閣総理大臣",
            "" => false,
            // The role ends with the title, and not inside a longer post: 佐藤 外務副大臣 is
            // neither 佐藤外務大臣 nor 佐藤大臣.
            t => role == t || (role.ends_with(t) && !role[..role.len() - t.len()].ends_with('副')),
        }
    }
}

/// Resolves every speech of the proceedings, in printed order (an error for each that
/// cannot be), and adds to the attendees the offices the headings state.
pub(crate) fn attribute(
    proceedings: &Proceedings,
    attendees: &mut [Attendee],
    body: Option<&Body>,
    date: &str,
    diags: &mut Diags,
) -> Vec<Resolution> {
    let mut ctx = Context {
        attendees,
        body,
        date,
        designated: Vec::new(),
    };
    // Pass 1: the document's statements of who holds an office filled by designation (a
    // trailing （副本部長）), so that a later bare 副本部長 can be resolved whatever the order.
    let deputies = deputy_statements(&ctx, proceedings);
    ctx.designated = deputies
        .iter()
        .map(|d| (d.attendee, d.office.clone(), d.line))
        .collect();

    // Pass 2: every speech.
    let mut resolutions = Vec::new();
    let mut stated = StatedOffices::default();
    for sp in proceedings.speeches() {
        let r = resolve(&ctx, &sp.designation);
        if let Some(why) = &r.error {
            diags.error(
                sp.line,
                format!(
                    "cannot attribute the speech headed （{}）: {why}. Check the heading against 3 出席者; an office or a secretariat name the converter does not know goes into data/bodies.json",
                    sp.designation
                ),
            );
        }
        if let Speaker::Attendee(i) = r.speaker {
            stated.note_member(&ctx, i, sp);
        }
        resolutions.push(r);
    }
    stated.add_deputies(&deputies);
    stated.record(attendees, body);
    resolutions
}

/// A heading that states who holds an office filled by designation:
/// （山口情報通信技術（IT）政策担当大臣（副本部長））.
struct DeputyStatement {
    /// The attendee, by index.
    attendee: usize,
    office: String,
    line: u32,
    designation: String,
}

/// The first heading for each attendee that states them to hold an office filled by
/// designation, in printed order.
fn deputy_statements(ctx: &Context<'_>, proceedings: &Proceedings) -> Vec<DeputyStatement> {
    let mut found: Vec<DeputyStatement> = Vec::new();
    for sp in proceedings.speeches() {
        let c = fold_variants(&compact(&sp.designation));
        let (base, trailing) = split_trailing_office(&c);
        if let Some(office) = trailing
            && ctx.designated_rule(office).is_some()
            && let Speaker::Attendee(i) = resolve(ctx, base).speaker
            && !found.iter().any(|d| d.attendee == i && d.office == office)
        {
            found.push(DeputyStatement {
                attendee: i,
                office: office.to_owned(),
                line: sp.line,
                designation: sp.designation.clone(),
            });
        }
    }
    found
}

/// What the headings state about offices, gathered while resolving and recorded on the
/// attendees afterwards.
#[derive(Default)]
struct StatedOffices {
    /// Offices to add, by attendee index, in the order found.
    offices: Vec<(usize, Office)>,
    /// Expert members the document names as 本部員, with the first heading that does.
    named_experts: HashMap<usize, (String, u32)>,
}

impl StatedOffices {
    /// What the heading of a speech by attendee `i` states about them being a member
    /// (本部員).
    fn note_member(&mut self, ctx: &Context<'_>, i: usize, sp: &RawSpeech) {
        let Some(member) = ctx.expert_designation() else {
            return;
        };
        let Some(attendee) = ctx.attendees.get(i) else {
            return;
        };
        let c = compact(&sp.designation);
        let (base, trailing) = split_trailing_office(&c);
        if trailing == Some(member) && !attendee.offices.iter().any(|o| o.name == member) {
            self.offices.push((
                i,
                Office {
                    name: member.to_owned(),
                    basis: format!("the document, line {}: （{}）", sp.line, sp.designation),
                },
            ));
        }
        if base.ends_with(member) && attendee.group == Group::Expert {
            self.named_experts
                .entry(i)
                .or_insert_with(|| (sp.designation.clone(), sp.line));
        }
    }

    fn add_deputies(&mut self, deputies: &[DeputyStatement]) {
        for d in deputies {
            self.offices.push((
                d.attendee,
                Office {
                    name: d.office.clone(),
                    basis: format!("the document, line {}: （{}）", d.line, d.designation),
                },
            ));
        }
    }

    /// Adds the offices an attendee does not hold yet, notes on an expert's 本部員 where the
    /// document names them so, and puts every attendee's offices in the order of [`OFFICES`].
    fn record(self, attendees: &mut [Attendee], body: Option<&Body>) {
        for (i, office) in self.offices {
            if let Some(a) = attendees.get_mut(i)
                && !a.offices.iter().any(|o| o.name == office.name)
            {
                a.offices.push(office);
            }
        }
        for (i, (designation, line)) in &self.named_experts {
            if let Some(o) = attendees
                .get_mut(*i)
                .and_then(|a| a.offices.iter_mut().find(|o| o.name == "本部員"))
            {
                o.basis.push_str(&format!(
                    "; the document names them {designation} at line {line}"
                ));
            }
        }
        // Offices in the order the body lists them, then the designations printed in the
        // attendee list.
        let order: Vec<&str> = body
            .map(|b| {
                b.offices
                    .iter()
                    .map(|r| r.office.as_str())
                    .chain(b.designations.iter().map(String::as_str))
                    .collect()
            })
            .unwrap_or_default();
        for a in attendees {
            a.offices.sort_by_key(|o| {
                order
                    .iter()
                    .position(|n| *n == o.name)
                    .unwrap_or(usize::MAX)
            });
        }
    }
}

/// Resolves a designation as printed (without its outer parentheses).
fn resolve(ctx: &Context<'_>, designation: &str) -> Resolution {
    let compacted = fold_variants(&compact(designation));
    let (base, trailing) = split_trailing_office(&compacted);
    let mut r = resolve_base(ctx, base);
    if let (Speaker::Secretariat, Some(office)) = (&r.speaker, trailing) {
        return Resolution {
            speaker: Speaker::Unknown,
            attribution: format!("unresolved: {base} is the secretariat, which holds no office"),
            error: Some(format!(
                "{designation}: {base} is the secretariat, which holds no office ({office})"
            )),
        };
    }
    if let (Speaker::Attendee(i), Some(office)) = (&r.speaker, trailing) {
        let i = *i;
        let name = ctx.label(i);
        let by_rule = ctx
            .rules(office)
            .into_iter()
            .find(|rule| rule.designated.is_none());
        if let Some(rule) = ctx.designated_rule(office) {
            let other = ctx
                .designated
                .iter()
                .find(|(d, o, _)| *d != i && o == office);
            let from_group = rule.designated;
            if let (true, Some((other, _, line))) = (rule.single, other) {
                r.error = Some(format!(
                    "{designation}: the document already names {} as {office} at line {line}",
                    ctx.label(*other)
                ));
            } else if from_group.is_some_and(|g| ctx.attendees.get(i).is_some_and(|a| a.group != g))
            {
                r.error = Some(format!(
                    "{designation}: {} fills {office} with a minister of state, and {name} is not one",
                    rule.law
                ));
            } else {
                r.attribution.push_str(&format!(
                    "; the document states the office ({office}) in the heading"
                ));
            }
        } else if ctx.holds(i, office) {
            let law = by_rule.map_or("the attendee list", |rule| rule.law.as_str());
            r.attribution
                .push_str(&format!("; the office ({office}) agrees with {law}"));
        } else if let Some(rule) = by_rule {
            r.error = Some(format!(
                "{designation}: {name} is not the {office}, whom {} makes the {}",
                rule.law,
                rule.holders_in_words()
            ));
        } else if ctx.is_designation(office) {
            r.attribution.push_str(&format!(
                "; the document states the office ({office}) in the heading"
            ));
        } else {
            r.error = Some(format!(
                "{designation}: {} has no office {office} by data/bodies.json",
                ctx.body.map_or("the body", |b| b.name.as_str())
            ));
        }
    }
    r
}

fn resolve_base(ctx: &Context<'_>, base: &str) -> Resolution {
    let found = |i: usize, attribution: String| Resolution {
        speaker: Speaker::Attendee(i),
        attribution,
        error: None,
    };
    let unknown = |why: String| Resolution {
        speaker: Speaker::Unknown,
        attribution: format!("unresolved: {why}"),
        error: Some(why),
    };
    if base == "事務局" {
        return Resolution {
            speaker: Speaker::Secretariat,
            attribution: "事務局: the secretariat, not a person on the attendee list".to_owned(),
            error: None,
        };
    }
    if let Some(body) = ctx.body
        && body.is_secretariat(base)
    {
        return Resolution {
            speaker: Speaker::Secretariat,
            attribution: format!(
                "{base}: the secretariat of the {} (data/bodies.json), not a person on the attendee list",
                body.name
            ),
            error: None,
        };
    }
    if ctx.is_office(base) && Some(base) != ctx.expert_designation() {
        return resolve_office(ctx, base, found, unknown);
    }
    if ctx.body.is_none() && ["本部長", "副本部長", "議長"].contains(&base) {
        return unknown(format!(
            "{base}: the converter knows this body's offices from no data (its entry in data/bodies.json is missing)"
        ));
    }

    // Surname + title: for each attendee, the surname is the printed family name (or, when
    // the name was printed without a space, any prefix of the name), and the rest of the
    // designation is the title, which must fit the attendee.
    let mut candidates: Vec<(usize, Option<String>, String)> = Vec::new();
    for (i, a) in ctx.attendees.iter().enumerate() {
        let name = fold_variants(&compact(&a.name));
        let split = match a.family_name.as_deref().map(|f| fold_variants(&compact(f))) {
            Some(family) => base
                .strip_prefix(family.as_str())
                .filter(|t| ctx.title_fits(i, t))
                .map(|t| (Some(family.clone()), t.to_owned())),
            None => base
                .char_indices()
                .skip(1)
                .map(|(k, _)| base.split_at(k))
                .find(|(s, t)| name.starts_with(s) && ctx.title_fits(i, t))
                .map(|(s, t)| (Some(s.to_owned()), t.to_owned())),
        };
        // A title alone (防衛大臣, 総理) names whoever holds it.
        let split = split.or_else(|| {
            (Some(base) != ctx.expert_designation() && ctx.title_fits(i, base))
                .then(|| (None, base.to_owned()))
        });
        if let Some((surname, title)) = split {
            candidates.push((i, surname, title));
        }
    }
    match candidates.as_slice() {
        [(i, Some(surname), title)] => {
            let a = &ctx.attendees[*i];
            if Some(title.as_str()) == ctx.expert_designation() {
                let namesakes: Vec<String> = ctx
                    .attendees
                    .iter()
                    .enumerate()
                    .filter(|(j, other)| {
                        *j != *i
                            && fold_variants(&compact(&other.name)).starts_with(surname.as_str())
                    })
                    .map(|(_, other)| format!("{} ({})", other.name, other.role))
                    .collect();
                let mut text = format!(
                    "surname {surname} + title {title} → the only expert member named {surname}, {}",
                    a.name
                );
                if !namesakes.is_empty() {
                    text.push_str(&format!(
                        " ({title} alone names an expert member; {} is named by the post)",
                        namesakes.join(", ")
                    ));
                }
                found(*i, text)
            } else if ctx.is_office(title) || ctx.is_designation(title) {
                found(
                    *i,
                    format!(
                        "surname {surname} + title {title} → the only attendee named {surname} who is {title} ({}), {}",
                        office_basis(a, title),
                        a.name
                    ),
                )
            } else {
                found(
                    *i,
                    format!(
                        "surname {surname} + title {title} → the only attendee named {surname} whose role is {}, {}",
                        a.role, a.name
                    ),
                )
            }
        }
        [(i, None, title)] => {
            let a = &ctx.attendees[*i];
            found(
                *i,
                format!(
                    "title {title} → the only attendee whose role is {}, {}",
                    a.role, a.name
                ),
            )
        }
        [] => {
            let namesakes: Vec<usize> = (0..ctx.attendees.len())
                .filter(|i| {
                    ctx.attendees[*i]
                        .family_name
                        .as_deref()
                        .map(|f| fold_variants(&compact(f)))
                        .is_some_and(|f| base.starts_with(f.as_str()))
                })
                .collect();
            if namesakes.is_empty() {
                unknown(format!("no attendee's name begins the designation {base}"))
            } else {
                unknown(format!(
                    "no attendee fits {base}; attendees with that surname: {}",
                    roles(ctx, &namesakes)
                ))
            }
        }
        several => unknown(format!(
            "{base} is ambiguous: candidates {}",
            roles(ctx, &several.iter().map(|c| c.0).collect::<Vec<_>>())
        )),
    }
}

/// Resolves an office named alone (本部長, 副本部長): through the body's rules in force on the
/// meeting's date, or, for an office filled by designation, through what the document
/// states.
fn resolve_office(
    ctx: &Context<'_>,
    office: &str,
    found: impl Fn(usize, String) -> Resolution,
    unknown: impl Fn(String) -> Resolution,
) -> Resolution {
    if ctx.designated_rule(office).is_some() {
        let named: Vec<&(usize, String, u32)> = ctx
            .designated
            .iter()
            .filter(|(_, o, _)| o == office)
            .collect();
        return match named.as_slice() {
            [(i, _, line)] => found(
                *i,
                format!(
                    "{office}: the document names {} as {office} at line {line}",
                    ctx.label(*i)
                ),
            ),
            [] => unknown(format!(
                "{office}: the Act leaves this office to designation and the document does not say who holds it"
            )),
            several => unknown(format!(
                "{office}: the document names several: {}",
                names(ctx, &several.iter().map(|(i, _, _)| *i).collect::<Vec<_>>())
            )),
        };
    }
    let holders: Vec<usize> = (0..ctx.attendees.len())
        .filter(|i| ctx.holds(*i, office))
        .collect();
    let rules = ctx.rules(office);
    let law = rules.first().map_or("", |r| r.law.as_str());
    let whom = rules
        .first()
        .map_or_else(String::new, |r| r.holders_in_words());
    match holders.as_slice() {
        [i] => {
            let role = ctx.attendees.get(*i).map_or("", |a| a.role.as_str());
            found(
                *i,
                format!(
                    "{office}: {law} assigns it to the {}, {}",
                    compact(role),
                    ctx.label(*i)
                ),
            )
        }
        [] => unknown(format!(
            "{office}: {law} assigns it to the {whom}, and no attendee has that role"
        )),
        several => unknown(format!(
            "{office}: several attendees hold it ({}); a heading must say which, with the surname and post",
            names(ctx, several)
        )),
    }
}

/// Why an attendee holds an office or designation, for an attribution.
fn office_basis(a: &Attendee, office: &str) -> String {
    a.offices
        .iter()
        .find(|o| o.name == office)
        .map_or_else(|| "by the document".to_owned(), |o| o.basis.clone())
}

fn names(ctx: &Context<'_>, list: &[usize]) -> String {
    list.iter()
        .map(|i| ctx.label(*i))
        .collect::<Vec<_>>()
        .join(", ")
}

fn roles(ctx: &Context<'_>, list: &[usize]) -> String {
    list.iter()
        .filter_map(|i| ctx.attendees.get(*i))
        .map(|a| format!("{} ({}, {})", a.name, a.role, a.id))
        .collect::<Vec<_>>()
        .join(", ")
}
