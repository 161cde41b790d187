//! The clinic file's rules (`aftercare_core::clinic::check`), as the build applies them:
//! every fault names its field, and the shipped example and the test fixture pass.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use aftercare_core::clinic::check::{dial_form, validate, FieldError, Fields};
use aftercare_core::clinic::{clinic, mailto};
use aftercare_core::triage::Region;

fn regions() -> Vec<&'static str> {
    Region::all().iter().map(|r| r.slug).collect()
}

/// A valid clinic: every optional field filled.
fn good() -> Fields<'static> {
    Fields {
        name: "Riverside Acupuncture",
        short_name: Some("Riverside"),
        practitioner: Some("Dr Ana Ruiz"),
        phone: Some("+44 20 7946 0958"),
        email: Some("hello@riverside.example"),
        booking: Some("https://riverside.example/book"),
        address: Some("12 River Street"),
        hours: &[],
        region: Some("uk"),
    }
}

/// Checks that `fields` fails with exactly one fault, on `field`, whose message contains
/// `words`.
#[track_caller]
fn check(fields: &Fields<'_>, field: &str, words: &str) {
    let errors = validate(fields, &regions());
    assert_eq!(errors.len(), 1, "one fault expected, got {errors:?}");
    let FieldError {
        field: got,
        message,
    } = &errors[0];
    assert_eq!(*got, field, "{message}");
    assert!(message.contains(words), "{field}: {message}");
}

#[test]
fn a_complete_clinic_passes() {
    assert_eq!(validate(&good(), &regions()), vec![]);
    // The least a clinic needs: a short name and one way to reach it.
    let least = Fields {
        name: "Riverside",
        phone: Some("020 7946 0958"),
        ..Fields::default()
    };
    assert_eq!(validate(&least, &regions()), vec![]);
}

/// A valid clinic with one field changed (`None` leaves it out).
fn with(field: &str, value: Option<&'static str>) -> Fields<'static> {
    let mut f = good();
    match field {
        "name" => f.name = value.unwrap_or_default(),
        "short_name" => f.short_name = value,
        "practitioner" => f.practitioner = value,
        "phone" => f.phone = value,
        "email" => f.email = value,
        "booking" => f.booking = value,
        "region" => f.region = value,
        _ => unreachable!("no field {field}"),
    }
    f
}

#[test]
fn each_fault_names_its_field() {
    // (field changed, its value, field the fault names, words of the message)
    let cases = [
        ("phone", Some("call us"), "phone", "is not a phone number"),
        ("phone", Some("12 34"), "phone", "4 digits"),
        (
            "phone",
            Some("0044 20 7946 0958 1234"),
            "phone",
            "18 digits",
        ),
        ("phone", Some("44+20 7946"), "phone", "a + only first"),
        (
            "booking",
            Some("http://riverside.example/book"),
            "booking",
            "is http:",
        ),
        (
            "booking",
            Some("HTTP://riverside.example"),
            "booking",
            "is http:",
        ),
        ("booking", Some("riverside.example"), "booking", "https://"),
        ("booking", Some("https:///book"), "booking", "no host"),
        (
            "booking",
            Some("https://a.example/x y"),
            "booking",
            "a space",
        ),
        (
            "email",
            Some("mailto:x@riverside.example"),
            "email",
            "not an email",
        ),
        ("email", Some("hello@localhost"), "email", "not an email"),
        (
            "email",
            Some("a b@riverside.example"),
            "email",
            "not an email",
        ),
        (
            "short_name",
            Some("Riverside Clinic"),
            "short_name",
            "at most 12",
        ),
        ("short_name", None, "short_name", "add a short_name"),
        (
            "practitioner",
            Some("<b>Ana</b>"),
            "practitioner",
            "angle brackets",
        ),
        ("region", Some("fr"), "region", "unknown region \"fr\""),
    ];
    for (field, value, named, words) in cases {
        check(&with(field, value), named, words);
    }
    let long = "The Riverside Centre for Acupuncture and Health";
    check(&with("name", Some(long)), "name", "at most 34");
    check(
        &Fields {
            name: " ",
            short_name: Some("R"),
            ..good()
        },
        "name",
        "is empty",
    );
    let unreachable = Fields {
        phone: None,
        email: None,
        booking: None,
        ..good()
    };
    check(&unreachable, "phone", "a way to reach it");
    let hours = ["Monday".to_owned(), String::new()];
    check(
        &Fields {
            hours: &hours,
            ..good()
        },
        "hours",
        "is empty",
    );
}

#[test]
fn every_fault_is_reported_at_once() {
    let fields = Fields {
        phone: Some("none"),
        booking: Some("http://x.example"),
        region: Some("mars"),
        ..good()
    };
    let errors = validate(&fields, &regions());
    let named: Vec<&str> = errors.iter().map(|e| e.field).collect();
    assert_eq!(named, ["phone", "booking", "region"]);
    assert!(errors[1]
        .to_string()
        .starts_with("booking: \"http://x.example\" is http:"));
}

#[test]
fn phones_dial_as_digits_with_a_leading_plus() {
    assert_eq!(dial_form("+44 20 7946 0958").unwrap(), "+442079460958");
    assert_eq!(dial_form("+1 (555) 010-0199").unwrap(), "+15550100199");
    assert_eq!(dial_form(" 020.7946.0958 ").unwrap(), "02079460958");
}

/// The clinic files in the repository, read as the build reads them.
fn file_fields(text: &str) -> toml::Table {
    toml::from_str(text).unwrap()
}

#[track_caller]
fn check_file(path: &str) {
    let text =
        std::fs::read_to_string(format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let t = file_fields(&text);
    let s = |k: &str| t.get(k).and_then(toml::Value::as_str);
    let hours: Vec<String> = t
        .get("hours")
        .and_then(toml::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let fields = Fields {
        name: s("name").unwrap(),
        short_name: s("short_name"),
        practitioner: s("practitioner"),
        phone: s("phone"),
        email: s("email"),
        booking: s("booking"),
        address: s("address"),
        hours: &hours,
        region: s("region"),
    };
    assert_eq!(validate(&fields, &regions()), vec![], "{path}");
}

#[test]
fn the_example_and_the_test_fixture_are_valid() {
    check_file("content/clinic.example.toml");
    check_file("tests/fixtures/clinic.toml");
}

#[test]
fn the_default_build_names_no_clinic() {
    // `cargo test` runs without AFTERCARE_CLINIC and the repository has no
    // content/clinic.toml: the public copy reads as it always has.
    if std::env::var_os("AFTERCARE_CLINIC").is_none()
        && !std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../content/clinic.toml"
        ))
        .exists()
    {
        assert_eq!(clinic(), None);
    }
    assert!(mailto("a@b.example", "", "").starts_with("mailto:a@b.example?"));
}
