//! The frame around every page: skip link, header with the main navigation and the
//! always-visible "Get help now" link, and the footer with the disclaimer.

use crate::nav::Nav;
use aftercare_core::pages;
use aftercare_core::route::Route;
use aftercare_core::triage::red_flags;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The site header: skip link, brand, "Get help now", the search box and the main
/// navigation. The header's markup is the core's (`pages::header_inner`, the same the build
/// prerenders); once it is in the document, the search box and the navigation get their
/// behaviour ([`make_live`]).
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
    let header = NodeRef::<leptos::html::Header>::new();
    header.on_load(make_live);
    view! {
        <a class=pages::SKIP_LINK_CLASS href=skip_href>{pages::SKIP_LINK_TEXT}</a>
        <header
            class=pages::SITE_HEADER_CLASS
            node_ref=header
            inner_html=pages::header_inner(route.get_untracked())
        ></header>
    }
}

/// Calls `handler` with each `event` of `target` for as long as the page lives (the header
/// is made once per page load).
fn listen<E: JsCast>(
    target: &web_sys::EventTarget,
    event: &str,
    mut handler: impl FnMut(E) + 'static,
) {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        if let Ok(event) = event.dyn_into::<E>() {
            handler(event);
        }
    });
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Gives the core's header markup its behaviour: the current page marked in the navigation
/// as the route changes, and the search box (see [`search_box`]).
fn make_live(header: web_sys::HtmlElement) {
    let route = Nav::get().route();
    if let Ok(links) = header.query_selector_all("nav a") {
        Effect::new(move |_| {
            let here = route.get();
            for (i, &(to, _)) in pages::NAV.iter().enumerate() {
                let Some(link) = links
                    .item(u32::try_from(i).unwrap_or(u32::MAX))
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                let _ = if pages::is_current(to, here) {
                    link.set_attribute("aria-current", "page")
                } else {
                    link.remove_attribute("aria-current")
                };
            }
        });
    }
    search_box(&header);
}

/// The search box in the header of every page. In a bundle with search (the reader), typing
/// shows results at once on the search page (the query goes into the URL as `?q=`); in the
/// others the box is the plain form it is without the app (Enter opens the search page), and
/// a red flag the words name shows its card under the box at once. `/` anywhere focuses it;
/// the down arrow moves to the first result.
fn search_box(header: &web_sys::HtmlElement) {
    let found = |selector: &str| header.query_selector(selector).ok().flatten();
    let (Some(form), Some(input), Some(flags_box)) = (
        found("form"),
        found(&format!("#{}", pages::SEARCH_INPUT_ID))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()),
        found(".header-flags"),
    ) else {
        return;
    };
    let nav = Nav::get();
    let route = nav.route();
    let live = nav.shows(Route::Search);

    {
        let input = input.clone();
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
            if !typing {
                event.prevent_default();
                let _ = input.focus();
            }
        });
    }
    listen(&input, "keydown", move |event: web_sys::KeyboardEvent| {
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
    });

    if !live {
        // Red flags come before everything: the card shows under the box as soon as the
        // words name one, before Enter takes the person to the search page.
        let source = input.clone();
        listen(&input, "input", move |_: web_sys::Event| {
            flags_box.set_inner_html(&pages::red_flag_cards(
                &red_flags::matching(&source.value()),
                "header",
            ));
        });
        return;
    }

    // The box shows the query of the address.
    let q = nav.param("q");
    {
        let input = input.clone();
        Effect::new(move |_| {
            let q = q.get();
            if input.value() != q {
                input.set_value(&q);
            }
        });
    }
    let source = input.clone();
    listen(&input, "input", move |_: web_sys::Event| {
        let value = source.value();
        if route.get_untracked() == Route::Search {
            nav.set_param("q", &value);
        } else {
            let mut params = aftercare_core::route::Params::default();
            params.set("q", &value);
            nav.go_quietly(Route::Search, params);
        }
    });
    listen(&form, "submit", move |event: web_sys::Event| {
        event.prevent_default();
    });
}

/// The site footer: the short disclaimer and the attribution, written by the core (the same
/// markup the build prerenders).
#[component]
pub fn Footer() -> impl IntoView {
    view! { <footer class=pages::FOOTER_CLASS inner_html=pages::footer_inner()></footer> }
}
