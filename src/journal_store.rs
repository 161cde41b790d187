//! The journal store: the one owner of the journal's state in the app, provided as context.
//!
//! It holds the [`Journal`] the pages show, how the stored data loaded (and what to tell the
//! person about it), whether the journal can be saved (stored, in memory only, or read-only),
//! the safety copies kept, the browser's answer about keeping the data, and the last
//! action's status line (with "Undo" after a delete or an import).
//!
//! The rules that keep every entry safe (read before every write, back up what was not fully
//! read, ask before overwriting another tab's edit, never write a newer version's data, keep
//! what an import replaces) are the core's, in [`aftercare_core::journal::store`], tested
//! natively against a storage that fails on demand. This module lends them the browser's
//! `localStorage` ([`LocalStorage`]) and the clock, runs each change under a Web Lock
//! ([`storage::with_lock`]) so two tabs' read-and-write never interleave, and copies what
//! they report into signals for the pages.
//!
//! Each deployment of the app has keys of its own, named after its base path, so two copies
//! on one origin never share a journal; the journal kept under the old shared key moves
//! over once, verified before anything is removed
//! ([`aftercare_core::journal::store::adopt`]).

use aftercare_core::journal::store::Store;
pub use aftercare_core::journal::store::{
    file_name, Backup, Change, Conflict, Done, LoadNotice, Mode, Notice, SaveError, Unread,
};
use aftercare_core::journal::{self, EntryId, Journal};
use leptos::prelude::*;

use crate::storage::{self, LocalStorage, Persistence};

/// The status line under the journal's heading: what the last action did.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// A change to the journal was saved (added, edited, deleted with "Undo", restored,
    /// imported with "Undo import", or an import undone).
    Done(Done),
    /// A safety copy was removed.
    CopyRemoved,
    /// Everything was deleted.
    DeletedAll,
    /// An export was saved; the text says what it holds of entries this build could not
    /// read.
    Exported(String),
    /// An action failed; the text says why.
    Failed(String),
}

/// The journal's state, provided as context by the app. Cheap to copy.
#[derive(Clone, Copy)]
pub struct JournalStore {
    journal: RwSignal<Journal>,
    mode: RwSignal<Mode>,
    notice: RwSignal<Option<LoadNotice>>,
    /// What the loaded data held that this build could not read.
    unread: RwSignal<Option<Unread>>,
    backups: RwSignal<Vec<Backup>>,
    persistence: RwSignal<Persistence>,
    status: RwSignal<Option<Status>>,
    /// The core's storage state (keys, what was last synced, owed safety copies).
    core: StoredValue<Store>,
    /// Whether the browser was already asked to keep the data in this session.
    asked_persist: StoredValue<bool>,
    /// Whether the journal was read from storage yet.
    loaded: StoredValue<bool>,
}

/// Milliseconds since 1970 on the device's clock.
pub fn now_ms() -> i64 {
    journal::ms_from_js(js_sys::Date::now())
}

/// Minutes the device's clock is ahead of UTC (JavaScript's offset has the other sign).
pub fn utc_offset_minutes() -> i32 {
    let offset = -js_sys::Date::new_0().get_timezone_offset();
    // Real offsets are within ±14 hours; anything else is treated as UTC.
    if offset.abs() <= 24.0 * 60.0 {
        #[allow(clippy::cast_possible_truncation)]
        let minutes = offset.round() as i32;
        minutes
    } else {
        0
    }
}

/// The device's local date and time now.
pub fn local_now() -> Option<journal::LocalDateTime> {
    journal::LocalDateTime::from_epoch_ms(now_ms(), utc_offset_minutes())
}

/// Runs `f`, recording how long it took as the performance measure `name` (visible in the
/// browser's performance tools and read by the journal benchmark). Only the latest measure
/// of each name is kept.
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    let end = format!("{name}:end");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let result = f();
    if let Some(p) = &performance {
        let _ = p.mark(&end);
        p.clear_measures_with_measure_name(name);
        let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
        p.clear_marks_with_mark_name(&start);
        p.clear_marks_with_mark_name(&end);
    }
    result
}

