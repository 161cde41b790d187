//! The search page ("Find an answer"): what it shows for a query and a choice of symptoms,
//! written as HTML like every other page. The app writes [`SearchPage::inner`] once when the
//! page opens (and, on a page someone typed into before the app arrived, before the app has
//! even mounted, so the first answer is not held up by it); as the person types or chooses,
//! it rewrites only the parts that changed ([`SearchPage::flags_inner`],
//! [`SearchPage::status`], [`SearchPage::notes_inner`], [`SearchPage::answers_inner`] and each
//! toggle's state), so the live status line, the open filter and the focus stay where they are.

use super::{care, h1, results_inner};
use crate::content::{self, EntryId, Symptom};
use crate::filter::Filter;
use crate::html::Html;
use crate::search::{guide_index, SearchResults, MAX_QUERY_CHARS};
use crate::triage::{red_flags, RedFlag};

/// The page's class; its parts' classes follow, for the app to find them.
pub const SEARCH_CLASS: &str = "page search";
/// The red-flag cards' place (empty when no flag is named).
pub const FLAGS_CLASS: &str = "search-flags";
/// The polite status line read by screen readers after each change.
pub const STATUS_SELECTOR: &str = "p.status";
/// "Showing results for …" and the truncation note.
pub const NOTES_CLASS: &str = "search-notes";
/// What answers the search: the results list, or suggestions, or why there is none.
pub const ANSWERS_CLASS: &str = "search-answers";
/// The symptom filter (`<details>`), its toggles' list and its "(2 chosen)".
pub const FILTER_CLASS: &str = "symptom-filter";
/// The list that holds the toggles (built when the filter is first open).
pub const TOGGLES_CLASS: &str = "toggles";
/// How many symptoms are chosen, in the filter's summary.
pub const CHOSEN_CLASS: &str = "chosen";
/// The button that clears the chosen symptoms.
pub const CLEAR_CLASS: &str = "clear";
/// The attribute naming a toggle's symptom (its slug).
pub const SYMPTOM_ATTR: &str = "data-symptom";

/// How many results a search lists at most.
const LIMIT: usize = 50;

/// Searches people can try, shown when nothing is asked yet or nothing matched.
const EXAMPLES: [&str; 6] = [
    "tired",
    "pee",
    "needle left in",
    "dizzy",
    "twitching",
    "crying",
];

/// Everything the search page shows for one query and one choice of symptoms.
#[derive(Debug)]
pub struct SearchPage {
    /// The words as typed.
    pub query: String,
    /// The search's answer, when there are words to search.
    pub results: Option<SearchResults>,
    /// The entries shown, in order: the hits (or every entry) narrowed by the filter.
    pub shown: Vec<EntryId>,
    /// For each symptom, how many of the candidates it would show.
    pub counts: Vec<(Symptom, usize)>,
    /// The chosen symptoms.
    pub filter: Filter,
    /// The red flags the words or the chosen symptoms name, most urgent first: shown before
    /// any answer.
    pub flags: Vec<&'static RedFlag>,
}

impl SearchPage {
    /// The page for `query` and the `symptoms` parameter (`fatigue,tingling`).
    #[must_use]
    pub fn compute(query: &str, symptoms: &str) -> SearchPage {
        let filter = Filter::from_param(symptoms);
        // Red flags come before ranking: what the words name or the chips imply, most urgent
        // first, each once (as a journal entry's).
        let flags = red_flags::named_by(&filter.selected, query);
        let results = (!query.trim().is_empty()).then(|| guide_index().search(query, LIMIT));
        let candidates: Vec<EntryId> = match &results {
            Some(r) => r.hits.iter().map(|h| h.id).collect(),
            None => content::entries().collect(),
        };
        SearchPage {
            shown: filter.apply(&candidates),
            counts: Filter::counts(&candidates),
            query: query.to_owned(),
            results,
            filter,
            flags,
        }
    }

    /// How many answers `symptom` would show.
    #[must_use]
    pub fn count(&self, symptom: Symptom) -> usize {
        self.counts
            .iter()
            .find(|(s, _)| *s == symptom)
            .map_or(0, |(_, n)| *n)
    }

