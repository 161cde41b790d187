//! Find an answer: the guide searched as you type, narrowed by symptom. The query and the
//! chosen symptoms live in the URL (`?q=tired&symptoms=fatigue`), so a search can be shared
//! and survives a reload.
//!
//! The core writes the page (`pages::SearchPage`: the engine's answer, the filter, the red
//! flags' cards, as HTML). This component puts it in the document once, then rewrites only the
//! parts that change as the URL does, so the live status line, an open filter and the focus on
//! a toggle stay where they are.

use crate::nav::Nav;
use aftercare_core::content::Symptom;
use aftercare_core::filter::Filter;
use aftercare_core::pages::search::{
    ANSWERS_CLASS, CHOSEN_CLASS, CLEAR_CLASS, FLAGS_CLASS, NOTES_CLASS, SEARCH_CLASS,
    STATUS_SELECTOR, SYMPTOM_ATTR, TOGGLES_CLASS,
};
use aftercare_core::pages::{SearchPage, MAIN_ID};
use aftercare_core::route::Params;
use aftercare_core::triage::red_flags;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The search page.
#[component]
pub fn Search() -> impl IntoView {
    let nav = Nav::get();
    let q = nav.param("q");
    let symptoms = nav.param(Filter::PARAM);
    let written = (q.get_untracked(), symptoms.get_untracked());
    let first = SearchPage::compute(&written.0, &written.1);
    let inner = first.inner();
    // The page as last written: a filter opened later builds its toggles from it.
    let shown = StoredValue::new_local(first);
    let root = NodeRef::<leptos::html::Div>::new();
    root.on_load(move |root| {
        let root = web_sys::Element::from(root);
        // Rewrites the page when the words or the symptoms differ from what it shows (on the
        // first run, from what it was written with).
        Effect::new(move |shows: Option<(String, String)>| {
            let now = (q.get(), symptoms.get());
            if shows.as_ref().unwrap_or(&written) != &now {
                let page = SearchPage::compute(&now.0, &now.1);
                shown.with_value(|old| update(&root, old, &page));
                shown.set_value(page);
            }
            now
        });
    });
    let click = move |event: leptos::ev::MouseEvent| {
        let Some(target) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let closest = |selector: &str| target.closest(selector).ok().flatten();
        if let Some(button) = closest("button.toggle") {
            let Some(symptom) = button
                .get_attribute(SYMPTOM_ATTR)
                .and_then(|slug| Symptom::from_slug(&slug))
            else {
                return;
            };
            let mut next = Filter::from_param(&symptoms.get_untracked());
            next.toggle(symptom);
            nav.set_param(Filter::PARAM, &next.to_param());
        } else if closest(&format!("button.{CLEAR_CLASS}")).is_some() {
            nav.set_param(Filter::PARAM, "");
        } else if let Some(summary) = closest("summary") {
            // A filter that started closed gets its toggles when first opened: a search typed
            // first shows its answers without building twenty buttons nobody sees yet.
            let toggles = summary.parent_element().and_then(|d| {
                d.query_selector(&format!(".{TOGGLES_CLASS}"))
                    .ok()
                    .flatten()
            });
            if let Some(toggles) = toggles.filter(|t| t.child_element_count() == 0) {
                shown.with_value(|page| toggles.set_inner_html(&page.toggles_inner()));
            }
        }
    };
    view! {
        <div
            class=SEARCH_CLASS
            node_ref=root
            inner_html=inner
            on:click=click
            on:keydown=move_between_results
        ></div>
    }
}

/// For someone who typed into a prerendered page before the app arrived: shows the search
/// page for their words (`params`: see `takeover::search_params`) at once, in place of the
/// page's content, so the first answer does
/// not wait for the app to mount (which then takes over the very same markup).
pub fn answer_early(params: &Params) -> bool {
    let Some(main) = document().get_element_by_id(MAIN_ID) else {
        return false;
    };
    let page = SearchPage::compute(
        params.get("q").unwrap_or_default(),
        params.get(Filter::PARAM).unwrap_or_default(),
    );
    main.set_inner_html(&page.outer());
    true
}

/// Rewrites the parts of the page that `page` changes from `old`, the page it shows.
fn update(root: &web_sys::Element, old: &SearchPage, page: &SearchPage) {
    let part = |selector: &str| root.query_selector(selector).ok().flatten();
    let class = |class: &str| part(&format!(".{class}"));
    // The same cards stay as they are (a card being read does not flicker as words change).
    let same_flags = red_flags::same(&old.flags, &page.flags);
    if let Some(flags) = class(FLAGS_CLASS).filter(|_| !same_flags) {
        flags.set_inner_html(&page.flags_inner());
    }
    if let Some(status) = part(STATUS_SELECTOR) {
        let text = page.status();
        if status.text_content().as_deref() != Some(text.as_str()) {
            status.set_text_content(Some(&text));
        }
    }
    if let Some(notes) = class(NOTES_CLASS) {
        notes.set_inner_html(&page.notes_inner());
    }
    if let Some(answers) = class(ANSWERS_CLASS) {
        answers.set_inner_html(&page.answers_inner());
    }
    if let Some(chosen) = class(CHOSEN_CLASS) {
        chosen.set_text_content(Some(&page.chosen()));
    }
    if let Some(clear) = part(&format!("button.{CLEAR_CLASS}")) {
        let _ = if page.filter.is_empty() {
            clear.set_attribute("hidden", "")
        } else {
            clear.remove_attribute("hidden")
        };
    }
    // The toggles stay (focus stays on the one pressed); only their state changes.
    let Ok(toggles) = root.query_selector_all("button.toggle") else {
        return;
    };
    for button in crate::window::nodes::<web_sys::Element>(&toggles) {
        let Some(symptom) = button
            .get_attribute(SYMPTOM_ATTR)
            .and_then(|slug| Symptom::from_slug(&slug))
        else {
            continue;
        };
        let _ = button.set_attribute("class", page.toggle_class(symptom));
        let _ = button.set_attribute("aria-pressed", page.pressed(symptom));
        if let Some(count) = button.query_selector(".count").ok().flatten() {
            count.set_inner_html(&page.count_inner(symptom));
        }
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
