//! Taking over a prerendered page. The build writes each static page's HTML into its
//! `index.html`, so the words paint before the WebAssembly arrives. When the app starts it
//! removes that markup and mounts itself in the same task, so the browser never paints in
//! between; the app renders the very same markup (the core writes both), so nothing moves.
//!
//! The app waits for the prerendered page to have been painted and presented (two animation
//! frames, then a task) before it takes over, so compiling and starting the WebAssembly never
//! delays the words' first paint.
//!
//! What a person did with the prerendered page before the app arrived is carried over: the
//! scroll position, and anything typed into the search box (with its focus).

use aftercare_core::route::{Bundle, Params, Route};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Whether this page was prerendered by the build.
pub fn is_prerendered() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .is_some_and(|b| b.has_attribute("data-prerendered"))
}

/// The words already in the prerendered page's search box (typed before the app arrived),
/// or nothing: words mean the page has been painted and seen, and someone waits for an answer.
pub fn typed() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("site-q"))
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default()
}

/// Runs `start` once the page as it stands has been painted: after the next animation frame,
/// in a fresh task after the frame after that. If the browser refuses either step, `start` runs at once.
pub fn after_next_paint(start: impl FnOnce() + 'static) {
    let start = Rc::new(Cell::new(Some(start)));
    let run = {
        let start = Rc::clone(&start);
        move || {
            if let Some(start) = start.take() {
                start();
            }
        }
    };
    let Some(window) = web_sys::window() else {
        run();
        return;
    };
    // Two frames, then a task: the first frame paints the page, the second comes after the
    // browser has presented it (and recorded its paint timings).
    let frame = {
        let window = window.clone();
        let run = run.clone();
        Closure::once_into_js(move || {
            let second = {
                let window = window.clone();
                let run = run.clone();
                Closure::once_into_js(move || {
                    let task = Closure::once_into_js(run.clone());
                    if window
                        .set_timeout_with_callback(task.unchecked_ref())
                        .is_err()
                    {
                        run();
                    }
                })
            };
            if window
                .request_animation_frame(second.unchecked_ref())
                .is_err()
            {
                run();
            }
        })
    };
    if window
        .request_animation_frame(frame.unchecked_ref())
        .is_err()
    {
        run();
    }
}

/// What the prerendered page held when the app arrived.
pub struct Prerendered {
    scroll: (f64, f64),
    typed: Option<(String, bool)>,
}

/// Removes the prerendered markup (if any) and remembers what the person had done with it.
pub fn clear() -> Option<Prerendered> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let body = document.body()?;
    if !body.has_attribute("data-prerendered") {
        return None;
    }
    let typed = document
        .get_element_by_id("site-q")
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| {
            let focused = document
                .active_element()
                .is_some_and(|el| el.id() == "site-q");
            (input.value(), focused)
        });
    let scroll = (
        window.scroll_x().unwrap_or_default(),
        window.scroll_y().unwrap_or_default(),
    );
    body.set_inner_html("");
    let _ = body.remove_attribute("data-prerendered");
    Some(Prerendered { scroll, typed })
}

/// The search page's parameters for words typed before the app arrived: the words as `q`,
/// with the chosen symptoms kept when the page is the search page itself.
pub fn search_params(typed: &str) -> Params {
    let mut params = if crate::nav::current_route() == Route::Search {
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

impl Prerendered {
    /// Before the app mounts: a bundle with search starts on the search for what was typed
    /// (as its first keystroke would have taken it there), so its box and results show the
    /// words from the start.
    pub fn before_mount(&self, bundle: Bundle) {
        if Route::Search.bundle() != bundle {
            return;
        }
        if let Some((value, _)) = self.typed.as_ref().filter(|(v, _)| !v.is_empty()) {
            crate::nav::push_url(Route::Search, &search_params(value));
        }
    }

    /// After the app has mounted: puts the scroll position back and the focus in the search
    /// box if it was there.
    pub fn restore(self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if self.scroll != (0.0, 0.0) {
            window.scroll_to_with_x_and_y(self.scroll.0, self.scroll.1);
        }
        let Some((_, focused)) = self.typed else {
            return;
        };
        let Some(input) = window
            .document()
            .and_then(|d| d.get_element_by_id("site-q"))
            .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if focused {
            let _ = input.focus();
            // The caret after the words, as it was while typing.
            let end = u32::try_from(input.value().encode_utf16().count()).unwrap_or(u32::MAX);
            let _ = input.set_selection_range(end, end);
        }
    }
}
