//! The journal store's rules against an in-memory storage that fails on demand: every branch
//! of reading, saving, backing up, merging other tabs' writes, full and missing storage,
//! migrations, edit conflicts, imports and their undo.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod journal_support;

use aftercare_core::journal::store::{
    Change, Conflict, Done, Keys, Kv, MemoryKv, Mode, Notice, SaveError, StorageError, Store,
    MAKE_ROOM,
};
use aftercare_core::journal::{self, preview_import, Entry, EntryId, Journal, LoadOutcome};
use journal_support::{entry, with_notes};

const NOW: i64 = 1_700_000_000_000;
const BASE: &str = "/a/";

fn keys() -> Keys {
    Keys::for_base(BASE)
}

fn e(id: &str) -> Entry {
    entry(id, "2024-03-01T21:30", 3, &["fatigue"])
}

fn id(text: &str) -> EntryId {
    EntryId::parse(text).unwrap()
}

/// A tab: its store and the journal it shows, opened on `kv`.
struct Tab {
    store: Store,
    journal: Journal,
}

impl Tab {
    fn open(kv: &MemoryKv) -> Tab {
        let (mut store, _) = Store::open(kv, BASE);
        let mut journal = Journal::new();
        store.reload(kv, &mut journal, true, NOW);
        Tab { store, journal }
    }

    fn commit(&mut self, kv: &MemoryKv, change: Change) -> Result<Done, SaveError> {
        self.store.commit(kv, &mut self.journal, change, NOW)
    }

    fn ids(&self) -> Vec<String> {
        self.journal
            .entries()
            .iter()
            .map(|e| e.id.as_str().to_owned())
            .collect()
    }
}

/// The entry ids stored in `kv` now.
fn stored_ids(kv: &MemoryKv) -> Vec<String> {
    let raw = kv.get(&keys().journal).expect("a stored journal");
    match journal::load(&raw) {
        LoadOutcome::Ok(j) => j
            .entries()
            .iter()
            .map(|e| e.id.as_str().to_owned())
            .collect(),
        other => panic!("stored journal does not load: {other:?}"),
    }
}

fn stored(kv: &MemoryKv, entries: &[Entry]) {
    kv.set(
        &keys().journal,
        &journal::save(&Journal::from_entries(entries.to_vec())),
    );
}

fn backups_of_kind(kv: &MemoryKv, kind: &str) -> Vec<String> {
    kv.keys_with_prefix(&format!("{}{kind}.", keys().backup_prefix))
        .unwrap()
}

/// A current-format journal with one good entry ("good-1") and one unreadable one.
fn damaged() -> String {
    let good = journal::save(&Journal::from_entries(vec![e("good-1")]));
    good.replacen(
        "\"entries\":[",
        "\"entries\":[{\"id\":\"bad-1\",\"severity\":\"very\"},",
        1,
    )
}

#[test]
fn nothing_stored_starts_empty_and_the_first_save_stores() {
    let kv = MemoryKv::new();
    let mut tab = Tab::open(&kv);
    assert_eq!(tab.store.mode(), Mode::Stored);
    assert!(tab.journal.is_empty());
    assert_eq!(tab.store.notice(), None);
    assert_eq!(tab.commit(&kv, Change::Add(e("one"))), Ok(Done::Added));
    assert_eq!(stored_ids(&kv), ["one"]);
    // Another tab opening now reads it.
    assert_eq!(Tab::open(&kv).ids(), ["one"]);
}

#[test]
fn two_tabs_adding_keep_both_entries() {
    let kv = MemoryKv::new();
    let mut a = Tab::open(&kv);
    let mut b = Tab::open(&kv);
    a.commit(&kv, Change::Add(e("from-a"))).unwrap();
    // B has not reloaded: its save starts from what storage holds now.
    b.commit(&kv, Change::Add(e("from-b"))).unwrap();
    assert_eq!(stored_ids(&kv), ["from-a", "from-b"]);
    assert_eq!(b.ids(), ["from-a", "from-b"]);
    // A's reload (the storage event) shows B's entry.
    assert!(a.store.reload(&kv, &mut a.journal, false, NOW));
    assert_eq!(a.ids(), ["from-a", "from-b"]);
}

