//! The static pages (home, the six side effects, the readers' questions, About, Get help now,
//! not found) and the header and footer around them, written as HTML from the content.
//!
//! One writer, two readers: the build prerenders these strings into each page's `index.html`
//! so the words paint before the WebAssembly arrives, and the app shows the very same strings
//! when it takes over or navigates. Links are ordinary `<a href>` relative to `<base>`: they
//! work before the app has loaded, and the app's click handler takes them over once it has.

use crate::content::{self, EntryId, Message, Symptom};
use crate::filter::Filter;
use crate::html::Html;
use crate::route::Route;
use crate::triage::{
    self, CareCard, CareRoute, Claim, Level, PublicSource, RedFlag, Region, Source,
};

/// A static page: its root element and what goes inside it.
#[derive(Debug)]
pub struct StaticPage {
    /// The root element's tag (`div` or `article`).
    pub tag: &'static str,
    /// The root element's class.
    pub class: &'static str,
    /// The markup inside the root element.
    pub inner: String,
}

impl StaticPage {
    /// The whole page, root element included.
    #[must_use]
    pub fn outer(&self) -> String {
        let mut h = Html::new();
        h.open(self.tag, &[("class", self.class)]);
        let mut s = h.into_string();
        s.push_str(&self.inner);
        s.push_str("</");
        s.push_str(self.tag);
        s.push('>');
        s
    }
}

/// The static page for a route, or `None` for the app's interactive pages (search, check,
/// journal). An out-of-range effect or thread gets the not-found page.
#[must_use]
pub fn page(route: Route) -> Option<StaticPage> {
    let page = match route {
        Route::Home => home(),
        Route::Effect(i) => effect(i).unwrap_or_else(not_found),
        Route::Faq => faq(),
        Route::Thread(i) => thread(i).unwrap_or_else(not_found),
        Route::About => about(),
        Route::Help => help(),
        Route::NotFound => not_found(),
        Route::Search
        | Route::Check
        | Route::Journal
        | Route::JournalEntry
        | Route::JournalSummary => {
            return None;
        }
    };
    Some(page)
}

/// Whether the main-navigation link to `link` is marked as the current page at `here`
/// (a side effect counts as the guide, a thread as the questions).
#[must_use]
pub fn is_current(link: Route, here: Route) -> bool {
    match (link, here) {
        (Route::Home, Route::Effect(_))
        | (Route::Faq, Route::Thread(_))
        | (Route::Journal, Route::JournalEntry | Route::JournalSummary) => true,
        (a, b) => a == b,
    }
}

/// The main navigation: (page, link text).
pub const NAV: [(Route, &str); 5] = [
    (Route::Home, "Guide"),
    (Route::Faq, "Questions"),
    (Route::Check, "Check symptoms"),
    (Route::Journal, "Journal"),
    (Route::About, "About"),
];

/// What the search box says.
pub const SEARCH_LABEL: &str = "Search the guide";
/// The search box's example words.
pub const SEARCH_PLACEHOLDER: &str = "e.g. tired, pee, needle left in";

/// The skip link and the site header as the app renders them on `route` with an empty search
/// box. The build prerenders it; the app renders the same markup with live parts.
#[must_use]
pub fn header(route: Route) -> String {
    let mut h = Html::new();
    let skip = format!("{}#main", route.href());
    h.leaf(
        "a",
        &[("class", "skip-link"), ("href", &skip)],
        "Skip to content",
    );
    h.open("header", &[("class", "site-header")])
        .open("div", &[("class", "bar")])
        .open("a", &[("class", "brand"), ("href", "./")])
        .leaf(
            "span",
            &[("class", "brand-mark"), ("aria-hidden", "true")],
            "◌",
        )
        .text("Aftercare")
        .close("a")
        .leaf(
            "a",
            &[("class", "help-now"), ("href", &Route::Help.href())],
            "Get help now",
        )
        .close("div");
    h.open(
        "form",
        &[
            ("class", "site-search"),
            ("role", "search"),
            ("action", &Route::Search.href()),
            ("method", "get"),
        ],
    )
    .leaf("label", &[("for", "site-q")], SEARCH_LABEL)
    .open(
        "input",
        &[
            ("id", "site-q"),
            ("type", "search"),
            ("name", "q"),
            ("autocomplete", "off"),
            ("spellcheck", "false"),
            ("maxlength", "10000"),
            ("placeholder", SEARCH_PLACEHOLDER),
            ("aria-keyshortcuts", "/"),
        ],
    )
    .close("input")
    .close("form")
    // Where the reader shows a red flag's card as soon as typed words name one.
    .leaf(
        "div",
        &[("class", "header-flags"), ("aria-live", "polite")],
        "",
    );
    h.open("nav", &[("aria-label", "Main")]).open("ul", &[]);
    for (link, label) in NAV {
        h.open("li", &[]);
        let href = link.href();
        if is_current(link, route) {
            h.leaf("a", &[("href", &href), ("aria-current", "page")], label);
        } else {
            h.leaf("a", &[("href", &href)], label);
        }
        h.close("li");
    }
    h.close("ul").close("nav").close("header");
    h.into_string()
}

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

