//! The clinician summary (`journal/summary/`, `?from=&to=`): for a chosen date range, a
//! sentence with the figures, severity over time as an inline SVG chart (with that sentence
//! as its text alternative), the entries that name a red flag first (a "Red flags" table
//! naming the flags), every other entry in a second table, and the disclaimer. The person's
//! name (optional, typed here and never stored) and the day it was made head the printout.
//! "Share with my practitioner" sends the range's entries as a CSV file with a plain-text
//! summary through the share sheet, or downloads the file where the browser cannot share
//! files; a hosting clinic adds its call button, booking link and "Email your
//! practitioner". The print stylesheet (`/* Journal */` in style/main.css) hides the app's
//! frame and the controls and numbers the pages.
//!
//! The wording, the range's defaults and the chart's geometry come from
//! `aftercare_core::journal`, and the report (chart and tables) is the core's HTML
//! (`pages::summary_chart`, `pages::summary_tables`); this page holds the controls.

use aftercare_core::clinic::clinic;
use aftercare_core::journal::{self as core, Entry};
use aftercare_core::pages::{self, clinic_contact_inner, CLINIC_CONTACT_CLASS};
use aftercare_core::route::Route;
use leptos::prelude::*;

use crate::components::journal_files::{share_or_download, ShareOutcome};
use crate::components::journal_notice::JournalNotices;
use crate::components::triage::Disclaimer;
use crate::journal_store::{local_now, JournalStore};
use crate::nav::Nav;

/// The chart's drawing box: wide enough for a printed page, scaled by CSS on screens.
const CHART_WIDTH: i32 = 640;
/// The chart's height.
const CHART_HEIGHT: i32 = 220;

/// The clinician summary page.
#[component]
pub fn JournalSummaryPage() -> impl IntoView {
    let store = JournalStore::get();
    let nav = Nav::get();
    let from = nav.param("from");
    let to = nav.param("to");
    let today = local_now().map(core::LocalDateTime::date);
    let range = Memo::new(move |_| {
        let all = store.journal().with(|j| j.summary(None));
        from.with(|f| to.with(|t| core::summary_range(f, t, &all, today)))
    });
    let rows = Memo::new(move |_| {
        range.get().map_or_else(Vec::new, |r| {
            store
                .journal()
                .with(|j| j.in_range(r).into_iter().cloned().collect::<Vec<Entry>>())
        })
    });
    let sentence = Memo::new(move |_| {
        range.get().map_or_else(
            || "No entries yet.".to_owned(),
            |r| {
                store
                    .journal()
                    .with(|j| core::summary_sentence(&j.summary(Some(r)), r))
            },
        )
    });
    let chart = Memo::new(move |_| {
        range.get().map(|r| {
            store
                .journal()
                .with(|j| core::chart(&j.severity_points(Some(r)), r, CHART_WIDTH, CHART_HEIGHT))
        })
    });
    let period = move || range.get().map_or_else(String::new, core::summary_period);
    // The report: the chart, then the entries that name a red flag, then the rest (the
    // core's HTML).
    let chart_html = move || chart.with(|c| sentence.with(|s| pages::summary_chart(c.as_ref(), s)));
    let tables_html = move || {
        rows.with(|rows| {
            let (flagged, rest) = core::red_flags_first(rows);
            pages::summary_tables(&flagged, &rest, &period())
        })
    };
    // The person's name, if they type it: shown and shared, never stored.
    let name = RwSignal::new(String::new());

    view! {
        <div class="page journal-summary">
            <h1 tabindex="-1">"Summary for my practitioner"</h1>
            <div class="no-print">
                <JournalNotices/>
                <RangeControls range/>
                <div class="field summary-name-field">
                    <label for="summary-name">"Your name (optional, never saved)"</label>
                    <input
                        id="summary-name"
                        type="text"
                        autocomplete="name"
                        maxlength="100"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                </div>
                <ShareSection range rows sentence name today/>
            </div>
            <p class="summary-period">{period}</p>
            <p class="summary-name" hidden=move || name.with(|n| n.trim().is_empty())>
                "Name: "
                {move || name.get().trim().to_owned()}
            </p>
            <p class="summary-printed" hidden=today.is_none()>
                {today.map(|d| format!("Printed on {}", core::date_label(d)))}
            </p>
            <p class="summary-sentence">{move || sentence.get()}</p>
            <div class="summary-chart-box" inner_html=chart_html></div>
            <p class="journal-empty" hidden=move || !rows.with(Vec::is_empty)>
                "No entries in these dates."
            </p>
            <div class="summary-tables" inner_html=tables_html></div>
            <Disclaimer/>
        </div>
    }
}

