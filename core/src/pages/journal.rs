//! The journal list's days and entry cards, written as HTML: one string for the entries
//! drawn, one DOM write, instead of a Leptos view per card. The wording of every piece is
//! `journal::view`'s; this only arranges it.

use super::level_badge_class;
use crate::filter::Filter as SymptomFilter;
use crate::html::Html;
use crate::journal::{
    check_param, day_heading, duration_label, entry_level_with, flag_titles, session_day_label,
    symptom_labels, time_label, DayGroup, Entry,
};
use crate::route::{Params, Route};
use crate::triage::RedFlag;

/// The attribute on an entry's Delete button that names the entry (its id).
pub const DELETE_ATTR: &str = "data-delete";

/// The link that opens an entry in the form.
#[must_use]
pub fn edit_href(entry: &Entry) -> String {
    let mut params = Params::default();
    params.set("id", entry.id.as_str());
    format!("{}{}", Route::JournalEntry.href(), params.to_query())
}

/// The days drawn, each a `<section class="journal-day">` with its heading and its entries'
/// cards. `flags` gives the red flags an entry names, most urgent first; `writable` says
/// whether Edit and Delete are offered (not while this browser only shows the journal).
#[must_use]
pub fn journal_days_inner(
    days: &[DayGroup],
    flags: &mut dyn FnMut(&Entry) -> Vec<&'static RedFlag>,
    writable: bool,
) -> String {
    let mut h = Html::new();
    for day in days {
        h.open("section", &[("class", "journal-day")])
            .leaf("h2", &[], &day_heading(day.date))
            .open("ol", &[("class", "journal-entries")]);
        for entry in &day.entries {
            h.open("li", &[]);
            entry_card(&mut h, entry, &flags(entry), writable);
            h.close("li");
        }
        h.close("ol").close("section");
    }
    h.into_string()
}

/// `attrs` with `hidden` added when `hide` says so.
fn hidden<'a>(hide: bool, attrs: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut all = attrs.to_vec();
    if hide {
        all.push(("hidden", ""));
    }
    all
}

/// One entry as a card: time and symptoms, day after the session, severity (with its bar),
/// duration, notes, the red flags it names (their cards are at the top of the list), its
/// triage level with the "Is this normal?" link, and Edit and Delete.
fn entry_card(h: &mut Html, entry: &Entry, flags: &[&'static RedFlag], writable: bool) {
    let title = format!(
        "{} · {}",
        time_label(entry.started),
        symptom_labels(entry).join(", ")
    );
    let session = entry
        .day_after_session()
        .map(session_day_label)
        .unwrap_or_default();
    let severity = entry.severity.get().to_string();
    let duration = duration_label(entry.duration).unwrap_or_default();
    let level = entry_level_with(entry, flags);
    let check = check_param(entry);
    let check_href = format!("{}?{}={}", Route::Check.href(), SymptomFilter::PARAM, check);

    h.open("article", &[("class", "journal-entry")])
        .leaf("h3", &[], &title)
        .open("p", &[("class", "journal-meta")])
        .leaf("span", &hidden(session.is_empty(), &[]), &session)
        .open("span", &[("class", "journal-severity")])
        .text("Severity ")
        .leaf("strong", &[], &severity)
        .text(" out of 10")
        .close("span")
        .leaf("span", &hidden(duration.is_empty(), &[]), &duration)
        .close("p")
        // The bar's width comes from the stylesheet (the site's CSP allows no inline styles).
        .open(
            "span",
            &[
                ("class", "journal-meter"),
                ("aria-hidden", "true"),
                ("data-severity", &severity),
            ],
        )
        .leaf("span", &[], "")
        .close("span")
        .leaf(
            "p",
            &hidden(entry.notes.is_empty(), &[("class", "journal-notes")]),
            &entry.notes,
        );
    h.open(
        "p",
        &hidden(flags.is_empty(), &[("class", "journal-red-flag")]),
    );
    if !flags.is_empty() {
        h.text(&format!("Needs help: {}. ", flag_titles(flags)));
    }
    h.leaf("a", &[("href", &Route::Help.href())], "Get help now")
        .close("p")
        .open(
            "p",
            &hidden(level.is_none(), &[("class", "journal-triage")]),
        );
    if let Some(level) = level {
        h.leaf(
            "span",
            &[("class", &level_badge_class(level))],
            level.label(),
        );
    }
    h.leaf(
        "a",
        &hidden(check.is_empty(), &[("href", &check_href)]),
        "Is this normal?",
    )
    .close("p")
    .open(
        "p",
        &hidden(!writable, &[("class", "journal-entry-actions")]),
    )
    .leaf("a", &[("href", &edit_href(entry))], "Edit")
    .leaf(
        "button",
        &[
            ("type", "button"),
            ("class", "link danger"),
            (DELETE_ATTR, entry.id.as_str()),
        ],
        "Delete",
    )
    .close("p")
    .close("article");
}