    /// Whether the filter starts open: when it is the way in (no words typed) or already in
    /// use. Otherwise the answers come first and the filter is one tap away.
    #[must_use]
    pub fn filter_opens(&self) -> bool {
        self.query.trim().is_empty() || !self.filter.is_empty()
    }

    /// The polite status line: the red flag first, then how many answers.
    #[must_use]
    pub fn status(&self) -> String {
        let n = self.shown.len();
        let things = if n == 1 { "answer" } else { "answers" };
        let answers = match (self.query.trim().is_empty(), self.filter.is_empty()) {
            (true, true) => String::new(),
            (false, _) => format!("{n} {things} for “{}”", self.query.trim()),
            (true, false) => format!("{n} {things} about the chosen symptoms"),
        };
        match self.flags.first() {
            Some(flag) => format!("Get help: {}. See the card above. {answers}", flag.title),
            None => answers,
        }
    }

    /// The red flags' care cards, or nothing.
    #[must_use]
    pub fn flags_inner(&self) -> String {
        if self.flags.is_empty() {
            return String::new();
        }
        element(
            "div",
            &[
                ("class", "flag-cards"),
                ("role", "region"),
                ("aria-label", "Get help"),
            ],
            &care::red_flag_cards(&self.flags, "search"),
        )
    }

    /// "Showing results for …" when the words were read as others, and the note when only the
    /// start of a long query was searched.
    #[must_use]
    pub fn notes_inner(&self) -> String {
        let mut h = Html::new();
        let Some(results) = &self.results else {
            return String::new();
        };
        if let Some(shown) = results.interpretation.display_query() {
            h.open("p", &[("class", "interpretation")])
                .text("Showing results for ")
                .leaf("strong", &[], shown)
                .close("p");
        }
        if results.truncated {
            h.leaf(
                "p",
                &[("class", "note")],
                &format!(
                    "Only the first {MAX_QUERY_CHARS} characters (or 12 words) were searched."
                ),
            );
        }
        h.into_string()
    }

    /// The answers: the results list; suggestions when nothing is asked; or why nothing
    /// matched (never with unrelated suggestions under a red flag: its card says what to do).
    #[must_use]
    pub fn answers_inner(&self) -> String {
        let mut h = Html::new();
        if self.query.trim().is_empty() && self.filter.is_empty() {
            suggestions(&mut h);
        } else if self.shown.is_empty() && !self.flags.is_empty() {
            h.open("div", &[("class", "empty")])
                .leaf(
                    "p",
                    &[],
                    "The guide has no answer that matches those words. Follow the advice above.",
                )
                .close("div");
        } else if self.shown.is_empty() {
            h.open("div", &[("class", "empty")]).leaf(
                "p",
                &[],
                "No answers match that. Try fewer or different words, or clear the symptoms.",
            );
            suggestions(&mut h);
            h.close("div");
        } else {
            let hits = self
                .results
                .as_ref()
                .map(|r| r.hits.as_slice())
                .unwrap_or_default();
            return element(
                "ol",
                &[("class", "results"), ("aria-label", "Answers")],
                &results_inner(&self.shown, hits),
            );
        }
        h.into_string()
    }

    /// " (2 chosen)" after "Filter by symptom", or nothing.
    #[must_use]
    pub fn chosen(&self) -> String {
        match self.filter.selected.len() {
            0 => String::new(),
            n => format!(" ({n} chosen)"),
        }
    }

    /// The filter's toggles, one per symptom, each with how many answers it would show.
    #[must_use]
    pub fn toggles_inner(&self) -> String {
        let mut h = Html::new();
        for &symptom in Symptom::ALL {
            h.open("li", &[]).open(
                "button",
                &[
                    ("type", "button"),
                    ("class", self.toggle_class(symptom)),
                    ("aria-pressed", self.pressed(symptom)),
                    (SYMPTOM_ATTR, symptom.slug()),
                ],
            );
            h.text(symptom.name())
                .open("span", &[("class", "count")])
                .push(&count_inner(self.count(symptom)))
                .close("span")
                .close("button")
                .close("li");
        }
        h.into_string()
    }

