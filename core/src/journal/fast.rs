//! The typed fast path of [`load`](super::load): a current-format journal whose every
//! entry has exactly the known fields, each of the expected JSON type, is read straight
//! into typed structs with serde's derived `Deserialize`, without building a
//! `serde_json::Value` tree first (about half the time for 2,000 entries).
//!
//! Anything else — an unknown field anywhere, a number written as a float, a value of the
//! wrong type, a check that fails, a repeated id — returns `None`, and `load` reads the
//! whole text through the `Value` path, which keeps unknown fields, recovers entry by entry
//! and says what is wrong. So this path never decides anything the `Value` path would
//! decide differently: it only answers the plain case sooner (a native test compares both
//! on every fixture and on generated journals).

use std::collections::HashSet;

use serde::Deserialize;
use serde_json::Value;

use super::json::value_to_string;
use super::model::{DurationUnit, Entry, EntryDuration, EntryId, Severity};
use super::{Journal, LocalDate, LocalDateTime, APP, CURRENT_VERSION, KIND};

/// The envelope, with nothing but its known keys.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    app: String,
    kind: String,
    version: u64,
    entries: Vec<Stored>,
    /// Entries no build could read, kept as they were; a list, or absent.
    #[serde(default)]
    unreadable: Vec<Value>,
}

/// One version-1 entry with nothing but the known fields.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    id: String,
    started: String,
    #[serde(default)]
    session_date: Option<String>,
    #[serde(default)]
    symptoms: Option<Vec<String>>,
    #[serde(default)]
    other_symptoms: Option<String>,
    severity: u8,
    #[serde(default)]
    duration: Option<Duration>,
    #[serde(default)]
    notes: Option<String>,
    created_ms: i64,
    updated_ms: i64,
}

/// A version-1 duration.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Duration {
    unit: String,
    #[serde(default)]
    amount: Option<u16>,
}

impl Stored {
    /// The entry, if every check the `Value` path makes passes.
    fn into_entry(self) -> Option<Entry> {
        if !EntryId::is_valid(&self.id) {
            return None;
        }
        let started = LocalDateTime::parse(&self.started)?;
        let session_date = match self.session_date.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(_) => Some(LocalDate::parse(self.session_date.as_deref()?)?),
        };
        let duration = match self.duration {
            None => None,
            Some(d) if d.unit == "ongoing" => Some(EntryDuration::Ongoing),
            Some(d) => Some(EntryDuration::Lasted {
                unit: DurationUnit::parse(&d.unit)?,
                amount: d.amount?,
            }),
        };
        Some(Entry {
            id: EntryId::from_valid(self.id),
            started,
            session_date,
            symptoms: self.symptoms.unwrap_or_default(),
            other_symptoms: self.other_symptoms.unwrap_or_default(),
            severity: Severity::new(self.severity)?,
            duration,
            notes: self.notes.unwrap_or_default(),
            created_ms: self.created_ms,
            updated_ms: self.updated_ms,
            extra: serde_json::Map::new(),
        })
    }
}

