//! Red-flag care cards in the app: the core writes them as HTML (`pages::red_flag_cards`,
//! the same markup the prerendered Get help now page uses), this mounts them. Cards come
//! before anything else on the page that shows them.

use aftercare_core::pages;
use aftercare_core::triage::RedFlag;
use leptos::prelude::*;

/// The care cards of the flags a query, a chosen symptom or an entry names, most urgent
/// first; nothing at all when there are none.
#[component]
pub fn FlagCards(
    /// The flags to show, most urgent first.
    #[prop(into)]
    flags: Signal<Vec<&'static RedFlag>>,
    /// Keeps the cards' ids unique when two lists share a page ("search", "entry-3").
    id_scope: &'static str,
) -> impl IntoView {
    move || {
        flags.with(|flags| {
            (!flags.is_empty()).then(|| {
                view! {
                    <div
                        class="flag-cards"
                        role="region"
                        aria-label="Get help"
                        inner_html=pages::red_flag_cards(flags, id_scope)
                    ></div>
                }
            })
        })
    }
}
