//! The home page: what this is, the article's introduction, the six effects as cards, and the
//! way to the readers' questions, the checker and the red-flag page.

use aftercare_core::content;
use aftercare_core::route::Route;
use leptos::prelude::*;

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    let article = content::article();
    let thread_count = content::threads().len();
    view! {
        <div class="page home">
            <h1 tabindex="-1">"Is this normal after acupuncture?"</h1>
            <p class="lead">
                "Most odd feelings after acupuncture are common and pass on their own. "
                "Read what an acupuncturist says about six weird but normal side effects, "
                "see what other people asked, and learn when to get help."
            </p>
            <section aria-labelledby="article-title" class="intro">
                <h2 id="article-title">{article.title}</h2>
                <p class="byline">"By " {article.author.byline()}</p>
                {article.intro.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
            </section>
            <section aria-labelledby="effects-title">
                <h2 id="effects-title">"Six weird but normal side effects"</h2>
                <ol class="cards">
                    {article
                        .sections
                        .iter()
                        .enumerate()
                        .map(|(i, s)| {
                            view! {
                                <li class="card">
                                    <a href=Route::Effect(i).href()>
                                        <span class="card-number" aria-hidden="true">{s.number}</span>
                                        <span class="card-title">{s.short_title}</span>
                                    </a>
                                    <p>{s.summary}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </section>
            <section aria-labelledby="more-title" class="more">
                <h2 id="more-title">"More help"</h2>
                <ul class="link-list">
                    <li>
                        <a href=Route::Faq.href()>
                            {format!("Questions from {thread_count} readers, with answers")}
                        </a>
                    </li>
                    <li>
                        <a href=Route::Check.href()>"Check my symptoms"</a>
                    </li>
                    <li>
                        <a href=Route::Journal.href()>"Keep a private symptom journal"</a>
                    </li>
                    <li>
                        <a href=Route::Help.href()>"When to get medical help now"</a>
                    </li>
                </ul>
            </section>
        </div>
    }
}
