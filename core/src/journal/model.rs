//! The journal's data model: one [`Entry`] per time something odd was noticed, with the
//! small typed values it is made of ([`EntryId`], [`Severity`], [`EntryDuration`]).
//!
//! Invariants: an entry's id is non-empty and at most [`MAX_ID_CHARS`] characters, its
//! severity is 0–10, and its dates are real dates. Symptoms are stored as taxonomy slugs in
//! plain strings on purpose: an entry written by an older or newer taxonomy keeps slugs this
//! build does not know, and they are never dropped. Fields a newer app version adds are kept
//! in [`Entry::extra`] and written back unchanged.

use std::fmt;

use super::date::{LocalDate, LocalDateTime};

/// Longest notes text the form accepts, in characters.
pub const MAX_NOTES_CHARS: usize = 5_000;
/// Longest "other symptoms" text the form accepts, in characters.
pub const MAX_OTHER_SYMPTOMS_CHARS: usize = 200;
/// Longest id accepted from storage or an import file, in characters.
pub const MAX_ID_CHARS: usize = 100;
/// Largest duration amount the form accepts (999 days is well past any aftercare question).
pub const MAX_DURATION_AMOUNT: u16 = 999;
/// Most symptoms one entry may carry (the taxonomy has 24; this leaves room for growth).
pub const MAX_SYMPTOMS: usize = 64;
/// Longest symptom slug, in bytes.
pub const MAX_SLUG_LEN: usize = 40;
/// Largest size of an imported entry's unknown fields ([`Entry::extra`]) as compact JSON,
/// in bytes (escapes not counted): as much as the form's longest text, the notes. The form
/// writes no unknown fields at all, so this only bounds what a newer version or a file
/// made elsewhere may carry in; a 3 MB field nobody can see must not ride into storage.
pub const MAX_EXTRA_BYTES: usize = MAX_NOTES_CHARS;

/// A stable identifier for one entry, unique within a journal.
///
/// New ids come from [`EntryId::new`]; ids read from storage or import files are kept as
/// they are, so entries made on another device keep their identity when merged.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntryId(String);

impl EntryId {
    /// A new id from the creation time and a random number (in a browser,
    /// `Date.now()` and `crypto.getRandomValues`). The core reads no clock and no random
    /// source, so the same inputs always give the same id: "e" + base-36 time + "-" + 8 hex
    /// digits, e.g. `e-lt9x3k2a-0000002a`. Two entries made in the same millisecond differ
    /// as long as the random numbers do.
    #[must_use]
    pub fn new(now_ms: i64, random: u32) -> Self {
        let mut time = String::new();
        let mut n = now_ms.unsigned_abs();
        loop {
            let digit = u32::try_from(n % 36).unwrap_or(0);
            time.insert(0, char::from_digit(digit, 36).unwrap_or('0'));
            n /= 36;
            if n == 0 {
                break;
            }
        }
        let sign = if now_ms < 0 { "n" } else { "" };
        Self(format!("e-{sign}{time}-{random:08x}"))
    }

    /// An id read from elsewhere (storage, an import file, a URL), or `None` when it is
    /// empty, longer than [`MAX_ID_CHARS`] characters, or contains control characters.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        Self::is_valid(text).then(|| Self(text.to_owned()))
    }

    /// Whether `text` is acceptable as an id (see [`parse`](Self::parse)).
    #[must_use]
    pub fn is_valid(text: &str) -> bool {
        !text.is_empty()
            && text.chars().count() <= MAX_ID_CHARS
            && !text.chars().any(char::is_control)
    }

    /// Wraps text already checked with [`is_valid`](Self::is_valid), without copying it.
    pub(super) fn from_valid(text: String) -> Self {
        Self(text)
    }

    /// The id as text, for storage keys, element ids and URLs.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How bad a symptom felt, 0 (not at all) to 10 (worst imaginable).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Severity(u8);

impl Severity {
    /// The highest severity.
    pub const MAX: u8 = 10;

    /// The severity `value`, or `None` above 10.
    #[must_use]
    pub fn new(value: u8) -> Option<Self> {
        (value <= Self::MAX).then_some(Self(value))
    }

