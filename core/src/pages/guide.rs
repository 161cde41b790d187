//! The guide's pages: home (the introduction and the six side effects), each side effect,
//! the readers' questions and each thread with its replies.

use crate::content::{self, Message, Symptom};
use crate::filter::Filter;
use crate::html::Html;
use crate::route::Route;

use super::care::triage_panel;
use super::{h1, link_list, paragraphs, StaticPage};

pub(super) fn home() -> StaticPage {
    let article = content::article();
    let mut h = Html::new();
    h1(&mut h, "Is this normal after acupuncture?");
    h.leaf(
        "p",
        &[("class", "lead")],
        "Most odd feelings after acupuncture are common and pass on their own. \
         Read what an acupuncturist says about six weird but normal side effects, \
         see what other people asked, and learn when to get help.",
    );
    h.open(
        "section",
        &[("aria-labelledby", "article-title"), ("class", "intro")],
    )
    .leaf("h2", &[("id", "article-title")], article.title)
    .leaf(
        "p",
        &[("class", "byline")],
        &format!("By {}", article.author.byline()),
    );
    paragraphs(&mut h, article.intro);
    h.close("section");
    h.open("section", &[("aria-labelledby", "effects-title")])
        .leaf(
            "h2",
            &[("id", "effects-title")],
            "Six weird but normal side effects",
        )
        .open("ol", &[("class", "cards")]);
    for (i, s) in article.sections.iter().enumerate() {
        h.open("li", &[("class", "card")])
            .open("a", &[("href", &Route::Effect(i).href())])
            .leaf(
                "span",
                &[("class", "card-number"), ("aria-hidden", "true")],
                &s.number.to_string(),
            )
            .leaf("span", &[("class", "card-title")], s.short_title)
            .close("a")
            .leaf("p", &[], s.summary)
            .close("li");
    }
    h.close("ol").close("section");
    h.open(
        "section",
        &[("aria-labelledby", "more-title"), ("class", "more")],
    )
    .leaf("h2", &[("id", "more-title")], "More help");
    link_list(
        &mut h,
        [
            (
                Route::Faq,
                format!(
                    "Questions from {} readers, with answers",
                    content::threads().len()
                ),
            ),
            (Route::Check, "Check my symptoms".to_owned()),
            (Route::Journal, "Keep a private symptom journal".to_owned()),
            (Route::Help, "When to get medical help now".to_owned()),
        ],
    );
    h.close("section");
    StaticPage {
        tag: "div",
        class: "page home",
        inner: h.into_string(),
    }
}

/// A list of symptom tags (`<ul class="tags" aria-label="Symptoms">`), each a link to the
/// guide filtered by that symptom: the static pages and the search results both show it.
pub(super) fn symptom_tags(h: &mut Html, symptoms: &[Symptom]) {
    h.open("ul", &[("class", "tags"), ("aria-label", "Symptoms")]);
    for s in symptoms {
        let href = format!("search/?{}={}", Filter::PARAM, s.slug());
        h.open("li", &[])
            .leaf("a", &[("class", "tag"), ("href", &href)], s.name())
            .close("li");
    }
    h.close("ul");
}

pub(super) fn effect(index: usize) -> Option<StaticPage> {
    let article = content::article();
    let section = article.sections.get(index)?;
    let mut h = Html::new();
    h.leaf(
        "p",
        &[("class", "eyebrow")],
        &format!(
            "Side effect {} of {}",
            section.number,
            article.sections.len()
        ),
    );
    h1(&mut h, section.title);
    h.leaf(
        "p",
        &[("class", "byline")],
        &format!("By {}", article.author.byline()),
    );
    paragraphs(&mut h, section.paragraphs);
    symptom_tags(&mut h, section.symptoms);
    triage_panel(&mut h, section.symptoms);
    let related: Vec<(Route, String)> = content::threads()
        .iter()
        .enumerate()
        .filter(|(_, t)| t.symptoms.iter().any(|s| section.symptoms.contains(s)))
        .map(|(i, t)| (Route::Thread(i), t.title.to_owned()))
        .collect();
    if !related.is_empty() {
        h.open(
            "section",
            &[("aria-labelledby", "related-title"), ("class", "related")],
        )
        .leaf("h2", &[("id", "related-title")], "Readers asked about this");
        link_list(&mut h, related);
        h.close("section");
    }
    h.open("nav", &[("class", "pager"), ("aria-label", "Side effects")]);
    if let Some(prev) = index.checked_sub(1).and_then(|i| article.sections.get(i)) {
        let href = Route::Effect(index - 1).href();
        h.leaf(
            "a",
            &[("rel", "prev"), ("href", &href)],
            &format!("← {}", prev.short_title),
        );
    }
    if let Some(next) = article.sections.get(index + 1) {
        let href = Route::Effect(index + 1).href();
        h.leaf(
            "a",
            &[("rel", "next"), ("href", &href)],
            &format!("{} →", next.short_title),
        );
    }
    h.close("nav");
    Some(StaticPage {
        tag: "article",
        class: "page effect",
        inner: h.into_string(),
    })
}

