//! Generates `triage_data.rs` from `content/triage.toml`: one `SymptomTriage` static per
//! symptom with an exhaustive `match` from `Symptom` to it, the care cards, the disclaimer,
//! the level and time-band labels and the public sources, for `core/src/triage/mod.rs` to
//! `include!`.
//!
//! It reads `content/symptoms.toml`, `content/article.toml` and `content/faq.toml` itself
//! (only the slugs and the red-flag marks), so it never depends on the content generator's
//! code. Every fault a person can make while editing the triage file stops the build with a
//! message naming the file, the entry and the fault: a symptom without triage or an unknown
//! one, a claim without a source, a source that names no section or thread, a red flag that
//! is below "today", a time rule without its advice, a care card with too many bullets.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

const FILE: &str = "content/triage.toml";

/// The public sources: the key used in the TOML and the `PublicSource` variant in Rust, in
/// the variant's declaration order. `core/src/triage/mod.rs` declares the same list.
pub const PUBLIC_SOURCES: [(&str, &str); 14] = [
    ("nhs", "Nhs"),
    ("mayo-clinic", "MayoClinic"),
    ("nccih", "Nccih"),
    ("baumler-2021", "Baumler2021"),
    ("witt-2009", "Witt2009"),
    ("macpherson-thomas-2005", "MacPhersonThomas2005"),
    ("xu-2013", "Xu2013"),
    ("nhs-anaphylaxis", "NhsAnaphylaxis"),
    ("nhs-sepsis", "NhsSepsis"),
    ("nhs-cellulitis", "NhsCellulitis"),
    ("nhs-mental-health", "NhsMentalHealth"),
    ("lifeline-988", "Lifeline988"),
    ("samaritans", "Samaritans"),
    ("emergency-numbers", "EmergencyNumbers"),
];

