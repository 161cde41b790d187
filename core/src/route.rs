//! The app's URL space: every page is a [`Route`], parsed from a path relative to the app's
//! base (so the same build works at `/` and under any subpath) and formatted back into one.
//!
//! Every route that exists is a real folder with its own `index.html` in the release build
//! (the xtask writes them from [`Route::all_static`]), so a reload of any deep link works on
//! any plain static server. Page state that can be shared (search text, chosen symptoms, time
//! since the session) lives in the query string, parsed here into [`Params`].

use crate::content::{self, EntryId};

/// A page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// The home page: what this is, the six effects as cards, links to the FAQ.
    Home,
    /// One side effect of the article, by index into `article().sections`.
    Effect(usize),
    /// The list of reader questions.
    Faq,
    /// One reader question with its answers, by index into `threads()`.
    Thread(usize),
    /// Author attribution, sources, disclaimer, last-reviewed date.
    About,
    /// Search the guide and filter it by symptom.
    Search,
    /// The red-flag page: when to get medical help now.
    Help,
    /// The guided symptom checker.
    Check,
    /// The symptom journal's list.
    Journal,
    /// The journal's add/edit form (`?id=` edits an entry).
    JournalEntry,
    /// The printable clinician summary of the journal.
    JournalSummary,
    /// Anything else: the friendly not-found page.
    NotFound,
}

impl Route {
    /// Parses a path relative to the app's base ("", "effects/fatigue/", "faq") into a route.
    /// A trailing slash, a trailing `index.html` and repeated slashes are all accepted.
    #[must_use]
    pub fn parse(path: &str) -> Route {
        let mut parts = path
            .split('/')
            .filter(|p| !p.is_empty() && *p != "index.html");
        let first = parts.next();
        let second = parts.next();
        if parts.next().is_some() {
            return Route::NotFound;
        }
        match (first, second) {
            (None, None) => Route::Home,
            (Some("effects"), Some(slug)) => content::section_keys()
                .iter()
                .position(|s| s.slug == slug)
                .map_or(Route::NotFound, Route::Effect),
            (Some("faq"), None) => Route::Faq,
            (Some("faq"), Some(slug)) => content::thread_keys()
                .iter()
                .position(|t| t.slug == slug)
                .map_or(Route::NotFound, Route::Thread),
            (Some("about"), None) => Route::About,
            (Some("search"), None) => Route::Search,
            (Some("help"), None) => Route::Help,
            (Some("check"), None) => Route::Check,
            (Some("journal"), None) => Route::Journal,
            (Some("journal"), Some("entry")) => Route::JournalEntry,
            (Some("journal"), Some("summary")) => Route::JournalSummary,
            _ => Route::NotFound,
        }
    }

    /// The canonical path relative to the base, always ending in `/` (or empty for home), so
    /// it names a folder whose `index.html` a static server returns without a redirect.
    #[must_use]
    pub fn path(self) -> String {
        match self {
            Route::Home => String::new(),
            Route::Effect(i) => content::section_keys().get(i).map_or_else(
                || "not-found/".to_owned(),
                |s| format!("effects/{}/", s.slug),
            ),
            Route::Faq => "faq/".to_owned(),
            Route::Thread(i) => content::thread_keys()
                .get(i)
                .map_or_else(|| "not-found/".to_owned(), |t| format!("faq/{}/", t.slug)),
            Route::About => "about/".to_owned(),
            Route::Search => "search/".to_owned(),
            Route::Help => "help/".to_owned(),
            Route::Check => "check/".to_owned(),
            Route::Journal => "journal/".to_owned(),
            Route::JournalEntry => "journal/entry/".to_owned(),
            Route::JournalSummary => "journal/summary/".to_owned(),
            Route::NotFound => "not-found/".to_owned(),
        }
    }

    /// The page an entry (an article section or a reader thread) lives on; its
    /// [`title`](Self::title) is the name a link to the entry shows.
    #[must_use]
    pub fn entry(entry: EntryId) -> Route {
        match entry {
            EntryId::Section(i) => Route::Effect(i),
            EntryId::Thread(i) => Route::Thread(i),
        }
    }

