//! The stored format of the journal: the versioned envelope, reading every version that
//! ever existed ([`load`]), and writing the current one ([`save`], [`export_json`]).
//!
//! # Formats
//!
//! **Version 1** (current), an envelope:
//!
//! ```json
//! {"app":"aftercare","kind":"journal","version":1,"entries":[
//!   {"id":"e-lt9x3k2a-0000002a","started":"2024-03-01T21:30","session_date":"2024-03-01",
//!    "symptoms":["fatigue","dizzy"],"other_symptoms":"heavy legs","severity":6,
//!    "duration":{"unit":"hours","amount":3},"notes":"","created_ms":1709328600000,
//!    "updated_ms":1709328600000}]}
//! ```
//!
//! `session_date` and `duration` may be `null`; `duration` is `{"unit":"ongoing"}` or
//! `{"unit":"minutes"|"hours"|"days","amount":N}`. Missing `symptoms`, `other_symptoms`
//! and `notes` read as empty. Unknown keys in an entry are kept in [`Entry::extra`] and
//! written back, so a newer minor version may add entry fields without a version bump.
//! Unknown top-level keys of the envelope are kept too ([`Journal::extra`]) and written
//! back after `entries`. A changed meaning needs a new version number, which older builds
//! open read-only ([`LoadOutcome::FutureVersion`]).
//!
//! Entries that could not be read are kept in the journal, as they were stored, in an
//! optional list after `entries` (written only when it is not empty):
//!
//! ```json
//! {"app":"aftercare","kind":"journal","version":1,"entries":[…],
//!  "unreadable":[{"id":"e-2","started":"2024-03-01T22:00","severity":"six"},42]}
//! ```
//!
//! [`load`] reads every item of it back as JSON text ([`Journal::unreadable`]), adding the
//! entries of `entries` it cannot read, and [`save`] writes them all there: a journal
//! loaded with damaged entries can be edited and saved without losing them, even when
//! there is no room left in storage for a backup copy. Builds from before this list keep
//! it as an unknown envelope key, so the format stays version 1 both ways. An
//! `unreadable` that is not a list is an unknown key like any other; one that is a list is
//! never also kept in [`Journal::extra`].
//!
//! `version` is a whole number; one written as a float equal to it (`1.0`, as some tools
//! write every number) is that version. Anything else (`1.5`, `"1"`, `-1`, missing) is not
//! a version this app ever wrote, so it is never guessed to be 1: the text is
//! [`LoadOutcome::Corrupt`], which the caller keeps under a backup key.
//!
//! **Version 0** (legacy, before the envelope): a bare array of entries with the keys
//! `id`, `when` (start), `session` (date or ""), `symptom` (slugs joined by commas),
//! `other`, `severity` (a string such as "6"), `duration` (text such as "3 hours",
//! "ongoing" or ""), `notes`, `created` and `updated` (epoch ms). Migration renames the
//! keys, splits the symptoms, reads the numbers, and keeps a duration text it cannot read
//! under the extra key `legacy_duration` rather than dropping it. Other keys are kept under
//! their own names, except those named like a current field (`started`…), which become
//! `legacy_started`…. A `legacy_*` name the old entry already uses is never written over:
//! the migrated value takes the next free name (`legacy_duration_2`, `_3`, …).
//!
//! Every version has fixture files under `core/tests/fixtures/journal/`, tested forever.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::collection::Journal;
use super::date::{LocalDate, LocalDateTime};
use super::json::{entry_to_string, value_to_string, write_int, write_value, Writer, ENTRY_KEYS};
use super::model::{DurationUnit, Entry, EntryDuration, EntryId, Severity};

/// The envelope's `app` value.
pub const APP: &str = "aftercare";
/// The envelope's `kind` value.
pub const KIND: &str = "journal";
/// The version [`save`] writes.
pub const CURRENT_VERSION: u64 = 1;

/// An entry that could not be read, reported instead of dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadEntry {
    /// Its position in the stored or imported list (0-based).
    pub index: usize,
    /// What is wrong with it, in plain English ("severity is not a whole number from 0 to
    /// 10").
    pub reason: String,
    /// The entry's JSON text, for keeping under a backup key or showing to support.
    pub raw_json: String,
}

