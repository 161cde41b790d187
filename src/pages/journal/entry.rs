//! The journal's add/edit form (`journal/entry/`, `?id=` edits an entry).
//!
//! Every field is labelled; after the first Save, each field's problem (from
//! `EntryDraft::validate`, the only place the rules live) shows beside it, tied to the input
//! with `aria-describedby` and `aria-invalid`, and a summary at the top lists them all. The
//! form's values are this page's own signals, read from the journal once: when another tab
//! changes the journal, what is being typed here is untouched. When saving fails (storage
//! full), the form keeps everything and says what to do.
//!
//! When what is ticked or written names a red flag ("short of breath" in the notes, chest
//! pain ticked), that flag's care card, with the numbers to call, shows at the top of the
//! page as soon as it is named, before the entry is saved.

use aftercare_core::content::Symptom;
use aftercare_core::journal::{flags_named, Entry, EntryDraft, EntryId, Field, FieldError};
use aftercare_core::route::{Params, Route};
use leptos::either::Either;
use leptos::prelude::*;

use super::focus;
use crate::components::care::FlagCards;
use crate::components::journal_notice::JournalNotices;
use crate::components::symptoms::symptom_choice;
use crate::journal_store::{local_now, now_ms, Change, Conflict, JournalStore, SaveError, Status};
use crate::nav::Nav;

/// The form's values, one signal per input.
#[derive(Clone, Copy)]
struct Form {
    started: RwSignal<String>,
    session_date: RwSignal<String>,
    symptoms: RwSignal<Vec<String>>,
    other_symptoms: RwSignal<String>,
    severity: RwSignal<String>,
    duration_amount: RwSignal<String>,
    duration_unit: RwSignal<String>,
    notes: RwSignal<String>,
}

impl Form {
    /// A form holding `draft`'s values.
    fn new(draft: EntryDraft) -> Form {
        Form {
            started: RwSignal::new(draft.started),
            session_date: RwSignal::new(draft.session_date),
            symptoms: RwSignal::new(draft.symptoms),
            other_symptoms: RwSignal::new(draft.other_symptoms),
            severity: RwSignal::new(draft.severity),
            duration_amount: RwSignal::new(draft.duration_amount),
            duration_unit: RwSignal::new(draft.duration_unit),
            notes: RwSignal::new(draft.notes),
        }
    }

    /// Puts `draft`'s values in the form (the other tab's version, when the person asks).
    fn fill(self, draft: &EntryDraft) {
        self.started.set(draft.started.clone());
        self.session_date.set(draft.session_date.clone());
        self.symptoms.set(draft.symptoms.clone());
        self.other_symptoms.set(draft.other_symptoms.clone());
        self.severity.set(draft.severity.clone());
        self.duration_amount.set(draft.duration_amount.clone());
        self.duration_unit.set(draft.duration_unit.clone());
        self.notes.set(draft.notes.clone());
    }

    /// The values as the core's draft, tracked.
    fn draft(self) -> EntryDraft {
        EntryDraft {
            started: self.started.get(),
            session_date: self.session_date.get(),
            symptoms: self.symptoms.get(),
            other_symptoms: self.other_symptoms.get(),
            severity: self.severity.get(),
            duration_amount: self.duration_amount.get(),
            duration_unit: self.duration_unit.get(),
            notes: self.notes.get(),
        }
    }
}

/// The element id of a field's input (for a group, its first input).
fn input_id(field: Field) -> String {
    format!("field-{}", field.as_str())
}

