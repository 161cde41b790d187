//! "Get help now": the red-flag page, one tap from every page (the header's red link). NHS
//! care-card style: one instruction per card, a few precise bullets, the urgency named in
//! words in each card's heading so colour is never the only signal. Calm on purpose: it opens
//! by saying most effects are mild.

use crate::components::triage::{Disclaimer, Sources};
use aftercare_core::route::Route;
use aftercare_core::triage::{self, CareCard};
use leptos::prelude::*;

/// The "Get help now" page.
#[component]
pub fn Help() -> impl IntoView {
    let intro = triage::help_intro();
    view! {
        <div class="page help">
            <h1 tabindex="-1">"Get help now"</h1>
            <p class="lead">
                {intro.text} " " <Sources sources=intro.sources/>
            </p>
            {triage::help_cards().iter().enumerate().map(|(i, c)| care_card(i, c)).collect_view()}
            <p class="help-next">
                "Not sure how worried to be? "
                <a href=Route::Check.href()>"Check your symptoms"</a>
                ", or call your practitioner or doctor."
            </p>
            <Disclaimer/>
        </div>
    }
}

/// One care card: the urgency and the instruction as its heading, then the bullets, each
/// with its sources in small print.
fn care_card(index: usize, card: &'static CareCard) -> impl IntoView {
    let id = format!("care-{index}");
    let label_id = id.clone();
    // A class from the urgency word ("Not urgent" -> "care-not-urgent") styles the emergency
    // card apart from the same-day one, which shares its level.
    let urgency_class: String = card
        .urgency
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    view! {
        <section
            class=format!("care-card level-{} care-{urgency_class}", card.level.slug())
            aria-labelledby=label_id
        >
            <h2 id=id class="care-heading">
                <span class="care-urgency">
                    {card.urgency}
                    <span class="visually-hidden">": "</span>
                </span>
                <span class="care-instruction">{card.heading}</span>
            </h2>
            <div class="care-body">
                <ul>
                    {card
                        .bullets
                        .iter()
                        .map(|b| {
                            view! {
                                <li>
                                    {b.text} " " <Sources sources=b.sources/>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                {card
                    .note
                    .as_ref()
                    .map(|n| {
                        view! {
                            <p class="care-note">
                                {n.text} " " <Sources sources=n.sources/>
                            </p>
                        }
                    })}
            </div>
        </section>
    }
}
