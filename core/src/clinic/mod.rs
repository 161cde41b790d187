//! The clinic that hosts this copy of Aftercare, if any: its name, practitioner, how to reach
//! it, and the region whose emergency numbers come first.
//!
//! The details come from an optional `content/clinic.toml` (or the file named by the
//! `AFTERCARE_CLINIC` environment variable at build time), checked by [`check`] and compiled
//! in by `core/build/clinic_gen.rs`. Without one, [`clinic`] is `None` and every page reads
//! as it always has. `content/clinic.example.toml` documents every field.

pub mod check;

/// A phone number: as people read it, and as a `tel:` link dials it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phone {
    /// As written in the clinic file ("020 7946 0958").
    pub label: &'static str,
    /// Digits with a leading `+` kept ("02079460958").
    pub dial: &'static str,
}

impl Phone {
    /// The `tel:` link that dials it.
    #[must_use]
    pub fn href(&self) -> String {
        format!("tel:{}", self.dial)
    }
}

/// The hosting clinic's details, as checked at build time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clinic {
    /// The practice's name.
    pub name: &'static str,
    /// The label under the home-screen icon (at most [`check::MAX_SHORT_NAME`] characters).
    pub short_name: &'static str,
    /// Who treats the patients.
    pub practitioner: Option<&'static str>,
    /// The practice's phone.
    pub phone: Option<Phone>,
    /// The practice's email address.
    pub email: Option<&'static str>,
    /// The booking page (https).
    pub booking: Option<&'static str>,
    /// The postal address, one line.
    pub address: Option<&'static str>,
    /// Opening hours, one line each.
    pub hours: &'static [&'static str],
    /// The region (a slug of `content/red-flags.toml`) whose numbers come first until the
    /// person picks one.
    pub region: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/clinic_data.rs"));

/// The clinic this copy was built for, or `None` (the usual case).
#[must_use]
pub fn clinic() -> Option<&'static Clinic> {
    CLINIC.as_ref()
}

impl Clinic {
    /// The installed app's name: "Aftercare: <name>".
    #[must_use]
    pub fn app_name(&self) -> String {
        format!("Aftercare: {}", self.name)
    }

    /// Who to contact, in words: "Dr Ana Ruiz at Riverside Clinic", or the practice alone.
    #[must_use]
    pub fn who(&self) -> String {
        match self.practitioner {
            Some(p) => format!("{p} at {}", self.name),
            None => self.name.to_owned(),
        }
    }

    /// A `mailto:` link to the clinic with `subject` and `body`, or `None` without an email.
    #[must_use]
    pub fn mailto(&self, subject: &str, body: &str) -> Option<String> {
        self.email.map(|to| mailto(to, subject, body))
    }
}

/// A `mailto:` link (RFC 6068): `to`, then the subject and body percent-encoded as UTF-8
/// (everything but unreserved characters, so spaces are `%20` and lines `%0D%0A`).
#[must_use]
pub fn mailto(to: &str, subject: &str, body: &str) -> String {
    let body = body.replace("\r\n", "\n").replace('\n', "\r\n");
    format!(
        "mailto:{}?subject={}&body={}",
        percent(to, "@"),
        percent(subject, ""),
        percent(&body, "")
    )
}

fn percent(text: &str, keep: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || keep.as_bytes().contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailto_encodes_subject_and_body_lines() {
        assert_eq!(
            mailto(
                "a.b+c@example.org",
                "My journal: 2 days",
                "Line one\nLine & two?"
            ),
            "mailto:a.b%2Bc@example.org?subject=My%20journal%3A%202%20days\
             &body=Line%20one%0D%0ALine%20%26%20two%3F"
        );
        assert_eq!(
            mailto("x@example.org", "é", ""),
            "mailto:x@example.org?subject=%C3%A9&body="
        );
    }

    #[test]
    fn who_names_the_practitioner_when_there_is_one() {
        let mut c = Clinic {
            name: "Riverside",
            short_name: "Riverside",
            practitioner: Some("Dr Ana Ruiz"),
            phone: None,
            email: None,
            booking: None,
            address: None,
            hours: &[],
            region: None,
        };
        assert_eq!(c.who(), "Dr Ana Ruiz at Riverside");
        assert_eq!(c.mailto("s", "b"), None);
        c.practitioner = None;
        assert_eq!(c.who(), "Riverside");
        assert_eq!(c.app_name(), "Aftercare: Riverside");
    }
}
