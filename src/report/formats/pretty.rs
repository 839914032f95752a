//! Pretty-printed JSON from compact JSON, byte for byte what
//! `serde_json::to_string_pretty` writes (two-space indent, `": "` after a
//! key, `[]` and `{}` for empty arrays and objects).
//!
//! Why: the share file and the backup are pretty for the people who open
//! them, the stored drafts compact. Serialising with both formatters
//! compiled every `Draft` serialiser twice into the wasm; serialising
//! compactly and re-indenting here needs one copy.

/// `compact` (what `serde_json::to_string` wrote) re-indented as
/// `serde_json::to_string_pretty` would have written it.
pub fn pretty(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let newline = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.resize(out.len() + 2 * depth, b' ');
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        if in_string {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                out.push(b);
            }
            b'{' | b'[' => {
                out.push(b);
                if matches!(bytes.get(i), Some(b'}' | b']')) {
                    // Empty: `{}` or `[]` on one line.
                    out.push(bytes[i]);
                    i += 1;
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(b);
            }
            b',' => {
                out.push(b);
                newline(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(b),
        }
    }
    // Only ASCII bytes were added, and only between whole characters.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::pretty;
    use serde_json::json;

    #[test]
    fn the_same_bytes_as_serde_json_pretty() {
        let values = [
            json!(null),
            json!(1.5),
            json!("a \"quoted\" {[,:]} \\ \u{1} 中文"),
            json!([]),
            json!({}),
            json!([[], {}, [[]], {"a": {}}]),
            json!({"a": 1, "b": [1, 2, {"c": null, "d": [true, false]}], "e": "x:y,z", "f": {"g": [], "h": {}}}),
            json!({"\\\"": "\\", "k\"{": ["]", "}", "\\\\"]}),
        ];
        for v in values {
            let compact = serde_json::to_string(&v).unwrap();
            assert_eq!(pretty(&compact), serde_json::to_string_pretty(&v).unwrap(), "{compact}");
        }
    }
}
