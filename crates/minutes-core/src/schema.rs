//! The JSON form: the schema generated from the model, and the one way minutes are written.

use crate::model::Minutes;

/// The JSON Schema of [`Minutes`], generated from the Rust types. `data/minutes.schema.json`
/// is this value, pretty-printed; a test fails when the two differ.
pub fn json_schema() -> serde_json::Value {
    sorted(schemars::schema_for!(Minutes).to_value())
}

/// Rebuilds objects with their keys in sorted order. serde_json keeps insertion order when
/// another crate in the build enables its `preserve_order` feature, and the committed schema
/// must not depend on which crates happen to be built together.
fn sorted(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

/// The JSON Schema as committed: pretty-printed with two spaces and a final newline.
pub fn json_schema_text() -> String {
    pretty(&json_schema())
}

/// Minutes as committed and served: pretty-printed JSON with two-space indentation, UTF-8
/// left unescaped, and a final newline, so files diff well and re-conversion is byte-stable.
pub fn to_json(minutes: &Minutes) -> String {
    // Serialised from the struct, not through a `Value`, so fields keep the model's order.
    match serde_json::to_string_pretty(minutes) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // Serialising these types cannot fail (all map keys are strings); should that ever
        // change, the message ends up in the output and the snapshot test catches it.
        Err(e) => format!("{{\"error\": {:?}}}\n", e.to_string()),
    }
}

fn pretty(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}
