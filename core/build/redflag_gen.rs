//! Generates `red_flags_data.rs` from `content/red-flags.toml`: the regions with their
//! numbers, and one `RedFlag` per flag with its care card and the words that name it, for
//! `core/src/triage/red_flags.rs` to `include!`.
//!
//! Every fault stops the build naming the file, the flag and the fault: a flag without a
//! route, signs, actions, sources or synonyms; a level below "today"; an unknown symptom or
//! source; a region without an emergency number; a number that is not digits.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::triage_gen::{
    claim, claim_expr, level, level_expr, non_empty, read, route_expr, slugs, sources,
    sources_expr, variant, ClaimIn, Known,
};

const FILE: &str = "content/red-flags.toml";
const MAX_SIGNS: usize = 5;
const MAX_ACTIONS: usize = 4;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RedFlagsFile {
    region: Vec<RegionIn>,
    numbers: NumbersIn,
    flag: Vec<FlagIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NumbersIn {
    emergency: Vec<String>,
    crisis: Vec<String>,
    #[serde(rename = "same-day")]
    same_day: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContactIn {
    number: String,
    label: String,
    what: String,
    #[serde(default)]
    text: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SameDayIn {
    text: String,
    contacts: Vec<ContactIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionIn {
    slug: String,
    name: String,
    languages: Vec<String>,
    emergency: Vec<ContactIn>,
    crisis: Vec<ContactIn>,
    same_day: SameDayIn,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FlagIn {
    slug: String,
    title: String,
    level: String,
    route: String,
    heading: String,
    symptoms: Vec<String>,
    signs: Vec<ClaimIn>,
    actions: Vec<ClaimIn>,
    note: Option<ClaimIn>,
    synonyms: Vec<String>,
}

/// Reads, validates and compiles `content/red-flags.toml` into `OUT_DIR/red_flags_data.rs`.
pub fn run(content: &Path, out_dir: &Path) {
    let known = Known {
        sections: slugs(content, "article.toml", "section"),
        threads: slugs(content, "faq.toml", "thread"),
    };
    let symptoms = slugs(content, "symptoms.toml", "symptom");
    let file: RedFlagsFile = toml::from_str(&read(content, "red-flags.toml"))
        .unwrap_or_else(|e| panic!("{FILE}: invalid TOML: {e}"));
    validate(&file, &known, &symptoms);
    let out: PathBuf = out_dir.join("red_flags_data.rs");
    std::fs::write(&out, emit(&file))
        .unwrap_or_else(|e| panic!("redflag_gen: cannot write {}: {e}", out.display()));
}

/// The words of a synonym as the matcher compares them: lower case, apostrophes dropped
/// ("can't" → "cant"), split on anything that is not a letter or digit. The same rules as
/// the search's normaliser for the plain ASCII this file is written in.
fn synonym_words(synonym: &str) -> Vec<String> {
    synonym
        .to_lowercase()
        .replace(['\'', '’'], "")
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn validate(file: &RedFlagsFile, known: &Known, symptoms: &HashSet<String>) {
    assert!(!file.region.is_empty(), "{FILE}: no [[region]]");
    let mut region_slugs = HashSet::new();
    for r in &file.region {
        let what = format!("[[region]] \"{}\"", r.slug);
        assert!(
            region_slugs.insert(r.slug.as_str()),
            "{FILE}: {what}: slug used twice"
        );
        non_empty(FILE, &what, &r.name);
        assert!(
            !r.emergency.is_empty(),
            "{FILE}: {what}: has no emergency number; every region needs one"
        );
        non_empty(FILE, &format!("{what} same_day"), &r.same_day.text);
        for c in r
            .emergency
            .iter()
            .chain(&r.crisis)
            .chain(&r.same_day.contacts)
        {
            contact(&what, c);
        }
    }
    sources(FILE, "[numbers] emergency", &file.numbers.emergency, known);
    sources(FILE, "[numbers] crisis", &file.numbers.crisis, known);
    sources(FILE, "[numbers] same-day", &file.numbers.same_day, known);

    let mut flag_slugs = HashSet::new();
    for f in &file.flag {
        let what = format!("[[flag]] \"{}\"", f.slug);
        assert!(
            flag_slugs.insert(f.slug.as_str()),
            "{FILE}: {what}: slug used twice"
        );
        non_empty(FILE, &format!("{what} title"), &f.title);
        non_empty(FILE, &format!("{what} heading"), &f.heading);
        assert!(
            level(FILE, &what, &f.level) >= 2,
            "{FILE}: {what}: a red flag's level must be \"today\" or \"emergency\""
        );
        assert!(
            route_expr(&f.route).is_some(),
            "{FILE}: {what}: route \"{}\" is not one of \"emergency\", \"crisis\", \"same-day\"; \
             every red flag needs a route",
            f.route
        );
        assert!(
            f.route != "same-day" || f.level == "today",
            "{FILE}: {what}: an emergency must not send people to a same-day doctor"
        );
        assert!(
            f.route == "same-day" || f.level == "emergency",
            "{FILE}: {what}: a \"today\" flag must use the same-day route, not an emergency line"
        );
        assert!(
            !f.signs.is_empty() && f.signs.len() <= MAX_SIGNS,
            "{FILE}: {what}: has {} signs; a card has 1 to {MAX_SIGNS}",
            f.signs.len()
        );
        assert!(
            !f.actions.is_empty() && f.actions.len() <= MAX_ACTIONS,
            "{FILE}: {what}: has {} actions; a card has 1 to {MAX_ACTIONS}",
            f.actions.len()
        );
        for (i, c) in f.signs.iter().enumerate() {
            claim(FILE, &format!("{what} sign {}", i + 1), c, known);
        }
        for (i, c) in f.actions.iter().enumerate() {
            claim(FILE, &format!("{what} action {}", i + 1), c, known);
        }
        if let Some(note) = &f.note {
            claim(FILE, &format!("{what} note"), note, known);
        }
        for s in &f.symptoms {
            assert!(
                symptoms.contains(s),
                "{FILE}: {what}: unknown symptom \"{s}\" (see content/symptoms.toml)"
            );
        }
        assert!(
            !f.synonyms.is_empty(),
            "{FILE}: {what}: has no synonyms; search could never find it"
        );
        for s in &f.synonyms {
            assert!(
                !synonym_words(s).is_empty(),
                "{FILE}: {what}: synonym \"{s}\" has no words"
            );
        }
    }
    assert!(!file.flag.is_empty(), "{FILE}: no [[flag]]");
}

fn contact(what: &str, c: &ContactIn) {
    assert!(
        !c.number.is_empty() && c.number.chars().all(|ch| ch.is_ascii_digit()),
        "{FILE}: {what}: number \"{}\" must be digits only (it becomes a tel: link)",
        c.number
    );
    assert!(
        c.label
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            == c.number,
        "{FILE}: {what}: label \"{}\" does not show the number {}",
        c.label,
        c.number
    );
    non_empty(FILE, &format!("{what} contact {}", c.number), &c.what);
}

fn contacts_expr(list: &[ContactIn]) -> String {
    let items: Vec<String> = list
        .iter()
        .map(|c| {
            format!(
                "Contact {{ number: {:?}, label: {:?}, what: {:?}, text: {} }}",
                c.number, c.label, c.what, c.text
            )
        })
        .collect();
    format!("&[{}]", items.join(", "))
}

fn emit(file: &RedFlagsFile) -> String {
    let mut out = String::from(
        "// Generated by core/build/redflag_gen.rs from content/red-flags.toml. Do not edit.\n\n",
    );
    let _ = writeln!(out, "static REGIONS: [Region; {}] = [", file.region.len());
    for r in &file.region {
        let _ = writeln!(
            out,
            "    Region {{ slug: {:?}, name: {:?}, languages: &{:?}, emergency: {}, crisis: {}, \
             same_day_text: {:?}, same_day: {} }},",
            r.slug,
            r.name,
            r.languages,
            contacts_expr(&r.emergency),
            contacts_expr(&r.crisis),
            r.same_day.text,
            contacts_expr(&r.same_day.contacts),
        );
    }
    out.push_str("];\n\n");
    let _ = writeln!(
        out,
        "static NUMBER_SOURCES: [&[Source]; 3] = [{}, {}, {}];\n",
        sources_expr(&file.numbers.emergency),
        sources_expr(&file.numbers.crisis),
        sources_expr(&file.numbers.same_day)
    );

    let _ = writeln!(out, "static FLAGS: [RedFlag; {}] = [", file.flag.len());
    for f in &file.flag {
        let route = route_expr(&f.route).unwrap_or("CareRoute::Emergency");
        let symptoms: Vec<String> = f
            .symptoms
            .iter()
            .map(|s| format!("Symptom::{}", variant(s)))
            .collect();
        let signs: Vec<String> = f.signs.iter().map(claim_expr).collect();
        let actions: Vec<String> = f.actions.iter().map(claim_expr).collect();
        let synonyms: Vec<String> = f
            .synonyms
            .iter()
            .map(|s| synonym_words(s).join(" "))
            .collect();
        let _ = writeln!(
            out,
            "    RedFlag {{ slug: {:?}, title: {:?}, level: {}, route: {route}, heading: {:?}, \
             symptoms: &[{}], signs: &[{}], actions: &[{}], note: {}, synonyms: {:?} }},",
            f.slug,
            f.title,
            level_expr(&f.level),
            f.heading,
            symptoms.join(", "),
            signs.join(", "),
            actions.join(", "),
            f.note
                .as_ref()
                .map_or_else(|| "None".to_owned(), |n| format!("Some({})", claim_expr(n))),
            synonyms.join("|"),
        );
    }
    out.push_str("];\n\n");
    out
}
