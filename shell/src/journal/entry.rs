//! The journal's add/edit form (`journal/entry/`, `?id=` edits an entry).
//!
//! Every field is labelled; after the first Save, each field's problem (from
//! `EntryDraft::validate`, the only place the rules live) shows beside it, tied to the input
//! with `aria-describedby` and `aria-invalid`, and a summary at the top lists them all. The
//! form's values live in its inputs, filled from the journal once: when another tab changes
//! the journal, what is being typed here is untouched. When saving fails (storage full), the
//! form keeps everything and says what to do.
//!
//! When what is ticked or written names a red flag ("short of breath" in the notes, chest
//! pain ticked), that flag's care card, with the numbers to call, shows at the top of the
//! page as soon as it is named, before the entry is saved.

use super::dom::{self, Part};
use super::notices;
use super::shown::{self, Arrived, View};
use super::store::{self, Change, Conflict, SaveError, Status};
use crate::router::Location;
use crate::window::nodes;
use aftercare_core::content::Symptom;
use aftercare_core::html::Html;
use aftercare_core::journal::{flags_named, Entry, EntryDraft, EntryId, Field, FieldError};
use aftercare_core::route::{Params, Route};

/// The duration's units, as values and words.
const UNITS: [(&str, &str); 5] = [
    ("", "Choose"),
    ("minutes", "minutes"),
    ("hours", "hours"),
    ("days", "days"),
    ("ongoing", "It is still going on"),
];

/// The element id of a field's input (for a group, its first input).
fn input_id(field: Field) -> String {
    format!("field-{}", field.as_str())
}

/// The element id of a field's error message.
fn error_id(field: Field) -> String {
    format!("{}-error", input_id(field))
}

/// The element id of a field's hint.
fn hint_id(field: Field) -> String {
    format!("{}-hint", input_id(field))
}

/// Where saving an edit stands when another tab changed or deleted the entry meanwhile.
enum Clash {
    /// Changed elsewhere: this is that version.
    Changed(Box<Entry>),
    /// Deleted elsewhere.
    Deleted,
}

/// The form page as shown.
pub struct EntryPage {
    root: web_sys::Element,
    notices: Part,
    flags: Part,
    summary: Part,
    clash_box: Part,
    /// The id of the entry being changed (`None`: a new entry; and the form is absent when
    /// the entry asked for is not in the journal).
    editing: Option<EntryId>,
    found: bool,
    /// The version of the entry this form's edit is based on: when storage holds another,
    /// saving asks instead of overwriting. `None` after the person chose to save over it.
    seen: Option<i64>,
    /// The ticked symptoms, in the order they were ticked.
    symptoms: Vec<String>,
    /// Whether Save was pressed: each field's problem is then shown as it changes.
    attempted: bool,
    /// The problems found at the last Save (the summary does not change per keystroke, so a
    /// screen reader hears it once).
    problems: Vec<FieldError>,
    save_error: Option<String>,
    clash: Option<Clash>,
    /// A save is under way: the form waits for its answer.
    saving: bool,
}

impl EntryPage {
    /// Writes the form into `main`, filled from the entry the address names (or for a new
    /// entry, starting now).
    pub fn show(main: &web_sys::Element, location: &Location) -> Option<EntryPage> {
        // What to fill the form with, and the id being edited. Read once: a change from
        // another tab never resets what is being typed.
        let form: Option<(EntryDraft, Option<(EntryId, i64)>)> = match location.params.get("id") {
            None => Some((
                EntryDraft {
                    started: store::local_now()
                        .map(|now| now.to_string())
                        .unwrap_or_default(),
                    ..EntryDraft::default()
                },
                None,
            )),
            Some(text) => EntryId::parse(text)
                .and_then(|id| store::with(|s| s.journal.get(&id).cloned()))
                .map(|entry: Entry| {
                    (
                        EntryDraft::from_entry(&entry),
                        Some((entry.id, entry.updated_ms)),
                    )
                }),
        };
        let found = form.is_some();
        let (draft, editing) = form.unwrap_or_default();
        main.set_inner_html(&if found {
            form_html(&draft, editing.is_some())
        } else {
            not_found_html()
        });
        let root = main.first_element_child()?;
        // A textarea's markup loses a first line break: its words are set, not written.
        if let Some(notes) = dom::by_id(&input_id(Field::Notes)) {
            dom::set_value(&notes, &draft.notes);
        }
        let mut page = EntryPage {
            notices: Part::find(&root, &format!(".{}", notices::BOX)),
            flags: Part::find(&root, ".journal-flags"),
            summary: Part::find(&root, ".error-summary"),
            clash_box: Part::find(&root, ".journal-clash"),
            root,
            seen: editing.as_ref().map(|(_, ms)| *ms),
            editing: editing.map(|(id, _)| id),
            found,
            symptoms: draft.symptoms,
            attempted: false,
            problems: Vec::new(),
            save_error: None,
            clash: None,
            saving: false,
        };
        page.changed(None);
        Some(page)
    }

