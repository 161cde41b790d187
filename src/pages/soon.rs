//! A placeholder for pages whose features are still being built (search, checker, journal).

use aftercare_core::route::Route;
use leptos::prelude::*;

/// Says plainly that this part of the app is not ready yet, and where to go instead.
#[component]
pub fn Soon() -> impl IntoView {
    view! {
        <div class="page soon">
            <h1 tabindex="-1">"Coming soon"</h1>
            <p class="lead">"This part of Aftercare is not ready yet."</p>
            <p>
                "If you are worried about how you feel, call your practitioner or doctor. "
                "In an emergency, call your local emergency number."
            </p>
            <p>
                <a href=Route::Home.href()>"Back to the guide"</a>
            </p>
        </div>
    }
}
