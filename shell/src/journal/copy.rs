//! "Keep a copy", the journal page's data section: export (JSON, CSV, each saying what it
//! holds of entries this build could not read), import with a preview (what it adds, what
//! it would replace, "Keep mine", copies dated in the future), the browser's answer about
//! keeping the data, the safety copies (each downloadable and removable), and "Delete all
//! my data" with a confirmation step (which offers the raw data first when the journal
//! could not be fully read).

use super::dom::{self, Part};
use super::files;
use super::notices::download_raw;
use super::shown::{self, Arrived};
use super::store::{self, Backup, Change, State, Status, Unread};
use crate::storage::Persistence;
use aftercare_core::html::Html;
use aftercare_core::journal::{
    self as core, check_import_size, export_csv, export_json, preview_import, ImportPreview,
    UTF8_BOM,
};
use aftercare_core::pages;
use wasm_bindgen::JsCast;

/// The section's markup, before anything stored is drawn into it.
pub fn skeleton(h: &mut Html) {
    h.open(
        "section",
        &[
            ("class", "journal-data"),
            ("aria-labelledby", "journal-data-title"),
        ],
    )
    .leaf("h2", &[("id", "journal-data-title")], "Keep a copy")
    .leaf("div", &[("class", "journal-persist-box")], "")
    .leaf(
        "p",
        &[("class", "journal-persist-answer"), ("role", "status")],
        "",
    )
    .open("div", &[("class", "button-row")])
    .leaf(
        "button",
        &[("type", "button"), ("data-do", "export-json")],
        "Export as JSON",
    )
    .leaf(
        "button",
        &[
            ("type", "button"),
            ("class", "secondary"),
            ("data-do", "export-csv"),
        ],
        "Export as CSV",
    )
    .close("div")
    .leaf(
        "p",
        &[("class", "hint")],
        "JSON keeps everything and can be imported again, here or on another device. CSV \
         opens in a spreadsheet.",
    )
    .open("div", &[("class", "journal-import")])
    .leaf("h3", &[], "Import a journal file")
    .leaf(
        "label",
        &[("for", "journal-import-file")],
        "Choose a JSON file exported from Aftercare",
    )
    .open(
        "input",
        &[
            ("id", "journal-import-file"),
            ("type", "file"),
            ("accept", ".json,application/json"),
        ],
    )
    .leaf(
        "div",
        &[("class", "journal-import-result"), ("aria-live", "polite")],
        "",
    )
    .close("div")
    .leaf("div", &[("class", "journal-backups"), ("hidden", "")], "")
    .leaf("div", &[("class", "journal-delete-all")], "")
    .close("section");
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

/// What "Delete all" is asking: what will go, and what could not be read (the sentence,
/// and the key of the raw data to download first).
struct Confirming {
    what: String,
    unread: Option<(String, String)>,
}

/// The section as shown, and what is being done in it.
pub struct Copy {
    persist: Part,
    answer: Option<web_sys::Element>,
    import: Option<web_sys::Element>,
    result: Part,
    backups: Part,
    delete: Part,
    /// A chosen file is being read.
    reading: bool,
    /// Why the chosen file cannot be imported.
    refused: Option<String>,
    preview: Option<ImportPreview>,
    /// The words of the person's entries the preview would replace.
    replaced: Vec<String>,
    /// The safety copy whose removal is being confirmed, by key.
    removing: Option<String>,
    confirming: Option<Confirming>,
    /// What the browser said when the person asked it to keep the journal.
    told: Option<Persistence>,
}

impl Copy {
    /// The section in the page `root`.
    pub fn find(root: &web_sys::Element) -> Copy {
        Copy {
            persist: Part::find(root, ".journal-persist-box"),
            answer: dom::find(root, ".journal-persist-answer"),
            import: dom::find(root, ".journal-import"),
            result: Part::find(root, ".journal-import-result"),
            backups: Part::find(root, ".journal-backups"),
            delete: Part::find(root, ".journal-delete-all"),
            reading: false,
            refused: None,
            preview: None,
            replaced: Vec::new(),
            removing: None,
            confirming: None,
            told: None,
        }
    }

    /// Draws what changed.
    pub fn render(&mut self, s: &State) {
        self.persist.put(persist_html(s.persistence));
        if let Some(answer) = &self.answer {
            dom::set_text(answer, self.told.map_or("", persist_answer));
        }
        if let Some(import) = &self.import {
            dom::set_hidden(import, !s.is_writable());
        }
        self.result.put(self.result_html());
        self.backups
            .put_or_hide(backups_html(s.backups(), self.removing.as_deref()));
        self.delete.put(self.delete_html());
    }

    /// A click on one of the section's buttons (`action`: its `data-do`).
    pub fn click(&mut self, target: &web_sys::Element, action: &str) {
        let key = || {
            target
                .closest("[data-key]")
                .ok()
                .flatten()
                .and_then(|e| e.get_attribute("data-key"))
                .unwrap_or_default()
        };
        match action {
            "export-json" => export(true),
            "export-csv" => export(false),
            "persist" => {
                self.told = None;
                store::ask_persist_then(|answer| shown::arrive(Arrived::Persisted(answer)));
            }
            "import-confirm" => self.apply(Choice::AsShown),
            "import-future" => self.apply(Choice::FutureToo),
            "import-keep" => self.apply(Choice::KeepMine),
            "import-cancel" => {
                self.reset();
                clear_file();
            }
            "copy-download" => download_raw(&key()),
            "copy-remove" => self.removing = Some(key()),
            "copy-keep" => self.removing = None,
            "copy-remove-yes" => {
                self.removing = None;
                store::set_status(Some(match store::remove_backup(&key()) {
                    Ok(()) => Status::CopyRemoved,
                    Err(error) => Status::Failed(format!("Not removed: {error}")),
                }));
            }
            "delete-all" => {
                self.confirming = Some(store::with(confirming));
                dom::focus(".journal-confirm");
            }
            "delete-all-download" => {
                if let Some((_, key)) = self.confirming.as_ref().and_then(|c| c.unread.as_ref()) {
                    download_raw(key);
                }
            }
            "delete-all-yes" => {
                self.confirming = None;
                store::set_status(Some(match store::delete_all() {
                    Ok(()) => Status::DeletedAll,
                    Err(error) => Status::Failed(error.to_string()),
                }));
                dom::focus("main h1");
            }
            "delete-all-no" => {
                self.confirming = None;
                dom::focus("#journal-delete-all");
            }
            _ => {}
        }
    }

    /// What the section asked for arrived: a file's preview, an import's failure, the
    /// browser's answer about keeping the data.
    pub fn arrived(&mut self, what: Arrived) {
        match what {
            Arrived::Preview(result) => {
                self.reading = false;
                match result {
                    Ok((p, replaced)) => {
                        self.preview = Some(p);
                        self.replaced = replaced;
                    }
                    Err(message) => self.refused = Some(message),
                }
            }
            Arrived::ImportFailed(message) => self.refused = Some(message),
            Arrived::Persisted(answer) => self.told = Some(answer),
            Arrived::SaveFailed(_) => {}
        }
    }

    fn reset(&mut self) {
        self.reading = false;
        self.refused = None;
        self.preview = None;
        self.replaced.clear();
    }

    /// A file was chosen: read it and show what importing it would do. Nothing changes
    /// before Confirm, and then everything changes at once or nothing does.
    pub fn choose(&mut self, input: &web_sys::Element) {
        self.reset();
        let Some(file) = input
            .dyn_ref::<web_sys::HtmlInputElement>()
            .and_then(web_sys::HtmlInputElement::files)
            .and_then(|files| files.get(0))
        else {
            return;
        };
        // A huge file is refused by its size, before reading it into memory.
        if let Err(error) = check_import_size(files::file_size(&file)) {
            self.refused = Some(error.to_string());
            return;
        }
        self.reading = true;
        files::read_text(&file, move |text| {
            let result = match text {
                None => Err(
                    "This file could not be read. Choose a .json file saved by Aftercare."
                        .to_owned(),
                ),
                Some(text) => store::with(|s| {
                    preview_import(&s.journal, &text, store::now_ms())
                        .map(|p| {
                            let replaced = core::import_replaced(&s.journal, &p);
                            (p, replaced)
                        })
                        .map_err(|e| e.to_string())
                }),
            };
            shown::arrive(Arrived::Preview(result));
        });
    }

    /// Applies the preview: as shown, with the held-back copies dated in the future too
    /// ("Replace mine with these too"), or with nothing of the person's replaced ("Keep
    /// mine").
    fn apply(&mut self, choice: Choice) {
        let Some(mut p) = self.preview.take() else {
            return;
        };
        self.replaced.clear();
        match choice {
            Choice::AsShown => {}
            Choice::FutureToo => p.accept_future(),
            Choice::KeepMine => p.keep_mine(),
        }
        store::commit(Change::Import(p), |result| match result {
            Ok(done) => {
                store::set_status(Some(Status::Done(done)));
                clear_file();
                dom::focus(".journal-status");
            }
            Err(error) => shown::arrive(Arrived::ImportFailed(error.to_string())),
        });
    }

    /// What the import says now: reading, why the file was refused, or its preview.
    fn result_html(&self) -> String {
        let mut h = Html::new();
        if self.reading {
            h.leaf("p", &[], "Reading the file…");
        }
        if let Some(refused) = &self.refused {
            h.leaf("p", &[("class", "journal-error")], refused);
        }
        if let Some(p) = &self.preview {
            preview_html(&mut h, p, &self.replaced);
        }
        h.into_string()
    }

    /// "Delete all my data", or its confirmation step.
    fn delete_html(&self) -> String {
        let mut h = Html::new();
        h.leaf("h3", &[], "Delete all my data");
        let Some(c) = &self.confirming else {
            h.open("p", &[])
                .leaf(
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "danger"),
                        ("id", "journal-delete-all"),
                        ("data-do", "delete-all"),
                    ],
                    "Delete all my data",
                )
                .close("p");
            return h.into_string();
        };
        h.open(
            "div",
            &[
                ("class", "journal-confirm"),
                ("tabindex", "-1"),
                ("role", "group"),
                ("aria-labelledby", "journal-confirm-title"),
            ],
        )
        .open("p", &[("id", "journal-confirm-title")])
        .leaf("strong", &[], "Delete everything?")
        .close("p")
        .leaf(
            "p",
            &[],
            &format!(
                "This removes {} from this browser. It cannot be undone. If you may want them \
                 later, export a copy first.",
                c.what
            ),
        );
        if let Some((words, _)) = &c.unread {
            h.open("p", &[("class", "journal-confirm-unread")])
                .leaf("strong", &[], words)
                .text(" ")
                .leaf(
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "secondary"),
                        ("data-do", "delete-all-download"),
                    ],
                    "Download the data first",
                )
                .close("p");
        }
        h.open("p", &[("class", "button-row")])
            .leaf(
                "button",
                &[
                    ("type", "button"),
                    ("class", "danger"),
                    ("data-do", "delete-all-yes"),
                ],
                "Yes, delete everything",
            )
            .leaf(
                "button",
                &[
                    ("type", "button"),
                    ("class", "secondary"),
                    ("data-do", "delete-all-no"),
                ],
                "Cancel",
            )
            .close("p")
            .close("div");
        h.into_string()
    }
}

