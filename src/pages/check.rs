//! "Check my symptoms": red flags first ("Any of these right now?"), then what a person
//! feels and roughly when the session was; the answer updates as they choose.
//!
//! Red flags come first because they do not wait: the care card of a ticked flag (or of a
//! ticked symptom that is one) appears right under the red-flag question, with the numbers
//! to call, before anything else the answer says; when a tick further down adds a card,
//! the page brings it into view (smoothly unless reduced motion is asked for) and leaves
//! focus where it is. A compact bar with the polite live summary stays at the bottom of the
//! screen while the questions are in view, with a button to the answer, which otherwise
//! sits a long way down on a phone.
//!
//! The state lives in the URL (`?flags=chest&symptoms=fatigue,tingling&since=1-3`), so a
//! copied link or a reload reproduces the view; the page reads it with `Nav::param` and
//! writes it with `router::set_param`. Unknown words in a hand-edited link are ignored. The
//! rules are `aftercare_core::triage`; this page only shows them.

use crate::components::care::FlagCards;
use crate::components::symptoms::symptom_choice;
use crate::components::triage::{ClaimList, Disclaimer, EntryLinks, LevelBadge, RuleList, Sources};
use crate::nav::Nav;
use aftercare_core::content::Symptom;
use aftercare_core::filter::Filter;
use aftercare_core::route::Route;
use aftercare_core::triage::{self, red_flags, Advice, Level, PastUsual, RedFlag, TimeBand};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The URL parameter that holds the time since the session.
const SINCE: &str = "since";
/// The URL parameter that holds the red flags ticked, by slug (`chest,allergy`).
const FLAGS: &str = "flags";

/// The flags a `flags` parameter names, most urgent first (the data's order), each once;
/// unknown or empty slugs are ignored.
fn parse_flags(param: &str) -> Vec<&'static RedFlag> {
    RedFlag::all()
        .iter()
        .filter(|f| param.split(',').any(|slug| slug.trim() == f.slug))
        .collect()
}

/// The `flags` parameter with `flag` ticked or unticked, in the data's order.
fn toggle_flag(param: &str, flag: &'static RedFlag) -> String {
    let ticked = parse_flags(param);
    let on = !ticked.iter().any(|f| f.slug == flag.slug);
    RedFlag::all()
        .iter()
        .filter(|f| {
            if f.slug == flag.slug {
                on
            } else {
                ticked.iter().any(|t| t.slug == f.slug)
            }
        })
        .map(|f| f.slug)
        .collect::<Vec<_>>()
        .join(",")
}

/// Everything the page shows, worked out from the URL in one go.
struct Answer {
    /// Advice per ticked symptom, most urgent first.
    advice: Vec<Advice>,
    /// The time band chosen, if any.
    since: Option<TimeBand>,
    /// How many red flags were ticked in the first question.
    ticked_flags: usize,
    /// The care cards to show: the ticked flags and those the ticked symptoms are, most
    /// urgent first, each once.
    flags: Vec<&'static RedFlag>,
    /// The most urgent level of all of it.
    overall: Option<Level>,
}

impl Answer {
    fn of(flags_param: &str, symptoms_param: &str, since_param: &str) -> Answer {
        let since = TimeBand::from_slug(since_param);
        let filter = Filter::from_param(symptoms_param);
        let ticked = parse_flags(flags_param);
        let implied = red_flags::for_symptoms(&filter.selected);
        let flags: Vec<&'static RedFlag> = RedFlag::all()
            .iter()
            .filter(|f| ticked.iter().chain(&implied).any(|t| t.slug == f.slug))
            .collect();
        // Without a time, the levels are the ones before any time rule (as on the day
        // itself), and whether it has lasted longer than usual is not shown.
        let mut advice = triage::check(&filter.selected, since.unwrap_or(TimeBand::Today));
        // Most urgent first; the sort is stable, so ties keep the order they were ticked in.
        aftercare_core::order::stable_sort_by_key(&mut advice, |a| std::cmp::Reverse(a.level));
        let overall = triage::overall(&advice).max(flags.iter().map(|f| f.level).max());
        Answer {
            advice,
            since,
            ticked_flags: ticked.len(),
            flags,
            overall,
        }
    }
}

