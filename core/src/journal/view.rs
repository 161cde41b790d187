//! What the journal pages say about entries, worked out without a browser: day headings and
//! times in words, "day N after your session", symptom names, an entry's triage level, the
//! red flags it names and its "Is this normal?" link, the clinician summary's date range, its chart geometry and the
//! chart's text alternative, export file names and what to say after an export.
//!
//! The app's components only place these strings and numbers on the page, so every wording
//! and every calculation here is tested natively. Nothing here produces HTML: callers render
//! the strings as text.

use crate::content::Symptom;
use crate::filter::Filter as SymptomFilter;
use crate::triage::{self, red_flags, Level, RedFlag};

use super::collection::{Journal, SeverityPoint, Summary};
use super::date::{DateRange, LocalDate, LocalDateTime};
use super::import::ImportPreview;
use super::model::{group_digits, Entry, EntryDuration, Severity};

/// English day names, Monday first (the order of [`LocalDate::weekday`]).
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The month's English name (1 = "January").
fn month_name(date: LocalDate) -> &'static str {
    crate::content::MONTHS
        .get(usize::from(date.month().saturating_sub(1)))
        .copied()
        .unwrap_or("")
}

/// A day as a heading: "Friday 1 March 2024".
#[must_use]
pub fn day_heading(date: LocalDate) -> String {
    let weekday = WEEKDAYS
        .get(usize::from(date.weekday()))
        .copied()
        .unwrap_or("");
    format!(
        "{weekday} {} {} {}",
        date.day(),
        month_name(date),
        date.year()
    )
}

/// A day in running text and tables: "1 March 2024".
#[must_use]
pub fn date_label(date: LocalDate) -> String {
    format!("{} {} {}", date.day(), month_name(date), date.year())
}

/// The time of day on a 24-hour clock: "21:30", "07:05".
#[must_use]
pub fn time_label(at: LocalDateTime) -> String {
    format!("{:02}:{:02}", at.hour(), at.minute())
}

/// Where a day falls relative to the session: "Day of your session", "Day 2 after your
/// session", "1 day before your session" (a symptom noted before the session).
#[must_use]
pub fn session_day_label(days_after: i64) -> String {
    match days_after {
        0 => "Day of your session".to_owned(),
        n if n > 0 => format!("Day {n} after your session"),
        -1 => "1 day before your session".to_owned(),
        n => format!("{} days before your session", n.unsigned_abs()),
    }
}

/// A symptom slug's plain-English name, or the slug as written when this build does not
/// know it (an entry from a newer taxonomy), so nothing is hidden.
#[must_use]
pub fn symptom_label(slug: &str) -> &str {
    match Symptom::from_slug(slug) {
        Some(symptom) => symptom.name(),
        None => slug,
    }
}

/// The entry's symptoms by name, in the order chosen, then the person's own words if any.
#[must_use]
pub fn symptom_labels(entry: &Entry) -> Vec<&str> {
    let mut labels: Vec<&str> = entry.symptoms.iter().map(|s| symptom_label(s)).collect();
    let other = entry.other_symptoms.trim();
    if !other.is_empty() {
        labels.push(other);
    }
    labels
}

/// The entry's symptoms this build knows, in the order chosen (unknown slugs left out).
fn known_symptoms(entry: &Entry) -> Vec<Symptom> {
    entry
        .symptoms
        .iter()
        .filter_map(|s| Symptom::from_slug(s))
        .collect()
}

/// The red flags an entry names, most urgent first, each once: by a ticked symptom that
/// always shows a card (chest pain), or by the person's own words, in "Anything else" or
/// the notes ("short of breath"). Matching errs towards a card (see
/// [`red_flags::matching`]): a note saying "no chest pain" still shows the chest card.
#[must_use]
pub fn entry_flags(entry: &Entry) -> Vec<&'static RedFlag> {
    flags_named(&entry.symptoms, &entry.other_symptoms, &entry.notes)
}

/// [`entry_flags`] for what the form holds: symptom slugs (unknown ones ignored), the
/// person's other symptoms and the notes.
#[must_use]
pub fn flags_named(symptoms: &[String], other: &str, notes: &str) -> Vec<&'static RedFlag> {
    let symptoms: Vec<Symptom> = symptoms
        .iter()
        .filter_map(|s| Symptom::from_slug(s))
        .collect();
    // The two texts are read as one; a line break keeps their words apart.
    let text = if other.trim().is_empty() {
        notes.to_owned()
    } else {
        format!("{other}\n{notes}")
    };
    red_flags::named_by(&symptoms, &text)
}

