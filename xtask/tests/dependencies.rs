//! No dependency is declared and unused: every crate named in a workspace member's
//! `[dependencies]`, `[build-dependencies]` or `[dev-dependencies]` is named in the code that
//! section builds (`name::…`, `use name`, or a derive from it). Part of `make lint` and of
//! `cargo test`; a failure names the manifest and the crate.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

/// The workspace root (xtask's parent).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_path_buf()
}

/// The crate names declared in each dependency section of a manifest, as
/// `(section, name)`, with `-` written `_` as code names them.
fn declared(manifest: &str) -> Vec<(String, String)> {
    let mut section = String::new();
    let mut names = Vec::new();
    for line in manifest.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            trimmed.trim_matches(['[', ']']).clone_into(&mut section);
            continue;
        }
        // Only lines that start a key (continuation lines of an inline table start with
        // whitespace, a quote or a bracket).
        if !section.ends_with("dependencies")
            || line.starts_with([' ', '\t', '"', ']', '#'])
            || trimmed.is_empty()
        {
            continue;
        }
        if let Some((name, _)) = trimmed.split_once('=') {
            names.push((section.clone(), name.trim().replace('-', "_")));
        }
    }
    names
}

/// The text of every `.rs` file under `dirs` (that exist) of `member`.
fn sources(member: &Path, dirs: &[&str]) -> String {
    fn walk(dir: &Path, out: &mut String) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push_str(&fs::read_to_string(&path).unwrap_or_default());
                out.push('\n');
            }
        }
    }
    let mut out = String::new();
    for dir in dirs {
        let path = member.join(dir);
        if path.is_file() {
            out.push_str(&fs::read_to_string(&path).unwrap_or_default());
        } else {
            walk(&path, &mut out);
        }
    }
    out
}

/// Whether `code` names the crate `name`.
fn names(code: &str, name: &str) -> bool {
    [
        format!("{name}::"),
        format!("use {name}"),
        format!("extern crate {name}"),
    ]
    .iter()
    .any(|pattern| code.contains(pattern.as_str()))
}

#[test]
fn every_declared_dependency_is_used() {
    let root = root();
    let mut unused = Vec::new();
    for member in [".", "core", "shell", "xtask"] {
        let dir = root.join(member);
        let manifest = fs::read_to_string(dir.join("Cargo.toml")).unwrap();
        for (section, name) in declared(&manifest) {
            let dirs: &[&str] = match section.as_str() {
                "build-dependencies" => &["build.rs", "build"],
                "dev-dependencies" => &["tests", "benches", "examples", "src"],
                _ => &["src"],
            };
            if !names(&sources(&dir, dirs), &name) {
                unused.push(format!("{member}/Cargo.toml [{section}] {name}"));
            }
        }
    }
    assert!(unused.is_empty(), "declared and unused: {unused:#?}");
}

#[test]
fn the_check_reads_manifests_as_cargo_does() {
    let manifest = "[package]\nname = \"x\"\n[dependencies]\nweb-sys = { version = \"0.3\", features = [\n  \"Window\",\n] }\n# a comment\nserde = \"1\"\n[lints]\nworkspace = true\n";
    assert_eq!(
        declared(manifest),
        [
            ("dependencies".to_owned(), "web_sys".to_owned()),
            ("dependencies".to_owned(), "serde".to_owned())
        ]
    );
    assert!(names("use serde::Deserialize;", "serde"));
    assert!(names("let x = web_sys::window();", "web_sys"));
    assert!(!names("// serde_json is not used here", "serde"));
}