/// "At most a few cards" and "at most five bullets" (NHS care-card style).
const MAX_CARDS: usize = 4;
const MAX_BULLETS: usize = 5;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TriageFile {
    levels: Levels,
    time_bands: TimeBands,
    disclaimer: Disclaimer,
    sources: BTreeMap<String, PublicSourceIn>,
    help: HelpIn,
    symptom: Vec<SymptomIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Levels {
    common: String,
    tell: String,
    today: String,
    emergency: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TimeBands {
    today: String,
    #[serde(rename = "1-3")]
    days_1_to_3: String,
    #[serde(rename = "4-14")]
    days_4_to_14: String,
    #[serde(rename = "15-28")]
    days_15_to_28: String,
    #[serde(rename = "28-plus")]
    longer: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Disclaimer {
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PublicSourceIn {
    name: String,
    citation: String,
    url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HelpIn {
    intro: ClaimIn,
    card: Vec<CardIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CardIn {
    level: String,
    urgency: String,
    /// Whose numbers the card lists: "emergency", "crisis" or "same-day"; none for a card
    /// that sends people to their practitioner.
    route: Option<String>,
    heading: String,
    bullets: Vec<ClaimIn>,
    note: Option<ClaimIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimIn {
    pub text: String,
    pub sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LastsIn {
    min_days: Option<u16>,
    max_days: Option<u16>,
    text: String,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleIn {
    when: String,
    level: String,
    after_days: Option<u16>,
    do_now: Option<String>,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SymptomIn {
    symptom: String,
    level: String,
    about: ClaimIn,
    lasts: Option<LastsIn>,
    do_now: ClaimIn,
    #[serde(default)]
    helps: Vec<ClaimIn>,
    #[serde(default)]
    get_help: Vec<RuleIn>,
}

/// The part of `content/symptoms.toml` triage needs; other fields are the content
/// generator's business, so they are ignored here rather than denied.
#[derive(Deserialize)]
struct TaxonomyFile {
    symptom: Vec<TaxonomyEntry>,
}

#[derive(Deserialize)]
struct TaxonomyEntry {
    slug: String,
    red_flag: bool,
}

/// What a source string may name, read from the content files.
pub struct Known {
    pub sections: HashSet<String>,
    pub threads: HashSet<String>,
}

/// Reads, validates and compiles `content/triage.toml` into `OUT_DIR/triage_data.rs`.
pub fn run() {
    let manifest = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR")
            .unwrap_or_else(|| panic!("triage_gen: CARGO_MANIFEST_DIR is not set")),
    );
    let content = manifest.join("..").join("content");
    let out_dir = PathBuf::from(
        std::env::var_os("OUT_DIR").unwrap_or_else(|| panic!("triage_gen: OUT_DIR is not set")),
    );

    let taxonomy: TaxonomyFile = toml::from_str(&read(&content, "symptoms.toml"))
        .unwrap_or_else(|e| panic!("content/symptoms.toml: invalid for triage: {e}"));
    let known = Known {
        sections: slugs(&content, "article.toml", "section"),
        threads: slugs(&content, "faq.toml", "thread"),
    };
    let file: TriageFile = toml::from_str(&read(&content, "triage.toml"))
        .unwrap_or_else(|e| panic!("{FILE}: invalid TOML: {e}"));

    validate(&file, &taxonomy, &known);
    let code = emit(&file, &taxonomy);
    let out = out_dir.join("triage_data.rs");
    std::fs::write(&out, code)
        .unwrap_or_else(|e| panic!("triage_gen: cannot write {}: {e}", out.display()));
}

pub fn read(dir: &Path, name: &str) -> String {
    let path = dir.join(name);
    println!("cargo:rerun-if-changed={}", path.display());
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("content/{name}: cannot read {}: {e}", path.display()))
}

/// The `slug` of every `[[table]]` entry in a content file, read loosely so that the
/// content generator stays free to add fields.
pub fn slugs(dir: &Path, name: &str, table: &str) -> HashSet<String> {
    let value: toml::Value = toml::from_str(&read(dir, name))
        .unwrap_or_else(|e| panic!("content/{name}: invalid TOML: {e}"));
    value
        .get(table)
        .and_then(toml::Value::as_array)
        .unwrap_or_else(|| panic!("content/{name}: no [[{table}]] entries for triage to cite"))
        .iter()
        .filter_map(|entry| entry.get("slug").and_then(toml::Value::as_str))
        .map(str::to_owned)
        .collect()
}

// ---------------------------------------------------------------------------------------
// Validation: every check names the file, the entry and the fault.

fn validate(file: &TriageFile, taxonomy: &TaxonomyFile, known: &Known) {
    for (what, text) in [
        ("[levels] common", &file.levels.common),
        ("[levels] tell", &file.levels.tell),
        ("[levels] today", &file.levels.today),
        ("[levels] emergency", &file.levels.emergency),
        ("[time_bands] today", &file.time_bands.today),
        ("[time_bands] 1-3", &file.time_bands.days_1_to_3),
        ("[time_bands] 4-14", &file.time_bands.days_4_to_14),
        ("[time_bands] 15-28", &file.time_bands.days_15_to_28),
        ("[time_bands] 28-plus", &file.time_bands.longer),
        ("[disclaimer] text", &file.disclaimer.text),
    ] {
        non_empty(FILE, what, text);
    }

    for key in file.sources.keys() {
        assert!(
            PUBLIC_SOURCES.iter().any(|(k, _)| k == key),
            "{FILE}: [sources.{key}] is not a known public source; the known ones are {}",
            public_keys()
        );
    }
    for (key, _) in PUBLIC_SOURCES {
        let source = file
            .sources
            .get(key)
            .unwrap_or_else(|| panic!("{FILE}: [sources.{key}] is missing"));
        non_empty(FILE, &format!("[sources.{key}] name"), &source.name);
        non_empty(FILE, &format!("[sources.{key}] citation"), &source.citation);
    }

    claim(FILE, "[help] intro", &file.help.intro, known);
    assert!(
        !file.help.card.is_empty() && file.help.card.len() <= MAX_CARDS,
        "{FILE}: [[help.card]]: there are {} cards; the page needs 1 to {MAX_CARDS}",
        file.help.card.len()
    );
    for (i, card) in file.help.card.iter().enumerate() {
        let what = format!("[[help.card]] {} (\"{}\")", i + 1, card.heading);
        level(FILE, &what, &card.level);
        non_empty(FILE, &format!("{what} urgency"), &card.urgency);
        assert!(
            card.route
                .as_deref()
                .is_none_or(|r| route_expr(r).is_some()),
            "{FILE}: {what}: route must be \"emergency\", \"crisis\" or \"same-day\""
        );
        non_empty(FILE, &format!("{what} heading"), &card.heading);
        assert!(
            !card.bullets.is_empty() && card.bullets.len() <= MAX_BULLETS,
            "{FILE}: {what}: has {} bullets; a care card has 1 to {MAX_BULLETS}",
            card.bullets.len()
        );
        for (j, bullet) in card.bullets.iter().enumerate() {
            claim(FILE, &format!("{what} bullet {}", j + 1), bullet, known);
        }
        if let Some(note) = &card.note {
            claim(FILE, &format!("{what} note"), note, known);
        }
    }

    let taxonomy_slugs: Vec<&str> = taxonomy.symptom.iter().map(|s| s.slug.as_str()).collect();
    let mut seen = HashSet::new();
    for (i, entry) in file.symptom.iter().enumerate() {
        let what = format!("[[symptom]] {} (\"{}\")", i + 1, entry.symptom);
        let Some(tax) = taxonomy.symptom.iter().find(|s| s.slug == entry.symptom) else {
            panic!(
                "{FILE}: {what}: unknown symptom slug \"{}\"; content/symptoms.toml has {}",
                entry.symptom,
                taxonomy_slugs.join(", ")
            );
        };
        assert!(
            seen.insert(entry.symptom.as_str()),
            "{FILE}: {what}: symptom \"{}\" has triage twice",
            entry.symptom
        );
        symptom(&what, entry, tax, known);
    }
    for slug in &taxonomy_slugs {
        assert!(
            seen.contains(slug),
            "{FILE}: symptom \"{slug}\" (from content/symptoms.toml) has no [[symptom]] entry: \
             every symptom needs a level, a get_help rule and sources"
        );
    }
}

fn symptom(what: &str, entry: &SymptomIn, tax: &TaxonomyEntry, known: &Known) {
    let base = level(FILE, what, &entry.level);
    assert!(
        !tax.red_flag || base >= 2,
        "{FILE}: {what}: is a red flag in content/symptoms.toml, so its level must be \"today\" \
         or \"emergency\""
    );
    claim(FILE, &format!("{what} about"), &entry.about, known);
    claim(FILE, &format!("{what} do_now"), &entry.do_now, known);
    for (j, help) in entry.helps.iter().enumerate() {
        claim(FILE, &format!("{what} helps {}", j + 1), help, known);
    }
    if let Some(lasts) = &entry.lasts {
        let lw = format!("{what} lasts");
        non_empty(FILE, &lw, &lasts.text);
        sources(FILE, &lw, &lasts.sources, known);
        if let (Some(min), Some(max)) = (lasts.min_days, lasts.max_days) {
            assert!(
                min <= max,
                "{FILE}: {lw}: min_days {min} is more than max_days {max}"
            );
        }
        assert!(
            lasts.max_days.is_some() || lasts.min_days.is_none(),
            "{FILE}: {lw}: min_days without max_days says nothing about when it ends"
        );
    }
    assert!(
        !entry.get_help.is_empty(),
        "{FILE}: {what}: has no get_help rule; every symptom needs at least one \"when to get \
         help\" rule"
    );
    for (j, rule) in entry.get_help.iter().enumerate() {
        let rw = format!("{what} get_help {} (\"{}\")", j + 1, rule.when);
        non_empty(FILE, &rw, &rule.when);
        let rule_level = level(FILE, &rw, &rule.level);
        sources(FILE, &rw, &rule.sources, known);
        match (rule.after_days, &rule.do_now) {
            (Some(days), Some(do_now)) => {
                non_empty(FILE, &format!("{rw} do_now"), do_now);
                assert!(
                    rule_level >= base,
                    "{FILE}: {rw}: a time rule may only keep or raise the level, never lower it"
                );
                if let Some(max) = entry.lasts.as_ref().and_then(|l| l.max_days) {
                    assert!(
                        days >= max,
                        "{FILE}: {rw}: after_days {days} is inside the usual {max} days, so it \
                         would call a normal course abnormal"
                    );
                }
            }
            (Some(_), None) => panic!(
                "{FILE}: {rw}: has after_days but no do_now; the checker needs what to do once \
                 the rule applies"
            ),
            (None, Some(_)) => panic!(
                "{FILE}: {rw}: has do_now but no after_days; only time rules replace the advice"
            ),
            (None, None) => {}
        }
    }
}

pub fn non_empty(file: &str, what: &str, text: &str) {
    assert!(!text.trim().is_empty(), "{file}: {what}: text is empty");
}

/// The level's rank: 0 common, 1 tell, 2 today, 3 emergency.
pub fn level(file: &str, what: &str, text: &str) -> u8 {
    match text {
        "common" => 0,
        "tell" => 1,
        "today" => 2,
        "emergency" => 3,
        other => panic!(
            "{file}: {what}: level \"{other}\" is not one of \"common\", \"tell\", \"today\", \
             \"emergency\""
        ),
    }
}

pub fn claim(file: &str, what: &str, claim: &ClaimIn, known: &Known) {
    non_empty(file, what, &claim.text);
    sources(file, what, &claim.sources, known);
}

pub fn sources(file: &str, what: &str, list: &[String], known: &Known) {
    assert!(
        !list.is_empty(),
        "{file}: {what}: names no source; every claim needs one"
    );
    for s in list {
        if let Err(e) = check_source(s, known) {
            panic!("{file}: {what}: source \"{s}\": {e}");
        }
    }
}

fn public_keys() -> String {
    PUBLIC_SOURCES
        .iter()
        .map(|(k, _)| format!("\"{k}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A source string, parsed: "article:<section>", "reply:<thread>", a public key, or "own"
/// (the app's own guidance, labelled as such).
enum SourceRef<'a> {
    Article(&'a str),
    Reply(&'a str),
    Public(&'static str),
    Own,
}

fn parse_source(s: &str) -> Result<SourceRef<'_>, String> {
    if s == "own" {
        Ok(SourceRef::Own)
    } else if let Some(slug) = s.strip_prefix("article:") {
        Ok(SourceRef::Article(slug))
    } else if let Some(slug) = s.strip_prefix("reply:") {
        Ok(SourceRef::Reply(slug))
    } else if let Some((_, variant)) = PUBLIC_SOURCES.iter().find(|(k, _)| *k == s) {
        Ok(SourceRef::Public(variant))
    } else {
        Err(format!(
            "not \"article:<section>\", \"reply:<thread>\", \"own\" or one of {}",
            public_keys()
        ))
    }
}

/// Whether a source string parses and names a section or thread that exists.
fn check_source(s: &str, known: &Known) -> Result<(), String> {
    match parse_source(s)? {
        SourceRef::Article(slug) if !known.sections.contains(slug) => Err(format!(
            "content/article.toml has no section with slug \"{slug}\""
        )),
        SourceRef::Reply(slug) if !known.threads.contains(slug) => Err(format!(
            "content/faq.toml has no thread with slug \"{slug}\""
        )),
        _ => Ok(()),
    }
}

// ---------------------------------------------------------------------------------------
// Emission. Validation ran first, so the fallbacks below are never taken.

/// `needle-left-in` becomes `NeedleLeftIn`: the content generator's naming of `Symptom`.
pub fn variant(slug: &str) -> String {
    slug.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// The `CareRoute` variant for a route key, if it is one.
pub fn route_expr(key: &str) -> Option<&'static str> {
    match key {
        "emergency" => Some("CareRoute::Emergency"),
        "crisis" => Some("CareRoute::Crisis"),
        "same-day" => Some("CareRoute::SameDay"),
        _ => None,
    }
}

pub fn level_expr(text: &str) -> &'static str {
    match text {
        "tell" => "Level::Tell",
        "today" => "Level::Today",
        "emergency" => "Level::Emergency",
        _ => "Level::Common",
    }
}

pub fn sources_expr(list: &[String]) -> String {
    let mut out = String::from("&[");
    for s in list {
        match parse_source(s) {
            Ok(SourceRef::Article(slug)) => {
                let _ = write!(out, "Source::Article({slug:?}), ");
            }
            Ok(SourceRef::Reply(slug)) => {
                let _ = write!(out, "Source::AuthorReply({slug:?}), ");
            }
            Ok(SourceRef::Public(variant)) => {
                let _ = write!(out, "Source::Public(PublicSource::{variant}), ");
            }
            Ok(SourceRef::Own) => out.push_str("Source::Own, "),
            Err(_) => {}
        }
    }
    out.push(']');
    out
}

pub fn claim_expr(c: &ClaimIn) -> String {
    format!(
        "Claim {{ text: {:?}, sources: {} }}",
        c.text,
        sources_expr(&c.sources)
    )
}

fn option_u16(v: Option<u16>) -> String {
    v.map_or_else(|| "None".to_owned(), |d| format!("Some({d})"))
}

fn option_str(v: Option<&String>) -> String {
    v.map_or_else(|| "None".to_owned(), |s| format!("Some({s:?})"))
}

fn emit(file: &TriageFile, taxonomy: &TaxonomyFile) -> String {
    let mut out = String::from(
        "// Generated by core/build/triage_gen.rs from content/triage.toml. Do not edit.\n\n",
    );

    let _ = writeln!(
        out,
        "static LEVEL_LABELS: [&str; 4] = [{:?}, {:?}, {:?}, {:?}];",
        file.levels.common, file.levels.tell, file.levels.today, file.levels.emergency
    );
    let _ = writeln!(
        out,
        "static TIME_BAND_LABELS: [&str; 5] = [{:?}, {:?}, {:?}, {:?}, {:?}];",
        file.time_bands.today,
        file.time_bands.days_1_to_3,
        file.time_bands.days_4_to_14,
        file.time_bands.days_15_to_28,
        file.time_bands.longer
    );
    let _ = writeln!(out, "static DISCLAIMER: &str = {:?};", file.disclaimer.text);

    out.push_str("static PUBLIC_SOURCES: [PublicSourceInfo; 14] = [\n");
    for (key, _) in PUBLIC_SOURCES {
        if let Some(s) = file.sources.get(key) {
            let _ = writeln!(
                out,
                "    PublicSourceInfo {{ key: {key:?}, name: {:?}, citation: {:?}, url: {} }},",
                s.name,
                s.citation,
                option_str(s.url.as_ref())
            );
        }
    }
    out.push_str("];\n\n");

    let _ = writeln!(
        out,
        "static HELP_INTRO: Claim = {};",
        claim_expr(&file.help.intro)
    );
    let _ = writeln!(
        out,
        "static HELP_CARDS: [CareCard; {}] = [",
        file.help.card.len()
    );
    for card in &file.help.card {
        let bullets: Vec<String> = card.bullets.iter().map(claim_expr).collect();
        let _ = writeln!(
            out,
            "    CareCard {{ level: {}, urgency: {:?}, route: {}, heading: {:?}, bullets: &[{}], note: {} }},",
            level_expr(&card.level),
            card.urgency,
            card.route
                .as_deref()
                .and_then(route_expr)
                .map_or_else(|| "None".to_owned(), |r| format!("Some({r})")),
            card.heading,
            bullets.join(", "),
            card.note
                .as_ref()
                .map_or_else(|| "None".to_owned(), |n| format!("Some({})", claim_expr(n)))
        );
    }
    out.push_str("];\n\n");

    // One static per symptom, in taxonomy order, and an exhaustive match to it: a symptom
    // added to the taxonomy without triage fails `validate` above, and would not compile.
    for tax in &taxonomy.symptom {
        let Some(entry) = file.symptom.iter().find(|s| s.symptom == tax.slug) else {
            continue;
        };
        emit_symptom(&mut out, entry);
    }
    out.push_str(
        "/// The triage of one symptom; exhaustive, so every symptom has one.\n\
         fn triage_of(symptom: Symptom) -> &'static SymptomTriage {\n    match symptom {\n",
    );
    for tax in &taxonomy.symptom {
        let v = variant(&tax.slug);
        let _ = writeln!(
            out,
            "        Symptom::{v} => &TRIAGE_{},",
            v.to_ascii_uppercase()
        );
    }
    out.push_str("    }\n}\n");
    // The level alone, apart from the words: code that only needs the level (the journal's
    // entry cards) then links none of the triage's text.
    let levels: Vec<&str> = taxonomy
        .symptom
        .iter()
        .filter_map(|tax| file.symptom.iter().find(|s| s.symptom == tax.slug))
        .map(|entry| level_expr(&entry.level))
        .collect();
    let _ = writeln!(
        out,
        "/// The usual level of each symptom, in taxonomy (declaration) order.\n\
         static LEVELS: [Level; {}] = [{}];\n\
         fn level_of(symptom: Symptom) -> Level {{\n    LEVELS[symptom as usize]\n}}",
        levels.len(),
        levels.join(", ")
    );
    out
}

fn emit_symptom(out: &mut String, entry: &SymptomIn) {
    let v = variant(&entry.symptom);
    let lasts = entry.lasts.as_ref().map_or_else(
        || "None".to_owned(),
        |l| {
            format!(
                "Some(Lasts {{ min_days: {}, max_days: {}, text: {:?}, sources: {} }})",
                option_u16(l.min_days),
                option_u16(l.max_days),
                l.text,
                sources_expr(&l.sources)
            )
        },
    );
    let helps: Vec<String> = entry.helps.iter().map(claim_expr).collect();
    let rules: Vec<String> = entry
        .get_help
        .iter()
        .map(|r| {
            format!(
                "Rule {{ when: {:?}, level: {}, after_days: {}, do_now: {}, sources: {} }}",
                r.when,
                level_expr(&r.level),
                option_u16(r.after_days),
                option_str(r.do_now.as_ref()),
                sources_expr(&r.sources)
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "static TRIAGE_{upper}: SymptomTriage = SymptomTriage {{\n    symptom: Symptom::{v},\n    \
         level: {level},\n    about: {about},\n    lasts: {lasts},\n    do_now: {do_now},\n    \
         helps: &[{helps}],\n    get_help: &[{rules}],\n}};\n",
        upper = v.to_ascii_uppercase(),
        level = level_expr(&entry.level),
        about = claim_expr(&entry.about),
        do_now = claim_expr(&entry.do_now),
        helps = helps.join(", "),
        rules = rules.join(",\n        "),
    );
}
