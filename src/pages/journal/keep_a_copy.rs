//! "Keep a copy", the journal page's data section: export (JSON, CSV, each saying what it
//! holds of entries this build could not read), import with a preview (what it adds, what
//! it would replace, "Keep mine", copies dated in the future), the browser's answer about
//! keeping the data, the safety copies (each downloadable and removable), and "Delete all
//! my data" with a confirmation step (which offers the raw data first when the journal
//! could not be fully read).

use aftercare_core::journal::{
    self as core, check_import_size, export_csv, export_json, preview_import, ImportPreview,
    UTF8_BOM,
};
use aftercare_core::pages;
use leptos::prelude::*;

use super::focus;
use crate::components::journal_files;
use crate::journal_store::{
    local_now, utc_offset_minutes, Backup, Change, JournalStore, Status, Unread,
};
use crate::storage::Persistence;

/// An export file name with today's date on this device ("aftercare-journal-2024-03-01.json").
fn export_name(extension: &str) -> String {
    match local_now() {
        Some(now) => core::export_file_name(now.date(), extension),
        None => format!("aftercare-journal.{extension}"),
    }
}

/// "Keep a copy": export, import, the browser's answer about keeping the data, safety
/// copies, and deleting everything.
#[component]
pub(super) fn KeepACopy() -> impl IntoView {
    let store = JournalStore::get();
    let export = move |json: bool| {
        let (text, name, mime) = if json {
            (
                store.journal().with_untracked(|j| export_json(j, true)),
                export_name("json"),
                "application/json",
            )
        } else {
            (
                store
                    .journal()
                    .with_untracked(|j| format!("{UTF8_BOM}{}", export_csv(j))),
                export_name("csv"),
                "text/csv;charset=utf-8",
            )
        };
        if let Err(reason) = journal_files::download(&name, mime, &text) {
            store
                .status()
                .set(Some(Status::Failed(format!("Could not export: {reason}."))));
            return;
        }
        // Say what the file holds of the entries this build could not read.
        let note = store.journal().with_untracked(|j| {
            if json {
                core::export_note(j)
            } else {
                core::export_csv_note(j)
            }
        });
        if let Some(note) = note {
            store.status().set(Some(Status::Exported(note)));
        }
    };
    view! {
        <section class="journal-data" aria-labelledby="journal-data-title">
            <h2 id="journal-data-title">"Keep a copy"</h2>
            <PersistenceLine/>
            <div class="button-row">
                <button type="button" on:click=move |_| export(true)>
                    "Export as JSON"
                </button>
                <button type="button" class="secondary" on:click=move |_| export(false)>
                    "Export as CSV"
                </button>
            </div>
            <p class="hint">
                "JSON keeps everything and can be imported again, here or on another device. "
                "CSV opens in a spreadsheet."
            </p>
            <Import/>
            <Backups/>
            <DeleteAll/>
        </section>
    }
}