/// What [`load`] found in storage. Nothing is ever lost: entries that cannot be read are
/// handed back as text, and unreadable storage is reported so the caller can keep it.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadOutcome {
    /// The current format, every entry read.
    Ok(Journal),
    /// An older format, converted. Keep the raw text under a backup key before the first
    /// save, then save: the next load is [`LoadOutcome::Ok`].
    Migrated {
        /// The version found.
        from: u64,
        /// The readable entries, in the current model, carrying the text of the ones that
        /// could not be converted in [`Journal::unreadable`].
        journal: Journal,
        /// Entries that could not be converted (usually none).
        bad: Vec<BadEntry>,
    },
    /// The current format with some entries unreadable (wrong types, missing id, repeated
    /// id). The good entries load, and the journal carries the text of the others in
    /// [`Journal::unreadable`], so saving keeps them. Keep the raw text under a backup key
    /// before saving all the same (a second copy, as it was); once saved, the next load is
    /// [`LoadOutcome::Ok`] with the same unreadable entries.
    Partial {
        /// The readable entries, carrying the unreadable ones' text.
        journal: Journal,
        /// The entries of the stored `entries` list that could not be read this time, with
        /// their text and why (the stored `unreadable` list is not repeated here).
        bad: Vec<BadEntry>,
    },
    /// Not JSON, or not a journal. Nothing loads: keep the raw text under a backup key and
    /// start empty; never save over it without that backup.
    Corrupt {
        /// What is wrong, for a support message.
        reason: String,
    },
    /// Written by a newer version of the app. Show it read-only and never save over it.
    FutureVersion {
        /// The version found.
        version: u64,
        /// The entries this build can read, if the envelope still holds an `entries` list.
        /// Its other keys, `unreadable` included, are all in [`Journal::extra`]: what they
        /// mean in that version is not known here.
        journal_if_readable: Option<Journal>,
        /// How many entries of that list this build could not read.
        unreadable: usize,
    },
}

impl LoadOutcome {
    /// The journal to show, if any entries could be read.
    #[must_use]
    pub fn journal(&self) -> Option<&Journal> {
        match self {
            Self::Ok(journal) | Self::Migrated { journal, .. } | Self::Partial { journal, .. } => {
                Some(journal)
            }
            Self::FutureVersion {
                journal_if_readable,
                ..
            } => journal_if_readable.as_ref(),
            Self::Corrupt { .. } => None,
        }
    }

    /// Whether the app may save over what it loaded (after keeping a backup when
    /// [`needs_backup`](Self::needs_backup) says so). False for a newer version.
    #[must_use]
    pub fn is_writable(&self) -> bool {
        !matches!(self, Self::FutureVersion { .. })
    }

    /// Whether the raw stored text must be copied to a backup key before the first save,
    /// because saving would replace something this build did not fully read.
    #[must_use]
    pub fn needs_backup(&self) -> bool {
        !matches!(self, Self::Ok(_))
    }
}

/// How a parsed JSON document looks, shared by [`load`] and import.
pub(super) enum Shape<'a> {
    /// Entries of a version this build reads (0 or 1).
    Known {
        /// The version.
        version: u64,
        /// The entries' JSON values (read by moving their contents out).
        items: &'a mut [Value],
    },
    /// A newer envelope, with its entries list if it still has one.
    Future {
        /// The version.
        version: u64,
        /// The entries' JSON values, if present as a list.
        items: Option<&'a mut [Value]>,
    },
    /// Not a journal.
    NotOurs(&'static str),
}

