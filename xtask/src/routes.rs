//! `xtask routes`: every static route as JSON, for the browser tests, so they check each page
//! against the same content the app was built from: its path, tab title, expected heading and
//! (for reader threads) how many messages it must show.

use aftercare_core::content::{self, EntryId};
use aftercare_core::route::Route;
use std::fmt::Write as _;

/// Prints the route table as a JSON array on standard output.
pub fn run() {
    let rows: Vec<String> = Route::all_static()
        .into_iter()
        .map(|route| {
            let (heading, messages) = match route {
                Route::Effect(i) => (EntryId::Section(i).title(), 0),
                Route::Thread(i) => (
                    EntryId::Thread(i).title(),
                    content::threads()
                        .get(i)
                        .map_or(0, |t| t.messages().count()),
                ),
                _ => ("", 0),
            };
            format!(
                "{{\"path\":{},\"title\":{},\"heading\":{},\"messages\":{messages}}}",
                json(&route.path()),
                json(route.title()),
                json(heading),
            )
        })
        .collect();
    println!("[{}]", rows.join(",\n"));
}

/// A JSON string literal.
fn json(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
