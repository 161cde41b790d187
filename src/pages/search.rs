//! Find an answer: the guide searched as you type, narrowed by symptom. The query and the
//! chosen symptoms live in the URL (`?q=tired&symptoms=fatigue`), so a search can be shared
//! and survives a reload. The engine and the filter are the core's; this page renders them.

use crate::components::care::FlagCards;
use crate::nav::Nav;
use aftercare_core::content::{self, EntryId, Symptom};
use aftercare_core::filter::Filter;
use aftercare_core::pages;
use aftercare_core::search::{SearchResults, MAX_QUERY_CHARS};
use aftercare_core::triage::{red_flags, RedFlag};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Searches the guide; the index is built on first use (a few milliseconds) and kept.
pub fn search(query: &str, limit: usize) -> SearchResults {
    aftercare_core::search::guide_index().search(query, limit)
}

/// Everything the page shows for one query and selection. Equal when computed from the same
/// URL parameters, so the memo holding it only notifies when those change.
struct View {
    key: (String, String),
    query: String,
    results: Option<SearchResults>,
    shown: Vec<EntryId>,
    counts: Vec<(Symptom, usize)>,
    filter: Filter,
    /// The red flags the words or the chosen symptoms name: shown before any answer.
    flags: Vec<&'static RedFlag>,
}

impl PartialEq for View {
    fn eq(&self, other: &View) -> bool {
        self.key == other.key
    }
}

impl View {
    fn compute(query: String, symptoms: String) -> View {
        let filter = Filter::from_param(&symptoms);
        // Red flags come before ranking: what the words name or the chips imply, most
        // urgent first, each once (as a journal entry's).
        let flags = red_flags::named_by(&filter.selected, &query);
        let results = (!query.trim().is_empty()).then(|| search(&query, 50));
        let candidates: Vec<EntryId> = match &results {
            Some(r) => r.hits.iter().map(|h| h.id).collect(),
            None => content::entries().collect(),
        };
        View {
            shown: filter.apply(&candidates),
            counts: Filter::counts(&candidates),
            key: (query.clone(), symptoms),
            query,
            results,
            filter,
            flags,
        }
    }

    fn count(&self, symptom: Symptom) -> usize {
        self.counts
            .iter()
            .find(|(s, _)| *s == symptom)
            .map_or(0, |(_, n)| *n)
    }

    /// The polite status line read by screen readers after each change.
    fn status(&self) -> String {
        let n = self.shown.len();
        let things = if n == 1 { "answer" } else { "answers" };
        let answers = match (self.query.trim().is_empty(), self.filter.is_empty()) {
            (true, true) => String::new(),
            (false, _) => format!("{n} {things} for “{}”", self.query.trim()),
            (true, false) => format!("{n} {things} about the chosen symptoms"),
        };
        match self.flags.first() {
            Some(flag) => format!("Get help: {}. See the card above. {answers}", flag.title),
            None => answers,
        }
    }
}

/// The search page.
#[component]
pub fn Search() -> impl IntoView {
    let nav = Nav::get();
    let q = nav.param("q");
    let symptoms = nav.param(Filter::PARAM);
    let view = Memo::new(move |_| View::compute(q.get(), symptoms.get()));

    view! {
        <div class="page search">
            <h1 tabindex="-1">"Find an answer"</h1>
            <FlagCards flags=Signal::derive(move || view.with(|v| v.flags.clone())) id_scope="search"/>
            <p class="lead">
                "Type what you feel in your own words in the search box above, or choose symptoms below."
            </p>
            <p class="status" role="status" aria-live="polite">{move || view.with(View::status)}</p>
            {move || {
                view.with(|v| {
                    let truncated = v.results.as_ref().is_some_and(|r| r.truncated);
                    let shown = v
                        .results
                        .as_ref()
                        .and_then(|r| r.interpretation.display_query().map(str::to_owned));
                    view! {
                        {shown.map(|shown| view! {
                            <p class="interpretation">"Showing results for " <strong>{shown}</strong></p>
                        })}
                        {truncated.then(|| view! {
                            <p class="note">
                                {format!("Only the first {MAX_QUERY_CHARS} characters (or 12 words) were searched.")}
                            </p>
                        })}
                    }
                })
            }}
            <SymptomFilter view nav/>
            {move || view.with(|v| {
                if v.query.trim().is_empty() && v.filter.is_empty() {
                    suggestions().into_any()
                } else if v.shown.is_empty() && !v.flags.is_empty() {
                    // Never suggest unrelated searches under a red flag: the card says what to do.
                    view! {
                        <div class="empty">
                            <p>"The guide has no answer that matches those words. Follow the advice above."</p>
                        </div>
                    }
                    .into_any()
                } else if v.shown.is_empty() {
                    view! {
                        <div class="empty">
                            <p>"No answers match that. Try fewer or different words, or clear the symptoms."</p>
                            {suggestions()}
                        </div>
                    }
                    .into_any()
                } else {
                    results(v).into_any()
                }
            })}
        </div>
    }
}

