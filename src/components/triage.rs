//! The triage pieces pages share: a level badge that names the urgency in words, a sources
//! line, links to the guide and the readers' questions and the disclaimer, for the interactive
//! pages (the static pages get the same pieces as HTML from `aftercare_core::pages`).
//!
//! Everything said here comes from `aftercare_core::triage` (data in `content/triage.toml`);
//! these components only arrange it. Colour always comes with words: a badge's class picks
//! its colour, its text says the level.

use aftercare_core::content::EntryId;
use aftercare_core::route::Route;
use aftercare_core::triage::{Claim, Level, Rule, Source};
use leptos::prelude::*;

/// A badge naming a triage level in words ("Tell your practitioner"), coloured by level.
#[component]
pub fn LevelBadge(
    /// The level to name.
    level: Level,
) -> impl IntoView {
    view! { <span class=format!("level-badge level-{}", level.slug())>{level.label()}</span> }
}

/// One source, as text or as a link to the page it points at.
fn source_view(source: Source) -> AnyView {
    let prefix = match source {
        Source::Article(_) => "Guide: ",
        Source::AuthorReply(_) => "Author’s reply: ",
        Source::Public(p) => return p.name().into_any(),
        Source::Own => {
            return view! { <span class="own-guidance">{aftercare_core::pages::OWN_GUIDANCE}</span> }
                .into_any()
        }
    };
    match source.entry() {
        Some(entry) => view! {
            {prefix}
            <a href=Route::entry(entry).href()>{Route::entry(entry).title()}</a>
        }
        .into_any(),
        // The build checks every slug, so this only guards against a future data fault.
        None => prefix.trim_end_matches(": ").into_any(),
    }
}

/// A discreet "Sources: …" line under a claim or an answer.
#[component]
pub fn Sources(
    /// The sources to name, in order; nothing is shown when empty.
    #[prop(into)]
    sources: Vec<Source>,
) -> impl IntoView {
    let label = if sources.len() == 1 {
        "Source: "
    } else {
        "Sources: "
    };
    (!sources.is_empty()).then(|| {
        view! {
            <span class="sources">
                {label}
                {sources
                    .into_iter()
                    .enumerate()
                    .map(|(i, s)| view! { {(i > 0).then_some("; ")} {source_view(s)} })
                    .collect_view()}
            </span>
        }
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
    view! { <ul>{claims.iter().map(|c| view! { <li>{c.text}</li> }).collect_view()}</ul> }
}

/// Signs that a symptom has stopped being normal, each with its level in words.
#[component]
pub fn RuleList(
    /// The rules, in order.
    #[prop(into)]
    rules: Vec<&'static Rule>,
) -> impl IntoView {
    view! {
        <ul class="rules">
            {rules
                .into_iter()
                .map(|r| view! { <li>{r.when} " " <LevelBadge level=r.level/></li> })
                .collect_view()}
        </ul>
    }
}

/// The disclaimer: information only, never a reason to wait (the core's markup, with the
/// emergency numbers as tap-to-call links).
#[component]
pub fn Disclaimer() -> impl IntoView {
    view! { <div class="disclaimer-box" inner_html=aftercare_core::pages::disclaimer()></div> }
}
