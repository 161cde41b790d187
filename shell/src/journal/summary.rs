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

use super::dom::{self, Part};
use super::files::{share_or_download, ShareOutcome};
use super::notices;
use super::shown::View;
use super::store::{self, State};
use crate::router::Location;
use aftercare_core::clinic::clinic;
use aftercare_core::html::Html;
use aftercare_core::journal::{self as core, DateRange, LocalDate};
use aftercare_core::pages::{self, clinic_contact_inner, CLINIC_CONTACT_CLASS};
use aftercare_core::route::Route;

/// The chart's drawing box: wide enough for a printed page, scaled by CSS on screens.
const CHART_WIDTH: i32 = 640;
/// The chart's height.
const CHART_HEIGHT: i32 = 220;

/// What the report was last drawn from: the journal's revision and the address's dates.
type Drawn = (u64, String, String);

/// The summary page as shown.
pub struct SummaryPage {
    root: web_sys::Element,
    notices: Part,
    chart: Part,
    tables: Part,
    from: String,
    to: String,
    today: Option<LocalDate>,
    range: Option<DateRange>,
    sentence: String,
    drawn: Option<Drawn>,
}

/// A paragraph of the page by its class.
fn para(h: &mut Html, class: &str, hidden: bool, text: &str) {
    let mut attrs = vec![("class", class)];
    if hidden {
        attrs.push(("hidden", ""));
    }
    h.leaf("p", &attrs, text);
}

/// The page's markup, before anything stored is drawn into it.
fn skeleton(today: Option<LocalDate>) -> String {
    let mut h = Html::new();
    h.open("div", &[("class", "page journal-summary")])
        .leaf("h1", &[("tabindex", "-1")], "Summary for my practitioner")
        .open("div", &[("class", "no-print")])
        .leaf("div", &[("class", notices::BOX)], "");
    // The date range inputs (kept in the URL as `?from=&to=`), Print, and the way back.
    h.open("form", &[("class", "journal-controls summary-range")]);
    for (id, label) in [("summary-from", "From"), ("summary-to", "To")] {
        h.open("div", &[("class", "field")])
            .leaf("label", &[("for", id)], label)
            .open("input", &[("id", id), ("type", "date")])
            .close("div");
    }
    h.open("div", &[("class", "button-row")])
        .leaf(
            "button",
            &[("type", "button"), ("data-do", "print")],
            "Print",
        )
        .leaf(
            "a",
            &[
                ("class", "button secondary"),
                ("href", &Route::Journal.href()),
            ],
            "Back to the journal",
        )
        .close("div")
        .close("form");
    // The person's name, if they type it: shown and shared, never stored.
    h.open("div", &[("class", "field summary-name-field")])
        .leaf(
            "label",
            &[("for", "summary-name")],
            "Your name (optional, never saved)",
        )
        .open(
            "input",
            &[
                ("id", "summary-name"),
                ("type", "text"),
                ("autocomplete", "name"),
                ("maxlength", "100"),
            ],
        )
        .close("div");
    share_section(&mut h);
    h.close("div");
    para(&mut h, "summary-period", false, "");
    para(&mut h, "summary-name", true, "");
    let printed = today.map(|d| format!("Printed on {}", core::date_label(d)));
    para(
        &mut h,
        "summary-printed",
        printed.is_none(),
        printed.as_deref().unwrap_or_default(),
    );
    para(&mut h, "summary-sentence", false, "");
    h.leaf("div", &[("class", "summary-chart-box")], "");
    para(&mut h, "journal-empty", true, "No entries in these dates.");
    h.leaf("div", &[("class", "summary-tables")], "")
        .open("div", &[("class", "disclaimer-box")])
        .raw(&pages::disclaimer())
        .close("div")
        .close("div");
    h.into_string()
}

