//! The journal store: the one owner of the journal's state in the journal bundle.
//!
//! It holds the [`Journal`] the pages show, the core's storage state (how the stored data
//! loaded and what to tell the person about it, whether the journal can be saved, the
//! safety copies kept), the browser's answer about keeping the data, and the last action's
//! status line (with "Undo" after a delete or an import).
//!
//! The rules that keep every entry safe (read before every write, back up what was not fully
//! read, ask before overwriting another tab's edit, never write a newer version's data, keep
//! what an import replaces) are the core's, in [`aftercare_core::journal::store`], tested
//! natively against a storage that fails on demand. This module lends them the browser's
//! `localStorage` ([`LocalStorage`]) and the clock, runs each change under a Web Lock
//! ([`storage::with_lock`]) so two tabs' read-and-write never interleave, and tells the page
//! shown ([`on_change`]) after every change, its own or another tab's.
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
use std::cell::{Cell, RefCell};

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

/// The journal's state, as the pages read it ([`with`]).
pub struct State {
    /// The entries.
    pub journal: Journal,
    /// Counts the changes of `journal`, so a page redraws its list only when it changed.
    pub revision: u64,
    /// The core's storage state (keys, what was last synced, owed safety copies).
    core: Store,
    /// The browser's answer about keeping the data.
    pub persistence: Persistence,
    /// The last action's status line.
    pub status: Option<Status>,
}

impl State {
    /// Whether changes are stored, kept in memory only, or not allowed.
    pub fn mode(&self) -> Mode {
        self.core.mode()
    }

    /// What loading found that the person should be told, with the key of the raw text it
    /// is about.
    pub fn notice(&self) -> Option<&LoadNotice> {
        self.core.notice()
    }

    /// What the loaded data held that this build could not read.
    pub fn unread(&self) -> Option<&Unread> {
        self.core.unread()
    }

    /// The safety copies kept in storage.
    pub fn backups(&self) -> &[Backup] {
        self.core.backups()
    }

    /// Whether changes can be made at all (false for a newer version's journal).
    pub fn is_writable(&self) -> bool {
        !matches!(self.mode(), Mode::ReadOnly(_))
    }

    /// The storage key of this deployment's journal (for downloading it).
    pub fn journal_key(&self) -> String {
        self.core.keys().journal.clone()
    }
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State {
        journal: Journal::new(),
        revision: 0,
        core: Store::in_memory(),
        persistence: Persistence::Unknown,
        status: None,
    });
    static LOADED: Cell<bool> = const { Cell::new(false) };
    static ASKED_PERSIST: Cell<bool> = const { Cell::new(false) };
    static LISTENER: Cell<Option<fn()>> = const { Cell::new(None) };
}

/// Calls `listener` after every change of the state (the page shown redraws).
pub fn on_change(listener: fn()) {
    LISTENER.with(|l| l.set(Some(listener)));
}

fn changed() {
    if let Some(listener) = LISTENER.with(Cell::get) {
        listener();
    }
}

/// Reads the state.
pub fn with<R>(f: impl FnOnce(&State) -> R) -> R {
    STATE.with_borrow(f)
}

/// Changes the state, then tells the page.
fn update<R>(f: impl FnOnce(&mut State) -> R) -> R {
    let result = STATE.with_borrow_mut(f);
    changed();
    result
}

/// Sets the status line.
pub fn set_status(status: Option<Status>) {
    let same = with(|s| s.status == status);
    if !same {
        update(|s| s.status = status);
    }
}

/// Sets the status line without telling the page (which is being replaced).
pub fn set_status_quietly(status: Option<Status>) {
    STATE.with_borrow_mut(|s| s.status = status);
}

/// Milliseconds since 1970 on the device's clock.
#[must_use]
pub fn now_ms() -> i64 {
    journal::ms_from_js(js_sys::Date::now())
}

/// Minutes the device's clock is ahead of UTC (JavaScript's offset has the other sign).
#[must_use]
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
#[must_use]
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

/// A new entry id from the clock and a random number.
#[must_use]
pub fn new_id() -> EntryId {
    // Math.random has 52 random bits; 32 of them are plenty to tell apart two entries made
    // in the same millisecond.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    EntryId::new(now_ms(), random)
}