#[test]
fn another_writer_between_read_and_write_is_not_overwritten() {
    let kv = MemoryKv::new();
    let mut a = Tab::open(&kv);
    let key = keys().journal;
    let theirs = journal::save(&Journal::from_entries(vec![e("theirs")]));
    kv.after_next_read(move |items| {
        items.insert(key, theirs);
    });
    a.commit(&kv, Change::Add(e("mine"))).unwrap();
    assert_eq!(stored_ids(&kv), ["theirs", "mine"]);
}

#[test]
fn a_tab_that_keeps_no_copy_never_reparses_unchanged_storage() {
    let kv = MemoryKv::new();
    let mut a = Tab::open(&kv);
    a.commit(&kv, Change::Add(e("one"))).unwrap();
    // Storage holds what this tab wrote: a reload changes nothing.
    assert!(!a.store.reload(&kv, &mut a.journal, false, NOW));
}

#[test]
fn an_edit_of_an_entry_changed_elsewhere_asks_instead_of_overwriting() {
    let kv = MemoryKv::new();
    stored(&kv, &[e("one")]);
    let mut a = Tab::open(&kv);
    let mut b = Tab::open(&kv);
    let seen = a.journal.get(&id("one")).unwrap().updated_ms;
    // B edits first.
    let theirs = with_notes(e("one"), "from b");
    b.commit(
        &kv,
        Change::Edit {
            entry: theirs,
            seen_ms: Some(seen),
        },
    )
    .unwrap();
    // A's edit, opened before B's, is refused and hands back B's version.
    let mine = with_notes(e("one"), "from a");
    let refused = a.commit(
        &kv,
        Change::Edit {
            entry: mine.clone(),
            seen_ms: Some(seen),
        },
    );
    let Err(SaveError::Conflict(Conflict::Changed(current))) = refused else {
        panic!("expected a conflict, got {refused:?}");
    };
    assert_eq!(current.notes, "from b");
    assert_eq!(a.journal.get(&id("one")).unwrap().notes, "from b");
    let text = SaveError::Conflict(Conflict::Changed(current.clone())).to_string();
    assert!(text.contains("changed in another tab"), "{text}");
    // The person chooses theirs over it: saved.
    a.commit(
        &kv,
        Change::Edit {
            entry: mine,
            seen_ms: Some(current.updated_ms),
        },
    )
    .unwrap();
    let raw = kv.get(&keys().journal).unwrap();
    assert!(raw.contains("from a") && !raw.contains("from b"));
}

#[test]
fn an_edit_of_an_entry_deleted_elsewhere_asks_too() {
    let kv = MemoryKv::new();
    stored(&kv, &[e("one")]);
    let mut a = Tab::open(&kv);
    let mut b = Tab::open(&kv);
    b.commit(&kv, Change::Remove(id("one"))).unwrap();
    let refused = a.commit(
        &kv,
        Change::Edit {
            entry: with_notes(e("one"), "mine"),
            seen_ms: Some(1_000),
        },
    );
    assert_eq!(refused, Err(SaveError::Conflict(Conflict::Deleted)));
    // Saving it as an entry again keeps it.
    a.commit(&kv, Change::Add(with_notes(e("one"), "mine")))
        .unwrap();
    assert_eq!(stored_ids(&kv), ["one"]);
}

#[test]
fn a_full_storage_saves_nothing_and_shows_what_is_stored() {
    let kv = MemoryKv::new();
    stored(&kv, &[e("one")]);
    let mut a = Tab::open(&kv);
    let before = kv.get(&keys().journal);
    kv.fill();
    let refused = a.commit(
        &kv,
        Change::Add(with_notes(e("two"), "long enough to grow")),
    );
    assert_eq!(
        refused,
        Err(SaveError::Storage(StorageError::QuotaExceeded))
    );
    assert_eq!(kv.get(&keys().journal), before);
    assert_eq!(a.ids(), ["one"]);
    let text = refused.unwrap_err().to_string();
    assert!(text.contains("full") && text.contains(MAKE_ROOM), "{text}");
    // Deleting still works: it only shrinks the data.
    assert!(matches!(
        a.commit(&kv, Change::Remove(id("one"))),
        Ok(Done::Removed(_))
    ));
    assert!(stored_ids(&kv).is_empty());
}