/// The symptom checker page.
#[component]
pub fn Check() -> impl IntoView {
    let nav = Nav::get();
    let flags = nav.param(FLAGS);
    let symptoms = nav.param(Filter::PARAM);
    let since = nav.param(SINCE);
    // Plain closures over the URL parameters rather than memos: parsing a short string and
    // answering a few symptoms is cheaper than the code each extra memo type adds to the wasm.
    let answer = move || flags.with(|f| symptoms.with(|s| since.with(|t| Answer::of(f, s, t))));
    let cards = Signal::derive(move || answer().flags);
    let clear = move |_| {
        crate::router::set_param(FLAGS, "");
        crate::router::set_param(Filter::PARAM, "");
        crate::router::set_param(SINCE, "");
    };
    // A card that was not there before is brought into view, wherever the tick was made.
    Effect::new(move |before: Option<Vec<&'static str>>| {
        let now: Vec<&'static str> = cards.with(|c| c.iter().map(|f| f.slug).collect());
        if let Some(before) = before {
            if let Some(new) = now.iter().find(|slug| !before.contains(slug)) {
                let selector = format!(".check-flags [data-flag=\"{new}\"]");
                request_animation_frame(move || bring_into_view(&selector, false));
            }
        }
        now
    });
    let go_to_answer = move |_| {
        let target = if cards.with(Vec::is_empty) {
            "#answer-title"
        } else {
            ".check-flags"
        };
        bring_into_view(target, true);
    };

    view! {
        <div class="page check">
            <h1 tabindex="-1">"Check my symptoms"</h1>
            <p class="lead">{aftercare_core::pages::CHECK_LEAD}</p>
            <div class="check-form">
                {flag_choices(flags)}
                <div class="check-flags" tabindex="-1" hidden=move || cards.with(Vec::is_empty)>
                    <FlagCards flags=cards id_scope="check"/>
                </div>
                {symptom_choices(symptoms)}
                {since_choices(since)}
                <button type="button" class="secondary" on:click=clear>
                    "Start again"
                </button>
                <div class=move || {
                    format!(
                        "check-status{}",
                        answer().overall.map(|l| format!(" level-{}", l.slug())).unwrap_or_default(),
                    )
                }>
                    // The live region stays in place and only its text changes, so screen
                    // readers announce each new answer.
                    <p class="check-summary" aria-live="polite" aria-atomic="true">
                        {move || answer().summary()}
                    </p>
                    <button
                        type="button"
                        class="secondary check-to-answer"
                        hidden=move || answer().overall.is_none()
                        on:click=go_to_answer
                    >
                        "See the answer"
                    </button>
                </div>
            </div>
            <section class="check-answer" aria-labelledby="answer-title">
                <h2 id="answer-title" tabindex="-1">
                    "Your answer"
                </h2>
                {move || answer_view(answer())}
            </section>
            <Disclaimer/>
        </div>
    }
}