    /// The value, 0–10.
    #[must_use]
    pub fn get(self) -> u8 {
        self.0
    }
}

/// The unit of a duration amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DurationUnit {
    /// Minutes.
    Minutes,
    /// Hours.
    Hours,
    /// Days.
    Days,
}

impl DurationUnit {
    /// The stored and form value: "minutes", "hours" or "days".
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Minutes => "minutes",
            Self::Hours => "hours",
            Self::Days => "days",
        }
    }

    /// The unit named by `text` (exactly "minutes", "hours" or "days"), or `None`.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "minutes" => Some(Self::Minutes),
            "hours" => Some(Self::Hours),
            "days" => Some(Self::Days),
            _ => None,
        }
    }
}

/// How long a symptom lasted, or that it is still going on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryDuration {
    /// It lasted `amount` `unit`s (amount 0–[`MAX_DURATION_AMOUNT`] from the form).
    Lasted {
        /// How many units.
        amount: u16,
        /// Minutes, hours or days.
        unit: DurationUnit,
    },
    /// It had not stopped when the entry was written.
    Ongoing,
}

impl EntryDuration {
    /// Plain English for lists and exports: "3 hours", "1 day", "ongoing".
    #[must_use]
    pub fn describe(self) -> String {
        match self {
            Self::Ongoing => "ongoing".to_owned(),
            Self::Lasted { amount, unit } => {
                let name = unit.as_str();
                if amount == 1 {
                    // "minutes" → "minute": every unit name is a plain plural.
                    format!("1 {}", name.strip_suffix('s').unwrap_or(name))
                } else {
                    format!("{amount} {name}")
                }
            }
        }
    }

    /// Reads the short form [`describe`](Self::describe) writes ("3 hours", "1 day",
    /// "ongoing"; also "3h", "90 min", "2 d"), or `None`. Used to migrate old free-text
    /// durations.
    #[must_use]
    pub fn parse_text(text: &str) -> Option<Self> {
        let text = text.trim().to_ascii_lowercase();
        if text == "ongoing" {
            return Some(Self::Ongoing);
        }
        let split = text.find(|c: char| !c.is_ascii_digit())?;
        let (amount, unit) = text.split_at_checked(split)?;
        let amount: u16 = amount.parse().ok()?;
        let unit = match unit.trim() {
            "m" | "min" | "mins" | "minute" | "minutes" => DurationUnit::Minutes,
            "h" | "hr" | "hrs" | "hour" | "hours" => DurationUnit::Hours,
            "d" | "day" | "days" => DurationUnit::Days,
            _ => return None,
        };
        (amount <= MAX_DURATION_AMOUNT).then_some(Self::Lasted { amount, unit })
    }
}

