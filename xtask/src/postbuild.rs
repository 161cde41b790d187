//! The post-build step: turns Trunk's single `index.html` into one page per route.
//!
//! Why pages per route rather than a single 404 fallback: every deep link then reloads on any
//! plain static server (not only hosts that serve `404.html` for unknown paths), and each page
//! carries its own `<title>`. Each page's `<base href>` is relative ("../../" two folders
//! down), so the same build works at the site root and under any subpath. Only `404.html`
//! needs the absolute public path, since a host serves it at any depth: it comes from the
//! `PUBLIC_URL` environment variable (default "/").
//!
//! Every static page (home, side effects, questions, About, Get help now, not found) also gets
//! its visible HTML prerendered into `<body>`, written by the same core function the app uses,
//! so it paints before the WebAssembly arrives and the app takes it over without a change.

use crate::bundles;
use aftercare_core::pages;
use aftercare_core::route::{Bundle, Route};
use std::fs;
use std::path::{Path, PathBuf};

/// Runs the post-build step on `args[0]`, else `$TRUNK_STAGING_DIR`, else `dist`.
pub fn run(args: &[String]) -> Result<(), String> {
    let dir = args
        .first()
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("dist"));
    let public_url = std::env::var("PUBLIC_URL").unwrap_or_else(|_| "/".to_owned());
    let index_path = dir.join("index.html");
    let template = fs::read_to_string(&index_path)
        .map_err(|e| format!("cannot read {}: {e}", index_path.display()))?;
    // The stylesheet is minified here (below), so Trunk's integrity hash of it no longer holds.
    let template = crate::minify::drop_stylesheet_integrity(&template);

    // Trunk built the reader (the template's loader); the other bundles are built here, or
    // read back from the home page when this runs again on a finished site.
    let release = std::env::var("TRUNK_PROFILE").map_or(true, |p| p == "release");
    let (reader, mut all) = bundles::bundles_of(&template)?;
    if reader.name() != Some(Bundle::Reader) {
        return Err(format!(
            "index.html loads {}, not the reader: keep data-bin=\"reader\" on its rust link",
            reader.js
        ));
    }
    let missing: Vec<Bundle> = Bundle::ALL
        .into_iter()
        .filter(|&name| name != Bundle::Reader && !all.iter().any(|b| b.name() == Some(name)))
        .collect();
    all.extend(bundles::build(&dir, &missing, release)?);
    // The stylesheet and every bundle's loader, now that all are in the folder; then the
    // bundles' import names, in each module and its loader alike.
    crate::minify::run(&dir)?;
    crate::imports::run(&dir)?;
    all.insert(0, reader);
    let finish = |html: String, route: Route| -> Result<String, String> {
        let html = prerender(&html, route)?;
        let own = all
            .iter()
            .find(|b| b.name() == Some(route.bundle()))
            .ok_or_else(|| format!("no bundle built for {}", route.bundle().name()))?;
        let others: Vec<&bundles::Bundle> = all.iter().filter(|b| *b != own).collect();
        bundles::set_loader(&html, own, &others)
    };

    for route in Route::all_static() {
        let path = route.path();
        let depth = path.split('/').filter(|p| !p.is_empty()).count();
        let html = finish(page(&template, &"../".repeat(depth), route.title())?, route)?;
        write(&dir.join(&path).join("index.html"), &html)?;
    }
    let not_found = finish(
        page(&template, &public_url, Route::NotFound.title())?,
        Route::NotFound,
    )?;
    write(&dir.join("404.html"), &not_found)?;
    // Once every page exists: security headers and the offline precache list; last, the
    // precompressed copies of everything (which the precache leaves out).
    crate::pwa::run(&dir)?;
    if release {
        crate::compress::run(&dir)?;
    }
    Ok(())
}

/// The template with its `<base href>` and `<title>` replaced.
fn page(template: &str, base: &str, title: &str) -> Result<String, String> {
    let base = if base.is_empty() { "./" } else { base };
    let html = replace_between(template, "<base href=\"", "\"", base)
        .ok_or("index.html has no <base href=\"…\">: keep <base data-trunk-public-url> in it")?;
    let title = format!("{} · Aftercare", escape(title));
    replace_between(&html, "<title>", "</title>", &title)
        .ok_or_else(|| "index.html has no <title>".to_owned())
}

/// The page with its static content written into `<body>` (header, page, footer and the
/// app's empty status region, exactly as the app renders them), marked `data-prerendered` so
/// the app knows to take it over. An interactive page gets the start the core gives it
/// (`pages::page_start`: header, heading and lead), or is left as it is.
fn prerender(html: &str, route: Route) -> Result<String, String> {
    let body = if let Some(page) = pages::page(route) {
        pages::body(route, &page.outer())
    } else if let Some(start) = pages::page_start(route) {
        pages::body_start(route, &start.outer())
    } else {
        return Ok(html.to_owned());
    };
    let body = format!("\n{body}\n");
    let html = replace_between(
        html,
        "<body",
        "</body>",
        &format!(" data-prerendered>{body}"),
    )
    .ok_or("index.html has no <body>…</body>")?;
    Ok(html)
}

/// Replaces the text between the first `start` and the next `end` after it.
fn replace_between(text: &str, start: &str, end: &str, with: &str) -> Option<String> {
    let from = text.find(start)? + start.len();
    let to = from + text[from..].find(end)?;
    Some(format!("{}{}{}", &text[..from], with, &text[to..]))
}

/// Escapes text for HTML content and attribute values.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_replaces_base_and_escapes_title() {
        let template = "<head><base href=\"./\"><title>x</title></head>";
        let html = page(template, "../../", "Tom & \"Jerry\" <3").unwrap_or_default();
        assert_eq!(
            html,
            "<head><base href=\"../../\"><title>Tom &amp; &quot;Jerry&quot; &lt;3 · Aftercare</title></head>"
        );
    }

    #[test]
    fn page_without_base_is_an_error() {
        assert!(page("<title>x</title>", "./", "t").is_err());
    }

    #[test]
    fn static_pages_are_prerendered_and_interactive_ones_start_or_not() {
        let template = "<head><base href=\"./\"><title>x</title></head>\n<body>\n  <noscript>n</noscript>\n</body>\n</html>";
        let Ok(home) = prerender(template, Route::Home) else {
            panic!("prerenders");
        };
        assert!(home.contains("<body data-prerendered>"));
        assert!(home.contains("Six weird but normal side effects"));
        assert!(home.contains("<main id=\"main\" tabindex=\"-1\"><div class=\"page home\">"));
        assert!(!home.contains("<noscript>"));
        assert!(home.ends_with("</body>\n</html>"));
        assert_eq!(
            prerender(template, Route::JournalEntry).ok().as_deref(),
            Some(template)
        );
        let Ok(journal) = prerender(template, Route::Journal) else {
            panic!("prerenders the journal's start");
        };
        assert!(journal.contains("<body data-prerendered>"));
        assert!(journal.contains("<h1 tabindex=\"-1\">My symptom journal</h1><p class=\"lead\">"));
        assert!(journal.contains("<noscript>"), "without script, say so");
        assert!(
            !journal.contains("<footer"),
            "nothing below that would move"
        );
    }
}
