//! The journal bundle's pages: the list (`list`, with the "Keep a copy" section from
//! `copy`), the add/edit form (`entry`) and the practitioner summary (`summary`), over one
//! journal store (`store`), with no framework.
//!
//! Each page writes its markup once (the core's writer, `aftercare_core::html`) and then
//! rewrites only the parts that change ([`dom::Part`]), so focus, an open `<details>` and
//! what is being typed stay where they are. One click, one input, one change and one submit
//! listener on `<main>` hand events to the page shown (buttons name what they do in
//! `data-do`), through `shown`, the one way to reach it; the store tells it after every
//! change ([`store::on_change`]), the router when the address does.
//!
//! When storage is unavailable the entries live only in this page's memory, so the
//! journal's three pages move between each other in place, in this one bundle.

mod copy;
mod dom;
mod entry;
mod files;
mod list;
mod notices;
mod shown;
mod store;
mod summary;

use crate::router::{self, Location};
use crate::takeover;
use crate::window::listen;
use aftercare_core::route::Route;
use shown::View;
use wasm_bindgen::JsCast;

/// Writes the page for `location` into `main`.
fn page(main: &web_sys::Element, location: &Location) -> Option<Box<dyn View>> {
    Some(match location.route {
        Route::JournalEntry => Box::new(entry::EntryPage::show(main, location)?),
        Route::JournalSummary => Box::new(summary::SummaryPage::show(main, location)?),
        _ => Box::new(list::List::show(main, location)?),
    })
}

/// Shows the page the address names (after the prerendered start has been painted) and
/// follows the router and the store from then on.
pub fn show() {
    let run = move || {
        let scroll = takeover::scroll();
        let Some(main) = crate::frame::start() else {
            return;
        };
        store::load();
        let first = main.clone();
        shown::replace(move || page(&first, &router::location()));
        takeover::restore_scroll(scroll);
        store::on_change(|| shown::with_view(|_| {}));
        let place = main.clone();
        router::subscribe(move |location| {
            let (main, location) = (place.clone(), location.clone());
            shown::later(move || turn(main, location));
        });
        listen(&main, "click", |event: web_sys::MouseEvent| {
            let Some(target) = target(&event) else {
                return;
            };
            let action = target
                .closest("[data-do]")
                .ok()
                .flatten()
                .and_then(|e| e.get_attribute("data-do"))
                .unwrap_or_default();
            if !notices::clicked(&action) {
                shown::with_view(move |view| view.click(&target, &action));
            }
        });
        for kind in ["input", "change"] {
            listen(&main, kind, move |event: web_sys::Event| {
                // A chosen file is read once, on its change.
                let Some(target) = target(&event).filter(|t| {
                    kind == "change" || t.get_attribute("type").as_deref() != Some("file")
                }) else {
                    return;
                };
                shown::with_view(move |view| view.edited(&target));
            });
        }
        listen(&main, "submit", |event: web_sys::Event| {
            event.prevent_default();
            shown::with_view(|view| view.submit());
        });
    };
    // Someone already typing has seen the page: take it over at once.
    if takeover::is_prerendered() && takeover::typed().is_empty() {
        takeover::after_next_paint(run);
    } else {
        run();
    }
}

/// The address changed: the same page with other parameters, or another of the journal's
/// pages (leaving the list clears its status line).
fn turn(main: web_sys::Element, location: Location) {
    let shown = shown::route();
    if shown == Some(location.route) {
        shown::with_view(move |view| view.follow(&location));
        return;
    }
    if shown == Some(Route::Journal) {
        store::set_status_quietly(None);
    }
    shown::replace(move || page(&main, &location));
}

/// The element an event happened on.
fn target(event: &web_sys::Event) -> Option<web_sys::Element> {
    event.target()?.dyn_into::<web_sys::Element>().ok()
}
