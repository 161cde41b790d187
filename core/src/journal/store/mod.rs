//! The journal store's rules: how the journal is read from and saved to key-value storage so
//! that nothing is ever lost or silently overwritten. Pure: storage is reached through the
//! [`Kv`] trait (the browser's `localStorage` in the app, [`MemoryKv`] in tests), the clock
//! is passed in, and the journal the pages show is lent to each call (`&mut Journal`), so
//! the app keeps it in one signal and never copies it.
//!
//! The rules:
//! - **Read before every write.** Each change is applied to what storage holds *now*: when
//!   another tab saved since this one last read, that is loaded first and the change is
//!   applied on top, so entries added in two tabs both survive and another tab's newer data
//!   is never overwritten by a stale copy. (The app also runs each change under a Web Lock,
//!   so two tabs' read-and-write never interleave where the browser has them.)
//! - **Ask, never overwrite, when an entry changed meanwhile.** An edit carries the
//!   `updated_ms` the entry had when its form opened; if the stored entry has changed (or
//!   was deleted) since, the edit is refused with [`SaveError::Conflict`] and the person
//!   chooses.
//! - **Back up whatever was not fully read.** Data this build did not fully read (an older
//!   version, unreadable entries, text that is not a journal) is copied to a backup key
//!   before anything is saved over it; if that copy cannot be written, nothing is saved,
//!   except a deletion: it only shrinks the data, and the journal keeps what it read (and
//!   its unreadable entries, as they were) in what it saves.
//! - **A newer version's journal is read-only.** It is shown and never written.
//! - **A failed write changes nothing.** Storage keeps what it held and the journal lent to
//!   the call is put back to what storage holds.
//! - **Imports can be undone.** Before an import replaces entries, their versions are kept
//!   under a backup key ("replaced"), and [`Done::Imported`] carries an [`ImportUndo`].
//!
//! Safety copies (backups) are never removed automatically: each can be downloaded and
//! removed on its own ([`Store::remove_backup`]), and [`Store::delete_all`] removes them
//! with the journal.

mod keys;
mod kv;

use std::collections::HashMap;
use std::fmt;

pub use keys::{adopt, base_path, file_name, Adoption, Keys, LEGACY_BACKUP_PREFIX, LEGACY_JOURNAL};
pub use kv::{Kv, MemoryKv, StorageError};

use super::{
    apply_import, export_json, load, save, Entry, EntryId, ImportPreview, Journal, JournalError,
    LoadOutcome, Removed,
};

/// Whether and where changes are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Saved in storage.
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
    /// The safety copy could not be written, so saving (other than deleting) is blocked
    /// until there is room.
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

/// Why a safety copy was kept; its name is part of the copy's storage key
/// (`…#backup.<kind>.<ms>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupKind {
    /// A journal in an older format, kept before it was converted.
    OlderVersion,
    /// A journal with entries that could not be read.
    Damaged,
    /// Text that could not be read as a journal at all.
    Unreadable,
    /// The person's entries as they were before an import replaced them.
    Replaced,
    /// A kind this build does not know (written by a newer one), by its name.
    Other(String),
}

impl BackupKind {
    /// The name in storage keys.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Self::OlderVersion => "older-version",
            Self::Damaged => "damaged",
            Self::Unreadable => "unreadable",
            Self::Replaced => "replaced",
            Self::Other(name) => name,
        }
    }

    /// The kind named `name` in a storage key.
    #[must_use]
    pub fn parse(name: &str) -> BackupKind {
        match name {
            "older-version" => Self::OlderVersion,
            "damaged" => Self::Damaged,
            "unreadable" => Self::Unreadable,
            "replaced" => Self::Replaced,
            other => Self::Other(other.to_owned()),
        }
    }

    /// What the copy holds, in words for the list of copies.
    #[must_use]
    pub fn describe(&self) -> &'static str {
        match self {
            Self::OlderVersion => "Journal in an older format",
            Self::Damaged => "Journal with entries that could not be read",
            Self::Unreadable => "Data that could not be read",
            Self::Replaced => "Your entries as they were before an import replaced them",
            Self::Other(_) => "Kept data",
        }
    }
}