    /// The form's values as the core's draft.
    fn draft(&self) -> EntryDraft {
        let severity = self
            .root
            .query_selector("input[name=severity]:checked")
            .ok()
            .flatten()
            .map(|e| dom::value(&e))
            .unwrap_or_default();
        EntryDraft {
            started: dom::value_of(&input_id(Field::Started)),
            session_date: dom::value_of(&input_id(Field::SessionDate)),
            symptoms: self.symptoms.clone(),
            other_symptoms: dom::value_of(&input_id(Field::OtherSymptoms)),
            severity,
            duration_amount: dom::value_of(&input_id(Field::Duration)),
            duration_unit: dom::value_of("field-duration-unit"),
            notes: dom::value_of(&input_id(Field::Notes)),
        }
    }

    /// A form control changed (`None`: the form was just filled): the ticked symptoms, the
    /// chosen severity in words, the amount's box while "still going on", the red flags
    /// named, and each field's problem once Save was pressed.
    fn changed(&mut self, target: Option<&web_sys::Element>) {
        if !self.found {
            return;
        }
        if let Some(box_) =
            target.filter(|t| t.get_attribute("name").as_deref() == Some("symptoms"))
        {
            let slug = dom::value(box_);
            self.symptoms.retain(|s| *s != slug);
            if dom::is_checked(box_) {
                self.symptoms.push(slug);
            }
        }
        let draft = self.draft();
        if let Some(value) = dom::find(&self.root, ".severity-value") {
            let chosen = draft.severity.trim();
            dom::set_text(
                &value,
                &if chosen.is_empty() {
                    "Nothing chosen yet.".to_owned()
                } else {
                    format!("Chosen: {chosen} out of 10.")
                },
            );
        }
        if let Some(amount) = dom::by_id(&input_id(Field::Duration)) {
            let ongoing = draft.duration_unit == "ongoing";
            dom::set_attr(&amount, "disabled", ongoing.then_some(""));
        }
        let flags = flags_named(&draft.symptoms, &draft.other_symptoms, &draft.notes);
        self.flags.put_or_hide(notices::flag_cards(
            "This can be serious.",
            " If it is happening now, do what the card says. You can save the entry later.",
            &flags,
            "entry",
        ));
        if self.attempted {
            let errors = draft
                .validate(EntryId::new(0, 0), 0)
                .err()
                .unwrap_or_default();
            show_errors(&errors);
        }
    }

    /// Puts `draft`'s values in the form (the other tab's version, when the person asks).
    fn fill(&mut self, draft: &EntryDraft) {
        let set = |id: &str, value: &str| {
            if let Some(e) = dom::by_id(id) {
                dom::set_value(&e, value);
            }
        };
        set(&input_id(Field::Started), &draft.started);
        set(&input_id(Field::SessionDate), &draft.session_date);
        set(&input_id(Field::OtherSymptoms), &draft.other_symptoms);
        set(&input_id(Field::Duration), &draft.duration_amount);
        set("field-duration-unit", &draft.duration_unit);
        set(&input_id(Field::Notes), &draft.notes);
        if let Ok(boxes) = self
            .root
            .query_selector_all("input[name=symptoms], input[name=severity]")
        {
            for input in nodes::<web_sys::Element>(&boxes) {
                let value = dom::value(&input);
                let on = if input.get_attribute("name").as_deref() == Some("symptoms") {
                    draft.symptoms.contains(&value)
                } else {
                    draft.severity.trim() == value
                };
                dom::set_checked(&input, on);
            }
        }
        self.symptoms.clone_from(&draft.symptoms);
        self.changed(None);
    }

