//! `--check`: how a committed file differs from a fresh conversion, by JSON path.

use std::fmt::Write as _;

/// Compares a committed file with a fresh conversion. `None` when they are identical;
/// otherwise the first differing JSON path and both values, or a note that only the
/// formatting differs.
pub fn check(existing: &[u8], fresh: &str) -> Option<String> {
    if existing == fresh.as_bytes() {
        return None;
    }
    let old: serde_json::Value = match serde_json::from_slice(existing) {
        Ok(v) => v,
        Err(e) => return Some(format!("the file is not valid JSON ({e})")),
    };
    let new: serde_json::Value = match serde_json::from_str(fresh) {
        Ok(v) => v,
        Err(e) => return Some(format!("the conversion is not valid JSON ({e})")),
    };
    Some(
        first_difference("$", &old, &new)
            .unwrap_or_else(|| "same data, different formatting".to_owned()),
    )
}

/// The first place where two JSON values differ, as `path: file has X, conversion gives Y`.
pub fn first_difference(
    path: &str,
    old: &serde_json::Value,
    new: &serde_json::Value,
) -> Option<String> {
    use serde_json::Value;
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, va) in a {
                let p = format!("{path}.{k}");
                match b.get(k) {
                    Some(vb) => {
                        if let Some(d) = first_difference(&p, va, vb) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{p}: the conversion has no such field")),
                }
            }
            b.keys()
                .find(|k| !a.contains_key(*k))
                .map(|k| format!("{path}.{k}: missing from the file"))
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, (va, vb)) in a.iter().zip(b).enumerate() {
                if let Some(d) = first_difference(&format!("{path}[{i}]"), va, vb) {
                    return Some(d);
                }
            }
            (a.len() != b.len()).then(|| {
                format!(
                    "{path}: the file has {} entries, the conversion {}",
                    a.len(),
                    b.len()
                )
            })
        }
        _ if old == new => None,
        _ => {
            let mut s = String::new();
            let _ = write!(
                s,
                "{path}: the file has {}, the conversion gives {}",
                short(old),
                short(new)
            );
            Some(s)
        }
    }
}

fn short(v: &serde_json::Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 80 {
        format!("{}…", s.chars().take(80).collect::<String>())
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_difference_names_the_path() {
        let a = serde_json::json!({"sections": [{"title": "討議", "n": 1}]});
        let b = serde_json::json!({"sections": [{"title": "討 議", "n": 1}]});
        assert_eq!(
            first_difference("$", &a, &b),
            Some(
                "$.sections[0].title: the file has \"討議\", the conversion gives \"討 議\""
                    .to_owned()
            )
        );
        assert_eq!(first_difference("$", &a, &a), None);
        let c = serde_json::json!({"sections": []});
        assert_eq!(
            first_difference("$", &a, &c),
            Some("$.sections: the file has 1 entries, the conversion 0".to_owned())
        );
    }

    #[test]
    fn formatting_only_difference_is_reported() {
        assert_eq!(
            check(b"{\"a\":1}", "{\n  \"a\": 1\n}\n"),
            Some("same data, different formatting".to_owned())
        );
        assert_eq!(check(b"{\n  \"a\": 1\n}\n", "{\n  \"a\": 1\n}\n"), None);
    }
}