/// Loads the journal once: reads it from storage (or starts in memory when there is none),
/// listens for changes made in other tabs, and asks whether the browser keeps the data.
pub fn load() {
    if LOADED.with(|l| l.replace(true)) {
        return;
    }
    if storage::is_available() {
        let base = storage::base_pathname().unwrap_or_else(|| "/".to_owned());
        let (core, _) = Store::open(&LocalStorage, &base);
        STATE.with_borrow_mut(|s| s.core = core);
        timed("journal.load", || reload(true));
        storage::on_change(|key| {
            let ours = key
                .as_deref()
                .is_none_or(|k| with(|s| s.core.keys().owns(k)));
            if ours {
                reload(false);
            }
        });
        storage::persisted(|answer| update(|s| s.persistence = answer));
    } else {
        STATE.with_borrow_mut(|s| s.persistence = Persistence::Unsupported);
    }
}

/// Re-reads storage and shows what it holds (at start, and when another tab changed it).
/// `first` also records the notice for a load that found old or damaged data.
fn reload(first: bool) {
    update(|s| {
        let State {
            journal,
            core,
            revision,
            ..
        } = s;
        if core.reload(&LocalStorage, journal, first, now_ms()) {
            *revision += 1;
        }
    });
}

/// Applies `change` to the journal, saves it, and calls `then` with what happened. In
/// storage the change runs under the journal's Web Lock, so `then` is usually called a
/// moment later; a failed save leaves both storage and the journal shown unchanged.
pub fn commit(change: Change, then: impl FnOnce(Result<Done, SaveError>) + 'static) {
    let run = move || {
        let result = timed("journal.save", || commit_now(change));
        then(result);
    };
    let (mode, lock) = with(|s| (s.mode(), s.journal_key()));
    if mode == Mode::Stored {
        storage::with_lock(&lock, run);
    } else {
        run();
    }
}

/// [`commit`] now, without the lock.
fn commit_now(change: Change) -> Result<Done, SaveError> {
    let result = update(|s| {
        let result = s
            .core
            .commit(&LocalStorage, &mut s.journal, change, now_ms());
        s.revision += 1;
        result
    });
    if result.is_ok() {
        ask_persist_once();
    }
    result
}

/// After the first save of a session, asks the browser to keep the data if it does not
/// already.
fn ask_persist_once() {
    let asked = ASKED_PERSIST.with(Cell::get);
    let (persistence, mode) = with(|s| (s.persistence, s.mode()));
    if asked || persistence == Persistence::Persisted || mode != Mode::Stored {
        return;
    }
    ASKED_PERSIST.with(|a| a.set(true));
    ask_persist_then(|_| {});
}

/// Asks the browser to keep the data (`navigator.storage.persist()`), records the answer,
/// then tells `told` what the browser answered ([`Persistence::Unknown`] when it gave no
/// answer).
pub fn ask_persist_then(told: impl FnOnce(Persistence) + 'static) {
    storage::persist(move |answer| {
        if answer != Persistence::Unknown {
            update(|s| s.persistence = answer);
        }
        told(answer);
    });
}

/// Deletes the journal and every safety copy from this browser (the person confirmed).
///
/// # Errors
///
/// [`SaveError::Storage`] when storage refused; whatever was removed before stays removed,
/// and the view is reloaded to show what is left.
pub fn delete_all() -> Result<(), SaveError> {
    update(|s| {
        s.revision += 1;
        s.core.delete_all(&LocalStorage, &mut s.journal, now_ms())
    })
}

/// Removes one safety copy from this browser (the person chose to).
///
/// # Errors
///
/// [`SaveError::Storage`] when storage refused or the key is not a safety copy.
pub fn remove_backup(key: &str) -> Result<(), SaveError> {
    update(|s| s.core.remove_backup(&LocalStorage, key))
}

/// The text of a safety copy (or, for a newer version's journal, of the stored journal),
/// to download.
#[must_use]
pub fn raw_text(key: &str) -> Option<String> {
    Store::raw_text(&LocalStorage, key)
}
