//! The reader bundle's pages: every static page and the search page, shown in the frame's
//! `<main>` as the router moves between them. Plain `web_sys` over the core's HTML, no
//! framework: the reader is what a first visit loads, so it carries only what reading and
//! searching need (the Leptos bundles mount their pages through `app` instead).
//!
//! A static page is written whole by the build (its `index.html`), so the reader writes none
//! and carries none of their writers, nor the words only they show (a tenth of its
//! download, which a first search waits for). Moving to another static page, it takes that
//! page's `<main>` from its `index.html` (the offline copy once installed, else the HTTP
//! cache or the network) and shows it in place; should the page not come, the browser loads
//! it. A page shown before is kept aside as it was (a `<details>` left open stays open), so
//! Back and Forward show it again at once. The search page is the reader's own: typing on any
//! page shows it in place. Words typed into the box before the bundle arrived are searched at
//! once, as their first keystroke would have done.

use crate::pages::search::{move_between_results, SearchView};
use crate::router::{self, Location};
use crate::takeover;
use crate::window::{after, document, fetch_text, listen, next_frame};
use aftercare_core::filter::Filter;
use aftercare_core::route::Route;
use std::cell::RefCell;

/// What the reader shows: the page in `<main>`, and the search page's view while it is the
/// one shown.
struct Reader {
    main: web_sys::Element,
    /// The router's page, as last followed.
    route: Route,
    /// The static page `<main>` holds (`None` while the search page shows).
    shows: Option<Route>,
    search: Option<SearchView>,
    /// A search answer was written and has not been painted yet: words typed meanwhile wait
    /// for that paint (see [`follow`]).
    painting: bool,
    /// Words arrived while `painting`: answer the address's words once the paint is done.
    behind: bool,
    /// Static pages shown earlier, their content kept aside (in detached elements) as it
    /// was, for Back and Forward.
    kept: Vec<(Route, web_sys::Element)>,
    /// How many pages were asked for: a page that arrives after another was asked for (or
    /// after the person moved on) is not shown.
    asked: u32,
    /// A static page's `<main>` fetched for a link just followed, shown as the router opens it.
    ready: Option<(Route, String)>,
}

impl Reader {
    /// Moves the static page `<main>` holds aside, under its route.
    fn keep_shown(&mut self) {
        let Some(route) = self.shows.take() else {
            return;
        };
        if let Some(kept) = document().and_then(|d| d.create_element("div").ok()) {
            move_children(&self.main, &kept);
            self.kept.retain(|(r, _)| *r != route);
            self.kept.push((route, kept));
        }
    }

    /// Shows static page `route` in `<main>` in place of what is there, from `content`
    /// (moved in) or `html` (the page's `<main>` as the build wrote it).
    fn show_page(&mut self, route: Route, content: Content) {
        let _ = self.main.remove_attribute("aria-busy");
        self.search = None;
        self.keep_shown();
        match content {
            Content::Kept(kept) => {
                self.main.set_inner_html("");
                move_children(&kept, &self.main);
            }
            Content::Html(html) => self.main.set_inner_html(&html),
        }
        self.shows = Some(route);
        shown(route);
    }
}

/// What a static page needs beyond its markup once shown: Get help now's region picker shows
/// the current choice.
fn shown(route: Route) {
    if route == Route::Help {
        crate::region::sync_picker();
    }
}

/// A static page's content: kept aside earlier, or its markup.
enum Content {
    Kept(web_sys::Element),
    Html(String),
}

thread_local! {
    static READER: RefCell<Option<Reader>> = const { RefCell::new(None) };
}