/// "Share with my practitioner": the Share button, and with a hosting clinic its call
/// button and booking link, and "Email your practitioner" when it has an email. Not printed.
fn share_section(h: &mut Html) {
    h.open(
        "section",
        &[
            ("class", "summary-share"),
            ("aria-labelledby", "summary-share-title"),
        ],
    )
    .leaf(
        "h2",
        &[("id", "summary-share-title")],
        "Share with my practitioner",
    );
    if clinic().is_some() {
        h.open("div", &[("class", CLINIC_CONTACT_CLASS)])
            .raw(&clinic_contact_inner())
            .close("div");
    }
    h.leaf(
        "p",
        &[],
        "Share sends the entries of these dates as a file (a table that opens in a \
         spreadsheet) with a short summary. Where your browser cannot share files, it saves \
         the file instead.",
    )
    .open("div", &[("class", "button-row")])
    .leaf(
        "button",
        &[
            ("type", "button"),
            ("class", "summary-share-button"),
            ("data-do", "share"),
        ],
        "Share",
    )
    .close("div");
    if clinic().is_some_and(|c| c.email.is_some()) {
        h.leaf(
            "a",
            &[("class", "button secondary summary-email")],
            "Email your practitioner",
        )
        .leaf(
            "p",
            &[("class", "hint summary-email-hint")],
            "Your email app opens with a short summary written in. A link cannot attach \
             files: press Share first to save the file, then attach it to the email yourself.",
        );
    }
    h.leaf("p", &[("class", "share-status"), ("role", "status")], "")
        .close("section");
}

/// The name typed, trimmed.
fn name() -> String {
    dom::value_of("summary-name").trim().to_owned()
}

impl SummaryPage {
    /// Writes the summary page into `main`.
    pub fn show(main: &web_sys::Element, location: &Location) -> Option<SummaryPage> {
        let today = store::local_now().map(core::LocalDateTime::date);
        main.set_inner_html(&skeleton(today));
        let root = main.first_element_child()?;
        let mut page = SummaryPage {
            notices: Part::find(&root, &format!(".{}", notices::BOX)),
            chart: Part::find(&root, ".summary-chart-box"),
            tables: Part::find(&root, ".summary-tables"),
            root,
            from: String::new(),
            to: String::new(),
            today,
            range: None,
            sentence: String::new(),
            drawn: None,
        };
        page.follow(location);
        Some(page)
    }

    /// The range, its figures, the chart and the tables, worked out and drawn again only
    /// when the journal or the address's dates changed (not as the name is typed).
    fn draw_report(&mut self, s: &State) {
        let key = (s.revision, self.from.clone(), self.to.clone());
        if self.drawn.as_ref() == Some(&key) {
            return;
        }
        self.drawn = Some(key);
        let all = s.journal.summary(None);
        let range = core::summary_range(&self.from, &self.to, &all, self.today);
        self.range = range;
        for (id, end) in [
            ("summary-from", range.map(|r| r.from)),
            ("summary-to", range.map(|r| r.to)),
        ] {
            if let Some(input) = dom::by_id(id) {
                dom::set_value(&input, &end.map(|d| d.to_string()).unwrap_or_default());
            }
        }
        let rows = range.map_or_else(Vec::new, |r| s.journal.in_range(r));
        self.sentence = range.map_or_else(
            || "No entries yet.".to_owned(),
            |r| core::summary_sentence(&s.journal.summary(Some(r)), r),
        );
        let chart = range.map(|r| {
            core::chart(
                &s.journal.severity_points(Some(r)),
                r,
                CHART_WIDTH,
                CHART_HEIGHT,
            )
        });
        let period = range.map_or_else(String::new, core::summary_period);
        self.set(".summary-period", &period);
        self.set(".summary-sentence", &self.sentence.clone());
        self.chart
            .put(pages::summary_chart(chart.as_ref(), &self.sentence));
        if let Some(empty) = dom::find(&self.root, ".journal-empty") {
            dom::set_hidden(&empty, !rows.is_empty());
        }
        // The report: the entries that name a red flag, then the rest (the core's HTML).
        let (flagged, rest) = core::red_flags_first(rows.iter().copied());
        self.tables
            .put(pages::summary_tables(&flagged, &rest, &period));
    }

