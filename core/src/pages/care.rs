//! The pieces that advise: red-flag care cards and the help page's care cards, the numbers to
//! call by region (tap-to-call and text links), the region choice, the emergency sentence,
//! "Sources: …" lines, level badges and the triage panel of the guide's pages.

use crate::content::Symptom;
use crate::filter::Filter;
use crate::html::Html;
use crate::route::Route;
use crate::triage::{self, CareCard, CareRoute, Claim, Level, RedFlag, Region, Source};

/// "In an emergency, call 911 (United States), 999 (United Kingdom) or 112 (Elsewhere).",
/// each number a tap-to-call link: never only "your local emergency number".
pub fn emergency_sentence(h: &mut Html) {
    h.text("In an emergency, call ");
    let regions = Region::all();
    for (i, region) in regions.iter().enumerate() {
        if i > 0 {
            h.text(if i + 1 == regions.len() { " or " } else { ", " });
        }
        for c in region.emergency {
            let tel = format!("tel:{}", c.number);
            h.leaf("a", &[("href", &tel)], c.label);
        }
        h.text(" (").text(region.name).text(")");
    }
    h.text(".");
}

/// How the app's own guidance is labelled wherever it is cited.
pub const OWN_GUIDANCE: &str = "Aftercare’s own guidance (no source says this word for word)";

/// The short urgency word of a level, for screen readers and the card's corner.
fn urgency_word(level: Level, route: CareRoute) -> &'static str {
    match (level, route) {
        (_, CareRoute::Crisis) => "Get support now",
        (Level::Emergency, _) => "Emergency",
        (Level::Today, _) | (_, CareRoute::SameDay) => "Same day",
        _ => "Not urgent",
    }
}

/// The choice of region for the numbers: a form of radio buttons the app wires up (the
/// choice is remembered on this device); without the app every region is shown.
pub(super) fn region_picker(h: &mut Html) {
    h.open(
        "form",
        &[
            ("class", "region-picker"),
            ("aria-labelledby", "region-title"),
        ],
    )
    .open("fieldset", &[])
    .leaf("legend", &[("id", "region-title")], "Show the numbers for")
    .open("div", &[("class", "region-options")]);
    let options = Region::all()
        .iter()
        .map(|r| (r.slug, r.name))
        .chain([("all", "Everywhere")]);
    for (slug, name) in options {
        let id = format!("region-{slug}");
        h.open("label", &[("for", &id)])
            .open(
                "input",
                &[
                    ("type", "radio"),
                    ("name", "region"),
                    ("id", &id),
                    ("value", slug),
                ],
            )
            .text(name)
            .close("label");
    }
    h.close("div")
        .leaf("p", &[("class", "region-status"), ("role", "status")], "")
        .close("fieldset")
        .close("form");
}

/// The numbers to call for a route, every region compactly (the chosen one first, by
/// style: `data-region` on `<html>`), each a tap-to-call link.
pub fn calls(h: &mut Html, route: CareRoute) {
    h.open("ul", &[("class", "calls"), ("aria-label", "Where to call")]);
    for region in Region::all() {
        let contacts = region.contacts(route);
        h.open(
            "li",
            &[("class", "call-region"), ("data-region", region.slug)],
        )
        .leaf("span", &[("class", "call-where")], region.name);
        if route == CareRoute::SameDay {
            h.leaf("span", &[("class", "call-what")], region.same_day_text);
        }
        for c in contacts {
            contact(h, c);
        }
        // A crisis line is not an emergency line: in danger, the emergency number.
        if route == CareRoute::Crisis {
            h.open("span", &[("class", "call-what")])
                .text(if contacts.is_empty() {
                    "Call "
                } else {
                    "In danger now: "
                })
                .close("span");
            for c in region.emergency {
                contact(h, c);
            }
        }
        h.close("li");
    }
    h.close("ul").open("p", &[("class", "call-sources")]);
    sources(h, triage::red_flags::number_sources(route));
    h.close("p");
}

fn contact(h: &mut Html, c: &triage::Contact) {
    let tel = format!("tel:{}", c.number);
    h.open("span", &[("class", "call")])
        .open("a", &[("class", "call-link"), ("href", &tel)])
        .text("Call ")
        .text(c.label)
        .close("a");
    if c.text {
        let sms = format!("sms:{}", c.number);
        h.text(" ")
            .open("a", &[("class", "call-link text-link"), ("href", &sms)])
            .text("Text ")
            .text(c.label)
            .close("a");
    }
    h.text(" ")
        .leaf("span", &[("class", "call-what")], c.what)
        .close("span");
}