/// What goes inside the site footer: the short disclaimer and the attribution.
#[must_use]
pub fn footer_inner() -> String {
    let article = content::article();
    let mut h = Html::new();
    h.open("p", &[])
        .leaf("strong", &[], "Information only, not medical advice.")
        .text(" Never wait to get help because of something you read here. ");
    emergency_sentence(&mut h);
    h.close("p");
    h.open("p", &[])
        .text("The guide and answers are by ")
        .text(&article.author.byline())
        .text(", ")
        .text(article.attribution.practice)
        .text(". ")
        .leaf("a", &[("href", &Route::About.href())], "About this guide")
        .close("p");
    h.into_string()
}

fn paragraphs(h: &mut Html, paragraphs: &[&str]) {
    for p in paragraphs {
        h.leaf("p", &[], p);
    }
}

fn h1(h: &mut Html, text: &str) {
    h.leaf("h1", &[("tabindex", "-1")], text);
}

fn link_list(h: &mut Html, links: impl IntoIterator<Item = (Route, String)>) {
    h.open("ul", &[("class", "link-list")]);
    for (route, text) in links {
        h.open("li", &[])
            .leaf("a", &[("href", &route.href())], &text)
            .close("li");
    }
    h.close("ul");
}

fn home() -> StaticPage {
    let article = content::article();
    let mut h = Html::new();
    h1(&mut h, "Is this normal after acupuncture?");
    h.leaf(
        "p",
        &[("class", "lead")],
        "Most odd feelings after acupuncture are common and pass on their own. \
         Read what an acupuncturist says about six weird but normal side effects, \
         see what other people asked, and learn when to get help.",
    );
    h.open(
        "section",
        &[("aria-labelledby", "article-title"), ("class", "intro")],
    )
    .leaf("h2", &[("id", "article-title")], article.title)
    .leaf(
        "p",
        &[("class", "byline")],
        &format!("By {}", article.author.byline()),
    );
    paragraphs(&mut h, article.intro);
    h.close("section");
    h.open("section", &[("aria-labelledby", "effects-title")])
        .leaf(
            "h2",
            &[("id", "effects-title")],
            "Six weird but normal side effects",
        )
        .open("ol", &[("class", "cards")]);
    for (i, s) in article.sections.iter().enumerate() {
        h.open("li", &[("class", "card")])
            .open("a", &[("href", &Route::Effect(i).href())])
            .leaf(
                "span",
                &[("class", "card-number"), ("aria-hidden", "true")],
                &s.number.to_string(),
            )
            .leaf("span", &[("class", "card-title")], s.short_title)
            .close("a")
            .leaf("p", &[], s.summary)
            .close("li");
    }
    h.close("ol").close("section");
    h.open(
        "section",
        &[("aria-labelledby", "more-title"), ("class", "more")],
    )
    .leaf("h2", &[("id", "more-title")], "More help");
    link_list(
        &mut h,
        [
            (
                Route::Faq,
                format!(
                    "Questions from {} readers, with answers",
                    content::threads().len()
                ),
            ),
            (Route::Check, "Check my symptoms".to_owned()),
            (Route::Journal, "Keep a private symptom journal".to_owned()),
            (Route::Help, "When to get medical help now".to_owned()),
        ],
    );
    h.close("section");
    StaticPage {
        tag: "div",
        class: "page home",
        inner: h.into_string(),
    }
}

fn symptom_tags(h: &mut Html, symptoms: &[Symptom]) {
    h.open("ul", &[("class", "tags"), ("aria-label", "Symptoms")]);
    for s in symptoms {
        let href = format!("search/?{}={}", Filter::PARAM, s.slug());
        h.open("li", &[])
            .leaf("a", &[("class", "tag"), ("href", &href)], s.name())
            .close("li");
    }
    h.close("ul");
}

