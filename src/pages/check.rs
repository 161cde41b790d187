//! "Check my symptoms": a person ticks what they feel and roughly when the session was, and
//! the answer below updates as they choose (announced politely to screen readers).
//!
//! The state lives in the URL (`?symptoms=fatigue,tingling&since=1-3`), so a copied link
//! reproduces the view; the page reads it with `Nav::param` and writes it with
//! `Nav::set_param`. The rules are `aftercare_core::triage::check`; this page only shows them.

use crate::components::triage::{Disclaimer, EntryLinks, LevelBadge, Sources};
use crate::nav::Nav;
use aftercare_core::content::Symptom;
use aftercare_core::filter::Filter;
use aftercare_core::route::Route;
use aftercare_core::triage::{self, Advice, Level, PastUsual, TimeBand};
use leptos::prelude::*;

/// The URL parameter that holds the time since the session.
const SINCE: &str = "since";

/// One answer card's identity: the symptom, its level and the time band it was answered for.
/// A card is rebuilt only when one of these changes.
type Row = (Symptom, Level, Option<TimeBand>);

/// The symptom checker page.
#[component]
pub fn Check() -> impl IntoView {
    let nav = Nav::get();
    let symptoms_param = nav.param(Filter::PARAM);
    let since_param = nav.param(SINCE);
    let filter = Memo::new(move |_| symptoms_param.with(|p| Filter::from_param(p)));
    let since = Memo::new(move |_| since_param.with(|p| TimeBand::from_slug(p)));
    // Without a time, the levels are the ones before any time rule (as on the day itself);
    // whether it has lasted longer than usual is then not shown. One row per answer card,
    // most urgent first (a stable sort, so ties keep the order they were ticked in), and the
    // overall level.
    let answer = Memo::new(move |_| {
        let band = since.get();
        let mut all = filter.with(|f| triage::check(&f.selected, band.unwrap_or(TimeBand::Today)));
        all.sort_by_key(|a| std::cmp::Reverse(a.level));
        let rows: Vec<Row> = all.iter().map(|a| (a.symptom, a.level, band)).collect();
        (rows, triage::overall(&all))
    });
    let overall = Memo::new(move |_| answer.with(|(_, level)| *level));

    let clear = move |_| {
        nav.set_param(Filter::PARAM, "");
        nav.set_param(SINCE, "");
    };

    view! {
        <div class="page check">
            <h1 tabindex="-1">"Check my symptoms"</h1>
            <p class="lead">
                "Tick what you feel and say when your session was. "
                "The answer below changes as you choose."
            </p>
            <div class="check-form">
                {symptom_choices(filter, nav)}
                {since_choices(since, nav)}
                <button type="button" class="secondary" on:click=clear>
                    "Start again"
                </button>
            </div>
            <section class="check-answer" aria-labelledby="answer-title">
                <h2 id="answer-title">"Your answer"</h2>
                <p class="check-summary" aria-live="polite" aria-atomic="true">
                    {move || summary(answer.with(|(rows, _)| rows.len()), overall.get())}
                </p>
                {move || overall.get().map(overall_box)}
                {move || {
                    (since.get().is_none() && overall.get().is_some())
                        .then(|| {
                            view! {
                                <p class="hint">
                                    "Say when your session was to see if anything has lasted longer than usual."
                                </p>
                            }
                        })
                }}
                <For
                    each=move || answer.with(|(rows, _)| rows.clone())
                    key=|row: &Row| *row
                    children=|(symptom, _, band): Row| {
                        triage::check(&[symptom], band.unwrap_or(TimeBand::Today))
                            .into_iter()
                            .map(|a| advice_card(a, band))
                            .collect_view()
                    }
                />
            </section>
            <Disclaimer/>
        </div>
    }
}