    /// An `href` for links: relative to the document's `<base>`, `./` for home.
    #[must_use]
    pub fn href(self) -> String {
        match self {
            Route::Home => "./".to_owned(),
            other => other.path(),
        }
    }

    /// The page title shown in the tab (without the app name).
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Route::Home => "Is this normal after acupuncture?",
            Route::Effect(i) => EntryId::Section(i).key().map_or("", |k| k.short_title),
            Route::Faq => "Questions from readers",
            Route::Thread(i) => EntryId::Thread(i).title(),
            Route::About => "About this guide",
            Route::Search => "Find an answer",
            Route::Help => "Get help now",
            Route::Check => "Check my symptoms",
            Route::Journal => "My symptom journal",
            Route::JournalEntry => "Journal entry",
            Route::JournalSummary => "Summary for my practitioner",
            Route::NotFound => "Page not found",
        }
    }

    /// Every route that gets its own folder and `index.html` in the release build.
    #[must_use]
    pub fn all_static() -> Vec<Route> {
        let mut all = vec![
            Route::Home,
            Route::Faq,
            Route::About,
            Route::Search,
            Route::Help,
            Route::Check,
            Route::Journal,
            Route::JournalEntry,
            Route::JournalSummary,
        ];
        all.extend((0..content::section_keys().len()).map(Route::Effect));
        all.extend((0..content::thread_keys().len()).map(Route::Thread));
        all
    }
}

/// The WebAssembly bundle a page loads: each is a thin binary over the one shell library
/// (`shell/src/bin/reader.rs`, `src/bin/check.rs`, `src/bin/journal.rs`), and this table is the one place that says which page loads which. Pages of one
/// bundle move between each other in place; a link to another bundle's page is an ordinary
/// page load (which the browser may have prefetched).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    /// The static pages (home, side effects, questions, About, Get help now, not found) and
    /// search: reading and searching, small enough for a first visit.
    Reader,
    /// The symptom checker.
    Check,
    /// The journal: its list, the entry form and the summary for a practitioner. One bundle,
    /// because the journal must move between them in place: when storage is unavailable the
    /// entries live only in the page's memory, and a page load would lose them.
    Journal,
}

impl Bundle {
    /// Every bundle, the first load's first.
    pub const ALL: [Bundle; 3] = [Bundle::Reader, Bundle::Check, Bundle::Journal];

    /// The binary's name (`<name>.rs` in a `bin/` folder), which also starts its files' names.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Bundle::Reader => "reader",
            Bundle::Check => "check",
            Bundle::Journal => "journal",
        }
    }
}

impl Route {
    /// The bundle that shows this page.
    #[must_use]
    pub fn bundle(self) -> Bundle {
        match self {
            Route::Check => Bundle::Check,
            Route::Journal | Route::JournalEntry | Route::JournalSummary => Bundle::Journal,
            Route::Home
            | Route::Effect(_)
            | Route::Faq
            | Route::Thread(_)
            | Route::About
            | Route::Search
            | Route::Help
            | Route::NotFound => Bundle::Reader,
        }
    }
}

/// Query-string parameters (`?q=tired&symptoms=fatigue`), decoded, in their original order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// Parses a query string, with or without its leading `?`. Malformed percent escapes are
    /// kept as written rather than rejected: a hand-edited link still opens.
    #[must_use]
    pub fn parse(query: &str) -> Params {
        let query = query.strip_prefix('?').unwrap_or(query);
        Params(
            query
                .split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| {
                    let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                    (decode(k), decode(v))
                })
                .collect(),
        )
    }

    /// The first value of `name`, if present.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Sets `name` to `value`, replacing earlier values; an empty value removes the parameter
    /// so URLs stay clean.
    pub fn set(&mut self, name: &str, value: &str) {
        self.0.retain(|(k, _)| k != name);
        if !value.is_empty() {
            self.0.push((name.to_owned(), value.to_owned()));
        }
    }

    /// Formats the parameters as a query string with its leading `?`, or "" when empty.
    #[must_use]
    pub fn to_query(&self) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        let mut out = String::from("?");
        for (i, (k, v)) in self.0.iter().enumerate() {
            if i > 0 {
                out.push('&');
            }
            out.push_str(&encode(k));
            out.push('=');
            out.push_str(&encode(v));
        }
        out
    }
}

