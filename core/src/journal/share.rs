//! What "Share with my practitioner" sends from the summary page: the file (the range's
//! entries as CSV), its name, and a short plain-text summary for the share sheet's text or an
//! email's body. The person's name and the "printed on" date are optional lines; the name is
//! never stored.

use super::date::{DateRange, LocalDate};
use super::view::date_label;

/// The summary file's name: `aftercare-summary-2024-01-01-to-2024-01-04.csv` (one date for
/// a single day).
#[must_use]
pub fn share_file_name(range: DateRange) -> String {
    if range.from == range.to {
        format!("aftercare-summary-{}.csv", range.from)
    } else {
        format!("aftercare-summary-{}-to-{}.csv", range.from, range.to)
    }
}

/// The period in words: "Symptom journal for 3 January 2024" or "Symptom journal from 1
/// January 2024 to 4 January 2024" (the summary page's heading line).
#[must_use]
pub fn summary_period(range: DateRange) -> String {
    if range.from == range.to {
        format!("Symptom journal for {}", date_label(range.from))
    } else {
        format!(
            "Symptom journal from {} to {}",
            date_label(range.from),
            date_label(range.to)
        )
    }
}

/// The plain-text summary shared with the file: the period, the person's name if given, the
/// figures sentence, when it was made, and the file's name.
#[must_use]
pub fn share_text(
    range: DateRange,
    sentence: &str,
    name: Option<&str>,
    printed_on: Option<LocalDate>,
) -> String {
    let mut out = summary_period(range);
    out.push('\n');
    if let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) {
        out.push_str("Name: ");
        out.push_str(name);
        out.push('\n');
    }
    out.push_str(sentence);
    out.push('\n');
    if let Some(day) = printed_on {
        out.push_str("Printed on ");
        out.push_str(&date_label(day));
        out.push('\n');
    }
    out.push_str("Every entry is in the file ");
    out.push_str(&share_file_name(range));
    out.push_str(" (a table: opens in a spreadsheet).\nMade with Aftercare.");
    out
}

/// An email's subject: "My symptom journal, 1 January 2024 to 4 January 2024" (with the
/// person's name when given).
#[must_use]
pub fn email_subject(range: DateRange, name: Option<&str>) -> String {
    let who = name.map(str::trim).filter(|n| !n.is_empty()).map_or_else(
        || "My symptom journal".to_owned(),
        |n| format!("Symptom journal of {n}"),
    );
    if range.from == range.to {
        format!("{who}, {}", date_label(range.from))
    } else {
        format!(
            "{who}, {} to {}",
            date_label(range.from),
            date_label(range.to)
        )
    }
}

/// An email's body: a greeting, the plain-text summary, and a reminder to attach the file,
/// which a `mailto:` link cannot do.
#[must_use]
pub fn email_body(text: &str, range: DateRange) -> String {
    format!(
        "Hello,\n\nHere is a summary of my symptom journal.\n\n{text}\n\n[Attach {} here before \
         sending.]\n",
        share_file_name(range)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: u16, m: u8, d: u8) -> LocalDate {
        LocalDate::new(y, m, d).unwrap_or_else(|| unreachable!())
    }

    #[test]
    fn names_and_text_follow_the_range() {
        let one = DateRange::new(day(2024, 1, 3), day(2024, 1, 3));
        let four = DateRange::new(day(2024, 1, 1), day(2024, 1, 4));
        assert_eq!(share_file_name(one), "aftercare-summary-2024-01-03.csv");
        assert_eq!(
            share_file_name(four),
            "aftercare-summary-2024-01-01-to-2024-01-04.csv"
        );
        assert_eq!(
            share_text(
                four,
                "12 entries.",
                Some(" Alex Doe "),
                Some(day(2024, 2, 1))
            ),
            "Symptom journal from 1 January 2024 to 4 January 2024\nName: Alex Doe\n12 entries.\n\
             Printed on 1 February 2024\nEvery entry is in the file \
             aftercare-summary-2024-01-01-to-2024-01-04.csv (a table: opens in a spreadsheet).\n\
             Made with Aftercare."
        );
        // No name, blank name: no "Name:" line.
        assert!(!share_text(one, "s", Some("  "), None).contains("Name:"));
        assert!(!share_text(one, "s", None, None).contains("Printed on"));
        assert_eq!(
            email_subject(one, None),
            "My symptom journal, 3 January 2024"
        );
        assert_eq!(
            email_subject(four, Some("Alex")),
            "Symptom journal of Alex, 1 January 2024 to 4 January 2024"
        );
        assert!(email_body("T", one).contains("[Attach aftercare-summary-2024-01-03.csv here"));
    }
}
