//! The series made of the committed meeting and meetings derived from it: the index's
//! summaries, the links either side of a meeting, and the people across meetings.

use minutes_core::series::{Series, SeriesError, is_placeholder_id};
use minutes_core::{Block, Minutes};

fn seed() -> Minutes {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/minutes/cshq-001.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("the committed minutes"))
        .expect("minutes")
}

/// The seed as meeting `number`, held on `date`.
fn as_meeting(number: u32, date: &str) -> Minutes {
    let mut m = seed();
    m.id = format!("cshq-{number:03}");
    m.meeting_number = number;
    m.title = format!("第{number}回会合 議事概要");
    m.date.date = date.to_owned();
    m
}

/// A meeting held by written procedure: no attendees, no remarks.
fn written(number: u32, date: &str) -> Minutes {
    let mut m = as_meeting(number, date);
    m.title = format!("第{number}回会合（持ち回り開催） 議事概要");
    m.attendees.clear();
    for s in &mut m.sections {
        s.blocks.retain(|b| !matches!(b, Block::Speech(_)));
    }
    m
}

#[test]
fn the_index_lists_meetings_newest_first_with_their_kind_and_counts() {
    let series = Series::new(vec![
        as_meeting(3, "2016-01-25"),
        seed(),
        written(2, "2015-05-25"),
    ])
    .unwrap();
    let s = series.summaries();
    let ids: Vec<&str> = s.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["cshq-003", "cshq-002", "cshq-001"]);
    let first = &s[2];
    assert_eq!(first.remarks, seed().speeches().count());
    assert!(!first.written);
    assert!(first.speakers.iter().any(|p| p.id == "murai-jun"));
    assert!(
        first.topics.iter().any(|t| t.id == "iot"),
        "{:?}",
        first.topics
    );
    assert!(
        first
            .topics
            .windows(2)
            .all(|w| w[0].paragraphs >= w[1].paragraphs)
    );
    let held_in_writing = &s[1];
    assert!(held_in_writing.written);
    assert_eq!(held_in_writing.remarks, 0);
    assert!(held_in_writing.speakers.is_empty());
    assert_eq!(series.first().id, "cshq-001");
}

#[test]
fn a_meeting_links_to_the_ones_either_side() {
    let series = Series::new(vec![
        as_meeting(3, "2016-01-25"),
        seed(),
        written(2, "2015-05-25"),
    ])
    .unwrap();
    let n = series.neighbours("cshq-002");
    assert_eq!(n.previous.map(|m| m.id).as_deref(), Some("cshq-001"));
    assert_eq!(n.next.map(|m| m.id).as_deref(), Some("cshq-003"));
    let first = series.neighbours("cshq-001");
    assert!(first.previous.is_none());
    assert_eq!(series.neighbours("cshq-003").next, None);
    assert_eq!(series.neighbours("no-such").previous, None);
}

#[test]
fn two_files_of_one_meeting_or_none_at_all_are_refused() {
    assert_eq!(
        Series::new(vec![seed(), seed()]).unwrap_err(),
        SeriesError::DuplicateId("cshq-001".into())
    );
    assert_eq!(Series::new(Vec::new()).unwrap_err(), SeriesError::Empty);
}

#[test]
fn a_person_gathers_their_roles_remarks_topics_and_years_across_meetings() {
    let series = Series::new(vec![seed(), as_meeting(5, "2017-03-01")]).unwrap();
    let people = series.people();
    let murai = people
        .iter()
        .find(|p| p.name.id == "murai-jun")
        .expect("村井 has a page");
    let per_meeting = seed()
        .speeches()
        .filter(|(_, s)| s.speaker.as_deref() == Some("murai-jun"))
        .count();
    assert!(per_meeting > 0);
    assert_eq!(murai.remarks.len(), 2 * per_meeting);
    assert_eq!(murai.remarks[0].meeting.id, "cshq-001");
    assert_eq!(murai.remarks.last().unwrap().meeting.id, "cshq-005");
    assert_eq!(murai.roles.len(), 1, "the same role in both meetings");
    assert_eq!(murai.roles[0].attended, 2);
    let years: Vec<(u32, usize)> = murai.by_year.iter().map(|y| (y.year, y.remarks)).collect();
    assert_eq!(years, [(2015, per_meeting), (2016, 0), (2017, per_meeting)]);
    assert!(
        murai.topics.iter().all(|t| t.paragraphs % 2 == 0),
        "each counted in both meetings"
    );
    // Everyone listed, speaking or not, has a page; made-up ids do not.
    assert_eq!(
        people.len(),
        seed()
            .attendees
            .iter()
            .filter(|a| !is_placeholder_id(&a.id))
            .count()
    );
}

#[test]
fn only_made_up_ids_are_placeholders() {
    assert!(is_placeholder_id("attendee-3"));
    assert!(!is_placeholder_id("attendee-"));
    assert!(!is_placeholder_id("murai-jun"));
    assert!(!is_placeholder_id("attendee-x"));
}

#[test]
fn a_role_held_meeting_after_meeting_is_one_run_and_a_gap_starts_another() {
    // 村井 attends 1, 2 and 3, misses 4 (written procedure), attends 5.
    let series = Series::new(vec![
        seed(),
        as_meeting(2, "2015-05-01"),
        as_meeting(3, "2015-08-01"),
        written(4, "2015-11-01"),
        as_meeting(5, "2016-02-01"),
    ])
    .unwrap();
    let people = series.people();
    let murai = people.iter().find(|p| p.name.id == "murai-jun").unwrap();
    let role = &murai.roles[0];
    assert_eq!(role.attended, 4);
    let runs: Vec<(&str, &str, usize)> = role
        .runs
        .iter()
        .map(|r| (r.first.id.as_str(), r.last.id.as_str(), r.meetings))
        .collect();
    assert_eq!(
        runs,
        [("cshq-001", "cshq-003", 3), ("cshq-005", "cshq-005", 1)]
    );
}

