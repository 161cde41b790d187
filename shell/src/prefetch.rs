//! Polite prefetch: once the page has loaded and the browser is idle, fetch the bundles of
//! the pages its links lead to (the build names the other bundles' files in
//! `<meta name="aftercare-prefetch">`; each file's name starts with its bundle's), so opening
//! the journal or the checker later does not wait for the network. Not when the browser asks
//! to save data or the connection is 2G (then a bundle is fetched only when its page opens),
//! nor offline, nor once a service worker runs the page (its offline copy has every bundle).

use crate::router::base_path;
use aftercare_core::route::Route;
use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// The meta element the build writes into every page: the other bundles' files.
const META: &str = "aftercare-prefetch";

/// Prefetches the other bundles once the page has loaded and the browser is idle.
pub fn when_idle() {
    crate::window::when_idle(prefetch);
}

/// Whether the browser asks to save data (`navigator.connection.saveData`) or the connection
/// is 2G (`effectiveType` "2g" or "slow-2g").
fn save_data(window: &web_sys::Window) -> bool {
    let Some(connection) = Reflect::get(&window.navigator(), &"connection".into())
        .ok()
        .filter(JsValue::is_object)
    else {
        return false;
    };
    let save = Reflect::get(&connection, &"saveData".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let slow = Reflect::get(&connection, &"effectiveType".into())
        .ok()
        .and_then(|v| v.as_string())
        .is_some_and(|t| t.ends_with("2g"));
    save || slow
}

/// The bundles the page's links lead to, by name (`Route::bundle`).
fn linked_bundles(document: &web_sys::Document) -> Vec<&'static str> {
    let base = base_path();
    let mut names = Vec::new();
    let Ok(links) = document.query_selector_all("a[href]") else {
        return names;
    };
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    for link in crate::window::nodes::<web_sys::HtmlAnchorElement>(&links) {
        if link.origin() != origin {
            continue;
        }
        let Some(relative) = link.pathname().strip_prefix(&base).map(str::to_owned) else {
            continue;
        };
        let name = Route::parse(&relative).bundle().name();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Adds a `<link rel="prefetch">` for each file of a linked bundle the page's meta names.
fn prefetch() {
    let Some(window) = web_sys::window() else {
        return;
    };
    // Nothing to gain offline (the requests would only fail), or once a service worker runs
    // the page (its offline copy holds every bundle already).
    let navigator = window.navigator();
    if save_data(&window)
        || !navigator.on_line()
        || navigator.service_worker().controller().is_some()
    {
        return;
    }
    let Some(document) = window.document() else {
        return;
    };
    let Some(files) = document
        .query_selector(&format!("meta[name=\"{META}\"]"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
    else {
        return;
    };
    let Some(head) = document.query_selector("head").ok().flatten() else {
        return;
    };
    let linked = linked_bundles(&document);
    for file in files.split_whitespace() {
        let bundle = file
            .trim_start_matches("./")
            .split('-')
            .next()
            .unwrap_or_default();
        if !linked.contains(&bundle) {
            continue;
        }
        let Ok(link) = document.create_element("link") else {
            continue;
        };
        let _ = link.set_attribute("rel", "prefetch");
        let _ = link.set_attribute("href", file);
        // The same request mode as the loader's (wasm-bindgen fetches and imports with CORS),
        // so the prefetched copy is the one used.
        let _ = link.set_attribute("crossorigin", "anonymous");
        let _ = head.append_child(&link);
    }
}
