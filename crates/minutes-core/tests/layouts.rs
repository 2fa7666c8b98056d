//! The layouts the minutes are really published in, each as the text `pdftotext -layout`
//! gives and as the PDF it comes from: `tests/layouts/NAME.txt`, and
//! `target/test-pdfs/layouts/NAME.pdf` printed by `tools/test-pdfs.mjs` from
//! `tests/layouts/NAME.html`. `NAME.facts.json` says, from the HTML and never from the
//! converter, what a right conversion finds: id, body, date, time, place, every attendee
//! (name, role, group, designation, the group heading they are listed under), every speech
//! (who, how many paragraphs) and the number of paragraphs. Both forms must convert to
//! those facts with no error, to the same minutes, and lose no sentence.
#![cfg(feature = "convert")]

use std::path::PathBuf;

use minutes_core::{Block, Minutes, Parsed, Registry, Severity, convert};
use serde_json::Value;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/layouts")
}

fn pdf_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/test-pdfs/layouts")
}

/// Every fixture's name, from its facts file.
fn names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .unwrap_or_else(|e| panic!("{}: {e}", dir().display()))
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".facts.json").map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 5, "the layout fixtures: {names:?}");
    names
}

fn read(path: PathBuf) -> Vec<u8> {
    std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}\n(the PDFs are made by `node tools/test-pdfs.mjs`, which ./dev test runs first)",
            path.display()
        )
    })
}

fn facts(name: &str) -> Value {
    serde_json::from_slice(&read(dir().join(format!("{name}.facts.json"))))
        .unwrap_or_else(|e| panic!("{name}.facts.json: {e}"))
}

