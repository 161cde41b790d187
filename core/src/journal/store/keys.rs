//! Where one deployment of the app keeps its journal, and the one-time move from the key every
//! deployment used to share. Pure: storage is reached through the [`Kv`] trait, so every
//! branch is tested natively.
//!
//! `localStorage` belongs to an origin, not to a path, so two copies of the app on one origin
//! (a project site and its staging copy on the same GitHub Pages account, say) used to read
//! and write the same `aftercare.journal`. Each copy now has keys of its own, named after its
//! base path (the pages' `<base href>` resolved to an absolute path, "/" or "/aftercare/").
//!
//! **Adopting the old key.** On start, when this deployment's journal key is empty and the old
//! shared key holds data, the old journal and its safety copies are copied to this
//! deployment's keys, each copy is read back and compared, and only then are the old keys
//! removed. If any copy fails (storage full: the move briefly needs twice the room), the new
//! copies are dropped and this session works from the old keys; the next start tries again.
//! Nothing is removed unless its copy read back identical and the original still holds what
//! was copied.
//!
//! **Two deployments, one old key: the first to open its journal takes it.** The old key held
//! one journal that every copy on the origin showed, and there is no telling which copy its
//! entries were meant for; the first deployment whose journal page opens moves it, and the
//! others start empty. Two opening at the very same moment may both end up with a copy;
//! neither loses anything.

use super::kv::Kv;

/// The key every deployment used before keys carried the base path.
pub const LEGACY_JOURNAL: &str = "aftercare.journal";
/// The prefix of the old shared safety copies: `aftercare.journal.backup.<kind>.<ms>`.
pub const LEGACY_BACKUP_PREFIX: &str = "aftercare.journal.backup.";

/// The storage keys of one deployment's journal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    /// The journal itself.
    pub journal: String,
    /// The prefix of its safety copies, followed by `<kind>.<ms>`.
    pub backup_prefix: String,
}

impl Keys {
    /// The keys of the deployment at `base` (an absolute path, see [`base_path`]):
    /// `aftercare.journal@/aftercare/` and `aftercare.journal@/aftercare/#backup.<kind>.<ms>`.
    ///
    /// A URL path never holds a literal `#`, so no deployment's backup prefix is the start of
    /// another's key ("/" and "/a/" give `…@/#backup.` and `…@/a/#backup.`), and none starts
    /// with the old shared prefix (`aftercare.journal.`).
    #[must_use]
    pub fn for_base(base: &str) -> Keys {
        let base = base_path(base);
        Keys {
            journal: format!("{LEGACY_JOURNAL}@{base}"),
            backup_prefix: format!("{LEGACY_JOURNAL}@{base}#backup."),
        }
    }

    /// The old keys shared by every deployment on the origin.
    #[must_use]
    pub fn legacy() -> Keys {
        Keys {
            journal: LEGACY_JOURNAL.to_owned(),
            backup_prefix: LEGACY_BACKUP_PREFIX.to_owned(),
        }
    }

    /// Whether `key` is this journal's or one of its safety copies.
    #[must_use]
    pub fn owns(&self, key: &str) -> bool {
        key == self.journal || key.starts_with(&self.backup_prefix)
    }
}

/// The directory part of a URL path: `pathname` without its query or fragment, up to and
/// including its last `/` ("/aftercare/index.html" → "/aftercare/", "" → "/"). Relative links
/// resolve against that directory, so it names the deployment.
#[must_use]
pub fn base_path(pathname: &str) -> String {
    let path = pathname.split(['?', '#']).next().unwrap_or("");
    let directory = path.rfind('/').map_or("", |end| &path[..=end]);
    if directory.starts_with('/') {
        directory.to_owned()
    } else {
        format!("/{directory}")
    }
}

/// A file name for downloading what is stored under `key`: letters and digits, with a dash
/// for each run of anything else ("aftercare.journal@/a/#backup.damaged.1" →
/// "aftercare-journal-a-backup-damaged-1.json").
#[must_use]
pub fn file_name(key: &str) -> String {
    let mut name = String::with_capacity(key.len() + 5);
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c);
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    format!("{}.json", if name.is_empty() { "aftercare" } else { name })
}

/// What [`adopt`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Adoption {
    /// Nothing to move: this deployment already has a journal, or the old keys are empty.
    Nothing,
    /// The old journal and this many safety copies moved to this deployment's keys.
    Moved {
        /// Safety copies moved with the journal.
        backups: usize,
    },
    /// A copy could not be made or did not read back identical: the old keys are kept and
    /// this session works from them.
    KeptOld,
}

