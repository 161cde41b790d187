//! The friendly not-found page.

use aftercare_core::route::Route;
use leptos::prelude::*;

/// Shown for any address the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <div class="page not-found">
            <h1 tabindex="-1">"We can’t find that page"</h1>
            <p class="lead">"The link may be old or mistyped. These pages can help:"</p>
            <ul class="link-list">
                <li>
                    <a href=Route::Home.href()>"The guide: six weird but normal side effects"</a>
                </li>
                <li>
                    <a href=Route::Faq.href()>"Questions from readers"</a>
                </li>
                <li>
                    <a href=Route::Help.href()>"When to get medical help now"</a>
                </li>
            </ul>
        </div>
    }
}
