//! Find an answer: the guide searched as you type, narrowed by symptom. The query and the
//! chosen symptoms live in the URL (`?q=tired&symptoms=fatigue`), so a search can be shared
//! and survives a reload.
//!
//! The core writes the page (`pages::SearchPage`: the engine's answer, the filter, the red
//! flags' cards, as HTML). [`SearchView`] puts it in the document once, then rewrites only the
//! parts that change as the URL does, so the live status line, an open filter and the focus on
//! a toggle stay where they are. Plain `web_sys`: the reader bundle shows it, with no
//! framework.

use crate::router::Location;
use aftercare_core::content::Symptom;
use aftercare_core::filter::Filter;
use aftercare_core::pages::search::{
    ANSWERS_CLASS, CHOSEN_CLASS, CLEAR_CLASS, FLAGS_CLASS, NOTES_CLASS, STATUS_SELECTOR,
    SYMPTOM_ATTR, TOGGLES_CLASS,
};
use aftercare_core::pages::SearchPage;
use aftercare_core::triage::red_flags;
use wasm_bindgen::JsCast;

/// The search page as shown in `<main>`: its root element and the page it shows.
pub struct SearchView {
    root: web_sys::Element,
    shown: SearchPage,
    /// The words and the symptoms as the address gave them, for `shown`.
    asked: (String, String),
}

/// The words and the chosen symptoms a location asks the search page for.
fn asked(location: &Location) -> (&str, &str) {
    (
        location.params.get("q").unwrap_or_default(),
        location.params.get(Filter::PARAM).unwrap_or_default(),
    )
}

impl SearchView {
    /// Writes the search page for `location` into `main`.
    pub fn show(main: &web_sys::Element, location: &Location) -> Option<SearchView> {
        let (q, symptoms) = asked(location);
        let page = SearchPage::compute(q, symptoms);
        main.set_inner_html(&page.outer());
        Some(SearchView {
            root: main.first_element_child()?,
            shown: page,
            asked: (q.to_owned(), symptoms.to_owned()),
        })
    }

    /// Rewrites the page when the words or the symptoms of `location` differ from what it
    /// shows; returns whether it did.
    pub fn follow(&mut self, location: &Location) -> bool {
        let (q, symptoms) = asked(location);
        if self.asked.0 == q && self.asked.1 == symptoms {
            return false;
        }
        let page = SearchPage::compute(q, symptoms);
        update(&self.root, &self.shown, &page);
        self.shown = page;
        self.asked = (q.to_owned(), symptoms.to_owned());
        true
    }

    /// What a click in the page asks for: the symptoms to choose instead (a filter's toggle,
    /// or Clear), as the value of the `symptoms` parameter. A filter that started closed
    /// gets its toggles when first opened: a search typed first shows its answers without
    /// building twenty buttons nobody sees yet.
    pub fn clicked(&self, event: &web_sys::MouseEvent) -> Option<String> {
        let target = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())?;
        let closest = |selector: &str| target.closest(selector).ok().flatten();
        if let Some(button) = closest("button.toggle") {
            let symptom = button
                .get_attribute(SYMPTOM_ATTR)
                .and_then(|slug| Symptom::from_slug(&slug))?;
            let mut next = self.shown.filter.clone();
            next.toggle(symptom);
            return Some(next.to_param());
        }
        if closest(&format!("button.{CLEAR_CLASS}")).is_some() {
            return Some(String::new());
        }
        if let Some(summary) = closest("summary") {
            let toggles = summary.parent_element().and_then(|d| {
                d.query_selector(&format!(".{TOGGLES_CLASS}"))
                    .ok()
                    .flatten()
            });
            if let Some(toggles) = toggles.filter(|t| t.child_element_count() == 0) {
                toggles.set_inner_html(&self.shown.toggles_inner());
            }
        }
        None
    }
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
pub fn move_between_results(event: &web_sys::KeyboardEvent) {
    let step: i32 = match event.key().as_str() {
        "ArrowDown" => 1,
        "ArrowUp" => -1,
        _ => return,
    };
    let Some(document) = crate::window::document() else {
        return;
    };
    let Ok(links) = document.query_selector_all(".results .result-title") else {
        return;
    };
    let active = document.active_element();
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
        document.get_element_by_id(aftercare_core::pages::SEARCH_INPUT_ID)
    } else {
        links
            .item(u32::try_from(next.min(count - 1)).unwrap_or(0))
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
    };
    if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