/// "Share with my practitioner": the range's entries as a CSV file with a plain-text
/// summary, through the share sheet or, where the browser cannot share files, as a
/// download; with a hosting clinic, its call button and booking link, and "Email your
/// practitioner" when it has an email. Not printed.
#[component]
fn ShareSection(
    /// The summary's date range (`None`: no entries yet).
    range: Memo<Option<core::DateRange>>,
    /// The entries in the range, oldest first.
    rows: Memo<Vec<Entry>>,
    /// The figures sentence.
    sentence: Memo<String>,
    /// The person's name, if typed.
    name: RwSignal<String>,
    /// Today, for the "printed on" line.
    today: Option<core::LocalDate>,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let text = move |r: core::DateRange| {
        name.with(|n| sentence.with(|s| core::share_text(r, s, Some(n), today)))
    };
    let share = move |_| {
        let Some(r) = range.get_untracked() else {
            status.set("No entries to share yet.".to_owned());
            return;
        };
        let file = core::share_file_name(r);
        let csv = rows.with_untracked(|rows| {
            format!(
                "{}{}",
                core::UTF8_BOM,
                core::export_csv_entries(&rows.iter().collect::<Vec<_>>())
            )
        });
        let title = core::summary_period(r);
        let done_file = file.clone();
        share_or_download(&file, "text/csv", &csv, &title, &text(r), move |how| {
            status.set(match how {
                ShareOutcome::Shared => "Shared.".to_owned(),
                ShareOutcome::NotShared => "Not shared. Press Share to try again.".to_owned(),
                ShareOutcome::Downloaded => format!(
                    "Your browser cannot share files, so it saved {done_file} to your downloads. Send that file to your practitioner."
                ),
                ShareOutcome::Failed(reason) => format!("The file could not be saved: {reason}."),
            });
        });
    };
    let email = clinic().filter(|c| c.email.is_some()).map(|c| {
        let href = move || {
            range.get().and_then(|r| {
                let subject = name.with(|n| core::email_subject(r, Some(n)));
                c.mailto(&subject, &core::email_body(&text(r), r))
            })
        };
        view! {
            <a class="button secondary summary-email" href=href>
                "Email your practitioner"
            </a>
            <p class="hint summary-email-hint">
                "Your email app opens with a short summary written in. A link cannot attach "
                "files: press Share first to save the file, then attach it to the email yourself."
            </p>
        }
    });
    view! {
        <section class="summary-share" aria-labelledby="summary-share-title">
            <h2 id="summary-share-title">"Share with my practitioner"</h2>
            {clinic()
                .map(|_| {
                    view! { <div class=CLINIC_CONTACT_CLASS inner_html=clinic_contact_inner()></div> }
                })}
            <p>
                "Share sends the entries of these dates as a file (a table that opens in a "
                "spreadsheet) with a short summary. Where your browser cannot share files, it "
                "saves the file instead."
            </p>
            <div class="button-row">
                <button type="button" class="summary-share-button" on:click=share>
                    "Share"
                </button>
            </div>
            {email}
            <p class="share-status" role="status">
                {move || status.get()}
            </p>
        </section>
    }
}

/// The date range inputs (kept in the URL as `?from=&to=`), Print, and the way back. Not
/// printed.
#[component]
fn RangeControls(range: Memo<Option<core::DateRange>>) -> impl IntoView {
    let date_value = move |end: fn(core::DateRange) -> core::LocalDate| {
        move || range.get().map(|r| end(r).to_string()).unwrap_or_default()
    };
    let set_date = move |name: &'static str| {
        move |ev: leptos::ev::Event| crate::router::set_param(name, &event_target_value(&ev))
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <form class="journal-controls summary-range" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="summary-from">"From"</label>
                <input
                    id="summary-from"
                    type="date"
                    prop:value=date_value(|r| r.from)
                    on:change=set_date("from")
                />
            </div>
            <div class="field">
                <label for="summary-to">"To"</label>
                <input
                    id="summary-to"
                    type="date"
                    prop:value=date_value(|r| r.to)
                    on:change=set_date("to")
                />
            </div>
            <div class="button-row">
                <button type="button" on:click=print>
                    "Print"
                </button>
                <a class="button secondary" href=Route::Journal.href()>
                    "Back to the journal"
                </a>
            </div>
        </form>
    }
}