/// Forgets the chosen file, so choosing it again reads it again.
fn clear_file() {
    if let Some(input) = dom::by_id("journal-import-file") {
        dom::set_value(&input, "");
    }
}

/// An export file name with today's date on this device ("aftercare-journal-2024-03-01.json").
fn export_name(extension: &str) -> String {
    match store::local_now() {
        Some(now) => core::export_file_name(now.date(), extension),
        None => format!("aftercare-journal.{extension}"),
    }
}

/// Exports the journal as JSON or CSV, and says what the file holds of the entries this
/// build could not read.
fn export(json: bool) {
    let (text, note) = store::with(|s| {
        if json {
            (export_json(&s.journal, true), core::export_note(&s.journal))
        } else {
            (
                format!("{UTF8_BOM}{}", export_csv(&s.journal)),
                core::export_csv_note(&s.journal),
            )
        }
    });
    let (name, mime) = if json {
        (export_name("json"), "application/json")
    } else {
        (export_name("csv"), "text/csv;charset=utf-8")
    };
    if let Err(reason) = files::download(&name, mime, &text) {
        store::set_status(Some(Status::Failed(format!("Could not export: {reason}."))));
        return;
    }
    if let Some(note) = note {
        store::set_status(Some(Status::Exported(note)));
    }
}

