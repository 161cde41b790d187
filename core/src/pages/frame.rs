//! The frame around every static page: the skip link, the site header (brand, "Get help
//! now", the search box, the main navigation) and what goes inside the footer.

use crate::content;
use crate::html::Html;
use crate::route::Route;

use super::care::emergency_sentence;

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

/// The skip link's text.
const SKIP_LINK_TEXT: &str = "Skip to content";
/// The skip link's class.
pub const SKIP_LINK_CLASS: &str = "skip-link";
/// The id of the page's `<main>` (the skip link's target; it also has `tabindex="-1"`).
pub const MAIN_ID: &str = "main";
/// The class of the site footer.
pub const FOOTER_CLASS: &str = "site-footer";
/// The class of the app's status region (offline, updates), after the footer.
pub const STATUS_CLASS: &str = "pwa-status";
/// The class of the site header.
pub const SITE_HEADER_CLASS: &str = "site-header";

/// The skip link and the site header on `route` with an empty search box. The build
/// prerenders it; the app gives its parts behaviour where they stand (`shell/src/frame.rs`).
#[must_use]
pub fn header(route: Route) -> String {
    let mut h = Html::new();
    let skip = format!("{}#main", route.href());
    h.leaf(
        "a",
        &[("class", SKIP_LINK_CLASS), ("href", &skip)],
        SKIP_LINK_TEXT,
    );
    h.open("header", &[("class", SITE_HEADER_CLASS)])
        .push(&header_html(route))
        .close("header");
    h.into_string()
}

/// What goes inside the site header (`<header class="site-header">`) on `route`: brand, "Get
/// help now", the search box, the box for red-flag cards, and the main navigation with the
/// current page marked.
fn header_html(route: Route) -> Html {
    let mut h = Html::new();
    h.open("div", &[("class", "bar")])
        .open("a", &[("class", "brand"), ("href", "./")])
        .leaf(
            "span",
            &[("class", "brand-mark"), ("aria-hidden", "true")],
            "◌",
        )
        .text("Aftercare")
        .close("a")
        // On a phone the search box scrolls away under this bar; one tap on this label
        // brings it back and focuses it (a label works without script). It adds no words to
        // the box's name: the magnifier is drawn by the style sheet, and it is hidden on
        // wide screens, where the box is always in view.
        .leaf(
            "label",
            &[("class", SEARCH_JUMP_CLASS), ("for", SEARCH_INPUT_ID)],
            "",
        )
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
    .leaf("label", &[("for", SEARCH_INPUT_ID)], SEARCH_LABEL)
    .open(
        "input",
        &[
            ("id", SEARCH_INPUT_ID),
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
    h.close("ul").close("nav");
    h
}

/// The element id of the header's search box.
pub const SEARCH_INPUT_ID: &str = "site-q";
/// The class of the phone header's one-tap way back to the search box.
const SEARCH_JUMP_CLASS: &str = "search-jump";

/// The whole body of a static page on `route`, as the app renders it: skip link and header,
/// `<main>` holding `page` (the page's own markup, from [`super::page`]), the footer, and
/// the app's empty status region. The build prerenders it into each page's `<body>`; the app
/// renders the same frame from the same constants and writers.
#[must_use]
pub fn body(route: Route, page: &str) -> String {
    let mut out = header(route);
    let mut main = Html::new();
    main.open("main", &[("id", MAIN_ID), ("tabindex", "-1")]);
    out.push_str(main.as_str());
    out.push_str(page);
    out.push_str("</main>");
    out.push_str(&footer_and_status());
    out
}

/// The content of the `<main>` of a page [`body`] wrote (a static page's `index.html`, as
/// the reader takes it to show that page in place): between the end of its opening tag and
/// the last `</main>`. `None` for anything else.
#[must_use]
pub fn main_content(page: &str) -> Option<&str> {
    // Byte windows rather than `str::find`: the reader carries no substring searcher.
    let bytes = page.as_bytes();
    let open = bytes.windows(6).position(|w| w == b"<main ")?;
    let start = open + bytes[open..].iter().position(|&b| b == b'>')? + 1;
    let end = bytes.windows(7).rposition(|w| w == b"</main>")?;
    page.get(start..end)
}

/// The footer and the app's empty status region, which follow `<main>` on every page (the
/// app adds them under an interactive page's prerendered start, see [`body_start`]).
#[must_use]
pub fn footer_and_status() -> String {
    let mut h = Html::new();
    h.open("footer", &[("class", FOOTER_CLASS)])
        .push(&footer_html())
        .close("footer")
        .leaf("div", &[("class", STATUS_CLASS), ("role", "status")], "");
    h.into_string()
}

/// The start of an interactive page as the build prerenders it: the header and the page's
/// start ([`super::page_start`]) in `<main>`, and a note for browsers without script; no
/// footer, so nothing painted before the app arrives moves when the app adds the rest below.
#[must_use]
pub fn body_start(route: Route, page: &str) -> String {
    let mut out = header(route);
    let mut main = Html::new();
    main.open("main", &[("id", MAIN_ID), ("tabindex", "-1")]);
    out.push_str(main.as_str());
    out.push_str(page);
    let mut rest = Html::new();
    rest.close("main").open("noscript", &[]).leaf(
        "p",
        &[("class", "noscript")],
        "Aftercare needs JavaScript turned on to show this page.",
    );
    rest.close("noscript");
    out.push_str(rest.as_str());
    out
}

/// What goes inside the site footer: the short disclaimer, the attribution and, for a copy
/// hosted by a clinic, who hosts it.
fn footer_html() -> Html {
    let mut h = Html::new();
    h.open("p", &[])
        .leaf("strong", &[], "Information only, not medical advice.")
        .text(" Never wait to get help because of something you read here. ");
    emergency_sentence(&mut h);
    h.close("p");
    h.open("p", &[])
        .text("The guide and answers are by ")
        .text(&content::author().byline())
        .text(", ")
        .text(content::attribution().practice)
        .text(". ")
        .leaf("a", &[("href", &Route::About.href())], "About this guide")
        .close("p");
    super::clinic::footer_host(&mut h);
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_marks_the_current_section() {
        let html = header(Route::Effect(2));
        assert!(html.contains("<a href=\"./\" aria-current=\"page\">Guide</a>"));
        assert_eq!(html.matches("aria-current").count(), 1);
        assert!(header(Route::Help).matches("aria-current").count() == 0);
    }

    #[test]
    fn the_main_of_every_static_page_reads_back_as_written() {
        for route in Route::all_static() {
            let Some(page) = crate::pages::page(route) else {
                continue;
            };
            let html = page.outer();
            let document = format!("<!DOCTYPE html><html><head><title>x</title></head><body data-prerendered>{}</body></html>", body(route, &html));
            assert_eq!(main_content(&document), Some(html.as_str()), "{route:?}");
        }
        assert_eq!(main_content("<p>no main here</p>"), None);
        assert_eq!(
            main_content("<main id=\"main\" tabindex=\"-1\">unclosed"),
            None
        );
        assert_eq!(main_content("</main><main id=\"main\">"), None);
    }
}
