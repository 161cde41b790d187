//! The root: installs navigation and the bundle's shared state, keeps the tab title in step
//! with the page, and lays out the header, the current page and the footer.

use crate::bundles::Shell;
use crate::components::layout::{Footer, Header};
use crate::nav::Nav;
use leptos::prelude::*;

/// The app of one bundle: `shell` says which pages it shows and what they share.
pub fn app(shell: Shell) -> impl IntoView {
    let nav = Nav::install(shell.bundle);
    (shell.install)();
    let route = nav.route();

    Effect::new(move |_| {
        document().set_title(&format!("{} · Aftercare", route.get().title()));
    });

    // A page of another bundle (reached by going back or forward to it) is loaded afresh,
    // with its own bundle.
    let page = move || {
        let route = route.get();
        if nav.shows(route) {
            (shell.page)(route)
        } else {
            let _ = window().location().reload();
            ().into_any()
        }
    };

    view! {
        <Header/>
        <main id=aftercare_core::pages::MAIN_ID tabindex="-1">
            {page}
        </main>
        <Footer/>
        <crate::pwa::PwaStatus/>
    }
}