    /// Validates and saves; `as_new` saves an edit whose entry was deleted elsewhere as an
    /// entry again.
    fn save(&mut self, as_new: bool) {
        // A second press while the first save is under way (a double tap) saves nothing
        // more: the entry is saved once.
        if !self.found || self.saving {
            return;
        }
        self.attempted = true;
        self.save_error = None;
        self.clash = None;
        let id = self.editing.clone().unwrap_or_else(store::new_id);
        let draft = self.draft();
        match draft.validate(id, store::now_ms()) {
            Err(problems) => {
                show_errors(&problems);
                self.problems = problems;
                dom::focus(".error-summary");
            }
            Ok(entry) => {
                show_errors(&[]);
                self.problems.clear();
                self.saving = true;
                let change = if self.editing.is_some() && !as_new {
                    Change::Edit {
                        entry,
                        seen_ms: self.seen,
                    }
                } else {
                    Change::Add(entry)
                };
                store::commit(change, |result| match result {
                    Ok(done) => {
                        store::set_status(Some(Status::Done(done)));
                        crate::router::go(Route::Journal, Params::default());
                    }
                    Err(error) => shown::arrive(Arrived::SaveFailed(error)),
                });
            }
        }
    }

    /// Saving failed: another tab's version is in the way, or storage refused.
    fn failed(&mut self, error: SaveError) {
        self.saving = false;
        match error {
            SaveError::Conflict(found) => {
                self.clash = Some(match found {
                    Conflict::Changed(theirs) => Clash::Changed(theirs),
                    Conflict::Deleted => Clash::Deleted,
                });
                dom::focus(".journal-clash");
            }
            error => {
                self.save_error = Some(error.to_string());
                dom::focus(".journal-save-error");
            }
        }
    }
}

impl View for EntryPage {
    fn route(&self) -> Route {
        Route::JournalEntry
    }

    /// Draws what changed: the banners, a failed save, another tab's change, the problems.
    fn render(&mut self) {
        store::with(|s| self.notices.put_or_hide(notices::html(s)));
        if let Some(error) = dom::find(&self.root, ".journal-save-error") {
            dom::set_text(&error, self.save_error.as_deref().unwrap_or_default());
            dom::set_hidden(&error, self.save_error.is_none());
        }
        self.clash_box.put_or_hide(clash_html(self.clash.as_ref()));
        self.summary.put_or_hide(summary_html(&self.problems));
    }

    /// A click on one of the page's buttons (`action`: its `data-do`).
    fn click(&mut self, target: &web_sys::Element, action: &str) {
        match action {
            "fix" => {
                if let Some(id) = target
                    .closest("[data-field]")
                    .ok()
                    .flatten()
                    .and_then(|e| e.get_attribute("data-field"))
                {
                    dom::focus_id(&id);
                }
            }
            // The person's answers when the entry changed elsewhere.
            "clash-mine" => {
                self.seen = None;
                self.save(false);
            }
            "clash-theirs" => {
                if let Some(Clash::Changed(theirs)) = self.clash.take() {
                    self.fill(&EntryDraft::from_entry(&theirs));
                    self.seen = Some(theirs.updated_ms);
                }
                self.clash = None;
                dom::focus("h1");
            }
            "clash-new" => self.save(true),
            _ => {}
        }
    }

    fn edited(&mut self, target: &web_sys::Element) {
        self.changed(Some(target));
    }

    fn submit(&mut self) {
        self.save(false);
    }

