//! The bundles: one thin binary per bundle over the app's shell library (`src/bin/` here, the
//! reader's in `shell/src/bin/`; the core's `Route::bundle` says which page loads which). Trunk builds the reader (the bundle
//! `index.html` names); this step builds the others the way Trunk does: `cargo build`,
//! `wasm-bindgen --target web`, `wasm-opt -Oz` (release only), content-hashed names. Every
//! page then loads its own bundle, and names the others for the app's polite prefetch
//! (`<meta name="aftercare-prefetch">`).

use crate::pwa::sha256;
use aftercare_core::route::Bundle as Name;
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

impl Bundle {
    /// Which bundle these files are, from their names (`<name>-<hash>.js`).
    #[must_use]
    pub fn name(&self) -> Option<Name> {
        let (name, _) = self.js.split_once('-')?;
        Name::ALL.into_iter().find(|b| b.name() == name)
    }
}

/// Builds the bundles `names` into `dist` (optimised for release builds).
///
/// # Errors
/// When cargo, wasm-bindgen or wasm-opt fail or are missing, or a file cannot be copied.
pub fn build(dist: &Path, names: &[Name], release: bool) -> Result<Vec<Bundle>, String> {
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    // One build per package: cargo unifies features across everything one build resolves,
    // so the plain shell's bundles are built apart from the Leptos package's (whose
    // dependencies would switch on exported code in theirs).
    for package in ["aftercare", "aftercare-shell"] {
        let bins: Vec<&str> = names
            .iter()
            .filter(|n| package_of(**n) == package)
            .map(|n| n.name())
            .collect();
        if bins.is_empty() {
            continue;
        }
        let mut args = vec![
            "build",
            "--quiet",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            package,
        ];
        if release {
            args.push("--release");
        }
        for bin in bins {
            args.extend(["--bin", bin]);
        }
        run(Command::new(&cargo).args(&args), "cargo build (bundles)")?;
    }
    let profile = if release { "release" } else { "debug" };
    names
        .iter()
        .map(|name| finish(dist, &target, profile, name.name(), release))
        .collect()
}

/// The package whose binary a bundle is: the Leptos package's (the checker) or the plain
/// shell's (the reader, the journal).
fn package_of(name: Name) -> &'static str {
    match name {
        Name::Check => "aftercare",
        Name::Reader | Name::Journal => "aftercare-shell",
    }
}