/// Import: choose a file, see what it would do, confirm or cancel. Nothing changes before
/// Confirm, and then everything changes at once or nothing does.
#[component]
fn Import() -> impl IntoView {
    let store = JournalStore::get();
    let reading = RwSignal::new(false);
    let refused: RwSignal<Option<String>> = RwSignal::new(None);
    let preview: RwSignal<Option<ImportPreview>> = RwSignal::new(None);
    let file_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let reset = move || {
        reading.set(false);
        refused.set(None);
        preview.set(None);
    };
    let clear_file = move || {
        if let Some(input) = file_input.get_untracked() {
            input.set_value("");
        }
    };
    let choose = move |_| {
        reset();
        let Some(file) = file_input
            .get_untracked()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        // A huge file is refused by its size, before reading it into memory.
        if let Err(error) = check_import_size(journal_files::file_size(&file)) {
            refused.set(Some(error.to_string()));
            return;
        }
        reading.set(true);
        journal_files::read_text(&file, move |text| {
            reading.set(false);
            let result = match text {
                None => Err(
                    "This file could not be read. Choose a .json file saved by Aftercare."
                        .to_owned(),
                ),
                Some(text) => store
                    .journal()
                    .with_untracked(|j| {
                        preview_import(j, &text, core::ms_from_js(js_sys::Date::now()))
                    })
                    .map_err(|e| e.to_string()),
            };
            match result {
                Ok(p) => preview.set(Some(p)),
                Err(message) => refused.set(Some(message)),
            }
        });
    };
    // Applies the preview: as shown, with the held-back copies dated in the future too
    // ("Replace mine with these too"), or with nothing of the person's replaced ("Keep
    // mine").
    let apply = move |choice: Choice| {
        let Some(mut p) = preview.try_update(Option::take).flatten() else {
            return;
        };
        match choice {
            Choice::AsShown => {}
            Choice::FutureToo => p.accept_future(),
            Choice::KeepMine => p.keep_mine(),
        }
        store.commit(Change::Import(p), move |result| match result {
            Ok(done) => {
                store.status().set(Some(Status::Done(done)));
                clear_file();
                focus(".journal-status");
            }
            Err(error) => refused.set(Some(error.to_string())),
        });
    };
    let confirm = move |_| apply(Choice::AsShown);
    let replace_future = move |_| apply(Choice::FutureToo);
    let keep_mine = move |_| apply(Choice::KeepMine);
    // New entries to add when the person keeps all of theirs: offered when the file would
    // replace some of theirs and also holds new ones.
    let only_new = move || {
        preview.with(|p| {
            p.as_ref()
                .filter(|p| p.replaces() + p.held_future.len() > 0)
                .map_or(0, ImportPreview::new_count)
        })
    };
    let only_new_label = move || match only_new() {
        1 => "Keep mine, import only the 1 new entry".to_owned(),
        n => format!(
            "Keep mine, import only the {} new entries",
            core::group_digits(n)
        ),
    };
    // Entries of the person's whose changed copy in the file is dated in the future: kept
    // unless they choose the file's.
    let held = move || preview.with(|p| p.as_ref().map_or(0, |p| p.held_future.len()));
    let held_words = move || match held() {
        0 => String::new(),
        1 => "1 of your entries has a changed copy in this file dated in the future. \
              Importing keeps yours. "
            .to_owned(),
        n => format!(
            "{} of your entries have a changed copy in this file dated in the future. \
             Importing keeps yours. ",
            core::group_digits(n)
        ),
    };
    let cancel = move |_| {
        reset();
        clear_file();
    };
    let changes = move || preview.with(|p| p.as_ref().is_some_and(ImportPreview::changes_anything));
    let reasons = move || preview.with(|p| p.as_ref().map_or_else(Vec::new, core::import_reasons));
    // What the person should know before confirming (entries of theirs the file would
    // replace, entries dated in the future), as one line of text.
    let warnings = move || {
        preview.with(|p| {
            p.as_ref()
                .map(|p| p.warnings().join(" "))
                .unwrap_or_default()
        })
    };
    // The person's entries the file's versions would replace, named by when they started
    // and what they noted.
    let replaced = move || {
        preview.with(|p| {
            p.as_ref().map_or_else(Vec::new, |p| {
                store
                    .journal()
                    .with_untracked(|j| core::import_replaced(j, p))
            })
        })
    };
    let import_label = move || {
        preview.with(|p| {
            let n = p.as_ref().map_or(0, |p| p.new_count() + p.to_update.len());
            if n == 1 {
                "Import 1 entry".to_owned()
            } else {
                format!("Import {n} entries")
            }
        })
    };
    view! {
        <div class="journal-import" hidden=move || !store.is_writable()>
            <h3>"Import a journal file"</h3>
            <label for="journal-import-file">"Choose a JSON file exported from Aftercare"</label>
            <input
                id="journal-import-file"
                type="file"
                accept=".json,application/json"
                node_ref=file_input
                on:change=choose
            />
            <div class="journal-import-result" aria-live="polite">
                <p hidden=move || !reading.get()>"Reading the file…"</p>
                <p class="journal-error" hidden=move || refused.with(Option::is_none)>
                    {move || refused.get().unwrap_or_default()}
                </p>
                <div class="journal-import-preview" hidden=move || preview.with(Option::is_none)>
                    <p>
                        <strong>
                            {move || preview.with(|p| p.as_ref().map(ToString::to_string).unwrap_or_default())}
                        </strong>
                    </p>
                    <p hidden=move || warnings().is_empty()>{warnings}</p>
                    <details
                        class="journal-import-replaced"
                        hidden=move || replaced().is_empty()
                    >
                        <summary>"Which of your entries would be replaced"</summary>
                        <ul inner_html=move || pages::text_items(&replaced())></ul>
                    </details>
                    <p class="journal-import-future" hidden=move || held() == 0>
                        {held_words}
                        <button type="button" class="secondary" on:click=replace_future>
                            "Replace mine with these too"
                        </button>
                    </p>
                    <details hidden=move || reasons().is_empty()>
                        <summary>"Why some entries cannot be imported"</summary>
                        <ul inner_html=move || pages::text_items(&reasons())></ul>
                    </details>
                    <p class="button-row" hidden=move || !changes()>
                        <button type="button" on:click=confirm>
                            {import_label}
                        </button>
                        <button
                            type="button"
                            class="secondary"
                            hidden=move || only_new() == 0
                            on:click=keep_mine
                        >
                            {only_new_label}
                        </button>
                        <button type="button" class="secondary" on:click=cancel>
                            "Cancel"
                        </button>
                    </p>
                    <p hidden=changes>
                        "Nothing to import: nothing in this file is new or newer than what is here. "
                        <button type="button" class="secondary" on:click=cancel>
                            "Close"
                        </button>
                    </p>
                </div>
            </div>
        </div>
    }
}

