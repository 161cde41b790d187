//! The [`Journal`]: the list of entries with the plain methods the app calls (add, update,
//! remove and undo, listing newest first grouped by day, filtering, the clinician summary's
//! date range and the severity chart's points).
//!
//! The journal also carries what storage held that this build cannot use, so that saving
//! never drops it: the envelope's unknown keys ([`Journal::extra`]) and the entries it
//! could not read, as JSON text ([`Journal::unreadable`]). No method that changes entries
//! touches either.
//!
//! Every method is linear in the number of entries and their symptoms (listings add one
//! sort), borrows instead of cloning, and never fails on user input: operations that can
//! be refused return a typed [`JournalError`]. Nothing searches a list once per item: the
//! summary counts symptoms in a map and lists at most [`SUMMARY_MAX_SYMPTOMS`] of them.

use std::collections::HashMap;
use std::fmt;

use serde_json::{Map, Value};

use super::date::{DateRange, LocalDate, LocalDateTime};
use super::json::value_to_string;
use super::model::{Entry, EntryId, MAX_SYMPTOMS};
use crate::content::Symptom;

/// All of a person's entries, in the order they were added, with the stored envelope's
/// keys this build does not know and the stored entries it could not read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Journal {
    /// The entries, in the order they were added.
    entries: Vec<Entry>,
    /// Top-level keys of the stored envelope this build does not know (written by a newer
    /// version), kept so that saving never drops them.
    extra: Map<String, Value>,
    /// Stored entries this build could not read, each as compact JSON text, kept so that
    /// saving and exporting never drop them. No edit, import or undo touches them.
    unreadable: Vec<String>,
}

/// An entry taken out by [`Journal::remove`], with where it was, so "Undo" can put it back.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    /// Its position in the journal before removal.
    pub index: usize,
    /// The entry itself.
    pub entry: Entry,
}

/// Why the journal refused a change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JournalError {
    /// An entry with this id is already in the journal.
    DuplicateId(EntryId),
    /// No entry has this id (it may have been deleted meanwhile).
    NotFound(EntryId),
}

impl fmt::Display for JournalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::DuplicateId(_) => f.write_str("This entry is already in your journal."),
            Self::NotFound(_) => {
                f.write_str("This entry is no longer in your journal. It may have been deleted.")
            }
        }
    }
}

impl std::error::Error for JournalError {}

/// The entries that started on one calendar day, newest first.
#[derive(Clone, Debug, PartialEq)]
pub struct DayGroup<'a> {
    /// The local day.
    pub date: LocalDate,
    /// That day's entries, newest first.
    pub entries: Vec<&'a Entry>,
}

/// What the journal list shows: every condition given must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only entries listing this symptom slug.
    pub symptom: Option<String>,
    /// Only entries whose notes or other-symptoms text contains this, ignoring case and
    /// accents ("cafe" finds "Café"). Blank means no text condition.
    pub text: String,
    /// Only entries that started within these days.
    pub range: Option<DateRange>,
}

/// One point of the severity-over-time chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeverityPoint {
    /// When the symptom started.
    pub at: LocalDateTime,
    /// Its severity, 0–10.
    pub severity: u8,
}

/// Figures for the clinician summary and the chart's caption.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Number of entries counted.
    pub entries: usize,
    /// Number of distinct days with at least one entry.
    pub days_with_entries: usize,
    /// Earliest start time, if any entry.
    pub first: Option<LocalDateTime>,
    /// Latest start time, if any entry.
    pub last: Option<LocalDateTime>,
    /// Lowest severity, if any entry.
    pub min_severity: Option<u8>,
    /// Highest severity, if any entry.
    pub max_severity: Option<u8>,
    /// Mean severity, if any entry.
    pub mean_severity: Option<f64>,
    /// How many entries list each symptom slug, most frequent first, then by slug; at most
    /// [`SUMMARY_MAX_SYMPTOMS`] of them. Each entry counts every symptom this build knows
    /// and at most [`SUMMARY_MAX_UNKNOWN_PER_ENTRY`] it does not (in the entry's order).
    pub symptom_counts: Vec<(String, usize)>,
    /// How many more distinct slugs were counted than [`symptom_counts`](Self::symptom_counts)
    /// lists (the least frequent, left out); 0 in any journal the form made.
    pub symptoms_not_listed: usize,
}

