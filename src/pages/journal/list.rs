//! The journal list: entries newest first, grouped by day, filtered by symptom and by words
//! in the notes (`?symptom=&text=` in the URL), each with its triage level and an "Is this
//! normal?" link; above them, the care cards of every red flag the entries shown name (by
//! symptom or in their own words), most urgent first; delete with undo; the status line
//! (with "Undo" and "Undo import"); and, below, the "Keep a copy" section
//! ([`super::keep_a_copy`]).
//!
//! Only the newest [`PAGE`] matching entries are drawn at first ("Show more" adds more), so
//! the page stays quick with thousands of entries. The journal's state is the store's; this
//! page holds only what is being looked at.
//!
//! The days and entry cards are the core's HTML (`pages::journal_days_inner`), one write for
//! the entries drawn, with one click listener for their Delete buttons.
//!
//! Size note: the page's structure is static and only text, attributes and the `hidden`
//! flag are reactive. Every reactive block that returns a whole subtree costs its build and
//! rebuild code in the wasm binary, so sections are shown and hidden instead of created.

use aftercare_core::content::Symptom;
use aftercare_core::journal::{self as core, group_by_day, Entry, EntryId, Filter};
use aftercare_core::pages;
use aftercare_core::route::Route;
use aftercare_core::triage::{red_flags, RedFlag};
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

use super::focus;
use super::keep_a_copy::KeepACopy;
use crate::components::care::FlagCards;
use crate::components::install_note::InstallNote;
use crate::components::journal_notice::JournalNotices;
use crate::journal_store::{timed, Change, Done, JournalStore, Status};
use crate::nav::Nav;

/// How many entries are drawn at first, and how many more each "Show more" adds.
pub const PAGE: usize = 30;
/// The URL parameter of the symptom filter (a slug).
const SYMPTOM: &str = "symptom";
/// The URL parameter of the text search.
const TEXT: &str = "text";

/// The red flags of each entry drawn, by id and version. Reading an entry's words for red
/// flags takes about a millisecond, so each entry is read once per visit, not on every
/// change of the filter.
#[derive(Clone, Copy)]
struct FlagCache(StoredValue<HashMap<(String, i64), Vec<&'static RedFlag>>>);

impl FlagCache {
    fn new() -> FlagCache {
        FlagCache(StoredValue::new(HashMap::new()))
    }

    /// The red flags `entry` names, most urgent first.
    fn of(self, entry: &Entry) -> Vec<&'static RedFlag> {
        let key = (entry.id.as_str().to_owned(), entry.updated_ms);
        if let Some(flags) = self.0.with_value(|cache| cache.get(&key).cloned()) {
            return flags;
        }
        let flags = core::entry_flags(entry);
        self.0.update_value(|cache| {
            cache.insert(key, flags.clone());
        });
        flags
    }
}

/// What the list draws: how many entries match, the drawn days' cards (the core's HTML) and
/// the red flags those entries name, most urgent first, each once.
struct Listing {
    matching: usize,
    cards: String,
    flags: Vec<&'static RedFlag>,
}

impl PartialEq for Listing {
    fn eq(&self, other: &Listing) -> bool {
        self.matching == other.matching
            && self.cards == other.cards
            && red_flags::same(&self.flags, &other.flags)
    }
}

/// The journal list page.
#[component]
pub fn JournalList() -> impl IntoView {
    let store = JournalStore::get();
    let nav = Nav::get();
    let symptom = nav.param(SYMPTOM);
    let text = nav.param(TEXT);
    let shown = RwSignal::new(PAGE);
    let cache = FlagCache::new();
    // The matching entries (how many), the days drawn (newest first) and their red flags.
    let listing = Memo::new(move |_| {
        let filter = Filter {
            symptom: Some(symptom.get()).filter(|s| !s.is_empty()),
            text: text.get(),
            range: None,
        };
        let limit = shown.get();
        let writable = store.is_writable();
        store.journal().with(|journal| {
            timed("journal.filter", || {
                let list = journal.filter(&filter);
                let days = group_by_day(&list[..limit.min(list.len())]);
                // Each entry's flags, read once: for its card, and for the cards on top.
                let mut named: Vec<&'static str> = Vec::new();
                let cards = pages::journal_days_inner(
                    &days,
                    &mut |e| {
                        let flags = cache.of(e);
                        named.extend(flags.iter().map(|f| f.slug));
                        flags
                    },
                    writable,
                );
                Listing {
                    matching: list.len(),
                    cards,
                    flags: RedFlag::all()
                        .iter()
                        .filter(|f| named.contains(&f.slug))
                        .collect(),
                }
            })
        })
    });
    let matching = Memo::new(move |_| listing.with(|l| l.matching));
    let total = Memo::new(move |_| store.journal().with(core::Journal::len));
    let flags = Signal::derive(move || listing.with(|l| l.flags.clone()));
    let delete = move |event| delete_clicked(&event, store);
    on_cleanup(move || store.status().set(None));
    // The list opens right after a save: the first entry ever brings the install note.
    let first_entry = store
        .status()
        .with_untracked(|s| matches!(s, Some(Status::Done(Done::Added))))
        && total.get_untracked() == 1;

    view! {
        <div class="page journal">
            <h1 tabindex="-1">"My symptom journal"</h1>
            <p class="lead">{aftercare_core::pages::JOURNAL_LEAD}</p>
            <JournalNotices/>
            <div class="journal-flags" hidden=move || flags.with(Vec::is_empty)>
                <p class="journal-flags-intro">
                    <strong>"An entry mentions a sign that needs help."</strong>
                    " If it is happening now, do what the card says."
                </p>
                <FlagCards flags id_scope="journal"/>
            </div>
            <div class="journal-actions">
                <a class="button" href=Route::JournalEntry.href() hidden=move || !store.is_writable()>
                    "Add an entry"
                </a>
                <a class="button secondary" href=Route::JournalSummary.href()>
                    "Summary for your practitioner"
                </a>
            </div>
            <StatusLine/>
            <p class="journal-empty" hidden=move || total.get() != 0>
                "Nothing here yet. When you notice something after a session, add an entry: "
                "when it started, what you felt, how bad it was."
            </p>
            <div class="journal-list" hidden=move || total.get() == 0>
                <Filters symptom text shown/>
                <p class="journal-count" aria-live="polite">
                    {move || count_text(matching.get(), total.get(), shown.get())}
                </p>
                <div class="journal-days" on:click=delete inner_html=move || listing.with(|l| l.cards.clone())></div>
                <p hidden=move || matching.get() <= shown.get()>
                    <button
                        type="button"
                        class="secondary"
                        on:click=move |_| shown.update(|n| *n += PAGE)
                    >
                        {format!("Show {PAGE} more")}
                    </button>
                </p>
            </div>
            // After the list: the entry just saved comes first, then why to install.
            <InstallNote first_entry/>
            <KeepACopy/>
        </div>
    }
}

