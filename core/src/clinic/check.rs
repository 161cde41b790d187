//! The rules a clinic file must meet, as plain functions over strings. The build
//! (`core/build/clinic_gen.rs`, which includes this file by path) refuses a clinic file that
//! breaks one, naming the file and the field; the native tests call the same functions.
//!
//! Self-contained on purpose: it imports nothing from the crate, so the build script can
//! compile it on its own.

/// The longest `short_name` (or `name`, when there is no `short_name`): the label under the
/// home-screen icon, which phones cut after about 12 characters (the web app manifest's
/// `short_name`).
pub const MAX_SHORT_NAME: usize = 12;
/// The longest practice name: it is shown in the footer of every page and in the installed
/// app's name ("Aftercare: <name>"), which stores and launchers cut after about 45 characters.
pub const MAX_NAME: usize = 34;
/// The fewest and most digits a phone number may have (E.164 allows at most 15).
pub const PHONE_DIGITS: (usize, usize) = (5, 15);

/// One fault of a clinic file: the field and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's key in the file ("phone", "booking"…).
    pub field: &'static str,
    /// What is wrong, in a sentence.
    pub message: String,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// A clinic file's fields as written, before they are checked.
#[derive(Debug, Default, Clone)]
pub struct Fields<'a> {
    /// The practice's name.
    pub name: &'a str,
    /// The icon label, if the name is too long for it.
    pub short_name: Option<&'a str>,
    /// Who treats the patients.
    pub practitioner: Option<&'a str>,
    /// The phone number as people read it ("020 7946 0958", "+1 (555) 010-0199").
    pub phone: Option<&'a str>,
    /// The email address.
    pub email: Option<&'a str>,
    /// The booking page (https only).
    pub booking: Option<&'a str>,
    /// The postal address, one line.
    pub address: Option<&'a str>,
    /// Opening hours, one line each.
    pub hours: &'a [String],
    /// The region whose emergency numbers come first (a slug of `content/red-flags.toml`).
    pub region: Option<&'a str>,
}

/// The phone number in the form a `tel:` link dials: digits, with a leading `+` kept
/// ("+44 20 7946 0958" → "+442079460958").
///
/// # Errors
/// When it has characters other than digits, spaces and `+ - ( ) .`, a `+` anywhere but
/// first, or too few or too many digits.
pub fn dial_form(phone: &str) -> Result<String, String> {
    let trimmed = phone.trim();
    let mut dial = String::new();
    for (i, c) in trimmed.char_indices() {
        match c {
            '+' if i == 0 => dial.push('+'),
            '0'..='9' => dial.push(c),
            ' ' | '-' | '(' | ')' | '.' => {}
            _ => {
                return Err(format!(
                    "\"{phone}\" is not a phone number: use digits, spaces and + - ( ) . only \
                     (a + only first)"
                ))
            }
        }
    }
    let digits = dial.trim_start_matches('+').len();
    let (min, max) = PHONE_DIGITS;
    if digits < min || digits > max {
        return Err(format!(
            "\"{phone}\" is not a phone number: it has {digits} digits; a number to dial has \
             {min} to {max}"
        ));
    }
    Ok(dial)
}

/// Checks a web link: `https://` and a host, no spaces or quotes.
///
/// # Errors
/// When it is `http:` or any other scheme, has no host, or has spaces, quotes or angle brackets.
pub fn https_link(url: &str) -> Result<(), String> {
    let Some(rest) = url.strip_prefix("https://") else {
        if url.to_ascii_lowercase().starts_with("http:") {
            return Err(format!(
                "\"{url}\" is http: patients' browsers warn on it and it can be altered on the \
                 way; use the https:// address"
            ));
        }
        return Err(format!(
            "\"{url}\" must be a web address starting with https://"
        ));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || !host.contains('.') {
        return Err(format!("\"{url}\" has no host name after https://"));
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '\''))
    {
        return Err(format!("\"{url}\" has a space, quote or angle bracket"));
    }
    Ok(())
}

/// Checks an email address: one `@`, something before it, a dotted domain after it, no
/// spaces or characters that would break a `mailto:` link.
///
/// # Errors
/// When it is not shaped like an address (a `mailto:` prefix included).
pub fn email(address: &str) -> Result<(), String> {
    let bad = || format!("\"{address}\" is not an email address (write it as name@example.org)");
    let (local, domain) = address.split_once('@').ok_or_else(bad)?;
    let ok_char = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    if local.is_empty()
        || !local.chars().all(ok_char)
        || domain.contains('@')
        || !domain.contains('.')
        || domain.starts_with('.')
        || domain.ends_with('.')
        || !domain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
    {
        return Err(bad());
    }
    Ok(())
}

fn text(field: &'static str, value: &str, errors: &mut Vec<FieldError>) {
    if value.trim().is_empty() {
        errors.push(FieldError {
            field,
            message: "is empty; leave the field out instead".to_owned(),
        });
    } else if value.contains(['<', '>']) || value.chars().any(char::is_control) {
        errors.push(FieldError {
            field,
            message: format!("\"{value}\" has angle brackets or control characters"),
        });
    }
}

/// Checks every field of a clinic file; `regions` are the known region slugs. Returns every
/// fault, in the file's order, or nothing.
#[must_use]
pub fn validate(f: &Fields<'_>, regions: &[&str]) -> Vec<FieldError> {
    let mut errors = Vec::new();
    text("name", f.name, &mut errors);
    let name_len = f.name.trim().chars().count();
    if name_len > MAX_NAME {
        errors.push(FieldError {
            field: "name",
            message: format!(
                "\"{}\" is {name_len} characters; at most {MAX_NAME} fit the installed app's name",
                f.name
            ),
        });
    }
    match f.short_name {
        Some(short) => {
            text("short_name", short, &mut errors);
            let n = short.trim().chars().count();
            if n > MAX_SHORT_NAME {
                errors.push(FieldError {
                    field: "short_name",
                    message: format!(
                        "\"{short}\" is {n} characters; the label under the home-screen icon \
                         shows at most {MAX_SHORT_NAME}"
                    ),
                });
            }
        }
        None if name_len > MAX_SHORT_NAME => errors.push(FieldError {
            field: "short_name",
            message: format!(
                "is missing, and the name \"{}\" is {name_len} characters: too long for the \
                 label under the home-screen icon; add a short_name of at most {MAX_SHORT_NAME}",
                f.name
            ),
        }),
        None => {}
    }
    if let Some(p) = f.practitioner {
        text("practitioner", p, &mut errors);
    }
    let mut fault = |field: &'static str, result: Result<(), String>| {
        if let Err(message) = result {
            errors.push(FieldError { field, message });
        }
    };
    if let Some(phone) = f.phone {
        fault("phone", dial_form(phone).map(|_| ()));
    }
    if let Some(address) = f.email {
        fault("email", email(address));
    }
    if let Some(url) = f.booking {
        fault("booking", https_link(url));
    }
    if f.phone.is_none() && f.email.is_none() && f.booking.is_none() {
        errors.push(FieldError {
            field: "phone",
            message: "a clinic needs a way to reach it: give a phone, an email or a booking link"
                .to_owned(),
        });
    }
    if let Some(a) = f.address {
        text("address", a, &mut errors);
    }
    for line in f.hours {
        text("hours", line, &mut errors);
    }
    if let Some(region) = f.region {
        if !regions.contains(&region) {
            errors.push(FieldError {
                field: "region",
                message: format!(
                    "unknown region \"{region}\"; use one of {} (see content/red-flags.toml)",
                    regions
                        .iter()
                        .map(|r| format!("\"{r}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
    }
    errors
}
