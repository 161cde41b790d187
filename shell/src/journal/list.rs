//! The journal list: entries newest first, grouped by day, filtered by symptom and by words
//! in the notes (`?symptom=&text=` in the URL), each with its triage level and an "Is this
//! normal?" link; above them, the care cards of every red flag the entries shown name (by
//! symptom or in their own words), most urgent first; delete with undo; the status line
//! (with "Undo" and "Undo import"); the one-time install note after a first entry; and,
//! below, the "Keep a copy" section ([`super::copy`]).
//!
//! Only the newest [`PAGE`] matching entries are drawn at first ("Show more" adds more), so
//! the page stays quick with thousands of entries. The days and entry cards are the core's
//! HTML (`pages::journal_days_inner`), written in one go and only when the journal, the
//! filter or the number shown changed. The journal's state is the store's; this page holds
//! only what is being looked at.

use super::copy::Copy;
use super::dom::{self, Part};
use super::notices;
use super::shown::{Arrived, View};
use super::store::{self, Change, Done, SaveError, State, Status};
use crate::pwa::{forget_install_offer, install_offer, prompt};
use crate::router::Location;
use crate::storage;
use aftercare_core::content::Symptom;
use aftercare_core::html::Html;
use aftercare_core::journal::{self as core, group_by_day, Entry, EntryId, Filter, JournalError};
use aftercare_core::pages;
use aftercare_core::route::Route;
use aftercare_core::triage::RedFlag;
use std::collections::HashMap;
use wasm_bindgen::JsValue;

/// How many entries are drawn at first, and how many more each "Show more" adds.
pub const PAGE: usize = 30;
/// The URL parameter of the symptom filter (a slug).
const SYMPTOM: &str = "symptom";
/// The URL parameter of the text search.
const TEXT: &str = "text";
/// The storage key that remembers the install note was shown once.
const INSTALL_NOTE_SHOWN: &str = "aftercare.install-note-shown";

/// What the list was last drawn from: the journal's revision, the filter, how many were
/// shown and whether entries could be changed.
type Drawn = (u64, String, String, usize, bool);

/// The journal list page as shown.
pub struct List {
    root: web_sys::Element,
    symptom: String,
    text: String,
    shown: usize,
    /// The red flags of each entry drawn, by id and version. Reading an entry's words for
    /// red flags takes about a millisecond, so each entry is read once per visit, not on
    /// every change of the filter.
    cache: HashMap<(String, i64), Vec<&'static RedFlag>>,
    drawn: Option<Drawn>,
    notices: Part,
    flags: Part,
    status: Part,
    days: Part,
    options: Part,
    count: Option<web_sys::Element>,
    /// "Add an entry" (hidden while the journal is read-only).
    add: Option<web_sys::Element>,
    /// "Nothing here yet", and the list with its filters: one of them shows.
    empty: Option<web_sys::Element>,
    entries: Option<web_sys::Element>,
    /// "Show 30 more".
    more: Option<web_sys::Element>,
    copy: Copy,
}

/// The page's markup, before anything stored is drawn into it.
/// The class of the page's root element.
const ROOT_CLASS: &str = "page journal";

/// The page's heading and lead: what the build prerenders (`pages::page_start`).
fn heading() -> String {
    let mut h = Html::new();
    h.leaf("h1", &[("tabindex", "-1")], "My symptom journal")
        .leaf("p", &[("class", "lead")], pages::JOURNAL_LEAD);
    h.into_string()
}

