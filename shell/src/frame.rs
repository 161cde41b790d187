//! The frame around every page, in every bundle: skip link, header (with the main navigation,
//! the always-visible "Get help now" link and the search box), footer and the status region
//! for the app's notes. The core writes its markup (`pages::frame`), the build prerenders it
//! into every page, and this module gives it behaviour where it stands: nothing of the frame
//! is rendered twice, so the search box keeps its words and focus while a bundle starts.
//!
//! Plain `web_sys` over the router, so the reader carries no framework; the Leptos bundles
//! mount their pages into `<main>` inside this frame.

use crate::router::{self, Location};
use crate::window::{document, listen, on_window};
use aftercare_core::pages;
use aftercare_core::route::{Params, Route};
use aftercare_core::triage::red_flags;
use wasm_bindgen::JsCast;

/// Makes the frame live: writes what the page lacks of it (a page the build did not
/// prerender has none; an interactive page's prerendered start has no footer), gives the
/// header its behaviour, keeps the tab title and the navigation in step with the page, and
/// starts the status notes (after the first answer's paint when words wait for one). Returns `<main>`, for the bundle's pages. Call once, in the task
/// that first fills `<main>`, so nothing painted moves in between.
#[must_use]
pub fn start() -> Option<web_sys::Element> {
    let document = document()?;
    let body = document.body()?;
    let by_class = |class: &str| document.query_selector(&format!(".{class}")).ok().flatten();
    if document.get_element_by_id(pages::MAIN_ID).is_none() {
        body.set_inner_html(&pages::body(router::route(), ""));
    }
    let _ = body.remove_attribute("data-prerendered");
    if by_class(pages::FOOTER_CLASS).is_none() {
        let _ = body.insert_adjacent_html("beforeend", &pages::footer_and_status());
    }
    if let Some(header) = by_class(pages::SITE_HEADER_CLASS) {
        make_live(by_class(pages::SKIP_LINK_CLASS), &header);
    }
    if let Some(status) = by_class(pages::STATUS_CLASS) {
        if crate::takeover::typed().is_empty() {
            crate::pwa::start(status);
        } else {
            // Someone typed before the bundle arrived and waits for an answer: it comes
            // first. The status notes and the offline copy's registration (a tenth of the
            // reader's start on a slow phone) follow once it has painted.
            crate::takeover::after_next_paint(move || crate::pwa::start(status));
        }
    }
    document.get_element_by_id(pages::MAIN_ID)
}

/// Gives the core's header markup its behaviour: the skip link follows the address, the tab's
/// title and the current page marked in the navigation follow the route (rewritten only when
/// the page changes, not as words are typed); and the search box ([`search_box`]).
fn make_live(skip: Option<web_sys::Element>, header: &web_sys::Element) {
    let links = header.query_selector_all("nav a").ok();
    let shown = std::cell::Cell::new(None);
    let follow = move |location: &Location| {
        let here = location.route;
        if let Some(skip) = &skip {
            let _ = skip.set_attribute("href", &skip_href(here));
        }
        if shown.replace(Some(here)) == Some(here) {
            return;
        }
        if let Some(document) = document() {
            document.set_title(&format!("{} · Aftercare", here.title()));
        }
        let Some(links) = &links else {
            return;
        };
        for (link, &(to, _)) in crate::window::nodes::<web_sys::Element>(links).zip(&pages::NAV) {
            let _ = if pages::is_current(to, here) {
                link.set_attribute("aria-current", "page")
            } else {
                link.remove_attribute("aria-current")
            };
        }
    };
    follow(&router::location());
    router::subscribe(follow);
    search_box(header);
}

/// The skip link's target: #main on the page's own address (a bare "#main" would resolve
/// against the document's `<base>`, i.e. the home page): the route's address relative to
/// `<base>`, as the build prerenders it, with the query kept. The 404 page is served at any
/// address under an absolute `<base>`, so there it is read from the browser.
fn skip_href(here: Route) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return format!("{}#main", here.href());
    };
    let search = location.search().unwrap_or_default();
    if here == Route::NotFound {
        format!("{}{search}#main", location.pathname().unwrap_or_default())
    } else {
        format!("{}{search}#main", here.href())
    }
}

/// The search box in the header of every page. In a bundle with search (the reader), typing
/// shows results at once on the search page (the query goes into the URL as `?q=`); in the
/// others the box is the plain form it is without the app (Enter opens the search page), and
/// a red flag the words name shows its card under the box at once. `/` anywhere focuses it;
/// the down arrow moves to the first result.
fn search_box(header: &web_sys::Element) {
    let found = |selector: &str| header.query_selector(selector).ok().flatten();
    let (Some(form), Some(input), Some(flags_box)) = (
        found("form"),
        found(&format!("#{}", pages::SEARCH_INPUT_ID))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()),
        found(".header-flags"),
    ) else {
        return;
    };
    let live = router::shows(Route::Search);

    {
        let input = input.clone();
        on_window("keydown", move |event: web_sys::KeyboardEvent| {
            if event.key() != "/" || event.ctrl_key() || event.meta_key() || event.alt_key() {
                return;
            }
            let typing = document()
                .and_then(|d| d.active_element())
                .is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        || el
                            .dyn_ref::<web_sys::HtmlElement>()
                            .is_some_and(web_sys::HtmlElement::is_content_editable)
                });
            if !typing {
                event.prevent_default();
                let _ = input.focus();
            }
        });
    }
    listen(&input, "keydown", move |event: web_sys::KeyboardEvent| {
        if event.key() == "ArrowDown" {
            if let Some(first) = document()
                .and_then(|d| d.query_selector(".results .result-title").ok().flatten())
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                event.prevent_default();
                let _ = first.focus();
            }
        }
    });

    if !live {
        // Red flags come before everything: the card shows under the box as soon as the
        // words name one, before Enter takes the person to the search page.
        let source = input.clone();
        let show_flags = move || {
            flags_box.set_inner_html(&pages::red_flag_cards(
                &red_flags::matching(&source.value()),
                "header",
            ));
        };
        // Words typed before the bundle arrived count too.
        if !input.value().is_empty() {
            show_flags();
        }
        listen(&input, "input", move |_: web_sys::Event| show_flags());
        return;
    }

    // The box shows the query of the address (words typed before the bundle arrived are
    // the address's by now: the reader went to their search first).
    {
        let input = input.clone();
        let show_query = move |location: &Location| {
            let q = location.params.get("q").unwrap_or_default();
            if input.value() != q {
                input.set_value(q);
            }
        };
        show_query(&router::location());
        router::subscribe(show_query);
    }
    let source = input.clone();
    listen(&input, "input", move |_: web_sys::Event| {
        let value = source.value();
        if router::route() == Route::Search {
            router::set_param("q", &value);
        } else {
            let mut params = Params::default();
            params.set("q", &value);
            router::go_quietly(Route::Search, params);
        }
    });
    listen(&form, "submit", |event: web_sys::Event| {
        event.prevent_default();
    });
}
