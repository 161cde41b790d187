//! The entry form's raw values ([`EntryDraft`]) and their validation into an [`Entry`], with
//! one plain-English message per field for inline errors ([`FieldError`]).
//!
//! The form hands over strings exactly as the inputs hold them; only [`EntryDraft::validate`]
//! turns them into typed values, so a half-filled form never produces a half-valid entry.

use std::fmt;

use super::date::{LocalDate, LocalDateTime};
use super::model::{
    group_digits, is_slug, DurationUnit, Entry, EntryDuration, EntryId, Severity,
    MAX_DURATION_AMOUNT, MAX_NOTES_CHARS, MAX_OTHER_SYMPTOMS_CHARS, MAX_SYMPTOMS,
};

/// The entry form's values, as strings straight from its inputs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryDraft {
    /// `<input type="datetime-local">` value, "YYYY-MM-DDTHH:MM".
    pub started: String,
    /// `<input type="date">` value, "YYYY-MM-DD", or empty when not known.
    pub session_date: String,
    /// Slugs of the ticked symptoms.
    pub symptoms: Vec<String>,
    /// Symptoms in the person's own words.
    pub other_symptoms: String,
    /// Severity as typed or chosen, "0"–"10".
    pub severity: String,
    /// Duration amount as typed (whole number), or empty.
    pub duration_amount: String,
    /// "minutes", "hours", "days", "ongoing", or empty for "not given".
    pub duration_unit: String,
    /// Free notes.
    pub notes: String,
}

/// A form field, for attaching an error message to the right input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// When it started.
    Started,
    /// Session date.
    SessionDate,
    /// The symptom checkboxes.
    Symptoms,
    /// Other symptoms text.
    OtherSymptoms,
    /// Severity.
    Severity,
    /// Duration amount and unit.
    Duration,
    /// Notes.
    Notes,
}

impl Field {
    /// Every field, in the form's order.
    pub const ALL: [Field; 7] = [
        Field::Started,
        Field::SessionDate,
        Field::Symptoms,
        Field::OtherSymptoms,
        Field::Severity,
        Field::Duration,
        Field::Notes,
    ];

    /// A stable name for element ids and `aria-describedby` ("started", "session-date", …).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Started => "started",
            Self::SessionDate => "session-date",
            Self::Symptoms => "symptoms",
            Self::OtherSymptoms => "other-symptoms",
            Self::Severity => "severity",
            Self::Duration => "duration",
            Self::Notes => "notes",
        }
    }
}