/// Most symptoms a [`Summary`] lists. The taxonomy has 24; the rest of the room is for
/// slugs of a newer taxonomy. A journal written elsewhere may hold hundreds of thousands of
/// distinct unknown slugs: they are counted in [`Summary::symptoms_not_listed`], not listed.
pub const SUMMARY_MAX_SYMPTOMS: usize = 100;

/// Most symptoms this build does not know that one entry adds to a [`Summary`]'s counts:
/// the form's limit on symptoms per entry ([`MAX_SYMPTOMS`]). Only entries stored by
/// something else can hold more; they keep them, but the summary counts the first 64.
pub const SUMMARY_MAX_UNKNOWN_PER_ENTRY: usize = MAX_SYMPTOMS;

/// Sorts newest first: later start, then later creation, then larger id, so the order is
/// total and never flickers. Every listing goes through this one function, which keeps one
/// copy of the sort in the wasm binary.
fn sort_newest_first(list: &mut [&Entry]) {
    list.sort_unstable_by(|a, b| {
        b.started
            .cmp(&a.started)
            .then(b.created_ms.cmp(&a.created_ms))
            .then_with(|| b.id.cmp(&a.id))
    });
}

impl Journal {
    /// An empty journal.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// A journal of `entries` as given. Callers building from untrusted data should go
    /// through [`load`](super::load) or [`preview_import`](super::preview_import), which
    /// also reject repeated ids.
    #[must_use]
    pub fn from_entries(entries: Vec<Entry>) -> Self {
        Self {
            entries,
            extra: Map::new(),
            unreadable: Vec::new(),
        }
    }

    /// The journal with `extra` as its unknown envelope keys (see [`extra`](Self::extra)).
    #[must_use]
    pub fn with_extra(mut self, extra: Map<String, Value>) -> Self {
        self.extra = extra;
        self
    }

    /// Top-level keys of the stored envelope this build does not know, read by
    /// [`load`](super::load) and written back by [`save`](super::save) after the entries.
    /// Keys named like the envelope's own (`app`, `kind`, `version`, `entries`) are never
    /// written from here.
    #[must_use]
    pub fn extra(&self) -> &Map<String, Value> {
        &self.extra
    }

    /// The journal with `raw` as the entries it could not read (see
    /// [`unreadable`](Self::unreadable)), replacing any it had. Each text is kept as compact
    /// JSON: valid JSON is re-written compactly, and text that is not JSON at all is kept as
    /// a JSON string holding it, so that no caller can make [`save`](super::save) write
    /// broken JSON.
    #[must_use]
    pub fn with_unreadable(self, raw: Vec<String>) -> Self {
        let raw = raw
            .into_iter()
            .map(|text| match serde_json::from_str::<Value>(&text) {
                Ok(value) => value_to_string(&value),
                Err(_) => value_to_string(&Value::String(text)),
            })
            .collect();
        self.with_compact_unreadable(raw)
    }

    /// [`with_unreadable`](Self::with_unreadable) for texts already written by
    /// `value_to_string` (compact, valid JSON), without checking them again.
    pub(super) fn with_compact_unreadable(mut self, raw: Vec<String>) -> Self {
        self.unreadable = raw;
        self
    }

    /// The stored entries this build could not read, each as its compact JSON text, in the
    /// order they were found: read by [`load`](super::load) from the stored `unreadable`
    /// list and from the entries it could not read, and written back by
    /// [`save`](super::save) and [`export_json`](super::export_json). Adding, editing,
    /// removing, restoring and importing entries never change them.
    #[must_use]
    pub fn unreadable(&self) -> &[String] {
        &self.unreadable
    }

