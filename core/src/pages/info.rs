//! The information pages: About (whose words these are, where the safety advice comes from,
//! privacy), Get help now, not found, and the triage disclaimer.

use crate::content;
use crate::html::Html;
use crate::route::Route;
use crate::triage::{self, PublicSource, RedFlag};

use super::care::{care_card, emergency_sentence, red_flag_card, region_picker, sources};
use super::{h1, link_list, paragraphs, StaticPage};

/// The triage disclaimer, with the emergency numbers as links, for every page that advises.
#[must_use]
pub fn disclaimer() -> String {
    let mut h = Html::new();
    disclaimer_into(&mut h);
    h.into_string()
}

fn disclaimer_into(h: &mut Html) {
    h.open("p", &[("class", "triage-disclaimer")])
        .leaf("strong", &[], "Please note: ")
        .text(triage::disclaimer())
        .text(" ");
    emergency_sentence(h);
    h.close("p");
}

/// About: where the safety advice comes from.
fn public_sources(h: &mut Html) {
    h.open("section", &[("aria-labelledby", "sources-title")])
        .leaf(
            "h2",
            &[("id", "sources-title")],
            "Where the safety advice comes from",
        )
        .leaf(
            "p",
            &[],
            "The article is one practitioner’s reassuring view. The advice on how long \
             effects last and when to get help also uses the author’s replies to readers \
             and these public sources. Each piece of advice names its source.",
        )
        .open("ul", &[("class", "source-list")]);
    for s in PublicSource::ALL {
        h.open("li", &[])
            .leaf("strong", &[], s.name())
            .text(". ")
            .text(s.citation());
        if let Some(url) = s.url() {
            h.text(" ").leaf("a", &[("href", url)], url);
        }
        h.close("li");
    }
    h.close("ul").close("section");
}

pub(super) fn about() -> StaticPage {
    let article = content::article();
    let a = &article.attribution;
    let mut h = Html::new();
    h1(&mut h, "About this guide");
    super::clinic::about_host(&mut h, article.author.name);
    h.open("section", &[("aria-labelledby", "words-title")])
        .leaf("h2", &[("id", "words-title")], "Whose words these are")
        .leaf(
            "p",
            &[],
            &format!(
                "The six side effects and every answer to readers come from the article “{}” by \
                 {}, {}, {}. The readers’ questions are shown as they were published, with \
                 their names, dates and spelling.",
                a.source_title, a.author, a.practice, a.location
            ),
        )
        .leaf("h3", &[], "About the author");
    paragraphs(&mut h, article.author.bio);
    for p in content::pingbacks() {
        h.leaf(
            "p",
            &[("class", "note")],
            &format!(
                "Another site linked to the article, quoting: “{}”",
                p.excerpt
            ),
        );
    }
    h.close("section");
    public_sources(&mut h);
    h.open(
        "section",
        &[
            ("aria-labelledby", "disclaimer-title"),
            ("class", "disclaimer"),
        ],
    )
    .leaf(
        "h2",
        &[("id", "disclaimer-title")],
        "This is not medical advice",
    )
    .open("ul", &[]);
    for line in [
        "This app gives information only. It does not replace a doctor, nurse or your practitioner.",
        "Never wait to get help because of something you read here.",
    ] {
        h.leaf("li", &[], line);
    }
    h.open("li", &[]);
    emergency_sentence(&mut h);
    h.close("li").leaf(
        "li",
        &[],
        "Do not start or stop any medicine because of this app.",
    );
    h.close("ul")
        .open("p", &[])
        .leaf(
            "a",
            &[("href", &Route::Help.href())],
            "When to get medical help now",
        )
        .close("p")
        .close("section");
    h.open("section", &[("aria-labelledby", "privacy-title")])
        .leaf("h2", &[("id", "privacy-title")], "Your privacy")
        .leaf(
            "p",
            &[],
            "The app keeps everything on this device. Your journal never leaves it unless you export it.",
        )
        .close("section");
    super::install::install_section(&mut h);
    h.open("p", &[("class", "reviewed")])
        .text("Last reviewed: ")
        .leaf(
            "time",
            &[("datetime", &article.last_reviewed.iso())],
            &article.last_reviewed.long(),
        )
        .close("p");
    StaticPage {
        tag: "div",
        class: "page about",
        inner: h.into_string(),
    }
}

pub(super) fn help() -> StaticPage {
    let intro = triage::help_intro();
    let mut h = Html::new();
    h1(&mut h, "Get help now");
    // The emergency comes first; the reassurance after it, never before.
    region_picker(&mut h);
    let cards = triage::help_cards();
    if let Some(first) = cards.first() {
        care_card(&mut h, 0, first);
    }
    if let Some(crisis) = RedFlag::from_slug("self-harm") {
        red_flag_card(&mut h, crisis, "help");
    }
    for (i, card) in cards.iter().enumerate().skip(1) {
        care_card(&mut h, i, card);
    }
    h.open("p", &[("class", "help-intro")])
        .text(intro.text)
        .text(" ");
    sources(&mut h, intro.sources);
    h.close("p");
    h.open("p", &[("class", "help-next")])
        .text("Not sure how worried to be? ")
        .leaf(
            "a",
            &[("href", &Route::Check.href())],
            "Check your symptoms",
        )
        .text(", or call your practitioner or doctor.")
        .close("p");
    disclaimer_into(&mut h);
    StaticPage {
        tag: "div",
        class: "page help",
        inner: h.into_string(),
    }
}

pub(super) fn not_found() -> StaticPage {
    let mut h = Html::new();
    h1(&mut h, "We can’t find that page");
    h.leaf(
        "p",
        &[("class", "lead")],
        "The link may be old or mistyped. These pages can help:",
    );
    link_list(
        &mut h,
        [
            (
                Route::Home,
                "The guide: six weird but normal side effects".to_owned(),
            ),
            (Route::Faq, "Questions from readers".to_owned()),
            (Route::Help, "When to get medical help now".to_owned()),
        ],
    );
    StaticPage {
        tag: "div",
        class: "page not-found",
        inner: h.into_string(),
    }
}