/// The add/edit form page.
#[component]
pub fn JournalEntryPage() -> impl IntoView {
    let store = JournalStore::get();
    let id_param = Nav::get().params_untracked().get("id").map(str::to_owned);
    // What to fill the form with, and the id being edited. Read once, untracked: a change
    // from another tab never resets what is being typed.
    let form: Option<(EntryDraft, Option<(EntryId, i64)>)> = match id_param {
        None => Some((
            EntryDraft {
                started: local_now().map(|now| now.to_string()).unwrap_or_default(),
                ..EntryDraft::default()
            },
            None,
        )),
        Some(text) => EntryId::parse(&text)
            .and_then(|id| store.journal().with_untracked(|j| j.get(&id).cloned()))
            .map(|entry: Entry| {
                (
                    EntryDraft::from_entry(&entry),
                    Some((entry.id, entry.updated_ms)),
                )
            }),
    };
    match form {
        Some((draft, editing)) => Either::Left(view! { <EntryForm draft editing/> }),
        None => Either::Right(view! {
            <div class="page journal-form">
                <h1 tabindex="-1">"Entry not found"</h1>
                <JournalNotices/>
                <p>
                    "This entry is not in your journal any more. It may have been deleted, here "
                    "or in another tab."
                </p>
                <p>
                    <a href=Route::Journal.href()>"Back to the journal"</a>
                </p>
            </div>
        }),
    }
}

/// Where saving an edit stands when another tab changed or deleted the entry meanwhile.
#[derive(Clone, Debug, PartialEq)]
enum Clash {
    /// Changed elsewhere: this is that version.
    Changed(Box<Entry>),
    /// Deleted elsewhere.
    Deleted,
}