/// What comes under the lead, before anything stored is drawn into it.
fn below_lead(location: &Location, install_note: bool) -> String {
    let mut h = Html::new();
    h.leaf("div", &[("class", notices::BOX)], "")
        .leaf("div", &[("class", "journal-flags"), ("hidden", "")], "")
        .open("div", &[("class", "journal-actions")])
        .leaf(
            "a",
            &[("class", "button"), ("href", &Route::JournalEntry.href())],
            "Add an entry",
        )
        .leaf(
            "a",
            &[
                ("class", "button secondary"),
                ("href", &Route::JournalSummary.href()),
            ],
            "Summary for your practitioner",
        )
        .close("div")
        .leaf(
            "div",
            &[("class", "journal-status"), ("role", "status")],
            "",
        )
        .leaf(
            "p",
            &[("class", "journal-empty"), ("hidden", "")],
            "Nothing here yet. When you notice something after a session, add an entry: when \
             it started, what you felt, how bad it was.",
        )
        .open("div", &[("class", "journal-list"), ("hidden", "")]);
    filters(&mut h, location);
    h.leaf(
        "p",
        &[("class", "journal-count"), ("aria-live", "polite")],
        "",
    )
    .leaf("div", &[("class", "journal-days")], "")
    .open("p", &[("class", "journal-more"), ("hidden", "")])
    .leaf(
        "button",
        &[
            ("type", "button"),
            ("class", "secondary"),
            ("data-do", "more"),
        ],
        &format!("Show {PAGE} more"),
    )
    .close("p")
    .close("div");
    // After the list: the entry just saved comes first, then why to install.
    if install_note {
        install_note_html(&mut h);
    }
    super::copy::skeleton(&mut h);
    h.into_string()
}

/// The prerendered start of this page in `main`, if that is what it holds: the root with the
/// heading and the lead, and nothing after them yet.
fn prerendered(main: &web_sys::Element) -> Option<web_sys::Element> {
    main.first_element_child()
        .filter(|root| root.class_name() == ROOT_CLASS)
        .filter(|root| {
            root.last_element_child()
                .is_some_and(|last| last.class_name() == "lead")
        })
}

/// The symptom and text filters, kept in the URL.
fn filters(h: &mut Html, location: &Location) {
    h.open(
        "form",
        &[
            ("class", "journal-filters"),
            ("role", "search"),
            ("aria-label", "Filter your journal"),
        ],
    )
    .open("div", &[("class", "field")])
    .leaf("label", &[("for", "journal-symptom")], "Symptom")
    .open("select", &[("id", "journal-symptom")])
    .text("")
    .close("select")
    .close("div")
    .open("div", &[("class", "field")])
    .leaf("label", &[("for", "journal-text")], "Search your notes")
    .open(
        "input",
        &[
            ("id", "journal-text"),
            ("type", "search"),
            ("autocomplete", "off"),
            ("value", location.params.get(TEXT).unwrap_or_default()),
        ],
    )
    .close("div")
    .close("form");
}

/// The symptom filter's options, `slug` chosen. A slug this build does not know is offered
/// as written, so the filter shown matches the list.
fn options(slug: &str) -> String {
    let mut h = Html::new();
    let option = |h: &mut Html, value: &str, label: &str| {
        let mut attrs = vec![("value", value)];
        if value == slug {
            attrs.push(("selected", ""));
        }
        h.leaf("option", &attrs, label);
    };
    option(&mut h, "", "All symptoms");
    for s in Symptom::ALL {
        option(&mut h, s.slug(), s.name());
    }
    if !slug.is_empty() && Symptom::from_slug(slug).is_none() {
        option(&mut h, slug, slug);
    }
    h.into_string()
}

/// The one-time note after a person's first journal entry: why installing the app keeps the
/// journal safer from browser clean-ups and how to install it (the core's words, the same as
/// About's), with an Install button when the browser has offered to install.
fn install_note_html(h: &mut Html) {
    h.open(
        "section",
        &[
            ("class", "install-note"),
            ("aria-labelledby", "install-note-title"),
        ],
    )
    .leaf("h2", &[("id", "install-note-title")], pages::INSTALL_TITLE)
    .open("div", &[])
    .raw(&pages::install_help_inner())
    .close("div")
    .open("p", &[("class", "button-row")]);
    if install_offer().is_some() {
        h.leaf(
            "button",
            &[("type", "button"), ("data-do", "install")],
            "Install",
        );
    }
    h.leaf(
        "button",
        &[
            ("type", "button"),
            ("class", "secondary"),
            ("data-do", "install-done"),
        ],
        "Got it",
    )
    .close("p")
    .close("section");
}