/// The red flags any of `entries` names, most urgent first (the data's order), each once:
/// the one set of care cards at the top of a list of entries.
#[must_use]
pub fn flags_of<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> Vec<&'static RedFlag> {
    let all = RedFlag::all();
    let mut named = vec![false; all.len()];
    for entry in entries {
        for flag in entry_flags(entry) {
            if let Some(i) = all.iter().position(|f| f.slug == flag.slug) {
                named[i] = true;
            }
        }
        // Every flag named already: the rest cannot add one.
        if named.iter().all(|n| *n) {
            break;
        }
    }
    all.iter()
        .zip(named)
        .filter_map(|(flag, named)| named.then_some(flag))
        .collect()
}

/// One entry with the red flags it names, for the clinician summary.
#[derive(Clone, Debug)]
pub struct FlaggedEntry<'a> {
    /// The entry.
    pub entry: &'a Entry,
    /// The flags it names, most urgent first.
    pub flags: Vec<&'static RedFlag>,
}

/// `entries` split for the clinician summary: those that name a red flag (each with its
/// flags), then the rest, both in the order given.
#[must_use]
pub fn red_flags_first<'a>(
    entries: impl IntoIterator<Item = &'a Entry>,
) -> (Vec<FlaggedEntry<'a>>, Vec<&'a Entry>) {
    let mut flagged = Vec::new();
    let mut rest = Vec::new();
    for entry in entries {
        let flags = entry_flags(entry);
        if flags.is_empty() {
            rest.push(entry);
        } else {
            flagged.push(FlaggedEntry { entry, flags });
        }
    }
    (flagged, rest)
}

/// The flags' titles in a sentence: "Chest pain or breathlessness; Signs of infection".
#[must_use]
pub fn flag_titles(flags: &[&RedFlag]) -> String {
    flags.iter().map(|f| f.title).collect::<Vec<_>>().join("; ")
}

/// The entry's level: the most urgent among its known symptoms and the red flags it names
/// (a note saying "short of breath" makes it an emergency), or `None` when it has neither
/// (only free text naming no flag, or newer slugs).
#[must_use]
pub fn entry_level(entry: &Entry) -> Option<Level> {
    entry_level_with(entry, &entry_flags(entry))
}

/// [`entry_level`] when the entry's flags are already known.
#[must_use]
pub fn entry_level_with(entry: &Entry, flags: &[&RedFlag]) -> Option<Level> {
    let by_symptom = known_symptoms(entry).into_iter().map(|s| {
        let level = triage::level(s);
        // As in the checker: a red-flag symptom is never below "see a doctor today".
        if s.is_red_flag() {
            level.max(Level::Today)
        } else {
            level
        }
    });
    by_symptom.chain(flags.iter().map(|f| f.level)).max()
}

/// The symptom checker's `symptoms` parameter for the entry's known symptoms
/// ("fatigue,dizzy"), empty when it has none: the "Is this normal?" link.
#[must_use]
pub fn check_param(entry: &Entry) -> String {
    let mut filter = SymptomFilter::default();
    for symptom in entry.symptoms.iter().filter_map(|s| Symptom::from_slug(s)) {
        filter.select(symptom);
    }
    filter.to_param()
}

/// Severity in words: "6 out of 10".
#[must_use]
pub fn severity_label(severity: Severity) -> String {
    format!("{} out of 10", severity.get())
}

/// How long it lasted, as a sentence fragment: "Lasted 3 hours", "Still going on", or
/// `None` when not given.
#[must_use]
pub fn duration_label(duration: Option<EntryDuration>) -> Option<String> {
    match duration? {
        EntryDuration::Ongoing => Some("Still going on".to_owned()),
        lasted @ EntryDuration::Lasted { .. } => Some(format!("Lasted {}", lasted.describe())),
    }
}

/// The summary's date range from its `from` and `to` parameters (either may be blank or
/// malformed): a missing end falls back to the journal's first or last day with an entry,
/// then to `today`. The ends are put in order, so a reversed range still shows. `None` only
/// when nothing gives a date (no parameters, no entries, no clock).
#[must_use]
pub fn summary_range(
    from: &str,
    to: &str,
    all: &Summary,
    today: Option<LocalDate>,
) -> Option<DateRange> {
    let first = all.first.map(LocalDateTime::date);
    let last = all.last.map(LocalDateTime::date);
    let from = LocalDate::parse(from).or(first).or(today);
    let to = LocalDate::parse(to).or(last).or(today);
    match (from, to) {
        (Some(from), Some(to)) => Some(DateRange::new(from, to)),
        (Some(day), None) | (None, Some(day)) => Some(DateRange::new(day, day)),
        (None, None) => None,
    }
}

/// A file name for an export made on `today`: `aftercare-journal-2024-03-01.json`.
#[must_use]
pub fn export_file_name(today: LocalDate, extension: &str) -> String {
    format!("aftercare-journal-{today}.{extension}")
}

