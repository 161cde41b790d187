//! The search engine's promises, each as a table: results never vanish while a word is
//! typed, ranking tiers (exact > stemmed > synonym > typo), every word above some, stop
//! words, phrases, "Showing results for …", hostile input, and snippet integrity.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use aftercare_core::search::{guide_index, lay, words, Doc, EntryId, Field, Index, SearchResults};

/// A small synthetic corpus: document `i` is `EntryId::Thread(i)` with one title and one
/// body, so scores depend only on the words.
fn corpus(docs: &[(&str, &str)]) -> Index {
    Index::new(
        docs.iter()
            .enumerate()
            .map(|(i, (title, body))| Doc {
                id: EntryId::Thread(i),
                fields: vec![
                    (Field::Title, (*title).to_owned()),
                    (Field::Body, (*body).to_owned()),
                ],
            })
            .collect(),
    )
}

/// The ranked document numbers of a synthetic-corpus search.
fn ranked(index: &Index, query: &str) -> Vec<usize> {
    index
        .search(query, 10)
        .hits
        .iter()
        .map(|h| match h.id {
            EntryId::Thread(i) | EntryId::Section(i) => i,
        })
        .collect()
}

#[track_caller]
fn check_order(index: &Index, query: &str, expected: &[usize]) {
    assert_eq!(ranked(index, query), expected, "ranking for {query:?}");
}

#[test]
fn tiers_rank_exact_then_stemmed_then_synonym_then_typo() {
    // Same shape for every document, so only the kind of match differs.
    let index = corpus(&[
        ("fatigue", "one two three"),
        ("exhausting", "one two three"),
        ("exhausted", "one two three"),
        ("unrelated", "one two three"),
    ]);
    // Trailing space: the word is finished, so no completions.
    check_order(&index, "exhausted ", &[2, 1, 0]);
    // "weary" is a lay word for fatigue; "wary" is one edit from it.
    let index = corpus(&[("wary", "one two"), ("fatigue", "one two")]);
    check_order(&index, "weary ", &[1, 0]);
}

#[test]
fn every_word_matched_beats_some_words_matched_often() {
    let index = corpus(&[
        ("needle needle needle", "needle needle needle needle"),
        ("something else", "a needle in the leg"),
    ]);
    check_order(&index, "needle leg ", &[1, 0]);
    let r = index.search("needle leg ", 10);
    assert!(r.hits[0].all_words && !r.hits[1].all_words);
}

#[test]
fn stop_words_do_not_drown_the_meaning() {
    let index = corpus(&[
        ("is it the", "is it the is it the is it the"),
        ("fatigue", "one two three four five six"),
    ]);
    check_order(&index, "is it the fatigue ", &[1]);
    // A query of stop words only still searches them.
    check_order(&index, "is it ", &[0]);
}

#[test]
fn quoted_phrases_match_in_order() {
    let index = corpus(&[
        ("pins and needles", "one"),
        ("needles and pins", "two"),
        ("pins", "needles"),
    ]);
    check_order(&index, "\"pins and needles\"", &[0]);
    check_order(&index, "“pins and needles”", &[0]);
    // Without quotes every document with the words matches; a lone quote is ignored.
    assert_eq!(index.search("pins and needles ", 10).total, 3);
    assert_eq!(index.search("\"pins and needles", 10).total, 3);
}

#[test]
fn typo_budget_follows_word_length() {
    let index = corpus(&[
        ("fatigue", "one"),
        ("dizzy", "two"),
        ("lightheaded", "three"),
        ("leg", "four"),
    ]);
    // (query, expected document or none): 1 edit for 4–7 letters, 2 for 8+, none below 4.
    let table: &[(&str, Option<usize>)] = &[
        ("fatgiue ", Some(0)),
        ("fatige ", Some(0)),
        ("fatuuge ", None),
        ("dizy ", Some(1)),
        ("lightheded ", Some(2)),
        ("lihgtheded ", Some(2)),
        ("lgihtheedd ", None),
        ("lef ", None),
    ];
    for &(query, want) in table {
        let got = ranked(&index, query).first().copied();
        assert_eq!(got, want, "typo query {query:?}");
    }
}