    /// A toggle's class: muted when it would show nothing.
    #[must_use]
    pub fn toggle_class(&self, symptom: Symptom) -> &'static str {
        if self.count(symptom) == 0 {
            "toggle muted"
        } else {
            "toggle"
        }
    }

    /// A toggle's `aria-pressed`.
    #[must_use]
    pub fn pressed(&self, symptom: Symptom) -> &'static str {
        if self.filter.contains(symptom) {
            "true"
        } else {
            "false"
        }
    }

    /// What goes inside a toggle's count (`<span class="count">`): the number, with words
    /// around it for screen readers (", 3 answers").
    #[must_use]
    pub fn count_inner(&self, symptom: Symptom) -> String {
        count_inner(self.count(symptom)).into_string()
    }

    /// The whole page, as the app shows it inside `<main>`.
    #[must_use]
    pub fn outer(&self) -> String {
        element("div", &[("class", SEARCH_CLASS)], &self.inner())
    }

    /// The whole page's inner HTML. The filter's toggles are written only when it opens
    /// open ([`SearchPage::filter_opens`]); a closed filter gets them when first opened.
    #[must_use]
    pub fn inner(&self) -> String {
        let open = self.filter_opens();
        let mut heading = Html::new();
        h1(&mut heading, "Find an answer");
        let mut lead = Html::new();
        lead.leaf(
            "p",
            &[("class", "lead")],
            "Type what you feel in your own words in the search box above, or choose symptoms below.",
        )
        .leaf(
            "p",
            &[
                ("class", "status"),
                ("role", "status"),
                ("aria-live", "polite"),
            ],
            &self.status(),
        );
        let mut summary = Html::new();
        summary
            .text("Filter by symptom")
            .leaf("span", &[("class", CHOSEN_CLASS)], &self.chosen());
        let mut clear = Html::new();
        let clear_attrs: &[(&str, &str)] = if self.filter.is_empty() {
            &[("type", "button"), ("class", CLEAR_CLASS), ("hidden", "")]
        } else {
            &[("type", "button"), ("class", CLEAR_CLASS)]
        };
        clear.leaf("button", clear_attrs, "Clear symptoms");
        let details: &[(&str, &str)] = if open {
            &[("class", FILTER_CLASS), ("open", "")]
        } else {
            &[("class", FILTER_CLASS)]
        };
        let toggles = if open {
            self.toggles_inner()
        } else {
            String::new()
        };
        let filter = [
            element("summary", &[], summary.as_str()),
            element("ul", &[("class", TOGGLES_CLASS)], &toggles),
            clear.into_string(),
        ]
        .concat();
        [
            heading.into_string(),
            element("div", &[("class", FLAGS_CLASS)], &self.flags_inner()),
            lead.into_string(),
            element("div", &[("class", NOTES_CLASS)], &self.notes_inner()),
            element("details", details, &filter),
            element("div", &[("class", ANSWERS_CLASS)], &self.answers_inner()),
        ]
        .concat()
    }
}

/// `<tag attrs>inner</tag>`, where `inner` is markup this module's writers already escaped.
fn element(tag: &str, attrs: &[(&str, &str)], inner: &str) -> String {
    let mut open = Html::new();
    open.open(tag, attrs);
    let mut close = Html::new();
    close.close(tag);
    [open.as_str(), inner, close.as_str()].concat()
}

fn count_inner(n: usize) -> Html {
    let mut h = Html::new();
    h.leaf("span", &[("class", "visually-hidden")], ", ")
        .text(&n.to_string())
        .leaf(
            "span",
            &[("class", "visually-hidden")],
            if n == 1 { " answer" } else { " answers" },
        );
    h
}

