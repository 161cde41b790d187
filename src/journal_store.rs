//! The journal store: the one owner of the journal's state in the app, provided as context.
//!
//! It holds the [`Journal`] the pages show, how the stored data loaded (and what to tell the
//! person about it), whether the journal can be saved (stored, in memory only, or read-only),
//! the safety copies kept of data that could not be fully read, the browser's answer about
//! keeping the data, and the last action's status line (with "Undo" after a delete).
//!
//! Never losing data rests on four rules, all here:
//! - Every change is applied to what storage holds *now*: before each save the store reads
//!   storage again, and when another tab changed it, loads that and applies the change on
//!   top. So entries added in two tabs both survive, and another tab's newer data is never
//!   overwritten by a stale copy. The `storage` event refreshes the view in between.
//! - Whatever this build did not fully read (an older version, unreadable entries, text that
//!   is not a journal) is copied to a backup key before anything is saved over it; if that
//!   copy cannot be written, nothing is saved.
//! - A journal written by a newer version is shown read-only and never written.
//! - A failed write changes nothing: the store's state and the caller's form stay as they
//!   were, and the error says what to do.
//!
//! Each deployment of the app has keys of its own, named after its base path, so two copies
//! on one origin never share a journal; the journal kept under the old shared key moves
//! over once, verified before anything is removed ([`key`]).

pub mod key;

use aftercare_core::journal::{
    self, apply_import, EntryId, ImportPreview, Journal, JournalError, LoadOutcome, Removed,
};
use leptos::prelude::*;

use crate::storage::{self, Persistence, StorageError};
use key::Keys;

/// The browser's `localStorage`, as [`key::adopt`] reaches it.
struct LocalStorage;

impl key::Storage for LocalStorage {
    fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        storage::read(key)
    }
    fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        storage::write(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        storage::remove(key)
    }
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        storage::keys_with_prefix(prefix)
    }
}

/// Whether and where changes are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Saved in the browser's storage.
    Stored,
    /// Storage is unavailable: the journal lives in this page only.
    Memory,
    /// Written by a newer version of the app (this format version): shown, never changed.
    ReadOnly(u64),
}

/// What loading found that the person should be told, beyond a plain successful load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Some entries could not be read; the others are shown.
    SomeUnreadable {
        /// How many could not be read.
        unreadable: usize,
    },
    /// The stored text could not be read at all; the journal starts empty.
    Unreadable {
        /// What was wrong, for support.
        reason: String,
    },
    /// The stored journal was in an older format and was converted.
    Migrated {
        /// The version found.
        from: u64,
        /// Entries that could not be converted.
        unreadable: usize,
    },
    /// The safety copy could not be written, so saving is blocked until there is room.
    BackupFailed(StorageError),
}

/// A load notice and the storage key of the exact raw text it is about: the safety copy
/// kept for this load, or the stored journal itself when no copy was written. Its download
/// button saves that text, chosen by key (never "the newest copy", which a wrong clock
/// could decide).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadNotice {
    /// What to tell the person.
    pub notice: Notice,
    /// The storage key of the raw text the notice is about.
    pub key: String,
}

/// What this build could not read of the stored journal, when it could not read all of it
/// (some entries unreadable, text that is not a journal, or a newer version's data), so
/// "Delete all" can say so and offer the raw data first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unread {
    /// Entries that could not be read; `None` when the data could not be read as entries
    /// at all.
    pub entries: Option<usize>,
    /// Whether the data was saved by a newer version of the app.
    pub newer: bool,
    /// The storage key of the raw text: its safety copy, or the stored journal itself.
    pub key: String,
}

/// A safety copy kept in storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// Its storage key.
    pub key: String,
    /// Why it was kept: "older-version", "damaged" or "unreadable".
    pub kind: String,
    /// When it was kept, in milliseconds since 1970.
    pub kept_ms: i64,
}

/// A change to the journal, applied by [`JournalStore::commit`].
#[derive(Clone, Debug)]
pub enum Change {
    /// Add a new entry.
    Add(journal::Entry),
    /// Replace the entry with the same id (an edit).
    Edit(journal::Entry),
    /// Delete the entry with this id.
    Remove(EntryId),
    /// Put a deleted entry back ("Undo").
    Restore(Removed),
    /// Merge an import file's entries.
    Import(ImportPreview),
}

