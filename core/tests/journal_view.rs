//! What the journal pages say: day headings, times, "day N after your session", symptom
//! names (unknown slugs kept as written), an entry's most urgent level, the red flags it
//! names (by symptom or in its own words) and its checker link,
//! the summary's date range, the chart's layout and its text alternative.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod journal_support;

use aftercare_core::journal::{
    chart, chart_plot, check_param, date_label, day_heading, duration_label, entry_flags,
    entry_level, export_file_name, flag_titles, flags_of, red_flags_first, session_day_label,
    severity_label, severity_ticks, summary_range, summary_sentence, symptom_label, symptom_labels,
    time_label, DateRange, DurationUnit, EntryDuration, Journal, LocalDate, LocalDateTime,
    Severity,
};
use aftercare_core::triage::Level;
use journal_support::{entry, with_notes, with_other};

fn date(text: &str) -> LocalDate {
    LocalDate::parse(text).unwrap()
}

fn range(from: &str, to: &str) -> DateRange {
    DateRange::new(date(from), date(to))
}

/// One wording case: what the function gave, what the page must say.
#[track_caller]
fn check(actual: &str, expected: &str) {
    assert_eq!(actual, expected);
}

#[test]
fn dates_and_times_in_words() {
    check(&day_heading(date("2024-03-01")), "Friday 1 March 2024");
    check(
        &day_heading(date("2024-02-29")),
        "Thursday 29 February 2024",
    );
    check(&day_heading(date("2023-12-31")), "Sunday 31 December 2023");
    check(&day_heading(date("2024-01-01")), "Monday 1 January 2024");
    check(&date_label(date("2024-11-05")), "5 November 2024");
    let at = |t: &str| LocalDateTime::parse(t).unwrap();
    check(&time_label(at("2024-03-01T21:30")), "21:30");
    check(&time_label(at("2024-03-01T07:05")), "07:05");
    check(&time_label(at("2024-03-01T00:00")), "00:00");
}

#[test]
fn day_relative_to_the_session() {
    for (days, expected) in [
        (0, "Day of your session"),
        (1, "Day 1 after your session"),
        (12, "Day 12 after your session"),
        (-1, "1 day before your session"),
        (-3, "3 days before your session"),
    ] {
        check(&session_day_label(days), expected);
    }
}

#[test]
fn symptoms_by_name_with_unknown_slugs_kept() {
    check(symptom_label("fatigue"), "Tired or drained");
    check(symptom_label("chest"), "Chest pain or breathlessness");
    // A slug from a newer taxonomy is shown as written, never hidden.
    check(symptom_label("a-future-slug"), "a-future-slug");
    let e = with_other(
        entry(
            "a",
            "2024-03-01T21:30",
            6,
            &["fatigue", "a-future-slug", "dizzy"],
        ),
        "  heavy legs ",
    );
    assert_eq!(
        symptom_labels(&e),
        [
            "Tired or drained",
            "a-future-slug",
            "Dizzy or light-headed",
            "heavy legs"
        ]
    );
}

#[test]
fn entry_level_is_the_most_urgent_known_symptom() {
    for (symptoms, expected) in [
        (&["fatigue"][..], Some(Level::Common)),
        (&["fatigue", "heart"][..], Some(Level::Tell)),
        (&["dizzy", "chest", "heart"][..], Some(Level::Emergency)),
        (&["infection"][..], Some(Level::Today)),
        (&["a-future-slug"][..], None),
        (&[][..], None),
    ] {
        let e = entry("a", "2024-03-01T21:30", 3, symptoms);
        assert_eq!(entry_level(&e), expected, "{symptoms:?}");
    }
}

#[test]
fn entry_level_counts_the_red_flags_its_words_name() {
    for (symptoms, notes, expected) in [
        (
            &["fatigue"][..],
            "chest pain and short of breath",
            Some(Level::Emergency),
        ),
        (
            &[][..],
            "chest pain and short of breath",
            Some(Level::Emergency),
        ),
        (&["fatigue"][..], "felt it after lunch", Some(Level::Common)),
        (&[][..], "felt it after lunch", None),
    ] {
        let e = with_notes(entry("a", "2024-03-01T21:30", 3, symptoms), notes);
        assert_eq!(entry_level(&e), expected, "{symptoms:?} {notes:?}");
    }
}

/// The slugs of the flags an entry with these symptoms, other words and notes names.
#[track_caller]
fn check_flags(symptoms: &[&str], other: &str, notes: &str, expected: &[&str]) {
    let e = with_notes(
        with_other(entry("a", "2024-03-01T21:30", 3, symptoms), other),
        notes,
    );
    let got: Vec<&str> = entry_flags(&e).iter().map(|f| f.slug).collect();
    assert_eq!(got, expected, "{symptoms:?} / {other:?} / {notes:?}");
}

