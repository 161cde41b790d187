//! The reader bundle: the same app crate built without its `full` feature (static pages,
//! header, navigation, offline notes), which the static pages load instead of the whole app
//! so that a first visit stays small. It loads the whole app in place when someone starts a
//! search (`src/upgrade.rs`); the interactive pages load the whole app directly.
//!
//! Trunk builds one app per page set, so this step does for the reader what Trunk does for
//! the whole app: `cargo build`, `wasm-bindgen --target web`, `wasm-opt -Oz`, content-hashed
//! names. It runs for release builds; a development build (`trunk serve`) loads the whole app
//! everywhere.

use crate::pwa::sha256;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The two files of a bundle, as paths relative to the site root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    /// The wasm-bindgen module (ES module, `init` as its default export).
    pub js: String,
    /// The WebAssembly.
    pub wasm: String,
}

/// Builds the reader bundle into `dist`.
///
/// # Errors
/// When cargo, wasm-bindgen or wasm-opt fail or are missing, or a file cannot be copied.
pub fn build(dist: &Path) -> Result<Bundle, String> {
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    run(
        Command::new(cargo).args([
            "build",
            "--quiet",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "aftercare",
            "--bin",
            "reader",
            "--no-default-features",
        ]),
        "cargo build (reader)",
    )?;
    let out = target.join("reader-bundle");
    if out.exists() {
        fs::remove_dir_all(&out).map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    let wasm_in = target.join("wasm32-unknown-unknown/release/reader.wasm");
    run(
        Command::new("wasm-bindgen")
            .arg("--target=web")
            .arg("--no-typescript")
            .arg("--out-name=reader")
            .arg(format!("--out-dir={}", out.display()))
            .arg(&wasm_in),
        "wasm-bindgen (reader)",
    )?;
    let optimised = out.join("reader_opt.wasm");
    run(
        Command::new("wasm-opt")
            .arg(format!("--output={}", optimised.display()))
            .arg("-Oz")
            .arg(out.join("reader_bg.wasm")),
        "wasm-opt (reader)",
    )?;

    let js = read(&out.join("reader.js"))?;
    let wasm = read(&optimised)?;
    let mut both = js.clone();
    both.extend_from_slice(&wasm);
    let hash = &sha256::hex(&both)[..16];
    let bundle = Bundle {
        js: format!("reader-{hash}.js"),
        wasm: format!("reader-{hash}_bg.wasm"),
    };
    write(&dist.join(&bundle.js), &js)?;
    write(&dist.join(&bundle.wasm), &wasm)?;
    copy_dir(&out.join("snippets"), &dist.join("snippets"))?;
    Ok(bundle)
}

/// The bundles a page template names: its loader's bundle and, on a page already given the
/// reader, the whole app it upgrades to (`<meta name="aftercare-app">`).
///
/// # Errors
/// When the page has no loader of the shape Trunk (or this step) writes.
pub fn bundles_of(html: &str) -> Result<(Bundle, Option<Bundle>), String> {
    let js = between(html, "from './", "'")
        .ok_or("index.html has no Trunk loader (import … from './…')")?;
    let wasm = between(html, "module_or_path: './", "'")
        .ok_or("index.html's loader names no WebAssembly (module_or_path: './…')")?;
    let loader = Bundle {
        js: js.to_owned(),
        wasm: wasm.to_owned(),
    };
    let upgrade = between(html, "<meta name=\"aftercare-app\" content=\"", "\"").and_then(|c| {
        let mut parts = c
            .split_whitespace()
            .map(|p| p.trim_start_matches("./").to_owned());
        Some(Bundle {
            js: parts.next()?,
            wasm: parts.next()?,
        })
    });
    Ok((loader, upgrade))
}

/// The page with its loader script, preload links and upgrade note replaced: it loads
/// `bundle`, and names `upgrade` (the whole app) for the reader's in-place upgrade. Running
/// it again on its own output gives the same page.
///
/// # Errors
/// When the page has no loader script or no `</head>`.
pub fn set_loader(html: &str, bundle: &Bundle, upgrade: Option<&Bundle>) -> Result<String, String> {
    let mut page = html.to_owned();
    remove_tag(&mut page, "<script type=\"module\">", "</script>")
        .ok_or("page has no loader script")?;
    while remove_tag(&mut page, "<link rel=\"modulepreload\"", ">").is_some() {}
    while remove_tag(&mut page, "<link rel=\"preload\"", ">").is_some() {}
    while remove_tag(&mut page, "<meta name=\"aftercare-app\"", ">").is_some() {}
    let mut tags = format!(
        "<script type=\"module\">\nimport init from './{js}';\n\
         const wasm = await init({{ module_or_path: './{wasm}' }});\n\
         dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {{detail: {{wasm}}}}));\n</script>\n\
         <link rel=\"modulepreload\" href=\"./{js}\">\
         <link rel=\"preload\" href=\"./{wasm}\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\">\n",
        js = bundle.js,
        wasm = bundle.wasm,
    );
    if let Some(full) = upgrade {
        let _ = writeln!(
            tags,
            "<meta name=\"aftercare-app\" content=\"./{} ./{}\">",
            full.js, full.wasm
        );
    }
    let head = page.find("</head>").ok_or("page has no </head>")?;
    page.insert_str(head, &tags);
    Ok(page)
}

/// Removes the first element from `start` through the next `end` (and the line break after
/// it); `None` when there is none.
fn remove_tag(page: &mut String, start: &str, end: &str) -> Option<()> {
    let from = page.find(start)?;
    let mut to = from + page[from..].find(end)? + end.len();
    if page[to..].starts_with('\n') {
        to += 1;
    }
    page.replace_range(from..to, "");
    Some(())
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let to = from + text[from..].find(end)?;
    Some(&text[from..to])
}

fn run(command: &mut Command, what: &str) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|e| format!("{what}: cannot run ({e}); run `make setup`"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    if !from.is_dir() {
        return Ok(());
    }
    fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries = fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        let path = entry.path();
        let dest = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &dest)?;
        } else {
            fs::copy(&path, &dest).map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "<head><script type=\"module\">\nimport init, * as bindings from './aftercare-abc.js';\n\
        const wasm = await init({ module_or_path: './aftercare-abc_bg.wasm' });\n</script>\n  \
        <link rel=\"modulepreload\" href=\"./aftercare-abc.js\" crossorigin=\"anonymous\" integrity=\"sha384-x\">\
        <link rel=\"preload\" href=\"./aftercare-abc_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-y\" as=\"fetch\" type=\"application/wasm\"></head>";

    #[test]
    fn the_whole_app_is_read_from_trunks_loader() {
        let (loader, upgrade) = bundles_of(TRUNK).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            loader,
            Bundle {
                js: "aftercare-abc.js".into(),
                wasm: "aftercare-abc_bg.wasm".into()
            }
        );
        assert_eq!(upgrade, None);
        assert!(bundles_of("<head></head>").is_err());
    }

    #[test]
    fn static_pages_load_the_reader_and_name_the_whole_app() {
        let (full, _) = bundles_of(TRUNK).unwrap_or_else(|e| panic!("{e}"));
        let reader = Bundle {
            js: "reader-1.js".into(),
            wasm: "reader-1_bg.wasm".into(),
        };
        let page = set_loader(TRUNK, &reader, Some(&full)).unwrap_or_else(|e| panic!("{e}"));
        assert!(page.contains("import init from './reader-1.js'"));
        assert!(page.contains("module_or_path: './reader-1_bg.wasm'"));
        assert!(page.contains(
            "<meta name=\"aftercare-app\" content=\"./aftercare-abc.js ./aftercare-abc_bg.wasm\">"
        ));
        assert!(page.contains("<link rel=\"modulepreload\" href=\"./reader-1.js\">"));
        assert!(page.contains("<link rel=\"preload\" href=\"./reader-1_bg.wasm\""));
        // Nothing of the whole app is loaded or preloaded by the page itself.
        assert!(!page.contains("from './aftercare"));
        assert!(!page.contains("href=\"./aftercare"));
        assert!(page.ends_with("</head>"));
        // Read back and written again, the page is the same; the whole app's page comes back.
        assert_eq!(bundles_of(&page), Ok((reader.clone(), Some(full.clone()))));
        assert_eq!(
            set_loader(&page, &reader, Some(&full)).as_deref(),
            Ok(page.as_str())
        );
        let whole = set_loader(&page, &full, None).unwrap_or_else(|e| panic!("{e}"));
        assert!(whole.contains("import init from './aftercare-abc.js'"));
        assert!(!whole.contains("reader-1") && !whole.contains("aftercare-app"));
    }
}