/// wasm-bindgen, wasm-opt and hashed names for one built binary.
fn finish(
    dist: &Path,
    target: &Path,
    profile: &str,
    name: &str,
    release: bool,
) -> Result<Bundle, String> {
    let out = target.join(format!("{name}-bundle"));
    if out.exists() {
        fs::remove_dir_all(&out).map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    let wasm_in = target.join(format!("wasm32-unknown-unknown/{profile}/{name}.wasm"));
    run(
        Command::new("wasm-bindgen")
            .arg("--target=web")
            .arg("--no-typescript")
            .arg(format!("--out-name={name}"))
            .arg(format!("--out-dir={}", out.display()))
            .arg(&wasm_in),
        &format!("wasm-bindgen ({name})"),
    )?;
    let bound = out.join(format!("{name}_bg.wasm"));
    let wasm_file = if release {
        let optimised = out.join(format!("{name}_opt.wasm"));
        run(
            Command::new("wasm-opt")
                .arg(format!("--output={}", optimised.display()))
                .arg("-Oz")
                .arg(&bound),
            &format!("wasm-opt ({name})"),
        )?;
        optimised
    } else {
        bound
    };

    let js = read(&out.join(format!("{name}.js")))?;
    let wasm = read(&wasm_file)?;
    let mut both = js.clone();
    both.extend_from_slice(&wasm);
    let hash = &sha256::hex(&both)[..16];
    let bundle = Bundle {
        js: format!("{name}-{hash}.js"),
        wasm: format!("{name}-{hash}_bg.wasm"),
    };
    write(&dist.join(&bundle.js), &js)?;
    write(&dist.join(&bundle.wasm), &wasm)?;
    copy_dir(&out.join("snippets"), &dist.join("snippets"))?;
    Ok(bundle)
}

/// The bundles a page names: its loader's and, on a page this step already wrote, the others
/// it names for prefetching (`<meta name="aftercare-prefetch">`).
///
/// # Errors
/// When the page has no loader of the shape Trunk (or this step) writes.
pub fn bundles_of(html: &str) -> Result<(Bundle, Vec<Bundle>), String> {
    let js = between(html, "from './", "'")
        .ok_or("index.html has no Trunk loader (import … from './…')")?;
    let wasm = between(html, "module_or_path: './", "'")
        .ok_or("index.html's loader names no WebAssembly (module_or_path: './…')")?;
    let loader = Bundle {
        js: js.to_owned(),
        wasm: wasm.to_owned(),
    };
    let others = between(html, "<meta name=\"aftercare-prefetch\" content=\"", "\"")
        .map(|c| {
            let files: Vec<String> = c
                .split_whitespace()
                .map(|p| p.trim_start_matches("./").to_owned())
                .collect();
            files
                .chunks_exact(2)
                .map(|pair| Bundle {
                    js: pair[0].clone(),
                    wasm: pair[1].clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    Ok((loader, others))
}

/// The page with its loader script, preload links and prefetch note replaced: it loads
/// `bundle`, and names `others` for the app to prefetch once the page is idle. Running it
/// again on its own output gives the same page.
///
/// # Errors
/// When the page has no loader script or no `</head>`.
pub fn set_loader(html: &str, bundle: &Bundle, others: &[&Bundle]) -> Result<String, String> {
    let mut page = html.to_owned();
    remove_tag(&mut page, "<script type=\"module\">", "</script>")
        .ok_or("page has no loader script")?;
    while remove_tag(&mut page, "<link rel=\"modulepreload\"", ">").is_some() {}
    while remove_tag(&mut page, "<link rel=\"preload\"", ">").is_some() {}
    while remove_tag(&mut page, "<meta name=\"aftercare-prefetch\"", ">").is_some() {}
    let mut tags = format!(
        "<script type=\"module\">\nimport init from './{js}';\n\
         const wasm = await init({{ module_or_path: './{wasm}' }});\n\
         dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {{detail: {{wasm}}}}));\n</script>\n\
         <link rel=\"modulepreload\" href=\"./{js}\">\
         <link rel=\"preload\" href=\"./{wasm}\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\">\n",
        js = bundle.js,
        wasm = bundle.wasm,
    );
    if !others.is_empty() {
        let files: Vec<String> = others
            .iter()
            .map(|b| format!("./{} ./{}", b.js, b.wasm))
            .collect();
        let _ = writeln!(
            tags,
            "<meta name=\"aftercare-prefetch\" content=\"{}\">",
            files.join(" ")
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

    const TRUNK: &str = "<head><script type=\"module\">\nimport init, * as bindings from './reader-abc.js';\n\
        const wasm = await init({ module_or_path: './reader-abc_bg.wasm' });\n</script>\n  \
        <link rel=\"modulepreload\" href=\"./reader-abc.js\" crossorigin=\"anonymous\" integrity=\"sha384-x\">\
        <link rel=\"preload\" href=\"./reader-abc_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-y\" as=\"fetch\" type=\"application/wasm\"></head>";

    #[test]
    fn the_reader_is_read_from_trunks_loader() {
        let (loader, others) = bundles_of(TRUNK).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            loader,
            Bundle {
                js: "reader-abc.js".into(),
                wasm: "reader-abc_bg.wasm".into()
            }
        );
        assert_eq!(loader.name(), Some(Name::Reader));
        assert!(others.is_empty());
        assert!(bundles_of("<head></head>").is_err());
    }

    #[test]
    fn each_page_loads_its_bundle_and_names_the_others_for_prefetch() {
        let (reader, _) = bundles_of(TRUNK).unwrap_or_else(|e| panic!("{e}"));
        let journal = Bundle {
            js: "journal-1.js".into(),
            wasm: "journal-1_bg.wasm".into(),
        };
        let check = Bundle {
            js: "check-2.js".into(),
            wasm: "check-2_bg.wasm".into(),
        };
        assert_eq!(journal.name(), Some(Name::Journal));
        let page =
            set_loader(TRUNK, &journal, &[&reader, &check]).unwrap_or_else(|e| panic!("{e}"));
        assert!(page.contains("import init from './journal-1.js'"));
        assert!(page.contains("module_or_path: './journal-1_bg.wasm'"));
        assert!(page.contains(
            "<meta name=\"aftercare-prefetch\" content=\"./reader-abc.js ./reader-abc_bg.wasm ./check-2.js ./check-2_bg.wasm\">"
        ));
        assert!(page.contains("<link rel=\"modulepreload\" href=\"./journal-1.js\">"));
        assert!(page.contains("<link rel=\"preload\" href=\"./journal-1_bg.wasm\""));
        // Nothing of the other bundles is loaded or preloaded by the page itself.
        assert!(!page.contains("from './reader") && !page.contains("href=\"./reader"));
        assert!(!page.contains("integrity"));
        assert!(page.ends_with("</head>"));
        // Read back and written again, the page is the same.
        assert_eq!(
            bundles_of(&page),
            Ok((journal.clone(), vec![reader.clone(), check.clone()]))
        );
        assert_eq!(
            set_loader(&page, &journal, &[&reader, &check]).as_deref(),
            Ok(page.as_str())
        );
    }
}