#[test]
fn an_entry_names_red_flags_by_symptom_or_in_its_own_words() {
    // By a ticked symptom that always shows a card.
    check_flags(&["chest"], "", "", &["chest"]);
    check_flags(&["fatigue", "infection"], "", "", &["infection"]);
    // In the notes, or in "Anything else".
    check_flags(&[], "", "chest pain and short of breath", &["chest"]);
    check_flags(&["fatigue"], "short of breath", "", &["chest"]);
    // Both, each flag once, most urgent first.
    check_flags(
        &["infection", "chest"],
        "",
        "chest pain and short of breath",
        &["chest", "infection"],
    );
    // Everyday entries name none; neither do slugs this build does not know.
    check_flags(
        &["fatigue", "dizzy"],
        "",
        "felt it after lunch, eased with water and rest",
        &[],
    );
    check_flags(&["a-future-slug"], "", "", &[]);
    check_flags(&[], "", "", &[]);
    // The two texts are not glued into one word.
    check_flags(&[], "chest", "pain", &["chest"]);
}

#[test]
fn the_list_shows_each_flag_once_most_urgent_first() {
    let entries = [
        entry("a", "2024-03-01T21:30", 3, &["fatigue"]),
        entry("b", "2024-03-02T08:00", 3, &["infection"]),
        with_notes(entry("c", "2024-03-03T08:00", 3, &[]), "chest pain"),
        entry("d", "2024-03-04T08:00", 3, &["chest"]),
    ];
    let slugs: Vec<&str> = flags_of(&entries).iter().map(|f| f.slug).collect();
    assert_eq!(slugs, ["chest", "infection"]);
    assert!(flags_of(&entries[..1]).is_empty());
    assert!(flags_of([]).is_empty());
}

#[test]
fn the_summary_lists_red_flag_entries_first() {
    let entries = [
        entry("a", "2024-03-01T21:30", 3, &["fatigue"]),
        with_notes(entry("b", "2024-03-02T08:00", 3, &[]), "short of breath"),
        entry("c", "2024-03-03T08:00", 3, &["dizzy"]),
        entry("d", "2024-03-04T08:00", 3, &["infection", "chest"]),
    ];
    let (flagged, rest) = red_flags_first(&entries);
    let flagged_ids: Vec<&str> = flagged.iter().map(|f| f.entry.id.as_str()).collect();
    let rest_ids: Vec<&str> = rest.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(flagged_ids, ["b", "d"]);
    assert_eq!(rest_ids, ["a", "c"]);
    check(
        &flag_titles(&flagged[0].flags),
        "Chest pain or breathlessness",
    );
    check(
        &flag_titles(&flagged[1].flags),
        "Chest pain or breathlessness; Signs of infection",
    );
}

#[test]
fn checker_link_carries_known_symptoms_only() {
    for (symptoms, expected) in [
        (&["fatigue", "dizzy"][..], "fatigue,dizzy"),
        (&["a-future-slug", "chest"][..], "chest"),
        (&["fatigue", "fatigue"][..], "fatigue"),
        (&[][..], ""),
    ] {
        let e = entry("a", "2024-03-01T21:30", 3, symptoms);
        check(&check_param(&e), expected);
    }
}

#[test]
fn severity_and_duration_in_words() {
    check(&severity_label(Severity::new(6).unwrap()), "6 out of 10");
    check(&severity_label(Severity::new(0).unwrap()), "0 out of 10");
    let lasted =
        |amount, unit| duration_label(Some(EntryDuration::Lasted { amount, unit })).unwrap();
    check(&lasted(3, DurationUnit::Hours), "Lasted 3 hours");
    check(&lasted(1, DurationUnit::Days), "Lasted 1 day");
    check(
        &duration_label(Some(EntryDuration::Ongoing)).unwrap(),
        "Still going on",
    );
    assert_eq!(duration_label(None), None);
}

#[test]
fn summary_range_falls_back_to_the_journal_then_today() {
    let journal = Journal::from_entries(vec![
        entry("a", "2024-03-01T21:30", 6, &["fatigue"]),
        entry("b", "2024-03-09T08:00", 2, &["dizzy"]),
    ]);
    let all = journal.summary(None);
    let today = Some(date("2024-04-01"));
    for (from, to, expected) in [
        ("", "", range("2024-03-01", "2024-03-09")),
        ("2024-03-05", "", range("2024-03-05", "2024-03-09")),
        ("", "2024-03-02", range("2024-03-01", "2024-03-02")),
        (
            "2024-03-20",
            "2024-03-10",
            range("2024-03-10", "2024-03-20"),
        ),
        (
            "not a date",
            "2024-02-30",
            range("2024-03-01", "2024-03-09"),
        ),
    ] {
        assert_eq!(
            summary_range(from, to, &all, today),
            Some(expected),
            "{from:?} {to:?}"
        );
    }
    let empty = Journal::new().summary(None);
    assert_eq!(
        summary_range("", "", &empty, today),
        Some(range("2024-04-01", "2024-04-01"))
    );
    // Without a clock, one given end is a one-day range, and nothing at all is no range.
    assert_eq!(
        summary_range("2024-05-02", "", &empty, None),
        Some(range("2024-05-02", "2024-05-02"))
    );
    assert_eq!(summary_range("", "", &empty, None), None);
}