impl JournalStore {
    /// Creates the store and provides it as context. Call once, in the app's root. Nothing
    /// is read until a journal page asks for the store ([`get`](Self::get)), so other
    /// pages never pay for loading the journal.
    pub fn install() -> JournalStore {
        let store = JournalStore {
            journal: RwSignal::new(Journal::new()),
            mode: RwSignal::new(Mode::Stored),
            notice: RwSignal::new(None),
            unread: RwSignal::new(None),
            backups: RwSignal::new(Vec::new()),
            persistence: RwSignal::new(Persistence::Unknown),
            status: RwSignal::new(None),
            core: StoredValue::new(Store::in_memory()),
            asked_persist: StoredValue::new(false),
            loaded: StoredValue::new(false),
        };
        provide_context(store);
        store
    }

    /// The store provided by the app, loaded: the first call reads the journal from storage
    /// (or starts in memory when there is none), listens for changes made in other tabs,
    /// and asks whether the browser keeps the data.
    pub fn get() -> JournalStore {
        let store = use_context::<JournalStore>().unwrap_or_else(JournalStore::install);
        store.ensure_loaded();
        store
    }

    /// Loads the journal once (see [`get`](Self::get)).
    fn ensure_loaded(self) {
        if self.loaded.get_value() {
            return;
        }
        self.loaded.set_value(true);
        if storage::is_available() {
            let base = storage::base_pathname().unwrap_or_else(|| "/".to_owned());
            let (core, _) = Store::open(&LocalStorage, &base);
            self.core.set_value(core);
            timed("journal.load", || self.reload(true));
            storage::on_change(move |key| {
                let ours = key
                    .as_deref()
                    .is_none_or(|k| self.core.with_value(|c| c.keys().owns(k)));
                if ours {
                    self.reload(false);
                }
            });
            storage::persisted(move |answer| self.persistence.set(answer));
        } else {
            self.persistence.set(Persistence::Unsupported);
        }
        self.sync();
    }

    /// Copies the core's state into the signals the pages read (each only when it changed).
    fn sync(self) {
        self.core.with_value(|core| {
            if self.mode.get_untracked() != core.mode() {
                self.mode.set(core.mode());
            }
            if self.notice.with_untracked(|n| n.as_ref() != core.notice()) {
                self.notice.set(core.notice().cloned());
            }
            if self.unread.with_untracked(|u| u.as_ref() != core.unread()) {
                self.unread.set(core.unread().cloned());
            }
            if self
                .backups
                .with_untracked(|b| b.as_slice() != core.backups())
            {
                self.backups.set(core.backups().to_vec());
            }
        });
    }

    /// The journal, tracked and read-only: every change goes through
    /// [`commit`](Self::commit), so the store stays its one owner.
    pub fn journal(self) -> Signal<Journal> {
        self.journal.into()
    }

    /// Whether changes are stored, kept in memory only, or not allowed.
    pub fn mode(self) -> Signal<Mode> {
        self.mode.into()
    }

    /// What loading found that the person should be told, with the key of the raw text
    /// it is about.
    pub fn notice(self) -> Signal<Option<LoadNotice>> {
        self.notice.into()
    }

    /// What the loaded data held that this build could not read, tracked.
    pub fn unread(self) -> Signal<Option<Unread>> {
        self.unread.into()
    }

    /// The safety copies kept in storage.
    pub fn backups(self) -> Signal<Vec<Backup>> {
        self.backups.into()
    }

    /// The browser's answer about keeping the data.
    pub fn persistence(self) -> Signal<Persistence> {
        self.persistence.into()
    }

    /// The last action's status line.
    pub fn status(self) -> RwSignal<Option<Status>> {
        self.status
    }

    /// Whether changes can be made at all (false for a newer version's journal), tracked.
    pub fn is_writable(self) -> bool {
        !matches!(self.mode.get(), Mode::ReadOnly(_))
    }

    /// A new entry id from the clock and a random number.
    pub fn new_id() -> EntryId {
        // Math.random has 52 random bits; 32 of them are plenty to tell apart two entries
        // made in the same millisecond.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
        EntryId::new(now_ms(), random)
    }