/// Whether the app already runs installed (from the Home Screen or as an app window).
fn runs_installed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let standalone = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|list| list.matches());
    // Safari on iPhone says so with `navigator.standalone`.
    let ios = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("standalone"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    standalone || ios
}

/// Whether the install note is due: the person has just saved their first entry, the app
/// is not installed, and the note was never shown (remembered as it is shown; where nothing
/// can be remembered the note would come back every time, so it is left to About).
fn install_note_due(first_entry: bool) -> bool {
    first_entry
        && !runs_installed()
        && storage::read_setting(INSTALL_NOTE_SHOWN).is_none()
        && storage::write_setting(INSTALL_NOTE_SHOWN, "1")
}

impl List {
    /// Writes the list page into `main`.
    pub fn show(main: &web_sys::Element, location: &Location) -> Option<List> {
        // The list opens right after a save: the first entry ever brings the install note.
        let first_entry = store::with(|s| {
            matches!(s.status, Some(Status::Done(Done::Added))) && s.journal.len() == 1
        });
        let rest = below_lead(location, install_note_due(first_entry));
        // The prerendered heading and lead stay as they were painted (the lead is the page's
        // largest text: written again, its paint would count again, as late as the bundle);
        // the rest goes under them.
        let root = if let Some(root) = prerendered(main) {
            root.insert_adjacent_html("beforeend", &rest).ok()?;
            root
        } else {
            let mut h = Html::new();
            h.open("div", &[("class", ROOT_CLASS)])
                .raw(&heading())
                .raw(&rest)
                .close("div");
            main.set_inner_html(h.as_str());
            main.first_element_child()?
        };
        let mut list = List {
            symptom: String::new(),
            text: String::new(),
            shown: PAGE,
            cache: HashMap::new(),
            drawn: None,
            notices: Part::find(&root, &format!(".{}", notices::BOX)),
            flags: Part::find(&root, ".journal-flags"),
            status: Part::find(&root, ".journal-status"),
            days: Part::find(&root, ".journal-days"),
            options: Part::find(&root, "#journal-symptom"),
            count: dom::find(&root, ".journal-count"),
            add: dom::find(&root, ".journal-actions a"),
            empty: dom::find(&root, ".journal-empty"),
            entries: dom::find(&root, ".journal-list"),
            more: dom::find(&root, ".journal-more"),
            copy: Copy::find(&root),
            root,
        };
        list.follow(location);
        Some(list)
    }

    /// The matching entries (how many), the days drawn (newest first) and their red flags,
    /// drawn again when the journal, the filter or how many to show changed.
    fn draw_list(&mut self, s: &State, writable: bool) {
        let key: Drawn = (
            s.revision,
            self.symptom.clone(),
            self.text.clone(),
            self.shown,
            writable,
        );
        if self.drawn.as_ref() == Some(&key) {
            return;
        }
        self.drawn = Some(key);
        let filter = Filter {
            symptom: Some(self.symptom.clone()).filter(|s| !s.is_empty()),
            text: self.text.clone(),
            range: None,
        };
        let limit = self.shown;
        let cache = &mut self.cache;
        let (matching, cards, flags) = store::timed("journal.filter", || {
            let list = s.journal.filter(&filter);
            let days = group_by_day(&list[..limit.min(list.len())]);
            // Each entry's flags, read once: for its card, and for the cards on top.
            let mut named: Vec<&'static str> = Vec::new();
            let cards = pages::journal_days_inner(
                &days,
                &mut |e: &Entry| {
                    let key = (e.id.as_str().to_owned(), e.updated_ms);
                    let flags = cache
                        .entry(key)
                        .or_insert_with(|| core::entry_flags(e))
                        .clone();
                    named.extend(flags.iter().map(|f| f.slug));
                    flags
                },
                writable,
            );
            let flags: Vec<&'static RedFlag> = RedFlag::all()
                .iter()
                .filter(|f| named.contains(&f.slug))
                .collect();
            (list.len(), cards, flags)
        });
        self.days.put(cards);
        self.flags.put_or_hide(notices::flag_cards(
            "An entry mentions a sign that needs help.",
            " If it is happening now, do what the card says.",
            &flags,
            "journal",
        ));
        if let Some(count) = &self.count {
            dom::set_text(count, &count_text(matching, s.journal.len(), self.shown));
        }
        if let Some(more) = &self.more {
            dom::set_hidden(more, matching <= self.shown);
        }
    }
}

