//! The symptom tags shown on entries: each links to the guide filtered by that symptom. The
//! markup is the core's (`aftercare_core::pages::symptom_tags_inner`), the same the static
//! pages show.

use aftercare_core::content::Symptom;
use aftercare_core::pages;
use leptos::prelude::*;

/// A list of symptom tags, each a link to the entries about that symptom.
#[component]
pub fn SymptomTags(
    /// The symptoms to show, in taxonomy order.
    symptoms: &'static [Symptom],
) -> impl IntoView {
    view! {
        <ul
            class=pages::TAGS_CLASS
            aria-label=pages::TAGS_LABEL
            inner_html=pages::symptom_tags_inner(symptoms)
        ></ul>
    }
}
