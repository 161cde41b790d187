//! The triage pieces pages share: a level badge that names the urgency in words, a sources
//! line, lists of claims and of signs, links to the guide and the readers' questions and the
//! disclaimer, for the interactive pages. Each piece the static pages show too is the core's
//! markup (`aftercare_core::pages`), mounted here: the same by construction.
//!
//! Everything said here comes from `aftercare_core::triage` (data in `content/triage.toml`);
//! these components only arrange it. Colour always comes with words: a badge's class picks
//! its colour, its text says the level.

use aftercare_core::content::EntryId;
use aftercare_core::pages;
use aftercare_core::route::Route;
use aftercare_core::triage::{Claim, Level, Rule, Source};
use leptos::prelude::*;

/// A badge naming a triage level in words ("Tell your practitioner"), coloured by level.
#[component]
pub fn LevelBadge(
    /// The level to name.
    level: Level,
) -> impl IntoView {
    view! { <span class=pages::level_badge_class(level)>{level.label()}</span> }
}

/// A discreet "Sources: …" line under a claim or an answer.
#[component]
pub fn Sources(
    /// The sources to name, in order; nothing is shown when empty.
    #[prop(into)]
    sources: Vec<Source>,
) -> impl IntoView {
    (!sources.is_empty()).then(|| {
        view! { <span class=pages::SOURCES_CLASS inner_html=pages::sources_inner(&sources)></span> }
    })
}

/// Links to the guide sections and reader questions about a symptom.
#[component]
pub fn EntryLinks(
    /// The entries to link, in content order.
    #[prop(into)]
    entries: Vec<EntryId>,
) -> impl IntoView {
    (!entries.is_empty()).then(|| {
        view! {
            <ul class="entry-links">
                {entries
                    .into_iter()
                    .map(|e| {
                        let kind = match e {
                            EntryId::Section(_) => "Guide",
                            EntryId::Thread(_) => "Question",
                        };
                        view! {
                            <li>
                                <span class="entry-kind">{kind} ": "</span>
                                <a href=Route::entry(e).href()>{Route::entry(e).title()}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}

/// A plain list of claims, e.g. what helps.
#[component]
pub fn ClaimList(
    /// The claims, in order.
    claims: &'static [Claim],
) -> impl IntoView {
    view! { <ul inner_html=pages::claims_inner(claims)></ul> }
}

/// Signs that a symptom has stopped being normal, each with its level in words.
#[component]
pub fn RuleList(
    /// The rules, in order.
    #[prop(into)]
    rules: Vec<&'static Rule>,
) -> impl IntoView {
    view! { <ul class="rules" inner_html=pages::rules_inner(&rules)></ul> }
}

/// The disclaimer: information only, never a reason to wait (the core's markup, with the
/// emergency numbers as tap-to-call links).
#[component]
pub fn Disclaimer() -> impl IntoView {
    view! { <div class="disclaimer-box" inner_html=pages::disclaimer()></div> }
}
