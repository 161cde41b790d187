//! Symptoms as pages show them: the tags on entries (each a link to the guide filtered by
//! that symptom; the core's markup, `aftercare_core::pages::symptom_tags_inner`, the same the
//! static pages show), and the checkbox a form ticks for one symptom.

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

/// One symptom's checkbox with its name, an item of a list of choices (`<ul class="choices">`):
/// ticked while `checked` says so; `toggle` runs when the person ticks or unticks it.
pub fn symptom_choice(
    id: Option<String>,
    slug: String,
    name: String,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    toggle: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <li>
            <label class="choice">
                <input
                    type="checkbox"
                    name="symptoms"
                    id=id
                    value=slug
                    prop:checked=checked
                    on:change=move |_| toggle()
                />
                <span>{name}</span>
            </label>
        </li>
    }
}
