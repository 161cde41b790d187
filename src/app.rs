//! The root component: installs navigation, keeps the tab title in step with the page, and
//! lays out the header, the current page and the footer.

use crate::components::layout::{Footer, Header};
use crate::nav::Nav;
use crate::pages;
use aftercare_core::route::Route;
use leptos::prelude::*;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let nav = Nav::install(renders);
    #[cfg(feature = "full")]
    crate::journal_store::JournalStore::install();
    let route = nav.route();

    Effect::new(move |_| {
        document().set_title(&format!("{} · Aftercare", route.get().title()));
    });

    view! {
        <Header/>
        <main id=aftercare_core::pages::MAIN_ID tabindex="-1">
            {move || page(route.get())}
        </main>
        <Footer/>
        <crate::pwa::PwaStatus/>
    }
}

/// Whether this bundle shows `route` itself. The reader shows only the static pages; links
/// to the others are left to the browser, which loads them with the whole app.
pub fn renders(route: Route) -> bool {
    cfg!(feature = "full") || aftercare_core::pages::page(route).is_some()
}

#[cfg(feature = "full")]
fn page(route: Route) -> AnyView {
    match route {
        Route::Check => pages::check::Check().into_any(),
        Route::Search => pages::search::Search().into_any(),
        Route::Journal => pages::journal::JournalList().into_any(),
        Route::JournalEntry => pages::journal::JournalEntryPage().into_any(),
        Route::JournalSummary => pages::journal::JournalSummaryPage().into_any(),
        Route::Home
        | Route::Effect(_)
        | Route::Faq
        | Route::Thread(_)
        | Route::About
        | Route::Help
        | Route::NotFound => pages::static_page::static_page(route),
    }
}

/// The reader: an interactive page (reached by going back or forward to it) is loaded afresh,
/// with the whole app.
#[cfg(not(feature = "full"))]
fn page(route: Route) -> AnyView {
    if renders(route) {
        pages::static_page::static_page(route)
    } else {
        let _ = window().location().reload();
        ().into_any()
    }
}