fn suggestions(h: &mut Html) {
    h.open(
        "section",
        &[("class", "suggestions"), ("aria-labelledby", "try-title")],
    )
    .leaf("h2", &[("id", "try-title")], "Try searching for")
    .open("ul", &[("class", "link-list inline")]);
    for example in EXAMPLES {
        let href = format!("search/?q={}", example.replace(' ', "+"));
        h.open("li", &[])
            .leaf("a", &[("href", &href)], example)
            .close("li");
    }
    h.close("ul").close("section");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
        let from = html.find(start).map_or(html.len(), |i| i + start.len());
        let to = html[from..].find(end).map_or(html.len(), |i| from + i);
        &html[from..to]
    }

    #[test]
    fn an_empty_page_suggests_searches_and_opens_the_filter_with_every_toggle() {
        let page = SearchPage::compute("", "");
        assert_eq!(page.status(), "");
        assert!(page.filter_opens());
        let html = page.inner();
        assert_eq!(html.matches("<h1").count(), 1);
        assert!(html.contains("<details class=\"symptom-filter\" open=\"\">"));
        assert_eq!(
            html.matches("<button type=\"button\" class=\"toggle")
                .count(),
            Symptom::ALL.len(),
            "{html}"
        );
        assert!(html.contains("href=\"search/?q=needle+left+in\""));
        assert!(html.contains("class=\"clear\" hidden=\"\""));
        assert!(!html.contains("class=\"results\""));
    }

    #[test]
    fn a_search_lists_answers_first_and_leaves_the_filter_closed_and_unbuilt() {
        let page = SearchPage::compute("tired", "");
        assert!(!page.filter_opens());
        assert!(page.status().ends_with("for “tired”"), "{}", page.status());
        let html = page.inner();
        assert!(html.contains("<details class=\"symptom-filter\">"));
        assert_eq!(between(&html, "<ul class=\"toggles\">", "</ul>"), "");
        let answers = between(&html, "<div class=\"search-answers\">", "</ol>");
        assert!(answers.starts_with("<ol class=\"results\" aria-label=\"Answers\">"));
        assert!(answers.contains("<mark>"), "{answers}");
        assert_eq!(
            answers.matches("<li class=\"result\">").count(),
            page.shown.len()
        );
    }

    #[test]
    fn a_red_flag_comes_before_everything_and_brings_no_unrelated_suggestions() {
        let page = SearchPage::compute("chest pain", "");
        assert!(page.status().starts_with("Get help: "), "{}", page.status());
        let html = page.inner();
        let flags = html.find("flag-cards").unwrap_or(usize::MAX);
        let lead = html.find("class=\"lead\"").unwrap_or(0);
        assert!(flags < lead, "the card comes before the lead");
        assert!(html.contains("href=\"tel:911\""), "the number to call");
        let nothing = SearchPage::compute("chest pain zzqqxx", "");
        if nothing.shown.is_empty() {
            assert!(!nothing.answers_inner().contains("suggestions"));
        }
    }

    #[test]
    fn chosen_symptoms_narrow_the_answers_open_the_filter_and_press_their_toggles() {
        let page = SearchPage::compute("", "fatigue");
        assert!(page.filter_opens());
        assert_eq!(page.chosen(), " (1 chosen)");
        assert!(page.status().ends_with("about the chosen symptoms"));
        assert_eq!(page.pressed(Symptom::Fatigue), "true");
        let html = page.toggles_inner();
        assert!(
            html.contains("aria-pressed=\"true\" data-symptom=\"fatigue\""),
            "{html}"
        );
        assert!(page.inner().contains("class=\"clear\">Clear symptoms"));
        let shown = page.count(Symptom::Fatigue);
        assert_eq!(page.shown.len(), shown, "the count matches what is shown");
    }

    #[test]
    fn nothing_found_says_so_with_suggestions_and_odd_words_are_escaped() {
        let page = SearchPage::compute("<zzqqxx>", "");
        assert!(page.shown.is_empty());
        let html = page.inner();
        assert!(html.contains("No answers match that."));
        assert!(html.contains("suggestions"));
        assert!(!html.contains("<zzqqxx>"), "the query is escaped");
        assert!(page.status().contains("“<zzqqxx>”"), "the status is text");
    }

    #[test]
    fn a_long_query_says_only_its_start_was_searched() {
        let long = "tired ".repeat(60);
        let page = SearchPage::compute(&long, "");
        assert!(page.notes_inner().contains("Only the first 200 characters"));
    }

    #[test]
    fn counts_read_as_words() {
        assert_eq!(
            count_inner(1).into_string(),
            "<span class=\"visually-hidden\">, </span>1<span class=\"visually-hidden\"> answer</span>"
        );
        assert!(count_inner(0).into_string().contains(" answers"));
    }
}