/// Classifies a parsed document: a bare array is version 0, our envelope is version 1 or
/// later, anything else is not ours.
pub(super) fn classify(value: &mut Value) -> Shape<'_> {
    match value {
        Value::Array(items) => {
            if items.is_empty() || items.iter().any(Value::is_object) {
                Shape::Known { version: 0, items }
            } else {
                Shape::NotOurs("a list that holds no journal entries")
            }
        }
        Value::Object(map) => {
            if map.get("app").and_then(Value::as_str) != Some(APP)
                || map.get("kind").and_then(Value::as_str) != Some(KIND)
            {
                return Shape::NotOurs("not an Aftercare journal");
            }
            // A whole number, also when written as a float (`1.0`, as some tools write every
            // number); `1.5`, `"1"` or `-1` are not a version this app ever wrote.
            let Some(version) = map
                .get("version")
                .and_then(whole)
                .and_then(|n| u64::try_from(n).ok())
            else {
                return Shape::NotOurs("the version is missing or not a whole number");
            };
            let items = map
                .get_mut("entries")
                .and_then(Value::as_array_mut)
                .map(Vec::as_mut_slice);
            match version {
                0 => Shape::NotOurs("version 0 was never stored in an envelope"),
                CURRENT_VERSION => match items {
                    Some(items) => Shape::Known { version, items },
                    None => Shape::NotOurs("the entries list is missing"),
                },
                _ => Shape::Future { version, items },
            }
        }
        _ => Shape::NotOurs("not an Aftercare journal"),
    }
}

/// Reads one entry object of some version. On success the object's contents have moved
/// into the entry (what is left becomes `extra`); on failure the object is left as it was.
pub(super) type EntryReader = fn(&mut Map<String, Value>) -> Result<Entry, String>;

/// Reads a list of entry values with `read` (the reader of their version): one result per
/// item, in file order, where an unreadable entry or a repeat of an id read earlier in the
/// list is a [`BadEntry`]. Strings move out of `items` instead of being copied, so `items`
/// is spent afterwards.
pub(super) fn read_entries(items: &mut [Value], read: EntryReader) -> Vec<Result<Entry, BadEntry>> {
    let mut results: Vec<Result<Entry, BadEntry>> = items
        .iter_mut()
        .enumerate()
        .map(|(index, item)| {
            let result = match item {
                Value::Object(map) => read(map),
                _ => Err("the entry is not a JSON object".to_owned()),
            };
            result.map_err(|reason| BadEntry {
                index,
                reason,
                raw_json: value_to_string(item),
            })
        })
        .collect();
    let mut repeats: Vec<usize> = Vec::new();
    {
        let mut seen: HashSet<&str> = HashSet::with_capacity(results.len());
        for (index, result) in results.iter().enumerate() {
            if let Ok(entry) = result {
                if !seen.insert(entry.id.as_str()) {
                    repeats.push(index);
                }
            }
        }
    }
    for index in repeats {
        if let Some(slot) = results.get_mut(index) {
            if let Ok(entry) = slot {
                // The same compact text as every other bad entry's (a JSON value written
                // back), so that a journal carrying it saves the same text every time.
                let text = entry_to_string(entry);
                let raw_json = serde_json::from_str::<Value>(&text)
                    .map_or(text, |value| value_to_string(&value));
                let bad = BadEntry {
                    index,
                    reason: format!("another entry already has the id \"{}\"", entry.id),
                    raw_json,
                };
                *slot = Err(bad);
            }
        }
    }
    results
}

/// Splits read results into the good entries and the bad ones, both in file order.
fn split(results: Vec<Result<Entry, BadEntry>>) -> (Vec<Entry>, Vec<BadEntry>) {
    let mut entries = Vec::with_capacity(results.len());
    let mut bad = Vec::new();
    for result in results {
        match result {
            Ok(entry) => entries.push(entry),
            Err(b) => bad.push(b),
        }
    }
    (entries, bad)
}

/// Reads storage text written by any version of the app. Never panics, never drops data:
/// see [`LoadOutcome`] for what to do with each outcome. A byte-order mark at the start is
/// ignored. An absent storage key is the caller's empty journal, not a call to this.
#[must_use]
pub fn load(raw: &str) -> LoadOutcome {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    // The plain case (the current format, known fields only) in one typed pass.
    if let Some(journal) = super::fast::load(raw) {
        return LoadOutcome::Ok(journal);
    }
    load_by_value(raw)
}

