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
        Route::Home => pages::home::Home().into_any(),
        Route::Effect(i) => view! { <pages::effect::Effect index=i/> }.into_any(),
        Route::Faq => pages::faq::FaqList().into_any(),
        Route::Thread(i) => view! { <pages::thread::ThreadPage index=i/> }.into_any(),
        Route::About => pages::about::About().into_any(),
        Route::Help => pages::help::Help().into_any(),
        Route::Check => pages::check::Check().into_any(),
        Route::Search => pages::search::Search().into_any(),
        Route::Journal => pages::journal::JournalList().into_any(),
        Route::JournalEntry => pages::journal_entry::JournalEntryPage().into_any(),
        Route::JournalSummary => pages::journal_summary::JournalSummaryPage().into_any(),
        Route::NotFound => pages::not_found::NotFound().into_any(),
    }
}
