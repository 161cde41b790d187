//! The search results as the search page shows them: one `<li class="result">` per entry
//! (what kind of entry, its title as a link, the snippet, its symptom tags), matched words in
//! `<mark>`. Written here as one string, escaped like every page, so a list of fifty results
//! is one DOM write instead of thousands of nodes built one by one.

use super::guide::symptom_tags;
use crate::content::EntryId;
use crate::html::Html;
use crate::route::Route;
use crate::search::{Hit, Segment};

/// The class of each result item (the browser tests' and the benchmarks' selector too).
pub const RESULT_CLASS: &str = "result";

/// What goes inside the results list (`<ol class="results">`): the entries `shown`, in that
/// order, each with its hit from `hits` when the words found it (highlighted title and
/// snippet), or only its title when it is listed by symptom alone.
#[must_use]
pub fn results_inner(shown: &[EntryId], hits: &[Hit]) -> String {
    let mut h = Html::new();
    for &id in shown {
        let hit = hits.iter().find(|h| h.id == id);
        let (kind, href) = match id {
            EntryId::Section(i) => ("Side effect", Route::Effect(i).href()),
            EntryId::Thread(i) => ("Reader question", Route::Thread(i).href()),
        };
        h.open("li", &[("class", RESULT_CLASS)])
            .leaf("span", &[("class", "kind")], kind)
            .open("a", &[("class", "result-title"), ("href", &href)]);
        match hit {
            Some(hit) => segments(&mut h, &hit.title),
            None => {
                h.text(id.title());
            }
        }
        h.close("a");
        if let Some(hit) = hit {
            h.open("p", &[("class", "snippet")]);
            segments(&mut h, &hit.snippet);
            h.close("p");
        }
        symptom_tags(&mut h, id.symptoms());
        h.close("li");
    }
    h.into_string()
}

/// Result text: the matched words inside `<mark>`, the rest as text.
fn segments(h: &mut Html, segments: &[Segment]) {
    for s in segments {
        if s.highlighted {
            h.leaf("mark", &[], &s.text);
        } else {
            h.text(&s.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::guide_index;

    #[test]
    fn each_entry_is_one_item_with_its_link_highlights_and_tags() {
        let results = guide_index().search("tired", 50);
        let shown: Vec<EntryId> = results.hits.iter().map(|h| h.id).collect();
        assert!(!shown.is_empty());
        let html = results_inner(&shown, &results.hits);
        assert_eq!(html.matches("<li class=\"result\">").count(), shown.len());
        assert!(html.contains("<mark>"), "matched words are marked: {html}");
        let first = shown[0];
        let href = match first {
            EntryId::Section(i) => Route::Effect(i).href(),
            EntryId::Thread(i) => Route::Thread(i).href(),
        };
        assert!(html.starts_with("<li class=\"result\"><span class=\"kind\">"));
        assert!(html.contains(&format!("<a class=\"result-title\" href=\"{href}\">")));
        assert!(html.contains("<ul class=\"tags\" aria-label=\"Symptoms\">"));
    }

    #[test]
    fn entries_listed_by_symptom_alone_show_their_title_without_a_snippet() {
        let id = EntryId::Section(0);
        let html = results_inner(&[id], &[]);
        let mut title = String::new();
        crate::html::escape_into(&mut title, id.title());
        assert!(html.contains(&title));
        assert!(!html.contains("snippet"));
        assert!(html.contains("Side effect"));
    }

    #[test]
    fn text_is_escaped_so_nothing_becomes_markup() {
        let hit = Hit {
            id: EntryId::Thread(0),
            score: 1.0,
            all_words: true,
            title: vec![Segment {
                text: "<img src=x onerror=alert(1)>".into(),
                highlighted: true,
            }],
            snippet: vec![Segment {
                text: "\"&'<script>".into(),
                highlighted: false,
            }],
            matched_terms: Vec::new(),
        };
        let html = results_inner(&[hit.id], std::slice::from_ref(&hit));
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<script>"), "{html}");
        assert!(
            html.contains("<mark>&lt;img src=x onerror=alert(1)&gt;</mark>"),
            "{html}"
        );
    }
}