/// Scrolls the first element matching `selector` into view (only as far as needed; smooth
/// unless the person asks for reduced motion). With `focus`, moves focus there too, for a
/// button whose purpose is to go there; otherwise focus stays where it is.
fn bring_into_view(selector: &str, focus: bool) {
    let Some(element) = document().query_selector(selector).ok().flatten() else {
        return;
    };
    // `matchMedia` and the options objects are called through `Reflect`: enabling their
    // web-sys features would add bindings for one call each.
    let reduce = js_sys::Reflect::get(&window(), &JsValue::from_str("matchMedia"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| {
            f.call1(
                &window(),
                &JsValue::from_str("(prefers-reduced-motion: reduce)"),
            )
            .ok()
        })
        .and_then(|list| js_sys::Reflect::get(&list, &JsValue::from_str("matches")).ok())
        .and_then(|m| m.as_bool())
        .unwrap_or(true);
    let call = |method: &str, options: &[(&str, JsValue)]| {
        let object = js_sys::Object::new();
        for (key, value) in options {
            let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
        }
        if let Some(f) = js_sys::Reflect::get(&element, &JsValue::from_str(method))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        {
            let _ = f.call1(&element, &object);
        }
    };
    call(
        "scrollIntoView",
        &[
            (
                "block",
                JsValue::from_str(if focus { "start" } else { "nearest" }),
            ),
            (
                "behavior",
                JsValue::from_str(if reduce { "auto" } else { "smooth" }),
            ),
        ],
    );
    if focus {
        call("focus", &[("preventScroll", JsValue::TRUE)]);
    }
}

/// The answer below the heading: the overall level, then one card per symptom. (The care
/// cards of red flags come before all of it, under the red-flag question.)
fn answer_view(answer: Answer) -> AnyView {
    let Answer {
        advice,
        since,
        overall,
        flags,
        ..
    } = answer;
    let ask_time = (since.is_none() && !advice.is_empty()).then(|| {
        view! {
            <p class="hint">
                "Say when your session was to see if anything has lasted longer than usual."
            </p>
        }
    });
    let nothing = overall.is_none().then(|| {
        view! { <p class="hint">"Nothing ticked yet."</p> }
    });
    view! {
        {nothing}
        {overall.map(|level| overall_box(level, !flags.is_empty()))}
        {ask_time}
        {advice.into_iter().map(|a| advice_card(a, since)).collect_view()}
    }
    .into_any()
}

/// The red-flag checkboxes, one per flag, most urgent first.
fn flag_choices(flags: Signal<String>) -> impl IntoView {
    view! {
        <fieldset class="check-red-flags">
            <legend>"Any of these right now?"</legend>
            <p class="hint">"Tick any that apply. If none do, go on below."</p>
            <ul class="choices">
                {RedFlag::all()
                    .iter()
                    .map(|flag| {
                        view! {
                            <li>
                                <label class="choice">
                                    <input
                                        type="checkbox"
                                        name="flags"
                                        value=flag.slug
                                        prop:checked=move || {
                                            flags.with(|p| parse_flags(p).iter().any(|f| f.slug == flag.slug))
                                        }
                                        on:change=move |_| {
                                            let next = flags.with_untracked(|p| toggle_flag(p, flag));
                                            crate::router::set_param(FLAGS, &next);
                                        }
                                    />
                                    <span>{flag.title}</span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </fieldset>
    }
}

/// The symptom checkboxes, one per symptom in taxonomy order, red flags included.
fn symptom_choices(symptoms: Signal<String>) -> impl IntoView {
    let toggle = move |symptom: Symptom| {
        let mut f = symptoms.with_untracked(|p| Filter::from_param(p));
        f.toggle(symptom);
        crate::router::set_param(Filter::PARAM, &f.to_param());
    };
    view! {
        <fieldset class="check-symptoms">
            <legend>"What do you feel?"</legend>
            <p class="hint">"Tick all that apply."</p>
            <ul class="choices">
                {Symptom::ALL
                    .iter()
                    .map(|&s| {
                        symptom_choice(
                            None,
                            s.slug().to_owned(),
                            s.name().to_owned(),
                            move || symptoms.with(|p| Filter::from_param(p).contains(s)),
                            move || toggle(s),
                        )
                    })
                    .collect_view()}
            </ul>
        </fieldset>
    }
}

/// The radio group for roughly when the session was.
fn since_choices(since: Signal<String>) -> impl IntoView {
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
                                        on:change=move |_| crate::router::set_param(SINCE, b.slug())
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

/// The overall level at the top of the answer; for "see a doctor today" and "emergency", a
/// prominent link to the Get help now page.
fn overall_box(level: Level, cards: bool) -> impl IntoView {
    view! {
        <div class=format!("overall level-{}", level.slug())>
            <p class="overall-level">"Overall: " <LevelBadge level=level/></p>
            <p>{overall_text(level)}</p>
            {(level == Level::Tell).then(clinic_contact).flatten()}
            {cards.then(|| view! { <p>"What to do and who to call is in the card above."</p> })}
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

impl Answer {
    /// The polite announcement: what is ticked and the overall level ("1 warning sign and
    /// 2 symptoms checked: emergency, get help now.").
    fn summary(&self) -> String {
        let Some(level) = self.overall else {
            return "Nothing ticked yet. Tick what you feel to see an answer.".to_owned();
        };
        let counted = |n: usize, one: &str, many: &str| {
            (n > 0).then(|| format!("{n} {}", if n == 1 { one } else { many }))
        };
        let what = [
            counted(self.ticked_flags, "warning sign", "warning signs"),
            counted(self.advice.len(), "symptom", "symptoms"),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" and ");
        format!("{what} checked: {}.", level_words(level))
    }
}

/// With a hosting clinic, its call button and booking link (the core's markup, as on the
/// "Tell your practitioner" card of Get help now); nothing without one.
fn clinic_contact() -> Option<impl IntoView> {
    aftercare_core::clinic::clinic().map(|_| {
        view! {
            <div
                class=aftercare_core::pages::CLINIC_CONTACT_CLASS
                inner_html=aftercare_core::pages::clinic_contact_inner()
            ></div>
        }
    })
}

/// The overall level in the live summary's words.
fn level_words(level: Level) -> &'static str {
    match level {
        Level::Common => "common, usually passes",
        Level::Tell => "tell your practitioner",
        Level::Today => "see a doctor today",
        Level::Emergency => "emergency, get help now",
    }
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
