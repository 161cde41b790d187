//! Client-side navigation over the History API: the one owner of "where are we".
//!
//! Links are plain `<a href>` relative to the page's `<base>`, so they work before the wasm
//! has loaded and when opened in a new tab. Once the app runs, one window click listener turns
//! same-bundle link clicks into `history.pushState`, and `popstate` keeps the back button
//! working. Query parameters (`?q=`, `?symptoms=`) are page state that can be shared;
//! [`set_param`] replaces them in place as someone types.
//!
//! Plain Rust over `web_sys`, no framework: whoever shows something that depends on the
//! location [`subscribe`]s and is called after every change. The reader's pages and the frame
//! do so directly; the Leptos pages read it through `nav::Nav`, a signal this feeds.
//!
//! Navigation knows nothing of the app above it: which bundle this is (and so which pages it
//! shows itself, the core's `Route::bundle`) is given to [`install`]. A page of another bundle
//! (a link to it, or going back or forward to it) is loaded afresh, with its own bundle.

use crate::window::{document, next_frame, on_window};
use aftercare_core::route::{Bundle, Params, Route};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Where the app is: the page and its query parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The page.
    pub route: Route,
    /// The decoded query parameters.
    pub params: Params,
}

/// Something shown from the location, called after each change with the new one.
type Listener = Rc<dyn Fn(&Location)>;

/// Opens a page when a link to it is followed in place: called with the page and what opens
/// it ([`go`]), which it may call at once, later (once the page's content is there), or never
/// (the person moved on meanwhile).
type Opener = Rc<dyn Fn(Route, Box<dyn FnOnce()>)>;

/// The router's state: where the app is, the bundle running it, who follows changes.
struct Router {
    location: Location,
    bundle: Option<Bundle>,
    listeners: Vec<Listener>,
    opener: Option<Opener>,
}

thread_local! {
    static ROUTER: RefCell<Router> = RefCell::new(Router {
        location: read_location(),
        bundle: None,
        listeners: Vec::new(),
        opener: None,
    });
}

/// Reads the browser's location and installs the click and `popstate` listeners. Call once,
/// with the bundle running the page: clicks on links to pages it does not show are left to the
/// browser (a page load, with the bundle that shows them).
pub fn install(bundle: Bundle) {
    ROUTER.with_borrow_mut(|r| {
        r.location = read_location();
        r.bundle = Some(bundle);
    });
    on_window("popstate", |_: web_sys::Event| {
        let location = read_location();
        if shows(location.route) {
            set_location(location);
        } else if let Some(window) = web_sys::window() {
            // Going back or forward to a page of another bundle: load it with its own.
            let _ = window.location().reload();
        }
    });
    on_window("click", |event: web_sys::MouseEvent| on_click(&event));
}

/// Calls `listener` after every change of the location, with the new one, for the life of
/// the page.
pub fn subscribe(listener: impl Fn(&Location) + 'static) {
    ROUTER.with_borrow_mut(|r| r.listeners.push(Rc::new(listener)));
}

/// Lets `opener` open the pages that links lead to in place (the reader fetches a static
/// page's content first, so the address, the title and the page change together).
pub fn set_opener(opener: impl Fn(Route, Box<dyn FnOnce()>) + 'static) {
    ROUTER.with_borrow_mut(|r| r.opener = Some(Rc::new(opener)));
}

/// The current location.
#[must_use]
pub fn location() -> Location {
    ROUTER.with_borrow(|r| r.location.clone())
}

/// The current page.
#[must_use]
pub fn route() -> Route {
    ROUTER.with_borrow(|r| r.location.route)
}

/// Whether this bundle shows `route` itself.
#[must_use]
pub fn shows(route: Route) -> bool {
    ROUTER.with_borrow(|r| r.bundle == Some(route.bundle()))
}

/// Goes to a page with the given parameters, as a new history entry, and moves to its top
/// and its heading.
pub fn go(route: Route, params: Params) {
    go_quietly(route, params);
    after_page_change();
}

/// Goes to a page as a new history entry without moving focus or scrolling: for the
/// search box, whose typing opens the search page while the person keeps typing.
pub fn go_quietly(route: Route, params: Params) {
    push_url(route, &params);
    set_location(Location { route, params });
}

