//! Client-side navigation over the History API: the one owner of "where are we".
//!
//! Links are plain `<a href>` relative to the page's `<base>`, so they work before the wasm
//! has loaded and when opened in a new tab. Once the app runs, one window click listener turns
//! same-app link clicks into `history.pushState` plus a signal update, and `popstate` keeps the
//! back button working. Query parameters (`?q=`, `?symptoms=`) are page state that can be
//! shared; [`Nav::set_param`] replaces them in place as someone types.
//!
//! Navigation knows nothing of the app above it: which bundle this is (and so which pages it
//! shows itself, the core's `Route::bundle`) is given to [`Nav::install`] by the app.

use crate::window::on_window;
use aftercare_core::route::{Bundle, Params, Route};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where the app is: the page and its query parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The page.
    pub route: Route,
    /// The decoded query parameters.
    pub params: Params,
}

/// The navigation handle, provided as context by the app.
#[derive(Clone, Copy)]
pub struct Nav {
    location: RwSignal<Location>,
    route: Memo<Route>,
    /// The bundle running the page: links to pages of other bundles are left to the browser.
    bundle: Option<Bundle>,
}

impl Nav {
    /// Reads the browser's location, installs the click and `popstate` listeners and provides
    /// the handle as context. Call once, in the app's root, with the bundle running the page:
    /// clicks on links to pages it does not show are left to the browser (a page load, with
    /// the bundle that shows them).
    pub fn install(bundle: Bundle) -> Nav {
        Nav::with_bundle(Some(bundle))
    }

    fn with_bundle(bundle: Option<Bundle>) -> Nav {
        let location = RwSignal::new(read_location());
        let route = Memo::new(move |_| location.with(|l| l.route));
        let nav = Nav {
            location,
            route,
            bundle,
        };
        provide_context(nav);

        on_window(ev::popstate, move |_| location.set(read_location()));
        on_window(ev::click, move |event| nav.on_click(&event));
        nav
    }

    /// The navigation handle provided by the app. (Outside the app, which never happens, it
    /// installs one that leaves every link to the browser: slower, never wrong.)
    pub fn get() -> Nav {
        use_context::<Nav>().unwrap_or_else(|| Nav::with_bundle(None))
    }

    /// Whether this bundle shows `route` itself.
    pub fn shows(self, route: Route) -> bool {
        self.bundle == Some(route.bundle())
    }

    /// The current page (changes only when the page does, not its parameters).
    pub fn route(self) -> Memo<Route> {
        self.route
    }

    /// A query parameter of the current location, tracked.
    pub fn param(self, name: &'static str) -> Signal<String> {
        let location = self.location;
        Memo::new(move |_| location.with(|l| l.params.get(name).unwrap_or_default().to_owned()))
            .into()
    }

    /// Goes to a page, keeping the given parameters, as a new history entry.
    pub fn go(self, route: Route, params: Params) {
        self.go_quietly(route, params);
        after_page_change();
    }

    /// Goes to a page as a new history entry without moving focus or scrolling: for the
    /// search box, whose typing opens the search page while the person keeps typing.
    pub fn go_quietly(self, route: Route, params: Params) {
        push_url(route, &params);
        self.location.set(Location { route, params });
    }

    /// Replaces one query parameter in place (no new history entry), e.g. as someone types.
    pub fn set_param(self, name: &str, value: &str) {
        self.location.update(|l| l.params.set(name, value));
        let url = self.location.with_untracked(|l| {
            format!("{}{}{}", base_path(), l.route.path(), l.params.to_query())
        });
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }

    /// The current parameters, untracked (for building links from event handlers).
    pub fn params_untracked(self) -> Params {
        self.location.with_untracked(|l| l.params.clone())
    }

    fn on_click(self, event: &ev::MouseEvent) {
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
        let Ok(here) = window().location().href() else {
            return;
        };
        let Some(target) = AppUrl::parse(&anchor.href()) else {
            return;
        };
        let Some(current) = AppUrl::parse(&here) else {
            return;
        };
        if target.origin != current.origin {
            return;
        }
        // Same page and a #fragment: the browser scrolls to it (skip link, in-page anchors).
        if !target.hash.is_empty() && target.path == current.path && target.search == current.search
        {
            return;
        }
        let base = base_path();
        let Some(relative) = target.path.strip_prefix(&base) else {
            return;
        };
        let route = Route::parse(relative);
        if !self.shows(route) {
            return;
        }
        event.prevent_default();
        self.go(route, Params::parse(&target.search));
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

/// The app's base path ("/" or "/aftercare/"), from the document's `<base href>`.
/// Adds a history entry for `route` with `params` (the location signal is the caller's to
/// set, or `Nav::install`'s to read).
pub fn push_url(route: Route, params: &Params) {
    let url = format!("{}{}{}", base_path(), route.path(), params.to_query());
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

pub fn base_path() -> String {
    document()
        .base_uri()
        .ok()
        .flatten()
        .and_then(|uri| AppUrl::parse(&uri))
        .map_or_else(|| "/".to_owned(), |u| u.path)
}

/// The page the browser's address names (read afresh, before navigation is installed).
pub fn current_route() -> Route {
    read_location().route
}

fn read_location() -> Location {
    let location = window().location();
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
/// screen-reader users land on the new content (the heading has `tabindex="-1"`).
fn after_page_change() {
    request_animation_frame(|| {
        window().scroll_to_with_x_and_y(0.0, 0.0);
        if let Some(heading) = document()
            .query_selector("main h1")
            .ok()
            .flatten()
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = heading.focus();
        }
    });
}
