//! Red flags first: what people type, and the care card it must show first, or that it must
//! show none. The table is `data/red-flag-queries.tsv` (shared with `examples/safety.rs`,
//! which turns it into the figures of `make bench`); the matcher is
//! `aftercare_core::triage::red_flags::matching`.
//!
//! Where the line falls, and why:
//! - We err towards showing a card. A card too many costs a glance; a card too few can cost
//!   a life. So any mention of the chest shows the chest card ("chest twitching" too), and
//!   negation is not understood: "no chest pain" shows it as well.
//! - Feeling faint, nearly fainting, or a faint on the table that passed are common after
//!   needles and the guide answers them: no card. The faint card is for fainting that does
//!   not pass (won't wake up), a knock to the head, a seizure or a collapse.
//! - Feeling weak and tired all over is common after a session: no card. Weakness of an arm,
//!   a leg, a hand or the face, sudden weakness, or not being able to lift or grip shows the
//!   weakness card.
//! - Numbness or tingling is an everyday after-effect; it shows the nerve card only once it
//!   has lasted weeks or is "still" there.
//! - Throwing up, nausea, dizziness, headaches, bruises and bleeding from a needle spot are
//!   everyday after-effects: no card. A needle found left in is a question for the guide; a
//!   needle that broke off or is stuck under the skin shows the broken-needle card.
//! - Typos: a word of 5 letters or more may be one typo from a red-flag word (two from 8),
//!   unless it is an everyday word close to one ("fewer" is not "fever", "chose" is not
//!   "chest"). [`no_guide_word_reads_as_a_red_flag_word_by_typo`] walks the guide's own
//!   words so a new near miss fails here, not in front of a patient.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use aftercare_core::search::{guide_index, words, Index};
use aftercare_core::triage::red_flags::{self, RedFlag};

/// The shared table: (expected first flag, or `None` for no card; the query as typed).
fn table() -> Vec<(Option<&'static str>, &'static str)> {
    include_str!("data/red-flag-queries.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (slug, query) = l.split_once('\t').expect("a row is `slug<TAB>query`");
            ((slug != "-").then_some(slug), query)
        })
        .collect()
}

/// The slugs of the cards a query shows, in the order shown.
fn shown(query: &str) -> Vec<&'static str> {
    red_flags::matching(query).iter().map(|f| f.slug).collect()
}

/// What is wrong with one row, if anything.
fn verdict(query: &str, expected: Option<&str>) -> Option<String> {
    let got = shown(query);
    let ok = match expected {
        Some(slug) => got.first() == Some(&slug),
        None => got.is_empty(),
    };
    (!ok).then(|| format!("  {query:?}: want {expected:?} first, got {got:?}"))
}

#[track_caller]
fn check(query: &str, expected: Option<&str>) {
    if let Some(wrong) = verdict(query, expected) {
        panic!("{wrong}");
    }
}

#[test]
fn the_table_is_big_enough_and_names_real_flags() {
    let table = table();
    let flagged = table.iter().filter(|(s, _)| s.is_some()).count();
    let benign = table.len() - flagged;
    assert!(flagged >= 70, "{flagged} red-flag rows");
    assert!(benign >= 35, "{benign} everyday rows");
    for (slug, query) in &table {
        if let Some(slug) = slug {
            assert!(
                RedFlag::from_slug(slug).is_some(),
                "unknown flag {slug:?} for {query:?}"
            );
        }
    }
    for flag in RedFlag::all() {
        assert!(
            table.iter().any(|(s, _)| *s == Some(flag.slug)),
            "no row for the {} card",
            flag.slug
        );
    }
}

