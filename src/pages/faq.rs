//! The readers' questions: every thread with who asked, when, and whether it was answered.

use crate::components::symptoms::SymptomTags;
use aftercare_core::content;
use aftercare_core::route::Route;
use leptos::prelude::*;

/// The list of reader questions.
#[component]
pub fn FaqList() -> impl IntoView {
    let threads = content::threads();
    view! {
        <div class="page faq">
            <h1 tabindex="-1">"Questions from readers"</h1>
            <p class="lead">
                {format!(
                    "{} people asked the article's author about what they felt. Her answers are marked.",
                    threads.len(),
                )}
            </p>
            <ol class="threads">
                {threads
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        let answered = t.is_answered();
                        view! {
                            <li class="thread-card">
                                <a href=Route::Thread(i).href()>{t.title}</a>
                                <p class="meta">
                                    {format!("{} · {}", t.question.author, t.question.date.long())}
                                    " · "
                                    {if answered {
                                        view! { <span class="status">"Answered"</span> }.into_any()
                                    } else {
                                        view! { <span class="status unanswered">"Not answered"</span> }
                                            .into_any()
                                    }}
                                </p>
                                <SymptomTags symptoms=t.symptoms/>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </div>
    }
}