/// One journal entry: something the person noticed after a session.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Stable identity, unique within a journal; kept across export and import.
    pub id: EntryId,
    /// When it started, on the person's own clock.
    pub started: LocalDateTime,
    /// The day of the acupuncture session it may relate to, if known.
    pub session_date: Option<LocalDate>,
    /// Taxonomy slugs in the order chosen (e.g. "fatigue", "dizzy"); unknown slugs are kept.
    pub symptoms: Vec<String>,
    /// Symptoms in the person's own words (form limit [`MAX_OTHER_SYMPTOMS_CHARS`]).
    pub other_symptoms: String,
    /// How bad it felt, 0–10.
    pub severity: Severity,
    /// How long it lasted, if given.
    pub duration: Option<EntryDuration>,
    /// Free notes (form limit [`MAX_NOTES_CHARS`]). Plain text: never rendered as HTML.
    pub notes: String,
    /// When the entry was first saved, in milliseconds since 1970 (`Date.now()`).
    pub created_ms: i64,
    /// When the entry was last changed, in milliseconds since 1970.
    pub updated_ms: i64,
    /// Fields this build does not know (written by a newer version), kept so that saving
    /// never drops them. Keys never repeat the known field names.
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Entry {
    /// "Day N after your session": 0 on the session day, 1 the day after, negative when the
    /// symptom started before the session; `None` without a session date.
    #[must_use]
    pub fn day_after_session(&self) -> Option<i64> {
        self.session_date
            .map(|session| self.started.date().days_since(session))
    }

    /// Whether the entry lists the symptom `slug`.
    #[must_use]
    pub fn has_symptom(&self, slug: &str) -> bool {
        self.symptoms.iter().any(|s| s == slug)
    }

    /// Checks the form's limits ([`MAX_NOTES_CHARS`], [`MAX_OTHER_SYMPTOMS_CHARS`],
    /// [`MAX_SYMPTOMS`], slug shape, [`MAX_DURATION_AMOUNT`]) and the size of the fields
    /// the form does not know ([`MAX_EXTRA_BYTES`]). Stored entries are not held to these
    /// (data is never dropped on load), but imported ones are.
    ///
    /// # Errors
    ///
    /// Returns a plain-English reason naming the first limit broken.
    pub fn check_limits(&self) -> Result<(), String> {
        let other = self.other_symptoms.chars().count();
        if other > MAX_OTHER_SYMPTOMS_CHARS {
            return Err(format!(
                "other symptoms are {} characters; the limit is {}",
                group_digits(other),
                group_digits(MAX_OTHER_SYMPTOMS_CHARS)
            ));
        }
        let notes = self.notes.chars().count();
        if notes > MAX_NOTES_CHARS {
            return Err(format!(
                "notes are {} characters; the limit is {}",
                group_digits(notes),
                group_digits(MAX_NOTES_CHARS)
            ));
        }
        if self.symptoms.len() > MAX_SYMPTOMS {
            return Err(format!(
                "{} symptoms; the limit is {MAX_SYMPTOMS}",
                self.symptoms.len()
            ));
        }
        if let Some(bad) = self.symptoms.iter().find(|s| !is_slug(s)) {
            return Err(format!("symptom \"{bad}\" is not a symptom name"));
        }
        if let Some(EntryDuration::Lasted { amount, unit }) = self.duration {
            if amount > MAX_DURATION_AMOUNT {
                return Err(format!(
                    "the duration is {} {}; the limit is {MAX_DURATION_AMOUNT}",
                    group_digits(usize::from(amount)),
                    unit.as_str()
                ));
            }
        }
        let extra: usize = self
            .extra
            .iter()
            .map(|(key, value)| key.len() + 3 + json_size(value))
            .sum();
        if extra > MAX_EXTRA_BYTES {
            return Err(format!(
                "fields this version does not show take {} bytes; the limit is {}",
                group_digits(extra),
                group_digits(MAX_EXTRA_BYTES)
            ));
        }
        Ok(())
    }
}

/// About how many bytes `value` takes as compact JSON (string escapes not counted).
fn json_size(value: &serde_json::Value) -> usize {
    use serde_json::Value;
    match value {
        Value::Null | Value::Bool(true) => 4,
        Value::Bool(false) => 5,
        Value::Number(n) => n.to_string().len(),
        Value::String(s) => s.len() + 2,
        Value::Array(items) => 2 + items.iter().map(|v| json_size(v) + 1).sum::<usize>(),
        Value::Object(map) => {
            2 + map
                .iter()
                .map(|(k, v)| k.len() + 4 + json_size(v))
                .sum::<usize>()
        }
    }
}

/// Epoch milliseconds from JavaScript's `Date.now()` (an `f64`) as the journal stores them:
/// the fraction dropped, NaN read as 0, out-of-range values clamped. Lets the app pass the
/// clock in without a lossy cast of its own.
#[must_use]
pub fn ms_from_js(ms: f64) -> i64 {
    // `as` from f64 to i64 truncates toward zero, saturates, and maps NaN to 0: exactly
    // the documented behaviour.
    #[allow(clippy::cast_possible_truncation)]
    let ms = ms as i64;
    ms
}

/// Whether `text` has the shape of a taxonomy slug: 1–40 bytes of `a-z`, `0-9` and `-`.
/// Says nothing about whether this build knows the slug.
#[must_use]
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= MAX_SLUG_LEN
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Writes a count with thousands separators, as people read numbers: 5000 → "5,000".
#[must_use]
pub fn group_digits(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
