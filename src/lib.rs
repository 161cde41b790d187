//! Aftercare's client app: thin Leptos components over the pure core (`aftercare_core`).
use leptos::prelude::*;

/// Mounts the app on the page.
pub fn start() {
    leptos::mount::mount_to_body(|| view! { <p>"Aftercare"</p> });
}