/// How the person chose to apply an import preview.
#[derive(Clone, Copy)]
enum Choice {
    /// As the preview says.
    AsShown,
    /// Letting copies dated in the future replace theirs too.
    FutureToo,
    /// Replacing nothing of theirs: new entries only.
    KeepMine,
}

/// The browser's answer about keeping the data, and a button to ask.
#[component]
fn PersistenceLine() -> impl IntoView {
    let store = JournalStore::get();
    let persistence = store.persistence();
    // (data-persisted, the line, its button, a second line). The second line is a paragraph
    // of its own: shorter lines read better, and the page's largest text stays its lead.
    let words = move || match persistence.get() {
        Persistence::Persisted => ("yes", "Your browser agreed to keep this journal.", "", ""),
        Persistence::NotPersisted => (
            "no",
            "Your browser may clear this data if space runs low. ",
            "Ask your browser to keep it",
            "Safari may delete it after 7 days without a visit unless Aftercare is on your \
             home screen: export a copy regularly, or add Aftercare to your home screen.",
        ),
        Persistence::Unknown => (
            "unknown",
            "Aftercare asks your browser to keep this journal when you first save. ",
            "Ask now",
            "",
        ),
        Persistence::Unsupported => (
            "unsupported",
            "This browser cannot promise to keep this journal: export a copy now and then.",
            "",
            "",
        ),
    };
    // What the browser said when the person asked, in plain words: asking again and getting
    // the same answer would otherwise look as if nothing happened.
    let told = RwSignal::new(None::<Persistence>);
    let ask = move |_| {
        told.set(None);
        store.ask_persist_then(move |answer| told.set(Some(answer)));
    };
    view! {
        <p class="journal-persist" data-persisted=move || words().0>
            {move || words().1}
            <button
                type="button"
                class="link"
                hidden=move || words().2.is_empty()
                on:click=ask
            >
                {move || words().2}
            </button>
        </p>
        <p class="hint journal-persist-more" hidden=move || words().3.is_empty()>
            {move || words().3}
        </p>
        <p class="journal-persist-answer" role="status">
            {move || told.get().map(persist_answer)}
        </p>
    }
}

/// What the browser answered when the person asked it to keep the journal.
fn persist_answer(answer: Persistence) -> &'static str {
    match answer {
        Persistence::Persisted => "You asked, and your browser agreed: it will keep this journal.",
        Persistence::NotPersisted => {
            "You asked, and your browser said no for now. Browsers decide this themselves, \
             often by how much you use a site; installing Aftercare can help. Export a copy \
             now and then."
        }
        Persistence::Unsupported => {
            "This browser cannot be asked to keep data. Export a copy now and then."
        }
        Persistence::Unknown => {
            "Your browser did not answer. Export a copy now and then to be safe."
        }
    }
}

/// The safety copies kept in storage, each downloadable. They are never deleted
/// automatically.
#[component]
fn Backups() -> impl IntoView {
    let backups = JournalStore::get().backups();
    view! {
        <div class="journal-backups" hidden=move || backups.with(Vec::is_empty)>
            <h3>"Copies kept for safety"</h3>
            <p class="hint">
                "Aftercare keeps a copy of stored data it could not fully read, and of your "
                "entries an import replaced. Each stays until you remove it: download it "
                "first if you may need it."
            </p>
            <ul>{move || backups.get().into_iter().map(backup_item).collect_view()}</ul>
        </div>
    }
}

/// One safety copy with its download button.
fn backup_item(backup: Backup) -> impl IntoView {
    let what = backup.kind.describe();
    let when = core::LocalDateTime::from_epoch_ms(backup.kept_ms, utc_offset_minutes())
        .map(|t| {
            format!(
                ", kept {} at {} ",
                core::date_label(t.date()),
                core::time_label(t)
            )
        })
        .unwrap_or_default();
    let key = backup.key;
    let download = {
        let key = key.clone();
        move |_| {
            if let Some(text) = JournalStore::raw_text(&key) {
                let name = crate::journal_store::file_name(&key);
                let _ = journal_files::download(&name, "application/json", &text);
            }
        }
    };
    // Removing asks once more in place: the copy may be the only one of what it holds.
    let confirming = RwSignal::new(false);
    let remove = move |_| {
        let store = JournalStore::get();
        store.status().set(Some(match store.remove_backup(&key) {
            Ok(()) => Status::CopyRemoved,
            Err(error) => Status::Failed(format!("Not removed: {error}")),
        }));
    };
    view! {
        <li>
            {what}
            {when}
            <button type="button" class="link" on:click=download>
                "Download"
            </button>
            " "
            <button
                type="button"
                class="link danger"
                hidden=confirming
                on:click=move |_| confirming.set(true)
            >
                "Remove"
            </button>
            <span class="journal-copy-confirm" hidden=move || !confirming.get()>
                "Remove this copy from this browser? It cannot be undone. "
                <button type="button" class="link danger" on:click=remove>
                    "Remove it"
                </button>
                " "
                <button type="button" class="link" on:click=move |_| confirming.set(false)>
                    "Keep it"
                </button>
            </span>
        </li>
    }
}

