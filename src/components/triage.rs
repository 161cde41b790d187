//! The triage pieces pages share: a level badge that names the urgency in words, a sources
//! line, links to the guide and the readers' questions, the disclaimer, and the compact
//! triage panel shown on every side-effect page and reader thread.
//!
//! Everything said here comes from `aftercare_core::triage` (data in `content/triage.toml`);
//! these components only arrange it. Colour always comes with words: a badge's class picks
//! its colour, its text says the level.

use aftercare_core::content::{EntryId, Symptom};
use aftercare_core::filter::Filter;
use aftercare_core::route::Route;
use aftercare_core::triage::{self, Claim, Level, Rule, Source};
use leptos::prelude::*;

/// A badge naming a triage level in words ("Tell your practitioner"), coloured by level.
#[component]
pub fn LevelBadge(
    /// The level to name.
    level: Level,
) -> impl IntoView {
    view! { <span class=format!("level-badge level-{}", level.slug())>{level.label()}</span> }
}

/// The app page an entry lives on.
fn entry_route(entry: EntryId) -> Route {
    match entry {
        EntryId::Section(i) => Route::Effect(i),
        EntryId::Thread(i) => Route::Thread(i),
    }
}

/// The name a link to an entry shows: a section's short title, a thread's title.
fn entry_name(entry: EntryId) -> &'static str {
    entry
        .section()
        .map_or_else(|| entry.title(), |s| s.short_title)
}

/// One source, as text or as a link to the page it points at.
fn source_view(source: Source) -> AnyView {
    let prefix = match source {
        Source::Article(_) => "Guide: ",
        Source::AuthorReply(_) => "Author’s reply: ",
        Source::Public(p) => return p.name().into_any(),
    };
    match source.entry() {
        Some(entry) => view! {
            {prefix}
            <a href=entry_route(entry).href()>{entry_name(entry)}</a>
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
                                <a href=entry_route(e).href()>{entry_name(e)}</a>
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

/// The disclaimer: information only, never a reason to wait.
#[component]
pub fn Disclaimer() -> impl IntoView {
    view! {
        <p class="triage-disclaimer">
            <strong>"Please note: "</strong>
            {triage::disclaimer()}
        </p>
    }
}

/// For each symptom of a side effect or a reader's question: its level in words, how long it
/// usually lasts, what helps and when to get help, with sources. Each symptom is a
/// `<details>` so the page stays calm; the summary line already names the level.
#[component]
pub fn TriagePanel(
    /// The entry's symptoms, in taxonomy order; nothing is shown when empty.
    symptoms: &'static [Symptom],
) -> impl IntoView {
    let check_href = format!(
        "{}?{}={}",
        Route::Check.href(),
        Filter::PARAM,
        Filter {
            selected: symptoms.to_vec()
        }
        .to_param()
    );
    (!symptoms.is_empty()).then(|| {
        view! {
            <section class="triage-panel" aria-labelledby="triage-title">
                <h2 id="triage-title">"Is this normal? When to get help"</h2>
                <ul class="triage-list">
                    {symptoms
                        .iter()
                        .map(|&s| view! { <li><TriageItem symptom=s/></li> })
                        .collect_view()}
                </ul>
                <p class="triage-panel-links">
                    <a href=check_href>"Check these symptoms"</a>
                    <a href=Route::Help.href()>"When to get help now"</a>
                </p>
            </section>
        }
    })
}

/// One symptom in the triage panel: a summary line with the level, the details inside.
#[component]
fn TriageItem(
    /// The symptom to show.
    symptom: Symptom,
) -> impl IntoView {
    let t = triage::triage(symptom);
    view! {
        <details class=format!("triage-item level-{}", t.level.slug())>
            <summary>
                <span class="triage-name">{symptom.name()}</span>
                <LevelBadge level=t.level/>
            </summary>
            <div class="triage-body">
                <p>{t.about.text}</p>
                {t
                    .lasts
                    .as_ref()
                    .map(|l| {
                        view! {
                            <h3>"How long it lasts"</h3>
                            <p>{l.text}</p>
                        }
                    })}
                {(!t.helps.is_empty())
                    .then(|| {
                        view! {
                            <h3>"What helps"</h3>
                            <ClaimList claims=t.helps/>
                        }
                    })}
                <h3>"When to get help"</h3>
                <RuleList rules={t.get_help.iter().collect::<Vec<_>>()}/>
                <p class="triage-sources">
                    <Sources sources=t.sources()/>
                </p>
            </div>
        </details>
    }
}
