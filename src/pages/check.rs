//! "Check my symptoms": a person ticks what they feel and roughly when the session was, and
//! the answer below updates as they choose (announced politely to screen readers).
//!
//! The state lives in the URL (`?symptoms=fatigue,tingling&since=1-3`), so a copied link
//! reproduces the view; the page reads it with `Nav::param` and writes it with
//! `Nav::set_param`. The rules are `aftercare_core::triage::check`; this page only shows them.

use crate::components::triage::{ClaimList, Disclaimer, EntryLinks, LevelBadge, RuleList, Sources};
use crate::nav::Nav;
use aftercare_core::content::Symptom;
use aftercare_core::filter::Filter;
use aftercare_core::route::Route;
use aftercare_core::triage::{self, Advice, Level, PastUsual, TimeBand};
use leptos::prelude::*;

/// The URL parameter that holds the time since the session.
const SINCE: &str = "since";

/// The symptom checker page.
#[component]
pub fn Check() -> impl IntoView {
    let nav = Nav::get();
    let symptoms = nav.param(Filter::PARAM);
    let since = nav.param(SINCE);
    // Plain closures over the URL parameters rather than memos: parsing a short string and
    // answering a few symptoms is cheaper than the code each extra memo type adds to the wasm.
    let answer = move || {
        let band = since.with(|p| TimeBand::from_slug(p));
        let filter = symptoms.with(|p| Filter::from_param(p));
        // Without a time, the levels are the ones before any time rule (as on the day
        // itself), and whether it has lasted longer than usual is not shown.
        let mut all = triage::check(&filter.selected, band.unwrap_or(TimeBand::Today));
        // Most urgent first; the sort is stable, so ties keep the order they were ticked in.
        all.sort_by_key(|a| std::cmp::Reverse(a.level));
        (all, band)
    };
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
                {symptom_choices(symptoms, nav)}
                {since_choices(since, nav)}
                <button type="button" class="secondary" on:click=clear>
                    "Start again"
                </button>
            </div>
            <section class="check-answer" aria-labelledby="answer-title">
                <h2 id="answer-title">"Your answer"</h2>
                // The live region stays in place and only its text changes, so screen readers
                // announce each new answer.
                <p class="check-summary" aria-live="polite" aria-atomic="true">
                    {move || {
                        let (all, _) = answer();
                        summary(all.len(), triage::overall(&all))
                    }}
                </p>
                {move || {
                    let (all, band) = answer();
                    answer_view(all, band)
                }}
            </section>
            <Disclaimer/>
        </div>
    }
}

/// The answer below the live summary: the overall level, then one card per symptom.
fn answer_view(all: Vec<Advice>, since: Option<TimeBand>) -> AnyView {
    let overall = triage::overall(&all);
    let ask_time = (since.is_none() && overall.is_some()).then(|| {
        view! {
            <p class="hint">
                "Say when your session was to see if anything has lasted longer than usual."
            </p>
        }
    });
    view! {
        {overall.map(overall_box)}
        {ask_time}
        {all.into_iter().map(|a| advice_card(a, since)).collect_view()}
    }
    .into_any()
}

/// The symptom checkboxes, one per symptom in taxonomy order, red flags included.
fn symptom_choices(symptoms: Signal<String>, nav: Nav) -> impl IntoView {
    let toggle = move |symptom: Symptom| {
        let mut f = symptoms.with_untracked(|p| Filter::from_param(p));
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
                                        prop:checked=move || symptoms.with(|p| Filter::from_param(p).contains(s))
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
fn since_choices(since: Signal<String>, nav: Nav) -> impl IntoView {
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
                                        prop:checked=move || since.with(|p| p == b.slug())
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
            {(level >= Level::Today)
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
        Level::Today => "see a doctor today",
        Level::Emergency => "emergency, get help now",
    };
    format!("{count} {noun} checked: {what}.")
}

/// What the overall level means, in one or two short sentences.
fn overall_text(level: Level) -> &'static str {
    match level {
        Level::Common => "What you feel is common after acupuncture. It usually passes on its own.",
        Level::Tell => "This is not an emergency. Tell your practitioner or doctor.",
        Level::Today => "Do not wait for it to pass. See a doctor today.",
        Level::Emergency => "Do not wait for it to pass. Call the emergency number now.",
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
    // The facts as (question, class, answer) rows: one shape for every row keeps the wasm
    // small, since each distinct view shape is compiled separately.
    let mut facts: Vec<(&str, &str, String)> = vec![(
        "Is it common?",
        "",
        format!(
            "{} {}",
            if advice.common { "Yes." } else { "No." },
            t.about.text
        ),
    )];
    facts.push((
        "How long it usually lasts",
        "",
        advice
            .lasts
            .map_or("Our sources do not say.", |l| l.text)
            .to_owned(),
    ));
    if since.is_some() && advice.lasts.is_some() {
        facts.push((
            "Longer than usual?",
            "past-usual",
            past_usual_text(&advice).to_owned(),
        ));
    }
    if let Some(rule) = advice.raised_by {
        facts.push(("Why this answer", "", rule.when.to_owned()));
    }
    facts.push(("What to do now", "do-now", advice.do_now.to_owned()));
    let signs = t.get_help.iter().filter(|r| r.after_days.is_none());
    let signs = (signs.clone().count() > 0).then(|| {
        view! {
            <dt>"Also watch for"</dt>
            <dd>
                <RuleList rules={signs.collect::<Vec<_>>()}/>
            </dd>
        }
    });
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
                {facts
                    .into_iter()
                    .map(|(term, class, text)| {
                        view! {
                            <dt>{term}</dt>
                            <dd class=class>{text}</dd>
                        }
                    })
                    .collect_view()}
                {signs}
            </dl>
            {(!t.helps.is_empty())
                .then(|| {
                    view! {
                        <details class="advice-helps">
                            <summary>"What helps"</summary>
                            <ClaimList claims=t.helps/>
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
