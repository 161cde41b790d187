//! One side effect from the article, with its symptoms, the readers' questions about the same
//! symptoms, and the way to the previous and next effect.

use crate::components::symptoms::SymptomTags;
use aftercare_core::content;
use aftercare_core::route::Route;
use leptos::prelude::*;

/// The page of one side effect.
#[component]
pub fn Effect(
    /// Index into the article's sections (already validated by the route).
    index: usize,
) -> impl IntoView {
    let article = content::article();
    let Some(section) = article.sections.get(index) else {
        return super::not_found::NotFound().into_any();
    };
    let related: Vec<(usize, &'static content::Thread)> = content::threads()
        .iter()
        .enumerate()
        .filter(|(_, t)| t.symptoms.iter().any(|s| section.symptoms.contains(s)))
        .collect();
    let previous = index
        .checked_sub(1)
        .and_then(|i| article.sections.get(i).map(|s| (i, s)));
    let next = article.sections.get(index + 1).map(|s| (index + 1, s));
    view! {
        <article class="page effect">
            <p class="eyebrow">{format!("Side effect {} of {}", section.number, article.sections.len())}</p>
            <h1 tabindex="-1">{section.title}</h1>
            <p class="byline">"By " {article.author.byline()}</p>
            {section.paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
            <SymptomTags symptoms=section.symptoms/>
            <crate::components::triage::TriagePanel symptoms=section.symptoms/>
            {(!related.is_empty())
                .then(|| {
                    view! {
                        <section aria-labelledby="related-title" class="related">
                            <h2 id="related-title">"Readers asked about this"</h2>
                            <ul class="link-list">
                                {related
                                    .iter()
                                    .map(|(i, t)| {
                                        view! {
                                            <li>
                                                <a href=Route::Thread(*i).href()>{t.title}</a>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })}
            <nav class="pager" aria-label="Side effects">
                {previous
                    .map(|(i, s)| {
                        view! {
                            <a rel="prev" href=Route::Effect(i).href()>
                                "← " {s.short_title}
                            </a>
                        }
                    })}
                {next
                    .map(|(i, s)| {
                        view! {
                            <a rel="next" href=Route::Effect(i).href()>
                                {s.short_title} " →"
                            </a>
                        }
                    })}
            </nav>
        </article>
    }
    .into_any()
}
