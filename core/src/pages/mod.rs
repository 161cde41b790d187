//! The static pages (home, the six side effects, the readers' questions, About, Get help now,
//! not found) and the header and footer around them, written as HTML from the content.
//!
//! One writer, two readers: the build prerenders these strings into each page's `index.html`
//! so the words paint before the WebAssembly arrives, and the app shows the very same strings
//! when it takes over or navigates. Links are ordinary `<a href>` relative to `<base>`: they
//! work before the app has loaded, and the app's click handler takes them over once it has.
//!
//! By concern: `frame.rs` writes what surrounds every page (skip link, header, navigation,
//! footer); `guide.rs` the guide's pages (home, the side effects, the questions and each
//! thread); `info.rs` About, Get help now, not found and the disclaimer; `install.rs` why and
//! how to install the app (About and the journal's note); `results.rs` the search results; `search.rs` the search page; `journal.rs` the journal list's cards; `summary.rs` the clinician summary's chart and tables; `care.rs` the pieces
//! that advise (red-flag and care cards, the numbers to call, the region choice, the
//! emergency sentence, source lists, levels and the triage panel); `clinic.rs` what the hosting
//! clinic adds, if there is one (call button, booking link, "hosted by"). This module holds the
//! public API, re-exported from those files, and the small helpers they share.

mod care;
mod clinic;
mod frame;
mod guide;
mod info;
mod install;
mod journal;
mod results;
pub mod search;
mod status;
mod summary;

pub use care::{
    calls, claims_inner, emergency_sentence, level_badge_class, red_flag_card, red_flag_cards,
    rules_inner, sources_inner, OWN_GUIDANCE, SOURCES_CLASS,
};
pub use clinic::{clinic_contact_inner, CLINIC_CONTACT_CLASS};
pub use frame::{
    body, body_start, footer_and_status, header, is_current, main_content, FOOTER_CLASS, MAIN_ID,
    NAV, SEARCH_INPUT_ID, SEARCH_LABEL, SEARCH_PLACEHOLDER, SITE_HEADER_CLASS, SKIP_LINK_CLASS,
    STATUS_CLASS,
};
pub use info::disclaimer;
pub use install::{install_help_inner, INSTALL_TITLE};
pub use journal::{edit_href, journal_days_inner, DELETE_ATTR};
pub use results::{results_inner, RESULT_CLASS};
pub use search::SearchPage;
pub use status::{StatusNote, ACTION_ATTR, NOTE_ATTR};
pub use summary::{summary_chart, summary_tables};

use crate::html::Html;
use crate::route::Route;

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
        Route::Home => guide::home(),
        Route::Effect(i) => guide::effect(i).unwrap_or_else(info::not_found),
        Route::Faq => guide::faq(),
        Route::Thread(i) => guide::thread(i).unwrap_or_else(info::not_found),
        Route::About => info::about(),
        Route::Help => info::help(),
        Route::NotFound => info::not_found(),
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

/// The journal's lead, under its heading: the prerendered start of the page and the app's
/// view both show it.
pub const JOURNAL_LEAD: &str = "A private note of what you feel after a session, to look back on or show your practitioner. It stays in this browser on this device.";

/// The symptom checker's lead, under its heading (prerendered and in the app's view).
pub const CHECK_LEAD: &str = "Tell us about any warning signs first, then tick what you feel and say when your session was. The answer changes as you choose.";

/// The start of an interactive page that depends on nothing stored or chosen (its heading,
/// and its lead where nothing can come between them), for the build to prerender (with [`body_start`]) so the page paints before its
/// bundle arrives; the app's view writes the same words. `None` for the other pages.
#[must_use]
pub fn page_start(route: Route) -> Option<StaticPage> {
    let (class, lead) = match route {
        Route::Journal => ("page journal", Some(JOURNAL_LEAD)),
        Route::Check => ("page check", Some(CHECK_LEAD)),
        // Only the search page's heading: what comes under it depends on the words in the
        // address (a red flag's card first), so nothing painted before the app has to move.
        Route::Search => (search::SEARCH_CLASS, None),
        _ => return None,
    };
    let mut h = Html::new();
    h1(&mut h, route.title());
    if let Some(lead) = lead {
        h.leaf("p", &[("class", "lead")], lead);
    }
    Some(StaticPage {
        tag: "div",
        class,
        inner: h.into_string(),
    })
}

// Small helpers the page files share.

fn paragraphs(h: &mut Html, paragraphs: &[&str]) {
    for p in paragraphs {
        h.leaf("p", &[], p);
    }
}

fn h1(h: &mut Html, text: &str) {
    h.leaf("h1", &[("tabindex", "-1")], text);
}

/// What goes inside a list (`<ul>`, `<ol>`): one item per line of text, escaped.
#[must_use]
pub fn text_items(lines: &[String]) -> String {
    let mut h = Html::new();
    for line in lines {
        h.leaf("li", &[], line);
    }
    h.into_string()
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
    fn out_of_range_pages_are_not_found() {
        let Some(p) = page(Route::Thread(999)) else {
            panic!("static");
        };
        assert_eq!(p.class, "page not-found");
    }
}
