//! Taking over a prerendered page. The build writes each page's frame and content (or an
//! interactive page's start) into its `index.html`, so the words paint before the WebAssembly
//! arrives. The frame is kept as it stands (`frame` gives it behaviour, so words typed into
//! the search box and its focus stay); the reader keeps a static page's content too. A
//! Leptos bundle writes `<main>` again, in one task with the same markup (the core writes
//! both), so nothing moves; it waits for the prerendered page to have been painted and
//! presented (two animation frames, then a task) first, so compiling and starting the app
//! never delays the words' first paint.
//!
//! What a person did with the prerendered page before the app arrived is carried over: the
//! scroll position, and anything typed into the search box (the reader searches it).

use crate::window::{after, document, next_frame};
use aftercare_core::pages::SEARCH_INPUT_ID;
use aftercare_core::route::{Params, Route};
use wasm_bindgen::JsCast;

/// Whether this page was prerendered by the build.
#[must_use]
pub fn is_prerendered() -> bool {
    document()
        .and_then(|d| d.body())
        .is_some_and(|b| b.has_attribute("data-prerendered"))
}

/// The words already in the prerendered page's search box (typed before the app arrived),
/// or nothing: words mean the page has been painted and seen, and someone waits for an answer.
#[must_use]
pub fn typed() -> String {
    document()
        .and_then(|d| d.get_element_by_id(SEARCH_INPUT_ID))
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default()
}

/// Runs `start` once the page as it stands has been painted: after the next animation frame,
/// in a fresh task after the frame after that (the first frame paints the page, the second
/// comes after the browser has presented it and recorded its paint timings). If the browser
/// refuses a step, the rest runs at once.
pub fn after_next_paint(start: impl FnOnce() + 'static) {
    next_frame(move || next_frame(move || after(0, start)));
}

/// Where the window is scrolled to.
#[must_use]
pub fn scroll() -> (f64, f64) {
    web_sys::window().map_or((0.0, 0.0), |w| {
        (
            w.scroll_x().unwrap_or_default(),
            w.scroll_y().unwrap_or_default(),
        )
    })
}

/// Scrolls back to `scroll` (after a page's content was written again), if it moved.
pub fn restore_scroll(scroll: (f64, f64)) {
    if let Some(window) = web_sys::window() {
        if self::scroll() != scroll {
            window.scroll_to_with_x_and_y(scroll.0, scroll.1);
        }
    }
}

/// The search page's parameters for words typed before the app arrived: the words as `q`,
/// with the chosen symptoms kept when the page is the search page itself.
#[must_use]
pub fn search_params(typed: &str) -> Params {
    let mut params = if crate::router::current_route() == Route::Search {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .map(|search| Params::parse(&search))
            .unwrap_or_default()
    } else {
        Params::default()
    };
    params.set("q", typed);
    params
}