    fn arrived(&mut self, what: Arrived) {
        if let Arrived::SaveFailed(error) = what {
            self.failed(error);
        }
    }
}

/// Shows each field's problem beside it (and none where there is none): the message, the
/// field marked, its inputs described by the message and marked invalid.
fn show_errors(errors: &[FieldError]) {
    for field in Field::ALL {
        let message = errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str());
        let Some(error) = dom::by_id(&error_id(field)) else {
            continue;
        };
        dom::set_text(&error, message.unwrap_or_default());
        dom::set_hidden(&error, message.is_none());
        let described = match message {
            Some(_) => format!("{} {}", hint_id(field), error_id(field)),
            None => hint_id(field),
        };
        if let Some(container) = error.parent_element() {
            let _ = container
                .class_list()
                .toggle_with_force("has-error", message.is_some());
            let described_one = if container.tag_name() == "FIELDSET" {
                Some(container)
            } else {
                dom::by_id(&input_id(field))
            };
            if let Some(element) = described_one {
                dom::set_attr(&element, "aria-describedby", Some(&described));
            }
        }
        let invalid: Vec<String> = match field {
            Field::Symptoms | Field::Severity => Vec::new(),
            Field::Duration => vec![input_id(field), "field-duration-unit".to_owned()],
            _ => vec![input_id(field)],
        };
        for id in invalid {
            if let Some(input) = dom::by_id(&id) {
                dom::set_attr(&input, "aria-invalid", message.map(|_| "true"));
            }
        }
    }
}

/// The list of problems at the top of the form after a failed Save, each a button that moves
/// to its field. Nothing when there are none.
fn summary_html(problems: &[FieldError]) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let title = match problems.len() {
        1 => "Please fix 1 thing before saving".to_owned(),
        n => format!("Please fix {n} things before saving"),
    };
    let mut h = Html::new();
    h.leaf("h2", &[("id", "error-summary-title")], &title)
        .open("ul", &[]);
    for problem in problems {
        h.open("li", &[])
            .leaf(
                "button",
                &[
                    ("type", "button"),
                    ("class", "link"),
                    ("data-do", "fix"),
                    ("data-field", &input_id(problem.field)),
                ],
                &problem.message,
            )
            .close("li");
    }
    h.close("ul");
    h.into_string()
}

/// What to do when another tab changed or deleted the entry meanwhile.
fn clash_html(clash: Option<&Clash>) -> String {
    let mut h = Html::new();
    let button = |h: &mut Html, class: Option<&str>, action: &str, label: &str| {
        let mut attrs = vec![("type", "button"), ("data-do", action)];
        if let Some(class) = class {
            attrs.push(("class", class));
        }
        h.leaf("button", &attrs, label);
    };
    match clash {
        None => {}
        Some(Clash::Changed(_)) => {
            h.leaf(
                "p",
                &[],
                "This entry was changed in another tab or window after you opened it. Saving \
                 yours would replace that version.",
            )
            .open("p", &[("class", "button-row")]);
            button(&mut h, None, "clash-mine", "Save mine over it");
            button(
                &mut h,
                Some("secondary"),
                "clash-theirs",
                "Show the other version",
            );
            h.close("p");
        }
        Some(Clash::Deleted) => {
            h.leaf(
                "p",
                &[],
                "This entry was deleted in another tab or window after you opened it.",
            )
            .open("p", &[("class", "button-row")]);
            button(&mut h, None, "clash-new", "Save mine as a new entry");
            h.close("p");
        }
    }
    h.into_string()
}

/// The page when the entry asked for is not in the journal.
fn not_found_html() -> String {
    let mut h = Html::new();
    h.open("div", &[("class", "page journal-form")])
        .leaf("h1", &[("tabindex", "-1")], "Entry not found")
        .leaf("div", &[("class", notices::BOX)], "")
        .leaf(
            "p",
            &[],
            "This entry is not in your journal any more. It may have been deleted, here or in \
             another tab.",
        )
        .open("p", &[])
        .leaf(
            "a",
            &[("href", &Route::Journal.href())],
            "Back to the journal",
        )
        .close("p")
        .close("div");
    h.into_string()
}