/// A click in the list: a Delete button deletes its entry (with undo in the status line).
fn delete_clicked(event: &leptos::ev::MouseEvent, store: JournalStore) {
    let id = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| {
            t.closest(&format!("button[{}]", pages::DELETE_ATTR))
                .ok()
                .flatten()
        })
        .and_then(|button| button.get_attribute(pages::DELETE_ATTR))
        .and_then(|id| EntryId::parse(&id));
    let Some(id) = id else { return };
    store.commit(Change::Remove(id), move |result| match result {
        Ok(Done::Removed(removed)) => {
            store
                .status()
                .set(Some(Status::Done(Done::Removed(removed))));
            focus(".journal-status button");
        }
        Ok(_) => {}
        Err(error) => store.status().set(Some(Status::Failed(error.to_string()))),
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

/// The symptom and text filters, kept in the URL.
#[component]
fn Filters(symptom: Signal<String>, text: Signal<String>, shown: RwSignal<usize>) -> impl IntoView {
    let set = move |name: &'static str, value: String| {
        crate::router::set_param(name, &value);
        shown.set(PAGE);
    };
    // A slug in the URL that this build does not know is offered as written, so the
    // filter shown matches the list.
    let unknown = move || {
        let slug = symptom.get();
        (!slug.is_empty() && Symptom::from_slug(&slug).is_none()).then(|| {
            view! { <option value=slug.clone() selected>{slug.clone()}</option> }
        })
    };
    view! {
        <form
            class="journal-filters"
            role="search"
            aria-label="Filter your journal"
            on:submit=|ev| ev.prevent_default()
        >
            <div class="field">
                <label for="journal-symptom">"Symptom"</label>
                <select
                    id="journal-symptom"
                    on:change=move |ev| set(SYMPTOM, event_target_value(&ev))
                >
                    <option value="" prop:selected=move || symptom.with(String::is_empty)>
                        "All symptoms"
                    </option>
                    {Symptom::ALL
                        .iter()
                        .map(|&s| {
                            view! {
                                <option
                                    value=s.slug()
                                    prop:selected=move || symptom.with(|v| v == s.slug())
                                >
                                    {s.name()}
                                </option>
                            }
                        })
                        .collect_view()}
                    {unknown}
                </select>
            </div>
            <div class="field">
                <label for="journal-text">"Search your notes"</label>
                <input
                    id="journal-text"
                    type="search"
                    autocomplete="off"
                    prop:value=text
                    on:input=move |ev| set(TEXT, event_target_value(&ev))
                />
            </div>
        </form>
    }
}

/// The status line: what the last action did, with "Undo" after a delete. A live region,
/// so screen readers hear it without losing their place.
#[component]
fn StatusLine() -> impl IntoView {
    let store = JournalStore::get();
    let status = store.status();
    // "Undo" after a delete puts the entry back; after an import, takes the import out.
    let undo = move |_| {
        let change = match status.get_untracked() {
            Some(Status::Done(Done::Removed(removed))) => Change::Restore(removed),
            Some(Status::Done(Done::Imported { undo, .. })) => Change::UndoImport(undo),
            _ => return,
        };
        store.commit(change, move |result| {
            status.set(Some(match result {
                Ok(done) => Status::Done(done),
                Err(error) => Status::Failed(error.to_string()),
            }));
        });
    };
    let deleted = move || {
        status.with(|s| match s {
            Some(Status::Done(Done::Removed(_))) => true,
            Some(Status::Done(Done::Imported { undo, .. })) => !undo.is_empty(),
            _ => false,
        })
    };
    let undo_label = move || {
        if status.with(|s| matches!(s, Some(Status::Done(Done::Imported { .. })))) {
            "Undo import"
        } else {
            "Undo"
        }
    };
    let failed = move || status.with(|s| matches!(s, Some(Status::Failed(_))));
    view! {
        <div class="journal-status" role="status">
            <p
                class="journal-status-bar"
                class:journal-error=failed
                hidden=move || status.with(Option::is_none)
            >
                {move || status.with(|s| s.as_ref().map(status_text).unwrap_or_default())}
                <button type="button" hidden=move || !deleted() on:click=undo>
                    {undo_label}
                </button>
            </p>
        </div>
    }
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
