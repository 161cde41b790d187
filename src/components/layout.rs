//! The frame around every page: skip link, header with the main navigation and the
//! always-visible "Get help now" link, and the footer with the disclaimer.

use crate::nav::Nav;
use aftercare_core::pages;
use aftercare_core::route::Route;
use aftercare_core::triage::red_flags;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The site header: skip link, brand, "Get help now", main navigation.
#[component]
pub fn Header() -> impl IntoView {
    let route = Nav::get().route();
    // The skip link points at #main on the page's own address (a bare "#main" would resolve
    // against the document's <base>, i.e. the home page): the route's address relative to
    // <base>, as the build prerenders it, with the query kept. The 404 page is served at any
    // address under an absolute <base>, so there it is read from the browser.
    let skip_href = move || {
        let here = route.get();
        let location = window().location();
        let search = location.search().unwrap_or_default();
        if here == Route::NotFound {
            format!("{}{search}#main", location.pathname().unwrap_or_default())
        } else {
            format!("{}{search}#main", here.href())
        }
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
                    {pages::NAV
                        .iter()
                        .map(|&(to, label)| view! { <NavLink to=to label=label/> })
                        .collect_view()}
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
    let current = move || pages::is_current(to, route.get()).then_some("page");
    view! {
        <li>
            <a href=to.href() aria-current=current>{label}</a>
        </li>
    }
}

/// The site footer: the short disclaimer and the attribution, written by the core (the same
/// markup the build prerenders).
#[component]
pub fn Footer() -> impl IntoView {
    view! { <footer class="site-footer" inner_html=pages::footer_inner()></footer> }
}

/// The search box in the header of every page. Typing shows results at once on the search
/// page (the query goes into the URL as `?q=`); `/` anywhere focuses it; the down arrow moves
/// to the first result. Without the app it still works as a plain form.
#[component]
fn SearchBox() -> impl IntoView {
    let nav = Nav::get();
    let route = nav.route();
    // The whole app shows the query of the address; the reader has none, and starts with
    // whatever was typed into the page it took over (see `takeover`).
    #[cfg(feature = "full")]
    let value = {
        let q = nav.param("q");
        move || q.get()
    };
    #[cfg(not(feature = "full"))]
    let value = crate::takeover::typed();
    let input = NodeRef::<leptos::html::Input>::new();
    // Red flags come before everything, also before the whole app has loaded: on a static
    // page the reader shows the card under the box as soon as the words name one. (The whole
    // app moves to the search page on the first keystroke, which shows the cards itself.)
    let flags_box = NodeRef::<leptos::html::Div>::new();
    let show_flags = move |text: &str| {
        if let Some(el) = flags_box.get_untracked() {
            el.set_inner_html(&pages::red_flag_cards(
                &red_flags::matching_plain(text),
                "header",
            ));
        }
    };
    #[cfg(not(feature = "full"))]
    {
        let typed = value.clone();
        request_animation_frame(move || show_flags(&typed));
    }

    crate::window::on_window(ev::keydown, move |event| {
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

    // The whole app shows results as the person types. The reader has no search: the first
    // focus or keystroke loads the whole app in place, which takes the typed words over and
    // shows their results (and Enter before that submits the form as a plain page load).
    let on_input = move |event: ev::Event| {
        let value = event_target_value(&event);
        if cfg!(not(feature = "full")) {
            show_flags(&value);
            upgrade_now();
            return;
        }
        if route.get_untracked() == Route::Search {
            nav.set_param("q", &value);
        } else {
            let mut params = aftercare_core::route::Params::default();
            params.set("q", &value);
            nav.go_quietly(Route::Search, params);
        }
    };
    let on_submit = move |event: ev::SubmitEvent| {
        if cfg!(feature = "full") {
            event.prevent_default();
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
            on:submit=on_submit
        >
            <label for="site-q">{pages::SEARCH_LABEL}</label>
            <input
                id="site-q"
                node_ref=input
                type="search"
                name="q"
                autocomplete="off"
                spellcheck="false"
                maxlength="10000"
                placeholder=pages::SEARCH_PLACEHOLDER
                aria-keyshortcuts="/"
                prop:value=value
                on:input=on_input
                on:focus=move |_| upgrade_now()
                on:keydown=on_keydown
            />
        </form>
        <div class="header-flags" aria-live="polite" node_ref=flags_box></div>
    }
}

/// Starts loading the whole app in place (the reader only; the whole app has it already).
fn upgrade_now() {
    #[cfg(not(feature = "full"))]
    crate::upgrade::start();
}