/// What is wrong with one field, in words to show beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field at fault.
    pub field: Field,
    /// A plain-English sentence saying what to fix.
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl EntryDraft {
    /// A draft holding `entry`'s values, to open it in the form for editing.
    #[must_use]
    pub fn from_entry(entry: &Entry) -> Self {
        let (duration_amount, duration_unit) = match entry.duration {
            None => (String::new(), String::new()),
            Some(EntryDuration::Ongoing) => (String::new(), "ongoing".to_owned()),
            Some(EntryDuration::Lasted { amount, unit }) => {
                (amount.to_string(), unit.as_str().to_owned())
            }
        };
        Self {
            started: entry.started.to_string(),
            session_date: entry
                .session_date
                .map(|d| d.to_string())
                .unwrap_or_default(),
            symptoms: entry.symptoms.clone(),
            other_symptoms: entry.other_symptoms.clone(),
            severity: entry.severity.get().to_string(),
            duration_amount,
            duration_unit,
            notes: entry.notes.clone(),
        }
    }

    /// Checks every field and builds the entry `id`, created and updated at `now_ms`.
    ///
    /// Text is trimmed at both ends; repeated symptoms are kept once, in the order ticked.
    /// To save an edit, pass the existing id and hand the result to
    /// [`Journal::update`](super::Journal::update), which keeps the original creation time.
    ///
    /// # Errors
    ///
    /// Returns one [`FieldError`] per faulty field, in form order, each with a message fit
    /// to show beside its input.
    pub fn validate(&self, id: EntryId, now_ms: i64) -> Result<Entry, Vec<FieldError>> {
        let mut errors = Vec::new();
        let started = take(&mut errors, Field::Started, self.started());
        let session_date = take(&mut errors, Field::SessionDate, self.session_date());
        let symptoms = take(&mut errors, Field::Symptoms, self.symptoms());
        let other_symptoms = take(
            &mut errors,
            Field::OtherSymptoms,
            within(
                &self.other_symptoms,
                MAX_OTHER_SYMPTOMS_CHARS,
                "Other symptoms",
            ),
        );
        let severity = take(&mut errors, Field::Severity, self.severity());
        let duration = take(&mut errors, Field::Duration, self.duration());
        let notes = take(
            &mut errors,
            Field::Notes,
            within(&self.notes, MAX_NOTES_CHARS, "Notes"),
        );
        match (
            started,
            session_date,
            symptoms,
            other_symptoms,
            severity,
            duration,
            notes,
        ) {
            (
                Some(started),
                Some(session_date),
                Some(symptoms),
                Some(other_symptoms),
                Some(severity),
                Some(duration),
                Some(notes),
            ) if errors.is_empty() => Ok(Entry {
                id,
                started,
                session_date,
                symptoms,
                other_symptoms: other_symptoms.to_owned(),
                severity,
                duration,
                notes: notes.to_owned(),
                created_ms: now_ms,
                updated_ms: now_ms,
                extra: serde_json::Map::new(),
            }),
            _ => Err(errors),
        }
    }

    /// The start time, required.
    fn started(&self) -> Result<LocalDateTime, String> {
        if self.started.trim().is_empty() {
            return Err("Enter when it started".to_owned());
        }
        LocalDateTime::parse(&self.started)
            .ok_or_else(|| "Start time is not a valid date and time".to_owned())
    }

    /// The session date, optional.
    fn session_date(&self) -> Result<Option<LocalDate>, String> {
        if self.session_date.trim().is_empty() {
            return Ok(None);
        }
        LocalDate::parse(&self.session_date)
            .map(Some)
            .ok_or_else(|| "Session date is not a valid date".to_owned())
    }

    /// The ticked symptoms, each once; at least one unless other symptoms are described.
    fn symptoms(&self) -> Result<Vec<String>, String> {
        let mut symptoms: Vec<String> = Vec::with_capacity(self.symptoms.len());
        for slug in &self.symptoms {
            let slug = slug.trim();
            if !is_slug(slug) {
                return Err(
                    "One of the chosen symptoms is not recognised. Untick it and try again"
                        .to_owned(),
                );
            }
            if !symptoms.iter().any(|s| s == slug) {
                if symptoms.len() == MAX_SYMPTOMS {
                    // Stopping here keeps the repeat check above within 64 comparisons per
                    // slug, however many an entry stored elsewhere brings into the form.
                    return Err(format!("Choose {MAX_SYMPTOMS} symptoms or fewer"));
                }
                symptoms.push(slug.to_owned());
            }
        }
        if symptoms.is_empty() && self.other_symptoms.trim().is_empty() {
            return Err("Choose at least one symptom, or describe it in your own words".to_owned());
        }
        Ok(symptoms)
    }

    /// The severity, required, 0–10.
    fn severity(&self) -> Result<Severity, String> {
        match self.severity.trim() {
            "" => Err("Choose how bad it is, from 0 to 10".to_owned()),
            text => text
                .parse::<u8>()
                .ok()
                .and_then(Severity::new)
                .ok_or_else(|| "Severity must be a whole number from 0 to 10".to_owned()),
        }
    }

    /// The duration the two duration inputs describe, `None` when both are empty.
    fn duration(&self) -> Result<Option<EntryDuration>, String> {
        self.duration_parts().map_err(str::to_owned)
    }

    /// [`duration`](Self::duration) with borrowed messages.
    fn duration_parts(&self) -> Result<Option<EntryDuration>, &'static str> {
        let amount = self.duration_amount.trim();
        match self.duration_unit.trim() {
            "ongoing" => Ok(Some(EntryDuration::Ongoing)),
            "" if amount.is_empty() => Ok(None),
            "" => Err("Choose minutes, hours or days, or say it is still going on"),
            unit => {
                let unit = DurationUnit::parse(unit)
                    .ok_or("Choose minutes, hours or days, or say it is still going on")?;
                if amount.is_empty() {
                    return Err("Enter how long it lasted, as a whole number");
                }
                match amount.parse::<u16>() {
                    Ok(amount) if amount <= MAX_DURATION_AMOUNT => {
                        Ok(Some(EntryDuration::Lasted { amount, unit }))
                    }
                    _ => Err("How long it lasted must be a whole number from 0 to 999"),
                }
            }
        }
    }
}

/// Moves a field's error into `errors`, passing its value on.
fn take<T>(errors: &mut Vec<FieldError>, field: Field, result: Result<T, String>) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(message) => {
            errors.push(FieldError { field, message });
            None
        }
    }
}

/// `text` trimmed, if it has at most `limit` characters.
fn within<'a>(text: &'a str, limit: usize, name: &str) -> Result<&'a str, String> {
    let text = text.trim();
    let len = text.chars().count();
    if len > limit {
        return Err(format!(
            "{name} must be {} characters or fewer (now {})",
            group_digits(limit),
            group_digits(len)
        ));
    }
    Ok(text)
}