/// A red flag's care card: the instruction, who to call, the signs and what to do, every
/// claim with its sources. `id_scope` keeps ids unique when cards appear in two places.
pub fn red_flag_card(h: &mut Html, flag: &RedFlag, id_scope: &str) {
    let id = format!("{id_scope}-flag-{}", flag.slug);
    let class = format!(
        "care-card flag-card level-{} route-{}",
        flag.level.slug(),
        match flag.route {
            CareRoute::Emergency => "emergency",
            CareRoute::Crisis => "crisis",
            CareRoute::SameDay => "same-day",
        }
    );
    h.open(
        "section",
        &[
            ("class", &class),
            ("data-flag", flag.slug),
            ("aria-labelledby", &id),
        ],
    )
    .open("h2", &[("id", &id), ("class", "care-heading")])
    .open("span", &[("class", "care-urgency")])
    .text(urgency_word(flag.level, flag.route))
    .leaf("span", &[("class", "visually-hidden")], ": ")
    .close("span")
    .leaf("span", &[("class", "care-instruction")], flag.heading)
    .close("h2")
    .open("div", &[("class", "care-body")]);
    calls(h, flag.route);
    h.leaf("h3", &[], flag.title)
        .open("ul", &[("class", "care-signs")]);
    for sign in flag.signs {
        claim_with_sources(h, "li", &[], sign);
    }
    h.close("ul")
        .leaf("h3", &[], "What to do")
        .open("ol", &[("class", "care-actions")]);
    for action in flag.actions {
        claim_with_sources(h, "li", &[], action);
    }
    h.close("ol");
    if let Some(note) = &flag.note {
        claim_with_sources(h, "p", &[("class", "care-note")], note);
    }
    h.close("div").close("section");
}

/// The care cards of `flags`, most urgent first, in one live container, or an empty string
/// when there are none.
#[must_use]
pub fn red_flag_cards(flags: &[&RedFlag], id_scope: &str) -> String {
    let mut h = Html::new();
    for flag in flags {
        red_flag_card(&mut h, flag, id_scope);
    }
    h.into_string()
}

