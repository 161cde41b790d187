//! The key-value storage the journal store works on: the browser's `localStorage` in the app
//! (`shell/src/storage.rs` implements [`Kv`]), and [`MemoryKv`] in tests and benchmarks, a map that
//! can fail on demand the ways a browser's storage does.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::fmt;

/// Why a storage call failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives this page no storage (turned off, blocked, or not supported).
    Unavailable,
    /// The storage for this site is full (`QuotaExceededError`).
    QuotaExceeded,
    /// Anything else the browser reported, with its message.
    Other(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unavailable => f.write_str("your browser is not letting this site store data"),
            Self::QuotaExceeded => f.write_str("your browser's storage for this site is full"),
            Self::Other(message) => write!(f, "your browser reported a problem: {message}"),
        }
    }
}

impl std::error::Error for StorageError {}

/// The storage calls the journal store needs. A failed write leaves what was stored before
/// unchanged, as `localStorage.setItem` does.
pub trait Kv {
    /// The text under `key`, `None` when nothing is stored.
    ///
    /// # Errors
    ///
    /// Whatever the storage reports.
    fn read(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Stores `value` under `key`.
    ///
    /// # Errors
    ///
    /// Whatever the storage reports (full, unavailable…); the old value is kept.
    fn write(&self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Removes `key`.
    ///
    /// # Errors
    ///
    /// Whatever the storage reports.
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key that starts with `prefix`.
    ///
    /// # Errors
    ///
    /// Whatever the storage reports.
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError>;
}

/// Something another writer (another tab) does to the storage.
type Interloper = Box<dyn FnOnce(&mut BTreeMap<String, String>)>;

/// A storage in memory that fails on demand: full after a number of characters, full for
/// keys with a prefix, unavailable, failing reads, or with another writer stepping in just
/// after the next read (what a second tab does between this tab's read and its write).
///
/// Like browsers, it counts the characters of keys and values against its capacity, and a
/// write that would go over it fails with [`StorageError::QuotaExceeded`] and changes
/// nothing; a write that makes a value smaller always fits.
#[derive(Default)]
pub struct MemoryKv {
    items: RefCell<BTreeMap<String, String>>,
    capacity: Cell<Option<usize>>,
    unavailable: Cell<bool>,
    failing_reads: Cell<bool>,
    full_prefix: RefCell<Option<String>>,
    after_next_read: RefCell<Option<Interloper>>,
    writes: Cell<usize>,
}

impl MemoryKv {
    /// An empty storage with no limits.
    #[must_use]
    pub fn new() -> MemoryKv {
        MemoryKv::default()
    }

    /// A storage holding `items`.
    #[must_use]
    pub fn with(items: &[(&str, &str)]) -> MemoryKv {
        let kv = MemoryKv::new();
        for (key, value) in items {
            kv.set(key, value);
        }
        kv
    }

    /// Full after this many characters of keys and values in all (`None`: no limit).
    pub fn set_capacity(&self, characters: Option<usize>) {
        self.capacity.set(characters);
    }

    /// Makes the storage full at exactly what it holds now: any write that grows it fails.
    pub fn fill(&self) {
        self.capacity.set(Some(self.used()));
    }

    /// Every call fails with [`StorageError::Unavailable`] while `true`.
    pub fn set_unavailable(&self, unavailable: bool) {
        self.unavailable.set(unavailable);
    }

    /// Reads fail with [`StorageError::Other`] while `true`.
    pub fn set_failing_reads(&self, failing: bool) {
        self.failing_reads.set(failing);
    }

    /// Writes to keys starting with `prefix` fail as a full storage would (`None`: none do).
    pub fn set_full_for(&self, prefix: Option<&str>) {
        *self.full_prefix.borrow_mut() = prefix.map(str::to_owned);
    }

    /// Runs `change` on the stored items just after the next read returns (once): another
    /// tab saving between this tab's read and its write.
    pub fn after_next_read(&self, change: impl FnOnce(&mut BTreeMap<String, String>) + 'static) {
        *self.after_next_read.borrow_mut() = Some(Box::new(change));
    }

    /// The text under `key`, read directly (no failures).
    #[must_use]
    pub fn get(&self, key: &str) -> Option<String> {
        self.items.borrow().get(key).cloned()
    }

    /// Stores `value` under `key` directly (no limits, no failures): another tab's write.
    pub fn set(&self, key: &str, value: &str) {
        self.items
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
    }

    /// Every stored key, sorted.
    #[must_use]
    pub fn keys(&self) -> Vec<String> {
        self.items.borrow().keys().cloned().collect()
    }

    /// Characters of keys and values stored in all.
    #[must_use]
    pub fn used(&self) -> usize {
        self.items
            .borrow()
            .iter()
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum()
    }

    /// How many writes succeeded so far.
    #[must_use]
    pub fn writes(&self) -> usize {
        self.writes.get()
    }

    fn check(&self) -> Result<(), StorageError> {
        if self.unavailable.get() {
            Err(StorageError::Unavailable)
        } else {
            Ok(())
        }
    }
}

impl Kv for MemoryKv {
    fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.check()?;
        if self.failing_reads.get() {
            return Err(StorageError::Other("reading failed".to_owned()));
        }
        let value = self.get(key);
        let interloper = self.after_next_read.borrow_mut().take();
        if let Some(change) = interloper {
            change(&mut self.items.borrow_mut());
        }
        Ok(value)
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.check()?;
        if self
            .full_prefix
            .borrow()
            .as_deref()
            .is_some_and(|p| key.starts_with(p))
        {
            return Err(StorageError::QuotaExceeded);
        }
        if let Some(capacity) = self.capacity.get() {
            let old = self
                .items
                .borrow()
                .get(key)
                .map_or(0, |v| key.chars().count() + v.chars().count());
            let new = key.chars().count() + value.chars().count();
            if new > old && self.used() - old + new > capacity {
                return Err(StorageError::QuotaExceeded);
            }
        }
        self.set(key, value);
        self.writes.set(self.writes.get() + 1);
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.check()?;
        self.items.borrow_mut().remove(key);
        Ok(())
    }

    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        self.check()?;
        Ok(self
            .items
            .borrow()
            .keys()
            .filter(|k| k.starts_with(prefix))
            .cloned()
            .collect())
    }
}