/// A safety copy kept in storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// Its storage key.
    pub key: String,
    /// Why it was kept.
    pub kind: BackupKind,
    /// When it was kept, in milliseconds since 1970.
    pub kept_ms: i64,
}

/// What an import changed, to undo it: the entries it added and the versions it replaced,
/// each with the `updated_ms` the import gave it (an entry changed since is left alone).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportUndo {
    added: Vec<(EntryId, i64)>,
    replaced: Vec<(Entry, i64)>,
    copy: Option<String>,
}

impl ImportUndo {
    /// Whether the import changed nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.replaced.is_empty()
    }

    /// The storage key of the safety copy holding the replaced versions, if any were.
    #[must_use]
    pub fn copy_key(&self) -> Option<&str> {
        self.copy.as_deref()
    }
}

/// A change to the journal, applied by [`Store::commit`].
#[derive(Clone, Debug)]
pub enum Change {
    /// Add a new entry.
    Add(Entry),
    /// Replace the entry with the same id (an edit).
    Edit {
        /// The edited entry.
        entry: Entry,
        /// The entry's `updated_ms` when the form was opened: if it differs now, another
        /// tab changed it meanwhile and the edit is refused with [`SaveError::Conflict`].
        /// `None` replaces it whatever happened (the person chose to).
        seen_ms: Option<i64>,
    },
    /// Delete the entry with this id.
    Remove(EntryId),
    /// Put a deleted entry back ("Undo").
    Restore(Removed),
    /// Merge an import file's entries.
    Import(ImportPreview),
    /// Undo an import: take out the entries it added and put back the versions it replaced,
    /// leaving any entry changed since.
    UndoImport(ImportUndo),
}

impl Change {
    /// Whether the change can only make the stored data smaller.
    fn only_shrinks(&self) -> bool {
        matches!(self, Change::Remove(_))
    }
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
        /// Entries replaced by the file's copy.
        updated: usize,
        /// How to undo it.
        undo: ImportUndo,
    },
    /// An import was undone.
    ImportUndone {
        /// Entries it had added, taken out.
        removed: usize,
        /// Versions it had replaced, put back.
        restored: usize,
        /// Entries left alone because they changed after the import.
        kept: usize,
    },
}

/// An edit that would overwrite a change made elsewhere.
#[derive(Clone, Debug, PartialEq)]
pub enum Conflict {
    /// The entry was changed in another tab after the form opened: this is that version.
    Changed(Box<Entry>),
    /// The entry was deleted in another tab after the form opened.
    Deleted,
}

/// Why a change was not saved. Its text tells the person what happened and what to do.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// Storage refused the write (full, blocked, or failing).
    Storage(StorageError),
    /// The safety copy of data this build could not fully read could not be written, so
    /// nothing was saved over it.
    Backup(StorageError),
    /// The copy of the entries an import would replace could not be written, so nothing
    /// was imported.
    KeepReplaced(StorageError),
    /// The journal was written by a newer version of the app.
    ReadOnly,
    /// The journal refused the change (an entry deleted meanwhile, a repeated id).
    Journal(JournalError),
    /// The entry changed in another tab since its form opened.
    Conflict(Conflict),
}

/// What to do when storage is full, said the same way everywhere: what actually frees room.
pub const MAKE_ROOM: &str = "To make room, export your journal as JSON so you keep a copy, \
                             then delete old entries you no longer need (deleting works even \
                             when storage is full). Any copies Aftercare kept for safety, \
                             listed under \u{201c}Copies kept for safety\u{201d} on the journal \
                             page, can be downloaded and then removed too.";

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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
            Self::KeepReplaced(StorageError::QuotaExceeded) => write!(
                f,
                "Not imported: Aftercare keeps a copy of your entries an import replaces, and \
                 there is no room for that copy. Nothing has changed. {MAKE_ROOM}"
            ),
            Self::KeepReplaced(error) => write!(
                f,
                "Not imported: Aftercare keeps a copy of your entries an import replaces, and \
                 could not ({error}). Nothing has changed."
            ),
            Self::ReadOnly => f.write_str(
                "Not saved: this journal was saved by a newer version of Aftercare, so this \
                 version only shows it, to keep it safe. Reload the page to get the newer \
                 version, then try again.",
            ),
            Self::Journal(error) => write!(f, "Not saved: {error}"),
            Self::Conflict(Conflict::Changed(_)) => f.write_str(
                "Not saved yet: this entry was changed in another tab or window after you \
                 opened it. Choose which version to keep.",
            ),
            Self::Conflict(Conflict::Deleted) => f.write_str(
                "Not saved yet: this entry was deleted in another tab or window after you \
                 opened it. You can save yours as a new entry.",
            ),
        }
    }
}

