//! The reader bundle's pages: every static page and the search page. Plain `web_sys` over
//! the core's HTML, no framework: the reader is what a first visit loads, so it carries only
//! what reading and searching need (the Leptos bundles mount their pages through `app`
//! instead).
//!
//! A static page is written whole by the build (its `index.html`), so the reader writes none:
//! a link to another one loads it (`Route::shown_in_place`), and the reader carries none of
//! their writers or the words only they show (a tenth of its download, which a first search
//! waits for). The search page is the reader's own: typing on any page shows it in place, and
//! the page it replaced is kept aside, as it was (a `<details>` left open stays open), for Back.
//! Words typed into the box before the bundle arrived are searched at once, as their first
//! keystroke would have done.

use crate::pages::search::{move_between_results, SearchView};
use crate::router::{self, Location};
use crate::takeover;
use crate::window::{after, document, listen, next_frame};
use aftercare_core::filter::Filter;
use aftercare_core::route::Route;
use std::cell::RefCell;

/// What the reader shows: the page in `<main>`, and the search page's view while it is the
/// one shown.
struct Reader {
    main: web_sys::Element,
    route: Route,
    search: Option<SearchView>,
    /// A search answer was written and has not been painted yet: words typed meanwhile wait
    /// for that paint (see [`follow`]).
    painting: bool,
    /// Words arrived while `painting`: answer the address's words once the paint is done.
    behind: bool,
    /// The content of the page this one opened on, kept aside (in a detached element) while
    /// the search page shows in its place.
    kept: Option<web_sys::Element>,
}

thread_local! {
    static READER: RefCell<Option<Reader>> = const { RefCell::new(None) };
}

/// Shows the page the address names and follows the router from then on.
pub fn show() {
    let typed = takeover::typed();
    if !typed.is_empty() {
        router::go_quietly(Route::Search, takeover::search_params(&typed));
    }
    let Some(main) = crate::frame::start() else {
        return;
    };
    let location = router::location();
    let mut kept = None;
    let search = if location.route == Route::Search {
        if router::start_route() != Route::Search {
            kept = keep_aside(&main);
        }
        SearchView::show(&main, &location)
    } else {
        // Get help now has the region picker: show the current choice.
        if location.route == Route::Help {
            crate::region::sync_picker();
        }
        None
    };
    listen(&main, "click", |event: web_sys::MouseEvent| {
        let symptoms = READER.with_borrow(|r| {
            r.as_ref()
                .and_then(|r| r.search.as_ref())
                .and_then(|search| search.clicked(&event))
        });
        // Set once nothing is borrowed: the router calls back into `follow`.
        if let Some(symptoms) = symptoms {
            router::set_param(Filter::PARAM, &symptoms);
        }
    });
    listen(&main, "keydown", |event: web_sys::KeyboardEvent| {
        move_between_results(&event);
    });
    let painting = search.is_some();
    READER.with_borrow_mut(|r| {
        *r = Some(Reader {
            main,
            route: location.route,
            search,
            painting,
            behind: false,
            kept,
        });
    });
    if painting {
        after_paint();
    }
    router::subscribe(follow);
    // The search index is built while the person reads (a few milliseconds, tens on a slow
    // phone), so the first letter typed is answered at once.
    crate::window::when_idle(|| {
        let _ = aftercare_core::search::guide_index();
    });
}

/// Shows what the new location asks for: another page, or the search page's new answer.
///
/// One answer per painted frame: words that arrive before the last answer has been painted
/// (keys pressed while a slow phone was busy, such as starting the reader) are answered
/// right after that paint, with whatever the box holds by then. Answering each of them at
/// once would hold the paint back by a whole search each, for answers nobody sees.
fn follow(location: &Location) {
    let wrote = READER.with_borrow_mut(|reader| {
        let Some(reader) = reader else {
            return false;
        };
        let mut wrote = false;
        match (location.route, reader.search.as_mut()) {
            (Route::Search, Some(_)) if reader.painting => reader.behind = true,
            (Route::Search, Some(search)) => wrote = search.follow(location),
            (Route::Search, None) => {
                if reader.kept.is_none() {
                    reader.kept = keep_aside(&reader.main);
                }
                reader.search = SearchView::show(&reader.main, location);
                wrote = reader.search.is_some();
            }
            (route, _) if route != reader.route => {
                reader.search = None;
                reader.behind = false;
                // The router shows in place only the page this one opened on (Back after a
                // search); anything else is a page of its own.
                match reader.kept.take() {
                    Some(kept) if route == router::start_route() => {
                        reader.main.set_inner_html("");
                        move_children(&kept, &reader.main);
                    }
                    _ => reload(),
                }
            }
            _ => {}
        }
        reader.route = location.route;
        reader.painting |= wrote;
        wrote
    });
    if wrote {
        after_paint();
    }
}

/// Marks the answer written as painted once the next frame has been (a task after that
/// frame), and answers the words that waited for it.
fn after_paint() {
    next_frame(|| {
        after(0, || {
            let behind = READER.with_borrow_mut(|reader| {
                reader.as_mut().is_some_and(|r| {
                    r.painting = false;
                    std::mem::take(&mut r.behind)
                })
            });
            if behind {
                follow(&router::location());
            }
        });
    });
}

/// Moves the content of `main` into a detached element and returns it (`None` without a
/// document): the page the search page replaces, kept as it is for Back.
fn keep_aside(main: &web_sys::Element) -> Option<web_sys::Element> {
    let kept = document()?.create_element("div").ok()?;
    move_children(main, &kept);
    Some(kept)
}

/// Moves every child node of `from` to the end of `to`, in order.
fn move_children(from: &web_sys::Element, to: &web_sys::Element) {
    while let Some(child) = from.first_child() {
        if to.append_child(&child).is_err() {
            break;
        }
    }
}

/// Loads the address as a page of its own.
fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
