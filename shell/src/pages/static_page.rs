//! A static page: the core writes its HTML from the content (the same string the build
//! prerenders into the page's `index.html`), and this puts it in `<main>`. The strings are
//! the app's own, escaped by the core's writer; no outside text reaches them.

use aftercare_core::pages;
use aftercare_core::route::Route;

/// Shows the static page for `route` in `main` (the not-found page for a route that has
/// none), or, with `written`, only what the page needs beyond its markup, which the build
/// has already put there.
pub fn show(main: &web_sys::Element, route: Route, written: bool) {
    if !written {
        if let Some(page) = pages::page(route).or_else(|| pages::page(Route::NotFound)) {
            main.set_inner_html(&page.outer());
        }
    }
    // Get help now has the region picker: show the current choice.
    if route == Route::Help {
        crate::region::sync_picker();
    }
}