/// What "Delete all" says it deletes when the journal could not be fully read: the
/// `count` entries shown and what could not be read, and an offer to download it first.
fn unread_words(count: usize, unread: &Unread) -> String {
    let mine = match count {
        0 => String::new(),
        1 => "your 1 entry and ".to_owned(),
        n => format!("your {} entries and ", core::group_digits(n)),
    };
    let theirs = match (unread.entries, unread.newer) {
        (Some(1), _) => "1 entry Aftercare could not read".to_owned(),
        (Some(0), true) => "what this version of Aftercare cannot show".to_owned(),
        (Some(n), _) if n > 0 => {
            format!("{} entries Aftercare could not read", core::group_digits(n))
        }
        (_, true) => {
            "the data saved by the newer version, which Aftercare could not read".to_owned()
        }
        _ => "the saved data Aftercare could not read".to_owned(),
    };
    let them = if count > 0 || unread.entries.is_some_and(|n| n > 1) {
        "them"
    } else {
        "it"
    };
    format!("This deletes {mine}{theirs}. Download {them} first?")
}

/// "Delete all my data", with a confirmation step in the page. When the journal could not
/// be fully read, the confirmation says what will be deleted and offers the raw stored data
/// (the copy kept of it) for download first.
#[component]
fn DeleteAll() -> impl IntoView {
    let store = JournalStore::get();
    let confirming = RwSignal::new(false);
    // What will go, worded when the confirmation opens.
    let what = RwSignal::new(String::new());
    // What could not be read: the sentence, and the key of the raw data to download.
    let unread: RwSignal<Option<(String, String)>> = RwSignal::new(None);
    let download_unread = move |_| {
        if let Some(key) = unread.with_untracked(|u| u.as_ref().map(|u| u.1.clone())) {
            crate::components::journal_notice::download_raw(&key);
        }
    };
    let open = move |_| {
        let count = store.journal().with_untracked(core::Journal::len);
        unread.set(
            store
                .unread()
                .with_untracked(|u| u.as_ref().map(|u| (unread_words(count, u), u.key.clone()))),
        );
        let backups = store.backups().with_untracked(Vec::len);
        what.set(match (store.is_writable(), count, backups) {
            // A newer version's journal may hold more than this version can show.
            (false, _, _) => "the whole journal saved by the newer version of Aftercare".to_owned(),
            (true, 1, 0) => "your 1 entry".to_owned(),
            (true, n, 0) => format!("all {n} entries"),
            (true, n, _) => format!("all {n} entries and the copies kept for safety"),
        });
        confirming.set(true);
        focus(".journal-confirm");
    };
    let delete = move |_| {
        confirming.set(false);
        let status = match store.delete_all() {
            Ok(()) => Status::DeletedAll,
            Err(error) => Status::Failed(error.to_string()),
        };
        store.status().set(Some(status));
        focus("main h1");
    };
    let cancel = move |_| {
        confirming.set(false);
        focus("#journal-delete-all");
    };
    view! {
        <div class="journal-delete-all">
            <h3>"Delete all my data"</h3>
            <p hidden=move || confirming.get()>
                <button type="button" class="danger" id="journal-delete-all" on:click=open>
                    "Delete all my data"
                </button>
            </p>
            <div
                class="journal-confirm"
                tabindex="-1"
                role="group"
                aria-labelledby="journal-confirm-title"
                hidden=move || !confirming.get()
            >
                <p id="journal-confirm-title">
                    <strong>"Delete everything?"</strong>
                </p>
                <p>
                    {move || format!("This removes {} from this browser. It cannot be undone. ", what.get())}
                    "If you may want them later, export a copy first."
                </p>
                <p class="journal-confirm-unread" hidden=move || unread.with(Option::is_none)>
                    <strong>{move || unread.with(|u| u.as_ref().map(|u| u.0.clone()).unwrap_or_default())}</strong>
                    " "
                    <button type="button" class="secondary" on:click=download_unread>
                        "Download the data first"
                    </button>
                </p>
                <p class="button-row">
                    <button type="button" class="danger" on:click=delete>
                        "Yes, delete everything"
                    </button>
                    <button type="button" class="secondary" on:click=cancel>
                        "Cancel"
                    </button>
                </p>
            </div>
        </div>
    }
}
