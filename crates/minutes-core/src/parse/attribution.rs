//! Who spoke: resolving a designation (小野寺本部員, 中谷防衛大臣, 本部長) to an attendee from
//! facts only - the attendee list, the Act, and what the document itself states. When the
//! facts do not single out one person the speaker stays unknown and an error says why.

use std::collections::HashMap;

use super::Diags;
use super::attendees::ACT;
use super::lines::{OFFICES, split_trailing_office};
use super::proceedings::{Proceedings, RawSpeech};
use crate::model::{Attendee, Group, Office};
use crate::normalize::compact;

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
    /// Whether サイバーセキュリティ基本法 fixes the body's offices.
    pub act: bool,
    /// Attendees the document states to be 副本部長, with the line that says so.
    pub deputies: Vec<(usize, u32)>,
}

impl Context<'_> {
    fn holds_by_act(&self, i: usize, office: &str) -> bool {
        self.act
            && self
                .attendees
                .get(i)
                .is_some_and(|a| a.offices.iter().any(|o| o.name == office))
    }

    fn label(&self, i: usize) -> String {
        self.attendees
            .get(i)
            .map_or_else(String::new, |a| a.name.clone())
    }

    /// Whether the title part of a designation fits attendee `i`.
    fn title_fits(&self, i: usize, title: &str) -> bool {
        let Some(a) = self.attendees.get(i) else {
            return false;
        };
        let role = compact(&a.role);
        match title {
            // In this series' headings 本部員 alone names an expert member: ministers who are
            // 本部員 ex officio are always named by their ministerial post.
            "本部員" => a.group == Group::Expert,
            "本部長" => self.holds_by_act(i, "本部長"),
            "副本部長" => self.deputies.iter().any(|(d, _)| *d == i),
            "総理" => role == "内閣総理大臣",
            "" => false,
            t => role == t || role.ends_with(t),
        }
    }
}

/// Resolves every speech of the proceedings, in printed order (an error for each that
/// cannot be), and adds to the attendees the offices the headings state.
pub(crate) fn attribute(
    proceedings: &Proceedings,
    attendees: &mut [Attendee],
    act: bool,
    diags: &mut Diags,
) -> Vec<Resolution> {
    let mut ctx = Context {
        attendees,
        act,
        deputies: Vec::new(),
    };
    // Pass 1: the document's statements of who is 副本部長 (a trailing （副本部長）), so that a
    // later bare 副本部長 can be resolved whatever the order.
    let deputies = deputy_statements(&ctx, proceedings);
    ctx.deputies = deputies.iter().map(|d| (d.attendee, d.line)).collect();

    // Pass 2: every speech.
    let mut resolutions = Vec::new();
    let mut stated = StatedOffices::default();
    for sp in proceedings.speeches() {
        let r = resolve(&ctx, &sp.designation);
        if let Some(why) = &r.error {
            diags.error(
                sp.line,
                format!(
                    "cannot attribute the speech headed （{}）: {why}",
                    sp.designation
                ),
            );
        }
        if let Speaker::Attendee(i) = r.speaker {
            stated.note_member(&ctx.attendees[i], i, sp);
        }
        resolutions.push(r);
    }
    stated.add_deputies(&deputies);
    stated.record(attendees);
    resolutions
}

/// A heading that states who is 副本部長: （山口情報通信技術（IT）政策担当大臣（副本部長））.
struct DeputyStatement {
    /// The attendee, by index.
    attendee: usize,
    line: u32,
    designation: String,
}

