//! Triage data and the symptom checker's rules, tested against the real content.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use aftercare_core::content::{EntryId, Symptom};
use aftercare_core::triage::{
    check, disclaimer, help_cards, help_intro, overall, triage, CareRoute, Claim, Level, PastUsual,
    PublicSource, RedFlag, Source, TimeBand,
};

fn sym(slug: &str) -> Symptom {
    Symptom::from_slug(slug).unwrap_or_else(|| panic!("no symptom {slug}"))
}

fn band(slug: &str) -> TimeBand {
    TimeBand::from_slug(slug).unwrap_or_else(|| panic!("no band {slug}"))
}

/// Every sentence people read, with where it is, for the wording tests.
fn all_texts() -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for l in Level::ALL {
        out.push((format!("level {}", l.slug()), l.label()));
    }
    for b in TimeBand::ALL {
        out.push((format!("band {}", b.slug()), b.label()));
    }
    out.push(("disclaimer".into(), disclaimer()));
    out.push(("help intro".into(), help_intro().text));
    for (i, c) in help_cards().iter().enumerate() {
        out.push((format!("card {i} heading"), c.heading));
        out.push((format!("card {i} urgency"), c.urgency));
        for (j, b) in c.bullets.iter().enumerate() {
            out.push((format!("card {i} bullet {j}"), b.text));
        }
        if let Some(n) = &c.note {
            out.push((format!("card {i} note"), n.text));
        }
    }
    for &s in Symptom::ALL {
        let t = triage(s);
        let at = |what: &str| format!("{} {what}", s.slug());
        out.push((at("about"), t.about.text));
        out.push((at("do_now"), t.do_now.text));
        if let Some(l) = &t.lasts {
            out.push((at("lasts"), l.text));
        }
        for h in t.helps {
            out.push((at("helps"), h.text));
        }
        for r in t.get_help {
            out.push((at("get_help when"), r.when));
            if let Some(d) = r.do_now {
                out.push((at("get_help do_now"), d));
            }
        }
    }
    // The red-flag care cards (content/red-flags.toml) are read in a hurry: the same rules.
    for f in RedFlag::all() {
        let at = |what: &str| format!("red flag {} {what}", f.slug);
        out.push((at("title"), f.title));
        out.push((at("heading"), f.heading));
        for c in f.signs {
            out.push((at("sign"), c.text));
        }
        for c in f.actions {
            out.push((at("action"), c.text));
        }
        if let Some(n) = &f.note {
            out.push((at("note"), n.text));
        }
    }
    out
}

