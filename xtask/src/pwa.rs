//! The PWA step of the post-build, run last once every page exists: writes the
//! Content-Security-Policy into every HTML page, names a hosting clinic's copy in the web app
//! manifest (`manifest.rs`), checks the manifest's icons, and
//! writes the service worker's precache list (every file, with its SHA-256) into `sw.js`,
//! with a version (the cache's name) that hashes the list and `sw.js`'s own code.
//!
//! Order matters: the policy changes the pages, so the hashes are taken after it. Anything
//! that rewrites files afterwards (precompressed `.gz`/`.br` copies included) must run after
//! this step, or the service worker's hash check will reject the changed files.

mod csp;
pub mod icons;
mod manifest;
mod png;
mod precache;
pub mod sha256;

use std::fs;
use std::path::Path;

pub use precache::Precache;

/// Runs the PWA step on the finished site folder.
///
/// # Errors
/// When a page, the manifest or `sw.js` is missing or cannot be read or written.
pub fn run(dir: &Path) -> Result<(), String> {
    let pages: Vec<_> = crate::files::under(dir)?
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    for page in &pages {
        let html = read(page)?;
        let with_policy = csp::apply(&html).map_err(|e| format!("{}: {e}", page.display()))?;
        for markup in csp::blocked_markup(&with_policy) {
            eprintln!(
                "xtask: warning: {} has `{markup}`, which the Content-Security-Policy blocks",
                page.display()
            );
        }
        if with_policy != html {
            write(page, &with_policy)?;
        }
    }
    if let Some(clinic) = aftercare_core::clinic::clinic() {
        let path = dir.join("manifest.webmanifest");
        let named = manifest::apply(&read(&path)?, clinic)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        write(&path, &named)?;
    }
    check_manifest(dir)?;
    check_icons(dir)?;

    // The version covers sw.js's own code as well as every file, so a deploy that changes
    // only the worker's logic still gets a cache of its own.
    let sw = dir.join("sw.js");
    let script = read(&sw)?;
    let list = Precache::of_dir(dir, &script)?;
    write(&sw, &precache::inject(&script, &list)?)?;
    println!(
        "pwa: {} pages with a CSP, {} files ({} KB) precached, version {}",
        pages.len(),
        list.entries.len(),
        list.total_bytes().div_ceil(1024),
        list.version
    );
    Ok(())
}

/// Every icon the manifest names must exist in the site, else install fails quietly.
fn check_manifest(dir: &Path) -> Result<(), String> {
    let path = dir.join("manifest.webmanifest");
    let manifest = read(&path)?;
    for (i, _) in manifest.match_indices("\"src\"") {
        let value = manifest[i + 5..]
            .trim_start_matches([' ', ':', '\t'])
            .strip_prefix('"')
            .and_then(|v| v.split('"').next())
            .ok_or_else(|| format!("{}: unreadable \"src\"", path.display()))?;
        if !dir.join(value).is_file() {
            return Err(format!(
                "{} names {value}, which the build does not contain",
                path.display()
            ));
        }
    }
    for icon in icons::ICONS {
        if !dir.join(icon.path).is_file() {
            return Err(format!("the build has no {}", icon.path));
        }
    }
    Ok(())
}

/// The committed PNGs must show what `icon.svg` draws today: an edited SVG with stale PNGs
/// would install an old icon.
fn check_icons(dir: &Path) -> Result<(), String> {
    let svg = read(&dir.join("icon.svg"))?;
    for icon in icons::ICONS {
        let path = dir.join(icon.path);
        let built = fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if !icons::is_current(&svg, icon, &built)? {
            return Err(format!(
                "public/{} does not show what public/icon.svg draws: run `UPDATE_ICONS=1 cargo test -p xtask committed_icons` and commit the PNGs",
                icon.path
            ));
        }
    }
    Ok(())
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