/// What a change did, for the status line.
#[derive(Clone, Debug, PartialEq)]
pub enum Done {
    /// An entry was added.
    Added,
    /// An entry was changed.
    Edited,
    /// An entry was deleted; it can be put back.
    Removed(Removed),
    /// A deleted entry was put back.
    Restored,
    /// An import was merged.
    Imported {
        /// New entries added.
        added: usize,
        /// Entries replaced by a newer copy.
        updated: usize,
    },
}

/// Why a change was not saved. Its text tells the person what happened and what to do.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// Storage refused the write (full, blocked, or failing).
    Storage(StorageError),
    /// The safety copy of data this build could not fully read could not be written, so
    /// nothing was saved over it.
    Backup(StorageError),
    /// The journal was written by a newer version of the app.
    ReadOnly,
    /// The journal refused the change (an entry deleted meanwhile, a repeated id).
    Journal(JournalError),
}

/// What to do when storage is full, said the same way everywhere.
const MAKE_ROOM: &str = "To make room, export your journal (\"Export as JSON\" on the journal \
                         page) so you keep a copy, then delete old entries you no longer need, \
                         and try again.";

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Storage(StorageError::QuotaExceeded) => write!(
                f,
                "Not saved: your browser's storage for Aftercare is full. Everything you saved \
                 before is still there. {MAKE_ROOM}"
            ),
            Self::Storage(error) => write!(
                f,
                "Not saved: {error}. Everything you saved before is still there. Try again, \
                 or export your journal to keep a copy."
            ),
            Self::Backup(StorageError::QuotaExceeded) => write!(
                f,
                "Not saved: Aftercare first keeps a copy of stored data it could not fully \
                 read, and there is no room for that copy. Nothing has been lost. {MAKE_ROOM}"
            ),
            Self::Backup(error) => write!(
                f,
                "Not saved: Aftercare first keeps a copy of stored data it could not fully \
                 read, and could not ({error}). Nothing has been lost."
            ),
            Self::ReadOnly => f.write_str(
                "Not saved: this journal was saved by a newer version of Aftercare, so this \
                 version only shows it, to keep it safe. Reload the page to get the newer \
                 version, then try again.",
            ),
            Self::Journal(error) => write!(f, "Not saved: {error}"),
        }
    }
}

