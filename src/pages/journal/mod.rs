//! The journal's pages: the list (`list`, with the "Keep a copy" section from
//! `keep_a_copy`), the add/edit form (`entry`) and the practitioner summary (`summary`), and
//! what they share: moving focus to what an action changed.

mod entry;
mod keep_a_copy;
mod list;
mod summary;

pub use entry::JournalEntryPage;
pub use list::JournalList;
pub use summary::JournalSummaryPage;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves keyboard focus to the first element matching `selector`, once it is drawn.
pub fn focus(selector: &'static str) {
    request_animation_frame(move || {
        if let Some(element) = document()
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}