/// What a load found, ready to show.
struct Loaded {
    journal: Journal,
    mode: Mode,
    notice: Option<Notice>,
    /// The kind of safety copy the raw text needs, if it needs one.
    backup_kind: Option<BackupKind>,
    /// Entries not read (`None`: none could be) and whether the data is a newer version's,
    /// when the load did not read everything.
    unread: Option<(Option<usize>, bool)>,
}

/// Reads a load outcome into what the store shows.
fn interpret(outcome: LoadOutcome) -> Loaded {
    let backup_kind = match &outcome {
        LoadOutcome::Ok(_) | LoadOutcome::FutureVersion { .. } => None,
        LoadOutcome::Migrated { .. } => Some(BackupKind::OlderVersion),
        LoadOutcome::Partial { .. } => Some(BackupKind::Damaged),
        LoadOutcome::Corrupt { .. } => Some(BackupKind::Unreadable),
    };
    let unread = match &outcome {
        LoadOutcome::Ok(journal) => carried(journal).map(|n| (Some(n), false)),
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
        // Entries no build could read, kept in the journal as they were stored.
        LoadOutcome::Ok(journal) => {
            let notice = carried(&journal).map(|unreadable| Notice::SomeUnreadable { unreadable });
            (journal, Mode::Stored, notice)
        }
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

/// How many unreadable entries the journal carries as they were stored, if any.
fn carried(journal: &Journal) -> Option<usize> {
    let n = journal.unreadable().len();
    (n > 0).then_some(n)
}

/// The backups kept under `keys`, oldest first (unlistable storage: none).
fn list_backups(kv: &impl Kv, keys: &Keys) -> Vec<Backup> {
    let prefix = keys.backup_prefix.as_str();
    let mut backups: Vec<Backup> = kv
        .keys_with_prefix(prefix)
        .unwrap_or_default()
        .into_iter()
        .map(|key| {
            let rest = key.get(prefix.len()..).unwrap_or("");
            let (kind, ms) = rest.rsplit_once('.').unwrap_or((rest, "0"));
            Backup {
                kind: BackupKind::parse(kind),
                kept_ms: ms.parse().unwrap_or(0),
                key: key.clone(),
            }
        })
        .collect();
    backups.sort_by(|a, b| a.kept_ms.cmp(&b.kept_ms).then_with(|| a.key.cmp(&b.key)));
    backups
}

/// Makes sure a backup key holds exactly `raw`: an existing identical copy is enough,
/// otherwise a new key is written (never over another copy). Returns that key.
fn ensure_backup(
    kv: &impl Kv,
    keys: &Keys,
    raw: &str,
    kind: &BackupKind,
    now_ms: i64,
) -> Result<String, StorageError> {
    let kind = kind.as_str();
    let existing = list_backups(kv, keys);
    for backup in &existing {
        if kv.read(&backup.key)?.as_deref() == Some(raw) {
            return Ok(backup.key.clone());
        }
    }
    let mut key = format!("{}{kind}.{now_ms}", keys.backup_prefix);
    let mut ms = now_ms;
    while existing.iter().any(|b| b.key == key) {
        ms = ms.saturating_add(1);
        key = format!("{}{kind}.{ms}", keys.backup_prefix);
    }
    kv.write(&key, raw)?;
    Ok(key)
}

/// The journal's storage state: everything the store knows besides the journal itself. The
/// app holds one, and lends it the journal with each call.
#[derive(Clone, Debug)]
pub struct Store {
    keys: Keys,
    mode: Mode,
    notice: Option<LoadNotice>,
    unread: Option<Unread>,
    backups: Vec<Backup>,
    /// The text last read from or written to storage: when storage still holds exactly
    /// this, the journal lent is its content and need not be parsed again.
    synced: Option<String>,
    /// Raw text that must be copied to a backup key before the next save, and its kind.
    pending_backup: Option<(String, BackupKind)>,
}

impl Store {
    /// A store working on `keys` in storage. Nothing is read until [`reload`](Self::reload).
    #[must_use]
    pub fn new(keys: Keys) -> Store {
        Store {
            keys,
            mode: Mode::Stored,
            notice: None,
            unread: None,
            backups: Vec::new(),
            synced: None,
            pending_backup: None,
        }
    }

    /// A store for a page without storage: changes live in the page only.
    #[must_use]
    pub fn in_memory() -> Store {
        Store {
            mode: Mode::Memory,
            ..Store::new(Keys::legacy())
        }
    }

    /// The store of the deployment at `base` (its base path): moves the journal kept under
    /// the old shared key to this deployment's keys once ([`adopt`]).
    pub fn open(kv: &impl Kv, base: &str) -> (Store, Adoption) {
        let (keys, adoption) = adopt(kv, &Keys::for_base(base));
        (Store::new(keys), adoption)
    }

    /// The keys worked on.
    #[must_use]
    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    /// Whether changes are stored, kept in memory only, or not allowed.
    #[must_use]
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// What loading found that the person should be told.
    #[must_use]
    pub fn notice(&self) -> Option<&LoadNotice> {
        self.notice.as_ref()
    }

    /// What the stored data holds that this build could not read.
    #[must_use]
    pub fn unread(&self) -> Option<&Unread> {
        self.unread.as_ref()
    }

    /// The safety copies kept, oldest first.
    #[must_use]
    pub fn backups(&self) -> &[Backup] {
        &self.backups
    }

    /// Whether a safety copy is still owed before the next save (it could not be written).
    #[must_use]
    pub fn backup_pending(&self) -> bool {
        self.pending_backup.is_some()
    }

    /// Reads storage and puts what it holds into `journal` (at start, and when another tab
    /// changed it). `first` records the notice of a load that found old or damaged data.
    /// Returns whether `journal` was replaced. Storage that turns out to be unavailable
    /// switches the store to [`Mode::Memory`]; another read failure leaves all as it was.
    pub fn reload(
        &mut self,
        kv: &impl Kv,
        journal: &mut Journal,
        first: bool,
        now_ms: i64,
    ) -> bool {
        if self.mode == Mode::Memory {
            return false;
        }
        let stored = match kv.read(&self.keys.journal) {
            Ok(stored) => stored,
            Err(StorageError::Unavailable) => {
                self.mode = Mode::Memory;
                return false;
            }
            Err(_) => return false,
        };
        self.backups = list_backups(kv, &self.keys);
        let Some(raw) = stored else {
            // Nothing stored (first use, or another tab deleted everything).
            self.synced = None;
            self.pending_backup = None;
            self.notice = None;
            self.unread = None;
            self.mode = Mode::Stored;
            *journal = Journal::new();
            return true;
        };
        if self.synced.as_deref() == Some(raw.as_str()) {
            return false;
        }
        let loaded = interpret(load(&raw));
        // The raw text this load is about: its safety copy, or the stored journal itself.
        let about = if let Some(kind) = loaded.backup_kind {
            self.keep_backup(kv, raw.clone(), kind, now_ms)
        } else {
            self.pending_backup = None;
            None
        }
        .unwrap_or_else(|| self.keys.journal.clone());
        self.unread = loaded.unread.map(|(entries, newer)| Unread {
            entries,
            newer,
            key: about.clone(),
        });
        if first || loaded.notice.is_some() {
            // A later reload keeps an earlier notice unless it has news of its own.
            if let Some(notice) = loaded.notice {
                if !self.backup_failed() {
                    self.notice = Some(LoadNotice { notice, key: about });
                }
            }
        }
        self.mode = loaded.mode;
        self.synced = Some(raw);
        *journal = loaded.journal;
        true
    }

    /// Whether the notice shown says the safety copy could not be written.
    fn backup_failed(&self) -> bool {
        self.notice
            .as_ref()
            .is_some_and(|n| matches!(n.notice, Notice::BackupFailed(_)))
    }

    /// Copies `raw` to a backup key now and returns that key; if that fails, remembers it so
    /// the next save tries again first, and says so.
    fn keep_backup(
        &mut self,
        kv: &impl Kv,
        raw: String,
        kind: BackupKind,
        now_ms: i64,
    ) -> Option<String> {
        match ensure_backup(kv, &self.keys, &raw, &kind, now_ms) {
            Ok(key) => {
                self.pending_backup = None;
                self.backups = list_backups(kv, &self.keys);
                Some(key)
            }
            Err(error) => {
                self.pending_backup = Some((raw, kind));
                // No copy was written: the notice is about the stored journal itself.
                self.notice = Some(LoadNotice {
                    notice: Notice::BackupFailed(error),
                    key: self.keys.journal.clone(),
                });
                None
            }
        }
    }

    /// Applies `change` to `journal` and saves it. In storage the change is applied to what
    /// storage holds now (read first), so another tab's entries are kept; a failed save
    /// leaves storage as it was and `journal` showing what storage holds.
    ///
    /// # Errors
    ///
    /// [`SaveError`] saying why nothing was saved.
    pub fn commit(
        &mut self,
        kv: &impl Kv,
        journal: &mut Journal,
        change: Change,
        now_ms: i64,
    ) -> Result<Done, SaveError> {
        match self.mode {
            Mode::ReadOnly(_) => Err(SaveError::ReadOnly),
            Mode::Memory => apply(journal, change, now_ms),
            Mode::Stored => self.commit_stored(kv, journal, change, now_ms),
        }
    }

    /// [`commit`](Self::commit) for a journal kept in storage.
    fn commit_stored(
        &mut self,
        kv: &impl Kv,
        journal: &mut Journal,
        change: Change,
        now_ms: i64,
    ) -> Result<Done, SaveError> {
        let shrinks = change.only_shrinks();
        let mut raw = kv.read(&self.keys.journal).map_err(SaveError::Storage)?;
        // Another tab may save between this read and the write below: read once more after
        // preparing, and start again from what it saved (the Web Lock the app holds makes
        // this rare; a few rounds are enough).
        for round in 0..4 {
            self.prepare(kv, journal, raw.as_ref(), shrinks, now_ms)?;
            if round == 3 {
                break;
            }
            let again = kv.read(&self.keys.journal).map_err(SaveError::Storage)?;
            if again == raw {
                break;
            }
            raw = again;
        }
        let mut undo_copy = None;
        let result = apply(journal, change, now_ms).and_then(|mut done| {
            if let Done::Imported { undo, .. } = &mut done {
                if !undo.replaced.is_empty() {
                    let replaced = Journal::from_entries(
                        undo.replaced.iter().map(|(old, _)| old.clone()).collect(),
                    );
                    let text = export_json(&replaced, false);
                    let key = ensure_backup(kv, &self.keys, &text, &BackupKind::Replaced, now_ms)
                        .map_err(SaveError::KeepReplaced)?;
                    undo.copy = Some(key.clone());
                    undo_copy = Some(key);
                }
            }
            let text = save(journal);
            kv.write(&self.keys.journal, &text)
                .map_err(SaveError::Storage)?;
            Ok((done, text))
        });
        if undo_copy.is_some() {
            self.backups = list_backups(kv, &self.keys);
        }
        match result {
            Ok((done, text)) => {
                self.synced = Some(text);
                Ok(done)
            }
            Err(error) => {
                if matches!(error, SaveError::Storage(_) | SaveError::KeepReplaced(_)) {
                    // `journal` holds the change that was not saved: show storage's content.
                    *journal = raw
                        .as_deref()
                        .map_or_else(Journal::new, |r| interpret(load(r)).journal);
                }
                // A refused change left `journal` as it was.
                self.synced = raw;
                Err(error)
            }
        }
    }

    /// Makes `journal` what storage holds (`raw`, read just now) and writes any safety copy
    /// still owed. When another tab saved since this one last looked, its data is loaded.
    ///
    /// # Errors
    ///
    /// [`SaveError::ReadOnly`] when storage now holds a newer version's journal;
    /// [`SaveError::Backup`] when an owed copy cannot be written (except for a deletion:
    /// see the module doc).
    fn prepare(
        &mut self,
        kv: &impl Kv,
        journal: &mut Journal,
        raw: Option<&String>,
        shrinks: bool,
        now_ms: i64,
    ) -> Result<(), SaveError> {
        if self.synced.as_ref() != raw {
            match raw.map(|r| load(r)) {
                None => *journal = Journal::new(),
                Some(outcome) => {
                    if !outcome.is_writable() {
                        self.reload(kv, journal, false, now_ms);
                        return Err(SaveError::ReadOnly);
                    }
                    let loaded = interpret(outcome);
                    if let (Some(kind), Some(raw)) = (loaded.backup_kind.clone(), raw) {
                        self.pending_backup = Some((raw.clone(), kind));
                    }
                    *journal = loaded.journal;
                }
            }
            self.synced = raw.cloned();
        }
        let Some((pending, kind)) = self.pending_backup.take() else {
            return Ok(());
        };
        match ensure_backup(kv, &self.keys, &pending, &kind, now_ms) {
            Ok(copy) => {
                // The unread data is in the copy now; the journal is about to be saved over.
                if let Some(u) = self.unread.as_mut().filter(|u| u.key == self.keys.journal) {
                    u.key = copy;
                }
                if self.backup_failed() {
                    self.notice = None;
                }
                self.backups = list_backups(kv, &self.keys);
                Ok(())
            }
            // A deletion only shrinks the data, and what is saved keeps everything the
            // journal read and its unreadable entries as they were: it goes ahead (the copy
            // is still owed). Text that could not be read at all is never saved over.
            Err(_) if shrinks && kind != BackupKind::Unreadable => {
                self.pending_backup = Some((pending, kind));
                Ok(())
            }
            Err(error) => {
                self.pending_backup = Some((pending, kind));
                Err(SaveError::Backup(error))
            }
        }
    }

    /// Deletes the journal and every safety copy (the person confirmed), then shows what is
    /// left.
    ///
    /// # Errors
    ///
    /// [`SaveError::Storage`] when storage refused; whatever was removed before stays
    /// removed.
    pub fn delete_all(
        &mut self,
        kv: &impl Kv,
        journal: &mut Journal,
        now_ms: i64,
    ) -> Result<(), SaveError> {
        if self.mode == Mode::Memory {
            *journal = Journal::new();
            return Ok(());
        }
        let result = kv.remove(&self.keys.journal).and_then(|()| {
            for key in kv.keys_with_prefix(&self.keys.backup_prefix)? {
                kv.remove(&key)?;
            }
            Ok(())
        });
        self.notice = None;
        self.pending_backup = None;
        self.synced = None;
        self.reload(kv, journal, false, now_ms);
        result.map_err(SaveError::Storage)
    }

    /// Removes one safety copy (the person downloaded it, or chose not to keep it).
    ///
    /// # Errors
    ///
    /// [`SaveError::Storage`] when storage refused; [`SaveError::Journal`] is never
    /// returned. A key that is not one of this journal's safety copies is refused with
    /// [`StorageError::Other`].
    pub fn remove_backup(&mut self, kv: &impl Kv, key: &str) -> Result<(), SaveError> {
        if !key.starts_with(&self.keys.backup_prefix) {
            return Err(SaveError::Storage(StorageError::Other(
                "that is not one of Aftercare's safety copies".to_owned(),
            )));
        }
        let result = kv.remove(key).map_err(SaveError::Storage);
        self.backups = list_backups(kv, &self.keys);
        result?;
        // What the copy held is gone from storage, except the unreadable entries the stored
        // journal still carries: the notice and "Delete all" point at those, or say nothing.
        let about_it = |k: &str| k == key;
        if self.unread.as_ref().is_some_and(|u| about_it(&u.key))
            || self.notice.as_ref().is_some_and(|n| about_it(&n.key))
        {
            let carried =
                kv.read(&self.keys.journal)
                    .ok()
                    .flatten()
                    .and_then(|raw| match load(&raw) {
                        LoadOutcome::Ok(journal) => carried(&journal),
                        _ => None,
                    });
            let journal_key = self.keys.journal.clone();
            self.unread = match (self.unread.take(), carried) {
                (Some(u), _) if !about_it(&u.key) => Some(u),
                (_, Some(n)) => Some(Unread {
                    entries: Some(n),
                    newer: false,
                    key: journal_key.clone(),
                }),
                (_, None) => None,
            };
            self.notice = match (self.notice.take(), carried) {
                (Some(n), _) if !about_it(&n.key) => Some(n),
                (_, Some(unreadable)) => Some(LoadNotice {
                    notice: Notice::SomeUnreadable { unreadable },
                    key: journal_key,
                }),
                (_, None) => None,
            };
        }
        Ok(())
    }

    /// The raw text stored under `key` (a safety copy, or the journal), to download.
    pub fn raw_text(kv: &impl Kv, key: &str) -> Option<String> {
        kv.read(key).ok().flatten()
    }
}

/// Applies one change to `journal` in place; a refused change leaves it as it was.
fn apply(journal: &mut Journal, change: Change, now_ms: i64) -> Result<Done, SaveError> {
    match change {
        Change::Add(entry) => journal
            .add(entry)
            .map(|()| Done::Added)
            .map_err(SaveError::Journal),
        Change::Edit { entry, seen_ms } => {
            match (journal.get(&entry.id), seen_ms) {
                (None, _) => return Err(SaveError::Conflict(Conflict::Deleted)),
                (Some(current), Some(seen)) if current.updated_ms != seen => {
                    return Err(SaveError::Conflict(Conflict::Changed(Box::new(
                        current.clone(),
                    ))));
                }
                _ => {}
            }
            journal
                .update(entry, now_ms)
                .map(|()| Done::Edited)
                .map_err(SaveError::Journal)
        }
        Change::Remove(id) => journal
            .remove(&id)
            .map(Done::Removed)
            .ok_or(SaveError::Journal(JournalError::NotFound(id))),
        Change::Restore(removed) => journal
            .restore(removed)
            .map(|()| Done::Restored)
            .map_err(SaveError::Journal),
        Change::Import(preview) => Ok(import(journal, preview)),
        Change::UndoImport(undo) => undo_import(journal, undo, now_ms),
    }
}

/// Merges an import and records what it changed.
fn import(journal: &mut Journal, preview: ImportPreview) -> Done {
    let ids: Vec<EntryId> = preview
        .to_add
        .iter()
        .chain(&preview.to_update)
        .chain(&preview.held_future)
        .map(|e| e.id.clone())
        .collect();
    let before: HashMap<&str, &Entry> = journal
        .entries()
        .iter()
        .map(|e| (e.id.as_str(), e))
        .collect();
    let old: Vec<Option<Entry>> = ids
        .iter()
        .map(|id| before.get(id.as_str()).map(|e| (*e).clone()))
        .collect();
    drop(before);
    *journal = apply_import(std::mem::take(journal), preview);
    let after: HashMap<&str, &Entry> = journal
        .entries()
        .iter()
        .map(|e| (e.id.as_str(), e))
        .collect();
    let mut undo = ImportUndo::default();
    let mut seen = std::collections::HashSet::new();
    for (id, old) in ids.into_iter().zip(old) {
        let Some(new) = after.get(id.as_str()) else {
            continue;
        };
        if !seen.insert(id.clone()) {
            continue;
        }
        match old {
            None => undo.added.push((id, new.updated_ms)),
            Some(old) if old != **new => undo.replaced.push((old, new.updated_ms)),
            Some(_) => {}
        }
    }
    Done::Imported {
        added: undo.added.len(),
        updated: undo.replaced.len(),
        undo,
    }
}

/// Takes out what an import added and puts back what it replaced, unless changed since.
fn undo_import(journal: &mut Journal, undo: ImportUndo, now_ms: i64) -> Result<Done, SaveError> {
    let (mut removed, mut restored, mut kept) = (0, 0, 0);
    for (id, imported_ms) in undo.added {
        match journal.get(&id) {
            Some(e) if e.updated_ms == imported_ms => {
                journal.remove(&id);
                removed += 1;
            }
            Some(_) => kept += 1,
            None => {}
        }
    }
    for (old, imported_ms) in undo.replaced {
        match journal.get(&old.id) {
            Some(e) if e.updated_ms == imported_ms => {
                journal.update(old, now_ms).map_err(SaveError::Journal)?;
                restored += 1;
            }
            Some(_) => kept += 1,
            // Deleted since: the person's latest choice stands.
            None => {}
        }
    }
    Ok(Done::ImportUndone {
        removed,
        restored,
        kept,
    })
}