/// What to say after a JSON export of `journal` ([`export_json`](super::export_json)),
/// when it carries entries this build could not read ([`Journal::unreadable`]): that they
/// are in the file, so nothing was left out. `None` when there are none.
///
/// "2 entries this version of Aftercare could not read are in the file as they were
/// stored."
#[must_use]
pub fn export_note(journal: &Journal) -> Option<String> {
    match journal.unreadable().len() {
        0 => None,
        1 => Some(
            "1 entry this version of Aftercare could not read is in the file as it was stored."
                .to_owned(),
        ),
        n => Some(format!(
            "{} entries this version of Aftercare could not read are in the file as they were \
             stored.",
            group_digits(n)
        )),
    }
}

/// What to say after a CSV export of `journal` ([`export_csv`](super::export_csv)), when it
/// carries entries this build could not read ([`Journal::unreadable`]): a CSV has no place
/// for them, and a JSON export keeps them. `None` when there are none.
///
/// "2 entries this version of Aftercare could not read are not in the CSV file; export as
/// JSON to keep them."
#[must_use]
pub fn export_csv_note(journal: &Journal) -> Option<String> {
    match journal.unreadable().len() {
        0 => None,
        1 => Some(
            "1 entry this version of Aftercare could not read is not in the CSV file; export \
             as JSON to keep it."
                .to_owned(),
        ),
        n => Some(format!(
            "{} entries this version of Aftercare could not read are not in the CSV file; \
             export as JSON to keep them.",
            group_digits(n)
        )),
    }
}

/// One dot of the severity chart, in the chart's own units (see [`Chart`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartDot {
    /// Distance from the left edge.
    pub x: i32,
    /// Distance from the top edge.
    pub y: i32,
    /// What the dot says, for its tooltip: "1 March 2024 21:30: 6 out of 10".
    pub label: String,
}

/// A label on one of the chart's axes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartTick {
    /// Where along the axis (x for the time axis, y for the severity axis).
    pub at: i32,
    /// The text, "0", "5", "1 Mar".
    pub label: String,
}

/// The severity-over-time chart, laid out in a `width` × `height` box (an SVG `viewBox`):
/// time runs left to right across the range's days, severity 0–10 bottom to top.
///
/// Coordinates are whole units: at the sizes drawn (hundreds of units across) that is finer
/// than a printed dot, and it keeps floating-point formatting out of the wasm binary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    /// Width of the drawing box.
    pub width: i32,
    /// Height of the drawing box.
    pub height: i32,
    /// The plotting area's left, top, right and bottom edges.
    pub plot: [i32; 4],
    /// The dots, oldest first.
    pub dots: Vec<ChartDot>,
    /// The line through the dots as SVG `points` text ("x,y x,y"), empty with fewer than
    /// two dots.
    pub line: String,
    /// Gridlines and labels of the severity axis (0, 2, …, 10).
    pub y_ticks: Vec<ChartTick>,
    /// Labels of the time axis: the first and last day, and the middle day on ranges of
    /// three days or more.
    pub x_ticks: Vec<ChartTick>,
}

/// Short day for the time axis: "1 Mar".
fn short_day(date: LocalDate) -> String {
    format!("{} {}", date.day(), month_name(date).get(..3).unwrap_or(""))
}

/// Rounds to the nearest whole unit. Chart coordinates are small (a few hundred), so the
/// conversion cannot overflow; NaN cannot occur (every division is by a positive span).
fn whole(value: f64) -> i32 {
    #[allow(clippy::cast_possible_truncation)]
    let rounded = value.round() as i32;
    rounded
}

/// `value` with one decimal ("4.0", "3.7"), written without floating-point formatting.
fn one_decimal(value: f64) -> String {
    #[allow(clippy::cast_possible_truncation)]
    let tenths = (value * 10.0).round() as i64;
    format!("{}.{}", tenths / 10, (tenths % 10).abs())
}

/// The plotting area of a `width` × `height` chart (left, top, right and bottom edges),
/// leaving room for the severity labels on the left and the day labels below.
#[must_use]
pub fn chart_plot(width: i32, height: i32) -> [i32; 4] {
    [32, 10, width - 12, height - 26]
}

/// The y position of `severity` (0–10) in a plot spanning `top` to `bottom`.
fn severity_y(severity: u8, top: i32, bottom: i32) -> i32 {
    whole(f64::from(bottom) - f64::from(severity) / 10.0 * f64::from(bottom - top))
}

/// The gridlines and labels of the severity axis (0, 2, …, 10) of a `width` × `height`
/// chart. They depend only on the size, so a page can draw them once.
#[must_use]
pub fn severity_ticks(width: i32, height: i32) -> Vec<ChartTick> {
    let [_, top, _, bottom] = chart_plot(width, height);
    (0..=10u8)
        .step_by(2)
        .map(|s| ChartTick {
            at: severity_y(s, top, bottom),
            label: s.to_string(),
        })
        .collect()
}