/// What the import preview shows: what the file would do, what the person should know,
/// whose entries it would replace, and the buttons.
fn preview_html(h: &mut Html, p: &ImportPreview, replaced: &[String]) {
    let button = |h: &mut Html, class: Option<&str>, action: &str, label: &str| {
        let mut attrs = vec![("type", "button"), ("data-do", action)];
        if let Some(class) = class {
            attrs.push(("class", class));
        }
        h.leaf("button", &attrs, label);
    };
    h.open("div", &[("class", "journal-import-preview")])
        .open("p", &[])
        .leaf("strong", &[], &p.to_string())
        .close("p");
    let warnings = p.warnings().join(" ");
    if !warnings.is_empty() {
        h.leaf("p", &[], &warnings);
    }
    if !replaced.is_empty() {
        h.open("details", &[("class", "journal-import-replaced")])
            .leaf("summary", &[], "Which of your entries would be replaced")
            .open("ul", &[])
            .raw(&pages::text_items(replaced))
            .close("ul")
            .close("details");
    }
    // Entries of the person's whose changed copy in the file is dated in the future: kept
    // unless they choose the file's.
    let held = p.held_future.len();
    if held > 0 {
        let words = if held == 1 {
            "1 of your entries has a changed copy in this file dated in the future. Importing \
             keeps yours. "
                .to_owned()
        } else {
            format!(
                "{} of your entries have a changed copy in this file dated in the future. \
                 Importing keeps yours. ",
                core::group_digits(held)
            )
        };
        h.open("p", &[("class", "journal-import-future")])
            .text(&words);
        button(
            h,
            Some("secondary"),
            "import-future",
            "Replace mine with these too",
        );
        h.close("p");
    }
    let reasons = core::import_reasons(p);
    if !reasons.is_empty() {
        h.open("details", &[])
            .leaf("summary", &[], "Why some entries cannot be imported")
            .open("ul", &[])
            .raw(&pages::text_items(&reasons))
            .close("ul")
            .close("details");
    }
    if p.changes_anything() {
        let n = p.new_count() + p.to_update.len();
        let label = if n == 1 {
            "Import 1 entry".to_owned()
        } else {
            format!("Import {n} entries")
        };
        h.open("p", &[("class", "button-row")]);
        button(h, None, "import-confirm", &label);
        // New entries to add when the person keeps all of theirs: offered when the file
        // would replace some of theirs and also holds new ones.
        let only_new = if p.replaces() + held > 0 {
            p.new_count()
        } else {
            0
        };
        if only_new > 0 {
            let label = if only_new == 1 {
                "Keep mine, import only the 1 new entry".to_owned()
            } else {
                format!(
                    "Keep mine, import only the {} new entries",
                    core::group_digits(only_new)
                )
            };
            button(h, Some("secondary"), "import-keep", &label);
        }
        button(h, Some("secondary"), "import-cancel", "Cancel");
        h.close("p");
    } else {
        h.open("p", &[])
            .text("Nothing to import: nothing in this file is new or newer than what is here. ");
        button(h, Some("secondary"), "import-cancel", "Close");
        h.close("p");
    }
    h.close("div");
}