/// The journal in `raw` (byte-order mark already removed), when it is the plain case; `None`
/// sends it to the `Value` path.
pub(super) fn load(raw: &str) -> Option<Journal> {
    let envelope: Envelope = serde_json::from_str(raw).ok()?;
    if envelope.app != APP || envelope.kind != KIND || envelope.version != CURRENT_VERSION {
        return None;
    }
    let entries = envelope
        .entries
        .into_iter()
        .map(Stored::into_entry)
        .collect::<Option<Vec<Entry>>>()?;
    let mut seen = HashSet::with_capacity(entries.len());
    if !entries.iter().all(|e| seen.insert(e.id.as_str())) {
        return None;
    }
    let unreadable = envelope.unreadable.iter().map(value_to_string).collect();
    Some(Journal::from_entries(entries).with_compact_unreadable(unreadable))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::super::schema::load_by_value;
    use super::super::{save, LoadOutcome};
    use super::*;

    /// The fast path agrees with the `Value` path whenever it answers; returns whether it did.
    #[track_caller]
    fn agrees(raw: &str) -> bool {
        match load(raw) {
            Some(journal) => {
                assert_eq!(LoadOutcome::Ok(journal), load_by_value(raw), "{raw}");
                true
            }
            None => false,
        }
    }

    fn plain(i: usize) -> String {
        format!(
            r#"{{"id":"e-{i}","started":"2024-03-0{d}T21:30","session_date":"2024-03-01","symptoms":["fatigue","dizzy"],"other_symptoms":"heavy legs","severity":{s},"duration":{{"unit":"hours","amount":3}},"notes":"note {i}","created_ms":1709328600000,"updated_ms":1709328600001}}"#,
            d = 1 + i % 9,
            s = i % 11
        )
    }

    fn envelope(entries: &[String], tail: &str) -> String {
        format!(
            r#"{{"app":"aftercare","kind":"journal","version":1,"entries":[{}]{tail}}}"#,
            entries.join(",")
        )
    }

    #[test]
    fn every_fixture_reads_the_same_both_ways() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/journal");
        let mut fast = 0;
        for file in std::fs::read_dir(dir).unwrap() {
            let raw = std::fs::read_to_string(file.unwrap().path()).unwrap();
            let raw = raw.strip_prefix('\u{feff}').unwrap_or(&raw);
            fast += usize::from(agrees(raw));
        }
        assert!(fast >= 1, "the plain fixtures take the fast path");
    }

    #[test]
    fn plain_journals_take_the_fast_path_and_odd_ones_the_value_path() {
        let many: Vec<String> = (0..50).map(plain).collect();
        assert!(agrees(&envelope(&many, "")));
        assert!(agrees(&envelope(&[], "")));
        assert!(agrees(&envelope(
            &many[..2],
            r#","unreadable":[{"id":"x"},42]"#
        )));
        // Saved by the app itself.
        let journal = match load_by_value(&envelope(&many, "")) {
            LoadOutcome::Ok(j) => j,
            other => panic!("{other:?}"),
        };
        assert!(agrees(&save(&journal)));
        // Nulls and missing optional fields read as the Value path reads them.
        let sparse = r#"{"id":"s","started":"2024-03-01T21:30","session_date":null,"symptoms":null,"other_symptoms":null,"severity":0,"duration":null,"created_ms":1,"updated_ms":2}"#;
        assert!(agrees(&envelope(&[sparse.to_owned()], "")));
        let blank = sparse.replace(r#""session_date":null"#, r#""session_date":"  ""#);
        assert!(agrees(&envelope(&[blank], "")));
        let ongoing = plain(1).replace(r#"{"unit":"hours","amount":3}"#, r#"{"unit":"ongoing"}"#);
        assert!(agrees(&envelope(&[ongoing], "")));
        // Each of these goes the Value path (and must still read as it did).
        let odd = [
            plain(1).replace(r#""notes""#, r#""mood":"ok","notes""#),
            plain(1).replace(r#""severity":1"#, r#""severity":1.0"#),
            plain(1).replace(r#""severity":1"#, r#""severity":11"#),
            plain(1).replace(r#""severity":1"#, r#""severity":"1""#),
            plain(1).replace("\"e-1\"", "\"\""),
            plain(1).replace("2024-03-02T21:30", "2024-02-30T21:30"),
            plain(1).replace(r#""amount":3"#, r#""amount":3.0"#),
            plain(1).replace(r#""hours""#, r#""weeks""#),
            plain(1).replace(r#","amount":3"#, ""),
            plain(1).replace(r#""created_ms":1709328600000"#, r#""created_ms":1.7e12"#),
            plain(1).replace(
                r#""symptoms":["fatigue","dizzy"]"#,
                r#""symptoms":["fatigue",3]"#,
            ),
            plain(1).replace(
                r#"{"unit":"hours","amount":3}"#,
                r#"{"unit":"hours","amount":3,"x":1}"#,
            ),
        ];
        for entry in &odd {
            assert!(
                !agrees(&envelope(&[entry.clone(), plain(2)], "")),
                "{entry}"
            );
        }
        let repeated = envelope(&[plain(1), plain(1)], "");
        assert!(!agrees(&repeated));
        for text in [
            envelope(&many[..1], r#","theme":"dark""#),
            envelope(&many[..1], r#","unreadable":null"#),
            envelope(&many[..1], r#","unreadable":{}"#),
            envelope(&many[..1], "").replace(r#""version":1"#, r#""version":1.0"#),
            envelope(&many[..1], "").replace(r#""version":1"#, r#""version":2"#),
            envelope(&many[..1], "").replace(r#""kind":"journal""#, r#""kind":"notes""#),
            format!("[{}]", plain(1)),
            "{not json".to_owned(),
        ] {
            assert!(!agrees(&text), "{text}");
        }
    }
}
