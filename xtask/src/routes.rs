//! `xtask routes`: every static route as JSON, for the browser tests, so they check each page
//! against the same content the app was built from: its path, tab title, expected heading and
//! (for reader threads) how many messages it must show.

use aftercare_core::content::{self, EntryId};
use aftercare_core::route::Route;

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

fn json(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    aftercare_core::journal::write_json_str(&mut out, text);
    out
}
