//! One reader's question with every reply, nested as published.

use crate::components::message::message_view;
use crate::components::symptoms::SymptomTags;
use aftercare_core::content;
use aftercare_core::route::Route;
use leptos::prelude::*;

/// The page of one reader thread.
#[component]
pub fn ThreadPage(
    /// Index into the threads (already validated by the route).
    index: usize,
) -> impl IntoView {
    let Some(thread) = content::threads().get(index) else {
        return super::not_found::NotFound().into_any();
    };
    let sections: Vec<(usize, &'static content::Section)> = content::article()
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.symptoms.iter().any(|x| thread.symptoms.contains(x)))
        .collect();
    view! {
        <article class="page thread">
            <p class="eyebrow">
                <a href=Route::Faq.href()>"Questions from readers"</a>
            </p>
            <h1 tabindex="-1">{thread.title}</h1>
            <SymptomTags symptoms=thread.symptoms/>
            <crate::components::triage::TriagePanel symptoms=thread.symptoms/>
            <div class="conversation">{message_view(&thread.question)}</div>
            {(!thread.is_answered())
                .then(|| {
                    view! {
                        <p class="note unanswered">
                            "The article's author did not answer this question. "
                            "If you wonder about the same thing, ask your practitioner."
                        </p>
                    }
                })}
            {(!sections.is_empty())
                .then(|| {
                    view! {
                        <section aria-labelledby="guide-title" class="related">
                            <h2 id="guide-title">"In the guide"</h2>
                            <ul class="link-list">
                                {sections
                                    .iter()
                                    .map(|(i, s)| {
                                        view! {
                                            <li>
                                                <a href=Route::Effect(*i).href()>{s.short_title}</a>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })}
        </article>
    }
    .into_any()
}