/// The symptom checkboxes, one per symptom in taxonomy order, red flags included.
fn symptom_choices(filter: Memo<Filter>, nav: Nav) -> impl IntoView {
    let toggle = move |symptom: Symptom| {
        let mut f = filter.get_untracked();
        f.toggle(symptom);
        nav.set_param(Filter::PARAM, &f.to_param());
    };
    view! {
        <fieldset class="check-symptoms">
            <legend>"What do you feel?"</legend>
            <p class="hint">"Tick all that apply."</p>
            <ul class="choices">
                {Symptom::ALL
                    .iter()
                    .map(|&s| {
                        view! {
                            <li>
                                <label class="choice">
                                    <input
                                        type="checkbox"
                                        name="symptoms"
                                        value=s.slug()
                                        prop:checked=move || filter.with(|f| f.contains(s))
                                        on:change=move |_| toggle(s)
                                    />
                                    <span>{s.name()}</span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </fieldset>
    }
}

/// The radio group for roughly when the session was.
fn since_choices(since: Memo<Option<TimeBand>>, nav: Nav) -> impl IntoView {
    view! {
        <fieldset class="check-since">
            <legend>"When was your session?"</legend>
            <ul class="choices">
                {TimeBand::ALL
                    .iter()
                    .map(|&b| {
                        view! {
                            <li>
                                <label class="choice">
                                    <input
                                        type="radio"
                                        name="since"
                                        value=b.slug()
                                        prop:checked=move || since.get() == Some(b)
                                        on:change=move |_| nav.set_param(SINCE, b.slug())
                                    />
                                    <span>{b.label()}</span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </fieldset>
    }
}

/// The overall level at the top of the answer; for "get help now", a prominent link to the
/// Get help now page.
fn overall_box(level: Level) -> impl IntoView {
    view! {
        <div class=format!("overall level-{}", level.slug())>
            <p class="overall-level">"Overall: " <LevelBadge level=level/></p>
            <p>{overall_text(level)}</p>
            {(level == Level::Urgent)
                .then(|| {
                    view! {
                        <p>
                            <a class="help-link" href=Route::Help.href()>
                                "Get help now: who to call"
                            </a>
                        </p>
                    }
                })}
        </div>
    }
}

/// The polite announcement: how many symptoms are checked and the overall level.
fn summary(count: usize, overall: Option<Level>) -> String {
    let Some(level) = overall else {
        return "Nothing ticked yet. Tick what you feel to see an answer.".to_owned();
    };
    let noun = if count == 1 { "symptom" } else { "symptoms" };
    let what = match level {
        Level::Common => "common, usually passes",
        Level::Tell => "tell your practitioner",
        Level::Urgent => "get medical help now",
    };
    format!("{count} {noun} checked: {what}.")
}

/// What the overall level means, in one or two short sentences.
fn overall_text(level: Level) -> &'static str {
    match level {
        Level::Common => "What you feel is common after acupuncture. It usually passes on its own.",
        Level::Tell => "This is not an emergency. Tell your practitioner or doctor.",
        Level::Urgent => "Do not wait for it to pass. Get medical help now.",
    }
}

/// Whether the time since the session is past the usual time, in words.
fn past_usual_text(advice: &Advice) -> &'static str {
    match advice.past_usual {
        PastUsual::Yes => "Yes. It has lasted longer than usual.",
        PastUsual::No => "No. This is still within the usual time.",
        PastUsual::Unknown if advice.lasts.and_then(|l| l.max_days).is_none() => {
            "We can’t say. Our sources do not give a number of days."
        }
        PastUsual::Unknown => "It may be about now. Compare with how long it usually lasts.",
    }
}

/// The answer for one symptom: its level in words, and the facts behind it.
fn advice_card(advice: Advice, since: Option<TimeBand>) -> impl IntoView {
    let symptom = advice.symptom;
    let id = format!("advice-{}", symptom.slug());
    let label_id = id.clone();
    let t = advice.triage;
    let common = if advice.common { "Yes. " } else { "No. " };
    let signs: Vec<_> = t
        .get_help
        .iter()
        .filter(|r| r.after_days.is_none())
        .collect();
    view! {
        <article
            class=format!("advice level-{}", advice.level.slug())
            aria-labelledby=label_id
            data-symptom=symptom.slug()
        >
            <header class="advice-head">
                <h3 id=id>{symptom.name()}</h3>
                <LevelBadge level=advice.level/>
            </header>
            <dl class="advice-facts">
                <dt>"Is it common?"</dt>
                <dd>{common} {t.about.text}</dd>
                <dt>"How long it usually lasts"</dt>
                <dd>{advice.lasts.map_or("Our sources do not say.", |l| l.text)}</dd>
                {since
                    .map(|_| {
                        view! {
                            <dt>"Longer than usual?"</dt>
                            <dd class="past-usual">{past_usual_text(&advice)}</dd>
                        }
                    })}
                {advice
                    .raised_by
                    .map(|r| {
                        view! {
                            <dt>"Why this answer"</dt>
                            <dd>{r.when}</dd>
                        }
                    })}
                <dt>"What to do now"</dt>
                <dd class="do-now">{advice.do_now}</dd>
                {(!signs.is_empty())
                    .then(|| {
                        view! {
                            <dt>"Also watch for"</dt>
                            <dd>
                                <ul class="rules">
                                    {signs
                                        .iter()
                                        .map(|r| {
                                            view! {
                                                <li>
                                                    {r.when} " " <LevelBadge level=r.level/>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </dd>
                        }
                    })}
            </dl>
            {(!t.helps.is_empty())
                .then(|| {
                    view! {
                        <details class="advice-helps">
                            <summary>"What helps"</summary>
                            <ul>{t.helps.iter().map(|h| view! { <li>{h.text}</li> }).collect_view()}</ul>
                        </details>
                    }
                })}
            {(!advice.links.is_empty())
                .then(|| {
                    view! {
                        <div class="advice-links">
                            <h4>"Read more"</h4>
                            <EntryLinks entries=advice.links.clone()/>
                        </div>
                    }
                })}
            <p class="advice-sources">
                <Sources sources=advice.sources.clone()/>
            </p>
        </article>
    }
}