#[test]
fn storage_that_goes_away_keeps_the_journal_in_the_page() {
    let kv = MemoryKv::new();
    stored(&kv, &[e("one")]);
    let mut a = Tab::open(&kv);
    kv.set_unavailable(true);
    assert_eq!(
        a.commit(&kv, Change::Add(e("two"))),
        Err(SaveError::Storage(StorageError::Unavailable))
    );
    assert_eq!(a.ids(), ["one"]);
    // A reload finds no storage: the store keeps working in memory, nothing is lost.
    a.store.reload(&kv, &mut a.journal, false, NOW);
    assert_eq!(a.store.mode(), Mode::Memory);
    a.commit(&kv, Change::Add(e("two"))).unwrap();
    assert_eq!(a.ids(), ["one", "two"]);
    kv.set_unavailable(false);
    assert_eq!(stored_ids(&kv), ["one"]);
}

#[test]
fn no_storage_at_all_works_in_memory() {
    let kv = MemoryKv::new();
    kv.set_unavailable(true);
    let mut store = Store::in_memory();
    let mut journal = Journal::new();
    assert!(!store.reload(&kv, &mut journal, true, NOW));
    store
        .commit(&kv, &mut journal, Change::Add(e("one")), NOW)
        .unwrap();
    assert_eq!(journal.len(), 1);
    store.delete_all(&kv, &mut journal, NOW).unwrap();
    assert!(journal.is_empty());
}

#[test]
fn a_failing_read_changes_nothing() {
    let kv = MemoryKv::new();
    stored(&kv, &[e("one")]);
    let mut a = Tab::open(&kv);
    kv.set_failing_reads(true);
    assert!(!a.store.reload(&kv, &mut a.journal, false, NOW));
    assert_eq!(a.ids(), ["one"]);
    assert!(matches!(
        a.commit(&kv, Change::Add(e("two"))),
        Err(SaveError::Storage(StorageError::Other(_)))
    ));
    kv.set_failing_reads(false);
    assert_eq!(stored_ids(&kv), ["one"]);
}

#[test]
fn damaged_data_is_copied_before_it_is_saved_over_and_its_entries_are_kept() {
    let kv = MemoryKv::new();
    kv.set(&keys().journal, &damaged());
    let mut a = Tab::open(&kv);
    assert_eq!(a.ids(), ["good-1"]);
    let notice = a.store.notice().unwrap().clone();
    assert_eq!(notice.notice, Notice::SomeUnreadable { unreadable: 1 });
    // The notice is about the copy, which holds exactly the text that was stored.
    let copies = backups_of_kind(&kv, "damaged");
    assert_eq!(copies, std::slice::from_ref(&notice.key));
    assert_eq!(kv.get(&notice.key), Some(damaged()));
    assert_eq!(a.store.unread().unwrap().entries, Some(1));
    a.commit(&kv, Change::Add(e("new"))).unwrap();
    // The unreadable entry is still in the stored journal, as it was.
    let raw = kv.get(&keys().journal).unwrap();
    assert!(raw.contains("\"severity\":\"very\""), "{raw}");
    // Reloading the same damaged text again does not make a second copy.
    kv.set(&keys().journal, &damaged());
    let again = Tab::open(&kv);
    assert_eq!(backups_of_kind(&kv, "damaged").len(), 1);
    assert_eq!(again.store.notice().unwrap().key, notice.key);
}

#[test]
fn when_the_copy_does_not_fit_only_deleting_is_saved() {
    let kv = MemoryKv::new();
    kv.set(&keys().journal, &damaged());
    kv.set_full_for(Some(&keys().backup_prefix));
    let mut a = Tab::open(&kv);
    let notice = a.store.notice().unwrap().clone();
    assert_eq!(
        notice.notice,
        Notice::BackupFailed(StorageError::QuotaExceeded)
    );
    // The notice's download is the stored journal itself: no copy exists.
    assert_eq!(notice.key, keys().journal);
    let refused = a.commit(&kv, Change::Add(e("new")));
    assert_eq!(refused, Err(SaveError::Backup(StorageError::QuotaExceeded)));
    assert_eq!(kv.get(&keys().journal), Some(damaged()));
    assert!(refused.unwrap_err().to_string().contains(MAKE_ROOM));
    // Deleting goes ahead, and the unreadable entry stays in what is saved.
    assert!(matches!(
        a.commit(&kv, Change::Remove(id("good-1"))),
        Ok(Done::Removed(_))
    ));
    let raw = kv.get(&keys().journal).unwrap();
    assert!(!raw.contains("good-1") && raw.contains("bad-1"), "{raw}");
    assert!(a.store.backup_pending());
    // With room again, the next save writes the owed copy first.
    kv.set_full_for(None);
    a.commit(&kv, Change::Add(e("new"))).unwrap();
    assert_eq!(backups_of_kind(&kv, "damaged").len(), 1);
    assert!(!a.store.backup_pending());
    assert_eq!(a.store.notice(), None);
}