impl View for List {
    fn route(&self) -> Route {
        Route::Journal
    }

    /// Draws what changed of the state.
    fn render(&mut self) {
        store::with(|s| {
            self.notices.put_or_hide(notices::html(s));
            self.status.put(status_html(s.status.as_ref()));
            let writable = s.is_writable();
            if let Some(add) = &self.add {
                dom::set_hidden(add, !writable);
            }
            let total = s.journal.len();
            if let Some(empty) = &self.empty {
                dom::set_hidden(empty, total != 0);
            }
            if let Some(entries) = &self.entries {
                dom::set_hidden(entries, total == 0);
            }
            self.draw_list(s, writable);
            self.copy.render(s);
        });
    }

    /// Takes the filter from the address.
    fn follow(&mut self, location: &Location) {
        location
            .params
            .get(SYMPTOM)
            .unwrap_or_default()
            .clone_into(&mut self.symptom);
        location
            .params
            .get(TEXT)
            .unwrap_or_default()
            .clone_into(&mut self.text);
        if let Some(input) = dom::by_id("journal-text") {
            dom::set_value(&input, &self.text);
        }
        self.options.put(options(&self.symptom));
        if let Some(select) = dom::by_id("journal-symptom") {
            dom::set_value(&select, &self.symptom);
        }
    }

    /// A click in the page: "Show more", Undo, the install note, an entry's Delete, or
    /// "Keep a copy".
    fn click(&mut self, target: &web_sys::Element, action: &str) {
        match action {
            "more" => self.shown += PAGE,
            "undo" => {
                // Pressed once: the status line that replaces it says what it did.
                if let Some(button) = target.closest("button").ok().flatten() {
                    dom::set_attr(&button, "disabled", Some(""));
                }
                undo();
            }
            "install" => {
                if let Some(event) = install_offer() {
                    forget_install_offer();
                    prompt(&event);
                }
                if let Some(button) = dom::find(&self.root, "[data-do=install]") {
                    button.remove();
                }
            }
            "install-done" => {
                if let Some(note) = dom::find(&self.root, ".install-note") {
                    note.remove();
                }
            }
            "" => delete_clicked(target),
            _ => self.copy.click(target, action),
        }
    }

    /// A form control changed.
    fn edited(&mut self, target: &web_sys::Element) {
        let name = match target.id().as_str() {
            "journal-symptom" => SYMPTOM,
            "journal-text" => TEXT,
            "journal-import-file" => {
                self.copy.choose(target);
                return;
            }
            _ => return,
        };
        self.shown = PAGE;
        crate::router::set_param(name, &dom::value(target));
    }

    fn arrived(&mut self, what: Arrived) {
        self.copy.arrived(what);
    }
}

/// A click on an entry's Delete button deletes it (with undo in the status line).
fn delete_clicked(target: &web_sys::Element) {
    let Some(button) = target
        .closest(&format!("button[{}]", pages::DELETE_ATTR))
        .ok()
        .flatten()
    else {
        return;
    };
    let Some(id) = button
        .get_attribute(pages::DELETE_ATTR)
        .and_then(|id| EntryId::parse(&id))
    else {
        return;
    };
    // Pressed once: a second tap before the card goes must not take the "Undo" away.
    dom::set_attr(&button, "disabled", Some(""));
    store::commit(Change::Remove(id), move |result| match result {
        Ok(Done::Removed(removed)) => {
            store::set_status(Some(Status::Done(Done::Removed(removed))));
            dom::focus(".journal-status button");
        }
        // Already gone (deleted in another tab meanwhile): what the person asked for.
        Ok(_) | Err(SaveError::Journal(JournalError::NotFound(_))) => {}
        Err(error) => store::set_status(Some(Status::Failed(error.to_string()))),
    });
}