/// The start of a single-input field: its label, hint and (hidden) error.
fn field_start(h: &mut Html, field: Field, label: &str, hint: &str) {
    h.open("div", &[("class", "field")])
        .leaf("label", &[("for", &input_id(field))], label);
    field_notes(h, field, hint);
}

/// A field's hint and its (hidden) error message.
fn field_notes(h: &mut Html, field: Field, hint: &str) {
    h.leaf("p", &[("class", "hint"), ("id", &hint_id(field))], hint)
        .leaf(
            "p",
            &[
                ("class", "field-error"),
                ("id", &error_id(field)),
                ("hidden", ""),
            ],
            "",
        );
}

/// The start of a group of inputs: a fieldset with its legend, hint and error, described by
/// them.
fn group_start(h: &mut Html, field: Field, class: &str, legend: &str, hint: &str) {
    h.open(
        "fieldset",
        &[("class", class), ("aria-describedby", &hint_id(field))],
    )
    .leaf("legend", &[], legend);
    field_notes(h, field, hint);
}

/// A single-line input with its label, hint and error.
fn text_field(h: &mut Html, field: Field, label: &str, hint: &str, kind: &str, value: &str) {
    field_start(h, field, label, hint);
    h.open(
        "input",
        &[
            ("id", &input_id(field)),
            ("type", kind),
            ("value", value),
            ("aria-describedby", &hint_id(field)),
        ],
    )
    .close("div");
}

/// `attrs` with `name` added (an empty boolean attribute) when `on`.
fn with_flag<'a>(
    mut attrs: Vec<(&'a str, &'a str)>,
    on: bool,
    name: &'a str,
) -> Vec<(&'a str, &'a str)> {
    if on {
        attrs.push((name, ""));
    }
    attrs
}

/// The form, filled from `draft`.
fn form_html(draft: &EntryDraft, editing: bool) -> String {
    let mut h = Html::new();
    h.open("div", &[("class", "page journal-form")])
        .leaf(
            "h1",
            &[("tabindex", "-1")],
            if editing {
                "Edit an entry"
            } else {
                "Add an entry"
            },
        )
        .leaf("div", &[("class", notices::BOX)], "")
        .leaf("div", &[("class", "journal-flags"), ("hidden", "")], "")
        .leaf(
            "div",
            &[
                ("class", "error-summary"),
                ("role", "alert"),
                ("tabindex", "-1"),
                ("aria-labelledby", "error-summary-title"),
                ("hidden", ""),
            ],
            "",
        )
        .open("form", &[("class", "entry-form"), ("novalidate", "")]);
    text_field(
        &mut h,
        Field::Started,
        "When did it start?",
        "Date and time, as best you remember.",
        "datetime-local",
        &draft.started,
    );
    text_field(
        &mut h,
        Field::SessionDate,
        "Date of your acupuncture session (optional)",
        "If you give it, each entry shows which day after your session it was.",
        "date",
        &draft.session_date,
    );

    symptoms_field(&mut h, draft);
    text_field(
        &mut h,
        Field::OtherSymptoms,
        "Anything else, in your own words (optional)",
        "For example: heavy legs, a metallic taste.",
        "text",
        &draft.other_symptoms,
    );
    severity_field(&mut h, draft);
    duration_field(&mut h, draft);
    field_start(
        &mut h,
        Field::Notes,
        "Notes (optional)",
        "Anything that may help your practitioner: what you were doing, what helped.",
    );
    let notes = input_id(Field::Notes);
    h.leaf(
        "textarea",
        &[
            ("id", &notes),
            ("rows", "5"),
            ("aria-describedby", &hint_id(Field::Notes)),
        ],
        "",
    )
    .close("div");
    form_end(&mut h);
    h.into_string()
}