fn effect(index: usize) -> Option<StaticPage> {
    let article = content::article();
    let section = article.sections.get(index)?;
    let mut h = Html::new();
    h.leaf(
        "p",
        &[("class", "eyebrow")],
        &format!(
            "Side effect {} of {}",
            section.number,
            article.sections.len()
        ),
    );
    h1(&mut h, section.title);
    h.leaf(
        "p",
        &[("class", "byline")],
        &format!("By {}", article.author.byline()),
    );
    paragraphs(&mut h, section.paragraphs);
    symptom_tags(&mut h, section.symptoms);
    triage_panel(&mut h, section.symptoms);
    let related: Vec<(Route, String)> = content::threads()
        .iter()
        .enumerate()
        .filter(|(_, t)| t.symptoms.iter().any(|s| section.symptoms.contains(s)))
        .map(|(i, t)| (Route::Thread(i), t.title.to_owned()))
        .collect();
    if !related.is_empty() {
        h.open(
            "section",
            &[("aria-labelledby", "related-title"), ("class", "related")],
        )
        .leaf("h2", &[("id", "related-title")], "Readers asked about this");
        link_list(&mut h, related);
        h.close("section");
    }
    h.open("nav", &[("class", "pager"), ("aria-label", "Side effects")]);
    if let Some(prev) = index.checked_sub(1).and_then(|i| article.sections.get(i)) {
        let href = Route::Effect(index - 1).href();
        h.leaf(
            "a",
            &[("rel", "prev"), ("href", &href)],
            &format!("← {}", prev.short_title),
        );
    }
    if let Some(next) = article.sections.get(index + 1) {
        let href = Route::Effect(index + 1).href();
        h.leaf(
            "a",
            &[("rel", "next"), ("href", &href)],
            &format!("{} →", next.short_title),
        );
    }
    h.close("nav");
    Some(StaticPage {
        tag: "article",
        class: "page effect",
        inner: h.into_string(),
    })
}

fn faq() -> StaticPage {
    let threads = content::threads();
    let mut h = Html::new();
    h1(&mut h, "Questions from readers");
    h.leaf(
        "p",
        &[("class", "lead")],
        &format!(
            "{} people asked the article's author about what they felt. Her answers are marked.",
            threads.len()
        ),
    );
    h.open("ol", &[("class", "threads")]);
    for (i, t) in threads.iter().enumerate() {
        h.open("li", &[("class", "thread-card")])
            .leaf("a", &[("href", &Route::Thread(i).href())], t.title)
            .open("p", &[("class", "meta")])
            .text(&format!(
                "{} · {}",
                t.question.author,
                t.question.date.long()
            ))
            .text(" · ");
        if t.is_answered() {
            h.leaf("span", &[("class", "status")], "Answered");
        } else {
            h.leaf("span", &[("class", "status unanswered")], "Not answered");
        }
        h.close("p");
        symptom_tags(&mut h, t.symptoms);
        h.close("li");
    }
    h.close("ol");
    StaticPage {
        tag: "div",
        class: "page faq",
        inner: h.into_string(),
    }
}

fn message(h: &mut Html, message: &Message) {
    let class = if message.by_article_author {
        "message by-author"
    } else {
        "message"
    };
    h.open("article", &[("class", class)])
        .open("header", &[("class", "message-meta")])
        .leaf("span", &[("class", "who")], message.author);
    if message.by_article_author {
        h.leaf("span", &[("class", "badge")], "Article author");
    }
    let datetime = format!("{}T{}", message.date.iso(), message.time);
    h.leaf("time", &[("datetime", &datetime)], &message.date.long())
        .close("header");
    paragraphs(h, message.paragraphs);
    h.close("article");
    if !message.replies.is_empty() {
        h.open("ol", &[("class", "replies"), ("aria-label", "Replies")]);
        for reply in message.replies {
            h.open("li", &[]);
            self::message(h, reply);
            h.close("li");
        }
        h.close("ol");
    }
}

