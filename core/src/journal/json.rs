//! Writes the journal's JSON by hand: fixed key order, compact or indented, and no failure
//! path. Writing into a `String` cannot fail, so [`save`](super::save) returns the text
//! itself instead of a `Result` whose error branch could tempt a caller to store nothing.
//!
//! Reading goes through `serde_json::Value` (see `schema`); only writing lives here.

use serde_json::Value;

use super::model::{Entry, EntryDuration};

/// Keys the current format gives an entry, in the order they are written. Fields outside
/// this list go to [`Entry::extra`].
pub(super) const ENTRY_KEYS: [&str; 10] = [
    "id",
    "started",
    "session_date",
    "symptoms",
    "other_symptoms",
    "severity",
    "duration",
    "notes",
    "created_ms",
    "updated_ms",
];

/// Appends `text` as a JSON string literal. Runs of characters that need no escape are
/// copied in one go, which matters in wasm where per-character pushes are slow.
pub fn write_str(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(text.len() + 2);
    out.push('"');
    let mut start = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        // Escaped bytes are ASCII, so `start..i` always falls on character boundaries.
        out.push_str(text.get(start..i).unwrap_or_default());
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(text.get(start..).unwrap_or_default());
    out.push('"');
}

/// Appends a whole number without going through `fmt` (faster, and smaller in wasm).
pub(super) fn write_int(out: &mut String, n: i64) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut rest = n.unsigned_abs();
    loop {
        // `rest % 10` is a single digit, so the cast cannot truncate.
        #[allow(clippy::cast_possible_truncation)]
        let digit = (rest % 10) as u8;
        digits[len] = b'0' + digit;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if n < 0 {
        out.push('-');
    }
    for &d in digits[..len].iter().rev() {
        out.push(char::from(d));
    }
}

/// Appends any JSON value compactly (used for fields a newer version stored and for the
/// raw text of entries that could not be read).
pub(super) fn write_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_str(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_str(out, key);
                out.push(':');
                write_value(out, item);
            }
            out.push('}');
        }
    }
}

/// `value` as compact JSON text.
pub(super) fn value_to_string(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value);
    out
}

/// One entry as compact JSON text in the current format.
pub(super) fn entry_to_string(entry: &Entry) -> String {
    let mut w = Writer::new(false, 320);
    w.entry(entry);
    w.out
}

/// Writes objects and arrays either on one line or indented by two spaces per level.
pub(super) struct Writer {
    /// The text so far.
    pub(super) out: String,
    /// Indent (true) or write on one line (false).
    pretty: bool,
    /// Current nesting depth, for indentation.
    depth: usize,
    /// Whether the next key or item is the first in its container (no comma before it).
    first: bool,
}

impl Writer {
    /// An empty writer with room for `capacity` bytes.
    pub(super) fn new(pretty: bool, capacity: usize) -> Self {
        Self {
            out: String::with_capacity(capacity),
            pretty,
            depth: 0,
            first: true,
        }
    }

    /// Opens `{` or `[`.
    pub(super) fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    /// Closes `}` or `]`, on its own line when pretty and the container was not empty.
    pub(super) fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if self.pretty && !self.first {
            self.newline();
        }
        self.out.push(bracket);
        self.first = false;
    }

    /// Writes the comma and indentation before the next item of an array.
    pub(super) fn item(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        if self.pretty {
            self.newline();
        }
        self.first = false;
    }

    /// Writes the separator, indentation and `"key":` before the next value of an object.
    pub(super) fn key(&mut self, key: &str) {
        self.item();
        write_str(&mut self.out, key);
        self.out.push_str(if self.pretty { ": " } else { ":" });
    }

    /// Line break and indentation for the current depth.
    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    /// Writes one entry as an object in the current format.
    pub(super) fn entry(&mut self, entry: &Entry) {
        self.open('{');
        self.key("id");
        write_str(&mut self.out, entry.id.as_str());
        self.key("started");
        self.out.push('"');
        entry.started.push_to(&mut self.out);
        self.out.push('"');
        self.key("session_date");
        match entry.session_date {
            Some(date) => {
                self.out.push('"');
                date.push_to(&mut self.out);
                self.out.push('"');
            }
            None => self.out.push_str("null"),
        }
        self.key("symptoms");
        self.out.push('[');
        for (i, slug) in entry.symptoms.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            write_str(&mut self.out, slug);
        }
        self.out.push(']');
        self.key("other_symptoms");
        write_str(&mut self.out, &entry.other_symptoms);
        self.key("severity");
        write_int(&mut self.out, i64::from(entry.severity.get()));
        self.key("duration");
        match entry.duration {
            None => self.out.push_str("null"),
            Some(EntryDuration::Ongoing) => self.out.push_str(r#"{"unit":"ongoing"}"#),
            Some(EntryDuration::Lasted { amount, unit }) => {
                self.out.push_str(r#"{"unit":"#);
                write_str(&mut self.out, unit.as_str());
                self.out.push_str(r#","amount":"#);
                write_int(&mut self.out, i64::from(amount));
                self.out.push('}');
            }
        }
        self.key("notes");
        write_str(&mut self.out, &entry.notes);
        self.key("created_ms");
        write_int(&mut self.out, entry.created_ms);
        self.key("updated_ms");
        write_int(&mut self.out, entry.updated_ms);
        for (key, value) in &entry.extra {
            // A caller-built `extra` repeating a known key would write it twice; the typed
            // field is the truth, so the copy is skipped.
            if !ENTRY_KEYS.contains(&key.as_str()) {
                self.key(key);
                write_value(&mut self.out, value);
            }
        }
        self.close('}');
    }
}
