//! What the hosting clinic adds to the pages (`crate::clinic`): the contact box of "tell
//! your practitioner" cards and the journal summary (a tap-to-call button and the booking
//! link), the footer's "hosted by" line and the About page's section. Without a clinic every
//! writer here writes nothing, so the pages read as they always have.

use crate::clinic::{clinic, Clinic};
use crate::html::Html;

/// The class of the box holding a clinic's call button and booking link.
pub const CLINIC_CONTACT_CLASS: &str = "clinic-contact";

/// What goes inside the clinic's contact box (`<div class="clinic-contact">`): who to tell,
/// the call button and the booking link. Empty without a clinic.
#[must_use]
pub fn clinic_contact_inner() -> String {
    let mut h = Html::new();
    if let Some(c) = clinic() {
        contact_html(&mut h, c);
    }
    h.into_string()
}

fn contact_html(h: &mut Html, c: &Clinic) {
    h.open("p", &[("class", "clinic-who")])
        .text("Your practitioner: ")
        .leaf("strong", &[], &c.who())
        .close("p");
    h.open("p", &[("class", "clinic-actions")]);
    if let Some(phone) = c.phone {
        h.open(
            "a",
            &[("class", "button clinic-call"), ("href", &phone.href())],
        )
        .text("Call ")
        .text(phone.label)
        .close("a");
    }
    if let Some(url) = c.booking {
        h.leaf(
            "a",
            &[("class", "button secondary clinic-book"), ("href", url)],
            "Book or contact online",
        );
    }
    if let Some(email) = c.email {
        let href = format!("mailto:{email}");
        h.leaf("a", &[("class", "clinic-email"), ("href", &href)], email);
    }
    h.close("p");
}

/// The clinic's contact box, or nothing without a clinic.
pub(super) fn clinic_contact(h: &mut Html) {
    if let Some(c) = clinic() {
        h.open("div", &[("class", CLINIC_CONTACT_CLASS)]);
        contact_html(h, c);
        h.close("div");
    }
}

/// The footer's line naming who hosts this copy, or nothing without a clinic.
pub(super) fn footer_host(h: &mut Html) {
    let Some(c) = clinic() else {
        return;
    };
    h.open("p", &[("class", "clinic-host")])
        .text("This copy is hosted by ")
        .text(c.name)
        .text(" for its patients.");
    if let Some(phone) = c.phone {
        h.text(" ")
            .open("a", &[("href", &phone.href())])
            .text("Call ")
            .text(phone.label)
            .close("a");
    }
    h.close("p");
}

/// The About page's "Who hosts this copy" section, or nothing without a clinic.
pub(super) fn about_host(h: &mut Html, author: &str) {
    let Some(c) = clinic() else {
        return;
    };
    h.open(
        "section",
        &[("aria-labelledby", "host-title"), ("class", "clinic-about")],
    )
    .leaf("h2", &[("id", "host-title")], "Who hosts this copy")
    .leaf(
        "p",
        &[],
        &format!(
            "{} hosts this copy of Aftercare for its patients. The guide and the answers to \
             readers are by {author}. For questions about your own treatment, contact {}.",
            c.name,
            c.who()
        ),
    )
    .open("dl", &[("class", "clinic-details")]);
    row(h, "Practice", &|h| {
        h.text(c.name);
    });
    if let Some(p) = c.practitioner {
        row(h, "Practitioner", &|h| {
            h.text(p);
        });
    }
    if let Some(phone) = c.phone {
        row(h, "Phone", &|h| {
            h.leaf("a", &[("href", &phone.href())], phone.label);
        });
    }
    if let Some(email) = c.email {
        row(h, "Email", &|h| {
            h.leaf("a", &[("href", &format!("mailto:{email}"))], email);
        });
    }
    if let Some(url) = c.booking {
        row(h, "Book or contact online", &|h| {
            h.leaf("a", &[("href", url)], url);
        });
    }
    if let Some(a) = c.address {
        row(h, "Address", &|h| {
            h.text(a);
        });
    }
    if !c.hours.is_empty() {
        row(h, "Opening hours", &|h| {
            for (i, line) in c.hours.iter().enumerate() {
                if i > 0 {
                    h.open("br", &[]).close("br");
                }
                h.text(line);
            }
        });
    }
    h.close("dl").close("section");
}

/// One term and its description in the About page's list of the clinic's details.
fn row(h: &mut Html, term: &str, write: &dyn Fn(&mut Html)) {
    h.leaf("dt", &[], term).open("dd", &[]);
    write(h);
    h.close("dd");
}