    /// Sets the words of the paragraph `selector`.
    fn set(&self, selector: &str, text: &str) {
        if let Some(p) = dom::find(&self.root, selector) {
            dom::set_text(&p, text);
        }
    }

    /// The name typed, where it shows: the printout's "Name:" line and the email's subject.
    fn named(&self) {
        let name = name();
        if let Some(line) = dom::find(&self.root, ".summary-name") {
            dom::set_text(&line, &format!("Name: {name}"));
            dom::set_hidden(&line, name.is_empty());
        }
        if let Some(link) = dom::find(&self.root, ".summary-email") {
            let href = self.range.and_then(|r| {
                let subject = core::email_subject(r, Some(&name));
                clinic()?.mailto(&subject, &core::email_body(&self.share_text(r), r))
            });
            dom::set_attr(&link, "href", href.as_deref());
        }
    }

    /// The plain-text summary shared with the file.
    fn share_text(&self, r: DateRange) -> String {
        core::share_text(r, &self.sentence, Some(&name()), self.today)
    }

    /// Shares the range's entries as a CSV file with the plain-text summary, or downloads
    /// the file where the browser cannot share files. Runs inside the click (sharing needs
    /// the person's gesture).
    fn share(&mut self) {
        let status = dom::find(&self.root, ".share-status");
        let say = move |text: &str| {
            if let Some(status) = &status {
                dom::set_text(status, text);
            }
        };
        let Some(r) = self.range else {
            say("No entries to share yet.");
            return;
        };
        let file = core::share_file_name(r);
        let csv = store::with(|s| {
            format!(
                "{}{}",
                core::UTF8_BOM,
                core::export_csv_entries(&s.journal.in_range(r))
            )
        });
        let title = core::summary_period(r);
        let done_file = file.clone();
        share_or_download(
            &file,
            "text/csv",
            &csv,
            &title,
            &self.share_text(r),
            move |how| {
                say(&match how {
                ShareOutcome::Shared => "Shared.".to_owned(),
                ShareOutcome::NotShared => "Not shared. Press Share to try again.".to_owned(),
                ShareOutcome::Downloaded => format!(
                    "Your browser cannot share files, so it saved {done_file} to your downloads. Send that file to your practitioner."
                ),
                ShareOutcome::Failed(reason) => format!("The file could not be saved: {reason}."),
            });
            },
        );
    }
}

impl View for SummaryPage {
    fn route(&self) -> Route {
        Route::JournalSummary
    }

    /// Draws what changed.
    fn render(&mut self) {
        store::with(|s| {
            self.notices.put_or_hide(notices::html(s));
            self.draw_report(s);
        });
        self.named();
    }

    /// Takes the range from the address.
    fn follow(&mut self, location: &Location) {
        location
            .params
            .get("from")
            .unwrap_or_default()
            .clone_into(&mut self.from);
        location
            .params
            .get("to")
            .unwrap_or_default()
            .clone_into(&mut self.to);
    }

    /// A click on one of the page's buttons (`action`: its `data-do`).
    fn click(&mut self, _target: &web_sys::Element, action: &str) {
        match action {
            "print" => {
                if let Some(window) = web_sys::window() {
                    let _ = window.print();
                }
            }
            "share" => self.share(),
            _ => {}
        }
    }

    /// A form control changed: a date (into the address) or the name.
    fn edited(&mut self, target: &web_sys::Element) {
        match target.id().as_str() {
            "summary-from" => crate::router::set_param("from", &dom::value(target)),
            "summary-to" => crate::router::set_param("to", &dom::value(target)),
            "summary-name" => self.named(),
            _ => {}
        }
    }
}
