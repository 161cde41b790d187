//! The root component: installs navigation, keeps the tab title in step with the page, and
//! lays out the header, the current page and the footer.

use crate::components::layout::{Footer, Header};
use crate::journal_store::JournalStore;
use crate::nav::Nav;
use crate::pages;
use aftercare_core::route::Route;
use leptos::prelude::*;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let nav = Nav::install();
    JournalStore::install();
    let route = nav.route();

    Effect::new(move |_| {
        document().set_title(&format!("{} · Aftercare", route.get().title()));
    });

    view! {
        <Header/>
        <main id="main" tabindex="-1">
            {move || page(route.get())}
        </main>
        <Footer/>
        <crate::pwa::PwaStatus/>
    }
}

fn page(route: Route) -> AnyView {
    match route {
        Route::Check => pages::check::Check().into_any(),
        Route::Search => pages::search::Search().into_any(),
        Route::Journal => pages::journal::JournalList().into_any(),
        Route::JournalEntry => pages::journal_entry::JournalEntryPage().into_any(),
        Route::JournalSummary => pages::journal_summary::JournalSummaryPage().into_any(),
        Route::Home
        | Route::Effect(_)
        | Route::Faq
        | Route::Thread(_)
        | Route::About
        | Route::Help
        | Route::NotFound => pages::static_page::static_page(route),
    }
}