pub(super) fn faq() -> StaticPage {
    let threads = content::threads();
    let mut h = Html::new();
    h1(&mut h, "Questions from readers");
    h.leaf(
        "p",
        &[("class", "lead")],
        &format!(
            "{} people asked the article's author about what they felt. Her answers are marked.",
            threads.len()
        ),
    );
    h.open("ol", &[("class", "threads")]);
    for (i, t) in threads.iter().enumerate() {
        h.open("li", &[("class", "thread-card")])
            .leaf("a", &[("href", &Route::Thread(i).href())], t.title)
            .open("p", &[("class", "meta")])
            .text(&format!(
                "{} · {}",
                t.question.author,
                t.question.date.long()
            ))
            .text(" · ");
        if t.is_answered() {
            h.leaf("span", &[("class", "status")], "Answered");
        } else {
            h.leaf("span", &[("class", "status unanswered")], "Not answered");
        }
        h.close("p");
        symptom_tags(&mut h, t.symptoms);
        h.close("li");
    }
    h.close("ol");
    StaticPage {
        tag: "div",
        class: "page faq",
        inner: h.into_string(),
    }
}

fn message(h: &mut Html, message: &Message) {
    let class = if message.by_article_author {
        "message by-author"
    } else {
        "message"
    };
    h.open("article", &[("class", class)])
        .open("header", &[("class", "message-meta")])
        .leaf("span", &[("class", "who")], message.author);
    if message.by_article_author {
        h.leaf("span", &[("class", "badge")], "Article author");
    }
    let datetime = format!("{}T{}", message.date.iso(), message.time);
    h.leaf("time", &[("datetime", &datetime)], &message.date.long())
        .close("header");
    paragraphs(h, message.paragraphs);
    h.close("article");
    if !message.replies.is_empty() {
        h.open("ol", &[("class", "replies"), ("aria-label", "Replies")]);
        for reply in message.replies {
            h.open("li", &[]);
            self::message(h, reply);
            h.close("li");
        }
        h.close("ol");
    }
}

pub(super) fn thread(index: usize) -> Option<StaticPage> {
    let thread = content::threads().get(index)?;
    let mut h = Html::new();
    h.open("p", &[("class", "eyebrow")])
        .leaf(
            "a",
            &[("href", &Route::Faq.href())],
            "Questions from readers",
        )
        .close("p");
    h1(&mut h, thread.title);
    symptom_tags(&mut h, thread.symptoms);
    triage_panel(&mut h, thread.symptoms);
    h.open("div", &[("class", "conversation")]);
    message(&mut h, &thread.question);
    h.close("div");
    if !thread.is_answered() {
        h.leaf(
            "p",
            &[("class", "note unanswered")],
            "The article's author did not answer this question. \
             If you wonder about the same thing, ask your practitioner.",
        );
    }
    let sections: Vec<(Route, String)> = content::article()
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.symptoms.iter().any(|x| thread.symptoms.contains(x)))
        .map(|(i, s)| (Route::Effect(i), s.short_title.to_owned()))
        .collect();
    if !sections.is_empty() {
        h.open(
            "section",
            &[("aria-labelledby", "guide-title"), ("class", "related")],
        )
        .leaf("h2", &[("id", "guide-title")], "In the guide");
        link_list(&mut h, sections);
        h.close("section");
    }
    Some(StaticPage {
        tag: "article",
        class: "page thread",
        inner: h.into_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::page;

    #[test]
    fn home_has_the_introduction_and_the_six_effects() {
        let Some(home) = page(Route::Home) else {
            panic!("home is static");
        };
        let article = content::article();
        assert!(home.inner.contains(article.title));
        assert_eq!(home.inner.matches("class=\"card\"").count(), 6);
        for (i, s) in article.sections.iter().enumerate() {
            assert!(home
                .inner
                .contains(&format!("href=\"{}\"", Route::Effect(i).href())));
            assert!(home.inner.contains(s.short_title));
        }
    }
}
