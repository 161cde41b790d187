//! The symptom filter: URL form, ranking by match count, counts, against the real content.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use aftercare_core::content::{entries, EntryId, Symptom};
use aftercare_core::filter::Filter;

fn sym(slug: &str) -> Symptom {
    Symptom::from_slug(slug).unwrap_or_else(|| panic!("no symptom {slug}"))
}

fn all() -> Vec<EntryId> {
    entries().collect()
}

fn slugs(list: &[EntryId]) -> Vec<&'static str> {
    list.iter().map(|e| e.slug()).collect()
}

#[test]
fn url_form_is_parsed_leniently_and_written_canonically() {
    #[track_caller]
    fn check(param: &str, selected: &[&str], written: &str) {
        let f = Filter::from_param(param);
        let got: Vec<&str> = f.selected.iter().map(|s| s.slug()).collect();
        assert_eq!(got, selected, "from_param({param:?})");
        assert_eq!(f.to_param(), written, "to_param after {param:?}");
        // Writing then reading gives the same filter.
        assert_eq!(Filter::from_param(&f.to_param()), f);
    }
    check(
        "fatigue,tingling",
        &["fatigue", "tingling"],
        "fatigue,tingling",
    );
    check(
        "tingling,fatigue",
        &["tingling", "fatigue"],
        "tingling,fatigue",
    );
    check("", &[], "");
    check(",,", &[], "");
    check("fatigue", &["fatigue"], "fatigue");
    check(" fatigue , chest ", &["fatigue", "chest"], "fatigue,chest");
    check(
        "needle-left-in,hot-cold",
        &["needle-left-in", "hot-cold"],
        "needle-left-in,hot-cold",
    );
    // Unknown slugs are ignored, not an error: a stale or hand-edited link still opens.
    check(
        "fatigue,bogus,tingling",
        &["fatigue", "tingling"],
        "fatigue,tingling",
    );
    check("Fatigue", &[], "");
    check("fatigue;tingling", &[], "");
    // Regression guard: a repeated symptom in a link must not count twice in the ranking.
    check(
        "fatigue,tingling,fatigue",
        &["fatigue", "tingling"],
        "fatigue,tingling",
    );
}

#[test]
fn select_toggle_and_clear() {
    let mut f = Filter::default();
    assert!(f.is_empty());
    f.toggle(sym("fatigue"));
    f.toggle(sym("tingling"));
    f.select(sym("fatigue"));
    assert_eq!(f.to_param(), "fatigue,tingling");
    assert!(f.contains(sym("tingling")));
    f.toggle(sym("fatigue"));
    assert_eq!(f.to_param(), "tingling");
    assert!(!f.contains(sym("fatigue")));
    f.clear();
    assert!(f.is_empty());
    assert_eq!(f.to_param(), "");
}

#[test]
fn apply_ranks_by_number_of_selected_symptoms_matched() {
    #[track_caller]
    fn check(param: &str, candidates: &[EntryId], expected: &[&str]) {
        let got = Filter::from_param(param).apply(candidates);
        assert_eq!(slugs(&got), expected, "apply({param:?})");
    }
    let all = all();
    check("chest", &all, &[]);
    check("needle-left-in", &all, &["needle-left-in"]);
    check(
        "fatigue",
        &all,
        &["fatigue", "flu-like-and-drained", "crying-and-heat-wave"],
    );
    // Threads tagged with both come first; then the rest in content order.
    check(
        "tingling,nerve",
        &all,
        &[
            "tingling-pain-and-bruise",
            "electric-pain-numb-finger",
            "tingling-cold-foot",
            "sensations-elsewhere",
            "insomnia-and-twitchy-arm",
        ],
    );
    // Three selected: 3 matches, then 2, then 1, each group in candidate order.
    check(
        "soreness,tingling,nerve",
        &all,
        &[
            "tingling-pain-and-bruise",
            "electric-pain-numb-finger",
            "sensations-elsewhere",
            "tingling-cold-foot",
            "twitchy-muscles",
            "anxious-and-achy",
            "insomnia-and-twitchy-arm",
            "sore-spots-worse",
        ],
    );
    // Search hits in rank order: ties keep the search's order, not content order.
    let mut reversed = all.clone();
    reversed.reverse();
    check(
        "tingling,nerve",
        &reversed,
        &[
            "tingling-cold-foot",
            "electric-pain-numb-finger",
            "tingling-pain-and-bruise",
            "insomnia-and-twitchy-arm",
            "sensations-elsewhere",
        ],
    );
    // Only candidates can be shown.
    check("fatigue", &all[..5], &["fatigue"]);
    check("fatigue", &[], &[]);
}

