//! No circles among the app's modules (#14): the modules of `src/` must form a graph without
//! cycles, drawn in ARCHITECTURE.md ("Module graph"). A module that needs something from a
//! module above it gets it passed down (a function, a callback) or moves the shared piece
//! into a leaf (`shell/src/window.rs`), instead of importing upwards.
//!
//! Module `a` depends on module `b` when `a`'s file names a path into `b`: `crate::b…` or
//! `super::…` (in a `use`, a use group `crate::{b, c::d}`, or inline anywhere, `view!`
//! markup included). Comments, strings and character literals are skipped. A module never
//! counts as depending on its own parent or children. `lib.rs`, `main.rs` and `src/bin/` are
//! the roots that wire the modules together, so they are not part of the graph. Paths are
//! resolved as if written at the top of the file (an inline `mod` inside a file is rare here
//! and would only shift a `super::` by one level).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fmt::Write as _;
use std::path::Path;

/// Each module and the modules it depends on, by path (`components::layout`).
type Graph = BTreeMap<String, BTreeSet<String>>;

#[test]
fn the_app_modules_form_no_circle() {
    // The Leptos pages (src/) and the plain shell under them (shell/src/), each a crate.
    for (dir, must_have) in [
        ("../src", ["app", "nav"]),
        ("../shell/src", ["router", "frame"]),
    ] {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut files = BTreeMap::new();
        read_modules(&src, &src, &mut files);
        // Guards against reading the wrong folder and passing on an empty graph.
        assert!(
            files.len() >= 5 && must_have.iter().all(|m| files.contains_key(*m)),
            "found only {:?} in {}",
            files.keys().collect::<Vec<_>>(),
            src.display()
        );
        let graph = graph(&files);
        let groups = groups(&graph);
        let mut report = String::new();
        for group in &groups {
            let circle = circle_through(&graph, group);
            let _ = write!(report, "  {}", circle.join(" -> "));
            if group.len() + 1 > circle.len() {
                let all: Vec<&str> = group.iter().map(String::as_str).collect();
                let _ = write!(report, " (one circle among {})", all.join(", "));
            }
            report.push('\n');
        }
        assert!(
            groups.is_empty(),
            "modules of {dir} import each other in a circle (see ARCHITECTURE.md, \"Module \
             graph\": pass what the lower module needs down to it, or move the shared piece \
             into a leaf module):\n{report}"
        );
    }
}

/// Reads every module file under `dir` into `files`, keyed by module path.
fn read_modules(root: &Path, dir: &Path, files: &mut BTreeMap<String, String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            read_modules(root, &path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(root).expect("under src/");
            if let Some(name) = module_name(relative) {
                let code = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                files.insert(name, code);
            }
        }
    }
}

/// The module path of a file relative to `src/` (`components/mod.rs` is `components`), or
/// `None` for the crate's roots (`lib.rs`, `main.rs`, `bin/…`).
fn module_name(relative: &Path) -> Option<String> {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.first().is_some_and(|p| p == "bin")
        || matches!(&parts[..], [one] if one == "lib" || one == "main")
    {
        return None;
    }
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    Some(parts.join("::"))
}

/// The dependencies between `files` (module path → source).
fn graph(files: &BTreeMap<String, String>) -> Graph {
    let mut graph = Graph::new();
    for (module, code) in files {
        let needs = graph.entry(module.clone()).or_default();
        for path in named_paths(module, &tokens(&strip(code))) {
            // The longest prefix of the path that is a module is the one depended on.
            let target = (1..=path.len())
                .rev()
                .map(|n| path[..n].join("::"))
                .find(|t| files.contains_key(t));
            if let Some(target) = target {
                let related = target == *module
                    || module.starts_with(&format!("{target}::"))
                    || target.starts_with(&format!("{module}::"));
                if !related {
                    needs.insert(target);
                }
            }
        }
    }
    graph
}