#[test]
fn export_file_names_carry_the_day() {
    check(
        &export_file_name(date("2024-03-01"), "json"),
        "aftercare-journal-2024-03-01.json",
    );
    check(
        &export_file_name(date("2024-12-31"), "csv"),
        "aftercare-journal-2024-12-31.csv",
    );
}

#[test]
fn chart_places_dots_by_time_and_severity() {
    let journal = Journal::from_entries(vec![
        entry("a", "2024-03-01T00:00", 0, &["fatigue"]),
        entry("b", "2024-03-02T12:00", 10, &["dizzy"]),
        entry("c", "2024-03-05T09:00", 5, &["dizzy"]),
    ]);
    let r = range("2024-03-01", "2024-03-02");
    let c = chart(&journal.severity_points(None), r, 232, 136);
    // The plot area is 32..220 across (188 units for two days) and 10..110 down.
    assert_eq!(c.plot, [32, 10, 220, 110]);
    // The entry outside the range is left out.
    assert_eq!(c.dots.len(), 2);
    assert_eq!((c.dots[0].x, c.dots[0].y), (32, 110));
    // Noon of the second day is three quarters of the way across; severity 10 is the top.
    assert_eq!((c.dots[1].x, c.dots[1].y), (173, 10));
    assert_eq!(c.dots[1].label, "2 March 2024 12:00: 10 out of 10");
    assert_eq!(c.line, "32,110 173,10");
    let y: Vec<(i32, &str)> = c.y_ticks.iter().map(|t| (t.at, t.label.as_str())).collect();
    assert_eq!(
        y,
        [
            (110, "0"),
            (90, "2"),
            (70, "4"),
            (50, "6"),
            (30, "8"),
            (10, "10")
        ]
    );
    let x: Vec<&str> = c.x_ticks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(x, ["1 Mar", "2 Mar"]);
    assert_eq!(c.x_ticks[0].at, 79);
    // The frame and severity axis depend on the size only, for pages that draw them once.
    assert_eq!(chart_plot(232, 136), c.plot);
    assert_eq!(severity_ticks(232, 136), c.y_ticks);
}

#[test]
fn chart_of_one_dot_or_none_draws_no_line() {
    let one = Journal::from_entries(vec![entry("a", "2024-03-01T12:00", 4, &["fatigue"])]);
    let c = chart(
        &one.severity_points(None),
        range("2024-03-01", "2024-03-01"),
        300,
        150,
    );
    assert_eq!(c.dots.len(), 1);
    assert_eq!(c.line, "");
    assert_eq!(c.x_ticks.len(), 1, "a one-day range has one day label");
    let none = chart(&[], range("2024-03-01", "2024-03-31"), 300, 150);
    assert!(none.dots.is_empty());
    let x: Vec<&str> = none.x_ticks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(x, ["1 Mar", "16 Mar", "31 Mar"]);
}

#[test]
fn summary_sentence_is_the_charts_text_alternative() {
    let journal = Journal::from_entries(vec![
        entry("a", "2024-03-01T21:30", 6, &["fatigue", "dizzy"]),
        entry("b", "2024-03-01T23:00", 2, &["dizzy"]),
        entry("c", "2024-03-03T08:00", 4, &["a-future-slug"]),
    ]);
    let r = range("2024-03-01", "2024-03-03");
    // The mean is written with one decimal, rounded: (6 + 2 + 4) / 3 = 4.0.
    check(
        &summary_sentence(&journal.summary(Some(r)), r),
        "3 entries on 2 days from 1 March 2024 to 3 March 2024. Severity ranged from 2 to 6 \
         out of 10, 4.0 on average. Most noted: Dizzy or light-headed (2), a-future-slug (1), \
         Tired or drained (1).",
    );
    let day = range("2024-03-03", "2024-03-03");
    check(
        &summary_sentence(&journal.summary(Some(day)), day),
        "1 entry on 1 day on 3 March 2024. Severity was 4 out of 10 each time. Most noted: \
         a-future-slug (1).",
    );
    // Means are rounded to one decimal: (2 + 4 + 5) / 3 = 3.67 → "3.7".
    let thirds = Journal::from_entries(vec![
        entry("a", "2024-03-01T08:00", 2, &[]),
        entry("b", "2024-03-01T09:00", 4, &[]),
        entry("c", "2024-03-01T10:00", 5, &[]),
    ]);
    let day1 = range("2024-03-01", "2024-03-01");
    check(
        &summary_sentence(&thirds.summary(Some(day1)), day1),
        "3 entries on 1 day on 1 March 2024. Severity ranged from 2 to 5 out of 10, 3.7 on \
         average.",
    );
    let empty = range("2024-04-01", "2024-04-02");
    check(
        &summary_sentence(&journal.summary(Some(empty)), empty),
        "No entries from 1 April 2024 to 2 April 2024.",
    );
}