    /// The entries, to change in place, leaving the envelope keys and the unreadable
    /// entries as they are.
    pub(super) fn entries_mut(&mut self) -> &mut Vec<Entry> {
        &mut self.entries
    }

    /// The entries in the order they were added.
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entries, consuming the journal.
    #[must_use]
    pub fn into_entries(self) -> Vec<Entry> {
        self.entries
    }

    /// Number of entries (not counting the [`unreadable`](Self::unreadable) ones).
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries (there may still be [`unreadable`](Self::unreadable)
    /// ones).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry with this id.
    #[must_use]
    pub fn get(&self, id: &EntryId) -> Option<&Entry> {
        self.entries.iter().find(|e| &e.id == id)
    }

    /// Position of the entry with this id.
    fn index_of(&self, id: &EntryId) -> Option<usize> {
        self.entries.iter().position(|e| &e.id == id)
    }

    /// Adds a new entry at the end.
    ///
    /// # Errors
    ///
    /// [`JournalError::DuplicateId`] when an entry with the same id exists; the journal is
    /// unchanged.
    pub fn add(&mut self, entry: Entry) -> Result<(), JournalError> {
        if self.index_of(&entry.id).is_some() {
            return Err(JournalError::DuplicateId(entry.id));
        }
        self.entries.push(entry);
        Ok(())
    }

    /// Replaces the entry with `edited.id` by `edited`, keeping the original creation time
    /// and any fields a newer version stored (`extra`; keys in `edited.extra` win), and
    /// setting the update time to [`edited_at`]`(old update time, now_ms)`: an edit never
    /// goes back in time, even when this device's clock is behind the one that saved last.
    ///
    /// # Errors
    ///
    /// [`JournalError::NotFound`] when no entry has that id; the journal is unchanged.
    pub fn update(&mut self, mut edited: Entry, now_ms: i64) -> Result<(), JournalError> {
        let Some(index) = self.index_of(&edited.id) else {
            return Err(JournalError::NotFound(edited.id));
        };
        let old = &mut self.entries[index];
        edited.created_ms = old.created_ms;
        edited.updated_ms = edited_at(old.updated_ms, now_ms);
        let mut extra = std::mem::take(&mut old.extra);
        extra.append(&mut edited.extra);
        edited.extra = extra;
        *old = edited;
        Ok(())
    }

    /// Takes out the entry with this id, returning it with its position for
    /// [`restore`](Self::restore); `None` when no entry has that id.
    pub fn remove(&mut self, id: &EntryId) -> Option<Removed> {
        let index = self.index_of(id)?;
        let entry = self.entries.remove(index);
        Some(Removed { index, entry })
    }

    /// Puts a removed entry back where it was (or at the end if the journal has since
    /// shrunk): the "Undo" of [`remove`](Self::remove).
    ///
    /// # Errors
    ///
    /// [`JournalError::DuplicateId`] when an entry with the same id was added meanwhile;
    /// the journal is unchanged.
    pub fn restore(&mut self, removed: Removed) -> Result<(), JournalError> {
        if self.index_of(&removed.entry.id).is_some() {
            return Err(JournalError::DuplicateId(removed.entry.id));
        }
        let index = removed.index.min(self.entries.len());
        self.entries.insert(index, removed.entry);
        Ok(())
    }

    /// All entries, newest start time first.
    #[must_use]
    pub fn newest_first(&self) -> Vec<&Entry> {
        let mut list: Vec<&Entry> = self.entries.iter().collect();
        sort_newest_first(&mut list);
        list
    }

    /// All entries, newest first, grouped by the local day they started: the journal list.
    #[must_use]
    pub fn groups(&self) -> Vec<DayGroup<'_>> {
        group_by_day(&self.newest_first())
    }