    /// Re-reads storage and shows what it holds (at start, and when another tab changed
    /// it). `first` also records the notice for a load that found old or damaged data.
    fn reload(self, first: bool) {
        self.journal.try_maybe_update(|journal| {
            let replaced = self
                .core
                .try_update_value(|core| core.reload(&LocalStorage, journal, first, now_ms()))
                .unwrap_or(false);
            (replaced, ())
        });
        self.sync();
    }

    /// Applies `change` to the journal, saves it, and calls `then` with what happened. In
    /// storage the change runs under the journal's Web Lock, so `then` is usually called a
    /// moment later; a failed save leaves both storage and the journal shown unchanged.
    pub fn commit(self, change: Change, then: impl FnOnce(Result<Done, SaveError>) + 'static) {
        let run = move || {
            let result = timed("journal.save", || self.commit_now(change));
            then(result);
        };
        if self.mode.get_untracked() == Mode::Stored {
            let lock = self.core.with_value(|c| c.keys().journal.clone());
            storage::with_lock(&lock, run);
        } else {
            run();
        }
    }

    /// [`commit`](Self::commit) now, without the lock.
    fn commit_now(self, change: Change) -> Result<Done, SaveError> {
        let result = self
            .journal
            .try_maybe_update(|journal| {
                let result = self
                    .core
                    .try_update_value(|core| core.commit(&LocalStorage, journal, change, now_ms()))
                    .unwrap_or(Err(SaveError::ReadOnly));
                (true, result)
            })
            .unwrap_or(Err(SaveError::ReadOnly));
        self.sync();
        if result.is_ok() {
            self.ask_persist_once();
        }
        result
    }

    /// After the first save of a session, asks the browser to keep the data if it does not
    /// already.
    fn ask_persist_once(self) {
        if self.asked_persist.get_value()
            || self.persistence.get_untracked() == Persistence::Persisted
            || self.mode.get_untracked() != Mode::Stored
        {
            return;
        }
        self.asked_persist.set_value(true);
        self.ask_persist();
    }

    /// Asks the browser to keep the data (`navigator.storage.persist()`) and records the
    /// answer.
    pub fn ask_persist(self) {
        self.ask_persist_then(|_| {});
    }

    /// [`Self::ask_persist`], then tells `told` what the browser answered
    /// ([`Persistence::Unknown`] when it gave no answer).
    pub fn ask_persist_then(self, told: impl FnOnce(Persistence) + 'static) {
        storage::persist(move |answer| {
            if answer != Persistence::Unknown {
                self.persistence.set(answer);
            }
            told(answer);
        });
    }

    /// Deletes the journal and every safety copy from this browser (the person confirmed).
    ///
    /// # Errors
    ///
    /// [`SaveError::Storage`] when storage refused; whatever was removed before stays
    /// removed, and the view is reloaded to show what is left.
    pub fn delete_all(self) -> Result<(), SaveError> {
        let result = self
            .journal
            .try_update(|journal| {
                self.core
                    .try_update_value(|core| core.delete_all(&LocalStorage, journal, now_ms()))
                    .unwrap_or(Ok(()))
            })
            .unwrap_or(Ok(()));
        self.sync();
        result
    }

    /// Removes one safety copy from this browser (the person chose to).
    ///
    /// # Errors
    ///
    /// [`SaveError::Storage`] when storage refused or the key is not a safety copy.
    pub fn remove_backup(self, key: &str) -> Result<(), SaveError> {
        let result = self
            .core
            .try_update_value(|core| core.remove_backup(&LocalStorage, key))
            .unwrap_or(Ok(()));
        self.sync();
        result
    }

    /// The storage key of this deployment's journal (for downloading it).
    pub fn journal_key(self) -> String {
        self.core.with_value(|c| c.keys().journal.clone())
    }

    /// The text of a safety copy (or, for a newer version's journal, of the stored journal),
    /// to download.
    pub fn raw_text(key: &str) -> Option<String> {
        Store::raw_text(&LocalStorage, key)
    }
}