#[test]
fn the_list_writes_each_day_and_card_escaped_with_flags_level_and_actions() {
    use aftercare_core::journal::group_by_day;
    use aftercare_core::pages::journal_days_inner;
    let a = with_notes(
        entry("a1", "2024-03-01T09:30", 4, &["fatigue"]),
        "<b>short of breath</b> & tired",
    );
    let b = entry("b2", "2024-02-28T20:00", 2, &["dizzy"]);
    let newest = [&a, &b];
    let days = group_by_day(&newest);
    let html = journal_days_inner(&days, &mut |e| entry_flags(e), true);
    assert_eq!(html.matches("<section class=\"journal-day\">").count(), 2);
    assert!(html.contains("<h2>Friday 1 March 2024</h2>"), "{html}");
    assert!(html.find("Friday 1 March").unwrap() < html.find("28 February").unwrap());
    assert!(
        html.contains("&lt;b&gt;short of breath&lt;/b&gt; &amp; tired"),
        "escaped"
    );
    assert!(!html.contains("<b>"));
    assert!(html.contains("Needs help: "), "the red flag the notes name");
    assert!(
        html.contains("class=\"level-badge level-emergency\""),
        "{html}"
    );
    assert!(html.contains("data-delete=\"a1\""));
    assert!(html.contains("href=\"journal/entry/?id=a1\""), "{html}");
    assert!(html.contains("data-severity=\"4\""));
    assert!(html.contains("href=\"check/?symptoms=fatigue\""), "{html}");
    let read_only = journal_days_inner(&days, &mut |_| Vec::new(), false);
    assert!(read_only.contains("<p class=\"journal-entry-actions\" hidden=\"\">"));
    assert!(read_only.contains("<p class=\"journal-red-flag\" hidden=\"\">"));
}

#[test]
fn the_summary_writes_its_chart_and_red_flag_entries_first_escaped() {
    use aftercare_core::pages::{summary_chart, summary_tables};
    let a = with_notes(
        entry("a1", "2024-03-01T09:30", 7, &["fatigue"]),
        "short of breath <now>",
    );
    let b = entry("b2", "2024-03-02T20:00", 2, &["dizzy"]);
    let entries = [a, b];
    let (flagged, rest) = red_flags_first(&entries);
    let html = summary_tables(&flagged, &rest, "Symptom journal for 1 to 2 March 2024");
    let flags_at = html.find("summary-red-flags").unwrap();
    let rest_at = html.find("summary-rest-table").unwrap();
    assert!(flags_at < rest_at, "red flags first");
    assert!(
        html.contains(
            "<td data-label=\"Red flag\" class=\"summary-flag\">Chest pain or breathlessness</td>"
        ),
        "{html}"
    );
    assert!(html.contains("short of breath &lt;now&gt;"), "escaped");
    assert!(html.contains("<h2 class=\"summary-rest-title\">Other entries</h2>"));
    assert_eq!(
        html.matches("<tr>").count(),
        2 + 2,
        "two head rows, two entries"
    );
    assert!(html.contains("<td data-label=\"Severity\">2/10</td>"));
    // Only plain entries: no red-flag section and no "Other entries" heading.
    let (none, all) = red_flags_first(&entries[1..]);
    let plain = summary_tables(&none, &all, "p");
    assert!(!plain.contains("summary-red-flags") && !plain.contains("Other entries"));
    assert_eq!(summary_tables(&[], &[], "p"), "");

    let points = Journal::from_entries(entries.to_vec()).severity_points(None);
    let c = chart(&points, range("2024-03-01", "2024-03-02"), 640, 220);
    let svg = summary_chart(Some(&c), "2 entries <on> 2 days");
    assert_eq!(svg.matches("<circle").count(), 2);
    assert_eq!(svg.matches("<polyline").count(), 1);
    assert!(svg.contains("<desc id=\"chart-desc\">2 entries &lt;on&gt; 2 days</desc>"));
    assert!(svg.contains("role=\"img\""));
    assert_eq!(summary_chart(None, "x"), "");
}