#[test]
fn text_that_is_not_a_journal_is_never_saved_over_without_its_copy() {
    let kv = MemoryKv::new();
    kv.set(&keys().journal, "{not json");
    kv.set_full_for(Some(&keys().backup_prefix));
    let mut a = Tab::open(&kv);
    assert!(a.journal.is_empty());
    assert!(a.store.unread().unwrap().entries.is_none());
    assert!(a.commit(&kv, Change::Add(e("new"))).is_err());
    assert_eq!(kv.get(&keys().journal).as_deref(), Some("{not json"));
    kv.set_full_for(None);
    a.commit(&kv, Change::Add(e("new"))).unwrap();
    let copies = backups_of_kind(&kv, "unreadable");
    assert_eq!(copies.len(), 1);
    assert_eq!(kv.get(&copies[0]).as_deref(), Some("{not json"));
    // Unread now points at the copy.
    assert_eq!(a.store.unread().unwrap().key, copies[0]);
}

#[test]
fn an_older_version_is_kept_as_it_was_then_converted() {
    let kv = MemoryKv::new();
    let old = journal_support::fixture("v0-legacy.json");
    kv.set(&keys().journal, &old);
    let mut a = Tab::open(&kv);
    assert!(matches!(
        a.store.notice().unwrap().notice,
        Notice::Migrated { from: 0, .. }
    ));
    let copies = backups_of_kind(&kv, "older-version");
    assert_eq!(copies.len(), 1);
    assert_eq!(kv.get(&copies[0]), Some(old));
    let before = a.journal.len();
    a.commit(&kv, Change::Add(e("new-after-migration")))
        .unwrap();
    assert_eq!(stored_ids(&kv).len(), before + 1);
}

#[test]
fn a_newer_version_is_shown_and_never_written() {
    let kv = MemoryKv::new();
    let newer = r#"{"app":"aftercare","kind":"journal","version":99,"entries":[]}"#;
    kv.set(&keys().journal, newer);
    let mut a = Tab::open(&kv);
    assert_eq!(a.store.mode(), Mode::ReadOnly(99));
    assert_eq!(a.commit(&kv, Change::Add(e("x"))), Err(SaveError::ReadOnly));
    assert_eq!(kv.get(&keys().journal).as_deref(), Some(newer));
    assert_eq!(kv.writes(), 0);
    assert!(a.store.unread().unwrap().newer);
}

#[test]
fn another_tab_of_a_newer_version_saving_makes_this_one_read_only() {
    let kv = MemoryKv::new();
    let mut a = Tab::open(&kv);
    let newer = r#"{"app":"aftercare","kind":"journal","version":2,"entries":[]}"#;
    kv.set(&keys().journal, newer);
    assert_eq!(a.commit(&kv, Change::Add(e("x"))), Err(SaveError::ReadOnly));
    assert_eq!(a.store.mode(), Mode::ReadOnly(2));
    assert_eq!(kv.get(&keys().journal).as_deref(), Some(newer));
}

#[test]
fn delete_all_removes_the_journal_and_every_copy_and_nothing_else() {
    let kv = MemoryKv::new();
    kv.set(&keys().journal, &damaged());
    kv.set("aftercare.region", "uk");
    kv.set(&Keys::for_base("/other/").journal, "theirs");
    let mut a = Tab::open(&kv);
    assert_eq!(a.store.backups().len(), 1);
    a.store.delete_all(&kv, &mut a.journal, NOW).unwrap();
    assert!(a.journal.is_empty());
    assert!(a.store.backups().is_empty());
    assert_eq!(a.store.notice(), None);
    assert_eq!(a.store.unread(), None);
    assert_eq!(kv.keys(), ["aftercare.journal@/other/", "aftercare.region"]);
}

#[test]
fn one_copy_can_be_removed_on_its_own() {
    let kv = MemoryKv::new();
    let prefix = keys().backup_prefix;
    kv.set(&format!("{prefix}damaged.1"), "first");
    kv.set(&format!("{prefix}damaged.2"), "second");
    let mut a = Tab::open(&kv);
    assert_eq!(a.store.backups().len(), 2);
    a.store
        .remove_backup(&kv, &format!("{prefix}damaged.1"))
        .unwrap();
    assert_eq!(kv.keys(), [format!("{prefix}damaged.2")]);
    assert_eq!(a.store.backups().len(), 1);
    // Only this journal's copies: the journal itself and other keys are refused.
    assert!(a.store.remove_backup(&kv, &keys().journal).is_err());
    assert!(a.store.remove_backup(&kv, "aftercare.region").is_err());
}