/// Every claim with sources, for the source tests.
fn all_claim_sources() -> Vec<(String, &'static [Source])> {
    let mut out: Vec<(String, &'static [Source])> = Vec::new();
    let claim = |out: &mut Vec<_>, what: String, c: &'static Claim| out.push((what, c.sources));
    claim(&mut out, "help intro".into(), help_intro());
    for (i, c) in help_cards().iter().enumerate() {
        for (j, b) in c.bullets.iter().enumerate() {
            claim(&mut out, format!("card {i} bullet {j}"), b);
        }
        if let Some(n) = &c.note {
            claim(&mut out, format!("card {i} note"), n);
        }
    }
    for &s in Symptom::ALL {
        let t = triage(s);
        claim(&mut out, format!("{} about", s.slug()), &t.about);
        claim(&mut out, format!("{} do_now", s.slug()), &t.do_now);
        if let Some(l) = &t.lasts {
            out.push((format!("{} lasts", s.slug()), l.sources));
        }
        for h in t.helps {
            claim(&mut out, format!("{} helps", s.slug()), h);
        }
        for r in t.get_help {
            out.push((format!("{} rule {:?}", s.slug(), r.when), r.sources));
        }
    }
    for f in RedFlag::all() {
        for c in f.signs {
            claim(
                &mut out,
                format!("red flag {} sign {:?}", f.slug, c.text),
                c,
            );
        }
        for c in f.actions {
            claim(
                &mut out,
                format!("red flag {} action {:?}", f.slug, c.text),
                c,
            );
        }
        if let Some(n) = &f.note {
            claim(&mut out, format!("red flag {} note", f.slug), n);
        }
    }
    out
}

#[test]
fn every_symptom_has_a_level_a_get_help_rule_and_a_source() {
    for &s in Symptom::ALL {
        let t = triage(s);
        assert_eq!(
            t.symptom,
            s,
            "{}: triage row is for another symptom",
            s.slug()
        );
        assert!(Level::ALL.contains(&t.level), "{}: no level", s.slug());
        assert!(
            !t.get_help.is_empty(),
            "{}: no \"when to get help\" rule",
            s.slug()
        );
        assert!(!t.sources().is_empty(), "{}: no source", s.slug());
        assert!(
            !t.about.sources.is_empty(),
            "{}: about has no source",
            s.slug()
        );
    }
}

#[test]
fn every_claim_names_a_source() {
    for (what, sources) in all_claim_sources() {
        assert!(!sources.is_empty(), "{what}: no source");
    }
}

#[test]
fn every_section_and_thread_a_source_names_exists() {
    let mut named = 0;
    for (what, sources) in all_claim_sources() {
        for &s in sources {
            match (s, s.entry()) {
                (Source::Own, e) => assert!(e.is_none(), "{what}: own guidance has no entry"),
                (Source::Article(slug), e) => {
                    named += 1;
                    assert!(
                        matches!(e, Some(EntryId::Section(_))),
                        "{what}: article section {slug:?} does not exist"
                    );
                }
                (Source::AuthorReply(slug), e) => {
                    named += 1;
                    let thread = e.and_then(EntryId::thread);
                    assert!(thread.is_some(), "{what}: thread {slug:?} does not exist");
                    // A reply is only a source if the author actually replied there.
                    assert!(
                        thread.is_some_and(aftercare_core::content::Thread::is_answered),
                        "{what}: thread {slug:?} has no reply by the author"
                    );
                }
                (Source::Public(_), e) => assert_eq!(e, None, "{what}: public source has an entry"),
            }
        }
    }
    assert!(
        named > 20,
        "the data should cite the article and replies often, got {named}"
    );
}

#[test]
fn every_public_source_is_described_and_cited_somewhere() {
    let cited: Vec<Source> = all_claim_sources()
        .into_iter()
        .flat_map(|(_, s)| s.iter().copied())
        .collect();
    let mut keys = Vec::new();
    for p in PublicSource::ALL {
        assert!(!p.name().is_empty(), "{p:?}: no name");
        assert!(!p.citation().is_empty(), "{p:?}: no citation");
        assert!(
            p.url().is_none_or(|u| u.starts_with("https://")),
            "{p:?}: url is not https"
        );
        assert!(!keys.contains(&p.key()), "{p:?}: duplicate key");
        keys.push(p.key());
        assert!(cited.contains(&Source::Public(p)), "{p:?} is never cited");
    }
}

/// Reading age 9–11: every sentence under 20 words.
#[test]
fn no_sentence_is_20_words_or_longer() {
    for (what, text) in all_texts() {
        assert!(!text.trim().is_empty(), "{what}: empty text");
        for sentence in text.split(['.', '!', '?']) {
            let words = sentence.split_whitespace().count();
            assert!(
                words < 20,
                "{what}: sentence of {words} words: {:?}",
                sentence.trim()
            );
        }
    }
}

#[test]
fn no_text_uses_percentages_or_abbreviations_a_child_would_trip_on() {
    for (what, text) in all_texts() {
        for bad in ["%", "e.g.", "i.e.", "etc.", " vs "] {
            assert!(!text.contains(bad), "{what}: uses {bad:?}: {text:?}");
        }
    }
}

#[test]
fn level_labels_and_order() {
    #[track_caller]
    fn check_level(level: Level, slug: &str, label: &str) {
        assert_eq!(level.slug(), slug);
        assert_eq!(level.label(), label);
    }
    check_level(Level::Common, "common", "Common, usually passes");
    check_level(Level::Tell, "tell", "Tell your practitioner");
    check_level(Level::Today, "today", "See a doctor today");
    check_level(Level::Emergency, "emergency", "Emergency: get help now");
    assert!(
        Level::Common < Level::Tell
            && Level::Tell < Level::Today
            && Level::Today < Level::Emergency
    );
    assert_eq!(Level::ALL.iter().max(), Some(&Level::Emergency));
}

#[test]
fn time_band_slugs_labels_and_parsing() {
    #[track_caller]
    fn check_band(slug: &str, expected: Option<TimeBand>) {
        assert_eq!(TimeBand::from_slug(slug), expected, "from_slug({slug:?})");
        if let Some(b) = expected {
            assert_eq!(b.slug(), slug);
            assert!(!b.label().is_empty());
        }
    }
    check_band("today", Some(TimeBand::Today));
    check_band("1-3", Some(TimeBand::Days1To3));
    check_band("4-14", Some(TimeBand::Days4To14));
    check_band("15-28", Some(TimeBand::Days15To28));
    check_band("28-plus", Some(TimeBand::Longer));
    // The old "more than 2 weeks" address still reads, as 2 to 4 weeks.
    assert_eq!(TimeBand::from_slug("longer"), Some(TimeBand::Days15To28));
    check_band("", None);
    check_band("Today", None);
    check_band("1-4", None);
    check_band("14", None);
    check_band("longer ", None);
    // The bands tile the days after a session with no gap or overlap.
    for pair in TimeBand::ALL.windows(2) {
        assert_eq!(pair[0].last_day().map(|d| d + 1), Some(pair[1].first_day()));
    }
    assert_eq!(TimeBand::Longer.last_day(), None);
}

#[test]
fn past_usual_compares_the_band_with_the_usual_time() {
    #[track_caller]
    fn check_past(since: &str, max_days: Option<u16>, expected: PastUsual) {
        assert_eq!(
            PastUsual::of(band(since), max_days),
            expected,
            "{since} vs {max_days:?}"
        );
    }
    check_past("today", None, PastUsual::Unknown);
    check_past("28-plus", None, PastUsual::Unknown);
    check_past("today", Some(0), PastUsual::No);
    check_past("1-3", Some(0), PastUsual::Yes);
    check_past("today", Some(2), PastUsual::No);
    check_past("1-3", Some(2), PastUsual::Unknown);
    check_past("1-3", Some(3), PastUsual::No);
    check_past("4-14", Some(3), PastUsual::Yes);
    check_past("4-14", Some(28), PastUsual::No);
    check_past("15-28", Some(28), PastUsual::No);
    check_past("15-28", Some(14), PastUsual::Yes);
    check_past("28-plus", Some(28), PastUsual::Yes);
    check_past("28-plus", Some(40), PastUsual::Unknown);
}

#[test]
fn every_symptom_and_every_time_band_has_an_answer() {
    for &s in Symptom::ALL {
        for since in TimeBand::ALL {
            let advice = check(&[s], since);
            assert_eq!(advice.len(), 1, "{} {since:?}", s.slug());
            let a = &advice[0];
            assert_eq!(a.symptom, s);
            assert!(
                !a.do_now.trim().is_empty(),
                "{} {since:?}: no do_now",
                s.slug()
            );
            assert!(!a.sources.is_empty(), "{} {since:?}: no sources", s.slug());
            assert!(
                a.level >= triage(s).level,
                "{} {since:?}: level went down",
                s.slug()
            );
            assert_eq!(a.common, triage(s).level == Level::Common);
            assert_eq!(overall(&advice), Some(a.level));
            if let Some(rule) = a.raised_by {
                assert!(rule.applies(since));
                assert!(a.level >= rule.level || s.is_red_flag());
            }
        }
    }
}

#[test]
fn red_flags_are_always_at_least_a_doctor_today_whatever_the_time() {
    let red: Vec<Symptom> = Symptom::ALL
        .iter()
        .copied()
        .filter(|s| s.is_red_flag())
        .collect();
    assert_eq!(
        red.iter().map(|s| s.slug()).collect::<Vec<_>>(),
        ["chest", "infection"]
    );
    for (&s, level) in red.iter().zip([Level::Emergency, Level::Today]) {
        assert_eq!(triage(s).level, level, "{}: data level", s.slug());
        for since in TimeBand::ALL {
            let advice = check(&[s], since);
            assert_eq!(advice[0].level, level, "{} {since:?}", s.slug());
            // A red flag mixed with common symptoms still makes the whole answer urgent.
            let mixed = check(&[sym("fatigue"), s, sym("bruising")], since);
            assert_eq!(overall(&mixed), Some(level));
        }
    }
}

/// The checker's answers for specific cases, as a person would see them.
#[test]
fn checker_table() {
    #[track_caller]
    fn case(symptom: &str, since: &str, level: Level, past: PastUsual, do_now_has: &str) {
        let advice = check(&[sym(symptom)], band(since));
        let a = &advice[0];
        assert_eq!(a.level, level, "{symptom} {since}: level");
        assert_eq!(a.past_usual, past, "{symptom} {since}: past usual time");
        assert!(
            a.do_now.contains(do_now_has),
            "{symptom} {since}: do_now {:?} lacks {do_now_has:?}",
            a.do_now
        );
    }
    use Level::{Common, Emergency, Tell, Today};
    use PastUsual::{No, Unknown, Yes};
    // Fatigue lasts up to 3 days (the article); after that, tell.
    case("fatigue", "today", Common, No, "Rest");
    case("fatigue", "1-3", Common, No, "Rest");
    case("fatigue", "4-14", Tell, Yes, "Tell your practitioner");
    case("fatigue", "28-plus", Tell, Yes, "Tell your practitioner");
    // A needle feeling passes within 1 to 3 days (reply to Allen).
    case("needle-sensation", "1-3", Common, No, "Look at the spot");
    case(
        "needle-sensation",
        "4-14",
        Tell,
        Yes,
        "Tell your practitioner",
    );
    // Nerve irritation calms in 2 to 4 weeks (replies to Kurt and Chress): always tell.
    case("nerve", "today", Tell, No, "Tell your practitioner");
    case("nerve", "4-14", Tell, No, "Tell your practitioner");
    case("nerve", "15-28", Tell, No, "Tell your practitioner");
    // Past 4 weeks: see a doctor (the band the checker once could not reach).
    case("nerve", "28-plus", Today, Yes, "See a doctor");
    // Pain may get worse for 24 to 48 hours (reply to Johnny).
    case("soreness", "today", Common, No, "a day or two");
    case("soreness", "1-3", Common, Unknown, "a day or two");
    case("soreness", "4-14", Tell, Yes, "tell your practitioner");
    // Detox: worse for a day or two (reply to Judith).
    case("flu-like", "1-3", Common, Unknown, "Rest");
    case("flu-like", "4-14", Tell, Yes, "change your treatment");
    // Tingling: normal, until it lasts beyond 2 weeks. The author's words, not "harmless".
    case("tingling", "4-14", Common, Unknown, "coincidence");
    case("tingling", "15-28", Tell, Unknown, "Tell your practitioner");
    // Signs to tell about no matter when.
    case("needle-left-in", "today", Tell, Unknown, "pill bottle");
    case("burning", "today", Tell, Unknown, "Tell your practitioner");
    case("fainting", "today", Tell, Unknown, "legs raised");
    // Red flags.
    case("chest", "today", Emergency, Unknown, "emergency number");
    case("chest", "28-plus", Emergency, Unknown, "emergency number");
    case("infection", "4-14", Today, Unknown, "See a doctor today");
    // No source gives a time for bruising, so the checker does not guess.
    case("bruising", "1-3", Common, Unknown, "fade");
}

#[test]
fn check_keeps_order_answers_each_symptom_once_and_reports_the_most_urgent() {
    let input = [sym("fatigue"), sym("dizzy"), sym("fatigue"), sym("burning")];
    let advice = check(&input, TimeBand::Today);
    let slugs: Vec<&str> = advice.iter().map(|a| a.symptom.slug()).collect();
    assert_eq!(slugs, ["fatigue", "dizzy", "burning"]);
    assert_eq!(overall(&advice), Some(Level::Tell));
    assert_eq!(
        overall(&check(&[sym("fatigue")], TimeBand::Today)),
        Some(Level::Common)
    );
    assert_eq!(overall(&check(&[], TimeBand::Today)), None);
}

#[test]
fn advice_links_are_the_entries_tagged_with_the_symptom() {
    #[track_caller]
    fn links(symptom: &str, expected: &[&str]) {
        let advice = check(&[sym(symptom)], TimeBand::Today);
        let got: Vec<&str> = advice[0].links.iter().map(|e| e.slug()).collect();
        assert_eq!(got, expected, "links for {symptom}");
        for e in &advice[0].links {
            assert!(e.symptoms().contains(&sym(symptom)));
        }
    }
    links(
        "fatigue",
        &["fatigue", "flu-like-and-drained", "crying-and-heat-wave"],
    );
    links("needle-left-in", &["needle-left-in"]);
    links(
        "soreness",
        &[
            "sensations-elsewhere",
            "twitchy-muscles",
            "tingling-pain-and-bruise",
            "anxious-and-achy",
            "electric-pain-numb-finger",
            "sore-spots-worse",
        ],
    );
    // Nothing in the source is tagged as a red flag: the advice still stands on its sources.
    links("chest", &[]);
}

#[test]
fn advice_sources_follow_what_it_says() {
    let today = &check(&[sym("fatigue")], TimeBand::Today)[0];
    assert!(today.raised_by.is_none());
    assert_eq!(today.do_now, triage(sym("fatigue")).do_now.text);
    assert!(today.sources.contains(&Source::Article("fatigue")));
    assert!(today
        .sources
        .contains(&Source::Public(PublicSource::MacPhersonThomas2005)));

    let later = &check(&[sym("fatigue")], TimeBand::Days4To14)[0];
    let rule = later.raised_by.expect("a time rule applies after 3 days");
    assert_eq!(rule.after_days, Some(3));
    assert_eq!(Some(later.do_now), rule.do_now);
    for s in rule.sources {
        assert!(later.sources.contains(s));
    }
    // Sources are listed once each.
    for (i, s) in later.sources.iter().enumerate() {
        assert!(!later.sources[..i].contains(s), "{s:?} listed twice");
    }
}

#[test]
fn help_cards_follow_the_care_card_style() {
    let cards = help_cards();
    assert!((1..=4).contains(&cards.len()), "{} cards", cards.len());
    for c in cards {
        assert!(
            (1..=5).contains(&c.bullets.len()),
            "{:?}: {} bullets",
            c.heading,
            c.bullets.len()
        );
        assert!(
            c.heading.ends_with(':'),
            "{:?}: one instruction, then the bullets",
            c.heading
        );
        assert!(
            !c.urgency.is_empty(),
            "{:?}: no urgency text for screen readers",
            c.heading
        );
    }
    // Most urgent first: one card per level that needs help, each worded as its level and
    // listing the numbers of its route (the tell card sends people to their practitioner).
    let shape: Vec<(Level, Option<CareRoute>, &str)> = cards
        .iter()
        .map(|c| (c.level, c.route, c.urgency))
        .collect();
    assert_eq!(
        shape,
        [
            (Level::Emergency, Some(CareRoute::Emergency), "Emergency"),
            (Level::Today, Some(CareRoute::SameDay), "Same day"),
            (Level::Tell, None, "Not urgent"),
        ]
    );
    assert!(
        cards[0].heading.starts_with("Call ") && cards[0].heading.contains(" now "),
        "{:?}: the emergency card says what to do now",
        cards[0].heading
    );
    assert_eq!(cards[1].heading, "See a doctor today if:");
    assert!(
        !cards[1].heading.contains("now"),
        "the same-day card must not read as an emergency"
    );
    assert!(
        cards[2].heading.starts_with("Tell your practitioner"),
        "{:?}",
        cards[2].heading
    );

    let all: String = cards
        .iter()
        .flat_map(|c| {
            c.bullets
                .iter()
                .map(|b| b.text)
                .chain(c.note.as_ref().map(|n| n.text))
        })
        .collect::<Vec<_>>()
        .join(" | ");
    for needed in [
        "chest pain",
        "short of breath",
        "upper back, shoulders or neck",
        "hours after",
        "faints and does not wake up within about a minute",
        "38°C",
        "spreading",
        "needle still in your skin",
        "burning all over",
    ] {
        assert!(all.contains(needed), "the cards do not cover {needed:?}");
    }
}

/// Thoughts of self-harm are an emergency wherever the app mentions them: the rule says so,
/// names the crisis lines and the emergency numbers, cites them, and opens the crisis card.
#[test]
fn self_harm_rules_send_people_to_the_crisis_lines() {
    for slug in ["emotional", "anxiety"] {
        let rule = triage(sym(slug))
            .get_help
            .iter()
            .find(|r| r.when.contains("harming yourself"))
            .unwrap_or_else(|| panic!("{slug}: no self-harm rule"));
        assert_eq!(rule.level, Level::Emergency, "{slug}: {:?}", rule.when);
        assert_eq!(rule.after_days, None, "{slug}: self-harm never waits");
        for needed in ["988", "Samaritans", "116 123", "911", "999", "112"] {
            assert!(rule.when.contains(needed), "{slug}: rule lacks {needed:?}");
        }
        for key in [
            PublicSource::Lifeline988,
            PublicSource::Samaritans,
            PublicSource::NhsMentalHealth,
            PublicSource::EmergencyNumbers,
        ] {
            assert!(
                rule.sources.contains(&Source::Public(key)),
                "{slug}: rule does not cite {key:?}"
            );
        }
        let flags = aftercare_core::triage::red_flags::matching(rule.when);
        assert!(
            flags.iter().any(|f| f.route == CareRoute::Crisis),
            "{slug}: the rule does not open the crisis card: {:?}",
            flags.iter().map(|f| f.slug).collect::<Vec<_>>()
        );
    }
}

/// Fevers read the same everywhere, in both scales.
#[test]
fn temperatures_are_given_in_celsius_and_fahrenheit() {
    for (what, text) in all_texts() {
        if text.contains("38°C") {
            assert!(text.contains("38°C (100.4°F)"), "{what}: {text:?}");
        }
        // "with no fever" is the author's own description of a detox reaction.
        assert!(
            !text.contains("fever") || text.contains("no fever"),
            "{what}: say \"a temperature of 38°C (100.4°F) or more\": {text:?}"
        );
    }
}

#[test]
fn disclaimer_says_what_it_must() {
    // As shown: the data's words and the emergency numbers as tap-to-call links.
    let d = aftercare_core::pages::disclaimer();
    assert!(disclaimer().len() < d.len());
    for needed in [
        "information only",
        "Never wait to get help",
        "In an emergency, call ",
        "href=\"tel:911\"",
        "href=\"tel:999\"",
        "href=\"tel:112\"",
        "start or stop any medicine",
    ] {
        assert!(d.contains(needed), "disclaimer lacks {needed:?}");
    }
}

#[test]
fn sources_per_source_kind_point_at_the_right_kind_of_entry() {
    #[track_caller]
    fn check_entry(source: Source, expected: Option<&str>) {
        assert_eq!(source.entry().map(EntryId::slug), expected, "{source:?}");
    }
    check_entry(Source::Article("fatigue"), Some("fatigue"));
    check_entry(
        Source::AuthorReply("needle-left-in"),
        Some("needle-left-in"),
    );
    // Slugs are per kind: no section is called "needle-left-in", no thread "fatigue".
    check_entry(Source::Article("needle-left-in"), None);
    check_entry(Source::AuthorReply("fatigue"), None);
    check_entry(Source::Public(PublicSource::Nhs), None);
}

#[test]
fn a_symptoms_level_alone_is_its_triages_level() {
    for &symptom in Symptom::ALL {
        assert_eq!(
            aftercare_core::triage::level(symptom),
            aftercare_core::triage::triage(symptom).level,
            "{symptom:?}"
        );
    }
}