/// The browser's answer about keeping the data, and a button to ask. The second line is a
/// paragraph of its own: shorter lines read better, and the page's largest text stays its
/// lead.
fn persist_html(persistence: Persistence) -> String {
    let (kind, line, ask, more) = match persistence {
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
    let mut h = Html::new();
    h.open(
        "p",
        &[("class", "journal-persist"), ("data-persisted", kind)],
    )
    .text(line);
    if !ask.is_empty() {
        h.leaf(
            "button",
            &[
                ("type", "button"),
                ("class", "link"),
                ("data-do", "persist"),
            ],
            ask,
        );
    }
    h.close("p");
    if !more.is_empty() {
        h.leaf("p", &[("class", "hint journal-persist-more")], more);
    }
    h.into_string()
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

/// The safety copies kept in storage, each downloadable and removable (asking once more in
/// place: the copy may be the only one of what it holds). They are never deleted
/// automatically. Nothing while there are none.
fn backups_html(backups: &[Backup], removing: Option<&str>) -> String {
    if backups.is_empty() {
        return String::new();
    }
    let link = |h: &mut Html, class: &str, action: &str, label: &str| {
        h.leaf(
            "button",
            &[("type", "button"), ("class", class), ("data-do", action)],
            label,
        );
    };
    let mut h = Html::new();
    h.leaf("h3", &[], "Copies kept for safety")
        .leaf(
            "p",
            &[("class", "hint")],
            "Aftercare keeps a copy of stored data it could not fully read, and of your \
             entries an import replaced. Each stays until you remove it: download it first if \
             you may need it.",
        )
        .open("ul", &[]);
    for backup in backups {
        let when = core::LocalDateTime::from_epoch_ms(backup.kept_ms, store::utc_offset_minutes())
            .map(|t| {
                format!(
                    ", kept {} at {} ",
                    core::date_label(t.date()),
                    core::time_label(t)
                )
            })
            .unwrap_or_default();
        h.open("li", &[("data-key", &backup.key)])
            .text(backup.kind.describe())
            .text(&when);
        link(&mut h, "link", "copy-download", "Download");
        h.text(" ");
        if removing == Some(backup.key.as_str()) {
            h.open("span", &[("class", "journal-copy-confirm")])
                .text("Remove this copy from this browser? It cannot be undone. ");
            link(&mut h, "link danger", "copy-remove-yes", "Remove it");
            h.text(" ");
            link(&mut h, "link", "copy-keep", "Keep it");
            h.close("span");
        } else {
            link(&mut h, "link danger", "copy-remove", "Remove");
        }
        h.close("li");
    }
    h.close("ul");
    h.into_string()
}

/// What "Delete all" will say it deletes, worded when the confirmation opens.
fn confirming(s: &State) -> Confirming {
    let count = s.journal.len();
    let unread = s.unread().map(|u| (unread_words(count, u), u.key.clone()));
    let what = match (s.is_writable(), count, s.backups().len()) {
        // A newer version's journal may hold more than this version can show.
        (false, _, _) => "the whole journal saved by the newer version of Aftercare".to_owned(),
        (true, 1, 0) => "your 1 entry".to_owned(),
        (true, n, 0) => format!("all {n} entries"),
        (true, n, _) => format!("all {n} entries and the copies kept for safety"),
    };
    Confirming { what, unread }
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
