//! About this guide: whose words these are, where the facts come from, what the app is not,
//! and when it was last reviewed.

use aftercare_core::content;
use aftercare_core::route::Route;
use aftercare_core::triage::PublicSource;
use leptos::prelude::*;

/// The About page.
#[component]
pub fn About() -> impl IntoView {
    let article = content::article();
    let author = &article.author;
    view! {
        <div class="page about">
            <h1 tabindex="-1">"About this guide"</h1>
            <section aria-labelledby="words-title">
                <h2 id="words-title">"Whose words these are"</h2>
                <p>
                    "The six side effects and every answer to readers come from the article “"
                    {article.attribution.source_title}
                    "” by "
                    {article.attribution.author}
                    ", "
                    {article.attribution.practice}
                    ", "
                    {article.attribution.location}
                    ". The readers’ questions are shown as they were published, with their names, dates and spelling."
                </p>
                <h3>"About the author"</h3>
                {author.bio.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
                {content::pingbacks()
                    .iter()
                    .map(|p| {
                        view! {
                            <p class="note">
                                "Another site linked to the article, quoting: “" {p.excerpt} "”"
                            </p>
                        }
                    })
                    .collect_view()}
            </section>
            <section aria-labelledby="sources-title">
                <h2 id="sources-title">"Where the safety advice comes from"</h2>
                <p>
                    "The article is one practitioner’s reassuring view. The advice on how long "
                    "effects last and when to get help also uses the author’s replies to readers "
                    "and these public sources. Each piece of advice names its source."
                </p>
                <ul class="source-list">
                    {PublicSource::ALL
                        .iter()
                        .map(|s| {
                            view! {
                                <li>
                                    <strong>{s.name()}</strong>
                                    ". "
                                    {s.citation()}
                                    {s.url().map(|u| view! { " " <a href=u>{u}</a> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
            <section aria-labelledby="disclaimer-title" class="disclaimer">
                <h2 id="disclaimer-title">"This is not medical advice"</h2>
                <ul>
                    <li>"This app gives information only. It does not replace a doctor, nurse or your practitioner."</li>
                    <li>"Never wait to get help because of something you read here."</li>
                    <li>"In an emergency, call your local emergency number."</li>
                    <li>"Do not start or stop any medicine because of this app."</li>
                </ul>
                <p>
                    <a href=Route::Help.href()>"When to get medical help now"</a>
                </p>
            </section>
            <section aria-labelledby="privacy-title">
                <h2 id="privacy-title">"Your privacy"</h2>
                <p>
                    "The app keeps everything on this device. Your journal never leaves it unless you export it."
                </p>
            </section>
            <p class="reviewed">
                "Last reviewed: "
                <time datetime=article.last_reviewed.iso()>{article.last_reviewed.long()}</time>
            </p>
        </div>
    }
}
