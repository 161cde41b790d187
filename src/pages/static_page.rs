//! A static page: the core writes its HTML from the content (the same string the build
//! prerenders into the page's `index.html`), and this sets it as the page's inner HTML.
//! The strings are the app's own, escaped by the core's writer; no outside text reaches it.

use aftercare_core::pages;
use aftercare_core::route::Route;
use leptos::prelude::*;

/// The static page for `route`, or the not-found page for a route that has none.
pub fn static_page(route: Route) -> AnyView {
    let page = pages::page(route)
        .or_else(|| pages::page(Route::NotFound))
        .map(|p| (p.tag, p.class, p.inner));
    let Some((tag, class, inner)) = page else {
        return ().into_any();
    };
    // Get help now has the region picker: show the current choice once the page is in.
    if route == Route::Help {
        request_animation_frame(crate::region::sync_picker);
    }
    if tag == "article" {
        view! { <article class=class inner_html=inner></article> }.into_any()
    } else {
        view! { <div class=class inner_html=inner></div> }.into_any()
    }
}