/// The form itself, filled from `draft`; `editing` is the id of the entry being changed and
/// its `updated_ms` when the form opened.
#[component]
fn EntryForm(draft: EntryDraft, editing: Option<(EntryId, i64)>) -> impl IntoView {
    let store = JournalStore::get();
    // The version of the entry this form's edit is based on: when storage holds another,
    // saving asks instead of overwriting. `None` after the person chose to save over it.
    let seen = StoredValue::new(editing.as_ref().map(|(_, ms)| *ms));
    let editing = editing.map(|(id, _)| id);
    let editing_id = StoredValue::new(editing.clone());
    let clash: RwSignal<Option<Clash>> = RwSignal::new(None);
    // Symptoms the entry has that this build does not list: kept as ticked boxes, so an edit
    // never drops them.
    let unknown: Vec<String> = draft
        .symptoms
        .iter()
        .filter(|s| Symptom::from_slug(s).is_none())
        .cloned()
        .collect();
    let form = Form::new(draft);
    let attempted = RwSignal::new(false);
    // Each field's problem, live once Save was pressed.
    let errors = Memo::new(move |_| {
        if !attempted.get() {
            return Vec::new();
        }
        form.draft()
            .validate(EntryId::new(0, 0), 0)
            .err()
            .unwrap_or_default()
    });
    // The summary lists the problems found at the last Save (it does not change per keystroke,
    // so a screen reader hears it once).
    let summary: RwSignal<Vec<FieldError>> = RwSignal::new(Vec::new());
    let save_error: RwSignal<Option<String>> = RwSignal::new(None);
    // The red flags the entry names so far, read again as it changes.
    let flags = Signal::derive(move || {
        form.symptoms.with(|symptoms| {
            form.other_symptoms
                .with(|other| form.notes.with(|notes| flags_named(symptoms, other, notes)))
        })
    });
    let heading = if editing.is_some() {
        "Edit an entry"
    } else {
        "Add an entry"
    };

    // Validates and saves; `as_new` saves an edit whose entry was deleted elsewhere as an
    // entry again.
    let save = move |as_new: bool| {
        attempted.set(true);
        save_error.set(None);
        clash.set(None);
        let now = now_ms();
        let editing = editing_id.get_value();
        let id = editing.clone().unwrap_or_else(JournalStore::new_id);
        match form.draft().validate(id, now) {
            Err(problems) => {
                summary.set(problems);
                focus(".error-summary");
            }
            Ok(entry) => {
                summary.set(Vec::new());
                let change = if editing.is_some() && !as_new {
                    Change::Edit {
                        entry,
                        seen_ms: seen.get_value(),
                    }
                } else {
                    Change::Add(entry)
                };
                store.commit(change, move |result| match result {
                    Ok(done) => {
                        store.status().set(Some(Status::Done(done)));
                        crate::router::go(Route::Journal, Params::default());
                    }
                    Err(SaveError::Conflict(found)) => {
                        clash.set(Some(match found {
                            Conflict::Changed(theirs) => Clash::Changed(theirs),
                            Conflict::Deleted => Clash::Deleted,
                        }));
                        focus(".journal-clash");
                    }
                    Err(error) => {
                        save_error.set(Some(error.to_string()));
                        focus(".journal-save-error");
                    }
                });
            }
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save(false);
    };
    // The person's answers when the entry changed elsewhere.
    let keep_mine = move |_| {
        seen.set_value(None);
        save(false);
    };
    let use_theirs = move |_| {
        if let Some(Clash::Changed(theirs)) = clash.get_untracked() {
            form.fill(&EntryDraft::from_entry(&theirs));
            seen.set_value(Some(theirs.updated_ms));
        }
        clash.set(None);
        focus("h1");
    };
    let save_as_new = move |_| save(true);
    let changed = move || clash.with(|c| matches!(c, Some(Clash::Changed(_))));

    view! {
        <div class="page journal-form">
            <h1 tabindex="-1">{heading}</h1>
            <JournalNotices/>
            <div class="journal-flags" hidden=move || flags.with(Vec::is_empty)>
                <p class="journal-flags-intro">
                    <strong>"This can be serious."</strong>
                    " If it is happening now, do what the card says. You can save the entry later."
                </p>
                <FlagCards flags id_scope="entry"/>
            </div>
            <ErrorSummary summary/>
            <form class="entry-form" novalidate on:submit=submit>
                <TextField
                    field=Field::Started
                    label="When did it start?"
                    hint="Date and time, as best you remember."
                    kind="datetime-local"
                    value=form.started
                    errors
                />
                <TextField
                    field=Field::SessionDate
                    label="Date of your acupuncture session (optional)"
                    hint="If you give it, each entry shows which day after your session it was."
                    kind="date"
                    value=form.session_date
                    errors
                />
                <SymptomsField symptoms=form.symptoms unknown errors/>
                <TextField
                    field=Field::OtherSymptoms
                    label="Anything else, in your own words (optional)"
                    hint="For example: heavy legs, a metallic taste."
                    kind="text"
                    value=form.other_symptoms
                    errors
                />
                <SeverityField severity=form.severity errors/>
                <DurationField amount=form.duration_amount unit=form.duration_unit errors/>
                <NotesField notes=form.notes errors/>
                <p
                    class="journal-error journal-save-error"
                    role="alert"
                    tabindex="-1"
                    hidden=move || save_error.with(Option::is_none)
                >
                    {move || save_error.get().unwrap_or_default()}
                </p>
                <div
                    class="journal-clash journal-error"
                    role="alert"
                    tabindex="-1"
                    hidden=move || clash.with(Option::is_none)
                >
                    <p hidden=move || !changed()>
                        "This entry was changed in another tab or window after you opened it. "
                        "Saving yours would replace that version."
                    </p>
                    <p hidden=changed>
                        "This entry was deleted in another tab or window after you opened it."
                    </p>
                    <p class="button-row">
                        <button type="button" hidden=move || !changed() on:click=keep_mine>
                            "Save mine over it"
                        </button>
                        <button
                            type="button"
                            class="secondary"
                            hidden=move || !changed()
                            on:click=use_theirs
                        >
                            "Show the other version"
                        </button>
                        <button type="button" hidden=changed on:click=save_as_new>
                            "Save mine as a new entry"
                        </button>
                    </p>
                </div>
                <p class="button-row">
                    <button type="submit">"Save entry"</button>
                    <a class="button secondary" href=Route::Journal.href()>
                        "Cancel"
                    </a>
                </p>
            </form>
        </div>
    }
}

/// The message for `field` among `errors`, if any.
fn message_for(errors: Memo<Vec<FieldError>>, field: Field) -> Option<String> {
    errors.with(|list| {
        list.iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
    })
}

/// The ids describing a field: its hint, and its error when it has one.
fn described_by(errors: Memo<Vec<FieldError>>, field: Field, hint: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(hint_id(field));
    }
    if message_for(errors, field).is_some() {
        ids.push(error_id(field));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The element id of a field's error message.
fn error_id(field: Field) -> String {
    format!("{}-error", input_id(field))
}

/// The element id of a field's hint.
fn hint_id(field: Field) -> String {
    format!("{}-hint", input_id(field))
}

/// The frame every single-input field shares: its label, hint and error, around the input
/// (`children`), which names the hint and error with `aria-describedby`.
#[component]
fn FieldBox(
    field: Field,
    label: &'static str,
    hint: &'static str,
    errors: Memo<Vec<FieldError>>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="field" class:has-error=move || message_for(errors, field).is_some()>
            <label for=input_id(field)>{label}</label>
            <p class="hint" id=hint_id(field)>{hint}</p>
            <FieldMessage field errors/>
            {children()}
        </div>
    }
}

/// The frame every group of inputs shares (checkboxes, radio buttons, amount and unit): a
/// fieldset with its legend, hint and error, described by both.
#[component]
fn FieldGroup(
    field: Field,
    legend: &'static str,
    hint: &'static str,
    /// Extra class names after "field".
    #[prop(optional)]
    class: &'static str,
    errors: Memo<Vec<FieldError>>,
    children: Children,
) -> impl IntoView {
    let class = if class.is_empty() {
        "field".to_owned()
    } else {
        format!("field {class}")
    };
    view! {
        <fieldset
            class=class
            class:has-error=move || message_for(errors, field).is_some()
            aria-describedby=move || described_by(errors, field, true)
        >
            <legend>{legend}</legend>
            <p class="hint" id=hint_id(field)>{hint}</p>
            <FieldMessage field errors/>
            {children()}
        </fieldset>
    }
}

/// A field's error message, shown beside it while it has one (the field's inputs name it
/// in `aria-describedby` only then).
#[component]
fn FieldMessage(field: Field, errors: Memo<Vec<FieldError>>) -> impl IntoView {
    view! {
        <p
            class="field-error"
            id=error_id(field)
            hidden=move || message_for(errors, field).is_none()
        >
            {move || message_for(errors, field).unwrap_or_default()}
        </p>
    }
}

/// The list of problems at the top of the form after a failed Save, each a button that moves
/// to its field.
#[component]
fn ErrorSummary(summary: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let title = move || match summary.with(Vec::len) {
        1 => "Please fix 1 thing before saving".to_owned(),
        n => format!("Please fix {n} things before saving"),
    };
    view! {
        <div
            class="error-summary"
            role="alert"
            tabindex="-1"
            aria-labelledby="error-summary-title"
            hidden=move || summary.with(Vec::is_empty)
        >
            <h2 id="error-summary-title">{title}</h2>
            <ul>
                {move || {
                    summary
                        .get()
                        .into_iter()
                        .map(|problem| {
                            let target = input_id(problem.field);
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="link"
                                        on:click=move |_| focus_id(&target)
                                    >
                                        {problem.message}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

/// Moves focus to the element with this id.
fn focus_id(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let _ = element.focus();
    }
}

/// A single-line input with its label, hint and error.
#[component]
fn TextField(
    field: Field,
    label: &'static str,
    hint: &'static str,
    kind: &'static str,
    value: RwSignal<String>,
    errors: Memo<Vec<FieldError>>,
) -> impl IntoView {
    view! {
        <FieldBox field label hint errors>
            <input
                id=input_id(field)
                type=kind
                prop:value=value
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || message_for(errors, field).map(|_| "true")
                aria-describedby=move || described_by(errors, field, true)
            />
        </FieldBox>
    }
}

/// The symptom checkboxes, one per symptom of the taxonomy, plus any unknown ones the entry
/// already has.
#[component]
fn SymptomsField(
    symptoms: RwSignal<Vec<String>>,
    unknown: Vec<String>,
    errors: Memo<Vec<FieldError>>,
) -> impl IntoView {
    let field = Field::Symptoms;
    let toggle = move |slug: String| {
        symptoms.update(|list| {
            if let Some(i) = list.iter().position(|s| *s == slug) {
                list.remove(i);
            } else {
                list.push(slug);
            }
        });
    };
    let choice = move |index: usize, slug: String, name: String| {
        let checked_slug = slug.clone();
        let toggled = slug.clone();
        symptom_choice(
            (index == 0).then(|| input_id(field)),
            slug,
            name,
            move || symptoms.with(|list| list.contains(&checked_slug)),
            move || toggle(toggled.clone()),
        )
    };
    view! {
        <FieldGroup field legend="What did you notice?" hint="Tick all that apply." errors>
            <ul class="choices">
                {Symptom::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, s)| choice(i, s.slug().to_owned(), s.name().to_owned()))
                    .collect_view()}
                {unknown
                    .into_iter()
                    .map(|slug| choice(usize::MAX, slug.clone(), slug))
                    .collect_view()}
            </ul>
        </FieldGroup>
    }
}

/// Severity as eleven radio buttons, 0 to 10, with the chosen value in words.
#[component]
fn SeverityField(severity: RwSignal<String>, errors: Memo<Vec<FieldError>>) -> impl IntoView {
    let field = Field::Severity;
    view! {
        <FieldGroup
            field
            legend="How bad is it?"
            hint="0 is not at all, 10 is the worst you can imagine."
            class="severity"
            errors
        >
            <div class="severity-scale">
                {(0..=10u8)
                    .map(|n| {
                        let value = n.to_string();
                        let checked = value.clone();
                        view! {
                            <label class="severity-choice">
                                <input
                                    type="radio"
                                    name="severity"
                                    id=(n == 0).then(|| input_id(field))
                                    value=value.clone()
                                    prop:checked=move || severity.with(|s| s.trim() == checked)
                                    on:change=move |_| severity.set(value.clone())
                                />
                                <span>{n}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="severity-value">
                {move || {
                    let chosen = severity.get();
                    if chosen.trim().is_empty() {
                        "Nothing chosen yet.".to_owned()
                    } else {
                        format!("Chosen: {} out of 10.", chosen.trim())
                    }
                }}
            </p>
        </FieldGroup>
    }
}

/// How long it lasted: an amount and a unit, or "still going on".
#[component]
fn DurationField(
    amount: RwSignal<String>,
    unit: RwSignal<String>,
    errors: Memo<Vec<FieldError>>,
) -> impl IntoView {
    let field = Field::Duration;
    let ongoing = move || unit.with(|u| u == "ongoing");
    let units = [
        ("", "Choose"),
        ("minutes", "minutes"),
        ("hours", "hours"),
        ("days", "days"),
        ("ongoing", "It is still going on"),
    ];
    view! {
        <FieldGroup
            field
            legend="How long did it last? (optional)"
            hint="A whole number and a unit, or say it is still going on."
            class="duration"
            errors
        >
            <div class="duration-row">
                <div>
                    <label for=input_id(field)>"How long"</label>
                    <input
                        id=input_id(field)
                        type="text"
                        inputmode="numeric"
                        size="5"
                        prop:value=amount
                        prop:disabled=ongoing
                        on:input=move |ev| amount.set(event_target_value(&ev))
                        aria-invalid=move || message_for(errors, field).map(|_| "true")
                    />
                </div>
                <div>
                    <label for="field-duration-unit">"Unit"</label>
                    <select
                        id="field-duration-unit"
                        on:change=move |ev| unit.set(event_target_value(&ev))
                        aria-invalid=move || message_for(errors, field).map(|_| "true")
                    >
                        {units
                            .into_iter()
                            .map(|(value, label)| {
                                view! {
                                    <option value=value prop:selected=move || unit.with(|u| u == value)>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
        </FieldGroup>
    }
}

/// The notes box.
#[component]
fn NotesField(notes: RwSignal<String>, errors: Memo<Vec<FieldError>>) -> impl IntoView {
    let field = Field::Notes;
    view! {
        <FieldBox
            field
            label="Notes (optional)"
            hint="Anything that may help your practitioner: what you were doing, what helped."
            errors
        >
            <textarea
                id=input_id(field)
                rows="5"
                prop:value=notes
                on:input=move |ev| notes.set(event_target_value(&ev))
                aria-invalid=move || message_for(errors, field).map(|_| "true")
                aria-describedby=move || described_by(errors, field, true)
            ></textarea>
        </FieldBox>
    }
}
