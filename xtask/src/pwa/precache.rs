//! The service worker's precache list: every file of the finished site with its SHA-256 and
//! size, and a version derived from them and from `sw.js`'s own code, written into `sw.js`
//! between its markers.
//!
//! The version names the service worker's cache, so it must change whenever anything the
//! worker does or keeps changes: a deploy that only edits `sw.js`'s logic gets a new cache
//! name too, never the running version's. The list itself (between the markers) is left out
//! of the code that is hashed, so writing it in is idempotent.
//!
//! The list is made from the final folder, after every page exists and carries its policy, so
//! the hashes are of the exact bytes the server will send. The service worker checks each
//! download against its hash before the new version may take over: a host or CDN that still
//! serves an older copy of some file makes the install fail and retry later, rather than
//! caching a mix of two builds.

use super::sha256;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// The marker before the generated list in `sw.js`.
pub const START: &str = "/* precache */";
/// The marker after the generated list in `sw.js`.
pub const END: &str = "/* end precache */";

/// One file the service worker downloads and keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The URL relative to the site's base: `effects/fatigue/` for a folder's `index.html`.
    pub url: String,
    /// The SHA-256 of the file, lowercase hex.
    pub sha256: String,
    /// The size in bytes.
    pub size: u64,
}

/// The whole list and its version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Precache {
    /// Derived from `sw.js`'s code and every entry's URL and hash: a new build, or a new
    /// service worker, means a new cache.
    pub version: String,
    /// Every file, sorted by URL.
    pub entries: Vec<Entry>,
}

impl Precache {
    /// Lists every file under `dir` except the service worker itself, precompressed copies
    /// (`.gz`, `.br`: the browser gets those through `Content-Encoding`, not by name) and
    /// hidden files. `worker` is the text of `sw.js` the list is for.
    ///
    /// # Errors
    /// When a folder or file cannot be read, or `worker` lacks the markers.
    pub fn of_dir(dir: &Path, worker: &str) -> Result<Precache, String> {
        let files = crate::files::under(dir)?;
        let mut entries = Vec::with_capacity(files.len());
        for file in files {
            let relative = file
                .strip_prefix(dir)
                .map_err(|e| format!("{}: {e}", file.display()))?;
            let path = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            if !is_listed(&path) {
                continue;
            }
            let bytes =
                fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            entries.push(Entry {
                url: url_of(&path),
                sha256: sha256::hex(&bytes),
                size: bytes.len() as u64,
            });
        }
        entries.sort_by(|a, b| a.url.cmp(&b.url));
        Precache::new(entries, worker)
    }

    /// The list with its version computed from `worker` (the text of `sw.js`, its list left
    /// out) and every entry.
    ///
    /// # Errors
    /// When `worker` lacks the markers.
    pub fn new(entries: Vec<Entry>, worker: &str) -> Result<Precache, String> {
        let mut summary = code_of(worker)?;
        summary.push('\0');
        for e in &entries {
            summary.push_str(&e.url);
            summary.push('\0');
            summary.push_str(&e.sha256);
            summary.push('\n');
        }
        let version = sha256::hex(summary.as_bytes())[..16].to_owned();
        Ok(Precache { version, entries })
    }

    /// The list as the JavaScript object literal `sw.js` reads (it is also valid JSON).
    pub fn to_js(&self) -> String {
        let mut out = format!("{{\"version\": \"{}\", \"files\": [", self.version);
        for (i, e) in self.entries.iter().enumerate() {
            out.push_str(if i == 0 { "\n  " } else { ",\n  " });
            let _ = write!(
                out,
                "[{}, \"{}\", {}]",
                json_string(&e.url),
                e.sha256,
                e.size
            );
        }
        out.push_str("\n]}");
        out
    }

    /// The total size of every entry in bytes.
    pub fn total_bytes(&self) -> u64 {
        self.entries.iter().map(|e| e.size).sum()
    }
}

/// `sw.js` with the list written between its markers.
///
/// # Errors
/// When the markers are missing, which means `sw.js` is not ours.
pub fn inject(script: &str, precache: &Precache) -> Result<String, String> {
    let (start, end) = list_region(script)?;
    Ok(format!(
        "{} {} {}",
        &script[..start],
        precache.to_js(),
        &script[end..]
    ))
}

/// `sw.js`'s own code: the script with whatever stands between the markers left out (the
/// markers stay), so the code hashes the same before and after the list is written in.
///
/// # Errors
/// When the markers are missing.
pub fn code_of(script: &str) -> Result<String, String> {
    let (start, end) = list_region(script)?;
    Ok(format!("{}{}", &script[..start], &script[end..]))
}

