//! The person's region, for which emergency and crisis numbers come first on a care card.
//!
//! Every card lists every region's numbers (`aftercare_core::pages::calls`); the region only
//! decides the order, by style: this module sets `data-region` on `<html>` and the style
//! sheet moves that region's numbers first. A choice made on Get help now is remembered on
//! this device (`localStorage`, through `storage`); until then a hosting clinic's region
//! (`aftercare_core::clinic`) comes first, else the region is guessed from the browser's
//! languages ("en-GB" → United Kingdom), and "Everywhere" shows all in the usual order. Storage that is off or full only means the choice is not remembered.

use crate::storage;
use aftercare_core::triage::Region;
use wasm_bindgen::JsCast;

/// Where the choice is remembered: a region's slug, or "all".
const KEY: &str = "aftercare.region";
/// The stored value for "show every region".
const ALL: &str = "all";

/// What decides the order, and why.
enum Choice {
    /// Picked by the person (`None`: everywhere).
    Saved(Option<&'static Region>),
    /// The region of the clinic that hosts this copy.
    Clinic(&'static Region),
    /// Guessed from the browser's languages.
    Guessed(&'static Region),
    /// Nothing to go on: every region in the usual order.
    Unknown,
}

impl Choice {
    fn region(&self) -> Option<&'static Region> {
        match self {
            Choice::Saved(r) => *r,
            Choice::Clinic(r) | Choice::Guessed(r) => Some(r),
            Choice::Unknown => None,
        }
    }

    /// The value of the picker's radio button to check.
    fn value(&self) -> &'static str {
        self.region().map_or(ALL, |r| r.slug)
    }

    /// The line under the picker (the checked button says which region), noting when the
    /// choice could not be remembered. Short, so it never wraps and moves the page.
    fn status(&self, remembered: bool) -> &'static str {
        match self {
            Choice::Saved(_) if remembered => "Saved on this device.",
            Choice::Saved(_) => "Your browser is not letting this site save it.",
            Choice::Clinic(_) => "Your clinic’s region.",
            Choice::Guessed(_) => "Guessed from your browser’s language.",
            Choice::Unknown => "Pick yours to see its numbers first.",
        }
    }
}

/// The current choice: saved, else the hosting clinic's region, else guessed, else unknown.
fn current() -> Choice {
    if let Some(saved) = storage::read_setting(KEY) {
        if saved == ALL {
            return Choice::Saved(None);
        }
        if let Some(region) = Region::from_slug(&saved) {
            return Choice::Saved(Some(region));
        }
        // Anything else (an old or damaged value) is ignored: guess instead.
    }
    if let Some(region) = aftercare_core::clinic::clinic()
        .and_then(|c| c.region)
        .and_then(Region::from_slug)
    {
        return Choice::Clinic(region);
    }
    let languages: Vec<String> = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    Region::guess(languages.iter().map(String::as_str)).map_or(Choice::Unknown, Choice::Guessed)
}

/// Sets `data-region` on `<html>` for the style sheet.
fn apply(choice: &Choice) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match choice.region() {
        Some(region) => root.set_attribute("data-region", region.slug),
        None => root.remove_attribute("data-region"),
    };
}

/// Shows the current choice in the picker, if the page has one (Get help now).
pub fn sync_picker() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let choice = current();
    // The radio buttons' ids are "region-<value>" (`pages::region_picker`).
    let id = String::from("region-") + choice.value();
    if let Some(input) = document
        .get_element_by_id(&id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_checked(true);
    }
    set_status(choice.status(true));
}

fn set_status(text: &str) {
    if let Some(status) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".region-status").ok().flatten())
    {
        status.set_text_content(Some(text));
    }
}

/// Applies the saved or guessed region at start, and remembers a new pick from the picker.
pub fn start() {
    apply(&current());
    crate::window::on_window("change", |event: web_sys::Event| {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .filter(|i| i.name() == "region")
        else {
            return;
        };
        let value = input.value();
        let choice = match Region::from_slug(&value) {
            Some(region) => Choice::Saved(Some(region)),
            None => Choice::Saved(None),
        };
        // Not remembered when storage is off or full; the page still follows the pick.
        let saved = storage::write_setting(KEY, choice.value());
        apply(&choice);
        set_status(choice.status(saved));
    });
}
