//! The Leptos bundles' pages (the checker's, the journal's): mounted into the frame's
//! `<main>`, over navigation as a signal (`nav::Nav`) and the bundle's shared state.

use crate::nav::Nav;
use crate::takeover;
use aftercare_core::route::Route;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts `page` (the view of each page of the bundle) into `<main>` after `install` has set
/// up the state its pages share. A prerendered page is taken over once it has been painted,
/// so compiling and starting the app never delays its words; the app renders the same
/// markup (the core writes both), so nothing moves.
pub fn mount(page: fn(Route) -> AnyView, install: fn()) {
    let run = move || {
        let scroll = takeover::scroll();
        let Some(main) =
            crate::frame::start().and_then(|main| main.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        // The prerendered start, which the page renders again in the same task.
        main.set_inner_html("");
        leptos::mount::mount_to(main, move || {
            let nav = Nav::install();
            install();
            let route = nav.route();
            move || page(route.get())
        })
        .forget();
        takeover::restore_scroll(scroll);
    };
    // Someone already typing has seen the page: take it over at once.
    if takeover::is_prerendered() && takeover::typed().is_empty() {
        takeover::after_next_paint(run);
    } else {
        run();
    }
}