/// The end of the form: where a failed save and another tab's change are told, Save and
/// Cancel.
fn form_end(h: &mut Html) {
    h.leaf(
        "p",
        &[
            ("class", "journal-error journal-save-error"),
            ("role", "alert"),
            ("tabindex", "-1"),
            ("hidden", ""),
        ],
        "",
    )
    .leaf(
        "div",
        &[
            ("class", "journal-clash journal-error"),
            ("role", "alert"),
            ("tabindex", "-1"),
            ("hidden", ""),
        ],
        "",
    )
    .open("p", &[("class", "button-row")])
    .leaf("button", &[("type", "submit")], "Save entry")
    .leaf(
        "a",
        &[
            ("class", "button secondary"),
            ("href", &Route::Journal.href()),
        ],
        "Cancel",
    )
    .close("p")
    .close("form")
    .close("div");
}

/// The symptom checkboxes, one per symptom of the taxonomy, plus any unknown ones the entry
/// already has (kept ticked, so an edit never drops them).
fn symptoms_field(h: &mut Html, draft: &EntryDraft) {
    group_start(
        h,
        Field::Symptoms,
        "field",
        "What did you notice?",
        "Tick all that apply.",
    );
    h.open("ul", &[("class", "choices")]);
    let unknown = draft
        .symptoms
        .iter()
        .filter(|s| Symptom::from_slug(s).is_none())
        .map(|s| (s.as_str(), s.as_str()));
    let choices = Symptom::ALL
        .iter()
        .map(|s| (s.slug(), s.name()))
        .chain(unknown);
    let first = input_id(Field::Symptoms);
    for (i, (slug, name)) in choices.enumerate() {
        let mut attrs = vec![("type", "checkbox"), ("name", "symptoms")];
        if i == 0 {
            attrs.push(("id", &first));
        }
        attrs.push(("value", slug));
        let attrs = with_flag(attrs, draft.symptoms.iter().any(|s| s == slug), "checked");
        h.open("li", &[])
            .open("label", &[("class", "choice")])
            .open("input", &attrs)
            .leaf("span", &[], name)
            .close("label")
            .close("li");
    }
    h.close("ul").close("fieldset");
}

/// Severity as eleven radio buttons, 0 to 10, with the chosen value in words.
fn severity_field(h: &mut Html, draft: &EntryDraft) {
    group_start(
        h,
        Field::Severity,
        "field severity",
        "How bad is it?",
        "0 is not at all, 10 is the worst you can imagine.",
    );
    h.open("div", &[("class", "severity-scale")]);
    let first = input_id(Field::Severity);
    for n in 0..=10u8 {
        let value = n.to_string();
        let mut attrs = vec![("type", "radio"), ("name", "severity")];
        if n == 0 {
            attrs.push(("id", &first));
        }
        attrs.push(("value", &value));
        let attrs = with_flag(attrs, draft.severity.trim() == value, "checked");
        h.open("label", &[("class", "severity-choice")])
            .open("input", &attrs)
            .leaf("span", &[], &value)
            .close("label");
    }
    h.close("div")
        .leaf("p", &[("class", "severity-value")], "")
        .close("fieldset");
}

/// How long it lasted: an amount and a unit, or "still going on".
fn duration_field(h: &mut Html, draft: &EntryDraft) {
    group_start(
        h,
        Field::Duration,
        "field duration",
        "How long did it last? (optional)",
        "A whole number and a unit, or say it is still going on.",
    );
    let amount = input_id(Field::Duration);
    h.open("div", &[("class", "duration-row")])
        .open("div", &[])
        .leaf("label", &[("for", &amount)], "How long")
        .open(
            "input",
            &[
                ("id", &amount),
                ("type", "text"),
                ("inputmode", "numeric"),
                ("size", "5"),
                ("value", &draft.duration_amount),
            ],
        )
        .close("div")
        .open("div", &[])
        .leaf("label", &[("for", "field-duration-unit")], "Unit")
        .open("select", &[("id", "field-duration-unit")]);
    for (value, label) in UNITS {
        let attrs = with_flag(
            vec![("value", value)],
            draft.duration_unit == value,
            "selected",
        );
        h.leaf("option", &attrs, label);
    }
    h.close("select")
        .close("div")
        .close("div")
        .close("fieldset");
}