#[test]
fn removing_the_copy_a_notice_is_about_clears_that_notice() {
    let kv = MemoryKv::new();
    kv.set(&keys().journal, "{not json");
    let mut a = Tab::open(&kv);
    let key = a.store.notice().unwrap().key.clone();
    a.store.remove_backup(&kv, &key).unwrap();
    assert_eq!(a.store.notice(), None);
    assert_eq!(a.store.unread(), None);
}

#[test]
fn copies_made_in_the_same_millisecond_never_overwrite_each_other() {
    let kv = MemoryKv::new();
    kv.set(&keys().journal, "first unreadable");
    let _ = Tab::open(&kv);
    kv.set(&keys().journal, "second unreadable");
    let _ = Tab::open(&kv);
    let copies = backups_of_kind(&kv, "unreadable");
    assert_eq!(copies.len(), 2);
    let texts: Vec<_> = copies.iter().map(|k| kv.get(k).unwrap()).collect();
    assert!(texts.contains(&"first unreadable".to_owned()));
    assert!(texts.contains(&"second unreadable".to_owned()));
}

/// An export file holding `entries`, as `export_json` writes it.
fn file(entries: &[Entry]) -> String {
    journal::export_json(&Journal::from_entries(entries.to_vec()), false)
}

fn newer(mut entry: Entry, notes: &str) -> Entry {
    notes.clone_into(&mut entry.notes);
    entry.updated_ms = 5_000;
    entry
}

#[test]
fn an_import_keeps_the_versions_it_replaces_and_can_be_undone() {
    let kv = MemoryKv::new();
    stored(&kv, &[with_notes(e("one"), "mine"), e("two")]);
    let mut a = Tab::open(&kv);
    let raw = file(&[newer(e("one"), "from the file"), e("three")]);
    let preview = preview_import(&a.journal, &raw, NOW).unwrap();
    let Ok(Done::Imported {
        added,
        updated,
        undo,
    }) = a.commit(&kv, Change::Import(preview))
    else {
        panic!("import failed");
    };
    assert_eq!((added, updated), (1, 1));
    assert_eq!(stored_ids(&kv), ["one", "two", "three"]);
    // The replaced version is kept as an importable file.
    let copy = undo.copy_key().unwrap().to_owned();
    assert!(copy.starts_with(&format!("{}replaced.", keys().backup_prefix)));
    let kept = kv.get(&copy).unwrap();
    let back = preview_import(&Journal::new(), &kept, NOW).unwrap();
    assert_eq!(back.to_add.len(), 1);
    assert_eq!(back.to_add[0].notes, "mine");
    // Undo takes out what was added and puts back what was replaced.
    let undone = a.commit(&kv, Change::UndoImport(undo)).unwrap();
    assert_eq!(
        undone,
        Done::ImportUndone {
            removed: 1,
            restored: 1,
            kept: 0
        }
    );
    assert_eq!(stored_ids(&kv), ["one", "two"]);
    assert_eq!(a.journal.get(&id("one")).unwrap().notes, "mine");
}

#[test]
fn undoing_an_import_leaves_entries_changed_since() {
    let kv = MemoryKv::new();
    stored(&kv, &[e("one")]);
    let mut a = Tab::open(&kv);
    let raw = file(&[newer(e("one"), "file"), e("two")]);
    let preview = preview_import(&a.journal, &raw, NOW).unwrap();
    let Ok(Done::Imported { undo, .. }) = a.commit(&kv, Change::Import(preview)) else {
        panic!("import failed");
    };
    // Another tab edits both afterwards.
    let mut b = Tab::open(&kv);
    for (which, notes) in [("one", "edited"), ("two", "edited too")] {
        let mut entry = b.journal.get(&id(which)).unwrap().clone();
        entry.notes = notes.to_owned();
        b.commit(
            &kv,
            Change::Edit {
                entry,
                seen_ms: None,
            },
        )
        .unwrap();
    }
    let undone = a.commit(&kv, Change::UndoImport(undo)).unwrap();
    assert_eq!(
        undone,
        Done::ImportUndone {
            removed: 0,
            restored: 0,
            kept: 2
        }
    );
    assert_eq!(stored_ids(&kv), ["one", "two"]);
}