/// Converts one form and insists on no error.
fn converted(name: &str, form: &str, bytes: &[u8]) -> Minutes {
    let parsed: Parsed = convert(bytes, None, &Registry::builtin())
        .unwrap_or_else(|e| panic!("{name} ({form}): {e}"));
    let errors: Vec<String> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{name} ({form}) has errors: {errors:#?}");
    parsed
        .minutes
        .unwrap_or_else(|| panic!("{name} ({form}) has minutes"))
}

fn both(name: &str) -> [(&'static str, Minutes); 2] {
    let text = read(dir().join(format!("{name}.txt")));
    let pdf = read(pdf_dir().join(format!("{name}.pdf")));
    [
        ("text", converted(name, "text", &text)),
        ("pdf", converted(name, "pdf", &pdf)),
    ]
}

fn str_or_null(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

/// Checks one conversion against the facts.
fn check_facts(name: &str, form: &str, m: &Minutes, f: &Value) {
    let at = format!("{name} ({form})");
    assert_eq!(m.id, f["id"].as_str().unwrap_or_default(), "{at}: id");
    assert_eq!(m.body, f["body"].as_str().unwrap_or_default(), "{at}: body");
    assert_eq!(
        u64::from(m.meeting_number),
        f["meeting_number"].as_u64().unwrap_or_default(),
        "{at}: meeting number"
    );
    assert_eq!(
        m.date.date,
        f["date"].as_str().unwrap_or_default(),
        "{at}: date"
    );
    assert_eq!(m.date.start, str_or_null(&f["start"]), "{at}: start");
    assert_eq!(m.date.end, str_or_null(&f["end"]), "{at}: end");
    assert_eq!(
        m.place,
        str_or_null(&f["place"]).unwrap_or_default(),
        "{at}: place"
    );

    let want: Vec<&Value> = f["attendees"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let got: Vec<String> = m.attendees.iter().map(|a| a.name.clone()).collect();
    let want_names: Vec<String> = want
        .iter()
        .map(|a| a["name"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(got, want_names, "{at}: attendees in printed order");
    for (a, w) in m.attendees.iter().zip(&want) {
        assert_eq!(
            a.role,
            w["role"].as_str().unwrap_or_default(),
            "{at}: role of {}",
            a.name
        );
        let group = serde_json::to_value(a.group).unwrap_or_default();
        assert_eq!(group, w["group"], "{at}: group of {}", a.name);
        if let Some(designation) = w["heading"].as_str() {
            let office = a.offices.iter().find(|o| o.name == designation);
            assert!(
                office.is_some(),
                "{at}: {} is listed as {designation}: {:?}",
                a.name,
                a.offices
            );
            if let (Some(o), Some(section)) = (office, w["section"].as_str()) {
                assert!(
                    o.basis.contains(section),
                    "{at}: {} under {section}: {}",
                    a.name,
                    o.basis
                );
            }
        }
        // A group heading or a note never becomes a person.
        assert!(
            !a.name.contains(['【', '(', '（']),
            "{at}: {} is not a person",
            a.name
        );
    }

    let speeches: Vec<_> = m
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Speech(sp) => Some(sp),
            _ => None,
        })
        .collect();
    let want: Vec<&Value> = f["speeches"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    assert_eq!(speeches.len(), want.len(), "{at}: speeches");
    for (sp, w) in speeches.iter().zip(&want) {
        let who = match &sp.speaker {
            Some(id) => m
                .attendees
                .iter()
                .find(|a| &a.id == id)
                .map_or(id.clone(), |a| a.name.clone()),
            None => "secretariat".to_owned(),
        };
        assert_eq!(
            who,
            w["speaker"].as_str().unwrap_or_default(),
            "{at}: the speech headed {} ({})",
            w["heading"],
            sp.attribution
        );
        assert_eq!(
            sp.paragraphs.len() as u64,
            w["paragraphs"].as_u64().unwrap_or_default(),
            "{at}: paragraphs of the speech headed {}",
            w["heading"]
        );
    }
    let paragraphs = m
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .map(|b| match b {
            Block::Speech(sp) => sp.paragraphs.len(),
            Block::Narrative(_) => 1,
            Block::Agenda(_) => 0,
        })
        .sum::<usize>();
    assert_eq!(
        paragraphs as u64,
        f["paragraph_count"].as_u64().unwrap_or_default(),
        "{at}: paragraphs"
    );
}

/// Text without white space, without the lines that are only a page number and without
/// running headers (a line printed the same on several pages, with no sentence in it).
fn squeezed(text: &str) -> String {
    let key = |l: &str| l.trim().trim_matches('\u{c}').trim().to_owned();
    let running = |l: &str| {
        let k = key(l);
        !k.is_empty() && !k.contains('。') && text.lines().filter(|m| key(m) == k).count() >= 2
    };
    text.lines()
        .filter(|l| !running(l))
        .filter(|l| {
            !l.trim()
                .trim_matches('\u{c}')
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c.is_whitespace())
        })
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace() && *c != '\u{c}')
        .collect()
}

/// No sentence is lost: the paragraphs are found in the source in order, and what lies
/// between two of them (headings, list items, page numbers) holds no end of a sentence.
fn check_lossless(name: &str, form: &str, m: &Minutes, source: &str) {
    let source = squeezed(source);
    let start = source.find("議事").unwrap_or(0);
    let mut at = source[start..]
        .find(['(', '（'])
        .map_or(start, |k| start + k);
    let texts = m
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .flat_map(|b| match b {
            Block::Speech(sp) => sp
                .paragraphs
                .iter()
                .map(|p| p.text.clone())
                .collect::<Vec<_>>(),
            Block::Narrative(p) => vec![p.text.clone()],
            Block::Agenda(a) => a.items.iter().map(|i| i.text.clone()).collect(),
        });
    for text in texts {
        let want: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let Some(k) = source[at..].find(&want) else {
            panic!("{name} ({form}): not found in order in the source: {text}");
        };
        let gap = &source[at..at + k];
        assert!(
            !gap.contains('。'),
            "{name} ({form}): a sentence between two paragraphs was lost: {gap}"
        );
        at += k + want.len();
    }
    let rest = &source[at..];
    assert!(
        !rest.contains('。'),
        "{name} ({form}): text after the last paragraph was lost: {rest}"
    );
}

#[test]
fn every_layout_converts_right_as_text_and_as_pdf() {
    for name in names() {
        let f = facts(&name);
        let source = String::from_utf8(read(dir().join(format!("{name}.txt")))).unwrap_or_default();
        for (form, m) in both(&name) {
            check_facts(&name, form, &m, &f);
            check_lossless(&name, form, &m, &source);
        }
    }
}

#[test]
fn a_pdf_and_its_text_convert_to_the_same_minutes_pages_included() {
    for name in names() {
        let [(_, mut text), (_, mut pdf)] = both(&name);
        text.source = None;
        pdf.source = None;
        let a = serde_json::to_value(&text).unwrap_or_default();
        let b = serde_json::to_value(&pdf).unwrap_or_default();
        assert!(a == b, "{name}: the text and the PDF convert differently");
        let pages: Vec<Option<u32>> = text
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Speech(sp) => sp.paragraphs.first().map(|p| p.page),
                Block::Narrative(p) => Some(p.page),
                Block::Agenda(_) => None,
            })
            .collect();
        assert!(
            pages.iter().all(Option::is_some),
            "{name}: every paragraph has its page"
        );
    }
}

mod headings_changed_at_random {
    //! The property: no speech heading, changed at random, converts to a person the changed
    //! heading does not name. Each case edits one heading of a fixture (a character
    //! deleted, inserted or replaced, the surname swapped for another attendee's, an office
    //! added in parentheses) and converts the text. Then either the converter refuses
    //! (an error on that heading's line), or the speech goes to the one attendee the changed
    //! heading names by an independent reading: the heading is their family name followed
    //! by their role, the end of their role, or an office or designation they hold, and no
    //! other attendee fits it so; or to the secretariat, when the heading is one of its
    //! names. The number of speeches never changes: a changed heading is never read as text
    //! of the speech before it.
    use super::*;
    use minutes_core::Attendee;
    use proptest::prelude::*;

    const FIXTURES: &[&str] = &[
        "seed-cshq-001",
        "cshq-016",
        "cshq-2025-001",
        "ispc-kihon-013",
        "ispc-gijutsu-005",
    ];

    /// NFKC-ish comparison form, as a person would read a name: no spaces, ASCII brackets.
    fn plain(s: &str) -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '（' => '(',
                '）' => ')',
                '髙' => '高',
                c => c,
            })
            .collect()
    }

    /// Whether the heading names attendee `a`, read independently of the converter.
    fn names(heading: &str, a: &Attendee, m: &Minutes) -> bool {
        let mut h = plain(heading);
        // An office in trailing parentheses: it must be one the attendee holds.
        if let Some(open) = h.rfind('(')
            && h.ends_with(')')
        {
            let office = h[open + 1..h.len() - 1].to_owned();
            if !a.offices.iter().any(|o| o.name == office) {
                return false;
            }
            h.truncate(open);
        }
        let role = plain(&a.role);
        let title_fits = |t: &str| {
            !t.is_empty()
                && (role == t
                    || (role.ends_with(t) && !role[..role.len() - t.len()].ends_with('副'))
                    || a.offices.iter().any(|o| {
                        o.name == t
                            // 本部員 alone names an expert member.
                            && (t != "本部員" || serde_json::to_value(a.group).unwrap_or_default() == "expert")
                    }))
        };
        let family = a.family_name.as_deref().map(plain).unwrap_or_default();
        if let Some(t) = h.strip_prefix(&family)
            && !family.is_empty()
            && title_fits(t)
        {
            return true;
        }
        // An office alone (本部長) names whoever holds it, when only one attendee does.
        let holders = m
            .attendees
            .iter()
            .filter(|b| b.offices.iter().any(|o| o.name == h))
            .count();
        holders == 1 && a.offices.iter().any(|o| o.name == h) && h != "本部員"
            || (h == "総理" && role == "内閣総理大臣")
            || (h == role
                && m.attendees
                    .iter()
                    .filter(|b| plain(&b.role) == role)
                    .count()
                    == 1)
    }

    fn baseline(name: &str) -> (String, Minutes) {
        // The seed's text sits with the other text fixtures.
        let path = if name == "seed-cshq-001" {
            dir().join("../data/seed-cshq-001.txt")
        } else {
            dir().join(format!("{name}.txt"))
        };
        let text = String::from_utf8(read(path)).unwrap_or_default();
        let m = converted(name, "text", text.as_bytes());
        (text, m)
    }

    fn speeches(m: &Minutes) -> Vec<&minutes_core::Speech> {
        m.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Speech(sp) => Some(sp),
                _ => None,
            })
            .collect()
    }

    #[derive(Debug, Clone)]
    enum Edit {
        Delete(usize),
        Insert(usize, char),
        Replace(usize, char),
        Surname(usize),
        Office(usize),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        let pool: Vec<char> = "本部員委員長副大臣官房総務外防衛経済産業野原村井中谷佐藤林平石破有賀大林前田事務局髙高室長"
            .chars()
            .collect();
        prop_oneof![
            (0usize..40).prop_map(Edit::Delete),
            (0usize..40, proptest::sample::select(pool.clone()))
                .prop_map(|(k, c)| Edit::Insert(k, c)),
            (0usize..40, proptest::sample::select(pool)).prop_map(|(k, c)| Edit::Replace(k, c)),
            (0usize..40).prop_map(Edit::Surname),
            (0usize..3).prop_map(Edit::Office),
        ]
    }

    fn apply(designation: &str, edit: &Edit, m: &Minutes) -> String {
        let mut chars: Vec<char> = designation.chars().collect();
        let n = chars.len().max(1);
        match edit {
            Edit::Delete(k) => {
                if chars.len() > 1 {
                    chars.remove(k % chars.len());
                }
            }
            Edit::Insert(k, c) => chars.insert(k % (n + 1).min(chars.len() + 1), *c),
            Edit::Replace(k, c) => {
                let i = k % n;
                if let Some(x) = chars.get_mut(i) {
                    *x = *c;
                }
            }
            Edit::Surname(k) => {
                let families: Vec<&str> = m
                    .attendees
                    .iter()
                    .filter_map(|a| a.family_name.as_deref())
                    .collect();
                if let Some(new) = families.get(k % families.len().max(1)) {
                    let old = m
                        .attendees
                        .iter()
                        .filter_map(|a| a.family_name.as_deref())
                        .find(|f| designation.starts_with(f));
                    if let Some(old) = old {
                        return format!("{new}{}", &designation[old.len()..]);
                    }
                }
            }
            Edit::Office(k) => {
                return format!(
                    "{designation}（{}）",
                    ["本部長", "副本部長", "本部員"][k % 3]
                );
            }
        }
        chars.into_iter().collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn never_converts_to_a_person_the_heading_does_not_name(
            fixture in proptest::sample::select(FIXTURES.to_vec()),
            which in 0usize..16,
            e in edit(),
        ) {
            let (text, m) = baseline(fixture);
            let all = speeches(&m);
            // Headings printed as headings (a section titled by its speech is not edited).
            // Each speech's heading line, searched on from the one before (a person may
            // speak twice under the same heading).
            let lines_of: Vec<&str> = text.split('\n').collect();
            let mut from = 0;
            let mut candidates: Vec<(usize, &minutes_core::Speech, usize)> = Vec::new();
            for (i, sp) in all.iter().enumerate() {
                let d = &sp.designation;
                let found = lines_of[from..].iter().position(|l| {
                    let t = l.trim();
                    t.starts_with(&format!("○（{d}）")) || t == format!("({d})") || t == format!("（{d}）")
                        || t.starts_with(&format!("○{d}："))
                });
                if let Some(k) = found {
                    candidates.push((i, *sp, from + k));
                    from += k + 1;
                }
            }
            prop_assume!(!candidates.is_empty());
            let (index, sp, line) = candidates[which % candidates.len()];
            let changed = apply(&sp.designation, &e, &m);
            prop_assume!(changed != sp.designation && !changed.is_empty());
            let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
            lines[line] = lines[line].replacen(sp.designation.as_str(), &changed, 1);
            let mutated = lines.join("\n");
            let parsed = convert(mutated.as_bytes(), None, &Registry::builtin()).unwrap_or_else(|e| panic!("{e}"));
            let line_no = u32::try_from(line + 1).unwrap_or(0);
            let refused = parsed.diagnostics.iter().any(|d| d.severity == Severity::Error && d.line == line_no);
            if refused {
                return Ok(());
            }
            let errors: Vec<String> = parsed.diagnostics.iter().filter(|d| d.severity == Severity::Error).map(ToString::to_string).collect();
            let Some(got) = parsed.minutes else {
                prop_assert!(false, "no minutes and no error on the heading: {errors:?}");
                unreachable!();
            };
            let got_speeches = speeches(&got);
            prop_assert_eq!(got_speeches.len(), all.len(), "{} → {}: the speech count changed ({:?})", sp.designation, changed, errors);
            let now = got_speeches[index];
            match &now.speaker {
                Some(id) => {
                    let a = got.attendees.iter().find(|a| &a.id == id).expect("speaker is an attendee");
                    prop_assert!(names(&changed, a, &got), "{} → {}: given to {} ({}) whom it does not name: {}", sp.designation, changed, a.name, a.role, now.attribution);
                    let others = got.attendees.iter().filter(|b| b.id != a.id && names(&changed, b, &got)).count();
                    prop_assert_eq!(others, 0, "{} → {}: names several people but was given to {}", sp.designation, changed, a.name);
                }
                None => {
                    let secretariat = ["事務局", "国家サイバー統括室", "内閣サイバーセキュリティセンター", "NISC", "内閣官房情報セキュリティセンター", "情報セキュリティセンター"];
                    prop_assert!(secretariat.contains(&plain(&changed).as_str()), "{} → {}: unattributed without an error", sp.designation, changed);
                }
            }
        }
    }
}
