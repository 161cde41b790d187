//! The journal bundle's pages: the list (`list`, with the "Keep a copy" section from
//! `copy`), the add/edit form (`entry`) and the practitioner summary (`summary`), over one
//! journal store (`store`), with no framework.
//!
//! Each page writes its markup once (the core's writer, `aftercare_core::html`) and then
//! rewrites only the parts that change ([`dom::Part`]), so focus, an open `<details>` and
//! what is being typed stay where they are. One click, one input, one change and one submit
//! listener on `<main>` hand events to the page shown (buttons name what they do in
//! `data-do`). The store tells the page after every change ([`store::on_change`]); the
//! router tells it when the address does.
//!
//! When storage is unavailable the entries live only in this page's memory, so the
//! journal's three pages move between each other in place, in this one bundle.

mod copy;
mod dom;
mod entry;
mod files;
mod list;
mod notices;
mod store;
mod summary;

use crate::router::{self, Location};
use crate::takeover;
use crate::window::listen;
use aftercare_core::route::Route;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// The page shown.
pub enum Page {
    /// The list, with "Keep a copy".
    List(Box<list::List>),
    /// The add/edit form.
    Entry(entry::EntryPage),
    /// The practitioner summary.
    Summary(summary::SummaryPage),
}

impl Page {
    /// Writes the page for `location` into `main`.
    fn show(main: &web_sys::Element, location: &Location) -> Option<Page> {
        Some(match location.route {
            Route::JournalEntry => Page::Entry(entry::EntryPage::show(main, location)?),
            Route::JournalSummary => Page::Summary(summary::SummaryPage::show(main, location)?),
            _ => Page::List(Box::new(list::List::show(main, location)?)),
        })
    }

    fn route(&self) -> Route {
        match self {
            Page::List(_) => Route::Journal,
            Page::Entry(_) => Route::JournalEntry,
            Page::Summary(_) => Route::JournalSummary,
        }
    }

    fn render(&mut self) {
        match self {
            Page::List(p) => p.render(),
            Page::Entry(p) => p.render(),
            Page::Summary(p) => p.render(),
        }
    }

    fn follow(&mut self, location: &Location) {
        match self {
            Page::List(p) => p.follow(location),
            Page::Summary(p) => p.follow(location),
            // The form reads the address once: a change of it never resets what is typed.
            Page::Entry(_) => {}
        }
    }

    fn click(&mut self, target: &web_sys::Element) {
        let action = target
            .closest("[data-do]")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("data-do"))
            .unwrap_or_default();
        if notices::clicked(&action) {
            return;
        }
        match self {
            Page::List(p) => {
                p.click(target, &action);
            }
            Page::Entry(p) => {
                p.click(target, &action);
            }
            Page::Summary(p) => {
                p.click(&action);
            }
        }
    }

    fn edited(&mut self, target: &web_sys::Element) {
        match self {
            Page::List(p) => p.edited(target),
            Page::Entry(p) => p.edited(Some(target)),
            Page::Summary(p) => p.edited(target),
        }
    }
}

/// The bundle's state: `<main>`, and the page in it.
struct Shown {
    main: web_sys::Element,
    page: Option<Page>,
}

thread_local! {
    static SHOWN: RefCell<Option<Shown>> = const { RefCell::new(None) };
    /// Work that arrived while the page was busy, run as soon as it is free.
    static QUEUE: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with the page shown, then draws what changed. Called while the page is already
/// busy (a save that finished at once, say), `f` waits until it is free: nothing is ever
/// borrowed twice.
pub fn with_page(f: impl FnOnce(&mut Page) + 'static) {
    let ran = SHOWN.with(|shown| match shown.try_borrow_mut() {
        Ok(mut shown) => {
            if let Some(page) = shown.as_mut().and_then(|s| s.page.as_mut()) {
                f(page);
                page.render();
            }
            None
        }
        Err(_) => Some(f),
    });
    match ran {
        None => drain(),
        Some(f) => QUEUE.with_borrow_mut(|q| q.push(Box::new(move || with_page(f)))),
    }
}

/// Runs the work that waited for the page.
fn drain() {
    while let Some(next) = QUEUE.with_borrow_mut(|q| (!q.is_empty()).then(|| q.remove(0))) {
        next();
    }
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
        let page = Page::show(&main, &router::location());
        SHOWN.with_borrow_mut(|s| {
            *s = Some(Shown {
                main: main.clone(),
                page,
            });
        });
        with_page(|_| {});
        takeover::restore_scroll(scroll);
        store::on_change(|| with_page(|_| {}));
        router::subscribe(|location| {
            let location = location.clone();
            later(move || on_location(location));
        });
        listen(&main, "click", |event: web_sys::MouseEvent| {
            if let Some(target) = target(&event) {
                with_page(move |page| page.click(&target));
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
                with_page(move |page| page.edited(&target));
            });
        }
        listen(&main, "submit", |event: web_sys::Event| {
            event.prevent_default();
            with_page(|page| {
                if let Page::Entry(form) = page {
                    form.submit();
                }
            });
        });
    };
    // Someone already typing has seen the page: take it over at once.
    if takeover::is_prerendered() && takeover::typed().is_empty() {
        takeover::after_next_paint(run);
    } else {
        run();
    }
}

/// Runs `f` once the page is free: at once when it is, else after what keeps it busy.
fn later(f: impl FnOnce() + 'static) {
    QUEUE.with_borrow_mut(|q| q.push(Box::new(f)));
    let free = SHOWN.with(|shown| shown.try_borrow_mut().is_ok());
    if free {
        drain();
    }
}

/// The address changed: another of the journal's pages, or the same one with other
/// parameters.
fn on_location(location: Location) {
    let turn = SHOWN.with_borrow(|s| {
        s.as_ref()
            .and_then(|s| s.page.as_ref())
            .is_none_or(|p| p.route() != location.route)
    });
    if turn {
        turn_to(location);
    } else {
        with_page(move |page| page.follow(&location));
    }
}

/// The element an event happened on.
fn target(event: &web_sys::Event) -> Option<web_sys::Element> {
    event.target()?.dyn_into::<web_sys::Element>().ok()
}

/// Shows another of the journal's pages. Leaving the list clears its status line.
fn turn_to(location: Location) {
    let free = SHOWN.with(|shown| match shown.try_borrow_mut() {
        Ok(mut shown) => {
            if let Some(shown) = shown.as_mut() {
                if matches!(shown.page, Some(Page::List(_))) {
                    store::set_status_quietly(None);
                }
                shown.page = Page::show(&shown.main, &location);
                if let Some(page) = shown.page.as_mut() {
                    page.render();
                }
            }
            true
        }
        Err(_) => false,
    });
    if free {
        drain();
    } else {
        QUEUE.with_borrow_mut(|q| q.push(Box::new(move || turn_to(location))));
    }
}
