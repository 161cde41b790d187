//! The frame around every page: skip link, header with the main navigation and the
//! always-visible "Get help now" link, and the footer with the disclaimer.

use crate::nav::Nav;
use aftercare_core::content;
use aftercare_core::route::Route;
use leptos::prelude::*;

/// The site header: skip link, brand, "Get help now", main navigation.
#[component]
pub fn Header() -> impl IntoView {
    let route = Nav::get().route();
    // The skip link points at #main on the page's own address (a bare "#main" would resolve
    // against the document's <base>, i.e. the home page). Read from the browser, so it is right
    // on the 404 page too, whatever address it was served at.
    let skip_href = move || {
        route.track();
        let path = window().location().pathname().unwrap_or_default();
        let search = window().location().search().unwrap_or_default();
        format!("{path}{search}#main")
    };
    view! {
        <a class="skip-link" href=skip_href>"Skip to content"</a>
        <header class="site-header">
            <div class="bar">
                <a class="brand" href="./">
                    <span class="brand-mark" aria-hidden="true">"◌"</span>
                    "Aftercare"
                </a>
                <a class="help-now" href=Route::Help.href()>"Get help now"</a>
            </div>
            <nav aria-label="Main">
                <ul>
                    <NavLink to=Route::Home label="Guide"/>
                    <NavLink to=Route::Faq label="Questions"/>
                    <NavLink to=Route::Check label="Check symptoms"/>
                    <NavLink to=Route::Journal label="Journal"/>
                    <NavLink to=Route::About label="About"/>
                </ul>
            </nav>
        </header>
    }
}

/// One main-navigation link, marked as the current page when it is (or contains) the page.
#[component]
fn NavLink(
    /// The page the link goes to.
    to: Route,
    /// The link text.
    label: &'static str,
) -> impl IntoView {
    let route = Nav::get().route();
    let current = move || {
        let here = route.get();
        let same = match (to, here) {
            (Route::Home, Route::Effect(_))
            | (Route::Faq, Route::Thread(_))
            | (Route::Journal, Route::JournalEntry | Route::JournalSummary) => true,
            (a, b) => a == b,
        };
        same.then_some("page")
    };
    view! {
        <li>
            <a href=to.href() aria-current=current>{label}</a>
        </li>
    }
}

/// The site footer: the short disclaimer and the attribution.
#[component]
pub fn Footer() -> impl IntoView {
    let article = content::article();
    view! {
        <footer class="site-footer">
            <p>
                <strong>"Information only, not medical advice."</strong>
                " Never wait to get help because of something you read here. "
                "In an emergency, call your local emergency number."
            </p>
            <p>
                "The guide and answers are by "
                {article.author.byline()}
                ", "
                {article.attribution.practice}
                ". "
                <a href=Route::About.href()>"About this guide"</a>
            </p>
        </footer>
    }
}
