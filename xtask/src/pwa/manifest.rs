//! Names the clinic's copy in the web app manifest: with a clinic file
//! (`aftercare_core::clinic`), `name` becomes "Aftercare: <practice>" and `short_name` (the
//! label under the home-screen icon) the clinic's short name, so a patient's installed app
//! says whose copy it is. Without a clinic the manifest is left exactly as committed.
//! Idempotent: run again on a finished site, it writes the same values.

use aftercare_core::clinic::Clinic;

/// The manifest's text with `name` and `short_name` set for `clinic`.
///
/// # Errors
/// When the manifest has no `"name"` or `"short_name"` string to replace.
pub fn apply(manifest: &str, clinic: &Clinic) -> Result<String, String> {
    let named = set(manifest, "name", &clinic.app_name())?;
    set(&named, "short_name", clinic.short_name)
}

/// Replaces the string value of the top-level `key` (its first occurrence).
fn set(json: &str, key: &str, value: &str) -> Result<String, String> {
    let pattern = format!("\"{key}\":");
    let start = json
        .find(&pattern)
        .ok_or_else(|| format!("the manifest has no \"{key}\""))?
        + pattern.len();
    let open = start
        + json[start..]
            .find('"')
            .ok_or_else(|| format!("the manifest's \"{key}\" is not a string"))?;
    // The closing quote is the first one not escaped by a backslash.
    let mut escaped = false;
    let mut close = None;
    for (i, c) in json[open + 1..].char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => {
                close = Some(open + 1 + i);
                break;
            }
            _ => escaped = false,
        }
    }
    let close = close.ok_or_else(|| format!("the manifest's \"{key}\" is not closed"))?;
    Ok(format!(
        "{}\"{}\"{}",
        &json[..open],
        escape(value),
        &json[close + 1..]
    ))
}

/// A JSON string's contents (the clinic check refuses control characters).
fn escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_clinic_and_stays_put_when_run_again() {
        let clinic = Clinic {
            name: "Maple \"Street\" Acupuncture",
            short_name: "Maple St",
            practitioner: None,
            phone: None,
            email: None,
            booking: None,
            address: None,
            hours: &[],
            region: None,
        };
        let manifest = "{\n  \"id\": \"./\",\n  \"name\": \"Aftercare: after acupuncture\",\n  \"short_name\": \"Aftercare\",\n  \"lang\": \"en\"\n}\n";
        let once = apply(manifest, &clinic).unwrap_or_default();
        assert_eq!(
            once,
            "{\n  \"id\": \"./\",\n  \"name\": \"Aftercare: Maple \\\"Street\\\" Acupuncture\",\n  \"short_name\": \"Maple St\",\n  \"lang\": \"en\"\n}\n"
        );
        assert_eq!(apply(&once, &clinic).unwrap_or_default(), once);
        assert!(apply("{}", &clinic).is_err());
    }
}