#[test]
fn every_row_shows_its_card_first_or_none() {
    let wrong: Vec<String> = table()
        .into_iter()
        .filter_map(|(slug, query)| verdict(query, slug))
        .collect();
    assert!(
        wrong.is_empty(),
        "{} rows wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn where_the_line_falls() {
    // Erring towards showing.
    check("chest twitching", Some("chest"));
    check("no chest pain", Some("chest"));
    // Fainting that passed, and feeling faint, are the guide's to answer.
    check("felt faint", None);
    check("fainted on the table", None);
    check("fainted and hit my head", Some("faint"));
    // Near misses of red-flag words.
    check("fewer needles", None);
    check("fever", Some("infection"));
    // Text around a flag does not hide it; a long note is read up to its limit.
    check(
        "Slept badly, then this morning I was coughing up blood.",
        Some("coughing-blood"),
    );
    check("", None);
    check(&"tired ".repeat(2000), None);
}

/// (guide word, red-flag word) pairs read as one another by typo on purpose: misspellings
/// people make of the flag word that the guide also happens to use.
const INTENDED: &[(&str, &str)] = &[
    // Misspellings in the search relevance table, read as the flag word they misspell.
    ("neddle", "needle"),
    ("tinglnig", "tingling"),
];

#[test]
fn no_guide_word_reads_as_a_red_flag_word_by_typo() {
    let index: &Index = guide_index();
    let mut seen: Vec<String> = index.vocabulary().map(str::to_owned).collect();
    // The words of the relevance table and of the everyday rows are everyday words too.
    let queries = include_str!("search_queries.txt");
    let everyday: String = table()
        .into_iter()
        .filter(|(s, _)| s.is_none())
        .map(|(_, q)| q)
        .collect::<Vec<_>>()
        .join(" ");
    seen.extend(words(queries));
    seen.extend(words(&everyday));
    seen.sort();
    seen.dedup();
    let mut wrong = Vec::new();
    for word in &seen {
        for target in red_flags::typo_targets(word) {
            if !INTENDED.contains(&(word.as_str(), target)) {
                wrong.push(format!("  {word:?} reads as {target:?}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "guide words one typo from a red-flag word (add them to EVERYDAY in \
         core/src/triage/red_flags.rs, or to INTENDED here):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn search_never_corrects_a_red_flag_word() {
    // Regression: "hives" was searched as "gives", "harm" as "arm", "short" as "sort".
    let index = guide_index();
    for query in [
        "hives",
        "harm myself",
        "short of breath",
        "breath",
        "shortness of breath",
        "wheezing",
        "seizure",
        "suicidal",
        "fever",
    ] {
        let results = index.search(query, 10);
        assert!(
            results.interpretation.corrected.is_empty(),
            "{query:?} was corrected: {:?}",
            results.interpretation.corrected
        );
        assert_eq!(
            results.interpretation.display_query(),
            None,
            "{query:?} was shown as another query"
        );
    }
    for word in ["hives", "harm", "short", "breath", "fever", "chest"] {
        assert!(
            red_flags::is_vocabulary(word),
            "{word:?} is a red-flag word"
        );
    }
}

/// The reader's quick check (before the whole app has loaded) never shows a card the full
/// matcher would not, never shows one on an everyday question, and still catches most of
/// the table as typed.
#[test]
fn the_readers_quick_check_is_a_subset_that_catches_most() {
    let mut caught = 0;
    let mut flagged = 0;
    for (slug, query) in table() {
        let full = shown(query);
        let quick: Vec<&str> = red_flags::matching_plain(query)
            .iter()
            .map(|f| f.slug)
            .collect();
        for s in &quick {
            assert!(
                full.contains(s),
                "{query:?}: quick {quick:?}, full {full:?}"
            );
        }
        match slug {
            None => assert!(quick.is_empty(), "{query:?} is everyday: {quick:?}"),
            Some(slug) => {
                flagged += 1;
                if quick.first() == Some(&slug) {
                    caught += 1;
                }
            }
        }
    }
    // Typos and unusual word forms wait for the whole app; plain phrasings must not.
    assert!(caught * 10 >= flagged * 7, "{caught} of {flagged}");
    for query in [
        "chest pain",
        "short of breath",
        "suicidal",
        "harm myself",
        "coughing up blood",
        "my lips are swelling",
        "fever and the spot is red",
    ] {
        assert!(
            !red_flags::matching_plain(query).is_empty(),
            "{query:?} shows a card at once"
        );
    }
}