fn thread(index: usize) -> Option<StaticPage> {
    let thread = content::threads().get(index)?;
    let mut h = Html::new();
    h.open("p", &[("class", "eyebrow")])
        .leaf(
            "a",
            &[("href", &Route::Faq.href())],
            "Questions from readers",
        )
        .close("p");
    h1(&mut h, thread.title);
    symptom_tags(&mut h, thread.symptoms);
    triage_panel(&mut h, thread.symptoms);
    h.open("div", &[("class", "conversation")]);
    message(&mut h, &thread.question);
    h.close("div");
    if !thread.is_answered() {
        h.leaf(
            "p",
            &[("class", "note unanswered")],
            "The article's author did not answer this question. \
             If you wonder about the same thing, ask your practitioner.",
        );
    }
    let sections: Vec<(Route, String)> = content::article()
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.symptoms.iter().any(|x| thread.symptoms.contains(x)))
        .map(|(i, s)| (Route::Effect(i), s.short_title.to_owned()))
        .collect();
    if !sections.is_empty() {
        h.open(
            "section",
            &[("aria-labelledby", "guide-title"), ("class", "related")],
        )
        .leaf("h2", &[("id", "guide-title")], "In the guide");
        link_list(&mut h, sections);
        h.close("section");
    }
    Some(StaticPage {
        tag: "article",
        class: "page thread",
        inner: h.into_string(),
    })
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

fn about() -> StaticPage {
    let article = content::article();
    let a = &article.attribution;
    let mut h = Html::new();
    h1(&mut h, "About this guide");
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

fn help() -> StaticPage {
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
fn region_picker(h: &mut Html) {
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

fn care_card(h: &mut Html, index: usize, card: &CareCard) {
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
    h.close("div").close("section");
}

/// The app page an entry lives on.
#[must_use]
pub fn entry_route(entry: EntryId) -> Route {
    match entry {
        EntryId::Section(i) => Route::Effect(i),
        EntryId::Thread(i) => Route::Thread(i),
    }
}

/// The name a link to an entry shows: a section's short title, a thread's title.
#[must_use]
pub fn entry_name(entry: EntryId) -> &'static str {
    entry
        .section()
        .map_or_else(|| entry.title(), |s| s.short_title)
}

/// A discreet "Sources: …" line; nothing when there are none.
fn sources(h: &mut Html, sources: &[Source]) {
    if sources.is_empty() {
        return;
    }
    h.open("span", &[("class", "sources")])
        .text(if sources.len() == 1 {
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
                    &[("href", &entry_route(entry).href())],
                    entry_name(entry),
                );
            }
            // The build checks every slug, so this only guards against a future data fault.
            None => {
                h.text(prefix.trim_end_matches(": "));
            }
        }
    }
    h.close("span");
}

fn level_badge(h: &mut Html, level: Level) {
    let class = format!("level-badge level-{}", level.slug());
    h.leaf("span", &[("class", &class)], level.label());
}

/// For each symptom: its level in words, how long it usually lasts, what helps and when to
/// get help, with sources, each a `<details>` so the page stays calm.
fn triage_panel(h: &mut Html, symptoms: &[Symptom]) {
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
            for claim in t.helps {
                h.leaf("li", &[], claim.text);
            }
            h.close("ul");
        }
        h.leaf("h3", &[], "When to get help")
            .open("ul", &[("class", "rules")]);
        for rule in t.get_help {
            h.open("li", &[]).text(rule.when).text(" ");
            level_badge(h, rule.level);
            h.close("li");
        }
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

fn not_found() -> StaticPage {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_static_route_has_a_page_with_one_h1_and_the_interactive_ones_do_not() {
        for route in Route::all_static() {
            match page(route) {
                Some(p) => {
                    let html = p.outer();
                    assert_eq!(html.matches("<h1").count(), 1, "{route:?}");
                    assert!(!html.contains("<script"), "{route:?}");
                }
                None => assert!(matches!(
                    route,
                    Route::Search
                        | Route::Check
                        | Route::Journal
                        | Route::JournalEntry
                        | Route::JournalSummary
                )),
            }
        }
    }

    #[test]
    fn home_has_the_introduction_and_the_six_effects() {
        let Some(home) = page(Route::Home) else {
            panic!("home is static");
        };
        let article = content::article();
        assert!(home.inner.contains(article.title));
        assert_eq!(home.inner.matches("class=\"card\"").count(), 6);
        for (i, s) in article.sections.iter().enumerate() {
            assert!(home
                .inner
                .contains(&format!("href=\"{}\"", Route::Effect(i).href())));
            assert!(home.inner.contains(s.short_title));
        }
    }

    #[test]
    fn the_header_marks_the_current_section() {
        let html = header(Route::Effect(2));
        assert!(html.contains("<a href=\"./\" aria-current=\"page\">Guide</a>"));
        assert_eq!(html.matches("aria-current").count(), 1);
        assert!(header(Route::Help).matches("aria-current").count() == 0);
    }

    #[test]
    fn out_of_range_pages_are_not_found() {
        let Some(p) = page(Route::Thread(999)) else {
            panic!("static");
        };
        assert_eq!(p.class, "page not-found");
    }
}