#[test]
fn no_selection_shows_every_candidate_in_order() {
    let all = all();
    assert_eq!(Filter::default().apply(&all), all);
    let mut reversed = all.clone();
    reversed.reverse();
    assert_eq!(Filter::from_param("bogus").apply(&reversed), reversed);
}

/// The ranking's invariants, for every pair of symptoms: only matches, more matches first,
/// ties in candidate order, nothing lost.
#[test]
fn apply_invariants_for_every_pair_of_symptoms() {
    let all = all();
    for &a in Symptom::ALL {
        for &b in Symptom::ALL {
            let mut f = Filter::default();
            f.select(a);
            f.select(b);
            let got = f.apply(&all);
            let expected_len = all.iter().filter(|&&e| f.matches(e) > 0).count();
            assert_eq!(got.len(), expected_len, "{} {}", a.slug(), b.slug());
            for pair in got.windows(2) {
                let (m0, m1) = (f.matches(pair[0]), f.matches(pair[1]));
                assert!(m0 >= 1 && m1 >= 1);
                assert!(m0 > m1 || (m0 == m1 && pair[0] < pair[1]), "order {pair:?}");
            }
        }
    }
}

#[test]
fn counts_are_the_candidates_tagged_with_each_symptom() {
    #[track_caller]
    fn check(candidates: &[EntryId], expected: &[(&str, usize)]) {
        let counts = Filter::counts(candidates);
        assert_eq!(counts.len(), Symptom::ALL.len(), "one row per symptom");
        let order: Vec<Symptom> = counts.iter().map(|&(s, _)| s).collect();
        assert_eq!(order, Symptom::ALL, "taxonomy order");
        for &(slug, n) in expected {
            let got = counts
                .iter()
                .find(|(s, _)| s.slug() == slug)
                .map(|&(_, n)| n);
            assert_eq!(got, Some(n), "count for {slug}");
        }
    }
    let all = all();
    check(
        &all,
        &[
            ("fatigue", 3),
            ("soreness", 6),
            ("tingling", 5),
            ("needle-left-in", 1),
            ("chest", 0),
            ("infection", 0),
        ],
    );
    check(&[], &[("fatigue", 0), ("soreness", 0)]);
    // Within a search: only the hits count.
    check(
        &all[..6],
        &[
            ("fatigue", 1),
            ("soreness", 2),
            ("tingling", 1),
            ("nerve", 0),
        ],
    );
    // A count is what that symptom alone would show.
    for (s, n) in Filter::counts(&all) {
        let mut alone = Filter::default();
        alone.select(s);
        assert_eq!(alone.apply(&all).len(), n, "{}", s.slug());
    }
}

/// Runs per keystroke: apply and counts over all entries, with the time printed.
#[test]
fn filter_is_fast_enough_per_keystroke() {
    let all = all();
    let f = Filter::from_param("soreness,tingling,nerve,fatigue");
    let runs = 2_000;
    let start = Instant::now();
    let mut total = 0;
    for _ in 0..runs {
        total += f.apply(&all).len();
        total += Filter::counts(&all).len();
    }
    let per_run = start.elapsed() / runs;
    assert!(total > 0);
    // A figure, not a pass mark: speed goals are checked by `make bench`, never by timing
    // assertions that a busy machine could fail.
    eprintln!("filter apply + counts: {per_run:?} per keystroke");
}
