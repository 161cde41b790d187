//! The symptom tags shown on entries: each links to the guide filtered by that symptom.

use aftercare_core::content::Symptom;
use leptos::prelude::*;

/// A list of symptom tags, each a link to the entries about that symptom.
#[component]
pub fn SymptomTags(
    /// The symptoms to show, in taxonomy order.
    symptoms: &'static [Symptom],
) -> impl IntoView {
    view! {
        <ul class="tags" aria-label="Symptoms">
            {symptoms
                .iter()
                .map(|s| {
                    view! {
                        <li>
                            <a class="tag" href=format!("search/?symptoms={}", s.slug())>
                                {s.name()}
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