/// [`load`] through a `serde_json::Value` tree: every case, with recovery entry by entry.
pub(super) fn load_by_value(raw: &str) -> LoadOutcome {
    let mut value: Value = match serde_json::from_str(raw) {
        Ok(value) => value,
        Err(error) => {
            return LoadOutcome::Corrupt {
                // Line and column only: the parser's own wording would add its whole table
                // of messages to the wasm binary, for a reason nobody but support reads.
                reason: format!(
                    "not valid JSON (line {}, column {})",
                    error.line(),
                    error.column()
                ),
            };
        }
    };
    let mut extra = take_envelope_extra(&mut value);
    match classify(&mut value) {
        Shape::Known { version: 0, items } => {
            let (entries, bad) = split(read_entries(items, entry_from_v0));
            let unreadable = bad.iter().map(|b| b.raw_json.clone()).collect();
            LoadOutcome::Migrated {
                from: 0,
                journal: Journal::from_entries(entries).with_compact_unreadable(unreadable),
                bad,
            }
        }
        Shape::Known { items, .. } => {
            let (entries, bad) = split(read_entries(items, entry_from_v1));
            let mut unreadable: Vec<String> = take_unreadable(&mut extra)
                .iter()
                .map(value_to_string)
                .collect();
            unreadable.extend(bad.iter().map(|b| b.raw_json.clone()));
            if !unreadable.is_empty() && extra.contains_key(UNREADABLE) {
                // A stored `unreadable` that is not a list, in a journal that now has a list
                // to write under that name: kept under the next free name instead.
                let name = free_key(&extra, UNREADABLE);
                if let Some(odd) = extra.remove(UNREADABLE) {
                    extra.insert(name, odd);
                }
            }
            let journal = Journal::from_entries(entries)
                .with_extra(extra)
                .with_compact_unreadable(unreadable);
            if bad.is_empty() {
                LoadOutcome::Ok(journal)
            } else {
                LoadOutcome::Partial { journal, bad }
            }
        }
        Shape::Future { version, items } => {
            let (journal_if_readable, unreadable) = match items {
                Some(items) => {
                    let (entries, bad) = split(read_entries(items, entry_from_v1));
                    (
                        Some(Journal::from_entries(entries).with_extra(extra)),
                        bad.len(),
                    )
                }
                None => (None, 0),
            };
            LoadOutcome::FutureVersion {
                version,
                journal_if_readable,
                unreadable,
            }
        }
        Shape::NotOurs(reason) => LoadOutcome::Corrupt {
            reason: reason.to_owned(),
        },
    }
}

/// The envelope's own keys, in the order [`export_json`] writes them.
const ENVELOPE_KEYS: [&str; 4] = ["app", "kind", "version", "entries"];

/// The envelope key of the entries that could not be read ([`Journal::unreadable`]),
/// written after `entries` when there are any.
const UNREADABLE: &str = "unreadable";

/// Takes the list of entries that could not be read out of an envelope's keys, if it is a
/// list; anything else under that name stays where it is, as an unknown key.
pub(super) fn take_unreadable(map: &mut Map<String, Value>) -> Vec<Value> {
    if !map.get(UNREADABLE).is_some_and(Value::is_array) {
        return Vec::new();
    }
    match map.remove(UNREADABLE) {
        Some(Value::Array(items)) => items,
        _ => Vec::new(),
    }
}

/// Moves the keys of an envelope object other than [`ENVELOPE_KEYS`] out of it, to keep
/// them in [`Journal::extra`]; empty for anything but an object.
fn take_envelope_extra(value: &mut Value) -> Map<String, Value> {
    let Value::Object(map) = value else {
        return Map::new();
    };
    let mut extra = Map::new();
    for (key, item) in std::mem::take(map) {
        if ENVELOPE_KEYS.contains(&key.as_str()) {
            map.insert(key, item);
        } else {
            extra.insert(key, item);
        }
    }
    extra
}

/// The journal as compact envelope JSON in the current version, for storage.
#[must_use]
pub fn save(journal: &Journal) -> String {
    export_json(journal, false)
}