/// The results list: the core writes its items (escaped, matched words in `<mark>`), one DOM
/// write for the whole list.
fn results(view: &View) -> impl IntoView {
    let hits = view
        .results
        .as_ref()
        .map(|r| r.hits.as_slice())
        .unwrap_or_default();
    let items = pages::results_inner(&view.shown, hits);
    view! {
        <ol class="results" aria-label="Answers" on:keydown=move_between_results inner_html=items></ol>
    }
}

/// Up and down arrows move between result links, as in a list box; Tab still works as usual.
fn move_between_results(event: leptos::ev::KeyboardEvent) {
    let step: i32 = match event.key().as_str() {
        "ArrowDown" => 1,
        "ArrowUp" => -1,
        _ => return,
    };
    let Ok(links) = document().query_selector_all(".results .result-title") else {
        return;
    };
    let active = document().active_element();
    let count = i32::try_from(links.length()).unwrap_or(0);
    let current = (0..count).find(|&i| {
        links
            .item(u32::try_from(i).unwrap_or(0))
            .zip(active.as_ref())
            .is_some_and(|(node, el)| node.is_same_node(Some(el)))
    });
    let Some(current) = current else { return };
    event.prevent_default();
    let next = current + step;
    let target = if next < 0 {
        document().get_element_by_id("site-q")
    } else {
        links
            .item(u32::try_from(next.min(count - 1)).unwrap_or(0))
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
    };
    if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

fn suggestions() -> impl IntoView {
    const EXAMPLES: [&str; 6] = [
        "tired",
        "pee",
        "needle left in",
        "dizzy",
        "twitching",
        "crying",
    ];
    view! {
        <section class="suggestions" aria-labelledby="try-title">
            <h2 id="try-title">"Try searching for"</h2>
            <ul class="link-list inline">
                {EXAMPLES
                    .iter()
                    .map(|e| view! { <li><a href=format!("search/?q={}", e.replace(' ', "+"))>{*e}</a></li> })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// The symptom toggles, each with how many answers it would show. The buttons are built once
/// and only their state changes, so focus stays on a toggle after pressing it.
#[component]
fn SymptomFilter(
    /// The page's current results and selection.
    view: Memo<View>,
    /// Navigation, to write the selection into the URL.
    nav: Nav,
) -> impl IntoView {
    let toggle = move |symptom: Symptom| {
        let mut next = view.with_untracked(|v| v.filter.clone());
        next.toggle(symptom);
        nav.set_param(Filter::PARAM, &next.to_param());
    };
    // Open at first when it is the way in (no words typed) or already in use; otherwise the
    // results come first and the filter is one tap away. Not reactive: the person decides.
    let open = view.with_untracked(|v| v.query.trim().is_empty() || !v.filter.is_empty());
    // The toggles are built when first shown: a search typed before anything else (the
    // filter closed) shows its answers without building twenty buttons nobody sees yet.
    let shown = RwSignal::new(open);
    let chosen = move || {
        let n = view.with(|v| v.filter.selected.len());
        match n {
            0 => String::new(),
            1 => " (1 chosen)".to_owned(),
            n => format!(" ({n} chosen)"),
        }
    };
    view! {
        <details class="symptom-filter" open=open on:toggle=move |_| {
            if !shown.get_untracked() {
                shown.set(true);
            }
        }>
            <summary>"Filter by symptom" {chosen}</summary>
            <ul class="toggles">
                {move || shown.get().then(|| Symptom::ALL
                    .iter()
                    .map(|&symptom| {
                        let count = move || view.with(|v| v.count(symptom));
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="toggle"
                                    class:muted=move || count() == 0
                                    aria-pressed=move || {
                                        if view.with(|v| v.filter.contains(symptom)) { "true" } else { "false" }
                                    }
                                    on:click=move |_| toggle(symptom)
                                >
                                    {symptom.name()}
                                    <span class="count">
                                        <span class="visually-hidden">", "</span>
                                        {count}
                                        <span class="visually-hidden">
                                            {move || if count() == 1 { " answer" } else { " answers" }}
                                        </span>
                                    </span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view())}
            </ul>
            <button
                type="button"
                class="clear"
                hidden=move || view.with(|v| v.filter.is_empty())
                on:click=move |_| nav.set_param(Filter::PARAM, "")
            >
                "Clear symptoms"
            </button>
        </details>
    }
}