/// Moves the old shared journal (and its safety copies) to `keys` once, if `keys` has no
/// journal yet; returns the keys to work from this session (see the module doc) and what
/// happened.
pub fn adopt(storage: &impl Kv, keys: &Keys) -> (Keys, Adoption) {
    let legacy = Keys::legacy();
    if *keys == legacy {
        return (legacy, Adoption::Nothing);
    }
    // This deployment has a journal already (or storage cannot say): leave the old key alone.
    if !matches!(storage.read(&keys.journal), Ok(None)) {
        return (keys.clone(), Adoption::Nothing);
    }
    let Ok(old_journal) = storage.read(&legacy.journal) else {
        return (keys.clone(), Adoption::Nothing);
    };
    let Ok(old_backups) = storage.keys_with_prefix(&legacy.backup_prefix) else {
        // The old safety copies cannot be listed, so they cannot be moved with the journal.
        return if old_journal.is_some() {
            (legacy, Adoption::KeptOld)
        } else {
            (keys.clone(), Adoption::Nothing)
        };
    };
    if old_journal.is_none() && old_backups.is_empty() {
        return (keys.clone(), Adoption::Nothing);
    }
    let mut moves = Vec::with_capacity(old_backups.len() + 1);
    if old_journal.is_some() {
        moves.push((legacy.journal.clone(), keys.journal.clone()));
    }
    for old in old_backups {
        if let Some(rest) = old.strip_prefix(&legacy.backup_prefix) {
            let new = format!("{}{rest}", keys.backup_prefix);
            moves.push((old, new));
        }
    }
    // Copy everything and read every copy back before removing anything.
    let mut copied: Vec<(String, String, String)> = Vec::with_capacity(moves.len());
    for (old, new) in moves {
        match copy(storage, &old, &new) {
            Ok(Some(text)) => copied.push((old, new, text)),
            Ok(None) => {}
            Err(()) => {
                for (old, new, text) in &copied {
                    // Drop a copy only while its original is still there, unchanged.
                    if holds(storage, old, text) {
                        let _ = storage.remove(new);
                    }
                }
                return (legacy, Adoption::KeptOld);
            }
        }
    }
    let backups = copied
        .iter()
        .filter(|(old, ..)| *old != legacy.journal)
        .count();
    for (old, _, text) in &copied {
        // Another tab of an older version may have written since: then the original stays.
        if holds(storage, old, text) {
            let _ = storage.remove(old);
        }
    }
    (keys.clone(), Adoption::Moved { backups })
}

/// Whether `key` holds exactly `text` now.
fn holds(storage: &impl Kv, key: &str, text: &str) -> bool {
    matches!(storage.read(key), Ok(Some(now)) if now == text)
}