/// The first heading for each attendee that states them 副本部長, in printed order.
fn deputy_statements(ctx: &Context<'_>, proceedings: &Proceedings) -> Vec<DeputyStatement> {
    let mut found: Vec<DeputyStatement> = Vec::new();
    for sp in proceedings.speeches() {
        let c = compact(&sp.designation);
        let (base, trailing) = split_trailing_office(&c);
        if trailing == Some("副本部長")
            && let Speaker::Attendee(i) = resolve(ctx, base).speaker
            && !found.iter().any(|d| d.attendee == i)
        {
            found.push(DeputyStatement {
                attendee: i,
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
    /// What the heading of a speech by attendee `i` states about them being 本部員.
    fn note_member(&mut self, attendee: &Attendee, i: usize, sp: &RawSpeech) {
        let c = compact(&sp.designation);
        let (base, trailing) = split_trailing_office(&c);
        if trailing == Some("本部員") && !attendee.offices.iter().any(|o| o.name == "本部員")
        {
            self.offices.push((
                i,
                Office {
                    name: "本部員".to_owned(),
                    basis: format!("the document, line {}: （{}）", sp.line, sp.designation),
                },
            ));
        }
        if base.ends_with("本部員") && attendee.group == Group::Expert {
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
                    name: "副本部長".to_owned(),
                    basis: format!("the document, line {}: （{}）", d.line, d.designation),
                },
            ));
        }
    }

    /// Adds the offices an attendee does not hold yet, notes on an expert's 本部員 where the
    /// document names them so, and puts every attendee's offices in the order of [`OFFICES`].
    fn record(self, attendees: &mut [Attendee]) {
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
        for a in attendees {
            a.offices.sort_by_key(|o| {
                OFFICES
                    .iter()
                    .position(|n| *n == o.name)
                    .unwrap_or(usize::MAX)
            });
        }
    }
}

/// Resolves a designation as printed (without its outer parentheses).
fn resolve(ctx: &Context<'_>, designation: &str) -> Resolution {
    let compacted = compact(designation);
    let (base, trailing) = split_trailing_office(&compacted);
    let mut r = resolve_base(ctx, base);
    if let (Speaker::Attendee(i), Some(office)) = (&r.speaker, trailing) {
        let i = *i;
        let name = ctx.label(i);
        match office {
            "本部長" if !ctx.holds_by_act(i, "本部長") => {
                r.error = Some(format!(
                    "{designation}: {name} is not the 本部長, whom {ACT} makes the 内閣官房長官"
                ));
            }
            "副本部長" => {
                if let Some((other, line)) = ctx.deputies.iter().find(|(d, _)| *d != i) {
                    r.error = Some(format!(
                        "{designation}: the document already names {} as 副本部長 at line {line}",
                        ctx.label(*other)
                    ));
                } else if ctx
                    .attendees
                    .get(i)
                    .is_some_and(|a| a.group != Group::Minister)
                {
                    r.error = Some(format!(
                        "{designation}: {ACT} fills 副本部長 with a minister of state, and {name} is not one"
                    ));
                } else {
                    r.attribution
                        .push_str("; the document states the office (副本部長) in the heading");
                }
            }
            _ if ctx
                .attendees
                .get(i)
                .is_some_and(|a| a.offices.iter().any(|o| o.name == office)) =>
            {
                r.attribution
                    .push_str(&format!("; the office ({office}) agrees with {ACT}"));
            }
            _ => r.attribution.push_str(&format!(
                "; the document states the office ({office}) in the heading"
            )),
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
    match base {
        "事務局" => {
            return Resolution {
                speaker: Speaker::Secretariat,
                attribution: "事務局: the secretariat, not a person on the attendee list"
                    .to_owned(),
                error: None,
            };
        }
        "本部長" => {
            if !ctx.act {
                return unknown(
                    "本部長: the converter knows this body's offices from no law".to_owned(),
                );
            }
            let holders: Vec<usize> = (0..ctx.attendees.len())
                .filter(|i| ctx.holds_by_act(*i, "本部長"))
                .collect();
            return match holders.as_slice() {
                [i] => found(
                    *i,
                    format!(
                        "本部長: {ACT} assigns it to the 内閣官房長官, {}",
                        ctx.label(*i)
                    ),
                ),
                [] => unknown(format!(
                    "本部長: {ACT} assigns it to the 内閣官房長官, and no attendee has that role"
                )),
                _ => unknown(format!(
                    "本部長: several attendees are listed as 内閣官房長官: {}",
                    names(ctx, &holders)
                )),
            };
        }
        "副本部長" => {
            return match ctx.deputies.as_slice() {
                [(i, line)] => found(*i, format!("副本部長: the document names {} as 副本部長 at line {line}", ctx.label(*i))),
                [] => unknown(
                    "副本部長: the Act leaves this office to designation and the document does not say who holds it"
                        .to_owned(),
                ),
                several => unknown(format!(
                    "副本部長: the document names several: {}",
                    names(ctx, &several.iter().map(|(i, _)| *i).collect::<Vec<_>>())
                )),
            };
        }
        _ => {}
    }

    // Surname + title: for each attendee, the surname is the printed family name (or, when
    // the name was printed without a space, any prefix of the name), and the rest of the
    // designation is the title, which must fit the attendee.
    let mut candidates: Vec<(usize, Option<String>, String)> = Vec::new();
    for (i, a) in ctx.attendees.iter().enumerate() {
        let name = compact(&a.name);
        let split = match a.family_name.as_deref().map(compact) {
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
            (base != "本部員" && ctx.title_fits(i, base)).then(|| (None, base.to_owned()))
        });
        if let Some((surname, title)) = split {
            candidates.push((i, surname, title));
        }
    }
    match candidates.as_slice() {
        [(i, Some(surname), title)] => {
            let a = &ctx.attendees[*i];
            if title == "本部員" {
                let namesakes: Vec<String> = ctx
                    .attendees
                    .iter()
                    .enumerate()
                    .filter(|(j, other)| {
                        *j != *i && compact(&other.name).starts_with(surname.as_str())
                    })
                    .map(|(_, other)| format!("{} ({})", other.name, other.role))
                    .collect();
                let mut text = format!(
                    "surname {surname} + title 本部員 → the only expert member named {surname}, {}",
                    a.name
                );
                if !namesakes.is_empty() {
                    text.push_str(&format!(
                        " (本部員 alone names an expert member; {} is named by the post)",
                        namesakes.join(", ")
                    ));
                }
                found(*i, text)
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
                        .map(compact)
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