/// Replaces one query parameter in place (no new history entry), e.g. as someone types.
pub fn set_param(name: &str, value: &str) {
    let mut location = location();
    location.params.set(name, value);
    let url = format!(
        "{}{}{}",
        base_path(),
        location.route.path(),
        location.params.to_query()
    );
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
    set_location(location);
}

/// Sets the location and tells every listener, if it changed. Listeners may navigate in
/// turn: nothing is borrowed while they run.
fn set_location(location: Location) {
    let listeners = ROUTER.with_borrow_mut(|r| {
        if r.location == location {
            return Vec::new();
        }
        r.location = location.clone();
        r.listeners.clone()
    });
    for listener in listeners {
        listener(&location);
    }
}

fn on_click(event: &web_sys::MouseEvent) {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.ctrl_key()
        || event.shift_key()
        || event.alt_key()
    {
        return;
    }
    let Some(anchor) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    if !anchor.target().is_empty() || anchor.has_attribute("download") {
        return;
    }
    let Some(here) = web_sys::window().and_then(|w| w.location().href().ok()) else {
        return;
    };
    let (Some(target), Some(current)) = (AppUrl::parse(&anchor.href()), AppUrl::parse(&here))
    else {
        return;
    };
    if target.origin != current.origin {
        return;
    }
    // Same page and a #fragment: the browser scrolls to it (skip link, in-page anchors).
    if !target.hash.is_empty() && target.path == current.path && target.search == current.search {
        return;
    }
    let base = base_path();
    let Some(relative) = target.path.strip_prefix(&base) else {
        return;
    };
    let route = Route::parse(relative);
    if !shows(route) {
        return;
    }
    event.prevent_default();
    let params = Params::parse(&target.search);
    let open: Box<dyn FnOnce()> = Box::new(move || go(route, params));
    match ROUTER.with_borrow(|r| r.opener.clone()) {
        Some(opener) => opener(route, open),
        None => open(),
    }
}

/// The parts of an absolute URL that navigation compares.
struct AppUrl {
    origin: String,
    path: String,
    search: String,
    hash: String,
}

impl AppUrl {
    fn parse(href: &str) -> Option<AppUrl> {
        let url = web_sys::Url::new(href).ok()?;
        Some(AppUrl {
            origin: url.origin(),
            path: url.pathname(),
            search: url.search(),
            hash: url.hash(),
        })
    }
}

/// Adds a history entry for `route` with `params`, without telling anyone (for a page whose
/// bundle starts on another address than it was loaded with).
pub fn push_url(route: Route, params: &Params) {
    let url = format!("{}{}{}", base_path(), route.path(), params.to_query());
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The app's base path ("/" or "/aftercare/"), from the document's `<base href>`.
#[must_use]
pub fn base_path() -> String {
    document()
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| AppUrl::parse(&uri))
        .map_or_else(|| "/".to_owned(), |u| u.path)
}

/// The page the browser's address names (read afresh, before navigation is installed).
#[must_use]
pub fn current_route() -> Route {
    read_location().route
}

fn read_location() -> Location {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return Location {
            route: Route::NotFound,
            params: Params::default(),
        };
    };
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let base = base_path();
    let route = path
        .strip_prefix(&base)
        .or_else(|| (format!("{path}/") == base).then_some(""))
        .map_or(Route::NotFound, Route::parse);
    Location {
        route,
        params: Params::parse(&search),
    }
}

/// After a new page is shown: start at its top and move focus to its heading, so keyboard and
/// screen-reader users land on the new content (the heading has `tabindex="-1"`). Called by
/// [`go`]. While `<main>` is `aria-busy` (its new content is still on its way) nothing moves:
/// whoever fills it calls this again once the content is there.
pub fn after_page_change() {
    next_frame(|| {
        let Some(document) = document() else {
            return;
        };
        if document
            .query_selector("main[aria-busy]")
            .ok()
            .flatten()
            .is_some()
        {
            return;
        }
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
        if let Some(heading) = document
            .query_selector("main h1")
            .ok()
            .flatten()
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = heading.focus();
        }
    });
}
