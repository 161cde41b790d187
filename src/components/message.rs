//! One published comment or reply, with its replies nested below it as on the source page.

use aftercare_core::content::Message;
use leptos::prelude::*;

/// Renders a message and, recursively, its replies. Text is always inserted as text nodes.
pub fn message_view(message: &'static Message) -> AnyView {
    let replies = (!message.replies.is_empty()).then(|| {
        view! {
            <ol class="replies" aria-label="Replies">
                {message
                    .replies
                    .iter()
                    .map(|reply| view! { <li>{message_view(reply)}</li> })
                    .collect_view()}
            </ol>
        }
    });
    view! {
        <article class="message" class:by-author=message.by_article_author>
            <header class="message-meta">
                <span class="who">{message.author}</span>
                {message
                    .by_article_author
                    .then(|| view! { <span class="badge">"Article author"</span> })}
                <time datetime=format!("{}T{}", message.date.iso(), message.time)>
                    {message.date.long()}
                </time>
            </header>
            {message.paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
        </article>
        {replies}
    }
    .into_any()
}
