//! What the journal's pages do to the document: write a part of a page only when its markup
//! changed (so focus, an open `<details>` and live regions stay as they are when nothing
//! did), show and hide, set words, read and set the values of inputs, move focus.

use crate::window::{document, next_frame};
use wasm_bindgen::JsCast;

/// A part of a page whose inside is written from markup: written again only when the
/// markup differs from what it last wrote.
pub struct Part {
    element: Option<web_sys::Element>,
    last: Option<String>,
}

impl Part {
    /// The element matching `selector` in `root` (a part that writes nothing if none does).
    pub fn find(root: &web_sys::Element, selector: &str) -> Part {
        Part {
            element: find(root, selector),
            last: None,
        }
    }

    /// Writes `html` inside the part, if it is not what the part holds.
    pub fn put(&mut self, html: String) {
        if self.last.as_ref() == Some(&html) {
            return;
        }
        if let Some(element) = &self.element {
            element.set_inner_html(&html);
        }
        self.last = Some(html);
    }

    /// [`put`](Self::put), hiding the part while `html` is empty.
    pub fn put_or_hide(&mut self, html: String) {
        if let Some(element) = &self.element {
            set_hidden(element, html.is_empty());
        }
        self.put(html);
    }
}

/// The first element matching `selector` in `root`.
pub fn find(root: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    root.query_selector(selector).ok().flatten()
}

/// The element with this id in the document.
pub fn by_id(id: &str) -> Option<web_sys::Element> {
    document()?.get_element_by_id(id)
}

/// Shows or hides `element` (the `hidden` attribute), touching it only when that changes.
pub fn set_hidden(element: &web_sys::Element, hide: bool) {
    if element.has_attribute("hidden") != hide {
        let _ = element.toggle_attribute_with_force("hidden", hide);
    }
}

/// Sets the text of `element`, touching it only when it changes (a live region then speaks
/// only of what changed).
pub fn set_text(element: &web_sys::Element, text: &str) {
    if element.text_content().as_deref() != Some(text) {
        element.set_text_content(Some(text));
    }
}

/// Sets or removes (`None`) an attribute, touching it only when it changes.
pub fn set_attr(element: &web_sys::Element, name: &str, value: Option<&str>) {
    if element.get_attribute(name).as_deref() != value {
        let _ = match value {
            Some(value) => element.set_attribute(name, value),
            None => element.remove_attribute(name),
        };
    }
}

/// The value of a form control (input, select or textarea), or nothing.
pub fn value(element: &web_sys::Element) -> String {
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(select) = element.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else if let Some(text) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        text.value()
    } else {
        String::new()
    }
}

/// The value of the form control with this id, or nothing.
pub fn value_of(id: &str) -> String {
    by_id(id).map(|e| value(&e)).unwrap_or_default()
}

/// Sets the value of a form control, when it differs (so the caret stays where it is).
pub fn set_value(element: &web_sys::Element, to: &str) {
    if value(element) == to {
        return;
    }
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(to);
    } else if let Some(select) = element.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.set_value(to);
    } else if let Some(text) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        text.set_value(to);
    }
}

/// Whether a checkbox or radio button is ticked.
pub fn is_checked(element: &web_sys::Element) -> bool {
    element
        .dyn_ref::<web_sys::HtmlInputElement>()
        .is_some_and(web_sys::HtmlInputElement::checked)
}

/// Ticks or unticks a checkbox or radio button.
pub fn set_checked(element: &web_sys::Element, on: bool) {
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_checked(on);
    }
}

/// Moves keyboard focus to the first element matching `selector`, once it is drawn.
pub fn focus(selector: &'static str) {
    next_frame(move || {
        if let Some(element) = document()
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}

/// Moves keyboard focus to the element with this id now.
pub fn focus_id(id: &str) {
    if let Some(element) = by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}