#[test]
fn results_never_vanish_while_a_word_is_typed() {
    let index = Index::from_content();
    // (word typed letter by letter, the entry that must stay in the results).
    let table = [
        ("fatigue", "fatigue"),
        ("exhausted", "fatigue"),
        ("twitchy", "twitchy-muscles"),
        ("spacey", "feeling-spacey"),
        ("bathroom", "bathroom"),
        ("tingling", "tingling-cold-foot"),
        ("needle", "needle-left-in"),
        ("lightheaded", "light-headed-for-weeks"),
        ("migraine", "dizzy-and-vomiting"),
    ];
    for (word, slug) in table {
        let chars: Vec<char> = word.chars().collect();
        for n in 2..=chars.len() {
            let typed: String = chars[..n].iter().collect();
            for query in [typed.clone(), format!("{typed} ")] {
                // A finished 2–3 letter fragment ("fa ") is not a word: only the typed form
                // has to keep the entry.
                if query.ends_with(' ') && n < word.len() {
                    continue;
                }
                let r = index.search(&query, 10);
                assert!(
                    r.hits.iter().any(|h| h.id.slug() == slug),
                    "{query:?} lost {slug}: {:?}",
                    r.hits.iter().map(|h| h.id.slug()).collect::<Vec<_>>()
                );
            }
        }
    }
}

#[test]
fn the_first_letter_typed_already_answers() {
    let index = Index::from_content();
    for word in ["tired", "pee", "needle left in", "dizzy", "crying", "sore"] {
        let first: String = word.chars().take(1).collect();
        let r = index.search(&first, 10);
        assert!(
            !r.hits.is_empty(),
            "{first:?} (from {word:?}) shows no answer"
        );
    }
    // A finished one-letter word is not a word being typed: no completions for it.
    assert!(index.search("t ", 10).hits.len() <= index.search("t", 10).hits.len());
}

#[track_caller]
fn check_interpretation(index: &Index, query: &str, shown: Option<&str>) {
    let r = index.search(query, 10);
    assert_eq!(
        r.interpretation.display_query(),
        shown,
        "display of {query:?}: {:?}",
        r.interpretation
    );
}

#[test]
fn showing_results_for_explains_corrections_and_synonyms() {
    let index = Index::from_content();
    check_interpretation(&index, "fatigue", None);
    check_interpretation(&index, "tired for days", None);
    check_interpretation(&index, "lightheded", Some("lightheaded"));
    check_interpretation(&index, "fatige", Some("fatigue"));
    check_interpretation(&index, "twitchey", Some("twitchy"));
    check_interpretation(&index, "weary", Some("fatigue"));
    check_interpretation(
        &index,
        "barf after acupuncture",
        Some("nausea after acupuncture"),
    );
    check_interpretation(&index, "zzzzzz", None);
    let r = index.search("weary", 10);
    assert_eq!(
        r.interpretation.synonyms,
        [("weary".to_owned(), "fatigue".to_owned())]
    );
    let r = index.search("fatige", 10);
    assert_eq!(
        r.interpretation.corrected,
        [("fatige".to_owned(), "fatigue".to_owned())]
    );
}

#[test]
fn normalisation_meets_the_guide_halfway() {
    let index = Index::from_content();
    // (query, entry expected first)
    let table = [
        ("FATIGUE", "fatigue"),
        ("fatigué", "fatigue"),
        ("Fatigue!!!", "fatigue"),
        ("“wiped out”", "fatigue"),
        ("acu—stoned", "feeling-spacey"),
        ("can’t sleep", "burning-inside-cold-outside"),
        ("pee-right-after", "bathroom"),
    ];
    for (query, slug) in table {
        let r = index.search(query, 3);
        assert_eq!(
            r.hits.first().map(|h| h.id.slug()),
            Some(slug),
            "first hit for {query:?}"
        );
    }
}

/// Checks the promises every result keeps, whatever the query.
#[track_caller]
fn check_results(query: &str, r: &SearchResults, limit: usize) {
    assert!(
        r.hits.len() <= limit && r.hits.len() <= r.total,
        "{query:?}"
    );
    for hit in &r.hits {
        assert!(hit.score.is_finite() && hit.score > 0.0, "{query:?}");
        let text: String = hit.snippet.iter().map(|s| s.text.as_str()).collect();
        assert!(
            text.chars().count() <= 175,
            "{query:?}: snippet too long: {text:?}"
        );
        let plain = text.trim_start_matches("… ").trim_end_matches(" …");
        let source = hit.id.section().map_or_else(
            || {
                let t = hit.id.thread().unwrap();
                t.messages()
                    .flat_map(|(_, m)| m.paragraphs.iter().copied())
                    .collect::<Vec<_>>()
                    .join(" ")
            },
            |s| format!("{} {}", s.summary, s.paragraphs.join(" ")),
        );
        assert!(
            source.contains(plain),
            "{query:?}: snippet is not the guide's text: {plain:?}"
        );
        for seg in hit
            .snippet
            .iter()
            .chain(&hit.title)
            .filter(|s| s.highlighted)
        {
            let seg_words = words(&seg.text);
            assert!(
                seg_words.iter().all(|w| hit.matched_terms.contains(w)),
                "{query:?}: highlighted {:?} is not a matched term {:?}",
                seg.text,
                hit.matched_terms
            );
        }
        let title: String = hit.title.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(title, hit.id.title(), "{query:?}: title text");
    }
}