/// The journal as envelope JSON in the current version, indented for people when `pretty`.
/// This is also the full-fidelity export file: [`load`] reads it back to an identical
/// journal, and [`preview_import`](super::preview_import) to the same entries (the
/// entries that could not be read, [`Journal::unreadable`], are in the file too, one
/// compact line each, but an import counts them as invalid and leaves them out).
#[must_use]
pub fn export_json(journal: &Journal, pretty: bool) -> String {
    let unreadable = journal.unreadable();
    // About 300 bytes per typical entry; reserving avoids repeated regrowth.
    let unreadable_bytes: usize = unreadable.iter().map(|raw| raw.len() + 8).sum();
    let mut w = Writer::new(pretty, 96 + journal.len() * 320 + unreadable_bytes);
    w.open('{');
    w.key("app");
    w.out.push_str("\"aftercare\"");
    w.key("kind");
    w.out.push_str("\"journal\"");
    w.key("version");
    write_int(
        &mut w.out,
        i64::try_from(CURRENT_VERSION).unwrap_or_default(),
    );
    w.key("entries");
    w.open('[');
    for entry in journal.entries() {
        w.item();
        w.entry(entry);
    }
    w.close(']');
    if !unreadable.is_empty() {
        w.key(UNREADABLE);
        w.open('[');
        for raw in unreadable {
            w.item();
            // Compact, valid JSON by construction (see `Journal::with_unreadable`).
            w.out.push_str(raw);
        }
        w.close(']');
    }
    for (key, value) in journal.extra() {
        // A caller-built `extra` repeating an envelope key would write it twice; the
        // envelope's own value is the truth, so the copy is skipped. So is an `unreadable`
        // key when the journal has its own list to write there.
        let skip =
            ENVELOPE_KEYS.contains(&key.as_str()) || (key == UNREADABLE && !unreadable.is_empty());
        if !skip {
            w.key(key);
            write_value(&mut w.out, value);
        }
    }
    w.close('}');
    if pretty {
        w.out.push('\n');
    }
    w.out
}

/// The values of an entry's known keys, taken out of its object in a version's key order.
type Taken = [Option<Value>; 10];

/// Takes the values of `keys` out of `map`, leaving the other keys in it. One pass over the
/// map: cheaper than ten lookups and removals, and smaller in wasm.
fn take_keys(map: &mut Map<String, Value>, keys: &[&str; 10]) -> Taken {
    let mut taken: Taken = Default::default();
    for (key, value) in std::mem::take(map) {
        match keys.iter().position(|k| *k == key) {
            Some(i) => taken[i] = Some(value),
            None => {
                map.insert(key, value);
            }
        }
    }
    taken
}

/// Puts taken values back, leaving `map` as it was read.
fn put_back(map: &mut Map<String, Value>, keys: &[&str; 10], taken: Taken) {
    for (key, value) in keys.iter().zip(taken) {
        if let Some(value) = value {
            map.insert((*key).to_owned(), value);
        }
    }
}

/// Moves a string out of a checked field (empty when missing or null).
fn take_string(value: &mut Option<Value>) -> String {
    match value.take() {
        Some(Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Checks a text field that may be missing or null (read as empty).
fn opt_text<'a>(value: Option<&'a Value>, key: &str) -> Result<&'a str, String> {
    match value {
        None | Some(Value::Null) => Ok(""),
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(format!("{key} is not text")),
    }
}

/// Checks a required text field.
fn req_text<'a>(value: Option<&'a Value>, key: &str) -> Result<&'a str, String> {
    match value {
        None | Some(Value::Null) => Err(format!("{key} is missing")),
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(format!("{key} is not text")),
    }
}

/// A whole number, written as an integer or as a float with no fraction (as some tools
/// write every number).
fn whole(value: &Value) -> Option<i64> {
    value.as_i64().or_else(|| {
        let f = value.as_f64()?;
        // The bounds keep the conversion exact; 2^53 is far beyond any real timestamp.
        (f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0).then(|| {
            #[allow(clippy::cast_possible_truncation)]
            let n = f as i64;
            n
        })
    })
}

/// Checks a required epoch-milliseconds field.
fn req_ms(value: Option<&Value>, key: &str) -> Result<i64, String> {
    match value {
        None | Some(Value::Null) => Err(format!("{key} is missing")),
        Some(v) => whole(v).ok_or_else(|| format!("{key} is not a whole number")),
    }
}

