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
//! `aftercare_core::journal`; this page draws them.

use aftercare_core::clinic::clinic;
use aftercare_core::journal::{self as core, Chart, Entry};
use aftercare_core::pages::{clinic_contact_inner, CLINIC_CONTACT_CLASS};
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
    // The entries that name a red flag (each with the flags' titles), then the rest.
    let split = Memo::new(move |_| {
        rows.with(|rows| {
            let (flagged, rest) = core::red_flags_first(rows);
            let flagged: Vec<(Entry, String)> = flagged
                .into_iter()
                .map(|f| (f.entry.clone(), core::flag_titles(&f.flags)))
                .collect();
            let rest: Vec<Entry> = rest.into_iter().cloned().collect();
            (flagged, rest)
        })
    });
    let no_flags = move || split.with(|(flagged, _)| flagged.is_empty());
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
            <ChartFigure chart sentence/>
            <p class="journal-empty" hidden=move || !rows.with(Vec::is_empty)>
                "No entries in these dates."
            </p>
            <RedFlagSection flagged=Signal::derive(move || split.with(|(f, _)| f.clone()))/>
            <h2 class="summary-rest-title" hidden=no_flags>
                "Other entries"
            </h2>
            <table
                class="summary-table summary-rest-table"
                hidden=move || split.with(|(_, rest)| rest.is_empty())
            >
                <caption>{period}</caption>
                {head(&REST_COLUMNS)}
                <tbody>
                    {move || split.with(|(_, rest)| rest.clone()).into_iter().map(table_row).collect_view()}
                </tbody>
            </table>
            <Disclaimer/>
        </div>
    }
}

/// The "Other entries" table's columns; each cell also carries its column's name as
/// `data-label`, which labels it where narrow screens stack a row's cells.
const REST_COLUMNS: [&str; 6] = [
    "When",
    "After session",
    "Symptoms",
    "Severity",
    "Lasted",
    "Notes",
];
/// The "Red flags" table's columns (see [`REST_COLUMNS`]).
const FLAG_COLUMNS: [&str; 5] = ["When", "Red flag", "Symptoms", "Severity", "Notes"];
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

/// A table's head row: one column header for each name.
fn head(columns: &'static [&'static str]) -> impl IntoView {
    view! {
        <thead>
            <tr>
                {columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}
            </tr>
        </thead>
    }
}

/// The entries that name a red flag, first, in their own table with the flags named.
/// Nothing is shown when there are none.
#[component]
fn RedFlagSection(
    /// The entries that name a red flag, each with the flags' titles.
    flagged: Signal<Vec<(Entry, String)>>,
) -> impl IntoView {
    view! {
    <section
        class="summary-red-flags"
        aria-labelledby="summary-red-flags-title"
        hidden=move || flagged.with(Vec::is_empty)
    >
        <h2 id="summary-red-flags-title">"Red flags"</h2>
        <p>"These entries name a sign that needs medical help. They are listed first."</p>
        <table class="summary-table summary-flag-table">
            <caption>"Entries that name a red flag"</caption>
            {head(&FLAG_COLUMNS)}
            <tbody>
                {move || {
                    flagged
                        .get()
                        .into_iter()
                        .map(|(e, titles)| flag_row(e, titles))
                        .collect_view()
                }}
            </tbody>
        </table>
    </section>
    }
}

