//! A symptom as a form shows it: the checkbox a form ticks for one symptom. (The tags on
//! entries and results are the core's markup.)

use leptos::prelude::*;

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