/// Copies `old` to `new` and reads the copy back: the text copied, `None` when `old` was empty
/// by now, `Err` when the copy failed or differs (or `new` already held something else).
fn copy(storage: &impl Kv, old: &str, new: &str) -> Result<Option<String>, ()> {
    let Some(text) = storage.read(old).map_err(|_| ())? else {
        return Ok(None);
    };
    match storage.read(new).map_err(|_| ())? {
        Some(there) if there == text => return Ok(Some(text)),
        Some(_) => return Err(()),
        None => {}
    }
    storage.write(new, &text).map_err(|_| ())?;
    if holds(storage, new, &text) {
        Ok(Some(text))
    } else {
        Err(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::kv::MemoryKv;
    use super::*;

    #[track_caller]
    fn check_base(pathname: &str, expected: &str) {
        assert_eq!(base_path(pathname), expected, "base of {pathname:?}");
    }

    #[test]
    fn base_path_is_the_directory() {
        check_base("/", "/");
        check_base("", "/");
        check_base("/aftercare/", "/aftercare/");
        check_base("/aftercare/index.html", "/aftercare/");
        check_base("/aftercare", "/");
        check_base("/a/b/?q=x#y", "/a/b/");
        check_base("/a/b#c/d", "/a/");
        check_base("a/", "/a/");
    }

    #[test]
    fn each_base_has_its_own_keys() {
        let root = Keys::for_base("/");
        let project = Keys::for_base("/aftercare/");
        let staging = Keys::for_base("/aftercare-staging/");
        assert_eq!(root.journal, "aftercare.journal@/");
        assert_eq!(project.journal, "aftercare.journal@/aftercare/");
        assert_eq!(
            project.backup_prefix,
            "aftercare.journal@/aftercare/#backup."
        );
        let all = [&root, &project, &staging];
        for a in all {
            assert!(!Keys::legacy().owns(&a.journal), "{a:?}");
            assert!(!a.journal.starts_with(LEGACY_BACKUP_PREFIX));
            for b in all {
                if a != b {
                    assert!(!a.owns(&b.journal), "{a:?} owns {b:?}");
                    assert!(!a.owns(&format!("{}older-version.1", b.backup_prefix)));
                }
            }
            assert!(a.owns(&format!("{}damaged.1", a.backup_prefix)));
        }
    }

    #[test]
    fn file_names_are_plain() {
        assert_eq!(file_name("aftercare.journal"), "aftercare-journal.json");
        assert_eq!(
            file_name("aftercare.journal@/a/#backup.damaged.17"),
            "aftercare-journal-a-backup-damaged-17.json"
        );
        assert_eq!(file_name("@/"), "aftercare.json");
    }

    #[test]
    fn nothing_stored_nothing_moved() {
        let storage = MemoryKv::new();
        let keys = Keys::for_base("/a/");
        assert_eq!(adopt(&storage, &keys), (keys, Adoption::Nothing));
        assert!(storage.keys().is_empty());
    }

    #[test]
    fn the_old_journal_and_its_copies_move_once() {
        let storage = MemoryKv::with(&[
            ("aftercare.journal", "J"),
            ("aftercare.journal.backup.damaged.5", "B"),
            ("aftercare.region", "uk"),
        ]);
        let a = Keys::for_base("/a/");
        assert_eq!(
            adopt(&storage, &a),
            (a.clone(), Adoption::Moved { backups: 1 })
        );
        assert_eq!(storage.get("aftercare.journal@/a/").as_deref(), Some("J"));
        assert_eq!(
            storage
                .get("aftercare.journal@/a/#backup.damaged.5")
                .as_deref(),
            Some("B")
        );
        assert_eq!(storage.get("aftercare.journal"), None);
        assert_eq!(storage.get("aftercare.journal.backup.damaged.5"), None);
        assert_eq!(storage.get("aftercare.region").as_deref(), Some("uk"));
        // The second start, and another deployment opening later, find nothing to move.
        assert_eq!(adopt(&storage, &a), (a, Adoption::Nothing));
        let b = Keys::for_base("/b/");
        assert_eq!(adopt(&storage, &b), (b, Adoption::Nothing));
        assert_eq!(storage.get("aftercare.journal@/b/"), None);
    }

    #[test]
    fn a_journal_of_its_own_leaves_the_old_key_alone() {
        let storage = MemoryKv::with(&[
            ("aftercare.journal@/a/", "mine"),
            ("aftercare.journal", "old"),
        ]);
        let a = Keys::for_base("/a/");
        assert_eq!(adopt(&storage, &a), (a, Adoption::Nothing));
        assert_eq!(storage.get("aftercare.journal").as_deref(), Some("old"));
        assert_eq!(
            storage.get("aftercare.journal@/a/").as_deref(),
            Some("mine")
        );
    }

    #[test]
    fn a_failed_copy_keeps_the_old_keys_and_works_from_them() {
        // The journal fits, its safety copy does not: nothing is removed, the new journal copy
        // is dropped so the next start tries again, and this session uses the old keys.
        let storage = MemoryKv::with(&[
            ("aftercare.journal", "J"),
            ("aftercare.journal.backup.damaged.5", "B"),
        ]);
        storage.set_full_for(Some("aftercare.journal@/a/#"));
        let a = Keys::for_base("/a/");
        assert_eq!(adopt(&storage, &a), (Keys::legacy(), Adoption::KeptOld));
        assert_eq!(
            storage.keys(),
            ["aftercare.journal", "aftercare.journal.backup.damaged.5"]
        );
        // With room again, the next start moves everything.
        storage.set_full_for(None);
        assert_eq!(
            adopt(&storage, &a),
            (a.clone(), Adoption::Moved { backups: 1 })
        );
        assert_eq!(
            storage.keys(),
            [
                "aftercare.journal@/a/",
                "aftercare.journal@/a/#backup.damaged.5"
            ]
        );
    }

    #[test]
    fn a_full_storage_keeps_the_old_journal() {
        let storage = MemoryKv::with(&[("aftercare.journal", "J")]);
        storage.set_full_for(Some("aftercare.journal@"));
        let a = Keys::for_base("/a/");
        assert_eq!(adopt(&storage, &a), (Keys::legacy(), Adoption::KeptOld));
        assert_eq!(storage.keys(), ["aftercare.journal"]);
    }

    #[test]
    fn old_safety_copies_alone_move_too() {
        let storage = MemoryKv::with(&[("aftercare.journal.backup.unreadable.9", "x")]);
        let a = Keys::for_base("/");
        assert_eq!(adopt(&storage, &a), (a, Adoption::Moved { backups: 1 }));
        assert_eq!(storage.keys(), ["aftercare.journal@/#backup.unreadable.9"]);
    }

    #[test]
    fn a_different_copy_already_there_is_never_overwritten() {
        let storage = MemoryKv::with(&[
            ("aftercare.journal", "J"),
            ("aftercare.journal.backup.damaged.5", "B"),
            ("aftercare.journal@/a/#backup.damaged.5", "other"),
        ]);
        let a = Keys::for_base("/a/");
        assert_eq!(adopt(&storage, &a), (Keys::legacy(), Adoption::KeptOld));
        assert_eq!(
            storage
                .get("aftercare.journal@/a/#backup.damaged.5")
                .as_deref(),
            Some("other")
        );
        assert_eq!(storage.get("aftercare.journal").as_deref(), Some("J"));
        assert_eq!(storage.get("aftercare.journal@/a/"), None);
    }
}