/// The date range inputs (kept in the URL as `?from=&to=`), Print, and the way back. Not
/// printed.
#[component]
fn RangeControls(range: Memo<Option<core::DateRange>>) -> impl IntoView {
    let nav = Nav::get();
    let date_value = move |end: fn(core::DateRange) -> core::LocalDate| {
        move || range.get().map(|r| end(r).to_string()).unwrap_or_default()
    };
    let set_date = move |name: &'static str| {
        move |ev: leptos::ev::Event| nav.set_param(name, &event_target_value(&ev))
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

/// The severity chart as inline SVG: gridlines and labels for 0–10, day labels, the line
/// and a dot per entry (each with a tooltip). The summary sentence is its text alternative.
#[component]
fn ChartFigure(chart: Memo<Option<Chart>>, sentence: Memo<String>) -> impl IntoView {
    // The severity axis depends only on the box's size, so it is drawn once.
    let [left, top, right, bottom] = core::chart_plot(CHART_WIDTH, CHART_HEIGHT);
    let grid = core::severity_ticks(CHART_WIDTH, CHART_HEIGHT)
        .into_iter()
        .map(|t| {
            view! {
                <line class="chart-grid" x1=left x2=right y1=t.at y2=t.at></line>
                <text class="chart-label" x=left - 6 y=t.at + 4 text-anchor="end">
                    {t.label}
                </text>
            }
        })
        .collect_view();
    let days = move || {
        chart
            .get()
            .map(|c| c.x_ticks)
            .unwrap_or_default()
            .into_iter()
            .map(|t| {
                view! {
                    <text class="chart-label" x=t.at y=bottom + 18 text-anchor="middle">
                        {t.label}
                    </text>
                }
            })
            .collect_view()
    };
    let dots = move || {
        chart
            .get()
            .map(|c| c.dots)
            .unwrap_or_default()
            .into_iter()
            .map(|d| {
                view! {
                    <circle class="chart-dot" cx=d.x cy=d.y r="4">
                        <title>{d.label}</title>
                    </circle>
                }
            })
            .collect_view()
    };
    let line = move || chart.with(|c| c.as_ref().map(|c| c.line.clone()).unwrap_or_default());
    view! {
        <figure
            class="summary-chart"
            hidden=move || chart.with(|c| c.as_ref().is_none_or(|c| c.dots.is_empty()))
        >
            <svg
                viewBox=format!("0 0 {CHART_WIDTH} {CHART_HEIGHT}")
                role="img"
                aria-labelledby="chart-title chart-desc"
            >
                <title id="chart-title">"Severity over time, 0 to 10"</title>
                <desc id="chart-desc">{move || sentence.get()}</desc>
                <line class="chart-axis" x1=left x2=left y1=top y2=bottom></line>
                {grid}
                {days}
                <polyline class="chart-line" points=line></polyline>
                {dots}
            </svg>
            <figcaption>
                "Severity (0 = not at all, 10 = worst imaginable) of each entry over time. "
                "The tables below list every entry."
            </figcaption>
        </figure>
    }
}

/// One entry that names a red flag, as a row of the "Red flags" table.
fn flag_row(e: Entry, titles: String) -> impl IntoView {
    let when = format!(
        "{} {}",
        core::date_label(e.started.date()),
        core::time_label(e.started)
    );
    let symptoms = core::symptom_labels(&e).join(", ");
    view! {
        <tr>
            <td data-label=FLAG_COLUMNS[0]>{when}</td>
            <td data-label=FLAG_COLUMNS[1] class="summary-flag">{titles}</td>
            <td data-label=FLAG_COLUMNS[2]>{symptoms}</td>
            <td data-label=FLAG_COLUMNS[3]>{format!("{}/10", e.severity.get())}</td>
            <td data-label=FLAG_COLUMNS[4] class="summary-notes">{e.notes}</td>
        </tr>
    }
}

/// One entry as a table row.
fn table_row(e: Entry) -> impl IntoView {
    let when = format!(
        "{} {}",
        core::date_label(e.started.date()),
        core::time_label(e.started)
    );
    let session = e
        .day_after_session()
        .map(core::session_day_label)
        .unwrap_or_default();
    let symptoms = core::symptom_labels(&e).join(", ");
    let lasted = core::duration_label(e.duration).unwrap_or_default();
    view! {
        <tr>
            <td data-label=REST_COLUMNS[0]>{when}</td>
            <td data-label=REST_COLUMNS[1]>{session}</td>
            <td data-label=REST_COLUMNS[2]>{symptoms}</td>
            <td data-label=REST_COLUMNS[3]>{format!("{}/10", e.severity.get())}</td>
            <td data-label=REST_COLUMNS[4]>{lasted}</td>
            <td data-label=REST_COLUMNS[5] class="summary-notes">{e.notes}</td>
        </tr>
    }
}
