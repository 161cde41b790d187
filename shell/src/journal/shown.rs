//! The journal page shown, and the one way to reach it: events, the store's changes, the
//! router's and answers that arrive later (a file read, a save under the lock) all go
//! through [`with_view`], which draws what changed afterwards. A leaf of the journal's
//! modules: the pages use it, it names none of them (a page is a [`View`]).
//!
//! Nothing is ever borrowed twice: work that arrives while the page is busy (a save that
//! finished at once, the address changed by the page itself) waits in a queue and runs as
//! soon as the page is free.

use crate::storage::Persistence;
use aftercare_core::journal::store::SaveError;
use aftercare_core::journal::ImportPreview;
use aftercare_core::route::Route;
use std::cell::RefCell;

/// What arrives for the page after the action that asked for it.
pub enum Arrived {
    /// A chosen file was read: what importing it would do (and the words of the person's
    /// entries it would replace), or why it cannot be imported.
    Preview(Result<(ImportPreview, Vec<String>), String>),
    /// An import was not saved: why.
    ImportFailed(String),
    /// The browser answered when the person asked it to keep the journal.
    Persisted(Persistence),
    /// An entry was not saved.
    SaveFailed(SaveError),
}

/// One of the journal's pages, as shown.
pub trait View {
    /// Which page this is.
    fn route(&self) -> Route;
    /// Draws what changed of the state.
    fn render(&mut self);
    /// The address's parameters changed.
    fn follow(&mut self, _location: &crate::router::Location) {}
    /// A click on `target`, inside the closest element with `data-do` naming `action`
    /// (empty when none).
    fn click(&mut self, target: &web_sys::Element, action: &str);
    /// A form control changed (`change`: the event was a change, not an input).
    fn edited(&mut self, _target: &web_sys::Element) {}
    /// A form was submitted.
    fn submit(&mut self) {}
    /// Something the page asked for arrived.
    fn arrived(&mut self, _what: Arrived) {}
}

thread_local! {
    static SHOWN: RefCell<Option<Box<dyn View>>> = const { RefCell::new(None) };
    static QUEUE: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with the page shown, then draws what changed; when the page is busy, once it
/// is free.
pub fn with_view(f: impl FnOnce(&mut dyn View) + 'static) {
    let waiting = SHOWN.with(|shown| match shown.try_borrow_mut() {
        Ok(mut shown) => {
            if let Some(view) = shown.as_mut() {
                f(view.as_mut());
                view.render();
            }
            None
        }
        Err(_) => Some(f),
    });
    match waiting {
        None => drain(),
        Some(f) => QUEUE.with_borrow_mut(|q| q.push(Box::new(move || with_view(f)))),
    }
}

/// Hands `what` to the page shown.
pub fn arrive(what: Arrived) {
    with_view(move |view| view.arrived(what));
}

/// Runs `f` once the page is free: at once when it is, else after what keeps it busy.
pub fn later(f: impl FnOnce() + 'static) {
    QUEUE.with_borrow_mut(|q| q.push(Box::new(f)));
    if SHOWN.with(|shown| shown.try_borrow_mut().is_ok()) {
        drain();
    }
}

/// Which page is shown.
pub fn route() -> Option<Route> {
    SHOWN.with(|shown| shown.try_borrow().ok()?.as_ref().map(|v| v.route()))
}

/// Shows another page in place of the one shown: `make` writes it (called with the page
/// leaving, if any, already dropped), and it is drawn at once; when the page is busy, once
/// it is free.
pub fn replace(make: impl FnOnce() -> Option<Box<dyn View>> + 'static) {
    let waiting = SHOWN.with(|shown| match shown.try_borrow_mut() {
        Ok(mut shown) => {
            *shown = None;
            *shown = make();
            if let Some(view) = shown.as_mut() {
                view.render();
            }
            None
        }
        Err(_) => Some(make),
    });
    match waiting {
        None => drain(),
        Some(make) => QUEUE.with_borrow_mut(|q| q.push(Box::new(move || replace(make)))),
    }
}

/// Runs the work that waited for the page.
fn drain() {
    while let Some(next) = QUEUE.with_borrow_mut(|q| (!q.is_empty()).then(|| q.remove(0))) {
        next();
    }
}