/// Checks the id field, required in every version.
fn check_id(value: Option<&Value>) -> Result<(), String> {
    EntryId::is_valid(req_text(value, "id")?)
        .then_some(())
        .ok_or_else(|| "id is empty, too long or holds control characters".to_owned())
}

/// A severity from a number or (version 0) a string of digits.
fn read_severity(value: Option<&Value>) -> Result<Severity, String> {
    let n = match value {
        None | Some(Value::Null) => return Err("severity is missing".to_owned()),
        Some(Value::String(s)) => s.trim().parse::<i64>().ok(),
        Some(v) => whole(v),
    };
    n.and_then(|n| u8::try_from(n).ok())
        .and_then(Severity::new)
        .ok_or_else(|| "severity is not a whole number from 0 to 10".to_owned())
}

/// An optional session date; empty text counts as none.
fn read_session_date(value: Option<&Value>, key: &str) -> Result<Option<LocalDate>, String> {
    let text = opt_text(value, key)?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    LocalDate::parse(text)
        .map(Some)
        .ok_or_else(|| format!("{key} is not a date (YYYY-MM-DD)"))
}

/// A required start time.
fn read_started(value: Option<&Value>, key: &str) -> Result<LocalDateTime, String> {
    LocalDateTime::parse(req_text(value, key)?)
        .ok_or_else(|| format!("{key} is not a date and time (YYYY-MM-DDTHH:MM)"))
}

/// Reads a version-1 duration value (missing or null: none).
fn read_duration(value: Option<&Value>) -> Result<Option<EntryDuration>, String> {
    let d = match value {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(d)) => d,
        Some(_) => return Err("duration is not an object".to_owned()),
    };
    let unit = d.get("unit").and_then(Value::as_str).unwrap_or_default();
    if unit == "ongoing" {
        return Ok(Some(EntryDuration::Ongoing));
    }
    let unit = DurationUnit::parse(unit)
        .ok_or_else(|| "duration unit is not minutes, hours, days or ongoing".to_owned())?;
    let amount = d
        .get("amount")
        .and_then(whole)
        .and_then(|n| u16::try_from(n).ok())
        .ok_or_else(|| "duration amount is not a whole number from 0 to 65,535".to_owned())?;
    Ok(Some(EntryDuration::Lasted { amount, unit }))
}

/// The typed, allocation-free parts of an entry, read before any string is moved.
struct Checked {
    /// Start time.
    started: LocalDateTime,
    /// Session date.
    session_date: Option<LocalDate>,
    /// Severity.
    severity: Severity,
    /// Duration.
    duration: Option<EntryDuration>,
    /// Creation time.
    created_ms: i64,
    /// Update time.
    updated_ms: i64,
}

/// Checks a version-1 entry's known fields (in [`ENTRY_KEYS`] order) without moving them.
fn check_v1(f: &Taken) -> Result<Checked, String> {
    check_id(f[0].as_ref())?;
    let started = read_started(f[1].as_ref(), "started")?;
    let session_date = read_session_date(f[2].as_ref(), "session_date")?;
    match &f[3] {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => {}
        Some(Value::Array(_)) => return Err("symptoms holds something other than text".to_owned()),
        Some(_) => return Err("symptoms is not a list".to_owned()),
    }
    opt_text(f[4].as_ref(), "other_symptoms")?;
    let severity = read_severity(f[5].as_ref())?;
    let duration = read_duration(f[6].as_ref())?;
    opt_text(f[7].as_ref(), "notes")?;
    Ok(Checked {
        started,
        session_date,
        severity,
        duration,
        created_ms: req_ms(f[8].as_ref(), "created_ms")?,
        updated_ms: req_ms(f[9].as_ref(), "updated_ms")?,
    })
}