    /// The entries matching `filter`, newest first.
    #[must_use]
    pub fn filter(&self, filter: &Filter) -> Vec<&Entry> {
        let needle = fold(filter.text.trim());
        let mut scratch = String::new();
        let mut list: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| filter.range.is_none_or(|r| r.contains(e.started.date())))
            .filter(|e| filter.symptom.as_deref().is_none_or(|s| e.has_symptom(s)))
            .filter(|e| {
                needle.is_empty()
                    || contains_folded(&e.notes, &needle, &mut scratch)
                    || contains_folded(&e.other_symptoms, &needle, &mut scratch)
            })
            .collect();
        sort_newest_first(&mut list);
        list
    }

    /// The entries that started within `range`, oldest first: the clinician summary's rows.
    #[must_use]
    pub fn in_range(&self, range: DateRange) -> Vec<&Entry> {
        let mut list: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| range.contains(e.started.date()))
            .collect();
        sort_newest_first(&mut list);
        list.reverse();
        list
    }

    /// The entries within `range` (all when `None`), oldest first.
    fn oldest_first(&self, range: Option<DateRange>) -> Vec<&Entry> {
        let mut list: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| range.is_none_or(|r| r.contains(e.started.date())))
            .collect();
        sort_newest_first(&mut list);
        list.reverse();
        list
    }

    /// Severity against start time, oldest first, for the chart; only entries within
    /// `range` when one is given.
    #[must_use]
    pub fn severity_points(&self, range: Option<DateRange>) -> Vec<SeverityPoint> {
        self.oldest_first(range)
            .iter()
            .map(|e| SeverityPoint {
                at: e.started,
                severity: e.severity.get(),
            })
            .collect()
    }

    /// Counts and severity figures over the entries within `range` (all when `None`).
    #[must_use]
    pub fn summary(&self, range: Option<DateRange>) -> Summary {
        let list = self.oldest_first(range);
        let mut total = 0u64;
        let mut min_severity: Option<u8> = None;
        let mut max_severity: Option<u8> = None;
        let mut days_with_entries = 0usize;
        let mut last_day: Option<LocalDate> = None;
        // A map, not a list searched per slug: a journal with many distinct slugs (a newer
        // taxonomy, or storage written elsewhere) must stay linear.
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for e in &list {
            let severity = e.severity.get();
            total += u64::from(severity);
            min_severity = Some(min_severity.map_or(severity, |m| m.min(severity)));
            max_severity = Some(max_severity.map_or(severity, |m| m.max(severity)));
            // The list is in date order, so each new day shows up as a change of date.
            if last_day != Some(e.started.date()) {
                days_with_entries += 1;
                last_day = Some(e.started.date());
            }
            let mut unknown = 0;
            for slug in &e.symptoms {
                if Symptom::from_slug(slug).is_none() {
                    if unknown == SUMMARY_MAX_UNKNOWN_PER_ENTRY {
                        continue;
                    }
                    unknown += 1;
                }
                *counts.entry(slug.as_str()).or_insert(0) += 1;
            }
        }
        let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
        let by_rank = |a: &(&str, usize), b: &(&str, usize)| b.1.cmp(&a.1).then(a.0.cmp(b.0));
        let symptoms_not_listed = ranked.len().saturating_sub(SUMMARY_MAX_SYMPTOMS);
        if symptoms_not_listed > 0 {
            // Only the listed ones need sorting: partition around the last listed, in linear
            // time, then sort those.
            ranked.select_nth_unstable_by(SUMMARY_MAX_SYMPTOMS - 1, by_rank);
            ranked.truncate(SUMMARY_MAX_SYMPTOMS);
        }
        ranked.sort_unstable_by(by_rank);
        let symptom_counts = ranked
            .into_iter()
            .map(|(slug, n)| (slug.to_owned(), n))
            .collect();
        Summary {
            entries: list.len(),
            days_with_entries,
            first: list.first().map(|e| e.started),
            last: list.last().map(|e| e.started),
            min_severity,
            max_severity,
            mean_severity: (!list.is_empty()).then(|| total as f64 / list.len() as f64),
            symptom_counts,
            symptoms_not_listed,
        }
    }
}