/// The status line under the journal's heading: what the last action did.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// An entry was saved (added or edited).
    Saved,
    /// An entry was deleted; "Undo" puts it back.
    Deleted(Removed),
    /// The deleted entry is back.
    Restored,
    /// An import was merged.
    Imported {
        /// New entries added.
        added: usize,
        /// Entries replaced by a newer copy.
        updated: usize,
    },
    /// Everything was deleted.
    DeletedAll,
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
    /// The text last read from or written to storage: when storage still holds exactly
    /// this, the journal in memory is its content and need not be parsed again.
    synced: StoredValue<Option<String>>,
    /// Raw text that must be copied to a backup key before the next save, and its kind.
    pending_backup: StoredValue<Option<(String, &'static str)>>,
    /// Whether the browser was already asked to keep the data in this session.
    asked_persist: StoredValue<bool>,
    /// Whether the journal was read from storage yet.
    loaded: StoredValue<bool>,
    /// This deployment's storage keys (the old shared ones for a session whose move to its
    /// own keys failed).
    keys: StoredValue<Keys>,
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

/// What a load found, ready to show: the journal, the mode, the notice, and whether the raw
/// text needs a safety copy (and of which kind).
struct Loaded {
    journal: Journal,
    mode: Mode,
    notice: Option<Notice>,
    backup_kind: Option<&'static str>,
    /// Entries not read (`None`: none could be) and whether the data is a newer version's,
    /// when the load did not read everything.
    unread: Option<(Option<usize>, bool)>,
}

/// Reads a load outcome into what the store shows.
fn interpret(outcome: LoadOutcome) -> Loaded {
    let backup_kind = match &outcome {
        LoadOutcome::Ok(_) | LoadOutcome::FutureVersion { .. } => None,
        LoadOutcome::Migrated { .. } => Some("older-version"),
        LoadOutcome::Partial { .. } => Some("damaged"),
        LoadOutcome::Corrupt { .. } => Some("unreadable"),
    };
    let unread = match &outcome {
        LoadOutcome::Ok(_) => None,
        LoadOutcome::Migrated { bad, .. } | LoadOutcome::Partial { bad, .. } => {
            (!bad.is_empty()).then_some((Some(bad.len()), false))
        }
        LoadOutcome::Corrupt { .. } => Some((None, false)),
        LoadOutcome::FutureVersion {
            journal_if_readable,
            unreadable,
            ..
        } => Some((journal_if_readable.as_ref().map(|_| *unreadable), true)),
    };
    let (journal, mode, notice) = match outcome {
        LoadOutcome::Ok(journal) => (journal, Mode::Stored, None),
        LoadOutcome::Migrated { from, journal, bad } => (
            journal,
            Mode::Stored,
            Some(Notice::Migrated {
                from,
                unreadable: bad.len(),
            }),
        ),
        LoadOutcome::Partial { journal, bad } => (
            journal,
            Mode::Stored,
            Some(Notice::SomeUnreadable {
                unreadable: bad.len(),
            }),
        ),
        LoadOutcome::Corrupt { reason } => (
            Journal::new(),
            Mode::Stored,
            Some(Notice::Unreadable { reason }),
        ),
        LoadOutcome::FutureVersion {
            version,
            journal_if_readable,
            ..
        } => (
            journal_if_readable.unwrap_or_default(),
            Mode::ReadOnly(version),
            None,
        ),
    };
    Loaded {
        journal,
        mode,
        notice,
        backup_kind,
        unread,
    }
}

/// Reads the stored journal: `Ok(None)` when nothing is stored yet.
fn read_stored(keys: &Keys) -> Result<Option<(String, LoadOutcome)>, StorageError> {
    Ok(storage::read(&keys.journal)?.map(|raw| {
        let outcome = journal::load(&raw);
        (raw, outcome)
    }))
}

/// The backups kept in storage, oldest first.
fn list_backups(keys: &Keys) -> Vec<Backup> {
    let prefix = keys.backup_prefix.as_str();
    let mut backups: Vec<Backup> = storage::keys_with_prefix(prefix)
        .unwrap_or_default()
        .into_iter()
        .map(|key| {
            let rest = key.get(prefix.len()..).unwrap_or("");
            let (kind, ms) = rest.rsplit_once('.').unwrap_or((rest, "0"));
            Backup {
                kind: kind.to_owned(),
                kept_ms: ms.parse().unwrap_or(0),
                key: key.clone(),
            }
        })
        .collect();
    backups.sort_by_key(|b| b.kept_ms);
    backups
}

/// Makes sure a backup key holds exactly `raw`: an existing identical copy is enough,
/// otherwise a new key is written. Returns that key.
fn ensure_backup(keys: &Keys, raw: &str, kind: &str) -> Result<String, StorageError> {
    for backup in list_backups(keys) {
        if storage::read(&backup.key)?.as_deref() == Some(raw) {
            return Ok(backup.key);
        }
    }
    let key = format!("{}{kind}.{}", keys.backup_prefix, now_ms());
    storage::write(&key, raw)?;
    Ok(key)
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
            synced: StoredValue::new(None),
            pending_backup: StoredValue::new(None),
            asked_persist: StoredValue::new(false),
            loaded: StoredValue::new(false),
            keys: StoredValue::new(Keys::legacy()),
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
            let (keys, _) = key::adopt(&LocalStorage, &Keys::for_base(&base));
            self.keys.set_value(keys);
            timed("journal.load", || self.reload(true));
            storage::on_change(move |key| {
                let ours = key
                    .as_deref()
                    .is_none_or(|k| self.keys.with_value(|keys| keys.owns(k)));
                if ours {
                    self.reload(false);
                }
            });
            storage::persisted(move |answer| self.persistence.set(answer));
        } else {
            self.mode.set(Mode::Memory);
            self.persistence.set(Persistence::Unsupported);
        }
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

    /// What the loaded data held that this build could not read, tracked: kept until
    /// everything is deleted, since its safety copy stays until then.
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
        if self.mode.get_untracked() == Mode::Memory {
            return;
        }
        let keys = self.keys.get_value();
        let stored = match read_stored(&keys) {
            Ok(stored) => stored,
            Err(StorageError::Unavailable) => {
                self.mode.set(Mode::Memory);
                return;
            }
            // A read that fails for another reason leaves what is shown as it was.
            Err(_) => return,
        };
        self.backups.set(list_backups(&keys));
        let Some((raw, outcome)) = stored else {
            // Nothing stored (first use, or another tab deleted everything).
            self.synced.set_value(None);
            self.pending_backup.set_value(None);
            self.notice.set(None);
            self.unread.set(None);
            self.mode.set(Mode::Stored);
            self.journal.set(Journal::new());
            return;
        };
        if self
            .synced
            .with_value(|s| s.as_deref() == Some(raw.as_str()))
        {
            return;
        }
        let loaded = interpret(outcome);
        // The raw text this load is about: its safety copy, or the stored journal itself
        // when no copy was written.
        let about = if let Some(kind) = loaded.backup_kind {
            self.keep_backup(raw.clone(), kind)
        } else {
            self.pending_backup.set_value(None);
            None
        }
        .unwrap_or_else(|| keys.journal.clone());
        if let Some((entries, newer)) = loaded.unread {
            self.unread.set(Some(Unread {
                entries,
                newer,
                key: about.clone(),
            }));
        }
        if first || loaded.notice.is_some() {
            // A later reload keeps an earlier notice unless it has news of its own.
            if let Some(notice) = loaded.notice {
                if !self.backup_failed() {
                    self.notice.set(Some(LoadNotice { notice, key: about }));
                }
            }
        }
        self.mode.set(loaded.mode);
        self.synced.set_value(Some(raw));
        self.journal.set(loaded.journal);
    }

    /// Whether the notice shown says the safety copy could not be written.
    fn backup_failed(self) -> bool {
        self.notice.with_untracked(|n| {
            n.as_ref()
                .is_some_and(|n| matches!(n.notice, Notice::BackupFailed(_)))
        })
    }

    /// Copies `raw` to a backup key now and returns that key; if that fails, remembers it
    /// so the next save tries again first (and is refused if it fails again), and says so.
    fn keep_backup(self, raw: String, kind: &'static str) -> Option<String> {
        let keys = self.keys.get_value();
        match ensure_backup(&keys, &raw, kind) {
            Ok(key) => {
                self.pending_backup.set_value(None);
                self.backups.set(list_backups(&keys));
                Some(key)
            }
            Err(error) => {
                self.pending_backup.set_value(Some((raw, kind)));
                // No copy was written: the notice is about the stored journal itself.
                self.notice.set(Some(LoadNotice {
                    notice: Notice::BackupFailed(error),
                    key: keys.journal,
                }));
                None
            }
        }
    }

    /// Applies `change` to the journal and saves it. In storage mode the change is applied
    /// to what storage holds now (re-read first), so another tab's entries are kept; a
    /// failed save leaves both storage and the journal shown unchanged.
    ///
    /// # Errors
    ///
    /// [`SaveError`] saying why nothing was saved.
    pub fn commit(self, change: Change) -> Result<Done, SaveError> {
        match self.mode.get_untracked() {
            Mode::ReadOnly(_) => Err(SaveError::ReadOnly),
            Mode::Memory => {
                let mut journal = self.journal.get_untracked();
                let done = apply(&mut journal, change)?;
                self.journal.set(journal);
                Ok(done)
            }
            Mode::Stored => timed("journal.save", || self.commit_stored(change)),
        }
    }

    /// [`commit`](Self::commit) for a journal kept in storage.
    fn commit_stored(self, change: Change) -> Result<Done, SaveError> {
        let keys = self.keys.get_value();
        let raw = storage::read(&keys.journal).map_err(SaveError::Storage)?;
        let unchanged = self.synced.with_value(|s| *s == raw);
        // Another tab saved since this one last looked: start from what it saved.
        let fresh = if unchanged {
            None
        } else {
            match raw.as_deref().map(journal::load) {
                None => Some(Journal::new()),
                Some(outcome) => {
                    if !outcome.is_writable() {
                        self.reload(false);
                        return Err(SaveError::ReadOnly);
                    }
                    let loaded = interpret(outcome);
                    if let (Some(kind), Some(raw)) = (loaded.backup_kind, raw.as_ref()) {
                        self.pending_backup.set_value(Some((raw.clone(), kind)));
                    }
                    Some(loaded.journal)
                }
            }
        };
        if let Some((pending, kind)) = self.pending_backup.get_value() {
            let copy = ensure_backup(&keys, &pending, kind).map_err(SaveError::Backup)?;
            self.pending_backup.set_value(None);
            // The unread data is in the copy now; the journal is about to be saved over.
            self.unread.update(|u| {
                if let Some(u) = u.as_mut().filter(|u| u.key == keys.journal) {
                    u.key = copy;
                }
            });
            if self.backup_failed() {
                self.notice.set(None);
            }
            self.backups.set(list_backups(&keys));
        }
        // The journal shown is what storage holds, so it is changed in place rather than
        // copied (2,000 entries take milliseconds to copy); if the write fails, it is read
        // back from storage, which a failed write leaves as it was.
        let mut journal = match fresh {
            Some(journal) => journal,
            None => self
                .journal
                .try_update_untracked(std::mem::take)
                .unwrap_or_default(),
        };
        let result = apply(&mut journal, change).and_then(|done| {
            let text = journal::save(&journal);
            storage::write(&keys.journal, &text).map_err(SaveError::Storage)?;
            Ok((done, text))
        });
        match result {
            Ok((done, text)) => {
                self.synced.set_value(Some(text));
                self.journal.set(journal);
                self.ask_persist_once();
                Ok(done)
            }
            Err(error) => {
                if matches!(error, SaveError::Storage(_)) {
                    // `journal` holds the change that was not saved: show storage's content.
                    journal = raw
                        .as_deref()
                        .map_or_else(Journal::new, |r| interpret(journal::load(r)).journal);
                }
                // A refused change left `journal` as it was.
                self.synced.set_value(raw);
                self.journal.set(journal);
                Err(error)
            }
        }
    }

    /// After the first save of a session, asks the browser to keep the data if it does not
    /// already.
    fn ask_persist_once(self) {
        if self.asked_persist.get_value()
            || self.persistence.get_untracked() == Persistence::Persisted
        {
            return;
        }
        self.asked_persist.set_value(true);
        self.ask_persist();
    }

    /// Asks the browser to keep the data (`navigator.storage.persist()`) and records the
    /// answer.
    pub fn ask_persist(self) {
        storage::persist(move |answer| {
            if answer != Persistence::Unknown {
                self.persistence.set(answer);
            }
        });
    }

    /// Deletes the journal and every safety copy from this browser (the person confirmed).
    ///
    /// # Errors
    ///
    /// [`SaveError::Storage`] when storage refused; whatever was removed before stays
    /// removed, and the view is reloaded to show what is left.
    pub fn delete_all(self) -> Result<(), SaveError> {
        if self.mode.get_untracked() == Mode::Memory {
            self.journal.set(Journal::new());
            return Ok(());
        }
        let keys = self.keys.get_value();
        let result = storage::remove(&keys.journal).and_then(|()| {
            for key in storage::keys_with_prefix(&keys.backup_prefix)? {
                storage::remove(&key)?;
            }
            Ok(())
        });
        self.notice.set(None);
        self.pending_backup.set_value(None);
        self.reload(false);
        result.map_err(SaveError::Storage)
    }

    /// The storage key of this deployment's journal (for downloading it).
    pub fn journal_key(self) -> String {
        self.keys.with_value(|keys| keys.journal.clone())
    }

    /// The text of a safety copy (or, for a newer version's journal, of the stored journal),
    /// to download.
    pub fn raw_text(key: &str) -> Option<String> {
        storage::read(key).ok().flatten()
    }
}

/// Applies one change to `journal` in place.
fn apply(journal: &mut Journal, change: Change) -> Result<Done, SaveError> {
    match change {
        Change::Add(entry) => journal
            .add(entry)
            .map(|()| Done::Added)
            .map_err(SaveError::Journal),
        Change::Edit(entry) => journal
            .update(entry, now_ms())
            .map(|()| Done::Edited)
            .map_err(SaveError::Journal),
        Change::Remove(id) => journal
            .remove(&id)
            .map(Done::Removed)
            .ok_or(SaveError::Journal(JournalError::NotFound(id))),
        Change::Restore(removed) => journal
            .restore(removed)
            .map(|()| Done::Restored)
            .map_err(SaveError::Journal),
        Change::Import(preview) => {
            let added = preview.to_add.len();
            let updated = preview.to_update.len();
            *journal = apply_import(std::mem::take(journal), preview);
            Ok(Done::Imported { added, updated })
        }
    }
}
