//! The journal's banners, shown at the top of every journal page, and the red flags' cards
//! above an entry or the list. The banners: entries will not be kept
//! (storage unavailable), read-only (a newer version's journal), and what loading found
//! (unreadable entries, unreadable data, an older format), each with a way to download the
//! original data: exactly the text the banner is about, chosen by its storage key. Words
//! come from the store's state; nothing here decides anything.

use super::files;
use super::store::{self, file_name, Mode, Notice, State};
use aftercare_core::html::Html;
use aftercare_core::pages;
use aftercare_core::triage::RedFlag;

/// The class of the box that holds the banners on every journal page.
pub const BOX: &str = "journal-notices";

/// Downloads exactly the raw text stored under `key`: the safety copy a load notice is
/// about, or the stored journal itself (a newer version's journal, or when no copy could be
/// written). Chosen by key, never by a copy's timestamp.
pub fn download_raw(key: &str) {
    if let Some(text) = store::raw_text(key) {
        let _ = files::download(&file_name(key), "application/json", &text);
    }
}

/// What a click on a banner's button asks for, by its `data-do`; whether it was one.
pub fn clicked(action: &str) -> bool {
    match action {
        "download-stored" => download_raw(&store::with(State::journal_key)),
        "download-noticed" => {
            if let Some(key) = store::with(|s| s.notice().map(|n| n.key.clone())) {
                download_raw(&key);
            }
        }
        _ => return false,
    }
    true
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

/// One banner: a lead in bold, its text, and a download button.
fn banner(
    h: &mut Html,
    class: &str,
    kind: &str,
    lead: &str,
    text: &str,
    button: Option<(&str, &str)>,
) {
    h.open("div", &[("class", class), ("data-banner", kind)])
        .open("p", &[])
        .leaf("strong", &[], lead)
        .text(text)
        .close("p");
    if let Some((action, label)) = button {
        h.open("p", &[])
            .leaf(
                "button",
                &[
                    ("type", "button"),
                    ("class", "secondary"),
                    ("data-do", action),
                ],
                label,
            )
            .close("p");
    }
    h.close("div");
}

/// Every banner that applies now, as markup for the [`BOX`].
pub fn html(state: &State) -> String {
    const WARNING: &str = "journal-banner warning";
    let mut h = Html::new();
    match state.mode() {
        Mode::Memory => banner(
            &mut h,
            WARNING,
            "memory",
            "Entries will not be kept. ",
            "Your browser is not letting Aftercare save anything on this device (storage is \
             turned off or blocked), so what you add now disappears when you close this page. \
             You can still export it as a file.",
            None,
        ),
        Mode::ReadOnly(version) => banner(
            &mut h,
            WARNING,
            "read-only",
            "Read only. ",
            &format!(
                "This journal was saved by a newer version of Aftercare (format {version}). To \
                 keep it safe, this version shows what it can read and changes nothing. Reload \
                 the page when you are online to get the newer version."
            ),
            Some(("download-stored", "Download the stored data")),
        ),
        Mode::Stored => {}
    }
    if let Some(notice) = state.notice() {
        let (kind, lead, text, button) = words(&notice.notice);
        banner(
            &mut h,
            "journal-banner",
            kind,
            &lead,
            &text,
            Some(("download-noticed", button)),
        );
    }
    h.into_string()
}

/// The care cards of the red `flags` an entry names, most urgent first, under a lead in bold
/// and what to do (`then`); nothing when it names none. `scope` keeps the cards' ids unique.
pub fn flag_cards(lead: &str, then: &str, flags: &[&RedFlag], scope: &str) -> String {
    if flags.is_empty() {
        return String::new();
    }
    let mut h = Html::new();
    h.open("p", &[("class", "journal-flags-intro")])
        .leaf("strong", &[], lead)
        .text(then)
        .close("p")
        .open(
            "div",
            &[
                ("class", "flag-cards"),
                ("role", "region"),
                ("aria-label", "Get help"),
            ],
        )
        .raw(&pages::red_flag_cards(flags, scope))
        .close("div");
    h.into_string()
}