/// The update time of an edit made at `now_ms` to an entry last updated at `old_ms`:
/// `now_ms`, or `old_ms + 1` when the clock reads earlier than that (a device whose clock
/// is behind, or was set back). Update times only ever grow, so the merge rule of an import
/// ("the copy changed most recently wins") never prefers the copy before the edit.
#[must_use]
pub fn edited_at(old_ms: i64, now_ms: i64) -> i64 {
    now_ms.max(old_ms.saturating_add(1))
}

/// Groups entries that are already newest first into one [`DayGroup`] per local day, for
/// showing a filtered list the same way as the whole journal.
#[must_use]
pub fn group_by_day<'a>(newest_first: &[&'a Entry]) -> Vec<DayGroup<'a>> {
    let mut groups: Vec<DayGroup<'a>> = Vec::new();
    for &entry in newest_first {
        let date = entry.started.date();
        match groups.last_mut() {
            Some(group) if group.date == date => group.entries.push(entry),
            _ => groups.push(DayGroup {
                date,
                entries: vec![entry],
            }),
        }
    }
    groups
}

/// Base letters of U+00C0..=U+017F (Latin-1 Supplement letters and Latin Extended-A), so
/// accents fold without a Unicode normalisation table; `*` keeps the character as it is.
const LATIN_FOLD: &[u8; 192] = b"aaaaaaaceeeeiiiidnooooo*ouuuuyts\
aaaaaaaceeeeiiiidnooooo*ouuuuyty\
aaaaaaccccccccddddeeeeeeeeeegggg\
gggghhhhiiiiiiiiiiiijjkkklllllll\
lllnnnnnnnnnoooooooorrrrrrssssss\
ssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Appends `text` to `out` lower-cased with accents removed: "Café ŒUVRE" → "cafe oeuvre".
/// Covers the Latin letters people type in English and western European names; Greek and
/// Cyrillic are only lower-cased, other scripts kept as written. Combining accents (U+0300–U+036F) are dropped.
pub fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '\u{300}'..='\u{36f}' => {}
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ĳ' | 'Ĳ' => out.push_str("ij"),
            'þ' | 'Þ' => out.push_str("th"),
            '\u{c0}'..='\u{17f}' => {
                let base = LATIN_FOLD[c as usize - 0xc0];
                if base == b'*' {
                    out.push(c);
                } else {
                    out.push(char::from(base));
                }
            }
            // Greek and Cyrillic capitals by their fixed offsets, as the search does; other
            // scripts as written. (The standard library's case tables would add about
            // 10 KB to the journal's download.)
            '\u{0391}'..='\u{03A1}' | '\u{03A3}'..='\u{03AB}' | '\u{0410}'..='\u{042F}' => {
                out.push(char::from_u32(u32::from(c) + 0x20).unwrap_or(c));
            }
            '\u{0400}'..='\u{040F}' => out.push(char::from_u32(u32::from(c) + 0x50).unwrap_or(c)),
            // Greek capitals with tonos.
            'Ά' => out.push('ά'),
            'Έ' | 'Ή' | 'Ί' => out.push(char::from_u32(u32::from(c) + 0x25).unwrap_or(c)),
            'Ό' => out.push('ό'),
            'Ύ' | 'Ώ' => out.push(char::from_u32(u32::from(c) + 0x3F).unwrap_or(c)),
            // Other ASCII, and other scripts, as written.
            _ => out.push(c),
        }
    }
}

/// `text` folded as [`fold_into`] does.
#[must_use]
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Whether folded `haystack` contains the already-folded `needle`, reusing `scratch` so a
/// filter over thousands of entries allocates once.
fn contains_folded(haystack: &str, needle: &str, scratch: &mut String) -> bool {
    if needle.is_empty() {
        return true;
    }
    if haystack.is_ascii() && needle.is_ascii() {
        // Fast path for the common case: ASCII text needs no folding buffer.
        return haystack
            .as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()));
    }
    scratch.clear();
    fold_into(haystack, scratch);
    scratch.contains(needle)
}