/// Bodies as `data/bodies.json` lists them.
fn bodies() -> Vec<minutes_core::series::BodyInfo> {
    #[derive(serde::Deserialize)]
    struct File {
        bodies: Vec<minutes_core::series::BodyInfo>,
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/bodies.json");
    let file: File = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    file.bodies
}

/// The seed as meeting `number` of the body `slug`, held on `date`.
fn of_body(slug: &str, number: u32, date: &str) -> Minutes {
    let mut m = as_meeting(number, date);
    m.id = format!("{slug}-{number:03}");
    m
}

#[test]
fn a_meeting_id_names_its_body() {
    use minutes_core::body_slug;
    assert_eq!(body_slug("cshq-001"), "cshq");
    assert_eq!(body_slug("cshq-2025-001"), "cshq-2025");
    assert_eq!(body_slug("ispc-kihon-013"), "ispc-kihon");
    assert_eq!(body_slug("odd"), "odd");
    assert_eq!(body_slug("odd-"), "odd-");
    assert_eq!(body_slug("-001"), "-001");
    assert_eq!(seed().body_slug(), "cshq");
}

#[test]
fn a_collection_shares_meetings_out_by_body_each_numbered_and_linked_on_its_own() {
    use minutes_core::series::Collection;
    let c = Collection::new(
        &bodies(),
        vec![
            seed(),
            of_body("cshq-2025", 1, "2025-07-25"),
            as_meeting(2, "2015-05-25"),
            of_body("ispc-kihon", 13, "2008-10-14"),
            of_body("cshq-2025", 2, "2025-12-01"),
        ],
    )
    .unwrap();
    assert!(c.several());
    let slugs: Vec<&str> = c.bodies().iter().map(|(b, _)| b.slug.as_str()).collect();
    assert_eq!(
        slugs,
        ["ispc-kihon", "cshq", "cshq-2025"],
        "the file's order"
    );
    let (_, new) = c.body("cshq-2025").unwrap();
    let n = new.neighbours("cshq-2025-001");
    assert_eq!(
        n.previous, None,
        "the 2025 body's first meeting has none before it"
    );
    assert_eq!(n.next.unwrap().id, "cshq-2025-002");
    let (_, old) = c.body("cshq").unwrap();
    assert_eq!(
        old.neighbours("cshq-002").next,
        None,
        "no link across bodies"
    );
    let all: Vec<&str> = c.meetings().iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        all,
        [
            "ispc-kihon-013",
            "cshq-001",
            "cshq-002",
            "cshq-2025-001",
            "cshq-2025-002"
        ]
    );
    // 村井 attends every meeting: one role per body, each its own run.
    let people = c.people();
    let murai = people.iter().find(|p| p.name.id == "murai-jun").unwrap();
    let roles: Vec<(&str, usize, usize)> = murai
        .roles
        .iter()
        .map(|r| (r.body.as_str(), r.attended, r.runs.len()))
        .collect();
    assert_eq!(
        roles,
        [("ispc-kihon", 1, 1), ("cshq", 2, 1), ("cshq-2025", 2, 1)]
    );
    assert_eq!(murai.remarks[0].meeting.body, "ispc-kihon", "oldest first");
    assert_eq!(murai.by_year.first().unwrap().year, 2008);
    assert_eq!(
        murai.by_year.last().unwrap().year,
        2025,
        "years span the bodies"
    );
    assert_eq!(murai.bodies(), ["ispc-kihon", "cshq", "cshq-2025"]);
    assert_eq!(murai.role_bodies(), ["ispc-kihon", "cshq", "cshq-2025"]);
    assert_eq!(
        minutes_core::series::once_each(["b", "a", "b", "c", "a"]),
        ["b", "a", "c"]
    );
    let topics_in_one = seed()
        .speeches()
        .filter(|(_, s)| s.speaker.as_deref() == Some("murai-jun"))
        .flat_map(|(_, s)| &s.paragraphs)
        .map(|p| p.topics.len())
        .sum::<usize>();
    let counted: usize = murai.topics.iter().map(|t| t.paragraphs).sum();
    assert_eq!(counted, 5 * topics_in_one, "topics across the bodies");
}

#[test]
fn a_meeting_of_an_unlisted_body_is_named_not_shown() {
    use minutes_core::series::Collection;
    let err =
        Collection::new(&bodies(), vec![seed(), of_body("nope", 1, "2020-01-01")]).unwrap_err();
    assert_eq!(
        err,
        SeriesError::UnknownBody {
            meeting: "nope-001".into(),
            slug: "nope".into()
        }
    );
    assert!(err.to_string().contains("data/bodies.json"));
    let mut twice = bodies();
    twice.push(twice[0].clone());
    assert_eq!(
        Collection::new(&twice, vec![seed()]).unwrap_err(),
        SeriesError::BadBody(twice[0].slug.clone())
    );
    let mut odd = bodies();
    odd[0].slug = "Bad Slug".into();
    assert!(matches!(
        Collection::new(&odd, vec![seed()]),
        Err(SeriesError::BadBody(_))
    ));
    let one = Collection::new(&bodies(), vec![seed()]).unwrap();
    assert!(!one.several());
    assert_eq!(
        Collection::new(&bodies(), Vec::new()).unwrap_err(),
        SeriesError::Empty
    );
}