/// Shows the page the address names and follows the router from then on.
pub fn show() {
    // The static page the build wrote into this page, if it is one.
    let opened = Some(router::route()).filter(|&r| r != Route::Search);
    let typed = takeover::typed();
    if !typed.is_empty() {
        router::go_quietly(Route::Search, takeover::search_params(&typed));
    }
    let Some(main) = crate::frame::start() else {
        return;
    };
    let location = router::location();
    let mut reader = Reader {
        main,
        route: location.route,
        shows: opened,
        search: None,
        painting: false,
        behind: false,
        kept: Vec::new(),
        asked: 0,
        ready: None,
    };
    if location.route == Route::Search {
        reader.keep_shown();
        reader.search = SearchView::show(&reader.main, &location);
    } else {
        shown(location.route);
    }
    listen(&reader.main, "click", |event: web_sys::MouseEvent| {
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
    listen(&reader.main, "keydown", |event: web_sys::KeyboardEvent| {
        move_between_results(&event);
    });
    reader.painting = reader.search.is_some();
    let painting = reader.painting;
    READER.with_borrow_mut(|r| *r = Some(reader));
    if painting {
        after_paint();
    }
    router::subscribe(follow);
    router::set_opener(open);
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
    let mut fetch = None;
    let wrote = READER.with_borrow_mut(|reader| {
        let Some(reader) = reader else {
            return false;
        };
        let mut wrote = false;
        if location.route != reader.route {
            // A page asked for and still on its way is not shown once the person moved on.
            reader.asked += 1;
            let _ = reader.main.remove_attribute("aria-busy");
        }
        match (location.route, reader.search.as_mut()) {
            (Route::Search, Some(_)) if reader.painting => reader.behind = true,
            (Route::Search, Some(search)) => wrote = search.follow(location),
            (Route::Search, None) => {
                reader.keep_shown();
                reader.search = SearchView::show(&reader.main, location);
                wrote = reader.search.is_some();
            }
            (route, _) if route != reader.route => {
                reader.behind = false;
                let ready = reader.ready.take().filter(|(r, _)| *r == route);
                if let Some(i) = reader.kept.iter().position(|(r, _)| *r == route) {
                    let (_, kept) = reader.kept.remove(i);
                    reader.show_page(route, Content::Kept(kept));
                } else if let Some((_, html)) = ready {
                    reader.show_page(route, Content::Html(html));
                } else {
                    // Its content is on its way: nothing moves until it is there.
                    let _ = reader.main.set_attribute("aria-busy", "true");
                    fetch = Some((route, reader.asked));
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
    if let Some((route, asked)) = fetch {
        fetch_page(route, asked, move |html| {
            READER.with_borrow_mut(|reader| {
                if let Some(reader) = reader {
                    reader.show_page(route, Content::Html(html));
                }
            });
            router::after_page_change();
        });
    }
}

/// Opens `route` for a link followed to it: at once when the reader has what it shows (the
/// search page, the page shown, a page kept aside); else once its content has been fetched,
/// so the address, the title and the page change together, unless the person moved on
/// meanwhile.
fn open(route: Route, go: Box<dyn FnOnce()>) {
    let asked = READER.with_borrow_mut(|reader| {
        let reader = reader.as_mut()?;
        reader.asked += 1;
        let at_once = route == Route::Search
            || route == reader.route
            || reader.kept.iter().any(|(r, _)| *r == route);
        (!at_once).then_some(reader.asked)
    });
    let Some(asked) = asked else {
        go();
        return;
    };
    fetch_page(route, asked, move |html| {
        READER.with_borrow_mut(|reader| {
            if let Some(reader) = reader {
                reader.ready = Some((route, html));
            }
        });
        go();
    });
}

/// Takes static page `route`'s `<main>` from its `index.html` for `then`, unless another page
/// was asked for since (`asked`); should the page not come (offline with no copy, a broken
/// answer), the browser loads it.
fn fetch_page(route: Route, asked: u32, then: impl FnOnce(String) + 'static) {
    let url = format!("{}{}", router::base_path(), route.path());
    fetch_text(&url.clone(), move |text| {
        if !READER.with_borrow(|r| r.as_ref().is_some_and(|r| r.asked == asked)) {
            // The person moved on meanwhile.
            return;
        }
        match text
            .as_deref()
            .and_then(aftercare_core::pages::main_content)
        {
            Some(html) => then(html.to_owned()),
            None => {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().assign(&url);
                }
            }
        }
    });
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

/// Moves every child node of `from` to the end of `to`, in order.
fn move_children(from: &web_sys::Element, to: &web_sys::Element) {
    while let Some(child) = from.first_child() {
        if to.append_child(&child).is_err() {
            break;
        }
    }
}