#[test]
fn any_input_is_safe_and_bounded() {
    let index = Index::from_content();
    let long = "fatigue ".repeat(1_250);
    let long_word = "a".repeat(10_000);
    let hostile: Vec<(String, bool)> = vec![
        (String::new(), false),
        ("   ".to_owned(), false),
        (long, true),
        (long_word, true),
        ("🙂🔥💉 needle 🙂".to_owned(), false),
        ("מחט נשארה ברגל".to_owned(), false),
        ("إبرة في ساقي".to_owned(), false),
        (".*+?^${}()|[]\\/ (?i)fatigue".to_owned(), false),
        ("\"".to_owned(), false),
        ("\"\"\"".to_owned(), false),
        ("“".to_owned(), false),
        ("'".to_owned(), false),
        ("<script>alert(1)</script>".to_owned(), false),
        ("<mark>fatigue</mark>".to_owned(), false),
        ("\0\u{200B}\u{FEFF}\u{202E}fatigue".to_owned(), false),
        ("e\u{301}\u{301}\u{301}".to_owned(), false),
        ("a b c d e f g h i j k l m n o p".to_owned(), true),
        ("x".repeat(200), false),
    ];
    for (query, truncated) in &hostile {
        let start = Instant::now();
        let r = index.search(query, 10);
        let took = start.elapsed();
        assert_eq!(r.truncated, *truncated, "truncated flag for {query:.40?}");
        eprintln!("{query:.40?} took {took:?}");
        check_results(query, &r, 10);
    }
    // Markup typed in the query comes back, if at all, as plain text to be escaped.
    let r = index.search("<mark>fatigue</mark>", 10);
    assert_eq!(r.hits.first().map(|h| h.id.slug()), Some("fatigue"));
}

#[test]
fn every_relevance_query_gives_sound_snippets() {
    let index = Index::from_content();
    let table = include_str!("search_queries.txt");
    let mut n = 0;
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && l.contains('|'))
    {
        let (_, query) = line.split_once('|').unwrap();
        let r = index.search(query.trim_start(), 5);
        check_results(query, &r, 5);
        assert!(
            r.hits
                .first()
                .is_some_and(|h| h.snippet.iter().any(|s| s.highlighted)
                    || h.title.iter().any(|s| s.highlighted)
                    || !h.matched_terms.is_empty()),
            "{query:?}: the top hit shows no match"
        );
        n += 1;
    }
    assert!(n >= 60);
}

#[test]
fn limit_zero_counts_without_hits() {
    let index = Index::from_content();
    let r = index.search("acupuncture", 0);
    assert!(r.hits.is_empty());
    assert_eq!(r.total, index.len());
}

#[test]
fn the_lay_word_map_is_large_and_points_into_the_guide() {
    let lay_terms: usize = lay::groups().iter().map(|g| g.lay.len()).sum();
    assert!(lay_terms >= 40, "only {lay_terms} lay terms");
    let index = Index::from_content();
    for group in lay::groups() {
        for guide in group.guide {
            for word in words(guide) {
                assert!(
                    index.contains_word(&word),
                    "guide term {guide:?} ({word:?}) is not in the guide"
                );
            }
        }
    }
    // (lay phrase, an entry it must find first)
    let table = [
        ("pins and needles", "sensations-elsewhere"),
        ("jumpy muscle", "twitchy-muscles"),
        ("spaced out", "feeling-spacey"),
        ("needle left in", "needle-left-in"),
        ("threw up", "dizzy-and-vomiting"),
        ("poop", "bathroom"),
    ];
    for (query, slug) in table {
        let r = index.search(query, 3);
        assert_eq!(r.hits.first().map(|h| h.id.slug()), Some(slug), "{query:?}");
    }
}

#[test]
fn the_guide_index_is_built_once_and_covers_every_entry() {
    let a = guide_index();
    let b = guide_index();
    assert!(std::ptr::eq(a, b));
    assert_eq!(a.len(), aftercare_core::content::entries().count());
    assert!(a.vocabulary_len() > 500);
    assert!(a.memory_bytes() > 0);
}