#[test]
fn an_import_is_refused_when_the_replaced_versions_cannot_be_kept() {
    let kv = MemoryKv::new();
    stored(&kv, &[with_notes(e("one"), "mine")]);
    let mut a = Tab::open(&kv);
    let before = kv.get(&keys().journal);
    kv.set_full_for(Some(&keys().backup_prefix));
    let raw = file(&[newer(e("one"), "from the file"), e("two")]);
    let preview = preview_import(&a.journal, &raw, NOW).unwrap();
    let refused = a.commit(&kv, Change::Import(preview));
    assert_eq!(
        refused,
        Err(SaveError::KeepReplaced(StorageError::QuotaExceeded))
    );
    assert_eq!(kv.get(&keys().journal), before);
    assert_eq!(a.ids(), ["one"]);
    assert_eq!(a.journal.get(&id("one")).unwrap().notes, "mine");
    assert!(refused.unwrap_err().to_string().starts_with("Not imported"));
}

#[test]
fn an_import_that_only_adds_keeps_no_copy() {
    let kv = MemoryKv::new();
    let mut a = Tab::open(&kv);
    let preview = preview_import(&a.journal, &file(&[e("one")]), NOW).unwrap();
    let Ok(Done::Imported { undo, .. }) = a.commit(&kv, Change::Import(preview)) else {
        panic!("import failed");
    };
    assert_eq!(undo.copy_key(), None);
    assert!(a.store.backups().is_empty());
}

#[test]
fn the_old_shared_key_moves_over_on_open() {
    let kv = MemoryKv::with(&[(
        "aftercare.journal",
        &journal::save(&Journal::from_entries(vec![e("old")])),
    )]);
    let a = Tab::open(&kv);
    assert_eq!(a.store.keys(), &keys());
    assert_eq!(a.ids(), ["old"]);
    assert_eq!(kv.keys(), [keys().journal]);
}

#[test]
fn entries_no_build_could_read_are_still_told_about_after_they_were_saved() {
    let kv = MemoryKv::new();
    kv.set(&keys().journal, &damaged());
    let mut a = Tab::open(&kv);
    a.commit(&kv, Change::Add(e("new"))).unwrap();
    // The next start loads the saved journal, which carries the unreadable entry.
    let b = Tab::open(&kv);
    let notice = b.store.notice().unwrap();
    assert_eq!(notice.notice, Notice::SomeUnreadable { unreadable: 1 });
    assert_eq!(notice.key, keys().journal);
    assert_eq!(b.store.unread().unwrap().entries, Some(1));
    assert_eq!(b.journal.unreadable().len(), 1);
    // No second copy is made of data that is already saved in the current format.
    assert_eq!(backups_of_kind(&kv, "damaged").len(), 1);
}

#[test]
fn removing_the_copy_of_entries_the_journal_still_carries_keeps_them_known() {
    let kv = MemoryKv::new();
    kv.set(&keys().journal, &damaged());
    let mut a = Tab::open(&kv);
    // Saved once: the stored journal now carries the unreadable entry itself.
    a.commit(&kv, Change::Add(e("new"))).unwrap();
    let copy = a.store.unread().unwrap().key.clone();
    assert_ne!(copy, keys().journal);
    a.store.remove_backup(&kv, &copy).unwrap();
    // "Delete all" still knows about it, and the notice now offers the journal itself.
    let unread = a.store.unread().unwrap();
    assert_eq!(
        (unread.entries, unread.key.as_str()),
        (Some(1), keys().journal.as_str())
    );
    let notice = a.store.notice().unwrap();
    assert_eq!(notice.notice, Notice::SomeUnreadable { unreadable: 1 });
    assert_eq!(notice.key, keys().journal);
}

#[test]
fn a_copy_that_could_not_be_removed_stays_what_the_notice_is_about() {
    let kv = MemoryKv::new();
    kv.set(&keys().journal, "{not json");
    let mut a = Tab::open(&kv);
    let key = a.store.notice().unwrap().key.clone();
    kv.set_unavailable(true);
    assert!(a.store.remove_backup(&kv, &key).is_err());
    kv.set_unavailable(false);
    assert_eq!(a.store.notice().unwrap().key, key);
    assert_eq!(kv.get(&key).as_deref(), Some("{not json"));
}