/// Where the list stands in `sw.js`: from just after [`START`] to the start of [`END`].
fn list_region(script: &str) -> Result<(usize, usize), String> {
    let start = script
        .find(START)
        .ok_or_else(|| format!("sw.js has no {START} marker"))?
        + START.len();
    let end = start
        + script[start..]
            .find(END)
            .ok_or_else(|| format!("sw.js has no {END} marker"))?;
    Ok((start, end))
}

/// Whether a site file belongs in the precache.
fn is_listed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    path != "sw.js"
        && !name.starts_with('.')
        && !path
            .rsplit_once('.')
            .is_some_and(|(_, ext)| ext == "gz" || ext == "br")
}

/// The URL a file is requested by: folders by their trailing slash, as every link and
/// navigation asks for them (never `…/index.html`).
fn url_of(path: &str) -> String {
    if path == "index.html" {
        "./".to_owned()
    } else if let Some(folder) = path.strip_suffix("/index.html") {
        format!("{folder}/")
    } else {
        path.to_owned()
    }
}

fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    aftercare_core::journal::write_json_str(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(path: &str, expected_url: Option<&str>) {
        let got = is_listed(path).then(|| url_of(path));
        assert_eq!(got.as_deref(), expected_url, "{path}");
    }

    #[test]
    fn files_map_to_the_urls_the_app_requests() {
        check("index.html", Some("./"));
        check("effects/fatigue/index.html", Some("effects/fatigue/"));
        check("404.html", Some("404.html"));
        check("aftercare-1a2b_bg.wasm", Some("aftercare-1a2b_bg.wasm"));
        check("icons/icon-192.png", Some("icons/icon-192.png"));
        check("sw.js", None);
        check("aftercare-1a2b_bg.wasm.br", None);
        check("index.html.gz", None);
        check(".DS_Store", None);
        check("icons/sw.js", Some("icons/sw.js"));
    }

    fn entry(url: &str, sha: &str) -> Entry {
        Entry {
            url: url.to_owned(),
            sha256: sha.to_owned(),
            size: 3,
        }
    }

    const WORKER: &str = "const BUILD = /* precache */ {\"version\": \"\", \"files\": []} /* end precache */;\nrest();\n";

    fn list(entries: Vec<Entry>) -> Precache {
        Precache::new(entries, WORKER).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn any_changed_byte_of_the_files_changes_the_version() {
        let a = list(vec![entry("./", "aa"), entry("x.js", "bb")]);
        let same = list(vec![entry("./", "aa"), entry("x.js", "bb")]);
        let changed = list(vec![entry("./", "aa"), entry("x.js", "bc")]);
        let renamed = list(vec![entry("./", "aa"), entry("y.js", "bb")]);
        assert_eq!(a.version, same.version);
        assert_ne!(a.version, changed.version);
        assert_ne!(a.version, renamed.version);
        assert_eq!(a.version.len(), 16);
        assert_eq!(a.total_bytes(), 6);
    }

    #[test]
    fn a_changed_service_worker_alone_changes_the_version() {
        // Issue #12: a deploy that only changes sw.js's logic must not reuse the running
        // version's cache name.
        let files = || vec![entry("./", "aa"), entry("x.js", "bb")];
        let a = list(files());
        let edited = WORKER.replace("rest();", "rest(1);");
        let b = Precache::new(files(), &edited).unwrap_or_else(|e| panic!("{e}"));
        assert_ne!(a.version, b.version);
        let comment = format!("// a comment\n{WORKER}");
        let c = Precache::new(files(), &comment).unwrap_or_else(|e| panic!("{e}"));
        assert_ne!(a.version, c.version);
        assert!(Precache::new(files(), "no markers").is_err());
    }

    #[test]
    fn the_list_written_into_sw_js_does_not_change_the_version() {
        // The post-build runs on finished sites too (and the tests run it twice): the version
        // must come out the same whether sw.js holds the empty list or a written one.
        let a = list(vec![entry("./", "aa"), entry("x.js", "bb")]);
        let written = inject(WORKER, &a).unwrap_or_default();
        assert_ne!(written, WORKER);
        assert_eq!(code_of(&written), code_of(WORKER));
        let again = Precache::new(a.entries.clone(), &written).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(again, a);
        assert_eq!(inject(&written, &again).unwrap_or_default(), written);
    }

    #[test]
    fn the_list_is_injected_between_the_markers_and_can_be_replaced() {
        let script = WORKER;
        let p = list(vec![entry("a \"b\".js", "aa")]);
        let once = inject(script, &p).unwrap_or_default();
        assert!(once.contains("[\"a \\\"b\\\".js\", \"aa\", 3]"), "{once}");
        assert!(once.ends_with("/* end precache */;\nrest();\n"));
        // Regression: running the post-build twice must not nest or duplicate the list.
        assert_eq!(inject(&once, &p).unwrap_or_default(), once);
        assert!(inject("no markers", &p).is_err());
    }
}
