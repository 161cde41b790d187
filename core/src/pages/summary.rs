//! The clinician summary's report, written as HTML: the severity chart (inline SVG, with the
//! summary sentence as its text alternative), the entries that name a red flag in a table of
//! their own, first, and every other entry in a second table. The wording and the chart's
//! geometry are `journal::view`'s; this only arranges them. The page's controls (dates,
//! name, Share, Print) stay the app's.

use crate::html::Html;
use crate::journal::{
    date_label, duration_label, session_day_label, symptom_labels, time_label, Chart, Entry,
    FlaggedEntry,
};

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

/// The severity chart as a `<figure>`: gridlines and labels for 0–10, day labels, the line
/// and a dot per entry (each with a tooltip), `sentence` as its description. Nothing when
/// the range has no entries.
#[must_use]
pub fn summary_chart(chart: Option<&Chart>, sentence: &str) -> String {
    let Some(chart) = chart.filter(|c| !c.dots.is_empty()) else {
        return String::new();
    };
    let [left, top, _, bottom] = chart.plot;
    let n = |v: i32| v.to_string();
    let mut h = Html::new();
    h.open("figure", &[("class", "summary-chart")]).open(
        "svg",
        &[
            ("viewBox", &format!("0 0 {} {}", chart.width, chart.height)),
            ("role", "img"),
            ("aria-labelledby", "chart-title chart-desc"),
        ],
    );
    h.leaf(
        "title",
        &[("id", "chart-title")],
        "Severity over time, 0 to 10",
    )
    .leaf("desc", &[("id", "chart-desc")], sentence)
    .leaf(
        "line",
        &[
            ("class", "chart-axis"),
            ("x1", &n(left)),
            ("x2", &n(left)),
            ("y1", &n(top)),
            ("y2", &n(bottom)),
        ],
        "",
    );
    for t in &chart.y_ticks {
        h.leaf(
            "line",
            &[
                ("class", "chart-grid"),
                ("x1", &n(left)),
                ("x2", &n(chart.plot[2])),
                ("y1", &n(t.at)),
                ("y2", &n(t.at)),
            ],
            "",
        )
        .leaf(
            "text",
            &[
                ("class", "chart-label"),
                ("x", &n(left - 6)),
                ("y", &n(t.at + 4)),
                ("text-anchor", "end"),
            ],
            &t.label,
        );
    }
    for t in &chart.x_ticks {
        h.leaf(
            "text",
            &[
                ("class", "chart-label"),
                ("x", &n(t.at)),
                ("y", &n(bottom + 18)),
                ("text-anchor", "middle"),
            ],
            &t.label,
        );
    }
    h.leaf(
        "polyline",
        &[("class", "chart-line"), ("points", &chart.line)],
        "",
    );
    for d in &chart.dots {
        h.open(
            "circle",
            &[
                ("class", "chart-dot"),
                ("cx", &n(d.x)),
                ("cy", &n(d.y)),
                ("r", "4"),
            ],
        )
        .leaf("title", &[], &d.label)
        .close("circle");
    }
    h.close("svg")
        .leaf(
            "figcaption",
            &[],
            "Severity (0 = not at all, 10 = worst imaginable) of each entry over time. The tables below list every entry.",
        )
        .close("figure");
    h.into_string()
}

/// The tables: the entries that name a red flag first (with the flags named), then "Other
/// entries" (headed so only when both are there). Nothing for an empty range. `period` is
/// the second table's caption.
#[must_use]
pub fn summary_tables(flagged: &[FlaggedEntry], rest: &[&Entry], period: &str) -> String {
    let mut h = Html::new();
    if !flagged.is_empty() {
        h.open(
            "section",
            &[
                ("class", "summary-red-flags"),
                ("aria-labelledby", "summary-red-flags-title"),
            ],
        )
        .leaf("h2", &[("id", "summary-red-flags-title")], "Red flags")
        .leaf(
            "p",
            &[],
            "These entries name a sign that needs medical help. They are listed first.",
        )
        .open("table", &[("class", "summary-table summary-flag-table")])
        .leaf("caption", &[], "Entries that name a red flag");
        head(&mut h, &FLAG_COLUMNS);
        h.open("tbody", &[]);
        for f in flagged {
            let titles = crate::journal::flag_titles(&f.flags);
            let e = f.entry;
            row(
                &mut h,
                &FLAG_COLUMNS,
                &[
                    &when(e),
                    &titles,
                    &symptom_labels(e).join(", "),
                    &severity(e),
                    &e.notes,
                ],
                &[(1, "summary-flag"), (4, "summary-notes")],
            );
        }
        h.close("tbody").close("table").close("section");
    }
    if !rest.is_empty() {
        if !flagged.is_empty() {
            h.leaf("h2", &[("class", "summary-rest-title")], "Other entries");
        }
        h.open("table", &[("class", "summary-table summary-rest-table")])
            .leaf("caption", &[], period);
        head(&mut h, &REST_COLUMNS);
        h.open("tbody", &[]);
        for &e in rest {
            let session = e
                .day_after_session()
                .map(session_day_label)
                .unwrap_or_default();
            let lasted = duration_label(e.duration).unwrap_or_default();
            row(
                &mut h,
                &REST_COLUMNS,
                &[
                    &when(e),
                    &session,
                    &symptom_labels(e).join(", "),
                    &severity(e),
                    &lasted,
                    &e.notes,
                ],
                &[(5, "summary-notes")],
            );
        }
        h.close("tbody").close("table");
    }
    h.into_string()
}

fn when(e: &Entry) -> String {
    format!("{} {}", date_label(e.started.date()), time_label(e.started))
}

fn severity(e: &Entry) -> String {
    format!("{}/10", e.severity.get())
}

/// A table's head row: one column header for each name.
fn head(h: &mut Html, columns: &[&str]) {
    h.open("thead", &[]).open("tr", &[]);
    for c in columns {
        h.leaf("th", &[("scope", "col")], c);
    }
    h.close("tr").close("thead");
}

/// One row: each cell labelled with its column, `classes` giving some cells a class.
fn row(h: &mut Html, columns: &[&str], cells: &[&str], classes: &[(usize, &str)]) {
    h.open("tr", &[]);
    for (i, (column, cell)) in columns.iter().zip(cells).enumerate() {
        match classes.iter().find(|(at, _)| *at == i) {
            Some((_, class)) => h.leaf("td", &[("data-label", column), ("class", class)], cell),
            None => h.leaf("td", &[("data-label", column)], cell),
        };
    }
    h.close("tr");
}