/// Decodes `application/x-www-form-urlencoded` text: `+` is a space, `%XX` a byte; invalid
/// UTF-8 after decoding is replaced rather than rejected.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).and_then(|h| {
                    std::str::from_utf8(h)
                        .ok()
                        .and_then(|h| u8::from_str_radix(h, 16).ok())
                });
                if let Some(b) = hex {
                    out.push(b);
                    i += 2;
                } else {
                    out.push(b'%');
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes text for a query string: unreserved characters and `,` stay, space becomes `+`.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => {
                out.push(char::from(b));
            }
            b' ' => out.push('+'),
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_page_has_one_bundle_and_reading_and_search_share_the_first() {
        for route in Route::all_static() {
            let bundle = route.bundle();
            assert!(Bundle::ALL.contains(&bundle));
            // Whatever is prerendered (read before the wasm arrives) loads the reader, and so
            // does search: a search on a static page needs no second bundle.
            if crate::pages::page(route).is_some() {
                assert_eq!(bundle, Bundle::Reader, "{route:?}");
            }
        }
        assert_eq!(Route::Search.bundle(), Bundle::Reader);
        assert_eq!(Route::NotFound.bundle(), Bundle::Reader);
        assert_eq!(Route::Check.bundle(), Bundle::Check);
        assert_eq!(Route::Journal.bundle(), Bundle::Journal);
        assert_eq!(Route::JournalEntry.bundle(), Bundle::Journal);
        assert_eq!(Route::JournalSummary.bundle(), Bundle::Journal);
        // Names are distinct and contain no "-" (the build reads a file's bundle from the
        // part of its name before the first "-").
        for (i, a) in Bundle::ALL.iter().enumerate() {
            assert!(!a.name().contains('-'));
            for b in &Bundle::ALL[i + 1..] {
                assert_ne!(a.name(), b.name());
            }
        }
    }

    use super::*;

    #[track_caller]
    fn check(path: &str, expected: Route) {
        assert_eq!(Route::parse(path), expected, "parsing {path:?}");
    }

    #[test]
    fn parses_paths() {
        check("", Route::Home);
        check("/", Route::Home);
        check("index.html", Route::Home);
        check("faq", Route::Faq);
        check("faq/", Route::Faq);
        check("faq//", Route::Faq);
        check("about/index.html", Route::About);
        check("journal/entry/", Route::JournalEntry);
        check("journal/summary", Route::JournalSummary);
        check("effects/", Route::NotFound);
        check("effects/no-such-effect/", Route::NotFound);
        check("faq/no-such-thread/", Route::NotFound);
        check("about/extra/", Route::NotFound);
        check("a/b/c/", Route::NotFound);
        check("%00<script>", Route::NotFound);
    }

    #[test]
    fn every_static_route_round_trips_through_its_path() {
        let all = Route::all_static();
        assert_eq!(all.len(), 9 + 6 + 17);
        for route in all {
            assert_eq!(Route::parse(&route.path()), route, "{route:?}");
            assert!(!route.title().is_empty());
        }
    }

    #[test]
    fn params_round_trip_and_decode() {
        let p = Params::parse("?q=needle+left+in&symptoms=fatigue,tingling&x=%E2%9C%93");
        assert_eq!(p.get("q"), Some("needle left in"));
        assert_eq!(p.get("symptoms"), Some("fatigue,tingling"));
        assert_eq!(p.get("x"), Some("✓"));
        assert_eq!(Params::parse(&p.to_query()), p);
    }

    #[test]
    fn params_survive_malformed_input() {
        let p = Params::parse("q=100%&=&&bad=%zz%e2%28");
        assert_eq!(p.get("q"), Some("100%"));
        assert_eq!(p.get("bad").map(|v| v.starts_with("%zz")), Some(true));
        let mut p = Params::default();
        p.set("q", "a&b=c <\"'>");
        assert_eq!(Params::parse(&p.to_query()).get("q"), Some("a&b=c <\"'>"));
        p.set("q", "");
        assert_eq!(p.to_query(), "");
    }
}