/// `code` with comments, string literals and character literals blanked out.
fn strip(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    let mut out = String::with_capacity(code.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r' && matches!(next, Some('"' | '#')) && !ident_before(&chars, i) {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                j += 1;
            }
            if chars.get(j) == Some(&'"') {
                let hashes = j - i - 1;
                j += 1;
                while j < chars.len()
                    && !(chars[j] == '"' && (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')))
                {
                    j += 1;
                }
                i = j + 1 + hashes;
                out.push_str("\"\"");
            } else {
                out.push(c);
                i += 1;
            }
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && next == Some('\\') {
            // An escaped character literal: '\n', '\'', '\u{…}'.
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            i += 3;
            out.push_str("' '");
        } else {
            // Anything else, lifetimes ('a) included, stays.
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// The identifiers and punctuation of stripped code, `::` as one token.
fn tokens(code: &str) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push("::".to_owned());
            i += 2;
        } else if c.is_whitespace() {
            i += 1;
        } else {
            out.push(c.to_string());
            i += 1;
        }
    }
    out
}

/// Every path `module` names from the crate's root: `crate::a::b` as `[a, b]`, each leaf of
/// a use group `crate::{a, b::{c, d}}`, and `super::…` resolved against `module`.
fn named_paths(module: &str, tokens: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < tokens.len() {
        let after_path = i > 0 && matches!(tokens[i - 1].as_str(), "::" | "$");
        let starts = !after_path && tokens[i + 1] == "::";
        if starts && tokens[i] == "crate" {
            i = use_tree(tokens, i + 2, Vec::new(), &mut out);
        } else if starts && tokens[i] == "super" {
            let mut base: Vec<String> = module.split("::").map(str::to_owned).collect();
            base.pop();
            i += 2;
            while tokens.get(i).is_some_and(|t| t == "super")
                && tokens.get(i + 1).is_some_and(|t| t == "::")
            {
                base.pop();
                i += 2;
            }
            i = use_tree(tokens, i, base, &mut out);
        } else {
            i += 1;
        }
    }
    out
}

/// Reads the path or use group starting at `tokens[i]` after `prefix::`, adds every full
/// path it names to `out`, and returns the index after it.
fn use_tree(
    tokens: &[String],
    mut i: usize,
    mut prefix: Vec<String>,
    out: &mut Vec<Vec<String>>,
) -> usize {
    loop {
        match tokens.get(i).map(String::as_str) {
            Some("{") => {
                i += 1;
                while let Some(token) = tokens.get(i) {
                    match token.as_str() {
                        "}" => return i + 1,
                        "," => i += 1,
                        "as" => i += 2,
                        _ => i = use_tree(tokens, i, prefix.clone(), out).max(i + 1),
                    }
                }
                return i;
            }
            Some(token) if token.chars().all(|c| c.is_alphanumeric() || c == '_') => {
                prefix.push(token.to_owned());
                i += 1;
                if tokens.get(i).is_some_and(|t| t == "::") {
                    i += 1;
                } else {
                    out.push(prefix);
                    return i;
                }
            }
            // `*`, or the end of the path.
            _ => {
                out.push(prefix);
                return i;
            }
        }
    }
}

/// The groups of modules that depend on each other in a circle, each as one circle through
/// its modules (`a -> b -> a`).
fn circles(graph: &Graph) -> Vec<Vec<String>> {
    groups(graph)
        .iter()
        .map(|group| circle_through(graph, group))
        .collect()
}

/// The groups of modules that depend on each other in a circle (strongly connected).
fn groups(graph: &Graph) -> Vec<BTreeSet<String>> {
    let mut tarjan = Tarjan {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        groups: Vec::new(),
    };
    for module in graph.keys() {
        if !tarjan.index.contains_key(module.as_str()) {
            tarjan.visit(module);
        }
    }
    tarjan.groups
}

/// Tarjan's strongly connected components; `groups` keeps those of more than one module.
struct Tarjan<'g> {
    graph: &'g Graph,
    index: BTreeMap<&'g str, usize>,
    low: BTreeMap<&'g str, usize>,
    stack: Vec<&'g str>,
    on_stack: BTreeSet<&'g str>,
    next: usize,
    groups: Vec<BTreeSet<String>>,
}

impl<'g> Tarjan<'g> {
    fn visit(&mut self, v: &'g str) {
        self.index.insert(v, self.next);
        self.low.insert(v, self.next);
        self.next += 1;
        self.stack.push(v);
        self.on_stack.insert(v);
        let graph = self.graph;
        for w in graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !self.index.contains_key(w) {
                if !graph.contains_key(w) {
                    continue;
                }
                self.visit(w);
                let low = self.low[v].min(self.low[w]);
                self.low.insert(v, low);
            } else if self.on_stack.contains(w) {
                let low = self.low[v].min(self.index[w]);
                self.low.insert(v, low);
            }
        }
        if self.low[v] == self.index[v] {
            let mut group = BTreeSet::new();
            while let Some(w) = self.stack.pop() {
                self.on_stack.remove(w);
                group.insert(w.to_owned());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                self.groups.push(group);
            }
        }
    }
}