/// Lays out the chart of `points` (from [`Journal::severity_points`]) over `range` in a
/// `width` × `height` box. Points outside the range are left out. The time axis spans whole
/// days, from the start of the first to the end of the last.
///
/// [`Journal::severity_points`]: super::Journal::severity_points
#[must_use]
pub fn chart(points: &[SeverityPoint], range: DateRange, width: i32, height: i32) -> Chart {
    let plot = chart_plot(width, height);
    let [left, top, right, bottom] = plot;
    let (left, right) = (f64::from(left), f64::from(right));
    let start = range.from.days_since_epoch() * 1440;
    let span = (range.days() * 1440) as f64;
    let x_of = |minutes: i64| whole(left + (minutes - start) as f64 / span * (right - left));
    let dots: Vec<ChartDot> = points
        .iter()
        .filter(|p| range.contains(p.at.date()))
        .map(|p| ChartDot {
            x: x_of(p.at.minutes_since_epoch()),
            y: severity_y(p.severity, top, bottom),
            label: format!(
                "{} {}: {} out of 10",
                date_label(p.at.date()),
                time_label(p.at),
                p.severity
            ),
        })
        .collect();
    let line = if dots.len() < 2 {
        String::new()
    } else {
        dots.iter()
            .map(|d| format!("{},{}", d.x, d.y))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let y_ticks = severity_ticks(width, height);
    let mut days = vec![range.from];
    if range.days() >= 3 {
        if let Some(middle) = range.from.add_days(range.days() / 2) {
            days.push(middle);
        }
    }
    if range.to != range.from {
        days.push(range.to);
    }
    let x_ticks = days
        .into_iter()
        .map(|d| ChartTick {
            // Centred on the day's noon, so a label sits under that day's dots.
            at: x_of(d.days_since_epoch() * 1440 + 720),
            label: short_day(d),
        })
        .collect();
    Chart {
        width,
        height,
        plot,
        dots,
        line,
        y_ticks,
        x_ticks,
    }
}

/// The chart's text alternative and the summary's opening sentence: how many entries over
/// which days, the severity range and mean, and the most frequent symptoms.
#[must_use]
pub fn summary_sentence(summary: &Summary, range: DateRange) -> String {
    let period = if range.from == range.to {
        format!("on {}", date_label(range.from))
    } else {
        format!(
            "from {} to {}",
            date_label(range.from),
            date_label(range.to)
        )
    };
    let (Some(min), Some(max), Some(mean)) = (
        summary.min_severity,
        summary.max_severity,
        summary.mean_severity,
    ) else {
        return format!("No entries {period}.");
    };
    let entries = match summary.entries {
        1 => "1 entry".to_owned(),
        n => format!("{n} entries"),
    };
    let days = match summary.days_with_entries {
        1 => "1 day".to_owned(),
        n => format!("{n} days"),
    };
    let severity = if min == max {
        format!("Severity was {min} out of 10 each time.")
    } else {
        format!(
            "Severity ranged from {min} to {max} out of 10, {} on average.",
            one_decimal(mean)
        )
    };
    let common: Vec<String> = summary
        .symptom_counts
        .iter()
        .take(3)
        .map(|(slug, n)| format!("{} ({n})", symptom_label(slug)))
        .collect();
    let common = if common.is_empty() {
        String::new()
    } else {
        format!(" Most noted: {}.", common.join(", "))
    };
    format!("{entries} on {days} {period}. {severity}{common}")
}

/// The most reasons an import preview lists one by one ("and N more" after them).
const IMPORT_REASONS_SHOWN: usize = 20;

/// Why some of a file's entries cannot be imported, one line each ("Entry 3: …"), the first
/// [`IMPORT_REASONS_SHOWN`] and then "and N more".
#[must_use]
pub fn import_reasons(preview: &ImportPreview) -> Vec<String> {
    let mut lines: Vec<String> = preview
        .invalid
        .iter()
        .take(IMPORT_REASONS_SHOWN)
        .map(|bad| format!("Entry {}: {}", bad.index + 1, bad.reason))
        .collect();
    if preview.invalid.len() > lines.len() {
        lines.push(format!("and {} more", preview.invalid.len() - lines.len()));
    }
    lines
}

/// The person's entries that a file's versions would replace, named by when they started and
/// what they noted: "1 March 2024 at 09:30: Tired or drained".
#[must_use]
pub fn import_replaced(journal: &Journal, preview: &ImportPreview) -> Vec<String> {
    preview
        .to_update
        .iter()
        .filter_map(|theirs| journal.get(&theirs.id))
        .map(|mine| {
            let symptoms = symptom_labels(mine).join(", ");
            format!(
                "{} at {}{}{}",
                date_label(mine.started.date()),
                time_label(mine.started),
                if symptoms.is_empty() { "" } else { ": " },
                symptoms
            )
        })
        .collect()
}
