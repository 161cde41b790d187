//! The journal's banners, shown at the top of every journal page: entries will not be kept
//! (storage unavailable), read-only (a newer version's journal), and what loading found
//! (unreadable entries, unreadable data, an older format), each with a way to download the
//! original data: exactly the text the banner is about, chosen by its storage key. Words
//! come from the store's state; nothing here decides anything.
//!
//! The banners are always in the page and shown or hidden, so only their text is reactive
//! (cheaper in the wasm binary than creating them on demand).

use leptos::prelude::*;

use crate::components::journal_files;
use crate::journal_store::{file_name, JournalStore, Mode, Notice};

/// Downloads exactly the raw text stored under `key`: the safety copy a load notice is
/// about, or the stored journal itself (a newer version's journal, or when no copy could
/// be written). Chosen by key, never by a copy's timestamp.
pub fn download_raw(key: &str) {
    if let Some(text) = JournalStore::raw_text(key) {
        let _ = journal_files::download(&file_name(key), "application/json", &text);
    }
}

/// What a load notice says: its kind (for styling and tests), its lead, its text and the
/// label of its download button.
fn words(notice: &Notice) -> (&'static str, String, String, &'static str) {
    const DAMAGED: &str = "Download the damaged data";
    match notice {
        Notice::SomeUnreadable { unreadable } => (
            "damaged",
            if *unreadable == 1 {
                "1 entry could not be read. ".to_owned()
            } else {
                format!("{unreadable} entries could not be read. ")
            },
            "The rest of your journal is shown. Nothing has been deleted: Aftercare kept the \
             original data on this device, and you can download it to keep it or to show \
             someone who can help."
                .to_owned(),
            DAMAGED,
        ),
        Notice::Unreadable { reason } => (
            "unreadable",
            "Your saved journal could not be read. ".to_owned(),
            format!(
                "Nothing has been deleted: Aftercare kept the original data on this device, and \
                 you can download it. New entries start a fresh journal. (Details: {reason}.)"
            ),
            DAMAGED,
        ),
        Notice::Migrated { from, unreadable } => (
            "migrated",
            "Your journal was updated to the new format. ".to_owned(),
            if *unreadable == 0 {
                format!("A copy of the old version-{from} data is kept on this device.")
            } else {
                format!(
                    "{unreadable} old entries could not be converted; the original data is kept \
                     on this device, and you can download it."
                )
            },
            "Download the old data",
        ),
        Notice::BackupFailed(error) => (
            "backup-failed",
            "Changes cannot be saved yet. ".to_owned(),
            format!(
                "Before saving, Aftercare keeps a copy of stored data it could not fully read, \
                 and it could not ({error}). Nothing has been lost. Download the data to keep \
                 it, then free some space."
            ),
            DAMAGED,
        ),
    }
}

/// Every banner that applies now.
#[component]
pub fn JournalNotices() -> impl IntoView {
    let store = JournalStore::get();
    let mode = store.mode();
    let notice = store.notice();
    let said = Memo::new(move |_| notice.with(|n| n.as_ref().map(|n| words(&n.notice))));
    // The raw text the load notice is about, saved by its download button.
    let download_noticed = move |_| {
        if let Some(key) = notice.with_untracked(|n| n.as_ref().map(|n| n.key.clone())) {
            download_raw(&key);
        }
    };
    let part = move |pick: fn(&(&'static str, String, String, &'static str)) -> String| {
        move || said.with(|w| w.as_ref().map(pick).unwrap_or_default())
    };
    let version = move || match mode.get() {
        Mode::ReadOnly(version) => {
            format!("This journal was saved by a newer version of Aftercare (format {version}). ")
        }
        _ => String::new(),
    };
    view! {
        <div
            class="journal-banner warning"
            data-banner="memory"
            hidden=move || mode.get() != Mode::Memory
        >
            <p>
                <strong>"Entries will not be kept. "</strong>
                "Your browser is not letting Aftercare save anything on this device (storage is "
                "turned off or blocked), so what you add now disappears when you close this "
                "page. You can still export it as a file."
            </p>
        </div>
        <div
            class="journal-banner warning"
            data-banner="read-only"
            hidden=move || !matches!(mode.get(), Mode::ReadOnly(_))
        >
            <p>
                <strong>"Read only. "</strong>
                {version}
                "To keep it safe, this version shows what it can read and changes nothing. "
                "Reload the page when you are online to get the newer version."
            </p>
            <p>
                <button type="button" class="secondary" on:click=move |_| download_raw(&store.journal_key())>
                    "Download the stored data"
                </button>
            </p>
        </div>
        <div
            class="journal-banner"
            data-banner=part(|w| w.0.to_owned())
            hidden=move || said.with(Option::is_none)
        >
            <p>
                <strong>{part(|w| w.1.clone())}</strong>
                {part(|w| w.2.clone())}
            </p>
            <p>
                <button type="button" class="secondary" on:click=download_noticed>
                    {part(|w| w.3.to_owned())}
                </button>
            </p>
        </div>
    }
}