/// A shortest circle from the group's first module back to it, within the group.
fn circle_through(graph: &Graph, group: &BTreeSet<String>) -> Vec<String> {
    let start = group.first().expect("a group has modules").clone();
    let mut came_from: BTreeMap<String, String> = BTreeMap::new();
    let mut queue = VecDeque::from([start.clone()]);
    while let Some(v) = queue.pop_front() {
        for w in &graph[&v] {
            if *w == start {
                // Back from `v` to the start, then round to it again.
                let mut circle = vec![v.clone()];
                let mut at = &v;
                while let Some(previous) = came_from.get(at) {
                    circle.push(previous.clone());
                    at = previous;
                }
                circle.reverse();
                circle.push(start);
                return circle;
            }
            if group.contains(w) && *w != start && !came_from.contains_key(w) {
                came_from.insert(w.clone(), v.clone());
                queue.push_back(w.clone());
            }
        }
    }
    group.iter().cloned().collect()
}

// The checker's own checks: what counts as a dependency, and what a circle reads like.

/// `files` as (module path, source); `expected` as "module -> dependency" lines.
#[track_caller]
fn check(files: &[(&str, &str)], expected: &[&str]) {
    let files = files
        .iter()
        .map(|(m, code)| ((*m).to_owned(), (*code).to_owned()))
        .collect();
    let edges: Vec<String> = graph(&files)
        .iter()
        .flat_map(|(m, needs)| needs.iter().map(move |n| format!("{m} -> {n}")))
        .collect();
    assert_eq!(edges, expected);
}

#[test]
fn finds_what_each_module_names() {
    let leaves = [("a", ""), ("b", ""), ("c", ""), ("c::d", ""), ("e", "")];
    let with = |code: &'static str| {
        let mut files = vec![("m", code)];
        files.extend(leaves);
        files
    };
    check(&with("use crate::a::Thing;"), &["m -> a"]);
    check(&with("fn f() { crate::b::go(); }"), &["m -> b"]);
    check(
        &with("use crate::{a, c::{d::X, self as see}, e::*};"),
        &["m -> a", "m -> c", "m -> c::d", "m -> e"],
    );
    check(&with("view! { <crate::e::Status/> }"), &["m -> e"]);
    // Not code: comments, strings, character literals.
    check(
        &with("// crate::a\n/* crate::b /* nested */ crate::c */ let s = \"crate::e\";"),
        &[],
    );
    check(
        &with("let q = '\"'; use crate::a; let r = r#\"crate::b\"#;"),
        &["m -> a"],
    );
    // Not a path into a module: `pub(crate)`, an item of the crate root, `$crate`.
    check(
        &with("pub(crate) fn f() {} use crate::start; $crate::a::x"),
        &[],
    );
    // Parents and children are not dependencies; `super::` is resolved.
    check(
        &[
            ("c", "pub mod d; use crate::c::d::X;"),
            (
                "c::d",
                "use super::X; use super::super::a; use crate::c::Y;",
            ),
            ("a", ""),
        ],
        &["c::d -> a"],
    );
}

#[test]
fn reports_each_circle_through_its_modules() {
    let graph = |edges: &[(&str, &str)]| {
        let mut graph = Graph::new();
        for (from, to) in edges {
            graph
                .entry((*from).to_owned())
                .or_default()
                .insert((*to).to_owned());
            graph.entry((*to).to_owned()).or_default();
        }
        graph
    };
    let none: Vec<Vec<String>> = Vec::new();
    assert_eq!(circles(&graph(&[("app", "nav"), ("nav", "window")])), none);
    assert_eq!(
        circles(&graph(&[
            ("app", "nav"),
            ("nav", "app"),
            ("pwa", "takeover"),
            ("takeover", "upgrade"),
            ("upgrade", "pwa"),
            ("upgrade", "window"),
        ])),
        [
            vec!["app", "nav", "app"],
            vec!["pwa", "takeover", "upgrade", "pwa"]
        ]
    );
}
