//! The frame around every page: skip link, header with the main navigation and the
//! always-visible "Get help now" link, and the footer with the disclaimer.

use crate::nav::Nav;
use aftercare_core::content;
use aftercare_core::route::Route;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The site header: skip link, brand, "Get help now", main navigation.
#[component]
pub fn Header() -> impl IntoView {
    let route = Nav::get().route();
    // The skip link points at #main on the page's own address (a bare "#main" would resolve
    // against the document's <base>, i.e. the home page). Read from the browser, so it is right
    // on the 404 page too, whatever address it was served at.
    let skip_href = move || {
        route.track();
        let path = window().location().pathname().unwrap_or_default();
        let search = window().location().search().unwrap_or_default();
        format!("{path}{search}#main")
    };
    view! {
        <a class="skip-link" href=skip_href>"Skip to content"</a>
        <header class="site-header">
            <div class="bar">
                <a class="brand" href="./">
                    <span class="brand-mark" aria-hidden="true">"◌"</span>
                    "Aftercare"
                </a>
                <a class="help-now" href=Route::Help.href()>"Get help now"</a>
            </div>
            <SearchBox/>
            <nav aria-label="Main">
                <ul>
                    <NavLink to=Route::Home label="Guide"/>
                    <NavLink to=Route::Faq label="Questions"/>
                    <NavLink to=Route::Check label="Check symptoms"/>
                    <NavLink to=Route::Journal label="Journal"/>
                    <NavLink to=Route::About label="About"/>
                </ul>
            </nav>
        </header>
    }
}

/// One main-navigation link, marked as the current page when it is (or contains) the page.
#[component]
fn NavLink(
    /// The page the link goes to.
    to: Route,
    /// The link text.
    label: &'static str,
) -> impl IntoView {
    let route = Nav::get().route();
    let current = move || {
        let here = route.get();
        let same = match (to, here) {
            (Route::Home, Route::Effect(_))
            | (Route::Faq, Route::Thread(_))
            | (Route::Journal, Route::JournalEntry | Route::JournalSummary) => true,
            (a, b) => a == b,
        };
        same.then_some("page")
    };
    view! {
        <li>
            <a href=to.href() aria-current=current>{label}</a>
        </li>
    }
}

/// The site footer: the short disclaimer and the attribution.
#[component]
pub fn Footer() -> impl IntoView {
    let article = content::article();
    view! {
        <footer class="site-footer">
            <p>
                <strong>"Information only, not medical advice."</strong>
                " Never wait to get help because of something you read here. "
                "In an emergency, call your local emergency number."
            </p>
            <p>
                "The guide and answers are by "
                {article.author.byline()}
                ", "
                {article.attribution.practice}
                ". "
                <a href=Route::About.href()>"About this guide"</a>
            </p>
        </footer>
    }
}

/// The search box in the header of every page. Typing shows results at once on the search
/// page (the query goes into the URL as `?q=`); `/` anywhere focuses it; the down arrow moves
/// to the first result. Without the app it still works as a plain form.
#[component]
fn SearchBox() -> impl IntoView {
    let nav = Nav::get();
    let route = nav.route();
    let q = nav.param("q");
    let input = NodeRef::<leptos::html::Input>::new();

    let _ = window_event_listener(ev::keydown, move |event| {
        if event.key() != "/" || event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let typing = document().active_element().is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el
                    .dyn_ref::<web_sys::HtmlElement>()
                    .is_some_and(web_sys::HtmlElement::is_content_editable)
        });
        if let (false, Some(input)) = (typing, input.get_untracked()) {
            event.prevent_default();
            let _ = input.focus();
        }
    });

    let on_input = move |event: ev::Event| {
        let value = event_target_value(&event);
        if route.get_untracked() == Route::Search {
            nav.set_param("q", &value);
        } else {
            let mut params = aftercare_core::route::Params::default();
            params.set("q", &value);
            nav.go_quietly(Route::Search, params);
        }
    };
    let on_keydown = move |event: ev::KeyboardEvent| {
        if event.key() == "ArrowDown" {
            if let Some(first) = document()
                .query_selector(".results .result-title")
                .ok()
                .flatten()
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                event.prevent_default();
                let _ = first.focus();
            }
        }
    };
    view! {
        <form
            class="site-search"
            role="search"
            action=Route::Search.href()
            method="get"
            on:submit=move |event: ev::SubmitEvent| event.prevent_default()
        >
            <label for="site-q">"Search the guide"</label>
            <input
                id="site-q"
                node_ref=input
                type="search"
                name="q"
                autocomplete="off"
                spellcheck="false"
                maxlength="10000"
                placeholder="e.g. tired, pee, needle left in"
                aria-keyshortcuts="/"
                prop:value=move || q.get()
                on:input=on_input
                on:keydown=on_keydown
            />
        </form>
    }
}