/// A class from the urgency words ("Not urgent" -> "not-urgent").
fn urgency_class(urgency: &str) -> String {
    urgency
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

fn claim_with_sources(h: &mut Html, tag: &str, attrs: &[(&str, &str)], claim: &Claim) {
    h.open(tag, attrs).text(claim.text).text(" ");
    sources(h, claim.sources);
    h.close(tag);
}

pub(super) fn care_card(h: &mut Html, index: usize, card: &CareCard) {
    let id = format!("care-{index}");
    let class = format!(
        "care-card level-{} care-{}",
        card.level.slug(),
        urgency_class(card.urgency)
    );
    h.open("section", &[("class", &class), ("aria-labelledby", &id)])
        .open("h2", &[("id", &id), ("class", "care-heading")])
        .open("span", &[("class", "care-urgency")])
        .text(card.urgency)
        .leaf("span", &[("class", "visually-hidden")], ": ")
        .close("span")
        .leaf("span", &[("class", "care-instruction")], card.heading)
        .close("h2")
        .open("div", &[("class", "care-body")]);
    if let Some(route) = card.route {
        calls(h, route);
    }
    h.open("ul", &[]);
    for bullet in card.bullets {
        claim_with_sources(h, "li", &[], bullet);
    }
    h.close("ul");
    if let Some(note) = &card.note {
        claim_with_sources(h, "p", &[("class", "care-note")], note);
    }
    // "Tell your practitioner": with a hosting clinic, how to reach it, right there.
    if card.level == Level::Tell {
        super::clinic::clinic_contact(h);
    }
    h.close("div").close("section");
}

/// The class of the element a "Sources: …" line is written in.
pub const SOURCES_CLASS: &str = "sources";

/// What goes inside a "Sources: …" line (`<span class="sources">`): the static pages and
/// the app's interactive pages both show this markup. Empty for no sources.
#[must_use]
pub fn sources_inner(sources: &[Source]) -> String {
    sources_html(sources).into_string()
}

/// [`sources_inner`] as a fragment.
fn sources_html(sources: &[Source]) -> Html {
    let mut h = Html::new();
    if sources.is_empty() {
        return h;
    }
    h.text(if sources.len() == 1 {
        "Source: "
    } else {
        "Sources: "
    });
    for (i, source) in sources.iter().enumerate() {
        if i > 0 {
            h.text("; ");
        }
        let prefix = match source {
            Source::Article(_) => "Guide: ",
            Source::AuthorReply(_) => "Author’s reply: ",
            Source::Public(p) => {
                h.text(p.name());
                continue;
            }
            Source::Own => {
                h.leaf("span", &[("class", "own-guidance")], OWN_GUIDANCE);
                continue;
            }
        };
        match source.entry() {
            Some(entry) => {
                h.text(prefix).leaf(
                    "a",
                    &[("href", &Route::entry(entry).href())],
                    Route::entry(entry).title(),
                );
            }
            // The build checks every slug, so this only guards against a future data fault.
            None => {
                h.text(prefix.trim_end_matches(": "));
            }
        }
    }
    h
}

/// A discreet "Sources: …" line; nothing for no sources.
pub(super) fn sources(h: &mut Html, sources: &[Source]) {
    if sources.is_empty() {
        return;
    }
    h.open("span", &[("class", SOURCES_CLASS)])
        .push(&sources_html(sources))
        .close("span");
}

/// The classes of a badge naming `level` ("level-badge level-tell"); its text is
/// [`Level::label`].
#[must_use]
pub fn level_badge_class(level: Level) -> String {
    format!("level-badge level-{}", level.slug())
}

/// What goes inside a list of signs that a symptom has stopped being normal
/// (`<ul class="rules">`): each sign with its level in words.
#[must_use]
pub fn rules_inner(rules: &[&triage::Rule]) -> String {
    rules_html(rules).into_string()
}

/// [`rules_inner`] as a fragment.
fn rules_html(rules: &[&triage::Rule]) -> Html {
    let mut h = Html::new();
    for rule in rules {
        h.open("li", &[]).text(rule.when).text(" ");
        level_badge(&mut h, rule.level);
        h.close("li");
    }
    h
}

/// What goes inside a plain list of claims (`<ul>`), e.g. what helps.
#[must_use]
pub fn claims_inner(claims: &[Claim]) -> String {
    claims_html(claims).into_string()
}

/// [`claims_inner`] as a fragment.
fn claims_html(claims: &[Claim]) -> Html {
    let mut h = Html::new();
    for claim in claims {
        h.leaf("li", &[], claim.text);
    }
    h
}

fn level_badge(h: &mut Html, level: Level) {
    h.leaf(
        "span",
        &[("class", &level_badge_class(level))],
        level.label(),
    );
}

/// For each symptom: its level in words, how long it usually lasts, what helps and when to
/// get help, with sources, each a `<details>` so the page stays calm.
pub(super) fn triage_panel(h: &mut Html, symptoms: &[Symptom]) {
    if symptoms.is_empty() {
        return;
    }
    let check_href = format!(
        "{}?{}={}",
        Route::Check.href(),
        Filter::PARAM,
        Filter {
            selected: symptoms.to_vec()
        }
        .to_param()
    );
    // Red flags are never folded away: a crisis line named by any rule here (self-harm on
    // the emotional pages) and the cards of red-flag symptoms stand open above the panel.
    let mut flags = triage::red_flags::for_symptoms(symptoms);
    for &symptom in symptoms {
        for rule in triage::triage(symptom).get_help {
            if rule.level < Level::Emergency {
                continue;
            }
            for flag in triage::red_flags::matching_plain(rule.when) {
                if flag.route == CareRoute::Crisis && !flags.iter().any(|f| f.slug == flag.slug) {
                    flags.push(flag);
                }
            }
        }
    }
    if !flags.is_empty() {
        h.open("div", &[("class", "flag-cards")]);
        for flag in flags {
            red_flag_card(h, flag, "panel");
        }
        h.close("div");
    }
    h.open(
        "section",
        &[
            ("class", "triage-panel"),
            ("aria-labelledby", "triage-title"),
        ],
    )
    .leaf(
        "h2",
        &[("id", "triage-title")],
        "Is this normal? When to get help",
    )
    .open("ul", &[("class", "triage-list")]);
    for &symptom in symptoms {
        let t = triage::triage(symptom);
        let class = format!("triage-item level-{}", t.level.slug());
        h.open("li", &[])
            .open("details", &[("class", &class)])
            .open("summary", &[])
            .leaf("span", &[("class", "triage-name")], symptom.name());
        level_badge(h, t.level);
        h.close("summary")
            .open("div", &[("class", "triage-body")])
            .leaf("p", &[], t.about.text);
        if let Some(lasts) = &t.lasts {
            h.leaf("h3", &[], "How long it lasts")
                .leaf("p", &[], lasts.text);
        }
        if !t.helps.is_empty() {
            h.leaf("h3", &[], "What helps").open("ul", &[]);
            h.push(&claims_html(t.helps));
            h.close("ul");
        }
        h.leaf("h3", &[], "When to get help")
            .open("ul", &[("class", "rules")]);
        h.push(&rules_html(&t.get_help.iter().collect::<Vec<_>>()));
        h.close("ul").open("p", &[("class", "triage-sources")]);
        sources(h, &t.sources());
        h.close("p").close("div").close("details").close("li");
    }
    h.close("ul")
        .open("p", &[("class", "triage-panel-links")])
        .leaf("a", &[("href", &check_href)], "Check these symptoms")
        .leaf(
            "a",
            &[("href", &Route::Help.href())],
            "When to get help now",
        )
        .close("p")
        .close("section");
}