/// Reads one version-1 entry, moving its strings out of `map`.
pub(super) fn entry_from_v1(map: &mut Map<String, Value>) -> Result<Entry, String> {
    let mut f = take_keys(map, &ENTRY_KEYS);
    let c = match check_v1(&f) {
        Ok(c) => c,
        Err(reason) => {
            put_back(map, &ENTRY_KEYS, f);
            return Err(reason);
        }
    };
    let symptoms = match f[3].take() {
        Some(Value::Array(items)) => items
            .into_iter()
            .filter_map(|item| match item {
                Value::String(s) => Some(s),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    Ok(Entry {
        id: EntryId::from_valid(take_string(&mut f[0])),
        started: c.started,
        session_date: c.session_date,
        symptoms,
        other_symptoms: take_string(&mut f[4]),
        severity: c.severity,
        duration: c.duration,
        notes: take_string(&mut f[7]),
        created_ms: c.created_ms,
        updated_ms: c.updated_ms,
        extra: std::mem::take(map),
    })
}

/// Keys a version-0 entry had, in the order the reader uses them; anything else moves to
/// `extra` on migration.
const V0_KEYS: [&str; 10] = [
    "id", "when", "session", "symptom", "other", "severity", "duration", "notes", "created",
    "updated",
];

/// Checks a version-0 entry's known fields (in [`V0_KEYS`] order) without moving them.
fn check_v0(f: &Taken) -> Result<Checked, String> {
    check_id(f[0].as_ref())?;
    let started = read_started(f[1].as_ref(), "when")?;
    let session_date = read_session_date(f[2].as_ref(), "session")?;
    opt_text(f[3].as_ref(), "symptom")?;
    opt_text(f[4].as_ref(), "other")?;
    let severity = read_severity(f[5].as_ref())?;
    let duration = EntryDuration::parse_text(opt_text(f[6].as_ref(), "duration")?);
    opt_text(f[7].as_ref(), "notes")?;
    let created_ms = req_ms(f[8].as_ref(), "created")?;
    let updated_ms = match &f[9] {
        None | Some(Value::Null) => created_ms,
        Some(_) => req_ms(f[9].as_ref(), "updated")?,
    };
    Ok(Checked {
        started,
        session_date,
        severity,
        duration,
        created_ms,
        updated_ms,
    })
}

/// `base` if `extra` has no such key, else the first of `base_2`, `base_3`, … it lacks, so
/// that a migration never writes over a field the old data already had.
fn free_key(extra: &Map<String, Value>, base: &str) -> String {
    let mut name = base.to_owned();
    let mut n = 1u32;
    while extra.contains_key(&name) {
        n += 1;
        name = format!("{base}_{n}");
    }
    name
}

/// Reads one version-0 entry into the current model (the 0 → 1 migration).
pub(super) fn entry_from_v0(map: &mut Map<String, Value>) -> Result<Entry, String> {
    let mut f = take_keys(map, &V0_KEYS);
    let c = match check_v0(&f) {
        Ok(c) => c,
        Err(reason) => {
            put_back(map, &V0_KEYS, f);
            return Err(reason);
        }
    };
    let symptoms = take_string(&mut f[3])
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    // Every other key is kept under its own name, first, so that the renamed ones below
    // can see which names are taken.
    let mut extra = Map::new();
    let mut renamed = Vec::new();
    for (key, value) in std::mem::take(map) {
        if ENTRY_KEYS.contains(&key.as_str()) {
            renamed.push((key, value));
        } else {
            extra.insert(key, value);
        }
    }
    for (key, value) in renamed {
        // A version-0 key that happens to share a current field's name would be shadowed
        // by that field on save; renaming it keeps it, under a name not already used.
        let name = free_key(&extra, &format!("legacy_{key}"));
        extra.insert(name, value);
    }
    let duration_text = take_string(&mut f[6]);
    if c.duration.is_none() && !duration_text.trim().is_empty() {
        // Free text version 0 allowed ("most of the evening") is kept, not dropped.
        let name = free_key(&extra, "legacy_duration");
        extra.insert(name, Value::String(duration_text));
    }
    Ok(Entry {
        id: EntryId::from_valid(take_string(&mut f[0])),
        started: c.started,
        session_date: c.session_date,
        symptoms,
        other_symptoms: take_string(&mut f[4]),
        severity: c.severity,
        duration: c.duration,
        notes: take_string(&mut f[7]),
        created_ms: c.created_ms,
        updated_ms: c.updated_ms,
        extra,
    })
}
