//! The reader bundle's pages: every static page and the search page, shown in the frame's
//! `<main>` as the router moves between them. Plain `web_sys` over the core's HTML, no
//! framework: the reader is what a first visit loads, so it carries only what reading and
//! searching need (the Leptos bundles mount their pages through `app` instead).
//!
//! A prerendered static page is already what the reader would write: it is left as it is, and
//! the reader only follows the router from there. Words typed into the box before the bundle
//! arrived are searched at once, as their first keystroke would have done.

use crate::pages::search::{move_between_results, SearchView};
use crate::pages::static_page;
use crate::router::{self, Location};
use crate::takeover;
use crate::window::{after, listen, next_frame};
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
}

thread_local! {
    static READER: RefCell<Option<Reader>> = const { RefCell::new(None) };
}

/// Shows the page the address names and follows the router from then on.
pub fn show() {
    let prerendered = takeover::is_prerendered();
    let typed = takeover::typed();
    if !typed.is_empty() {
        router::go_quietly(Route::Search, takeover::search_params(&typed));
    }
    let Some(main) = crate::frame::start() else {
        return;
    };
    let location = router::location();
    let search = if location.route == Route::Search {
        SearchView::show(&main, &location)
    } else {
        static_page::show(&main, location.route, prerendered);
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
                reader.search = SearchView::show(&reader.main, location);
                wrote = reader.search.is_some();
            }
            (route, _) if route != reader.route => {
                reader.search = None;
                reader.behind = false;
                static_page::show(&reader.main, route, false);
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