/// "Undo" after a delete puts the entry back; after an import, takes the import out.
fn undo() {
    let change = match store::with(|s| s.status.clone()) {
        Some(Status::Done(Done::Removed(removed))) => Change::Restore(removed),
        Some(Status::Done(Done::Imported { undo, .. })) => Change::UndoImport(undo),
        _ => return,
    };
    store::commit(change, |result| {
        store::set_status(Some(match result {
            Ok(done) => Status::Done(done),
            Err(error) => Status::Failed(error.to_string()),
        }));
    });
}

/// "Showing the newest 30 of 2,000 matching entries", "3 of 40 entries match", "No entries
/// match…".
fn count_text(matching: usize, total: usize, shown: usize) -> String {
    let plural = |n: usize| if n == 1 { "entry" } else { "entries" };
    if matching == 0 {
        "No entries match. Choose \"All symptoms\" or clear the search to see every entry."
            .to_owned()
    } else if matching > shown {
        format!(
            "Showing the newest {} of {} matching {}.",
            core::group_digits(shown),
            core::group_digits(matching),
            plural(matching)
        )
    } else if matching < total {
        format!(
            "{} of {} {} match.",
            core::group_digits(matching),
            core::group_digits(total),
            plural(total)
        )
    } else {
        format!("{} {}.", core::group_digits(total), plural(total))
    }
}

/// The status line: what the last action did, with "Undo" after a delete or an import. In
/// a live region, so screen readers hear it without losing their place.
fn status_html(status: Option<&Status>) -> String {
    let Some(status) = status else {
        return String::new();
    };
    let class = if matches!(status, Status::Failed(_)) {
        "journal-status-bar journal-error"
    } else {
        "journal-status-bar"
    };
    let undo = match status {
        Status::Done(Done::Removed(_)) => Some("Undo"),
        Status::Done(Done::Imported { undo, .. }) if !undo.is_empty() => Some("Undo import"),
        _ => None,
    };
    let mut h = Html::new();
    h.open("p", &[("class", class)]).text(&status_text(status));
    if let Some(label) = undo {
        h.leaf("button", &[("type", "button"), ("data-do", "undo")], label);
    }
    h.close("p");
    h.into_string()
}

/// The words of a status.
fn status_text(status: &Status) -> String {
    match status {
        Status::Done(Done::Added | Done::Edited) => "Entry saved.".to_owned(),
        Status::Done(Done::Removed(_)) => "Entry deleted.".to_owned(),
        Status::Done(Done::Restored) => "Entry restored.".to_owned(),
        Status::DeletedAll => "All your journal data was deleted from this browser.".to_owned(),
        Status::Done(Done::Imported {
            added,
            updated,
            undo,
        }) => {
            let kept = if undo.copy_key().is_some() {
                " The versions it replaced are kept under \u{201c}Copies kept for safety\u{201d}."
            } else {
                ""
            };
            format!("Imported: {added} new, {updated} updated.{kept}")
        }
        Status::Done(Done::ImportUndone {
            removed,
            restored,
            kept,
        }) => {
            let left = match kept {
                0 => String::new(),
                1 => " 1 entry changed since the import was left as it is.".to_owned(),
                n => format!(" {n} entries changed since the import were left as they are."),
            };
            format!("Import undone: {removed} taken out, {restored} put back as they were.{left}")
        }
        Status::CopyRemoved => "Copy removed.".to_owned(),
        Status::Exported(note) => format!("Exported. {note}"),
        Status::Failed(message) => message.clone(),
    }
}
